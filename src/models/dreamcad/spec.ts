import type { ColorChoice } from './colors.js';
import type { PatternId } from './textures.js';

/** A family's id, e.g. 'chair', 'teapot', 'dog'. */
export type FamilyId = string;

/** Colour, material, finish and pattern asked for, for the whole object or for one part group. */
export interface Style {
  color?: ColorChoice;
  /** A second colour ("red and white"): the pattern's second colour, or accents. */
  color2?: ColorChoice;
  /** A material preset id (see materials.ts). */
  material?: string;
  /** Finish and age ids ("rusty", "polished"; see finishes.ts), in the order written. */
  finishes?: string[];
  pattern?: PatternId;
}

/** Multipliers on the family's natural dimensions (1 = as generated). */
export interface SizeSpec {
  width: number;
  height: number;
  depth: number;
}

/** What a word of the prompt did. */
export type WordRole =
  | 'subject'
  | 'object'
  | 'variant'
  | 'color'
  | 'color-modifier'
  | 'material'
  | 'finish'
  | 'style'
  | 'pattern'
  | 'size'
  | 'count'
  | 'part'
  | 'include'
  | 'exclude'
  | 'relation'
  | 'removed'
  | 'filler'
  | 'ignored';

export interface WordNote {
  word: string;
  /** Where the note came from. */
  source: 'prompt' | 'negative';
  role: WordRole;
  /** One short sentence a person can read, e.g. 'colour red for seat, legs, backrest'. */
  effect: string;
}

/** How an object's family was found. */
export interface MatchInfo {
  /**
   * `noun`: a family noun; `species`: a word that names a kind of the family on its own ("an oak");
   * `wordnet`: the nearest WordNet ancestor of an unknown noun is a family noun ("saxophone" → wind
   * instrument); `compound`: the word ends with a family noun ("footstool"); `related`: a word listed as
   * related to a family ("couch"); `spelling`: a near miss of a family noun ("chiar").
   */
  method: 'noun' | 'species' | 'wordnet' | 'compound' | 'related' | 'spelling';
  /** The word(s) that decided it. */
  word: string;
  reason: string;
  /** For `wordnet`: the chain of ancestors walked, e.g. ['saxophone', …, 'wind instrument']. */
  path?: string[];
  /** How sure this match is on its own, 0–1. */
  certainty: number;
}

/** How the primary object's family was chosen when the prompt named none of its nouns directly. */
export interface FallbackInfo {
  method: Exclude<MatchInfo['method'], 'noun'>;
  word?: string;
  reason: string;
}

/** One object of the prompt ("two oranges", "a wooden bowl"). */
export interface ObjectSpec {
  family: FamilyId;
  /** The noun as written that chose the family ("golden retriever"). */
  subject: string;
  /** A family variant such as 'armchair', 'floor', 'round', 'conifer'. */
  variant?: string;
  /** How many of it ("two oranges" → 2). */
  count: number;
  /** Style for the family's main parts. */
  main: Style;
  /** Styles for part groups named in the prompt ("a golden hilt"), keyed by group id. */
  parts: Record<string, Style>;
  /** Counts for countable part groups ("four legs"). */
  partCounts: Record<string, number>;
  size: SizeSpec;
  /** Style words in force ("modern", "low-poly"; see styles.ts). */
  styles: string[];
  /** Optional part groups asked for ("with armrests"). */
  include: string[];
  /** Optional part groups removed (negative prompt, "without a handle"). */
  exclude: string[];
  match: MatchInfo;
}

/** Where one object goes relative to another. `contains` is the reverse of `in`. */
export type RelationKind =
  | 'on'
  | 'in'
  | 'under'
  | 'beside'
  | 'left'
  | 'right'
  | 'behind'
  | 'front'
  | 'around'
  | 'with'
  | 'contains';

/** "`subject` is `kind` `target`" between two objects of `Spec.objects` (by index). */
export interface RelationSpec {
  subject: number;
  kind: Exclude<RelationKind, 'contains'>;
  target: number;
  /** The words that said so ("next to"). */
  words: string;
}

/**
 * Everything the engine understood from a prompt: the single source of truth the generators, the
 * layout and the material step read. JSON-serialisable, so it travels in the asset's metadata.
 */
export interface Spec {
  prompt: string;
  negativePrompt?: string;
  /** The objects in the order the prompt names them; the first is the primary one. */
  objects: ObjectSpec[];
  relations: RelationSpec[];
  /** The primary object's family and variant (the same as `objects[0]`), for quick reading. */
  family: FamilyId;
  variant?: string;
  /** Colour/material/finish words dropped because the negative prompt named them. */
  removed: string[];
  words: WordNote[];
  /** Content words the engine did not use. */
  ignored: string[];
  /** 0–1: how sure the interpreter is that it read the prompt as meant. */
  confidence: number;
  /** Set when the primary object's family was not named directly. */
  fallback?: FallbackInfo;
}
