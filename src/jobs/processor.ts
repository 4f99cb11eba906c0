import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import type { Progress } from '../models/base.js';
import { type Executor, InlineExecutor } from './executor.js';
import type { GenerateOutput } from './generate.js';
import type { JobQueue } from './queue.js';
import { ResourceManager } from './resources.js';
import { jobKeys } from './storage.js';
import { type Backoff, exponentialBackoff } from './store.js';
import { JOB_THUMBNAIL_SIZE } from './thumbnails.js';
import type { GenerationJob, JobResult, JobStatus } from './types.js';

export interface BatchProcessorOptions {
  /** Runs generation (default: inline on this thread; the server passes a `ThreadExecutor`). */
  executor?: Executor;
  /** Identifies this process in leases (default: host:pid:random). */
  workerId?: string;
  /** Lease length in ms (default 30000); a worker that misses heartbeats this long loses its job. */
  leaseMs?: number;
  /** Heartbeat interval in ms (default leaseMs / 3). */
  heartbeatMs?: number;
  /** How often an idle worker looks for work in ms (default 500); local submissions wake it at once. */
  pollMs?: number;
  /** Delay before retrying a failed attempt (default: exponential from 2 s, capped at 60 s). */
  backoff?: Backoff;
  /** Only claim jobs for these models (default: any). */
  models?: string[];
  /** How long `stopProcessing` waits for running jobs before handing them back (ms, default 10000). */
  stopGraceMs?: number;
  /**
   * Side in pixels of the PNG thumbnail rendered with each completed job (default 256, stored as
   * `jobs/<id>/thumbnail.png`); 0 renders none.
   */
  thumbnailSize?: number;
}

/** Emitted when a job this processor ran reaches an outcome. */
export interface JobOutcome {
  job: GenerationJob;
  status: JobStatus | 'lost' | 'released';
  durationMs: number;
  error?: string;
}

/** Error codes no retry can fix: the input or the setup is wrong, not the moment. */
const PERMANENT = new Set([
  'INVALID_PROMPT',
  // The same prompt is read the same way every time: another attempt cannot understand it.
  'PROMPT_NOT_UNDERSTOOD',
  'MODEL_NOT_FOUND',
  'NOT_SUPPORTED',
  'INSUFFICIENT_VRAM',
  'FILE_FORMAT',
  'INVALID_CONFIG',
]);

/**
 * Pulls jobs from a {@link JobQueue} and runs them; the seed's `BatchProcessor`. Each of the
 * `numWorkers` loops claims a job under a lease, renews it by heartbeat while the executor works,
 * stops at the next checkpoint when the job is cancelled or the lease is lost, stores the artifacts,
 * and records the outcome. Failed attempts are retried with backoff up to the job's `maxAttempts`.
 * Every processor also recovers jobs whose worker died (lease expired).
 *
 * @example
 * const processor = new BatchProcessor(queue, new ResourceManager());
 * processor.startProcessing(2);
 * …
 * await processor.stopProcessing();
 */
export class BatchProcessor extends EventEmitter<{ outcome: [JobOutcome] }> {
  readonly workerId: string;
  private readonly executor: Executor;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly backoff: Backoff;
  private readonly stopGraceMs: number;
  private readonly thumbnailSize: number;
  private running = false;
  private loops: Promise<void>[] = [];
  private wake?: () => void;
  private readonly active = new Map<string, AbortController>();
  private recoverTimer?: NodeJS.Timeout;
  private readonly onAdded = () => this.wakeAll();

  constructor(
    readonly queue: JobQueue,
    readonly resources: ResourceManager = new ResourceManager(),
    private readonly options: BatchProcessorOptions = {},
  ) {
    super();
    this.executor = options.executor ?? new InlineExecutor();
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(100, Math.floor(this.leaseMs / 3));
    this.pollMs = options.pollMs ?? 500;
    this.backoff = options.backoff ?? exponentialBackoff();
    this.stopGraceMs = options.stopGraceMs ?? 10_000;
    this.thumbnailSize = options.thumbnailSize ?? JOB_THUMBNAIL_SIZE;
  }

  get isProcessing(): boolean {
    return this.running;
  }

  /** Jobs this processor is running now. */
  get activeJobs(): string[] {
    return [...this.active.keys()];
  }

