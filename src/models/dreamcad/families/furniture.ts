import type { Solid } from '../../../geometry/solid.js';
import { accent, bezier, clampCount, colored, leg, main, structural, turned } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * Furniture built from boards: benches, sofas, beds, cabinets, dressers, wardrobes, nightstands,
 * ottomans, thrones and coat racks. Real sizes: a seat is 0.42–0.48 m high, a double bed 1.4 × 2.0 m,
 * a wardrobe 1.8–2.1 m tall. Cases share one builder: a carcass with fronts (drawers or doors) that
 * stand 1 cm proud, knobs, and a plinth or legs.
 */

interface CaseOptions {
  w: number;
  h: number;
  d: number;
  /** Height of the legs (0 for a plinth). */
  legH: number;
  /** Rows of fronts from the bottom: each row's share of the height and its number of columns. */
  rows: Array<{ share: number; cols: number }>;
  kind: 'drawer' | 'door';
  round: boolean;
}

/** A carcass with drawer or door fronts, knobs and legs; parts: case, drawer_n/door_n, handles, legs. */
function frontedCase(ctx: BuildContext, o: CaseOptions): BuiltPart[] {
  const { kit, rng, style } = ctx;
  const parts: BuiltPart[] = [];
  const plinth = o.legH > 0 ? 0 : Math.min(0.08, o.h * 0.06);
  const bottom = o.legH + plinth;
  const top = o.h;
  const caseSolid = kit.boxBetween([-o.w / 2, bottom, -o.d / 2], [o.w / 2, top, o.d / 2]);
  parts.push({ name: 'case', group: 'case', solid: caseSolid });
  if (plinth > 0) {
    parts.push({
      name: 'plinth',
      group: 'case',
      solid: kit.boxBetween(
        [-o.w / 2 + 0.02, 0, -o.d / 2 + 0.02],
        [o.w / 2 - 0.02, plinth + 0.002, o.d / 2 - 0.03],
      ),
    });
  }
  ctx.anchors.rest = { y: top, min: [-o.w / 2, -o.d / 2], max: [o.w / 2, o.d / 2] };
  const frame = Math.min(0.03, o.w * 0.04);
  const gap = 0.004;
  const proud = 0.012;
  const usable = top - bottom - 2 * frame;
  let y = bottom + frame;
  let n = 0;
  const knobs: Solid[] = [];
  const total = o.rows.reduce((s, r) => s + r.share, 0);
  for (const row of o.rows) {
    const rh = (usable * row.share) / total;
    const cw = (o.w - 2 * frame) / row.cols;
    for (let c = 0; c < row.cols; c++) {
      const x0 = -o.w / 2 + frame + c * cw + gap / 2;
      const x1 = x0 + cw - gap;
      n++;
      parts.push({
        name: `${o.kind}_${n}`,
        group: `${o.kind}s`,
        solid: kit.boxBetween([x0, y + gap / 2, o.d / 2 - 0.002], [x1, y + rh - gap / 2, o.d / 2 + proud]),
      });
      const kr = Math.min(0.016, rh * 0.12) * (style.chunky > 1 ? 1.2 : 1);
      if (o.kind === 'drawer') {
        const kx = (x0 + x1) / 2;
        const ky = y + rh / 2;
        if (cw > 0.5 && rng.chance(0.5)) {
          for (const f of [-0.25, 0.25])
            knobs.push(kit.sphere(kr, 12).translate(kx + f * cw, ky, o.d / 2 + proud + kr * 0.6));
        } else knobs.push(kit.sphere(kr, 12).translate(kx, ky, o.d / 2 + proud + kr * 0.6));
      } else {
        // Door pulls: vertical bars near the meeting edge.
        const hx = row.cols === 1 ? x1 - 0.05 : c % 2 === 0 ? x1 - 0.04 : x0 + 0.04;
        const barH = Math.min(0.25, rh * 0.25);
        const ky = row.share === total ? y + rh * 0.5 : y + rh / 2;
        knobs.push(
          kit.cylinder(0.007, barH, { segments: 8 }).translate(hx, ky - barH / 2, o.d / 2 + proud + 0.012),
        );
      }
    }
    y += rh;
  }
  parts.push({ name: 'handles', group: 'handles', solid: kit.compose(knobs) });
  if (o.legH > 0) {
    const t = Math.min(0.05, o.w * 0.05) * style.chunky;
    const ix = o.w / 2 - t;
    const iz = o.d / 2 - t;
    const spots: Array<[number, number]> = [
      [-ix, iz],
      [ix, iz],
      [ix, -iz],
      [-ix, -iz],
    ];
    spots.forEach(([x, z], i) => {
      parts.push({
        name: `leg_${i + 1}`,
        group: 'legs',
        solid: leg(kit, x, z, o.legH + 0.003, t, o.round, 0.7),
      });
    });
  }
  return parts;
}

