import type { Vec3 } from '../../../asset/asset.js';
import { sdfCapsule, sdfEllipsoid } from '../../../geometry/sdf.js';
import type { Solid } from '../../../geometry/solid.js';
import {
  accent,
  bezier,
  colored,
  main,
  rect,
  roundedRect,
  structural,
  torus,
  turned,
  vessel,
} from './common.js';
import type { BuiltPart, FamilyDefinition } from './types.js';

/**
 * Decorations and paper things: frames, clocks, globes, hourglasses, trophies, rugs, pillows, bells,
 * snow globes, crystal balls, mirrors, busts; books, scrolls, envelopes, pencils, pens and notebooks.
 */

const cyl = { kind: 'cylindrical' } as const;

export const pictureFrame: FamilyDefinition = {
  id: 'picture frame',
  category: 'decor',
  nouns: [
    { word: 'picture frame' },
    { word: 'photo frame' },
    { word: 'frame' },
    { word: 'painting', variant: 'painting' },
    { word: 'picture' },
    { word: 'portrait', variant: 'painting' },
    { word: 'canvas painting', variant: 'painting' },
  ],
  groups: [
    main('frame', ['frame', 'border'], 'wood'),
    colored('picture', ['picture', 'photo', 'painting', 'canvas', 'image'], 'canvas', { color: 'skyblue' }),
    structural('stand', ['stand', 'leg', 'easel'], 'wood', { optional: 'on' }),
  ],
  size: { width: [0.12, 0.97], height: [0.096, 0.93], depth: [0.032, 0.18] },
  build({ kit, rng, variant, size, has }) {
    const painting = variant === 'painting';
    const w = (painting ? rng.range(0.5, 0.9) : rng.range(0.13, 0.25)) * size.width;
    const h = w * rng.range(0.7, 1.3) * size.height * (painting ? 0.8 : 1);
    const border = Math.min(w, h) * rng.range(0.08, 0.14);
    const t = painting ? 0.035 : 0.015;
    const tilt = painting ? 0 : 12;
    const frame = kit.extrudeContours([rect(w / 2, h / 2), rect(w / 2 - border, h / 2 - border)], t);
    const picture = kit.box([w - border * 1.6, h - border * 1.6, t * 0.5]).translate(0, 0, -t * 0.1);
    const place = (s: Solid) =>
      s.rotate(-tilt, 0, 0).translate(0, (h / 2) * Math.cos((tilt * Math.PI) / 180) + 0.002, 0);
    const parts: BuiltPart[] = [
      { name: 'frame', group: 'frame', solid: place(frame) },
      { name: 'picture', group: 'picture', solid: place(picture) },
    ];
    if (has('stand') && !painting) {
      // A strut from the frame's back, two thirds up, down and back to the table.
      const rad = (tilt * Math.PI) / 180;
      const y = h * 0.6 * Math.cos(rad);
      const top: [number, number, number] = [0, y, -(y - (h / 2) * Math.cos(rad)) * Math.tan(rad) - t * 0.6];
      parts.push({
        name: 'stand',
        group: 'stand',
        solid: kit.cylinderBetween([0, 0.004, top[2] - h * 0.35], top, 0.006, { segments: 6 }),
      });
    }
    return parts;
  },
};

export const wallClock: FamilyDefinition = {
  id: 'clock',
  category: 'decor',
  nouns: [
    { word: 'clock' },
    { word: 'wall clock', variant: 'wall' },
    { word: 'alarm clock', variant: 'alarm' },
    { word: 'timepiece' },
    { word: 'grandfather clock', variant: 'grandfather' },
    { word: 'mantel clock', variant: 'alarm' },
  ],
  variantWords: { alarm: 'alarm', wall: 'wall', grandfather: 'grandfather', cuckoo: 'grandfather' },
  groups: [
    main('case', ['case', 'body', 'frame', 'rim'], 'wood'),
    accent('face', ['face', 'dial'], 'ceramic', { color: 'ivory' }),
    accent('hands', ['hand', 'hands', 'bells', 'feet'], 'steel', { color: 'black' }),
  ],
  size: { width: [0.094, 0.64], height: [0.12, 2.3], depth: [0.047, 0.4] },
  build({ kit, rng, variant, size }) {
    const parts: BuiltPart[] = [];
    const hands = (cx: number, cy: number, z: number, r: number): Solid => {
      const a = rng.range(0, 360);
      const b = rng.range(0, 360);
      const hand = (len: number, w: number, deg: number) =>
        kit
          .box([w, len, 0.003])
          .translate(0, len / 2, 0)
          .rotate(0, 0, deg);
      return kit.compose([
        hand(r * 0.55, r * 0.06, a).translate(cx, cy, z),
        hand(r * 0.8, r * 0.035, b).translate(cx, cy, z + 0.004),
      ]);
    };
    if (variant === 'grandfather') {
      const w = rng.range(0.45, 0.55) * size.width;
      const h = rng.range(1.8, 2.1) * size.height;
      const d = rng.range(0.25, 0.32);
      parts.push({
        name: 'case',
        group: 'case',
        solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, h * 0.72, d / 2]),
      });
      parts.push({
        name: 'hood',
        group: 'case',
        solid: kit.boxBetween(
          [-w / 2 - 0.02, h * 0.72 - 0.002, -d / 2 - 0.01],
          [w / 2 + 0.02, h, d / 2 + 0.02],
        ),
      });
      const r = w * 0.38;
      const cy = h * 0.86;
      parts.push({
        name: 'face',
        group: 'face',
        solid: kit
          .cylinder(r, 0.01, { segments: 40 })
          .rotate(90, 0, 0)
          .translate(0, cy, d / 2 + 0.03),
      });
      parts.push({ name: 'hands', group: 'hands', solid: hands(0, cy, d / 2 + 0.034, r) });
      parts.push({
        name: 'pendulum',
        group: 'hands',
        solid: kit
          .cylinder(0.05, 0.01, { segments: 20 })
          .rotate(90, 0, 0)
          .translate(0, h * 0.3, d / 2 + 0.01),
      });
      return parts;
    }
    if (variant === 'alarm') {
      const r = rng.range(0.05, 0.07) * size.width;
      const d = r * 0.8;
      const cy = r + 0.02;
      parts.push({
        name: 'case',
        group: 'case',
        solid: kit
          .cylinder(r, d, { segments: 40 })
          .rotate(90, 0, 0)
          .translate(0, cy, d / 2),
      });
      parts.push({
        name: 'face',
        group: 'face',
        solid: kit
          .cylinder(r * 0.85, 0.004, { segments: 40 })
          .rotate(90, 0, 0)
          .translate(0, cy, d / 2 + 0.003),
      });
      parts.push({ name: 'hands', group: 'hands', solid: hands(0, cy, d / 2 + 0.006, r * 0.85) });
      for (const [i, s] of [-1, 1].entries()) {
        parts.push({
          name: `bell_${i + 1}`,
          group: 'hands',
          solid: kit.sphere(r * 0.35, 16).translate(s * r * 0.6, cy + r * 0.85, 0),
        });
        parts.push({
          name: `foot_${i + 1}`,
          group: 'hands',
          solid: kit.cylinderBetween([s * r * 0.5, cy - r * 0.8, 0], [s * r * 0.8, 0, 0], 0.005, {
            segments: 8,
          }),
        });
      }
      return parts;
    }
    const r = rng.range(0.14, 0.2) * size.width;
    const d = rng.range(0.04, 0.06);
    parts.push({
      name: 'case',
      group: 'case',
      solid: turned(
        kit,
        [
          [r, 0],
          [r, d],
          [r * 0.93, d],
        ],
        1,
        48,
      )
        .rotate(90, 0, 0)
        .translate(0, r, 0),
    });
    parts.push({
      name: 'face',
      group: 'face',
      solid: kit
        .cylinder(r * 0.92, 0.004, { segments: 48 })
        .rotate(90, 0, 0)
        .translate(0, r, d + 0.001),
    });
    parts.push({ name: 'hands', group: 'hands', solid: hands(0, r, d + 0.006, r * 0.9) });
    return parts;
  },
};

