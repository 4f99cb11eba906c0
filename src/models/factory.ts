import { getConfig } from '../config.js';
import { ModelNotFoundError } from '../errors.js';
import type { Model3D, ModelOptions } from './base.js';
import type { ModelCapabilities, ModelReadiness } from './capabilities.js';
import { ModelRegistry } from './registry.js';

/** A model class the factory can create: a constructor plus static capabilities. */
export interface ModelClass {
  new (options?: ModelOptions): Model3D;
  readonly capabilities: ModelCapabilities;
  /** Whether the model can run here (weights installed, GPU present); ready when omitted. */
  readiness?(): ModelReadiness;
}

const classes = new Map<string, ModelClass>();

/** Capabilities of every registered model. */
export const modelRegistry = new ModelRegistry();

/**
 * Makes a model available to `ModelFactory.createModel(name)`. Registering a name again replaces it.
 *
 * @example
 * class EchoModel extends Model3D { … }
 * registerModel('echo', EchoModel);
 * const model = ModelFactory.createModel('echo');
 */
export function registerModel(name: string, modelClass: ModelClass): void {
  if (!/^[a-z0-9][a-z0-9-_]*$/.test(name)) {
    throw new TypeError(
      `registerModel: "${name}" is not a valid model name (lowercase letters, digits, "-", "_").`,
    );
  }
  classes.set(name, modelClass);
  modelRegistry.register(name, modelClass.capabilities);
}

export interface ModelInfo {
  name: string;
  capabilities: ModelCapabilities;
  readiness: ModelReadiness;
}

export const ModelFactory = {
  /**
   * Creates a model by name (default: DREAM_CAD_DEFAULT_MODEL). Loading is lazy: nothing heavy
   * happens until the first generation or `loadModel()`.
   *
   * @example
   * const model = ModelFactory.createModel('dreamcad');
   */
  createModel(name: string = getConfig().defaultModel, options: ModelOptions = {}): Model3D {
    const cls = classes.get(name);
    if (!cls) throw new ModelNotFoundError(name, ModelFactory.listAvailableModels());
    return new cls(options);
  },

  /** Names of every registered model, sorted. */
  listAvailableModels(): string[] {
    return modelRegistry.listModels();
  },

  /** Every registered model with its capabilities and whether it is ready on this machine. */
  describeModels(): ModelInfo[] {
    return ModelFactory.listAvailableModels().map((name) => {
      const cls = classes.get(name)!;
      return { name, capabilities: cls.capabilities, readiness: cls.readiness?.() ?? { ready: true } };
    });
  },
};
