import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ModelFactory } from '../../models/factory.js';
import { MAX_PROMPT_LENGTH } from '../../utils/prompt.js';
import { version } from '../../version.js';

/** Models, health and Prometheus metrics. */
export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { queue, resources, metrics } = app.services;

  app.get(
    '/api/models',
    {
      schema: {
        tags: ['system'],
        summary: 'Models with their capabilities and whether they can run here',
        querystring: Type.Object(
          {
            maxVram: Type.Optional(
              Type.Number({
                minimum: 0,
                maximum: 1024,
                description: 'Only models needing at most this many GB of VRAM.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              name: Type.String(),
              capabilities: Type.Record(Type.String(), Type.Unknown()),
              ready: Type.Boolean(),
              reason: Type.Optional(Type.String()),
              canRunHere: Type.Boolean(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const max = request.query.maxVram;
      return ModelFactory.describeModels()
        .filter((m) => max === undefined || m.capabilities.minVramGb <= max)
        .map((m) => ({
          name: m.name,
          capabilities: { ...m.capabilities },
          ready: m.readiness.ready,
          ...(m.readiness.reason ? { reason: m.readiness.reason } : {}),
          canRunHere: resources.couldEverRun(m.name),
        }));
    },
  );

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and readiness: database reachable, workers, devices',
        response: {
          200: Type.Object({
            status: Type.String(),
            version: Type.String(),
            uptimeSeconds: Type.Number(),
            database: Type.Object({ dialect: Type.String(), location: Type.String() }),
            workers: Type.Integer(),
            activeJobs: Type.Integer(),
            queue: Type.Record(Type.String(), Type.Integer()),
            devices: Type.Array(Type.Record(Type.String(), Type.Unknown())),
            limits: Type.Object({ maxUploadMb: Type.Integer(), maxPromptLength: Type.Integer() }),
            auth: Type.Boolean({ description: 'Whether writes need an API token.' }),
          }),
          503: Type.Object({ status: Type.String(), error: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      const s = app.services;
      try {
        const counts = await queue.store.countByStatus();
        return {
          status: 'ok',
          version,
          uptimeSeconds: (Date.now() - s.startedAt) / 1000,
          database: { dialect: queue.dialect, location: queue.store.database.location },
          workers: s.workers,
          activeJobs: s.processor?.activeJobs.length ?? 0,
          queue: counts,
          devices: resources.devices().map((d) => ({ ...d })),
          limits: { maxUploadMb: s.config.maxUploadMb, maxPromptLength: MAX_PROMPT_LENGTH },
          auth: s.authRequired,
        };
      } catch (err) {
        return reply
          .code(503)
          .send({ status: 'unavailable', error: err instanceof Error ? err.message : String(err) });
      }
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['system'], summary: 'Prometheus metrics', produces: ['text/plain'] } },
    async (_request, reply) => {
      const counts = await queue.store.countByStatus();
      const body = metrics.render({
        counts,
        queueDepth: counts.pending,
        workers: app.services.workers,
        active: app.services.processor?.activeJobs.length ?? 0,
      });
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(body);
    },
  );
};
