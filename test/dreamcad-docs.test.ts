import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { renderCatalogue } from '../src/models/dreamcad/catalogue.js';
import { FAMILIES } from '../src/models/dreamcad/families/index.js';
import { MATERIALS } from '../src/models/dreamcad/materials.js';

test('docs/dreamcad-catalogue.md is what `npm run catalogue` writes from the code', async () => {
  const doc = await readFile(new URL('../docs/dreamcad-catalogue.md', import.meta.url), 'utf8');
  assert.equal(doc, renderCatalogue(), 'the catalogue is stale: run `npm run catalogue`');
});

test('the catalogue names every family, part group and material preset', () => {
  const doc = renderCatalogue();
  for (const family of FAMILIES) {
    assert.ok(doc.includes(`| \`${family.id}\` |`), family.id);
    for (const g of family.groups) assert.ok(doc.includes(g.id), `${family.id}: ${g.id}`);
  }
  for (const id of Object.keys(MATERIALS)) assert.ok(doc.includes(`| \`${id}\` |`), id);
});
