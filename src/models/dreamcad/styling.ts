import type { Material } from '../../asset/asset.js';
import { type ColorChoice, resolveColor } from './colors.js';
import type { FamilyDefinition, PartGroup } from './families/index.js';
import { getMaterialPreset, type MaterialClass, makeMaterial } from './materials.js';
import type { ObjectSpec, Spec, Style } from './spec.js';
import { STYLES } from './styles.js';
import { bakeTexture, DETAIL_TILE_METRES, type DetailId, type PatternId } from './textures.js';

/** The material chosen for one part group, and why, for the asset's metadata. */
export interface GroupStyle {
  material: Material;
  preset: string;
  color?: string;
  finishes: string[];
  pattern?: PatternId;
  /**
   * 'part': named in the prompt; 'main': took the main colour/material; 'image': took a colour of the
   * reference image's palette and nothing from the prompt; 'style': a style word's default; 'default':
   * the family's choice.
   */
  source: 'part' | 'main' | 'image' | 'style' | 'default';
  /** Which palette colour of the reference image this group took, if any. */
  image?: 'main' | 'secondary';
  /** How many UV units (metres) one texture tile spans, or 'object' to stretch one tile over the object. */
  tile?: number | 'object';
  /** The texture is wood grain, which should follow the part's length. */
  grain?: boolean;
}

export interface StyleOptions {
  /** Bake textures (wood grain, patterns); off for the lowest detail level. */
  textures: boolean;
  /**
   * Colours from a reference image: `main` acts as if the prompt had named it as the object's colour
   * (only when the prompt names none); `secondary` goes to the groups that take neither the main colour
   * nor anything the prompt named.
   */
  image?: { main?: ColorChoice; secondary?: ColorChoice };
}

/**
 * Decides each present part group's material:
 * - a group named in the prompt with its own words ("a golden hilt") uses those words plus its defaults;
 * - otherwise the main material goes to the groups that prefer its kind (a fabric lamp → the shade) or,
 *   when none does, to the groups that take the main material; the main colour goes to the groups that
 *   take the main colour, or to the main-material groups when none of those is present;
 * - a reference image's palette (`options.image`) fills in what the prompt left open: its main colour
 *   acts as the prompt's main colour when the prompt gives none, its second colour tints the groups
 *   that take no main colour (a lamp's base and pole), unless the prompt named them or gave them its
 *   main material; glass, glowing and barely tintable materials (eyes, bulbs, flames) keep theirs;
 * - style words ("rustic") swap the family's default materials of groups the prompt left alone;
 * - finish words of the object apply to every group, the pattern to the colour-taking groups;
 * - a group's default colour only tints its default material, and is skipped when the negative prompt
 *   names it.
 * Equal choices share one `Material` object (and so one glTF material); textures are baked (and cached)
 * with sharp.
 *
 * @example
 * (await styleGroups(spec, spec.objects[0], lamp, ['base', 'pole', 'shade'])).get('shade')?.material.name;
 * // 'fabric_red'
 */
export async function styleGroups(
  spec: Spec,
  object: ObjectSpec,
  family: FamilyDefinition,
  present: string[],
  options: StyleOptions = { textures: true },
  cache: Map<string, Material> = new Map(),
): Promise<Map<string, GroupStyle>> {
  const groups = family.groups.filter((g) => present.includes(g.id));
  const main = object.main;
  // Colours written in the prompt win over the image's.
  const mainColor = main.color ?? options.image?.main;
  const materialTargets = mainMaterialTargets(main, groups);
  let colorTargets = groups.filter((g) => g.takesMainColor).map((g) => g.id);
  if (colorTargets.length === 0) colorTargets = groups.filter((g) => g.takesMainMaterial).map((g) => g.id);
  const styleDefs = object.styles.map((id) => STYLES.find((s) => s.id === id)).filter((s) => s !== undefined);
  const styleFinishes = styleDefs.flatMap((s) => s.finishes ?? []);

  const styles = new Map<string, GroupStyle>();
  const variantDefaults = object.variant ? family.variantMaterials?.[object.variant] : undefined;
  for (const baseGroup of groups) {
    const override = variantDefaults?.[baseGroup.id];
    const group: PartGroup = override
      ? typeof override === 'string'
        ? { ...baseGroup, material: override, color: undefined }
        : {
            ...baseGroup,
            material: override[0],
            color: override[1],
            ...(override.length === 4 ? { pattern: { id: override[2], color2: override[3] } } : {}),
          }
      : baseGroup;
    const own: Style | undefined = object.parts[group.id];
    const named =
      own !== undefined &&
      (own.color !== undefined || own.material !== undefined || own.pattern !== undefined);
    let preset: string;
    let color: ColorChoice | undefined;
    let color2: ColorChoice | undefined;
    let source: GroupStyle['source'] = 'default';
    let pattern: PatternId | undefined;
    let image: GroupStyle['image'];
    if (named) {
      preset = own.material ?? styledDefault(group.material, styleDefs);
      color = own.color ?? defaultColor(spec, group, preset);
      color2 = own.color2;
      pattern = own.pattern;
      source = 'part';
    } else {
      const takesMaterial = materialTargets.has(group.id) && main.material !== undefined;
      const takesColor = colorTargets.includes(group.id) && mainColor !== undefined;
      const swapped = styledDefault(group.material, styleDefs);
      preset = takesMaterial ? (main.material as string) : swapped;
      color = (colorTargets.includes(group.id) ? mainColor : undefined) ?? defaultColor(spec, group, preset);
      if (colorTargets.includes(group.id)) color2 = main.color2;
      if (group.takesPattern ?? colorTargets.includes(group.id)) pattern = main.pattern;
      if (takesColor && main.color === undefined) image = 'main';
      else if (
        options.image?.secondary &&
        !colorTargets.includes(group.id) &&
        !takesMaterial &&
        own?.finishes === undefined &&
        takesSecondColor(preset)
      ) {
        color = options.image.secondary;
        image = 'secondary';
      }
      if (takesMaterial || (takesColor && main.color !== undefined)) source = 'main';
      else if (image) source = 'image';
      else if (swapped !== group.material) source = 'style';
    }
    if (
      !pattern &&
      group.pattern &&
      !(own?.color ?? (colorTargets.includes(group.id) ? mainColor : undefined) ?? (image && color))
    ) {
      // The group's own pattern (a watermelon's stripes), unless the prompt recoloured the group.
      pattern = group.pattern.id;
      color2 = resolveColor(group.pattern.color2);
    }
    const finishes = unique([
      ...(own?.finishes ?? []),
      ...(main.finishes ?? []),
      ...(main.finishes || own?.finishes ? [] : styleFinishes),
    ]);
    const material = await buildMaterial(preset, color, color2, finishes, pattern, options, cache);
    const tile: GroupStyle['tile'] = material.baseColorTexture
      ? pattern
        ? 'object'
        : DETAIL_TILE_METRES[detailsFor(preset, finishes)[0] ?? 'grain']
      : undefined;
    styles.set(group.id, {
      material,
      preset,
      ...(color ? { color: color.name } : {}),
      finishes,
      ...(pattern ? { pattern } : {}),
      source,
      ...(image ? { image } : {}),
      ...(tile !== undefined ? { tile } : {}),
      ...(material.baseColorTexture && !pattern && detailsFor(preset, finishes)[0] === 'grain'
        ? { grain: true }
        : {}),
    });
  }
  return styles;
}

