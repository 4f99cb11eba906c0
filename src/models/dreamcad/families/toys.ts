import type { Vec3 } from '../../../asset/asset.js';
import { type SdfPrimitive, sdfCapsule, sdfEllipsoid, sdfSphere } from '../../../geometry/sdf.js';
import type { Solid } from '../../../geometry/solid.js';
import type { Rgb } from '../../../geometry/surface.js';
import { hexToLinear } from '../colors.js';
import { accent, bezier, colored, leafOutline, main, structural, torus, turned } from './common.js';
import type { BuiltPart, FamilyDefinition } from './types.js';

/**
 * Toys and games, clothing and accessories, jewellery, and plants.
 */

const cyl = { kind: 'cylindrical' } as const;

// ---- toys and games -----------------------------------------------------------------------------------

export const teddyBear: FamilyDefinition = {
  id: 'teddy bear',
  category: 'toy',
  nouns: [
    { word: 'teddy bear' },
    { word: 'teddy' },
    { word: 'plush toy' },
    { word: 'stuffed animal' },
    { word: 'plushie' },
    { word: 'soft toy' },
  ],
  groups: [
    colored('body', ['body', 'fur', 'plush', 'head', 'arms', 'legs'], 'plush', {
      color: 'peru',
      takesMainMaterial: true,
    }),
    accent('eyes', ['eye', 'eyes', 'nose', 'buttons'], 'obsidian'),
    accent('bow', ['bow', 'ribbon', 'tie'], 'silk', { color: 'red', optional: 'on' }),
  ],
  size: { width: [0.2, 0.33], height: [0.25, 0.4], depth: [0.15, 0.24] },
  build(ctx) {
    const { kit, rng, size, has } = ctx;
    const h = rng.range(0.28, 0.4) * size.height;
    const u = h / 10;
    const at = (x: number, y: number, z: number): Vec3 => [x * u, y * u, z * u];
    const prims = [
      sdfEllipsoid(at(0, 3.2, 0), [2.3 * u, 2.6 * u, 2.0 * u]),
      sdfSphere(at(0, 7.0, 0.2), 1.9 * u, 0.8 * u),
      sdfEllipsoid(at(0, 6.5, 1.7), [0.8 * u, 0.6 * u, 0.6 * u], 0.4 * u),
      sdfSphere(at(-1.4, 8.5, 0), 0.7 * u, 0.3 * u),
      sdfSphere(at(1.4, 8.5, 0), 0.7 * u, 0.3 * u),
      sdfCapsule(at(-1.9, 4.6, 0), at(-3.0, 2.8, 1.2), 0.75 * u, 0.8 * u, 0.5 * u),
      sdfCapsule(at(1.9, 4.6, 0), at(3.0, 2.8, 1.2), 0.75 * u, 0.8 * u, 0.5 * u),
      sdfCapsule(at(-1.2, 1.2, 0.5), at(-1.5, 0.9, 2.6), 0.9 * u, 0.95 * u, 0.5 * u),
      sdfCapsule(at(1.2, 1.2, 0.5), at(1.5, 0.9, 2.6), 0.9 * u, 0.95 * u, 0.5 * u),
    ];
    const parts: BuiltPart[] = [
      { name: 'body', group: 'body', mesh: ctx.sdf(prims, h / 30), creaseAngle: 80 },
    ];
    parts.push({
      name: 'eyes',
      group: 'eyes',
      solid: kit.compose(
        [-0.65, 0.65].map((x) => kit.sphere(0.22 * u, 10).translate(x * u, 7.5 * u, 1.75 * u)),
      ),
    });
    parts.push({
      name: 'nose',
      group: 'eyes',
      solid: kit
        .sphere(0.28 * u, 10)
        .scale([1.2, 0.8, 1])
        .translate(0, 6.75 * u, 2.3 * u),
    });
    if (has('bow'))
      parts.push({
        name: 'bow',
        group: 'bow',
        solid: kit.union(
          [-1, 1].map((s) =>
            kit
              .sphere(1, 10)
              .scale([0.7 * u, 0.45 * u, 0.25 * u])
              .translate(s * 0.6 * u, 5.25 * u, 1.65 * u),
          ),
        ),
      });
    return parts;
  },
};

const PIP_POSITIONS: Record<number, Array<[number, number]>> = {
  1: [[0, 0]],
  2: [
    [-1, -1],
    [1, 1],
  ],
  3: [
    [-1, -1],
    [0, 0],
    [1, 1],
  ],
  4: [
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ],
  5: [
    [-1, -1],
    [1, -1],
    [0, 0],
    [-1, 1],
    [1, 1],
  ],
  6: [
    [-1, -1],
    [1, -1],
    [-1, 0],
    [1, 0],
    [-1, 1],
    [1, 1],
  ],
};

export const dice: FamilyDefinition = {
  id: 'dice',
  category: 'toy',
  nouns: [{ word: 'dice' }, { word: 'die' }, { word: 'd6' }],
  groups: [
    colored('cube', ['cube', 'body', 'die', 'dice'], 'plastic', { color: 'white', takesMainMaterial: true }),
    accent('pips', ['pip', 'pips', 'dots', 'spots'], 'plastic', { color: 'black' }),
  ],
  size: { width: [0.018, 0.027], height: [0.018, 0.027], depth: [0.018, 0.027] },
  build({ kit, rng, size }) {
    const s = rng.range(0.015, 0.02) * size.width;
    const pips: Solid[] = [];
    const pr = s * 0.09;
    const off = s * 0.27;
    const face = (n: number, place: (a: number, b: number) => Vec3) => {
      for (const [a, b] of PIP_POSITIONS[n])
        pips.push(kit.sphere(pr, 8).translate(...place(a * off, b * off)));
    };
    const h = s / 2 + pr * 0.35;
    face(1, (a, b) => [a, s / 2 + h, b]);
    face(6, (a, b) => [a, s / 2 - h, b]);
    face(2, (a, b) => [a, s / 2 + b, h]);
    face(5, (a, b) => [a, s / 2 + b, -h]);
    face(3, (a, b) => [h, s / 2 + a, b]);
    face(4, (a, b) => [-h, s / 2 + a, b]);
    return [
      { name: 'cube', group: 'cube', solid: kit.roundedBox([s, s, s], s * 0.12, 6).translate(0, s / 2, 0) },
      { name: 'pips', group: 'pips', solid: kit.compose(pips) },
    ];
  },
};

export const chessPiece: FamilyDefinition = {
  id: 'chess piece',
  category: 'toy',
  nouns: [
    { word: 'chess piece' },
    { word: 'pawn', variant: 'pawn' },
    { word: 'rook', variant: 'rook' },
    { word: 'castle piece', variant: 'rook' },
    { word: 'bishop', variant: 'bishop' },
    { word: 'queen', variant: 'queen' },
    { word: 'king', variant: 'king' },
    { word: 'knight piece', variant: 'knight' },
    { word: 'chess knight', variant: 'knight' },
  ],
  // "a black knight chess piece": the piece's name before the generic noun.
  variantWords: {
    white: 'white',
    black: 'black',
    pawn: 'pawn',
    rook: 'rook',
    bishop: 'bishop',
    queen: 'queen',
    king: 'king',
    knight: 'knight',
  },
  related: ['chess'],
  groups: [main('piece', ['piece', 'body', 'base'], 'wood', { color: 'ivory' })],
  size: { width: [0.034, 0.042], height: [0.047, 0.11], depth: [0.034, 0.042] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const kind = ['pawn', 'rook', 'bishop', 'queen', 'king', 'knight'].includes(variant ?? '')
      ? (variant as string)
      : rng.pick(['pawn', 'rook', 'bishop', 'queen', 'king']);
    // Sets differ a little in scale, so every seed is its own piece.
    const k = size.height * rng.range(0.92, 1.08);
    const r = 0.019 * size.width * rng.range(0.95, 1.05);
    const base: Array<[number, number]> = [
      [r, 0],
      [r, 0.005],
      [r * 0.85, 0.008],
      [r * 0.7, 0.012],
    ];
    const tops: Record<string, Array<[number, number]>> = {
      pawn: [
        [r * 0.35, 0.03],
        [r * 0.6, 0.033],
        [r * 0.3, 0.036],
        [r * 0.5, 0.042],
        [r * 0.45, 0.05],
        [0.0001, 0.055],
      ],
      rook: [
        [r * 0.55, 0.035],
        [r * 0.75, 0.04],
        [r * 0.75, 0.052],
        [r * 0.55, 0.052],
        [r * 0.55, 0.048],
        [0.0001, 0.048],
      ],
      bishop: [
        [r * 0.3, 0.045],
        [r * 0.55, 0.048],
        [r * 0.3, 0.05],
        [r * 0.45, 0.06],
        [r * 0.3, 0.07],
        [0.0001, 0.076],
      ],
      queen: [
        [r * 0.3, 0.055],
        [r * 0.6, 0.058],
        [r * 0.35, 0.06],
        [r * 0.6, 0.072],
        [r * 0.25, 0.075],
        [0.0001, 0.082],
      ],
      king: [
        [r * 0.3, 0.06],
        [r * 0.6, 0.063],
        [r * 0.35, 0.065],
        [r * 0.55, 0.078],
        [r * 0.2, 0.08],
        [0.0001, 0.082],
      ],
    };
    if (kind === 'knight') {
      const head = kit
        .extrude(
          [
            [-r * 0.5, 0],
            [r * 0.5, 0],
            [r * 0.6, 0.02],
            [r * 0.9, 0.035],
            [r * 0.7, 0.045],
            [r * 0.1, 0.05],
            [-r * 0.4, 0.04],
            [-r * 0.5, 0.02],
          ],
          r * 0.7,
        )
        .rotate(0, 90, 0)
        .translate(0, 0.012, 0);
      return [
        { name: 'piece', group: 'piece', solid: turned(kit, base, 1, 28).scale([1, k, 1]), uv: cyl },
        { name: 'head', group: 'piece', solid: head.scale([1, k, 1]) },
      ];
    }
    const profile = [...base, ...tops[kind]];
    const parts: BuiltPart[] = [
      { name: 'piece', group: 'piece', solid: turned(kit, profile, 1, 28).scale([1, k, 1]), uv: cyl },
    ];
    if (kind === 'king')
      parts.push({
        name: 'cross',
        group: 'piece',
        solid: kit.union([
          kit.box([0.004, 0.016, 0.004]).translate(0, 0.088 * k, 0),
          kit.box([0.012, 0.004, 0.004]).translate(0, 0.09 * k, 0),
        ]),
      });
    return parts;
  },
};

export const chessboard: FamilyDefinition = {
  id: 'chessboard',
  category: 'toy',
  nouns: [
    { word: 'chessboard' },
    { word: 'chess board' },
    { word: 'checkerboard' },
    { word: 'board game' },
    { word: 'game board' },
  ],
  groups: [
    main('board', ['board', 'frame', 'squares'], 'wood', {
      color: 'wheat',
      pattern: { id: 'checks', color2: 'saddlebrown' },
    }),
  ],
  size: { width: [0.33, 0.49], height: [0.013, 0.027], depth: [0.33, 0.49] },
  build({ kit, rng, size, anchors }) {
    // Square, so the 8 × 8 checks of one texture tile fit it exactly.
    const s = rng.range(0.35, 0.45) * size.width;
    const t = rng.range(0.015, 0.025);
    anchors.rest = { y: t, min: [-s / 2, -s / 2], max: [s / 2, s / 2] };
    return [{ name: 'board', group: 'board', solid: kit.boxBetween([-s / 2, 0, -s / 2], [s / 2, t, s / 2]) }];
  },
};

