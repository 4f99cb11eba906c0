import type { Vec3 } from '../../asset/asset.js';
import type { Cavity, RestArea } from './families/types.js';
import type { Rng } from './random.js';
import type { RelationSpec } from './spec.js';

/** An axis-aligned box. */
export interface Box3 {
  min: Vec3;
  max: Vec3;
}

/** One instance of an object as built: its parts' boxes and anchors in its own frame (footprint centred, resting on y = 0). */
export interface LayoutItem {
  /** Index of the object in `Spec.objects`. */
  object: number;
  /** 0 … count − 1. */
  instance: number;
  family: string;
  bounds: Box3;
  parts: Box3[];
  rest?: RestArea;
  cavity?: Cavity;
}

/** Where an instance ends up: turned `yaw` degrees about +Y, then moved by `offset`. */
export interface Placement {
  offset: Vec3;
  yaw: number;
  /** How the instance was placed, for the metadata ("on table", "beside lamp", "ground"). */
  how: string;
}

/** Families people sit on: "a table with chairs" puts them around the table. */
const SEATS = new Set(['chair', 'stool', 'bench', 'sofa', 'armchair', 'throne']);
const TABLES = new Set(['table', 'desk', 'dining table', 'coffee table']);
const EPS = 1e-4;

/**
 * Places the instances of a scene without interpenetration: objects without a relation stand on the
 * ground side by side; "on" puts an object on its target's rest area (or its top), "in" inside its
 * cavity (or on it when it has none), "under" on the ground below it, "beside"/"left"/"right"/
 * "behind"/"front" next to it on the same support, "around" in a ring facing it; "with" chooses among
 * those by what the target offers. Every candidate position is checked against the part boxes of
 * everything placed so far (touching is allowed, overlapping is not), and for cavities against the
 * container's inner radius, so nothing ends up inside anything else.
 */
