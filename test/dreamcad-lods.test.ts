import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NodeIO } from '@gltf-transform/core';
import { assetBounds, triangleCount } from '../src/asset/asset.js';
import '../src/io/index.js';
import { checkWatertight, signedVolume } from '../src/geometry/mesh-checks.js';
import { exportAsset } from '../src/io/registry.js';
import { generateDreamcadAsset, lodRatios, MAX_LODS } from '../src/models/dreamcad/engine.js';
import { DreamCadModel } from '../src/models/dreamcad/model.js';
import { validateGlb } from './helpers/gltf-validator.js';

const tris = (parts: Array<{ mesh: { indices: Uint32Array } }>) =>
  parts.reduce((n, p) => n + p.mesh.indices.length / 3, 0);

describe('dreamcad LODs', () => {
  test('lodRatios: a count halves per level; ratios must fall between 0 and 1', () => {
    assert.deepEqual(lodRatios(undefined), []);
    assert.deepEqual(lodRatios(0), []);
    assert.deepEqual(lodRatios(3), [0.5, 0.25, 0.125]);
    assert.deepEqual(lodRatios([0.6, 0.2]), [0.6, 0.2]);
    for (const bad of [-1, 1.5, MAX_LODS + 1, [0.5, 0.6], [1], [0], [0.5, 0.4, 0.3, 0.2, 0.1]]) {
      assert.throws(() => lodRatios(bad), RangeError, JSON.stringify(bad));
    }
  });

  test('no lods: no asset.lods and the GLB nodes are the parts, as before', async () => {
    const asset = await generateDreamcadAsset('a fox', { seed: 2 });
    assert.equal(asset.lods, undefined);
    const doc = await new NodeIO().readBinary((await exportAsset(asset, 'glb')).main);
    assert.ok(
      doc
        .getRoot()
        .listNodes()
        .every((n) => !/_LOD\d$/.test(n.getName())),
    );
  });

  for (const [prompt, detail] of [
    ['a fox', 'medium'],
    ['a red ceramic teapot', 'high'],
    ['a low poly pine tree', 'low'],
    ['a wooden rocking horse', 'medium'],
  ] as const) {
    test(`${prompt} (${detail}): triangles drop per level, parts stay closed and keep the bounds`, async () => {
      const asset = await generateDreamcadAsset(prompt, { seed: 4, detail, lods: 3 });
      const levels = [asset.parts, ...(asset.lods ?? []).map((l) => l.parts)];
      assert.equal(levels.length, 4);
      assert.deepEqual(
        asset.lods?.map((l) => l.level),
        [1, 2, 3],
      );
      const counts = levels.map(tris);
      for (let k = 1; k < counts.length; k++) {
        assert.ok(
          counts[k] < counts[k - 1],
          `${prompt}: LOD${k} has ${counts[k]} triangles, LOD${k - 1} ${counts[k - 1]}`,
        );
      }
      assert.ok(counts[1] <= counts[0] * 0.75, `${prompt}: LOD1 keeps ${counts[1]} of ${counts[0]}`);
      const full = assetBounds(asset);
      for (const [k, parts] of levels.entries()) {
        if (k === 0) continue;
        assert.deepEqual(
          parts.map((p) => p.name),
          asset.parts.map((p) => `${p.name}_LOD${k}`),
        );
        for (const part of parts) {
          assert.ok(checkWatertight(part.mesh).watertight, `${prompt} ${part.name}: not watertight`);
          assert.ok(signedVolume(part.mesh) > 0, `${prompt} ${part.name}: inside out`);
        }
        const b = assetBounds({ parts, metadata: asset.metadata });
        for (let i = 0; i < 3; i++) {
          assert.ok(
            Math.abs(b.min[i] - full.min[i]) < 1e-3 && Math.abs(b.max[i] - full.max[i]) < 1e-3,
            `${prompt} LOD${k}: bounds moved`,
          );
        }
      }
    });
  }

  test('GLB: <object>_LOD0… sibling nodes under the object, validator-clean, same bytes per seed', async () => {
    const asset = await generateDreamcadAsset('a blue ceramic mug', { seed: 8, lods: 2 });
    const bytes = (await exportAsset(asset, 'glb')).main;
    const report = await validateGlb(bytes);
    assert.equal(report.errors, 0, report.messages.join('\n'));
    const again = (
      await exportAsset(await generateDreamcadAsset('a blue ceramic mug', { seed: 8, lods: 2 }), 'glb')
    ).main;
    assert.ok(Buffer.from(bytes).equals(Buffer.from(again)));
    const doc = await new NodeIO().readBinary(bytes);
    const roots = doc.getRoot().getDefaultScene()!.listChildren();
    assert.deepEqual(
      roots.map((n) => n.getName()),
      ['mug'],
    );
    const lodNodes = roots[0].listChildren();
    assert.deepEqual(
      lodNodes.map((n) => n.getName()),
      ['mug_LOD0', 'mug_LOD1', 'mug_LOD2'],
    );
    assert.deepEqual(
      lodNodes[0].listChildren().map((n) => n.getName()),
      ['body', 'handle'],
    );
    assert.deepEqual(
      lodNodes[2].listChildren().map((n) => n.getName()),
      ['body_LOD2', 'handle_LOD2'],
    );
    const meshTris = (i: number) =>
      lodNodes[i]
        .listChildren()
        .reduce((n, c) => n + (c.getMesh()?.listPrimitives()[0].getIndices()?.getCount() ?? 0) / 3, 0);
    assert.ok(meshTris(1) < meshTris(0) && meshTris(2) < meshTris(1));
  });

  test('scenes: every object gets its own LOD nodes; validator-clean', async () => {
    const asset = await generateDreamcadAsset('two oranges in a wooden bowl', { seed: 1, lods: 1 });
    const bytes = (await exportAsset(asset, 'glb')).main;
    assert.equal((await validateGlb(bytes)).errors, 0);
    const doc = await new NodeIO().readBinary(bytes);
    const roots = doc.getRoot().getDefaultScene()!.listChildren();
    assert.deepEqual(roots.map((n) => n.getName()).sort(), ['bowl', 'orange_1', 'orange_2']);
    for (const r of roots) {
      assert.deepEqual(
        r.listChildren().map((n) => n.getName()),
        [`${r.getName()}_LOD0`, `${r.getName()}_LOD1`],
      );
    }
  });

  test('other formats write LOD0 only; the model takes lods and rejects bad values', async () => {
    const model = new DreamCadModel();
    const result = await model.generateFromText('a dog', { seed: 1, lods: 2 });
    assert.equal(result.asset.lods?.length, 2);
    const stl = (await exportAsset(result.asset, 'stl')).main;
    const plain = await generateDreamcadAsset('a dog', { seed: 1 });
    const lod0 = plain.parts.reduce((n, p) => n + triangleCount(p.mesh), 0);
    assert.equal(new DataView(stl.buffer, stl.byteOffset).getUint32(80, true), lod0);
    await assert.rejects(model.generateFromText('a dog', { seed: 1, lods: 9 }), /lods must be/);
  });
});
