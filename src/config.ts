import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidConfigError } from './errors.js';

export type Precision = 'fp32' | 'fp16';
export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

export interface Config {
  /** DREAM_CAD_DEFAULT_MODEL: the model used when none is named. */
  defaultModel: string;
  /** DREAM_CAD_PRECISION: numeric precision for neural models. */
  precision: Precision;
  /** DREAM_CAD_MODEL_PATH: folder holding model weights (ONNX files and manifests). */
  modelPath: string;
  /** DREAM_CAD_CACHE_DIR: scratch space for converted files and caches. */
  cacheDir: string;
  /** DREAM_CAD_OUTPUT_DIR: where generated files are written by default. */
  outputDir: string;
  /** DREAM_CAD_GPU_ID: which GPU to use when there are several. */
  gpuId: number;
  /** DREAM_CAD_MAX_WORKERS: how many jobs run at once. */
  maxWorkers: number;
  /** DREAM_CAD_BATCH_SIZE: how many samples a model generates per call. */
  batchSize: number;
  /** DREAM_CAD_LOG_LEVEL */
  logLevel: LogLevel;
  /** DREAM_CAD_PROFILE: record per-stage timings in result metadata. */
  profile: boolean;
  /** PORT: HTTP port of `dream-cad serve`. */
  port: number;
  /** DATABASE_URL: `postgres://…` for PostgreSQL; unset means the embedded SQLite file. */
  databaseUrl?: string;
  /** DREAM_CAD_BLENDER: the Blender executable for .blend export; unset means `blender` on PATH. */
  blenderPath?: string;
  /** DREAM_CAD_BLENDER_TIMEOUT: seconds one Blender conversion may take before it is stopped. */
  blenderTimeout: number;
  /** DREAM_CAD_DATA_DIR: folder of the embedded SQLite database (`dream-cad.sqlite`). */
  dataDir: string;
  /** DREAM_CAD_UPLOAD_DIR: where reference images uploaded to the server are kept. */
  uploadDir: string;
  /** DREAM_CAD_MAX_UPLOAD_MB: largest reference image accepted, in MiB. */
  maxUploadMb: number;
  /** DREAM_CAD_API_TOKEN: when set, writes to the REST API need `Authorization: Bearer <token>`. */
  apiToken?: string;
  /** DREAM_CAD_LEASE_SECONDS: how long a worker's claim on a job lasts without a heartbeat. */
  leaseSeconds: number;
  /** DREAM_CAD_MAX_ATTEMPTS: how many times a job is tried before it is marked failed. */
  maxAttempts: number;
  /** DREAM_CAD_TRUST_PROXY: trust `X-Forwarded-*` headers (running behind a reverse proxy). */
  trustProxy: boolean;
  /** DREAM_CAD_RATE_LIMIT: requests per minute per client address; 0 turns rate limiting off. */
  rateLimit: number;
}

type Env = Record<string, string | undefined>;

/** One row per variable: how to parse it and what it accepts, so errors and docs say the same. */
interface VariableSpec<K extends keyof Config> {
  key: K;
  name: string;
  accepts: string;
  parse(raw: string): Config[K] | undefined;
  fallback: (env: Env) => Config[K];
}

function intIn(min: number, max: number) {
  return (raw: string): number | undefined => {
    if (!/^\d+$/.test(raw.trim())) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  };
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): T | undefined => {
    const v = raw.trim().toLowerCase();
    return (values as readonly string[]).includes(v) ? (v as T) : undefined;
  };
}

const nonEmptyPath = (raw: string): string | undefined => (raw.trim() ? resolve(raw.trim()) : undefined);

