import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { NotSupportedError } from '../../errors.js';
import type { JobParams, JobStatus } from '../../jobs/types.js';
import { JobPriority, type JobPriorityName } from '../../jobs/types.js';
import { assertSupportedOptions } from '../../models/base.js';
import { ModelFactory } from '../../models/factory.js';
import { assertValidPrompt } from '../../utils/prompt.js';
import { presentJob } from '../present.js';
import { HttpProblem } from '../problem.js';
import { CreateJobBody, JobIdParams, JobPageSchema, JobSchema, ListJobsQuery, Problem } from '../schemas.js';
import { storeReferenceImage } from '../uploads.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The uploaded reference image of a multipart job request, before it is checked. */
    referenceImage?: Buffer;
  }
}

const NUMERIC_FIELDS = new Set(['seed', 'steps', 'guidance', 'meshResolution']);
const BOOLEAN_FIELDS = new Set(['pointsOnly']);

/**
 * Reads a multipart request into the same object shape as the JSON body, keeping the image aside,
 * so one schema validates both. Runs before validation.
 */
async function readMultipart(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const body: Record<string, unknown> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'image') {
        part.file.resume();
        throw new HttpProblem(
          400,
          'VALIDATION_FAILED',
          `Unexpected file field "${part.fieldname}"; send the image as "image".`,
        );
      }
      request.referenceImage = await part.toBuffer();
      continue;
    }
    const value = String(part.value);
    if (part.fieldname === 'formats')
      body.formats = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (NUMERIC_FIELDS.has(part.fieldname) && value.trim() !== '') body[part.fieldname] = Number(value);
    // "true"/"false" become booleans; anything else stays a string and fails validation.
    else if (BOOLEAN_FIELDS.has(part.fieldname) && /^(true|false)$/.test(value.trim()))
      body[part.fieldname] = value.trim() === 'true';
    else if (value !== '' || part.fieldname === 'prompt') body[part.fieldname] = value;
  }
  request.body = body;
}

/**
 * Checks the model, prompt and model-specific settings the way generation will, so bad input fails
 * now with a 400.
 */
export function checkGeneration(
  model: string,
  prompt: string,
  hasImage: boolean,
  options: { meshResolution?: number; pointsOnly?: boolean } = {},
): string {
  const info = ModelFactory.describeModels().find((m) => m.name === model);
  if (!info) ModelFactory.createModel(model); // throws ModelNotFoundError listing the models
  const caps = info!.capabilities;
  assertSupportedOptions(model, caps, options);
  if (hasImage && !caps.supportsImageTo3d && !caps.supportsTextTo3d) {
    throw new NotSupportedError(`Model "${model}" accepts neither text nor images.`);
  }
  if (!prompt.trim() && hasImage && caps.supportsImageTo3d) return '';
  if (!caps.supportsTextTo3d) {
    throw new NotSupportedError(`Model "${model}" generates from images only; attach a reference image.`);
  }
  return assertValidPrompt(prompt);
}

/** Generation settings as stored on the job, from the API's field names. */
export function toParams(body: {
  negativePrompt?: string;
  seed?: number;
  steps?: number;
  guidance?: number;
  detail?: string;
  meshResolution?: number;
  pointsOnly?: boolean;
  formats?: string[];
  useImageAs?: 'palette' | 'none';
}): JobParams {
  const params: JobParams = {};
  if (body.negativePrompt) params.negativePrompt = body.negativePrompt;
  if (body.seed !== undefined) params.seed = body.seed;
  if (body.steps !== undefined) params.numInferenceSteps = body.steps;
  if (body.guidance !== undefined) params.guidanceScale = body.guidance;
  if (body.detail) params.detail = body.detail;
  if (body.meshResolution !== undefined) params.meshResolution = body.meshResolution;
  if (body.pointsOnly) params.pointsOnly = true;
  if (body.formats?.length) params.formats = body.formats;
  if (body.useImageAs) params.useImageAs = body.useImageAs;
  return params;
}

const errors = { 400: Problem, 401: Problem, 404: Problem, 409: Problem, 413: Problem, 415: Problem };

/** Create, list, read, cancel, retry and delete jobs. */
export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { queue, config } = app.services;

  app.post(
    '/api/jobs',
    {
      preValidation: readMultipart,
      schema: {
        tags: ['jobs'],
        summary: 'Create a job',
        description:
          'JSON body, or multipart/form-data with the same fields plus an optional `image` file ' +
          '(PNG, JPEG or WebP) as a reference image. With dreamcad the image is a colour palette ' +
          '(`useImageAs`: palette, the default, or none): the shape comes from the prompt, the parts take ' +
          "the image's dominant colours where the prompt names none; `result.palette` says which went where. " +
          'Answers 201 with the job.',
        consumes: ['application/json', 'multipart/form-data'],
        body: CreateJobBody,
        response: { 201: JobSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const model = body.model ?? config.defaultModel;
      const prompt = checkGeneration(model, body.prompt, !!request.referenceImage, body);
      if (body.useImageAs && !request.referenceImage) {
        throw new HttpProblem(
          400,
          'VALIDATION_FAILED',
          'useImageAs needs a reference image: send the job as multipart/form-data with an `image` file.',
          [{ path: 'body/useImageAs', message: 'needs a reference image' }],
        );
      }
      const referenceImage = request.referenceImage
        ? await storeReferenceImage(request.referenceImage, queue.uploads)
        : null;
      const job = await queue.enqueue({
        prompt,
        modelName: model,
        config: toParams(body),
        priority: JobPriority[(body.priority ?? 'NORMAL') as JobPriorityName],
        referenceImage,
      });
      return reply.code(201).header('location', `/api/jobs/${job.id}`).send(presentJob(job));
    },
  );

  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'List jobs, newest first',
        querystring: ListJobsQuery,
        response: { 200: JobPageSchema, 400: Problem },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await queue.listJobs({
        status: q.status ? (q.status.split(',') as JobStatus[]) : undefined,
        modelName: q.model,
        batchId: q.batch,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { ...page, jobs: page.jobs.map(presentJob) };
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Get a job: status, progress, error, result and links',
        params: JobIdParams,
        response: { 200: JobSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => presentJob(await queue.store.require(request.params.id)),
  );

  app.post(
    '/api/jobs/:id/cancel',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a job (a running one stops at its next checkpoint)',
        params: JobIdParams,
        response: { 200: JobSchema, ...errors },
      },
    },
    async (request) => presentJob(await queue.cancelJob(request.params.id)),
  );

  app.post(
    '/api/jobs/:id/retry',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Queue a failed or cancelled job again',
        params: JobIdParams,
        response: { 200: JobSchema, ...errors },
      },
    },
    async (request) => presentJob(await queue.retryJob(request.params.id)),
  );

  app.delete(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Delete a job and its files',
        params: JobIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await queue.deleteJob(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
