import type { Vec3 } from '../../../asset/asset.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A sword standing on its pommel, blade up, flat of the blade facing +Z: blade (diamond section with a
 * point), crossguard, grip and pommel. 0.85–1.1 m long; daggers 0.3–0.45 m, greatswords up to 1.45 m.
 * "Hilt" names guard, grip and pommel together.
 */
export const sword: FamilyDefinition = {
  id: 'sword',
  category: 'weapon',
  nouns: [
    { word: 'sword' },
    { word: 'blade' },
    { word: 'katana', variant: 'katana' },
    { word: 'sabre', variant: 'katana' },
    { word: 'saber', variant: 'katana' },
    { word: 'longsword' },
    { word: 'broadsword' },
    { word: 'rapier', variant: 'rapier' },
    { word: 'greatsword', variant: 'great' },
    { word: 'claymore', variant: 'great' },
    { word: 'dagger', variant: 'dagger' },
  ],
  related: [
    'weapon',
    'knight',
    'medieval',
    'warrior',
    'scimitar',
    'cutlass',
    'machete',
    'excalibur',
    'fencing',
  ],
  variantWords: { short: 'dagger' },
  groups: [
    {
      id: 'blade',
      nouns: ['blade', 'edge', 'tip'],
      material: 'steel',
      takesMainMaterial: true,
      takesMainColor: false,
    },
    {
      id: 'guard',
      nouns: ['guard', 'crossguard', 'hilt', 'quillons'],
      material: 'steel',
      takesMainMaterial: true,
      takesMainColor: false,
    },
    {
      id: 'grip',
      nouns: ['grip', 'handle', 'hilt'],
      material: 'leather',
      takesMainMaterial: false,
      takesMainColor: true,
    },
    {
      id: 'pommel',
      nouns: ['pommel', 'hilt'],
      material: 'steel',
      takesMainMaterial: true,
      takesMainColor: false,
    },
  ],
  size: { width: [0.04, 0.36], height: [0.28, 1.5], depth: [0.02, 0.065] },
  build: buildSword,
};

function buildSword({ kit, rng, variant, size }: BuildContext): BuiltPart[] {
  const natural =
    variant === 'dagger'
      ? rng.range(0.3, 0.42)
      : variant === 'great'
        ? rng.range(1.25, 1.45)
        : rng.range(0.88, 1.08);
  const length = natural * size.height;
  const slim = variant === 'katana' || variant === 'rapier';
  const gripL = length * (variant === 'katana' ? rng.range(0.22, 0.27) : rng.range(0.12, 0.18));
  const pommelR = Math.max(0.012, length * rng.range(0.018, 0.026));
  const guardW =
    (variant === 'katana' ? rng.range(0.07, 0.09) : natural * rng.range(0.17, 0.24)) * size.width;
  const guardH = rng.range(0.018, 0.028);
  const guardD = rng.range(0.025, 0.035);
  const bladeW =
    (slim ? rng.range(0.025, 0.032) : rng.range(0.04, 0.06)) * size.width * (variant === 'dagger' ? 0.9 : 1);
  const bladeT = rng.range(0.006, 0.01);
  const parts: BuiltPart[] = [];

  const pommelY = pommelR * 0.95;
  parts.push({
    name: 'pommel',
    group: 'pommel',
    solid: kit.sphere(pommelR, 20).scale([1, 0.95, 0.8]).translate(0, pommelY, 0),
    uv: { kind: 'cylindrical' },
  });
  const gripBottom = pommelY + pommelR * 0.6;
  const gripTop = gripBottom + gripL;
  const gripR = rng.range(0.012, 0.016);
  parts.push({
    name: 'grip',
    group: 'grip',
    solid: kit
      .cylinder(gripR, gripL + 0.004, { radiusTop: gripR * 0.9, segments: 16 })
      .translate(0, gripBottom - 0.002, 0),
    uv: { kind: 'cylindrical' },
  });
  const guardTop = gripTop + guardH;
  parts.push({
    name: 'guard',
    group: 'guard',
    solid: kit.boxBetween([-guardW / 2, gripTop, -guardD / 2], [guardW / 2, guardTop, guardD / 2]),
  });

  // Convex hull of a diamond section at the base, the same section where the taper starts, and the point.
  const tip = length;
  const taperStart = guardTop + (tip - guardTop) * (variant === 'rapier' ? 0.9 : rng.range(0.8, 0.9));
  const tipW = bladeW * rng.range(0.75, 0.95);
  const base = guardTop - 0.002;
  const points: Vec3[] = [
    [-bladeW / 2, base, 0],
    [bladeW / 2, base, 0],
    [0, base, -bladeT / 2],
    [0, base, bladeT / 2],
    [-tipW / 2, taperStart, 0],
    [tipW / 2, taperStart, 0],
    [0, taperStart, -bladeT / 2],
    [0, taperStart, bladeT / 2],
    [0, tip, 0],
  ];
  parts.push({ name: 'blade', group: 'blade', solid: kit.hull(points) });
  return parts;
}