  /** Starts `numWorkers` loops (default 1); each runs one job at a time. */
  startProcessing(numWorkers = 1): void {
    if (this.running) return;
    this.running = true;
    this.queue.on('added', this.onAdded);
    const recover = async () => {
      try {
        const r = await this.store.recoverExpired(this.backoff);
        if (r.requeued) this.wakeAll();
      } catch {
        // The database may be briefly unreachable; the next round tries again.
      }
    };
    void recover();
    this.recoverTimer = setInterval(recover, Math.max(250, Math.floor(this.leaseMs / 2)));
    this.recoverTimer.unref();
    for (let i = 0; i < numWorkers; i++) this.loops.push(this.loop());
  }

  /**
   * Stops claiming, lets running jobs finish for up to `stopGraceMs`, then stops the rest and hands
   * them back to the queue (pending, attempt not counted) for the next start or another worker.
   */
  async stopProcessing(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.queue.off('added', this.onAdded);
    clearInterval(this.recoverTimer);
    this.wakeAll();
    const all = Promise.all(this.loops);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((r) => {
      timer = setTimeout(r, this.stopGraceMs);
    });
    await Promise.race([all, grace]);
    clearTimeout(timer);
    for (const controller of this.active.values()) controller.abort('shutdown');
    await all;
    this.loops = [];
  }

  /** Stops processing and closes the executor (its threads). */
  async close(): Promise<void> {
    await this.stopProcessing();
    await this.executor.close();
  }

  private get store() {
    return this.queue.store;
  }

