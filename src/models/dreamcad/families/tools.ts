import type { Vec3 } from '../../../asset/asset.js';
import type { Solid } from '../../../geometry/solid.js';
import {
  accent,
  bezier,
  circle,
  colored,
  main,
  rect,
  roundedRect,
  structural,
  torus,
  turned,
} from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Hand tools, lying on the ground as they would on a workbench (long axis along X): hammers,
 * screwdrivers, wrenches, saws, axes, shovels, pickaxes, rakes, brooms; and ladders, toolboxes,
 * scissors, brushes, magnifying glasses, keys, padlocks and flashlights.
 */

/** A round handle lying along X from x0 to x1 at height r (so it rests on the ground). */
function handleX(ctx: BuildContext, x0: number, x1: number, r: number, r1 = r, lift = 0): Solid {
  return ctx.kit
    .cylinder(r, x1 - x0, { radiusTop: r1, segments: 14 })
    .rotate(0, 0, -90)
    .translate(x0, Math.max(r, r1) + lift, 0);
}

const handleGroup = (material = 'wood', color = 'tan') =>
  main('handle', ['handle', 'shaft', 'grip', 'haft', 'stick', 'pole'], material, { color });

export const hammer: FamilyDefinition = {
  id: 'hammer',
  category: 'tool',
  nouns: [
    { word: 'hammer' },
    { word: 'claw hammer' },
    { word: 'mallet', variant: 'mallet' },
    { word: 'sledgehammer', variant: 'sledge' },
    { word: 'warhammer', variant: 'war' },
    { word: 'war hammer', variant: 'war' },
  ],
  variantMaterials: { mallet: { head: 'wood' } },
  groups: [structural('head', ['head', 'claw', 'face'], 'steel'), handleGroup()],
  size: { width: [0.26, 1.2], height: [0.031, 0.098], depth: [0.11, 0.48] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const big = variant === 'sledge' || variant === 'war';
    const len = (big ? rng.range(0.8, 0.95) : rng.range(0.28, 0.34)) * size.width;
    const r = big ? 0.018 : 0.011;
    const headL =
      (big ? rng.range(0.2, 0.28) : variant === 'mallet' ? rng.range(0.12, 0.15) : rng.range(0.12, 0.14)) *
      size.depth;
    const headR = big ? 0.045 : variant === 'mallet' ? 0.035 : 0.017;
    const lift = Math.max(0, headR - r);
    const parts: BuiltPart[] = [
      { name: 'handle', group: 'handle', solid: handleX(ctx, -len / 2, len / 2 - headR, r, r * 1.15, lift) },
    ];
    const hx = len / 2 - headR;
    const hy = r + lift;
    if (variant === 'mallet' || big) {
      parts.push({
        name: 'head',
        group: 'head',
        solid: kit
          .cylinder(headR, headL, { segments: 20 })
          .rotate(90, 0, 0)
          .translate(hx, hy, headL / 2),
      });
      if (variant === 'war')
        parts.push({
          name: 'spike',
          group: 'head',
          solid: kit
            .cylinder(headR * 0.6, headR * 2, { radiusTop: 0.002, segments: 10 })
            .rotate(0, 0, -90)
            .translate(hx + headR * 0.8, hy, 0),
        });
    } else {
      // A round striking face on one side, a curved claw on the other.
      parts.push({
        name: 'head',
        group: 'head',
        solid: kit
          .cylinder(headR, headL * 0.5, { segments: 16 })
          .rotate(90, 0, 0)
          .translate(hx, hy, -headR * 0.6),
      });
      const claw = bezier([hx, hy, -0.002], [hx, hy, -headL * 0.4], [hx - 0.03, hy, -headL * 0.55], 8);
      parts.push({
        name: 'claw',
        group: 'head',
        solid: kit.tube(
          claw,
          claw.map((_, i) => headR * (1 - i * 0.07)),
          { segments: 10 },
        ),
      });
    }
    return parts;
  },
};

