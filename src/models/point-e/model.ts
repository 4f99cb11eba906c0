import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Asset, type Material, pointCloudMesh } from '../../asset/asset.js';
import { getConfig } from '../../config.js';
import { GenerationError } from '../../errors.js';
import { buildSurfaceMesh } from '../../geometry/surface.js';
import { Model3D, type ModelOptions, type ResolvedTextOptions, throwIfCancelled } from '../base.js';
import type { ModelCapabilities, ModelReadiness } from '../capabilities.js';
import type { OnnxDevice } from './onnx.js';
import { nearestColors, type PointCloud, PointEPipeline } from './pipeline.js';

/** The folder under DREAM_CAD_MODEL_PATH that holds Point-E's manifest.json and ONNX files. */
export const POINT_E_FOLDER = 'point-e';

/** Where Point-E's weights are looked for: `$DREAM_CAD_MODEL_PATH/point-e`. */
export function pointEModelDir(): string {
  return join(getConfig().modelPath, POINT_E_FOLDER);
}

const INSTALL_HINT =
  'convert the official checkpoints with `python3 tools/point-e/convert_checkpoints.py --out ' +
  '"$DREAM_CAD_MODEL_PATH/point-e"` (see docs/point-e.md), or point DREAM_CAD_MODEL_PATH at a folder ' +
  'that has point-e/manifest.json';

export interface PointEModelOptions extends ModelOptions {
  /** Where the networks run; default 'auto' (CUDA when ONNX Runtime can start it, else CPU). */
  device?: OnnxDevice;
  /** A model folder to use instead of `$DREAM_CAD_MODEL_PATH/point-e`. */
  modelDir?: string;
}

/**
 * Point-E (github.com/openai/point-e, MIT) on ONNX Runtime: the prompt's CLIP embedding conditions a
 * point-cloud diffusion model (1024 points, Karras/Heun sampler with classifier-free guidance), an
 * upsampler adds 3072 points, and an SDF network meshed by marching cubes turns the coloured cloud
 * into a closed mesh with vertex colours. Needs converted weights in `$DREAM_CAD_MODEL_PATH/point-e`.
 *
 * Text options: `numInferenceSteps` (base-stage sampler steps, default 64), `guidanceScale` (default
 * 3), `seed`, `meshResolution` (SDF grid samples per axis, 16–256, default 64) and `pointsOnly`
 * (return the coloured point cloud — one `mode: 'points'` part — and skip the SDF; saves as PLY
 * points or GLB POINTS).
 */
export class PointEModel extends Model3D {
  static readonly capabilities: ModelCapabilities = {
    minVramGb: 0,
    recommendedVramGb: 2,
    supportsTextTo3d: true,
    supportsImageTo3d: false,
    supportsMultiView: false,
    outputFormats: ['glb', 'obj', 'ply', 'stl', 'fbx', 'blend'],
    hasPbrMaterials: true,
    hasUvUnwrapping: false,
    typicalGenerationTime: 'minutes on CPU with the official weights (64 + 64 steps, 64³ mesh grid)',
    maxResolution: 256,
    licenseType: 'MIT',
    description: 'Point-E: text → coloured point cloud → mesh, on ONNX Runtime (needs converted weights).',
    meshResolution: { min: 16, max: 256, default: 64 },
    supportsPointsOnly: true,
  };
  readonly capabilities = PointEModel.capabilities;
  override readonly version = '1';
  private pipeline?: PointEPipeline;

  constructor(options: PointEModelOptions = {}) {
    super('point-e', options);
  }

  /** Ready when `$DREAM_CAD_MODEL_PATH/point-e/manifest.json` exists; otherwise says how to install. */
  static readiness(): ModelReadiness {
    const dir = pointEModelDir();
    if (existsSync(join(dir, 'manifest.json'))) return { ready: true };
    return { ready: false, reason: `Point-E weights are not installed in ${dir}: ${INSTALL_HINT}.` };
  }

  private get modelDir(): string {
    const dir = (this.options as PointEModelOptions).modelDir;
    return dir ?? pointEModelDir();
  }

