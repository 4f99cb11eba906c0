import type { Vec3 } from '../../../asset/asset.js';
import type { ProfilePoint, Solid } from '../../../geometry/solid.js';
import { accent, bezier, colored, leafOutline, torus, turned } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition, PartGroup } from './types.js';

/**
 * Fruit, vegetables and food at real size. Round fruit share one builder: a turned body with dimples at
 * stem and base, seeded lumps, a stem and sometimes a leaf.
 */

const cyl = { kind: 'cylindrical' } as const;

interface FruitShape {
  /** Radius range and height/width ratio. */
  r: [number, number];
  tall: number;
  /** Profile control points for a unit fruit (radius 1 at the widest, height 1), bottom to top. */
  profile: ProfilePoint[];
  stem?: { len: number; r: number };
  leaf?: boolean;
  /** Radial ribs (pumpkin) or lumps amplitude. */
  ribs?: number;
  ribDepth?: number;
  /** Lying on its side (lemons). */
  side?: boolean;
}

function fruitBody(ctx: BuildContext, shape: FruitShape, parts: BuiltPart[]): { r: number; h: number } {
  const { kit, rng, size } = ctx;
  const r = rng.range(shape.r[0], shape.r[1]) * size.width;
  const h = r * 2 * shape.tall * rng.range(0.95, 1.05) * size.height;
  const controls = shape.profile.map(([x, y]) => [x * r, y * h] as ProfilePoint);
  let body = turned(kit, controls, 5, 32);
  const ribs = shape.ribs ?? 0;
  const depth = shape.ribDepth ?? 0;
  const seedPhase = rng.range(0, Math.PI * 2);
  const lumpy = rng.range(0.01, 0.035);
  body = body.warp((xyz, n) => {
    for (let i = 0; i < n; i++) {
      const x = xyz[i * 3];
      const z = xyz[i * 3 + 2];
      const a = Math.atan2(z, x);
      const k =
        1 -
        (ribs > 0 ? depth * (1 - Math.abs(Math.cos((a * ribs) / 2))) : 0) +
        lumpy * Math.sin(a * 3 + seedPhase) * Math.sin((xyz[i * 3 + 1] * 9) / h);
      xyz[i * 3] = x * k;
      xyz[i * 3 + 2] = z * k;
    }
  });
  if (shape.side) body = body.rotate(0, 0, 90).translate(h / 2, r, 0);
  parts.push({ name: 'body', group: 'body', solid: body, uv: shape.side ? undefined : cyl, creaseAngle: 60 });
  if (shape.stem && ctx.has('stem')) {
    const top = controls[controls.length - 1][1];
    const sl = shape.stem.len * r;
    const lean = rng.range(-0.3, 0.3) * sl;
    const stemPath = bezier([0, top - sl * 0.3, 0], [0, top + sl * 0.5, 0], [lean, top + sl, lean * 0.5], 6);
    const stem = kit.tube(stemPath, shape.stem.r * r, { segments: 6 });
    parts.push({
      name: 'stem',
      group: 'stem',
      solid: shape.side ? stem.rotate(0, 0, 90).translate(h / 2, r, 0) : stem,
    });
    if (shape.leaf && ctx.has('leaf')) {
      const leaf = kit
        .extrude(leafOutline(r * 1.1, r * 0.35), 0.0015)
        .rotate(-70, 0, 0)
        .rotate(0, rng.range(0, 360), 0)
        .translate(0, top + sl * 0.4, 0);
      parts.push({
        name: 'leaf',
        group: 'leaf',
        solid: shape.side ? leaf.rotate(0, 0, 90).translate(h / 2, r, 0) : leaf,
      });
    }
  }
  return { r, h };
}

const stemGroup = accent('stem', ['stem', 'stalk'], 'wood', { color: 'saddlebrown', optional: 'on' });
const leafGroup = accent('leaf', ['leaf', 'leaves'], 'foliage', { optional: 'on' });
const skin = (color: string, extra: Partial<PartGroup> = {}) =>
  colored('body', ['body', 'skin', 'peel', 'fruit'], 'peel', { color, takesMainMaterial: true, ...extra });

function fruit(
  id: string,
  nouns: FamilyDefinition['nouns'],
  color: string,
  shape: FruitShape,
  size: FamilyDefinition['size'],
  extra: Partial<FamilyDefinition> = {},
  bodyExtra: Partial<PartGroup> = {},
): FamilyDefinition {
  return {
    id,
    category: 'food',
    nouns,
    groups: [skin(color, bodyExtra), stemGroup, leafGroup],
    size,
    build(ctx) {
      const parts: BuiltPart[] = [];
      fruitBody(ctx, shape, parts);
      return parts;
    },
    ...extra,
  };
}

const ROUND: ProfilePoint[] = [
  [0.0001, 0.04],
  [0.45, 0.0],
  [0.85, 0.15],
  [1, 0.45],
  [0.9, 0.82],
  [0.45, 1.0],
  [0.12, 0.93],
  [0.0001, 0.9],
];

export const apple = fruit(
  'apple',
  [{ word: 'apple' }, { word: 'green apple', variant: 'green' }, { word: 'crab apple' }],
  'red',
  { r: [0.035, 0.045], tall: 0.92, profile: ROUND, stem: { len: 0.45, r: 0.06 }, leaf: true },
  { width: [0.065, 0.097], height: [0.074, 0.11], depth: [0.065, 0.097] },
  {
    variantWords: { green: 'green', granny: 'green', golden: 'yellow', yellow: 'yellow' },
    variantMaterials: { green: { body: ['peel', 'yellowgreen'] }, yellow: { body: ['peel', 'gold'] } },
  },
);

export const pear = fruit(
  'pear',
  [{ word: 'pear' }],
  'yellowgreen',
  {
    r: [0.032, 0.04],
    tall: 1.45,
    profile: [
      [0.0001, 0.03],
      [0.5, 0.0],
      [0.92, 0.12],
      [1, 0.3],
      [0.7, 0.58],
      [0.45, 0.8],
      [0.32, 0.96],
      [0.0001, 1],
    ],
    stem: { len: 0.5, r: 0.06 },
    leaf: false,
  },
  { width: [0.06, 0.088], height: [0.1, 0.15], depth: [0.06, 0.088] },
);

export const orange = fruit(
  'orange',
  [
    { word: 'orange' },
    { word: 'tangerine', variant: 'small' },
    { word: 'mandarin', variant: 'small' },
    { word: 'clementine', variant: 'small' },
    { word: 'grapefruit' },
  ],
  'darkorange',
  {
    r: [0.035, 0.045],
    tall: 0.95,
    profile: [
      [0.0001, 0.01],
      [0.6, 0.02],
      [0.95, 0.25],
      [1, 0.5],
      [0.95, 0.75],
      [0.6, 0.98],
      [0.0001, 0.99],
    ],
    stem: { len: 0.1, r: 0.1 },
    leaf: true,
  },
  { width: [0.065, 0.098], height: [0.077, 0.12], depth: [0.066, 0.098] },
);

