import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { slugify } from '../src/cli/commands/generate.js';
import { POINT_E_FIXTURES } from './helpers/point-e-fixtures.js';

const CLI = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dream-cad CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dream-cad-cli-'));

  it('generates a GLB and prints its path', () => {
    const out = join(dir, 'chair.glb');
    const r = run(['generate', 'a red wooden chair', '-o', out, '--seed', '3']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), out);
    assert.equal(readFileSync(out).subarray(0, 4).toString(), 'glTF');
    assert.match(r.stderr, /dreamcad: \d+ parts, \d+ triangles, \d+ ms, seed 3/);
  });

  it('--lods N writes <object>_LOD0…_LODN nodes to the GLB', () => {
    const out = join(dir, 'fox-lods.glb');
    const r = run(['generate', 'a fox', '-o', out, '--seed', '2', '--lods', '2']);
    assert.equal(r.code, 0, r.stderr);
    const json = readFileSync(out).toString('latin1');
    for (const name of ['"fox"', '"fox_LOD0"', '"fox_LOD1"', '"fox_LOD2"', '"body_LOD2"']) {
      assert.ok(json.includes(`"name":${name}`), `${name} missing`);
    }
  });

  it('--detail low/high changes the triangle count', () => {
    const tris = (level: string) => {
      const r = run([
        'generate',
        'a rabbit',
        '-o',
        join(dir, `rabbit-${level}.glb`),
        '--seed',
        '4',
        '--detail',
        level,
      ]);
      assert.equal(r.code, 0, r.stderr);
      return Number(/(\d+) triangles/.exec(r.stderr)?.[1]);
    };
    const low = tris('low');
    const high = tris('high');
    assert.ok(low > 0 && low <= 2000, `low: ${low}`);
    assert.ok(high > low, `high ${high} ≤ low ${low}`);
  });

  it('writes to DREAM_CAD_OUTPUT_DIR named after the prompt when -o is omitted', () => {
    const outDir = join(dir, 'outputs');
    const r = run(['generate', 'A Tall Lamp!', '--seed', '1', '--format', 'glb'], {
      DREAM_CAD_OUTPUT_DIR: outDir,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), join(outDir, 'a-tall-lamp.glb'));
    assert.ok(existsSync(join(outDir, 'a-tall-lamp.glb')));
  });

  it('colours the parts from a reference image with --image (palette unless --use-image-as none)', async () => {
    const ref = join(tmpdir(), `dream-cad-cli-ref-${process.pid}.png`);
    writeFileSync(
      ref,
      await sharp({ create: { width: 40, height: 40, channels: 3, background: '#2459c4' } })
        .png()
        .toBuffer(),
    );
    const out = join(dir, 'vase.glb');
    const r = run(['generate', 'a vase', '--image', ref, '-o', out, '--seed', '2']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /palette: blue \(#2459c4\) → body/);
    const none = run(['generate', 'a vase', '--image', ref, '--use-image-as', 'none', '-o', out]);
    assert.equal(none.code, 0, none.stderr);
    assert.doesNotMatch(none.stderr, /palette:/);
  });

  it("saves point-e's point cloud with --points-only and meshes at --mesh-resolution (tiny random weights)", () => {
    const models = mkdtempSync(join(tmpdir(), 'dream-cad-cli-models-'));
    symlinkSync(POINT_E_FIXTURES, join(models, 'point-e'), 'dir');
    const env = { DREAM_CAD_MODEL_PATH: models, DREAM_CAD_ONNX_CPU: '1' };
    const common = ['-m', 'point-e', '--seed', '1', '--steps', '3'];
    const ply = join(dir, 'bike.ply');
    const points = run(['generate', 'a red motorcycle', ...common, '--points-only', '-o', ply], env);
    assert.equal(points.code, 0, points.stderr);
    assert.match(points.stderr, /point-e: 1 parts, 160 points, \d+ ms, seed 1/);
    const header = readFileSync(ply).subarray(0, 300).toString('latin1');
    assert.match(header, /element vertex 160\n/);
    assert.doesNotMatch(header, /element face/);
    const glb = join(dir, 'bike.glb');
    const mesh = run(['generate', 'a red motorcycle', ...common, '--mesh-resolution', '16', '-o', glb], env);
    assert.equal(mesh.code, 0, mesh.stderr);
    assert.match(mesh.stderr, /point-e: 1 parts, [1-9]\d* triangles/);
  });

  const bad: [string, string[], Record<string, string>, RegExp][] = [
    [
      'a --mesh-resolution out of range',
      ['generate', 'a mug', '--mesh-resolution', '8'],
      {},
      /--mesh-resolution must be an integer from 16 to 256, not "8"/,
    ],
    [
      'a --mesh-resolution that is not an integer',
      ['generate', 'a mug', '--mesh-resolution', '64.5'],
      {},
      /--mesh-resolution must be an integer/,
    ],
    [
      '--points-only to a format without points',
      ['generate', 'a mug', '--points-only', '-o', join(dir, 'mug.stl')],
      {},
      /STL cannot hold a point cloud .*save point clouds as glb or ply/,
    ],
    [
      '--points-only with a model that only makes meshes',
      ['generate', 'a mug', '--points-only', '-m', 'dreamcad', '-o', join(dir, 'mug.ply')],
      {},
      /"dreamcad" cannot return a point cloud \(pointsOnly\); models that take it: point-e/,
    ],
    [
      '--mesh-resolution with a model without one',
      ['generate', 'a mug', '--mesh-resolution', '32', '-m', 'dreamcad', '-o', join(dir, 'mug.glb')],
      {},
      /"dreamcad" has no mesh resolution setting/,
    ],
    ['an empty prompt', ['generate', '  '], {}, /prompt is empty/],
    ['a bad seed', ['generate', 'a mug', '--seed', 'abc'], {}, /--seed must be an integer/],
    ['a bad guidance', ['generate', 'a mug', '--guidance', 'NaN'], {}, /--guidance must be a number/],
    ['a bad --lods', ['generate', 'a mug', '--lods', '9'], {}, /--lods must be an integer from 0 to 4/],
    [
      'a bad --detail',
      ['generate', 'a mug', '--detail', 'ultra'],
      {},
      /Allowed choices are low, medium, high/,
    ],
    ['an unknown format', ['generate', 'a mug', '-o', 'x.xyz'], {}, /Unsupported format "xyz".*glb/],
    ['an unknown model', ['generate', 'a mug', '-m', 'nope'], {}, /Unknown model "nope".*dreamcad/],
    ['a bad variable', ['models'], { DREAM_CAD_PRECISION: 'fp64' }, /DREAM_CAD_PRECISION.*fp32 or fp16/],
    ['an unknown command', ['bogus'], {}, /unknown command 'bogus'/],
    ['a missing prompt', ['generate'], {}, /missing required argument 'prompt'/],
    [
      'a missing image',
      ['generate', 'a vase', '--image', '/no/such/ref.png'],
      {},
      /Cannot read the --image file/,
    ],
    [
      'an image that is not one',
      ['generate', 'a vase', '--image', CLI],
      {},
      /reference image could not be decoded/,
    ],
    ['--use-image-as without --image', ['generate', 'a vase', '--use-image-as', 'none'], {}, /needs --image/],
    [
      'a bad --use-image-as',
      ['generate', 'a vase', '--image', CLI, '--use-image-as', 'shape'],
      {},
      /Allowed choices are palette, none/,
    ],
  ];
  for (const [label, args, env, message] of bad) {
    it(`exits 2 with a one-line error on ${label}`, () => {
      const before = readdirSync(dir).length;
      const r = run(args, env);
      assert.equal(r.code, 2, r.stderr);
      // Work that takes over a second may print progress lines ("2% reading …") before the error.
      const lines = r.stderr
        .trim()
        .split('\n')
        .filter((l) => !/^\s*\d+% /.test(l));
      assert.equal(lines.length, 1, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
      assert.equal(readdirSync(dir).length, before, 'no file may be left behind');
    });
  }

  it('lists models with capabilities and readiness', () => {
    const r = run(['models']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^model\s+input\s+needs/m);
    assert.match(r.stdout, /^dreamcad\s+text\s+CPU\s+\S*glb\S*\s+.*\byes$/m);
    const json = JSON.parse(run(['models', '--json']).stdout) as { name: string }[];
    assert.ok(json.some((m) => m.name === 'dreamcad'));
  });

  it('has --help on every command', () => {
    for (const cmd of [[], ['generate'], ['models'], ['formats']]) {
      const r = run([...cmd, '--help']);
      assert.equal(r.code, 0, `${cmd} ${r.stderr}`);
      assert.match(r.stdout, /Usage: dream-cad/);
    }
    const help = run(['generate', '--help']).stdout;
    assert.match(help, /--negative <text>/);
    assert.match(help, /--mesh-resolution <n>/);
    assert.match(help, /--points-only/);
  });

  it('turns prompts into safe file names', () => {
    assert.equal(slugify('A red, wooden chair!'), 'a-red-wooden-chair');
    assert.equal(slugify('  ✓✓ '), 'model');
    assert.equal(slugify('Ünïcödé crème brûlée'), 'unicode-creme-brulee');
    assert.ok(slugify('x '.repeat(100)).length <= 48);
  });
});
