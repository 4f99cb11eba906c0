import type { Mesh } from '../asset/asset.js';
import { boxChart, boxUv, type UvProjection } from './uv-projection.js';

/** Linear RGB, each channel 0–1. */
export type Rgb = [number, number, number];

export interface SurfaceOptions {
  /**
   * Faces meeting at more than this angle (degrees) get separate normals, so flat faces look flat
   * and a box keeps its edges; below it normals are averaged, so curved surfaces look smooth.
   */
  creaseAngle?: number;
  uv?: UvProjection;
  /**
   * Vertex colour of each triangle, from its centroid (e.g. the colour of the book it belongs to).
   * When given, the mesh gets `colors`; vertices are split where neighbouring triangles differ.
   */
  colorAt?: (x: number, y: number, z: number) => Rgb;
}

export const SURFACE_DEFAULTS = { creaseAngle: 35, uv: { kind: 'box' } as UvProjection };

/**
 * Turns an indexed, welded triangle mesh (as a solid modeller returns it: one vertex per position)
 * into a render-ready `Mesh`: vertices are split along creases and UV seams, each corner gets an
 * angle-weighted smooth normal from the faces of its smoothing group, and UVs are projected in metres.
 * Winding is kept as given (counter-clockwise seen from outside for manifold-3d output).
 *
 * @example
 * const mesh = buildSurfaceMesh(positions, triangles, { creaseAngle: 35, uv: { kind: 'cylindrical' } });
 */
export function buildSurfaceMesh(
  positions: ArrayLike<number>,
  triangles: ArrayLike<number>,
  options: SurfaceOptions = {},
): Mesh {
  const creaseCos = Math.cos(((options.creaseAngle ?? SURFACE_DEFAULTS.creaseAngle) * Math.PI) / 180);
  const uv = options.uv ?? SURFACE_DEFAULTS.uv;
  const nVert = positions.length / 3;
  const nTri = triangles.length / 3;
  const nCorner = nTri * 3;

  const faceNormals = computeFaceNormals(positions, triangles);
  const cornerWeights = computeCornerAngles(positions, triangles);
  const cornerGroup = new Int32Array(nCorner);
  const groupNormals = groupCornersByCrease(
    nVert,
    triangles,
    faceNormals,
    cornerWeights,
    creaseCos,
    cornerGroup,
  );

  const cornerUvs = new Float64Array(nCorner * 2);
  projectUvs(positions, triangles, faceNormals, uv, cornerUvs);

  const triColors = options.colorAt ? colorTriangles(positions, triangles, options.colorAt) : undefined;

  // One output vertex per distinct (position, smoothing group, UV, colour); `firstOut`/`nextOut` chain
  // the outputs already made for each position so the search stays tiny.
  const firstOut = new Int32Array(nVert).fill(-1);
  const nextOut = new Int32Array(nCorner);
  const outGroup = new Int32Array(nCorner);
  const outUv = new Float64Array(nCorner * 2);
  const outColor = triColors ? new Float32Array(nCorner * 3) : undefined;
  const outSource = new Int32Array(nCorner);
  const indices = new Uint32Array(nCorner);
  let nOut = 0;
  for (let c = 0; c < nCorner; c++) {
    const v = triangles[c];
    const g = cornerGroup[c];
    const u0 = cornerUvs[c * 2];
    const u1 = cornerUvs[c * 2 + 1];
    const t3 = Math.floor(c / 3) * 3;
    let found = -1;
    for (let o = firstOut[v]; o !== -1; o = nextOut[o]) {
      if (outGroup[o] !== g || outUv[o * 2] !== u0 || outUv[o * 2 + 1] !== u1) continue;
      if (triColors && outColor) {
        if (
          outColor[o * 3] !== triColors[t3] ||
          outColor[o * 3 + 1] !== triColors[t3 + 1] ||
          outColor[o * 3 + 2] !== triColors[t3 + 2]
        )
          continue;
      }
      found = o;
      break;
    }
    if (found === -1) {
      found = nOut++;
      outGroup[found] = g;
      outUv[found * 2] = u0;
      outUv[found * 2 + 1] = u1;
      outSource[found] = v;
      if (triColors && outColor) {
        outColor[found * 3] = triColors[t3];
        outColor[found * 3 + 1] = triColors[t3 + 1];
        outColor[found * 3 + 2] = triColors[t3 + 2];
      }
      nextOut[found] = firstOut[v];
      firstOut[v] = found;
    }
    indices[c] = found;
  }

  const mesh: Mesh = {
    positions: new Float32Array(nOut * 3),
    normals: new Float32Array(nOut * 3),
    uvs: new Float32Array(nOut * 2),
    indices,
  };
  for (let o = 0; o < nOut; o++) {
    const v = outSource[o];
    const g = outGroup[o];
    for (let k = 0; k < 3; k++) {
      mesh.positions[o * 3 + k] = positions[v * 3 + k];
      mesh.normals[o * 3 + k] = groupNormals[g * 3 + k];
    }
    mesh.uvs[o * 2] = outUv[o * 2];
    mesh.uvs[o * 2 + 1] = outUv[o * 2 + 1];
  }
  if (outColor) mesh.colors = outColor.slice(0, nOut * 3);
  return mesh;
}

