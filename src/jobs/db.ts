import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';

/** The `jobs` table; JSON columns are text so SQLite and PostgreSQL share one query path. */
export interface JobsTable {
  id: string;
  batch_id: string | null;
  prompt: string;
  model_name: string;
  config: string;
  status: string;
  priority: number;
  progress: number;
  stage: string;
  attempts: number;
  max_attempts: number;
  error: string | null;
  error_code: string | null;
  reference_image: string | null;
  cancel_requested: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  run_after: number;
  created_at: number;
  started_at: number | null;
  completed_at: number | null;
  updated_at: number;
  result: string | null;
}

export interface BatchesTable {
  id: string;
  name: string | null;
  priority: number;
  created_at: number;
}

export interface Schema {
  jobs: JobsTable;
  batches: BatchesTable;
}

export type Dialect = 'sqlite' | 'postgres';

/** An open, migrated job database. */
export interface JobDatabase {
  db: Kysely<Schema>;
  dialect: Dialect;
  /** Where it lives, without credentials, for logs and /api/health. */
  location: string;
  /** The PostgreSQL schema it was opened in, when one was named. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` selects PostgreSQL; otherwise the SQLite file is used. */
  url?: string;
  /** SQLite file (default `<dataDir>/dream-cad.sqlite`). */
  sqlitePath?: string;
  /** Folder of the default SQLite file. */
  dataDir?: string;
  /**
   * PostgreSQL schema to use (created if missing); lets several installations, or test runs,
   * share one database. Default: the server's search_path (normally `public`).
   */
  schema?: string;
  /** Largest number of pooled PostgreSQL connections (default 10). */
  poolSize?: number;
  /** Skip running migrations (default false: migrations run on open). */
  skipMigrations?: boolean;
}

// int8 (bigint) comes back from pg as a string by default; our bigints are millisecond times,
// which fit in a double exactly, so they are parsed as numbers.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (v: string) => Number(v);
    // biome-ignore lint/suspicious/noExplicitAny: pg's typings overload getTypeParser by format.
    return (pg.types.getTypeParser as any)(oid, format);
  },
};

/**
 * Opens the job database (SQLite by default, PostgreSQL for a `postgres://` URL) and migrates it
 * to the latest schema. Several processes may open the same database: SQLite runs in WAL mode with
 * a busy timeout, PostgreSQL serializes migrations with Kysely's migration lock.
 *
 * @example
 * const { db, close } = await openDatabase({ url: process.env.DATABASE_URL, dataDir: './data' });
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<JobDatabase> {
  const handle = options.url?.match(/^postgres(ql)?:\/\//) ? openPostgres(options) : openSqlite(options);
  if (handle.dialect === 'postgres' && options.schema) {
    await sql`create schema if not exists ${sql.id(options.schema)}`.execute(handle.db);
  }
  if (!options.skipMigrations) {
    try {
      await migrateToLatest(handle.db, handle.dialect === 'postgres' ? options.schema : undefined);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }
  return handle;
}

function openSqlite(options: OpenDatabaseOptions): JobDatabase {
  const file = options.sqlitePath ?? join(options.dataDir ?? 'data', 'dream-cad.sqlite');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  // WAL lets readers run beside the one writer; the busy timeout makes a second process
  // (a `dream-cad worker` on the same file) wait for the lock instead of failing.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 10000');
  database.pragma('synchronous = NORMAL');
  cachePreparedStatements(database);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/** Distinct SQL texts whose prepared statements are kept (least recently used go first). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL each time was the largest
 * single cost of a job read on the event loop. The queries repeat (same SQL, new parameters), so
 * prepared statements are kept and reused. better-sqlite3 runs a statement synchronously to the
 * end, so reuse is safe; a statement still busy (an open `iterate`) is never handed out twice.
 */
function cachePreparedStatements(database: Database.Database): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Database.Statement>();
  database.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      // Re-inserted so the Map's order is least recently used first.
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof database.prepare;
}

function openPostgres(options: OpenDatabaseOptions): JobDatabase {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError(`openDatabase: schema "${schema}" must be a lowercase SQL identifier.`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    // Every pooled connection starts in the chosen schema, so queries need no qualification.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle pooled connection that the server closes (a restart, a failover, an administrator) emits
  // 'error' on the pool; unhandled, that would end the process. The pool drops the connection and the
  // next query opens a new one, so a warning is all it needs.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${err.message}`, 'DreamCadDatabaseWarning');
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(options.url!);
  url.password = '';
  url.username = url.username ? `${url.username}` : '';
  return {
    db,
    dialect: 'postgres',
    location: `${url.host}${url.pathname}${schema ? `#${schema}` : ''}`,
    ...(schema ? { schema } : {}),
    close: () => db.destroy(),
  };
}
