import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { ClipTokenizer, htmlUnescape } from '../src/models/point-e/tokenizer.js';
import { POINT_E_FIXTURES } from './helpers/point-e-fixtures.js';

const fixture = JSON.parse(readFileSync(`${POINT_E_FIXTURES}tokenizer.json`, 'utf8')) as {
  contextLength: number;
  cases: { text: string; ids: number[] }[];
};

describe('ClipTokenizer', () => {
  let tok: ClipTokenizer;
  before(async () => {
    tok = await ClipTokenizer.load();
  });

  it(`matches clip.tokenize on all ${fixture.cases.length} reference strings`, () => {
    assert.ok(fixture.cases.length >= 200);
    const wrong: string[] = [];
    for (const { text, ids } of fixture.cases) {
      const ours = tok.tokenize(text, fixture.contextLength);
      assert.equal(ours.length, fixture.contextLength);
      const expected = [...ids, ...new Array(fixture.contextLength - ids.length).fill(0)];
      if (JSON.stringify(ours) !== JSON.stringify(expected)) wrong.push(JSON.stringify(text));
    }
    assert.deepEqual(wrong, [], `${wrong.length} strings differ`);
  });

  it('adds start/end tokens, pads with zeros, and truncates keeping the end token', () => {
    const ids = tok.tokenize('a red chair');
    assert.deepEqual(ids.slice(0, 5), [tok.sot, 320, 736, 4269, tok.eot]);
    assert.ok(ids.slice(5).every((v) => v === 0));
    const long = tok.tokenize('chair '.repeat(100));
    assert.equal(long.length, 77);
    assert.equal(long[76], tok.eot);
    assert.equal(tok.sot, 49406);
    assert.equal(tok.eot, 49407);
    assert.deepEqual(tok.tokenize('', 8), [49406, 49407, 0, 0, 0, 0, 0, 0]);
  });

  it('unescapes HTML as Python does (with and without semicolons)', () => {
    assert.equal(htmlUnescape('&amp; &lt;b&gt; &#39;x&#x27; &eacute; &ampx &notin'), "& <b> 'x' é &x ¬in");
    assert.equal(htmlUnescape('&#128; &#0; &bogus;'), '€ \ufffd &bogus;');
  });

  it('rejects a vocabulary with the wrong number of merges', () => {
    assert.throws(() => new ClipTokenizer('header\na b\n'), /merges/);
  });
});
