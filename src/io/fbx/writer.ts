import type { Asset } from '../../asset/asset.js';
import { version } from '../../version.js';
import { exportWithBlender } from '../blend.js';
import type { ExportOutput, FormatWriter } from '../format.js';
import { encodeFbx } from './binary.js';
import { buildFbxScene } from './scene.js';

export interface WriteFbxOptions {
  /** The file's name without extension; texture files written beside it are named after it. */
  baseName?: string;
  /** `embed` (default): PNGs inside the file. `beside`: PNGs returned as sidecar files. */
  textures?: 'embed' | 'beside';
  /** zlib level for large arrays, 0–9 (default 1, as Blender and Autodesk use; 0 stores them raw). */
  compressionLevel?: number;
}

export const WRITE_FBX_DEFAULTS: Required<WriteFbxOptions> = {
  baseName: 'model',
  textures: 'embed',
  compressionLevel: 1,
};

/**
 * Writes an asset as binary FBX 7.4 with our own encoder: each part its own model with geometry
 * (positions, normals, UVs, vertex colours) and material, textures embedded or beside the file,
 * Y up and metres declared. Pure: returns bytes, touches no disk.
 *
 * @example
 * const { main, sidecars } = await writeFbx(asset, { baseName: 'chair', textures: 'beside' });
 */
export async function writeFbx(asset: Asset, options: WriteFbxOptions = {}): Promise<ExportOutput> {
  // Spread only defined options: `{ textures: undefined }` must not override the default.
  const defined = Object.entries(options).filter(([, v]) => v !== undefined);
  const opts: Required<WriteFbxOptions> = { ...WRITE_FBX_DEFAULTS, ...Object.fromEntries(defined) };
  if (!Number.isInteger(opts.compressionLevel) || opts.compressionLevel < 0 || opts.compressionLevel > 9) {
    throw new RangeError(`writeFbx: compressionLevel must be an integer 0–9, got ${opts.compressionLevel}`);
  }
  const { records, sidecars } = buildFbxScene(asset, {
    baseName: opts.baseName,
    textures: opts.textures,
    creator: `dream-cad ${version}`,
  });
  const main = await encodeFbx(records, { compressionLevel: opts.compressionLevel });
  return { main, sidecars };
}

/**
 * The `fbx` format. `fbxWriter: 'native'` (default) uses `writeFbx`; `'blender'` converts the GLB
 * with Blender's own FBX exporter instead (needs Blender, see `exportWithBlender`).
 *
 * @example
 * registerFormat(fbxWriter);
 * await saveAsset(asset, 'chair.fbx', undefined, { fbxWriter: 'blender' });
 */
export const fbxWriter: FormatWriter = {
  format: 'fbx',
  extensions: ['fbx'],
  mimeType: 'application/octet-stream',
  description: 'Autodesk FBX 7.4 binary: parts, materials, textures (game engines, DCC tools)',
  write(asset, options) {
    if (options.fbxWriter === 'blender') return exportWithBlender(asset, 'fbx');
    return writeFbx(asset, { baseName: options.baseName, textures: options.fbxTextures });
  },
};
