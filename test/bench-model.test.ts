import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Asset } from '../src/asset/asset.js';
import { ABTester, ModelBenchmark, processSampler, type ResourceSampler } from '../src/bench/index.js';
import '../src/index.js';
import { Model3D, type ResolvedTextOptions } from '../src/models/base.js';
import type { ModelCapabilities } from '../src/models/capabilities.js';
import { box, concat, toAsset } from './helpers/quality-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'dream-cad-bench-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const capabilities: ModelCapabilities = {
  minVramGb: 0,
  recommendedVramGb: 0,
  supportsTextTo3d: true,
  supportsImageTo3d: false,
  supportsMultiView: false,
  outputFormats: ['glb'],
  hasPbrMaterials: true,
  hasUvUnwrapping: true,
  typicalGenerationTime: '1 ms',
  maxResolution: 0,
  licenseType: 'MIT',
};

/** A stub model: a closed cube, or (broken) a cube with a face missing; fails on "fail". */
class StubModel extends Model3D {
  readonly capabilities = capabilities;
  calls = 0;
  constructor(
    name: string,
    private readonly broken: boolean,
  ) {
    super(name);
  }
  protected async textToAsset(prompt: string, _o: ResolvedTextOptions): Promise<Asset> {
    this.calls++;
    if (prompt === 'fail') throw new Error('boom');
    const m = box();
    if (this.broken) m.indices.splice(0, 6);
    return toAsset(concat(m));
  }
}

const fakeSampler = (): ResourceSampler => ({
  start() {},
  sample() {},
  stop: async () => ({ peakRamGb: 1.5, peakVramGb: null }),
});

test('runSingleBenchmark: warm-up and test runs, time stats, memory, saved output, quality', async () => {
  const model = new StubModel('stub', false);
  const bench = new ModelBenchmark('stub', { createModel: () => model });
  const r = await bench.runSingleBenchmark({
    prompt: 'test object',
    testRuns: 4,
    warmupRuns: 2,
    saveOutputs: true,
    outputDir: dir,
  });
  assert.equal(r.success, true);
  assert.equal(model.calls, 6);
  assert.equal(r.runTimesSeconds.length, 4);
  assert.equal(r.timeStats.n, 4);
  assert.ok(r.generationTimeSeconds >= 0 && r.generationTimeSeconds === r.timeStats.mean);
  assert.ok(r.peakRamGb > 0.01, 'resident memory was sampled');
  assert.ok(r.outputPath && existsSync(r.outputPath) && r.outputPath.endsWith('.glb'));
  assert.equal(r.qualityMetrics?.isWatertight, true);
  assert.equal(r.qualityMetrics?.validator?.errors, 0);
});

test('a failing model gives success: false with the message; peak VRAM is null without a GPU', async () => {
  const bench = new ModelBenchmark('stub', {
    createModel: () => new StubModel('stub', false),
    createSampler: fakeSampler,
  });
  const [ok, bad] = await bench.runBenchmarkSuite([
    { prompt: 'chair', testRuns: 1, warmupRuns: 0, assessQuality: false },
    { prompt: 'fail', testRuns: 2, warmupRuns: 0 },
  ]);
  assert.equal(ok.success, true);
  assert.equal(ok.peakRamGb, 1.5);
  assert.equal(ok.peakVramGb, null);
  assert.equal(bad.success, false);
  assert.match(bad.errorMessage ?? '', /boom/);
});

test('runAbTest: the model with closed meshes wins on quality; the same config gives the same verdict', async () => {
  const a = new ModelBenchmark('good', { createModel: () => new StubModel('good', false) });
  const b = new ModelBenchmark('holed', { createModel: () => new StubModel('holed', true) });
  const config = {
    modelA: 'good',
    modelB: 'holed',
    testPrompts: ['chair', 'table'],
    numSamplesPerPrompt: 5,
    metrics: ['overallMeshQuality' as const, 'generationTimeSeconds' as const],
  };
  const r = await new ABTester().runAbTest(config, a, b);
  assert.equal(r.samples.a, 10);
  assert.equal(r.winner, 'good');
  assert.ok(r.pValue < 0.05);
  const again = await new ABTester().runAbTest(config, a, b);
  assert.equal(again.winner, r.winner);
  assert.deepEqual(again.metrics[0].cohensD, r.metrics[0].cohensD);
});

test('runAbTest on the built-in model is seeded: the same seed gives the same result, another seed other samples', async () => {
  const config = {
    modelA: 'dreamcad',
    modelB: 'dreamcad',
    testPrompts: ['a chair', 'a table'],
    numSamplesPerPrompt: 3,
    // Wall time is never reproducible; everything measured on the assets is.
    metrics: ['overallMeshQuality' as const, 'gameReadyScore' as const, 'faceCount' as const],
    primaryMetric: 'gameReadyScore' as const,
    seed: 5,
  };
  const run = (seed: number) =>
    new ABTester().runAbTest(
      { ...config, seed },
      new ModelBenchmark('dreamcad'),
      new ModelBenchmark('dreamcad'),
    );
  const first = await run(5);
  const again = await run(5);
  assert.deepEqual(again, first, 'same seed: same samples, p-values and bootstrap intervals');
  assert.equal(first.samples.a, 6);
  // The same model against itself on the same seeds: identical samples, no winner.
  assert.equal(first.winner, 'no significant difference');
  for (const m of first.metrics) assert.deepEqual(m.a, m.b);
  const other = await run(6);
  assert.notDeepEqual(
    other.metrics.map((m) => m.a),
    first.metrics.map((m) => m.a),
    'another seed generates other assets',
  );
});

test('runAbTest refuses to compare a model that produced fewer than two samples', async () => {
  const good = new ModelBenchmark('good', { createModel: () => new StubModel('good', false) });
  const failing = new ModelBenchmark('failing', { createModel: () => new StubModel('failing', false) });
  await assert.rejects(
    new ABTester().runAbTest(
      { modelA: 'good', modelB: 'failing', testPrompts: ['fail'], numSamplesPerPrompt: 3 },
      good,
      failing,
    ),
    /model "good" gave 0 usable samples of 3; at least 2 are needed \(first error: .*boom\)/,
  );
  await assert.rejects(
    new ABTester().runAbTest({ modelA: 'a', modelB: 'b', testPrompts: [] }, good, good),
    /testPrompts is empty/,
  );
});

test('peak VRAM is sampled from nvidia-smi when there is one (a stand-in script here)', async () => {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const script = join(bin, 'nvidia-smi');
  writeFileSync(script, '#!/bin/sh\necho 1024\necho 3072\n');
  chmodSync(script, 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${bin}:${path}`;
  try {
    const s = processSampler({ gpu: true, intervalMs: 10 });
    s.start();
    await new Promise((r) => setTimeout(r, 50));
    const peaks = await s.stop();
    assert.equal(peaks.peakVramGb, 3);
    assert.ok(peaks.peakRamGb > 0);
  } finally {
    process.env.PATH = path;
  }
  const none = processSampler({ gpu: false });
  none.start();
  assert.equal((await none.stop()).peakVramGb, null);
});
