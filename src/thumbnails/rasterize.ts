import { type Asset, assetBounds } from '../asset/asset.js';
import { type Camera, fitCamera, type ViewSpec } from './camera.js';

/** A decoded texture: linear RGB floats would be large, so 8-bit sRGB RGBA as stored. */
export interface DecodedTexture {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface RasterizeOptions {
  /** Output side in pixels (square). */
  size?: number;
  view?: ViewSpec;
  /** Render at size × supersample and average down (anti-aliasing); 1 turns it off. */
  supersample?: number;
  /** Background RGBA, 0–255 sRGB; alpha 0 gives a transparent PNG. */
  background?: [number, number, number, number];
  /** Light that reaches every surface regardless of its direction (0–1). */
  ambient?: number;
  /** Strength of the key light (0–1). */
  diffuse?: number;
  /** Decoded base-colour textures by the material's texture object; missing ones render untextured. */
  textures?: Map<unknown, DecodedTexture>;
  camera?: Camera;
  fovDeg?: number;
}

export const RASTERIZE_DEFAULTS = {
  size: 256,
  view: 'iso' as ViewSpec,
  supersample: 2,
  background: [242, 242, 242, 255] as [number, number, number, number],
  ambient: 0.35,
  diffuse: 0.75,
  fovDeg: 30,
};

/** An RGBA image, 8 bits a channel, rows top to bottom. */
export interface RasterImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const SRGB_TO_LINEAR = new Float32Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  SRGB_TO_LINEAR[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
const LINEAR_TO_SRGB = new Uint8Array(4097);
for (let i = 0; i <= 4096; i++) {
  const c = i / 4096;
  LINEAR_TO_SRGB[i] = Math.round(255 * (c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055));
}

/**
 * Renders an asset with a z-buffered software rasteriser: perspective camera fitted to the asset,
 * Lambert shading (ambient + one key light that follows the camera, two-sided), base colour ×
 * vertex colours × base-colour texture (perspective-correct UVs, bilinear, sRGB-decoded), and
 * supersampled anti-aliasing. Pure TypeScript on typed arrays; returns raw RGBA.
 *
 * @example
 * const image = rasterizeAsset(asset, { size: 512, view: 'front' });
 */
export function rasterizeAsset(asset: Asset, options: RasterizeOptions = {}): RasterImage {
  const o = { ...RASTERIZE_DEFAULTS, ...options };
  const ss = Math.max(1, Math.round(o.supersample));
  const W = o.size * ss;
  const H = W;
  const cam = o.camera ?? fitCamera(assetBounds(asset), o.view, o.fovDeg);
  const depth = new Float32Array(W * H); // 1/z; 0 = empty (far)
  const color = new Float32Array(W * H * 3);
  const focal = W / 2 / cam.tanHalfFov;
  const [ex, ey, ez] = cam.eye;
  const [rx, ry, rz] = cam.right;
  const [ux, uy, uz] = cam.up;
  const [fx, fy, fz] = cam.forward;
  // Key light in world space: from upper left, towards the viewer.
  let lx = -0.4 * rx + 0.7 * ux - 0.6 * fx;
  let ly = -0.4 * ry + 0.7 * uy - 0.6 * fy;
  let lz = -0.4 * rz + 0.7 * uz - 0.6 * fz;
  const ll = Math.hypot(lx, ly, lz);
  lx /= ll;
  ly /= ll;
  lz /= ll;

  for (const part of asset.parts) {
    const { mesh, material } = part;
    const n = mesh.positions.length / 3;
    const sx = new Float32Array(n);
    const sy = new Float32Array(n);
    const iz = new Float32Array(n);
    // Per-vertex shaded colour (linear), two-sided: the normal is flipped when it faces away.
    const vr = new Float32Array(n);
    const vg = new Float32Array(n);
    const vb = new Float32Array(n);
    const P = mesh.positions;
    const N = mesh.normals;
    const C = mesh.colors;
    const [br, bg, bb] = material.baseColor;
    for (let i = 0; i < n; i++) {
      const qx = P[i * 3] - ex;
      const qy = P[i * 3 + 1] - ey;
      const qz = P[i * 3 + 2] - ez;
      const z = qx * fx + qy * fy + qz * fz;
      const inv = z > 1e-9 ? 1 / z : 0;
      sx[i] = W / 2 + (qx * rx + qy * ry + qz * rz) * inv * focal;
      sy[i] = H / 2 - (qx * ux + qy * uy + qz * uz) * inv * focal;
      iz[i] = inv;
      let nx = N[i * 3];
      let ny = N[i * 3 + 1];
      let nz = N[i * 3 + 2];
      if (nx * qx + ny * qy + nz * qz > 0) {
        nx = -nx;
        ny = -ny;
        nz = -nz;
      }
      const lambert = Math.max(0, nx * lx + ny * ly + nz * lz);
      const light = o.ambient + o.diffuse * lambert;
      vr[i] = br * light * (C ? C[i * 3] : 1);
      vg[i] = bg * light * (C ? C[i * 3 + 1] : 1);
      vb[i] = bb * light * (C ? C[i * 3 + 2] : 1);
    }
    const tex = material.baseColorTexture ? o.textures?.get(material.baseColorTexture) : undefined;
    const UV = mesh.uvs;
    const I = mesh.indices;
    for (let f = 0; f < I.length; f += 3) {
      const a = I[f];
      const b = I[f + 1];
      const c = I[f + 2];
      if (iz[a] === 0 || iz[b] === 0 || iz[c] === 0) continue; // behind the eye
      const ax = sx[a],
        ay = sy[a],
        bx = sx[b],
        by = sy[b],
        cx = sx[c],
        cy = sy[c];
      const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      if (area === 0 || !Number.isFinite(area)) continue;
      const minX = Math.max(0, Math.floor(Math.min(ax, bx, cx)));
      const maxX = Math.min(W - 1, Math.ceil(Math.max(ax, bx, cx)));
      const minY = Math.max(0, Math.floor(Math.min(ay, by, cy)));
      const maxY = Math.min(H - 1, Math.ceil(Math.max(ay, by, cy)));
      if (minX > maxX || minY > maxY) continue;
      const invArea = 1 / area;
      const za = iz[a],
        zb = iz[b],
        zc = iz[c];
      for (let y = minY; y <= maxY; y++) {
        const py = y + 0.5;
        for (let x = minX; x <= maxX; x++) {
          const px = x + 0.5;
          // Barycentric weights from edge functions, valid for either winding.
          const w0 = ((bx - px) * (cy - py) - (by - py) * (cx - px)) * invArea;
          const w1 = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) * invArea;
          const w2 = 1 - w0 - w1;
          if (w0 < 0 || w1 < 0 || w2 < 0) continue;
          const z = w0 * za + w1 * zb + w2 * zc;
          const k = y * W + x;
          if (z <= depth[k]) continue;
          depth[k] = z;
          // Perspective-correct weights.
          const p0 = (w0 * za) / z;
          const p1 = (w1 * zb) / z;
          const p2 = 1 - p0 - p1;
          let r = p0 * vr[a] + p1 * vr[b] + p2 * vr[c];
          let g = p0 * vg[a] + p1 * vg[b] + p2 * vg[c];
          let bl = p0 * vb[a] + p1 * vb[b] + p2 * vb[c];
          if (tex) {
            const u = p0 * UV[a * 2] + p1 * UV[b * 2] + p2 * UV[c * 2];
            const v = p0 * UV[a * 2 + 1] + p1 * UV[b * 2 + 1] + p2 * UV[c * 2 + 1];
            sampleBilinear(tex, u, v);
            r *= sample[0];
            g *= sample[1];
            bl *= sample[2];
          }
          color[k * 3] = r;
          color[k * 3 + 1] = g;
          color[k * 3 + 2] = bl;
        }
      }
    }
  }
  return resolve(color, depth, o.size, ss, o.background);
}

const sample = new Float32Array(3);

/** Bilinear, repeating, sRGB-decoded sample into `sample`. */
function sampleBilinear(t: DecodedTexture, u: number, v: number): void {
  const x = (u - Math.floor(u)) * t.width - 0.5;
  const y = (v - Math.floor(v)) * t.height - 0.5;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const dx = x - x0;
  const dy = y - y0;
  const X0 = ((x0 % t.width) + t.width) % t.width;
  const Y0 = ((y0 % t.height) + t.height) % t.height;
  const X1 = (X0 + 1) % t.width;
  const Y1 = (Y0 + 1) % t.height;
  const d = t.data;
  for (let ch = 0; ch < 3; ch++) {
    const c00 = SRGB_TO_LINEAR[d[(Y0 * t.width + X0) * 4 + ch]];
    const c10 = SRGB_TO_LINEAR[d[(Y0 * t.width + X1) * 4 + ch]];
    const c01 = SRGB_TO_LINEAR[d[(Y1 * t.width + X0) * 4 + ch]];
    const c11 = SRGB_TO_LINEAR[d[(Y1 * t.width + X1) * 4 + ch]];
    sample[ch] = (c00 * (1 - dx) + c10 * dx) * (1 - dy) + (c01 * (1 - dx) + c11 * dx) * dy;
  }
}

function toIndex(v: number): number {
  return v >= 4096 ? 4096 : v <= 0 ? 0 : Math.round(v);
}

/** Averages ss × ss blocks in linear light, composites over the background, encodes sRGB. */
function resolve(
  color: Float32Array,
  depth: Float32Array,
  size: number,
  ss: number,
  bg: [number, number, number, number],
): RasterImage {
  const W = size * ss;
  const out = new Uint8Array(size * size * 4);
  const bgLin = [SRGB_TO_LINEAR[bg[0]], SRGB_TO_LINEAR[bg[1]], SRGB_TO_LINEAR[bg[2]]];
  const bgA = bg[3] / 255;
  const n = ss * ss;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const k = (y * ss + j) * W + x * ss + i;
          if (depth[k] > 0) {
            covered++;
            r += color[k * 3];
            g += color[k * 3 + 1];
            b += color[k * 3 + 2];
          }
        }
      }
      if (covered === 0 && bgA === 0) continue;
      const cov = covered / n;
      const keep = bgA * (1 - cov);
      const alpha = cov + keep;
      const o = (y * size + x) * 4;
      // Premultiplied composite, then un-premultiplied for a straight-alpha PNG.
      const s = 4096 / (n * alpha);
      const t = (keep * 4096) / alpha;
      out[o] = LINEAR_TO_SRGB[toIndex(r * s + bgLin[0] * t)];
      out[o + 1] = LINEAR_TO_SRGB[toIndex(g * s + bgLin[1] * t)];
      out[o + 2] = LINEAR_TO_SRGB[toIndex(b * s + bgLin[2] * t)];
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, data: out };
}
