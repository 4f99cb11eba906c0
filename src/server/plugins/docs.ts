import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { version } from '../../version.js';

/**
 * The OpenAPI document, built from the route schemas, at /api/docs/json, and Swagger UI at
 * /api/docs. Registered before the routes so it sees them all.
 */
export const docsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dream-CAD API',
        version,
        description: 'Text (and image) to 3D assets: jobs, batches, live progress, downloads.',
      },
      tags: [
        { name: 'jobs', description: 'Generation jobs' },
        { name: 'batches', description: 'Many prompts at once' },
        { name: 'downloads', description: 'Results in every supported format' },
        { name: 'system', description: 'Models, health, metrics' },
        { name: 'performance', description: 'Timings, quality trends and A/B results' },
      ],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'DREAM_CAD_API_TOKEN' } },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });
});
