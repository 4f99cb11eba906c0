import type { Asset } from '../../asset/asset.js';

/** What a mesh reader hands back: the file as an `Asset`, plus anything it had to skip or guess. */
export interface ReadMeshResult {
  asset: Asset;
  /** Lowercase format id, e.g. "glb", "obj". */
  format: string;
  /** Things the reader skipped or guessed (non-triangle primitives, missing sidecars, …). */
  warnings: string[];
}

/** Context a reader may use to find sidecar files (an OBJ's .mtl and textures). */
export interface ReadContext {
  /** The file's path, when it came from disk. */
  path?: string;
  /** Reads a file next to the main one; resolves to undefined when it does not exist. */
  readSidecar?: (name: string) => Promise<Uint8Array | undefined>;
}

/** A reader for one mesh file format. Readers are pure: they take bytes, never the disk directly. */
export interface MeshReader {
  /** Lowercase id, e.g. "stl". */
  format: string;
  /** Extensions without the dot that select this reader. */
  extensions: string[];
  read(bytes: Uint8Array, context: ReadContext): Promise<ReadMeshResult>;
}