export const globe: FamilyDefinition = {
  id: 'globe',
  category: 'decor',
  nouns: [{ word: 'globe' }, { word: 'world globe' }, { word: 'terrestrial globe' }],
  groups: [
    colored('sphere', ['sphere', 'globe', 'ball', 'world'], 'paper', {
      color: 'steelblue',
      pattern: { id: 'spots', color2: 'olivedrab' },
    }),
    structural('stand', ['stand', 'base', 'arc', 'meridian'], 'brass'),
  ],
  size: { width: [0.21, 0.41], height: [0.25, 0.5], depth: [0.19, 0.37] },
  build({ kit, rng, size }) {
    const r = rng.range(0.1, 0.17) * size.width;
    const baseR = r * 0.6;
    const stemH = r * rng.range(0.4, 0.6);
    const cy = stemH + r * 1.1;
    return [
      {
        name: 'base',
        group: 'stand',
        solid: turned(
          kit,
          [
            [baseR, 0],
            [baseR, 0.015],
            [baseR * 0.3, 0.03],
            [0.012, stemH],
          ],
          2,
          32,
        ),
        uv: cyl,
      },
      { name: 'sphere', group: 'sphere', solid: kit.sphere(r, 40).rotate(0, 0, 23).translate(0, cy, 0) },
      {
        name: 'meridian',
        group: 'stand',
        solid: torus(kit, r * 1.08, 0.004, 0, 48, 8)
          .rotate(90, 0, 23)
          .translate(0, cy, 0),
      },
      {
        name: 'post',
        group: 'stand',
        solid: kit
          .cylinder(0.008, cy - r * 1.08 - stemH + 0.01, { segments: 10 })
          .translate(0, stemH - 0.005, 0),
      },
    ];
  },
};

export const hourglass: FamilyDefinition = {
  id: 'hourglass',
  category: 'decor',
  nouns: [{ word: 'hourglass' }, { word: 'sandglass' }, { word: 'egg timer' }, { word: 'sand timer' }],
  groups: [
    main('frame', ['frame', 'caps', 'posts', 'stand'], 'wood'),
    accent('glass', ['glass', 'bulb', 'bulbs'], 'glass'),
    accent('sand', ['sand'], 'stone', { color: 'sand' }),
  ],
  size: { width: [0.077, 0.2], height: [0.14, 0.32], depth: [0.077, 0.2] },
  build({ kit, rng, size }) {
    const h = rng.range(0.15, 0.3) * size.height;
    const r = h * rng.range(0.22, 0.28) * size.width;
    const capT = h * 0.06;
    const g = h - 2 * capT;
    const glass = turned(
      kit,
      [
        [r * 0.6, 0],
        [r * 0.95, g * 0.2],
        [r * 0.5, g * 0.4],
        [r * 0.08, g * 0.5],
        [r * 0.5, g * 0.6],
        [r * 0.95, g * 0.8],
        [r * 0.6, g],
      ],
      3,
      28,
    ).translate(0, capT - 0.001, 0);
    const sand = turned(
      kit,
      [
        [r * 0.55, 0],
        [r * 0.7, g * 0.1],
        [0.0001, g * 0.25],
      ],
      2,
      24,
    ).translate(0, capT + 0.002, 0);
    const cap = (y: number) => kit.cylinder(r * 1.15, capT, { segments: 32 }).translate(0, y, 0);
    const posts: Solid[] = [0, 1, 2].map((i) => {
      const a = (i / 3) * Math.PI * 2;
      return kit
        .cylinder(r * 0.08, g + 0.004, { segments: 8 })
        .translate(Math.cos(a) * r * 1.02, capT - 0.002, Math.sin(a) * r * 1.02);
    });
    return [
      { name: 'base', group: 'frame', solid: cap(0), uv: cyl },
      { name: 'top', group: 'frame', solid: cap(h - capT), uv: cyl },
      { name: 'posts', group: 'frame', solid: kit.compose(posts) },
      { name: 'glass', group: 'glass', solid: glass, uv: cyl },
      { name: 'sand', group: 'sand', solid: sand, uv: cyl },
    ];
  },
};