export const screwdriver: FamilyDefinition = {
  id: 'screwdriver',
  category: 'tool',
  nouns: [{ word: 'screwdriver' }, { word: 'screw driver' }],
  groups: [
    colored('handle', ['handle', 'grip'], 'plastic', { color: 'red' }),
    structural('shaft', ['shaft', 'tip', 'blade'], 'chrome'),
  ],
  size: { width: [0.17, 0.29], height: [0.025, 0.038], depth: [0.025, 0.038] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const hl = rng.range(0.09, 0.11) * size.width;
    const sl = rng.range(0.08, 0.15) * size.width;
    const r = rng.range(0.013, 0.017);
    const handle = turned(
      kit,
      [
        [r * 0.7, 0],
        [r, hl * 0.15],
        [r * 0.95, hl * 0.8],
        [r * 0.6, hl],
      ],
      3,
      8,
    )
      .rotate(0, 0, -90)
      .translate(-hl, r, 0);
    const shaft = kit
      .cylinder(0.0035, sl + 0.005, { segments: 10 })
      .rotate(0, 0, -90)
      .translate(-0.005, r, 0);
    const tip = kit.hull([
      [sl - 0.001, r - 0.0035, -0.0035],
      [sl - 0.001, r + 0.0035, 0.0035],
      [sl - 0.001, r - 0.0035, 0.0035],
      [sl - 0.001, r + 0.0035, -0.0035],
      [sl + 0.01, r - 0.001, -0.003],
      [sl + 0.01, r + 0.001, 0.003],
      [sl + 0.01, r - 0.001, 0.003],
      [sl + 0.01, r + 0.001, -0.003],
    ]);
    return [
      { name: 'handle', group: 'handle', solid: handle },
      { name: 'shaft', group: 'shaft', solid: shaft },
      { name: 'tip', group: 'shaft', solid: tip },
    ];
  },
};

export const wrench: FamilyDefinition = {
  id: 'wrench',
  category: 'tool',
  nouns: [{ word: 'wrench' }, { word: 'spanner' }, { word: 'monkey wrench' }],
  groups: [main('body', ['body', 'head', 'jaw', 'handle'], 'chrome')],
  size: { width: [0.17, 0.35], height: [0.0053, 0.011], depth: [0.041, 0.081] },
  build({ kit, rng, size }) {
    const len = rng.range(0.16, 0.28) * size.width;
    const w = len * 0.09;
    const t = Math.max(0.005, len * 0.035);
    const jaw = w * 1.5;
    // A bar, an open jaw at one end (a disc with a slot) and a ring at the other, all in 2D.
    const body = kit.extrudeShape(
      [
        rect((len - jaw) / 2, w / 2),
        circle(jaw, 28, len / 2 - jaw * 0.4, 0),
        circle(jaw * 0.9, 24, -len / 2 + jaw * 0.4, 0),
      ],
      [rect(jaw * 0.9, jaw * 0.38, len / 2 + jaw * 0.3, 0), circle(jaw * 0.5, 6, -len / 2 + jaw * 0.4, 0)],
      t,
    );
    return [{ name: 'body', group: 'body', solid: body.rotate(90, 0, 0).translate(0, t / 2, 0) }];
  },
};

export const saw: FamilyDefinition = {
  id: 'saw',
  category: 'tool',
  nouns: [{ word: 'saw' }, { word: 'handsaw' }, { word: 'hand saw' }, { word: 'hacksaw' }],
  groups: [structural('blade', ['blade', 'teeth'], 'steel'), handleGroup('wood', 'brown')],
  size: { width: [0.47, 0.71], height: [0.02, 0.024], depth: [0.1, 0.15] },
  build({ kit, rng, size }) {
    const bl = rng.range(0.4, 0.55) * size.width;
    const w0 = rng.range(0.1, 0.13);
    const w1 = rng.range(0.03, 0.04);
    const t = 0.0012;
    const teeth: Array<[number, number]> = [];
    const n = Math.floor(bl / 0.008);
    for (let i = 0; i <= n; i++) teeth.push([(bl * i) / n, i % 2 === 0 ? -0.003 : 0]);
    const outline: Array<[number, number]> = [...teeth, [bl, w1], [0, w0]];
    const blade = kit
      .extrude(outline, t)
      .rotate(90, 0, 0)
      .translate(0, 0.012, -w0 / 2);
    const handle = kit
      .extrudeContours(
        [
          roundedRect(0.06, 0.055, 0.02),
          roundedRect(0.035, 0.025, 0.012).map(([x, y]) => [x + 0.005, y] as [number, number]),
        ],
        0.022,
      )
      .rotate(90, 0, 0)
      .translate(-0.05, 0.011, 0);
    return [
      { name: 'blade', group: 'blade', solid: blade },
      { name: 'handle', group: 'handle', solid: handle },
    ];
  },
};

