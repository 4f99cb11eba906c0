import type { Vec3 } from '../asset/asset.js';

/**
 * Signed-distance primitives for organic shapes (animals, fruit, plush toys): negative inside,
 * positive outside, in metres. Each primitive knows its bounds, so a field is only evaluated near the
 * primitives that shape it, and primitives blend with a smooth union of radius `blend`.
 */
export interface SdfPrimitive {
  /** Signed distance (or a close, conservative estimate) at a point. */
  distance(x: number, y: number, z: number): number;
  /**
   * The distances along a row of `n` points (x0, x0 + dx, …; y; z) into `out`: the same numbers as
   * `distance`, computed with the per-row work hoisted (the grid sampler's hot loop).
   */
  row?(x0: number, dx: number, n: number, y: number, z: number, out: Float64Array): void;
  min: Vec3;
  max: Vec3;
  /** Smooth-union radius with what came before it (0 = a plain union). */
  blend: number;
  /** Carves this shape out of what came before (smoothly, by `blend`) instead of adding it. */
  subtract?: boolean;
}

/** A sphere of radius `r` at `c`. */
export function sdfSphere(c: Vec3, r: number, blend = 0): SdfPrimitive {
  return {
    distance: (x, y, z) => Math.hypot(x - c[0], y - c[1], z - c[2]) - r,
    row: (x0, dx, n, y, z, out) => {
      const yz = (y - c[1]) ** 2 + (z - c[2]) ** 2;
      for (let i = 0; i < n; i++) {
        const px = x0 + i * dx - c[0];
        out[i] = Math.sqrt(px * px + yz) - r;
      }
    },
    min: [c[0] - r, c[1] - r, c[2] - r],
    max: [c[0] + r, c[1] + r, c[2] + r],
    blend,
  };
}

/**
 * An ellipsoid with semi-axes `r` at `c` (Inigo Quilez's bound: exact on the axes, close elsewhere),
 * optionally turned by `yaw` (about Y) and then `pitch` (about Z), both in radians.
 */
export function sdfEllipsoid(c: Vec3, r: Vec3, blend = 0, pitch = 0, yaw = 0): SdfPrimitive {
  const cp = Math.cos(pitch);
  const sp = Math.sin(pitch);
  const cy = Math.cos(yaw);
  const sy = Math.sin(yaw);
  const reach = Math.max(r[0], r[1], r[2]);
  const rotated = pitch !== 0 || yaw !== 0;
  return {
    distance: (x, y, z) => {
      let px = x - c[0];
      let py = y - c[1];
      let pz = z - c[2];
      if (rotated) {
        // Undo yaw (about Y), then pitch (about Z).
        const ax = cy * px - sy * pz;
        const az = sy * px + cy * pz;
        px = cp * ax + sp * py;
        py = -sp * ax + cp * py;
        pz = az;
      }
      const k0 = Math.hypot(px / r[0], py / r[1], pz / r[2]);
      const k1 = Math.hypot(px / (r[0] * r[0]), py / (r[1] * r[1]), pz / (r[2] * r[2]));
      return k1 === 0 ? -Math.min(r[0], r[1], r[2]) : (k0 * (k0 - 1)) / k1;
    },
    row: (x0, dx, n, y, z, out) => {
      const i0 = 1 / r[0];
      const i1 = 1 / r[1];
      const i2 = 1 / r[2];
      const j0 = i0 * i0;
      const j1 = i1 * i1;
      const j2 = i2 * i2;
      const minR = -Math.min(r[0], r[1], r[2]);
      const qy = y - c[1];
      const qz = z - c[2];
      for (let i = 0; i < n; i++) {
        let px = x0 + i * dx - c[0];
        let py = qy;
        let pz = qz;
        if (rotated) {
          const ax = cy * px - sy * pz;
          const az = sy * px + cy * pz;
          px = cp * ax + sp * py;
          py = -sp * ax + cp * py;
          pz = az;
        }
        const k0 = Math.sqrt(px * px * i0 * i0 + py * py * i1 * i1 + pz * pz * i2 * i2);
        const k1 = Math.sqrt(px * px * j0 * j0 + py * py * j1 * j1 + pz * pz * j2 * j2);
        out[i] = k1 === 0 ? minR : (k0 * (k0 - 1)) / k1;
      }
    },
    min: rotated ? [c[0] - reach, c[1] - reach, c[2] - reach] : [c[0] - r[0], c[1] - r[1], c[2] - r[2]],
    max: rotated ? [c[0] + reach, c[1] + reach, c[2] + reach] : [c[0] + r[0], c[1] + r[1], c[2] + r[2]],
    blend,
  };
}

