import { FAMILIES, type FamilyDefinition, type FamilyNoun } from '../families/index.js';
import type { Category } from '../families/types.js';
import type { MatchInfo } from '../spec.js';
import { familyNouns, lookupFamilyNoun } from './lexicon.js';
import { WordNet } from './wordnet.js';

/** A noun (or a run of nouns) resolved to a family. */
export interface Resolution {
  family: FamilyDefinition;
  noun?: FamilyNoun;
  match: MatchInfo;
}

/**
 * WordNet lemmas under which each category's objects live. A WordNet ancestor that is a family noun
 * counts only when one of these is also among the word's ancestors, so "spreadsheet" (a table of data)
 * does not become furniture and "vampire bat" does not become a baseball bat.
 */
export const CATEGORY_ROOTS: Readonly<Record<Category, readonly string[]>> = {
  furniture: ['furniture', 'furnishing', 'seat'],
  lighting: ['source of illumination', 'lighting fixture', 'lamp', 'light', 'fixture'],
  tableware: [
    'tableware',
    'crockery',
    'cutlery',
    'kitchen utensil',
    'utensil',
    'container',
    'vessel',
    'kitchenware',
    'cookware',
    'implement',
    'home appliance',
  ],
  container: ['container', 'vessel', 'receptacle', 'bag', 'box', 'case', 'luggage'],
  decor: ['artifact', 'decoration'],
  book: [
    'publication',
    'book',
    'document',
    'paper',
    'writing implement',
    'written communication',
    'medium',
    'artifact',
  ],
  tool: [
    'tool',
    'implement',
    'device',
    'hand tool',
    'instrument',
    'equipment',
    'utensil',
    'fastener',
    'lock',
  ],
  weapon: [
    'weapon',
    'weaponry',
    'arms',
    'armor',
    'armour',
    'body armor',
    'protective covering',
    'projectile',
    'instrument',
  ],
  instrument: ['musical instrument'],
  toy: ['toy', 'plaything', 'game equipment', 'game', 'doll', 'artifact'],
  clothing: [
    'clothing',
    'garment',
    'headdress',
    'footwear',
    'covering',
    'accessory',
    'attire',
    'apparel',
    'bag',
    'container',
  ],
  jewellery: [
    'jewelry',
    'jewellery',
    'adornment',
    'decoration',
    'jewel',
    'gem',
    'precious stone',
    'currency',
    'crown',
  ],
  food: [
    'food',
    'solid food',
    'foodstuff',
    'edible fruit',
    'fruit',
    'vegetable',
    'produce',
    'dish',
    'baked goods',
    'dessert',
    'sweet',
    'nutriment',
    'plant part',
    'reproductive structure',
  ],
  plant: ['plant', 'vascular plant', 'flower', 'tree', 'shrub', 'natural object', 'organism'],
  animal: ['animal'],
  vehicle: ['vehicle', 'conveyance', 'craft', 'transport', 'wheeled vehicle', 'vessel'],
  architecture: [
    'structure',
    'building',
    'construction',
    'housing',
    'dwelling',
    'obstruction',
    'barrier',
    'movable barrier',
    'way',
    'fence',
    'geological formation',
  ],
  electronics: [
    'device',
    'electronic equipment',
    'equipment',
    'machine',
    'appliance',
    'electrical device',
    'computer',
    'peripheral',
    'electronic device',
    'instrument',
  ],
  sports: ['sports equipment', 'equipment', 'ball', 'game equipment', 'implement', 'board'],
};

let hintIndex: Map<string, FamilyDefinition[]> | undefined;

/** Family nouns and `hypernyms` hints → families, for matching WordNet lemmas. */
function wordnetTargets(): Map<string, FamilyDefinition[]> {
  if (!hintIndex) {
    hintIndex = new Map();
    const add = (word: string, f: FamilyDefinition) => {
      const list = hintIndex!.get(word) ?? [];
      if (!list.includes(f)) list.push(f);
      hintIndex!.set(word, list);
    };
    for (const [word, entries] of familyNouns()) for (const e of entries) add(word, e.family);
    for (const f of FAMILIES) for (const h of f.hypernyms ?? []) add(h, f);
  }
  return hintIndex;
}

/** A direct family noun for a run of words ("teddy bear", "book case" → bookcase, "chairs"). */
export function resolveDirect(words: string[], lemma?: string): Resolution | undefined {
  const phrase = words.join(' ');
  const last = words.length === 1 ? lemma : lemma && `${words.slice(0, -1).join(' ')} ${lemma}`;
  let hit = lookupFamilyNoun(phrase, last);
  if (!hit && words.length > 1) {
    const joined = words.join('');
    hit = lookupFamilyNoun(joined, lemma ? words.slice(0, -1).join('') + lemma : undefined);
  }
  if (!hit) return undefined;
  return {
    family: hit.family,
    noun: hit.noun,
    match: { method: 'noun', word: phrase, reason: `"${phrase}" names a ${hit.family.id}`, certainty: 1 },
  };
}

/**
 * The family an unknown noun falls back to through WordNet: its nearest ancestor (over its four most
 * frequent senses, rarer senses counting as further away) that is a family noun or hint, provided the
 * family's category roots are among the same sense's ancestors.
 *
 * @example
 * resolveWordNet('saxophone')?.match.path; // ['sax', 'single-reed instrument', …, 'wind instrument']
 */
