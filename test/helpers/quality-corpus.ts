/**
 * The quality cross-check corpus: hand-built meshes, meshes broken on purpose, and third-party
 * meshes shipped inside npm packages (test/fixtures/third-party). Hand-built ones are written in
 * all four formats in turn, with small writers of our own so the corpus does not depend on the
 * exporters under test elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Asset, Mesh } from '../../src/asset/asset.js';
import { exportAsset } from '../../src/io/index.js';

export interface RawMesh {
  positions: number[];
  indices: number[];
}

export const PYTHON = process.env.DREAM_CAD_PYTHON ?? '/usr/bin/python3';

/** Whether Open3D can be imported by `PYTHON`. */
export function hasOpen3d(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import open3d'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

export interface Open3dVerdict {
  path: string;
  vertices: number;
  triangles: number;
  edge_manifold?: boolean;
  vertex_manifold?: boolean;
  watertight?: boolean;
  self_intersecting?: boolean;
  error?: string;
  [timing: string]: unknown;
}

/** Runs test/helpers/open3d_check.py once over every path. */
export function open3dCheck(paths: string[], args: string[] = []): Open3dVerdict[] {
  const out = execFileSync(PYTHON, [join(import.meta.dirname, 'open3d_check.py'), ...args], {
    input: JSON.stringify(paths),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 600_000,
  });
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Open3dVerdict);
}

// ---- shapes --------------------------------------------------------------------------------

export function box(cx = 0, cy = 0, cz = 0, s = 1): RawMesh {
  const h = s / 2;
  const positions: number[] = [];
  for (const [x, y, z] of [
    [-1, -1, -1],
    [1, -1, -1],
    [1, 1, -1],
    [-1, 1, -1],
    [-1, -1, 1],
    [1, -1, 1],
    [1, 1, 1],
    [-1, 1, 1],
  ]) {
    positions.push(cx + x * h, cy + y * h, cz + z * h);
  }
  // Counter-clockwise seen from outside.
  const indices = [
    0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 7, 6, 3, 6, 2, 1, 2, 6, 1, 6, 5, 0, 4, 7, 0, 7,
    3,
  ];
  return { positions, indices };
}

export function tetra(ox = 0, oy = 0, oz = 0): RawMesh {
  return {
    positions: [ox, oy, oz, ox + 1, oy, oz, ox, oy + 1, oz, ox, oy, oz + 1],
    indices: [0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3],
  };
}

export function torus(nu: number, nv: number, R = 1, r = 0.3): RawMesh {
  const positions: number[] = [];
  const indices: number[] = [];
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const u = (i / nu) * Math.PI * 2;
      const v = (j / nv) * Math.PI * 2;
      positions.push(
        (R + r * Math.cos(v)) * Math.cos(u),
        r * Math.sin(v),
        (R + r * Math.cos(v)) * Math.sin(u),
      );
    }
  }
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const a = j * nu + i;
      const b = j * nu + ((i + 1) % nu);
      const c = ((j + 1) % nv) * nu + i;
      const d = ((j + 1) % nv) * nu + ((i + 1) % nu);
      indices.push(a, c, d, a, d, b);
    }
  }
  return { positions, indices };
}

/** An icosphere: subdivided icosahedron, closed and manifold. */
export function icosphere(subdivisions: number): RawMesh {
  const t = (1 + Math.sqrt(5)) / 2;
  const positions = [
    -1,
    t,
    0,
    1,
    t,
    0,
    -1,
    -t,
    0,
    1,
    -t,
    0,
    0,
    -1,
    t,
    0,
    1,
    t,
    0,
    -1,
    -t,
    0,
    1,
    -t,
    t,
    0,
    -1,
    t,
    0,
    1,
    -t,
    0,
    -1,
    -t,
    0,
    1,
  ];
  let indices = [
    0, 11, 5, 0, 5, 1, 0, 1, 7, 0, 7, 10, 0, 10, 11, 1, 5, 9, 5, 11, 4, 11, 10, 2, 10, 7, 6, 7, 1, 8, 3, 9, 4,
    3, 4, 2, 3, 2, 6, 3, 6, 8, 3, 8, 9, 4, 9, 5, 2, 4, 11, 6, 2, 10, 8, 6, 7, 9, 8, 1,
  ];
  for (let s = 0; s < subdivisions; s++) {
    const mid = new Map<string, number>();
    const m = (a: number, b: number) => {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      let i = mid.get(key);
      if (i === undefined) {
        i = positions.length / 3;
        for (let k = 0; k < 3; k++) positions.push((positions[a * 3 + k] + positions[b * 3 + k]) / 2);
        mid.set(key, i);
      }
      return i;
    };
    const next: number[] = [];
    for (let f = 0; f < indices.length; f += 3) {
      const [a, b, c] = [indices[f], indices[f + 1], indices[f + 2]];
      const ab = m(a, b);
      const bc = m(b, c);
      const ca = m(c, a);
      next.push(a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca);
    }
    indices = next;
  }
  for (let i = 0; i < positions.length; i += 3) {
    const l = Math.hypot(positions[i], positions[i + 1], positions[i + 2]);
    for (let k = 0; k < 3; k++) positions[i + k] /= l;
  }
  return { positions, indices };
}

