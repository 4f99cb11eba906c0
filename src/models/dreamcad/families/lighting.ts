import { sdfSphere } from '../../../geometry/sdf.js';
import type { Solid } from '../../../geometry/solid.js';
import { accent, bezier, clampCount, colored, main, structural, torus, turned } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Lights other than the table/floor lamp: candles and what holds them, lanterns, chandeliers, street
 * lamps, torches, bulbs, pendant and lava lamps. Flames and bulbs glow (emissive materials).
 */

const cyl = { kind: 'cylindrical' } as const;

/** A teardrop flame standing on `y`, `h` tall. */
function flame(ctx: BuildContext, x: number, y: number, z: number, h: number): Solid {
  return turned(
    ctx.kit,
    [
      [0.0001, 0],
      [h * 0.22, h * 0.3],
      [h * 0.16, h * 0.65],
      [0.0001, h],
    ],
    4,
    12,
  ).translate(x, y, z);
}

/** A candle (wax body, wick and flame) standing on `y`; returns its parts. */
function candleParts(
  ctx: BuildContext,
  prefix: string,
  x: number,
  y: number,
  z: number,
  r: number,
  h: number,
  melted: boolean,
): BuiltPart[] {
  const { kit } = ctx;
  const wax = melted
    ? turned(
        kit,
        [
          [r, 0],
          [r, h * 0.93],
          [r * 0.92, h],
          [r * 0.4, h * 0.97],
          [0.0001, h * 0.96],
        ],
        2,
        24,
      )
    : kit.cylinder(r, h, { segments: 24 });
  const wickH = Math.max(0.006, r * 0.4);
  return [
    { name: `${prefix}wax`, group: 'candle', solid: wax.translate(x, y, z), uv: cyl },
    {
      name: `${prefix}wick`,
      group: 'flame',
      solid: kit.cylinder(0.0012, wickH + 0.004, { segments: 6 }).translate(x, y + h - 0.004, z),
    },
    {
      name: `${prefix}flame`,
      group: 'flame',
      solid: flame(ctx, x, y + h + wickH * 0.6, z, Math.max(0.018, r * 1.4)),
    },
  ];
}

const candleGroups = [
  main('candle', ['candle', 'candles', 'wax', 'body'], 'wax', { count: [1, 12] }),
  accent('flame', ['flame', 'flames', 'fire', 'wick'], 'flame', { optional: 'on' }),
];

export const candle: FamilyDefinition = {
  id: 'candle',
  category: 'lighting',
  nouns: [
    { word: 'candle' },
    { word: 'taper', variant: 'taper' },
    { word: 'pillar candle', variant: 'pillar' },
    { word: 'tealight', variant: 'tealight' },
    { word: 'tea light', variant: 'tealight' },
  ],
  variantWords: { pillar: 'pillar', taper: 'taper', birthday: 'taper', scented: 'pillar' },
  groups: candleGroups,
  size: { width: [0.018, 0.097], height: [0.042, 0.33], depth: [0.018, 0.097] },
  build(ctx) {
    const { rng, variant, size, has } = ctx;
    const kind = variant ?? rng.pick(['pillar', 'taper', 'pillar']);
    const r =
      (kind === 'taper'
        ? rng.range(0.01, 0.013)
        : kind === 'tealight'
          ? rng.range(0.018, 0.02)
          : rng.range(0.03, 0.045)) * size.width;
    const h =
      (kind === 'taper' ? rng.range(0.2, 0.28) : kind === 'tealight' ? 0.016 : rng.range(0.08, 0.18)) *
      size.height;
    const parts = candleParts(ctx, '', 0, 0, 0, r, h, kind === 'pillar');
    for (const p of parts) if (p.name === 'wax') p.name = 'candle';
    return has('flame') ? parts : parts.filter((p) => p.group !== 'flame');
  },
};

