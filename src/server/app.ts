import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import '../index.js';
import { type Config, getConfig } from '../config.js';
import { type Executor, ThreadExecutor } from '../jobs/executor.js';
import { BatchProcessor, type BatchProcessorOptions } from '../jobs/processor.js';
import { JobQueue, type JobQueueOptions } from '../jobs/queue.js';
import { ResourceManager } from '../jobs/resources.js';
import { Metrics } from './metrics.js';
import { docsPlugin } from './plugins/docs.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';
import { problemPlugin } from './problem.js';
import { batchRoutes } from './routes/batches.js';
import { downloadRoutes } from './routes/downloads.js';
import { eventRoutes } from './routes/events.js';
import { jobRoutes } from './routes/jobs.js';
import { performanceRoutes } from './routes/performance.js';
import { systemRoutes } from './routes/system.js';
import { thumbnailRoutes } from './routes/thumbnails.js';
import type { Services } from './services.js';

export interface ServerOptions {
  /** Settings (default: the validated environment, `getConfig()`). */
  config?: Config;
  /** An open queue to serve; otherwise one is opened from `queueOptions` and the config, and closed with the app. */
  queue?: JobQueue;
  queueOptions?: JobQueueOptions;
  /** In-process worker loops (default DREAM_CAD_MAX_WORKERS); 0 serves the API only. */
  workers?: number;
  /** Runs generation and conversions (default: a pool of worker threads). */
  executor?: Executor;
  /** Modules the worker threads import first, e.g. ones registering custom models. */
  threadModules?: string[];
  processorOptions?: BatchProcessorOptions;
  resources?: ResourceManager;
  /** Overrides DREAM_CAD_API_TOKEN; an empty string turns the token off. */
  apiToken?: string;
  /** Overrides DREAM_CAD_RATE_LIMIT (requests per minute; 0 = off). */
  rateLimit?: number;
  /** Overrides DREAM_CAD_TRUST_PROXY. */
  trustProxy?: boolean;
  /** Folder of the web app (default: `web/` at the package root); false serves the API only. */
  webRoot?: string | false;
  /** Fastify's logger option (default: off). */
  logger?: FastifyServerOptions['logger'];
}

/**
 * One log line per request, when it completes, instead of Fastify's two. Routine reads (GET/HEAD
 * answered below 400 within a second) are logged at debug level: clients polling a job would
 * otherwise make the log, a synchronous write on the event loop, the busiest part of the server.
 * Writes, errors and slow requests stay at info.
 */
class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const ms = reply.elapsedTime;
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      ms: Math.round(ms),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if ((request.method === 'GET' || request.method === 'HEAD') && reply.statusCode < 400 && ms < 1000) {
      reply.log.debug(line, 'request');
    } else reply.log.info(line, 'request');
  }
}

/**
 * Builds the HTTP server: REST API, live events, downloads, metrics, OpenAPI docs and the web app,
 * with in-process workers unless `workers: 0`. Not listening yet: call `listen`, or `inject` in
 * tests. Closing the app stops the workers and closes what it opened.
 *
 * @example
 * const app = await buildServer({ workers: 2 });
 * await app.listen({ port: 3000 });
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const config = options.config ?? getConfig();
  const maxUploadBytes = config.maxUploadMb * 1024 * 1024;
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new RequestLog(),
    trustProxy: options.trustProxy ?? config.trustProxy,
    // Batches carry up to 1000 prompts of up to 1000 characters.
    bodyLimit: 2 * 1024 * 1024,
    ajv: {
      customOptions: {
        // Unknown fields are reported (400), not silently dropped; `verbose` keeps each failing
        // schema so the problem body can quote what it accepts.
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: true,
        verbose: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ownQueue = !options.queue;
  const queue = options.queue ?? (await JobQueue.open(options.queueOptions));
  const workers = options.workers ?? config.maxWorkers;
  const executor =
    options.executor ?? new ThreadExecutor({ threads: Math.max(1, workers), modules: options.threadModules });
  const resources = options.resources ?? new ResourceManager();
  const metrics = new Metrics();
  let processor: BatchProcessor | undefined;
  if (workers > 0) {
    processor = new BatchProcessor(queue, resources, {
      executor,
      leaseMs: config.leaseSeconds * 1000,
      ...options.processorOptions,
    });
    processor.on('outcome', (o) => metrics.recordOutcome(o));
  }
  const services: Services = {
    config,
    queue,
    processor,
    workers,
    executor,
    resources,
    metrics,
    startedAt: Date.now(),
    authRequired: !!(options.apiToken ?? config.apiToken),
  };
  app.decorate('services', services);

  app.addHook('onResponse', async (_request, reply) => {
    metrics.recordHttp(reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addHook('onReady', async () => {
    processor?.startProcessing(workers);
  });
  app.addHook('onClose', async () => {
    if (processor) await processor.stopProcessing();
    await executor.close();
    if (ownQueue) await queue.close();
  });

  await app.register(problemPlugin);
  const apiToken = options.apiToken ?? config.apiToken;
  await app.register(securityPlugin, {
    apiToken: apiToken || undefined,
    rateLimit: options.rateLimit ?? config.rateLimit,
  });
  await app.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
    throwFileSizeLimit: true,
  });
  await app.register(docsPlugin);
  await app.register(jobRoutes);
  await app.register(eventRoutes);
  await app.register(downloadRoutes);
  await app.register(thumbnailRoutes);
  await app.register(batchRoutes);
  await app.register(systemRoutes);
  await app.register(performanceRoutes);
  if (options.webRoot !== false) {
    await app.register(webPlugin, { root: options.webRoot });
  }
  return app;
}
