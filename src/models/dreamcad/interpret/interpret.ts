import { PromptNotUnderstoodError } from '../../../errors.js';
import { COLOR_MODIFIERS, type ColorChoice, colorHex, resolveColor } from '../colors.js';
import { FAMILIES, type FamilyDefinition, getFamily } from '../families/index.js';
import { lookupFinish } from '../finishes.js';
import { getMaterialPreset, MATERIAL_WORDS } from '../materials.js';
import type {
  MatchInfo,
  ObjectSpec,
  RelationKind,
  RelationSpec,
  SizeSpec,
  Spec,
  Style,
  WordNote,
  WordRole,
} from '../spec.js';
import { lookupStyle, STYLES } from '../styles.js';
import { lookupPattern, PATTERNS, type PatternId } from '../textures.js';
import {
  AND_WORDS,
  DEFAULT_PLURAL_COUNT,
  FILLERS,
  longestFamilyNoun,
  lookupFamilyNoun,
  lookupPartGroups,
  lookupWord,
  MAX_COUNT,
  NEGATIONS,
  PAIR_NOUNS,
  PAIRED_FAMILIES,
  PORTION_WORDS,
  QUANTITY_WORDS,
  RELATION_PHRASES,
  SIZE_WORDS,
  WITH_WORDS,
} from './lexicon.js';
import { applyNegativePrompt } from './negative.js';
import { parseNumber } from './nlp.js';
import { excludeGroups, includeGroups } from './part-switches.js';
import {
  editDistance,
  type Resolution,
  resolveCompound,
  resolveDirect,
  resolveRelated,
  resolveSpelling,
  resolveWordNet,
  suggestFamilies,
} from './resolve.js';
import { annotate, type Token, tokenize, wordForms } from './tokens.js';
import { WordNet } from './wordnet.js';

/** First words of family nouns that name the thing rather than its colour or material ("ice cream"). */
const NAME_ONLY_MODIFIERS: ReadonlySet<string> = new Set(['ice', 'snow', 'salmon']);

/** Limits of the size multipliers, however many size words a prompt stacks. */
export const MIN_SIZE = 0.25;
export const MAX_SIZE = 4;

export interface InterpretOptions {
  /** What the result must not have: part names remove optional parts, colour/material words are dropped. */
  negativePrompt?: string;
}

/**
 * A word or phrase of the prompt after the first pass: what it can mean on its own. `notHead` marks a
 * word that cannot name the object however it reads ("oak" in "a chair made of oak").
 */
type Item = { start: number; end: number; text: string; nounable: boolean; notHead?: boolean } & (
  | { kind: 'filler' }
  | { kind: 'relation'; relation: RelationKind }
  | { kind: 'with' }
  | { kind: 'without' }
  | { kind: 'and' }
  | { kind: 'of' }
  | { kind: 'count'; value: number; quantity?: boolean }
  | { kind: 'color'; color: ColorChoice; color2?: ColorChoice }
  | { kind: 'material'; material: string }
  | { kind: 'finish'; finish: string }
  | { kind: 'style'; style: string }
  | { kind: 'pattern'; pattern: PatternId }
  | { kind: 'size'; size: Partial<SizeSpec> }
  | { kind: 'word' }
);

type ModifierItem = Extract<
  Item,
  { kind: 'count' | 'color' | 'material' | 'finish' | 'style' | 'pattern' | 'size' }
>;

/** An object being read, with the token range of its noun. */
interface Draft {
  spec: ObjectSpec;
  family: FamilyDefinition;
}

/**
 * Reads a prompt into a `Spec`: the objects it names (family, variant, count, colours, materials,
 * finishes, pattern, style, size, parts asked for, removed, styled or counted), the relations between
 * them, and a note on what every word did. Throws `PromptNotUnderstoodError`, with suggestions, when
 * no word names an object.
 *
 * The prompt is tagged by compromise (nouns, plurals, numbers); then it is cut into phrases at
 * relation words ("on", "next to"), "with"/"without", "and", "of" and commas. In each phrase the last
 * noun is the head; it is looked up as a family noun, a WordNet compound ("golden retriever"), a
 * word ending with a family noun, a related word, the nearest WordNet ancestor that is a family noun
 * ("saxophone" → wind instrument) and finally a near spelling. The words before and after the head
 * describe it. After "with", a part of the previous object is styled and asked for ("with oak legs"),
 * after "without" it is removed; other objects after "with" go with the previous one.
 *
 * @example
 * interpretPrompt('two oranges in a wooden bowl').objects.map((o) => [o.family, o.count]); // [['orange', 2], ['bowl', 1]]
 */
export function interpretPrompt(prompt: string, options: InterpretOptions = {}): Spec {
  const tokens = annotate(tokenize(prompt));
  const items = firstPass(tokens);
  const reader = new Reader(prompt, tokens, items);
  reader.read();
  const spec = reader.finish(options.negativePrompt);
  return spec;
}

// ---------------------------------------------------------------------------------------------------
// First pass: words and phrases with a meaning of their own.

const MAX_PHRASE = 4;

