import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancelledError } from '../src/errors.js';
import { type EpsilonModel, sampleKarrasStage } from '../src/models/point-e/karras.js';
import { checkPointEManifest } from '../src/models/point-e/manifest.js';
import { SeededNoise } from '../src/models/point-e/noise.js';
import { betaSchedule, GaussianDiffusionSchedule } from '../src/models/point-e/schedule.js';

const SCALES = [2, 2, 2, 0.007843137255, 0.007843137255, 0.007843137255];
const BIASES = [0, 0, 0, -1, -1, -1];
const schedule = new GaussianDiffusionSchedule(betaSchedule('cosine', 1024));

/** The exact ε-model of a point mass at `target` (model space): x0 is always the target. */
function oracle(target: Float32Array, calls: number[]): EpsilonModel {
  return async (x, t, batch) => {
    calls.push(batch);
    const n = target.length;
    const out = new Float32Array(batch * 2 * n);
    for (let b = 0; b < batch; b++) {
      const step = t[b];
      const a = Math.sqrt(1 / schedule.alphasCumprod[step]);
      const m = Math.sqrt(1 / schedule.alphasCumprod[step] - 1);
      for (let i = 0; i < n; i++) out[b * 2 * n + i] = (a * x[b * n + i] - target[i]) / m;
    }
    return out;
  };
}

describe('SeededNoise', () => {
  it('is reproducible and standard normal', () => {
    const a = new SeededNoise(42).normal(20000);
    assert.deepEqual(a, new SeededNoise(42).normal(20000));
    assert.notDeepEqual(a.subarray(0, 10), new SeededNoise(43).normal(10));
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
    assert.ok(Math.abs(mean) < 0.03 && Math.abs(variance - 1) < 0.05, `${mean} ${variance}`);
  });
});

describe('sampleKarrasStage', () => {
  const points = 8;
  const target = new Float32Array(6 * points).map((_, i) =>
    i < 3 * points ? ((i % 7) - 3) / 8 : ((i % 5) - 2) / 3,
  );
  const base = {
    schedule,
    batch: 1,
    channels: 6,
    points,
    sigmaMin: 1e-3,
    sigmaMax: 120,
    channelScales: SCALES,
    channelBiases: BIASES,
  };

  it('recovers the data of an exact denoiser, un-scaled to positions and 0–255 colours', async () => {
    const calls: number[] = [];
    const steps: number[] = [];
    const x0 = await sampleKarrasStage({
      ...base,
      model: oracle(target, calls),
      noise: new SeededNoise(1),
      steps: 12,
      sChurn: 3,
      onStep: (s) => steps.push(s.index),
    });
    assert.deepEqual(steps, [...Array(12).keys()]);
    assert.equal(calls.length, 11 * 2 + 1); // Heun: two calls per step, Euler into σ = 0
    for (let i = 0; i < x0.length; i++) {
      const c = Math.floor(i / points);
      const expected = (target[i] - BIASES[c]) / SCALES[c];
      assert.ok(Math.abs(x0[i] - expected) < (c < 3 ? 1e-5 : 2e-3), `${i}: ${x0[i]} vs ${expected}`);
    }
  });

  it('runs the conditional and unconditional halves as one batch only when guided', async () => {
    for (const [scale, batch] of [
      [3, 2],
      [1, 1],
      [0, 1],
    ]) {
      const calls: number[] = [];
      await sampleKarrasStage({
        ...base,
        model: oracle(target, calls),
        noise: new SeededNoise(2),
        steps: 3,
        guidanceScale: scale,
      });
      assert.ok(
        calls.every((b) => b === batch),
        `scale ${scale}: ${calls}`,
      );
    }
  });

  it('is deterministic for a seed and stops between steps when cancelled', async () => {
    const run = (seed: number) =>
      sampleKarrasStage({
        ...base,
        model: oracle(target, []),
        noise: new SeededNoise(seed),
        steps: 4,
        sChurn: 3,
      });
    assert.deepEqual(await run(5), await run(5));
    const controller = new AbortController();
    const calls: number[] = [];
    await assert.rejects(
      sampleKarrasStage({
        ...base,
        model: oracle(target, calls),
        noise: new SeededNoise(3),
        steps: 10,
        signal: controller.signal,
        onStep: (s) => {
          if (s.index === 2) controller.abort();
        },
      }),
      CancelledError,
    );
    assert.equal(calls.length, 5); // steps 0, 1 (two calls each) and the first call of step 2
  });
});

describe('checkPointEManifest', () => {
  const good = {
    format: 'dream-cad/point-e',
    version: 1,
    name: 'x',
    auxChannels: ['R', 'G', 'B'],
    textEncoder: { file: 't.onnx', contextLength: 77, embeddingDim: 768 },
    base: {
      file: 'b.onnx',
      numPoints: 1024,
      diffusion: { schedule: 'cosine', timesteps: 1024, channelScales: SCALES, channelBiases: BIASES },
      sampler: { steps: 64, sigmaMin: 1e-3, sigmaMax: 120, sChurn: 3, guidanceScale: 3 },
    },
  };

  it('accepts a manifest and names the wrong field otherwise', () => {
    assert.equal(checkPointEManifest(good).upAxis, 'z');
    assert.throws(() => checkPointEManifest({ ...good, version: 2 }), /version 2 is not supported/);
    assert.throws(
      () => checkPointEManifest({ ...good, base: { ...good.base, numPoints: 0 } }),
      /base.numPoints must be an integer/,
    );
    assert.throws(
      () =>
        checkPointEManifest({
          ...good,
          base: { ...good.base, diffusion: { ...good.base.diffusion, channelScales: [1] } },
        }),
      /channelScales must be 6 numbers/,
    );
    assert.throws(() => checkPointEManifest({ ...good, auxChannels: ['A'] }), /auxChannels/);
  });
});
