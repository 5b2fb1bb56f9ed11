"""The ``propscope`` command line (contract in DESIGN.md section 3).

Bad input never ends in a traceback: each unreadable input gets one line on
stderr, the others are still processed, and the exit status is 1 when anything
was rejected (2 for usage errors, as click does).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import click

from . import ingest
from .document import Analysis

FORMATS = ["text", "json", "ptc", "html"]


def _err(message: str) -> None:
    click.echo(f"propscope: {message}", err=True)


def _fail(message: str, code: int = 1) -> None:
    _err(message)
    sys.exit(code)


def _load_model(name: str | None, int8: bool = False):
    from .pipeline import ModelNotFound, load_model
    from .weights import MissingWeights

    try:
        return load_model(name, device="cpu" if int8 else None, int8=int8)  # int8 runs on the CPU, GPU or not
    except (ModelNotFound, MissingWeights) as e:
        _fail(str(e))


def _progress(total: int | None, label: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="art", disable=not sys.stderr.isatty(), file=sys.stderr, leave=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="propscope")
def main() -> None:
    """propscope: find propaganda techniques in news, with evidence a person can check.

    \b
    Start with:
      propscope analyze article.txt
      propscope analyze https://example.com/story --format html > report.html
      propscope techniques
    """


# -- analyze --------------------------------------------------------------------------------
def _print_text(a: Analysis, out) -> None:
    from . import taxonomy

    spans = a.spans  # already filtered by --threshold
    title = f" {a.article.title}" if a.article.title else ""
    click.secho(f"== {a.id}{title}", bold=True, file=out)
    click.echo(f"   article score {a.score:.2f} · {len(spans)} technique spans · model {a.model}", file=out)
    for s in spans:
        quoted = " ".join(s.text.split())
        if len(quoted) > 100:
            quoted = quoted[:97] + "..."
        name = taxonomy.get(s.technique).display
        click.echo(f"   {s.start:>6}-{s.end:<6} {name:<32} {s.score:.2f}  \"{quoted}\"", file=out)
    click.echo(file=out)


def _read_options(max_bytes: int, allow_private_urls: bool, feeds: bool = False) -> ingest.ReadOptions:
    return ingest.ReadOptions(max_bytes=max_bytes, allow_private_urls=allow_private_urls, feeds=feeds)


def _articles(paths, opts: ingest.ReadOptions, counter: Counter):
    """Articles from PATHS; each rejected input is reported on stderr and counted."""
    for item in ingest.read_inputs(paths, opts):
        if isinstance(item, ingest.Rejected):
            counter["rejected"] += 1
            _err(f"skipped {item}")
        else:
            yield item


def _open_store(db: str | None):
    from .store import Store, StoreError

    try:
        return Store(db)
    except StoreError as e:
        _fail(str(e))


db_option = click.option("--db", default=None, envvar="PROPSCOPE_DB",
                         help="Database URL or SQLite path (default ~/.local/share/propscope/propscope.db, "
                              "or $PROPSCOPE_DB); postgresql://user@host/db for PostgreSQL.")
input_options = [
    click.option("--max-bytes", type=int, default=ingest.DEFAULT_MAX_BYTES, show_default=True,
                 help="Refuse inputs larger than this."),
    click.option("--allow-private-urls", is_flag=True, help="Allow fetching loopback, private and link-local addresses."),
]


def with_input_options(fn):
    for opt in reversed(input_options):
        fn = opt(fn)
    return fn


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for reading, json (one Analysis per line), ptc (SemEval label lines), html (one report).")
@click.option("--model", default=None, help="Model name (see `propscope models`) or model folder; default: fast.")
@click.option("--threshold", type=float, default=0.0, show_default=True,
              help="Only show spans whose confidence is at least this.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
@click.option("--batch-size", type=int, default=16, show_default=True, help="Articles per model batch.")
@click.option("--db", "db", default=None, help="Analyse the articles stored in this database that are not yet "
              "analysed (PATHS, if given, are ingested first). See `propscope ingest --help`.")
@click.option("--reanalyze", is_flag=True, help="With --db: also redo analyses made by another model version.")
@click.option("--sources/--no-sources", "with_sources", default=None,
              help="Also find entities, attributions, quotes and span targets (default: on with --db, else off).")
@click.option("--int8", is_flag=True, help="A quantised encoder on the CPU, 1.35x to 1.6x as fast in bench/speed.py, "
              "with slightly different spans (see the README's model figures); recorded in the model version.")
@with_input_options
def analyze(paths, fmt, model, threshold, output, batch_size, db, reanalyze, with_sources, int8, max_bytes,
            allow_private_urls) -> None:
    """Find propaganda technique spans in articles.

    PATHS are files (.txt, .html, .jsonl, .csv, .warc, .rss, .urls), folders, - for standard input,
    or http(s) URLs.
    """
    from .pipeline import analyze_batch
    from .report_html import render

    counter: Counter = Counter()
    opts = _read_options(max_bytes, allow_private_urls)
    if db is not None:
        _analyze_db(db, paths, model, batch_size, reanalyze, opts, counter, with_sources is not False, int8)
        return
    if not paths:
        raise click.UsageError("give at least one PATH, or --db to analyse a store")
    tagger = _load_model(model, int8)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    collected: list[Analysis] = []
    batch = []
    progress = _progress(None, "analysing")

    def flush() -> None:
        for a in analyze_batch(batch, tagger, bool(with_sources)):
            progress.update(1)
            if threshold:
                a.spans = [s for s in a.spans if s.score >= threshold]
            if fmt == "json":
                out.write(a.to_json() + "\n")
            elif fmt == "ptc":
                from .ptc import format_label_line

                out.writelines(format_label_line(a.id, s.technique, s.start, s.end) + "\n" for s in a.spans)
            elif fmt == "html":
                collected.append(a)
            else:
                _print_text(a, out)
        out.flush()
        batch.clear()

    for item in _articles(paths, opts, counter):
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    progress.close()
    if fmt == "html":
        out.write(render(collected))
    if output:
        out.close()
    if counter["rejected"]:
        sys.exit(1)


def _analyze_db(db, paths, model, batch_size, reanalyze, opts, counter, with_sources: bool, int8: bool) -> None:
    from tqdm import tqdm

    from .pipeline import analyze_store

    store = _open_store(db)
    if paths:
        added = store.add_articles(_articles(paths, opts, counter))
        _err(f"ingested {added.new} new articles ({added.duplicates} already stored)")
    tagger = _load_model(model, int8)
    todo = store.count_pending(tagger.name, reanalyze)
    bar = tqdm(total=todo, desc="analysing", unit="art", file=sys.stderr, disable=not sys.stderr.isatty())
    try:
        done = analyze_store(store, tagger, reanalyze=reanalyze, batch_size=batch_size, on_batch=bar.update,
                             sources=with_sources)
    except KeyboardInterrupt:
        bar.close()
        _fail("interrupted: finished batches are saved; run the same command again to resume", 130)
    bar.close()
    click.echo(f"analysed {done} articles with {tagger.name} into {store.display_url}")
    if counter["rejected"]:
        sys.exit(1)


# -- sources --------------------------------------------------------------------------------
@main.command("sources")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@with_input_options
def sources_cmd(paths, fmt, max_bytes, allow_private_urls) -> None:
    """Who is cited for what: attributions (source, cue, content), direct quotes with their
    speakers, and named entities, with character offsets. No model needed."""
    from . import sources

    counter: Counter = Counter()
    batch: list = []

    def flush() -> None:
        for art, found in zip(batch, sources.extract_batch([a.text for a in batch])):
            d = {"id": art.id, **found.to_dict()}
            if fmt == "json":
                click.echo(json.dumps(d, ensure_ascii=False))
                continue
            click.secho(f"== {art.id}", bold=True)
            for at in d["attributions"]:
                content = " ".join(art.text[at["content_start"]:at["content_end"]].split())
                click.echo(f"   {at['source']} [{at['cue']}]: \"{content[:110]}\"")
            for q in d["quotes"]:
                if not any(q["start"] >= at["content_start"] and q["end"] <= at["content_end"] for at in d["attributions"]):
                    click.echo(f"   quote ({q['speaker'] or 'unknown speaker'}): \"{' '.join(q['text'].split())[:110]}\"")
            groups = found.groups()
            if groups:
                names = ", ".join(f"{g['canonical']} ({g['label']}, {len(g['mentions'])})" for g in groups.values())
                click.echo(click.wrap_text("entities: " + names, initial_indent="   ", subsequent_indent="     "))
            click.echo()
        batch.clear()

    for art in _articles(paths, _read_options(max_bytes, allow_private_urls), counter):
        batch.append(art)
        if len(batch) >= 32:
            flush()
    if batch:
        flush()
    if counter["rejected"]:
        sys.exit(1)


# -- reuse ----------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1)
@click.option("--db", default=None, help="Find reuse among the stored articles (PATHS, if given, are ingested "
              "first) and store the results.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--min-chars", type=int, default=50, show_default=True, help="Shortest passage to report.")
@click.option("--boilerplate", type=click.Choice(["suppress", "flag", "keep"]), default="suppress", show_default=True,
              help="Text one outlet repeats in many of its own articles (footers, bylines).")
@click.option("--similarity", type=click.FloatRange(0.05, 0.95), default=0.25, show_default=True,
              help="How alike two 16-word windows must be (MinHash Jaccard of their 3-word shingles) to be compared "
              "word by word. Lower finds more heavily edited copies and takes longer: see the README.")
@click.option("--scheduler", default=None, help="Align on a Dask cluster: local[N] or tcp://HOST:PORT.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None)
@with_input_options
def reuse(paths, db, fmt, min_chars, boilerplate, similarity, scheduler, output, max_bytes,
          allow_private_urls) -> None:
    """Passages copied between articles (with edits), clustered, with the likely origin.

    Offsets are character positions in each article's text. The origin of a cluster is its
    earliest-published member (unknown when dates are missing or tied).
    """
    from . import reuse as finder
    from .report_html import render_reuse

    if not paths and db is None:
        raise click.UsageError("give PATHS, or --db to look for reuse among stored articles")
    counter: Counter = Counter()
    opts = _read_options(max_bytes, allow_private_urls)
    store = _open_store(db) if db is not None else None
    if store is not None:
        if paths:
            store.add_articles(_articles(paths, opts, counter))
        articles = list(store.iter_articles())
    else:
        articles = list(_articles(paths, opts, counter))
    _err(f"looking for reuse among {len(articles)} articles")
    kwargs = {"min_chars": min_chars, "boilerplate": boilerplate, "threshold": similarity}
    if scheduler:
        from .batch import make_client

        try:
            client = make_client(scheduler)
        except (ValueError, OSError) as e:
            _fail(f"cannot reach the Dask scheduler: {e}")
        with client:
            result = finder.find_reuse_dask(articles, client, **kwargs)
    else:
        result = finder.find_reuse(articles, **kwargs)
    if store is not None:
        store.save_reuse(result)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    texts = {a.id: a for a in articles}
    if fmt == "json":
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "html":
        out.write(render_reuse(result, texts))
    else:
        origins = {c.id: c.origin for c in result.clusters}
        for p in result.passages:
            origin = origins.get(p.cluster)
            click.secho(f"{p.a}[{p.a_start}:{p.a_end}] ~ {p.b}[{p.b_start}:{p.b_end}]  similarity {p.score:.2f}"
                        + (f"  origin {origin}" if origin else ""), bold=True, file=out)
            click.echo("   " + " ".join(texts[p.a].text[p.a_start:p.a_end].split())[:150], file=out)
        click.echo(f"{len(result.passages)} passages in {len(result.clusters)} clusters", file=out)
    if output:
        out.close()
    if counter["rejected"]:
        sys.exit(1)


# -- corpus ---------------------------------------------------------------------------------
@main.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--feeds", is_flag=True, help="Treat URLs as RSS/Atom feeds (an HTML answer is then an error).")
@with_input_options
def ingest_cmd(sources, db, fmt, feeds, max_bytes, allow_private_urls) -> None:
    """Store articles from files, folders, exports (JSONL/CSV), WARC/ARC crawls, RSS/Atom feeds,
    URL lists (.urls) and URLs. An article already stored (same id, URL or text) is skipped."""
    counter: Counter = Counter()
    store = _open_store(db)
    result = store.add_articles(_articles(sources, _read_options(max_bytes, allow_private_urls, feeds), counter))
    summary = {"new": result.new, "duplicates": result.duplicates, "rejected": counter["rejected"]}
    if fmt == "json":
        click.echo(json.dumps(summary))
    else:
        click.echo(f"{result.new} new articles stored in {store.display_url}; {result.duplicates} already there; "
                   f"{counter['rejected']} rejected")


def _date_option(name: str, help: str):
    return click.option(name, type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m"]), default=None, help=help)


@main.command()
@db_option
@click.option("--outlet", default=None, help="Only this outlet (domain).")
@_date_option("--since", "Only articles published on or after this date (YYYY-MM-DD).")
@_date_option("--until", "Only articles published on or before this date.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.option("--top", type=int, default=10, show_default=True, help="How many top-scoring articles to list.")
def report(db, outlet, since, until, fmt, top) -> None:
    """Technique counts and propaganda scores by outlet and month, and the top-scoring articles."""
    from . import report as rep

    data = rep.build(_open_store(db), outlet, since.date() if since else None, until.date() if until else None, top)
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if fmt == "json"
               else rep.to_csv(data) if fmt == "csv" else rep.to_text(data), nl=fmt == "json")


@main.command()
@click.argument("query")
@db_option
@click.option("--technique", default=None, help="Only articles with spans of this technique (corpus name).")
@click.option("--outlet", default=None)
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def search(query, db, technique, outlet, limit, fmt) -> None:
    """Full-text search over stored articles and their technique spans."""
    hits = _open_store(db).search(query, technique=technique, outlet=outlet, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
        return
    for h in hits:
        click.secho(f"{h['id']}  {h['outlet'] or ''}  {h['published'] or ''}  {h['title'] or ''}", bold=True)
        for s in h["spans"][:5]:
            click.echo(f"    {s['technique']:<36} {s['score']:.2f}  \"{' '.join(s['text'].split())[:90]}\"")
    if not hits:
        _err("no matches")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "ptc", "label-studio", "label-studio-config", "reuse"]),
              default="jsonl", show_default=True,
              help="label-studio: tasks with pre-annotations; label-studio-config: the matching labelling config; "
                   "reuse: the stored reuse passages and clusters (JSON).")
@click.option("--outlet", default=None)
@_date_option("--since", "Only articles published on or after this date.")
@_date_option("--until", "Only articles published on or before this date.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None)
def export(db, fmt, outlet, since, until, output) -> None:
    """Export stored analyses for analysis elsewhere or human review in Label Studio."""
    from .export import export as run_export
    from .export import label_studio_config

    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    if fmt == "label-studio-config":
        out.write(label_studio_config() + "\n")
    elif fmt == "reuse":
        out.write(json.dumps(_open_store(db).load_reuse().to_dict(), ensure_ascii=False) + "\n")
    else:
        store = _open_store(db)
        items = store.iter_analyses(outlet, since.date() if since else None, until.date() if until else None)
        for chunk in run_export(items, fmt):
            out.write(chunk)
    if output:
        out.close()


# -- taxonomy -------------------------------------------------------------------------------
@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def techniques(fmt) -> None:
    """List the propaganda techniques propscope detects, with definitions."""
    from .taxonomy import PTC14

    if fmt == "json":
        click.echo(json.dumps([t.__dict__ for t in PTC14], indent=2, ensure_ascii=False))
        return
    for t in PTC14:
        click.secho(f"{t.display}  [{t.name}]", bold=True)
        click.echo(click.wrap_text(t.definition, initial_indent="  ", subsequent_indent="  ") + "\n")


@main.command()
def models() -> None:
    """List the installed models."""
    from .pipeline import DEFAULT_MODEL, available_models, model_path
    from .techniques.tagger import TaggerConfig

    for name in available_models():
        cfg = TaggerConfig.load(model_path(name) / "config.json")
        default = " (default)" if name == DEFAULT_MODEL else ""
        click.echo(f"{name}{default}: base {cfg.base}, {len(cfg.labels)} techniques")


# -- SemEval tasks --------------------------------------------------------------------------
@main.command("classify-spans")
@click.argument("articles_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("spans_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--model", default=None, help="Model name or folder.")
def classify_spans(articles_dir, spans_file, model) -> None:
    """The SemEval TC task: label each `id<TAB>?<TAB>start<TAB>end` line with a technique.

    A span listed k times gets its k most probable techniques.
    """
    from .ptc import format_label_line, parse_label_lines, read_articles_dir

    try:
        lines = list(parse_label_lines(Path(spans_file).read_text(encoding="utf-8").splitlines(), spans_file))
    except (ValueError, UnicodeDecodeError) as e:
        _fail(str(e))
    texts = read_articles_dir(articles_dir)
    missing = sorted({art for art, *_ in lines} - set(texts))
    if missing:
        _fail(f"no article file for ids {', '.join(missing[:5])} in {articles_dir}")
    tagger = _load_model(model)
    ids = sorted({art for art, *_ in lines})
    probs = dict(zip(ids, tagger.token_probs([texts[i] for i in ids])))
    seen: Counter = Counter()
    for art, _, s, e in lines:
        k = seen[(art, s, e)]
        seen[(art, s, e)] += 1
        ranked = tagger.classify(texts[art], probs[art], s, e)
        click.echo(format_label_line(art, ranked[min(k, len(ranked) - 1)][0], s, e))


@main.command()
@click.option("--gold", required=True, type=click.Path(exists=True), help="Gold labels: a file or a folder of them.")
@click.option("--articles", required=True, type=click.Path(exists=True, file_okay=False), help="Folder of articles.")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Predicted spans (FLC/SI lines); "
              "without it the model predicts.")
@click.option("--tc-pred", type=click.Path(exists=True, dir_okay=False), help="TC predictions on the gold spans.")
@click.option("--model", default=None, help="Model name or folder (when predicting).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def evaluate(gold, articles, pred, tc_pred, model, fmt) -> None:
    """SI, FLC and TC scores (SemEval-2020 Task 11), overall and per technique."""
    from . import metrics
    from .ptc import read_articles_dir, read_labels

    try:
        gold_spans = read_labels(gold)
        pred_spans = read_labels(pred) if pred else None
        tc_spans = read_labels(tc_pred) if tc_pred else None
    except (ValueError, UnicodeDecodeError) as e:
        _fail(str(e))
    texts = read_articles_dir(articles)
    gold_ids = {g[0] for g in gold_spans}
    has_techniques = any(g[1] for g in gold_spans)
    if pred_spans is None:
        from .techniques.train import predict_labels

        tagger = _load_model(model)
        ids = sorted(texts)
        gold_by_article = defaultdict(list)
        for g in gold_spans:
            gold_by_article[g[0]].append(g)
        pred_spans, tc_spans = [], []
        progress = _progress(len(ids), "predicting")
        for k in range(0, len(ids), 16):
            chunk = ids[k : k + 16]
            for art, tp in zip(chunk, tagger.token_probs([texts[i] for i in chunk])):
                p, t = predict_labels(tagger, art, texts[art], tp, gold_by_article[art])
                pred_spans += p
                tc_spans += t
                progress.update(1)
        progress.close()
    unknown = gold_ids - set(texts)
    if unknown:
        _err(f"warning: {len(unknown)} gold article ids have no article file, e.g. {sorted(unknown)[0]}")
    result = {"articles": len(texts), "si": metrics.span_identification(pred_spans, gold_spans).to_dict()}
    if has_techniques:
        result["flc"] = metrics.full_task(pred_spans, gold_spans).to_dict()
        if tc_spans is not None:
            result["tc"] = metrics.technique_classification(tc_spans, gold_spans).to_dict()
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    for task in ("si", "flc", "tc"):
        if task not in result:
            continue
        o = result[task]["overall"]
        click.secho(f"{task.upper():<4} P {o['precision']:.4f}  R {o['recall']:.4f}  F1 {o['f1']:.4f}  "
                    f"(predicted {o['predicted']}, gold {o['gold']})", bold=True)
        for tech, v in result[task]["per_technique"].items():
            click.echo(f"     {tech:<40} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  "
                       f"gold {v['gold']}")


# -- scale ----------------------------------------------------------------------------------
@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False),
              help="Folder for the JSONL shards of Analysis JSON (part-NNNNN.jsonl).")
@click.option("--scheduler", default="local", show_default=True,
              help="local (a worker per core), local[N], or the address of a running scheduler (tcp://HOST:PORT).")
@click.option("--db", default=None, help="Also store articles and analyses in this database.")
@click.option("--model", default=None, help="Model name or folder (must exist on every worker).")
@click.option("--partition-size", type=int, default=256, show_default=True, help="Articles per task.")
@click.option("--sources/--no-sources", "with_sources", default=True, show_default=True,
              help="Also find entities, attributions and quotes.")
@click.option("--int8", is_flag=True, help="Run the encoder quantised on the workers' CPUs (as `analyze --int8`); "
              "recorded in the model version.")
@with_input_options
def batch(inputs, output, scheduler, db, model, partition_size, with_sources, int8, max_bytes,
          allow_private_urls) -> None:
    """Analyse a corpus on a Dask cluster: one task per partition, the model loaded once per
    worker, finished partitions skipped on a rerun, failed ones retried."""
    from tqdm import tqdm

    from . import batch as runner
    from .pipeline import ModelNotFound, model_version

    try:
        model_version(model)
    except ModelNotFound as e:
        _fail(str(e))
    counter: Counter = Counter()
    store = _open_store(db) if db else None
    try:
        client = runner.make_client(scheduler)
    except (ValueError, OSError) as e:
        _fail(f"cannot reach the Dask scheduler: {e}")
    bar = tqdm(desc="partitions", unit="part", file=sys.stderr, disable=not sys.stderr.isatty())

    def done(path, info) -> None:
        bar.update(1)
        if store is not None:
            results = [Analysis.from_json(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
            store.save_analyses([(store.pk_of(store.put_article(r.article)[0]), r) for r in results])

    try:
        result = runner.run(_articles(inputs, _read_options(max_bytes, allow_private_urls), counter), output, client,
                            model=model, partition_size=partition_size, on_done=done, sources=with_sources,
                            int8=int8)
    finally:
        bar.close()
        client.close()
    t = result.timings
    click.echo(f"{result.articles} articles in {result.partitions - result.skipped} partitions "
               f"({result.skipped} already done) in {result.seconds:.1f} s -> {output}")
    if result.articles:
        click.echo("worker time: " + ", ".join(f"{k} {v:.1f} s" for k, v in t.items()))
    if counter["rejected"]:
        sys.exit(1)


# -- web ------------------------------------------------------------------------------------
@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--model", default=None, help="Model name or folder.")
@click.option("--token", envvar="PROPSCOPE_TOKEN", default=None,
              help="Bearer token required for writes (or $PROPSCOPE_TOKEN); required off loopback.")
@click.option("--allow-private-urls", is_flag=True, help="Let users analyse URLs on private networks.")
def serve(db, host, port, model, token, allow_private_urls) -> None:
    """Run the web app and REST API (OpenAPI docs at /docs)."""
    import ipaddress

    import uvicorn

    from .web.app import create_app

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not token:
        _fail(f"refusing to serve on {host} without a write token: pass --token or set PROPSCOPE_TOKEN", 2)
    _open_store(db)  # fail here, with one line, if the database cannot be opened
    app = create_app(db=db, model=model, token=token, allow_private_urls=allow_private_urls)
    click.echo(f"propscope on http://{host}:{port}/  (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


# -- training -------------------------------------------------------------------------------
@main.command()
@click.option("--base", type=click.Choice(["minilm", "mpnet"]), default="minilm", show_default=True)
@click.option("--name", default=None, help="Model name recorded in the artifact (default: fast / accurate).")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="The shared/data folder (default ../shared/data).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="runs/model", show_default=True)
@click.option("--epochs", type=int, default=5, show_default=True)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--folds", type=int, default=10, show_default=True, help="Validation is one fold of this many.")
@click.option("--fold", type=int, default=0, show_default=True)
@click.option("--cv", is_flag=True, help="Train every fold in turn and report mean and spread.")
@click.option("--limit-articles", type=int, default=None, help="Use only the first N articles (smoke tests).")
@click.option("--retune", "retune_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Only re-tune thresholds and calibration of this saved model on its validation split.")
def train(base, name, data_dir, out_dir, epochs, seed, folds, fold, cv, limit_articles, retune_dir) -> None:
    """Reproduce a shipped model from PTC train (a GPU is strongly advised)."""
    import statistics

    from .techniques.train import TrainOptions, retune
    from .techniques.train import train as run

    if retune_dir:
        try:
            r = retune(Path(retune_dir), data_dir)
        except FileNotFoundError as e:
            _fail(str(e))
        v = r["validation"]
        click.echo("  ".join(f"{t.upper()} F1 {v[t]['overall']['f1']:.4f}" for t in ("si", "flc", "tc")))
        return

    name = name or ("fast" if base == "minilm" else "accurate")
    runs = range(folds) if cv else [fold]
    results = defaultdict(list)
    for f in runs:
        target = str(Path(out_dir) / f"fold{f}") if cv else out_dir
        try:
            r = run(TrainOptions(name=name, base=base, data_dir=data_dir, out_dir=target, epochs=epochs, seed=seed,
                                 folds=folds, fold=f, limit_articles=limit_articles))
        except FileNotFoundError as e:
            _fail(str(e))
        for task in ("si", "flc", "tc"):
            results[task].append(r["validation"][task]["overall"]["f1"])
        click.echo(f"fold {f}: " + "  ".join(f"{t.upper()} F1 {v[-1]:.4f}" for t, v in results.items()))
    if cv:
        summary = {t: {"mean": statistics.mean(v), "stdev": statistics.pstdev(v), "folds": v} for t, v in results.items()}
        Path(out_dir, "cv.json").write_text(json.dumps(summary, indent=2) + "\n")
        for t, v in summary.items():
            click.echo(f"{t.upper()} F1 {v['mean']:.4f} ± {v['stdev']:.4f} over {len(runs)} folds")


if __name__ == "__main__":  # pragma: no cover
    main()
