import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { exportAsset, saveAsset } from '../src/io/index.js';
import { version } from '../src/version.js';
import { assertClose } from './helpers/assert-close.js';
import { BIG_GRID, bigGridAsset, emptyAsset, TWO_PART, twoPartAsset } from './helpers/fixtures.js';
import { listDir, tempDir } from './helpers/temp-dir.js';
import { boundsOf, readPly } from './helpers/three-readers.js';

/** One 8-bit sRGB step near the top of the range is about 0.009 in linear terms. */
const BYTE_TOLERANCE = 0.01;

test('ply: two parts merge into one mesh that three PLYLoader reads with counts, bounds and colours', async (t) => {
  const dir = await tempDir(t);
  const asset = await twoPartAsset();
  await saveAsset(asset, join(dir, 'pair.ply'));
  assert.deepEqual(await listDir(dir), ['pair.ply'], 'PLY has no sidecars');
  const bytes = new Uint8Array(await readFile(join(dir, 'pair.ply')));

  const header = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a, 400)));
  assert.match(header, /^ply\nformat binary_little_endian 1\.0\n/);
  assert.match(header, new RegExp(`^comment generator dream-cad ${version.replaceAll('.', '\\.')}$`, 'm'));
  assert.match(header, /^element vertex 42$/m);
  assert.match(header, /^element face 20$/m);
  assert.match(header, /^property list uchar uint vertex_indices$/m);

  const geometry = readPly(bytes);
  const vertices = TWO_PART.vertices[0] + TWO_PART.vertices[1];
  assert.equal(geometry.attributes.position.count, vertices);
  assert.equal(geometry.index!.count, (TWO_PART.triangles[0] + TWO_PART.triangles[1]) * 3);
  const bounds = boundsOf(geometry);
  assertClose(bounds.min, TWO_PART.bounds.min, 1e-6, 'min');
  assertClose(bounds.max, TWO_PART.bounds.max, 1e-6, 'max');

  // The prism's indices are offset by the cube's 24 vertices.
  const index = geometry.index!.array;
  const prism = asset.parts[1].mesh;
  assertClose(
    index.slice(36),
    prism.indices.map((i) => i + 24),
    0,
    'prism indices',
  );

  const { position, normal, uv, color } = geometry.attributes;
  let v = 0;
  for (const part of asset.parts) {
    const m = part.mesh;
    for (let i = 0; i < m.positions.length / 3; i++, v++) {
      const at = `${part.name} vertex ${i}`;
      assertClose(
        [position.getX(v), position.getY(v), position.getZ(v)],
        m.positions.subarray(i * 3, i * 3 + 3),
        0,
        at,
      );
      assertClose(
        [normal.getX(v), normal.getY(v), normal.getZ(v)],
        m.normals.subarray(i * 3, i * 3 + 3),
        1e-6,
        at,
      );
      assertClose([uv.getX(v), 1 - uv.getY(v)], m.uvs.subarray(i * 2, i * 2 + 2), 1e-6, `${at} (t = 1 − v)`);
      // Vertex colours where the part has them, else its material's base colour; PLYLoader turns
      // the sRGB bytes back into linear values.
      const expected = m.colors ? m.colors.subarray(i * 3, i * 3 + 3) : part.material.baseColor.slice(0, 3);
      assertClose([color.getX(v), color.getY(v), color.getZ(v)], expected, BYTE_TOLERANCE, `${at} colour`);
    }
  }
});

test('ply: colours are stored as sRGB bytes', async () => {
  const { main } = await exportAsset(await twoPartAsset(), 'ply');
  // 42 vertices of 35 bytes (8 floats, 3 bytes) and 20 faces of 13 bytes follow the header.
  const start = main.length - 42 * 35 - 20 * 13;
  assert.equal(new TextDecoder().decode(main.subarray(start - 11, start)), 'end_header\n');
  // First cube vertex: base colour linear (0.8, 0.2, 0.1) is sRGB (231, 124, 89).
  assert.deepEqual([...main.subarray(start + 32, start + 35)], [231, 124, 89]);
  // First prism vertex: linear red stays (255, 0, 0).
  const prism = start + 24 * 35;
  assert.deepEqual([...main.subarray(prism + 32, prism + 35)], [255, 0, 0]);
});

test('ply: an empty asset and one with more than 65535 vertices', async () => {
  const empty = readPly((await exportAsset(emptyAsset(), 'ply')).main);
  assert.equal(empty.attributes.position?.count ?? 0, 0);

  const big = readPly((await exportAsset(bigGridAsset(), 'ply')).main);
  assert.equal(big.attributes.position.count, BIG_GRID.vertices);
  assert.equal(big.index!.count, BIG_GRID.triangles * 3);
  let max = 0;
  for (const i of big.index!.array) max = Math.max(max, i);
  assert.equal(max, BIG_GRID.vertices - 1, 'indices beyond 16 bits survive');
  const bounds = boundsOf(big);
  assertClose(bounds.min, [-1, 0, -1], 1e-6, 'min');
  assertClose(bounds.max, [1, 0, 1], 1e-6, 'max');
});