export const yoyo: FamilyDefinition = {
  id: 'yoyo',
  category: 'toy',
  nouns: [
    { word: 'yoyo' },
    { word: 'yo-yo' },
    { word: 'yo yo' },
    { word: 'spinning top', variant: 'top' },
    { word: 'top', variant: 'top' },
    { word: 'dreidel', variant: 'top' },
  ],
  groups: [
    colored('body', ['body', 'halves', 'shell'], 'plastic', {
      color: 'red',
      takesMainMaterial: true,
      pattern: { id: 'stripes', color2: 'gold' },
    }),
    accent('axle', ['axle', 'string', 'stem', 'handle'], 'wood', { color: 'tan' }),
  ],
  size: { width: [0.032, 0.077], height: [0.055, 0.095], depth: [0.055, 0.077] },
  build({ kit, rng, variant, size }) {
    const r = rng.range(0.028, 0.034) * size.width;
    if (variant === 'top') {
      const h = r * 2.5;
      return [
        {
          name: 'body',
          group: 'body',
          solid: turned(
            kit,
            [
              [0.0001, 0],
              [r * 0.3, h * 0.1],
              [r, h * 0.45],
              [r * 0.9, h * 0.6],
              [r * 0.2, h * 0.7],
              [0.0001, h * 0.72],
            ],
            3,
            32,
          ),
          uv: cyl,
        },
        {
          name: 'stem',
          group: 'axle',
          solid: kit.cylinder(r * 0.12, h * 0.35, { segments: 10 }).translate(0, h * 0.68, 0),
        },
      ];
    }
    const w = r * 0.55;
    const half = (s: number) =>
      turned(
        kit,
        [
          [r * 0.2, 0],
          [r, w * 0.15],
          [r * 0.95, w * 0.85],
          [r * 0.6, w],
        ],
        2,
        32,
      )
        .rotate(0, 0, -90 * s)
        .translate(s * w * 0.12, r, 0);
    return [
      { name: 'half_1', group: 'body', solid: half(1).translate(w * 0.0, 0, 0) },
      { name: 'half_2', group: 'body', solid: half(-1) },
      {
        name: 'axle',
        group: 'axle',
        solid: kit
          .cylinder(r * 0.18, w * 0.5, { segments: 12 })
          .rotate(0, 0, 90)
          .translate(w * 0.25, r, 0),
      },
    ];
  },
};

export const kite: FamilyDefinition = {
  id: 'kite',
  category: 'toy',
  nouns: [{ word: 'kite' }],
  groups: [
    colored('sail', ['sail', 'body', 'kite'], 'canvas', {
      color: 'red',
      pattern: { id: 'checks', color2: 'gold' },
    }),
    structural('spars', ['spar', 'spars', 'frame', 'sticks'], 'bamboo'),
    accent('tail', ['tail', 'bows', 'string'], 'canvas', { color: 'royalblue' }),
  ],
  size: { width: [0.54, 0.86], height: [1.1, 2.3], depth: [0.12, 0.4] },
  build({ kit, rng, size }) {
    // Shown as if flying: the sail upright (leaning back a little) facing +Z, the tail with its bows
    // hanging down to the ground in an S.
    const w = rng.range(0.55, 0.8) * size.width;
    const l = w * rng.range(1.25, 1.4) * size.height;
    const lean = rng.range(12, 20);
    const tailLen = l * rng.range(0.85, 1.05);
    const sway = rng.range(0.1, 0.18) * w * (rng.next() < 0.5 ? -1 : 1);
    const lift = (solid: Solid) => solid.rotate(-lean, 0, 0).translate(0, tailLen, 0);
    // The sail, drawn with its bottom point at the origin.
    const sail = lift(
      kit.extrude(
        [
          [0, l],
          [-w / 2, l * 0.65],
          [0, 0],
          [w / 2, l * 0.65],
        ],
        0.003,
      ),
    );
    const sparZ = 0.0055;
    const spars = lift(
      kit.union([
        kit.cylinderBetween([0, l * 0.02, sparZ], [0, l * 0.98, sparZ], 0.0045, { segments: 8 }),
        kit.cylinderBetween(
          [-w * 0.48, l * 0.65, sparZ + 0.008],
          [w * 0.48, l * 0.65, sparZ + 0.008],
          0.0045,
          {
            segments: 8,
          },
        ),
      ]),
    );
    // The tail: from the sail's bottom point (which lean moves slightly forward) down to the ground.
    const top: Vec3 = [0, tailLen + 0.004, 0];
    const path: Vec3[] = [];
    const steps = 24;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      path.push([
        Math.sin(t * Math.PI * 2) * sway * Math.min(1, t * 3),
        top[1] * (1 - t) + 0.004 * t,
        -t * l * 0.12,
      ]);
    }
    const string = kit.tube(path, 0.0035, { segments: 6 });
    const bows: Solid[] = [];
    const b = w * 0.09;
    const bow: Array<[number, number]> = [
      [-b, -0.55 * b],
      [0, -0.12 * b],
      [b, -0.55 * b],
      [b, 0.55 * b],
      [0, 0.12 * b],
      [-b, 0.55 * b],
    ];
    const count = rng.int(4, 5);
    for (let i = 0; i < count; i++) {
      const p = path[Math.round(((i + 1) / (count + 1)) * steps)];
      bows.push(kit.extrude(bow, 0.006).translate(p[0], p[1], p[2]));
    }
    return [
      { name: 'sail', group: 'sail', solid: sail },
      { name: 'spars', group: 'spars', solid: spars },
      { name: 'tail', group: 'tail', solid: kit.union([string, ...bows]) },
    ];
  },
};

export const robot: FamilyDefinition = {
  id: 'robot',
  category: 'toy',
  nouns: [
    { word: 'robot' },
    { word: 'android' },
    { word: 'droid' },
    { word: 'automaton' },
    { word: 'mech', variant: 'big' },
    { word: 'cyborg' },
  ],
  variantWords: { toy: 'toy', giant: 'big' },
  groups: [
    colored('body', ['body', 'torso', 'head', 'arms', 'legs', 'shell'], 'steel', {
      color: 'silver',
      takesMainMaterial: true,
    }),
    accent('eyes', ['eye', 'eyes', 'lights', 'antenna', 'visor'], 'light', { color: 'cyan' }),
    accent('joints', ['joint', 'joints', 'hands', 'feet'], 'rubber', { color: 'dimgray' }),
  ],
  size: { width: [0.1, 3.4], height: [0.19, 6.5], depth: [0.043, 1.5] },
  build({ kit, rng, variant, size }) {
    const h =
      (variant === 'big' ? rng.range(4, 6) : variant === 'toy' ? rng.range(0.2, 0.3) : rng.range(1.4, 1.9)) *
      size.height;
    const u = h / 10;
    const parts: BuiltPart[] = [];
    const box = (name: string, group: string, c: Vec3, s: Vec3) =>
      parts.push({
        name,
        group,
        solid: kit
          .roundedBox([s[0] * u, s[1] * u, s[2] * u], Math.min(s[0], s[1], s[2]) * u * 0.15, 4)
          .translate(c[0] * u, c[1] * u, c[2] * u),
      });
    box('torso', 'body', [0, 5.6, 0], [3.2, 3.2, 2.0]);
    box('head', 'body', [0, 8.3, 0], [2.2, 1.8, 1.8]);
    box('leg_1', 'body', [-0.85, 2.0, 0], [1.1, 4.0, 1.2]);
    box('leg_2', 'body', [0.85, 2.0, 0], [1.1, 4.0, 1.2]);
    box('arm_1', 'body', [-2.15, 5.6, 0], [0.9, 3.2, 0.9]);
    box('arm_2', 'body', [2.15, 5.6, 0], [0.9, 3.2, 0.9]);
    box('foot_1', 'joints', [-0.85, 0.25, 0.3], [1.3, 0.5, 1.8]);
    box('foot_2', 'joints', [0.85, 0.25, 0.3], [1.3, 0.5, 1.8]);
    parts.push({
      name: 'eyes',
      group: 'eyes',
      solid: kit.compose(
        [-0.5, 0.5].map((x) =>
          kit
            .cylinder(0.25 * u, 0.1 * u, { segments: 14 })
            .rotate(90, 0, 0)
            .translate(x * u, 8.4 * u, 0.88 * u),
        ),
      ),
    });
    parts.push({
      name: 'antenna',
      group: 'eyes',
      solid: kit
        .cylinder(0.06 * u, 0.9 * u, { segments: 8 })
        .translate(0, 9.1 * u, 0)
        .add(kit.sphere(0.2 * u, 10).translate(0, 10 * u - 0.2 * u, 0)),
    });
    parts.push({
      name: 'neck',
      group: 'joints',
      solid: kit.cylinder(0.45 * u, 0.6 * u, { segments: 12 }).translate(0, 7.1 * u, 0),
    });
    return parts;
  },
};

export const rockingHorse: FamilyDefinition = {
  id: 'rocking horse',
  category: 'toy',
  nouns: [{ word: 'rocking horse' }, { word: 'hobby horse' }],
  groups: [
    colored('horse', ['horse', 'body', 'head'], 'wood', {
      color: 'white',
      takesMainMaterial: true,
      pattern: { id: 'spots', color2: 'dimgray' },
    }),
    structural('rockers', ['rocker', 'rockers', 'base'], 'wood', { color: 'firebrick' }),
    accent('saddle', ['saddle', 'mane', 'reins'], 'leather', { color: 'saddlebrown' }),
  ],
  size: { width: [0.24, 0.33], height: [0.59, 0.84], depth: [0.87, 1.2] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const L = rng.range(0.9, 1.1) * size.depth;
    const H = rng.range(0.7, 0.85) * size.height;
    const legTop = H * 0.45;
    const body = ctx.sdf(
      [
        sdfEllipsoid([0, legTop + H * 0.08, 0], [L * 0.12, H * 0.1, L * 0.28]),
        sdfCapsule(
          [0, legTop + H * 0.12, L * 0.22],
          [0, legTop + H * 0.38, L * 0.3],
          L * 0.07,
          L * 0.06,
          L * 0.04,
        ),
        sdfEllipsoid([0, legTop + H * 0.4, L * 0.38], [L * 0.06, H * 0.07, L * 0.12], L * 0.03),
        ...[
          [-1, 1],
          [1, 1],
          [-1, -1],
          [1, -1],
        ].map(([sx, sz]) =>
          sdfCapsule(
            [sx * L * 0.06, legTop + H * 0.05, sz * L * 0.18],
            [sx * L * 0.1, H * 0.12, sz * L * 0.3],
            L * 0.035,
            L * 0.03,
            L * 0.03,
          ),
        ),
        sdfCapsule(
          [0, legTop + H * 0.12, -L * 0.27],
          [0, legTop - H * 0.05, -L * 0.42],
          L * 0.03,
          L * 0.015,
          L * 0.02,
        ),
      ],
      L / 30,
    );
    const rocker = (s: number) => {
      const path: Vec3[] = [];
      for (let i = 0; i <= 16; i++) {
        const t = i / 16 - 0.5;
        path.push([s * L * 0.12, 0.02 + (2 * t) ** 2 * H * 0.12, t * L]);
      }
      return kit.tube(path, 0.02, { segments: 8 });
    };
    return [
      { name: 'horse', group: 'horse', mesh: body, creaseAngle: 75 },
      { name: 'rocker_1', group: 'rockers', solid: rocker(-1) },
      { name: 'rocker_2', group: 'rockers', solid: rocker(1) },
      {
        name: 'saddle',
        group: 'saddle',
        solid: kit
          .sphere(1, 14)
          .scale([L * 0.13, H * 0.03, L * 0.12])
          .translate(0, legTop + H * 0.17, -L * 0.02),
      },
    ];
  },
};