const caseGroups = (kind: 'drawer' | 'door', material: string) => [
  main('case', ['case', 'body', 'frame', 'carcass', 'top', 'sides', 'cabinet'], material),
  main(
    `${kind}s`,
    kind === 'drawer' ? ['drawer', 'drawers', 'front', 'fronts'] : ['door', 'doors', 'front', 'fronts'],
    material,
    {
      count: kind === 'drawer' ? [1, 8] : [1, 4],
    },
  ),
  accent('handles', ['handle', 'handles', 'knob', 'knobs', 'pull', 'pulls'], 'brass'),
  main('legs', ['leg', 'legs', 'feet', 'foot'], material, { optional: 'on' }),
];

export const dresser: FamilyDefinition = {
  id: 'dresser',
  category: 'furniture',
  nouns: [
    { word: 'dresser' },
    { word: 'chest of drawers' },
    { word: 'drawers' },
    { word: 'commode' },
    { word: 'bureau' },
    { word: 'tallboy', variant: 'tall' },
  ],
  variantWords: { tall: 'tall', wide: 'wide', low: 'wide' },
  groups: caseGroups('drawer', 'wood'),
  size: { width: [0.65, 1.7], height: [0.69, 1.5], depth: [0.4, 0.58] },
  build(ctx) {
    const { rng, variant, size, has, count } = ctx;
    const wide = variant === 'wide' || (variant !== 'tall' && rng.chance(0.4));
    const w = (wide ? rng.range(1.1, 1.5) : rng.range(0.7, 0.95)) * size.width;
    const h =
      (variant === 'tall' ? rng.range(1.1, 1.4) : wide ? rng.range(0.75, 0.9) : rng.range(0.8, 1.1)) *
      size.height;
    const d = rng.range(0.4, 0.5) * size.depth;
    const drawers = clampCount(count('drawers'), Math.max(3, Math.round(h / 0.22)), 1, 8);
    const cols = wide && drawers > 2 ? 2 : 1;
    const rowsN = cols === 2 ? Math.ceil(drawers / 2) : drawers;
    const legH = has('legs') ? rng.range(0.08, 0.15) : 0;
    const rows = Array.from({ length: rowsN }, (_, i) => ({
      share: 1 + (rowsN - 1 - i) * 0.06,
      cols: cols === 2 && !(drawers % 2 === 1 && i === rowsN - 1) ? 2 : 1,
    }));
    return frontedCase(ctx, { w, h, d, legH, rows, kind: 'drawer', round: rng.chance(0.5) });
  },
};

