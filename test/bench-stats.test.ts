import assert from 'node:assert/strict';
import { test } from 'node:test';
import ttest2 from '@stdlib/stats-ttest2';
import {
  ABTester,
  bootstrapCi,
  cohensD,
  mannWhitneyU,
  seededRandom,
  welchTTest,
} from '../src/bench/index.js';

/** n normal samples (Box–Muller) from a seeded generator. */
function normal(n: number, mean: number, sd: number, seed: number): number[] {
  const rand = seededRandom(seed);
  const out: number[] = [];
  while (out.length < n) {
    const u = 1 - rand();
    const v = rand();
    out.push(mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
  return out;
}

const config = { modelA: 'a', modelB: 'b', testPrompts: ['x'], seed: 7, bootstrapSamples: 1000 };

test('identical distributions: no significant difference, no winner', () => {
  const tester = new ABTester();
  // Several seeds: at alpha = 0.05 a few false positives would be expected over many seeds; with both
  // tests required to agree these are all clean.
  for (const seed of [1, 2, 3]) {
    const a = normal(40, 10, 2, seed);
    const b = normal(40, 10, 2, seed + 100);
    const r = tester.compareSamples(config, { overallMeshQuality: a }, { overallMeshQuality: b });
    assert.equal(r.winner, 'no significant difference');
    assert.equal(r.metrics[0].significant, false);
    assert.ok(r.pValue > 0.05);
    const [lo, hi] = r.metrics[0].cohensD.ci;
    assert.ok(lo < 0 && hi > 0, 'the effect-size interval contains 0');
  }
});

test('a clear shift gives a winner, in the better direction for each metric', () => {
  const a = normal(30, 80, 3, 11);
  const b = normal(30, 86, 3, 12);
  const r = new ABTester().compareSamples(
    { ...config, metrics: ['overallMeshQuality', 'generationTimeSeconds'] },
    { overallMeshQuality: a, generationTimeSeconds: a.map((v) => v / 100) },
    { overallMeshQuality: b, generationTimeSeconds: b.map((v) => v / 100) },
  );
  const q = r.metrics.find((m) => m.metric === 'overallMeshQuality')!;
  const t = r.metrics.find((m) => m.metric === 'generationTimeSeconds')!;
  assert.equal(r.winner, 'b');
  assert.equal(q.winner, 'b', 'higher quality wins');
  assert.equal(t.winner, 'a', 'lower time wins');
  assert.ok(q.welch.pValue < 1e-6 && q.mannWhitney.pValue < 1e-4);
  assert.ok(q.cohensD.value > 1 && q.cohensD.ci[0] > 0);
  assert.ok(q.cliffsDelta.value > 0.5);
});

test("Welch p-values are @stdlib's; Mann–Whitney matches SciPy's documented example", () => {
  const a = normal(25, 5, 1, 21);
  const b = normal(18, 5.6, 2.5, 22);
  const ours = welchTTest(a, b);
  const ref = ttest2(a, b, { variance: 'unequal' });
  assert.equal(ours.pValue, ref.pValue);
  assert.equal(ours.t, ref.statistic);
  const r = new ABTester().compareSamples(config, { overallMeshQuality: a }, { overallMeshQuality: b });
  assert.equal(r.metrics[0].welch.pValue, ref.pValue);
  // scipy.stats.mannwhitneyu(males, females, method="asymptotic") → U = 17, p = 0.11134688653314041
  const mw = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
  assert.equal(mw.u, 17);
  assert.ok(Math.abs(mw.pValue - 0.11134688653314041) < 1e-7);
});

test('the bootstrap is seeded: same seed, same interval; another seed, another', () => {
  const a = normal(20, 1, 1, 31);
  const b = normal(20, 1.5, 1, 32);
  const one = bootstrapCi(a, b, cohensD, { seed: 5, samples: 500 });
  assert.deepEqual(bootstrapCi(a, b, cohensD, { seed: 5, samples: 500 }), one);
  assert.notDeepEqual(bootstrapCi(a, b, cohensD, { seed: 6, samples: 500 }), one);
  const r1 = new ABTester().compareSamples(config, { overallMeshQuality: a }, { overallMeshQuality: b });
  const r2 = new ABTester().compareSamples(config, { overallMeshQuality: a }, { overallMeshQuality: b });
  assert.deepEqual(r1, r2);
});
