import { assertHoldsPointClouds, listFormats, resolveFormat } from '../io/registry.js';
import { JobStateError } from './errors.js';
import type { Executor } from './executor.js';
import type { ArtifactStorage } from './storage.js';
import { jobKeys } from './storage.js';
import type { GenerationJob } from './types.js';
import { zipFiles } from './zip.js';

/** A file ready to send: its bytes, the name the client should save it as, and its type. */
export interface DownloadFile {
  data: Buffer;
  fileName: string;
  mimeType: string;
  /** True when it was converted by this call, false when it came from the cache. */
  converted: boolean;
}

const inFlight = new Map<string, Promise<DownloadFile>>();

/** A short, safe file name from the prompt ("a red chair" → "a-red-chair"). */
export function downloadBaseName(job: GenerationJob): string {
  const slug = job.prompt
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || `model-${job.id.slice(-6)}`;
}

/**
 * The job's asset in `format`, converted from the stored master asset on first request and cached
 * in storage afterwards. Formats that write several files (OBJ with its .mtl and textures) come as
 * one ZIP. Concurrent requests for the same conversion share one run.
 *
 * @example
 * const file = await ensureDownload(job, 'obj', storage, executor);
 */
export async function ensureDownload(
  job: GenerationJob,
  format: string,
  storage: ArtifactStorage,
  executor: Executor,
): Promise<DownloadFile> {
  if (job.status !== 'completed' || !job.result) {
    throw new JobStateError(`Job ${job.id} is ${job.status}; downloads are available once it has completed.`);
  }
  const writer = resolveFormat(`model.${format}`, format);
  // A pointsOnly job's asset is a point cloud: refuse triangle-only formats here, with the library's
  // own FileFormatError, rather than after a trip to a worker thread.
  if (job.config.pointsOnly === true) assertHoldsPointClouds(writer);
  const base = downloadBaseName(job);
  const key = inFlightKey(job, writer.format);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const run = (async (): Promise<DownloadFile> => {
    for (const ext of [writer.extensions[0] ?? writer.format, 'zip']) {
      const cached = await storage.get(jobKeys.download(job.id, writer.format, ext));
      if (cached) {
        const zip = ext === 'zip' && ext !== writer.extensions[0];
        return {
          data: cached,
          fileName: `${base}.${ext}`,
          mimeType: zip ? 'application/zip' : writer.mimeType,
          converted: false,
        };
      }
    }
    const master = await storage.get(job.result!.masterKey);
    if (!master) throw new JobStateError(`Job ${job.id} has no stored asset any more; retry the job.`);
    const out = await executor.convert(new Uint8Array(master), writer.format, base);
    const ext = writer.extensions[0] ?? writer.format;
    let file: DownloadFile;
    if (out.sidecars.length === 0) {
      file = {
        data: Buffer.from(out.main),
        fileName: `${base}.${ext}`,
        mimeType: writer.mimeType,
        converted: true,
      };
    } else {
      const zip = zipFiles([{ name: `${base}.${ext}`, data: out.main }, ...out.sidecars]);
      file = { data: zip, fileName: `${base}.zip`, mimeType: 'application/zip', converted: true };
    }
    await storage.put(
      jobKeys.download(job.id, writer.format, file.mimeType === 'application/zip' ? 'zip' : ext),
      file.data,
    );
    return file;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

function inFlightKey(job: GenerationJob, format: string): string {
  return `${job.id}:${job.completedAt}:${format}`;
}

/** Format ids that can be downloaded. */
export function downloadFormats(): string[] {
  return listFormats().map((w) => w.format);
}
