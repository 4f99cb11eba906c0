import type { Vec2 } from 'manifold-3d';
import type { ProfilePoint } from '../../../geometry/solid.js';
import type { BuildContext, BuiltPart, FamilyDefinition } from './types.js';

/**
 * A shield standing on its lower edge, its face towards +Z: a round, slightly domed board with a
 * metal rim and boss, or a heater ("kite", "knight's") shield. 0.55–1 m tall.
 */
export const shield: FamilyDefinition = {
  id: 'shield',
  category: 'weapon',
  nouns: [{ word: 'shield' }, { word: 'buckler', variant: 'round' }, { word: 'targe', variant: 'round' }],
  related: ['armour', 'armor', 'knight', 'defense', 'defence', 'crest', 'heraldry', 'viking', 'paladin'],
  variantWords: {
    round: 'round',
    circular: 'round',
    viking: 'round',
    heater: 'heater',
    kite: 'heater',
    knight: 'heater',
    medieval: 'heater',
  },
  groups: [
    {
      id: 'board',
      nouns: ['board', 'face', 'body', 'front'],
      material: 'wood',
      takesMainMaterial: true,
      takesMainColor: true,
    },
    {
      id: 'boss',
      nouns: ['boss', 'center', 'centre', 'umbo'],
      material: 'iron',
      takesMainMaterial: false,
      takesMainColor: false,
    },
    {
      id: 'rim',
      nouns: ['rim', 'edge', 'border', 'trim'],
      optional: 'on',
      material: 'iron',
      takesMainMaterial: false,
      takesMainColor: false,
    },
  ],
  size: { width: [0.45, 0.95], height: [0.5, 1.0], depth: [0.03, 0.16] },
  build: buildShield,
};

function buildShield(ctx: BuildContext): BuiltPart[] {
  return ctx.variant === 'heater' ? buildHeater(ctx) : buildRound(ctx);
}

function buildRound({ kit, rng, size, has }: BuildContext): BuiltPart[] {
  const radius = (rng.range(0.6, 0.9) / 2) * size.width;
  const thick = rng.range(0.015, 0.025);
  const dome = radius * rng.range(0.03, 0.1);
  const parts: BuiltPart[] = [];
  // The board is turned about Y (its domed front = +Y), then tipped so the front faces +Z.
  const board: ProfilePoint[] = [
    [0, 0],
    [radius, 0],
  ];
  for (let i = 0; i <= 8; i++) {
    const r = radius * (1 - i / 8);
    board.push([r, thick + dome * (1 - (r / radius) ** 2)]);
  }
  parts.push({
    name: 'board',
    group: 'board',
    solid: kit.revolve(board, { segments: 48 }).rotate(90, 0, 0).translate(0, radius, 0),
  });
  const bossR = radius * rng.range(0.15, 0.22);
  parts.push({
    name: 'boss',
    group: 'boss',
    solid: kit
      .sphere(bossR, 24)
      .scale([1, 1, 0.6])
      .translate(0, radius, thick + dome - bossR * 0.1),
  });
  if (has('rim')) {
    const rimW = rng.range(0.012, 0.02);
    parts.push({
      name: 'rim',
      group: 'rim',
      solid: kit
        .revolve(
          [
            [radius - rimW, -0.004],
            [radius + 0.004, -0.004],
            [radius + 0.004, thick + 0.004],
            [radius - rimW, thick + 0.004],
          ],
          { segments: 48 },
        )
        .rotate(90, 0, 0)
        .translate(0, radius, 0),
    });
  }
  return parts;
}

function buildHeater({ kit, rng, size, has }: BuildContext): BuiltPart[] {
  const w = rng.range(0.5, 0.7) * size.width;
  const h = rng.range(0.7, 0.95) * size.height;
  const thick = rng.range(0.018, 0.028);
  const straight = h * rng.range(0.3, 0.45); // straight sides before the curve to the point
  const outline = heaterOutline(w, h, straight, 10);
  const parts: BuiltPart[] = [
    {
      name: 'board',
      group: 'board',
      solid: kit.extrude(outline, thick).translate(0, 0, thick / 2),
    },
  ];
  const bossR = w * rng.range(0.08, 0.12);
  parts.push({
    name: 'boss',
    group: 'boss',
    solid: kit
      .sphere(bossR, 24)
      .scale([1, 1, 0.5])
      .translate(0, h - straight * 0.9, thick),
  });
  if (has('rim')) {
    const rimW = rng.range(0.015, 0.025);
    const inner = heaterOutline(w - 2 * rimW, h - 2 * rimW * 1.6, straight - rimW, 10).map(
      ([x, y]) => [x, y + rimW * 1.6] as Vec2,
    );
    const band = kit.extrude(outline, thick + 0.008).subtract(kit.extrude(inner, thick + 0.02));
    parts.push({ name: 'rim', group: 'rim', solid: band.translate(0, 0, thick / 2) });
  }
  return parts;
}

/** Flat top at y = h, vertical sides down to h - straight, then two arcs meeting in a point at y = 0. */
function heaterOutline(w: number, h: number, straight: number, steps: number): Vec2[] {
  const pts: Vec2[] = [
    [-w / 2, h],
    [-w / 2, h - straight],
  ];
  const curveH = h - straight;
  for (let i = 1; i < steps; i++) {
    const t = i / steps;
    // x shrinks along a quarter-ellipse so the point is sharp but the flanks are full.
    const y = curveH * (1 - t);
    const x = (-w / 2) * Math.cos((t * Math.PI) / 2) ** 0.8;
    pts.push([x, y]);
  }
  pts.push([0, 0]);
  for (let i = steps - 1; i >= 1; i--) {
    const t = i / steps;
    pts.push([(w / 2) * Math.cos((t * Math.PI) / 2) ** 0.8, curveH * (1 - t)]);
  }
  pts.push([w / 2, h - straight], [w / 2, h]);
  return pts;
}
