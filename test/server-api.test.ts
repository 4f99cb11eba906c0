/**
 * The REST API through `app.inject()`, against a real SQLite file and the real PostgreSQL, with
 * generation in worker threads: every route, its success and its error answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { ABTester, PerformanceTracker } from '../src/bench/index.js';
import { validateGlb } from './helpers/gltf-validator.js';
import { BACKENDS, waitFor } from './jobs-helpers.js';
import { parseSse, type TestServer, testServer } from './server-helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field.
type Json = Record<string, any>;

for (const backend of BACKENDS) {
  describe(`REST API on ${backend}`, () => {
    let s: TestServer;
    const post = (url: string, payload?: object) => s.app.inject({ method: 'POST', url, payload });
    const get = (url: string) => s.app.inject({ method: 'GET', url });
    // Generous: the first job of a worker thread loads the library (from source, through tsx).
    const waitStatus = (id: string, status: string) =>
      waitFor(
        async () => {
          const j = (await get(`/api/jobs/${id}`)).json() as Json;
          return j.status === status && j;
        },
        `job ${id} to be ${status}`,
        30_000,
      );

    before(async () => {
      s = await testServer(backend);
    });
    after(() => s.close());

    test('POST /api/jobs → 201 with the job; it completes and the GLB validates', async () => {
      const res = await post('/api/jobs', {
        prompt: 'a red wooden chair',
        seed: 42,
        formats: ['glb', 'obj'],
      });
      assert.equal(res.statusCode, 201);
      const job = res.json() as Json;
      assert.equal(res.headers.location, `/api/jobs/${job.id}`);
      assert.match(job.id, /^[0-9a-z]{26}$/);
      assert.equal(job.status, 'pending');
      assert.equal(job.model, 'dreamcad');
      assert.equal(job.priority, 'NORMAL');
      assert.deepEqual(job.params, { seed: 42, formats: ['glb', 'obj'] });
      const done = await waitStatus(job.id, 'completed');
      assert.equal(done.progress, 1);
      assert.equal(done.attempts, 1);
      assert.equal(done.result.seed, 42);
      assert.ok(done.result.triangleCount > 0);
      assert.equal(done.links.preview, `/api/jobs/${job.id}/download/glb`);
      const glb = await get(done.links.downloads.glb);
      assert.equal(glb.statusCode, 200);
      assert.equal(glb.headers['content-type'], 'model/gltf-binary');
      assert.match(
        String(glb.headers['content-disposition']),
        /attachment; filename="a-red-wooden-chair\.glb"/,
      );
      const report = await validateGlb(new Uint8Array(glb.rawPayload));
      assert.equal(report.errors, 0, report.messages.join('\n'));
    });

    test('bad input → 400 problem bodies that say what is wrong and what is accepted', async () => {
      const cases: [object | string, RegExp, string?][] = [
        [{}, /body\/prompt must have required property 'prompt'/],
        [
          { prompt: '' },
          /body\/prompt must NOT have fewer than 1 characters \(A description of the object: 1 to 1000/,
        ],
        [{ prompt: 'x'.repeat(1001) }, /must NOT have more than 1000 characters/],
        [{ prompt: 'ok', seed: -1 }, /body\/seed must be >= 0 \(An integer from 0 to 4294967295\.\)/],
        [{ prompt: 'ok', seed: 'abc' }, /body\/seed must be integer/],
        [{ prompt: 'ok', priority: 'asap' }, /allowed values: LOW, NORMAL, HIGH, URGENT/],
        [{ prompt: 'ok', detail: 'ultra' }, /low, medium, high/],
        [{ prompt: 'ok', colour: 'red' }, /body\/colour is not a known field \(known fields: prompt, model/],
        [{ prompt: 'ok', model: 'Nope!' }, /body\/model must match pattern/],
        [
          { prompt: 'ok', model: 'nope' },
          /Unknown model "nope"\. Available models: .*dreamcad/,
          'MODEL_NOT_FOUND',
        ],
        [{ prompt: 'bell\u0007' }, /control character \(U\+0007\)/, 'INVALID_PROMPT'],
        [{ prompt: '   ' }, /The prompt is empty/, 'INVALID_PROMPT'],
        ['{"prompt": ', /JSON/, 'FST_ERR_CTP_INVALID_JSON_BODY'],
        [
          { prompt: 'ok', meshResolution: 8 },
          /body\/meshResolution must be >= 16 \(Grid samples per axis the mesh is built on, 16 to 256/,
        ],
        [{ prompt: 'ok', meshResolution: 257 }, /body\/meshResolution must be <= 256/],
        [{ prompt: 'ok', meshResolution: 32.5 }, /body\/meshResolution must be integer/],
        [{ prompt: 'ok', pointsOnly: 'yes' }, /body\/pointsOnly must be boolean/],
        [
          { prompt: 'ok', model: 'dreamcad', pointsOnly: true },
          /Model "dreamcad" cannot return a point cloud \(pointsOnly\); models that take it: .*point-e/,
          'NOT_SUPPORTED',
        ],
        [
          { prompt: 'ok', model: 'dreamcad', meshResolution: 64 },
          /Model "dreamcad" has no mesh resolution setting \(meshResolution\); models that take it: point-e/,
          'NOT_SUPPORTED',
        ],
      ];
      for (const [payload, detail, code] of cases) {
        const res = await s.app.inject({
          method: 'POST',
          url: '/api/jobs',
          headers: { 'content-type': 'application/json' },
          payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        });
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)} → ${res.body}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        const body = res.json() as Json;
        assert.equal(body.status, 400);
        assert.equal(body.title, 'Bad Request');
        assert.equal(body.code, code ?? 'VALIDATION_FAILED');
        assert.match(body.detail, detail, JSON.stringify(payload));
      }
      const wrongType = await s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: { 'content-type': 'application/xml' },
        payload: '<prompt>a chair</prompt>',
      });
      assert.equal(wrongType.statusCode, 415);
      assert.equal(wrongType.json().status, 415);
    });

    test('GET /api/jobs filters by status and model, pages, and rejects bad filters', async () => {
      for (let i = 0; i < 3; i++) {
        assert.equal(
          (await post('/api/jobs', { prompt: `slow ${i}`, model: 'test-cube', steps: 1 })).statusCode,
          201,
        );
      }
      const all = (await get('/api/jobs?pageSize=2&page=1')).json() as Json;
      assert.equal(all.jobs.length, 2);
      assert.equal(all.pageSize, 2);
      assert.ok(all.total >= 4);
      const page2 = (await get('/api/jobs?pageSize=2&page=2')).json() as Json;
      assert.notEqual(page2.jobs[0].id, all.jobs[0].id);
      const cubes = (await get('/api/jobs?model=test-cube')).json() as Json;
      assert.equal(cubes.total, 3);
      assert.ok(cubes.jobs.every((j: Json) => j.model === 'test-cube'));
      await waitFor(
        async () => ((await get('/api/jobs?model=test-cube&status=completed')).json() as Json).total === 3,
        'cubes',
        30_000,
      );
      const multi = (await get('/api/jobs?status=completed,failed')).json() as Json;
      assert.ok(multi.jobs.every((j: Json) => ['completed', 'failed'].includes(j.status)));
      for (const bad of ['status=done', 'page=0', 'pageSize=1000', 'model=UPPER', 'sort=asc']) {
        const res = await get(`/api/jobs?${bad}`);
        assert.equal(res.statusCode, 400, bad);
        assert.equal(res.json().code, 'VALIDATION_FAILED');
      }
    });

    test('pointsOnly job: a point cloud that downloads as GLB POINTS and PLY points, not as STL', async () => {
      const res = await post('/api/jobs', { prompt: 'a cube', model: 'test-cube', pointsOnly: true });
      assert.equal(res.statusCode, 201, res.body);
      const job = res.json() as Json;
      assert.deepEqual(job.params, { pointsOnly: true });
      const done = await waitStatus(job.id, 'completed');
      assert.equal(done.result.triangleCount, 0);
      assert.equal(done.result.vertexCount, 24);
      // Only the formats that hold points are offered.
      assert.deepEqual(Object.keys(done.links.downloads).sort(), ['glb', 'ply']);
      const glb = await get(done.links.downloads.glb);
      assert.equal(glb.statusCode, 200);
      const report = await validateGlb(new Uint8Array(glb.rawPayload));
      assert.equal(report.errors, 0, report.messages.join('\n'));
      const ply = await get(done.links.downloads.ply);
      assert.equal(ply.statusCode, 200);
      assert.match(ply.rawPayload.subarray(0, 200).toString('latin1'), /element vertex 24\nproperty float x/);
      assert.doesNotMatch(ply.rawPayload.subarray(0, 300).toString('latin1'), /element face/);
      const stl = await get(`/api/jobs/${job.id}/download/stl`);
      assert.equal(stl.statusCode, 400, stl.body);
      assert.equal(stl.json().code, 'FILE_FORMAT');
      assert.match(stl.json().detail, /STL cannot hold a point cloud .*save point clouds as glb or ply/);
      const formats = (await get('/api/formats')).json() as Json[];
      assert.deepEqual(
        formats.filter((f) => f.pointClouds).map((f) => f.format),
        ['glb', 'ply'],
      );
    });

    test('GET /api/jobs/:id: 404 for an unknown id, 400 for a malformed one', async () => {
      const missing = await get('/api/jobs/00000000000000000000000000');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().code, 'JOB_NOT_FOUND');
      const bad = await get('/api/jobs/..%2F..%2Fetc%2Fpasswd');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().detail, /params\/id must match pattern/);
    });

    test('GET /api/jobs/:id/events streams progress and ends at the final state', async () => {
      const { id } = (
        await post('/api/jobs', { prompt: 'sse', model: 'test-cube', steps: 8 })
      ).json() as Json;
      const res = await get(`/api/jobs/${id}/events`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/event-stream/);
      const events = parseSse(res.body);
      const jobs = events.filter((e) => e.event === 'job').map((e) => e.data as Json);
      assert.ok(jobs.length >= 2, `${jobs.length} job events`);
      assert.equal(jobs.at(-1)!.status, 'completed');
      const progress = jobs.map((j) => j.progress);
      assert.deepEqual(
        progress,
        [...progress].sort((a, b) => a - b),
        'progress never goes back',
      );
      assert.deepEqual(events.at(-1), { event: 'end', data: { status: 'completed' } });
      assert.equal((await get('/api/jobs/00000000000000000000000000/events')).statusCode, 404);
    });

    test('downloads: every format converted on demand, then cached; bad format and state refused', async () => {
      const { id } = (await post('/api/jobs', { prompt: 'a small box', model: 'test-cube' })).json() as Json;
      const early = await get(`/api/jobs/${id}/download/glb`);
      if (early.statusCode !== 200) {
        assert.equal(early.statusCode, 409);
        assert.equal(early.json().code, 'JOB_CONFLICT');
      }
      await waitStatus(id, 'completed');
      const formats = ((await get('/api/formats')).json() as Json[]).map((f) => f.format);
      assert.ok(formats.includes('glb') && formats.includes('obj'));
      for (const format of ['obj', 'stl', 'ply']) {
        if (!formats.includes(format)) continue;
        const first = await get(`/api/jobs/${id}/download/${format}`);
        assert.equal(first.statusCode, 200, `${format}: ${first.body.slice(0, 200)}`);
        assert.equal(first.headers['x-dream-cad-cache'], 'miss');
        const second = await get(`/api/jobs/${id}/download/${format}`);
        assert.equal(second.headers['x-dream-cad-cache'], 'hit');
        assert.deepEqual(second.rawPayload, first.rawPayload);
      }
      const bad = await get(`/api/jobs/${id}/download/dwg`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().detail, /Unsupported format "dwg"\. Supported formats: glb/);
      assert.equal((await get(`/api/jobs/${id}/download/..%2Fx`)).statusCode, 400);
      assert.equal((await get('/api/jobs/00000000000000000000000000/download/glb')).statusCode, 404);
    });

    test('cancel, retry and delete, with 409 for the wrong state and 404 for unknown jobs', async () => {
      const { id } = (
        await post('/api/jobs', { prompt: 'long', model: 'test-cube', steps: 400, priority: 'URGENT' })
      ).json() as Json;
      await waitStatus(id, 'running');
      const c = await post(`/api/jobs/${id}/cancel`);
      assert.equal(c.statusCode, 200);
      assert.equal(c.json().cancelRequested, true);
      await waitStatus(id, 'cancelled');
      const r = await post(`/api/jobs/${id}/retry`);
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().status, 'pending');
      const again = await post(`/api/jobs/${id}/retry`);
      assert.ok([409].includes(again.statusCode), again.body);
      assert.match(again.json().detail, /only failed or cancelled jobs can be retried/);
      await post(`/api/jobs/${id}/cancel`);
      await waitFor(
        async () => ((await get(`/api/jobs/${id}`)).json() as Json).status === 'cancelled',
        'cancel 2',
      );

      const { id: quick } = (await post('/api/jobs', { prompt: 'quick', model: 'test-cube' })).json() as Json;
      await waitStatus(quick, 'completed');
      const late = await post(`/api/jobs/${quick}/cancel`);
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().code, 'JOB_CONFLICT');
      assert.equal((await s.env.queueOptions.storage.list(`jobs/${quick}/`)).length, 3);
      const del = await s.app.inject({ method: 'DELETE', url: `/api/jobs/${quick}` });
      assert.equal(del.statusCode, 204);
      assert.deepEqual(await s.env.queueOptions.storage.list(`jobs/${quick}/`), []);
      assert.equal((await get(`/api/jobs/${quick}`)).statusCode, 404);
      assert.equal((await s.app.inject({ method: 'DELETE', url: `/api/jobs/${quick}` })).statusCode, 404);
      assert.equal((await post('/api/jobs/00000000000000000000000000/cancel')).statusCode, 404);
      assert.equal((await post('/api/jobs/00000000000000000000000000/retry')).statusCode, 404);
    });

    test('POST /api/batches queues one job per prompt with one priority; GET returns it', async () => {
      const res = await post('/api/batches', {
        prompts: ['a chair', 'a table', 'a lamp'],
        model: 'test-cube',
        priority: 'HIGH',
        name: 'room',
      });
      assert.equal(res.statusCode, 201);
      const batch = res.json() as Json;
      assert.equal(batch.jobs.length, 3);
      assert.ok(batch.jobs.every((j: Json) => j.priority === 'HIGH' && j.batchId === batch.id));
      const got = (await get(`/api/batches/${batch.id}`)).json() as Json;
      assert.deepEqual(
        got.jobs.map((j: Json) => j.prompt),
        ['a chair', 'a table', 'a lamp'],
      );
      for (const [payload, detail] of [
        [{ prompts: [] }, /must NOT have fewer than 1 items \(One prompt per job/],
        [{ prompts: ['ok', ''] }, /body\/prompts\/1 must NOT have fewer than 1 characters/],
        [{ prompts: { a: 1 } }, /body\/prompts must be array/],
        [{ prompts: ['ok'], model: 'missing' }, /Unknown model "missing"/],
      ] as const) {
        const bad = await post('/api/batches', payload);
        assert.equal(bad.statusCode, 400, JSON.stringify(payload));
        assert.match(bad.json().detail, detail);
      }
      assert.equal((await get('/api/batches/00000000000000000000000000')).statusCode, 404);
    });

    test('GET /api/models, /api/health, /metrics, /api/docs', async () => {
      const models = (await get('/api/models')).json() as Json[];
      const dreamcad = models.find((m) => m.name === 'dreamcad')!;
      assert.equal(dreamcad.ready, true);
      assert.equal(dreamcad.canRunHere, true);
      assert.equal(dreamcad.capabilities.supportsTextTo3d, true);
      assert.equal((await get('/api/models?maxVram=abc')).statusCode, 400);
      const health = (await get('/api/health')).json() as Json;
      assert.equal(health.status, 'ok');
      assert.equal(health.database.dialect, backend);
      assert.equal(health.workers, 2);
      assert.equal(health.devices[0].kind, 'cpu');
      const metrics = await get('/metrics');
      assert.match(String(metrics.headers['content-type']), /^text\/plain/);
      for (const name of [
        'dream_cad_jobs{state="completed"}',
        'dream_cad_queue_depth',
        'dream_cad_job_duration_seconds_bucket{model="test-cube",le="+Inf"}',
        'dream_cad_http_requests_total{status="2xx"}',
      ]) {
        assert.ok(metrics.body.includes(name), `metrics lack ${name}`);
      }
      const doc = (await get('/api/docs/json')).json() as Json;
      assert.equal(doc.openapi, '3.1.0');
      for (const path of [
        '/api/jobs',
        '/api/jobs/{id}',
        '/api/jobs/{id}/cancel',
        '/api/jobs/{id}/retry',
        '/api/jobs/{id}/events',
        '/api/jobs/{id}/download/{format}',
        '/api/jobs/{id}/thumbnail',
        '/api/performance/report',
        '/api/performance/trend',
        '/api/batches',
        '/api/models',
        '/api/health',
        '/metrics',
      ]) {
        assert.ok(doc.paths[path], `OpenAPI lacks ${path}`);
      }
      assert.ok(doc.paths['/api/jobs'].post.requestBody.content['application/json'].schema.properties.prompt);
      const ui = await s.app.inject({ method: 'GET', url: '/api/docs/' });
      assert.equal(ui.statusCode, 200);
      assert.match(ui.body, /swagger/i);
      const unknown = await get('/api/nothing');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().code, 'NOT_FOUND');
    });

    test('GET /api/jobs/:id/thumbnail: 404 until completed, then a 256 px PNG; revalidates; renders a missing one', async () => {
      const { id: slow } = (
        await post('/api/jobs', { prompt: 'slow cube', model: 'test-cube', steps: 300, priority: 'URGENT' })
      ).json() as Json;
      const early = await get(`/api/jobs/${slow}/thumbnail`);
      assert.equal(early.statusCode, 404);
      assert.match(String(early.headers['content-type']), /^application\/problem\+json/);
      assert.equal(early.json().code, 'THUMBNAIL_NOT_READY');
      assert.match(
        early.json().detail,
        /is (pending|running); its thumbnail is ready once the job has completed/,
      );
      assert.equal(((await get(`/api/jobs/${slow}`)).json() as Json).links.thumbnail, null);
      await post(`/api/jobs/${slow}/cancel`);

      const { id } = (await post('/api/jobs', { prompt: 'thumb cube', model: 'test-cube' })).json() as Json;
      const done = await waitStatus(id, 'completed');
      assert.equal(done.links.thumbnail, `/api/jobs/${id}/thumbnail`);
      const png = await get(done.links.thumbnail);
      assert.equal(png.statusCode, 200);
      assert.equal(png.headers['content-type'], 'image/png');
      const meta = await sharp(png.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['png', 256, 256]);
      const { channels } = await sharp(png.rawPayload).stats();
      assert.ok(channels[0].max - channels[0].min > 60, 'the thumbnail shows the cube, not a blank square');
      const etag = String(png.headers.etag);
      const same = await s.app.inject({
        method: 'GET',
        url: done.links.thumbnail,
        headers: { 'if-none-match': etag },
      });
      assert.equal(same.statusCode, 304);
      // A completed job stored without a thumbnail (finished by an older server) gets one on request.
      const storage = s.env.queueOptions.storage;
      await storage.deletePrefix(`jobs/${id}/thumbnail.png`);
      const rendered = await get(done.links.thumbnail);
      assert.equal(rendered.statusCode, 200);
      assert.deepEqual(rendered.rawPayload.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual(await storage.list(`jobs/${id}/thumbnail`), [`jobs/${id}/thumbnail.png`]);
      const missing = await get('/api/jobs/00000000000000000000000000/thumbnail');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().code, 'JOB_NOT_FOUND');
      assert.equal((await get('/api/jobs/NOT-AN-ID/thumbnail')).statusCode, 400);
    });

    test('GET /api/performance/report, /trend and /report.html: finished jobs and A/B results', async () => {
      const { database } = s.app.services.queue.store;
      const tracker = await PerformanceTracker.open(database.db, { schema: database.schema });
      await tracker.trackAbTest(
        new ABTester().compareSamples(
          {
            modelA: 'dreamcad',
            modelB: 'test-cube',
            testPrompts: ['x'],
            primaryMetric: 'generationTimeSeconds',
          },
          { generationTimeSeconds: [1, 1.1, 1.2, 1.1, 1] },
          { generationTimeSeconds: [2, 2.1, 2.2, 2.1, 2] },
        ),
      );
      const res = await get('/api/performance/report?days=7');
      assert.equal(res.statusCode, 200);
      const report = res.json() as Json;
      assert.equal(report.days, 7);
      // Jobs completed by the tests above are copied from the jobs table on request.
      const cube = report.models.find((m: Json) => m.modelName === 'test-cube');
      const completed = ((await get('/api/jobs?status=completed&model=test-cube')).json() as Json).total;
      assert.ok(completed >= 2);
      assert.equal(
        cube.runs,
        completed + ((await get('/api/jobs?status=failed&model=test-cube')).json() as Json).total,
      );
      assert.ok(cube.medianSeconds > 0);
      assert.equal(report.abTests[0].winner, 'dreamcad');
      assert.equal(report.abTests[0].result.metrics[0].metric, 'generationTimeSeconds');
      const again = (await get('/api/performance/report?days=7')).json() as Json;
      assert.equal(
        again.models.find((m: Json) => m.modelName === 'test-cube').runs,
        cube.runs,
        'a job is recorded once',
      );

      const trend = (await get('/api/performance/trend?model=test-cube&days=30')).json() as Json;
      assert.equal(trend.modelName, 'test-cube');
      assert.equal(trend.runs, cube.runs);
      assert.equal(trend.points.length, 1);
      assert.match(trend.points[0].date, /^\d{4}-\d{2}-\d{2}$/);
      const none = (await get('/api/performance/trend?model=never-run')).json() as Json;
      assert.deepEqual([none.runs, none.points], [0, []]);

      const html = await get('/api/performance/report.html?days=7');
      assert.equal(html.statusCode, 200);
      assert.match(String(html.headers['content-type']), /^text\/html/);
      assert.match(html.body, /<svg /);
      assert.match(html.body, /test-cube/);

      for (const [url, detail] of [
        ['/api/performance/report?days=0', /querystring\/days must be >= 1/],
        ['/api/performance/report?days=abc', /querystring\/days must be integer/],
        ['/api/performance/report?colour=red', /querystring\/colour is not a known field/],
        ['/api/performance/trend', /querystring\/model must have required property 'model'/],
        ['/api/performance/trend?model=Bad!', /querystring\/model must match pattern/],
      ] as const) {
        const bad = await get(url);
        assert.equal(bad.statusCode, 400, url);
        assert.equal(bad.json().code, 'VALIDATION_FAILED');
        assert.match(bad.json().detail, detail);
      }
    });
  });
}

describe('uploads, token, rate limit, headers (SQLite)', () => {
  let s: TestServer;
  before(async () => {
    s = await testServer('sqlite', {
      apiToken: 'secret-token-0123456789',
      env: { DREAM_CAD_MAX_UPLOAD_MB: '1', DREAM_CAD_RATE_LIMIT: '0' },
    });
  });
  after(() => s.close());
  const auth = { authorization: 'Bearer secret-token-0123456789' };

  function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
    const boundary = '----dreamcadtest';
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) {
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    if (file) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="image"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
        ),
        file.data,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return {
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  test('writes need the token; reads do not', async () => {
    const denied = await s.app.inject({ method: 'POST', url: '/api/jobs', payload: { prompt: 'a chair' } });
    assert.equal(denied.statusCode, 401);
    assert.equal(denied.json().code, 'UNAUTHORIZED');
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: { authorization: 'Bearer nope' },
      payload: { prompt: 'a chair' },
    });
    assert.equal(wrong.statusCode, 401);
    const ok = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: auth,
      payload: { prompt: 'a chair' },
    });
    assert.equal(ok.statusCode, 201);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/jobs' })).statusCode, 200);
  });

  test('multipart with a reference image: sniffed, re-encoded, stored under a random name', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const body = multipart(
      { prompt: 'a red mug', seed: '5', formats: 'glb,obj', priority: 'HIGH' },
      {
        name: '../../evil.png',
        type: 'image/png',
        data: png,
      },
    );
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: { ...auth, ...body.headers },
      payload: body.payload,
    });
    assert.equal(res.statusCode, 201, res.body);
    const job = res.json() as Json;
    assert.equal(job.hasReferenceImage, true);
    assert.equal(job.priority, 'HIGH');
    assert.deepEqual(job.params, { seed: 5, formats: ['glb', 'obj'] });
    const stored = await s.env.queueOptions.uploads.list('');
    assert.equal(stored.length, 1);
    assert.match(stored[0], /^ref-[0-9a-f]{32}\.png$/);
    const meta = await sharp(await s.env.queueOptions.uploads.get(stored[0])).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 64, 48]);
  });

  test('a dreamcad job with a reference image: its colours as a palette (useImageAs)', async () => {
    // 70 % blue, 30 % orange.
    const raw = Buffer.alloc(100 * 60 * 4);
    for (let i = 0; i < 100 * 60; i++)
      raw.set(i % 100 < 70 ? [36, 89, 196, 255] : [236, 125, 31, 255], i * 4);
    const png = await sharp(raw, { raw: { width: 100, height: 60, channels: 4 } })
      .png()
      .toBuffer();
    const send = async (fields: Record<string, string>) => {
      const body = multipart(fields, { name: 'ref.png', type: 'image/png', data: png });
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: { ...auth, ...body.headers },
        payload: body.payload,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as Json;
    };
    const done = (id: string) =>
      waitFor(
        async () => {
          const j = (await s.app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json() as Json;
          return j.status === 'completed' && j;
        },
        `job ${id} to complete`,
        30_000,
      );
    const palette = await send({ prompt: 'a lamp', seed: '4' });
    assert.deepEqual(palette.params, { seed: 4 });
    const none = await send({ prompt: 'a lamp', seed: '4', useImageAs: 'none' });
    assert.deepEqual(none.params, { seed: 4, useImageAs: 'none' });

    const job = await done(palette.id);
    assert.equal(job.result.palette.source, 'image');
    assert.equal(job.result.palette.colors[0].name, 'blue');
    assert.deepEqual(
      job.result.palette.applied.map((a: Json) => [a.role, a.name, a.parts]),
      [
        ['main', 'blue', ['shade']],
        ['secondary', 'orange', ['base', 'pole']],
      ],
    );
    const stored = await s.app.services.queue.store.require(palette.id);
    assert.deepEqual(stored.result?.metadata?.palette, job.result.palette);
    const ignored = await done(none.id);
    assert.equal(ignored.result.palette, undefined);

    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: auth,
      payload: { prompt: 'a lamp', useImageAs: 'palette' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().detail, /useImageAs needs a reference image/);
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: auth,
      payload: { prompt: 'a lamp', useImageAs: 'shape' },
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.json().detail, /useImageAs must be equal to one of the allowed values: palette, none/);
  });

  test('uploads: wrong type 415, undecodable 400, too large 413, bad fields 400', async () => {
    const send = (b: ReturnType<typeof multipart>) =>
      s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: { ...auth, ...b.headers },
        payload: b.payload,
      });
    const text = await send(
      multipart(
        { prompt: 'x' },
        { name: 'a.png', type: 'image/png', data: Buffer.from('not an image at all') },
      ),
    );
    assert.equal(text.statusCode, 415);
    assert.match(text.json().detail, /PNG, JPEG or WebP/);
    const gif = await send(
      multipart({ prompt: 'x' }, { name: 'a.gif', type: 'image/gif', data: Buffer.from('GIF89a....') }),
    );
    assert.equal(gif.statusCode, 415);
    const broken = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100),
    ]);
    const bad = await send(multipart({ prompt: 'x' }, { name: 'a.png', type: 'image/png', data: broken }));
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'INVALID_IMAGE');
    const big = await send(
      multipart({ prompt: 'x' }, { name: 'a.png', type: 'image/png', data: Buffer.alloc(1.5 * 1024 * 1024) }),
    );
    assert.equal(big.statusCode, 413);
    const points = await send(multipart({ prompt: 'a cube', model: 'test-cube', pointsOnly: 'true' }));
    assert.equal(points.statusCode, 201, points.body);
    assert.deepEqual(points.json().params, { pointsOnly: true });
    const badPoints = await send(multipart({ prompt: 'a cube', model: 'test-cube', pointsOnly: 'maybe' }));
    assert.equal(badPoints.statusCode, 400);
    assert.match(badPoints.json().detail, /pointsOnly must be boolean/);
    const badGrid = await send(multipart({ prompt: 'a cube', meshResolution: '1000' }));
    assert.equal(badGrid.statusCode, 400);
    assert.match(badGrid.json().detail, /meshResolution must be <= 256/);
    const noPrompt = await send(multipart({ seed: 'x' }));
    assert.equal(noPrompt.statusCode, 400);
    assert.match(noPrompt.json().detail, /prompt/);
  });

  test('security headers with a Content-Security-Policy; problem bodies everywhere', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  test('rate limiting answers 429 with a problem body', async () => {
    const limited = await testServer('sqlite', { rateLimit: 3, workers: 0 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await limited.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
    assert.deepEqual(codes, [200, 200, 200, 429]);
    const res = await limited.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.json().code, 'RATE_LIMITED');
    await limited.close();
  });
});
