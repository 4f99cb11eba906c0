import type { Vec3 } from '../../../asset/asset.js';
import type { Solid } from '../../../geometry/solid.js';
import { accent, colored, main, roundedRect, structural, torus, turned } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Vehicles at real size, facing +Z: cars, trucks, buses, bicycles, motorcycles, boats, aeroplanes,
 * helicopters, trains, rockets, hot-air balloons, tractors, carts and submarines. "toy" makes any of
 * them a 1:20 toy.
 */

const TOY = 0.05;

const paint = (color: string) =>
  colored('body', ['body', 'paint', 'hull', 'chassis', 'shell', 'fuselage', 'cab'], 'enamel', {
    color,
    takesMainMaterial: true,
  });
const glassGroup = accent('windows', ['window', 'windows', 'windshield', 'glass', 'windscreen'], 'glass', {
  color: 'slategray',
});
const wheelsGroup = accent('wheels', ['wheel', 'wheels', 'tire', 'tires', 'tyres'], 'rubber');
const trimGroup = accent(
  'trim',
  ['bumper', 'bumpers', 'lights', 'headlights', 'trim', 'hubcaps', 'grille'],
  'chrome',
);

/** Wheels along X at (±x, r, z) for each z, as one compose: tyres with hubs. */
function wheels(ctx: BuildContext, x: number, r: number, zs: number[], width: number): BuiltPart[] {
  const { kit } = ctx;
  const parts: BuiltPart[] = [];
  let n = 0;
  for (const z of zs) {
    for (const s of [-1, 1]) {
      n++;
      const tyre = torus(kit, r * 0.72, r * 0.28, 0, 24, 10)
        .scale([1, width / (r * 0.56), 1])
        .rotate(0, 0, 90)
        .translate(s * x, r, z);
      parts.push({ name: `wheel_${n}`, group: 'wheels', solid: tyre });
      parts.push({
        name: `hub_${n}`,
        group: 'trim',
        solid: kit
          .cylinder(r * 0.5, width * 0.8, { segments: 16 })
          .rotate(0, 0, 90)
          .translate(s * x + width * 0.4, r, z),
      });
    }
  }
  return parts;
}

/** A car-like body from side-profile sections: a lower box and a cabin, rounded. */
function carBody(
  ctx: BuildContext,
  L: number,
  W: number,
  H: number,
  lift: number,
  cabin: { start: number; end: number; h: number },
): Solid {
  const { kit } = ctx;
  const lower = kit.roundedBox([W, H * 0.5, L], Math.min(0.12, H * 0.15), 6).translate(0, lift + H * 0.25, 0);
  const cz0 = -L / 2 + L * cabin.start;
  const cz1 = -L / 2 + L * cabin.end;
  const top = lift + H * 0.5;
  const w0 = W * 0.46;
  const w1 = W * 0.4;
  const cab = kit.hull([
    [-w0, top - 0.02, cz0],
    [w0, top - 0.02, cz0],
    [-w0, top - 0.02, cz1],
    [w0, top - 0.02, cz1],
    [-w1, top + cabin.h, cz0 + (cz1 - cz0) * 0.22],
    [w1, top + cabin.h, cz0 + (cz1 - cz0) * 0.22],
    [-w1, top + cabin.h, cz1 - (cz1 - cz0) * 0.12],
    [w1, top + cabin.h, cz1 - (cz1 - cz0) * 0.12],
  ]);
  return lower.add(cab);
}

export const car: FamilyDefinition = {
  id: 'car',
  category: 'vehicle',
  nouns: [
    { word: 'car' },
    { word: 'automobile' },
    { word: 'sedan' },
    { word: 'sports car', variant: 'sports' },
    { word: 'race car', variant: 'sports' },
    { word: 'racecar', variant: 'sports' },
    { word: 'van', variant: 'van' },
    { word: 'suv', variant: 'van' },
    { word: 'taxi', variant: 'taxi' },
    { word: 'cab', variant: 'taxi' },
    { word: 'jeep', variant: 'van' },
    { word: 'toy car', variant: 'toy' },
  ],
  hypernyms: ['car', 'motor vehicle', 'automobile'],
  variantWords: { sports: 'sports', racing: 'sports', toy: 'toy', police: 'sedan', family: 'van' },
  variantMaterials: { taxi: { body: ['enamel', 'gold'] } },
  groups: [paint('crimson'), glassGroup, wheelsGroup, trimGroup],
  size: { width: [0.16, 2.1], height: [0.11, 1.7], depth: [0.4, 5.5] },
  build(ctx) {
    const { rng, variant, size } = ctx;
    const toy = variant === 'toy' ? TOY * 2 : 1;
    const sports = variant === 'sports';
    const van = variant === 'van';
    const L =
      (sports ? rng.range(4.2, 4.6) : van ? rng.range(4.6, 5.0) : rng.range(4.2, 4.8)) * size.depth * toy;
    const W = rng.range(1.75, 1.9) * size.width * toy;
    const H = (sports ? 0.75 : van ? 1.2 : 0.9) * size.height * toy;
    const r = (sports ? 0.33 : 0.35) * toy;
    const lift = r * 0.6;
    const cabin = sports
      ? { start: 0.35, end: 0.7, h: 0.42 * toy }
      : van
        ? { start: 0.1, end: 0.78, h: 0.75 * toy }
        : { start: 0.22, end: 0.72, h: 0.6 * toy };
    const parts: BuiltPart[] = [{ name: 'body', group: 'body', solid: carBody(ctx, L, W, H, lift, cabin) }];
    // Windows: a thin dark band on the cabin's sides and front.
    const top = lift + H * 0.5;
    const cz0 = -L / 2 + L * cabin.start;
    const cz1 = -L / 2 + L * cabin.end;
    const ww = W * 0.415;
    parts.push({
      name: 'windows',
      group: 'windows',
      solid: ctx.kit.hull([
        [-ww - 0.02 * toy, top + cabin.h * 0.15, cz0 + (cz1 - cz0) * 0.1],
        [ww + 0.02 * toy, top + cabin.h * 0.15, cz0 + (cz1 - cz0) * 0.1],
        [-ww - 0.02 * toy, top + cabin.h * 0.15, cz1 - (cz1 - cz0) * 0.02],
        [ww + 0.02 * toy, top + cabin.h * 0.15, cz1 - (cz1 - cz0) * 0.02],
        [-ww + 0.01 * toy, top + cabin.h * 0.85, cz0 + (cz1 - cz0) * 0.25],
        [ww - 0.01 * toy, top + cabin.h * 0.85, cz0 + (cz1 - cz0) * 0.25],
        [-ww + 0.01 * toy, top + cabin.h * 0.85, cz1 - (cz1 - cz0) * 0.14],
        [ww - 0.01 * toy, top + cabin.h * 0.85, cz1 - (cz1 - cz0) * 0.14],
      ]),
    });
    parts.push(...wheels(ctx, W / 2 - 0.1 * toy, r, [L * 0.32, -L * 0.32], 0.24 * toy));
    parts.push({
      name: 'bumper_front',
      group: 'trim',
      solid: ctx.kit
        .roundedBox([W * 0.9, 0.12 * toy, 0.1 * toy], 0.03 * toy, 4)
        .translate(0, lift + 0.12 * toy, L / 2),
    });
    parts.push({
      name: 'bumper_back',
      group: 'trim',
      solid: ctx.kit
        .roundedBox([W * 0.9, 0.12 * toy, 0.1 * toy], 0.03 * toy, 4)
        .translate(0, lift + 0.12 * toy, -L / 2),
    });
    return parts;
  },
};

