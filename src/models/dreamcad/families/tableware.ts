import type { Vec3 } from '../../../asset/asset.js';
import { radiusAt, smoothCurve } from '../../../geometry/profile.js';
import type { ProfilePoint, Solid } from '../../../geometry/solid.js';
import {
  accent,
  bezier,
  main,
  roundedRect,
  sideHandle,
  structural,
  torus,
  turned,
  vessel,
} from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Tableware and kitchen things, mostly turned on the Y axis: bowls, plates, glasses, teapots, pots and
 * pans, cutlery and kitchen tools. Real sizes: a cereal bowl is 14–18 cm across, a dinner plate
 * 25–28 cm, a wine glass 18–23 cm tall, a spoon 15–20 cm long.
 */

const cyl = { kind: 'cylindrical' } as const;

export const bowl: FamilyDefinition = {
  id: 'bowl',
  category: 'tableware',
  nouns: [{ word: 'bowl' }, { word: 'basin', variant: 'salad' }, { word: 'dish' }],
  related: ['cereal', 'soup', 'porridge'],
  variantWords: {
    salad: 'salad',
    fruit: 'salad',
    mixing: 'salad',
    serving: 'salad',
    soup: 'soup',
    cereal: 'soup',
    rice: 'soup',
  },
  groups: [main('body', ['body', 'bowl', 'rim'], 'ceramic')],
  size: { width: [0.12, 0.33], height: [0.046, 0.13], depth: [0.12, 0.33] },
  build({ kit, rng, variant, size, anchors }) {
    const big = variant === 'salad';
    const r = (big ? rng.range(0.11, 0.15) : rng.range(0.065, 0.09)) * size.width;
    const h = (big ? rng.range(0.08, 0.12) : rng.range(0.05, 0.075)) * size.height;
    const foot = r * rng.range(0.38, 0.5);
    const controls: ProfilePoint[] = [
      [foot, 0],
      [foot * 1.02, h * 0.08],
      [r * rng.range(0.78, 0.88), h * 0.45],
      [r, h],
    ];
    const wall = Math.max(0.003, r * 0.045);
    const bottom = Math.max(0.004, h * 0.12);
    const outer = smoothCurve(controls, 5);
    anchors.cavity = {
      floor: bottom,
      rim: h,
      floorHalf: [radiusAt(outer, bottom) - wall, radiusAt(outer, bottom) - wall],
      rimHalf: [r - wall, r - wall],
      round: true,
    };
    return [{ name: 'body', group: 'body', solid: vessel(kit, controls, wall, bottom, 5, 48), uv: cyl }];
  },
};

export const plate: FamilyDefinition = {
  id: 'plate',
  category: 'tableware',
  nouns: [
    { word: 'plate' },
    { word: 'saucer', variant: 'saucer' },
    { word: 'platter', variant: 'platter' },
    { word: 'dinnerware' },
  ],
  variantWords: { dinner: 'dinner', side: 'saucer', dessert: 'saucer', serving: 'platter' },
  groups: [main('body', ['body', 'plate', 'rim'], 'porcelain')],
  size: { width: [0.12, 0.43], height: [0.014, 0.036], depth: [0.12, 0.43] },
  build({ kit, rng, variant, size, anchors }) {
    const r =
      (variant === 'saucer'
        ? rng.range(0.065, 0.08)
        : variant === 'platter'
          ? rng.range(0.16, 0.2)
          : rng.range(0.12, 0.14)) * size.width;
    const h = rng.range(0.016, 0.026) * size.height * (variant === 'platter' ? 1.3 : 1);
    const inner = r * rng.range(0.6, 0.7);
    const t = Math.min(0.006, h * 0.3);
    // Top surface: a flat well that rises to the rim; underneath a foot ring.
    const profile: ProfilePoint[] = [
      [0, h * 0.12],
      [inner * 0.7, h * 0.12],
      [inner * 0.72, 0],
      [inner * 0.78, 0],
      [inner * 0.82, h * 0.1],
      [inner, h * 0.25],
      [r, h * 0.85],
      [r, h],
      [r - t * 0.6, h],
      [inner - t * 0.5, h * 0.25 + t],
      [0, h * 0.25 + t],
    ];
    const top = h * 0.25 + t;
    const half = inner * 0.7;
    anchors.rest = { y: top, min: [-half, -half], max: [half, half] };
    return [{ name: 'body', group: 'body', solid: kit.revolve(profile, { segments: 56 }), uv: cyl }];
  },
};

