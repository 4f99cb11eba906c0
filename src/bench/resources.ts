import { execFile } from 'node:child_process';
import { queryGpus } from '../utils/gpu.js';

/** Peak memory seen while a sampler ran. */
export interface ResourcePeaks {
  /** Largest resident set size of this process, GB. */
  peakRamGb: number;
  /** Largest GPU memory in use (nvidia-smi memory.used, the busiest GPU), GB; null without a GPU. */
  peakVramGb: number | null;
}

/** Something that watches memory between `start()` and `stop()`. */
export interface ResourceSampler {
  start(): void;
  /** Takes one sample now (callers do this around synchronous work, which blocks timers). */
  sample(): void;
  stop(): Promise<ResourcePeaks>;
}

export interface ProcessSamplerOptions {
  /** Milliseconds between samples. */
  intervalMs?: number;
  /** Sample GPU memory with nvidia-smi: 'auto' does when `nvidia-smi` lists a GPU. */
  gpu?: boolean | 'auto';
}

function readVramUsedGb(): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(
      'nvidia-smi',
      ['--query-gpu=memory.used', '--format=csv,noheader,nounits'],
      { timeout: 2000 },
      (err, stdout) => {
        if (err) return resolve(null);
        const used = stdout
          .split('\n')
          .map((l) => Number(l.trim()))
          .filter((n) => Number.isFinite(n) && n >= 0);
        resolve(used.length > 0 ? Math.max(...used) / 1024 : null);
      },
    );
  });
}

/**
 * Samples this process's resident memory (and, with a GPU, `nvidia-smi`'s memory.used) on a timer
 * and whenever `sample()` is called. Timers cannot fire while synchronous work blocks the event
 * loop, so the benchmark also samples before and after every run.
 *
 * @example
 * const s = processSampler(); s.start(); await work(); const { peakRamGb } = await s.stop();
 */
export function processSampler(options: ProcessSamplerOptions = {}): ResourceSampler {
  const intervalMs = options.intervalMs ?? 50;
  const useGpu = options.gpu === 'auto' || options.gpu === undefined ? queryGpus().length > 0 : options.gpu;
  let peakRam = 0;
  let peakVram: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let gpuTimer: NodeJS.Timeout | undefined;
  const pending: Promise<void>[] = [];
  const sampleGpu = () => {
    if (!useGpu) return;
    pending.push(
      readVramUsedGb().then((v) => {
        if (v !== null) peakVram = Math.max(peakVram ?? 0, v);
      }),
    );
  };
  const sample = () => {
    peakRam = Math.max(peakRam, process.memoryUsage.rss() / 1024 ** 3);
  };
  return {
    start() {
      sample();
      sampleGpu();
      timer = setInterval(sample, intervalMs);
      if (useGpu) gpuTimer = setInterval(sampleGpu, Math.max(200, intervalMs));
    },
    sample() {
      sample();
    },
    async stop() {
      sample();
      sampleGpu();
      clearInterval(timer);
      clearInterval(gpuTimer);
      await Promise.all(pending);
      return { peakRamGb: peakRam, peakVramGb: useGpu ? peakVram : null };
    },
  };
}
