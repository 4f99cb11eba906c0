/**
 * The FBX reader: our own exports of engine assets and fixtures read back exactly; files written by
 * Blender's FBX exporter and by `assimp export` read with the counts and bounds those tools report;
 * hand-built records exercise every layer mapping and transform; broken files fail clearly.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type Asset, assetBounds } from '../src/asset/asset.js';
import { FileFormatError } from '../src/errors.js';
import { saveAsset } from '../src/index.js';
import { encodeFbx, type FbxNode, type FbxProperty } from '../src/io/fbx/index.js';
import { nameClass } from '../src/io/fbx/nodes.js';
import { readFbx, readMeshFile } from '../src/io/read/index.js';
import { QualityAssessor } from '../src/quality/index.js';
import { BLENDER, exportCases, SKIP_WITHOUT_ASSIMP, SKIP_WITHOUT_BLENDER } from './helpers/blender.js';
import { assimpExport, blenderFbxCases } from './helpers/fbx-third-party.js';

const dir = mkdtempSync(join(tmpdir(), 'dream-cad-fbx-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const assessor = new QualityAssessor({ validate: false });

const drawable = (asset: Asset) => asset.parts.filter((p) => p.mesh.indices.length > 0);
const triangles = (asset: Asset) => asset.parts.reduce((n, p) => n + p.mesh.indices.length / 3, 0);
const vertices = (asset: Asset) => asset.parts.reduce((n, p) => n + p.mesh.positions.length / 3, 0);

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

function assertNear(actual: readonly number[], expected: readonly number[], tolerance: number, what: string) {
  const d = maxDiff(actual, expected);
  assert.ok(d <= tolerance, `${what}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)} (Δ ${d})`);
}

test('our own FBX exports of engine assets and fixtures read back with the asset’s counts, bounds and data', async () => {
  const cases = await exportCases();
  for (const [i, c] of cases.entries()) {
    // Textures once embedded, once as PNGs beside the file.
    const path = await saveAsset(c.asset, join(dir, `ours-${i}.fbx`), undefined, {
      fbxTextures: i % 2 ? 'beside' : 'embed',
    });
    const { asset, warnings, format } = await readMeshFile(path);
    const what = `${c.name}`;
    assert.equal(format, 'fbx');
    assert.deepEqual(warnings, [], what);
    const expected = drawable(c.asset);
    assert.deepEqual(
      asset.parts.map((p) => [p.name, p.object]),
      expected.map((p) => [p.name, p.object]),
      `${what}: parts`,
    );
    assert.equal(triangles(asset), triangles(c.asset), `${what}: triangles`);
    assert.equal(vertices(asset), vertices({ ...c.asset, parts: expected }), `${what}: vertices`);
    // Positions go through doubles and back: bit-exact, so the bounds are equal, not close.
    assert.deepEqual(assetBounds(asset), assetBounds(c.asset), `${what}: bounds`);
    for (const [k, part] of asset.parts.entries()) {
      const src = expected[k];
      const where = `${what} / ${part.name}`;
      assert.deepEqual([...part.mesh.indices], [...src.mesh.indices], `${where}: indices`);
      assert.equal(maxDiff(part.mesh.positions, src.mesh.positions), 0, `${where}: positions`);
      assert.ok(maxDiff(part.mesh.normals, src.mesh.normals) < 1e-6, `${where}: normals`);
      assert.ok(maxDiff(part.mesh.uvs, src.mesh.uvs) < 1e-6, `${where}: UVs`);
      assert.equal(!!part.mesh.colors, !!src.mesh.colors, `${where}: vertex colours`);
      if (src.mesh.colors) assert.ok(maxDiff(part.mesh.colors!, src.mesh.colors) < 1e-5, `${where}: colours`);
      const m = part.material;
      const s = src.material;
      assert.equal(m.name, s.name);
      assertNear(m.baseColor, s.baseColor, 1e-6, `${where}: base colour`);
      assert.ok(Math.abs(m.metallic - s.metallic) < 1e-6, `${where}: metallic`);
      assert.ok(Math.abs(m.roughness - s.roughness) < 1e-6, `${where}: roughness`);
      assert.equal(!!m.baseColorTexture, !!s.baseColorTexture, `${where}: texture`);
      if (s.baseColorTexture) {
        assert.deepEqual(
          [m.baseColorTexture!.width, m.baseColorTexture!.height],
          [s.baseColorTexture.width, s.baseColorTexture.height],
        );
      }
    }
    if (c.asset.metadata.prompt) assert.equal(asset.metadata.prompt, c.asset.metadata.prompt);
    // And the assessor takes the file directly.
    if (triangles(c.asset) > 0) {
      const m = await assessor.assessMeshFile(path);
      assert.equal(m.format, 'fbx');
      assert.equal(m.faceCount, triangles(c.asset));
      assert.equal(m.vertexCount, vertices({ ...c.asset, parts: expected }));
      assert.deepEqual(
        m.facts.bounds,
        assetBounds({ ...c.asset, parts: expected }),
        `${what}: assessed bounds`,
      );
    } else {
      await assert.rejects(assessor.assessMeshFile(path), /holds no triangles/);
    }
  }
});

test('FBX from Blender’s exporter: counts, bounds and colours equal what Blender reports', {
  skip: SKIP_WITHOUT_BLENDER,
}, async () => {
  const cases = await blenderFbxCases(BLENDER!, dir);
  assert.equal(cases.length, 7);
  for (const c of cases) {
    const { asset, warnings } = await readMeshFile(c.path);
    assert.deepEqual(warnings, [], c.name);
    assert.deepEqual(
      asset.parts.map((p) => p.name),
      c.objects,
      `${c.name}: one part per Blender object, named after it`,
    );
    const m = await assessor.assessMeshFile(c.path);
    assert.equal(m.faceCount, c.triangles, `${c.name}: triangles (n-gons fan-triangulated)`);
    assert.equal(m.facts.weldedVertexCount, c.distinct, `${c.name}: distinct vertices`);
    // Bounds in metres with Y up, whatever the file's axes, unit and object transforms.
    const size = Math.max(...c.max.map((v, k) => v - c.min[k]));
    assertNear(m.facts.bounds.min, c.min, 1e-6 * size, `${c.name}: bounds min`);
    assertNear(m.facts.bounds.max, c.max, 1e-6 * size, `${c.name}: bounds max`);
    if (c.baseColor) assertNear(asset.parts[0].material.baseColor, c.baseColor, 1e-6, `${c.name}: colour`);
  }
  // The child object keeps its parent as its object.
  const { asset } = await readMeshFile(join(dir, 'blender-monkey.fbx'));
  assert.equal(asset.parts.find((p) => p.name === 'Post')?.object, 'Suzanne');
});

test('FBX from `assimp export` (FBX 7.5, 64-bit records): the source’s counts, bounds in the file’s unit', {
  skip: SKIP_WITHOUT_ASSIMP,
}, async () => {
  const fixtures = join(import.meta.dirname, 'fixtures', 'third-party');
  const chair = await saveAsset((await exportCases())[0].asset, join(dir, 'engine-chair.glb'));
  for (const source of [
    join(fixtures, 'suzanne.glb'),
    join(fixtures, 'bunny.ply'),
    join(fixtures, 'node-stl-box_2x3x4.stl'),
    chair,
  ]) {
    const fbx = await assimpExport(source, join(dir, `assimp-${source.split('/').at(-1)}.fbx`));
    const bytes = readFileSync(fbx);
    assert.equal(bytes.readUInt32LE(23), 7500, 'assimp writes FBX 7.5');
    const ours = await assessor.assessMeshFile(fbx);
    const reference = await assessor.assessMeshFile(source);
    assert.equal(ours.faceCount, reference.faceCount, `${source}: triangles`);
    assert.equal(ours.facts.weldedVertexCount, reference.facts.weldedVertexCount, `${source}: vertices`);
    // Assimp keeps the coordinates and declares centimetres (UnitScaleFactor 1): a metre becomes 1 cm.
    const size = Math.max(...reference.facts.bounds.max.map((v, k) => v - reference.facts.bounds.min[k]));
    const scaled = (b: number[]) => b.map((v) => v / 100);
    assertNear(ours.facts.bounds.min, scaled(reference.facts.bounds.min), 1e-6 * size, `${source}: min`);
    assertNear(ours.facts.bounds.max, scaled(reference.facts.bounds.max), 1e-6 * size, `${source}: max`);
    assert.equal(ours.isWatertight, reference.isWatertight, `${source}: watertight`);
  }
});

// ---- hand-built files: every mapping and transform the reader handles ------------------------

const I = (v: number): FbxProperty => ({ type: 'I', value: v });
const L = (v: number): FbxProperty => ({ type: 'L', value: v });
const D = (v: number): FbxProperty => ({ type: 'D', value: v });
const S = (v: string | Uint8Array): FbxProperty => ({ type: 'S', value: v });
const n = (name: string, props: FbxProperty[] = [], children: FbxNode[] = []): FbxNode => ({
  name,
  props,
  children,
});
const P = (name: string, type: string, ...values: FbxProperty[]) =>
  n('P', [S(name), S(type), S(''), S(''), ...values]);
const props70 = (...ps: FbxNode[]) => n('Properties70', [], ps);
const vec = (name: string, x: number, y: number, z: number) => P(name, name, D(x), D(y), D(z));

function layer(
  type: string,
  mapping: string,
  reference: string,
  data: [string, FbxProperty],
  index?: [string, Int32Array],
) {
  return n(
    type,
    [I(0)],
    [
      n('MappingInformationType', [S(mapping)]),
      n('ReferenceInformationType', [S(reference)]),
      n(data[0], [data[1]]),
      ...(index ? [n(index[0], [{ type: 'i', value: index[1] }])] : []),
    ],
  );
}

/**
 * Z up, inches. "Group" (translated 5 up) holds "Plate": a quad, a triangle and a 2-corner edge,
 * per-corner indexed normals, per-vertex UVs, a material per polygon; Plate is translated, rotated
 * 90° about up, scaled 2 and has a geometric translation. "Pivoted" and "Mirrored" instance one
 * triangle: rotated 180° about a pivot, and mirrored in x.
 */