/** Unit normal of every triangle (zero for a degenerate one). */
function computeFaceNormals(p: ArrayLike<number>, t: ArrayLike<number>): Float64Array {
  const n = new Float64Array(t.length);
  for (let i = 0; i < t.length; i += 3) {
    const a = t[i] * 3;
    const b = t[i + 1] * 3;
    const c = t[i + 2] * 3;
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
    if (len > 0) {
      n[i] = nx / len;
      n[i + 1] = ny / len;
      n[i + 2] = nz / len;
    }
  }
  return n;
}

/**
 * The interior angle at every corner. Weighting normals by it makes them independent of how a flat
 * region happens to be triangulated (a fan of thin triangles does not pull the normal its way).
 */
function computeCornerAngles(p: ArrayLike<number>, t: ArrayLike<number>): Float64Array {
  const w = new Float64Array(t.length);
  for (let i = 0; i < t.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const a = t[i + k] * 3;
      const b = t[i + ((k + 1) % 3)] * 3;
      const c = t[i + ((k + 2) % 3)] * 3;
      const ux = p[b] - p[a];
      const uy = p[b + 1] - p[a + 1];
      const uz = p[b + 2] - p[a + 2];
      const vx = p[c] - p[a];
      const vy = p[c + 1] - p[a + 1];
      const vz = p[c + 2] - p[a + 2];
      const lu = Math.hypot(ux, uy, uz);
      const lv = Math.hypot(vx, vy, vz);
      if (lu === 0 || lv === 0) continue;
      const cos = (ux * vx + uy * vy + uz * vz) / (lu * lv);
      w[i + k] = Math.acos(Math.max(-1, Math.min(1, cos)));
    }
  }
  return w;
}

/**
 * Splits the corners around each vertex into smoothing groups: a corner joins the first group whose
 * founding face is within the crease angle of its own face, else founds a new group. Returns the
 * unit normal of every group; `cornerGroup` receives each corner's group.
 */
function groupCornersByCrease(
  nVert: number,
  triangles: ArrayLike<number>,
  faceNormals: Float64Array,
  weights: Float64Array,
  creaseCos: number,
  cornerGroup: Int32Array,
): Float64Array {
  const nCorner = triangles.length;
  const start = new Int32Array(nVert + 1);
  for (let c = 0; c < nCorner; c++) start[triangles[c] + 1]++;
  for (let v = 0; v < nVert; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nVert);
  const around = new Int32Array(nCorner);
  for (let c = 0; c < nCorner; c++) around[fill[triangles[c]]++] = c;

  // At most one group per corner; sized for the worst case to avoid growing.
  const normals = new Float64Array(nCorner * 3);
  const founder = new Int32Array(nCorner);
  let nGroup = 0;
  for (let v = 0; v < nVert; v++) {
    const first = nGroup;
    for (let i = start[v]; i < start[v + 1]; i++) {
      const c = around[i];
      const f = c - (c % 3);
      let g = first;
      for (; g < nGroup; g++) {
        const h = founder[g];
        const dot =
          faceNormals[h] * faceNormals[f] +
          faceNormals[h + 1] * faceNormals[f + 1] +
          faceNormals[h + 2] * faceNormals[f + 2];
        if (dot >= creaseCos) break;
      }
      if (g === nGroup) founder[nGroup++] = f;
      cornerGroup[c] = g;
      const w = weights[c];
      normals[g * 3] += faceNormals[f] * w;
      normals[g * 3 + 1] += faceNormals[f + 1] * w;
      normals[g * 3 + 2] += faceNormals[f + 2] * w;
    }
  }
  for (let g = 0; g < nGroup; g++) {
    const len = Math.hypot(normals[g * 3], normals[g * 3 + 1], normals[g * 3 + 2]);
    if (len > 1e-12) {
      normals[g * 3] /= len;
      normals[g * 3 + 1] /= len;
      normals[g * 3 + 2] /= len;
    } else {
      // Only degenerate faces met here; their founder's normal (or +Y) keeps the vector unit length.
      const f = founder[g];
      const fl = Math.hypot(faceNormals[f], faceNormals[f + 1], faceNormals[f + 2]);
      normals[g * 3] = fl > 0 ? faceNormals[f] : 0;
      normals[g * 3 + 1] = fl > 0 ? faceNormals[f + 1] : 1;
      normals[g * 3 + 2] = fl > 0 ? faceNormals[f + 2] : 0;
    }
  }
  return normals.subarray(0, nGroup * 3);
}

