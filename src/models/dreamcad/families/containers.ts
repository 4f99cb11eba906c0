import { radiusAt, smoothCurve } from '../../../geometry/profile.js';
import { sdfEllipsoid } from '../../../geometry/sdf.js';
import type { ProfilePoint, Solid } from '../../../geometry/solid.js';
import { accent, bezier, colored, main, roundedRect, structural, torus, turned, vessel } from './common.js';
import type { BuiltPart, FamilyDefinition } from './types.js';

/**
 * Containers: baskets, buckets, sacks, bins, luggage, cans and watering cans. Open ones report their
 * inside (`anchors.cavity`) so "apples in a basket" land inside.
 */

const cyl = { kind: 'cylindrical' } as const;

export const basket: FamilyDefinition = {
  id: 'basket',
  category: 'container',
  nouns: [
    { word: 'basket' },
    { word: 'hamper' },
    { word: 'picnic basket', variant: 'picnic' },
    { word: 'fruit basket' },
    { word: 'wicker basket' },
  ],
  variantWords: { picnic: 'picnic', laundry: 'laundry', fruit: 'round', round: 'round' },
  groups: [
    main('body', ['body', 'basket', 'weave'], 'wicker'),
    main('handle', ['handle', 'handles'], 'wicker', { optional: 'on' }),
  ],
  size: { width: [0.27, 0.54], height: [0.19, 0.66], depth: [0.2, 0.48] },
  build({ kit, rng, variant, size, has, anchors }) {
    const parts: BuiltPart[] = [];
    const wall = 0.008;
    if (variant === 'picnic' || variant === 'laundry') {
      const w = (variant === 'laundry' ? rng.range(0.4, 0.5) : rng.range(0.35, 0.45)) * size.width;
      const d = w * rng.range(0.6, 0.75) * size.depth;
      const h = (variant === 'laundry' ? rng.range(0.4, 0.5) : rng.range(0.18, 0.25)) * size.height;
      const floor = 0.012;
      parts.push({
        name: 'bottom',
        group: 'body',
        solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, floor, d / 2]),
      });
      parts.push({
        name: 'body',
        group: 'body',
        solid: kit
          .extrudeContours(
            [roundedRect(w / 2, d / 2, 0.03), roundedRect(w / 2 - wall, d / 2 - wall, 0.025)],
            h,
          )
          .rotate(90, 0, 0)
          .translate(0, h / 2, 0),
      });
      anchors.cavity = {
        floor,
        rim: h,
        floorHalf: [w / 2 - wall, d / 2 - wall],
        rimHalf: [w / 2 - wall, d / 2 - wall],
        round: false,
      };
      if (has('handle')) {
        const path = bezier([-w * 0.3, h - 0.01, 0], [0, h + w * 0.45, 0], [w * 0.3, h - 0.01, 0], 12);
        parts.push({ name: 'handle', group: 'handle', solid: kit.tube(path, 0.01, { segments: 8 }) });
      }
      return parts;
    }
    const r = rng.range(0.14, 0.22) * size.width;
    const h = rng.range(0.1, 0.18) * size.height;
    const controls: ProfilePoint[] = [
      [r * 0.7, 0],
      [r * 0.9, h * 0.5],
      [r, h],
    ];
    const outer = smoothCurve(controls, 3);
    parts.push({ name: 'body', group: 'body', solid: vessel(kit, controls, wall, 0.012, 3, 40), uv: cyl });
    parts.push({ name: 'rim', group: 'body', solid: torus(kit, r - wall / 2, wall * 0.9, h, 40, 8) });
    anchors.cavity = {
      floor: 0.012,
      rim: h,
      floorHalf: [radiusAt(outer, 0.012) - wall, radiusAt(outer, 0.012) - wall],
      rimHalf: [r - wall, r - wall],
      round: true,
    };
    if (has('handle')) {
      const path = bezier([-r + wall, h * 0.8, 0], [0, h + r * 1.5, 0], [r - wall, h * 0.8, 0], 14);
      parts.push({ name: 'handle', group: 'handle', solid: kit.tube(path, 0.009, { segments: 8 }) });
    }
    return parts;
  },
};

