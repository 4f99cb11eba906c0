import type { Box, CrossSection, Manifold, ManifoldToplevel, Mat4, Vec2 } from 'manifold-3d';
import type { Vec3 } from '../asset/asset.js';

/** A point of a revolve profile: distance from the axis, then height. */
export type ProfilePoint = [radius: number, y: number];

export interface CylinderOptions {
  /** Radius at the top; defaults to the bottom radius (a cone when 0). */
  radiusTop?: number;
  /** Segments around; defaults to the kit's `segments`. */
  segments?: number;
}

export interface RevolveOptions {
  segments?: number;
  /** Less than 360 makes an open arc with flat end caps (e.g. a mug handle). */
  degrees?: number;
}

export interface SolidKitOptions {
  /** Default segments around round primitives: enough to read as round, few enough to stay fast. */
  segments?: number;
  /**
   * Multiplies every segment count the kit is given (detail levels, low-poly styles); counts never go
   * below `minSegments`.
   */
  segmentScale?: number;
  minSegments?: number;
}

export const SOLID_KIT_DEFAULTS: Required<SolidKitOptions> = {
  segments: 32,
  segmentScale: 1,
  minSegments: 5,
};

export interface RingsOptions {
  /** Close the first ring with a flat cap (fan from its centre); default true. A one-point ring is an apex. */
  capStart?: boolean;
  capEnd?: boolean;
  /** Join the last ring back to the first (a torus-like loop); no caps. */
  closed?: boolean;
}

export interface TubeOptions {
  segments?: number;
  /** Flat caps on both ends (default true). */
  caps?: boolean;
  /** The path is a loop: its end joins its start (a ring, a chain). */
  closed?: boolean;
}

/**
 * A watertight solid under construction. Every operation returns a new `Solid` and leaves this one
 * untouched; the kit that made it frees all of them at once in `dispose()`, because manifold-3d
 * objects live in WebAssembly memory that the garbage collector cannot see.
 */
export class Solid {
  constructor(
    private readonly kit: SolidKit,
    /** The underlying manifold-3d object; valid until the kit is disposed. */
    readonly manifold: Manifold,
  ) {}

  translate(x: number, y: number, z: number): Solid {
    return this.kit.wrap(this.manifold.translate(x, y, z));
  }

  /** Rotation in degrees about the global X, then Y, then Z axes. */
  rotate(x: number, y: number, z: number): Solid {
    return this.kit.wrap(this.manifold.rotate(x, y, z));
  }

  scale(s: number | Vec3): Solid {
    return this.kit.wrap(this.manifold.scale(s));
  }

  /** Applies a column-major 4×4 affine matrix (the last row is ignored). */
  transform(m: Mat4): Solid {
    return this.kit.wrap(this.manifold.transform(m));
  }

  /**
   * Moves every vertex with a function of the flat xyz array (x0, y0, z0, x1, …), in place. The topology
   * is kept, so the result stays watertight as long as the surface does not fold through itself
   * (e.g. scaling a sphere's radius by any positive function of direction).
   */
  warp(move: (xyz: Float64Array, count: number) => void): Solid {
    return this.kit.wrap(this.manifold.warpBatch(move));
  }

  /** Boolean union. */
  add(other: Solid): Solid {
    return this.kit.wrap(this.manifold.add(other.manifold));
  }

  /** Boolean difference: this minus `other`. */
  subtract(other: Solid): Solid {
    return this.kit.wrap(this.manifold.subtract(other.manifold));
  }

  intersect(other: Solid): Solid {
    return this.kit.wrap(this.manifold.intersect(other.manifold));
  }

  bounds(): Box {
    return this.manifold.boundingBox();
  }

  volume(): number {
    return this.manifold.volume();
  }

  isEmpty(): boolean {
    return this.manifold.isEmpty();
  }
}

/**
 * Builds solids with manifold-3d and owns everything it allocates. Primitives follow one convention
 * so generators read like a carpenter's cut list: +Y is up, round things stand on the XZ plane with
 * their axis on +Y, boxes are given by size (centred) or by two corners.
 *
 * @example
 * const kit = new SolidKit(await getManifold());
 * try {
 *   const leg = kit.cylinder(0.02, 0.45).translate(0.2, 0, 0.2);
 *   const mesh = solidToMesh(leg);
 * } finally {
 *   kit.dispose();
 * }
 */
export class SolidKit {
  readonly segments: number;
  readonly segmentScale: number;
  readonly minSegments: number;
  private owned: Array<{ delete(): void }> = [];

