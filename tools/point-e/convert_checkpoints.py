#!/usr/bin/env python3
"""
Converts the official Point-E checkpoints into the model folder dream-cad's runtime loads
($DREAM_CAD_MODEL_PATH/point-e): five ONNX files plus manifest.json.

Inputs (download them where you have internet; this tool never downloads):
  base_40m_textvec.pt, upsample_40m.pt, sdf.pt    from the Point-E release (point_e/models/download.py
                                                   lists the addresses; point_e_model_cache/ after a run)
  ViT-L-14.pt                                      the CLIP checkpoint (clip/clip.py lists the address)

Run with the reference code on PYTHONPATH (see docs/point-e.md):

  PYTHONPATH=/path/to/point-e:/path/to/CLIP python3 tools/point-e/convert_checkpoints.py \\
      --checkpoints /path/to/point_e_model_cache --clip /path/to/ViT-L-14.pt \\
      --out "$DREAM_CAD_MODEL_PATH/point-e"

Each exported network is checked against PyTorch on random inputs (max abs error printed) when the
Python `onnxruntime` package is importable.
"""

from __future__ import annotations

import argparse
import os
import sys

import torch

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402

SAMPLER = {
    "base": {"steps": 64, "sigmaMin": 1e-3, "sigmaMax": 120, "sChurn": 3, "guidanceScale": 3},
    "upsampler": {"steps": 64, "sigmaMin": 1e-3, "sigmaMax": 160, "sChurn": 0, "guidanceScale": 0},
}


def check(path: str, module: torch.nn.Module, feeds: dict) -> None:
    try:
        import onnxruntime as ort
    except ImportError:
        print(f"  {os.path.basename(path)}: written (install onnxruntime to check it against PyTorch)")
        return
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    with torch.no_grad():
        expected = module(*feeds.values()).numpy()
    got = session.run(None, {k: v.numpy() for k, v in feeds.items()})[0]
    print(f"  {os.path.basename(path)}: max abs error vs PyTorch {abs(got - expected).max():.2e}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoints", required=True, help="folder with base_40m_textvec.pt, upsample_40m.pt, sdf.pt")
    parser.add_argument("--clip", required=True, help="the CLIP ViT-L/14 checkpoint (ViT-L-14.pt)")
    parser.add_argument("--out", required=True, help="output folder, e.g. $DREAM_CAD_MODEL_PATH/point-e")
    parser.add_argument("--skip-check", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    mods = ref.import_reference()
    configs = mods.configs.MODEL_CONFIGS
    dconfigs = mods.diffusion_configs.DIFFUSION_CONFIGS
    out = lambda name: os.path.join(args.out, name)  # noqa: E731
    load = lambda name: torch.load(os.path.join(args.checkpoints, name), map_location="cpu")  # noqa: E731
    verify = (lambda *a: None) if args.skip_check else check

    print("CLIP ViT-L/14 text tower")
    try:
        state = torch.jit.load(args.clip, map_location="cpu").state_dict()  # the official TorchScript file
    except RuntimeError:
        state = torch.load(args.clip, map_location="cpu")  # a plain state dict
    clip_model = mods.clip_model.build_model(state).float().eval()
    ref.export_text(clip_model, out("text.onnx"), 77)
    tokens = mods.clip.tokenize(["a red motorcycle", "a chair"], truncate=True).long()
    verify(out("text.onnx"), ref.TextEncoderGraph(clip_model), {"tokens": tokens})
    feature_dim = clip_model.text_projection.shape[1]
    stub = ref.ClipStub(feature_dim, 16, 1024)

    print("base40M-textvec")
    base = ref.build_point_model(mods, configs["base40M-textvec"], stub)
    base.load_state_dict(load("base_40m_textvec.pt"))
    ref.export_base(base, out("base.onnx"), 6, 1024, feature_dim)
    emb = torch.nn.functional.normalize(torch.randn(2, feature_dim), dim=-1)
    verify(out("base.onnx"), ref.BaseGraph(base), {"x": torch.randn(2, 6, 1024), "t": torch.tensor([5.0, 900.0]), "embedding": emb})

    print("upsample")
    up = ref.build_point_model(mods, configs["upsample"], stub)
    up.load_state_dict(load("upsample_40m.pt"))
    ref.export_upsampler(up, out("upsample.onnx"), 6, 3072, 1024)
    low = torch.cat([torch.rand(1, 3, 1024) - 0.5, torch.rand(1, 3, 1024) * 255], dim=1)
    verify(out("upsample.onnx"), ref.UpsampleGraph(up), {"x": torch.randn(1, 6, 3072), "t": torch.tensor([300.0]), "low_res": low})

    print("sdf")
    sdf = ref.build_point_model(mods, configs["sdf"])
    sdf.load_state_dict(load("sdf.pt"))
    ref.export_sdf(sdf, out("sdf-encoder.onnx"), out("sdf-decoder.onnx"), 4096)
    pts = torch.rand(1, 3, 4096) - 0.5
    verify(out("sdf-encoder.onnx"), ref.SdfEncoderGraph(sdf), {"points": pts})
    with torch.no_grad():
        latents = ref.SdfEncoderGraph(sdf)(pts)
    verify(out("sdf-decoder.onnx"), ref.SdfDecoderGraph(sdf), {"query": torch.rand(1, 3, 4096) - 0.5, "latents": latents})

    ref.write_json(
        out("manifest.json"),
        {
            "format": "dream-cad/point-e",
            "version": 1,
            "name": "point-e-base40M-textvec",
            "description": "OpenAI Point-E base40M-textvec + upsample + sdf, CLIP ViT-L/14 text tower (MIT).",
            "source": "tools/point-e/convert_checkpoints.py",
            "auxChannels": ["R", "G", "B"],
            "upAxis": "z",
            "textEncoder": {"file": "text.onnx", "contextLength": 77, "embeddingDim": feature_dim},
            "base": {
                "file": "base.onnx",
                "numPoints": 1024,
                "diffusion": ref.diffusion_manifest(dconfigs["base40M-textvec"]),
                "sampler": SAMPLER["base"],
            },
            "upsampler": {
                "file": "upsample.onnx",
                "numPoints": 3072,
                "diffusion": ref.diffusion_manifest(dconfigs["upsample"]),
                "sampler": SAMPLER["upsampler"],
            },
            "sdf": {"encoder": "sdf-encoder.onnx", "decoder": "sdf-decoder.onnx", "numPoints": 4096},
        },
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