const BLOCK_COLORS: Rgb[] = ['#e53935', '#1e88e5', '#fdd835', '#43a047', '#fb8c00', '#8e24aa'].map(
  hexToLinear,
);

export const blocks: FamilyDefinition = {
  id: 'toy blocks',
  category: 'toy',
  nouns: [
    { word: 'toy blocks' },
    { word: 'building blocks' },
    { word: 'blocks' },
    { word: 'block' },
    { word: 'lego' },
    { word: 'brick toy' },
    { word: 'cube' },
  ],
  groups: [main('blocks', ['block', 'blocks', 'cube', 'cubes'], 'wood', { count: [1, 12] })],
  size: { width: [0.12, 0.17], height: [0.11, 0.17], depth: [0.044, 0.067] },
  build({ kit, rng, size, count }) {
    const s = rng.range(0.04, 0.05) * size.width;
    const n = count('blocks') ?? 6;
    const solids: Solid[] = [];
    const centres: Array<{ c: Vec3; rgb: Rgb }> = [];
    // A little pyramid: rows of blocks, each row one shorter, a hair apart.
    let placed = 0;
    for (let row = 0; placed < n; row++) {
      const inRow = Math.max(1, Math.min(n - placed, 3 - row));
      for (let i = 0; i < inRow && placed < n; i++) {
        const x = (i - (inRow - 1) / 2) * s * 1.05;
        const c: Vec3 = [x, row * s * 1.002 + s / 2, rng.range(-0.004, 0.004)];
        const turn = rng.range(-8, 8);
        solids.push(
          kit
            .box([s, s, s])
            .rotate(0, turn, 0)
            .translate(...c),
        );
        centres.push({ c, rgb: BLOCK_COLORS[placed % BLOCK_COLORS.length] });
        placed++;
      }
      if (row > 3) break;
    }
    return [
      {
        name: 'blocks',
        group: 'blocks',
        solid: kit.compose(solids),
        colorAt: (x, y, z) => {
          let best = centres[0];
          let bd = Infinity;
          for (const b of centres) {
            const d = (x - b.c[0]) ** 2 + (y - b.c[1]) ** 2 + (z - b.c[2]) ** 2;
            if (d < bd) {
              bd = d;
              best = b;
            }
          }
          return best.rgb;
        },
      },
    ];
  },
};

export const balloon: FamilyDefinition = {
  id: 'balloon',
  category: 'toy',
  nouns: [{ word: 'balloon' }, { word: 'party balloon' }, { word: 'helium balloon' }],
  groups: [
    colored('balloon', ['balloon', 'body'], 'rubber', { color: 'red' }),
    accent('string', ['string', 'ribbon'], 'canvas', { color: 'white' }),
  ],
  size: { width: [0.23, 0.33], height: [0.72, 1.1], depth: [0.23, 0.33] },
  build({ kit, rng, size }) {
    const r = rng.range(0.12, 0.15) * size.width;
    const stringL = rng.range(0.5, 0.7) * size.height;
    const body = turned(
      kit,
      [
        [0.0001, 0],
        [r * 0.12, r * 0.05],
        [r * 0.12, r * 0.15],
        [r * 0.6, r * 0.4],
        [r, r * 1.2],
        [r * 0.85, r * 1.85],
        [0.0001, r * 2.2],
      ],
      4,
      28,
    );
    const path = bezier([0, 0, 0], [r * 0.3, stringL * 0.5, 0.02], [0, stringL + 0.01, 0], 10);
    return [
      { name: 'balloon', group: 'balloon', solid: body.translate(0, stringL, 0), uv: cyl, creaseAngle: 60 },
      { name: 'string', group: 'string', solid: kit.tube(path, 0.0015, { segments: 5 }) },
    ];
  },
};

// ---- clothing and accessories ---------------------------------------------------------------------------

export const hat: FamilyDefinition = {
  id: 'hat',
  category: 'clothing',
  nouns: [
    { word: 'hat' },
    { word: 'top hat', variant: 'top' },
    { word: 'bowler', variant: 'bowler' },
    { word: 'fedora', variant: 'fedora' },
    { word: 'cowboy hat', variant: 'cowboy' },
    { word: 'wizard hat', variant: 'wizard' },
    { word: 'witch hat', variant: 'wizard' },
    { word: 'baseball cap', variant: 'cap' },
    { word: 'cap', variant: 'cap' },
    { word: 'beanie', variant: 'beanie' },
    { word: 'sun hat', variant: 'sun' },
    { word: 'straw hat', variant: 'sun' },
    { word: 'sombrero', variant: 'sombrero' },
    { word: 'party hat', variant: 'party' },
    { word: 'beret', variant: 'beanie' },
  ],
  variantWords: {
    top: 'top',
    cowboy: 'cowboy',
    wizard: 'wizard',
    witch: 'wizard',
    baseball: 'cap',
    party: 'party',
  },
  variantMaterials: {
    wizard: { crown: ['felt', 'midnightblue'] },
    sun: { crown: ['wicker', 'wheat'] },
    sombrero: { crown: ['wicker', 'wheat'] },
    cowboy: { crown: ['leather', 'saddlebrown'] },
    cap: { crown: ['cotton', 'royalblue'] },
    beanie: { crown: ['wool', 'crimson'] },
    party: { crown: ['paper', 'hotpink', 'dots', 'white'] },
  },
  groups: [
    colored('crown', ['crown', 'hat', 'body', 'top'], 'felt', { color: 'black', takesMainMaterial: true }),
    colored('brim', ['brim', 'visor', 'peak'], 'felt', { color: 'black', takesMainMaterial: true }),
    accent('band', ['band', 'ribbon', 'hatband', 'pompom'], 'silk', { color: 'darkred', optional: 'on' }),
  ],
  size: { width: [0.12, 0.72], height: [0.075, 0.43], depth: [0.12, 0.72] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const kind = variant ?? rng.pick(['fedora', 'top', 'bowler', 'cowboy']);
    const r = rng.range(0.085, 0.095) * size.width;
    const parts: BuiltPart[] = [];
    const brim = (rb: number, t = 0.004, curl = 0) => {
      const b = kit.revolve(
        [
          [r * 0.95, 0],
          [rb, 0],
          [rb, t],
          [r * 0.95, t],
        ],
        { segments: 48 },
      );
      return curl > 0
        ? b.warp((xyz, n) => {
            for (let i = 0; i < n; i++) {
              const x = xyz[i * 3];
              const z = xyz[i * 3 + 2];
              const d = Math.hypot(x, z);
              const side = Math.abs(x) / Math.max(d, 1e-6);
              xyz[i * 3 + 1] += Math.max(0, d - r) ** 1.5 * curl * side ** 2;
            }
          })
        : b;
    };
    const crownSolid = (h: number, top: number, bulge = 1) =>
      turned(
        kit,
        [
          [r, 0],
          [r * bulge, h * 0.5],
          [r * top, h * 0.95],
          [0.0001, h],
        ],
        3,
        36,
      );
    const band = (y: number) =>
      kit.revolve(
        [
          [r * 0.99, y],
          [r * 1.02, y],
          [r * 1.02, y + 0.018],
          [r * 0.99, y + 0.018],
        ],
        { segments: 36 },
      );
    if (kind === 'cap') {
      parts.push({
        name: 'crown',
        group: 'crown',
        solid: turned(
          kit,
          [
            [r, 0],
            [r * 0.95, r * 0.45],
            [r * 0.6, r * 0.85],
            [0.0001, r * 0.95],
          ],
          4,
          32,
        ),
        uv: cyl,
      });
      parts.push({
        name: 'visor',
        group: 'brim',
        solid: kit
          .extrude(
            [
              [-r * 0.8, 0],
              [r * 0.8, 0],
              [r * 0.6, r * 0.75],
              [0, r * 0.85],
              [-r * 0.6, r * 0.75],
            ],
            0.004,
          )
          .rotate(90, 0, 0)
          .rotate(-8, 0, 0)
          .translate(0, 0.01, r * 0.75),
      });
      return parts;
    }
    if (kind === 'beanie') {
      parts.push({
        name: 'crown',
        group: 'crown',
        solid: turned(
          kit,
          [
            [r, 0],
            [r * 1.02, r * 0.4],
            [r * 0.8, r * 0.85],
            [0.0001, r],
          ],
          4,
          32,
        ),
        uv: cyl,
      });
      if (has('band'))
        parts.push({
          name: 'pompom',
          group: 'band',
          solid: kit.sphere(r * 0.3, 14).translate(0, r * 1.15, 0),
        });
      return parts;
    }
    if (kind === 'wizard' || kind === 'party') {
      const h = (kind === 'wizard' ? rng.range(0.3, 0.4) : rng.range(0.15, 0.2)) * size.height;
      const tip =
        kind === 'wizard' ? bezier([0, h * 0.6, 0], [0, h * 0.9, 0], [-h * 0.2, h, -h * 0.1], 6) : [];
      parts.push({
        name: 'crown',
        group: 'crown',
        solid: turned(
          kit,
          [
            [r * (kind === 'party' ? 0.8 : 1), 0],
            [r * 0.4, h * 0.55],
            [0.0001, h * (kind === 'party' ? 1 : 0.62)],
          ],
          1,
          32,
        ),
        uv: cyl,
      });
      if (kind === 'wizard') {
        parts.push({
          name: 'tip',
          group: 'crown',
          solid: kit.tube(
            tip,
            tip.map((_, i) => r * 0.18 * (1 - i / 7)),
            { segments: 10 },
          ),
        });
        parts.push({ name: 'brim', group: 'brim', solid: brim(r * 2.2, 0.005) });
      }
      return parts;
    }
    const dims: Record<string, { h: number; rb: number; top: number; bulge: number; curl: number }> = {
      top: { h: 0.16, rb: 1.55, top: 1.05, bulge: 0.97, curl: 0.6 },
      bowler: { h: 0.1, rb: 1.35, top: 0.75, bulge: 1.02, curl: 1.2 },
      fedora: { h: 0.11, rb: 1.6, top: 0.75, bulge: 0.98, curl: 0.4 },
      cowboy: { h: 0.12, rb: 1.9, top: 0.75, bulge: 1.0, curl: 3 },
      sun: { h: 0.09, rb: 2.3, top: 0.8, bulge: 1.0, curl: 0 },
      sombrero: { h: 0.2, rb: 3.5, top: 0.35, bulge: 0.9, curl: -0.5 },
    };
    const d = dims[kind] ?? dims.fedora;
    const h = d.h * size.height;
    parts.push({ name: 'crown', group: 'crown', solid: crownSolid(h, d.top, d.bulge), uv: cyl });
    parts.push({ name: 'brim', group: 'brim', solid: brim(r * d.rb, 0.005, Math.max(0, d.curl)) });
    if (has('band')) parts.push({ name: 'band', group: 'band', solid: band(0.005) });
    return parts;
  },
};

