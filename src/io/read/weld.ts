export interface WeldResult {
  /** For every input vertex, the index of its welded vertex. */
  remap: Uint32Array;
  /** The distinct positions, x,y,z each, in order of first appearance. */
  positions: Float32Array;
}

/**
 * Merges vertices whose positions are bit-identical (−0 and +0 count as equal) with an
 * open-addressing hash table over the float bits: O(n), no per-vertex objects. This is the
 * "same point" that mesh topology is defined on: a cube exported with split normals and UVs has 24
 * vertices but 8 welded positions.
 *
 * @example
 * const { remap, positions } = weldPositions(mesh.positions);
 */
export function weldPositions(input: Float32Array): WeldResult {
  const n = input.length / 3;
  if (!Number.isInteger(n)) throw new Error('weldPositions: positions length is not a multiple of 3');
  const bits = new Uint32Array(input.buffer, input.byteOffset, input.length);
  let cap = 16;
  while (cap < n * 2) cap <<= 1;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const remap = new Uint32Array(n);
  const out = new Uint32Array(input.length);
  let unique = 0;
  for (let i = 0; i < n; i++) {
    const i3 = i * 3;
    const x = input[i3] === 0 ? 0 : bits[i3];
    const y = input[i3 + 1] === 0 ? 0 : bits[i3 + 1];
    const z = input[i3 + 2] === 0 ? 0 : bits[i3 + 2];
    let h =
      Math.imul(x, 0x9e3779b1) ^
      Math.imul(y ^ (y >>> 16), 0x85ebca77) ^
      Math.imul(z ^ (z >>> 13), 0xc2b2ae3d);
    h = (h ^ (h >>> 15) ^ (h >>> 7)) & mask;
    for (;;) {
      const s = table[h];
      if (s < 0) {
        table[h] = unique;
        const u3 = unique * 3;
        out[u3] = x;
        out[u3 + 1] = y;
        out[u3 + 2] = z;
        remap[i] = unique++;
        break;
      }
      const s3 = s * 3;
      if (out[s3] === x && out[s3 + 1] === y && out[s3 + 2] === z) {
        remap[i] = s;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { remap, positions: new Float32Array(out.buffer.slice(0, unique * 12)) };
}
