import type { Solid } from '../../../geometry/solid.js';
import type { PatternId } from '../textures.js';
import { accent, bezier, circle, colored, main, structural, torus, turned } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Electronics and sports gear. Screens are a dark glossy part inset in the case; balls carry their
 * classic patterns.
 */

const cyl = { kind: 'cylindrical' } as const;
const screen = accent('screen', ['screen', 'display', 'monitor'], 'screen');
const caseGroup = (color = 'charcoal', material = 'plastic') =>
  colored('case', ['case', 'body', 'frame', 'housing', 'shell'], material, {
    color,
    takesMainMaterial: true,
  });

/** A flat panel (screen) standing on a foot: TVs and monitors. */
function panel(ctx: BuildContext, w: number, h: number, t: number, lift: number, footW: number): BuiltPart[] {
  const { kit } = ctx;
  const bezel = Math.min(w, h) * 0.03;
  return [
    {
      name: 'case',
      group: 'case',
      solid: kit.roundedBox([w, h, t], Math.min(0.01, t * 0.4), 4).translate(0, lift + h / 2, 0),
    },
    {
      name: 'screen',
      group: 'screen',
      solid: kit.box([w - 2 * bezel, h - 2 * bezel, 0.004]).translate(0, lift + h / 2, t / 2),
    },
    {
      name: 'neck',
      group: 'case',
      solid: kit.boxBetween([-0.03, 0.01, -t * 0.6], [0.03, lift + h * 0.3, -t * 0.2]),
    },
    {
      name: 'foot',
      group: 'case',
      solid: kit.roundedBox([footW, 0.02, footW * 0.6], 0.008, 4).translate(0, 0.01, -t * 0.4),
    },
  ];
}

export const television: FamilyDefinition = {
  id: 'television',
  category: 'electronics',
  nouns: [
    { word: 'television' },
    { word: 'tv' },
    { word: 'telly' },
    { word: 'monitor', variant: 'monitor' },
    { word: 'computer monitor', variant: 'monitor' },
    { word: 'computer', variant: 'monitor' },
    { word: 'desktop computer', variant: 'monitor' },
    { word: 'retro tv', variant: 'crt' },
    { word: 'crt', variant: 'crt' },
  ],
  variantWords: { old: 'crt', retro: 'crt', vintage: 'crt', flat: 'flat', computer: 'monitor' },
  groups: [
    caseGroup(),
    screen,
    accent('keyboard', ['keyboard', 'antenna', 'antennas', 'knobs'], 'plastic', {
      color: 'dimgray',
      optional: 'on',
    }),
  ],
  size: { width: [0.43, 1.7], height: [0.36, 0.97], depth: [0.24, 0.57] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    if (variant === 'crt') {
      const w = rng.range(0.45, 0.6) * size.width;
      const h = w * 0.8;
      const d = w * 0.85;
      const parts: BuiltPart[] = [
        {
          name: 'case',
          group: 'case',
          solid: kit.hull([
            [-w / 2, 0, d / 2],
            [w / 2, 0, d / 2],
            [-w / 2, h, d / 2],
            [w / 2, h, d / 2],
            [-w * 0.3, h * 0.15, -d / 2],
            [w * 0.3, h * 0.15, -d / 2],
            [-w * 0.3, h * 0.85, -d / 2],
            [w * 0.3, h * 0.85, -d / 2],
          ]),
        },
        {
          name: 'screen',
          group: 'screen',
          solid: kit.roundedBox([w * 0.7, h * 0.7, 0.02], 0.03, 4).translate(-w * 0.08, h / 2, d / 2),
        },
        {
          name: 'knobs',
          group: 'keyboard',
          solid: kit.compose(
            [0.3, 0.5].map((f) =>
              kit
                .cylinder(0.02, 0.02, { segments: 12 })
                .rotate(90, 0, 0)
                .translate(w * 0.38, h * f, d / 2),
            ),
          ),
        },
      ];
      if (has('keyboard'))
        parts.push({
          name: 'antenna',
          group: 'keyboard',
          solid: kit.union(
            [-1, 1].map((s) =>
              kit.cylinderBetween([0, h - 0.01, 0], [s * w * 0.35, h + w * 0.5, -0.05], 0.004, {
                segments: 6,
              }),
            ),
          ),
        });
      return parts;
    }
    const monitor = variant === 'monitor';
    const w = (monitor ? rng.range(0.5, 0.7) : rng.range(0.9, 1.5)) * size.width;
    const h = w * 0.5625 * size.height;
    const parts = panel(
      ctx,
      w,
      h,
      monitor ? 0.04 : 0.05,
      monitor ? 0.1 : 0.06,
      monitor ? w * 0.35 : w * 0.45,
    );
    if (monitor && has('keyboard')) {
      parts.push({
        name: 'keyboard',
        group: 'keyboard',
        solid: kit.roundedBox([0.44, 0.02, 0.14], 0.006, 4).translate(0, 0.01, w * 0.25),
      });
    }
    return parts;
  },
};

export const laptop: FamilyDefinition = {
  id: 'laptop',
  category: 'electronics',
  nouns: [{ word: 'laptop' }, { word: 'notebook computer' }, { word: 'macbook' }, { word: 'netbook' }],
  groups: [
    caseGroup('silver', 'aluminium'),
    screen,
    accent('keyboard', ['keyboard', 'keys', 'touchpad'], 'plastic', { color: 'black' }),
  ],
  size: { width: [0.28, 0.41], height: [0.19, 0.29], depth: [0.24, 0.39] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const w = rng.range(0.3, 0.38) * size.width;
    const d = w * 0.68;
    const t = 0.015;
    const open = rng.range(100, 120);
    const lid = kit.roundedBox([w, d, 0.006], 0.006, 4).translate(0, d / 2, 0);
    const scr = kit.box([w * 0.9, d * 0.85, 0.002]).translate(0, d / 2, 0.0035);
    const place = (s: Solid) => s.rotate(-(open - 90), 0, 0).translate(0, t, -d / 2 + 0.003);
    return [
      { name: 'base', group: 'case', solid: kit.roundedBox([w, t, d], 0.006, 4).translate(0, t / 2, 0) },
      { name: 'lid', group: 'case', solid: place(lid) },
      { name: 'screen', group: 'screen', solid: place(scr) },
      {
        name: 'keyboard',
        group: 'keyboard',
        solid: kit.box([w * 0.85, 0.002, d * 0.42]).translate(0, t + 0.0005, -d * 0.1),
      },
    ];
  },
};

