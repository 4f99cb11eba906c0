import type { Asset, AssetLod, AssetPart, Mesh, Vec3 } from '../../asset/asset.js';
import { getManifold } from '../../geometry/manifold.js';
import { type SdfPrimitive, sdfToMesh } from '../../geometry/sdf.js';
import { fitBounds, loadSimplifier, simplifyClosed } from '../../geometry/simplify.js';
import { type Solid, SolidKit } from '../../geometry/solid.js';
import { buildSurfaceMesh } from '../../geometry/surface.js';
import type { ImageInput, Progress } from '../base.js';
import { type BuiltPart, type FamilyDefinition, getFamily } from './families/index.js';
import type { Cavity, RestArea } from './families/types.js';
import { interpretPrompt } from './interpret/interpret.js';
import { type Box3, type LayoutItem, layoutScene, type Placement } from './layout.js';
import { extractPalette, type PaletteColor, paletteColorChoice } from './palette.js';
import { Rng } from './random.js';
import type { ObjectSpec, Spec } from './spec.js';
import { styleHints } from './styles.js';
import { type GroupStyle, styleGroups } from './styling.js';

/** How finely objects are built: segment counts, organic grid steps and a triangle budget per object. */
export type DetailLevel = 'low' | 'medium' | 'high';

export interface DetailSettings {
  /** Multiplies every segment count. */
  segmentScale: number;
  /** Multiplies the grid step of organic (signed-distance) surfaces. */
  cellScale: number;
  /** Most triangles one object may have. */
  budget: number;
  /** Bake textures (wood grain, patterns). */
  textures: boolean;
  /** Most triangles one organic (signed-distance) part is simplified to. */
  organicTriangles: number;
}

export const DETAIL_LEVELS: Readonly<Record<DetailLevel, DetailSettings>> = {
  low: { segmentScale: 0.5, cellScale: 1, budget: 2000, textures: true, organicTriangles: 800 },
  medium: { segmentScale: 1, cellScale: 1, budget: 10000, textures: true, organicTriangles: 3000 },
  high: { segmentScale: 1.75, cellScale: 0.6, budget: 50000, textures: true, organicTriangles: 15000 },
};

export interface DreamcadOptions {
  seed: number;
  negativePrompt?: string;
  onProgress?: (p: Progress) => void;
  /** Triangle budget and smoothness per object (default 'medium'). */
  detail?: DetailLevel;
  /** A reference image (file path, encoded bytes or raw pixels); what it does is `useImageAs`. */
  image?: ImageInput;
  /**
   * 'palette' (the default when `image` is given): the image's dominant colour colours the primary
   * object's main parts and its second colour the secondary parts, where the prompt names no colour
   * for them; 'none': the image is ignored. The shape always comes from the prompt.
   */
  useImageAs?: ImageUse;
  /**
   * Levels of detail to add below the full-detail model (LOD0): a count (1–4; level k keeps about
   * 1/2^k of the triangles) or the share of LOD0's triangles each level keeps, e.g. [0.5, 0.2]. Every
   * part is simplified with meshoptimizer, stays closed and keeps its bounding box. They go to
   * `asset.lods`, which the GLB writer exports as `<object>_LOD0`, `<object>_LOD1`, … nodes.
   */
  lods?: number | readonly number[];
}

/** What the procedural engine does with a reference image. */
export type ImageUse = 'palette' | 'none';

/** Colours of the image's palette that are used; smaller clusters (anti-aliased edges, specks) are not. */
const MIN_PALETTE_SHARE = 0.05;

/** What `metadata.palette` records: the image's colours and which parts took them. */
export interface PaletteReport {
  source: 'image';
  colors: PaletteColor[];
  applied: Array<{
    role: 'main' | 'secondary';
    hex: string;
    name: string;
    groups: string[];
    parts: string[];
  }>;
  /** Palette roles that coloured nothing, and why. */
  skipped: Array<{ role: 'main' | 'secondary'; reason: string }>;
}