export const trophy: FamilyDefinition = {
  id: 'trophy',
  category: 'decor',
  nouns: [
    { word: 'trophy' },
    { word: 'cup trophy' },
    { word: 'award' },
    { word: 'prize' },
    { word: 'loving cup' },
  ],
  groups: [
    structural('cup', ['cup', 'bowl', 'handles', 'body'], 'gold'),
    main('base', ['base', 'plinth', 'stand'], 'marble', { color: 'black' }),
  ],
  size: { width: [0.12, 0.35], height: [0.21, 0.48], depth: [0.091, 0.25] },
  build({ kit, rng, size }) {
    const h = rng.range(0.22, 0.45) * size.height;
    const r = h * rng.range(0.2, 0.28) * size.width;
    const baseH = h * 0.2;
    const baseW = r * 1.5;
    const stemH = h * 0.25;
    const cupH = h - baseH - stemH;
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'base',
      group: 'base',
      solid: kit.boxBetween([-baseW / 2, 0, -baseW / 2], [baseW / 2, baseH, baseW / 2]),
    });
    parts.push({
      name: 'stem',
      group: 'cup',
      solid: turned(
        kit,
        [
          [r * 0.5, 0],
          [r * 0.15, stemH * 0.3],
          [r * 0.2, stemH * 0.6],
          [r * 0.12, stemH],
        ],
        3,
        24,
      ).translate(0, baseH - 0.002, 0),
      uv: cyl,
    });
    const y0 = baseH + stemH - 0.004;
    parts.push({
      name: 'cup',
      group: 'cup',
      solid: vessel(
        kit,
        [
          [r * 0.25, 0],
          [r * 0.8, cupH * 0.35],
          [r, cupH],
        ],
        0.003,
        0.01,
        4,
        40,
      ).translate(0, y0, 0),
      uv: cyl,
    });
    for (const [i, s] of [-1, 1].entries()) {
      const path = bezier(
        [s * r * 0.9, y0 + cupH * 0.85, 0],
        [s * r * 1.9, y0 + cupH * 0.8, 0],
        [s * r * 0.5, y0 + cupH * 0.25, 0],
        12,
      );
      parts.push({
        name: `handle_${i + 1}`,
        group: 'cup',
        solid: kit.tube(path, Math.max(0.004, r * 0.07), { segments: 8 }),
      });
    }
    return parts;
  },
};

export const rug: FamilyDefinition = {
  id: 'rug',
  category: 'decor',
  nouns: [
    { word: 'rug' },
    { word: 'carpet' },
    { word: 'mat' },
    { word: 'doormat', variant: 'doormat' },
    { word: 'runner', variant: 'runner' },
  ],
  variantWords: { round: 'round', persian: 'rect', oriental: 'rect' },
  groups: [
    colored('rug', ['rug', 'carpet', 'mat', 'pile'], 'wool', {
      color: 'maroon',
      takesMainMaterial: true,
      pattern: { id: 'plaid', color2: 'tan' },
    }),
  ],
  size: { width: [0.55, 3], height: [0.0078, 0.02], depth: [0.37, 2.2] },
  build({ kit, rng, variant, size, anchors }) {
    const t = rng.range(0.008, 0.018) * Math.min(1.3, size.height);
    if (variant === 'round') {
      const r = rng.range(0.6, 1.0) * size.width;
      anchors.rest = { y: t, min: [-r * 0.7, -r * 0.7], max: [r * 0.7, r * 0.7] };
      return [
        {
          name: 'rug',
          group: 'rug',
          solid: turned(
            kit,
            [
              [r, 0],
              [r, t * 0.7],
              [r * 0.99, t],
            ],
            1,
            64,
          ),
        },
      ];
    }
    const w =
      (variant === 'doormat'
        ? rng.range(0.6, 0.8)
        : variant === 'runner'
          ? rng.range(2.0, 2.8)
          : rng.range(1.5, 2.8)) * size.width;
    const d =
      (variant === 'doormat'
        ? rng.range(0.4, 0.5)
        : variant === 'runner'
          ? rng.range(0.6, 0.8)
          : w * rng.range(0.6, 0.75)) * size.depth;
    anchors.rest = { y: t, min: [-w / 2, -d / 2], max: [w / 2, d / 2] };
    return [
      {
        name: 'rug',
        group: 'rug',
        solid: kit
          .extrude(roundedRect(w / 2, d / 2, 0.01), t)
          .rotate(90, 0, 0)
          .translate(0, t / 2, 0),
      },
    ];
  },
};

