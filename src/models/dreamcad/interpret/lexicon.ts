import { FAMILIES, type FamilyDefinition, type FamilyNoun } from '../families/index.js';
import type { RelationKind, SizeSpec } from '../spec.js';
import { wordForms } from './tokens.js';

/** Words that carry no meaning for the engine; never reported as ignored. */
export const FILLERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'or',
  'made',
  'from',
  'is',
  'are',
  'it',
  'its',
  'them',
  'their',
  'that',
  'this',
  'these',
  'those',
  'which',
  'very',
  'really',
  'quite',
  'rather',
  'slightly',
  'extremely',
  'super',
  'single',
  'kind',
  'sort',
  'type',
  'style',
  'styled',
  'looking',
  'like',
  'has',
  'have',
  'for',
  'to',
  'as',
  'at',
  'model',
  'object',
  'objects',
  'asset',
  'render',
  'rendering',
  '3d',
  'please',
  'make',
  'create',
  'generate',
  'build',
  'draw',
  'show',
  'me',
  'i',
  'want',
  'need',
  'nice',
  'simple',
  'plain',
  'beautiful',
  'pretty',
  'lovely',
  'new',
  'traditional',
  'finish',
  'finished',
  'color',
  'colour',
  'colored',
  'coloured',
  'painted',
  'toned',
  'tone',
  'design',
  'designed',
  'shaped',
  'sitting',
  'standing',
  'lying',
  'resting',
  'placed',
  'stacked',
  'there',
  'each',
  'all',
  'together',
  'scene',
  'set',
  'up',
  'detailed',
  'realistic',
  'quality',
]);

/** Relation words and phrases ("next to", "in front of"), longest first when matching. */
export const RELATION_PHRASES: ReadonlyMap<string, RelationKind> = new Map<string, RelationKind>([
  ['on top of', 'on'],
  ['in front of', 'front'],
  ['to the left of', 'left'],
  ['to the right of', 'right'],
  ['on the left of', 'left'],
  ['on the right of', 'right'],
  ['next to', 'beside'],
  ['close to', 'beside'],
  ['near to', 'beside'],
  ['left of', 'left'],
  ['right of', 'right'],
  ['filled with', 'contains'],
  ['full of', 'contains'],
  ['on', 'on'],
  ['onto', 'on'],
  ['upon', 'on'],
  ['atop', 'on'],
  ['above', 'on'],
  ['over', 'on'],
  ['in', 'in'],
  ['inside', 'in'],
  ['into', 'in'],
  ['within', 'in'],
  ['under', 'under'],
  ['underneath', 'under'],
  ['beneath', 'under'],
  ['below', 'under'],
  ['beside', 'beside'],
  ['besides', 'beside'],
  ['by', 'beside'],
  ['near', 'beside'],
  ['nearby', 'beside'],
  ['alongside', 'beside'],
  ['against', 'beside'],
  ['between', 'beside'],
  ['among', 'beside'],
  ['behind', 'behind'],
  ['around', 'around'],
  ['surrounding', 'around'],
  ['surrounded', 'around'],
  ['holding', 'contains'],
  ['containing', 'contains'],
  ['carrying', 'contains'],
]);

/** Words that remove the parts named after them ("without armrests", "no handle"). */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'without',
  'no',
  'minus',
  'except',
  'lacking',
  'sans',
]);

/** Words that ask for the parts named after them ("with armrests"). */
export const WITH_WORDS: ReadonlySet<string> = new Set(['with', 'plus', 'including', 'featuring', 'having']);

/** Words that join two objects or two parts ("a chair and a table", "a red shade and a brass base"). */
export const AND_WORDS: ReadonlySet<string> = new Set(['and', 'also', 'along']);

/**
 * Quantity words and the count they mean; `noun` ones are followed by "of" ("a pair of shoes").
 * A plural without any count means three.
 */
export const QUANTITY_WORDS: Readonly<Record<string, number>> = {
  pair: 2,
  couple: 2,
  both: 2,
  twins: 2,
  few: 3,
  some: 3,
  several: 4,
  many: 6,
  lots: 6,
  lot: 6,
  dozen: 12,
  bunch: 5,
  stack: 4,
  pile: 5,
  heap: 5,
  row: 4,
  handful: 4,
  group: 4,
  collection: 5,
  cluster: 4,
  trio: 3,
  triplet: 3,
  quartet: 4,
};

/**
 * Words for one portion of something, read as a count of one when "of" follows ("a slice of
 * watermelon", "a stick of dynamite"); elsewhere they are ordinary words ("a drum with sticks").
 */
export const PORTION_WORDS: ReadonlySet<string> = new Set([
  'piece',
  'slice',
  'chunk',
  'stick',
  'wedge',
  'bit',
  'hunk',
  'lump',
]);

/** The count a plural gets when the prompt gives no number ("oranges in a bowl"). */
export const DEFAULT_PLURAL_COUNT = 3;

/** Nouns that already name a pair: "a pair of sunglasses" is one of them, "a pair of dice" two. */
export const PAIR_NOUNS: ReadonlySet<string> = new Set([
  'glasses',
  'sunglasses',
  'eyeglasses',
  'spectacles',
  'goggles',
  'scissors',
  'shears',
  'chopsticks',
  'maracas',
  'skis',
  'headphones',
  'earphones',
  'bongos',
]);