export const bucket: FamilyDefinition = {
  id: 'bucket',
  category: 'container',
  nouns: [{ word: 'bucket' }, { word: 'pail' }],
  groups: [
    main('body', ['body', 'bucket'], 'steel'),
    structural('handle', ['handle', 'bail'], 'steel', { optional: 'on' }),
  ],
  size: { width: [0.25, 0.36], height: [0.3, 0.46], depth: [0.25, 0.36] },
  build({ kit, rng, size, has, anchors }) {
    const r = rng.range(0.13, 0.16) * size.width;
    const h = rng.range(0.24, 0.32) * size.height;
    const rb = r * rng.range(0.72, 0.82);
    const wall = 0.003;
    anchors.cavity = {
      floor: wall * 2,
      rim: h,
      floorHalf: [rb - wall, rb - wall],
      rimHalf: [r - wall, r - wall],
      round: true,
    };
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: vessel(
          kit,
          [
            [rb, 0],
            [r, h],
          ],
          wall,
          wall * 2,
          1,
          40,
        ),
        uv: cyl,
      },
      { name: 'rim', group: 'body', solid: torus(kit, r, 0.005, h - 0.004, 40, 8) },
    ];
    if (has('handle')) {
      const path = bezier([-r - 0.004, h * 0.85, 0], [0, h + r * 1.6, 0], [r + 0.004, h * 0.85, 0], 16);
      parts.push({ name: 'handle', group: 'handle', solid: kit.tube(path, 0.003, { segments: 8 }) });
    }
    return parts;
  },
};

export const sack: FamilyDefinition = {
  id: 'sack',
  category: 'container',
  nouns: [
    { word: 'sack' },
    { word: 'bag' },
    { word: 'burlap sack' },
    { word: 'flour sack' },
    { word: 'money bag', variant: 'money' },
    { word: 'pouch', variant: 'money' },
  ],
  groups: [
    main('body', ['body', 'bag', 'sack'], 'canvas'),
    accent('tie', ['tie', 'rope', 'string', 'cord'], 'canvas', { color: 'tan' }),
  ],
  size: { width: [0.1, 0.61], height: [0.15, 0.86], depth: [0.09, 0.52] },
  build(ctx) {
    const { rng, variant, size } = ctx;
    const k = variant === 'money' ? rng.range(0.25, 0.35) : 1;
    const r = rng.range(0.22, 0.28) * size.width * k;
    const h = rng.range(0.6, 0.8) * size.height * k;
    const neckY = h * 0.78;
    const body = ctx.sdf(
      [
        sdfEllipsoid([0, h * 0.32, 0], [r, h * 0.32, r * 0.85]),
        sdfEllipsoid([0, h * 0.55, 0], [r * 0.8, h * 0.25, r * 0.7], r * 0.3),
        sdfEllipsoid([0, neckY, 0], [r * 0.22, h * 0.06, r * 0.2], r * 0.3),
        sdfEllipsoid([0, h * 0.9, 0], [r * 0.38, h * 0.1, r * 0.32], r * 0.1),
      ],
      h / 30,
    );
    const tie = torus(ctx.kit, r * 0.3, r * 0.07, neckY, 24, 8);
    return [
      { name: 'body', group: 'body', mesh: body, creaseAngle: 70 },
      { name: 'tie', group: 'tie', solid: tie },
    ];
  },
};