  constructor(
    readonly wasm: ManifoldToplevel,
    options: SolidKitOptions = {},
  ) {
    this.segmentScale = options.segmentScale ?? SOLID_KIT_DEFAULTS.segmentScale;
    this.minSegments = options.minSegments ?? SOLID_KIT_DEFAULTS.minSegments;
    this.segments = options.segments ?? SOLID_KIT_DEFAULTS.segments;
  }

  /**
   * A segment count scaled for the kit's detail level (at least `minSegments`, or `n` if smaller). A
   * scaled count is a multiple of four, so a circle keeps a vertex on each of its axes: a hexagonal or
   * pentagonal section would be up to 13–19% narrower across one axis than the round part it stands for,
   * and low-detail and low-poly objects would come out smaller than their real size.
   */
  seg(n: number): number {
    if (this.segmentScale === 1) return n;
    const m = Math.max(Math.min(n, this.minSegments), Math.round(n * this.segmentScale));
    if (m === n || m < 4) return m;
    let four = Math.max(4, Math.round(m / 4) * 4);
    if (four < Math.min(n, this.minSegments)) four += 4;
    return Math.min(four, n);
  }

  /** Points of a circle (or ellipse) in the XY plane, counter-clockwise, `n` scaled by the detail level. */
  circle(rx: number, ry = rx, n = this.segments, cx = 0, cy = 0): Vec2[] {
    const m = this.seg(n);
    const out: Vec2[] = [];
    for (let i = 0; i < m; i++) {
      const a = (i / m) * Math.PI * 2;
      out.push([cx + Math.cos(a) * rx, cy + Math.sin(a) * ry]);
    }
    return out;
  }

  /** Takes ownership of a manifold made elsewhere, so `dispose()` frees it. */
  wrap(m: Manifold): Solid {
    this.owned.push(m);
    return new Solid(this, m);
  }

  private cross(polygons: Vec2[][]): CrossSection {
    const cs = new this.wasm.CrossSection(polygons, 'NonZero');
    this.owned.push(cs);
    return cs;
  }

  /** A box of the given size centred on the origin. */
  box(size: Vec3): Solid {
    return this.wrap(this.wasm.Manifold.cube(size, true));
  }

