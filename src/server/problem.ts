import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DreamCadError } from '../errors.js';
import { JobError } from '../jobs/errors.js';

/** An error the routes throw on purpose, carrying its HTTP status and stable code. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: { path: string; message: string; accepted?: string }[],
  ) {
    super(message);
  }
}

/** HTTP status of each library error code; anything unlisted is a 500. */
export const STATUS_BY_CODE: Record<string, number> = {
  MODEL_NOT_FOUND: 400,
  INVALID_PROMPT: 400,
  INVALID_CONFIG: 400,
  NOT_SUPPORTED: 400,
  FILE_FORMAT: 400,
  INSUFFICIENT_VRAM: 409,
  GENERATION_FAILED: 500,
  CANCELLED: 409,
  JOB_NOT_FOUND: 404,
  THUMBNAIL_NOT_READY: 404,
  JOB_CONFLICT: 409,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string; accepted?: string }[];
}

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: ProblemBody['errors'],
): ProblemBody {
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(errors?.length ? { errors } : {}),
  };
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
  parentSchema?: { description?: string; properties?: Record<string, unknown> };
}

/** Turns Fastify's validation errors into paths, messages and what each field accepts. */
function validationProblem(err: FastifyError): ProblemBody {
  const context = err.validationContext ?? 'request';
  const errors = (err.validation as AjvError[]).map((v) => {
    let path = `${context}${v.instancePath}`;
    let message = v.message ?? 'is invalid';
    if (v.keyword === 'required') path += `/${v.params.missingProperty}`;
    let accepted = v.parentSchema?.description;
    if (v.keyword === 'additionalProperties') {
      path += `/${v.params.additionalProperty}`;
      message = 'is not a known field';
      accepted = `known fields: ${Object.keys(v.parentSchema?.properties ?? {}).join(', ')}`;
    }
    if (v.keyword === 'enum') message += `: ${(v.params.allowedValues as unknown[]).join(', ')}`;
    return { path, message, ...(accepted ? { accepted } : {}) };
  });
  const detail = errors
    .map((e) => `${e.path} ${e.message}${e.accepted ? ` (${e.accepted})` : ''}`)
    .join('; ');
  return problem(400, 'VALIDATION_FAILED', detail, errors);
}

/**
 * Every error leaves as an `application/problem+json` body with a stable `code`. Shared with
 * fastify-plugin so it covers every encapsulated route plugin.
 */
export const problemPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    let body: ProblemBody;
    const fe = err as FastifyError;
    if (fe.validation) body = validationProblem(fe);
    else if (err instanceof HttpProblem) body = problem(err.status, err.code, err.message, err.errors);
    else if (err instanceof DreamCadError || err instanceof JobError) {
      body = problem(STATUS_BY_CODE[err.code] ?? 500, err.code, err.message);
    } else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type, rate limit).
      body = problem(fe.statusCode, fe.code ?? 'BAD_REQUEST', err.message);
    } else {
      request.log.error({ err }, 'unhandled error');
      body = problem(500, 'INTERNAL', 'Something went wrong on the server; the error has been logged.');
    }
    if (body.status >= 500) request.log.error({ err }, body.detail);
    void reply.code(body.status).type('application/problem+json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .type('application/problem+json')
      .send(problem(404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
});