/** The most LOD levels below LOD0 `lods` may ask for. */
export const MAX_LODS = 4;

/** The share of LOD0's triangles each LOD level keeps, from the `lods` option; throws on nonsense. */
export function lodRatios(lods: DreamcadOptions['lods']): number[] {
  if (lods === undefined) return [];
  const ratios =
    typeof lods === 'number'
      ? Number.isInteger(lods) && lods >= 0 && lods <= MAX_LODS
        ? Array.from({ length: lods }, (_, k) => 0.5 ** (k + 1))
        : undefined
      : [...lods];
  if (
    !ratios ||
    ratios.length > MAX_LODS ||
    ratios.some((r, k) => !(r > 0 && r < 1) || (k > 0 && !(r < ratios[k - 1])))
  ) {
    throw new RangeError(
      `lods must be a whole number from 0 to ${MAX_LODS}, or up to ${MAX_LODS} decreasing ratios between 0 and 1; got ${JSON.stringify(lods)}`,
    );
  }
  return ratios;
}

/** Instances of one object beyond this many reuse the builds of the first ones (turned differently). */
const DISTINCT_INSTANCES = 6;

/** One instance as built and meshed, in its own frame (footprint centred, on y = 0). */
interface BuiltInstance {
  object: number;
  instance: number;
  family: FamilyDefinition;
  /** `lods[k]` is the part at LOD level k + 1. */
  parts: Array<{ name: string; group: string; mesh: Mesh; lods: Mesh[] }>;
  rest?: RestArea;
  cavity?: Cavity;
  bounds: Box3;
  partBoxes: Box3[];
}

/**
 * The built-in procedural engine: prompt → `Spec` → one or more family generators → named parts →
 * `Asset`. The asset is in metres, +Y up, facing +Z, with its footprint centred on the origin and
 * resting on y = 0. A prompt with several objects ("two oranges in a wooden bowl on a round table")
 * becomes a scene: every object is built at its real size and placed by `layoutScene`, and its parts
 * carry `object` so the GLB gets one node per object. Every part is a watertight manifold solid with
 * crease-split normals and UVs. The same prompt, options and seed always give the same asset.
 *
 * @throws PromptNotUnderstoodError when no word of the prompt names an object.
 * @example
 * const asset = await generateDreamcadAsset('a red wooden chair', { seed: 7 });
 * asset.parts.map((p) => p.name); // ['seat', 'leg_1', 'leg_2', 'leg_3', 'leg_4', 'backrest']
 */