function firstPass(tokens: Token[]): Item[] {
  const items: Item[] = [];
  const texts = tokens.map((t) => t.text);
  const phraseAt = (i: number, n: number) => texts.slice(i, i + n).join(' ');
  const hasBreak = (i: number, n: number) => tokens.slice(i + 1, i + n).some((t) => t.breakBefore);
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    // Family nouns with "of" in them ("loaf of bread", "suit of armor", "pair of scissors") are read as
    // plain words, so "of" does not split them into two objects.
    const ofNoun = familyNounWithOf(texts, i, hasBreak);
    if (ofNoun > 0) {
      for (let k = i; k < i + ofNoun; k++)
        items.push({ start: k, end: k + 1, text: texts[k], nounable: false, kind: 'word' });
      i += ofNoun;
      continue;
    }
    const base = (n: number) => ({
      start: i,
      end: i + n,
      text: phraseAt(i, n),
      nounable: n === 1 && lookupFamilyNoun(t.text, t.lemma) !== undefined,
    });
    let item: Item | undefined;
    // Multi-word phrases, longest first: relations, colours, styles, finishes, patterns.
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 2 && !item; n--) {
      if (hasBreak(i, n)) continue;
      const p = phraseAt(i, n);
      if (lookupFamilyNoun(p)) break; // "ice cream", "teddy bear" are nouns, read later
      const relation = RELATION_PHRASES.get(p);
      if (relation) item = { ...base(n), kind: 'relation', relation };
      else if (n <= 3 && lookupStyle(p)) item = { ...base(n), kind: 'style', style: lookupStyle(p)!.id };
      else if (n === 2 && lookupPattern(p))
        item = { ...base(n), kind: 'pattern', pattern: lookupPattern(p)!.id };
      else if (n === 2 && lookupFinish(p)) item = { ...base(n), kind: 'finish', finish: lookupFinish(p)!.id };
      else if (n <= 3) {
        const color = readColor(texts, i, n);
        if (color) item = { ...base(n), kind: 'color', color };
      }
    }
    if (!item) item = classifyWord(tokens, i, base(1));
    // "red and white", "black-and-white": two colours joined by "and" are one colour pair.
    if (item.kind === 'color' && !item.color2 && texts[item.end] === 'and') {
      const next = readColorAt(texts, item.end + 1);
      if (next) {
        item = {
          ...item,
          end: next.end,
          text: phraseAt(i, next.end - i),
          color2: next.color,
          nounable: false,
        };
      }
    }
    items.push(item);
    i = item.end;
  }
  // "in" before a colour, material, finish or style describes the object ("a chair in dark red").
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.kind === 'relation' && it.relation === 'in' && it.text === 'in') {
      let j = k + 1;
      while (j < items.length && items[j].kind === 'filler') j++;
      const next = items[j];
      if (
        next &&
        ['color', 'material', 'finish', 'style', 'pattern'].includes(next.kind) &&
        !nextIsHeadless(items, j)
      ) {
        items[k] = { ...it, kind: 'filler' };
      }
    }
    // "made of oak", "carved from stone": "of" just introduces a material, and the material word
    // after it is not the object even when it could be ("oak" the tree).
    if (
      (it.kind === 'of' || it.text === 'from') &&
      k > 0 &&
      ['made', 'built', 'carved', 'crafted', 'cast', 'formed', 'consisting'].includes(items[k - 1].text)
    ) {
      if (it.kind === 'of') items[k] = { ...it, kind: 'filler' };
      let j = k + 1;
      while (j < items.length && items[j].kind === 'filler') j++;
      if (items[j] && isModifier(items[j])) items[j] = { ...items[j], notHead: true };
    }
  }
  return items;
}

/** The number of words of a family noun containing "of" that starts at `i` ("loaf of bread": 3), or 0. */
function familyNounWithOf(texts: string[], i: number, hasBreak: (i: number, n: number) => boolean): number {
  for (let n = Math.min(longestFamilyNoun(), texts.length - i); n >= 3; n--) {
    const words = texts.slice(i, i + n);
    if (!words.slice(1, -1).includes('of') || hasBreak(i, n)) continue;
    if (lookupFamilyNoun(words.join(' ')) || singularOfPhrase(words)) return n;
  }
  return 0;
}

/** "slices of pizza" → "slice of pizza": a family noun with "of" whose first word is in the plural. */
function singularOfPhrase(words: string[]): string | undefined {
  const at = words.indexOf('of');
  if (at !== 1) return undefined;
  for (const form of wordForms(words[0]).slice(1)) {
    const phrase = [form, ...words.slice(1)].join(' ');
    if (lookupFamilyNoun(phrase)) return phrase;
  }
  return undefined;
}

let variantFillers: Set<string> | undefined;

/** Filler words that some family reads as a variant ("standing" lamp → floor lamp). */
function isVariantFiller(word: string): boolean {
  if (!variantFillers) {
    variantFillers = new Set();
    for (const f of FAMILIES)
      for (const w of Object.keys(f.variantWords ?? {})) if (FILLERS.has(w)) variantFillers.add(w);
  }
  return variantFillers.has(word);
}

/** True when the style word at `j` is followed by an object noun before the next boundary ("in a wooden bowl"). */
function nextIsHeadless(items: Item[], j: number): boolean {
  for (let k = j; k < items.length; k++) {
    const it = items[k];
    if (isBoundary(it)) return false;
    if (it.kind === 'word' || it.nounable) return true;
  }
  return false;
}

