import sharp from 'sharp';
import type { Texture } from '../../asset/asset.js';
import type { Rgb } from '../../geometry/surface.js';

/** Two-colour patterns a prompt can ask for ("a striped scarf", "a plaid blanket"). */
export type PatternId = 'stripes' | 'checks' | 'dots' | 'plaid' | 'spots' | 'zigzag';

/** Grey-scale detail a material carries (wood grain) or a finish adds (cracks); multiplies the colour. */
export type DetailId = 'grain' | 'marble' | 'brick' | 'weave' | 'cracks';

export interface PatternDefinition {
  id: PatternId;
  words: string[];
  effect: string;
}

export const PATTERNS: readonly PatternDefinition[] = [
  {
    id: 'stripes',
    words: ['striped', 'stripes', 'stripy', 'stripey', 'pinstriped', 'banded', 'zebra'],
    effect: 'bands of two colours',
  },
  {
    id: 'checks',
    words: ['checkered', 'chequered', 'checked', 'checks', 'checkerboard', 'gingham', 'harlequin'],
    effect: 'squares of two colours',
  },
  {
    id: 'dots',
    words: ['polka dot', 'polka dots', 'polka dotted', 'polka', 'dotted', 'dots', 'dotty'],
    effect: 'round dots of the second colour',
  },
  { id: 'plaid', words: ['plaid', 'tartan', 'flannel'], effect: 'crossing bands (tartan)' },
  {
    id: 'spots',
    words: [
      'spotted',
      'spots',
      'spotty',
      'dappled',
      'speckled',
      'leopard',
      'dalmatian',
      'camouflage',
      'camo',
    ],
    effect: 'irregular blotches of the second colour',
  },
  { id: 'zigzag', words: ['zigzag', 'chevron', 'herringbone'], effect: 'zigzag bands' },
];

const byWord = new Map<string, PatternDefinition>();
for (const p of PATTERNS) for (const w of p.words) byWord.set(w, p);

/** The pattern a word or two-word phrase names ("striped", "polka dot"). */
export function lookupPattern(phrase: string): PatternDefinition | undefined {
  return byWord.get(phrase);
}

/** How many metres one texture tile spans for each kind of detail (UVs are in metres). */
export const DETAIL_TILE_METRES: Readonly<Record<DetailId, number>> = {
  grain: 0.5,
  marble: 0.6,
  brick: 1,
  weave: 0.25,
  cracks: 0.4,
};

export interface TextureRequest {
  /** A two-colour pattern with its colours (linear RGB): the texture then carries the colour itself. */
  pattern?: { id: PatternId; colors: [Rgb, Rgb] };
  /** Grey-scale details multiplied in, in order. */
  details: DetailId[];
}

/** The side of every baked texture in pixels: enough for a thumbnail or a game prop, small in a GLB. */
export const TEXTURE_SIZE = 256;

const cache = new Map<string, Promise<BakedTexture>>();
const CACHE_LIMIT = 48;

export interface BakedTexture {
  texture: Texture;
  /** Mean linear brightness of the grey-scale details (the caller divides the colour factor by it). */
  meanDetail: number;
}

/**
 * Bakes a seamlessly tiling texture to PNG with sharp. Everything is computed from the request alone
 * (integer-hash noise, no randomness), so equal requests give byte-identical PNGs; they are also cached
 * for the life of the process.
 *
 * @example
 * const { texture } = await bakeTexture({ details: ['grain'] });
 */
export function bakeTexture(request: TextureRequest): Promise<BakedTexture> {
  const key = textureKey(request);
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    hit = render(request, key);
    cache.set(key, hit);
  }
  return hit;
}

/** A short stable name for a request, used as the texture name. */
export function textureKey(request: TextureRequest): string {
  const parts: string[] = [];
  if (request.pattern) {
    const hex = request.pattern.colors.map((c) =>
      c.map((v) => toByte(linearToSrgb(v)).toString(16).padStart(2, '0')).join(''),
    );
    parts.push(`${request.pattern.id}_${hex.join('_')}`);
  }
  parts.push(...request.details);
  return parts.join('_') || 'plain';
}

