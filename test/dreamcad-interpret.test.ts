import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { interpretPrompt } from '../src/models/dreamcad/interpret/interpret.js';
import { tokenize, wordForms } from '../src/models/dreamcad/interpret/tokens.js';
import type { Spec, Style } from '../src/models/dreamcad/spec.js';

/** What a row expects; unspecified fields are not checked. */
interface Expect {
  family: Spec['family'];
  variant?: string;
  main?: string;
  parts?: Record<string, string>;
  include?: string[];
  exclude?: string[];
  height?: number;
  width?: number;
  fallback?: 'compound' | 'related' | 'wordnet';
  /** Families of the other objects, in order. */
  others?: string[];
  ignored?: string[];
}

function style(s: Style | undefined): string {
  return [s?.color?.name, s?.material].filter(Boolean).join('/');
}

const ROWS: Array<[prompt: string, negative: string | undefined, expect: Expect]> = [
  ['a red wooden chair', undefined, { family: 'chair', main: 'red/wood' }],
  ['an armchair', undefined, { family: 'chair', variant: 'armchair', include: ['armrests'] }],
  ['a wooden stool', undefined, { family: 'chair', variant: 'stool', exclude: ['backrest'], main: 'wood' }],
  ['a chair without armrests', undefined, { family: 'chair', exclude: ['armrests'] }],
  ['an armchair', 'armrests, red', { family: 'chair', exclude: ['armrests'], include: [] }],
  ['a red chair with oak legs', undefined, { family: 'chair', main: 'red', parts: { legs: 'oak' } }],
  ['a chair in dark blue', undefined, { family: 'chair', main: 'dark blue' }],
  ['a pine table', undefined, { family: 'table', main: 'pine' }],
  ['a round marble table', undefined, { family: 'table', variant: 'round', main: 'marble' }],
  ['a walnut desk', undefined, { family: 'table', variant: 'desk', main: 'walnut' }],
  ['a low coffee table', undefined, { family: 'table', variant: 'coffee', height: 0.8 }],
  ['a tall brass floor lamp', undefined, { family: 'lamp', variant: 'floor', main: 'brass', height: 1.25 }],
  ['a desk lamp', undefined, { family: 'lamp', variant: 'table' }],
  ['a lamp on a red table', undefined, { family: 'lamp', main: '', others: ['table'], ignored: [] }],
  [
    'a lamp with a red shade and a brass base',
    undefined,
    { family: 'lamp', parts: { shade: 'red', base: 'brass' } },
  ],
  ['a lamp', 'shade', { family: 'lamp', exclude: ['shade'] }],
  ['a blue porcelain vase', undefined, { family: 'vase', main: 'blue/porcelain' }],
  ['an urn', undefined, { family: 'vase' }],
  ['a terracotta jar', undefined, { family: 'vase', variant: 'jar', main: 'terracotta' }],
  ['a coffee cup', undefined, { family: 'mug' }],
  ['a mug', 'handle', { family: 'mug', exclude: ['handle'] }],
  [
    'a blue ceramic teapot with a bamboo handle',
    undefined,
    {
      family: 'teapot',
      main: 'blue/ceramic',
      parts: { handle: 'bamboo' },
    },
  ],
  ['wine bottles', undefined, { family: 'bottle', variant: 'wine' }],
  [
    'a sword with a golden hilt',
    undefined,
    {
      family: 'sword',
      parts: { guard: 'gold', grip: 'gold', pommel: 'gold' },
    },
  ],
  ['a medieval iron sword', undefined, { family: 'sword', main: 'iron', ignored: [] }],
  ['a katana', undefined, { family: 'sword', variant: 'katana' }],
  ['a shortsword', undefined, { family: 'sword', fallback: 'compound' }],
  [
    "a knight's kite shield with a gold rim",
    undefined,
    { family: 'shield', variant: 'heater', parts: { rim: 'gold' } },
  ],
  ['an oak barrel', undefined, { family: 'barrel', main: 'oak' }],
  ['a wine barrel', undefined, { family: 'barrel' }],
  ['a treasure chest', undefined, { family: 'crate', variant: 'chest' }],
  ['a small box', undefined, { family: 'crate', variant: 'box', width: 0.75, height: 0.75 }],
  ['a book case', undefined, { family: 'bookshelf' }],
  ['bookshelves without books', undefined, { family: 'bookshelf', exclude: ['books'] }],
  ['a pine tree', undefined, { family: 'tree', variant: 'conifer', main: '' }],
  ['an oak tree', undefined, { family: 'tree', variant: 'broadleaf', main: '' }],
  ['an oak', undefined, { family: 'tree', variant: 'broadleaf' }],
  ['a huge christmas tree', undefined, { family: 'tree', variant: 'conifer', height: 1.8 }],
  ['a comfy sofa', undefined, { family: 'sofa', ignored: ['comfy'] }],
  ['a spaceship', undefined, { family: 'rocket', ignored: [] }],
  ['a golden retriever', undefined, { family: 'dog', fallback: 'wordnet' }],
  ['a pine', undefined, { family: 'tree', variant: 'conifer' }],
  ['an oak table', undefined, { family: 'table', main: 'oak' }],
];

