import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Asset,
  CancelledError,
  DreamCadError,
  FileFormatError,
  GenerationError,
  GenerationResult,
  InsufficientVRAMError,
  InvalidConfigError,
  InvalidPromptError,
  Model3D,
  type ModelCapabilities,
  ModelFactory,
  ModelNotFoundError,
  ModelRegistry,
  NotSupportedError,
  registerModel,
} from '../src/index.js';

const caps = (over: Partial<ModelCapabilities> = {}): ModelCapabilities => ({
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
  ...over,
});

function triangleAsset(prompt: string, seed: number): Asset {
  return {
    metadata: { modelName: 'echo', prompt, seed },
    parts: [
      {
        name: 'tri',
        mesh: {
          positions: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]),
          normals: new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]),
          uvs: new Float32Array([0, 0, 1, 0, 0, 1]),
          indices: new Uint32Array([0, 1, 2]),
        },
        material: { name: 'red', baseColor: [1, 0, 0, 1], metallic: 0, roughness: 0.5 },
      },
      {
        name: 'tri2',
        mesh: {
          positions: new Float32Array([0, 0, 1, 1, 0, 1, 0, 1, 1]),
          normals: new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]),
          uvs: new Float32Array([0, 0, 1, 0, 0, 1]),
          colors: new Float32Array([0, 1, 0, 0, 1, 0, 0, 1, 0]),
          indices: new Uint32Array([0, 1, 2]),
        },
        material: { name: 'white', baseColor: [1, 1, 1, 1], metallic: 0, roughness: 0.5 },
      },
    ],
  };
}

class EchoModel extends Model3D {
  static readonly capabilities = caps({ description: 'test model' });
  readonly capabilities = EchoModel.capabilities;
  loads = 0;
  failWith?: unknown;
  constructor(options = {}) {
    super('echo', options);
  }
  protected override async load() {
    this.loads++;
  }
  protected async textToAsset(prompt: string, options: { seed: number }) {
    if (this.failWith) throw this.failWith;
    return triangleAsset(prompt, options.seed);
  }
}

class HugeModel extends EchoModel {
  static override readonly capabilities = caps({ minVramGb: 1e6 });
  override readonly capabilities = HugeModel.capabilities;
}

registerModel('echo', EchoModel);

describe('errors', () => {
  it('share one base class with stable codes', () => {
    const all: [DreamCadError, string][] = [
      [new ModelNotFoundError('x', ['a']), 'MODEL_NOT_FOUND'],
      [new InsufficientVRAMError('x', 8, 0), 'INSUFFICIENT_VRAM'],
      [new GenerationError('x'), 'GENERATION_FAILED'],
      [new InvalidConfigError('V', 'x'), 'INVALID_CONFIG'],
      [new FileFormatError('x'), 'FILE_FORMAT'],
      [new InvalidPromptError('x'), 'INVALID_PROMPT'],
      [new NotSupportedError('x'), 'NOT_SUPPORTED'],
      [new CancelledError(), 'CANCELLED'],
    ];
    for (const [err, code] of all) {
      assert.ok(err instanceof DreamCadError && err instanceof Error);
      assert.equal(err.code, code);
      assert.equal(err.name, err.constructor.name);
    }
  });
});

describe('ModelRegistry', () => {
  it('registers, lists sorted and filters by VRAM', () => {
    const r = new ModelRegistry();
    r.register('zeta', caps({ minVramGb: 8 }));
    r.register('alpha', caps({ minVramGb: 0 }));
    r.register('mid', caps({ minVramGb: 6 }));
    assert.deepEqual(r.listModels(), ['alpha', 'mid', 'zeta']);
    assert.equal(r.getCapabilities('mid')?.minVramGb, 6);
    assert.equal(r.getCapabilities('nope'), undefined);
    assert.deepEqual(r.getModelsForVram(0), ['alpha']);
    assert.deepEqual(r.getModelsForVram(7.9), ['alpha', 'mid']);
    assert.deepEqual(r.getModelsForVram(8), ['alpha', 'mid', 'zeta']);
  });
});

