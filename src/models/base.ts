import type { Asset } from '../asset/asset.js';
import { GenerationResult, type SaveOptions } from '../asset/result.js';
import { getConfig } from '../config.js';
import {
  CancelledError,
  DreamCadError,
  GenerationError,
  InsufficientVRAMError,
  NotSupportedError,
} from '../errors.js';
import { getAvailableVram } from '../utils/gpu.js';
import { assertValidPrompt } from '../utils/prompt.js';
import type { ModelCapabilities } from './capabilities.js';
// Type-only imports of this module in factory.ts keep this import free of cycles.
import { modelRegistry } from './factory.js';

/** Progress of one generation: `fraction` from 0 to 1 and a short label of the current stage. */
export interface Progress {
  fraction: number;
  stage: string;
}

export interface CommonGenerationOptions {
  /** Same seed + same prompt + same model version = same result, byte for byte. */
  seed?: number;
  /** Called as the model works; long-running models call it at least once per step. */
  onProgress?: (progress: Progress) => void;
  /** Aborting stops the generation at its next checkpoint with a `CancelledError`. */
  signal?: AbortSignal;
  /** Model-specific options. */
  [option: string]: unknown;
}

export interface TextGenerationOptions extends CommonGenerationOptions {
  /** Sampler steps of diffusion models; models without steps (dreamcad) ignore it. */
  numInferenceSteps?: number;
  /** Classifier-free guidance of diffusion models; models without guidance ignore it. */
  guidanceScale?: number;
  /**
   * Grid samples per axis of models that mesh a field (point-e: the SDF grid, 16–256); refused with
   * `NotSupportedError` by models whose capabilities have no `meshResolution`.
   */
  meshResolution?: number;
  /**
   * Return the coloured point cloud instead of a mesh (point-e); refused with `NotSupportedError` by
   * models whose capabilities lack `supportsPointsOnly`.
   */
  pointsOnly?: boolean;
  /** What the result must not have, e.g. "armrests, red". */
  negativePrompt?: string;
}

export interface ImageGenerationOptions extends CommonGenerationOptions {
  removeBackground?: boolean;
}

/** An image: a file path, encoded bytes (PNG, JPEG, WebP), or raw pixels. */
export type ImageInput =
  | string
  | Uint8Array
  | { data: Uint8Array; width: number; height: number; channels: 1 | 3 | 4 };

export interface ModelOptions {
  /** Overrides DREAM_CAD_PRECISION for this instance. */
  precision?: 'fp32' | 'fp16';
  /** Skips the VRAM check (e.g. to run a GPU model slowly on CPU on purpose). */
  skipVramCheck?: boolean;
  [option: string]: unknown;
}

/** Resolved options handed to a model's implementation, with the seed always set. */
export type ResolvedTextOptions = TextGenerationOptions & { seed: number };
export type ResolvedImageOptions = ImageGenerationOptions & { seed: number };

/**
 * The base of every model. Subclasses implement `textToAsset` (and `imageToAsset` when they accept
 * images) and, if they hold weights, `load`/`unload`. The base class validates input, loads lazily,
 * times the run, turns unexpected failures into `GenerationError`, and wraps the asset in a
 * `GenerationResult`.
 */
export abstract class Model3D {
  abstract readonly capabilities: ModelCapabilities;
  /** The model's version; part of what makes results reproducible. */
  readonly version: string = '1';
  private loaded = false;
  private loading?: Promise<void>;

  constructor(
    readonly name: string,
    readonly options: ModelOptions = {},
  ) {}

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Loads weights into memory; generation calls it on first use, so calling it is optional. */
  async loadModel(): Promise<void> {
    if (this.loaded) return;
    this.loading ??= (async () => {
      const need = this.capabilities.minVramGb;
      if (need > 0 && !this.options.skipVramCheck) {
        const free = getAvailableVram(getConfig().gpuId);
        if (free < need) throw new InsufficientVRAMError(this.name, need, free);
      }
      await this.load();
      this.loaded = true;
    })().finally(() => {
      this.loading = undefined;
    });
    await this.loading;
  }

  /** Frees the model's memory; the next generation loads it again. */
  async unloadModel(): Promise<void> {
    if (!this.loaded) return;
    await this.unload();
    this.loaded = false;
  }

