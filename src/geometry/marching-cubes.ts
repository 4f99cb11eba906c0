/**
 * Marching cubes over a scalar field sampled on a regular grid: the level set `value = level` as an
 * indexed triangle mesh whose triangles wind counter-clockwise seen from outside (where the value is
 * below the level).
 *
 * The case table is not typed in: it is derived once from the cube's faces. On each face the surface
 * crosses the edges whose corners disagree; ambiguous faces (diagonal corners agree) are resolved by
 * the asymptotic decider, which depends on that face's four values only, so the two cubes sharing a
 * face always cut it the same way. Face segments chain into closed loops, and loops are fanned into
 * triangles. Vertices are shared through the grid edge they lie on, so a surface that stays inside
 * the grid comes out closed and consistently oriented; `closed: true` caps surfaces that leave it.
 */

export interface MarchingCubesOptions {
  /** The iso-value; default 0. */
  level?: number;
  /** World position of grid sample (0, 0, 0); default [0, 0, 0]. */
  origin?: readonly [number, number, number];
  /** Distance between neighbouring samples along x, y, z; default [1, 1, 1]. */
  spacing?: readonly [number, number, number];
  /**
   * Treat everything beyond the grid as outside, so a surface that reaches the grid's border is capped
   * (half a cell outside the grid) and the mesh stays watertight; default false.
   */
  closed?: boolean;
  /** Per-vertex unit normals from the field's gradient (pointing outside); default true. */
  normals?: boolean;
}

export const MARCHING_CUBES_DEFAULTS = {
  level: 0,
  origin: [0, 0, 0] as const,
  spacing: [1, 1, 1] as const,
  closed: false,
  normals: true,
};

export interface MarchingCubesResult {
  positions: Float32Array;
  /** Present unless `normals: false`. */
  normals?: Float32Array;
  indices: Uint32Array;
}

// Corner c of a cell has offsets (c & 1, c >> 1 & 1, c >> 2 & 1) along x, y, z.
const CORNER = [0, 1, 2, 3, 4, 5, 6, 7].map((c) => [c & 1, (c >> 1) & 1, (c >> 2) & 1] as const);
// The 12 edges: [from corner, to corner, axis], `from` being the lower end.
const EDGES: [number, number, number][] = [];
for (let c = 0; c < 8; c++) {
  for (let axis = 0; axis < 3; axis++) {
    if (!(c & (1 << axis))) EDGES.push([c, c | (1 << axis), axis]);
  }
}
const edgeIndex = (a: number, b: number): number =>
  EDGES.findIndex(([p, q]) => (p === a && q === b) || (p === b && q === a));

interface Face {
  /** Corners in cyclic order: (u,v) = (0,0), (1,0), (1,1), (0,1) with u = axis+1, v = axis+2 (mod 3). */
  corners: [number, number, number, number];
  /** Cube edge between corners[k] and corners[k+1]. */
  edges: [number, number, number, number];
  normal: [number, number, number];
}

const FACES: Face[] = [];
for (let axis = 0; axis < 3; axis++) {
  const u = (axis + 1) % 3;
  const v = (axis + 2) % 3;
  for (const side of [0, 1]) {
    const corners = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ].map(([du, dv]) => (side << axis) | (du << u) | (dv << v)) as Face['corners'];
    const edges = corners.map((c, k) => edgeIndex(c, corners[(k + 1) % 4])) as Face['edges'];
    const normal: [number, number, number] = [0, 0, 0];
    normal[axis] = side ? 1 : -1;
    FACES.push({ corners, edges, normal });
  }
}

const sub = (a: readonly number[], b: readonly number[]) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: number[], b: readonly number[]) => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const edgeMid = (e: number) => {
  const [a, b] = EDGES[e];
  return [0, 1, 2].map((k) => (CORNER[a][k] + CORNER[b][k]) / 2);
};

/** Bit f set when face f contains the edge. */
const EDGE_FACES = EDGES.map((_, e) =>
  FACES.reduce((bits, face, f) => (face.edges.includes(e) ? bits | (1 << f) : bits), 0),
);

/** Triangles as cube edge indices (0–11) or 12 + L for a vertex at the centre of `loops[L]`. */
interface CellCase {
  tris: Int8Array;
  loops: Int8Array[];
}

/**
 * Triangles (as cube edge indices, three per triangle) for one cell. `config` has bit c set when
 * corner c is inside; bit f of `joined` says, for an ambiguous face f, that its two inside corners
 * are connected across the face (so the segments cut off its outside corners).
 */
