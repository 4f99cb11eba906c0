import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { getConfig } from '../../config.js';
import { buildServer } from '../../server/app.js';
import { intOption } from '../options.js';

interface ServeFlags {
  port?: number;
  host: string;
  workers?: number;
  module?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Imports `--module` files in this process too, not only in the worker threads: the API checks
 * model names when a job is submitted and the workers check what a model needs before they claim
 * it, so a custom model must be registered here as well. Resolves the specifiers for the threads.
 */
export async function importModules(modules: string[] = []): Promise<string[]> {
  const specifiers = modules.map((m) => (/^[a-z]+:/.test(m) ? m : pathToFileURL(resolve(m)).href));
  for (const m of specifiers) await import(m);
  return specifiers;
}

/**
 * `dream-cad serve` (and `npm start`): one process with the HTTP server, the web app, in-process
 * workers (worker threads) and the embedded SQLite database, or PostgreSQL with DATABASE_URL.
 */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the web app, REST API and workers in one process (PORT, DATABASE_URL, DREAM_CAD_*)')
    .option('-p, --port <port>', 'HTTP port (default PORT or 3000)', intOption('--port', 0, 65535))
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .option(
      '-w, --workers <n>',
      'in-process workers; 0 serves the API only (default DREAM_CAD_MAX_WORKERS)',
      intOption('--workers', 0, 64),
    )
    .option(
      '--module <path>',
      'a module each worker thread imports first (custom models); repeatable',
      collect,
    )
    .action(async (flags: ServeFlags) => {
      const config = getConfig();
      const threadModules = await importModules(flags.module);
      const app = await buildServer({
        config,
        workers: flags.workers,
        threadModules,
        logger: { level: config.logLevel === 'warning' ? 'warn' : config.logLevel },
      });
      const stop = async (signal: string) => {
        app.log.info({ signal }, 'stopping: running jobs finish or go back to the queue');
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      const address = await app.listen({ port: flags.port ?? config.port, host: flags.host });
      const { queue } = app.services;
      app.log.info(
        `Dream-CAD on ${address} — ${queue.dialect} (${queue.store.database.location}), ` +
          `${app.services.workers} worker(s), artifacts in ${queue.storage.location}`,
      );
    });
}
