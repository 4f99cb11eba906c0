/**
 * .blend export through Blender automation: the clear errors when Blender is missing, misconfigured,
 * failing, crashing or too slow (with fake `blender` executables, so they run everywhere), that
 * nothing half-written is left behind, and, with the real Blender, every family and fixture saved
 * as .blend and reopened with the same contents as its GLB.
 */
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileFormatError, resetConfig, saveAsset } from '../src/index.js';
import { createBlendWriter, exportWithBlender } from '../src/io/blend.js';
import { runBlenderScript, withTempDir } from '../src/io/blender.js';
import { CONVERT_SCRIPT } from '../src/io/blender-scripts/convert.js';
import {
  BLEND_CASE_NAMES,
  BLEND_FAMILY_PROMPTS,
  BLENDER,
  type BlenderFileStats,
  compareImport,
  type ExportCase,
  exportCases,
  inspectInBlender,
  SKIP_WITHOUT_BLENDER,
} from './helpers/blender.js';
import { oneTriangleAsset } from './helpers/fbx-fixtures.js';

let root: string;
/** Where `os.tmpdir()` points during this file, so leftovers of the Blender runner are visible. */
let privateTmp: string;
const savedEnv = { ...process.env };

/** Puts `process.env` back to a snapshot key by key (replacing the object would lose its coercion). */
function restoreEnv(snapshot: NodeJS.ProcessEnv): void {
  for (const k of Object.keys(process.env)) if (!(k in snapshot)) delete process.env[k];
  Object.assign(process.env, snapshot);
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'blend-export-'));
  privateTmp = join(root, 'tmp');
  await mkdir(privateTmp);
  process.env.TMPDIR = privateTmp;
});