/** A capsule from `a` (radius `ra`) to `b` (radius `rb`): a limb, a neck, a tail, a stalk. */
export function sdfCapsule(a: Vec3, b: Vec3, ra: number, rb = ra, blend = 0): SdfPrimitive {
  const bax = b[0] - a[0];
  const bay = b[1] - a[1];
  const baz = b[2] - a[2];
  const l2 = bax * bax + bay * bay + baz * baz;
  const r = Math.max(ra, rb);
  return {
    distance: (x, y, z) => {
      const pax = x - a[0];
      const pay = y - a[1];
      const paz = z - a[2];
      const t = l2 === 0 ? 0 : Math.min(1, Math.max(0, (pax * bax + pay * bay + paz * baz) / l2));
      return Math.hypot(pax - bax * t, pay - bay * t, paz - baz * t) - (ra + (rb - ra) * t);
    },
    row: (x0, dx, n, y, z, out) => {
      const pay = y - a[1];
      const paz = z - a[2];
      const inv = l2 === 0 ? 0 : 1 / l2;
      const dyz = pay * bay + paz * baz;
      for (let i = 0; i < n; i++) {
        const pax = x0 + i * dx - a[0];
        let t = (pax * bax + dyz) * inv;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const qx = pax - bax * t;
        const qy = pay - bay * t;
        const qz = paz - baz * t;
        out[i] = Math.sqrt(qx * qx + qy * qy + qz * qz) - (ra + (rb - ra) * t);
      }
    },
    min: [Math.min(a[0], b[0]) - r, Math.min(a[1], b[1]) - r, Math.min(a[2], b[2]) - r],
    max: [Math.max(a[0], b[0]) + r, Math.max(a[1], b[1]) + r, Math.max(a[2], b[2]) + r],
    blend,
  };
}

/** A box with half-extents `h` centred at `c`, its edges rounded by `round`. */
export function sdfBox(c: Vec3, h: Vec3, round = 0, blend = 0): SdfPrimitive {
  return {
    distance: (x, y, z) => {
      const qx = Math.abs(x - c[0]) - h[0] + round;
      const qy = Math.abs(y - c[1]) - h[1] + round;
      const qz = Math.abs(z - c[2]) - h[2] + round;
      const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0), Math.max(qz, 0));
      return outside + Math.min(Math.max(qx, qy, qz), 0) - round;
    },
    min: [c[0] - h[0], c[1] - h[1], c[2] - h[2]],
    max: [c[0] + h[0], c[1] + h[1], c[2] + h[2]],
    blend,
  };
}

/** A torus around the Y axis at `c`: ring radius `R`, tube radius `r`. */
export function sdfTorus(c: Vec3, R: number, r: number, blend = 0): SdfPrimitive {
  return {
    distance: (x, y, z) => Math.hypot(Math.hypot(x - c[0], z - c[2]) - R, y - c[1]) - r,
    min: [c[0] - R - r, c[1] - r, c[2] - R - r],
    max: [c[0] + R + r, c[1] + r, c[2] + R + r],
    blend,
  };
}

