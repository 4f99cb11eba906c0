import type { PerformanceReport, TrendPoint } from './performance-tracker.js';

const esc = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const fmt = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);

/** An inline SVG line chart of one value per day; points without a value are skipped. */
export function svgLineChart(
  points: TrendPoint[],
  value: (p: TrendPoint) => number | null,
  options: { title: string; unit: string; color: string; width?: number; height?: number },
): string {
  const W = options.width ?? 520;
  const H = options.height ?? 180;
  const pad = { l: 48, r: 12, t: 24, b: 28 };
  const data = points
    .map((p) => ({ d: p.date, v: value(p) }))
    .filter((p): p is { d: string; v: number } => p.v !== null);
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(options.title)}">`;
  const title = `<text x="${pad.l}" y="16" font-size="13" font-weight="600">${esc(options.title)}</text>`;
  if (data.length === 0)
    return `${head}${title}<text x="${W / 2}" y="${H / 2}" text-anchor="middle" fill="#888">no data</text></svg>`;
  const vs = data.map((p) => p.v);
  let lo = Math.min(...vs);
  let hi = Math.max(...vs);
  if (hi === lo) {
    hi += Math.abs(hi) * 0.1 || 1;
    lo -= Math.abs(lo) * 0.1 || 1;
  }
  const x = (i: number) =>
    pad.l + (data.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (data.length - 1));
  const y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo)) * (H - pad.t - pad.b);
  const path = data.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const dots = data
    .map(
      (p, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="3" fill="${options.color}"><title>${esc(p.d)}: ${fmt(p.v, 3)} ${esc(options.unit)}</title></circle>`,
    )
    .join('');
  const axis =
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#bbb"/>` +
    `<line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#bbb"/>` +
    `<text x="${pad.l - 6}" y="${y(hi) + 4}" font-size="11" text-anchor="end">${fmt(hi, 2)}</text>` +
    `<text x="${pad.l - 6}" y="${y(lo) + 4}" font-size="11" text-anchor="end">${fmt(lo, 2)}</text>` +
    `<text x="${pad.l}" y="${H - 8}" font-size="11">${esc(data[0].d)}</text>` +
    `<text x="${W - pad.r}" y="${H - 8}" font-size="11" text-anchor="end">${esc(data[data.length - 1].d)}</text>`;
  return `${head}${title}${axis}<path d="${path}" fill="none" stroke="${options.color}" stroke-width="2"/>${dots}</svg>`;
}

/**
 * The performance report as one HTML page with everything inline (CSS, SVG charts): no scripts,
 * no fonts or styles from elsewhere, so it opens offline and can be mailed as a file.
 *
 * @example
 * await writeFile('report.html', renderHtmlReport(await tracker.generateReport()));
 */
export function renderHtmlReport(report: PerformanceReport): string {
  const rows = report.models
    .map(
      (m) =>
        `<tr><td>${esc(m.modelName)}</td><td>${m.runs}</td><td>${fmt(m.successRate * 100, 1)} %</td><td>${fmt(m.medianSeconds, 3)}</td><td>${fmt(m.p90Seconds, 3)}</td><td>${fmt(m.meanQuality, 1)}</td><td>${fmt(m.peakRamGb, 2)}</td><td>${fmt(m.peakVramGb, 2)}</td><td>${esc(m.lastRunAt)}</td></tr>`,
    )
    .join('');
  const charts = report.trends
    .map(
      (t) => `<section><h3>${esc(t.modelName)}</h3><div class="charts">${svgLineChart(
        t.points,
        (p) => p.medianSeconds,
        {
          title: 'median generation time (s)',
          unit: 's',
          color: '#2563eb',
        },
      )}${svgLineChart(t.points, (p) => p.meanQuality, { title: 'mean overall quality', unit: 'points', color: '#16a34a' })}</div>
<p>trend: ${fmt(t.secondsPerDaySlope, 4)} s/day, ${fmt(t.qualityPerDaySlope, 3)} quality points/day over ${t.days} days (${t.runs} runs)</p></section>`,
    )
    .join('');
  const ab = report.abTests
    .map((t) => {
      const metrics = t.result.metrics
        .map(
          (m) =>
            `${esc(m.metric)}: A ${fmt(m.a.mean, 3)} vs B ${fmt(m.b.mean, 3)}, Welch p=${fmt(m.welch.pValue, 4)}, MWU p=${fmt(m.mannWhitney.pValue, 4)}, d=${fmt(m.cohensD.value, 2)} [${fmt(m.cohensD.ci[0], 2)}, ${fmt(m.cohensD.ci[1], 2)}]`,
        )
        .join('<br>');
      return `<tr><td>${esc(t.createdAt)}</td><td>${esc(t.modelA)}</td><td>${esc(t.modelB)}</td><td><b>${esc(t.winner)}</b></td><td>${fmt(t.pValue, 4)}</td><td class="small">${metrics}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dream-CAD performance report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#111;background:#fafafa}
table{border-collapse:collapse;margin:1rem 0;background:#fff}td,th{border:1px solid #ddd;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}.charts{display:flex;flex-wrap:wrap;gap:1rem}.charts svg{background:#fff;border:1px solid #e5e5e5}
.small{font-size:.85em}section{margin-bottom:1.5rem}
</style></head><body>
<h1>Dream-CAD performance report</h1>
<p>Generated ${esc(report.generatedAt)}, covering the last ${report.days} days.</p>
<h2>Models</h2>
${report.models.length ? `<table><tr><th>model</th><th>runs</th><th>success</th><th>median s</th><th>p90 s</th><th>mean quality</th><th>peak RAM GB</th><th>peak VRAM GB</th><th>last run</th></tr>${rows}</table>` : '<p>No runs recorded yet.</p>'}
<h2>Trends</h2>
${charts || '<p>No runs recorded yet.</p>'}
<h2>Latest A/B tests</h2>
${ab ? `<table><tr><th>when</th><th>A</th><th>B</th><th>winner</th><th>p (primary)</th><th>metrics</th></tr>${ab}</table>` : '<p>No A/B tests recorded yet.</p>'}
</body></html>
`;
}
