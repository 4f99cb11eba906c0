import { api, showAlert } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';
const form = document.getElementById('perf-form');
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);

const fmt = (v, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
const pct = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');

function svgEl(name, attrs = {}, text) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * A small chart of one value per day, drawn as SVG in the page (no chart library, no CDN): a line
 * or bars, the lowest and highest values on the left, the first and last day below. Screen readers
 * get a one-sentence summary; the numbers are also in the table under the charts.
 */
function chart(container, points, { value, kind = 'line', title, unit, digits = 2 }) {
  const W = 360;
  const H = 180;
  const pad = { l: 48, r: 10, t: 12, b: 26 };
  const data = points.map((p) => ({ d: p.date, v: value(p) })).filter((p) => Number.isFinite(p.v));
  const svg = svgEl('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart-svg',
    role: 'img',
    preserveAspectRatio: 'xMidYMid meet',
  });
  const summary = data.length
    ? `${title}: ${data.length} day(s) from ${data[0].d} to ${data[data.length - 1].d}, ` +
      `lowest ${fmt(Math.min(...data.map((p) => p.v)), digits)} ${unit}, highest ` +
      `${fmt(Math.max(...data.map((p) => p.v)), digits)} ${unit}, latest ${fmt(data[data.length - 1].v, digits)} ${unit}.`
    : `${title}: no data in this period.`;
  svg.setAttribute('aria-label', summary);
  svg.append(svgEl('title', {}, summary));
  const axis = { stroke: '#6c757d', 'stroke-width': 1 };
  svg.append(svgEl('line', { x1: pad.l, y1: H - pad.b, x2: W - pad.r, y2: H - pad.b, ...axis }));
  svg.append(svgEl('line', { x1: pad.l, y1: pad.t, x2: pad.l, y2: H - pad.b, ...axis }));
  const label = { 'font-size': 11, fill: '#495057' };
  if (data.length === 0) {
    svg.append(svgEl('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', ...label }, 'no data'));
    container.replaceChildren(svg);
    return;
  }
  const vs = data.map((p) => p.v);
  let lo = kind === 'bar' ? 0 : Math.min(...vs);
  let hi = Math.max(...vs);
  if (hi === lo) {
    hi += Math.abs(hi) * 0.1 || 1;
    lo = kind === 'bar' ? 0 : lo - (Math.abs(lo) * 0.1 || 1);
  }
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  const y = (v) => pad.t + (1 - (v - lo) / (hi - lo)) * plotH;
  const colour = '#0b5ed7';
  if (kind === 'bar') {
    const slot = plotW / data.length;
    const bw = Math.max(2, Math.min(28, slot * 0.7));
    data.forEach((p, i) => {
      const x = pad.l + slot * i + (slot - bw) / 2;
      const bar = svgEl('rect', { x, y: y(p.v), width: bw, height: H - pad.b - y(p.v), fill: colour });
      bar.append(svgEl('title', {}, `${p.d}: ${fmt(p.v, digits)} ${unit}`));
      svg.append(bar);
    });
  } else {
    const x = (i) => pad.l + (data.length === 1 ? plotW / 2 : (i * plotW) / (data.length - 1));
    const path = data.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
    svg.append(svgEl('path', { d: path, fill: 'none', stroke: colour, 'stroke-width': 2 }));
    data.forEach((p, i) => {
      const dot = svgEl('circle', { cx: x(i), cy: y(p.v), r: 3, fill: colour });
      dot.append(svgEl('title', {}, `${p.d}: ${fmt(p.v, digits)} ${unit}`));
      svg.append(dot);
    });
  }
  svg.append(svgEl('text', { x: pad.l - 6, y: y(hi) + 4, 'text-anchor': 'end', ...label }, fmt(hi, digits)));
  svg.append(svgEl('text', { x: pad.l - 6, y: y(lo) + 4, 'text-anchor': 'end', ...label }, fmt(lo, digits)));
  svg.append(svgEl('text', { x: pad.l, y: H - 8, ...label }, data[0].d));
  if (data.length > 1) {
    svg.append(
      svgEl('text', { x: W - pad.r, y: H - 8, 'text-anchor': 'end', ...label }, data[data.length - 1].d),
    );
  }
  container.replaceChildren(svg);
}

function cells(tr, values, header = 0) {
  values.forEach((v, i) => {
    const cell = document.createElement(i < header ? 'th' : 'td');
    if (i < header) cell.scope = 'row';
    if (v instanceof Node) cell.append(v);
    else cell.textContent = String(v);
    tr.append(cell);
  });
  return tr;
}

function emptyRow(columns, text) {
  const tr = document.createElement('tr');
  const td = document.createElement('td');
  td.colSpan = columns;
  td.className = 'text-body-secondary';
  td.textContent = text;
  tr.append(td);
  return tr;
}