export const wineGlass: FamilyDefinition = {
  id: 'wine glass',
  category: 'tableware',
  nouns: [
    { word: 'wine glass' },
    { word: 'wineglass' },
    { word: 'goblet', variant: 'goblet' },
    { word: 'chalice', variant: 'goblet' },
    { word: 'champagne glass', variant: 'flute' },
    { word: 'flute glass', variant: 'flute' },
    { word: 'martini glass', variant: 'martini' },
    { word: 'cocktail glass', variant: 'martini' },
    { word: 'stemware' },
  ],
  variantWords: { champagne: 'flute', martini: 'martini', cocktail: 'martini' },
  variantMaterials: { goblet: { bowl: 'silver', stem: 'silver', foot: 'silver' } },
  hypernyms: ['glass', 'drinking glass'],
  groups: [
    main('bowl', ['bowl', 'cup'], 'glass'),
    main('stem', ['stem'], 'glass'),
    main('foot', ['foot', 'base'], 'glass'),
  ],
  size: { width: [0.056, 0.14], height: [0.11, 0.26], depth: [0.056, 0.14] },
  build({ kit, rng, variant, size, anchors }) {
    const goblet = variant === 'goblet';
    const flute = variant === 'flute';
    const martini = variant === 'martini';
    const k = size.width;
    const stemH =
      (goblet ? rng.range(0.05, 0.07) : flute ? rng.range(0.08, 0.1) : rng.range(0.07, 0.1)) * size.height;
    const bowlH =
      (goblet
        ? rng.range(0.07, 0.09)
        : flute
          ? rng.range(0.12, 0.14)
          : martini
            ? rng.range(0.06, 0.07)
            : rng.range(0.09, 0.12)) * size.height;
    const footR = rng.range(0.03, 0.04) * k;
    const rimR =
      (flute
        ? rng.range(0.024, 0.03)
        : martini
          ? rng.range(0.055, 0.06)
          : goblet
            ? rng.range(0.04, 0.05)
            : rng.range(0.035, 0.042)) * k;
    const bellyR = martini ? rimR : rimR * (flute ? 1.05 : rng.range(1.15, 1.3));
    const stemR = 0.0045 * Math.sqrt(k) * (goblet ? 1.8 : 1);
    const footT = 0.004;
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'foot',
      group: 'foot',
      solid: turned(
        kit,
        [
          [footR, 0],
          [footR, footT * 0.5],
          [footR * 0.8, footT],
          [stemR * 2.2, footT * 1.6],
        ],
        1,
        40,
      ),
      uv: cyl,
    });
    parts.push({
      name: 'stem',
      group: 'stem',
      solid: kit.cylinder(stemR, stemH - footT + 0.002, { segments: 12 }).translate(0, footT, 0),
      uv: cyl,
    });
    const b0 = stemH;
    const controls: ProfilePoint[] = martini
      ? [
          [stemR * 1.4, 0],
          [rimR * 0.5, bowlH * 0.5],
          [rimR, bowlH],
        ]
      : [
          [stemR * 1.6, 0],
          [bellyR * 0.7, bowlH * 0.18],
          [bellyR, bowlH * 0.55],
          [rimR, bowlH],
        ];
    const wall = 0.0018;
    const bowlSolid = vessel(
      kit,
      controls,
      wall,
      Math.min(bowlH * 0.15, 0.01),
      martini ? 1 : 4,
      40,
    ).translate(0, b0 - 0.001, 0);
    parts.push({ name: 'bowl', group: 'bowl', solid: bowlSolid, uv: cyl });
    anchors.cavity = {
      floor: b0 + bowlH * 0.3,
      rim: b0 + bowlH,
      floorHalf: [bellyR * 0.6, bellyR * 0.6],
      rimHalf: [rimR - wall, rimR - wall],
      round: true,
    };
    return parts;
  },
};

export const tumbler: FamilyDefinition = {
  id: 'tumbler',
  category: 'tableware',
  nouns: [
    { word: 'tumbler' },
    { word: 'glass' },
    { word: 'drinking glass' },
    { word: 'beaker' },
    { word: 'shot glass', variant: 'shot' },
    { word: 'pint', variant: 'pint' },
  ],
  variantWords: { water: 'water', shot: 'shot', whiskey: 'shot', whisky: 'shot', pint: 'pint', beer: 'pint' },
  groups: [main('body', ['body', 'glass', 'rim'], 'glass')],
  size: { width: [0.044, 0.099], height: [0.055, 0.18], depth: [0.044, 0.099] },
  build({ kit, rng, variant, size, anchors }) {
    const shot = variant === 'shot';
    const pint = variant === 'pint';
    const h =
      (shot ? rng.range(0.06, 0.07) : pint ? rng.range(0.14, 0.16) : rng.range(0.09, 0.13)) * size.height;
    const rTop =
      (shot ? rng.range(0.024, 0.028) : pint ? rng.range(0.042, 0.046) : rng.range(0.034, 0.042)) *
      size.width;
    const rBot = rTop * rng.range(0.78, 0.92);
    const wall = 0.0025;
    const bottom = Math.max(0.006, h * 0.1);
    anchors.cavity = {
      floor: bottom,
      rim: h,
      floorHalf: [rBot - wall, rBot - wall],
      rimHalf: [rTop - wall, rTop - wall],
      round: true,
    };
    return [
      {
        name: 'body',
        group: 'body',
        solid: vessel(
          kit,
          [
            [rBot, 0],
            [rTop, h],
          ],
          wall,
          bottom,
          1,
          40,
        ),
        uv: cyl,
      },
    ];
  },
};

/** A spout: a tapering tube from inside the body wall out and up. */
function spout(ctx: BuildContext, from: Vec3, bend: Vec3, to: Vec3, r0: number, r1: number): Solid {
  const path = bezier(from, bend, to, 8);
  return ctx.kit.tube(
    path,
    path.map((_, i) => r0 + ((r1 - r0) * i) / (path.length - 1)),
    { segments: 12 },
  );
}

