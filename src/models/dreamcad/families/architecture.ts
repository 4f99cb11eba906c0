import type { Vec3 } from '../../../asset/asset.js';
import type { Solid } from '../../../geometry/solid.js';
import { accent, main, rect, structural, turned } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Buildings and structures at real size: houses, towers, castles, lighthouses, windmills, bridges,
 * fences, doors, columns, wells, tents, skyscrapers, pyramids and arches. Walls take the main
 * material; roofs, windows and doors keep their own.
 */

const cyl = { kind: 'cylindrical' } as const;

const walls = (material = 'brick', color?: string) =>
  main(
    'walls',
    ['wall', 'walls', 'body', 'facade', 'building', 'stone', 'tower'],
    material,
    color ? { color } : {},
  );
const roof = (color = 'firebrick') =>
  accent('roof', ['roof', 'roofs', 'top', 'spire', 'chimney'], 'slate', { color });
const windows = accent('windows', ['window', 'windows', 'glass'], 'glass', { color: 'lightsteelblue' });
const doors = accent('doors', ['door', 'doors', 'gate', 'entrance'], 'wood', { color: 'saddlebrown' });

/** A gabled roof over a w × d footprint at height y, ridge along X. */
function gable(ctx: BuildContext, w: number, d: number, y: number, h: number, overhang: number): Solid {
  const o = overhang;
  return ctx.kit
    .extrude(
      [
        [-d / 2 - o, 0],
        [d / 2 + o, 0],
        [0, h],
      ],
      w + 2 * o,
    )
    .rotate(0, 90, 0)
    .translate(0, y, 0);
}

/** Window panes on the faces of a box (front and sides), as one part just proud of the walls. */
function windowGrid(
  ctx: BuildContext,
  w: number,
  d: number,
  y0: number,
  y1: number,
  floors: number,
  cols: number,
  ww: number,
  wh: number,
): Solid {
  const { kit } = ctx;
  const panes: Solid[] = [];
  const fh = (y1 - y0) / floors;
  for (let f = 0; f < floors; f++) {
    const y = y0 + fh * (f + 0.55);
    for (let c = 0; c < cols; c++) {
      const x = -w / 2 + (w / cols) * (c + 0.5);
      panes.push(kit.box([ww, wh, 0.04]).translate(x, y, d / 2 + 0.01));
      panes.push(kit.box([ww, wh, 0.04]).translate(x, y, -d / 2 - 0.01));
    }
  }
  return kit.compose(panes);
}

export const house: FamilyDefinition = {
  id: 'house',
  category: 'architecture',
  nouns: [
    { word: 'house' },
    { word: 'home' },
    { word: 'cottage', variant: 'cottage' },
    { word: 'cabin', variant: 'cabin' },
    { word: 'hut', variant: 'cabin' },
    { word: 'barn', variant: 'barn' },
    { word: 'shed', variant: 'cabin' },
    { word: 'villa' },
    { word: 'mansion', variant: 'big' },
    { word: 'bungalow', variant: 'cottage' },
    { word: 'dollhouse', variant: 'toy' },
    { word: 'birdhouse', variant: 'bird' },
  ],
  hypernyms: ['house', 'dwelling', 'housing', 'building'],
  variantWords: { log: 'cabin', wooden: 'cabin', big: 'big', toy: 'toy' },
  variantMaterials: {
    cabin: { walls: 'wood' },
    barn: { walls: ['wood', 'firebrick'] },
    bird: { walls: 'wood' },
    toy: { walls: ['wood', 'beige'] },
  },
  groups: [
    walls('brick'),
    roof(),
    windows,
    doors,
    accent('chimney', ['chimney'], 'brick', { optional: 'on' }),
  ],
  size: { width: [0.24, 21], height: [0.14, 15], depth: [0.22, 13] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const k = variant === 'toy' ? 0.08 : variant === 'bird' ? 0.03 : 1;
    const big = variant === 'big';
    const floors = big
      ? 3
      : variant === 'cabin' || variant === 'cottage' || variant === 'barn'
        ? 1
        : rng.pick([1, 2, 2]);
    const w =
      (big ? rng.range(14, 18) : variant === 'cabin' ? rng.range(5, 7) : rng.range(8, 11)) * size.width * k;
    const d = (big ? rng.range(9, 11) : rng.range(6, 8)) * size.depth * k;
    const fh = 2.8 * k;
    const h = floors * fh * size.height;
    const roofH = (variant === 'barn' ? 0.7 : rng.range(0.35, 0.5)) * d;
    const parts: BuiltPart[] = [
      { name: 'walls', group: 'walls', solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, h, d / 2]) },
    ];
    parts.push({ name: 'roof', group: 'roof', solid: gable(ctx, w, d, h - 0.01 * k, roofH, 0.4 * k) });
    parts.push({
      name: 'windows',
      group: 'windows',
      solid: windowGrid(ctx, w, d, 0, h, floors, Math.max(2, Math.round(w / (3 * k))), 1.0 * k, 1.2 * k),
    });
    const doorW = 1.0 * k * (variant === 'barn' ? 3 : 1);
    parts.push({
      name: 'door',
      group: 'doors',
      solid: kit.boxBetween(
        [-doorW / 2 + w * 0.12, 0, d / 2 - 0.02],
        [doorW / 2 + w * 0.12, 2.1 * k * (variant === 'barn' ? 1.3 : 1), d / 2 + 0.06 * k],
      ),
    });
    if (has('chimney') && variant !== 'barn')
      parts.push({
        name: 'chimney',
        group: 'chimney',
        solid: kit.boxBetween(
          [w * 0.25, h, -d * 0.15],
          [w * 0.25 + 0.7 * k, h + roofH * 1.0, -d * 0.15 + 0.7 * k],
        ),
      });
    return parts;
  },
};

