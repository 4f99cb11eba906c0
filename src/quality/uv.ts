export interface UvAnalysisOptions {
  /** Side of the square grid the UV square is sampled on (texel centres). */
  resolution?: number;
}

export const UV_ANALYSIS_DEFAULTS: Required<UvAnalysisOptions> = { resolution: 512 };

export interface UvAnalysis {
  /** Any triangle has non-zero UV area. */
  hasUvs: boolean;
  /** Fraction (0–1) of the unit UV square's sample points covered by at least one triangle. */
  coverage: number;
  /** Fraction (0–1) of covered sample points covered by two or more triangles. */
  overlap: number;
  /** Fraction (0–1) of UV coordinates outside [0, 1] (tiling or mistakes). */
  outOfRange: number;
  /** Total UV area of all triangles (mirrored ones counted positive). */
  uvArea: number;
}

/**
 * Measures how a mesh uses its UV square by rasterising every triangle's UVs onto a grid of sample
 * points (texel centres) with a top-left fill rule, so triangles that merely share an edge never
 * count as overlapping. Coverage and overlap only consider the [0, 1]² square.
 *
 * @example
 * const { coverage, overlap } = analyzeUvs(mesh.uvs, mesh.indices);
 */
export function analyzeUvs(
  uvs: Float32Array,
  indices: Uint32Array,
  options: UvAnalysisOptions = {},
): UvAnalysis {
  const R = { ...UV_ANALYSIS_DEFAULTS, ...options }.resolution;
  const counts = new Uint8Array(R * R);
  let uvArea = 0;
  let out = 0;
  for (let i = 0; i < uvs.length; i++) if (uvs[i] < 0 || uvs[i] > 1) out++;
  const nf = indices.length / 3;
  for (let f = 0; f < nf; f++) {
    let ax = uvs[indices[f * 3] * 2] * R;
    let ay = uvs[indices[f * 3] * 2 + 1] * R;
    let bx = uvs[indices[f * 3 + 1] * 2] * R;
    let by = uvs[indices[f * 3 + 1] * 2 + 1] * R;
    const cx = uvs[indices[f * 3 + 2] * 2] * R;
    const cy = uvs[indices[f * 3 + 2] * 2 + 1] * R;
    let area2 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (area2 === 0 || !Number.isFinite(area2)) continue;
    if (area2 < 0) {
      // Make it counter-clockwise so the edge functions are positive inside.
      [ax, bx] = [bx, ax];
      [ay, by] = [by, ay];
      area2 = -area2;
    }
    uvArea += area2 / 2 / (R * R);
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx, cx) - 0.5));
    const x1 = Math.min(R - 1, Math.ceil(Math.max(ax, bx, cx) - 0.5));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by, cy) - 0.5));
    const y1 = Math.min(R - 1, Math.ceil(Math.max(ay, by, cy) - 0.5));
    if (x0 > x1 || y0 > y1) continue;
    // Edge e runs from vertex e to the next; inside when its edge function is > 0, or = 0 on an
    // edge whose direction wins the tie (exactly one of two opposite directions does). Scalars,
    // not objects: this runs for every triangle.
    const d0x = bx - ax,
      d0y = by - ay,
      t0 = d0y > 0 || (d0y === 0 && d0x < 0);
    const d1x = cx - bx,
      d1y = cy - by,
      t1 = d1y > 0 || (d1y === 0 && d1x < 0);
    const d2x = ax - cx,
      d2y = ay - cy,
      t2 = d2y > 0 || (d2y === 0 && d2x < 0);
    for (let y = y0; y <= y1; y++) {
      const py = y + 0.5;
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5;
        const w0 = d0x * (py - ay) - d0y * (px - ax);
        if (!(w0 > 0 || (w0 === 0 && t0))) continue;
        const w1 = d1x * (py - by) - d1y * (px - bx);
        if (!(w1 > 0 || (w1 === 0 && t1))) continue;
        const w2 = d2x * (py - cy) - d2y * (px - cx);
        if (!(w2 > 0 || (w2 === 0 && t2))) continue;
        const k = y * R + x;
        if (counts[k] < 255) counts[k]++;
      }
    }
  }
  let covered = 0;
  let multi = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > 0) covered++;
    if (counts[i] > 1) multi++;
  }
  return {
    hasUvs: uvArea > 0,
    coverage: covered / (R * R),
    overlap: covered > 0 ? multi / covered : 0,
    outOfRange: uvs.length > 0 ? out / uvs.length : 0,
    uvArea,
  };
}
