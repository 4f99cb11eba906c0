/**
 * The CLI doors of issue 6 with realistic and with bad arguments: `dream-cad assess` on every
 * readable format (FBX included) and its exit codes, and the one-line errors (exit 2) of
 * `assess`, `bench`, `ab` and `report` when the input is wrong. Processes run a few at a time.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { saveAsset } from '../src/io/index.js';
import { box, toAsset } from './helpers/quality-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'dream-cad-cli-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

interface Run {
  args: string[];
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
      env: { ...process.env, DREAM_CAD_DATA_DIR: join(dir, 'data') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ args, status, stdout, stderr });
    });
  });
}

/** Runs every command line, `parallel` at a time, in order of the results. */
async function cliAll(lines: string[][], parallel = 3): Promise<Run[]> {
  const out: Run[] = new Array(lines.length);
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const i = next++;
      out[i] = await cli(...lines[i]);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return out;
}

/** A usage error: exit 2 and exactly one line on stderr that says `message`. */
function assertUsageError(r: Run, message: RegExp): void {
  const what = `dream-cad ${r.args.join(' ')}`;
  assert.equal(r.status, 2, `${what}: exit ${r.status}, stderr ${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `${what}: one line, got ${r.stderr}`);
  assert.match(lines[0], /^dream-cad: /, what);
  assert.match(lines[0], message, what);
}

test('dream-cad assess reads every format, FBX included; --min-score and broken files set the exit code', async () => {
  const cube = toAsset(box());
  const files: string[] = [];
  for (const f of ['glb', 'gltf', 'obj', 'ply', 'stl', 'fbx'])
    files.push(await saveAssetAs(cube, `cube.${f}`));
  const broken = join(dir, 'broken.fbx');
  writeFileSync(broken, 'Kaydara FBX Binary  \0');
  const [all, strict, mixed] = await cliAll([
    ['assess', ...files, '--min-score', '90'],
    ['assess', files[5], '--min-score', '100', '--score', 'game-ready'],
    ['assess', files[0], broken, files[5], '--min-score', '99', '--json'],
  ]);
  assert.equal(all.status, 0, all.stderr);
  for (const f of files) assert.ok(all.stdout.includes(`== ${f}\n`), f);
  assert.equal(
    all.stdout.match(/overall quality\s+100\n/g)?.length,
    6,
    'the same cube scores 100 in every format',
  );
  assert.equal(all.stdout.match(/faces\s+12\n/g)?.length, 6);
  assert.equal(strict.status, 1, 'game-ready below 100 (no texture, UVs overlap) fails --min-score');
  assert.match(strict.stdout, /FAIL: game-ready score [\d.]+ < --min-score 100/);
  // The broken file gets its own line; the good ones are still assessed; exit 2 outranks 1.
  assert.equal(mixed.status, 2);
  assert.equal(mixed.stderr.trim().split('\n').length, 1);
  assert.match(mixed.stderr, /broken\.fbx.*readFbx: the file is damaged or truncated/);
  const parsed = JSON.parse(mixed.stdout) as { format?: string; faceCount?: number; error?: string }[];
  assert.deepEqual(
    parsed.map((m) => m.format ?? m.error?.replace(/^.*readFbx: /, '')),
    ['glb', 'the file is damaged or truncated (it ends inside its header)', 'fbx'],
  );
});

async function saveAssetAs(asset: ReturnType<typeof toAsset>, name: string): Promise<string> {
  if (!name.endsWith('.gltf')) return saveAsset(asset, join(dir, name));
  // JSON glTF with its buffer beside it (no writer for it: glTF-Transform writes it from the GLB).
  const { NodeIO } = await import('@gltf-transform/core');
  const io = new NodeIO();
  const doc = await io.readBinary(
    (await import('node:fs')).readFileSync(await saveAsset(asset, join(dir, 'for-gltf.glb'))),
  );
  await io.write(join(dir, name), doc);
  return join(dir, name);
}

test('bad input to assess, bench, ab and report: one clear line and exit 2', async () => {
  const empty = join(dir, 'empty.stl');
  writeFileSync(empty, '');
  const text = join(dir, 'notes.stl');
  writeFileSync(text, 'just some notes\n');
  const points = join(dir, 'points.obj');
  writeFileSync(points, 'v 0 0 0\nv 1 0 0\n');
  const runs = await cliAll([
    ['assess', join(dir, 'missing.glb'), dir, empty, text, points, join(dir, 'model.3ds')],
    ['assess', empty, '--score', 'beauty'],
    ['bench', '-m', 'no-such-model', 'a chair'],
    ['bench', ''],
    ['ab', 'dreamcad', 'no-such-model', '--prompts', 'chair', '-n', '2'],
    ['ab', 'dreamcad', 'dreamcad', '--primary', 'beauty'],
    ['ab', 'dreamcad', 'dreamcad', '--prompts', ' , '],
    ['report', '--html', join(dir, 'no', 'such', 'folder', 'report.html')],
  ]);
  // Every file that cannot be assessed gets its own line, and the run exits 2.
  const [files] = runs.splice(0, 1);
  assert.equal(files.status, 2);
  assert.equal(files.stdout, '');
  const lines = files.stderr.trim().split('\n');
  const reasons = [
    /Cannot read ".*missing\.glb": no such file/,
    /Cannot read ".*": it is a directory, not a file/,
    /Cannot read ".*empty\.stl": the file is empty \(0 bytes\)/,
    /notes\.stl.*neither a binary nor an ASCII STL file/,
    /points\.obj" holds no triangles/,
    /Cannot read "3ds" meshes\. Readable formats: glb, gltf, obj, ply, stl, fbx/,
  ];
  assert.equal(lines.length, reasons.length, files.stderr);
  for (const [i, line] of lines.entries()) assert.match(line, reasons[i]);
  for (const line of lines) assert.match(line, /^dream-cad: error: /);
  const expected = [
    /--score must be one of overall, game-ready/,
    /Unknown model "no-such-model"\. Available models: .*dreamcad/,
    /A prompt is empty/,
    /Unknown model "no-such-model"/,
    /--primary must be one of generationTimeSeconds, overallMeshQuality/,
    /--prompts names no prompt/,
    /Cannot write the HTML report to ".*report\.html": ENOENT/,
  ];
  for (const [i, r] of runs.entries()) assertUsageError(r, expected[i]);
});