const LOG_LEVELS: Record<string, LogLevel> = {
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  warning: 'warning',
  error: 'error',
};

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous table of specs keyed by Config fields.
export const CONFIG_VARIABLES: VariableSpec<any>[] = [
  {
    key: 'defaultModel',
    name: 'DREAM_CAD_DEFAULT_MODEL',
    accepts: 'a model name: lowercase letters, digits and "-" (see `dream-cad models`)',
    parse: (raw: string) => (/^[a-z0-9][a-z0-9-_]*$/.test(raw.trim()) ? raw.trim() : undefined),
    fallback: () => 'dreamcad',
  },
  {
    key: 'precision',
    name: 'DREAM_CAD_PRECISION',
    accepts: 'fp32 or fp16',
    parse: oneOf(['fp32', 'fp16'] as const),
    fallback: () => 'fp32',
  },
  {
    key: 'modelPath',
    name: 'DREAM_CAD_MODEL_PATH',
    accepts: 'a folder path',
    parse: nonEmptyPath,
    fallback: () => resolve('models'),
  },
  {
    key: 'cacheDir',
    name: 'DREAM_CAD_CACHE_DIR',
    accepts: 'a folder path',
    parse: nonEmptyPath,
    fallback: () => join(homedir(), '.cache', 'dream-cad'),
  },
  {
    key: 'outputDir',
    name: 'DREAM_CAD_OUTPUT_DIR',
    accepts: 'a folder path',
    parse: nonEmptyPath,
    fallback: () => resolve('outputs'),
  },
  {
    key: 'gpuId',
    name: 'DREAM_CAD_GPU_ID',
    accepts: 'an integer from 0 to 63',
    parse: intIn(0, 63),
    fallback: () => 0,
  },
  {
    key: 'maxWorkers',
    name: 'DREAM_CAD_MAX_WORKERS',
    accepts: 'an integer from 1 to 64',
    parse: intIn(1, 64),
    fallback: () => 2,
  },
  {
    key: 'batchSize',
    name: 'DREAM_CAD_BATCH_SIZE',
    accepts: 'an integer from 1 to 256',
    parse: intIn(1, 256),
    fallback: () => 1,
  },
  {
    key: 'logLevel',
    name: 'DREAM_CAD_LOG_LEVEL',
    accepts: 'DEBUG, INFO, WARNING or ERROR (any case)',
    parse: (raw: string) => LOG_LEVELS[raw.trim().toLowerCase()],
    fallback: () => 'info',
  },
  {
    key: 'profile',
    name: 'DREAM_CAD_PROFILE',
    accepts: 'true, false, 1 or 0',
    parse: (raw: string) => ({ true: true, '1': true, false: false, '0': false })[raw.trim().toLowerCase()],
    fallback: () => false,
  },
  {
    key: 'port',
    name: 'PORT',
    accepts: 'an integer from 1 to 65535',
    parse: intIn(1, 65535),
    fallback: () => 3000,
  },
  {
    key: 'databaseUrl',
    name: 'DATABASE_URL',
    accepts: 'a postgres:// or postgresql:// URL (unset for the embedded SQLite database)',
    parse: (raw: string) => (/^postgres(ql)?:\/\/\S+$/.test(raw.trim()) ? raw.trim() : undefined),
    fallback: () => undefined,
  },
  {
    key: 'blenderPath',
    name: 'DREAM_CAD_BLENDER',
    accepts: 'the path of the blender executable (unset to look for `blender` on PATH)',
    parse: nonEmptyPath,
    fallback: () => undefined,
  },
  {
    key: 'blenderTimeout',
    name: 'DREAM_CAD_BLENDER_TIMEOUT',
    accepts: 'an integer number of seconds from 1 to 86400',
    parse: intIn(1, 86400),
    fallback: () => 300,
  },
  {
    key: 'dataDir',
    name: 'DREAM_CAD_DATA_DIR',
    accepts: 'a folder path',
    parse: nonEmptyPath,
    fallback: () => resolve('data'),
  },
  {
    key: 'uploadDir',
    name: 'DREAM_CAD_UPLOAD_DIR',
    accepts: 'a folder path',
    parse: nonEmptyPath,
    fallback: (env: Env) => join(nonEmptyPath(env.DREAM_CAD_DATA_DIR ?? '') ?? resolve('data'), 'uploads'),
  },
  {
    key: 'maxUploadMb',
    name: 'DREAM_CAD_MAX_UPLOAD_MB',
    accepts: 'an integer from 1 to 100',
    parse: intIn(1, 100),
    fallback: () => 10,
  },
  {
    key: 'apiToken',
    name: 'DREAM_CAD_API_TOKEN',
    accepts: 'at least 16 printable characters without spaces (unset for an open API)',
    parse: (raw: string) => (/^[\x21-\x7e]{16,}$/.test(raw.trim()) ? raw.trim() : undefined),
    fallback: () => undefined,
  },
  {
    key: 'leaseSeconds',
    name: 'DREAM_CAD_LEASE_SECONDS',
    accepts: 'an integer from 2 to 3600',
    parse: intIn(2, 3600),
    fallback: () => 30,
  },
  {
    key: 'maxAttempts',
    name: 'DREAM_CAD_MAX_ATTEMPTS',
    accepts: 'an integer from 1 to 20',
    parse: intIn(1, 20),
    fallback: () => 3,
  },
  {
    key: 'trustProxy',
    name: 'DREAM_CAD_TRUST_PROXY',
    accepts: 'true, false, 1 or 0',
    parse: (raw: string) => ({ true: true, '1': true, false: false, '0': false })[raw.trim().toLowerCase()],
    fallback: () => false,
  },
  {
    key: 'rateLimit',
    name: 'DREAM_CAD_RATE_LIMIT',
    accepts: 'an integer from 0 (off) to 1000000 requests per minute',
    parse: intIn(0, 1_000_000),
    fallback: () => 6000,
  },
];

/**
 * Reads and validates every variable at once. An unset or empty variable takes its default; a set
 * but unacceptable one throws `InvalidConfigError` naming the variable and what it accepts.
 *
 * @example
 * const config = loadConfig({ DREAM_CAD_MAX_WORKERS: '4' }); // config.maxWorkers === 4
 */
export function loadConfig(env: Env = process.env): Config {
  const config: Partial<Config> = {};
  for (const spec of CONFIG_VARIABLES) {
    const raw = env[spec.name];
    if (raw === undefined || raw.trim() === '') {
      (config as Record<string, unknown>)[spec.key] = spec.fallback(env);
      continue;
    }
    const value = spec.parse(raw);
    if (value === undefined) {
      throw new InvalidConfigError(
        spec.name,
        `${spec.name}=${JSON.stringify(raw)} is not valid; it accepts ${spec.accepts}.`,
      );
    }
    (config as Record<string, unknown>)[spec.key] = value;
  }
  return config as Config;
}

let cached: Config | undefined;

/** The process-wide configuration, read from `process.env` on first use. */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}

/** Forgets the cached configuration (tests, or after changing `process.env` on purpose). */
export function resetConfig(): void {
  cached = undefined;
}