export const phone: FamilyDefinition = {
  id: 'phone',
  category: 'electronics',
  nouns: [
    { word: 'phone' },
    { word: 'smartphone' },
    { word: 'cellphone' },
    { word: 'mobile phone' },
    { word: 'iphone' },
    { word: 'tablet', variant: 'tablet' },
    { word: 'ipad', variant: 'tablet' },
    { word: 'telephone', variant: 'desk' },
    { word: 'remote control', variant: 'remote' },
    { word: 'remote', variant: 'remote' },
    { word: 'calculator', variant: 'remote' },
  ],
  groups: [
    caseGroup('black'),
    screen,
    accent('buttons', ['button', 'buttons', 'handset', 'keys'], 'plastic', { color: 'dimgray' }),
  ],
  size: { width: [0.046, 0.23], height: [0.0078, 0.11], depth: [0.13, 0.3] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'desk') {
      const w = 0.2 * size.width;
      const parts: BuiltPart[] = [
        {
          name: 'case',
          group: 'case',
          solid: kit.hull([
            [-w / 2, 0, -w * 0.5],
            [w / 2, 0, -w * 0.5],
            [-w / 2, 0, w * 0.5],
            [w / 2, 0, w * 0.5],
            [-w * 0.4, w * 0.35, -w * 0.3],
            [w * 0.4, w * 0.35, -w * 0.3],
            [-w * 0.4, w * 0.15, w * 0.4],
            [w * 0.4, w * 0.15, w * 0.4],
          ]),
        },
        {
          name: 'handset',
          group: 'buttons',
          solid: kit.tube(
            bezier(
              [-w * 0.5, w * 0.42, -w * 0.2],
              [0, w * 0.32, -w * 0.2],
              [w * 0.5, w * 0.42, -w * 0.2],
              10,
            ),
            w * 0.07,
            { segments: 10 },
          ),
        },
        {
          name: 'screen',
          group: 'screen',
          solid: kit
            .cylinder(w * 0.15, 0.01, { segments: 20 })
            .rotate(-35, 0, 0)
            .translate(0, w * 0.22, w * 0.12),
        },
      ];
      return parts;
    }
    const tablet = variant === 'tablet';
    const remote = variant === 'remote';
    const w = (tablet ? rng.range(0.17, 0.2) : remote ? 0.05 : rng.range(0.07, 0.078)) * size.width;
    const d = (tablet ? w * 1.35 : remote ? 0.18 : w * 2.05) * size.depth;
    const t = remote ? 0.02 : tablet ? 0.007 : 0.008;
    const parts: BuiltPart[] = [
      {
        name: 'case',
        group: 'case',
        solid: kit.roundedBox([w, t, d], Math.min(t * 0.45, 0.006), 6).translate(0, t / 2, 0),
      },
    ];
    if (remote) {
      const b: Solid[] = [];
      for (let i = 0; i < 4; i++)
        for (let j = 0; j < 3; j++)
          b.push(
            kit
              .cylinder(0.005, 0.003, { segments: 10 })
              .translate(-w * 0.28 + j * w * 0.28, t - 0.001, -d * 0.25 + i * d * 0.12),
          );
      parts.push({ name: 'buttons', group: 'buttons', solid: kit.compose(b) });
    } else
      parts.push({
        name: 'screen',
        group: 'screen',
        solid: kit.box([w * 0.92, 0.002, d * 0.9]).translate(0, t + 0.0005, 0),
      });
    return parts;
  },
};

export const headphones: FamilyDefinition = {
  id: 'headphones',
  category: 'electronics',
  nouns: [{ word: 'headphones' }, { word: 'headphone' }, { word: 'headset' }, { word: 'earphones' }],
  groups: [
    caseGroup('black'),
    accent('cushions', ['cushion', 'cushions', 'pads', 'earpads', 'ear cups'], 'leather', {
      color: 'dimgray',
    }),
  ],
  size: { width: [0.21, 0.28], height: [0.16, 0.23], depth: [0.082, 0.098] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const w = rng.range(0.15, 0.18) * size.width;
    const h = rng.range(0.17, 0.2) * size.height;
    const cupR = 0.045;
    const band: [number, number, number][] = [];
    for (let i = 0; i <= 20; i++) {
      const a = Math.PI - (i / 20) * Math.PI;
      band.push([Math.cos(a) * w * 0.52, cupR + Math.sin(a) * (h - cupR), 0]);
    }
    const parts: BuiltPart[] = [
      { name: 'band', group: 'case', solid: kit.tube(band, 0.009, { segments: 10 }) },
    ];
    for (const [i, s] of [-1, 1].entries()) {
      parts.push({
        name: `cup_${i + 1}`,
        group: 'case',
        solid: kit
          .cylinder(cupR, 0.03, { segments: 24 })
          .rotate(0, 0, 90)
          .translate(s * w * 0.55 + (s > 0 ? 0.03 : 0), cupR, 0),
      });
      parts.push({
        name: `cushion_${i + 1}`,
        group: 'cushions',
        solid: torus(kit, cupR * 0.7, cupR * 0.28, 0, 24, 8)
          .rotate(0, 0, 90)
          .translate(s * w * 0.5 - s * 0.002, cupR, 0),
      });
    }
    return parts;
  },
};

