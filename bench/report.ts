import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One benchmark's rows: each row a record of column → value, printed as a table and saved as JSON. */
export interface BenchReport {
  name: string;
  /** What a reader needs to judge the numbers: targets, machine notes. */
  notes?: string[];
  rows: Record<string, string | number | boolean | null>[];
  /** Anything else worth keeping in the JSON (raw samples, settings). */
  extra?: Record<string, unknown>;
}

/** Nearest-rank percentile of an unsorted sample. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function cell(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return v === null || v === undefined ? '—' : String(v);
}

/** Prints the report as an aligned table and writes it to bench/results/<name>.json. */
export function publish(report: BenchReport): string {
  const cols = [...new Set(report.rows.flatMap((r) => Object.keys(r)))];
  const widths = cols.map((c) => Math.max(c.length, ...report.rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ');
  console.log(`\n## ${report.name}`);
  for (const n of report.notes ?? []) console.log(`# ${n}`);
  console.log(line(cols));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of report.rows) console.log(line(cols.map((c) => cell(r[c]))));
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ ...report, date: new Date().toISOString(), node: process.version }, null, 2)}\n`,
  );
  console.log(`(written to ${file})`);
  return file;
}
