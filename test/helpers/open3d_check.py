"""Open3D's verdict on mesh files, for the quality cross-check (test/quality-open3d.test.ts).

Reads a JSON list of paths on stdin and prints one JSON object per path on stdout. Each mesh is
read by Open3D's own readers, bit-identical vertices are merged (remove_duplicated_vertices, the
same weld the assessor does), and the flags come from Open3D:
  is_edge_manifold(allow_boundary_edges=True), is_vertex_manifold(), is_watertight(),
  is_self_intersecting().
With --time, also prints the seconds each call took (used by bench/quality.bench.ts).
"""
import json
import sys
import time

import open3d as o3d

o3d.utility.set_verbosity_level(o3d.utility.VerbosityLevel.Error)


def check(path, timed, skip):
    out = {"path": path}
    t = time.perf_counter()
    mesh = o3d.io.read_triangle_mesh(path)
    mesh.remove_duplicated_vertices()
    out["read_s"] = time.perf_counter() - t
    out["vertices"] = len(mesh.vertices)
    out["triangles"] = len(mesh.triangles)
    if len(mesh.triangles) == 0:
        out["error"] = "open3d read no triangles"
        return out
    for name, call in (
        ("edge_manifold", lambda: mesh.is_edge_manifold(True)),
        ("vertex_manifold", mesh.is_vertex_manifold),
        ("self_intersecting", mesh.is_self_intersecting),
        ("watertight", mesh.is_watertight),
    ):
        if name in skip:
            continue
        t = time.perf_counter()
        out[name] = bool(call())
        out[name + "_s"] = time.perf_counter() - t
    if not timed:
        out = {k: v for k, v in out.items() if not k.endswith("_s")}
    return out


def main():
    timed = "--time" in sys.argv
    skip = set()
    for arg in sys.argv[1:]:
        if arg.startswith("--skip="):
            skip.update(arg[len("--skip="):].split(","))
    for path in json.load(sys.stdin):
        try:
            print(json.dumps(check(path, timed, skip)), flush=True)
        except Exception as err:  # report and go on with the next file
            print(json.dumps({"path": path, "error": str(err)}), flush=True)


if __name__ == "__main__":
    main()