/** An open tube (cylinder without caps). */
export function tube(n: number): RawMesh {
  const positions: number[] = [];
  const indices: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    positions.push(Math.cos(a), 0, Math.sin(a), Math.cos(a), 1, Math.sin(a));
  }
  for (let i = 0; i < n; i++) {
    const a = i * 2;
    const b = ((i + 1) % n) * 2;
    indices.push(a, a + 1, b + 1, a, b + 1, b);
  }
  return { positions, indices };
}

export function concat(...meshes: RawMesh[]): RawMesh {
  const positions: number[] = [];
  const indices: number[] = [];
  for (const m of meshes) {
    const o = positions.length / 3;
    positions.push(...m.positions);
    indices.push(...m.indices.map((i) => i + o));
  }
  return { positions, indices };
}

/** Splits every vertex per face corner (no shared vertices), as STL and many GLB exporters store. */
export function unweld(m: RawMesh): RawMesh {
  const positions: number[] = [];
  const indices: number[] = [];
  for (let i = 0; i < m.indices.length; i++) {
    positions.push(
      m.positions[m.indices[i] * 3],
      m.positions[m.indices[i] * 3 + 1],
      m.positions[m.indices[i] * 3 + 2],
    );
    indices.push(i);
  }
  return { positions, indices };
}

// ---- writers -------------------------------------------------------------------------------

export function toMesh(m: RawMesh): Mesh {
  const n = m.positions.length / 3;
  const normals = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) normals[i * 3 + 1] = 1;
  const uvs = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    uvs[i * 2] = (m.positions[i * 3] + 2) / 4;
    uvs[i * 2 + 1] = (m.positions[i * 3 + 2] + 2) / 4;
  }
  return { positions: new Float32Array(m.positions), normals, uvs, indices: new Uint32Array(m.indices) };
}

export function toAsset(...parts: RawMesh[]): Asset {
  return {
    parts: parts.map((p, i) => ({
      name: `part_${i}`,
      mesh: toMesh(p),
      material: { name: 'grey', baseColor: [0.7, 0.7, 0.7, 1], metallic: 0, roughness: 0.8 },
    })),
    metadata: { modelName: 'test' },
  };
}

export function objText(m: RawMesh): string {
  const lines = ['# quality corpus'];
  const p = new Float32Array(m.positions);
  for (let i = 0; i < p.length; i += 3) lines.push(`v ${p[i]} ${p[i + 1]} ${p[i + 2]}`);
  for (let f = 0; f < m.indices.length; f += 3) {
    lines.push(`f ${m.indices[f] + 1} ${m.indices[f + 1] + 1} ${m.indices[f + 2] + 1}`);
  }
  return `${lines.join('\n')}\n`;
}

export function plyBinary(m: RawMesh): Uint8Array {
  const nv = m.positions.length / 3;
  const nf = m.indices.length / 3;
  const header = `ply\nformat binary_little_endian 1.0\nelement vertex ${nv}\nproperty float x\nproperty float y\nproperty float z\nelement face ${nf}\nproperty list uchar int vertex_indices\nend_header\n`;
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(head.length + nv * 12 + nf * 13);
  out.set(head);
  const view = new DataView(out.buffer);
  let o = head.length;
  for (let i = 0; i < nv * 3; i++, o += 4) view.setFloat32(o, m.positions[i], true);
  for (let f = 0; f < nf; f++) {
    view.setUint8(o, 3);
    o += 1;
    for (let k = 0; k < 3; k++, o += 4) view.setInt32(o, m.indices[f * 3 + k], true);
  }
  return out;
}

export function stlBinary(m: RawMesh): Uint8Array {
  const nf = m.indices.length / 3;
  const out = new Uint8Array(84 + nf * 50);
  const view = new DataView(out.buffer);
  view.setUint32(80, nf, true);
  for (let f = 0; f < nf; f++) {
    const o = 84 + f * 50;
    const p = (k: number, c: number) => m.positions[m.indices[f * 3 + k] * 3 + c];
    const u = [p(1, 0) - p(0, 0), p(1, 1) - p(0, 1), p(1, 2) - p(0, 2)];
    const v = [p(2, 0) - p(0, 0), p(2, 1) - p(0, 1), p(2, 2) - p(0, 2)];
    const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    const l = Math.hypot(n[0], n[1], n[2]) || 1;
    for (let c = 0; c < 3; c++) view.setFloat32(o + c * 4, n[c] / l, true);
    for (let k = 0; k < 3; k++)
      for (let c = 0; c < 3; c++) view.setFloat32(o + 12 + k * 12 + c * 4, p(k, c), true);
  }
  return out;
}

export async function writeMesh(
  dir: string,
  name: string,
  format: string,
  ...parts: RawMesh[]
): Promise<string> {
  const path = join(dir, `${name}.${format}`);
  const all = parts.length === 1 ? parts[0] : concat(...parts);
  if (format === 'obj') writeFileSync(path, objText(all));
  else if (format === 'ply') writeFileSync(path, plyBinary(all));
  else if (format === 'stl') writeFileSync(path, stlBinary(all));
  else if (format === 'glb') writeFileSync(path, (await exportAsset(toAsset(...parts), 'glb')).main);
  else throw new Error(`writeMesh: unknown format ${format}`);
  return path;
}