export const tower: FamilyDefinition = {
  id: 'tower',
  category: 'architecture',
  nouns: [
    { word: 'tower' },
    { word: 'turret' },
    { word: 'watchtower' },
    { word: 'bell tower' },
    { word: 'minaret', variant: 'round' },
    { word: 'keep' },
    { word: 'wizard tower', variant: 'round' },
    { word: 'water tower', variant: 'water' },
  ],
  hypernyms: ['tower'],
  variantWords: { round: 'round', square: 'square', wizard: 'round', stone: 'round' },
  groups: [walls('stone'), roof('slateblue'), windows, doors],
  size: { width: [4.7, 9.9], height: [13, 36], depth: [4.8, 9.9] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const round = variant === 'round' || (variant !== 'square' && rng.chance(0.6));
    const r = rng.range(2.5, 4) * size.width;
    const h = rng.range(14, 24) * size.height;
    const parts: BuiltPart[] = [];
    if (round) {
      parts.push({
        name: 'walls',
        group: 'walls',
        solid: kit.cylinder(r, h, { radiusTop: r * 0.92, segments: 32 }),
        uv: cyl,
      });
      parts.push({
        name: 'roof',
        group: 'roof',
        solid: turned(
          kit,
          [
            [r * 1.15, 0],
            [r * 0.3, r * 2.2],
            [0.0001, r * 2.6],
          ],
          2,
          32,
        ).translate(0, h - 0.05, 0),
      });
    } else {
      parts.push({ name: 'walls', group: 'walls', solid: kit.boxBetween([-r, 0, -r], [r, h, r]) });
      const cren: Solid[] = [];
      for (let i = 0; i < 4; i++)
        for (let j = 0; j < 4; j++)
          if (i === 0 || j === 0 || i === 3 || j === 3)
            cren.push(
              kit
                .box([r * 0.35, r * 0.35, r * 0.35])
                .translate(-r + (i + 0.5) * (r / 2), h + r * 0.17, -r + (j + 0.5) * (r / 2)),
            );
      parts.push({ name: 'crenellations', group: 'walls', solid: kit.compose(cren) });
      parts.push({
        name: 'roof',
        group: 'roof',
        solid: kit.boxBetween([-r * 0.8, h - 0.1, -r * 0.8], [r * 0.8, h + 0.1, r * 0.8]),
      });
    }
    const panes: Solid[] = [];
    for (let f = 1; f < Math.floor(h / 4); f++)
      panes.push(
        kit.box([0.6, 1.2, 0.2]).translate(0, f * 4, (round ? r * (1 - (0.08 * (f * 4)) / h) : r) + 0.02),
      );
    parts.push({ name: 'windows', group: 'windows', solid: kit.compose(panes) });
    parts.push({
      name: 'door',
      group: 'doors',
      solid: kit.boxBetween([-0.6, 0, r - 0.15], [0.6, 2.4, r + 0.12]),
    });
    return parts;
  },
};

