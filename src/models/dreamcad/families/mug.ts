import { radiusAt, smoothCurve, vesselProfile } from '../../../geometry/profile.js';
import type { ProfilePoint } from '../../../geometry/solid.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/** A mug: a hollow body 8–12 cm tall and a D-shaped handle on its right (+X) side. */
export const mug: FamilyDefinition = {
  id: 'mug',
  category: 'tableware',
  nouns: [{ word: 'mug' }, { word: 'cup' }, { word: 'teacup', variant: 'teacup' }, { word: 'tankard' }],
  related: [
    'coffee',
    'tea',
    'cocoa',
    'drink',
    'beverage',
    'espresso',
    'latte',
    'goblet',
    'tumbler',
    'chalice',
    'stein',
    'teapot',
    'kettle',
  ],
  variantWords: { tea: 'teacup', espresso: 'teacup' },
  groups: [
    {
      id: 'body',
      nouns: ['body', 'cup', 'mug', 'rim'],
      material: 'ceramic',
      takesMainMaterial: true,
      takesMainColor: true,
    },
    {
      id: 'handle',
      nouns: ['handle', 'handles'],
      optional: 'on',
      material: 'ceramic',
      takesMainMaterial: true,
      takesMainColor: true,
    },
  ],
  size: { width: [0.08, 0.17], height: [0.06, 0.13], depth: [0.06, 0.11] },
  build: buildMug,
};

function buildMug({ kit, rng, variant, size, has, anchors }: BuildContext): BuiltPart[] {
  const teacup = variant === 'teacup';
  const h = (teacup ? rng.range(0.06, 0.075) : rng.range(0.085, 0.11)) * size.height;
  const r = (teacup ? rng.range(0.038, 0.045) : rng.range(0.038, 0.047)) * size.width;
  const flare = teacup ? rng.range(1.15, 1.3) : rng.range(0.95, 1.1);
  const foot = teacup ? r * 0.6 : r;
  const controls: ProfilePoint[] = [
    [foot, 0],
    [r * (teacup ? 0.95 : 1), h * 0.45],
    [r * flare, h],
  ];
  const outer = teacup ? smoothCurve(controls, 4) : controls;
  const wall = rng.range(0.004, 0.006);
  anchors.cavity = {
    floor: wall * 1.6,
    rim: h,
    floorHalf: [radiusAt(outer, wall * 1.6) - wall, radiusAt(outer, wall * 1.6) - wall],
    rimHalf: [r * flare - wall, r * flare - wall],
    round: true,
  };
  const parts: BuiltPart[] = [
    {
      name: 'body',
      group: 'body',
      solid: kit.revolve(vesselProfile(outer, wall, wall * 1.6), { segments: 40 }),
      uv: { kind: 'cylindrical' },
    },
  ];
  if (has('handle')) {
    const reach = h * rng.range(0.28, 0.36); // radius of the handle's arc
    const thick = Math.max(0.004, h * rng.range(0.06, 0.08));
    const section: ProfilePoint[] = [];
    for (let i = 0; i < 12; i++) {
      const a = (i / 12) * Math.PI * 2;
      section.push([reach + Math.cos(a) * thick * 0.55, Math.sin(a) * thick]);
    }
    // Half a ring around Y, stood up in the XY plane: a "D" whose ends sit at (0, ±reach), bulging to +X.
    const ring = kit.revolve(section, { degrees: 180, segments: 24 }).rotate(90, 0, 0).rotate(0, 0, -90);
    // Tilt it to follow the wall (a teacup flares), so both ends sink into the wall by the same amount
    // and neither pokes through to the inside.
    const mid = h * 0.52;
    const rLow = radiusAt(outer, mid - reach);
    const rHigh = radiusAt(outer, mid + reach);
    const tilt = Math.atan2(rHigh - rLow, 2 * reach);
    const embed = Math.min(thick * 0.6, wall);
    parts.push({
      name: 'handle',
      group: 'handle',
      solid: ring
        .rotate(0, 0, (-tilt * 180) / Math.PI)
        .translate((rLow + rHigh) / 2 - embed * Math.cos(tilt), mid, 0),
    });
  }
  return parts;
}
