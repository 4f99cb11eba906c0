import type { MeshTopology } from './topology.js';
import type { UvAnalysis } from './uv.js';
import type { ValidatorSummary } from './validate.js';

/** The facts every score is computed from (see docs/quality.md). */
export interface MeshFacts extends Omit<MeshTopology, 'welded'> {
  parts: number;
  materials: number;
  textures: number;
  uv: UvAnalysis & {
    /** Texture pixels per metre of surface: √(uvArea × texture pixels / surface area). */
    texelDensity: number;
    /** The texel density assumed `assumedTextureSize` because no material has a texture. */
    texelDensityAssumed: boolean;
  };
  /**
   * For assets of several parts: how many parts are watertight on their own (parts of a generated
   * asset usually touch or interpenetrate, so the whole is rarely watertight even when every part is).
   * Null for a single part.
   */
  partsWatertight: number | null;
  /** Whether every vertex normal has unit length (± 1 %). */
  normalsValid: boolean;
}

/**
 * The seed's `QualityMetrics` (camelCase), plus `uvCoverage` and the facts behind every score.
 * Scores run 0–100; 100 means no problem of that kind was found.
 */
export interface QualityMetrics {
  meshValidityScore: number;
  meshManifoldScore: number;
  meshWatertightScore: number;
  /** Vertices as stored in the file (split at seams), summed over parts. */
  vertexCount: number;
  faceCount: number;
  overallMeshQuality: number;
  gameReadyScore: number;
  /** Percentage (0–100) of the UV square covered by the mesh's UV islands. */
  uvCoverage: number;
  /** 0–100, from winding conflicts between neighbouring faces. */
  windingScore: number;
  isWatertight: boolean;
  isEdgeManifold: boolean;
  isVertexManifold: boolean;
  facts: MeshFacts;
  /** The Khronos glTF-Validator's report, for GLB input. */
  validator?: ValidatorSummary;
  /** Reader and assessor notes (skipped primitives, missing sidecars, time budgets hit). */
  warnings: string[];
  format?: string;
  path?: string;
  /** Wall time of the assessment, milliseconds. */
  assessmentMs: number;
}