export const teapot: FamilyDefinition = {
  id: 'teapot',
  category: 'tableware',
  nouns: [{ word: 'teapot' }, { word: 'tea pot' }, { word: 'coffeepot' }, { word: 'coffee pot' }],
  related: ['tea'],
  groups: [
    main('body', ['body', 'pot'], 'ceramic'),
    main('lid', ['lid', 'top', 'cover', 'knob'], 'ceramic', { optional: 'on' }),
    main('spout', ['spout', 'nozzle'], 'ceramic'),
    main('handle', ['handle'], 'ceramic', { optional: 'on' }),
  ],
  size: { width: [0.19, 0.31], height: [0.1, 0.18], depth: [0.12, 0.2] },
  build(ctx) {
    const { kit, rng, size, has } = ctx;
    const r = rng.range(0.065, 0.09) * size.width;
    const h = rng.range(0.09, 0.13) * size.height;
    const mouth = r * rng.range(0.5, 0.6);
    const outer: ProfilePoint[] = smoothCurve(
      [
        [r * 0.62, 0],
        [r * 0.95, h * 0.25],
        [r, h * 0.5],
        [r * 0.82, h * 0.85],
        [mouth, h],
      ],
      5,
    );
    const parts: BuiltPart[] = [{ name: 'body', group: 'body', solid: turned(kit, outer, 1, 40), uv: cyl }];
    if (has('lid')) {
      const lidH = h * rng.range(0.12, 0.18);
      parts.push({
        name: 'lid',
        group: 'lid',
        solid: turned(
          kit,
          [
            [mouth * 1.04, 0],
            [mouth * 0.9, lidH * 0.5],
            [mouth * 0.35, lidH],
            [mouth * 0.12, lidH * 1.15],
            [mouth * 0.22, lidH * 1.6],
            [0.0001, lidH * 1.75],
          ],
          3,
          32,
        ).translate(0, h - 0.002, 0),
        uv: cyl,
      });
    }
    const sy = h * 0.35;
    const sx = radiusAt(outer, sy) - 0.01;
    const tip: Vec3 = [r + rng.range(0.05, 0.07), h * rng.range(0.85, 1.0), 0];
    parts.push({
      name: 'spout',
      group: 'spout',
      solid: spout(ctx, [sx, sy, 0], [r + 0.025, sy + 0.005, 0], tip, r * 0.22, r * 0.1),
      uv: cyl,
    });
    if (has('handle')) {
      const reach = h * rng.range(0.3, 0.36);
      const mid = h * 0.5;
      const embed = 0.006;
      const x = -(radiusAt(outer, mid) - embed);
      parts.push({
        name: 'handle',
        group: 'handle',
        solid: sideHandle(kit, reach, Math.max(0.006, r * 0.1))
          .rotate(0, 180, 0)
          .translate(x, mid, 0),
      });
    }
    return parts;
  },
};

export const kettle: FamilyDefinition = {
  id: 'kettle',
  category: 'tableware',
  nouns: [{ word: 'kettle' }, { word: 'teakettle' }],
  groups: [
    main('body', ['body'], 'steel'),
    structural('lid', ['lid', 'top', 'knob'], 'steel', { optional: 'on' }),
    main('spout', ['spout'], 'steel'),
    accent('handle', ['handle'], 'plastic', { color: 'black', optional: 'on' }),
  ],
  size: { width: [0.2, 0.29], height: [0.18, 0.29], depth: [0.14, 0.22] },
  build(ctx) {
    const { kit, rng, size, has } = ctx;
    const r = rng.range(0.08, 0.1) * size.width;
    const h = rng.range(0.14, 0.19) * size.height;
    const mouth = r * rng.range(0.45, 0.55);
    const outer = smoothCurve(
      [
        [r * 0.95, 0],
        [r, h * 0.35],
        [r * 0.85, h * 0.75],
        [mouth, h],
      ],
      4,
    );
    const parts: BuiltPart[] = [{ name: 'body', group: 'body', solid: turned(kit, outer, 1, 40), uv: cyl }];
    if (has('lid')) {
      parts.push({
        name: 'lid',
        group: 'lid',
        solid: turned(
          kit,
          [
            [mouth * 1.03, 0],
            [mouth * 0.8, 0.012],
            [mouth * 0.25, 0.02],
            [0.0001, 0.028],
          ],
          2,
          32,
        ).translate(0, h - 0.002, 0),
        uv: cyl,
      });
    }
    const sy = h * 0.3;
    const sx = radiusAt(outer, sy) - 0.01;
    parts.push({
      name: 'spout',
      group: 'spout',
      solid: spout(
        ctx,
        [sx, sy, 0],
        [r + 0.03, sy + 0.02, 0],
        [r + rng.range(0.045, 0.06), h * 0.8, 0],
        r * 0.2,
        r * 0.11,
      ),
      uv: cyl,
    });
    if (has('handle')) {
      // An arch over the top, from front to back.
      const archH = rng.range(0.07, 0.1);
      const a: Vec3 = [0, h * 0.9, -mouth * 1.1];
      const path = bezier(
        [-r * 0.45, h * 0.88, 0],
        [-r * 0.2, h + archH * 1.6, 0],
        [r * 0.35, h * 0.9, 0],
        10,
      );
      void a;
      parts.push({ name: 'handle', group: 'handle', solid: kit.tube(path, 0.009, { segments: 10 }) });
    }
    return parts;
  },
};

