/**
 * The worker-thread side of {@link ThreadExecutor}: imports the library (which registers the
 * built-in models and formats), then runs one task at a time.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { type MessagePort, workerData } from 'node:worker_threads';
import { DreamCadError } from '../errors.js';
import '../index.js';
import type { ExportOutput } from '../io/format.js';
import { exportAsset } from '../io/registry.js';
import type { Model3D, Progress } from '../models/base.js';
import { ModelFactory } from '../models/factory.js';
import { decodeAsset } from './asset-codec.js';
import { type GenerateTask, runGeneration } from './generate.js';
import { renderJobThumbnail } from './thumbnails.js';

export type ThreadTask =
  | { kind: 'generate'; task: GenerateTask; modules: string[]; port: MessagePort }
  | { kind: 'convert'; master: Uint8Array; format: string; baseName: string; modules: string[] }
  | { kind: 'thumbnail'; master: Uint8Array; size: number; modules: string[] };

export type ThreadMessage = { type: 'progress'; progress: Progress } | { type: 'cancel' };

/**
 * Generation is batch work and HTTP is interactive: on Linux, where the nice value is per thread,
 * this thread lowers its own priority, so when every core is busy the event loop (job reads,
 * submissions, live events) runs first and generation takes the rest. Nothing changes when cores
 * are free. Elsewhere, or if the kernel refuses, threads keep the process's priority.
 */
function lowerPriority(niceness: number): void {
  if (process.platform !== 'linux' || !(niceness > 0)) return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + niceness));
  } catch {
    // Not permitted or not available: run at normal priority.
  }
}
lowerPriority((workerData as { niceness?: number } | undefined)?.niceness ?? 0);

const imported = new Set<string>();
// Models stay loaded between jobs of this thread; weights are the expensive part.
const models = new Map<string, Model3D>();

async function importModules(modules: string[]): Promise<void> {
  for (const m of modules) {
    if (imported.has(m)) continue;
    await import(m);
    imported.add(m);
  }
}

function getModel(name: string): Model3D {
  let model = models.get(name);
  if (!model) {
    model = ModelFactory.createModel(name);
    models.set(name, model);
  }
  return model;
}

export default async function run(payload: ThreadTask): Promise<unknown> {
  try {
    await importModules(payload.modules);
    if (payload.kind === 'convert') {
      const out: ExportOutput = await exportAsset(
        decodeAsset(payload.master),
        payload.format,
        payload.baseName,
      );
      return out;
    }
    if (payload.kind === 'thumbnail')
      return await renderJobThumbnail(decodeAsset(payload.master), payload.size);
    const { port } = payload;
    const controller = new AbortController();
    port.on('message', (m: ThreadMessage) => {
      if (m.type === 'cancel') controller.abort();
    });
    try {
      const out = await runGeneration(
        payload.task,
        {
          signal: controller.signal,
          onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies ThreadMessage),
        },
        getModel,
      );
      return out;
    } finally {
      port.close();
    }
  } catch (err) {
    // Keep the class name and stable code through the thread boundary (see reviveError).
    if (err instanceof DreamCadError) throw new Error(`[${err.name}:${err.code}] ${err.message}`);
    throw err;
  }
}
