import type { Vec3 } from '../../../asset/asset.js';
import type { Solid } from '../../../geometry/solid.js';
import { accent, bezier, main, rect, structural, torus, turned } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Weapons and armour (props): pole arms lie on the ground along X; helmets, armour and cannons stand.
 */

const cyl = { kind: 'cylindrical' } as const;

/** A shaft lying along X at height r. */
function shaft(ctx: BuildContext, x0: number, x1: number, r: number): Solid {
  return ctx.kit
    .cylinder(r, x1 - x0, { segments: 12 })
    .rotate(0, 0, -90)
    .translate(x0, r, 0);
}

/** A flat blade in the ground plane pointing along +X from x0 (a spear point, a trident tine). */
function point(ctx: BuildContext, x0: number, len: number, w: number, y: number, t = 0.006): Solid {
  return ctx.kit.hull([
    [x0, y - t / 2, -w * 0.3],
    [x0, y + t / 2, w * 0.3],
    [x0, y - t / 2, w * 0.3],
    [x0, y + t / 2, -w * 0.3],
    [x0 + len * 0.3, y, -w / 2],
    [x0 + len * 0.3, y, w / 2],
    [x0 + len * 0.3, y + t, 0],
    [x0 + len * 0.3, y - t, 0],
    [x0 + len, y, 0],
  ]);
}

const shaftGroup = main('shaft', ['shaft', 'handle', 'pole', 'haft', 'staff', 'grip'], 'wood', {
  color: 'brown',
});

export const spear: FamilyDefinition = {
  id: 'spear',
  category: 'weapon',
  nouns: [{ word: 'spear' }, { word: 'lance' }, { word: 'javelin' }, { word: 'pike' }],
  groups: [structural('head', ['head', 'point', 'tip', 'blade'], 'steel'), shaftGroup],
  size: { width: [1.6, 2.7], height: [0.022, 0.035], depth: [0.037, 0.063] },
  build(ctx) {
    const { rng, size } = ctx;
    const len = rng.range(1.8, 2.5) * size.width;
    const r = rng.range(0.012, 0.016);
    const hl = rng.range(0.2, 0.3);
    return [
      { name: 'shaft', group: 'shaft', solid: shaft(ctx, -len / 2, len / 2 - hl + 0.02, r) },
      { name: 'head', group: 'head', solid: point(ctx, len / 2 - hl, hl, rng.range(0.04, 0.06), r) },
    ];
  },
};

export const trident: FamilyDefinition = {
  id: 'trident',
  category: 'weapon',
  nouns: [{ word: 'trident' }],
  groups: [
    structural('head', ['head', 'prongs', 'tines', 'points'], 'bronze'),
    main('shaft', ['shaft', 'handle', 'pole'], 'bronze'),
  ],
  size: { width: [1.4, 2.2], height: [0.025, 0.031], depth: [0.18, 0.3] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const len = rng.range(1.5, 2.0) * size.width;
    const r = 0.014;
    const span = rng.range(0.08, 0.12);
    const bx = len / 2 - 0.3;
    const parts: BuiltPart[] = [{ name: 'shaft', group: 'shaft', solid: shaft(ctx, -len / 2, bx + 0.01, r) }];
    const bar = bezier([bx, r, -span], [bx - 0.06, r, 0], [bx, r, span], 10);
    parts.push({ name: 'crossbar', group: 'head', solid: kit.tube(bar, 0.012, { segments: 8 }) });
    for (const [i, z] of [-span, 0, span].entries()) {
      const l = i === 1 ? 0.3 : 0.24;
      parts.push({
        name: `prong_${i + 1}`,
        group: 'head',
        solid: kit
          .cylinder(0.008, l - 0.05, { segments: 8 })
          .rotate(0, 0, -90)
          .translate(bx - 0.01, r, z),
      });
      parts.push({
        name: `tip_${i + 1}`,
        group: 'head',
        solid: point(ctx, bx + l - 0.07, 0.09, 0.04, r).translate(0, 0, z),
      });
    }
    return parts;
  },
};

