import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Asset } from '../src/asset/asset.js';
import { FileFormatError } from '../src/errors.js';
import { listFormats, registerFormat, resolveFormat, saveAsset } from '../src/io/index.js';
import { twoPartAsset } from './helpers/fixtures.js';
import { listDir, tempDir } from './helpers/temp-dir.js';

const FORMATS = ['glb', 'obj', 'ply', 'stl'];

function isFileFormatError(pattern: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof FileFormatError, `expected a FileFormatError, got ${err}`);
    assert.equal(err.code, 'FILE_FORMAT');
    assert.match(err.message, pattern);
    return true;
  };
}

test('registry: the four mesh formats are registered with a MIME type and a description', () => {
  const formats = listFormats();
  for (const id of FORMATS) {
    const w = formats.find((f) => f.format === id);
    assert.ok(w, `${id} is registered`);
    assert.deepEqual(w.extensions, [id]);
    assert.match(w.mimeType, /^[a-z]+\/[a-z0-9.+-]+$/);
    assert.ok(w.description.length > 10);
  }
});

test('registry: the format comes from the extension or from `format`, any case, dot or not', () => {
  assert.equal(resolveFormat('out/chair.OBJ').format, 'obj');
  assert.equal(resolveFormat('/tmp/a.b/chair.Glb').format, 'glb');
  assert.equal(resolveFormat('chair.stl').format, 'stl');
  assert.equal(resolveFormat('chair', 'PLY').format, 'ply');
  assert.equal(resolveFormat('chair', '.stl').format, 'stl');
  assert.equal(resolveFormat('chair', '.GLB').format, 'glb');
  assert.equal(resolveFormat('chair.obj', 'stl').format, 'stl', 'an explicit format wins over the extension');
});

test('registry: an explicit format decides what saveAsset writes, whatever the file is called', async (t) => {
  const dir = await tempDir(t);
  const asset = await twoPartAsset();
  await saveAsset(asset, join(dir, 'model'), '.STL');
  await saveAsset(asset, join(dir, 'scene.bin'), 'GLB');
  assert.deepEqual(await listDir(dir), ['model', 'scene.bin']);
  const stl = await readFile(join(dir, 'model'));
  assert.equal(stl.length, 84 + 50 * 20);
  const glb = await readFile(join(dir, 'scene.bin'));
  assert.equal(glb.subarray(0, 4).toString('latin1'), 'glTF');
});