export const camera: FamilyDefinition = {
  id: 'camera',
  category: 'electronics',
  nouns: [
    { word: 'camera' },
    { word: 'dslr' },
    { word: 'polaroid' },
    { word: 'camcorder' },
    { word: 'webcam', variant: 'web' },
  ],
  groups: [
    caseGroup('black'),
    structural('lens', ['lens', 'objective'], 'aluminium', { color: 'black' }),
    accent('glass', ['glass', 'flash', 'button'], 'glass', { color: 'steelblue' }),
  ],
  size: { width: [0.11, 0.17], height: [0.093, 0.14], depth: [0.095, 0.16] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const w = rng.range(0.12, 0.15) * size.width;
    const h = w * 0.65;
    const d = w * 0.5;
    const lr = h * 0.35;
    const ll = rng.range(0.04, 0.08);
    return [
      { name: 'body', group: 'case', solid: kit.roundedBox([w, h, d], 0.01, 4).translate(0, h / 2, 0) },
      {
        name: 'prism',
        group: 'case',
        solid: kit.hull([
          [-w * 0.15, h - 0.005, -d * 0.3],
          [w * 0.15, h - 0.005, -d * 0.3],
          [-w * 0.15, h - 0.005, d * 0.3],
          [w * 0.15, h - 0.005, d * 0.3],
          [-w * 0.1, h + h * 0.25, -d * 0.15],
          [w * 0.1, h + h * 0.25, -d * 0.15],
          [-w * 0.1, h + h * 0.25, d * 0.15],
          [w * 0.1, h + h * 0.25, d * 0.15],
        ]),
      },
      {
        name: 'lens',
        group: 'lens',
        solid: turned(
          kit,
          [
            [lr * 0.9, 0],
            [lr, ll * 0.3],
            [lr * 0.95, ll],
          ],
          1,
          24,
        )
          .rotate(90, 0, 0)
          .translate(0, h * 0.48, d / 2 - 0.005),
      },
      {
        name: 'glass',
        group: 'glass',
        solid: kit
          .cylinder(lr * 0.75, 0.004, { segments: 24 })
          .rotate(90, 0, 0)
          .translate(0, h * 0.48, d / 2 + ll - 0.006),
      },
      {
        name: 'button',
        group: 'glass',
        solid: kit.cylinder(0.008, 0.008, { segments: 12 }).translate(w * 0.3, h - 0.002, 0),
      },
    ];
  },
};

export const radio: FamilyDefinition = {
  id: 'radio',
  category: 'electronics',
  nouns: [
    { word: 'radio' },
    { word: 'speaker', variant: 'speaker' },
    { word: 'loudspeaker', variant: 'speaker' },
    { word: 'boombox' },
    { word: 'stereo' },
    { word: 'amplifier', variant: 'speaker' },
    { word: 'jukebox', variant: 'speaker' },
  ],
  groups: [
    caseGroup('saddlebrown', 'wood'),
    accent('grille', ['grille', 'grill', 'speaker', 'cone', 'cones', 'mesh'], 'fabric', { color: 'black' }),
    accent('knobs', ['knob', 'knobs', 'dial', 'antenna', 'handle'], 'chrome'),
  ],
  size: { width: [0.21, 0.38], height: [0.29, 1.1], depth: [0.1, 0.44] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'speaker') {
      const h = rng.range(0.6, 1.0) * size.height;
      const w = h * 0.35 * size.width;
      const d = w * 1.1;
      const cones: Solid[] = [];
      for (const [f, r] of [
        [0.75, 0.28],
        [0.4, 0.4],
      ] as const)
        cones.push(
          turned(
            kit,
            [
              [w * r, 0],
              [w * r * 0.3, -0.01],
              [0.0001, -0.02],
            ],
            1,
            24,
          )
            .rotate(-90, 0, 0)
            .translate(0, h * f, d / 2 + 0.001),
        );
      return [
        { name: 'case', group: 'case', solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, h, d / 2]) },
        { name: 'grille', group: 'grille', solid: kit.compose(cones) },
      ];
    }
    const w = rng.range(0.25, 0.35) * size.width;
    const h = w * 0.6;
    const d = w * 0.35;
    return [
      { name: 'case', group: 'case', solid: kit.roundedBox([w, h, d], 0.02, 4).translate(0, h / 2, 0) },
      {
        name: 'grille',
        group: 'grille',
        solid: kit
          .cylinder(h * 0.32, 0.006, { segments: 28 })
          .rotate(90, 0, 0)
          .translate(-w * 0.18, h * 0.5, d / 2),
      },
      {
        name: 'knobs',
        group: 'knobs',
        solid: kit.compose(
          [0.35, 0.65].map((f) =>
            kit
              .cylinder(0.014, 0.015, { segments: 14 })
              .rotate(90, 0, 0)
              .translate(w * 0.28, h * f, d / 2 + 0.004),
          ),
        ),
      },
      {
        name: 'antenna',
        group: 'knobs',
        solid: kit.cylinderBetween([w * 0.4, h - 0.01, -d * 0.3], [w * 0.2, h + w * 0.6, -d * 0.3], 0.003, {
          segments: 6,
        }),
      },
      {
        name: 'handle',
        group: 'knobs',
        solid: kit.tube(
          bezier([-w * 0.3, h - 0.005, 0], [0, h + 0.07, 0], [w * 0.3, h - 0.005, 0], 10),
          0.006,
          { segments: 8 },
        ),
      },
    ];
  },
};

