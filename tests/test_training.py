"""The CPU training path: cached lower layers, stages that survive a kill, out-of-fold tuning.
Runs train for seconds on a few PTC articles with MiniLM: they test the machinery, not a model."""

import dataclasses
import json
import os
import re
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
import torch
from click.testing import CliRunner
from safetensors.torch import load_file

pytestmark = pytest.mark.data

SMALL = ["--base", "minilm", "--top-layers", "2", "--lora-rank", "4", "--limit-articles", "6", "--folds", "2",
         "--seed", "3"]


def config_extend_matches(metrics: dict, config: dict) -> bool:
    """The shipped config grows span edges by the tuned amount, and never when the levers table dropped it."""
    kept = metrics["levers"]["extend_span_edges"]["kept"]
    return (config["span_extend_threshold"] == metrics["thresholds"]["span_extend"]
            and (kept or config["span_extend_threshold"] is None))


def test_train_command_writes_a_loadable_artifact_with_cross_validated_card(tmp_path):
    from propscope.cli import main
    from propscope.pipeline import load_model

    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", *SMALL, "--epochs", "1", "--name", "smoke", "--out", str(run)])
    assert r.exit_code == 0, r.output
    assert "over 2 folds (out of fold)" in r.output
    # the lower 4 of MiniLM's 6 layers were cached once, for every stage
    assert json.loads((run / "cache" / "key.json").read_text())["lower_layers"] == 4
    for stage in ("fold0", "fold1", "full"):
        assert (run / stage / "done").exists() and (run / stage / "span_classifier.safetensors").exists()
    model_dir = run / "model"
    metrics = json.loads((model_dir / "metrics.json").read_text())
    assert len(metrics["cv"]["si"]["folds"]) == 2 and {"span", "sentence"} <= set(metrics["calibration"])
    assert len(metrics["cv_folds"]) == 2 and "thresholds" in metrics["cv_folds"][0]
    assert "extend_span_edges" in metrics["levers"]  # growing span edges is decided like every lever
    assert config_extend_matches(metrics, json.loads((model_dir / "config.json").read_text()))
    card = (model_dir / "MODEL_CARD.md").read_text()
    assert card.startswith("# Model card: `smoke`") and "## Cross-validated scores" in card
    assert "| extend_span_edges |" in card
    config = json.loads((model_dir / "config.json").read_text())
    assert config["lora_layers"] == [4, 5] and config["span_threshold"] == metrics["thresholds"]["span"]
    # adapters only on the top layers: nothing below layer 4 is stored
    assert not [k for k in load_file(str(model_dir / "adapter.safetensors")) if "layer.0." in k or "layer.3." in k]
    model = load_model(str(model_dir))
    assert model.name.startswith("smoke-")
    model.analyze("The corrupt elites lie to you every single day.").validate()
    # the span models read layer 4's output too: from the cache when fitted, from the forward pass in use
    assert config["frozen_layer"] == 4 and "the span's mean state after layer 4 (frozen base weights" in card
    assert model.span_classifier.mean.shape[0] == 384 * 2 + 14 + 3 + 7
    from propscope.techniques import training, tuning

    opts = training.resume_options(run)
    data = tuning.RunData(opts)
    article = data.articles[0]
    cached = data.frozen[article.id]
    tp = model.token_probs([article.text])[0]
    assert cached.shape == tp.frozen.shape == (len(data.encoded[article.id].ids), 384)
    cache = training.find_cache(run, opts, data.articles)
    w = int(np.flatnonzero(cache.owner.numpy() == 0)[-1])  # the article's last window, where it starts
    a, n = int(cache.first[w]), int(cache.mask[w].sum()) - 2
    assert np.array_equal(cached[a : a + n], cache.states[w, 1 : n + 1].float().numpy().astype(np.float16))
    # --retune redoes the tuning from the saved predictions and never touches the weights
    before = (model_dir / "adapter.safetensors").read_bytes()
    r = CliRunner().invoke(main, ["train", "--retune", str(run)])
    assert r.exit_code == 0, r.output
    assert (model_dir / "adapter.safetensors").read_bytes() == before
    # ... and may read another frozen layer: its states are computed once, beside the run's cache
    r = CliRunner().invoke(main, ["train", "--retune", str(run), "--frozen-layer", "5"])
    assert r.exit_code == 2 and "0 to 4" in r.output
    r = CliRunner().invoke(main, ["train", "--retune", str(run), "--frozen-layer", "2"])
    assert r.exit_code == 0, r.output
    assert json.loads((run / "cache-layer2" / "key.json").read_text())["lower_layers"] == 2
    assert json.loads((model_dir / "config.json").read_text())["frozen_layer"] == 2
    assert json.loads((run / "run.json").read_text())["frozen_layer"] == 2  # later re-tunes keep it
    card = (model_dir / "MODEL_CARD.md").read_text()
    assert "--out RUN`, then `propscope train --retune RUN --frozen-layer 2`" in card
    again = load_model(str(model_dir))
    assert again.span_classifier.mean.shape[0] == 384 * 2 + 14 + 3 + 7 and again.span_classifier.lexical is None
    assert again.token_probs([article.text])[0].frozen.shape == cached.shape
    again.analyze(article.text).validate()
    # --span-words: the technique classifier reads the span's words too, and later re-tunes keep it
    r = CliRunner().invoke(main, ["train", "--retune", str(run), "--span-words"])
    assert r.exit_code == 0, r.output
    assert json.loads((run / "run.json").read_text())["span_words"] is True
    worded = load_model(str(model_dir))
    assert worded.span_classifier.lexical is not None and worded.span_classifier.mean.shape[0] == 384 * 2 + 14 + 3 + 7 + 14
    assert getattr(worded.span_filter, "lexical", None) is None  # the filter never reads them
    assert "and the span's own words" in (model_dir / "MODEL_CARD.md").read_text()
    worded.analyze(article.text).validate()
    # a resumed finished run refits the artifact from the saved out-of-fold results, and keeps what they cost
    took = json.loads((run / "oof.json").read_text())["seconds_out_of_fold"]
    r = CliRunner().invoke(main, ["train", "--resume", str(run)])
    assert r.exit_code == 0, r.output
    assert json.loads((model_dir / "metrics.json").read_text())["seconds_out_of_fold"] == took > 0
    assert f"out-of-fold tuning {took:.0f}, final fitting " in (model_dir / "MODEL_CARD.md").read_text()
    # the span classifier may read several frozen layers side by side (layer 2's states, then the run's
    # own layer 4), in the cache as in use; the run still reads the span's words (--span-words above)
    for bad in ("2-5", "x", "3-"):
        r = CliRunner().invoke(main, ["train", "--retune", str(run), "--frozen-layer", bad])
        assert r.exit_code == 2 and "0 to 4 for this run" in r.output
    r = CliRunner().invoke(main, ["train", "--retune", str(run), "--frozen-layer", "2,4"])
    assert r.exit_code == 0, r.output
    assert json.loads((model_dir / "config.json").read_text())["frozen_layer"] == [2, 4]
    assert "--frozen-layer 2,4`" in (model_dir / "MODEL_CARD.md").read_text()
    both = load_model(str(model_dir))
    assert both.span_classifier.mean.shape[0] == 384 * 3 + 14 + 3 + 7 + 14
    data = tuning.RunData(training.resume_options(run))
    used = both.token_probs([article.text])[0].frozen
    assert used.shape == data.frozen[article.id].shape == (len(cached), 768)
    assert np.array_equal(data.frozen[article.id][:, 384:], cached)  # layer 4's states, after layer 2's
    both.analyze(article.text).validate()