export const shoe: FamilyDefinition = {
  id: 'shoe',
  category: 'clothing',
  nouns: [
    { word: 'shoe' },
    { word: 'sneaker', variant: 'sneaker' },
    { word: 'trainer', variant: 'sneaker' },
    { word: 'boot', variant: 'boot' },
    { word: 'high heel', variant: 'heel' },
    { word: 'heels', variant: 'heel' },
    { word: 'slipper', variant: 'slipper' },
    { word: 'sandal', variant: 'slipper' },
    { word: 'loafer' },
    { word: 'cowboy boot', variant: 'boot' },
    { word: 'ice skate', variant: 'skate' },
    { word: 'roller skate', variant: 'roller' },
  ],
  hypernyms: ['footwear', 'shoe', 'boot'],
  variantMaterials: {
    sneaker: { upper: ['canvas', 'white'] },
    boot: { upper: ['leather', 'peru'] },
    heel: { upper: ['leather', 'red'] },
    slipper: { upper: ['plush', 'pink'] },
  },
  groups: [
    colored('upper', ['upper', 'shoe', 'body', 'leather', 'toe'], 'leather', {
      color: 'saddlebrown',
      takesMainMaterial: true,
    }),
    accent('sole', ['sole', 'soles', 'heel', 'laces', 'blade', 'wheels'], 'rubber', { color: 'dimgray' }),
  ],
  size: { width: [0.08, 0.12], height: [0.05, 0.34], depth: [0.24, 0.33] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const L = rng.range(0.26, 0.3) * size.depth;
    const W = L * rng.range(0.35, 0.38) * size.width;
    const heel = variant === 'heel';
    const boot = variant === 'boot';
    const soleT = variant === 'sneaker' ? 0.024 : variant === 'slipper' ? 0.012 : 0.016;
    const lift = heel ? 0.08 : 0;
    const spring = heel ? 0 : 0.012;
    // The sole's underside along the foot: raised under the heel for a high heel, curling up at the toe.
    const soleY = (z: number) =>
      lift * Math.max(0, Math.min(1, (-z / L + 0.2) * 2.2)) +
      spring * Math.max(0, (z - 0.25 * L) / (0.25 * L)) ** 2;
    const soleTop = (z: number) => soleY(z) + soleT;
    // Half-width of the foot outline: narrow heel, wide ball, rounded toe.
    const halfWidth = (z: number) => {
      const a = Math.asin(Math.max(-1, Math.min(1, (2 * z) / L)));
      return Math.max(W * 0.03, (W / 2) * Math.cos(a) * (0.86 + 0.14 * Math.sin(a)));
    };
    // Sole: cross-sections (rounded rectangles) from heel to toe, following the sole line.
    const rings: Vec3[][] = [];
    const N = 26;
    for (let i = 0; i <= N; i++) {
      const z = (-L / 2) * Math.cos((i / N) * Math.PI);
      const hw = halfWidth(z);
      const y0 = soleY(z);
      const ring: Vec3[] = [];
      for (let k = 0; k < 16; k++) {
        const phi = (k / 16) * Math.PI * 2;
        const c = Math.cos(phi);
        const sn = Math.sin(phi);
        ring.push([
          hw * Math.sign(c) * Math.abs(c) ** 0.35,
          y0 + (soleT / 2) * (1 + Math.sign(sn) * Math.abs(sn) ** 0.35),
          z,
        ]);
      }
      rings.push(ring);
    }
    // Upper: a low toe box, a higher instep and heel counter, the foot opening carved into the top.
    const tall = rng.range(0.92, 1.1) * size.height;
    const hToe = (heel ? 0.034 : variant === 'slipper' ? 0.04 : 0.045) * tall;
    const hCollar =
      (variant === 'sneaker' ? 0.078 : heel ? 0.05 : variant === 'slipper' ? 0.055 : 0.068) * tall;
    const slope = (z: number) => Math.atan2(soleY(z + 0.01) - soleY(z - 0.01), 0.02);
    const shell = (z: number, r: Vec3, blend: number): SdfPrimitive =>
      sdfEllipsoid([0, soleTop(z), z], [r[2], r[1], r[0]], blend, slope(z), -Math.PI / 2);
    const prims: SdfPrimitive[] = [
      shell(L * 0.16, [W * 0.45, hToe, L * 0.31], 0),
      shell(-L * 0.06, [W * 0.44, hCollar * (heel ? 0.7 : 0.82), L * 0.24], 0.015),
      shell(-L * 0.3, [W * 0.4, hCollar, L * 0.19], 0.015),
    ];
    let insole: Solid | undefined;
    if (boot) {
      const top = soleT + 0.25 * size.height;
      prims.push(
        sdfCapsule(
          [0, soleTop(-L * 0.22) + hCollar * 0.5, -L * 0.22],
          [0, top - W * 0.3, -L * 0.25],
          W * 0.42,
          W * 0.4,
          0.03,
        ),
      );
      prims.push({
        ...sdfCapsule([0, top - 0.03, -L * 0.25], [0, top + 0.1, -L * 0.25], W * 0.3, W * 0.3, 0.006),
        subtract: true,
      });
    } else {
      const at = heel ? -L * 0.12 : -L * 0.2;
      const c: Vec3 = [0, soleTop(at) + hCollar * 1.3, at];
      const len = heel ? L * 0.26 : L * 0.2;
      prims.push({ ...sdfEllipsoid(c, [W * 0.34, hCollar * 0.95, len], 0.006), subtract: true });
      // A dark insole shows at the bottom of the opening (its edges are hidden inside the upper).
      const insoleTop = soleTop(at) + hCollar * 0.5;
      if (!heel)
        insole = kit
          .cylinder(1, 0.006, { segments: 24 })
          .scale([W * 0.3, 1, len * 0.95])
          .translate(0, insoleTop - 0.006, at);
    }
    // Nothing of the upper below the top of the sole.
    const clip = (z: number) => soleTop(z) - soleT * 0.4;
    prims.push({
      distance: (_x, y, z) => (y - clip(z)) * 0.9,
      min: [-W, -1, -L],
      max: [W, lift + soleT, L],
      blend: 0,
      subtract: true,
    });
    const parts: BuiltPart[] = [
      { name: 'upper', group: 'upper', mesh: ctx.sdf(prims, L / 48), creaseAngle: 60 },
      { name: 'sole', group: 'sole', solid: kit.rings(rings), creaseAngle: 50 },
    ];
    if (insole) parts.push({ name: 'insole', group: 'sole', solid: insole });
    if (heel)
      parts.push({
        name: 'heel',
        group: 'sole',
        solid: kit
          .cylinder(0.008, lift + soleT * 0.5, { radiusTop: 0.015, segments: 10 })
          .translate(0, 0, -L * 0.4),
      });
    if (variant === undefined || variant === 'sneaker') {
      // Laces across the instep: the height of the upper's top there, from the two shells.
      const topAt = (z: number) => {
        const e = (zc: number, len: number, hh: number) => {
          const u = (z - zc) / len;
          return u * u < 1 ? hh * Math.sqrt(1 - u * u) : 0;
        };
        return soleTop(z) + Math.max(e(L * 0.16, L * 0.31, hToe), e(-L * 0.06, L * 0.24, hCollar * 0.82));
      };
      const laces: Solid[] = [];
      for (let i = 0; i < 4; i++) {
        const z = L * (0.1 - i * 0.05);
        const y = topAt(z) + 0.001;
        laces.push(
          kit.cylinderBetween([-W * 0.17, y + 0.001, z], [W * 0.17, y + 0.001, z], 0.0035, { segments: 8 }),
        );
      }
      parts.push({ name: 'laces', group: 'sole', solid: kit.union(laces) });
    }
    return parts;
  },
};

export const sock: FamilyDefinition = {
  id: 'sock',
  category: 'clothing',
  nouns: [
    { word: 'sock' },
    { word: 'stocking', variant: 'stocking' },
    { word: 'christmas stocking', variant: 'stocking' },
    { word: 'mitten', variant: 'mitten' },
    { word: 'glove', variant: 'mitten' },
  ],
  variantMaterials: { stocking: { sock: ['felt', 'red'] } },
  groups: [
    colored('sock', ['sock', 'body', 'fabric', 'cuff'], 'wool', {
      color: 'royalblue',
      takesMainMaterial: true,
      pattern: { id: 'stripes', color2: 'white' },
    }),
  ],
  size: { width: [0.11, 0.25], height: [0.013, 0.031], depth: [0.19, 0.56] },
  build(ctx) {
    const { rng, variant, size } = ctx;
    const mitten = variant === 'mitten';
    const L =
      (variant === 'stocking'
        ? rng.range(0.4, 0.45)
        : mitten
          ? rng.range(0.24, 0.28)
          : rng.range(0.3, 0.36)) * size.depth;
    const W = (mitten ? 0.11 : variant === 'stocking' ? 0.15 : 0.09) * size.width;
    const t = mitten ? 0.035 : 0.025;
    const prims = mitten
      ? [
          sdfEllipsoid([0, t / 2, -L * 0.05], [W * 0.5, t / 2, L * 0.38]),
          sdfCapsule([W * 0.4, t / 2, 0], [W * 0.6, t / 2, L * 0.15], t * 0.5, t * 0.45, t * 0.4),
          sdfEllipsoid([0, t / 2, -L * 0.42], [W * 0.45, t * 0.55, L * 0.1], t * 0.4),
        ]
      : [
          sdfCapsule([0, t / 2, -L * 0.45], [0, t / 2, L * 0.1], W * 0.42, W * 0.4, 0),
          sdfCapsule([0, t / 2, L * 0.1], [W * 0.6, t / 2, L * 0.4], W * 0.4, W * 0.45, W * 0.3),
        ];
    const flat = prims.map((p) => ({
      ...p,
      distance: (x: number, y: number, z: number) =>
        p.distance(x, (y - t / 2) * ((W * 0.42) / (t / 2)) + t / 2, z),
      row: undefined,
      min: [p.min[0], 0, p.min[2]] as Vec3,
      max: [p.max[0], t, p.max[2]] as Vec3,
    }));
    return [{ name: 'sock', group: 'sock', mesh: ctx.sdf(flat, L / 45), creaseAngle: 70 }];
  },
};

export const scarf: FamilyDefinition = {
  id: 'scarf',
  category: 'clothing',
  nouns: [
    { word: 'scarf' },
    { word: 'shawl' },
    { word: 'muffler' },
    { word: 'towel', variant: 'towel' },
    { word: 'blanket', variant: 'towel' },
    { word: 'napkin', variant: 'towel' },
    { word: 'handkerchief', variant: 'towel' },
    { word: 'bandana', variant: 'towel' },
  ],
  groups: [
    colored('scarf', ['scarf', 'fabric', 'body', 'cloth', 'fringe'], 'wool', {
      color: 'firebrick',
      takesMainMaterial: true,
      pattern: { id: 'plaid', color2: 'darkgreen' },
    }),
  ],
  size: { width: [0.5, 2], height: [0.028, 0.063], depth: [0.18, 0.72] },
  build({ kit, rng, variant, size }) {
    const towel = variant === 'towel';
    const L = (towel ? rng.range(0.5, 0.8) : rng.range(1.4, 1.8)) * size.width;
    const W = (towel ? L * rng.range(0.6, 0.9) : rng.range(0.2, 0.28)) * size.depth;
    const t = towel ? 0.006 : 0.008;
    // A cloth lying in soft folds: a thin slab, refined, its surface waved.
    const slab = kit.wrap(kit.box([L, t, W]).manifold.refine(towel ? 12 : 20)).warp((xyz, n) => {
      for (let i = 0; i < n; i++) {
        const x = xyz[i * 3];
        const z = xyz[i * 3 + 2];
        xyz[i * 3 + 1] +=
          t / 2 +
          (Math.sin(x * (towel ? 9 : 6)) * 0.5 + 0.5) * (towel ? 0.015 : 0.04) +
          Math.sin(z * 11 + x * 2) * 0.005 +
          0.005;
      }
    });
    return [{ name: 'scarf', group: 'scarf', solid: slab }];
  },
};