export const cabinet: FamilyDefinition = {
  id: 'cabinet',
  category: 'furniture',
  nouns: [
    { word: 'cabinet' },
    { word: 'cupboard' },
    { word: 'sideboard', variant: 'sideboard' },
    { word: 'buffet', variant: 'sideboard' },
    { word: 'credenza', variant: 'sideboard' },
    { word: 'hutch' },
    { word: 'armoire', variant: 'tall' },
    { word: 'locker', variant: 'tall' },
  ],
  variantWords: { kitchen: 'cupboard', tall: 'tall', low: 'sideboard', filing: 'tall' },
  groups: caseGroups('door', 'wood'),
  size: { width: [0.57, 1.9], height: [0.64, 2.1], depth: [0.39, 0.63] },
  build(ctx) {
    const { rng, variant, size, has, count } = ctx;
    const side = variant === 'sideboard';
    const tall = variant === 'tall';
    const w = (side ? rng.range(1.2, 1.7) : tall ? rng.range(0.6, 1.0) : rng.range(0.6, 1.0)) * size.width;
    const h = (side ? rng.range(0.7, 0.85) : tall ? rng.range(1.6, 1.95) : rng.range(0.8, 1.0)) * size.height;
    const d = rng.range(0.38, 0.55) * size.depth;
    const doors = clampCount(count('doors'), side ? 3 : 2, 1, 4);
    const legH = has('legs') ? rng.range(0.08, 0.18) : 0;
    const rows = tall
      ? [
          { share: 0.6, cols: doors },
          { share: 0.4, cols: doors },
        ]
      : [{ share: 1, cols: doors }];
    return frontedCase(ctx, { w, h, d, legH, rows, kind: 'door', round: rng.chance(0.4) });
  },
};

export const wardrobe: FamilyDefinition = {
  id: 'wardrobe',
  category: 'furniture',
  nouns: [{ word: 'wardrobe' }, { word: 'closet' }, { word: 'clothes press' }],
  groups: caseGroups('door', 'wood').map((g) => (g.id === 'legs' ? { ...g, optional: 'off' as const } : g)),
  size: { width: [0.86, 1.9], height: [1.7, 2.4], depth: [0.54, 0.71] },
  build(ctx) {
    const { rng, size, has, count } = ctx;
    const doors = clampCount(count('doors'), rng.pick([2, 2, 3]), 1, 4);
    const w = doors * rng.range(0.45, 0.55) * size.width;
    const h = rng.range(1.8, 2.1) * size.height;
    const d = rng.range(0.55, 0.62) * size.depth;
    const legH = has('legs') ? rng.range(0.08, 0.12) : 0;
    const parts = frontedCase(ctx, {
      w,
      h,
      d,
      legH,
      rows: [{ share: 1, cols: doors }],
      kind: 'door',
      round: false,
    });
    // A cornice on top.
    parts.push({
      name: 'cornice',
      group: 'case',
      solid: ctx.kit.boxBetween(
        [-w / 2 - 0.02, h - 0.002, -d / 2 - 0.01],
        [w / 2 + 0.02, h + 0.04, d / 2 + 0.025],
      ),
    });
    ctx.anchors.rest = { y: h + 0.04, min: [-w / 2, -d / 2], max: [w / 2, d / 2] };
    return parts;
  },
};

export const nightstand: FamilyDefinition = {
  id: 'nightstand',
  category: 'furniture',
  nouns: [
    { word: 'nightstand' },
    { word: 'night stand' },
    { word: 'bedside table' },
    { word: 'bedside cabinet' },
    { word: 'end table' },
  ],
  groups: caseGroups('drawer', 'wood'),
  size: { width: [0.37, 0.59], height: [0.46, 0.7], depth: [0.36, 0.51] },
  build(ctx) {
    const { rng, size, has, count } = ctx;
    const w = rng.range(0.4, 0.55) * size.width;
    const h = rng.range(0.5, 0.65) * size.height;
    const d = rng.range(0.35, 0.43) * size.depth;
    const drawers = clampCount(count('drawers'), rng.pick([1, 2, 2]), 1, 3);
    const legH = has('legs') ? rng.range(0.1, 0.18) : 0;
    const rows = Array.from({ length: drawers }, () => ({ share: 1, cols: 1 }));
    return frontedCase(ctx, { w, h, d, legH, rows, kind: 'drawer', round: rng.chance(0.5) });
  },
};

