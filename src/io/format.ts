import type { Asset } from '../asset/asset.js';
import type { SaveOptions } from '../asset/result.js';

/** One file an export produces besides the main one (an OBJ's .mtl, a texture PNG). */
export interface SidecarFile {
  /** File name, placed in the same folder as the main file. */
  name: string;
  data: Uint8Array;
}

export interface ExportOutput {
  main: Uint8Array;
  sidecars: SidecarFile[];
}

export interface ExportOptions extends SaveOptions {
  /** The main file's name without extension; sidecar names derive from it (e.g. "chair" → "chair.mtl"). */
  baseName: string;
}

/** An exporter for one file format. Writers are pure: they return bytes and never touch the disk. */
export interface FormatWriter {
  /** Lowercase id, e.g. "glb". */
  format: string;
  /** Extensions without the dot that select this writer, e.g. ["glb"]. */
  extensions: string[];
  mimeType: string;
  description: string;
  /**
   * True when the format can hold point-cloud parts (`mesh.mode === 'points'`). `exportAsset`
   * refuses to hand a point cloud to any other writer, so writers without it only see triangles.
   */
  pointClouds?: boolean;
  write(asset: Asset, options: ExportOptions): Promise<ExportOutput>;
}
