import type { Vec3 } from '../../../asset/asset.js';
import type { Solid } from '../../../geometry/solid.js';
import type { Rgb } from '../../../geometry/surface.js';
import { hexToLinear } from '../colors.js';
import { accent, bezier, circle, colored, main, structural, torus, turned } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Musical instruments. String instruments lie on their backs (face up, neck along +X) so their outline
 * reads from above; wind instruments lie along X; drums, pianos, harps and saxophones stand.
 */

const cyl = { kind: 'cylindrical' } as const;

/**
 * A waisted body (guitar, violin) as 2D contours to union: a lower bout at −x, an upper bout at +x and
 * the waist between them, `len` long in all.
 */
function bodyOutline(
  len: number,
  lower: number,
  upper: number,
  waist: number,
  n = 36,
): Array<Array<[number, number]>> {
  const lx = -len / 2 + lower;
  const ux = len / 2 - upper;
  return [
    circle(lower, n, lx, 0),
    circle(upper, n, ux, 0),
    [
      [lx, -waist],
      [ux, -waist],
      [ux, waist],
      [lx, waist],
    ],
  ];
}

/** Thin strings from (x0) to (x1) at height y, spread over `spread` in z. */
function strings(
  ctx: BuildContext,
  n: number,
  x0: number,
  x1: number,
  y: number,
  spread0: number,
  spread1: number,
): Solid {
  const parts: Solid[] = [];
  for (let i = 0; i < n; i++) {
    const f = n === 1 ? 0 : i / (n - 1) - 0.5;
    parts.push(ctx.kit.cylinderBetween([x0, y, f * spread0], [x1, y, f * spread1], 0.0008, { segments: 4 }));
  }
  return ctx.kit.compose(parts);
}

export const guitar: FamilyDefinition = {
  id: 'guitar',
  category: 'instrument',
  nouns: [
    { word: 'guitar' },
    { word: 'acoustic guitar', variant: 'acoustic' },
    { word: 'electric guitar', variant: 'electric' },
    { word: 'bass guitar', variant: 'bass' },
    { word: 'ukulele', variant: 'ukulele' },
    { word: 'uke', variant: 'ukulele' },
    { word: 'banjo', variant: 'banjo' },
    { word: 'lute', variant: 'acoustic' },
    { word: 'mandolin', variant: 'ukulele' },
  ],
  hypernyms: ['stringed instrument', 'guitar'],
  variantWords: {
    acoustic: 'acoustic',
    electric: 'electric',
    bass: 'bass',
    classical: 'acoustic',
    rock: 'electric',
  },
  variantMaterials: { electric: { body: ['plastic', 'red'] }, bass: { body: ['plastic', 'black'] } },
  groups: [
    main('body', ['body', 'top', 'soundboard'], 'wood', { color: 'orange' }),
    structural('neck', ['neck', 'fretboard', 'headstock', 'head'], 'walnut'),
    accent('strings', ['string', 'strings'], 'steel'),
    accent('details', ['bridge', 'soundhole', 'hole', 'pickups', 'pickguard'], 'ebony'),
  ],
  size: { width: [0.54, 1.5], height: [0.044, 0.12], depth: [0.17, 0.43] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const kind = variant ?? rng.pick(['acoustic', 'acoustic', 'electric']);
    const uke = kind === 'ukulele';
    const k =
      (uke ? rng.range(0.5, 0.55) : kind === 'bass' ? rng.range(1.05, 1.15) : rng.range(0.95, 1.05)) *
      size.width;
    const bodyL = (kind === 'electric' || kind === 'bass' ? 0.42 : 0.5) * k;
    const depth = (kind === 'electric' || kind === 'bass' ? 0.045 : uke ? 0.06 : 0.1) * Math.sqrt(k);
    const neckL = (kind === 'bass' ? 0.6 : 0.45) * k;
    const parts: BuiltPart[] = [];
    if (kind === 'banjo') {
      const r = 0.17 * k;
      parts.push({
        name: 'body',
        group: 'body',
        solid: kit
          .extrude(circle(r, 40, 0, 0), depth)
          .rotate(90, 0, 0)
          .translate(0, depth / 2, 0),
      });
    } else {
      const lower = (kind === 'electric' || kind === 'bass' ? 0.17 : 0.19) * k;
      const upper = (kind === 'electric' || kind === 'bass' ? 0.13 : 0.145) * k;
      parts.push({
        name: 'body',
        group: 'body',
        solid: kit
          .extrudeShape(bodyOutline(bodyL, lower, upper, 0.1 * k), [], depth)
          .rotate(90, 0, 0)
          .translate(0, depth / 2, 0),
      });
    }
    const bodyTop = kind === 'banjo' ? 0.17 * k : bodyL / 2;
    const nw = 0.025 * Math.sqrt(k) * (kind === 'bass' ? 1.2 : 1);
    const neck = kit.hull([
      [bodyTop - 0.04, depth * 0.55, -nw],
      [bodyTop - 0.04, depth * 0.95, -nw],
      [bodyTop - 0.04, depth * 0.55, nw],
      [bodyTop - 0.04, depth * 0.95, nw],
      [bodyTop + neckL, depth * 0.6, -nw * 0.8],
      [bodyTop + neckL, depth * 0.9, -nw * 0.8],
      [bodyTop + neckL, depth * 0.6, nw * 0.8],
      [bodyTop + neckL, depth * 0.9, nw * 0.8],
    ]);
    parts.push({ name: 'neck', group: 'neck', solid: neck });
    const headL = 0.16 * Math.sqrt(k);
    parts.push({
      name: 'headstock',
      group: 'neck',
      solid: kit.boxBetween(
        [bodyTop + neckL - 0.005, depth * 0.55, -nw * 1.3],
        [bodyTop + neckL + headL, depth * 0.8, nw * 1.3],
      ),
    });
    const n = kind === 'bass' || uke ? 4 : kind === 'banjo' ? 5 : 6;
    const sy = depth + 0.004;
    parts.push({
      name: 'strings',
      group: 'strings',
      solid: strings(ctx, n, -bodyL * 0.28, bodyTop + neckL + 0.01, sy, nw * 1.6, nw * 1.2),
    });
    parts.push({
      name: 'bridge',
      group: 'details',
      solid: kit.boxBetween(
        [-bodyL * 0.3, depth - 0.002, -nw * 1.8],
        [-bodyL * 0.26, depth + 0.006, nw * 1.8],
      ),
    });
    if (kind === 'acoustic' || uke || kind === 'banjo') {
      if (kind !== 'banjo')
        parts.push({
          name: 'soundhole',
          group: 'details',
          solid: kit.cylinder(0.045 * k, 0.002, { segments: 28 }).translate(bodyL * 0.13, depth - 0.0005, 0),
        });
    } else {
      parts.push({
        name: 'pickups',
        group: 'details',
        solid: kit.compose([
          kit.boxBetween([-0.02, depth - 0.002, -nw * 1.5], [0.02, depth + 0.004, nw * 1.5]),
          kit.boxBetween([0.06, depth - 0.002, -nw * 1.5], [0.1, depth + 0.004, nw * 1.5]),
        ]),
      });
    }
    return parts;
  },
};

