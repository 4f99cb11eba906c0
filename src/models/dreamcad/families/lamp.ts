import { smoothCurve } from '../../../geometry/profile.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A lamp: a turned base, a pole, a hollow conical shade and a glowing bulb. Table lamps are 0.4–0.7 m,
 * floor lamps 1.4–1.9 m. Colour words dress the shade; metal and wood words go to base and pole, fabric,
 * paper and glass to the shade.
 */
export const lamp: FamilyDefinition = {
  id: 'lamp',
  category: 'lighting',
  nouns: [
    { word: 'lamp' },
    { word: 'lampshade' },
    { word: 'floorlamp', variant: 'floor' },
    { word: 'standard', variant: 'floor' },
  ],
  related: ['light', 'lantern', 'lighting', 'torch', 'sconce', 'chandelier', 'bulb', 'luminaire'],
  variantWords: { floor: 'floor', standing: 'floor', table: 'table', desk: 'table', bedside: 'table' },
  groups: [
    {
      id: 'base',
      nouns: ['base', 'foot', 'stand'],
      material: 'brass',
      takesMainMaterial: true,
      takesMainColor: false,
    },
    {
      id: 'pole',
      nouns: ['pole', 'stem', 'post', 'neck', 'rod'],
      material: 'brass',
      takesMainMaterial: true,
      takesMainColor: false,
    },
    {
      id: 'shade',
      nouns: ['shade', 'lampshade'],
      optional: 'on',
      material: 'fabric',
      takesMainMaterial: false,
      takesMainColor: true,
      prefers: ['fabric', 'glass'],
    },
    {
      id: 'bulb',
      nouns: ['bulb', 'lightbulb'],
      optional: 'on',
      material: 'bulb',
      takesMainMaterial: false,
      takesMainColor: false,
    },
  ],
  size: { width: [0.15, 0.56], height: [0.35, 1.95], depth: [0.15, 0.56] },
  build: buildLamp,
};

function buildLamp({ kit, rng, variant, size, has }: BuildContext): BuiltPart[] {
  const floor = variant === 'floor';
  const k = size.width;
  const baseR = (floor ? rng.range(0.13, 0.18) : rng.range(0.07, 0.11)) * k;
  const baseH = floor ? rng.range(0.025, 0.04) : rng.range(0.02, 0.045);
  const poleR = (floor ? rng.range(0.01, 0.015) : rng.range(0.007, 0.011)) * Math.sqrt(k);
  const poleH = (floor ? rng.range(1.2, 1.45) : rng.range(0.26, 0.4)) * size.height;
  const shadeBottomR = (floor ? rng.range(0.18, 0.25) : rng.range(0.11, 0.17)) * k;
  const shadeTopR = shadeBottomR * rng.range(0.55, 0.85);
  const shadeH = (floor ? rng.range(0.25, 0.32) : rng.range(0.15, 0.22)) * Math.sqrt(size.height);
  const wall = 0.004;
  const parts: BuiltPart[] = [];

  // A turned base: wide foot, a soft shoulder, narrowing into the pole.
  const baseProfile = smoothCurve(
    [
      [baseR, 0],
      [baseR, baseH * 0.45],
      [baseR * 0.7, baseH * 0.85],
      [poleR * 1.8, baseH],
    ],
    4,
  );
  parts.push({
    name: 'base',
    group: 'base',
    solid: kit.revolve([[0, 0], ...baseProfile, [0, baseH]], { segments: 40 }),
    uv: { kind: 'cylindrical' },
  });

  const poleTop = baseH + poleH;
  parts.push({
    name: 'pole',
    group: 'pole',
    solid: kit.cylinder(poleR, poleH + 0.004, { segments: 16 }).translate(0, baseH - 0.002, 0),
    uv: { kind: 'cylindrical' },
  });

  // The shade hangs with its lower rim a little below the top of the pole, the bulb inside it.
  const shadeBottom = poleTop - shadeH * rng.range(0.25, 0.4);
  if (has('shade')) {
    parts.push({
      name: 'shade',
      group: 'shade',
      solid: kit
        .revolve(
          [
            [shadeBottomR, 0],
            [shadeTopR, shadeH],
            [shadeTopR - wall, shadeH],
            [shadeBottomR - wall, 0],
          ],
          { segments: 48 },
        )
        .translate(0, shadeBottom, 0),
      uv: { kind: 'cylindrical' },
    });
  }
  if (has('bulb')) {
    const bulbR = floor ? 0.035 : 0.028;
    parts.push({
      name: 'bulb',
      group: 'bulb',
      solid: kit
        .sphere(bulbR, 24)
        .scale([1, 1.25, 1])
        .translate(0, poleTop + bulbR * 0.9, 0),
      uv: { kind: 'cylindrical' },
    });
  }
  return parts;
}
