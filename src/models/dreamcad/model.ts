import type { Asset } from '../../asset/asset.js';
import { NotSupportedError } from '../../errors.js';
import { Model3D, type ResolvedTextOptions } from '../base.js';
import type { ModelCapabilities } from '../capabilities.js';
import { type DetailLevel, type DreamcadOptions, generateDreamcadAsset, lodRatios } from './engine.js';

/**
 * The built-in procedural engine: reads the prompt into a spec, builds the matching family's parts
 * as watertight solids, and applies the named colours and materials. Runs on any CPU in
 * milliseconds and needs no downloads. `numInferenceSteps` and `guidanceScale` do not apply and
 * are ignored.
 */
export class DreamCadModel extends Model3D {
  static readonly capabilities: ModelCapabilities = {
    minVramGb: 0,
    recommendedVramGb: 0,
    supportsTextTo3d: true,
    supportsImageTo3d: false,
    supportsMultiView: false,
    outputFormats: ['glb', 'obj', 'ply', 'stl', 'fbx', 'blend'],
    hasPbrMaterials: true,
    hasUvUnwrapping: true,
    typicalGenerationTime: '≈10 ms on one CPU core',
    maxResolution: 0,
    licenseType: 'MIT',
    description: 'Built-in procedural engine: instant, offline, watertight parts with PBR materials.',
  };
  readonly capabilities = DreamCadModel.capabilities;
  override readonly version = '1';

  constructor(options = {}) {
    super('dreamcad', options);
  }

  /**
   * Model options: `detail` ('low' | 'medium' | 'high': about 2k / 10k / 50k triangles per object at
   * most; default 'medium'); `lods` (a count 0–4, or decreasing shares of the triangles such as
   * [0.5, 0.2]: simplified levels of detail, written to GLB as `<object>_LOD1`… next to `<object>_LOD0`).
   */
  protected textToAsset(prompt: string, options: ResolvedTextOptions): Promise<Asset> {
    const detail = options.detail ?? 'medium';
    if (detail !== 'low' && detail !== 'medium' && detail !== 'high') {
      return Promise.reject(
        new NotSupportedError(`detail must be "low", "medium" or "high", not ${JSON.stringify(detail)}.`),
      );
    }
    const lods = options.lods as DreamcadOptions['lods'];
    try {
      lodRatios(lods);
    } catch (e) {
      return Promise.reject(new NotSupportedError(`${(e as Error).message}.`));
    }
    return generateDreamcadAsset(prompt, {
      seed: options.seed,
      negativePrompt: options.negativePrompt,
      onProgress: options.onProgress,
      detail: detail as DetailLevel,
      ...(lods !== undefined ? { lods } : {}),
    });
  }
}
