import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listFormats } from '../../io/registry.js';
import { downloadFormats, ensureDownload } from '../../jobs/downloads.js';
import { HttpProblem } from '../problem.js';
import { DownloadParams, Problem } from '../schemas.js';

/** Downloads by job id and format id only: no path ever comes from the request. */
export const downloadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { queue, executor } = app.services;

  app.get(
    '/api/formats',
    {
      schema: {
        tags: ['downloads'],
        summary: 'Formats a completed job can be downloaded in',
        response: {
          200: Type.Array(
            Type.Object({
              format: Type.String(),
              extensions: Type.Array(Type.String()),
              mimeType: Type.String(),
              description: Type.String(),
              pointClouds: Type.Boolean({
                description: 'Whether the format holds point clouds (results of pointsOnly jobs).',
              }),
            }),
          ),
        },
      },
    },
    async () =>
      listFormats().map((w) => ({
        format: w.format,
        extensions: w.extensions,
        mimeType: w.mimeType,
        description: w.description,
        pointClouds: w.pointClouds === true,
      })),
  );

  app.get(
    '/api/jobs/:id/download/:format',
    {
      schema: {
        tags: ['downloads'],
        summary: 'Download the result in a format (converted on first request, then cached)',
        description: 'Formats that write several files (e.g. OBJ with its .mtl) come as a ZIP.',
        params: DownloadParams,
        produces: ['application/octet-stream'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          400: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const formats = downloadFormats();
      if (!formats.includes(format)) {
        throw new HttpProblem(
          400,
          'FILE_FORMAT',
          `Unsupported format "${format}". Supported formats: ${formats.join(', ')}.`,
          [{ path: 'params/format', message: 'is not a supported format', accepted: formats.join(', ') }],
        );
      }
      const job = await queue.store.require(id);
      const file = await ensureDownload(job, format, queue.storage, executor);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, max-age=3600')
        .header('x-dream-cad-cache', file.converted ? 'miss' : 'hit')
        .send(file.data);
    },
  );
};