export const candlestick: FamilyDefinition = {
  id: 'candlestick',
  category: 'lighting',
  nouns: [
    { word: 'candlestick' },
    { word: 'candle holder' },
    { word: 'candleholder' },
    { word: 'candelabra', variant: 'candelabra' },
    { word: 'candelabrum', variant: 'candelabra' },
    { word: 'menorah', variant: 'menorah' },
  ],
  groups: [structural('holder', ['holder', 'stand', 'base', 'arms', 'stick'], 'brass'), ...candleGroups],
  size: { width: [0.073, 0.47], height: [0.28, 0.68], depth: [0.073, 0.14] },
  build(ctx) {
    const { kit, rng, variant, size, has, count } = ctx;
    const multi = variant === 'candelabra' || variant === 'menorah';
    const arms = multi ? clampCount(count('candle'), variant === 'menorah' ? 9 : rng.pick([3, 5]), 2, 9) : 1;
    const h = (multi ? rng.range(0.22, 0.35) : rng.range(0.12, 0.25)) * size.height;
    const baseR = rng.range(0.04, 0.065) * size.width;
    const parts: BuiltPart[] = [];
    const stem = turned(
      kit,
      [
        [baseR, 0],
        [baseR * 0.9, 0.012],
        [baseR * 0.25, 0.03],
        [baseR * 0.15, h * 0.5],
        [baseR * 0.3, h * 0.55],
        [baseR * 0.12, h * 0.6],
        [baseR * 0.14, h * 0.95],
        [baseR * 0.3, h],
      ],
      2,
      28,
    );
    parts.push({ name: 'holder', group: 'holder', solid: stem, uv: cyl });
    const cupR = 0.016;
    const spots: Array<[number, number]> = [];
    if (!multi) spots.push([0, h]);
    else {
      const span = rng.range(0.12, 0.2) * size.width;
      for (let i = 0; i < arms; i++) {
        const x = arms === 1 ? 0 : -span + (2 * span * i) / (arms - 1);
        const top =
          h + (variant === 'menorah' ? (i === (arms - 1) / 2 ? 0.05 : 0) : 0.06 - Math.abs(x) * 0.2);
        spots.push([x, top]);
        if (Math.abs(x) > 1e-6) {
          const path = bezier([0, h * 0.6, 0], [x, h * 0.6, 0], [x, top - 0.01, 0], 10);
          parts.push({
            name: `arm_${i + 1}`,
            group: 'holder',
            solid: kit.tube(path, 0.006, { segments: 8 }),
          });
        }
      }
    }
    spots.forEach(([x, top], i) => {
      parts.push({
        name: `cup_${i + 1}`,
        group: 'holder',
        solid: turned(
          kit,
          [
            [cupR * 0.6, 0],
            [cupR, 0.01],
            [cupR * 1.1, 0.02],
          ],
          1,
          16,
        ).translate(x, top - 0.005, 0),
        uv: cyl,
      });
      const cp = candleParts(
        ctx,
        arms > 1 ? `candle_${i + 1}_` : 'candle_',
        x,
        top + 0.012,
        0,
        0.011,
        rng.range(0.12, 0.2),
        false,
      );
      parts.push(...(has('flame') ? cp : cp.filter((p) => p.group !== 'flame')));
    });
    return parts;
  },
};