export const pillow: FamilyDefinition = {
  id: 'pillow',
  category: 'decor',
  nouns: [
    { word: 'pillow' },
    { word: 'cushion' },
    { word: 'throw pillow' },
    { word: 'bolster', variant: 'bolster' },
  ],
  groups: [
    colored('pillow', ['pillow', 'cushion', 'cover', 'case'], 'cotton', {
      color: 'white',
      takesMainMaterial: true,
    }),
  ],
  size: { width: [0.37, 0.67], height: [0.11, 0.23], depth: [0.15, 0.61] },
  build(ctx) {
    const { rng, variant, size } = ctx;
    if (variant === 'bolster') {
      const len = rng.range(0.45, 0.6) * size.width;
      const r = rng.range(0.08, 0.1);
      return [
        {
          name: 'pillow',
          group: 'pillow',
          solid: turned(
            ctx.kit,
            [
              [r * 0.6, 0],
              [r, 0.04],
              [r, len - 0.04],
              [r * 0.6, len],
            ],
            3,
            28,
          )
            .rotate(0, 0, 90)
            .translate(len / 2, r, 0),
        },
      ];
    }
    const w = rng.range(0.4, 0.6) * size.width;
    const d = w * rng.range(0.6, 1.0) * size.depth;
    const t = rng.range(0.12, 0.18) * size.height;
    // A plump square: a rounded slab, refined, whose middle swells and whose corners pinch.
    const slab = ctx.kit.roundedBox([w, t * 0.45, d], t * 0.2, 6);
    const solid = ctx.kit.wrap(slab.manifold.refine(5)).warp((xyz, n) => {
      for (let i = 0; i < n; i++) {
        const x = xyz[i * 3] / (w / 2);
        const z = xyz[i * 3 + 2] / (d / 2);
        const swell = Math.max(0, (1 - x * x) * (1 - z * z));
        xyz[i * 3 + 1] = xyz[i * 3 + 1] * (1 + swell * 1.3) + t / 2;
      }
    });
    return [{ name: 'pillow', group: 'pillow', solid, creaseAngle: 80 }];
  },
};

export const bell: FamilyDefinition = {
  id: 'bell',
  category: 'decor',
  nouns: [
    { word: 'bell' },
    { word: 'handbell', variant: 'hand' },
    { word: 'church bell' },
    { word: 'cowbell', variant: 'hand' },
    { word: 'jingle bell', variant: 'hand' },
  ],
  groups: [
    structural('bell', ['bell', 'body', 'shell'], 'bronze'),
    accent('clapper', ['clapper', 'tongue'], 'iron'),
    accent('handle', ['handle', 'crown', 'yoke'], 'wood', { color: 'brown' }),
  ],
  size: { width: [0.091, 0.89], height: [0.15, 0.79], depth: [0.091, 0.89] },
  build({ kit, rng, variant, size }) {
    const hand = variant === 'hand';
    const h = (hand ? rng.range(0.08, 0.1) : rng.range(0.4, 0.6)) * size.height;
    const r = h * rng.range(0.6, 0.72) * size.width;
    const wall = Math.max(0.003, r * 0.06);
    const outer: Array<[number, number]> = [
      [r, 0],
      [r * 0.9, h * 0.08],
      [r * 0.62, h * 0.35],
      [r * 0.55, h * 0.8],
      [r * 0.3, h],
    ];
    const profile: Array<[number, number]> = [
      ...outer,
      [0.0001, h],
      [0.0001, h - wall],
      [r * 0.5 - wall, h * 0.8 - wall * 0.5],
      [r * 0.57 - wall, h * 0.35],
      [r * 0.85 - wall, h * 0.09],
      [r - wall * 1.2, 0],
    ];
    const parts: BuiltPart[] = [
      { name: 'bell', group: 'bell', solid: kit.revolve(profile, { segments: 40 }), uv: cyl },
      {
        name: 'clapper',
        group: 'clapper',
        solid: kit
          .sphere(r * 0.14, 12)
          .translate(0, h * 0.12, 0)
          .add(kit.cylinder(r * 0.03, h * 0.8, { segments: 8 }).translate(0, h * 0.12, 0)),
      },
    ];
    if (hand)
      parts.push({
        name: 'handle',
        group: 'handle',
        solid: turned(
          kit,
          [
            [r * 0.25, 0],
            [r * 0.15, h * 0.3],
            [r * 0.22, h * 0.9],
            [r * 0.15, h * 1.1],
          ],
          3,
          16,
        ).translate(0, h - 0.002, 0),
        uv: cyl,
      });
    else
      parts.push({
        name: 'handle',
        group: 'handle',
        solid: torus(kit, r * 0.15, r * 0.04, 0, 20, 8)
          .rotate(90, 0, 0)
          .translate(0, h + r * 0.15, 0),
      });
    return parts;
  },
};

export const snowGlobe: FamilyDefinition = {
  id: 'snow globe',
  category: 'decor',
  nouns: [
    { word: 'snow globe' },
    { word: 'snowglobe' },
    { word: 'crystal ball', variant: 'crystal' },
    { word: 'orb', variant: 'crystal' },
  ],
  groups: [
    accent('glass', ['glass', 'dome', 'sphere', 'ball', 'orb'], 'glass'),
    main('base', ['base', 'stand'], 'wood', { color: 'brown' }),
    accent('scene', ['tree', 'scene', 'house', 'figure'], 'foliage'),
  ],
  variantMaterials: { crystal: { glass: ['crystal', 'lavender'], base: 'brass' } },
  size: { width: [0.1, 0.21], height: [0.11, 0.23], depth: [0.1, 0.21] },
  build({ kit, rng, variant, size }) {
    const r = rng.range(0.05, 0.09) * size.width;
    const baseH = r * rng.range(0.45, 0.6) * size.height;
    const parts: BuiltPart[] = [
      {
        name: 'base',
        group: 'base',
        solid: turned(
          kit,
          [
            [r * 1.05, 0],
            [r * 1.0, baseH * 0.8],
            [r * 0.75, baseH],
          ],
          2,
          32,
        ),
        uv: cyl,
      },
      { name: 'glass', group: 'glass', solid: kit.sphere(r, 40).translate(0, baseH + r * 0.85, 0) },
    ];
    if (variant !== 'crystal') {
      parts.push({
        name: 'scene',
        group: 'scene',
        solid: turned(
          kit,
          [
            [r * 0.35, 0],
            [r * 0.15, r * 0.3],
            [r * 0.25, r * 0.3],
            [0.0001, r * 0.9],
          ],
          1,
          10,
        ).translate(0, baseH + 0.002, 0),
      });
    }
    return parts;
  },
};

