/**
 * The web app in headless Chromium (Debian's /usr/bin/chromium through playwright-core): type a
 * prompt, submit, watch progress, see the 3D preview drawn, download the GLB and validate it. Also:
 * client-side image checks, the other pages (history with thumbnails, performance with charts and
 * A/B results), keyboard-only use, axe-core on every page, and no CSP violations or console errors.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { ABTester, PerformanceTracker } from '../src/bench/index.js';
import { validateGlb } from './helpers/gltf-validator.js';
import { type TestServer, testServer } from './server-helpers.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const CHROMIUM = '/usr/bin/chromium';
// biome-ignore lint/suspicious/noExplicitAny: the page's DOM, untyped here (no DOM lib in this project).
declare const doc: () => any;
/** Screenshots land here so a person (or a reviewer) can look at them after the run. */
export const SHOT_DIR = join(process.env.DREAM_CAD_TEST_OUTPUT ?? '/tmp/dream-cad-test-output', 'web');

describe('web app in Chromium', { skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed` }, () => {
  let s: TestServer;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];
  /** Job ids the tests create, for the accessibility pass. */
  const jobs: { completed?: string } = {};

  before(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    s = await testServer('sqlite', { env: { DREAM_CAD_RATE_LIMIT: '0' } });
    base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        // Software WebGL so <model-viewer> can draw without a GPU.
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${path} (${page.url()}): ${e.message} ${e.stack ?? ''}`));
    page.on('requestfailed', (r) => {
      // EventSource streams are closed on purpose when a page moves on.
      if (!r.url().includes('/events')) problems.push(`${path}: request failed ${r.url()}`);
    });
    // Defines `doc()` for the predicates below; init scripts come from the browser's debugging
    // protocol, not from the page, so the page's CSP does not apply to them.
    await page.addInitScript('globalThis.doc = () => document;');
    await page.goto(base + path);
    return page;
  }

  const axeResults: Record<string, { violations: string[]; passes: number }> = {};
  /**
   * Runs axe-core on a page as it is now, at desktop width and, with `phone`, again at a phone's
   * width (tables scroll, the navigation wraps). axe goes in through the debugging protocol
   * (`evaluate`), which the page's CSP does not govern; a `<script>` tag would be refused by it.
   */
  async function axeAudit(page: Page, label: string, phone = false): Promise<void> {
    // biome-ignore lint/suspicious/noExplicitAny: axe's global.
    if (!(await page.evaluate(() => typeof (globalThis as any).axe === 'object'))) {
      await page.evaluate(AXE_SOURCE);
    }
    const size = page.viewportSize();
    for (const width of phone ? [1280, 390] : [1280]) {
      await page.setViewportSize({ width, height: 900 });
      axeResults[`${label} @${width}px`] = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe's global, injected above.
        const out = await (globalThis as any).axe.run(doc());
        return {
          passes: out.passes.length as number,
          violations: out.violations.map(
            (v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) =>
              `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ) as string[],
        };
      });
    }
    if (size) await page.setViewportSize(size);
  }

  test('prompt → job page with live progress → 3D preview drawn → GLB download validates', async () => {
    const page = await open('/');
    await page.waitForSelector('#model option[value="dreamcad"]', { state: 'attached' });
    await page.getByLabel('Prompt', { exact: true }).fill('a red wooden chair');
    await page.getByLabel('Seed', { exact: true }).fill('42');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.waitForURL(/\/job\.html\?id=[0-9a-z]{26}$/);
    jobs.completed = new URL(page.url()).searchParams.get('id')!;
    // Predicates run in the page; `doc()` stands in for `document`, since this file is type-checked
    // without the DOM library (and string predicates would need 'unsafe-eval', which the CSP forbids).
    await page.waitForFunction(() => doc().querySelector('#job-status')?.textContent === 'completed', null, {
      timeout: 20_000,
    });
    assert.equal(await page.locator('#job-percent').textContent(), '100%');
    // The preview: model-viewer loaded the GLB and drew something that is not a blank canvas.
    await page.waitForFunction(() => doc().querySelector('model-viewer')?.loaded === true, null, {
      timeout: 20_000,
    });
    await page.waitForTimeout(500);
    const shot = await page.locator('model-viewer').screenshot();
    const stats = await sharp(shot).stats();
    const spread = Math.max(...stats.channels.slice(0, 3).map((c) => c.max - c.min));
    assert.ok(spread > 60, `the 3D preview looks blank (channel spread ${spread})`);
    writeFileSync(join(SHOT_DIR, 'viewer.png'), shot);
    await page.screenshot({ path: join(SHOT_DIR, 'job.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-format="glb"]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'a-red-wooden-chair.glb');
    const file = join(SHOT_DIR, 'download.glb');
    await download.saveAs(file);
    const report = await validateGlb(new Uint8Array(readFileSync(file)));
    assert.equal(report.errors, 0, report.messages.join('\n'));
    // "Generate again with this seed" carries prompt, model and seed back to the form.
    const again = await page.locator('#again').getAttribute('href');
    assert.match(again!, /prompt=a\+red\+wooden\+chair/);
    assert.match(again!, /seed=42/);
    // A still preview for axe: software WebGL redrawing every frame would slow it down eightfold.
    await page.evaluate(() => doc().querySelector('model-viewer').removeAttribute('auto-rotate'));
    await axeAudit(page, 'job (completed, 3D preview)', true);
    await page.close();
  });

  test('the reference image is checked in the browser before upload', async () => {
    const page = await open('/');
    await page.waitForSelector('#model option[value="dreamcad"]', { state: 'attached' });
    await axeAudit(page, 'generate', true);
    assert.equal(await page.getByLabel('Use the image as').isDisabled(), true, 'no image yet');
    await page.setInputFiles('#image', {
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not an image'),
    });
    await page.waitForFunction(() =>
      doc().querySelector('#image-error')?.textContent?.includes('is not a PNG'),
    );
    await axeAudit(page, 'generate, image refused');
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    await page.setInputFiles('#image', { name: 'ref.png', mimeType: 'image/png', buffer: png });
    await page.waitForSelector('#image-preview:not([hidden])');
    assert.equal(await page.locator('#image-error').textContent(), '');
    // The image's use is chosen next to it, and sent with the job.
    const use = page.getByLabel('Use the image as');
    assert.equal(await use.isEnabled(), true);
    assert.equal(await use.inputValue(), 'palette');
    await use.selectOption('none');
    await page.getByLabel('Prompt', { exact: true }).fill('a green cube');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.waitForURL(/\/job\.html/);
    const id = new URL(page.url()).searchParams.get('id')!;
    const job = (await s.app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json();
    assert.equal(job.hasReferenceImage, true);
    assert.equal(job.params.useImageAs, 'none');
    await page.screenshot({ path: join(SHOT_DIR, 'generate.png') });
    await page.close();
  });

  test('history (with thumbnails), batch and models pages work', async () => {
    const batch = await open('/batch.html');
    await batch.waitForSelector('#model option[value="dreamcad"]', { state: 'attached' });
    await batch.getByLabel('Prompts, one per line').fill('a mug\na lamp');
    await batch.getByRole('button', { name: 'Queue batch' }).click();
    await batch.waitForFunction(() => doc().querySelectorAll('#batch-jobs li').length === 2);
    await axeAudit(batch, 'batch, queued', true);
    await batch.close();
    const history = await open('/history.html');
    await history.waitForFunction(() => /job\(s\)/.test(doc().querySelector('#summary')?.textContent ?? ''));
    assert.ok((await history.locator('#jobs tr').count()) >= 3);
    // Completed jobs show the 256 px thumbnail rendered when they completed.
    const chairRow = `#job-${jobs.completed}`;
    await history.waitForFunction(
      (row) => {
        const img = doc().querySelector(`${row} img.job-thumb`);
        return img?.complete && img.naturalWidth === 256;
      },
      chairRow,
      { timeout: 10_000 },
    );
    writeFileSync(
      join(SHOT_DIR, 'thumbnail.png'),
      (await s.app.inject({ method: 'GET', url: `/api/jobs/${jobs.completed}/thumbnail` })).rawPayload,
    );
    await history.screenshot({ path: join(SHOT_DIR, 'history.png') });
    await axeAudit(history, 'history', true);
    await history.close();
    const models = await open('/models.html');
    await models.waitForSelector('#models tr');
    assert.match((await models.locator('#models').textContent()) ?? '', /dreamcad/);
    await axeAudit(models, 'models', true);
    await models.close();
  });

  test('performance page: trend charts drawn in the page and the latest A/B results', async () => {
    const tracker = await PerformanceTracker.open(s.app.services.queue.store.database.db);
    await tracker.trackAbTest(
      new ABTester().compareSamples(
        {
          modelA: 'dreamcad',
          modelB: 'test-cube',
          testPrompts: ['a chair'],
          primaryMetric: 'generationTimeSeconds',
        },
        {
          generationTimeSeconds: [0.011, 0.012, 0.01, 0.013, 0.012],
          overallMeshQuality: [90, 92, 91, 93, 90],
        },
        { generationTimeSeconds: [0.2, 0.21, 0.22, 0.19, 0.2], overallMeshQuality: [91, 90, 92, 91, 93] },
      ),
    );
    const page = await open('/performance.html?model=dreamcad&days=7');
    // The completed jobs of the tests above are today's point: a dot on the time chart, a bar of runs.
    await page.waitForSelector('#chart-time svg circle');
    await page.waitForSelector('#chart-runs svg rect');
    assert.equal(await page.locator('#model').inputValue(), 'dreamcad');
    assert.equal(await page.locator('#days').inputValue(), '7');
    assert.match((await page.locator('#trend-summary').textContent()) ?? '', /run\(s\) in the last 7 days/);
    const label = await page.locator('#chart-time svg').getAttribute('aria-label');
    assert.match(label ?? '', /^Median generation time: 1 day\(s\)/);
    assert.match((await page.locator('#models-table').textContent()) ?? '', /dreamcad/);
    const ab = (await page.locator('#ab-table tr').first().textContent()) ?? '';
    assert.match(ab, /dreamcadtest-cubedreamcad/, 'A, B and the winner (the faster model)');
    assert.match(ab, /generationTimeSeconds: A 0\.012 vs B 0\.204, Welch p = /);
    assert.match(ab, /overallMeshQuality: .*d = /);
    assert.equal(
      await page.locator('#html-report').getAttribute('href'),
      '/api/performance/report.html?days=7',
    );
    await page.screenshot({ path: join(SHOT_DIR, 'performance.png'), fullPage: true });
    await axeAudit(page, 'performance', true);
    // Another model from the picker reloads with its own (empty) trend.
    await page.locator('#model').selectOption('test-cube');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/model=test-cube/);
    await page.waitForFunction(() =>
      /No runs of test-cube/.test(doc().querySelector('#trend-summary')?.textContent),
    );
    await page.close();
  });

  test('model-specific fields: mesh resolution and point cloud only follow the model; a points job downloads as GLB and PLY', async () => {
    const page = await open('/');
    await page.waitForSelector('#model option[value="test-cube"]', { state: 'attached' });
    const shown = () =>
      page.evaluate(() => [
        !doc().getElementById('meshResolution-field').hidden,
        !doc().getElementById('pointsOnly-field').hidden,
      ]);
    await page.locator('#model').selectOption('dreamcad');
    assert.deepEqual(await shown(), [false, false]);
    // test-cube declares both (as point-e does; point-e itself is not selectable without weights).
    await page.locator('#model').selectOption('test-cube');
    assert.deepEqual(await shown(), [true, true]);
    assert.equal(await page.getAttribute('#meshResolution', 'min'), '16');
    assert.equal(await page.getAttribute('#meshResolution', 'max'), '256');
    assert.equal(await page.getAttribute('#meshResolution', 'placeholder'), 'default 64');
    await page.getByLabel('Mesh resolution').fill('48');
    await page.getByLabel('Point cloud only').check();
    await axeAudit(page, 'generate, model-specific fields', true);
    await page.locator('#prompt').fill('a cube as points');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.waitForURL(/\/job\.html\?id=/);
    const id = new URL(page.url()).searchParams.get('id')!;
    const job = (await s.app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json() as {
      params: Record<string, unknown>;
    };
    assert.equal(job.params.pointsOnly, true);
    assert.equal(job.params.meshResolution, 48);
    await page.waitForSelector('#downloads a', { timeout: 30_000 });
    const formats = await page.$$eval('#downloads a', (as) => as.map((a) => a.getAttribute('data-format')));
    assert.deepEqual(formats.sort(), ['glb', 'ply']);
    await page.close();
  });

  test('keyboard only: skip link, every field in order, submit with Enter', async () => {
    const page = await open('/');
    await page.waitForSelector('#model option[value="dreamcad"]', { state: 'attached' });
    const focused = () =>
      page.evaluate(() => doc().activeElement?.id || doc().activeElement?.textContent?.trim());
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'prompt', 'the skip link leads straight to the form');
    await page.keyboard.type('a small blue vase');
    const order: string[] = [];
    for (let i = 0; i < 40 && order.at(-1) !== 'submit'; i++) {
      await page.keyboard.press('Tab');
      order.push(String(await focused()));
    }
    const expected = [
      'negativePrompt',
      'model',
      'image',
      'seed',
      'priority',
      'steps',
      'guidance',
      'detail',
      'submit',
    ];
    assert.deepEqual(
      order.filter((id) => expected.includes(id)),
      expected,
      `tab order: ${order.join(', ')}`,
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/job\.html\?id=/);
    await page.close();
  });

  test('axe-core: no accessibility violations on any page, in any state the tests reach', async () => {
    // Pages the other tests did not leave in the state to check.
    const running = (
      await s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        payload: { prompt: 'a slow cube', model: 'test-cube', steps: 500 },
      })
    ).json().id;
    const job = await open(`/job.html?id=${running}`);
    await job.waitForFunction(() => doc().querySelector('#job-status')?.textContent === 'running');
    await axeAudit(job, 'job (running: cancel button, progress)', true);
    await job.close();
    await s.app.inject({ method: 'POST', url: `/api/jobs/${running}/cancel` });
    // Not through open(): the browser logs the API's 404 for the unknown job as a console error.
    const unknown = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await unknown.addInitScript('globalThis.doc = () => document;');
    await unknown.goto(`${base}/job.html?id=00000000000000000000000000`);
    await unknown.waitForFunction(() => doc().querySelector('#alert')?.textContent);
    await axeAudit(unknown, 'job (unknown id)');
    await unknown.close();

    writeFileSync(join(SHOT_DIR, 'axe.json'), `${JSON.stringify(axeResults, null, 2)}\n`);
    const audited = Object.keys(axeResults).map((k) => k.replace(/ @\d+px$/, ''));
    for (const page of ['generate', 'generate, image refused', 'job (completed, 3D preview)', 'history']) {
      assert.ok(audited.includes(page), `axe did not see "${page}"`);
    }
    for (const page of ['batch, queued', 'models', 'performance', 'job (running: cancel button, progress)']) {
      assert.ok(audited.includes(page), `axe did not see "${page}"`);
    }
    const violations = Object.entries(axeResults).flatMap(([page, r]) =>
      r.violations.map((v) => `${page}: ${v}`),
    );
    assert.deepEqual(violations, []);
    assert.ok(
      Object.values(axeResults).every((r) => r.passes > 10),
      'axe ran its rules on every page',
    );
  });

  test('no console errors, failed requests or CSP violations on any page', () => {
    assert.deepEqual(problems, []);
  });
});
