import type { Material, Mesh } from '../../asset/asset.js';

/** The material a reader gives parts whose file names none: light grey, rough, not metallic. */
export function defaultMaterial(name = 'default'): Material {
  return { name, baseColor: [0.8, 0.8, 0.8, 1], metallic: 0, roughness: 0.9 };
}

/**
 * Area-weighted smooth vertex normals of an indexed mesh (what a reader gives a file that stores
 * none, so the mesh still renders with light). Zero-area fans get +Y.
 */
export function computeVertexNormals(positions: Float32Array, indices: Uint32Array): Float32Array {
  const normals = new Float32Array(positions.length);
  for (let f = 0; f < indices.length; f += 3) {
    const a = indices[f] * 3;
    const b = indices[f + 1] * 3;
    const c = indices[f + 2] * 3;
    const ux = positions[b] - positions[a];
    const uy = positions[b + 1] - positions[a + 1];
    const uz = positions[b + 2] - positions[a + 2];
    const vx = positions[c] - positions[a];
    const vy = positions[c + 1] - positions[a + 1];
    const vz = positions[c + 2] - positions[a + 2];
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    for (const v of [a, b, c]) {
      normals[v] += nx;
      normals[v + 1] += ny;
      normals[v + 2] += nz;
    }
  }
  for (let i = 0; i < normals.length; i += 3) {
    const l = Math.hypot(normals[i], normals[i + 1], normals[i + 2]);
    if (l > 0) {
      normals[i] /= l;
      normals[i + 1] /= l;
      normals[i + 2] /= l;
    } else normals[i + 1] = 1;
  }
  return normals;
}

/** A mesh from positions and indices alone: smooth normals and zero UVs filled in. */
export function meshFromPositions(
  positions: Float32Array,
  indices: Uint32Array,
  colors?: Float32Array,
): Mesh {
  const mesh: Mesh = {
    positions,
    normals: computeVertexNormals(positions, indices),
    uvs: new Float32Array((positions.length / 3) * 2),
    indices,
  };
  if (colors) mesh.colors = colors;
  return mesh;
}

/** Growable Float32Array / Uint32Array, so text parsers avoid boxed number arrays. */
export class GrowableF32 {
  data: Float32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Float32Array {
    return this.data.slice(0, this.length);
  }
}

export class GrowableU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
