/**
 * Reads binary FBX 7.x (ours, Blender's, Assimp's, Autodesk's) into an `Asset`: the record tree
 * comes from `decodeFbx`; this module interprets the scene — models and their transforms, mesh
 * geometry with its layers, materials and textures — and converts it to metres, Y up.
 */
import { ImageUtils } from '@gltf-transform/core';
import type { Asset, AssetPart, Material, Mesh, Texture } from '../../asset/asset.js';
import { FileFormatError } from '../../errors.js';
import type { FbxNode, FbxProperty } from '../fbx/binary.js';
import { decodeFbx, fbxChild } from '../fbx/decode.js';
import { computeVertexNormals, defaultMaterial } from './mesh-utils.js';
import type { ReadContext, ReadMeshResult } from './types.js';

export interface ReadFbxOptions {
  /** Read textures (embedded `Video` content, else the file named beside the FBX). */
  textures?: boolean;
}

export const READ_FBX_DEFAULTS: Required<ReadFbxOptions> = { textures: true };

const BINARY_MAGIC = 'Kaydara FBX Binary  \x00';

// ---- 4 × 4 matrices, column-major (m[col * 4 + row]) --------------------------------------------

type Mat4 = Float64Array;

function identity(): Mat4 {
  const m = new Float64Array(16);
  m[0] = m[5] = m[10] = m[15] = 1;
  return m;
}

function multiply(a: Mat4, b: Mat4): Mat4 {
  const out = new Float64Array(16);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      out[c * 4 + r] =
        a[r] * b[c * 4] + a[4 + r] * b[c * 4 + 1] + a[8 + r] * b[c * 4 + 2] + a[12 + r] * b[c * 4 + 3];
    }
  }
  return out;
}

function chain(...ms: Mat4[]): Mat4 {
  return ms.reduce((a, b) => multiply(a, b));
}

function translation(t: readonly number[], sign = 1): Mat4 {
  const m = identity();
  m[12] = sign * t[0];
  m[13] = sign * t[1];
  m[14] = sign * t[2];
  return m;
}

function scaling(s: readonly number[]): Mat4 {
  const m = identity();
  m[0] = s[0];
  m[5] = s[1];
  m[10] = s[2];
  return m;
}

function axisRotation(axis: 0 | 1 | 2, degrees: number): Mat4 {
  const m = identity();
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const [i, j] = axis === 0 ? [1, 2] : axis === 1 ? [2, 0] : [0, 1];
  m[i * 4 + i] = c;
  m[j * 4 + j] = c;
  m[i * 4 + j] = s;
  m[j * 4 + i] = -s;
  return m;
}

/**
 * FBX Euler rotation in degrees. `order` is FBX's `RotationOrder` enum: 0 XYZ (rotate about X
 * first, then Y, then Z: R = Rz·Ry·Rx), 1 XZY, 2 YZX, 3 YXZ, 4 ZXY, 5 ZYX, 6 spheric XYZ (as XYZ).
 */
function eulerRotation(degrees: readonly number[], order = 0): Mat4 {
  const sequences: (0 | 1 | 2)[][] = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 2, 0],
    [1, 0, 2],
    [2, 0, 1],
    [2, 1, 0],
  ];
  const seq = sequences[order] ?? sequences[0];
  let m = identity();
  // The first axis of the order is applied first, so it is the rightmost factor.
  for (const axis of seq) m = multiply(axisRotation(axis, degrees[axis]), m);
  return m;
}

function transpose3(m: Mat4): Mat4 {
  const out = identity();
  for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) out[c * 4 + r] = m[r * 4 + c];
  return out;
}

function determinant3(m: Mat4): number {
  return (
    m[0] * (m[5] * m[10] - m[6] * m[9]) -
    m[4] * (m[1] * m[10] - m[2] * m[9]) +
    m[8] * (m[1] * m[6] - m[2] * m[5])
  );
}

// ---- record helpers --------------------------------------------------------------------------

function numberValue(p: FbxProperty | undefined): number | undefined {
  if (!p) return undefined;
  switch (p.type) {
    case 'C':
      return p.value ? 1 : 0;
    case 'Y':
    case 'I':
    case 'F':
    case 'D':
      return p.value;
    case 'L':
      return Number(p.value);
    default:
      return undefined;
  }
}

function stringValue(p: FbxProperty | undefined): string | undefined {
  if (p?.type !== 'S') return undefined;
  return typeof p.value === 'string' ? p.value : Buffer.from(p.value).toString('utf8');
}

/** An object's name: the part of `name\0\x01Class` before the separator. */
function objectName(p: FbxProperty | undefined): string {
  if (p?.type !== 'S') return '';
  if (typeof p.value === 'string') return p.value.split('\u0000\u0001')[0];
  const bytes = p.value;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0 && bytes[i + 1] === 1) return Buffer.from(bytes.subarray(0, i)).toString('utf8');
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Object ids are int64; they key maps as decimal strings. */
function idKey(p: FbxProperty | undefined): string | undefined {
  if (!p) return undefined;
  if (p.type === 'L' || p.type === 'I') return String(p.value);
  // FBX 6-style string references ("Model::Cube") are not supported, but must not collide with ids.
  return undefined;
}

