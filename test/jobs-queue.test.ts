/**
 * The durable queue against a real SQLite file and the real PostgreSQL: priorities, batches,
 * leases (expiry, takeover, never two owners), cancel, retry with backoff, attempts, restarts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import '../src/index.js';
import './jobs-fixture-model.js';
import { JobStateError } from '../src/jobs/errors.js';
import { BatchProcessor } from '../src/jobs/processor.js';
import type { JobQueue } from '../src/jobs/queue.js';
import { ResourceManager } from '../src/jobs/resources.js';
import { jobKeys } from '../src/jobs/storage.js';
import { exponentialBackoff } from '../src/jobs/store.js';
import { JobPriority } from '../src/jobs/types.js';
import { BACKENDS, type TestEnv, testEnv, waitFor } from './jobs-helpers.js';

const cpuOnly = () => new ResourceManager({ queryGpus: () => [] });

for (const backend of BACKENDS) {
  describe(`job queue on ${backend}`, () => {
    let env: TestEnv;
    let queue: JobQueue;
    before(async () => {
      env = testEnv(backend, 'queue');
      queue = await env.open({ maxAttempts: 3 });
    });
    after(async () => {
      await queue.close();
      await env.cleanup();
    });

    test('migrations are idempotent: a second open of the same database works', async () => {
      const again = await env.open();
      assert.equal(again.dialect, backend);
      await again.close();
    });

    test('claims by priority (URGENT > HIGH > NORMAL > LOW), then oldest first', async () => {
      const low = await queue.addJob({ prompt: 'low', modelName: 'test-cube', priority: JobPriority.LOW });
      const n1 = await queue.addJob({ prompt: 'n1', modelName: 'test-cube' });
      const urgent = await queue.addJob({
        prompt: 'u',
        modelName: 'test-cube',
        priority: JobPriority.URGENT,
      });
      const n2 = await queue.addJob({ prompt: 'n2', modelName: 'test-cube' });
      const high = await queue.addJob({ prompt: 'h', modelName: 'test-cube', priority: JobPriority.HIGH });
      const order: string[] = [];
      for (;;) {
        const job = await queue.getNextJob('w', 60_000);
        if (!job) break;
        order.push(job.id);
        assert.equal(job.status, 'running');
        assert.equal(job.attempts, 1);
        assert.ok(job.startedAt! >= job.createdAt);
        await queue.updateJobStatus(job.id, 'completed');
      }
      assert.deepEqual(order, [urgent, high, n1, n2, low]);
      assert.equal(await queue.getJobStatus(low), 'completed');
      assert.equal(await queue.getJobStatus('nope'), undefined);
    });

    test('a batch is created atomically with one priority, ids in prompt order', async () => {
      const ids = await queue.createBatch(['chair', 'table', 'lamp'], 'test-cube', {
        priority: JobPriority.HIGH,
        seed: 7,
        name: 'furniture',
      });
      assert.equal(ids.length, 3);
      const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
      assert.deepEqual(
        jobs.map((j) => j!.prompt),
        ['chair', 'table', 'lamp'],
      );
      const batchId = jobs[0]!.batchId!;
      assert.ok(jobs.every((j) => j!.batchId === batchId && j!.priority === JobPriority.HIGH));
      assert.equal(jobs[0]!.config.seed, 7);
      const batch = await queue.store.getBatch(batchId);
      assert.deepEqual(batch?.jobIds, ids);
      assert.equal(batch?.name, 'furniture');
      const page = await queue.listJobs({ batchId, pageSize: 2 });
      assert.equal(page.total, 3);
      assert.equal(page.jobs.length, 2);
      for (const id of ids) await queue.deleteJob(id);
    });

    test('concurrent claimers never take the same job', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 30; i++) ids.add(await queue.addJob({ prompt: `c${i}`, modelName: 'test-cube' }));
      const claimed: string[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (;;) {
            const job = await queue.getNextJob(`worker-${w}`, 60_000);
            if (!job) return;
            claimed.push(job.id);
          }
        }),
      );
      assert.equal(claimed.length, 30);
      assert.equal(new Set(claimed).size, 30);
      assert.deepEqual(new Set(claimed), ids);
      for (const id of ids) await queue.deleteJob(id);
    });

    test('an expired lease is recovered with backoff; the old owner can no longer write', async () => {
      const id = await queue.addJob({ prompt: 'lease', modelName: 'test-cube' });
      const a = await queue.getNextJob('A', 50);
      assert.equal(a?.id, id);
      // A second claimer sees nothing while the lease is live.
      assert.equal(await queue.getNextJob('B', 50), undefined);
      await new Promise((r) => setTimeout(r, 80));
      const backoff = exponentialBackoff({ baseMs: 150 });
      const t0 = Date.now();
      const rec = await queue.store.recoverExpired(backoff);
      assert.equal(rec.requeued, 1);
      const pending = await queue.getJob(id);
      assert.equal(pending?.status, 'pending');
      assert.equal(pending?.errorCode, 'LEASE_EXPIRED');
      assert.match(pending!.error!, /Worker A stopped responding/);
      assert.ok(pending!.runAfter >= t0 + 150);
      // Backoff: not claimable yet.
      assert.equal(await queue.getNextJob('B', 10_000), undefined);
      const hb = await queue.store.heartbeat(id, 'A', 1000, { fraction: 0.5, stage: 'x' });
      assert.equal(hb.owned, false);
      const b = await waitFor(() => queue.getNextJob('B', 10_000), 'the retry to become claimable', 2000);
      assert.equal(b.id, id);
      assert.equal(b.attempts, 2);
      assert.equal(await queue.store.complete(id, 'A', fakeResult()), false, 'old owner cannot complete');
      assert.equal(await queue.store.complete(id, 'B', fakeResult()), true);
      assert.equal((await queue.getJob(id))?.status, 'completed');
    });

    test('a job whose lease expires on its last attempt is failed, not retried', async () => {
      const id = await queue.store
        .add({ prompt: 'last', modelName: 'test-cube', maxAttempts: 1 })
        .then((j) => j.id);
      await queue.getNextJob('A', 10);
      await new Promise((r) => setTimeout(r, 30));
      const rec = await queue.store.recoverExpired(exponentialBackoff());
      assert.equal(rec.failed, 1);
      const job = await queue.getJob(id);
      assert.equal(job?.status, 'failed');
      assert.equal(job?.attempts, 1);
      assert.ok(job?.completedAt);
    });

    test('cancel: pending at once, running on request, finished jobs refuse', async () => {
      const p = await queue.addJob({ prompt: 'cancel me', modelName: 'test-cube' });
      const cancelled = await queue.cancelJob(p);
      assert.equal(cancelled.status, 'cancelled');
      const r = await queue.addJob({
        prompt: 'running',
        modelName: 'test-cube',
        priority: JobPriority.URGENT,
      });
      const claimed = await queue.getNextJob('W', 10_000);
      assert.equal(claimed?.id, r);
      const req = await queue.cancelJob(r);
      assert.equal(req.status, 'running');
      assert.equal(req.cancelRequested, true);
      const hb = await queue.store.heartbeat(r, 'W', 10_000);
      assert.deepEqual(hb, { owned: true, cancelRequested: true });
      assert.equal(await queue.store.markCancelled(r, 'W'), true);
      await queue.store.setStatus(p, 'completed');
      await assert.rejects(queue.cancelJob(p), JobStateError);
      await assert.rejects(queue.cancelJob('00000000000000000000000000'), /No job/);
    });

    test('retry: failed or cancelled jobs start over; others refuse', async () => {
      const id = await queue.addJob({ prompt: 'retry', modelName: 'test-cube' });
      await queue.cancelJob(id);
      const again = await queue.retryJob(id);
      assert.equal(again.status, 'pending');
      assert.equal(again.attempts, 0);
      assert.equal(again.cancelRequested, false);
      await assert.rejects(queue.retryJob(id), JobStateError);
      await queue.deleteJob(id);
    });

    describe('BatchProcessor', () => {
      test('runs jobs, stores one master + GLB + thumbnail per job, in priority order', async () => {
        const fresh = testEnv(backend, 'proc');
        const q = await fresh.open();
        const processor = new BatchProcessor(q, cpuOnly(), { pollMs: 20 });
        const finished: string[] = [];
        processor.on('outcome', (o) => finished.push(o.job.prompt));
        await q.addJob({ prompt: 'low', modelName: 'test-cube', priority: JobPriority.LOW });
        await q.addJob({ prompt: 'urgent', modelName: 'test-cube', priority: JobPriority.URGENT });
        await q.addJob({ prompt: 'normal', modelName: 'test-cube' });
        processor.startProcessing(1);
        await waitFor(async () => (await q.store.countByStatus()).completed === 3, 'three completions');
        await processor.close();
        assert.deepEqual(finished, ['urgent', 'normal', 'low']);
        const page = await q.listJobs({ status: ['completed'] });
        for (const job of page.jobs) {
          assert.equal(job.progress, 1);
          assert.equal(job.result?.vertexCount, 24);
          assert.deepEqual(await q.storage.list(jobKeys.folder(job.id)), [
            jobKeys.download(job.id, 'glb', 'glb'),
            jobKeys.master(job.id),
            jobKeys.thumbnail(job.id),
          ]);
          const glb = await q.storage.get(job.result!.glbKey);
          assert.equal(glb!.subarray(0, 4).toString(), 'glTF');
          assert.equal(job.result!.thumbnailKey, jobKeys.thumbnail(job.id));
          const png = await q.storage.get(job.result!.thumbnailKey!);
          assert.equal(png!.subarray(1, 4).toString(), 'PNG');
          assert.equal(png!.readUInt32BE(16), 256, 'thumbnail width');
        }
        await q.close();
        await fresh.cleanup();
      });

      test('retries a failing generation with backoff, counting attempts, then succeeds', async () => {
        const processor = new BatchProcessor(queue, cpuOnly(), {
          pollMs: 10,
          backoff: exponentialBackoff({ baseMs: 100 }),
        });
        const id = await queue.addJob({
          prompt: `flaky-${backend}`,
          modelName: 'test-cube',
          config: { failTimes: 2 },
          priority: JobPriority.URGENT,
        });
        const t0 = Date.now();
        processor.startProcessing(1);
        const done = await waitFor(async () => {
          const j = await queue.getJob(id);
          return j?.status === 'completed' && j;
        }, 'the flaky job to complete');
        await processor.close();
        assert.equal(done.attempts, 3);
        // Backoffs of 100 ms and 200 ms ran between the three attempts.
        assert.ok(Date.now() - t0 >= 300, `took ${Date.now() - t0} ms`);
      });

      test('fails after maxAttempts with the last error; permanent errors are not retried', async () => {
        const processor = new BatchProcessor(queue, cpuOnly(), { pollMs: 10, backoff: () => 0 });
        const always = await queue.addJob({
          prompt: `always-${backend}`,
          modelName: 'test-cube',
          config: { fail: 'always' },
          priority: JobPriority.URGENT,
        });
        const unknown = await queue.addJob({
          prompt: 'x',
          modelName: 'no-such-model',
          priority: JobPriority.URGENT,
        });
        processor.startProcessing(2);
        const [a, u] = await waitFor(async () => {
          const js = await Promise.all([queue.getJob(always), queue.getJob(unknown)]);
          return js.every((j) => j?.status === 'failed') && js;
        }, 'both jobs to fail');
        await processor.close();
        assert.equal(a!.attempts, 3);
        assert.match(a!.error!, /failed on purpose \(3\)/);
        assert.equal(a!.errorCode, 'GENERATION_FAILED');
        assert.equal(u!.attempts, 1);
        assert.equal(u!.errorCode, 'MODEL_NOT_FOUND');
      });

      test('a prompt the model does not understand fails at once, with its suggestions', async () => {
        const processor = new BatchProcessor(queue, cpuOnly(), { pollMs: 10, backoff: () => 0 });
        const id = await queue.addJob({
          prompt: 'a flurb',
          modelName: 'dreamcad',
          priority: JobPriority.URGENT,
        });
        processor.startProcessing(1);
        const job = await waitFor(async () => {
          const j = await queue.getJob(id);
          return j?.status === 'failed' && j;
        }, 'the job to fail');
        await processor.close();
        assert.equal(job.attempts, 1);
        assert.equal(job.errorCode, 'PROMPT_NOT_UNDERSTOOD');
        assert.match(job.error!, /Try one of: /);
      });

      test('cancel stops a running job at its next checkpoint', async () => {
        const processor = new BatchProcessor(queue, cpuOnly(), { pollMs: 10, heartbeatMs: 30 });
        const id = await queue.addJob({
          prompt: 'slow',
          modelName: 'test-cube',
          config: { steps: 200, delayMs: 20 },
          priority: JobPriority.URGENT,
        });
        processor.startProcessing(1);
        await waitFor(
          async () => (await queue.getJob(id))?.stage.startsWith('step'),
          'the job to start steps',
        );
        const t0 = Date.now();
        await queue.cancelJob(id);
        const job = await waitFor(
          async () => {
            const j = await queue.getJob(id);
            return j?.status === 'cancelled' && j;
          },
          'the cancel to land',
          3000,
        );
        assert.ok(Date.now() - t0 < 1500, 'stopped long before the 4 s the job would take');
        assert.equal(job.result, null);
        assert.deepEqual(await queue.storage.list(jobKeys.folder(id)), []);
        await processor.close();
      });

      test('stopping hands running jobs back; a restarted processor completes everything', async () => {
        const fresh = testEnv(backend, 'restart');
        let q = await fresh.open();
        const ids = await q.createBatch(
          Array.from({ length: 6 }, (_, i) => `restart ${i}`),
          'test-cube',
          { steps: 5, delayMs: 20 },
        );
        let processor = new BatchProcessor(q, cpuOnly(), { pollMs: 10, stopGraceMs: 0 });
        processor.startProcessing(2);
        await waitFor(async () => (await q.store.countByStatus()).running > 0, 'a running job');
        await processor.close();
        await q.close();
        // "Restart": a new connection and a new processor on the same database.
        q = await fresh.open();
        const counts = await q.store.countByStatus();
        assert.equal(counts.running, 0, 'nothing is left running after a clean stop');
        processor = new BatchProcessor(q, cpuOnly(), { pollMs: 10 });
        processor.startProcessing(2);
        await waitFor(async () => (await q.store.countByStatus()).completed === 6, 'all six to complete');
        await processor.close();
        for (const id of ids) {
          const j = await q.getJob(id);
          assert.equal(j?.attempts, 1, 'a clean shutdown does not spend an attempt');
        }
        await q.close();
        await fresh.cleanup();
      });

      test('delete removes the job and its files', async () => {
        const processor = new BatchProcessor(queue, cpuOnly(), { pollMs: 10 });
        const id = await queue.addJob({ prompt: 'to delete', modelName: 'test-cube', priority: 3 });
        processor.startProcessing(1);
        await waitFor(async () => (await queue.getJob(id))?.status === 'completed', 'completion');
        await processor.close();
        assert.equal((await queue.storage.list(jobKeys.folder(id))).length, 3);
        await queue.deleteJob(id);
        assert.equal(await queue.getJob(id), undefined);
        assert.deepEqual(await queue.storage.list(jobKeys.folder(id)), []);
      });
    });
  });
}

function fakeResult() {
  return {
    masterKey: 'm',
    glbKey: 'g',
    generationTime: 0,
    vertexCount: 0,
    triangleCount: 0,
    parts: 0,
    workerId: 'x',
  };
}
