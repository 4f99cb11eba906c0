/** Builds a server for tests: real database (SQLite file or PostgreSQL schema), worker threads. */
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import '../src/index.js';
import './jobs-fixture-model.js';
import { loadConfig } from '../src/config.js';
import { ResourceManager } from '../src/jobs/resources.js';
import { buildServer, type ServerOptions } from '../src/server/app.js';
import { type Backend, type TestEnv, testEnv } from './jobs-helpers.js';

export const FIXTURE_MODEL = pathToFileURL(new URL('./jobs-fixture-model.ts', import.meta.url).pathname).href;

export interface TestServer {
  app: FastifyInstance;
  env: TestEnv;
  close(): Promise<void>;
}

/** A server on a fresh environment; the test model is available in the worker threads too. */
export async function testServer(
  backend: Backend,
  options: Partial<ServerOptions> & { env?: Record<string, string> } = {},
): Promise<TestServer> {
  const env = testEnv(backend, 'server');
  const config = loadConfig({
    DREAM_CAD_OUTPUT_DIR: `${env.dir}/outputs`,
    DREAM_CAD_DATA_DIR: env.dir,
    DREAM_CAD_MAX_WORKERS: '2',
    DREAM_CAD_RATE_LIMIT: '0',
    ...options.env,
  });
  const app = await buildServer({
    config,
    queueOptions: env.queueOptions,
    threadModules: [FIXTURE_MODEL],
    resources: new ResourceManager({ queryGpus: () => [] }),
    processorOptions: { pollMs: 20, heartbeatMs: 100 },
    ...options,
  });
  return {
    app,
    env,
    async close() {
      await app.close();
      await env.cleanup();
    },
  };
}

/** Reads an SSE body into its events. */
export function parseSse(body: string): { event: string; data: unknown }[] {
  const events: { event: string; data: unknown }[] = [];
  for (const block of body.split('\n\n')) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length) events.push({ event, data: JSON.parse(data.join('\n')) });
  }
  return events;
}
