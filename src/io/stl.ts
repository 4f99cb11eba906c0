import { version } from '../version.js';
import type { FormatWriter } from './format.js';

const HEADER_BYTES = 80;
/** Bytes per triangle: normal and three corners as float32 x y z, then a uint16 attribute count. */
const TRIANGLE_BYTES = 12 * 4 + 2;

/**
 * Binary STL, the lingua franca of 3D printing: triangles only, every part merged into one soup.
 *
 * - The 80-byte header names the generator. It never starts with `solid`, because many readers take
 *   such a file for ASCII STL and fail on the binary data.
 * - Each facet normal is computed from its triangle (counter-clockwise = outward), as STL readers
 *   expect it to agree with the winding; the mesh's vertex normals are not used. A degenerate
 *   triangle (no area, or corners in a line) gets the zero normal, which readers accept and
 *   recompute.
 * - The attribute byte count is always 0. Colours, UVs and materials are not kept.
 * - Coordinates are the asset's own: metres, +Y up. Slicers assume millimetres and +Z up, so a
 *   1 m asset shows as 1 mm lying on its back until scaled ×1000 and rotated.
 *
 * @example
 * registerFormat(stlWriter);
 * await saveAsset(asset, 'print.stl');
 */
export const stlWriter: FormatWriter = {
  format: 'stl',
  extensions: ['stl'],
  mimeType: 'model/stl',
  description: 'STL (binary): one merged triangle mesh with facet normals, for 3D printing',
  async write(asset) {
    let triangles = 0;
    for (const part of asset.parts) triangles += part.mesh.indices.length / 3;
    const out = new Uint8Array(HEADER_BYTES + 4 + triangles * TRIANGLE_BYTES);
    const view = new DataView(out.buffer);
    // The rest of the header stays zero-filled.
    out.set(
      new TextEncoder().encode(`binary STL by dream-cad ${version}; metres, +Y up`.slice(0, HEADER_BYTES)),
    );
    view.setUint32(HEADER_BYTES, triangles, true);

    let o = HEADER_BYTES + 4;
    for (const { mesh } of asset.parts) {
      const p = mesh.positions;
      const idx = mesh.indices;
      for (let t = 0; t < idx.length; t += 3) {
        const a = idx[t] * 3;
        const b = idx[t + 1] * 3;
        const c = idx[t + 2] * 3;
        const [nx, ny, nz] = facetNormal(p, a, b, c);
        view.setFloat32(o, nx, true);
        view.setFloat32(o + 4, ny, true);
        view.setFloat32(o + 8, nz, true);
        for (const [k, v] of [a, b, c].entries()) {
          view.setFloat32(o + 12 + k * 12, p[v], true);
          view.setFloat32(o + 16 + k * 12, p[v + 1], true);
          view.setFloat32(o + 20 + k * 12, p[v + 2], true);
        }
        // Bytes 48–49, the attribute byte count, stay 0.
        o += TRIANGLE_BYTES;
      }
    }
    return { main: out, sidecars: [] };
  },
};

/**
 * The unit normal of triangle (a, b, c), given as offsets into `p`, or [0, 0, 0] when the triangle
 * is degenerate. "Degenerate" is scale-free: the sine of the angle between the two edges is below
 * float32 precision (1e-7), where the direction would be rounding noise; tiny triangles still count.
 */
function facetNormal(p: Float32Array, a: number, b: number, c: number): [number, number, number] {
  const ux = p[b] - p[a];
  const uy = p[b + 1] - p[a + 1];
  const uz = p[b + 2] - p[a + 2];
  const vx = p[c] - p[a];
  const vy = p[c + 1] - p[a + 1];
  const vz = p[c + 2] - p[a + 2];
  const nx = uy * vz - uz * vy;
  const ny = uz * vx - ux * vz;
  const nz = ux * vy - uy * vx;
  const len = Math.hypot(nx, ny, nz);
  if (!(len > 1e-7 * Math.hypot(ux, uy, uz) * Math.hypot(vx, vy, vz))) return [0, 0, 0];
  return [nx / len, ny / len, nz / len];
}
