import { extname, join } from 'node:path';
import { resolveMeshReader } from '../io/read/registry.js';
import type { Model3D } from '../models/base.js';
import { ModelFactory } from '../models/factory.js';
import { QualityAssessor } from '../quality/assessor.js';
import type { QualityMetrics } from '../quality/types.js';
import { processSampler, type ResourceSampler } from './resources.js';
import { type SampleSummary, summarize } from './stats.js';

/** Whether a mesh reader exists for the file's extension (then the saved file itself is assessed). */
function readableMesh(path: string): boolean {
  try {
    resolveMeshReader(extname(path));
    return true;
  } catch {
    return false;
  }
}

/** The seed's `BenchmarkConfig`, in TypeScript naming. */
export interface BenchmarkConfig {
  /** Model to benchmark; defaults to the benchmark's own model. */
  modelName?: string;
  prompt: string;
  /** Timed runs (default 3). */
  testRuns?: number;
  /** Untimed runs first, to load weights and warm the JIT (default 1). */
  warmupRuns?: number;
  /** Write the last run's asset to `outputDir` (default false). */
  saveOutputs?: boolean;
  /** Where outputs go (default ./outputs/benchmarks). */
  outputDir?: string;
  /** Seed of the first run; run i uses seed + i (default 0). */
  seed?: number;
  /** Output format when saving (default glb). */
  format?: string;
  /** Assess the last run's asset with the QualityAssessor (default true). */
  assessQuality?: boolean;
  /** Model-specific generation options. */
  generationOptions?: Record<string, unknown>;
}

export const BENCHMARK_CONFIG_DEFAULTS = {
  testRuns: 3,
  warmupRuns: 1,
  saveOutputs: false,
  outputDir: join('outputs', 'benchmarks'),
  seed: 0,
  format: 'glb',
  assessQuality: true,
};

/** The seed's `BenchmarkResult`, plus the per-run times and their statistics. */
export interface BenchmarkResult {
  modelName: string;
  prompt: string;
  success: boolean;
  /** Mean wall time of the timed runs, seconds (NaN when none succeeded). */
  generationTimeSeconds: number;
  /** Peak GPU memory in use during the runs, GB; null without a GPU. */
  peakVramGb: number | null;
  /** Peak resident memory of this process during the runs, GB. */
  peakRamGb: number;
  outputPath?: string;
  errorMessage?: string;
  qualityMetrics?: QualityMetrics;
  /** Seconds of each timed run. */
  runTimesSeconds: number[];
  timeStats: SampleSummary;
  warmupRuns: number;
  testRuns: number;
  startedAt: string;
}

/** One generation measured for an A/B test. */
export interface BenchmarkSample {
  seconds: number;
  quality?: QualityMetrics;
  error?: string;
}

export interface ModelBenchmarkOptions {
  /** Makes the model (default `ModelFactory.createModel`); inject a stub in tests. */
  createModel?: (name: string) => Model3D;
  /** Makes the memory sampler (default: this process + nvidia-smi when present). */
  createSampler?: () => ResourceSampler;
  assessor?: QualityAssessor;
}

/**
 * Benchmarks a model: warm-up runs, timed runs, time statistics, peak RAM and VRAM, the output
 * saved and assessed.
 *
 * @example
 * const benchmark = new ModelBenchmark('dreamcad');
 * const result = await benchmark.runSingleBenchmark({ prompt: 'test object', testRuns: 10, warmupRuns: 2 });
 */
export class ModelBenchmark {
  private readonly models = new Map<string, Model3D>();
  private readonly createModel: (name: string) => Model3D;
  private readonly createSampler: () => ResourceSampler;
  private readonly assessor: QualityAssessor;

  constructor(
    readonly modelName: string,
    options: ModelBenchmarkOptions = {},
  ) {
    this.createModel = options.createModel ?? ((name) => ModelFactory.createModel(name));
    this.createSampler = options.createSampler ?? (() => processSampler());
    this.assessor = options.assessor ?? new QualityAssessor({ validate: true });
  }

