import type { Mesh } from '../asset/asset.js';

export interface WatertightReport {
  /** True when every edge (after welding by position) has exactly two uses in opposite directions. */
  watertight: boolean;
  /** Distinct positions after welding. */
  weldedVertices: number;
  /** Undirected edges after welding. */
  edges: number;
  /** Edges used by one triangle only (holes). */
  boundaryEdges: number;
  /** Edges used by more than two triangles, or twice in the same direction (flipped faces). */
  badEdges: number;
  /** Triangles whose corners weld to fewer than three distinct positions. */
  degenerateTriangles: number;
}

/**
 * Welds a mesh's vertices by exact position (undoing the splits made for normals and UVs) and checks
 * that the surface is closed and consistently oriented: every undirected edge is shared by exactly two
 * triangles that traverse it in opposite directions.
 *
 * @example
 * assert.ok(checkWatertight(part.mesh).watertight);
 */
export function checkWatertight(mesh: Mesh): WatertightReport {
  const weld = weldByPosition(mesh.positions);
  const forward = new Map<string, number>();
  let degenerateTriangles = 0;
  const idx = mesh.indices;
  for (let i = 0; i < idx.length; i += 3) {
    const a = weld.map[idx[i]];
    const b = weld.map[idx[i + 1]];
    const c = weld.map[idx[i + 2]];
    if (a === b || b === c || a === c) {
      degenerateTriangles++;
      continue;
    }
    for (const [u, v] of [
      [a, b],
      [b, c],
      [c, a],
    ]) {
      // Count each directed use: +1 for (low→high), +1000 for (high→low). A closed, oriented edge
      // ends at exactly 1001.
      const key = u < v ? `${u},${v}` : `${v},${u}`;
      forward.set(key, (forward.get(key) ?? 0) + (u < v ? 1 : 1000));
    }
  }
  let boundaryEdges = 0;
  let badEdges = 0;
  for (const count of forward.values()) {
    if (count === 1001) continue;
    if (count === 1 || count === 1000) boundaryEdges++;
    else badEdges++;
  }
  return {
    watertight: boundaryEdges === 0 && badEdges === 0 && degenerateTriangles === 0 && forward.size > 0,
    weldedVertices: weld.count,
    edges: forward.size,
    boundaryEdges,
    badEdges,
    degenerateTriangles,
  };
}

/**
 * Signed volume by the divergence theorem: positive when triangles wind counter-clockwise seen from
 * outside (normals point out), negative when the surface is inside out.
 */
export function signedVolume(mesh: Mesh): number {
  const p = mesh.positions;
  const t = mesh.indices;
  let sum = 0;
  for (let i = 0; i < t.length; i += 3) {
    const a = t[i] * 3;
    const b = t[i + 1] * 3;
    const c = t[i + 2] * 3;
    sum +=
      p[a] * (p[b + 1] * p[c + 2] - p[b + 2] * p[c + 1]) -
      p[a + 1] * (p[b] * p[c + 2] - p[b + 2] * p[c]) +
      p[a + 2] * (p[b] * p[c + 1] - p[b + 1] * p[c]);
  }
  return sum / 6;
}

/** Maps each vertex to the index of the first vertex at exactly the same position. */
export function weldByPosition(positions: Float32Array): { map: Uint32Array; count: number } {
  const seen = new Map<string, number>();
  const map = new Uint32Array(positions.length / 3);
  for (let v = 0; v < map.length; v++) {
    const key = `${positions[v * 3]},${positions[v * 3 + 1]},${positions[v * 3 + 2]}`;
    let id = seen.get(key);
    if (id === undefined) {
      id = seen.size;
      seen.set(key, id);
    }
    map[v] = id;
  }
  return { map, count: seen.size };
}