export const truck: FamilyDefinition = {
  id: 'truck',
  category: 'vehicle',
  nouns: [
    { word: 'truck' },
    { word: 'lorry' },
    { word: 'pickup', variant: 'pickup' },
    { word: 'pickup truck', variant: 'pickup' },
    { word: 'fire truck', variant: 'fire' },
    { word: 'fire engine', variant: 'fire' },
    { word: 'dump truck' },
    { word: 'delivery truck' },
    { word: 'toy truck', variant: 'toy' },
  ],
  variantWords: { toy: 'toy', fire: 'fire', delivery: 'box', box: 'box' },
  variantMaterials: { fire: { body: ['enamel', 'red'] } },
  groups: [
    paint('royalblue'),
    structural('bed', ['bed', 'box', 'cargo', 'trailer', 'container', 'ladder'], 'steel'),
    glassGroup,
    wheelsGroup,
    trimGroup,
  ],
  size: { width: [0.21, 2.7], height: [0.27, 3.3], depth: [0.62, 8.7] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const toy = variant === 'toy' ? TOY * 2 : 1;
    const pickup = variant === 'pickup';
    const L = (pickup ? rng.range(5.2, 5.8) : rng.range(6.5, 8.0)) * size.depth * toy;
    const W = (pickup ? 1.95 : rng.range(2.3, 2.5)) * size.width * toy;
    const r = (pickup ? 0.4 : 0.5) * toy;
    const lift = r * 0.7;
    const cabL = (pickup ? 2.6 : 2.2) * toy;
    const cabH = (pickup ? 1.3 : 2.0) * size.height * toy;
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'chassis',
      group: 'trim',
      solid: kit.boxBetween([-W * 0.4, lift, -L / 2], [W * 0.4, lift + 0.25 * toy, L / 2]),
    });
    parts.push({
      name: 'cab',
      group: 'body',
      solid: kit
        .roundedBox([W, cabH, cabL], 0.1 * toy, 6)
        .translate(0, lift + 0.2 * toy + cabH / 2, L / 2 - cabL / 2),
    });
    parts.push({
      name: 'windows',
      group: 'windows',
      solid: kit.boxBetween(
        [-W * 0.45, lift + 0.2 * toy + cabH * 0.55, L / 2 - 0.05 * toy],
        [W * 0.45, lift + 0.2 * toy + cabH * 0.9, L / 2 + 0.015 * toy],
      ),
    });
    const bedL = L - cabL - 0.1 * toy;
    const bedZ = -L / 2 + bedL / 2;
    if (pickup) {
      const h = 0.5 * toy;
      parts.push({
        name: 'bed',
        group: 'body',
        solid: kit
          .extrudeContours(
            [
              roundedRect(W / 2, bedL / 2, 0.05 * toy),
              roundedRect(W / 2 - 0.06 * toy, bedL / 2 - 0.06 * toy, 0.02 * toy),
            ],
            h,
          )
          .rotate(90, 0, 0)
          .translate(0, lift + 0.25 * toy + h / 2, bedZ),
      });
    } else if (variant === 'fire') {
      parts.push({
        name: 'bed',
        group: 'body',
        solid: kit
          .roundedBox([W, 1.3 * toy, bedL], 0.06 * toy, 4)
          .translate(0, lift + 0.25 * toy + 0.65 * toy, bedZ),
      });
      parts.push({
        name: 'ladder',
        group: 'bed',
        solid: kit.boxBetween(
          [-0.3 * toy, lift + 1.6 * toy, -L / 2],
          [0.3 * toy, lift + 1.75 * toy, L / 2 - cabL * 0.3],
        ),
      });
    } else {
      const boxH = 2.4 * size.height * toy;
      parts.push({
        name: 'bed',
        group: 'bed',
        solid: kit.boxBetween(
          [-W / 2, lift + 0.25 * toy, -L / 2],
          [W / 2, lift + 0.25 * toy + boxH, -L / 2 + bedL],
        ),
      });
    }
    parts.push(
      ...wheels(
        ctx,
        W / 2 - 0.15 * toy,
        r,
        pickup ? [L * 0.32, -L * 0.3] : [L * 0.36, -L * 0.22, -L * 0.37],
        0.3 * toy,
      ),
    );
    return parts;
  },
};

export const bus: FamilyDefinition = {
  id: 'bus',
  category: 'vehicle',
  nouns: [
    { word: 'bus' },
    { word: 'school bus', variant: 'school' },
    { word: 'coach' },
    { word: 'double decker', variant: 'double' },
    { word: 'tram', variant: 'tram' },
    { word: 'trolley', variant: 'tram' },
  ],
  variantWords: { school: 'school', double: 'double', london: 'double' },
  variantMaterials: { school: { body: ['enamel', 'orange'] }, double: { body: ['enamel', 'red'] } },
  groups: [paint('teal'), glassGroup, wheelsGroup, trimGroup],
  size: { width: [2.3, 2.8], height: [2.6, 4.6], depth: [9.5, 14] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const L = rng.range(10, 12.5) * size.depth;
    const W = 2.5 * size.width;
    const deck = variant === 'double' ? 2 : 1;
    const H = (deck === 2 ? 4.2 : 2.9) * size.height;
    const r = 0.5;
    const lift = r * 0.6;
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: kit.roundedBox([W, H - lift, L], 0.2, 6).translate(0, lift + (H - lift) / 2, 0),
      },
    ];
    const bands: Solid[] = [];
    for (let d = 0; d < deck; d++) {
      const y0 = lift + 1.1 + d * 1.55;
      bands.push(kit.boxBetween([-W / 2 - 0.02, y0, -L / 2 + 0.6], [W / 2 + 0.02, y0 + 0.9, L / 2 - 1.2]));
    }
    bands.push(kit.boxBetween([-W * 0.45, lift + 1.0, L / 2 - 0.1], [W * 0.45, lift + 2.2, L / 2 + 0.02]));
    parts.push({ name: 'windows', group: 'windows', solid: kit.union(bands) });
    parts.push(...wheels(ctx, W / 2 - 0.2, r, [L * 0.32, -L * 0.3], 0.35));
    return parts;
  },
};