export const violin: FamilyDefinition = {
  id: 'violin',
  category: 'instrument',
  nouns: [
    { word: 'violin' },
    { word: 'fiddle' },
    { word: 'viola', variant: 'viola' },
    { word: 'cello', variant: 'cello' },
    { word: 'violoncello', variant: 'cello' },
    { word: 'double bass', variant: 'contrabass' },
    { word: 'contrabass', variant: 'contrabass' },
  ],
  hypernyms: ['bowed stringed instrument'],
  groups: [
    main('body', ['body', 'top', 'back'], 'mahogany'),
    structural('neck', ['neck', 'scroll', 'fingerboard'], 'ebony'),
    accent('strings', ['string', 'strings', 'bridge'], 'steel'),
  ],
  size: { width: [0.57, 2.2], height: [0.054, 0.19], depth: [0.17, 0.67] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const k =
      (variant === 'viola' ? 1.15 : variant === 'cello' ? 2.1 : variant === 'contrabass' ? 3.0 : 1) *
      rng.range(0.97, 1.03) *
      size.width;
    const bodyL = 0.355 * k;
    const depth = 0.04 * k ** 0.9;
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: kit
          .extrudeShape(bodyOutline(bodyL, 0.1 * k, 0.083 * k, 0.055 * k), [], depth)
          .rotate(90, 0, 0)
          .translate(0, depth / 2, 0),
      },
    ];
    const neckL = 0.26 * k;
    const nw = 0.014 * k;
    parts.push({
      name: 'neck',
      group: 'neck',
      solid: kit.hull([
        [bodyL / 2 - 0.03 * k, depth * 0.7, -nw],
        [bodyL / 2 - 0.03 * k, depth * 1.2, -nw * 1.2],
        [bodyL / 2 - 0.03 * k, depth * 0.7, nw],
        [bodyL / 2 - 0.03 * k, depth * 1.2, nw * 1.2],
        [bodyL / 2 + neckL, depth * 0.7, -nw * 0.7],
        [bodyL / 2 + neckL, depth, -nw * 0.7],
        [bodyL / 2 + neckL, depth * 0.7, nw * 0.7],
        [bodyL / 2 + neckL, depth, nw * 0.7],
      ]),
    });
    parts.push({
      name: 'scroll',
      group: 'neck',
      solid: torus(kit, 0.012 * k, 0.007 * k, 0, 16, 8)
        .rotate(90, 0, 0)
        .translate(bodyL / 2 + neckL + 0.012 * k, depth * 0.85, 0),
    });
    parts.push({
      name: 'bridge',
      group: 'strings',
      solid: kit.boxBetween(
        [-bodyL * 0.05, depth - 0.002, -nw * 1.6],
        [-bodyL * 0.05 + 0.004 * k, depth + 0.02 * k, nw * 1.6],
      ),
    });
    parts.push({
      name: 'strings',
      group: 'strings',
      solid: strings(ctx, 4, -bodyL * 0.4, bodyL / 2 + neckL, depth + 0.02 * k, nw * 1.6, nw * 0.8),
    });
    return parts;
  },
};

