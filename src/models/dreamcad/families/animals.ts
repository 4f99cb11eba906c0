import type { Vec3 } from '../../../asset/asset.js';
import { type SdfPrimitive, sdfCapsule, sdfEllipsoid, sdfSphere } from '../../../geometry/sdf.js';
import type { Solid, SolidKit } from '../../../geometry/solid.js';
import type { PatternId } from '../textures.js';
import { accent, bezier, colored, leafOutline } from './common.js';
import type { BuildContext, BuiltPart, FamilyDefinition, FamilyNoun, PartGroup, SizeRange } from './types.js';

/**
 * Stylised animals from shared parametric bodies: four-legged mammals, birds, fish, insects and a few
 * others. Bodies are signed-distance primitives blended with a smooth union and meshed by marching
 * tetrahedra (one seamless, watertight surface); eyes, beaks, horns and wings are separate parts so
 * they keep their own colours. Animals face +Z. Sizes are adult real sizes.
 */

/** Real size ranges (metres) of the species built by the shared bodies, over seeds and variants. */
const SIZES: Record<string, SizeRange> = {
  dog: { width: [0.13, 0.35], height: [0.34, 0.89], depth: [0.57, 1.5] },
  cat: { width: [0.068, 0.18], height: [0.16, 0.48], depth: [0.28, 0.8] },
  horse: { width: [0.27, 0.7], height: [1, 2.8], depth: [1.3, 3.8] },
  cow: { width: [0.36, 0.94], height: [0.81, 2.1], depth: [1.4, 3.8] },
  pig: { width: [0.23, 0.6], height: [0.41, 1.1], depth: [0.73, 1.9] },
  sheep: { width: [0.22, 0.57], height: [0.39, 1.1], depth: [0.65, 1.7] },
  goat: { width: [0.16, 0.42], height: [0.5, 1.3], depth: [0.62, 1.7] },
  deer: { width: [0.22, 0.59], height: [0.97, 2.5], depth: [0.87, 2.3] },
  elephant: { width: [1.6, 2.4], height: [3.1, 4.5], depth: [4.8, 6.8] },
  bear: { width: [0.38, 0.98], height: [0.59, 1.6], depth: [1, 2.8] },
  lion: { width: [0.59, 0.84], height: [1.2, 1.8], depth: [2.4, 3.4] },
  tiger: { width: [0.62, 0.88], height: [1.1, 1.6], depth: [2.6, 3.8] },
  zebra: { width: [0.55, 0.78], height: [1.8, 2.6], depth: [2.6, 3.8] },
  giraffe: { width: [0.57, 0.81], height: [4.2, 6], depth: [2.6, 4.1] },
  rabbit: { width: [0.13, 0.19], height: [0.35, 0.51], depth: [0.36, 0.52] },
  mouse: { width: [0.036, 0.075], height: [0.051, 0.075], depth: [0.12, 0.2] },
  fox: { width: [0.18, 0.26], height: [0.5, 0.72], depth: [1, 1.5] },
  wolf: { width: [0.3, 0.44], height: [0.94, 1.4], depth: [1.8, 2.6] },
  camel: { width: [0.63, 0.89], height: [2.2, 3.2], depth: [3.3, 4.8] },
  hippo: { width: [1.3, 2], height: [1.7, 2.5], depth: [3.7, 5.3] },
  rhino: { width: [1.2, 1.8], height: [1.6, 2.4], depth: [4, 5.8] },
  squirrel: { width: [0.087, 0.13], height: [0.17, 0.25], depth: [0.32, 0.46] },
  dragon: { width: [1.3, 3.1], height: [2.6, 4.5], depth: [5, 7.9] },
  bird: { width: [0.073, 0.11], height: [0.15, 0.21], depth: [0.19, 0.28] },
  chicken: { width: [0.18, 0.26], height: [0.43, 0.6], depth: [0.5, 0.7] },
  duck: { width: [0.2, 0.29], height: [0.36, 0.5], depth: [0.59, 0.83] },
  swan: { width: [0.54, 0.76], height: [1.2, 1.8], depth: [1.7, 2.4] },
  owl: { width: [0.2, 0.29], height: [0.36, 0.51], depth: [0.2, 0.29] },
  penguin: { width: [0.26, 0.37], height: [0.47, 0.65], depth: [0.27, 0.39] },
  parrot: { width: [0.29, 0.41], height: [0.55, 0.77], depth: [0.29, 0.41] },
  eagle: { width: [0.53, 0.74], height: [1, 1.4], depth: [0.53, 0.74] },
  flamingo: { width: [0.27, 0.38], height: [1.3, 1.9], depth: [0.84, 1.2] },
  fish: { width: [0.058, 0.081], height: [0.12, 0.175], depth: [0.31, 0.43] },
  goldfish: { width: [0.027, 0.038], height: [0.057, 0.08], depth: [0.11, 0.16] },
  shark: { width: [0.64, 0.89], height: [1.15, 1.65], depth: [2.9, 4.1] },
  whale: { width: [2.5, 3.6], height: [2.2, 3.2], depth: [9.5, 14] },
  dolphin: { width: [0.47, 0.66], height: [0.46, 0.68], depth: [1.8, 2.7] },
  ant: { width: [0.0065, 0.009], height: [0.005, 0.0069], depth: [0.012, 0.017] },
  bee: { width: [0.016, 0.023], height: [0.0088, 0.013], depth: [0.019, 0.028] },
  butterfly: { width: [0.066, 0.092], height: [0.047, 0.066], depth: [0.06, 0.084] },
  beetle: { width: [0.011, 0.016], height: [0.0067, 0.0094], depth: [0.013, 0.019] },
  spider: { width: [0.038, 0.053], height: [0.015, 0.021], depth: [0.037, 0.052] },
};

type Ears = 'pointy' | 'floppy' | 'round' | 'long' | 'small' | 'none';
type Tail = 'thin' | 'bushy' | 'short' | 'long' | 'tuft' | 'none';

/** A four-legged body, in metres. */
interface Quadruped {
  /** Body length (chest to rump) and shoulder height. */
  length: number;
  height: number;
  /** Torso width and depth as shares of the length. */
  girth: number;
  deep: number;
  /** Leg radius as a share of the length. */
  leg: number;
  /** Neck length (share of length) and its rise in degrees from horizontal. */
  neck: number;
  neckRise: number;
  /** Head size and snout length as shares of the length. */
  head: number;
  snout: number;
  ears: Ears;
  tail: Tail;
  /** Extras built as separate parts. */
  horns?: 'cow' | 'goat' | 'antlers' | 'rhino';
  trunk?: boolean;
  mane?: boolean;
  hump?: boolean;
  tusks?: boolean;
  /** A body that sits rather than stands (rabbit) is drawn crouched. */
  crouch?: boolean;
  /** Scales round ears (a mouse's are big); 1 when absent. */
  earScale?: number;
  /** Scales a thin or long tail's length; a long tail then curls down to the ground (a mouse's). */
  tailScale?: number;
  /** Radius of the snout's tip as a share of the head (0.38 when absent; small for a pointed snout). */
  snoutTip?: number;
  /** A broad, heavy muzzle (a hippo's). */
  muzzle?: boolean;
}

const SPECIES: Record<string, Quadruped> = {
  dog: {
    length: 0.75,
    height: 0.55,
    girth: 0.32,
    deep: 0.4,
    leg: 0.055,
    neck: 0.28,
    neckRise: 45,
    head: 0.17,
    snout: 0.16,
    ears: 'floppy',
    tail: 'thin',
  },
  cat: {
    length: 0.42,
    height: 0.26,
    girth: 0.3,
    deep: 0.38,
    leg: 0.05,
    neck: 0.15,
    neckRise: 50,
    head: 0.2,
    snout: 0.06,
    ears: 'pointy',
    tail: 'long',
  },
  horse: {
    length: 1.7,
    height: 1.6,
    girth: 0.3,
    deep: 0.42,
    leg: 0.04,
    neck: 0.45,
    neckRise: 55,
    head: 0.14,
    snout: 0.22,
    ears: 'small',
    tail: 'long',
    mane: true,
  },
  cow: {
    length: 1.9,
    height: 1.4,
    girth: 0.36,
    deep: 0.45,
    leg: 0.05,
    neck: 0.22,
    neckRise: 20,
    head: 0.15,
    snout: 0.14,
    ears: 'small',
    tail: 'tuft',
    horns: 'cow',
  },
  pig: {
    length: 1.1,
    height: 0.8,
    girth: 0.4,
    deep: 0.5,
    leg: 0.05,
    neck: 0.12,
    neckRise: 10,
    head: 0.2,
    snout: 0.12,
    ears: 'small',
    tail: 'short',
  },
  sheep: {
    length: 1.0,
    height: 0.75,
    girth: 0.42,
    deep: 0.55,
    leg: 0.04,
    neck: 0.18,
    neckRise: 35,
    head: 0.15,
    snout: 0.1,
    ears: 'small',
    tail: 'short',
  },
  goat: {
    length: 0.95,
    height: 0.75,
    girth: 0.32,
    deep: 0.42,
    leg: 0.04,
    neck: 0.25,
    neckRise: 50,
    head: 0.15,
    snout: 0.12,
    ears: 'small',
    tail: 'short',
    horns: 'goat',
  },
  deer: {
    length: 1.3,
    height: 1.1,
    girth: 0.28,
    deep: 0.38,
    leg: 0.03,
    neck: 0.4,
    neckRise: 60,
    head: 0.13,
    snout: 0.14,
    ears: 'pointy',
    tail: 'short',
    horns: 'antlers',
  },
  elephant: {
    length: 3.5,
    height: 3.0,
    girth: 0.42,
    deep: 0.5,
    leg: 0.08,
    neck: 0.08,
    neckRise: 10,
    head: 0.22,
    snout: 0.05,
    ears: 'round',
    tail: 'thin',
    trunk: true,
    tusks: true,
  },
  bear: {
    length: 1.6,
    height: 1.1,
    girth: 0.42,
    deep: 0.5,
    leg: 0.08,
    neck: 0.15,
    neckRise: 20,
    head: 0.19,
    snout: 0.09,
    ears: 'round',
    tail: 'short',
  },
  lion: {
    length: 1.8,
    height: 1.1,
    girth: 0.32,
    deep: 0.42,
    leg: 0.06,
    neck: 0.2,
    neckRise: 35,
    head: 0.18,
    snout: 0.08,
    ears: 'round',
    tail: 'tuft',
    mane: true,
  },
  tiger: {
    length: 1.9,
    height: 1.0,
    girth: 0.32,
    deep: 0.4,
    leg: 0.06,
    neck: 0.18,
    neckRise: 30,
    head: 0.17,
    snout: 0.08,
    ears: 'round',
    tail: 'long',
  },
  zebra: {
    length: 1.8,
    height: 1.4,
    girth: 0.32,
    deep: 0.44,
    leg: 0.04,
    neck: 0.42,
    neckRise: 55,
    head: 0.14,
    snout: 0.22,
    ears: 'pointy',
    tail: 'tuft',
    mane: true,
  },
  giraffe: {
    length: 2.0,
    height: 3.0,
    girth: 0.3,
    deep: 0.42,
    leg: 0.035,
    neck: 1.0,
    neckRise: 70,
    head: 0.12,
    snout: 0.14,
    ears: 'small',
    tail: 'tuft',
    horns: 'rhino',
  },
  rabbit: {
    length: 0.3,
    height: 0.2,
    girth: 0.45,
    deep: 0.55,
    leg: 0.07,
    neck: 0.08,
    neckRise: 60,
    head: 0.3,
    snout: 0.08,
    ears: 'long',
    tail: 'short',
    crouch: true,
  },
  mouse: {
    length: 0.08,
    height: 0.035,
    girth: 0.45,
    deep: 0.5,
    leg: 0.06,
    neck: 0.05,
    neckRise: 20,
    head: 0.24,
    snout: 0.2,
    ears: 'round',
    tail: 'long',
    earScale: 2,
    tailScale: 2,
    snoutTip: 0.1,
  },
  fox: {
    length: 0.65,
    height: 0.4,
    girth: 0.28,
    deep: 0.36,
    leg: 0.045,
    neck: 0.22,
    neckRise: 40,
    head: 0.17,
    snout: 0.16,
    ears: 'pointy',
    tail: 'bushy',
  },
  wolf: {
    length: 1.1,
    height: 0.8,
    girth: 0.28,
    deep: 0.38,
    leg: 0.045,
    neck: 0.25,
    neckRise: 40,
    head: 0.16,
    snout: 0.16,
    ears: 'pointy',
    tail: 'bushy',
  },
  camel: {
    length: 2.2,
    height: 1.9,
    girth: 0.3,
    deep: 0.4,
    leg: 0.035,
    neck: 0.55,
    neckRise: 40,
    head: 0.12,
    snout: 0.16,
    ears: 'small',
    tail: 'thin',
    hump: true,
  },
  hippo: {
    length: 3.0,
    height: 1.5,
    girth: 0.45,
    deep: 0.4,
    leg: 0.08,
    neck: 0.08,
    neckRise: 5,
    head: 0.22,
    snout: 0.15,
    ears: 'small',
    tail: 'short',
    muzzle: true,
  },
  rhino: {
    length: 3.0,
    height: 1.7,
    girth: 0.4,
    deep: 0.42,
    leg: 0.07,
    neck: 0.1,
    neckRise: 5,
    head: 0.18,
    snout: 0.2,
    ears: 'pointy',
    tail: 'thin',
    horns: 'rhino',
  },
  squirrel: {
    length: 0.2,
    height: 0.12,
    girth: 0.4,
    deep: 0.5,
    leg: 0.07,
    neck: 0.08,
    neckRise: 50,
    head: 0.3,
    snout: 0.08,
    ears: 'pointy',
    tail: 'bushy',
    crouch: true,
  },
};