export const bicycle: FamilyDefinition = {
  id: 'bicycle',
  category: 'vehicle',
  nouns: [
    { word: 'bicycle' },
    { word: 'bike' },
    { word: 'cycle' },
    { word: 'mountain bike' },
    { word: 'tricycle', variant: 'tricycle' },
    { word: 'motorcycle', variant: 'motor' },
    { word: 'motorbike', variant: 'motor' },
    { word: 'scooter', variant: 'motor' },
  ],
  groups: [
    paint('crimson'),
    wheelsGroup,
    accent('seat', ['seat', 'saddle', 'handlebars', 'handlebar', 'pedals'], 'leather', { color: 'black' }),
    trimGroup,
    glassGroup,
  ],
  size: { width: [0.46, 0.76], height: [0.95, 1.2], depth: [1.5, 2.4] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const motor = variant === 'motor';
    const r = (motor ? 0.32 : 0.34) * size.height;
    const wb = (motor ? rng.range(1.35, 1.5) : rng.range(1.0, 1.1)) * size.depth;
    const parts: BuiltPart[] = [];
    const tyre = (z: number, i: number) => {
      const t = torus(kit, r * 0.92, r * (motor ? 0.14 : 0.06), 0, 32, 8)
        .rotate(0, 0, 90)
        .translate(0, r, z);
      parts.push({ name: `wheel_${i}`, group: 'wheels', solid: t });
      if (!motor) {
        const spokes: Solid[] = [0, 30, 60, 90, 120, 150].map((a) =>
          kit
            .box([0.004, r * 1.8, 0.004])
            .rotate(a, 0, 0)
            .translate(0, r, z),
        );
        // The hub the spokes meet in: without it the six crossing boxes leave sliver triangles at the axle.
        spokes.push(kit.cylinder(0.012, 0.03, { segments: 12 }).rotate(0, 0, 90).translate(0.015, r, z));
        parts.push({ name: `spokes_${i}`, group: 'trim', solid: kit.union(spokes) });
      } else
        parts.push({
          name: `hub_${i}`,
          group: 'trim',
          solid: kit
            .cylinder(r * 0.35, 0.12, { segments: 16 })
            .rotate(0, 0, 90)
            .translate(0.06, r, z),
        });
    };
    tyre(wb / 2, 1);
    tyre(-wb / 2, 2);
    const frameR = motor ? 0.03 : 0.016;
    const bb: Vec3 = [0, r, -0.05];
    const seatPost: Vec3 = [0, r + 0.55 * size.height, -wb * 0.18];
    const head: Vec3 = [0, r + 0.58 * size.height, wb * 0.32];
    if (motor) {
      parts.push({
        name: 'body',
        group: 'body',
        solid: kit.hull([
          [-0.2, r * 0.8, -wb * 0.25],
          [0.2, r * 0.8, -wb * 0.25],
          [-0.2, r * 0.8, wb * 0.25],
          [0.2, r * 0.8, wb * 0.25],
          [-0.15, r + 0.45, -wb * 0.1],
          [0.15, r + 0.45, -wb * 0.1],
          [-0.15, r + 0.5, wb * 0.2],
          [0.15, r + 0.5, wb * 0.2],
        ]),
      });
      parts.push({
        name: 'seat',
        group: 'seat',
        solid: kit.roundedBox([0.3, 0.1, 0.6], 0.04, 4).translate(0, r + 0.5, -wb * 0.25),
      });
      parts.push({
        name: 'fork',
        group: 'trim',
        solid: kit.cylinderBetween([0, r, wb / 2], [0, r + 0.65, wb * 0.35], 0.03, { segments: 10 }),
      });
      parts.push({
        name: 'handlebars',
        group: 'seat',
        solid: kit
          .cylinder(0.02, 0.7, { segments: 8 })
          .rotate(0, 0, 90)
          .translate(0.35, r + 0.68, wb * 0.35),
      });
      parts.push({
        name: 'swingarm',
        group: 'trim',
        solid: kit.cylinderBetween([0, r, -wb / 2], [0, r + 0.1, -wb * 0.1], 0.035, { segments: 10 }),
      });
      return parts;
    }
    const tubes: Array<[Vec3, Vec3]> = [
      [bb, seatPost],
      [bb, head],
      [seatPost, head],
      [bb, [0, r, -wb / 2]],
      [seatPost, [0, r, -wb / 2]],
      [head, [0, r, wb / 2]],
    ];
    parts.push({
      name: 'frame',
      group: 'body',
      solid: kit.union(tubes.map(([a, b]) => kit.cylinderBetween(a, b, frameR, { segments: 8 }))),
    });
    parts.push({
      name: 'saddle',
      group: 'seat',
      solid: kit.roundedBox([0.14, 0.05, 0.26], 0.02, 4).translate(0, seatPost[1] + 0.06, seatPost[2] - 0.03),
    });
    parts.push({
      name: 'seatpost',
      group: 'trim',
      solid: kit.cylinder(0.013, 0.07, { segments: 8 }).translate(0, seatPost[1], seatPost[2]),
    });
    parts.push({
      name: 'handlebars',
      group: 'seat',
      solid: kit
        .cylinder(0.012, 0.5, { segments: 8 })
        .rotate(0, 0, 90)
        .translate(0.25, head[1] + 0.12, head[2] - 0.04),
    });
    parts.push({
      name: 'stem',
      group: 'trim',
      solid: kit.cylinder(0.014, 0.14, { segments: 8 }).translate(0, head[1] - 0.01, head[2] - 0.02),
    });
    return parts;
  },
};