export const castle: FamilyDefinition = {
  id: 'castle',
  category: 'architecture',
  nouns: [
    { word: 'castle' },
    { word: 'fortress' },
    { word: 'fort' },
    { word: 'citadel' },
    { word: 'palace' },
    { word: 'sandcastle', variant: 'sand' },
    { word: 'sand castle', variant: 'sand' },
  ],
  hypernyms: ['castle', 'fortification', 'fortress'],
  variantMaterials: { sand: { walls: ['sandstone', 'sand'], roof: ['sandstone', 'sand'] } },
  groups: [walls('stone'), roof('midnightblue'), doors, windows],
  size: { width: [0.51, 64], height: [0.31, 41], depth: [0.51, 64] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const k = variant === 'sand' ? 0.012 : 1;
    const w = rng.range(35, 50) * size.width * k;
    const wallH = rng.range(10, 14) * size.height * k;
    const t = 2.5 * k;
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'curtain',
      group: 'walls',
      solid: kit
        .extrudeContours([rect(w / 2, w / 2), rect(w / 2 - t, w / 2 - t)], wallH)
        .rotate(90, 0, 0)
        .translate(0, wallH / 2, 0),
    });
    const towerR = 4 * k;
    let n = 0;
    for (const [sx, sz] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ]) {
      n++;
      const th = wallH * 1.5;
      parts.push({
        name: `tower_${n}`,
        group: 'walls',
        solid: kit.cylinder(towerR, th, { segments: 24 }).translate((sx * w) / 2, 0, (sz * w) / 2),
        uv: { kind: 'cylindrical', center: [(sx * w) / 2, (sz * w) / 2] },
      });
      parts.push({
        name: `spire_${n}`,
        group: 'roof',
        solid: turned(
          kit,
          [
            [towerR * 1.15, 0],
            [0.0001, towerR * 2.6],
          ],
          1,
          24,
        ).translate((sx * w) / 2, th - 0.01, (sz * w) / 2),
      });
    }
    const keepW = w * 0.35;
    const keepH = wallH * 2.1;
    parts.push({
      name: 'keep',
      group: 'walls',
      solid: kit.boxBetween([-keepW / 2, 0, -keepW / 2], [keepW / 2, keepH, keepW / 2]),
    });
    parts.push({
      name: 'keep_roof',
      group: 'roof',
      solid: turned(
        kit,
        [
          [keepW * 0.62, 0],
          [0.0001, keepW * 0.6],
        ],
        1,
        4,
      )
        .rotate(0, 45, 0)
        .translate(0, keepH - 0.01, 0),
    });
    const cren: Solid[] = [];
    const m = Math.floor(w / (3 * k));
    for (let i = 0; i < m; i += 2) {
      const x = -w / 2 + (i + 0.5) * (w / m);
      cren.push(kit.box([w / m, 1.2 * k, t]).translate(x, wallH + 0.6 * k, w / 2 - t / 2));
      cren.push(kit.box([w / m, 1.2 * k, t]).translate(x, wallH + 0.6 * k, -w / 2 + t / 2));
    }
    parts.push({ name: 'crenellations', group: 'walls', solid: kit.compose(cren) });
    parts.push({
      name: 'gate',
      group: 'doors',
      solid: kit.boxBetween([-2.5 * k, 0, w / 2 - 0.2 * k], [2.5 * k, 5 * k, w / 2 + 0.3 * k]),
    });
    parts.push({
      name: 'windows',
      group: 'windows',
      solid: kit.compose(
        [0, 1, 2].map((i) =>
          kit
            .box([1.2 * k, 2 * k, 0.3 * k])
            .translate(-keepW * 0.3 + i * keepW * 0.3, keepH * 0.75, keepW / 2 + 0.05 * k),
        ),
      ),
    });
    return parts;
  },
};

