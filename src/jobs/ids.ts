import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lowercase.
let lastMs = -1;
let lastRandom: number[] = [];

/**
 * A 26-character, lexicographically time-ordered id (a lowercase ULID): 10 characters of
 * milliseconds then 16 of randomness, incremented within one millisecond so ids created by one
 * process sort in creation order. Time order keeps FIFO ties stable in the queue.
 *
 * @example
 * newId(); // '01j9z3k6w4c0t0q8v3x1m2n5pa'
 */
export function newId(now = Date.now()): string {
  let random: number[];
  if (now === lastMs) {
    random = [...lastRandom];
    for (let i = random.length - 1; i >= 0; i--) {
      random[i] = (random[i] + 1) % 32;
      if (random[i] !== 0) break;
    }
  } else {
    const bytes = randomBytes(16);
    random = [...bytes].map((b) => b % 32);
    lastMs = now;
  }
  lastRandom = random;
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + random.map((r) => ALPHABET[r]).join('');
}

/** Pattern every id accepted from outside must match (ids are never used as paths unchecked). */
export const ID_PATTERN = '^[0-9a-z]{26}$';
const ID_RE = new RegExp(ID_PATTERN);

export function isValidId(id: string): boolean {
  return ID_RE.test(id);
}
