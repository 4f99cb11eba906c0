"""
Shared helpers for the Point-E tools: import the reference code (github.com/openai/point-e and
github.com/openai/CLIP, both MIT, fetched by the developer and put on PYTHONPATH, never committed),
build its networks, and export them to ONNX in the layout the TypeScript runtime loads.

Nothing here re-implements the reference: the networks, the tokenizer and the sampler are the
reference's own classes. The only changes are the small patches below, each of which leaves the
numbers untouched:

- `checkpoint(...)` (gradient checkpointing, a training-memory trick) is replaced by a direct call,
  because ONNX export cannot trace through the autograd.Function it wraps. Forward values are the same.
- The pretrained CLIP inside the point-cloud models is replaced by `ClipStub`, which hands the
  model the embedding it is given (exactly what the reference does when `embeddings=` is passed).
  Text embeddings come from a separate CLIP text tower (`clip.model.CLIP.encode_text`).
- `torchvision` (needed only for CLIP's image preprocessing, which nothing here uses) is stubbed when
  it is not installed, so that `import clip` works for `clip.tokenize`.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
import types
from typing import Any, Dict, List, Optional

import numpy as np
import torch
import torch.nn as nn

OPSET = 14


def _stub_torchvision() -> None:
    try:
        import torchvision.transforms  # noqa: F401

        return
    except ImportError:
        pass
    tv = types.ModuleType("torchvision")
    tr = types.ModuleType("torchvision.transforms")

    class _Unused:
        def __init__(self, *args, **kwargs):
            raise RuntimeError("torchvision is stubbed: CLIP image preprocessing is not available")

    for name in ["Compose", "Resize", "CenterCrop", "ToTensor", "Normalize"]:
        setattr(tr, name, _Unused)

    class InterpolationMode:
        BICUBIC = "bicubic"

    tr.InterpolationMode = InterpolationMode
    tv.transforms = tr
    sys.modules["torchvision"] = tv
    sys.modules["torchvision.transforms"] = tr


def _stub_skimage(recorder: Dict[str, Any]) -> None:
    """`point_e.util.pc_to_mesh` imports skimage at the top; record the SDF volume it is handed."""
    if "skimage" in sys.modules and not getattr(sys.modules["skimage"], "_dreamcad_stub", False):
        return
    sk = types.ModuleType("skimage")
    sk._dreamcad_stub = True
    measure = types.ModuleType("skimage.measure")

    def marching_cubes(volume, level, allow_degenerate, spacing):
        recorder["volume"] = np.array(volume, dtype=np.float32)
        recorder["spacing"] = spacing
        verts = np.zeros([3, 3], dtype=np.float32)
        faces = np.array([[0, 1, 2]], dtype=np.int64)
        return verts, faces, np.zeros([3, 3], dtype=np.float32), None

    measure.marching_cubes = marching_cubes
    sk.measure = measure
    sys.modules["skimage"] = sk
    sys.modules["skimage.measure"] = measure


SKIMAGE_RECORD: Dict[str, Any] = {}


def import_reference():
    """Imports the reference modules (PYTHONPATH must hold the point-e and CLIP checkouts)."""
    _stub_torchvision()
    _stub_skimage(SKIMAGE_RECORD)
    try:
        import point_e  # noqa: F401
        import clip  # noqa: F401
    except ImportError as err:
        raise SystemExit(
            f"{err}: put the reference checkouts on PYTHONPATH, e.g. "
            "PYTHONPATH=/path/to/point-e:/path/to/CLIP (see docs/point-e.md)"
        )
    mods = types.SimpleNamespace()
    mods.transformer = importlib.import_module("point_e.models.transformer")
    mods.perceiver = importlib.import_module("point_e.models.perceiver")
    mods.configs = importlib.import_module("point_e.models.configs")
    mods.sdf = importlib.import_module("point_e.models.sdf")
    mods.k_diffusion = importlib.import_module("point_e.diffusion.k_diffusion")
    mods.diffusion_configs = importlib.import_module("point_e.diffusion.configs")
    mods.sampler = importlib.import_module("point_e.diffusion.sampler")
    mods.pc_to_mesh = importlib.import_module("point_e.util.pc_to_mesh")
    mods.point_cloud = importlib.import_module("point_e.util.point_cloud")
    mods.clip = importlib.import_module("clip")
    mods.clip_model = importlib.import_module("clip.model")

    def direct(func, inputs, params, flag):
        return func(*inputs)

    mods.transformer.checkpoint = direct
    mods.perceiver.checkpoint = direct
    return mods


class ClipStub:
    """Stands in for FrozenImageCLIP inside the point-cloud models: embeddings in, embeddings out.

    `text_tower` (a `TextTower`) lets it embed `texts=` as the reference ImageCLIP.embed_text does.
    """

    def __init__(self, feature_dim: int, grid_size: int, grid_feature_dim: int, text_tower=None):
        self.feature_dim = feature_dim
        self.grid_size = grid_size
        self.grid_feature_dim = grid_feature_dim
        self.text_tower = text_tower

    def __call__(self, batch_size, images=None, texts=None, embeddings=None):
        if embeddings is not None and isinstance(embeddings, torch.Tensor):
            return embeddings
        result = torch.zeros((batch_size, self.feature_dim))
        if texts is not None:
            texts = list(texts)
            for i, text in enumerate(texts):
                if text is not None:
                    result[i] = self.text_tower.embed([text])[0]
        if embeddings is not None:
            for i, emb in enumerate(embeddings):
                if emb is not None:
                    result[i] = emb.to(result)
        return result

    def embed_images_grid(self, xs):
        raise RuntimeError("image conditioning is not part of the text-to-3D runtime")


def build_point_model(mods, config: Dict[str, Any], clip_stub: Optional[ClipStub] = None) -> nn.Module:
    """`model_from_config` with the pretrained CLIP swapped for `clip_stub`."""
    original = mods.transformer.FrozenImageCLIP
    stub = clip_stub or ClipStub(768, 16, 1024)
    mods.transformer.FrozenImageCLIP = lambda *args, **kwargs: stub
    try:
        model = mods.configs.model_from_config(config, torch.device("cpu"))
    finally:
        mods.transformer.FrozenImageCLIP = original
    model.eval()
    return model


class TextTower:
    """The CLIP text tower (clip.model.CLIP.encode_text), normalised as point-e's ImageCLIP.embed_text."""

    def __init__(self, mods, clip_model: nn.Module):
        self.mods = mods
        self.model = clip_model.eval()

    def tokens(self, texts: List[str]) -> torch.Tensor:
        return self.mods.clip.tokenize(texts, truncate=True)

    @torch.no_grad()
    def embed(self, texts: List[str]) -> torch.Tensor:
        enc = self.model.encode_text(self.tokens(texts)).float()
        return enc / torch.linalg.norm(enc, dim=-1, keepdim=True)


