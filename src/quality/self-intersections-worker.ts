/**
 * Worker-thread entry of `findSelfIntersectionsInWorker`: a long-lived thread (so its compiled
 * code stays warm) that searches each mesh it is sent and posts the result back. Loaded from
 * `self-intersections-worker.js` when compiled, or through `self-intersections-worker-dev.mjs`
 * (which registers tsx) when running from source.
 */
import { parentPort } from 'node:worker_threads';
import { findSelfIntersections, type SelfIntersectionOptions } from './self-intersections.js';

interface Task {
  id: number;
  positions: Float32Array;
  indices: Uint32Array;
  options: SelfIntersectionOptions;
}

parentPort?.on('message', ({ id, positions, indices, options }: Task) => {
  try {
    parentPort?.postMessage({ id, result: findSelfIntersections(positions, indices, options) });
  } catch (err) {
    parentPort?.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