export const halberd: FamilyDefinition = {
  id: 'halberd',
  category: 'weapon',
  nouns: [
    { word: 'halberd' },
    { word: 'poleaxe' },
    { word: 'glaive' },
    { word: 'polearm' },
    { word: 'scythe', variant: 'scythe' },
  ],
  groups: [structural('head', ['head', 'blade', 'spike'], 'steel'), shaftGroup],
  size: { width: [1.5, 2.3], height: [0.029, 0.047], depth: [0.33, 0.67] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const len = rng.range(1.6, 2.1) * size.width;
    const r = 0.016;
    const t = 0.008;
    const hx = len / 2 - 0.35;
    const parts: BuiltPart[] = [
      {
        name: 'shaft',
        group: 'shaft',
        solid: shaft(ctx, -len / 2, variant === 'scythe' ? len / 2 : hx + 0.05, r),
      },
    ];
    if (variant === 'scythe') {
      const path = bezier([len / 2 - 0.02, r, 0], [len / 2 + 0.1, r, 0.35], [len / 2 - 0.25, r, 0.6], 14);
      parts.push({
        name: 'blade',
        group: 'head',
        solid: kit.tube(
          path,
          path.map((_, i) => 0.025 * (1 - i / 16)),
          { segments: 6 },
        ),
      });
      return parts;
    }
    const blade: Array<[number, number]> = [
      [hx - 0.02, 0],
      [hx + 0.12, 0],
      [hx + 0.1, 0.08],
      [hx + 0.14, 0.22],
      [hx - 0.06, 0.2],
      [hx - 0.02, 0.08],
    ];
    const hook: Array<[number, number]> = [
      [hx - 0.01, 0],
      [hx + 0.1, 0],
      [hx + 0.04, -0.07],
      [hx + 0.08, -0.14],
    ];
    const head = kit
      .extrudeShape(
        [
          blade.map(([x, z]) => [x, -z] as [number, number]).reverse(),
          hook.map(([x, z]) => [x, -z] as [number, number]),
        ],
        [],
        t,
      )
      .rotate(90, 0, 0)
      .translate(0, r, 0);
    parts.push({ name: 'blade', group: 'head', solid: head });
    parts.push({ name: 'spike', group: 'head', solid: point(ctx, hx + 0.04, 0.32, 0.045, r) });
    return parts;
  },
};

export const bow: FamilyDefinition = {
  id: 'bow',
  category: 'weapon',
  nouns: [
    { word: 'bow' },
    { word: 'longbow', variant: 'long' },
    { word: 'recurve bow' },
    { word: 'shortbow' },
  ],
  groups: [
    main('limbs', ['limb', 'limbs', 'body', 'bow', 'stave'], 'wood', { color: 'brown' }),
    accent('string', ['string', 'bowstring'], 'canvas', { color: 'beige' }),
    accent('grip', ['grip', 'handle'], 'leather'),
  ],
  size: { width: [0.15, 0.29], height: [0.031, 0.037], depth: [1, 2] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const len = (variant === 'long' ? rng.range(1.6, 1.85) : rng.range(1.1, 1.4)) * size.depth;
    const draw = rng.range(0.15, 0.25) * size.width;
    const r = 0.014;
    const path: Vec3[] = [];
    for (let i = 0; i <= 20; i++) {
      const t = i / 20 - 0.5;
      path.push([draw * (1 - (2 * t) ** 2), r, t * len]);
    }
    const radii = path.map((_, i) => r * (1 - Math.abs(i / 20 - 0.5) * 1.2));
    return [
      { name: 'limbs', group: 'limbs', solid: kit.tube(path, radii, { segments: 8 }) },
      {
        name: 'string',
        group: 'string',
        solid: kit
          .cylinder(0.0015, len * 0.995, { segments: 6 })
          .rotate(90, 0, 0)
          .translate(0, r, -len * 0.4975),
      },
      {
        name: 'grip',
        group: 'grip',
        solid: kit
          .cylinder(r * 1.25, 0.1, { segments: 10 })
          .rotate(90, 0, 0)
          .translate(draw, r * 1.25, -0.05),
      },
    ];
  },
};

export const arrow: FamilyDefinition = {
  id: 'arrow',
  category: 'weapon',
  nouns: [{ word: 'arrow' }, { word: 'dart', variant: 'dart' }, { word: 'bolt' }],
  groups: [
    main('shaft', ['shaft'], 'wood', { color: 'tan' }),
    structural('head', ['head', 'tip', 'arrowhead', 'point'], 'iron'),
    accent('fletching', ['fletching', 'feathers', 'feather', 'vanes'], 'feather', { color: 'red' }),
  ],
  size: { width: [0.14, 0.93], height: [0.019, 0.027], depth: [0.022, 0.031] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const len = (variant === 'dart' ? rng.range(0.14, 0.18) : rng.range(0.7, 0.85)) * size.width;
    const r = variant === 'dart' ? 0.004 : 0.004;
    const fl = len * 0.15;
    const fw = variant === 'dart' ? 0.012 : 0.014;
    const vanes: Solid[] = [0, 120, 240].map((a) =>
      kit
        .extrude(
          [
            [0, 0],
            [fl, 0],
            [fl * 0.8, fw],
            [0.01, fw],
          ],
          0.0008,
        )
        .translate(-len / 2 + 0.01, r * 0.5, 0)
        .rotate(a, 0, 0)
        .translate(0, fw + 0.001, 0),
    );
    return [
      {
        name: 'shaft',
        group: 'shaft',
        solid: shaft(ctx, -len / 2, len / 2 - 0.03, r).translate(0, fw - r + 0.001, 0),
      },
      { name: 'head', group: 'head', solid: point(ctx, len / 2 - 0.045, 0.055, 0.02, fw + 0.001, 0.004) },
      { name: 'fletching', group: 'fletching', solid: kit.compose([vanes[0]]).add(vanes[1]).add(vanes[2]) },
    ];
  },
};

