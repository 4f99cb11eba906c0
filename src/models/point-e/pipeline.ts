/**
 * The Point-E pipeline on ONNX Runtime: text → CLIP embedding → base point cloud (Karras/Heun with
 * classifier-free guidance) → upsampled point cloud → SDF on a grid → marching cubes → coloured mesh.
 * Mirrors point_e/diffusion/sampler.py (PointCloudSampler) and point_e/util/pc_to_mesh.py.
 */
import { join } from 'node:path';
import { marchingCubes } from '../../geometry/marching-cubes.js';
import { throwIfCancelled } from '../base.js';
import { type EpsilonModel, type KarrasStep, sampleKarrasStage } from './karras.js';
import { type PointEManifest, readPointEManifest, type StageManifest } from './manifest.js';
import { type NoiseSource, SeededNoise } from './noise.js';
import { type OnnxNetwork, type OnnxSessionOptions, openOnnxNetwork } from './onnx.js';
import { betaSchedule, GaussianDiffusionSchedule } from './schedule.js';
import { ClipTokenizer } from './tokenizer.js';

const f32 = Math.fround;

/** A coloured point cloud: x, y, z and r, g, b (0–1) per point, in the model's own frame. */
export interface PointCloud {
  positions: Float32Array;
  colors: Float32Array;
}

export interface SampleOptions {
  /** Noise for both stages; default `new SeededNoise(seed)`. */
  noise?: NoiseSource;
  seed?: number;
  /** Base-stage steps; default the manifest's (64 for the official weights). */
  steps?: number;
  /** Upsampler steps; default the manifest's. */
  upsamplerSteps?: number;
  /** Classifier-free guidance of the base stage; default the manifest's (3). */
  guidanceScale?: number;
  /** Stop after the base stage (`skip`), e.g. for a quick preview. */
  upsample?: boolean;
  /** Fraction 0–1 of the sampling done, after every sampler step. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Every sampler step with its x and x0 (the parity tests record these). */
  onStep?: (stage: 'base' | 'upsampler', step: KarrasStep) => void;
  signal?: AbortSignal;
}

export interface MeshOptions {
  /** Samples per axis of the SDF grid; default 64 (the reference's evaluation uses 128). */
  gridSize?: number;
  /** Edge of the cube the grid covers, centred on the origin; default 1.02 as the reference. */
  sideLength?: number;
  /** Query points per SDF call; default 4096. */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export const MESH_DEFAULTS = { gridSize: 64, sideLength: 1.02, batchSize: 4096 };

export interface PointEMesh {
  positions: Float32Array;
  normals: Float32Array;
  colors: Float32Array;
  indices: Uint32Array;
}

interface Stage {
  manifest: StageManifest;
  schedule: GaussianDiffusionSchedule;
  network: OnnxNetwork;
}

/**
 * The loaded networks of one model folder. Create with `PointEPipeline.load(dir)`; `release()` frees
 * the ONNX sessions.
 *
 * @example
 * const pipe = await PointEPipeline.load('models/point-e');
 * const cloud = await pipe.textToPointCloud('a red chair', { seed: 1 });
 * const mesh = await pipe.pointCloudToMesh(cloud, { gridSize: 64 });
 */
export class PointEPipeline {
  private constructor(
    readonly dir: string,
    readonly manifest: PointEManifest,
    private readonly tokenizer: ClipTokenizer,
    private readonly text: OnnxNetwork,
    private readonly base: Stage,
    private readonly upsampler: Stage | undefined,
    private readonly sdf: { encoder: OnnxNetwork; decoder: OnnxNetwork } | undefined,
  ) {}

  static async load(dir: string, options: OnnxSessionOptions = {}): Promise<PointEPipeline> {
    const manifest = await readPointEManifest(dir);
    const open = (file: string) => openOnnxNetwork(join(dir, file), options);
    const stage = async (m: StageManifest): Promise<Stage> => ({
      manifest: m,
      schedule: new GaussianDiffusionSchedule(betaSchedule(m.diffusion.schedule, m.diffusion.timesteps)),
      network: await open(m.file),
    });
    const tokenizer = await ClipTokenizer.load(
      manifest.textEncoder.vocabulary ? join(dir, manifest.textEncoder.vocabulary) : undefined,
    );
    return new PointEPipeline(
      dir,
      manifest,
      tokenizer,
      await open(manifest.textEncoder.file),
      await stage(manifest.base),
      manifest.upsampler ? await stage(manifest.upsampler) : undefined,
      manifest.sdf
        ? { encoder: await open(manifest.sdf.encoder), decoder: await open(manifest.sdf.decoder) }
        : undefined,
    );
  }

