import { deserialize, serialize } from 'node:v8';
import type { Asset } from '../asset/asset.js';

const MAGIC = Buffer.from('DCASSET1');

/**
 * Encodes an asset as the job's master copy: every download format is converted from it later.
 * V8's structured serialization keeps the typed arrays as they are (no float → text round trip),
 * and newer Node versions read what older ones wrote.
 *
 * @example
 * const bytes = encodeAsset(result.asset); const same = decodeAsset(bytes);
 */
export function encodeAsset(asset: Asset): Uint8Array {
  return Buffer.concat([MAGIC, serialize(asset)]);
}

/** Reverses {@link encodeAsset}; throws on bytes that are not a master asset. */
export function decodeAsset(bytes: Uint8Array): Asset {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new TypeError('decodeAsset: not a Dream-CAD master asset (bad header).');
  }
  return deserialize(buf.subarray(MAGIC.length)) as Asset;
}
