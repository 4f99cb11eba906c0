import { setAssetSaver } from '../asset/result.js';
import { blendWriter } from './blend.js';
import { fbxWriter } from './fbx/writer.js';
import { glbWriter } from './glb.js';
import { objWriter } from './obj.js';
import { plyWriter } from './ply.js';
import { registerFormat, saveAsset } from './registry.js';
import { stlWriter } from './stl.js';

export { type BlenderTarget, blendWriter, createBlendWriter, exportWithBlender } from './blend.js';
export { type BlenderOptions, findBlender } from './blender.js';
export { decodeFbx, encodeFbx, fbxWriter, writeFbx } from './fbx/index.js';
export type { ExportOptions, ExportOutput, FormatWriter, SidecarFile } from './format.js';
export { assetToDocument, glbWriter } from './glb.js';
export { objWriter } from './obj.js';
export { plyWriter } from './ply.js';
export {
  assertHoldsPointClouds,
  exportAsset,
  listFormats,
  pointCloudFormats,
  registerFormat,
  resolveFormat,
  saveAsset,
} from './registry.js';
export { stlWriter } from './stl.js';

registerFormat(glbWriter);
registerFormat(objWriter);
registerFormat(plyWriter);
registerFormat(stlWriter);
registerFormat(fbxWriter);
registerFormat(blendWriter);

setAssetSaver(saveAsset);
