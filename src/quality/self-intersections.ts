import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { trianglesOverlap } from './tri-tri.js';

export interface SelfIntersectionOptions {
  /** Stop counting after this many intersecting pairs (the flag is already known by then). */
  maxPairs?: number;
  /** Stop (and report `truncated`) after this many milliseconds; 0 means no limit. */
  timeBudgetMs?: number;
  /**
   * A group (e.g. the asset part) per face: the result then also counts, per group, the pairs
   * whose two faces are both in it — what a search of that group alone would find.
   */
  faceGroups?: Uint32Array;
}

export const SELF_INTERSECTION_DEFAULTS: Required<Omit<SelfIntersectionOptions, 'faceGroups'>> = {
  maxPairs: 100_000,
  timeBudgetMs: 0,
};

export interface SelfIntersectionResult {
  /** Pairs of triangles that share no vertex and overlap (touching counts). */
  pairs: number;
  /** The search stopped early (maxPairs or the time budget); `pairs` is then a lower bound. */
  truncated: boolean;
  /** Triangle-pair tests run after the broad phase (for tuning and benchmarks). */
  tests: number;
  /** With `faceGroups`: intersecting pairs within each group, indexed by group. */
  pairsByGroup?: Uint32Array;
}

/** A face covering more grid cells than this is tested against every face instead (see below). */
const BIG_FACE_CELLS = 64;
/** Face-to-face checks the big faces may cost before the grid is coarsened instead. */
const BIG_FACE_WORK = 3e7;
/** Cell coordinates are offset by this around the bulk's median, and clamped to [0, 2³¹). */
const CELL_OFFSET = 2 ** 30;
const CELL_MAX = 2 ** 31 - 1;

/**
 * Counts pairs of triangles that intersect without sharing a vertex, the definition Open3D's
 * `is_self_intersecting` uses, in about O(n) instead of its O(n²): triangles go into an unbounded
 * uniform grid sized to their (robust) mean extent, hashed and counting-sorted (flat typed arrays
 * only), and each candidate pair is tested once, in the first grid cell both cover. Far-away
 * geometry (a stray vertex, objects kilometres apart) does not coarsen the grid: cells are
 * counted from the bulk's median, cell keys wrap every 1024 cells (a tag tells wrapped cells
 * apart), and the few faces that span very many cells are tested against every face instead.
 * `indices` must refer to welded positions, so that "sharing a vertex" means sharing a point.
 *
 * @example
 * const { pairs } = findSelfIntersections(weldedPositions, weldedIndices);
 */
