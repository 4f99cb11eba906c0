/**
 * Test helpers that look at exported files through the tools people import them with: Blender
 * (one headless process inspects a whole batch of FBX/GLB/.blend files, since Blender takes a
 * second or two to start) and Assimp's `assimp info`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Asset } from '../../src/asset/asset.js';
import { findBlender, runBlenderScript, withTempDir } from '../../src/io/blender.js';
import { FAMILIES } from '../../src/models/dreamcad/families/index.js';

const execFileAsync = promisify(execFile);

/** The Blender executable, or undefined when this machine has none. */
export const BLENDER = await findBlender();

/** `skip` value for tests that need Blender: a reason when it is absent, else false. */
export const SKIP_WITHOUT_BLENDER: string | false = BLENDER
  ? false
  : 'Blender is not installed (apt-get install blender python3-numpy, or set DREAM_CAD_BLENDER); CI installs it';

async function hasAssimp(): Promise<boolean> {
  try {
    await execFileAsync('assimp', ['version']);
    return true;
  } catch {
    return false;
  }
}

/** `skip` value for tests that need `assimp`. */
export const SKIP_WITHOUT_ASSIMP: string | false = (await hasAssimp())
  ? false
  : 'assimp is not installed (apt-get install assimp-utils); CI installs it';

/** What Blender sees in one mesh object. */
export interface BlenderObjectStats {
  name: string;
  type: string;
  parent: string | null;
  /** World scale: 1 when the file's units were read as metres (no 0.01 or 100 compensation). */
  scale: number[];
  vertices?: number;
  faces?: number;
  materials?: (string | null)[];
  colors?: string[];
  /** World-space bounds in Blender's frame (Z up). */
  bbox?: [number[], number[]];
  uvSum?: number;
  uvName?: string;
  colorMean?: number[];
}

export interface BlenderMaterialStats {
  name: string;
  baseColor?: number[];
  baseColorLinked?: boolean;
  metallic?: number;
  roughness?: number;
  alpha?: number;
  images?: { name: string; size: [number, number]; packed: boolean }[];
}

export interface BlenderFileStats {
  path: string;
  /** Set when Blender could not import the file; the rest is then empty. */
  error?: string;
  objects: BlenderObjectStats[];
  materials: BlenderMaterialStats[];
  bbox: [number[], number[]] | null;
}