export const mace: FamilyDefinition = {
  id: 'mace',
  category: 'weapon',
  nouns: [
    { word: 'mace' },
    { word: 'morning star', variant: 'spiked' },
    { word: 'flail', variant: 'spiked' },
    { word: 'club', variant: 'club' },
    { word: 'cudgel', variant: 'club' },
    { word: 'baton', variant: 'club' },
  ],
  variantWords: { spiked: 'spiked', wooden: 'club' },
  variantMaterials: { club: { head: 'wood' } },
  groups: [structural('head', ['head', 'spikes', 'flanges', 'ball'], 'iron'), shaftGroup],
  size: { width: [0.52, 0.84], height: [0.091, 0.17], depth: [0.084, 0.21] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const len = rng.range(0.55, 0.75) * size.width;
    const hr = (variant === 'club' ? rng.range(0.05, 0.065) : rng.range(0.045, 0.06)) * Math.sqrt(size.width);
    const r = 0.016;
    const parts: BuiltPart[] = [];
    if (variant === 'club') {
      parts.push({
        name: 'head',
        group: 'head',
        solid: turned(
          kit,
          [
            [r, 0],
            [hr * 0.7, len * 0.5],
            [hr, len * 0.9],
            [hr * 0.6, len],
            [0.0001, len + 0.01],
          ],
          4,
          16,
        )
          .rotate(0, 0, -90)
          .translate(-len / 2, hr, 0),
        uv: cyl,
      });
      return parts;
    }
    parts.push({
      name: 'shaft',
      group: 'shaft',
      solid: shaft(ctx, -len / 2, len / 2 - hr, r).translate(0, hr - r, 0),
    });
    const hx = len / 2 - hr;
    parts.push({ name: 'head', group: 'head', solid: kit.sphere(hr, 20).translate(hx, hr, 0) });
    if (variant === 'spiked' || rng.chance(0.5)) {
      const spikes: Solid[] = [];
      const dirs: Vec3[] = [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [0, 0, -1],
        [0.7, 0.7, 0],
        [0.7, 0, 0.7],
        [0.7, 0, -0.7],
        [0, 0.7, 0.7],
        [0, 0.7, -0.7],
        [-0.3, 0.9, 0],
      ];
      for (const d of dirs) {
        const l = Math.hypot(d[0], d[1], d[2]);
        spikes.push(
          kit.cylinderBetween(
            [hx + (d[0] / l) * hr * 0.7, hr + (d[1] / l) * hr * 0.7, (d[2] / l) * hr * 0.7],
            [hx + (d[0] / l) * hr * 1.6, hr + (d[1] / l) * hr * 1.6, (d[2] / l) * hr * 1.6],
            hr * 0.2,
            { radiusTop: 0.001, segments: 8 },
          ),
        );
      }
      parts.push({ name: 'spikes', group: 'head', solid: kit.union(spikes) });
    } else {
      // Three plates crossing on the shaft's axis, joined in 2D and extruded along it: a 3D union of
      // three boxes meeting on one line leaves sliver triangles there.
      const plates = [0, 60, 120].map((a) => {
        const c = Math.cos((a * Math.PI) / 180);
        const s = Math.sin((a * Math.PI) / 180);
        return rect(hr * 0.125, hr * 1.1).map(([x, y]) => [x * c - y * s, x * s + y * c] as [number, number]);
      });
      const flanges = kit
        .extrudeShape(plates, [], hr * 2.2)
        .rotate(0, 90, 0)
        .translate(hx, hr, 0);
      parts.push({ name: 'flanges', group: 'head', solid: flanges });
    }
    return parts;
  },
};

