import { weldPositions } from '../io/read/weld.js';
import { findSelfIntersections, type SelfIntersectionResult } from './self-intersections.js';

export interface MeshTopologyOptions {
  /** Look for intersecting triangle pairs (needed for `isWatertight`, Open3D's definition). */
  selfIntersections?: boolean;
  /** Stop the self-intersection search after this many milliseconds (0: no limit). */
  selfIntersectionBudgetMs?: number;
  /** A face whose area is below `areaEpsilon × (bounding-box diagonal)²` counts as degenerate. */
  areaEpsilon?: number;
}

export const MESH_TOPOLOGY_DEFAULTS: Required<MeshTopologyOptions> = {
  selfIntersections: true,
  selfIntersectionBudgetMs: 0,
  areaEpsilon: 1e-12,
};

/** Facts about one triangle mesh's geometry and topology, computed on welded positions. */
export interface MeshTopology {
  /** Vertices as stored (split at UV seams and hard edges). */
  vertexCount: number;
  /** Distinct positions after welding bit-identical ones: the vertices topology is defined on. */
  weldedVertexCount: number;
  faceCount: number;
  /** Faces with a repeated (welded) vertex or with (near) zero area. */
  degenerateFaces: number;
  /** Faces using the same three welded vertices as an earlier face, in any order. */
  duplicateFaces: number;
  /** Distinct undirected edges (a face with a repeated vertex contributes a self-loop edge). */
  edgeCount: number;
  /** Edges used by exactly one face. */
  boundaryEdges: number;
  /** Edges used by more than two faces. */
  nonManifoldEdges: number;
  /** Vertices whose ring of faces is not one connected fan (Open3D's `is_vertex_manifold`). */
  nonManifoldVertices: number;
  /** Closed loops of boundary edges (connected groups of boundary edges). */
  holes: number;
  /** Edges shared by two faces that run them in the same direction (one face is flipped). */
  inconsistentWindingEdges: number;
  /** Every two-face edge is traversed once in each direction. */
  windingConsistent: boolean;
  /** Groups of faces connected through shared vertices. */
  components: number;
  /** Faces sharing no vertex that intersect (pairs); a lower bound when `selfIntersectionsTruncated`. */
  selfIntersectingPairs: number;
  selfIntersectionsTruncated: boolean;
  /** Whether the self-intersection search ran. */
  selfIntersectionsChecked: boolean;
  /** Every edge has one or two faces (Open3D `is_edge_manifold(allow_boundary_edges=True)`). */
  isEdgeManifold: boolean;
  /** Every vertex has one fan of faces (Open3D `is_vertex_manifold`). */
  isVertexManifold: boolean;
  /** Every edge has exactly two faces. */
  isClosed: boolean;
  /** Closed, vertex-manifold and not self-intersecting (Open3D `is_watertight`). */
  isWatertight: boolean;
  isSelfIntersecting: boolean;
  /** Sum of triangle areas, m². */
  area: number;
  /** Signed volume by the divergence theorem, m³: meaningful when closed; negative when inside-out. */
  volume: number;
  bounds: { min: [number, number, number]; max: [number, number, number] };
  /** Welded positions and faces, for callers that go on (UV analysis, rendering). */
  welded: { positions: Float32Array; indices: Uint32Array };
}

/**
 * Analyses a triangle mesh: welds bit-identical positions, then counts degenerate and duplicate
 * faces, boundary and non-manifold edges, non-manifold vertices, holes, winding conflicts,
 * components and self-intersections, and measures area, volume and bounds. Flat typed arrays and
 * open-addressing hash tables throughout: about a second for a million triangles.
 *
 * The flags follow Open3D's `TriangleMesh` definitions so they can be cross-checked against it.
 *
 * @example
 * const t = analyzeMeshTopology(mesh.positions, mesh.indices);
 * if (!t.isWatertight) console.log(`${t.holes} holes, ${t.nonManifoldEdges} non-manifold edges`);
 */
export function analyzeMeshTopology(
  positions: Float32Array,
  indices: Uint32Array,
  options: MeshTopologyOptions = {},
): MeshTopology {
  return analyzeWeldedMesh(weldMesh(positions, indices), options);
}

/** A mesh welded for topology: see `weldMesh`. */
export interface WeldedMesh {
  /** Distinct positions (bit-identical ones merged). */
  positions: Float32Array;
  /** The faces, on the welded positions. */
  indices: Uint32Array;
  /** Vertices as stored, before welding. */
  storedVertexCount: number;
  /** For each welded vertex, 1 when a face uses it. */
  used: Uint8Array;
}

