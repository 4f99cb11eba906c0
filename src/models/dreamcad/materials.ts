import type { Material, Vec3 } from '../../asset/asset.js';
import type { Rgb } from '../../geometry/surface.js';
import { type ColorChoice, hexToLinear, mixRgb } from './colors.js';
import { applyFinishes } from './finishes.js';

/** Broad kinds of material; a part can prefer some kinds (a lamp shade takes fabric, not brass). */
export type MaterialClass =
  | 'wood'
  | 'metal'
  | 'glass'
  | 'ceramic'
  | 'stone'
  | 'plastic'
  | 'leather'
  | 'fabric'
  | 'organic';

export interface MaterialPreset {
  id: string;
  class: MaterialClass;
  /** sRGB hex of the untinted material. */
  color: string;
  alpha?: number;
  metallic: number;
  roughness: number;
  /**
   * How strongly a colour word replaces the material's own colour (0 = ignored, 1 = replaced).
   * Below 1 so "red wooden" still reads as painted wood rather than red plastic.
   */
  tint: number;
  emissive?: Vec3;
  /** A procedural texture the material carries by default (wood grain). */
  texture?: 'grain' | 'marble' | 'brick' | 'weave';
  /** Not reachable by words (tree bark, foliage, a lamp bulb). */
  internal?: boolean;
}

const p = (
  id: string,
  cls: MaterialClass,
  color: string,
  metallic: number,
  roughness: number,
  tint: number,
  extra: Partial<MaterialPreset> = {},
): MaterialPreset => ({ id, class: cls, color, metallic, roughness, tint, ...extra });

/**
 * PBR presets (glTF metallic-roughness). Metal base colours follow the measured reflectances commonly
 * used for physically based rendering; the others are typical albedos.
 */