export const lantern: FamilyDefinition = {
  id: 'lantern',
  category: 'lighting',
  nouns: [
    { word: 'lantern' },
    { word: 'oil lamp', variant: 'oil' },
    { word: 'storm lantern' },
    { word: 'paper lantern', variant: 'paper' },
    { word: 'hurricane lamp' },
  ],
  groups: [
    structural('frame', ['frame', 'cage', 'top', 'base', 'cap', 'handle'], 'iron', { color: 'charcoal' }),
    colored('glass', ['glass', 'panes', 'chimney', 'shade', 'paper'], 'glass', {
      prefers: ['glass', 'fabric'],
    }),
    accent('flame', ['flame', 'light', 'candle'], 'flame', { optional: 'on' }),
  ],
  variantMaterials: { paper: { glass: ['paper', 'red'], frame: 'bamboo' } },
  size: { width: [0.13, 0.43], height: [0.17, 0.47], depth: [0.13, 0.43] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'paper') {
      const r = rng.range(0.12, 0.2) * size.width;
      const h = r * rng.range(1.2, 1.6) * size.height;
      const ribs = 8;
      const profile: Array<[number, number]> = [];
      for (let i = 0; i <= ribs; i++) {
        const t = i / ribs;
        profile.push([
          Math.max(
            0.0001,
            Math.sin(t * Math.PI) * r * (i % 2 === 0 ? 1 : 0.96) + r * 0.25 * (t === 0 || t === 1 ? 1 : 0),
          ),
          t * h,
        ]);
      }
      parts.push({
        name: 'glass',
        group: 'glass',
        solid: turned(kit, [[r * 0.3, 0], ...profile.slice(1, -1), [r * 0.3, h]], 2, 32).translate(
          0,
          0.02,
          0,
        ),
        uv: cyl,
      });
      parts.push({ name: 'base', group: 'frame', solid: kit.cylinder(r * 0.32, 0.025, { segments: 20 }) });
      parts.push({
        name: 'top',
        group: 'frame',
        solid: kit.cylinder(r * 0.32, 0.025, { segments: 20 }).translate(0, h + 0.01, 0),
      });
      if (has('flame')) parts.push({ name: 'flame', group: 'flame', solid: flame(ctx, 0, 0.04, 0, 0.05) });
      return parts;
    }
    const r = rng.range(0.06, 0.09) * size.width;
    const h = rng.range(0.16, 0.24) * size.height;
    const baseH = 0.03;
    parts.push({
      name: 'base',
      group: 'frame',
      solid: turned(
        kit,
        [
          [r * 1.1, 0],
          [r * 1.15, baseH * 0.6],
          [r, baseH],
        ],
        1,
        24,
      ),
      uv: cyl,
    });
    parts.push({
      name: 'glass',
      group: 'glass',
      solid: turned(
        kit,
        [
          [r * 0.8, 0],
          [r * 0.95, h * 0.4],
          [r * 0.75, h],
        ],
        3,
        24,
      ).translate(0, baseH - 0.002, 0),
      uv: cyl,
    });
    const bars: Solid[] = [];
    for (let i = 0; i < 4; i++) {
      const a = (i / 4) * Math.PI * 2 + Math.PI / 4;
      bars.push(
        kit.cylinderBetween(
          [Math.cos(a) * r * 1.02, baseH - 0.005, Math.sin(a) * r * 1.02],
          [Math.cos(a) * r * 0.85, baseH + h + 0.005, Math.sin(a) * r * 0.85],
          0.004,
          { segments: 6 },
        ),
      );
    }
    parts.push({ name: 'cage', group: 'frame', solid: kit.compose(bars) });
    const capY = baseH + h;
    parts.push({
      name: 'cap',
      group: 'frame',
      solid: turned(
        kit,
        [
          [r * 0.95, 0],
          [r * 0.9, 0.015],
          [r * 0.3, 0.05],
          [r * 0.25, 0.07],
          [0.0001, 0.075],
        ],
        2,
        24,
      ).translate(0, capY, 0),
      uv: cyl,
    });
    parts.push({
      name: 'handle',
      group: 'frame',
      solid: torus(kit, r * 0.55, 0.005, 0, 20, 8)
        .rotate(90, 0, 0)
        .translate(0, capY + 0.07 + r * 0.45, 0),
    });
    if (has('flame'))
      parts.push({
        name: 'flame',
        group: 'flame',
        solid: flame(ctx, 0, baseH + 0.02, 0, Math.min(0.06, h * 0.3)),
      });
    return parts;
  },
};