export const peach = fruit(
  'peach',
  [{ word: 'peach' }, { word: 'nectarine' }, { word: 'apricot' }, { word: 'plum', variant: 'plum' }],
  'sandybrown',
  {
    r: [0.03, 0.04],
    tall: 0.95,
    profile: ROUND,
    stem: { len: 0.2, r: 0.07 },
    leaf: true,
    ribs: 1,
    ribDepth: 0.05,
  },
  { width: [0.054, 0.084], height: [0.062, 0.095], depth: [0.055, 0.085] },
  { variantMaterials: { plum: { body: ['peel', 'purple'] } } },
);

export const tomato = fruit(
  'tomato',
  [{ word: 'tomato' }, { word: 'cherry tomato', variant: 'small' }],
  'red',
  {
    r: [0.03, 0.042],
    tall: 0.8,
    profile: ROUND,
    stem: { len: 0.15, r: 0.08 },
    leaf: true,
    ribs: 6,
    ribDepth: 0.05,
  },
  { width: [0.056, 0.091], height: [0.054, 0.086], depth: [0.054, 0.088] },
);

export const pumpkin = fruit(
  'pumpkin',
  [{ word: 'pumpkin' }, { word: 'jack o lantern' }, { word: 'gourd' }, { word: 'squash' }],
  'darkorange',
  {
    r: [0.12, 0.2],
    tall: 0.7,
    profile: [
      [0.0001, 0.08],
      [0.5, 0],
      [0.92, 0.2],
      [1, 0.5],
      [0.88, 0.85],
      [0.35, 1],
      [0.12, 0.9],
      [0.0001, 0.88],
    ],
    stem: { len: 0.3, r: 0.1 },
    leaf: false,
    ribs: 10,
    ribDepth: 0.1,
  },
  { width: [0.23, 0.43], height: [0.18, 0.34], depth: [0.22, 0.42] },
);

export const lemon = fruit(
  'lemon',
  [
    { word: 'lemon' },
    { word: 'lime fruit', variant: 'lime' },
    // Also a colour: "a lime" is the fruit, "a lime chair" a colour, as the last noun is the object.
    { word: 'lime', variant: 'lime' },
  ],
  'gold',
  {
    r: [0.025, 0.032],
    tall: 1.3,
    profile: [
      [0.0001, 0],
      [0.25, 0.04],
      [0.8, 0.25],
      [1, 0.5],
      [0.8, 0.75],
      [0.25, 0.96],
      [0.0001, 1],
    ],
    side: true,
  },
  { width: [0.061, 0.091], height: [0.046, 0.069], depth: [0.046, 0.069] },
  { variantMaterials: { lime: { body: ['peel', 'limegreen'] } } },
);

export const cherry: FamilyDefinition = {
  id: 'cherry',
  category: 'food',
  nouns: [{ word: 'cherry' }],
  groups: [skin('crimson'), stemGroup, leafGroup],
  size: { width: [0.049, 0.073], height: [0.044, 0.065], depth: [0.02, 0.031] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const r = rng.range(0.011, 0.014) * size.width;
    const gap = r * 1.4;
    const parts: BuiltPart[] = [];
    const stems: Solid[] = [];
    for (const [i, x] of [-gap, gap].entries()) {
      parts.push({
        name: `cherry_${i + 1}`,
        group: 'body',
        solid: turned(
          kit,
          ROUND.map(([a, b]) => [a * r, b * r * 1.9] as ProfilePoint),
          4,
          20,
        ).translate(x, 0, 0),
      });
      stems.push(
        kit.tube(bezier([x, r * 1.7, 0], [x * 0.8, r * 3.5, 0], [0.0, r * 4.2, 0], 8), 0.0012, {
          segments: 5,
        }),
      );
    }
    if (ctx.has('stem')) parts.push({ name: 'stems', group: 'stem', solid: kit.union(stems) });
    return parts;
  },
};

export const strawberry: FamilyDefinition = {
  id: 'strawberry',
  category: 'food',
  nouns: [{ word: 'strawberry' }, { word: 'raspberry', variant: 'rasp' }, { word: 'berry' }],
  groups: [
    skin('red', { pattern: { id: 'dots', color2: 'khaki' } }),
    accent('leaf', ['leaf', 'leaves', 'calyx', 'top', 'stem'], 'foliage', { optional: 'on' }),
  ],
  size: { width: [0.024, 0.041], height: [0.028, 0.048], depth: [0.023, 0.041] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const r = rng.range(0.012, 0.018) * size.width;
    const h = r * 2.4 * size.height;
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: turned(
          kit,
          [
            [0.0001, 0],
            [r * 0.5, h * 0.2],
            [r, h * 0.7],
            [r * 0.8, h * 0.95],
            [0.0001, h],
          ],
          4,
          20,
        )
          .rotate(180, 0, 0)
          .translate(0, h, 0),
      },
    ];
    if (ctx.has('leaf')) {
      const star: Array<[number, number]> = [];
      for (let i = 0; i < 10; i++) {
        const a = (i / 10) * Math.PI * 2;
        const rr = i % 2 === 0 ? r * 1.1 : r * 0.35;
        star.push([Math.cos(a) * rr, Math.sin(a) * rr]);
      }
      parts.push({
        name: 'leaf',
        group: 'leaf',
        solid: kit
          .extrude(star, 0.0015)
          .rotate(90, 0, 0)
          .translate(0, h * 0.02, 0)
          .translate(0, 0, 0)
          .rotate(180, 0, 0)
          .translate(0, h + 0.0008, 0),
      });
    }
    return parts;
  },
};

export const banana: FamilyDefinition = {
  id: 'banana',
  category: 'food',
  nouns: [{ word: 'banana' }, { word: 'plantain' }],
  groups: [skin('gold'), accent('tips', ['tip', 'tips', 'stem', 'end'], 'wood', { color: 'saddlebrown' })],
  size: { width: [0.17, 0.25], height: [0.048, 0.07], depth: [0.029, 0.041] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const len = rng.range(0.16, 0.2) * size.width;
    const r = rng.range(0.016, 0.019) * Math.sqrt(size.width);
    const bend = len * rng.range(0.22, 0.3);
    const path = bezier(
      [-len / 2, r + bend * 0.6, 0],
      [0, r - bend * 0.6, 0],
      [len / 2, r + bend * 0.6, 0],
      14,
    );
    const radii = path.map(
      (_, i) => r * Math.max(0.25, Math.sin((Math.PI * (i + 0.6)) / (path.length + 0.2))),
    );
    const tip = kit.sphere(radii[radii.length - 1] * 1.2, 8).translate(...(path[path.length - 1] as Vec3));
    return [
      { name: 'body', group: 'body', solid: kit.tube(path, radii, { segments: 6 }), creaseAngle: 40 },
      {
        name: 'stem',
        group: 'tips',
        solid: kit.cylinderBetween(path[0], [path[0][0] - 0.02, path[0][1] + 0.01, 0], r * 0.3, {
          segments: 6,
        }),
      },
      { name: 'tip', group: 'tips', solid: tip },
    ];
  },
};