export const bench: FamilyDefinition = {
  id: 'bench',
  category: 'furniture',
  nouns: [
    { word: 'bench' },
    { word: 'park bench', variant: 'park' },
    { word: 'pew', variant: 'park' },
    { word: 'settle', variant: 'park' },
  ],
  variantWords: { park: 'park', garden: 'park', picnic: 'plain', workout: 'plain' },
  groups: [
    main('seat', ['seat', 'slats', 'plank', 'top'], 'wood'),
    main('legs', ['leg', 'legs', 'frame', 'supports'], 'wood'),
    main('backrest', ['back', 'backrest'], 'wood', { optional: 'off' }),
  ],
  size: { width: [0.96, 2], height: [0.38, 1.1], depth: [0.28, 0.73] },
  build(ctx) {
    const { kit, rng, variant, size, has, anchors, style } = ctx;
    const park = variant === 'park' || has('backrest');
    const w = rng.range(1.0, 1.8) * size.width;
    const seatH = rng.range(0.42, 0.47) * size.height;
    const d = (park ? rng.range(0.45, 0.6) : rng.range(0.3, 0.42)) * size.depth;
    const t = rng.range(0.03, 0.05) * style.chunky;
    const parts: BuiltPart[] = [];
    anchors.rest = { y: seatH, min: [-w / 2, -d / 2], max: [w / 2, d / 2] };
    if (park) {
      const slats = 4;
      const sw = d / slats - 0.01;
      for (let i = 0; i < slats; i++) {
        const z0 = -d / 2 + i * (d / slats);
        parts.push({
          name: `slat_${i + 1}`,
          group: 'seat',
          solid: kit.boxBetween([-w / 2, seatH - t, z0], [w / 2, seatH, z0 + sw]),
        });
      }
    } else {
      parts.push({
        name: 'seat',
        group: 'seat',
        solid: kit.boxBetween([-w / 2, seatH - t, -d / 2], [w / 2, seatH, d / 2]),
      });
    }
    const lt = rng.range(0.04, 0.07) * style.chunky;
    const lx = w / 2 - rng.range(0.08, 0.2);
    [-1, 1].forEach((s, i) => {
      // A trestle: two posts and a foot rail, as one slab outline extruded across the depth.
      const x = s * lx;
      const slab = kit.boxBetween(
        [x - lt / 2, 0, -d / 2 + 0.02],
        [x + lt / 2, seatH - t + 0.002, d / 2 - 0.02],
      );
      parts.push({ name: `leg_${i + 1}`, group: 'legs', solid: slab });
    });
    if (park) {
      const backH = rng.range(0.35, 0.45);
      const back = kit
        .boxBetween([-w / 2, 0, 0], [w / 2, backH, 0.03])
        .rotate(-rng.range(8, 15), 0, 0)
        .translate(0, seatH + 0.05, -d / 2);
      parts.push({ name: 'backrest', group: 'backrest', solid: back });
      [-1, 1].forEach((s, i) => {
        parts.push({
          name: `post_${i + 1}`,
          group: 'legs',
          solid: kit.boxBetween(
            [s * lx - lt / 2, seatH - 0.01, -d / 2 - 0.01],
            [s * lx + lt / 2, seatH + 0.1, -d / 2 + 0.04],
          ),
        });
      });
    }
    return parts;
  },
};