export async function generateDreamcadAsset(prompt: string, options: DreamcadOptions): Promise<Asset> {
  const report = options.onProgress ?? (() => {});
  report({ fraction: 0, stage: 'reading the prompt' });
  const [wasm] = await Promise.all([getManifold(), loadSimplifier()]);
  const spec = interpretPrompt(prompt, { negativePrompt: options.negativePrompt });
  const detail = DETAIL_LEVELS[options.detail ?? 'medium'];
  const useImage = options.image !== undefined && (options.useImageAs ?? 'palette') === 'palette';
  let palette: PaletteColor[] | undefined;
  if (useImage) {
    report({ fraction: 0.02, stage: 'reading the reference image' });
    palette = await extractPalette(options.image!, { colors: 3 });
  }
  const usable = (palette ?? []).filter((c) => c.share >= MIN_PALETTE_SHARE);
  const primary = spec.objects[0].main;
  const imageColors = {
    ...(usable[0] && !primary.color ? { main: paletteColorChoice(usable[0]) } : {}),
    ...(usable[1] ? { secondary: paletteColorChoice(usable[1]) } : {}),
  };
  const ratios = lodRatios(options.lods);

  const built: BuiltInstance[] = [];
  const kits: SolidKit[] = [];
  /** Containers enlarged to hold their contents, by family, with the factor. */
  const grown: Record<string, number> = {};
  try {
    const total = spec.objects.reduce((n, o) => n + o.count, 0);
    let done = 0;
    for (let o = 0; o < spec.objects.length; o++) {
      const object = spec.objects[o];
      const family = getFamily(object.family);
      const hints = styleHints(object.styles);
      const kit = new SolidKit(wasm, {
        segmentScale: detail.segmentScale * (hints.lowPoly ? 0.3 : 1),
        minSegments: hints.lowPoly ? 5 : 6,
      });
      kits.push(kit);
      for (let i = 0; i < object.count; i++) {
        report({
          fraction: 0.05 + (0.55 * done++) / total,
          stage: `building ${family.id}${object.count > 1 ? ` ${i + 1}/${object.count}` : ''}`,
        });
        if (i >= DISTINCT_INSTANCES) {
          const source = built[built.length - DISTINCT_INSTANCES];
          built.push({
            ...source,
            instance: i,
            parts: source.parts.map((p) => ({ ...p, mesh: cloneMesh(p.mesh), lods: p.lods.map(cloneMesh) })),
          });
          continue;
        }
        const seed = o === 0 && i === 0 ? options.seed : mixSeed(options.seed, o, i);
        built.push(buildInstance(kit, family, object, spec, o, i, seed, detail, hints.lowPoly, ratios));
      }
    }
    // A container grows to hold what the prompt puts in it: a bowl at its natural size may have room
    // for one pear of "three pears in a bowl". Its instances are rebuilt at the larger size.
    for (let o = 0; o < spec.objects.length; o++) {
      const grow = containerGrowth(spec, built, o);
      if (grow <= 1) continue;
      grown[built.find((b) => b.object === o)!.family.id] = Math.round(grow * 100) / 100;
      const base = spec.objects[o];
      const object = {
        ...base,
        size: {
          width: base.size.width * grow,
          height: base.size.height * grow,
          depth: base.size.depth * grow,
        },
      };
      const family = getFamily(object.family);
      const lowPoly = styleHints(object.styles).lowPoly;
      for (let k = 0; k < built.length; k++) {
        const b = built[k];
        if (b.object !== o) continue;
        const seed = o === 0 && b.instance === 0 ? options.seed : mixSeed(options.seed, o, b.instance);
        built[k] = buildInstance(kits[o], family, object, spec, o, b.instance, seed, detail, lowPoly, ratios);
      }
    }
  } finally {
    for (const kit of kits) kit.dispose();
  }

  // A scene: place every instance, then move its meshes there.
  const scene = built.length > 1;
  let placements: Placement[] = built.map(() => ({ offset: [0, 0, 0], yaw: 0, how: 'ground' }));
  if (scene) {
    report({ fraction: 0.65, stage: 'arranging the scene' });
    const items: LayoutItem[] = built.map((b) => ({
      object: b.object,
      instance: b.instance,
      family: b.family.id,
      bounds: b.bounds,
      parts: b.partBoxes,
      rest: b.rest,
      cavity: b.cavity,
    }));
    placements = layoutScene(items, spec.relations, new Rng(mixSeed(options.seed, 99, 0)));
    built.forEach((b, k) => {
      for (const p of b.parts) {
        p.mesh = placeMesh(p.mesh, placements[k]);
        p.lods = p.lods.map((m) => placeMesh(m, placements[k]));
      }
    });
    placeOnGround(
      built.flatMap((b) => b.parts.map((p) => p.mesh)),
      built.flatMap((b) => b.parts.flatMap((p) => p.lods)),
    );
  }

  report({ fraction: 0.75, stage: 'materials' });
  const names = objectNames(spec, built);
  const materialCache = new Map();
  const stylesByObject = new Map<number, Map<string, GroupStyle>>();
  const parts: AssetPart[] = [];
  const imageParts: Record<'main' | 'secondary', string[]> = { main: [], secondary: [] };
  const lods: AssetLod[] = ratios.map((_, k) => ({ level: k + 1, parts: [] }));
  for (let k = 0; k < built.length; k++) {
    const b = built[k];
    let styles = stylesByObject.get(b.object);
    if (!styles) {
      const present = [...new Set(b.parts.map((p) => p.group))];
      styles = await styleGroups(
        spec,
        spec.objects[b.object],
        b.family,
        present,
        { textures: detail.textures, ...(b.object === 0 && palette ? { image: imageColors } : {}) },
        materialCache,
      );
      stylesByObject.set(b.object, styles);
    }
    const objectSize = Math.max(...sizeOf(b.bounds));
    for (const p of b.parts) {
      const style = styles.get(p.group)!;
      for (const m of [p.mesh, ...p.lods]) {
        if (style.grain) orientGrain(m);
        if (style.tile !== undefined)
          scaleUvs(m, style.tile === 'object' ? Math.max(0.08, objectSize) : style.tile);
      }
      const name = scene ? `${names[k]}_${p.name}` : p.name;
      if (style.image) imageParts[style.image].push(name);
      const object = scene ? { object: names[k] } : {};
      parts.push({ name, mesh: p.mesh, material: style.material, ...object });
      p.lods.forEach((mesh, level) => {
        lods[level].parts.push({
          name: `${name}_LOD${level + 1}`,
          mesh,
          material: style.material,
          ...object,
        });
      });
    }
  }

  report({ fraction: 1, stage: 'done' });
  const primaryStyles = stylesByObject.get(0)!;
  return {
    parts,
    ...(lods.length > 0 ? { lods } : {}),
    metadata: {
      modelName: 'dreamcad',
      prompt,
      seed: options.seed,
      ...(spec.negativePrompt ? { negativePrompt: spec.negativePrompt } : {}),
      family: spec.family,
      variant: spec.variant ?? null,
      confidence: spec.confidence,
      fallback: spec.fallback ?? null,
      ignoredWords: spec.ignored,
      detail: options.detail ?? 'medium',
      ...(ratios.length > 0 ? { lods: ratios } : {}),
      styles: describeStyles(primaryStyles),
      ...(Object.keys(grown).length > 0 ? { grownContainers: grown } : {}),
      ...(palette ? { palette: paletteReport(palette, usable, spec, primaryStyles, imageParts) } : {}),
      ...(scene
        ? {
            objects: built.map((b, k) => ({
              name: names[k],
              family: b.family.id,
              placement: placements[k].how,
              position: placements[k].offset.map((v) => Math.round(v * 1000) / 1000),
              yaw: placements[k].yaw,
              styles: describeStyles(stylesByObject.get(b.object)!),
            })),
          }
        : {}),
      spec,
    },
  };
}

