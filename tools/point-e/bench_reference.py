#!/usr/bin/env python3
"""
The PyTorch side of bench/point-e.bench.ts: the reference Point-E code (github.com/openai/point-e and
github.com/openai/CLIP, MIT, on PYTHONPATH, never committed) timed on CPU with the same weights our
ONNX runtime loads.

  export  builds the reference networks at a size (`tiny`: the parity fixtures' shapes; `mid`: the
          official point counts at reduced width), gives every weight a seeded random value, saves
          them (weights.pt) and exports the ONNX files + manifest.json our runtime reads, exactly as
          make_fixtures.py / convert_checkpoints.py do.
  run     loads weights.pt into the reference classes and times one call of each network (median of
          --repeats) and the reference's own pipeline end to end: clip.tokenize + the text tower,
          PointCloudSampler (base with guidance, then the upsampler) and marching_cubes_mesh on an
          SDF grid (--phase calls, e2e or all). Prints one JSON line: timings in milliseconds and the
          process's peak RSS.

ftfy (CLIP's tokenizer cleans text with it; not in Debian) is stubbed with an identity fix_text when it
is missing: the benchmark prompt is plain ASCII, which ftfy leaves unchanged. scikit-image is used for
the reference's marching cubes when installed (python3-skimage); otherwise reference.py's stub stands
in and the JSON says so (`skimage: false`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
import types

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

CHANNELS = 6
UP_SCALES = [2.0, 2.0, 2.0, 0.007843137255, 0.007843137255, 0.007843137255]
UP_BIASES = [0.0, 0.0, 0.0, -1.0, -1.0, -1.0]

SIZES = {
    # The parity fixtures' shapes (make_fixtures.py).
    "tiny": dict(base_points=64, up_points=96, width=32, layers=2, heads=2, sdf_width=32, sdf_enc=2,
                 sdf_dec=2, clip_width=8, clip_layers=2, clip_heads=2, embed=16),
    # Official point counts (1024 + 3072, SDF over 4096) at a quarter of the official width.
    "mid": dict(base_points=1024, up_points=3072, width=128, layers=4, heads=4, sdf_width=128, sdf_enc=4,
                sdf_dec=2, clip_width=128, clip_layers=4, clip_heads=4, embed=128),
}


def configs(size: str):
    s = SIZES[size]
    common = dict(heads=s["heads"], init_scale=0.25, input_channels=CHANNELS, layers=s["layers"],
                  output_channels=CHANNELS * 2, time_token_cond=True, width=s["width"], cond_drop_prob=0.1)
    base = dict(name="CLIPImagePointDiffusionTransformer", n_ctx=s["base_points"], token_cond=True, **common)
    up = dict(name="CLIPImageGridUpsamplePointDiffusionTransformer", n_ctx=s["up_points"],
              cond_ctx=s["base_points"], channel_scales=UP_SCALES, channel_biases=UP_BIASES, **common)
    sdf = dict(name="CrossAttentionPointCloudSDFModel", decoder_heads=s["heads"], decoder_layers=s["sdf_dec"],
               encoder_heads=s["heads"], encoder_layers=s["sdf_enc"], init_scale=0.25,
               n_ctx=s["base_points"] + s["up_points"], width=s["sdf_width"])
    clip = dict(embed_dim=s["embed"], image_resolution=32, vision_layers=1, vision_width=64,
                vision_patch_size=16, context_length=77, vocab_size=49408, transformer_width=s["clip_width"],
                transformer_heads=s["clip_heads"], transformer_layers=s["clip_layers"])
    return s, base, up, sdf, clip


def stub_ftfy() -> bool:
    try:
        import ftfy  # noqa: F401

        return False
    except ImportError:
        mod = types.ModuleType("ftfy")
        mod.fix_text = lambda text: text
        sys.modules["ftfy"] = mod
        return True


def has_skimage() -> bool:
    try:
        import skimage.measure  # noqa: F401

        return True
    except ImportError:
        return False


def build(size: str, seed: int):
    stub_ftfy()
    import reference as ref

    mods = ref.import_reference()
    s, base_cfg, up_cfg, sdf_cfg, clip_cfg = configs(size)
    gen = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    clip_model = mods.clip_model.CLIP(**clip_cfg).eval()
    ref.randomize_(clip_model, gen)
    tower = ref.TextTower(mods, clip_model)
    stub = ref.ClipStub(s["embed"], 2, 8, tower)
    base = ref.build_point_model(mods, base_cfg, stub)
    up = ref.build_point_model(mods, up_cfg, stub)
    sdf = ref.build_point_model(mods, sdf_cfg)
    for m in (base, up, sdf):
        ref.randomize_(m, gen)
    return ref, mods, s, clip_model, tower, base, up, sdf


def export(args) -> None:
    ref, mods, s, clip_model, _tower, base, up, sdf = build(args.size, args.seed)
    os.makedirs(args.out, exist_ok=True)
    out = lambda name: os.path.join(args.out, name)  # noqa: E731
    torch.save({"clip": clip_model.state_dict(), "base": base.state_dict(), "up": up.state_dict(),
                "sdf": sdf.state_dict()}, out("weights.pt"))
    n_all = s["base_points"] + s["up_points"]
    ref.export_text(clip_model, out("text.onnx"), 77)
    ref.export_base(base, out("base.onnx"), CHANNELS, s["base_points"], s["embed"])
    ref.export_upsampler(up, out("upsample.onnx"), CHANNELS, s["up_points"], s["base_points"])
    ref.export_sdf(sdf, out("sdf-encoder.onnx"), out("sdf-decoder.onnx"), n_all)
    base_d = mods.diffusion_configs.DIFFUSION_CONFIGS["base40M-textvec"]
    up_d = mods.diffusion_configs.DIFFUSION_CONFIGS["upsample"]
    ref.write_json(out("manifest.json"), {
        "format": "dream-cad/point-e",
        "version": 1,
        "name": f"point-e-bench-{args.size}",
        "description": f"Random-weight {args.size} networks for bench/point-e.bench.ts (seed {args.seed}).",
        "source": "tools/point-e/bench_reference.py",
        "auxChannels": ["R", "G", "B"],
        "textEncoder": {"file": "text.onnx", "contextLength": 77, "embeddingDim": s["embed"]},
        "base": {"file": "base.onnx", "numPoints": s["base_points"], "diffusion": ref.diffusion_manifest(base_d),
                 "sampler": {"steps": 64, "sigmaMin": 1e-3, "sigmaMax": 120, "sChurn": 3, "guidanceScale": 3}},
        "upsampler": {"file": "upsample.onnx", "numPoints": s["up_points"], "diffusion": ref.diffusion_manifest(up_d),
                      "sampler": {"steps": 64, "sigmaMin": 1e-3, "sigmaMax": 160, "sChurn": 0, "guidanceScale": 0}},
        "sdf": {"encoder": "sdf-encoder.onnx", "decoder": "sdf-decoder.onnx", "numPoints": n_all},
    })
    params = sum(p.numel() for m in (clip_model.transformer, base, up, sdf) for p in m.parameters())
    print(json.dumps({"exported": args.out, "size": args.size, "parameters": params}))


def median_ms(fn, repeats: int) -> float:
    fn()  # warm-up
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run(args) -> None:
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    stubbed_ftfy = stub_ftfy()
    real_skimage = has_skimage()
    if real_skimage:
        import skimage.measure  # noqa: F401  (imported first, so reference.py keeps the real one)
    size = json.load(open(os.path.join(args.dir, "manifest.json")))["name"].rsplit("-", 1)[-1]
    ref, mods, s, clip_model, tower, base, up, sdf = build(size, 0)
    state = torch.load(os.path.join(args.dir, "weights.pt"))
    clip_model.load_state_dict(state["clip"])
    base.load_state_dict(state["base"])
    up.load_state_dict(state["up"])
    sdf.load_state_dict(state["sdf"])
    torch.set_grad_enabled(False)
    result = {"side": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
              "skimage": real_skimage, "ftfyStubbed": stubbed_ftfy}
    if args.phase in ("calls", "all"):
        result["callsMs"] = time_calls(args, s, ref, clip_model, tower, base, up, sdf)
    if args.phase in ("e2e", "all"):
        result.update(time_end_to_end(args, s, mods, base, up, sdf))
    result["peakRssMb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def time_calls(args, s, ref, clip_model, tower, base, up, sdf):
    """One call of each network, median of --repeats after a warm-up."""
    nb, nu, n_all = s["base_points"], s["up_points"], s["base_points"] + s["up_points"]
    g = torch.Generator().manual_seed(1)
    tokens = tower.tokens([args.prompt]).long()
    emb = tower.embed([args.prompt])
    x_base = torch.randn(2, CHANNELS, nb, generator=g)
    x_up = torch.randn(1, CHANNELS, nu, generator=g)
    low = torch.randn(1, CHANNELS, nb, generator=g)
    pts = torch.rand(1, 3, n_all, generator=g) - 0.5
    latents = sdf.encode_point_clouds(pts)
    query = torch.rand(1, 3, 4096, generator=g) - 0.5
    return {
        "text": median_ms(lambda: ref.TextEncoderGraph(clip_model)(tokens), args.repeats),
        "base": median_ms(lambda: base(x_base, torch.tensor([500.0, 500.0]),
                                       embeddings=torch.cat([emb, torch.zeros_like(emb)])), args.repeats),
        "upsampler": median_ms(lambda: up(x_up, torch.tensor([500.0]), low_res=low), args.repeats),
        "sdfEncoder": median_ms(lambda: sdf.encode_point_clouds(pts), args.repeats),
        "sdfDecoder": median_ms(lambda: sdf.predict_sdf(query, latents), args.repeats),
    }


def time_end_to_end(args, s, mods, base, up, sdf):
    """The reference pipeline: tokenize + text tower, PointCloudSampler, marching_cubes_mesh."""
    nb, nu = s["base_points"], s["up_points"]
    base_d = mods.diffusion_configs.diffusion_from_config(mods.diffusion_configs.DIFFUSION_CONFIGS["base40M-textvec"])
    up_d = mods.diffusion_configs.diffusion_from_config(mods.diffusion_configs.DIFFUSION_CONFIGS["upsample"])
    sampler = mods.sampler.PointCloudSampler(
        device=torch.device("cpu"), models=[base, up], diffusions=[base_d, up_d], num_points=[nb, nu],
        aux_channels=["R", "G", "B"], guidance_scale=[3.0, 0.0], model_kwargs_key_filter=("texts", ""),
        karras_steps=(args.base_steps, args.up_steps))

    def end_to_end():
        torch.manual_seed(args.seed)
        t0 = time.perf_counter()
        samples = None
        for samples in sampler.sample_batch_progressive(batch_size=1, model_kwargs=dict(texts=[args.prompt])):
            pass
        t1 = time.perf_counter()
        pc = sampler.output_to_point_clouds(samples)[0]
        mesh = mods.pc_to_mesh.marching_cubes_mesh(pc, sdf, batch_size=4096, grid_size=args.grid, progress=False)
        t2 = time.perf_counter()
        return (t1 - t0) * 1000, (t2 - t1) * 1000, len(mesh.faces)

    end_to_end()  # warm-up
    runs = [end_to_end() for _ in range(args.runs)]
    return {
        "sampleMs": statistics.median(r[0] for r in runs),
        "meshMs": statistics.median(r[1] for r in runs),
        "endToEndMs": statistics.median(r[0] + r[1] for r in runs),
        "faces": runs[-1][2],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export")
    ex.add_argument("--size", choices=sorted(SIZES), default="tiny")
    ex.add_argument("--out", required=True)
    ex.add_argument("--seed", type=int, default=1234)
    rn = sub.add_parser("run")
    rn.add_argument("--dir", required=True)
    rn.add_argument("--prompt", default="a red wooden chair")
    rn.add_argument("--base-steps", type=int, default=16)
    rn.add_argument("--up-steps", type=int, default=16)
    rn.add_argument("--grid", type=int, default=32)
    rn.add_argument("--repeats", type=int, default=10)
    rn.add_argument("--runs", type=int, default=3)
    rn.add_argument("--seed", type=int, default=1)
    rn.add_argument("--threads", type=int, default=0, help="torch threads; 0 keeps torch's default")
    rn.add_argument("--phase", choices=["calls", "e2e", "all"], default="all",
                    help="what to time; the benchmark runs each phase in its own process for a clean peak RSS")
    args = parser.parse_args()
    export(args) if args.command == "export" else run(args)


if __name__ == "__main__":
    main()
