import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Mesh } from '../src/asset/asset.js';
import { marchingCubes } from '../src/geometry/marching-cubes.js';
import { checkWatertight, signedVolume } from '../src/geometry/mesh-checks.js';

/** Samples f on an n³ grid over [lo, hi]³, x-major. */
function sample(n: number, lo: number, hi: number, f: (x: number, y: number, z: number) => number) {
  const h = (hi - lo) / (n - 1);
  const values = new Float32Array(n * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) values[(i * n + j) * n + k] = f(lo + i * h, lo + j * h, lo + k * h);
    }
  }
  return { values, h, dims: [n, n, n] as [number, number, number] };
}

function toMesh(r: ReturnType<typeof marchingCubes>): Mesh {
  return {
    positions: r.positions,
    normals: r.normals ?? new Float32Array(r.positions.length),
    uvs: new Float32Array((r.positions.length / 3) * 2),
    indices: r.indices,
  };
}

function area(mesh: Mesh): number {
  const p = mesh.positions;
  const t = mesh.indices;
  let sum = 0;
  for (let i = 0; i < t.length; i += 3) {
    const a = t[i] * 3;
    const b = t[i + 1] * 3;
    const c = t[i + 2] * 3;
    const u = [p[b] - p[a], p[b + 1] - p[a + 1], p[b + 2] - p[a + 2]];
    const w = [p[c] - p[a], p[c + 1] - p[a + 1], p[c + 2] - p[a + 2]];
    sum += Math.hypot(u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]) / 2;
  }
  return sum;
}

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

describe('marchingCubes', () => {
  it('meshes a sphere SDF: closed, outward, volume and area within 1%', () => {
    const r = 0.8;
    const { values, h, dims } = sample(48, -1, 1, (x, y, z) => r - Math.hypot(x, y, z));
    const result = marchingCubes(values, dims, { origin: [-1, -1, -1], spacing: [h, h, h] });
    const mesh = toMesh(result);
    const report = checkWatertight(mesh);
    assert.ok(report.watertight, JSON.stringify(report));
    const volume = signedVolume(mesh);
    assert.ok(Math.abs(volume / ((4 / 3) * Math.PI * r ** 3) - 1) < 0.01, `volume ${volume}`);
    assert.ok(Math.abs(area(mesh) / (4 * Math.PI * r * r) - 1) < 0.01, `area ${area(mesh)}`);
    // Vertices on the sphere, normals radial and unit length.
    const p = result.positions;
    const n = result.normals!;
    for (let v = 0; v < p.length / 3; v++) {
      const len = Math.hypot(p[v * 3], p[v * 3 + 1], p[v * 3 + 2]);
      assert.ok(Math.abs(len - r) < h * 0.05, `vertex ${v} at radius ${len}`);
      const dotN = (p[v * 3] * n[v * 3] + p[v * 3 + 1] * n[v * 3 + 1] + p[v * 3 + 2] * n[v * 3 + 2]) / len;
      assert.ok(dotN > 0.99, `normal ${v} off radial: ${dotN}`);
    }
  });

  it('converges: the sphere error shrinks as the grid gets finer', () => {
    const err = (n: number) => {
      const { values, h, dims } = sample(n, -1, 1, (x, y, z) => 0.7 - Math.hypot(x, y, z));
      const mesh = toMesh(marchingCubes(values, dims, { origin: [-1, -1, -1], spacing: [h, h, h] }));
      return Math.abs(signedVolume(mesh) / ((4 / 3) * Math.PI * 0.7 ** 3) - 1);
    };
    const coarse = err(12);
    const fine = err(40);
    assert.ok(fine < coarse / 4, `coarse ${coarse}, fine ${fine}`);
  });

  it('meshes a torus with the right volume and genus (Euler characteristic 0)', () => {
    const R = 0.6;
    const rr = 0.25;
    const { values, h, dims } = sample(56, -1, 1, (x, y, z) => rr - Math.hypot(Math.hypot(x, z) - R, y));
    const mesh = toMesh(marchingCubes(values, dims, { origin: [-1, -1, -1], spacing: [h, h, h] }));
    const report = checkWatertight(mesh);
    assert.ok(report.watertight, JSON.stringify(report));
    const expected = 2 * Math.PI ** 2 * R * rr * rr;
    assert.ok(
      Math.abs(signedVolume(mesh) / expected - 1) < 0.02,
      `volume ${signedVolume(mesh)} vs ${expected}`,
    );
    assert.equal(report.weldedVertices - report.edges + mesh.indices.length / 3, 0);
  });

  it('stays watertight and consistently oriented on random fields (ambiguous faces everywhere)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rnd = lcg(seed);
      const n = 14;
      const values = new Float32Array(n * n * n).map(() => rnd() - 0.5);
      const closed = toMesh(marchingCubes(values, [n, n, n], { closed: true }));
      const report = checkWatertight(closed);
      assert.ok(report.watertight, `seed ${seed}: ${JSON.stringify(report)}`);
      assert.ok(signedVolume(closed) > 0, `seed ${seed}: inside out`);
      // Open at the grid's border, but never non-manifold or flipped.
      const open = checkWatertight(toMesh(marchingCubes(values, [n, n, n])));
      assert.equal(open.badEdges, 0, `seed ${seed}: ${JSON.stringify(open)}`);
    }
  });

  it('caps a surface that leaves the grid when closed, and leaves it open otherwise', () => {
    // A slab filling the grid's lower half: it crosses the grid's border.
    const { values, h, dims } = sample(10, 0, 1, (_x, y) => 0.43 - y);
    const open = checkWatertight(toMesh(marchingCubes(values, dims, { spacing: [h, h, h] })));
    assert.ok(open.boundaryEdges > 0);
    const mesh = toMesh(marchingCubes(values, dims, { spacing: [h, h, h], closed: true }));
    assert.ok(checkWatertight(mesh).watertight);
    // The caps sit up to half a cell outside the grid, chamfered where they meet the cut plane.
    const volume = signedVolume(mesh);
    assert.ok(volume > 0.43 && volume < (1 + h) * (0.43 + h / 2) * (1 + h), `volume ${volume}`);
  });

  it('honours level, handles samples exactly at the level, and rejects bad grids', () => {
    const { values, h, dims } = sample(20, -1, 1, (x, y, z) => -Math.hypot(x, y, z));
    const mesh = toMesh(
      marchingCubes(values, dims, { level: -0.5, origin: [-1, -1, -1], spacing: [h, h, h] }),
    );
    assert.ok(checkWatertight(mesh).watertight);
    assert.ok(Math.abs(signedVolume(mesh) / ((4 / 3) * Math.PI * 0.125) - 1) < 0.03);
    // A plane through sample points: values exactly 0 on a whole layer.
    const plane = sample(9, 0, 1, (_x, y) => 0.5 - y);
    const cut = toMesh(marchingCubes(plane.values, plane.dims, { closed: true }));
    const report = checkWatertight(cut);
    assert.ok(report.watertight, JSON.stringify(report));
    assert.equal(marchingCubes(new Float32Array(8).fill(1), [2, 2, 2]).indices.length, 0);
    assert.throws(() => marchingCubes(new Float32Array(7), [2, 2, 2]), /marchingCubes: 7 values/);
    assert.throws(() => marchingCubes(new Float32Array(2), [1, 1, 2]), /dims must be integers/);
  });
});
