/**
 * Hand-built assets for the FBX and .blend tests and the FBX benchmark: edge cases every writer
 * must survive (no parts, an empty part, one triangle, non-ASCII names, grouped parts) and a wavy
 * height-field grid of any size up to millions of triangles.
 */
import type { Asset, Material, Mesh } from '../../src/asset/asset.js';

const plain = (
  name: string,
  rgba: [number, number, number, number],
  metallic = 0,
  roughness = 0.5,
): Material => ({
  name,
  baseColor: rgba,
  metallic,
  roughness,
});

/** One triangle, 3 vertices, in the XY plane facing +Z. */
export function oneTriangleMesh(): Mesh {
  return {
    positions: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]),
    normals: new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]),
    uvs: new Float32Array([0, 1, 1, 1, 0, 0]),
    indices: new Uint32Array([0, 1, 2]),
  };
}

/** A part with no vertices and no triangles. */
export function emptyMesh(): Mesh {
  return {
    positions: new Float32Array(0),
    normals: new Float32Array(0),
    uvs: new Float32Array(0),
    indices: new Uint32Array(0),
  };
}

/**
 * A `cols` × `rows` quad grid (2·cols·rows triangles, (cols+1)·(rows+1) vertices) over 2 × 1 m,
 * gently waved so normals, positions and UVs all vary as in a real mesh. Vertex colours optional.
 */
export function waveGridMesh(cols: number, rows: number, colors = false): Mesh {
  const n = (cols + 1) * (rows + 1);
  const positions = new Float32Array(n * 3);
  const normals = new Float32Array(n * 3);
  const uvs = new Float32Array(n * 2);
  const rgb = colors ? new Float32Array(n * 3) : undefined;
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      const k = j * (cols + 1) + i;
      const u = i / cols;
      const v = j / rows;
      const x = (u - 0.5) * 2;
      const z = v - 0.5;
      const y = 0.05 * Math.sin(x * 9) * Math.cos(z * 7) + 0.1;
      // Normal of y = f(x, z): (−∂f/∂x, 1, −∂f/∂z), normalised.
      const dx = 0.45 * Math.cos(x * 9) * Math.cos(z * 7);
      const dz = -0.35 * Math.sin(x * 9) * Math.sin(z * 7);
      const len = Math.hypot(dx, 1, dz);
      positions.set([x, y, z], k * 3);
      normals.set([-dx / len, 1 / len, -dz / len], k * 3);
      uvs.set([u, v], k * 2);
      rgb?.set([u, v, 0.5], k * 3);
    }
  }
  const indices = new Uint32Array(cols * rows * 6);
  let o = 0;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const a = j * (cols + 1) + i;
      const b = a + cols + 1;
      // Counter-clockwise seen from +Y.
      indices[o++] = a;
      indices[o++] = b;
      indices[o++] = a + 1;
      indices[o++] = a + 1;
      indices[o++] = b;
      indices[o++] = b + 1;
    }
  }
  const mesh: Mesh = { positions, normals, uvs, indices };
  if (rgb) mesh.colors = rgb;
  return mesh;
}

/** Grid dimensions giving exactly `triangles` triangles (10 000, 100 000, 1 000 000 …). */
export function gridForTriangles(triangles: number): { cols: number; rows: number } {
  const quads = triangles / 2;
  let rows = Math.floor(Math.sqrt(quads / 2));
  while (quads % rows !== 0) rows--;
  return { cols: quads / rows, rows };
}

/** One grid part of exactly `triangles` triangles. */
export function gridAsset(triangles: number, colors = false): Asset {
  const { cols, rows } = gridForTriangles(triangles);
  return {
    parts: [
      { name: 'grid', mesh: waveGridMesh(cols, rows, colors), material: plain('ground', [0.2, 0.5, 0.1, 1]) },
    ],
    metadata: { modelName: 'fixture', prompt: `a grid of ${triangles} triangles` },
  };
}

/** Edge cases: a single triangle. */
export function oneTriangleAsset(): Asset {
  return {
    parts: [{ name: 'tri', mesh: oneTriangleMesh(), material: plain('red', [1, 0, 0, 1]) }],
    metadata: { modelName: 'fixture', prompt: 'one triangle' },
  };
}

/** Edge cases: an empty part next to a real one. */
export function emptyPartAsset(): Asset {
  return {
    parts: [
      { name: 'nothing', mesh: emptyMesh(), material: plain('void', [0.5, 0.5, 0.5, 1]) },
      { name: 'tri', mesh: oneTriangleMesh(), material: plain('red', [1, 0, 0, 1]) },
    ],
    metadata: { modelName: 'fixture', prompt: 'an empty part' },
  };
}

/** Non-ASCII part, material and object names (accents, CJK, emoji-free Cyrillic). */
export const NON_ASCII = {
  parts: ['siège', '椅子の脚'],
  materials: ['Bois foncé', 'Металл'],
  object: 'стул',
};

/** Edge cases: names outside ASCII, two parts grouped under one (non-ASCII) object. */
export function nonAsciiAsset(): Asset {
  return {
    parts: [
      {
        name: NON_ASCII.parts[0],
        mesh: waveGridMesh(4, 3, true),
        material: plain(NON_ASCII.materials[0], [0.3, 0.15, 0.05, 1], 0, 0.8),
        object: NON_ASCII.object,
      },
      {
        name: NON_ASCII.parts[1],
        mesh: oneTriangleMesh(),
        material: plain(NON_ASCII.materials[1], [0.9, 0.9, 0.95, 1], 1, 0.2),
        object: NON_ASCII.object,
      },
    ],
    metadata: { modelName: 'fixture', prompt: 'ünïcödé chair' },
  };
}
