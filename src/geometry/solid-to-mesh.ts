import type { Mesh } from '../asset/asset.js';
import type { Solid } from './solid.js';
import { buildSurfaceMesh, type SurfaceOptions } from './surface.js';

/**
 * Converts a solid to a render-ready `Mesh` (positions, crease-split normals, metric UVs, optional
 * vertex colours). manifold-3d returns one vertex per position with outward, counter-clockwise
 * triangles, which is exactly what `buildSurfaceMesh` expects.
 *
 * @example
 * const mesh = solidToMesh(kit.cylinder(0.04, 0.1), { uv: { kind: 'cylindrical' } });
 */
export function solidToMesh(solid: Solid, options: SurfaceOptions = {}): Mesh {
  const raw = solid.manifold.getMesh();
  const positions = raw.numProp === 3 ? raw.vertProperties : pickPositions(raw.vertProperties, raw.numProp);
  return buildSurfaceMesh(positions, raw.triVerts, options);
}

/** Keeps x, y, z of each vertex when the solid carries extra per-vertex properties. */
function pickPositions(props: Float32Array, numProp: number): Float32Array {
  const n = props.length / numProp;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = props[i * numProp];
    out[i * 3 + 1] = props[i * numProp + 1];
    out[i * 3 + 2] = props[i * numProp + 2];
  }
  return out;
}
