import type { ModelCapabilities } from './capabilities.js';

/**
 * Capabilities by model name. The factory keeps one for every registered model; you can keep your
 * own to describe models that live elsewhere (remote workers).
 *
 * @example
 * const registry = new ModelRegistry();
 * registry.register('dreamcad', DreamCadModel.capabilities);
 * registry.getModelsForVram(0); // ['dreamcad']
 */
export class ModelRegistry {
  private readonly entries = new Map<string, ModelCapabilities>();

  register(name: string, capabilities: ModelCapabilities): void {
    this.entries.set(name, capabilities);
  }

  getCapabilities(name: string): ModelCapabilities | undefined {
    return this.entries.get(name);
  }

  listModels(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Models whose minimum VRAM fits in `vramGb` (0 means CPU only). */
  getModelsForVram(vramGb: number): string[] {
    return this.listModels().filter((name) => this.entries.get(name)!.minVramGb <= vramGb);
  }
}