function renderTrend(trend) {
  $('trend-model').textContent = trend.modelName;
  // A slope fitted to runs of one day says nothing about days: shown from two days of data on.
  const slope = trend.points.length >= 2 ? trend.secondsPerDaySlope : null;
  $('trend-summary').textContent = trend.runs
    ? `${trend.runs} run(s) in the last ${trend.days} days, ${pct(trend.successRate)} successful` +
      (slope === null
        ? '.'
        : `; generation time ${slope <= 0 ? 'falls' : 'rises'} by ${fmt(Math.abs(slope), 4)} s a day.`)
    : `No runs of ${trend.modelName} in the last ${trend.days} days.`;
  chart($('chart-time'), trend.points, {
    value: (p) => p.medianSeconds,
    title: 'Median generation time',
    unit: 's',
    digits: 3,
  });
  chart($('chart-runs'), trend.points, {
    value: (p) => p.runs,
    kind: 'bar',
    title: 'Runs per day',
    unit: 'runs',
    digits: 0,
  });
  chart($('chart-quality'), trend.points, {
    value: (p) => p.meanQuality,
    title: 'Mean overall quality',
    unit: 'points',
    digits: 1,
  });
  const rows = trend.points.map((p) =>
    cells(
      document.createElement('tr'),
      [
        p.date,
        p.runs,
        pct(p.successRate),
        fmt(p.medianSeconds, 3),
        fmt(p.meanSeconds, 3),
        fmt(p.meanQuality, 1),
      ],
      1,
    ),
  );
  $('trend-table').replaceChildren(...(rows.length ? rows : [emptyRow(6, 'No runs in this period.')]));
}

function renderReport(report) {
  const models = report.models.map((m) =>
    cells(
      document.createElement('tr'),
      [
        m.modelName,
        m.runs,
        pct(m.successRate),
        fmt(m.medianSeconds, 3),
        fmt(m.p90Seconds, 3),
        fmt(m.meanQuality, 1),
        fmt(m.peakRamGb, 2),
        new Date(m.lastRunAt).toLocaleString(),
      ],
      1,
    ),
  );
  $('models-table').replaceChildren(...(models.length ? models : [emptyRow(8, 'No runs in this period.')]));
  const ab = report.abTests.map((t) => {
    const metrics = document.createElement('ul');
    metrics.className = 'list-unstyled small mb-0';
    for (const m of t.result?.metrics ?? []) {
      const li = document.createElement('li');
      li.textContent =
        `${m.metric}: A ${fmt(m.a?.mean, 3)} vs B ${fmt(m.b?.mean, 3)}, Welch p = ${fmt(m.welch?.pValue, 4)}, ` +
        `Mann–Whitney p = ${fmt(m.mannWhitney?.pValue, 4)}, d = ${fmt(m.cohensD?.value, 2)} ` +
        `[${fmt(m.cohensD?.ci?.[0], 2)}, ${fmt(m.cohensD?.ci?.[1], 2)}]`;
      metrics.append(li);
    }
    const winner = document.createElement('strong');
    winner.textContent = t.winner;
    return cells(document.createElement('tr'), [
      new Date(t.createdAt).toLocaleString(),
      t.modelA,
      t.modelB,
      winner,
      fmt(t.pValue, 4),
      metrics,
    ]);
  });
  $('ab-table').replaceChildren(...(ab.length ? ab : [emptyRow(6, 'No A/B tests recorded yet.')]));
}

async function load() {
  const days = params.get('days') ?? '30';
  form.days.value = [...form.days.options].some((o) => o.value === days) ? days : '30';
  $('html-report').href = `/api/performance/report.html?days=${form.days.value}`;
  try {
    const [report, registered] = await Promise.all([
      api(`/api/performance/report?days=${form.days.value}`),
      api('/api/models').catch(() => []),
    ]);
    renderReport(report);
    const names = [...new Set([...report.models.map((m) => m.modelName), ...registered.map((m) => m.name)])];
    form.model.replaceChildren(...names.map((n) => new Option(n, n)));
    const wanted = params.get('model');
    form.model.value = wanted && names.includes(wanted) ? wanted : (names[0] ?? '');
    if (!form.model.value) {
      $('trend-summary').textContent = 'No models yet.';
      return;
    }
    renderTrend(
      await api(
        `/api/performance/trend?model=${encodeURIComponent(form.model.value)}&days=${form.days.value}`,
      ),
    );
  } catch (err) {
    showAlert(`Could not load the performance report: ${err.message}`);
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  location.search = new URLSearchParams({ model: form.model.value, days: form.days.value }).toString();
});
load();
