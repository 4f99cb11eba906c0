#!/usr/bin/env python3
"""
Writes the Point-E parity fixtures the TypeScript tests replay without Python (test/fixtures/point-e/).

It builds the reference networks (github.com/openai/point-e, MIT) with tiny widths and random weights
(every zero-initialised output projection re-randomised), exports them to ONNX exactly as the
checkpoint converter does, runs the reference two-stage sampler (base with classifier-free guidance and
s_churn, then the upsampler) with its noise recorded, and saves inputs, noise and outputs:

  manifest.json           the tiny models as a model folder the runtime loads (same schema as real weights)
  text.onnx, base.onnx, upsample.onnx, sdf-encoder.onnx, sdf-decoder.onnx
  parity.json/.bin        per-network inputs/outputs, sampler noise, per-step x and x0, schedule checks,
                          the SDF grid volume the reference hands to marching cubes
  tokenizer.json          ids of the reference CLIP tokenizer (clip.tokenize) for >= 200 strings

Run (Debian: apt-get install python3-torch python3-onnx python3-numpy python3-scipy python3-pil
python3-regex python3-filelock python3-tqdm python3-requests; ftfy from pip):

  PYTHONPATH=/path/to/point-e:/path/to/CLIP python3 tools/point-e/make_fixtures.py --out test/fixtures/point-e
"""

from __future__ import annotations

import argparse
import os
import sys
import types

import numpy as np
import torch

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402
from prompts import tokenizer_strings  # noqa: E402

CHANNELS = 6
BASE_POINTS = 64
UP_POINTS = 96
FEATURE_DIM = 16
GRID_SIZE = 2
GRID_FEATURE_DIM = 8
SDF_GRID = 8
PROMPT = "a red wooden chair"
BASE_STEPS = 6
UP_STEPS = 4

BASE_CONFIG = {
    "name": "CLIPImagePointDiffusionTransformer",
    "cond_drop_prob": 0.1,
    "heads": 2,
    "init_scale": 0.25,
    "input_channels": CHANNELS,
    "layers": 2,
    "n_ctx": BASE_POINTS,
    "output_channels": CHANNELS * 2,
    "time_token_cond": True,
    "token_cond": True,
    "width": 32,
}
UP_CONFIG = {
    "name": "CLIPImageGridUpsamplePointDiffusionTransformer",
    "channel_biases": [0.0, 0.0, 0.0, -1.0, -1.0, -1.0],
    "channel_scales": [2.0, 2.0, 2.0, 0.007843137255, 0.007843137255, 0.007843137255],
    "cond_ctx": BASE_POINTS,
    "cond_drop_prob": 0.1,
    "heads": 2,
    "init_scale": 0.25,
    "input_channels": CHANNELS,
    "layers": 2,
    "n_ctx": UP_POINTS,
    "output_channels": CHANNELS * 2,
    "time_token_cond": True,
    "width": 32,
}
SDF_CONFIG = {
    "name": "CrossAttentionPointCloudSDFModel",
    "decoder_heads": 2,
    "decoder_layers": 2,
    "encoder_heads": 2,
    "encoder_layers": 2,
    "init_scale": 0.25,
    "n_ctx": BASE_POINTS + UP_POINTS,
    "width": 32,
}
CLIP_CONFIG = dict(
    embed_dim=FEATURE_DIM,
    image_resolution=32,
    vision_layers=1,
    vision_width=64,
    vision_patch_size=16,
    context_length=77,
    vocab_size=49408,
    transformer_width=8,
    transformer_heads=2,
    transformer_layers=2,
)