export const trashCan: FamilyDefinition = {
  id: 'trash can',
  category: 'container',
  nouns: [
    { word: 'trash can' },
    { word: 'trashcan' },
    { word: 'garbage can' },
    { word: 'bin' },
    { word: 'dustbin' },
    { word: 'wastebasket' },
    { word: 'waste bin' },
    { word: 'rubbish bin' },
    { word: 'trash bin' },
  ],
  groups: [
    main('body', ['body', 'can', 'bin'], 'steel'),
    structural('lid', ['lid', 'top', 'cover'], 'steel', { optional: 'on' }),
  ],
  size: { width: [0.28, 0.57], height: [0.41, 0.92], depth: [0.28, 0.57] },
  build({ kit, rng, size, has, anchors }) {
    const r = rng.range(0.14, 0.25) * size.width;
    const h = rng.range(0.35, 0.75) * size.height;
    const rb = r * 0.9;
    const wall = 0.003;
    anchors.cavity = {
      floor: wall * 2,
      rim: h,
      floorHalf: [rb - wall, rb - wall],
      rimHalf: [r - wall, r - wall],
      round: true,
    };
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: vessel(
          kit,
          [
            [rb, 0],
            [r, h],
          ],
          wall,
          wall * 2,
          1,
          40,
        ),
        uv: cyl,
      },
    ];
    if (has('lid')) {
      parts.push({
        name: 'lid',
        group: 'lid',
        solid: turned(
          kit,
          [
            [r * 1.03, 0],
            [r * 1.03, 0.015],
            [r * 0.7, r * 0.3],
            [0.0001, r * 0.35],
          ],
          3,
          40,
        ).translate(0, h - 0.005, 0),
        uv: cyl,
      });
      parts.push({
        name: 'knob',
        group: 'lid',
        solid: kit.sphere(0.02, 12).translate(0, h + r * 0.35 + 0.01, 0),
      });
      anchors.cavity = undefined;
    }
    return parts;
  },
};

export const suitcase: FamilyDefinition = {
  id: 'suitcase',
  category: 'container',
  nouns: [
    { word: 'suitcase' },
    { word: 'luggage' },
    { word: 'briefcase', variant: 'briefcase' },
    { word: 'trolley case' },
    { word: 'valise' },
    { word: 'attache case', variant: 'briefcase' },
  ],
  groups: [
    main('shell', ['shell', 'body', 'case'], 'plastic', { color: 'navy' }),
    accent('handle', ['handle', 'handles', 'wheels'], 'plastic', { color: 'black' }),
  ],
  variantMaterials: { briefcase: { shell: ['leather', 'brown'] } },
  size: { width: [0.37, 0.54], height: [0.31, 0.88], depth: [0.085, 0.31] },
  build({ kit, rng, variant, size }) {
    const brief = variant === 'briefcase';
    const w = (brief ? rng.range(0.42, 0.48) : rng.range(0.4, 0.5)) * size.width;
    const h = (brief ? rng.range(0.3, 0.34) : rng.range(0.55, 0.75)) * size.height;
    const d = (brief ? rng.range(0.09, 0.12) : rng.range(0.22, 0.28)) * size.depth;
    const wheel = brief ? 0 : 0.03;
    const parts: BuiltPart[] = [
      {
        name: 'shell',
        group: 'shell',
        solid: kit.roundedBox([w, h, d], brief ? 0.015 : 0.04).translate(0, wheel + h / 2, 0),
      },
    ];
    const top = wheel + h;
    const handle = bezier([-0.06, top - 0.005, 0], [0, top + 0.07, 0], [0.06, top - 0.005, 0], 10);
    parts.push({ name: 'handle', group: 'handle', solid: kit.tube(handle, 0.009, { segments: 8 }) });
    if (!brief) {
      for (const [i, x] of [-w / 2 + 0.04, w / 2 - 0.04].entries()) {
        parts.push({
          name: `wheel_${i + 1}`,
          group: 'handle',
          solid: kit
            .cylinder(wheel / 2, 0.02, { segments: 14 })
            .rotate(0, 0, 90)
            .translate(x + 0.01, wheel / 2, -d / 2 + 0.04),
        });
      }
    }
    return parts;
  },
};