async function render(request: TextureRequest, name: string): Promise<BakedTexture> {
  const n = TEXTURE_SIZE;
  const rgb = new Uint8Array(n * n * 3);
  let detailSum = 0;
  const colors = request.pattern?.colors.map((c) => c.map(linearToSrgb) as Rgb);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      // u right, v up: PNG rows run top to bottom.
      const u = x / n;
      const v = 1 - (y + 1) / n;
      let d = 1;
      for (const id of request.details) d *= DETAILS[id](u, v);
      detailSum += srgbToLinear(d);
      const o = (y * n + x) * 3;
      if (colors && request.pattern) {
        const t = PATTERN_FNS[request.pattern.id](u, v);
        for (let k = 0; k < 3; k++) rgb[o + k] = toByte((colors[0][k] * (1 - t) + colors[1][k] * t) * d);
      } else {
        rgb[o] = rgb[o + 1] = rgb[o + 2] = toByte(d);
      }
    }
  }
  const png = await sharp(rgb, { raw: { width: n, height: n, channels: 3 } })
    .png({ compressionLevel: 6, adaptiveFiltering: false, palette: false })
    .toBuffer();
  return {
    texture: {
      name,
      mimeType: 'image/png',
      data: new Uint8Array(png.buffer, png.byteOffset, png.length),
      width: n,
      height: n,
    },
    meanDetail: detailSum / (n * n),
  };
}

// ---- patterns: 0 = first colour, 1 = second, values between blend (anti-aliased edges) -------------

const smooth = (edge: number, x: number, w = 0.012) => Math.min(1, Math.max(0, (x - edge + w) / (2 * w)));
const frac = (x: number) => x - Math.floor(x);

const PATTERN_FNS: Record<PatternId, (u: number, v: number) => number> = {
  stripes: (_u, v) => {
    const f = frac(v * 8);
    return smooth(0.5, f, 0.02) * (1 - smooth(0.98, f, 0.02));
  },
  checks: (u, v) => {
    const a = Math.floor(u * 8) + Math.floor(v * 8);
    return a % 2 === 0 ? 0 : 1;
  },
  dots: (u, v) => {
    const rows = 8;
    const row = Math.floor(v * rows);
    const shift = row % 2 === 0 ? 0 : 0.5;
    const cu = frac(u * rows + shift) - 0.5;
    const cv = frac(v * rows) - 0.5;
    return 1 - smooth(0.27, Math.hypot(cu, cv), 0.03);
  },
  plaid: (u, v) => {
    const band = (x: number) => {
      const f = frac(x * 4);
      return (f < 0.3 ? 0.6 : 0) + (f > 0.45 && f < 0.52 ? 0.4 : 0) + (f > 0.7 && f < 0.74 ? 0.3 : 0);
    };
    return Math.min(1, band(u) * 0.6 + band(v) * 0.6);
  },
  spots: (u, v) => {
    const n = fbm(u, v, 6, 6, 3, 11);
    return smooth(0.58, n, 0.03);
  },
  zigzag: (u, v) => {
    const zig = Math.abs(frac(u * 8) - 0.5) * 0.25;
    const f = frac((v + zig) * 6);
    return f < 0.5 ? 0 : 1;
  },
};

// ---- grey-scale details (1 = unchanged) ---------------------------------------------------------------