export const MATERIALS: Readonly<Record<string, MaterialPreset>> = Object.fromEntries(
  [
    // Woods
    p('wood', 'wood', '#a87b4f', 0, 0.62, 0.8, { texture: 'grain' }),
    p('oak', 'wood', '#b48a55', 0, 0.6, 0.8, { texture: 'grain' }),
    p('pine', 'wood', '#d9b47e', 0, 0.65, 0.8, { texture: 'grain' }),
    p('walnut', 'wood', '#5d4030', 0, 0.55, 0.8, { texture: 'grain' }),
    p('mahogany', 'wood', '#6e3020', 0, 0.5, 0.8, { texture: 'grain' }),
    p('ebony', 'wood', '#2b221d', 0, 0.4, 0.6, { texture: 'grain' }),
    p('teak', 'wood', '#9a6a3c', 0, 0.55, 0.8, { texture: 'grain' }),
    p('birch', 'wood', '#e3cfa5', 0, 0.6, 0.8, { texture: 'grain' }),
    p('bamboo', 'wood', '#d6bf7f', 0, 0.55, 0.8),
    p('wicker', 'wood', '#c9a46a', 0, 0.8, 0.8, { texture: 'weave' }),
    p('cork', 'wood', '#b78a5a', 0, 0.9, 0.5),
    p('cardboard', 'wood', '#b8916a', 0, 0.9, 0.7),
    p('bark', 'wood', '#4b3a2a', 0, 0.95, 0.6, { internal: true }),
    // Metals
    p('steel', 'metal', '#b9bcc0', 1, 0.3, 0.75),
    p('chrome', 'metal', '#e3e4e6', 1, 0.08, 0.6),
    p('aluminium', 'metal', '#d6d8da', 1, 0.35, 0.7),
    p('iron', 'metal', '#8a8a8c', 1, 0.55, 0.75),
    p('pewter', 'metal', '#9a9c9a', 1, 0.45, 0.6),
    p('brass', 'metal', '#ecd18c', 1, 0.3, 0.6),
    p('gold', 'metal', '#ffe39d', 1, 0.25, 0.5),
    p('silver', 'metal', '#fcfaf5', 1, 0.2, 0.6),
    p('bronze', 'metal', '#d9a066', 1, 0.35, 0.6),
    p('copper', 'metal', '#fad1c2', 1, 0.3, 0.6),
    p('titanium', 'metal', '#c1bab1', 1, 0.35, 0.7),
    // Glass and gems
    p('glass', 'glass', '#e4f2f2', 0, 0.05, 0.9, { alpha: 0.35 }),
    p('crystal', 'glass', '#f4fbff', 0, 0.02, 0.9, { alpha: 0.5 }),
    p('ice', 'glass', '#dcefff', 0, 0.15, 0.7, { alpha: 0.7 }),
    p('gem', 'glass', '#d01f3c', 0, 0.03, 0.95, { alpha: 0.8 }),
    // Ceramics
    p('ceramic', 'ceramic', '#f1ece3', 0, 0.35, 0.9),
    p('porcelain', 'ceramic', '#f8f8f4', 0, 0.2, 0.9),
    p('terracotta', 'ceramic', '#c2653c', 0, 0.85, 0.7),
    p('enamel', 'ceramic', '#f4f4f0', 0, 0.15, 0.95),
    // Stone and masonry
    p('stone', 'stone', '#8b8781', 0, 0.85, 0.6),
    p('marble', 'stone', '#eceae5', 0, 0.25, 0.6, { texture: 'marble' }),
    p('granite', 'stone', '#7c7773', 0, 0.6, 0.5),
    p('sandstone', 'stone', '#d2b48a', 0, 0.9, 0.6),
    p('slate', 'stone', '#4b5058', 0, 0.7, 0.5),
    p('concrete', 'stone', '#a9a8a3', 0, 0.9, 0.6),
    p('brick', 'stone', '#9c4a32', 0, 0.9, 0.6, { texture: 'brick' }),
    p('jade', 'stone', '#4f9e70', 0, 0.3, 0.6),
    p('obsidian', 'stone', '#1b1a1f', 0, 0.1, 0.4),
    // Plastics
    p('plastic', 'plastic', '#e0e0e0', 0, 0.4, 0.95),
    p('rubber', 'plastic', '#262626', 0, 0.9, 0.9),
    p('carbon', 'plastic', '#202224', 0.3, 0.35, 0.3),
    p('wax', 'plastic', '#f3ead2', 0, 0.5, 0.9),
    // Leathers and textiles
    p('leather', 'leather', '#6b3e26', 0, 0.6, 0.85),
    p('suede', 'leather', '#a07350', 0, 0.95, 0.85),
    p('fabric', 'fabric', '#ddd3c3', 0, 0.9, 0.95),
    p('cotton', 'fabric', '#f1eee6', 0, 0.92, 0.95),
    p('linen', 'fabric', '#e2d8c3', 0, 0.9, 0.95),
    p('wool', 'fabric', '#e8e1d3', 0, 0.97, 0.95),
    p('denim', 'fabric', '#3c5a86', 0, 0.9, 0.6),
    p('silk', 'fabric', '#f4ede1', 0, 0.3, 0.95),
    p('velvet', 'fabric', '#7a2540', 0, 0.8, 0.95),
    p('felt', 'fabric', '#9a8f83', 0, 1, 0.95),
    p('canvas', 'fabric', '#cdbf9e', 0, 0.9, 0.9),
    p('plush', 'fabric', '#b0835a', 0, 1, 0.95),
    p('paper', 'fabric', '#f2eee4', 0, 0.85, 0.95),
    // Organic
    p('fur', 'organic', '#8a6a4a', 0, 0.95, 0.95),
    p('skin', 'organic', '#c89a78', 0, 0.6, 0.95),
    p('feather', 'organic', '#e8e4da', 0, 0.85, 0.95),
    p('scales', 'organic', '#6f8a5a', 0, 0.45, 0.95),
    p('bone', 'organic', '#e6dcc3', 0, 0.7, 0.6),
    p('pearl', 'organic', '#f0ebe3', 0.1, 0.25, 0.5),
    p('peel', 'organic', '#d8402a', 0, 0.4, 0.95),
    p('flesh', 'organic', '#f1e2b5', 0, 0.7, 0.95),
    p('food', 'organic', '#c58a45', 0, 0.75, 0.95),
    p('foliage', 'organic', '#3f7a33', 0, 0.8, 0.85, { internal: true }),
    p('petal', 'organic', '#e0506e', 0, 0.6, 0.95, { internal: true }),
    p('bulb', 'glass', '#fff6e0', 0, 0.1, 0.5, { emissive: [1, 0.85, 0.6], internal: true }),
    p('screen', 'glass', '#0d1117', 0.2, 0.08, 0.5, { internal: true }),
    p('light', 'glass', '#fff1c8', 0, 0.2, 0.6, { emissive: [1, 0.9, 0.65], internal: true }),
    p('water', 'glass', '#5aa4d6', 0, 0.05, 0.8, { alpha: 0.6, internal: true }),
    p('flame', 'organic', '#ffb338', 0, 0.5, 0.5, { emissive: [1, 0.6, 0.15], internal: true }),
  ].map((m) => [m.id, m]),
);

