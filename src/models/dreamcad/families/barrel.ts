import { radiusAt, smoothCurve } from '../../../geometry/profile.js';
import type { ProfilePoint } from '../../../geometry/solid.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A cooper's barrel 0.6–1 m tall: a bulging body with recessed heads and iron hoops hugging the bulge.
 */
export const barrel: FamilyDefinition = {
  id: 'barrel',
  category: 'container',
  nouns: [
    { word: 'barrel' },
    { word: 'keg', variant: 'keg' },
    { word: 'cask' },
    { word: 'oil drum', variant: 'drum' },
  ],
  related: [
    'wine',
    'beer',
    'ale',
    'whisky',
    'whiskey',
    'rum',
    'brewery',
    'cellar',
    'tavern',
    'gunpowder',
    'oil',
  ],
  groups: [
    {
      id: 'body',
      nouns: ['body', 'staves', 'stave', 'barrel'],
      material: 'oak',
      takesMainMaterial: true,
      takesMainColor: true,
    },
    {
      id: 'hoops',
      nouns: ['hoop', 'hoops', 'band', 'bands', 'ring', 'rings'],
      optional: 'on',
      material: 'iron',
      takesMainMaterial: false,
      takesMainColor: false,
    },
  ],
  size: { width: [0.31, 0.77], height: [0.35, 1.1], depth: [0.31, 0.77] },
  build: buildBarrel,
};

function buildBarrel({ kit, rng, variant, size, has }: BuildContext): BuiltPart[] {
  const keg = variant === 'keg';
  const drum = variant === 'drum';
  const h = (keg ? rng.range(0.38, 0.5) : drum ? rng.range(0.85, 0.92) : rng.range(0.75, 0.95)) * size.height;
  const mid =
    (keg ? rng.range(0.17, 0.22) : drum ? rng.range(0.28, 0.3) : rng.range(0.28, 0.36)) * size.width;
  const end = mid * (drum ? 1 : rng.range(0.8, 0.88));
  const recess = Math.min(0.015, h * 0.02);
  const chime = Math.min(0.02, mid * 0.06); // how far the head sits inside the staves
  const outer = smoothCurve(
    [
      [end, 0],
      [(end + mid) / 2 + (mid - end) * 0.2, h * 0.25],
      [mid, h * 0.5],
      [(end + mid) / 2 + (mid - end) * 0.2, h * 0.75],
      [end, h],
    ],
    4,
  );
  const profile: ProfilePoint[] = [
    [0, recess],
    [end - chime, recess],
    [end - chime, 0],
    ...outer,
    [end - chime, h],
    [end - chime, h - recess],
    [0, h - recess],
  ];
  const parts: BuiltPart[] = [
    {
      name: 'body',
      group: 'body',
      solid: kit.revolve(profile, { segments: 40 }),
      uv: { kind: 'cylindrical' },
    },
  ];
  if (has('hoops')) {
    const band = Math.max(0.02, h * rng.range(0.035, 0.05));
    const spots = drum
      ? [0.05, 0.33, 0.67, 0.95]
      : [0.07, rng.range(0.22, 0.3), 1 - rng.range(0.22, 0.3), 0.93];
    spots.forEach((f, i) => {
      const y0 = Math.max(0.001, f * h - band / 2);
      const y1 = Math.min(h - 0.001, f * h + band / 2);
      // Each hoop follows the bulge: its inner edge sits inside the staves, its outer edge 4 mm proud.
      const r0 = radiusAt(outer, y0);
      const r1 = radiusAt(outer, y1);
      parts.push({
        name: `hoop_${i + 1}`,
        group: 'hoops',
        solid: kit.revolve(
          [
            [r0 - 0.006, y0],
            [r0 + 0.004, y0],
            [r1 + 0.004, y1],
            [r1 - 0.006, y1],
          ],
          { segments: 40 },
        ),
        uv: { kind: 'cylindrical' },
      });
    });
  }
  return parts;
}