export function resolveWordNet(phrase: string): Resolution | undefined {
  const wn = WordNet.shared();
  if (!wn.has(phrase)) return undefined;
  const steps = wn.ancestors(phrase);
  const closure = new Map<number, Set<string>>();
  for (const s of steps) {
    let set = closure.get(s.sense);
    if (!set) {
      set = new Set();
      closure.set(s.sense, set);
    }
    for (const w of s.synset.words) set.add(w);
  }
  const targets = wordnetTargets();
  let best: { family: FamilyDefinition; score: number; lemma: string; path: string[] } | undefined;
  for (const step of steps) {
    const score = step.depth + 1.5 * step.sense;
    if (best && score >= best.score) continue;
    const roots = closure.get(step.sense)!;
    for (const lemma of step.synset.words) {
      for (const family of targets.get(lemma) ?? []) {
        if (!CATEGORY_ROOTS[family.category].some((r) => roots.has(r))) continue;
        if (!best || score < best.score) best = { family, score, lemma, path: step.path };
        break;
      }
      if (best?.score === score) break;
    }
  }
  if (!best) return undefined;
  const chain = [...best.path];
  if (chain[chain.length - 1] !== best.lemma) chain[chain.length - 1] = best.lemma;
  const certainty = Math.max(0.5, Math.round((0.9 - 0.04 * best.score) * 100) / 100);
  return {
    family: best.family,
    match: {
      method: 'wordnet',
      word: phrase,
      reason: `WordNet: ${chain.join(' → ')} → ${best.family.id}`,
      path: chain,
      certainty,
    },
  };
}

/** A word that ends with a family noun ("footstool", "shortsword"): the longest such noun. */
export function resolveCompound(word: string): Resolution | undefined {
  let best: { family: FamilyDefinition; noun: FamilyNoun } | undefined;
  for (const [noun, entries] of familyNouns()) {
    if (noun.includes(' ') || noun.length < 3) continue;
    if (word.length > noun.length + 1 && word.endsWith(noun)) {
      if (!best || noun.length > best.noun.word.length) best = entries[0];
    }
  }
  if (!best) return undefined;
  return {
    family: best.family,
    noun: best.noun,
    match: {
      method: 'compound',
      word,
      reason: `"${word}" ends with the ${best.family.id} noun "${best.noun.word}"`,
      certainty: 0.7,
    },
  };
}

let relatedIndex: Map<string, FamilyDefinition> | undefined;

/** A word a family lists as related ("couch" → sofa). */
export function resolveRelated(word: string, lemma?: string): Resolution | undefined {
  if (!relatedIndex) {
    relatedIndex = new Map();
    for (const f of FAMILIES)
      for (const r of f.related ?? []) if (!relatedIndex.has(r)) relatedIndex.set(r, f);
  }
  const family = relatedIndex.get(word) ?? (lemma ? relatedIndex.get(lemma) : undefined);
  if (!family) return undefined;
  return {
    family,
    match: {
      method: 'related',
      word,
      reason: `"${word}" is listed as related to ${family.id}`,
      certainty: 0.55,
    },
  };
}

/** A near miss of a family noun ("chiar" → chair): one edit for 4–6 letters, two from 7. */
export function resolveSpelling(word: string): Resolution | undefined {
  if (word.length < 4 || /\d/.test(word)) return undefined;
  const allowed = word.length >= 7 ? 2 : 1;
  let best: { entry: { family: FamilyDefinition; noun: FamilyNoun }; d: number } | undefined;
  for (const [noun, entries] of familyNouns()) {
    if (noun.includes(' ') || Math.abs(noun.length - word.length) > allowed) continue;
    const d = editDistance(word, noun);
    if (d <= allowed && (!best || d < best.d)) best = { entry: entries[0], d };
  }
  if (!best) return undefined;
  const { family, noun } = best.entry;
  return {
    family,
    noun,
    match: {
      method: 'spelling',
      word,
      reason: `"${word}" is one or two letters from the ${family.id} noun "${noun.word}"`,
      certainty: 0.6,
    },
  };
}

/** Optimal string alignment distance (insert, delete, substitute, swap two neighbours). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/**
 * Up to `limit` families close to the words of a prompt that named no object: near spellings of
 * family nouns first, then families of the categories WordNet puts the words in.
 */
export function suggestFamilies(words: string[], limit = 5): string[] {
  const scores = new Map<string, number>();
  const bump = (id: string, s: number) => scores.set(id, Math.max(scores.get(id) ?? 0, s));
  const wn = WordNet.shared();
  for (const word of words) {
    if (word.length < 2) continue;
    for (const [noun, entries] of familyNouns()) {
      const d = editDistance(word, noun);
      const sim = 1 - d / Math.max(word.length, noun.length);
      const prefix = noun.startsWith(word) || word.startsWith(noun) ? 0.25 : 0;
      if (sim + prefix >= 0.5) for (const e of entries) bump(e.family.id, sim + prefix);
    }
    if (wn.has(word)) {
      const lemmas = new Set(wn.ancestors(word).flatMap((s) => s.synset.words));
      for (const f of FAMILIES) {
        const hits = CATEGORY_ROOTS[f.category].filter((r) => r !== 'artifact' && lemmas.has(r)).length;
        if (hits > 0) bump(f.id, 0.3 + 0.05 * hits);
      }
    }
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => id);
}
