import type { Asset, Material, Texture } from './asset.js';

/** Writes an asset to `path` (format from the extension unless given) and resolves to the path written. */
export type AssetSaver = (
  asset: Asset,
  path: string,
  format?: string,
  options?: SaveOptions,
) => Promise<string>;

/** Format-specific choices for saving. */
export interface SaveOptions {
  /** FBX only: `native` (default) is the built-in writer; `blender` uses Blender's exporter (needs Blender). */
  fbxWriter?: 'native' | 'blender';
  /** FBX only: `embed` (default) puts textures inside the file; `beside` writes them as PNG sidecars. */
  fbxTextures?: 'embed' | 'beside';
}

let saver: AssetSaver | undefined;

/**
 * The export layer (`io/`) installs itself here when it is imported, so results can save themselves
 * without the data layer importing the exporters (layers only import from the layers above them).
 */
export function setAssetSaver(save: AssetSaver): void {
  saver = save;
}

/**
 * What a model returns: the multi-part `Asset` plus the seed API's flat view of it. The flat arrays
 * (`vertices`, `faces`, …) are derived from the asset on first access and concatenate every part.
 */
export class GenerationResult {
  private flat?: { vertices: Float32Array; faces: Uint32Array; colors?: Float32Array; uvs: Float32Array };

  constructor(
    readonly asset: Asset,
    /** Seconds the generation took. */
    readonly generationTime: number,
    readonly modelName: string,
    readonly metadata: Record<string, unknown> = {},
  ) {}

  private flatten() {
    if (this.flat) return this.flat;
    let nv = 0;
    let nf = 0;
    let anyColors = false;
    for (const p of this.asset.parts) {
      nv += p.mesh.positions.length / 3;
      nf += p.mesh.indices.length / 3;
      anyColors ||= !!p.mesh.colors;
    }
    const vertices = new Float32Array(nv * 3);
    const uvs = new Float32Array(nv * 2);
    const faces = new Uint32Array(nf * 3);
    const colors = anyColors ? new Float32Array(nv * 3) : undefined;
    let vo = 0;
    let fo = 0;
    for (const p of this.asset.parts) {
      const m = p.mesh;
      const n = m.positions.length / 3;
      vertices.set(m.positions, vo * 3);
      uvs.set(m.uvs, vo * 2);
      for (let i = 0; i < m.indices.length; i++) faces[fo + i] = m.indices[i] + vo;
      if (colors) {
        if (m.colors) colors.set(m.colors, vo * 3);
        else {
          // Parts without vertex colours contribute their material's base colour.
          const [r, g, b] = p.material.baseColor;
          for (let i = 0; i < n; i++) colors.set([r, g, b], (vo + i) * 3);
        }
      }
      vo += n;
      fo += m.indices.length;
    }
    this.flat = { vertices, faces, colors, uvs };
    return this.flat;
  }

  /** All vertex positions, N×3 flattened (x0, y0, z0, x1, …), in metres. */
  get vertices(): Float32Array {
    return this.flatten().vertices;
  }

  /** All triangles, M×3 flattened, indexing into `vertices`; empty for a point cloud. */
  get faces(): Uint32Array {
    return this.flatten().faces;
  }

  /** Per-vertex RGB (0–1), N×3 flattened, when any part has vertex colours. */
  get vertexColors(): Float32Array | undefined {
    return this.flatten().colors;
  }

  /**
   * True when the result is a point cloud (every part has `mesh.mode === 'points'`, e.g. Point-E
   * with `pointsOnly`): `vertices` and `vertexColors` are the points, `faces` is empty, and it saves
   * only to formats that hold points (ply, glb).
   */
  get isPointCloud(): boolean {
    return this.asset.parts.length > 0 && this.asset.parts.every((p) => p.mesh.mode === 'points');
  }

  /** Per-vertex UVs, N×2 flattened. */
  get uvCoords(): Float32Array {
    return this.flatten().uvs;
  }

  /** The first texture any material uses, if one does. */
  get texture(): Texture | undefined {
    return this.asset.parts.find((p) => p.material.baseColorTexture)?.material.baseColorTexture;
  }

  /** Materials by name. */
  get materials(): Record<string, Material> {
    const out: Record<string, Material> = {};
    for (const p of this.asset.parts) out[p.material.name] = p.material;
    return out;
  }

  /**
   * Saves to `path`; the format comes from the extension unless `format` is given
   * (glb, obj, ply, stl, …). Resolves to the path written.
   *
   * @example
   * await result.save('chair.glb');
   */
  save(path: string, format?: string, options?: SaveOptions): Promise<string> {
    if (!saver)
      throw new Error(
        'GenerationResult.save: no exporter is loaded; import from "dream-cad", not a sub-path.',
      );
    return saver(this.asset, path, format, options);
  }
}
