/**
 * The CLIP byte-pair-encoding tokenizer (github.com/openai/CLIP, `clip/simple_tokenizer.py` and
 * `clip.tokenize`, MIT) in TypeScript: the same text clean-up, pre-tokenising pattern, byte-to-unicode
 * table and merges, so it yields the reference's ids. The 48 894 merges come from CLIP's
 * `bpe_simple_vocab_16e6.txt.gz`, shipped in `assets/clip/` with CLIP's licence.
 *
 * The reference cleans text with ftfy.fix_text; `fixText` below implements the parts of it that matter
 * for prompts (HTML entities ending in ';', mojibake of UTF-8 read as Windows-1252, C1 controls,
 * Latin ligatures, full/half-width forms, curly quotes, line breaks, terminal escapes, control
 * characters, NFC). ftfy's statistical mojibake detector is reduced to "re-decode when the result is
 * valid UTF-8 and the text had the tell-tale characters"; see docs/point-e.md.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

/** Where the vocabulary ships with dream-cad (resolves the same from src/ and from dist/). */
export const CLIP_VOCABULARY_URL = new URL(
  '../../../assets/clip/bpe_simple_vocab_16e6.txt.gz',
  import.meta.url,
);

const MERGES = 49152 - 256 - 2;
const SOT = '<|startoftext|>';
const EOT = '<|endoftext|>';
const PATTERN =
  /<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\p{White_Space}\p{L}\p{N}]+/giu;

/**
 * GPT-2's reversible map from bytes to printable characters: `table[byte]` is its character, and
 * `order` lists the characters as the vocabulary does (printable bytes first, then the rest).
 */
function bytesToUnicode(): { table: string[]; order: string[] } {
  const bs: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const table: string[] = new Array(256);
  for (const b of bs) table[b] = String.fromCodePoint(b);
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (table[b] === undefined) {
      table[b] = String.fromCodePoint(256 + n++);
      bs.push(b);
    }
  }
  return { table, order: bs.map((b) => table[b]) };
}

/**
 * Turns text into CLIP token ids.
 *
 * @example
 * const tok = await ClipTokenizer.load();
 * tok.tokenize('a red chair'); // [49406, 320, 736, 4269, 49407, 0, …] (77 ids)
 */
export class ClipTokenizer {
  readonly sot: number;
  readonly eot: number;
  private readonly encoder = new Map<string, number>();
  private readonly ranks = new Map<string, number>();
  private readonly bytes = bytesToUnicode();
  private readonly byteChars = this.bytes.table;
  private readonly cache = new Map<string, string[]>();

  constructor(mergesText: string) {
    const lines = mergesText.split('\n').slice(1, MERGES + 1);
    if (lines.length !== MERGES) {
      throw new Error(`ClipTokenizer: the vocabulary has ${lines.length} merges, ${MERGES} expected.`);
    }
    const vocab = [...this.bytes.order, ...this.bytes.order.map((c) => `${c}</w>`)];
    lines.forEach((line, rank) => {
      const [a, b] = line.split(/\s+/);
      this.ranks.set(`${a} ${b}`, rank);
      vocab.push(a + b);
    });
    vocab.push(SOT, EOT);
    vocab.forEach((token, id) => {
      this.encoder.set(token, id);
    });
    this.sot = this.encoder.get(SOT)!;
    this.eot = this.encoder.get(EOT)!;
  }

  /** Loads the gzipped merges file; default: the copy in `assets/clip/`. */
  static async load(path?: string | URL): Promise<ClipTokenizer> {
    const gz = await readFile(path ?? CLIP_VOCABULARY_URL);
    return new ClipTokenizer(gunzipSync(gz).toString('utf8'));
  }

  /** BPE ids of the text, without start/end tokens (`SimpleTokenizer.encode`). */
  encode(text: string): number[] {
    const clean = whitespaceClean(basicClean(text)).toLowerCase();
    const ids: number[] = [];
    for (const match of clean.matchAll(PATTERN)) {
      const bytes = Buffer.from(match[0], 'utf8');
      let token = '';
      for (const b of bytes) token += this.byteChars[b];
      for (const piece of this.bpe(token)) {
        const id = this.encoder.get(piece);
        if (id === undefined) throw new Error(`ClipTokenizer: "${piece}" is not in the vocabulary.`);
        ids.push(id);
      }
    }
    return ids;
  }

  /**
   * `clip.tokenize(text, context_length, truncate=True)`: start token, ids, end token, zero padding;
   * too long a text is cut and its last id replaced by the end token.
   */
  tokenize(text: string, contextLength = 77): number[] {
    const ids = [this.sot, ...this.encode(text), this.eot];
    if (ids.length > contextLength) {
      ids.length = contextLength;
      ids[contextLength - 1] = this.eot;
    }
    while (ids.length < contextLength) ids.push(0);
    return ids;
  }