export const drum: FamilyDefinition = {
  id: 'drum',
  category: 'instrument',
  nouns: [
    { word: 'drum' },
    { word: 'snare drum', variant: 'snare' },
    { word: 'bass drum', variant: 'bass' },
    { word: 'tom' },
    { word: 'bongo', variant: 'bongo' },
    { word: 'bongos', variant: 'bongo' },
    { word: 'tom tom' },
    { word: 'timpani', variant: 'timpani' },
  ],
  variantWords: { snare: 'snare', bass: 'bass', kick: 'bass', war: 'bass', tribal: 'bongo' },
  groups: [
    colored('shell', ['shell', 'body', 'drum'], 'wood', { color: 'crimson', takesMainMaterial: true }),
    accent('heads', ['head', 'heads', 'skin', 'top'], 'canvas', { color: 'white' }),
    structural('hoops', ['hoop', 'hoops', 'rim', 'rims', 'lugs'], 'chrome'),
    accent('sticks', ['stick', 'sticks', 'drumsticks'], 'wood', { color: 'tan', optional: 'on' }),
  ],
  size: { width: [0.3, 0.68], height: [0.14, 0.68], depth: [0.2, 0.55] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'bongo') {
      const drumAt = (x: number, r: number, h: number, i: number) => {
        parts.push({
          name: `shell_${i}`,
          group: 'shell',
          solid: turned(
            kit,
            [
              [r * 0.75, 0],
              [r * 0.85, h * 0.5],
              [r, h],
            ],
            2,
            28,
          ).translate(x, 0, 0),
          uv: cyl,
        });
        parts.push({
          name: `head_${i}`,
          group: 'heads',
          solid: kit.cylinder(r * 1.02, 0.006, { segments: 28 }).translate(x, h - 0.003, 0),
        });
      };
      const r = rng.range(0.09, 0.11) * size.width;
      drumAt(-r * 1.05, r, rng.range(0.16, 0.2) * size.height, 1);
      drumAt(r * 1.2, r * 1.2, rng.range(0.16, 0.2) * size.height, 2);
      parts.push({
        name: 'bridge',
        group: 'hoops',
        solid: kit.boxBetween([-r * 0.3, 0.08, -0.015], [r * 0.5, 0.11, 0.015]),
      });
      return parts;
    }
    const bass = variant === 'bass';
    const r = (bass ? rng.range(0.25, 0.3) : variant === 'snare' ? 0.18 : rng.range(0.15, 0.22)) * size.width;
    const h =
      (bass ? rng.range(0.4, 0.5) : variant === 'snare' ? rng.range(0.12, 0.15) : rng.range(0.2, 0.3)) *
      size.height;
    const shell = kit.cylinder(r, h, { segments: 40 });
    const head = (y: number) => kit.cylinder(r * 1.005, 0.004, { segments: 40 }).translate(0, y, 0);
    const hoop = (y: number) => torus(kit, r + 0.004, 0.006, y, 40, 6);
    const lugs: Solid[] = [];
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2;
      lugs.push(
        kit
          .cylinder(0.004, h - 0.02, { segments: 6 })
          .translate(Math.cos(a) * (r + 0.01), 0.01, Math.sin(a) * (r + 0.01)),
      );
    }
    const group = (s: Solid) => (bass ? s.rotate(90, 0, 0).translate(0, r + 0.006, h / 2) : s);
    parts.push({ name: 'shell', group: 'shell', solid: group(shell), uv: bass ? undefined : cyl });
    parts.push(
      { name: 'head_top', group: 'heads', solid: group(head(h - 0.002)) },
      { name: 'head_bottom', group: 'heads', solid: group(head(-0.002)) },
    );
    parts.push(
      { name: 'hoop_top', group: 'hoops', solid: group(hoop(h)) },
      { name: 'hoop_bottom', group: 'hoops', solid: group(hoop(0)) },
    );
    parts.push({ name: 'lugs', group: 'hoops', solid: group(kit.compose(lugs)) });
    if (has('sticks') && !bass) {
      const top = h + 0.006;
      for (const [i, z] of [-0.04, 0.04].entries()) {
        parts.push({
          name: `stick_${i + 1}`,
          group: 'sticks',
          solid: kit.cylinderBetween([-r * 0.6, top + 0.008, z], [r * 0.9, top + 0.02, z * 2], 0.007, {
            radiusTop: 0.005,
            segments: 8,
          }),
        });
      }
    }
    return parts;
  },
};

