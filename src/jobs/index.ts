/** The durable job system: store, queue, workers, GPU resources and artifact storage. */
export { decodeAsset, encodeAsset } from './asset-codec.js';
export { type Dialect, type JobDatabase, type OpenDatabaseOptions, openDatabase } from './db.js';
export { JobError, JobNotFoundError, JobStateError, ThumbnailNotReadyError } from './errors.js';
export { type Executor, InlineExecutor, ThreadExecutor, type ThreadExecutorOptions } from './executor.js';
export type { GenerateOutput, GenerateTask } from './generate.js';
export { isValidId, newId } from './ids.js';
export { BatchProcessor, type BatchProcessorOptions, type JobOutcome } from './processor.js';
export { type AddJobOptions, JobQueue, type JobQueueOptions } from './queue.js';
export { CPU_DEVICE, type DeviceInfo, ResourceManager, type ResourceManagerOptions } from './resources.js';
export { type ArtifactStorage, jobKeys, LocalFolderStorage } from './storage.js';
export { type Backoff, exponentialBackoff, JobStore } from './store.js';
export { ensureThumbnail, JOB_THUMBNAIL_SIZE } from './thumbnails.js';
export * from './types.js';