class TextEncoderGraph(nn.Module):
    """tokens [B, 77] (int64) → unit-length text embedding [B, D]."""

    def __init__(self, clip_model: nn.Module):
        super().__init__()
        self.clip_model = clip_model

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        enc = self.clip_model.encode_text(tokens).float()
        return enc / torch.linalg.norm(enc, dim=-1, keepdim=True)


class BaseGraph(nn.Module):
    """x [B, C, N], t [B] (float), embedding [B, D] → model output [B, 2C, N]."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, x, t, embedding):
        return self.model(x, t, embeddings=embedding)


class UpsampleGraph(nn.Module):
    """x [B, C, N], t [B], low_res [B, C, N_low] → [B, 2C, N]; the image grid is the reference's zeros."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, x, t, low_res):
        return self.model(x, t, low_res=low_res)


class SdfEncoderGraph(nn.Module):
    """points [B, 3, N] → latents [B, N, W]."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, points):
        return self.model.encode_point_clouds(points)["latents"]


class SdfDecoderGraph(nn.Module):
    """query [B, 3, Q], latents [B, N, W] → sdf [B, Q] (positive inside)."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, query, latents):
        return self.model.predict_sdf(query, dict(latents=latents))


def export(module: nn.Module, args, path: str, input_names, output_names, dynamic_axes) -> None:
    module.eval()
    with torch.no_grad():
        torch.onnx.export(
            module,
            args,
            path,
            input_names=input_names,
            output_names=output_names,
            dynamic_axes=dynamic_axes,
            opset_version=OPSET,
            do_constant_folding=True,
        )


