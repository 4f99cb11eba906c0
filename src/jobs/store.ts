import { EventEmitter } from 'node:events';
import type { Selectable, Transaction } from 'kysely';
import type { Dialect, JobDatabase, JobsTable, Schema } from './db.js';
import { JobNotFoundError, JobStateError } from './errors.js';
import { newId } from './ids.js';
import {
  type Batch,
  type GenerationJob,
  type JobFilter,
  type JobPage,
  type JobParams,
  JobPriority,
  type JobResult,
  type JobStatus,
  type NewJob,
} from './types.js';

type Row = Selectable<JobsTable>;

/** Decides how long a failed attempt waits before the next one. */
export type Backoff = (attempt: number) => number;

export interface BackoffOptions {
  /** Delay after the first failed attempt, in ms (default 2000). */
  baseMs?: number;
  /** Longest delay, in ms (default 60000). */
  maxMs?: number;
}

/**
 * Exponential backoff: `baseMs · 2^(attempt−1)`, capped at `maxMs`.
 *
 * @example
 * const wait = exponentialBackoff({ baseMs: 1000 })(3); // 4000
 */
export function exponentialBackoff(options: BackoffOptions = {}): Backoff {
  const base = options.baseMs ?? 2000;
  const max = options.maxMs ?? 60_000;
  return (attempt) => Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

/** What a worker learns when it renews its lease. */
export interface HeartbeatResult {
  /** False when the lease is gone (expired and taken over, or the job was deleted): stop working. */
  owned: boolean;
  cancelRequested: boolean;
}

/** Counted outcome of {@link JobStore.recoverExpired}. */
export interface RecoveryResult {
  requeued: number;
  failed: number;
  cancelled: number;
}

/**
 * Every query of the job system, over Kysely, identical for SQLite and PostgreSQL except the claim
 * (`FOR UPDATE SKIP LOCKED` on PostgreSQL). Mutations emit `change` with the job id so the HTTP
 * layer can push live events without polling in the common one-process case.
 */
export class JobStore extends EventEmitter<{ change: [id: string] }> {
  readonly dialect: Dialect;
  constructor(readonly database: JobDatabase) {
    super();
    this.setMaxListeners(0);
    this.dialect = database.dialect;
  }

  private get db() {
    return this.database.db;
  }

  private changed(ids: Iterable<string>): void {
    for (const id of ids) this.emit('change', id);
  }

  /** Inserts one job (pending); resolves to it as stored. */
  async add(job: NewJob, now = Date.now()): Promise<GenerationJob> {
    const [created] = await this.addMany([job], now);
    return created;
  }

  /** Inserts jobs in one transaction: all are queued or none. */
  async addMany(jobs: NewJob[], now = Date.now(), trx?: Transaction<Schema>): Promise<GenerationJob[]> {
    const rows: Row[] = jobs.map((j) => ({
      id: newId(now),
      batch_id: j.batchId ?? null,
      prompt: j.prompt,
      model_name: j.modelName,
      config: JSON.stringify(j.config ?? {}),
      status: 'pending',
      priority: j.priority ?? JobPriority.NORMAL,
      progress: 0,
      stage: 'queued',
      attempts: 0,
      max_attempts: j.maxAttempts ?? 3,
      error: null,
      error_code: null,
      reference_image: j.referenceImage ?? null,
      cancel_requested: 0,
      lease_owner: null,
      lease_expires_at: null,
      run_after: now,
      created_at: now,
      started_at: null,
      completed_at: null,
      updated_at: now,
      result: null,
    }));
    const insert = async (t: Transaction<Schema>) => {
      // Chunked so one statement stays under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 200) {
        await t
          .insertInto('jobs')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    };
    if (trx) await insert(trx);
    else if (rows.length <= 200) {
      // One INSERT statement is atomic on its own; a transaction would only add BEGIN and COMMIT.
      await this.db.insertInto('jobs').values(rows).execute();
    } else await this.db.transaction().execute(insert);
    this.changed(rows.map((r) => r.id));
    return rows.map(toJob);
  }

  /** Creates a batch and its jobs atomically. */
  async createBatch(
    jobs: NewJob[],
    options: { name?: string | null; priority?: JobPriority } = {},
    now = Date.now(),
  ): Promise<{ batch: Batch; jobs: GenerationJob[] }> {
    const id = newId(now);
    const priority = options.priority ?? JobPriority.NORMAL;
    const created = await this.db.transaction().execute(async (t) => {
      await t
        .insertInto('batches')
        .values({ id, name: options.name ?? null, priority, created_at: now })
        .execute();
      return this.addMany(
        jobs.map((j) => ({ ...j, batchId: id, priority })),
        now,
        t,
      );
    });
    return {
      batch: { id, name: options.name ?? null, priority, createdAt: now, jobIds: created.map((j) => j.id) },
      jobs: created,
    };
  }

  async getBatch(id: string): Promise<Batch | undefined> {
    const row = await this.db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const ids = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('batch_id', '=', id)
      .orderBy('id')
      .execute();
    return {
      id: row.id,
      name: row.name,
      priority: row.priority as JobPriority,
      createdAt: Number(row.created_at),
      jobIds: ids.map((r) => r.id),
    };
  }

  async get(id: string): Promise<GenerationJob | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJob(row) : undefined;
  }

  /** Like {@link get} but throws `JobNotFoundError`. */
  async require(id: string): Promise<GenerationJob> {
    const job = await this.get(id);
    if (!job) throw new JobNotFoundError(id);
    return job;
  }

  /** Newest first, filtered and paged. */
  async list(filter: JobFilter = {}): Promise<JobPage> {
    const page = Math.max(1, filter.page ?? 1);
    const pageSize = Math.min(200, Math.max(1, filter.pageSize ?? 20));
    let q = this.db.selectFrom('jobs');
    if (filter.status?.length) q = q.where('status', 'in', filter.status);
    if (filter.modelName) q = q.where('model_name', '=', filter.modelName);
    if (filter.batchId) q = q.where('batch_id', '=', filter.batchId);
    const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const rows = await q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { jobs: rows.map(toJob), total: Number(total), page, pageSize };
  }

  /** Number of jobs in each state (every state present, zero when empty). */
  async countByStatus(): Promise<Record<JobStatus, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<JobStatus, number> = {
      pending: 0,
      running: 0,
      completed: 0,
      failed: 0,
      cancelled: 0,
    };
    for (const r of rows) counts[r.status as JobStatus] = Number(r.n);
    return counts;
  }

  /**
   * Atomically takes the next runnable job — highest priority, then oldest — and leases it to
   * `workerId` until `now + leaseMs`. On PostgreSQL the candidate row is locked with
   * `FOR UPDATE SKIP LOCKED`, so concurrent workers on many machines never take the same job and
   * never wait on each other; on SQLite the single UPDATE … WHERE id = (SELECT …) statement is
   * atomic under SQLite's one-writer lock.
   */
  async claim(
    workerId: string,
    leaseMs: number,
    options: { models?: string[]; now?: number } = {},
  ): Promise<GenerationJob | undefined> {
    const now = options.now ?? Date.now();
    const row = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        lease_owner: workerId,
        lease_expires_at: now + leaseMs,
        attempts: eb('attempts', '+', 1),
        started_at: now,
        progress: 0,
        stage: 'starting',
        updated_at: now,
      }))
      .where('status', '=', 'pending')
      .where('id', '=', (eb) => {
        let sub = eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'pending')
          .where('run_after', '<=', now)
          .where('cancel_requested', '=', 0);
        if (options.models)
          sub = sub.where('model_name', 'in', options.models.length ? options.models : ['']);
        sub = sub.orderBy('priority', 'desc').orderBy('created_at').orderBy('id').limit(1);
        return this.dialect === 'postgres' ? sub.forUpdate().skipLocked() : sub;
      })
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    this.changed([row.id]);
    return toJob(row);
  }

  /**
   * Renews the lease and records progress. Resolves `owned: false` when this worker no longer holds
   * the job; the worker must then stop and discard its work.
   */
  async heartbeat(
    id: string,
    workerId: string,
    leaseMs: number,
    progress?: { fraction: number; stage: string },
    now = Date.now(),
  ): Promise<HeartbeatResult> {
    const row = await this.db
      .updateTable('jobs')
      .set({
        lease_expires_at: now + leaseMs,
        updated_at: now,
        ...(progress
          ? { progress: Math.min(1, Math.max(0, progress.fraction)), stage: progress.stage.slice(0, 64) }
          : {}),
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', workerId)
      .returning('cancel_requested')
      .executeTakeFirst();
    if (row && progress) this.changed([id]);
    return { owned: !!row, cancelRequested: !!row?.cancel_requested };
  }

  /** Marks the job completed if `workerId` still holds it; false when the lease was lost. */
  async complete(id: string, workerId: string, result: JobResult, now = Date.now()): Promise<boolean> {
    return !!(await this.completeJob(id, workerId, result, now));
  }

  /** Like {@link complete}, resolving the job as recorded (undefined when the lease was lost). */
  async completeJob(
    id: string,
    workerId: string,
    result: JobResult,
    now = Date.now(),
  ): Promise<GenerationJob | undefined> {
    const row = await this.db
      .updateTable('jobs')
      .set({
        status: 'completed',
        progress: 1,
        stage: 'done',
        result: JSON.stringify(result),
        error: null,
        error_code: null,
        completed_at: now,
        updated_at: now,
        lease_owner: null,
        lease_expires_at: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', workerId)
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    this.changed([id]);
    return toJob(row);
  }

  /**
   * Records a failed attempt. A retryable failure with attempts left goes back to pending after the
   * backoff; otherwise the job is failed. Resolves the new status, or undefined if the lease was lost.
   */
  async fail(
    id: string,
    workerId: string,
    error: { message: string; code?: string; retryable: boolean },
    backoff: Backoff,
    now = Date.now(),
  ): Promise<JobStatus | undefined> {
    const job = await this.get(id);
    if (job?.status !== 'running' || job.leaseOwner !== workerId) return undefined;
    const retry = error.retryable && job.attempts < job.maxAttempts;
    const status: JobStatus = retry ? 'pending' : 'failed';
    const r = await this.db
      .updateTable('jobs')
      .set({
        status,
        error: error.message.slice(0, 4000),
        error_code: error.code ?? null,
        stage: retry ? 'waiting to retry' : 'failed',
        run_after: retry ? now + backoff(job.attempts) : job.runAfter,
        completed_at: retry ? null : now,
        updated_at: now,
        lease_owner: null,
        lease_expires_at: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', workerId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return undefined;
    this.changed([id]);
    return status;
  }

  /**
   * Hands a running job back to the queue without counting the attempt (a worker shutting down, or
   * a GPU that is busy right now); it becomes runnable after `delayMs`.
   */
  async release(id: string, workerId: string, delayMs = 0, now = Date.now()): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'pending',
        stage: 'queued',
        progress: 0,
        attempts: eb('attempts', '-', 1),
        run_after: now + delayMs,
        lease_owner: null,
        lease_expires_at: null,
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', workerId)
      .executeTakeFirst();
    const ok = Number(r.numUpdatedRows) === 1;
    if (ok) this.changed([id]);
    return ok;
  }

  /** The worker stopped at a checkpoint after a cancel request. */
  async markCancelled(id: string, workerId: string, now = Date.now()): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({
        status: 'cancelled',
        stage: 'cancelled',
        completed_at: now,
        updated_at: now,
        lease_owner: null,
        lease_expires_at: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', workerId)
      .executeTakeFirst();
    const ok = Number(r.numUpdatedRows) === 1;
    if (ok) this.changed([id]);
    return ok;
  }

  /**
   * Cancels a job: a pending one at once, a running one at its next checkpoint (its worker sees
   * the request on its next heartbeat). Throws `JobStateError` for a finished job.
   */
  async requestCancel(id: string, now = Date.now()): Promise<GenerationJob> {
    await this.db
      .updateTable('jobs')
      .set({
        status: 'cancelled',
        stage: 'cancelled',
        completed_at: now,
        updated_at: now,
        cancel_requested: 1,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    await this.db
      .updateTable('jobs')
      .set({ cancel_requested: 1, stage: 'cancelling', updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
    const job = await this.require(id);
    if (job.status === 'completed' || job.status === 'failed') {
      throw new JobStateError(`Job ${id} is ${job.status}; only pending or running jobs can be cancelled.`);
    }
    // Cancelling a cancelled job is a no-op, so clients can repeat the request safely.
    this.changed([id]);
    return job;
  }

  /** Queues a failed or cancelled job again with a fresh set of attempts. */
  async retry(id: string, now = Date.now()): Promise<GenerationJob> {
    const r = await this.db
      .updateTable('jobs')
      .set({
        status: 'pending',
        stage: 'queued',
        progress: 0,
        attempts: 0,
        error: null,
        error_code: null,
        cancel_requested: 0,
        run_after: now,
        started_at: null,
        completed_at: null,
        updated_at: now,
        result: null,
      })
      .where('id', '=', id)
      .where('status', 'in', ['failed', 'cancelled'])
      .executeTakeFirst();
    const job = await this.require(id);
    if (Number(r.numUpdatedRows) !== 1) {
      throw new JobStateError(`Job ${id} is ${job.status}; only failed or cancelled jobs can be retried.`);
    }
    this.changed([id]);
    return job;
  }

  /** Deletes the row; resolves the job as it was (its files are the caller's to remove). */
  async delete(id: string): Promise<GenerationJob> {
    const job = await this.require(id);
    await this.db.deleteFrom('jobs').where('id', '=', id).execute();
    this.changed([id]);
    return job;
  }

  /** Sets a status directly (the seed's `update_job_status`); finished states get a completion time. */
  async setStatus(id: string, status: JobStatus, now = Date.now()): Promise<void> {
    const finished = status === 'completed' || status === 'failed' || status === 'cancelled';
    const r = await this.db
      .updateTable('jobs')
      .set({
        status,
        updated_at: now,
        ...(finished ? { completed_at: now, lease_owner: null, lease_expires_at: null } : {}),
        ...(status === 'pending' ? { run_after: now, lease_owner: null, lease_expires_at: null } : {}),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new JobNotFoundError(id);
    this.changed([id]);
  }

  /**
   * Finds running jobs whose lease ran out (their worker died or hung) and puts them back in the
   * queue after the backoff, fails those out of attempts, and finishes cancelling those whose cancel
   * was requested. Every worker calls it periodically; the conditional UPDATEs make concurrent calls
   * harmless.
   */
  async recoverExpired(backoff: Backoff, now = Date.now()): Promise<RecoveryResult> {
    const expired = await this.db
      .selectFrom('jobs')
      .select(['id', 'attempts', 'max_attempts', 'cancel_requested', 'lease_owner'])
      .where('status', '=', 'running')
      .where('lease_expires_at', '<', now)
      .limit(500)
      .execute();
    const result: RecoveryResult = { requeued: 0, failed: 0, cancelled: 0 };
    for (const e of expired) {
      const cancelled = !!e.cancel_requested;
      const retry = !cancelled && e.attempts < e.max_attempts;
      const status = cancelled ? 'cancelled' : retry ? 'pending' : 'failed';
      const r = await this.db
        .updateTable('jobs')
        .set({
          status,
          stage: cancelled ? 'cancelled' : retry ? 'waiting to retry' : 'failed',
          error: cancelled ? null : `Worker ${e.lease_owner} stopped responding (lease expired).`,
          error_code: cancelled ? null : 'LEASE_EXPIRED',
          run_after: retry ? now + backoff(e.attempts) : now,
          completed_at: retry ? null : now,
          lease_owner: null,
          lease_expires_at: null,
          updated_at: now,
        })
        .where('id', '=', e.id)
        .where('status', '=', 'running')
        .where('lease_owner', '=', e.lease_owner)
        .where('lease_expires_at', '<', now)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) continue;
      this.changed([e.id]);
      if (cancelled) result.cancelled++;
      else if (retry) result.requeued++;
      else result.failed++;
    }
    return result;
  }

  /** Earliest time a pending job becomes runnable, to sleep exactly until then. */
  async nextRunAt(): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('run_after').as('t'))
      .where('status', '=', 'pending')
      .where('cancel_requested', '=', 0)
      .executeTakeFirst();
    return row?.t == null ? undefined : Number(row.t);
  }

  close(): Promise<void> {
    this.removeAllListeners();
    return this.database.close();
  }
}

function toJob(r: Row): GenerationJob {
  return {
    id: r.id,
    batchId: r.batch_id,
    prompt: r.prompt,
    modelName: r.model_name,
    config: JSON.parse(r.config) as JobParams,
    status: r.status as JobStatus,
    priority: r.priority as JobPriority,
    progress: Number(r.progress),
    stage: r.stage,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    error: r.error,
    errorCode: r.error_code,
    referenceImage: r.reference_image,
    cancelRequested: !!r.cancel_requested,
    leaseOwner: r.lease_owner,
    leaseExpiresAt: r.lease_expires_at == null ? null : Number(r.lease_expires_at),
    runAfter: Number(r.run_after),
    createdAt: Number(r.created_at),
    startedAt: r.started_at == null ? null : Number(r.started_at),
    completedAt: r.completed_at == null ? null : Number(r.completed_at),
    updatedAt: Number(r.updated_at),
    result: r.result ? (JSON.parse(r.result) as JobResult) : null,
  };
}