export const grapes: FamilyDefinition = {
  id: 'grapes',
  category: 'food',
  nouns: [{ word: 'grapes' }, { word: 'grape' }, { word: 'bunch of grapes' }],
  variantWords: { green: 'green', white: 'green', red: 'purple', purple: 'purple' },
  variantMaterials: { green: { body: ['peel', 'yellowgreen'] } },
  groups: [skin('purple'), stemGroup],
  size: { width: [0.12, 0.19], height: [0.05, 0.085], depth: [0.05, 0.085] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const r = rng.range(0.009, 0.011) * size.width;
    const h = rng.range(0.1, 0.14) * size.height;
    // A hanging cone of berries lying on its side: rings of round berries, widest at the stem end and
    // tapering to a single berry. Each berry is shrunk until it clears those already placed, so the
    // bunch is a plain compose of separate spheres (no boolean, no slivers).
    const berries: Solid[] = [];
    const placed: Array<[x: number, y: number, z: number, r: number]> = [];
    const rows = Math.max(2, Math.min(9, Math.round(h / (r * 1.8))));
    const axisY = r * 3.3;
    const put = (x: number, y: number, z: number, want: number) => {
      let br = want;
      for (const [px, py, pz, pr] of placed)
        br = Math.min(br, Math.hypot(x - px, y - py, z - pz) - pr - r * 0.03);
      if (br < want * 0.6) return;
      placed.push([x, y, z, br]);
      berries.push(kit.sphere(br, 14).translate(x, y, z));
    };
    for (let i = 0; i < rows; i++) {
      const t = i / (rows - 1);
      const ring = Math.max(1, Math.round(7 * (1 - t * 0.85)));
      const rr = ring === 1 ? 0 : r * 2.3 * (1 - t * 0.75);
      const x = h * t - h / 2;
      for (let k = 0; k < ring; k++) {
        const a = (k / ring) * Math.PI * 2 + i * 0.6 + rng.range(-0.2, 0.2);
        put(
          x + rng.range(-0.2, 0.2) * r,
          axisY + Math.sin(a) * rr,
          Math.cos(a) * rr,
          r * rng.range(0.95, 1.08),
        );
      }
    }
    const parts: BuiltPart[] = [
      { name: 'body', group: 'body', solid: kit.compose(berries), creaseAngle: 60 },
    ];
    if (ctx.has('stem'))
      parts.push({
        name: 'stem',
        group: 'stem',
        solid: kit.cylinderBetween([-h / 2 + r * 0.5, r * 3.3, 0], [-h / 2 - r * 2.5, r * 3.9, 0], 0.0022, {
          segments: 6,
        }),
      });
    return parts;
  },
};

export const watermelon: FamilyDefinition = {
  id: 'watermelon',
  category: 'food',
  nouns: [
    { word: 'watermelon' },
    { word: 'melon' },
    { word: 'cantaloupe', variant: 'cantaloupe' },
    { word: 'honeydew', variant: 'cantaloupe' },
  ],
  variantMaterials: { cantaloupe: { body: ['peel', 'tan'] } },
  groups: [skin('forestgreen', { pattern: { id: 'stripes', color2: 'yellowgreen' } })],
  size: { width: [0.13, 0.44], height: [0.12, 0.27], depth: [0.13, 0.28] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const round = variant === 'cantaloupe';
    const r = (round ? rng.range(0.07, 0.09) : rng.range(0.1, 0.13)) * size.width;
    const l = round ? r : r * rng.range(1.3, 1.6);
    // Long melons lie on their side.
    const body = kit
      .sphere(1, 36)
      .scale([round ? r : l, r * 0.95, r])
      .translate(0, r * 0.95, 0);
    return [{ name: 'body', group: 'body', solid: body, creaseAngle: 60 }];
  },
};

export const pineapple: FamilyDefinition = {
  id: 'pineapple',
  category: 'food',
  nouns: [{ word: 'pineapple' }, { word: 'ananas' }],
  groups: [
    skin('goldenrod', { pattern: { id: 'checks', color2: 'darkgoldenrod' } }),
    accent('leaf', ['leaf', 'leaves', 'crown', 'top'], 'foliage'),
  ],
  size: { width: [0.11, 0.19], height: [0.25, 0.4], depth: [0.11, 0.2] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const r = rng.range(0.055, 0.07) * size.width;
    const h = rng.range(0.16, 0.22) * size.height;
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: turned(
          kit,
          [
            [r * 0.7, 0],
            [r, h * 0.35],
            [r * 0.9, h * 0.8],
            [r * 0.45, h],
          ],
          4,
          28,
        ),
        uv: cyl,
      },
    ];
    const leaves: Solid[] = [];
    const n = 9;
    for (let i = 0; i < n; i++) {
      const a = (i / n) * 360;
      const tilt = 12 + (i % 3) * 14;
      leaves.push(
        kit
          .extrude(leafOutline(h * rng.range(0.5, 0.8), r * 0.18, 6), 0.002)
          .rotate(0, 0, -tilt)
          .rotate(0, a, 0)
          .translate(0, h - 0.01, 0),
      );
    }
    // The crown's core, where the leaves start: without it nine leaf tips meet in one point and the union
    // leaves micrometre-sized triangles there.
    leaves.push(
      kit.cylinder(r * 0.12, h * 0.06, { radiusTop: r * 0.08, segments: 10 }).translate(0, h - 0.012, 0),
    );
    parts.push({ name: 'crown', group: 'leaf', solid: kit.union(leaves) });
    return parts;
  },
};

export const carrot: FamilyDefinition = {
  id: 'carrot',
  category: 'food',
  nouns: [{ word: 'carrot' }, { word: 'parsnip', variant: 'parsnip' }, { word: 'radish', variant: 'radish' }],
  variantMaterials: { parsnip: { body: ['peel', 'wheat'] }, radish: { body: ['peel', 'crimson'] } },
  groups: [
    skin('darkorange'),
    accent('leaf', ['leaf', 'leaves', 'top', 'greens'], 'foliage', { optional: 'on' }),
  ],
  size: { width: [0.046, 0.26], height: [0.023, 0.049], depth: [0.055, 0.13] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const radish = variant === 'radish';
    const len = (radish ? rng.range(0.035, 0.045) : rng.range(0.14, 0.2)) * size.width;
    const r = radish ? len * 0.5 : rng.range(0.012, 0.016);
    const body = turned(
      kit,
      radish
        ? [
            [0.0001, 0],
            [r * 0.6, len * 0.2],
            [r, len * 0.6],
            [r * 0.5, len * 0.95],
            [0.0001, len],
          ]
        : [
            [0.0001, 0],
            [r * 0.3, len * 0.4],
            [r * 0.85, len * 0.85],
            [r, len * 0.95],
            [0.0001, len],
          ],
      4,
      16,
    );
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: body.rotate(0, 0, -90).translate(-len / 2, r, 0),
        creaseAngle: 60,
      },
    ];
    if (ctx.has('leaf')) {
      [-25, 0, 25].forEach((a, i) => {
        const leaf = kit
          .extrude(leafOutline(len * (radish ? 1.2 : 0.5), r * 0.4, 5), 0.0015)
          .rotate(90, 0, 0)
          .rotate(0, 0, -90)
          .rotate(0, a, 0);
        parts.push({
          name: `leaf_${i + 1}`,
          group: 'leaf',
          solid: leaf.translate(len / 2 - r * 0.2, r + i * 0.002, 0),
        });
      });
    }
    return parts;
  },
};

