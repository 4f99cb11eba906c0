// Small client for the Dream-CAD REST API, shared by every page.

/** The API token saved in this browser, if any. */
export function getToken() {
  return localStorage.getItem('dreamcadToken') ?? '';
}

export function setToken(token) {
  if (token) localStorage.setItem('dreamcadToken', token);
  else localStorage.removeItem('dreamcadToken');
}

/** Calls the API; throws an Error with the problem body's detail on failure. */
export async function api(path, { method = 'GET', json, form } = {}) {
  const headers = {};
  const token = getToken();
  if (token && method !== 'GET') headers.authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) body = form;
  const res = await fetch(path, { method, headers, body });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(data.detail ?? `${res.status} ${res.statusText}`);
    err.problem = data;
    throw err;
  }
  return data;
}

/** Shows a dismissible alert in the page's #alert region. */
export function showAlert(message, kind = 'danger') {
  const box = document.getElementById('alert');
  if (!box) return;
  box.replaceChildren();
  if (!message) return;
  const div = document.createElement('div');
  div.className = `alert alert-${kind}`;
  div.textContent = message;
  box.append(div);
}

const BADGES = {
  pending: 'text-bg-secondary',
  running: 'text-bg-primary',
  completed: 'text-bg-success',
  failed: 'text-bg-danger',
  cancelled: 'text-bg-warning',
};

/** A coloured status badge. */
export function statusBadge(status) {
  const span = document.createElement('span');
  span.className = `badge ${BADGES[status] ?? 'text-bg-light'}`;
  span.textContent = status;
  return span;
}

export const TERMINAL = ['completed', 'failed', 'cancelled'];

/** Fills a <select> with the models, each labelled with what it can do and whether it is ready. */
export async function fillModels(select, { any = false, selected } = {}) {
  const models = await api('/api/models');
  select.replaceChildren();
  if (any) select.append(new Option('Any', ''));
  for (const m of models) {
    const c = m.capabilities;
    const input = [c.supportsTextTo3d && 'text', c.supportsImageTo3d && 'image'].filter(Boolean).join(' + ');
    const ready = m.ready && m.canRunHere ? 'ready' : `not ready${m.reason ? `: ${m.reason}` : ''}`;
    const label = any
      ? m.name
      : `${m.name} — ${input}, ${c.minVramGb ? `${c.minVramGb} GB VRAM` : 'CPU'}, ${ready}`;
    const opt = new Option(label, m.name);
    if (!any && !(m.ready && m.canRunHere)) opt.disabled = true;
    select.append(opt);
  }
  if (selected) select.value = selected;
  return models;
}