export const gameController: FamilyDefinition = {
  id: 'game controller',
  category: 'electronics',
  nouns: [
    { word: 'game controller' },
    { word: 'controller' },
    { word: 'gamepad' },
    { word: 'joystick' },
    { word: 'game console', variant: 'console' },
    { word: 'console', variant: 'console' },
  ],
  groups: [
    caseGroup('dimgray'),
    accent('buttons', ['button', 'buttons', 'sticks', 'dpad'], 'plastic', { color: 'crimson' }),
  ],
  size: { width: [0.14, 0.35], height: [0.035, 0.065], depth: [0.063, 0.28] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'console') {
      const w = rng.range(0.26, 0.32) * size.width;
      return [
        {
          name: 'case',
          group: 'case',
          solid: kit.roundedBox([w, 0.06, w * 0.8], 0.01, 4).translate(0, 0.03, 0),
        },
        {
          name: 'buttons',
          group: 'buttons',
          solid: kit.boxBetween([-w * 0.4, 0.02, w * 0.4 - 0.001], [-w * 0.25, 0.03, w * 0.4 + 0.003]),
        },
      ];
    }
    const w = rng.range(0.15, 0.17) * size.width;
    const body = kit.hull([
      ...circle(w * 0.2, 12, -w * 0.3, 0).map(([x, z]) => [x, 0.0, z - w * 0.05] as [number, number, number]),
      ...circle(w * 0.2, 12, w * 0.3, 0).map(([x, z]) => [x, 0.0, z - w * 0.05] as [number, number, number]),
      ...circle(w * 0.18, 12, -w * 0.3, 0).map(
        ([x, z]) => [x, 0.035, z - w * 0.05] as [number, number, number],
      ),
      ...circle(w * 0.18, 12, w * 0.3, 0).map(
        ([x, z]) => [x, 0.035, z - w * 0.05] as [number, number, number],
      ),
      [-w * 0.2, 0.0, w * 0.2],
      [w * 0.2, 0.0, w * 0.2],
      [-w * 0.2, 0.03, w * 0.2],
      [w * 0.2, 0.03, w * 0.2],
    ]);
    const buttons: Solid[] = [];
    for (const [x, z] of [
      [0, -0.012],
      [0.012, 0],
      [0, 0.012],
      [-0.012, 0],
    ])
      buttons.push(kit.cylinder(0.005, 0.006, { segments: 10 }).translate(w * 0.3 + x, 0.033, -w * 0.05 + z));
    buttons.push(
      kit.box([0.026, 0.006, 0.008]).translate(-w * 0.3, 0.036, -w * 0.05),
      kit.box([0.008, 0.006, 0.026]).translate(-w * 0.3, 0.036, -w * 0.05),
    );
    return [
      { name: 'case', group: 'case', solid: body },
      {
        name: 'buttons',
        group: 'buttons',
        solid: kit.compose(buttons.slice(0, 4)).add(kit.union(buttons.slice(4))),
      },
    ];
  },
};

export const appliance: FamilyDefinition = {
  id: 'appliance',
  category: 'electronics',
  nouns: [
    { word: 'toaster', variant: 'toaster' },
    { word: 'microwave', variant: 'microwave' },
    { word: 'microwave oven', variant: 'microwave' },
    { word: 'refrigerator', variant: 'fridge' },
    { word: 'fridge', variant: 'fridge' },
    { word: 'washing machine', variant: 'washer' },
    { word: 'washer', variant: 'washer' },
    { word: 'oven', variant: 'oven' },
    { word: 'stove', variant: 'oven' },
    { word: 'dishwasher', variant: 'washer' },
    { word: 'freezer', variant: 'fridge' },
  ],
  hypernyms: ['home appliance', 'appliance', 'white goods'],
  groups: [
    caseGroup('white', 'enamel'),
    accent('door', ['door', 'doors', 'window', 'slots', 'glass'], 'glass', { color: 'dimgray' }),
    accent('handle', ['handle', 'handles', 'knobs', 'lever', 'buttons'], 'chrome'),
  ],
  size: { width: [0.26, 0.77], height: [0.17, 2.2], depth: [0.15, 0.79] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const v = variant ?? 'toaster';
    const dims: Record<string, [number, number, number]> = {
      toaster: [0.28, 0.2, 0.17],
      microwave: [0.5, 0.3, 0.38],
      fridge: [0.65, 1.8, 0.65],
      washer: [0.6, 0.85, 0.6],
      oven: [0.6, 0.9, 0.6],
    };
    const [w0, h0, d0] = dims[v] ?? dims.toaster;
    const w = w0 * rng.range(0.95, 1.1) * size.width;
    const h = h0 * rng.range(0.95, 1.1) * size.height;
    const d = d0 * rng.range(0.95, 1.05) * size.depth;
    const parts: BuiltPart[] = [
      {
        name: 'case',
        group: 'case',
        solid: kit.roundedBox([w, h, d], Math.min(0.03, w * 0.08), 4).translate(0, h / 2, 0),
      },
    ];
    if (v === 'toaster') {
      parts.push({
        name: 'slots',
        group: 'door',
        solid: kit.compose([-0.03, 0.03].map((z) => kit.box([w * 0.6, 0.004, 0.02]).translate(0, h, z))),
      });
      parts.push({
        name: 'lever',
        group: 'handle',
        solid: kit.box([0.02, 0.015, 0.03]).translate(w / 2 + 0.008, h * 0.6, 0),
      });
    } else if (v === 'microwave') {
      parts.push({
        name: 'door',
        group: 'door',
        solid: kit.box([w * 0.62, h * 0.75, 0.01]).translate(-w * 0.12, h / 2, d / 2),
      });
      parts.push({
        name: 'knobs',
        group: 'handle',
        solid: kit.compose(
          [0.35, 0.65].map((f) =>
            kit
              .cylinder(0.015, 0.015, { segments: 12 })
              .rotate(90, 0, 0)
              .translate(w * 0.35, h * f, d / 2 + 0.005),
          ),
        ),
      });
    } else if (v === 'fridge') {
      parts.push({
        name: 'door_line',
        group: 'door',
        solid: kit.box([w * 0.98, 0.01, 0.01]).translate(0, h * 0.68, d / 2),
      });
      parts.push({
        name: 'handles',
        group: 'handle',
        solid: kit.compose(
          [
            [h * 0.35, h * 0.25],
            [h * 0.82, h * 0.15],
          ].map(([y, l]) =>
            kit.cylinder(0.012, l, { segments: 10 }).translate(w * 0.4, y - l / 2, d / 2 + 0.03),
          ),
        ),
      });
    } else if (v === 'washer') {
      parts.push({
        name: 'door',
        group: 'door',
        solid: kit
          .cylinder(w * 0.3, 0.02, { segments: 28 })
          .rotate(90, 0, 0)
          .translate(0, h * 0.45, d / 2),
      });
      parts.push({
        name: 'ring',
        group: 'handle',
        solid: torus(kit, w * 0.3, 0.015, 0, 28, 8)
          .rotate(90, 0, 0)
          .translate(0, h * 0.45, d / 2 + 0.01),
      });
    } else {
      parts.push({
        name: 'door',
        group: 'door',
        solid: kit.box([w * 0.8, h * 0.45, 0.01]).translate(0, h * 0.35, d / 2),
      });
      parts.push({
        name: 'handle',
        group: 'handle',
        solid: kit
          .cylinder(0.012, w * 0.7, { segments: 10 })
          .rotate(0, 0, 90)
          .translate(w * 0.35, h * 0.64, d / 2 + 0.03),
      });
      parts.push({
        name: 'burners',
        group: 'handle',
        solid: kit.compose(
          [
            [-1, -1],
            [1, -1],
            [-1, 1],
            [1, 1],
          ].map(([x, z]) => torus(kit, w * 0.09, 0.008, h, 16, 6).translate(x * w * 0.22, 0, z * d * 0.22)),
        ),
      });
    }
    return parts;
  },
};