def export_base(model, path: str, channels: int, n_points: int, feature_dim: int) -> None:
    export(
        BaseGraph(model),
        (torch.zeros(2, channels, n_points), torch.zeros(2), torch.zeros(2, feature_dim)),
        path,
        ["x", "t", "embedding"],
        ["output"],
        {"x": {0: "batch"}, "t": {0: "batch"}, "embedding": {0: "batch"}, "output": {0: "batch"}},
    )


def export_upsampler(model, path: str, channels: int, n_points: int, n_low: int) -> None:
    export(
        UpsampleGraph(model),
        (torch.zeros(1, channels, n_points), torch.zeros(1), torch.zeros(1, channels, n_low)),
        path,
        ["x", "t", "low_res"],
        ["output"],
        {"x": {0: "batch"}, "t": {0: "batch"}, "low_res": {0: "batch"}, "output": {0: "batch"}},
    )


def export_sdf(model, encoder_path: str, decoder_path: str, n_points: int) -> None:
    export(
        SdfEncoderGraph(model),
        (torch.zeros(1, 3, n_points),),
        encoder_path,
        ["points"],
        ["latents"],
        {"points": {0: "batch"}, "latents": {0: "batch"}},
    )
    width = model.encoder.width
    export(
        SdfDecoderGraph(model),
        (torch.zeros(1, 3, 16), torch.zeros(1, n_points, width)),
        decoder_path,
        ["query", "latents"],
        ["sdf"],
        {"query": {0: "batch", 2: "queries"}, "latents": {0: "batch"}, "sdf": {0: "batch", 1: "queries"}},
    )


def export_text(clip_model, path: str, context_length: int) -> None:
    export(
        TextEncoderGraph(clip_model),
        (torch.zeros(1, context_length, dtype=torch.long),),
        path,
        ["tokens"],
        ["embedding"],
        {"tokens": {0: "batch"}, "embedding": {0: "batch"}},
    )


def diffusion_manifest(config: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "schedule": config["schedule"],
        "timesteps": config["timesteps"],
        "meanType": config.get("mean_type", "epsilon"),
        "channelScales": list(config["channel_scales"]),
        "channelBiases": list(config["channel_biases"]),
    }


def write_json(path: str, obj: Any) -> None:
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


class TensorFile:
    """Tensors for the TypeScript tests: one little-endian .bin plus an index in the JSON beside it."""

    def __init__(self):
        self.chunks: List[bytes] = []
        self.offset = 0
        self.index: Dict[str, Any] = {}

    def add(self, name: str, array, dtype: str = "float32") -> None:
        if isinstance(array, torch.Tensor):
            array = array.detach().cpu().numpy()
        arr = np.ascontiguousarray(np.asarray(array, dtype=dtype))
        data = arr.astype("<" + arr.dtype.str[1:]).tobytes()
        self.index[name] = {"dtype": dtype, "shape": list(arr.shape), "offset": self.offset}
        self.chunks.append(data)
        self.offset += len(data)
        pad = (-self.offset) % 8
        if pad:
            self.chunks.append(b"\0" * pad)
            self.offset += pad

    def save(self, bin_path: str) -> None:
        with open(bin_path, "wb") as f:
            for chunk in self.chunks:
                f.write(chunk)


def randomize_(module: nn.Module, generator: torch.Generator, out_std: float = 1.0) -> None:
    """Random weights everywhere, including what the reference zero-initialises.

    The output projections of the diffusion transformers start at zero in the reference, so a parity
    check with them untouched would compare zeros with zeros: every Linear called `output_proj` gets
    weights of std out_std/sqrt(fan_in) and a random bias. LayerNorm gains and biases, and all other
    Linear biases (zero at init), are perturbed too so the check covers them.
    """
    with torch.no_grad():
        for name, m in module.named_modules():
            if isinstance(m, nn.LayerNorm):
                m.weight.copy_(1 + 0.1 * torch.randn(m.weight.shape, generator=generator))
                m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=generator))
            elif isinstance(m, nn.Linear):
                if name.endswith("output_proj"):
                    fan_in = m.weight.shape[1]
                    m.weight.copy_(torch.randn(m.weight.shape, generator=generator) * out_std / math.sqrt(fan_in))
                    if m.bias is not None:
                        m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=generator))
                elif m.bias is not None:
                    m.bias.copy_(0.02 * torch.randn(m.bias.shape, generator=generator))