describe('ModelFactory', () => {
  it('creates the default model and lists registered ones', () => {
    assert.ok(ModelFactory.listAvailableModels().includes('dreamcad'));
    assert.ok(ModelFactory.listAvailableModels().includes('echo'));
    assert.equal(ModelFactory.createModel().name, 'dreamcad');
    const info = ModelFactory.describeModels().find((m) => m.name === 'echo');
    assert.deepEqual(info?.readiness, { ready: true });
  });

  it('creates a registered custom model', () => {
    const m = ModelFactory.createModel('echo');
    assert.ok(m instanceof EchoModel);
  });

  it('names the available models when the name is unknown', () => {
    assert.throws(
      () => ModelFactory.createModel('nope'),
      (e: unknown) => e instanceof ModelNotFoundError && /nope/.test(e.message) && /dreamcad/.test(e.message),
    );
  });

  it('refuses invalid model names', () => {
    assert.throws(() => registerModel('Bad Name', EchoModel), /not a valid model name/);
  });
});

describe('Model3D', () => {
  it('loads lazily, once, and unloads', async () => {
    const m = new EchoModel();
    assert.equal(m.isLoaded, false);
    await m.generateFromText('a thing', { seed: 1 });
    await m.generateFromText('a thing', { seed: 2 });
    assert.equal(m.isLoaded, true);
    assert.equal(m.loads, 1);
    await m.unloadModel();
    assert.equal(m.isLoaded, false);
    await m.loadModel();
    assert.equal(m.loads, 2);
  });

  it('returns a timed result with the flat view of every part', async () => {
    const m = new EchoModel();
    const r = await m.generateFromText('  a thing ', { seed: 5 });
    assert.ok(r instanceof GenerationResult);
    assert.equal(r.modelName, 'echo');
    assert.ok(r.generationTime >= 0 && r.generationTime < 5);
    assert.equal(r.metadata.seed, 5);
    assert.equal(r.metadata.prompt, 'a thing');
    assert.equal(r.vertices.length, 18);
    assert.deepEqual([...r.faces], [0, 1, 2, 3, 4, 5]);
    assert.equal(r.uvCoords.length, 12);
    // The part without colours contributes its material colour (red), the other its own (green).
    assert.deepEqual([...r.vertexColors!.slice(0, 3)], [1, 0, 0]);
    assert.deepEqual([...r.vertexColors!.slice(9, 12)], [0, 1, 0]);
    assert.deepEqual(Object.keys(r.materials), ['red', 'white']);
    assert.equal(r.texture, undefined);
  });

  it('picks a random seed when none is given and rejects bad seeds', async () => {
    const m = new EchoModel();
    const r = await m.generateFromText('x');
    assert.ok(Number.isInteger(r.metadata.seed));
    await assert.rejects(m.generateFromText('x', { seed: -1 }), /seed must be an integer/);
    await assert.rejects(m.generateFromText('x', { seed: 1.5 }), /seed must be an integer/);
  });

  it('rejects bad prompts before loading', async () => {
    const m = new EchoModel();
    await assert.rejects(m.generateFromText(''), InvalidPromptError);
    assert.equal(m.isLoaded, false);
  });

  it('says image input is not supported by a text-only model', async () => {
    const m = new EchoModel();
    await assert.rejects(
      m.generateFromImage('photo.png', { removeBackground: true }),
      (e: unknown) => e instanceof NotSupportedError && /does not generate from images/.test(e.message),
    );
  });

  it('wraps unexpected failures in GenerationError, keeps its own errors', async () => {
    const m = new EchoModel();
    m.failWith = new RangeError('boom');
    await assert.rejects(m.generateFromText('x'), (e: unknown) => {
      assert.ok(e instanceof GenerationError);
      assert.match(e.message, /echo.*boom/);
      assert.ok(e.cause instanceof RangeError);
      return true;
    });
    m.failWith = new NotSupportedError('nope');
    await assert.rejects(m.generateFromText('x'), NotSupportedError);
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(new EchoModel().generateFromText('x', { signal: ac.signal }), CancelledError);
  });

  it('refuses a model that needs more GPU memory than there is', async () => {
    const m = new HugeModel();
    await assert.rejects(m.generateFromText('x'), (e: unknown) => {
      assert.ok(e instanceof InsufficientVRAMError);
      assert.match(e.message, /needs at least 1000000 GB/);
      return true;
    });
    assert.equal(m.isLoaded, false);
    await new HugeModel({ skipVramCheck: true }).generateFromText('x');
  });
});