export const mushroom: FamilyDefinition = {
  id: 'mushroom',
  category: 'food',
  nouns: [
    { word: 'mushroom' },
    { word: 'toadstool', variant: 'toadstool' },
    { word: 'fly agaric', variant: 'toadstool' },
    { word: 'fungus' },
    { word: 'champignon' },
  ],
  hypernyms: ['fungus', 'agaric'],
  variantMaterials: { toadstool: { cap: ['peel', 'red'] } },
  groups: [
    colored('cap', ['cap', 'top', 'head'], 'flesh', { color: 'tan', takesMainMaterial: true }),
    accent('stem', ['stem', 'stalk'], 'flesh', { color: 'ivory' }),
  ],
  size: { width: [0.038, 0.18], height: [0.042, 0.2], depth: [0.038, 0.18] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const big = variant === 'toadstool';
    const r = (big ? rng.range(0.05, 0.08) : rng.range(0.02, 0.035)) * size.width;
    const sh = (big ? rng.range(0.08, 0.12) : rng.range(0.025, 0.04)) * size.height;
    const sr = r * rng.range(0.25, 0.35);
    const stem = turned(
      kit,
      [
        [sr * 1.2, 0],
        [sr, sh * 0.5],
        [sr * 0.9, sh],
      ],
      3,
      20,
    );
    const cap = turned(
      kit,
      [
        [sr * 0.8, 0],
        [r * 0.9, r * 0.05],
        [r, r * 0.2],
        [r * 0.85, r * 0.55],
        [r * 0.4, r * 0.8],
        [0.0001, r * 0.85],
      ],
      4,
      28,
    ).translate(0, sh - r * 0.05, 0);
    const parts: BuiltPart[] = [
      { name: 'stem', group: 'stem', solid: stem, uv: cyl },
      { name: 'cap', group: 'cap', solid: cap, uv: cyl },
    ];
    if (big) {
      const dots: Solid[] = [];
      for (let i = 0; i < 9; i++) {
        const a = rng.range(0, Math.PI * 2);
        const e = rng.range(0.3, 1.1);
        const d: Vec3 = [Math.cos(a) * Math.sin(e), Math.cos(e), Math.sin(a) * Math.sin(e)];
        dots.push(
          kit
            .sphere(r * 0.09, 8)
            .scale([1, 0.5, 1])
            .translate(d[0] * r * 0.8, sh + d[1] * r * 0.72, d[2] * r * 0.8),
        );
      }
      parts.push({ name: 'spots', group: 'stem', solid: kit.union(dots) });
    }
    return parts;
  },
};

export const bread: FamilyDefinition = {
  id: 'bread',
  category: 'food',
  nouns: [
    { word: 'bread' },
    { word: 'loaf' },
    { word: 'loaf of bread' },
    { word: 'baguette', variant: 'baguette' },
    { word: 'bun', variant: 'bun' },
    { word: 'roll', variant: 'bun' },
    { word: 'croissant', variant: 'croissant' },
  ],
  groups: [
    colored('crust', ['crust', 'bread', 'loaf', 'body'], 'food', { color: 'peru', takesMainMaterial: true }),
  ],
  size: { width: [0.074, 0.74], height: [0.031, 0.13], depth: [0.043, 0.14] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'baguette') {
      const len = rng.range(0.55, 0.68) * size.width;
      const r = rng.range(0.028, 0.035);
      return [
        {
          name: 'crust',
          group: 'crust',
          solid: turned(
            kit,
            [
              [0.0001, 0],
              [r * 0.6, len * 0.03],
              [r, len * 0.15],
              [r, len * 0.85],
              [r * 0.6, len * 0.97],
              [0.0001, len],
            ],
            3,
            16,
          )
            .scale([1, 1, 0.8])
            .rotate(0, 0, -90)
            .translate(-len / 2, r * 0.95, 0),
          creaseAngle: 60,
        },
      ];
    }
    if (variant === 'croissant') {
      const len = rng.range(0.12, 0.15) * size.width;
      const path = bezier([-len / 2, 0.018, 0.03], [0, 0.03, -0.04], [len / 2, 0.018, 0.03], 12);
      return [
        {
          name: 'crust',
          group: 'crust',
          solid: kit.tube(
            path,
            path.map((_, i) => 0.025 * Math.max(0.25, Math.sin((Math.PI * (i + 0.5)) / 13.5))),
            { segments: 12 },
          ),
          creaseAngle: 60,
        },
      ];
    }
    if (variant === 'bun') {
      const r = rng.range(0.04, 0.05) * size.width;
      return [
        {
          name: 'crust',
          group: 'crust',
          solid: turned(
            kit,
            [
              [r * 0.9, 0],
              [r, r * 0.25],
              [r * 0.7, r * 0.75],
              [0.0001, r * 0.85],
            ],
            4,
            24,
          ),
          creaseAngle: 60,
        },
      ];
    }
    const l = rng.range(0.22, 0.3) * size.width;
    const w = rng.range(0.11, 0.13) * size.depth;
    const h = rng.range(0.09, 0.12) * size.height;
    const loaf = kit.roundedBox([l, h * 0.6, w], 0.02, 6).translate(0, h * 0.3, 0);
    const dome = kit
      .sphere(1, 24)
      .scale([l * 0.5, h * 0.5, w * 0.5])
      .translate(0, h * 0.5, 0);
    return [
      {
        name: 'crust',
        group: 'crust',
        solid: kit.hull([...meshPoints(loaf), ...meshPoints(dome)]),
        creaseAngle: 60,
      },
    ];
  },
};

function meshPoints(s: Solid): Vec3[] {
  const m = s.manifold.getMesh();
  const out: Vec3[] = [];
  for (let i = 0; i < m.vertProperties.length; i += m.numProp)
    out.push([m.vertProperties[i], m.vertProperties[i + 1], m.vertProperties[i + 2]]);
  return out;
}

