export {
  type PartSummary,
  QUALITY_ASSESSOR_DEFAULTS,
  QualityAssessor,
  type QualityAssessorOptions,
} from './assessor.js';
export { computeScores, SCORE_DEFAULTS, type ScoreOptions, type Scores } from './scores.js';
export {
  findSelfIntersections,
  findSelfIntersectionsInWorker,
  SELF_INTERSECTION_DEFAULTS,
  type SelfIntersectionOptions,
  type SelfIntersectionResult,
} from './self-intersections.js';
export {
  analyzeMeshTopology,
  analyzeWeldedMesh,
  MESH_TOPOLOGY_DEFAULTS,
  type MeshTopology,
  type MeshTopologyOptions,
  type WeldedMesh,
  weldMesh,
  withSelfIntersections,
} from './topology.js';
export type { MeshFacts, QualityMetrics } from './types.js';
export { analyzeUvs, UV_ANALYSIS_DEFAULTS, type UvAnalysis, type UvAnalysisOptions } from './uv.js';
export {
  VALIDATE_GLB_DEFAULTS,
  type ValidateGlbOptions,
  type ValidatorMessage,
  type ValidatorSummary,
  validateGlb,
} from './validate.js';
