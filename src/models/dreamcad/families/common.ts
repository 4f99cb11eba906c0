import type { Vec3 } from '../../../asset/asset.js';
import { smoothCurve, vesselProfile } from '../../../geometry/profile.js';
import type { ProfilePoint, Solid, SolidKit } from '../../../geometry/solid.js';
import type { BuiltPart, PartGroup } from './types.js';

/**
 * Small helpers shared by the family files, so each family reads as its proportions and parts rather
 * than as plumbing.
 */

/** A part group that takes the prompt's main material and colour. */
export function main(
  id: string,
  nouns: string[],
  material: string,
  extra: Partial<PartGroup> = {},
): PartGroup {
  return { id, nouns, material, takesMainMaterial: true, takesMainColor: true, ...extra };
}

/** A part group that keeps its own material unless named ("the blade", "the eyes"). */
export function accent(
  id: string,
  nouns: string[],
  material: string,
  extra: Partial<PartGroup> = {},
): PartGroup {
  return { id, nouns, material, takesMainMaterial: false, takesMainColor: false, ...extra };
}

/** A part group that takes the main colour but keeps its material ("a red lamp" → the shade). */
export function colored(
  id: string,
  nouns: string[],
  material: string,
  extra: Partial<PartGroup> = {},
): PartGroup {
  return { id, nouns, material, takesMainMaterial: false, takesMainColor: true, ...extra };
}

/** A part group that takes the main material but not the colour ("a brass lamp" → base and pole). */
export function structural(
  id: string,
  nouns: string[],
  material: string,
  extra: Partial<PartGroup> = {},
): PartGroup {
  return { id, nouns, material, takesMainMaterial: true, takesMainColor: false, ...extra };
}

/** A solid of revolution through (radius, height) control points, closed on the axis at both ends. */
export function turned(kit: SolidKit, controls: ProfilePoint[], steps = 4, segments = 32): Solid {
  const smooth = steps > 1 ? smoothCurve(controls, steps) : controls;
  // An end a hair off the axis (profiles say 0.0001 for "on the axis") would become a ring of
  // micrometre-sized triangles around the pole: put it on the axis.
  const widest = Math.max(...smooth.map((p) => p[0]));
  const snap = (p: ProfilePoint): ProfilePoint => (p[0] < widest * 0.002 ? [0, p[1]] : p);
  const curve = [snap(smooth[0]), ...smooth.slice(1, -1), snap(smooth[smooth.length - 1])];
  const first = curve[0];
  const last = curve[curve.length - 1];
  const profile: ProfilePoint[] = [];
  if (first[0] > 0) profile.push([0, first[1]]);
  for (const p of curve) profile.push([Math.max(0, p[0]), p[1]]);
  if (last[0] > 0) profile.push([0, last[1]]);
  return kit.revolve(dedupe(profile), { segments });
}

/** An open-topped vessel (bowl, pot, bucket) from outer control points, with a wall and a floor. */
export function vessel(
  kit: SolidKit,
  controls: ProfilePoint[],
  wall: number,
  bottom: number,
  steps = 4,
  segments = 40,
): Solid {
  const outer = steps > 1 ? smoothCurve(controls, steps) : controls;
  return kit.revolve(vesselProfile(outer, wall, bottom), { segments });
}

function dedupe(points: ProfilePoint[]): ProfilePoint[] {
  const out: ProfilePoint[] = [];
  for (const p of points) {
    const q = out[out.length - 1];
    if (!q || Math.abs(q[0] - p[0]) > 1e-9 || Math.abs(q[1] - p[1]) > 1e-9) out.push(p);
  }
  return out;
}

/** A ring (torus) around the Y axis at height `y`: ring radius `R`, tube radius `r`. */
export function torus(kit: SolidKit, R: number, r: number, y = 0, segments = 32, tubeSegments = 12): Solid {
  const section: ProfilePoint[] = [];
  for (let i = 0; i < tubeSegments; i++) {
    const a = (i / tubeSegments) * Math.PI * 2;
    section.push([R + Math.cos(a) * r, Math.sin(a) * r]);
  }
  return kit.revolve(section, { segments }).translate(0, y, 0);
}

