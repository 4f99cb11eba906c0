/**
 * Ugly input for the assessor, in every readable format: empty files, truncated ones, text under a
 * mesh extension, directories, missing paths, files without triangles, non-finite coordinates,
 * absurd counts, and geometry far from the rest. Each must end in one clear `FileFormatError` (or
 * a result), quickly: never a crash or a hang.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FileFormatError } from '../src/errors.js';
import { exportAsset, saveAsset } from '../src/io/index.js';
import { listMeshReaders } from '../src/io/read/index.js';
import { analyzeMeshTopology, QualityAssessor } from '../src/quality/index.js';
import { box, plyBinary, stlBinary, toAsset, torus } from './helpers/quality-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'dream-cad-inputs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const assessor = new QualityAssessor();
const FORMATS = ['glb', 'gltf', 'obj', 'ply', 'stl', 'fbx'];

/** Asserts that assessing `path` rejects with a one-line FileFormatError matching `message`. */
async function refuses(path: string, message: RegExp): Promise<void> {
  await assert.rejects(assessor.assessMeshFile(path), (err: Error) => {
    assert.ok(err instanceof FileFormatError, `${path}: ${err.name}: ${err.message}`);
    assert.match(err.message, message, path);
    assert.ok(!err.message.includes('\n'), `${path}: one line`);
    return true;
  });
}

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

test('every format the issue names has a reader', () => {
  assert.deepEqual(
    listMeshReaders()
      .map((r) => r.format)
      .sort(),
    [...FORMATS].sort(),
  );
});

test('empty files, directories and missing paths, in every format', { timeout: 60_000 }, async () => {
  for (const f of FORMATS) {
    await refuses(write(`empty.${f}`, ''), /empty \(0 bytes\)/);
    const folder = join(dir, `folder.${f}`);
    mkdirSync(folder);
    await refuses(folder, /is a directory, not a file/);
    await refuses(join(dir, `missing.${f}`), /no such file/);
  }
  await refuses(join(dir, 'model.xyz'), /Cannot read "xyz" meshes\. Readable formats: .*fbx/);
});

test('truncated and mislabelled files', { timeout: 60_000 }, async () => {
  const glb = (await exportAsset(toAsset(box()), 'glb')).main;
  await refuses(
    write('truncated.glb', glb.slice(0, 100)),
    /truncated: its header says \d+ bytes, but it has 100/,
  );
  await refuses(write('zeros.glb', new Uint8Array(1000)), /not a GLB file/);
  const text = 'This is a README, not a mesh.\n';
  await refuses(write('readme.stl', text), /neither a binary nor an ASCII STL file/);
  await refuses(write('readme.ply', text), /does not start with "ply"/);
  await refuses(write('readme.glb', text), /not a GLB file/);
  await refuses(write('readme.fbx', text), /not a binary FBX file/);
  await refuses(write('readme.gltf', text), /readGltf/);
  // Text is valid OBJ syntax with no statements: no triangles.
  await refuses(write('readme.obj', text), /holds no triangles/);
  const stl = stlBinary(box());
  await refuses(write('truncated.stl', stl.slice(0, 84 + 50 * 5 + 7)), /declares 12 triangles/);
  const ply = plyBinary(box());
  await refuses(write('truncated.ply', ply.slice(0, ply.length - 20)), /ends early/);
  await refuses(
    write(
      'huge-count.ply',
      'ply\nformat binary_little_endian 1.0\nelement vertex 4000000000\nproperty float x\nproperty float y\nproperty float z\nend_header\n',
    ),
    /declares 4000000000 "vertex" elements/,
  );
  await refuses(
    write('negative-count.ply', 'ply\nformat ascii 1.0\nelement vertex -3\nproperty float x\nend_header\n'),
    /bad count "-3"/,
  );
  await refuses(
    write(
      'word.ply',
      'ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\nfoo 1 0\n0 1 0\n3 0 1 2\n',
    ),
    /"foo" is not a number/,
  );
});

test('files without triangles', { timeout: 60_000 }, async () => {
  await refuses(
    write('points.obj', 'v 0 0 0\nv 1 0 0\nv 0 1 0\n'),
    /holds no triangles \(0 parts, 0 vertices\)/,
  );
  await refuses(write('lines.obj', 'v 0 0 0\nv 1 0 0\nl 1 2\n'), /holds no triangles/);
  await refuses(write('solid.stl', 'solid nothing\nendsolid nothing\n'), /holds no triangles/);
  await refuses(
    write(
      'cloud.ply',
      'ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\nproperty float z\nend_header\n0 0 0\n1 1 1\n',
    ),
    /holds no triangles \(1 parts, 2 vertices\)/,
  );
  const empty = { parts: [], metadata: { modelName: 'x' } };
  await refuses(await saveAsset(empty, join(dir, 'nothing.glb')), /holds no triangles/);
  await refuses(await saveAsset(empty, join(dir, 'nothing.fbx')), /holds no triangles/);
  // In memory, an empty asset is not an error: it scores 0.
  assert.equal((await assessor.assessAsset(empty)).overallMeshQuality, 0);
});

test('non-finite coordinates are refused, not measured (they used to hang the search)', {
  timeout: 60_000,
}, async () => {
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
    const m = box();
    m.positions[0] = bad;
    await refuses(
      write(`bad-${bad}.stl`, stlBinary(m)),
      new RegExp(`vertex 0 has a coordinate that is not a finite number \\(${bad}\\)`),
    );
    await refuses(write(`bad-${bad}.ply`, plyBinary(m)), /not a finite number/);
  }
  const m = box();
  m.positions[4] = Number.NaN;
  assert.throws(
    () => analyzeMeshTopology(new Float32Array(m.positions), new Uint32Array(m.indices)),
    /vertex 1 has a non-finite coordinate/,
  );
});

test('geometry far from the rest does not make the self-intersection search quadratic', {
  timeout: 60_000,
}, async () => {
  // 40 000 triangles plus one kilometres away: the grid must not collapse the bulk into one cell.
  const t = torus(200, 100);
  const n = t.positions.length / 3;
  t.positions.push(1e6, 0, 0, 1e6 + 1, 0, 0, 1e6, 1, 0);
  t.indices.push(n, n + 1, n + 2);
  // And a fan of long faces out to a stray vertex.
  t.positions.push(-5e4, 3e4, 2e4);
  t.indices.push(0, 1, n + 3, 1, 2, n + 3);
  const start = performance.now();
  const r = analyzeMeshTopology(new Float32Array(t.positions), new Uint32Array(t.indices));
  const ms = performance.now() - start;
  assert.equal(r.faceCount, 40_003);
  assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  // The torus with its fan, and the far triangle.
  const m = await new QualityAssessor({ validate: false }).assessAsset(toAsset(t));
  assert.equal(m.facts.components, 2);
  // Two far objects: both halves are searched at their own fine resolution.
  const pair = torus(150, 75);
  const k = pair.positions.length / 3;
  pair.positions.push(...pair.positions.map((v, i) => (i % 3 === 0 ? v + 5e3 : v)));
  pair.indices.push(...pair.indices.map((i) => i + k));
  const s2 = performance.now();
  const r2 = analyzeMeshTopology(new Float32Array(pair.positions), new Uint32Array(pair.indices));
  assert.equal(r2.isSelfIntersecting, false);
  assert.ok(performance.now() - s2 < 5000);
});
