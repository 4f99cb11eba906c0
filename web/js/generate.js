import { api, fillModels, getToken, setToken, showAlert } from './api.js';

const form = document.getElementById('generate-form');
const fileInput = document.getElementById('image');
const dropZone = document.getElementById('drop-zone');
const preview = document.getElementById('image-preview');
const clearBtn = document.getElementById('image-clear');
const imageError = document.getElementById('image-error');
const useImageAs = document.getElementById('useImageAs');
const tokenInput = document.getElementById('token');
const meshField = document.getElementById('meshResolution-field');
const pointsField = document.getElementById('pointsOnly-field');
let maxBytes = 10 * 1024 * 1024;
let image = null;

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];

/** Checks the first bytes like the server does: PNG, JPEG or WebP only. */
async function sniff(file) {
  const b = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const ascii = String.fromCharCode(...b);
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

async function takeFile(file) {
  imageError.textContent = '';
  if (!file) return clearImage();
  if (!ACCEPTED.includes(file.type) || !(await sniff(file))) {
    clearImage();
    imageError.textContent = `"${file.name}" is not a PNG, JPEG or WebP image.`;
    return;
  }
  if (file.size > maxBytes) {
    clearImage();
    imageError.textContent = `"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB.`;
    return;
  }
  image = file;
  if (preview.src) URL.revokeObjectURL(preview.src);
  preview.src = URL.createObjectURL(file);
  preview.hidden = false;
  clearBtn.hidden = false;
  useImageAs.disabled = false;
}

function clearImage() {
  image = null;
  fileInput.value = '';
  preview.hidden = true;
  clearBtn.hidden = true;
  useImageAs.disabled = true;
}

fileInput.addEventListener('change', () => takeFile(fileInput.files[0]));
clearBtn.addEventListener('click', clearImage);
for (const type of ['dragenter', 'dragover']) {
  dropZone.addEventListener(type, (e) => {
    e.preventDefault();
    dropZone.classList.add('dragover');
  });
}
for (const type of ['dragleave', 'drop']) {
  dropZone.addEventListener(type, () => dropZone.classList.remove('dragover'));
}
dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  takeFile(e.dataTransfer.files[0]);
});

tokenInput.value = getToken();
tokenInput.addEventListener('change', () => setToken(tokenInput.value.trim()));

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const prompt = form.prompt.value.trim();
  form.prompt.classList.toggle('is-invalid', !prompt);
  if (!prompt) {
    form.prompt.focus();
    return;
  }
  const fields = { prompt, model: form.model.value, priority: form.priority.value };
  if (form.negativePrompt.value.trim()) fields.negativePrompt = form.negativePrompt.value.trim();
  for (const k of ['seed', 'steps', 'guidance']) if (form[k].value !== '') fields[k] = Number(form[k].value);
  // Model-specific settings are sent only when the chosen model shows them.
  if (!meshField.hidden && form.meshResolution.value !== '')
    fields.meshResolution = Number(form.meshResolution.value);
  if (!pointsField.hidden && form.pointsOnly.checked) fields.pointsOnly = true;
  if (form.detail.value) fields.detail = form.detail.value;
  const formats = [...document.querySelectorAll('#formats input:checked')].map((i) => i.value);
  if (formats.length) fields.formats = formats;
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    let job;
    if (image) {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.append(k, Array.isArray(v) ? v.join(',') : String(v));
      data.append('useImageAs', useImageAs.value);
      data.append('image', image, image.name);
      job = await api('/api/jobs', { method: 'POST', form: data });
    } else {
      job = await api('/api/jobs', { method: 'POST', json: fields });
    }
    location.href = `/job.html?id=${job.id}`;
  } catch (err) {
    showAlert(err.message);
    button.disabled = false;
  }
});

async function init() {
  const params = new URLSearchParams(location.search);
  try {
    const [health, formats] = await Promise.all([api('/api/health'), api('/api/formats')]);
    maxBytes = health.limits.maxUploadMb * 1024 * 1024;
    document.getElementById('max-mb').textContent = String(health.limits.maxUploadMb);
    const box = document.getElementById('formats');
    for (const f of formats) {
      const id = `format-${f.format}`;
      const wrap = document.createElement('div');
      wrap.className = 'form-check';
      wrap.innerHTML = `<input class="form-check-input" type="checkbox" id="${id}" value="${f.format}"><label class="form-check-label" for="${id}"></label>`;
      wrap.querySelector('label').textContent = f.format.toUpperCase();
      wrap.querySelector('input').checked = f.format === 'glb';
      box.append(wrap);
    }
    const models = await fillModels(form.model, { selected: params.get('model') ?? undefined });
    const help = document.getElementById('model-help');
    const describe = () => {
      const m = models.find((x) => x.name === form.model.value);
      help.textContent = m ? (m.capabilities.description ?? '') : '';
      // Fields for settings only some models have (capabilities.meshResolution, supportsPointsOnly).
      const mesh = m?.capabilities.meshResolution;
      meshField.hidden = !mesh;
      if (mesh) {
        form.meshResolution.min = String(mesh.min);
        form.meshResolution.max = String(mesh.max);
        form.meshResolution.placeholder = `default ${mesh.default}`;
        document.getElementById('meshResolution-help').textContent =
          `Grid samples per axis, ${mesh.min} to ${mesh.max}.`;
      }
      pointsField.hidden = !m?.capabilities.supportsPointsOnly;
    };
    form.model.addEventListener('change', describe);
    describe();
  } catch (err) {
    showAlert(`Could not reach the server: ${err.message}`);
  }
  if (params.get('prompt')) form.prompt.value = params.get('prompt');
  if (params.get('seed')) form.seed.value = params.get('seed');
}
init();
