import type { Asset, Mesh } from '../../asset/asset.js';
import { FileFormatError } from '../../errors.js';
import { computeVertexNormals, defaultMaterial, GrowableU32 } from './mesh-utils.js';
import type { ReadMeshResult } from './types.js';

export interface ReadPlyOptions {
  /** Fan-triangulate polygons with more than three corners (otherwise they are skipped with a warning). */
  triangulate?: boolean;
}

export const READ_PLY_DEFAULTS: Required<ReadPlyOptions> = { triangulate: true };

type Scalar = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'float64';

const TYPE_ALIASES: Record<string, Scalar> = {
  char: 'int8',
  int8: 'int8',
  uchar: 'uint8',
  uint8: 'uint8',
  short: 'int16',
  int16: 'int16',
  ushort: 'uint16',
  uint16: 'uint16',
  int: 'int32',
  int32: 'int32',
  uint: 'uint32',
  uint32: 'uint32',
  float: 'float32',
  float32: 'float32',
  double: 'float64',
  float64: 'float64',
};

const SIZES: Record<Scalar, number> = {
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  float64: 8,
};

interface Property {
  name: string;
  type: Scalar;
  /** Set for list properties: the type of the count that precedes the items. */
  countType?: Scalar;
}

interface Element {
  name: string;
  count: number;
  properties: Property[];
}

/**
 * Reads a PLY file (ASCII, binary little- or big-endian) into a one-part `Asset`: positions,
 * normals (nx, ny, nz), UVs (u/v, s/t or texture_u/texture_v), vertex colours (red, green, blue;
 * 8-bit values are scaled to 0–1) and faces (vertex_indices or vertex_index). Other elements are
 * skipped. A file without a face element is read as a point cloud (`mesh.mode === 'points'`).
 *
 * @example
 * const { asset } = await readPly(await readFile('scan.ply'));
 */
export async function readPly(bytes: Uint8Array, options: ReadPlyOptions = {}): Promise<ReadMeshResult> {
  const opts = { ...READ_PLY_DEFAULTS, ...options };
  const warnings: string[] = [];
  const { elements, format, bodyStart } = parseHeader(bytes);
  const vertexEl = elements.find((e) => e.name === 'vertex');
  if (!vertexEl) throw new FileFormatError('readPly: the file has no "vertex" element');
  const n = vertexEl.count;
  const positions = new Float32Array(n * 3);
  const normalsIn = new Float32Array(n * 3);
  const uvs = new Float32Array(n * 2);
  const colors = new Float32Array(n * 3);
  const vp = vertexEl.properties;
  const slot = (names: string[]) => vp.findIndex((p) => names.includes(p.name) && !p.countType);
  const slots = {
    x: slot(['x']),
    y: slot(['y']),
    z: slot(['z']),
    nx: slot(['nx']),
    ny: slot(['ny']),
    nz: slot(['nz']),
    u: slot(['u', 's', 'texture_u', 'texture_s']),
    v: slot(['v', 't', 'texture_v', 'texture_t']),
    r: slot(['red', 'r', 'diffuse_red']),
    g: slot(['green', 'g', 'diffuse_green']),
    b: slot(['blue', 'b', 'diffuse_blue']),
  };
  if (slots.x < 0 || slots.y < 0 || slots.z < 0)
    throw new FileFormatError('readPly: vertices lack x, y or z');
  const hasNormals = slots.nx >= 0 && slots.ny >= 0 && slots.nz >= 0;
  const hasColors = slots.r >= 0 && slots.g >= 0 && slots.b >= 0;
  const colorScale =
    hasColors && vp[slots.r].type === 'uint8'
      ? 1 / 255
      : hasColors && vp[slots.r].type === 'uint16'
        ? 1 / 65535
        : 1;
  const indices = new GrowableU32(1 << 16);
  let skippedPolygons = 0;

  const values = new Float64Array(vp.length);
  const onVertex = (i: number) => {
    positions[i * 3] = values[slots.x];
    positions[i * 3 + 1] = values[slots.y];
    positions[i * 3 + 2] = values[slots.z];
    if (hasNormals) {
      normalsIn[i * 3] = values[slots.nx];
      normalsIn[i * 3 + 1] = values[slots.ny];
      normalsIn[i * 3 + 2] = values[slots.nz];
    }
    if (slots.u >= 0 && slots.v >= 0) {
      uvs[i * 2] = values[slots.u];
      uvs[i * 2 + 1] = values[slots.v];
    }
    if (hasColors) {
      colors[i * 3] = values[slots.r] * colorScale;
      colors[i * 3 + 1] = values[slots.g] * colorScale;
      colors[i * 3 + 2] = values[slots.b] * colorScale;
    }
  };
  const onPolygon = (poly: ArrayLike<number>, len: number) => {
    if (len < 3) return;
    if (len > 3 && !opts.triangulate) {
      skippedPolygons++;
      return;
    }
    for (let k = 1; k + 1 < len; k++) {
      indices.push(poly[0]);
      indices.push(poly[k]);
      indices.push(poly[k + 1]);
    }
  };

  if (format === 'ascii') readAscii(bytes, bodyStart, elements, values, onVertex, onPolygon);
  else readBinary(bytes, bodyStart, elements, format === 'binary_little_endian', values, onVertex, onPolygon);
  if (skippedPolygons > 0)
    warnings.push(`readPly: ${skippedPolygons} polygons with more than 3 corners skipped`);

  const idx = indices.toArray();
  for (let i = 0; i < idx.length; i++) {
    if (idx[i] >= n) throw new FileFormatError(`readPly: face index ${idx[i]} ≥ ${n} vertices`);
  }
  // A file with no face element at all is a point cloud (what our writer, Open3D and scanners write).
  const points = !elements.some((e) => e.name === 'face');
  const mesh: Mesh = {
    positions,
    normals: hasNormals ? normalsIn : computeVertexNormals(positions, idx),
    uvs,
    indices: idx,
    ...(hasColors ? { colors } : {}),
    ...(points ? { mode: 'points' as const } : {}),
  };
  const asset: Asset = {
    parts: [{ name: 'mesh', mesh, material: defaultMaterial() }],
    metadata: { modelName: 'unknown' },
  };
  return { asset, format: 'ply', warnings };
}