export function findSelfIntersections(
  positions: Float32Array,
  indices: Uint32Array,
  options: SelfIntersectionOptions = {},
): SelfIntersectionResult {
  const opts = { ...SELF_INTERSECTION_DEFAULTS, ...options };
  const nf = indices.length / 3;
  if (nf < 2) return { pairs: 0, truncated: false, tests: 0 };
  const start = performance.now();

  // Triangle bounds.
  const bmin = new Float32Array(nf * 3);
  const bmax = new Float32Array(nf * 3);
  let lx = Infinity,
    ly = Infinity,
    lz = Infinity;
  let hx = -Infinity,
    hy = -Infinity,
    hz = -Infinity;
  let extentSum = 0;
  for (let f = 0; f < nf; f++) {
    const a = indices[f * 3] * 3;
    const b = indices[f * 3 + 1] * 3;
    const c = indices[f * 3 + 2] * 3;
    const ax = positions[a],
      ay = positions[a + 1],
      az = positions[a + 2];
    const bx = positions[b],
      by = positions[b + 1],
      bz = positions[b + 2];
    const cx = positions[c],
      cy = positions[c + 1],
      cz = positions[c + 2];
    const x0 = Math.min(ax, bx, cx),
      x1 = Math.max(ax, bx, cx);
    const y0 = Math.min(ay, by, cy),
      y1 = Math.max(ay, by, cy);
    const z0 = Math.min(az, bz, cz),
      z1 = Math.max(az, bz, cz);
    const f3 = f * 3;
    bmin[f3] = x0;
    bmin[f3 + 1] = y0;
    bmin[f3 + 2] = z0;
    bmax[f3] = x1;
    bmax[f3 + 1] = y1;
    bmax[f3 + 2] = z1;
    if (x0 < lx) lx = x0;
    if (y0 < ly) ly = y0;
    if (z0 < lz) lz = z0;
    if (x1 > hx) hx = x1;
    if (y1 > hy) hy = y1;
    if (z1 > hz) hz = z1;
    extentSum += Math.max(x1 - x0, y1 - y0, z1 - z0);
  }
  const span = Math.max(hx - lx, hy - ly, hz - lz);
  if (!Number.isFinite(span)) throw new RangeError('findSelfIntersections: a coordinate is not finite');
  if (!(span > 0)) return allPairs(positions, indices, nf, opts.faceGroups);

  // Cell size: the mean extent of the faces. Faces over 16 × the mean (a fan reaching a stray
  // vertex) are left out of the mean, so that they do not coarsen the grid for all the others.
  let h = extentSum / nf;
  let giants = 0;
  let giantSum = 0;
  for (let f3 = 0; f3 < nf * 3; f3 += 3) {
    const e = Math.max(bmax[f3] - bmin[f3], bmax[f3 + 1] - bmin[f3 + 1], bmax[f3 + 2] - bmin[f3 + 2]);
    if (e > 16 * h) {
      giants++;
      giantSum += e;
    }
  }
  if (giants > 0 && giants < nf) h = (extentSum - giantSum) / (nf - giants);
  if (!(h > 0)) h = span / 1024;

  // Cells are counted from a low quantile (1 %) of (up to 1025) sampled face corners, where the
  // bulk of the mesh starts, whatever lies far outside it; cells beyond ±2³⁰ are clamped (a
  // monotone map keeps every overlap an overlap).
  const origin = [0, 0, 0];
  const step = Math.max(1, Math.floor(nf / 1024));
  for (let k = 0; k < 3; k++) {
    const sample: number[] = [];
    for (let f = 0; f < nf; f += step) sample.push(bmin[f * 3 + k]);
    sample.sort((p, q) => p - q);
    origin[k] = sample[Math.floor(sample.length / 100)];
  }
  const [ox, oy, oz] = origin;
  let sx = 0;
  let sy = 0;
  let sz = 0;

  // Coarsen while the faces would make too many grid entries, or the big faces too much work.
  // Once h exceeds the span every face covers at most 2 × 2 × 2 cells, so the loop always ends.
  let entries = 0;
  const cellLo = [0, 0, 0];
  const cellHi = [0, 0, 0];
  let inv = 1 / h;
  for (;;) {
    entries = 0;
    let bigFaces = 0;
    cellLo.fill(CELL_MAX);
    cellHi.fill(0);
    for (let f3 = 0; f3 < nf * 3; f3 += 3) {
      let cells = 1;
      for (let k = 0; k < 3; k++) {
        const o = origin[k];
        const c0 = cellIndex(bmin[f3 + k], o, inv, 0);
        const c1 = cellIndex(bmax[f3 + k], o, inv, 0);
        if (c0 < cellLo[k]) cellLo[k] = c0;
        if (c1 > cellHi[k]) cellHi[k] = c1;
        cells *= c1 - c0 + 1;
      }
      if (cells > BIG_FACE_CELLS) bigFaces++;
      else entries += cells;
    }
    if ((entries <= 12 * nf + 4096 && bigFaces * nf <= BIG_FACE_WORK) || h > span) break;
    h *= 2;
    inv = 1 / h;
  }
  // Morton keys hold 10 bits a side, so cells 1024 apart share a key: a tag (their high bits) tells
  // them apart. Not needed when the cells span fewer than 1024 a side, the usual case: shifted to
  // start at 0, they then all lie in one block.
  let tagged = false;
  if (cellHi[0] - cellLo[0] < 1024) sx = cellLo[0];
  else tagged = true;
  if (cellHi[1] - cellLo[1] < 1024) sy = cellLo[1];
  else tagged = true;
  if (cellHi[2] - cellLo[2] < 1024) sz = cellLo[2];
  else tagged = true;

  // Renumber faces in Morton order of their lowest cell, so later random reads stay local —
  // unless they already are: most files list faces in a spatially coherent order.
  const cminRaw = new Int32Array(nf * 3);
  const faceKey = new Uint32Array(nf);
  let coherent = 0;
  for (let f = 0; f < nf; f++) {
    const f3 = f * 3;
    const x = cellIndex(bmin[f3], ox, inv, sx);
    const y = cellIndex(bmin[f3 + 1], oy, inv, sy);
    const z = cellIndex(bmin[f3 + 2], oz, inv, sz);
    cminRaw[f3] = x;
    cminRaw[f3 + 1] = y;
    cminRaw[f3 + 2] = z;
    faceKey[f] = morton(x, y, z);
    if (f > 0 && Math.abs(x - cminRaw[f3 - 3]) <= 2 && Math.abs(y - cminRaw[f3 - 2]) <= 2) {
      if (Math.abs(z - cminRaw[f3 - 1]) <= 2) coherent++;
    }
  }
  let order: Uint32Array | undefined;
  let T = indices;
  let mn = bmin;
  let mx = bmax;
  let cmin = cminRaw;
  if (coherent < 0.8 * nf) {
    order = radixSortByKey(faceKey, identity(nf));
    T = new Uint32Array(nf * 3);
    mn = new Float32Array(nf * 3);
    mx = new Float32Array(nf * 3);
    cmin = new Int32Array(nf * 3);
    for (let i = 0; i < nf; i++) {
      const f = order[i];
      for (let k = 0; k < 3; k++) {
        T[i * 3 + k] = indices[f * 3 + k];
        mn[i * 3 + k] = bmin[f * 3 + k];
        mx[i * 3 + k] = bmax[f * 3 + k];
        cmin[i * 3 + k] = cminRaw[f * 3 + k];
      }
    }
  }

  // One entry per (cell, face) of the grid faces, sorted by the cell's Morton key.
  const entryKey = new Uint32Array(entries);
  const entryTri = new Uint32Array(entries);
  const entryTag = tagged ? new Uint32Array(entries) : undefined;
  const big: number[] = [];
  const isBig = new Uint8Array(nf);
  let e = 0;
  for (let f = 0; f < nf; f++) {
    const f3 = f * 3;
    const x0 = cmin[f3];
    const y0 = cmin[f3 + 1];
    const z0 = cmin[f3 + 2];
    const x1 = cellIndex(mx[f3], ox, inv, sx);
    const y1 = cellIndex(mx[f3 + 1], oy, inv, sy);
    const z1 = cellIndex(mx[f3 + 2], oz, inv, sz);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1) > BIG_FACE_CELLS) {
      big.push(f);
      isBig[f] = 1;
      continue;
    }
    for (let z = z0; z <= z1; z++) {
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          entryKey[e] = morton(x, y, z);
          if (entryTag) entryTag[e] = cellTag(x, y, z);
          entryTri[e++] = f;
        }
      }
    }
  }
  let sortedTri: Uint32Array;
  let sortedTag: Uint32Array | undefined;
  if (entryTag) [sortedTri, sortedTag] = radixSortByKey2(entryKey, entryTri, entryTag);
  else sortedTri = radixSortByKey(entryKey, entryTri, true);

  const coords = new Float64Array(18);
  let pairs = 0;
  let tests = 0;
  let truncated = false;
  let runs = 0;
  const overBudget = () =>
    opts.timeBudgetMs > 0 && (++runs & 1023) === 0 && performance.now() - start > opts.timeBudgetMs;
  /** Narrow phase of one candidate pair; false when the search must stop. */
  const groups = opts.faceGroups;
  let pairsByGroup: Uint32Array | undefined;
  if (groups) {
    let count = 0;
    for (let f = 0; f < nf; f++) if (groups[f] >= count) count = groups[f] + 1;
    pairsByGroup = new Uint32Array(count);
  }
  const test = (fa: number, fb: number): boolean => {
    const fa3 = fa * 3;
    const fb3 = fb * 3;
    tests++;
    load(coords, positions, T[fa3], T[fa3 + 1], T[fa3 + 2], T[fb3], T[fb3 + 1], T[fb3 + 2]);
    if (trianglesOverlap(coords)) {
      pairs++;
      if (groups && pairsByGroup) {
        // Faces may have been renumbered: `order` maps back to the caller's numbering.
        const g = groups[order ? order[fa] : fa];
        if (g === groups[order ? order[fb] : fb]) pairsByGroup[g]++;
      }
      if (pairs >= opts.maxPairs) {
        truncated = true;
        return false;
      }
    }
    return true;
  };
  outer: for (let s = 0; s < entries; ) {
    const cell = entryKey[s];
    let t = s + 1;
    while (t < entries && entryKey[t] === cell) t++;
    if (overBudget()) {
      truncated = true;
      break;
    }
    for (let i = s; i < t - 1; i++) {
      const fa = sortedTri[i];
      const tag = sortedTag ? sortedTag[i] : 0;
      const fa3 = fa * 3;
      const a0 = T[fa3];
      const a1 = T[fa3 + 1];
      const a2 = T[fa3 + 2];
      for (let j = i + 1; j < t; j++) {
        if (sortedTag && sortedTag[j] !== tag) continue;
        const fb3 = sortedTri[j] * 3;
        const b0 = T[fb3];
        const b1 = T[fb3 + 1];
        const b2 = T[fb3 + 2];
        if (a0 === b0 || a0 === b1 || a0 === b2 || a1 === b0 || a1 === b1 || a1 === b2) continue;
        if (a2 === b0 || a2 === b1 || a2 === b2) continue;
        if (
          mx[fa3] < mn[fb3] ||
          mn[fa3] > mx[fb3] ||
          mx[fa3 + 1] < mn[fb3 + 1] ||
          mn[fa3 + 1] > mx[fb3 + 1] ||
          mx[fa3 + 2] < mn[fb3 + 2] ||
          mn[fa3 + 2] > mx[fb3 + 2]
        ) {
          continue;
        }
        // Test the pair only in the first cell both faces cover.
        const fx = Math.max(cmin[fa3], cmin[fb3]);
        const fy = Math.max(cmin[fa3 + 1], cmin[fb3 + 1]);
        const fz = Math.max(cmin[fa3 + 2], cmin[fb3 + 2]);
        if (morton(fx, fy, fz) !== cell || (sortedTag && cellTag(fx, fy, fz) !== tag)) continue;
        if (!test(fa, sortedTri[j])) break outer;
      }
    }
    s = t;
  }

  // Big faces against every face (each pair of big faces once).
  if (!truncated) {
    bigLoop: for (const fa of big) {
      const fa3 = fa * 3;
      const a0 = T[fa3];
      const a1 = T[fa3 + 1];
      const a2 = T[fa3 + 2];
      for (let fb = 0; fb < nf; fb++) {
        if (fb === fa || (isBig[fb] && fb < fa)) continue;
        const fb3 = fb * 3;
        if (
          mx[fa3] < mn[fb3] ||
          mn[fa3] > mx[fb3] ||
          mx[fa3 + 1] < mn[fb3 + 1] ||
          mn[fa3 + 1] > mx[fb3 + 1] ||
          mx[fa3 + 2] < mn[fb3 + 2] ||
          mn[fa3 + 2] > mx[fb3 + 2]
        ) {
          continue;
        }
        const b0 = T[fb3];
        const b1 = T[fb3 + 1];
        const b2 = T[fb3 + 2];
        if (a0 === b0 || a0 === b1 || a0 === b2 || a1 === b0 || a1 === b1 || a1 === b2) continue;
        if (a2 === b0 || a2 === b1 || a2 === b2) continue;
        if (overBudget()) {
          truncated = true;
          break bigLoop;
        }
        if (!test(fa, fb)) break bigLoop;
      }
    }
  }
  return { pairs, truncated, tests, ...(pairsByGroup ? { pairsByGroup } : {}) };
}