interface QuadFamily {
  id: string;
  species: string;
  nouns: FamilyNoun[];
  color: string;
  pattern?: { id: PatternId; color2: string };
  related?: string[];
  hypernyms?: string[];
  variantWords?: Record<string, string>;
  variantMaterials?: FamilyDefinition['variantMaterials'];
  /** Default material of the coat (fur, or scales, skin). */
  coat?: string;
  extraGroups?: PartGroup[];
}

function coatGroup(q: QuadFamily): PartGroup {
  return colored('body', ['body', 'fur', 'coat', 'skin', 'hide', 'wool', 'scales'], q.coat ?? 'fur', {
    color: q.color,
    takesMainMaterial: true,
    ...(q.pattern ? { pattern: q.pattern } : {}),
  });
}

const eyesGroup = accent('eyes', ['eye', 'eyes', 'nose'], 'obsidian');
const hornsGroup = accent('horns', ['horn', 'horns', 'antler', 'antlers', 'tusk', 'tusks', 'hooves'], 'bone');

/** The torso, legs, neck, head, ears and tail of a four-legged animal as blended primitives. */
function quadrupedPrims(
  q: Quadruped,
  k: number,
  rng: BuildContext['rng'],
): { prims: SdfPrimitive[]; headAt: Vec3; headR: number; facing: Vec3; snoutTip: Vec3; topY: number } {
  const L = q.length * k;
  const H = q.height * k;
  const w = q.girth * L;
  const deep = q.deep * L * (q.crouch ? 1.2 : 1);
  const legR = q.leg * L;
  const belly = q.crouch ? legR * 0.8 : H - deep;
  const cy = belly + deep / 2;
  const blend = Math.min(w, deep) * 0.25;
  const prims: SdfPrimitive[] = [];
  // Torso: a long ellipsoid with a chest and a rump.
  prims.push(sdfEllipsoid([0, cy, 0], [w / 2, deep / 2, L * 0.5]));
  prims.push(sdfEllipsoid([0, cy + deep * 0.05, L * 0.28], [w * 0.55, deep * 0.52, L * 0.25], blend));
  prims.push(sdfEllipsoid([0, cy, -L * 0.3], [w * 0.52, deep * 0.48, L * 0.22], blend));
  if (q.hump) prims.push(sdfEllipsoid([0, cy + deep * 0.55, 0], [w * 0.35, deep * 0.45, L * 0.2], blend));
  // Legs: upper and lower segments with a slight knee, feet on the ground.
  const lx = w * 0.3;
  const lz = L * 0.36;
  for (const [sx, sz] of [
    [-1, 1],
    [1, 1],
    [-1, -1],
    [1, -1],
  ] as const) {
    const top: Vec3 = [sx * lx, cy, sz * lz];
    if (q.crouch) {
      const foot: Vec3 = [sx * lx * 1.1, legR, sz * lz + (sz > 0 ? L * 0.08 : L * 0.12)];
      prims.push(sdfCapsule([top[0], cy - deep * 0.1, top[2]], foot, legR * 1.3, legR, blend));
      prims.push(
        sdfEllipsoid(
          [foot[0], legR * 0.8, foot[2] + legR * (sz > 0 ? 1 : 2)],
          [legR * 1.1, legR * 0.8, legR * (sz > 0 ? 1.6 : 3)],
          legR,
        ),
      );
      continue;
    }
    const knee: Vec3 = [sx * lx, belly * 0.5, sz * lz + (sz > 0 ? -1 : 1) * legR * 0.6];
    const foot: Vec3 = [sx * lx, legR * 0.9, sz * lz];
    prims.push(sdfCapsule(top, knee, legR * 1.4, legR, blend));
    prims.push(sdfCapsule(knee, foot, legR, legR * 0.85, legR * 0.3));
  }
  // Neck and head.
  const rise = (q.neckRise * Math.PI) / 180;
  const neckBase: Vec3 = [0, cy + deep * 0.2, L * 0.42];
  const neckLen = q.neck * L;
  const headR = q.head * L;
  const headAt: Vec3 = [
    0,
    neckBase[1] + Math.sin(rise) * neckLen + headR * 0.2,
    neckBase[2] + Math.cos(rise) * neckLen,
  ];
  prims.push(sdfCapsule(neckBase, headAt, Math.min(w, deep) * 0.3, headR * 0.7, blend));
  prims.push(sdfEllipsoid(headAt, [headR * 0.85, headR * 0.9, headR], headR * 0.3));
  const snoutLen = q.snout * L;
  const facing: Vec3 = [0, -0.25, 1];
  const snoutTip: Vec3 = [0, headAt[1] - headR * 0.25 - snoutLen * 0.25, headAt[2] + headR * 0.7 + snoutLen];
  if (snoutLen > 0)
    prims.push(
      sdfCapsule(
        [0, headAt[1] - headR * 0.1, headAt[2] + headR * 0.3],
        snoutTip,
        headR * 0.55,
        headR * (q.snoutTip ?? 0.38),
        headR * 0.3,
      ),
    );
  if (q.muzzle)
    prims.push(
      sdfEllipsoid(
        [0, snoutTip[1] + headR * 0.05, snoutTip[2] - headR * 0.35],
        [headR * 0.95, headR * 0.7, headR * 0.75],
        headR * 0.35,
      ),
    );
  // Ears.
  const earY = headAt[1] + headR * 0.75;
  for (const s of [-1, 1]) {
    const ex = s * headR * 0.55;
    if (q.ears === 'pointy')
      prims.push(
        sdfCapsule(
          [ex, earY, headAt[2] - headR * 0.1],
          [ex * 1.25, earY + headR * 0.7, headAt[2] - headR * 0.2],
          headR * 0.28,
          headR * 0.05,
          headR * 0.12,
        ),
      );
    else if (q.ears === 'floppy')
      prims.push(
        sdfEllipsoid(
          [s * headR * 0.9, headAt[1] + headR * 0.1, headAt[2] - headR * 0.1],
          [headR * 0.15, headR * 0.55, headR * 0.35],
          headR * 0.12,
        ),
      );
    else if (q.ears === 'round')
      prims.push(
        sdfEllipsoid(
          [
            s * headR * (q.trunk ? 1.1 : 0.65 + 0.15 * ((q.earScale ?? 1) - 1)),
            earY - (q.trunk ? headR * 0.4 : 0) + headR * 0.2 * ((q.earScale ?? 1) - 1),
            headAt[2] - headR * 0.15,
          ],
          q.trunk
            ? [headR * 0.2, headR * 1.1, headR * 0.9]
            : [headR * 0.28 * (q.earScale ?? 1), headR * 0.28 * (q.earScale ?? 1), headR * 0.12],
          headR * 0.1,
        ),
      );
    else if (q.ears === 'long')
      prims.push(
        sdfCapsule(
          [ex * 0.6, earY, headAt[2] - headR * 0.2],
          [ex * 0.9, earY + headR * 1.6, headAt[2] - headR * 0.5],
          headR * 0.2,
          headR * 0.16,
          headR * 0.1,
        ),
      );
    else if (q.ears === 'small')
      prims.push(
        sdfEllipsoid(
          [s * headR * 0.75, earY - headR * 0.1, headAt[2] - headR * 0.3],
          [headR * 0.25, headR * 0.12, headR * 0.15],
          headR * 0.1,
        ),
      );
  }
  if (q.trunk) {
    const path = bezier(
      [0, headAt[1], headAt[2] + headR * 0.6],
      [0, headAt[1] - headR * 1.2, headAt[2] + headR * 1.6],
      [0, belly * 0.3, headAt[2] + headR * 1.4],
      4,
    );
    for (let i = 0; i + 1 < path.length; i++)
      prims.push(
        sdfCapsule(path[i], path[i + 1], headR * (0.35 - i * 0.06), headR * (0.29 - i * 0.06), headR * 0.1),
      );
  }
  if (q.mane)
    prims.push(
      sdfCapsule(
        [0, neckBase[1] + deep * 0.25, neckBase[2] - L * 0.05],
        [0, headAt[1] + headR * 0.6, headAt[2] - headR * 0.6],
        w * 0.22,
        headR * 0.5,
        blend * 0.5,
      ),
    );
  // Tail.
  const tailBase: Vec3 = [0, cy + deep * 0.25, -L * 0.5];
  const wag = rng.range(-0.3, 0.3);
  if (q.tail === 'thin' || q.tail === 'long' || q.tail === 'tuft') {
    const len = (q.tail === 'long' ? 0.55 : 0.35) * L * (q.tailScale ?? 1);
    const tip: Vec3 = [wag * len, cy - deep * (q.tail === 'long' ? 0.1 : 0.4), -L * 0.5 - len * 0.6];
    if (q.tailScale) {
      // A long, thin tail that drops to the ground and curls out to the side (+X).
      const path = bezier(
        tailBase,
        [0, legR, -L * 0.5 - len * 0.5],
        [len * 0.45, legR * 0.6, -L * 0.5 - len * 0.7],
        8,
      );
      for (let i = 0; i + 1 < path.length; i++)
        prims.push(
          sdfCapsule(
            path[i],
            path[i + 1],
            legR * (0.5 - i * 0.035),
            legR * (0.5 - (i + 1) * 0.035),
            legR * 0.2,
          ),
        );
    } else prims.push(sdfCapsule(tailBase, tip, legR * 0.55, legR * 0.3, legR * 0.4));
    if (q.tail === 'tuft') prims.push(sdfEllipsoid(tip, [legR * 0.6, legR * 1.2, legR * 0.6], legR * 0.3));
  } else if (q.tail === 'bushy') {
    const tip: Vec3 = [wag * L * 0.2, cy, -L * 0.5 - L * 0.45];
    prims.push(sdfCapsule(tailBase, tip, w * 0.16, w * 0.2, blend * 0.6));
  } else if (q.tail === 'short') {
    prims.push(sdfSphere([0, cy + deep * 0.2, -L * 0.52], w * 0.14, blend * 0.5));
  }
  const topY = Math.max(headAt[1] + headR, cy + deep / 2);
  return { prims, headAt, headR, facing, snoutTip, topY };
}

