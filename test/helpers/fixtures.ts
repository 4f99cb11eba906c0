/**
 * Hand-built assets for exporter tests. Every number here is known, so tests can assert exact
 * vertex and triangle counts, bounds and colours after a round trip through a file format.
 */
import sharp from 'sharp';
import type { Asset, AssetPart, Material, Mesh, Texture } from '../../src/asset/asset.js';

type V3 = [number, number, number];

/** Accumulates flat-shaded polygons (fans) into an indexed mesh with one normal per face. */
class MeshBuilder {
  private positions: number[] = [];
  private normals: number[] = [];
  private uvs: number[] = [];
  private colors: number[] = [];
  private indices: number[] = [];

  /** Adds a convex polygon given counter-clockwise (seen from outside), with per-corner UVs. */
  polygon(corners: V3[], uvs: [number, number][], color?: V3): this {
    const [a, b, c] = corners;
    const n = normalize(cross(sub(b, a), sub(c, a)));
    const base = this.positions.length / 3;
    corners.forEach((p, i) => {
      this.positions.push(...p);
      this.normals.push(...n);
      this.uvs.push(...uvs[i]);
      if (color) this.colors.push(...color);
    });
    for (let i = 1; i + 1 < corners.length; i++) this.indices.push(base, base + i, base + i + 1);
    return this;
  }

  build(): Mesh {
    const mesh: Mesh = {
      positions: new Float32Array(this.positions),
      normals: new Float32Array(this.normals),
      uvs: new Float32Array(this.uvs),
      indices: new Uint32Array(this.indices),
    };
    if (this.colors.length > 0) mesh.colors = new Float32Array(this.colors);
    return mesh;
  }
}

function sub(a: V3, b: V3): V3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function cross(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function normalize(a: V3): V3 {
  const l = Math.hypot(...a);
  return [a[0] / l, a[1] / l, a[2] / l];
}

const QUAD_UV: [number, number][] = [
  [0, 1],
  [1, 1],
  [1, 0],
  [0, 0],
];

/**
 * A unit cube spanning x −1.5…−0.5, y 0…1, z −0.5…0.5: 6 faces × 4 corners = 24 vertices,
 * 12 triangles.
 */
export function cubeMesh(): Mesh {
  const [x0, x1, y0, y1, z0, z1] = [-1.5, -0.5, 0, 1, -0.5, 0.5];
  const b = new MeshBuilder();
  const quad = (p: V3[]) => b.polygon(p, QUAD_UV);
  quad([
    [x0, y0, z1],
    [x1, y0, z1],
    [x1, y1, z1],
    [x0, y1, z1],
  ]); // +Z
  quad([
    [x1, y0, z0],
    [x0, y0, z0],
    [x0, y1, z0],
    [x1, y1, z0],
  ]); // −Z
  quad([
    [x1, y0, z1],
    [x1, y0, z0],
    [x1, y1, z0],
    [x1, y1, z1],
  ]); // +X
  quad([
    [x0, y0, z0],
    [x0, y0, z1],
    [x0, y1, z1],
    [x0, y1, z0],
  ]); // −X
  quad([
    [x0, y1, z1],
    [x1, y1, z1],
    [x1, y1, z0],
    [x0, y1, z0],
  ]); // +Y
  quad([
    [x0, y0, z0],
    [x1, y0, z0],
    [x1, y0, z1],
    [x0, y0, z1],
  ]); // −Y
  return b.build();
}

/** Per-face vertex colours of the prism, linear RGB: red, green, blue, yellow, magenta. */
export const PRISM_FACE_COLORS: V3[] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
  [1, 1, 0],
  [1, 0, 1],
];

/**
 * A triangular prism spanning x 0.5…1.5, y 0…1, z −0.5…0.5 (ridge at x = 1, y = 1): two triangular
 * caps (3 + 3 vertices) and three quads (3 × 4) = 18 vertices, 2 + 6 = 8 triangles. Each face has
 * its own vertex colour from `PRISM_FACE_COLORS`.
 */
export function prismMesh(): Mesh {
  const [z0, z1] = [-0.5, 0.5];
  const l: [number, number] = [0.5, 0];
  const r: [number, number] = [1.5, 0];
  const t: [number, number] = [1, 1];
  const at = (p: [number, number], z: number): V3 => [p[0], p[1], z];
  const c = PRISM_FACE_COLORS;
  const triUv: [number, number][] = [
    [0, 1],
    [1, 1],
    [0.5, 0],
  ];
  return new MeshBuilder()
    .polygon([at(l, z1), at(r, z1), at(t, z1)], triUv, c[0]) // front cap, +Z
    .polygon([at(r, z0), at(l, z0), at(t, z0)], triUv, c[1]) // back cap, −Z
    .polygon([at(l, z0), at(r, z0), at(r, z1), at(l, z1)], QUAD_UV, c[2]) // bottom, −Y
    .polygon([at(r, z1), at(r, z0), at(t, z0), at(t, z1)], QUAD_UV, c[3]) // right slope
    .polygon([at(t, z1), at(t, z0), at(l, z0), at(l, z1)], QUAD_UV, c[4]) // left slope
    .build();
}