export const lighthouse: FamilyDefinition = {
  id: 'lighthouse',
  category: 'architecture',
  nouns: [{ word: 'lighthouse' }, { word: 'beacon' }],
  groups: [
    main('walls', ['wall', 'walls', 'body', 'tower'], 'concrete', {
      color: 'white',
      pattern: { id: 'stripes', color2: 'red' },
    }),
    roof('red'),
    accent('light', ['light', 'lamp', 'lantern', 'glass'], 'light'),
  ],
  size: { width: [4.9, 7.6], height: [23, 38], depth: [4.9, 7.6] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const r = rng.range(2.5, 3.5) * size.width;
    const h = rng.range(20, 30) * size.height;
    const parts: BuiltPart[] = [
      {
        name: 'walls',
        group: 'walls',
        solid: kit.cylinder(r, h, { radiusTop: r * 0.65, segments: 32 }),
        uv: cyl,
      },
    ];
    parts.push({
      name: 'gallery',
      group: 'roof',
      solid: kit.cylinder(r * 0.95, 0.4, { segments: 32 }).translate(0, h - 0.05, 0),
    });
    parts.push({
      name: 'light',
      group: 'light',
      solid: kit.cylinder(r * 0.5, 2.5, { segments: 16 }).translate(0, h + 0.3, 0),
    });
    parts.push({
      name: 'roof',
      group: 'roof',
      solid: turned(
        kit,
        [
          [r * 0.65, 0],
          [0.0001, r * 0.9],
        ],
        1,
        24,
      ).translate(0, h + 2.75, 0),
    });
    return parts;
  },
};

export const windmill: FamilyDefinition = {
  id: 'windmill',
  category: 'architecture',
  nouns: [{ word: 'windmill' }, { word: 'wind turbine', variant: 'turbine' }, { word: 'mill' }],
  groups: [
    walls('wood', 'beige'),
    roof('saddlebrown'),
    structural('sails', ['sail', 'sails', 'blades', 'vanes'], 'wood', { color: 'white' }),
    doors,
  ],
  size: { width: [15, 85], height: [17, 160], depth: [5.9, 9.1] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'turbine') {
      const h = rng.range(80, 100) * size.height;
      parts.push({
        name: 'walls',
        group: 'walls',
        solid: kit.cylinder(2.2, h, { radiusTop: 1.3, segments: 20 }),
        uv: cyl,
      });
      parts.push({
        name: 'roof',
        group: 'roof',
        solid: kit.roundedBox([3, 3, 8], 1.2, 6).translate(0, h + 1.5, -1),
      });
      for (let i = 0; i < 3; i++)
        parts.push({
          name: `blade_${i + 1}`,
          group: 'sails',
          solid: kit
            .extrude(
              [
                [0, -1],
                [45, -0.3],
                [45, 0.3],
                [0, 1.5],
              ],
              0.4,
            )
            .rotate(0, 0, 90 + i * 120)
            .translate(0, h + 1.5, 3.2),
        });
      return parts;
    }
    const r = rng.range(3, 4) * size.width;
    const h = rng.range(10, 14) * size.height;
    parts.push({
      name: 'walls',
      group: 'walls',
      solid: turned(
        kit,
        [
          [r, 0],
          [r * 0.7, h],
        ],
        1,
        8,
      ),
      uv: cyl,
    });
    parts.push({
      name: 'roof',
      group: 'roof',
      solid: turned(
        kit,
        [
          [r * 0.85, 0],
          [r * 0.6, r * 0.6],
          [0.0001, r * 0.9],
        ],
        2,
        16,
      ).translate(0, h - 0.02, 0),
    });
    const hub: Vec3 = [0, h + r * 0.2, r * 0.85];
    parts.push({
      name: 'hub',
      group: 'sails',
      solid: kit.cylinder(0.4, 0.6, { segments: 12 }).rotate(90, 0, 0).translate(hub[0], hub[1], hub[2]),
    });
    for (let i = 0; i < 4; i++) {
      const sail = kit
        .compose([kit.box([0.3, h * 0.8, 0.2]).translate(0, h * 0.4, 0)])
        .add(kit.box([r * 0.55, h * 0.6, 0.1]).translate(r * 0.35, h * 0.5, 0));
      parts.push({
        name: `sail_${i + 1}`,
        group: 'sails',
        solid: sail.rotate(0, 0, 20 + i * 90).translate(hub[0], hub[1], hub[2] + 0.3),
      });
    }
    parts.push({
      name: 'door',
      group: 'doors',
      solid: kit.boxBetween([-0.6, 0, r - 0.3], [0.6, 2.2, r + 0.1]),
    });
    return parts;
  },
};

