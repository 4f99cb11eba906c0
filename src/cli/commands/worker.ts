import type { Command } from 'commander';
import { getConfig } from '../../config.js';
import { ThreadExecutor } from '../../jobs/executor.js';
import { BatchProcessor } from '../../jobs/processor.js';
import { JobQueue } from '../../jobs/queue.js';
import { ResourceManager } from '../../jobs/resources.js';
import { intOption } from '../options.js';
import { importModules } from './serve.js';

interface WorkerFlags {
  workers?: number;
  module?: string[];
  models?: string;
  id?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `dream-cad worker`: only workers, no HTTP. Several machines run it against one PostgreSQL
 * (DATABASE_URL) and one shared artifact folder (DREAM_CAD_OUTPUT_DIR); jobs are claimed with
 * `FOR UPDATE SKIP LOCKED` under leases, so each runs once and a dead machine's jobs are retried.
 */
export function register(program: Command): void {
  program
    .command('worker')
    .description('Run workers only, sharing the queue in DATABASE_URL with other machines')
    .option(
      '-w, --workers <n>',
      'jobs at once (default DREAM_CAD_MAX_WORKERS)',
      intOption('--workers', 1, 64),
    )
    .option('--models <names>', 'only take jobs for these models (comma-separated)')
    .option('--id <name>', 'worker id shown in leases and job results (default host:pid:random)')
    .option(
      '--module <path>',
      'a module each worker thread imports first (custom models); repeatable',
      collect,
    )
    .action(async (flags: WorkerFlags) => {
      const config = getConfig();
      if (!config.databaseUrl) {
        process.stderr.write(
          'dream-cad worker: DATABASE_URL is not set, so this worker uses the local SQLite file ' +
            `in ${config.dataDir}; other machines cannot share it.\n`,
        );
      }
      const workers = flags.workers ?? config.maxWorkers;
      const modules = await importModules(flags.module);
      const queue = await JobQueue.open();
      const executor = new ThreadExecutor({ threads: workers, modules });
      const resources = new ResourceManager();
      const processor = new BatchProcessor(queue, resources, {
        executor,
        workerId: flags.id,
        leaseMs: config.leaseSeconds * 1000,
        models: flags.models
          ?.split(',')
          .map((m) => m.trim())
          .filter(Boolean),
      });
      processor.on('outcome', (o) => {
        const line = `${new Date().toISOString()} ${o.job.id} ${o.status} ${(o.durationMs / 1000).toFixed(2)}s${o.error ? ` ${o.error}` : ''}`;
        process.stdout.write(`${line}\n`);
      });
      const stop = async () => {
        await processor.close();
        await queue.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      processor.startProcessing(workers);
      const devices = resources
        .devices()
        .map((d) => `${d.kind}:${d.name}`)
        .join(', ');
      process.stdout.write(
        `dream-cad worker ${processor.workerId}: ${workers} worker(s) on ${queue.dialect} ` +
          `(${queue.store.database.location}), devices ${devices}, artifacts in ${queue.storage.location}\n`,
      );
    });
}