function parseHeader(bytes: Uint8Array) {
  const probe = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
  if (!probe.startsWith('ply')) throw new FileFormatError('readPly: the file does not start with "ply"');
  const end = probe.search(/end_header\r?\n/);
  if (end < 0) throw new FileFormatError('readPly: no end_header line');
  const headerText = probe.slice(0, end);
  const bodyStart = end + probe.slice(end).indexOf('\n') + 1;
  let format: 'ascii' | 'binary_little_endian' | 'binary_big_endian' | undefined;
  const elements: Element[] = [];
  for (const raw of headerText.split(/\r?\n/)) {
    const t = raw.trim().split(/\s+/);
    if (t[0] === 'format') {
      if (t[1] !== 'ascii' && t[1] !== 'binary_little_endian' && t[1] !== 'binary_big_endian') {
        throw new FileFormatError(`readPly: unknown format "${t[1]}"`);
      }
      format = t[1];
    } else if (t[0] === 'element') {
      const count = Number(t[2]);
      if (!Number.isSafeInteger(count) || count < 0) {
        throw new FileFormatError(`readPly: element "${t[1]}" has a bad count "${t[2] ?? ''}"`);
      }
      elements.push({ name: t[1], count, properties: [] });
    } else if (t[0] === 'property') {
      const el = elements.at(-1);
      if (!el) throw new FileFormatError('readPly: a property comes before any element');
      if (t[1] === 'list') {
        const countType = TYPE_ALIASES[t[2]];
        const type = TYPE_ALIASES[t[3]];
        if (!countType || !type) throw new FileFormatError(`readPly: unknown list type "${t[2]} ${t[3]}"`);
        el.properties.push({ name: t[4], type, countType });
      } else {
        const type = TYPE_ALIASES[t[1]];
        if (!type) throw new FileFormatError(`readPly: unknown property type "${t[1]}"`);
        el.properties.push({ name: t[2], type });
      }
    }
  }
  if (!format) throw new FileFormatError('readPly: no format line');
  // Every element takes at least a byte (binary) or two characters (ASCII) per property: a count
  // the file cannot hold is a broken header, refused before anything is allocated for it.
  const body = bytes.length - bodyStart;
  let least = 0;
  for (const el of elements) least += el.count * el.properties.length * (format === 'ascii' ? 2 : 1);
  if (least > body + 1) {
    const el = elements.reduce((a, b) => (b.count > a.count ? b : a));
    throw new FileFormatError(
      `readPly: the header declares ${el.count} "${el.name}" elements, more than the ${body} bytes after it can hold (truncated file?)`,
    );
  }
  return { elements, format, bodyStart };
}

