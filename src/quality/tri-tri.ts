/**
 * Triangle–triangle overlap test after Möller ("A Fast Triangle-Triangle Intersection Test",
 * JGT 2(2), 1997, the division-free variant), with the same conventions as Open3D's
 * `TriangleTriangle3d`: both triangles are first centred on their common mean and scaled by the
 * per-axis standard deviation, plane distances below 1e-6 count as zero (coplanar), and touching
 * counts as overlapping. Coordinates come as 18 numbers in `t` (p0, p1, p2, q0, q1, q2).
 */
const EPSILON = 1e-6;
const v = new Float64Array(18);

export function trianglesOverlap(t: ArrayLike<number>): boolean {
  // Normalise: mu = mean of the six points, sigma = sample standard deviation (n − 1) + 1e-12.
  for (let k = 0; k < 3; k++) {
    let mu = 0;
    for (let p = 0; p < 6; p++) mu += t[p * 3 + k];
    mu /= 6;
    let s = 0;
    for (let p = 0; p < 6; p++) s += (t[p * 3 + k] - mu) ** 2;
    const sigma = Math.sqrt(s / 5) + 1e-12;
    for (let p = 0; p < 6; p++) v[p * 3 + k] = (t[p * 3 + k] - mu) / sigma;
  }
  return noDivTriTri(v);
}

function noDivTriTri(p: Float64Array): boolean {
  // Triangle V = p[0..8], triangle U = p[9..17].
  const v0x = p[0],
    v0y = p[1],
    v0z = p[2];
  const v1x = p[3],
    v1y = p[4],
    v1z = p[5];
  const v2x = p[6],
    v2y = p[7],
    v2z = p[8];
  const u0x = p[9],
    u0y = p[10],
    u0z = p[11];
  const u1x = p[12],
    u1y = p[13],
    u1z = p[14];
  const u2x = p[15],
    u2y = p[16],
    u2z = p[17];

  // Plane of V: N1·x + d1 = 0.
  let e1x = v1x - v0x,
    e1y = v1y - v0y,
    e1z = v1z - v0z;
  let e2x = v2x - v0x,
    e2y = v2y - v0y,
    e2z = v2z - v0z;
  const n1x = e1y * e2z - e1z * e2y;
  const n1y = e1z * e2x - e1x * e2z;
  const n1z = e1x * e2y - e1y * e2x;
  const d1 = -(n1x * v0x + n1y * v0y + n1z * v0z);
  let du0 = n1x * u0x + n1y * u0y + n1z * u0z + d1;
  let du1 = n1x * u1x + n1y * u1y + n1z * u1z + d1;
  let du2 = n1x * u2x + n1y * u2y + n1z * u2z + d1;
  if (Math.abs(du0) < EPSILON) du0 = 0;
  if (Math.abs(du1) < EPSILON) du1 = 0;
  if (Math.abs(du2) < EPSILON) du2 = 0;
  const du0du1 = du0 * du1;
  const du0du2 = du0 * du2;
  if (du0du1 > 0 && du0du2 > 0) return false;

  // Plane of U.
  e1x = u1x - u0x;
  e1y = u1y - u0y;
  e1z = u1z - u0z;
  e2x = u2x - u0x;
  e2y = u2y - u0y;
  e2z = u2z - u0z;
  const n2x = e1y * e2z - e1z * e2y;
  const n2y = e1z * e2x - e1x * e2z;
  const n2z = e1x * e2y - e1y * e2x;
  const d2 = -(n2x * u0x + n2y * u0y + n2z * u0z);
  let dv0 = n2x * v0x + n2y * v0y + n2z * v0z + d2;
  let dv1 = n2x * v1x + n2y * v1y + n2z * v1z + d2;
  let dv2 = n2x * v2x + n2y * v2y + n2z * v2z + d2;
  if (Math.abs(dv0) < EPSILON) dv0 = 0;
  if (Math.abs(dv1) < EPSILON) dv1 = 0;
  if (Math.abs(dv2) < EPSILON) dv2 = 0;
  const dv0dv1 = dv0 * dv1;
  const dv0dv2 = dv0 * dv2;
  if (dv0dv1 > 0 && dv0dv2 > 0) return false;

  // Direction of the intersection line; project onto its largest axis.
  const dx = Math.abs(n1y * n2z - n1z * n2y);
  const dy = Math.abs(n1z * n2x - n1x * n2z);
  const dz = Math.abs(n1x * n2y - n1y * n2x);
  let axis = 0;
  let max = dx;
  if (dy > max) {
    max = dy;
    axis = 1;
  }
  if (dz > max) axis = 2;
  const vp0 = p[axis],
    vp1 = p[3 + axis],
    vp2 = p[6 + axis];
  const up0 = p[9 + axis],
    up1 = p[12 + axis],
    up2 = p[15 + axis];

  const a = intervals(vp0, vp1, vp2, dv0, dv1, dv2, dv0dv1, dv0dv2);
  if (!a) return coplanar(n1x, n1y, n1z, p);
  const [A, B, C, X0, X1] = a;
  const b = intervals(up0, up1, up2, du0, du1, du2, du0du1, du0du2);
  if (!b) return coplanar(n1x, n1y, n1z, p);
  const [D, E, F, Y0, Y1] = b;

  const xx = X0 * X1;
  const yy = Y0 * Y1;
  const xxyy = xx * yy;
  let tmp = A * xxyy;
  let i10 = tmp + B * X1 * yy;
  let i11 = tmp + C * X0 * yy;
  tmp = D * xxyy;
  let i20 = tmp + E * xx * Y1;
  let i21 = tmp + F * xx * Y0;
  if (i10 > i11) [i10, i11] = [i11, i10];
  if (i20 > i21) [i20, i21] = [i21, i20];
  return !(i11 < i20 || i21 < i10);
}

