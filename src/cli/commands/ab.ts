import { type Command, InvalidArgumentError } from 'commander';
import { AB_METRICS, ABTester, type AbMetric } from '../../bench/ab-tester.js';
import { ModelBenchmark } from '../../bench/model-benchmark.js';
import { PerformanceTracker } from '../../bench/performance-tracker.js';
import { getConfig } from '../../config.js';
import { InvalidPromptError } from '../../errors.js';
import { openDatabase } from '../../jobs/db.js';
import { intOption, numberOption, requireModels } from '../options.js';
import { formatTable } from '../output.js';

export function register(program: Command): void {
  program
    .command('ab')
    .description(
      'A/B test two models on the same prompts and seeds (Welch t-test, Mann–Whitney U, effect sizes)',
    )
    .argument('<modelA>', 'first model')
    .argument('<modelB>', 'second model')
    .option('-p, --prompts <list>', 'comma-separated prompts', 'a wooden chair,a round table,a desk lamp')
    .option('-n, --samples <n>', 'generations per prompt and model', intOption('--samples', 2, 10_000), 5)
    .option('--alpha <a>', 'significance level', numberOption('--alpha', 1e-6, 0.5), 0.05)
    .option('--seed <n>', 'seed of generations and the bootstrap', intOption('--seed', 0, 2 ** 31 - 1), 1)
    .option(
      '--primary <metric>',
      `metric that decides the winner: ${Object.keys(AB_METRICS).join(', ')}`,
      (raw: string) => {
        if (!(raw in AB_METRICS))
          throw new InvalidArgumentError(`--primary must be one of ${Object.keys(AB_METRICS).join(', ')}.`);
        return raw;
      },
      'overallMeshQuality',
    )
    .option('--track', 'record the result in the job database for `dream-cad report`')
    .option('--json', 'print JSON instead of a table')
    .action(
      async (
        modelA: string,
        modelB: string,
        flags: {
          prompts: string;
          samples: number;
          alpha: number;
          seed: number;
          primary: string;
          track?: boolean;
          json?: boolean;
        },
      ) => {
        requireModels(modelA, modelB);
        const testPrompts = flags.prompts
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        if (testPrompts.length === 0) throw new InvalidPromptError('--prompts names no prompt.');
        const config = {
          modelA,
          modelB,
          testPrompts,
          numSamplesPerPrompt: flags.samples,
          alpha: flags.alpha,
          seed: flags.seed,
          primaryMetric: flags.primary as AbMetric,
        };
        const result = await new ABTester().runAbTest(
          config,
          new ModelBenchmark(modelA),
          new ModelBenchmark(modelB),
        );
        if (flags.track) {
          const c = getConfig();
          const db = await openDatabase({ url: c.databaseUrl, dataDir: c.dataDir });
          try {
            await (await PerformanceTracker.open(db.db)).trackAbTest(result);
          } finally {
            await db.close();
          }
        }
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const f = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');
        const rows = result.metrics.map((m) => [
          m.metric,
          `${m.better} is better`,
          f(m.a.mean),
          f(m.b.mean),
          f(m.welch.pValue, 4),
          f(m.mannWhitney.pValue, 4),
          `${f(m.cohensD.value, 2)} [${f(m.cohensD.ci[0], 2)}, ${f(m.cohensD.ci[1], 2)}]`,
          m.winner ?? 'no significant difference',
        ]);
        process.stdout.write(
          `${formatTable(['metric', 'direction', `mean ${modelA}`, `mean ${modelB}`, 'Welch p', 'Mann–Whitney p', "Cohen's d [CI]", 'winner'], rows)}\n` +
            `samples: ${result.samples.a} (${result.samples.failedA} failed) vs ${result.samples.b} (${result.samples.failedB} failed); alpha ${result.alpha}\n` +
            `Winner (${result.primaryMetric}): ${result.winner}\n`,
        );
      },
    );
}
