import sharp from 'sharp';
import type { Asset, Texture } from '../asset/asset.js';
import type { ViewSpec } from './camera.js';
import {
  type DecodedTexture,
  RASTERIZE_DEFAULTS,
  type RasterizeOptions,
  rasterizeAsset,
} from './rasterize.js';

export interface RenderThumbnailOptions extends Omit<RasterizeOptions, 'textures' | 'size'> {
  /** Side in pixels, 16–1024 (256–1024 recommended). */
  size?: number;
  view?: ViewSpec;
}

export const RENDER_THUMBNAIL_DEFAULTS = { ...RASTERIZE_DEFAULTS, size: 256 };

/** Decodes every base-colour texture of an asset to RGBA once (sharp), keyed by the texture object. */
export async function decodeTextures(asset: Asset): Promise<Map<unknown, DecodedTexture>> {
  const out = new Map<unknown, DecodedTexture>();
  const todo = new Set<Texture>();
  for (const p of asset.parts) if (p.material.baseColorTexture) todo.add(p.material.baseColorTexture);
  await Promise.all(
    [...todo].map(async (t) => {
      const { data, info } = await sharp(t.data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      out.set(t, {
        width: info.width,
        height: info.height,
        data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      });
    }),
  );
  return out;
}

/**
 * Renders an asset to a PNG thumbnail (software rasteriser, see `rasterizeAsset`).
 *
 * @example
 * await writeFile('chair.png', await renderThumbnail(asset, { size: 512, view: 'iso' }));
 */
export async function renderThumbnail(
  asset: Asset,
  options: RenderThumbnailOptions = {},
): Promise<Uint8Array> {
  const o = { ...RENDER_THUMBNAIL_DEFAULTS, ...options };
  if (!Number.isInteger(o.size) || o.size < 16 || o.size > 1024) {
    throw new RangeError(`renderThumbnail: size must be an integer from 16 to 1024, not ${o.size}`);
  }
  const textures = await decodeTextures(asset);
  const image = rasterizeAsset(asset, { ...o, textures });
  const png = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png()
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}
