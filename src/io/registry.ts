import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { type Asset, assertValidAsset, hasPointClouds } from '../asset/asset.js';
import { DreamCadError, FileFormatError } from '../errors.js';
import type { ExportOptions, ExportOutput, FormatWriter } from './format.js';

const writers = new Map<string, FormatWriter>();

/** Adds (or replaces) the writer for a format; its extensions then select it. */
export function registerFormat(writer: FormatWriter): void {
  writers.set(writer.format, writer);
}

/** Every registered format, in registration order. */
export function listFormats(): FormatWriter[] {
  return [...writers.values()];
}

function supportedList(): string {
  return listFormats()
    .map((w) => w.format)
    .join(', ');
}

/**
 * The writer for `format` (an id like "glb", with or without a dot, any case) or, when `format`
 * is omitted, for the extension of `path`. Throws `FileFormatError` listing what is supported.
 */
export function resolveFormat(path: string, format?: string): FormatWriter {
  const wanted = (format ?? extname(path)).replace(/^\./, '').toLowerCase();
  if (!wanted) {
    throw new FileFormatError(
      `Cannot tell the format of "${path}": give a file extension or a format (${supportedList()}).`,
    );
  }
  for (const w of writers.values()) {
    if (w.format === wanted || w.extensions.includes(wanted)) return w;
  }
  throw new FileFormatError(`Unsupported format "${wanted}". Supported formats: ${supportedList()}.`);
}

/** Ids of the formats that can hold point clouds, e.g. "glb, ply". */
export function pointCloudFormats(): string[] {
  return listFormats()
    .filter((w) => w.pointClouds)
    .map((w) => w.format);
}

/**
 * Throws `FileFormatError` when `writer` cannot hold point clouds, naming the formats that can.
 * Callers that know in advance they will save points (the CLI's `--points-only`) check early with it.
 */
export function assertHoldsPointClouds(writer: FormatWriter): void {
  if (writer.pointClouds) return;
  throw new FileFormatError(
    `${writer.format.toUpperCase()} cannot hold a point cloud (it stores triangle meshes only); ` +
      `save point clouds as ${pointCloudFormats().join(' or ')}.`,
  );
}

/**
 * Converts an asset to a format in memory. An asset with point-cloud parts goes only to formats
 * that hold points (see `pointCloudFormats()`); any other format fails with `FileFormatError`
 * before a byte is written.
 *
 * @example
 * const { main } = await exportAsset(asset, 'glb');
 */
export async function exportAsset(
  asset: Asset,
  format: string,
  baseName = 'model',
  options: Omit<ExportOptions, 'baseName'> = {},
): Promise<ExportOutput> {
  const writer = resolveFormat(`${baseName}.${format}`, format);
  if (hasPointClouds(asset)) assertHoldsPointClouds(writer);
  try {
    assertValidAsset(asset);
    return await writer.write(asset, { ...options, baseName });
  } catch (err) {
    // Our own errors (a cancelled conversion, a missing Blender) already say what happened.
    if (err instanceof DreamCadError) throw err;
    throw new FileFormatError(
      `Exporting ${writer.format} failed: ${err instanceof Error ? err.message : err}`,
      {
        cause: err,
      },
    );
  }
}

/**
 * Writes an asset to `path` in the format of its extension (or `format`), creating the folder if
 * needed. Writes are atomic: every file goes to a temporary name first and is renamed into place
 * only when all bytes are written, so a failed export leaves nothing behind. Resolves to the
 * absolute path of the main file.
 *
 * @example
 * await saveAsset(asset, 'out/chair.obj'); // also writes out/chair.mtl
 * await saveAsset(asset, 'out/chair.fbx', undefined, { fbxTextures: 'beside' }); // + chair_<texture>.png
 */
export async function saveAsset(
  asset: Asset,
  path: string,
  format?: string,
  options: Omit<ExportOptions, 'baseName'> = {},
): Promise<string> {
  const target = resolve(path);
  const writer = resolveFormat(target, format);
  const folder = dirname(target);
  const base = basename(target, extname(target)) || 'model';
  const output = await exportAsset(asset, writer.format, base, options);
  // Sidecars first, main file last: a reader that sees the main file finds its sidecars complete.
  const files = [
    ...output.sidecars.map((s) => ({ path: join(folder, s.name), data: s.data })),
    { path: target, data: output.main },
  ];
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const temps: string[] = [];
  const placed: string[] = [];
  try {
    await mkdir(folder, { recursive: true });
    for (const f of files) {
      temps.push(f.path + suffix);
      await writeFile(f.path + suffix, f.data);
    }
    for (const f of files) {
      await rename(f.path + suffix, f.path);
      placed.push(f.path);
    }
  } catch (err) {
    // Undo everything this save put in place too: sidecars without their main file are litter.
    await Promise.all([...temps, ...placed].map((t) => rm(t, { force: true })));
    throw new FileFormatError(`Could not write "${target}": ${err instanceof Error ? err.message : err}`, {
      cause: err,
    });
  }
  return target;
}
