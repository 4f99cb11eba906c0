/**
 * The native FBX writer on its own (no Blender needed): container layout, a decode round trip of
 * every property type, the scene it lays out, options, determinism and edge cases.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeFbx, encodeFbx, exportAsset, listFormats, saveAsset, writeFbx } from '../src/index.js';
import type { FbxNode, FbxProperty } from '../src/io/fbx/binary.js';
import { fbxChild } from '../src/io/fbx/decode.js';
import { linearToSrgb } from '../src/io/fbx/geometry.js';
import { roughnessToShininess } from '../src/io/fbx/material.js';
import {
  emptyPartAsset,
  gridAsset,
  NON_ASCII,
  nonAsciiAsset,
  oneTriangleAsset,
} from './helpers/fbx-fixtures.js';
import { checkerPng, emptyAsset, TWO_PART, twoPartAsset } from './helpers/fixtures.js';

const text = (p: FbxProperty | undefined) =>
  p && (p.type === 'S' || p.type === 'R')
    ? Buffer.from(p.value as string | Uint8Array).toString('utf8')
    : undefined;

/** `name\0\x01Class` → `name`. */
const objectName = (n: FbxNode) => text(n.props[1])?.split('\u0000\u0001')[0];

function objects(records: FbxNode[], cls: string): FbxNode[] {
  return records.find((r) => r.name === 'Objects')?.children.filter((c) => c.name === cls) ?? [];
}

function connections(records: FbxNode[]): [string, bigint, bigint, string | undefined][] {
  return (records.find((r) => r.name === 'Connections')?.children ?? []).map((c) => [
    text(c.props[0]) ?? '',
    c.props[1].value as bigint,
    c.props[2].value as bigint,
    text(c.props[3]),
  ]);
}

/** Properties70 of a record as name → values. */
function props70(n: FbxNode): Map<string, unknown[]> {
  const p = fbxChild(n, 'Properties70');
  return new Map(
    (p?.children ?? []).map((c) => [text(c.props[0]) ?? '', c.props.slice(4).map((v) => v.value)]),
  );
}

function arrayOf(n: FbxNode | undefined, child: string): Int32Array | Float32Array | Float64Array {
  const v = n && fbxChild(n, child)?.props[0];
  if (!v || (v.type !== 'i' && v.type !== 'd' && v.type !== 'f')) throw new Error(`no ${child} array`);
  return v.value;
}