/** Families whose things come in pairs: a plural without a number means a pair ("leather boots"). */
export const PAIRED_FAMILIES: ReadonlySet<string> = new Set(['shoe', 'sock']);

/** The most instances of one object a prompt can ask for; more are clamped (and said so). */
export const MAX_COUNT = 24;

/** Size and proportion words and their multipliers on the family's natural dimensions. */
export const SIZE_WORDS: Readonly<Record<string, Partial<SizeSpec>>> = {
  tall: { height: 1.25 },
  high: { height: 1.25 },
  towering: { height: 1.5 },
  short: { height: 0.8 },
  low: { height: 0.8 },
  squat: { height: 0.75, width: 1.1, depth: 1.1 },
  stubby: { height: 0.75 },
  long: { width: 1.25 },
  wide: { width: 1.25 },
  broad: { width: 1.25 },
  narrow: { width: 0.8 },
  slim: { width: 0.8 },
  thin: { width: 0.8 },
  skinny: { width: 0.8 },
  slender: { width: 0.8 },
  lean: { width: 0.85 },
  fat: { width: 1.25, depth: 1.25 },
  chunky: { width: 1.15, depth: 1.15 },
  bulky: { width: 1.2, depth: 1.2 },
  plump: { width: 1.2, depth: 1.2 },
  stout: { width: 1.2, depth: 1.2, height: 0.9 },
  deep: { depth: 1.25 },
  shallow: { depth: 0.8 },
  flat: { height: 0.6 },
  small: { width: 0.75, height: 0.75, depth: 0.75 },
  little: { width: 0.75, height: 0.75, depth: 0.75 },
  compact: { width: 0.8, height: 0.8, depth: 0.8 },
  large: { width: 1.3, height: 1.3, depth: 1.3 },
  big: { width: 1.3, height: 1.3, depth: 1.3 },
  oversized: { width: 1.5, height: 1.5, depth: 1.5 },
  tiny: { width: 0.5, height: 0.5, depth: 0.5 },
  mini: { width: 0.5, height: 0.5, depth: 0.5 },
  miniature: { width: 0.5, height: 0.5, depth: 0.5 },
  huge: { width: 1.8, height: 1.8, depth: 1.8 },
  giant: { width: 1.8, height: 1.8, depth: 1.8 },
  gigantic: { width: 2, height: 2, depth: 2 },
  enormous: { width: 1.8, height: 1.8, depth: 1.8 },
  massive: { width: 1.8, height: 1.8, depth: 1.8 },
  colossal: { width: 2.5, height: 2.5, depth: 2.5 },
};

export interface NounEntry {
  family: FamilyDefinition;
  noun: FamilyNoun;
}

let nounIndex: Map<string, NounEntry[]> | undefined;
let longestNoun = 1;

/** Every family noun ("chair", "teddy bear") → the families that use it, first listed first. */
export function familyNouns(): Map<string, NounEntry[]> {
  if (!nounIndex) {
    nounIndex = new Map();
    for (const family of FAMILIES) {
      for (const noun of family.nouns) {
        const list = nounIndex.get(noun.word) ?? [];
        list.push({ family, noun });
        nounIndex.set(noun.word, list);
        longestNoun = Math.max(longestNoun, noun.word.split(' ').length);
      }
    }
  }
  return nounIndex;
}

/** The most words a family noun has ("hot air balloon": 3). */
export function longestFamilyNoun(): number {
  familyNouns();
  return longestNoun;
}

/** The family noun a word (or phrase) names, trying its singular forms ("chairs" → "chair"). */
export function lookupFamilyNoun(word: string, lemma?: string): NounEntry | undefined {
  const index = familyNouns();
  for (const form of wordForms(word, lemma)) {
    const hit = index.get(form);
    if (hit) return hit[0];
  }
  return undefined;
}

/** The ids of the groups of `family` that `word` names ("hilt" → guard, grip, pommel). */
export function lookupPartGroups(family: FamilyDefinition, word: string, lemma?: string): string[] {
  for (const form of wordForms(word, lemma)) {
    const groups = family.groups.filter((g) => g.nouns.includes(form)).map((g) => g.id);
    if (groups.length > 0) return groups;
  }
  return [];
}

/** The value of `word` (or of one of its singular forms) in a word table. */
export function lookupWord<T>(
  table: Readonly<Record<string, T>> | undefined,
  word: string,
  lemma?: string,
): T | undefined {
  if (!table) return undefined;
  for (const form of wordForms(word, lemma)) if (Object.hasOwn(table, form)) return table[form];
  return undefined;
}

/** Every word any family uses as a noun, related word or part noun (for spelling suggestions). */
export function vocabulary(): Map<string, FamilyDefinition> {
  const out = new Map<string, FamilyDefinition>();
  for (const family of FAMILIES) {
    for (const n of family.nouns) if (!out.has(n.word)) out.set(n.word, family);
    for (const r of family.related ?? []) if (!out.has(r)) out.set(r, family);
  }
  return out;
}