/** A numeric array child (`Vertices`, `Normals`, …) as doubles or integers; undefined if absent. */
function numericArray(node: FbxNode | undefined, name: string): ArrayLike<number> | undefined {
  const child = node && fbxChild(node, name);
  const p = child?.props[0];
  if (!p) return undefined;
  switch (p.type) {
    case 'd':
    case 'f':
    case 'i':
    case 'b':
    case 'c':
      return p.value;
    case 'l':
      return Float64Array.from(p.value, (v) => Number(v));
    default:
      return undefined;
  }
}

type Props = Map<string, FbxProperty[]>;

/** A `Properties70` block as name → values (the values after the type, label and flags). */
function properties(node: FbxNode | undefined): Props {
  const out: Props = new Map();
  const block = node && fbxChild(node, 'Properties70');
  if (!block) return out;
  for (const p of block.children) {
    const name = stringValue(p.props[0]);
    if (p.name === 'P' && name !== undefined) out.set(name, p.props.slice(4));
  }
  return out;
}

class PropertyReader {
  constructor(
    private readonly own: Props,
    private readonly template: Props = new Map(),
  ) {}
  /** Whether the object itself (not its template) sets the property. */
  has(name: string): boolean {
    return this.own.has(name);
  }
  private values(name: string): FbxProperty[] | undefined {
    return this.own.get(name) ?? this.template.get(name);
  }
  number(name: string, fallback: number): number {
    const v = numberValue(this.values(name)?.[0]);
    return v !== undefined && Number.isFinite(v) ? v : fallback;
  }
  vec3(name: string, fallback: [number, number, number]): [number, number, number] {
    const v = this.values(name);
    if (!v || v.length < 3) return fallback;
    const out = v.slice(0, 3).map(numberValue);
    return out.every((x) => x !== undefined && Number.isFinite(x))
      ? (out as [number, number, number])
      : fallback;
  }
}

// ---- scene -----------------------------------------------------------------------------------

interface FbxObject {
  id: string;
  /** Record name: Model, Geometry, Material, Texture, Video, … */
  kind: string;
  name: string;
  /** The third property: Mesh, Null, LimbNode, Shape, Clip, … */
  subtype: string;
  node: FbxNode;
}

interface Link {
  id: string;
  /** The property an `OP` connection targets (e.g. "DiffuseColor"). */
  property?: string;
}

interface Scene {
  objects: Map<string, FbxObject>;
  /** parent id → children, in file order. */
  children: Map<string, Link[]>;
  /** child id → parents, in file order. */
  parents: Map<string, Link[]>;
  templates: Map<string, Props>;
  settings: PropertyReader;
}

function buildScene(records: FbxNode[]): Scene {
  const top = (name: string) => records.find((r) => r.name === name);
  const objects = new Map<string, FbxObject>();
  for (const node of top('Objects')?.children ?? []) {
    const id = idKey(node.props[0]);
    if (id === undefined) continue;
    objects.set(id, {
      id,
      kind: node.name,
      name: objectName(node.props[1]),
      subtype: stringValue(node.props[2]) ?? '',
      node,
    });
  }
  const children = new Map<string, Link[]>();
  const parents = new Map<string, Link[]>();
  for (const c of top('Connections')?.children ?? []) {
    if (c.name !== 'C') continue;
    const child = idKey(c.props[1]);
    const parent = idKey(c.props[2]);
    if (child === undefined || parent === undefined) continue;
    const property = stringValue(c.props[3]);
    const push = (map: Map<string, Link[]>, key: string, link: Link) => {
      const list = map.get(key);
      if (list) list.push(link);
      else map.set(key, [link]);
    };
    push(children, parent, { id: child, property });
    push(parents, child, { id: parent, property });
  }
  const templates = new Map<string, Props>();
  for (const t of top('Definitions')?.children ?? []) {
    const type = stringValue(t.props[0]);
    const template = fbxChild(t, 'PropertyTemplate');
    if (t.name === 'ObjectType' && type && template) templates.set(type, properties(template));
  }
  return {
    objects,
    children,
    parents,
    templates,
    settings: new PropertyReader(properties(top('GlobalSettings'))),
  };
}

function propsOf(scene: Scene, object: FbxObject): PropertyReader {
  return new PropertyReader(properties(object.node), scene.templates.get(object.kind));
}

