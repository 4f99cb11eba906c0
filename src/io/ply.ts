import { type Asset, isPointCloud } from '../asset/asset.js';
import { FileFormatError } from '../errors.js';
import { version } from '../version.js';
import { srgb8 } from './color.js';
import type { FormatWriter } from './format.js';

/** Bytes per vertex: x y z nx ny nz s t as float32, then red green blue as uchar. */
const VERTEX_BYTES = 8 * 4 + 3;
/** Bytes per face: a uchar count (always 3) and three uint32 indices. */
const FACE_BYTES = 1 + 3 * 4;
/** Bytes per point of a point cloud: x y z as float32, then red green blue as uchar. */
const POINT_BYTES = 3 * 4 + 3;

/**
 * Binary little-endian PLY, the layout MeshLab, Blender, Open3D and three.js all read: per vertex
 * position, normal, UV (`s`, `t`) and an 8-bit colour; faces as `list uchar uint vertex_indices`.
 *
 * - PLY has no parts or materials, so every part is merged into one mesh; a part without vertex
 *   colours paints its vertices with its material's base colour, so the parts stay distinguishable.
 * - Colours are 8-bit sRGB (PLY readers display the bytes as they are), converted from the asset's
 *   linear 0–1 values. Textures and other material data are not kept.
 * - `t` is written as `1 − v`: PLY tools follow the OpenGL convention of a bottom-left texture
 *   origin, while glTF (and our assets) use top-left.
 * - Units are metres, +Y up, unchanged.
 * - A point cloud (every part `mode: 'points'`) is written as points only: `x y z` float and
 *   `red green blue` uchar per vertex and no face element — the layout Open3D's `read_point_cloud`,
 *   CloudCompare and MeshLab open as a cloud. An asset mixing points and triangles is refused: PLY
 *   has one vertex list, so the points would turn into stray mesh vertices (GLB keeps both).
 *
 * @example
 * registerFormat(plyWriter);
 * await saveAsset(asset, 'scan.ply');
 */
export const plyWriter: FormatWriter = {
  format: 'ply',
  extensions: ['ply'],
  mimeType: 'application/x-ply',
  description:
    'Stanford PLY (binary): one merged mesh with normals, UVs and 8-bit sRGB vertex colours, or a coloured point cloud',
  pointClouds: true,
  async write(asset) {
    const points = asset.parts.filter((p) => isPointCloud(p.mesh)).length;
    if (points > 0 && points < asset.parts.length) {
      throw new FileFormatError(
        'PLY holds either one mesh or one point cloud, and this asset mixes both; save it as glb.',
      );
    }
    if (points > 0) return { main: writePoints(asset), sidecars: [] };
    let vertices = 0;
    let faces = 0;
    for (const part of asset.parts) {
      vertices += part.mesh.positions.length / 3;
      faces += part.mesh.indices.length / 3;
    }
    const headerBytes = plyHeader(
      'comment units metres, +Y up',
      vertices,
      ['x', 'y', 'z', 'nx', 'ny', 'nz', 's', 't'],
      [`element face ${faces}`, 'property list uchar uint vertex_indices'],
    );
    const out = new Uint8Array(headerBytes.length + vertices * VERTEX_BYTES + faces * FACE_BYTES);
    out.set(headerBytes);
    const view = new DataView(out.buffer);

    let o = headerBytes.length;
    for (const { mesh, material } of asset.parts) {
      const { positions: p, normals: nrm, uvs, colors } = mesh;
      const base = material.baseColor.slice(0, 3).map(srgb8);
      for (let i = 0; i < p.length / 3; i++) {
        for (let k = 0; k < 3; k++) view.setFloat32(o + k * 4, p[i * 3 + k], true);
        const [x, y, z] = [nrm[i * 3], nrm[i * 3 + 1], nrm[i * 3 + 2]];
        // Unit normals keep every reader's shading right; a zero (or broken) normal stays zero.
        const len = Math.hypot(x, y, z);
        const scale = len > 0 && Number.isFinite(len) ? 1 / len : 0;
        view.setFloat32(o + 12, x * scale, true);
        view.setFloat32(o + 16, y * scale, true);
        view.setFloat32(o + 20, z * scale, true);
        view.setFloat32(o + 24, finite(uvs[i * 2]), true);
        view.setFloat32(o + 28, 1 - finite(uvs[i * 2 + 1]), true);
        for (let k = 0; k < 3; k++) out[o + 32 + k] = colors ? srgb8(colors[i * 3 + k]) : base[k];
        o += VERTEX_BYTES;
      }
    }
    let offset = 0;
    for (const { mesh } of asset.parts) {
      const idx = mesh.indices;
      for (let t = 0; t < idx.length; t += 3) {
        out[o] = 3;
        view.setUint32(o + 1, idx[t] + offset, true);
        view.setUint32(o + 5, idx[t + 1] + offset, true);
        view.setUint32(o + 9, idx[t + 2] + offset, true);
        o += FACE_BYTES;
      }
      offset += mesh.positions.length / 3;
    }
    return { main: out, sidecars: [] };
  },
};

/**
 * A binary PLY header: `vertices` with the given float properties and red green blue uchar, then any
 * further element lines (the faces).
 */
function plyHeader(units: string, vertices: number, floats: string[], more: string[]): Uint8Array {
  const lines = [
    'ply',
    'format binary_little_endian 1.0',
    `comment generator dream-cad ${version}`,
    units,
    `element vertex ${vertices}`,
    ...floats.map((p) => `property float ${p}`),
    ...['red', 'green', 'blue'].map((p) => `property uchar ${p}`),
    ...more,
    'end_header',
    '',
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

/** The point-cloud layout: x y z float, red green blue uchar, no faces. */
function writePoints(asset: Asset): Uint8Array {
  let count = 0;
  for (const part of asset.parts) count += part.mesh.positions.length / 3;
  const headerBytes = plyHeader('comment units metres, +Y up; a point cloud', count, ['x', 'y', 'z'], []);
  const out = new Uint8Array(headerBytes.length + count * POINT_BYTES);
  out.set(headerBytes);
  const view = new DataView(out.buffer);
  let o = headerBytes.length;
  for (const { mesh, material } of asset.parts) {
    const { positions: p, colors } = mesh;
    const base = material.baseColor.slice(0, 3).map(srgb8);
    for (let i = 0; i < p.length / 3; i++) {
      for (let k = 0; k < 3; k++) view.setFloat32(o + k * 4, p[i * 3 + k], true);
      for (let k = 0; k < 3; k++) out[o + 12 + k] = colors ? srgb8(colors[i * 3 + k]) : base[k];
      o += POINT_BYTES;
    }
  }
  return out;
}

function finite(x: number): number {
  return Number.isFinite(x) ? x : 0;
}
