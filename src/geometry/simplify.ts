import { MeshoptSimplifier } from 'meshoptimizer';
import type { IndexedMesh } from './sdf.js';

let ready = false;

/** Initialises meshoptimizer's WebAssembly once; `simplifyClosed` needs it. */
export async function loadSimplifier(): Promise<void> {
  if (ready) return;
  await MeshoptSimplifier.ready;
  ready = true;
}

export interface SimplifyOptions {
  /** Keep about this share of the triangles (0–1). */
  ratio: number;
  /** And at most this many triangles. */
  maxTriangles?: number;
  /** Largest allowed deviation, relative to the mesh's size (meshoptimizer's `target_error`). */
  error?: number;
  /**
   * Stretch the result back to the input's bounding box (default true). Edge collapses pull extreme
   * vertices inwards (a fin tip, a paw, the rim of a hat), so a simplified object would come out a few
   * per cent smaller than the one it stands for; a tiny per-axis stretch undoes that and keeps the
   * object's real size at every detail level and LOD.
   */
  keepBounds?: boolean;
}

/**
 * Simplifies a closed, welded mesh with meshoptimizer and keeps the result only if it is still closed
 * and manifold: edge collapses can pinch thin regions into folded pairs of triangles, which are
 * removed, and if any edge is still not shared by exactly two opposite triangles, or a triangle is left
 * with no area (see `hasDegenerateTriangles`), the original mesh is returned. The result is stretched
 * back to the input's bounding box unless `keepBounds` is false.
 * Either way the answer depends only on the input, so it is deterministic.
 *
 * @example
 * await loadSimplifier();
 * const lighter = simplifyClosed(sdfToMesh(prims, 0.02), { ratio: 0.3 });
 */
export function simplifyClosed(mesh: IndexedMesh, options: SimplifyOptions): IndexedMesh {
  if (!ready) throw new Error('simplifyClosed: call loadSimplifier() first');
  const n = mesh.triangles.length / 3;
  const target = Math.max(12, Math.floor(Math.min(n * options.ratio, options.maxTriangles ?? Infinity)) * 3);
  if (target >= mesh.triangles.length) return mesh;
  const error = options.error ?? 0.002;
  // Plain edge collapses first; if they pinch the surface, the regularised mode (which keeps triangles
  // more even, so collapses rarely fold) with a looser error; else the mesh as it came.
  const attempts: Array<{ flags: Array<'Regularize'>; error: number }> = [
    { flags: [], error },
    { flags: ['Regularize'], error: Math.max(error, 0.01) },
  ];
  for (const a of attempts) {
    const [out] = MeshoptSimplifier.simplify(mesh.triangles, mesh.positions, 3, target, a.error, a.flags);
    const triangles = removeFolds(out);
    if (
      triangles.length >= 12 &&
      triangles.length < mesh.triangles.length &&
      isClosedManifold(triangles) &&
      !hasDegenerateTriangles(mesh.positions, triangles)
    ) {
      const result = compact({ positions: mesh.positions, triangles });
      if (options.keepBounds ?? true) fitBounds(result.positions, bounds(mesh.positions, mesh.triangles));
      return result;
    }
  }
  return mesh;
}

/**
 * True when some triangle has (next to) no area: smaller than a square micrometre, or with one corner
 * on the line through the other two (its height under a millionth of its longest edge). Edge collapses
 * can leave such slivers; they shade as black specks and break tangent generation.
 */
export function hasDegenerateTriangles(positions: Float32Array, triangles: Uint32Array): boolean {
  for (let t = 0; t < triangles.length; t += 3) {
    if (isDegenerate(positions, triangles[t], triangles[t + 1], triangles[t + 2])) return true;
  }
  return false;
}

/** Whether the triangle (a, b, c) has no area to speak of (see `hasDegenerateTriangles`). */
export function isDegenerate(p: ArrayLike<number>, a: number, b: number, c: number): boolean {
  const ax = p[a * 3];
  const ay = p[a * 3 + 1];
  const az = p[a * 3 + 2];
  const ux = p[b * 3] - ax;
  const uy = p[b * 3 + 1] - ay;
  const uz = p[b * 3 + 2] - az;
  const vx = p[c * 3] - ax;
  const vy = p[c * 3 + 1] - ay;
  const vz = p[c * 3 + 2] - az;
  const twiceArea = Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx);
  if (!(twiceArea >= 2e-12)) return true;
  const longest = Math.max(
    ux * ux + uy * uy + uz * uz,
    vx * vx + vy * vy + vz * vz,
    (ux - vx) ** 2 + (uy - vy) ** 2 + (uz - vz) ** 2,
  );
  // height = 2·area / longest edge; degenerate below 1e-6 of that edge.
  return twiceArea < 1e-6 * longest;
}

interface Box {
  min: [number, number, number];
  max: [number, number, number];
}

/** The bounding box of the vertices the triangles use. */
function bounds(positions: Float32Array, triangles: Uint32Array): Box {
  const b: Box = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
  for (let i = 0; i < triangles.length; i++) {
    const v = triangles[i] * 3;
    for (let k = 0; k < 3; k++) {
      const x = positions[v + k];
      if (x < b.min[k]) b.min[k] = x;
      if (x > b.max[k]) b.max[k] = x;
    }
  }
  return b;
}

