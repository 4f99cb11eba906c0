/** Shared set-up for job-system and server tests: temp folders, SQLite files, PostgreSQL schemas. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { JobQueue } from '../src/jobs/queue.js';
import { LocalFolderStorage } from '../src/jobs/storage.js';

export const PG_URL = process.env.DREAM_CAD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] =
  process.env.DREAM_CAD_SKIP_PG === '1' ? ['sqlite'] : ['sqlite', 'postgres'];

/** Where one test's database, artifacts and uploads live, and how to open and remove them. */
export interface TestEnv {
  backend: Backend;
  dir: string;
  /** Options for `JobQueue.open` (and `buildServer`) that point at this environment. */
  queueOptions: {
    url?: string;
    sqlitePath?: string;
    schema?: string;
    storage: LocalFolderStorage;
    uploads: LocalFolderStorage;
    maxAttempts?: number;
  };
  open(extra?: { maxAttempts?: number }): Promise<JobQueue>;
  cleanup(): Promise<void>;
}

/** A fresh environment: a temp folder, and a SQLite file in it or a unique PostgreSQL schema. */
export function testEnv(backend: Backend, label = 'test'): TestEnv {
  const dir = mkdtempSync(join(tmpdir(), `dream-cad-${label}-`));
  const schema = `dc_${label.replace(/\W/g, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const queueOptions =
    backend === 'sqlite'
      ? { sqlitePath: join(dir, 'jobs.sqlite') }
      : { url: PG_URL, schema: schema.toLowerCase() };
  const env: TestEnv = {
    backend,
    dir,
    queueOptions: {
      ...queueOptions,
      storage: new LocalFolderStorage(join(dir, 'outputs')),
      uploads: new LocalFolderStorage(join(dir, 'uploads')),
    },
    open: (extra = {}) => JobQueue.open({ ...env.queueOptions, ...extra }),
    async cleanup() {
      if (backend === 'postgres') {
        const client = new pg.Client(PG_URL);
        await client.connect();
        await client.query(`drop schema if exists ${queueOptions.schema} cascade`);
        await client.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then throws `what`). */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 10_000,
  everyMs = 20,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