/** A horn along a 9-point path: a tube tapering from `radius` at the skull to nothing at the tip. */
function hornTube(kit: SolidKit, path: Vec3[], radius: number): Solid {
  return kit.tube(
    path,
    path.map((_, j) => radius * (1 - j / 9)),
    { segments: 8 },
  );
}

function quadruped(q: QuadFamily): FamilyDefinition {
  const groups: PartGroup[] = [coatGroup(q), eyesGroup];
  const spec = SPECIES[q.species];
  if (spec.horns || spec.tusks) groups.push(hornsGroup);
  groups.push(...(q.extraGroups ?? []));
  return {
    id: q.id,
    category: 'animal',
    nouns: q.nouns,
    ...(q.related ? { related: q.related } : {}),
    ...(q.hypernyms ? { hypernyms: q.hypernyms } : {}),
    ...(q.variantWords ? { variantWords: q.variantWords } : {}),
    ...(q.variantMaterials ? { variantMaterials: q.variantMaterials } : {}),
    groups,
    size: SIZES[q.id],
    build(ctx) {
      const { kit, rng, size, variant } = ctx;
      const k = rng.range(0.88, 1.1) * (variant === 'baby' ? 0.55 : 1) * size.width;
      const { prims, headAt, headR, snoutTip } = quadrupedPrims(spec, k, rng);
      const L = spec.length * k;
      const parts: BuiltPart[] = [
        {
          name: 'body',
          group: 'body',
          mesh: ctx.sdf(prims, Math.max(L, spec.height * k) / 28),
          creaseAngle: 75,
        },
      ];
      // Eyes on the front of the head, a nose at the snout's tip.
      const eyes: Solid[] = [];
      for (const s of [-1, 1])
        eyes.push(
          kit
            .sphere(headR * 0.16, 10)
            .translate(s * headR * 0.5, headAt[1] + headR * 0.3, headAt[2] + headR * 0.72),
        );
      parts.push({ name: 'eyes', group: 'eyes', solid: kit.compose(eyes) });
      if (spec.snout > 0.05 && !spec.trunk)
        parts.push({
          name: 'nose',
          group: 'eyes',
          solid: kit
            .sphere(headR * 0.18, 10)
            .translate(snoutTip[0], snoutTip[1] + headR * 0.1, snoutTip[2] + headR * 0.2),
        });
      if (spec.horns === 'cow' || spec.horns === 'goat') {
        for (const [i, s] of [-1, 1].entries()) {
          const base: Vec3 = [s * headR * 0.45, headAt[1] + headR * 0.8, headAt[2] - headR * 0.1];
          const path =
            spec.horns === 'cow'
              ? bezier(
                  base,
                  [s * headR * 1.3, base[1] + headR * 0.1, base[2]],
                  [s * headR * 1.3, base[1] + headR * 0.7, base[2] + headR * 0.2],
                  8,
                )
              : bezier(
                  base,
                  [s * headR * 0.6, base[1] + headR * 1.1, base[2] - headR * 0.3],
                  [s * headR * 0.9, base[1] + headR * 0.8, base[2] - headR * 1.2],
                  8,
                );
          parts.push({
            name: `horn_${i + 1}`,
            group: 'horns',
            solid: hornTube(kit, path, headR * 0.14),
          });
        }
      } else if (spec.horns === 'antlers' && variant !== 'doe') {
        for (const [i, s] of [-1, 1].entries()) {
          const base: Vec3 = [s * headR * 0.4, headAt[1] + headR * 0.8, headAt[2] - headR * 0.1];
          const main = bezier(
            base,
            [s * headR * 1.6, base[1] + headR * 1.5, base[2] - headR * 0.5],
            [s * headR * 1.4, base[1] + headR * 3.2, base[2]],
            10,
          );
          const tine = bezier(
            main[4],
            [main[4][0], main[4][1] + headR * 0.8, main[4][2] + headR * 0.6],
            [main[4][0] * 0.9, main[4][1] + headR * 1.4, main[4][2] + headR * 0.5],
            5,
          );
          parts.push({
            name: `antler_${i + 1}`,
            group: 'horns',
            solid: kit.tube(
              main,
              main.map((_, j) => headR * 0.09 * (1 - j / 12)),
              { segments: 6 },
            ),
          });
          parts.push({
            name: `tine_${i + 1}`,
            group: 'horns',
            solid: kit.tube(
              tine,
              tine.map((_, j) => headR * 0.06 * (1 - j / 7)),
              { segments: 6 },
            ),
          });
        }
      } else if (spec.horns === 'rhino') {
        if (q.species === 'giraffe') {
          for (const [i, s] of [-1, 1].entries())
            parts.push({
              name: `ossicone_${i + 1}`,
              group: 'horns',
              solid: kit.cylinderBetween(
                [s * headR * 0.3, headAt[1] + headR * 0.6, headAt[2] - headR * 0.2],
                [s * headR * 0.35, headAt[1] + headR * 1.5, headAt[2] - headR * 0.3],
                headR * 0.1,
                { segments: 8 },
              ),
            });
        } else {
          // A big front horn curving back over the snout and a smaller one behind it.
          const horn = (base: Vec3, tall: number, r: number) => {
            const path = bezier(
              base,
              [base[0], base[1] + tall * 0.6, base[2] + tall * 0.1],
              [base[0], base[1] + tall, base[2] - tall * 0.3],
              8,
            );
            return kit.tube(
              path,
              path.map((_, j) => r * Math.max(0.04, 1 - j / 8)),
              { segments: 10 },
            );
          };
          parts.push({
            name: 'horn',
            group: 'horns',
            solid: horn(
              [0, snoutTip[1] + headR * 0.15, snoutTip[2] - headR * 0.45],
              headR * 1.7,
              headR * 0.32,
            ),
          });
          parts.push({
            name: 'rear_horn',
            group: 'horns',
            solid: horn(
              [0, snoutTip[1] + headR * 0.35, snoutTip[2] - headR * 1.25],
              headR * 0.8,
              headR * 0.22,
            ),
          });
        }
      }
      if (spec.tusks) {
        for (const [i, s] of [-1, 1].entries()) {
          const base: Vec3 = [s * headR * 0.35, headAt[1] - headR * 0.5, headAt[2] + headR * 0.6];
          const path = bezier(
            base,
            [s * headR * 0.45, base[1] - headR * 0.8, base[2] + headR * 0.6],
            [s * headR * 0.4, base[1] - headR * 0.6, base[2] + headR * 1.3],
            8,
          );
          parts.push({
            name: `tusk_${i + 1}`,
            group: 'horns',
            solid: kit.tube(
              path,
              path.map((_, j) => headR * 0.1 * (1 - j / 10)),
              { segments: 8 },
            ),
          });
        }
      }
      return parts;
    },
  };
}