export const backpack: FamilyDefinition = {
  id: 'backpack',
  category: 'container',
  nouns: [
    { word: 'backpack' },
    { word: 'rucksack' },
    { word: 'knapsack' },
    { word: 'school bag' },
    { word: 'schoolbag' },
    { word: 'daypack' },
  ],
  groups: [
    colored('body', ['body', 'bag', 'pack'], 'canvas', { color: 'red', takesMainMaterial: true }),
    colored('pocket', ['pocket', 'pockets', 'flap'], 'canvas', { color: 'red', takesMainMaterial: true }),
    accent('straps', ['strap', 'straps', 'handle'], 'canvas', { color: 'charcoal' }),
  ],
  size: { width: [0.26, 0.37], height: [0.42, 0.6], depth: [0.19, 0.3] },
  build({ kit, rng, size }) {
    const w = rng.range(0.28, 0.34) * size.width;
    const h = rng.range(0.4, 0.5) * size.height;
    const d = rng.range(0.13, 0.18) * size.depth;
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: kit.roundedBox([w, h, d], Math.min(w, d) * 0.45).translate(0, h / 2, 0),
      },
    ];
    parts.push({
      name: 'pocket',
      group: 'pocket',
      solid: kit.roundedBox([w * 0.7, h * 0.35, d * 0.5], d * 0.22).translate(0, h * 0.28, d / 2),
    });
    for (const [i, x] of [-w * 0.25, w * 0.25].entries()) {
      const path = bezier(
        [x, h * 0.88, -d / 2 + 0.005],
        [x, h * 0.5, -d / 2 - 0.08],
        [x * 1.1, h * 0.1, -d / 2 + 0.005],
        10,
      );
      parts.push({ name: `strap_${i + 1}`, group: 'straps', solid: kit.tube(path, 0.012, { segments: 8 }) });
    }
    parts.push({
      name: 'handle',
      group: 'straps',
      solid: torus(kit, 0.03, 0.006, 0, 16, 6)
        .rotate(90, 0, 0)
        .translate(0, h + 0.02, -d * 0.1),
    });
    return parts;
  },
};

export const tinCan: FamilyDefinition = {
  id: 'tin can',
  category: 'container',
  nouns: [
    { word: 'tin can' },
    { word: 'can' },
    { word: 'soda can', variant: 'soda' },
    { word: 'canister' },
    { word: 'tin' },
    { word: 'soup can' },
    { word: 'beer can', variant: 'soda' },
  ],
  variantWords: { soda: 'soda', drink: 'soda', beer: 'soda', paint: 'paint', soup: 'food', food: 'food' },
  groups: [
    structural('body', ['body', 'can', 'lid', 'top'], 'aluminium'),
    colored('label', ['label', 'wrapper'], 'paper', { color: 'red', optional: 'on' }),
  ],
  size: { width: [0.062, 0.2], height: [0.092, 0.25], depth: [0.062, 0.2] },
  build({ kit, rng, variant, size, has }) {
    const soda = variant === 'soda';
    const r =
      (soda ? 0.033 : variant === 'paint' ? rng.range(0.08, 0.09) : rng.range(0.035, 0.045)) * size.width;
    const h =
      (soda ? 0.122 : variant === 'paint' ? rng.range(0.17, 0.19) : rng.range(0.1, 0.12)) * size.height;
    const body = soda
      ? turned(
          kit,
          [
            [r * 0.7, 0],
            [r, h * 0.08],
            [r, h * 0.85],
            [r * 0.8, h * 0.97],
            [r * 0.8, h],
          ],
          2,
          32,
        )
      : turned(
          kit,
          [
            [r * 0.97, 0],
            [r, 0.004],
            [r, h - 0.004],
            [r * 0.97, h],
          ],
          1,
          32,
        );
    const parts: BuiltPart[] = [{ name: 'body', group: 'body', solid: body, uv: cyl }];
    if (has('label') && !soda) {
      parts.push({
        name: 'label',
        group: 'label',
        solid: vessel(
          kit,
          [
            [r + 0.0012, 0],
            [r + 0.0012, h * 0.7],
          ],
          0.0015,
          0.0001,
          1,
          32,
        ).translate(0, h * 0.15, 0),
        uv: cyl,
      });
    }
    if (variant === 'paint') {
      const path = bezier([-r, h * 0.8, 0], [0, h + r * 1.2, 0], [r, h * 0.8, 0], 12);
      parts.push({ name: 'handle', group: 'body', solid: kit.tube(path, 0.002, { segments: 6 }) });
    }
    return parts;
  },
};

