import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Asset } from '../src/asset/asset.js';
import { exportAsset, saveAsset } from '../src/io/index.js';
import { assertClose } from './helpers/assert-close.js';
import {
  BIG_GRID,
  bigGridAsset,
  emptyAsset,
  metalMaterial,
  TWO_PART,
  twoPartAsset,
} from './helpers/fixtures.js';
import { listDir, tempDir } from './helpers/temp-dir.js';
import { boundsOf, readStl } from './helpers/three-readers.js';

test('stl: two parts merge into one binary STL that three STLLoader reads with counts, bounds, normals', async (t) => {
  const dir = await tempDir(t);
  const asset = await twoPartAsset();
  await saveAsset(asset, join(dir, 'pair.stl'));
  assert.deepEqual(await listDir(dir), ['pair.stl']);
  const bytes = new Uint8Array(await readFile(join(dir, 'pair.stl')));

  const triangles = TWO_PART.triangles[0] + TWO_PART.triangles[1];
  assert.equal(bytes.length, 84 + 50 * triangles);
  const header = new TextDecoder().decode(bytes.subarray(0, 80));
  assert.match(header, /dream-cad/);
  assert.doesNotMatch(header, /^solid/i, 'a binary STL must not look like ASCII STL');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  assert.equal(view.getUint32(80, true), triangles);
  for (let t = 0; t < triangles; t++) assert.equal(view.getUint16(84 + t * 50 + 48, true), 0, 'attribute');

  const geometry = readStl(bytes);
  assert.equal(geometry.attributes.position.count, triangles * 3);
  const bounds = boundsOf(geometry);
  assertClose(bounds.min, TWO_PART.bounds.min, 1e-6, 'min');
  assertClose(bounds.max, TWO_PART.bounds.max, 1e-6, 'max');

  // The fixtures are flat shaded, so each facet normal equals its corners' vertex normals, and the
  // corners come in the source order (winding kept).
  const { position, normal } = geometry.attributes;
  let c = 0;
  for (const part of asset.parts) {
    const m = part.mesh;
    for (const v of m.indices) {
      const at = `${part.name} corner ${c}`;
      assertClose(
        [position.getX(c), position.getY(c), position.getZ(c)],
        m.positions.subarray(v * 3, v * 3 + 3),
        0,
        at,
      );
      assertClose(
        [normal.getX(c), normal.getY(c), normal.getZ(c)],
        m.normals.subarray(v * 3, v * 3 + 3),
        1e-6,
        at,
      );
      c++;
    }
  }
});

test('stl: facet normals come from the triangle, degenerate triangles get a zero normal', async () => {
  const positions = new Float32Array([0, 0, 0, 2, 0, 0, 0, 0, -2, 1, 0, 0, 1e-3, 0, 0, 1e-3, 1e-3, 0]);
  const asset: Asset = {
    metadata: { modelName: 'fixture' },
    parts: [
      {
        name: 'odd',
        material: metalMaterial(),
        mesh: {
          positions,
          // Deliberately wrong vertex normals: STL must not use them.
          normals: new Float32Array(positions.length).fill(0.5),
          uvs: new Float32Array((positions.length / 3) * 2),
          // A real triangle facing +Y, a repeated corner, three collinear corners, a millimetre triangle.
          indices: new Uint32Array([0, 1, 2, 0, 0, 1, 0, 3, 1, 0, 4, 5]),
        },
      },
    ],
  };
  const geometry = readStl((await exportAsset(asset, 'stl')).main);
  const normal = geometry.attributes.normal;
  const facet = (t: number) => [normal.getX(t * 3), normal.getY(t * 3), normal.getZ(t * 3)];
  assertClose(facet(0), [0, 1, 0], 1e-7, 'upward triangle');
  assertClose(facet(1), [0, 0, 0], 0, 'repeated corner');
  assertClose(facet(2), [0, 0, 0], 0, 'collinear corners');
  assertClose(facet(3), [0, 0, 1], 1e-6, 'tiny triangles are still real');
});

test('stl: an empty asset and one with more than 65535 vertices', async () => {
  const empty = (await exportAsset(emptyAsset(), 'stl')).main;
  assert.equal(empty.length, 84);
  assert.equal(new DataView(empty.buffer, empty.byteOffset).getUint32(80, true), 0);
  assert.equal(readStl(empty).attributes.position.count, 0);

  const big = readStl((await exportAsset(bigGridAsset(), 'stl')).main);
  assert.equal(big.attributes.position.count, BIG_GRID.triangles * 3);
  const bounds = boundsOf(big);
  assertClose(bounds.min, [-1, 0, -1], 1e-6, 'min');
  assertClose(bounds.max, [1, 0, 1], 1e-6, 'max');
  const normal = big.attributes.normal;
  for (let c = 0; c < normal.count; c += 997)
    assertClose([normal.getX(c), normal.getY(c), normal.getZ(c)], [0, 1, 0], 1e-6, `normal ${c}`);
});