function classifyWord(
  tokens: Token[],
  i: number,
  base: { start: number; end: number; text: string; nounable: boolean },
): Item {
  const t = tokens[i];
  const w = t.text;
  const b = { start: base.start, end: base.end, text: base.text, nounable: base.nounable };
  if (WITH_WORDS.has(w)) return { ...b, kind: 'with' };
  if (NEGATIONS.has(w)) return { ...b, kind: 'without' };
  if (AND_WORDS.has(w)) return { ...b, kind: 'and' };
  if (w === 'of') return { ...b, kind: 'of' };
  const relation = RELATION_PHRASES.get(w);
  if (relation) return { ...b, kind: 'relation', relation };
  // Numbers: a run of number words read together by compromise ("twenty two").
  if (/^\d+$/.test(w) || t.tags.includes('Value') || t.tags.includes('Cardinal') || w === 'one') {
    let end = i + 1;
    while (
      end < tokens.length &&
      !tokens[end].breakBefore &&
      (tokens[end].tags.includes('Value') || tokens[end].tags.includes('Cardinal')) &&
      !tokens[end].tags.includes('Ordinal')
    ) {
      end++;
    }
    const words = tokens.slice(i, end).map((x) => x.text);
    const value = w === 'one' && end === i + 1 ? 1 : parseNumber(words);
    if (value !== undefined && Number.isInteger(value) && value >= 0) {
      return { start: i, end, text: words.join(' '), nounable: false, kind: 'count', value };
    }
  }
  // "a slice of watermelon", "a stick of dynamite": one portion of what follows; in the plural
  // ("three pieces of cake") the number before it is the count.
  if (PORTION_WORDS.has(t.lemma) && tokens[i + 1]?.text === 'of' && !tokens[i + 1].breakBefore)
    return t.plural ? { ...b, kind: 'filler' } : { ...b, kind: 'count', value: 1, quantity: true };
  const quantity = QUANTITY_WORDS[w] ?? (t.plural ? QUANTITY_WORDS[t.lemma] : undefined);
  if (quantity !== undefined) return { ...b, kind: 'count', value: quantity, quantity: true };
  if (FILLERS.has(w)) return { ...b, kind: 'filler' };
  const color = readColor(
    tokens.map((x) => x.text),
    i,
    1,
  );
  if (color && !Object.hasOwn(MATERIAL_WORDS, w)) return { ...b, kind: 'color', color };
  const material = lookupWord(MATERIAL_WORDS, w);
  if (material) return { ...b, kind: 'material', material };
  const style = lookupStyle(w);
  if (style) return { ...b, kind: 'style', style: style.id };
  const finish = lookupFinish(w);
  if (finish) return { ...b, kind: 'finish', finish: finish.id };
  const pattern = lookupPattern(w);
  if (pattern) return { ...b, kind: 'pattern', pattern: pattern.id };
  const size = SIZE_WORDS[w];
  if (size) return { ...b, kind: 'size', size };
  if (color) return { ...b, kind: 'color', color };
  return { ...b, kind: 'word' };
}

/** A colour of `n` words at `i`: "red", "dark blue", "baby blue", "royal blue" (CSS), "light sky blue". */
function readColor(texts: string[], i: number, n: number): ColorChoice | undefined {
  const words = texts.slice(i, i + n);
  if (words.length !== n) return undefined;
  const phrase = words.join(' ');
  if (n === 1) return colorHex(phrase) ? resolveColor(phrase) : undefined;
  if (colorHex(phrase)) return resolveColor(phrase);
  const [first, ...rest] = words;
  if (Object.hasOwn(COLOR_MODIFIERS, first)) {
    const tail = rest.join(' ');
    if (colorHex(tail)) return resolveColor(tail, first);
  }
  return undefined;
}

function readColorAt(texts: string[], i: number): { color: ColorChoice; end: number } | undefined {
  for (let n = 3; n >= 1; n--) {
    const c = readColor(texts, i, n);
    if (c) return { color: c, end: i + n };
  }
  return undefined;
}

function isBoundary(it: Item): boolean {
  return ['relation', 'with', 'without', 'and', 'of'].includes(it.kind);
}

// ---------------------------------------------------------------------------------------------------
// Second pass: phrases → objects, parts and relations.

class Reader {
  readonly objects: Draft[] = [];
  readonly relations: RelationSpec[] = [];
  private notes: Array<WordNote | undefined>;
  private ignored: string[] = [];
  private mode: 'object' | 'with' | 'without' | 'of' = 'object';
  private pendingRelation?: { kind: RelationKind; words: string };
  /** The object relations hang from: the last object outside "with" and "of" phrases. */
  private anchor?: number;
  /** The last object read. */
  private current?: number;
  private carried: ModifierItem[] = [];
  private content = 0;
  private understood = 0;
  private globalStyles: string[] = [];
  /** The phrase being read began with "the" (it may refer back to an object already named). */
  private definite = false;

  constructor(
    readonly prompt: string,
    readonly tokens: Token[],
    readonly items: Item[],
  ) {
    this.notes = new Array(tokens.length).fill(undefined);
  }

  read(): void {
    let phrase: Item[] = [];
    for (let k = 0; k < this.items.length; k++) {
      const it = this.items[k];
      const broken = this.tokens[it.start].breakBefore === true;
      if (broken && phrase.length > 0) {
        this.closePhrase(phrase, 'break');
        phrase = [];
        if (this.mode === 'with' || this.mode === 'without' || this.mode === 'of') this.mode = 'object';
      }
      if (it.kind === 'filler') {
        this.note(it, 'filler', 'no effect');
        if (it.text === 'the') this.definite = true;
        // "a standing lamp": a filler that a family reads as a variant stays with its phrase.
        if (isVariantFiller(it.text)) phrase.push(it);
        continue;
      }
      if (!isBoundary(it)) {
        phrase.push(it);
        continue;
      }
      this.closePhrase(phrase, it.kind);
      phrase = [];
      this.boundary(it);
    }
    this.closePhrase(phrase, 'end');
  }