// biome-ignore lint/complexity/noUselessStringRaw: Python source; raw keeps backslashes for Python, not JS.
const INSPECT_SCRIPT = String.raw`
import sys, json, warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import numpy
    if not hasattr(numpy, "bool"):
        numpy.bool = bool
import bpy


def load(path):
    bpy.ops.wm.read_factory_settings(use_empty=True)
    if path.endswith(".fbx"):
        return bpy.ops.import_scene.fbx(filepath=path)
    if path.endswith(".glb"):
        return bpy.ops.import_scene.gltf(filepath=path)
    return bpy.ops.wm.open_mainfile(filepath=path)


def material_stats(m):
    info = {"name": m.name}
    if m.use_nodes:
        bsdf = next((n for n in m.node_tree.nodes if n.type == "BSDF_PRINCIPLED"), None)
        if bsdf:
            base = bsdf.inputs["Base Color"]
            info["baseColor"] = list(base.default_value)[:3]
            info["baseColorLinked"] = base.is_linked
            info["metallic"] = bsdf.inputs["Metallic"].default_value
            info["roughness"] = bsdf.inputs["Roughness"].default_value
            info["alpha"] = bsdf.inputs["Alpha"].default_value
        images = [n.image for n in m.node_tree.nodes if n.type == "TEX_IMAGE" and n.image]
        info["images"] = [{"name": i.name, "size": list(i.size), "packed": i.packed_file is not None} for i in images]
    return info


def object_stats(o):
    e = {"name": o.name, "type": o.type, "parent": o.parent.name if o.parent else None,
         "scale": list(o.matrix_world.to_scale())}
    if o.type != "MESH":
        return e, None
    me = o.data
    e["vertices"] = len(me.vertices)
    e["faces"] = len(me.polygons)
    e["materials"] = [s.material.name if s.material else None for s in o.material_slots]
    e["colors"] = [a.name for a in me.color_attributes]
    co = numpy.empty(len(me.vertices) * 3, dtype=numpy.float64)
    me.vertices.foreach_get("co", co)
    co = co.reshape(-1, 3)
    box = None
    if len(co):
        m = numpy.array(o.matrix_world)
        w = co @ m[:3, :3].T + m[:3, 3]
        box = [w.min(axis=0).tolist(), w.max(axis=0).tolist()]
        e["bbox"] = box
    if me.uv_layers:
        uv = numpy.empty(len(me.loops) * 2)
        me.uv_layers[0].data.foreach_get("uv", uv)
        e["uvSum"] = float(uv.sum())
        e["uvName"] = me.uv_layers[0].name
    if me.color_attributes and len(me.color_attributes[0].data):
        ca = me.color_attributes[0]
        c = numpy.empty(len(ca.data) * 4)
        ca.data.foreach_get("color", c)
        e["colorMean"] = c.reshape(-1, 4).mean(axis=0).tolist()
    return e, box


def file_stats(path):
    try:
        if "FINISHED" not in load(path):
            return {"path": path, "error": "import did not finish", "objects": [], "materials": [], "bbox": None}
    except Exception as error:
        return {"path": path, "error": str(error), "objects": [], "materials": [], "bbox": None}
    objects, lo, hi = [], None, None
    for o in bpy.context.scene.objects:
        e, box = object_stats(o)
        objects.append(e)
        if box:
            lo = box[0] if lo is None else [min(a, b) for a, b in zip(lo, box[0])]
            hi = box[1] if hi is None else [max(a, b) for a, b in zip(hi, box[1])]
    return {"path": path, "objects": objects, "materials": [material_stats(m) for m in bpy.data.materials],
            "bbox": [lo, hi] if lo else None}


args = sys.argv[sys.argv.index("--") + 1:]
with open(args[0], "w") as out:
    json.dump([file_stats(p) for p in args[1:]], out)
`;

/**
 * Imports (FBX, GLB) or opens (.blend) each file in one Blender process, each into an empty
 * scene, and returns what Blender sees, keyed by path.
 *
 * @example
 * const stats = await inspectInBlender(['/tmp/chair.fbx', '/tmp/chair.glb']);
 */
export async function inspectInBlender(
  files: string[],
  timeoutSeconds = 300,
): Promise<Map<string, BlenderFileStats>> {
  if (!BLENDER) throw new Error('inspectInBlender: Blender is not installed');
  const blender = BLENDER;
  return withTempDir(async (dir) => {
    const out = join(dir, 'stats.json');
    await runBlenderScript(blender, INSPECT_SCRIPT, [out, ...files], { cwd: dir, timeoutSeconds });
    const list = JSON.parse(await readFile(out, 'utf8')) as BlenderFileStats[];
    return new Map(list.map((s) => [s.path, s]));
  });
}

/** Mesh objects by name. */
export function meshObjects(stats: BlenderFileStats): Map<string, BlenderObjectStats> {
  return new Map(stats.objects.filter((o) => o.type === 'MESH').map((o) => [o.name, o]));
}

/** What `assimp info` reports about a file. */
export interface AssimpInfo {
  meshes: number;
  materials: number;
  vertices: number;
  faces: number;
  embeddedTextures: number;
  min: number[];
  max: number[];
  meshList: { name: string; vertices: number; faces: number }[];
  materialNames: string[];
  nodeNames: string[];
}

/**
 * Runs `assimp info <file> --raw` (no post-processing, so counts are the file's own) and parses
 * its summary.
 *
 * @example
 * const info = await assimpInfo('/tmp/chair.fbx'); // info.faces, info.materialNames …
 */
