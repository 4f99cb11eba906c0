/**
 * FBX files written by tools that are not ours, for the FBX reader's tests and the Open3D
 * cross-check: Blender's exporter (run headless, with what Blender itself reports about each
 * scene) and `assimp export`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** What Blender reports about the mesh objects it exported into one file. */
export interface BlenderFbxCase {
  name: string;
  path: string;
  objects: string[];
  /** Σ (corners − 2) over polygons: the triangles a fan triangulation makes. */
  triangles: number;
  /** Blender's vertex count. */
  vertices: number;
  /** Vertices at distinct positions (Suzanne has two pairs that coincide): what the assessor welds to. */
  distinct: number;
  /** World bounds in our frame: metres, Y up — Blender's (x, y, z) × scale is our (x, z, −y). */
  min: [number, number, number];
  max: [number, number, number];
  /** Linear base colour of the first object's first material, when it has one. */
  baseColor?: [number, number, number, number];
}

/**
 * Builds scenes in a factory-startup Blender and exports each with Blender's own FBX exporter:
 * the default cube; a smooth UV sphere with a non-trivial transform; a monkey with a coloured
 * material, a cylinder with n-gon caps parented under it; the lot exported Z up, with a global
 * scale, and with the space transform baked; and a scene in millimetres.
 */
// biome-ignore lint/complexity/noUselessStringRaw: Python source; raw keeps backslashes for Python, not JS.
const BLENDER_SCRIPT = String.raw`
import bpy, json, math, sys
out = sys.argv[sys.argv.index('--') + 1]
scene = bpy.context.scene
cases = []

def stats(name, objs, factor, **export):
    bpy.ops.object.select_all(action='DESELECT')
    for o in objs:
        o.select_set(True)
    path = out + '/' + name + '.fbx'
    bpy.ops.export_scene.fbx(filepath=path, use_selection=True, **export)
    lo = [1e30] * 3
    hi = [-1e30] * 3
    verts = tris = distinct = 0
    for o in objs:
        me = o.data
        verts += len(me.vertices)
        distinct += len({tuple(v.co) for v in me.vertices})
        tris += sum(len(p.vertices) - 2 for p in me.polygons)
        for v in me.vertices:
            w = o.matrix_world @ v.co
            # Blender Z up to ours (Y up): (x, y, z) -> (x, z, -y); the minimum of -y is -max(y).
            for k, (c, sign) in enumerate(((w.x, 1), (w.z, 1), (w.y, -1))):
                lo[k] = min(lo[k], sign * c * factor)
                hi[k] = max(hi[k], sign * c * factor)
    case = {'name': name, 'path': path, 'objects': [o.name for o in objs], 'triangles': tris,
            'vertices': verts, 'distinct': distinct, 'min': lo, 'max': hi}
    slots = objs[0].material_slots
    if slots and slots[0].material and slots[0].material.use_nodes:
        bsdf = slots[0].material.node_tree.nodes.get('Principled BSDF')
        if bsdf:
            case['baseColor'] = list(bsdf.inputs['Base Color'].default_value)
    cases.append(case)

cube = bpy.data.objects['Cube']
stats('blender-cube', [cube], 1)

bpy.ops.mesh.primitive_uv_sphere_add(segments=32, ring_count=16, radius=0.5, location=(1, 2, 3))
sphere = bpy.context.active_object
sphere.rotation_euler = (0.3, 0.2, 0.1)
sphere.scale = (2, 1, 0.5)
bpy.ops.object.shade_smooth()
stats('blender-uv-sphere', [sphere], 1)

bpy.ops.mesh.primitive_monkey_add(location=(-1, 0.5, 2))
monkey = bpy.context.active_object
monkey.rotation_euler = (math.radians(30), math.radians(-45), math.radians(60))
monkey.scale = (1.5, 1.5, 1.5)
mat = bpy.data.materials.new('MonkeyPaint')
mat.use_nodes = True
mat.node_tree.nodes['Principled BSDF'].inputs['Base Color'].default_value = (0.2, 0.4, 0.6, 1)
monkey.data.materials.append(mat)
bpy.ops.mesh.primitive_cylinder_add(vertices=12, radius=0.3, depth=1, location=(0, 0, 0))
cylinder = bpy.context.active_object
cylinder.name = 'Post'
cylinder.parent = monkey
cylinder.location = (0.5, -1, 1)
cylinder.rotation_euler = (0, math.radians(20), 0)
bpy.context.view_layer.update()
stats('blender-monkey', [monkey, cylinder], 1)

everything = [cube, sphere, monkey, cylinder]
stats('blender-z-up', everything, 1, axis_up='Z', axis_forward='Y')
stats('blender-scaled', everything, 2.5, global_scale=2.5)
stats('blender-baked', everything, 1, bake_space_transform=True)

scene.unit_settings.system = 'METRIC'
scene.unit_settings.scale_length = 0.001
stats('blender-millimetres', [monkey, cylinder], 0.001)

with open(out + '/cases.json', 'w') as f:
    json.dump(cases, f)
`;

/**
 * Runs the script with `blender -b --factory-startup --python-exit-code 1 --python-expr …` and
 * returns the cases it wrote into `dir`.
 *
 * @example
 * const cases = await blenderFbxCases(BLENDER, dir);
 */
export async function blenderFbxCases(blender: string, dir: string): Promise<BlenderFbxCase[]> {
  await execFileAsync(
    blender,
    ['-b', '--factory-startup', '--python-exit-code', '1', '--python-expr', BLENDER_SCRIPT, '--', dir],
    { cwd: dir, env: { ...process.env, TMPDIR: dir }, timeout: 120_000, maxBuffer: 16 << 20 },
  );
  return JSON.parse(await readFile(join(dir, 'cases.json'), 'utf8')) as BlenderFbxCase[];
}

/**
 * Converts a mesh file with `assimp export` (the format from `to`'s extension: `.fbx` is binary
 * FBX 7.5 with 64-bit records, `.ply` ASCII PLY with every node transform baked in).
 */
export async function assimpExport(from: string, to: string): Promise<string> {
  await execFileAsync('assimp', ['export', from, to], { timeout: 120_000, maxBuffer: 16 << 20 });
  return to;
}
