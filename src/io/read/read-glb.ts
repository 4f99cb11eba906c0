import {
  type Accessor,
  type Document,
  type Material as GltfMaterial,
  type Node as GltfNode,
  ImageUtils,
  NodeIO,
  Primitive,
} from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import type { Asset, AssetPart, Material, Mesh, Texture } from '../../asset/asset.js';
import { FileFormatError } from '../../errors.js';
import { loadDracoDecoder, loadMeshoptDecoder } from './decoders.js';
import { computeVertexNormals, defaultMaterial } from './mesh-utils.js';
import type { ReadMeshResult } from './types.js';

export interface ReadGlbOptions {
  /** The glTF-Transform I/O to parse with; injected so callers can register decoders (Draco, meshopt). */
  io?: NodeIO;
  /** Convert JPEG/WebP base-colour textures to PNG (the Asset model stores PNG only). */
  convertTextures?: boolean;
}

export const READ_GLB_DEFAULTS: Required<Omit<ReadGlbOptions, 'io'>> = {
  convertTextures: true,
};

let defaultIo: NodeIO | undefined;
let decodersRegistered = false;

/** Whether the GLB's JSON chunk names an extension that needs a decoder. */
function needsDecoders(bytes: Uint8Array): boolean {
  if (bytes.length < 20) return false;
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(12, true);
  const json = new TextDecoder().decode(bytes.subarray(20, 20 + Math.min(jsonLength, bytes.length - 20)));
  return json.includes('KHR_draco_mesh_compression') || json.includes('EXT_meshopt_compression');
}

/**
 * Reads a binary glTF (GLB) into an `Asset`: one part per primitive, node transforms baked into the
 * positions and normals (world space), TEXCOORD_0, COLOR_0 and the metallic-roughness material.
 * Triangle strips and fans become lists; points and lines are skipped with a warning.
 *
 * @example
 * const { asset } = await readGlb(await readFile('chair.glb'));
 */
export async function readGlb(bytes: Uint8Array, options: ReadGlbOptions = {}): Promise<ReadMeshResult> {
  const opts = { ...READ_GLB_DEFAULTS, ...options };
  if (!defaultIo) defaultIo = new NodeIO().registerExtensions(ALL_EXTENSIONS);
  const io = opts.io ?? defaultIo;
  if (!opts.io && !decodersRegistered && needsDecoders(bytes)) {
    io.registerDependencies({
      'draco3d.decoder': await loadDracoDecoder(),
      'meshopt.decoder': await loadMeshoptDecoder(),
    });
    decodersRegistered = true;
  }
  checkGlbHeader(bytes);
  let doc: Document;
  try {
    doc = await io.readBinary(bytes);
  } catch (err) {
    throw new FileFormatError(`readGlb: not a readable GLB: ${err instanceof Error ? err.message : err}`, {
      cause: err,
    });
  }
  return documentToAsset(doc, opts);
}

/** Fails with a plain sentence for what glTF-Transform would report as a typed-array error. */
function checkGlbHeader(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0, true) !== 0x46546c67) {
    throw new FileFormatError('readGlb: not a GLB file (it does not start with "glTF")');
  }
  const version = view.getUint32(4, true);
  if (version !== 2) throw new FileFormatError(`readGlb: GLB version ${version} is not supported (only 2)`);
  const length = view.getUint32(8, true);
  if (length > bytes.length) {
    throw new FileFormatError(
      `readGlb: the file is truncated: its header says ${length} bytes, but it has ${bytes.length}`,
    );
  }
  // Every chunk must fit inside the declared length.
  for (let o = 12; o < length; ) {
    if (o + 8 > length) throw new FileFormatError(`readGlb: the file ends inside a chunk header (byte ${o})`);
    const chunk = view.getUint32(o, true);
    if (o + 8 + chunk > length) {
      throw new FileFormatError(
        `readGlb: the file is truncated: a chunk at byte ${o} needs ${chunk} bytes, ${length - o - 8} remain`,
      );
    }
    o += 8 + chunk;
  }
}

/**
 * Converts a glTF-Transform document to an `Asset` (see `readGlb`). Exported for `.gltf` files,
 * which need `NodeIO.read(path)` to find their external buffers.
 */
