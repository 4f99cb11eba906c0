import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/**
 * The package root: the folder above `src/` (tsx) or `dist/` (compiled), found by walking up to
 * the package.json, so the web folder is found from either.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('packageRoot: no package.json above the server module.');
    dir = up;
  }
  return dir;
}

/** Folder of a dependency's files, resolved like an import so hoisting does not matter. */
function moduleDir(pkg: string, sub: string): string {
  let dir: string;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    // Packages whose "exports" hide package.json (three): walk up from the main entry.
    dir = dirname(require.resolve(pkg));
    while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  }
  return join(dir, sub);
}

/**
 * The web app (the top-level `web/` folder) at `/`, and the few third-party files it uses served
 * from node_modules under `/vendor/`: no CDN at run time.
 */
export async function webPlugin(app: FastifyInstance, options: { root?: string }): Promise<void> {
  const root = resolve(options.root ?? join(packageRoot(), 'web'));
  await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], extensions: ['html'] });
  const vendor: [string, string][] = [
    ['/vendor/model-viewer/', moduleDir('@google/model-viewer', 'dist')],
    ['/vendor/bootstrap/', moduleDir('bootstrap', 'dist')],
    ['/vendor/feather/', moduleDir('feather-icons', 'dist')],
    // model-viewer's mesh decoders (Draco, KTX2/Basis, meshopt), pointed here by the job page.
    ['/vendor/three-libs/', moduleDir('three', 'examples/jsm/libs')],
  ];
  for (const [prefix, dir] of vendor) {
    await app.register(fastifyStatic, { root: dir, prefix, decorateReply: false, maxAge: '1d' });
  }
}
