import type { IndexedMesh, SdfPrimitive } from '../../../geometry/sdf.js';
import type { Solid, SolidKit } from '../../../geometry/solid.js';
import type { Rgb } from '../../../geometry/surface.js';
import type { UvProjection } from '../../../geometry/uv-projection.js';
import type { MaterialClass } from '../materials.js';
import type { Rng } from '../random.js';
import type { FamilyId, SizeSpec } from '../spec.js';
import type { StyleHints } from '../styles.js';
import type { PatternId } from '../textures.js';

/** The shelf a family sits on in the catalogue; also decides which WordNet branches may map to it. */
export type Category =
  | 'furniture'
  | 'lighting'
  | 'tableware'
  | 'container'
  | 'decor'
  | 'book'
  | 'tool'
  | 'weapon'
  | 'instrument'
  | 'toy'
  | 'clothing'
  | 'jewellery'
  | 'food'
  | 'plant'
  | 'animal'
  | 'vehicle'
  | 'architecture'
  | 'electronics'
  | 'sports';

/** A noun that selects a family, optionally with a variant and parts switched on or off. */
export interface FamilyNoun {
  /** One or more words ("chair", "teddy bear"). */
  word: string;
  variant?: string;
  include?: string[];
  exclude?: string[];
}

/**
 * A group of parts a prompt can talk about ("legs" → leg_1…leg_4) and how it takes materials.
 * Colour and material words that are not attached to a part noun go to the family's main groups.
 */
export interface PartGroup {
  id: string;
  /** Words that name the group in a prompt; a word may name several groups ("hilt"). */
  nouns: string[];
  /** Optional groups can be removed ("without armrests") or, when off by default, asked for. */
  optional?: 'on' | 'off';
  /** The material preset used when the prompt names none for this group. */
  material: string;
  /** A default colour word tinting `material`, e.g. bottle glass is green unless told otherwise. */
  color?: string;
  /** Takes the prompt's main material ("a brass lamp": base and pole). */
  takesMainMaterial: boolean;
  /** Takes the prompt's main colour ("a red lamp": the shade). */
  takesMainColor: boolean;
  /**
   * Kinds of material this group claims from the main material even when it does not usually take it:
   * "a fabric lamp" dresses the shade, not the pole.
   */
  prefers?: MaterialClass[];
  /** The group can be counted in a prompt ("four legs", "three drawers"): the allowed range. */
  count?: [min: number, max: number];
  /** Takes the prompt's pattern ("a striped scarf"); by default the groups that take the main colour. */
  takesPattern?: boolean;
  /** A pattern the group has unless the prompt gives one (a watermelon's stripes), with its second colour. */
  pattern?: { id: PatternId; color2: string };
}

/** The natural size range of a family at size multipliers of 1, in metres, over all seeds and variants. */
export interface SizeRange {
  width: [number, number];
  height: [number, number];
  depth: [number, number];
}

/** A flat area on top of an object where other objects can rest ("a vase on a table"), in build coordinates. */
export interface RestArea {
  y: number;
  min: [x: number, z: number];
  max: [x: number, z: number];
}

/** The inside of an open container ("three pears in a bowl"), in build coordinates, axis on x = z = 0. */
export interface Cavity {
  /** Height of the inner floor. */
  floor: number;
  /** Height of the rim. */
  rim: number;
  /** Inner half-widths in x and z at the floor and at the rim (equal for round containers). */
  floorHalf: [x: number, z: number];
  rimHalf: [x: number, z: number];
  round: boolean;
  /** Horizontal centre of the opening (most containers: the origin). */
  center?: [x: number, z: number];
}

/** What a generator gets: tools, a seeded random stream, and the parts of the spec that shape geometry. */
export interface BuildContext {
  kit: SolidKit;
  rng: Rng;
  variant?: string;
  size: SizeSpec;
  /** Geometry hints from style words ("modern", "rustic", "low-poly"). */
  style: StyleHints;
  /** Whether an optional group is present (required groups are always present). */
  has(group: string): boolean;
  /** The count the prompt asked for ("four legs"), clamped to the group's range; undefined if none. */
  count(group: string): number | undefined;
  /** Where other objects can rest or be put; generators that have a top or an inside fill these in. */
  anchors: { rest?: RestArea; cavity?: Cavity };
  /**
   * An organic surface from signed-distance primitives (marching tetrahedra, then simplified): `cell` is
   * the grid step in metres at medium detail; the detail level and low-poly styles scale it.
   */
  sdf(primitives: SdfPrimitive[], cell: number): IndexedMesh;
}

/** One named part as built, before materials and conversion to a mesh. */
export interface BuiltPart {
  /** Unique in the asset: "seat", "leg_1". */
  name: string;
  /** The `PartGroup` it belongs to. */
  group: string;
  /** The part as a solid, or … */
  solid?: Solid;
  /** … as a closed mesh made elsewhere (organic surfaces from `ctx.sdf`). */
  mesh?: IndexedMesh;
  /** UV layout; box projection when omitted. */
  uv?: UvProjection;
  /** Per-triangle vertex colours (e.g. book spines), in build coordinates. */
  colorAt?: (x: number, y: number, z: number) => Rgb;
  /** Crease angle for normals in degrees (default 35; organic shapes use more). */
  creaseAngle?: number;
}

/**
 * A family of objects: the words that select it, its part groups, and a parametric generator that
 * varies proportions with the seed inside plausible real-world ranges.
 */
export interface FamilyDefinition {
  id: FamilyId;
  category: Category;
  nouns: FamilyNoun[];
  /**
   * Words that do not name the family but point to it when no family noun is present ("couch" → sofa).
   * Used only as a fallback and recorded as such.
   */
  related?: string[];
  /**
   * WordNet lemmas this family stands for when an unknown noun's nearest known ancestor is one of them
   * ("wind instrument" → flute). The family's own nouns always count.
   */
  hypernyms?: string[];
  /** Modifier words that pick a variant ("floor lamp", "round table", "pine tree"). */
  variantWords?: Record<string, string>;
  /**
   * Default materials (and colours, patterns) that differ by variant: variant → group → preset,
   * [preset, colour word] or [preset, colour word, pattern, second colour].
   */
  variantMaterials?: Record<
    string,
    Record<string, string | [string, string] | [string, string, PatternId, string]>
  >;
  groups: PartGroup[];
  size: SizeRange;
  /** Builds the parts in metres, +Y up, facing +Z; the engine centres the footprint afterwards. */
  build(ctx: BuildContext): BuiltPart[];
}
