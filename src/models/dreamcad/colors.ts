import { colorsNamed } from 'culori';
import type { Rgb } from '../../geometry/surface.js';

/** A colour the prompt asked for, resolved to linear RGB. */
export interface ColorChoice {
  /** The words as written, e.g. "dark blue". */
  name: string;
  /** Linear RGB, 0–1. */
  rgb: Rgb;
}

/**
 * Colour words and their sRGB values. Chosen as a person pictures the word on a painted object, not
 * the saturated CSS value: pure black and white never occur on real surfaces, so they are pulled in.
 * Metals (gold, silver, bronze, copper) are materials, not colours: see materials.ts.
 */
export const COLOR_WORDS: Readonly<Record<string, string>> = {
  red: '#c42b2b',
  green: '#2e8b3a',
  blue: '#2459c4',
  yellow: '#f0c929',
  orange: '#ec7d1f',
  purple: '#74399c',
  pink: '#ee8fb5',
  brown: '#774a28',
  black: '#1a1a1a',
  white: '#f0f0ec',
  grey: '#808080',
  gray: '#808080',
  beige: '#d8c6a1',
  teal: '#1f8585',
  navy: '#1f2b5e',
  maroon: '#6b1623',
  olive: '#6b6b24',
  cyan: '#22bfd0',
  magenta: '#c2249e',
  lime: '#7fcc2b',
  turquoise: '#33c2b2',
  lavender: '#b39ddb',
  violet: '#7f3fbf',
  indigo: '#3d2b8c',
  crimson: '#b0182f',
  scarlet: '#dc321f',
  burgundy: '#6b1f2f',
  ivory: '#f3eedb',
  cream: '#f0e6c8',
  tan: '#c7a678',
  khaki: '#bcae7a',
  charcoal: '#33393f',
  coral: '#ee7f69',
  salmon: '#f09a82',
  mint: '#9fdab0',
  emerald: '#1f8f52',
  ruby: '#9b1121',
  amber: '#eea820',
  mustard: '#cfa61f',
  chocolate: '#5a3318',
  sand: '#d5bf8b',
  rust: '#a5481f',
  sky: '#83bde9',
  aqua: '#3fc6d9',
  rose: '#e07a8f',
  peach: '#f6b68f',
  lilac: '#c8a2c8',
  mauve: '#b784a7',
  ochre: '#c8891f',
  taupe: '#8b7d6b',
  blond: '#e6cf8b',
  blonde: '#e6cf8b',
  ginger: '#c0652a',
  auburn: '#8a3b24',
  cerulean: '#2a7ab0',
  azure: '#3a8ee6',
  jet: '#121212',
  snow: '#f7f7f5',
};

/**
 * Two-word colours that are not a modifier plus a colour ("baby blue", "blood red"); CSS names written
 * as two words ("royal blue" → royalblue) are found through the CSS list.
 */
export const COLOR_PHRASES: Readonly<Record<string, string>> = {
  'baby blue': '#89cff0',
  'blood red': '#8a0b12',
  'brick red': '#a8402e',
  'cherry red': '#b3122e',
  'fire engine red': '#ce2029',
  'wine red': '#722f37',
  'olive green': '#6b7a2a',
  'bottle green': '#1f5a3a',
  'army green': '#4b5320',
  'emerald green': '#1f8f52',
  'mint green': '#98d8b0',
  'sage green': '#9caf88',
  'neon green': '#39ff14',
  'navy blue': '#1f2b5e',
  'sky blue': '#83bde9',
  'ice blue': '#b8dcf0',
  'electric blue': '#2f7df6',
  'cobalt blue': '#1f47ab',
  'hot pink': '#ff4fa3',
  'baby pink': '#f4c2cf',
  'dusty pink': '#d3a0a4',
  'rose gold': '#d8a08e',
  'lemon yellow': '#f4e04d',
  'sunflower yellow': '#f2c12e',
  'burnt orange': '#c5561b',
  'off white': '#f0ece1',
  'jet black': '#121212',
  'pitch black': '#0c0c0c',
  'charcoal grey': '#33393f',
  'charcoal gray': '#33393f',
  'slate grey': '#65707d',
  'slate gray': '#65707d',
  'dark grey': '#4a4a4a',
  'battleship grey': '#7a7f80',
  'forest green': '#228b22',
};

