import { tagWords, toSingular } from './nlp.js';

/** One word of a prompt, lower-cased, with its position among the words. */
export interface Token {
  text: string;
  index: number;
  /** A comma, semicolon or full stop stood before this word (a phrase boundary). */
  breakBefore?: boolean;
  /** compromise's part-of-speech tags (empty until `annotate`). */
  tags: string[];
  /** The singular form when the word is a plural noun ("oranges" → "orange"), else the word. */
  lemma: string;
  plural: boolean;
}

/**
 * Splits a prompt into lower-case words: accents are folded ("crème" → "creme"), possessive "'s" is
 * dropped ("knight's" → "knight"), hyphenated words are split ("dark-blue" → "dark", "blue") and all
 * punctuation is a separator; commas and full stops mark a break before the next word.
 *
 * @example
 * tokenize('A dark-blue, knight’s shield').map((t) => t.text); // ['a', 'dark', 'blue', 'knight', 'shield']
 */
export function tokenize(text: string): Token[] {
  const clean = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]s\b/g, '');
  const tokens: Token[] = [];
  let breakNext = false;
  for (const piece of clean.split(/([^a-z0-9]+)/)) {
    if (piece.length === 0) continue;
    if (!/^[a-z0-9]/.test(piece)) {
      if (/[,;.:!?]/.test(piece)) breakNext = true;
      continue;
    }
    const token: Token = { text: piece, index: tokens.length, tags: [], lemma: piece, plural: false };
    if (breakNext && tokens.length > 0) token.breakBefore = true;
    breakNext = false;
    tokens.push(token);
  }
  return tokens;
}

/**
 * Adds compromise's part-of-speech tags and singular forms. A word is plural when compromise tags it a
 * plural noun and its singular differs ("oranges", "mice", "shelves").
 */
export function annotate(tokens: Token[]): Token[] {
  const tagged = tagWords(tokens.map((t) => t.text));
  tokens.forEach((t, i) => {
    t.tags = tagged[i].tags;
    if (t.tags.includes('Plural') && t.text.length > 2) {
      const single = toSingular(t.text);
      if (single && single !== t.text) {
        t.lemma = single;
        t.plural = true;
      }
    }
  });
  return tokens;
}

/**
 * The word itself, its compromise singular, then plausible singular forms by rule, most likely first
 * ("shelves" → "shelf"; "boxes" → "box"; "legs" → "leg"). Lookups take the first form they know.
 */
export function wordForms(word: string, lemma?: string): string[] {
  const forms = [word];
  if (lemma && lemma !== word) forms.push(lemma);
  if (word.length <= 3) return forms;
  if (word.endsWith('ves')) forms.push(`${word.slice(0, -3)}f`, `${word.slice(0, -3)}fe`);
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}