  private wakeAll(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const previous = this.wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
      // Chain wakers so one wake call releases every idle loop.
      this.wake = () => {
        done();
        previous?.();
      };
    });
  }

  /**
   * One worker loop. Generation of the next job starts as soon as the previous one's generation
   * is done: storing its artifacts and recording its outcome (file and database round trips on
   * this thread) overlap with the next generation instead of leaving the worker thread idle. At
   * most one job per loop is being finished at a time, and its lease is kept by heartbeat until
   * its outcome is recorded.
   */
  private async loop(): Promise<void> {
    let finishing: Promise<unknown> | undefined;
    while (this.running) {
      let job: GenerationJob | undefined;
      try {
        job = await this.queue.getNextJob(this.workerId, this.leaseMs, this.options.models);
      } catch {
        job = undefined;
      }
      if (!job) {
        if (finishing) {
          // Nothing to claim: finish the job in hand, then look once more before sleeping (its
          // outcome may be a retry that is due at once).
          await finishing;
          finishing = undefined;
        } else if (this.running) await this.sleep(this.pollMs);
        continue;
      }
      const finish = await this.runJob(job);
      await finishing;
      finishing = finish();
    }
    await finishing;
  }

  /**
   * Runs one claimed job to an outcome; resolves the job as recorded afterwards (the seed's
   * `process_job`, whose `result` holds the artifact keys).
   */
  async processJob(job: GenerationJob): Promise<GenerationJob | undefined> {
    const finish = await this.runJob(job);
    return finish();
  }

  /**
   * The first part of a job: checks, device, generation. Resolves a function that does the rest
   * (store the artifacts, record the outcome, emit it) and resolves the job as recorded.
   */
  private async runJob(job: GenerationJob): Promise<() => Promise<GenerationJob | undefined>> {
    const started = performance.now();
    const controller = new AbortController();
    this.active.set(job.id, controller);
    let why: 'cancel' | 'lost' | 'shutdown' | undefined;
    controller.signal.addEventListener('abort', () => {
      why ??= controller.signal.reason === 'shutdown' ? 'shutdown' : 'cancel';
    });
    let latest: Progress | undefined;
    let dirty = false;
    // The claim recorded the start; progress is first written after 200 ms, so a job that takes
    // less costs no progress write at all.
    let lastFlush = Date.now();
    let flushing: Promise<void> | undefined;
    const beat = (withProgress: boolean) => {
      if (flushing) return flushing;
      const progress = withProgress && dirty ? latest : undefined;
      dirty = false;
      lastFlush = Date.now();
      flushing = this.store
        .heartbeat(job.id, this.workerId, this.leaseMs, progress)
        .then((hb) => {
          if (!hb.owned) {
            why ??= 'lost';
            controller.abort('lost');
          } else if (hb.cancelRequested) controller.abort('cancel');
        })
        .catch(() => {
          // A missed heartbeat is retried on the next tick; the lease covers several.
        })
        .finally(() => {
          flushing = undefined;
        });
      return flushing;
    };
    const timer = setInterval(() => void beat(true), this.heartbeatMs);
    const onProgress = (p: Progress) => {
      latest = { fraction: 0.05 + 0.9 * Math.min(1, Math.max(0, p.fraction)), stage: p.stage };
      dirty = true;
      // Progress reaches the database at most ~5 times a second, so SSE stays live without
      // turning every model step into a write.
      if (Date.now() - lastFlush >= 200) void beat(true);
    };
    let device: number | null = null;
    let out: GenerateOutput | undefined;
    let failure: unknown;
    let released = false;
    try {
      if (job.cancelRequested) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
      this.resources.assertCanRun(job.modelName);
      device = this.resources.assignJobToGpu(job.id, job.modelName);
      if (device === null) {
        // Fits this machine but not right now: hand it back without spending an attempt.
        await this.release(job, 2000);
        released = true;
      } else {
        onProgress({ fraction: 0, stage: 'generating' });
        const referenceImage = job.referenceImage
          ? await this.queue.uploads.get(job.referenceImage)
          : undefined;
        out = await this.executor.generate(
          {
            jobId: job.id,
            prompt: job.prompt,
            modelName: job.modelName,
            params: job.config,
            referenceImage: referenceImage ? new Uint8Array(referenceImage) : undefined,
            thumbnailSize: this.thumbnailSize,
          },
          { onProgress, signal: controller.signal },
        );
        // A finished generation is kept even when shutdown began meanwhile: it is stored below.
        if (why === 'cancel' || why === 'lost') throw Object.assign(new Error(why), { code: 'CANCELLED' });
      }
    } catch (err) {
      failure = err;
    } finally {
      // The device is free for the next job as soon as generation ends.
      if (device !== null) this.resources.releaseGpu(device, job.id);
    }

    return async () => {
      let outcome: JobOutcome['status'];
      let errorText: string | undefined;
      let recorded: GenerationJob | undefined;
      try {
        if (released) {
          outcome = 'released';
          return undefined;
        }
        if (failure !== undefined) throw failure;
        await flushing;
        if (why === 'cancel' || why === 'lost') throw Object.assign(new Error(why), { code: 'CANCELLED' });
        const result = await this.storeArtifacts(job, out!);
        recorded = await this.store.completeJob(job.id, this.workerId, result);
        outcome = recorded ? 'completed' : 'lost';
      } catch (err) {
        const code = (err as { code?: string }).code;
        errorText = err instanceof Error ? err.message : String(err);
        await flushing;
        if (why === 'lost') outcome = 'lost';
        else if (why === 'shutdown') {
          await this.release(job, 0);
          outcome = 'released';
        } else if (why === 'cancel' || code === 'CANCELLED') {
          outcome = (await this.store.markCancelled(job.id, this.workerId)) ? 'cancelled' : 'lost';
        } else {
          const status = await this.store.fail(
            job.id,
            this.workerId,
            { message: errorText, code, retryable: !PERMANENT.has(code ?? '') },
            this.backoff,
          );
          outcome = status ?? 'lost';
          // A retry may already be due (zero backoff); let an idle loop look now.
          if (status === 'pending') this.wakeAll();
        }
      } finally {
        clearInterval(timer);
        this.active.delete(job.id);
      }
      const after = recorded ?? (await this.store.get(job.id).catch(() => undefined));
      this.emit('outcome', {
        job: after ?? job,
        status: outcome,
        durationMs: performance.now() - started,
        error: errorText,
      });
      return after;
    };
  }

  /**
   * Writes the master asset, the GLB and the thumbnail under the job's keys (the same keys on every
   * attempt, each written atomically: one copy, never a partial file).
   */
  private async storeArtifacts(job: GenerationJob, out: GenerateOutput): Promise<JobResult> {
    const masterKey = jobKeys.master(job.id);
    const glbKey = jobKeys.download(job.id, 'glb', 'glb');
    const thumbnailKey = out.thumbnail ? jobKeys.thumbnail(job.id) : undefined;
    // Any cached conversion is from an older attempt; drop it before the new master lands. A
    // first attempt has none (a job's folder is emptied when it is retried).
    if (job.attempts > 1) await this.queue.storage.deletePrefix(`${jobKeys.folder(job.id)}download/`);
    await Promise.all([
      this.queue.storage.put(masterKey, out.master),
      this.queue.storage.put(glbKey, out.glb),
      thumbnailKey ? this.queue.storage.put(thumbnailKey, out.thumbnail!) : undefined,
    ]);
    return {
      masterKey,
      glbKey,
      ...(thumbnailKey ? { thumbnailKey } : {}),
      seed: out.seed,
      generationTime: out.generationTime,
      vertexCount: out.vertexCount,
      triangleCount: out.triangleCount,
      parts: out.parts,
      workerId: this.workerId,
      metadata: out.metadata,
    };
  }

  /** Hands a job back to the queue without counting the attempt. */
  private async release(job: GenerationJob, delayMs: number): Promise<void> {
    await this.store.release(job.id, this.workerId, delayMs);
  }
}