/**
 * The grid cell of coordinate `v`: counted from `origin` in cells of 1 / `inv`, offset by 2³⁰,
 * clamped to [0, 2³¹), minus `shift`. Every cell index comes from here, so they all agree.
 */
function cellIndex(v: number, origin: number, inv: number, shift: number): number {
  const c = Math.floor((v - origin) * inv) + CELL_OFFSET;
  return Math.min(Math.max(c, 0), CELL_MAX) - shift;
}

/** A 32-bit hash of a cell's coordinates above the 10 bits its Morton key holds. */
function cellTag(x: number, y: number, z: number): number {
  return (
    (Math.imul(x >>> 10, 0x9e3779b1) ^ Math.imul(y >>> 10, 0x85ebca77) ^ Math.imul(z >>> 10, 0xc2b2ae3d)) >>>
    0
  );
}

function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** Spreads the low 10 bits of v so two zero bits follow each. */
function spread(v: number): number {
  let x = v & 0x3ff;
  x = (x | (x << 16)) & 0x030000ff;
  x = (x | (x << 8)) & 0x0300f00f;
  x = (x | (x << 4)) & 0x030c30c3;
  x = (x | (x << 2)) & 0x09249249;
  return x;
}

function morton(x: number, y: number, z: number): number {
  return (spread(x) | (spread(y) << 1) | (spread(z) << 2)) >>> 0;
}

