/**
 * The large edge case on its own (so it runs beside the other test files): a million-triangle part
 * written by the native FBX writer, then read by `assimp info` and imported by Blender.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { saveAsset } from '../src/index.js';
import {
  assimpInfo,
  compareImport,
  inspectInBlender,
  SKIP_WITHOUT_ASSIMP,
  SKIP_WITHOUT_BLENDER,
} from './helpers/blender.js';
import { gridAsset } from './helpers/fbx-fixtures.js';

const TRIANGLES = 1_000_000;
const asset = gridAsset(TRIANGLES, true);
let dir: string;
let fbx: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fbx-million-'));
  fbx = await saveAsset(asset, join(dir, 'million.fbx'));
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a million triangles in FBX', () => {
  it('assimp reads every triangle', { skip: SKIP_WITHOUT_ASSIMP }, async () => {
    const info = await assimpInfo(fbx);
    assert.equal(info.meshes, 1);
    assert.equal(info.faces, TRIANGLES);
  });

  it('Blender imports every vertex and triangle within 1 mm', { skip: SKIP_WITHOUT_BLENDER }, async () => {
    const stats = await inspectInBlender([fbx]);
    assert.deepEqual(compareImport(asset, stats.get(fbx), undefined, { materialValues: true }), []);
  });
});