  private boundary(it: Item): void {
    this.content++;
    this.understood++;
    switch (it.kind) {
      case 'relation':
        this.pendingRelation = { kind: it.relation, words: it.text };
        this.mode = 'object';
        this.note(it, 'relation', `relation "${it.text}": what follows is another object`);
        break;
      case 'with':
        this.mode = 'with';
        this.pendingRelation = undefined;
        this.note(it, 'include', 'asks for the parts (or objects) named next');
        break;
      case 'without':
        this.mode = 'without';
        this.note(it, 'exclude', 'removes the parts named next');
        break;
      case 'and':
        if (this.mode === 'of') this.mode = 'object';
        if (this.mode === 'object') this.pendingRelation = undefined;
        this.note(it, 'filler', 'joins two phrases');
        break;
      case 'of':
        this.mode = 'of';
        this.note(it, 'filler', 'what follows fills or makes up the previous object');
        break;
    }
  }

  /** Reads one phrase: finds its head noun and applies the words around it. */
  private closePhrase(phrase: Item[], closedBy: string): void {
    const definite = this.definite;
    this.definite = false;
    const items = [...this.carried, ...phrase];
    this.carried = [];
    if (items.every((it) => it.kind === 'filler')) return;
    this.content += phrase.filter((it) => it.kind !== 'filler').length;

    // After "with"/"without": a part of the current object?
    if ((this.mode === 'with' || this.mode === 'without') && this.current !== undefined) {
      if (this.readPartPhrase(items)) return;
    }

    // "a cactus in a terracotta pot", "a painting in a gilded frame", "a bookshelf full of books": the
    // place or contents named is a part of the object itself, not a second object.
    const kind = this.pendingRelation?.kind;
    if (
      (kind === 'in' || kind === 'contains') &&
      this.current !== undefined &&
      this.current === this.anchor
    ) {
      const mode = this.mode;
      this.mode = 'with';
      const isPart = this.readPartPhrase(items);
      this.mode = mode;
      if (isPart) {
        this.pendingRelation = undefined;
        return;
      }
    }

    const head = this.findHead(items);
    if (!head) {
      const unknown = items.filter((it) => it.kind === 'word');
      const mods = items.filter(
        (it): it is ModifierItem => it.kind !== 'word' && !isBoundary(it) && it.kind !== 'filler',
      );
      for (const it of unknown)
        this.ignore(it, this.mode === 'without' ? 'not a part of this object' : 'not understood');
      if (unknown.length > 0 && (this.pendingRelation || this.mode === 'of')) {
        // A phrase about an object we cannot make: its describing words go with it.
        for (const it of mods)
          this.ignore(it, `describes "${unknown.map((u) => u.text).join(' ')}", which is not understood`);
        this.pendingRelation = undefined;
        return;
      }
      if ((closedBy === 'and' || closedBy === 'of') && unknown.length === 0) {
        // "a tall and thin vase", "a pair of shoes": the words describe what comes next.
        this.carried = mods;
        return;
      }
      if (this.current !== undefined) {
        const last = closedBy === 'end' && this.objects.length > 1;
        for (const it of mods) {
          if (last && it.kind === 'style') {
            this.globalStyles.push(it.style);
            this.understood++;
            this.note(
              it,
              'style',
              `style ${it.style} for every object: ${STYLES.find((s) => s.id === it.style)?.effect}`,
            );
          } else {
            this.applyModifier(this.objects[this.current], it, undefined);
          }
        }
      } else {
        for (const it of mods) this.ignore(it, 'describes no object');
      }
      return;
    }

    if (this.mode === 'without') {
      for (const it of items) this.ignore(it, 'another object cannot be removed');
      return;
    }

    // "a cup of coffee", "a goblet of wine", "a barrel full of beer": contents named only by a word
    // related to a family are what the object holds, not a second object to make.
    const contents = this.mode === 'of' || this.mode === 'with' || kind === 'contains';
    if (contents && this.current !== undefined && head.resolution.match.method === 'related') {
      const holder = this.objects[this.current].spec.family;
      for (const it of items) this.ignore(it, `what the ${holder} holds; not made`);
      this.pendingRelation = undefined;
      return;
    }

    // "a table with four chairs and a lamp beside the table": "the" before a family already named
    // refers back to that object instead of adding another one.
    const earlier = definite ? this.definiteReference(items, head.resolution.family.id) : undefined;
    if (earlier !== undefined) {
      this.referBack(items, head, earlier);
      return;
    }

    const draft = this.makeObject(items, head);
    const index = this.objects.length;
    this.objects.push(draft);
    if (this.mode === 'with' && this.current !== undefined) {
      this.relations.push({
        subject: index,
        kind: 'with',
        target: this.anchor ?? this.current,
        words: 'with',
      });
    } else if (this.mode === 'of' && this.current !== undefined) {
      this.relations.push({ subject: index, kind: 'in', target: this.current, words: 'of' });
    } else if (this.pendingRelation && this.anchor !== undefined) {
      const { kind, words } = this.pendingRelation;
      if (kind === 'contains')
        this.relations.push({ subject: index, kind: 'in', target: this.anchor, words });
      else this.relations.push({ subject: this.anchor, kind, target: index, words });
      this.anchor = index;
    } else {
      this.anchor = index;
    }
    if (this.mode === 'object') this.anchor = index;
    this.pendingRelation = undefined;
    this.current = index;
  }

  /** The object a phrase such as "the table" refers back to: the last one of that family, if any. */
  private definiteReference(items: Item[], family: string): number | undefined {
    if (items.some((it) => it.kind === 'count')) return undefined;
    for (let i = this.objects.length - 1; i >= 0; i--) if (this.objects[i].spec.family === family) return i;
    return undefined;
  }