export const mirror: FamilyDefinition = {
  id: 'mirror',
  category: 'decor',
  nouns: [
    { word: 'mirror' },
    { word: 'looking glass' },
    { word: 'vanity mirror', variant: 'table' },
    { word: 'hand mirror', variant: 'hand' },
    { word: 'cheval mirror', variant: 'floor' },
  ],
  variantWords: { standing: 'floor', floor: 'floor', table: 'table', oval: 'oval', round: 'oval' },
  groups: [
    main('frame', ['frame', 'stand', 'border', 'handle'], 'wood'),
    accent('glass', ['glass', 'mirror', 'surface'], 'chrome'),
  ],
  size: { width: [0.11, 0.7], height: [0.023, 2.2], depth: [0.24, 0.54] },
  build({ kit, rng, variant, size }) {
    const floor = variant === 'floor';
    const hand = variant === 'hand';
    const oval = variant === 'oval' || hand || rng.chance(0.3);
    const w =
      (floor ? rng.range(0.45, 0.6) : hand ? rng.range(0.12, 0.15) : rng.range(0.3, 0.5)) * size.width;
    const h =
      (floor ? rng.range(1.4, 1.7) : hand ? rng.range(0.16, 0.2) : rng.range(0.45, 0.7)) * size.height;
    const border = Math.min(w, h) * 0.1;
    const t = 0.025;
    const parts: BuiltPart[] = [];
    const outline = (ww: number, hh: number) => (oval ? ellipse(ww / 2, hh / 2) : rect(ww / 2, hh / 2));
    const frame = kit.extrudeContours([outline(w, h), outline(w - 2 * border, h - 2 * border)], t);
    const glass = kit.extrude(outline(w - 2 * border + 0.004, h - 2 * border + 0.004), t * 0.4);
    const lift = floor ? 0.3 : hand ? 0 : 0;
    if (hand) {
      parts.push({ name: 'frame', group: 'frame', solid: frame.rotate(-90, 0, 0).translate(0, t / 2, 0) });
      parts.push({
        name: 'glass',
        group: 'glass',
        solid: glass.rotate(-90, 0, 0).translate(0, t / 2 + 0.002, 0),
      });
      parts.push({
        name: 'handle',
        group: 'frame',
        solid: kit.roundedBox([0.025, 0.015, 0.12], 0.006).translate(0, 0.0075, h / 2 + 0.055),
      });
      return parts;
    }
    const tilt = floor ? 5 : 15;
    const place = (s: Solid, dz = 0) =>
      s
        .translate(0, h / 2, dz)
        .rotate(-tilt, 0, 0)
        .translate(0, lift, 0);
    parts.push({ name: 'frame', group: 'frame', solid: place(frame) });
    parts.push({ name: 'glass', group: 'glass', solid: place(glass, t * 0.35) });
    if (floor) {
      for (const [i, s] of [-1, 1].entries()) {
        parts.push({
          name: `leg_${i + 1}`,
          group: 'frame',
          solid: kit.boxBetween(
            [s * (w / 2 + 0.01) - 0.015, 0, -0.25],
            [s * (w / 2 + 0.01) + 0.015, 0.04, 0.25],
          ),
        });
        parts.push({
          name: `post_${i + 1}`,
          group: 'frame',
          solid: kit.boxBetween(
            [s * (w / 2 + 0.01) - 0.015, 0.02, -0.015],
            [s * (w / 2 + 0.01) + 0.015, lift + h * 0.55, 0.015],
          ),
        });
      }
    } else {
      const rad = (tilt * Math.PI) / 180;
      const y = h * 0.6 * Math.cos(rad);
      const top: [number, number, number] = [0, y, -y * Math.tan(rad) - t * 0.6];
      parts.push({
        name: 'stand',
        group: 'frame',
        solid: kit.cylinderBetween([0, 0.005, top[2] - h * 0.35], top, 0.008, { segments: 6 }),
      });
    }
    return parts;
  },
};

function ellipse(rx: number, ry: number, n = 40): Array<[number, number]> {
  return Array.from({ length: n }, (_, i) => {
    const a = (i / n) * Math.PI * 2;
    return [Math.cos(a) * rx, Math.sin(a) * ry] as [number, number];
  });
}

export const bust: FamilyDefinition = {
  id: 'bust',
  category: 'decor',
  nouns: [
    { word: 'bust' },
    { word: 'statue', variant: 'statue' },
    { word: 'sculpture' },
    { word: 'figurine', variant: 'statue' },
    { word: 'head sculpture' },
    { word: 'idol', variant: 'statue' },
  ],
  groups: [
    main('figure', ['figure', 'head', 'body', 'bust', 'statue'], 'marble'),
    main('plinth', ['plinth', 'base', 'pedestal', 'stand'], 'marble'),
  ],
  size: { width: [0.15, 0.5], height: [0.21, 1.2], depth: [0.11, 0.33] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const statue = variant === 'statue';
    const k = (statue ? rng.range(0.7, 1.0) : rng.range(0.25, 0.32)) * size.height;
    const plinthH = statue ? k * 0.12 : k * 0.3;
    const pw = statue ? k * 0.3 : k * 0.5;
    const parts: BuiltPart[] = [
      {
        name: 'plinth',
        group: 'plinth',
        solid: kit.boxBetween([-pw / 2, 0, -pw / 2], [pw / 2, plinthH, pw / 2]),
      },
    ];
    const y = plinthH;
    const prims = statue
      ? humanoid(y, k)
      : [
          sdfEllipsoid([0, y + k * 0.1, 0], [k * 0.33, k * 0.14, k * 0.17]),
          sdfEllipsoid([0, y + k * 0.2, 0.01 * k], [k * 0.2, k * 0.1, k * 0.13], k * 0.06),
          sdfCapsule([0, y + k * 0.22, 0], [0, y + k * 0.38, 0], k * 0.065, k * 0.06, k * 0.05),
          sdfEllipsoid([0, y + k * 0.47, 0], [k * 0.1, k * 0.13, k * 0.115], k * 0.04),
          sdfEllipsoid([0, y + k * 0.4, k * 0.03], [k * 0.075, k * 0.065, k * 0.085], k * 0.04),
          sdfEllipsoid([0, y + k * 0.455, k * 0.11], [k * 0.018, k * 0.035, k * 0.03], k * 0.015),
          sdfEllipsoid([0, y + k * 0.53, -k * 0.02], [k * 0.106, k * 0.09, k * 0.118], k * 0.02),
        ];
    parts.push({
      name: 'figure',
      group: 'figure',
      mesh: ctx.sdf(prims, k * (statue ? 0.025 : 0.018)),
      creaseAngle: 70,
    });
    return parts;
  },
};