export const bridge: FamilyDefinition = {
  id: 'bridge',
  category: 'architecture',
  nouns: [{ word: 'bridge' }, { word: 'footbridge' }, { word: 'viaduct' }, { word: 'arch bridge' }],
  groups: [
    main('deck', ['deck', 'road', 'path', 'walkway', 'arch', 'arches', 'body'], 'stone'),
    structural('railings', ['railing', 'railings', 'rail', 'rails', 'parapet'], 'stone'),
  ],
  size: { width: [12, 32], height: [3.2, 9.2], depth: [2.3, 6.3] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const L = rng.range(10, 30) * size.width;
    const W = rng.range(2.5, 6) * size.depth;
    const H = L * rng.range(0.15, 0.25) * size.height;
    const t = Math.max(0.6, H * 0.25);
    // An arch: the span outline with the opening below cut out, extruded across the width.
    const outline: Array<[number, number]> = [
      [-L / 2, 0],
      [-L / 2 + t, 0],
    ];
    const n = 16;
    for (let i = 0; i <= n; i++) {
      const a = Math.PI - (i / n) * Math.PI;
      outline.push([Math.cos(a) * (L / 2 - t), Math.sin(a) * (H - t)]);
    }
    outline.push([L / 2 - t, 0], [L / 2, 0], [L / 2, H + t * 0.3], [-L / 2, H + t * 0.3]);
    const deck = kit.extrude(outline, W).translate(0, 0, 0);
    const rails: Solid[] = [-1, 1].map((s) =>
      kit.box([L, 1.0, 0.25]).translate(0, H + t * 0.3 + 0.5, s * (W / 2 - 0.125)),
    );
    return [
      { name: 'deck', group: 'deck', solid: deck },
      { name: 'railings', group: 'railings', solid: kit.compose(rails) },
    ];
  },
};

export const fence: FamilyDefinition = {
  id: 'fence',
  category: 'architecture',
  nouns: [
    { word: 'fence' },
    { word: 'picket fence', variant: 'picket' },
    { word: 'railing' },
    { word: 'palisade' },
    { word: 'gate', variant: 'gate' },
  ],
  groups: [
    main('posts', ['post', 'posts', 'pickets', 'picket', 'boards'], 'wood', { color: 'white' }),
    main('rails', ['rail', 'rails'], 'wood', { color: 'white' }),
  ],
  size: { width: [1.4, 5.4], height: [0.82, 1.4], depth: [0.045, 0.054] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const L = (variant === 'gate' ? rng.range(1.5, 2) : rng.range(3, 5)) * size.width;
    const h = rng.range(0.9, 1.3) * size.height;
    const n = Math.round(L / 0.15);
    const pickets: Solid[] = [];
    for (let i = 0; i < n; i++) {
      const x = -L / 2 + (i + 0.5) * (L / n);
      pickets.push(
        kit
          .extrude(
            [
              [-0.045, 0],
              [0.045, 0],
              [0.045, h - 0.08],
              [0, h],
              [-0.045, h - 0.08],
            ],
            0.02,
          )
          .translate(x, 0, 0.03),
      );
    }
    const rails: Solid[] = [0.25, 0.75].map((f) => kit.box([L, 0.08, 0.03]).translate(0, h * f, 0.005));
    return [
      { name: 'pickets', group: 'posts', solid: kit.compose(pickets) },
      { name: 'rails', group: 'rails', solid: kit.compose(rails) },
    ];
  },
};

export const door: FamilyDefinition = {
  id: 'door',
  category: 'architecture',
  nouns: [
    { word: 'door' },
    { word: 'doorway' },
    { word: 'front door' },
    { word: 'portal', variant: 'arched' },
  ],
  variantWords: { arched: 'arched', medieval: 'arched', castle: 'arched' },
  groups: [
    main('door', ['door', 'panel', 'panels', 'leaf'], 'wood'),
    structural('frame', ['frame', 'doorframe', 'jamb'], 'wood', { color: 'white' }),
    accent('handle', ['handle', 'knob', 'doorknob', 'knocker', 'hinges'], 'brass'),
  ],
  size: { width: [0.98, 1.3], height: [1.9, 2.5], depth: [0.18, 0.22] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const w = rng.range(0.85, 1.0) * size.width;
    const h = rng.range(2.0, 2.2) * size.height;
    const f = 0.1;
    const arched = variant === 'arched';
    const outline = (ww: number, hh: number): Array<[number, number]> => {
      if (!arched)
        return [
          [-ww / 2, 0],
          [ww / 2, 0],
          [ww / 2, hh],
          [-ww / 2, hh],
        ];
      const pts: Array<[number, number]> = [
        [-ww / 2, 0],
        [ww / 2, 0],
      ];
      for (let i = 0; i <= 12; i++) {
        const a = (i / 12) * Math.PI;
        pts.push([(Math.cos(a) * ww) / 2, hh - ww / 2 + (Math.sin(a) * ww) / 2]);
      }
      return pts;
    };
    const frame = kit.extrudeShape(
      [outline(w + 2 * f, h + f)],
      [outline(w, h).map(([x, y]) => [x, y - 0.05] as [number, number])],
      0.2,
    );
    const panel = kit.extrude(outline(w - 0.01, h - 0.01), 0.05);
    return [
      { name: 'frame', group: 'frame', solid: frame.translate(0, 0, 0) },
      { name: 'door', group: 'door', solid: panel.translate(0, 0.005, 0) },
      { name: 'handle', group: 'handle', solid: kit.sphere(0.035, 12).translate(w * 0.38, h * 0.47, 0.06) },
    ];
  },
};