/** A model's own transform (FBX's full pivot chain) and its geometric (object-only) transform. */
function modelTransforms(p: PropertyReader): { local: Mat4; geometric: Mat4 } {
  const zero: [number, number, number] = [0, 0, 0];
  const one: [number, number, number] = [1, 1, 1];
  // As Blender's importer: pre/post rotations and the rotation order count only when RotationActive.
  const active = p.number('RotationActive', 0) !== 0;
  const order = active ? p.number('RotationOrder', 0) : 0;
  const rotationPivot = p.vec3('RotationPivot', zero);
  const scalingPivot = p.vec3('ScalingPivot', zero);
  const preRotation = active ? eulerRotation(p.vec3('PreRotation', zero)) : identity();
  const postRotation = active ? eulerRotation(p.vec3('PostRotation', zero)) : identity();
  const local = chain(
    translation(p.vec3('Lcl Translation', zero)),
    translation(p.vec3('RotationOffset', zero)),
    translation(rotationPivot),
    preRotation,
    eulerRotation(p.vec3('Lcl Rotation', zero), order),
    transpose3(postRotation),
    translation(rotationPivot, -1),
    translation(p.vec3('ScalingOffset', zero)),
    translation(scalingPivot),
    scaling(p.vec3('Lcl Scaling', one)),
    translation(scalingPivot, -1),
  );
  const geometric = chain(
    translation(p.vec3('GeometricTranslation', zero)),
    eulerRotation(p.vec3('GeometricRotation', zero)),
    scaling(p.vec3('GeometricScaling', one)),
  );
  return { local, geometric };
}

/**
 * File axes and units to ours (metres, +Y up, right-handed): the up axis becomes +Y, the coord
 * axis +X, and +Z completes a right-handed frame — what Blender's and Unity's importers do. The
 * front axis is not needed for that (exporters disagree on its sign convention).
 */
function sceneToAsset(settings: PropertyReader, warnings: string[]): Mat4 {
  let up = settings.number('UpAxis', 1);
  let upSign = settings.number('UpAxisSign', 1) < 0 ? -1 : 1;
  let coord = settings.number('CoordAxis', 0);
  let coordSign = settings.number('CoordAxisSign', 1) < 0 ? -1 : 1;
  if (![0, 1, 2].includes(up) || ![0, 1, 2].includes(coord) || up === coord) {
    warnings.push(
      `readFbx: unusable axis settings (UpAxis ${up}, CoordAxis ${coord}); assuming Y up, X right`,
    );
    [up, upSign, coord, coordSign] = [1, 1, 0, 1];
  }
  const x = [0, 0, 0];
  const y = [0, 0, 0];
  x[coord] = coordSign;
  y[up] = upSign;
  const z = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
  // UnitScaleFactor: centimetres per file unit.
  let unit = settings.number('UnitScaleFactor', 1);
  if (!(unit > 0)) {
    warnings.push(`readFbx: UnitScaleFactor ${unit} is not positive; assuming centimetres`);
    unit = 1;
  }
  const s = unit / 100;
  const m = identity();
  // Rows of the rotation are the file-space vectors that become our X, Y and Z.
  for (let c = 0; c < 3; c++) {
    m[c * 4] = s * x[c];
    m[c * 4 + 1] = s * y[c];
    m[c * 4 + 2] = s * z[c];
  }
  return m;
}

// ---- geometry --------------------------------------------------------------------------------

type Mapping = 'corner' | 'vertex' | 'polygon' | 'all';

interface Layer {
  data: Float64Array;
  index?: Int32Array;
  mapping: Mapping;
  width: number;
  count: number;
}

const MAPPINGS: Record<string, Mapping> = {
  ByPolygonVertex: 'corner',
  ByVertice: 'vertex',
  ByVertex: 'vertex',
  ByControlPoint: 'vertex',
  ByPolygon: 'polygon',
  AllSame: 'all',
};

function float64(a: ArrayLike<number>): Float64Array {
  return a instanceof Float64Array ? a : Float64Array.from(a);
}

function int32(a: ArrayLike<number>): Int32Array {
  return a instanceof Int32Array ? a : Int32Array.from(a);
}

function readLayer(
  geometry: FbxNode,
  element: string,
  dataName: string,
  indexName: string,
  width: number,
  label: string,
  warnings: string[],
): Layer | undefined {
  // The first layer element of the type (TypedIndex 0): the one every importer uses.
  const node = geometry.children.find((c) => c.name === element);
  if (!node) return undefined;
  const mappingName = stringValue(fbxChild(node, 'MappingInformationType')?.props[0]) ?? 'ByPolygonVertex';
  const reference = stringValue(fbxChild(node, 'ReferenceInformationType')?.props[0]) ?? 'Direct';
  const mapping = MAPPINGS[mappingName];
  if (!mapping) {
    warnings.push(`readFbx: "${label}" maps ${element} ${mappingName}, which is not supported; ignored`);
    return undefined;
  }
  const data = numericArray(node, dataName);
  if (!data || data.length < width) return undefined;
  const indexed = reference === 'IndexToDirect' || reference === 'Index';
  const index = indexed ? numericArray(node, indexName) : undefined;
  if (indexed && !index && element !== 'LayerElementMaterial') {
    warnings.push(`readFbx: "${label}" ${element} lacks ${indexName}; read as Direct`);
  }
  return {
    data: float64(data),
    ...(index ? { index: int32(index) } : {}),
    mapping,
    width,
    count: Math.floor(data.length / width),
  };
}

/**
 * The layer's data element for every corner (−1 where the file's index is out of range), in one
 * loop per mapping; also how many corners were out of range.
 */
