/**
 * The real server end to end (issue 4, item 8): `dream-cad serve` as a child process on a free
 * loopback port, SQLite in a temp folder, DREAM_CAD_MAX_WORKERS=2, the built-in `dreamcad` model.
 *
 * 1. N jobs (default 1000) are POSTed to /api/jobs at once; throughput is measured from the first
 *    POST to the last job completed (HTTP → queue → generation in worker threads → master asset,
 *    GLB and thumbnail written), and over the middle 80 % of completions (sustained).
 * 2. While they generate, a second process (autocannon, bench/read-load.mjs) reads
 *    `GET /api/jobs/:id` over loopback at a fixed rate; p50 / p99 of what it saw.
 * 3. Every job is checked through the API (each submitted id once, completed, one attempt) and in
 *    the artifacts folder (one folder per job, one set of files each, no temporary files).
 *
 * Run: `npm run bench -- server` (BENCH_SERVER_JOBS, BENCH_SERVER_READ_RATE to change the load).
 */
import { execFileSync, spawn } from 'node:child_process';
import { type Dirent, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, type ServeProcess, startServe } from '../test/helpers/cli-process.js';
import { percentile, publish } from './report.js';

const JOBS = Number(process.env.BENCH_SERVER_JOBS ?? 1000);
const WORKERS = 2;
const READ_RATE = Number(process.env.BENCH_SERVER_READ_RATE ?? 1000);
const READ_CONNECTIONS = 10;
const READ_SECONDS = 8;
const TARGET_JOBS_PER_S = 50;
const TARGET_P99_MS = 20;

const FAMILIES = ['chair', 'table', 'lamp', 'vase', 'mug', 'bottle', 'sword', 'shield', 'barrel', 'crate'];
const LOOKS = ['red wooden', 'blue metal', 'green ceramic', 'small white', 'tall black'];

interface JobJson {
  id: string;
  status: string;
  attempts: number;
  createdAt: string;
  completedAt: string | null;
}

function promptFor(i: number): string {
  return `a ${LOOKS[i % LOOKS.length]} ${FAMILIES[Math.floor(i / LOOKS.length) % FAMILIES.length]}`;
}

