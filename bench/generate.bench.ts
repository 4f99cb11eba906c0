/**
 * prompt → GLB bytes with the built-in dreamcad engine: 12 families × 10 seeds, timed end to end
 * (interpretation, solid modelling, meshing, materials, GLB encoding). Run: `npm run bench -- generate`.
 */
import { triangleCount } from '../src/asset/asset.js';
import '../src/io/index.js';
import { exportAsset } from '../src/io/registry.js';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import { FAMILIES } from '../src/models/dreamcad/families/index.js';
import { percentile, publish } from './report.js';

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const TARGET_MEDIAN_MS = 20;

/** Prompts with a colour and a material, so the benchmark pays for the whole path a user does. */
function promptFor(family: string): string {
  return `a red wooden ${family}`;
}

async function promptToGlb(
  prompt: string,
  seed: number,
): Promise<{ ms: number; bytes: number; tris: number }> {
  const start = performance.now();
  const asset = await generateDreamcadAsset(prompt, { seed });
  const { main } = await exportAsset(asset, 'glb');
  const ms = performance.now() - start;
  return { ms, bytes: main.byteLength, tris: asset.parts.reduce((n, p) => n + triangleCount(p.mesh), 0) };
}

export async function run(): Promise<void> {
  // The first call pays for WebAssembly start-up and JIT warm-up; report it, keep it out of the stats.
  const coldStart = performance.now();
  await promptToGlb(promptFor('chair'), 0);
  const coldMs = performance.now() - coldStart;
  for (const f of FAMILIES) await promptToGlb(promptFor(f.id), 0);

  const rows: Record<string, string | number | boolean>[] = [];
  const all: number[] = [];
  for (const family of FAMILIES) {
    const times: number[] = [];
    let bytes = 0;
    let tris = 0;
    for (const seed of SEEDS) {
      const r = await promptToGlb(promptFor(family.id), seed);
      times.push(r.ms);
      bytes += r.bytes;
      tris += r.tris;
    }
    all.push(...times);
    rows.push({
      family: family.id,
      'median ms': percentile(times, 50),
      'p95 ms': percentile(times, 95),
      'max ms': Math.max(...times),
      'triangles (mean)': Math.round(tris / SEEDS.length),
      'GLB KiB (mean)': Math.round(bytes / SEEDS.length / 1024),
    });
  }
  const median = percentile(all, 50);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  rows.push({
    family: 'total',
    'median ms': median,
    'p95 ms': percentile(all, 95),
    'max ms': Math.max(...all),
    'peak RSS MiB': Math.round(peakRssMb),
    'meets target': median <= TARGET_MEDIAN_MS,
  });
  publish({
    name: 'generate',
    notes: [
      `prompt → GLB bytes, "${promptFor('<family>')}", ${FAMILIES.length} families × ${SEEDS.length} seeds, one thread`,
      `target (issue 2): median ≤ ${TARGET_MEDIAN_MS} ms per asset on one core; issue 3 later asks median ≤ 15 ms, p95 ≤ 60 ms, RSS ≤ 300 MB`,
      `first call (WebAssembly start-up + JIT) ${coldMs.toFixed(1)} ms, excluded`,
    ],
    rows,
    extra: { samplesMs: all.map((t) => Math.round(t * 1000) / 1000), seeds: SEEDS },
  });
}
