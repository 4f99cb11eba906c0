import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import type { Asset, Mesh, Texture } from '../src/asset/asset.js';
import { rasterizeAsset, renderContactSheet, renderThumbnail } from '../src/thumbnails/index.js';

/** A 2 × 2 m square in the z = 0 plane facing +Z; uv (0,0) at its top-left corner, as glTF has it. */
function square(colors?: number[]): Mesh {
  const mesh: Mesh = {
    positions: new Float32Array([-1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 1, 0]),
    normals: new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]),
    uvs: new Float32Array([0, 1, 1, 1, 1, 0, 0, 0]),
    indices: new Uint32Array([0, 1, 2, 0, 2, 3]),
  };
  if (colors) mesh.colors = new Float32Array(colors);
  return mesh;
}

function asset(mesh: Mesh, baseColor: [number, number, number, number], texture?: Texture): Asset {
  return {
    parts: [
      {
        name: 'square',
        mesh,
        material: { name: 'm', baseColor, metallic: 0, roughness: 1, baseColorTexture: texture },
      },
    ],
    metadata: { modelName: 'test' },
  };
}

/** The shade the renderer gives a surface facing the camera: ambient 0.35 + 0.75 × n·L, sRGB-encoded. */
function expectedFrontShade(linear: number): number {
  const l = [-0.4, 0.7, 0.6];
  const nDotL = 0.6 / Math.hypot(...l);
  const c = linear * (0.35 + 0.75 * nDotL);
  return Math.round(255 * (c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055));
}

const px = (img: { data: Uint8Array; width: number }, x: number, y: number) => {
  const o = (y * img.width + x) * 4;
  return [...img.data.subarray(o, o + 4)];
};

test('a red square seen from the front: coverage, colour and transparent background', () => {
  const img = rasterizeAsset(asset(square(), [1, 0, 0, 1]), {
    size: 256,
    view: 'front',
    background: [0, 0, 0, 0],
  });
  let covered = 0;
  for (let i = 3; i < img.data.length; i += 4) if (img.data[i] > 127) covered++;
  // The fitted camera puts the square's half-side at cos 15° / (1.08 √2) of the half-image.
  const side = Math.cos((15 * Math.PI) / 180) / (1.08 * Math.SQRT2);
  assert.ok(Math.abs(covered / (256 * 256) - side * side) < 0.01, `coverage ${covered / 65536}`);
  const [r, g, b, a] = px(img, 128, 128);
  assert.ok(Math.abs(r - expectedFrontShade(1)) <= 2, `red ${r} vs ${expectedFrontShade(1)}`);
  assert.equal(g, 0);
  assert.equal(b, 0);
  assert.equal(a, 255);
  assert.deepEqual(px(img, 2, 2), [0, 0, 0, 0]);
});

test('vertex colours multiply the base colour', () => {
  const green = square([0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
  const img = rasterizeAsset(asset(green, [1, 1, 1, 1]), { size: 64, view: 'front' });
  const [r, g, b] = px(img, 32, 32);
  assert.equal(r, 0);
  assert.ok(Math.abs(g - expectedFrontShade(1)) <= 2);
  assert.equal(b, 0);
});

test('a texture lands upright: each quadrant shows its colour', async () => {
  // 2 × 2 texels: red | green over blue | white (sRGB).
  const raw = Buffer.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]);
  const data = new Uint8Array(
    await sharp(raw, { raw: { width: 2, height: 2, channels: 4 } })
      .png()
      .toBuffer(),
  );
  const texture: Texture = { name: 'checker', mimeType: 'image/png', data, width: 2, height: 2 };
  const png = await renderThumbnail(asset(square(), [1, 1, 1, 1], texture), { size: 256, view: 'front' });
  const { data: pixels, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  assert.equal(info.width, 256);
  const img = { data: new Uint8Array(pixels), width: 256 };
  const dominant = (x: number, y: number) => {
    const [r, g, b] = px(img, x, y);
    if (r > 150 && g > 150 && b > 150) return 'white';
    return r > g && r > b ? 'red' : g > b ? 'green' : 'blue';
  };
  // Sample near each quadrant's centre, where bilinear filtering gives the texel's own colour.
  assert.equal(dominant(90, 90), 'red');
  assert.equal(dominant(166, 90), 'green');
  assert.equal(dominant(90, 166), 'blue');
  assert.equal(dominant(166, 166), 'white');
});

test('the z-buffer keeps the nearer of two overlapping squares', () => {
  const near = square();
  const far = square();
  for (let i = 2; i < 12; i += 3) {
    near.positions[i] = 0.5;
    far.positions[i] = -0.5;
  }
  const scene: Asset = {
    parts: [
      {
        name: 'far',
        mesh: far,
        material: { name: 'blue', baseColor: [0, 0, 1, 1], metallic: 0, roughness: 1 },
      },
      {
        name: 'near',
        mesh: near,
        material: { name: 'red', baseColor: [1, 0, 0, 1], metallic: 0, roughness: 1 },
      },
    ],
    metadata: { modelName: 'test' },
  };
  for (const parts of [scene.parts, [...scene.parts].reverse()]) {
    const [r, , b] = px(rasterizeAsset({ ...scene, parts }, { size: 64, view: 'front' }), 32, 32);
    assert.ok(r > 100 && b === 0, 'the red square is in front whatever the draw order');
  }
});

test('sizes outside 16–1024 are refused; a contact sheet holds every view', async () => {
  const a = asset(square(), [0.5, 0.5, 0.5, 1]);
  await assert.rejects(renderThumbnail(a, { size: 2048 }), /size must be/);
  const png = await renderContactSheet(a, { views: ['front', 'back', 'iso'], size: 64, gap: 4, columns: 3 });
  const meta = await sharp(png).metadata();
  assert.equal(meta.width, 3 * 64 + 4 * 4);
  assert.equal(meta.height, 64 + 2 * 4);
});