function resolveLayer(
  layer: Layer,
  cornerVertex: Uint32Array,
  cornerPolygon: Uint32Array,
): { at: Int32Array; bad: number } {
  const n = cornerVertex.length;
  const at = new Int32Array(n);
  const { index, count, mapping } = layer;
  if (mapping === 'corner') for (let c = 0; c < n; c++) at[c] = c;
  else if (mapping === 'vertex') for (let c = 0; c < n; c++) at[c] = cornerVertex[c];
  else if (mapping === 'polygon') for (let c = 0; c < n; c++) at[c] = cornerPolygon[c];
  let bad = 0;
  for (let c = 0; c < n; c++) {
    let i = at[c];
    if (index) i = i < index.length ? index[i] : -1;
    if (i < 0 || i >= count) {
      i = -1;
      bad++;
    }
    at[c] = i;
  }
  return { at, bad };
}

interface GeometryMeshes {
  /** One mesh per material slot the polygons use, keyed by slot. */
  bySlot: Map<number, Mesh & { hasNormals: boolean }>;
}

function srgbToLinear(c: number): number {
  const x = c > 0 ? Math.min(c, 1) : 0;
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
}

/**
 * Converts one `Geometry` (type Mesh) into triangle meshes, one per material slot: polygons are
 * fan-triangulated, and corners with equal control point, normal, UV and colour share a vertex.
 */