export const cake: FamilyDefinition = {
  id: 'cake',
  category: 'food',
  nouns: [
    { word: 'cake' },
    { word: 'birthday cake', variant: 'birthday' },
    { word: 'wedding cake', variant: 'tiered' },
    { word: 'cheesecake' },
    { word: 'gateau' },
    { word: 'tart', variant: 'tart' },
    { word: 'pie', variant: 'tart' },
  ],
  groups: [
    colored('sponge', ['sponge', 'cake', 'body', 'tier', 'tiers', 'layer', 'layers'], 'food', {
      color: 'wheat',
      takesMainMaterial: true,
      count: [1, 5],
    }),
    colored('icing', ['icing', 'frosting', 'cream', 'glaze', 'crust'], 'food', { color: 'pink' }),
    accent('candles', ['candle', 'candles'], 'wax', { optional: 'off', count: [1, 20] }),
    accent('flames', ['flame', 'flames'], 'flame'),
  ],
  size: { width: [0.18, 0.32], height: [0.036, 0.37], depth: [0.18, 0.32] },
  build(ctx) {
    const { kit, rng, variant, size, has, count } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'tart') {
      const r = rng.range(0.1, 0.13) * size.width;
      parts.push({
        name: 'crust',
        group: 'icing',
        solid: turned(
          kit,
          [
            [r * 0.9, 0],
            [r, 0.035],
            [r * 0.95, 0.04],
            [r * 0.9, 0.03],
            [0.0001, 0.03],
          ],
          1,
          40,
        ),
        uv: cyl,
      });
      parts.push({
        name: 'filling',
        group: 'sponge',
        solid: kit.cylinder(r * 0.9, 0.029, { segments: 40 }).translate(0, 0.005, 0),
      });
      return parts;
    }
    const tiers = count('sponge') ?? (variant === 'tiered' ? 3 : 1);
    let y = 0;
    let r = rng.range(0.1, 0.14) * size.width;
    const th = rng.range(0.07, 0.1) * size.height;
    for (let i = 0; i < tiers; i++) {
      parts.push({
        name: `tier_${i + 1}`,
        group: 'sponge',
        solid: kit.cylinder(r, th, { segments: 40 }).translate(0, y, 0),
        uv: cyl,
      });
      parts.push({
        name: `icing_${i + 1}`,
        group: 'icing',
        solid: turned(
          kit,
          [
            [r * 1.01, 0],
            [r * 1.02, 0.012],
            [r * 0.95, 0.02],
            [0.0001, 0.021],
          ],
          2,
          40,
        ).translate(0, y + th - 0.008, 0),
        uv: cyl,
      });
      parts.push({ name: `piping_${i + 1}`, group: 'icing', solid: torus(kit, r, 0.008, y + 0.004, 40, 8) });
      y += th + 0.012;
      r *= 0.7;
    }
    if (has('candles') || variant === 'birthday') {
      const n = count('candles') ?? 5;
      const ring = (r / 0.7) * 0.6;
      for (let i = 0; i < n; i++) {
        const a = (i / n) * Math.PI * 2;
        const x = n === 1 ? 0 : Math.cos(a) * ring;
        const z = n === 1 ? 0 : Math.sin(a) * ring;
        parts.push({
          name: `candle_${i + 1}`,
          group: 'candles',
          solid: kit.cylinder(0.004, 0.06, { segments: 8 }).translate(x, y - 0.004, z),
        });
        parts.push({
          name: `flame_${i + 1}`,
          group: 'flames',
          solid: turned(
            kit,
            [
              [0.0001, 0],
              [0.004, 0.004],
              [0.0001, 0.014],
            ],
            2,
            8,
          ).translate(x, y + 0.058, z),
        });
      }
    }
    return parts;
  },
};

export const cupcake: FamilyDefinition = {
  id: 'cupcake',
  category: 'food',
  nouns: [{ word: 'cupcake' }, { word: 'muffin', variant: 'muffin' }, { word: 'fairy cake' }],
  groups: [
    colored('frosting', ['frosting', 'icing', 'top', 'cream'], 'food', {
      color: 'pink',
      takesMainMaterial: true,
    }),
    accent('wrapper', ['wrapper', 'case', 'liner', 'cup'], 'paper', { color: 'skyblue' }),
    accent('cherry', ['cherry', 'topping'], 'peel', { color: 'red', optional: 'on' }),
  ],
  variantMaterials: { muffin: { frosting: ['food', 'saddlebrown'] } },
  size: { width: [0.055, 0.085], height: [0.051, 0.11], depth: [0.055, 0.085] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const r = rng.range(0.028, 0.034) * size.width;
    const h = r * 1.2 * size.height;
    const parts: BuiltPart[] = [
      {
        name: 'wrapper',
        group: 'wrapper',
        solid: turned(
          kit,
          [
            [r * 0.78, 0],
            [r, h],
          ],
          1,
          20,
        ).warp((xyz, n) => {
          for (let i = 0; i < n; i++) {
            const a = Math.atan2(xyz[i * 3 + 2], xyz[i * 3]);
            const k = 1 + 0.03 * Math.cos(a * 10);
            xyz[i * 3] *= k;
            xyz[i * 3 + 2] *= k;
          }
        }),
        uv: cyl,
      },
    ];
    const top =
      variant === 'muffin'
        ? turned(
            kit,
            [
              [r * 0.98, 0],
              [r * 1.15, r * 0.3],
              [r * 0.8, r * 0.75],
              [0.0001, r * 0.85],
            ],
            4,
            24,
          )
        : turned(
            kit,
            [
              [r * 1.02, 0],
              [r * 1.05, r * 0.25],
              [r * 0.7, r * 0.45],
              [r * 0.75, r * 0.6],
              [r * 0.4, r * 0.8],
              [r * 0.45, r * 0.95],
              [0.0001, r * 1.25],
            ],
            3,
            24,
          );
    parts.push({ name: 'frosting', group: 'frosting', solid: top.translate(0, h - 0.002, 0), uv: cyl });
    if (has('cherry') && variant !== 'muffin')
      parts.push({
        name: 'cherry',
        group: 'cherry',
        solid: kit.sphere(r * 0.25, 12).translate(0, h + r * 1.3, 0),
      });
    return parts;
  },
};

export const donut: FamilyDefinition = {
  id: 'donut',
  category: 'food',
  nouns: [{ word: 'donut' }, { word: 'doughnut' }, { word: 'bagel', variant: 'bagel' }],
  groups: [
    colored('dough', ['dough', 'ring', 'body', 'bread'], 'food', {
      color: 'burlywood',
      takesMainMaterial: true,
    }),
    colored('icing', ['icing', 'frosting', 'glaze', 'sprinkles'], 'food', {
      color: 'hotpink',
      optional: 'on',
      pattern: { id: 'dots', color2: 'white' },
    }),
  ],
  size: { width: [0.088, 0.13], height: [0.025, 0.043], depth: [0.088, 0.13] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const R = rng.range(0.03, 0.038) * size.width;
    const r = R * rng.range(0.5, 0.6);
    const parts: BuiltPart[] = [
      { name: 'dough', group: 'dough', solid: torus(kit, R, r, r * 0.85, 36, 16).scale([1, 0.85, 1]) },
    ];
    if (has('icing') && variant !== 'bagel') {
      // The top half of a slightly larger torus: a glaze of even thickness.
      const section: ProfilePoint[] = [];
      for (let i = 0; i <= 10; i++) {
        const a = (i / 10) * Math.PI;
        section.push([R + Math.cos(a) * r * 1.06, Math.sin(a) * r * 1.06]);
      }
      for (let i = 10; i >= 0; i--) {
        const a = (i / 10) * Math.PI;
        section.push([R + Math.cos(a) * r * 0.92, Math.sin(a) * r * 0.92 + r * 0.05]);
      }
      parts.push({
        name: 'icing',
        group: 'icing',
        solid: kit
          .revolve(section, { segments: 36 })
          .scale([1, 0.85, 1])
          .translate(0, r * 0.85 * 0.85 + 0.001, 0),
      });
    }
    return parts;
  },
};

