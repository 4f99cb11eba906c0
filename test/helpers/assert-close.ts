import assert from 'node:assert/strict';

/**
 * Asserts two number lists have the same length and agree element-wise within `tolerance`,
 * reporting the first index that differs.
 *
 * @example
 * assertClose(box.min, [-1.5, 0, -0.5], 1e-6, 'min corner');
 */
export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance = 1e-6,
  message = 'values',
): void {
  assert.equal(actual.length, expected.length, `${message}: length ${actual.length} ≠ ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    assert.ok(
      diff <= tolerance,
      `${message}[${i}]: ${actual[i]} differs from ${expected[i]} by ${diff} (> ${tolerance})`,
    );
  }
}
