/**
 * Several machines on one PostgreSQL queue, played by real processes: `dream-cad worker` and
 * `dream-cad serve` children that know only DATABASE_URL (a database of their own per test) and a
 * shared artifact folder. A worker killed with SIGKILL mid-job: the job completes on the other with
 * exactly one artifact set. A server and a worker sharing the queue: every job runs exactly once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { JobQueue } from '../src/jobs/queue.js';
import { LocalFolderStorage } from '../src/jobs/storage.js';
import {
  FIXTURE_MODULE,
  jobArtifacts,
  killAll,
  ONE_ARTIFACT_SET,
  runCounts,
  scratchDatabase,
  startServe,
  startWorker,
} from './helpers/cli-process.js';
import { PG_URL, waitFor } from './jobs-helpers.js';

/** Clean-ups of every installation, run even when a test fails half-way. */
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  killAll();
  for (const c of cleanups) await c().catch(() => {});
});

/** One "installation": a scratch database, a shared artifact folder, the environment of its processes. */
async function installation(label: string) {
  const dir = mkdtempSync(join(tmpdir(), `dream-cad-${label}-`));
  const db = await scratchDatabase(PG_URL, label);
  const env = {
    DATABASE_URL: db.url,
    DREAM_CAD_DATA_DIR: join(dir, 'data'),
    DREAM_CAD_OUTPUT_DIR: join(dir, 'outputs'),
    DREAM_CAD_UPLOAD_DIR: join(dir, 'uploads'),
    DREAM_CAD_LEASE_SECONDS: '2',
    DREAM_CAD_RATE_LIMIT: '0',
    DREAM_CAD_TEST_RUN_LOG: join(dir, 'runs.log'),
  };
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    killAll();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.push(cleanup);
  return {
    dir,
    env,
    /** The test's own view of the queue (the same database and folders). */
    open: () =>
      JobQueue.open({
        url: db.url,
        storage: new LocalFolderStorage(env.DREAM_CAD_OUTPUT_DIR),
        uploads: new LocalFolderStorage(env.DREAM_CAD_UPLOAD_DIR),
      }),
    cleanup,
  };
}

const worker = (env: Record<string, string>, dir: string, id: string) =>
  startWorker(env, {
    logFile: join(dir, `${id}.log`),
    args: ['--id', id, '--workers', '1', '--module', FIXTURE_MODULE],
  });

describe('dream-cad worker processes on one PostgreSQL', {
  skip: process.env.DREAM_CAD_SKIP_PG === '1',
}, () => {
  test('SIGKILL one worker mid-job: the other completes it, with exactly one artifact set', async () => {
    const inst = await installation('wkill');
    const workers = {
      w1: await worker(inst.env, inst.dir, 'w1'),
      w2: await worker(inst.env, inst.dir, 'w2'),
    };
    const queue = await inst.open();
    const id = await queue.addJob({
      prompt: 'survive a crash',
      modelName: 'test-cube',
      config: { steps: 100, delayMs: 20 },
    });
    // Whichever worker claims the job is killed a few steps into it.
    const running = await waitFor(
      async () => {
        const j = await queue.getJob(id);
        return j?.status === 'running' && /^step ([3-9]|[1-3]\d)\//.test(j.stage) && j;
      },
      'a worker to be mid-job',
      20_000,
    );
    const doomedId = running.leaseOwner as keyof typeof workers;
    const survivorId = doomedId === 'w1' ? 'w2' : 'w1';
    const survivor = workers[survivorId];
    assert.equal(await workers[doomedId].stop('SIGKILL'), 'SIGKILL');
    const done = await waitFor(
      async () => {
        const j = await queue.getJob(id);
        return j?.status === 'completed' && j;
      },
      'the survivor to complete the job',
      30_000,
    );
    assert.equal(done.result?.workerId, survivorId);
    assert.equal(done.attempts, 2);
    // The worker logs each outcome just after recording it.
    await waitFor(() => new RegExp(`${id} completed`).test(survivor.log()), "the survivor's log line", 5000);
    const { byJob, tempFiles } = jobArtifacts(inst.env.DREAM_CAD_OUTPUT_DIR);
    assert.deepEqual([...byJob], [[id, ONE_ARTIFACT_SET]]);
    assert.deepEqual(tempFiles, []);
    assert.deepEqual([...runCounts(inst.env.DREAM_CAD_TEST_RUN_LOG)], [['survive a crash', 1]]);
    assert.equal(await survivor.stop('SIGTERM'), 0);
    await queue.close();
    await inst.cleanup();
  });

  test('a server and a worker sharing the queue run every job exactly once', async () => {
    const inst = await installation('wshare');
    const server = await startServe(inst.env, {
      logFile: join(inst.dir, 'serve.log'),
      args: ['--workers', '1', '--module', FIXTURE_MODULE],
    });
    const other = await worker(inst.env, inst.dir, 'other-machine');
    const n = 30;
    const res = await fetch(`${server.url}/api/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        prompts: Array.from({ length: n }, (_, i) => `shared job ${i}`),
        model: 'test-cube',
        steps: 10,
      }),
    });
    assert.equal(res.status, 201);
    const ids = ((await res.json()) as { jobs: { id: string }[] }).jobs.map((j) => j.id);
    const queue = await inst.open();
    const jobs = await waitFor(
      async () => {
        const page = await queue.listJobs({ pageSize: 200 });
        return page.jobs.length === n && page.jobs.every((j) => j.status === 'completed') && page.jobs;
      },
      'every job to complete',
      30_000,
    );
    assert.deepEqual(jobs.map((j) => j.id).sort(), [...ids].sort());
    assert.deepEqual(
      jobs.map((j) => j.attempts),
      Array(n).fill(1),
    );
    // Both processes took jobs, and none was generated twice.
    const owners = new Set(jobs.map((j) => j.result?.workerId));
    assert.equal(owners.size, 2, `workers: ${[...owners]}`);
    assert.ok(owners.has('other-machine'));
    const runs = runCounts(inst.env.DREAM_CAD_TEST_RUN_LOG);
    assert.equal(runs.size, n);
    assert.ok([...runs.values()].every((c) => c === 1));
    const { byJob, tempFiles } = jobArtifacts(inst.env.DREAM_CAD_OUTPUT_DIR);
    assert.equal(byJob.size, n);
    for (const [jid, files] of byJob) assert.deepEqual(files, ONE_ARTIFACT_SET, jid);
    assert.deepEqual(tempFiles, []);
    assert.equal(await other.stop('SIGTERM'), 0);
    assert.equal(await server.stop('SIGTERM'), 0);
    await queue.close();
    await inst.cleanup();
  });
});
