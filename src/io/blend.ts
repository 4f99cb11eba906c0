/**
 * .blend export, and FBX through Blender's own exporter, by automating Blender: our GLB goes in,
 * Blender's glTF importer builds the scene (objects, Principled materials, packed textures), and
 * Blender saves it. Needs Blender at run time; see `blender.ts`.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Asset } from '../asset/asset.js';
import { FileFormatError } from '../errors.js';
import { type BlenderOptions, requireBlender, runBlenderScript, withTempDir } from './blender.js';
import { CONVERT_SCRIPT } from './blender-scripts/convert.js';
import type { ExportOutput, FormatWriter } from './format.js';
import { glbWriter } from './glb.js';

/** What Blender saves: a .blend file, or an FBX from Blender's exporter. */
export type BlenderTarget = 'blend' | 'fbx';

const TASKS: Record<BlenderTarget, string> = {
  blend: 'Saving a .blend file',
  fbx: 'Exporting FBX through Blender (fbxWriter: "blender")',
};

/**
 * Converts an asset with Blender: writes its GLB to a private temp folder, has Blender import it
 * and save `target`, and returns the bytes. Parts without triangles are left out. The temp folder is always removed, so a failure or
 * time-out leaves nothing behind. Throws `FileFormatError` when Blender is missing (with how to
 * install it), fails, or runs past its time limit.
 *
 * @example
 * const { main } = await exportWithBlender(asset, 'blend', { timeoutSeconds: 60 });
 */
export async function exportWithBlender(
  asset: Asset,
  target: BlenderTarget,
  options: BlenderOptions = {},
): Promise<ExportOutput> {
  const blender = await requireBlender(TASKS[target], options);
  // Blender 3.4's glTF importer rejects a mesh without triangles, and such a part has nothing to
  // show anyway: leave empty parts out of what Blender sees.
  const drawable = { ...asset, parts: asset.parts.filter((p) => p.mesh.indices.length > 0) };
  const glb = await glbWriter.write(drawable, { baseName: 'model' });
  return withTempDir(async (dir) => {
    const source = join(dir, 'model.glb');
    const output = join(dir, `model.${target}`);
    await writeFile(source, glb.main);
    await runBlenderScript(blender, CONVERT_SCRIPT, [target, source, output], { ...options, cwd: dir });
    const size = await stat(output).then(
      (s) => s.size,
      () => 0,
    );
    if (size === 0) throw new FileFormatError(`Blender reported success but wrote no ${target} file.`);
    return { main: new Uint8Array(await readFile(output)), sidecars: [] };
  });
}

/**
 * A `blend` format writer with fixed Blender options (tests use this to point at a fake or
 * missing Blender); the registered `blendWriter` reads DREAM_CAD_BLENDER and
 * DREAM_CAD_BLENDER_TIMEOUT at each export.
 *
 * @example
 * registerFormat(createBlendWriter({ timeoutSeconds: 600 }));
 */
export function createBlendWriter(options: BlenderOptions = {}): FormatWriter {
  return {
    format: 'blend',
    extensions: ['blend'],
    mimeType: 'application/x-blender',
    description: 'Blender scene (.blend): objects, Principled materials, packed textures (needs Blender)',
    write: (asset) => exportWithBlender(asset, 'blend', options),
  };
}

export const blendWriter: FormatWriter = createBlendWriter();