export const sofa: FamilyDefinition = {
  id: 'sofa',
  category: 'furniture',
  nouns: [
    { word: 'sofa' },
    { word: 'couch' },
    { word: 'settee' },
    { word: 'loveseat', variant: 'loveseat' },
    { word: 'love seat', variant: 'loveseat' },
    { word: 'divan' },
    { word: 'chesterfield' },
  ],
  related: ['lounge', 'futon'],
  variantWords: { small: 'loveseat', sectional: 'sofa' },
  groups: [
    structural('frame', ['frame', 'base', 'body'], 'fabric'),
    colored('cushions', ['cushion', 'cushions', 'seat', 'seats', 'upholstery'], 'fabric', {
      takesMainMaterial: true,
      count: [1, 4],
    }),
    colored('back', ['back', 'backrest', 'backrests'], 'fabric', { takesMainMaterial: true }),
    colored('armrests', ['arm', 'arms', 'armrest', 'armrests'], 'fabric', {
      takesMainMaterial: true,
      optional: 'on',
    }),
    accent('legs', ['leg', 'legs', 'feet'], 'wood', { color: 'brown' }),
  ],
  size: { width: [1.2, 2.5], height: [0.61, 0.9], depth: [0.78, 1.1] },
  build(ctx) {
    const { kit, rng, variant, size, has, count, anchors } = ctx;
    const seats = clampCount(count('cushions'), variant === 'loveseat' ? 2 : rng.pick([2, 3, 3]), 1, 4);
    const seatW = rng.range(0.55, 0.65);
    const armW = has('armrests') ? rng.range(0.12, 0.2) : 0;
    const w = (seats * seatW + 2 * armW) * size.width;
    const d = rng.range(0.85, 0.95) * size.depth;
    const legH = rng.range(0.05, 0.12);
    const baseTop = legH + rng.range(0.2, 0.26);
    const cushionT = rng.range(0.12, 0.16);
    const backH = rng.range(0.4, 0.5) * size.height;
    const backT = rng.range(0.16, 0.22);
    const r = 0.04;
    const parts: BuiltPart[] = [];
    const innerW = w - 2 * armW;
    parts.push({
      name: 'frame',
      group: 'frame',
      solid: kit.roundedBox([w, baseTop - legH, d], 0.02).translate(0, (baseTop + legH) / 2, 0),
    });
    const cw = innerW / seats;
    for (let i = 0; i < seats; i++) {
      const x = -innerW / 2 + cw * (i + 0.5);
      parts.push({
        name: `cushion_${i + 1}`,
        group: 'cushions',
        solid: kit
          .roundedBox([cw - 0.01, cushionT, d - backT - 0.02], r)
          .translate(x, baseTop + cushionT / 2 - 0.005, (backT + 0.02) / 2),
      });
    }
    anchors.rest = {
      y: baseTop + cushionT - 0.005,
      min: [-innerW / 2, -d / 2 + backT],
      max: [innerW / 2, d / 2],
    };
    parts.push({
      name: 'back',
      group: 'back',
      solid: kit
        .roundedBox([innerW + 0.02, backH, backT], r)
        .rotate(-8, 0, 0)
        .translate(0, baseTop + backH / 2 - 0.02, -d / 2 + backT / 2 + 0.02),
    });
    if (has('armrests')) {
      const armH = baseTop - legH + rng.range(0.2, 0.28);
      [-1, 1].forEach((s, i) => {
        parts.push({
          name: `armrest_${i + 1}`,
          group: 'armrests',
          solid: kit.roundedBox([armW, armH, d], r).translate(s * (w / 2 - armW / 2), legH + armH / 2, 0),
        });
      });
    }
    const lx = w / 2 - 0.06;
    const lz = d / 2 - 0.06;
    [
      [-lx, lz],
      [lx, lz],
      [lx, -lz],
      [-lx, -lz],
    ].forEach(([x, z], i) => {
      parts.push({
        name: `leg_${i + 1}`,
        group: 'legs',
        solid: kit.cylinder(0.018, legH + 0.005, { radiusTop: 0.025, segments: 12 }).translate(x, 0, z),
      });
    });
    return parts;
  },
};