/** A standing figure (legs, torso, arms, head) on y, `h` tall, as blended primitives. */
export function humanoid(y: number, h: number) {
  const at = (px: number, py: number, pz: number): Vec3 => [px * h, y + py * h, pz * h];
  return [
    sdfCapsule(at(-0.06, 0.02, 0), at(-0.06, 0.46, 0), 0.045 * h, 0.06 * h, 0.03 * h),
    sdfCapsule(at(0.06, 0.02, 0), at(0.06, 0.46, 0), 0.045 * h, 0.06 * h, 0.03 * h),
    sdfEllipsoid(at(0, 0.62, 0), [0.13 * h, 0.18 * h, 0.08 * h], 0.05 * h),
    sdfCapsule(at(-0.15, 0.74, 0), at(-0.2, 0.45, 0.03), 0.04 * h, 0.032 * h, 0.03 * h),
    sdfCapsule(at(0.15, 0.74, 0), at(0.2, 0.45, 0.03), 0.04 * h, 0.032 * h, 0.03 * h),
    sdfCapsule(at(0, 0.78, 0), at(0, 0.85, 0), 0.04 * h, 0.04 * h, 0.02 * h),
    sdfEllipsoid(at(0, 0.91, 0.01), [0.065 * h, 0.08 * h, 0.07 * h], 0.03 * h),
  ];
}

// ---- books and paper -------------------------------------------------------------------------------

export const book: FamilyDefinition = {
  id: 'book',
  category: 'book',
  nouns: [
    { word: 'book' },
    { word: 'novel' },
    { word: 'hardcover' },
    { word: 'tome', variant: 'tome' },
    { word: 'spellbook', variant: 'tome' },
    { word: 'bible', variant: 'tome' },
    { word: 'dictionary', variant: 'tome' },
    { word: 'textbook' },
    { word: 'diary' },
    { word: 'journal' },
  ],
  hypernyms: ['publication', 'volume'],
  variantWords: { open: 'open', old: 'tome', ancient: 'tome', magic: 'tome', leather: 'tome', thick: 'tome' },
  variantMaterials: { tome: { cover: ['leather', 'brown'] } },
  groups: [
    colored('cover', ['cover', 'covers', 'spine', 'binding'], 'cardboard', {
      color: 'navy',
      takesMainMaterial: true,
    }),
    accent('pages', ['page', 'pages', 'paper'], 'paper', { color: 'ivory' }),
  ],
  size: { width: [0.12, 0.39], height: [0.015, 0.086], depth: [0.16, 0.41] },
  build({ kit, rng, variant, size }) {
    const tome = variant === 'tome';
    const w = (tome ? rng.range(0.2, 0.26) : rng.range(0.13, 0.18)) * size.width;
    const d = w * rng.range(1.3, 1.5) * size.depth;
    const t = (tome ? rng.range(0.05, 0.08) : rng.range(0.015, 0.04)) * size.height;
    const c = 0.003;
    if (variant === 'open') {
      const parts: BuiltPart[] = [];
      for (const [i, s] of [-1, 1].entries()) {
        const cover = kit
          .boxBetween([0, 0, -d / 2], [w, c, d / 2])
          .rotate(0, 0, s * 4)
          .translate(0, 0, 0);
        parts.push({
          name: `cover_${i + 1}`,
          group: 'cover',
          solid: s > 0 ? cover : cover.rotate(0, 180, 0),
        });
        parts.push({
          name: `pages_${i + 1}`,
          group: 'pages',
          solid: kit.hull([
            [0.004 * s, c, -d / 2 + 0.006],
            [0.004 * s, c, d / 2 - 0.006],
            [s * (w - 0.006), c, -d / 2 + 0.006],
            [s * (w - 0.006), c, d / 2 - 0.006],
            [s * w * 0.2, t * 0.6, -d / 2 + 0.006],
            [s * w * 0.2, t * 0.6, d / 2 - 0.006],
            [s * (w - 0.01), t * 0.35, -d / 2 + 0.006],
            [s * (w - 0.01), t * 0.35, d / 2 - 0.006],
            [0.002 * s, t * 0.3, -d / 2 + 0.006],
            [0.002 * s, t * 0.3, d / 2 - 0.006],
          ]),
        });
      }
      return parts;
    }
    const cover = kit
      .compose([
        kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, c, d / 2]),
        kit.boxBetween([-w / 2, t - c, -d / 2], [w / 2, t, d / 2]),
      ])
      .add(kit.boxBetween([-w / 2 - 0.002, 0, -d / 2], [-w / 2 + c, t, d / 2]));
    const pages = kit.boxBetween(
      [-w / 2 + c * 0.5, c - 0.0005, -d / 2 + 0.004],
      [w / 2 - 0.004, t - c + 0.0005, d / 2 - 0.004],
    );
    return [
      { name: 'cover', group: 'cover', solid: cover },
      { name: 'pages', group: 'pages', solid: pages },
    ];
  },
};

