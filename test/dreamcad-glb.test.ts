import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NodeIO } from '@gltf-transform/core';
import '../src/io/index.js';
import { exportAsset } from '../src/io/registry.js';
import type { Progress } from '../src/models/base.js';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import { FAMILIES } from '../src/models/dreamcad/families/index.js';
import { DreamCadModel } from '../src/models/dreamcad/model.js';
import { Rng } from '../src/models/dreamcad/random.js';
import { validateGlb } from './helpers/gltf-validator.js';

async function glb(prompt: string, seed: number, negativePrompt?: string): Promise<Uint8Array> {
  return (await exportAsset(await generateDreamcadAsset(prompt, { seed, negativePrompt }), 'glb')).main;
}

describe('dreamcad → GLB', () => {
  test('same prompt and seed give byte-identical GLB; another seed does not', async () => {
    for (const family of FAMILIES) {
      const prompt = `a red ${family.id}`;
      const a = await glb(prompt, 42);
      const b = await glb(prompt, 42);
      assert.ok(Buffer.from(a).equals(Buffer.from(b)), `${family.id}: seed 42 twice differs`);
      const c = await glb(prompt, 43);
      assert.ok(!Buffer.from(a).equals(Buffer.from(c)), `${family.id}: seeds 42 and 43 gave the same bytes`);
    }
  });

  test('every family passes the Khronos validator with 0 errors; nodes are the named parts', async () => {
    for (const family of FAMILIES) {
      const asset = await generateDreamcadAsset(`a blue glass ${family.id}`, { seed: 5 });
      const bytes = (await exportAsset(asset, 'glb')).main;
      const report = await validateGlb(bytes);
      assert.equal(report.errors, 0, `${family.id}:\n${report.messages.join('\n')}`);
      const doc = await new NodeIO().readBinary(bytes);
      const nodes = doc
        .getRoot()
        .listNodes()
        .map((n) => n.getName());
      assert.deepEqual(
        nodes,
        asset.parts.map((p) => p.name),
      );
      const extras = doc.getRoot().getAsset().extras as Record<string, unknown>;
      assert.equal(extras.modelName, 'dreamcad');
      assert.equal(extras.seed, 5);
    }
  });

  test('unknown nouns fall back to a known family and say so in metadata', async () => {
    for (const prompt of ['a golden retriever', 'a footstool', 'a comfy sofa']) {
      const asset = await generateDreamcadAsset(prompt, { seed: 1 });
      assert.ok(asset.parts.length > 0, prompt);
      await exportAsset(asset, 'glb');
    }
    const dog = await generateDreamcadAsset('a golden retriever', { seed: 1 });
    assert.equal(dog.metadata.family, 'dog');
    assert.equal((dog.metadata.fallback as { method: string }).method, 'wordnet');
    const stool = await generateDreamcadAsset('a footstool', { seed: 1 });
    assert.equal((stool.metadata.fallback as { method: string }).method, 'compound');
    const sofa = await generateDreamcadAsset('a comfy sofa', { seed: 1 });
    assert.deepEqual(sofa.metadata.ignoredWords, ['comfy']);
  });

  test('nothing understood: PROMPT_NOT_UNDERSTOOD with suggestions, never a random blob', async () => {
    for (const prompt of ['42', 'zzzz qqqq', '!!!', 'a sdfgh']) {
      await assert.rejects(generateDreamcadAsset(prompt, { seed: 1 }), (e: Error & { code?: string }) => {
        assert.equal(e.code, 'PROMPT_NOT_UNDERSTOOD', prompt);
        assert.match(e.message, /No object could be recognised/);
        return true;
      });
    }
  });

  test('the dreamcad model reports progress and carries the spec in its result', async () => {
    const model = new DreamCadModel();
    const stages: Progress[] = [];
    const result = await model.generateFromText('a tall brass floor lamp', {
      seed: 3,
      negativePrompt: 'bulb',
      onProgress: (p) => stages.push(p),
    });
    assert.equal(stages[0].fraction, 0);
    assert.equal(stages.at(-1)?.fraction, 1);
    assert.equal(result.metadata.family, 'lamp');
    assert.equal(result.metadata.variant, 'floor');
    assert.equal(result.metadata.seed, 3);
    assert.ok(result.vertices.length > 0 && result.faces.length > 0);
    assert.ok(!result.asset.parts.some((p) => p.name === 'bulb'));
    JSON.stringify(result.metadata);
  });
});

describe('Rng', () => {
  test('is deterministic, in range, and neighbouring seeds diverge', () => {
    const a = new Rng(1);
    const b = new Rng(1);
    const c = new Rng(2);
    const xs = Array.from({ length: 100 }, () => a.next());
    assert.deepEqual(
      xs,
      Array.from({ length: 100 }, () => b.next()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notEqual(xs[0], c.next());
    const r = new Rng(9);
    for (let i = 0; i < 200; i++) {
      const n = r.int(2, 4);
      assert.ok(n >= 2 && n <= 4 && Number.isInteger(n));
    }
  });
});
