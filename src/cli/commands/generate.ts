import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type Command, Option } from 'commander';
import { triangleCount, vertexCount } from '../../asset/asset.js';
import { getConfig } from '../../config.js';
import { FileFormatError, InvalidConfigError } from '../../errors.js';
import { assertHoldsPointClouds, resolveFormat } from '../../io/registry.js';
import type { PaletteReport } from '../../models/dreamcad/engine.js';
import { ModelFactory } from '../../models/factory.js';
import { assertValidPrompt } from '../../utils/prompt.js';
import { intOption, numberOption } from '../options.js';
import { createProgressReporter } from '../output.js';

interface GenerateFlags {
  model?: string;
  output?: string;
  format?: string;
  seed?: number;
  steps?: number;
  guidance?: number;
  meshResolution?: number;
  pointsOnly?: boolean;
  negative?: string;
  lods?: number;
  detail?: 'low' | 'medium' | 'high';
  fbxWriter?: 'native' | 'blender';
  image?: string;
  useImageAs?: 'palette' | 'none';
}

/** A file name from the first words of a prompt: "A red wooden chair!" → "a-red-wooden-chair". */
export function slugify(prompt: string): string {
  const slug = prompt
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop the accents NFKD split off
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'model';
}

/** The bytes of the --image file, with a one-line error when it cannot be read. */
async function readImage(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const why = err instanceof Error && 'code' in err && err.code === 'ENOENT' ? 'no such file' : String(err);
    throw new FileFormatError(`Cannot read the --image file "${path}": ${why}.`, { cause: err });
  }
}

export function register(program: Command): void {
  program
    .command('generate')
    .description('Generate a 3D model from a text prompt and save it')
    .argument('<prompt>', 'what to make, e.g. "a red wooden chair"')
    .option('-m, --model <name>', 'model to use (see `dream-cad models`); default DREAM_CAD_DEFAULT_MODEL')
    .option(
      '-o, --output <file>',
      'output file; its extension picks the format (default: DREAM_CAD_OUTPUT_DIR/<prompt>.glb)',
    )
    .option(
      '-f, --format <format>',
      'output format when the file name does not say it (glb, obj, ply, stl, …)',
    )
    .option('-s, --seed <n>', 'random seed for a reproducible result', intOption('--seed', 0, 2 ** 32 - 1))
    .option('--steps <n>', 'number of inference steps (neural models)', intOption('--steps', 1, 10000))
    .option(
      '--guidance <x>',
      'classifier-free guidance scale (neural models)',
      numberOption('--guidance', 0, 100),
    )
    .option(
      '--mesh-resolution <n>',
      'grid samples per axis the mesh is built on, 16 to 256 (point-e; default 64)',
      intOption('--mesh-resolution', 16, 256),
    )
    .option(
      '--points-only',
      'return the coloured point cloud instead of a mesh (point-e); saves as ply or glb only',
    )
    .option('--negative <text>', 'what the model must leave out, e.g. "armrests, red"')
    .addOption(
      new Option(
        '--detail <level>',
        'dreamcad: triangle budget per object, low (2k), medium (10k, default) or high (50k)',
      ).choices(['low', 'medium', 'high']),
    )
    .option(
      '--lods <n>',
      'dreamcad: add N simplified levels of detail, written to GLB as <object>_LOD1…_LODN next to <object>_LOD0',
      intOption('--lods', 0, 4),
    )
    .addOption(
      new Option('--fbx-writer <writer>', "FBX only: the built-in writer or Blender's exporter").choices([
        'native',
        'blender',
      ]),
    )
    .option(
      '--image <file>',
      "a reference image (PNG, JPEG, WebP); dreamcad takes the parts' colours from it",
    )
    .addOption(
      new Option(
        '--use-image-as <use>',
        'what to do with --image: palette (default: its dominant colours colour the parts the prompt leaves uncoloured) or none',
      ).choices(['palette', 'none']),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  dream-cad generate "a red wooden chair" -o chair.glb\n  dream-cad generate "a tall brass floor lamp" --seed 7 -f obj\n  dream-cad generate "a vase" --image ref.png\n  dream-cad generate "a fox" --lods 2 -o fox.glb\n  dream-cad generate "a red motorcycle" -m point-e --points-only -o bike.ply',
    )
    .action(async (prompt: string, flags: GenerateFlags) => {
      const text = assertValidPrompt(prompt);
      const config = getConfig();
      const format = flags.format ?? (flags.output && extname(flags.output) ? undefined : 'glb');
      const output =
        flags.output ?? join(config.outputDir, `${slugify(text)}.${resolveFormat('', format).extensions[0]}`);
      // Resolve the format before generating, so a typo fails in milliseconds, not after the work.
      const writer = resolveFormat(output, format);
      if (flags.pointsOnly) assertHoldsPointClouds(writer);
      if (flags.useImageAs && !flags.image) {
        throw new InvalidConfigError('--use-image-as', '--use-image-as needs --image <file>.');
      }
      const image = flags.image ? await readImage(flags.image) : undefined;
      const model = ModelFactory.createModel(flags.model ?? config.defaultModel);
      const progress = createProgressReporter();
      try {
        const result = await model.generateFromText(text, {
          seed: flags.seed,
          numInferenceSteps: flags.steps,
          guidanceScale: flags.guidance,
          ...(flags.meshResolution !== undefined ? { meshResolution: flags.meshResolution } : {}),
          ...(flags.pointsOnly ? { pointsOnly: true } : {}),
          negativePrompt: flags.negative,
          ...(image ? { image, useImageAs: flags.useImageAs ?? 'palette' } : {}),
          ...(flags.lods ? { lods: flags.lods } : {}),
          ...(flags.detail ? { detail: flags.detail } : {}),
          onProgress: (p) => progress.update(p.fraction, p.stage),
        });
        progress.update(1, 'saving');
        const path = await result.save(output, format, { fbxWriter: flags.fbxWriter });
        const count = result.isPointCloud
          ? `${result.asset.parts.reduce((n, p) => n + vertexCount(p.mesh), 0)} points`
          : `${result.asset.parts.reduce((n, p) => n + triangleCount(p.mesh), 0)} triangles`;
        process.stderr.write(
          `${model.name}: ${result.asset.parts.length} parts, ${count}, ` +
            `${(result.generationTime * 1000).toFixed(0)} ms, seed ${result.metadata.seed}\n`,
        );
        const palette = result.metadata.palette as PaletteReport | undefined;
        for (const a of palette?.applied ?? []) {
          process.stderr.write(`palette: ${a.name} (${a.hex}) → ${a.parts.join(', ')}\n`);
        }
        process.stdout.write(`${path}\n`);
      } finally {
        progress.done();
      }
    });
}
