import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Document, getBounds, NodeIO } from '@gltf-transform/core';
import type { Asset } from '../src/asset/asset.js';
import { exportAsset, saveAsset } from '../src/io/index.js';
import { version } from '../src/version.js';
import { assertClose } from './helpers/assert-close.js';
import {
  BIG_GRID,
  bigGridAsset,
  checkerPng,
  emptyAsset,
  metalMaterial,
  PRISM_FACE_COLORS,
  TWO_PART,
  twoPartAsset,
} from './helpers/fixtures.js';
import { validateGlb } from './helpers/gltf-validator.js';
import { tempDir } from './helpers/temp-dir.js';

async function readGlb(bytes: Uint8Array): Promise<Document> {
  return new NodeIO().readBinary(bytes);
}

async function assertValid(bytes: Uint8Array): Promise<void> {
  const report = await validateGlb(bytes);
  assert.equal(report.errors, 0, report.messages.join('\n'));
  assert.equal(report.warnings, 0, report.messages.join('\n'));
}

test('glb: two-part asset round-trips through NodeIO with nodes, materials, texture and metadata', async (t) => {
  const dir = await tempDir(t);
  const path = await saveAsset(await twoPartAsset(), join(dir, 'pair.glb'));
  assert.equal(path, join(dir, 'pair.glb'));
  const bytes = new Uint8Array(await readFile(path));
  await assertValid(bytes);

  const doc = await readGlb(bytes);
  const root = doc.getRoot();
  const nodes = root.listNodes();
  assert.deepEqual(
    nodes.map((n) => n.getName()),
    TWO_PART.parts,
  );
  assert.deepEqual(
    root
      .getDefaultScene()!
      .listChildren()
      .map((n) => n.getName()),
    TWO_PART.parts,
  );

  nodes.forEach((node, i) => {
    const prims = node.getMesh()!.listPrimitives();
    assert.equal(prims.length, 1);
    const prim = prims[0];
    assert.equal(prim.getAttribute('POSITION')!.getCount(), TWO_PART.vertices[i], 'vertex count');
    assert.equal(prim.getIndices()!.getCount(), TWO_PART.triangles[i] * 3, 'index count');
    assert.ok(prim.getIndices()!.getArray() instanceof Uint16Array, 'small meshes use 16-bit indices');
    assert.equal(prim.getAttribute('NORMAL')!.getCount(), TWO_PART.vertices[i]);
    assert.equal(prim.getAttribute('TEXCOORD_0')!.getCount(), TWO_PART.vertices[i]);
  });

  const [cube, prism] = nodes.map((n) => n.getMesh()!.listPrimitives()[0]);
  assert.equal(cube.getAttribute('COLOR_0'), null, 'the cube has no vertex colours');
  const colors = prism.getAttribute('COLOR_0')!;
  assert.equal(colors.getType(), 'VEC3');
  // Each prism face has its own colour, first corner of each face: caps 3 vertices, quads 4.
  [0, 3, 6, 10, 14].forEach((v, face) => {
    assertClose(colors.getElement(v, []), PRISM_FACE_COLORS[face], 1e-6, `face ${face} colour`);
  });

  const wood = cube.getMaterial()!;
  assert.equal(wood.getName(), 'Painted Wood');
  assertClose(wood.getBaseColorFactor(), [0.8, 0.2, 0.1, 1], 1e-6, 'wood base colour');
  assert.equal(wood.getMetallicFactor(), 0);
  assertClose([wood.getRoughnessFactor()], [0.6], 1e-6, 'wood roughness');
  assert.equal(wood.getAlphaMode(), 'OPAQUE');
  const texture = wood.getBaseColorTexture()!;
  assert.ok(texture, 'the cube material is textured');
  assert.equal(texture.getMimeType(), 'image/png');
  assert.deepEqual(new Uint8Array(texture.getImage()!), await checkerPng(), 'PNG embedded byte for byte');
  assert.deepEqual(texture.getSize(), [4, 4]);

  const metal = prism.getMaterial()!;
  assert.equal(metal.getName(), 'Brushed Metal');
  assertClose(metal.getBaseColorFactor(), [0.5, 0.5, 0.5, 0.5], 1e-6, 'metal base colour');
  assert.equal(metal.getMetallicFactor(), 1);
  assert.equal(metal.getAlphaMode(), 'BLEND', 'alpha < 1 blends');
  assert.equal(metal.getBaseColorTexture(), null);
  assert.equal(root.listMaterials().length, 2);
  assert.equal(root.listTextures().length, 1);

  // NodeIO's reader replaces asset.generator with its own, so check the JSON as written.
  const { json } = await new NodeIO().binaryToJSON(bytes);
  assert.equal(json.asset.generator, `dream-cad ${version}`);
  const extras = root.getAsset().extras as Record<string, unknown>;
  assert.equal(extras.prompt, TWO_PART.prompt);
  assert.equal(extras.generator, `dream-cad ${version}`);
  assert.equal(extras.seed, 7);
  assert.equal(extras.modelName, 'fixture');

  const bounds = getBounds(root.getDefaultScene()!);
  assertClose(bounds.min, TWO_PART.bounds.min, 1e-6, 'min');
  assertClose(bounds.max, TWO_PART.bounds.max, 1e-6, 'max');
});

