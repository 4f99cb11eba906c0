import {
  Document,
  type Buffer as GltfBuffer,
  type Material as GltfMaterial,
  type Node as GltfNode,
  type Texture as GltfTexture,
  NodeIO,
  Primitive,
} from '@gltf-transform/core';
import type { Asset, Material, Mesh, Texture } from '../asset/asset.js';
import { version } from '../version.js';
import { clamp01 } from './color.js';
import type { FormatWriter } from './format.js';

/**
 * Builds a glTF-Transform document from an asset: one node and mesh per part (grouped under a
 * parent node per object when the asset is a scene), metallic-roughness materials, embedded PNGs.
 * An asset with `lods` gets the Unity/Unreal LOD naming convention: under each object's node (the
 * asset's name for a single object, e.g. "chair") sibling nodes `chair_LOD0` (the full parts),
 * `chair_LOD1`, … holding that level's parts.
 * The asset's metadata goes to `asset.extras` next to a `generator` entry. Data the glTF spec (and
 * the Khronos validator) rejects is repaired rather than passed through: non-unit or missing normals
 * are renormalised or rebuilt from the faces, colours and factors are clamped to 0–1.
 * A point-cloud part (`mesh.mode === 'points'`) becomes a POINTS primitive (mode 0) with POSITION
 * and COLOR_0 only: its zero normals and UVs mean nothing, and glTF points need neither.
 * Exported so other writers (and tests) can reuse the same document.
 *
 * @example
 * const doc = assetToDocument(asset);
 * const glb = await new NodeIO().writeBinary(doc);
 */
export function assetToDocument(asset: Asset): Document {
  const doc = new Document();
  const root = doc.getRoot();
  const generator = `dream-cad ${version}`;
  root.getAsset().generator = generator;
  // A JSON round trip drops `undefined` and functions so the extras are exactly what gets written.
  const metadata = JSON.parse(JSON.stringify(asset.metadata)) as Record<string, unknown>;
  root.getAsset().extras = { generator, ...metadata };

  const scene = doc.createScene('Scene');
  root.setDefaultScene(scene);
  if (asset.parts.length === 0) {
    // glTF forbids an empty `scene.nodes` array, and a buffer without data has no byteLength: an
    // empty asset is one empty node, so viewers that expect a scene graph still find one.
    scene.addChild(doc.createNode('empty'));
    return doc;
  }

  const buffer = doc.createBuffer();
  const materials = new Map<string, GltfMaterial>();
  const textures = new Map<Texture, GltfTexture>();
  const groups = new Map<string, GltfNode>();
  const lodNodes = new Map<string, GltfNode>();
  const levels = [asset.parts, ...(asset.lods ?? []).map((l) => l.parts)];
  const withLods = levels.length > 1;
  const rootName = assetName(asset);

  levels.forEach((parts, level) => {
    for (const part of parts) {
      const { mesh } = part;
      const node = doc.createNode(part.name);
      // The parent: the object's node in a scene; with LODs, that object's `<object>_LOD<level>` node.
      const objectName = part.object ?? (withLods ? rootName : undefined);
      let parent: GltfNode | undefined;
      if (objectName !== undefined) {
        parent = groups.get(objectName);
        if (!parent) {
          parent = doc.createNode(objectName);
          groups.set(objectName, parent);
          scene.addChild(parent);
        }
        if (withLods) {
          const key = `${objectName}_LOD${level}`;
          let lodNode = lodNodes.get(key);
          if (!lodNode) {
            lodNode = doc.createNode(key);
            lodNodes.set(key, lodNode);
            parent.addChild(lodNode);
          }
          parent = lodNode;
        }
      }
      if (parent) parent.addChild(node);
      else scene.addChild(node);
      // An empty part keeps its node but gets no mesh: zero-count accessors are legal glTF, yet some
      // importers (Blender's among them) reject them.
      if (mesh.mode === 'points') {
        if (mesh.positions.length === 0) continue;
        const points = doc
          .createPrimitive()
          .setMode(Primitive.Mode.POINTS)
          .setMaterial(gltfMaterial(doc, part.material, materials, textures))
          .setAttribute('POSITION', accessor(doc, buffer, 'VEC3', mesh.positions));
        if (mesh.colors)
          points.setAttribute('COLOR_0', accessor(doc, buffer, 'VEC3', clampedColors(mesh.colors)));
        node.setMesh(doc.createMesh(part.name).addPrimitive(points));
        continue;
      }
      if (mesh.indices.length === 0) continue;
      const mat = gltfMaterial(doc, part.material, materials, textures);
      const prim = doc
        .createPrimitive()
        .setMaterial(mat)
        .setAttribute('POSITION', accessor(doc, buffer, 'VEC3', mesh.positions))
        .setAttribute('NORMAL', accessor(doc, buffer, 'VEC3', unitNormals(mesh)))
        .setAttribute('TEXCOORD_0', accessor(doc, buffer, 'VEC2', finite(mesh.uvs)));
      if (mesh.colors)
        prim.setAttribute('COLOR_0', accessor(doc, buffer, 'VEC3', clampedColors(mesh.colors)));
      // 16-bit indices when they fit: half the size, and what most engines prefer. 65535 itself is the
      // primitive-restart value glTF forbids in indices, so 16 bits serve up to 65535 vertices.
      const n = mesh.positions.length / 3;
      const indices = n <= 65535 ? new Uint16Array(mesh.indices) : mesh.indices;
      prim.setIndices(accessor(doc, buffer, 'SCALAR', indices));

      node.setMesh(doc.createMesh(part.name).addPrimitive(prim));
    }
  });
  // glTF-Transform drops an unused buffer, so an asset whose parts are all empty is still valid.
  return doc;
}