const DETAILS: Record<DetailId, (u: number, v: number) => number> = {
  grain: (u, v) => {
    // Long fibres along u: rings in v, warped by low-frequency noise, plus fine streaks.
    const warp = fbm(u, v, 2, 4, 3, 3) * 2.2;
    const rings = frac(v * 14 + warp);
    const ring = Math.abs(rings - 0.5) * 2;
    const streak = fbm(u, v, 3, 64, 2, 7);
    return 0.76 + 0.16 * ring ** 3 + 0.1 * streak;
  },
  marble: (u, v) => {
    const t = fbm(u, v, 4, 4, 5, 5);
    const vein = Math.abs(Math.sin((u + v + t * 1.4) * Math.PI * 4));
    return 0.72 + 0.28 * vein ** 0.25;
  },
  brick: (u, v) => {
    const rows = 12;
    const cols = 4;
    const row = Math.floor(v * rows);
    const fu = frac(u * cols + (row % 2 === 0 ? 0 : 0.5));
    const fv = frac(v * rows);
    const mortar = fu < 0.03 || fv < 0.1;
    if (mortar) return 1.18;
    const shade = 0.86 + 0.14 * hash2(Math.floor(u * cols + (row % 2 === 0 ? 0 : 0.5)) % cols, row, 9);
    return shade * (0.94 + 0.06 * fbm(u, v, 16, 16, 2, 4));
  },
  weave: (u, v) => {
    const k = 12;
    const cu = Math.floor(u * k);
    const cv = Math.floor(v * k);
    const over = (cu + cv) % 2 === 0;
    const f = over ? frac(v * k) : frac(u * k);
    return 0.7 + 0.3 * Math.sin(f * Math.PI);
  },
  cracks: (u, v) => {
    // Distance to the nearest Voronoi edge: thin dark lines on a tiling grid of 5×5 cells.
    const k = 5;
    let d1 = 9;
    let d2 = 9;
    const gx = Math.floor(u * k);
    const gy = Math.floor(v * k);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const cx = gx + dx;
        const cy = gy + dy;
        const px = cx + hash2(mod(cx, k), mod(cy, k), 21);
        const py = cy + hash2(mod(cx, k), mod(cy, k), 22);
        const d = Math.hypot(u * k - px, v * k - py);
        if (d < d1) {
          d2 = d1;
          d1 = d;
        } else if (d < d2) d2 = d;
      }
    }
    const edge = d2 - d1;
    return edge < 0.04 ? 0.35 + (edge / 0.04) * 0.65 : 1;
  },
};

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** A deterministic hash of two integers and a salt to [0, 1). */
function hash2(x: number, y: number, salt: number): number {
  let h = Math.imul(x | 0, 374761393) ^ Math.imul(y | 0, 668265263) ^ Math.imul(salt, 2246822519);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Value noise that tiles every `px` cells in x and `py` in y. */
function noise(x: number, y: number, px: number, py: number, salt: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const h = (i: number, j: number) => hash2(mod(i, px), mod(j, py), salt);
  const a = h(x0, y0) + (h(x0 + 1, y0) - h(x0, y0)) * sx;
  const b = h(x0, y0 + 1) + (h(x0 + 1, y0 + 1) - h(x0, y0 + 1)) * sx;
  return a + (b - a) * sy;
}

/**
 * Fractal value noise in [0, 1] over u, v ∈ [0, 1) that tiles: `sx`, `sy` cells across the tile,
 * `octaves` layers, each twice the frequency.
 */
function fbm(u: number, v: number, sx: number, sy: number, octaves: number, salt: number): number {
  let sum = 0;
  let amp = 0.5;
  let norm = 0;
  let f = 1;
  for (let o = 0; o < octaves; o++) {
    sum += amp * noise(u * sx * f, v * sy * f, sx * f, sy * f, salt + o);
    norm += amp;
    amp *= 0.5;
    f *= 2;
  }
  return sum / norm;
}

function linearToSrgb(c: number): number {
  const x = Math.min(1, Math.max(0, c));
  return x <= 0.0031308 ? x * 12.92 : 1.055 * x ** (1 / 2.4) - 0.055;
}

function srgbToLinear(c: number): number {
  const x = Math.min(1, Math.max(0, c));
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
}

function toByte(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 255);
}