  /** The execution provider the networks run on. */
  get provider(): 'cpu' | 'cuda' {
    return this.base.network.provider;
  }

  get hasSdf(): boolean {
    return this.sdf !== undefined;
  }

  /** CLIP token ids of a prompt, padded to the context length (as `clip.tokenize(…, truncate=True)`). */
  tokenize(prompt: string): BigInt64Array {
    const ctx = this.manifest.textEncoder.contextLength;
    return BigInt64Array.from(this.tokenizer.tokenize(prompt, ctx), (v) => BigInt(v));
  }

  /** The unit-length text embedding of each row of `tokens` ([batch, context]). */
  async embedTokens(tokens: BigInt64Array): Promise<Float32Array> {
    const ctx = this.manifest.textEncoder.contextLength;
    const { embedding } = await this.text.run({ tokens: { data: tokens, dims: [tokens.length / ctx, ctx] } });
    return embedding;
  }

  embedText(prompt: string): Promise<Float32Array> {
    return this.embedTokens(this.tokenize(prompt));
  }

  /**
   * Samples the point cloud for one text embedding: the raw model output [1, 6, N] (positions, then
   * colours 0–255), N = base points + upsampler points.
   */
  async sample(embedding: Float32Array, options: SampleOptions = {}): Promise<Float32Array> {
    const dim = this.manifest.textEncoder.embeddingDim;
    if (embedding.length !== dim)
      throw new RangeError(`sample: the embedding has ${embedding.length} values, not ${dim}.`);
    const noise = options.noise ?? new SeededNoise(options.seed ?? 0);
    const channels = 3 + this.manifest.auxChannels.length;
    const base = this.base;
    const up = options.upsample === false ? undefined : this.upsampler;
    const baseSteps = options.steps ?? base.manifest.sampler.steps;
    const upSteps = options.upsamplerSteps ?? up?.manifest.sampler.steps ?? 0;
    const totalCalls = baseSteps + (up ? upSteps : 0);
    const progress = (stage: string, done: number) => options.onProgress?.(done / totalCalls, stage);

    const baseN = base.manifest.numPoints;
    const baseModel: EpsilonModel = async (x, t, b) => {
      const emb = new Float32Array(b * dim);
      emb.set(embedding); // the unconditional half (if any) keeps the zero embedding
      const { output } = await base.network.run({
        x: { data: x, dims: [b, channels, baseN] },
        t: { data: t, dims: [b] },
        embedding: { data: emb, dims: [b, dim] },
      });
      return output;
    };
    const low = await sampleKarrasStage({
      schedule: base.schedule,
      model: baseModel,
      noise,
      batch: 1,
      channels,
      points: baseN,
      steps: baseSteps,
      sigmaMin: base.manifest.sampler.sigmaMin,
      sigmaMax: base.manifest.sampler.sigmaMax,
      sChurn: base.manifest.sampler.sChurn,
      guidanceScale: options.guidanceScale ?? base.manifest.sampler.guidanceScale,
      channelScales: base.manifest.diffusion.channelScales,
      channelBiases: base.manifest.diffusion.channelBiases,
      signal: options.signal,
      onStep: (step) => {
        options.onStep?.('base', step);
        progress('base point cloud', step.index + 1);
      },
    });
    if (!up) return low;

    const upN = up.manifest.numPoints;
    const upModel: EpsilonModel = async (x, t, b) => {
      const lowRes = new Float32Array(b * channels * baseN);
      lowRes.set(low); // guided: the unconditional half gets zeros, as the reference does
      const { output } = await up.network.run({
        x: { data: x, dims: [b, channels, upN] },
        t: { data: t, dims: [b] },
        low_res: { data: lowRes, dims: [b, channels, baseN] },
      });
      return output;
    };
    const high = await sampleKarrasStage({
      schedule: up.schedule,
      model: upModel,
      noise,
      batch: 1,
      channels,
      points: upN,
      steps: upSteps,
      sigmaMin: up.manifest.sampler.sigmaMin,
      sigmaMax: up.manifest.sampler.sigmaMax,
      sChurn: up.manifest.sampler.sChurn,
      guidanceScale: up.manifest.sampler.guidanceScale,
      channelScales: up.manifest.diffusion.channelScales,
      channelBiases: up.manifest.diffusion.channelBiases,
      signal: options.signal,
      onStep: (step) => {
        options.onStep?.('upsampler', step);
        progress('upsampling', baseSteps + step.index + 1);
      },
    });
    // [1, C, baseN] ++ [1, C, upN] along the points axis.
    const out = new Float32Array(channels * (baseN + upN));
    for (let c = 0; c < channels; c++) {
      out.set(low.subarray(c * baseN, (c + 1) * baseN), c * (baseN + upN));
      out.set(high.subarray(c * upN, (c + 1) * upN), c * (baseN + upN) + baseN);
    }
    return out;
  }