export const column: FamilyDefinition = {
  id: 'column',
  category: 'architecture',
  nouns: [
    { word: 'column' },
    { word: 'pillar' },
    { word: 'pedestal', variant: 'short' },
    { word: 'plinth', variant: 'short' },
    { word: 'obelisk', variant: 'obelisk' },
    { word: 'monument', variant: 'obelisk' },
  ],
  groups: [
    main('shaft', ['shaft', 'column', 'pillar', 'body'], 'marble'),
    main('capital', ['capital', 'base', 'top', 'plinth'], 'marble'),
  ],
  size: { width: [0.53, 3.3], height: [0.78, 17], depth: [0.53, 3.3] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'obelisk') {
      const h = rng.range(8, 15) * size.height;
      const w = h * 0.1 * size.width;
      return [
        {
          name: 'shaft',
          group: 'shaft',
          solid: kit.hull([
            [-w / 2, 0, -w / 2],
            [w / 2, 0, -w / 2],
            [-w / 2, 0, w / 2],
            [w / 2, 0, w / 2],
            [-w * 0.3, h * 0.9, -w * 0.3],
            [w * 0.3, h * 0.9, -w * 0.3],
            [-w * 0.3, h * 0.9, w * 0.3],
            [w * 0.3, h * 0.9, w * 0.3],
            [0, h, 0],
          ]),
        },
        { name: 'base', group: 'capital', solid: kit.boxBetween([-w, 0, -w], [w, w * 0.4, w]) },
      ];
    }
    const h = (variant === 'short' ? rng.range(0.8, 1.1) : rng.range(3, 5)) * size.height;
    const r = rng.range(0.2, 0.3) * size.width;
    const baseH = Math.min(0.3, h * 0.08);
    const shaft = kit
      .cylinder(r, h - 2 * baseH + 0.02, { radiusTop: r * 0.9, segments: 24 })
      .warp((xyz, n) => {
        for (let i = 0; i < n; i++) {
          const a = Math.atan2(xyz[i * 3 + 2], xyz[i * 3]);
          const k = 1 - 0.04 * Math.max(0, Math.cos(a * 12));
          xyz[i * 3] *= k;
          xyz[i * 3 + 2] *= k;
        }
      });
    return [
      {
        name: 'base',
        group: 'capital',
        solid: kit.boxBetween([-r * 1.4, 0, -r * 1.4], [r * 1.4, baseH, r * 1.4]),
      },
      { name: 'shaft', group: 'shaft', solid: shaft.translate(0, baseH - 0.01, 0), uv: cyl },
      {
        name: 'capital',
        group: 'capital',
        solid: turned(
          kit,
          [
            [r * 0.9, 0],
            [r * 1.3, baseH * 0.6],
            [r * 1.4, baseH * 0.6],
          ],
          1,
          24,
        )
          .translate(0, h - baseH - 0.01, 0)
          .add(kit.boxBetween([-r * 1.45, h - baseH * 0.45, -r * 1.45], [r * 1.45, h, r * 1.45])),
      },
    ];
  },
};