  /** The box between two opposite corners (given in any order). */
  boxBetween(a: Vec3, b: Vec3): Solid {
    const min: Vec3 = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2])];
    const size: Vec3 = [Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])];
    return this.wrap(this.wasm.Manifold.cube(size, false).translate(min));
  }

  /** A cylinder (or cone/frustum) standing on y = 0 with its axis on +Y. */
  cylinder(radius: number, height: number, options: CylinderOptions = {}): Solid {
    const m = this.wasm.Manifold.cylinder(
      height,
      radius,
      options.radiusTop ?? radius,
      this.seg(options.segments ?? this.segments),
    );
    // manifold-3d builds along +Z; turning -90° about X puts +Z onto +Y.
    return this.wrap(m).rotate(-90, 0, 0);
  }

  /** A cylinder from point `a` to point `b` (e.g. a splayed leg or a branch). */
  cylinderBetween(a: Vec3, b: Vec3, radius: number, options: CylinderOptions = {}): Solid {
    const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const length = Math.hypot(d[0], d[1], d[2]);
    const m = this.wasm.Manifold.cylinder(
      length,
      radius,
      options.radiusTop ?? radius,
      this.seg(options.segments ?? this.segments),
    );
    return this.wrap(m).transform(frameAlong(d, length, a));
  }

  /** A sphere centred on the origin. */
  sphere(radius: number, segments = this.segments): Solid {
    return this.wrap(this.wasm.Manifold.sphere(radius, Math.max(4, this.seg(segments))));
  }

  /** An ellipsoid with the given semi-axes, centred on the origin. */
  ellipsoid(radii: Vec3, segments = this.segments): Solid {
    return this.sphere(1, segments).scale(radii);
  }

  /**
   * Revolves a closed profile of (radius, y) points around the Y axis. Points on the axis (radius 0)
   * close the solid there; a profile that never touches the axis makes a ring or a hollow shell.
   */
  revolve(profile: ProfilePoint[], options: RevolveOptions = {}): Solid {
    const cs = this.cross([profile.map(([r, y]) => [r, y] as Vec2)]);
    const m = this.wasm.Manifold.revolve(
      cs,
      this.seg(options.segments ?? this.segments),
      options.degrees ?? 360,
    );
    // revolve() turns the profile's Y into +Z; bring it back to +Y.
    return this.wrap(m).rotate(-90, 0, 0);
  }

  /**
   * Extrudes a closed outline drawn in the XY plane (x right, y up) through `depth` along Z, centred
   * on z = 0, so a flat object drawn face-on ends up facing +Z.
   */
  extrude(outline: Vec2[], depth: number): Solid {
    const cs = this.cross([outline]);
    return this.wrap(this.wasm.Manifold.extrude(cs, depth, 0, 0, [1, 1], true));
  }

  /**
   * Extrudes a closed outline in the XY plane through `depth` along Z (centred on z = 0) with its front
   * and back edges bevelled (chamfered) by `bevel`: a tile, a plaque, a phone, a shield board. The
   * outline must be star-shaped about its centroid (convex outlines always are) and `bevel` small next
   * to its edges; the inset is taken along each corner's bisector (a mitre), so corners stay sharp.
   */
  extrudeBevelled(outline: Vec2[], depth: number, bevel: number): Solid {
    const b = Math.min(bevel, depth / 2 - 1e-6);
    if (!(b > 0)) return this.extrude(outline, depth);
    const ccw = signedArea(outline) > 0 ? outline : [...outline].reverse();
    const inset = insetOutline(ccw, b);
    const at = (ring: Vec2[], z: number): Vec3[] => ring.map(([x, y]) => [x, y, z]);
    const h = depth / 2;
    return this.rings([at(inset, -h), at(ccw, -h + b), at(ccw, h - b), at(inset, h)]);
  }

  /**
   * Extrudes a shape made of several contours (even-odd: a contour inside another is a hole) through
   * `depth` along Z, centred on z = 0. A rectangle with a rectangular hole gives a frame or a ring
   * without any 3D boolean.
   */
  extrudeContours(contours: Vec2[][], depth: number): Solid {
    const cs = new this.wasm.CrossSection(contours, 'EvenOdd');
    this.owned.push(cs);
    return this.wrap(this.wasm.Manifold.extrude(cs, depth, 0, 0, [1, 1], true));
  }

  /**
   * Extrudes a 2D shape through `depth` along Z (centred on z = 0): the union of the `add` contours
   * minus the `subtract` contours, with the booleans done in 2D (far cheaper than in 3D). Contours
   * should run counter-clockwise. A wrench, a key, a gear, a cookie cutter.
   */
  extrudeShape(add: Vec2[][], subtract: Vec2[][], depth: number): Solid {
    let cs = this.cross2(add);
    if (subtract.length > 0) {
      const cut = this.cross2(subtract);
      cs = cs.subtract(cut);
      this.owned.push(cs);
    }
    return this.wrap(this.wasm.Manifold.extrude(cs, depth, 0, 0, [1, 1], true));
  }

  private cross2(polygons: Vec2[][]): CrossSection {
    const cs = new this.wasm.CrossSection(polygons, 'NonZero');
    this.owned.push(cs);
    return cs;
  }

  /** The convex hull of a set of points (e.g. a blade with a diamond section and a point). */
  hull(points: Vec3[]): Solid {
    return this.wrap(this.wasm.Manifold.hull(points));
  }

  /**
   * A solid through a sequence of rings (closed loops of 3D points, all with the same number of points,
   * wound the same way): consecutive rings are joined by quads and the ends are capped by fans from their
   * centroids (flat for planar, star-shaped rings). A ring of one point is an apex (a cone's tip). The
   * winding is fixed afterwards so the solid is never inside out. Sweeps, lofts and tubes are rings.
   */
  rings(rings: Vec3[][], options: RingsOptions = {}): Solid {
    const closed = options.closed ?? false;
    const capStart = !closed && (options.capStart ?? true);
    const capEnd = !closed && (options.capEnd ?? true);
    const n = Math.max(...rings.map((r) => r.length));
    const pos: number[] = [];
    const tri: number[] = [];
    const starts: number[] = [];
    for (const ring of rings) {
      starts.push(pos.length / 3);
      for (const p of ring) pos.push(p[0], p[1], p[2]);
    }
    for (let r = 0; r + 1 < rings.length + (closed ? 1 : 0); r++) {
      const r1 = (r + 1) % rings.length;
      const a = rings[r].length;
      const b = rings[r1].length;
      const sa = starts[r];
      const sb = starts[r1];
      for (let i = 0; i < n; i++) {
        const i1 = (i + 1) % n;
        if (a === 1) tri.push(sa, sb + i1, sb + i);
        else if (b === 1) tri.push(sa + i, sa + i1, sb);
        else tri.push(sa + i, sa + i1, sb + i1, sa + i, sb + i1, sb + i);
      }
    }
    const cap = (index: number, reverse: boolean) => {
      const ring = rings[index];
      if (ring.length === 1) return;
      const c = [0, 0, 0];
      for (const p of ring) for (let k = 0; k < 3; k++) c[k] += p[k] / ring.length;
      const centre = pos.length / 3;
      pos.push(c[0], c[1], c[2]);
      const s = starts[index];
      for (let i = 0; i < n; i++) {
        const i1 = (i + 1) % n;
        if (reverse) tri.push(centre, s + i1, s + i);
        else tri.push(centre, s + i, s + i1);
      }
    };
    // Caps run against the neighbouring side triangles: reversed at the start, as is at the end.
    if (capStart) cap(0, true);
    if (capEnd) cap(rings.length - 1, false);
    // Orientation: flip everything if the signed volume is negative.
    let vol = 0;
    for (let t = 0; t < tri.length; t += 3) {
      const a = tri[t] * 3;
      const b = tri[t + 1] * 3;
      const c = tri[t + 2] * 3;
      vol +=
        pos[a] * (pos[b + 1] * pos[c + 2] - pos[b + 2] * pos[c + 1]) -
        pos[a + 1] * (pos[b] * pos[c + 2] - pos[b + 2] * pos[c]) +
        pos[a + 2] * (pos[b] * pos[c + 1] - pos[b + 1] * pos[c]);
    }
    if (vol < 0) for (let t = 0; t < tri.length; t += 3) [tri[t + 1], tri[t + 2]] = [tri[t + 2], tri[t + 1]];
    return this.fromMesh(Float32Array.from(pos), Uint32Array.from(tri));
  }

  /** A closed, oriented, welded triangle mesh as a solid (manifold-3d checks it and throws if it is not). */
  fromMesh(positions: Float32Array, triangles: Uint32Array): Solid {
    const mesh = new this.wasm.Mesh({ numProp: 3, vertProperties: positions, triVerts: triangles });
    return this.wrap(new this.wasm.Manifold(mesh));
  }

  /**
   * A tube along a path of points with a radius per point (or one radius): a handle, a hose, a horn, a
   * banana. Cross-sections are circles carried along the path with a rotation-minimising frame.
   */
  tube(path: Vec3[], radius: number | number[], options: TubeOptions = {}): Solid {
    const n = this.seg(options.segments ?? 12);
    const radii = typeof radius === 'number' ? path.map(() => radius) : radius;
    const frames = pathFrames(path, options.closed ?? false);
    const rings = path.map((p, i) => {
      const { u, v } = frames[i];
      const ring: Vec3[] = [];
      for (let k = 0; k < n; k++) {
        const a = (k / n) * Math.PI * 2;
        const c = Math.cos(a) * radii[i];
        const s = Math.sin(a) * radii[i];
        ring.push([p[0] + u[0] * c + v[0] * s, p[1] + u[1] * c + v[1] * s, p[2] + u[2] * c + v[2] * s]);
      }
      return ring;
    });
    const caps = options.caps ?? true;
    return this.rings(rings, { capStart: caps, capEnd: caps, closed: options.closed ?? false });
  }

  /**
   * A box with rounded edges and corners (radius `r`), centred on the origin: the convex hull of eight
   * small spheres. Cushions, phones, suitcases, speakers.
   */
  roundedBox(size: Vec3, r: number, segments = 8): Solid {
    const rr = Math.min(r, size[0] / 2, size[1] / 2, size[2] / 2) * 0.999;
    const n = Math.max(2, Math.round(this.seg(segments) / 2));
    const pts: Vec3[] = [];
    for (const sx of [-1, 1])
      for (const sy of [-1, 1])
        for (const sz of [-1, 1]) {
          const c: Vec3 = [sx * (size[0] / 2 - rr), sy * (size[1] / 2 - rr), sz * (size[2] / 2 - rr)];
          for (let i = 0; i <= n; i++) {
            const phi = (i / n) * (Math.PI / 2);
            for (let j = 0; j <= n; j++) {
              const th = (j / n) * (Math.PI / 2);
              pts.push([
                c[0] + sx * rr * Math.cos(phi) * Math.cos(th),
                c[1] + sy * rr * Math.sin(phi),
                c[2] + sz * rr * Math.cos(phi) * Math.sin(th),
              ]);
            }
          }
        }
    return this.hull(pts);
  }

  /** Boolean union of any number of solids (an empty list gives an empty solid). */
  union(solids: Solid[]): Solid {
    return this.wrap(this.wasm.Manifold.union(solids.map((s) => s.manifold)));
  }

  /**
   * Combines solids known not to touch (books on a shelf, hoops) without a boolean: much cheaper
   * than `union`, and the result is still a valid, watertight manifold.
   */
  compose(solids: Solid[]): Solid {
    return this.wrap(this.wasm.Manifold.compose(solids.map((s) => s.manifold)));
  }

  /** Frees every object this kit allocated; solids from it must not be used afterwards. */
  dispose(): void {
    for (const o of this.owned) o.delete();
    this.owned = [];
  }
}

