import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { MeshPhongMaterial, Mesh as ThreeMesh } from 'three';
import type { Asset, Mesh } from '../src/asset/asset.js';
import { exportAsset, saveAsset } from '../src/io/index.js';
import { assertClose } from './helpers/assert-close.js';
import {
  BIG_GRID,
  bigGridAsset,
  checkerPng,
  emptyAsset,
  PRISM_FACE_COLORS,
  TWO_PART,
  twoPartAsset,
} from './helpers/fixtures.js';
import { listDir, tempDir } from './helpers/temp-dir.js';
import { boundsOf, readObj } from './helpers/three-readers.js';

/**
 * OBJLoader de-indexes: corner k of triangle t becomes vertex 3t + k. Checks every corner's
 * position, normal and UV (V flipped back) against the source mesh.
 */
function assertSameCorners(loaded: ThreeMesh, source: Mesh, label: string): void {
  const { position, normal, uv } = loaded.geometry.attributes;
  assert.equal(position.count, source.indices.length, `${label}: corner count`);
  for (let c = 0; c < source.indices.length; c++) {
    const v = source.indices[c];
    const at = `${label} corner ${c}`;
    assertClose(
      [position.getX(c), position.getY(c), position.getZ(c)],
      source.positions.subarray(v * 3, v * 3 + 3),
      1e-6,
      at,
    );
    assertClose(
      [normal.getX(c), normal.getY(c), normal.getZ(c)],
      source.normals.subarray(v * 3, v * 3 + 3),
      1e-6,
      at,
    );
    assertClose([uv.getX(c), 1 - uv.getY(c)], source.uvs.subarray(v * 2, v * 2 + 2), 1e-6, at);
  }
}

test('obj: two parts read back by three OBJLoader + MTLLoader with names, geometry and materials', async (t) => {
  const dir = await tempDir(t);
  const asset = await twoPartAsset();
  await saveAsset(asset, join(dir, 'my chair.obj'));
  // Sidecars take the base name with the space replaced, so `mtllib`/`map_Kd` need no quoting.
  assert.deepEqual(await listDir(dir), ['my chair.obj', 'my_chair.mtl', 'my_chair_Painted_Wood.png']);
  assert.deepEqual(
    new Uint8Array(await readFile(join(dir, 'my_chair_Painted_Wood.png'))),
    await checkerPng(),
  );

  const { group, meshes, materialLibraries } = await readObj(dir, 'my chair.obj');
  assert.deepEqual(materialLibraries, ['my_chair.mtl']);
  assert.deepEqual(
    meshes.map((m) => m.name),
    ['cube', 'tri_prism'],
  );
  meshes.forEach((m, i) => {
    assert.equal(m.geometry.attributes.position.count, TWO_PART.triangles[i] * 3, `${m.name} triangles`);
    assertSameCorners(m, asset.parts[i].mesh, m.name);
  });
  const bounds = boundsOf(group);
  assertClose(bounds.min, TWO_PART.bounds.min, 1e-6, 'min');
  assertClose(bounds.max, TWO_PART.bounds.max, 1e-6, 'max');

  // MTLLoader reads Kd as sRGB and converts to linear, so the original linear colour comes back.
  const [wood, metal] = meshes.map((m) => m.material as MeshPhongMaterial);
  assert.equal(wood.name, 'Painted_Wood');
  assertClose(wood.color.toArray(), [0.8, 0.2, 0.1], 1e-5, 'wood Kd');
  assert.equal(wood.opacity, 1);
  assert.equal(wood.map?.name, 'my_chair_Painted_Wood.png');
  assertClose([wood.shininess], [160], 1e-9, 'wood Ns from roughness 0.6');
  assertClose(wood.specular.toArray(), [0.04, 0.04, 0.04], 1e-5, 'dielectric Ks');
  assert.equal(metal.name, 'Brushed_Metal');
  assertClose(metal.color.toArray(), [0.5, 0.5, 0.5], 1e-5, 'metal Kd');
  assertClose(metal.specular.toArray(), [0.5, 0.5, 0.5], 1e-5, 'metal Ks = base colour');
  assert.equal(metal.opacity, 0.5);
  assert.equal(metal.transparent, true);
  assert.equal(metal.map, null);

  // Vertex colours: only the prism has them; OBJLoader converts the sRGB values back to linear.
  assert.equal(meshes[0].geometry.attributes.color, undefined);
  const color = meshes[1].geometry.attributes.color;
  assert.ok(color, 'prism vertex colours');
  const prism = asset.parts[1].mesh;
  for (let c = 0; c < prism.indices.length; c++) {
    const v = prism.indices[c];
    assertClose(
      [color.getX(c), color.getY(c), color.getZ(c)],
      prism.colors!.subarray(v * 3, v * 3 + 3),
      1e-5,
      `colour ${c}`,
    );
  }
  const seen = new Set<string>();
  for (let c = 0; c < color.count; c++)
    seen.add([color.getX(c), color.getY(c), color.getZ(c)].map(Math.round).join());
  assert.equal(seen.size, PRISM_FACE_COLORS.length);
});

