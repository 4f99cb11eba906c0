/** What a model can do and what it needs; the seed's `ModelCapabilities` in TypeScript naming. */
export interface ModelCapabilities {
  minVramGb: number;
  recommendedVramGb: number;
  supportsTextTo3d: boolean;
  supportsImageTo3d: boolean;
  supportsMultiView: boolean;
  outputFormats: string[];
  hasPbrMaterials: boolean;
  hasUvUnwrapping: boolean;
  /** Human-readable, e.g. "≈10 ms on CPU". */
  typicalGenerationTime: string;
  /** Largest texture or grid resolution the model produces. */
  maxResolution: number;
  licenseType: string;
  /** One sentence for model lists. */
  description?: string;
}

/** Whether a model can run on this machine now, and if not, what to do about it. */
export interface ModelReadiness {
  ready: boolean;
  reason?: string;
}
