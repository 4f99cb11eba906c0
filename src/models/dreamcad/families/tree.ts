import { smoothCurve } from '../../../geometry/profile.js';
import type { ProfilePoint, Solid } from '../../../geometry/solid.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A tree 3–8 m tall: a flared, tapering trunk under a canopy. Broadleaf trees (oak, maple, …) get a
 * cloud of overlapping spheres; conifers (pine, fir, spruce, …) a stack of cones. Colour words tint
 * the foliage ("an autumn-red tree"); material words go to the trunk.
 */
export const tree: FamilyDefinition = {
  id: 'tree',
  category: 'plant',
  nouns: [
    { word: 'tree' },
    { word: 'conifer', variant: 'conifer' },
    { word: 'evergreen', variant: 'conifer' },
    { word: 'sapling' },
    // Species on their own ("an oak", "a pine"); as adjectives ("an oak table") they stay materials.
    ...['pine', 'fir', 'spruce', 'cedar', 'cypress', 'larch'].map((word) => ({ word, variant: 'conifer' })),
    ...['oak', 'maple', 'birch', 'elm', 'beech', 'willow'].map((word) => ({ word, variant: 'broadleaf' })),
  ],
  related: [
    'forest',
    'woods',
    'plant',
    'bush',
    'shrub',
    'leaf',
    'leaves',
    'branch',
    'garden',
    'park',
    'nature',
  ],
  // Species words pick the variant; they double as tree nouns when no other object is named ("an oak").
  variantWords: {
    pine: 'conifer',
    fir: 'conifer',
    spruce: 'conifer',
    cedar: 'conifer',
    cypress: 'conifer',
    christmas: 'conifer',
    larch: 'conifer',
    oak: 'broadleaf',
    maple: 'broadleaf',
    birch: 'broadleaf',
    elm: 'broadleaf',
    beech: 'broadleaf',
    ash: 'broadleaf',
    willow: 'broadleaf',
    apple: 'broadleaf',
    cherry: 'broadleaf',
    walnut: 'broadleaf',
    chestnut: 'broadleaf',
  },
  groups: [
    {
      id: 'trunk',
      nouns: ['trunk', 'bark', 'stem'],
      material: 'bark',
      takesMainMaterial: true,
      takesMainColor: false,
    },
    {
      id: 'canopy',
      nouns: ['canopy', 'leaves', 'foliage', 'crown', 'needles', 'leaf'],
      optional: 'on',
      material: 'foliage',
      takesMainMaterial: false,
      takesMainColor: true,
    },
  ],
  size: { width: [0.25, 7.2], height: [3, 8], depth: [0.25, 7.2] },
  build: buildTree,
};

function buildTree(ctx: BuildContext): BuiltPart[] {
  const { kit, rng, variant, size, has } = ctx;
  const conifer = variant === 'conifer';
  // Girths follow the natural height; size words then stretch height and width separately.
  const natural = conifer ? rng.range(5, 8) : rng.range(3.5, 7);
  const h = natural * size.height;
  const trunkR = natural * (conifer ? rng.range(0.025, 0.035) : rng.range(0.032, 0.042)) * size.width;
  // The trunk reaches well into the canopy so no gap shows under the crown.
  const trunkH = h * (conifer ? rng.range(0.8, 0.88) : rng.range(0.62, 0.72));
  const trunk = kit.revolve(
    [
      [0, 0],
      ...smoothCurve(
        [
          [trunkR * 1.5, 0],
          [trunkR * 1.05, trunkH * 0.08],
          [trunkR, trunkH * 0.2],
          [trunkR * 0.55, trunkH],
        ],
        3,
      ),
      [0, trunkH],
    ],
    { segments: 20 },
  );
  const parts: BuiltPart[] = [{ name: 'trunk', group: 'trunk', solid: trunk, uv: { kind: 'cylindrical' } }];
  if (!has('canopy')) return parts;

  const canopy = conifer ? coniferCanopy(ctx, h, natural) : broadleafCrown(ctx, h, natural);
  parts.push({ name: 'canopy', group: 'canopy', solid: canopy });
  return parts;
}

/**
 * Tiers of branches as one turned silhouette: each tier flares out and its underside steps back in to
 * where the next tier starts. One revolve, no booleans.
 */
function coniferCanopy({ kit, rng, size }: BuildContext, h: number, natural: number): Solid {
  const tiers = rng.int(3, 5);
  const base = h * rng.range(0.18, 0.28);
  const spread = natural * rng.range(0.16, 0.22) * size.width;
  const step = (h - base) / (tiers + 0.6);
  const profile: ProfilePoint[] = [[0, base]];
  for (let i = 0; i < tiers; i++) {
    const y = base + i * step;
    const r = spread * (1 - (i / tiers) * 0.6);
    const droop = step * 0.12;
    profile.push([r, y], [r * rng.range(0.4, 0.5), y + step + droop]);
  }
  profile.push([0, h]);
  return kit.revolve(profile, { segments: 24 });
}

/**
 * A leafy crown as one lumpy ellipsoid: a sphere whose radius swells towards a few seeded directions.
 * The surface stays star-shaped around its centre, so it is a valid solid without any boolean union
 * (a union of overlapping spheres looks similar but costs ten times as much).
 */
function broadleafCrown({ kit, rng, size }: BuildContext, h: number, natural: number): Solid {
  const crownR = natural * rng.range(0.3, 0.36) * size.width;
  const squash = rng.range(0.78, 0.88);
  const centreY = h - crownR * squash * 1.2;
  const lumps: Array<{ d: [number, number, number]; a: number }> = [];
  const n = rng.int(10, 14);
  for (let i = 0; i < n; i++) {
    const azimuth = rng.range(0, Math.PI * 2);
    const elevation = rng.range(-0.3, 1.0);
    const c = Math.cos(elevation);
    lumps.push({
      d: [c * Math.cos(azimuth), Math.sin(elevation), c * Math.sin(azimuth)],
      a: rng.range(0.14, 0.26),
    });
  }
  return kit.sphere(1, 28).warp((xyz, count) => {
    for (let v = 0; v < count; v++) {
      const x = xyz[v * 3];
      const y = xyz[v * 3 + 1];
      const z = xyz[v * 3 + 2];
      const len = Math.hypot(x, y, z) || 1;
      let grow = 1;
      for (const { d, a } of lumps) {
        const dot = (x * d[0] + y * d[1] + z * d[2]) / len;
        if (dot > 0) grow += a * dot ** 12;
      }
      xyz[v * 3] = (x / len) * grow * crownR;
      xyz[v * 3 + 1] = (y / len) * grow * crownR * squash + centreY;
      xyz[v * 3 + 2] = (z / len) * grow * crownR;
    }
  });
}
