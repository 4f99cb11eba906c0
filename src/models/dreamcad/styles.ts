import type { MaterialClass } from './materials.js';

/** Geometry hints a family may read; every family gets low-poly for free through the kit. */
export interface StyleHints {
  /** Style ids in force, e.g. ['modern']. */
  ids: string[];
  /** Flat-shaded, few segments. */
  lowPoly: boolean;
  /** Multiplier on frame and leg thickness (rustic, medieval: chunkier; modern: slimmer). */
  chunky: number;
  /** Extra decoration where a family has some (finials, carved feet, rivets). */
  ornate: boolean;
  /** Rounded, seamless, glowing accents. */
  futuristic: boolean;
}

export interface StyleDefinition {
  id: string;
  /** Words (and two-word phrases) that name the style. */
  words: string[];
  /** Default materials swapped by the style, by preset id or by class ("wood" → every wood). */
  materials?: Partial<Record<MaterialClass | string, string>>;
  /** Finish words the style implies ("rustic" → worn). */
  finishes?: string[];
  lowPoly?: boolean;
  chunky?: number;
  ornate?: boolean;
  futuristic?: boolean;
  /** One line for the explanation. */
  effect: string;
}

/**
 * Style words: they change the default materials of parts the prompt did not style itself, may add a
 * finish, and pass geometry hints to the generator. Several styles combine (later ones win for
 * materials).
 */
export const STYLES: readonly StyleDefinition[] = [
  {
    id: 'modern',
    words: [
      'modern',
      'contemporary',
      'minimalist',
      'minimal',
      'sleek',
      'scandinavian',
      'nordic',
      'mid century',
    ],
    materials: { wood: 'oak', metal: 'steel', leather: 'leather', fabric: 'fabric' },
    chunky: 0.8,
    effect: 'slimmer frames; light oak and brushed steel by default',
  },
  {
    id: 'rustic',
    words: ['rustic', 'farmhouse', 'country', 'cottage', 'primitive', 'handmade', 'cabin'],
    materials: { wood: 'pine', metal: 'iron' },
    finishes: ['worn'],
    chunky: 1.3,
    effect: 'chunky, worn pine and iron by default',
  },
  {
    id: 'medieval',
    words: ['medieval', 'gothic', 'viking', 'castle', 'knightly', 'feudal', 'fantasy'],
    materials: { wood: 'walnut', metal: 'iron', fabric: 'leather' },
    finishes: ['worn'],
    chunky: 1.25,
    ornate: true,
    effect: 'heavy dark wood and iron by default, worn',
  },
  {
    id: 'futuristic',
    words: ['futuristic', 'sci fi', 'scifi', 'cyberpunk', 'space age', 'high tech', 'hi tech'],
    materials: { wood: 'plastic', metal: 'chrome', fabric: 'plastic', leather: 'plastic', stone: 'plastic' },
    futuristic: true,
    chunky: 0.9,
    effect: 'white plastic and chrome by default, glowing accents',
  },
  {
    id: 'industrial',
    words: ['industrial', 'loft', 'factory', 'utilitarian'],
    materials: { wood: 'walnut', metal: 'iron' },
    finishes: ['matte'],
    effect: 'black iron and dark wood by default',
  },
  {
    id: 'victorian',
    words: [
      'victorian',
      'baroque',
      'ornate',
      'royal',
      'regal',
      'luxurious',
      'luxury',
      'art deco',
      'elegant',
      'fancy',
    ],
    materials: { wood: 'mahogany', metal: 'brass', fabric: 'velvet' },
    ornate: true,
    effect: 'mahogany, brass and velvet by default, decorated',
  },
  {
    id: 'steampunk',
    words: ['steampunk', 'clockwork'],
    materials: { wood: 'mahogany', metal: 'copper' },
    ornate: true,
    effect: 'copper and mahogany by default',
  },
  {
    id: 'retro',
    words: ['retro', 'vintage', 'old fashioned', 'classic'],
    materials: { metal: 'chrome', plastic: 'plastic' },
    effect: 'chrome and plastic by default',
  },
  {
    id: 'low-poly',
    words: ['low poly', 'lowpoly', 'low polygon', 'faceted', 'polygonal', 'flat shaded'],
    lowPoly: true,
    effect: 'few segments, flat shading',
  },
  {
    id: 'cartoon',
    words: ['cartoon', 'cartoony', 'cartoonish', 'cute', 'stylized', 'stylised', 'chibi', 'toon', 'toy like'],
    chunky: 1.3,
    effect: 'chunky proportions',
  },
];

const byWord = new Map<string, StyleDefinition>();
for (const s of STYLES) for (const w of s.words) byWord.set(w, s);

/** The style a word or two-word phrase names ("modern", "low poly"). */
export function lookupStyle(phrase: string): StyleDefinition | undefined {
  return byWord.get(phrase);
}

/** The geometry hints for a set of style ids. */
export function styleHints(ids: string[]): StyleHints {
  const hints: StyleHints = { ids: [...ids], lowPoly: false, chunky: 1, ornate: false, futuristic: false };
  for (const id of ids) {
    const s = STYLES.find((x) => x.id === id);
    if (!s) continue;
    if (s.lowPoly) hints.lowPoly = true;
    if (s.chunky) hints.chunky *= s.chunky;
    if (s.ornate) hints.ornate = true;
    if (s.futuristic) hints.futuristic = true;
  }
  return hints;
}

export const NO_STYLE: StyleHints = styleHints([]);
