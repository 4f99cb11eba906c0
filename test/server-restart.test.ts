/**
 * The real `dream-cad serve` process, stopped with jobs pending and running (SIGTERM, then SIGKILL
 * in a second case) and started again on the same data folder: every job completes, each exactly
 * once, with exactly one artifact set. SQLite in a temp folder, the slow test model loaded with
 * `--module` (into the server process and its worker threads).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  FIXTURE_MODULE,
  jobArtifacts,
  killAll,
  ONE_ARTIFACT_SET,
  runCounts,
  type ServeProcess,
  startServe,
} from './helpers/cli-process.js';
import { waitFor } from './jobs-helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field.
type Json = Record<string, any>;

const dirs: string[] = [];
after(() => {
  killAll();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const JOBS = 8;
/** The test model's steps through the API take 10 ms each: 0.8 s a job, so a stop finds work in flight. */
const STEPS = 80;

function environment(dir: string): Record<string, string> {
  return {
    DREAM_CAD_DATA_DIR: join(dir, 'data'),
    DREAM_CAD_OUTPUT_DIR: join(dir, 'outputs'),
    DREAM_CAD_MAX_WORKERS: '2',
    DREAM_CAD_LEASE_SECONDS: '2',
    DREAM_CAD_RATE_LIMIT: '0',
    DREAM_CAD_TEST_RUN_LOG: join(dir, 'runs.log'),
  };
}

const serve = (dir: string) =>
  startServe(environment(dir), { logFile: join(dir, 'serve.log'), args: ['--module', FIXTURE_MODULE] });

async function jobs(server: ServeProcess): Promise<Json[]> {
  const res = await fetch(`${server.url}/api/jobs?pageSize=200`);
  return ((await res.json()) as Json).jobs;
}

/** Submits the batch, waits until both workers are mid-job, and resolves the jobs as they were. */
async function submitAndWaitForWork(server: ServeProcess): Promise<{ ids: string[]; running: Json[] }> {
  const res = await fetch(`${server.url}/api/batches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      prompts: Array.from({ length: JOBS }, (_, i) => `restart job ${i}`),
      model: 'test-cube',
      steps: STEPS,
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const ids = ((await res.json()) as Json).jobs.map((j: Json) => j.id as string);
  const running = await waitFor(
    async () => {
      // Both well inside their generation (step 3 to 60 of 80), so neither finishes before the stop.
      const now = (await jobs(server)).filter((j) => {
        const step = Number(/^step (\d+)\//.exec(j.stage)?.[1]);
        return j.status === 'running' && step >= 3 && step <= 60;
      });
      return now.length === 2 && now;
    },
    'both workers to be mid-job',
    40_000,
  );
  return { ids, running };
}

/** After the restart: all completed, once each, one artifact set each, nothing left half-written. */
async function assertAllCompletedOnce(server: ServeProcess, dir: string, ids: string[]): Promise<Json[]> {
  const done = await waitFor(
    async () => {
      const all = await jobs(server);
      return all.length === JOBS && all.every((j) => j.status === 'completed') && all;
    },
    'every job to complete after the restart',
    60_000,
  );
  assert.deepEqual(done.map((j) => j.id).sort(), [...ids].sort(), 'the same jobs, none lost, none added');
  const { byJob, tempFiles } = jobArtifacts(join(dir, 'outputs'));
  assert.deepEqual([...byJob.keys()].sort(), [...ids].sort(), 'one artifact folder per job');
  for (const [id, files] of byJob) assert.deepEqual(files, ONE_ARTIFACT_SET, `artifacts of ${id}`);
  assert.deepEqual(tempFiles, []);
  const runs = runCounts(join(dir, 'runs.log'));
  for (const j of done) {
    // A job generated twice must have had two attempts: never two runs of one attempt.
    const n = runs.get(j.prompt) ?? 0;
    assert.ok(n >= 1 && n <= j.attempts, `${j.prompt}: ${n} generation(s) in ${j.attempts} attempt(s)`);
  }
  return done;
}

describe('dream-cad serve stopped and started again (SQLite)', () => {
  test('SIGTERM with jobs running and pending: the rest run after the restart, each once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dream-cad-restart-term-'));
    dirs.push(dir);
    let server = await serve(dir);
    const { ids } = await submitAndWaitForWork(server);
    // A graceful stop lets the running jobs finish (or hands them back) and leaves the rest pending.
    assert.equal(await server.stop('SIGTERM'), 0);
    assert.match(server.log(), /stopping: running jobs finish or go back to the queue/);
    server = await serve(dir);
    const before = await jobs(server);
    assert.ok(
      before.filter((j) => j.status === 'pending').length >= 2,
      `jobs left for the restart: ${before.map((j) => j.status)}`,
    );
    const done = await assertAllCompletedOnce(server, dir, ids);
    // A graceful stop spends no attempt: every job ran exactly once.
    assert.deepEqual(
      done.map((j) => j.attempts),
      Array(JOBS).fill(1),
    );
    assert.deepEqual([...runCounts(join(dir, 'runs.log')).values()], Array(JOBS).fill(1));
    await server.stop('SIGTERM');
  });

  test('SIGKILL mid-job: the killed jobs are retried after their lease, the rest run once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dream-cad-restart-kill-'));
    dirs.push(dir);
    let server = await serve(dir);
    const { ids, running } = await submitAndWaitForWork(server);
    assert.equal(await server.stop('SIGKILL'), 'SIGKILL');
    server = await serve(dir);
    const done = await assertAllCompletedOnce(server, dir, ids);
    const killed = new Set(running.map((j) => j.id));
    for (const j of done) {
      // The killed jobs lost their lease and took a second attempt; nothing else was retried.
      assert.equal(j.attempts, killed.has(j.id) ? 2 : 1, `attempts of ${j.prompt}`);
    }
    const retried = done.filter((j) => killed.has(j.id));
    assert.ok(retried.every((j) => j.error === null && j.result.triangleCount === 12));
    await server.stop('SIGTERM');
  });
});