async function submit(base: string, i: number): Promise<string> {
  const res = await fetch(`${base}/api/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: promptFor(i), seed: i, model: 'dreamcad' }),
  });
  if (res.status !== 201) throw new Error(`POST /api/jobs → ${res.status}: ${await res.text()}`);
  return ((await res.json()) as JobJson).id;
}

async function completedCount(base: string): Promise<number> {
  const res = await fetch(`${base}/api/jobs?status=completed&pageSize=1`);
  return ((await res.json()) as { total: number }).total;
}

async function waitCompleted(base: string, n: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while ((await completedCount(base)) < n) {
    if (Date.now() > end) throw new Error(`only ${await completedCount(base)} of ${n} jobs completed`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function allJobs(base: string): Promise<JobJson[]> {
  const jobs: JobJson[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`${base}/api/jobs?pageSize=200&page=${page}`);
    const data = (await res.json()) as { jobs: JobJson[]; total: number };
    jobs.push(...data.jobs);
    if (data.jobs.length === 0 || jobs.length >= data.total) return jobs;
  }
}

interface LoadResult {
  latencies: number[];
  statuses: Record<string, number>;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  seconds: number;
}

/** autocannon in its own process (bench/read-load.mjs), so the reader never shares our event loop. */
function readLoad(base: string, ids: string[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bench', 'read-load.mjs'),
        JSON.stringify({
          url: base,
          ids,
          seconds: READ_SECONDS,
          rate: READ_RATE,
          connections: READ_CONNECTIONS,
        }),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`read-load exited with ${code}`));
      else resolve(JSON.parse(out) as LoadResult);
    });
  });
}

/** CPU seconds a process has used so far, all threads (Linux /proc; NaN elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Each job folder must hold exactly one artifact set; returns the problems found. */
function checkArtifacts(
  outputs: string,
  ids: string[],
): { folders: number; problems: string[]; withThumbnails: boolean } {
  const problems: string[] = [];
  const jobsDir = join(outputs, 'jobs');
  const folders = readdirSync(jobsDir);
  // Builds without job thumbnails (older ones, to compare) write two files per job.
  const withThumbnails = folders.some((f) => existsSync(join(jobsDir, f, 'thumbnail.png')));
  const expected = ['download/glb.glb', 'master.asset', ...(withThumbnails ? ['thumbnail.png'] : [])];
  for (const id of ids) {
    let files: string[];
    try {
      files = (readdirSync(join(jobsDir, id), { recursive: true, withFileTypes: true }) as Dirent[])
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(join(jobsDir, id).length + 1))
        .sort();
    } catch {
      problems.push(`${id}: no folder`);
      continue;
    }
    if (files.join() !== expected.join()) problems.push(`${id}: ${files.join(', ')}`);
  }
  return { folders: folders.length, problems, withThumbnails };
}

export async function run(): Promise<void> {
  const loadBefore = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'dream-cad-bench-server-'));
  const outputs = join(dir, 'outputs');
  let server: ServeProcess | undefined;
  // The server runs as `npm start` runs it: the compiled package, built here first.
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  try {
    server = await startServe(
      {
        DREAM_CAD_DATA_DIR: join(dir, 'data'),
        DREAM_CAD_OUTPUT_DIR: outputs,
        DREAM_CAD_MAX_WORKERS: String(WORKERS),
        // A benchmark client is one address sending thousands of requests a minute.
        DREAM_CAD_RATE_LIMIT: '0',
      },
      {
        logFile: join(dir, 'serve.log'),
        built: true,
        // BENCH_SERVER_PROF=<dir>: a CPU profile of the server, written when it stops.
        nodeArgs: process.env.BENCH_SERVER_PROF
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`]
          : [],
      },
    );
    const base = server.url;

    // Warm-up: both worker threads started, modules loaded and JIT-compiled.
    const warm = 20;
    await Promise.all(Array.from({ length: warm }, (_, i) => submit(base, 10_000 + i)));
    await waitCompleted(base, warm, 60_000);

    // All N at once.
    const cpu0 = cpuSeconds(server.child.pid);
    const t0 = Date.now();
    const ids = await Promise.all(Array.from({ length: JOBS }, (_, i) => submit(base, i)));
    const submitMs = Date.now() - t0;
    const doneAtLoadStart = (await completedCount(base)) - warm;
    const load = await readLoad(base, ids);
    const doneAtLoadEnd = (await completedCount(base)) - warm;
    await waitCompleted(base, warm + JOBS, 600_000);
    // The server's CPU time for the whole run (HTTP, queue, generation threads), per job: unlike
    // jobs/s, it does not depend on what else the machine is doing.
    const cpuPerJobMs = ((cpuSeconds(server.child.pid) - cpu0) / JOBS) * 1000;

    // Through the API: each submitted id exactly once, completed after one attempt.
    const jobs = (await allJobs(base)).filter((j) => ids.includes(j.id));
    const seen = new Map<string, number>();
    for (const j of jobs) seen.set(j.id, (seen.get(j.id) ?? 0) + 1);
    const completed = jobs.filter((j) => j.status === 'completed');
    const lost = ids.filter((id) => !seen.has(id)).length;
    const duplicated = [...seen.values()].filter((n) => n > 1).length;
    const retried = completed.filter((j) => j.attempts !== 1).length;
    const artifacts = checkArtifacts(outputs, ids);
    const tmpFiles = (readdirSync(outputs, { recursive: true }) as string[]).filter((f) =>
      f.includes('.tmp-'),
    ).length;

    const finish = completed.map((j) => Date.parse(j.completedAt!)).sort((a, b) => a - b);
    const lastDone = finish[finish.length - 1];
    const endToEnd = JOBS / ((lastDone - t0) / 1000);
    const lo = finish[Math.floor(JOBS * 0.1)];
    const hi = finish[Math.floor(JOBS * 0.9) - 1];
    const sustained = (Math.floor(JOBS * 0.9) - Math.floor(JOBS * 0.1) - 1) / ((hi - lo) / 1000);
    const p50 = percentile(load.latencies, 50);
    const p99 = percentile(load.latencies, 99);
    const ok2xx = load.statuses['200'] ?? 0;

    publish({
      name: 'server',
      notes: [
        `dream-cad serve (child process, the built package as npm start runs it), SQLite (WAL) in a temp folder, ` +
          `DREAM_CAD_MAX_WORKERS=${WORKERS}, model dreamcad, loopback; machine: ${process.platform}, ` +
          `${cpus().length} CPU(s), load average ${loadBefore.toFixed(1)} before / ${loadavg()[0].toFixed(1)} after ` +
          '(other work on the machine shares these CPUs)',
        `${JOBS} jobs POSTed at once (one request each) after ${warm} warm-up jobs; a job is done when its ` +
          `master asset, GLB${artifacts.withThumbnails ? ' and 256 px thumbnail' : ''} are written and the row says completed`,
        `reads: autocannon in a second process, GET /api/jobs/:id over ${JOBS} ids, ${READ_CONNECTIONS} ` +
          `connections at ${READ_RATE} req/s for ${READ_SECONDS} s while the jobs generate ` +
          `(${doneAtLoadStart} done when it started, ${doneAtLoadEnd} when it ended)`,
        `targets (issue 4): ≥ ${TARGET_JOBS_PER_S} jobs/s with 2 workers on SQLite; p99 ≤ ${TARGET_P99_MS} ms; ` +
          `${JOBS}/${JOBS} completed, none lost or duplicated`,
      ],
      rows: [
        {
          metric: 'submit: POST /api/jobs ×' + JOBS,
          value: `${submitMs} ms (${Math.round(JOBS / (submitMs / 1000))} jobs/s)`,
          target: '—',
          ok: true,
        },
        {
          metric: 'throughput end to end (jobs/s)',
          value: Number(endToEnd.toFixed(1)),
          target: `≥ ${TARGET_JOBS_PER_S}`,
          ok: endToEnd >= TARGET_JOBS_PER_S,
        },
        {
          metric: 'throughput sustained, middle 80 % (jobs/s)',
          value: Number(sustained.toFixed(1)),
          target: `≥ ${TARGET_JOBS_PER_S}`,
          ok: sustained >= TARGET_JOBS_PER_S,
        },
        {
          metric: 'server CPU per job, all threads (ms)',
          value: Number(cpuPerJobMs.toFixed(1)),
          target: '—',
          ok: true,
        },
        { metric: 'GET /api/jobs/:id p50 (ms)', value: Number(p50.toFixed(2)), target: '—', ok: true },
        {
          metric: 'GET /api/jobs/:id p99 (ms)',
          value: Number(p99.toFixed(2)),
          target: `≤ ${TARGET_P99_MS}`,
          ok: p99 <= TARGET_P99_MS,
        },
        {
          metric: 'GET /api/jobs/:id max (ms)',
          value: Number(Math.max(...load.latencies).toFixed(2)),
          target: '—',
          ok: true,
        },
        {
          metric: 'reads answered 200 / sent (errors, timeouts)',
          value: `${ok2xx}/${load.requests} (${load.errors}, ${load.timeouts})`,
          target: 'all 200',
          ok: ok2xx === load.requests && load.errors === 0,
        },
        {
          metric: 'jobs completed / submitted',
          value: `${completed.length}/${JOBS}`,
          target: `${JOBS}/${JOBS}`,
          ok: completed.length === JOBS,
        },
        {
          metric: 'lost / duplicated / retried',
          value: `${lost} / ${duplicated} / ${retried}`,
          target: '0 / 0 / 0',
          ok: lost + duplicated + retried === 0,
        },
        {
          metric: 'artifact folders (one set each), temp files',
          value: `${artifacts.folders - warm} folders, ${artifacts.problems.length} wrong, ${tmpFiles} temp`,
          target: `${JOBS}, 0, 0`,
          ok: artifacts.folders - warm === JOBS && artifacts.problems.length === 0 && tmpFiles === 0,
        },
      ],
      extra: {
        submitMs,
        cpuPerJobMs,
        endToEnd,
        sustained,
        readLatencyMs: {
          p50,
          p90: percentile(load.latencies, 90),
          p99,
          p999: percentile(load.latencies, 99.9),
        },
        readStatuses: load.statuses,
        artifactProblems: artifacts.problems.slice(0, 20),
      },
    });
  } finally {
    await server?.stop('SIGTERM').catch(() => server?.child.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
  }
}
