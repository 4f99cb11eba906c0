import { pointCloudFormats } from '../io/registry.js';
import { downloadFormats } from '../jobs/downloads.js';
import { type GenerationJob, priorityName } from '../jobs/types.js';
import type { PaletteReport } from '../models/dreamcad/engine.js';

const iso = (t: number | null) => (t == null ? null : new Date(t).toISOString());

/** The public JSON of a job: no lease internals, no storage keys, links for what a client does next. */
export function presentJob(job: GenerationJob) {
  const self = `/api/jobs/${job.id}`;
  const done = job.status === 'completed';
  const downloads: Record<string, string> = {};
  // A point cloud (pointsOnly) downloads only in the formats that hold points; the others answer 400.
  const formats = job.config.pointsOnly === true ? pointCloudFormats() : downloadFormats();
  if (done) for (const f of formats) downloads[f] = `${self}/download/${f}`;
  return {
    id: job.id,
    batchId: job.batchId,
    prompt: job.prompt,
    model: job.modelName,
    status: job.status,
    priority: priorityName(job.priority),
    progress: job.progress,
    stage: job.stage,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    error: job.error,
    errorCode: job.errorCode,
    params: job.config,
    hasReferenceImage: !!job.referenceImage,
    cancelRequested: job.cancelRequested,
    createdAt: iso(job.createdAt)!,
    startedAt: iso(job.startedAt),
    completedAt: iso(job.completedAt),
    updatedAt: iso(job.updatedAt)!,
    result: job.result
      ? {
          ...(job.result.seed !== undefined ? { seed: job.result.seed } : {}),
          generationTime: job.result.generationTime,
          vertexCount: job.result.vertexCount,
          triangleCount: job.result.triangleCount,
          parts: job.result.parts,
          ...(job.result.metadata?.palette ? { palette: job.result.metadata.palette as PaletteReport } : {}),
        }
      : null,
    links: {
      self,
      events: `${self}/events`,
      preview: done ? `${self}/download/glb` : null,
      thumbnail: done ? `${self}/thumbnail` : null,
      downloads,
    },
  };
}
