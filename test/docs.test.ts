import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_VARIABLES, listFormats } from '../src/index.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('starts with the set-up and the test command', () => {
    const firstBlock = readme.slice(readme.indexOf('```'), readme.indexOf('```', readme.indexOf('```') + 3));
    assert.match(firstBlock, /npm install && npm start/);
    assert.match(firstBlock, /npm test/);
  });

  it('documents every configuration variable', () => {
    for (const v of CONFIG_VARIABLES) assert.ok(readme.includes(`| \`${v.name}\``), `${v.name} is missing`);
  });

  it('documents every file format', () => {
    for (const w of listFormats())
      assert.ok(readme.includes(`\`.${w.extensions[0]}\``), `.${w.extensions[0]} is missing`);
  });
});
