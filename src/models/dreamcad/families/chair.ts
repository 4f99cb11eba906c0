import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A four-legged chair facing +Z: seat, legs, an optional backrest (on by default, off for stools) and
 * optional armrests (on for armchairs). Seat height follows real furniture (0.42–0.48 m).
 */
export const chair: FamilyDefinition = {
  id: 'chair',
  category: 'furniture',
  nouns: [
    { word: 'chair' },
    { word: 'armchair', variant: 'armchair', include: ['armrests'] },
    { word: 'seat' },
    { word: 'stool', variant: 'stool', exclude: ['backrest'] },
  ],
  related: ['sofa', 'couch', 'bench', 'throne', 'recliner', 'sit', 'sitting', 'furniture', 'ottoman'],
  variantWords: { dining: 'dining', kitchen: 'dining', office: 'dining', bar: 'stool' },
  groups: [
    {
      id: 'seat',
      nouns: ['seat', 'cushion'],
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
      // "a stool with three legs"
      count: [3, 4],
    },
    {
      id: 'backrest',
      nouns: ['back', 'backrest', 'backs'],
      optional: 'on',
      material: 'wood',
      takesMainMaterial: true,
      takesMainColor: true,
    },
    {
      id: 'armrests',
      nouns: ['arm', 'arms', 'armrest', 'armrests'],
      optional: 'off',
      material: 'wood',
      takesMainMaterial: true,
      takesMainColor: true,
    },
  ],
  size: { width: [0.38, 0.72], height: [0.4, 1.05], depth: [0.38, 0.62] },
  build: buildChair,
};

function buildChair({ kit, rng, variant, size, has, count, anchors }: BuildContext): BuiltPart[] {
  const arm = variant === 'armchair';
  const seatH = rng.range(0.42, 0.48) * size.height;
  const seatW = (arm ? rng.range(0.5, 0.6) : rng.range(0.4, 0.5)) * size.width;
  const seatD = (arm ? rng.range(0.46, 0.54) : rng.range(0.4, 0.48)) * size.depth;
  const seatT = rng.range(0.03, 0.05);
  const legT = rng.range(0.03, 0.045) * Math.min(size.width, size.depth) ** 0.5;
  const roundLegs = rng.chance(0.4);
  const inset = rng.range(0.005, 0.02);
  const parts: BuiltPart[] = [];
  anchors.rest = { y: seatH, min: [-seatW / 2, -seatD / 2], max: [seatW / 2, seatD / 2] };

  parts.push({
    name: 'seat',
    group: 'seat',
    solid: kit.boxBetween([-seatW / 2, seatH - seatT, -seatD / 2], [seatW / 2, seatH, seatD / 2]),
  });

  const legTop = seatH - seatT + 0.002; // a hair into the seat so no gap shows
  const lx = seatW / 2 - inset - legT / 2;
  const lz = seatD / 2 - inset - legT / 2;
  // Three legs: two at the front corners and one at the middle of the back edge.
  const corners: Array<[number, number]> =
    count('legs') === 3
      ? [
          [-lx, lz],
          [lx, lz],
          [0, -lz],
        ]
      : [
          [-lx, lz],
          [lx, lz],
          [lx, -lz],
          [-lx, -lz],
        ];
  corners.forEach(([x, z], i) => {
    parts.push(
      roundLegs
        ? {
            name: `leg_${i + 1}`,
            group: 'legs',
            solid: kit
              .cylinder(legT * 0.42, legTop, { radiusTop: legT * 0.5, segments: 16 })
              .translate(x, 0, z),
            uv: { kind: 'cylindrical', center: [x, z] },
          }
        : {
            name: `leg_${i + 1}`,
            group: 'legs',
            solid: kit.boxBetween([x - legT / 2, 0, z - legT / 2], [x + legT / 2, legTop, z + legT / 2]),
          },
    );
  });

  if (has('backrest')) {
    const backH = rng.range(0.35, 0.5) * size.height;
    const backT = rng.range(0.02, 0.035);
    const tilt = rng.range(2, 10);
    const back = kit
      .boxBetween([-seatW / 2, 0, 0], [seatW / 2, backH, backT])
      // Lean back around the seat's rear edge: a negative X rotation tips +Y towards -Z.
      .rotate(-tilt, 0, 0)
      .translate(0, seatH - 0.005, -seatD / 2);
    parts.push({ name: 'backrest', group: 'backrest', solid: back });
  }

  if (has('armrests')) {
    const armH = rng.range(0.18, 0.25) * size.height;
    const armW = rng.range(0.04, 0.06);
    const front = seatD / 2 - rng.range(0, 0.04);
    [-1, 1].forEach((side, i) => {
      const x = side * (seatW / 2 - armW / 2);
      const post = kit.boxBetween(
        [x - armW / 2 + 0.005, seatH - 0.005, front - 0.06],
        [x + armW / 2 - 0.005, seatH + armH - 0.01, front - 0.02],
      );
      const rail = kit.boxBetween(
        [x - armW / 2, seatH + armH - 0.03, -seatD / 2 + 0.01],
        [x + armW / 2, seatH + armH, front],
      );
      parts.push({ name: `armrest_${i + 1}`, group: 'armrests', solid: post.add(rail) });
    });
  }
  return parts;
}