/**
 * A D-shaped handle in the XY plane bulging towards +X: half a ring of radius `reach` and tube
 * thickness `thick` (a flattened oval section), its two ends at (0, y ± reach).
 */
export function sideHandle(kit: SolidKit, reach: number, thick: number, degrees = 180): Solid {
  const section: ProfilePoint[] = [];
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    section.push([reach + Math.cos(a) * thick * 0.55, Math.sin(a) * thick]);
  }
  return kit.revolve(section, { degrees, segments: 20 }).rotate(90, 0, 0).rotate(0, 0, -90);
}

/** A square or turned leg from the floor to `top` at (x, z). */
export function leg(
  kit: SolidKit,
  x: number,
  z: number,
  top: number,
  thick: number,
  round: boolean,
  taper = 0.85,
): Solid {
  return round
    ? kit.cylinder((thick / 2) * taper, top, { radiusTop: thick / 2, segments: 14 }).translate(x, 0, z)
    : kit.boxBetween([x - thick / 2, 0, z - thick / 2], [x + thick / 2, top, z + thick / 2]);
}

/** Named parts `name_1…name_n` of one group. */
export function numbered(
  name: string,
  group: string,
  solids: Solid[],
  extra: Partial<BuiltPart> = {},
): BuiltPart[] {
  return solids.map((solid, i) => ({ name: `${name}_${i + 1}`, group, solid, ...extra }));
}

/** A closed polygon approximating a circle in the XY plane (counter-clockwise). */
export function circle(r: number, n = 24, cx = 0, cy = 0): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    out.push([cx + Math.cos(a) * r, cy + Math.sin(a) * r]);
  }
  return out;
}

/** A rectangle centred on (cx, cy) with half-sizes `x`, `y`, counter-clockwise. */
export function rect(x: number, y: number, cx = 0, cy = 0): Array<[number, number]> {
  return [
    [cx - x, cy - y],
    [cx + x, cy - y],
    [cx + x, cy + y],
    [cx - x, cy + y],
  ];
}

/** A rounded rectangle outline (corner radius `r`), counter-clockwise. */
export function roundedRect(x: number, y: number, r: number, n = 5): Array<[number, number]> {
  const rr = Math.min(r, x * 0.999, y * 0.999);
  const out: Array<[number, number]> = [];
  const corners: Array<[number, number, number]> = [
    [x - rr, -y + rr, -90],
    [x - rr, y - rr, 0],
    [-x + rr, y - rr, 90],
    [-x + rr, -y + rr, 180],
  ];
  for (const [cx, cy, start] of corners) {
    for (let i = 0; i <= n; i++) {
      const a = ((start + (90 * i) / n) * Math.PI) / 180;
      out.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
    }
  }
  return out;
}

/** Points along a quadratic Bézier from a to c bending towards b. */
export function bezier(a: Vec3, b: Vec3, c: Vec3, n: number): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    out.push([
      u * u * a[0] + 2 * u * t * b[0] + t * t * c[0],
      u * u * a[1] + 2 * u * t * b[1] + t * t * c[1],
      u * u * a[2] + 2 * u * t * b[2] + t * t * c[2],
    ]);
  }
  return out;
}

/** A flat leaf or petal outline (pointed oval) of length `len` and half-width `w`, along +Y from the origin. */
export function leafOutline(len: number, w: number, n = 8): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    out.push([Math.sin(t * Math.PI) * w, t * len]);
  }
  for (let i = n - 1; i > 0; i--) {
    const t = i / n;
    out.push([-Math.sin(t * Math.PI) * w, t * len]);
  }
  return out;
}

/** Clamps a count from the prompt (or the seeded default) into a range. */
export function clampCount(n: number | undefined, fallback: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n ?? fallback));
}