export const cookingPot: FamilyDefinition = {
  id: 'pot',
  category: 'tableware',
  nouns: [
    { word: 'pot' },
    { word: 'cooking pot' },
    { word: 'saucepan', variant: 'saucepan' },
    { word: 'stockpot' },
    { word: 'casserole' },
    { word: 'cauldron', variant: 'cauldron' },
    { word: 'dutch oven' },
  ],
  related: ['stew', 'soup'],
  variantWords: { cooking: 'pot', stock: 'pot', witch: 'cauldron' },
  variantMaterials: { cauldron: { body: ['iron', 'black'], handles: ['iron', 'black'] } },
  groups: [
    main('body', ['body', 'pot'], 'steel'),
    structural('lid', ['lid', 'cover'], 'steel', { optional: 'on' }),
    structural('handles', ['handle', 'handles'], 'steel'),
  ],
  size: { width: [0.21, 0.71], height: [0.075, 0.39], depth: [0.13, 0.54] },
  build({ kit, rng, variant, size, has, anchors }) {
    const saucepan = variant === 'saucepan';
    const cauldron = variant === 'cauldron';
    const r =
      (cauldron ? rng.range(0.18, 0.25) : saucepan ? rng.range(0.07, 0.09) : rng.range(0.1, 0.14)) *
      size.width;
    const h =
      (cauldron ? rng.range(0.25, 0.32) : saucepan ? rng.range(0.07, 0.1) : rng.range(0.11, 0.17)) *
      size.height;
    const wall = cauldron ? 0.008 : 0.0035;
    const legsY = cauldron ? h * 0.08 : 0;
    const controls: ProfilePoint[] = cauldron
      ? [
          [r * 0.35, 0],
          [r * 0.9, h * 0.25],
          [r, h * 0.5],
          [r * 0.8, h * 0.84],
          [r * 0.85, h - legsY],
        ]
      : [
          [r, 0],
          [r, h],
        ];
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'body',
      group: 'body',
      solid: vessel(kit, controls, wall, wall * 1.5, cauldron ? 4 : 1, 48).translate(0, legsY, 0),
      uv: cyl,
    });
    anchors.cavity = {
      floor: wall * 1.5 + legsY,
      rim: h,
      floorHalf: [r * 0.8, r * 0.8],
      rimHalf: [r - wall, r - wall],
      round: true,
    };
    if (cauldron) {
      for (let i = 0; i < 3; i++) {
        const a = (i / 3) * Math.PI * 2 + 0.5;
        parts.push({
          name: `foot_${i + 1}`,
          group: 'body',
          solid: kit
            .cylinder(r * 0.07, legsY + 0.02, { radiusTop: r * 0.1, segments: 10 })
            .translate(Math.cos(a) * r * 0.3, 0, Math.sin(a) * r * 0.3),
        });
      }
    }
    const rimR = cauldron ? r * 0.85 : r;
    if (has('lid') && !cauldron) {
      parts.push({
        name: 'lid',
        group: 'lid',
        solid: turned(
          kit,
          [
            [rimR * 1.02, 0],
            [rimR * 0.9, h * 0.06],
            [rimR * 0.15, h * 0.1],
            [rimR * 0.15, h * 0.17],
            [0.0001, h * 0.18],
          ],
          2,
          40,
        ).translate(0, h - 0.001, 0),
        uv: cyl,
      });
    }
    if (saucepan) {
      const len = rng.range(0.16, 0.2);
      parts.push({
        name: 'handle',
        group: 'handles',
        solid: kit
          .roundedBox([len, 0.012, 0.028], 0.005)
          .rotate(0, 0, -8)
          .translate(r + len / 2 - 0.004, h * 0.8, 0),
      });
    } else {
      const hy = h * 0.78;
      const reach = cauldron ? r * 0.25 : h * 0.12;
      [-1, 1].forEach((side, i) => {
        const solid = cauldron
          ? torus(kit, reach, 0.008, 0)
              .rotate(90, 0, 0)
              .translate(side * (rimR + reach * 0.7), h * 0.92, 0)
          : sideHandle(kit, reach, 0.007, 180)
              .rotate(90, 0, 0)
              .rotate(0, side > 0 ? 0 : 180, 0)
              .translate(side * (r - 0.003), hy, 0);
        parts.push({ name: `handle_${i + 1}`, group: 'handles', solid });
      });
    }
    return parts;
  },
};