export const pizza: FamilyDefinition = {
  id: 'pizza',
  category: 'food',
  nouns: [
    { word: 'pizza' },
    { word: 'pizza slice', variant: 'slice' },
    { word: 'slice of pizza', variant: 'slice' },
  ],
  groups: [
    colored('crust', ['crust', 'base', 'dough'], 'food', { color: 'burlywood', takesMainMaterial: true }),
    accent('sauce', ['sauce', 'cheese'], 'food', { color: 'gold' }),
    accent('toppings', ['topping', 'toppings', 'pepperoni', 'salami'], 'food', {
      color: 'firebrick',
      optional: 'on',
    }),
  ],
  size: { width: [0.13, 0.39], height: [0.02, 0.025], depth: [0.073, 0.39] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const R = (variant === 'slice' ? rng.range(0.14, 0.17) : rng.range(0.14, 0.18)) * size.width;
    const parts: BuiltPart[] = [];
    const slice = variant === 'slice';
    const crust = slice
      ? kit
          .extrude(
            [
              [0, 0],
              [R, -R * 0.28],
              [R * 1.02, 0],
              [R, R * 0.28],
            ],
            0.008,
          )
          .rotate(90, 0, 0)
          .translate(0, 0.004, 0)
      : kit.cylinder(R * 0.92, 0.008, { segments: 48 });
    parts.push({ name: 'base', group: 'crust', solid: crust });
    if (!slice)
      parts.push({ name: 'crust', group: 'crust', solid: torus(kit, R * 0.92, 0.012, 0.011, 48, 10) });
    else
      parts.push({
        name: 'crust',
        group: 'crust',
        solid: kit.cylinderBetween([R * 0.97, 0.011, -R * 0.28], [R * 0.97, 0.011, R * 0.28], 0.012, {
          segments: 10,
        }),
      });
    parts.push({
      name: 'cheese',
      group: 'sauce',
      solid: slice
        ? kit
            .extrude(
              [
                [0.01, 0],
                [R * 0.93, -R * 0.25],
                [R * 0.93, R * 0.25],
              ],
              0.003,
            )
            .rotate(90, 0, 0)
            .translate(0, 0.0095, 0)
        : kit.cylinder(R * 0.88, 0.003, { segments: 48 }).translate(0, 0.0075, 0),
    });
    if (has('toppings')) {
      const tops: Solid[] = [];
      const n = slice ? 3 : 10;
      for (let i = 0; i < n; i++) {
        const a = slice ? rng.range(-0.2, 0.2) : (i / n) * Math.PI * 2 + rng.range(-0.2, 0.2);
        const d = slice ? R * (0.3 + i * 0.22) : R * (i % 2 === 0 ? 0.55 : 0.3);
        tops.push(
          kit.cylinder(R * 0.08, 0.003, { segments: 14 }).translate(Math.cos(a) * d, 0.0095, Math.sin(a) * d),
        );
      }
      parts.push({ name: 'toppings', group: 'toppings', solid: kit.union(tops) });
    }
    return parts;
  },
};

export const burger: FamilyDefinition = {
  id: 'burger',
  category: 'food',
  nouns: [
    { word: 'burger' },
    { word: 'hamburger' },
    { word: 'cheeseburger' },
    { word: 'sandwich', variant: 'sandwich' },
  ],
  groups: [
    colored('bun', ['bun', 'buns', 'bread'], 'food', { color: 'peru', takesMainMaterial: true }),
    accent('patty', ['patty', 'meat', 'beef'], 'food', { color: 'saddlebrown' }),
    accent('cheese', ['cheese'], 'food', { color: 'orange', optional: 'on' }),
    accent('lettuce', ['lettuce', 'salad', 'greens'], 'foliage', { optional: 'on' }),
  ],
  size: { width: [0.093, 0.17], height: [0.042, 0.093], depth: [0.093, 0.17] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const r = rng.range(0.045, 0.055) * size.width;
    const parts: BuiltPart[] = [];
    let y = 0;
    if (variant === 'sandwich') {
      const s = r * 2;
      const slab = (t: number, group: string, name: string, inset = 0) => {
        parts.push({
          name,
          group,
          solid: kit
            .roundedBox([s - inset, t, s - inset], Math.min(0.004, t / 2 - 0.0001), 4)
            .translate(0, y + t / 2, 0),
        });
        y += t - 0.0005;
      };
      slab(0.014, 'bun', 'bread_bottom');
      if (has('lettuce')) slab(0.006, 'lettuce', 'lettuce', -0.01);
      if (has('cheese')) slab(0.004, 'cheese', 'cheese', -0.006);
      slab(0.01, 'patty', 'filling', 0.004);
      slab(0.014, 'bun', 'bread_top');
      return parts;
    }
    parts.push({
      name: 'bun_bottom',
      group: 'bun',
      solid: turned(
        kit,
        [
          [r * 0.9, 0],
          [r, r * 0.2],
          [r * 0.98, r * 0.35],
          [0.0001, r * 0.36],
        ],
        3,
        32,
      ),
    });
    y = r * 0.35;
    if (has('lettuce')) {
      parts.push({
        name: 'lettuce',
        group: 'lettuce',
        solid: kit.cylinder(r * 1.08, 0.005, { segments: 32 }).translate(0, y, 0),
      });
      y += 0.0045;
    }
    parts.push({
      name: 'patty',
      group: 'patty',
      solid: turned(
        kit,
        [
          [r * 1.02, 0],
          [r * 1.05, r * 0.2],
          [r, r * 0.3],
          [0.0001, r * 0.3],
        ],
        2,
        32,
      ).translate(0, y, 0),
    });
    y += r * 0.3 - 0.0005;
    if (has('cheese')) {
      parts.push({
        name: 'cheese',
        group: 'cheese',
        solid: kit
          .box([r * 2, 0.004, r * 2])
          .rotate(0, 45, 0)
          .translate(0, y + 0.002, 0),
      });
      y += 0.0035;
    }
    parts.push({
      name: 'bun_top',
      group: 'bun',
      solid: turned(
        kit,
        [
          [r, 0],
          [r * 1.02, r * 0.15],
          [r * 0.85, r * 0.6],
          [0.0001, r * 0.78],
        ],
        4,
        32,
      ).translate(0, y, 0),
    });
    return parts;
  },
};