/** Stretches `positions` in place, axis by axis, so that their bounding box becomes `target`. */
export function fitBounds(positions: Float32Array, target: Box): void {
  const all = new Uint32Array(positions.length / 3).map((_, i) => i);
  const now = bounds(positions, all);
  for (let k = 0; k < 3; k++) {
    const from = now.max[k] - now.min[k];
    const to = target.max[k] - target.min[k];
    if (!(from > 0) || !(to > 0)) continue;
    const s = to / from;
    for (let i = k; i < positions.length; i += 3) {
      positions[i] = target.min[k] + (positions[i] - now.min[k]) * s;
    }
  }
}

/** Drops pairs of triangles on the same three vertices (a sheet folded flat by a collapse). */
function removeFolds(tri: Uint32Array): Uint32Array {
  const n = tri.length / 3;
  const seen = new Map<string, number>();
  const keep = new Uint8Array(n).fill(1);
  let dropped = 0;
  for (let t = 0; t < n; t++) {
    const a = tri[t * 3];
    const b = tri[t * 3 + 1];
    const c = tri[t * 3 + 2];
    const lo = Math.min(a, b, c);
    const hi = Math.max(a, b, c);
    const key = `${lo},${a + b + c - lo - hi},${hi}`;
    const other = seen.get(key);
    if (other !== undefined && keep[other]) {
      keep[other] = 0;
      keep[t] = 0;
      dropped += 2;
    } else seen.set(key, t);
  }
  if (dropped === 0) return tri;
  const out = new Uint32Array(tri.length - dropped * 3);
  let o = 0;
  for (let t = 0; t < n; t++) {
    if (!keep[t]) continue;
    out[o++] = tri[t * 3];
    out[o++] = tri[t * 3 + 1];
    out[o++] = tri[t * 3 + 2];
  }
  return out;
}

/** Every directed edge used once and its reverse used once: closed, oriented, manifold (by index). */
export function isClosedManifold(tri: Uint32Array): boolean {
  const uses = new Map<number, number>();
  let maxV = 0;
  for (let i = 0; i < tri.length; i++) maxV = Math.max(maxV, tri[i]);
  const stride = maxV + 1;
  for (let i = 0; i < tri.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const a = tri[i + k];
      const b = tri[i + ((k + 1) % 3)];
      if (a === b) return false;
      const key = a * stride + b;
      if (uses.has(key)) return false;
      uses.set(key, 1);
    }
  }
  for (const key of uses.keys()) {
    const a = Math.floor(key / stride);
    const b = key - a * stride;
    if (!uses.has(b * stride + a)) return false;
  }
  // Each vertex's triangles must form one fan (no two cones touching at a vertex).
  return vertexFansAreDiscs(tri, stride);
}

/** True when the triangles around every vertex form a single cycle. */
function vertexFansAreDiscs(tri: Uint32Array, nVert: number): boolean {
  // next[v][a] = b for each triangle (v, a, b) in rotation order; a single cycle per vertex.
  const start = new Int32Array(nVert + 1);
  for (let i = 0; i < tri.length; i++) start[tri[i] + 1]++;
  for (let v = 0; v < nVert; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nVert);
  const from = new Int32Array(tri.length);
  const to = new Int32Array(tri.length);
  for (let i = 0; i < tri.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = tri[i + k];
      const slot = fill[v]++;
      from[slot] = tri[i + ((k + 1) % 3)];
      to[slot] = tri[i + ((k + 2) % 3)];
    }
  }
  for (let v = 0; v < nVert; v++) {
    const s = start[v];
    const e = start[v + 1];
    const count = e - s;
    if (count === 0) continue;
    // Walk the cycle from the first corner; it must visit every corner of the vertex.
    let at = from[s];
    let steps = 0;
    do {
      let found = -1;
      for (let i = s; i < e; i++) {
        if (from[i] === at) {
          found = i;
          break;
        }
      }
      if (found < 0) return false;
      at = to[found];
      steps++;
    } while (at !== from[s] && steps <= count);
    if (steps !== count) return false;
  }
  return true;
}

/** Drops vertices no triangle uses and renumbers the rest in first-use order. */
function compact(mesh: IndexedMesh): IndexedMesh {
  const remap = new Int32Array(mesh.positions.length / 3).fill(-1);
  let n = 0;
  const triangles = new Uint32Array(mesh.triangles.length);
  for (let i = 0; i < mesh.triangles.length; i++) {
    const v = mesh.triangles[i];
    if (remap[v] < 0) remap[v] = n++;
    triangles[i] = remap[v];
  }
  const positions = new Float32Array(n * 3);
  for (let v = 0; v < remap.length; v++) {
    const o = remap[v];
    if (o < 0) continue;
    positions[o * 3] = mesh.positions[v * 3];
    positions[o * 3 + 1] = mesh.positions[v * 3 + 1];
    positions[o * 3 + 2] = mesh.positions[v * 3 + 2];
  }
  return { positions, triangles };
}