  /** Links the pending relation to an earlier object, as if it had just been named again. */
  private referBack(items: Item[], head: { first: number; last: number }, index: number): void {
    this.understood++;
    for (let k = head.first; k <= head.last; k++) {
      this.note(items[k], 'object', `refers back to the ${this.objects[index].spec.family} named before`);
    }
    for (const it of items) {
      if (it.kind === 'filler' || (items.indexOf(it) >= head.first && items.indexOf(it) <= head.last))
        continue;
      if (it.kind === 'word') this.ignore(it, 'not understood');
      else if (!isBoundary(it) && it.kind !== 'count')
        this.applyModifier(this.objects[index], it as ModifierItem, undefined);
    }
    if (this.pendingRelation && this.anchor !== undefined && this.anchor !== index) {
      const { kind, words } = this.pendingRelation;
      if (kind === 'contains')
        this.relations.push({ subject: index, kind: 'in', target: this.anchor, words });
      else this.relations.push({ subject: this.anchor, kind, target: index, words });
    }
    this.pendingRelation = undefined;
    this.anchor = index;
    this.current = index;
  }

  /** "with oak legs", "with four legs", "without a handle": a part group of the current object. */
  private readPartPhrase(items: Item[]): boolean {
    const draft = this.objects[this.current!];
    const family = draft.family;
    for (let k = items.length - 1; k >= 0; k--) {
      const it = items[k];
      // The last word may be a part even when it is also a colour or material: "with a cork" (the
      // cap), "with red sand", "with a diamond".
      const last = k === items.length - 1 && it.end - it.start === 1;
      if (it.kind !== 'word' && !it.nounable && !last) continue;
      const t = this.tokens[it.start];
      const groups = lookupPartGroups(family, t.text, t.lemma);
      if (groups.length === 0) {
        if (it.kind === 'word') return false;
        continue;
      }
      this.understood++;
      if (this.mode === 'without') {
        this.note(it, 'exclude', excludeGroups(draft.spec, family, groups));
        for (const other of items) if (other !== it) this.ignore(other, 'describes a part that was removed');
        return true;
      }
      const asked = includeGroups(draft.spec, family, groups);
      this.note(it, 'part', `names ${groups.join(', ')}${asked}`);
      for (const other of items) {
        if (other === it) continue;
        if (other.kind === 'word') this.ignore(other, 'not understood');
        else if (other.kind === 'count') this.applyPartCount(draft, groups, other);
        else if (other.kind !== 'filler' && !isBoundary(other))
          this.applyModifier(draft, other as ModifierItem, groups);
      }
      // A part word that is also a colour or material still says what the part is like ("a cork"
      // stopper, "a ruby"), unless the phrase says otherwise ("red sand").
      if (
        (it.kind === 'color' || it.kind === 'material') &&
        !items.some((o) => o !== it && o.kind === it.kind)
      ) {
        const styles = groups.map((g) => (draft.spec.parts[g] ??= {}));
        if (it.kind === 'color') for (const st of styles) st.color ??= it.color;
        else for (const st of styles) st.material ??= it.material;
      }
      return true;
    }
    return false;
  }

  /** The head noun of a phrase: the last word (or run of words) that resolves to a family. */
  private findHead(items: Item[]): { first: number; last: number; resolution: Resolution } | undefined {
    // Every word can end a family noun: "ice cream" is two modifier words that make one noun.
    const candidates: number[] = [];
    for (let k = items.length - 1; k >= 0; k--) candidates.push(k);
    // Direct nouns first (the last one wins), including runs of words ("teddy bear").
    const longest = longestFamilyNoun();
    for (const k of candidates) {
      if (items[k].notHead) continue;
      const direct = this.directAt(items, k, longest);
      if (direct) {
        // A WordNet compound ending here that is not a kind of the head wins ("hot dog" is food), but
        // only when the word before is a noun-like word of another kind of thing: a colour or size
        // word describes the head ("a black cat", "a green dragon"), and a compound of the same kind
        // ("dog house" → building) says less than the head itself.
        const compound = this.compoundAt(items, direct.first, direct.last, true);
        const overrides =
          compound !== undefined &&
          items[direct.first - 1]?.kind === 'word' &&
          compound.resolution.family.category !== direct.resolution.family.category;
        return overrides ? compound : direct;
      }
    }
    const wn = WordNet.shared();
    for (const k of candidates) {
      if (items[k].kind !== 'word') continue;
      const compound = this.compoundAt(items, k, k, false);
      if (compound) return compound;
      const t = this.tokens[items[k].start];
      const known = wn.has(t.lemma) || wn.has(t.text);
      // A word ending with a family noun counts only when English agrees that it is a kind of it
      // ("hummingbird" is a bird, "hedgehog" is no hog); for words English does not know, a near
      // spelling of a longer noun comes first ("pinapple" is pineapple, not an apple).
      let compoundWord = resolveCompound(t.lemma);
      if (compoundWord && known && !isKindOf(t.lemma, compoundWord.noun?.word)) compoundWord = undefined;
      const spelling = known ? undefined : resolveSpelling(t.text);
      const closeSpelling =
        spelling && editDistance(t.text, spelling.noun?.word ?? '') <= 1 ? spelling : undefined;
      const r =
        closeSpelling ??
        compoundWord ??
        resolveRelated(t.text, t.lemma) ??
        resolveWordNet(t.lemma) ??
        (t.lemma !== t.text ? resolveWordNet(t.text) : undefined) ??
        // A near spelling only for words English does not know ("chiar"), not for real words we cannot make.
        spelling;
      if (r) return { first: k, last: k, resolution: r };
    }
    return undefined;
  }