export const tshirt: FamilyDefinition = {
  id: 't-shirt',
  category: 'clothing',
  nouns: [
    { word: 't-shirt' },
    { word: 't shirt' },
    { word: 'tshirt' },
    { word: 'shirt' },
    { word: 'tee' },
    { word: 'jersey' },
    { word: 'sweater', variant: 'sweater' },
    { word: 'jumper', variant: 'sweater' },
    { word: 'hoodie', variant: 'sweater' },
    { word: 'dress', variant: 'dress' },
    { word: 'coat', variant: 'sweater' },
    { word: 'jacket', variant: 'sweater' },
  ],
  hypernyms: ['garment', 'clothing', 'shirt', 'top'],
  groups: [
    colored('shirt', ['shirt', 'body', 'fabric', 'sleeves', 'collar'], 'cotton', {
      color: 'royalblue',
      takesMainMaterial: true,
    }),
  ],
  size: { width: [0.77, 1.8], height: [0.011, 0.022], depth: [0.62, 1.1] },
  build({ kit, rng, variant, size }) {
    const w = rng.range(0.48, 0.56) * size.width;
    const l = (variant === 'dress' ? 1.0 : rng.range(0.68, 0.76)) * size.depth;
    const sleeve = variant === 'sweater' ? 0.55 : variant === 'dress' ? 0.08 : 0.2;
    const t = variant === 'sweater' ? 0.02 : 0.012;
    const hem = variant === 'dress' ? w * 0.85 : w / 2;
    const outline: Array<[number, number]> = [
      [-hem, -l / 2],
      [hem, -l / 2],
      [w / 2, l * 0.15],
      [w / 2 + sleeve * 0.9, l * 0.05],
      [w / 2 + sleeve, l * 0.3],
      [w * 0.32, l / 2],
      [w * 0.14, l / 2],
      [0, l * 0.42],
      [-w * 0.14, l / 2],
      [-w * 0.32, l / 2],
      [-w / 2 - sleeve, l * 0.3],
      [-w / 2 - sleeve * 0.9, l * 0.05],
      [-w / 2, l * 0.15],
    ];
    return [
      {
        name: 'shirt',
        group: 'shirt',
        solid: kit
          .extrude(outline, t)
          .rotate(-90, 0, 0)
          .translate(0, t / 2, 0),
      },
    ];
  },
};

export const glasses: FamilyDefinition = {
  id: 'glasses',
  category: 'clothing',
  nouns: [
    { word: 'glasses' },
    { word: 'eyeglasses' },
    { word: 'spectacles' },
    { word: 'sunglasses', variant: 'sun' },
    { word: 'goggles', variant: 'sun' },
    { word: 'monocle', variant: 'monocle' },
  ],
  variantMaterials: { sun: { lenses: ['glass', 'black'] } },
  groups: [
    structural('frame', ['frame', 'frames', 'rims', 'arms', 'temples'], 'plastic', { color: 'black' }),
    accent('lenses', ['lens', 'lenses'], 'glass'),
  ],
  size: { width: [0.1, 0.15], height: [0.046, 0.064], depth: [0.13, 0.16] },
  build({ kit, rng, size }) {
    const r = rng.range(0.022, 0.027) * size.width;
    const gap = 0.018;
    const parts: BuiltPart[] = [];
    const ringY = r + 0.004;
    for (const [i, s] of [-1, 1].entries()) {
      const cx = s * (r + gap / 2);
      parts.push({
        name: `rim_${i + 1}`,
        group: 'frame',
        solid: torus(kit, r, 0.0025, 0, 28, 6).rotate(90, 0, 0).translate(cx, ringY, 0),
      });
      parts.push({
        name: `lens_${i + 1}`,
        group: 'lenses',
        solid: kit
          .cylinder(r * 0.98, 0.002, { segments: 28 })
          .rotate(90, 0, 0)
          .translate(cx, ringY, -0.001),
      });
      parts.push({
        name: `arm_${i + 1}`,
        group: 'frame',
        solid: kit.boxBetween(
          [s * (2 * r + gap / 2) - 0.0015, ringY - 0.002, -0.14],
          [s * (2 * r + gap / 2) + 0.0015, ringY + 0.002, 0],
        ),
      });
    }
    parts.push({
      name: 'bridge',
      group: 'frame',
      solid: kit.tube(
        bezier(
          [-gap / 2 - 0.001, ringY + r * 0.3, 0],
          [0, ringY + r * 0.55, 0],
          [gap / 2 + 0.001, ringY + r * 0.3, 0],
          6,
        ),
        0.002,
        { segments: 6 },
      ),
    });
    return parts;
  },
};

export const umbrella: FamilyDefinition = {
  id: 'umbrella',
  category: 'clothing',
  nouns: [{ word: 'umbrella' }, { word: 'parasol' }, { word: 'brolly' }],
  groups: [
    colored('canopy', ['canopy', 'fabric', 'top', 'umbrella'], 'canvas', {
      color: 'crimson',
      takesMainMaterial: true,
    }),
    structural('shaft', ['shaft', 'handle', 'pole', 'ribs'], 'steel', { color: 'black' }),
  ],
  size: { width: [0.85, 1.2], height: [0.84, 1.1], depth: [0.85, 1.2] },
  build({ kit, rng, size }) {
    const r = rng.range(0.45, 0.55) * size.width;
    const h = rng.range(0.8, 0.9) * size.height;
    const ribs = 8;
    const outline: Array<[number, number]> = [];
    for (let i = 0; i <= 8; i++)
      outline.push([
        r * Math.sin((i / 8) * Math.PI * 0.5),
        h * 0.82 + r * 0.35 * Math.cos((i / 8) * Math.PI * 0.5),
      ]);
    const canopy = kit
      .revolve(
        [
          ...outline.map(([x, y]) => [x, y] as [number, number]),
          ...outline.reverse().map(([x, y]) => [Math.max(0.0001, x - 0.006), y - 0.006] as [number, number]),
        ],
        { segments: ribs },
      )
      .warp((xyz, n) => {
        for (let i = 0; i < n; i++) {
          const a = Math.atan2(xyz[i * 3 + 2], xyz[i * 3]);
          const scallop = 1 - 0.06 * Math.abs(Math.sin((a * ribs) / 2));
          xyz[i * 3] *= scallop;
          xyz[i * 3 + 2] *= scallop;
        }
      });
    const handle = bezier([0, 0.1, 0], [0, 0.0, 0.06], [0, 0.06, 0.1], 8);
    return [
      { name: 'canopy', group: 'canopy', solid: canopy },
      {
        name: 'shaft',
        group: 'shaft',
        solid: kit.cylinder(0.007, h * 0.82 + r * 0.4, { segments: 8 }).translate(0, 0.1, 0),
      },
      {
        name: 'handle',
        group: 'shaft',
        solid: kit.tube(handle, 0.01, { segments: 8 }).translate(0, 0.01, 0),
      },
    ];
  },
};

export const handbag: FamilyDefinition = {
  id: 'handbag',
  category: 'clothing',
  nouns: [
    { word: 'handbag' },
    { word: 'purse' },
    { word: 'tote' },
    { word: 'tote bag' },
    { word: 'clutch' },
    { word: 'shopping bag' },
    { word: 'satchel' },
    { word: 'wallet', variant: 'wallet' },
  ],
  groups: [
    colored('bag', ['bag', 'body', 'leather'], 'leather', { color: 'firebrick', takesMainMaterial: true }),
    accent('handle', ['handle', 'handles', 'strap', 'clasp', 'buckle'], 'leather', { color: 'saddlebrown' }),
  ],
  size: { width: [0.1, 0.39], height: [0.018, 0.4], depth: [0.082, 0.16] },
  build({ kit, rng, variant, size }) {
    if (variant === 'wallet') {
      return [
        {
          name: 'bag',
          group: 'bag',
          solid: kit.roundedBox([0.11 * size.width, 0.02, 0.09], 0.005, 4).translate(0, 0.01, 0),
        },
      ];
    }
    const w = rng.range(0.28, 0.36) * size.width;
    const h = rng.range(0.2, 0.26) * size.height;
    const d = rng.range(0.1, 0.14);
    const body = kit.hull([
      [-w / 2, 0, -d / 2],
      [w / 2, 0, -d / 2],
      [-w / 2, 0, d / 2],
      [w / 2, 0, d / 2],
      [-w * 0.4, h, -d * 0.3],
      [w * 0.4, h, -d * 0.3],
      [-w * 0.4, h, d * 0.3],
      [w * 0.4, h, d * 0.3],
    ]);
    const path = bezier([-w * 0.25, h - 0.01, 0], [0, h + h * 0.8, 0], [w * 0.25, h - 0.01, 0], 12);
    return [
      { name: 'bag', group: 'bag', solid: body },
      { name: 'handle', group: 'handle', solid: kit.tube(path, 0.008, { segments: 8 }) },
      { name: 'clasp', group: 'handle', solid: kit.box([0.03, 0.03, 0.01]).translate(0, h * 0.8, d * 0.34) },
    ];
  },
};

export const tie: FamilyDefinition = {
  id: 'necktie',
  category: 'clothing',
  nouns: [
    { word: 'necktie' },
    { word: 'tie' },
    { word: 'bow tie', variant: 'bow' },
    { word: 'bowtie', variant: 'bow' },
    { word: 'cravat' },
  ],
  groups: [
    colored('tie', ['tie', 'body', 'fabric', 'knot'], 'silk', {
      color: 'navy',
      takesMainMaterial: true,
      pattern: { id: 'stripes', color2: 'goldenrod' },
    }),
  ],
  size: { width: [0.058, 0.13], height: [0.0055, 0.022], depth: [0.055, 1.7] },
  build({ kit, rng, variant, size }) {
    if (variant === 'bow') {
      const w = 0.12 * size.width;
      return [
        {
          name: 'tie',
          group: 'tie',
          solid: kit
            .extrude(
              [
                [-w / 2, -0.03],
                [0, -0.008],
                [w / 2, -0.03],
                [w / 2, 0.03],
                [0, 0.008],
                [-w / 2, 0.03],
              ],
              0.012,
            )
            .rotate(-90, 0, 0)
            .translate(0, 0.006, 0)
            .add(kit.roundedBox([0.022, 0.02, 0.026], 0.006, 4).translate(0, 0.01, 0)),
        },
      ];
    }
    const L = rng.range(1.4, 1.5) * size.depth;
    const w = rng.range(0.07, 0.09) * size.width;
    return [
      {
        name: 'tie',
        group: 'tie',
        solid: kit
          .extrude(
            [
              [-w * 0.2, L / 2],
              [w * 0.2, L / 2],
              [w * 0.45, -L / 2 + w * 0.5],
              [0, -L / 2],
              [-w * 0.45, -L / 2 + w * 0.5],
            ],
            0.006,
          )
          .rotate(-90, 0, 0)
          .translate(0, 0.003, 0),
      },
    ];
  },
};

// ---- jewellery ---------------------------------------------------------------------------------------

const metal = (material = 'gold') =>
  structural('metal', ['metal', 'band', 'chain', 'ring', 'setting', 'body', 'frame'], material);
const gem = (color = 'crimson') =>
  accent(
    'gem',
    ['gem', 'gems', 'stone', 'stones', 'jewel', 'jewels', 'diamond', 'ruby', 'emerald', 'sapphire', 'pearl'],
    'gem',
    { color },
  );

