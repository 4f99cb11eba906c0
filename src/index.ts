/**
 * dream-cad: text (and image) to game-ready 3D assets.
 *
 * @example
 * import { ModelFactory } from 'dream-cad';
 * const model = ModelFactory.createModel('dreamcad');
 * const result = await model.generateFromText('a red wooden chair', { seed: 1 });
 * await result.save('chair.glb');
 */
import './io/index.js';
import { DreamCadModel } from './models/dreamcad/model.js';
import { registerModel } from './models/factory.js';
import { PointEModel } from './models/point-e/model.js';

registerModel('dreamcad', DreamCadModel);
registerModel('point-e', PointEModel);

export * from './asset/index.js';
export * from './bench/index.js';
export * from './config.js';
export * from './errors.js';
export * from './io/index.js';
export * from './io/read/index.js';
export * from './models/base.js';
export type { ModelCapabilities, ModelReadiness } from './models/capabilities.js';
export { DreamCadModel } from './models/dreamcad/model.js';
export {
  type ModelClass,
  ModelFactory,
  type ModelInfo,
  modelRegistry,
  registerModel,
} from './models/factory.js';
export { PointEModel, type PointEModelOptions } from './models/point-e/model.js';
export { ModelRegistry } from './models/registry.js';
export * from './quality/index.js';
export * from './thumbnails/index.js';
export { clearGpuCache, type GpuInfo, getAvailableVram, onClearGpuCache, queryGpus } from './utils/gpu.js';
export { assertValidPrompt, MAX_PROMPT_LENGTH, validatePrompt } from './utils/prompt.js';
export { version } from './version.js';
