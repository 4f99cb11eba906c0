import type { Vec2 } from 'manifold-3d';
import type { Solid } from '../../../geometry/solid.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A wooden crate: a box of grooved boards inside a frame of twelve edge beams. Chests are wider than
 * tall with a lid line; plain boxes are crates without the frame's bulk. The default when nothing in a
 * prompt names a family, because a box is the most neutral object to hand back.
 */
export const crate: FamilyDefinition = {
  id: 'crate',
  category: 'container',
  nouns: [
    { word: 'crate' },
    { word: 'box', variant: 'box' },
    { word: 'chest', variant: 'chest' },
    { word: 'trunk', variant: 'chest' },
    { word: 'coffer', variant: 'chest' },
  ],
  related: [
    'storage',
    'container',
    'package',
    'parcel',
    'cargo',
    'shipping',
    'treasure',
    'loot',
    'supply',
    'supplies',
    'cube',
  ],
  variantWords: { treasure: 'chest', storage: 'crate', shipping: 'crate' },
  groups: [
    {
      id: 'panels',
      nouns: ['panel', 'panels', 'boards', 'board', 'sides', 'body', 'planks', 'lid'],
      material: 'pine',
      takesMainMaterial: true,
      takesMainColor: true,
    },
    {
      id: 'frame',
      nouns: ['frame', 'edges', 'edge', 'corners', 'beams', 'trim'],
      optional: 'on',
      // A shade darker than the boards so the frame reads at a glance.
      material: 'wood',
      takesMainMaterial: true,
      takesMainColor: false,
    },
  ],
  size: { width: [0.3, 1.0], height: [0.25, 0.75], depth: [0.3, 0.8] },
  build: buildCrate,
};

function buildCrate({ kit, rng, variant, size, has }: BuildContext): BuiltPart[] {
  const chest = variant === 'chest';
  const w = (chest ? rng.range(0.7, 0.95) : rng.range(0.45, 0.8)) * size.width;
  const h = (chest ? rng.range(0.4, 0.55) : rng.range(0.4, 0.7)) * size.height;
  const d =
    (chest ? rng.range(0.42, 0.55) : variant === 'box' ? rng.range(0.35, 0.6) : w / size.width) * size.depth;
  const beam = has('frame') ? Math.min(w, h, d) * rng.range(0.08, 0.11) : 0;
  const inset = beam * 0.35;

  // The boards: a box whose four sides carry shallow horizontal grooves, one between each pair of
  // planks. Its top and bottom sit inside the frame so no two faces are coplanar.
  const panelX = w / 2 - inset;
  const panelZ = d / 2 - inset;
  let panels: Solid = kit.boxBetween([-panelX, inset, -panelZ], [panelX, h - inset, panelZ]);
  const planks = Math.max(2, Math.round(h / rng.range(0.1, 0.15)));
  const cutters: Solid[] = [];
  const groove = (y: number, width: number, depth: number) =>
    // A flat rectangular ring (extruded in 2D, then laid flat) that bites `depth` into the four sides.
    kit
      .extrudeContours([rect(panelX + 0.01, panelZ + 0.01), rect(panelX - depth, panelZ - depth)], width)
      .rotate(90, 0, 0)
      .translate(0, y, 0);
  for (let i = 1; i < planks; i++) {
    const y = (h * i) / planks;
    if (chest && Math.abs(y - h * 0.68) < 0.03) continue; // the lid line takes this place
    cutters.push(groove(y, 0.006, 0.004));
  }
  if (chest) cutters.push(groove(h * 0.68, 0.008, 0.008)); // the lid line, deeper than a plank groove
  if (cutters.length > 0) panels = panels.subtract(kit.compose(cutters));
  const parts: BuiltPart[] = [{ name: 'panels', group: 'panels', solid: panels }];

  if (has('frame')) {
    // The twelve edge beams, as a box with three through-cuts (one along each axis): cheaper than a
    // union of twelve beams and free of coplanar seams.
    const b = beam;
    const e = 0.01;
    const frame = kit
      .box([w, h, d])
      .subtract(kit.box([w + e, h - 2 * b, d - 2 * b]))
      .subtract(kit.box([w - 2 * b, h + e, d - 2 * b]))
      .subtract(kit.box([w - 2 * b, h - 2 * b, d + e]))
      .translate(0, h / 2, 0);
    parts.push({ name: 'frame', group: 'frame', solid: frame });
  }
  return parts;
}

/** A rectangle centred on the origin with half-sizes `x` and `y`, counter-clockwise. */
function rect(x: number, y: number): Vec2[] {
  return [
    [-x, -y],
    [x, -y],
    [x, y],
    [-x, y],
  ];
}