export const fryingPan: FamilyDefinition = {
  id: 'frying pan',
  category: 'tableware',
  nouns: [
    { word: 'frying pan' },
    { word: 'pan' },
    { word: 'skillet' },
    { word: 'frypan' },
    { word: 'wok', variant: 'wok' },
  ],
  groups: [
    main('body', ['body', 'pan'], 'iron', { color: 'charcoal' }),
    structural('handle', ['handle'], 'iron', { color: 'charcoal' }),
  ],
  size: { width: [0.34, 0.63], height: [0.062, 0.13], depth: [0.18, 0.41] },
  build({ kit, rng, variant, size, anchors }) {
    const wok = variant === 'wok';
    const r = (wok ? rng.range(0.15, 0.19) : rng.range(0.1, 0.14)) * size.width;
    const h = (wok ? rng.range(0.08, 0.1) : rng.range(0.035, 0.05)) * size.height;
    const wall = 0.004;
    const controls: ProfilePoint[] = wok
      ? [
          [r * 0.35, 0],
          [r * 0.75, h * 0.45],
          [r, h],
        ]
      : [
          [r * 0.85, 0],
          [r * 0.9, h * 0.3],
          [r, h],
        ];
    anchors.cavity = {
      floor: wall * 1.5,
      rim: h,
      floorHalf: [r * (wok ? 0.3 : 0.8), r * (wok ? 0.3 : 0.8)],
      rimHalf: [r - wall, r - wall],
      round: true,
    };
    const len = rng.range(0.17, 0.22);
    const handle = kit
      .roundedBox([len, 0.014, 0.026], 0.006)
      .rotate(0, 0, 12)
      .translate(r + len / 2 - 0.01, h * 0.7 + len * 0.1, 0);
    return [
      {
        name: 'body',
        group: 'body',
        solid: vessel(kit, controls, wall, wall * 1.5, wok ? 4 : 1, 48),
        uv: cyl,
      },
      { name: 'handle', group: 'handle', solid: handle },
    ];
  },
};

/** A flat tapering handle lying along −X from the origin, its top at y = `t`. */
function flatHandle(ctx: BuildContext, len: number, w0: number, w1: number, t: number): Solid {
  const outline: Array<[number, number]> = [
    [0, -w0 / 2],
    [-len * 0.6, -w1 * 0.4],
    [-len, -w1 / 2],
    [-len - w1 * 0.3, 0],
    [-len, w1 / 2],
    [-len * 0.6, w1 * 0.4],
    [0, w0 / 2],
  ];
  return ctx.kit
    .extrude(outline, t)
    .rotate(90, 0, 0)
    .translate(0, t / 2, 0);
}

export const spoon: FamilyDefinition = {
  id: 'spoon',
  category: 'tableware',
  nouns: [
    { word: 'spoon' },
    { word: 'teaspoon', variant: 'tea' },
    { word: 'tablespoon' },
    { word: 'soup spoon' },
  ],
  hypernyms: ['cutlery', 'flatware', 'silverware'],
  groups: [main('bowl', ['bowl', 'head'], 'steel'), main('handle', ['handle'], 'steel')],
  size: { width: [0.11, 0.22], height: [0.0089, 0.014], depth: [0.022, 0.043] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const k = (variant === 'tea' ? rng.range(0.65, 0.75) : rng.range(0.9, 1.05)) * size.width;
    const bowlL = 0.055 * k;
    const bowlW = 0.038 * k;
    const t = 0.0025;
    const bowl = kit
      .sphere(1, 24)
      .scale([bowlL / 2, 0.006 * Math.sqrt(k), bowlW / 2])
      .translate(bowlL / 2, 0.006 * Math.sqrt(k), 0);
    const handle = flatHandle(ctx, 0.13 * k, 0.006, 0.018 * k, t).translate(0.004, 0.004, 0);
    return [
      { name: 'bowl', group: 'bowl', solid: bowl },
      { name: 'handle', group: 'handle', solid: handle },
    ];
  },
};

export const fork: FamilyDefinition = {
  id: 'fork',
  category: 'tableware',
  nouns: [{ word: 'fork' }, { word: 'dinner fork' }],
  groups: [
    main('head', ['head', 'tines', 'prongs', 'tine', 'prong'], 'steel', { count: [2, 6] }),
    main('handle', ['handle'], 'steel'),
  ],
  size: { width: [0.14, 0.21], height: [0.0022, 0.0027], depth: [0.02, 0.028] },
  build(ctx) {
    const { kit, rng, size, count } = ctx;
    const k = rng.range(0.9, 1.05) * size.width;
    const t = 0.0025;
    const headW = 0.024 * k;
    const headL = 0.055 * k;
    const tines = count('head') ?? 4;
    const outline: Array<[number, number]> = [
      [0, -0.004],
      [0.015 * k, -headW / 2],
    ];
    const slot = (headW / tines) * 0.35;
    for (let i = 0; i < tines; i++) {
      const x0 = -headW / 2 + (headW / tines) * i;
      const x1 = x0 + headW / tines;
      outline.push([headL, x0 + (i === 0 ? 0 : slot / 2)], [headL, x1 - (i === tines - 1 ? 0 : slot / 2)]);
      if (i < tines - 1) outline.push([0.022 * k, x1 - slot / 2], [0.022 * k, x1 + slot / 2]);
    }
    outline.push([0.015 * k, headW / 2], [0, 0.004]);
    const head = kit
      .extrude(
        outline.map(([x, y]) => [x, y] as [number, number]),
        t,
      )
      .rotate(90, 0, 0)
      .translate(0, t / 2, 0);
    const handle = flatHandle(ctx, 0.12 * k, 0.008, 0.016 * k, t).translate(0.002, 0, 0);
    return [
      { name: 'head', group: 'head', solid: head },
      { name: 'handle', group: 'handle', solid: handle },
    ];
  },
};