export const dog = quadruped({
  id: 'dog',
  species: 'dog',
  color: 'peru',
  nouns: [
    { word: 'dog' },
    { word: 'puppy', variant: 'baby' },
    { word: 'hound' },
    { word: 'doggy' },
    { word: 'pup', variant: 'baby' },
    { word: 'dalmatian', variant: 'dalmatian' },
    { word: 'labrador' },
    { word: 'poodle' },
  ],
  hypernyms: ['dog', 'canine', 'carnivore'],
  variantWords: { dalmatian: 'dalmatian', spotted: 'dalmatian', baby: 'baby', young: 'baby' },
  variantMaterials: { dalmatian: { body: ['fur', 'white'] } },
});
export const cat = quadruped({
  id: 'cat',
  species: 'cat',
  color: 'darkorange',
  nouns: [
    { word: 'cat' },
    { word: 'kitten', variant: 'baby' },
    { word: 'kitty', variant: 'baby' },
    { word: 'tabby' },
    { word: 'feline' },
    { word: 'housecat' },
  ],
  hypernyms: ['cat', 'feline'],
  variantWords: { baby: 'baby' },
});
export const horse = quadruped({
  id: 'horse',
  species: 'horse',
  color: 'saddlebrown',
  nouns: [
    { word: 'horse' },
    { word: 'pony', variant: 'baby' },
    { word: 'stallion' },
    { word: 'mare' },
    { word: 'foal', variant: 'baby' },
    { word: 'donkey', variant: 'baby' },
    { word: 'unicorn', variant: 'unicorn' },
    { word: 'mule' },
  ],
  hypernyms: ['equine', 'odd-toed ungulate', 'horse'],
  variantMaterials: { unicorn: { body: ['fur', 'white'] } },
});
export const cow = quadruped({
  id: 'cow',
  species: 'cow',
  color: 'white',
  pattern: { id: 'spots', color2: 'black' },
  nouns: [
    { word: 'cow' },
    { word: 'bull' },
    { word: 'ox' },
    { word: 'calf', variant: 'baby' },
    { word: 'cattle' },
    { word: 'bison' },
    { word: 'buffalo' },
    { word: 'yak' },
  ],
  hypernyms: ['bovine', 'ruminant', 'even-toed ungulate', 'ungulate'],
});
export const pig = quadruped({
  id: 'pig',
  species: 'pig',
  color: 'pink',
  coat: 'skin',
  nouns: [
    { word: 'pig' },
    { word: 'piglet', variant: 'baby' },
    { word: 'hog' },
    { word: 'boar' },
    { word: 'swine' },
    { word: 'piggy' },
  ],
  hypernyms: ['swine'],
});
export const sheep = quadruped({
  id: 'sheep',
  species: 'sheep',
  color: 'white',
  coat: 'wool',
  nouns: [
    { word: 'sheep' },
    { word: 'lamb', variant: 'baby' },
    { word: 'ram' },
    { word: 'ewe' },
    { word: 'llama' },
    { word: 'alpaca' },
  ],
  hypernyms: ['sheep', 'bovid'],
});
export const goat = quadruped({
  id: 'goat',
  species: 'goat',
  color: 'tan',
  nouns: [{ word: 'goat' }, { word: 'kid goat', variant: 'baby' }, { word: 'ibex' }],
  hypernyms: ['goat', 'caprine'],
});
export const deer = quadruped({
  id: 'deer',
  species: 'deer',
  color: 'sienna',
  nouns: [
    { word: 'deer' },
    { word: 'stag' },
    { word: 'reindeer' },
    { word: 'elk' },
    { word: 'moose' },
    { word: 'fawn', variant: 'baby' },
    { word: 'doe', variant: 'doe' },
    { word: 'antelope', variant: 'doe' },
    { word: 'gazelle', variant: 'doe' },
  ],
  hypernyms: ['deer', 'cervid'],
});
export const elephant = quadruped({
  id: 'elephant',
  species: 'elephant',
  color: 'gray',
  coat: 'skin',
  nouns: [{ word: 'elephant' }, { word: 'mammoth' }, { word: 'pachyderm' }],
  hypernyms: ['proboscidean'],
});
export const bear = quadruped({
  id: 'bear',
  species: 'bear',
  color: 'saddlebrown',
  nouns: [
    { word: 'bear' },
    { word: 'grizzly' },
    { word: 'polar bear', variant: 'polar' },
    { word: 'panda', variant: 'panda' },
    { word: 'cub', variant: 'baby' },
  ],
  hypernyms: ['bear', 'ursid'],
  variantWords: { polar: 'polar', brown: 'brown', black: 'black' },
  variantMaterials: { polar: { body: ['fur', 'white'] }, panda: { body: ['fur', 'white'] } },
});
export const lion = quadruped({
  id: 'lion',
  species: 'lion',
  color: 'goldenrod',
  nouns: [{ word: 'lion' }, { word: 'lioness', variant: 'lioness' }, { word: 'cougar' }, { word: 'puma' }],
  hypernyms: ['big cat'],
});
export const tiger = quadruped({
  id: 'tiger',
  species: 'tiger',
  color: 'darkorange',
  pattern: { id: 'stripes', color2: 'black' },
  nouns: [
    { word: 'tiger' },
    { word: 'leopard', variant: 'leopard' },
    { word: 'cheetah', variant: 'leopard' },
    { word: 'jaguar', variant: 'leopard' },
    { word: 'panther' },
  ],
  hypernyms: ['big cat'],
});
export const zebra = quadruped({
  id: 'zebra',
  species: 'zebra',
  color: 'white',
  pattern: { id: 'stripes', color2: 'black' },
  nouns: [{ word: 'zebra' }],
});
export const giraffe = quadruped({
  id: 'giraffe',
  species: 'giraffe',
  color: 'goldenrod',
  pattern: { id: 'spots', color2: 'saddlebrown' },
  nouns: [{ word: 'giraffe' }, { word: 'okapi' }],
});
export const rabbit = quadruped({
  id: 'rabbit',
  species: 'rabbit',
  color: 'silver',
  nouns: [{ word: 'rabbit' }, { word: 'bunny' }, { word: 'hare' }, { word: 'easter bunny' }],
  hypernyms: ['leporid', 'lagomorph', 'rabbit'],
});
export const mouse = quadruped({
  id: 'mouse',
  species: 'mouse',
  color: 'gray',
  nouns: [{ word: 'mouse' }, { word: 'rat' }, { word: 'hamster' }, { word: 'gerbil' }, { word: 'mice' }],
  // Hedgehogs, shrews and moles (insectivores) look most like a mouse among the families.
  hypernyms: ['rodent', 'murine', 'insectivore'],
});
export const fox = quadruped({
  id: 'fox',
  species: 'fox',
  color: 'orangered',
  nouns: [{ word: 'fox' }, { word: 'vixen' }, { word: 'red fox' }],
  hypernyms: ['fox'],
});
export const wolf = quadruped({
  id: 'wolf',
  species: 'wolf',
  color: 'gray',
  nouns: [{ word: 'wolf' }, { word: 'coyote' }, { word: 'husky' }, { word: 'jackal' }, { word: 'werewolf' }],
  hypernyms: ['wolf', 'wild dog'],
});
export const camel = quadruped({
  id: 'camel',
  species: 'camel',
  color: 'tan',
  nouns: [{ word: 'camel' }, { word: 'dromedary' }],
});
export const hippo = quadruped({
  id: 'hippo',
  species: 'hippo',
  color: 'slategray',
  coat: 'skin',
  nouns: [{ word: 'hippo' }, { word: 'hippopotamus' }],
});
export const rhino = quadruped({
  id: 'rhino',
  species: 'rhino',
  color: 'gray',
  coat: 'skin',
  nouns: [{ word: 'rhino' }, { word: 'rhinoceros' }],
});
export const squirrel = quadruped({
  id: 'squirrel',
  species: 'squirrel',
  color: 'sienna',
  nouns: [{ word: 'squirrel' }, { word: 'chipmunk' }, { word: 'raccoon' }, { word: 'beaver' }],
  hypernyms: ['squirrel', 'sciurid'],
});
/**
 * A dragon: a low, heavy four-legged body with a long S-curved neck, a wedge head with swept-back horns,
 * a long tapering tail, a crest of spines from the head to the tail tip, and two raised bat wings (arm
 * and finger bones with a scalloped membrane between them). Faces +Z.
 */