export function layoutScene(items: LayoutItem[], relations: RelationSpec[], rng: Rng): Placement[] {
  const placements: Array<Placement | undefined> = items.map(() => undefined);
  const placedBoxes: Array<{ item: number; box: Box3 }> = [];
  const byObject = new Map<number, number[]>();
  items.forEach((it, i) => {
    byObject.set(it.object, [...(byObject.get(it.object) ?? []), i]);
  });

  // One relation per subject object (the first one written); drop relations that would form a cycle.
  const support = new Map<number, RelationSpec>();
  for (const r of relations) {
    if (support.has(r.subject) || r.subject === r.target) continue;
    let t: number | undefined = r.target;
    let cycle = false;
    for (let guard = 0; t !== undefined && guard < 64; guard++) {
      if (t === r.subject) cycle = true;
      t = support.get(t)?.target;
    }
    if (!cycle) support.set(r.subject, r);
  }

  // Objects in dependency order: targets before the objects that relate to them.
  const order: number[] = [];
  const visiting = new Set<number>();
  const visit = (o: number) => {
    if (order.includes(o) || visiting.has(o)) return;
    visiting.add(o);
    const r = support.get(o);
    if (r) visit(r.target);
    order.push(o);
  };
  for (const o of byObject.keys()) visit(o);

  const supportOf = new Map<number, number>();
  const worldBoxes = (i: number, p: Placement): Box3[] => items[i].parts.map((b) => transformBox(b, p));
  // A little air between neighbours (not for things put inside a container).
  const padded = (i: number, p: Placement): Box3[] => {
    const pad = Math.min(0.05, 0.06 * Math.max(...size(items[i].bounds)));
    return worldBoxes(i, p).map((b) => ({
      min: [b.min[0] - pad, b.min[1], b.min[2] - pad],
      max: [b.max[0] + pad, b.max[1], b.max[2] + pad],
    }));
  };
  const collides = (boxes: Box3[], ignore?: number): boolean => {
    for (const { item, box } of placedBoxes) {
      if (ignore !== undefined && item === ignore) continue;
      for (const b of boxes) if (overlaps(b, box)) return true;
    }
    return false;
  };
  const commit = (i: number, p: Placement) => {
    placements[i] = p;
    for (const box of worldBoxes(i, p)) placedBoxes.push({ item: i, box });
  };
  const sceneExtent = (): Box3 => {
    const b: Box3 = { min: [0, 0, 0], max: [0, 0, 0] };
    if (placedBoxes.length === 0) return b;
    b.min = [Infinity, Infinity, Infinity];
    b.max = [-Infinity, -Infinity, -Infinity];
    for (const { box } of placedBoxes) grow(b, box);
    return b;
  };

  /** Tries candidate offsets in order; the first that collides with nothing wins. */
  const tryCandidates = (
    i: number,
    candidates: Array<{ offset: Vec3; yaw: number }>,
    how: string,
    ignore?: number,
    accept?: (p: Placement) => boolean,
  ): boolean => {
    for (const c of candidates) {
      const p: Placement = { offset: c.offset, yaw: c.yaw, how };
      if (accept && !accept(p)) continue;
      if (!collides(ignore === undefined ? padded(i, p) : worldBoxes(i, p), ignore)) {
        commit(i, p);
        return true;
      }
    }
    return false;
  };

  const placeOnGround = (i: number, near: Vec3 | undefined, how: string) => {
    const it = items[i];
    const ext = sceneExtent();
    const centre: Vec3 =
      near ??
      (placedBoxes.length === 0
        ? [0, 0, 0]
        : [(ext.min[0] + ext.max[0]) / 2, 0, (ext.min[2] + ext.max[2]) / 2]);
    const step = Math.max(0.02, Math.min(size(it.bounds)[0], size(it.bounds)[2]) * 0.5);
    if (placedBoxes.length === 0) {
      commit(i, { offset: [0, 0, 0], yaw: 0, how });
      return;
    }
    const candidates = spiral(centre, step, 0, 400);
    if (!tryCandidates(i, candidates, how))
      commit(i, { offset: [ext.max[0] + size(it.bounds)[0], 0, 0], yaw: 0, how });
  };

  const placeBeside = (i: number, target: number, side: string) => {
    const it = items[i];
    const tp = placements[target]!;
    const tb = transformBox(items[target].bounds, tp);
    const half = [size(it.bounds)[0] / 2, size(it.bounds)[2] / 2];
    const gap = Math.max(0.02, Math.min(0.3, Math.max(size(it.bounds)[0], size(tb)[0]) * 0.15));
    const y = supportHeight(target);
    const cx = (tb.min[0] + tb.max[0]) / 2;
    const cz = (tb.min[2] + tb.max[2]) / 2;
    const sides: Record<string, Vec3> = {
      right: [tb.max[0] + gap + half[0], y, cz],
      left: [tb.min[0] - gap - half[0], y, cz],
      behind: [cx, y, tb.min[2] - gap - half[1]],
      front: [cx, y, tb.max[2] + gap + half[1]],
    };
    const prefer =
      side === 'beside' ? ['right', 'left', 'behind', 'front'] : [side, 'right', 'left', 'behind', 'front'];
    const candidates: Array<{ offset: Vec3; yaw: number }> = [];
    for (let ring = 0; ring < 12; ring++) {
      for (const s of prefer) {
        const base = sides[s];
        const push = ring * Math.max(half[0], half[1], 0.05);
        const dir = s === 'right' ? [1, 0] : s === 'left' ? [-1, 0] : s === 'behind' ? [0, -1] : [0, 1];
        candidates.push({ offset: [base[0] + dir[0] * push, base[1], base[2] + dir[1] * push], yaw: 0 });
      }
    }
    if (!tryCandidates(i, candidates, `${side} ${items[target].family}`))
      placeOnGround(i, undefined, `${side} ${items[target].family} (no room; on the ground)`);
  };

  /** Height of the surface an instance stands on (0 for the ground). */
  const supportHeight = (i: number): number => placements[i]?.offset[1] ?? 0;

  const placeOn = (i: number, target: number): boolean => {
    const it = items[i];
    const tp = placements[target]!;
    const t = items[target];
    const rest: RestArea = t.rest ?? {
      y: t.bounds.max[1],
      min: [t.bounds.min[0], t.bounds.min[2]],
      max: [t.bounds.max[0], t.bounds.max[2]],
    };
    const r = transformRest(rest, tp);
    const half = [size(it.bounds)[0] / 2, size(it.bounds)[2] / 2];
    const cx = (r.min[0] + r.max[0]) / 2;
    const cz = (r.min[1] + r.max[1]) / 2;
    const step = Math.max(0.01, Math.min(half[0], half[1]) * 0.5);
    const inside = (p: Placement) => {
      const b = transformBox(it.bounds, p);
      return (
        b.min[0] >= r.min[0] - EPS &&
        b.max[0] <= r.max[0] + EPS &&
        b.min[2] >= r.min[1] - EPS &&
        b.max[2] <= r.max[1] + EPS
      );
    };
    const candidates = spiral([cx, r.y, cz], step, 0, 300);
    if (tryCandidates(i, candidates, `on ${t.family}`, undefined, inside)) {
      supportOf.set(i, target);
      return true;
    }
    // Too small to hold it inside its edges: centred on top, overhanging.
    if (tryCandidates(i, spiral([cx, r.y, cz], step, 0, 60), `on ${t.family} (overhanging)`)) {
      supportOf.set(i, target);
      return true;
    }
    return false;
  };

  const placeIn = (i: number, target: number): boolean => {
    const t = items[target];
    const cav = t.cavity;
    if (!cav) return placeOn(i, target);
    const it = items[i];
    const tp = placements[target]!;
    const half = Math.max(size(it.bounds)[0], size(it.bounds)[2]) / 2;
    const h = size(it.bounds)[1];
    const centre = cav.center ?? [0, 0];
    const fits = (p: Placement): boolean => {
      // In the container's frame: the item's footprint corners must be inside the inner outline at its
      // base height (the walls only widen upwards), and its base at or above the floor.
      const local = untransformBox(transformBox(it.bounds, p), tp);
      const y0 = local.min[1];
      if (y0 < cav.floor - EPS) return false;
      const k = Math.min(1, Math.max(0, (y0 - cav.floor) / Math.max(1e-6, cav.rim - cav.floor)));
      const hx = cav.floorHalf[0] + (cav.rimHalf[0] - cav.floorHalf[0]) * k;
      const hz = cav.floorHalf[1] + (cav.rimHalf[1] - cav.floorHalf[1]) * k;
      const dx = [local.min[0] - centre[0], local.max[0] - centre[0]];
      const dz = [local.min[2] - centre[1], local.max[2] - centre[1]];
      if (cav.round) {
        for (const x of dx) for (const z of dz) if ((x / hx) ** 2 + (z / hz) ** 2 > 1 + EPS) return false;
        return true;
      }
      return (
        Math.max(Math.abs(dx[0]), Math.abs(dx[1])) <= hx + EPS &&
        Math.max(Math.abs(dz[0]), Math.abs(dz[1])) <= hz + EPS
      );
    };
    // Candidates in the container's frame: rings on the floor, then higher up (resting on the walls or on
    // what lies below), each with a seeded turn.
    const candidates: Array<{ offset: Vec3; yaw: number }> = [];
    const levels = 10;
    for (let level = 0; level < levels; level++) {
      const y =
        cav.floor + ((cav.rim - cav.floor) * level) / (levels - 1) + (level >= levels - 1 ? h * 0.5 : 0);
      const k = Math.min(1, (y - cav.floor) / Math.max(1e-6, cav.rim - cav.floor));
      const reach = Math.min(
        cav.floorHalf[0] + (cav.rimHalf[0] - cav.floorHalf[0]) * k,
        cav.floorHalf[1] + (cav.rimHalf[1] - cav.floorHalf[1]) * k,
      );
      const ringMax = Math.max(0, reach - half);
      for (let ring = 0; ring <= 4; ring++) {
        const rr = (ringMax * ring) / 4;
        const n = ring === 0 ? 1 : Math.max(3, Math.floor((2 * Math.PI * rr) / Math.max(half * 2, 1e-3)));
        const turn = rng.next() * Math.PI * 2;
        for (let s = 0; s < n; s++) {
          const a = turn + (s / n) * Math.PI * 2;
          const local: Vec3 = [centre[0] + Math.cos(a) * rr, y, centre[1] + Math.sin(a) * rr];
          const world = transformPoint(local, tp);
          candidates.push({ offset: world, yaw: Math.round(rng.next() * 360) });
        }
      }
    }
    if (tryCandidates(i, candidates, `in ${t.family}`, target, fits)) {
      supportOf.set(i, target);
      return true;
    }
    // Too many to fit: pile the rest on top, above the rim.
    const pile = spiral(transformPoint([centre[0], cav.rim, centre[1]], tp), half, 0, 200);
    return tryCandidates(i, pile, `in ${t.family} (piled above the rim)`, target);
  };

  const placeUnder = (i: number, target: number): boolean => {
    const tp = placements[target]!;
    const tb = transformBox(items[target].bounds, tp);
    const cx = (tb.min[0] + tb.max[0]) / 2;
    const cz = (tb.min[2] + tb.max[2]) / 2;
    const it = items[i];
    const step = Math.max(0.02, Math.min(size(it.bounds)[0], size(it.bounds)[2]) * 0.4);
    const under = (p: Placement) => {
      const b = transformBox(it.bounds, p);
      return (
        b.min[0] >= tb.min[0] - EPS &&
        b.max[0] <= tb.max[0] + EPS &&
        b.min[2] >= tb.min[2] - EPS &&
        b.max[2] <= tb.max[2] + EPS
      );
    };
    return tryCandidates(
      i,
      spiral([cx, tp.offset[1], cz], step, 0, 100),
      `under ${items[target].family}`,
      undefined,
      under,
    );
  };

  const placeAround = (instances: number[], target: number) => {
    const tp = placements[target]!;
    const tb = transformBox(items[target].bounds, tp);
    const cx = (tb.min[0] + tb.max[0]) / 2;
    const cz = (tb.min[2] + tb.max[2]) / 2;
    const n = instances.length;
    instances.forEach((i, k) => {
      const it = items[i];
      const depth = size(it.bounds)[2];
      const a = (k / n) * Math.PI * 2;
      const dir: Vec3 = [Math.sin(a), 0, Math.cos(a)];
      // Facing the centre: the object's +Z turned to point along -dir.
      const yaw = ((a * 180) / Math.PI + 180) % 360;
      const candidates: Array<{ offset: Vec3; yaw: number }> = [];
      const start = (Math.max(size(tb)[0], size(tb)[2]) / 2) * 0.55;
      for (let s = 0; s < 60; s++) {
        const d = start + depth * 0.5 + s * Math.max(0.02, depth * 0.1);
        candidates.push({ offset: [cx + dir[0] * d, tp.offset[1], cz + dir[2] * d], yaw });
      }
      if (!tryCandidates(i, candidates, `around ${items[target].family}`))
        placeOnGround(i, undefined, 'ground');
    });
  };

  for (const o of order) {
    const instances = byObject.get(o) ?? [];
    const r = support.get(o);
    const targetInstance = r ? byObject.get(r.target)?.[0] : undefined;
    if (!r || targetInstance === undefined || placements[targetInstance] === undefined) {
      for (const i of instances)
        placeOnGround(i, instances[0] === i ? undefined : placements[instances[0]]?.offset, 'ground');
      continue;
    }
    let kind = r.kind as string;
    if (kind === 'with') {
      const t = items[targetInstance];
      const it = items[instances[0]];
      if (SEATS.has(it.family) && TABLES.has(t.family)) kind = 'around';
      else if (t.cavity && fitsFootprint(it.bounds, t.cavity.rimHalf)) kind = 'in';
      else if (fitsFootprint(it.bounds, restHalf(t))) kind = 'on';
      else kind = 'beside';
    }
    if (kind === 'around') {
      placeAround(instances, targetInstance);
      continue;
    }
    for (const i of instances) {
      let ok = false;
      if (kind === 'on') ok = placeOn(i, targetInstance);
      else if (kind === 'in') ok = placeIn(i, targetInstance);
      else if (kind === 'under') ok = placeUnder(i, targetInstance);
      if (!ok)
        placeBeside(i, targetInstance, kind === 'on' || kind === 'in' || kind === 'under' ? 'beside' : kind);
    }
  }
  return placements.map((p) => p ?? { offset: [0, 0, 0], yaw: 0, how: 'ground' });
}

