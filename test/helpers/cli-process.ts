/**
 * Runs the real `dream-cad serve` / `dream-cad worker` commands as child processes (from source:
 * `node --import tsx src/cli/main.ts`), for the restart, crash and sharing tests and the server
 * benchmark. Output goes to a log file, so a busy child never blocks on a full pipe.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, type Dirent, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'src', 'cli', 'main.ts');
/** The test model ("test-cube"), importable by `--module` in the main process and the worker threads. */
export const FIXTURE_MODULE = join(ROOT, 'test', 'jobs-fixture-model.ts');

/** A TCP port nothing listens on right now (loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface CliProcess {
  child: ChildProcess;
  /** The child's stdout and stderr so far. */
  log(): string;
  /** Sends `signal` and resolves the exit code (or the signal name) once it has exited. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

const running = new Set<ChildProcess>();
/** Ends every child still running (SIGKILL); for `after()` hooks, so no test leaves one behind. */
export function killAll(): void {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/**
 * Starts `dream-cad <args>` with `env` added; output is appended to `logFile`. `nodeArgs` go to
 * node itself (e.g. `--cpu-prof`).
 */
export function spawnCli(
  args: string[],
  env: Record<string, string>,
  logFile: string,
  nodeArgs: string[] = [],
  built = false,
): CliProcess {
  const fd = openSync(logFile, 'a');
  // `built`: the compiled package (dist/, as `npm start` runs it) instead of the sources through tsx.
  const entry = built ? [join(ROOT, 'dist', 'cli', 'main.js')] : ['--import', 'tsx', CLI];
  const child = spawn(process.execPath, [...nodeArgs, ...entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  running.add(child);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  return {
    child,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async stop(signal = 'SIGTERM', timeoutMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`dream-cad ${args[0]} did not exit ${timeoutMs} ms after ${signal}`)),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export interface ServeProcess extends CliProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
}

/**
 * Starts `dream-cad serve` on a free loopback port and waits until `/api/health` answers. `env`
 * must point DREAM_CAD_DATA_DIR / DREAM_CAD_OUTPUT_DIR (or DATABASE_URL) at the test's own folders.
 */
export async function startServe(
  env: Record<string, string>,
  options: {
    logFile: string;
    args?: string[];
    port?: number;
    timeoutMs?: number;
    nodeArgs?: string[];
    built?: boolean;
  },
): Promise<ServeProcess> {
  const port = options.port ?? (await freePort());
  const proc = spawnCli(
    ['serve', '--host', '127.0.0.1', '--port', String(port), ...(options.args ?? [])],
    env,
    options.logFile,
    options.nodeArgs,
    options.built,
  );
  const url = `http://127.0.0.1:${port}`;
  // From source every module is compiled at start-up: allow for a machine busy with other work.
  const end = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (proc.child.exitCode !== null) {
      throw new Error(`dream-cad serve exited with ${proc.child.exitCode}:\n${proc.log()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > end) {
      proc.child.kill('SIGKILL');
      throw new Error(`dream-cad serve did not become healthy:\n${proc.log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ...proc, url };
}

/** Starts `dream-cad worker` and waits for its start-up line. */
export async function startWorker(
  env: Record<string, string>,
  options: { logFile: string; args?: string[]; timeoutMs?: number },
): Promise<CliProcess> {
  const proc = spawnCli(['worker', ...(options.args ?? [])], env, options.logFile);
  const end = Date.now() + (options.timeoutMs ?? 60_000);
  while (!/dream-cad worker .*: \d+ worker\(s\)/.test(proc.log())) {
    if (proc.child.exitCode !== null) {
      throw new Error(`dream-cad worker exited with ${proc.child.exitCode}:\n${proc.log()}`);
    }
    if (Date.now() > end) {
      proc.child.kill('SIGKILL');
      throw new Error(`dream-cad worker did not start:\n${proc.log()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return proc;
}

/**
 * A PostgreSQL database of its own (created now, dropped by `drop`), so processes that only know
 * DATABASE_URL can share it without touching anyone else's tables.
 */
export async function scratchDatabase(
  adminUrl: string,
  label: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `dc_${label.replace(/\W/g, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const c = new pg.Client(adminUrl);
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Every job folder under `<outputs>/jobs` with its files (relative, sorted), and stray temp files. */
export function jobArtifacts(outputs: string): { byJob: Map<string, string[]>; tempFiles: string[] } {
  const byJob = new Map<string, string[]>();
  const jobsDir = join(outputs, 'jobs');
  const tempFiles: string[] = [];
  if (!existsSync(jobsDir)) return { byJob, tempFiles };
  for (const id of readdirSync(jobsDir)) {
    const files = (readdirSync(join(jobsDir, id), { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((e) => e.isFile())
      .map((e) => relative(join(jobsDir, id), join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
    tempFiles.push(...files.filter((f) => f.includes('.tmp-')).map((f) => `${id}/${f}`));
    byJob.set(id, files);
  }
  return { byJob, tempFiles };
}

/** The files of one complete artifact set, as `jobArtifacts` lists them. */
export const ONE_ARTIFACT_SET = ['download/glb.glb', 'master.asset', 'thumbnail.png'];

/** How many times each prompt was generated to the end, from the test model's run log. */
export function runCounts(runLog: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(runLog)) return counts;
  for (const line of readFileSync(runLog, 'utf8').split('\n')) {
    if (line) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return counts;
}