export const axe: FamilyDefinition = {
  id: 'axe',
  category: 'tool',
  nouns: [
    { word: 'axe' },
    { word: 'ax' },
    { word: 'hatchet', variant: 'hatchet' },
    { word: 'battle axe', variant: 'battle' },
    { word: 'battleaxe', variant: 'battle' },
    { word: 'tomahawk', variant: 'hatchet' },
  ],
  variantWords: { battle: 'battle', double: 'battle', viking: 'battle' },
  groups: [structural('head', ['head', 'blade', 'bit', 'edge'], 'steel'), handleGroup()],
  size: { width: [0.28, 1.1], height: [0.026, 0.043], depth: [0.12, 0.35] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const len = (variant === 'hatchet' ? rng.range(0.3, 0.38) : rng.range(0.7, 0.9)) * size.width;
    const r = variant === 'hatchet' ? 0.013 : 0.018;
    const t = r * 1.6;
    const headW = (variant === 'hatchet' ? 0.1 : 0.16) * size.depth;
    const bitL = headW * 1.1;
    const hx = len / 2 - 0.04;
    // The head lies flat: a wedge in the ground plane growing from the eye round the handle to the edge.
    const bit = bitL * 0.9;
    const wedge = (side: number): Array<[number, number]> => {
      const pts: Array<[number, number]> = [
        [hx - 0.024, 0],
        [hx + 0.024, 0],
        [hx + 0.02, headW * 0.35],
        [hx + bit / 2, headW],
        [hx - bit / 2, headW],
        [hx - 0.02, headW * 0.35],
      ];
      return side > 0 ? pts : pts.map(([x, z]) => [x, -z] as [number, number]).reverse();
    };
    const eye = rect(0.026, 0.03, hx, 0);
    const shapes =
      variant === 'battle' ? [wedge(1), wedge(-1), eye] : [wedge(1), rect(0.026, 0.035, hx, -0.005)];
    const parts: BuiltPart[] = [
      { name: 'handle', group: 'handle', solid: handleX(ctx, -len / 2, len / 2, r, r * 1.1) },
    ];
    // extrudeShape draws in XY; turning +90° about X lays it in the ground plane with y becoming z… mirrored,
    // so the wedge is drawn towards −y.
    const head = kit
      .extrudeShape(
        shapes.map((c) => c.map(([x, z]) => [x, -z] as [number, number]).reverse()),
        [],
        t,
      )
      .rotate(90, 0, 0)
      .translate(0, r * 1.1, 0);
    parts.push({ name: 'head', group: 'head', solid: head });
    return parts;
  },
};

export const shovel: FamilyDefinition = {
  id: 'shovel',
  category: 'tool',
  nouns: [
    { word: 'shovel' },
    { word: 'spade' },
    { word: 'trowel', variant: 'trowel' },
    { word: 'snow shovel' },
  ],
  groups: [structural('blade', ['blade', 'head', 'scoop'], 'steel'), handleGroup()],
  size: { width: [0.21, 1.6], height: [0.027, 0.042], depth: [0.064, 0.28] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const trowel = variant === 'trowel';
    const len = (trowel ? rng.range(0.12, 0.15) : rng.range(0.85, 1.1)) * size.width;
    const bw = (trowel ? 0.07 : rng.range(0.2, 0.26)) * size.depth;
    const bl = trowel ? 0.13 : rng.range(0.28, 0.34);
    const r = trowel ? 0.014 : 0.018;
    const t = 0.003;
    const outline: Array<[number, number]> = [
      [0, -bw * 0.45],
      [bl * 0.75, -bw / 2],
      [bl, 0],
      [bl * 0.75, bw / 2],
      [0, bw * 0.45],
    ];
    // A shallow dish: the flat blade bent up a little along its length by a warp.
    const blade = kit
      .extrude(outline, t)
      .rotate(90, 0, 0)
      .warp((xyz, n) => {
        for (let i = 0; i < n; i++) xyz[i * 3 + 1] += (xyz[i * 3 + 2] / (bw / 2)) ** 2 * bw * 0.08;
      })
      .translate(len / 2 - 0.02, t / 2 + 0.002, 0);
    const parts: BuiltPart[] = [
      { name: 'blade', group: 'blade', solid: blade },
      { name: 'handle', group: 'handle', solid: handleX(ctx, -len / 2, len / 2, r, r, 0.004) },
    ];
    if (!trowel) {
      const grip = kit
        .extrudeContours([rect(0.06, 0.045), rect(0.045, 0.03)], 0.025)
        .rotate(90, 0, 0)
        .rotate(0, 90, 0)
        .translate(-len / 2 - 0.03, 0.0125 + 0.004, 0);
      parts.push({ name: 'grip', group: 'handle', solid: grip.rotate(0, 0, 0) });
    }
    return parts;
  },
};