/**
 * The name of a single-object asset's root node when it has LODs: `metadata.name`, else
 * `metadata.family` (dreamcad), else "model", with spaces turned into underscores.
 */
function assetName(asset: Asset): string {
  const name = asset.metadata.name ?? asset.metadata.family;
  return typeof name === 'string' && name.trim() ? name.trim().replace(/\s+/g, '_') : 'model';
}

function accessor(
  doc: Document,
  buffer: GltfBuffer,
  type: 'SCALAR' | 'VEC2' | 'VEC3',
  array: Float32Array | Uint16Array | Uint32Array,
) {
  return doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
}

/**
 * One glTF material per distinct material: parts that share an equal material share it, and two
 * different materials that happen to share a name both survive (glTF names need not be unique).
 */
function gltfMaterial(
  doc: Document,
  material: Material,
  materials: Map<string, GltfMaterial>,
  textures: Map<Texture, GltfTexture>,
): GltfMaterial {
  const tex = material.baseColorTexture;
  let texture = tex ? textures.get(tex) : undefined;
  if (tex && !texture) {
    texture = doc
      .createTexture(tex.name)
      .setImage(tex.data)
      .setMimeType(tex.mimeType)
      .setURI(`${tex.name}.png`);
    textures.set(tex, texture);
  }
  const baseColor = material.baseColor.map(clamp01) as [number, number, number, number];
  const metallic = clamp01(material.metallic);
  const roughness = clamp01(material.roughness);
  const emissive = material.emissive?.map(clamp01) as [number, number, number] | undefined;
  const doubleSided = material.doubleSided ?? false;
  const textureId = texture ? [...textures.values()].indexOf(texture) : -1;
  const key = JSON.stringify([
    material.name,
    baseColor,
    metallic,
    roughness,
    emissive,
    doubleSided,
    textureId,
  ]);
  let mat = materials.get(key);
  if (mat) return mat;
  mat = doc
    .createMaterial(material.name)
    .setBaseColorFactor(baseColor)
    .setMetallicFactor(metallic)
    .setRoughnessFactor(roughness)
    .setDoubleSided(doubleSided);
  if (emissive) mat.setEmissiveFactor(emissive);
  if (baseColor[3] < 1) mat.setAlphaMode('BLEND');
  if (texture) mat.setBaseColorTexture(texture);
  materials.set(key, mat);
  return mat;
}

