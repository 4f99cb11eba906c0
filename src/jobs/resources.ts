import { cpus, totalmem } from 'node:os';
import { InsufficientVRAMError, ModelNotFoundError } from '../errors.js';
import type { ModelCapabilities } from '../models/capabilities.js';
import { ModelFactory } from '../models/factory.js';
import { type GpuInfo, queryGpus } from '../utils/gpu.js';

/** A place a job can run: a GPU, or the CPU (id −1) on a machine without one. */
export interface DeviceInfo {
  id: number;
  kind: 'gpu' | 'cpu';
  name: string;
  totalMemoryGb: number;
  /** Free memory when discovered, minus what jobs assigned here have reserved. */
  availableGb: number;
  jobs: string[];
}

/** The CPU's device id in assignments. */
export const CPU_DEVICE = -1;

export interface ResourceManagerOptions {
  /** How GPUs are found (default: `nvidia-smi` through `queryGpus`); tests pass a fake. */
  queryGpus?: () => GpuInfo[];
  /** Capabilities of a model by name (default: the model factory's registry). */
  capabilities?: (modelName: string) => ModelCapabilities | undefined;
}

/**
 * Tracks which job runs on which GPU and how much memory it reserved; the seed's `ResourceManager`.
 * On a machine without a GPU it reports the CPU, runs models that need no VRAM there, and refuses
 * the rest with `InsufficientVRAMError`.
 *
 * @example
 * const rm = new ResourceManager();
 * const device = rm.assignJobToGpu(job.id, 'dreamcad'); // -1: the CPU
 * try { … } finally { rm.releaseGpu(device!, job.id); }
 */
export class ResourceManager {
  private gpus: GpuInfo[] = [];
  private readonly reserved = new Map<number, Map<string, number>>();
  private readonly query: () => GpuInfo[];
  private readonly caps: (name: string) => ModelCapabilities | undefined;

  constructor(options: ResourceManagerOptions = {}) {
    this.query = options.queryGpus ?? queryGpus;
    this.caps =
      options.capabilities ??
      ((name) => ModelFactory.describeModels().find((m) => m.name === name)?.capabilities);
    this.discoverGpus();
  }

  /** Asks `nvidia-smi` again; resolves the GPUs found (empty without one). */
  discoverGpus(): GpuInfo[] {
    this.gpus = this.query();
    return this.gpus;
  }

  get hasGpu(): boolean {
    return this.gpus.length > 0;
  }

  /** Every device with its reservations; the CPU alone on a machine without a GPU. */
  devices(): DeviceInfo[] {
    if (!this.hasGpu) {
      const cpu = cpus()[0]?.model?.trim() || 'CPU';
      return [
        {
          id: CPU_DEVICE,
          kind: 'cpu',
          name: `${cpu} (${cpus().length} cores)`,
          totalMemoryGb: totalmem() / 1024 ** 3,
          availableGb: 0,
          jobs: [...(this.reserved.get(CPU_DEVICE)?.keys() ?? [])],
        },
      ];
    }
    return this.gpus.map((g) => ({
      id: g.id,
      kind: 'gpu',
      name: g.name,
      totalMemoryGb: g.totalMemoryGb,
      availableGb: this.available(g.id),
      jobs: [...(this.reserved.get(g.id)?.keys() ?? [])],
    }));
  }

  private available(gpuId: number): number {
    const gpu = this.gpus.find((g) => g.id === gpuId);
    if (!gpu) return 0;
    let used = 0;
    for (const gb of this.reserved.get(gpuId)?.values() ?? []) used += gb;
    return Math.max(0, gpu.freeMemoryGb - used);
  }

  private need(modelName: string): number {
    const caps = this.caps(modelName);
    if (!caps) throw new ModelNotFoundError(modelName, ModelFactory.listAvailableModels());
    return caps.minVramGb;
  }

  /**
   * Whether `modelName` fits on `gpuId` now (its free memory minus reservations). Without `gpuId`:
   * whether it fits anywhere. Models that need no VRAM run anywhere, including the CPU.
   */
  canModelRun(modelName: string, gpuId?: number): boolean {
    const need = this.need(modelName);
    if (need <= 0) return true;
    const ids = gpuId === undefined ? this.gpus.map((g) => g.id) : [gpuId];
    return ids.some((id) => this.available(id) >= need);
  }

  /** Whether this machine could ever run the model (some GPU has enough total memory). */
  couldEverRun(modelName: string): boolean {
    const need = this.need(modelName);
    return need <= 0 || this.gpus.some((g) => g.totalMemoryGb >= need);
  }

  /**
   * Reserves a device for a job: the GPU with the most free memory that fits the model, the CPU
   * (−1) for models that need no VRAM on a machine without GPUs, or null when nothing fits now.
   */
  assignJobToGpu(jobId: string, modelName: string): number | null {
    const need = this.need(modelName);
    let device: number | null = null;
    if (need <= 0 && !this.hasGpu) device = CPU_DEVICE;
    else {
      let best = -Infinity;
      for (const g of this.gpus) {
        const free = this.available(g.id);
        if (free >= need && free > best) {
          best = free;
          device = g.id;
        }
      }
      if (device === null && need <= 0) device = CPU_DEVICE;
    }
    if (device === null) return null;
    const jobs = this.reserved.get(device) ?? new Map<string, number>();
    this.reserved.set(device, jobs);
    jobs.set(jobId, device === CPU_DEVICE ? 0 : need);
    return device;
  }

  /** Returns the job's reservation. */
  releaseGpu(gpuId: number, jobId: string): void {
    this.reserved.get(gpuId)?.delete(jobId);
  }

  /** Throws `InsufficientVRAMError` (or `ModelNotFoundError`) when the model can never run here. */
  assertCanRun(modelName: string): void {
    if (this.couldEverRun(modelName)) return;
    const best = this.gpus.reduce((m, g) => Math.max(m, g.totalMemoryGb), 0);
    throw new InsufficientVRAMError(modelName, this.need(modelName), best);
  }
}