function convertGeometry(geometry: FbxObject, warnings: string[]): GeometryMeshes {
  const g = geometry.node;
  const label = geometry.name || `geometry ${geometry.id}`;
  const cp = float64(numericArray(g, 'Vertices') ?? []);
  const pvi = int32(numericArray(g, 'PolygonVertexIndex') ?? []);
  const nControl = Math.floor(cp.length / 3);
  const nCorners = pvi.length;

  const normals = readLayer(g, 'LayerElementNormal', 'Normals', 'NormalsIndex', 3, label, warnings);
  const uvs = readLayer(g, 'LayerElementUV', 'UV', 'UVIndex', 2, label, warnings);
  const colors = readLayer(g, 'LayerElementColor', 'Colors', 'ColorIndex', 4, label, warnings);
  const materials = readLayer(g, 'LayerElementMaterial', 'Materials', 'Materials', 1, label, warnings);
  if (materials) {
    // Material indices are the data themselves (Materials), whatever the reference type says.
    materials.index = undefined;
  }

  // Corner → polygon, and the polygons' extents.
  const cornerVertex = new Uint32Array(nCorners);
  const cornerPolygon = new Uint32Array(nCorners);
  // Where each polygon's corners start (one more entry closes the last).
  const starts = new Int32Array(nCorners + 1);
  let polygon = 0;
  let start = 0;
  let shortPolygons = 0;
  for (let c = 0; c < nCorners; c++) {
    let v = pvi[c];
    const last = v < 0;
    if (last) v = ~v;
    if (!(v >= 0 && v < nControl)) {
      throw new FileFormatError(
        `readFbx: "${label}" polygon corner ${c} uses control point ${v}, but there are ${nControl}`,
      );
    }
    cornerVertex[c] = v;
    cornerPolygon[c] = polygon;
    if (last || c === nCorners - 1) {
      if (!last) warnings.push(`readFbx: "${label}" ends with an unterminated polygon; closed it`);
      if (c + 1 - start < 3) shortPolygons++;
      starts[polygon++] = start;
      start = c + 1;
    }
  }
  starts[polygon] = nCorners;
  const polygonStart = starts.subarray(0, polygon + 1);
  if (shortPolygons > 0) {
    warnings.push(
      `readFbx: "${label}" has ${shortPolygons} polygons with fewer than 3 corners (edges, points); skipped`,
    );
  }

  // Deduplicate corners on (slot, control point, normal, UV, colour) values with a hash table.
  const resolved = [normals, uvs, colors, materials].map((l) =>
    l ? resolveLayer(l, cornerVertex, cornerPolygon) : undefined,
  );
  const badLayerIndex = resolved.slice(0, 3).reduce((n, r) => n + (r?.bad ?? 0), 0);
  const nAt = resolved[0]?.at;
  const uvAt = resolved[1]?.at;
  const colorAt = resolved[2]?.at;
  const slotAt = resolved[3]?.at;
  const nData = normals?.data;
  const uvData = uvs?.data;
  const colorData = colors?.data;
  const slotData = materials?.data;
  const width = 2 + (normals ? 3 : 0) + (uvs ? 2 : 0) + (colors ? 4 : 0);
  const row = new Uint32Array(width);
  const rowF = new Float32Array(row.buffer);
  // Corners grouped by control point (a counting sort, in corner order), so equal corners are
  // found by comparing within a control point's few corners, and vertices come out numbered in
  // control-point order (first use breaks ties): a file whose layers are all per control point
  // (ours) reads back with the vertex order it was written with.
  const bucket = new Uint32Array(nControl + 1);
  for (let c = 0; c < nCorners; c++) bucket[cornerVertex[c] + 1]++;
  for (let v = 0; v < nControl; v++) bucket[v + 1] += bucket[v];
  const cursor = bucket.slice(0, nControl);
  const byVertex = new Uint32Array(nCorners);
  for (let c = 0; c < nCorners; c++) byVertex[cursor[cornerVertex[c]]++] = c;
  let rows = new Uint32Array(Math.max(16, Math.min(nCorners, nControl + 16)) * width);
  let unique = 0;
  const cornerOut = new Uint32Array(nCorners);
  /** Large buckets (a fan's hub) are matched through a map rather than pairwise. */
  let byRow: Map<string, number> | undefined;
  for (let v = 0; v < nControl; v++) {
    const first = unique;
    const large = bucket[v + 1] - bucket[v] > 32;
    if (large) byRow = new Map();
    for (let b = bucket[v]; b < bucket[v + 1]; b++) {
      const c = byVertex[b];
      const p = cornerPolygon[c];
      // Corners of skipped polygons (edges, points) make no vertices.
      if (polygonStart[p + 1] - polygonStart[p] < 3) continue;
      let slot = 0;
      if (slotAt && slotData) {
        // A polygon has one material: its first corner's, whatever the mapping says.
        const i = slotAt[polygonStart[p]];
        slot = i >= 0 && slotData[i] > 0 ? slotData[i] : 0;
      }
      row[0] = slot;
      row[1] = v;
      let k = 2;
      if (nAt && nData) {
        const i = nAt[c] * 3;
        rowF[k++] = i < 0 ? 0 : nData[i];
        rowF[k++] = i < 0 ? 0 : nData[i + 1];
        rowF[k++] = i < 0 ? 0 : nData[i + 2];
      }
      if (uvAt && uvData) {
        const i = uvAt[c] * 2;
        rowF[k++] = i < 0 ? 0 : uvData[i];
        rowF[k++] = i < 0 ? 0 : uvData[i + 1];
      }
      if (colorAt && colorData) {
        const i = colorAt[c] * 4;
        rowF[k++] = i < 0 ? 0 : colorData[i];
        rowF[k++] = i < 0 ? 0 : colorData[i + 1];
        rowF[k++] = i < 0 ? 0 : colorData[i + 2];
        rowF[k++] = i < 0 ? 0 : colorData[i + 3];
      }
      let match = -1;
      if (large && byRow) {
        const key = row.join(',');
        match = byRow.get(key) ?? -1;
        if (match < 0) byRow.set(key, unique);
      } else {
        for (let u = first; u < unique && match < 0; u++) {
          let same = true;
          for (let j = 0, o = u * width; j < width; j++) {
            if (rows[o + j] !== row[j]) {
              same = false;
              break;
            }
          }
          if (same) match = u;
        }
      }
      if (match >= 0) {
        cornerOut[c] = match;
        continue;
      }
      if ((unique + 1) * width > rows.length) {
        const next = new Uint32Array(rows.length * 2);
        next.set(rows);
        rows = next;
      }
      for (let j = 0, o = unique * width; j < width; j++) rows[o + j] = row[j];
      cornerOut[c] = unique++;
    }
  }
  if (badLayerIndex > 0) {
    warnings.push(
      `readFbx: "${label}" has ${badLayerIndex} layer indices out of range; those values read as 0`,
    );
  }

  // Split the unique vertices by slot and build each slot's mesh.
  const rowsF = new Float32Array(rows.buffer, 0, unique * width);
  const slotOf = (u: number) => rows[u * width];
  const slotVertexCount = new Map<number, number>();
  const local = new Uint32Array(unique);
  for (let u = 0; u < unique; u++) {
    const s = slotOf(u);
    const n = slotVertexCount.get(s) ?? 0;
    local[u] = n;
    slotVertexCount.set(s, n + 1);
  }
  const slotTriangles = new Map<number, number>();
  for (let q = 0; q + 1 < polygonStart.length; q++) {
    const size = polygonStart[q + 1] - polygonStart[q];
    if (size < 3) continue;
    const s = slotOf(cornerOut[polygonStart[q]]);
    slotTriangles.set(s, (slotTriangles.get(s) ?? 0) + size - 2);
  }
  const bySlot = new Map<number, Mesh & { hasNormals: boolean }>();
  for (const [s, n] of slotVertexCount) {
    const mesh: Mesh & { hasNormals: boolean } = {
      positions: new Float32Array(n * 3),
      normals: new Float32Array(n * 3),
      uvs: new Float32Array(n * 2),
      indices: new Uint32Array((slotTriangles.get(s) ?? 0) * 3),
      hasNormals: !!normals,
    };
    if (colors) mesh.colors = new Float32Array(n * 3);
    bySlot.set(s, mesh);
  }
  for (let u = 0; u < unique; u++) {
    const mesh = bySlot.get(slotOf(u))!;
    const i = local[u];
    const o = u * width;
    const v = rows[o + 1];
    mesh.positions[i * 3] = cp[v * 3];
    mesh.positions[i * 3 + 1] = cp[v * 3 + 1];
    mesh.positions[i * 3 + 2] = cp[v * 3 + 2];
    let k = o + 2;
    if (normals) {
      mesh.normals[i * 3] = rowsF[k++];
      mesh.normals[i * 3 + 1] = rowsF[k++];
      mesh.normals[i * 3 + 2] = rowsF[k++];
    }
    if (uvs) {
      // FBX puts the UV origin at the bottom left; ours (glTF's) is the top left.
      mesh.uvs[i * 2] = rowsF[k++];
      mesh.uvs[i * 2 + 1] = 1 - rowsF[k++];
    }
    if (colors && mesh.colors) {
      // FBX vertex colours are sRGB-encoded by convention; ours are linear. Alpha is dropped.
      mesh.colors[i * 3] = srgbToLinear(rowsF[k++]);
      mesh.colors[i * 3 + 1] = srgbToLinear(rowsF[k++]);
      mesh.colors[i * 3 + 2] = srgbToLinear(rowsF[k++]);
    }
  }
  const filled = new Map<number, number>();
  for (let q = 0; q + 1 < polygonStart.length; q++) {
    const a = polygonStart[q];
    const size = polygonStart[q + 1] - a;
    if (size < 3) continue;
    const s = slotOf(cornerOut[a]);
    const mesh = bySlot.get(s)!;
    let o = filled.get(s) ?? 0;
    const first = local[cornerOut[a]];
    for (let j = 1; j + 1 < size; j++) {
      mesh.indices[o++] = first;
      mesh.indices[o++] = local[cornerOut[a + j]];
      mesh.indices[o++] = local[cornerOut[a + j + 1]];
    }
    filled.set(s, o);
  }
  return { bySlot };
}

