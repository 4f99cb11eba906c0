/**
 * Reference image as palette: `extractPalette` (k-means in OKLab) on real images made with sharp, and
 * the dreamcad engine colouring parts with it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { convertRgbToOklab } from 'culori';
import sharp from 'sharp';
import { FileFormatError, NotSupportedError } from '../src/errors.js';
import type { PaletteReport } from '../src/models/dreamcad/engine.js';
import { generateDreamcadAsset } from '../src/models/dreamcad/engine.js';
import { makeMaterial } from '../src/models/dreamcad/materials.js';
import { DreamCadModel } from '../src/models/dreamcad/model.js';
import { extractPalette, type PaletteColor } from '../src/models/dreamcad/palette.js';

type Rgba = [number, number, number, number];

const BLUE: Rgba = [36, 89, 196, 255];
const ORANGE: Rgba = [236, 125, 31, 255];

/** A PNG whose pixel (x, y) is `paint(x, y)`. */
function image(width: number, height: number, paint: (x: number, y: number) => Rgba): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(paint(x, y), (y * width + x) * 4);
  return sharp(raw, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

/** 70 % blue on the left, 30 % orange on the right, larger than the 64 px sample so it is shrunk. */
const twoColours = () => image(200, 120, (x) => (x < 140 ? BLUE : ORANGE));

/** OKLab distance (ΔE) between a palette colour and an sRGB byte triple. */
function deltaE(c: PaletteColor, rgb: Rgba): number {
  const o = convertRgbToOklab({ r: rgb[0] / 255, g: rgb[1] / 255, b: rgb[2] / 255 });
  return Math.hypot(c.oklab[0] - o.l, c.oklab[1] - o.a, c.oklab[2] - o.b);
}

describe('extractPalette', () => {
  test('recovers both colours of a two-colour image, in OKLab within ΔE 0.02, with their shares', async () => {
    const palette = await extractPalette(await twoColours(), { colors: 2 });
    assert.equal(palette.length, 2);
    const [first, second] = palette;
    assert.ok(deltaE(first, BLUE) < 0.02, `${first.hex} is not blue (ΔE ${deltaE(first, BLUE)})`);
    assert.ok(deltaE(second, ORANGE) < 0.02, `${second.hex} is not orange (ΔE ${deltaE(second, ORANGE)})`);
    assert.ok(Math.abs(first.share - 0.7) < 0.03, `share ${first.share}`);
    assert.ok(Math.abs(second.share - 0.3) < 0.03, `share ${second.share}`);
    assert.match(first.hex, /^#[0-9a-f]{6}$/);
    assert.equal(first.name, 'blue');
    assert.equal(second.name, 'orange');
    // Linear RGB: the sRGB hex decoded.
    assert.ok(first.rgb[2] > 0.4 && first.rgb[0] < 0.05, `${first.rgb}`);
    // With the default three colours, the two real ones still come first and cover nearly everything.
    const three = await extractPalette(await twoColours());
    assert.ok(deltaE(three[0], BLUE) < 0.02 && deltaE(three[1], ORANGE) < 0.02);
    assert.ok(three[0].share + three[1].share > 0.95);
  });

  test('is deterministic: the same bytes give the same palette', async () => {
    // A noisy image, so the clustering has real choices to make.
    let s = 12345;
    const rand = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 2 ** 32;
    };
    const noisy = await image(
      90,
      90,
      () => [rand() * 255, rand() * 255, rand() * 255, 255].map(Math.floor) as Rgba,
    );
    const a = await extractPalette(noisy, { colors: 5 });
    const b = await extractPalette(Buffer.from(noisy), { colors: 5 });
    assert.equal(a.length, 5);
    assert.deepEqual(a, b);
    assert.deepEqual(
      await extractPalette(noisy, { colors: 5, seed: 9 }),
      await extractPalette(noisy, { colors: 5, seed: 9 }),
    );
    const total = a.reduce((n, c) => n + c.share, 0);
    assert.ok(Math.abs(total - 1) < 1e-3, `shares sum to ${total}`);
    for (let i = 1; i < a.length; i++) assert.ok(a[i - 1].share >= a[i].share, 'largest cluster first');
  });

  test('skips transparent pixels', async () => {
    // The left half is red but fully transparent: only the opaque orange counts.
    const png = await image(120, 80, (x) => (x < 60 ? [220, 20, 20, 0] : ORANGE));
    const palette = await extractPalette(png);
    assert.equal(palette.length, 1, JSON.stringify(palette));
    assert.ok(deltaE(palette[0], ORANGE) < 0.02);
    assert.equal(palette[0].share, 1);
    const clear = await image(16, 16, () => [0, 0, 0, 0]);
    assert.deepEqual(await extractPalette(clear), []);
  });

  test('bytes that are not an image → FileFormatError saying so', async () => {
    for (const bytes of [
      Buffer.from('this is not an image'),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
      new Uint8Array(0),
    ]) {
      await assert.rejects(extractPalette(bytes), (e: unknown) => {
        assert.ok(e instanceof FileFormatError, String(e));
        assert.equal(e.code, 'FILE_FORMAT');
        assert.match(e.message, /reference image could not be decoded.*PNG, JPEG or WebP/);
        return true;
      });
    }
    await assert.rejects(extractPalette(await twoColours(), { colors: 0 }), RangeError);
  });
});

describe('dreamcad: useImageAs palette', () => {
  const materialOf = (asset: Awaited<ReturnType<typeof generateDreamcadAsset>>, part: string) =>
    asset.parts.find((p) => p.name === part)!.material;

  test("the main part's base colour follows the image's dominant colour", async () => {
    const png = await twoColours();
    const [main] = await extractPalette(png);
    const asset = await generateDreamcadAsset('a vase', { seed: 3, image: png });
    const body = materialOf(asset, 'body');
    const expected = makeMaterial('ceramic', { color: { name: 'x', rgb: main.rgb } }).baseColor;
    assert.deepEqual(body.baseColor, expected);
    const palette = asset.metadata.palette as PaletteReport;
    assert.equal(palette.source, 'image');
    assert.deepEqual(palette.applied, [
      { role: 'main', hex: main.hex, name: 'blue', groups: ['body'], parts: ['body'] },
    ]);
    assert.equal((asset.metadata.styles as Record<string, { source: string }>).body.source, 'image');
    // Given explicitly it is the same; the default with an image is 'palette'.
    const explicit = await generateDreamcadAsset('a vase', { seed: 3, image: png, useImageAs: 'palette' });
    assert.deepEqual(materialOf(explicit, 'body'), body);
  });

  test('the second colour goes to the secondary groups (a lamp: shade main, base and pole second)', async () => {
    const png = await twoColours();
    const asset = await generateDreamcadAsset('a lamp', { seed: 3, image: png });
    const palette = asset.metadata.palette as PaletteReport;
    assert.deepEqual(
      palette.applied.map((a) => [a.role, a.name, a.groups]),
      [
        ['main', 'blue', ['shade']],
        ['secondary', 'orange', ['base', 'pole']],
      ],
    );
    const [r, g, b] = materialOf(asset, 'base').baseColor;
    assert.ok(r > g && g > b, `base is not orange-tinted brass: ${[r, g, b]}`);
    assert.equal(materialOf(asset, 'bulb').name, 'bulb', 'a glowing bulb keeps its own colour');
  });

  test('a colour written in the prompt beats the image', async () => {
    const png = await twoColours();
    const asset = await generateDreamcadAsset('a red vase', { seed: 3, image: png });
    assert.equal(materialOf(asset, 'body').name, 'ceramic_red');
    const palette = asset.metadata.palette as PaletteReport;
    assert.deepEqual(palette.applied, []);
    assert.deepEqual(palette.skipped[0], { role: 'main', reason: 'the prompt gives the colour (red)' });
    // A part named with its own colour keeps it; the other parts still take the image's.
    const lamp = await generateDreamcadAsset('a lamp with a green shade', { seed: 3, image: png });
    assert.equal(materialOf(lamp, 'shade').name, 'fabric_green');
    assert.match(materialOf(lamp, 'base').name, /^brass_image_/);
  });

  test("useImageAs 'none' ignores the image", async () => {
    const png = await twoColours();
    const plain = await generateDreamcadAsset('a lamp', { seed: 3 });
    const none = await generateDreamcadAsset('a lamp', { seed: 3, image: png, useImageAs: 'none' });
    assert.deepEqual(
      none.parts.map((p) => p.material),
      plain.parts.map((p) => p.material),
    );
    assert.equal(none.metadata.palette, undefined);
  });

  test('DreamCadModel: image options, generateFromImage needs a prompt for the shape', async () => {
    const png = await twoColours();
    const model = new DreamCadModel();
    await assert.rejects(model.generateFromImage(png), (e: unknown) => {
      assert.ok(e instanceof NotSupportedError);
      assert.match(e.message, /cannot build a shape from an image.*Give a prompt/);
      return true;
    });
    const fromImage = await model.generateFromImage(png, { prompt: 'a vase', seed: 3 });
    assert.equal((fromImage.metadata.palette as PaletteReport).applied[0].name, 'blue');
    // Jobs pass the uploaded image as `referenceImage`.
    const fromJob = await model.generateFromText('a vase', { seed: 3, referenceImage: new Uint8Array(png) });
    assert.deepEqual(fromJob.asset.parts[0].material, fromImage.asset.parts[0].material);
    const off = await model.generateFromText('a vase', { seed: 3, referenceImage: png, useImageAs: 'none' });
    assert.equal(off.metadata.palette, undefined);
    await assert.rejects(
      model.generateFromText('a vase', { image: png, useImageAs: 'shape' }),
      /useImageAs must be "palette" or "none", not "shape"/,
    );
    await assert.rejects(
      model.generateFromText('a vase', { image: Buffer.from('nope') }),
      (e: unknown) => e instanceof FileFormatError,
    );
  });
});