def _train_process(*args: str) -> subprocess.Popen:
    """``propscope train ARGS`` in its own process, on one thread (the same arithmetic every time)."""
    return subprocess.Popen([sys.executable, "-m", "propscope.cli", "train", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"})


def test_a_killed_run_resumes_from_its_checkpoint_to_the_same_weights(tmp_path):
    args = [*SMALL, "--epochs", "4"]
    whole = tmp_path / "whole"
    assert _train_process(*args, "--out", str(whole)).wait(timeout=600) == 0
    killed = tmp_path / "killed"
    proc = _train_process(*args, "--out", str(killed))
    checkpoint = killed / "fold0" / "checkpoint.pt"
    deadline = time.time() + 600
    while not checkpoint.exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert checkpoint.exists() and not (killed / "fold0" / "done").exists()  # stopped part-way
    resumed = _train_process("--resume", str(killed))
    output = resumed.communicate(timeout=600)[0]
    assert resumed.returncode == 0, output
    assert "fold0: resuming after epoch" in output
    a = load_file(str(whole / "model" / "adapter.safetensors"))
    b = load_file(str(killed / "model" / "adapter.safetensors"))
    assert a.keys() == b.keys() and all((a[k] == b[k]).all() for k in a)


class _KilledLog:
    """A log whose process "dies" right after the optimizer's Nth step, before that step is saved."""

    def __init__(self, steps: int):
        self.steps, self.lines = steps, []

    def line(self, text: str) -> None:
        self.lines.append(text)

    def progress(self, label: str, done: int, total: int, t0: float, extra: str = "") -> None:
        self.steps -= " epoch " in label  # not the cache's progress
        if self.steps == 0:
            raise KeyboardInterrupt


def test_a_run_stopped_inside_an_epoch_resumes_at_its_step_to_the_same_weights(tmp_path):
    from propscope.techniques import training

    def options(out):  # four steps an epoch, a checkpoint after every one
        return training.RunOptions(base="minilm", top_layers=2, lora_rank=4, limit_articles=6, folds=2, seed=3,
                                   epochs=2, batch_size=2, threads=1, checkpoint_minutes=0, out_dir=str(out))

    training.run(options(tmp_path / "whole"), log=_KilledLog(10**6), only=["fold0"])
    cut = options(tmp_path / "cut")
    with pytest.raises(KeyboardInterrupt):
        training.run(cut, log=_KilledLog(3), only=["fold0"])
    state = torch.load(tmp_path / "cut" / "fold0" / "checkpoint.pt", weights_only=False)
    assert (state["epoch"], state["step"]) == (0, 2)  # the third step was lost with the process
    log = _KilledLog(10**6)
    training.run(cut, log=log, only=["fold0"])
    assert any(line.startswith("fold0: resuming after epoch 0, step 2 of ") for line in log.lines), log.lines
    a = load_file(str(tmp_path / "whole" / "fold0" / "adapter.safetensors"))
    b = load_file(str(tmp_path / "cut" / "fold0" / "adapter.safetensors"))
    assert a.keys() == b.keys() and all((a[k] == b[k]).all() for k in a)
    whole = json.loads((tmp_path / "whole" / "fold0" / "config.json").read_text())["extra"]["history"]
    resumed = json.loads((tmp_path / "cut" / "fold0" / "config.json").read_text())["extra"]["history"]
    assert [h["loss"] for h in resumed] == [h["loss"] for h in whole]  # the cut epoch's loss counts every step


def test_resume_needs_a_run_folder(tmp_path):
    from propscope.cli import main

    r = CliRunner().invoke(main, ["train", "--resume", str(tmp_path)])
    assert r.exit_code == 1 and "not a training run folder" in r.output


def test_only_trains_the_named_stages_and_resume_finishes_the_run(tmp_path):
    from propscope.cli import main

    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", *SMALL, "--epochs", "1", "--out", str(run), "--only", "fold1", "--threads", "1"])
    assert r.exit_code == 0, r.output
    assert (run / "fold1" / "done").exists() and not (run / "fold0").exists() and not (run / "model").exists()
    assert f"propscope train --resume {run}" in r.output
    r = CliRunner().invoke(main, ["train", "--resume", str(run)])
    assert r.exit_code == 0, r.output
    assert all((run / s / "done").exists() for s in ("fold0", "fold1", "full")) and (run / "model" / "config.json").exists()


def test_batch_size_sets_the_optimizer_steps_and_is_saved_for_resume(tmp_path):
    import torch

    from propscope.cli import main
    from propscope.techniques import training

    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", *SMALL, "--epochs", "1", "--out", str(run), "--only", "fold0",
                                  "--batch-size", "2"])
    assert r.exit_code == 0, r.output
    opts = training.resume_options(run)
    assert opts.batch_size == 2
    train_ids, _ = training.split_by_article(sorted(a.id for a in training.load_ptc_train()[:6]), 2, 0, 3)
    cache = training.find_cache(run, opts, training.load_ptc_train()[:6])
    n_windows = len(cache.windows_of(train_ids))
    steps = torch.load(run / "fold0" / "checkpoint.pt", weights_only=False)["sched"]["last_epoch"]
    assert n_windows > 2 and steps == -(-n_windows // 2)
    r = CliRunner().invoke(main, ["train", *SMALL, "--out", str(tmp_path / "r0"), "--batch-size", "0"])
    assert r.exit_code == 2 and "Invalid value for '--batch-size': 0 is not in the range x>=1" in r.output


@pytest.mark.parametrize("folds", ["7", "100000"])
def test_more_folds_than_articles_is_a_usage_error_before_any_work(folds, tmp_path):
    """``--folds 100000`` trained one model per fold, almost all holding out no article: days of a
    CPU for nothing. More folds than training articles stops before the cache or the run file."""
    from propscope.cli import main

    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", *SMALL, "--out", str(run), "--folds", folds])
    assert r.exit_code == 2 and f"--folds {folds} is more than the 6 training articles" in r.output
    assert not run.exists()


def test_an_unknown_stage_is_a_usage_error(tmp_path):
    from propscope.cli import main

    r = CliRunner().invoke(main, ["train", *SMALL, "--out", str(tmp_path / "r"), "--only", "fold9"])
    assert r.exit_code == 2 and "fold0, fold1, full" in r.output


def test_continue_from_trains_more_epochs_on_a_finished_run_with_its_cache(tmp_path):
    from propscope.cli import main

    first, more = tmp_path / "first", tmp_path / "more"
    r = CliRunner().invoke(main, ["train", *SMALL, "--epochs", "1", "--out", str(first)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["train", "--continue-from", str(first), "--epochs", "1", "--lr", "5e-4",
                                  "--out", str(more)])
    assert r.exit_code == 0, r.output
    assert not (more / "cache").exists()  # the first run's cache served
    assert json.loads((more / "run.json").read_text())["continue_from"] == str(first)
    history = json.loads((more / "model" / "config.json").read_text())["extra"]["history"]
    assert [h["epoch"] for h in history] == [1, 2]  # the first run's epoch, then this one's
    card = (more / "model" / "MODEL_CARD.md").read_text()
    assert "then `propscope train --continue-from RUN1 --epochs 1 --lr 0.0005" in card and "2 epochs in all" in card
    assert "first run: fold0" in card and "last continuation: fold0" in card
    a = load_file(str(first / "full" / "adapter.safetensors"))
    b = load_file(str(more / "full" / "adapter.safetensors"))
    assert a.keys() == b.keys() and any((a[k] != b[k]).any() for k in a)

    # a continuation of a continuation still uses the first run's cache, and the card names all three runs
    again = tmp_path / "again"
    r = CliRunner().invoke(main, ["train", "--continue-from", str(more), "--epochs", "1", "--out", str(again)])
    assert r.exit_code == 0, r.output
    assert not (again / "cache").exists()
    history = json.loads((again / "model" / "config.json").read_text())["extra"]["history"]
    assert [h["epoch"] for h in history] == [1, 2, 3]
    card = (again / "model" / "MODEL_CARD.md").read_text()
    assert "--continue-from RUN1" in card and "--continue-from RUN2" in card and "3 epochs in all" in card
    assert "first run: fold0" in card and "continuation 1: fold0" in card and "last continuation: fold0" in card


def test_continue_from_may_train_more_layers_but_not_fewer(tmp_path):
    from propscope.cli import main

    first, deeper = tmp_path / "first", tmp_path / "deeper"
    r = CliRunner().invoke(main, ["train", *SMALL, "--epochs", "1", "--out", str(first)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["train", "--continue-from", str(first), "--top-layers", "1", "--out",
                                  str(tmp_path / "shallower")])
    assert r.exit_code == 2 and "--top-layers 2 or above" in r.output
    r = CliRunner().invoke(main, ["train", "--continue-from", str(first), "--top-layers", "3", "--epochs", "1",
                                  "--out", str(deeper)])
    assert r.exit_code == 0, r.output
    assert (deeper / "cache").exists()  # one layer fewer runs below: the first run's cache does not fit
    a = load_file(str(first / "full" / "adapter.safetensors"))
    b = load_file(str(deeper / "full" / "adapter.safetensors"))
    layer = re.compile(r"\.layer\.(\d+)\.")
    assert {int(layer.search(k)[1]) for k in a if "lora_" in k} == {4, 5}
    assert {int(layer.search(k)[1]) for k in b if "lora_" in k} == {3, 4, 5} and set(a) < set(b)
    assert json.loads((deeper / "model" / "config.json").read_text())["lora_layers"] == [3, 4, 5]
    card = (deeper / "model" / "MODEL_CARD.md").read_text()
    assert "`propscope train --continue-from RUN1 --top-layers 3 --epochs 1" in card


def test_continue_from_an_unfinished_run_says_how_to_finish_it(tmp_path):
    from propscope.cli import main

    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", *SMALL, "--epochs", "1", "--out", str(run), "--only", "fold1"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["train", "--continue-from", str(run), "--out", str(tmp_path / "more")])
    assert r.exit_code == 2 and f"propscope train --resume {run}" in r.output
    r = CliRunner().invoke(main, ["train", "--continue-from", str(run), "--out", str(tmp_path / "more"),
                                  "--only", "fold0"])
    assert r.exit_code == 2 and "(fold0)" in r.output  # the stage it would start from is unfinished

    # a stage that is finished there continues on its own: one process per fold, no waiting for the others
    more = tmp_path / "more"
    r = CliRunner().invoke(main, ["train", "--continue-from", str(run), "--epochs", "1", "--out", str(more),
                                  "--only", "fold1"])
    assert r.exit_code == 0, r.output
    assert (more / "fold1" / "done").exists() and not (more / "fold0").exists()
    a = load_file(str(run / "fold1" / "adapter.safetensors"))
    b = load_file(str(more / "fold1" / "adapter.safetensors"))
    assert a.keys() == b.keys() and any((a[k] != b[k]).any() for k in a)

    # resuming it to train the rest needs those stages finished in the earlier run: a message, not a traceback
    r = CliRunner().invoke(main, ["train", "--resume", str(more)])
    assert r.exit_code == 2 and "has unfinished stages (fold0, full)" in r.output
    # once every stage of the continuation is finished, resuming it only tunes: the earlier run's are not needed
    from propscope.techniques import training

    for stage in ("fold0", "full"):
        (more / stage).mkdir(exist_ok=True)
        (more / stage / "done").write_text("1\n")
    assert training.run(training.resume_options(more)) == more


@pytest.mark.parametrize("name, says", [("fast", "nothing is cached: the adapters of all 6 layers"),
                                        ("accurate", "the lower 8 layers run once and are cached")])
def test_the_model_card_says_what_was_cached(name, says, tmp_path):
    from propscope import registry
    from propscope.techniques.model_card import write_model_card
    from propscope.techniques.tagger import TaggerConfig

    shipped = registry.model_path(name)
    result = json.loads((shipped / "metrics.json").read_text())
    write_model_card(tmp_path, TaggerConfig.load(shipped / "config.json"), result)
    card = (tmp_path / "MODEL_CARD.md").read_text()
    assert says in card
    config = TaggerConfig.load(shipped / "config.json")
    cut = f"runs longer than {config.max_run_chars} characters are cut where a sentence starts"
    assert (cut in card) == (config.max_run_chars is not None)  # the decoding it ships
    write_model_card(tmp_path, dataclasses.replace(config, max_run_chars=None), result)
    assert "characters are cut where a sentence starts" not in (tmp_path / "MODEL_CARD.md").read_text()
    off = TaggerConfig(name="x", base="minilm", labels=["Doubt"], technique_threshold=None)
    write_model_card(tmp_path, off, result)
    assert "extra technique off, technique-only spans off." in (tmp_path / "MODEL_CARD.md").read_text()


def test_the_model_card_says_when_given_spans_have_their_own_classifier(tmp_path):
    from propscope import registry
    from propscope.techniques.model_card import write_model_card
    from propscope.techniques.tagger import TaggerConfig

    shipped = registry.model_path("accurate")
    config = TaggerConfig.load(shipped / "config.json")
    result = json.loads((shipped / "metrics.json").read_text())
    says = "spans a user gives (TC, `classify-spans`) are labelled by a second classifier"
    for given in (True, False):
        full = {k: v for k, v in result["span_models"]["full"].items() if k != "given_classifier"}
        if given:
            full["given_classifier"] = full["span_classifier"]
        write_model_card(tmp_path, config, {**result, "span_models": {**result["span_models"], "full": full}})
        assert (says in (tmp_path / "MODEL_CARD.md").read_text()) == given


@pytest.mark.skipif(__import__("torch").cuda.is_available(), reason="this machine has a GPU")
@pytest.mark.parametrize("device, says", [("cuda", "no CUDA GPU is visible"), ("tpu9", "unknown device 'tpu9'")])
def test_a_device_that_is_not_there_is_a_usage_error_before_any_work(device, says, tmp_path):
    from propscope.cli import main

    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", *SMALL, "--out", str(run), "--device", device])
    assert r.exit_code == 2 and says in r.output
    assert not (run / "cache").exists()  # it stopped before caching anything


@pytest.mark.skipif(__import__("torch").cuda.is_available(), reason="auto means the GPU on this machine")
def test_device_cpu_is_the_same_run_as_auto_where_no_gpu_is_visible(tmp_path):
    """`--device cpu` is accepted, and the device plumbing (batches moved to the encoder's device,
    autocast off on a CPU) adds no randomness or precision change to the CPU recipe."""
    from propscope.cli import main

    out = {}
    for device in ("auto", "cpu"):
        run = tmp_path / device
        r = CliRunner().invoke(main, ["train", *SMALL, "--epochs", "1", "--folds", "0", "--out", str(run),
                                      "--device", device])
        assert r.exit_code == 0, r.output
        out[device] = load_file(str(run / "full" / "adapter.safetensors"))
    a, b = out["auto"], out["cpu"]
    assert a.keys() == b.keys() and all((a[k] == b[k]).all() for k in a)
