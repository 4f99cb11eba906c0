/**
 * The binary FBX container: a tree of named records, each with typed properties and child records,
 * framed by Kaydara's header and footer. This module knows nothing about scenes; `scene.ts` builds
 * the tree. Layout as documented by Blender's `io_scene_fbx/encode_bin.py` (FBX 7.4: 32-bit offsets).
 */
import { endianness } from 'node:os';
import { promisify } from 'node:util';
import { deflate, deflateSync, type ZlibOptions } from 'node:zlib';

const deflateAsync = promisify(deflate);
/**
 * Arrays below this size are deflated on the main thread: a hop to the thread pool costs more
 * than compressing a few kilobytes.
 */
const ASYNC_DEFLATE_ABOVE = 256 * 1024;

/** Array properties: raw little-endian numbers, zlib-compressed when they are large. */
export type FbxArrayProperty =
  | { type: 'i'; value: Int32Array }
  | { type: 'l'; value: BigInt64Array }
  | { type: 'f'; value: Float32Array }
  | { type: 'd'; value: Float64Array }
  | { type: 'b'; value: Uint8Array }
  | { type: 'c'; value: Uint8Array };

/** One typed value on a record; the letters are FBX's own type codes. */
export type FbxProperty =
  | { type: 'C'; value: boolean }
  | { type: 'Y'; value: number }
  | { type: 'I'; value: number }
  | { type: 'L'; value: number | bigint }
  | { type: 'F'; value: number }
  | { type: 'D'; value: number }
  /** A string; `Uint8Array` for names that embed FBX's `\0\x01` name/class separator as bytes. */
  | { type: 'S'; value: string | Uint8Array }
  | { type: 'R'; value: Uint8Array }
  | FbxArrayProperty;

/** A record: `name`, its properties in order, and its child records in order. */
export interface FbxNode {
  name: string;
  props: FbxProperty[];
  children: FbxNode[];
}

export interface FbxEncodeOptions {
  /** File version written in the header and footer; only 7.x up to 7400 (32-bit offsets). */
  version?: number;
  /** zlib level for arrays larger than `compressAbove` bytes; 0 stores them raw. */
  compressionLevel?: number;
  /** Arrays up to this many bytes are stored raw, as Autodesk's converter and Blender do. */
  compressAbove?: number;
}

export const FBX_ENCODE_DEFAULTS: Required<FbxEncodeOptions> = {
  version: 7400,
  // Level 1 is what Blender and Autodesk's converter use: float data barely compresses further at
  // higher levels and would cost several times the time.
  compressionLevel: 1,
  compressAbove: 128,
};

const HEAD_MAGIC = Buffer.from('Kaydara FBX Binary  \x00\x1a\x00', 'latin1');
const SENTINEL_LENGTH = 13;
// The FBX SDK ties FileId, CreationTime and the footer id to each other through a checksum nobody
// has published; these are the values Blender writes, which every importer accepts. Fixed values
// also keep our files reproducible byte for byte.
export const FBX_FILE_ID = Buffer.from('28b32aebb624ccc2bfc8b02aa92bfcf1', 'hex');
export const FBX_CREATION_TIME = '1970-01-01 10:00:00:000';
const FOOT_ID = Buffer.from('fabcab09d0c8d466b176fb831cf7267e', 'hex');
const FOOT_MAGIC = Buffer.from('f85a8c6adef5d97eece90ce3758f290b', 'hex');
// Blender: "those classes of elements seem to need block sentinel even when having no children".
const ALWAYS_SENTINEL = new Set(['AnimationStack', 'AnimationLayer']);
const LITTLE_ENDIAN = endianness() === 'LE';

interface EncodedProp {
  /** Type code and fixed-size payload (scalars, lengths, array headers). */
  head: Buffer;
  /** Variable payload (string bytes, array data) written after `head`, not copied until then. */
  body?: Uint8Array;
}