/** White and black keys as one part each, along X, their front edge at z = 0. */
function keyboard(ctx: BuildContext, width: number, y: number, z0: number): BuiltPart[] {
  const { kit } = ctx;
  const whites = Math.max(8, Math.round(width / 0.0235));
  const kw = width / whites;
  const whiteKeys: Solid[] = [];
  const blackKeys: Solid[] = [];
  for (let i = 0; i < whites; i++) {
    const x = -width / 2 + i * kw;
    whiteKeys.push(kit.boxBetween([x + 0.0005, y, z0 - 0.15], [x + kw - 0.0005, y + 0.022, z0]));
    const note = i % 7;
    if (note !== 2 && note !== 6 && i < whites - 1)
      blackKeys.push(
        kit.boxBetween([x + kw * 0.68, y + 0.02, z0 - 0.15], [x + kw * 1.32, y + 0.032, z0 - 0.055]),
      );
  }
  return [
    { name: 'white_keys', group: 'keys', solid: kit.compose(whiteKeys) },
    { name: 'black_keys', group: 'keys', solid: kit.compose(blackKeys), colorAt: () => [0.02, 0.02, 0.02] },
  ];
}

export const piano: FamilyDefinition = {
  id: 'piano',
  category: 'instrument',
  nouns: [
    { word: 'piano' },
    { word: 'grand piano', variant: 'grand' },
    { word: 'upright piano', variant: 'upright' },
    { word: 'pianoforte' },
    { word: 'keyboard instrument' },
    { word: 'harpsichord', variant: 'upright' },
  ],
  variantWords: { grand: 'grand', upright: 'upright', baby: 'grand', concert: 'grand' },
  groups: [
    main('case', ['case', 'body', 'lid', 'cabinet'], 'enamel', { color: 'black' }),
    accent('keys', ['key', 'keys', 'keyboard'], 'plastic', { color: 'white' }),
    main('legs', ['leg', 'legs'], 'enamel', { color: 'black' }),
  ],
  size: { width: [1.3, 1.7], height: [1, 2.3], depth: [0.43, 2.5] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const grand = variant === 'grand' || (variant !== 'upright' && rng.chance(0.5));
    const w = rng.range(1.42, 1.52) * size.width;
    const parts: BuiltPart[] = [];
    const keyY = 0.72;
    if (grand) {
      const len = rng.range(1.5, 2.1) * size.depth;
      const outline: Array<[number, number]> = [
        [-w / 2, 0],
        [w / 2, 0],
        [w / 2, -len * 0.35],
        [w * 0.2, -len * 0.6],
      ];
      for (let i = 0; i <= 12; i++) {
        const a = (i / 12) * Math.PI;
        outline.push([
          -w * 0.1 + Math.cos(a) * w * 0.4 * 0.75,
          -len + 0.25 * len * (1 - Math.sin(a)) + Math.sin(a) * 0,
        ]);
      }
      outline.push([-w / 2, -len * 0.7]);
      const body = kit
        .extrude(outline, 0.3)
        .rotate(90, 0, 0)
        .translate(0, keyY + 0.05, 0);
      parts.push({ name: 'case', group: 'case', solid: body });
      parts.push({
        name: 'lid',
        group: 'case',
        solid: kit
          .extrude(outline, 0.02)
          .rotate(90, 0, 0)
          .rotate(rng.range(20, 35), 0, 0)
          .translate(0, keyY + 0.21, 0),
      });
      for (const [i, [x, z]] of [
        [-w / 2 + 0.08, -0.1],
        [w / 2 - 0.08, -0.1],
        [-w * 0.1, -len + 0.15],
      ].entries()) {
        parts.push({
          name: `leg_${i + 1}`,
          group: 'legs',
          solid: kit.cylinder(0.035, keyY - 0.09, { radiusTop: 0.05, segments: 12 }).translate(x, 0, z),
        });
      }
      parts.push({
        name: 'keybed',
        group: 'case',
        solid: kit.boxBetween([-w / 2, keyY - 0.1, 0], [w / 2, keyY - 0.0, 0.22]),
      });
      parts.push(...keyboard(ctx, w - 0.1, keyY, 0.21));
      return parts;
    }
    const h = rng.range(1.1, 1.3) * size.height;
    const d = rng.range(0.55, 0.65);
    parts.push({ name: 'case', group: 'case', solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, h, 0.0]) });
    parts.push({
      name: 'keybed',
      group: 'case',
      solid: kit.boxBetween([-w / 2, keyY - 0.08, -0.01], [w / 2, keyY, 0.2]),
    });
    for (const [i, x] of [-w / 2 + 0.03, w / 2 - 0.03].entries()) {
      parts.push({
        name: `leg_${i + 1}`,
        group: 'legs',
        solid: kit.boxBetween([x - 0.03, 0, 0.0], [x + 0.03, keyY - 0.079, 0.18]),
      });
    }
    parts.push(...keyboard(ctx, w - 0.1, keyY, 0.19));
    return parts;
  },
};

