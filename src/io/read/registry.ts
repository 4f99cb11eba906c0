import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { FileFormatError } from '../../errors.js';
import { readFbx } from './read-fbx.js';
import { documentToAsset, readGlb } from './read-glb.js';
import { readObj } from './read-obj.js';
import { readPly } from './read-ply.js';
import { readStl } from './read-stl.js';
import type { MeshReader, ReadContext, ReadMeshResult } from './types.js';

const readers = new Map<string, MeshReader>();

/** Adds (or replaces) the reader for a format; its extensions then select it. */
export function registerMeshReader(reader: MeshReader): void {
  readers.set(reader.format, reader);
}

/** Every registered mesh reader. */
export function listMeshReaders(): MeshReader[] {
  return [...readers.values()];
}

registerMeshReader({ format: 'glb', extensions: ['glb'], read: (bytes) => readGlb(bytes) });
registerMeshReader({
  format: 'gltf',
  extensions: ['gltf'],
  read: async (_bytes, ctx) => {
    // JSON glTF names external buffers and images; glTF-Transform reads them relative to the file.
    if (!ctx.path)
      throw new FileFormatError('readMeshBytes: a .gltf file needs its path to find its buffers');
    const { NodeIO } = await import('@gltf-transform/core');
    const { ALL_EXTENSIONS } = await import('@gltf-transform/extensions');
    try {
      const doc = await new NodeIO().registerExtensions(ALL_EXTENSIONS).read(ctx.path);
      return { ...(await documentToAsset(doc)), format: 'gltf' };
    } catch (err) {
      throw new FileFormatError(`readGltf: ${err instanceof Error ? err.message : err}`, { cause: err });
    }
  },
});
registerMeshReader({ format: 'obj', extensions: ['obj'], read: (bytes, ctx) => readObj(bytes, ctx) });
registerMeshReader({ format: 'ply', extensions: ['ply'], read: (bytes) => readPly(bytes) });
registerMeshReader({ format: 'stl', extensions: ['stl'], read: (bytes) => readStl(bytes) });
registerMeshReader({ format: 'fbx', extensions: ['fbx'], read: (bytes, ctx) => readFbx(bytes, ctx) });

/** The reader for a format id or extension (any case, with or without the dot). */
export function resolveMeshReader(formatOrExtension: string): MeshReader {
  const wanted = formatOrExtension.replace(/^\./, '').toLowerCase();
  for (const r of readers.values()) if (r.format === wanted || r.extensions.includes(wanted)) return r;
  const known = listMeshReaders()
    .map((r) => r.format)
    .join(', ');
  throw new FileFormatError(`Cannot read "${wanted}" meshes. Readable formats: ${known}.`);
}

/**
 * Reads mesh bytes of a known format into an `Asset`.
 *
 * @example
 * const { asset } = await readMeshBytes(bytes, 'stl');
 */
export async function readMeshBytes(
  bytes: Uint8Array,
  format: string,
  context: ReadContext = {},
): Promise<ReadMeshResult> {
  const reader = resolveMeshReader(format);
  if (bytes.length === 0)
    throw new FileFormatError(`Cannot read an empty ${reader.format.toUpperCase()} file (0 bytes).`);
  return checkReadResult(await reader.read(bytes, context));
}

/**
 * What every reader's output must satisfy before anything measures it: finite coordinates and
 * indices within the part's vertices. Broken files fail here with the part named, instead of
 * turning into NaN bounds (or worse) further on.
 */
function checkReadResult(result: ReadMeshResult): ReadMeshResult {
  const label = result.format.toUpperCase();
  for (const part of result.asset.parts) {
    const { positions, indices } = part.mesh;
    for (let i = 0; i < positions.length; i++) {
      if (!Number.isFinite(positions[i])) {
        throw new FileFormatError(
          `${label} file: part "${part.name}" vertex ${Math.floor(i / 3)} has a coordinate that is not a finite number (${positions[i]}).`,
        );
      }
    }
    const n = positions.length / 3;
    for (let i = 0; i < indices.length; i++) {
      if (indices[i] >= n) {
        throw new FileFormatError(
          `${label} file: part "${part.name}" uses vertex ${indices[i]}, but it has only ${n} vertices.`,
        );
      }
    }
  }
  return result;
}

/** A context whose `readSidecar` reads files next to `path` (and nowhere above it). */
export function fileContext(path: string): ReadContext {
  const folder = dirname(resolve(path));
  return {
    path,
    readSidecar: async (name: string) => {
      const target = resolve(folder, name);
      if (!target.startsWith(folder)) return undefined;
      try {
        return new Uint8Array(await readFile(target));
      } catch {
        try {
          // OBJ files from Windows tools often name sidecars with backslashes or another case.
          return new Uint8Array(await readFile(join(folder, name.replace(/\\/g, '/').split('/').at(-1)!)));
        } catch {
          return undefined;
        }
      }
    },
  };
}

/**
 * Reads a mesh file (GLB, glTF, OBJ, PLY, STL, FBX; the format comes from the extension) into an `Asset`,
 * with sidecars (an OBJ's .mtl and textures) read from the same folder. Also resolves to the raw
 * bytes, so a caller can validate them without reading the file twice.
 *
 * @example
 * const { asset, format } = await readMeshFile('chair.obj');
 */
export async function readMeshFile(path: string): Promise<ReadMeshResult & { bytes: Uint8Array }> {
  const ext = extname(path);
  if (!ext) {
    // No extension to pick a reader by: say what the path is, if it is anything.
    const info = await stat(path).catch(() => undefined);
    const what = !info
      ? 'no such file'
      : info.isDirectory()
        ? 'it is a directory, not a file'
        : 'it has no extension';
    throw new FileFormatError(
      `Cannot read "${path}": ${what}. Readable formats: ${listMeshReaders()
        .map((r) => r.format)
        .join(', ')}.`,
    );
  }
  const reader = resolveMeshReader(ext);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : err instanceof Error
              ? err.message
              : String(err);
    throw new FileFormatError(`Cannot read "${path}": ${why}.`, { cause: err });
  }
  if (bytes.length === 0) throw new FileFormatError(`Cannot read "${path}": the file is empty (0 bytes).`);
  let result: ReadMeshResult;
  try {
    result = checkReadResult(await reader.read(bytes, fileContext(path)));
  } catch (err) {
    // Name the file: a batch run must say which of its files is broken. Whatever else a reader
    // throws on a malformed file is a format error too.
    if (err instanceof FileFormatError && err.message.includes(path)) throw err;
    const message = err instanceof FileFormatError ? err.message : `${reader.format} reader: ${err}`;
    throw new FileFormatError(`"${path}": ${message}`, { cause: err });
  }
  return { ...result, bytes };
}