/** Bakes `m` into a mesh: positions, normals by the inverse transpose, winding kept for mirrors. */
function transformMesh(mesh: Mesh & { hasNormals: boolean }, m: Mat4): void {
  const p = mesh.positions;
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i];
    const y = p[i + 1];
    const z = p[i + 2];
    p[i] = m[0] * x + m[4] * y + m[8] * z + m[12];
    p[i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
    p[i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
  }
  const det = determinant3(m);
  if (mesh.hasNormals) {
    // Cofactor matrix = det × inverse transpose: the right direction up to scale and the sign of det.
    const s = det < 0 ? -1 : 1;
    const c = [
      m[5] * m[10] - m[9] * m[6],
      m[9] * m[2] - m[1] * m[10],
      m[1] * m[6] - m[5] * m[2],
      m[8] * m[6] - m[4] * m[10],
      m[0] * m[10] - m[8] * m[2],
      m[4] * m[2] - m[0] * m[6],
      m[4] * m[9] - m[8] * m[5],
      m[8] * m[1] - m[0] * m[9],
      m[0] * m[5] - m[4] * m[1],
    ];
    const n = mesh.normals;
    for (let i = 0; i < n.length; i += 3) {
      const x = n[i];
      const y = n[i + 1];
      const z = n[i + 2];
      const nx = c[0] * x + c[1] * y + c[2] * z;
      const ny = c[3] * x + c[4] * y + c[5] * z;
      const nz = c[6] * x + c[7] * y + c[8] * z;
      const l = s / (Math.sqrt(nx * nx + ny * ny + nz * nz) || 1);
      n[i] = nx * l;
      n[i + 1] = ny * l;
      n[i + 2] = nz * l;
    }
  }
  if (det < 0) {
    const t = mesh.indices;
    for (let i = 0; i < t.length; i += 3) {
      const b = t[i + 1];
      t[i + 1] = t[i + 2];
      t[i + 2] = b;
    }
  }
}

// ---- materials and textures ------------------------------------------------------------------

function clamp01(x: number): number {
  return x > 0 ? Math.min(x, 1) : 0;
}

async function readTexture(
  scene: Scene,
  material: FbxObject,
  context: ReadContext,
  warnings: string[],
): Promise<Texture | undefined> {
  const link = (scene.children.get(material.id) ?? []).find(
    (l) => l.property === 'DiffuseColor' && scene.objects.get(l.id)?.kind === 'Texture',
  );
  const texture = link && scene.objects.get(link.id);
  if (!texture) return undefined;
  const video = (scene.children.get(texture.id) ?? [])
    .map((l) => scene.objects.get(l.id))
    .find((o) => o?.kind === 'Video');
  let data: Uint8Array | undefined;
  const content = video && fbxChild(video.node, 'Content')?.props[0];
  if (content?.type === 'R' && content.value.length > 0) data = content.value;
  const fileNames = [video?.node, texture.node].flatMap((n) =>
    n
      ? ['RelativeFilename', 'FileName', 'Filename']
          .map((k) => stringValue(fbxChild(n, k)?.props[0]))
          .filter((s): s is string => !!s)
      : [],
  );
  if (!data && fileNames.length > 0 && context.readSidecar) {
    for (const name of fileNames) {
      data = await context.readSidecar(name);
      if (data) break;
    }
  }
  if (!data) {
    warnings.push(
      `readFbx: texture "${texture.name}" is neither embedded nor found beside the file${fileNames.length ? ` (${fileNames[0]})` : ''}`,
    );
    return undefined;
  }
  let png = data;
  if (ImageUtils.getMimeType(data) !== 'image/png') {
    try {
      const sharp = (await import('sharp')).default;
      png = new Uint8Array(await sharp(data).png().toBuffer());
    } catch {
      warnings.push(`readFbx: texture "${texture.name}" could not be decoded`);
      return undefined;
    }
  }
  const size = ImageUtils.getSize(png, 'image/png');
  if (!size) return undefined;
  return {
    name: texture.name || 'texture',
    mimeType: 'image/png',
    data: png,
    width: size[0],
    height: size[1],
  };
}