export const fan: FamilyDefinition = {
  id: 'fan',
  category: 'electronics',
  nouns: [{ word: 'fan' }, { word: 'desk fan' }, { word: 'electric fan' }, { word: 'table fan' }],
  groups: [
    caseGroup('white'),
    structural('blades', ['blade', 'blades', 'propeller', 'cage', 'guard'], 'plastic', {
      color: 'lightskyblue',
    }),
  ],
  size: { width: [0.26, 0.4], height: [0.46, 0.66], depth: [0.2, 0.31] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const r = rng.range(0.13, 0.18) * size.width;
    const h = rng.range(0.2, 0.3) * size.height;
    const cy = h + r;
    const parts: BuiltPart[] = [
      {
        name: 'base',
        group: 'case',
        solid: turned(
          kit,
          [
            [r * 0.8, 0],
            [r * 0.7, 0.03],
            [0.02, 0.04],
          ],
          2,
          24,
        ),
        uv: cyl,
      },
      {
        name: 'stand',
        group: 'case',
        solid: kit.cylinder(0.015, cy - 0.035, { segments: 10 }).translate(0, 0.035, -0.04),
      },
      {
        name: 'motor',
        group: 'case',
        solid: kit
          .cylinder(r * 0.3, r * 0.5, { segments: 16 })
          .rotate(90, 0, 0)
          .translate(0, cy, -0.06 - r * 0.25),
      },
      {
        name: 'cage',
        group: 'blades',
        solid: torus(kit, r, 0.005, 0, 36, 6).rotate(90, 0, 0).translate(0, cy, 0.03),
      },
    ];
    const blades: Solid[] = [0, 120, 240].map((a) =>
      kit
        .sphere(1, 10)
        .scale([r * 0.38, r * 0.12, 0.006])
        .translate(r * 0.45, 0, 0)
        .rotate(0, 0, a),
    );
    parts.push({ name: 'blades', group: 'blades', solid: kit.union(blades).translate(0, cy, 0.01) });
    return parts;
  },
};

// ---- sports -------------------------------------------------------------------------------------------

const BALLS: Record<
  string,
  { r: number; color: string; pattern?: { id: 'dots' | 'stripes' | 'checks'; color2: string } }
> = {
  soccer: { r: 0.11, color: 'white', pattern: { id: 'dots', color2: 'black' } },
  basketball: { r: 0.12, color: 'darkorange', pattern: { id: 'stripes', color2: 'black' } },
  tennis: { r: 0.033, color: 'greenyellow' },
  baseball: { r: 0.037, color: 'ivory' },
  volleyball: { r: 0.105, color: 'white', pattern: { id: 'stripes', color2: 'gold' } },
  beach: { r: 0.25, color: 'red', pattern: { id: 'stripes', color2: 'white' } },
  bowling: { r: 0.108, color: 'midnightblue' },
  golf: { r: 0.0214, color: 'white' },
  ping: { r: 0.02, color: 'white' },
  rugby: { r: 0.1, color: 'saddlebrown' },
};