export const pickaxe: FamilyDefinition = {
  id: 'pickaxe',
  category: 'tool',
  nouns: [{ word: 'pickaxe' }, { word: 'pick axe' }, { word: 'pick' }, { word: 'mattock' }],
  groups: [structural('head', ['head', 'pick', 'point'], 'iron'), handleGroup()],
  size: { width: [0.73, 1.1], height: [0.046, 0.055], depth: [0.41, 0.6] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const len = rng.range(0.75, 0.9) * size.width;
    const span = rng.range(0.45, 0.55) * size.depth;
    const r = 0.02;
    const hx = len / 2 - 0.03;
    const path = bezier([hx, r, -span / 2], [hx + 0.09, r, 0], [hx, r, span / 2], 14);
    const radii = path.map((_, i) => 0.022 * (1 - Math.abs(i / (path.length - 1) - 0.5) * 1.85) + 0.003);
    return [
      { name: 'handle', group: 'handle', solid: handleX(ctx, -len / 2, len / 2, r) },
      { name: 'head', group: 'head', solid: kit.tube(path, radii, { segments: 8 }) },
    ];
  },
};

export const rake: FamilyDefinition = {
  id: 'rake',
  category: 'tool',
  nouns: [
    { word: 'rake' },
    { word: 'garden rake' },
    { word: 'pitchfork', variant: 'fork' },
    { word: 'hayfork', variant: 'fork' },
  ],
  groups: [
    structural('head', ['head', 'tines', 'teeth', 'prongs'], 'steel', { count: [2, 16] }),
    handleGroup(),
  ],
  size: { width: [1.1, 2], height: [0.029, 0.035], depth: [0.18, 0.45] },
  build(ctx) {
    const { kit, rng, variant, size, count } = ctx;
    const fork = variant === 'fork';
    const len = rng.range(1.2, 1.5) * size.width;
    const r = 0.016;
    const headW = (fork ? rng.range(0.18, 0.24) : rng.range(0.3, 0.4)) * size.depth;
    const n = count('head') ?? (fork ? 3 : rng.int(10, 14));
    const hx = len / 2;
    const tines: Solid[] = [];
    const tl = fork ? rng.range(0.25, 0.3) : rng.range(0.06, 0.08);
    for (let i = 0; i < n; i++) {
      const z = -headW / 2 + (headW * i) / Math.max(1, n - 1);
      tines.push(
        kit
          .cylinder(fork ? 0.005 : 0.004, tl, { radiusTop: 0.0015, segments: 6 })
          .rotate(0, 0, -90)
          .translate(hx - 0.005, r, z),
      );
    }
    return [
      { name: 'handle', group: 'handle', solid: handleX(ctx, -len / 2, len / 2, r) },
      {
        name: 'bar',
        group: 'head',
        solid: kit.boxBetween(
          [hx - 0.015, r - 0.012, -headW / 2 - 0.01],
          [hx + 0.005, r + 0.012, headW / 2 + 0.01],
        ),
      },
      { name: 'tines', group: 'head', solid: kit.compose(tines) },
    ];
  },
};

export const broom: FamilyDefinition = {
  id: 'broom',
  category: 'tool',
  nouns: [
    { word: 'broom' },
    { word: 'broomstick' },
    { word: 'besom', variant: 'witch' },
    { word: 'mop', variant: 'mop' },
  ],
  variantWords: { witch: 'witch', flying: 'witch' },
  groups: [
    colored('bristles', ['bristles', 'brush', 'head', 'straw', 'twigs'], 'wicker', {
      takesMainMaterial: false,
    }),
    handleGroup('wood', 'brown'),
  ],
  size: { width: [1.2, 1.8], height: [0.073, 0.22], depth: [0.14, 0.43] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const len = rng.range(1.2, 1.45) * size.width;
    const r = 0.014;
    const parts: BuiltPart[] = [];
    if (variant === 'witch') {
      const bl = rng.range(0.35, 0.45);
      parts.push({
        name: 'handle',
        group: 'handle',
        solid: handleX(ctx, -len / 2, len / 2 - bl * 0.5, r, r, 0.05),
      });
      parts.push({
        name: 'bristles',
        group: 'bristles',
        solid: turned(
          kit,
          [
            [0.02, 0],
            [0.05, bl * 0.4],
            [0.08, bl * 0.9],
            [0.06, bl],
          ],
          3,
          16,
        )
          .rotate(0, 0, -90)
          .translate(len / 2 - bl * 0.7, 0.08, 0),
      });
      parts.push({
        name: 'binding',
        group: 'handle',
        solid: torus(kit, 0.024, 0.005, 0, 14, 6)
          .rotate(0, 0, 90)
          .translate(len / 2 - bl * 0.62, 0.075, 0),
      });
      return parts;
    }
    const mop = variant === 'mop';
    const hw = (mop ? 0.12 : rng.range(0.28, 0.38)) * size.depth;
    parts.push({ name: 'handle', group: 'handle', solid: handleX(ctx, -len / 2, len / 2, r, r, 0.04) });
    if (mop) {
      parts.push({
        name: 'bristles',
        group: 'bristles',
        solid: turned(
          kit,
          [
            [0.03, 0],
            [0.08, 0.08],
            [0.1, 0.2],
            [0.06, 0.24],
          ],
          3,
          20,
        )
          .rotate(0, 0, -90)
          .translate(len / 2 - 0.03, 0.1, 0),
      });
    } else {
      parts.push({
        name: 'block',
        group: 'handle',
        solid: kit.boxBetween([len / 2 - 0.01, 0.03, -hw / 2], [len / 2 + 0.04, 0.08, hw / 2]),
      });
      parts.push({
        name: 'bristles',
        group: 'bristles',
        solid: kit.hull([
          [len / 2 + 0.035, 0.035, -hw / 2],
          [len / 2 + 0.035, 0.075, -hw / 2],
          [len / 2 + 0.035, 0.035, hw / 2],
          [len / 2 + 0.035, 0.075, hw / 2],
          [len / 2 + 0.14, 0.0, -hw / 2 - 0.01],
          [len / 2 + 0.14, 0.04, -hw / 2 - 0.01],
          [len / 2 + 0.14, 0.0, hw / 2 + 0.01],
          [len / 2 + 0.14, 0.04, hw / 2 + 0.01],
        ]),
      });
    }
    return parts;
  },
};

