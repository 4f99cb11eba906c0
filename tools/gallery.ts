/**
 * `npm run gallery` renders every dreamcad family to one PNG contact sheet, so a person can check at a
 * glance that each reads as its object.
 *
 *   node --import tsx tools/gallery.ts [--out outputs/gallery.png] [--size 160] [--seed 1]
 *        [--only chair,table] [--columns 12] [--view iso] ["a prompt" …]
 *
 * Prompts given on the command line are rendered instead of the families.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import { FAMILIES } from '../src/models/dreamcad/families/index.js';
import type { ViewSpec } from '../src/thumbnails/camera.js';
import { renderThumbnail } from '../src/thumbnails/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'outputs/gallery.png' },
    size: { type: 'string', default: '160' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    columns: { type: 'string' },
    view: { type: 'string', default: 'iso' },
    detail: { type: 'string', default: 'medium' },
  },
});

const size = Number(values.size);
const seed = Number(values.seed);
const label = 18;
const only = values.only?.split(',').map((s) => s.trim());
const entries: Array<{ title: string; prompt: string }> =
  positionals.length > 0
    ? positionals.map((p) => ({ title: p, prompt: p }))
    : FAMILIES.filter((f) => !only || only.includes(f.id)).map((f) => ({
        title: f.id,
        prompt: `a ${f.nouns[0].word}`,
      }));

const start = performance.now();
const tiles: Array<{ input: Buffer; left: number; top: number }> = [];
const columns = Number(values.columns ?? Math.ceil(Math.sqrt(entries.length * 1.6)));
const failures: string[] = [];
for (const [i, e] of entries.entries()) {
  const left = (i % columns) * size;
  const top = Math.floor(i / columns) * (size + label);
  try {
    const asset = await generateDreamcadAsset(e.prompt, {
      seed,
      detail: values.detail as 'low' | 'medium' | 'high',
    });
    const png = await renderThumbnail(asset, { size, view: values.view as ViewSpec });
    tiles.push({ input: Buffer.from(png), left, top });
  } catch (err) {
    failures.push(`${e.title}: ${(err as Error).message}`);
  }
  const text = e.title.length > 22 ? `${e.title.slice(0, 21)}…` : e.title;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${label}"><rect width="100%" height="100%" fill="#ffffff"/><text x="${size / 2}" y="${label - 5}" font-family="DejaVu Sans, sans-serif" font-size="12" text-anchor="middle" fill="#222">${escapeXml(text)}</text></svg>`;
  tiles.push({ input: Buffer.from(svg), left, top: top + size });
}
const rows = Math.ceil(entries.length / columns);
const png = await sharp({
  create: { width: columns * size, height: rows * (size + label), channels: 4, background: '#ffffff' },
})
  .composite(tiles)
  .png()
  .toBuffer();
mkdirSync(dirname(values.out as string), { recursive: true });
writeFileSync(values.out as string, png);
console.log(
  `${entries.length} tiles → ${values.out} (${columns} × ${rows}, ${((performance.now() - start) / 1000).toFixed(1)} s)`,
);
for (const f of failures) console.error(`failed: ${f}`);
if (failures.length > 0) process.exitCode = 1;

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string,
  );
}
