/**
 * UV projections in metres: one UV unit is one metre on the surface, so every part of every asset
 * gets the same texel density and a tiling texture lines up across parts.
 */

/** How a part's UVs are laid out. */
export type UvProjection =
  /** Each triangle is projected along the axis its face normal points most along (box mapping). */
  | { kind: 'box' }
  /**
   * Around a vertical axis: u is arc length at `radius`, v is height; triangles facing up or down
   * more than 45° get a planar top-down projection instead (caps, rims).
   */
  | { kind: 'cylindrical'; center?: [x: number, z: number]; radius?: number };

/**
 * Box-projected UV of a point for the chart `axis` (0..5: +X, -X, +Y, -Y, +Z, -Z). Signs are chosen
 * so text and grain read the right way round (not mirrored) when seen from outside.
 */
export function boxUv(axis: number, x: number, y: number, z: number, out: Float64Array, at: number): void {
  switch (axis) {
    case 0:
      out[at] = -z;
      out[at + 1] = y;
      break;
    case 1:
      out[at] = z;
      out[at + 1] = y;
      break;
    case 2:
      out[at] = x;
      out[at + 1] = -z;
      break;
    case 3:
      out[at] = x;
      out[at + 1] = z;
      break;
    case 4:
      out[at] = x;
      out[at + 1] = y;
      break;
    default:
      out[at] = -x;
      out[at + 1] = y;
  }
}

/** The box chart (0..5) for a unit face normal: the axis it points most along, with its sign. */
export function boxChart(nx: number, ny: number, nz: number): number {
  const ax = Math.abs(nx);
  const ay = Math.abs(ny);
  const az = Math.abs(nz);
  if (ax >= ay && ax >= az) return nx >= 0 ? 0 : 1;
  if (ay >= az) return ny >= 0 ? 2 : 3;
  return nz >= 0 ? 4 : 5;
}