export const helmet: FamilyDefinition = {
  id: 'helmet',
  category: 'weapon',
  nouns: [
    { word: 'helmet' },
    { word: 'helm' },
    { word: 'knight helmet', variant: 'knight' },
    { word: 'viking helmet', variant: 'viking' },
    { word: 'hard hat', variant: 'hard' },
    { word: 'hardhat', variant: 'hard' },
    { word: 'bike helmet', variant: 'hard' },
  ],
  variantWords: {
    knight: 'knight',
    medieval: 'knight',
    viking: 'viking',
    horned: 'viking',
    construction: 'hard',
    safety: 'hard',
    bicycle: 'hard',
    spartan: 'knight',
    roman: 'viking',
  },
  variantMaterials: { hard: { shell: ['plastic', 'yellow'] } },
  groups: [
    structural('shell', ['shell', 'dome', 'body', 'visor'], 'steel'),
    accent('trim', ['horns', 'horn', 'crest', 'plume', 'brim', 'rim', 'trim'], 'bone'),
  ],
  size: { width: [0.22, 0.47], height: [0.12, 0.35], depth: [0.22, 0.4] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const r = rng.range(0.12, 0.14) * size.width;
    const wall = 0.004;
    const kind = variant ?? rng.pick(['knight', 'viking', 'viking']);
    const parts: BuiltPart[] = [];
    if (kind === 'knight') {
      const h = r * 2.1 * size.height;
      const outer: Array<[number, number]> = [
        [r, 0],
        [r * 1.02, h * 0.55],
        [r * 0.85, h * 0.85],
        [0.0001, h],
      ];
      const shell = turned(kit, outer, 4, 32).subtract(
        kit.boxBetween([-r * 0.7, h * 0.42, r * 0.5], [r * 0.7, h * 0.5, r * 1.2]),
      );
      parts.push({ name: 'shell', group: 'shell', solid: shell });
      parts.push({
        name: 'crest',
        group: 'trim',
        solid: kit.box([0.015, h * 0.3, r * 1.4]).translate(0, h * 0.95, -r * 0.1),
      });
      return parts;
    }
    if (kind === 'hard') {
      const h = r * 1.1;
      parts.push({
        name: 'shell',
        group: 'shell',
        solid: turned(
          kit,
          [
            [r * 1.3, 0],
            [r * 1.3, 0.008],
            [r, 0.015],
            [r * 0.95, h * 0.5],
            [r * 0.6, h * 0.9],
            [0.0001, h],
          ],
          3,
          36,
        ),
      });
      return parts;
    }
    const h = r * 1.05 * size.height;
    const profile: Array<[number, number]> = [
      [r, 0],
      [r * 0.97, h * 0.4],
      [r * 0.7, h * 0.85],
      [0.0001, h],
    ];
    const inner: Array<[number, number]> = profile.map(([x, y], i) =>
      i === profile.length - 1 ? [0.0001, h - wall] : [x - wall, y],
    );
    parts.push({
      name: 'shell',
      group: 'shell',
      solid: kit.revolve([...profile, ...inner.reverse()], { segments: 40 }),
    });
    parts.push({ name: 'rim', group: 'shell', solid: torus(kit, r, 0.008, 0.012, 40, 8) });
    parts.push({
      name: 'nasal',
      group: 'shell',
      solid: kit
        .box([0.025, r * 0.7, 0.006])
        .translate(0, 0, r + 0.002)
        .translate(0, r * 0.05, 0),
    });
    if (kind === 'viking') {
      for (const [i, s] of [-1, 1].entries()) {
        const path = bezier(
          [s * r * 0.8, h * 0.5, 0],
          [s * r * 1.6, h * 0.6, 0],
          [s * r * 1.5, h * 1.4, 0],
          12,
        );
        parts.push({
          name: `horn_${i + 1}`,
          group: 'trim',
          solid: kit.tube(
            path,
            path.map((_, k) => 0.03 * (1 - k / 13)),
            { segments: 10 },
          ),
        });
      }
    }
    return parts;
  },
};