const out = [0, 0, 0, 0, 0];

/** Möller's NEWCOMPUTE_INTERVALS; undefined when the triangles are coplanar. */
function intervals(
  vv0: number,
  vv1: number,
  vv2: number,
  d0: number,
  d1: number,
  d2: number,
  d0d1: number,
  d0d2: number,
): number[] | undefined {
  if (d0d1 > 0) set(vv2, (vv0 - vv2) * d2, (vv1 - vv2) * d2, d2 - d0, d2 - d1);
  else if (d0d2 > 0) set(vv1, (vv0 - vv1) * d1, (vv2 - vv1) * d1, d1 - d0, d1 - d2);
  else if (d1 * d2 > 0 || d0 !== 0) set(vv0, (vv1 - vv0) * d0, (vv2 - vv0) * d0, d0 - d1, d0 - d2);
  else if (d1 !== 0) set(vv1, (vv0 - vv1) * d1, (vv2 - vv1) * d1, d1 - d0, d1 - d2);
  else if (d2 !== 0) set(vv2, (vv0 - vv2) * d2, (vv1 - vv2) * d2, d2 - d0, d2 - d1);
  else return undefined;
  return out.slice();
}

function set(a: number, b: number, c: number, x0: number, x1: number) {
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = x0;
  out[4] = x1;
}

function coplanar(nx: number, ny: number, nz: number, p: Float64Array): boolean {
  const ax = Math.abs(nx);
  const ay = Math.abs(ny);
  const az = Math.abs(nz);
  let i0: number;
  let i1: number;
  if (ax > ay) {
    if (ax > az) {
      i0 = 1;
      i1 = 2;
    } else {
      i0 = 0;
      i1 = 1;
    }
  } else if (az > ay) {
    i0 = 0;
    i1 = 1;
  } else {
    i0 = 0;
    i1 = 2;
  }
  // Each edge of V against each edge of U, then containment either way.
  for (let e = 0; e < 3; e++) {
    const a = e * 3;
    const b = ((e + 1) % 3) * 3;
    if (edgeAgainstTriEdges(p, a, b, 9, 12, 15, i0, i1)) return true;
  }
  if (pointInTri(p, 0, 9, 12, 15, i0, i1)) return true;
  if (pointInTri(p, 9, 0, 3, 6, i0, i1)) return true;
  return false;
}

function edgeAgainstTriEdges(
  p: Float64Array,
  v0: number,
  v1: number,
  u0: number,
  u1: number,
  u2: number,
  i0: number,
  i1: number,
): boolean {
  const ax = p[v1 + i0] - p[v0 + i0];
  const ay = p[v1 + i1] - p[v0 + i1];
  return (
    edgeEdge(p, ax, ay, v0, u0, u1, i0, i1) ||
    edgeEdge(p, ax, ay, v0, u1, u2, i0, i1) ||
    edgeEdge(p, ax, ay, v0, u2, u0, i0, i1)
  );
}

function edgeEdge(
  p: Float64Array,
  ax: number,
  ay: number,
  v0: number,
  u0: number,
  u1: number,
  i0: number,
  i1: number,
): boolean {
  const bx = p[u0 + i0] - p[u1 + i0];
  const by = p[u0 + i1] - p[u1 + i1];
  const cx = p[v0 + i0] - p[u0 + i0];
  const cy = p[v0 + i1] - p[u0 + i1];
  const f = ay * bx - ax * by;
  const d = by * cx - bx * cy;
  if ((f > 0 && d >= 0 && d <= f) || (f < 0 && d <= 0 && d >= f)) {
    const e = ax * cy - ay * cx;
    if (f > 0) {
      if (e >= 0 && e <= f) return true;
    } else if (e <= 0 && e >= f) return true;
  }
  return false;
}

function pointInTri(
  p: Float64Array,
  v0: number,
  u0: number,
  u1: number,
  u2: number,
  i0: number,
  i1: number,
): boolean {
  let a = p[u1 + i1] - p[u0 + i1];
  let b = -(p[u1 + i0] - p[u0 + i0]);
  let c = -a * p[u0 + i0] - b * p[u0 + i1];
  const d0 = a * p[v0 + i0] + b * p[v0 + i1] + c;
  a = p[u2 + i1] - p[u1 + i1];
  b = -(p[u2 + i0] - p[u1 + i0]);
  c = -a * p[u1 + i0] - b * p[u1 + i1];
  const d1 = a * p[v0 + i0] + b * p[v0 + i1] + c;
  a = p[u0 + i1] - p[u2 + i1];
  b = -(p[u0 + i0] - p[u2 + i0]);
  c = -a * p[u2 + i0] - b * p[u2 + i1];
  const d2 = a * p[v0 + i0] + b * p[v0 + i1] + c;
  return d0 * d1 > 0 && d0 * d2 > 0;
}