function restHalf(it: LayoutItem): [number, number] {
  if (it.rest) return [(it.rest.max[0] - it.rest.min[0]) / 2, (it.rest.max[1] - it.rest.min[1]) / 2];
  return [size(it.bounds)[0] / 2, size(it.bounds)[2] / 2];
}

function fitsFootprint(b: Box3, half: [number, number]): boolean {
  const s = size(b);
  return s[0] / 2 <= half[0] * 1.05 && s[2] / 2 <= half[1] * 1.05;
}

/** Offsets around `centre`: the centre, then rings of growing radius (`step` apart), in a fixed order. */
function spiral(
  centre: Vec3,
  step: number,
  yaw: number,
  count: number,
): Array<{ offset: Vec3; yaw: number }> {
  const out: Array<{ offset: Vec3; yaw: number }> = [{ offset: [...centre] as Vec3, yaw }];
  for (let ring = 1; out.length < count; ring++) {
    const r = ring * step;
    const n = Math.max(6, Math.round((2 * Math.PI * r) / step));
    for (let k = 0; k < n && out.length < count; k++) {
      const a = (k / n) * Math.PI * 2;
      out.push({ offset: [centre[0] + Math.cos(a) * r, centre[1], centre[2] + Math.sin(a) * r], yaw });
    }
  }
  return out;
}

