import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Document, NodeIO } from '@gltf-transform/core';
import { FileFormatError } from '../src/errors.js';
import { readGlb, readMeshFile, readObj, readPly, readStl, weldPositions } from '../src/io/read/index.js';
import { box, plyBinary, stlBinary } from './helpers/quality-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'dream-cad-readers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('weldPositions merges bit-identical points, −0 with +0', () => {
  const { remap, positions } = weldPositions(
    new Float32Array([0, 0, 0, 1, 2, 3, -0, 0, 0, 1, 2, 3, 1, 2, 3.0001]),
  );
  assert.deepEqual([...remap], [0, 1, 0, 1, 2]);
  assert.equal(positions.length, 9);
});

test('STL: binary and ASCII read to the same welded mesh', async () => {
  const cube = box();
  const bin = await readStl(stlBinary(cube));
  const lines = ['solid cube'];
  for (let f = 0; f < cube.indices.length; f += 3) {
    lines.push(' facet normal 0 0 0', '  outer loop');
    for (let k = 0; k < 3; k++) {
      const v = cube.indices[f + k] * 3;
      lines.push(`   vertex ${cube.positions[v]} ${cube.positions[v + 1]} ${cube.positions[v + 2]}`);
    }
    lines.push('  endloop', ' endfacet');
  }
  lines.push('endsolid cube');
  const ascii = await readStl(new TextEncoder().encode(lines.join('\n')));
  for (const r of [bin, ascii]) {
    assert.equal(r.asset.parts[0].mesh.positions.length, 8 * 3);
    assert.equal(r.asset.parts[0].mesh.indices.length, 36);
  }
  assert.deepEqual([...bin.asset.parts[0].mesh.indices], [...ascii.asset.parts[0].mesh.indices]);
  await assert.rejects(readStl(new TextEncoder().encode('hello')), FileFormatError);
});

test('PLY: binary and ASCII, colours scaled to 0–1, polygons fan-triangulated', async () => {
  const ascii = `ply
format ascii 1.0
element vertex 4
property float x
property float y
property float z
property uchar red
property uchar green
property uchar blue
element face 1
property list uchar int vertex_indices
end_header
0 0 0 255 0 0
1 0 0 0 255 0
1 1 0 0 0 255
0 1 0 255 255 255
4 0 1 2 3
`;
  const r = await readPly(new TextEncoder().encode(ascii));
  const m = r.asset.parts[0].mesh;
  assert.deepEqual([...m.indices], [0, 1, 2, 0, 2, 3]);
  assert.deepEqual([...m.colors!.subarray(0, 6)], [1, 0, 0, 0, 1, 0]);
  const bin = await readPly(plyBinary(box()));
  assert.equal(bin.asset.parts[0].mesh.indices.length, 36);
  assert.deepEqual([...bin.asset.parts[0].mesh.positions], [...new Float32Array(box().positions)]);
  await assert.rejects(
    readPly(new TextEncoder().encode('ply\nformat ascii 1.0\nend_header\n')),
    /no "vertex"/,
  );
});

test('OBJ: negative indices, v/vt/vn corners, quads, groups and an .mtl with Kd', async () => {
  writeFileSync(join(dir, 'm.mtl'), 'newmtl red\nKd 1 0 0\nd 0.5\n');
  writeFileSync(
    join(dir, 'm.obj'),
    [
      'mtllib m.mtl',
      'v 0 0 0',
      'v 1 0 0',
      'v 1 1 0',
      'v 0 1 0',
      'vt 0 0',
      'vt 1 0',
      'vt 1 1',
      'vt 0 1',
      'vn 0 0 1',
      'o plate',
      'usemtl red',
      'f -4/1/1 -3/2/1 -2/3/1 -1/4/1',
      'o tri',
      'f 1 2 3',
    ].join('\n'),
  );
  const r = await readMeshFile(join(dir, 'm.obj'));
  assert.equal(r.format, 'obj');
  assert.deepEqual(
    r.asset.parts.map((p) => p.name),
    ['plate_red', 'tri_red'], // usemtl carries over to the next object, as in OBJ
  );
  const plate = r.asset.parts[0];
  assert.deepEqual([...plate.mesh.indices], [0, 1, 2, 0, 2, 3]);
  assert.deepEqual([...plate.mesh.uvs], [0, 0, 1, 0, 1, 1, 0, 1]);
  assert.deepEqual(plate.material.baseColor, [1, 0, 0, 0.5]);
  assert.deepEqual([...plate.mesh.normals.subarray(0, 3)], [0, 0, 1]);
  assert.equal(r.warnings.length, 0);
  await assert.rejects(readObj(new TextEncoder().encode('v 0 0 0\nf 1 2 3\n')), /out of range/);
});

