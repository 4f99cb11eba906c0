/**
 * The measuring half of `npm run bench -- generate`: a plain Node process that loads the built package
 * (dist/, as `npx dream-cad` and library users run it) and times prompt → GLB bytes, so its peak RSS is
 * the engine's own and not the TypeScript loader's. Prints one JSON object on stdout.
 *
 *   node bench/generate-worker.mjs <seeds> <prompt for families, with {family}> <scene prompt>…
 */
import { triangleCount } from '../dist/asset/asset.js';
import '../dist/io/index.js';
import { exportAsset } from '../dist/io/registry.js';
import { generateDreamcadAsset } from '../dist/models/dreamcad/engine.js';
import { FAMILIES } from '../dist/models/dreamcad/families/index.js';

const [seedCount, template, ...scenes] = process.argv.slice(2);
const seeds = Array.from({ length: Number(seedCount) }, (_, i) => i + 1);
const promptFor = (family) => template.replace('{family}', family);

async function promptToGlb(prompt, seed) {
  const start = performance.now();
  const asset = await generateDreamcadAsset(prompt, { seed });
  const { main } = await exportAsset(asset, 'glb');
  const ms = performance.now() - start;
  const objects = asset.metadata.objects?.length ?? 1;
  return {
    ms,
    bytes: main.byteLength,
    tris: asset.parts.reduce((n, p) => n + triangleCount(p.mesh), 0),
    objects,
  };
}

// The first call pays for WebAssembly start-up, language data and JIT warm-up; report it, keep it out.
const coldStart = performance.now();
await promptToGlb(promptFor('chair'), 0);
const coldMs = performance.now() - coldStart;
for (const f of FAMILIES) await promptToGlb(promptFor(f.id), 0);

const families = [];
for (const family of FAMILIES) {
  const runs = [];
  for (const seed of seeds) runs.push(await promptToGlb(promptFor(family.id), seed));
  families.push({
    id: family.id,
    category: family.category,
    times: runs.map((r) => r.ms),
    tris: runs.reduce((n, r) => n + r.tris, 0) / runs.length,
    bytes: runs.reduce((n, r) => n + r.bytes, 0) / runs.length,
  });
}
const sceneRuns = [];
for (const prompt of scenes) {
  const runs = [];
  for (const seed of seeds) runs.push(await promptToGlb(prompt, seed));
  sceneRuns.push({ prompt, objects: runs[0].objects, times: runs.map((r) => r.ms) });
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ coldMs, families, scenes: sceneRuns, peakRssMb })}\n`);
