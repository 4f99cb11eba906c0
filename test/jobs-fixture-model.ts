/**
 * A small, controllable model for the job-system tests: a unit cube made in `steps` steps of
 * `delayMs` each, checking for cancellation between steps; it can fail on purpose. Importing this
 * module registers it as "test-cube" (worker threads and child processes import it by path).
 */
import { appendFileSync } from 'node:fs';
import { type Asset, type AssetPart, pointCloudMesh } from '../src/asset/asset.js';
import { GenerationError } from '../src/errors.js';
import { Model3D, type ResolvedTextOptions, throwIfCancelled } from '../src/models/base.js';
import type { ModelCapabilities } from '../src/models/capabilities.js';
import { registerModel } from '../src/models/factory.js';

const failures = new Map<string, number>();

export class TestCubeModel extends Model3D {
  static readonly capabilities: ModelCapabilities = {
    minVramGb: 0,
    recommendedVramGb: 0,
    supportsTextTo3d: true,
    supportsImageTo3d: false,
    supportsMultiView: false,
    outputFormats: ['glb'],
    hasPbrMaterials: true,
    hasUvUnwrapping: true,
    typicalGenerationTime: 'as configured',
    maxResolution: 0,
    licenseType: 'MIT',
    description: 'Test model: a cube, slowly.',
    // Declared so the API and web app show and accept both settings; the cube ignores meshResolution.
    supportsPointsOnly: true,
    meshResolution: { min: 16, max: 256, default: 64 },
  };
  readonly capabilities = TestCubeModel.capabilities;
  constructor(options = {}) {
    super('test-cube', options);
  }

  protected async textToAsset(prompt: string, o: ResolvedTextOptions): Promise<Asset> {
    // Through the REST API only `steps` (numInferenceSteps) can be set; such steps take 10 ms each.
    const steps = Number(o.steps ?? o.numInferenceSteps ?? 4);
    const delay = Number(o.delayMs ?? (o.numInferenceSteps ? 10 : 0));
    // busyMs: burn the CPU this long per step (shows whether generation blocks the event loop).
    const busy = Number(o.busyMs ?? 0);
    // failTimes: fail this many attempts (counted per prompt in this process), then succeed.
    const failTimes = Number(o.failTimes ?? 0);
    const failed = failures.get(prompt) ?? 0;
    for (let i = 0; i < steps; i++) {
      throwIfCancelled(o.signal);
      o.onProgress?.({ fraction: i / steps, stage: `step ${i + 1}/${steps}` });
      if (delay) await new Promise((r) => setTimeout(r, delay));
      for (const end = Date.now() + busy; Date.now() < end; );
    }
    throwIfCancelled(o.signal);
    if (o.fail === 'always' || failed < failTimes) {
      failures.set(prompt, failed + 1);
      throw new GenerationError(`test-cube failed on purpose (${failed + 1})`);
    }
    // DREAM_CAD_TEST_RUN_LOG: one line per finished generation, so process tests can count how many
    // times each job really ran (from any thread of any process).
    const runLog = process.env.DREAM_CAD_TEST_RUN_LOG;
    if (runLog) appendFileSync(runLog, `${prompt}\n`);
    const part = cube();
    // pointsOnly: the cube's corners as a coloured point cloud.
    if (o.pointsOnly) part.mesh = pointCloudMesh(part.mesh.positions, part.mesh.positions.map(Math.abs));
    return { parts: [part], metadata: { modelName: 'test-cube', prompt, seed: o.seed } };
  }
}

/** A 1 m cube on the ground, 24 vertices so each face has its own normals and UVs. */
export function cube(): AssetPart {
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  const indices: number[] = [];
  const faces: [number[], number[], number[]][] = [
    [
      [1, 0, 0],
      [0, 0, -1],
      [0, 1, 0],
    ],
    [
      [-1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ],
    [
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, -1],
    ],
    [
      [0, -1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ],
    [
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ],
    [
      [0, 0, -1],
      [-1, 0, 0],
      [0, 1, 0],
    ],
  ];
  for (const [n, u, v] of faces) {
    const base = positions.length / 3;
    for (const [a, b] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ]) {
      for (let k = 0; k < 3; k++) positions.push(0.5 * (n[k] + a * u[k] + b * v[k]) + (k === 1 ? 0.5 : 0));
      normals.push(...n);
      uvs.push((a + 1) / 2, (b + 1) / 2);
    }
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  return {
    name: 'cube',
    mesh: {
      positions: new Float32Array(positions),
      normals: new Float32Array(normals),
      uvs: new Float32Array(uvs),
      indices: new Uint32Array(indices),
    },
    material: { name: 'grey', baseColor: [0.6, 0.6, 0.6, 1], metallic: 0, roughness: 0.8 },
  };
}

registerModel('test-cube', TestCubeModel);
