import { colorsNamed, convertOklabToRgb, convertRgbToOklab } from 'culori';
import sharp from 'sharp';
import { FileFormatError } from '../../errors.js';
import type { Rgb } from '../../geometry/surface.js';
import type { ImageInput } from '../base.js';
import { COLOR_WORDS, type ColorChoice, hexToLinear } from './colors.js';
import { Rng } from './random.js';

/** One dominant colour of an image. */
export interface PaletteColor {
  /** sRGB, '#rrggbb'. */
  hex: string;
  /** Linear RGB, 0–1 (the space of glTF's baseColorFactor). */
  rgb: Rgb;
  /** The cluster centre in OKLab: [L, a, b]. */
  oklab: [number, number, number];
  /** Fraction of the image's opaque pixels in this colour's cluster, 0–1. */
  share: number;
  /** The nearest colour word (our own words first, then the CSS names), for explanations: 'teal'. */
  name: string;
}

export interface PaletteOptions {
  /** How many colours to find, 1 to 16 (default 3); fewer come back when the image has fewer. */
  colors?: number;
  /** Seeds the k-means++ start; the same image and seed always give the same palette. */
  seed?: number;
}

/** The image is shrunk to fit this many pixels a side before clustering. */
const SAMPLE_SIDE = 64;
/** Pixels with less alpha than this (of 255) are background and skipped. */
const MIN_ALPHA = 128;
/** k-means runs from this many k-means++ starts and keeps the tightest result. */
const RESTARTS = 4;
const MAX_ITERATIONS = 60;
/** Clusters closer than this in OKLab (about one just-noticeable difference) are one colour. */
const MERGE_DISTANCE = 0.03;
/** Largest image decoded, in pixels (width × height). */
const MAX_INPUT_PIXELS = 100_000_000;

type Lab = [number, number, number];

/**
 * Finds an image's dominant colours: the image is decoded with sharp (PNG, JPEG, WebP, …; EXIF
 * orientation applied), shrunk to at most 64×64, its transparent pixels (alpha < 50 %) skipped, and
 * the rest clustered with k-means in OKLab (a perceptual space: equal distances look equally
 * different) from seeded k-means++ starts; clusters the eye cannot tell apart (OKLab ΔE < 0.03) are
 * joined. Colours come back largest cluster first. Deterministic:
 * the same bytes and seed always give the same palette. An image with no opaque pixel gives `[]`.
 *
 * @throws FileFormatError when the input cannot be decoded as an image.
 * @example
 * const [main, second] = await extractPalette(await readFile('ref.png'), { colors: 3 });
 * main.hex; // '#2d6fb3'
 * main.name; // 'cerulean'
 */
export async function extractPalette(
  image: ImageInput,
  options: PaletteOptions = {},
): Promise<PaletteColor[]> {
  const k = options.colors ?? 3;
  if (!Number.isInteger(k) || k < 1 || k > 16) {
    throw new RangeError(`extractPalette: colors must be an integer from 1 to 16, not ${k}`);
  }
  const pixels = await samplePixels(image);
  // Distinct colours with their pixel counts: k-means works on weighted points.
  const counts = new Map<number, number>();
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] < MIN_ALPHA) continue;
    const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const points: Lab[] = [];
  const weights: number[] = [];
  for (const [key, n] of counts) {
    const c = convertRgbToOklab({
      r: ((key >> 16) & 255) / 255,
      g: ((key >> 8) & 255) / 255,
      b: (key & 255) / 255,
    });
    points.push([c.l, c.a, c.b]);
    weights.push(n);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const rng = new Rng(options.seed ?? 0x9a1e77e);
  let best: { centres: Lab[]; sizes: number[]; cost: number } | undefined;
  for (let r = 0; r < RESTARTS; r++) {
    const run = kmeans(points, weights, Math.min(k, points.length), rng);
    if (!best || run.cost < best.cost - 1e-12) best = run;
  }
  const clusters = mergeClose(
    best!.centres.map((centre, i) => ({ centre, size: best!.sizes[i] })).filter((c) => c.size > 0),
  ).sort((a, b) => b.size - a.size || b.centre[0] - a.centre[0]);
  return clusters.map(({ centre, size }) => describe(centre, size / total));
}

/** The colour a palette entry gives a part, named after its hex so equal names mean equal colours. */
export function paletteColorChoice(color: PaletteColor): ColorChoice {
  return { name: `image ${color.hex.slice(1)}`, rgb: color.rgb };
}

async function samplePixels(image: ImageInput): Promise<Uint8Array> {
  try {
    const input =
      typeof image === 'string'
        ? sharp(image, { limitInputPixels: MAX_INPUT_PIXELS })
        : image instanceof Uint8Array
          ? sharp(image, { limitInputPixels: MAX_INPUT_PIXELS })
          : sharp(image.data, {
              raw: { width: image.width, height: image.height, channels: image.channels },
            });
    const { data } = await input
      .rotate()
      .resize({
        width: SAMPLE_SIDE,
        height: SAMPLE_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
        // A triangle filter averages without overshoot, so no colour appears that the image lacks.
        kernel: 'linear',
      })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return data;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new FileFormatError(
      `The reference image could not be decoded (${why}); give a PNG, JPEG or WebP image.`,
      { cause: err },
    );
  }
}