export const armor: FamilyDefinition = {
  id: 'armor',
  category: 'weapon',
  nouns: [
    { word: 'armor' },
    { word: 'armour' },
    { word: 'breastplate' },
    { word: 'cuirass' },
    { word: 'chestplate' },
    { word: 'suit of armor' },
    { word: 'chainmail' },
  ],
  groups: [
    structural('plate', ['plate', 'chest', 'breastplate', 'body'], 'steel'),
    accent('straps', ['strap', 'straps', 'belt'], 'leather'),
    structural('pauldrons', ['pauldron', 'pauldrons', 'shoulders', 'shoulder'], 'steel', { optional: 'on' }),
  ],
  size: { width: [0.45, 0.67], height: [0.45, 0.64], depth: [0.25, 0.4] },
  build(ctx) {
    const { kit, rng, size, has } = ctx;
    const w = rng.range(0.38, 0.44) * size.width; // across the chest
    const h = rng.range(0.5, 0.58) * size.height; // fauld to collar
    const d = rng.range(0.24, 0.28) * size.depth; // chest depth
    const keel = rng.range(0.12, 0.2);
    const waistY = h * 0.2;
    // A cuirass: horizontal sections lofted from the waist to the collar, broad and flat-backed at the
    // chest, drawn in at the waist, with a ridge (keel) down the middle of the front.
    const n = 36;
    const section = (y: number, a: number, bf: number, bb: number, k: number): Vec3[] => {
      const ring: Vec3[] = [];
      for (let i = 0; i < n; i++) {
        const t = (i / n) * Math.PI * 2;
        const c = Math.cos(t);
        const sn = Math.sin(t);
        const x = a * Math.sign(c) * Math.abs(c) ** 0.8;
        const z = sn > 0 ? bf * sn + k * bf * (1 - Math.abs(c)) ** 4 : bb * sn;
        ring.push([x, y, z]);
      }
      return ring;
    };
    const levels: Array<[y: number, a: number, bf: number, bb: number]> = [
      [waistY, w * 0.36, d * 0.42, d * 0.36],
      [h * 0.3, w * 0.37, d * 0.46, d * 0.37],
      [h * 0.45, w * 0.43, d * 0.52, d * 0.4],
      [h * 0.6, w * 0.48, d * 0.56, d * 0.42],
      [h * 0.75, w * 0.5, d * 0.54, d * 0.42],
      [h * 0.87, w * 0.49, d * 0.46, d * 0.38],
      [h * 0.94, w * 0.42, d * 0.36, d * 0.32],
      [h * 0.975, w * 0.26, d * 0.28, d * 0.26],
    ];
    // Catmull-Rom between the levels, so the plate curves smoothly from waist to collar.
    const smooth: Array<[number, number, number, number, number]> = [];
    for (let i = 0; i + 1 < levels.length; i++) {
      const p0 = levels[Math.max(0, i - 1)];
      const p1 = levels[i];
      const p2 = levels[i + 1];
      const p3 = levels[Math.min(levels.length - 1, i + 2)];
      const kOf = (j: number) => (j < 6 ? keel : 0);
      for (let sub = 0; sub < 3; sub++) {
        const t = sub / 3;
        const cr = (a: number, b: number, c: number, e: number) =>
          0.5 *
          (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - e) * t * t + (3 * b - a - 3 * c + e) * t ** 3);
        smooth.push([
          cr(p0[0], p1[0], p2[0], p3[0]),
          cr(p0[1], p1[1], p2[1], p3[1]),
          cr(p0[2], p1[2], p2[2], p3[2]),
          cr(p0[3], p1[3], p2[3], p3[3]),
          kOf(i) * (1 - t) + kOf(i + 1) * t,
        ]);
      }
    }
    const lastLevel = levels[levels.length - 1];
    smooth.push([...lastLevel, 0]);
    let plate = kit.rings(smooth.map(([y, a, bf, bb, k]) => section(y, a, bf, bb, k)));
    // Neck opening, and arm holes scooped from the sides under the shoulders.
    plate = plate.subtract(
      kit
        .cylinder(w * 0.15, h * 0.3, { segments: 24 })
        .scale([1, 1, 0.85])
        .translate(0, h * 0.8, -d * 0.02),
    );
    for (const sx of [-1, 1])
      plate = plate.subtract(
        kit
          .sphere(1, 20)
          .scale([w * 0.12, h * 0.17, d * 0.42])
          .translate(sx * w * 0.55, h * 0.7, 0),
      );
    const parts: BuiltPart[] = [{ name: 'plate', group: 'plate', solid: plate, creaseAngle: 30 }];
    // A plackart: a second plate over the lower front, from the waist to under the chest, whose raised
    // top edge draws a line across the breastplate.
    const plackart: Vec3[][] = [];
    const arc = 20;
    const over = h * 0.014;
    for (const [y, a, bf] of [
      [waistY + h * 0.02, w * 0.365, d * 0.425],
      [h * 0.32, w * 0.375, d * 0.465],
      [h * 0.42, w * 0.41, d * 0.505],
    ] as const) {
      const ring: Vec3[] = [];
      const edge = (t: number, grow: number): Vec3 => {
        const c = Math.cos(t);
        const sn = Math.sin(t);
        const x = (a + grow) * Math.sign(c) * Math.abs(c) ** 0.8;
        return [x, y, (bf + grow) * sn + keel * bf * (1 - Math.abs(c)) ** 4];
      };
      for (let i = 0; i <= arc; i++) ring.push(edge(0.35 + (i / arc) * (Math.PI - 0.7), over));
      for (let i = arc; i >= 0; i--) ring.push(edge(0.35 + (i / arc) * (Math.PI - 0.7), -over));
      plackart.push(ring);
    }
    parts.push({ name: 'plackart', group: 'plate', solid: kit.rings(plackart), creaseAngle: 20 });
    // A rolled collar round the neck opening.
    parts.push({
      name: 'collar',
      group: 'plate',
      solid: torus(kit, w * 0.16, h * 0.018, 0, 28, 8)
        .scale([1, 1, 0.85])
        .translate(0, h * 0.975, -d * 0.02),
    });
    // The fauld: three overlapping lames flaring out below the waist.
    const lames: Solid[] = [];
    for (let i = 0; i < 3; i++) {
      const top = waistY + h * 0.01 - i * h * 0.065;
      const bottom = top - h * 0.085;
      const rTop = w * (0.37 + i * 0.025);
      const rBottom = rTop + w * 0.035;
      const wall = h * 0.012;
      lames.push(
        kit
          .revolve(
            [
              [rBottom - wall, bottom],
              [rBottom, bottom],
              [rTop, top],
              [rTop - wall, top],
            ],
            { segments: 36 },
          )
          .scale([1, 1, (d * 0.46) / rTop]),
      );
    }
    parts.push({ name: 'fauld', group: 'plate', solid: kit.union(lames) });
    // A leather belt round the waist.
    const belt: Vec3[] = section(waistY + h * 0.04, w * 0.375, d * 0.45, d * 0.38, 0);
    parts.push({
      name: 'belt',
      group: 'straps',
      solid: kit.tube(belt, h * 0.018, { closed: true, segments: 8 }),
    });
    if (has('pauldrons')) {
      // Pauldrons: a domed cap over each shoulder with two lames stepping down the upper arm.
      const cap = (r: number, y: number) =>
        kit
          .sphere(1, 24)
          .scale([r, r * 0.75, r * 0.95])
          .intersect(kit.box([4 * r, 2 * r, 4 * r]).translate(0, r * 0.82, 0))
          .translate(0, y, 0);
      for (const [i, s] of [-1, 1].entries()) {
        const r = w * rng.range(0.2, 0.23);
        const shell = kit.union([
          cap(r, 0),
          cap(r * 1.08, -r * 0.28).translate(s * r * 0.08, 0, 0),
          cap(r * 1.14, -r * 0.56).translate(s * r * 0.16, 0, 0),
        ]);
        parts.push({
          name: `pauldron_${i + 1}`,
          group: 'pauldrons',
          solid: shell.rotate(0, 0, -s * 28).translate(s * w * 0.44, h * 0.83, -d * 0.02),
        });
      }
    }
    return parts;
  },
};