/** Which palette colours went to which parts of the primary object, and why the others did not. */
function paletteReport(
  colors: PaletteColor[],
  usable: PaletteColor[],
  spec: Spec,
  styles: Map<string, GroupStyle>,
  parts: Record<'main' | 'secondary', string[]>,
): PaletteReport {
  const out: PaletteReport = { source: 'image', colors, applied: [], skipped: [] };
  const object = spec.objects[0];
  (['main', 'secondary'] as const).forEach((role, i) => {
    const color = usable[i];
    const groups = [...styles].filter(([, s]) => s.image === role).map(([g]) => g);
    if (color && groups.length > 0) {
      out.applied.push({ role, hex: color.hex, name: color.name, groups, parts: parts[role] });
      return;
    }
    let reason: string;
    if (colors.length === 0) reason = 'the image has no opaque pixels';
    else if (!color)
      reason =
        i < colors.length
          ? `the image's ${role} colour covers less than ${MIN_PALETTE_SHARE * 100} % of it`
          : 'the image has only one colour';
    else if (role === 'main')
      reason = object.main.color
        ? `the prompt gives the colour (${object.main.color.name})`
        : 'the prompt names the colours of the main parts';
    else reason = `no part of the ${object.family} is left to take a second colour`;
    out.skipped.push({ role, reason });
  });
  return out;
}