export const trumpet: FamilyDefinition = {
  id: 'trumpet',
  category: 'instrument',
  nouns: [
    { word: 'trumpet' },
    { word: 'cornet' },
    { word: 'bugle' },
    { word: 'horn', variant: 'horn' },
    { word: 'french horn', variant: 'horn' },
    { word: 'trombone', variant: 'trombone' },
    { word: 'tuba', variant: 'tuba' },
  ],
  hypernyms: ['brass', 'brass instrument'],
  groups: [
    structural('tube', ['tube', 'body', 'pipe', 'bell', 'slide'], 'brass'),
    structural('valves', ['valve', 'valves', 'mouthpiece', 'keys'], 'silver'),
  ],
  size: { width: [0.42, 1.5], height: [0.11, 0.58], depth: [0.12, 0.52] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'horn' || variant === 'tuba') {
      // A coil and a big bell, standing on its bell's rim.
      const tuba = variant === 'tuba';
      const R = (tuba ? 0.22 : 0.16) * size.width;
      const bellR = (tuba ? 0.24 : 0.15) * size.width;
      const coil: Vec3[] = [];
      for (let i = 0; i <= 40; i++) {
        const a = (i / 40) * Math.PI * 2 * 1.6;
        coil.push([
          Math.cos(a) * R * (1 - i / 160),
          R * 1.4 + Math.sin(a) * R * (1 - i / 160),
          (i / 40) * 0.08 - 0.04,
        ]);
      }
      parts.push({
        name: 'tube',
        group: 'tube',
        solid: kit.tube(
          coil,
          coil.map((_, i) => 0.012 + i * 0.0004),
          { segments: 10 },
        ),
      });
      parts.push({
        name: 'bell',
        group: 'tube',
        solid: turned(
          kit,
          [
            [0.03, 0],
            [0.05, 0.15],
            [bellR * 0.5, 0.25],
            [bellR, 0.3],
          ],
          3,
          32,
        )
          .rotate(180, 0, 0)
          .translate(R * 0.9, 0.3, 0.04),
        uv: cyl,
      });
      return parts;
    }
    const len = (variant === 'trombone' ? rng.range(1.1, 1.25) : rng.range(0.45, 0.52)) * size.width;
    const r = 0.0055;
    const y = 0.06;
    const lead: Vec3[] = [
      [-len / 2, y, 0.0],
      [len * 0.1, y, 0.0],
    ];
    const loop = bezier([len * 0.1, y, 0], [len * 0.45, y, 0.06], [len * 0.1, y, 0.11], 12);
    const back: Vec3[] = [
      [len * 0.08, y, 0.11],
      [-len * 0.25, y, 0.11],
    ];
    const loop2 = bezier([-len * 0.25, y, 0.11], [-len * 0.42, y, 0.08], [-len * 0.25, y, 0.045], 10);
    const path = [
      ...lead,
      ...loop.slice(1),
      ...back.slice(1),
      ...loop2.slice(1),
      [len * 0.2, y, 0.045] as Vec3,
    ];
    parts.push({ name: 'tube', group: 'tube', solid: kit.tube(path, r, { segments: 10 }) });
    const bellR = (variant === 'trombone' ? 0.1 : 0.062) * Math.sqrt(size.width);
    const bell = turned(
      kit,
      [
        [r * 1.1, 0],
        [r * 2, len * 0.2],
        [bellR * 0.5, len * 0.3],
        [bellR, len * 0.34],
      ],
      3,
      28,
    )
      .rotate(0, 0, -90)
      .translate(len * 0.16, y, 0.045);
    parts.push({ name: 'bell', group: 'tube', solid: bell, uv: cyl });
    if (variant !== 'trombone') {
      const valves: Solid[] = [0, 1, 2].map((i) =>
        kit.cylinder(0.009, 0.09, { segments: 12 }).translate(-len * 0.05 + i * 0.024, y - 0.04, 0.045),
      );
      parts.push({ name: 'valves', group: 'valves', solid: kit.compose(valves) });
    }
    parts.push({
      name: 'mouthpiece',
      group: 'valves',
      solid: turned(
        kit,
        [
          [0.004, 0],
          [0.006, 0.05],
          [0.012, 0.07],
        ],
        2,
        14,
      )
        .rotate(0, 0, 90)
        .translate(-len / 2 + 0.005, y, 0),
    });
    const braceY = y - 0.05;
    parts.push({
      name: 'stand',
      group: 'valves',
      solid: kit
        .cylinder(0.004, y - braceY + 0.002, { segments: 6 })
        .translate(len * 0.2, 0, 0.045)
        .add(kit.cylinder(0.004, y, { segments: 6 }).translate(-len * 0.4, 0, 0)),
    });
    return parts;
  },
};