  /** Prompt → coloured point cloud (tokenize, embed, sample). */
  async textToPointCloud(prompt: string, options: SampleOptions = {}): Promise<PointCloud> {
    const embedding = await this.embedText(prompt);
    throwIfCancelled(options.signal);
    return samplesToPointCloud(await this.sample(embedding, options));
  }

  /**
   * The SDF predicted from a point cloud on a gridSize³ grid over [−side/2, side/2]³, x-major, exactly
   * as point_e/util/pc_to_mesh.py evaluates it (including re-centring a grid with no sign change).
   */
  async sdfGrid(cloud: PointCloud, options: MeshOptions = {}): Promise<Float32Array> {
    if (!this.sdf) throw new Error('sdfGrid: this model folder has no SDF network.');
    const g = options.gridSize ?? MESH_DEFAULTS.gridSize;
    const side = options.sideLength ?? MESH_DEFAULTS.sideLength;
    const batch = options.batchSize ?? MESH_DEFAULTS.batchSize;
    const n = cloud.positions.length / 3;
    const points = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 3; k++) points[k * n + i] = cloud.positions[i * 3 + k];
    }
    const { latents } = await this.sdf.encoder.run({ points: { data: points, dims: [1, 3, n] } });
    const width = latents.length / n;
    const voxel = f32(side / (g - 1));
    const min = f32(-side / 2);
    const coord = (i: number) => f32(f32(i * voxel) + min);
    const total = g * g * g;
    const volume = new Float32Array(total);
    for (let start = 0; start < total; start += batch) {
      throwIfCancelled(options.signal);
      const count = Math.min(batch, total - start);
      const query = new Float32Array(3 * count);
      for (let j = 0; j < count; j++) {
        const i = start + j;
        query[j] = coord(Math.floor(i / (g * g)));
        query[count + j] = coord(Math.floor(i / g) % g);
        query[2 * count + j] = coord(i % g);
      }
      const { sdf } = await this.sdf.decoder.run({
        query: { data: query, dims: [1, 3, count] },
        latents: { data: latents, dims: [1, n, width] },
      });
      volume.set(sdf, start);
      options.onProgress?.((start + count) / total);
    }
    let pos = 0;
    let neg = 0;
    let sum = 0;
    for (const v of volume) {
      if (v > 0) pos++;
      if (v < 0) neg++;
      sum += v;
    }
    if (pos === total || neg === total) {
      const mean = f32(sum / total);
      for (let i = 0; i < total; i++) volume[i] -= mean;
    }
    return volume;
  }

  /**
   * Point cloud → closed, coloured triangle mesh: the SDF grid, marching cubes (`closed`, so a
   * surface reaching the grid's border is capped), and each vertex coloured like its nearest point.
   */
  async pointCloudToMesh(cloud: PointCloud, options: MeshOptions = {}): Promise<PointEMesh> {
    const g = options.gridSize ?? MESH_DEFAULTS.gridSize;
    const side = options.sideLength ?? MESH_DEFAULTS.sideLength;
    const volume = await this.sdfGrid(cloud, options);
    const voxel = side / (g - 1);
    const min = -side / 2;
    const mc = marchingCubes(volume, [g, g, g], {
      origin: [min, min, min],
      spacing: [voxel, voxel, voxel],
      closed: true,
    });
    return {
      positions: mc.positions,
      normals: mc.normals ?? new Float32Array(mc.positions.length),
      indices: mc.indices,
      colors: nearestColors(cloud, mc.positions),
    };
  }

  async release(): Promise<void> {
    const nets = [
      this.text,
      this.base.network,
      this.upsampler?.network,
      this.sdf?.encoder,
      this.sdf?.decoder,
    ];
    await Promise.all(nets.map((n) => n?.release()));
  }
}

