/**
 * PostgreSQL closing the pool's idle connections (a restart, a failover, `pg_terminate_backend`) must
 * not end the process: pg's pool emits 'error' for them, which would be an uncaught exception without
 * a handler. Only this pool's own connections are closed, so other suites on the server are untouched.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/jobs/db.js';
import { BACKENDS, PG_URL } from './jobs-helpers.js';

test('idle PostgreSQL connections closed by the server: a warning, and the next query reconnects', {
  skip: !BACKENDS.includes('postgres') && 'DREAM_CAD_SKIP_PG=1',
}, async () => {
  const schema = `dc_reconnect_${process.pid}`;
  const database = await openDatabase({ url: PG_URL, schema });
  const admin = new pg.Client(PG_URL);
  await admin.connect();
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  try {
    // Three connections at once, so the pool holds several idle ones afterwards.
    const pids = await Promise.all(
      [0, 1, 2].map(async () => {
        const r = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(
          database.db,
        );
        return r.rows[0].pid;
      }),
    );
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [[...new Set(pids)]]);
    // Give the pool time to hear of it; an unhandled 'error' would fail this test as uncaught.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    assert.equal(again.rows[0].one, 1);
    assert.ok(
      warnings.some((w) => /PostgreSQL closed an idle connection/.test(w)),
      `warnings: ${JSON.stringify(warnings)}`,
    );
  } finally {
    process.off('warning', onWarning);
    await database.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
});