export const chandelier: FamilyDefinition = {
  id: 'chandelier',
  category: 'lighting',
  nouns: [{ word: 'chandelier' }, { word: 'candelier' }],
  groups: [
    structural('frame', ['frame', 'arms', 'body', 'chain'], 'brass'),
    ...candleGroups.map((g) => (g.id === 'candle' ? { ...g, nouns: [...g.nouns, 'lights', 'bulbs'] } : g)),
  ],
  size: { width: [0.49, 1.1], height: [0.48, 0.91], depth: [0.45, 1.1] },
  build(ctx) {
    const { kit, rng, size, has, count } = ctx;
    const arms = clampCount(count('candle'), rng.pick([5, 6, 8]), 3, 12);
    const R = rng.range(0.25, 0.45) * size.width;
    const h = rng.range(0.45, 0.8) * size.height;
    const armY = rng.range(0.12, 0.18);
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'body',
      group: 'frame',
      solid: turned(
        kit,
        [
          [0.0001, 0],
          [0.05, 0.03],
          [0.03, 0.1],
          [0.06, armY],
          [0.02, armY + 0.1],
          // A midway point keeps the smoothed stem from bulging when the chandelier is stretched tall.
          [0.0175, (armY + 0.1 + h) / 2],
          [0.015, h],
        ],
        3,
        24,
      ),
      uv: cyl,
    });
    parts.push({
      name: 'ring',
      group: 'frame',
      solid: torus(kit, 0.025, 0.006, 0, 16, 8)
        .rotate(90, 0, 0)
        .translate(0, h + 0.02, 0),
    });
    for (let i = 0; i < arms; i++) {
      const a = (i / arms) * Math.PI * 2;
      const x = Math.cos(a) * R;
      const z = Math.sin(a) * R;
      const path = bezier([0, armY, 0], [x * 0.9, armY - 0.08, z * 0.9], [x, armY + 0.05, z], 10);
      parts.push({ name: `arm_${i + 1}`, group: 'frame', solid: kit.tube(path, 0.008, { segments: 8 }) });
      parts.push({
        name: `cup_${i + 1}`,
        group: 'frame',
        solid: turned(
          kit,
          [
            [0.012, 0],
            [0.03, 0.012],
            [0.032, 0.018],
          ],
          1,
          16,
        ).translate(x, armY + 0.045, z),
      });
      const cp = candleParts(ctx, `candle_${i + 1}_`, x, armY + 0.06, z, 0.01, rng.range(0.08, 0.12), false);
      parts.push(...(has('flame') ? cp : cp.filter((p) => p.group !== 'flame')));
    }
    return parts;
  },
};

export const streetLamp: FamilyDefinition = {
  id: 'street lamp',
  category: 'lighting',
  nouns: [
    { word: 'street lamp' },
    { word: 'streetlamp' },
    { word: 'lamppost' },
    { word: 'lamp post' },
    { word: 'streetlight' },
    { word: 'street light' },
    { word: 'lamp post' },
  ],
  groups: [
    structural('post', ['post', 'pole', 'column', 'base', 'arm'], 'iron', { color: 'charcoal' }),
    structural('head', ['head', 'lantern', 'housing', 'top', 'cap'], 'iron', { color: 'charcoal' }),
    accent('light', ['light', 'glass', 'bulb', 'lamp'], 'light'),
  ],
  size: { width: [0.32, 1.4], height: [3.1, 5.9], depth: [0.27, 0.54] },
  build(ctx) {
    const { kit, rng, size, style } = ctx;
    const h = rng.range(3.2, 4.8) * size.height;
    const parts: BuiltPart[] = [];
    const baseR = rng.range(0.14, 0.2);
    parts.push({
      name: 'post',
      group: 'post',
      solid: turned(
        kit,
        [
          [baseR, 0],
          [baseR, 0.3],
          [baseR * 0.55, 0.45],
          [baseR * 0.4, 0.6],
          // A midway point keeps the smoothed post straight when the lamp is stretched tall.
          [baseR * 0.35, (0.6 + h) / 2],
          [baseR * 0.3, h],
        ],
        2,
        24,
      ),
      uv: cyl,
    });
    const modern = !style.ornate && rng.chance(0.4);
    if (modern) {
      const reach = rng.range(0.5, 0.9) * size.width;
      const path = bezier([0, h - 0.2, 0], [0, h + 0.1, 0], [reach, h + 0.05, 0], 10);
      parts.push({ name: 'arm', group: 'post', solid: kit.tube(path, baseR * 0.28, { segments: 10 }) });
      parts.push({
        name: 'head',
        group: 'head',
        solid: kit.roundedBox([0.45, 0.1, 0.22], 0.03).translate(reach, h + 0.02, 0),
      });
      parts.push({
        name: 'light',
        group: 'light',
        solid: kit.boxBetween([reach - 0.18, h - 0.04, -0.08], [reach + 0.18, h - 0.02, 0.08]),
      });
    } else {
      const lr = rng.range(0.15, 0.22);
      parts.push({
        name: 'light',
        group: 'light',
        solid: turned(
          kit,
          [
            [lr * 0.5, 0],
            [lr, lr * 1.2],
            [lr * 0.9, lr * 2],
          ],
          2,
          8,
        ).translate(0, h - 0.02, 0),
      });
      parts.push({
        name: 'head',
        group: 'head',
        solid: turned(
          kit,
          [
            [lr * 1.05, 0],
            [lr * 1.15, 0.03],
            [lr * 0.5, lr * 0.8],
            [0.02, lr * 1.2],
            [0.0001, lr * 1.4],
          ],
          2,
          8,
        ).translate(0, h + lr * 2 - 0.04, 0),
      });
    }
    return parts;
  },
};

