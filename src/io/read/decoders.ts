import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
let draco: Promise<unknown> | undefined;

/**
 * The Draco decoder module glTF-Transform needs for KHR_draco_mesh_compression, taken from the
 * copy three.js ships (examples/jsm/libs/draco/draco_decoder.js, the pure-JS build), so no extra
 * package is needed. Loaded once, on first use.
 *
 * @example
 * io.registerDependencies({ 'draco3d.decoder': await loadDracoDecoder() });
 */
export function loadDracoDecoder(): Promise<unknown> {
  draco ??= (async () => {
    const path = require.resolve('three/examples/jsm/libs/draco/draco_decoder.js');
    const source = await readFile(path, 'utf8');
    const module = { exports: {} as unknown };
    // The file is a UMD bundle; evaluate it as CommonJS to get its factory.
    new Function('module', 'exports', '__filename', '__dirname', 'require', source)(
      module,
      module.exports,
      path,
      dirname(path),
      require,
    );
    const factory = module.exports as (options?: object) => Promise<unknown>;
    if (typeof factory !== 'function') throw new Error('loadDracoDecoder: unexpected draco_decoder.js shape');
    return factory();
  })();
  return draco;
}

/** meshoptimizer's decoder for EXT_meshopt_compression, ready to register with glTF-Transform. */
export async function loadMeshoptDecoder(): Promise<unknown> {
  const { MeshoptDecoder } = await import('meshoptimizer');
  await MeshoptDecoder.ready;
  return MeshoptDecoder;
}
