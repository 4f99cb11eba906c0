import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Where job artifacts (master assets, converted downloads) and uploads are kept. Keys are
 * slash-separated relative names such as `jobs/<id>/model.glb`, built by the server from ids it
 * generated, never from request text. The local folder is the default; a shared folder (NFS, SMB)
 * serves several machines; an S3-compatible store implements the same five methods.
 */
export interface ArtifactStorage {
  /** Human-readable location for logs and health output. */
  readonly location: string;
  /** Stores bytes under `key`, atomically: readers see the old bytes or the new ones, never a part. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Size in bytes, or undefined when absent. */
  size(key: string): Promise<number | undefined>;
  /** Every key that starts with `prefix` (e.g. "jobs/<id>/"). */
  list(prefix: string): Promise<string[]>;
  /** Removes every key that starts with `prefix`; resolves how many were removed. */
  deletePrefix(prefix: string): Promise<number>;
}

const KEY_RE = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\/?$/i;

/** Throws unless `key` is a plain relative name (no "..", no absolute paths, no odd characters). */
export function assertValidKey(key: string): void {
  if (!KEY_RE.test(key) || key.split('/').some((p) => p === '..' || p === '.')) {
    throw new TypeError(`ArtifactStorage: invalid key "${key}".`);
  }
}

/**
 * Artifacts as files under one folder. Writes go to a temporary name and are renamed into place, so
 * a crash never leaves a half-written artifact and two writers of the same key leave exactly one.
 *
 * @example
 * const storage = new LocalFolderStorage('./outputs');
 * await storage.put('jobs/abc/model.glb', bytes);
 */
export class LocalFolderStorage implements ArtifactStorage {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  get location(): string {
    return this.root;
  }

  /** Absolute path of a key; checked to stay under the root. */
  pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(this.root, ...key.split('/'));
    if (path !== this.root && !path.startsWith(this.root + sep)) {
      throw new TypeError(`ArtifactStorage: key "${key}" leaves the storage folder.`);
    }
    return path;
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await writeFile(temp, data);
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const folder = prefix.endsWith('/') ? prefix : prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const base = folder ? this.pathOf(folder) : this.root;
    let entries: string[];
    try {
      entries = (await readdir(base, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && !e.name.includes('.tmp-'))
        .map((e) => join(e.parentPath, e.name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return entries
      .map((p) => relative(this.root, p).split(sep).join('/'))
      .filter((k) => k.startsWith(prefix))
      .sort();
  }

  async deletePrefix(prefix: string): Promise<number> {
    const keys = await this.list(prefix);
    await Promise.all(keys.map((k) => rm(this.pathOf(k), { force: true })));
    if (prefix.endsWith('/')) await rm(this.pathOf(prefix), { recursive: true, force: true });
    return keys.length;
  }
}

/** Storage keys of one job's files; the only place key names are built. */
export const jobKeys = {
  folder: (jobId: string) => `jobs/${jobId}/`,
  master: (jobId: string) => `jobs/${jobId}/master.asset`,
  thumbnail: (jobId: string) => `jobs/${jobId}/thumbnail.png`,
  download: (jobId: string, format: string, ext: string) => `jobs/${jobId}/download/${format}.${ext}`,
};