describe('FBX container', () => {
  it('writes the Kaydara header, 7400, and a 16-byte aligned footer', async () => {
    const bytes = await encodeFbx([{ name: 'Creator', props: [{ type: 'S', value: 'test' }], children: [] }]);
    const buf = Buffer.from(bytes);
    assert.equal(buf.toString('latin1', 0, 21), 'Kaydara FBX Binary  \u0000');
    assert.equal(buf.readUInt32LE(23), 7400);
    // The footer's version sits on a 16-byte boundary, followed by 120 zeros and a 16-byte magic.
    const versionAt = buf.length - 16 - 120 - 4;
    assert.equal(versionAt % 16, 0);
    assert.equal(buf.readUInt32LE(versionAt), 7400);
    assert.equal(buf.subarray(-16).toString('hex'), 'f85a8c6adef5d97eece90ce3758f290b');
  });

  it('round-trips every property type, compressing only large arrays', async () => {
    const big = Float64Array.from({ length: 1000 }, (_, i) => (i % 7) / 4);
    const record: FbxNode = {
      name: 'Everything',
      props: [
        { type: 'C', value: true },
        { type: 'Y', value: -12 },
        { type: 'I', value: -123456 },
        { type: 'L', value: 9007199254740993n },
        { type: 'F', value: 1.5 },
        { type: 'D', value: Math.PI },
        { type: 'S', value: 'héllo' },
        { type: 'R', value: new Uint8Array([0, 1, 2, 255]) },
        { type: 'i', value: new Int32Array([1, -2, 3]) },
        { type: 'l', value: new BigInt64Array([1n, -2n]) },
        { type: 'f', value: new Float32Array([0.5, 0.25]) },
        { type: 'd', value: big },
        { type: 'b', value: new Uint8Array([1, 0, 1]) },
        { type: 'c', value: new Uint8Array([7, 8]) },
      ],
      children: [
        { name: 'Empty', props: [], children: [] },
        { name: 'Child', props: [{ type: 'I', value: 1 }], children: [] },
      ],
    };
    const bytes = await encodeFbx([record, { name: 'Last', props: [], children: [] }]);
    const { version, records } = decodeFbx(bytes);
    assert.equal(version, 7400);
    assert.deepEqual(
      records.map((r) => r.name),
      ['Everything', 'Last'],
    );
    const got = records[0];
    assert.deepEqual(
      got.props.map((p) => p.type),
      record.props.map((p) => p.type),
    );
    assert.equal(got.props[0].value, true);
    assert.equal(got.props[1].value, -12);
    assert.equal(got.props[2].value, -123456);
    assert.equal(got.props[3].value, 9007199254740993n);
    assert.equal(got.props[4].value, 1.5);
    assert.equal(got.props[5].value, Math.PI);
    assert.equal(got.props[6].value, 'héllo');
    assert.deepEqual([...(got.props[7].value as Uint8Array)], [0, 1, 2, 255]);
    assert.deepEqual([...(got.props[8].value as Int32Array)], [1, -2, 3]);
    assert.deepEqual([...(got.props[9].value as BigInt64Array)], [1n, -2n]);
    assert.deepEqual([...(got.props[11].value as Float64Array)], [...big]);
    assert.deepEqual(
      got.children.map((c) => c.name),
      ['Empty', 'Child'],
    );
    // The 8000-byte array is deflated: the file is far smaller than the raw doubles.
    assert.ok(bytes.length < 8000, `${bytes.length} bytes`);
  });

  it('rejects FBX versions it cannot address', async () => {
    await assert.rejects(encodeFbx([], { version: 7500 }), /7500 is not supported/);
  });
});