export const boat: FamilyDefinition = {
  id: 'boat',
  category: 'vehicle',
  nouns: [
    { word: 'boat' },
    { word: 'sailboat', variant: 'sail' },
    { word: 'sailing boat', variant: 'sail' },
    { word: 'yacht', variant: 'sail' },
    { word: 'rowboat', variant: 'row' },
    { word: 'canoe', variant: 'row' },
    { word: 'kayak', variant: 'row' },
    { word: 'ship', variant: 'ship' },
    { word: 'pirate ship', variant: 'ship' },
    { word: 'galleon', variant: 'ship' },
    { word: 'dinghy', variant: 'row' },
    { word: 'toy boat', variant: 'toy' },
  ],
  hypernyms: ['boat', 'vessel', 'ship', 'craft'],
  variantWords: { pirate: 'ship', sailing: 'sail', rowing: 'row', toy: 'toy', paper: 'toy' },
  groups: [
    main('hull', ['hull', 'body', 'deck'], 'wood'),
    structural('mast', ['mast', 'masts', 'oars', 'oar'], 'wood', { color: 'saddlebrown' }),
    colored('sails', ['sail', 'sails', 'flag'], 'canvas', { color: 'white' }),
  ],
  size: { width: [0.082, 21], height: [0.32, 40], depth: [0.27, 43] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const kind = variant ?? rng.pick(['sail', 'row']);
    const k = kind === 'toy' ? 0.04 : 1;
    const L =
      (kind === 'ship' ? rng.range(25, 40) : kind === 'row' ? rng.range(3, 4.2) : rng.range(7, 10)) *
      size.depth *
      k;
    const W = L * (kind === 'row' ? 0.3 : 0.3) * size.width;
    const D = L * (kind === 'ship' ? 0.18 : 0.12) * size.height;
    // Hull from cross-sections along its length: a U that narrows to a point at the bow.
    const rings: Vec3[][] = [];
    const n = 12;
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      const z = -L / 2 + L * t;
      const beam =
        (W / 2) *
        Math.max(0.04, t < 0.7 ? 1 - ((0.4 - t) / 0.45) ** 2 * 0.4 : Math.sqrt(Math.max(0, (1 - t) / 0.3)));
      const ring: Vec3[] = [];
      const m = 10;
      for (let j = 0; j <= m; j++) {
        const a = Math.PI + (j / m) * Math.PI;
        ring.push([Math.cos(a) * beam, D + Math.sin(a) * D * (0.7 + 0.3 * Math.abs(Math.cos(a))), z]);
      }
      rings.push(ring);
    }
    const parts: BuiltPart[] = [
      { name: 'hull', group: 'hull', solid: kit.rings(rings).translate(0, 0.0, 0) },
    ];
    const deckY = D;
    if (kind === 'row') {
      for (const [i, s] of [-1, 1].entries())
        parts.push({
          name: `oar_${i + 1}`,
          group: 'mast',
          solid: kit.cylinderBetween(
            [s * W * 0.3, deckY + 0.05 * k, 0],
            [s * W * 1.4, deckY - D * 0.3, -L * 0.15],
            0.025 * k,
            { segments: 8 },
          ),
        });
      parts.push({
        name: 'bench',
        group: 'hull',
        solid: kit.boxBetween(
          [-W * 0.45, deckY * 0.6, -0.12 * k],
          [W * 0.45, deckY * 0.6 + 0.04 * k, 0.12 * k],
        ),
      });
      return parts;
    }
    const masts = kind === 'ship' ? 3 : 1;
    for (let m = 0; m < masts; m++) {
      const z = masts === 1 ? L * 0.08 : L * (0.28 - m * 0.28);
      const mh = (kind === 'ship' ? L * 0.8 : L * 1.3) * (m === 1 ? 1.1 : 1);
      parts.push({
        name: `mast_${m + 1}`,
        group: 'mast',
        solid: kit.cylinder(Math.max(0.004, L * 0.008), mh, { segments: 10 }).translate(0, deckY * 0.5, z),
      });
      if (kind === 'ship') {
        for (let s = 0; s < 2; s++) {
          const y = deckY + mh * (0.3 + s * 0.32);
          parts.push({
            name: `sail_${m + 1}_${s + 1}`,
            group: 'sails',
            solid: kit
              .extrude(
                [
                  [-W * 0.8, 0],
                  [W * 0.8, 0],
                  [W * 0.7, mh * 0.25],
                  [-W * 0.7, mh * 0.25],
                ],
                Math.max(0.002, L * 0.003),
              )
              .warp((xyz, c) => {
                for (let i = 0; i < c; i++) xyz[i * 3 + 2] += (1 - (xyz[i * 3] / (W * 0.8)) ** 2) * W * 0.12;
              })
              .translate(0, y, z + L * 0.01),
          });
        }
      } else {
        parts.push({
          name: 'sail',
          group: 'sails',
          solid: kit
            .extrude(
              [
                [0, 0],
                [0, mh * 0.85],
                [-L * 0.4, 0],
              ],
              Math.max(0.002, L * 0.003),
            )
            .rotate(0, 90, 0)
            .translate(0, deckY + mh * 0.1, z - L * 0.01),
        });
      }
    }
    return parts;
  },
};