/** Words in a prompt that name a material, and the preset each selects. */
export const MATERIAL_WORDS: Readonly<Record<string, string>> = {
  wood: 'wood',
  wooden: 'wood',
  timber: 'wood',
  oak: 'oak',
  oaken: 'oak',
  pine: 'pine',
  walnut: 'walnut',
  mahogany: 'mahogany',
  ebony: 'ebony',
  teak: 'teak',
  birch: 'birch',
  metal: 'steel',
  metallic: 'steel',
  steel: 'steel',
  stainless: 'steel',
  chrome: 'chrome',
  chromed: 'chrome',
  aluminium: 'aluminium',
  aluminum: 'aluminium',
  tin: 'aluminium',
  iron: 'iron',
  cast: 'iron',
  pewter: 'pewter',
  titanium: 'titanium',
  brass: 'brass',
  gold: 'gold',
  golden: 'gold',
  gilded: 'gold',
  silver: 'silver',
  bronze: 'bronze',
  copper: 'copper',
  glass: 'glass',
  crystal: 'crystal',
  ice: 'ice',
  icy: 'ice',
  diamond: 'crystal',
  gem: 'gem',
  ceramic: 'ceramic',
  clay: 'ceramic',
  porcelain: 'porcelain',
  china: 'porcelain',
  terracotta: 'terracotta',
  enamel: 'enamel',
  enamelled: 'enamel',
  plastic: 'plastic',
  rubber: 'rubber',
  carbon: 'carbon',
  wax: 'wax',
  stone: 'stone',
  granite: 'granite',
  marble: 'marble',
  sandstone: 'sandstone',
  slate: 'slate',
  concrete: 'concrete',
  cement: 'concrete',
  brick: 'brick',
  jade: 'jade',
  obsidian: 'obsidian',
  leather: 'leather',
  suede: 'suede',
  fabric: 'fabric',
  cloth: 'fabric',
  upholstered: 'fabric',
  cotton: 'cotton',
  linen: 'linen',
  wool: 'wool',
  woolen: 'wool',
  woollen: 'wool',
  knitted: 'wool',
  denim: 'denim',
  silk: 'silk',
  silken: 'silk',
  velvet: 'velvet',
  felt: 'felt',
  canvas: 'canvas',
  plush: 'plush',
  furry: 'fur',
  paper: 'paper',
  cardboard: 'cardboard',
  cork: 'cork',
  bamboo: 'bamboo',
  wicker: 'wicker',
  rattan: 'wicker',
  straw: 'wicker',
  bone: 'bone',
  pearl: 'pearl',
};

/** True when `word` names a material. */
export function isMaterialWord(word: string): boolean {
  return Object.hasOwn(MATERIAL_WORDS, word);
}

/** The preset for a material id; throws for an unknown id (a programming error, not user input). */
export function getMaterialPreset(id: string): MaterialPreset {
  const preset = MATERIALS[id];
  if (!preset) throw new Error(`getMaterialPreset: unknown material "${id}"`);
  return preset;
}

/** The numbers a material is made of while finishes and patterns work on it. */
export interface MaterialParams {
  rgb: Rgb;
  alpha: number;
  metallic: number;
  roughness: number;
  emissive?: Rgb;
}

export interface MaterialRequest {
  color?: ColorChoice;
  /** Finish and age words in effect ("rusty", "polished"), in order. */
  finishes?: string[];
}

/**
 * Builds the glTF material for a preset, optionally tinted by a colour and changed by finish words:
 * the colour replaces the preset's base colour by the preset's `tint` strength, while metallic and
 * roughness stay the material's until a finish changes them. The name encodes all three
 * ("oak_red_worn") so equal combinations share one glTF material. Textures are added by the caller
 * (see textures.ts).
 *
 * @example
 * makeMaterial('oak', { color: resolveColor('red') }); // { name: 'oak_red', metallic: 0, roughness: 0.6, … }
 */
export function makeMaterial(id: string, request: MaterialRequest = {}): Material {
  const preset = getMaterialPreset(id);
  const own = hexToLinear(preset.color);
  const { color } = request;
  const params: MaterialParams = {
    rgb: color ? mixRgb(own, color.rgb, preset.tint) : own,
    alpha: preset.alpha ?? 1,
    metallic: preset.metallic,
    roughness: preset.roughness,
    ...(preset.emissive ? { emissive: [...preset.emissive] as Rgb } : {}),
  };
  const finishes = request.finishes ?? [];
  applyFinishes(params, preset, finishes);
  const nameParts = [id];
  if (color) nameParts.push(color.name.replace(/\s+/g, '_'));
  nameParts.push(...finishes);
  const material: Material = {
    name: nameParts.join('_'),
    baseColor: [round(params.rgb[0]), round(params.rgb[1]), round(params.rgb[2]), round(params.alpha)],
    metallic: round(params.metallic),
    roughness: round(params.roughness),
  };
  if (params.emissive)
    material.emissive = [round(params.emissive[0]), round(params.emissive[1]), round(params.emissive[2])];
  return material;
}

/** Rounds to 4 decimals so factors print cleanly and never differ by float noise between runs. */
function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
