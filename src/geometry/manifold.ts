import Module, { type ManifoldToplevel } from 'manifold-3d';

let ready: Promise<ManifoldToplevel> | undefined;

/**
 * The manifold-3d WebAssembly module, initialised once per process (or worker thread) on first use.
 *
 * @example
 * const { Manifold } = await getManifold();
 * const box = Manifold.cube([1, 1, 1], true);
 */
export function getManifold(): Promise<ManifoldToplevel> {
  ready ??= Module().then((wasm) => {
    wasm.setup();
    return wasm;
  });
  return ready;
}
