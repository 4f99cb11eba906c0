export { type MergedMesh, mergeAssetMeshes } from './merge.js';
export { READ_FBX_DEFAULTS, type ReadFbxOptions, readFbx } from './read-fbx.js';
export { documentToAsset, READ_GLB_DEFAULTS, type ReadGlbOptions, readGlb } from './read-glb.js';
export { READ_OBJ_DEFAULTS, type ReadObjOptions, readObj } from './read-obj.js';
export { READ_PLY_DEFAULTS, type ReadPlyOptions, readPly } from './read-ply.js';
export { READ_STL_DEFAULTS, type ReadStlOptions, readStl } from './read-stl.js';
export {
  fileContext,
  listMeshReaders,
  readMeshBytes,
  readMeshFile,
  registerMeshReader,
  resolveMeshReader,
} from './registry.js';
export type { MeshReader, ReadContext, ReadMeshResult } from './types.js';
export { type WeldResult, weldPositions } from './weld.js';