export const dragon: FamilyDefinition = {
  id: 'dragon',
  category: 'animal',
  nouns: [
    { word: 'dragon' },
    { word: 'wyvern' },
    { word: 'drake' },
    { word: 'dinosaur' },
    { word: 't rex' },
    { word: 'trex' },
    { word: 'lizard' },
    { word: 'crocodile' },
    { word: 'alligator' },
  ],
  hypernyms: ['reptile', 'saurian'],
  groups: [
    colored('body', ['body', 'fur', 'coat', 'skin', 'hide', 'wool', 'scales'], 'scales', {
      color: 'forestgreen',
      takesMainMaterial: true,
    }),
    eyesGroup,
    hornsGroup,
    colored('wings', ['wing', 'wings'], 'scales', { color: 'darkolivegreen', takesMainMaterial: true }),
  ],
  size: SIZES.dragon,
  build(ctx) {
    const { kit, rng, size } = ctx;
    const k = rng.range(0.9, 1.1) * size.width;
    const L = rng.range(1.9, 2.3) * k; // torso length
    const w = L * 0.3; // torso width
    const deep = L * 0.34;
    const legR = L * 0.07;
    const belly = rng.range(0.36, 0.42) * L;
    const cy = belly + deep / 2;
    const blend = deep * 0.25;
    const prims: SdfPrimitive[] = [];
    prims.push(sdfEllipsoid([0, cy, 0], [w / 2, deep / 2, L * 0.5]));
    prims.push(sdfEllipsoid([0, cy + deep * 0.08, L * 0.3], [w * 0.58, deep * 0.55, L * 0.26], blend));
    prims.push(sdfEllipsoid([0, cy - deep * 0.02, -L * 0.3], [w * 0.5, deep * 0.48, L * 0.24], blend));
    // Legs: thick thighs, bent knees, clawed feet pointing forward.
    for (const [sx, sz] of [
      [-1, 1],
      [1, 1],
      [-1, -1],
      [1, -1],
    ] as const) {
      const top: Vec3 = [sx * w * 0.38, cy, sz * L * 0.33];
      const knee: Vec3 = [sx * w * 0.55, belly * 0.5, sz * L * 0.33 + (sz > 0 ? -1 : 1) * legR * 0.8];
      const foot: Vec3 = [sx * w * 0.55, legR * 0.7, sz * L * 0.33 + legR * 0.3];
      prims.push(sdfCapsule(top, knee, legR * (sz > 0 ? 1.5 : 1.9), legR, blend));
      prims.push(sdfCapsule(knee, foot, legR, legR * 0.8, legR * 0.3));
      prims.push(
        sdfEllipsoid(
          [foot[0], legR * 0.45, foot[2] + legR * 0.9],
          [legR * 1.2, legR * 0.45, legR * 1.8],
          legR * 0.5,
        ),
      );
    }
    // Neck: an S-curve rising from the chest.
    const neckBase: Vec3 = [0, cy + deep * 0.15, L * 0.45];
    const headR = L * rng.range(0.13, 0.15);
    const headAt: Vec3 = [0, cy + L * rng.range(0.8, 0.92), L * rng.range(0.88, 0.98)];
    const neck = cubic(
      neckBase,
      [0, neckBase[1] + L * 0.35, neckBase[2] + L * 0.35],
      [0, headAt[1] - L * 0.1, headAt[2] - L * 0.45],
      [0, headAt[1] - headR * 0.2, headAt[2] - headR * 0.4],
      7,
    );
    for (let i = 0; i + 1 < neck.length; i++) {
      const t0 = i / (neck.length - 1);
      const t1 = (i + 1) / (neck.length - 1);
      const r = (t: number) => deep * 0.34 * (1 - t) + headR * 0.6 * t;
      prims.push(sdfCapsule(neck[i], neck[i + 1], r(t0), r(t1), blend * 0.6));
    }
    // Head: a skull and a long, slightly drooping muzzle with a jaw.
    prims.push(sdfEllipsoid(headAt, [headR * 0.8, headR * 0.75, headR], headR * 0.3));
    const snoutTip: Vec3 = [0, headAt[1] - headR * 0.35, headAt[2] + headR * 2.3];
    prims.push(
      sdfCapsule(
        [0, headAt[1] - headR * 0.05, headAt[2] + headR * 0.4],
        snoutTip,
        headR * 0.6,
        headR * 0.32,
        headR * 0.3,
      ),
    );
    prims.push(
      sdfCapsule(
        [0, headAt[1] - headR * 0.5, headAt[2]],
        [0, headAt[1] - headR * 0.7, headAt[2] + headR * 1.9],
        headR * 0.45,
        headR * 0.22,
        headR * 0.25,
      ),
    );
    // Brow ridges above the eyes.
    for (const s of [-1, 1])
      prims.push(
        sdfEllipsoid(
          [s * headR * 0.5, headAt[1] + headR * 0.5, headAt[2] + headR * 0.55],
          [headR * 0.28, headR * 0.18, headR * 0.4],
          headR * 0.15,
        ),
      );
    // Tail: long and tapering, sweeping to one side and down to the ground.
    const sweep = rng.pick([-1, 1]) * rng.range(0.35, 0.6);
    const tailLen = L * rng.range(1.45, 1.65);
    const tail = cubic(
      [0, cy + deep * 0.05, -L * 0.45],
      [0, cy - deep * 0.1, -L * 0.45 - tailLen * 0.4],
      [sweep * tailLen * 0.2, legR * 1.2, -L * 0.45 - tailLen * 0.75],
      [sweep * tailLen * 0.55, legR * 0.5, -L * 0.45 - tailLen * 0.85],
      10,
    );
    const tailR = (t: number) => deep * 0.32 * (1 - t) + legR * 0.25 * t;
    for (let i = 0; i + 1 < tail.length; i++)
      prims.push(
        sdfCapsule(
          tail[i],
          tail[i + 1],
          tailR(i / (tail.length - 1)),
          tailR((i + 1) / (tail.length - 1)),
          i === 0 ? blend : blend * 0.3,
        ),
      );
    const extent = Math.max(L * 1.6 + tailLen, headAt[1]);
    const parts: BuiltPart[] = [
      { name: 'body', group: 'body', mesh: ctx.sdf(prims, extent / 60), creaseAngle: 75 },
    ];
    // Eyes under the brows, nostrils at the muzzle's tip.
    const eyes: Solid[] = [];
    for (const s of [-1, 1])
      eyes.push(
        kit
          .sphere(headR * 0.17, 10)
          .translate(s * headR * 0.58, headAt[1] + headR * 0.25, headAt[2] + headR * 0.55),
      );
    parts.push({ name: 'eyes', group: 'eyes', solid: kit.compose(eyes) });
    const nostrils: Solid[] = [];
    for (const s of [-1, 1])
      nostrils.push(
        kit
          .sphere(headR * 0.09, 8)
          .translate(s * headR * 0.17, snoutTip[1] + headR * 0.22, snoutTip[2] - headR * 0.05),
      );
    parts.push({ name: 'nose', group: 'eyes', solid: kit.compose(nostrils) });
    // Horns: long, swept back from the back of the skull.
    for (const [i, s] of [-1, 1].entries()) {
      const base: Vec3 = [s * headR * 0.45, headAt[1] + headR * 0.45, headAt[2] - headR * 0.35];
      const path = bezier(
        base,
        [s * headR * 0.75, base[1] + headR * 0.9, base[2] - headR * 0.8],
        [s * headR * 0.95, base[1] + headR * 1.1, base[2] - headR * 2.2],
        8,
      );
      parts.push({
        name: `horn_${i + 1}`,
        group: 'horns',
        solid: hornTube(kit, path, headR * 0.2),
      });
    }
    // A crest of spines along the top of the neck, back and tail.
    // `ahead` points along the crest towards the head; spines stand out of the curve's upper (or, on the
    // upright neck, back) side and lean away from the head.
    const spineAt = (p: Vec3, ahead: Vec3, r: number, h: number): Solid => {
      const tl = Math.hypot(ahead[1], ahead[2]) || 1;
      const t: Vec3 = [0, ahead[1] / tl, ahead[2] / tl];
      const nrm: Vec3 = [0, t[2], -t[1]];
      const base: Vec3 = [p[0], p[1] + nrm[1] * r * 0.8, p[2] + nrm[2] * r * 0.8];
      const tip: Vec3 = [
        base[0],
        base[1] + nrm[1] * h - t[1] * h * 0.45,
        base[2] + nrm[2] * h - t[2] * h * 0.45,
      ];
      return kit.cylinderBetween(base, tip, h * 0.42, { radiusTop: h * 0.02, segments: 6 });
    };
    const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    const spines: Solid[] = [];
    for (let i = 1; i < neck.length - 1; i++) {
      const t = i / (neck.length - 1);
      const r = deep * 0.34 * (1 - t) + headR * 0.6 * t;
      spines.push(spineAt(neck[i], sub(neck[i + 1], neck[i - 1]), r, headR * 0.5));
    }
    for (let i = 0; i < 4; i++)
      spines.push(spineAt([0, cy, L * (0.3 - i * 0.22)], [0, 0, 1], deep * 0.52, headR * 0.7));
    for (let i = 1; i < tail.length - 2; i++) {
      const r = tailR(i / (tail.length - 1));
      spines.push(spineAt(tail[i], sub(tail[i - 1], tail[i + 1]), r, Math.max(r * 1.1, headR * 0.2)));
    }
    parts.push({ name: 'spines', group: 'horns', solid: kit.union(spines) });
    // Wings: bat wings raised in a V, drawn flat (x out along the span, y forwards) and then tilted up.
    const W = L * rng.range(0.95, 1.1);
    const lift = (rng.range(62, 72) * Math.PI) / 180;
    const tips: Array<[number, number]> = [
      [W, W * 0.1],
      [W * 0.92, -W * 0.32],
      [W * 0.68, -W * 0.62],
      [W * 0.35, -W * 0.72],
    ];
    const wrist: [number, number] = [W * 0.45, W * 0.3];
    const root: [number, number] = [W * 0.02, -W * 0.55];
    const outline: Array<[number, number]> = [[0, W * 0.05], wrist, tips[0]];
    const scallop = (a: [number, number], b: [number, number]) => {
      // A concave curve between two finger tips, bowing towards the wrist.
      const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const pull: [number, number] = [
        mid[0] + (wrist[0] - mid[0]) * 0.28,
        mid[1] + (wrist[1] - mid[1]) * 0.28,
      ];
      for (let j = 1; j < 5; j++) {
        const t = j / 5;
        const u = 1 - t;
        outline.push([
          u * u * a[0] + 2 * u * t * pull[0] + t * t * b[0],
          u * u * a[1] + 2 * u * t * pull[1] + t * t * b[1],
        ]);
      }
      outline.push(b);
    };
    for (let j = 0; j + 1 < tips.length; j++) scallop(tips[j], tips[j + 1]);
    scallop(tips[tips.length - 1], root);
    const membraneT = W * 0.02;
    for (const [i, s] of [-1, 1].entries()) {
      const shoulder: Vec3 = [s * w * 0.3, cy + deep * 0.35, L * 0.18];
      const U: Vec3 = [s * Math.cos(lift), Math.sin(lift), -0.35];
      const ul = Math.hypot(U[0], U[1], U[2]);
      const u: Vec3 = [U[0] / ul, U[1] / ul, U[2] / ul];
      const v: Vec3 = [0, 0.12, 1];
      // Make v perpendicular to u, then n = u × v (a proper rotation on both sides).
      const dv = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
      let vv: Vec3 = [v[0] - dv * u[0], v[1] - dv * u[1], v[2] - dv * u[2]];
      const vl = Math.hypot(vv[0], vv[1], vv[2]);
      vv = [vv[0] / vl, vv[1] / vl, vv[2] / vl];
      const n: Vec3 = [u[1] * vv[2] - u[2] * vv[1], u[2] * vv[0] - u[0] * vv[2], u[0] * vv[1] - u[1] * vv[0]];
      const at = (x: number, y: number): Vec3 => [
        shoulder[0] + u[0] * x + vv[0] * y,
        shoulder[1] + u[1] * x + vv[1] * y,
        shoulder[2] + u[2] * x + vv[2] * y,
      ];
      const membrane = kit
        .extrude(outline, membraneT)
        .transform([
          u[0],
          u[1],
          u[2],
          0,
          vv[0],
          vv[1],
          vv[2],
          0,
          n[0],
          n[1],
          n[2],
          0,
          shoulder[0],
          shoulder[1],
          shoulder[2],
          1,
        ]);
      const boneR = W * 0.028;
      const bones: Solid[] = [
        kit.cylinderBetween(at(W * 0.03, W * 0.06), at(...wrist), boneR * 1.3, {
          radiusTop: boneR,
          segments: 8,
        }),
        kit.sphere(boneR * 1.5, 8).translate(...at(...wrist)),
        kit.cylinderBetween(at(...wrist), at(wrist[0] + W * 0.06, wrist[1] + W * 0.1), boneR * 0.8, {
          radiusTop: boneR * 0.1,
          segments: 6,
        }),
      ];
      // Fingers stop just short of the membrane's corners (coincident vertices make slivers in the union).
      for (const tip of tips)
        bones.push(
          kit.cylinderBetween(
            at(...wrist),
            at(wrist[0] + (tip[0] - wrist[0]) * 0.97, wrist[1] + (tip[1] - wrist[1]) * 0.97),
            boneR * 0.8,
            {
              radiusTop: boneR * 0.25,
              segments: 6,
            },
          ),
        );
      parts.push({ name: `wing_${i + 1}`, group: 'wings', solid: kit.union([membrane, ...bones]) });
    }
    return parts;
  },
};

/** Points along a cubic Bézier from a to d with control points b and c. */
function cubic(a: Vec3, b: Vec3, c: Vec3, d: Vec3, n: number): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const w0 = u * u * u;
    const w1 = 3 * u * u * t;
    const w2 = 3 * u * t * t;
    const w3 = t * t * t;
    out.push([
      w0 * a[0] + w1 * b[0] + w2 * c[0] + w3 * d[0],
      w0 * a[1] + w1 * b[1] + w2 * c[1] + w3 * d[1],
      w0 * a[2] + w1 * b[2] + w2 * c[2] + w3 * d[2],
    ]);
  }
  return out;
}

// ---- birds -------------------------------------------------------------------------------------------

interface BirdSpec {
  id: string;
  nouns: FamilyNoun[];
  color: string;
  beakColor: string;
  /** Body length and a shape: upright (penguin, owl), sitting (duck, chicken) or perched. */
  length: number;
  upright?: boolean;
  neck?: number;
  legLen: number;
  beak: 'cone' | 'flat' | 'hook';
  comb?: boolean;
  hypernyms?: string[];
  belly?: string;
}