export const ball: FamilyDefinition = {
  id: 'ball',
  category: 'sports',
  nouns: [
    { word: 'ball' },
    { word: 'football', variant: 'soccer' },
    { word: 'soccer ball', variant: 'soccer' },
    { word: 'basketball', variant: 'basketball' },
    { word: 'tennis ball', variant: 'tennis' },
    { word: 'baseball', variant: 'baseball' },
    { word: 'softball', variant: 'baseball' },
    { word: 'volleyball', variant: 'volleyball' },
    { word: 'beach ball', variant: 'beach' },
    { word: 'bowling ball', variant: 'bowling' },
    { word: 'golf ball', variant: 'golf' },
    { word: 'ping pong ball', variant: 'ping' },
    { word: 'rugby ball', variant: 'rugby' },
    { word: 'american football', variant: 'rugby' },
  ],
  variantWords: {
    soccer: 'soccer',
    tennis: 'tennis',
    beach: 'beach',
    bowling: 'bowling',
    golf: 'golf',
    rugby: 'rugby',
    basket: 'basketball',
  },
  variantMaterials: Object.fromEntries(
    Object.entries(BALLS).map(([k, b]) => {
      const preset = k === 'bowling' ? 'plastic' : k === 'tennis' ? 'felt' : 'rubber';
      const v: [string, string] | [string, string, PatternId, string] = b.pattern
        ? [preset, b.color, b.pattern.id, b.pattern.color2]
        : [preset, b.color];
      return [k, { ball: v }];
    }),
  ),
  groups: [
    colored('ball', ['ball', 'body', 'surface', 'panels'], 'rubber', {
      color: 'red',
      takesMainMaterial: true,
    }),
  ],
  size: { width: [0.036, 0.56], height: [0.036, 0.56], depth: [0.036, 0.56] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const spec = BALLS[variant ?? 'soccer'] ?? BALLS.soccer;
    const r = spec.r * rng.range(0.97, 1.03) * size.width;
    const solid =
      variant === 'rugby'
        ? kit
            .sphere(1, 28)
            .scale([r * 0.62, r * 0.62, r * 1.45])
            .translate(0, r * 0.62, 0)
        : kit.sphere(r, 32).translate(0, r, 0);
    return [{ name: 'ball', group: 'ball', solid, creaseAngle: 60 }];
  },
};

export const bat: FamilyDefinition = {
  id: 'baseball bat',
  category: 'sports',
  nouns: [
    { word: 'baseball bat' },
    { word: 'bat' },
    { word: 'cricket bat', variant: 'cricket' },
    { word: 'hockey stick', variant: 'hockey' },
    { word: 'golf club', variant: 'golf' },
  ],
  groups: [
    main('bat', ['bat', 'barrel', 'blade', 'stick', 'shaft', 'club'], 'wood', { color: 'burlywood' }),
    accent('grip', ['grip', 'handle', 'tape', 'head'], 'rubber'),
  ],
  size: { width: [0.75, 2], height: [0.035, 0.076], depth: [0.055, 0.12] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'hockey' || variant === 'golf') {
      const len = (variant === 'golf' ? rng.range(0.95, 1.1) : rng.range(1.4, 1.55)) * size.width;
      const shaft = kit
        .cylinder(variant === 'golf' ? 0.007 : 0.016, len, { segments: 10 })
        .rotate(0, 0, -90)
        .translate(-len / 2, 0.02, 0);
      const head =
        variant === 'golf'
          ? kit.roundedBox([0.11, 0.04, 0.06], 0.015, 4).translate(len / 2 - 0.02, 0.025, 0.02)
          : kit
              .extrude(
                [
                  [0, 0],
                  [0.3, 0],
                  [0.3, 0.06],
                  [0.05, 0.06],
                ],
                0.02,
              )
              .rotate(90, 0, 0)
              .translate(len / 2 - 0.03, 0.01, 0);
      return [
        { name: 'shaft', group: 'bat', solid: shaft },
        { name: 'head', group: 'grip', solid: head },
        {
          name: 'grip',
          group: 'grip',
          solid: kit
            .cylinder(variant === 'golf' ? 0.012 : 0.019, 0.25, { segments: 10 })
            .rotate(0, 0, -90)
            .translate(-len / 2, 0.02, 0),
        },
      ];
    }
    const len = (variant === 'cricket' ? rng.range(0.85, 0.96) : rng.range(0.8, 0.9)) * size.width;
    const r = rng.range(0.03, 0.035);
    if (variant === 'cricket') {
      return [
        {
          name: 'blade',
          group: 'bat',
          solid: kit.roundedBox([len * 0.62, 0.05, 0.108], 0.01, 4).translate(len * 0.19, 0.025, 0),
        },
        {
          name: 'grip',
          group: 'grip',
          solid: kit
            .cylinder(0.017, len * 0.4, { segments: 12 })
            .rotate(0, 0, -90)
            .translate(-len / 2, 0.025, 0),
        },
      ];
    }
    const body = turned(
      kit,
      [
        [r * 0.45, 0],
        [r * 0.42, len * 0.3],
        [r * 0.75, len * 0.6],
        [r, len * 0.9],
        [r * 0.8, len],
      ],
      3,
      20,
    );
    return [
      { name: 'bat', group: 'bat', solid: body.rotate(0, 0, -90).translate(-len / 2, r, 0) },
      {
        name: 'grip',
        group: 'grip',
        solid: kit
          .cylinder(r * 0.5, len * 0.25, { segments: 12 })
          .rotate(0, 0, -90)
          .translate(-len / 2 + 0.01, r, 0),
      },
      {
        name: 'knob',
        group: 'grip',
        solid: kit
          .cylinder(r * 0.7, 0.012, { segments: 14 })
          .rotate(0, 0, -90)
          .translate(-len / 2 - 0.005, r, 0),
      },
    ];
  },
};