export const well: FamilyDefinition = {
  id: 'well',
  category: 'architecture',
  nouns: [{ word: 'well' }, { word: 'wishing well' }, { word: 'water well' }],
  groups: [
    walls('stone'),
    roof('saddlebrown'),
    structural('posts', ['post', 'posts', 'frame', 'bucket', 'crank'], 'wood'),
  ],
  size: { width: [1.8, 2.7], height: [2.3, 3.3], depth: [1.3, 2.2] },
  build(ctx) {
    const { kit, rng, size, anchors } = ctx;
    const r = rng.range(0.7, 1.0) * size.width;
    const h = rng.range(0.7, 0.9);
    const roofY = rng.range(2.0, 2.4) * size.height;
    anchors.cavity = undefined;
    return [
      {
        name: 'walls',
        group: 'walls',
        solid: kit.revolve(
          [
            [r - 0.25, 0],
            [r, 0],
            [r, h],
            [r - 0.25, h],
          ],
          { segments: 28 },
        ),
        uv: cyl,
      },
      { name: 'water', group: 'walls', solid: kit.cylinder(r - 0.24, h * 0.5, { segments: 28 }) },
      {
        name: 'post_1',
        group: 'posts',
        solid: kit.boxBetween([-r + 0.02, h - 0.05, -0.08], [-r + 0.18, roofY, 0.08]),
      },
      {
        name: 'post_2',
        group: 'posts',
        solid: kit.boxBetween([r - 0.18, h - 0.05, -0.08], [r - 0.02, roofY, 0.08]),
      },
      {
        name: 'crank',
        group: 'posts',
        solid: kit
          .cylinder(0.06, 2 * r - 0.3, { segments: 10 })
          .rotate(0, 0, 90)
          .translate(r - 0.16, roofY * 0.75, 0),
      },
      {
        name: 'roof',
        group: 'roof',
        solid: gable(ctx, 2 * r + 0.3, 2 * r * 0.8, roofY - 0.01, r * 0.7, 0.1),
      },
    ];
  },
};

export const tent: FamilyDefinition = {
  id: 'tent',
  category: 'architecture',
  nouns: [
    { word: 'tent' },
    { word: 'teepee', variant: 'teepee' },
    { word: 'tipi', variant: 'teepee' },
    { word: 'yurt', variant: 'yurt' },
    { word: 'igloo', variant: 'igloo' },
    { word: 'pavilion' },
    { word: 'gazebo', variant: 'yurt' },
  ],
  variantMaterials: { igloo: { canvas: ['ice', 'white'] } },
  groups: [
    main('canvas', ['canvas', 'tent', 'fabric', 'body', 'walls', 'cover'], 'canvas', { color: 'darkorange' }),
    accent('poles', ['pole', 'poles', 'door', 'entrance', 'flap'], 'wood', { color: 'saddlebrown' }),
  ],
  size: { width: [2.1, 5.4], height: [1.5, 5.4], depth: [2.4, 5.6] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'teepee') {
      const r = rng.range(1.8, 2.5) * size.width;
      const h = r * 2 * size.height;
      parts.push({
        name: 'canvas',
        group: 'canvas',
        solid: turned(
          kit,
          [
            [r, 0],
            [r * 0.12, h * 0.85],
            [0.0001, h * 0.86],
          ],
          1,
          12,
        ),
        uv: cyl,
      });
      const poles: Solid[] = [];
      for (let i = 0; i < 6; i++) {
        const a = (i / 6) * Math.PI * 2;
        poles.push(
          kit.cylinderBetween(
            [Math.cos(a) * r * 0.12, h * 0.84, Math.sin(a) * r * 0.12],
            [-Math.cos(a) * r * 0.05, h, -Math.sin(a) * r * 0.05],
            0.04,
            { segments: 6 },
          ),
        );
      }
      parts.push({ name: 'poles', group: 'poles', solid: kit.union(poles) });
      return parts;
    }
    if (variant === 'igloo' || variant === 'yurt') {
      const r = rng.range(1.6, 2.4) * size.width;
      parts.push({
        name: 'canvas',
        group: 'canvas',
        solid: turned(
          kit,
          variant === 'igloo'
            ? [
                [r, 0],
                [r * 0.9, r * 0.45],
                [r * 0.45, r * 0.85],
                [0.0001, r * 0.95],
              ]
            : [
                [r, 0],
                [r, r * 0.6],
                [0.0001, r * 1.05],
              ],
          variant === 'igloo' ? 4 : 1,
          32,
        ),
        uv: cyl,
      });
      parts.push({
        name: 'door',
        group: 'poles',
        solid: kit.boxBetween([-0.45, 0, r - 0.5], [0.45, 1.1, r + 0.4]),
      });
      return parts;
    }
    const w = rng.range(2.2, 3) * size.width;
    const L = rng.range(2.5, 3.5) * size.depth;
    const h = rng.range(1.4, 1.9) * size.height;
    parts.push({
      name: 'canvas',
      group: 'canvas',
      solid: kit.extrude(
        [
          [-w / 2, 0],
          [w / 2, 0],
          [0, h],
        ],
        L,
      ),
    });
    parts.push({
      name: 'flap',
      group: 'poles',
      solid: kit
        .extrude(
          [
            [-w * 0.2, 0],
            [w * 0.2, 0],
            [0, h * 0.6],
          ],
          0.04,
        )
        .translate(0, 0, L / 2 + 0.02),
    });
    parts.push({
      name: 'pole',
      group: 'poles',
      solid: kit.cylinder(0.03, h + 0.2, { segments: 8 }).translate(0, 0, L / 2 + 0.08),
    });
    return parts;
  },
};