after(async () => {
  restoreEnv(savedEnv);
  resetConfig();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Runs `fn` with some environment variables changed, then puts them (and the config) back. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const before = { ...process.env };
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
  try {
    return await fn();
  } finally {
    restoreEnv(before);
    resetConfig();
  }
}

/** A stand-in `blender`: a shell script with the given body. */
async function fakeBlender(name: string, body: string): Promise<string> {
  const path = join(root, `${name}.sh`);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

/** Saves to a fresh folder and returns the error, checking that neither the folder nor the temp dir has leftovers. */
async function saveFails(save: (target: string) => Promise<unknown>): Promise<FileFormatError> {
  const out = await mkdtemp(join(root, 'out-'));
  const err = await save(join(out, 'chair.blend')).then(
    () => assert.fail('the save should have failed'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof FileFormatError, `FileFormatError expected, got ${err}`);
  assert.deepEqual(await readdir(out), [], 'nothing is written to the target folder');
  assert.deepEqual(await readdir(privateTmp), [], 'the Blender temp folder is removed');
  return err;
}

describe('.blend export errors', () => {
  it('without Blender, says Blender is needed and how to install it', async () => {
    const err = await withEnv({ PATH: join(root, 'no-such-dir'), DREAM_CAD_BLENDER: undefined }, () =>
      saveFails((target) => saveAsset(oneTriangleAsset(), target)),
    );
    assert.match(err.message, /needs Blender/);
    assert.match(err.message, /apt-get install blender/);
    assert.match(err.message, /DREAM_CAD_BLENDER/);
  });

  it('names DREAM_CAD_BLENDER when it points at nothing runnable', async () => {
    const missing = join(root, 'missing-blender');
    const err = await withEnv({ DREAM_CAD_BLENDER: missing }, () =>
      saveFails((target) => saveAsset(oneTriangleAsset(), target)),
    );
    assert.match(err.message, /DREAM_CAD_BLENDER/);
    assert.ok(err.message.includes(missing));
  });

  it('says FBX through Blender needs Blender too', async () => {
    await withEnv({ PATH: join(root, 'no-such-dir'), DREAM_CAD_BLENDER: undefined }, () =>
      assert.rejects(
        saveAsset(oneTriangleAsset(), join(root, 'x.fbx'), undefined, { fbxWriter: 'blender' }),
        /Exporting FBX through Blender \(fbxWriter: "blender"\) needs Blender/,
      ),
    );
  });

  it('reports the script’s error line when Blender fails', async () => {
    const blender = await fakeBlender(
      'failing',
      'echo "Traceback (most recent call last):" >&2\necho "DREAM_CAD_ERROR: RuntimeError: the GLB is broken" >&2\nexit 1',
    );
    const writer = createBlendWriter({ blenderPath: blender });
    const err = await saveFails(async (target) => {
      const { main } = await writer.write(oneTriangleAsset(), { baseName: 'chair' });
      await writeFile(target, main);
    });
    assert.equal(err.message, 'Blender failed (exit code 1): RuntimeError: the GLB is broken');
  });

  it('reports a crash', async () => {
    const blender = await fakeBlender('crashing', 'kill -SEGV $$');
    const err = await saveFails(() =>
      exportWithBlender(oneTriangleAsset(), 'blend', { blenderPath: blender }),
    );
    assert.match(err.message, /Blender crashed \(SIGSEGV\)/);
  });

  it('stops Blender at DREAM_CAD_BLENDER_TIMEOUT and leaves nothing behind', async () => {
    const blender = await fakeBlender('hanging', 'exec sleep 30');
    const started = performance.now();
    const err = await withEnv({ DREAM_CAD_BLENDER: blender, DREAM_CAD_BLENDER_TIMEOUT: '1' }, () =>
      saveFails((target) => saveAsset(oneTriangleAsset(), target)),
    );
    assert.match(err.message, /did not finish within 1 s/);
    assert.ok(performance.now() - started < 10_000, 'the time limit cut it short');
  });

  it('rejects a run that succeeds without writing the file', async () => {
    const blender = await fakeBlender('lazy', 'exit 0');
    const err = await saveFails(() =>
      exportWithBlender(oneTriangleAsset(), 'blend', { blenderPath: blender }),
    );
    assert.match(err.message, /wrote no blend file/);
  });

  it('turns a real Blender failure into a clean error', { skip: SKIP_WITHOUT_BLENDER }, async () => {
    await withTempDir(async (dir) => {
      const broken = join(dir, 'broken.glb');
      await writeFile(broken, 'not a glb');
      await assert.rejects(
        runBlenderScript(BLENDER!, CONVERT_SCRIPT, ['blend', broken, join(dir, 'out.blend')], { cwd: dir }),
        (err: Error) =>
          err instanceof FileFormatError && /^Blender failed \(exit code 1\): .*glTF/.test(err.message),
      );
    });
  });
});

describe('.blend files reopened by Blender', { skip: SKIP_WITHOUT_BLENDER }, () => {
  const written = new Map<string, ExportCase & { blend: string; glb: string }>();
  let stats: Map<string, BlenderFileStats>;

  before(async () => {
    const dir = await mkdtemp(join(root, 'blend-'));
    const queue = (await exportCases(BLEND_FAMILY_PROMPTS)).map((c, i) => ({ ...c, i }));
    // Two Blender conversions at a time: one per core.
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const drawable = { ...c.asset, parts: c.asset.parts.filter((p) => p.mesh.indices.length > 0) };
        const blend = await saveAsset(c.asset, join(dir, `case-${c.i}.blend`));
        const glb = await saveAsset(drawable, join(dir, `case-${c.i}.glb`));
        written.set(c.name, { ...c, blend, glb });
      }
    };
    await Promise.all([worker(), worker()]);
    stats = await inspectInBlender([...written.values()].flatMap((w) => [w.blend, w.glb]));
  });

  for (const name of BLEND_CASE_NAMES) {
    it(`${name}: same objects, counts, materials, textures and bounds as the GLB`, () => {
      const w = written.get(name);
      assert.ok(w, 'case was converted');
      const blend = stats.get(w.blend);
      const glb = stats.get(w.glb);
      assert.equal(glb?.error, undefined);
      // Empty parts have no place in a GLB, so they are not in the .blend either.
      const drawable = { ...w.asset, parts: w.asset.parts.filter((p) => p.mesh.indices.length > 0) };
      assert.deepEqual(compareImport(drawable, blend, glb, { materialValues: false }), []);
      const byName = (s: BlenderFileStats | undefined) =>
        [...(s?.materials ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
      assert.deepEqual(byName(blend), byName(glb), 'materials as the glTF importer made them');
      assert.ok(
        (blend?.materials ?? []).every((m) => (m.images ?? []).every((i) => i.packed)),
        'textures are packed into the .blend',
      );
    });
  }
});