export const scroll: FamilyDefinition = {
  id: 'scroll',
  category: 'book',
  nouns: [
    { word: 'scroll' },
    { word: 'parchment' },
    { word: 'map', variant: 'map' },
    { word: 'treasure map', variant: 'map' },
  ],
  groups: [
    colored('paper', ['paper', 'parchment', 'sheet'], 'paper', { color: 'beige' }),
    main('rods', ['rod', 'rods', 'handles', 'ribbon'], 'wood', { color: 'brown' }),
  ],
  size: { width: [0.2, 0.43], height: [0.027, 0.061], depth: [0.033, 0.32] },
  build({ kit, rng, variant, size }) {
    const len = rng.range(0.22, 0.35) * size.width;
    const r = rng.range(0.015, 0.025);
    if (variant === 'map') {
      const d = rng.range(0.2, 0.3) * size.depth;
      return [
        {
          name: 'paper',
          group: 'paper',
          solid: kit.boxBetween([-len / 2, 0, -d / 2 + r], [len / 2, 0.002, d / 2 - r]),
        },
        {
          name: 'roll_1',
          group: 'paper',
          solid: kit
            .cylinder(r, len, { segments: 16 })
            .rotate(0, 0, -90)
            .translate(-len / 2, r, -d / 2 + r),
        },
        {
          name: 'roll_2',
          group: 'paper',
          solid: kit
            .cylinder(r * 0.8, len, { segments: 16 })
            .rotate(0, 0, -90)
            .translate(-len / 2, r * 0.8, d / 2 - r),
        },
      ];
    }
    return [
      {
        name: 'paper',
        group: 'paper',
        solid: kit
          .cylinder(r, len, { segments: 20 })
          .rotate(0, 0, -90)
          .translate(-len / 2, r, 0),
        uv: cyl,
      },
      {
        name: 'rods',
        group: 'rods',
        solid: kit
          .cylinder(r * 0.35, len + 0.05, { segments: 10 })
          .rotate(0, 0, -90)
          .translate(-len / 2 - 0.025, r, 0),
      },
      {
        name: 'ribbon',
        group: 'rods',
        solid: torus(kit, r * 1.02, 0.003, 0, 20, 6)
          .rotate(0, 0, 90)
          .translate(0, r, 0),
      },
    ];
  },
};

export const envelope: FamilyDefinition = {
  id: 'envelope',
  category: 'book',
  nouns: [
    { word: 'envelope' },
    { word: 'letter' },
    { word: 'postcard', variant: 'card' },
    { word: 'card', variant: 'card' },
  ],
  groups: [
    colored('paper', ['paper', 'envelope', 'flap'], 'paper', { color: 'white' }),
    accent('seal', ['seal', 'stamp', 'wax'], 'wax', { color: 'crimson', optional: 'on' }),
  ],
  size: { width: [0.15, 0.24], height: [0.0018, 0.0074], depth: [0.084, 0.15] },
  build({ kit, rng, variant, size, has }) {
    const w = rng.range(0.16, 0.22) * size.width;
    const d = w * rng.range(0.55, 0.65) * size.depth;
    const t = 0.002;
    const parts: BuiltPart[] = [
      { name: 'paper', group: 'paper', solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, t, d / 2]) },
    ];
    if (variant !== 'card') {
      const flap = kit
        .extrude(
          [
            [-w / 2, 0],
            [w / 2, 0],
            [0, d * 0.55],
          ],
          0.001,
        )
        .rotate(90, 0, 0)
        .translate(0, t + 0.0004, -d / 2 - 0.00001);
      parts.push({ name: 'flap', group: 'paper', solid: flap });
      if (has('seal'))
        parts.push({
          name: 'seal',
          group: 'seal',
          solid: kit.cylinder(0.012, 0.004, { segments: 16 }).translate(0, t + 0.0008, d * 0.05),
        });
    }
    return parts;
  },
};

export const pencil: FamilyDefinition = {
  id: 'pencil',
  category: 'book',
  nouns: [
    { word: 'pencil' },
    { word: 'crayon', variant: 'crayon' },
    { word: 'colored pencil' },
    { word: 'colour pencil' },
  ],
  groups: [
    colored('body', ['body', 'shaft', 'barrel', 'wood'], 'wood', { color: 'yellow' }),
    accent('tip', ['tip', 'lead', 'point'], 'wood', { color: 'tan' }),
    accent('eraser', ['eraser', 'rubber', 'ferrule'], 'rubber', { color: 'pink', optional: 'on' }),
  ],
  variantMaterials: { crayon: { body: ['wax', 'red'], tip: ['wax', 'red'] } },
  size: { width: [0.067, 0.21], height: [0.0069, 0.012], depth: [0.0069, 0.012] },
  build({ kit, rng, variant, size, has }) {
    const crayon = variant === 'crayon';
    const len = (crayon ? rng.range(0.085, 0.095) : rng.range(0.16, 0.19)) * size.width;
    const r = crayon ? 0.0055 : 0.0036;
    const tipL = crayon ? 0.012 : 0.02;
    const seg = crayon ? 16 : 6;
    const along = (s: Solid, x: number) => s.rotate(0, 0, -90).translate(x, r, 0);
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: along(kit.cylinder(r, len - tipL - 0.012, { segments: seg }), -len / 2 + 0.012),
      },
      {
        name: 'tip',
        group: 'tip',
        solid: along(
          turned(
            kit,
            [
              [r, 0],
              [r * 0.3, tipL * 0.8],
              [0.0001, tipL],
            ],
            1,
            seg,
          ),
          len / 2 - tipL - 0.0005,
        ),
      },
    ];
    if (has('eraser') && !crayon) {
      parts.push({
        name: 'ferrule',
        group: 'eraser',
        solid: along(kit.cylinder(r * 1.05, 0.008, { segments: 12 }), -len / 2 + 0.0045),
      });
      parts.push({
        name: 'eraser',
        group: 'eraser',
        solid: along(kit.cylinder(r * 0.98, 0.0055, { segments: 12 }), -len / 2),
      });
    }
    return parts;
  },
};