/** Words ending in -ish or -y that lean towards a colour ("reddish", "bluish"). */
export const COLOR_LEANINGS: Readonly<Record<string, string>> = {
  reddish: 'red',
  bluish: 'blue',
  blueish: 'blue',
  greenish: 'green',
  yellowish: 'yellow',
  purplish: 'purple',
  pinkish: 'pink',
  pinky: 'pink',
  brownish: 'brown',
  greyish: 'grey',
  grayish: 'grey',
  orangey: 'orange',
  orangish: 'orange',
  blackish: 'black',
  whitish: 'white',
  silvery: 'silver',
  rosy: 'rose',
};

/** Words that shift the colour that follows them ("dark blue", "pale pink"). */
export const COLOR_MODIFIERS: Readonly<Record<string, (rgb: Rgb) => Rgb>> = {
  dark: (c) => scaleRgb(c, 0.35),
  deep: (c) => scaleRgb(c, 0.5),
  light: (c) => mixRgb(c, [1, 1, 1], 0.45),
  pale: (c) => mixRgb(c, [1, 1, 1], 0.6),
  pastel: (c) => mixRgb(c, [1, 1, 1], 0.5),
  bright: (c) => saturate(c, 1.25),
  vivid: (c) => saturate(c, 1.35),
  neon: (c) => saturate(c, 1.5),
  muted: (c) => mixRgb(c, [0.2, 0.2, 0.2], 0.35),
  dusty: (c) => mixRgb(c, [0.35, 0.32, 0.3], 0.35),
  soft: (c) => mixRgb(c, [1, 1, 1], 0.3),
  rich: (c) => saturate(scaleRgb(c, 0.8), 1.2),
};

/** CSS colour names (culori's list of 148), e.g. "royalblue", "seagreen", used after our own words. */
const CSS_COLORS: ReadonlyMap<string, number> = new Map(
  Object.entries(colorsNamed as Record<string, number>),
);

/** True when `word` names a colour (our own words first, then the CSS names). */
export function isColorWord(word: string): boolean {
  return Object.hasOwn(COLOR_WORDS, word) || CSS_COLORS.has(word) || Object.hasOwn(COLOR_LEANINGS, word);
}

/** The sRGB hex of a colour word, a two-word colour phrase ("baby blue") or a CSS name written in two words. */
export function colorHex(words: string): string | undefined {
  if (Object.hasOwn(COLOR_WORDS, words)) return COLOR_WORDS[words];
  if (Object.hasOwn(COLOR_PHRASES, words)) return COLOR_PHRASES[words];
  const css = CSS_COLORS.get(words.replace(/\s+/g, ''));
  if (css !== undefined) return `#${css.toString(16).padStart(6, '0')}`;
  if (Object.hasOwn(COLOR_LEANINGS, words)) return colorHex(COLOR_LEANINGS[words]);
  return undefined;
}

/**
 * Resolves a colour word (and optional modifier like "dark") to linear RGB.
 *
 * @example
 * resolveColor('blue', 'dark'); // { name: 'dark blue', rgb: [0.003, 0.034, 0.193] }
 */
export function resolveColor(word: string, modifier?: string): ColorChoice {
  const hex = colorHex(word);
  if (!hex) throw new Error(`resolveColor: unknown colour word "${word}"`);
  let rgb = hexToLinear(hex);
  // "-ish" words lean towards the colour without reaching it.
  if (Object.hasOwn(COLOR_LEANINGS, word)) rgb = mixRgb(rgb, [0.3, 0.3, 0.3], 0.3);
  const shift = modifier ? COLOR_MODIFIERS[modifier] : undefined;
  if (shift) rgb = shift(rgb);
  return { name: shift ? `${modifier} ${word}` : word, rgb };
}

/** '#rrggbb' (sRGB) → linear RGB, the space glTF's baseColorFactor is in. */
export function hexToLinear(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [srgbToLinear((n >> 16) & 255), srgbToLinear((n >> 8) & 255), srgbToLinear(n & 255)];
}

function srgbToLinear(byte: number): number {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear blend: `t` = 0 gives `a`, 1 gives `b`. */
export function mixRgb(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function scaleRgb(c: Rgb, k: number): Rgb {
  return [c[0] * k, c[1] * k, c[2] * k];
}

function saturate(c: Rgb, k: number): Rgb {
  const grey = (c[0] + c[1] + c[2]) / 3;
  return [
    clamp01(grey + (c[0] - grey) * k),
    clamp01(grey + (c[1] - grey) * k),
    clamp01(grey + (c[2] - grey) * k),
  ];
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