export const staff: FamilyDefinition = {
  id: 'staff',
  category: 'weapon',
  nouns: [
    { word: 'staff' },
    { word: 'wizard staff', variant: 'wizard' },
    { word: 'quarterstaff' },
    { word: 'walking stick', variant: 'cane' },
    { word: 'cane', variant: 'cane' },
    { word: 'scepter', variant: 'scepter' },
    { word: 'sceptre', variant: 'scepter' },
    { word: 'rod' },
  ],
  variantWords: { wizard: 'wizard', magic: 'wizard', magical: 'wizard', mage: 'wizard' },
  variantMaterials: { scepter: { shaft: 'gold' } },
  groups: [
    main('shaft', ['shaft', 'staff', 'stick', 'handle', 'pole'], 'wood', { color: 'brown' }),
    accent('orb', ['orb', 'crystal', 'gem', 'stone', 'head', 'top'], 'gem', { color: 'dodgerblue' }),
  ],
  size: { width: [0.46, 2], height: [0.031, 0.11], depth: [0.043, 0.16] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const wizard = variant === 'wizard' || variant === 'scepter';
    const len =
      (variant === 'cane'
        ? rng.range(0.85, 0.95)
        : variant === 'scepter'
          ? rng.range(0.5, 0.65)
          : rng.range(1.5, 1.8)) * size.width;
    const r = variant === 'scepter' ? 0.012 : 0.017;
    const orbR = wizard ? rng.range(0.035, 0.05) : 0;
    const y = Math.max(r, orbR);
    const parts: BuiltPart[] = [];
    if (variant === 'cane') {
      const path = bezier([len / 2 - 0.1, r, 0], [len / 2 + 0.05, r, 0], [len / 2 + 0.02, r, 0.12], 10);
      parts.push(
        { name: 'shaft', group: 'shaft', solid: shaft(ctx, -len / 2, len / 2 - 0.09, r) },
        { name: 'crook', group: 'shaft', solid: kit.tube(path, r, { segments: 10 }) },
      );
      return parts;
    }
    const bend: Vec3[] = [];
    for (let i = 0; i <= 12; i++) {
      const t = i / 12;
      bend.push([-len / 2 + t * (len - orbR * 1.6), y, Math.sin(t * 9) * 0.006]);
    }
    parts.push({
      name: 'shaft',
      group: 'shaft',
      solid: kit.tube(
        bend,
        bend.map((_, i) => r * (0.85 + (i / 12) * 0.3)),
        { segments: 10 },
      ),
    });
    if (wizard)
      parts.push({ name: 'orb', group: 'orb', solid: kit.sphere(orbR, 24).translate(len / 2 - orbR, y, 0) });
    return parts;
  },
};

