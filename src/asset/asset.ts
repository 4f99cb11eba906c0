/**
 * The data every layer speaks: an `Asset` is a list of named parts, each with its own triangle mesh
 * and PBR material. Units are metres, +Y is up, the asset faces +Z, and the origin is the centre of
 * its footprint on the ground.
 */

/** RGBA, linear, each channel 0–1. */
export type Rgba = [number, number, number, number];
export type Vec3 = [number, number, number];

/** An image the material samples; PNG bytes so every exporter can embed or copy it unchanged. */
export interface Texture {
  name: string;
  mimeType: 'image/png';
  data: Uint8Array;
  width: number;
  height: number;
}

/** A glTF-style metallic-roughness material. */
export interface Material {
  name: string;
  baseColor: Rgba;
  metallic: number;
  roughness: number;
  emissive?: Vec3;
  /** Multiplied with `baseColor`, sampled with the mesh's UVs. */
  baseColorTexture?: Texture;
  doubleSided?: boolean;
}

/**
 * An indexed triangle mesh, or a point cloud. Arrays are flat: `positions` and `normals` hold x,y,z
 * per vertex, `uvs` u,v per vertex, `colors` r,g,b (linear, 0–1) per vertex, `indices` three vertex
 * indices per triangle, counter-clockwise seen from outside.
 *
 * With `mode: 'points'` every vertex is a point: `indices` is empty, and `normals` and `uvs` keep
 * their lengths (zeros when the points have none), so code that walks vertices needs no special case.
 * Only formats that can hold points write such a part (PLY and GLB); the others refuse it.
 */
export interface Mesh {
  positions: Float32Array;
  normals: Float32Array;
  uvs: Float32Array;
  colors?: Float32Array;
  indices: Uint32Array;
  /** How the vertices are drawn: `triangles` (the default) through `indices`, or as `points`. */
  mode?: 'triangles' | 'points';
}

export interface AssetPart {
  /** Unique within the asset, e.g. "seat", "leg_1". Becomes the glTF node and mesh name. */
  name: string;
  mesh: Mesh;
  material: Material;
  /** The object this part belongs to when an asset holds a scene of several objects. */
  object?: string;
}

export interface AssetMetadata {
  /** The model that made it, e.g. "dreamcad". */
  modelName: string;
  prompt?: string;
  seed?: number;
  /** Anything else worth keeping with the file; must be JSON-serialisable. */
  [key: string]: unknown;
}

/**
 * A simplified copy of an asset's parts for one level of detail (level 1 and up; the asset's own
 * `parts` are level 0). Its parts mirror the asset's, in the same order, named `<part>_LOD<level>`.
 */
export interface AssetLod {
  level: number;
  parts: AssetPart[];
}

export interface Asset {
  parts: AssetPart[];
  /**
   * Optional levels of detail below the full model, coarsest last. Only the GLB writer exports them
   * (as `<object>_LOD0`, `<object>_LOD1`, … sibling nodes); the other formats write `parts` only.
   */
  lods?: AssetLod[];
  metadata: AssetMetadata;
}

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

export function vertexCount(mesh: Mesh): number {
  return mesh.positions.length / 3;
}

export function triangleCount(mesh: Mesh): number {
  return mesh.indices.length / 3;
}

/** True when the mesh is a point cloud (`mode: 'points'`). */
export function isPointCloud(mesh: Mesh): boolean {
  return mesh.mode === 'points';
}

/** True when any part of the asset is a point cloud. */
export function hasPointClouds(asset: Asset): boolean {
  return asset.parts.some((p) => isPointCloud(p.mesh));
}

/**
 * A point-cloud mesh from positions and optional colours (linear, 0–1): zero normals and UVs of the
 * right lengths and no indices.
 *
 * @example
 * const part = { name: 'cloud', mesh: pointCloudMesh(xyz, rgb), material };
 */
export function pointCloudMesh(positions: Float32Array, colors?: Float32Array): Mesh {
  const n = positions.length / 3;
  return {
    positions,
    normals: new Float32Array(n * 3),
    uvs: new Float32Array(n * 2),
    ...(colors ? { colors } : {}),
    indices: new Uint32Array(0),
    mode: 'points',
  };
}

/** Axis-aligned bounds of every part; an empty asset has min = max = [0, 0, 0]. */
export function assetBounds(asset: Asset): Bounds {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const part of asset.parts) {
    const p = part.mesh.positions;
    for (let i = 0; i < p.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        if (p[i + k] < min[k]) min[k] = p[i + k];
        if (p[i + k] > max[k]) max[k] = p[i + k];
      }
    }
  }
  if (min[0] === Infinity) return { min: [0, 0, 0], max: [0, 0, 0] };
  return { min, max };
}

/**
 * Checks the invariants every exporter relies on, so a broken asset fails loudly at the door
 * instead of producing a corrupt file. Throws a plain `Error` naming the part and the problem.
 */
export function assertValidAsset(asset: Asset): void {
  const names = new Set<string>();
  for (const part of asset.parts) {
    const { mesh, name } = part;
    if (!name) throw new Error('assertValidAsset: a part has an empty name');
    if (names.has(name)) throw new Error(`assertValidAsset: duplicate part name "${name}"`);
    names.add(name);
    const n = mesh.positions.length / 3;
    if (!Number.isInteger(n))
      throw new Error(`assertValidAsset: part "${name}" positions length is not a multiple of 3`);
    if (mesh.normals.length !== n * 3)
      throw new Error(`assertValidAsset: part "${name}" needs one normal per vertex`);
    if (mesh.uvs.length !== n * 2)
      throw new Error(`assertValidAsset: part "${name}" needs one UV per vertex`);
    if (mesh.colors && mesh.colors.length !== n * 3) {
      throw new Error(`assertValidAsset: part "${name}" needs one RGB colour per vertex`);
    }
    if (mesh.mode !== undefined && mesh.mode !== 'triangles' && mesh.mode !== 'points')
      throw new Error(`assertValidAsset: part "${name}" has an unknown mode "${String(mesh.mode)}"`);
    if (mesh.mode === 'points' && mesh.indices.length > 0)
      throw new Error(`assertValidAsset: part "${name}" is a point cloud but has triangle indices`);
    if (mesh.indices.length % 3 !== 0)
      throw new Error(`assertValidAsset: part "${name}" indices are not triangles`);
    for (let i = 0; i < mesh.indices.length; i++) {
      if (mesh.indices[i] >= n)
        throw new Error(`assertValidAsset: part "${name}" index ${mesh.indices[i]} ≥ ${n} vertices`);
    }
    for (let i = 0; i < mesh.positions.length; i++) {
      if (!Number.isFinite(mesh.positions[i]))
        throw new Error(`assertValidAsset: part "${name}" has a non-finite position`);
    }
  }
}