export const ladder: FamilyDefinition = {
  id: 'ladder',
  category: 'tool',
  nouns: [
    { word: 'ladder' },
    { word: 'stepladder', variant: 'step' },
    { word: 'step ladder', variant: 'step' },
  ],
  groups: [
    main('rails', ['rail', 'rails', 'sides', 'stiles'], 'wood'),
    main('rungs', ['rung', 'rungs', 'steps'], 'wood', { count: [2, 16] }),
  ],
  size: { width: [0.35, 0.54], height: [0.93, 3.2], depth: [0.34, 0.87] },
  build({ kit, rng, variant, size, count }) {
    const step = variant === 'step';
    const h = (step ? rng.range(1.0, 1.6) : rng.range(2.0, 3.0)) * size.height;
    const w = rng.range(0.38, 0.5) * size.width;
    const rail = 0.035;
    const n = count('rungs') ?? Math.round(h / 0.28);
    const lean = step ? 0 : rng.range(8, 14);
    const parts: BuiltPart[] = [];
    const frame = (angle: number, z: number): Solid[] => {
      const s: Solid[] = [];
      for (const x of [-w / 2, w / 2 - rail])
        s.push(kit.boxBetween([x, 0, -rail / 2], [x + rail, h, rail / 2]));
      for (let i = 1; i <= n; i++) {
        const y = (h * i) / (n + 1);
        s.push(
          kit
            .cylinder(0.014, w - rail * 2 + 0.01, { segments: 10 })
            .rotate(0, 0, -90)
            .translate(-w / 2 + rail - 0.005, y, 0),
        );
      }
      return s.map((p) => p.rotate(angle, 0, 0).translate(0, 0, z));
    };
    if (step) {
      const a = 14;
      const front = frame(-a, 0);
      const back = frame(a, 0).slice(0, 2);
      parts.push(
        { name: 'rail_1', group: 'rails', solid: front[0] },
        { name: 'rail_2', group: 'rails', solid: front[1] },
      );
      parts.push({ name: 'rungs', group: 'rungs', solid: kit.compose(front.slice(2)) });
      parts.push(
        { name: 'back_1', group: 'rails', solid: back[0].translate(0, 0, -0.001) },
        { name: 'back_2', group: 'rails', solid: back[1].translate(0, 0, -0.001) },
      );
    } else {
      const f = frame(-lean, 0);
      parts.push(
        { name: 'rail_1', group: 'rails', solid: f[0] },
        { name: 'rail_2', group: 'rails', solid: f[1] },
      );
      parts.push({ name: 'rungs', group: 'rungs', solid: kit.compose(f.slice(2)) });
    }
    return parts;
  },
};