function handBuiltFbx(): FbxNode[] {
  const plate = n(
    'Geometry',
    [L(10), S(nameClass('Plate', 'Geometry')), S('Mesh')],
    [
      n('Vertices', [
        { type: 'd', value: new Float64Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0.5, 0.5, 1]) },
      ]),
      n('PolygonVertexIndex', [{ type: 'i', value: new Int32Array([0, 1, 2, ~3, 0, 1, ~4, 2, ~4]) }]),
      layer(
        'LayerElementNormal',
        'ByPolygonVertex',
        'IndexToDirect',
        ['Normals', { type: 'd', value: new Float64Array([0, 0, 1, 0, -1, 0]) }],
        ['NormalsIndex', new Int32Array([0, 0, 0, 0, 1, 1, 1, 0, 0])],
      ),
      layer('LayerElementUV', 'ByVertice', 'Direct', [
        'UV',
        { type: 'd', value: new Float64Array([0, 0, 1, 0, 1, 1, 0, 1, 0.5, 0.25]) },
      ]),
      layer('LayerElementMaterial', 'ByPolygon', 'IndexToDirect', [
        'Materials',
        { type: 'i', value: new Int32Array([0, 1, 0]) },
      ]),
    ],
  );
  const tri = n(
    'Geometry',
    [L(11), S(nameClass('Tri', 'Geometry')), S('Mesh')],
    [
      n('Vertices', [{ type: 'd', value: new Float64Array([0, 0, 0, 1, 0, 0, 0, 1, 0]) }]),
      n('PolygonVertexIndex', [{ type: 'i', value: new Int32Array([0, 1, ~2]) }]),
      layer('LayerElementNormal', 'AllSame', 'Direct', [
        'Normals',
        { type: 'd', value: new Float64Array([0, 0, 1]) },
      ]),
    ],
  );
  const model = (id: number, name: string, type: string, ...ps: FbxNode[]) =>
    n('Model', [L(id), S(nameClass(name, 'Model')), S(type)], [props70(...ps)]);
  const material = (id: number, name: string, ...ps: FbxNode[]) =>
    n('Material', [L(id), S(nameClass(name, 'Material')), S('')], [props70(...ps)]);
  const oo = (child: number, parent: number) => n('C', [S('OO'), L(child), L(parent)]);
  return [
    n(
      'GlobalSettings',
      [],
      [
        props70(
          P('UpAxis', 'int', I(2)),
          P('UpAxisSign', 'int', I(1)),
          P('FrontAxis', 'int', I(1)),
          P('FrontAxisSign', 'int', I(-1)),
          P('CoordAxis', 'int', I(0)),
          P('CoordAxisSign', 'int', I(1)),
          P('UnitScaleFactor', 'double', D(2.54)),
        ),
      ],
    ),
    n(
      'Objects',
      [],
      [
        plate,
        tri,
        model(20, 'Group', 'Null', vec('Lcl Translation', 0, 0, 5)),
        model(
          21,
          'Plate',
          'Mesh',
          vec('Lcl Translation', 10, 0, 0),
          vec('Lcl Rotation', 0, 0, 90),
          vec('Lcl Scaling', 2, 2, 2),
          vec('GeometricTranslation', 0, 0, 1),
        ),
        model(
          22,
          'Pivoted',
          'Mesh',
          P('RotationActive', 'bool', I(1)),
          vec('RotationPivot', 1, 0, 0),
          vec('Lcl Rotation', 0, 0, 180),
        ),
        model(23, 'Mirrored', 'Mesh', vec('Lcl Scaling', -1, 1, 1)),
        material(30, 'Red', P('DiffuseColor', 'Color', D(1), D(0), D(0)), P('Opacity', 'double', D(0.5))),
        material(
          31,
          'Blue',
          P('DiffuseColor', 'Color', D(0), D(0), D(1)),
          P('DiffuseFactor', 'Number', D(0.5)),
          P('Shininess', 'Number', D(25)),
        ),
      ],
    ),
    n(
      'Connections',
      [],
      [
        oo(20, 0),
        oo(21, 20),
        oo(10, 21),
        oo(30, 21),
        oo(31, 21),
        oo(22, 0),
        oo(11, 22),
        oo(23, 0),
        oo(11, 23),
      ],
    ),
  ];
}

