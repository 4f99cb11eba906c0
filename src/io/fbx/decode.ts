/**
 * Reads a binary FBX file back into its record tree: the inverse of `encodeFbx`, for tests and for
 * debugging files by hand (like Blender's `fbx2json.py`). It decodes the container only; it does not
 * interpret scenes.
 */
import { inflateSync } from 'node:zlib';
import type { FbxNode, FbxProperty } from './binary.js';

export interface DecodedFbx {
  version: number;
  records: FbxNode[];
}

const MAGIC = 'Kaydara FBX Binary  \x00';

function arrayOf(code: string, bytes: Buffer, length: number, owned: boolean): FbxProperty {
  // Typed arrays cannot view an unaligned offset, so the bytes are copied into a buffer of their
  // own — unless they already are one (freshly inflated, aligned): then they are viewed in place.
  const stride = ARRAY_STRIDE[code] ?? 1;
  const inPlace = owned && bytes.byteOffset % stride === 0;
  const data = inPlace ? bytes.buffer : new Uint8Array(bytes).buffer;
  const offset = inPlace ? bytes.byteOffset : 0;
  switch (code) {
    case 'i':
      return { type: 'i', value: new Int32Array(data, offset, length) };
    case 'l':
      return { type: 'l', value: new BigInt64Array(data, offset, length) };
    case 'f':
      return { type: 'f', value: new Float32Array(data, offset, length) };
    case 'd':
      return { type: 'd', value: new Float64Array(data, offset, length) };
    case 'b':
      return { type: 'b', value: new Uint8Array(data, offset, length) };
    default:
      return { type: 'c', value: new Uint8Array(data, offset, length) };
  }
}

const ARRAY_STRIDE: Record<string, number> = { i: 4, l: 8, f: 4, d: 8, b: 1, c: 1 };

/**
 * Parses a binary FBX 7.x file (32- or 64-bit records). Strings come back as `Uint8Array` when
 * they are not valid UTF-8 or contain the `\0\x01` name/class separator, else as `string`.
 *
 * @example
 * const { records } = decodeFbx(await readFile('chair.fbx'));
 * const objects = records.find((r) => r.name === 'Objects');
 */
export function decodeFbx(bytes: Uint8Array): DecodedFbx {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('decodeFbx: not a binary FBX file');
  const version = buf.readUInt32LE(23);
  const wide = version >= 7500;
  const sentinel = wide ? 25 : 13;
  let o = 27;

  const uint = () => {
    const v = wide ? Number(buf.readBigUInt64LE(o)) : buf.readUInt32LE(o);
    o += wide ? 8 : 4;
    return v;
  };

  const readProp = (): FbxProperty => {
    const code = String.fromCharCode(buf[o++]);
    switch (code) {
      case 'C':
        return { type: 'C', value: buf[o++] !== 0 };
      case 'Y':
        o += 2;
        return { type: 'Y', value: buf.readInt16LE(o - 2) };
      case 'I':
        o += 4;
        return { type: 'I', value: buf.readInt32LE(o - 4) };
      case 'L':
        o += 8;
        return { type: 'L', value: buf.readBigInt64LE(o - 8) };
      case 'F':
        o += 4;
        return { type: 'F', value: buf.readFloatLE(o - 4) };
      case 'D':
        o += 8;
        return { type: 'D', value: buf.readDoubleLE(o - 8) };
      case 'S':
      case 'R': {
        const n = buf.readUInt32LE(o);
        const data = new Uint8Array(buf.subarray(o + 4, o + 4 + n));
        o += 4 + n;
        if (code === 'R') return { type: 'R', value: data };
        const text = Buffer.from(data).toString('utf8');
        const plain = !text.includes('\u0000') && Buffer.byteLength(text) === n && !text.includes('\ufffd');
        return { type: 'S', value: plain ? text : data };
      }
      default: {
        const stride = ARRAY_STRIDE[code];
        if (!stride) throw new Error(`decodeFbx: unknown property type "${code}" at byte ${o - 1}`);
        const length = buf.readUInt32LE(o);
        const encoding = buf.readUInt32LE(o + 4);
        const size = buf.readUInt32LE(o + 8);
        let data = buf.subarray(o + 12, o + 12 + size);
        o += 12 + size;
        // The declared length bounds the inflated size, so a corrupt or hostile array cannot
        // inflate without limit.
        if (encoding === 1) data = inflateSync(data, { maxOutputLength: Math.max(1, length * stride) });
        else if (encoding !== 0) throw new Error(`decodeFbx: unknown array encoding ${encoding}`);
        if (data.length !== length * stride)
          throw new Error(`decodeFbx: array of ${length} has ${data.length} bytes`);
        return arrayOf(code, data, length, encoding === 1);
      }
    }
  };

  const readNode = (): FbxNode | undefined => {
    const start = o;
    const end = uint();
    const count = uint();
    uint(); // property list length
    const nameLength = buf[o++];
    if (end === 0) {
      o = start + sentinel;
      return undefined;
    }
    const name = buf.toString('utf8', o, o + nameLength);
    o += nameLength;
    const props: FbxProperty[] = [];
    for (let i = 0; i < count; i++) props.push(readProp());
    const children: FbxNode[] = [];
    while (o < end) {
      const child = readNode();
      if (!child) break;
      children.push(child);
    }
    if (o !== end) throw new Error(`decodeFbx: record "${name}" ends at ${o}, header says ${end}`);
    return { name, props, children };
  };

  const records: FbxNode[] = [];
  while (o < buf.length) {
    const node = readNode();
    if (!node) break;
    records.push(node);
  }
  return { version, records };
}

/** The first child record called `name`, if any. */
export function fbxChild(node: FbxNode | { children: FbxNode[] }, name: string): FbxNode | undefined {
  return node.children.find((c) => c.name === name);
}