export const bed: FamilyDefinition = {
  id: 'bed',
  category: 'furniture',
  nouns: [
    { word: 'bed' },
    { word: 'cot', variant: 'single' },
    { word: 'bunk', variant: 'single' },
    { word: 'daybed', variant: 'single' },
  ],
  related: ['mattress', 'bedroom'],
  variantWords: {
    single: 'single',
    twin: 'single',
    double: 'double',
    queen: 'queen',
    king: 'king',
    kids: 'single',
    child: 'single',
  },
  groups: [
    main('frame', ['frame', 'base'], 'wood'),
    main('headboard', ['headboard', 'head'], 'wood'),
    main('footboard', ['footboard'], 'wood', { optional: 'off' }),
    accent('mattress', ['mattress'], 'cotton', { color: 'white' }),
    colored(
      'blanket',
      ['blanket', 'duvet', 'quilt', 'cover', 'covers', 'bedspread', 'sheets', 'bedding'],
      'cotton',
      { color: 'steelblue', optional: 'on' },
    ),
    accent('pillows', ['pillow', 'pillows'], 'cotton', { color: 'white', optional: 'on', count: [1, 4] }),
  ],
  size: { width: [0.9, 2.1], height: [0.78, 1.3], depth: [1.8, 2.4] },
  build(ctx) {
    const { kit, rng, variant, size, has, count, anchors, style } = ctx;
    const mw =
      (variant === 'single'
        ? 0.9
        : variant === 'queen'
          ? 1.6
          : variant === 'king'
            ? 1.8
            : variant === 'double'
              ? 1.4
              : rng.pick([0.9, 1.4, 1.6])) * size.width;
    const ml = rng.pick([1.9, 2.0, 2.0]) * (0.95 + 0.05 * size.depth);
    const frameT = rng.range(0.04, 0.06) * style.chunky;
    const w = mw + 2 * frameT;
    const l = ml + 2 * frameT;
    const frameTop = rng.range(0.25, 0.35) * size.height;
    const mattressT = rng.range(0.18, 0.25);
    const headH = rng.range(0.85, 1.2) * size.height;
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'frame',
      group: 'frame',
      solid: kit.boxBetween([-w / 2, 0.1, -l / 2], [w / 2, frameTop, l / 2]),
    });
    for (const [i, [x, z]] of [
      [-w / 2, -l / 2],
      [w / 2, -l / 2],
      [w / 2, l / 2],
      [-w / 2, l / 2],
    ].entries()) {
      parts.push({
        name: `leg_${i + 1}`,
        group: 'frame',
        solid: kit.boxBetween([x - Math.sign(x) * 0.07, 0, z - Math.sign(z) * 0.07], [x, 0.102, z]),
      });
    }
    const mTop = frameTop + mattressT;
    parts.push({
      name: 'mattress',
      group: 'mattress',
      solid: kit.roundedBox([mw, mattressT, ml], 0.05).translate(0, frameTop + mattressT / 2 - 0.01, 0),
    });
    parts.push({
      name: 'headboard',
      group: 'headboard',
      solid: kit.boxBetween([-w / 2, 0, -l / 2 - 0.06], [w / 2, headH, -l / 2 + 0.002]),
    });
    if (has('footboard'))
      parts.push({
        name: 'footboard',
        group: 'footboard',
        solid: kit.boxBetween([-w / 2, 0, l / 2 - 0.002], [w / 2, mTop + 0.1, l / 2 + 0.05]),
      });
    if (has('blanket')) {
      const bl = ml * rng.range(0.6, 0.72);
      parts.push({
        name: 'blanket',
        group: 'blanket',
        solid: kit.roundedBox([mw + 0.06, 0.04, bl], 0.02).translate(0, mTop + 0.005, ml / 2 - bl / 2 + 0.03),
      });
    }
    anchors.rest = { y: mTop - 0.01, min: [-mw / 2, -ml / 2], max: [mw / 2, ml / 2] };
    if (has('pillows')) {
      const n = clampCount(count('pillows'), mw > 1.2 ? 2 : 1, 1, 4);
      const pw = Math.min(0.7, (mw - 0.05) / n - 0.02);
      for (let i = 0; i < n; i++) {
        const x = -mw / 2 + (mw / n) * (i + 0.5);
        parts.push({
          name: `pillow_${i + 1}`,
          group: 'pillows',
          solid: kit.roundedBox([pw, 0.13, 0.4], 0.06).translate(x, mTop + 0.05, -ml / 2 + 0.25),
        });
      }
    }
    return parts;
  },
};

