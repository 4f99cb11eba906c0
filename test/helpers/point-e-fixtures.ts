import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the Point-E parity fixtures (written by tools/point-e/make_fixtures.py). */
export const POINT_E_FIXTURES = fileURLToPath(new URL('../fixtures/point-e/', import.meta.url));

interface TensorEntry {
  dtype: 'float32' | 'float64' | 'int64';
  shape: number[];
  offset: number;
}

export interface ParityMeta {
  seed: number;
  prompt: string;
  tensors: Record<string, TensorEntry>;
  schedules: {
    steps: number;
    sigmaMin: number;
    sigmaMax: number;
    diffusion: 'base' | 'upsampler';
    sigmas: number[];
    t: number[];
  }[];
  stages: { name: string; yields: number; noiseDraws: number }[];
  denoiserT: number[];
  sampler: {
    baseSteps: number;
    upsamplerSteps: number;
    guidanceScale: number[];
    sChurn: number[];
    sigmaMax: number[];
    sigmaMin: number[];
  };
  sdfGrid: { gridSize: number; sideLength: number; spacing: number[] };
}

export interface FixtureTensor {
  shape: number[];
  data: Float32Array | Float64Array | BigInt64Array;
}

/** Reads parity.json and parity.bin once; `tensor(name)` returns a copy of one array. */
export function loadParity(): {
  meta: ParityMeta;
  tensor(name: string): FixtureTensor;
  f32(name: string): Float32Array;
} {
  const meta = JSON.parse(readFileSync(`${POINT_E_FIXTURES}parity.json`, 'utf8')) as ParityMeta;
  const bin = readFileSync(`${POINT_E_FIXTURES}parity.bin`);
  const tensor = (name: string): FixtureTensor => {
    const entry = meta.tensors[name];
    if (!entry) throw new Error(`no fixture tensor "${name}"`);
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const bytes = bin.buffer.slice(bin.byteOffset + entry.offset, bin.byteOffset + entry.offset + count * 8);
    const data =
      entry.dtype === 'float32'
        ? new Float32Array(bytes, 0, count)
        : entry.dtype === 'float64'
          ? new Float64Array(bytes, 0, count)
          : new BigInt64Array(bytes, 0, count);
    return { shape: entry.shape, data };
  };
  const f32 = (name: string): Float32Array => {
    const t = tensor(name);
    if (!(t.data instanceof Float32Array)) throw new Error(`fixture tensor "${name}" is not float32`);
    return t.data;
  };
  return { meta, tensor, f32 };
}

/** Largest absolute difference between two equally long arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  }
  return m;
}
