/**
 * Every built-in family and every fixture exported to FBX, then imported the way users do: by
 * Blender (one process for the whole batch, next to the same asset's GLB as reference) and by
 * `assimp info`. Also the `fbxWriter: 'blender'` path through Blender's own exporter.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assetBounds } from '../src/asset/asset.js';
import { saveAsset } from '../src/index.js';
import {
  assimpInfo,
  type BlenderFileStats,
  compareImport,
  EXPORT_CASE_NAMES,
  type ExportCase,
  exportCases,
  inspectInBlender,
  SKIP_WITHOUT_ASSIMP,
  SKIP_WITHOUT_BLENDER,
} from './helpers/blender.js';

interface Written extends ExportCase {
  fbx: string;
  glb: string;
}

const BLENDER_PATH_CASE = EXPORT_CASE_NAMES.find((n) => n.startsWith('fixture: two parts'))!;

let dir: string;
const written = new Map<string, Written>();
let viaBlender: string | undefined;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fbx-import-'));
  const cases = await exportCases();
  await Promise.all(
    cases.map(async (c, i) => {
      // Only the drawable parts go in the reference GLB: Blender's glTF importer rejects empty meshes.
      const drawable = { ...c.asset, parts: c.asset.parts.filter((p) => p.mesh.indices.length > 0) };
      const fbx = await saveAsset(c.asset, join(dir, `case-${i}.fbx`));
      const glb = await saveAsset(drawable, join(dir, `case-${i}.glb`));
      written.set(c.name, { ...c, fbx, glb });
    }),
  );
  if (!SKIP_WITHOUT_BLENDER) {
    const c = written.get(BLENDER_PATH_CASE)!;
    viaBlender = await saveAsset(c.asset, join(dir, 'via-blender.fbx'), undefined, { fbxWriter: 'blender' });
  }
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('native FBX imported by Blender', { skip: SKIP_WITHOUT_BLENDER }, () => {
  let stats: Map<string, BlenderFileStats>;

  before(async () => {
    const files = [...written.values()].flatMap((w) => [w.fbx, w.glb]);
    stats = await inspectInBlender(viaBlender ? [...files, viaBlender] : files);
  });

  for (const name of EXPORT_CASE_NAMES) {
    it(`${name}: same parts, counts, materials, colours and bounds as the GLB`, () => {
      const w = written.get(name);
      assert.ok(w, 'case was generated');
      const glb = stats.get(w.glb);
      assert.equal(glb?.error, undefined, `reference GLB import failed: ${glb?.error}`);
      assert.deepEqual(compareImport(w.asset, stats.get(w.fbx), glb, { materialValues: true }), []);
      const fbxBox = stats.get(w.fbx)?.bbox;
      if (glb?.bbox) assert.ok(fbxBox, 'the FBX has geometry');
    });
  }

  it('fbxWriter "blender": Blender’s own exporter gives the same scene', () => {
    const w = written.get(BLENDER_PATH_CASE)!;
    assert.ok(viaBlender);
    assert.deepEqual(
      compareImport(w.asset, stats.get(viaBlender), stats.get(w.glb), { materialValues: true }),
      [],
    );
  });
});

describe('native FBX read by assimp', { skip: SKIP_WITHOUT_ASSIMP }, () => {
  for (const name of EXPORT_CASE_NAMES) {
    it(`${name}: assimp info sees every mesh, material and the asset's bounds`, async () => {
      const w = written.get(name);
      assert.ok(w, 'case was generated');
      const info = await assimpInfo(w.fbx);
      const drawn = w.asset.parts.filter((p) => p.mesh.indices.length > 0);
      assert.equal(info.meshes, drawn.length);
      // Without post-processing, Assimp's FBX importer makes one vertex per triangle corner.
      assert.deepEqual(
        info.meshList.map((m) => [m.name, m.vertices, m.faces]),
        drawn.map((p) => [p.name, p.mesh.indices.length, p.mesh.indices.length / 3]),
      );
      const usedMaterials = [...new Set(drawn.map((p) => p.material.name))];
      assert.deepEqual([...new Set(info.materialNames)].sort(), usedMaterials.sort());
      for (const part of w.asset.parts) assert.ok(info.nodeNames.includes(part.name), `node "${part.name}"`);
      const textured = new Set(drawn.flatMap((p) => p.material.baseColorTexture ?? []));
      assert.equal(info.embeddedTextures, textured.size, 'embedded textures');
      if (drawn.length > 0) {
        // Assimp keeps the file's own frame: Y up, metres, so bounds equal the asset's.
        const { min, max } = assetBounds({ ...w.asset, parts: drawn });
        assert.ok(
          info.min.every((v, k) => Math.abs(v - min[k]) < 1e-3),
          `min ${info.min} vs ${min}`,
        );
        assert.ok(
          info.max.every((v, k) => Math.abs(v - max[k]) < 1e-3),
          `max ${info.max} vs ${max}`,
        );
      }
    });
  }
});