function bird(b: BirdSpec): FamilyDefinition {
  const groups: PartGroup[] = [
    colored('body', ['body', 'feathers', 'plumage', 'head'], 'feather', {
      color: b.color,
      takesMainMaterial: true,
    }),
    colored('wings', ['wing', 'wings', 'tail'], 'feather', { color: b.color, takesMainMaterial: true }),
    accent('beak', ['beak', 'bill', 'legs', 'feet', 'comb'], 'peel', { color: b.beakColor }),
    eyesGroup,
  ];
  if (b.belly) groups.push(accent('belly', ['belly', 'chest', 'breast'], 'feather', { color: b.belly }));
  return {
    id: b.id,
    category: 'animal',
    nouns: b.nouns,
    hypernyms: b.hypernyms ?? [],
    groups,
    size: SIZES[b.id],
    build(ctx) {
      const { kit, rng, size } = ctx;
      const L = b.length * rng.range(0.9, 1.1) * size.width;
      const legH = b.legLen * L;
      const bodyR = L * 0.3;
      const parts: BuiltPart[] = [];
      const up = b.upright ? 1 : 0;
      const cy = legH + bodyR * (up ? 1.5 : 0.95);
      const bodyC: Vec3 = [0, cy, 0];
      const neck = (b.neck ?? 0.3) * L;
      const headR = L * (up ? 0.22 : 0.17);
      const headC: Vec3 = up
        ? [0, cy + bodyR * 1.4 + headR * 0.4, bodyR * 0.15]
        : [0, cy + bodyR * 0.5 + neck * 0.8, bodyR * 0.9 + neck * 0.3];
      const prims: SdfPrimitive[] = [
        up
          ? sdfEllipsoid(bodyC, [bodyR * 0.95, bodyR * 1.55, bodyR * 0.9])
          : sdfEllipsoid(bodyC, [bodyR * 0.8, bodyR * 0.75, L * 0.5], 0, 0.15),
        sdfCapsule(
          [0, cy + bodyR * (up ? 0.9 : 0.3), up ? 0 : bodyR * 0.8],
          headC,
          bodyR * 0.45,
          headR * 0.8,
          bodyR * 0.3,
        ),
        sdfSphere(headC, headR, headR * 0.3),
      ];
      if (!up)
        prims.push(
          sdfEllipsoid(
            [0, cy + bodyR * 0.3, -L * 0.55],
            [bodyR * 0.45, bodyR * 0.12, L * 0.28],
            bodyR * 0.25,
            -0.3,
          ),
        );
      parts.push({ name: 'body', group: 'body', mesh: ctx.sdf(prims, L / 28), creaseAngle: 75 });
      // Wings: flat ovals along the sides.
      for (const [i, s] of [-1, 1].entries()) {
        const wing = kit
          .sphere(1, 14)
          .scale([bodyR * 0.15, bodyR * (up ? 1.1 : 0.55), L * (up ? 0.28 : 0.42)]);
        parts.push({
          name: `wing_${i + 1}`,
          group: 'wings',
          solid: wing
            .rotate(up ? 8 : -12, 0, s * (up ? 12 : 8))
            .translate(
              s * bodyR * (up ? 0.88 : 0.72),
              cy + bodyR * (up ? -0.1 : 0.15),
              up ? -bodyR * 0.1 : -L * 0.08,
            ),
        });
      }
      if (b.belly)
        parts.push({
          name: 'belly',
          group: 'belly',
          solid: kit
            .sphere(1, 20)
            .scale(up ? [bodyR * 0.75, bodyR * 1.3, bodyR * 0.4] : [bodyR * 0.6, bodyR * 0.5, L * 0.35])
            .translate(0, cy - bodyR * 0.1, bodyR * (up ? 0.58 : 0.3)),
        });
      // Beak.
      const beakL = headR * (b.beak === 'flat' ? 1.3 : b.beak === 'hook' ? 0.8 : 0.9);
      const bz = headC[2] + headR * 0.85;
      const beak =
        b.beak === 'flat'
          ? kit
              .sphere(1, 12)
              .scale([headR * 0.4, headR * 0.14, beakL * 0.6])
              .translate(0, headC[1] - headR * 0.15, bz + beakL * 0.35)
          : kit
              .cylinder(headR * (b.beak === 'hook' ? 0.32 : 0.26), beakL, { radiusTop: 0.0005, segments: 10 })
              .rotate(b.beak === 'hook' ? 105 : 90, 0, 0)
              .translate(0, headC[1] - headR * 0.1, bz - headR * 0.1);
      parts.push({ name: 'beak', group: 'beak', solid: beak });
      if (b.comb)
        parts.push({
          name: 'comb',
          group: 'beak',
          solid: kit
            .sphere(1, 10)
            .scale([headR * 0.12, headR * 0.45, headR * 0.6])
            .translate(0, headC[1] + headR * 0.95, headC[2]),
        });
      const eyes: Solid[] = [-1, 1].map((s) =>
        kit
          .sphere(headR * 0.15, 10)
          .translate(s * headR * 0.68, headC[1] + headR * 0.25, headC[2] + headR * 0.55),
      );
      parts.push({ name: 'eyes', group: 'eyes', solid: kit.compose(eyes) });
      // Legs and feet.
      for (const [i, s] of [-1, 1].entries()) {
        const x = s * bodyR * 0.35;
        const leg = kit
          .cylinder(Math.max(0.002, L * 0.02), legH + bodyR * 0.3, { segments: 6 })
          .translate(x, 0.002, 0);
        const foot = kit
          .extrude(leafOutline(L * 0.14, L * 0.06, 4), Math.max(0.002, L * 0.015))
          .rotate(-90, 0, 0)
          .translate(x, Math.max(0.001, L * 0.0075), -L * 0.02);
        parts.push(
          { name: `leg_${i + 1}`, group: 'beak', solid: leg },
          { name: `foot_${i + 1}`, group: 'beak', solid: foot },
        );
      }
      return parts;
    },
  };
}

export const birdFamily = bird({
  id: 'bird',
  nouns: [
    { word: 'bird' },
    { word: 'sparrow' },
    { word: 'robin' },
    { word: 'songbird' },
    { word: 'finch' },
    { word: 'bluebird' },
    { word: 'canary' },
    { word: 'pigeon' },
    { word: 'dove' },
    { word: 'crow' },
    { word: 'raven' },
    { word: 'seagull' },
    { word: 'gull' },
  ],
  color: 'steelblue',
  beakColor: 'orange',
  length: 0.16,
  legLen: 0.25,
  beak: 'cone',
  hypernyms: ['bird', 'passerine'],
  belly: 'wheat',
});
export const chicken = bird({
  id: 'chicken',
  nouns: [
    { word: 'chicken' },
    { word: 'hen' },
    { word: 'rooster' },
    { word: 'cockerel' },
    { word: 'chick' },
    { word: 'turkey' },
  ],
  color: 'white',
  beakColor: 'orange',
  length: 0.4,
  legLen: 0.3,
  neck: 0.35,
  beak: 'cone',
  comb: true,
  hypernyms: ['domestic fowl', 'poultry', 'gallinaceous bird'],
});
export const duck = bird({
  id: 'duck',
  nouns: [
    { word: 'duck' },
    { word: 'duckling' },
    { word: 'mallard' },
    { word: 'goose' },
    { word: 'rubber duck' },
    { word: 'rubber ducky' },
  ],
  color: 'gold',
  beakColor: 'orange',
  length: 0.45,
  legLen: 0.05,
  neck: 0.35,
  beak: 'flat',
  hypernyms: ['duck', 'anseriform bird', 'waterfowl'],
});
export const swan = bird({
  id: 'swan',
  nouns: [{ word: 'swan' }, { word: 'cygnet' }],
  color: 'white',
  beakColor: 'orange',
  length: 1.2,
  legLen: 0.03,
  neck: 0.75,
  beak: 'flat',
});
export const owl = bird({
  id: 'owl',
  nouns: [{ word: 'owl' }, { word: 'owlet' }],
  color: 'sienna',
  beakColor: 'goldenrod',
  length: 0.35,
  upright: true,
  legLen: 0.05,
  beak: 'hook',
  belly: 'tan',
  hypernyms: ['owl', 'bird of prey'],
});
export const penguin = bird({
  id: 'penguin',
  nouns: [{ word: 'penguin' }],
  color: 'black',
  beakColor: 'orange',
  length: 0.45,
  upright: true,
  legLen: 0.04,
  beak: 'cone',
  belly: 'white',
});
export const parrot = bird({
  id: 'parrot',
  nouns: [
    { word: 'parrot' },
    { word: 'macaw' },
    { word: 'parakeet' },
    { word: 'budgie' },
    { word: 'cockatoo' },
  ],
  color: 'red',
  beakColor: 'ivory',
  length: 0.5,
  upright: true,
  legLen: 0.12,
  beak: 'hook',
  belly: 'gold',
});
export const eagle = bird({
  id: 'eagle',
  nouns: [{ word: 'eagle' }, { word: 'hawk' }, { word: 'falcon' }, { word: 'vulture' }, { word: 'condor' }],
  color: 'saddlebrown',
  beakColor: 'gold',
  length: 0.9,
  upright: true,
  legLen: 0.12,
  beak: 'hook',
  hypernyms: ['bird of prey', 'raptor'],
});
export const flamingo = bird({
  id: 'flamingo',
  nouns: [{ word: 'flamingo' }, { word: 'heron' }, { word: 'stork' }, { word: 'crane bird' }],
  color: 'hotpink',
  beakColor: 'black',
  length: 0.6,
  legLen: 1.3,
  neck: 0.9,
  beak: 'cone',
});

// ---- fish and sea life ---------------------------------------------------------------------------------

interface FishSpec {
  id: string;
  nouns: FamilyNoun[];
  color: string;
  length: number;
  /** Height and width as shares of the length. */
  tall: number;
  thick: number;
  dorsal: number;
  pattern?: { id: PatternId; color2: string };
  beak?: boolean;
  hypernyms?: string[];
  /** Whales and dolphins have horizontal tails. */
  flukes?: boolean;
  /** The coat material (scales; skin for sharks and whales). */
  coat?: string;
}

function fish(f: FishSpec): FamilyDefinition {
  return {
    id: f.id,
    category: 'animal',
    nouns: f.nouns,
    ...(f.hypernyms ? { hypernyms: f.hypernyms } : {}),
    groups: [
      colored('body', ['body', 'scales', 'skin'], f.coat ?? 'scales', {
        color: f.color,
        takesMainMaterial: true,
        ...(f.pattern ? { pattern: f.pattern } : {}),
      }),
      colored('fins', ['fin', 'fins', 'tail'], f.coat ?? 'scales', {
        color: f.color,
        takesMainMaterial: true,
      }),
      eyesGroup,
    ],
    size: SIZES[f.id],
    build(ctx) {
      const { kit, rng, size } = ctx;
      const L = f.length * rng.range(0.9, 1.1) * size.width;
      const h = L * f.tall;
      const w = L * f.thick;
      const cy = h * 0.55;
      const prims: SdfPrimitive[] = [
        sdfEllipsoid([0, cy, L * 0.05], [w / 2, h / 2, L * 0.38]),
        sdfEllipsoid([0, cy, -L * 0.25], [w * 0.3, h * 0.25, L * 0.25], h * 0.15),
        // The dorsal fin is thin; at least about a grid step thick, or the grid misses it (a shark
        // without its fin at medium and low detail, with it at high).
        sdfEllipsoid(
          [0, cy + h * 0.45, -L * 0.02],
          [Math.max(w * 0.06, L / 45), h * f.dorsal, L * 0.12],
          h * 0.1,
          0,
          0,
        ),
      ];
      if (f.beak)
        prims.push(
          sdfCapsule([0, cy - h * 0.1, L * 0.35], [0, cy - h * 0.15, L * 0.55], h * 0.12, h * 0.06, h * 0.08),
        );
      const parts: BuiltPart[] = [
        { name: 'body', group: 'body', mesh: ctx.sdf(prims, L / 30), creaseAngle: 75 },
      ];
      const tailZ = -L * 0.46;
      const tail = kit.extrude(
        [
          [0, 0],
          [h * 0.55, -L * 0.2],
          [h * 0.3, -L * 0.14],
          [0, -L * 0.12],
          [-h * 0.3, -L * 0.14],
          [-h * 0.55, -L * 0.2],
        ],
        Math.max(0.002, w * 0.08),
      );
      const tailSolid = f.flukes
        ? tail.rotate(90, 0, 0).rotate(0, 90, 0).rotate(0, 0, 90)
        : tail.rotate(0, -90, 0);
      parts.push({
        name: 'tail',
        group: 'fins',
        solid: (f.flukes
          ? kit
              .extrude(
                [
                  [0, 0],
                  [-L * 0.2, h * 0.6],
                  [-L * 0.14, h * 0.3],
                  [-L * 0.12, 0],
                  [-L * 0.14, -h * 0.3],
                  [-L * 0.2, -h * 0.6],
                ],
                Math.max(0.002, h * 0.06),
              )
              .rotate(90, 0, 0)
              .rotate(0, 90, 0)
          : tailSolid
        ).translate(0, cy, tailZ + L * 0.02),
      });
      for (const [i, s] of [-1, 1].entries()) {
        const fin = kit
          .sphere(1, 10)
          .scale([w * 0.04, h * 0.12, L * 0.1])
          .rotate(-30, 0, s * 40)
          .translate(s * w * 0.45, cy - h * 0.2, L * 0.12);
        parts.push({ name: `fin_${i + 1}`, group: 'fins', solid: fin });
      }
      const eyes: Solid[] = [-1, 1].map((s) =>
        kit.sphere(h * 0.07, 10).translate(s * w * 0.36, cy + h * 0.12, L * 0.3),
      );
      parts.push({ name: 'eyes', group: 'eyes', solid: kit.compose(eyes) });
      return parts;
    },
  };
}