/**
 * The first step of `analyzeMeshTopology`: checks the indices and coordinates (a `RangeError` for
 * an index out of range or a NaN/infinite coordinate) and welds bit-identical positions. Split out
 * so a caller can start the self-intersection search on the welded mesh (on another thread) while
 * `analyzeWeldedMesh` does the rest.
 */
export function weldMesh(positions: Float32Array, indices: Uint32Array): WeldedMesh {
  const vertexCount = positions.length / 3;
  const nf = Math.floor(indices.length / 3);
  for (let i = 0; i < nf * 3; i++) {
    if (indices[i] >= vertexCount)
      throw new RangeError(`analyzeMeshTopology: index ${indices[i]} ≥ ${vertexCount}`);
  }
  for (let i = 0; i < positions.length; i++) {
    if (!Number.isFinite(positions[i])) {
      throw new RangeError(
        `analyzeMeshTopology: vertex ${Math.floor(i / 3)} has a non-finite coordinate (${positions[i]})`,
      );
    }
  }
  const { remap, positions: P } = weldPositions(positions);
  const nv = P.length / 3;
  const T = new Uint32Array(nf * 3);
  const used = new Uint8Array(nv);
  for (let i = 0; i < nf * 3; i++) {
    const v = remap[indices[i]];
    T[i] = v;
    used[v] = 1;
  }
  return { positions: P, indices: T, storedVertexCount: vertexCount, used };
}

/**
 * Records a self-intersection search's result (run elsewhere, e.g. by
 * `findSelfIntersectionsInWorker`) in a topology computed without one, with the flags that follow.
 */
export function withSelfIntersections(topology: MeshTopology, result: SelfIntersectionResult): MeshTopology {
  const isSelfIntersecting = result.pairs > 0;
  return {
    ...topology,
    selfIntersectingPairs: result.pairs,
    selfIntersectionsTruncated: result.truncated,
    selfIntersectionsChecked: true,
    isSelfIntersecting,
    isWatertight:
      topology.isClosed && topology.isVertexManifold && !isSelfIntersecting && topology.faceCount > 0,
  };
}