export interface CorpusEntry {
  name: string;
  /** The file the assessor reads. */
  path: string;
  /**
   * The same mesh in a format Open3D reads, when `path` is not one (FBX): our own PLY export of
   * the same asset, the file an FBX was converted from, or an `assimp export` of the FBX.
   */
  reference?: string;
  origin: 'ours' | 'broken' | 'third-party' | 'engine';
}

/** Writes the hand-built and broken meshes into `dir` and lists them with the third-party fixtures. */
export async function buildCorpus(dir: string): Promise<CorpusEntry[]> {
  const e: CorpusEntry[] = [];
  const add = async (name: string, format: string, origin: CorpusEntry['origin'], ...parts: RawMesh[]) => {
    e.push({ name: `${name}.${format}`, path: await writeMesh(dir, name, format, ...parts), origin });
  };
  // Ours: sound meshes.
  await add('cube', 'glb', 'ours', box());
  await add('cube-unwelded', 'glb', 'ours', unweld(box()));
  await add('tetra', 'obj', 'ours', tetra());
  await add('torus', 'ply', 'ours', torus(48, 24));
  await add('icosphere', 'stl', 'ours', icosphere(3));
  await add('two-cubes', 'glb', 'ours', box(0, 0, 0), box(3, 0, 0));
  await add('tube', 'obj', 'ours', tube(32));
  await add('quad', 'ply', 'ours', {
    positions: [0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1],
    indices: [0, 2, 1, 0, 3, 2],
  });
  const inside = box();
  for (let f = 0; f < inside.indices.length; f += 3) {
    [inside.indices[f + 1], inside.indices[f + 2]] = [inside.indices[f + 2], inside.indices[f + 1]];
  }
  await add('cube-inside-out', 'ply', 'ours', inside);

  // Broken on purpose.
  const holed = box();
  holed.indices.splice(0, 6);
  await add('cube-hole', 'stl', 'broken', holed);
  const flipped = box();
  [flipped.indices[1], flipped.indices[2]] = [flipped.indices[2], flipped.indices[1]];
  await add('cube-flipped-face', 'obj', 'broken', flipped);
  // T-junction: the right quad's left edge is split at its midpoint; the left quad's is not.
  await add('t-junction', 'obj', 'broken', {
    positions: [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 2, 0, 0, 2, 1, 0, 1, 0.5, 0],
    indices: [0, 1, 2, 0, 2, 3, 1, 4, 6, 4, 5, 6, 6, 5, 2],
  });
  // Non-manifold edge: three triangles share the edge 0–1.
  await add('fin', 'ply', 'broken', {
    positions: [0, 0, 0, 1, 0, 0, 0.5, 1, 0, 0.5, -1, 0, 0.5, 0, 1],
    indices: [0, 1, 2, 1, 0, 3, 0, 1, 4],
  });
  // Non-manifold vertex: two closed tetrahedra touching at one vertex.
  const t2 = tetra(0, 0, 0);
  await add('tetras-bowtie', 'glb', 'broken', {
    positions: [...t2.positions, -1, 0, 0, 0, -1, 0, 0, 0, -1],
    indices: [...t2.indices, 0, 5, 4, 0, 4, 6, 0, 6, 5, 4, 5, 6],
  });
  await add('triangles-bowtie', 'stl', 'broken', {
    positions: [0, 0, 0, 1, 0, 0, 1, 1, 0, -1, 0, 0, -1, -1, 0],
    indices: [0, 1, 2, 0, 3, 4],
  });
  const dup = box();
  dup.indices.push(...dup.indices.slice(0, 3));
  await add('cube-duplicate-face', 'stl', 'broken', dup);
  // A zero-area sliver (three distinct collinear points) beside a closed tetrahedron.
  await add('tetra-sliver', 'obj', 'broken', tetra(), {
    positions: [3, 0, 0, 4, 0, 0, 5, 0, 0],
    indices: [0, 1, 2],
  });
  await add('cubes-overlapping', 'obj', 'broken', box(0, 0, 0), box(0.5, 0.3, 0.2));
  await add('cubes-overlapping', 'glb', 'broken', box(0, 0, 0), box(0.5, 0.3, 0.2));

  // Third-party meshes shipped in npm packages. (node-stl's test_data/box.stl is left out: it has
  // trailing bytes after its triangles, which Open3D's reader refuses and ours tolerates.)
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'third-party');
  for (const f of [
    'bunny.ply',
    'suzanne.glb',
    'node-stl-002.stl',
    'node-stl-box_2x3x4.stl',
    'node-stl-box_3x3x3_offset.stl',
    'node-stl-RasPiCaseLight.stl',
    'node-stl-WALLY_1plate.stl',
  ]) {
    e.push({ name: f, path: join(fixtures, f), origin: 'third-party' });
  }
  return e;
}
