import { smoothCurve, vesselProfile } from '../../../geometry/profile.js';
import type { ProfilePoint } from '../../../geometry/solid.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A turned vase: foot, belly, neck and a flared lip, hollow with a real wall, 0.15–0.5 m tall.
 * Jars are squat with a wide mouth; urns are full-bellied.
 */
export const vase: FamilyDefinition = {
  id: 'vase',
  category: 'decor',
  nouns: [{ word: 'vase' }, { word: 'jar', variant: 'jar' }, { word: 'urn' }, { word: 'amphora' }],
  related: [
    'pot',
    'pottery',
    'flowerpot',
    'planter',
    'bowl',
    'vessel',
    'flower',
    'flowers',
    'jug',
    'pitcher',
  ],
  variantWords: { squat: 'jar', slender: 'slender', bud: 'slender' },
  groups: [
    {
      id: 'body',
      nouns: ['body', 'vase', 'neck', 'lip'],
      material: 'ceramic',
      takesMainMaterial: true,
      takesMainColor: true,
    },
  ],
  size: { width: [0.08, 0.36], height: [0.13, 0.5], depth: [0.08, 0.36] },
  build: buildVase,
};

function buildVase({ kit, rng, variant, size, anchors }: BuildContext): BuiltPart[] {
  // Proportions come from the natural height; size words then stretch height and width separately.
  const natural = variant === 'jar' ? rng.range(0.14, 0.24) : rng.range(0.22, 0.45);
  const h = natural * size.height;
  const belly =
    natural *
    (variant === 'jar'
      ? rng.range(0.35, 0.45)
      : variant === 'slender'
        ? rng.range(0.12, 0.16)
        : rng.range(0.18, 0.3)) *
    size.width;
  const neck = belly * (variant === 'jar' ? rng.range(0.75, 0.9) : rng.range(0.35, 0.65));
  const lip = neck * rng.range(1.0, 1.4);
  const foot = belly * rng.range(0.5, 0.75);
  const bellyY = h * rng.range(0.3, 0.5);
  const neckY = h * rng.range(0.75, 0.88);
  const controls: ProfilePoint[] = [
    [foot, 0],
    [belly, bellyY],
    [neck, neckY],
    [lip, h],
  ];
  const outer = smoothCurve(controls, 5);
  const wall = Math.max(0.004, Math.min(0.008, neck * 0.15));
  anchors.cavity = {
    floor: neckY,
    rim: h,
    floorHalf: [neck - wall, neck - wall],
    rimHalf: [lip - wall, lip - wall],
    round: true,
  };
  return [
    {
      name: 'body',
      group: 'body',
      solid: kit.revolve(vesselProfile(outer, wall, wall * 1.5), { segments: 40 }),
      uv: { kind: 'cylindrical' },
    },
  ];
}