export const wand: FamilyDefinition = {
  id: 'wand',
  category: 'weapon',
  nouns: [{ word: 'wand' }, { word: 'magic wand' }, { word: 'fairy wand', variant: 'star' }],
  groups: [
    main('wand', ['wand', 'shaft', 'handle', 'stick'], 'ebony'),
    accent('tip', ['tip', 'star', 'gem'], 'gold', { optional: 'on' }),
  ],
  size: { width: [0.28, 0.44], height: [0.018, 0.059], depth: [0.018, 0.062] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const len = rng.range(0.3, 0.38) * size.width;
    const r = 0.007;
    const parts: BuiltPart[] = [
      {
        name: 'wand',
        group: 'wand',
        solid: turned(
          kit,
          [
            [r * 1.3, 0],
            [r * 1.4, len * 0.25],
            [r * 1.1, len * 0.3],
            [r * 0.5, len],
          ],
          2,
          12,
        )
          .rotate(0, 0, -90)
          .translate(-len / 2, variant === 'star' ? 0.03 : r * 1.4, 0),
      },
    ];
    if (has('tip') && variant === 'star') {
      const star: Array<[number, number]> = [];
      for (let i = 0; i < 10; i++) {
        const a = (i / 10) * Math.PI * 2 + Math.PI / 2;
        const rr = i % 2 === 0 ? 0.03 : 0.013;
        star.push([Math.cos(a) * rr, Math.sin(a) * rr]);
      }
      parts.push({
        name: 'tip',
        group: 'tip',
        solid: kit
          .extrude(star, 0.008)
          .rotate(0, 90, 0)
          .translate(len / 2 + 0.025, 0.03, 0),
      });
    }
    return parts;
  },
};

export const crossbow: FamilyDefinition = {
  id: 'crossbow',
  category: 'weapon',
  nouns: [{ word: 'crossbow' }, { word: 'arbalest' }],
  groups: [
    main('stock', ['stock', 'body', 'tiller'], 'wood', { color: 'brown' }),
    structural('prod', ['prod', 'limbs', 'bow', 'arms'], 'steel'),
    accent('string', ['string'], 'canvas', { color: 'beige' }),
  ],
  size: { width: [0.55, 0.81], height: [0.082, 0.098], depth: [0.47, 0.71] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const len = rng.range(0.6, 0.75) * size.width;
    const span = rng.range(0.5, 0.65) * size.depth;
    const h = 0.05;
    const stock = kit.hull([
      [-len / 2, 0, -0.025],
      [-len / 2, 0.09, -0.025],
      [-len / 2, 0, 0.025],
      [-len / 2, 0.09, 0.025],
      [len / 2, h - 0.02, -0.02],
      [len / 2, h + 0.02, -0.02],
      [len / 2, h - 0.02, 0.02],
      [len / 2, h + 0.02, 0.02],
    ]);
    const prodPath = bezier(
      [len / 2 - 0.1, h, -span / 2],
      [len / 2 + 0.05, h, 0],
      [len / 2 - 0.1, h, span / 2],
      14,
    );
    return [
      { name: 'stock', group: 'stock', solid: stock },
      { name: 'prod', group: 'prod', solid: kit.tube(prodPath, 0.011, { segments: 8 }) },
      {
        name: 'string',
        group: 'string',
        solid: kit
          .cylinder(0.0015, span * 0.99, { segments: 6 })
          .rotate(90, 0, 0)
          .translate(len / 2 - 0.1, h, -span * 0.495),
      },
    ];
  },
};

