import { api, fillModels, showAlert, statusBadge, TERMINAL } from './api.js';

const form = document.getElementById('batch-form');
let timer;

async function show(batchId) {
  const batch = await api(`/api/batches/${batchId}`);
  document.getElementById('batch-section').hidden = false;
  document.getElementById('batch-title').textContent = `Batch ${batch.name ?? batch.id} (${batch.priority})`;
  const list = document.getElementById('batch-jobs');
  list.replaceChildren(
    ...batch.jobs.map((j) => {
      const li = document.createElement('li');
      li.className = 'list-group-item d-flex justify-content-between align-items-center';
      const a = document.createElement('a');
      a.href = `/job.html?id=${j.id}`;
      a.textContent = j.prompt;
      li.append(a, statusBadge(j.status));
      return li;
    }),
  );
  if (batch.jobs.some((j) => !TERMINAL.includes(j.status))) timer = setTimeout(() => show(batchId), 1000);
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const prompts = form.prompts.value
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!prompts.length) {
    showAlert('Write at least one prompt, one per line.');
    return;
  }
  try {
    const body = { prompts, model: form.model.value, priority: form.priority.value };
    if (form.name.value.trim()) body.name = form.name.value.trim();
    const batch = await api('/api/batches', { method: 'POST', json: body });
    showAlert(`Queued ${batch.jobs.length} job(s).`, 'success');
    clearTimeout(timer);
    history.replaceState(null, '', `?id=${batch.id}`);
    show(batch.id);
  } catch (err) {
    showAlert(err.message);
  }
});

fillModels(form.model).catch((err) => showAlert(err.message));
const existing = new URLSearchParams(location.search).get('id');
if (existing) show(existing).catch((err) => showAlert(err.message));