/**
 * Values reordered by ascending 30-bit key: a stable two-pass LSD radix sort (15 bits a pass).
 * With `sortKeys`, `keys` is sorted in place too.
 */
function radixSortByKey(keys: Uint32Array, values: Uint32Array, sortKeys = false): Uint32Array {
  const n = keys.length;
  const k2 = new Uint32Array(n);
  const v2 = new Uint32Array(n);
  const out = new Uint32Array(n);
  const counts = new Uint32Array(32769);
  for (let i = 0; i < n; i++) counts[(keys[i] & 0x7fff) + 1]++;
  for (let b = 0; b < 32768; b++) counts[b + 1] += counts[b];
  for (let i = 0; i < n; i++) {
    const slot = counts[keys[i] & 0x7fff]++;
    k2[slot] = keys[i];
    v2[slot] = values[i];
  }
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(k2[i] >>> 15) + 1]++;
  for (let b = 0; b < 32768; b++) counts[b + 1] += counts[b];
  for (let i = 0; i < n; i++) {
    const slot = counts[k2[i] >>> 15]++;
    out[slot] = v2[i];
    if (sortKeys) keys[slot] = k2[i];
  }
  return out;
}

/** `radixSortByKey` carrying two value arrays, sorting `keys`, `a` and `b` in place. */
function radixSortByKey2(keys: Uint32Array, a: Uint32Array, b: Uint32Array): [Uint32Array, Uint32Array] {
  const n = keys.length;
  const k2 = new Uint32Array(n);
  const a2 = new Uint32Array(n);
  const b2 = new Uint32Array(n);
  const counts = new Uint32Array(32769);
  for (let i = 0; i < n; i++) counts[(keys[i] & 0x7fff) + 1]++;
  for (let c = 0; c < 32768; c++) counts[c + 1] += counts[c];
  for (let i = 0; i < n; i++) {
    const slot = counts[keys[i] & 0x7fff]++;
    k2[slot] = keys[i];
    a2[slot] = a[i];
    b2[slot] = b[i];
  }
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(k2[i] >>> 15) + 1]++;
  for (let c = 0; c < 32768; c++) counts[c + 1] += counts[c];
  // The keys' storage is reused for the result: callers read the sorted keys from `keys`.
  for (let i = 0; i < n; i++) {
    const slot = counts[k2[i] >>> 15]++;
    keys[slot] = k2[i];
    a[slot] = a2[i];
    b[slot] = b2[i];
  }
  return [a, b];
}