/** A cut gem: a crown and a pavilion, as one hull, its table up, centred at c. */
function cutGem(kit: Parameters<FamilyDefinition['build']>[0]['kit'], c: Vec3, r: number, n = 8): Solid {
  const pts: Vec3[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    pts.push([c[0] + Math.cos(a) * r, c[1], c[2] + Math.sin(a) * r]);
    pts.push([
      c[0] + Math.cos(a + Math.PI / n) * r * 0.6,
      c[1] + r * 0.35,
      c[2] + Math.sin(a + Math.PI / n) * r * 0.6,
    ]);
  }
  pts.push([c[0], c[1] - r * 0.9, c[2]]);
  return kit.hull(pts);
}

export const ring: FamilyDefinition = {
  id: 'ring',
  category: 'jewellery',
  nouns: [
    { word: 'ring' },
    { word: 'wedding ring', variant: 'band' },
    { word: 'engagement ring' },
    { word: 'diamond ring' },
    { word: 'band', variant: 'band' },
  ],
  groups: [metal(), gem('white')],
  size: { width: [0.02, 0.028], height: [0.032, 0.045], depth: [0.0031, 0.0076] },
  build({ kit, rng, variant, size }) {
    const R = rng.range(0.009, 0.011) * size.width;
    const t = 0.0018;
    const parts: BuiltPart[] = [
      {
        name: 'band',
        group: 'metal',
        solid: torus(kit, R, t, 0, 40, 10)
          .scale([1, 1, 1.6])
          .rotate(90, 0, 0)
          .translate(0, R + t, 0),
      },
    ];
    if (variant !== 'band') {
      parts.push({
        name: 'setting',
        group: 'metal',
        solid: kit
          .cylinder(0.0025, 0.004, { radiusTop: 0.0035, segments: 12 })
          .translate(0, 2 * R + t * 0.5, 0),
      });
      parts.push({ name: 'gem', group: 'gem', solid: cutGem(kit, [0, 2 * R + t + 0.004, 0], 0.0035) });
    }
    return parts;
  },
};

export const necklace: FamilyDefinition = {
  id: 'necklace',
  category: 'jewellery',
  nouns: [
    { word: 'necklace' },
    { word: 'pendant', variant: 'pendant' },
    { word: 'amulet', variant: 'pendant' },
    { word: 'locket', variant: 'pendant' },
    { word: 'chain', variant: 'chain' },
    { word: 'pearl necklace', variant: 'pearls' },
    { word: 'bracelet', variant: 'bracelet' },
    { word: 'bangle', variant: 'bracelet' },
    { word: 'medal', variant: 'medal' },
  ],
  variantMaterials: { pearls: { metal: ['pearl', 'white'] } },
  groups: [metal(), gem('royalblue')],
  size: { width: [0.065, 0.29], height: [0.0022, 0.016], depth: [0.065, 0.4] },
  build({ kit, rng, variant, size }) {
    const bracelet = variant === 'bracelet';
    const R = (bracelet ? rng.range(0.032, 0.036) : rng.range(0.1, 0.13)) * size.width;
    const parts: BuiltPart[] = [];
    // A necklace laid out flat: round at the back (the clasp, -Z), drawn to a V at the front (+Z) where
    // the pendant hangs. A bracelet is a plain ring.
    const loopAt = (a: number): [number, number] => {
      if (bracelet) return [Math.sin(a) * R, -Math.cos(a) * R];
      const front = ((1 - Math.cos(a)) / 2) ** 2;
      return [Math.sin(a) * R * (1 - 0.45 * front), -Math.cos(a) * R * 1.15];
    };
    if (variant === 'pearls') {
      const pr = 0.0045;
      const samples: Array<[number, number]> = [];
      for (let i = 0; i <= 400; i++) samples.push(loopAt((i / 400) * Math.PI * 2));
      // Pearls at equal steps along the loop.
      let length = 0;
      for (let i = 1; i < samples.length; i++)
        length += Math.hypot(samples[i][0] - samples[i - 1][0], samples[i][1] - samples[i - 1][1]);
      const n = Math.floor(length / (pr * 2.15));
      const step = length / n;
      const beads: Solid[] = [];
      let walked = 0;
      let next = 0;
      for (let i = 1; i < samples.length && beads.length < n; i++) {
        const d = Math.hypot(samples[i][0] - samples[i - 1][0], samples[i][1] - samples[i - 1][1]);
        if (walked + d >= next) {
          beads.push(kit.sphere(pr, 10).translate(samples[i][0], pr, samples[i][1]));
          next += step;
        }
        walked += d;
      }
      parts.push({ name: 'pearls', group: 'metal', solid: kit.compose(beads) });
      return parts;
    }
    const chain: Vec3[] = [];
    const n = 64;
    const wire = bracelet ? 0.003 : 0.0024;
    for (let i = 0; i < n; i++) {
      const [x, z] = loopAt((i / n) * Math.PI * 2);
      chain.push([x, wire, z]);
    }
    parts.push({ name: 'chain', group: 'metal', solid: torusPath(kit, chain, wire) });
    if (variant === 'pendant' || variant === 'medal' || (!bracelet && variant !== 'chain')) {
      const pz = R * 1.15;
      if (variant === 'medal')
        parts.push({
          name: 'medal',
          group: 'metal',
          solid: kit.cylinder(0.025, 0.003, { segments: 28 }).translate(0, 0, pz + 0.024),
        });
      else {
        const gr = rng.range(0.013, 0.017);
        parts.push({
          name: 'setting',
          group: 'metal',
          solid: kit
            .cylinder(gr * 1.3, 0.003, { segments: 24 })
            .scale([1, 1, 1.25])
            .translate(0, 0, pz + gr * 1.2),
        });
        parts.push({
          name: 'gem',
          group: 'gem',
          solid: cutGem(kit, [0, gr * 0.9, 0], gr)
            .scale([1, 0.6, 1.25])
            .translate(0, 0, pz + gr * 1.2),
        });
      }
    }
    return parts;
  },
};

/** A closed tube through a loop of points (a chain, a bracelet). */
function torusPath(kit: Parameters<FamilyDefinition['build']>[0]['kit'], loop: Vec3[], r: number): Solid {
  return kit.tube(loop, r, { segments: 8, closed: true });
}

export const crown: FamilyDefinition = {
  id: 'crown',
  category: 'jewellery',
  nouns: [
    { word: 'crown' },
    { word: 'tiara', variant: 'tiara' },
    { word: 'diadem', variant: 'tiara' },
    { word: 'circlet', variant: 'tiara' },
    { word: 'coronet' },
  ],
  groups: [metal(), gem('crimson')],
  size: { width: [0.16, 0.24], height: [0.045, 0.15], depth: [0.16, 0.24] },
  build({ kit, rng, variant, size }) {
    const r = rng.range(0.085, 0.1) * size.width;
    const h = (variant === 'tiara' ? 0.04 : rng.range(0.08, 0.12)) * size.height;
    const points = variant === 'tiara' ? 5 : rng.pick([5, 6, 8]);
    const band = kit.revolve(
      [
        [r - 0.004, 0],
        [r, 0],
        [r, h * 0.45],
        [r - 0.004, h * 0.45],
      ],
      { segments: points * 6 },
    );
    const spikes: Solid[] = [];
    const gems: Solid[] = [];
    for (let i = 0; i < points; i++) {
      const a = (i / points) * 360;
      const spike = kit
        .extrude(
          [
            [-r * 0.25, 0],
            [r * 0.25, 0],
            [0, h * 0.6],
          ],
          0.004,
        )
        .translate(0, h * 0.45 - 0.002, r - 0.002)
        .rotate(0, a, 0);
      spikes.push(spike);
      const ar = (a * Math.PI) / 180;
      gems.push(
        kit.sphere(0.006, 10).translate(Math.sin(ar) * (r + 0.002), h * 0.23, Math.cos(ar) * (r + 0.002)),
      );
      spikes.push(
        kit
          .sphere(0.005, 8)
          .translate(Math.sin(ar) * (r - 0.001), h * 1.05 + 0.002, Math.cos(ar) * (r - 0.001)),
      );
    }
    return [
      { name: 'band', group: 'metal', solid: band, uv: cyl },
      { name: 'points', group: 'metal', solid: kit.union(spikes) },
      { name: 'gems', group: 'gem', solid: kit.compose(gems) },
    ];
  },
};

export const gemstone: FamilyDefinition = {
  id: 'gem',
  category: 'jewellery',
  nouns: [
    { word: 'gem' },
    { word: 'gemstone' },
    { word: 'diamond' },
    { word: 'ruby' },
    { word: 'emerald', variant: 'emerald' },
    { word: 'sapphire', variant: 'sapphire' },
    { word: 'jewel' },
    { word: 'crystal', variant: 'crystal' },
    { word: 'amethyst', variant: 'amethyst' },
  ],
  variantMaterials: {
    emerald: { gem: ['gem', 'green'] },
    sapphire: { gem: ['gem', 'blue'] },
    amethyst: { gem: ['gem', 'purple'] },
    crystal: { gem: ['crystal', 'white'] },
  },
  groups: [gem('white')],
  size: { width: [0.016, 0.086], height: [0.01, 0.17], depth: [0.016, 0.074] },
  build({ kit, rng, variant, size }) {
    if (variant === 'crystal') {
      const r = rng.range(0.02, 0.04) * size.width;
      const h = r * rng.range(3, 5) * size.height;
      const pts: Vec3[] = [];
      for (let i = 0; i < 6; i++) {
        const a = (i / 6) * Math.PI * 2;
        pts.push([Math.cos(a) * r, 0, Math.sin(a) * r], [Math.cos(a) * r, h * 0.8, Math.sin(a) * r]);
      }
      pts.push([0, h, 0]);
      return [{ name: 'gem', group: 'gem', solid: kit.hull(pts) }];
    }
    const r = rng.range(0.008, 0.015) * size.width;
    return [{ name: 'gem', group: 'gem', solid: cutGem(kit, [0, r * 0.9, 0], r, 8).rotate(0, 0, 0) }];
  },
};

export const coin: FamilyDefinition = {
  id: 'coin',
  category: 'jewellery',
  nouns: [{ word: 'coin' }, { word: 'doubloon' }, { word: 'token' }, { word: 'gold coin' }],
  groups: [metal('gold')],
  size: { width: [0.02, 0.035], height: [0.0018, 0.0022], depth: [0.02, 0.035] },
  build({ kit, rng, size }) {
    const r = rng.range(0.01, 0.016) * size.width;
    const t = 0.002;
    return [
      {
        name: 'coin',
        group: 'metal',
        solid: kit.revolve(
          [
            [0.0001, 0],
            [r, 0],
            [r, t],
            [r * 0.88, t],
            [r * 0.85, t * 0.8],
            [0.0001, t * 0.8],
          ],
          { segments: 40 },
        ),
        uv: cyl,
      },
    ];
  },
};

