import type { Asset } from '../../asset/asset.js';
import type { GenerationResult } from '../../asset/result.js';
import { NotSupportedError } from '../../errors.js';
import { type ImageGenerationOptions, type ImageInput, Model3D, type ResolvedTextOptions } from '../base.js';
import type { ModelCapabilities } from '../capabilities.js';
import {
  type DetailLevel,
  type DreamcadOptions,
  generateDreamcadAsset,
  type ImageUse,
  lodRatios,
} from './engine.js';

const IMAGE_USES: readonly ImageUse[] = ['palette', 'none'];

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
   * The procedural engine cannot rebuild a shape from a picture: the shape comes from words. Given a
   * `prompt` option, this is `generateFromText(prompt, { ...options, image, useImageAs })` with
   * `useImageAs` 'palette' unless set (the image's colours colour the parts); without one it throws
   * `NotSupportedError` saying so.
   *
   * @example
   * await model.generateFromImage('ref.png', { prompt: 'a vase', seed: 7 }); // a vase in the image's colours
   */
  override generateFromImage(
    image: ImageInput,
    options: ImageGenerationOptions & { prompt?: string } = {},
  ): Promise<GenerationResult> {
    const { prompt, ...rest } = options;
    if (typeof prompt !== 'string' || prompt.trim() === '') {
      return Promise.reject(
        new NotSupportedError(
          `Model "${this.name}" cannot build a shape from an image: it reads the shape from words. ` +
            'Give a prompt for the shape and the image colours it: ' +
            'generateFromImage(image, { prompt: "a vase" }) or generateFromText("a vase", { image }).',
        ),
      );
    }
    return this.generateFromText(prompt, { ...rest, image, useImageAs: rest.useImageAs ?? 'palette' });
  }

  /**
   * Model options: `detail` ('low' | 'medium' | 'high': about 2k / 10k / 50k triangles per object at
   * most; default 'medium'); `image` (a reference image: path, bytes or raw pixels; `referenceImage`,
   * as jobs pass it, is the same) and `useImageAs` ('palette', the default with an image: its dominant
   * colours colour the parts where the prompt names no colour; 'none': ignored); `lods` (a count 0–4,
   * or decreasing shares of the triangles such as [0.5, 0.2]: simplified levels of detail, written to
   * GLB as `<object>_LOD1`… next to `<object>_LOD0`).
   */
  protected textToAsset(prompt: string, options: ResolvedTextOptions): Promise<Asset> {
    const detail = options.detail ?? 'medium';
    if (detail !== 'low' && detail !== 'medium' && detail !== 'high') {
      return Promise.reject(
        new NotSupportedError(`detail must be "low", "medium" or "high", not ${JSON.stringify(detail)}.`),
      );
    }
    const useImageAs = options.useImageAs ?? 'palette';
    if (!IMAGE_USES.includes(useImageAs as ImageUse)) {
      return Promise.reject(
        new NotSupportedError(
          `useImageAs must be ${IMAGE_USES.map((u) => `"${u}"`).join(' or ')}, not ${JSON.stringify(useImageAs)}.`,
        ),
      );
    }
    const image = (options.image ?? options.referenceImage) as ImageInput | undefined;
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
      ...(image !== undefined ? { image, useImageAs: useImageAs as ImageUse } : {}),
      ...(lods !== undefined ? { lods } : {}),
    });
  }
}
