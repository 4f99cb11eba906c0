import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Asset } from '../src/asset/asset.js';
import { exportAsset } from '../src/io/index.js';
import { analyzeMeshTopology, analyzeUvs, QualityAssessor, validateGlb } from '../src/quality/index.js';
import { box, concat, type RawMesh, tetra, toAsset, torus, unweld } from './helpers/quality-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'dream-cad-assess-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const topo = (m: RawMesh) => analyzeMeshTopology(new Float32Array(m.positions), new Uint32Array(m.indices));

test('a unit cube: closed, manifold, consistent, area 6, volume 1, one component', () => {
  for (const m of [box(), unweld(box())]) {
    const t = topo(m);
    assert.equal(t.weldedVertexCount, 8);
    assert.equal(t.edgeCount, 18);
    assert.equal(t.boundaryEdges, 0);
    assert.equal(t.holes, 0);
    assert.equal(t.components, 1);
    assert.ok(t.isWatertight && t.windingConsistent && t.isEdgeManifold && t.isVertexManifold);
    assert.ok(Math.abs(t.area - 6) < 1e-9);
    assert.ok(Math.abs(t.volume - 1) < 1e-9);
    assert.deepEqual(t.bounds, { min: [-0.5, -0.5, -0.5], max: [0.5, 0.5, 0.5] });
  }
});

test('broken meshes report the facts behind them', () => {
  const holed = box();
  holed.indices.splice(0, 6);
  let t = topo(holed);
  assert.equal(t.boundaryEdges, 4);
  assert.equal(t.holes, 1);
  assert.equal(t.isWatertight, false);

  const flipped = box();
  [flipped.indices[1], flipped.indices[2]] = [flipped.indices[2], flipped.indices[1]];
  t = topo(flipped);
  assert.equal(t.inconsistentWindingEdges, 3);
  assert.equal(t.isWatertight, true, 'Open3D: orientation is not part of watertightness');

  const dup = box();
  dup.indices.push(0, 2, 1);
  t = topo(dup);
  assert.equal(t.duplicateFaces, 1);
  assert.equal(t.nonManifoldEdges, 3);

  t = topo(concat(tetra(), { positions: [3, 0, 0, 4, 0, 0, 5, 0, 0], indices: [0, 1, 2] }));
  assert.equal(t.degenerateFaces, 1);
  assert.equal(t.components, 2);

  const bow = tetra();
  t = topo({
    positions: [...bow.positions, -1, 0, 0, 0, -1, 0, 0, 0, -1],
    indices: [...bow.indices, 0, 5, 4, 0, 4, 6, 0, 6, 5, 4, 5, 6],
  });
  assert.equal(t.nonManifoldVertices, 1);
  assert.equal(t.isClosed, true);
  assert.equal(t.isWatertight, false);

  t = topo(concat(box(), box(0.5, 0.3, 0.2)));
  assert.ok(t.isClosed && t.isSelfIntersecting && !t.isWatertight);
  assert.ok(t.selfIntersectingPairs > 0);

  const inside = box();
  for (let f = 0; f < inside.indices.length; f += 3) {
    [inside.indices[f + 1], inside.indices[f + 2]] = [inside.indices[f + 2], inside.indices[f + 1]];
  }
  assert.ok(Math.abs(topo(inside).volume + 1) < 1e-9, 'inside-out: negative volume');
});

test('UV coverage and overlap are measured on the unit square with a fair fill rule', () => {
  const full = new Uint32Array([0, 1, 2, 0, 2, 3]);
  const uv = (u0: number, v0: number, u1: number, v1: number) =>
    new Float32Array([u0, v0, u1, v0, u1, v1, u0, v1]);
  let r = analyzeUvs(uv(0, 0, 1, 1), full, { resolution: 64 });
  assert.equal(r.coverage, 1);
  assert.equal(r.overlap, 0, 'the shared diagonal is not counted twice');
  r = analyzeUvs(uv(0, 0, 0.5, 1), full, { resolution: 64 });
  assert.equal(r.coverage, 0.5);
  const twice = new Uint32Array([0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7]);
  r = analyzeUvs(new Float32Array([...uv(0, 0, 1, 1), ...uv(0, 0, 0.5, 1)]), twice, { resolution: 64 });
  assert.equal(r.coverage, 1);
  assert.equal(r.overlap, 0.5);
  assert.equal(analyzeUvs(new Float32Array(8), full).hasUvs, false);
});

test('assessMeshFile: a clean GLB scores 100, passes the validator and reports texel density', async () => {
  const path = join(dir, 'cube.glb');
  writeFileSync(path, (await exportAsset(toAsset(box()), 'glb')).main);
  const m = await new QualityAssessor().assessMeshFile(path);
  assert.equal(m.format, 'glb');
  assert.equal(m.validator?.errors, 0);
  assert.equal(m.meshValidityScore, 100);
  assert.equal(m.meshManifoldScore, 100);
  assert.equal(m.meshWatertightScore, 100);
  assert.equal(m.overallMeshQuality, 100);
  assert.equal(m.faceCount, 12);
  assert.equal(m.vertexCount, 8);
  assert.ok(m.uvCoverage > 0);
  assert.ok(m.facts.uv.texelDensityAssumed);
  assert.ok(m.facts.uv.texelDensity > 0);
  assert.ok(m.gameReadyScore > 50 && m.gameReadyScore <= 100);
});

