import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { slugify } from '../src/cli/commands/generate.js';

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

  it('writes to DREAM_CAD_OUTPUT_DIR named after the prompt when -o is omitted', () => {
    const outDir = join(dir, 'outputs');
    const r = run(['generate', 'A Tall Lamp!', '--seed', '1', '--format', 'glb'], {
      DREAM_CAD_OUTPUT_DIR: outDir,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), join(outDir, 'a-tall-lamp.glb'));
    assert.ok(existsSync(join(outDir, 'a-tall-lamp.glb')));
  });

  const bad: [string, string[], Record<string, string>, RegExp][] = [
    ['an empty prompt', ['generate', '  '], {}, /prompt is empty/],
    ['a bad seed', ['generate', 'a mug', '--seed', 'abc'], {}, /--seed must be an integer/],
    ['a bad guidance', ['generate', 'a mug', '--guidance', 'NaN'], {}, /--guidance must be a number/],
    ['a bad --lods', ['generate', 'a mug', '--lods', '9'], {}, /--lods must be an integer from 0 to 4/],
    ['an unknown format', ['generate', 'a mug', '-o', 'x.xyz'], {}, /Unsupported format "xyz".*glb/],
    ['an unknown model', ['generate', 'a mug', '-m', 'nope'], {}, /Unknown model "nope".*dreamcad/],
    ['a bad variable', ['models'], { DREAM_CAD_PRECISION: 'fp64' }, /DREAM_CAD_PRECISION.*fp32 or fp16/],
    ['an unknown command', ['bogus'], {}, /unknown command 'bogus'/],
    ['a missing prompt', ['generate'], {}, /missing required argument 'prompt'/],
  ];
  for (const [label, args, env, message] of bad) {
    it(`exits 2 with a one-line error on ${label}`, () => {
      const before = readdirSync(dir).length;
      const r = run(args, env);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
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
    assert.match(run(['generate', '--help']).stdout, /--negative <text>/);
  });

  it('turns prompts into safe file names', () => {
    assert.equal(slugify('A red, wooden chair!'), 'a-red-wooden-chair');
    assert.equal(slugify('  ✓✓ '), 'model');
    assert.equal(slugify('Ünïcödé crème brûlée'), 'unicode-creme-brulee');
    assert.ok(slugify('x '.repeat(100)).length <= 48);
  });
});
