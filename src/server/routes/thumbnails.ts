import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ensureThumbnail } from '../../jobs/thumbnails.js';
import { JobIdParams, Problem } from '../schemas.js';

/** `GET /api/jobs/:id/thumbnail`: the job's 256 px PNG, rendered by the worker when it completed. */
export const thumbnailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { queue, executor } = app.services;

  app.get(
    '/api/jobs/:id/thumbnail',
    {
      schema: {
        tags: ['downloads'],
        summary: "The job's 256 px PNG thumbnail",
        description:
          'Rendered when the job completes (software rasteriser, iso view). 404 with code ' +
          'THUMBNAIL_NOT_READY until then. Revalidate with If-None-Match: a retried job gets a new one.',
        params: JobIdParams,
        produces: ['image/png'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          304: Type.Null(),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const job = await queue.store.require(request.params.id);
      // The thumbnail changes only when the job completes again (after a retry).
      const etag = `"${job.id}-${job.completedAt ?? 0}"`;
      if (job.status === 'completed' && request.headers['if-none-match'] === etag) {
        return reply.code(304).header('etag', etag).send(null);
      }
      const png = await ensureThumbnail(job, queue.storage, executor);
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'private, no-cache')
        .header('etag', etag)
        .send(png);
    },
  );
};
