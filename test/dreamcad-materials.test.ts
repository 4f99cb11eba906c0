import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Asset, Material } from '../src/asset/asset.js';
import { hexToLinear, resolveColor } from '../src/models/dreamcad/colors.js';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import { MATERIALS, makeMaterial } from '../src/models/dreamcad/materials.js';

async function materials(prompt: string, negativePrompt?: string): Promise<Map<string, Material>> {
  const asset: Asset = await generateDreamcadAsset(prompt, { seed: 11, negativePrompt });
  return new Map(asset.parts.map((p) => [p.name, p.material]));
}

function isReddish(m: Material): boolean {
  const [r, g, b] = m.baseColor;
  return r > 2 * g && r > 2 * b;
}

const wood = MATERIALS.wood;
const steel = MATERIALS.steel;
const gold = MATERIALS.gold;

describe('colour and material words reach the right parts', () => {
  test('"a red wooden chair": every part is wood tinted red', async () => {
    const m = await materials('a red wooden chair');
    for (const [name, mat] of m) {
      assert.ok(isReddish(mat), `${name} is not red: ${mat.baseColor}`);
      assert.equal(mat.metallic, wood.metallic);
      assert.equal(mat.roughness, wood.roughness);
      assert.equal(mat.name, 'wood_red');
    }
  });

  test('"a sword with a golden hilt": hilt parts gold, blade stays steel', async () => {
    const m = await materials('a sword with a golden hilt');
    for (const part of ['guard', 'grip', 'pommel']) {
      assert.equal(m.get(part)?.metallic, 1);
      assert.equal(m.get(part)?.roughness, gold.roughness, part);
      assert.equal(m.get(part)?.name, 'gold');
    }
    assert.equal(m.get('blade')?.name, 'steel');
    assert.equal(m.get('blade')?.roughness, steel.roughness);
  });

  test('a lamp: colour goes to the shade, metal to base and pole, fabric/glass to the shade', async () => {
    const red = await materials('a red brass lamp');
    assert.ok(isReddish(red.get('shade')!));
    assert.equal(red.get('shade')?.metallic, 0);
    assert.equal(red.get('base')?.name, 'brass');
    assert.equal(red.get('pole')?.name, 'brass');
    const glass = await materials('a glass lamp');
    assert.equal(glass.get('shade')?.name, 'glass');
    assert.ok(glass.get('shade')!.baseColor[3] < 1, 'glass is see-through');
    assert.equal(glass.get('pole')?.name, 'brass');
  });

  test('adjectives before a part noun style that part only', async () => {
    const m = await materials('a lamp with a blue shade and a steel base');
    assert.equal(m.get('shade')?.name, 'fabric_blue');
    assert.equal(m.get('base')?.name, 'steel');
    assert.equal(m.get('pole')?.name, 'brass');
    const chair = await materials('a red chair with oak legs');
    assert.equal(chair.get('seat')?.name, 'wood_red');
    assert.equal(chair.get('leg_1')?.name, 'oak', 'a part with its own words drops the main colour');
  });

  test('colour tints the material: metallic and roughness stay the material’s', () => {
    const m = makeMaterial('oak', { color: resolveColor('blue') });
    assert.equal(m.metallic, MATERIALS.oak.metallic);
    assert.equal(m.roughness, MATERIALS.oak.roughness);
    const blue = resolveColor('blue').rgb;
    const oak = hexToLinear(MATERIALS.oak.color);
    for (let k = 0; k < 3; k++) {
      const expected = oak[k] + (blue[k] - oak[k]) * MATERIALS.oak.tint;
      assert.ok(Math.abs(m.baseColor[k] - expected) < 1e-3);
    }
  });

  test('defaults: sword grip leather, bottle green glass, tree foliage green on bark', async () => {
    const sword = await materials('a sword');
    assert.equal(sword.get('grip')?.name, 'leather');
    const bottle = await materials('a bottle');
    assert.equal(bottle.get('body')?.name, 'glass_green');
    const tree = await materials('a tree');
    assert.equal(tree.get('canopy')?.name, 'foliage');
    assert.equal(tree.get('trunk')?.name, 'bark');
    const autumn = await materials('an orange tree');
    assert.equal(autumn.get('canopy')?.name, 'foliage_orange');
  });

  test('every colour word and material word makes a valid material', async () => {
    const { COLOR_WORDS } = await import('../src/models/dreamcad/colors.js');
    const { MATERIAL_WORDS } = await import('../src/models/dreamcad/materials.js');
    assert.ok(Object.keys(COLOR_WORDS).length >= 20);
    assert.ok(new Set(Object.values(MATERIAL_WORDS)).size >= 8);
    for (const word of Object.keys(COLOR_WORDS)) {
      const m = makeMaterial('plastic', { color: resolveColor(word) });
      for (const c of m.baseColor) assert.ok(c >= 0 && c <= 1, `${word}: ${m.baseColor}`);
    }
  });
});

describe('negative prompt', () => {
  test('removes optional parts', async () => {
    assert.ok(!(await materials('an armchair', 'armrests')).has('armrest_1'));
    assert.ok(!(await materials('a chair', 'backrest')).has('backrest'));
    assert.ok(!(await materials('a mug', 'handle')).has('handle'));
    const lamp = await materials('a lamp', 'shade');
    assert.ok(!lamp.has('shade') && lamp.has('pole'));
    assert.ok(!(await materials('a bookshelf', 'books')).has('books'));
    assert.ok(!(await materials('a barrel', 'hoops')).has('hoop_1'));
  });

  test('"without"/"no" in the prompt and "with" for parts off by default', async () => {
    assert.ok(!(await materials('a mug without a handle')).has('handle'));
    assert.ok(!(await materials('a chair with no backrest')).has('backrest'));
    assert.ok((await materials('a chair with armrests')).has('armrest_2'));
  });

  test('required parts cannot be removed', async () => {
    assert.ok((await materials('a chair', 'seat, legs')).has('seat'));
  });

  test('drops colour and material words it names, and default colours', async () => {
    const red = await materials('a red wooden chair', 'red');
    assert.equal(red.get('seat')?.name, 'wood');
    const noWood = await materials('a red oak chair', 'wooden');
    assert.equal(noWood.get('seat')?.name, 'wood_red', 'oak dropped, the family default wood remains');
    const clear = await materials('a bottle', 'green');
    assert.equal(clear.get('body')?.name, 'glass');
  });
});
