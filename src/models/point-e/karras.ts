/**
 * The Karras et al. (2022) Heun sampler over a Gaussian-diffusion ε-model, as Point-E runs it
 * (reference: point_e/diffusion/k_diffusion.py and sampler.py, MIT):
 *
 * - σ_i from `karrasSigmas`, x_T = N(0, I)·σ_max; each step draws ε ~ N(0, I) and, when s_churn gives
 *   γ > 0 (and s_tmin ≤ σ_i ≤ s_tmax), raises the noise to σ̂ = σ_i(1 + γ) by adding ε·√(σ̂² − σ_i²);
 * - the denoiser maps σ to the model's integer timestep t (`sigmaToT`), feeds x·1/√(σ² + 1), turns the
 *   predicted ε into x0 = √(1/ᾱ_t)·x_in − √(1/ᾱ_t − 1)·ε and clamps x0 to [−1, 1];
 * - classifier-free guidance runs the conditional and unconditional halves as one batch and mixes
 *   the clamped x0: x0 = x0_u + s·(x0_c − x0_u);
 * - a Heun step (an Euler step into σ = 0 at the end); the outputs are un-scaled per channel.
 *
 * Every operation is rounded to float32 in the reference's order, so the result matches PyTorch to
 * float32 round-off rather than merely "closely".
 */
import { throwIfCancelled } from '../base.js';
import type { NoiseSource } from './noise.js';
import { type GaussianDiffusionSchedule, karrasSigmas } from './schedule.js';

const f32 = Math.fround;

/**
 * The diffusion network: `x` is [batch, C, N] (scaled model input), `t` the integer timestep per batch
 * element; returns [batch, 2C, N] (ε, then the variance channels, which the Karras sampler ignores).
 * With guidance, the batch is the conditional half followed by the unconditional half.
 */
export type EpsilonModel = (x: Float32Array, t: Float32Array, batch: number) => Promise<Float32Array>;

/** What the sampler reports after each step; `x` and `x0` are un-scaled (positions, 0–255 colours). */
export interface KarrasStep {
  index: number;
  steps: number;
  sigma: number;
  sigmaHat: number;
  x: Float32Array;
  x0: Float32Array;
}

export interface KarrasStageOptions {
  schedule: GaussianDiffusionSchedule;
  model: EpsilonModel;
  noise: NoiseSource;
  /** Samples per call (before guidance doubles it). */
  batch: number;
  channels: number;
  points: number;
  steps: number;
  sigmaMin: number;
  sigmaMax: number;
  rho?: number;
  sChurn?: number;
  sTmin?: number;
  sTmax?: number;
  sNoise?: number;
  /** 0 or 1 turn guidance off (one model call per denoising, conditional only). */
  guidanceScale?: number;
  clipDenoised?: boolean;
  /** Per-channel scale and bias mapping data to model space (x·scale + bias); outputs are mapped back. */
  channelScales: ArrayLike<number>;
  channelBiases: ArrayLike<number>;
  onStep?: (step: KarrasStep) => void;
  signal?: AbortSignal;
}

export const KARRAS_STAGE_DEFAULTS = {
  rho: 7,
  sChurn: 0,
  sTmin: 0,
  sTmax: Number.POSITIVE_INFINITY,
  sNoise: 1,
  guidanceScale: 0,
  clipDenoised: true,
};

/**
 * Runs one sampling stage and returns the final x0 (un-scaled, [batch, C, N]): the denoised
 * prediction of the last step, as the reference sampler hands to the next stage.
 *
 * @example
 * const x0 = await sampleKarrasStage({ schedule, model, noise, batch: 1, channels: 6, points: 1024,
 *   steps: 64, sigmaMin: 1e-3, sigmaMax: 120, sChurn: 3, guidanceScale: 3,
 *   channelScales: [2, 2, 2, 1 / 127.5, 1 / 127.5, 1 / 127.5], channelBiases: [0, 0, 0, -1, -1, -1] });
 */