export const flute: FamilyDefinition = {
  id: 'flute',
  category: 'instrument',
  nouns: [
    { word: 'flute' },
    { word: 'piccolo', variant: 'piccolo' },
    { word: 'recorder', variant: 'recorder' },
    { word: 'clarinet', variant: 'clarinet' },
    { word: 'oboe', variant: 'clarinet' },
    { word: 'fife', variant: 'piccolo' },
    { word: 'pan flute', variant: 'pan' },
    { word: 'panpipes', variant: 'pan' },
  ],
  hypernyms: ['wind instrument', 'woodwind'],
  variantMaterials: {
    recorder: { body: ['plastic', 'ivory'] },
    clarinet: { body: ['ebony', 'black'] },
    pan: { body: 'bamboo' },
  },
  groups: [
    structural('body', ['body', 'tube', 'pipe', 'pipes'], 'silver'),
    accent('keys', ['key', 'keys', 'holes', 'mouthpiece'], 'silver'),
  ],
  size: { width: [0.16, 0.74], height: [0.016, 0.068], depth: [0.017, 0.16] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'pan') {
      const n = 8;
      const tubes: Solid[] = [];
      for (let i = 0; i < n; i++)
        tubes.push(
          kit
            .cylinder(0.008, 0.18 - i * 0.014, { segments: 10 })
            .rotate(0, 0, -90)
            .translate(-0.09, 0.008, -0.06 + i * 0.0165),
        );
      parts.push({ name: 'body', group: 'body', solid: kit.compose(tubes) });
      parts.push({
        name: 'band',
        group: 'keys',
        solid: kit.boxBetween([-0.06, 0, -0.07], [-0.04, 0.018, 0.07]),
      });
      return parts;
    }
    const len =
      (variant === 'piccolo'
        ? 0.32
        : variant === 'recorder'
          ? 0.32
          : variant === 'clarinet'
            ? 0.6
            : rng.range(0.62, 0.68)) * size.width;
    const r = variant === 'clarinet' ? 0.012 : variant === 'recorder' ? 0.011 : 0.0095;
    const profile: Array<[number, number]> =
      variant === 'clarinet'
        ? [
            [r * 0.7, 0],
            [r, len * 0.1],
            [r, len * 0.85],
            [r * 2.6, len],
          ]
        : variant === 'recorder'
          ? [
              [r * 0.7, 0],
              [r * 1.2, len * 0.12],
              [r, len * 0.5],
              [r * 0.85, len * 0.9],
              [r * 1.2, len],
            ]
          : [
              [r, 0],
              [r, len],
            ];
    const body = turned(kit, profile, variant === 'clarinet' || variant === 'recorder' ? 3 : 1, 16);
    const maxR = Math.max(...profile.map((p) => p[0]));
    parts.push({
      name: 'body',
      group: 'body',
      solid: body.rotate(0, 0, -90).translate(-len / 2, maxR, 0),
      uv: cyl,
    });
    const keys: Solid[] = [];
    for (let i = 0; i < 7; i++)
      keys.push(
        kit
          .cylinder(r * 0.45, r * 0.5, { segments: 8 })
          .translate(-len * 0.05 + i * len * 0.065, maxR + r * 0.75, 0),
      );
    keys.push(kit.cylinder(r * 0.6, r * 0.5, { segments: 8 }).translate(-len * 0.4, maxR + r * 0.75, 0));
    parts.push({ name: 'keys', group: 'keys', solid: kit.compose(keys) });
    return parts;
  },
};

export const saxophone: FamilyDefinition = {
  id: 'saxophone',
  category: 'instrument',
  nouns: [{ word: 'saxophone' }, { word: 'sax' }, { word: 'alto sax' }, { word: 'tenor sax' }],
  groups: [
    structural('body', ['body', 'tube', 'bell', 'neck'], 'brass'),
    accent('keys', ['key', 'keys', 'mouthpiece'], 'silver'),
  ],
  size: { width: [0.25, 0.31], height: [0.54, 0.8], depth: [0.11, 0.15] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const h = rng.range(0.6, 0.75) * size.height;
    const k = size.width;
    const path: Vec3[] = [];
    // Up from the bell's bottom bend, the long straight body, then the neck bending forward.
    const bend = bezier([0.1 * k, 0.16, 0], [0.1 * k, 0.03, 0], [0.02 * k, 0.06, 0], 8);
    const body = bezier([0.02 * k, 0.06, 0], [-0.02 * k, h * 0.5, 0], [0, h * 0.85, 0], 10);
    const neck = bezier([0, h * 0.85, 0], [0.005, h * 0.98, 0], [-0.07 * k, h, 0], 6);
    path.push(...bend.reverse(), ...body.slice(1), ...neck.slice(1));
    const radii = path.map((_, i) => 0.03 * k * (1 - i / path.length) + 0.006);
    const parts: BuiltPart[] = [
      { name: 'body', group: 'body', solid: kit.tube(path, radii, { segments: 14 }) },
    ];
    const bellR = 0.065 * k;
    parts.push({
      name: 'bell',
      group: 'body',
      solid: turned(
        kit,
        [
          [0.028 * k, 0],
          [0.04 * k, 0.08],
          [bellR, 0.14],
        ],
        3,
        28,
      ).translate(0.1 * k, 0.1, 0),
      uv: cyl,
    });
    const keys: Solid[] = [];
    for (let i = 0; i < 6; i++)
      keys.push(
        kit
          .cylinder(0.008, 0.01, { segments: 10 })
          .rotate(0, 0, 90)
          .translate(-0.008 * k - 0.018 * (1 - i / 6), 0.2 + i * h * 0.09, 0),
      );
    parts.push({ name: 'keys', group: 'keys', solid: kit.compose(keys) });
    parts.push({
      name: 'mouthpiece',
      group: 'keys',
      solid: kit
        .cylinder(0.007, 0.05, { segments: 10 })
        .rotate(0, 0, 90)
        .translate(-0.065 * k, h, 0),
    });
    return parts;
  },
};

