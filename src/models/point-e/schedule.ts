/**
 * Noise schedules of Point-E's diffusion models and of the Karras sampler, computed exactly as the
 * reference does (github.com/openai/point-e, MIT): the Gaussian diffusion's ᾱ table in float64, the
 * Karras σ ramp in float32 as PyTorch evaluates it, and the σ → t mapping through linear
 * interpolation of ᾱ followed by truncation to an integer timestep.
 */

const f32 = Math.fround;

/** The beta schedules the Point-E checkpoints were trained with. */
export type BetaScheduleName = 'cosine' | 'linear';

/**
 * Betas of a named schedule, in float64: `linear` is Ho et al.'s, stretched to `timesteps`; `cosine`
 * is Nichol & Dhariwal's ᾱ(t) = cos²((t + 0.008) / 1.008 · π/2), each beta capped at 0.999.
 *
 * @example
 * const betas = betaSchedule('cosine', 1024);
 */
export function betaSchedule(name: BetaScheduleName, timesteps: number): Float64Array {
  const betas = new Float64Array(timesteps);
  if (name === 'linear') {
    const scale = 1000 / timesteps;
    const start = scale * 0.0001;
    const stop = scale * 0.02;
    const step = (stop - start) / (timesteps - 1);
    for (let i = 0; i < timesteps; i++) betas[i] = i * step + start;
    if (timesteps > 1) betas[timesteps - 1] = stop;
    return betas;
  }
  if (name === 'cosine') {
    const alphaBar = (t: number) => {
      const c = Math.cos((((t + 0.008) / 1.008) * Math.PI) / 2);
      return c * c;
    };
    for (let i = 0; i < timesteps; i++) {
      const t1 = i / timesteps;
      const t2 = (i + 1) / timesteps;
      betas[i] = Math.min(1 - alphaBar(t2) / alphaBar(t1), 0.999);
    }
    return betas;
  }
  throw new TypeError(`betaSchedule: unknown schedule "${String(name)}" (cosine or linear).`);
}

/**
 * The parts of a Gaussian diffusion process the Karras sampler needs: ᾱ, the x0-from-ε
 * coefficients, and the σ → t map.
 */
export class GaussianDiffusionSchedule {
  readonly timesteps: number;
  /** ᾱ_t, float64, decreasing. */
  readonly alphasCumprod: Float64Array;
  /** √(1/ᾱ_t) as float32, the coefficient of x_t in x0 = √(1/ᾱ)·x_t − √(1/ᾱ − 1)·ε. */
  readonly sqrtRecipAlphasCumprod: Float32Array;
  /** √(1/ᾱ_t − 1) as float32, the coefficient of ε. */
  readonly sqrtRecipm1AlphasCumprod: Float32Array;

  constructor(betas: Float64Array) {
    const n = betas.length;
    if (n < 2) throw new RangeError('GaussianDiffusionSchedule: at least two timesteps are needed.');
    this.timesteps = n;
    this.alphasCumprod = new Float64Array(n);
    let prod = 1;
    for (let i = 0; i < n; i++) {
      if (!(betas[i] > 0 && betas[i] <= 1)) {
        throw new RangeError(`GaussianDiffusionSchedule: beta[${i}] = ${betas[i]} is not in (0, 1].`);
      }
      prod *= 1 - betas[i];
      this.alphasCumprod[i] = prod;
    }
    this.sqrtRecipAlphasCumprod = new Float32Array(n);
    this.sqrtRecipm1AlphasCumprod = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      this.sqrtRecipAlphasCumprod[i] = Math.sqrt(1 / this.alphasCumprod[i]);
      this.sqrtRecipm1AlphasCumprod[i] = Math.sqrt(1 / this.alphasCumprod[i] - 1);
    }
  }

  /**
   * The integer timestep the model sees at noise level σ: ᾱ = 1/(σ² + 1), then t by linear
   * interpolation of the (ᾱ, t) table, truncated to an integer; 0 above ᾱ_0, T − 1 at or below ᾱ_{T−1}.
   * σ is the float32 value the sampler holds; the arithmetic is float64, as NumPy's on that scalar.
   */
  sigmaToT(sigma: number): number {
    const ac = this.alphasCumprod;
    const n = this.timesteps;
    const alpha = 1.0 / (sigma * sigma + 1);
    if (alpha > ac[0]) return 0;
    if (alpha <= ac[n - 1]) return n - 1;
    // The table sorted ascending: x[j] = ᾱ[n−1−j], y[j] = n−1−j. Find the first j with x[j] >= alpha.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ac[n - 1 - mid] < alpha) lo = mid + 1;
      else hi = mid;
    }
    const j = Math.min(Math.max(lo, 1), n - 1);
    const xLo = ac[n - j];
    const xHi = ac[n - 1 - j];
    const yLo = n - j;
    const yHi = n - 1 - j;
    const slope = (yHi - yLo) / (xHi - xLo);
    const t = slope * (alpha - xLo) + yLo;
    return Math.trunc(t);
  }
}

/**
 * `torch.linspace(0, 1, n)` in float32 as PyTorch's CPU kernel computes it (AVX2 build): blocks of 8
 * values, two blocks at a time, each block counting up by `step` from a base taken from 0 when the
 * block starts in the first half, or back from 1 when it starts in the second; the tail one by one.
 * The exact bits matter little (σ differs by at most an ulp otherwise), but they are free to match.
 */
export function linspace01F32(n: number): Float32Array {
  const out = new Float32Array(n);
  if (n === 1) return out;
  const step = f32(1 / (n - 1));
  const halfway = Math.floor(n / 2);
  // Block bases are fused multiply-adds (one rounding: the product is exact
  // in float64, so a float64 sum rounded to float32 reproduces it); steps inside a block round twice.
  const at = (idx: number) => (idx < halfway ? f32(step * idx) : f32(1 - step * (n - idx - 1)));
  const lanes = 8;
  let i = 0;
  for (; i + 2 * lanes <= n; i += 2 * lanes) {
    for (const b of [i, i + lanes]) {
      const base = at(b);
      out[b] = base;
      for (let k = 1; k < lanes; k++) out[b + k] = f32(base + f32(k * step));
    }
  }
  for (; i < n; i++) out[i] = at(i);
  return out;
}

/**
 * The Karras et al. (2022) noise levels σ_0 > … > σ_{n−1}, followed by σ_n = 0, in float32 as the
 * reference computes them: (σmax^(1/ρ) + r·(σmin^(1/ρ) − σmax^(1/ρ)))^ρ over a float32 ramp r.
 *
 * @example
 * const sigmas = karrasSigmas(64, 1e-3, 120); // 65 values, the last 0
 */
export function karrasSigmas(n: number, sigmaMin: number, sigmaMax: number, rho = 7): Float32Array {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`karrasSigmas: n must be a positive integer, not ${n}.`);
  const ramp = linspace01F32(n);
  const minInvRho = sigmaMin ** (1 / rho);
  const maxInvRho = sigmaMax ** (1 / rho);
  const span = f32(minInvRho - maxInvRho);
  const start = f32(maxInvRho);
  const out = new Float32Array(n + 1);
  for (let i = 0; i < n; i++) out[i] = f32(f32(start + f32(ramp[i] * span)) ** f32(rho));
  out[n] = 0;
  return out;
}