test('scores fall with the problems; an empty mesh scores 0', async () => {
  const a = new QualityAssessor({ validate: false });
  const holed = box();
  holed.indices.splice(0, 6);
  const m = await a.assessAsset(toAsset(holed));
  assert.ok(m.meshWatertightScore < 100 && m.meshWatertightScore > 50);
  assert.equal(m.meshManifoldScore, 100);
  assert.ok(m.overallMeshQuality < 100);
  const empty = await a.assessAsset({ parts: [], metadata: { modelName: 'x' } });
  assert.equal(empty.overallMeshQuality, 0);
  // The triangle budget lowers the game-ready score only.
  const big = toAsset(torus(200, 100));
  const strict = await new QualityAssessor({ validate: false, maxTriangles: 4000 }).assessAsset(big);
  const loose = await a.assessAsset(big);
  assert.equal(strict.overallMeshQuality, loose.overallMeshQuality);
  assert.ok(strict.gameReadyScore < loose.gameReadyScore);
});

test('validateGlb reports errors for a corrupt file, also from a worker', async () => {
  const good = (await exportAsset(toAsset(box()), 'glb')).main;
  const bad = good.slice();
  bad[12] ^= 0xff; // break the JSON chunk length
  for (const worker of [false, true]) {
    assert.equal((await validateGlb(good, { worker })).errors, 0);
    assert.ok((await validateGlb(bad, { worker })).errors > 0);
  }
});

// Speed is measured by `npm run bench -- quality` (1M triangles beside Open3D), not asserted here.
test('a 200k-triangle mesh is assessed: counts and flags', async () => {
  const t = torus(500, 200);
  const m = await new QualityAssessor({ validate: false }).assessAsset(toAsset(t));
  assert.equal(m.faceCount, 200_000);
  assert.ok(m.isWatertight);
});

test('QualityMetrics carries the seed’s fields (camelCase) and uvCoverage as a percentage', async () => {
  const quad: Asset = {
    parts: [
      {
        name: 'quad',
        mesh: {
          positions: new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]),
          normals: new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]),
          // The left half of the UV square.
          uvs: new Float32Array([0, 0, 0.5, 0, 0.5, 1, 0, 1]),
          indices: new Uint32Array([0, 1, 2, 0, 2, 3]),
        },
        material: { name: 'm', baseColor: [1, 1, 1, 1], metallic: 0, roughness: 1 },
      },
    ],
    metadata: { modelName: 'test' },
  };
  const m = await new QualityAssessor({ validate: false }).assessAsset(quad);
  // mesh_validity_score … game_ready_score, uv_coverage in the seed's Python naming.
  const seedFields = [
    'meshValidityScore',
    'meshManifoldScore',
    'meshWatertightScore',
    'vertexCount',
    'faceCount',
    'overallMeshQuality',
    'gameReadyScore',
    'uvCoverage',
  ] as const;
  for (const k of seedFields) {
    assert.equal(typeof m[k], 'number', k);
    assert.ok(Number.isFinite(m[k]), k);
  }
  assert.equal(m.vertexCount, 4);
  assert.equal(m.faceCount, 2);
  assert.equal(m.uvCoverage, 50, 'percent of the UV square covered');
  assert.equal(m.facts.uv.coverage, 0.5);
  // Open, so not watertight; 4 boundary edges of 5.
  assert.equal(m.isWatertight, false);
  assert.equal(m.meshWatertightScore, 20);
});

test('per-part self-intersections come from the one whole-asset search and equal each part’s own', async () => {
  const a = concat(box(0, 0, 0), box(0.5, 0.3, 0.2)); // intersects itself
  const b = box(0.2, -0.4, 0.1); // crosses part a only
  const c = torus(40, 20); // clear of both, closed
  const asset = toAsset(a, b, concat(c, { positions: [], indices: [] }));
  for (const workerMin of [Infinity, 0]) {
    const m = await new QualityAssessor({
      validate: false,
      selfIntersectionWorkerMinFaces: workerMin,
    }).assessAsset(asset);
    const own = [a, b, c].map((p) => topo(p).selfIntersectingPairs);
    assert.ok(own[0] > 0);
    assert.deepEqual(
      m.perPart?.map((p) => p.selfIntersectingPairs),
      own,
    );
    assert.deepEqual(
      m.perPart?.map((p) => p.isWatertight),
      [false, true, true],
    );
    assert.ok(m.facts.selfIntersectingPairs > own[0], 'the whole asset also counts pairs across parts');
    assert.equal(m.facts.partsWatertight, 2);
  }
});