  /**
   * Generates an asset from a sentence.
   *
   * @example
   * const result = await model.generateFromText('a red wooden chair', { seed: 7 });
   * await result.save('chair.glb');
   */
  async generateFromText(prompt: string, options: TextGenerationOptions = {}): Promise<GenerationResult> {
    const text = assertValidPrompt(prompt);
    if (!this.capabilities.supportsTextTo3d) {
      throw new NotSupportedError(
        `Model "${this.name}" does not generate from text; give it an image instead.`,
      );
    }
    assertSupportedOptions(this.name, this.capabilities, options);
    const resolved: ResolvedTextOptions = { ...options, seed: resolveSeed(options.seed) };
    return this.run({ prompt: text, seed: resolved.seed }, options.signal, () =>
      this.textToAsset(text, resolved),
    );
  }

  /**
   * Generates an asset from a reference image.
   *
   * @example
   * const result = await model.generateFromImage('photo.png', { removeBackground: true });
   */
  async generateFromImage(
    image: ImageInput,
    options: ImageGenerationOptions = {},
  ): Promise<GenerationResult> {
    if (!this.capabilities.supportsImageTo3d) {
      throw new NotSupportedError(
        `Model "${this.name}" does not generate from images; it accepts text prompts only. ` +
          'Use a model whose capabilities list image input (see `dream-cad models`).',
      );
    }
    assertSupportedOptions(this.name, this.capabilities, options);
    const resolved: ResolvedImageOptions = { ...options, seed: resolveSeed(options.seed) };
    return this.run({ seed: resolved.seed, input: 'image' }, options.signal, () =>
      this.imageToAsset(image, resolved),
    );
  }

  /** Saves a result; the same as `result.save(path, format)`. */
  save(result: GenerationResult, path: string, format?: string, options?: SaveOptions): Promise<string> {
    return result.save(path, format, options);
  }

  protected abstract textToAsset(prompt: string, options: ResolvedTextOptions): Promise<Asset>;

  protected imageToAsset(_image: ImageInput, _options: ResolvedImageOptions): Promise<Asset> {
    return Promise.reject(new NotSupportedError(`Model "${this.name}" does not generate from images.`));
  }

  protected async load(): Promise<void> {}
  protected async unload(): Promise<void> {}

  private async run(
    meta: Record<string, unknown>,
    signal: AbortSignal | undefined,
    produce: () => Promise<Asset>,
  ): Promise<GenerationResult> {
    if (signal?.aborted) throw new CancelledError();
    await this.loadModel();
    const start = performance.now();
    let asset: Asset;
    try {
      asset = await produce();
    } catch (err) {
      if (err instanceof DreamCadError) throw err;
      const why = err instanceof Error ? err.message : String(err);
      throw new GenerationError(`Model "${this.name}" failed: ${why}`, { cause: err });
    }
    const seconds = (performance.now() - start) / 1000;
    return new GenerationResult(asset, seconds, this.name, {
      ...meta,
      modelVersion: this.version,
      ...asset.metadata,
    });
  }
}

/** Throws `CancelledError` when the signal has fired; models call it between steps. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Refuses the settings a model does not have, naming the models that do, so `pointsOnly` or a mesh
 * resolution never silently gives a different kind of result than asked for. Steps and guidance are
 * hints every model may ignore; these two change what comes back, so they are checked.
 */
export function assertSupportedOptions(
  model: string,
  caps: ModelCapabilities,
  options: Readonly<Record<string, unknown>>,
): void {
  if (options.pointsOnly !== undefined && typeof options.pointsOnly !== 'boolean') {
    throw new GenerationError(`pointsOnly must be true or false, not ${String(options.pointsOnly)}.`);
  }
  if (options.pointsOnly && !caps.supportsPointsOnly) {
    throw new NotSupportedError(
      `Model "${model}" cannot return a point cloud (pointsOnly); ${modelsWith('pointsOnly')}.`,
    );
  }
  if (options.meshResolution !== undefined && !caps.meshResolution) {
    throw new NotSupportedError(
      `Model "${model}" has no mesh resolution setting (meshResolution); ${modelsWith('meshResolution')}.`,
    );
  }
}

function modelsWith(option: 'pointsOnly' | 'meshResolution'): string {
  const names = modelRegistry.listModels().filter((name) => {
    const caps = modelRegistry.getCapabilities(name);
    return option === 'pointsOnly' ? caps?.supportsPointsOnly : caps?.meshResolution;
  });
  return names.length ? `models that take it: ${names.join(', ')}` : 'no registered model takes it';
}

function resolveSeed(seed: number | undefined): number {
  if (seed === undefined) return Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new GenerationError(`The seed must be an integer from 0 to 4294967295, not ${seed}.`);
  }
  return seed;
}
