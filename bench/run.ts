/**
 * `npm run bench` runs every benchmark; `npm run bench -- generate fbx` runs the named ones, and options
 * written `--name=value` go to each of them (`npm run bench -- generate --seeds=3`).
 * Each benchmark is a module in this folder exporting `run(options?: string[]): Promise<void>` that calls `publish`.
 */
import { readdirSync } from 'node:fs';

const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
const options = args.filter((a) => a.startsWith('--'));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : available) {
  const mod = (await import(`./${name}.bench.ts`)) as { run(options?: string[]): Promise<void> };
  await mod.run(options);
}
