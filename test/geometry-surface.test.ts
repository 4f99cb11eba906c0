import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Mesh } from '../src/asset/asset.js';
import { getManifold } from '../src/geometry/manifold.js';
import { checkWatertight, signedVolume } from '../src/geometry/mesh-checks.js';
import { radiusAt, smoothCurve, vesselProfile } from '../src/geometry/profile.js';
import { SolidKit } from '../src/geometry/solid.js';
import { solidToMesh } from '../src/geometry/solid-to-mesh.js';
import { buildSurfaceMesh } from '../src/geometry/surface.js';

let kit: SolidKit;
before(async () => {
  kit = new SolidKit(await getManifold());
});
after(() => kit.dispose());

function assertUnitNormals(mesh: Mesh): void {
  for (let i = 0; i < mesh.normals.length; i += 3) {
    const len = Math.hypot(mesh.normals[i], mesh.normals[i + 1], mesh.normals[i + 2]);
    assert.ok(Math.abs(len - 1) < 1e-5, `normal ${i / 3} has length ${len}`);
  }
}

function bounds(mesh: Mesh): { min: number[]; max: number[] } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < mesh.positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], mesh.positions[i + k]);
      max[k] = Math.max(max[k], mesh.positions[i + k]);
    }
  }
  return { min, max };
}

describe('buildSurfaceMesh', () => {
  test('a box gets flat faces: 24 vertices, axis-aligned normals, watertight after welding', () => {
    const mesh = solidToMesh(kit.box([1, 2, 3]));
    assert.equal(mesh.indices.length / 3, 12);
    assert.equal(mesh.positions.length / 3, 24, 'each corner split three ways by the 90° creases');
    assertUnitNormals(mesh);
    for (let i = 0; i < mesh.normals.length; i += 3) {
      const axisAligned = [0, 1, 2].filter((k) => Math.abs(Math.abs(mesh.normals[i + k]) - 1) < 1e-6);
      assert.equal(axisAligned.length, 1);
    }
    assert.ok(checkWatertight(mesh).watertight);
    assert.ok(Math.abs(signedVolume(mesh) - 6) < 1e-4);
  });

  test('a sphere is smooth: no vertex split for normals, normals point outward', () => {
    const mesh = solidToMesh(kit.sphere(1, 24), { uv: { kind: 'box' } });
    assertUnitNormals(mesh);
    for (let i = 0; i < mesh.positions.length; i += 3) {
      const p = [mesh.positions[i], mesh.positions[i + 1], mesh.positions[i + 2]];
      const dot = p[0] * mesh.normals[i] + p[1] * mesh.normals[i + 1] + p[2] * mesh.normals[i + 2];
      assert.ok(dot > 0.95, 'smooth normal close to the radial direction');
    }
    assert.ok(checkWatertight(mesh).watertight);
  });

  test('a cylinder keeps its rim sharp and its side smooth', () => {
    const mesh = solidToMesh(kit.cylinder(0.5, 1, { segments: 32 }), { uv: { kind: 'cylindrical' } });
    let side = 0;
    let cap = 0;
    for (let i = 0; i < mesh.normals.length; i += 3) {
      if (Math.abs(mesh.normals[i + 1]) > 0.999) cap++;
      else if (Math.abs(mesh.normals[i + 1]) < 1e-6) side++;
    }
    assert.equal(side + cap, mesh.normals.length / 3, 'every normal is either a cap or a side normal');
    assert.ok(side >= 64 && cap >= 64);
  });

  test('UVs are in metres: a 2 m box face spans 2 UV units', () => {
    const mesh = solidToMesh(kit.box([2, 1, 1]));
    let minU = Infinity;
    let maxU = -Infinity;
    for (let v = 0; v < mesh.positions.length / 3; v++) {
      if (mesh.normals[v * 3 + 2] > 0.999) {
        minU = Math.min(minU, mesh.uvs[v * 2]);
        maxU = Math.max(maxU, mesh.uvs[v * 2]);
      }
    }
    assert.ok(Math.abs(maxU - minU - 2) < 1e-6);
  });

  test('cylindrical UVs put the seam at the back and stay finite on the axis', () => {
    const cone = solidToMesh(kit.cylinder(0.5, 1, { radiusTop: 0, segments: 24 }), {
      uv: { kind: 'cylindrical' },
    });
    for (const u of cone.uvs) assert.ok(Number.isFinite(u));
    assert.ok(checkWatertight(cone).watertight);
  });

  test('colorAt gives per-triangle vertex colours and splits vertices between colours', () => {
    const mesh = solidToMesh(kit.box([1, 1, 1]), { colorAt: (x) => (x > 0 ? [1, 0, 0] : [0, 0, 1]) });
    assert.ok(mesh.colors);
    assert.equal(mesh.colors.length, mesh.positions.length);
  });

  test('a raw triangle mesh keeps its winding and index count', () => {
    const positions = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]);
    const mesh = buildSurfaceMesh(positions, new Uint32Array([0, 1, 2]));
    assert.deepEqual([...mesh.indices], [0, 1, 2]);
    assert.deepEqual([...mesh.normals.slice(0, 3)], [0, 0, 1]);
  });
});