export const airplane: FamilyDefinition = {
  id: 'airplane',
  category: 'vehicle',
  nouns: [
    { word: 'airplane' },
    { word: 'aeroplane' },
    { word: 'plane' },
    { word: 'jet', variant: 'jet' },
    { word: 'airliner', variant: 'jet' },
    { word: 'aircraft' },
    { word: 'biplane', variant: 'prop' },
    { word: 'propeller plane', variant: 'prop' },
    { word: 'glider' },
    { word: 'toy plane', variant: 'toy' },
    { word: 'paper plane', variant: 'toy' },
  ],
  hypernyms: ['airplane', 'aircraft', 'heavier-than-air craft'],
  variantWords: { jet: 'jet', fighter: 'jet', passenger: 'jet', toy: 'toy', propeller: 'prop' },
  groups: [
    paint('white'),
    colored('wings', ['wing', 'wings', 'tail', 'fins'], 'enamel', {
      color: 'white',
      takesMainMaterial: true,
    }),
    glassGroup,
    trimGroup,
    wheelsGroup,
  ],
  size: { width: [0.17, 43], height: [0.05, 13], depth: [0.13, 43] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const jet = variant === 'jet';
    const k = variant === 'toy' ? 0.02 : 1;
    const L = (jet ? rng.range(30, 40) : rng.range(7, 9)) * size.depth * k;
    const R = L * (jet ? 0.055 : 0.07);
    const span = L * (jet ? 1.0 : 1.3) * size.width;
    const gear = R * 1.3;
    const body = turned(
      kit,
      [
        [0.0001, 0],
        [R * 0.6, L * 0.04],
        [R, L * 0.14],
        [R, L * 0.7],
        [R * 0.35, L * 0.97],
        [R * 0.2, L],
      ],
      3,
      24,
    )
      .rotate(-90, 0, 0)
      .translate(0, gear + R, L / 2);
    const parts: BuiltPart[] = [{ name: 'fuselage', group: 'body', solid: body.rotate(0, 180, 0) }];
    const wy = gear + R * 0.6;
    parts.push({
      name: 'wings',
      group: 'wings',
      solid: kit
        .extrude(
          [
            [0, L * 0.12],
            [span / 2, -L * (jet ? 0.08 : 0)],
            [span / 2, -L * (jet ? 0.14 : 0.1)],
            [0, -L * 0.1],
            [-span / 2, -L * (jet ? 0.14 : 0.1)],
            [-span / 2, -L * (jet ? 0.08 : 0)],
          ],
          R * 0.25,
        )
        .rotate(90, 0, 0)
        .translate(0, wy, L * 0.05),
    });
    parts.push({
      name: 'tailplane',
      group: 'wings',
      solid: kit
        .extrude(
          [
            [0, 0],
            [span * 0.18, -L * 0.06],
            [span * 0.18, -L * 0.1],
            [-span * 0.18, -L * 0.1],
            [-span * 0.18, -L * 0.06],
          ],
          R * 0.15,
        )
        .rotate(90, 0, 0)
        .translate(0, gear + R * 1.2, -L * 0.36),
    });
    parts.push({
      name: 'fin',
      group: 'wings',
      solid: kit
        .extrude(
          [
            [0, 0],
            [-L * 0.12, 0],
            [-L * 0.17, R * 2.6],
            [-L * 0.1, R * 2.6],
          ],
          R * 0.15,
        )
        .rotate(0, 90, 0)
        .translate(0, gear + R * 1.4, -L * 0.35),
    });
    parts.push({
      name: 'windows',
      group: 'windows',
      solid: kit
        .sphere(1, 16)
        .scale([R * 0.7, R * 0.45, R * 0.9])
        .translate(0, gear + R * 1.65, L * 0.36),
    });
    if (jet) {
      for (const [i, s] of [-1, 1].entries())
        parts.push({
          name: `engine_${i + 1}`,
          group: 'trim',
          solid: kit
            .cylinder(R * 0.4, L * 0.1, { segments: 16 })
            .rotate(90, 0, 0)
            .translate(s * span * 0.18, wy - R * 0.6, L * 0.02),
        });
    } else {
      parts.push({
        name: 'propeller',
        group: 'trim',
        solid: kit.box([R * 0.25, R * 3.2, R * 0.08]).translate(0, gear + R, L / 2 + R * 0.1),
      });
    }
    for (const [i, [x, z]] of [
      [-R * 1.2, L * 0.05],
      [R * 1.2, L * 0.05],
      [0, L * 0.38],
    ].entries()) {
      parts.push({
        name: `gear_${i + 1}`,
        group: 'wheels',
        solid: kit
          .cylinder(gear * 0.35, R * 0.3, { segments: 12 })
          .rotate(0, 0, 90)
          .translate(x + R * 0.15, gear * 0.35, z),
      });
      parts.push({
        name: `strut_${i + 1}`,
        group: 'trim',
        solid: kit.cylinder(R * 0.06, gear * 0.9, { segments: 6 }).translate(x, gear * 0.3, z),
      });
    }
    return parts;
  },
};

export const helicopter: FamilyDefinition = {
  id: 'helicopter',
  category: 'vehicle',
  nouns: [
    { word: 'helicopter' },
    { word: 'chopper' },
    { word: 'drone', variant: 'drone' },
    { word: 'quadcopter', variant: 'drone' },
  ],
  groups: [
    paint('gold'),
    glassGroup,
    structural('rotor', ['rotor', 'rotors', 'blades', 'propeller', 'skids'], 'steel', { color: 'dimgray' }),
  ],
  size: { width: [0.27, 12], height: [0.032, 5.7], depth: [0.26, 15] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'drone') {
      const w = rng.range(0.25, 0.35) * size.width;
      parts.push({
        name: 'body',
        group: 'body',
        solid: kit.roundedBox([w * 0.35, w * 0.12, w * 0.45], w * 0.04, 4).translate(0, w * 0.12, 0),
      });
      for (let i = 0; i < 4; i++) {
        const a = (i / 4) * Math.PI * 2 + Math.PI / 4;
        const p: Vec3 = [Math.cos(a) * w * 0.5, w * 0.16, Math.sin(a) * w * 0.5];
        parts.push({
          name: `arm_${i + 1}`,
          group: 'rotor',
          solid: kit.cylinderBetween([0, w * 0.12, 0], p, w * 0.02, { segments: 8 }),
        });
        parts.push({
          name: `prop_${i + 1}`,
          group: 'rotor',
          solid: kit
            .box([w * 0.45, w * 0.006, w * 0.04])
            .rotate(0, i * 40, 0)
            .translate(p[0], p[1] + w * 0.03, p[2]),
        });
      }
      return parts;
    }
    const L = rng.range(10, 13) * size.depth;
    const R = L * 0.13;
    const cy = R * 1.6;
    parts.push({
      name: 'cabin',
      group: 'body',
      solid: kit
        .sphere(1, 28)
        .scale([R, R, R * 1.5])
        .translate(0, cy, L * 0.18),
    });
    parts.push({
      name: 'boom',
      group: 'body',
      solid: kit
        .cylinder(R * 0.3, L * 0.55, { radiusTop: R * 0.15, segments: 14 })
        .rotate(-90, 0, 0)
        .translate(0, cy + R * 0.3, L * 0.1)
        .rotate(0, 180, 0),
    });
    parts.push({
      name: 'windows',
      group: 'windows',
      solid: kit
        .sphere(1, 20)
        .scale([R * 0.85, R * 0.6, R * 0.9])
        .translate(0, cy + R * 0.25, L * 0.2 + R * 0.55),
    });
    parts.push({
      name: 'mast',
      group: 'rotor',
      solid: kit.cylinder(R * 0.08, R * 0.5, { segments: 8 }).translate(0, cy + R * 0.9, L * 0.15),
    });
    for (let i = 0; i < 4; i++)
      parts.push({
        name: `blade_${i + 1}`,
        group: 'rotor',
        solid: kit
          .box([L * 0.45, R * 0.03, R * 0.2])
          .translate(L * 0.225, 0, 0)
          .rotate(0, i * 90 + 20, 0)
          .translate(0, cy + R * 1.38 + i * R * 0.031, L * 0.15),
      });
    parts.push({
      name: 'tail_rotor',
      group: 'rotor',
      solid: kit.box([R * 0.04, R * 1.2, R * 0.15]).translate(R * 0.18, cy + R * 0.4, -L * 0.42),
    });
    for (const [i, s] of [-1, 1].entries()) {
      parts.push({
        name: `skid_${i + 1}`,
        group: 'rotor',
        solid: kit
          .cylinder(R * 0.06, L * 0.45, { segments: 8 })
          .rotate(90, 0, 0)
          .translate(s * R * 0.8, R * 0.06, -L * 0.05),
      });
      parts.push({
        name: `strut_${i + 1}`,
        group: 'rotor',
        solid: kit.cylinderBetween(
          [s * R * 0.8, R * 0.06, L * 0.15],
          [s * R * 0.5, cy - R * 0.6, L * 0.15],
          R * 0.05,
          { segments: 6 },
        ),
      });
    }
    return parts;
  },
};