function describeStyles(styles: Map<string, GroupStyle>): Record<string, unknown> {
  return Object.fromEntries(
    [...styles].map(([group, s]) => [
      group,
      {
        material: s.material.name,
        preset: s.preset,
        source: s.source,
        ...(s.image ? { image: s.image } : {}),
        ...(s.finishes.length > 0 ? { finishes: s.finishes } : {}),
        ...(s.pattern ? { pattern: s.pattern } : {}),
        ...(s.material.baseColorTexture ? { texture: s.material.baseColorTexture.name } : {}),
      },
    ]),
  );
}

/** Contents fill about this share of a container's opening (round things in a ring leave gaps). */
const FILL_SHARE = 0.3;
/** A container grows at most this much (the size words' own limit). */
const MAX_GROWTH = 4;

/**
 * How much object `o` must grow (1 = not at all) so that what the prompt puts in it fits: the contents'
 * footprints must fit its opening, and the widest of them its narrowest inner width.
 */
function containerGrowth(spec: Spec, built: BuiltInstance[], o: number): number {
  const cavity = built.find((b) => b.object === o)?.cavity;
  if (!cavity) return 1;
  const contents = new Set(
    spec.relations.filter((r) => r.kind === 'in' && r.target === o).map((r) => r.subject),
  );
  if (contents.size === 0) return 1;
  let area = 0;
  let widest = 0;
  for (const b of built) {
    if (!contents.has(b.object)) continue;
    const [w, , d] = sizeOf(b.bounds);
    area += w * d;
    widest = Math.max(widest, w, d);
  }
  const [hx, hz] = cavity.rimHalf;
  const opening = cavity.round ? Math.PI * hx * hz : 4 * hx * hz;
  const grow = Math.max(Math.sqrt(area / (FILL_SHARE * opening)), widest / (1.9 * Math.min(hx, hz)));
  return Math.min(MAX_GROWTH, grow);
}

/** Builds one instance: generator → meshes within the triangle budget → footprint centred on the ground. */
function buildInstance(
  kit: SolidKit,
  family: FamilyDefinition,
  object: ObjectSpec,
  spec: Spec,
  objectIndex: number,
  instance: number,
  seed: number,
  detail: DetailSettings,
  lowPoly: boolean,
  lodRatios: number[],
): BuiltInstance {
  const anchors: { rest?: RestArea; cavity?: Cavity } = {};
  const hints = styleHints(object.styles);
  const cellScale = detail.cellScale;
  const parts: BuiltPart[] = family.build({
    kit,
    rng: new Rng(seed),
    variant: object.variant,
    size: object.size,
    style: hints,
    has: (group) => isPresent(family, object, group),
    count: (group) => object.partCounts[group],
    anchors,
    sdf: (primitives: SdfPrimitive[], cell: number) =>
      organicMesh(primitives, cell * cellScale, detail.organicTriangles * (lowPoly ? 0.3 : 1)),
  });
  void spec;
  const raw = parts.map((part) => ({ part, mesh: rawMesh(part) })).filter((r) => r.mesh.triangles.length > 0);
  fitBudget(raw, detail.budget, kit);
  const surface = (part: BuiltPart, mesh: { positions: Float32Array; triangles: Uint32Array }) =>
    buildSurfaceMesh(mesh.positions, mesh.triangles, {
      uv: part.uv,
      colorAt: part.colorAt,
      creaseAngle: lowPoly ? 1 : part.creaseAngle,
    });
  const lodMeshes = lodRatios.map((ratio, level) => simplifyLevel(raw, ratio, level, kit));
  const meshed = raw.map(({ part, mesh }, i) => ({
    name: part.name,
    group: part.group,
    mesh: surface(part, mesh),
    lods: lodMeshes.map((level) => surface(part, level[i])),
  }));
  const shift = placeOnGround(
    meshed.map((m) => m.mesh),
    meshed.flatMap((m) => m.lods),
  );
  if (anchors.rest) anchors.rest = shiftRest(anchors.rest, shift);
  if (anchors.cavity) anchors.cavity = shiftCavity(anchors.cavity, shift);
  const partBoxes = meshed.map((m) => meshBox(m.mesh));
  const bounds = partBoxes.reduce(
    (b, p) => ({
      min: [Math.min(b.min[0], p.min[0]), Math.min(b.min[1], p.min[1]), Math.min(b.min[2], p.min[2])] as Vec3,
      max: [Math.max(b.max[0], p.max[0]), Math.max(b.max[1], p.max[1]), Math.max(b.max[2], p.max[2])] as Vec3,
    }),
    { min: [Infinity, Infinity, Infinity] as Vec3, max: [-Infinity, -Infinity, -Infinity] as Vec3 },
  );
  return { object: objectIndex, instance, family, parts: meshed, ...anchors, bounds, partBoxes };
}