export const torch: FamilyDefinition = {
  id: 'torch',
  category: 'lighting',
  nouns: [
    { word: 'torch' },
    { word: 'firebrand' },
    { word: 'brand' },
    { word: 'tiki torch', variant: 'tiki' },
  ],
  groups: [
    main('handle', ['handle', 'stick', 'shaft'], 'wood', { color: 'brown' }),
    structural('head', ['head', 'wrap', 'basket'], 'iron'),
    accent('flame', ['flame', 'fire', 'flames'], 'flame', { optional: 'on' }),
  ],
  size: { width: [0.073, 0.13], height: [0.66, 2], depth: [0.071, 0.13] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const h = (variant === 'tiki' ? rng.range(1.2, 1.5) : rng.range(0.45, 0.6)) * size.height;
    const r = rng.range(0.015, 0.022);
    const parts: BuiltPart[] = [
      {
        name: 'handle',
        group: 'handle',
        solid: kit.cylinder(r * 0.8, h, { radiusTop: r, segments: 12 }),
        uv: cyl,
      },
    ];
    const hr = r * 2.2;
    parts.push({
      name: 'head',
      group: 'head',
      solid: turned(
        kit,
        [
          [r, 0],
          [hr, 0.05],
          [hr * 1.1, 0.1],
        ],
        2,
        14,
      ).translate(0, h - 0.03, 0),
      uv: cyl,
    });
    if (has('flame')) {
      parts.push({
        name: 'flame',
        group: 'flame',
        solid: turned(
          kit,
          [
            [hr * 1.05, 0],
            [hr * 1.2, 0.04],
            [hr * 0.7, 0.12],
            [0.0001, 0.2],
          ],
          3,
          14,
        ).translate(0, h + 0.068, 0),
      });
    }
    return parts;
  },
};

export const lightBulb: FamilyDefinition = {
  id: 'light bulb',
  category: 'lighting',
  nouns: [{ word: 'light bulb' }, { word: 'lightbulb' }, { word: 'bulb' }, { word: 'edison bulb' }],
  groups: [
    colored('glass', ['glass', 'bulb'], 'bulb'),
    structural('base', ['base', 'cap', 'screw', 'socket'], 'aluminium'),
  ],
  size: { width: [0.053, 0.077], height: [0.076, 0.12], depth: [0.053, 0.077] },
  build({ kit, rng, size }) {
    const r = rng.range(0.028, 0.035) * size.width;
    const capH = 0.025;
    const h = rng.range(0.06, 0.08) * size.height;
    const cap = turned(
      kit,
      [
        [0.004, 0],
        [0.008, 0.004],
        [0.013, 0.006],
        [0.013, capH],
      ],
      1,
      20,
    );
    const glass = turned(
      kit,
      [
        [0.012, 0],
        [0.013, h * 0.25],
        [r, h * 0.6],
        [r * 0.8, h * 0.92],
        [0.0001, h],
      ],
      4,
      28,
    ).translate(0, capH - 0.002, 0);
    return [
      { name: 'base', group: 'base', solid: cap, uv: cyl },
      { name: 'glass', group: 'glass', solid: glass, uv: cyl },
    ];
  },
};