export const racket: FamilyDefinition = {
  id: 'racket',
  category: 'sports',
  nouns: [
    { word: 'racket' },
    { word: 'racquet' },
    { word: 'tennis racket' },
    { word: 'badminton racket', variant: 'badminton' },
    { word: 'ping pong paddle', variant: 'paddle' },
    { word: 'paddle', variant: 'paddle' },
  ],
  groups: [
    colored('frame', ['frame', 'head', 'rim', 'blade'], 'carbon', {
      color: 'royalblue',
      takesMainMaterial: true,
    }),
    accent('strings', ['strings', 'string', 'net', 'rubber'], 'canvas', { color: 'white' }),
    accent('grip', ['grip', 'handle'], 'rubber'),
  ],
  size: { width: [0.21, 0.76], height: [0.023, 0.031], depth: [0.14, 0.23] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'paddle') {
      const r = 0.08 * size.width;
      return [
        {
          name: 'blade',
          group: 'frame',
          solid: kit.cylinder(r, 0.008, { segments: 28 }).translate(r * 0.4, 0, 0),
        },
        {
          name: 'rubber',
          group: 'strings',
          solid: kit.cylinder(r * 0.97, 0.003, { segments: 28 }).translate(r * 0.4, 0.0079, 0),
        },
        {
          name: 'handle',
          group: 'grip',
          solid: kit.roundedBox([0.1, 0.025, 0.03], 0.01, 4).translate(-r * 0.55 - 0.03, 0.0125, 0),
        },
      ];
    }
    const len = (variant === 'badminton' ? 0.66 : rng.range(0.66, 0.7)) * size.width;
    const hr = (variant === 'badminton' ? 0.1 : 0.13) * Math.sqrt(size.width);
    const hz = hr * 0.8;
    const head = kit
      .extrudeContours([ellipse(hr, hz), ellipse(hr - 0.012, hz - 0.012)], 0.018)
      .rotate(90, 0, 0)
      .translate(len / 2 - hr, 0.009, 0);
    const strings: Solid[] = [];
    for (let i = -5; i <= 5; i++) {
      const z = (i / 6) * (hz - 0.012);
      const half = (hr - 0.012) * Math.sqrt(1 - (z / (hz - 0.012)) ** 2);
      strings.push(kit.box([half * 2, 0.002, 0.002]).translate(len / 2 - hr, 0.009, z));
    }
    const handle = kit
      .cylinder(0.014, len - hr * 2 + 0.02, { segments: 8 })
      .rotate(0, 0, -90)
      .translate(-len / 2, 0.014, 0);
    return [
      { name: 'frame', group: 'frame', solid: head },
      { name: 'strings', group: 'strings', solid: kit.compose(strings) },
      { name: 'grip', group: 'grip', solid: handle },
    ];
  },
};

function ellipse(rx: number, ry: number, n = 36): Array<[number, number]> {
  return Array.from({ length: n }, (_, i) => {
    const a = (i / n) * Math.PI * 2;
    return [Math.cos(a) * rx, Math.sin(a) * ry] as [number, number];
  });
}

export const skateboard: FamilyDefinition = {
  id: 'skateboard',
  category: 'sports',
  nouns: [
    { word: 'skateboard' },
    { word: 'longboard' },
    { word: 'surfboard', variant: 'surf' },
    { word: 'snowboard', variant: 'snow' },
    { word: 'ski', variant: 'ski' },
    { word: 'skis', variant: 'ski' },
  ],
  groups: [
    colored('deck', ['deck', 'board', 'top'], 'wood', { color: 'tomato', takesMainMaterial: true }),
    accent('wheels', ['wheel', 'wheels', 'trucks', 'bindings', 'fin'], 'plastic', { color: 'ivory' }),
  ],
  size: { width: [0.72, 2.6], height: [0.04, 0.14], depth: [0.2, 0.6] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const surf = variant === 'surf';
    const snow = variant === 'snow';
    const ski = variant === 'ski';
    const len =
      (surf
        ? rng.range(1.8, 2.4)
        : snow
          ? rng.range(1.45, 1.6)
          : ski
            ? rng.range(1.6, 1.8)
            : rng.range(0.78, 0.84)) * size.width;
    const w = (surf ? 0.55 : snow ? 0.26 : ski ? 0.08 : 0.21) * size.depth;
    const t = surf ? 0.06 : 0.014;
    const outline: Array<[number, number]> = [];
    const n = 40;
    for (let i = 0; i < n; i++) {
      const a = (i / n) * Math.PI * 2;
      const x = (Math.cos(a) * len) / 2;
      const k = surf
        ? Math.sin(a) * (1 - Math.max(0, Math.cos(a)) ** 2 * 0.6)
        : Math.sign(Math.sin(a)) * Math.min(1, Math.abs(Math.sin(a)) * 4);
      outline.push([x, (k * w) / 2]);
    }
    const lift = surf || snow || ski ? 0 : 0.06;
    const board = kit
      .extrude(outline, t)
      .rotate(90, 0, 0)
      .warp((xyz, c) => {
        for (let i = 0; i < c; i++) {
          const x = Math.abs(xyz[i * 3]) / (len / 2);
          if (x > 0.8) xyz[i * 3 + 1] += ((x - 0.8) / 0.2) ** 2 * (ski ? 0.05 : 0.03);
        }
      })
      .translate(0, lift + t / 2, 0);
    const parts: BuiltPart[] = [
      {
        name: 'deck',
        group: 'deck',
        solid: ski ? kit.compose([board.translate(0, 0, -0.07), board.translate(0, 0, 0.07)]) : board,
      },
    ];
    if (!surf && !snow && !ski) {
      for (const [i, x] of [len * 0.32, -len * 0.32].entries()) {
        parts.push({
          name: `truck_${i + 1}`,
          group: 'wheels',
          solid: kit.boxBetween([x - 0.02, 0.02, -w * 0.45], [x + 0.02, lift + 0.002, w * 0.45]),
        });
        for (const [j, s] of [-1, 1].entries())
          parts.push({
            name: `wheel_${i * 2 + j + 1}`,
            group: 'wheels',
            solid: kit
              .cylinder(0.027, 0.03, { segments: 14 })
              .rotate(90, 0, 0)
              .translate(x, 0.027, s > 0 ? w * 0.42 : -w * 0.42 - 0.03),
          });
      }
    } else if (surf)
      parts.push({
        name: 'fin',
        group: 'wheels',
        solid: kit
          .extrude(
            [
              [0, 0],
              [0.12, 0],
              [0.02, 0.12],
            ],
            0.008,
          )
          .rotate(180, 0, 0)
          .translate(-len / 2 + 0.15, 0.001, 0)
          .translate(0, 0.12, 0),
      });
    return parts;
  },
};