function clampedColors(colors: Float32Array): Float32Array {
  return colors.every((c) => c >= 0 && c <= 1) ? colors : colors.map(clamp01);
}

function finite(values: Float32Array): Float32Array {
  return values.every(Number.isFinite) ? values : values.map((x) => (Number.isFinite(x) ? x : 0));
}

/**
 * The mesh's normals as glTF requires them: unit length. Slightly-off normals are renormalised;
 * zero or non-finite ones (degenerate input) are rebuilt from the area-weighted normals of the
 * triangles that use the vertex, or point up when no triangle gives a direction. The input array is
 * returned untouched when it is already valid, so well-formed meshes are not copied.
 */
function unitNormals(mesh: Mesh): Float32Array {
  const src = mesh.normals;
  const n = src.length / 3;
  // The validator flags normals whose length differs from 1 by more than 0.0005.
  const isUnit = (x: number, y: number, z: number) => Math.abs(Math.hypot(x, y, z) - 1) <= 1e-4;
  let valid = true;
  for (let i = 0; i < n && valid; i++) valid = isUnit(src[i * 3], src[i * 3 + 1], src[i * 3 + 2]);
  if (valid) return src;

  let faceNormals: Float64Array | undefined;
  const out = new Float32Array(src.length);
  for (let i = 0; i < n; i++) {
    let x = src[i * 3];
    let y = src[i * 3 + 1];
    let z = src[i * 3 + 2];
    let len = Math.hypot(x, y, z);
    if (!(len > 1e-12) || !Number.isFinite(len)) {
      faceNormals ??= accumulateFaceNormals(mesh);
      [x, y, z] = [faceNormals[i * 3], faceNormals[i * 3 + 1], faceNormals[i * 3 + 2]];
      len = Math.hypot(x, y, z);
      if (!(len > 1e-12) || !Number.isFinite(len)) [x, y, z, len] = [0, 1, 0, 1];
    }
    out[i * 3] = x / len;
    out[i * 3 + 1] = y / len;
    out[i * 3 + 2] = z / len;
  }
  return out;
}

/** Per vertex, the sum of the (area-weighted) normals of the triangles that use it. */
function accumulateFaceNormals(mesh: Mesh): Float64Array {
  const p = mesh.positions;
  const idx = mesh.indices;
  const acc = new Float64Array(p.length);
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t] * 3;
    const b = idx[t + 1] * 3;
    const c = idx[t + 2] * 3;
    const ux = p[b] - p[a];
    const uy = p[b + 1] - p[a + 1];
    const uz = p[b + 2] - p[a + 2];
    const vx = p[c] - p[a];
    const vy = p[c + 1] - p[a + 1];
    const vz = p[c + 2] - p[a + 2];
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    for (const v of [a, b, c]) {
      acc[v] += nx;
      acc[v + 1] += ny;
      acc[v + 2] += nz;
    }
  }
  return acc;
}

/**
 * glTF 2.0 binary (.glb): parts as nodes, PBR materials, embedded textures, vertex colours.
 *
 * @example
 * registerFormat(glbWriter);
 * await saveAsset(asset, 'chair.glb');
 */
export const glbWriter: FormatWriter = {
  format: 'glb',
  extensions: ['glb'],
  mimeType: 'model/gltf-binary',
  description:
    'glTF 2.0 binary: parts, PBR materials, textures (web, game engines, Blender); point clouds as POINTS',
  pointClouds: true,
  async write(asset) {
    const main = await new NodeIO().writeBinary(assetToDocument(asset));
    return { main, sidecars: [] };
  },
};