function load(
  out: Float64Array,
  p: Float32Array,
  a0: number,
  a1: number,
  a2: number,
  b0: number,
  b1: number,
  b2: number,
) {
  const ids = [a0, a1, a2, b0, b1, b2];
  for (let k = 0; k < 6; k++) {
    out[k * 3] = p[ids[k] * 3];
    out[k * 3 + 1] = p[ids[k] * 3 + 1];
    out[k * 3 + 2] = p[ids[k] * 3 + 2];
  }
}

/** Every point coincides (a mesh collapsed to a point): test all pairs; only tiny inputs get here. */
function allPairs(
  positions: Float32Array,
  indices: Uint32Array,
  nf: number,
  groups?: Uint32Array,
): SelfIntersectionResult {
  const coords = new Float64Array(18);
  let pairs = 0;
  let tests = 0;
  let pairsByGroup: Uint32Array | undefined;
  if (groups) pairsByGroup = new Uint32Array(groups.reduce((m, g) => Math.max(m, g + 1), 0));
  for (let a = 0; a < nf && a < 2000; a++) {
    for (let b = a + 1; b < nf && b < 2000; b++) {
      const A = [indices[a * 3], indices[a * 3 + 1], indices[a * 3 + 2]];
      const B = [indices[b * 3], indices[b * 3 + 1], indices[b * 3 + 2]];
      if (A.some((x) => B.includes(x))) continue;
      tests++;
      load(coords, positions, A[0], A[1], A[2], B[0], B[1], B[2]);
      if (trianglesOverlap(coords)) {
        pairs++;
        if (groups && pairsByGroup && groups[a] === groups[b]) pairsByGroup[groups[a]]++;
      }
    }
  }
  return { pairs, truncated: nf > 2000, tests, ...(pairsByGroup ? { pairsByGroup } : {}) };
}