export const fishFamily = fish({
  id: 'fish',
  nouns: [
    { word: 'fish' },
    { word: 'trout' },
    { word: 'salmon fish' },
    { word: 'carp' },
    { word: 'bass fish' },
    { word: 'tuna' },
    { word: 'cod' },
    { word: 'piranha' },
  ],
  color: 'slateblue',
  length: 0.35,
  tall: 0.32,
  thick: 0.13,
  dorsal: 0.28,
  hypernyms: ['fish', 'food fish', 'teleost fish', 'aquatic vertebrate'],
  pattern: { id: 'spots', color2: 'lightsteelblue' },
});
export const goldfish = fish({
  id: 'goldfish',
  nouns: [
    { word: 'goldfish' },
    { word: 'koi' },
    { word: 'clownfish', variant: 'clown' },
    { word: 'angelfish' },
  ],
  color: 'darkorange',
  length: 0.12,
  tall: 0.45,
  thick: 0.2,
  dorsal: 0.35,
});
export const shark = fish({
  id: 'shark',
  nouns: [{ word: 'shark' }, { word: 'great white' }],
  color: 'slategray',
  coat: 'skin',
  length: 3.5,
  tall: 0.22,
  thick: 0.16,
  dorsal: 0.5,
  hypernyms: ['shark', 'elasmobranch'],
});
export const whale = fish({
  id: 'whale',
  nouns: [{ word: 'whale' }, { word: 'orca' }, { word: 'killer whale' }, { word: 'blue whale' }],
  color: 'steelblue',
  coat: 'skin',
  length: 12,
  tall: 0.2,
  thick: 0.2,
  dorsal: 0.15,
  flukes: true,
  hypernyms: ['whale', 'cetacean'],
});
export const dolphin = fish({
  id: 'dolphin',
  nouns: [{ word: 'dolphin' }, { word: 'porpoise' }],
  color: 'lightslategray',
  coat: 'skin',
  length: 2.3,
  tall: 0.2,
  thick: 0.17,
  dorsal: 0.35,
  beak: true,
  flukes: true,
});

// ---- insects, spiders, snails --------------------------------------------------------------------------

function bug(
  id: string,
  nouns: FamilyNoun[],
  color: string,
  o: {
    length: number;
    legs: number;
    segments: Array<[number, number]>;
    wings?: 'bee' | 'butterfly';
    pattern?: { id: PatternId; color2: string };
    antennae?: boolean;
    hypernyms?: string[];
  },
): FamilyDefinition {
  return {
    id,
    category: 'animal',
    nouns,
    ...(o.hypernyms ? { hypernyms: o.hypernyms } : {}),
    groups: [
      colored('body', ['body', 'shell', 'abdomen', 'thorax', 'head'], 'scales', {
        color,
        takesMainMaterial: true,
        ...(o.pattern ? { pattern: o.pattern } : {}),
      }),
      accent('legs', ['leg', 'legs', 'antennae', 'antenna'], 'obsidian'),
      colored('wings', ['wing', 'wings'], o.wings === 'bee' ? 'glass' : 'paper', {
        color: o.wings === 'butterfly' ? 'dodgerblue' : 'white',
        pattern: o.wings === 'butterfly' ? { id: 'dots', color2: 'black' } : undefined,
      }),
      eyesGroup,
    ],
    size: SIZES[id],
    build(ctx) {
      const { kit, rng, size } = ctx;
      const L = o.length * rng.range(0.9, 1.1) * size.width;
      const parts: BuiltPart[] = [];
      const legH = L * 0.12;
      let z = L / 2;
      const body: Solid[] = [];
      const centres: Array<{ z: number; r: number }> = [];
      for (const [share, radius] of o.segments) {
        const len = share * L;
        const r = radius * L;
        centres.push({ z: z - len / 2, r });
        body.push(
          kit
            .sphere(1, 16)
            .scale([r, r * 0.85, len / 2 + r * 0.15])
            .translate(0, legH + r * 0.85, z - len / 2),
        );
        z -= len;
      }
      parts.push({ name: 'body', group: 'body', solid: kit.union(body), creaseAngle: 70 });
      const head = centres[0];
      parts.push({
        name: 'eyes',
        group: 'eyes',
        solid: kit.compose(
          [-1, 1].map((s) =>
            kit
              .sphere(head.r * 0.35, 8)
              .translate(s * head.r * 0.6, legH + head.r * 1.1, head.z + head.r * 0.55),
          ),
        ),
      });
      const thorax = centres[Math.min(1, centres.length - 1)];
      const legs: Solid[] = [];
      const n = o.legs / 2;
      for (let i = 0; i < n; i++) {
        const lz = thorax.z + (i - (n - 1) / 2) * thorax.r * 0.9;
        for (const s of [-1, 1]) {
          const reach = o.legs === 8 ? 0.45 : 0.2;
          const spread = (i - (n - 1) / 2) * L * (o.legs === 8 ? 0.22 : 0.18);
          const path = bezier(
            [s * thorax.r * 0.5, legH + thorax.r * 0.8, lz],
            [s * (thorax.r + L * reach * 0.6), legH + thorax.r + L * 0.05, lz + spread * 0.5],
            [s * (thorax.r + L * reach), 0.0006, lz + spread],
            6,
          );
          legs.push(kit.tube(path, Math.max(0.0005, L * (o.legs === 8 ? 0.018 : 0.012)), { segments: 5 }));
        }
      }
      if (o.antennae) {
        for (const s of [-1, 1])
          legs.push(
            kit.tube(
              bezier(
                [s * head.r * 0.3, legH + head.r * 1.4, head.z + head.r * 0.5],
                [s * head.r * 0.8, legH + head.r * 3, head.z + head.r * 1.5],
                [s * head.r * 1.4, legH + head.r * 3.2, head.z + head.r * 2.5],
                6,
              ),
              Math.max(0.0005, L * 0.01),
              { segments: 5 },
            ),
          );
      }
      parts.push({ name: 'legs', group: 'legs', solid: kit.union(legs) });
      if (o.wings === 'bee' || o.wings === 'butterfly') {
        const big = o.wings === 'butterfly';
        for (const [i, s] of [-1, 1].entries()) {
          const ww = big ? L * 1.3 : L * 0.5;
          const wing = kit.extrude(
            big
              ? [
                  [0, 0],
                  [ww, ww * 0.6],
                  [ww * 0.9, -ww * 0.1],
                  [ww * 0.6, -ww * 0.6],
                  [ww * 0.1, -ww * 0.3],
                ]
              : [
                  [0, 0],
                  [ww, ww * 0.25],
                  [ww * 0.8, -ww * 0.15],
                ],
            Math.max(0.0008, L * 0.01),
          );
          const placed = wing
            .rotate(90, 0, 0)
            .rotate(0, 0, big ? 50 : 15)
            .rotate(0, s > 0 ? 0 : 180, 0)
            .translate(s * thorax.r * 0.3, legH + thorax.r * 1.6, thorax.z);
          parts.push({ name: `wing_${i + 1}`, group: 'wings', solid: placed });
        }
      }
      return parts;
    },
  };
}

export const ant = bug('ant', [{ word: 'ant' }, { word: 'termite' }], 'black', {
  length: 0.012,
  legs: 6,
  segments: [
    [0.25, 0.11],
    [0.25, 0.08],
    [0.5, 0.16],
  ],
  antennae: true,
});
export const bee = bug(
  'bee',
  [{ word: 'bee' }, { word: 'bumblebee' }, { word: 'honeybee' }, { word: 'wasp' }, { word: 'hornet' }],
  'gold',
  {
    length: 0.018,
    legs: 6,
    segments: [
      [0.22, 0.14],
      [0.28, 0.17],
      [0.5, 0.22],
    ],
    wings: 'bee',
    pattern: { id: 'stripes', color2: 'black' },
    antennae: true,
    hypernyms: ['bee', 'hymenopterous insect'],
  },
);
export const butterfly = bug('butterfly', [{ word: 'butterfly' }, { word: 'moth' }], 'black', {
  length: 0.045,
  legs: 6,
  segments: [
    [0.15, 0.06],
    [0.25, 0.07],
    [0.6, 0.06],
  ],
  wings: 'butterfly',
  antennae: true,
  hypernyms: ['lepidopterous insect'],
});
export const beetle = bug(
  'beetle',
  [
    { word: 'beetle' },
    { word: 'ladybug' },
    { word: 'ladybird' },
    { word: 'bug' },
    { word: 'insect' },
    { word: 'scarab' },
    { word: 'cockroach' },
  ],
  'red',
  {
    length: 0.01,
    legs: 6,
    segments: [
      [0.2, 0.18],
      [0.8, 0.42],
    ],
    pattern: { id: 'dots', color2: 'black' },
    antennae: true,
    hypernyms: ['insect', 'beetle', 'arthropod', 'invertebrate'],
  },
);
export const spider = bug(
  'spider',
  [{ word: 'spider' }, { word: 'tarantula' }, { word: 'arachnid' }, { word: 'scorpion' }],
  'black',
  {
    length: 0.03,
    legs: 8,
    segments: [
      [0.4, 0.2],
      [0.6, 0.28],
    ],
    hypernyms: ['arachnid', 'spider'],
  },
);

// ---- other animals ------------------------------------------------------------------------------------