  protected override async load(): Promise<void> {
    const dir = this.modelDir;
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new GenerationError(
        `Point-E cannot run: its weights are not installed in ${dir}; ${INSTALL_HINT}.`,
      );
    }
    try {
      this.pipeline = await PointEPipeline.load(dir, { device: (this.options as PointEModelOptions).device });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new GenerationError(`Point-E could not load its networks from ${dir}: ${why}`, { cause: err });
    }
  }

  protected override async unload(): Promise<void> {
    await this.pipeline?.release();
    this.pipeline = undefined;
  }

  protected async textToAsset(prompt: string, options: ResolvedTextOptions): Promise<Asset> {
    const pipe = this.pipeline;
    if (!pipe) throw new GenerationError('Point-E is not loaded.');
    const pointsOnly = options.pointsOnly === true;
    if (!pipe.hasSdf && !pointsOnly)
      throw new GenerationError(
        `Point-E: ${pipe.dir} has no SDF network to build a mesh with; ask for pointsOnly instead.`,
      );
    const steps = optionalInt(options.numInferenceSteps, 'numInferenceSteps', 2, 1000);
    const range = PointEModel.capabilities.meshResolution!;
    const grid = optionalInt(options.meshResolution, 'meshResolution', range.min, range.max) ?? range.default;
    const guidance = options.guidanceScale;
    if (guidance !== undefined && !(Number.isFinite(guidance) && guidance >= 0 && guidance <= 100)) {
      throw new GenerationError(`guidanceScale must be a number from 0 to 100, not ${guidance}.`);
    }
    const report = options.onProgress;
    report?.({ fraction: 0, stage: 'encoding the prompt' });
    const cloud = await pipe.textToPointCloud(prompt, {
      seed: options.seed,
      steps,
      guidanceScale: guidance,
      signal: options.signal,
      onProgress: (f, stage) => report?.({ fraction: 0.02 + 0.88 * f, stage }),
    });
    throwIfCancelled(options.signal);
    const upZ = pipe.manifest.upAxis !== 'y';
    const metadata = {
      modelName: 'point-e',
      prompt,
      seed: options.seed,
      weights: pipe.manifest.name,
      provider: pipe.provider,
      points: cloud.positions.length / 3,
    };
    if (pointsOnly) {
      const placed = toAssetFrame(cloud.positions, upZ);
      groundAndCentre(placed, new Float32Array(0));
      report?.({ fraction: 1, stage: 'done' });
      return {
        parts: [
          {
            name: 'points',
            mesh: pointCloudMesh(placed, cloud.colors.map(srgbToLinear)),
            material: MATERIAL,
          },
        ],
        metadata: { ...metadata, pointsOnly: true },
      };
    }
    const mesh = await pipe.pointCloudToMesh(cloud, {
      gridSize: grid,
      signal: options.signal,
      onProgress: (f) => report?.({ fraction: 0.9 + 0.09 * f, stage: 'meshing' }),
    });
    if (mesh.indices.length === 0) {
      throw new GenerationError(
        'Point-E: the SDF network found no surface in the point cloud; try another seed.',
      );
    }
    const positions = toAssetFrame(mesh.positions, upZ);
    const placed = toAssetFrame(cloud.positions, upZ);
    groundAndCentre(positions, placed);
    const surface = buildSurfaceMesh(positions, mesh.indices, { creaseAngle: 60, uv: { kind: 'box' } });
    const srgb = nearestColors(
      { positions: placed, colors: cloud.colors } satisfies PointCloud,
      surface.positions,
    );
    surface.colors = srgb.map(srgbToLinear);
    report?.({ fraction: 1, stage: 'done' });
    return {
      parts: [
        {
          name: 'object',
          mesh: surface,
          material: MATERIAL,
        },
      ],
      metadata: { ...metadata, meshResolution: grid },
    };
  }
}

/** White, so the vertex colours show as they are. */
const MATERIAL: Material = {
  name: 'point_e_vertex_color',
  baseColor: [1, 1, 1, 1],
  metallic: 0,
  roughness: 0.8,
};

function optionalInt(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new GenerationError(`${name} must be an integer from ${min} to ${max}, not ${String(value)}.`);
  }
  return value as number;
}

/** Point-E's frame is z-up; ours is y-up with the object facing +Z: (x, y, z) → (x, z, −y). */
function toAssetFrame(p: Float32Array, upZ: boolean): Float32Array {
  if (!upZ) return p.slice();
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i += 3) {
    out[i] = p[i];
    out[i + 1] = p[i + 2];
    out[i + 2] = -p[i + 1];
  }
  return out;
}

/**
 * Moves the mesh (and the cloud with it) so its footprint is centred on the origin, resting on y = 0.
 * With `pointsOnly` the cloud itself is the first argument and the second is empty.
 */
function groundAndCentre(mesh: Float32Array, cloud: Float32Array): void {
  if (mesh.length === 0) return;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < mesh.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k], mesh[i + k]);
      hi[k] = Math.max(hi[k], mesh[i + k]);
    }
  }
  const shift = [-(lo[0] + hi[0]) / 2, -lo[1], -(lo[2] + hi[2]) / 2];
  for (const arr of [mesh, cloud]) {
    for (let i = 0; i < arr.length; i += 3) for (let k = 0; k < 3; k++) arr[i + k] += shift[k];
  }
}

function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