test('GLB: node transforms are baked in and a mirroring transform keeps the winding', async () => {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const prim = doc
    .createPrimitive()
    .setAttribute(
      'POSITION',
      doc
        .createAccessor()
        .setType('VEC3')
        .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]))
        .setBuffer(buffer),
    )
    .setIndices(
      doc
        .createAccessor()
        .setType('SCALAR')
        .setArray(new Uint16Array([0, 1, 2]))
        .setBuffer(buffer),
    );
  const mesh = doc.createMesh('tri').addPrimitive(prim);
  const parent = doc.createNode('parent').setTranslation([10, 0, 0]);
  parent.addChild(doc.createNode('mirrored').setMesh(mesh).setScale([-1, 1, 1]));
  doc.createScene().addChild(parent);
  const bytes = await new NodeIO().writeBinary(doc);
  const { asset } = await readGlb(bytes);
  const m = asset.parts[0].mesh;
  assert.deepEqual([...m.positions], [10, 0, 0, 9, 0, 0, 10, 1, 0]);
  // Mirrored in x, so the stored order is flipped to stay counter-clockwise from +Z.
  assert.deepEqual([...m.indices], [0, 2, 1]);
  assert.ok(m.normals[2] > 0.99, 'computed normal faces +Z');
  await assert.rejects(readGlb(new Uint8Array([1, 2, 3])), /readGlb/);
});

test('GLB: rotated and mirrored nodes turn their normals with the inverse transpose', async () => {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const accessor = (type: 'VEC3' | 'SCALAR', array: Float32Array | Uint16Array) =>
    doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', new Float32Array([0, 0, 0, 0, 1, 0, 0, 0, 1])))
    .setAttribute('NORMAL', accessor('VEC3', new Float32Array([1, 0, 0, 1, 0, 0, 1, 0, 0])))
    .setIndices(accessor('SCALAR', new Uint16Array([0, 1, 2])));
  const mesh = doc.createMesh('tri').addPrimitive(prim);
  const s = Math.SQRT1_2;
  const scene = doc.createScene();
  // 90° about Z: +x turns to +y. Mirrored in x: +x turns to −x (and the winding flips back).
  scene.addChild(doc.createNode('turned').setMesh(mesh).setRotation([0, 0, s, s]));
  scene.addChild(doc.createNode('mirrored').setMesh(mesh).setScale([-1, 1, 1]));
  // Non-uniform scale: a normal must stay perpendicular to its (scaled) face.
  scene.addChild(doc.createNode('sheared').setMesh(mesh).setRotation([0, 0, s, s]).setScale([1, 3, 1]));
  const { asset } = await readGlb(await new NodeIO().writeBinary(doc));
  const normal = (i: number) =>
    [...asset.parts[i].mesh.normals.subarray(0, 3)].map((v) => Math.round(v * 1e6) / 1e6 || 0);
  assert.deepEqual(normal(0), [0, 1, 0]);
  assert.deepEqual(normal(1), [-1, 0, 0]);
  assert.deepEqual(normal(2), [0, 1, 0]);
});

test('readMeshFile refuses unknown extensions with a FileFormatError', async () => {
  await assert.rejects(readMeshFile(join(dir, 'x.xyz')), FileFormatError);
  await assert.rejects(readMeshFile(join(dir, 'missing.stl')), FileFormatError);
});

test('a .gltf with an external buffer is read from its folder', async () => {
  const doc = new Document();
  const buffer = doc.createBuffer('data').setURI('tri.bin');
  const prim = doc.createPrimitive().setAttribute(
    'POSITION',
    doc
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]))
      .setBuffer(buffer),
  );
  doc.createScene().addChild(doc.createNode('n').setMesh(doc.createMesh('m').addPrimitive(prim)));
  await new NodeIO().write(join(dir, 'tri.gltf'), doc);
  const r = await readMeshFile(join(dir, 'tri.gltf'));
  assert.equal(r.format, 'gltf');
  assert.deepEqual([...r.asset.parts[0].mesh.indices], [0, 1, 2]);
});