/**
 * Organic surface: marching tetrahedra, then simplified (kept closed and manifold, and at its full size)
 * to a third, at most `maxTriangles`. When the simplifier cannot get there within its error bound, the
 * bound is loosened rather than the grid coarsened: a coarser grid drops thin features (a tentacle's tip,
 * a fox's ears) outright.
 */
function organicMesh(primitives: SdfPrimitive[], cell: number, maxTriangles: number) {
  const fits = (m: { triangles: Uint32Array }) => m.triangles.length / 3 <= maxTriangles * 1.5;
  const fine = sdfToMesh(primitives, cell);
  let best = fine;
  for (const error of [0.0015, 0.005, 0.015]) {
    const out = simplifyClosed(fine, { ratio: 0.3, maxTriangles, error });
    if (out.triangles.length < best.triangles.length) best = out;
    if (fits(best)) return best;
  }
  // Over target but simplified: keep it (the object's budget pass goes on from there) rather than
  // coarsen the grid and lose thin features.
  if (best !== fine) return best;
  // Rarely the simplifier cannot keep this grid's surface manifold at all; a slightly coarser grid
  // usually can.
  for (let retry = 1; retry <= 2 && !fits(best); retry++) {
    best = simplifyClosed(sdfToMesh(primitives, cell * 1.25 ** retry), {
      ratio: 0.3,
      maxTriangles,
      error: 0.005,
    });
  }
  return best;
}

function rawMesh(part: BuiltPart): { positions: Float32Array; triangles: Uint32Array } {
  if (part.mesh) return part.mesh;
  if (!part.solid) throw new Error(`part "${part.name}" has neither a solid nor a mesh`);
  const m = part.solid.manifold.getMesh();
  const positions = m.numProp === 3 ? m.vertProperties : pickPositions(m.vertProperties, m.numProp);
  return { positions, triangles: m.triVerts };
}

/**
 * Simplifies the largest parts until the object fits its triangle budget (each part stays closed and
 * keeps its bounding box). Each pass allows a larger error; when meshoptimizer cannot keep a part
 * manifold, manifold-3d's own simplification (which always does) takes over.
 */
function fitBudget(
  raw: Array<{ part: BuiltPart; mesh: { positions: Float32Array; triangles: Uint32Array } }>,
  budget: number,
  kit: SolidKit,
): void {
  const count = () => raw.reduce((n, r) => n + r.mesh.triangles.length / 3, 0);
  for (let pass = 0; pass < 5 && count() > budget; pass++) {
    const total = count();
    const ratio = (budget / total) * 0.95;
    for (const r of raw) {
      const tris = r.mesh.triangles.length / 3;
      if (tris < 64) continue;
      let next = simplifyClosed(r.mesh, { ratio, error: 0.02 * (pass + 1) });
      if (next === r.mesh) next = manifoldSimplify(kit, r.part.solid, r.mesh, pass) ?? r.mesh;
      r.mesh = next;
    }
  }
}

