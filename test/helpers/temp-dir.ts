import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

/**
 * A fresh empty folder under the OS temp dir, removed when the test `t` ends.
 *
 * @example
 * const dir = await tempDir(t);
 * await saveAsset(asset, join(dir, 'a.glb'));
 */
export async function tempDir(t: TestContext, prefix = 'dream-cad-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The sorted names in `dir`, temporary files included, so a test sees everything left behind. */
export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}