describe('FBX scene from an asset', async () => {
  const asset = await twoPartAsset();
  const { main, sidecars } = await writeFbx(asset, { baseName: 'two' });
  const { records } = decodeFbx(main);

  it('declares Y up, Z front, right-handed, metres (UnitScaleFactor 100)', () => {
    const settings = props70(records.find((r) => r.name === 'GlobalSettings')!);
    assert.deepEqual(settings.get('UpAxis'), [1]);
    assert.deepEqual(settings.get('UpAxisSign'), [1]);
    assert.deepEqual(settings.get('FrontAxis'), [2]);
    assert.deepEqual(settings.get('CoordAxis'), [0]);
    assert.deepEqual(settings.get('UnitScaleFactor'), [100]);
  });

  it('writes every part as its own Model with its own Geometry and Material', () => {
    const models = objects(records, 'Model');
    const geometries = objects(records, 'Geometry');
    assert.deepEqual(models.map(objectName), TWO_PART.parts);
    assert.deepEqual(geometries.map(objectName), TWO_PART.parts);
    const byId = new Map(
      [...models, ...geometries, ...objects(records, 'Material')].map((n) => [n.props[0].value, n]),
    );
    const links = connections(records);
    for (const model of models) {
      const id = model.props[0].value;
      const children = links
        .filter(([, , parent]) => parent === id)
        .map(([, child]) => byId.get(child)?.name);
      assert.deepEqual(children.sort(), ['Geometry', 'Material'], `${objectName(model)} children`);
      assert.ok(links.some(([kind, child, parent]) => kind === 'OO' && child === id && parent === 0n));
    }
    // Every connection joins objects that exist (0 is the scene root).
    const ids = new Set(
      (records.find((r) => r.name === 'Objects')?.children ?? []).map((n) => n.props[0].value as bigint),
    );
    for (const [, child, parent] of links) {
      assert.ok(ids.has(child), `child ${child}`);
      assert.ok(parent === 0n || ids.has(parent), `parent ${parent}`);
    }
  });

  it('writes positions in metres, closing every triangle with a negative index', () => {
    const cube = objects(records, 'Geometry')[0];
    const vertices = arrayOf(cube, 'Vertices');
    const polygons = arrayOf(cube, 'PolygonVertexIndex');
    assert.equal(vertices.length, TWO_PART.vertices[0] * 3);
    assert.equal(polygons.length, TWO_PART.triangles[0] * 3);
    assert.deepEqual([...vertices].slice(0, 3), [...asset.parts[0].mesh.positions.slice(0, 3)]);
    for (let i = 0; i < polygons.length; i++) assert.equal(polygons[i] < 0, i % 3 === 2);
    assert.equal(~polygons[2], asset.parts[0].mesh.indices[2]);
  });

  it('writes normals per vertex, UVs flipped to a bottom-left origin, colours as sRGB', () => {
    const [cube, prism] = objects(records, 'Geometry');
    const normals = fbxChild(cube, 'LayerElementNormal')!;
    assert.equal(text(fbxChild(normals, 'MappingInformationType')?.props[0]), 'ByVertice');
    assert.equal(arrayOf(normals, 'Normals').length, TWO_PART.vertices[0] * 3);
    const uv = fbxChild(cube, 'LayerElementUV')!;
    const uvs = arrayOf(uv, 'UV');
    assert.equal(uvs[1], 1 - asset.parts[0].mesh.uvs[1]);
    assert.deepEqual([...arrayOf(uv, 'UVIndex')], [...asset.parts[0].mesh.indices]);
    assert.equal(fbxChild(cube, 'LayerElementColor'), undefined, 'the cube has no vertex colours');
    const colors = arrayOf(fbxChild(prism, 'LayerElementColor'), 'Colors');
    const src = asset.parts[1].mesh.colors!;
    assert.equal(colors.length, (src.length / 3) * 4);
    assert.ok(Math.abs(colors[0] - linearToSrgb(src[0])) < 1e-12);
    assert.equal(colors[3], 1);
  });

  it('writes Phong properties Blender and Assimp map back to PBR values', () => {
    const [wood, metal] = objects(records, 'Material');
    assert.deepEqual(objects(records, 'Material').map(objectName), ['Painted Wood', 'Brushed Metal']);
    const w = props70(wood);
    assert.deepEqual(w.get('DiffuseColor'), asset.parts[0].material.baseColor.slice(0, 3));
    assert.deepEqual(w.get('ShininessExponent'), [roughnessToShininess(0.6)]);
    assert.deepEqual(w.get('ReflectionFactor'), [0]);
    const m = props70(metal);
    assert.deepEqual(m.get('ReflectionFactor'), [1]);
    assert.deepEqual(m.get('Opacity'), [0.5]);
    assert.deepEqual(m.get('TransparencyFactor'), [0.5]);
    // Blender reads roughness as 1 − √shininess / 10.
    assert.ok(Math.abs(1 - Math.sqrt(m.get('Shininess')![0] as number) / 10 - 0.3) < 1e-12);
  });

  it('embeds textures by default, wired to the material’s DiffuseColor', async () => {
    assert.equal(sidecars.length, 0);
    const [video] = objects(records, 'Video');
    const content = fbxChild(video, 'Content')?.props[0].value as Uint8Array;
    assert.deepEqual(Buffer.from(content), Buffer.from(await checkerPng()));
    const [texture] = objects(records, 'Texture');
    const link = connections(records).find(([kind]) => kind === 'OP');
    assert.deepEqual(link?.slice(1), [
      texture.props[0].value,
      objects(records, 'Material')[0].props[0].value,
      'DiffuseColor',
    ]);
    assert.equal(text(fbxChild(texture, 'RelativeFilename')?.props[0]), 'two_wood_checker.png');
  });

  it('writes textures beside the file when asked', async () => {
    const beside = await writeFbx(asset, { baseName: 'two', textures: 'beside' });
    assert.deepEqual(
      beside.sidecars.map((s) => s.name),
      ['two_wood_checker.png'],
    );
    assert.deepEqual(Buffer.from(beside.sidecars[0].data), Buffer.from(await checkerPng()));
    const [video] = objects(decodeFbx(beside.main).records, 'Video');
    assert.equal(fbxChild(video, 'Content'), undefined);
  });

  it('is reproducible byte for byte', async () => {
    const again = await writeFbx(await twoPartAsset(), { baseName: 'two' });
    assert.deepEqual(Buffer.from(again.main), Buffer.from(main));
  });

  it('stores arrays raw with compressionLevel 0', async () => {
    const raw = await writeFbx(asset, { baseName: 'two', compressionLevel: 0 });
    assert.ok(raw.main.length > main.length);
    assert.deepEqual(
      arrayOf(objects(decodeFbx(raw.main).records, 'Geometry')[0], 'Vertices'),
      arrayOf(objects(records, 'Geometry')[0], 'Vertices'),
    );
    await assert.rejects(writeFbx(asset, { compressionLevel: 12 }), /compressionLevel/);
  });
});

