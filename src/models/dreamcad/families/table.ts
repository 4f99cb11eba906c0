import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A table: a rectangular or round top on four legs. Dining height 0.72–0.77 m; "coffee" tables are low,
 * "round" tables have a disc top with legs set on a circle.
 */
export const table: FamilyDefinition = {
  id: 'table',
  category: 'furniture',
  nouns: [{ word: 'table' }, { word: 'desk', variant: 'desk' }, { word: 'tabletop' }],
  related: ['counter', 'workbench', 'bench', 'altar', 'nightstand', 'dining', 'furniture'],
  variantWords: { round: 'round', circular: 'round', coffee: 'coffee', side: 'side', bedside: 'side' },
  groups: [
    {
      id: 'top',
      nouns: ['top', 'tabletop', 'surface'],
      material: 'wood',
      takesMainMaterial: true,
      takesMainColor: true,
    },
    {
      id: 'legs',
      nouns: ['leg', 'legs'],
      material: 'wood',
      takesMainMaterial: true,
      takesMainColor: true,
      // "a table with three legs", "a long table with six legs"
      count: [3, 8],
    },
  ],
  size: { width: [0.4, 1.7], height: [0.38, 0.8], depth: [0.4, 1.25] },
  build: buildTable,
};

function buildTable({ kit, rng, variant, size, count }: BuildContext): BuiltPart[] {
  const height =
    (variant === 'coffee'
      ? rng.range(0.4, 0.46)
      : variant === 'side'
        ? rng.range(0.5, 0.6)
        : rng.range(0.72, 0.77)) * size.height;
  const topT = rng.range(0.025, 0.045);
  const legT = rng.range(0.04, 0.07);
  const roundLegs = rng.chance(0.35);
  const legCount = count('legs') ?? 4;
  const parts: BuiltPart[] = [];
  let legSpots: Array<[number, number]>;

  if (variant === 'round') {
    const radius = (rng.range(0.8, 1.2) * size.width) / 2;
    parts.push({
      name: 'top',
      group: 'top',
      solid: kit.cylinder(radius, topT, { segments: 48 }).translate(0, height - topT, 0),
      uv: { kind: 'cylindrical' },
    });
    const r = radius * rng.range(0.55, 0.7);
    legSpots = Array.from({ length: legCount }, (_, i) => 45 + (360 * i) / legCount).map((a) => [
      r * Math.cos((a * Math.PI) / 180),
      r * Math.sin((a * Math.PI) / 180),
    ]);
  } else {
    const [wMin, wMax, dMin, dMax] =
      variant === 'coffee'
        ? [0.8, 1.2, 0.45, 0.65]
        : variant === 'side'
          ? [0.4, 0.55, 0.4, 0.5]
          : variant === 'desk'
            ? [1.0, 1.5, 0.55, 0.75]
            : [0.9, 1.6, 0.7, 0.95];
    const w = rng.range(wMin, wMax) * size.width;
    const d = rng.range(dMin, dMax) * size.depth;
    parts.push({
      name: 'top',
      group: 'top',
      solid: kit.boxBetween([-w / 2, height - topT, -d / 2], [w / 2, height, d / 2]),
    });
    const inset = rng.range(0.03, 0.08) + legT / 2;
    const x = w / 2 - inset;
    const z = d / 2 - inset;
    legSpots = rectLegSpots(legCount, x, z);
  }

  const legTop = height - topT + 0.002;
  legSpots.forEach(([x, z], i) => {
    parts.push(
      roundLegs
        ? {
            name: `leg_${i + 1}`,
            group: 'legs',
            solid: kit.cylinder(legT * 0.4, legTop, { radiusTop: legT / 2, segments: 20 }).translate(x, 0, z),
            uv: { kind: 'cylindrical', center: [x, z] },
          }
        : {
            name: `leg_${i + 1}`,
            group: 'legs',
            solid: kit.boxBetween([x - legT / 2, 0, z - legT / 2], [x + legT / 2, legTop, z + legT / 2]),
          },
    );
  });
  return parts;
}

/**
 * Leg positions under a rectangular top with corners at (±x, ±z): four at the corners; three as two
 * front corners and the middle of the back; more split between the two long sides, evenly spaced.
 */
function rectLegSpots(n: number, x: number, z: number): Array<[number, number]> {
  if (n === 3)
    return [
      [-x, z],
      [x, z],
      [0, -z],
    ];
  if (n === 4)
    return [
      [-x, z],
      [x, z],
      [x, -z],
      [-x, -z],
    ];
  const front = Math.ceil(n / 2);
  const back = n - front;
  const row = (k: number, zz: number): Array<[number, number]> =>
    Array.from({ length: k }, (_, i) => [k === 1 ? 0 : -x + (2 * x * i) / (k - 1), zz]);
  return [...row(front, z), ...row(back, -z)];
}
