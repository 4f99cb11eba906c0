import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PerformanceTracker } from '../../bench/performance-tracker.js';
import { Problem } from '../schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Days = Type.Integer({
  minimum: 1,
  maximum: 3650,
  description: 'How many days back, 1 to 3650 (default 30).',
});

const TrendSchema = Type.Object({
  modelName: Type.String(),
  days: Type.Integer(),
  runs: Type.Integer(),
  successRate: Type.Number({ description: '0 to 1.' }),
  points: Type.Array(
    Type.Object({
      date: Type.String({ description: 'UTC day, YYYY-MM-DD.' }),
      runs: Type.Integer(),
      successRate: Type.Number(),
      meanSeconds: Nullable(Type.Number()),
      medianSeconds: Nullable(Type.Number()),
      meanQuality: Nullable(Type.Number()),
    }),
  ),
  secondsPerDaySlope: Nullable(Type.Number({ description: 'Negative: getting faster.' })),
  qualityPerDaySlope: Nullable(Type.Number()),
});

const ReportSchema = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  days: Type.Integer(),
  models: Type.Array(
    Type.Object({
      modelName: Type.String(),
      runs: Type.Integer(),
      successRate: Type.Number(),
      meanSeconds: Nullable(Type.Number()),
      medianSeconds: Nullable(Type.Number()),
      p90Seconds: Nullable(Type.Number()),
      meanQuality: Nullable(Type.Number()),
      peakRamGb: Nullable(Type.Number()),
      peakVramGb: Nullable(Type.Number()),
      lastRunAt: Type.String({ format: 'date-time' }),
    }),
  ),
  trends: Type.Array(TrendSchema),
  abTests: Type.Array(
    Type.Object({
      id: Type.String(),
      modelA: Type.String(),
      modelB: Type.String(),
      winner: Type.String({ description: 'A model name, or "no significant difference".' }),
      pValue: Type.Number(),
      createdAt: Type.String({ format: 'date-time' }),
      result: Type.Unknown({ description: 'The full A/B result: per-metric tests and effect sizes.' }),
    }),
  ),
});

/**
 * Performance history from the `PerformanceTracker` in the job database: finished jobs' timings
 * (copied on each request), benchmark runs and A/B tests recorded by `dream-cad bench` / `ab`.
 */
export const performanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { database } = app.services.queue.store;
  let opening: Promise<PerformanceTracker> | undefined;
  // Opened (and its tables migrated) on first use, so a server nobody asks costs nothing.
  const tracker = () => {
    opening ??= PerformanceTracker.open(database.db, { schema: database.schema }).catch((err) => {
      opening = undefined;
      throw err;
    });
    return opening;
  };
  let syncing: Promise<unknown> | undefined;
  /** The tracker with every finished job recorded; concurrent requests share one sync. */
  const synced = async () => {
    const t = await tracker();
    // A sync racing one from another process may trip the unique job index; the next request
    // picks up whatever this one missed.
    syncing ??= t
      .syncJobs()
      .catch(() => 0)
      .finally(() => {
        syncing = undefined;
      });
    await syncing;
    return t;
  };

  app.get(
    '/api/performance/report',
    {
      schema: {
        tags: ['performance'],
        summary: 'Every model: timings, success, quality, daily trends, and the latest A/B tests',
        querystring: Type.Object({ days: Type.Optional(Days) }, { additionalProperties: false }),
        response: { 200: ReportSchema, 400: Problem },
      },
    },
    async (request) => (await synced()).generateReport(request.query.days ?? 30),
  );

  app.get(
    '/api/performance/report.html',
    {
      schema: {
        tags: ['performance'],
        summary: 'The same report as one self-contained HTML page (inline CSS and SVG charts)',
        querystring: Type.Object({ days: Type.Optional(Days) }, { additionalProperties: false }),
        produces: ['text/html'],
        response: { 200: Type.String(), 400: Problem },
      },
    },
    async (request, reply) => {
      const html = await (await synced()).generateHtmlReport(request.query.days ?? 30);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get(
    '/api/performance/trend',
    {
      schema: {
        tags: ['performance'],
        summary: "One model's daily points and slopes",
        querystring: Type.Object(
          {
            model: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', description: 'A model name.' }),
            days: Type.Optional(Days),
          },
          { additionalProperties: false },
        ),
        response: { 200: TrendSchema, 400: Problem },
      },
    },
    async (request) => (await synced()).getPerformanceTrend(request.query.model, request.query.days ?? 30),
  );
};