export const harp: FamilyDefinition = {
  id: 'harp',
  category: 'instrument',
  nouns: [{ word: 'harp' }, { word: 'lyre', variant: 'lyre' }],
  groups: [
    main('frame', ['frame', 'column', 'neck', 'body', 'soundbox'], 'wood', { color: 'goldenrod' }),
    accent('strings', ['string', 'strings'], 'steel', { color: 'gold', count: [5, 40] }),
  ],
  size: { width: [0.32, 1.2], height: [0.42, 1.9], depth: [0.14, 0.18] },
  build(ctx) {
    const { kit, rng, variant, size, count } = ctx;
    const lyre = variant === 'lyre';
    const h = (lyre ? rng.range(0.45, 0.55) : rng.range(1.5, 1.75)) * size.height;
    const w = h * (lyre ? 0.7 : 0.55) * size.width;
    const parts: BuiltPart[] = [];
    const r = lyre ? 0.015 : 0.03;
    // Soundbox along the back diagonal, the column in front, the curved neck on top.
    const sb: Vec3 = [-w * 0.45, 0.05, 0];
    const st: Vec3 = [w * 0.1, h * 0.88, 0];
    parts.push({
      name: 'soundbox',
      group: 'frame',
      solid: kit.cylinderBetween(sb, st, r * 2.2, { radiusTop: r * 1.2, segments: 14 }),
    });
    parts.push({
      name: 'column',
      group: 'frame',
      solid: kit.cylinderBetween([w * 0.5, 0, 0], [w * 0.5, h, 0], r, { segments: 12 }),
    });
    const neck = bezier([w * 0.05, h * 0.86, 0], [w * 0.3, h * 1.05, 0], [w * 0.52, h * 0.95, 0], 12);
    parts.push({ name: 'neck', group: 'frame', solid: kit.tube(neck, r * 1.1, { segments: 10 }) });
    parts.push({
      name: 'base',
      group: 'frame',
      solid: kit.boxBetween([-w * 0.55, 0, -0.08], [w * 0.56, 0.05, 0.08]),
    });
    const n = count('strings') ?? (lyre ? 7 : 24);
    const lines: Solid[] = [];
    for (let i = 0; i < n; i++) {
      const t = (i + 0.5) / n;
      const bottom: Vec3 = [sb[0] + (st[0] - sb[0]) * t, sb[1] + (st[1] - sb[1]) * t, 0];
      const topY = h * 0.88 + Math.sin(t * Math.PI) * h * 0.12;
      const top: Vec3 = [bottom[0], Math.max(bottom[1] + 0.05, topY), 0];
      lines.push(kit.cylinderBetween(bottom, top, 0.0012, { segments: 4 }));
    }
    parts.push({ name: 'strings', group: 'strings', solid: kit.compose(lines) });
    return parts;
  },
};

const BAR_COLORS: Rgb[] = [
  '#e53935',
  '#fb8c00',
  '#fdd835',
  '#43a047',
  '#1e88e5',
  '#3949ab',
  '#8e24aa',
  '#e91e63',
].map(hexToLinear);

export const xylophone: FamilyDefinition = {
  id: 'xylophone',
  category: 'instrument',
  nouns: [{ word: 'xylophone' }, { word: 'marimba' }, { word: 'glockenspiel' }, { word: 'vibraphone' }],
  groups: [
    main('bars', ['bar', 'bars', 'keys'], 'wood', { count: [3, 16] }),
    structural('frame', ['frame', 'rails', 'stand'], 'wood', { color: 'brown' }),
    accent('mallets', ['mallet', 'mallets', 'sticks'], 'wood', { optional: 'on' }),
  ],
  size: { width: [0.33, 0.48], height: [0.062, 0.074], depth: [0.36, 0.44] },
  build(ctx) {
    const { kit, rng, size, has, count } = ctx;
    const n = count('bars') ?? 8;
    const pitch = rng.range(0.04, 0.05) * size.width;
    const w = n * pitch;
    const parts: BuiltPart[] = [];
    const bars: Solid[] = [];
    const spans: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      const x = -w / 2 + i * pitch;
      const l = (0.28 - (0.14 * i) / Math.max(1, n - 1)) * size.depth;
      bars.push(kit.boxBetween([x + 0.003, 0.035, -l / 2], [x + pitch - 0.003, 0.05, l / 2]));
      spans.push([x, x + pitch]);
    }
    parts.push({
      name: 'bars',
      group: 'bars',
      solid: kit.compose(bars),
      colorAt: (x) => {
        const i = spans.findIndex(([a, b]) => x >= a && x <= b);
        return BAR_COLORS[Math.max(0, i) % BAR_COLORS.length];
      },
    });
    const l0 = 0.28 * size.depth;
    const l1 = 0.14 * size.depth;
    for (const [i, s] of [-1, 1].entries()) {
      parts.push({
        name: `rail_${i + 1}`,
        group: 'frame',
        solid: kit.hull([
          [-w / 2 - 0.02, 0, s * l0 * 0.3 - 0.012],
          [-w / 2 - 0.02, 0.0355, s * l0 * 0.3 + 0.012],
          [-w / 2 - 0.02, 0, s * l0 * 0.3 + 0.012],
          [-w / 2 - 0.02, 0.0355, s * l0 * 0.3 - 0.012],
          [w / 2 + 0.02, 0, s * l1 * 0.3 - 0.012],
          [w / 2 + 0.02, 0.0355, s * l1 * 0.3 + 0.012],
          [w / 2 + 0.02, 0, s * l1 * 0.3 + 0.012],
          [w / 2 + 0.02, 0.0355, s * l1 * 0.3 - 0.012],
        ]),
      });
    }
    if (has('mallets')) {
      for (const [i, z] of [-0.05, 0.05].entries()) {
        parts.push({
          name: `mallet_${i + 1}`,
          group: 'mallets',
          solid: kit
            .cylinderBetween(
              [-w * 0.1, 0.056, z + l0 / 2 + 0.05],
              [w * 0.3, 0.056, z + l0 / 2 + 0.06],
              0.004,
              { segments: 6 },
            )
            .add(kit.sphere(0.012, 10).translate(w * 0.3, 0.056, z + l0 / 2 + 0.06)),
        });
      }
    }
    return parts;
  },
};