/** `analyzeMeshTopology` after `weldMesh`. */
export function analyzeWeldedMesh(mesh: WeldedMesh, options: MeshTopologyOptions = {}): MeshTopology {
  const opts = { ...MESH_TOPOLOGY_DEFAULTS, ...options };
  const { positions: P, indices: T, used, storedVertexCount: vertexCount } = mesh;
  const nv = P.length / 3;
  const nf = T.length / 3;

  // Bounds of the vertices faces use (a stray unused vertex does not count).
  let x0 = Infinity,
    y0 = Infinity,
    z0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity,
    z1 = -Infinity;
  for (let v = 0; v < nv; v++) {
    if (!used[v]) continue;
    const x = P[v * 3];
    const y = P[v * 3 + 1];
    const z = P[v * 3 + 2];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  const min: [number, number, number] = nf > 0 ? [x0, y0, z0] : [0, 0, 0];
  const max: [number, number, number] = nf > 0 ? [x1, y1, z1] : [0, 0, 0];
  const diag2 = (max[0] - min[0]) ** 2 + (max[1] - min[1]) ** 2 + (max[2] - min[2]) ** 2;
  const areaFloor = opts.areaEpsilon * diag2;

  // Area, volume, degenerate faces.
  let area = 0;
  let volume = 0;
  let degenerateFaces = 0;
  for (let f = 0; f < nf; f++) {
    const a = T[f * 3];
    const b = T[f * 3 + 1];
    const c = T[f * 3 + 2];
    const ax = P[a * 3],
      ay = P[a * 3 + 1],
      az = P[a * 3 + 2];
    const bx = P[b * 3],
      by = P[b * 3 + 1],
      bz = P[b * 3 + 2];
    const cx = P[c * 3],
      cy = P[c * 3 + 1],
      cz = P[c * 3 + 2];
    const ux = bx - ax,
      uy = by - ay,
      uz = bz - az;
    const vx = cx - ax,
      vy = cy - ay,
      vz = cz - az;
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    const da = 0.5 * Math.sqrt(nx * nx + ny * ny + nz * nz);
    area += da;
    volume += (ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx)) / 6;
    if (a === b || b === c || a === c || da <= areaFloor) degenerateFaces++;
  }

  const duplicateFaces = countDuplicateFaces(T, nf, nv);

  // Edge table: undirected edges (lo, hi) with their face count and lo→hi direction count. Half-edges
  // are bucketed by their lower vertex (a counting sort), then matched within each small bucket.
  const halfEdges = nf * 3;
  const bucketStart = new Uint32Array(nv + 1);
  for (let h = 0; h < halfEdges; h++) {
    const p = T[h];
    const q = T[h % 3 === 2 ? h - 2 : h + 1];
    bucketStart[Math.min(p, q) + 1]++;
  }
  for (let v = 0; v < nv; v++) bucketStart[v + 1] += bucketStart[v];
  const cursor = bucketStart.slice(0, nv);
  const slotHalf = new Uint32Array(halfEdges);
  const slotHi = new Uint32Array(halfEdges);
  for (let h = 0; h < halfEdges; h++) {
    const p = T[h];
    const q = T[h % 3 === 2 ? h - 2 : h + 1];
    const slot = cursor[Math.min(p, q)]++;
    slotHalf[slot] = h;
    slotHi[slot] = Math.max(p, q);
  }
  const eLo = new Uint32Array(halfEdges);
  const eHi = new Uint32Array(halfEdges);
  const eCount = new Uint32Array(halfEdges);
  const eFwd = new Uint32Array(halfEdges);
  const faceEdge = new Uint32Array(halfEdges);
  let ne = 0;
  for (let v = 0; v < nv; v++) {
    const first = ne;
    for (let s = bucketStart[v], end = bucketStart[v + 1]; s < end; s++) {
      const hi = slotHi[s];
      let e = first;
      while (e < ne && eHi[e] !== hi) e++;
      if (e === ne) {
        eLo[e] = v;
        eHi[e] = hi;
        ne++;
      }
      const h = slotHalf[s];
      eCount[e]++;
      if (T[h] === v) eFwd[e]++;
      faceEdge[h] = e;
    }
  }

  let boundaryEdges = 0;
  let nonManifoldEdges = 0;
  let inconsistentWindingEdges = 0;
  for (let e = 0; e < ne; e++) {
    const c = eCount[e];
    if (c === 1) boundaryEdges++;
    else if (c > 2) nonManifoldEdges++;
    else if (eFwd[e] !== 1 && eLo[e] !== eHi[e]) inconsistentWindingEdges++;
  }

  // Vertex manifoldness: union the two edges each corner's face contributes to the vertex's link;
  // a vertex is manifold when its link (the opposite edges) is one connected piece. Node 2e is edge
  // e seen from its lo vertex, 2e + 1 from its hi vertex.
  const parent = new Int32Array(ne * 2);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const inLink = new Uint8Array(ne * 2);
  for (let f = 0; f < nf; f++) {
    for (let i = 0; i < 3; i++) {
      const v = T[f * 3 + i];
      const next = T[f * 3 + ((i + 1) % 3)];
      const prev = T[f * 3 + ((i + 2) % 3)];
      if (next === v || prev === v) continue; // the face gives this vertex no link edge
      const eNext = faceEdge[f * 3 + i];
      const ePrev = faceEdge[f * 3 + ((i + 2) % 3)];
      const a = 2 * eNext + (eLo[eNext] === v ? 0 : 1);
      const b = 2 * ePrev + (eLo[ePrev] === v ? 0 : 1);
      inLink[a] = 1;
      inLink[b] = 1;
      union(parent, a, b);
    }
  }
  const rootsPerVertex = new Uint8Array(nv);
  let nonManifoldVertices = 0;
  for (let x = 0; x < ne * 2; x++) {
    if (!inLink[x] || find(parent, x) !== x) continue;
    const e = x >> 1;
    const v = x & 1 ? eHi[e] : eLo[e];
    if (rootsPerVertex[v] === 1) nonManifoldVertices++;
    if (rootsPerVertex[v] < 2) rootsPerVertex[v]++;
  }

  // Holes: connected groups of boundary edges. Components: faces joined through shared vertices.
  const vp = new Int32Array(nv);
  for (let i = 0; i < nv; i++) vp[i] = i;
  const onBoundary = new Uint8Array(nv);
  for (let e = 0; e < ne; e++) {
    if (eCount[e] !== 1) continue;
    union(vp, eLo[e], eHi[e]);
    onBoundary[eLo[e]] = 1;
    onBoundary[eHi[e]] = 1;
  }
  let holes = 0;
  for (let v = 0; v < nv; v++) if (onBoundary[v] && find(vp, v) === v) holes++;
  for (let i = 0; i < nv; i++) vp[i] = i;
  for (let f = 0; f < nf; f++) {
    const a = T[f * 3];
    union(vp, a, T[f * 3 + 1]);
    union(vp, a, T[f * 3 + 2]);
  }
  let components = 0;
  for (let v = 0; v < nv; v++) if (used[v] && find(vp, v) === v) components++;

  const isEdgeManifold = nonManifoldEdges === 0;
  const isClosed = nonManifoldEdges === 0 && boundaryEdges === 0;
  const isVertexManifold = nonManifoldVertices === 0;
  let selfIntersectingPairs = 0;
  let selfIntersectionsTruncated = false;
  // Like Open3D, the (costly) intersection search only decides watertightness for closed manifolds;
  // it still runs on open meshes when asked, since intersections matter for printing too.
  if (opts.selfIntersections) {
    const r = findSelfIntersections(P, T, { timeBudgetMs: opts.selfIntersectionBudgetMs });
    selfIntersectingPairs = r.pairs;
    selfIntersectionsTruncated = r.truncated;
  }
  const isSelfIntersecting = selfIntersectingPairs > 0;

  return {
    vertexCount,
    weldedVertexCount: nv,
    faceCount: nf,
    degenerateFaces,
    duplicateFaces,
    edgeCount: ne,
    boundaryEdges,
    nonManifoldEdges,
    nonManifoldVertices,
    holes,
    inconsistentWindingEdges,
    windingConsistent: inconsistentWindingEdges === 0,
    components,
    selfIntersectingPairs,
    selfIntersectionsTruncated,
    selfIntersectionsChecked: opts.selfIntersections,
    isEdgeManifold,
    isVertexManifold,
    isClosed,
    isWatertight: isClosed && isVertexManifold && !isSelfIntersecting && nf > 0,
    isSelfIntersecting,
    area,
    volume,
    bounds: { min, max },
    welded: { positions: P, indices: T },
  };
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra === rb) return;
  if (ra < rb) parent[rb] = ra;
  else parent[ra] = rb;
}