  private directAt(
    items: Item[],
    k: number,
    longest: number,
  ): { first: number; last: number; resolution: Resolution } | undefined {
    for (let n = Math.min(longest, k + 1); n >= 1; n--) {
      const span = items.slice(k - n + 1, k + 1);
      if (span.some((it) => it.end - it.start !== 1 || it.notHead)) continue;
      const words = span.map((it) => it.text);
      const plural = singularOfPhrase(words);
      const r = plural
        ? resolveDirect(plural.split(' '))
        : resolveDirect(words, this.tokens[items[k].start].lemma);
      if (r) return { first: k - n + 1, last: k, resolution: r };
    }
    return undefined;
  }

  /**
   * "golden retriever", "sea lion": the word before the head and the head form a WordNet noun. Used
   * when the head alone is unknown, or when the compound is not a kind of the head.
   */
  private compoundAt(
    items: Item[],
    first: number,
    last: number,
    onlyIfNotKindOfHead: boolean,
  ): { first: number; last: number; resolution: Resolution } | undefined {
    if (first === 0) return undefined;
    const before = items[first - 1];
    if (before.end - before.start !== 1 || before.kind === 'count') return undefined;
    const words = [before.text, ...items.slice(first, last + 1).map((it) => it.text)];
    const lemma = this.tokens[items[last].start].lemma;
    const phrase = [...words.slice(0, -1), lemma].join(' ');
    const wn = WordNet.shared();
    if (!wn.has(phrase)) return undefined;
    if (onlyIfNotKindOfHead) {
      const head = words.slice(1).join(' ');
      const headLemma = [...words.slice(1, -1), lemma].join(' ');
      const isKindOfHead = wn
        .ancestors(phrase, 2, 3)
        .some((s) => s.depth > 0 && (s.synset.words.includes(headLemma) || s.synset.words.includes(head)));
      if (isKindOfHead) return undefined;
    }
    const resolution = resolveWordNet(phrase);
    if (!resolution) return undefined;
    return { first: first - 1, last, resolution };
  }

  private makeObject(items: Item[], head: { first: number; last: number; resolution: Resolution }): Draft {
    const { family, noun, match } = head.resolution;
    const headItems = items.slice(head.first, head.last + 1);
    const subject = headItems.map((it) => it.text).join(' ');
    const spec: ObjectSpec = {
      family: family.id,
      subject,
      count: 1,
      main: {},
      parts: {},
      partCounts: {},
      size: { width: 1, height: 1, depth: 1 },
      styles: [],
      include: [...(noun?.include ?? [])],
      exclude: [...(noun?.exclude ?? [])],
      match: { ...match },
    };
    if (noun?.variant) spec.variant = noun.variant;
    const draft: Draft = { spec, family };
    this.understood += headItems.length;
    const role: WordRole = this.objects.length === 0 ? 'subject' : 'object';
    const how = match.method === 'noun' ? '' : ` (${match.reason})`;
    const variantNote = spec.variant ? `, variant "${spec.variant}"` : '';
    this.noteSpan(headItems, role, `object: ${family.id}${variantNote}${how}`);
    // A compound's first word may still say something ("red fox", "polar bear").
    if (head.resolution.match.method === 'wordnet' && headItems.length > 1) {
      const first = headItems[0];
      if (first.kind === 'color') spec.main.color = first.color;
      const variant = lookupWord(family.variantWords, first.text);
      if (variant) spec.variant = variant;
    }
    // So may a family noun's ("a rubber duck", "gold coins", "a paper plane", "a bluebird"), unless the
    // word only names the thing ("ice cream", "snow globe").
    if (match.method === 'noun' && headItems.length > 1 && !NAME_ONLY_MODIFIERS.has(headItems[0].text)) {
      const first = headItems[0];
      if (first.kind === 'color') spec.main.color = first.color;
      if (first.kind === 'material') spec.main.material = first.material;
    }

    const headToken = this.tokens[items[head.last].start];
    // The noun is listed in the plural, so the plural is the thing itself ("glasses", "scissors").
    const nounIsPlural = noun !== undefined && noun.word.split(' ').pop() === headToken.text;
    let counted = false;
    const rest = [...items.slice(0, head.first), ...items.slice(head.last + 1)];
    for (let k = 0; k < rest.length; k++) {
      const it = rest[k];
      if (it.kind === 'filler') {
        // "a standing lamp"
        const variant = lookupWord(family.variantWords, it.text);
        if (variant && (!spec.variant || noun?.variant === undefined)) {
          spec.variant = variant;
          this.note(it, 'variant', `${family.id} variant "${variant}"`);
        }
        continue;
      }
      // "three-legged", "four drawer": a count before a countable part of this family.
      if (it.kind === 'count' && k + 1 < rest.length && rest[k + 1].kind === 'word') {
        const next = rest[k + 1];
        const t = this.tokens[next.start];
        const groups = lookupPartGroups(family, t.text.replace(/(ged|ed)$/, ''), t.lemma);
        if (groups.length > 0) {
          this.applyPartCount(draft, groups, it);
          this.understood++;
          this.note(next, 'part', `names ${groups.join(', ')}`);
          k++;
          continue;
        }
      }
      if (it.kind === 'count') {
        if (counted) {
          this.ignore(it, 'a count was already given');
          continue;
        }
        counted = true;
        if (it.quantity && it.text === 'pair' && PAIR_NOUNS.has(headToken.text)) {
          // "a pair of sunglasses" is one pair.
          this.setCount(draft, { ...it, value: 1 });
          continue;
        }
        this.setCount(draft, it);
        continue;
      }
      if (it.kind === 'word' || (it.nounable && !isModifier(it))) {
        const t = this.tokens[it.start];
        const variant = lookupWord(family.variantWords, t.text, t.lemma);
        if (variant) {
          this.understood++;
          if (!spec.variant || noun?.variant === undefined) {
            spec.variant = variant;
            this.note(it, 'variant', `${family.id} variant "${variant}"`);
          } else this.note(it, 'variant', `variant already "${spec.variant}"`);
          continue;
        }
        const other = lookupFamilyNoun(t.text, t.lemma);
        if (other?.family === family) {
          // "a bunk bed", "a panda bear": a noun of the same family says which kind.
          this.understood++;
          if (other.noun.variant && (!spec.variant || noun?.variant === undefined)) {
            spec.variant = other.noun.variant;
            this.note(it, 'variant', `${family.id} variant "${spec.variant}"`);
          } else this.note(it, 'variant', `the kind of ${family.id}`);
          continue;
        }
        if (family.related?.includes(t.text) || family.related?.includes(t.lemma)) {
          // "a chess pawn", "a beer barrel": a word that goes with this family.
          this.understood++;
          this.note(it, 'variant', `the kind of ${family.id}`);
          continue;
        }
        const groups = lookupPartGroups(family, t.text, t.lemma);
        if (groups.length > 0) {
          // "a pepperoni pizza": a part named before the noun is asked for.
          this.understood++;
          this.note(it, 'part', `names ${groups.join(', ')}${includeGroups(spec, family, groups)}`);
          continue;
        }
        this.ignore(it, other ? `describes the kind of ${family.id}; not used` : 'not understood');
        continue;
      }
      // Variant words that are also modifiers ("round", "floor", "pine tree").
      if (isModifier(it)) {
        const t = this.tokens[it.start];
        const variant =
          it.end - it.start === 1 ? lookupWord(family.variantWords, t.text, t.lemma) : undefined;
        if (variant && !(it.kind === 'material' && !family.variantWords?.[t.text])) {
          if (!spec.variant) spec.variant = variant;
          // The word still means what it says: "a leather book" is a leather tome, "a white pawn" is
          // white, "a stone tower" is stone. But on plants a wood names the species, not a material
          // ("a pine tree"), and a size word's variant is that size already ("a wide dresser").
          const variantOnly =
            it.kind === 'size' ||
            (it.kind === 'material' &&
              family.category === 'plant' &&
              getMaterialPreset(it.material).class === 'wood');
          if (!variantOnly) {
            this.applyModifier(draft, it, undefined);
            const note = this.notes[it.start];
            if (note && spec.variant === variant) note.effect += `; ${family.id} variant "${variant}"`;
            continue;
          }
          this.understood++;
          if (spec.variant === variant) this.note(it, 'variant', `${family.id} variant "${variant}"`);
          else this.note(it, 'variant', `variant already "${spec.variant}"`);
          continue;
        }
        this.applyModifier(draft, it, undefined);
      }
    }
    // A plural without a number means a few ("oranges in a bowl") or, for things that come in pairs, a
    // pair ("leather boots"); a noun listed in the plural is one thing ("glasses", "scissors").
    // "slices of pizza": the plural is the word before "of".
    const ofPlural = singularOfPhrase(headItems.map((it) => it.text)) !== undefined;
    if (!counted && ((headToken.plural && !nounIsPlural) || ofPlural))
      spec.count = PAIRED_FAMILIES.has(family.id) ? 2 : DEFAULT_PLURAL_COUNT;
    return draft;
  }