test('hand-built FBX: layer mappings, material slots, parents, pivots, mirrors, axes and units', async () => {
  const { asset, warnings } = await readFbx(await encodeFbx(handBuiltFbx()));
  assert.deepEqual(
    asset.parts.map((p) => [p.name, p.object, p.mesh.indices.length / 3]),
    [
      ['Plate_Red', 'Group', 2],
      ['Plate_Blue', 'Group', 1],
      ['Pivoted', undefined, 1],
      ['Mirrored', undefined, 1],
    ],
  );
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /"Plate" has 1 polygons with fewer than 3 corners/);
  // File (x, y, z) with Z up → ours (x, z, −y), × 2.54 cm = 0.0254 m.
  const ours = ([x, y, z]: number[]) => [x * 0.0254, z * 0.0254, -y * 0.0254];
  const [red, blue, pivoted, mirrored] = asset.parts;
  // Control point (1, 0, 0) of Plate: +(0,0,1) geometric, ×2, 90° about Z, +(10,0,0), +(0,0,5).
  const at = (part: Asset['parts'][number], i: number) => [...part.mesh.positions.subarray(i * 3, i * 3 + 3)];
  assertNear(at(red, 1), ours([10, 2, 7]), 1e-6, 'Plate corner 1');
  assertNear(at(red, 0), ours([10, 0, 7]), 1e-6, 'Plate corner 0');
  // The quad's normal (0,0,1) stays up; the triangle's (0,−1,0) turns to +x.
  assertNear([...red.mesh.normals.subarray(0, 3)], [0, 1, 0], 1e-6, 'quad normal');
  assertNear([...blue.mesh.normals.subarray(0, 3)], [1, 0, 0], 1e-6, 'triangle normal');
  // Per-vertex UVs, V flipped to a top-left origin.
  assertNear([...blue.mesh.uvs.subarray(4, 6)], [0.5, 0.75], 1e-6, 'apex UV');
  assert.equal(red.mesh.positions.length / 3, 4);
  assert.deepEqual([...red.mesh.indices], [0, 1, 2, 0, 2, 3]);
  // Materials: opacity to alpha, diffuse factor multiplied in, shininess 25 → roughness 0.5.
  assert.deepEqual(red.material.baseColor, [1, 0, 0, 0.5]);
  assert.deepEqual(blue.material.baseColor, [0, 0, 0.5, 1]);
  assert.ok(Math.abs(blue.material.roughness - 0.5) < 1e-9);
  // 180° about the pivot (1,0,0): (0,0,0) → (2,0,0), (0,1,0) → (2,−1,0).
  assertNear(at(pivoted, 0), ours([2, 0, 0]), 1e-6, 'pivoted 0');
  assertNear(at(pivoted, 2), ours([2, -1, 0]), 1e-6, 'pivoted 2');
  // Mirrored in x: the winding is flipped back, so the face still faces its normal (up).
  assert.deepEqual([...mirrored.mesh.indices], [0, 2, 1]);
  assertNear([...mirrored.mesh.normals.subarray(0, 3)], [0, 1, 0], 1e-6, 'mirrored normal');
  const m = await assessor.assessAsset(asset);
  assert.equal(m.faceCount, 5);
});

