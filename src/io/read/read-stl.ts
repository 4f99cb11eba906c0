import type { Asset } from '../../asset/asset.js';
import { FileFormatError } from '../../errors.js';
import { defaultMaterial, GrowableF32, meshFromPositions } from './mesh-utils.js';
import type { ReadMeshResult } from './types.js';
import { weldPositions } from './weld.js';

export interface ReadStlOptions {
  /** Merge corners with bit-identical coordinates into one vertex (STL stores every triangle apart). */
  weld?: boolean;
}

export const READ_STL_DEFAULTS: Required<ReadStlOptions> = { weld: true };

/**
 * Reads an STL file, binary or ASCII, into a one-part `Asset`. STL stores a triangle soup; with
 * `weld` (the default) corners at identical coordinates share one vertex, so the mesh has topology.
 * Binary files are recognised by their size (84 + 50 × triangles), not by the "solid" header word,
 * which many binary writers also emit.
 *
 * @example
 * const { asset } = await readStl(await readFile('bracket.stl'));
 */
export async function readStl(bytes: Uint8Array, options: ReadStlOptions = {}): Promise<ReadMeshResult> {
  const opts = { ...READ_STL_DEFAULTS, ...options };
  const soup = isBinaryStl(bytes) ? parseBinary(bytes) : parseAscii(bytes);
  const { positions, indices } = opts.weld ? weldSoup(soup) : identitySoup(soup);
  const asset: Asset = {
    parts: [{ name: 'mesh', mesh: meshFromPositions(positions, indices), material: defaultMaterial() }],
    metadata: { modelName: 'unknown' },
  };
  return { asset, format: 'stl', warnings: [] };
}

function isBinaryStl(bytes: Uint8Array): boolean {
  if (bytes.length < 84) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(80, true);
  if (84 + count * 50 === bytes.length) return true;
  // Not an exact binary size: ASCII if it starts with "solid" and looks like text.
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(512, bytes.length)));
  return !/^\s*solid[\s\S]*facet/i.test(head) && !/^\s*solid\s*$/i.test(head.split('\n')[0] ?? '');
}

function parseBinary(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(80, true);
  if (84 + count * 50 > bytes.length) {
    throw new FileFormatError(
      `readStl: binary STL declares ${count} triangles but is only ${bytes.length} bytes`,
    );
  }
  const out = new Float32Array(count * 9);
  for (let t = 0; t < count; t++) {
    const o = 84 + t * 50 + 12;
    for (let k = 0; k < 9; k++) out[t * 9 + k] = view.getFloat32(o + k * 4, true);
  }
  return out;
}

function parseAscii(bytes: Uint8Array): Float32Array {
  const text = new TextDecoder().decode(bytes);
  if (!/^\s*solid/i.test(text)) throw new FileFormatError('readStl: neither a binary nor an ASCII STL file');
  const out = new GrowableF32(4096);
  const re = /vertex\s+(\S+)\s+(\S+)\s+(\S+)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(Number(m[1]));
    out.push(Number(m[2]));
    out.push(Number(m[3]));
  }
  if (out.length % 9 !== 0) throw new FileFormatError('readStl: an ASCII facet does not have three vertices');
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out.data[i]))
      throw new FileFormatError('readStl: a vertex coordinate is not a number');
  }
  return out.toArray();
}

function identitySoup(soup: Float32Array) {
  const indices = new Uint32Array(soup.length / 3);
  for (let i = 0; i < indices.length; i++) indices[i] = i;
  return { positions: soup, indices };
}

function weldSoup(soup: Float32Array): { positions: Float32Array; indices: Uint32Array } {
  const { remap, positions } = weldPositions(soup);
  return { positions, indices: remap };
}
