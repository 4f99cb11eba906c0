import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface ValidatorMessage {
  code: string;
  message: string;
  severity: number;
  pointer?: string;
}

/** The Khronos glTF-Validator's verdict, trimmed to what a report needs. */
export interface ValidatorSummary {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** The first messages (errors first), at most `maxIssues`. */
  messages: ValidatorMessage[];
}

export interface ValidateGlbOptions {
  /** Run the validator in a worker thread, so it overlaps with the caller's own work. */
  worker?: boolean;
  maxIssues?: number;
}

export const VALIDATE_GLB_DEFAULTS: Required<ValidateGlbOptions> = { worker: false, maxIssues: 50 };

const require = createRequire(import.meta.url);

interface RawReport {
  issues: {
    numErrors: number;
    numWarnings: number;
    numInfos: number;
    numHints: number;
    messages: { code: string; message: string; severity: number; pointer?: string }[];
  };
}

function summarise(report: RawReport): ValidatorSummary {
  const i = report.issues;
  return {
    errors: i.numErrors,
    warnings: i.numWarnings,
    infos: i.numInfos,
    hints: i.numHints,
    messages: [...i.messages]
      .sort((a, b) => a.severity - b.severity)
      .map(({ code, message, severity, pointer }) => ({ code, message, severity, pointer })),
  };
}

// A worker evaluated from source: plain CommonJS that loads the validator by absolute path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const validator = require(workerData.path);
validator.validateBytes(workerData.bytes, { maxIssues: workerData.maxIssues, externalResourceFunction: () => Promise.reject(new Error('external resources are not read')) })
  .then((report) => parentPort.postMessage({ report }), (err) => parentPort.postMessage({ error: String(err && err.message || err) }));
`;

/**
 * Validates GLB bytes with the Khronos glTF-Validator and summarises the issues. External
 * resources are never fetched. With `worker`, the validation runs on another thread.
 *
 * @example
 * const { errors } = await validateGlb(bytes);
 */
export async function validateGlb(
  bytes: Uint8Array,
  options: ValidateGlbOptions = {},
): Promise<ValidatorSummary> {
  const opts = { ...VALIDATE_GLB_DEFAULTS, ...options };
  if (!opts.worker) {
    const validator = require('gltf-validator') as {
      validateBytes(data: Uint8Array, o: object): Promise<RawReport>;
    };
    try {
      const report = await validator.validateBytes(bytes, {
        maxIssues: opts.maxIssues,
        externalResourceFunction: () => Promise.reject(new Error('external resources are not read')),
      });
      return summarise(report);
    } catch (err) {
      throw new Error(`validateGlb: ${err instanceof Error ? err.message : err}`, { cause: err });
    }
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { bytes, path: require.resolve('gltf-validator'), maxIssues: opts.maxIssues },
  });
  try {
    const msg = await new Promise<{ report?: RawReport; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (msg.error || !msg.report) throw new Error(`validateGlb: ${msg.error}`);
    return summarise(msg.report);
  } finally {
    await worker.terminate();
  }
}