export const skyscraper: FamilyDefinition = {
  id: 'skyscraper',
  category: 'architecture',
  nouns: [
    { word: 'skyscraper' },
    { word: 'office building' },
    { word: 'building', variant: 'low' },
    { word: 'apartment building', variant: 'low' },
    { word: 'high rise' },
    { word: 'tower block' },
    { word: 'hotel', variant: 'low' },
  ],
  groups: [walls('concrete', 'lightslategray'), windows, roof('dimgray')],
  size: { width: [18, 38], height: [16, 270], depth: [16, 37] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const low = variant === 'low';
    const w = rng.range(18, 35) * size.width;
    const d = rng.range(18, 35) * size.depth;
    const floors = low ? rng.int(4, 8) : rng.int(25, 60);
    const fh = 3.6;
    const h = floors * fh * size.height;
    const parts: BuiltPart[] = [
      { name: 'walls', group: 'walls', solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, h, d / 2]) },
    ];
    // Glass bands, one per floor, on all four faces (kept apart at the corners).
    const bands: Solid[] = [];
    for (let f = 0; f < floors; f++) {
      const y = f * fh * size.height + fh * 0.3;
      const t = fh * 0.55;
      for (const s of [-1, 1]) {
        bands.push(
          kit.boxBetween([-w / 2 + 0.4, y, s * (d / 2) - 0.05], [w / 2 - 0.4, y + t, s * (d / 2) + 0.05]),
        );
        bands.push(
          kit.boxBetween([s * (w / 2) - 0.05, y, -d / 2 + 0.4], [s * (w / 2) + 0.05, y + t, d / 2 - 0.4]),
        );
      }
    }
    const glass = kit.compose(bands);
    parts.push({ name: 'windows', group: 'windows', solid: glass });
    parts.push({
      name: 'roof',
      group: 'roof',
      solid: kit.boxBetween([-w * 0.3, h - 0.01, -d * 0.3], [w * 0.3, h + 4, d * 0.3]),
    });
    if (!low)
      parts.push({
        name: 'antenna',
        group: 'roof',
        solid: kit.cylinder(0.3, h * 0.12, { radiusTop: 0.05, segments: 8 }).translate(0, h + 3.9, 0),
      });
    return parts;
  },
};

export const pyramid: FamilyDefinition = {
  id: 'pyramid',
  category: 'architecture',
  nouns: [{ word: 'pyramid' }, { word: 'ziggurat', variant: 'step' }, { word: 'temple', variant: 'step' }],
  groups: [main('stones', ['stone', 'stones', 'body', 'pyramid', 'steps', 'walls'], 'sandstone')],
  size: { width: [56, 240], height: [36, 150], depth: [56, 240] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const w = rng.range(60, 220) * size.width;
    const h = w * 0.64 * size.height;
    if (variant === 'step') {
      const steps = 6;
      const tiers: Solid[] = [];
      for (let i = 0; i < steps; i++) {
        const s = w * (1 - i / steps);
        tiers.push(
          kit.boxBetween(
            [-s / 2, (h / steps) * i - (i > 0 ? 0.05 : 0), -s / 2],
            [s / 2, (h / steps) * (i + 1), s / 2],
          ),
        );
      }
      return [{ name: 'stones', group: 'stones', solid: kit.union(tiers) }];
    }
    return [
      {
        name: 'stones',
        group: 'stones',
        solid: kit.hull([
          [-w / 2, 0, -w / 2],
          [w / 2, 0, -w / 2],
          [-w / 2, 0, w / 2],
          [w / 2, 0, w / 2],
          [0, h, 0],
        ]),
      },
    ];
  },
};

export const ARCHITECTURE: FamilyDefinition[] = [
  house,
  tower,
  castle,
  lighthouse,
  windmill,
  bridge,
  fence,
  door,
  column,
  well,
  tent,
  skyscraper,
  pyramid,
];