/** The compiled worker (dist), or from source a bootstrap that loads the TypeScript one via tsx. */
function workerFile(): { url: URL; fromSource: boolean } {
  const js = new URL('./self-intersections-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js, fromSource: false };
  return { url: new URL('./self-intersections-worker-dev.mjs', import.meta.url), fromSource: true };
}

interface Reply {
  id: number;
  result?: SelfIntersectionResult;
  error?: string;
}

/**
 * One long-lived search thread per process, started on first use: its compiled code stays warm
 * between meshes, and it is unreferenced while idle, so it never keeps the process alive.
 */
interface SearchThread {
  worker: Worker;
  busy: boolean;
  next: number;
  pending?: (reply: Reply | Error) => void;
}

let searchThread: SearchThread | undefined;

function thread(): SearchThread | undefined {
  if (searchThread) return searchThread;
  try {
    const { url, fromSource } = workerFile();
    // From source the bootstrap registers tsx itself.
    const worker = new Worker(url, fromSource ? { execArgv: [] } : {});
    const t: SearchThread = { worker, busy: false, next: 1 };
    const fail = (err: Error) => {
      if (searchThread === t) searchThread = undefined;
      t.pending?.(err);
      t.pending = undefined;
    };
    worker.on('message', (reply: Reply) => {
      const pending = t.pending;
      t.pending = undefined;
      pending?.(reply);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the search thread exited with code ${code}`)));
    worker.unref();
    searchThread = t;
    return t;
  } catch {
    return undefined;
  }
}

/**
 * `findSelfIntersections` on a worker thread, so a caller can do other work meanwhile (the
 * assessor measures the rest of the topology and the UVs). The arrays are copied to the thread.
 * When the thread is busy with another mesh, cannot start or fails, the search runs on this
 * thread instead: the result is the same either way.
 *
 * @example
 * const pending = findSelfIntersectionsInWorker(P, T);
 * // … other work …
 * const { pairs } = await pending;
 */
export async function findSelfIntersectionsInWorker(
  positions: Float32Array,
  indices: Uint32Array,
  options: SelfIntersectionOptions = {},
): Promise<SelfIntersectionResult> {
  const t = thread();
  if (!t || t.busy) return findSelfIntersections(positions, indices, options);
  t.busy = true;
  t.worker.ref();
  try {
    const id = t.next++;
    const reply = await new Promise<Reply | Error>((resolve) => {
      t.pending = resolve;
      t.worker.postMessage({ id, positions, indices, options });
    });
    if (reply instanceof Error || reply.id !== id) return findSelfIntersections(positions, indices, options);
    if (reply.result) return reply.result;
    // The search itself refused the input: the same error as on this thread.
    throw new RangeError(reply.error);
  } finally {
    t.busy = false;
    t.worker.unref();
  }
}
