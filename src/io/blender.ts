/**
 * Runs Blender headless as a converter. Blender is optional at run time: it is found through
 * DREAM_CAD_BLENDER or on PATH, and when it is missing the caller gets a `FileFormatError` that
 * says how to install it. Every run works in a private temporary folder that is removed afterwards,
 * is killed at its time limit, and turns failures into one-paragraph errors.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { getConfig } from '../config.js';
import { CancelledError, FileFormatError } from '../errors.js';

export interface BlenderOptions {
  /** The Blender executable. Default: DREAM_CAD_BLENDER, else `blender` on `searchPath`. */
  blenderPath?: string;
  /** Folders to search for `blender`, separated like PATH. Default: `process.env.PATH`. */
  searchPath?: string;
  /** Seconds a run may take before Blender is killed. Default: DREAM_CAD_BLENDER_TIMEOUT (300). */
  timeoutSeconds?: number;
  /** Aborting kills Blender and rejects with `CancelledError`. */
  signal?: AbortSignal;
}

export interface BlenderRun {
  /** The end of Blender's console output (stdout and stderr interleaved), for logs. */
  output: string;
  seconds: number;
}

/** How to get Blender, appended to every "not found" message. */
export const BLENDER_INSTALL_HINT =
  'Install Blender (Debian/Ubuntu: `apt-get install blender python3-numpy`) or set DREAM_CAD_BLENDER ' +
  'to the path of the blender executable.';

const OUTPUT_LIMIT = 64 * 1024;

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The Blender executable to use, or `undefined` when there is none. An explicit path (option or
 * DREAM_CAD_BLENDER) must exist; it is never silently replaced by one found on PATH.
 *
 * @example
 * const blender = await findBlender(); // '/usr/bin/blender' or undefined
 */
export async function findBlender(options: BlenderOptions = {}): Promise<string | undefined> {
  const explicit = options.blenderPath ?? getConfig().blenderPath;
  if (explicit) return (await isExecutableFile(explicit)) ? explicit : undefined;
  for (const dir of (options.searchPath ?? process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'blender');
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Like `findBlender`, but throws `FileFormatError` naming the task that needs Blender and how to
 * install it (or that DREAM_CAD_BLENDER points at nothing runnable).
 *
 * @example
 * const blender = await requireBlender('Saving .blend files');
 */
export async function requireBlender(task: string, options: BlenderOptions = {}): Promise<string> {
  const found = await findBlender(options);
  if (found) return found;
  const explicit = options.blenderPath ?? getConfig().blenderPath;
  if (explicit) {
    throw new FileFormatError(
      `${task} needs Blender, but "${explicit}" (DREAM_CAD_BLENDER) is not an executable file. ${BLENDER_INSTALL_HINT}`,
    );
  }
  throw new FileFormatError(`${task} needs Blender, which was not found on PATH. ${BLENDER_INSTALL_HINT}`);
}

/**
 * Runs `fn` with a fresh private folder under the system temp dir and removes the folder however
 * `fn` ends, so nothing Blender writes outlives the call.
 *
 * @example
 * const bytes = await withTempDir(async (dir) => { … return readFile(join(dir, 'out.blend')); });
 */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'dream-cad-blender-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The most useful line of a failed run: our script's marker, else Python's last error line. */
function failureSummary(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim());
  const marked = lines.filter((l) => l.startsWith('DREAM_CAD_ERROR:')).pop();
  if (marked) return marked.slice('DREAM_CAD_ERROR:'.length).trim();
  const pythonError = lines.filter((l) => /^[A-Za-z_.]*(Error|Exception)\b.*:/.test(l)).pop();
  if (pythonError) return pythonError;
  return lines.filter(Boolean).slice(-3).join(' | ') || '(no output)';
}

/**
 * Runs a Python script in Blender without UI or user settings:
 * `blender -b --factory-startup --python-exit-code 1 --python <script> -- …args`, in `cwd`.
 * `--python-exit-code` matters: without it Blender exits 0 even when the script raises. A non-zero
 * exit, a crash or the time limit become `FileFormatError`s carrying the script's error line.
 *
 * @example
 * await withTempDir((dir) => runBlenderScript(blender, 'import bpy; print(bpy.app.version)', [], { cwd: dir }));
 */
export async function runBlenderScript(
  blender: string,
  script: string,
  args: string[],
  options: BlenderOptions & { cwd: string },
): Promise<BlenderRun> {
  const timeoutSeconds = options.timeoutSeconds ?? getConfig().blenderTimeout;
  const scriptPath = join(options.cwd, 'dream_cad_script.py');
  await writeFile(scriptPath, script);
  options.signal?.throwIfAborted();
  const started = performance.now();
  const argv = ['-b', '--factory-startup', '--python-exit-code', '1', '--python', scriptPath, '--', ...args];

  return new Promise<BlenderRun>((resolvePromise, reject) => {
    // TMPDIR inside our folder: Blender's own temp and crash files go where they get cleaned up.
    const env = { ...process.env, TMPDIR: options.cwd, TEMP: options.cwd, TMP: options.cwd };
    const child = spawn(blender, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > OUTPUT_LIMIT * 2) output = output.slice(-OUTPUT_LIMIT);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);

    let stopped: 'timeout' | 'abort' | undefined;
    const stop = (why: 'timeout' | 'abort') => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timeout'), timeoutSeconds * 1000);
    const onAbort = () => stop('abort');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };

    child.on('error', (err) => {
      cleanup();
      reject(new FileFormatError(`Could not start Blender at "${blender}": ${err.message}`, { cause: err }));
    });
    child.on('close', (code, signal) => {
      cleanup();
      const seconds = (performance.now() - started) / 1000;
      output = output.slice(-OUTPUT_LIMIT);
      if (stopped === 'abort')
        return reject(new CancelledError('Blender was stopped: the operation was cancelled.'));
      if (stopped === 'timeout') {
        return reject(
          new FileFormatError(
            `Blender did not finish within ${timeoutSeconds} s and was stopped ` +
              '(raise DREAM_CAD_BLENDER_TIMEOUT for very large assets).',
          ),
        );
      }
      if (code !== 0) {
        const how = signal ? `crashed (${signal})` : `failed (exit code ${code})`;
        return reject(new FileFormatError(`Blender ${how}: ${failureSummary(output)}`));
      }
      resolvePromise({ output, seconds });
    });
  });
}