  private bpe(token: string): string[] {
    if (token === SOT || token === EOT) return [token];
    const cached = this.cache.get(token);
    if (cached) return cached;
    const chars = Array.from(token);
    let word = [...chars.slice(0, -1), `${chars[chars.length - 1]}</w>`];
    if (word.length === 1) {
      this.cache.set(token, word);
      return word;
    }
    for (;;) {
      let best = Number.POSITIVE_INFINITY;
      let first = '';
      let second = '';
      for (let i = 0; i + 1 < word.length; i++) {
        const rank = this.ranks.get(`${word[i]} ${word[i + 1]}`);
        if (rank !== undefined && rank < best) {
          best = rank;
          first = word[i];
          second = word[i + 1];
        }
      }
      if (best === Number.POSITIVE_INFINITY) break;
      const merged: string[] = [];
      for (let i = 0; i < word.length; ) {
        if (i + 1 < word.length && word[i] === first && word[i + 1] === second) {
          merged.push(first + second);
          i += 2;
        } else {
          merged.push(word[i]);
          i += 1;
        }
      }
      word = merged;
      if (word.length === 1) break;
    }
    this.cache.set(token, word);
    return word;
  }
}

/** `basic_clean`: ftfy.fix_text, then HTML unescaping twice, then strip. */
export function basicClean(text: string): string {
  return pyStrip(htmlUnescape(htmlUnescape(fixText(text))));
}

/** `whitespace_clean`: runs of Unicode whitespace to one space, then strip. */
export function whitespaceClean(text: string): string {
  return pyStrip(text.replace(/\p{White_Space}+/gu, ' '));
}

/** Python's str.strip(): removes leading and trailing characters for which str.isspace() holds. */
function pyStrip(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: str.isspace() is true for U+001C–U+001F.
  return text.replace(/^[\p{White_Space}\x1c-\x1f]+|[\p{White_Space}\x1c-\x1f]+$/gu, '');
}

// --- ftfy.fix_text, the parts prompts meet ---------------------------------------------------------

const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const CP1252_BYTE = new Map<string, number>();
for (let i = 0; i < 32; i++) CP1252_BYTE.set(CP1252_HIGH[i], 0x80 + i);

const LIGATURES: Record<string, string> = {
  Ĳ: 'IJ',
  ĳ: 'ij',
  ŉ: 'ʼn',
  Ǳ: 'DZ',
  ǲ: 'Dz',
  ǳ: 'dz',
  Ǆ: 'DŽ',
  ǅ: 'Dž',
  ǆ: 'dž',
  Ǉ: 'LJ',
  ǈ: 'Lj',
  ǉ: 'lj',
  Ǌ: 'NJ',
  ǋ: 'Nj',
  ǌ: 'nj',
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'ſt',
  ﬆ: 'st',
};

/** ftfy.fix_text with its default settings, line by line, repeated until nothing changes. */
export function fixText(text: string): string {
  return text.replace(/[^\n]*\n?/g, (line) => {
    let current = line;
    for (let round = 0; round < 8; round++) {
      const next = fixSegment(current);
      if (next === current) break;
      current = next;
    }
    return current;
  });
}

function fixSegment(input: string): string {
  let text = input;
  if (!text.includes('<')) text = unescapeEntitiesWithSemicolon(text);
  text = fixMojibake(text);
  text = text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  text = text.replace(/[Ĳĳŉ\u01c4-\u01cc\u01f1-\u01f3ﬀ-ﬆ]/g, (c) => LIGATURES[c] ?? c);
  text = text.replace(/[\u3000\uff01-\uffef]/g, (c) => (c === '\u3000' ? ' ' : c.normalize('NFKC')));
  text = text.replace(/[\u02bc\u2018-\u201b]/g, "'").replace(/[\u201c-\u201f]/g, '"');
  text = text.replace(/\r\n/g, '\n').replace(/[\r\u2028\u2029\u0085]/g, '\n');
  text = text.replace(/[\ud800-\udfff]/g, (c, at: number, all: string) => {
    const code = c.charCodeAt(0);
    const pairedHigh = code < 0xdc00 && /[\udc00-\udfff]/.test(all[at + 1] ?? '');
    const pairedLow = code >= 0xdc00 && /[\ud800-\udbff]/.test(all[at - 1] ?? '');
    return pairedHigh || pairedLow ? c : '\ufffd';
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal escapes and controls is the point.
  text = text.replace(/\x1b\[((?:\d|;)*)([a-zA-Z])/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: see above.
  text = text.replace(/[\x00-\x08\x0b\x0e-\x1f\x7f\u206a-\u206f\ufeff\ufff9-\ufffc]/g, '');
  return text.normalize('NFC');
}

/**
 * UTF-8 that was decoded as Windows-1252 (or Latin-1): when the text has the characters such
 * decoding produces and re-encoding it gives valid UTF-8 with fewer characters, use that.
 */
function fixMojibake(text: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a-\u2122\u0152-\u0178\u02c6\u02dc]/.test(text)) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || (code >= 0x80 && code < 0xa0)) bytes.push(code);
    else {
      const b = CP1252_BYTE.get(ch);
      if (b === undefined) return text;
      bytes.push(b);
    }
  }
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    return decoded.length < text.length ? decoded : text;
  } catch {
    return text;
  }
}