function buildCase(config: number, joined: number): CellCase {
  const inside = (c: number) => (config >> c) & 1;
  const next = new Int8Array(12).fill(-1);
  for (let f = 0; f < 6; f++) {
    const { corners, edges, normal } = FACES[f];
    const ins = corners.map(inside);
    const count = ins[0] + ins[1] + ins[2] + ins[3];
    if (count === 0 || count === 4) continue;
    // Each segment: the two face edges it joins, and a vector from its inside side to its outside side.
    const segments: { e1: number; e2: number; out: number[] }[] = [];
    const cutCorner = (k: number) => {
      const c = corners[k];
      const e1 = edges[(k + 3) % 4];
      const e2 = edges[k];
      const mid = edgeMid(e1).map((x, i) => (x + edgeMid(e2)[i]) / 2);
      segments.push({ e1, e2, out: ins[k] ? sub(mid, CORNER[c]) : sub(CORNER[c], mid) });
    };
    if (count === 2 && ins[0] === ins[2]) {
      const cutInside = !((joined >> f) & 1);
      for (let k = 0; k < 4; k++) if (!!ins[k] === cutInside) cutCorner(k);
    } else if (count === 1 || count === 3) {
      const odd = ins.findIndex((x) => x === (count === 1 ? 1 : 0));
      cutCorner(odd);
    } else {
      // Two adjacent corners inside: the segment separates the pair from the other pair.
      const crossing = [0, 1, 2, 3].filter((k) => ins[k] !== ins[(k + 1) % 4]).map((k) => edges[k]);
      const cIn = [0, 0, 0];
      const cOut = [0, 0, 0];
      for (let k = 0; k < 4; k++) {
        const target = ins[k] ? cIn : cOut;
        for (let i = 0; i < 3; i++) target[i] += CORNER[corners[k]][i] / 2;
      }
      segments.push({ e1: crossing[0], e2: crossing[1], out: sub(cOut, cIn) });
    }
    for (const { e1, e2, out } of segments) {
      // Counter-clockwise seen from outside: (d × n) · out < 0 for the segment direction d.
      const d = sub(edgeMid(e2), edgeMid(e1));
      if (dot(cross(d, normal), out) < 0) next[e1] = e2;
      else next[e2] = e1;
    }
  }
  const tris: number[] = [];
  const loops: number[][] = [];
  const used = new Uint8Array(12);
  for (let start = 0; start < 12; start++) {
    if (next[start] < 0 || used[start]) continue;
    const loop: number[] = [];
    for (let e = start; !used[e]; e = next[e]) {
      used[e] = 1;
      loop.push(e);
    }
    // Fan from a vertex none of whose diagonals lies on a cube face: such a diagonal could be an edge
    // the neighbouring cell also uses, making it non-manifold. When no vertex qualifies (loops through
    // both segments of an ambiguous face), fan around a new vertex at the loop's centre instead.
    const m = loop.length;
    let root = -1;
    for (let r = 0; r < m && root < 0; r++) {
      let ok = true;
      for (let k = 2; k < m - 1 && ok; k++) ok = (EDGE_FACES[loop[r]] & EDGE_FACES[loop[(r + k) % m]]) === 0;
      if (ok) root = r;
    }
    if (root >= 0) {
      for (let k = 1; k + 1 < m; k++) tris.push(loop[root], loop[(root + k) % m], loop[(root + k + 1) % m]);
    } else {
      const centre = 12 + loops.length;
      loops.push(loop);
      for (let k = 0; k < m; k++) tris.push(centre, loop[k], loop[(k + 1) % m]);
    }
  }
  return { tris: Int8Array.from(tris), loops: loops.map((l) => Int8Array.from(l)) };
}

const caseCache = new Map<number, CellCase>();
function cellCase(config: number, joined: number): CellCase {
  const key = config | (joined << 8);
  let tris = caseCache.get(key);
  if (!tris) {
    tris = buildCase(config, joined);
    caseCache.set(key, tris);
  }
  return tris;
}

/**
 * Extracts the surface `value = level` from a grid of `dims[0] × dims[1] × dims[2]` samples stored
 * x-major (`values[(x * ny + y) * nz + z]`). Inside is where the value is above the level (a signed
 * distance that is positive inside, as Point-E's SDF network predicts); negate the field for the
 * opposite convention.
 *
 * @example
 * // A sphere of radius 0.8 on a 48³ grid over [-1, 1]³:
 * const n = 48, h = 2 / (n - 1);
 * const f = new Float32Array(n * n * n).map((_, i) => {
 *   const x = -1 + h * Math.floor(i / (n * n)), y = -1 + h * (Math.floor(i / n) % n), z = -1 + h * (i % n);
 *   return 0.8 - Math.hypot(x, y, z);
 * });
 * const { positions, indices } = marchingCubes(f, [n, n, n], { origin: [-1, -1, -1], spacing: [h, h, h] });
 */