export const watch: FamilyDefinition = {
  id: 'watch',
  category: 'jewellery',
  nouns: [
    { word: 'watch' },
    { word: 'wristwatch' },
    { word: 'pocket watch', variant: 'pocket' },
    { word: 'smartwatch', variant: 'smart' },
  ],
  groups: [
    metal('steel'),
    accent('face', ['face', 'dial', 'hands', 'glass', 'screen'], 'ceramic', { color: 'white' }),
    accent('strap', ['strap', 'band', 'bracelet'], 'leather', { color: 'saddlebrown' }),
  ],
  size: { width: [0.035, 0.048], height: [0.0096, 0.016], depth: [0.041, 0.24] },
  build({ kit, rng, variant, size }) {
    const r = rng.range(0.019, 0.022) * size.width;
    const t = 0.01;
    const parts: BuiltPart[] = [
      {
        name: 'case',
        group: 'metal',
        solid: turned(
          kit,
          [
            [r * 0.95, 0],
            [r, t * 0.4],
            [r * 0.9, t],
          ],
          1,
          32,
        ),
      },
      {
        name: 'face',
        group: 'face',
        solid: kit.cylinder(r * 0.85, 0.0015, { segments: 32 }).translate(0, t - 0.001, 0),
      },
    ];
    if (variant === 'pocket')
      parts.push({
        name: 'bow',
        group: 'metal',
        solid: torus(kit, r * 0.25, 0.0015, 0, 16, 6)
          .rotate(90, 0, 0)
          .translate(0, t / 2, -r - r * 0.22),
      });
    else
      parts.push({
        name: 'strap',
        group: 'strap',
        solid: kit.boxBetween([-r * 0.6, 0.001, -0.11], [r * 0.6, 0.004, 0.11]),
      });
    return parts;
  },
};

// ---- plants and flowers ----------------------------------------------------------------------------------

const stemGroup = accent('stem', ['stem', 'stems', 'stalk', 'leaf', 'leaves'], 'foliage');
const potGroup = main('pot', ['pot', 'planter', 'vase'], 'terracotta', { optional: 'on' });

export const flower: FamilyDefinition = {
  id: 'flower',
  category: 'plant',
  nouns: [
    { word: 'flower' },
    { word: 'rose', variant: 'rose' },
    { word: 'tulip', variant: 'tulip' },
    { word: 'daisy', variant: 'daisy' },
    { word: 'sunflower', variant: 'sunflower' },
    { word: 'lily', variant: 'tulip' },
    { word: 'poppy', variant: 'daisy' },
    { word: 'blossom' },
    { word: 'orchid', variant: 'tulip' },
    { word: 'bouquet', variant: 'bouquet' },
  ],
  hypernyms: ['flower', 'angiosperm', 'flowering plant'],
  variantMaterials: {
    sunflower: { petals: ['petal', 'gold'] },
    daisy: { petals: ['petal', 'white'] },
    tulip: { petals: ['petal', 'red'] },
    rose: { petals: ['petal', 'crimson'] },
  },
  groups: [
    colored('petals', ['petal', 'petals', 'flower', 'bloom', 'blossom', 'head'], 'petal', {
      color: 'orchid',
      takesMainMaterial: true,
    }),
    stemGroup,
    accent('center', ['center', 'centre', 'seeds', 'disc'], 'food', { color: 'saddlebrown' }),
  ],
  size: { width: [0.053, 0.38], height: [0.31, 2.2], depth: [0.1, 0.52] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const kind = variant ?? rng.pick(['daisy', 'tulip', 'rose']);
    const sun = kind === 'sunflower';
    const h = (sun ? rng.range(1.4, 1.9) : rng.range(0.3, 0.45)) * size.height;
    const head = (sun ? 0.12 : 0.035) * size.width;
    const lean = rng.range(-0.04, 0.04) * h;
    const top: Vec3 = [lean, h, 0];
    const stemPath = bezier([0, 0, 0], [0, h * 0.5, 0], top, 10);
    const parts: BuiltPart[] = [
      { name: 'stem', group: 'stem', solid: kit.tube(stemPath, sun ? 0.012 : 0.003, { segments: 6 }) },
    ];
    for (const [i, y] of [0.3, 0.5].entries()) {
      const leaf = kit
        .extrude(leafOutline(h * (sun ? 0.15 : 0.22), h * 0.035, 6), 0.0015)
        .rotate(-60, 0, 0)
        .rotate(0, i * 160 + 20, 0)
        .translate(stemPath[Math.round(y * 10)][0], h * y, 0);
      parts.push({ name: `leaf_${i + 1}`, group: 'stem', solid: leaf });
    }
    if (kind === 'tulip') {
      parts.push({
        name: 'petals',
        group: 'petals',
        solid: turned(
          kit,
          [
            [0.004, 0],
            [head * 0.8, head * 0.6],
            [head * 0.7, head * 1.6],
            [head * 0.45, head * 1.9],
            [head * 0.5, head * 2.2],
            [0.0001, head * 1.7],
          ],
          3,
          6,
        ).translate(top[0], h - 0.005, 0),
      });
      return parts;
    }
    if (kind === 'rose') {
      parts.push({
        name: 'petals',
        group: 'petals',
        solid: turned(
          kit,
          [
            [0.004, 0],
            [head * 0.9, head * 0.5],
            [head, head * 1.0],
            [head * 0.6, head * 1.35],
            [0.0001, head * 1.2],
          ],
          3,
          10,
        )
          .warp((xyz, n) => {
            for (let i = 0; i < n; i++) {
              const a = Math.atan2(xyz[i * 3 + 2], xyz[i * 3] - top[0]);
              const y = xyz[i * 3 + 1];
              const k = 1 + 0.12 * Math.sin(a * 5 + y * 300);
              xyz[i * 3] = top[0] + (xyz[i * 3] - top[0]) * k;
              xyz[i * 3 + 2] *= k;
            }
          })
          .translate(top[0], h - 0.005, 0),
      });
      return parts;
    }
    const nPetals = sun ? 20 : 12;
    const petals: Solid[] = [];
    for (let i = 0; i < nPetals; i++) {
      const a = (i / nPetals) * 360;
      petals.push(
        kit
          .extrude(leafOutline(head * 1.1, head * 0.22, 5), 0.002)
          .rotate(90, 0, 0)
          .rotate(0, 90, 0)
          .translate(head * 0.35, 0, 0)
          .rotate(0, a, 0),
      );
    }
    const face = sun ? -70 : -80;
    parts.push({
      name: 'petals',
      group: 'petals',
      solid: kit
        .union(petals)
        .rotate(face + 90, 0, 0)
        .translate(top[0], h + 0.004, 0),
    });
    parts.push({
      name: 'center',
      group: 'center',
      solid: kit
        .cylinder(head * 0.45, head * 0.2, { segments: 24 })
        .translate(0, -head * 0.1, 0)
        .rotate(face + 90, 0, 0)
        .translate(top[0], h + 0.006, 0),
    });
    return parts;
  },
};

export const cactus: FamilyDefinition = {
  id: 'cactus',
  category: 'plant',
  nouns: [
    { word: 'cactus' },
    { word: 'cacti' },
    { word: 'succulent', variant: 'succulent' },
    { word: 'aloe', variant: 'succulent' },
    { word: 'saguaro' },
  ],
  groups: [
    colored('body', ['body', 'cactus', 'arms', 'leaves'], 'foliage', {
      color: 'seagreen',
      takesMainMaterial: true,
    }),
    potGroup,
    accent('spines', ['spine', 'spines', 'flower', 'needles'], 'petal', { color: 'hotpink', optional: 'on' }),
  ],
  size: { width: [0.1, 0.25], height: [0.1, 0.72], depth: [0.1, 0.17] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const potH = has('pot') ? rng.range(0.07, 0.1) * size.height : 0;
    const potR = rng.range(0.05, 0.07) * size.width;
    const parts: BuiltPart[] = [];
    if (potH > 0)
      parts.push({
        name: 'pot',
        group: 'pot',
        solid: turned(
          kit,
          [
            [potR * 0.75, 0],
            [potR, potH * 0.85],
            [potR * 1.1, potH * 0.86],
            [potR * 1.1, potH],
          ],
          1,
          24,
        ),
        uv: cyl,
      });
    if (variant === 'succulent') {
      const leaves: Solid[] = [];
      for (let ring = 0; ring < 3; ring++) {
        const n = 8 - ring * 2;
        for (let i = 0; i < n; i++) {
          const a = (i / n) * 360 + ring * 20;
          leaves.push(
            kit
              .sphere(1, 8)
              .scale([potR * 0.12, potR * 0.5 * (1 - ring * 0.2), potR * 0.25])
              .translate(0, potR * 0.4, 0)
              .rotate(-(60 - ring * 20), 0, 0)
              .rotate(0, a, 0),
          );
        }
      }
      parts.push({ name: 'body', group: 'body', solid: kit.union(leaves).translate(0, potH * 0.95, 0) });
      return parts;
    }
    const h = rng.range(0.25, 0.6) * size.height;
    const r = potR * 0.6;
    const ribbed = (hh: number, rr: number) =>
      turned(
        kit,
        [
          [rr * 0.9, 0],
          [rr, hh * 0.3],
          [rr * 0.95, hh * 0.85],
          [0.0001, hh],
        ],
        3,
        24,
      ).warp((xyz, n) => {
        for (let i = 0; i < n; i++) {
          const a = Math.atan2(xyz[i * 3 + 2], xyz[i * 3]);
          const k = 1 - 0.1 * Math.abs(Math.sin(a * 4));
          xyz[i * 3] *= k;
          xyz[i * 3 + 2] *= k;
        }
      });
    parts.push({ name: 'body', group: 'body', solid: ribbed(h, r).translate(0, potH * 0.8, 0) });
    for (const [i, s] of [-1, 1].entries()) {
      if (!rng.chance(0.7)) continue;
      const y = potH + h * rng.range(0.3, 0.55);
      // An arm: out from the trunk, then up, ending in a round tip.
      const armPath = bezier([s * r * 0.3, y, 0], [s * r * 2.2, y, 0], [s * r * 2.2, y + h * 0.3, 0], 8);
      parts.push({
        name: `arm_${i + 1}`,
        group: 'body',
        solid: kit.tube(armPath, r * 0.55, { segments: 12 }),
      });
      parts.push({
        name: `arm_tip_${i + 1}`,
        group: 'body',
        solid: kit.sphere(r * 0.55, 12).translate(s * r * 2.2, y + h * 0.3, 0),
      });
    }
    if (has('spines'))
      parts.push({
        name: 'flower',
        group: 'spines',
        solid: kit
          .sphere(r * 0.3, 10)
          .scale([1, 0.6, 1])
          .translate(0, potH * 0.8 + h, 0),
      });
    return parts;
  },
};

