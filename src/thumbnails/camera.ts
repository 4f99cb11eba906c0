import type { Bounds, Vec3 } from '../asset/asset.js';

/** A named view, or an orbit angle in degrees (azimuth 0 looks at the front, +Z; elevation up). */
export type ViewSpec =
  | 'front'
  | 'back'
  | 'left'
  | 'right'
  | 'top'
  | 'bottom'
  | 'iso'
  | 'iso-back'
  | { azimuth: number; elevation: number };

export const VIEW_NAMES = ['front', 'back', 'left', 'right', 'top', 'bottom', 'iso', 'iso-back'] as const;

/** Where the eye is and how it projects: a pinhole looking at the asset's bounding sphere. */
export interface Camera {
  eye: Vec3;
  right: Vec3;
  up: Vec3;
  /** Unit vector from the eye into the scene. */
  forward: Vec3;
  /** tan(vertical field of view / 2). */
  tanHalfFov: number;
}

function orbit(azimuthDeg: number, elevationDeg: number): Vec3 {
  const a = (azimuthDeg * Math.PI) / 180;
  const e = (elevationDeg * Math.PI) / 180;
  return [Math.sin(a) * Math.cos(e), Math.sin(e), Math.cos(a) * Math.cos(e)];
}

/** The unit direction from the asset's centre towards the eye for a view. */
export function viewDirection(view: ViewSpec): Vec3 {
  if (typeof view === 'object') return orbit(view.azimuth, view.elevation);
  switch (view) {
    case 'front':
      return [0, 0, 1];
    case 'back':
      return [0, 0, -1];
    case 'left':
      return [-1, 0, 0];
    case 'right':
      return [1, 0, 0];
    case 'top':
      return [0, 1, 0];
    case 'bottom':
      return [0, -1, 0];
    case 'iso':
      return orbit(35, 25);
    case 'iso-back':
      return orbit(215, 25);
    default:
      throw new TypeError(`viewDirection: unknown view "${view as string}"`);
  }
}

const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const normalize = (a: Vec3): Vec3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};

/**
 * A camera that frames the bounds' sphere from a view, with a small margin, for a square image.
 *
 * @example
 * const camera = fitCamera(assetBounds(asset), 'iso');
 */
export function fitCamera(bounds: Bounds, view: ViewSpec, fovDeg = 30, margin = 1.08): Camera {
  const c: Vec3 = [0, 1, 2].map((k) => (bounds.min[k] + bounds.max[k]) / 2) as Vec3;
  const r = Math.max(1e-6, Math.hypot(...([0, 1, 2].map((k) => bounds.max[k] - bounds.min[k]) as Vec3)) / 2);
  const tanHalfFov = Math.tan(((fovDeg / 2) * Math.PI) / 180);
  const dist = (r * margin) / Math.sin((fovDeg / 2) * (Math.PI / 180));
  const d = normalize(viewDirection(view));
  const eye: Vec3 = [c[0] + d[0] * dist, c[1] + d[1] * dist, c[2] + d[2] * dist];
  const forward: Vec3 = [-d[0], -d[1], -d[2]];
  // Up is +Y unless looking straight along it; then the asset's front (+Z) points down the image.
  const worldUp: Vec3 = Math.abs(d[1]) > 0.999 ? [0, 0, d[1] > 0 ? -1 : 1] : [0, 1, 0];
  const right = normalize(cross(forward, worldUp));
  const up = cross(right, forward);
  return { eye, right, up, forward, tanHalfFov };
}
