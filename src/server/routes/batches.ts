import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { JobNotFoundError } from '../../jobs/errors.js';
import { JobPriority, type JobPriorityName, priorityName } from '../../jobs/types.js';
import { presentJob } from '../present.js';
import { BatchSchema, CreateBatchBody, ID_PATTERN, Problem } from '../schemas.js';
import { checkGeneration, toParams } from './jobs.js';

/** Many prompts, one model, one priority: queued atomically. */
export const batchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { queue, config } = app.services;

  app.post(
    '/api/batches',
    {
      schema: {
        tags: ['batches'],
        summary: 'Create a batch: one job per prompt',
        body: CreateBatchBody,
        response: { 201: BatchSchema, 400: Problem, 401: Problem },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const model = body.model ?? config.defaultModel;
      const prompts = body.prompts.map((p) => checkGeneration(model, p, false, body));
      const { batch, jobs } = await queue.createBatchJobs(prompts, model, {
        ...toParams(body),
        name: body.name,
        priority: JobPriority[(body.priority ?? 'NORMAL') as JobPriorityName],
      });
      return reply
        .code(201)
        .header('location', `/api/batches/${batch.id}`)
        .send({
          id: batch.id,
          name: batch.name,
          priority: priorityName(batch.priority),
          createdAt: new Date(batch.createdAt).toISOString(),
          jobs: jobs.map(presentJob),
        });
    },
  );

  app.get(
    '/api/batches/:id',
    {
      schema: {
        tags: ['batches'],
        summary: 'Get a batch and its jobs',
        params: Type.Object({ id: Type.String({ pattern: ID_PATTERN, description: 'A batch id.' }) }),
        response: { 200: BatchSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const batch = await queue.store.getBatch(request.params.id);
      if (!batch) throw new JobNotFoundError(request.params.id);
      const page = await queue.listJobs({ batchId: batch.id, pageSize: 200 });
      const jobs = [...page.jobs].sort((a, b) => (a.id < b.id ? -1 : 1));
      return {
        id: batch.id,
        name: batch.name,
        priority: priorityName(batch.priority),
        createdAt: new Date(batch.createdAt).toISOString(),
        jobs: jobs.map(presentJob),
      };
    },
  );
};
