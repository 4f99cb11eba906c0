import { api } from './api.js';

const form = document.getElementById('vram-form');

async function load() {
  const vram = new URLSearchParams(location.search).get('vram');
  if (vram) form.vram.value = vram;
  const models = await api(`/api/models${vram ? `?maxVram=${encodeURIComponent(vram)}` : ''}`);
  const body = document.getElementById('models');
  body.replaceChildren(
    ...models.map((m) => {
      const c = m.capabilities;
      const tr = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = m.name;
      const desc = document.createElement('div');
      desc.className = 'small text-body-secondary fw-normal';
      desc.textContent = c.description ?? '';
      name.append(desc);
      tr.append(name);
      const cells = [
        [c.supportsTextTo3d && 'text', c.supportsImageTo3d && 'image'].filter(Boolean).join(', '),
        c.minVramGb ? `${c.minVramGb} GB` : 'none (CPU)',
        c.outputFormats.join(', '),
        c.typicalGenerationTime,
        m.ready && m.canRunHere ? 'yes' : `no${m.reason ? ` — ${m.reason}` : ''}`,
      ];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  location.search = form.vram.value ? `vram=${encodeURIComponent(form.vram.value)}` : '';
});
load();
