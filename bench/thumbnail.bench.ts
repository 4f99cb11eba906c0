/**
 * Thumbnails of a 20k-triangle asset (a torus with vertex colours) with the software rasteriser:
 * raw rasterisation and the full PNG path, at 256, 512 and 1024 px. Run: `npm run bench -- thumbnail`.
 */
import type { Asset } from '../src/asset/asset.js';
import { rasterizeAsset, renderContactSheet, renderThumbnail } from '../src/thumbnails/index.js';
import { toMesh, torus } from '../test/helpers/quality-corpus.js';
import { percentile, publish } from './report.js';

const TARGET_MS_256 = 50;
const RUNS = 15;

function asset20k(): Asset {
  const raw = torus(100, 100); // 20 000 triangles
  const mesh = toMesh(raw);
  // Smooth normals of the torus, and a colour ramp around it.
  const n = mesh.positions.length / 3;
  mesh.colors = new Float32Array(n * 3);
  for (let j = 0; j < 100; j++) {
    for (let i = 0; i < 100; i++) {
      const k = j * 100 + i;
      const u = (i / 100) * Math.PI * 2;
      const v = (j / 100) * Math.PI * 2;
      mesh.normals.set([Math.cos(v) * Math.cos(u), Math.sin(v), Math.cos(v) * Math.sin(u)], k * 3);
      mesh.colors.set([0.5 + 0.5 * Math.cos(u), 0.4, 0.5 - 0.5 * Math.cos(u)], k * 3);
    }
  }
  return {
    parts: [
      { name: 'torus', mesh, material: { name: 'm', baseColor: [1, 1, 1, 1], metallic: 0, roughness: 0.8 } },
    ],
    metadata: { modelName: 'bench' },
  };
}

function time(fn: () => unknown, runs = RUNS): number[] {
  fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function timeAsync(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function run(): Promise<void> {
  const asset = asset20k();
  const rows: Record<string, string | number | boolean | null>[] = [];
  for (const size of [256, 512, 1024]) {
    for (const supersample of [1, 2]) {
      const raster = time(() => rasterizeAsset(asset, { size, supersample }), size === 1024 ? 5 : RUNS);
      const png = await timeAsync(
        () => renderThumbnail(asset, { size, supersample }),
        size === 1024 ? 5 : RUNS,
      );
      rows.push({
        size,
        supersample,
        triangles: 20_000,
        raster_median_ms: percentile(raster, 50),
        raster_p90_ms: percentile(raster, 90),
        png_median_ms: percentile(png, 50),
        meets_target: size === 256 ? percentile(png, 50) <= TARGET_MS_256 : null,
      });
    }
  }
  const sheet = await timeAsync(() => renderContactSheet(asset, { size: 256 }), 5);
  rows.push({
    size: 256,
    supersample: 2,
    triangles: 20_000,
    png_median_ms: percentile(sheet, 50),
    raster_median_ms: null,
  });
  publish({
    name: 'thumbnail',
    notes: [
      `target: ≤ ${TARGET_MS_256} ms for a 256 px thumbnail of a 20k-triangle asset (PNG included)`,
      'the last row is a six-view contact sheet',
    ],
    rows,
  });
}