export const ottoman: FamilyDefinition = {
  id: 'ottoman',
  category: 'furniture',
  nouns: [
    { word: 'ottoman' },
    { word: 'pouf', variant: 'round' },
    { word: 'pouffe', variant: 'round' },
    { word: 'footrest' },
    { word: 'hassock', variant: 'round' },
    { word: 'beanbag', variant: 'beanbag' },
    { word: 'bean bag', variant: 'beanbag' },
  ],
  variantWords: { round: 'round', square: 'square' },
  groups: [
    colored('cushion', ['cushion', 'top', 'seat', 'body', 'upholstery'], 'velvet', {
      takesMainMaterial: true,
    }),
    accent('legs', ['leg', 'legs', 'feet'], 'wood', { color: 'brown', optional: 'on' }),
  ],
  size: { width: [0.42, 0.92], height: [0.27, 0.65], depth: [0.3, 0.92] },
  build({ kit, rng, variant, size, has, anchors }) {
    const round = variant === 'round';
    const bean = variant === 'beanbag';
    const w = (bean ? rng.range(0.7, 0.85) : rng.range(0.45, 0.7)) * size.width;
    const legH = has('legs') && !round && !bean ? rng.range(0.05, 0.1) : 0;
    const h = (bean ? rng.range(0.5, 0.6) : rng.range(0.3, 0.4)) * size.height;
    const parts: BuiltPart[] = [];
    if (bean) {
      parts.push({
        name: 'cushion',
        group: 'cushion',
        solid: turned(
          kit,
          [
            [w * 0.4, 0],
            [w * 0.5, h * 0.3],
            [w * 0.42, h * 0.75],
            [w * 0.15, h],
          ],
          4,
          32,
        ),
        uv: { kind: 'cylindrical' },
      });
    } else if (round) {
      parts.push({
        name: 'cushion',
        group: 'cushion',
        solid: turned(
          kit,
          [
            [w * 0.46, 0],
            [w * 0.5, h * 0.2],
            [w * 0.5, h * 0.8],
            [w * 0.44, h],
          ],
          3,
          40,
        ),
        uv: { kind: 'cylindrical' },
      });
    } else {
      parts.push({
        name: 'cushion',
        group: 'cushion',
        solid: kit.roundedBox([w, h, w * rng.range(0.7, 1)], 0.05).translate(0, legH + h / 2, 0),
      });
      if (legH > 0) {
        const k = w / 2 - 0.05;
        [
          [-k, k],
          [k, k],
          [k, -k],
          [-k, -k],
        ].forEach(([x, z], i) => {
          parts.push({
            name: `leg_${i + 1}`,
            group: 'legs',
            solid: kit
              .cylinder(0.015, legH + 0.01, { radiusTop: 0.02, segments: 10 })
              .translate(x, 0, z * 0.7),
          });
        });
      }
    }
    anchors.rest = { y: legH + h, min: [-w * 0.35, -w * 0.3], max: [w * 0.35, w * 0.3] };
    return parts;
  },
};

export const throne: FamilyDefinition = {
  id: 'throne',
  category: 'furniture',
  nouns: [{ word: 'throne' }],
  related: ['king', 'royal'],
  groups: [
    structural('frame', ['frame', 'body', 'back', 'arms', 'armrests'], 'gold'),
    colored('cushions', ['cushion', 'cushions', 'seat', 'upholstery', 'velvet'], 'velvet', {
      color: 'crimson',
      takesMainMaterial: false,
    }),
  ],
  size: { width: [0.75, 1.2], height: [1.3, 2.2], depth: [0.6, 0.87] },
  build({ kit, rng, size, anchors }) {
    const w = rng.range(0.8, 1.05) * size.width;
    const d = rng.range(0.65, 0.8) * size.depth;
    const seatH = rng.range(0.45, 0.55);
    const backH = rng.range(1.5, 2.0) * size.height;
    const t = rng.range(0.08, 0.12);
    const parts: BuiltPart[] = [];
    parts.push({
      name: 'base',
      group: 'frame',
      solid: kit.boxBetween([-w / 2, 0, -d / 2], [w / 2, seatH - 0.08, d / 2]),
    });
    parts.push({
      name: 'seat',
      group: 'cushions',
      solid: kit.roundedBox([w - 2 * t - 0.02, 0.1, d - t - 0.02], 0.03).translate(0, seatH - 0.04, t / 2),
    });
    anchors.rest = { y: seatH + 0.01, min: [-w / 2 + t, -d / 2 + t], max: [w / 2 - t, d / 2] };
    // The back: a tall slab with a pointed top, and a cushion on its front.
    const outline: Array<[number, number]> = [
      [-w / 2, 0],
      [w / 2, 0],
      [w / 2, backH * 0.85],
      [0, backH],
      [-w / 2, backH * 0.85],
    ];
    parts.push({
      name: 'back',
      group: 'frame',
      solid: kit.extrude(outline, t).translate(0, 0, -d / 2 + t / 2),
    });
    parts.push({
      name: 'back_cushion',
      group: 'cushions',
      solid: kit
        .roundedBox([w - 2 * t - 0.04, backH * 0.55, 0.08], 0.03)
        .translate(0, seatH + backH * 0.3, -d / 2 + t + 0.03),
    });
    [-1, 1].forEach((s, i) => {
      parts.push({
        name: `arm_${i + 1}`,
        group: 'frame',
        solid: kit.boxBetween(
          [s * (w / 2) - (s > 0 ? t : 0), seatH - 0.1, -d / 2 + t * 0.5],
          [s * (w / 2) + (s > 0 ? 0 : t), seatH + 0.28, d / 2],
        ),
      });
      parts.push({
        name: `finial_${i + 1}`,
        group: 'frame',
        solid: kit
          .sphere(t * 0.55, 16)
          .translate(s * (w / 2 - t / 2), backH * 0.85 + t * 0.4, -d / 2 + t / 2),
      });
    });
    return parts;
  },
};

