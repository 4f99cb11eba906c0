import type { Command } from 'commander';
import { ModelBenchmark } from '../../bench/model-benchmark.js';
import { PerformanceTracker } from '../../bench/performance-tracker.js';
import { getConfig } from '../../config.js';
import { InvalidPromptError } from '../../errors.js';
import { openDatabase } from '../../jobs/db.js';
import { intOption, requireModels } from '../options.js';
import { formatTable } from '../output.js';

export function register(program: Command): void {
  program
    .command('bench')
    .description('Benchmark a model: warm-up and timed runs per prompt, time statistics, memory, quality')
    .argument('[prompts...]', 'prompts to benchmark', ['a wooden chair'])
    .option('-m, --model <name>', 'model to benchmark (default: DREAM_CAD_DEFAULT_MODEL)')
    .option('-n, --runs <n>', 'timed runs per prompt', intOption('--runs', 1, 10_000), 3)
    .option('-w, --warmup <n>', 'warm-up runs per prompt', intOption('--warmup', 0, 1000), 1)
    .option(
      '--seed <n>',
      'seed of the first run (run i uses seed + i)',
      intOption('--seed', 0, 2 ** 32 - 1),
      0,
    )
    .option('--save <dir>', 'save each prompt’s last output to this folder')
    .option('--track', 'record the results in the job database for `dream-cad report`')
    .option('--json', 'print JSON instead of a table')
    .action(
      async (
        prompts: string[],
        flags: {
          model?: string;
          runs: number;
          warmup: number;
          seed: number;
          save?: string;
          track?: boolean;
          json?: boolean;
        },
      ) => {
        const modelName = flags.model ?? getConfig().defaultModel;
        requireModels(modelName);
        if (prompts.some((p) => p.trim() === '')) throw new InvalidPromptError('A prompt is empty.');
        const bench = new ModelBenchmark(modelName);
        const results = await bench.runBenchmarkSuite(
          prompts.map((prompt) => ({
            prompt,
            testRuns: flags.runs,
            warmupRuns: flags.warmup,
            seed: flags.seed,
            saveOutputs: !!flags.save,
            ...(flags.save ? { outputDir: flags.save } : {}),
          })),
        );
        if (flags.track) {
          const config = getConfig();
          const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
          try {
            const tracker = await PerformanceTracker.open(db.db);
            for (const r of results) await tracker.trackBenchmark(r);
          } finally {
            await db.close();
          }
        }
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        } else {
          const f = (v: number | null | undefined, d = 3) =>
            v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d);
          const rows = results.map((r) => [
            r.prompt,
            r.success ? 'ok' : `failed: ${r.errorMessage ?? ''}`,
            f(r.timeStats.mean),
            f(r.timeStats.median),
            f(r.timeStats.min),
            f(r.timeStats.max),
            f(r.timeStats.stdev),
            f(r.peakRamGb, 2),
            f(r.peakVramGb, 2),
            f(r.qualityMetrics?.overallMeshQuality, 1),
            f(r.qualityMetrics?.gameReadyScore, 1),
            r.outputPath ?? '',
          ]);
          process.stdout.write(
            `model ${modelName}: ${flags.warmup} warm-up + ${flags.runs} timed runs per prompt\n${formatTable(
              [
                'prompt',
                'status',
                'mean s',
                'median s',
                'min s',
                'max s',
                'sd s',
                'peak RAM GB',
                'peak VRAM GB',
                'quality',
                'game-ready',
                'output',
              ],
              rows,
            )}\n`,
          );
        }
        if (results.some((r) => !r.success)) process.exitCode = 1;
      },
    );
}