function projectUvs(
  p: ArrayLike<number>,
  t: ArrayLike<number>,
  faceNormals: Float64Array,
  uv: UvProjection,
  out: Float64Array,
): void {
  const nTri = t.length / 3;
  const capCos = Math.SQRT1_2;
  const cx = uv.kind === 'cylindrical' ? (uv.center?.[0] ?? 0) : 0;
  const cz = uv.kind === 'cylindrical' ? (uv.center?.[1] ?? 0) : 0;
  const angles = [0, 0, 0];
  const radii = [0, 0, 0];
  for (let f = 0; f < nTri; f++) {
    const nx = faceNormals[f * 3];
    const ny = faceNormals[f * 3 + 1];
    const nz = faceNormals[f * 3 + 2];
    if (uv.kind === 'box' || Math.abs(ny) >= capCos) {
      const chart = uv.kind === 'box' ? boxChart(nx, ny, nz) : ny >= 0 ? 2 : 3;
      for (let k = 0; k < 3; k++) {
        const v = t[f * 3 + k] * 3;
        boxUv(chart, p[v], p[v + 1], p[v + 2], out, (f * 3 + k) * 2);
      }
      continue;
    }
    // Arc length around the axis; the seam (angle ±π) sits at the back (-Z), out of the usual view.
    let onAxis = -1;
    for (let k = 0; k < 3; k++) {
      const v = t[f * 3 + k] * 3;
      const dx = p[v] - cx;
      const dz = p[v + 2] - cz;
      radii[k] = Math.hypot(dx, dz);
      angles[k] = Math.atan2(dx, dz);
      if (radii[k] < 1e-9) onAxis = k;
    }
    const lo = Math.min(angles[0], angles[1], angles[2]);
    const hi = Math.max(angles[0], angles[1], angles[2]);
    if (hi - lo > Math.PI) {
      for (let k = 0; k < 3; k++) if (angles[k] < 0) angles[k] += 2 * Math.PI;
    }
    if (onAxis >= 0) angles[onAxis] = (angles[(onAxis + 1) % 3] + angles[(onAxis + 2) % 3]) / 2;
    const fixedRadius = uv.kind === 'cylindrical' ? uv.radius : undefined;
    for (let k = 0; k < 3; k++) {
      const v = t[f * 3 + k] * 3;
      const o = (f * 3 + k) * 2;
      out[o] = angles[k] * (fixedRadius ?? radii[k]);
      out[o + 1] = p[v + 1];
    }
  }
}

function colorTriangles(
  p: ArrayLike<number>,
  t: ArrayLike<number>,
  colorAt: (x: number, y: number, z: number) => Rgb,
): Float32Array {
  const colors = new Float32Array(t.length);
  for (let i = 0; i < t.length; i += 3) {
    const a = t[i] * 3;
    const b = t[i + 1] * 3;
    const c = t[i + 2] * 3;
    const rgb = colorAt(
      (p[a] + p[b] + p[c]) / 3,
      (p[a + 1] + p[b + 1] + p[c + 1]) / 3,
      (p[a + 2] + p[b + 2] + p[c + 2]) / 3,
    );
    colors[i] = rgb[0];
    colors[i + 1] = rgb[1];
    colors[i + 2] = rgb[2];
  }
  return colors;
}