test('glb: an asset with no parts is a valid GLB with an empty scene graph', async () => {
  const { main } = await exportAsset(emptyAsset(), 'glb');
  await assertValid(main);
  const root = (await readGlb(main)).getRoot();
  assert.equal(root.listMeshes().length, 0);
  assert.equal(root.listAccessors().length, 0);
  assert.equal(root.listScenes().length, 1);
  assert.equal((root.getAsset().extras as Record<string, unknown>).prompt, 'nothing');
});

test('glb: more than 65535 vertices switch to 32-bit indices and stay valid', async () => {
  const { main } = await exportAsset(bigGridAsset(), 'glb');
  const report = await validateGlb(main);
  assert.equal(report.errors, 0, report.messages.join('\n'));
  assert.equal(report.warnings, 0, report.messages.join('\n'));
  const prim = (await readGlb(main)).getRoot().listMeshes()[0].listPrimitives()[0];
  assert.equal(prim.getAttribute('POSITION')!.getCount(), BIG_GRID.vertices);
  const indices = prim.getIndices()!;
  assert.ok(indices.getArray() instanceof Uint32Array, 'indices are Uint32');
  assert.equal(indices.getCount(), BIG_GRID.triangles * 3);
  assert.equal(indices.getMax([])[0], BIG_GRID.vertices - 1);
});

test('glb: broken normals, out-of-range colours and factors are repaired so the validator passes', async () => {
  const asset = await twoPartAsset();
  const { mesh, material } = asset.parts[1];
  mesh.normals.set([0, 0, 3], 0); // too long
  mesh.normals.set([0, 0, 0], 3); // zero
  mesh.normals.set([Number.NaN, 0, 1], 6); // not a number
  mesh.colors!.set([1.5, -0.25, 0.5], 0);
  material.emissive = [2, 0.5, -1];
  material.roughness = 1.5;

  const before = await validateGlb(await new NodeIO().writeBinary(naiveDocument(asset)));
  assert.ok(before.errors > 0, 'the unrepaired data really is invalid');

  const { main } = await exportAsset(asset, 'glb');
  await assertValid(main);
  const prim = (await readGlb(main)).getRoot().listMeshes()[1].listPrimitives()[0];
  const normals = prim.getAttribute('NORMAL')!;
  // The first three vertices belong to the front cap, whose face normal is +Z.
  for (let v = 0; v < 3; v++) assertClose(normals.getElement(v, []), [0, 0, 1], 1e-6, `normal ${v}`);
  assertClose(prim.getAttribute('COLOR_0')!.getElement(0, []), [1, 0, 0.5], 1e-6, 'clamped colour');
  const mat = prim.getMaterial()!;
  assertClose(mat.getEmissiveFactor(), [1, 0.5, 0], 1e-6, 'clamped emissive');
  assert.equal(mat.getRoughnessFactor(), 1);
});

test('glb: parts grouped by object, equal materials shared, same-named different materials kept', async () => {
  const base = await twoPartAsset();
  const metal = metalMaterial();
  const asset: Asset = {
    metadata: { modelName: 'fixture', custom: { note: 'kept' } },
    parts: [
      { ...base.parts[0], object: 'table' },
      { ...base.parts[1], name: 'prism a', object: 'table' },
      { ...base.parts[1], name: 'prism b', material: { ...metal } },
      { ...base.parts[1], name: 'prism c', material: { ...metal, baseColor: [1, 0, 0, 1] } },
    ],
  };
  const { main } = await exportAsset(asset, 'glb');
  await assertValid(main);
  const root = (await readGlb(main)).getRoot();
  const scene = root.getDefaultScene()!;
  assert.deepEqual(
    scene.listChildren().map((n) => n.getName()),
    ['table', 'prism b', 'prism c'],
  );
  assert.deepEqual(
    scene
      .listChildren()[0]
      .listChildren()
      .map((n) => n.getName()),
    ['cube', 'prism a'],
  );
  // wood, metal (shared by "prism a" and its equal copy on "prism b"), red metal.
  assert.deepEqual(
    root.listMaterials().map((m) => m.getName()),
    ['Painted Wood', 'Brushed Metal', 'Brushed Metal'],
  );
  assert.deepEqual((root.getAsset().extras as Record<string, unknown>).custom, { note: 'kept' });
});

/** The asset's geometry written naively (no repairs), to prove the repair test starts from invalid data. */
function naiveDocument(asset: Asset): Document {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const scene = doc.createScene();
  for (const part of asset.parts) {
    const acc = (type: 'VEC2' | 'VEC3' | 'SCALAR', a: Float32Array | Uint32Array) =>
      doc.createAccessor().setType(type).setArray(a).setBuffer(buffer);
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', acc('VEC3', part.mesh.positions))
      .setAttribute('NORMAL', acc('VEC3', part.mesh.normals))
      .setIndices(acc('SCALAR', part.mesh.indices));
    if (part.mesh.colors) prim.setAttribute('COLOR_0', acc('VEC3', part.mesh.colors));
    scene.addChild(doc.createNode(part.name).setMesh(doc.createMesh().addPrimitive(prim)));
  }
  return doc;
}