/** manifold-3d's simplification of a part (its solid, or its closed mesh), stretched back to its bounds. */
function manifoldSimplify(
  kit: SolidKit,
  solid: Solid | undefined,
  mesh: { positions: Float32Array; triangles: Uint32Array },
  pass: number,
): { positions: Float32Array; triangles: Uint32Array } | undefined {
  let source = solid;
  if (!source) {
    try {
      source = kit.fromMesh(mesh.positions, mesh.triangles);
    } catch {
      return undefined;
    }
  }
  const b = source.bounds();
  const extent = Math.max(b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]);
  const m = kit.wrap(source.manifold.simplify(extent * 0.004 * (pass + 1) ** 2)).manifold.getMesh();
  if (m.triVerts.length === 0 || m.triVerts.length >= mesh.triangles.length) return undefined;
  const positions = m.numProp === 3 ? m.vertProperties.slice() : pickPositions(m.vertProperties, m.numProp);
  fitBounds(positions, { min: [b.min[0], b.min[1], b.min[2]], max: [b.max[0], b.max[1], b.max[2]] });
  return { positions, triangles: m.triVerts };
}

/**
 * One LOD level: every part simplified towards `ratio` of its full-detail triangles (closed, manifold,
 * same bounding box). The error allowed grows with the level; where meshoptimizer cannot keep a part
 * manifold, manifold-3d simplifies it; parts already tiny are kept as they are.
 */
function simplifyLevel(
  raw: Array<{ part: BuiltPart; mesh: { positions: Float32Array; triangles: Uint32Array } }>,
  ratio: number,
  level: number,
  kit: SolidKit,
): Array<{ positions: Float32Array; triangles: Uint32Array }> {
  return raw.map(({ part, mesh }) => {
    if (mesh.triangles.length / 3 < 32) return mesh;
    const next = simplifyClosed(mesh, { ratio, error: 0.01 * 2 ** level });
    if (next !== mesh) return next;
    return manifoldSimplify(kit, part.solid, mesh, level + 1) ?? mesh;
  });
}

/** Whether an optional group is built: required groups always; optional ones by default, words and negatives. */
export function isPresent(family: FamilyDefinition, object: ObjectSpec, group: string): boolean {
  const g = family.groups.find((x) => x.id === group);
  if (!g) throw new Error(`isPresent: ${family.id} has no part group "${group}"`);
  if (!g.optional) return true;
  if (object.exclude.includes(group)) return false;
  return object.include.includes(group) || g.optional === 'on';
}

/** Unique object names for a scene: the family id, numbered when several share it ("orange_1"). */
function objectNames(spec: Spec, built: BuiltInstance[]): string[] {
  const counts = new Map<string, number>();
  for (const b of built) counts.set(b.family.id, (counts.get(b.family.id) ?? 0) + 1);
  const seen = new Map<string, number>();
  void spec;
  return built.map((b) => {
    const id = b.family.id.replace(/\s+/g, '_');
    if (counts.get(b.family.id) === 1) return id;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return `${id}_${n}`;
  });
}

/** A seed for instance `i` of object `o`, unrelated to neighbouring ones. */
function mixSeed(seed: number, o: number, i: number): number {
  let h = (seed ^ Math.imul(o + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Moves all meshes together so the footprint's centre is at the origin and the lowest point at y = 0;
 * `others` (their LODs) move by the same amount. Returns the shift.
 */
function placeOnGround(meshes: Mesh[], others: Mesh[] = []): Vec3 {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const m of meshes) {
    const p = m.positions;
    for (let i = 0; i < p.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        if (p[i + k] < min[k]) min[k] = p[i + k];
        if (p[i + k] > max[k]) max[k] = p[i + k];
      }
    }
  }
  if (min[0] === Infinity) return [0, 0, 0];
  const shift: Vec3 = [-(min[0] + max[0]) / 2, -min[1], -(min[2] + max[2]) / 2];
  for (const m of [...meshes, ...others]) {
    const p = m.positions;
    for (let i = 0; i < p.length; i += 3) {
      p[i] += shift[0];
      p[i + 1] += shift[1];
      p[i + 2] += shift[2];
    }
  }
  return shift;
}

function shiftRest(r: RestArea, s: Vec3): RestArea {
  return { y: r.y + s[1], min: [r.min[0] + s[0], r.min[1] + s[2]], max: [r.max[0] + s[0], r.max[1] + s[2]] };
}

function shiftCavity(c: Cavity, s: Vec3): Cavity {
  const centre = c.center ?? [0, 0];
  return { ...c, floor: c.floor + s[1], rim: c.rim + s[1], center: [centre[0] + s[0], centre[1] + s[2]] };
}

function meshBox(m: Mesh): Box3 {
  const b: Box3 = { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
  const p = m.positions;
  for (let i = 0; i < p.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      if (p[i + k] < b.min[k]) b.min[k] = p[i + k];
      if (p[i + k] > b.max[k]) b.max[k] = p[i + k];
    }
  }
  return b;
}

function sizeOf(b: Box3): Vec3 {
  return [b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]];
}