export async function assimpInfo(file: string): Promise<AssimpInfo> {
  const { stdout } = await execFileAsync('assimp', ['info', file, '--raw'], { maxBuffer: 64 * 1024 * 1024 });
  const num = (label: string) => {
    const m = new RegExp(`^${label}:?\\s+(\\d+)`, 'm').exec(stdout);
    if (!m) throw new Error(`assimpInfo: no "${label}" in output:\n${stdout.slice(-2000)}`);
    return Number(m[1]);
  };
  const point = (label: string) => {
    const m = new RegExp(`^${label}\\s+\\(([^)]*)\\)`, 'm').exec(stdout);
    return m ? m[1].trim().split(/\s+/).map(Number) : [];
  };
  const section = (title: string) => {
    const start = stdout.indexOf(`\n${title}`);
    if (start < 0) return [];
    const lines = stdout.slice(start + title.length + 2).split('\n');
    const end = lines.findIndex((l) => l.trim() === '');
    return lines.slice(0, end < 0 ? undefined : end);
  };
  const meshList = section('Meshes:  (name) [vertices / bones / faces | primitive_types]').flatMap((l) => {
    const m = /^\s*\d+ \((.*)\): \[(\d+) \/ \d+ \/ (\d+)/.exec(l);
    return m ? [{ name: m[1], vertices: Number(m[2]), faces: Number(m[3]) }] : [];
  });
  const materialNames = section('Named Materials:').flatMap((l) => {
    const m = /^ {4}'(.*)' \(prop\)/.exec(l);
    return m ? [m[1]] : [];
  });
  const nodeNames = section('Node hierarchy:').flatMap((l) => {
    const m = /^[\s│├└╴─]*([^\s│├└╴─].*?)(?: \(mesh \d+\))?$/.exec(l);
    return m ? [m[1]] : [];
  });
  return {
    meshes: num('Meshes'),
    materials: num('Materials'),
    vertices: num('Vertices'),
    faces: num('Faces'),
    embeddedTextures: num('Textures \\(embed\\.\\)'),
    min: point('Minimum point'),
    max: point('Maximum point'),
    meshList,
    materialNames,
    nodeNames,
  };
}

/** Triangles Blender keeps: it drops those that use one vertex twice when it validates a mesh. */
export function nonDegenerateTriangles(asset: Asset, partName: string): number {
  const part = asset.parts.find((p) => p.name === partName);
  if (!part) return 0;
  const idx = part.mesh.indices;
  let n = 0;
  for (let t = 0; t < idx.length; t += 3) {
    if (idx[t] !== idx[t + 1] && idx[t + 1] !== idx[t + 2] && idx[t] !== idx[t + 2]) n++;
  }
  return n;
}

/** One prompt per built-in family. */
export const FAMILY_PROMPTS = FAMILIES.map((f) => `a ${f.id}`);

/**
 * The first family of every category: saving a .blend starts Blender once per file (seconds each), so
 * the .blend tests take one family per category rather than all of them.
 */
export const BLEND_FAMILY_PROMPTS = FAMILIES.filter(
  (f, i) => FAMILIES.findIndex((g) => g.category === f.category) === i,
).map((f) => `a ${f.id}`);

/** One asset every export test runs through: a built-in family's output or a hand-built fixture. */
export interface ExportCase {
  name: string;
  asset: Asset;
}

/** Names of the hand-built fixtures in `exportCases`, in order. */
export const FIXTURE_CASES = [
  'fixture: two parts (texture, vertex colours, alpha)',
  'fixture: one triangle',
  'fixture: empty part',
  'fixture: non-ASCII names in a group',
  'fixture: no parts',
];

/** Every case name, known before the assets are built (tests are declared synchronously). */
export const EXPORT_CASE_NAMES = [...FAMILY_PROMPTS.map((p) => `family: ${p}`), ...FIXTURE_CASES];

/** The cases the .blend tests convert. */
export const BLEND_CASE_NAMES = [...BLEND_FAMILY_PROMPTS.map((p) => `family: ${p}`), ...FIXTURE_CASES];

/**
 * Generates one asset per built-in family through `ModelFactory` (whatever the engine makes today)
 * and adds the hand-built fixtures, so the tests mean something even before the engine is done.
 */
export async function exportCases(prompts: readonly string[] = FAMILY_PROMPTS): Promise<ExportCase[]> {
  const { ModelFactory } = await import('../../src/index.js');
  const { emptyPartAsset, nonAsciiAsset, oneTriangleAsset } = await import('./fbx-fixtures.js');
  const { emptyAsset, twoPartAsset } = await import('./fixtures.js');
  const model = ModelFactory.createModel('dreamcad');
  const cases: ExportCase[] = [];
  for (const prompt of prompts) {
    const result = await model.generateFromText(prompt, { seed: 1 });
    cases.push({ name: `family: ${prompt}`, asset: result.asset });
  }
  const fixtures = [
    await twoPartAsset(),
    oneTriangleAsset(),
    emptyPartAsset(),
    nonAsciiAsset(),
    emptyAsset(),
  ];
  for (const [i, asset] of fixtures.entries()) cases.push({ name: FIXTURE_CASES[i], asset });
  return cases;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function near(
  a: readonly number[] | undefined,
  b: readonly number[] | undefined,
  tolerance: number,
): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
}

/** Our asset frame (Y up, metres) as Blender shows it after import (Z up): (x, −z, y). */
function toBlenderFrame([x, y, z]: readonly number[]): number[] {
  return [x, -z, y];
}

function partBounds(positions: Float32Array): [number[], number[]] {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    const p = toBlenderFrame([positions[i], positions[i + 1], positions[i + 2]]);
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], p[k]);
      max[k] = Math.max(max[k], p[k]);
    }
  }
  return [min, max];
}