function faceListIndex(el: Element): number {
  return el.properties.findIndex(
    (p) => p.countType && (p.name === 'vertex_indices' || p.name === 'vertex_index'),
  );
}

function readAscii(
  bytes: Uint8Array,
  start: number,
  elements: Element[],
  values: Float64Array,
  onVertex: (i: number) => void,
  onPolygon: (poly: ArrayLike<number>, len: number) => void,
) {
  const text = new TextDecoder('latin1').decode(bytes.subarray(start));
  const tokens = text.split(/\s+/).filter((s) => s.length > 0);
  let p = 0;
  const next = () => {
    if (p >= tokens.length) throw new FileFormatError('readPly: the ASCII body ends early');
    const v = Number(tokens[p]);
    if (Number.isNaN(v)) throw new FileFormatError(`readPly: "${tokens[p].slice(0, 20)}" is not a number`);
    p++;
    return v;
  };
  const poly: number[] = [];
  for (const el of elements) {
    const faceProp = el.name === 'face' ? faceListIndex(el) : -1;
    for (let i = 0; i < el.count; i++) {
      for (let k = 0; k < el.properties.length; k++) {
        const prop = el.properties[k];
        if (prop.countType) {
          const len = next();
          poly.length = 0;
          for (let j = 0; j < len; j++) poly.push(next());
          if (k === faceProp) onPolygon(poly, len);
        } else values[k] = next();
      }
      if (el.name === 'vertex') onVertex(i);
    }
  }
}

function readBinary(
  bytes: Uint8Array,
  start: number,
  elements: Element[],
  little: boolean,
  values: Float64Array,
  onVertex: (i: number) => void,
  onPolygon: (poly: ArrayLike<number>, len: number) => void,
) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = start;
  const get = (type: Scalar): number => {
    if (o + SIZES[type] > bytes.length) throw new FileFormatError('readPly: the binary body ends early');
    let v: number;
    switch (type) {
      case 'int8':
        v = view.getInt8(o);
        break;
      case 'uint8':
        v = view.getUint8(o);
        break;
      case 'int16':
        v = view.getInt16(o, little);
        break;
      case 'uint16':
        v = view.getUint16(o, little);
        break;
      case 'int32':
        v = view.getInt32(o, little);
        break;
      case 'uint32':
        v = view.getUint32(o, little);
        break;
      case 'float32':
        v = view.getFloat32(o, little);
        break;
      default:
        v = view.getFloat64(o, little);
    }
    o += SIZES[type];
    return v;
  };
  const poly = new Uint32Array(256);
  let big: number[] = [];
  for (const el of elements) {
    const faceProp = el.name === 'face' ? faceListIndex(el) : -1;
    for (let i = 0; i < el.count; i++) {
      for (let k = 0; k < el.properties.length; k++) {
        const prop = el.properties[k];
        if (prop.countType) {
          const len = get(prop.countType);
          if (len <= poly.length) {
            for (let j = 0; j < len; j++) poly[j] = get(prop.type);
            if (k === faceProp) onPolygon(poly, len);
          } else {
            big = [];
            for (let j = 0; j < len; j++) big.push(get(prop.type));
            if (k === faceProp) onPolygon(big, len);
          }
        } else values[k] = get(prop.type);
      }
      if (el.name === 'vertex') onVertex(i);
    }
  }
}
