/**
 * FBX write time: our native writer against Blender's own FBX exporter on the same meshes (10k,
 * 100k and 1M triangles), in the same run. Blender's time is only the `export_scene.fbx` call,
 * measured inside Blender with `time.perf_counter`, so its start-up and the GLB import that loads
 * the mesh are not counted against it.
 */

import { readFile, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { exportAsset } from '../src/index.js';
import { findBlender, runBlenderScript, withTempDir } from '../src/io/blender.js';
import { writeFbx } from '../src/io/fbx/writer.js';
import { gridAsset } from '../test/helpers/fbx-fixtures.js';
import { percentile, publish } from './report.js';

const SIZES = [10_000, 100_000, 1_000_000];

/** Imports each GLB into an empty scene and times Blender's FBX export of it (same settings as `fbxWriter: 'blender'`). */
// biome-ignore lint/complexity/noUselessStringRaw: Python source; raw keeps backslashes for Python, not JS.
const BLENDER_EXPORT_SCRIPT = String.raw`
import sys, json, os, time, warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import numpy
    if not hasattr(numpy, "bool"):
        numpy.bool = bool
import bpy

args = sys.argv[sys.argv.index("--") + 1:]
out_json, runs = args[0], int(args[1])
results = []
for glb in args[2:]:
    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.ops.import_scene.gltf(filepath=glb)
    fbx = glb[:-4] + "-blender.fbx"
    seconds = []
    for _ in range(runs if os.path.getsize(glb) < 20_000_000 else 1):
        started = time.perf_counter()
        bpy.ops.export_scene.fbx(filepath=fbx, object_types={"EMPTY", "MESH"}, use_mesh_modifiers=False,
                                 apply_unit_scale=True, apply_scale_options="FBX_SCALE_UNITS",
                                 axis_forward="-Z", axis_up="Y", mesh_smooth_type="OFF", use_tspace=False,
                                 add_leaf_bones=False, bake_anim=False)
        seconds.append(time.perf_counter() - started)
    results.append({"glb": glb, "seconds": seconds, "bytes": os.path.getsize(fbx)})
with open(out_json, "w") as f:
    json.dump(results, f)
`;

async function timeNative(triangles: number): Promise<{ ms: number[]; bytes: number }> {
  const asset = gridAsset(triangles);
  // Warm-up (JIT, zlib, thread pool), then many runs of the small sizes: they are noisy.
  const runs = triangles >= 1_000_000 ? 5 : triangles >= 100_000 ? 20 : 50;
  for (let i = 0; i < Math.min(5, runs); i++) await writeFbx(asset);
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { main } = await writeFbx(asset);
    ms.push(performance.now() - started);
    bytes = main.length;
  }
  return { ms, bytes };
}

async function timeBlender(blender: string): Promise<{ seconds: number[]; bytes: number }[]> {
  return withTempDir(async (dir) => {
    const glbs: string[] = [];
    for (const triangles of SIZES) {
      const path = join(dir, `grid-${triangles}.glb`);
      await writeFile(path, (await exportAsset(gridAsset(triangles), 'glb')).main);
      glbs.push(path);
    }
    const out = join(dir, 'times.json');
    await runBlenderScript(blender, BLENDER_EXPORT_SCRIPT, [out, '3', ...glbs], {
      cwd: dir,
      timeoutSeconds: 1800,
    });
    return JSON.parse(await readFile(out, 'utf8')) as { seconds: number[]; bytes: number }[];
  });
}

async function blenderVersion(blender: string): Promise<string> {
  return withTempDir(async (dir) => {
    const out = join(dir, 'v.txt');
    await runBlenderScript(
      blender,
      `import bpy, sys\nopen(sys.argv[-1], "w").write(bpy.app.version_string)`,
      [out],
      {
        cwd: dir,
      },
    );
    return (await stat(out)).size > 0 ? readFile(out, 'utf8') : 'unknown';
  });
}

export async function run(): Promise<void> {
  const native: { ms: number[]; bytes: number }[] = [];
  for (const triangles of SIZES) native.push(await timeNative(triangles));
  const blender = await findBlender();
  const reference = blender ? await timeBlender(blender) : undefined;
  const rows = SIZES.map((triangles, i) => {
    const nativeMs = percentile(native[i].ms, 50);
    const blenderMs = reference ? percentile(reference[i].seconds, 50) * 1000 : null;
    const speedup = blenderMs === null ? null : blenderMs / nativeMs;
    return {
      triangles,
      'native ms (p50)': nativeMs,
      'native ms (min)': Math.min(...native[i].ms),
      'native MB': native[i].bytes / 1e6,
      'blender ms (p50)': blenderMs,
      'blender MB': reference ? reference[i].bytes / 1e6 : null,
      'speed-up ×': speedup,
      'target met': (speedup === null || speedup >= 10) && (triangles < 1_000_000 || nativeMs <= 1500),
    };
  });
  publish({
    name: 'fbx',
    notes: [
      'Targets: native ≥ 10× faster than Blender’s FBX exporter; ≤ 1.5 s for 1 000 000 triangles.',
      'Mesh: a waved grid with normals and UVs, one part, one material (test/helpers/fbx-fixtures.ts).',
      'Native: writeFbx in memory, p50 of 50 / 20 / 5 runs after warm-up runs; zlib level 1.',
      'Blender: only bpy.ops.export_scene.fbx, timed inside Blender (p50 of 3 runs; 1 at 1M), mesh loaded from our GLB.',
      blender
        ? `Blender ${await blenderVersion(blender)} at ${blender}.`
        : 'Blender not found: Blender columns are empty (apt-get install blender python3-numpy).',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ` +
        `load average ${loadavg()[0].toFixed(2)} at start (other work on the machine skews small sizes).`,
    ],
    rows,
    extra: { native: native.map((n) => n.ms), blenderSeconds: reference?.map((r) => r.seconds) },
  });
}