export async function documentToAsset(doc: Document, options: ReadGlbOptions = {}): Promise<ReadMeshResult> {
  const opts = { ...READ_GLB_DEFAULTS, ...options };
  const warnings: string[] = [];
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  const parts: AssetPart[] = [];
  const materials = new Map<GltfMaterial | null, Material>();
  const names = new Set<string>();

  const visit = async (node: GltfNode) => {
    const mesh = node.getMesh();
    if (mesh) {
      const world = node.getWorldMatrix();
      const prims = mesh.listPrimitives();
      for (let p = 0; p < prims.length; p++) {
        const prim = prims[p];
        const converted = primitiveToMesh(prim, world, warnings, `${node.getName() || mesh.getName()}`);
        if (!converted) continue;
        const gm = prim.getMaterial();
        let material = materials.get(gm);
        if (!material) {
          material = await convertMaterial(gm, materials.size, opts.convertTextures, warnings);
          materials.set(gm, material);
        }
        let name = node.getName() || mesh.getName() || `part_${parts.length}`;
        if (prims.length > 1) name = `${name}_${p}`;
        let unique = name;
        for (let k = 1; names.has(unique); k++) unique = `${name}_${k}`;
        names.add(unique);
        parts.push({ name: unique, mesh: converted, material });
      }
    }
    for (const child of node.listChildren()) await visit(child);
  };
  if (scene) for (const node of scene.listChildren()) await visit(node);
  else if (root.listMeshes().length > 0)
    warnings.push('readGlb: the file has meshes but no scene; none read');

  const asset: Asset = { parts, metadata: { modelName: 'unknown' } };
  const extras = root.getAsset().extras as Record<string, unknown> | undefined;
  if (extras && typeof extras.modelName === 'string') asset.metadata.modelName = extras.modelName;
  if (extras && typeof extras.prompt === 'string') asset.metadata.prompt = extras.prompt;
  if (extras && typeof extras.seed === 'number') asset.metadata.seed = extras.seed;
  return { asset, format: 'glb', warnings };
}

/** Reads an accessor as float values, denormalising integer data, `size` components per element. */
function floatArray(accessor: Accessor, size: number): Float32Array {
  const count = accessor.getCount();
  const src = accessor.getArray();
  const n = accessor.getElementSize();
  if (src instanceof Float32Array && n === size && !accessor.getNormalized()) return new Float32Array(src);
  const out = new Float32Array(count * size);
  const el: number[] = [];
  for (let i = 0; i < count; i++) {
    accessor.getElement(i, el);
    for (let k = 0; k < size; k++) out[i * size + k] = k < n ? el[k] : 1;
  }
  return out;
}

