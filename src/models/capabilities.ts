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
  /**
   * The model's mesh-resolution setting (`meshResolution`: grid samples per axis), with its bounds and
   * default; absent when it has none. The CLI's `--mesh-resolution`, the API's `meshResolution` and
   * the web app's field are refused (or hidden) for models without it.
   */
  meshResolution?: { min: number; max: number; default: number };
  /**
   * True when the model can return its point cloud instead of a mesh (`pointsOnly`); such a result
   * saves to the formats that hold points (ply, glb). Absent or false: `pointsOnly` is refused.
   */
  supportsPointsOnly?: boolean;
}

/** Whether a model can run on this machine now, and if not, what to do about it. */
export interface ModelReadiness {
  ready: boolean;
  reason?: string;
}