export const iceCream: FamilyDefinition = {
  id: 'ice cream',
  category: 'food',
  nouns: [
    { word: 'ice cream' },
    { word: 'ice cream cone' },
    { word: 'icecream' },
    { word: 'gelato' },
    { word: 'sundae' },
    { word: 'popsicle', variant: 'popsicle' },
    { word: 'ice lolly', variant: 'popsicle' },
  ],
  groups: [
    colored('scoops', ['scoop', 'scoops', 'ice', 'cream', 'flavor', 'flavour'], 'food', {
      color: 'lightpink',
      takesMainMaterial: true,
      count: [1, 4],
    }),
    accent('cone', ['cone', 'wafer', 'stick'], 'food', {
      color: 'burlywood',
      pattern: { id: 'checks', color2: 'peru' },
    }),
  ],
  size: { width: [0.046, 0.082], height: [0.12, 0.23], depth: [0.018, 0.082] },
  build(ctx) {
    const { kit, rng, variant, size, count } = ctx;
    if (variant === 'popsicle') {
      const h = rng.range(0.08, 0.1) * size.height;
      return [
        {
          name: 'ice',
          group: 'scoops',
          solid: kit.roundedBox([0.05, h, 0.02], 0.009, 6).translate(0, 0.06 + h / 2, 0),
        },
        {
          name: 'stick',
          group: 'cone',
          solid: kit.roundedBox([0.012, 0.08, 0.003], 0.0014, 4).translate(0, 0.04, 0),
        },
      ];
    }
    const r = rng.range(0.025, 0.03) * size.width;
    const coneH = r * rng.range(3.6, 4.2) * size.height;
    const parts: BuiltPart[] = [
      {
        name: 'cone',
        group: 'cone',
        solid: turned(
          kit,
          [
            [0.0001, 0],
            [r * 1.1, coneH],
            [r * 1.15, coneH + 0.004],
            [0.0001, coneH + 0.004],
          ],
          1,
          20,
        ),
      },
    ];
    const n = count('scoops') ?? rng.pick([1, 2]);
    let y = coneH;
    for (let i = 0; i < n; i++) {
      const sr = r * (1.15 - i * 0.08);
      const scoop = turned(
        kit,
        [
          [sr * 1.05, 0],
          [sr * 1.1, sr * 0.15],
          [sr, sr * 0.9],
          [sr * 0.5, sr * 1.55],
          [0.0001, sr * 1.7],
        ],
        4,
        20,
      ).translate(0, y - sr * 0.15, 0);
      parts.push({ name: `scoop_${i + 1}`, group: 'scoops', solid: scoop });
      y += sr * 1.35;
    }
    return parts;
  },
};

export const cheese: FamilyDefinition = {
  id: 'cheese',
  category: 'food',
  nouns: [
    { word: 'cheese' },
    { word: 'cheese wedge' },
    { word: 'wedge of cheese' },
    { word: 'cheese wheel', variant: 'wheel' },
  ],
  groups: [
    colored('cheese', ['cheese', 'wedge', 'body'], 'food', {
      color: 'gold',
      takesMainMaterial: true,
      pattern: { id: 'dots', color2: 'goldenrod' },
    }),
  ],
  size: { width: [0.094, 0.45], height: [0.047, 0.14], depth: [0.053, 0.45] },
  build({ kit, rng, variant, size }) {
    if (variant === 'wheel') {
      const r = rng.range(0.15, 0.2) * size.width;
      return [
        {
          name: 'cheese',
          group: 'cheese',
          solid: turned(
            kit,
            [
              [r * 0.95, 0],
              [r, r * 0.1],
              [r, r * 0.5],
              [r * 0.95, r * 0.6],
              [0.0001, r * 0.6],
            ],
            3,
            48,
          ),
        },
      ];
    }
    const l = rng.range(0.1, 0.14) * size.width;
    const w = l * rng.range(0.5, 0.65);
    const h = rng.range(0.05, 0.07) * size.height;
    const wedge = kit
      .extrude(
        [
          [0, -w / 2],
          [l, 0],
          [0, w / 2],
        ],
        h,
      )
      .rotate(90, 0, 0)
      .translate(-l / 2, h / 2, 0);
    return [{ name: 'cheese', group: 'cheese', solid: wedge }];
  },
};

export const egg: FamilyDefinition = {
  id: 'egg',
  category: 'food',
  nouns: [
    { word: 'egg' },
    { word: 'easter egg', variant: 'easter' },
    { word: 'fried egg', variant: 'fried' },
    { word: 'dragon egg', variant: 'dragon' },
  ],
  groups: [
    colored('shell', ['shell', 'egg', 'white'], 'ceramic', { color: 'oldlace', takesMainMaterial: true }),
    accent('yolk', ['yolk'], 'food', { color: 'orange' }),
  ],
  variantMaterials: { easter: { shell: ['ceramic', 'plum'] }, dragon: { shell: ['scales', 'darkgreen'] } },
  size: { width: [0.038, 0.23], height: [0.018, 0.3], depth: [0.038, 0.23] },
  build({ kit, rng, variant, size }) {
    if (variant === 'fried') {
      const r = rng.range(0.05, 0.07) * size.width;
      const white = kit
        .cylinder(1, 0.006, { segments: 32 })
        .scale([r, 1, r * 0.8])
        .warp((xyz, n) => {
          for (let i = 0; i < n; i++) {
            const a = Math.atan2(xyz[i * 3 + 2], xyz[i * 3]);
            const k = 1 + 0.12 * Math.sin(a * 3) + 0.06 * Math.sin(a * 5);
            xyz[i * 3] *= k;
            xyz[i * 3 + 2] *= k;
          }
        });
      return [
        { name: 'white', group: 'shell', solid: white },
        {
          name: 'yolk',
          group: 'yolk',
          solid: kit
            .sphere(r * 0.35, 20)
            .scale([1, 0.55, 1])
            .translate(r * 0.15, 0.006, 0),
        },
      ];
    }
    const k = variant === 'dragon' ? rng.range(3.5, 4.5) : 1;
    const r = rng.range(0.021, 0.024) * size.width * k;
    const h = r * 2.6 * size.height;
    return [
      {
        name: 'shell',
        group: 'shell',
        solid: turned(
          kit,
          [
            [0.0001, 0],
            [r * 0.75, h * 0.08],
            [r, h * 0.38],
            [r * 0.8, h * 0.75],
            [r * 0.4, h * 0.95],
            [0.0001, h],
          ],
          5,
          28,
        ),
        uv: cyl,
      },
    ];
  },
};

