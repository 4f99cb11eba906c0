import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Asset, assetBounds } from '../src/asset/asset.js';
import { checkWatertight, signedVolume } from '../src/geometry/mesh-checks.js';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import { FAMILIES } from '../src/models/dreamcad/families/index.js';

const SEEDS = [0, 1, 7, 123456];
/** Bounds may exceed the family range by float noise only. */
const SLACK = 1e-3;

function size(asset: Asset) {
  const b = assetBounds(asset);
  return {
    b,
    width: b.max[0] - b.min[0],
    height: b.max[1] - b.min[1],
    depth: b.max[2] - b.min[2],
  };
}

describe('every family, several seeds', () => {
  for (const family of FAMILIES) {
    test(`${family.id}: watertight, outward, unit normals, UVs, real size, on the ground`, async () => {
      for (const seed of SEEDS) {
        const asset = await generateDreamcadAsset(`a ${family.id}`, { seed });
        const where = `${family.id} seed ${seed}`;
        assert.ok(asset.parts.length > 0, `${where}: no parts`);
        const names = new Set(asset.parts.map((p) => p.name));
        assert.equal(names.size, asset.parts.length, `${where}: duplicate part names`);
        for (const part of asset.parts) {
          const { mesh } = part;
          const at = `${where} part ${part.name}`;
          const report = checkWatertight(mesh);
          assert.ok(report.watertight, `${at}: not watertight ${JSON.stringify(report)}`);
          assert.ok(signedVolume(mesh) > 0, `${at}: volume not positive (inside out?)`);
          const n = mesh.positions.length / 3;
          assert.equal(mesh.normals.length, n * 3);
          assert.equal(mesh.uvs.length, n * 2, `${at}: UVs missing`);
          for (let i = 0; i < n; i++) {
            const len = Math.hypot(mesh.normals[i * 3], mesh.normals[i * 3 + 1], mesh.normals[i * 3 + 2]);
            assert.ok(Math.abs(len - 1) < 1e-4, `${at}: normal ${i} length ${len}`);
          }
          for (const v of mesh.positions) assert.ok(Number.isFinite(v), `${at}: non-finite position`);
          for (const v of mesh.uvs) assert.ok(Number.isFinite(v), `${at}: non-finite UV`);
          assert.ok(part.material.name.length > 0);
        }
        const { b, width, height, depth } = size(asset);
        assert.ok(Math.abs(b.min[1]) < 1e-6, `${where}: min y ${b.min[1]} is not on the ground`);
        assert.ok(Math.abs(b.min[0] + b.max[0]) < 1e-4, `${where}: footprint not centred in x`);
        assert.ok(Math.abs(b.min[2] + b.max[2]) < 1e-4, `${where}: footprint not centred in z`);
        const range = family.size;
        for (const [axis, value] of [
          ['width', width],
          ['height', height],
          ['depth', depth],
        ] as const) {
          const [lo, hi] = range[axis];
          assert.ok(
            value >= lo - SLACK && value <= hi + SLACK,
            `${where}: ${axis} ${value.toFixed(3)} m outside ${lo}–${hi} m`,
          );
        }
        assert.equal(asset.metadata.modelName, 'dreamcad');
        assert.equal(asset.metadata.family, family.id);
        assert.equal(asset.metadata.seed, seed);
      }
    });
  }

  test('different seeds give different proportions in every family', async () => {
    for (const family of FAMILIES) {
      const a = size(await generateDreamcadAsset(`a ${family.id}`, { seed: 1 }));
      const b = size(await generateDreamcadAsset(`a ${family.id}`, { seed: 2 }));
      const differs = ['width', 'height', 'depth'].some(
        (k) => Math.abs(a[k as 'width'] - b[k as 'width']) > 1e-4,
      );
      assert.ok(differs, `${family.id}: seeds 1 and 2 gave the same dimensions`);
    }
  });

  test('variants stay watertight and inside their family range', async () => {
    const prompts = [
      'an armchair',
      'a stool',
      'a round table',
      'a coffee table',
      'a desk',
      'a floor lamp',
      'a jar',
      'a teacup',
      'a potion bottle',
      'a dagger',
      'a katana',
      'a greatsword',
      'a kite shield',
      'a keg',
      'a treasure chest',
      'a low bookshelf',
      'a pine tree',
    ];
    for (const prompt of prompts) {
      for (const seed of [3, 4]) {
        const asset = await generateDreamcadAsset(prompt, { seed });
        const family = FAMILIES.find((f) => f.id === asset.metadata.family)!;
        for (const part of asset.parts) {
          assert.ok(
            checkWatertight(part.mesh).watertight,
            `${prompt} seed ${seed}: ${part.name} not watertight`,
          );
          assert.ok(signedVolume(part.mesh) > 0, `${prompt} seed ${seed}: ${part.name} inside out`);
        }
        const s = size(asset);
        for (const axis of ['width', 'height', 'depth'] as const) {
          const [lo, hi] = family.size[axis];
          assert.ok(
            s[axis] >= lo - SLACK && s[axis] <= hi + SLACK,
            `${prompt} seed ${seed}: ${axis} ${s[axis]}`,
          );
        }
      }
    }
  });

  test('parts have the names the docs promise', async () => {
    const names = async (prompt: string) =>
      (await generateDreamcadAsset(prompt, { seed: 5 })).parts.map((p) => p.name);
    assert.deepEqual(await names('a chair'), ['seat', 'leg_1', 'leg_2', 'leg_3', 'leg_4', 'backrest']);
    assert.deepEqual(await names('an armchair'), [
      'seat',
      'leg_1',
      'leg_2',
      'leg_3',
      'leg_4',
      'backrest',
      'armrest_1',
      'armrest_2',
    ]);
    assert.deepEqual(await names('a lamp'), ['base', 'pole', 'shade', 'bulb']);
    assert.deepEqual((await names('a sword')).sort(), ['blade', 'grip', 'guard', 'pommel']);
    assert.deepEqual(await names('a mug'), ['body', 'handle']);
    assert.deepEqual(await names('a barrel'), ['body', 'hoop_1', 'hoop_2', 'hoop_3', 'hoop_4']);
  });

  test('stacked size words are clamped and still give sound solids', async () => {
    for (const family of FAMILIES) {
      for (const words of [
        'tiny tiny tiny tiny',
        'huge huge huge',
        'thin thin thin tall tall tall',
        'wide wide wide short short short',
      ]) {
        const asset = await generateDreamcadAsset(`${words} ${family.id}`, { seed: 1 });
        for (const part of asset.parts) {
          assert.ok(checkWatertight(part.mesh).watertight, `${words} ${family.id}: ${part.name}`);
          assert.ok(signedVolume(part.mesh) > 0, `${words} ${family.id}: ${part.name} volume`);
        }
        const spec = asset.metadata.spec as { objects: Array<{ size: Record<string, number> }> };
        for (const v of Object.values(spec.objects[0].size)) assert.ok(v >= 0.25 && v <= 4);
      }
    }
  });

  test('size words scale the object', async () => {
    const base = size(await generateDreamcadAsset('a bookshelf', { seed: 9 }));
    const tall = size(await generateDreamcadAsset('a tall bookshelf', { seed: 9 }));
    const tiny = size(await generateDreamcadAsset('a tiny bookshelf', { seed: 9 }));
    assert.ok(Math.abs(tall.height / base.height - 1.25) < 0.02);
    assert.ok(tiny.height < base.height * 0.55 && tiny.width < base.width * 0.55);
  });
});