// --- HTML entities --------------------------------------------------------------------------------

const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml ' +
  'Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde ' +
  'Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ' +
  'ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide ' +
  'oslash ugrave uacute ucirc uuml yacute thorn yuml';
/** Entities Python's html.unescape also accepts without a ';'. */
const LEGACY = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['AMP', '&'],
  ['LT', '<'],
  ['GT', '>'],
  ['QUOT', '"'],
  ['COPY', '©'],
  ['REG', '®'],
]);
LATIN1_NAMES.split(' ').forEach((name, i) => {
  LEGACY.set(name, String.fromCodePoint(0xa0 + i));
});
/** Common entities that need their ';'. */
const NAMED = new Map<string, string>([
  ...LEGACY,
  ['apos', "'"],
  ['hellip', '…'],
  ['mdash', '—'],
  ['ndash', '–'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['sbquo', '‚'],
  ['bdquo', '„'],
  ['bull', '•'],
  ['trade', '™'],
  ['euro', '€'],
  ['prime', '′'],
  ['Prime', '″'],
  ['larr', '←'],
  ['rarr', '→'],
  ['uarr', '↑'],
  ['darr', '↓'],
  ['harr', '↔'],
  ['hearts', '♥'],
  ['infin', '∞'],
  ['asymp', '≈'],
  ['ne', '≠'],
  ['le', '≤'],
  ['ge', '≥'],
  ['minus', '−'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['Alpha', 'Α'],
  ['alpha', 'α'],
  ['beta', 'β'],
  ['gamma', 'γ'],
  ['delta', 'δ'],
  ['pi', 'π'],
  ['mu', 'μ'],
  ['sigma', 'σ'],
  ['Omega', 'Ω'],
  ['omega', 'ω'],
  ['OElig', 'Œ'],
  ['oelig', 'œ'],
  ['Scaron', 'Š'],
  ['scaron', 'š'],
  ['Yuml', 'Ÿ'],
  ['fnof', 'ƒ'],
  ['circ', 'ˆ'],
  ['tilde', '˜'],
  ['dagger', '†'],
  ['Dagger', '‡'],
  ['permil', '‰'],
  ['lsaquo', '‹'],
  ['rsaquo', '›'],
]);

/** Python's html.unescape for numeric references: invalid code points become U+FFFD or Windows-1252. */
function numericReference(body: string): string | undefined {
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1).replace(/;$/, '');
  if (!digits) return undefined;
  const code = Number.parseInt(digits, hex ? 16 : 10);
  if (code >= 0x80 && code <= 0x9f) return CP1252_HIGH[code - 0x80];
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** ftfy's unescape_html: only references ending in ';' (plus all-caps Latin-1 names). */
function unescapeEntitiesWithSemicolon(text: string): string {
  return text.replace(/&#?[0-9A-Za-z]{1,32};/g, (ref) => {
    const body = ref.slice(1, -1);
    if (body.startsWith('#'))
      return /^#(\d+|[xX][0-9a-fA-F]+)$/.test(body) ? (numericReference(body) ?? ref) : ref;
    const named = NAMED.get(body);
    if (named !== undefined) return named;
    // All-caps versions of Latin letters (&EACUTE; → É); ftfy keeps ß's capital as SS.
    if (body === body.toUpperCase()) {
      if (body === 'SZLIG') return 'SS';
      const lower = `${body[0]}${body.slice(1).toLowerCase()}`;
      const hit = NAMED.get(lower) ?? NAMED.get(body.toLowerCase());
      if (hit !== undefined && /^[A-Za-z]+$/.test(body) && lower !== body) return hit.toUpperCase();
    }
    return ref;
  });
}

/** Python's html.unescape (numeric references, named ones with or without ';' where HTML5 allows). */
export function htmlUnescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g, (all, s: string) => {
    if (s.startsWith('#')) return numericReference(s) ?? all;
    if (s.endsWith(';') && NAMED.has(s.slice(0, -1))) return NAMED.get(s.slice(0, -1))!;
    const exact = LEGACY.get(s);
    if (exact !== undefined) return exact;
    // The longest legacy name the text starts with, the rest kept.
    for (let x = s.length - 1; x > 1; x--) {
      const legacy = LEGACY.get(s.slice(0, x));
      if (legacy !== undefined) return legacy + s.slice(x);
    }
    return all;
  });
}