  private setCount(draft: Draft, it: Extract<Item, { kind: 'count' }>): void {
    this.understood++;
    let n = it.value;
    let why = `${n} of them`;
    if (n < 1) {
      why = `${n}: at least one is made`;
      n = 1;
    } else if (n > MAX_COUNT) {
      why = `${n}: at most ${MAX_COUNT} are made`;
      n = MAX_COUNT;
    }
    draft.spec.count = n;
    this.note(it, 'count', why);
  }

  private applyPartCount(draft: Draft, groups: string[], it: Extract<Item, { kind: 'count' }>): void {
    const counted = groups.filter((g) => draft.family.groups.find((x) => x.id === g)?.count);
    if (counted.length === 0) {
      this.ignore(it, `${groups.join(', ')} cannot be counted on a ${draft.family.id}`);
      return;
    }
    this.understood++;
    const effects: string[] = [];
    for (const g of counted) {
      const [lo, hi] = draft.family.groups.find((x) => x.id === g)!.count!;
      const n = Math.min(hi, Math.max(lo, it.value));
      draft.spec.partCounts[g] = n;
      effects.push(n === it.value ? `${n} ${g}` : `${n} ${g} (${it.value} is outside ${lo}–${hi})`);
      // Counting a part asks for it ("a stool with three legs").
      includeGroups(draft.spec, draft.family, [g]);
    }
    this.note(it, 'count', effects.join(', '));
  }

