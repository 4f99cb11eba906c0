import assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkWatertight } from '../src/geometry/mesh-checks.js';
import { CancelledError, GenerationError, ModelFactory, resetConfig, saveAsset } from '../src/index.js';
import { POINT_E_FIXTURES } from './helpers/point-e-fixtures.js';
import { tempDir } from './helpers/temp-dir.js';

const saved = process.env.DREAM_CAD_MODEL_PATH;
after(() => {
  if (saved === undefined) delete process.env.DREAM_CAD_MODEL_PATH;
  else process.env.DREAM_CAD_MODEL_PATH = saved;
  resetConfig();
});

function useModelPath(dir: string): void {
  process.env.DREAM_CAD_MODEL_PATH = dir;
  resetConfig();
}

describe('point-e model', () => {
  it('is registered: text only, vertex colours, typical time', () => {
    const model = ModelFactory.createModel('point-e');
    assert.equal(model.name, 'point-e');
    assert.equal(model.capabilities.supportsTextTo3d, true);
    assert.equal(model.capabilities.supportsImageTo3d, false);
    assert.match(model.capabilities.typicalGenerationTime, /CPU/);
    assert.ok(ModelFactory.listAvailableModels().includes('point-e'));
  });

  it('says how to install the weights when they are missing, and fails generation cleanly', async (t) => {
    const empty = await tempDir(t);
    useModelPath(empty);
    const info = ModelFactory.describeModels().find((m) => m.name === 'point-e')!;
    assert.equal(info.readiness.ready, false);
    assert.match(info.readiness.reason!, /not installed/);
    assert.match(info.readiness.reason!, /DREAM_CAD_MODEL_PATH/);
    assert.match(info.readiness.reason!, /tools\/point-e\/convert_checkpoints\.py/);
    const model = ModelFactory.createModel('point-e');
    await assert.rejects(model.generateFromText('a red chair'), (err: unknown) => {
      assert.ok(err instanceof GenerationError);
      assert.match(err.message, /weights are not installed/);
      return true;
    });
    await assert.rejects(model.generateFromImage(new Uint8Array(4)), /does not generate from images/);
  });

  it('generates a closed, vertex-coloured mesh end to end (tiny random weights), seeded and cancellable', async (t) => {
    const dir = await tempDir(t);
    await symlink(POINT_E_FIXTURES, join(dir, 'point-e'), 'dir');
    useModelPath(dir);
    assert.equal(ModelFactory.describeModels().find((m) => m.name === 'point-e')!.readiness.ready, true);
    const model = ModelFactory.createModel('point-e', { device: 'cpu' });
    const progress: number[] = [];
    const options = { seed: 7, numInferenceSteps: 3, meshResolution: 16 };
    const result = await model.generateFromText('a red wooden chair', {
      ...options,
      onProgress: (p) => progress.push(p.fraction),
    });
    const part = result.asset.parts[0];
    assert.ok(part.mesh.indices.length > 0);
    assert.ok(checkWatertight(part.mesh).watertight);
    assert.equal(part.mesh.colors?.length, part.mesh.positions.length);
    assert.ok(progress.length > 10 && progress.at(-1) === 1);
    assert.ok(
      progress.every((f, i) => i === 0 || f >= progress[i - 1]),
      'progress only grows',
    );
    // Resting on the ground.
    const ys = part.mesh.positions.filter((_, i) => i % 3 === 1);
    assert.ok(Math.abs(Math.min(...ys)) < 1e-6);
    assert.equal(result.metadata.modelName, 'point-e');
    await saveAsset(result.asset, join(dir, 'out.glb'));

    const again = await model.generateFromText('a red wooden chair', options);
    assert.deepEqual(again.asset.parts[0].mesh.positions, part.mesh.positions);

    const controller = new AbortController();
    let seen = 0;
    await assert.rejects(
      model.generateFromText('a red wooden chair', {
        ...options,
        signal: controller.signal,
        onProgress: () => {
          if (++seen === 3) controller.abort();
        },
      }),
      CancelledError,
    );
    await assert.rejects(model.generateFromText('a chair', { meshResolution: 3 }), /meshResolution must be/);
    await model.unloadModel();
  });
});
