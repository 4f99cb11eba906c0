/**
 * One part's triangle mesh as an FBX `Geometry` object: control points, polygons and the layer
 * elements (normals, UVs, vertex colours, material) that Blender, Assimp and the FBX SDK read.
 */
import type { Mesh } from '../../asset/asset.js';
import type { FbxNode } from './binary.js';
import { int, intNode, long, nameClass, node, Properties70, str, strNode } from './nodes.js';

/** Name of the single UV layer; Blender's default, so a round trip through Blender keeps it. */
export const FBX_UV_SET = 'UVMap';

/** Linear 0–1 to the sRGB transfer curve (what FBX vertex colours hold by convention). */
export function linearToSrgb(c: number): number {
  const x = c > 0 ? Math.min(c, 1) : 0;
  return x <= 0.0031308 ? x * 12.92 : 1.055 * x ** (1 / 2.4) - 0.055;
}

/**
 * The layout of each layer. Normals are per control point (`ByVertice`): our meshes are already
 * split where normals differ, and per-corner normals would triple the largest array in the file.
 * UVs and colours use per-corner indices into per-vertex tables (`ByPolygonVertex` +
 * `IndexToDirect`), the layout every FBX reader handles; the index array is the triangle list
 * itself, shared by both layers and so compressed once.
 */
function layerElement(
  type: string,
  name: string,
  mapping: 'ByVertice' | 'ByPolygonVertex' | 'AllSame',
  reference: 'Direct' | 'IndexToDirect',
  version: number,
  data: FbxNode[],
): FbxNode {
  return node(
    type,
    [int(0)],
    [
      intNode('Version', version),
      strNode('Name', name),
      strNode('MappingInformationType', mapping),
      strNode('ReferenceInformationType', reference),
      ...data,
    ],
  );
}

/**
 * Builds the `Geometry` record of one mesh. Positions are written in metres (the file declares
 * 100 cm per unit); UVs are flipped to FBX's bottom-left origin; linear vertex colours are
 * encoded to sRGB with alpha 1.
 *
 * @example
 * const geometry = geometryRecord(2001, 'seat', part.mesh);
 */
export function geometryRecord(id: number, name: string, mesh: Mesh): FbxNode {
  const n = mesh.positions.length / 3;
  const triangles = mesh.indices.length / 3;

  const vertices = Float64Array.from(mesh.positions);
  const polygons = new Int32Array(mesh.indices.length);
  const corners = new Int32Array(mesh.indices.length);
  for (let t = 0; t < triangles; t++) {
    const k = t * 3;
    const a = mesh.indices[k];
    const b = mesh.indices[k + 1];
    const c = mesh.indices[k + 2];
    polygons[k] = a;
    polygons[k + 1] = b;
    // A negative (bit-inverted) index closes each polygon.
    polygons[k + 2] = ~c;
    corners[k] = a;
    corners[k + 1] = b;
    corners[k + 2] = c;
  }

  const normals = new Float64Array(n * 3);
  for (let i = 0; i < normals.length; i++) {
    const v = mesh.normals[i];
    normals[i] = Number.isFinite(v) ? v : 0;
  }
  const uvs = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const u = mesh.uvs[i * 2];
    const v = mesh.uvs[i * 2 + 1];
    // Non-finite values (broken input) become 0 rather than NaN that importers choke on.
    uvs[i * 2] = Number.isFinite(u) ? u : 0;
    uvs[i * 2 + 1] = Number.isFinite(v) ? 1 - v : 1;
  }

  const layers: FbxNode[] = [
    layerElement('LayerElementNormal', '', 'ByVertice', 'Direct', 101, [
      node('Normals', [{ type: 'd', value: normals }]),
    ]),
    layerElement('LayerElementUV', FBX_UV_SET, 'ByPolygonVertex', 'IndexToDirect', 101, [
      node('UV', [{ type: 'd', value: uvs }]),
      node('UVIndex', [{ type: 'i', value: corners }]),
    ]),
  ];
  const tableOfContents = [layerRef('LayerElementNormal'), layerRef('LayerElementUV')];
  if (mesh.colors) {
    const colors = new Float64Array(n * 4);
    for (let i = 0; i < n; i++) {
      colors[i * 4] = linearToSrgb(mesh.colors[i * 3]);
      colors[i * 4 + 1] = linearToSrgb(mesh.colors[i * 3 + 1]);
      colors[i * 4 + 2] = linearToSrgb(mesh.colors[i * 3 + 2]);
      colors[i * 4 + 3] = 1;
    }
    layers.push(
      layerElement('LayerElementColor', 'Color', 'ByPolygonVertex', 'IndexToDirect', 101, [
        node('Colors', [{ type: 'd', value: colors }]),
        node('ColorIndex', [{ type: 'i', value: corners }]),
      ]),
    );
    tableOfContents.push(layerRef('LayerElementColor'));
  }
  // Every part has exactly one material: the first (only) one connected to its model.
  layers.push(
    layerElement('LayerElementMaterial', '', 'AllSame', 'IndexToDirect', 101, [
      node('Materials', [{ type: 'i', value: new Int32Array([0]) }]),
    ]),
  );
  tableOfContents.push(layerRef('LayerElementMaterial'));

  return node(
    'Geometry',
    [long(id), str(nameClass(name, 'Geometry')), str('Mesh')],
    [
      new Properties70().node(),
      intNode('GeometryVersion', 124),
      node('Vertices', [{ type: 'd', value: vertices }]),
      node('PolygonVertexIndex', [{ type: 'i', value: polygons }]),
      ...layers,
      node('Layer', [int(0)], [intNode('Version', 100), ...tableOfContents]),
    ],
  );
}

function layerRef(type: string): FbxNode {
  return node('LayerElement', [], [strNode('Type', type), intNode('TypedIndex', 0)]);
}