  /** Applies a colour, material, finish, style, pattern or size word to an object or to part groups. */
  private applyModifier(draft: Draft, it: ModifierItem, groups: string[] | undefined): void {
    const spec = draft.spec;
    const styles: Style[] = groups ? groups.map((g) => (spec.parts[g] ??= {})) : [spec.main];
    const where = groups ? groups.join(', ') : `the ${spec.family}`;
    this.understood++;
    switch (it.kind) {
      case 'color': {
        if (styles.every((s) => s.color !== undefined)) {
          if (it.color2 === undefined && styles.every((s) => s.color2 === undefined)) {
            for (const s of styles) s.color2 = it.color;
            this.note(it, 'color', `second colour ${it.color.name} for ${where}`);
            return;
          }
          this.ignoreUnderstood(it, `a colour was already given for ${where}`);
          return;
        }
        for (const s of styles) {
          s.color ??= it.color;
          if (it.color2) s.color2 ??= it.color2;
        }
        const two = it.color2 ? ` and ${it.color2.name}` : '';
        this.note(it, 'color', `colour ${it.color.name}${two} for ${where}`);
        return;
      }
      case 'material': {
        if (styles.every((s) => s.material === it.material)) {
          // "cast iron": two words for one material.
          this.note(it, 'material', `material ${it.material} for ${where}`);
          return;
        }
        if (styles.every((s) => s.material !== undefined)) {
          this.ignoreUnderstood(it, `a material was already given for ${where}`);
          return;
        }
        for (const s of styles) s.material ??= it.material;
        this.note(
          it,
          'material',
          `material ${it.material} (${getMaterialPreset(it.material).class}) for ${where}`,
        );
        return;
      }
      case 'finish': {
        for (const s of styles) {
          s.finishes ??= [];
          if (!s.finishes.includes(it.finish)) s.finishes.push(it.finish);
        }
        const def = lookupFinish(it.text);
        this.note(it, 'finish', `${it.finish} for ${where}: ${def?.effect ?? ''}`.trim());
        return;
      }
      case 'pattern': {
        for (const s of styles) s.pattern ??= it.pattern;
        const def = PATTERNS.find((p) => p.id === it.pattern);
        this.note(it, 'pattern', `${it.pattern} for ${where}: ${def?.effect ?? ''}`);
        return;
      }
      case 'style': {
        if (!spec.styles.includes(it.style)) spec.styles.push(it.style);
        const def = STYLES.find((s) => s.id === it.style);
        this.note(it, 'style', `style ${it.style} for the ${spec.family}: ${def?.effect ?? ''}`);
        return;
      }
      case 'size': {
        spec.size.width *= it.size.width ?? 1;
        spec.size.height *= it.size.height ?? 1;
        spec.size.depth *= it.size.depth ?? 1;
        const what = Object.entries(it.size)
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ');
        this.note(it, 'size', `${what} for the ${spec.family}`);
        return;
      }
      case 'count':
        this.setCount(draft, it);
        return;
    }
  }

  private note(it: Item, role: WordRole, effect: string): void {
    this.notes[it.start] = { word: it.text, source: 'prompt', role, effect };
    for (let k = it.start + 1; k < it.end; k++) this.notes[k] = null as unknown as undefined;
  }

  private noteSpan(items: Item[], role: WordRole, effect: string): void {
    const first = items[0];
    const last = items[items.length - 1];
    this.note({ ...first, end: last.end, text: items.map((i) => i.text).join(' ') } as Item, role, effect);
  }

  private ignore(it: Item, why: string): void {
    if (it.kind === 'filler') return;
    this.note(it, 'ignored', why);
    this.ignored.push(it.text);
  }

  /** A word that was understood but had nothing left to do. */
  private ignoreUnderstood(it: Item, why: string): void {
    this.note(it, 'ignored', why);
    this.ignored.push(it.text);
  }

  finish(negativePrompt: string | undefined): Spec {
    if (this.objects.length === 0) {
      const understood = this.notes.filter(
        (n): n is WordNote => !!n && n.role !== 'ignored' && n.role !== 'filler',
      );
      const words = this.tokens.map((t) => t.text).filter((w) => !FILLERS.has(w));
      throw new PromptNotUnderstoodError(
        this.prompt,
        suggestFamilies(words),
        understood.map((n) => n.word),
      );
    }
    for (const style of this.globalStyles) {
      for (const o of this.objects) if (!o.spec.styles.includes(style)) o.spec.styles.push(style);
    }
    for (const o of this.objects) {
      for (const axis of ['width', 'height', 'depth'] as const) {
        o.spec.size[axis] = Math.min(MAX_SIZE, Math.max(MIN_SIZE, o.spec.size[axis]));
      }
    }
    const primary = this.objects[0].spec;
    const words = this.notes.filter((n): n is WordNote => !!n);
    const spec: Spec = {
      prompt: this.prompt,
      objects: this.objects.map((o) => o.spec),
      relations: this.relations,
      family: primary.family,
      removed: [],
      words,
      ignored: this.ignored,
      confidence: 0,
    };
    if (primary.variant) spec.variant = primary.variant;
    if (primary.match.method !== 'noun') {
      spec.fallback = {
        method: primary.match.method,
        word: primary.match.word,
        reason: primary.match.reason,
      };
    }
    if (negativePrompt?.trim()) {
      spec.negativePrompt = negativePrompt;
      applyNegativePrompt(annotate(tokenize(negativePrompt)), this.objects, spec);
    }
    const certainty = this.objects.reduce((s, o) => s + o.spec.match.certainty, 0) / this.objects.length;
    const share = this.content === 0 ? 1 : Math.min(1, this.understood / this.content);
    spec.confidence = Math.round(certainty * (0.6 + 0.4 * share) * 100) / 100;
    return spec;
  }
}

/** True when WordNet puts `noun` among the ancestors of `word` ("footstool" → stool). */
function isKindOf(word: string, noun: string | undefined): boolean {
  if (!noun) return false;
  return WordNet.shared()
    .ancestors(word)
    .some((s) => s.depth > 0 && s.synset.words.includes(noun));
}

function isModifier(it: Item): it is ModifierItem {
  return ['count', 'color', 'material', 'finish', 'style', 'pattern', 'size'].includes(it.kind);
}

export type { Draft as ObjectDraft, MatchInfo };
export { getFamily };