/** Polynomial smooth minimum (blends within `k`); a plain min when k = 0. */
export function smin(a: number, b: number, k: number): number {
  if (k <= 0) return Math.min(a, b);
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - h * h * k * 0.25;
}

/** Polynomial smooth maximum. */
export function smax(a: number, b: number, k: number): number {
  return -smin(-a, -b, k);
}

/** A welded, closed triangle mesh: three floats per vertex, three indices per triangle (CCW outside). */
export interface IndexedMesh {
  positions: Float32Array;
  triangles: Uint32Array;
}

const FAR = 1e9;

// The six tetrahedra of the Kuhn (Freudenthal) split of a cube: corners by bit (x = 1, y = 2, z = 4);
// every tetrahedron runs from corner 0 to corner 7 along one ordering of the axes. Neighbouring cubes
// split their shared faces along the same diagonal, so the tetrahedra form one consistent mesh.
const KUHN: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 1, 3, 7],
  [0, 1, 5, 7],
  [0, 2, 3, 7],
  [0, 2, 6, 7],
  [0, 4, 5, 7],
  [0, 4, 6, 7],
];

/**
 * Samples a field made of primitives on a grid of `cell`-metre cubes and extracts its zero surface by
 * marching tetrahedra. The zero set of a piecewise-linear field over a simplicial mesh is a closed
 * 2-manifold when no sample is exactly zero (zeros are nudged outwards) and the field is positive on
 * the grid's border, so the result is watertight and consistently oriented by construction. Crossings
 * are kept at least 2% of an edge away from the samples so no triangle collapses.
 *
 * Only grid points within reach of some primitive are evaluated, so the cost follows the primitives'
 * volume, not the grid's.
 *
 * @example
 * const mesh = sdfToMesh([sdfSphere([0, 0.2, 0], 0.2), sdfSphere([0.2, 0.3, 0], 0.1, 0.05)], 0.02);
 */
