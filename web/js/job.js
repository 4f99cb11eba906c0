import { api, showAlert, statusBadge, TERMINAL } from './api.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const $ = (x) => document.getElementById(x);
let viewerShown = false;

/** Points model-viewer's decoders at the copies this server serves, before any model loads. */
async function setupViewer() {
  await import('/vendor/model-viewer/model-viewer.min.js');
  const ModelViewer = customElements.get('model-viewer');
  ModelViewer.dracoDecoderLocation = '/vendor/three-libs/draco/gltf/';
  ModelViewer.ktx2TranscoderLocation = '/vendor/three-libs/basis/';
  // meshoptDecoderLocation stays unset: model-viewer loads it as a classic script, only ES-module
  // builds ship in npm, and the GLBs written here do not use EXT_meshopt_compression.
}

async function showViewer(job) {
  if (viewerShown || !job.links.preview) return;
  viewerShown = true;
  await setupViewer();
  const mv = document.createElement('model-viewer');
  mv.setAttribute('src', job.links.preview);
  mv.setAttribute('alt', `3D preview of ${job.prompt}`);
  // The job's thumbnail stands in while the model loads.
  if (job.links.thumbnail) mv.setAttribute('poster', job.links.thumbnail);
  mv.setAttribute('camera-controls', '');
  mv.setAttribute('auto-rotate', '');
  mv.setAttribute('shadow-intensity', '1');
  mv.setAttribute('exposure', '1');
  mv.id = 'viewer';
  $('viewer-box').replaceChildren(mv);
  $('viewer-box').hidden = false;
}

function render(job) {
  $('job-id').textContent = job.id;
  $('job-prompt').textContent = job.prompt;
  document.title = `${job.prompt} · Dream-CAD`;
  $('job-status').replaceChildren(statusBadge(job.status));
  $('job-stage').textContent = job.stage;
  const pct = Math.round(job.progress * 100);
  $('job-percent').textContent = `${pct}%`;
  $('progress').setAttribute('aria-valuenow', String(pct));
  $('progress-bar').style.width = `${pct}%`;
  const done = TERMINAL.includes(job.status);
  $('progress-bar').classList.toggle('progress-bar-animated', !done);
  $('progress-bar').classList.toggle('progress-bar-striped', !done);
  $('progress-bar').classList.toggle('bg-success', job.status === 'completed');
  $('progress-bar').classList.toggle('bg-danger', job.status === 'failed');
  $('job-error').textContent = job.error
    ? `${job.error}${job.status === 'pending' ? ' (will retry)' : ''}`
    : '';
  const params = $('params');
  params.replaceChildren();
  const rows = [
    ['Model', job.model],
    ['Priority', job.priority],
    ['Seed', job.result?.seed ?? job.params.seed ?? 'random'],
    ['Attempts', `${job.attempts} of ${job.maxAttempts}`],
    ['Created', new Date(job.createdAt).toLocaleString()],
  ];
  for (const [k, v] of Object.entries(job.params))
    if (k !== 'seed') rows.push([k, Array.isArray(v) ? v.join(', ') : v]);
  if (job.result) {
    const count = job.params.pointsOnly
      ? ['Points', job.result.vertexCount]
      : ['Triangles', job.result.triangleCount];
    rows.push(count, ['Time', `${job.result.generationTime.toFixed(2)} s`]);
    for (const a of job.result.palette?.applied ?? [])
      rows.push([`Image ${a.role} colour`, `${a.name} (${a.hex}): ${a.parts.join(', ')}`]);
  }
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.className = 'col-5';
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.className = 'col-7';
    dd.textContent = String(v);
    params.append(dt, dd);
  }
  const seed = job.result?.seed ?? job.params.seed;
  const again = new URLSearchParams({
    prompt: job.prompt,
    model: job.model,
    ...(seed !== undefined ? { seed } : {}),
  });
  $('again').href = `/?${again}`;
  $('actions').hidden = false;
  $('cancel').hidden = TERMINAL.includes(job.status);
  $('retry').hidden = !['failed', 'cancelled'].includes(job.status);
  const downloads = $('downloads');
  if (job.status === 'completed' && downloads.childElementCount === 0) {
    const wanted = job.params.formats ?? [];
    const names = Object.keys(job.links.downloads).sort((a, b) => wanted.includes(b) - wanted.includes(a));
    for (const f of names) {
      const a = document.createElement('a');
      a.className = `btn ${wanted.includes(f) || f === 'glb' ? 'btn-success' : 'btn-outline-success'}`;
      a.href = job.links.downloads[f];
      a.setAttribute('download', '');
      a.dataset.format = f;
      a.innerHTML =
        '<svg class="icon" aria-hidden="true"><use href="/vendor/feather/feather-sprite.svg#download"></use></svg> ';
      a.append(f.toUpperCase());
      downloads.append(a);
    }
  }
  if (job.status === 'completed') showViewer(job);
}

function follow() {
  const events = new EventSource(`/api/jobs/${id}/events`);
  events.addEventListener('job', (e) => render(JSON.parse(e.data)));
  events.addEventListener('end', () => events.close());
  events.addEventListener('deleted', () => {
    events.close();
    showAlert('This job was deleted.', 'warning');
  });
}

async function act(action) {
  try {
    if (action === 'delete') {
      await api(`/api/jobs/${id}`, { method: 'DELETE' });
      location.href = '/history.html';
      return;
    }
    render(await api(`/api/jobs/${id}/${action}`, { method: 'POST' }));
    if (action === 'retry') follow();
  } catch (err) {
    showAlert(err.message);
  }
}

$('cancel').addEventListener('click', () => act('cancel'));
$('retry').addEventListener('click', () => act('retry'));
$('delete').addEventListener('click', () => confirm('Delete this job and its files?') && act('delete'));

(async () => {
  try {
    render(await api(`/api/jobs/${encodeURIComponent(id)}`));
    follow();
  } catch (err) {
    showAlert(err.message);
  }
})();