export const cookie: FamilyDefinition = {
  id: 'cookie',
  category: 'food',
  nouns: [
    { word: 'cookie' },
    { word: 'biscuit' },
    { word: 'cracker', exclude: ['chips'] },
    { word: 'macaron', variant: 'macaron' },
  ],
  variantMaterials: { macaron: { cookie: ['food', 'pink'] } },
  groups: [
    colored('cookie', ['cookie', 'biscuit', 'dough', 'body'], 'food', {
      color: 'burlywood',
      takesMainMaterial: true,
    }),
    accent('chips', ['chip', 'chips', 'chocolate chips', 'chocolate'], 'food', {
      color: 'chocolate',
      optional: 'on',
    }),
  ],
  size: { width: [0.033, 0.098], height: [0.0081, 0.031], depth: [0.033, 0.099] },
  build({ kit, rng, variant, size, has }) {
    if (variant === 'macaron') {
      const r = rng.range(0.018, 0.022) * size.width;
      const shell = (y: number, flip: boolean) => {
        const s = turned(
          kit,
          [
            [r * 0.9, 0],
            [r, r * 0.2],
            [r * 0.6, r * 0.5],
            [0.0001, r * 0.55],
          ],
          3,
          24,
        );
        return flip ? s.rotate(180, 0, 0).translate(0, y + r * 0.55, 0) : s.translate(0, y, 0);
      };
      return [
        { name: 'bottom', group: 'cookie', solid: shell(0, true) },
        {
          name: 'filling',
          group: 'cookie',
          solid: kit.cylinder(r * 0.85, r * 0.3, { segments: 24 }).translate(0, r * 0.5, 0),
        },
        { name: 'top', group: 'cookie', solid: shell(r * 0.75, false) },
      ];
    }
    const r = rng.range(0.035, 0.045) * size.width;
    const t = rng.range(0.008, 0.012) * size.height;
    const wobble = rng.range(0, 100);
    // The cookie's outline wobbles a little.
    const rimAt = (a: number) => r * (1 + 0.04 * Math.sin(a * 5 + wobble));
    const parts: BuiltPart[] = [
      {
        name: 'cookie',
        group: 'cookie',
        solid: turned(
          kit,
          [
            [r * 0.95, 0],
            [r, t * 0.4],
            [r * 0.9, t],
            [0.0001, t * 1.1],
          ],
          2,
          32,
        ).warp((xyz, n) => {
          for (let i = 0; i < n; i++) {
            const k = rimAt(Math.atan2(xyz[i * 3 + 2], xyz[i * 3])) / r;
            xyz[i * 3] *= k;
            xyz[i * 3 + 2] *= k;
          }
        }),
      },
    ];
    if (has('chips')) {
      // Small dark chips scattered over the top, each half sunk into the dough.
      const chips: Solid[] = [];
      const count = rng.int(8, 12);
      const placed: Array<[number, number, number]> = [];
      for (let tries = 0; placed.length < count && tries < 200; tries++) {
        const d = Math.sqrt(rng.range(0, 1)) * 0.78;
        const a = rng.range(0, Math.PI * 2);
        const cr = r * rng.range(0.08, 0.11);
        const x = Math.cos(a) * d * r;
        const z = Math.sin(a) * d * r;
        if (placed.some(([px, pz, pr]) => Math.hypot(px - x, pz - z) < (pr + cr) * 1.3)) continue;
        placed.push([x, z, cr]);
        const y = t * (1.1 - 0.11 * d);
        chips.push(
          kit
            .sphere(cr, 10)
            .scale([1, 0.7, 1])
            .rotate(0, rng.range(0, 180), 0)
            .translate(x, y - cr * 0.15, z),
        );
      }
      parts.push({ name: 'chips', group: 'chips', solid: kit.union(chips) });
    }
    return parts;
  },
};

export const lollipop: FamilyDefinition = {
  id: 'lollipop',
  category: 'food',
  nouns: [
    { word: 'lollipop' },
    { word: 'lolly' },
    { word: 'sucker' },
    { word: 'candy cane', variant: 'cane' },
    { word: 'candy', variant: 'wrapped' },
    { word: 'sweet', variant: 'wrapped' },
  ],
  groups: [
    colored('candy', ['candy', 'swirl', 'head', 'body'], 'plastic', {
      color: 'hotpink',
      pattern: { id: 'stripes', color2: 'white' },
    }),
    accent('stick', ['stick', 'handle'], 'paper', { color: 'white' }),
  ],
  size: { width: [0.049, 0.19], height: [0.01, 0.026], depth: [0.022, 0.076] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'cane') {
      const len = rng.range(0.12, 0.16) * size.width;
      const r = 0.006;
      const hook = bezier([len * 0.35, r, 0], [len * 0.55, r, 0], [len * 0.55, r, 0.035], 8);
      const path: Vec3[] = [[-len / 2, r, 0], ...hook];
      path.push(...bezier([len * 0.55, r, 0.035], [len * 0.55, r, 0.06], [len * 0.42, r, 0.055], 6).slice(1));
      return [{ name: 'candy', group: 'candy', solid: kit.tube(path, r, { segments: 10 }) }];
    }
    if (variant === 'wrapped') {
      const r = 0.012;
      return [
        {
          name: 'candy',
          group: 'candy',
          solid: kit
            .sphere(1, 16)
            .scale([r * 1.3, r, r])
            .translate(0, r, 0),
        },
        {
          name: 'wrapper_1',
          group: 'stick',
          solid: turned(
            kit,
            [
              [0.0001, 0],
              [r * 0.4, 0.001],
              [r * 0.9, r * 1.1],
              [0.0001, r * 1.15],
            ],
            1,
            8,
          )
            .rotate(0, 0, 90)
            .translate(-r * 1.1, r, 0),
        },
        {
          name: 'wrapper_2',
          group: 'stick',
          solid: turned(
            kit,
            [
              [0.0001, 0],
              [r * 0.4, 0.001],
              [r * 0.9, r * 1.1],
              [0.0001, r * 1.15],
            ],
            1,
            8,
          )
            .rotate(0, 0, -90)
            .translate(r * 1.1, r, 0),
        },
      ];
    }
    const r = rng.range(0.025, 0.035) * size.width;
    const stick = rng.range(0.08, 0.11);
    return [
      {
        name: 'candy',
        group: 'candy',
        solid: kit.cylinder(r, 0.012, { segments: 32 }).translate(stick * 0.5, 0, 0),
      },
      {
        name: 'stick',
        group: 'stick',
        solid: kit
          .cylinder(0.003, stick, { segments: 8 })
          .rotate(0, 0, 90)
          .translate(stick * 0.5 - r * 0.5, 0.006, 0),
      },
    ];
  },
};

export const FOOD: FamilyDefinition[] = [
  apple,
  pear,
  orange,
  peach,
  tomato,
  pumpkin,
  lemon,
  cherry,
  strawberry,
  banana,
  grapes,
  watermelon,
  pineapple,
  carrot,
  mushroom,
  bread,
  cake,
  cupcake,
  donut,
  pizza,
  burger,
  iceCream,
  cheese,
  egg,
  cookie,
  lollipop,
];