export const pendantLamp: FamilyDefinition = {
  id: 'pendant lamp',
  category: 'lighting',
  nouns: [
    { word: 'pendant lamp' },
    { word: 'pendant light' },
    { word: 'ceiling lamp' },
    { word: 'ceiling light' },
    { word: 'hanging lamp' },
  ],
  groups: [
    colored('shade', ['shade', 'lampshade', 'dome'], 'aluminium', { takesMainMaterial: true }),
    accent('cord', ['cord', 'cable', 'wire', 'canopy'], 'rubber'),
    accent('bulb', ['bulb', 'light'], 'bulb'),
  ],
  size: { width: [0.23, 0.54], height: [0.65, 1.2], depth: [0.23, 0.54] },
  build({ kit, rng, size }) {
    const r = rng.range(0.12, 0.25) * size.width;
    const h = r * rng.range(0.6, 1.0);
    const cord = rng.range(0.5, 0.9) * size.height;
    const wall = 0.003;
    const outer: Array<[number, number]> = [
      [r, 0],
      [r * 0.85, h * 0.4],
      [r * 0.3, h * 0.9],
      [0.02, h],
    ];
    const inner = outer.map(([x, y], i): [number, number] =>
      i === outer.length - 1
        ? [0.012, h - wall]
        : [Math.max(0.012, x - wall * 1.5), i === 0 ? 0 : y - wall * 0.5],
    );
    const profile = [...outer, ...inner.reverse()];
    return [
      { name: 'shade', group: 'shade', solid: kit.revolve(profile, { segments: 40 }), uv: cyl },
      {
        name: 'cord',
        group: 'cord',
        solid: kit.cylinder(0.004, cord + 0.01, { segments: 8 }).translate(0, h - 0.005, 0),
      },
      {
        name: 'canopy',
        group: 'cord',
        solid: kit.cylinder(0.05, 0.03, { segments: 20 }).translate(0, h + cord, 0),
      },
      { name: 'bulb', group: 'bulb', solid: kit.sphere(0.035, 16).translate(0, h * 0.55, 0) },
    ];
  },
};

export const lavaLamp: FamilyDefinition = {
  id: 'lava lamp',
  category: 'lighting',
  nouns: [{ word: 'lava lamp' }],
  groups: [
    structural('base', ['base', 'cap', 'body'], 'chrome'),
    colored('glass', ['glass', 'liquid', 'lava'], 'glass', { color: 'orange' }),
    accent('blobs', ['blob', 'blobs', 'wax'], 'wax', { color: 'red' }),
  ],
  size: { width: [0.078, 0.13], height: [0.29, 0.43], depth: [0.078, 0.13] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const h = rng.range(0.34, 0.42) * size.height;
    const r = rng.range(0.045, 0.06) * size.width;
    const baseH = h * 0.3;
    const base = turned(
      kit,
      [
        [r * 0.95, 0],
        [r * 0.55, baseH],
        [r * 0.5, baseH + 0.004],
      ],
      1,
      28,
    );
    const glass = turned(
      kit,
      [
        [r * 0.5, 0],
        [r * 0.75, h * 0.25],
        [r * 0.45, h * 0.55],
      ],
      2,
      28,
    ).translate(0, baseH, 0);
    const cap = turned(
      kit,
      [
        [r * 0.46, 0],
        [r * 0.4, h * 0.1],
        [0.0001, h * 0.1],
      ],
      1,
      24,
    ).translate(0, baseH + h * 0.55 - 0.004, 0);
    const blobs = ctx.sdf(
      Array.from({ length: 4 }, (_, i) =>
        sdfSphere(
          [rng.range(-0.01, 0.01), baseH + h * (0.08 + i * 0.12), rng.range(-0.01, 0.01)],
          r * rng.range(0.18, 0.28),
          0.01,
        ),
      ),
      0.006,
    );
    return [
      { name: 'base', group: 'base', solid: base, uv: cyl },
      { name: 'cap', group: 'base', solid: cap, uv: cyl },
      { name: 'glass', group: 'glass', solid: glass, uv: cyl },
      { name: 'blobs', group: 'blobs', mesh: blobs },
    ];
  },
};

export const LIGHTING: FamilyDefinition[] = [
  candle,
  candlestick,
  lantern,
  chandelier,
  streetLamp,
  torch,
  lightBulb,
  pendantLamp,
  lavaLamp,
];
