/**
 * prompt → GLB bytes with the built-in dreamcad engine over every family, timed end to end
 * (interpretation, modelling, meshing, materials and textures, GLB encoding), plus multi-object scenes.
 * Run: `npm run bench -- generate` (`-- generate --seeds 3` for a quicker pass). The table shows each
 * category and the slowest families; bench/results/generate.json has every family.
 */
import { parseArgs } from 'node:util';
import { triangleCount } from '../src/asset/asset.js';
import '../src/io/index.js';
import { exportAsset } from '../src/io/registry.js';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import { FAMILIES } from '../src/models/dreamcad/families/index.js';
import { percentile, publish } from './report.js';

/** Issue 3's targets, on one core. */
const TARGET = { medianMs: 15, p95Ms: 60, rssMb: 300, sceneMs: 150 };

/** Prompts with a colour and a material, so the benchmark pays for the whole path a user does. */
function promptFor(family: string): string {
  return `a red wooden ${family}`;
}

/** Ten objects: a table, four chairs, a lamp, a bowl and three apples. */
const SCENES = [
  'a round table with four chairs, a lamp beside the table and three apples in a bowl on the table',
  'two oranges in a wooden bowl on a round table',
  'a lamp next to an armchair',
];

async function promptToGlb(
  prompt: string,
  seed: number,
): Promise<{ ms: number; bytes: number; tris: number; objects: number }> {
  const start = performance.now();
  const asset = await generateDreamcadAsset(prompt, { seed });
  const { main } = await exportAsset(asset, 'glb');
  const ms = performance.now() - start;
  const objects = (asset.metadata.objects as unknown[] | undefined)?.length ?? 1;
  return {
    ms,
    bytes: main.byteLength,
    tris: asset.parts.reduce((n, p) => n + triangleCount(p.mesh), 0),
    objects,
  };
}

export async function run(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { seeds: { type: 'string', default: '10' } },
    strict: false,
  });
  const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => i + 1);
  // The first call pays for WebAssembly start-up, language data and JIT warm-up; report it, keep it out.
  const coldStart = performance.now();
  await promptToGlb(promptFor('chair'), 0);
  const coldMs = performance.now() - coldStart;
  for (const f of FAMILIES) await promptToGlb(promptFor(f.id), 0);

  const perFamily: Array<{ id: string; category: string; times: number[]; tris: number; bytes: number }> = [];
  for (const family of FAMILIES) {
    const times: number[] = [];
    let bytes = 0;
    let tris = 0;
    for (const seed of seeds) {
      const r = await promptToGlb(promptFor(family.id), seed);
      times.push(r.ms);
      bytes += r.bytes;
      tris += r.tris;
    }
    perFamily.push({
      id: family.id,
      category: family.category,
      times,
      tris: tris / seeds.length,
      bytes: bytes / seeds.length,
    });
  }
  const row = (label: string, times: number[], extra: Record<string, string | number | boolean> = {}) => ({
    families: label,
    'median ms': percentile(times, 50),
    'p95 ms': percentile(times, 95),
    'max ms': Math.max(...times),
    ...extra,
  });
  const rows: Record<string, string | number | boolean>[] = [];
  const categories = [...new Set(perFamily.map((f) => f.category))];
  for (const c of categories) {
    const fs = perFamily.filter((f) => f.category === c);
    rows.push(
      row(
        `${c} (${fs.length})`,
        fs.flatMap((f) => f.times),
      ),
    );
  }
  const slowest = [...perFamily]
    .sort((a, b) => percentile(b.times, 50) - percentile(a.times, 50))
    .slice(0, 5);
  for (const f of slowest) rows.push(row(`slow: ${f.id}`, f.times, { triangles: Math.round(f.tris) }));
  const all = perFamily.flatMap((f) => f.times);
  const median = percentile(all, 50);
  const p95 = percentile(all, 95);

  const sceneRows: Record<string, string | number | boolean>[] = [];
  let tenObjectMedian = Number.NaN;
  for (const prompt of SCENES) {
    const runs = [];
    for (const seed of seeds) runs.push(await promptToGlb(prompt, seed));
    const times = runs.map((r) => r.ms);
    if (runs[0].objects === 10 || prompt === SCENES[0]) tenObjectMedian = percentile(times, 50);
    sceneRows.push(row(`scene of ${runs[0].objects}: "${prompt.slice(0, 40)}…"`, times));
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  rows.push(
    ...sceneRows,
    row(`all ${FAMILIES.length} families`, all, {
      'peak RSS MiB': Math.round(peakRssMb),
      'meets target':
        median <= TARGET.medianMs &&
        p95 <= TARGET.p95Ms &&
        peakRssMb <= TARGET.rssMb &&
        tenObjectMedian <= TARGET.sceneMs,
    }),
  );
  publish({
    name: 'generate',
    notes: [
      `prompt → GLB bytes, "${promptFor('<family>')}", ${FAMILIES.length} families × ${seeds.length} seeds, one thread`,
      `targets (issue 3): median ≤ ${TARGET.medianMs} ms, p95 ≤ ${TARGET.p95Ms} ms, peak RSS ≤ ${TARGET.rssMb} MB, 10-object scene ≤ ${TARGET.sceneMs} ms`,
      `first call (WebAssembly start-up, language data, JIT) ${coldMs.toFixed(1)} ms, excluded`,
    ],
    rows,
    extra: {
      seeds,
      families: perFamily.map((f) => ({
        id: f.id,
        medianMs: percentile(f.times, 50),
        maxMs: Math.max(...f.times),
        triangles: Math.round(f.tris),
        glbBytes: Math.round(f.bytes),
      })),
    },
  });
}
