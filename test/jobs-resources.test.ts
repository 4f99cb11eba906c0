/** ResourceManager: GPU discovery, VRAM-aware assignment, and the CPU-only machine. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InsufficientVRAMError, ModelNotFoundError } from '../src/errors.js';
import { CPU_DEVICE, ResourceManager } from '../src/jobs/resources.js';
import type { ModelCapabilities } from '../src/models/capabilities.js';
import { parseNvidiaSmi } from '../src/utils/gpu.js';

const caps = (minVramGb: number) => ({ minVramGb }) as ModelCapabilities;
const models: Record<string, ModelCapabilities> = { cpu: caps(0), small: caps(6), big: caps(20) };
const capabilities = (name: string) => models[name];
const twoGpus = () => parseNvidiaSmi('0, NVIDIA A10, 24576, 20480\n1, NVIDIA T4, 16384, 12288\n');

test('discovers GPUs and assigns a job to the one with the most free memory', () => {
  const rm = new ResourceManager({ queryGpus: twoGpus, capabilities });
  assert.equal(rm.discoverGpus().length, 2);
  assert.equal(rm.assignJobToGpu('a', 'small'), 0); // 20 GB free vs 12 GB
  assert.equal(rm.assignJobToGpu('b', 'small'), 0); // 14 GB left vs 12 GB
  assert.equal(rm.assignJobToGpu('c', 'small'), 1); // 8 GB left vs 12 GB
  assert.equal(rm.canModelRun('big'), false);
  assert.equal(rm.assignJobToGpu('d', 'big'), null, 'nothing fits now');
  rm.releaseGpu(0, 'a');
  rm.releaseGpu(0, 'b');
  assert.equal(rm.canModelRun('big', 0), true);
  assert.equal(rm.canModelRun('big', 1), false);
  assert.deepEqual(rm.devices()[1].jobs, ['c']);
  rm.assertCanRun('big');
});

test('a machine without a GPU reports the CPU and refuses GPU models with InsufficientVRAMError', () => {
  const rm = new ResourceManager({ queryGpus: () => [], capabilities });
  assert.equal(rm.hasGpu, false);
  const [cpu] = rm.devices();
  assert.equal(cpu.kind, 'cpu');
  assert.equal(cpu.id, CPU_DEVICE);
  assert.ok(cpu.totalMemoryGb > 0);
  assert.equal(rm.assignJobToGpu('j', 'cpu'), CPU_DEVICE);
  assert.deepEqual(rm.devices()[0].jobs, ['j']);
  assert.equal(rm.canModelRun('small'), false);
  assert.equal(rm.assignJobToGpu('k', 'small'), null);
  assert.throws(() => rm.assertCanRun('small'), InsufficientVRAMError);
  assert.throws(() => rm.canModelRun('nope'), ModelNotFoundError);
});
