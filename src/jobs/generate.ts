import type { Asset } from '../asset/asset.js';
import { exportAsset } from '../io/registry.js';
import type { Model3D, Progress } from '../models/base.js';
import { ModelFactory } from '../models/factory.js';
import { encodeAsset } from './asset-codec.js';
import { renderJobThumbnail } from './thumbnails.js';
import type { JobParams } from './types.js';

/** Everything a worker needs to run one job; plain data so it can cross a thread boundary. */
export interface GenerateTask {
  jobId: string;
  prompt: string;
  modelName: string;
  params: JobParams;
  /** Re-encoded reference image bytes (PNG), when the job has one. */
  referenceImage?: Uint8Array;
  /** Side of the PNG thumbnail to render with the result, in pixels; 0 or absent renders none. */
  thumbnailSize?: number;
}

/** What a finished generation hands back: the master asset, its GLB, and facts for the job record. */
export interface GenerateOutput {
  master: Uint8Array;
  glb: Uint8Array;
  /** PNG thumbnail, when one was asked for and could be rendered. */
  thumbnail?: Uint8Array;
  seed?: number;
  generationTime: number;
  vertexCount: number;
  triangleCount: number;
  parts: number;
  metadata: Record<string, unknown>;
}

// Settings the job record keeps but models do not take as generation options.
const NOT_MODEL_OPTIONS = new Set(['formats', 'detail']);

/**
 * Runs one generation with the library (the same calls the CLI makes) and exports the GLB.
 * `getModel` lets a long-lived worker thread keep models loaded between jobs.
 */
export async function runGeneration(
  task: GenerateTask,
  hooks: { onProgress?: (p: Progress) => void; signal?: AbortSignal },
  getModel: (name: string) => Model3D = (name) => ModelFactory.createModel(name),
): Promise<GenerateOutput> {
  const model = getModel(task.modelName);
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(task.params)) if (!NOT_MODEL_OPTIONS.has(k)) options[k] = v;
  if (task.params.detail) options.detail = task.params.detail;
  const common = { ...options, onProgress: hooks.onProgress, signal: hooks.signal };
  const useImage = !!task.referenceImage && model.capabilities.supportsImageTo3d && !task.prompt;
  const result = useImage
    ? await model.generateFromImage(task.referenceImage!, common)
    : await model.generateFromText(task.prompt, {
        ...common,
        ...(task.referenceImage ? { referenceImage: task.referenceImage } : {}),
      });
  hooks.onProgress?.({ fraction: 0.95, stage: 'exporting' });
  const asset = result.asset;
  const glb = (await exportAsset(asset, 'glb', 'model')).main;
  const thumbnail = task.thumbnailSize ? await tryThumbnail(asset, task.thumbnailSize) : undefined;
  return {
    master: encodeAsset(asset),
    glb,
    ...(thumbnail ? { thumbnail } : {}),
    seed: typeof result.metadata.seed === 'number' ? result.metadata.seed : task.params.seed,
    generationTime: result.generationTime,
    ...countAsset(asset),
    metadata: jsonSafe(result.metadata),
  };
}

/**
 * The job's thumbnail (software rasteriser, iso view). A picture is a convenience: an asset it
 * cannot draw (say, one with no triangles) still completes, without one.
 */
async function tryThumbnail(asset: Asset, size: number): Promise<Uint8Array | undefined> {
  try {
    return await renderJobThumbnail(asset, size);
  } catch {
    return undefined;
  }
}

function countAsset(asset: Asset): { vertexCount: number; triangleCount: number; parts: number } {
  let vertexCount = 0;
  let triangleCount = 0;
  for (const p of asset.parts) {
    vertexCount += p.mesh.positions.length / 3;
    triangleCount += p.mesh.indices.length / 3;
  }
  return { vertexCount, triangleCount, parts: asset.parts.length };
}

/** Keeps only what survives JSON (metadata goes into the job row). */
function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(value, (_k, v) => (ArrayBuffer.isView(v) ? undefined : v)));
  } catch {
    return {};
  }
}