export const toolbox: FamilyDefinition = {
  id: 'toolbox',
  category: 'tool',
  nouns: [
    { word: 'toolbox' },
    { word: 'tool box' },
    { word: 'tool chest' },
    { word: 'tool kit' },
    { word: 'toolkit' },
  ],
  groups: [
    main('box', ['box', 'body', 'lid'], 'steel', { color: 'red' }),
    accent('handle', ['handle', 'latch', 'latches'], 'steel'),
  ],
  size: { width: [0.38, 0.61], height: [0.21, 0.34], depth: [0.18, 0.28] },
  build({ kit, rng, size }) {
    const w = rng.range(0.4, 0.55) * size.width;
    const h = rng.range(0.15, 0.22) * size.height;
    const d = rng.range(0.18, 0.24) * size.depth;
    const lid = h * 0.3;
    const path = bezier(
      [-w * 0.25, h + lid * 0.3, 0],
      [0, h + lid * 0.3 + 0.12, 0],
      [w * 0.25, h + lid * 0.3, 0],
      12,
    );
    return [
      { name: 'box', group: 'box', solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, h, d / 2]) },
      {
        name: 'lid',
        group: 'box',
        solid: kit.hull([
          [-w / 2 - 0.005, h - 0.005, -d / 2 - 0.005],
          [w / 2 + 0.005, h - 0.005, -d / 2 - 0.005],
          [-w / 2 - 0.005, h - 0.005, d / 2 + 0.005],
          [w / 2 + 0.005, h - 0.005, d / 2 + 0.005],
          [-w / 2, h + lid * 0.3, -d * 0.3],
          [w / 2, h + lid * 0.3, -d * 0.3],
          [-w / 2, h + lid * 0.3, d * 0.3],
          [w / 2, h + lid * 0.3, d * 0.3],
        ]),
      },
      { name: 'handle', group: 'handle', solid: kit.tube(path, 0.01, { segments: 8 }) },
      {
        name: 'latch_1',
        group: 'handle',
        solid: kit.boxBetween(
          [-w * 0.3, h - 0.03, d / 2 - 0.002],
          [-w * 0.3 + 0.03, h + 0.005, d / 2 + 0.008],
        ),
      },
      {
        name: 'latch_2',
        group: 'handle',
        solid: kit.boxBetween([w * 0.3 - 0.03, h - 0.03, d / 2 - 0.002], [w * 0.3, h + 0.005, d / 2 + 0.008]),
      },
    ];
  },
};

export const scissors: FamilyDefinition = {
  id: 'scissors',
  category: 'tool',
  nouns: [{ word: 'scissors' }, { word: 'shears' }, { word: 'pair of scissors' }],
  groups: [
    structural('blades', ['blade', 'blades'], 'steel'),
    colored('handles', ['handle', 'handles', 'rings', 'grip'], 'plastic', { color: 'orange' }),
  ],
  size: { width: [0.14, 0.22], height: [0.0092, 0.011], depth: [0.052, 0.071] },
  build({ kit, rng, size }) {
    const len = rng.range(0.15, 0.2) * size.width;
    const open = rng.range(8, 18);
    const t = 0.0025;
    const parts: BuiltPart[] = [];
    [-1, 1].forEach((s, i) => {
      const blade = kit.extrude(
        [
          [0, -0.006],
          [len * 0.55, -0.002],
          [len * 0.58, 0.002],
          [0, 0.007],
        ],
        t,
      );
      const ring = kit.extrudeContours(
        [circle(0.02, 20, -0.045, s * 0.016), circle(0.013, 16, -0.045, s * 0.016)],
        t * 2.4,
      );
      const arm = kit.extrude(
        [
          [-0.03, s * 0.01 - 0.004],
          [0.005, -0.004],
          [0.005, 0.004],
          [-0.03, s * 0.01 + 0.004],
        ],
        t * 2,
      );
      const place = (x: Solid) =>
        x
          .rotate(0, 0, s * open * 0.5)
          .rotate(90, 0, 0)
          .translate(0, t * 2 + i * t, 0);
      parts.push({ name: `blade_${i + 1}`, group: 'blades', solid: place(blade) });
      parts.push({ name: `handle_${i + 1}`, group: 'handles', solid: place(ring.add(arm)) });
    });
    parts.push({
      name: 'pivot',
      group: 'blades',
      solid: kit.cylinder(0.004, t * 4, { segments: 10 }).translate(0, t * 0.5, 0),
    });
    return parts;
  },
};

