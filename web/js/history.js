import { api, fillModels, statusBadge, TERMINAL } from './api.js';

const params = new URLSearchParams(location.search);
const page = Number(params.get('page') ?? 1);
const form = document.getElementById('filters');
const streams = [];

/** The job's thumbnail once it has completed (the prompt beside it names it, so alt is empty). */
function thumbnail(job) {
  if (!job.links.thumbnail) {
    const empty = document.createElement('span');
    empty.className = 'job-thumb job-thumb-empty';
    return empty;
  }
  const img = document.createElement('img');
  img.className = 'job-thumb';
  img.src = job.links.thumbnail;
  img.alt = '';
  img.width = 64;
  img.height = 64;
  img.loading = 'lazy';
  return img;
}

function row(job) {
  const tr = document.createElement('tr');
  tr.id = `job-${job.id}`;
  const link = document.createElement('a');
  link.href = `/job.html?id=${job.id}`;
  link.textContent = job.prompt;
  const cells = [
    thumbnail(job),
    link,
    job.model,
    statusBadge(job.status),
    `${Math.round(job.progress * 100)}%`,
    new Date(job.createdAt).toLocaleString(),
  ];
  for (const c of cells) {
    const td = document.createElement('td');
    if (c === link) td.className = 'job-prompt';
    td.append(c);
    tr.append(td);
  }
  return tr;
}

/** Live status: one event stream per unfinished job on this page (at most 20). */
function follow(job) {
  if (TERMINAL.includes(job.status) || streams.length >= 20) return;
  const es = new EventSource(`/api/jobs/${job.id}/events`);
  streams.push(es);
  es.addEventListener('job', (e) => {
    const next = JSON.parse(e.data);
    document.getElementById(`job-${next.id}`)?.replaceWith(row(next));
  });
  es.addEventListener('end', () => es.close());
}

async function load() {
  form.status.value = params.get('status') ?? '';
  await fillModels(form.model, { any: true, selected: params.get('model') ?? '' });
  const q = new URLSearchParams({ page: String(page), pageSize: '20' });
  if (params.get('status')) q.set('status', params.get('status'));
  if (params.get('model')) q.set('model', params.get('model'));
  const data = await api(`/api/jobs?${q}`);
  const body = document.getElementById('jobs');
  body.replaceChildren(...data.jobs.map(row));
  data.jobs.forEach(follow);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  document.getElementById('summary').textContent = `${data.total} job(s), page ${page} of ${pages}`;
  const nav = document.getElementById('pages');
  for (let p = 1; p <= pages && p <= 50; p++) {
    const li = document.createElement('li');
    li.className = `page-item${p === page ? ' active' : ''}`;
    const a = document.createElement('a');
    a.className = 'page-link';
    q.set('page', String(p));
    a.href = `?${q}`;
    a.textContent = String(p);
    if (p === page) a.setAttribute('aria-current', 'page');
    li.append(a);
    nav.append(li);
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = new URLSearchParams();
  if (form.status.value) q.set('status', form.status.value);
  if (form.model.value) q.set('model', form.model.value);
  location.search = q.toString();
});
load();
