import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { problem } from '../problem.js';

export interface SecurityOptions {
  /** When set, POST/PUT/PATCH/DELETE under /api need `Authorization: Bearer <token>`. */
  apiToken?: string;
  /** Requests per minute per client; 0 turns the limit off. */
  rateLimit: number;
}

/**
 * The Content-Security-Policy the web app is built to pass: everything from this origin, no inline
 * scripts, no CDN. `blob:` and `wasm-unsafe-eval` are what <model-viewer> needs for textures and
 * its mesh decoders; inline styles are allowed because <model-viewer> sets some on its elements.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'", 'blob:', 'data:'],
  workerSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The security headers helmet sets, worked out once. (@fastify/helmet builds a new helmet
 * middleware, parsing the whole policy, on every request; with nothing request-dependent in the
 * policy, the headers are the same every time.)
 */
export function securityHeaders(): { set: [string, string][]; remove: string[] } {
  const set: [string, string][] = [];
  const remove: string[] = [];
  const res = {
    setHeader: (name: string, value: string) => set.push([name, value]),
    removeHeader: (name: string) => remove.push(name),
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // model-viewer fetches the GLB it previews from this origin; nothing cross-origin is embedded.
    crossOriginEmbedderPolicy: false,
  })({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return { set, remove };
}

/** Security headers, rate limiting and the optional write token, for every route. */
export const securityPlugin = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    // On the raw response, so hijacked replies (event streams) carry them too.
    for (const [name, value] of headers.set) reply.raw.setHeader(name, value);
    for (const name of headers.remove) reply.raw.removeHeader(name);
    done();
  });
  if (options.rateLimit > 0) {
    await app.register(rateLimit, {
      max: options.rateLimit,
      timeWindow: '1 minute',
      errorResponseBuilder: (_request, context) => ({
        ...problem(
          429,
          'RATE_LIMITED',
          `Too many requests; at most ${context.max} per minute. Retry in ${context.after}.`,
        ),
        statusCode: 429,
      }),
    });
  }
  if (options.apiToken) {
    const token = options.apiToken;
    app.addHook('onRequest', async (request, reply) => {
      const write = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
      if (!write || !request.url.startsWith('/api/')) return;
      if (tokenMatches(request.headers.authorization, token)) return;
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .type('application/problem+json')
        .send(
          problem(
            401,
            'UNAUTHORIZED',
            'This server needs an API token for changes: send "Authorization: Bearer <token>".',
          ),
        );
    });
  }
});