export const paintbrush: FamilyDefinition = {
  id: 'paintbrush',
  category: 'tool',
  nouns: [{ word: 'paintbrush' }, { word: 'paint brush' }, { word: 'brush' }, { word: 'artist brush' }],
  groups: [
    colored('handle', ['handle'], 'wood', { color: 'red', takesMainMaterial: true }),
    accent('ferrule', ['ferrule', 'band'], 'aluminium'),
    accent('bristles', ['bristles', 'tip', 'hair'], 'fur', { color: 'brown' }),
  ],
  size: { width: [0.17, 0.28], height: [0.0092, 0.018], depth: [0.0092, 0.039] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const len = rng.range(0.18, 0.26) * size.width;
    const wide = rng.chance(0.5);
    const r = wide ? 0.008 : 0.005;
    const handle = turned(
      kit,
      [
        [r * 0.6, 0],
        [r, len * 0.55],
        [r * 0.9, len * 0.75],
      ],
      3,
      12,
    )
      .rotate(0, 0, -90)
      .translate(-len / 2, wide ? 0.012 : r, 0);
    const fx = -len / 2 + len * 0.75;
    const fy = wide ? 0.012 : r;
    const ferrule = wide
      ? kit.boxBetween([fx - 0.005, fy - 0.005, -0.018], [fx + 0.03, fy + 0.005, 0.018])
      : kit
          .cylinder(r * 0.9, 0.025, { radiusTop: r * 0.7, segments: 12 })
          .rotate(0, 0, -90)
          .translate(fx - 0.002, fy, 0);
    const bristles = wide
      ? kit.hull([
          [fx + 0.025, fy - 0.0045, -0.017],
          [fx + 0.025, fy + 0.0045, 0.017],
          [fx + 0.025, fy - 0.0045, 0.017],
          [fx + 0.025, fy + 0.0045, -0.017],
          [fx + 0.065, fy - 0.002, -0.016],
          [fx + 0.065, fy + 0.002, 0.016],
          [fx + 0.065, fy - 0.002, 0.016],
          [fx + 0.065, fy + 0.002, -0.016],
        ])
      : turned(
          kit,
          [
            [r * 0.7, 0],
            [r * 0.9, 0.01],
            [0.0001, 0.03],
          ],
          3,
          10,
        )
          .rotate(0, 0, -90)
          .translate(fx + 0.02, fy, 0);
    return [
      { name: 'handle', group: 'handle', solid: handle },
      { name: 'ferrule', group: 'ferrule', solid: ferrule },
      { name: 'bristles', group: 'bristles', solid: bristles },
    ];
  },
};

export const magnifyingGlass: FamilyDefinition = {
  id: 'magnifying glass',
  category: 'tool',
  nouns: [{ word: 'magnifying glass' }, { word: 'magnifier' }, { word: 'loupe' }, { word: 'hand lens' }],
  groups: [
    structural('rim', ['rim', 'frame', 'ring'], 'brass'),
    accent('lens', ['lens', 'glass'], 'glass'),
    main('handle', ['handle'], 'wood', { color: 'brown' }),
  ],
  size: { width: [0.16, 0.26], height: [0.02, 0.025], depth: [0.077, 0.14] },
  build({ kit, rng, size }) {
    const r = rng.range(0.035, 0.055) * size.width;
    const hl = rng.range(0.1, 0.13) * size.width;
    const t = 0.012;
    const ring = torus(kit, r, t * 0.5, t * 0.5, 40, 10);
    const lens = turned(
      kit,
      [
        [r * 0.98, 0],
        [r * 0.6, 0.003],
        [0.0001, 0.0035],
      ],
      2,
      32,
    );
    const lensSolid = lens.add(lens.rotate(180, 0, 0)).translate(0, t * 0.5, 0);
    const handle = turned(
      kit,
      [
        [0.007, 0],
        [0.011, hl * 0.3],
        [0.01, hl * 0.9],
        [0.006, hl],
      ],
      3,
      14,
    )
      .rotate(0, 0, 90)
      .translate(-r + 0.002, 0.011, 0);
    return [
      { name: 'rim', group: 'rim', solid: ring },
      { name: 'lens', group: 'lens', solid: lensSolid },
      { name: 'handle', group: 'handle', solid: handle },
    ];
  },
};