/**
 * An FBX (Phong/Lambert) material as metallic-roughness, inverting the mapping our writer and
 * Blender's exporter use: DiffuseColor (× DiffuseFactor) → base colour, Opacity or
 * 1 − TransparencyFactor → alpha, ReflectionFactor → metallic, Shininess → roughness
 * (1 − √shininess / 10), EmissiveColor × EmissiveFactor → emissive.
 */
async function convertMaterial(
  scene: Scene,
  material: FbxObject,
  context: ReadContext,
  options: Required<ReadFbxOptions>,
  warnings: string[],
): Promise<Material> {
  const p = propsOf(scene, material);
  const diffuse = p.has('DiffuseColor')
    ? p.vec3('DiffuseColor', [0.8, 0.8, 0.8])
    : p.vec3('Diffuse', p.vec3('DiffuseColor', [0.8, 0.8, 0.8]));
  const factor = p.has('DiffuseFactor') ? clamp01(p.number('DiffuseFactor', 1)) : 1;
  const alpha = p.has('Opacity')
    ? p.number('Opacity', 1)
    : p.has('TransparencyFactor')
      ? 1 - p.number('TransparencyFactor', 0)
      : 1;
  const shininess = p.has('Shininess')
    ? p.number('Shininess', 20)
    : p.has('ShininessExponent')
      ? p.number('ShininessExponent', 20)
      : undefined;
  const result: Material = {
    name: material.name || `material_${material.id}`,
    baseColor: [
      clamp01(diffuse[0] * factor),
      clamp01(diffuse[1] * factor),
      clamp01(diffuse[2] * factor),
      clamp01(alpha),
    ],
    metallic: p.has('ReflectionFactor') ? clamp01(p.number('ReflectionFactor', 0)) : 0,
    roughness: shininess === undefined ? 0.9 : clamp01(1 - Math.sqrt(Math.max(0, shininess)) / 10),
  };
  const e = p.vec3('EmissiveColor', [0, 0, 0]);
  const ef = p.number('EmissiveFactor', 1);
  if (p.has('EmissiveColor') && (e[0] || e[1] || e[2]) && ef > 0) {
    result.emissive = [clamp01(e[0] * ef), clamp01(e[1] * ef), clamp01(e[2] * ef)];
  }
  if (options.textures) {
    const texture = await readTexture(scene, material, context, warnings);
    if (texture) result.baseColorTexture = texture;
  }
  return result;
}

// ---- the reader ------------------------------------------------------------------------------

function decode(bytes: Uint8Array): ReturnType<typeof decodeFbx> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64)).toString('latin1');
  if (!head.startsWith(BINARY_MAGIC)) {
    if (/^\s*;\s*FBX/.test(head) || /FBXHeaderExtension\s*:/.test(head)) {
      throw new FileFormatError(
        'readFbx: this is an ASCII FBX file; only binary FBX 7.x can be read (re-export as binary)',
      );
    }
    throw new FileFormatError('readFbx: not a binary FBX file (no "Kaydara FBX Binary" header)');
  }
  if (bytes.byteLength < 27) {
    throw new FileFormatError('readFbx: the file is damaged or truncated (it ends inside its header)');
  }
  const version = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(23);
  if (version < 7000 || version >= 8000) {
    throw new FileFormatError(`readFbx: FBX version ${version} is not supported (binary FBX 7.0–7.7 only)`);
  }
  try {
    return decodeFbx(bytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const message = err instanceof Error ? err.message.replace(/^decodeFbx: /, '') : String(err);
    const why =
      code === 'ERR_OUT_OF_RANGE' || code === 'ERR_BUFFER_OUT_OF_BOUNDS' || /end of file/.test(message)
        ? 'it ends in the middle of a record'
        : code.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE'
          ? `a compressed array is corrupt: ${message}`
          : message;
    throw new FileFormatError(`readFbx: the file is damaged or truncated (${why})`, { cause: err });
  }
}

/** Our writer keeps the asset's metadata in the scene info: the prompt as Title, the rest as JSON Comment. */
function readMetadata(records: FbxNode[], asset: Asset): void {
  const header = records.find((r) => r.name === 'FBXHeaderExtension');
  const meta = header && fbxChild(fbxChild(header, 'SceneInfo') ?? { children: [] }, 'MetaData');
  if (!meta) return;
  const title = stringValue(fbxChild(meta, 'Title')?.props[0]);
  const comment = stringValue(fbxChild(meta, 'Comment')?.props[0]);
  if (title) asset.metadata.prompt = title;
  if (!comment?.startsWith('{')) return;
  try {
    const extra = JSON.parse(comment) as Record<string, unknown>;
    if (typeof extra.modelName === 'string') asset.metadata.modelName = extra.modelName;
    if (typeof extra.seed === 'number') asset.metadata.seed = extra.seed;
  } catch {
    // Someone else's comment: not ours to interpret.
  }
}

