export {
  encodeFbx,
  FBX_ENCODE_DEFAULTS,
  type FbxArrayProperty,
  type FbxEncodeOptions,
  type FbxNode,
  type FbxProperty,
} from './binary.js';
export { type DecodedFbx, decodeFbx, fbxChild } from './decode.js';
export { buildFbxScene, type FbxScene, type FbxSceneOptions } from './scene.js';
export { fbxWriter, WRITE_FBX_DEFAULTS, type WriteFbxOptions, writeFbx } from './writer.js';