function primitiveToMesh(
  prim: Primitive,
  world: ArrayLike<number>,
  warnings: string[],
  label: string,
): Mesh | undefined {
  const mode = prim.getMode();
  const position = prim.getAttribute('POSITION');
  if (!position) {
    warnings.push(`readGlb: a primitive of "${label}" has no POSITION; skipped`);
    return undefined;
  }
  const n = position.getCount();
  let raw: Uint32Array;
  const idx = prim.getIndices();
  if (idx) {
    // Always a copy: the reader may flip the winding in place.
    raw = Uint32Array.from(idx.getArray()!);
  } else {
    raw = new Uint32Array(n);
    for (let i = 0; i < n; i++) raw[i] = i;
  }
  let indices: Uint32Array;
  if (mode === Primitive.Mode.TRIANGLES)
    indices = raw.length % 3 === 0 ? raw : raw.slice(0, raw.length - (raw.length % 3));
  else if (mode === Primitive.Mode.TRIANGLE_STRIP || mode === Primitive.Mode.TRIANGLE_FAN) {
    const m = Math.max(0, raw.length - 2);
    indices = new Uint32Array(m * 3);
    for (let i = 0; i < m; i++) {
      if (mode === Primitive.Mode.TRIANGLE_FAN) indices.set([raw[0], raw[i + 1], raw[i + 2]], i * 3);
      else if (i % 2 === 0) indices.set([raw[i], raw[i + 1], raw[i + 2]], i * 3);
      else indices.set([raw[i + 1], raw[i], raw[i + 2]], i * 3);
    }
  } else {
    warnings.push(`readGlb: a primitive of "${label}" draws points or lines (mode ${mode}); skipped`);
    return undefined;
  }

  const positions = floatArray(position, 3);
  const m = world;
  const identity =
    m[0] === 1 && m[5] === 1 && m[10] === 1 && m[15] === 1 && m[12] === 0 && m[13] === 0 && m[14] === 0;
  const normalAttr = prim.getAttribute('NORMAL');
  let normals = normalAttr ? floatArray(normalAttr, 3) : undefined;
  if (!identity) {
    for (let i = 0; i < positions.length; i += 3) {
      const x = positions[i];
      const y = positions[i + 1];
      const z = positions[i + 2];
      positions[i] = m[0] * x + m[4] * y + m[8] * z + m[12];
      positions[i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
      positions[i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
    }
    const det =
      m[0] * (m[5] * m[10] - m[6] * m[9]) -
      m[4] * (m[1] * m[10] - m[2] * m[9]) +
      m[8] * (m[1] * m[6] - m[2] * m[5]);
    if (normals) {
      // Normals transform by the inverse transpose: the cofactor matrix is det × that, so it is
      // right up to a scale we renormalise and the sign of det, which we put back.
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
      for (let i = 0; i < normals.length; i += 3) {
        const x = normals[i];
        const y = normals[i + 1];
        const z = normals[i + 2];
        const nx = c[0] * x + c[1] * y + c[2] * z;
        const ny = c[3] * x + c[4] * y + c[5] * z;
        const nz = c[6] * x + c[7] * y + c[8] * z;
        const l = (det < 0 ? -1 : 1) / (Math.hypot(nx, ny, nz) || 1);
        normals[i] = nx * l;
        normals[i + 1] = ny * l;
        normals[i + 2] = nz * l;
      }
    }
    // A mirroring transform (negative determinant) flips the winding; glTF says to flip it back.
    if (det < 0) {
      for (let i = 0; i < indices.length; i += 3) {
        const t = indices[i + 1];
        indices[i + 1] = indices[i + 2];
        indices[i + 2] = t;
      }
    }
  }
  for (let i = 0; i < indices.length; i++) {
    if (indices[i] >= n)
      throw new FileFormatError(`readGlb: "${label}" has index ${indices[i]} ≥ ${n} vertices`);
  }
  normals ??= computeVertexNormals(positions, indices);
  const uvAttr = prim.getAttribute('TEXCOORD_0');
  const uvs = uvAttr ? floatArray(uvAttr, 2) : new Float32Array(n * 2);
  const mesh: Mesh = {
    positions,
    normals,
    uvs,
    indices,
  };
  const colorAttr = prim.getAttribute('COLOR_0');
  if (colorAttr) mesh.colors = floatArray(colorAttr, 3);
  return mesh;
}

async function convertMaterial(
  gm: GltfMaterial | null,
  index: number,
  convertTextures: boolean,
  warnings: string[],
): Promise<Material> {
  if (!gm) return defaultMaterial();
  const f = gm.getBaseColorFactor();
  const material: Material = {
    name: gm.getName() || `material_${index}`,
    baseColor: [f[0], f[1], f[2], f[3]],
    metallic: gm.getMetallicFactor(),
    roughness: gm.getRoughnessFactor(),
    doubleSided: gm.getDoubleSided(),
  };
  const e = gm.getEmissiveFactor();
  if (e[0] || e[1] || e[2]) material.emissive = [e[0], e[1], e[2]];
  const tex = gm.getBaseColorTexture();
  const image = tex?.getImage();
  if (tex && image) {
    let data = image;
    let mime = tex.getMimeType();
    if (mime !== 'image/png' && convertTextures) {
      try {
        const sharp = (await import('sharp')).default;
        data = new Uint8Array(await sharp(image).png().toBuffer());
        mime = 'image/png';
      } catch (err) {
        warnings.push(`readGlb: texture "${tex.getName()}" (${mime}) could not be converted: ${err}`);
      }
    }
    const size = ImageUtils.getSize(data, mime);
    if (mime === 'image/png' && size) {
      const texture: Texture = {
        name: tex.getName() || `texture_${index}`,
        mimeType: 'image/png',
        data,
        width: size[0],
        height: size[1],
      };
      material.baseColorTexture = texture;
    }
  }
  return material;
}