export const cannon: FamilyDefinition = {
  id: 'cannon',
  category: 'weapon',
  nouns: [{ word: 'cannon' }, { word: 'artillery' }, { word: 'mortar', variant: 'mortar' }],
  groups: [
    structural('barrel', ['barrel', 'tube', 'muzzle'], 'iron', { color: 'charcoal' }),
    main('carriage', ['carriage', 'base', 'cart', 'frame'], 'wood', { color: 'brown' }),
    structural('wheels', ['wheel', 'wheels'], 'wood', { color: 'brown' }),
  ],
  size: { width: [1.3, 2.4], height: [0.76, 1.2], depth: [0.49, 0.69] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const len = rng.range(1.2, 1.8) * size.width;
    const r = rng.range(0.1, 0.14);
    const wheelR = rng.range(0.3, 0.4) * size.height;
    const axleY = wheelR;
    const parts: BuiltPart[] = [];
    const barrel = turned(
      kit,
      [
        [r * 1.3, 0],
        [r * 1.35, len * 0.1],
        [r * 1.1, len * 0.3],
        [r * 0.85, len * 0.9],
        [r, len * 0.95],
        [r * 0.95, len],
      ],
      2,
      28,
    );
    parts.push({
      name: 'barrel',
      group: 'barrel',
      solid: barrel.rotate(0, 0, -80).translate(-len * 0.35, axleY + r * 1.4 + 0.05, 0),
      uv: cyl,
    });
    parts.push({
      name: 'cascabel',
      group: 'barrel',
      solid: kit.sphere(r * 0.6, 14).translate(-len * 0.37, axleY + r * 1.1 + 0.05, 0),
    });
    const cw = r * 2.6;
    parts.push({
      name: 'carriage',
      group: 'carriage',
      solid: kit.hull([
        [-len * 0.55, 0, -cw / 2],
        [-len * 0.55, 0.08, -cw / 2],
        [-len * 0.55, 0, cw / 2],
        [-len * 0.55, 0.08, cw / 2],
        [len * 0.05, axleY - 0.05, -cw / 2],
        [len * 0.05, axleY + r, -cw / 2],
        [len * 0.05, axleY - 0.05, cw / 2],
        [len * 0.05, axleY + r, cw / 2],
      ]),
    });
    for (const [i, s] of [-1, 1].entries()) {
      const wheel = torus(kit, wheelR * 0.88, wheelR * 0.1, 0, 28, 8).rotate(90, 0, 0);
      const hub = kit
        .cylinder(wheelR * 0.18, 0.08, { segments: 14 })
        .rotate(90, 0, 0)
        .translate(0, 0, 0.04);
      const spokes = [0, 45, 90, 135].map((a) => kit.box([0.03, wheelR * 1.8, 0.03]).rotate(0, 0, a));
      parts.push({
        name: `wheel_${i + 1}`,
        group: 'wheels',
        solid: kit
          .compose([wheel])
          .add(hub)
          .add(kit.union(spokes))
          .translate(0, axleY, s * (cw / 2 + 0.06)),
      });
    }
    return parts;
  },
};

export const bomb: FamilyDefinition = {
  id: 'bomb',
  category: 'weapon',
  nouns: [
    { word: 'bomb' },
    { word: 'cannonball', variant: 'ball' },
    { word: 'grenade', variant: 'grenade' },
    { word: 'dynamite', variant: 'dynamite' },
  ],
  groups: [
    structural('body', ['body', 'ball', 'shell', 'casing'], 'iron', { color: 'charcoal' }),
    accent('fuse', ['fuse', 'wick', 'cap'], 'canvas', { color: 'tan' }),
  ],
  variantMaterials: { dynamite: { body: ['paper', 'red'] }, grenade: { body: ['iron', 'olive'] } },
  size: { width: [0.055, 0.31], height: [0.08, 0.42], depth: [0.055, 0.31] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'dynamite') {
      const r = 0.016;
      const l = rng.range(0.18, 0.22) * size.width;
      const sticks: Solid[] = [-1, 0, 1].map((i) =>
        kit
          .cylinder(r, l, { segments: 14 })
          .rotate(0, 0, -90)
          .translate(-l / 2, r, i * r * 2.05),
      );
      return [
        { name: 'body', group: 'body', solid: kit.compose(sticks) },
        {
          name: 'fuse',
          group: 'fuse',
          solid: kit.tube(
            bezier([l / 2 - 0.01, r, 0], [l / 2 + 0.05, r + 0.02, 0], [l / 2 + 0.06, r + 0.07, 0.02], 10),
            0.0025,
            { segments: 6 },
          ),
        },
      ];
    }
    const r = (variant === 'grenade' ? rng.range(0.03, 0.035) : rng.range(0.1, 0.14)) * size.width;
    const body =
      variant === 'grenade'
        ? kit
            .sphere(r, 20)
            .scale([1, 1.25, 1])
            .translate(0, r * 1.25, 0)
        : kit.sphere(r, 28).translate(0, r, 0);
    const top = variant === 'grenade' ? r * 2.5 : r * 2;
    const parts: BuiltPart[] = [{ name: 'body', group: 'body', solid: body }];
    if (variant !== 'ball') {
      parts.push({
        name: 'cap',
        group: 'body',
        solid: kit.cylinder(r * 0.3, r * 0.3, { segments: 14 }).translate(0, top - r * 0.1, 0),
      });
      parts.push({
        name: 'fuse',
        group: 'fuse',
        solid: kit.tube(
          bezier([0, top + r * 0.1, 0], [0, top + r * 0.5, 0], [r * 0.4, top + r * 0.7, 0], 8),
          Math.max(0.003, r * 0.05),
          { segments: 6 },
        ),
      });
    }
    return parts;
  },
};

export const WEAPONS: FamilyDefinition[] = [
  spear,
  trident,
  halberd,
  bow,
  arrow,
  mace,
  helmet,
  armor,
  staff,
  wand,
  crossbow,
  cannon,
  bomb,
];