/** The grey-scale details a material carries: its own texture, and cracks when cracked. */
function detailsFor(preset: string, finishes: string[]): DetailId[] {
  const out: DetailId[] = [];
  const own = getMaterialPreset(preset).texture;
  if (own) out.push(own);
  if (finishes.includes('cracked')) out.push('cracks');
  return out;
}

async function buildMaterial(
  preset: string,
  color: ColorChoice | undefined,
  color2: ColorChoice | undefined,
  finishes: string[],
  pattern: PatternId | undefined,
  options: StyleOptions,
  cache: Map<string, Material>,
): Promise<Material> {
  const base = makeMaterial(preset, { color, finishes });
  const details = options.textures ? detailsFor(preset, finishes) : [];
  const usePattern = options.textures && pattern !== undefined;
  const key = `${base.name}|${usePattern ? `${pattern}:${color2?.name ?? ''}` : ''}|${details.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let material = base;
  if (usePattern || details.length > 0) {
    const [r, g, b, a] = base.baseColor;
    let request: Parameters<typeof bakeTexture>[0];
    if (usePattern) {
      const second = color2
        ? makeMaterial(preset, { color: color2, finishes }).baseColor
        : contrast([r, g, b]);
      request = {
        pattern: {
          id: pattern,
          colors: [
            [r, g, b],
            [second[0], second[1], second[2]],
          ],
        },
        details,
      };
    } else request = { details };
    const baked = await bakeTexture(request);
    const k = usePattern ? 1 : Math.min(1 / Math.max(0.05, baked.meanDetail), 1 / Math.max(r, g, b, 1e-3));
    material = {
      ...base,
      name: usePattern
        ? `${base.name}_${pattern}${color2 ? `_${color2.name.replace(/\s+/g, '_')}` : ''}`
        : base.name,
      baseColor: usePattern ? [1, 1, 1, a] : [round(r * k), round(g * k), round(b * k), a],
      baseColorTexture: baked.texture,
    };
  }
  cache.set(key, material);
  return material;
}

/** A second pattern colour when the prompt gave one: near-white on dark colours, near-black on light ones. */
function contrast(rgb: [number, number, number]): [number, number, number] {
  const lum = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  return lum > 0.35 ? [0.03, 0.03, 0.035] : [0.86, 0.85, 0.82];
}

/** Whether a reference image's second colour may tint this material: not glass, not glowing, tintable. */
function takesSecondColor(preset: string): boolean {
  const p = getMaterialPreset(preset);
  return !p.internal && !p.emissive && p.class !== 'glass' && p.tint >= 0.5;
}

function styledDefault(preset: string, styles: Array<(typeof STYLES)[number]>): string {
  let out = preset;
  const cls: MaterialClass = getMaterialPreset(preset).class;
  for (const s of styles) {
    const swap = s.materials?.[preset] ?? s.materials?.[cls];
    if (swap && !getMaterialPreset(preset).internal) out = swap;
  }
  return out;
}

function mainMaterialTargets(main: Style, groups: PartGroup[]): Set<string> {
  if (!main.material) return new Set();
  const kind = getMaterialPreset(main.material).class;
  const preferring = groups.filter((g) => g.prefers?.includes(kind));
  const chosen = preferring.length > 0 ? preferring : groups.filter((g) => g.takesMainMaterial);
  return new Set(chosen.map((g) => g.id));
}

function defaultColor(spec: Spec, group: PartGroup, preset: string): ColorChoice | undefined {
  if (!group.color || preset !== group.material || spec.removed.includes(group.color)) return undefined;
  return resolveColor(group.color);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function round(x: number): number {
  return Math.round(Math.min(1, x) * 10000) / 10000;
}