  private model(name: string): Model3D {
    let m = this.models.get(name);
    if (!m) {
      m = this.createModel(name);
      this.models.set(name, m);
    }
    return m;
  }

  /** Runs one benchmark; failures become `success: false` with the error message, never a throw. */
  async runSingleBenchmark(config: BenchmarkConfig): Promise<BenchmarkResult> {
    const c = { ...BENCHMARK_CONFIG_DEFAULTS, ...config };
    const modelName = c.modelName ?? this.modelName;
    const startedAt = new Date().toISOString();
    const sampler = this.createSampler();
    const times: number[] = [];
    let errorMessage: string | undefined;
    let outputPath: string | undefined;
    let qualityMetrics: QualityMetrics | undefined;
    sampler.start();
    try {
      const model = this.model(modelName);
      for (let i = 0; i < c.warmupRuns; i++) {
        await model.generateFromText(c.prompt, { ...c.generationOptions, seed: c.seed + i });
        sampler.sample();
      }
      let last: Awaited<ReturnType<Model3D['generateFromText']>> | undefined;
      for (let i = 0; i < c.testRuns; i++) {
        sampler.sample();
        const t = performance.now();
        last = await model.generateFromText(c.prompt, { ...c.generationOptions, seed: c.seed + i });
        times.push((performance.now() - t) / 1000);
        sampler.sample();
      }
      if (last && c.saveOutputs) {
        const slug =
          c.prompt
            .replace(/[^a-z0-9]+/gi, '-')
            .replace(/^-|-$/g, '')
            .slice(0, 40)
            .toLowerCase() || 'prompt';
        outputPath = await last.save(
          join(c.outputDir, `${modelName}-${slug}-${c.seed + c.testRuns - 1}.${c.format}`),
        );
      }
      if (last && c.assessQuality) {
        qualityMetrics =
          outputPath && readableMesh(outputPath)
            ? await this.assessor.assessMeshFile(outputPath)
            : await this.assessor.assessAsset(last.asset);
      }
    } catch (err) {
      errorMessage = err instanceof Error ? err.message : String(err);
    }
    const peaks = await sampler.stop();
    const timeStats = summarize(times);
    return {
      modelName,
      prompt: c.prompt,
      success: errorMessage === undefined && times.length === c.testRuns,
      generationTimeSeconds: timeStats.mean,
      peakVramGb: peaks.peakVramGb,
      peakRamGb: peaks.peakRamGb,
      ...(outputPath ? { outputPath } : {}),
      ...(errorMessage ? { errorMessage } : {}),
      ...(qualityMetrics ? { qualityMetrics } : {}),
      runTimesSeconds: times,
      timeStats,
      warmupRuns: c.warmupRuns,
      testRuns: c.testRuns,
      startedAt,
    };
  }

  /** Runs benchmarks one after another (never in parallel: they would disturb each other's times). */
  async runBenchmarkSuite(configs: BenchmarkConfig[]): Promise<BenchmarkResult[]> {
    const out: BenchmarkResult[] = [];
    for (const c of configs) out.push(await this.runSingleBenchmark(c));
    return out;
  }

  /** One timed, assessed generation (what A/B tests collect many of). */
  async runSample(
    prompt: string,
    seed: number,
    generationOptions: Record<string, unknown> = {},
  ): Promise<BenchmarkSample> {
    try {
      const model = this.model(this.modelName);
      const t = performance.now();
      const result = await model.generateFromText(prompt, { ...generationOptions, seed });
      const seconds = (performance.now() - t) / 1000;
      const quality = await new QualityAssessor({ ...this.assessor.options, validate: false }).assessAsset(
        result.asset,
      );
      return { seconds, quality };
    } catch (err) {
      return { seconds: Number.NaN, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