test('registry: an unknown format or no format at all is a FileFormatError naming the supported ones', async (t) => {
  const dir = await tempDir(t);
  const supported = new RegExp(`Supported formats: .*${FORMATS.join('.*')}`);
  assert.throws(() => resolveFormat('chair.xyz'), isFileFormatError(/Unsupported format "xyz"/));
  assert.throws(() => resolveFormat('chair.xyz'), isFileFormatError(supported));
  assert.throws(() => resolveFormat('chair.glb', 'fbx2'), isFileFormatError(/"fbx2"/));
  assert.throws(
    () => resolveFormat('chair'),
    isFileFormatError(/give a file extension or a format \(glb, obj/),
  );

  const asset = await twoPartAsset();
  await assert.rejects(saveAsset(asset, join(dir, 'chair.xyz')), isFileFormatError(supported));
  await assert.rejects(saveAsset(asset, join(dir, 'chair')), isFileFormatError(/Cannot tell the format/));
  assert.deepEqual(await listDir(dir), [], 'nothing written');
});

test('registry: a writer that throws leaves no file and no temporary file', async (t) => {
  registerFormat({
    format: 'boom',
    extensions: ['boom'],
    mimeType: 'application/octet-stream',
    description: 'always fails',
    async write() {
      throw new Error('kaboom');
    },
  });
  const dir = await tempDir(t);
  await assert.rejects(
    saveAsset(await twoPartAsset(), join(dir, 'x.boom')),
    isFileFormatError(/boom.*kaboom/),
  );
  assert.deepEqual(await listDir(dir), []);
});

test('registry: a write that fails halfway removes the temporary files it already wrote', async (t) => {
  registerFormat({
    format: 'halfway',
    extensions: ['halfway'],
    mimeType: 'application/octet-stream',
    description: 'second sidecar cannot be written',
    async write() {
      const data = new Uint8Array([1, 2, 3]);
      return {
        main: data,
        sidecars: [
          { name: 'first.txt', data },
          { name: 'no/such/folder.txt', data },
        ],
      };
    },
  });
  const dir = await tempDir(t);
  await assert.rejects(
    saveAsset(await twoPartAsset(), join(dir, 'x.halfway')),
    isFileFormatError(/Could not write/),
  );
  assert.deepEqual(await listDir(dir), []);
});

test('registry: a main file that cannot be renamed into place leaves no temporary file', async (t) => {
  const dir = await tempDir(t);
  await mkdir(join(dir, 'taken.glb', 'inside'), { recursive: true });
  await assert.rejects(
    saveAsset(await twoPartAsset(), join(dir, 'taken.glb')),
    isFileFormatError(/Could not write/),
  );
  assert.deepEqual(await listDir(dir), ['taken.glb']);
  assert.deepEqual(await listDir(join(dir, 'taken.glb')), ['inside']);
});

test('registry: an OBJ whose main file cannot be renamed leaves no sidecars either', async (t) => {
  const dir = await tempDir(t);
  await mkdir(join(dir, 'taken.obj', 'inside'), { recursive: true });
  await assert.rejects(saveAsset(await twoPartAsset(), join(dir, 'taken.obj')), FileFormatError);
  assert.deepEqual(await listDir(dir), ['taken.obj']);
});

test('registry: writing below a regular file fails with FileFormatError and writes nothing', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'blocker'), 'keep me');
  for (const format of FORMATS) {
    await assert.rejects(
      saveAsset(await twoPartAsset(), join(dir, 'blocker', `model.${format}`)),
      isFileFormatError(/Could not write/),
    );
  }
  assert.deepEqual(await listDir(dir), ['blocker']);
  assert.equal(await readFile(join(dir, 'blocker'), 'utf8'), 'keep me');
});

test('registry: the same asset gives identical bytes in every format, sidecars included', async (t) => {
  const [a, b] = [await tempDir(t), await tempDir(t)];
  for (const format of FORMATS) {
    // Fresh fixture objects each time, so nothing but the content can make the bytes agree.
    await saveAsset(await twoPartAsset(), join(a, `pair.${format}`));
    await saveAsset(await twoPartAsset(), join(b, `pair.${format}`));
  }
  const files = await listDir(a);
  assert.deepEqual(files, [
    'pair.glb',
    'pair.mtl',
    'pair.obj',
    'pair.ply',
    'pair.stl',
    'pair_Painted_Wood.png',
  ]);
  assert.deepEqual(await listDir(b), files);
  for (const f of files) {
    const [x, y] = [await readFile(join(a, f)), await readFile(join(b, f))];
    assert.ok(x.length > 0, `${f} is not empty`);
    assert.ok(x.equals(y), `${f} differs between two exports`);
  }
});

test('registry: an invalid asset is refused with a clear error before anything is written', async (t) => {
  const dir = await tempDir(t);
  const broken: [string, (asset: Asset) => void, RegExp][] = [
    [
      'index out of range',
      (asset) => asset.parts[0].mesh.indices.fill(99, 3, 4),
      /"cube" index 99 ≥ 24 vertices/,
    ],
    [
      'NaN position',
      (asset) => (asset.parts[1].mesh.positions[4] = Number.NaN),
      /"tri prism" has a non-finite position/,
    ],
  ];
  for (const [what, breakIt, message] of broken) {
    for (const format of FORMATS) {
      const asset = await twoPartAsset();
      breakIt(asset);
      await assert.rejects(saveAsset(asset, join(dir, `bad.${format}`)), message, `${what} as ${format}`);
    }
  }
  assert.deepEqual(await listDir(dir), []);
});