/**
 * Faces whose sorted welded vertex triple was seen before. Faces are bucketed by their smallest
 * vertex (a counting sort, in face order) and compared within their bucket; a large bucket (a
 * vertex in many faces) is sorted instead of compared pairwise.
 */
function countDuplicateFaces(T: Uint32Array, nf: number, nv: number): number {
  const mid = new Uint32Array(nf);
  const top = new Uint32Array(nf);
  const bucketStart = new Uint32Array(nv + 1);
  const low = new Uint32Array(nf);
  for (let f = 0; f < nf; f++) {
    let a = T[f * 3];
    let b = T[f * 3 + 1];
    let c = T[f * 3 + 2];
    if (a > b) [a, b] = [b, a];
    if (b > c) [b, c] = [c, b];
    if (a > b) [a, b] = [b, a];
    low[f] = a;
    mid[f] = b;
    top[f] = c;
    bucketStart[a + 1]++;
  }
  for (let v = 0; v < nv; v++) bucketStart[v + 1] += bucketStart[v];
  const cursor = bucketStart.slice(0, nv);
  const order = new Uint32Array(nf);
  for (let f = 0; f < nf; f++) order[cursor[low[f]]++] = f;
  let dup = 0;
  for (let v = 0; v < nv; v++) {
    const s = bucketStart[v];
    const e = bucketStart[v + 1];
    if (e - s <= 32) {
      for (let i = s + 1; i < e; i++) {
        const fi = order[i];
        for (let j = s; j < i; j++) {
          const fj = order[j];
          if (mid[fi] === mid[fj] && top[fi] === top[fj]) {
            dup++;
            break;
          }
        }
      }
    } else {
      const faces = Array.from(order.subarray(s, e)).sort((x, y) => mid[x] - mid[y] || top[x] - top[y]);
      for (let i = 1; i < faces.length; i++) {
        if (mid[faces[i]] === mid[faces[i - 1]] && top[faces[i]] === top[faces[i - 1]]) dup++;
      }
    }
  }
  return dup;
}
