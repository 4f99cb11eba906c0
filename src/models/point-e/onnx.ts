/**
 * ONNX Runtime sessions for the Point-E networks. `onnxruntime-node` is imported lazily, on the first
 * session, so importing the library never loads the native binding.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';

type Ort = typeof import('onnxruntime-node');

let ortPromise: Promise<Ort> | undefined;

/** The `onnxruntime-node` module, loaded once. */
export function loadOnnxRuntime(): Promise<Ort> {
  ortPromise ??= import('onnxruntime-node').catch((err: unknown) => {
    ortPromise = undefined;
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`onnxruntime-node could not be loaded (${why}); run \`npm install\` again.`);
  });
  return ortPromise;
}

/** Which execution provider to ask for: CUDA when available (falling back to CPU), or CPU only. */
export type OnnxDevice = 'auto' | 'cpu' | 'cuda';

export interface OnnxSessionOptions {
  device?: OnnxDevice;
  /** Threads for one operator; default: ONNX Runtime's choice (the machine's cores). */
  intraOpThreads?: number;
  /** Where the CUDA fallback is reported; default `console.warn`. */
  log?: (message: string) => void;
}

export interface TensorData {
  data: Float32Array | BigInt64Array;
  dims: readonly number[];
}

/** One loaded network: named float32/int64 inputs in, named outputs out. */
export interface OnnxNetwork {
  readonly path: string;
  /** The execution provider the session runs on. */
  readonly provider: 'cpu' | 'cuda';
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, TensorData>): Promise<Record<string, Float32Array>>;
  release(): Promise<void>;
}

/**
 * Opens an ONNX file. With `device: 'auto'` (the default) it tries CUDA when this build of ONNX
 * Runtime lists it, and falls back to CPU with one logged line when the CUDA provider cannot start
 * (no GPU, or its libraries are not installed: `.npmrc` skips that download).
 *
 * @example
 * const net = await openOnnxNetwork('models/point-e/base.onnx');
 * const { output } = await net.run({ x: { data, dims: [2, 6, 1024] }, … });
 */
export async function openOnnxNetwork(path: string, options: OnnxSessionOptions = {}): Promise<OnnxNetwork> {
  const ort = await loadOnnxRuntime();
  const device = options.device ?? 'auto';
  const log = options.log ?? ((m: string) => console.warn(m));
  const base: InferenceSession.SessionOptions = {
    graphOptimizationLevel: 'all',
    // DREAM_CAD_ONNX_ARENA=0: no CPU memory arena or memory pattern. The arena keeps each session's
    // peak activations (the upsampler's 4 096-token attention), so peak RSS is about 3× PyTorch's;
    // without it RSS matches PyTorch's but every call allocates afresh and runs ~2.5× slower
    // (bench/point-e.bench.ts, docs/point-e.md).
    ...(process.env.DREAM_CAD_ONNX_ARENA === '0'
      ? { enableCpuMemArena: false, enableMemPattern: false }
      : {}),
    ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
  };
  let session: InferenceSession | undefined;
  let provider: 'cpu' | 'cuda' = 'cpu';
  const wantCuda =
    device === 'cuda' || (device === 'auto' && process.env.DREAM_CAD_ONNX_CPU !== '1' && !cudaFailed);
  if (wantCuda) {
    const listed = ort.listSupportedBackends().some((b) => b.name === 'cuda');
    const installed = listed && cudaProviderInstalled();
    if (!installed && device === 'cuda') {
      throw new Error('openOnnxNetwork: the CUDA execution provider of onnxruntime-node is not installed.');
    }
    if (!installed) {
      cudaFailed = true;
      if (listed) {
        warnOnce(
          log,
          "point-e: onnxruntime-node's CUDA provider is not installed (.npmrc skips its download); running on CPU.",
        );
      }
    } else {
      try {
        session = await ort.InferenceSession.create(path, { ...base, executionProviders: ['cuda'] });
        provider = 'cuda';
      } catch (err) {
        if (device === 'cuda') throw err;
        cudaFailed = true;
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        warnOnce(log, `point-e: the CUDA execution provider could not start (${why}); running on CPU.`);
      }
    }
  }
  session ??= await ort.InferenceSession.create(path, { ...base, executionProviders: ['cpu'] });
  const s = session;
  return {
    path,
    provider,
    inputNames: s.inputNames,
    outputNames: s.outputNames,
    async run(feeds) {
      const tensors: Record<string, Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) {
        tensors[name] =
          t.data instanceof BigInt64Array
            ? new ort.Tensor('int64', t.data, t.dims)
            : new ort.Tensor('float32', t.data, t.dims);
      }
      const result = await s.run(tensors);
      const out: Record<string, Float32Array> = {};
      for (const name of s.outputNames) {
        const value = result[name];
        if (!value || !(value.data instanceof Float32Array)) {
          throw new Error(`${path}: output "${name}" is not a float32 tensor.`);
        }
        out[name] = value.data;
      }
      return out;
    },
    release: () => s.release(),
  };
}

/** Set once CUDA has failed (or is absent), so later sessions go straight to CPU. */
let cudaFailed = false;

/** Whether onnxruntime-node's CUDA provider library sits beside its native binding. */
function cudaProviderInstalled(): boolean {
  try {
    const require = createRequire(import.meta.url);
    const bin = join(dirname(require.resolve('onnxruntime-node')), '..', 'bin');
    for (const napi of readdirSync(bin)) {
      const dir = join(bin, napi, process.platform, process.arch);
      if (
        ['libonnxruntime_providers_cuda.so', 'onnxruntime_providers_cuda.dll'].some((f) =>
          existsSync(join(dir, f)),
        )
      ) {
        return true;
      }
    }
  } catch {
    // No binding folder to look in: treat as not installed.
  }
  return false;
}

const warned = new Set<string>();
function warnOnce(log: (message: string) => void, message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  log(message);
}