interface EncodedNode {
  name: Buffer;
  props: EncodedProp[];
  propsLength: number;
  children: EncodedNode[];
  sentinel: boolean;
  /** Bytes from the start of the record to its end, children and sentinel included. */
  size: number;
}

function scalar(code: string, size: number, write: (b: Buffer) => void): EncodedProp {
  const head = Buffer.alloc(1 + size);
  head[0] = code.charCodeAt(0);
  write(head);
  return { head };
}

function bytesProp(code: 'S' | 'R', data: Uint8Array): EncodedProp {
  const head = Buffer.alloc(5);
  head[0] = code.charCodeAt(0);
  head.writeUInt32LE(data.length, 1);
  return { head, body: data };
}

/** The array's bytes in little-endian order, as a view when the machine is little-endian. */
function littleEndianBytes(array: FbxArrayProperty['value']): Buffer {
  const view = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  if (LITTLE_ENDIAN || array.BYTES_PER_ELEMENT === 1) return view;
  const copy = Buffer.from(view);
  return array.BYTES_PER_ELEMENT === 4 ? copy.swap32() : copy.swap64();
}

type ArrayCache = Map<FbxArrayProperty['value'], Promise<EncodedProp>>;

async function arrayProp(prop: FbxArrayProperty, options: Required<FbxEncodeOptions>): Promise<EncodedProp> {
  const raw = littleEndianBytes(prop.value);
  const compress = options.compressionLevel > 0 && raw.length > options.compressAbove;
  // memLevel 9 (the largest hash table) is ~15 % faster than the default on vertex data, same output size.
  const zlib: ZlibOptions = { level: options.compressionLevel, memLevel: 9 };
  // Large arrays deflate on libuv's thread pool, so the big arrays of a file compress in parallel.
  let body: Uint8Array = raw;
  if (compress && raw.length > ASYNC_DEFLATE_ABOVE) {
    // One output chunk for the whole array: the default 16 KiB chunks cost a thread hop each.
    body = await deflateAsync(raw, { ...zlib, chunkSize: raw.length + 1024 });
  } else if (compress) {
    body = deflateSync(raw, zlib);
  }
  const head = Buffer.alloc(13);
  head[0] = prop.type.charCodeAt(0);
  head.writeUInt32LE(prop.value.length, 1);
  head.writeUInt32LE(compress ? 1 : 0, 5);
  head.writeUInt32LE(body.length, 9);
  return { head, body };
}

function encodeProp(prop: FbxProperty, options: Required<FbxEncodeOptions>, cache: ArrayCache) {
  switch (prop.type) {
    case 'C':
      return scalar('C', 1, (b) => b.writeUInt8(prop.value ? 1 : 0, 1));
    case 'Y':
      return scalar('Y', 2, (b) => b.writeInt16LE(prop.value, 1));
    case 'I':
      return scalar('I', 4, (b) => b.writeInt32LE(prop.value, 1));
    case 'L':
      return scalar('L', 8, (b) => b.writeBigInt64LE(BigInt(prop.value), 1));
    case 'F':
      return scalar('F', 4, (b) => b.writeFloatLE(prop.value, 1));
    case 'D':
      return scalar('D', 8, (b) => b.writeDoubleLE(prop.value, 1));
    case 'S':
      return bytesProp('S', typeof prop.value === 'string' ? Buffer.from(prop.value, 'utf8') : prop.value);
    case 'R':
      return bytesProp('R', prop.value);
    default: {
      // The same typed array used twice (e.g. UVIndex and ColorIndex) is compressed once.
      let encoded = cache.get(prop.value);
      if (!encoded) {
        encoded = arrayProp(prop, options);
        cache.set(prop.value, encoded);
      }
      return encoded;
    }
  }
}

