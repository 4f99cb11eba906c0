import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertValidPrompt, InvalidPromptError, MAX_PROMPT_LENGTH, validatePrompt } from '../src/index.js';

describe('prompt validation', () => {
  it('accepts ordinary prompts and trims them', () => {
    assert.equal(validatePrompt('a wooden chair'), true);
    assert.equal(validatePrompt('une chaise en bois — très belle ✓'), true);
    assert.equal(validatePrompt('a lamp\nwith a shade'), true);
    assert.equal(assertValidPrompt('  a mug \t'), 'a mug');
    assert.equal(validatePrompt('x'.repeat(MAX_PROMPT_LENGTH)), true);
  });

  const cases: [string, unknown, RegExp][] = [
    ['empty', '', /empty/],
    ['blank', ' \n\t ', /empty/],
    ['too long', 'x'.repeat(MAX_PROMPT_LENGTH + 1), new RegExp(`at most ${MAX_PROMPT_LENGTH}`)],
    ['NUL', 'a\u0000chair', /control character \(U\+0000\)/],
    ['escape', 'a \u001b[31mred chair', /U\+001b/],
    ['C1 control', 'a\u0085chair', /U\+0085/],
    ['not a string', 42, /must be a string/],
    ['null', null, /not null/],
  ];
  for (const [label, prompt, why] of cases) {
    it(`rejects ${label} with a reason`, () => {
      assert.equal(validatePrompt(prompt), false);
      assert.throws(
        () => assertValidPrompt(prompt),
        (err: unknown) =>
          err instanceof InvalidPromptError && err.code === 'INVALID_PROMPT' && why.test(err.message),
      );
    });
  }
});
