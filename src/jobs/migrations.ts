import { type Kysely, type Migration, Migrator } from 'kysely';

/**
 * Schema migrations, in order. Never edit one that has shipped: add a new one. They are kept in
 * code (not files) so the compiled package needs no extra assets to migrate.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_jobs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('batches')
        .ifNotExists()
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('name', 'text')
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('jobs')
        .ifNotExists()
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('batch_id', 'varchar(32)')
        .addColumn('prompt', 'text', (c) => c.notNull())
        .addColumn('model_name', 'varchar(64)', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('stage', 'varchar(64)', (c) => c.notNull().defaultTo('queued'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('error_code', 'varchar(64)')
        .addColumn('reference_image', 'text')
        .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_owner', 'varchar(128)')
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('run_after', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('started_at', 'bigint')
        .addColumn('completed_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('result', 'text')
        .execute();
      // The claim query walks pending jobs by priority, then age; this index serves it directly.
      await db.schema
        .createIndex('jobs_claim_idx')
        .ifNotExists()
        .on('jobs')
        .columns(['status', 'priority desc', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('jobs_lease_idx')
        .ifNotExists()
        .on('jobs')
        .columns(['status', 'lease_expires_at'])
        .execute();
      await db.schema.createIndex('jobs_batch_idx').ifNotExists().on('jobs').column('batch_id').execute();
      await db.schema.createIndex('jobs_created_idx').ifNotExists().on('jobs').column('created_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('jobs').ifExists().execute();
      await db.schema.dropTable('batches').ifExists().execute();
    },
  },
};

/** Runs every pending migration; throws with the failing migration's name and error. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema type.
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'dream_cad_migrations',
    migrationLockTableName: 'dream_cad_migrations_lock',
    // Named explicitly: Kysely looks its tables up by schema, and with a custom search_path it
    // would otherwise find another schema's migration tables.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Database migration "${failed}" failed: ${error instanceof Error ? error.message : error}`,
      {
        cause: error,
      },
    );
  }
}
