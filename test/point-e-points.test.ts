/**
 * Point-E's `pointsOnly` and `meshResolution` on the random-weight fixtures, and the point-cloud
 * asset through every exporter: PLY points (read back by our reader and by Open3D when installed),
 * GLB POINTS (Khronos validator), and a clear refusal from the formats that hold triangles only.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NodeIO, Primitive } from '@gltf-transform/core';
import {
  exportAsset,
  FileFormatError,
  type GenerationResult,
  type Model3D,
  ModelFactory,
  NotSupportedError,
  pointCloudFormats,
  resetConfig,
  saveAsset,
} from '../src/index.js';
import { readPly } from '../src/io/read/index.js';
import { validateGlb } from './helpers/gltf-validator.js';
import { POINT_E_FIXTURES } from './helpers/point-e-fixtures.js';
import { hasOpen3d, PYTHON } from './helpers/quality-corpus.js';

const saved = process.env.DREAM_CAD_MODEL_PATH;
after(() => {
  if (saved === undefined) delete process.env.DREAM_CAD_MODEL_PATH;
  else process.env.DREAM_CAD_MODEL_PATH = saved;
  resetConfig();
});

/** Base 64 + upsampler 96 points in the fixture manifest. */
const FIXTURE_POINTS = 160;
const OPTIONS = { seed: 5, numInferenceSteps: 3 };
const linearToSrgb8 = (c: number) =>
  Math.round((c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055) * 255);

