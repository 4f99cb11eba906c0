import type { ProfilePoint } from './solid.js';

/**
 * A smooth curve through control points (Catmull-Rom), `steps` segments per span. Used for
 * turned shapes (vases, bottles, barrels) where a handful of radii describe the silhouette.
 *
 * @example
 * const outline = smoothCurve([[0.05, 0], [0.09, 0.1], [0.03, 0.25]], 6);
 */
export function smoothCurve(points: ProfilePoint[], steps: number): ProfilePoint[] {
  if (points.length < 3 || steps < 2) return points.map((p) => [p[0], p[1]]);
  const out: ProfilePoint[] = [];
  const n = points.length;
  for (let i = 0; i < n - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(n - 1, i + 2)];
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      out.push([catmullRom(p0[0], p1[0], p2[0], p3[0], t), catmullRom(p0[1], p1[1], p2[1], p3[1], t)]);
    }
  }
  out.push([points[n - 1][0], points[n - 1][1]]);
  return out;
}

function catmullRom(a: number, b: number, c: number, d: number, t: number): number {
  const t2 = t * t;
  return 0.5 * (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (3 * b - a - 3 * c + d) * t2 * t);
}

/**
 * The closed revolve profile of an open-topped vessel (vase, mug, cup): the outside follows `outer`
 * from the foot (y = 0) to the lip, the inside is the outside moved in by `wall`, and the floor is
 * `bottom` thick (the wall is thinned where the vessel is narrower than it). `outer` must rise
 * monotonically in y and `bottom` must be below its top.
 *
 * @example
 * kit.revolve(vesselProfile([[0.04, 0], [0.045, 0.1]], 0.005, 0.008)); // a mug body
 */
export function vesselProfile(outer: ProfilePoint[], wall: number, bottom: number): ProfilePoint[] {
  // A wall never takes more than 60% of the narrowest radius, so a tiny vessel stays a valid shell.
  let narrowest = radiusAt(outer, bottom);
  for (const [r, y] of outer) if (y > bottom) narrowest = Math.min(narrowest, r);
  const w = Math.min(wall, narrowest * 0.6);
  const profile: ProfilePoint[] = [[0, 0]];
  for (const p of outer) profile.push([p[0], p[1]]);
  for (let i = outer.length - 1; i >= 0; i--) {
    const [r, y] = outer[i];
    if (y <= bottom) break;
    profile.push([r - w, y]);
  }
  profile.push([radiusAt(outer, bottom) - w, bottom]);
  profile.push([0, bottom]);
  return profile;
}

/** The radius of a monotone-in-y profile at height `y`, by linear interpolation. */
export function radiusAt(profile: ProfilePoint[], y: number): number {
  if (y <= profile[0][1]) return profile[0][0];
  for (let i = 1; i < profile.length; i++) {
    const [r1, y1] = profile[i];
    if (y <= y1) {
      const [r0, y0] = profile[i - 1];
      return y1 === y0 ? r1 : r0 + ((r1 - r0) * (y - y0)) / (y1 - y0);
    }
  }
  return profile[profile.length - 1][0];
}
