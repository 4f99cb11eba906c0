import type { Asset } from '../../asset/asset.js';

/** Every part of an asset in one indexed mesh (positions in asset space), with a part id per face. */
export interface MergedMesh {
  positions: Float32Array;
  uvs: Float32Array;
  indices: Uint32Array;
  /** For every triangle, the index of the part it came from. */
  facePart: Uint32Array;
}

/**
 * Concatenates every part of an asset into one indexed mesh; indices are offset, nothing is welded.
 *
 * @example
 * const { positions, indices } = mergeAssetMeshes(asset);
 */
export function mergeAssetMeshes(asset: Asset): MergedMesh {
  let nv = 0;
  let ni = 0;
  for (const p of asset.parts) {
    nv += p.mesh.positions.length / 3;
    ni += p.mesh.indices.length;
  }
  if (asset.parts.length === 1) {
    const m = asset.parts[0].mesh;
    return { positions: m.positions, uvs: m.uvs, indices: m.indices, facePart: new Uint32Array(ni / 3) };
  }
  const positions = new Float32Array(nv * 3);
  const uvs = new Float32Array(nv * 2);
  const indices = new Uint32Array(ni);
  const facePart = new Uint32Array(ni / 3);
  let vo = 0;
  let io = 0;
  asset.parts.forEach((p, k) => {
    const m = p.mesh;
    positions.set(m.positions, vo * 3);
    uvs.set(m.uvs, vo * 2);
    for (let i = 0; i < m.indices.length; i++) indices[io + i] = m.indices[i] + vo;
    facePart.fill(k, io / 3, (io + m.indices.length) / 3);
    vo += m.positions.length / 3;
    io += m.indices.length;
  });
  return { positions, uvs, indices, facePart };
}
