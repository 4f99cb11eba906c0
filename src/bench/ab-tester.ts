import { GenerationError, InvalidPromptError } from '../errors.js';
import type { ModelBenchmark } from './model-benchmark.js';
import {
  bootstrapCi,
  cliffsDelta,
  cohensD,
  type MannWhitneyResult,
  mannWhitneyU,
  type SampleSummary,
  summarize,
  type WelchResult,
  welchTTest,
} from './stats.js';

/** Metrics an A/B test compares, and which direction is better. */
export const AB_METRICS = {
  generationTimeSeconds: 'lower',
  overallMeshQuality: 'higher',
  gameReadyScore: 'higher',
  meshWatertightScore: 'higher',
  faceCount: 'lower',
} as const;

export type AbMetric = keyof typeof AB_METRICS;

/** The seed's `ABTestConfig`, in TypeScript naming, plus the statistics' settings. */
export interface ABTestConfig {
  modelA: string;
  modelB: string;
  testPrompts: string[];
  /** Generations per prompt and model (default 5). */
  numSamplesPerPrompt?: number;
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Metrics to compare (default generation time, overall quality, game-ready score). */
  metrics?: AbMetric[];
  /** The metric whose verdict is the test's `winner` (default overallMeshQuality); always compared. */
  primaryMetric?: AbMetric;
  /** Seeds generations (sample i of a prompt uses seed + i for both models) and the bootstrap. */
  seed?: number;
  bootstrapSamples?: number;
}

export const AB_TEST_DEFAULTS = {
  numSamplesPerPrompt: 5,
  alpha: 0.05,
  metrics: ['generationTimeSeconds', 'overallMeshQuality', 'gameReadyScore'] as AbMetric[],
  primaryMetric: 'overallMeshQuality' as AbMetric,
  seed: 1,
  bootstrapSamples: 2000,
};

export interface MetricComparison {
  metric: string;
  better: 'lower' | 'higher';
  a: SampleSummary;
  b: SampleSummary;
  welch: WelchResult;
  mannWhitney: MannWhitneyResult;
  /** Cohen's d of B − A, with a seeded percentile-bootstrap confidence interval (1 − alpha). */
  cohensD: { value: number; ci: [number, number] };
  /** Cliff's delta of B over A, with its bootstrap interval. */
  cliffsDelta: { value: number; ci: [number, number] };
  /** Both tests reject "no difference" at alpha. */
  significant: boolean;
  /** The better model when significant, else null. */
  winner: string | null;
}

export interface ABTestResult {
  modelA: string;
  modelB: string;
  alpha: number;
  primaryMetric: string;
  /** The primary metric's winner, or "no significant difference". */
  winner: string;
  /** Welch p-value of the primary metric. */
  pValue: number;
  metrics: MetricComparison[];
  samples: { a: number; b: number; failedA: number; failedB: number };
  config: Required<ABTestConfig>;
}

/**
 * Compares two models on the same prompts and seeds: per metric, Welch's t-test and the
 * Mann–Whitney U test, effect sizes with seeded bootstrap intervals, and a winner only when both
 * tests find the difference significant at `alpha`. Same config, same result.
 *
 * @example
 * const result = await new ABTester().runAbTest(
 *   { modelA: 'dreamcad', modelB: 'other', testPrompts: ['chair', 'table', 'lamp'], numSamplesPerPrompt: 5 },
 *   new ModelBenchmark('dreamcad'),
 *   new ModelBenchmark('other'),
 * );
 * console.log(`Winner: ${result.winner} (p = ${result.pValue})`);
 */
export class ABTester {
  /** Generates every sample with both benchmarks, then compares. */
  async runAbTest(
    config: ABTestConfig,
    benchmarkA: ModelBenchmark,
    benchmarkB: ModelBenchmark,
  ): Promise<ABTestResult> {
    const c = { ...AB_TEST_DEFAULTS, ...config } as Required<ABTestConfig>;
    // The primary metric decides the winner, so it is always compared.
    if (!c.metrics.includes(c.primaryMetric)) c.metrics = [...c.metrics, c.primaryMetric];
    if (c.testPrompts.length === 0) throw new InvalidPromptError('runAbTest: testPrompts is empty.');
    const collect = async (bench: ModelBenchmark, model: string) => {
      const values: Record<string, number[]> = {};
      for (const m of c.metrics) values[m] = [];
      let failed = 0;
      let firstError: string | undefined;
      for (const prompt of c.testPrompts) {
        for (let i = 0; i < c.numSamplesPerPrompt; i++) {
          const s = await bench.runSample(prompt, c.seed + i);
          if (s.error || !s.quality) {
            failed++;
            firstError ??= s.error;
            continue;
          }
          for (const m of c.metrics) {
            values[m].push(m === 'generationTimeSeconds' ? s.seconds : (s.quality[m] as number));
          }
        }
      }
      const usable = c.testPrompts.length * c.numSamplesPerPrompt - failed;
      if (usable < 2) {
        // No statistics on fewer than two values: say why instead of "no significant difference".
        throw new GenerationError(
          `A/B test: model "${model}" gave ${usable} usable samples of ${usable + failed}; ` +
            `at least 2 are needed${firstError ? ` (first error: ${firstError})` : ''}.`,
        );
      }
      return { values, failed };
    };
    const a = await collect(benchmarkA, c.modelA);
    const b = await collect(benchmarkB, c.modelB);
    const result = this.compareSamples(c, a.values, b.values);
    result.samples.failedA = a.failed;
    result.samples.failedB = b.failed;
    return result;
  }

  /** The statistics alone, on samples already collected (metric → values for A and for B). */
  compareSamples(
    config: ABTestConfig,
    a: Record<string, number[]>,
    b: Record<string, number[]>,
  ): ABTestResult {
    const c = { ...AB_TEST_DEFAULTS, ...config } as Required<ABTestConfig>;
    const metrics: MetricComparison[] = [];
    let k = 0;
    for (const metric of Object.keys(a)) {
      const x = a[metric];
      const y = b[metric] ?? [];
      const better = (AB_METRICS as Record<string, 'lower' | 'higher'>)[metric] ?? 'higher';
      const welch = welchTTest(x, y);
      const mw = mannWhitneyU(x, y);
      const opts = { samples: c.bootstrapSamples, seed: c.seed * 1009 + k++, level: 1 - c.alpha };
      const significant = welch.pValue < c.alpha && mw.pValue < c.alpha;
      const da = summarize(x);
      const db = summarize(y);
      const bIsBetter = better === 'higher' ? db.mean > da.mean : db.mean < da.mean;
      metrics.push({
        metric,
        better,
        a: da,
        b: db,
        welch,
        mannWhitney: mw,
        cohensD: { value: cohensD(x, y), ci: bootstrapCi(x, y, cohensD, opts) },
        cliffsDelta: { value: cliffsDelta(x, y), ci: bootstrapCi(x, y, cliffsDelta, opts) },
        significant,
        winner: significant ? (bIsBetter ? c.modelB : c.modelA) : null,
      });
    }
    const primary = metrics.find((m) => m.metric === c.primaryMetric) ?? metrics[0];
    return {
      modelA: c.modelA,
      modelB: c.modelB,
      alpha: c.alpha,
      primaryMetric: primary?.metric ?? c.primaryMetric,
      winner: primary?.winner ?? 'no significant difference',
      pValue: primary?.welch.pValue ?? 1,
      metrics,
      samples: {
        a: Object.values(a)[0]?.length ?? 0,
        b: Object.values(b)[0]?.length ?? 0,
        failedA: 0,
        failedB: 0,
      },
      config: c,
    };
  }
}