export const train: FamilyDefinition = {
  id: 'train',
  category: 'vehicle',
  nouns: [
    { word: 'train' },
    { word: 'locomotive' },
    { word: 'steam engine' },
    { word: 'engine', variant: 'steam' },
    { word: 'steam locomotive' },
    { word: 'toy train', variant: 'toy' },
  ],
  variantWords: { steam: 'steam', toy: 'toy' },
  groups: [
    paint('darkgreen'),
    structural('boiler', ['boiler', 'chimney', 'funnel', 'smokestack'], 'iron', { color: 'black' }),
    wheelsGroup,
    trimGroup,
    glassGroup,
  ],
  size: { width: [0.16, 3.3], height: [0.25, 5], depth: [0.54, 14] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const k = variant === 'toy' ? 0.06 : 1;
    const L = rng.range(9, 12) * size.depth * k;
    const W = 2.8 * size.width * k;
    const r = 0.75 * k;
    const lift = r * 1.2;
    const parts: BuiltPart[] = [];
    const br = W * 0.42;
    parts.push({
      name: 'frame',
      group: 'trim',
      solid: kit.boxBetween([-W / 2, r * 0.8, -L / 2], [W / 2, lift, L / 2]),
    });
    parts.push({
      name: 'boiler',
      group: 'boiler',
      solid: kit
        .cylinder(br, L * 0.6, { segments: 24 })
        .rotate(90, 0, 0)
        .translate(0, lift + br, -L * 0.1),
    });
    parts.push({
      name: 'cab',
      group: 'body',
      solid: kit.boxBetween([-W / 2, lift - 0.01 * k, -L / 2], [W / 2, lift + br * 2.9, -L * 0.12]),
    });
    parts.push({
      name: 'roof',
      group: 'boiler',
      solid: kit.boxBetween(
        [-W / 2 - 0.1 * k, lift + br * 2.88, -L / 2 - 0.1 * k],
        [W / 2 + 0.1 * k, lift + br * 3.05, -L * 0.1],
      ),
    });
    parts.push({
      name: 'windows',
      group: 'windows',
      solid: kit.boxBetween(
        [-W / 2 - 0.02 * k, lift + br * 1.8, -L * 0.42],
        [W / 2 + 0.02 * k, lift + br * 2.5, -L * 0.2],
      ),
    });
    parts.push({
      name: 'chimney',
      group: 'boiler',
      solid: turned(
        kit,
        [
          [br * 0.25, 0],
          [br * 0.25, br * 0.9],
          [br * 0.4, br * 1.3],
        ],
        1,
        16,
      ).translate(0, lift + br * 1.8, L * 0.35),
    });
    parts.push({
      name: 'dome',
      group: 'boiler',
      solid: kit.sphere(br * 0.35, 16).translate(0, lift + br * 2, L * 0.05),
    });
    parts.push({
      name: 'buffer',
      group: 'trim',
      solid: kit.boxBetween([-W * 0.45, r * 0.5, L / 2 - 0.02 * k], [W * 0.45, lift, L / 2 + 0.25 * k]),
    });
    const zs = [L * 0.3, L * 0.1, -L * 0.1, -L * 0.3];
    parts.push(...wheels(ctx, W / 2 - 0.12 * k, r, zs, 0.2 * k));
    return parts;
  },
};

export const rocket: FamilyDefinition = {
  id: 'rocket',
  category: 'vehicle',
  nouns: [
    { word: 'rocket' },
    { word: 'spaceship' },
    { word: 'space shuttle' },
    { word: 'spacecraft' },
    { word: 'missile' },
    { word: 'starship' },
    { word: 'toy rocket', variant: 'toy' },
    { word: 'ufo', variant: 'ufo' },
    { word: 'flying saucer', variant: 'ufo' },
  ],
  hypernyms: ['spacecraft', 'rocket'],
  variantWords: { toy: 'toy', space: 'rocket' },
  groups: [
    paint('white'),
    colored('fins', ['fin', 'fins', 'nose', 'cone', 'dome'], 'enamel', {
      color: 'red',
      takesMainMaterial: true,
    }),
    glassGroup,
    accent('flame', ['flame', 'fire', 'exhaust'], 'flame', { optional: 'off' }),
  ],
  size: { width: [0.06, 13], height: [0.41, 68], depth: [0.06, 13] },
  build(ctx) {
    const { kit, rng, variant, size, has } = ctx;
    const parts: BuiltPart[] = [];
    if (variant === 'ufo') {
      const r = rng.range(4, 6) * size.width;
      parts.push({
        name: 'body',
        group: 'body',
        solid: turned(
          kit,
          [
            [r * 0.3, 0],
            [r, r * 0.18],
            [r * 0.35, r * 0.32],
          ],
          2,
          40,
        ).translate(0, r * 0.1, 0),
      });
      parts.push({
        name: 'dome',
        group: 'windows',
        solid: kit.sphere(r * 0.35, 24).translate(0, r * 0.35, 0),
      });
      for (let i = 0; i < 3; i++) {
        const a = (i / 3) * Math.PI * 2;
        parts.push({
          name: `leg_${i + 1}`,
          group: 'fins',
          solid: kit.cylinderBetween(
            [Math.cos(a) * r * 0.3, r * 0.15, Math.sin(a) * r * 0.3],
            [Math.cos(a) * r * 0.5, 0, Math.sin(a) * r * 0.5],
            r * 0.03,
            { segments: 6 },
          ),
        });
      }
      return parts;
    }
    const k = variant === 'toy' ? 0.01 : 1;
    const H = rng.range(40, 60) * size.height * k;
    const r = H * rng.range(0.05, 0.07) * size.width;
    const finH = H * 0.15;
    parts.push({
      name: 'body',
      group: 'body',
      solid: turned(
        kit,
        [
          [r * 0.85, 0],
          [r, finH * 0.4],
          [r, H * 0.72],
          [r * 0.6, H * 0.88],
        ],
        2,
        32,
      ).translate(0, finH * 0.3, 0),
      uv: { kind: 'cylindrical' },
    });
    parts.push({
      name: 'nose',
      group: 'fins',
      solid: turned(
        kit,
        [
          [r * 0.62, 0],
          [r * 0.45, H * 0.07],
          [0.0001, H * 0.12],
        ],
        3,
        32,
      ).translate(0, finH * 0.3 + H * 0.88 - 0.001, 0),
    });
    for (let i = 0; i < 4; i++) {
      const fin = kit
        .extrude(
          [
            [0, 0],
            [r * 1.1, -finH * 0.3],
            [r * 1.1, finH * 0.2],
            [0, finH],
          ],
          Math.max(0.002, r * 0.1),
        )
        .translate(r * 0.8, finH * 0.3, 0)
        .rotate(0, i * 90 + 45, 0);
      parts.push({ name: `fin_${i + 1}`, group: 'fins', solid: fin });
    }
    parts.push({
      name: 'window',
      group: 'windows',
      solid: kit
        .cylinder(r * 0.3, r * 0.2, { segments: 20 })
        .rotate(90, 0, 0)
        .translate(0, finH * 0.3 + H * 0.6, r * 0.92),
    });
    if (has('flame'))
      parts.push({
        name: 'flame',
        group: 'flame',
        solid: turned(
          kit,
          [
            [r * 0.7, 0],
            [r * 0.5, -finH * 0.4],
            [0.0001, -finH * 1.1],
          ],
          3,
          16,
        ).translate(0, finH * 0.3 + 0.001, 0),
      });
    return parts;
  },
};

