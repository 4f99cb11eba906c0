import type { MeshFacts } from './types.js';
import type { ValidatorSummary } from './validate.js';

export interface ScoreOptions {
  /** Triangles a game-ready asset may have before the budget score falls (default 100 000). */
  maxTriangles?: number;
}

export const SCORE_DEFAULTS: Required<ScoreOptions> = { maxTriangles: 100_000 };

export interface Scores {
  meshValidityScore: number;
  meshManifoldScore: number;
  meshWatertightScore: number;
  windingScore: number;
  overallMeshQuality: number;
  gameReadyScore: number;
  uvCoverage: number;
  budgetScore: number;
  uvScore: number;
}

const round = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number) => Math.min(100, Math.max(0, x));

/**
 * Every score from the facts; the formulas are written out in docs/quality.md. A score is 100 only
 * when no problem of its kind exists: any problem caps it at 99.
 *
 * @example
 * const scores = computeScores(facts, validator);
 */
export function computeScores(
  facts: MeshFacts,
  validator?: ValidatorSummary,
  options: ScoreOptions = {},
): Scores {
  const { maxTriangles } = { ...SCORE_DEFAULTS, ...options };
  const F = facts.faceCount;
  const E = Math.max(1, facts.edgeCount);
  const V = Math.max(1, facts.weldedVertexCount);
  const capped = (ok: boolean, value: number) => (ok ? 100 : Math.min(99, clamp(value)));
  if (F === 0) {
    return {
      meshValidityScore: 0,
      meshManifoldScore: 0,
      meshWatertightScore: 0,
      windingScore: 0,
      overallMeshQuality: 0,
      gameReadyScore: 0,
      uvCoverage: 0,
      budgetScore: 0,
      uvScore: 0,
    };
  }
  const badFaces = facts.degenerateFaces + facts.duplicateFaces;
  const validatorErrors = validator?.errors ?? 0;
  const validity = capped(
    badFaces === 0 && validatorErrors === 0 && facts.normalsValid,
    100 * (1 - Math.min(1, badFaces / F)) * (validatorErrors > 0 ? 0.5 : 1) * (facts.normalsValid ? 1 : 0.9),
  );
  const manifoldIssues = facts.nonManifoldEdges + facts.nonManifoldVertices;
  const manifold = capped(manifoldIssues === 0, 100 * (1 - manifoldIssues / (E + V)));
  // Every part a closed solid, but parts touching or crossing each other: fine to render and to
  // union, so 95 rather than the whole file's intersection penalty.
  const partsSolid = facts.partsWatertight !== null && facts.partsWatertight === facts.parts;
  const watertight = facts.isWatertight
    ? 100
    : partsSolid
      ? 95
      : Math.min(
          99,
          clamp(
            100 *
              (1 - (facts.boundaryEdges + facts.nonManifoldEdges) / E) *
              (facts.isSelfIntersecting ? 0.5 : 1),
          ),
        );
  const twoFaceEdges = Math.max(1, facts.edgeCount - facts.boundaryEdges - facts.nonManifoldEdges);
  const winding = capped(
    facts.inconsistentWindingEdges === 0,
    100 * (1 - facts.inconsistentWindingEdges / twoFaceEdges),
  );
  const overall = 0.3 * validity + 0.3 * manifold + 0.25 * watertight + 0.15 * winding;
  const budget = F <= maxTriangles ? 100 : (100 * maxTriangles) / F;
  const uvScore = facts.uv.hasUvs ? 100 * (1 - facts.uv.overlap) : 0;
  const gameReady = 0.4 * overall + 0.3 * budget + 0.3 * uvScore;
  return {
    meshValidityScore: round(validity),
    meshManifoldScore: round(manifold),
    meshWatertightScore: round(watertight),
    windingScore: round(winding),
    overallMeshQuality: round(overall),
    gameReadyScore: round(gameReady),
    uvCoverage: round(facts.uv.coverage * 100),
    budgetScore: round(budget),
    uvScore: round(uvScore),
  };
}