export const wateringCan: FamilyDefinition = {
  id: 'watering can',
  category: 'container',
  nouns: [{ word: 'watering can' }, { word: 'watering pot' }, { word: 'sprinkling can' }],
  groups: [
    main('body', ['body', 'can'], 'steel', { color: 'green' }),
    main('spout', ['spout', 'rose', 'nozzle'], 'steel', { color: 'green' }),
    main('handle', ['handle'], 'steel', { color: 'green' }),
  ],
  size: { width: [0.43, 0.56], height: [0.2, 0.33], depth: [0.14, 0.22] },
  build({ kit, rng, size }) {
    const r = rng.range(0.08, 0.1) * size.width;
    const h = rng.range(0.2, 0.28) * size.height;
    const body = turned(
      kit,
      [
        [r, 0],
        [r, h * 0.85],
        [r * 0.85, h],
      ],
      1,
      36,
    );
    const spoutPath = bezier([r * 0.5, h * 0.15, 0], [r + 0.12, h * 0.4, 0], [r + 0.25, h * 0.95, 0], 12);
    const spout = kit.tube(
      spoutPath,
      spoutPath.map((_, i) => 0.016 - i * 0.0007),
      { segments: 12 },
    );
    const roseAt = spoutPath[spoutPath.length - 1];
    const rose = turned(
      kit,
      [
        [0.01, 0],
        [0.025, 0.025],
        [0.027, 0.03],
      ],
      1,
      16,
    )
      .rotate(0, 0, -40)
      .translate(roseAt[0], roseAt[1] - 0.005, 0);
    const handle = bezier([-r * 0.2, h - 0.01, 0], [-r * 1.6, h + 0.06, 0], [-r + 0.004, h * 0.35, 0], 12);
    return [
      { name: 'body', group: 'body', solid: body, uv: cyl },
      { name: 'spout', group: 'spout', solid: spout },
      { name: 'rose', group: 'spout', solid: rose },
      { name: 'handle', group: 'handle', solid: kit.tube(handle, 0.009, { segments: 8 }) },
    ];
  },
};

export const jerrycan: FamilyDefinition = {
  id: 'jerrycan',
  category: 'container',
  nouns: [
    { word: 'jerrycan' },
    { word: 'jerry can' },
    { word: 'gas can' },
    { word: 'fuel can' },
    { word: 'petrol can' },
  ],
  groups: [
    main('body', ['body', 'can'], 'steel', { color: 'red' }),
    main('handle', ['handle', 'cap'], 'steel', { color: 'red' }),
  ],
  size: { width: [0.3, 0.41], height: [0.43, 0.58], depth: [0.13, 0.19] },
  build({ kit, rng, size }) {
    const w = rng.range(0.33, 0.38) * size.width;
    const h = rng.range(0.42, 0.48) * size.height;
    const d = rng.range(0.14, 0.17) * size.depth;
    const body = kit.roundedBox([w, h, d], 0.02).translate(0, h / 2, 0);
    const bars: Solid[] = [-1, 0, 1].map((i) =>
      kit.boxBetween([i * 0.05 - 0.012, h - 0.01, -0.01], [i * 0.05 + 0.012, h + 0.05, 0.01]),
    );
    const grip = kit.boxBetween([-0.075, h + 0.035, -0.012], [0.075, h + 0.055, 0.012]);
    const cap = kit
      .cylinder(0.022, 0.05, { segments: 16 })
      .rotate(0, 0, -35)
      .translate(w / 2 - 0.05, h - 0.02, 0);
    return [
      { name: 'body', group: 'body', solid: body },
      {
        name: 'handle',
        group: 'handle',
        solid: kit
          .compose([...bars.slice(0, 1), bars[2]])
          .add(grip)
          .add(bars[1]),
      },
      { name: 'cap', group: 'handle', solid: cap },
    ];
  },
};

export const CONTAINERS: FamilyDefinition[] = [
  basket,
  bucket,
  sack,
  trashCan,
  suitcase,
  backpack,
  tinCan,
  wateringCan,
  jerrycan,
];
