import type { Config } from '../config.js';
import type { Executor } from '../jobs/executor.js';
import type { BatchProcessor } from '../jobs/processor.js';
import type { JobQueue } from '../jobs/queue.js';
import type { ResourceManager } from '../jobs/resources.js';
import type { Metrics } from './metrics.js';

/** What the route plugins share; decorated onto the app as `app.services`. */
export interface Services {
  config: Config;
  queue: JobQueue;
  /** In-process workers; absent when the server only serves the API (`--workers 0`). */
  processor?: BatchProcessor;
  workers: number;
  /** Runs format conversions for downloads (threads in production). */
  executor: Executor;
  resources: ResourceManager;
  metrics: Metrics;
  startedAt: number;
  /** Whether writes need the API token. */
  authRequired: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
