import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isTerminal } from '../../jobs/types.js';
import { presentJob } from '../present.js';
import { JobIdParams, Problem } from '../schemas.js';

/** How often a stream re-reads its job, for changes made by workers in other processes. */
const POLL_MS = 500;
/** Comment lines keep proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

/**
 * `GET /api/jobs/:id/events`: Server-Sent Events with the job's status and progress. Each change is
 * an `event: job` whose data is the job's JSON; the stream ends after the job reaches completed,
 * failed or cancelled (`event: end`), or `event: deleted` if it is deleted.
 */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { queue } = app.services;

  app.get(
    '/api/jobs/:id/events',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Live status and progress (Server-Sent Events)',
        description:
          'text/event-stream. `event: job` carries the job JSON on every change; `event: end` follows ' +
          'the final state; `event: deleted` if the job is deleted.',
        params: JobIdParams,
        produces: ['text/event-stream'],
        response: { 200: Type.String({ description: 'An event stream.' }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      let job = await queue.store.require(id);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      let closed = false;
      let lastSent = '';
      const send = (event: string, data: unknown) => {
        if (closed) return;
        raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const finish = () => {
        if (closed) return;
        closed = true;
        queue.store.off('change', onChange);
        clearInterval(poll);
        clearInterval(keepalive);
        raw.end();
      };
      const publish = () => {
        const body = presentJob(job);
        const key = `${body.status}|${body.progress}|${body.stage}|${body.attempts}|${body.updatedAt}`;
        if (key !== lastSent) {
          lastSent = key;
          send('job', body);
        }
        if (isTerminal(job.status)) {
          send('end', { status: job.status });
          finish();
        }
      };
      let reading = false;
      const refresh = async () => {
        if (closed || reading) return;
        reading = true;
        try {
          const next = await queue.getJob(id);
          if (!next) {
            send('deleted', { id });
            finish();
            return;
          }
          job = next;
          publish();
        } catch {
          // A failed read is retried by the next poll.
        } finally {
          reading = false;
        }
      };
      const onChange = (changed: string) => {
        if (changed === id) void refresh();
      };
      queue.store.on('change', onChange);
      const poll = setInterval(refresh, POLL_MS);
      const keepalive = setInterval(() => !closed && raw.write(': keep-alive\n\n'), KEEPALIVE_MS);
      request.raw.on('close', finish);
      raw.write(`retry: 2000\n\n`);
      publish();
    },
  );
};