describe('checkWatertight', () => {
  test('finds a hole and a flipped triangle', () => {
    const box = solidToMesh(kit.box([1, 1, 1]));
    const holed: Mesh = { ...box, indices: box.indices.slice(3) };
    const report = checkWatertight(holed);
    assert.equal(report.watertight, false);
    assert.equal(report.boundaryEdges, 3);

    const flipped = box.indices.slice();
    [flipped[0], flipped[1]] = [flipped[1], flipped[0]];
    assert.equal(checkWatertight({ ...box, indices: flipped }).watertight, false);
  });

  test('signedVolume is negative for an inside-out solid', () => {
    const box = solidToMesh(kit.box([1, 1, 1]));
    const inverted = box.indices.slice();
    for (let i = 0; i < inverted.length; i += 3)
      [inverted[i], inverted[i + 1]] = [inverted[i + 1], inverted[i]];
    assert.ok(signedVolume({ ...box, indices: inverted }) < 0);
  });
});

describe('SolidKit conventions', () => {
  test('cylinder stands on y = 0 along +Y; cylinderBetween joins its two points', () => {
    const c = solidToMesh(kit.cylinder(0.1, 2).translate(1, 0, 0));
    const b = bounds(c);
    assert.ok(Math.abs(b.min[1]) < 1e-6 && Math.abs(b.max[1] - 2) < 1e-6);
    assert.ok(Math.abs(b.min[0] - 0.9) < 1e-3);
    const between = kit.cylinderBetween([0, 0, 0], [1, 1, 0], 0.05).bounds();
    assert.ok(between.max[0] > 1 && between.max[1] > 1 && between.min[0] < 0);
  });

  test('revolve turns a (radius, y) profile about +Y; extrude centres the depth on z = 0', () => {
    const r = kit.revolve([
      [0, 0],
      [0.5, 0],
      [0.5, 1],
      [0, 1],
    ]);
    const rb = r.bounds();
    assert.ok(Math.abs(rb.min[1]) < 1e-6 && Math.abs(rb.max[1] - 1) < 1e-6);
    assert.ok(Math.abs(rb.max[0] - 0.5) < 1e-3);
    const e = kit
      .extrude(
        [
          [0, 0],
          [1, 0],
          [0, 1],
        ],
        0.2,
      )
      .bounds();
    assert.ok(Math.abs(e.min[2] + 0.1) < 1e-6 && Math.abs(e.max[2] - 0.1) < 1e-6);
  });

  test('vesselProfile makes a hollow with the given floor; volumes match the formula', () => {
    const outer = [
      [0.05, 0],
      [0.05, 0.1],
    ] as [number, number][];
    const cup = kit.revolve(vesselProfile(outer, 0.005, 0.01), { segments: 64 });
    const expected = Math.PI * (0.05 ** 2 * 0.1 - 0.045 ** 2 * 0.09);
    assert.ok(Math.abs(cup.volume() - expected) / expected < 0.01);
  });

  test('smoothCurve passes through its control points; radiusAt interpolates', () => {
    const pts: [number, number][] = [
      [1, 0],
      [2, 1],
      [1, 2],
    ];
    const curve = smoothCurve(pts, 4);
    assert.equal(curve.length, 9);
    assert.deepEqual(curve[4], [2, 1]);
    assert.equal(radiusAt(pts, 0.5), 1.5);
  });
});

describe('extrudeBevelled', () => {
  test('a bevelled square slab: closed, the exact chamfered volume and bounds, faces cut at the edges', () => {
    const side = 0.2;
    const depth = 0.04;
    const bevel = 0.01;
    const square: Array<[number, number]> = [
      [-side / 2, -side / 2],
      [side / 2, -side / 2],
      [side / 2, side / 2],
      [-side / 2, side / 2],
    ];
    const solid = kit.extrudeBevelled(square, depth, bevel);
    const mesh = solidToMesh(solid);
    assert.ok(checkWatertight(mesh).watertight);
    // Middle slab plus two frustums (square side s at the edge, s − 2b at the face, height b).
    const frustum = (bevel / 3) * (side ** 2 + (side - 2 * bevel) ** 2 + side * (side - 2 * bevel));
    const expected = side ** 2 * (depth - 2 * bevel) + 2 * frustum;
    assert.ok(Math.abs(signedVolume(mesh) - expected) < 1e-9, `${signedVolume(mesh)} vs ${expected}`);
    const b = solid.manifold.boundingBox();
    assert.deepEqual(
      [...b.min, ...b.max].map((v) => Math.round(v * 1e6) / 1e6),
      [-0.1, -0.1, -0.02, 0.1, 0.1, 0.02],
    );
    // The front face is the inset square: no vertex at z = depth/2 lies beyond side/2 − bevel.
    const p = mesh.positions;
    for (let i = 0; i < p.length; i += 3) {
      if (Math.abs(p[i + 2] - depth / 2) < 1e-7) assert.ok(Math.abs(p[i]) <= side / 2 - bevel + 1e-7);
    }
  });

  test('clockwise and star-shaped outlines work; no bevel is a plain extrusion', () => {
    const star: Array<[number, number]> = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? 0.1 : 0.05;
      const a = -(i / 10) * Math.PI * 2; // clockwise on purpose
      star.push([Math.cos(a) * r, Math.sin(a) * r]);
    }
    const bevelled = solidToMesh(kit.extrudeBevelled(star, 0.02, 0.003));
    assert.ok(checkWatertight(bevelled).watertight);
    const plain = solidToMesh(kit.extrude(star, 0.02));
    assert.ok(signedVolume(bevelled) > 0 && signedVolume(bevelled) < signedVolume(plain));
    const none = solidToMesh(kit.extrudeBevelled(star, 0.02, 0));
    assert.ok(Math.abs(signedVolume(none) - signedVolume(plain)) < 1e-12);
  });
});