/**
 * Reads a binary FBX 7.x file (32- and 64-bit records, zlib-compressed arrays) into an `Asset`:
 * one part per mesh model and material slot, named after the model (and the material when a model
 * has several). Polygons are fan-triangulated; normals, the first UV set and vertex colours are read
 * whatever their mapping (`ByPolygonVertex`, `ByVertice`, `ByPolygon`, `AllSame`; `Direct` or
 * `IndexToDirect`); each model's full transform (translation, rotation with pivots, offsets, pre/post
 * rotation and order, scaling, geometric transform, parents) is baked in, then the file's axes and
 * `UnitScaleFactor` are converted to metres with +Y up. Materials keep their DiffuseColor, opacity
 * and embedded (or beside-the-file) diffuse texture.
 *
 * @example
 * const { asset } = await readFbx(await readFile('chair.fbx'), fileContext('chair.fbx'));
 */
export async function readFbx(
  bytes: Uint8Array,
  context: ReadContext = {},
  options: ReadFbxOptions = {},
): Promise<ReadMeshResult> {
  const opts = { ...READ_FBX_DEFAULTS, ...options };
  const warnings: string[] = [];
  const { records } = decode(bytes);
  const scene = buildScene(records);
  const root = sceneToAsset(scene.settings, warnings);

  // World matrices of models, parents first; a cycle (a broken file) is cut at the repeat.
  const worlds = new Map<string, Mat4>();
  const geometricOf = new Map<string, Mat4>();
  const parentModel = (id: string) =>
    (scene.parents.get(id) ?? []).map((l) => scene.objects.get(l.id)).find((o) => o?.kind === 'Model');
  const world = (model: FbxObject, visiting = new Set<string>()): Mat4 => {
    const known = worlds.get(model.id);
    if (known) return known;
    const { local, geometric } = modelTransforms(propsOf(scene, model));
    geometricOf.set(model.id, geometric);
    visiting.add(model.id);
    const parent = parentModel(model.id);
    const parentWorld = parent && !visiting.has(parent.id) ? world(parent, visiting) : root;
    const m = multiply(parentWorld, local);
    worlds.set(model.id, m);
    return m;
  };

  const parts: AssetPart[] = [];
  const names = new Set<string>();
  const materialCache = new Map<string, Material>();
  const geometryCache = new Map<string, GeometryMeshes>();
  const usedGeometry = new Set<string>();
  let fallback: Material | undefined;
  for (const model of scene.objects.values()) {
    if (model.kind !== 'Model') continue;
    const links = scene.children.get(model.id) ?? [];
    const linked = links.map((l) => scene.objects.get(l.id)).filter((o): o is FbxObject => !!o);
    const geometries = linked.filter((o) => o.kind === 'Geometry' && o.subtype === 'Mesh');
    if (geometries.length === 0) continue;
    const slots = linked.filter((o) => o.kind === 'Material');
    const matrix = multiply(world(model), geometricOf.get(model.id) ?? identity());
    const parent = parentModel(model.id);
    for (const geometry of geometries) {
      usedGeometry.add(geometry.id);
      let converted = geometryCache.get(geometry.id);
      if (!converted) {
        converted = convertGeometry(geometry, warnings);
        geometryCache.set(geometry.id, converted);
      }
      const base = model.name || geometry.name || `mesh_${parts.length}`;
      for (const [slot, source] of converted.bySlot) {
        if (source.indices.length === 0) continue;
        // Each model gets its own copy: a geometry instanced by several models is baked per model.
        const mesh: Mesh & { hasNormals: boolean } = {
          positions: source.positions.slice(),
          normals: source.normals.slice(),
          uvs: source.uvs.slice(),
          indices: source.indices.slice(),
          hasNormals: source.hasNormals,
          ...(source.colors ? { colors: source.colors.slice() } : {}),
        };
        transformMesh(mesh, matrix);
        const { hasNormals, ...plain } = mesh;
        if (!hasNormals) plain.normals = computeVertexNormals(plain.positions, plain.indices);
        const slotObject = slots[slot];
        let material: Material;
        if (slotObject) {
          let cached = materialCache.get(slotObject.id);
          if (!cached) {
            cached = await convertMaterial(scene, slotObject, context, opts, warnings);
            materialCache.set(slotObject.id, cached);
          }
          material = cached;
        } else {
          fallback ??= defaultMaterial();
          material = fallback;
        }
        let name = converted.bySlot.size > 1 ? `${base}_${slotObject?.name || slot}` : base;
        const wanted = name;
        for (let k = 1; names.has(name); k++) name = `${wanted}_${k}`;
        names.add(name);
        const part: AssetPart = { name, mesh: plain, material };
        if (parent?.name) part.object = parent.name;
        parts.push(part);
      }
    }
  }
  const orphans = [...scene.objects.values()].filter(
    (o) => o.kind === 'Geometry' && o.subtype === 'Mesh' && !usedGeometry.has(o.id),
  ).length;
  if (orphans > 0) warnings.push(`readFbx: ${orphans} mesh geometries belong to no model; skipped`);

  const asset: Asset = { parts, metadata: { modelName: 'unknown' } };
  readMetadata(records, asset);
  return { asset, format: 'fbx', warnings };
}