export const kitchenKnife: FamilyDefinition = {
  id: 'knife',
  category: 'tableware',
  nouns: [
    { word: 'knife' },
    { word: 'kitchen knife', variant: 'chef' },
    { word: 'butter knife', variant: 'table' },
    { word: 'cleaver', variant: 'cleaver' },
    { word: 'chef knife' },
  ],
  variantWords: { table: 'table', butter: 'table', chef: 'chef', kitchen: 'chef', bread: 'chef' },
  groups: [
    structural('blade', ['blade', 'edge'], 'steel'),
    main('handle', ['handle', 'grip'], 'wood', { color: 'brown' }),
  ],
  size: { width: [0.17, 0.35], height: [0.014, 0.018], depth: [0.02, 0.097] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const table = variant === 'table';
    const cleaver = variant === 'cleaver';
    const bladeL = (table ? rng.range(0.09, 0.11) : rng.range(0.15, 0.2)) * size.width;
    const bladeW = table ? 0.016 : cleaver ? rng.range(0.07, 0.09) : rng.range(0.035, 0.045);
    const t = 0.002;
    const outline: Array<[number, number]> = cleaver
      ? [
          [0, -bladeW * 0.2],
          [bladeL, -bladeW * 0.2],
          [bladeL, bladeW * 0.8],
          [0, bladeW * 0.8],
        ]
      : [
          [0, 0],
          [bladeL * 0.7, 0],
          [bladeL, bladeW * 0.75],
          [bladeL * 0.6, bladeW],
          [0, bladeW],
        ];
    const blade = kit
      .extrude(outline, t)
      .rotate(90, 0, 0)
      .translate(0, t / 2 + 0.008, -bladeW * 0.4);
    const hl = (table ? 0.1 : rng.range(0.11, 0.13)) * size.width;
    const handle = kit.roundedBox([hl, 0.016, 0.022], 0.006).translate(-hl / 2 + 0.005, 0.008, 0);
    return [
      { name: 'blade', group: 'blade', solid: blade },
      { name: 'handle', group: 'handle', solid: handle },
    ];
  },
};

export const pitcher: FamilyDefinition = {
  id: 'pitcher',
  category: 'tableware',
  nouns: [
    { word: 'pitcher' },
    { word: 'jug' },
    { word: 'ewer' },
    { word: 'creamer', variant: 'small' },
    { word: 'milk jug', variant: 'small' },
  ],
  groups: [main('body', ['body'], 'ceramic'), main('handle', ['handle'], 'ceramic', { optional: 'on' })],
  size: { width: [0.073, 0.23], height: [0.084, 0.27], depth: [0.05, 0.15] },
  build({ kit, rng, variant, size, has, anchors }) {
    const k = variant === 'small' ? 0.5 : 1;
    const h = rng.range(0.18, 0.25) * size.height * k;
    const r = rng.range(0.055, 0.07) * size.width * k;
    const controls: ProfilePoint[] = [
      [r * 0.8, 0],
      [r, h * 0.35],
      [r * 0.78, h * 0.75],
      [r * 0.9, h],
    ];
    const wall = 0.004;
    const outer = smoothCurve(controls, 4);
    anchors.cavity = {
      floor: wall * 2,
      rim: h,
      floorHalf: [r * 0.7, r * 0.7],
      rimHalf: [r * 0.8, r * 0.8],
      round: true,
    };
    const parts: BuiltPart[] = [
      { name: 'body', group: 'body', solid: vessel(kit, controls, wall, wall * 2, 4, 40), uv: cyl },
    ];
    if (has('handle')) {
      const reach = h * 0.3;
      const mid = h * 0.55;
      const x = -(radiusAt(outer, mid) - 0.004);
      parts.push({
        name: 'handle',
        group: 'handle',
        solid: sideHandle(kit, reach, Math.max(0.005, h * 0.05))
          .rotate(0, 180, 0)
          .translate(x, mid, 0),
      });
    }
    return parts;
  },
};

export const cuttingBoard: FamilyDefinition = {
  id: 'cutting board',
  category: 'tableware',
  nouns: [
    { word: 'cutting board' },
    { word: 'chopping board' },
    { word: 'breadboard' },
    { word: 'chopping block' },
  ],
  groups: [main('board', ['board', 'body'], 'wood')],
  size: { width: [0.28, 0.49], height: [0.017, 0.038], depth: [0.18, 0.32] },
  build({ kit, rng, size, anchors }) {
    const w = rng.range(0.3, 0.45) * size.width;
    const d = rng.range(0.2, 0.3) * size.depth;
    const t = rng.range(0.018, 0.035) * size.height;
    anchors.rest = { y: t, min: [-w / 2 + 0.02, -d / 2 + 0.02], max: [w / 2 - 0.02, d / 2 - 0.02] };
    const board = kit
      .extrude(roundedRect(w / 2, d / 2, rng.range(0.01, 0.04)), t)
      .rotate(90, 0, 0)
      .translate(0, t / 2, 0);
    return [{ name: 'board', group: 'board', solid: board }];
  },
};