export const hotAirBalloon: FamilyDefinition = {
  id: 'hot air balloon',
  category: 'vehicle',
  nouns: [
    { word: 'hot air balloon' },
    { word: 'airship', variant: 'blimp' },
    { word: 'blimp', variant: 'blimp' },
    { word: 'zeppelin', variant: 'blimp' },
  ],
  groups: [
    colored('envelope', ['envelope', 'balloon', 'canopy'], 'canvas', {
      color: 'orangered',
      takesMainMaterial: true,
      pattern: { id: 'stripes', color2: 'gold' },
    }),
    structural('basket', ['basket', 'gondola', 'ropes'], 'wicker'),
  ],
  size: { width: [15, 23], height: [18, 33], depth: [15, 86] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    if (variant === 'blimp') {
      const L = rng.range(60, 80) * size.depth;
      const r = L * 0.13;
      return [
        {
          name: 'envelope',
          group: 'envelope',
          solid: kit
            .sphere(1, 32)
            .scale([r, r, L / 2])
            .translate(0, r + L * 0.07, 0),
        },
        {
          name: 'gondola',
          group: 'basket',
          solid: kit
            .roundedBox([r * 0.4, r * 0.35, L * 0.15], r * 0.1, 4)
            .translate(0, L * 0.07 * 0.55, L * 0.05),
        },
      ];
    }
    const R = rng.range(8, 10) * size.width;
    const basketH = 1.1;
    const gap = R * 0.55;
    const envelope = turned(
      kit,
      [
        [R * 0.18, 0],
        [R * 0.55, R * 0.5],
        [R * 0.95, R * 1.2],
        [R, R * 1.6],
        [R * 0.75, R * 2.2],
        [0.0001, R * 2.35],
      ],
      5,
      32,
    ).translate(0, basketH + gap, 0);
    const parts: BuiltPart[] = [
      { name: 'envelope', group: 'envelope', solid: envelope, uv: { kind: 'cylindrical' } },
      { name: 'basket', group: 'basket', solid: kit.boxBetween([-0.6, 0, -0.6], [0.6, basketH, 0.6]) },
    ];
    const ropes: Solid[] = [];
    for (const [x, z] of [
      [-0.55, -0.55],
      [0.55, -0.55],
      [0.55, 0.55],
      [-0.55, 0.55],
    ])
      ropes.push(
        kit.cylinderBetween([x, basketH - 0.05, z], [x * R * 0.3, basketH + gap + 0.1, z * R * 0.3], 0.03, {
          segments: 5,
        }),
      );
    parts.push({ name: 'ropes', group: 'basket', solid: kit.union(ropes) });
    return parts;
  },
};

export const tractor: FamilyDefinition = {
  id: 'tractor',
  category: 'vehicle',
  nouns: [
    { word: 'tractor' },
    { word: 'bulldozer', variant: 'dozer' },
    { word: 'excavator', variant: 'dozer' },
    { word: 'digger', variant: 'dozer' },
    { word: 'forklift' },
  ],
  groups: [
    paint('forestgreen'),
    glassGroup,
    wheelsGroup,
    structural('blade', ['blade', 'bucket', 'exhaust', 'hood'], 'steel', { color: 'gold' }),
    trimGroup,
  ],
  size: { width: [1.9, 2.7], height: [2.2, 2.7], depth: [3, 4.8] },
  build(ctx) {
    const { kit, rng, variant, size } = ctx;
    const L = rng.range(3.4, 4.2) * size.depth;
    const W = rng.range(1.8, 2.2) * size.width;
    const rb = 0.8 * size.height;
    const rf = 0.45 * size.height;
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'hood',
      group: 'body',
      solid: kit.roundedBox([W * 0.45, 1.0, L * 0.55], 0.1, 4).translate(0, rf + 0.6, L * 0.18),
    });
    parts.push({
      name: 'cab',
      group: 'body',
      solid: kit.boxBetween(
        [-W * 0.35, rb * 0.7, -L * 0.38],
        [W * 0.35, rb * 0.7 + 1.6 * size.height, -L * 0.02],
      ),
    });
    parts.push({
      name: 'windows',
      group: 'windows',
      solid: kit.boxBetween(
        [-W * 0.36, rb * 0.7 + 0.8, -L * 0.36],
        [W * 0.36, rb * 0.7 + 1.5 * size.height, -L * 0.04],
      ),
    });
    parts.push({
      name: 'exhaust',
      group: 'blade',
      solid: kit.cylinder(0.06, 1.0, { segments: 10 }).translate(W * 0.15, rf + 1.0, L * 0.3),
    });
    parts.push(
      ...wheels(ctx, W / 2 - 0.1, rb, [-L * 0.25], 0.5).map((p) => ({ ...p, name: `rear_${p.name}` })),
    );
    parts.push(...wheels(ctx, W * 0.32, rf, [L * 0.32], 0.3).map((p) => ({ ...p, name: `front_${p.name}` })));
    if (variant === 'dozer')
      parts.push({
        name: 'blade',
        group: 'blade',
        solid: kit.boxBetween([-W / 2 - 0.1, 0.05, L * 0.52], [W / 2 + 0.1, 1.1, L * 0.6]),
      });
    return parts;
  },
};