export const pen: FamilyDefinition = {
  id: 'pen',
  category: 'book',
  nouns: [
    { word: 'pen' },
    { word: 'ballpoint' },
    { word: 'fountain pen', variant: 'fountain' },
    { word: 'quill', variant: 'quill' },
    { word: 'marker' },
  ],
  groups: [
    colored('body', ['body', 'barrel', 'cap', 'feather'], 'plastic', {
      color: 'navy',
      takesMainMaterial: true,
    }),
    accent('nib', ['nib', 'tip', 'clip'], 'gold'),
  ],
  variantMaterials: { quill: { body: ['feather', 'white'] } },
  size: { width: [0.12, 0.42], height: [0.0045, 0.015], depth: [0.0082, 0.038] },
  build({ kit, rng, variant, size }) {
    if (variant === 'quill') {
      const len = rng.range(0.25, 0.3) * size.width;
      const vane = kit
        .extrude(
          [
            [0, 0],
            [len * 0.35, 0.015],
            [len * 0.9, 0.025],
            [len, 0.004],
            [len * 0.3, -0.01],
          ],
          0.002,
        )
        .rotate(90, 0, 0)
        .translate(-len / 2, 0.003, 0);
      return [
        { name: 'body', group: 'body', solid: vane },
        {
          name: 'nib',
          group: 'nib',
          solid: kit
            .cylinder(0.0025, len * 0.3, { radiusTop: 0.0005, segments: 8 })
            .rotate(0, 0, 90)
            .translate(-len / 2 + 0.002, 0.003, 0),
        },
      ];
    }
    const len = rng.range(0.13, 0.15) * size.width;
    const r = variant === 'fountain' ? 0.0065 : 0.0045;
    const body = turned(
      kit,
      [
        [r * 0.6, 0],
        [r, 0.01],
        [r, len * 0.85],
        [r * 0.8, len],
      ],
      1,
      16,
    )
      .rotate(0, 0, 90)
      .translate(len / 2, r, 0);
    const nib = turned(
      kit,
      [
        [r * 0.6, 0],
        [0.0004, 0.014],
      ],
      1,
      12,
    )
      .rotate(0, 0, 90)
      .translate(len / 2 + 0.0005, r, 0);
    const clip = kit
      .boxBetween([-len / 2 + 0.01, r * 1.8, -0.0015], [-len / 2 + 0.05, r * 2.1, 0.0015])
      .add(kit.boxBetween([-len / 2 + 0.008, r * 0.5, -0.0015], [-len / 2 + 0.013, r * 2.1, 0.0015]));
    return [
      { name: 'body', group: 'body', solid: body },
      { name: 'nib', group: 'nib', solid: nib },
      { name: 'clip', group: 'nib', solid: clip },
    ];
  },
};

export const notebook: FamilyDefinition = {
  id: 'notebook',
  category: 'book',
  nouns: [
    { word: 'notebook' },
    { word: 'notepad' },
    { word: 'sketchbook' },
    { word: 'spiral notebook' },
    { word: 'jotter' },
  ],
  groups: [
    colored('cover', ['cover', 'covers'], 'cardboard', { color: 'teal', takesMainMaterial: true }),
    accent('pages', ['page', 'pages', 'paper'], 'paper', { color: 'white' }),
    accent('spiral', ['spiral', 'binding', 'rings', 'coil'], 'steel'),
  ],
  size: { width: [0.13, 0.25], height: [0.01, 0.02], depth: [0.17, 0.33] },
  build({ kit, rng, size }) {
    const w = rng.range(0.14, 0.22) * size.width;
    const d = w * rng.range(1.3, 1.45) * size.depth;
    const t = rng.range(0.008, 0.015) * size.height;
    const rings: Solid[] = [];
    // About one ring per 12 mm, capped so a stretched notebook stays inside the triangle budget.
    const n = Math.min(30, Math.floor(d / 0.012));
    for (let i = 0; i < n; i++)
      rings.push(
        torus(kit, t * 0.6, 0.0008, 0, 10, 5)
          .rotate(90, 0, 0)
          .translate(-w / 2 + t * 0.2, t / 2, -d / 2 + (i + 0.5) * (d / n)),
      );
    return [
      {
        name: 'cover',
        group: 'cover',
        solid: kit.compose([
          kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, 0.0015, d / 2]),
          kit.boxBetween([-w / 2, t - 0.0015, -d / 2], [w / 2, t, d / 2]),
        ]),
      },
      {
        name: 'pages',
        group: 'pages',
        solid: kit.boxBetween(
          [-w / 2 + 0.002, 0.001, -d / 2 + 0.002],
          [w / 2 - 0.002, t - 0.001, d / 2 - 0.002],
        ),
      },
      { name: 'spiral', group: 'spiral', solid: kit.compose(rings) },
    ];
  },
};

export const DECOR: FamilyDefinition[] = [
  pictureFrame,
  wallClock,
  globe,
  hourglass,
  trophy,
  rug,
  pillow,
  bell,
  snowGlobe,
  mirror,
  bust,
];
export const BOOKS: FamilyDefinition[] = [book, scroll, envelope, pencil, pen, notebook];
