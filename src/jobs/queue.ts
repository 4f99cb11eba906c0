import { EventEmitter } from 'node:events';
import { getConfig } from '../config.js';
import { type JobDatabase, type OpenDatabaseOptions, openDatabase } from './db.js';
import { type ArtifactStorage, jobKeys, LocalFolderStorage } from './storage.js';
import { JobStore } from './store.js';
import {
  type Batch,
  type GenerationJob,
  type JobFilter,
  type JobPage,
  type JobParams,
  JobPriority,
  type JobStatus,
  type NewJob,
} from './types.js';

export interface JobQueueOptions extends OpenDatabaseOptions {
  /** Where artifacts go (default: a local folder at DREAM_CAD_OUTPUT_DIR). */
  storage?: ArtifactStorage;
  /** Where uploaded reference images go (default: a local folder at DREAM_CAD_UPLOAD_DIR). */
  uploads?: ArtifactStorage;
  /** Attempts per job before it fails (default DREAM_CAD_MAX_ATTEMPTS). */
  maxAttempts?: number;
}

/** Options of a job beyond its prompt and model. */
export interface AddJobOptions extends JobParams {
  priority?: JobPriority;
  referenceImage?: string | null;
}

/**
 * The durable queue of generation jobs; the seed's `JobQueue` in TypeScript naming. Jobs live in
 * the database (SQLite or PostgreSQL), so they survive restarts and are shared by every process
 * that opens the same database.
 *
 * @example
 * const queue = await JobQueue.open(); // ./data/dream-cad.sqlite, or DATABASE_URL
 * const ids = await queue.createBatch(['chair', 'table', 'lamp'], 'dreamcad', { priority: JobPriority.HIGH });
 */
export class JobQueue extends EventEmitter<{ added: [count: number] }> {
  readonly maxAttempts: number;
  constructor(
    readonly store: JobStore,
    readonly storage: ArtifactStorage,
    readonly uploads: ArtifactStorage,
    options: { maxAttempts?: number } = {},
  ) {
    super();
    this.setMaxListeners(0);
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  /** Opens (and migrates) the database named by the options or by DATABASE_URL / DREAM_CAD_DATA_DIR. */
  static async open(options: JobQueueOptions = {}): Promise<JobQueue> {
    const config = getConfig();
    const database: JobDatabase = await openDatabase({
      url: options.url ?? config.databaseUrl,
      dataDir: options.dataDir ?? config.dataDir,
      ...options,
    });
    return new JobQueue(
      new JobStore(database),
      options.storage ?? new LocalFolderStorage(config.outputDir),
      options.uploads ?? new LocalFolderStorage(config.uploadDir),
      { maxAttempts: options.maxAttempts ?? config.maxAttempts },
    );
  }

  get dialect() {
    return this.store.dialect;
  }

  /** Queues a job; resolves its id. Accepts a full `NewJob` (the seed's `add_job(job)`). */
  async addJob(job: NewJob): Promise<string> {
    return (await this.enqueue(job)).id;
  }

  /** Queues a job; resolves it as stored. */
  async enqueue(job: NewJob): Promise<GenerationJob> {
    const created = await this.store.add({ maxAttempts: this.maxAttempts, ...job });
    this.emit('added', 1);
    return created;
  }

  /**
   * Queues one job per prompt, all with the same model, options and priority, atomically; resolves
   * their ids in prompt order.
   */
  async createBatch(prompts: string[], modelName: string, options: AddJobOptions & { name?: string } = {}) {
    return (await this.createBatchJobs(prompts, modelName, options)).batch.jobIds;
  }

  /** Like {@link createBatch}, resolving the batch and its jobs. */
  async createBatchJobs(
    prompts: string[],
    modelName: string,
    options: AddJobOptions & { name?: string } = {},
  ): Promise<{ batch: Batch; jobs: GenerationJob[] }> {
    const { priority, name, referenceImage, ...params } = options;
    const out = await this.store.createBatch(
      prompts.map((prompt) => ({
        prompt,
        modelName,
        config: params,
        referenceImage: referenceImage ?? null,
        maxAttempts: this.maxAttempts,
      })),
      { name, priority: priority ?? JobPriority.NORMAL },
    );
    this.emit('added', out.jobs.length);
    return out;
  }

  /**
   * Leases the next job (highest priority, then oldest) to `workerId`; the caller must heartbeat
   * within `leaseMs`. Resolves undefined when nothing is runnable.
   */
  getNextJob(workerId = 'default', leaseMs = 30_000, models?: string[]): Promise<GenerationJob | undefined> {
    return this.store.claim(workerId, leaseMs, { models });
  }

  updateJobStatus(jobId: string, status: JobStatus): Promise<void> {
    return this.store.setStatus(jobId, status);
  }

  /** The job's status, or undefined for an unknown id. */
  async getJobStatus(jobId: string): Promise<JobStatus | undefined> {
    return (await this.store.get(jobId))?.status;
  }

  getJob(jobId: string): Promise<GenerationJob | undefined> {
    return this.store.get(jobId);
  }

  listJobs(filter?: JobFilter): Promise<JobPage> {
    return this.store.list(filter);
  }

  cancelJob(jobId: string): Promise<GenerationJob> {
    return this.store.requestCancel(jobId);
  }

  async retryJob(jobId: string): Promise<GenerationJob> {
    const job = await this.store.retry(jobId);
    // A retried job starts clean: old downloads may not match what the new attempt makes.
    await this.storage.deletePrefix(jobKeys.folder(jobId));
    this.emit('added', 1);
    return job;
  }

  /** Deletes a job, its artifacts and its reference image; a running one is stopped by losing its lease. */
  async deleteJob(jobId: string): Promise<GenerationJob> {
    const job = await this.store.delete(jobId);
    await this.storage.deletePrefix(jobKeys.folder(jobId));
    if (job.referenceImage) await this.uploads.deletePrefix(job.referenceImage);
    return job;
  }

  close(): Promise<void> {
    this.removeAllListeners();
    return this.store.close();
  }
}
