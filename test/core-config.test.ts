import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONFIG_VARIABLES, InvalidConfigError, loadConfig } from '../src/index.js';

describe('loadConfig', () => {
  it('gives every variable a default', () => {
    const c = loadConfig({});
    assert.equal(c.defaultModel, 'dreamcad');
    assert.equal(c.precision, 'fp32');
    assert.equal(c.gpuId, 0);
    assert.equal(c.maxWorkers, 2);
    assert.equal(c.batchSize, 1);
    assert.equal(c.logLevel, 'info');
    assert.equal(c.profile, false);
    assert.equal(c.port, 3000);
    assert.equal(c.databaseUrl, undefined);
    assert.match(c.outputDir, /outputs$/);
  });

  it('covers every DREAM_CAD_* variable of the seed', () => {
    const names = CONFIG_VARIABLES.map((v) => v.name);
    for (const n of ['DEFAULT_MODEL', 'PRECISION', 'MODEL_PATH', 'CACHE_DIR', 'OUTPUT_DIR', 'GPU_ID']) {
      assert.ok(names.includes(`DREAM_CAD_${n}`), n);
    }
    for (const n of ['MAX_WORKERS', 'BATCH_SIZE', 'LOG_LEVEL', 'PROFILE'])
      assert.ok(names.includes(`DREAM_CAD_${n}`), n);
  });

  it('parses good values', () => {
    const c = loadConfig({
      DREAM_CAD_DEFAULT_MODEL: 'point-e',
      DREAM_CAD_PRECISION: 'FP16',
      DREAM_CAD_OUTPUT_DIR: '/tmp/out',
      DREAM_CAD_GPU_ID: '1',
      DREAM_CAD_MAX_WORKERS: '8',
      DREAM_CAD_BATCH_SIZE: '4',
      DREAM_CAD_LOG_LEVEL: 'WARNING',
      DREAM_CAD_PROFILE: 'true',
      PORT: '8080',
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/test',
    });
    assert.deepEqual(
      [
        c.defaultModel,
        c.precision,
        c.outputDir,
        c.gpuId,
        c.maxWorkers,
        c.batchSize,
        c.logLevel,
        c.profile,
        c.port,
      ],
      ['point-e', 'fp16', '/tmp/out', 1, 8, 4, 'warning', true, 8080],
    );
    assert.equal(c.databaseUrl, 'postgres://u@127.0.0.1:5432/test');
  });

  const bad: [string, string, RegExp][] = [
    ['DREAM_CAD_PRECISION', 'fp64', /fp32 or fp16/],
    ['DREAM_CAD_GPU_ID', '-1', /integer from 0/],
    ['DREAM_CAD_MAX_WORKERS', '0', /integer from 1 to 64/],
    ['DREAM_CAD_MAX_WORKERS', '2.5', /integer/],
    ['DREAM_CAD_BATCH_SIZE', 'lots', /integer from 1/],
    ['DREAM_CAD_LOG_LEVEL', 'verbose', /DEBUG, INFO, WARNING or ERROR/],
    ['DREAM_CAD_PROFILE', 'yes please', /true, false, 1 or 0/],
    ['DREAM_CAD_DEFAULT_MODEL', 'Has Spaces', /model name/],
    ['PORT', '70000', /1 to 65535/],
    ['DATABASE_URL', 'mysql://x', /postgres/],
  ];
  for (const [name, value, accepts] of bad) {
    it(`rejects ${name}=${value} naming the variable and what it accepts`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (err: unknown) => {
          assert.ok(err instanceof InvalidConfigError);
          assert.equal(err.code, 'INVALID_CONFIG');
          assert.equal(err.variable, name);
          assert.ok(err.message.includes(name), err.message);
          assert.match(err.message, accepts);
          return true;
        },
      );
    });
  }

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig({ DREAM_CAD_MAX_WORKERS: '  ' }).maxWorkers, 2);
  });
});