export function sdfToMesh(primitives: SdfPrimitive[], cell: number): IndexedMesh {
  if (primitives.length === 0) return { positions: new Float32Array(0), triangles: new Uint32Array(0) };
  const margin = 2 * cell;
  const lo: Vec3 = [Infinity, Infinity, Infinity];
  const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const p of primitives) {
    if (p.subtract) continue;
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k], p.min[k] - p.blend);
      hi[k] = Math.max(hi[k], p.max[k] + p.blend);
    }
  }
  for (let k = 0; k < 3; k++) {
    lo[k] -= margin;
    hi[k] += margin;
  }
  const nx = Math.ceil((hi[0] - lo[0]) / cell) + 1;
  const ny = Math.ceil((hi[1] - lo[1]) / cell) + 1;
  const nz = Math.ceil((hi[2] - lo[2]) / cell) + 1;
  const sxy = nx * ny;
  const field = new Float32Array(nx * ny * nz).fill(FAR);

  const scratch = new Float64Array(nx);
  for (const p of primitives) {
    const reach = p.blend + margin;
    const i0 = Math.max(0, Math.floor((p.min[0] - reach - lo[0]) / cell));
    const i1 = Math.min(nx - 1, Math.ceil((p.max[0] + reach - lo[0]) / cell));
    const j0 = Math.max(0, Math.floor((p.min[1] - reach - lo[1]) / cell));
    const j1 = Math.min(ny - 1, Math.ceil((p.max[1] + reach - lo[1]) / cell));
    const k0 = Math.max(0, Math.floor((p.min[2] - reach - lo[2]) / cell));
    const k1 = Math.min(nz - 1, Math.ceil((p.max[2] + reach - lo[2]) / cell));
    const count = i1 - i0 + 1;
    const k = p.blend;
    for (let kz = k0; kz <= k1; kz++) {
      const z = lo[2] + kz * cell;
      for (let j = j0; j <= j1; j++) {
        const y = lo[1] + j * cell;
        const base = kz * sxy + j * nx + i0;
        if (p.row) p.row(lo[0] + i0 * cell, cell, count, y, z, scratch);
        else for (let i = 0; i < count; i++) scratch[i] = p.distance(lo[0] + (i0 + i) * cell, y, z);
        for (let i = 0; i < count; i++) {
          const at = base + i;
          const f = field[at];
          let d = scratch[i];
          if (p.subtract) d = -d;
          if (k <= 0) field[at] = p.subtract ? (f > d ? f : d) : f < d ? f : d;
          else {
            // Polynomial smooth min (or max for carving), inlined.
            const h = Math.max(k - Math.abs(f - d), 0) / k;
            field[at] = p.subtract ? Math.max(f, d) + h * h * k * 0.25 : Math.min(f, d) - h * h * k * 0.25;
          }
        }
      }
    }
  }
  // No sample exactly on the surface: nudge zeros outwards so every crossing is strict.
  const tiny = cell * 1e-6;
  for (let i = 0; i < field.length; i++) if (field[i] === 0) field[i] = tiny;

  let positions = new Float64Array(4096);
  let nPos = 0;
  let triangles = new Uint32Array(8192);
  let nTri = 0;
  // Vertex on each grid edge (by its lower corner and direction): a flat table when it fits, else a map.
  const slots = nx * ny * nz * 8;
  const table = slots <= 4_000_000 ? new Int32Array(slots).fill(-1) : undefined;
  const edgeVertex = new Map<number, number>();
  const corner = new Int32Array(8);
  const cornerPos = new Float64Array(24);
  const vertexOn = (p: number, q: number): number => {
    const a = corner[p];
    const b = corner[q];
    // Key by the lower grid index and the edge's direction: unique per grid edge.
    const key = Math.min(a, b) * 8 + encodeDelta(Math.abs(b - a), nx, sxy);
    let v = table ? table[key] : (edgeVertex.get(key) ?? -1);
    if (v >= 0) return v;
    const fa = field[a];
    const fb = field[b];
    const t = Math.min(0.98, Math.max(0.02, fa / (fa - fb)));
    if (nPos + 3 > positions.length) positions = grow(positions);
    v = nPos / 3;
    for (let k = 0; k < 3; k++)
      positions[nPos++] = cornerPos[p * 3 + k] + (cornerPos[q * 3 + k] - cornerPos[p * 3 + k]) * t;
    if (table) table[key] = v;
    else edgeVertex.set(key, v);
    return v;
  };
  const emit = (a: number, b: number, c: number, inside: number, outside: number) => {
    // Orient so the normal points from the inside corner towards the outside one.
    const P = positions;
    const ux = P[b * 3] - P[a * 3];
    const uy = P[b * 3 + 1] - P[a * 3 + 1];
    const uz = P[b * 3 + 2] - P[a * 3 + 2];
    const vx = P[c * 3] - P[a * 3];
    const vy = P[c * 3 + 1] - P[a * 3 + 1];
    const vz = P[c * 3 + 2] - P[a * 3 + 2];
    const dx = cornerPos[outside * 3] - cornerPos[inside * 3];
    const dy = cornerPos[outside * 3 + 1] - cornerPos[inside * 3 + 1];
    const dz = cornerPos[outside * 3 + 2] - cornerPos[inside * 3 + 2];
    const dot = (uy * vz - uz * vy) * dx + (uz * vx - ux * vz) * dy + (ux * vy - uy * vx) * dz;
    if (nTri + 3 > triangles.length) triangles = grow(triangles);
    triangles[nTri++] = a;
    triangles[nTri++] = dot >= 0 ? b : c;
    triangles[nTri++] = dot >= 0 ? c : b;
  };

  for (let k = 0; k < nz - 1; k++) {
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        const base = k * sxy + j * nx + i;
        let mask = 0;
        for (let c = 0; c < 8; c++) {
          const idx = base + (c & 1) + (c & 2 ? nx : 0) + (c & 4 ? sxy : 0);
          corner[c] = idx;
          if (field[idx] < 0) mask |= 1 << c;
        }
        if (mask === 0 || mask === 255) continue;
        for (let c = 0; c < 8; c++) {
          cornerPos[c * 3] = lo[0] + (i + (c & 1)) * cell;
          cornerPos[c * 3 + 1] = lo[1] + (j + (c & 2 ? 1 : 0)) * cell;
          cornerPos[c * 3 + 2] = lo[2] + (k + (c & 4 ? 1 : 0)) * cell;
        }
        for (const tet of KUHN) {
          const [t0, t1, t2, t3] = tet;
          const m =
            ((mask >> t0) & 1) |
            (((mask >> t1) & 1) << 1) |
            (((mask >> t2) & 1) << 2) |
            (((mask >> t3) & 1) << 3);
          if (m === 0 || m === 15) continue;
          const cs = TET_CASES[m];
          if (cs.length === 3) {
            // One corner alone on its side: a triangle on its three edges.
            const lone = tet[cs[0]];
            const o0 = tet[cs[1]];
            const a = vertexOn(lone, o0);
            const b = vertexOn(lone, tet[cs[2]]);
            const c = vertexOn(lone, tet[TET_OTHER[m]]);
            if (m & (1 << cs[0])) emit(a, b, c, lone, o0);
            else emit(a, b, c, o0, lone);
          } else {
            // Two inside (p, q), two outside (r, s): a quad, as two triangles.
            const p = tet[cs[0]];
            const q = tet[cs[1]];
            const r = tet[cs[2]];
            const s = tet[cs[3]];
            const a = vertexOn(p, r);
            const b = vertexOn(p, s);
            const c = vertexOn(q, s);
            const d = vertexOn(q, r);
            emit(a, b, c, p, s);
            emit(a, c, d, q, r);
          }
        }
      }
    }
  }
  const outPositions = new Float32Array(nPos);
  for (let i = 0; i < nPos; i++) outPositions[i] = positions[i];
  return { positions: outPositions, triangles: triangles.slice(0, nTri) };
}

