/**
 * The Python script Blender runs to convert our GLB into a .blend or (Blender's own) FBX. It lives
 * in a TypeScript string so it ships inside `dist/` with the compiled code: `tsc` does not copy
 * `.py` files, and a string needs no path resolution from either `src/` or `dist/`.
 *
 * Arguments after `--`: `<blend|fbx> <input.glb> <output path>`.
 */
// biome-ignore lint/complexity/noUselessStringRaw: Python source; raw keeps backslashes for Python, not JS.
export const CONVERT_SCRIPT = String.raw`
import sys


def fail(message):
    # One marked line the Node side turns into the error message.
    print("DREAM_CAD_ERROR: " + message, file=sys.stderr, flush=True)
    sys.exit(1)


def restore_numpy():
    # Blender 3.4's glTF importer needs numpy (Debian: python3-numpy) and uses numpy.bool, an alias
    # that numpy 1.24 removed; put it back before the importer is loaded.
    try:
        import numpy
    except ImportError:
        fail("Blender's glTF importer needs numpy; install it (Debian/Ubuntu: apt-get install python3-numpy)")
    if not hasattr(numpy, "bool"):
        numpy.bool = bool


def flatten_for_fbx(material):
    # Blender's FBX exporter reads the Principled BSDF's own Base Color and Alpha values and only an
    # image linked straight into Base Color. The glTF importer routes the factor through "Color
    # Factor" / "Alpha Factor" nodes (and vertex colours through a mix), which the exporter cannot
    # see: write the factor into the BSDF and link the base colour image directly instead.
    if not material.use_nodes:
        return
    tree = material.node_tree
    bsdf = next((n for n in tree.nodes if n.type == "BSDF_PRINCIPLED"), None)
    if bsdf is None:
        return
    color, alpha = None, None
    for n in tree.nodes:
        if n.label == "Color Factor" and len(n.inputs) > 7:
            color = list(n.inputs[7].default_value)[:3]
        elif n.label == "Alpha Factor":
            alpha = n.inputs[1].default_value
    image = next((n for n in tree.nodes if n.type == "TEX_IMAGE" and n.image is not None), None)
    base = bsdf.inputs["Base Color"]
    for link in list(base.links):
        tree.links.remove(link)
    if color is not None:
        base.default_value = color + [1.0]
    if image is not None:
        tree.links.new(base, image.outputs["Color"])
    if alpha is not None:
        for link in list(bsdf.inputs["Alpha"].links):
            tree.links.remove(link)
        bsdf.inputs["Alpha"].default_value = alpha


def main():
    argv = sys.argv[sys.argv.index("--") + 1:]
    if len(argv) != 3 or argv[0] not in ("blend", "fbx"):
        fail("usage: -- <blend|fbx> <input.glb> <output>")
    target, source, output = argv
    restore_numpy()
    import bpy

    # An empty scene: no default cube, camera or light in the result.
    bpy.ops.wm.read_factory_settings(use_empty=True)
    if "FINISHED" not in bpy.ops.import_scene.gltf(filepath=source):
        fail("Blender's glTF importer could not read the asset")

    if target == "blend":
        # Images from a GLB are usually packed already; pack any that are not, so the .blend is
        # self-contained.
        for image in bpy.data.images:
            if image.packed_file is None and image.has_data:
                image.pack()
        bpy.ops.wm.save_as_mainfile(filepath=output, compress=True, relative_remap=False)
    else:
        for material in bpy.data.materials:
            flatten_for_fbx(material)
        # Y up, -Z forward undoes the glTF importer's axis change; FBX_SCALE_UNITS writes metres
        # with UnitScaleFactor 100, like our native writer; COPY + embed puts the PNGs in the file.
        result = bpy.ops.export_scene.fbx(
            filepath=output,
            object_types={"EMPTY", "MESH"},
            use_mesh_modifiers=False,
            apply_unit_scale=True,
            apply_scale_options="FBX_SCALE_UNITS",
            axis_forward="-Z",
            axis_up="Y",
            mesh_smooth_type="OFF",
            use_tspace=False,
            add_leaf_bones=False,
            bake_anim=False,
            path_mode="COPY",
            embed_textures=True,
        )
        if "FINISHED" not in result:
            fail("Blender's FBX exporter did not finish")
    print("DREAM_CAD_OK", flush=True)


try:
    main()
except SystemExit:
    raise
except BaseException as error:
    fail(type(error).__name__ + ": " + str(error))
`;