export const cart: FamilyDefinition = {
  id: 'cart',
  category: 'vehicle',
  nouns: [
    { word: 'cart' },
    { word: 'wagon' },
    { word: 'wheelbarrow', variant: 'barrow' },
    { word: 'carriage' },
    { word: 'stagecoach' },
    { word: 'handcart' },
    { word: 'shopping cart', variant: 'barrow' },
  ],
  groups: [
    main('box', ['box', 'bed', 'body', 'sides'], 'wood'),
    structural('wheels', ['wheel', 'wheels'], 'wood', { color: 'saddlebrown' }),
    main('shafts', ['shaft', 'shafts', 'handles', 'handle', 'tongue'], 'wood'),
  ],
  size: { width: [0.5, 2], height: [0.61, 1.5], depth: [1.3, 4] },
  build(ctx) {
    const { kit, rng, variant, size, anchors } = ctx;
    const barrow = variant === 'barrow';
    const L = (barrow ? rng.range(0.7, 0.9) : rng.range(1.8, 2.5)) * size.depth;
    const W = (barrow ? rng.range(0.55, 0.65) : rng.range(1.2, 1.6)) * size.width;
    const r = barrow ? 0.2 : rng.range(0.5, 0.7) * size.height;
    const sideH = barrow ? 0.3 : 0.4;
    const floor = r * (barrow ? 1.6 : 1.2);
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'floor',
      group: 'box',
      solid: kit.boxBetween([-W / 2, floor, -L / 2], [W / 2, floor + 0.05, L / 2]),
    });
    parts.push({
      name: 'sides',
      group: 'box',
      solid: kit
        .extrudeContours(
          [roundedRect(W / 2, L / 2, 0.02), roundedRect(W / 2 - 0.04, L / 2 - 0.04, 0.01)],
          sideH,
        )
        .rotate(90, 0, 0)
        .translate(0, floor + 0.045 + sideH / 2, 0),
    });
    anchors.cavity = {
      floor: floor + 0.05,
      rim: floor + 0.05 + sideH,
      floorHalf: [W / 2 - 0.04, L / 2 - 0.04],
      rimHalf: [W / 2 - 0.04, L / 2 - 0.04],
      round: false,
    };
    const wheel = (x: number, z: number, name: string) => {
      const tyre = torus(kit, r * 0.88, r * 0.1, 0, 28, 6).rotate(0, 0, 90);
      const spokes = [0, 45, 90, 135].map((a) => kit.box([0.03, r * 1.7, 0.03]).rotate(a, 0, 0));
      parts.push({
        name,
        group: 'wheels',
        solid: kit.compose([tyre]).add(kit.union(spokes)).translate(x, r, z),
      });
    };
    if (barrow) {
      wheel(0, L / 2 + r * 0.4, 'wheel');
      for (const [i, s] of [-1, 1].entries()) {
        parts.push({
          name: `handle_${i + 1}`,
          group: 'shafts',
          solid: kit.cylinderBetween(
            [s * W * 0.35, r, L / 2 + r * 0.4],
            [s * W * 0.4, floor + 0.25, -L / 2 - 0.5],
            0.025,
            { segments: 8 },
          ),
        });
        parts.push({
          name: `leg_${i + 1}`,
          group: 'shafts',
          solid: kit.boxBetween(
            [s * W * 0.35 - 0.02, 0, -L * 0.3],
            [s * W * 0.35 + 0.02, floor + 0.01, -L * 0.3 + 0.04],
          ),
        });
      }
      return parts;
    }
    for (const [i, s] of [-1, 1].entries()) wheel(s * (W / 2 + 0.08), 0, `wheel_${i + 1}`);
    parts.push({
      name: 'axle',
      group: 'wheels',
      solid: kit
        .cylinder(0.04, W + 0.2, { segments: 10 })
        .rotate(0, 0, 90)
        .translate(W / 2 + 0.1, r, 0),
    });
    for (const [i, s] of [-1, 1].entries())
      parts.push({
        name: `shaft_${i + 1}`,
        group: 'shafts',
        solid: kit.cylinderBetween(
          [s * W * 0.3, floor, L * 0.4],
          [s * W * 0.25, r * 0.9, L / 2 + 1.2],
          0.04,
          { segments: 8 },
        ),
      });
    return parts;
  },
};

export const submarine: FamilyDefinition = {
  id: 'submarine',
  category: 'vehicle',
  nouns: [{ word: 'submarine' }, { word: 'sub' }, { word: 'yellow submarine' }],
  groups: [
    paint('gold'),
    glassGroup,
    structural('tower', ['tower', 'periscope', 'conning', 'propeller', 'fins'], 'steel'),
  ],
  size: { width: [3.8, 14], height: [6.2, 23], depth: [29, 110] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const L = rng.range(30, 100) * size.depth;
    const R = L * 0.06 * size.width;
    const parts: BuiltPart[] = [
      {
        name: 'hull',
        group: 'body',
        solid: turned(
          kit,
          [
            [0.0001, 0],
            [R * 0.7, L * 0.05],
            [R, L * 0.2],
            [R, L * 0.75],
            [R * 0.3, L * 0.97],
            [0.0001, L],
          ],
          3,
          28,
        )
          .rotate(90, 0, 0)
          .translate(0, R, -L / 2),
      },
    ];
    parts.push({
      name: 'tower',
      group: 'tower',
      solid: kit.roundedBox([R * 0.5, R * 1.1, L * 0.12], R * 0.2, 4).translate(0, R * 2.3, L * 0.12),
    });
    parts.push({
      name: 'periscope',
      group: 'tower',
      solid: kit.cylinder(R * 0.05, R * 0.9, { segments: 8 }).translate(0, R * 2.6, L * 0.13),
    });
    const port: Solid[] = [];
    for (let i = 0; i < 4; i++)
      for (const s of [-1, 1])
        port.push(
          kit
            .cylinder(R * 0.12, R * 0.1, { segments: 12 })
            .rotate(0, 0, 90)
            .translate(s * R * 1.02 + (s > 0 ? R * 0.05 : 0), R * 1.2, L * (0.2 - i * 0.1)),
        );
    parts.push({ name: 'portholes', group: 'windows', solid: kit.compose(port) });
    parts.push({
      name: 'rudder',
      group: 'tower',
      solid: kit.box([R * 0.1, R * 1.2, L * 0.06]).translate(0, R * 1.3, -L * 0.45),
    });
    return parts;
  },
};

export const VEHICLES: FamilyDefinition[] = [
  car,
  truck,
  bus,
  bicycle,
  boat,
  airplane,
  helicopter,
  train,
  rocket,
  hotAirBalloon,
  tractor,
  cart,
  submarine,
];
