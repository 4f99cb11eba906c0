import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { PerformanceTracker } from '../../bench/performance-tracker.js';
import { getConfig } from '../../config.js';
import { FileFormatError } from '../../errors.js';
import { openDatabase } from '../../jobs/db.js';
import { intOption } from '../options.js';
import { formatTable } from '../output.js';

export function register(program: Command): void {
  program
    .command('report')
    .description(
      'Performance report from the job database: every model’s timings, quality trends, A/B results',
    )
    .option('--days <n>', 'how many days back', intOption('--days', 1, 3650), 30)
    .option('--html <file>', 'also write a self-contained HTML report with charts')
    .option('--json', 'print the report as JSON')
    .action(async (flags: { days: number; html?: string; json?: boolean }) => {
      const c = getConfig();
      const db = await openDatabase({ url: c.databaseUrl, dataDir: c.dataDir });
      try {
        const tracker = await PerformanceTracker.open(db.db);
        await tracker.syncJobs();
        const report = await tracker.generateReport(flags.days);
        if (flags.html) {
          const html = await tracker.generateHtmlReport(flags.days);
          try {
            await writeFile(flags.html, html);
          } catch (err) {
            throw new FileFormatError(
              `Cannot write the HTML report to "${flags.html}": ${err instanceof Error ? err.message : err}`,
            );
          }
        }
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const f = (v: number | null, d = 3) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(d));
        const rows = report.models.map((m) => [
          m.modelName,
          String(m.runs),
          `${(m.successRate * 100).toFixed(1)} %`,
          f(m.medianSeconds),
          f(m.p90Seconds),
          f(m.meanQuality, 1),
          f(report.trends.find((t) => t.modelName === m.modelName)?.secondsPerDaySlope ?? null, 4),
          m.lastRunAt,
        ]);
        process.stdout.write(
          rows.length
            ? `${formatTable(['model', 'runs', 'success', 'median s', 'p90 s', 'quality', 's/day trend', 'last run'], rows)}\n`
            : `No runs in the last ${flags.days} days. Record some with \`dream-cad bench --track\`.\n`,
        );
        for (const t of report.abTests.slice(0, 5)) {
          process.stdout.write(
            `A/B ${t.createdAt}: ${t.modelA} vs ${t.modelB} → ${t.winner} (p = ${f(t.pValue, 4)})\n`,
          );
        }
        if (flags.html) process.stdout.write(`HTML report written to ${flags.html}\n`);
      } finally {
        await db.close();
      }
    });
}