describe('point-e pointsOnly and meshResolution (tiny random weights)', () => {
  let model: Model3D;
  let cloud: GenerationResult;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dream-cad-points-'));
    await symlink(POINT_E_FIXTURES, join(dir, 'point-e'), 'dir');
    process.env.DREAM_CAD_MODEL_PATH = dir;
    resetConfig();
    model = ModelFactory.createModel('point-e', { device: 'cpu' });
    cloud = await model.generateFromText('a red motorcycle', { ...OPTIONS, pointsOnly: true });
  });
  after(async () => {
    await model.unloadModel();
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the coloured point cloud: N points, colours, no faces', () => {
    assert.equal(model.capabilities.supportsPointsOnly, true);
    assert.deepEqual(model.capabilities.meshResolution, { min: 16, max: 256, default: 64 });
    assert.equal(cloud.asset.parts.length, 1);
    const { mesh } = cloud.asset.parts[0];
    assert.equal(mesh.mode, 'points');
    assert.equal(mesh.positions.length, FIXTURE_POINTS * 3);
    assert.equal(mesh.indices.length, 0);
    assert.equal(mesh.colors?.length, FIXTURE_POINTS * 3);
    assert.ok(mesh.colors!.every((c) => c >= 0 && c <= 1));
    // Flat view: the points, their colours, no faces.
    assert.equal(cloud.isPointCloud, true);
    assert.equal(cloud.vertices.length, FIXTURE_POINTS * 3);
    assert.equal(cloud.faces.length, 0);
    assert.equal(cloud.vertexColors?.length, FIXTURE_POINTS * 3);
    assert.equal(cloud.metadata.pointsOnly, true);
    assert.equal(cloud.metadata.points, FIXTURE_POINTS);
    // Resting on the ground, footprint centred.
    const ys = mesh.positions.filter((_, i) => i % 3 === 1);
    assert.ok(Math.abs(Math.min(...ys)) < 1e-6);
  });

  it('is the same cloud the mesh is built from, and seeded', async () => {
    const again = await model.generateFromText('a red motorcycle', { ...OPTIONS, pointsOnly: true });
    assert.deepEqual(again.asset.parts[0].mesh.positions, cloud.asset.parts[0].mesh.positions);
    const other = await model.generateFromText('a red motorcycle', { ...OPTIONS, seed: 6, pointsOnly: true });
    assert.notDeepEqual(other.asset.parts[0].mesh.positions, cloud.asset.parts[0].mesh.positions);
  });

  it('writes PLY points (x y z + uchar colours, no faces) that our reader reads back', async () => {
    const path = await saveAsset(cloud.asset, join(dir, 'cloud.ply'));
    const bytes = await readFile(path);
    const text = bytes.subarray(0, 400).toString('latin1');
    const header = text.slice(0, text.indexOf('end_header'));
    assert.match(header, /element vertex 160\n/);
    assert.match(header, /property float x\nproperty float y\nproperty float z\nproperty uchar red\n/);
    assert.doesNotMatch(header, /element face|property float nx/);
    assert.equal(bytes.length, text.indexOf('end_header') + 'end_header\n'.length + FIXTURE_POINTS * 15);
    const { asset } = await readPly(new Uint8Array(bytes));
    const read = asset.parts[0].mesh;
    assert.equal(read.mode, 'points');
    assert.equal(read.indices.length, 0);
    assert.deepEqual(read.positions, cloud.asset.parts[0].mesh.positions);
    // The reader gives the file's 8-bit sRGB bytes / 255; they are the cloud's colours exactly.
    const linear = cloud.asset.parts[0].mesh.colors!;
    for (let i = 0; i < linear.length; i++)
      assert.equal(Math.round(read.colors![i] * 255), linearToSrgb8(linear[i]));
  });

  it('writes PLY points Open3D reads as a coloured cloud', {
    skip: !hasOpen3d() && process.env.DREAM_CAD_REQUIRE_OPEN3D !== '1' && 'python3-open3d is not installed',
  }, async () => {
    const path = await saveAsset(cloud.asset, join(dir, 'open3d.ply'));
    const script = [
      'import json, sys, numpy as np, open3d as o3d',
      'pc = o3d.io.read_point_cloud(sys.argv[1])',
      'm = o3d.io.read_triangle_mesh(sys.argv[1])',
      'print(json.dumps({"points": len(pc.points), "colors": len(pc.colors), "triangles": len(m.triangles),',
      '  "xyz": np.asarray(pc.points).ravel().tolist(), "rgb": np.asarray(pc.colors).ravel().tolist()}))',
    ].join('\n');
    // Open3D prints its own warnings (no triangles in the file) on stdout: the JSON is the last line.
    const stdout = execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      points: number;
      colors: number;
      triangles: number;
      xyz: number[];
      rgb: number[];
    };
    assert.equal(out.points, FIXTURE_POINTS);
    assert.equal(out.colors, FIXTURE_POINTS);
    assert.equal(out.triangles, 0);
    const mesh = cloud.asset.parts[0].mesh;
    for (let i = 0; i < out.xyz.length; i++) assert.ok(Math.abs(out.xyz[i] - mesh.positions[i]) < 1e-6);
    for (let i = 0; i < out.rgb.length; i++)
      assert.equal(Math.round(out.rgb[i] * 255), linearToSrgb8(mesh.colors![i]));
  });

  it('writes GLB with a POINTS primitive that the Khronos validator accepts', async () => {
    const { main } = await exportAsset(cloud.asset, 'glb');
    const report = await validateGlb(main);
    assert.equal(report.errors, 0, report.messages.join('\n'));
    assert.equal(report.warnings, 0, report.messages.join('\n'));
    const doc = await new NodeIO().readBinary(main);
    const prims = doc
      .getRoot()
      .listMeshes()
      .flatMap((m) => m.listPrimitives());
    assert.equal(prims.length, 1);
    assert.equal(prims[0].getMode(), Primitive.Mode.POINTS);
    assert.equal(prims[0].getIndices(), null);
    assert.equal(prims[0].getAttribute('POSITION')?.getCount(), FIXTURE_POINTS);
    assert.equal(prims[0].getAttribute('COLOR_0')?.getCount(), FIXTURE_POINTS);
    assert.equal(prims[0].getAttribute('NORMAL'), null);
  });

  it('refuses the formats that hold triangles only, naming ply and glb, and writes nothing', async () => {
    assert.deepEqual(pointCloudFormats().sort(), ['glb', 'ply']);
    const before = readdirSync(dir).sort();
    for (const format of ['stl', 'obj', 'fbx', 'blend']) {
      await assert.rejects(saveAsset(cloud.asset, join(dir, `cloud.${format}`)), (err: unknown) => {
        assert.ok(err instanceof FileFormatError, String(err));
        assert.match(err.message, new RegExp(`^${format.toUpperCase()} cannot hold a point cloud`));
        assert.match(err.message, /save point clouds as (glb or ply|ply or glb)/);
        return true;
      });
      assert.equal(existsSync(join(dir, `cloud.${format}`)), false);
    }
    await assert.rejects(cloud.save(join(dir, 'x.stl')), FileFormatError);
    assert.deepEqual(readdirSync(dir).sort(), before);
  });

  it('PLY refuses an asset mixing points and triangles; GLB keeps both', async () => {
    const mesh = await model.generateFromText('a red motorcycle', { ...OPTIONS, meshResolution: 16 });
    const mixed = {
      parts: [mesh.asset.parts[0], cloud.asset.parts[0]],
      metadata: { modelName: 'point-e' },
    };
    await assert.rejects(exportAsset(mixed, 'ply'), /mixes both; save it as glb/);
    const report = await validateGlb((await exportAsset(mixed, 'glb')).main);
    assert.equal(report.errors, 0, report.messages.join('\n'));
  });

  it('meshResolution changes the mesh; out-of-range values are refused', async () => {
    const coarse = await model.generateFromText('a red motorcycle', { ...OPTIONS, meshResolution: 16 });
    const fine = await model.generateFromText('a red motorcycle', { ...OPTIONS, meshResolution: 24 });
    const c = coarse.asset.parts[0].mesh;
    const f = fine.asset.parts[0].mesh;
    assert.equal(coarse.metadata.meshResolution, 16);
    assert.equal(fine.metadata.meshResolution, 24);
    assert.ok(c.indices.length > 0 && f.indices.length > 0);
    assert.ok(f.indices.length > c.indices.length, `${f.indices.length} > ${c.indices.length} indices`);
    assert.equal(coarse.isPointCloud, false);
    for (const bad of [15, 257, 20.5]) {
      await assert.rejects(
        model.generateFromText('a chair', { meshResolution: bad }),
        /meshResolution must be an integer from 16 to 256/,
      );
    }
  });

  it('models without the settings refuse them, naming the models that take them', async () => {
    const dreamcad = ModelFactory.createModel('dreamcad');
    await assert.rejects(dreamcad.generateFromText('a chair', { pointsOnly: true }), (err: unknown) => {
      assert.ok(err instanceof NotSupportedError);
      assert.match(
        err.message,
        /"dreamcad" cannot return a point cloud \(pointsOnly\); models that take it: .*point-e/,
      );
      return true;
    });
    await assert.rejects(
      dreamcad.generateFromText('a chair', { meshResolution: 64 }),
      /"dreamcad" has no mesh resolution setting \(meshResolution\); models that take it: point-e/,
    );
    // pointsOnly: false asks for nothing unusual.
    const ok = await dreamcad.generateFromText('a chair', { pointsOnly: false, seed: 1 });
    assert.ok(ok.faces.length > 0);
  });
});
