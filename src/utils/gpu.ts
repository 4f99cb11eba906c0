import { execFileSync } from 'node:child_process';

export interface GpuInfo {
  id: number;
  name: string;
  totalMemoryGb: number;
  freeMemoryGb: number;
}

/**
 * Lists the NVIDIA GPUs `nvidia-smi` reports; an empty list when it is missing, fails, or takes
 * longer than two seconds (a machine without a GPU is normal, not an error).
 */
export function queryGpus(): GpuInfo[] {
  let out: string;
  try {
    out = execFileSync(
      'nvidia-smi',
      ['--query-gpu=index,name,memory.total,memory.free', '--format=csv,noheader,nounits'],
      { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return [];
  }
  return parseNvidiaSmi(out);
}

/** Parses `nvidia-smi --query-gpu=index,name,memory.total,memory.free --format=csv,noheader,nounits`. */
export function parseNvidiaSmi(csv: string): GpuInfo[] {
  const gpus: GpuInfo[] = [];
  for (const line of csv.split('\n')) {
    const cols = line.split(',').map((c) => c.trim());
    if (cols.length < 4) continue;
    const [id, name, total, free] = cols;
    if (!/^\d+$/.test(id) || !Number.isFinite(Number(total)) || !Number.isFinite(Number(free))) continue;
    gpus.push({
      id: Number(id),
      name,
      totalMemoryGb: Number(total) / 1024,
      freeMemoryGb: Number(free) / 1024,
    });
  }
  return gpus;
}

/**
 * Free memory, in GB, of the GPU `gpuId` (default: the most free of all GPUs); 0 without a GPU.
 *
 * @example
 * if (getAvailableVram() < 6) console.log('use the built-in model');
 */
export function getAvailableVram(gpuId?: number): number {
  const gpus = queryGpus();
  if (gpuId !== undefined) return gpus.find((g) => g.id === gpuId)?.freeMemoryGb ?? 0;
  return gpus.reduce((best, g) => Math.max(best, g.freeMemoryGb), 0);
}

type CacheReleaser = () => void;
const releasers = new Set<CacheReleaser>();

/** Models that hold GPU memory register a releaser here; `clearGpuCache` calls them all. */
export function onClearGpuCache(release: CacheReleaser): () => void {
  releasers.add(release);
  return () => releasers.delete(release);
}

/**
 * Asks every loaded model to drop cached GPU buffers and sessions it can rebuild. Returns how many
 * releasers ran. Safe to call on a machine without a GPU.
 */
export function clearGpuCache(): number {
  for (const release of releasers) release();
  return releasers.size;
}