class NoiseRecorder:
    """Replaces `th` inside k_diffusion: randn/randn_like draw from a seeded generator and are recorded."""

    def __init__(self, torch_module, seed: int):
        self._torch = torch_module
        self.generator = torch.Generator().manual_seed(seed)
        self.draws = []

    def __getattr__(self, name):
        return getattr(self._torch, name)

    def randn(self, *shape, device=None):
        out = self._torch.randn(*shape, generator=self.generator)
        self.draws.append(out.clone())
        return out

    def randn_like(self, x):
        return self.randn(*x.shape)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="test/fixtures/point-e")
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    mods = ref.import_reference()
    tf = ref.TensorFile()
    meta = {"seed": args.seed, "prompt": PROMPT}

    # --- networks -------------------------------------------------------------------------------
    clip_model = mods.clip_model.CLIP(**CLIP_CONFIG).eval()
    ref.randomize_(clip_model, gen)
    tower = ref.TextTower(mods, clip_model)
    stub = ref.ClipStub(FEATURE_DIM, GRID_SIZE, GRID_FEATURE_DIM, tower)
    base = ref.build_point_model(mods, BASE_CONFIG, stub)
    up = ref.build_point_model(mods, UP_CONFIG, stub)
    sdf = ref.build_point_model(mods, SDF_CONFIG)
    for m in (base, up, sdf):
        ref.randomize_(m, gen)

    out = lambda name: os.path.join(args.out, name)  # noqa: E731
    ref.export_text(clip_model, out("text.onnx"), 77)
    ref.export_base(base, out("base.onnx"), CHANNELS, BASE_POINTS, FEATURE_DIM)
    ref.export_upsampler(up, out("upsample.onnx"), CHANNELS, UP_POINTS, BASE_POINTS)
    ref.export_sdf(sdf, out("sdf-encoder.onnx"), out("sdf-decoder.onnx"), BASE_POINTS + UP_POINTS)

    base_diffusion_cfg = mods.diffusion_configs.DIFFUSION_CONFIGS["base40M-textvec"]
    up_diffusion_cfg = mods.diffusion_configs.DIFFUSION_CONFIGS["upsample"]
    ref.write_json(
        out("manifest.json"),
        {
            "format": "dream-cad/point-e",
            "version": 1,
            "name": "point-e-parity-tiny",
            "description": "Tiny random-weight networks for the parity tests; they generate noise, not objects.",
            "source": "tools/point-e/make_fixtures.py",
            "auxChannels": ["R", "G", "B"],
            "textEncoder": {"file": "text.onnx", "contextLength": 77, "embeddingDim": FEATURE_DIM},
            "base": {
                "file": "base.onnx",
                "numPoints": BASE_POINTS,
                "diffusion": ref.diffusion_manifest(base_diffusion_cfg),
                "sampler": {"steps": 64, "sigmaMin": 1e-3, "sigmaMax": 120, "sChurn": 3, "guidanceScale": 3},
            },
            "upsampler": {
                "file": "upsample.onnx",
                "numPoints": UP_POINTS,
                "diffusion": ref.diffusion_manifest(up_diffusion_cfg),
                "sampler": {"steps": 64, "sigmaMin": 1e-3, "sigmaMax": 160, "sChurn": 0, "guidanceScale": 0},
            },
            "sdf": {"encoder": "sdf-encoder.onnx", "decoder": "sdf-decoder.onnx", "numPoints": BASE_POINTS + UP_POINTS},
        },
    )

    # --- per-network parity ---------------------------------------------------------------------
    with torch.no_grad():
        prompts = [PROMPT, "", "a tall brass floor lamp with a very long description " * 4]
        tokens = tower.tokens(prompts).long()
        tf.add("text.tokens", tokens, "int64")
        tf.add("text.embedding", ref.TextEncoderGraph(clip_model)(tokens))

        x = torch.randn(2, CHANNELS, BASE_POINTS, generator=gen)
        t = torch.tensor([3.0, 517.0])
        emb = torch.randn(2, FEATURE_DIM, generator=gen)
        emb = emb / emb.norm(dim=-1, keepdim=True)
        tf.add("base.x", x)
        tf.add("base.t", t)
        tf.add("base.embedding", emb)
        tf.add("base.output", ref.BaseGraph(base)(x, t, emb))

        x = torch.randn(1, CHANNELS, UP_POINTS, generator=gen)
        t = torch.tensor([211.0])
        low = torch.cat(
            [torch.rand(1, 3, BASE_POINTS, generator=gen) - 0.5, torch.rand(1, 3, BASE_POINTS, generator=gen) * 255],
            dim=1,
        )
        tf.add("upsample.x", x)
        tf.add("upsample.t", t)
        tf.add("upsample.low_res", low)
        tf.add("upsample.output", ref.UpsampleGraph(up)(x, t, low))

        pts = torch.rand(1, 3, BASE_POINTS + UP_POINTS, generator=gen) - 0.5
        latents = ref.SdfEncoderGraph(sdf)(pts)
        query = torch.rand(1, 3, 37, generator=gen) - 0.5
        tf.add("sdf.points", pts)
        tf.add("sdf.latents", latents)
        tf.add("sdf.query", query)
        tf.add("sdf.output", ref.SdfDecoderGraph(sdf)(query, latents))

    # --- schedule checks: σ schedule and σ → t, over many step counts ---------------------------
    kd = mods.k_diffusion
    base_diffusion = mods.diffusion_configs.diffusion_from_config(base_diffusion_cfg)
    up_diffusion = mods.diffusion_configs.diffusion_from_config(up_diffusion_cfg)
    schedules = []
    for steps, smin, smax, which in [
        (64, 1e-3, 120, "base"),
        (64, 1e-3, 160, "upsampler"),
        (25, 1e-3, 120, "base"),
        (13, 2e-3, 80, "upsampler"),
        (2, 1e-3, 120, "base"),
        (100, 1e-3, 160, "upsampler"),
    ]:
        diffusion = base_diffusion if which == "base" else up_diffusion
        sigmas = kd.get_sigmas_karras(steps, smin, smax, 7.0, device="cpu")
        wrapped = kd.GaussianToKarrasDenoiser(None, diffusion)
        ts = [int(torch.tensor([wrapped.sigma_to_t(s)], dtype=torch.long)[0]) for s in sigmas.numpy()[:-1]]
        schedules.append(
            {"steps": steps, "sigmaMin": smin, "sigmaMax": smax, "diffusion": which,
             "sigmas": [float(s) for s in sigmas.numpy()], "t": ts}
        )
    meta["schedules"] = schedules
    tf.add("diffusion.base.alphas_cumprod", base_diffusion.alphas_cumprod, "float64")
    tf.add("diffusion.upsampler.alphas_cumprod", up_diffusion.alphas_cumprod, "float64")

    # --- the two-stage sampler with recorded noise ----------------------------------------------
    recorder = NoiseRecorder(torch, args.seed + 1)
    kd.th = recorder
    stage_records = []
    original_progressive = mods.sampler.karras_sample_progressive

    def recording_progressive(*a, **kw):
        rec = {"draws_from": len(recorder.draws), "steps": []}
        stage_records.append(rec)
        for obj in original_progressive(*a, **kw):
            rec["steps"].append(obj)
            yield obj

    mods.sampler.karras_sample_progressive = recording_progressive
    ts_called = []
    original_sigma_to_t = kd.GaussianToKarrasDenoiser.sigma_to_t

    def recording_sigma_to_t(self, sigma):
        value = original_sigma_to_t(self, sigma)
        ts_called.append(int(torch.tensor([value], dtype=torch.long)[0]))
        return value

    kd.GaussianToKarrasDenoiser.sigma_to_t = recording_sigma_to_t
    sampler = mods.sampler.PointCloudSampler(
        device=torch.device("cpu"),
        models=[base, up],
        diffusions=[base_diffusion, up_diffusion],
        num_points=[BASE_POINTS, UP_POINTS],
        aux_channels=["R", "G", "B"],
        guidance_scale=[3.0, 0.0],
        model_kwargs_key_filter=("texts", ""),
        karras_steps=(BASE_STEPS, UP_STEPS),
    )
    yielded = []
    with torch.no_grad():
        for samples in sampler.sample_batch_progressive(batch_size=1, model_kwargs=dict(texts=[PROMPT])):
            yielded.append(samples.clone())
    kd.th = torch
    kd.GaussianToKarrasDenoiser.sigma_to_t = original_sigma_to_t
    mods.sampler.karras_sample_progressive = original_progressive

    tf.add("sampler.embedding", tower.embed([PROMPT]))
    stage_meta = []
    for s, (name, rec) in enumerate(zip(["base", "upsampler"], stage_records)):
        end = stage_records[s + 1]["draws_from"] if s + 1 < len(stage_records) else len(recorder.draws)
        draws = recorder.draws[rec["draws_from"]:end]
        tf.add(f"sampler.{name}.x_T", draws[0])
        tf.add(f"sampler.{name}.eps", torch.stack(draws[1:]))
        steps = rec["steps"]
        tf.add(f"sampler.{name}.x", torch.stack([o["x"] for o in steps]))
        tf.add(f"sampler.{name}.x0", torch.stack([o["pred_xstart"] for o in steps]))
        stage_meta.append(
            {"name": name, "yields": len(steps), "noiseDraws": len(draws)}
        )
    meta["stages"] = stage_meta
    meta["denoiserT"] = ts_called
    meta["sampler"] = {"baseSteps": BASE_STEPS, "upsamplerSteps": UP_STEPS, "guidanceScale": [3.0, 0.0],
                       "sChurn": [3, 0], "sigmaMax": [120, 160], "sigmaMin": [1e-3, 1e-3]}
    final = yielded[-1]
    tf.add("sampler.final", final)

    # --- SDF grid as the reference evaluates it (marching_cubes_mesh) ----------------------------
    coords = final[0, :3].t().numpy().astype(np.float32)
    channels = {k: v[0].numpy() for k, v in zip("RGB", sampler.split_model_output(final, rescale_colors=True)[1].values())}
    pc = mods.point_cloud.PointCloud(coords=coords, channels=channels)
    mods.pc_to_mesh.marching_cubes_mesh(pc, sdf, batch_size=4096, grid_size=SDF_GRID, progress=False)
    tf.add("sdf_grid.points", torch.from_numpy(coords).t()[None])
    tf.add("sdf_grid.volume", ref.SKIMAGE_RECORD["volume"])
    meta["sdfGrid"] = {"gridSize": SDF_GRID, "sideLength": 1.02, "spacing": list(ref.SKIMAGE_RECORD["spacing"])}

    tf.save(out("parity.bin"))
    meta["tensors"] = tf.index
    ref.write_json(out("parity.json"), meta)

    # --- tokenizer ------------------------------------------------------------------------------
    strings = tokenizer_strings()
    cases = []
    for text in strings:
        ids = mods.clip.tokenize([text], truncate=True)[0].tolist()
        while ids and ids[-1] == 0:
            ids.pop()
        cases.append({"text": text, "ids": ids})
    ref.write_json(out("tokenizer.json"), {"contextLength": 77, "cases": cases})
    print(f"wrote {len(tf.index)} tensors, {len(cases)} tokenizer cases to {args.out}")


if __name__ == "__main__":
    main()
