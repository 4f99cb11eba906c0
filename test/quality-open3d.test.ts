/**
 * Cross-check: the assessor's watertight / edge-manifold / vertex-manifold flags (and the
 * self-intersection flag behind watertightness) must agree with Open3D on every mesh of the corpus.
 * Open3D cannot read FBX: for FBX entries it reads the same mesh in another format (`reference`).
 * Needs Debian's python3-open3d; skipped without it unless DREAM_CAD_REQUIRE_OPEN3D=1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { listFormats, ModelFactory, saveAsset } from '../src/index.js';
import { QualityAssessor } from '../src/quality/index.js';
import { BLENDER, SKIP_WITHOUT_ASSIMP, SKIP_WITHOUT_BLENDER } from './helpers/blender.js';
import { assimpExport, blenderFbxCases } from './helpers/fbx-third-party.js';
import { buildCorpus, type CorpusEntry, hasOpen3d, open3dCheck } from './helpers/quality-corpus.js';

const available = hasOpen3d();
const required = process.env.DREAM_CAD_REQUIRE_OPEN3D === '1';
const dir = mkdtempSync(join(tmpdir(), 'dream-cad-quality-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('quality flags agree 100% with Open3D on the corpus', {
  skip: !available && !required && 'python3-open3d is not installed',
}, async (t) => {
  const corpus: CorpusEntry[] = await buildCorpus(dir);
  // Meshes from the built-in engine, when it makes any yet.
  const model = ModelFactory.createModel('dreamcad');
  for (const prompt of ['a wooden chair', 'a round table', 'a table lamp']) {
    const result = await model.generateFromText(prompt, { seed: 1 });
    if (result.asset.parts.length === 0) continue;
    // Every mesh format the exporters offer; Open3D checks the FBX through our PLY of the same asset.
    const formats = listFormats()
      .map((f) => f.format)
      .filter((f) => ['glb', 'obj', 'ply', 'stl', 'fbx'].includes(f));
    const base = `engine-${prompt.replace(/\W+/g, '-')}`;
    for (const format of formats) {
      const name = `${base}.${format}`;
      const path = await saveAsset(result.asset, join(dir, name));
      corpus.push({
        name,
        path,
        ...(format === 'fbx' ? { reference: join(dir, `${base}.ply`) } : {}),
        origin: 'engine',
      });
    }
  }
  // FBX written by tools that are not ours: Blender's exporter (checked through Assimp's PLY of
  // the file) and `assimp export` of third-party meshes (checked through the original).
  if (!SKIP_WITHOUT_ASSIMP) {
    const fixtures = join(import.meta.dirname, 'fixtures', 'third-party');
    for (const f of ['suzanne.glb', 'bunny.ply', 'node-stl-WALLY_1plate.stl']) {
      const fbx = await assimpExport(join(fixtures, f), join(dir, `assimp-${f}.fbx`));
      corpus.push({
        name: `assimp-${f}.fbx`,
        path: fbx,
        reference: join(fixtures, f),
        origin: 'third-party',
      });
    }
    if (!SKIP_WITHOUT_BLENDER) {
      for (const c of await blenderFbxCases(BLENDER!, dir)) {
        if (!['blender-cube', 'blender-uv-sphere', 'blender-monkey', 'blender-z-up'].includes(c.name))
          continue;
        const reference = await assimpExport(c.path, c.path.replace(/\.fbx$/, '-assimp.ply'));
        corpus.push({ name: `${c.name}.fbx`, path: c.path, reference, origin: 'third-party' });
      }
    }
  } else if (required) {
    assert.fail('assimp is needed to put FBX files in the cross-check (apt-get install assimp-utils)');
  }
  assert.ok(corpus.filter((c) => c.path.endsWith('.fbx')).length >= 3, 'FBX meshes in the corpus');
  assert.ok(corpus.length >= 20, `the corpus has ${corpus.length} meshes, fewer than 20`);
  assert.ok(corpus.filter((c) => c.origin === 'third-party').length >= 5);

  const verdicts = open3dCheck(corpus.map((c) => c.reference ?? c.path));
  const assessor = new QualityAssessor({ validate: false });
  const disagreements: string[] = [];
  const seen = {
    watertight: 0,
    notWatertight: 0,
    edgeNonManifold: 0,
    vertexNonManifold: 0,
    selfIntersecting: 0,
  };
  for (let i = 0; i < corpus.length; i++) {
    const c = corpus[i];
    const o = verdicts[i];
    assert.equal(o.path, c.reference ?? c.path);
    assert.ok(!o.error, `Open3D could not check ${c.name}: ${o.error}`);
    const m = await assessor.assessMeshFile(c.path);
    assert.equal(m.faceCount, o.triangles, `${c.name}: face count`);
    assert.equal(m.facts.weldedVertexCount, o.vertices, `${c.name}: welded vertex count`);
    const pairs: [string, boolean, boolean | undefined][] = [
      ['watertight', m.isWatertight, o.watertight],
      ['edge manifold', m.isEdgeManifold, o.edge_manifold],
      ['vertex manifold', m.isVertexManifold, o.vertex_manifold],
      ['self-intersecting', m.facts.isSelfIntersecting, o.self_intersecting],
    ];
    for (const [flag, ours, theirs] of pairs) {
      if (ours !== theirs) disagreements.push(`${c.name}: ${flag} ours=${ours} open3d=${theirs}`);
    }
    if (o.watertight) seen.watertight++;
    else seen.notWatertight++;
    if (!o.edge_manifold) seen.edgeNonManifold++;
    if (!o.vertex_manifold) seen.vertexNonManifold++;
    if (o.self_intersecting) seen.selfIntersecting++;
  }
  const fbx = corpus.filter((c) => c.path.endsWith('.fbx')).length;
  t.diagnostic(`${corpus.length} meshes (${fbx} FBX) agree with Open3D: ${JSON.stringify(seen)}`);
  assert.deepEqual(disagreements, []);
  // The corpus exercises every verdict both ways.
  for (const [k, n] of Object.entries(seen)) assert.ok(n > 0, `no corpus mesh is ${k}`);
});
