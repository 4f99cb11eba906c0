/**
 * The manifest of a Point-E model folder (`manifest.json` beside the ONNX files), written by
 * tools/point-e/convert_checkpoints.py for the official weights and by make_fixtures.py for the tiny
 * parity networks. The runtime reads everything it needs about the networks from here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BetaScheduleName } from './schedule.js';

export interface DiffusionManifest {
  schedule: BetaScheduleName;
  timesteps: number;
  /** Only ε-prediction is supported (all Point-E checkpoints). */
  meanType: 'epsilon';
  channelScales: number[];
  channelBiases: number[];
}

export interface SamplerManifest {
  steps: number;
  sigmaMin: number;
  sigmaMax: number;
  sChurn: number;
  guidanceScale: number;
}

export interface StageManifest {
  file: string;
  /** Points this stage generates (the upsampler: the points it adds). */
  numPoints: number;
  diffusion: DiffusionManifest;
  sampler: SamplerManifest;
}

export interface PointEManifest {
  format: 'dream-cad/point-e';
  version: 1;
  name: string;
  description?: string;
  source?: string;
  /** Channels after x, y, z; the runtime supports ['R', 'G', 'B']. */
  auxChannels: string[];
  /** Which axis of the point clouds is up; Point-E's own data is z-up. Default 'z'. */
  upAxis?: 'y' | 'z';
  textEncoder: {
    file: string;
    contextLength: number;
    embeddingDim: number;
    /** The BPE merges file (gzip); default: the copy that ships with dream-cad. */
    vocabulary?: string;
  };
  base: StageManifest;
  upsampler?: StageManifest;
  sdf?: { encoder: string; decoder: string; numPoints: number };
}

/**
 * Reads and checks `<dir>/manifest.json`. Throws an `Error` saying which field is wrong.
 *
 * @example
 * const manifest = await readPointEManifest(join(getConfig().modelPath, 'point-e'));
 */
export async function readPointEManifest(dir: string): Promise<PointEManifest> {
  const path = join(dir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`readPointEManifest: cannot read ${path}: ${why}`);
  }
  return checkPointEManifest(raw, path);
}

/** Validates a parsed manifest; `where` names it in errors. */
export function checkPointEManifest(raw: unknown, where = 'manifest'): PointEManifest {
  const fail = (what: string): never => {
    throw new Error(`readPointEManifest: ${where}: ${what}`);
  };
  const obj = (v: unknown, name: string): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(`${name} must be an object`);
  const str = (v: unknown, name: string): string =>
    typeof v === 'string' && v ? v : fail(`${name} must be a string`);
  const int = (v: unknown, name: string, min = 1): number =>
    Number.isInteger(v) && (v as number) >= min ? (v as number) : fail(`${name} must be an integer ≥ ${min}`);
  const num = (v: unknown, name: string, min = 0): number =>
    typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fail(`${name} must be a number ≥ ${min}`);
  const nums = (v: unknown, name: string, length: number): number[] =>
    Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number' && Number.isFinite(x))
      ? (v as number[])
      : fail(`${name} must be ${length} numbers`);

  const m = obj(raw, 'the manifest');
  if (m.format !== 'dream-cad/point-e') fail('format must be "dream-cad/point-e"');
  if (m.version !== 1) fail(`version ${String(m.version)} is not supported (1)`);
  const aux = Array.isArray(m.auxChannels)
    ? (m.auxChannels as unknown[])
    : fail('auxChannels must be a list');
  if (aux.join(',') !== 'R,G,B') fail('auxChannels must be ["R", "G", "B"]');
  const channels = 3 + aux.length;
  if (m.upAxis !== undefined && m.upAxis !== 'y' && m.upAxis !== 'z') fail('upAxis must be "y" or "z"');

  const stage = (v: unknown, name: string): StageManifest => {
    const s = obj(v, name);
    const d = obj(s.diffusion, `${name}.diffusion`);
    const p = obj(s.sampler, `${name}.sampler`);
    if (d.schedule !== 'cosine' && d.schedule !== 'linear')
      fail(`${name}.diffusion.schedule must be cosine or linear`);
    if ((d.meanType ?? 'epsilon') !== 'epsilon') fail(`${name}.diffusion.meanType must be "epsilon"`);
    return {
      file: str(s.file, `${name}.file`),
      numPoints: int(s.numPoints, `${name}.numPoints`),
      diffusion: {
        schedule: d.schedule as BetaScheduleName,
        timesteps: int(d.timesteps, `${name}.diffusion.timesteps`, 2),
        meanType: 'epsilon',
        channelScales: nums(d.channelScales, `${name}.diffusion.channelScales`, channels),
        channelBiases: nums(d.channelBiases, `${name}.diffusion.channelBiases`, channels),
      },
      sampler: {
        steps: int(p.steps, `${name}.sampler.steps`),
        sigmaMin: num(p.sigmaMin, `${name}.sampler.sigmaMin`),
        sigmaMax: num(p.sigmaMax, `${name}.sampler.sigmaMax`),
        sChurn: num(p.sChurn, `${name}.sampler.sChurn`),
        guidanceScale: num(p.guidanceScale, `${name}.sampler.guidanceScale`),
      },
    };
  };

  const te = obj(m.textEncoder, 'textEncoder');
  const manifest: PointEManifest = {
    format: 'dream-cad/point-e',
    version: 1,
    name: str(m.name, 'name'),
    description: typeof m.description === 'string' ? m.description : undefined,
    source: typeof m.source === 'string' ? m.source : undefined,
    auxChannels: ['R', 'G', 'B'],
    upAxis: (m.upAxis as 'y' | 'z' | undefined) ?? 'z',
    textEncoder: {
      file: str(te.file, 'textEncoder.file'),
      contextLength: int(te.contextLength, 'textEncoder.contextLength', 2),
      embeddingDim: int(te.embeddingDim, 'textEncoder.embeddingDim'),
      vocabulary: te.vocabulary === undefined ? undefined : str(te.vocabulary, 'textEncoder.vocabulary'),
    },
    base: stage(m.base, 'base'),
  };
  if (m.upsampler !== undefined) manifest.upsampler = stage(m.upsampler, 'upsampler');
  if (m.sdf !== undefined) {
    const s = obj(m.sdf, 'sdf');
    manifest.sdf = {
      encoder: str(s.encoder, 'sdf.encoder'),
      decoder: str(s.decoder, 'sdf.decoder'),
      numPoints: int(s.numPoints, 'sdf.numPoints'),
    };
  }
  return manifest;
}
