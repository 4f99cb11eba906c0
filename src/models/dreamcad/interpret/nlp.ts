import { createRequire } from 'node:module';

/** What compromise tells us about one word. */
export interface Tagged {
  /** Part-of-speech tags, e.g. ['Noun', 'Plural'] or ['Value', 'Cardinal']. */
  tags: string[];
}

interface CompromiseTerm {
  normal: string;
  tags: string[];
}

interface CompromiseDoc {
  json(options: object): Array<{ terms: CompromiseTerm[] }>;
  numbers(): { get(): number[] };
}

interface CompromiseWorld {
  model: unknown;
  methods: { two: { transform: { noun: { toSingular(word: string, model: unknown): string } } } };
}

interface Compromise {
  (text: string): CompromiseDoc;
  world(): CompromiseWorld;
}

let nlp: Compromise | undefined;
let loadMs = 0;

/**
 * compromise (the full "three" build), loaded on first use: its lexicon takes a few hundred
 * milliseconds to load, which a process pays once and only when it reads a prompt. The CommonJS build
 * is required synchronously so interpretation stays a plain function.
 */
function compromise(): Compromise {
  if (!nlp) {
    const start = performance.now();
    nlp = createRequire(import.meta.url)('compromise') as Compromise;
    loadMs = performance.now() - start;
  }
  return nlp;
}

/** Loads compromise now (e.g. when a worker starts) so the first prompt does not pay for it. */
export function warmUpNlp(): number {
  compromise()('a red chair').json({ terms: { tags: true } });
  return loadMs;
}

/** How long loading compromise took in this process (0 before it is loaded). */
export function nlpLoadMs(): number {
  return loadMs;
}

/**
 * Tags each word with compromise's part-of-speech tagger. `words` are already lower-case and split;
 * they are joined with spaces and compromise's terms are matched back to them by their text, so a
 * word compromise splits or merges differently simply gets no tags.
 *
 * @example
 * tagWords(['two', 'oranges']); // [{ tags: ['Value', 'Cardinal', …] }, { tags: ['Noun', 'Plural'] }]
 */
export function tagWords(words: string[]): Tagged[] {
  const out: Tagged[] = words.map(() => ({ tags: [] }));
  if (words.length === 0) return out;
  const doc = compromise()(words.join(' '));
  const terms = doc.json({ offset: false, text: false, normal: true, terms: { tags: true, normal: true } });
  let w = 0;
  for (const sentence of terms) {
    for (const term of sentence.terms) {
      const normal = term.normal.replace(/[^a-z0-9]/g, '');
      // Find this term among the next few words (compromise may drop or merge a word).
      for (let k = w; k < Math.min(words.length, w + 3); k++) {
        if (words[k] === normal) {
          out[k].tags = term.tags;
          w = k + 1;
          break;
        }
      }
    }
  }
  return out;
}

/** The singular of an English noun with compromise's rules and irregulars ("mice" → "mouse"). */
export function toSingular(word: string): string {
  const world = compromise().world();
  return world.methods.two.transform.noun.toSingular(word, world.model);
}

/**
 * The number a run of number words means ("twenty two" → 22, "4" → 4), read by compromise; undefined
 * when it is not a number.
 */
export function parseNumber(words: string[]): number | undefined {
  const text = words.join(' ');
  if (/^\d+$/.test(text)) return Number(text);
  const values = compromise()(text).numbers().get();
  const n = values[0];
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