/** Weighted k-means (Lloyd) from a k-means++ start; `cost` is the weighted sum of squared distances. */
function kmeans(
  points: Lab[],
  weights: number[],
  k: number,
  rng: Rng,
): { centres: Lab[]; sizes: number[]; cost: number } {
  const centres = seedCentres(points, weights, k, rng);
  const assign = new Int32Array(points.length).fill(-1);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    let changed = false;
    for (let i = 0; i < points.length; i++) {
      const c = nearest(points[i], centres);
      if (c !== assign[i]) {
        assign[i] = c;
        changed = true;
      }
    }
    if (!changed) break;
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (let i = 0; i < points.length; i++) {
      const s = sums[assign[i]];
      const w = weights[i];
      s[0] += points[i][0] * w;
      s[1] += points[i][1] * w;
      s[2] += points[i][2] * w;
      s[3] += w;
    }
    // An emptied cluster keeps its old centre (it is dropped from the palette if it stays empty).
    for (let c = 0; c < k; c++)
      if (sums[c][3] > 0)
        centres[c] = [sums[c][0] / sums[c][3], sums[c][1] / sums[c][3], sums[c][2] / sums[c][3]];
  }
  const sizes = new Array<number>(k).fill(0);
  let cost = 0;
  for (let i = 0; i < points.length; i++) {
    sizes[assign[i]] += weights[i];
    cost += weights[i] * dist2(points[i], centres[assign[i]]);
  }
  return { centres, sizes, cost };
}

/**
 * Joins clusters that are the same colour to the eye (an edge's rounding, JPEG noise): the closest pair
 * under `MERGE_DISTANCE` becomes their weighted mean, until no pair is that close.
 */
function mergeClose(clusters: Array<{ centre: Lab; size: number }>): Array<{ centre: Lab; size: number }> {
  const out = clusters.map((c) => ({ centre: [...c.centre] as Lab, size: c.size }));
  for (;;) {
    let pair: [number, number] | undefined;
    let closest = MERGE_DISTANCE * MERGE_DISTANCE;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const d = dist2(out[i].centre, out[j].centre);
        if (d < closest) {
          closest = d;
          pair = [i, j];
        }
      }
    }
    if (!pair) return out;
    const [a, b] = [out[pair[0]], out[pair[1]]];
    const size = a.size + b.size;
    a.centre = a.centre.map((v, k) => (v * a.size + b.centre[k] * b.size) / size) as Lab;
    a.size = size;
    out.splice(pair[1], 1);
  }
}

/** k-means++: the first centre by weight, each next one with probability ∝ weight × squared distance. */
function seedCentres(points: Lab[], weights: number[], k: number, rng: Rng): Lab[] {
  const centres: Lab[] = [points[pickWeighted(weights, rng)]];
  const d2 = points.map((p) => dist2(p, centres[0]));
  while (centres.length < k) {
    const score = d2.map((d, i) => d * weights[i]);
    // Every remaining point coincides with a centre: no distinct colour is left to add.
    if (score.every((s) => s === 0)) break;
    const next = points[pickWeighted(score, rng)];
    centres.push(next);
    for (let i = 0; i < points.length; i++) d2[i] = Math.min(d2[i], dist2(points[i], next));
  }
  return centres;
}

function pickWeighted(weights: number[], rng: Rng): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0 && weights[i] > 0) return i;
  }
  // Float rounding left x just above 0: the last point with any weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}

function nearest(p: Lab, centres: Lab[]): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < centres.length; c++) {
    const d = dist2(p, centres[c]);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function dist2(a: Lab, b: Lab): number {
  const dl = a[0] - b[0];
  const da = a[1] - b[1];
  const db = a[2] - b[2];
  return dl * dl + da * da + db * db;
}

function describe(centre: Lab, share: number): PaletteColor {
  const rgb = convertOklabToRgb({ l: centre[0], a: centre[1], b: centre[2] });
  const hex = `#${[rgb.r, rgb.g, rgb.b]
    .map((v) =>
      Math.round(Math.min(1, Math.max(0, v)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
  return {
    hex,
    rgb: hexToLinear(hex).map(round) as Rgb,
    oklab: centre.map(round) as Lab,
    share: round(share),
    name: nearestColorName(centre),
  };
}

/** A CSS name must be this much closer (OKLab distance) than our nearest own word to be used instead. */
const CSS_MARGIN = 0.02;
let namedColors: { own: Array<[string, Lab]>; css: Array<[string, Lab]> } | undefined;

/** The nearest colour word to an OKLab colour: our own words, or a CSS name when clearly closer. */
export function nearestColorName(lab: Lab): string {
  namedColors ??= {
    own: Object.entries(COLOR_WORDS).map(([name, hex]) => [name, hexToLab(hex)]),
    css: Object.entries(colorsNamed as Record<string, number>).map(([name, n]) => [
      name,
      hexToLab(`#${n.toString(16).padStart(6, '0')}`),
    ]),
  };
  const closest = (list: Array<[string, Lab]>): [string, number] => {
    let best: [string, number] = ['', Infinity];
    for (const [name, c] of list) {
      const d = Math.sqrt(dist2(lab, c));
      if (d < best[1]) best = [name, d];
    }
    return best;
  };
  const own = closest(namedColors.own);
  const css = closest(namedColors.css);
  return css[1] < own[1] - CSS_MARGIN ? css[0] : own[0];
}

function hexToLab(hex: string): Lab {
  const n = Number.parseInt(hex.slice(1), 16);
  const c = convertRgbToOklab({ r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 });
  return [c.l, c.a, c.b];
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
