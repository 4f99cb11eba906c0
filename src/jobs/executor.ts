import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { CancelledError } from '../errors.js';
import type { ExportOutput } from '../io/format.js';
import { exportAsset } from '../io/registry.js';
import type { Progress } from '../models/base.js';
import { decodeAsset } from './asset-codec.js';
import { type GenerateOutput, type GenerateTask, runGeneration } from './generate.js';
import type { ThreadMessage, ThreadTask } from './thread.js';
import { renderJobThumbnail } from './thumbnails.js';

/** Runs the heavy work of jobs: generation and format conversion. */
export interface Executor {
  generate(
    task: GenerateTask,
    hooks: { onProgress?: (p: Progress) => void; signal?: AbortSignal },
  ): Promise<GenerateOutput>;
  /** Converts a master asset to a format; the bytes of its main file and sidecars. */
  convert(master: Uint8Array, format: string, baseName: string): Promise<ExportOutput>;
  /** Renders a PNG thumbnail of a master asset (for jobs stored without one). */
  thumbnail(master: Uint8Array, size: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Runs everything on the calling thread. Meant for tests and for models registered at run time in
 * this thread; the server uses {@link ThreadExecutor} so generation never blocks HTTP.
 */
export class InlineExecutor implements Executor {
  generate(task: GenerateTask, hooks: { onProgress?: (p: Progress) => void; signal?: AbortSignal }) {
    return runGeneration(task, hooks);
  }
  convert(master: Uint8Array, format: string, baseName: string): Promise<ExportOutput> {
    return exportAsset(decodeAsset(master), format, baseName);
  }
  thumbnail(master: Uint8Array, size: number): Promise<Uint8Array> {
    return renderJobThumbnail(decodeAsset(master), size);
  }
  async close(): Promise<void> {}
}

export interface ThreadExecutorOptions {
  /** Worker threads (default 2). */
  threads?: number;
  /**
   * Modules each thread imports before its first task, e.g. ones that call `registerModel` for
   * custom models (models registered on the main thread do not exist in worker threads).
   */
  modules?: string[];
  /** How long a cancelled generation may take to reach a checkpoint before its thread is ended (ms). */
  cancelGraceMs?: number;
  /**
   * How much lower than the main thread the worker threads run (Linux nice steps, default 5: a
   * third of the main thread's CPU weight; 0 keeps them equal), so HTTP stays responsive while
   * generation keeps every core busy, yet generation is not starved on a machine busy with other work.
   */
  niceness?: number;
}

/** The compiled worker (dist), or from source a bootstrap that loads the TypeScript worker via tsx. */
function threadFile(): { filename: string; fromSource: boolean } {
  const js = new URL('./thread.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { filename: js.href, fromSource: false };
  return { filename: new URL('./thread-dev.mjs', import.meta.url).href, fromSource: true };
}

/**
 * Runs generation and conversion in a pool of worker threads (piscina), so the event loop stays
 * free for HTTP while models work. Progress and cancellation cross over a MessagePort per task; a
 * generation that ignores cancellation for `cancelGraceMs` has its thread terminated.
 */
export class ThreadExecutor implements Executor {
  private readonly pool: Piscina;
  private readonly modules: string[];
  private readonly cancelGraceMs: number;

  constructor(options: ThreadExecutorOptions = {}) {
    const threads = options.threads ?? 2;
    this.modules = (options.modules ?? []).map((m) => (/^[a-z]+:/.test(m) ? m : pathToFileURL(m).href));
    this.cancelGraceMs = options.cancelGraceMs ?? 5000;
    const { filename, fromSource } = threadFile();
    this.pool = new Piscina({
      filename,
      // From source the bootstrap registers tsx itself; an inherited `--import tsx` would only
      // install the CommonJS half, which cannot load ESM-only dependencies.
      ...(fromSource ? { execArgv: [] } : {}),
      minThreads: 1,
      maxThreads: threads,
      // One task per thread at a time: models are not re-entrant and each task may use a core fully.
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      workerData: { niceness: options.niceness ?? 5 },
    });
  }

  async generate(
    task: GenerateTask,
    hooks: { onProgress?: (p: Progress) => void; signal?: AbortSignal },
  ): Promise<GenerateOutput> {
    const { port1, port2 } = new MessageChannel();
    const hardStop = new AbortController();
    let graceTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      port1.postMessage({ type: 'cancel' });
      graceTimer = setTimeout(() => hardStop.abort(), this.cancelGraceMs);
    };
    if (hooks.signal?.aborted) throw new CancelledError();
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    port1.on('message', (m: ThreadMessage) => {
      if (m.type === 'progress') hooks.onProgress?.(m.progress);
    });
    const payload: ThreadTask = { kind: 'generate', task, modules: this.modules, port: port2 };
    try {
      return (await this.pool.run(payload, {
        transferList: [port2],
        signal: hardStop.signal,
      })) as GenerateOutput;
    } catch (err) {
      if (hardStop.signal.aborted) throw new CancelledError();
      throw reviveError(err);
    } finally {
      clearTimeout(graceTimer);
      hooks.signal?.removeEventListener('abort', onAbort);
      port1.close();
    }
  }

  async convert(master: Uint8Array, format: string, baseName: string): Promise<ExportOutput> {
    const payload: ThreadTask = { kind: 'convert', master, format, baseName, modules: this.modules };
    try {
      return (await this.pool.run(payload)) as ExportOutput;
    } catch (err) {
      throw reviveError(err);
    }
  }

  async thumbnail(master: Uint8Array, size: number): Promise<Uint8Array> {
    const payload: ThreadTask = { kind: 'thumbnail', master, size, modules: this.modules };
    try {
      return (await this.pool.run(payload)) as Uint8Array;
    } catch (err) {
      throw reviveError(err);
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * Errors cross threads as plain objects (structured clone drops the class), so a library error is
 * rebuilt with its `code` and name kept: the queue decides retries, and HTTP statuses, by code.
 */
function reviveError(err: unknown): Error {
  if (!(err instanceof Error)) return new Error(String(err));
  const data = err as Error & { code?: string; dreamCadName?: string };
  const match = /^\[(\w+):([A-Z_]+)\] ([\s\S]*)$/.exec(err.message);
  if (match) {
    const revived = new Error(match[3]) as Error & { code?: string };
    revived.name = match[1];
    revived.code = match[2];
    return revived;
  }
  return data;
}