/**
 * A column-major matrix that maps the +Z axis (length `length`) onto direction `d` starting at
 * `origin`, keeping the cross-section circular.
 */
function frameAlong(d: Vec3, length: number, origin: Vec3): Mat4 {
  const z: Vec3 = [d[0] / length, d[1] / length, d[2] / length];
  // Any vector not parallel to z gives a stable perpendicular frame.
  const helper: Vec3 = Math.abs(z[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  const x = normalize(cross(helper, z));
  const y = cross(z, x);
  return [x[0], x[1], x[2], 0, y[0], y[1], y[2], 0, z[0], z[1], z[2], 0, origin[0], origin[1], origin[2], 1];
}

/**
 * Rotation-minimising frames along a polyline: at each point two unit vectors `u`, `v` perpendicular to
 * the path's direction, turning as little as possible from one point to the next (no twisting).
 */
export function pathFrames(path: Vec3[], closed = false): Array<{ t: Vec3; u: Vec3; v: Vec3 }> {
  const n = path.length;
  const tangents: Vec3[] = path.map((_, i) => {
    const a = path[closed ? (i - 1 + n) % n : Math.max(0, i - 1)];
    const b = path[closed ? (i + 1) % n : Math.min(n - 1, i + 1)];
    return normalize([b[0] - a[0], b[1] - a[1], b[2] - a[2]]);
  });
  const t0 = tangents[0];
  const helper: Vec3 = Math.abs(t0[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  let u = normalize(cross(helper, t0));
  const frames: Array<{ t: Vec3; u: Vec3; v: Vec3 }> = [];
  for (let i = 0; i < n; i++) {
    const t = tangents[i];
    // Project the previous u onto the plane perpendicular to the new tangent.
    const d = u[0] * t[0] + u[1] * t[1] + u[2] * t[2];
    u = normalize([u[0] - d * t[0], u[1] - d * t[1], u[2] - d * t[2]]);
    frames.push({ t, u, v: cross(t, u) });
  }
  return frames;
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** Twice the signed area of a polygon: positive when it runs counter-clockwise. */
function signedArea(outline: Vec2[]): number {
  let a = 0;
  for (let i = 0; i < outline.length; i++) {
    const [x0, y0] = outline[i];
    const [x1, y1] = outline[(i + 1) % outline.length];
    a += x0 * y1 - x1 * y0;
  }
  return a;
}

/** A counter-clockwise outline moved inwards by `d`, each corner along its bisector (a mitre). */
function insetOutline(outline: Vec2[], d: number): Vec2[] {
  const n = outline.length;
  return outline.map((p, i) => {
    const prev = outline[(i + n - 1) % n];
    const next = outline[(i + 1) % n];
    // Inward normals of the two edges (left of the direction of travel for a CCW outline).
    const e1 = normalize2([p[0] - prev[0], p[1] - prev[1]]);
    const e2 = normalize2([next[0] - p[0], next[1] - p[1]]);
    const n1: Vec2 = [-e1[1], e1[0]];
    const n2: Vec2 = [-e2[1], e2[0]];
    const m = normalize2([n1[0] + n2[0], n1[1] + n2[1]]);
    const cos = Math.max(0.2, m[0] * n1[0] + m[1] * n1[1]);
    return [p[0] + (m[0] * d) / cos, p[1] + (m[1] * d) / cos];
  });
}

function normalize2([x, y]: Vec2): Vec2 {
  const l = Math.hypot(x, y) || 1;
  return [x / l, y / l];
}