async function encodeNode(
  node: FbxNode,
  isLast: boolean,
  options: Required<FbxEncodeOptions>,
  cache: ArrayCache,
): Promise<EncodedNode> {
  const name = Buffer.from(node.name, 'utf8');
  if (name.length > 255) throw new Error(`encodeFbx: record name "${node.name}" is longer than 255 bytes`);
  const [props, children] = await Promise.all([
    Promise.all(node.props.map((p) => encodeProp(p, options, cache))),
    Promise.all(node.children.map((c, i) => encodeNode(c, i === node.children.length - 1, options, cache))),
  ]);
  let propsLength = 0;
  for (const p of props) propsLength += p.head.length + (p.body?.length ?? 0);
  // Children end with a null record; so do empty records, except (oddly) the last of their list.
  const sentinel = children.length > 0 || ((props.length === 0 || ALWAYS_SENTINEL.has(node.name)) && !isLast);
  let size = 13 + name.length + propsLength + (sentinel ? SENTINEL_LENGTH : 0);
  for (const c of children) size += c.size;
  return { name, props, propsLength, children, sentinel, size };
}

/** Zero bytes after the footer id (and its 4 zeros) that align the file to 16; 1–16, never 0. */
function footerPadding(recordsEnd: number): number {
  const afterId = recordsEnd + FOOT_ID.length + 4;
  return ((afterId + 15) & ~15) - afterId || 16;
}

function writeNode(out: Buffer, node: EncodedNode, start: number): number {
  let o = start;
  const end = start + node.size;
  o = out.writeUInt32LE(end, o);
  o = out.writeUInt32LE(node.props.length, o);
  o = out.writeUInt32LE(node.propsLength, o);
  o = out.writeUInt8(node.name.length, o);
  o += node.name.copy(out, o);
  for (const p of node.props) {
    o += p.head.copy(out, o);
    if (p.body) {
      out.set(p.body, o);
      o += p.body.length;
    }
  }
  for (const c of node.children) o = writeNode(out, c, o);
  if (node.sentinel) {
    out.fill(0, o, o + SENTINEL_LENGTH);
    o += SENTINEL_LENGTH;
  }
  return o;
}

/**
 * Serialises top-level records into a binary FBX file. Arrays over 128 bytes are deflated (on the
 * thread pool, in parallel); everything else is written as is.
 *
 * @example
 * const bytes = await encodeFbx([{ name: 'Creator', props: [{ type: 'S', value: 'me' }], children: [] }]);
 */
export async function encodeFbx(records: FbxNode[], options: FbxEncodeOptions = {}): Promise<Uint8Array> {
  const opts = { ...FBX_ENCODE_DEFAULTS, ...options };
  if (opts.version < 7000 || opts.version >= 7500) {
    throw new Error(`encodeFbx: version ${opts.version} is not supported (7000–7499: 32-bit records)`);
  }
  const cache: ArrayCache = new Map();
  const encoded = await Promise.all(
    records.map((r, i) => encodeNode(r, i === records.length - 1, opts, cache)),
  );
  const headerLength = HEAD_MAGIC.length + 4;
  let recordsEnd = headerLength + SENTINEL_LENGTH;
  for (const e of encoded) recordsEnd += e.size;
  const pad = footerPadding(recordsEnd);
  const total = recordsEnd + FOOT_ID.length + 4 + pad + 4 + 120 + FOOT_MAGIC.length;
  if (total > 0xffffffff) {
    throw new Error(`encodeFbx: ${total} bytes exceed the 4 GiB that FBX ${opts.version} can address`);
  }

  const out = Buffer.alloc(total);
  let o = HEAD_MAGIC.copy(out, 0);
  o = out.writeUInt32LE(opts.version, o);
  for (const e of encoded) o = writeNode(out, e, o);
  o += SENTINEL_LENGTH; // the top-level list's null record; `alloc` zero-filled it
  o += FOOT_ID.copy(out, o);
  o += 4 + pad; // zeros
  o = out.writeUInt32LE(opts.version, o);
  o += 120; // zeros
  o += FOOT_MAGIC.copy(out, o);
  if (o !== total) throw new Error(`encodeFbx: wrote ${o} of ${total} bytes`);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