/**
 * The model's raw output [1, 6, N] as a point cloud: colours clamped to 0–255, rounded (half to
 * even, as `torch.round`) and divided by 255, as the reference's `output_to_point_clouds`.
 */
export function samplesToPointCloud(samples: Float32Array): PointCloud {
  const n = samples.length / 6;
  const positions = new Float32Array(n * 3);
  const colors = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      positions[i * 3 + k] = samples[k * n + i];
      const v = Math.min(Math.max(samples[(3 + k) * n + i], 0), 255);
      colors[i * 3 + k] = roundHalfEven(v) / 255;
    }
  }
  return { positions, colors };
}

function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** For each vertex, the colour of the nearest point of the cloud (a uniform-grid search). */
export function nearestColors(cloud: PointCloud, vertices: Float32Array): Float32Array {
  const n = cloud.positions.length / 3;
  const out = new Float32Array(vertices.length);
  if (n === 0) return out;
  const p = cloud.positions;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k], p[i * 3 + k]);
      hi[k] = Math.max(hi[k], p[i * 3 + k]);
    }
  }
  const res = Math.max(1, Math.round(Math.cbrt(n / 2)));
  const cell = Math.max((hi[0] - lo[0]) / res, (hi[1] - lo[1]) / res, (hi[2] - lo[2]) / res, 1e-9);
  const dims = [0, 1, 2].map((k) => Math.floor((hi[k] - lo[k]) / cell) + 1);
  const key = (x: number, y: number, z: number) => (x * dims[1] + y) * dims[2] + z;
  const buckets = new Map<number, number[]>();
  const cellOf = (v: number, k: number) => Math.min(dims[k] - 1, Math.max(0, Math.floor((v - lo[k]) / cell)));
  for (let i = 0; i < n; i++) {
    const kk = key(cellOf(p[i * 3], 0), cellOf(p[i * 3 + 1], 1), cellOf(p[i * 3 + 2], 2));
    const list = buckets.get(kk);
    if (list) list.push(i);
    else buckets.set(kk, [i]);
  }
  for (let v = 0; v < vertices.length / 3; v++) {
    const q = [vertices[v * 3], vertices[v * 3 + 1], vertices[v * 3 + 2]];
    const c = q.map((x, k) => cellOf(x, k));
    let best = -1;
    let bestD = Infinity;
    // Grow the search shell until the nearest found is closer than anything outside the shell.
    for (let r = 0; ; r++) {
      for (let x = c[0] - r; x <= c[0] + r; x++) {
        for (let y = c[1] - r; y <= c[1] + r; y++) {
          for (let z = c[2] - r; z <= c[2] + r; z++) {
            if (Math.max(Math.abs(x - c[0]), Math.abs(y - c[1]), Math.abs(z - c[2])) !== r) continue;
            if (x < 0 || y < 0 || z < 0 || x >= dims[0] || y >= dims[1] || z >= dims[2]) continue;
            const list = buckets.get(key(x, y, z));
            if (!list) continue;
            for (const i of list) {
              const d = (p[i * 3] - q[0]) ** 2 + (p[i * 3 + 1] - q[1]) ** 2 + (p[i * 3 + 2] - q[2]) ** 2;
              if (d < bestD) {
                bestD = d;
                best = i;
              }
            }
          }
        }
      }
      const outside = Math.min(...q.map((x, k) => distanceToShell(x, lo[k], cell, c[k], r, dims[k])));
      if (best >= 0 && bestD <= outside * outside) break;
      if (r > dims[0] + dims[1] + dims[2]) break;
    }
    out.set(cloud.colors.subarray(best * 3, best * 3 + 3), v * 3);
  }
  return out;
}

/** Distance from coordinate x to the nearest cell beyond the search shell of radius r (∞ at the edge). */
function distanceToShell(x: number, lo: number, cell: number, c: number, r: number, dim: number): number {
  const below = c - r - 1 >= 0 ? x - (lo + (c - r) * cell) : Infinity;
  const above = c + r + 1 < dim ? lo + (c + r + 1) * cell - x : Infinity;
  return Math.max(0, Math.min(below, above));
}