test('broken FBX files give one clear FileFormatError, never a crash or a hang', async () => {
  const good = await encodeFbx(handBuiltFbx());
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /empty \(0 bytes\)/],
    ['text', new TextEncoder().encode('hello, not an FBX'), /not a binary FBX file/],
    ['ascii', new TextEncoder().encode('; FBX 7.4.0 project file\nFBXHeaderExtension:  {\n}\n'), /ASCII FBX/],
    [
      'truncated',
      good.slice(0, good.length >> 1),
      /damaged or truncated \(it ends in the middle of a record\)/,
    ],
    ['header only', good.slice(0, 30), /damaged or truncated/],
    [
      'FBX 6',
      (() => {
        const b = good.slice(0, 200);
        new DataView(b.buffer).setUint32(23, 6100, true);
        return b;
      })(),
      /FBX version 6100 is not supported/,
    ],
    [
      'corrupt zlib',
      await (async () => {
        // Our export of an engine asset, its first (compressed) Vertices array broken after the
        // 13-byte array header and the 2-byte zlib header.
        const b = readFileSync(await saveAsset((await exportCases())[0].asset, join(dir, 'to-break.fbx')));
        const at = b.indexOf('Vertices') + 'Vertices'.length;
        assert.equal(b.readUInt32LE(at + 5), 1, 'the array is compressed');
        for (let i = at + 13 + 2; i < at + 13 + 40; i++) b[i] ^= 0xa5;
        return new Uint8Array(b);
      })(),
      /damaged or truncated \(a compressed array is corrupt/,
    ],
  ];
  for (const [name, bytes, message] of cases) {
    const path = join(dir, `broken-${name.replace(/\W+/g, '-')}.fbx`);
    writeFileSync(path, bytes);
    await assert.rejects(assessor.assessMeshFile(path), (err: Error) => {
      assert.ok(err instanceof FileFormatError, `${name}: ${err}`);
      assert.match(err.message, message, name);
      assert.ok(!err.message.includes('\n'), `${name}: one line`);
      return true;
    });
  }
  // A polygon that names a control point the file does not have.
  const records = handBuiltFbx();
  const objects = records.find((r) => r.name === 'Objects')!;
  const tri = objects.children[1];
  tri.children[1] = n('PolygonVertexIndex', [{ type: 'i', value: new Int32Array([0, 1, ~7]) }]);
  await assert.rejects(
    readFbx(await encodeFbx(records)),
    /"Tri" polygon corner 2 uses control point 7, but there are 3/,
  );
});
