import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { ArtifactStorage } from '../jobs/storage.js';
import { HttpProblem } from './problem.js';

/** Largest image accepted, in pixels (width × height), before any decoding work is done. */
export const MAX_UPLOAD_PIXELS = 40_000_000;

/** The image type from its first bytes; the client's file name and Content-Type are not trusted. */
export function sniffImageType(bytes: Uint8Array): 'png' | 'jpeg' | 'webp' | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 16));
  if (
    b.length >= 8 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  return undefined;
}

/**
 * Checks an uploaded reference image and stores a clean copy: the type is sniffed from the bytes
 * (PNG, JPEG or WebP only), the size is checked in pixels before decoding, and the image is decoded
 * and re-encoded as PNG (dropping metadata and anything hidden after the image data). Stored under
 * a random name; resolves its storage key.
 */
export async function storeReferenceImage(bytes: Buffer, uploads: ArtifactStorage): Promise<string> {
  const type = sniffImageType(bytes);
  if (!type) {
    throw new HttpProblem(
      415,
      'UNSUPPORTED_IMAGE',
      'The reference image must be a PNG, JPEG or WebP file (checked from its content, not its name).',
    );
  }
  let png: Buffer;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: 'error' });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    png = await image.rotate().png().toBuffer();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(why)) {
      throw new HttpProblem(
        413,
        'IMAGE_TOO_LARGE',
        `The reference image has more than ${MAX_UPLOAD_PIXELS / 1e6} megapixels; scale it down.`,
      );
    }
    throw new HttpProblem(
      400,
      'INVALID_IMAGE',
      `The reference image could not be decoded as ${type}: ${why}`,
    );
  }
  const key = `ref-${randomBytes(16).toString('hex')}.png`;
  await uploads.put(key, png);
  return key;
}