describe('FBX writer edge cases', () => {
  it('writes an asset with no parts', async () => {
    const { records } = decodeFbx((await writeFbx(emptyAsset())).main);
    assert.equal(objects(records, 'Model').length, 0);
    assert.ok(records.some((r) => r.name === 'GlobalSettings'));
  });

  it('keeps an empty part as a model with empty geometry', async () => {
    const { records } = decodeFbx((await writeFbx(emptyPartAsset())).main);
    assert.deepEqual(objects(records, 'Model').map(objectName), ['nothing', 'tri']);
    const empty = objects(records, 'Geometry')[0];
    assert.equal(arrayOf(empty, 'Vertices').length, 0);
    assert.equal(arrayOf(empty, 'PolygonVertexIndex').length, 0);
  });

  it('writes a single triangle', async () => {
    const { records } = decodeFbx((await writeFbx(oneTriangleAsset())).main);
    assert.deepEqual([...arrayOf(objects(records, 'Geometry')[0], 'PolygonVertexIndex')], [0, 1, ~2]);
  });

  it('keeps non-ASCII names and groups parts under their object', async () => {
    const { records } = decodeFbx((await writeFbx(nonAsciiAsset())).main);
    const models = objects(records, 'Model');
    assert.deepEqual(models.map(objectName), [NON_ASCII.object, ...NON_ASCII.parts]);
    assert.equal(text(models[0].props[2]), 'Null');
    assert.deepEqual(objects(records, 'Material').map(objectName), NON_ASCII.materials);
    const group = models[0].props[0].value;
    const parents = connections(records).filter(([, child]) =>
      models.slice(1).some((m) => m.props[0].value === child),
    );
    assert.ok(parents.every(([, , parent]) => parent === group));
  });

  it('writes a million triangles', async () => {
    const asset = gridAsset(1_000_000);
    const started = performance.now();
    const { main } = await writeFbx(asset);
    const seconds = (performance.now() - started) / 1000;
    const geometry = objects(decodeFbx(main).records, 'Geometry')[0];
    assert.equal(arrayOf(geometry, 'PolygonVertexIndex').length, 3_000_000);
    assert.equal(arrayOf(geometry, 'Vertices').length, asset.parts[0].mesh.positions.length);
    // A loose bound: the benchmark tracks the real target (≤ 1.5 s); this only catches blow-ups.
    assert.ok(seconds < 15, `${seconds.toFixed(2)} s`);
  });
});

describe('FBX in the format registry', () => {
  it('is registered for .fbx and .blend', () => {
    const formats = listFormats().map((f) => f.format);
    assert.ok(formats.includes('fbx'));
    assert.ok(formats.includes('blend'));
  });

  it('passes fbxTextures through exportAsset and saveAsset', async () => {
    const asset = await twoPartAsset();
    const out = await exportAsset(asset, 'fbx', 'chair', { fbxTextures: 'beside' });
    assert.deepEqual(
      out.sidecars.map((s) => s.name),
      ['chair_wood_checker.png'],
    );
    const dir = await mkdtemp(join(tmpdir(), 'fbx-test-'));
    try {
      const path = await saveAsset(asset, join(dir, 'chair.fbx'), undefined, { fbxTextures: 'beside' });
      assert.deepEqual((await readdir(dir)).sort(), ['chair.fbx', 'chair_wood_checker.png']);
      assert.equal(decodeFbx(await readFile(path)).version, 7400);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
