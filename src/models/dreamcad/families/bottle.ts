import { smoothCurve } from '../../../geometry/profile.js';
import type { ProfilePoint } from '../../../geometry/solid.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/** A bottle 0.2–0.35 m tall: body, shoulder, neck and a cap (cork for wine bottles). Green glass by default. */
export const bottle: FamilyDefinition = {
  id: 'bottle',
  category: 'tableware',
  nouns: [{ word: 'bottle' }, { word: 'flask' }, { word: 'decanter' }, { word: 'carafe' }],
  related: ['wine', 'beer', 'water', 'potion', 'liquor', 'whisky', 'whiskey', 'soda', 'perfume', 'jug'],
  variantWords: { wine: 'wine', beer: 'beer', water: 'water', potion: 'potion' },
  groups: [
    {
      id: 'body',
      nouns: ['body', 'bottle', 'neck'],
      material: 'glass',
      color: 'green',
      takesMainMaterial: true,
      takesMainColor: true,
    },
    {
      id: 'cap',
      nouns: ['cap', 'lid', 'cork', 'stopper', 'top'],
      optional: 'on',
      material: 'steel',
      takesMainMaterial: false,
      takesMainColor: false,
    },
  ],
  size: { width: [0.05, 0.11], height: [0.18, 0.37], depth: [0.05, 0.11] },
  build: buildBottle,
};

function buildBottle({ kit, rng, variant, size, has }: BuildContext): BuiltPart[] {
  const h = (variant === 'beer' ? rng.range(0.2, 0.25) : rng.range(0.24, 0.33)) * size.height;
  const r = (variant === 'potion' ? rng.range(0.04, 0.05) : rng.range(0.03, 0.042)) * size.width;
  const neckR = rng.range(0.011, 0.015) * Math.sqrt(size.width);
  const shoulderY = h * (variant === 'potion' ? rng.range(0.35, 0.45) : rng.range(0.55, 0.68));
  const neckY = shoulderY + (h - shoulderY) * rng.range(0.35, 0.55);
  const controls: ProfilePoint[] = [
    [r * 0.96, 0],
    [r, h * 0.04],
    [r, shoulderY],
    [neckR * 1.05, neckY],
    [neckR, h * 0.95],
    [neckR * 1.12, h],
  ];
  const outline = smoothCurve(controls, 4);
  const parts: BuiltPart[] = [
    {
      name: 'body',
      group: 'body',
      solid: kit.revolve([[0, 0], ...outline, [0, h]], { segments: 36 }),
      uv: { kind: 'cylindrical' },
    },
  ];
  if (has('cap')) {
    const capH = rng.range(0.015, 0.025);
    parts.push({
      name: 'cap',
      group: 'cap',
      solid: kit.cylinder(neckR * 1.2, capH, { segments: 24 }).translate(0, h - capH * 0.6, 0),
      uv: { kind: 'cylindrical' },
    });
  }
  return parts;
}
