/**
 * A worker process killed with SIGKILL mid-job loses its lease; the job is retried by another worker
 * and completes with exactly one artifact set. Also: generation in worker threads keeps the event
 * loop free, reports progress and honours cancellation.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import '../src/index.js';
import './jobs-fixture-model.js';
import { ThreadExecutor } from '../src/jobs/executor.js';
import { BatchProcessor } from '../src/jobs/processor.js';
import { ResourceManager } from '../src/jobs/resources.js';
import { jobKeys } from '../src/jobs/storage.js';
import { exponentialBackoff } from '../src/jobs/store.js';
import { JobPriority } from '../src/jobs/types.js';
import { BACKENDS, testEnv, waitFor } from './jobs-helpers.js';

const root = new URL('..', import.meta.url);
const src = (p: string) => new URL(p, root).href;
const cpuOnly = () => new ResourceManager({ queryGpus: () => [] });
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** A separate worker process on the same database, running the test model. */
function spawnWorker(dir: string, options: object, workerId: string): ChildProcess {
  const script = join(dir, 'worker.mts');
  writeFileSync(
    script,
    `import '${src('src/index.ts')}';
import '${src('test/jobs-fixture-model.ts')}';
import { JobQueue, BatchProcessor, ResourceManager, LocalFolderStorage } from '${src('src/jobs/index.ts')}';
const o = JSON.parse(process.env.QUEUE_OPTIONS);
const queue = await JobQueue.open({ ...o, storage: new LocalFolderStorage(o.storage), uploads: new LocalFolderStorage(o.uploads) });
const processor = new BatchProcessor(queue, new ResourceManager({ queryGpus: () => [] }), { workerId: ${JSON.stringify(workerId)}, leaseMs: 1000, pollMs: 20 });
processor.startProcessing(1);
console.log('ready');
`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: new URL('.', root).pathname,
    env: { ...process.env, QUEUE_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

for (const backend of BACKENDS) {
  describe(`crash recovery on ${backend}`, () => {
    test('SIGKILL mid-job: another worker completes it, with exactly one artifact', async () => {
      const env = testEnv(backend, 'crash');
      const queue = await env.open({ maxAttempts: 3 });
      const id = await queue.addJob({
        prompt: 'survive a crash',
        modelName: 'test-cube',
        config: { steps: 100, delayMs: 20 },
      });
      const { storage, uploads, ...rest } = env.queueOptions;
      const child = spawnWorker(env.dir, { ...rest, storage: storage.root, uploads: uploads.root }, 'doomed');
      const running = await waitFor(
        async () => {
          const j = await queue.getJob(id);
          return (
            j?.status === 'running' && j.leaseOwner === 'doomed' && /step ([3-9]|\d\d)/.test(j.stage) && j
          );
        },
        'the child worker to be mid-job',
        20_000,
      );
      assert.equal(running.attempts, 1);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const survivor = new BatchProcessor(queue, cpuOnly(), {
        workerId: 'survivor',
        leaseMs: 1000,
        pollMs: 20,
        backoff: exponentialBackoff({ baseMs: 100 }),
      });
      survivor.startProcessing(1);
      const done = await waitFor(
        async () => {
          const j = await queue.getJob(id);
          return j?.status === 'completed' && j;
        },
        'the survivor to complete the job',
        20_000,
      );
      await survivor.close();
      assert.equal(done.attempts, 2);
      assert.equal(done.result?.workerId, 'survivor');
      assert.deepEqual(await queue.storage.list(jobKeys.folder(id)), [
        jobKeys.download(id, 'glb', 'glb'),
        jobKeys.master(id),
        jobKeys.thumbnail(id),
      ]);
      // No half-written temporary files either.
      const files = readdirSync(join(env.dir, 'outputs'), { recursive: true }) as string[];
      assert.deepEqual(
        files.filter((f) => f.includes('.tmp-')),
        [],
      );
      await queue.close();
      await env.cleanup();
    });
  });
}

describe('worker threads', () => {
  test('generation runs off the event loop, reports progress and can be cancelled', async () => {
    const env = testEnv('sqlite', 'threads');
    const queue = await env.open();
    const executor = new ThreadExecutor({
      threads: 2,
      modules: [pathToFileURL(new URL('./jobs-fixture-model.ts', import.meta.url).pathname).href],
    });
    const processor = new BatchProcessor(queue, cpuOnly(), { executor, pollMs: 10, heartbeatMs: 50 });
    const stages = new Set<string>();
    queue.store.on('change', async (jid) => {
      const j = await queue.getJob(jid);
      if (j) stages.add(j.stage);
    });
    // Four steps of 250 ms of pure CPU each: on the main thread this would block it for a second.
    const busy = await queue.addJob({
      prompt: 'busy',
      modelName: 'test-cube',
      config: { steps: 4, busyMs: 250 },
      priority: JobPriority.URGENT,
    });
    const slow = await queue.addJob({
      prompt: 'slow',
      modelName: 'test-cube',
      config: { steps: 500, delayMs: 10 },
    });
    processor.startProcessing(2);
    let maxLag = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last - 10);
      last = now;
    }, 10);
    await waitFor(async () => (await queue.getJob(slow))?.status === 'running', 'the slow job to start');
    await queue.cancelJob(slow);
    const done = await waitFor(
      async () => {
        const j = await queue.getJob(busy);
        return j?.status === 'completed' && j;
      },
      'the busy job',
      15_000,
    );
    clearInterval(ticker);
    await waitFor(async () => (await queue.getJob(slow))?.status === 'cancelled', 'the cancel', 5000);
    await processor.close();
    assert.equal(done.result?.triangleCount, 12);
    assert.ok(maxLag < 200, `event loop stalled for ${maxLag.toFixed(0)} ms`);
    assert.ok(
      [...stages].some((s) => s.startsWith('step')),
      `progress stages seen: ${[...stages]}`,
    );
    await queue.close();
    await env.cleanup();
  });
});