export const rollingPin: FamilyDefinition = {
  id: 'rolling pin',
  category: 'tableware',
  nouns: [{ word: 'rolling pin' }],
  groups: [
    main('roller', ['roller', 'body', 'barrel'], 'wood'),
    main('handles', ['handle', 'handles'], 'wood'),
  ],
  size: { width: [0.32, 0.52], height: [0.04, 0.065], depth: [0.04, 0.065] },
  build({ kit, rng, size }) {
    const len = rng.range(0.22, 0.3) * size.width;
    const r = rng.range(0.022, 0.03);
    const hl = rng.range(0.06, 0.1);
    const roller = kit
      .cylinder(r, len, { segments: 28 })
      .rotate(0, 0, -90)
      .translate(-len / 2, r, 0);
    const handle = (side: number) =>
      turned(
        kit,
        [
          [r * 0.35, 0],
          [r * 0.55, hl * 0.5],
          [r * 0.5, hl * 0.9],
          [r * 0.3, hl],
        ],
        3,
        20,
      )
        .rotate(0, 0, -90 * side)
        .translate(side * (len / 2 - 0.005), r, 0);
    return [
      { name: 'roller', group: 'roller', solid: roller },
      { name: 'handle_1', group: 'handles', solid: handle(1) },
      { name: 'handle_2', group: 'handles', solid: handle(-1) },
    ];
  },
};

export const saltShaker: FamilyDefinition = {
  id: 'salt shaker',
  category: 'tableware',
  nouns: [
    { word: 'salt shaker' },
    { word: 'pepper shaker' },
    { word: 'shaker' },
    { word: 'saltshaker' },
    { word: 'salt cellar' },
  ],
  groups: [main('body', ['body'], 'glass'), structural('cap', ['cap', 'top', 'lid'], 'steel')],
  size: { width: [0.033, 0.054], height: [0.07, 0.12], depth: [0.033, 0.054] },
  build({ kit, rng, size }) {
    const h = rng.range(0.06, 0.085) * size.height;
    const r = rng.range(0.018, 0.025) * size.width;
    const body = turned(
      kit,
      [
        [r * 0.9, 0],
        [r, h * 0.2],
        [r * 0.85, h * 0.7],
        [r * 0.75, h],
      ],
      3,
      28,
    );
    const capH = rng.range(0.015, 0.022);
    const cap = turned(
      kit,
      [
        [r * 0.8, 0],
        [r * 0.82, capH * 0.5],
        [r * 0.6, capH * 0.9],
        [0.0001, capH],
      ],
      2,
      28,
    ).translate(0, h - 0.002, 0);
    return [
      { name: 'body', group: 'body', solid: body, uv: cyl },
      { name: 'cap', group: 'cap', solid: cap, uv: cyl },
    ];
  },
};

export const pepperMill: FamilyDefinition = {
  id: 'pepper mill',
  category: 'tableware',
  nouns: [{ word: 'pepper mill' }, { word: 'pepper grinder' }, { word: 'grinder' }, { word: 'peppermill' }],
  groups: [
    main('body', ['body'], 'wood', { color: 'brown' }),
    structural('knob', ['knob', 'top', 'cap'], 'steel'),
  ],
  size: { width: [0.043, 0.069], height: [0.15, 0.33], depth: [0.043, 0.069] },
  build({ kit, rng, size }) {
    const h = rng.range(0.14, 0.28) * size.height;
    const r = rng.range(0.022, 0.03) * size.width;
    const body = turned(
      kit,
      [
        [r, 0],
        [r * 1.05, h * 0.15],
        [r * 0.7, h * 0.5],
        [r * 0.95, h * 0.85],
        [r * 0.8, h],
      ],
      5,
      32,
    );
    const knob = turned(
      kit,
      [
        [r * 0.25, 0],
        [r * 0.3, 0.01],
        [r * 0.45, 0.016],
        [0.0001, 0.022],
      ],
      2,
      20,
    ).translate(0, h - 0.002, 0);
    return [
      { name: 'body', group: 'body', solid: body, uv: cyl },
      { name: 'knob', group: 'knob', solid: knob, uv: cyl },
    ];
  },
};