export const key: FamilyDefinition = {
  id: 'key',
  category: 'tool',
  nouns: [
    { word: 'key' },
    { word: 'skeleton key', variant: 'skeleton' },
    { word: 'door key' },
    { word: 'house key' },
  ],
  variantWords: { skeleton: 'skeleton', old: 'skeleton', antique: 'skeleton', ornate: 'skeleton' },
  groups: [structural('key', ['key', 'bow', 'blade', 'bit', 'shaft'], 'brass')],
  size: { width: [0.046, 0.12], height: [0.0018, 0.0044], depth: [0.022, 0.031] },
  build({ kit, rng, variant, size }) {
    const skel = variant === 'skeleton';
    const len = (skel ? rng.range(0.08, 0.11) : rng.range(0.05, 0.065)) * size.width;
    const t = skel ? 0.004 : 0.002;
    const bowR = skel ? 0.014 : 0.012;
    const add: Array<Array<[number, number]>> = [circle(bowR, 24, -len / 2 + bowR, 0)];
    const holes = [circle(bowR * 0.45, 16, -len / 2 + bowR, 0)];
    if (skel) {
      add.push(rect(len * 0.4, 0.0025, len * 0.08, 0));
      add.push([
        [len / 2 - 0.014, 0.001],
        [len / 2 - 0.014, -0.01],
        [len / 2 - 0.008, -0.01],
        [len / 2 - 0.008, -0.006],
        [len / 2 - 0.004, -0.006],
        [len / 2 - 0.004, -0.01],
        [len / 2, -0.01],
        [len / 2, 0.001],
      ]);
    } else {
      const bits: Array<[number, number]> = [
        [-len / 2 + bowR * 1.8, 0.004],
        [len / 2, 0.004],
        [len / 2, -0.001],
      ];
      const teeth = 5;
      for (let i = 0; i < teeth; i++) {
        const x = len / 2 - ((i + 1) * (len - bowR * 2)) / (teeth + 1);
        bits.push([x + 0.002, -0.001], [x, -0.004 - rng.range(0, 0.003)], [x - 0.002, -0.001]);
      }
      bits.push([-len / 2 + bowR * 1.8, -0.004]);
      add.push(bits.reverse());
    }
    const body = kit.extrudeShape(add, holes, t);
    return [{ name: 'key', group: 'key', solid: body.rotate(90, 0, 0).translate(0, t / 2, 0) }];
  },
};

export const padlock: FamilyDefinition = {
  id: 'padlock',
  category: 'tool',
  nouns: [{ word: 'padlock' }, { word: 'lock' }],
  groups: [
    structural('body', ['body', 'case'], 'brass'),
    structural('shackle', ['shackle', 'loop', 'hoop'], 'chrome'),
  ],
  size: { width: [0.037, 0.065], height: [0.049, 0.091], depth: [0.015, 0.026] },
  build({ kit, rng, size }) {
    const w = rng.range(0.04, 0.06) * size.width;
    const h = w * rng.range(0.8, 1.0) * size.height;
    const d = w * 0.4;
    const sr = w * 0.32;
    const body = kit.roundedBox([w, h, d], d * 0.2).translate(0, h / 2, 0);
    const path: Vec3[] = [];
    for (let i = 0; i <= 16; i++) {
      const a = Math.PI - (i / 16) * Math.PI;
      path.push([Math.cos(a) * sr, h + sr * 0.3 + Math.sin(a) * sr, 0]);
    }
    const shackle = kit.tube([[-sr, h - 0.004, 0], ...path, [sr, h - 0.004, 0]], w * 0.07, { segments: 10 });
    return [
      { name: 'body', group: 'body', solid: body },
      { name: 'shackle', group: 'shackle', solid: shackle },
    ];
  },
};

export const flashlight: FamilyDefinition = {
  id: 'flashlight',
  category: 'tool',
  nouns: [{ word: 'flashlight' }, { word: 'electric torch' }, { word: 'penlight' }, { word: 'headlamp' }],
  groups: [
    main('body', ['body', 'barrel', 'handle', 'case'], 'aluminium', { color: 'black' }),
    accent('lens', ['lens', 'light', 'bulb'], 'light'),
  ],
  size: { width: [0.14, 0.27], height: [0.036, 0.063], depth: [0.036, 0.063] },
  build({ kit, rng, size }) {
    const len = rng.range(0.15, 0.25) * size.width;
    const r = rng.range(0.013, 0.017);
    const hr = r * rng.range(1.4, 1.8);
    const body = turned(
      kit,
      [
        [r * 0.9, 0],
        [r, 0.005],
        [r, len * 0.7],
        [hr, len * 0.85],
        [hr, len],
      ],
      1,
      20,
    )
      .rotate(0, 0, -90)
      .translate(-len / 2, hr, 0);
    const lens = kit
      .cylinder(hr * 0.85, 0.004, { segments: 20 })
      .rotate(0, 0, -90)
      .translate(len / 2 - 0.002, hr, 0);
    return [
      { name: 'body', group: 'body', solid: body },
      { name: 'lens', group: 'lens', solid: lens },
    ];
  },
};

export const TOOLS: FamilyDefinition[] = [
  hammer,
  screwdriver,
  wrench,
  saw,
  axe,
  shovel,
  pickaxe,
  rake,
  broom,
  ladder,
  toolbox,
  scissors,
  paintbrush,
  magnifyingGlass,
  key,
  padlock,
  flashlight,
];
