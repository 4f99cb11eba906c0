/**
 * The job model shared by the store, the queue, the workers and the HTTP layer; the seed's
 * `GenerationJob`, `JobStatus` and `JobPriority` in TypeScript naming.
 */

/** Where a job is in its life: pending → running → completed | failed | cancelled. */
export const JobStatus = {
  PENDING: 'pending',
  RUNNING: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

export const JOB_STATUSES: readonly JobStatus[] = Object.values(JobStatus);

/** States a job never leaves on its own (retry moves failed and cancelled jobs back to pending). */
export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Higher runs first; the numbers are stored, so they never change. */
export const JobPriority = {
  LOW: 0,
  NORMAL: 1,
  HIGH: 2,
  URGENT: 3,
} as const;
export type JobPriority = (typeof JobPriority)[keyof typeof JobPriority];
export type JobPriorityName = keyof typeof JobPriority;

export const PRIORITY_NAMES = Object.keys(JobPriority) as JobPriorityName[];

/** Accepts a priority as its number (0–3) or its name in any case ("high"). */
export function parsePriority(value: unknown): JobPriority | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3) {
    return value as JobPriority;
  }
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if (upper in JobPriority) return JobPriority[upper as JobPriorityName];
    if (/^[0-3]$/.test(upper)) return Number(upper) as JobPriority;
  }
  return undefined;
}

export function priorityName(priority: number): JobPriorityName {
  return PRIORITY_NAMES.find((n) => JobPriority[n] === priority) ?? 'NORMAL';
}

/** Generation settings stored with the job; every field is optional and model-specific ones pass through. */
export interface JobParams {
  seed?: number;
  negativePrompt?: string;
  numInferenceSteps?: number;
  guidanceScale?: number;
  /** Grid samples per axis of models that mesh a field (point-e's SDF grid, 16–256). */
  meshResolution?: number;
  /** Return the coloured point cloud instead of a mesh (point-e); downloads as ply or glb only. */
  pointsOnly?: boolean;
  /** 'low' | 'medium' | 'high': how much geometric detail the model should aim for. */
  detail?: string;
  /** Formats the user wants; the web app shows these first. Every format can still be downloaded. */
  formats?: string[];
  /**
   * What dreamcad does with the job's reference image: 'palette' (the default when there is one: its
   * dominant colours colour the parts) or 'none'. Passed to the model like every other option.
   */
  useImageAs?: 'palette' | 'none';
  [option: string]: unknown;
}

/** What a completed job produced. */
export interface JobResult {
  /** Storage key of the master asset every download is converted from. */
  masterKey: string;
  /** Storage key of the GLB written at completion (the preview and the most common download). */
  glbKey: string;
  /** Storage key of the PNG thumbnail written at completion, when one was rendered. */
  thumbnailKey?: string;
  seed?: number;
  generationTime: number;
  vertexCount: number;
  triangleCount: number;
  parts: number;
  /** Which worker produced it. */
  workerId: string;
  metadata?: Record<string, unknown>;
}

/** One generation job as stored. Times are milliseconds since the epoch. */
export interface GenerationJob {
  id: string;
  batchId: string | null;
  prompt: string;
  modelName: string;
  config: JobParams;
  status: JobStatus;
  priority: JobPriority;
  /** 0 to 1. */
  progress: number;
  /** Short label of the current stage ("queued", "generating", "exporting", …). */
  stage: string;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  errorCode: string | null;
  /** Storage key (in the upload storage) of the reference image, if one was given. */
  referenceImage: string | null;
  cancelRequested: boolean;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  runAfter: number;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  updatedAt: number;
  result: JobResult | null;
}

/** What a caller gives to create a job. */
export interface NewJob {
  prompt: string;
  modelName: string;
  config?: JobParams;
  priority?: JobPriority;
  batchId?: string | null;
  referenceImage?: string | null;
  maxAttempts?: number;
}

export interface Batch {
  id: string;
  name: string | null;
  priority: JobPriority;
  createdAt: number;
  jobIds: string[];
}

export interface JobFilter {
  status?: JobStatus[];
  modelName?: string;
  batchId?: string;
  /** 1-based page. */
  page?: number;
  pageSize?: number;
}

export interface JobPage {
  jobs: GenerationJob[];
  total: number;
  page: number;
  pageSize: number;
}