/** A copy of a mesh turned and moved by a placement (normals turned with it). */
function placeMesh(m: Mesh, t: Placement): Mesh {
  const a = (t.yaw * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const positions = new Float32Array(m.positions.length);
  const normals = new Float32Array(m.normals.length);
  for (let i = 0; i < positions.length; i += 3) {
    const x = m.positions[i];
    const z = m.positions[i + 2];
    positions[i] = x * c + z * s + t.offset[0];
    positions[i + 1] = m.positions[i + 1] + t.offset[1];
    positions[i + 2] = -x * s + z * c + t.offset[2];
    const nx = m.normals[i];
    const nz = m.normals[i + 2];
    normals[i] = nx * c + nz * s;
    normals[i + 1] = m.normals[i + 1];
    normals[i + 2] = -nx * s + nz * c;
  }
  return { ...m, positions, normals };
}

function cloneMesh(m: Mesh): Mesh {
  return {
    positions: m.positions.slice(),
    normals: m.normals.slice(),
    uvs: m.uvs.slice(),
    indices: m.indices.slice(),
    ...(m.colors ? { colors: m.colors.slice() } : {}),
  };
}

/**
 * Wood grain runs along u (the texture's rings are lines of constant v). Turns each vertex's UV so the
 * grain follows the part's longest axis: a chair leg's grain runs up the leg, a tabletop's along its
 * length. The chart a vertex belongs to is read from its normal (box charts: X → (−z, y), Y → (x, −z),
 * Z → (x, y); turned sides: (arc, y)).
 */
function orientGrain(m: Mesh): void {
  const b = meshBox(m);
  const s = sizeOf(b);
  const axis = s[1] >= s[0] && s[1] >= s[2] ? 1 : s[2] > s[0] ? 2 : 0;
  if (axis === 0) return;
  const n = m.normals;
  for (let v = 0; v < m.uvs.length / 2; v++) {
    const ax = Math.abs(n[v * 3]);
    const ay = Math.abs(n[v * 3 + 1]);
    const az = Math.abs(n[v * 3 + 2]);
    const chartY = ay >= ax && ay >= az;
    // The grain axis is this chart's v axis: swap so it becomes u.
    if ((axis === 1 && !chartY) || (axis === 2 && chartY)) {
      const u = m.uvs[v * 2];
      m.uvs[v * 2] = m.uvs[v * 2 + 1];
      m.uvs[v * 2 + 1] = u;
    }
  }
}

function scaleUvs(m: Mesh, tileMetres: number): void {
  const k = 1 / tileMetres;
  for (let i = 0; i < m.uvs.length; i++) m.uvs[i] *= k;
}

function pickPositions(props: Float32Array, numProp: number): Float32Array {
  const n = props.length / numProp;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = props[i * numProp];
    out[i * 3 + 1] = props[i * numProp + 1];
    out[i * 3 + 2] = props[i * numProp + 2];
  }
  return out;
}