export const maracas: FamilyDefinition = {
  id: 'maracas',
  category: 'instrument',
  nouns: [{ word: 'maracas' }, { word: 'maraca' }, { word: 'shaker instrument' }, { word: 'rattle' }],
  groups: [
    colored('heads', ['head', 'heads', 'ball', 'body'], 'wood', {
      color: 'orange',
      takesMainMaterial: true,
      pattern: { id: 'zigzag', color2: 'yellow' },
    }),
    main('handles', ['handle', 'handles'], 'wood', { color: 'tan' }),
  ],
  size: { width: [0.2, 0.3], height: [0.064, 0.097], depth: [0.12, 0.19] },
  build({ kit, rng, size }) {
    const len = rng.range(0.22, 0.28) * size.width;
    const r = rng.range(0.035, 0.045);
    const parts: BuiltPart[] = [];
    for (const [i, z] of [-r * 1.1, r * 1.1].entries()) {
      const yaw = i === 0 ? -8 : 12;
      parts.push({
        name: `head_${i + 1}`,
        group: 'heads',
        solid: kit
          .sphere(r, 24)
          .scale([1.25, 1, 1])
          .translate(len / 2 - r * 1.25, r, 0)
          .rotate(0, yaw, 0)
          .translate(0, 0, z),
      });
      parts.push({
        name: `handle_${i + 1}`,
        group: 'handles',
        solid: kit
          .cylinder(0.009, len - r * 2, { radiusTop: 0.011, segments: 10 })
          .rotate(0, 0, -90)
          .translate(-len / 2, r, 0)
          .rotate(0, yaw, 0)
          .translate(0, 0, z),
      });
    }
    return parts;
  },
};

export const tambourine: FamilyDefinition = {
  id: 'tambourine',
  category: 'instrument',
  nouns: [{ word: 'tambourine' }, { word: 'frame drum', variant: 'frame' }],
  groups: [
    main('frame', ['frame', 'ring', 'hoop', 'body'], 'wood'),
    accent('head', ['head', 'skin'], 'canvas', { color: 'beige' }),
    accent('jingles', ['jingle', 'jingles', 'cymbals', 'zils'], 'brass'),
  ],
  size: { width: [0.18, 0.29], height: [0.045, 0.054], depth: [0.18, 0.3] },
  build({ kit, rng, variant, size }) {
    const r = rng.range(0.1, 0.13) * size.width;
    const h = 0.05;
    const ring = kit.revolve(
      [
        [r - 0.006, 0],
        [r, 0],
        [r, h],
        [r - 0.006, h],
      ],
      { segments: 48 },
    );
    const parts: BuiltPart[] = [
      { name: 'frame', group: 'frame', solid: ring, uv: cyl },
      {
        name: 'head',
        group: 'head',
        solid: kit.cylinder(r - 0.005, 0.002, { segments: 48 }).translate(0, h - 0.004, 0),
      },
    ];
    if (variant !== 'frame') {
      const j: Solid[] = [];
      for (let i = 0; i < 5; i++) {
        const a = (i / 5) * Math.PI * 2;
        // A pair of discs facing outwards, one just outside the other.
        for (const off of [0.002, 0.0065])
          j.push(
            kit
              .cylinder(0.017, 0.003, { segments: 14 })
              .rotate(0, 0, -90)
              .rotate(0, (-a * 180) / Math.PI, 0)
              .translate(Math.cos(a) * (r + off), h / 2, Math.sin(a) * (r + off)),
          );
      }
      parts.push({ name: 'jingles', group: 'jingles', solid: kit.compose(j) });
    }
    return parts;
  },
};

export const INSTRUMENTS: FamilyDefinition[] = [
  guitar,
  violin,
  drum,
  piano,
  trumpet,
  flute,
  saxophone,
  harp,
  xylophone,
  maracas,
  tambourine,
];