/**
 * For each 4-bit inside mask of a tetrahedron's corners (bit i = corner i inside): with one corner alone
 * on its side, [lone, other, other] (the third other is in `TET_OTHER`); with two and two,
 * [inside, inside, outside, outside].
 */
const TET_CASES: ReadonlyArray<readonly number[]> = Array.from({ length: 16 }, (_, m) => {
  const ins = [0, 1, 2, 3].filter((c) => m & (1 << c));
  const outs = [0, 1, 2, 3].filter((c) => !(m & (1 << c)));
  if (ins.length === 0 || outs.length === 0) return [];
  if (ins.length === 1) return [ins[0], outs[0], outs[1]];
  if (outs.length === 1) return [outs[0], ins[0], ins[1]];
  return [ins[0], ins[1], outs[0], outs[1]];
});

/** The third corner on the far side of the lone corner, for the one-alone cases of `TET_CASES`. */
const TET_OTHER: readonly number[] = Array.from({ length: 16 }, (_, m) => {
  const ins = [0, 1, 2, 3].filter((c) => m & (1 << c));
  const outs = [0, 1, 2, 3].filter((c) => !(m & (1 << c)));
  if (ins.length === 1) return outs[2];
  if (outs.length === 1) return ins[2];
  return -1;
});

function grow<T extends Float64Array | Uint32Array>(a: T): T {
  const b = new (a.constructor as { new (n: number): T })(a.length * 2);
  b.set(a);
  return b;
}

/** A small code for the direction of a grid edge (its index difference), distinct for the 7 Kuhn edges. */
function encodeDelta(delta: number, nx: number, sxy: number): number {
  if (delta === 1) return 0;
  if (delta === nx) return 1;
  if (delta === nx + 1) return 2;
  if (delta === sxy) return 3;
  if (delta === sxy + 1) return 4;
  if (delta === sxy + nx) return 5;
  return 6;
}