export function marchingCubes(
  values: ArrayLike<number>,
  dims: readonly [number, number, number],
  options: MarchingCubesOptions = {},
): MarchingCubesResult {
  const level = options.level ?? MARCHING_CUBES_DEFAULTS.level;
  const origin = options.origin ?? MARCHING_CUBES_DEFAULTS.origin;
  const spacing = options.spacing ?? MARCHING_CUBES_DEFAULTS.spacing;
  const closed = options.closed ?? MARCHING_CUBES_DEFAULTS.closed;
  const wantNormals = options.normals ?? MARCHING_CUBES_DEFAULTS.normals;
  const [nx, ny, nz] = dims;
  if (![nx, ny, nz].every((n) => Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`marchingCubes: dims must be integers ≥ 2, not ${dims.join('×')}.`);
  }
  if (values.length !== nx * ny * nz) {
    throw new RangeError(`marchingCubes: ${values.length} values for a ${nx}×${ny}×${nz} grid.`);
  }

  // Cells run over [lo, hi) per axis; with `closed`, one extra layer of outside samples on every side.
  const pad = closed ? 1 : 0;
  const px = nx + 2 * pad;
  const py = ny + 2 * pad;
  const pz = nz + 2 * pad;
  // The field relative to the level, with padding; NaN counts as outside.
  const field = new Float64Array(px * py * pz).fill(Number.NEGATIVE_INFINITY);
  for (let x = 0; x < nx; x++) {
    for (let y = 0; y < ny; y++) {
      const src = (x * ny + y) * nz;
      const dst = ((x + pad) * py + (y + pad)) * pz + pad;
      for (let z = 0; z < nz; z++) {
        const v = values[src + z] - level;
        field[dst + z] = Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
      }
    }
  }
  const at = (x: number, y: number, z: number) => field[(x * py + y) * pz + z];

  const vertexOfEdge = new Int32Array(px * py * pz * 3).fill(-1);
  const positions: number[] = [];
  const edgeVertex: number[] = []; // per vertex: the padded-grid edge id, for normals
  const indices: number[] = [];
  const centreMembers = new Map<number, number[]>(); // loop-centre vertex → the loop's vertices
  const cornerValue = new Float64Array(8);
  const strideX = py * pz;
  const strideY = pz;
  const strides = [strideX, strideY, 1];

  const vertexFor = (x: number, y: number, z: number, e: number): number => {
    const [a, , axis] = EDGES[e];
    const ax = x + CORNER[a][0];
    const ay = y + CORNER[a][1];
    const az = z + CORNER[a][2];
    const id = ((ax * py + ay) * pz + az) * 3 + axis;
    let v = vertexOfEdge[id];
    if (v >= 0) return v;
    const v0 = cornerValue[a];
    const v1 = cornerValue[EDGES[e][1]];
    // A padded (infinite) end puts the vertex half a cell outside the grid. A sample exactly at the
    // level would put several vertices on one point; keeping t off the corners keeps them apart.
    const t =
      Number.isFinite(v0) && Number.isFinite(v1) ? Math.min(Math.max(v0 / (v0 - v1), 1e-4), 1 - 1e-4) : 0.5;
    const p = [ax - pad, ay - pad, az - pad];
    p[axis] += t;
    v = positions.length / 3;
    positions.push(
      origin[0] + p[0] * spacing[0],
      origin[1] + p[1] * spacing[1],
      origin[2] + p[2] * spacing[2],
    );
    edgeVertex.push(id, t);
    vertexOfEdge[id] = v;
    return v;
  };

  for (let x = 0; x < px - 1; x++) {
    for (let y = 0; y < py - 1; y++) {
      for (let z = 0; z < pz - 1; z++) {
        const base = (x * py + y) * pz + z;
        let config = 0;
        for (let c = 0; c < 8; c++) {
          const v = field[base + CORNER[c][0] * strideX + CORNER[c][1] * strideY + CORNER[c][2]];
          cornerValue[c] = v;
          if (v > 0) config |= 1 << c;
        }
        if (config === 0 || config === 255) continue;
        let joined = 0;
        for (let f = 0; f < 6; f++) {
          const [c0, c1, c2, c3] = FACES[f].corners;
          const a = cornerValue[c0];
          const b = cornerValue[c1];
          const c = cornerValue[c2];
          const d = cornerValue[c3];
          if (a > 0 !== c > 0 || b > 0 !== d > 0 || a > 0 === b > 0) continue;
          // Asymptotic decider: the bilinear interpolant's value at its saddle point.
          const saddle = Number.isFinite(a + b + c + d) ? (a * c - b * d) / (a + c - b - d) : -1;
          if (saddle > 0) joined |= 1 << f;
        }
        const { tris, loops } = cellCase(config, joined);
        let centres: number[] | undefined;
        if (loops.length) {
          centres = loops.map((loop) => {
            const c = [0, 0, 0];
            const members: number[] = [];
            for (const e of loop) {
              const v = vertexFor(x, y, z, e);
              members.push(v);
              for (let k = 0; k < 3; k++) c[k] += positions[v * 3 + k] / loop.length;
            }
            const v = positions.length / 3;
            positions.push(c[0], c[1], c[2]);
            edgeVertex.push(-1, 0);
            centreMembers.set(v, members);
            return v;
          });
        }
        for (let k = 0; k < tris.length; k++) {
          const e = tris[k];
          indices.push(e < 12 ? vertexFor(x, y, z, e) : centres![e - 12]);
        }
      }
    }
  }

  const result: MarchingCubesResult = {
    positions: Float32Array.from(positions),
    indices: Uint32Array.from(indices),
  };
  if (wantNormals) {
    const normals = gradientNormals(at, edgeVertex, strides, [px, py, pz], spacing, result);
    for (const [v, members] of centreMembers) {
      const n = [0, 0, 0];
      for (const m of members) for (let k = 0; k < 3; k++) n[k] += normals[m * 3 + k];
      const len = Math.hypot(n[0], n[1], n[2]) || 1;
      for (let k = 0; k < 3; k++) normals[v * 3 + k] = n[k] / len;
    }
    result.normals = normals;
  }
  return result;
}