export const snake: FamilyDefinition = {
  id: 'snake',
  category: 'animal',
  nouns: [
    { word: 'snake' },
    { word: 'serpent' },
    { word: 'cobra' },
    { word: 'python' },
    { word: 'viper' },
    { word: 'worm', variant: 'worm' },
    { word: 'earthworm', variant: 'worm' },
  ],
  hypernyms: ['snake', 'serpent', 'ophidian'],
  variantMaterials: { worm: { body: ['skin', 'pink'] } },
  groups: [
    colored('body', ['body', 'scales', 'skin'], 'scales', {
      color: 'olivedrab',
      takesMainMaterial: true,
      pattern: { id: 'zigzag', color2: 'darkolivegreen' },
    }),
    eyesGroup,
  ],
  size: { width: [0.024, 0.42], height: [0.0057, 0.11], depth: [0.09, 1.5] },
  build(ctx) {
    const { kit, rng, size, variant } = ctx;
    const L = (variant === 'worm' ? rng.range(0.12, 0.18) : rng.range(1.2, 1.8)) * size.width;
    const r = L * (variant === 'worm' ? 0.025 : 0.028);
    const waves = rng.range(1.6, 2.4);
    const amp = L * 0.1;
    const path: Vec3[] = [];
    const n = 40;
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      path.push([Math.sin(t * Math.PI * 2 * waves) * amp * (0.4 + t * 0.6), r, L * (0.5 - t) * 0.7]);
    }
    path.reverse();
    const radii = path.map((_, i) => r * Math.max(0.15, Math.min(1, (i + 1) / 10)) * (i > n - 3 ? 0.9 : 1));
    const head = path[path.length - 1];
    const parts: BuiltPart[] = [
      {
        name: 'body',
        group: 'body',
        solid: kit.tube(path, radii, { segments: 10 }).add(
          kit
            .sphere(r * 1.25, 14)
            .scale([1, 0.75, 1.3])
            .translate(head[0], r * 0.95, head[2] + r * 0.4),
        ),
        creaseAngle: 60,
      },
    ];
    if (variant !== 'worm')
      parts.push({
        name: 'eyes',
        group: 'eyes',
        solid: kit.compose(
          [-1, 1].map((s) =>
            kit.sphere(r * 0.22, 8).translate(head[0] + s * r * 0.85, r * 1.35, head[2] + r * 0.8),
          ),
        ),
      });
    return parts;
  },
};

export const turtle: FamilyDefinition = {
  id: 'turtle',
  category: 'animal',
  nouns: [{ word: 'turtle' }, { word: 'tortoise' }, { word: 'terrapin' }],
  groups: [
    colored('shell', ['shell', 'carapace'], 'scales', {
      color: 'darkolivegreen',
      takesMainMaterial: true,
      pattern: { id: 'checks', color2: 'olivedrab' },
    }),
    colored('body', ['body', 'head', 'legs', 'skin'], 'skin', { color: 'yellowgreen' }),
    eyesGroup,
  ],
  size: { width: [0.23, 0.41], height: [0.13, 0.24], depth: [0.31, 0.54] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const L = rng.range(0.25, 0.4) * size.width;
    const r = L / 2;
    const legY = r * 0.15;
    const body = ctx.sdf(
      [
        sdfEllipsoid([0, legY + r * 0.15, 0], [r * 0.78, r * 0.2, r * 0.9]),
        sdfCapsule([0, legY + r * 0.25, r * 0.7], [0, legY + r * 0.45, r * 1.2], r * 0.17, r * 0.2, r * 0.1),
        ...[
          [-1, 1],
          [1, 1],
          [-1, -1],
          [1, -1],
        ].map(([sx, sz]) =>
          sdfCapsule(
            [sx * r * 0.5, legY + r * 0.15, sz * r * 0.5],
            [sx * r * 0.85, r * 0.1, sz * r * 0.75],
            r * 0.13,
            r * 0.1,
            r * 0.08,
          ),
        ),
        sdfCapsule([0, legY + r * 0.1, -r * 0.8], [0, legY, -r * 1.1], r * 0.08, r * 0.02, r * 0.05),
      ],
      L / 28,
    );
    const shell = kit
      .sphere(1, 28)
      .scale([r * 0.82, r * 0.55, r * 0.95])
      .translate(0, legY + r * 0.12, 0);
    return [
      { name: 'body', group: 'body', mesh: body, creaseAngle: 75 },
      { name: 'shell', group: 'shell', solid: shell, creaseAngle: 60 },
      {
        name: 'eyes',
        group: 'eyes',
        solid: kit.compose(
          [-1, 1].map((s) => kit.sphere(r * 0.04, 8).translate(s * r * 0.12, legY + r * 0.52, r * 1.28)),
        ),
      },
    ];
  },
};

export const frog: FamilyDefinition = {
  id: 'frog',
  category: 'animal',
  nouns: [{ word: 'frog' }, { word: 'toad' }, { word: 'bullfrog' }, { word: 'tadpole' }],
  hypernyms: ['frog', 'anuran', 'amphibian'],
  groups: [
    colored('body', ['body', 'skin'], 'skin', { color: 'forestgreen', takesMainMaterial: true }),
    eyesGroup,
  ],
  size: { width: [0.074, 0.12], height: [0.042, 0.066], depth: [0.068, 0.11] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const L = rng.range(0.07, 0.1) * size.width;
    const r = L / 2;
    const body = ctx.sdf(
      [
        sdfEllipsoid([0, r * 0.55, -r * 0.1], [r * 0.7, r * 0.45, r * 0.85], 0, 0, 0),
        sdfEllipsoid([0, r * 0.75, r * 0.55], [r * 0.62, r * 0.35, r * 0.45], r * 0.2),
        ...[-1, 1].map((s) => sdfSphere([s * r * 0.38, r * 1.02, r * 0.6], r * 0.2, r * 0.1)),
        ...[-1, 1].map((s) =>
          sdfEllipsoid([s * r * 0.75, r * 0.3, -r * 0.45], [r * 0.3, r * 0.28, r * 0.55], r * 0.12),
        ),
        ...[-1, 1].map((s) =>
          sdfEllipsoid([s * r * 0.85, r * 0.08, -r * 0.05], [r * 0.25, r * 0.07, r * 0.55], r * 0.06),
        ),
        ...[-1, 1].map((s) =>
          sdfCapsule(
            [s * r * 0.45, r * 0.45, r * 0.55],
            [s * r * 0.6, r * 0.07, r * 0.85],
            r * 0.1,
            r * 0.08,
            r * 0.08,
          ),
        ),
      ],
      L / 28,
    );
    return [
      { name: 'body', group: 'body', mesh: body, creaseAngle: 75 },
      {
        name: 'eyes',
        group: 'eyes',
        solid: kit.compose(
          [-1, 1].map((s) => kit.sphere(r * 0.12, 10).translate(s * r * 0.42, r * 1.1, r * 0.72)),
        ),
      },
    ];
  },
};

export const crab: FamilyDefinition = {
  id: 'crab',
  category: 'animal',
  nouns: [
    { word: 'crab' },
    { word: 'lobster', variant: 'lobster' },
    { word: 'crayfish', variant: 'lobster' },
    { word: 'shrimp', variant: 'lobster' },
  ],
  hypernyms: ['crustacean', 'decapod crustacean'],
  groups: [
    colored('body', ['body', 'shell', 'claws', 'claw', 'pincers'], 'scales', {
      color: 'orangered',
      takesMainMaterial: true,
    }),
    colored('legs', ['leg', 'legs'], 'scales', { color: 'orangered', takesMainMaterial: true }),
    eyesGroup,
  ],
  size: { width: [0.2, 0.34], height: [0.056, 0.093], depth: [0.12, 0.21] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const w = rng.range(0.12, 0.18) * size.width;
    const y = w * 0.18;
    const prims: SdfPrimitive[] = [sdfEllipsoid([0, y + w * 0.05, 0], [w * 0.5, w * 0.16, w * 0.35])];
    for (const s of [-1, 1]) {
      const arm: Vec3 = [s * w * 0.55, y + w * 0.1, w * 0.45];
      prims.push(sdfCapsule([s * w * 0.3, y, w * 0.2], arm, w * 0.06, w * 0.05, w * 0.04));
      prims.push(sdfEllipsoid([arm[0], arm[1], arm[2] + w * 0.12], [w * 0.1, w * 0.08, w * 0.16], w * 0.04));
    }
    const parts: BuiltPart[] = [
      { name: 'body', group: 'body', mesh: ctx.sdf(prims, w / 26), creaseAngle: 70 },
    ];
    const legs: Solid[] = [];
    for (let i = 0; i < 4; i++) {
      for (const s of [-1, 1]) {
        const z = w * (0.12 - i * 0.1);
        legs.push(
          kit.tube(
            bezier(
              [s * w * 0.35, y, z],
              [s * w * 0.7, y + w * 0.2, z - w * 0.05],
              [s * w * 0.85, 0.002, z - w * 0.1],
              6,
            ),
            w * 0.025,
            { segments: 6 },
          ),
        );
      }
    }
    parts.push({ name: 'legs', group: 'legs', solid: kit.union(legs) });
    parts.push({
      name: 'eyes',
      group: 'eyes',
      solid: kit.compose(
        [-1, 1].map((s) => kit.sphere(w * 0.03, 8).translate(s * w * 0.12, y + w * 0.27, w * 0.28)),
      ),
    });
    return parts;
  },
};

export const octopus: FamilyDefinition = {
  id: 'octopus',
  category: 'animal',
  nouns: [
    { word: 'octopus' },
    { word: 'squid' },
    { word: 'kraken' },
    { word: 'jellyfish', variant: 'jelly' },
  ],
  hypernyms: ['cephalopod', 'mollusk'],
  groups: [
    colored('body', ['body', 'tentacles', 'head', 'arms'], 'skin', {
      color: 'mediumvioletred',
      takesMainMaterial: true,
    }),
    eyesGroup,
  ],
  size: { width: [0.48, 0.79], height: [0.28, 0.46], depth: [0.4, 0.66] },
  build(ctx) {
    const { kit, rng, size } = ctx;
    const r = rng.range(0.12, 0.18) * size.width;
    const prims: SdfPrimitive[] = [sdfEllipsoid([0, r * 1.5, -r * 0.1], [r * 0.75, r * 0.95, r * 0.85])];
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2 + 0.2;
      const d: Vec3 = [Math.cos(a), 0, Math.sin(a)];
      const mid: Vec3 = [d[0] * r * 1.1, r * 0.25, d[2] * r * 1.1];
      const tip: Vec3 = [d[0] * r * 1.9 + Math.sin(a * 3) * r * 0.3, r * 0.12, d[2] * r * 1.9];
      prims.push(sdfCapsule([d[0] * r * 0.3, r * 0.8, d[2] * r * 0.3], mid, r * 0.22, r * 0.13, r * 0.2));
      prims.push(sdfCapsule(mid, tip, r * 0.13, r * 0.04, r * 0.06));
    }
    return [
      { name: 'body', group: 'body', mesh: ctx.sdf(prims, r / 7), creaseAngle: 75 },
      {
        name: 'eyes',
        group: 'eyes',
        solid: kit.compose(
          [-1, 1].map((s) => kit.sphere(r * 0.13, 10).translate(s * r * 0.35, r * 1.3, r * 0.65)),
        ),
      },
    ];
  },
};

export const ANIMALS: FamilyDefinition[] = [
  dog,
  cat,
  horse,
  cow,
  pig,
  sheep,
  goat,
  deer,
  elephant,
  bear,
  lion,
  tiger,
  zebra,
  giraffe,
  rabbit,
  mouse,
  fox,
  wolf,
  camel,
  hippo,
  rhino,
  squirrel,
  dragon,
  birdFamily,
  chicken,
  duck,
  swan,
  owl,
  penguin,
  parrot,
  eagle,
  flamingo,
  fishFamily,
  goldfish,
  shark,
  whale,
  dolphin,
  ant,
  bee,
  butterfly,
  beetle,
  spider,
  snake,
  turtle,
  frog,
  crab,
  octopus,
];
