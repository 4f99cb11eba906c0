import ttest2 from '@stdlib/stats-ttest2';
import { errorFunction } from 'simple-statistics';

/** Summary statistics of a sample. */
export interface SampleSummary {
  n: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** Sample standard deviation (n − 1); 0 for fewer than two values. */
  stdev: number;
  /** Nearest-rank 90th percentile. */
  p90: number;
}

/** Mean, median, extremes, sample standard deviation and p90 of `values` (NaN fields when empty). */
export function summarize(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0)
    return {
      n,
      mean: Number.NaN,
      median: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
      stdev: Number.NaN,
      p90: Number.NaN,
    };
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? s.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  const p90 = s[Math.min(n - 1, Math.max(0, Math.ceil(0.9 * n) - 1))];
  return { n, mean, median, min: s[0], max: s[n - 1], stdev: Math.sqrt(variance), p90 };
}

/** A seeded pseudo-random generator (mulberry32): same seed, same sequence, values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WelchResult {
  t: number;
  df: number;
  pValue: number;
}

/**
 * Welch's two-sample t-test (unequal variances, two-sided) by @stdlib/stats-ttest2. Samples with no
 * variance at all get p = 1 when their means are equal and p = 0 otherwise.
 */
export function welchTTest(x: readonly number[], y: readonly number[]): WelchResult {
  if (x.length < 2 || y.length < 2) return { t: Number.NaN, df: Number.NaN, pValue: 1 };
  const dx = summarize(x);
  const dy = summarize(y);
  if (dx.stdev === 0 && dy.stdev === 0) {
    return {
      t: dx.mean === dy.mean ? 0 : Number.POSITIVE_INFINITY,
      df: Number.NaN,
      pValue: dx.mean === dy.mean ? 1 : 0,
    };
  }
  const r = ttest2([...x], [...y], { variance: 'unequal', alternative: 'two-sided' });
  return { t: r.statistic, df: r.df, pValue: r.pValue };
}

export interface MannWhitneyResult {
  /** U of the first sample: pairs (x, y) with x > y, ties counting one half. */
  u: number;
  z: number;
  pValue: number;
}

/**
 * Two-sided Mann–Whitney U test with the normal approximation, tie correction and continuity
 * correction (what scipy's `mannwhitneyu(method="asymptotic")` computes).
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { u: Number.NaN, z: Number.NaN, pValue: 1 };
  const all = [...x.map((v) => ({ v, g: 0 })), ...y.map((v) => ({ v, g: 1 }))].sort((a, b) => a.v - b.v);
  const N = n1 + n2;
  let rankSumX = 0;
  let tieTerm = 0;
  for (let i = 0; i < N; ) {
    let j = i;
    while (j + 1 < N && all[j + 1].v === all[i].v) j++;
    const rank = (i + j) / 2 + 1;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    for (let k = i; k <= j; k++) if (all[k].g === 0) rankSumX += rank;
    i = j + 1;
  }
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (N + 1 - tieTerm / (N * (N - 1))));
  if (sigma === 0) return { u, z: 0, pValue: 1 };
  const diff = u - mu;
  const z = Math.max(0, Math.abs(diff) - 0.5) / sigma;
  const pValue = Math.min(1, 2 * (1 - normalCdf(z)));
  return { u, z: diff < 0 ? -z : z, pValue };
}

/** Standard normal CDF via simple-statistics' error function. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Cohen's d of y − x with the average of the two variances (suits Welch's unequal variances). */
export function cohensD(x: readonly number[], y: readonly number[]): number {
  const a = summarize(x);
  const b = summarize(y);
  const s = Math.sqrt((a.stdev ** 2 + b.stdev ** 2) / 2);
  if (s === 0) return a.mean === b.mean ? 0 : Math.sign(b.mean - a.mean) * Number.POSITIVE_INFINITY;
  return (b.mean - a.mean) / s;
}

/** Cliff's delta of y over x: P(y > x) − P(y < x), from −1 to 1. */
export function cliffsDelta(x: readonly number[], y: readonly number[]): number {
  if (x.length === 0 || y.length === 0) return 0;
  let gt = 0;
  let lt = 0;
  for (const a of x) {
    for (const b of y) {
      if (b > a) gt++;
      else if (b < a) lt++;
    }
  }
  return (gt - lt) / (x.length * y.length);
}

/**
 * Percentile bootstrap confidence interval of `statistic(x, y)`, resampling each group with
 * replacement `samples` times from a seeded generator: reproducible for a given seed.
 */
export function bootstrapCi(
  x: readonly number[],
  y: readonly number[],
  statistic: (x: number[], y: number[]) => number,
  options: { samples?: number; seed?: number; level?: number } = {},
): [number, number] {
  const { samples = 2000, seed = 1, level = 0.95 } = options;
  if (x.length === 0 || y.length === 0) return [Number.NaN, Number.NaN];
  const rand = seededRandom(seed);
  const values: number[] = [];
  const bx = new Array<number>(x.length);
  const by = new Array<number>(y.length);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < x.length; i++) bx[i] = x[Math.floor(rand() * x.length)];
    for (let i = 0; i < y.length; i++) by[i] = y[Math.floor(rand() * y.length)];
    const v = statistic(bx, by);
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return [Number.NaN, Number.NaN];
  values.sort((a, b) => a - b);
  const lo = values[Math.floor(((1 - level) / 2) * (values.length - 1))];
  const hi = values[Math.ceil((1 - (1 - level) / 2) * (values.length - 1))];
  return [lo, hi];
}