/** Unit normals from the field's central-difference gradient, interpolated along each vertex's edge. */
function gradientNormals(
  at: (x: number, y: number, z: number) => number,
  edgeVertex: number[],
  strides: number[],
  dims: number[],
  spacing: readonly [number, number, number],
  mesh: MarchingCubesResult,
): Float32Array {
  const [px, py, pz] = dims;
  const finite = (v: number, fallback: number) => (Number.isFinite(v) ? v : fallback);
  const grad = (x: number, y: number, z: number, out: number[]) => {
    const c = at(x, y, z);
    const lim = [px - 1, py - 1, pz - 1];
    const p = [x, y, z];
    for (let k = 0; k < 3; k++) {
      const lo = p.slice();
      const hi = p.slice();
      lo[k] = Math.max(0, p[k] - 1);
      hi[k] = Math.min(lim[k], p[k] + 1);
      const vl = finite(at(lo[0], lo[1], lo[2]), finite(c, 0) - 1);
      const vh = finite(at(hi[0], hi[1], hi[2]), finite(c, 0) - 1);
      out[k] = (vh - vl) / ((hi[k] - lo[k] || 1) * spacing[k]);
    }
  };
  const normals = new Float32Array(mesh.positions.length);
  const g0 = [0, 0, 0];
  const g1 = [0, 0, 0];
  for (let v = 0; v < edgeVertex.length / 2; v++) {
    const id = edgeVertex[v * 2];
    if (id < 0) continue;
    const t = edgeVertex[v * 2 + 1];
    const axis = id % 3;
    const cell = (id - axis) / 3;
    const x = Math.floor(cell / strides[0]);
    const y = Math.floor((cell % strides[0]) / strides[1]);
    const z = cell % strides[1];
    grad(x, y, z, g0);
    const e = [x, y, z];
    e[axis]++;
    grad(e[0], e[1], e[2], g1);
    // Outward is where the field decreases.
    const nx = -(g0[0] * (1 - t) + g1[0] * t);
    const ny = -(g0[1] * (1 - t) + g1[1] * t);
    const nz = -(g0[2] * (1 - t) + g1[2] * t);
    const len = Math.hypot(nx, ny, nz);
    if (len > 0) {
      normals[v * 3] = nx / len;
      normals[v * 3 + 1] = ny / len;
      normals[v * 3 + 2] = nz / len;
    } else {
      normals[v * 3 + 1] = 1;
    }
  }
  return normals;
}
