/**
 * Replays the Point-E parity fixtures (tools/point-e/make_fixtures.py): the reference's networks with
 * random weights, exported to ONNX, against PyTorch's outputs; the σ schedule and σ → t map; and the
 * whole two-stage sampler with the reference's recorded noise, step by step.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { RecordedNoise } from '../src/models/point-e/noise.js';
import { openOnnxNetwork } from '../src/models/point-e/onnx.js';
import { PointEPipeline, samplesToPointCloud } from '../src/models/point-e/pipeline.js';
import { betaSchedule, GaussianDiffusionSchedule, karrasSigmas } from '../src/models/point-e/schedule.js';
import { loadParity, maxAbsDiff, POINT_E_FIXTURES } from './helpers/point-e-fixtures.js';

const { meta, tensor, f32 } = loadParity();
const NETWORK_TOLERANCE = 1e-4;
const SAMPLER_TOLERANCE = 1e-3;

describe('ONNX sessions', () => {
  it("run on CPU when CUDA cannot start, saying so once (device 'auto')", async () => {
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const a = await openOnnxNetwork(`${POINT_E_FIXTURES}sdf-encoder.onnx`, { log });
    const b = await openOnnxNetwork(`${POINT_E_FIXTURES}sdf-decoder.onnx`, { log });
    if (a.provider === 'cpu') assert.ok(lines.length <= 1, lines.join('\n'));
    if (lines.length) assert.match(lines[0], /CUDA .*running on CPU/);
    assert.deepEqual(a.inputNames, ['points']);
    assert.deepEqual(b.outputNames, ['sdf']);
    await Promise.all([a.release(), b.release()]);
  });
});

describe('Point-E networks match the reference (random weights)', () => {
  const check = async (file: string, feeds: Record<string, string>, output: string, expected: string) => {
    const net = await openOnnxNetwork(`${POINT_E_FIXTURES}${file}`, { device: 'cpu' });
    try {
      const inputs = Object.fromEntries(
        Object.entries(feeds).map(([name, key]) => {
          const t = tensor(key);
          return [name, { data: t.data as Float32Array | BigInt64Array, dims: t.shape }];
        }),
      );
      const out = await net.run(inputs);
      const err = maxAbsDiff(out[output], f32(expected));
      assert.ok(err <= NETWORK_TOLERANCE, `${file}: max abs error ${err}`);
      // The check is only worth something if the outputs are not trivially small.
      const scale = maxAbsDiff(f32(expected), new Float32Array(f32(expected).length));
      assert.ok(scale > 0.1, `${file}: outputs are near zero (${scale}); re-randomise the weights`);
      return err;
    } finally {
      await net.release();
    }
  };

  it('text encoder (CLIP text tower)', async (t) => {
    const err = await check('text.onnx', { tokens: 'text.tokens' }, 'embedding', 'text.embedding');
    t.diagnostic(`text max abs error ${err.toExponential(2)}`);
  });

  it('base diffusion transformer (text-conditioned)', async (t) => {
    const err = await check(
      'base.onnx',
      { x: 'base.x', t: 'base.t', embedding: 'base.embedding' },
      'output',
      'base.output',
    );
    t.diagnostic(`base max abs error ${err.toExponential(2)}`);
  });

  it('upsampler diffusion transformer', async (t) => {
    const err = await check(
      'upsample.onnx',
      { x: 'upsample.x', t: 'upsample.t', low_res: 'upsample.low_res' },
      'output',
      'upsample.output',
    );
    t.diagnostic(`upsampler max abs error ${err.toExponential(2)}`);
  });

  it('SDF encoder and decoder', async (t) => {
    const e1 = await check('sdf-encoder.onnx', { points: 'sdf.points' }, 'latents', 'sdf.latents');
    const e2 = await check(
      'sdf-decoder.onnx',
      { query: 'sdf.query', latents: 'sdf.latents' },
      'sdf',
      'sdf.output',
    );
    t.diagnostic(`sdf encoder ${e1.toExponential(2)}, decoder ${e2.toExponential(2)}`);
  });
});

describe('Point-E schedules match the reference', () => {
  it('ᾱ tables of the cosine and linear schedules', () => {
    for (const [name, schedule] of [
      ['base', 'cosine'],
      ['upsampler', 'linear'],
    ] as const) {
      const ours = new GaussianDiffusionSchedule(betaSchedule(schedule, 1024)).alphasCumprod;
      const ref = tensor(`diffusion.${name}.alphas_cumprod`).data as Float64Array;
      assert.ok(maxAbsDiff(ours, ref) < 1e-14, `${name}: ${maxAbsDiff(ours, ref)}`);
    }
  });

  it('Karras σ (within one float32 ulp) and σ → t (exactly), over several step counts', () => {
    for (const s of meta.schedules) {
      const sigmas = karrasSigmas(s.steps, s.sigmaMin, s.sigmaMax);
      assert.equal(sigmas.length, s.sigmas.length);
      for (let i = 0; i < sigmas.length; i++) {
        const ulp = Math.max(Math.abs(s.sigmas[i]) * 2 ** -23, 1e-45);
        assert.ok(
          Math.abs(sigmas[i] - s.sigmas[i]) <= ulp,
          `${s.steps} steps, σ[${i}] ${sigmas[i]} ≠ ${s.sigmas[i]}`,
        );
      }
      const d = new GaussianDiffusionSchedule(
        betaSchedule(s.diffusion === 'base' ? 'cosine' : 'linear', 1024),
      );
      assert.deepEqual(
        s.sigmas.slice(0, -1).map((sigma) => d.sigmaToT(sigma)),
        s.t,
      );
    }
  });
});

describe('Point-E sampler matches the reference step by step (recorded noise)', () => {
  let pipe: PointEPipeline;
  before(async () => {
    pipe = await PointEPipeline.load(POINT_E_FIXTURES, { device: 'cpu' });
  });

  it('tokenizes and embeds the prompt as the reference', async () => {
    const tokens = pipe.tokenize(meta.prompt);
    const ref = tensor('text.tokens').data as BigInt64Array;
    assert.deepEqual(Array.from(tokens), Array.from(ref.subarray(0, 77)));
    const emb = await pipe.embedTokens(tokens);
    assert.ok(maxAbsDiff(emb, f32('sampler.embedding')) < NETWORK_TOLERANCE);
  });

  it('base (guidance 3, s_churn 3) and upsampler: x and x0 at every step within 1e-3', async (t) => {
    const draws: Float32Array[] = [];
    for (const stage of ['base', 'upsampler']) {
      draws.push(f32(`sampler.${stage}.x_T`));
      const eps = tensor(`sampler.${stage}.eps`);
      const per = eps.data.length / eps.shape[0];
      for (let i = 0; i < eps.shape[0]; i++)
        draws.push(f32(`sampler.${stage}.eps`).slice(i * per, (i + 1) * per));
    }
    const steps: Record<string, { x: Float32Array; x0: Float32Array }[]> = { base: [], upsampler: [] };
    const progress: number[] = [];
    const embedding = await pipe.embedText(meta.prompt);
    const final = await pipe.sample(embedding, {
      noise: new RecordedNoise(draws),
      steps: meta.sampler.baseSteps,
      upsamplerSteps: meta.sampler.upsamplerSteps,
      guidanceScale: meta.sampler.guidanceScale[0],
      onStep: (stage, step) => steps[stage].push({ x: step.x, x0: step.x0 }),
      onProgress: (fraction) => progress.push(fraction),
    });
    let worst = 0;
    for (const stage of ['base', 'upsampler'] as const) {
      const refX = tensor(`sampler.${stage}.x`);
      const refX0 = f32(`sampler.${stage}.x0`);
      const per = refX.data.length / refX.shape[0];
      assert.equal(steps[stage].length, refX.shape[0] - 1, `${stage}: step count`);
      steps[stage].forEach((step, i) => {
        const ex = maxAbsDiff(step.x, (refX.data as Float32Array).subarray(i * per, (i + 1) * per));
        const e0 = maxAbsDiff(step.x0, refX0.subarray(i * per, (i + 1) * per));
        worst = Math.max(worst, e0);
        // x is in data units (colours 0–255 at σ up to 160·127.5), so compare it relative to its size.
        const size = Math.max(...Array.from(step.x, Math.abs));
        assert.ok(
          ex <= SAMPLER_TOLERANCE * Math.max(1, size),
          `${stage} step ${i}: x error ${ex} (size ${size})`,
        );
        assert.ok(e0 <= SAMPLER_TOLERANCE * 255, `${stage} step ${i}: x0 error ${e0}`);
      });
    }
    // x0 in model units (positions ×2, colours /127.5): what the 1e-3 bound is about.
    const modelUnits = (v: Float32Array, points: number) =>
      v.map((x, i) => (Math.floor(i / points) < 3 ? x * 2 : x / 127.5));
    let worstModel = 0;
    for (const stage of ['base', 'upsampler'] as const) {
      const refX0 = f32(`sampler.${stage}.x0`);
      const points = stage === 'base' ? 64 : 96;
      const per = refX0.length / (steps[stage].length + 1);
      steps[stage].forEach((step, i) => {
        const e = maxAbsDiff(
          modelUnits(step.x0, points),
          modelUnits(refX0.subarray(i * per, (i + 1) * per), points),
        );
        worstModel = Math.max(worstModel, e);
      });
    }
    assert.ok(worstModel <= SAMPLER_TOLERANCE, `x0 error in model units ${worstModel}`);
    const finalErr = maxAbsDiff(final, f32('sampler.final'));
    assert.ok(finalErr <= SAMPLER_TOLERANCE * 255, `final ${finalErr}`);
    assert.equal(progress.length, meta.sampler.baseSteps + meta.sampler.upsamplerSteps);
    assert.equal(progress.at(-1), 1);
    t.diagnostic(
      `sampler x0 max abs error: ${worstModel.toExponential(2)} (model units), ${worst.toExponential(2)} (data units)`,
    );
  });

  it('evaluates the SDF grid as the reference (order, coordinates, re-centring)', async (t) => {
    const points = f32('sdf_grid.points');
    const n = points.length / 3;
    const positions = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) positions[i * 3 + k] = points[k * n + i];
    const volume = await pipe.sdfGrid(
      { positions, colors: new Float32Array(n * 3) },
      { gridSize: meta.sdfGrid.gridSize, sideLength: meta.sdfGrid.sideLength },
    );
    const err = maxAbsDiff(volume, f32('sdf_grid.volume'));
    assert.ok(err <= NETWORK_TOLERANCE, `sdf grid ${err}`);
    t.diagnostic(`sdf grid max abs error ${err.toExponential(2)}`);
  });

  it('turns samples into a coloured point cloud (colours clamped, rounded, /255)', () => {
    const cloud = samplesToPointCloud(f32('sampler.final'));
    assert.equal(cloud.positions.length, 160 * 3);
    for (const c of cloud.colors) {
      assert.ok(c >= 0 && c <= 1);
      assert.equal(Math.abs(c * 255 - Math.round(c * 255)) < 1e-4, true);
    }
  });
});