describe('interpretPrompt (table-driven)', () => {
  for (const [prompt, negative, expect] of ROWS) {
    test(`${JSON.stringify(prompt)}${negative ? ` − ${JSON.stringify(negative)}` : ''}`, () => {
      const spec = interpretPrompt(prompt, { negativePrompt: negative });
      assert.equal(spec.family, expect.family);
      if ('variant' in expect) assert.equal(spec.variant, expect.variant);
      if (expect.main !== undefined) assert.equal(style(spec.objects[0].main), expect.main);
      for (const [group, s] of Object.entries(expect.parts ?? {}))
        assert.equal(style(spec.objects[0].parts[group]), s, group);
      if (expect.include) assert.deepEqual(spec.objects[0].include, expect.include);
      if (expect.exclude) assert.deepEqual(spec.objects[0].exclude, expect.exclude);
      if (expect.height) assert.ok(Math.abs(spec.objects[0].size.height - expect.height) < 1e-9);
      if (expect.width) assert.ok(Math.abs(spec.objects[0].size.width - expect.width) < 1e-9);
      assert.equal(spec.fallback?.method, expect.fallback);
      if (expect.others)
        assert.deepEqual(
          spec.objects.slice(1).map((o) => o.family),
          expect.others,
        );
      if (expect.ignored) assert.deepEqual(spec.ignored, expect.ignored);
      assert.ok(spec.confidence > 0 && spec.confidence <= 1);
      // JSON-serialisable: it travels in metadata.
      assert.deepEqual(JSON.parse(JSON.stringify(spec)), spec);
    });
  }

  test('every word gets a note saying what it did', () => {
    const spec = interpretPrompt('a tall red chair with blue legs on a carpet', {
      negativePrompt: 'armrests',
    });
    const roles = spec.words.map((w) => `${w.source}:${w.word}:${w.role}`);
    assert.deepEqual(roles, [
      'prompt:a:filler',
      'prompt:tall:size',
      'prompt:red:color',
      'prompt:chair:subject',
      'prompt:with:include',
      'prompt:blue:color',
      'prompt:legs:part',
      'prompt:on:relation',
      'prompt:a:filler',
      'prompt:carpet:object',
      'negative:armrests:exclude',
    ]);
    assert.match(spec.words[2].effect, /red for the chair/);
    assert.match(spec.words[5].effect, /blue for legs/);
  });

  test('confidence falls with fallbacks and unknown words', () => {
    const direct = interpretPrompt('a chair').confidence;
    const partly = interpretPrompt('a chair with zorbly frobnication').confidence;
    const compound = interpretPrompt('a footstool').confidence;
    const wordnet = interpretPrompt('a golden retriever').confidence;
    assert.equal(direct, 1);
    assert.ok(
      direct > partly && partly > Math.max(compound, wordnet),
      `${[direct, partly, compound, wordnet]}`,
    );
  });

  test('the negative prompt drops colours and materials it names', () => {
    const spec = interpretPrompt('a dark red walnut table', { negativePrompt: 'red, walnut' });
    assert.equal(style(spec.objects[0].main), '');
    assert.deepEqual(spec.removed, ['red', 'walnut']);
  });
});

describe('tokens', () => {
  test('lower-cases, folds accents, splits hyphens, drops possessives', () => {
    assert.deepEqual(
      tokenize("A Dark-Blue, KNIGHT'S crème shield").map((t) => t.text),
      ['a', 'dark', 'blue', 'knight', 'creme', 'shield'],
    );
  });

  test('singular forms', () => {
    assert.ok(wordForms('shelves').includes('shelf'));
    assert.ok(wordForms('boxes').includes('box'));
    assert.ok(wordForms('legs').includes('leg'));
    assert.deepEqual(wordForms('glass'), ['glass']);
  });
});
