"""The full pipeline over a corpus on a Dask cluster (``dask.distributed``).

The client streams the inputs into partition files under ``OUTPUT/_input`` (so memory
stays flat however large the corpus), then maps one task per partition: each worker
loads the model once (cached per worker process), analyses its partition and writes
``OUTPUT/part-NNNNN.jsonl`` atomically. A partition whose output exists is finished:
a rerun skips it; a failed partition is retried by the scheduler. An article that makes
the analysis raise costs only itself (``pipeline.guarded``): it is listed, with the error, in
``OUTPUT/part-NNNNN.errors.jsonl`` and the rest of its partition is analysed.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import json
import os
import re
import socket
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .document import Analysis, Article


@dataclass
class BatchResult:
    partitions: int
    skipped: int
    articles: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)  # {"id", "stage", "error", "partition"} per failure


def write_partitions(articles: Iterable[Article], directory: Path, size: int) -> list[Path]:
    """Split the input stream into JSONL partition files; the same input gives the same files,
    so a rerun recognises finished work by name and content hash."""
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    buf: list[str] = []

    def flush() -> None:
        path = directory / f"part-{len(paths):05d}.jsonl"
        data = "".join(buf)
        if not path.exists() or path.read_text(encoding="utf-8") != data:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(data, encoding="utf-8")
            os.replace(tmp, path)
        paths.append(path)
        buf.clear()

    for art in articles:
        buf.append(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
        if len(buf) >= size:
            flush()
    if buf:
        flush()
    for stale in directory.glob("part-*.jsonl"):  # an input that shrank leaves no orphan partitions
        if stale not in paths:
            stale.unlink()
    return paths


def _model(name: str | None, int8: bool = False, taxonomy: str | None = None):
    """One model per worker process, loaded on its first partition (on its GPU if it has one):
    the registry's cache keeps it for the next."""
    from .registry import load_model

    return load_model(name, int8=int8, taxonomy=taxonomy)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def analyze_partition(input_path: str, output_path: str, model: str | None, batch_size: int = 16,
                      sources: bool = True, int8: bool = False, taxonomy: str | None = None) -> dict:
    """Analyse one partition file; returns counts and where the time went."""
    t0 = time.perf_counter()
    src = Path(input_path)
    articles = [Article.from_dict(json.loads(line)) for line in _lines(src)]
    t1 = time.perf_counter()
    tagger = _model(model, int8, taxonomy)
    before = dict(tagger.timings)
    t2 = time.perf_counter()
    from .pipeline import add_sources, analyze_batch, failure_reason, guarded

    failed: list[dict] = []
    results: list[Analysis] = []
    for art, r in zip(articles, guarded(lambda chunk: analyze_batch(chunk, tagger), articles, batch_size)):
        if isinstance(r, Exception):  # left out of the shard; listed in its errors file
            failed.append({"id": art.id, "stage": "techniques", "error": failure_reason(r)})
        else:
            results.append(r)
    t3 = time.perf_counter()
    if sources:  # an article whose sources fail keeps its techniques
        for r, done in zip(results, guarded(lambda chunk: add_sources(chunk) or chunk, results, batch_size)):
            if isinstance(done, Exception):
                failed.append({"id": r.article.id, "stage": "sources", "error": failure_reason(done)})
    t4 = time.perf_counter()
    out = Path(output_path)
    errors = out.with_suffix(".errors.jsonl")
    if failed:
        errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in failed), encoding="utf-8")
    else:
        errors.unlink(missing_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for r in results:
            f.write(r.to_json() + "\n")
    os.replace(tmp, out)  # atomic: a partition output either exists whole or not at all
    marker = out.with_suffix(".done.tmp")  # whole or absent, as the output: a cut marker is a redo
    marker.write_text(json.dumps({"input": _digest(src), "model": tagger.name}))
    os.replace(marker, out.with_suffix(".done"))
    spent = {k: tagger.timings[k] - before[k] for k in before}
    return {"articles": len(results), "failed": failed, "read": t1 - t0, "load_model": t2 - t1,
            "tokenise": spent["tokenise"], "model": spent["encoder"], "decode": spent["decode"], "sources": t4 - t3,
            "write": time.perf_counter() - t4}


def is_done(input_path: Path, output_path: Path, model_name: str | None = None) -> bool:
    """Whether ``output_path`` holds this partition's analyses by ``model_name``, as its marker
    says; a marker that is no JSON object (cut short, written by hand) was a JSONDecodeError
    traceback on every rerun, and now means the partition is analysed again."""
    marker = output_path.with_suffix(".done")
    if not (output_path.exists() and marker.exists()):
        return False
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # cut short by a crash or written by hand: analyse the partition again
        return False
    if not isinstance(info, dict):
        return False
    return info.get("input") == _digest(input_path) and (model_name is None or info.get("model") == model_name)


def is_stored(output_path: Path, store_url: str) -> bool:
    """Whether the analyses of finished partition ``output_path`` reached the store ``store_url``,
    as its ``.stored`` marker (written once they did) says. A worker marks its partition done, and
    the client stores it afterwards: a run stopped between the two (Ctrl-C, a crash) left done
    partitions whose articles and analyses no later run put into the store."""
    marker = output_path.with_suffix(".stored")
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
        done = output_path.with_suffix(".done").read_text(encoding="utf-8")
    except (OSError, ValueError):  # absent, cut short or written by hand: store the partition (again)
        return False
    return isinstance(info, dict) and info.get("store") == store_url and info.get("done") == done


def mark_stored(output_path: Path, store_url: str) -> None:
    """Record that ``output_path``'s analyses, as its ``.done`` marker now names them, are stored
    in ``store_url`` (whole or absent, as the other markers)."""
    done = output_path.with_suffix(".done").read_text(encoding="utf-8")
    tmp = output_path.with_suffix(".stored.tmp")
    tmp.write_text(json.dumps({"store": store_url, "done": done}), encoding="utf-8")
    os.replace(tmp, output_path.with_suffix(".stored"))


def make_client(scheduler: str, quiet: bool = True):
    """``local`` (one worker per core), ``local[N]`` (N workers), or a scheduler address. With
    ``quiet`` (the CLI's default; ``propscope --verbose`` turns it off) every worker, including
    one that joins or restarts later, silences third-party warnings as the CLI process does:
    worker processes do not inherit the CLI's warning filters. This process too: importing
    distributed sets its loggers back to INFO, after the CLI quieted them, so a loaded machine's
    "Worker process still alive after 4.0 seconds, killing" came with every closing."""
    from distributed import Client

    if quiet:
        from .cli import quiet_third_party

        quiet_third_party()

    if scheduler.startswith(("tcp://", "tls://", "ws://", "wss://")):
        reachable(scheduler)
        return _quieted(Client(scheduler), quiet)
    m = re.fullmatch(r"local(?:\[(\d+)\])?", scheduler)
    if not m:
        raise ValueError(f"unknown scheduler {scheduler!r}: use local, local[N] or tcp://HOST:PORT")
    n = int(m.group(1) or os.cpu_count() or 1)
    threads = max(1, (os.cpu_count() or 1) // n)
    env = {"OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)}
    if quiet:
        env["TRANSFORMERS_VERBOSITY"] = "error"  # read when transformers is imported, before any plugin runs
    # The client starts the cluster itself, so that closing the client closes the cluster and its
    # worker processes too (a Client handed a LocalCluster leaves it running until the process exits).
    client = Client(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1",
                    env=env)
    return _quieted(client, quiet)


SCHEDULER_CONNECT_S = 10.0


def reachable(address: str) -> None:
    """ValueError or OSError, in words, unless something listens at the scheduler ``address``.
    Dask's client retried an address that cannot be one (``tcp://256.1.1.1:99999``, an empty
    host) or a port nothing listens on for its whole 30 s connection timeout before it said so."""
    parts = urlsplit(address)
    try:
        port = parts.port
    except ValueError:
        port = 0
    host = parts.hostname
    if not host or not port or parts.path.strip("/") or parts.query or parts.fragment:
        raise ValueError(f"{address!r} is no scheduler address: give tcp://HOST:PORT with a port from 1 to 65535")
    if re.fullmatch(r"[\d.]+", host):
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise ValueError(f"{address!r} is no scheduler address: {host} is no IPv4 address") from None
    try:
        socket.create_connection((host, port), timeout=SCHEDULER_CONNECT_S).close()
    except socket.gaierror as e:
        raise OSError(f"cannot resolve the host {host} of {address}: {e.strerror or e}") from None
    except TimeoutError:
        raise OSError(f"nothing answered at {address} within {SCHEDULER_CONNECT_S:.0f} s") from None
    except OSError as e:
        raise OSError(f"cannot connect to {address}: {e.strerror or e} (is the scheduler running?)") from None
    _dask_handshake(address)


def _dask_handshake(address: str) -> None:
    """OSError unless a Dask scheduler at ``address`` answers Dask's greeting within the time
    ``reachable`` allows. Another server there (the dashboard's HTTP port, any service) made the
    client read its answer as a frame count: a MemoryError or struct.error traceback; one that
    never answers held the command forever (the client waits for the greeting without a timeout)."""
    from distributed.comm import connect
    from distributed.security import Security

    async def greet() -> None:
        comm = await asyncio.wait_for(connect(address, timeout=SCHEDULER_CONNECT_S,
                                              **Security().get_connection_args("client")), 2 * SCHEDULER_CONNECT_S)
        await comm.close()

    with ThreadPoolExecutor(1) as pool:  # a loop of its own, whether or not the caller runs one
        try:
            pool.submit(asyncio.run, greet()).result()
        except TimeoutError:
            raise OSError(f"no Dask scheduler answered at {address} within {2 * SCHEDULER_CONNECT_S:.0f} s") from None
        except OSError:
            raise OSError(f"{address} closed the connection instead of answering as a Dask scheduler") from None
        except Exception:  # noqa: BLE001 - whatever another protocol's bytes make of Dask's reader
            raise OSError(f"{address} answered, but not as a Dask scheduler (a scheduler listens on port 8786 "
                          "unless told otherwise; 8787 is its dashboard)") from None


def _quieted(client, quiet: bool):
    """``client`` with a worker plugin that runs ``cli.quiet_third_party`` on every worker."""
    if not quiet:
        return client
    from distributed import WorkerPlugin

    class QuietThirdParty(WorkerPlugin):
        name = "propscope-quiet-third-party"

        def setup(self, worker) -> None:
            from propscope.cli import quiet_third_party  # absolute: this class travels to the workers by value

            quiet_third_party()

    client.register_plugin(QuietThirdParty())
    return client


def run(articles: Iterable[Article], output: str | Path, client, model: str | None = None,
        partition_size: int = 256, on_done: Callable[[Path, dict], None] | None = None,
        sources: bool = True, int8: bool = False, taxonomy: str | None = None,
        on_plan: Callable[[int, int], None] | None = None,
        on_skip: Callable[[Path], None] | None = None) -> BatchResult:
    """Analyse ``articles`` on ``client``'s cluster into JSONL shards under ``output``; ``int8``
    runs the encoder quantised on the workers' CPUs (see ``TechniqueModel.load``). ``on_plan``
    hears how many articles there are and how many still need analysing, once the input is split
    (the total of a progress bar); ``on_done`` each finished partition, with its article count;
    ``on_skip`` each partition an earlier run finished (its shard), before any work is sent."""
    from distributed import as_completed

    start = time.perf_counter()
    out = Path(output)
    inputs = write_partitions(articles, out / "_input", partition_size)
    from .pipeline import model_version
    from .registry import BATCH_MODEL

    model = model or BATCH_MODEL
    version = model_version(model, int8, taxonomy)
    todo, skipped = [], 0
    for p in inputs:
        target = out / p.name
        if is_done(p, target, version):
            skipped += 1
            if on_skip:
                on_skip(target)
        else:
            target.with_suffix(".stored").unlink(missing_ok=True)  # redone: stored again once finished
            todo.append((p, target))
    if on_plan:
        counts = {p: partition_size for p in inputs} | ({inputs[-1]: len(_lines(inputs[-1]))} if inputs else {})
        on_plan(sum(counts.values()), sum(counts[p] for p, _ in todo))
    futures = {client.submit(analyze_partition, str(p), str(t), model, sources=sources, int8=int8, taxonomy=taxonomy,
                             pure=False, retries=2): t for p, t in todo}
    timings = dict.fromkeys(("read", "load_model", "tokenise", "model", "decode", "sources", "write"), 0.0)
    n = 0
    failed: list[dict] = []
    for fut in as_completed(futures):
        info = fut.result()
        n += info["articles"]
        failed += [{**e, "partition": futures[fut].name} for e in info.get("failed", [])]
        for k in timings:
            timings[k] += info[k]
        if on_done:
            on_done(futures[fut], info)
    for stale in out.glob("part-*.jsonl"):
        if stale.name.endswith(".errors.jsonl"):
            continue
        if not (out / "_input" / stale.name).exists():
            stale.unlink()
            stale.with_suffix(".done").unlink(missing_ok=True)
            stale.with_suffix(".errors.jsonl").unlink(missing_ok=True)
            stale.with_suffix(".stored").unlink(missing_ok=True)
    return BatchResult(len(inputs), skipped, n, time.perf_counter() - start, timings,
                       [str(out / p.name) for p in inputs], failed)


def _lines(path: Path) -> list[str]:
    """The JSON lines of a partition or shard (split on "\\n" only: see ``ingest.split_jsonl``)."""
    from .ingest import split_jsonl

    return [line for line in split_jsonl(path.read_text(encoding="utf-8")) if line.strip()]


def read_shard(path: str | Path) -> list[Analysis]:
    """The analyses of one output shard (``part-NNNNN.jsonl``)."""
    return [Analysis.from_json(line) for line in _lines(Path(path))]


def read_results(output: str | Path) -> Iterable[Analysis]:
    for path in sorted(Path(output).glob("part-*.jsonl")):
        if not path.name.endswith(".errors.jsonl"):
            yield from read_shard(path)