export const tray: FamilyDefinition = {
  id: 'tray',
  category: 'tableware',
  nouns: [{ word: 'tray' }, { word: 'serving tray' }],
  groups: [main('base', ['base', 'bottom', 'tray'], 'wood'), main('rim', ['rim', 'edge', 'sides'], 'wood')],
  size: { width: [0.32, 0.54], height: [0.024, 0.054], depth: [0.22, 0.37] },
  build({ kit, rng, size, anchors }) {
    const w = rng.range(0.34, 0.5) * size.width;
    const d = rng.range(0.24, 0.34) * size.depth;
    const t = 0.008;
    const rimH = rng.range(0.025, 0.05) * size.height;
    const rimT = rng.range(0.008, 0.014);
    const r = rng.range(0.01, 0.04);
    const base = kit
      .extrude(roundedRect(w / 2 - rimT * 0.5, d / 2 - rimT * 0.5, r), t)
      .rotate(90, 0, 0)
      .translate(0, t / 2, 0);
    const rim = kit
      .extrudeContours(
        [roundedRect(w / 2, d / 2, r), roundedRect(w / 2 - rimT, d / 2 - rimT, Math.max(0.002, r - rimT))],
        rimH,
      )
      .rotate(90, 0, 0)
      .translate(0, rimH / 2, 0);
    anchors.rest = { y: t, min: [-w / 2 + rimT, -d / 2 + rimT], max: [w / 2 - rimT, d / 2 - rimT] };
    return [
      { name: 'base', group: 'base', solid: base },
      { name: 'rim', group: 'rim', solid: rim },
    ];
  },
};

export const ladle: FamilyDefinition = {
  id: 'ladle',
  category: 'tableware',
  nouns: [{ word: 'ladle' }, { word: 'scoop' }],
  groups: [main('bowl', ['bowl', 'head'], 'steel'), main('handle', ['handle'], 'steel')],
  size: { width: [0.082, 0.13], height: [0.24, 0.38], depth: [0.065, 0.11] },
  build({ kit, rng, size }) {
    const r = rng.range(0.035, 0.05) * size.width;
    const len = rng.range(0.22, 0.3) * size.height;
    const bowl = vessel(
      kit,
      [
        [r * 0.3, 0],
        [r * 0.8, r * 0.35],
        [r, r * 0.9],
      ],
      0.0025,
      0.003,
      4,
      32,
    );
    const path = bezier(
      [-r + 0.004, r * 0.85, 0],
      [-r - 0.02, r + len * 0.5, 0],
      [-r - 0.01, r + len, 0],
      10,
    );
    const handle = kit.tube(path, 0.005, { segments: 10 });
    return [
      { name: 'bowl', group: 'bowl', solid: bowl, uv: cyl },
      { name: 'handle', group: 'handle', solid: handle },
    ];
  },
};

export const spatula: FamilyDefinition = {
  id: 'spatula',
  category: 'tableware',
  nouns: [{ word: 'spatula' }, { word: 'turner' }, { word: 'flipper' }],
  groups: [
    main('blade', ['blade', 'head'], 'steel'),
    accent('handle', ['handle'], 'wood', { color: 'brown' }),
  ],
  size: { width: [0.25, 0.36], height: [0.016, 0.02], depth: [0.055, 0.091] },
  build({ kit, rng, size }) {
    const bl = rng.range(0.08, 0.11) * size.width;
    const bw = rng.range(0.06, 0.085);
    const t = 0.003;
    const blade = kit
      .extrude(roundedRect(bl / 2, bw / 2, 0.008), t)
      .rotate(90, 0, 0)
      .translate(bl / 2, t / 2, 0);
    const neck = kit.boxBetween([-0.05, 0.001, -0.005], [0.005, 0.004, 0.005]);
    const hl = rng.range(0.14, 0.18) * size.width;
    const handle = kit.roundedBox([hl, 0.018, 0.026], 0.007).translate(-0.05 - hl / 2 + 0.005, 0.009, 0);
    return [
      { name: 'blade', group: 'blade', solid: blade.add(neck) },
      { name: 'handle', group: 'handle', solid: handle },
    ];
  },
};

export const chopsticks: FamilyDefinition = {
  id: 'chopsticks',
  category: 'tableware',
  nouns: [{ word: 'chopsticks' }, { word: 'chopstick' }],
  groups: [main('sticks', ['stick', 'sticks'], 'bamboo')],
  size: { width: [0.2, 0.3], height: [0.0082, 0.0098], depth: [0.019, 0.037] },
  build({ kit, rng, size }) {
    const len = rng.range(0.22, 0.27) * size.width;
    const gap = rng.range(0.012, 0.025);
    const stick = (z: number) =>
      kit.hull([
        [-len / 2, 0, z - 0.0045],
        [-len / 2, 0.009, z - 0.0045],
        [-len / 2, 0, z + 0.0045],
        [-len / 2, 0.009, z + 0.0045],
        [len / 2, 0.0025, z - 0.0015],
        [len / 2, 0.0055, z - 0.0015],
        [len / 2, 0.0025, z + 0.0015],
        [len / 2, 0.0055, z + 0.0015],
      ]);
    return [
      { name: 'stick_1', group: 'sticks', solid: stick(-gap / 2) },
      { name: 'stick_2', group: 'sticks', solid: stick(gap / 2) },
    ];
  },
};

export const TABLEWARE: FamilyDefinition[] = [
  bowl,
  plate,
  wineGlass,
  tumbler,
  teapot,
  kettle,
  cookingPot,
  fryingPan,
  spoon,
  fork,
  kitchenKnife,
  pitcher,
  cuttingBoard,
  rollingPin,
  saltShaker,
  pepperMill,
  tray,
  ladle,
  spatula,
  chopsticks,
];
