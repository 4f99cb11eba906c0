import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearGpuCache, getAvailableVram, onClearGpuCache, version } from '../src/index.js';
import { parseNvidiaSmi } from '../src/utils/gpu.js';

describe('GPU utilities', () => {
  it('parses nvidia-smi CSV', () => {
    const gpus = parseNvidiaSmi(
      '0, NVIDIA H100 80GB HBM3, 81559, 80000\n1, NVIDIA A10, 24576, 1024\n\ngarbage\n',
    );
    assert.equal(gpus.length, 2);
    assert.equal(gpus[0].name, 'NVIDIA H100 80GB HBM3');
    assert.ok(Math.abs(gpus[0].freeMemoryGb - 78.125) < 1e-9);
    assert.equal(gpus[1].id, 1);
    assert.equal(gpus[1].freeMemoryGb, 1);
  });

  it('reports a number of free GB (0 without a GPU)', () => {
    const free = getAvailableVram();
    assert.ok(Number.isFinite(free) && free >= 0);
  });

  it('clearGpuCache runs every registered releaser', () => {
    let calls = 0;
    const off = onClearGpuCache(() => calls++);
    assert.ok(clearGpuCache() >= 1);
    assert.equal(calls, 1);
    off();
    clearGpuCache();
    assert.equal(calls, 1);
  });

  it('exposes the package version', () => {
    assert.match(version, /^\d+\.\d+\.\d+/);
  });
});