export const pottedPlant: FamilyDefinition = {
  id: 'potted plant',
  category: 'plant',
  nouns: [
    { word: 'potted plant' },
    { word: 'houseplant' },
    { word: 'house plant' },
    { word: 'plant' },
    { word: 'fern', variant: 'fern' },
    { word: 'flower pot' },
    { word: 'flowerpot' },
    { word: 'planter' },
    { word: 'bonsai', variant: 'bonsai' },
    { word: 'bonsai tree', variant: 'bonsai' },
    { word: 'monstera' },
  ],
  hypernyms: ['plant', 'vascular plant', 'herb'],
  groups: [
    colored('leaves', ['leaf', 'leaves', 'foliage', 'plant', 'fronds'], 'foliage', {
      takesMainMaterial: false,
    }),
    potGroup,
    accent('soil', ['soil', 'dirt', 'earth', 'trunk'], 'stone', { color: 'saddlebrown' }),
  ],
  size: { width: [0.19, 0.53], height: [0.23, 0.52], depth: [0.17, 0.48] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const potR = rng.range(0.08, 0.13) * size.width;
    const potH = potR * rng.range(1.0, 1.4);
    const parts: BuiltPart[] = [];
    if (has('pot')) {
      parts.push({
        name: 'pot',
        group: 'pot',
        solid: turned(
          kit,
          [
            [potR * 0.7, 0],
            [potR, potH * 0.85],
            [potR * 1.1, potH * 0.86],
            [potR * 1.1, potH],
          ],
          1,
          28,
        ),
        uv: cyl,
      });
      parts.push({
        name: 'soil',
        group: 'soil',
        solid: kit.cylinder(potR * 1.02, 0.01, { segments: 28 }).translate(0, potH - 0.02, 0),
      });
    }
    const base = has('pot') ? potH - 0.015 : 0;
    if (variant === 'bonsai') {
      const trunk = bezier(
        [0, base, 0],
        [potR * 0.8, base + potR, 0],
        [-potR * 0.3, base + potR * 2.2, 0],
        8,
      );
      parts.push({
        name: 'trunk',
        group: 'soil',
        solid: kit.tube(
          trunk,
          trunk.map((_, i) => potR * 0.18 * (1 - i / 12)),
          { segments: 8 },
        ),
      });
      const crowns: Solid[] = [
        [-potR * 0.3, base + potR * 2.3, 0, 0.7],
        [potR * 0.6, base + potR * 1.6, 0.1, 0.5],
      ].map(([x, y, z, s]) =>
        kit
          .sphere(1, 14)
          .scale([potR * 1.2 * s, potR * 0.45 * s, potR * 1.0 * s])
          .translate(x, y, z * potR),
      );
      parts.push({ name: 'leaves', group: 'leaves', solid: kit.compose(crowns) });
      return parts;
    }
    const n = variant === 'fern' ? 14 : rng.int(7, 11);
    const leaves: Solid[] = [];
    const lh = potR * (variant === 'fern' ? 3 : 2.5) * size.height;
    for (let i = 0; i < n; i++) {
      const a = (i / n) * 360 + rng.range(-10, 10);
      const tilt = rng.range(20, 55);
      const leaf = kit
        .extrude(leafOutline(lh * rng.range(0.7, 1), lh * (variant === 'fern' ? 0.06 : 0.18), 6), 0.002)
        .rotate(0, 0, 0)
        .translate(0, 0, 0)
        .rotate(90, 0, 0)
        .rotate(-90 + tilt, 0, 0)
        .rotate(0, a, 0);
      leaves.push(leaf);
    }
    // The stem the leaves grow from: without it their tips all meet in one point and the union leaves
    // micrometre-sized triangles there.
    leaves.push(
      kit.cylinder(lh * 0.03, lh * 0.08, { radiusTop: lh * 0.02, segments: 8 }).translate(0, -0.002, 0),
    );
    parts.push({ name: 'leaves', group: 'leaves', solid: kit.union(leaves).translate(0, base, 0) });
    return parts;
  },
};

export const bush: FamilyDefinition = {
  id: 'bush',
  category: 'plant',
  nouns: [
    { word: 'bush' },
    { word: 'shrub' },
    { word: 'hedge', variant: 'hedge' },
    { word: 'topiary' },
    { word: 'grass', variant: 'grass' },
    { word: 'tuft of grass', variant: 'grass' },
  ],
  groups: [
    colored('leaves', ['leaf', 'leaves', 'foliage', 'bush', 'grass'], 'foliage', {
      takesMainMaterial: false,
    }),
  ],
  size: { width: [0.062, 3.3], height: [0.14, 1.3], depth: [0.062, 2] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'grass') {
      const blades: Solid[] = [];
      const h = rng.range(0.15, 0.25) * size.height;
      for (let i = 0; i < 14; i++) {
        const a = rng.range(0, 360);
        blades.push(
          kit
            .extrude(
              [
                [-0.006, 0],
                [0.006, 0],
                [0, h * rng.range(0.6, 1)],
              ],
              0.001,
            )
            .rotate(rng.range(-25, 5), a, 0)
            .translate(rng.range(-0.03, 0.03), 0, rng.range(-0.03, 0.03)),
        );
      }
      return [{ name: 'leaves', group: 'leaves', solid: kit.union(blades) }];
    }
    if (variant === 'hedge') {
      const L = rng.range(2, 3) * size.width;
      const h = rng.range(0.8, 1.2) * size.height;
      const d = rng.range(0.6, 0.9) * size.depth;
      return [
        { name: 'leaves', group: 'leaves', solid: kit.roundedBox([L, h, d], 0.12, 6).translate(0, h / 2, 0) },
      ];
    }
    const r = rng.range(0.4, 0.7) * size.width;
    const lumps: Array<{ d: Vec3; a: number }> = [];
    for (let i = 0; i < 9; i++) {
      const az = rng.range(0, Math.PI * 2);
      const el = rng.range(-0.2, 1);
      lumps.push({
        d: [Math.cos(el) * Math.cos(az), Math.sin(el), Math.cos(el) * Math.sin(az)],
        a: rng.range(0.1, 0.25),
      });
    }
    const squash = rng.range(0.6, 0.8) * size.height;
    return [
      {
        name: 'leaves',
        group: 'leaves',
        solid: kit.sphere(1, 24).warp((xyz, n) => {
          for (let v = 0; v < n; v++) {
            const x = xyz[v * 3];
            const y = xyz[v * 3 + 1];
            const z = xyz[v * 3 + 2];
            const len = Math.hypot(x, y, z) || 1;
            let g = 1;
            for (const { d, a } of lumps) {
              const dot = (x * d[0] + y * d[1] + z * d[2]) / len;
              if (dot > 0) g += a * dot ** 6;
            }
            xyz[v * 3] = (x / len) * g * r;
            xyz[v * 3 + 1] = Math.max((y / len) * g * r * squash, -r * squash * 0.6) + r * squash * 0.6;
            xyz[v * 3 + 2] = (z / len) * g * r;
          }
        }),
        creaseAngle: 70,
      },
    ];
  },
};

export const palmTree: FamilyDefinition = {
  id: 'palm tree',
  category: 'plant',
  nouns: [{ word: 'palm tree' }, { word: 'palm' }, { word: 'coconut tree' }],
  groups: [
    structural('trunk', ['trunk', 'bark'], 'bark', { color: 'tan' }),
    colored('fronds', ['frond', 'fronds', 'leaves', 'leaf'], 'foliage', { takesMainMaterial: false }),
    accent('coconuts', ['coconut', 'coconuts', 'fruit'], 'fur', { color: 'saddlebrown', optional: 'on' }),
  ],
  size: { width: [5.1, 7.7], height: [5.2, 9.8], depth: [5.1, 7.7] },
  build(ctx) {
    const { kit, rng, size, has } = ctx;
    const h = rng.range(5, 9) * size.height;
    const bend = rng.range(0.3, 1.0);
    const path = bezier([0, 0, 0], [bend, h * 0.55, 0], [bend * 0.4, h, 0], 12);
    const parts: BuiltPart[] = [
      {
        name: 'trunk',
        group: 'trunk',
        solid: kit.tube(
          path,
          path.map((_, i) => 0.2 - i * 0.007),
          { segments: 10 },
        ),
      },
    ];
    const top = path[path.length - 1];
    const fronds: Solid[] = [];
    const n = rng.int(7, 9);
    for (let i = 0; i < n; i++) {
      const a = (i / n) * 360 + rng.range(-10, 10);
      const len = rng.range(2.5, 3.5) * size.width;
      const frond = kit
        .extrude(leafOutline(len, 0.35, 8), 0.02)
        .rotate(90, 0, 0)
        .warp((xyz, c) => {
          for (let k = 0; k < c; k++) {
            const t = xyz[k * 3 + 2] / len;
            xyz[k * 3 + 1] -= t * t * len * 0.45;
          }
        })
        .rotate(-15, a, 0);
      fronds.push(frond);
    }
    fronds.forEach((f, i) => {
      parts.push({
        name: `frond_${i + 1}`,
        group: 'fronds',
        solid: f.translate(top[0], top[1] + i * 0.002, top[2]),
      });
    });
    if (has('coconuts'))
      parts.push({
        name: 'coconuts',
        group: 'coconuts',
        solid: kit.compose(
          [0, 120, 240].map((a) =>
            kit.sphere(0.13, 12).translate(0.22, -0.2, 0).rotate(0, a, 0).translate(top[0], top[1], top[2]),
          ),
        ),
      });
    return parts;
  },
};

export const rock: FamilyDefinition = {
  id: 'rock',
  category: 'plant',
  nouns: [
    { word: 'rock' },
    { word: 'boulder', variant: 'boulder' },
    { word: 'stone' },
    { word: 'pebble', variant: 'pebble' },
    { word: 'log', variant: 'log' },
    { word: 'tree stump', variant: 'stump' },
    { word: 'stump', variant: 'stump' },
  ],
  // Not 'natural object': fruit, sticks and shells are natural objects too, and none is a rock.
  hypernyms: ['rock', 'stone'],
  variantMaterials: { log: { rock: ['bark', 'saddlebrown'] }, stump: { rock: ['bark', 'saddlebrown'] } },
  groups: [main('rock', ['rock', 'stone', 'body', 'bark', 'wood'], 'stone')],
  size: { width: [0.04, 2.5], height: [0.016, 1.35], depth: [0.035, 2] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'log' || variant === 'stump') {
      const r = rng.range(0.15, 0.25) * size.width;
      const l = variant === 'stump' ? rng.range(0.3, 0.5) * size.height : rng.range(1.0, 1.6) * size.depth;
      const s = turned(
        kit,
        [
          [r * 1.15, 0],
          [r, l * 0.15],
          [r, l],
        ],
        2,
        20,
      );
      return [
        {
          name: 'rock',
          group: 'rock',
          solid: variant === 'stump' ? s : s.rotate(90, 0, 0).translate(0, r, -l / 2),
          uv: cyl,
        },
      ];
    }
    const r =
      (variant === 'boulder'
        ? rng.range(0.6, 1.0)
        : variant === 'pebble'
          ? rng.range(0.02, 0.04)
          : rng.range(0.12, 0.3)) * size.width;
    const facets: Array<{ d: Vec3; a: number }> = [];
    for (let i = 0; i < 10; i++) {
      const az = rng.range(0, Math.PI * 2);
      const el = rng.range(-1.2, 1.2);
      facets.push({
        d: [Math.cos(el) * Math.cos(az), Math.sin(el), Math.cos(el) * Math.sin(az)],
        a: rng.range(0.1, 0.3),
      });
    }
    const squash = rng.range(0.5, 0.75);
    const ex = rng.range(1, 1.4);
    return [
      {
        name: 'rock',
        group: 'rock',
        solid: kit.sphere(1, 14).warp((xyz, n) => {
          for (let v = 0; v < n; v++) {
            const x = xyz[v * 3];
            const y = xyz[v * 3 + 1];
            const z = xyz[v * 3 + 2];
            const len = Math.hypot(x, y, z) || 1;
            let g = 1;
            for (const { d, a } of facets) {
              const dot = (x * d[0] + y * d[1] + z * d[2]) / len;
              if (dot > 0.5) g -= a * (dot - 0.5);
            }
            xyz[v * 3] = (x / len) * g * r * ex;
            xyz[v * 3 + 1] = (y / len) * g * r * squash;
            xyz[v * 3 + 2] = (z / len) * g * r;
          }
        }),
        creaseAngle: 30,
      },
    ];
  },
};

export const TOYS: FamilyDefinition[] = [
  teddyBear,
  dice,
  chessPiece,
  chessboard,
  yoyo,
  kite,
  robot,
  rockingHorse,
  blocks,
  balloon,
];
export const CLOTHING: FamilyDefinition[] = [hat, shoe, sock, scarf, tshirt, glasses, umbrella, handbag, tie];
export const JEWELLERY: FamilyDefinition[] = [ring, necklace, crown, gemstone, coin, watch];
export const PLANTS: FamilyDefinition[] = [flower, cactus, pottedPlant, bush, palmTree, rock];