export async function sampleKarrasStage(options: KarrasStageOptions): Promise<Float32Array> {
  const o = { ...KARRAS_STAGE_DEFAULTS, ...options };
  const { batch, channels, points, schedule } = o;
  if (o.channelScales.length !== channels || o.channelBiases.length !== channels) {
    throw new RangeError(`sampleKarrasStage: need ${channels} channel scales and biases.`);
  }
  const size = batch * channels * points;
  const sigmas = karrasSigmas(o.steps, o.sigmaMin, o.sigmaMax, o.rho);
  const guided = o.guidanceScale !== 0 && o.guidanceScale !== 1;
  const scale = f32(o.guidanceScale);

  const denoise = async (x: Float32Array, sigma: number): Promise<Float32Array> => {
    const copies = guided ? 2 : 1;
    const b = batch * copies;
    const t = schedule.sigmaToT(sigma);
    const cIn = f32(1 / f32(Math.sqrt(f32(f32(sigma * sigma) + 1))));
    const xIn = new Float32Array(size * copies);
    for (let c = 0; c < copies; c++) {
      for (let i = 0; i < size; i++) xIn[c * size + i] = x[i] * cIn;
    }
    const out = await o.model(xIn, new Float32Array(b).fill(t), b);
    const perSample = channels * points;
    if (out.length !== b * 2 * perSample) {
      throw new Error(
        `sampleKarrasStage: the model returned ${out.length} values, ${b * 2 * perSample} expected.`,
      );
    }
    const a = schedule.sqrtRecipAlphasCumprod[t];
    const m = schedule.sqrtRecipm1AlphasCumprod[t];
    const x0 = new Float32Array(b * perSample);
    for (let s = 0; s < b; s++) {
      const inBase = s * perSample;
      const epsBase = s * 2 * perSample;
      for (let i = 0; i < perSample; i++) {
        let v = f32(f32(a * xIn[inBase + i]) - f32(m * out[epsBase + i]));
        if (o.clipDenoised) v = Math.min(Math.max(v, -1), 1);
        x0[inBase + i] = v;
      }
    }
    if (!guided) return x0;
    const mixed = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const cond = x0[i];
      const uncond = x0[size + i];
      mixed[i] = f32(uncond + f32(scale * f32(cond - uncond)));
    }
    return mixed;
  };

  const unscale = (v: Float32Array): Float32Array => {
    const out = new Float32Array(size);
    for (let s = 0; s < batch; s++) {
      for (let c = 0; c < channels; c++) {
        const bias = f32(o.channelBiases[c]);
        const sc = f32(o.channelScales[c]);
        const base = (s * channels + c) * points;
        for (let i = 0; i < points; i++) out[base + i] = f32(v[base + i] - bias) / sc;
      }
    }
    return out;
  };

  let x: Float32Array = o.noise.normal(size);
  {
    const smax = f32(o.sigmaMax);
    const scaled = new Float32Array(size);
    for (let i = 0; i < size; i++) scaled[i] = x[i] * smax;
    x = scaled;
  }
  const n = sigmas.length - 1;
  const gammaChurn = Math.min(o.sChurn / n, Math.SQRT2 - 1);
  let denoised: Float32Array = new Float32Array(size);
  for (let i = 0; i < n; i++) {
    throwIfCancelled(o.signal);
    const sigma = sigmas[i];
    const gamma = o.sTmin <= sigma && sigma <= o.sTmax ? gammaChurn : 0;
    const eps = o.noise.normal(size);
    const sigmaHat = f32(sigma * f32(gamma + 1));
    if (gamma > 0) {
      const extra = f32(Math.sqrt(f32(f32(sigmaHat * sigmaHat) - f32(sigma * sigma))));
      const sn = f32(o.sNoise);
      const churned = new Float32Array(size);
      for (let k = 0; k < size; k++) churned[k] = f32(x[k] + f32(f32(eps[k] * sn) * extra));
      x = churned;
    }
    denoised = await denoise(x, sigmaHat);
    const d = new Float32Array(size);
    for (let k = 0; k < size; k++) d[k] = f32(x[k] - denoised[k]) / sigmaHat;
    o.onStep?.({ index: i, steps: n, sigma, sigmaHat, x: unscale(x), x0: unscale(denoised) });
    const next = sigmas[i + 1];
    const dt = f32(next - sigmaHat);
    const stepped = new Float32Array(size);
    if (next === 0) {
      for (let k = 0; k < size; k++) stepped[k] = f32(x[k] + f32(d[k] * dt));
    } else {
      const x2 = new Float32Array(size);
      for (let k = 0; k < size; k++) x2[k] = f32(x[k] + f32(d[k] * dt));
      throwIfCancelled(o.signal);
      const denoised2 = await denoise(x2, next);
      for (let k = 0; k < size; k++) {
        const d2 = f32(f32(x2[k] - denoised2[k]) / next);
        const dPrime = f32(f32(d[k] + d2) / 2);
        stepped[k] = f32(x[k] + f32(dPrime * dt));
      }
    }
    x = stepped;
  }
  return unscale(denoised);
}
