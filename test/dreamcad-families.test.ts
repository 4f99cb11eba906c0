import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Asset, assetBounds } from '../src/asset/asset.js';
import { checkWatertight, signedVolume } from '../src/geometry/mesh-checks.js';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import { FAMILIES } from '../src/models/dreamcad/families/index.js';

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
  // Every family × 20 seeds × random colour, material, finish and style words × three detail levels
  // (watertight, outward, no degenerate triangles, unit normals, UVs, real size, on the ground, budget,
  // validator, same bytes) is in dreamcad-sweep-a/b.test.ts.

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
