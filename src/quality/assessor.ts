import { extname } from 'node:path';
import type { Asset } from '../asset/asset.js';
import { FileFormatError } from '../errors.js';
import { mergeAssetMeshes } from '../io/read/merge.js';
import { readMeshFile } from '../io/read/registry.js';
import { computeScores, SCORE_DEFAULTS } from './scores.js';
import {
  findSelfIntersections,
  findSelfIntersectionsInWorker,
  type SelfIntersectionResult,
} from './self-intersections.js';
import { analyzeMeshTopology, analyzeWeldedMesh, weldMesh, withSelfIntersections } from './topology.js';
import type { MeshFacts, QualityMetrics } from './types.js';
import { analyzeUvs } from './uv.js';
import { type ValidatorSummary, validateGlb } from './validate.js';

export interface QualityAssessorOptions {
  /** Triangles a game-ready asset may have before its budget score falls. */
  maxTriangles?: number;
  /** Search for self-intersections (part of Open3D's watertight definition; ~40 % of the time). */
  selfIntersections?: boolean;
  /** Give up the self-intersection search after this many ms (0: never); the result then says so. */
  selfIntersectionBudgetMs?: number;
  /** Run the Khronos glTF-Validator on GLB files. */
  validate?: boolean;
  /** Run the validator on a worker thread for files at least this large (bytes); 0: always. */
  validatorWorkerMinBytes?: number;
  /**
   * Search for self-intersections on a (long-lived) worker thread, alongside the other
   * measurements, for meshes of at least this many faces; `Infinity`: never.
   */
  selfIntersectionWorkerMinFaces?: number;
  /** Side of the grid UV coverage and overlap are sampled on. */
  uvResolution?: number;
  /** Texture side assumed for the texel density when no material has a texture. */
  assumedTextureSize?: number;
  /** Include the per-part summaries in the result (they are computed for the score either way). */
  perPart?: boolean;
}

export const QUALITY_ASSESSOR_DEFAULTS: Required<QualityAssessorOptions> = {
  maxTriangles: SCORE_DEFAULTS.maxTriangles,
  selfIntersections: true,
  selfIntersectionBudgetMs: 0,
  validate: true,
  validatorWorkerMinBytes: 1 << 20,
  selfIntersectionWorkerMinFaces: 100_000,
  uvResolution: 512,
  assumedTextureSize: 1024,
  perPart: true,
};

export interface PartSummary {
  name: string;
  faceCount: number;
  isClosed: boolean;
  isEdgeManifold: boolean;
  isVertexManifold: boolean;
  /** Closed, vertex-manifold and free of self-intersections on its own. */
  isWatertight: boolean;
  holes: number;
  selfIntersectingPairs: number;
}

/**
 * Assesses meshes: reads GLB, glTF, OBJ, PLY, STL or FBX files (or takes an `Asset`), measures the facts
 * behind quality (see `MeshFacts`) and turns them into the seed's 0–100 scores.
 *
 * @example
 * const assessor = new QualityAssessor();
 * const metrics = await assessor.assessMeshFile('model.glb');
 * console.log(`Quality score: ${metrics.overallMeshQuality}`);
 */
export class QualityAssessor {
  readonly options: Required<QualityAssessorOptions>;

  constructor(options: QualityAssessorOptions = {}) {
    this.options = { ...QUALITY_ASSESSOR_DEFAULTS, ...options };
  }

  /**
   * Reads a mesh file (format from its extension) and assesses it; GLB files are also validated.
   * Rejects with a `FileFormatError` naming the file when it cannot be read or holds no triangles.
   */
  async assessMeshFile(path: string): Promise<QualityMetrics & { perPart?: PartSummary[] }> {
    const start = performance.now();
    const ext = extname(path).slice(1).toLowerCase();
    const read = await readMeshFile(path);
    let triangles = 0;
    let vertices = 0;
    for (const p of read.asset.parts) {
      triangles += p.mesh.indices.length / 3;
      vertices += p.mesh.positions.length / 3;
    }
    if (triangles === 0) {
      const skipped = read.warnings.length > 0 ? ` (${read.warnings.join('; ')})` : '';
      throw new FileFormatError(
        `"${path}" holds no triangles (${read.asset.parts.length} parts, ${vertices} vertices): nothing to assess${skipped}.`,
      );
    }
    let validation: Promise<ValidatorSummary> | undefined;
    if (this.options.validate && ext === 'glb') {
      const worker = read.bytes.length >= this.options.validatorWorkerMinBytes;
      validation = validateGlb(read.bytes, { worker });
      // Keep an early rejection from being reported as unhandled while the mesh is analysed.
      validation.catch(() => {});
    }
    const metrics = await this.assessAsset(read.asset, { validation, start });
    metrics.format = read.format;
    metrics.path = path;
    metrics.warnings.unshift(...read.warnings);
    return metrics;
  }

