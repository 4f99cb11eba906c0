/** Where the sampler's Gaussian noise comes from: seeded for generation, recorded for parity tests. */
export interface NoiseSource {
  /** `count` independent standard normal samples. */
  normal(count: number): Float32Array;
}

/**
 * Standard normal noise from a 32-bit seed: xoshiro128** (seeded through splitmix32) and the
 * Box–Muller transform in float64, rounded to float32. Same seed, same numbers, on every platform.
 *
 * @example
 * const noise = new SeededNoise(7);
 * const x = noise.normal(6 * 1024);
 */
export class SeededNoise implements NoiseSource {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | undefined;

  constructor(seed: number) {
    let z = seed >>> 0;
    const next = () => {
      z = (z + 0x9e3779b9) | 0;
      let t = z ^ (z >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** A uniform number in [0, 1) with 32 random bits. */
  private uniform(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result / 4294967296;
  }

  normal(count: number): Float32Array {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      if (this.spare !== undefined) {
        out[i] = this.spare;
        this.spare = undefined;
        continue;
      }
      const u1 = 1 - this.uniform();
      const u2 = this.uniform();
      const r = Math.sqrt(-2 * Math.log(u1));
      out[i] = r * Math.cos(2 * Math.PI * u2);
      this.spare = r * Math.sin(2 * Math.PI * u2);
    }
    return out;
  }
}

/** Replays recorded noise in order (the parity tests hand it the reference's draws). */
export class RecordedNoise implements NoiseSource {
  private next = 0;
  constructor(private readonly draws: Float32Array[]) {}

  normal(count: number): Float32Array {
    const draw = this.draws[this.next++];
    if (!draw) throw new Error(`RecordedNoise: draw ${this.next - 1} was not recorded.`);
    if (draw.length !== count) {
      throw new Error(`RecordedNoise: draw ${this.next - 1} has ${draw.length} values, ${count} asked.`);
    }
    return draw;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
