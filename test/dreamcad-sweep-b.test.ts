/**
 * Every family (shard 2 of 2; the other half is in dreamcad-sweep-a.test.ts, so
 * --test-concurrency=2 runs both at once) × 20 seeds × random colour, material, finish and style words:
 * see test/helpers/dreamcad-sweep.ts for what is checked.
 */
import { describe, test } from 'node:test';
import { shard, sweepFamily } from './helpers/dreamcad-sweep.js';

describe('dreamcad family sweep (2/2)', () => {
  for (const family of shard(1, 2)) {
    test(`${family.id}: 20 seeds, random words, three detail levels, validator, same bytes`, () =>
      sweepFamily(family));
  }
});