export const coatRack: FamilyDefinition = {
  id: 'coat rack',
  category: 'furniture',
  nouns: [
    { word: 'coat rack' },
    { word: 'coat stand' },
    { word: 'hat stand' },
    { word: 'hatstand' },
    { word: 'coatrack' },
    { word: 'hall tree' },
  ],
  groups: [
    main('pole', ['pole', 'post', 'stand'], 'wood'),
    main('base', ['base', 'feet', 'legs'], 'wood'),
    main('hooks', ['hook', 'hooks', 'pegs', 'arms'], 'wood', { count: [2, 8] }),
  ],
  size: { width: [0.36, 0.59], height: [1.6, 2.1], depth: [0.35, 0.58] },
  build({ kit, rng, size, count }) {
    const h = rng.range(1.7, 1.9) * size.height;
    const r = rng.range(0.018, 0.028);
    const spread = rng.range(0.2, 0.3) * size.width;
    const parts: BuiltPart[] = [
      {
        name: 'pole',
        group: 'pole',
        solid: kit.cylinder(r, h, { segments: 16 }),
        uv: { kind: 'cylindrical' },
      },
    ];
    for (let i = 0; i < 3; i++) {
      const a = (i / 3) * Math.PI * 2 + 0.3;
      const foot = kit.cylinderBetween(
        [0, 0.35, 0],
        [Math.cos(a) * spread, 0.02, Math.sin(a) * spread],
        r * 0.8,
        { segments: 10 },
      );
      parts.push({ name: `foot_${i + 1}`, group: 'base', solid: foot });
      parts.push({
        name: `toe_${i + 1}`,
        group: 'base',
        solid: kit.sphere(r * 0.9, 10).translate(Math.cos(a) * spread, r * 0.9, Math.sin(a) * spread),
      });
    }
    const hooks = clampCount(count('hooks'), rng.pick([4, 6]), 2, 8);
    for (let i = 0; i < hooks; i++) {
      const a = (i / hooks) * Math.PI * 2;
      const y = h - 0.08 - (i % 2) * 0.12;
      const path = bezier(
        [0, y - 0.02, 0],
        [Math.cos(a) * 0.14, y - 0.02, Math.sin(a) * 0.14],
        [Math.cos(a) * 0.16, y + 0.08, Math.sin(a) * 0.16],
        8,
      );
      parts.push({ name: `hook_${i + 1}`, group: 'hooks', solid: kit.tube(path, 0.008, { segments: 8 }) });
    }
    parts.push({ name: 'finial', group: 'pole', solid: kit.sphere(r * 1.6, 14).translate(0, h, 0) });
    return parts;
  },
};

export const FURNITURE: FamilyDefinition[] = [
  dresser,
  cabinet,
  wardrobe,
  nightstand,
  bench,
  sofa,
  bed,
  ottoman,
  throne,
  coatRack,
];