  /**
   * Assesses an asset in memory (all parts together, as a file holding them would be).
   * `extra.validation` attaches a validator run already under way.
   */
  async assessAsset(
    asset: Asset,
    extra: { validation?: Promise<ValidatorSummary>; start?: number } = {},
  ): Promise<QualityMetrics & { perPart?: PartSummary[] }> {
    const start = extra.start ?? performance.now();
    const o = this.options;
    const warnings: string[] = [];
    const merged = mergeAssetMeshes(asset);
    const welded = weldMesh(merged.positions, merged.indices);
    // The self-intersection search (the costliest step) runs once for the whole asset, counting
    // the pairs within each part too; for a large mesh on the search thread, while this thread
    // measures everything else.
    const faces = merged.indices.length / 3;
    const searchOptions = {
      timeBudgetMs: o.selfIntersectionBudgetMs,
      ...(asset.parts.length > 1 ? { faceGroups: merged.facePart } : {}),
    };
    let search: Promise<SelfIntersectionResult> | undefined;
    if (o.selfIntersections) {
      search =
        faces >= o.selfIntersectionWorkerMinFaces
          ? findSelfIntersectionsInWorker(welded.positions, welded.indices, searchOptions)
          : Promise.resolve(findSelfIntersections(welded.positions, welded.indices, searchOptions));
      search.catch(() => {});
    }
    let topology = analyzeWeldedMesh(welded, { selfIntersections: false });
    const uv = analyzeUvs(merged.uvs, merged.indices, { resolution: o.uvResolution });

    // Texel density from each part's UV and surface areas and its texture size.
    let texArea = 0;
    let textured = false;
    let normalsValid = true;
    const textures = new Set<unknown>();
    const materials = new Set<string>();
    for (const part of asset.parts) {
      const m = part.mesh;
      const tex = part.material.baseColorTexture;
      materials.add(part.material.name);
      if (tex) {
        textured = true;
        textures.add(tex);
      }
      const side = tex ? tex.width * tex.height : o.assumedTextureSize ** 2;
      texArea += uvArea(m.uvs, m.indices) * side;
      const n = m.normals;
      for (let i = 0; i < n.length && normalsValid; i += 3) {
        const l = n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2];
        if (!(l > 0.98 && l < 1.02)) normalsValid = false;
      }
    }
    const texelDensity = topology.area > 0 ? Math.sqrt(texArea / topology.area) : 0;
    const searched = search ? await search : undefined;
    if (searched) topology = withSelfIntersections(topology, searched);
    if (topology.selfIntersectionsTruncated) {
      warnings.push('self-intersection search stopped early; the pair count is a lower bound');
    }
    const { welded: _welded, ...topo } = topology;

    const facts: MeshFacts = {
      ...topo,
      parts: asset.parts.length,
      materials: materials.size,
      textures: textures.size,
      uv: { ...uv, texelDensity, texelDensityAssumed: !textured },
      normalsValid,
      partsWatertight: null,
    };
    let validator: ValidatorSummary | undefined;
    if (extra.validation) {
      try {
        validator = await extra.validation;
      } catch (err) {
        warnings.push(`validator failed: ${err instanceof Error ? err.message : err}`);
      }
    }
    let perPart: PartSummary[] | undefined;
    if (asset.parts.length > 1) {
      perPart = asset.parts.map((p, k) => {
        let t = analyzeMeshTopology(p.mesh.positions, p.mesh.indices, { selfIntersections: false });
        // A part's own intersecting pairs are those the whole search found within it.
        if (searched) {
          const pairs = searched.pairsByGroup?.[k] ?? 0;
          t = withSelfIntersections(t, { pairs, truncated: searched.truncated, tests: 0 });
        }
        return {
          name: p.name,
          faceCount: t.faceCount,
          isClosed: t.isClosed,
          isEdgeManifold: t.isEdgeManifold,
          isVertexManifold: t.isVertexManifold,
          isWatertight: t.isWatertight,
          holes: t.holes,
          selfIntersectingPairs: t.selfIntersectingPairs,
        };
      });
      facts.partsWatertight = perPart.filter((p) => p.isWatertight).length;
    }
    const scores = computeScores(facts, validator, { maxTriangles: o.maxTriangles });
    if (!o.perPart) perPart = undefined;
    let vertexCount = 0;
    for (const p of asset.parts) vertexCount += p.mesh.positions.length / 3;
    return {
      meshValidityScore: scores.meshValidityScore,
      meshManifoldScore: scores.meshManifoldScore,
      meshWatertightScore: scores.meshWatertightScore,
      vertexCount,
      faceCount: topology.faceCount,
      overallMeshQuality: scores.overallMeshQuality,
      gameReadyScore: scores.gameReadyScore,
      uvCoverage: scores.uvCoverage,
      windingScore: scores.windingScore,
      isWatertight: topology.isWatertight,
      isEdgeManifold: topology.isEdgeManifold,
      isVertexManifold: topology.isVertexManifold,
      facts,
      ...(validator ? { validator } : {}),
      ...(perPart ? { perPart } : {}),
      warnings,
      assessmentMs: performance.now() - start,
    };
  }
}

function uvArea(uvs: Float32Array, indices: Uint32Array): number {
  let a = 0;
  for (let f = 0; f < indices.length; f += 3) {
    const i = indices[f] * 2;
    const j = indices[f + 1] * 2;
    const k = indices[f + 2] * 2;
    a +=
      Math.abs(
        (uvs[j] - uvs[i]) * (uvs[k + 1] - uvs[i + 1]) - (uvs[j + 1] - uvs[i + 1]) * (uvs[k] - uvs[i]),
      ) / 2;
  }
  return a;
}