export function size(b: Box3): Vec3 {
  return [b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]];
}

function grow(b: Box3, o: Box3): void {
  for (let k = 0; k < 3; k++) {
    b.min[k] = Math.min(b.min[k], o.min[k]);
    b.max[k] = Math.max(b.max[k], o.max[k]);
  }
}

function overlaps(a: Box3, b: Box3): boolean {
  return (
    a.min[0] < b.max[0] - EPS &&
    a.max[0] > b.min[0] + EPS &&
    a.min[1] < b.max[1] - EPS &&
    a.max[1] > b.min[1] + EPS &&
    a.min[2] < b.max[2] - EPS &&
    a.max[2] > b.min[2] + EPS
  );
}

/** Turns a point `yaw` degrees about +Y, then moves it by `offset`. */
export function transformPoint(p: Vec3, t: { offset: Vec3; yaw: number }): Vec3 {
  const a = (t.yaw * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [p[0] * c + p[2] * s + t.offset[0], p[1] + t.offset[1], -p[0] * s + p[2] * c + t.offset[2]];
}

function untransformPoint(p: Vec3, t: { offset: Vec3; yaw: number }): Vec3 {
  const a = (-t.yaw * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const x = p[0] - t.offset[0];
  const z = p[2] - t.offset[2];
  return [x * c + z * s, p[1] - t.offset[1], -x * s + z * c];
}

/** The world box of a local box after a placement (the box of its turned corners). */
export function transformBox(b: Box3, t: { offset: Vec3; yaw: number }): Box3 {
  const out: Box3 = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
  for (const x of [b.min[0], b.max[0]])
    for (const z of [b.min[2], b.max[2]])
      for (const y of [b.min[1], b.max[1]]) {
        const p = transformPoint([x, y, z], t);
        for (let k = 0; k < 3; k++) {
          out.min[k] = Math.min(out.min[k], p[k]);
          out.max[k] = Math.max(out.max[k], p[k]);
        }
      }
  return out;
}

function untransformBox(b: Box3, t: { offset: Vec3; yaw: number }): Box3 {
  const out: Box3 = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
  for (const x of [b.min[0], b.max[0]])
    for (const z of [b.min[2], b.max[2]])
      for (const y of [b.min[1], b.max[1]]) {
        const p = untransformPoint([x, y, z], t);
        for (let k = 0; k < 3; k++) {
          out.min[k] = Math.min(out.min[k], p[k]);
          out.max[k] = Math.max(out.max[k], p[k]);
        }
      }
  return out;
}

function transformRest(
  r: RestArea,
  t: { offset: Vec3; yaw: number },
): { y: number; min: [number, number]; max: [number, number] } {
  const b = transformBox({ min: [r.min[0], r.y, r.min[1]], max: [r.max[0], r.y, r.max[1]] }, t);
  return { y: b.min[1], min: [b.min[0], b.min[2]], max: [b.max[0], b.max[2]] };
}