test('obj: the MTL carries PBR keys and the text is plain OBJ', async () => {
  const { main, sidecars } = await exportAsset(await twoPartAsset(), 'obj', 'pair');
  const obj = new TextDecoder().decode(main);
  const mtl = new TextDecoder().decode(sidecars[0].data);
  assert.equal(sidecars[0].name, 'pair.mtl');
  assert.match(obj, /^# dream-cad /);
  assert.match(obj, /^mtllib pair\.mtl$/m);
  assert.equal(obj.match(/^o /gm)?.length, 2);
  assert.equal(obj.match(/^usemtl /gm)?.length, 2);
  assert.equal(obj.match(/^v /gm)?.length, 24 + 18);
  assert.equal(obj.match(/^v \S+ \S+ \S+ \S+ \S+ \S+$/gm)?.length, 18, 'only prism vertices carry colours');
  assert.equal(obj.match(/^vt /gm)?.length, 24 + 18);
  assert.equal(obj.match(/^vn /gm)?.length, 24 + 18);
  assert.equal(obj.match(/^f \d+\/\d+\/\d+ \d+\/\d+\/\d+ \d+\/\d+\/\d+$/gm)?.length, 12 + 8);
  assert.doesNotMatch(obj, /e[-+]?\d|NaN|Infinity/, 'no exponents or non-numbers');
  // The prism's faces refer to its own vertices, which follow the cube's 24.
  assert.match(
    obj,
    /^usemtl Brushed_Metal\n(?:v .*\n)+(?:vt .*\n)+(?:vn .*\n)+f 25\/25\/25 26\/26\/26 27\/27\/27$/m,
  );

  const block = (name: string) => mtl.slice(mtl.indexOf(`newmtl ${name}`)).split('\n\n')[0];
  const metal = block('Brushed_Metal');
  assert.match(metal, /^Pm 1$/m);
  assert.match(metal, /^Pr 0\.3$/m);
  assert.match(metal, /^Ka 1 1 1$/m);
  assert.match(metal, /^Ns 490$/m);
  assert.match(metal, /^d 0\.5$/m);
  assert.match(metal, /^Kd 0\.735357 0\.735357 0\.735357$/m, 'linear 0.5 is sRGB 0.735357');
  const wood = block('Painted_Wood');
  assert.match(wood, /^Pm 0$/m);
  assert.match(wood, /^Pr 0\.6$/m);
  assert.match(wood, /^map_Kd pair_Painted_Wood\.png$/m);
  assert.doesNotMatch(metal, /map_Kd/);
});

test('obj: names are sanitised and made unique, comments stay on one line', async () => {
  const base = await twoPartAsset();
  const asset: Asset = {
    metadata: { modelName: 'fixture', prompt: 'line one\nmtllib evil.mtl' },
    parts: [
      { ...base.parts[0], name: 'left leg\n(front)' },
      { ...base.parts[1], name: 'left leg (front)', material: { ...base.parts[1].material, name: '  ' } },
      { ...base.parts[1], name: 'Ножка 2', material: { ...base.parts[0].material, name: 'Painted_Wood' } },
    ],
  };
  const { main, sidecars } = await exportAsset(asset, 'obj', '../up/and away');
  const obj = new TextDecoder().decode(main);
  assert.deepEqual(
    [...obj.matchAll(/^o (.*)$/gm)].map((m) => m[1]),
    ['left_leg_front', 'left_leg_front_2', 'Ножка_2'],
  );
  assert.deepEqual(
    [...obj.matchAll(/^usemtl (.*)$/gm)].map((m) => m[1]),
    ['Painted_Wood', 'material', 'Painted_Wood_2'],
  );
  assert.deepEqual(
    sidecars.map((s) => s.name),
    ['up_and_away.mtl', 'up_and_away_Painted_Wood.png', 'up_and_away_Painted_Wood_2.png'],
  );
  assert.equal(obj.match(/^mtllib /gm)?.length, 1, 'the prompt cannot inject statements');
  assert.match(obj, /^# prompt: line one mtllib evil\.mtl$/m);
});

test('obj: an empty asset and a big one', async () => {
  const empty = await exportAsset(emptyAsset(), 'obj', 'e');
  const text = new TextDecoder().decode(empty.main);
  assert.match(text, /^mtllib e\.mtl$/m);
  assert.doesNotMatch(text, /^[vfo] /m);
  assert.deepEqual(
    empty.sidecars.map((s) => s.name),
    ['e.mtl'],
  );

  const big = new TextDecoder().decode((await exportAsset(bigGridAsset(), 'obj')).main);
  assert.equal(big.match(/^v /gm)?.length, BIG_GRID.vertices);
  assert.equal(big.match(/^f /gm)?.length, BIG_GRID.triangles);
  assert.match(big, new RegExp(`^f .* ${BIG_GRID.vertices}/${BIG_GRID.vertices}/${BIG_GRID.vertices}$`, 'm'));
});