export const dumbbell: FamilyDefinition = {
  id: 'dumbbell',
  category: 'sports',
  nouns: [
    { word: 'dumbbell' },
    { word: 'barbell', variant: 'barbell' },
    { word: 'weights' },
    { word: 'kettlebell', variant: 'kettle' },
  ],
  groups: [
    structural('weights', ['weight', 'weights', 'plates', 'bell', 'body'], 'iron', { color: 'black' }),
    structural('bar', ['bar', 'handle', 'grip'], 'chrome'),
  ],
  size: { width: [0.17, 2.4], height: [0.11, 0.48], depth: [0.095, 0.48] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'kettle') {
      const r = rng.range(0.09, 0.12) * size.width;
      return [
        {
          name: 'bell',
          group: 'weights',
          solid: turned(
            kit,
            [
              [r * 0.6, 0],
              [r, r * 0.6],
              [r * 0.85, r * 1.5],
              [r * 0.35, r * 1.8],
            ],
            4,
            28,
          ),
        },
        {
          name: 'handle',
          group: 'bar',
          solid: kit.tube(
            bezier([-r * 0.55, r * 1.55, 0], [0, r * 2.9, 0], [r * 0.55, r * 1.55, 0], 12),
            r * 0.15,
            { segments: 10 },
          ),
        },
      ];
    }
    const barbell = variant === 'barbell';
    const len = (barbell ? 2.2 : rng.range(0.3, 0.4)) * size.width;
    const pr = (barbell ? 0.22 : rng.range(0.06, 0.08)) * size.height;
    const pt = barbell ? 0.05 : rng.range(0.04, 0.05);
    const parts: BuiltPart[] = [
      {
        name: 'bar',
        group: 'bar',
        solid: kit
          .cylinder(barbell ? 0.014 : 0.015, len, { segments: 12 })
          .rotate(0, 0, -90)
          .translate(-len / 2, pr, 0),
      },
    ];
    for (const [i, s] of [-1, 1].entries()) {
      const x = s * (len / 2 - (barbell ? 0.3 : pt * 0.6));
      parts.push({
        name: `weight_${i + 1}`,
        group: 'weights',
        solid: kit
          .cylinder(pr, pt, { segments: barbell ? 32 : 6 })
          .rotate(0, 0, -90)
          .translate(x - pt / 2, pr, 0),
      });
    }
    return parts;
  },
};

export const bowlingPin: FamilyDefinition = {
  id: 'bowling pin',
  category: 'sports',
  nouns: [{ word: 'bowling pin' }, { word: 'skittle' }, { word: 'pin' }],
  groups: [
    colored('pin', ['pin', 'body'], 'plastic', { color: 'white', takesMainMaterial: true }),
    accent('stripes', ['stripe', 'stripes', 'band', 'neck'], 'plastic', { color: 'red' }),
  ],
  size: { width: [0.11, 0.14], height: [0.34, 0.43], depth: [0.11, 0.14] },
  build({ kit, rng, size }) {
    const h = rng.range(0.37, 0.39) * size.height;
    const r = 0.06 * size.width;
    const profile: Array<[number, number]> = [
      [r * 0.45, 0],
      [r * 0.85, h * 0.15],
      [r, h * 0.32],
      [r * 0.55, h * 0.6],
      [r * 0.38, h * 0.7],
      [r * 0.55, h * 0.86],
      [r * 0.3, h * 0.98],
      [0.0001, h],
    ];
    return [
      { name: 'pin', group: 'pin', solid: turned(kit, profile, 4, 28), uv: cyl },
      {
        name: 'stripe',
        group: 'stripes',
        solid: kit.revolve(
          [
            [r * 0.37, h * 0.64],
            [r * 0.42, h * 0.64],
            [r * 0.42, h * 0.69],
            [r * 0.37, h * 0.69],
          ],
          { segments: 28 },
        ),
      },
    ];
  },
};

export const frisbee: FamilyDefinition = {
  id: 'frisbee',
  category: 'sports',
  nouns: [
    { word: 'frisbee' },
    { word: 'flying disc' },
    { word: 'discus' },
    { word: 'hockey puck', variant: 'puck' },
    { word: 'puck', variant: 'puck' },
  ],
  variantMaterials: { puck: { disc: ['rubber', 'black'] } },
  groups: [
    colored('disc', ['disc', 'body', 'frisbee'], 'plastic', { color: 'orange', takesMainMaterial: true }),
  ],
  size: { width: [0.069, 0.31], height: [0.023, 0.035], depth: [0.069, 0.31] },
  build({ kit, rng, variant, size }) {
    if (variant === 'puck')
      return [{ name: 'disc', group: 'disc', solid: kit.cylinder(0.038, 0.025, { segments: 28 }) }];
    const r = rng.range(0.12, 0.14) * size.width;
    const h = 0.032;
    return [
      {
        name: 'disc',
        group: 'disc',
        solid: kit.revolve(
          [
            [r * 0.98, 0],
            [r, h * 0.6],
            [r * 0.9, h],
            [0.0001, h * 0.85],
            [0.0001, h * 0.75],
            [r * 0.88, h * 0.88],
            [r * 0.95, h * 0.5],
            [r * 0.93, 0],
          ],
          { segments: 40 },
        ),
        uv: cyl,
      },
    ];
  },
};

export const ELECTRONICS: FamilyDefinition[] = [
  television,
  laptop,
  phone,
  headphones,
  camera,
  radio,
  gameController,
  appliance,
  fan,
];
export const SPORTS: FamilyDefinition[] = [ball, bat, racket, skateboard, dumbbell, bowlingPin, frisbee];
