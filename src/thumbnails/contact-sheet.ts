import sharp from 'sharp';
import type { Asset } from '../asset/asset.js';
import type { ViewSpec } from './camera.js';
import { RASTERIZE_DEFAULTS, rasterizeAsset } from './rasterize.js';
import { decodeTextures } from './render-thumbnail.js';

export interface ContactSheetOptions {
  views?: ViewSpec[];
  /** Side of each view in pixels (16–1024). */
  size?: number;
  /** Views a row; defaults to a near-square grid. */
  columns?: number;
  /** Pixels between views and around the sheet. */
  gap?: number;
  background?: [number, number, number, number];
  supersample?: number;
}

export const CONTACT_SHEET_DEFAULTS: Required<Omit<ContactSheetOptions, 'columns'>> = {
  views: ['front', 'right', 'back', 'left', 'top', 'iso'],
  size: 256,
  gap: 8,
  background: RASTERIZE_DEFAULTS.background,
  supersample: RASTERIZE_DEFAULTS.supersample,
};

/**
 * Renders several views of one asset into a single PNG grid (a contact sheet).
 *
 * @example
 * await writeFile('sheet.png', await renderContactSheet(asset, { views: ['front', 'iso', 'top'] }));
 */
export async function renderContactSheet(
  asset: Asset,
  options: ContactSheetOptions = {},
): Promise<Uint8Array> {
  const o = { ...CONTACT_SHEET_DEFAULTS, ...options };
  if (o.views.length === 0) throw new RangeError('renderContactSheet: give at least one view');
  if (!Number.isInteger(o.size) || o.size < 16 || o.size > 1024) {
    throw new RangeError(`renderContactSheet: size must be an integer from 16 to 1024, not ${o.size}`);
  }
  const columns = options.columns ?? Math.ceil(Math.sqrt(o.views.length));
  const rows = Math.ceil(o.views.length / columns);
  const width = columns * o.size + (columns + 1) * o.gap;
  const height = rows * o.size + (rows + 1) * o.gap;
  const textures = await decodeTextures(asset);
  const tiles = o.views.map((view, i) => {
    const img = rasterizeAsset(asset, {
      size: o.size,
      view,
      textures,
      background: o.background,
      supersample: o.supersample,
    });
    return {
      input: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length),
      raw: { width: img.width, height: img.height, channels: 4 as const },
      left: o.gap + (i % columns) * (o.size + o.gap),
      top: o.gap + Math.floor(i / columns) * (o.size + o.gap),
    };
  });
  const [r, g, b, a] = o.background;
  const png = await sharp({ create: { width, height, channels: 4, background: { r, g, b, alpha: a / 255 } } })
    .composite(tiles)
    .png()
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}