/** Within 1 mm, the bound the issue sets for bounding boxes. */
const MM = 1e-3;

export interface CompareOptions {
  /** Check each material's colour, alpha, metallic and roughness against the asset's material. */
  materialValues: boolean;
}

/**
 * Everything that should survive an export and a Blender import, as a list of readable problems
 * (empty when all is well): every part is a mesh object of the same name with the asset's vertex
 * count and Blender's triangle count, the reference import's material names, bounds within 1 mm of
 * the asset and of the reference import (the GLB through Blender's glTF importer), the same UVs
 * and vertex colours; with `materialValues`, the asset's material colours and factors too.
 */
export function compareImport(
  asset: Asset,
  got: BlenderFileStats | undefined,
  reference: BlenderFileStats | undefined,
  options: CompareOptions,
): string[] {
  if (!got) return ['file was not inspected'];
  if (got.error) return [`Blender could not import it: ${got.error}`];
  const problems: string[] = [];
  const meshes = meshObjects(got);
  const refMeshes = reference ? meshObjects(reference) : new Map<string, BlenderObjectStats>();
  const expectedNames = asset.parts
    .filter((p) => reference === undefined || p.mesh.indices.length > 0 || meshes.has(p.name))
    .map((p) => p.name);
  const names = [...meshes.keys()].sort();
  if (JSON.stringify(names) !== JSON.stringify([...expectedNames].sort())) {
    problems.push(`mesh objects ${JSON.stringify(names)}, expected ${JSON.stringify(expectedNames.sort())}`);
  }
  const materials = new Map(got.materials.map((m) => [m.name, m]));
  for (const part of asset.parts) {
    const obj = meshes.get(part.name);
    if (!obj) continue;
    const vertices = part.mesh.positions.length / 3;
    const where = `part "${part.name}"`;
    if (obj.vertices !== vertices) problems.push(`${where}: ${obj.vertices} vertices, asset has ${vertices}`);
    if (!near(obj.scale, [1, 1, 1], 1e-6))
      problems.push(`${where}: world scale ${obj.scale}, expected 1 (metres)`);
    const faces = nonDegenerateTriangles(asset, part.name);
    if (obj.faces !== faces) problems.push(`${where}: ${obj.faces} faces, expected ${faces}`);
    if (vertices > 0 && !near(obj.bbox?.[0], partBounds(part.mesh.positions)[0], MM)) {
      problems.push(`${where}: bbox min ${obj.bbox?.[0]} is not within 1 mm of the asset's`);
    }
    if (vertices > 0 && !near(obj.bbox?.[1], partBounds(part.mesh.positions)[1], MM)) {
      problems.push(`${where}: bbox max ${obj.bbox?.[1]} is not within 1 mm of the asset's`);
    }
    const ref = refMeshes.get(part.name);
    if (ref) {
      if (ref.vertices !== obj.vertices || ref.faces !== obj.faces) {
        problems.push(
          `${where}: ${obj.vertices}/${obj.faces} vertices/faces, reference ${ref.vertices}/${ref.faces}`,
        );
      }
      // Blender's glTF importer copies a material for primitives with vertex colours ("wood.001") when
      // the same material also colours plain ones; the FBX keeps one material, so compare base names.
      const baseNames = (names: Array<string | null> = []) =>
        JSON.stringify(names.map((n) => n?.replace(/\.\d{3}$/, '')));
      if (baseNames(ref.materials) !== baseNames(obj.materials)) {
        problems.push(
          `${where}: materials ${JSON.stringify(obj.materials)}, reference ${JSON.stringify(ref.materials)}`,
        );
      }
      if (!near(obj.bbox?.[0], ref.bbox?.[0], MM) || !near(obj.bbox?.[1], ref.bbox?.[1], MM)) {
        problems.push(
          `${where}: bbox ${JSON.stringify(obj.bbox)} is not within 1 mm of ${JSON.stringify(ref.bbox)}`,
        );
      }
      if (!near([obj.uvSum ?? 0], [ref.uvSum ?? 0], 1e-4 * Math.max(1, vertices * 3))) {
        problems.push(`${where}: UV sum ${obj.uvSum}, reference ${ref.uvSum}`);
      }
      if ((ref.colorMean || obj.colorMean) && !near(obj.colorMean, ref.colorMean, 0.01)) {
        problems.push(`${where}: mean vertex colour ${obj.colorMean}, reference ${ref.colorMean}`);
      }
    } else if (obj.materials?.[0] !== part.material.name) {
      problems.push(`${where}: material ${JSON.stringify(obj.materials)}, expected "${part.material.name}"`);
    }
    const material = materials.get(obj.materials?.[0] ?? '');
    if (!material) {
      problems.push(`${where}: material ${JSON.stringify(obj.materials)} not found`);
      continue;
    }
    const texture = part.material.baseColorTexture;
    if (texture) {
      const image = material.images?.[0];
      if (!image?.packed || image.size[0] !== texture.width || image.size[1] !== texture.height) {
        problems.push(
          `${where}: texture ${JSON.stringify(material.images)}, expected a packed ${texture.width}×${texture.height} image`,
        );
      }
    }
    if (options.materialValues) {
      const m = part.material;
      const want = [
        ...m.baseColor.slice(0, 3).map(clamp01),
        clamp01(m.baseColor[3]),
        clamp01(m.metallic),
        clamp01(m.roughness),
      ];
      const have = [
        ...(material.baseColor ?? []),
        material.alpha ?? -1,
        material.metallic ?? -1,
        material.roughness ?? -1,
      ];
      if (!near(have, want, 1e-4)) {
        problems.push(
          `${where}: material "${material.name}" colour/alpha/metallic/roughness ${have}, expected ${want}`,
        );
      }
    }
  }
  return problems;
}