let texturePng: Promise<Uint8Array> | undefined;

/** A 4×4 RGB checkerboard PNG (orange and white), encoded by sharp once per process. */
export function checkerPng(): Promise<Uint8Array> {
  texturePng ??= (async () => {
    const size = 4;
    const raw = Buffer.alloc(size * size * 3);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const orange = (x + y) % 2 === 0;
        raw.set(orange ? [230, 120, 20] : [255, 255, 255], (y * size + x) * 3);
      }
    }
    const png = await sharp(raw, { raw: { width: size, height: size, channels: 3 } })
      .png()
      .toBuffer();
    return new Uint8Array(png);
  })();
  return texturePng;
}

/** The cube's material: textured, dielectric, with a space in its name to exercise sanitising. */
export async function woodMaterial(): Promise<Material> {
  const texture: Texture = {
    name: 'wood checker',
    mimeType: 'image/png',
    data: await checkerPng(),
    width: 4,
    height: 4,
  };
  return {
    name: 'Painted Wood',
    baseColor: [0.8, 0.2, 0.1, 1],
    metallic: 0,
    roughness: 0.6,
    baseColorTexture: texture,
  };
}

/** The prism's material: metallic, untextured, half transparent. */
export function metalMaterial(): Material {
  return { name: 'Brushed Metal', baseColor: [0.5, 0.5, 0.5, 0.5], metallic: 1, roughness: 0.3 };
}

export const TWO_PART = {
  prompt: 'a cube and a prism',
  parts: ['cube', 'tri prism'],
  vertices: [24, 18],
  triangles: [12, 8],
  bounds: { min: [-1.5, 0, -0.5] as V3, max: [1.5, 1, 0.5] as V3 },
};

/**
 * Two parts with different materials: "cube" (textured `woodMaterial`) and "tri prism"
 * (vertex-coloured `metalMaterial`). Counts and bounds are in `TWO_PART`.
 */
export async function twoPartAsset(): Promise<Asset> {
  const parts: AssetPart[] = [
    { name: 'cube', mesh: cubeMesh(), material: await woodMaterial() },
    { name: 'tri prism', mesh: prismMesh(), material: metalMaterial() },
  ];
  return { parts, metadata: { modelName: 'fixture', prompt: TWO_PART.prompt, seed: 7 } };
}

/** An asset with no parts at all; every writer must still produce a readable file. */
export function emptyAsset(): Asset {
  return { parts: [], metadata: { modelName: 'fixture', prompt: 'nothing' } };
}

export const BIG_GRID = { side: 260, vertices: 260 * 260, triangles: 259 * 259 * 2, size: 2 };

/**
 * A flat square grid of `BIG_GRID.side`² = 67 600 vertices (more than 16-bit indices can address)
 * and 134 162 triangles, 2 m wide, lying at y = 0 and facing +Y.
 */
export function bigGridAsset(): Asset {
  const { side, size } = BIG_GRID;
  const n = side * side;
  const positions = new Float32Array(n * 3);
  const normals = new Float32Array(n * 3);
  const uvs = new Float32Array(n * 2);
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const k = j * side + i;
      const u = i / (side - 1);
      const v = j / (side - 1);
      positions.set([(u - 0.5) * size, 0, (v - 0.5) * size], k * 3);
      normals.set([0, 1, 0], k * 3);
      uvs.set([u, v], k * 2);
    }
  }
  const indices = new Uint32Array((side - 1) * (side - 1) * 6);
  let o = 0;
  for (let j = 0; j < side - 1; j++) {
    for (let i = 0; i < side - 1; i++) {
      const a = j * side + i;
      // Rows run towards +Z, so (a, a+side, a+1) is counter-clockwise seen from +Y.
      indices.set([a, a + side, a + 1, a + 1, a + side, a + side + 1], o);
      o += 6;
    }
  }
  const material: Material = { name: 'grid', baseColor: [0.2, 0.6, 0.2, 1], metallic: 0, roughness: 1 };
  return {
    parts: [{ name: 'grid', mesh: { positions, normals, uvs, indices }, material }],
    metadata: { modelName: 'fixture', prompt: 'a big grid' },
  };
}
