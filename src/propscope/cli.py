"""The ``propscope`` command line (contract in DESIGN.md section 3).

Bad input never ends in a traceback: each unreadable input gets one line on
stderr, the others are still processed, and the exit status is 1 when anything
was rejected (2 for usage errors, as click does).
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import errno
import json
import logging
import math
import os
import re
import signal
import stat
import sys
import threading
import time
import warnings
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import click

from . import ingest
from .document import Analysis, headline_title

FORMATS = ["text", "json", "ptc", "html", "paragraphs"]
# Bounds on numbers a user types: the store takes row counts as 64-bit integers (a larger --top
# or --limit was an OverflowError), and NumPy and scikit-learn take seeds from 0 to 2**32 - 1.
MOST_ROWS = 1_000_000_000
SEED = click.IntRange(0, 2**32 - 1)


class FiniteRange(click.FloatRange):
    """click's FloatRange, refusing nan and inf: nan compares false with both ends of any range,
    so ``--similarity nan`` passed the check and was a traceback, ``--threshold nan`` hid every
    span in silence, and ``--lr inf`` passed as a positive rate."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


POSITIVE = FiniteRange(min=0, min_open=True)  # a learning rate: 0 or less trains nothing, or backwards


def _err(message: str) -> None:
    click.echo(f"propscope: {message}", err=True)


def _fail(message: str, code: int = 1) -> None:
    _err(message)
    sys.exit(code)


def _load_model(name: str | None, int8: bool = False, taxonomy: str | None = None, bf16: bool = False,
                span_tagger: bool = False):
    """A model from the registry (int8 runs on the CPU, GPU or not; another taxonomy than the
    model's own goes through its mapping); a bad name is one error line. ``span_tagger``: the
    command scores token by token, which the paragraph model (``ngram``) cannot."""
    from .registry import ModelNotFound, load_model
    from .taxonomy import TaxonomyError
    from .weights import MissingWeights

    try:
        model = load_model(name, int8=int8, taxonomy=taxonomy, bf16=bf16)
    except (ModelNotFound, MissingWeights, TaxonomyError) as e:
        _fail(str(e))
    except OSError as e:  # the weights' cache cannot be written, a model file cannot be read
        _fail(_model_os_error(name, e))
    except RuntimeError:
        _fail_without_cache(name)
        raise
    if span_tagger and not hasattr(model, "token_probs"):
        _fail(f"{model.name} labels whole paragraphs; this command needs a span model (--model accurate or fast)")
    return model


def _model_os_error(name: str | None, e: OSError) -> str:
    """One line for a model that could not be loaded for a file's sake: where, why, and for the
    cache of unpacked weights ($PROPSCOPE_CACHE, else ~/.cache/propscope, unpacked on first use)
    how to point it elsewhere. A cache that could not be made was a traceback."""
    from .weights import cache_dir

    where = str(e.filename) if e.filename else ""
    line = f"cannot load model {name or 'default'}: {ingest.printable(where) + ': ' if where else ''}{e.strerror or e}"
    cache = str(cache_dir())
    if where and (where == cache or where.startswith(cache + os.sep) or cache.startswith(where + os.sep)):
        line += f"; the model's weights are unpacked into {cache}: set $PROPSCOPE_CACHE to a folder propscope can write"
    return line


def _fail_without_cache(name: str | None) -> None:
    """Fail with one line when the cache of unpacked weights has no place: no $PROPSCOPE_CACHE, and
    no home folder (Path.home()'s RuntimeError, a bare uid in a container); else return."""
    from .weights import cache_dir

    try:
        cache_dir()
    except RuntimeError:
        _fail(f"cannot load model {name or 'default'}: its weights are unpacked into a cache, and there is no home "
              "folder for it ($HOME is unset and this user has no entry in the user database): set $PROPSCOPE_CACHE "
              "to a folder propscope can write")


def _progress(total: int | None, label: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="art", disable=not sys.stderr.isatty(), file=sys.stderr, leave=False)


class Progress:
    """Progress per article: on a terminal a bar with a total, over characters when the articles'
    sizes are known up front (long articles count for more) with the article count beside it,
    else over articles; elsewhere (logs, pipes) no bar, and one summary line at the end."""

    def __init__(self, articles: int, chars: int | None = None, label: str = "analysed"):
        from tqdm import tqdm

        self.articles, self.by_chars, self.label = articles, bool(chars), label
        self.done = self.done_chars = 0
        self.notes: dict[str, int] = {}  # an analysis note's text -> how many articles had it
        self.tty = sys.stderr.isatty()
        self.t0 = time.perf_counter()
        self.bar = tqdm(total=chars if self.by_chars else articles, unit="char" if self.by_chars else "art",
                        unit_scale=self.by_chars, file=sys.stderr, leave=False, disable=not self.tty,
                        desc=f"0/{articles} articles" if self.by_chars else label)

    def advance(self, chars: int, articles: int = 1) -> None:
        """``articles`` more done (more than one where work finishes in parts: ``batch``)."""
        self.done += articles
        self.done_chars += chars
        if self.by_chars:
            self.bar.set_description_str(f"{self.done}/{self.articles} articles", refresh=False)
        self.bar.update(chars if self.by_chars else articles)

    def close(self) -> None:
        """End the bar; off a terminal, say what was done when it was more than one article."""
        self.bar.close()
        for note, n in self.notes.items():
            if n > 1:
                _err(f"{n - 1:,} more article{'s' if n > 2 else ''} had the note: {ingest.printable(note)}")
        if not self.tty and self.done > 1:
            _err(f"{self.label} {self.done} articles ({self.done_chars:,} characters) "
                 f"in {time.perf_counter() - self.t0:.1f} s")


# Packages whose warnings and log lines are not ours to show. Filters match the module that raises
# a warning, so propscope's own warnings still show; `propscope --verbose` lets them all through.
THIRD_PARTY = ("transformers", "peft", "torch", "tokenizers", "huggingface_hub", "safetensors", "accelerate",
               "spacy", "thinc", "sklearn", "numpy", "dask", "distributed", "trafilatura", "htmldate",
               "courlan", "sqlalchemy", "alembic", "uvicorn", "datasketch", "feedparser", "warcio")


def quiet_third_party() -> None:
    """Silence other packages' warnings (transformers' FutureWarning on every model load) and
    their info logging, where they are raised."""
    warnings.filterwarnings("ignore", module=r"(?:{})(?:\.|$)".format("|".join(THIRD_PARTY)))
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # read when transformers is imported
    for name in THIRD_PARTY:
        logging.getLogger(name).setLevel(logging.ERROR)


# What a full disk or a dead device says when the output is written (stdout or -o).
WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


class Commands(click.Group):
    """The command group. What the machine does to a command half-way, a full disk under its output
    or a store that stops taking writes (read-only, locked, lost), ends it with one line and exit
    status 1, as bad input does, wherever in the command it happens; Ctrl-C is one line and exit
    status 130 (commands that keep part of their work say which). A reader that goes away
    (``| head``) is left to click, which ends quietly."""

    def invoke(self, ctx: click.Context):
        if sys.stdout is None:  # started with >&-: what a command prints would be lost without a word
            _fail("standard output is closed (>&-); send it somewhere, e.g. > out.txt or > /dev/null")
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a full disk shows here, not as a traceback at interpreter exit
        except OSError as e:
            if e.errno not in WRITE_ERRORS:
                raise
            _discard_stdout()
            _fail(f"cannot write {e.filename or 'the output'}: {e.strerror or e}")
        except KeyboardInterrupt:  # click said "Aborted!" with exit 1, the status of a bad input
            _fail("interrupted: what was stored before it is kept, and an -o file is left as it was", 130)
        except LookupError as e:  # a model found missing mid-command (the spaCy pipeline): its own one line
            if "propscope.registry" not in sys.modules or not isinstance(e, sys.modules["propscope.registry"].ModelNotFound):
                raise
            _fail(str(e))
        except Exception as e:
            why = _store_failure(e)
            if why is None:
                raise
            _fail(why)


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that what is still buffered for a full disk is not
    written again (and reported as an ignored exception) when Python exits."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests capture it)
        pass


def _store_failure(e: Exception) -> str | None:
    """One line for a store that stopped a command (``StoreError``, or the database's own
    OperationalError: a read-only file, a full disk, a lock held past the timeout; or a damaged
    SQLite file, ``store_damaged``), else None."""
    if "propscope.store" not in sys.modules:  # nothing was stored or read: not a store's failure
        return None

    from .store import StoreError, database_trouble

    if isinstance(e, StoreError):
        return str(e)
    why = database_trouble(e)
    return f"the store stopped this command: {why}" if why else None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="propscope")
@click.option("--verbose", "-v", is_flag=True, help="Also show the warnings and log lines of the libraries "
              "propscope uses (hidden by default).")
def main(verbose: bool) -> None:
    """propscope: find propaganda techniques in news, with evidence a person can check.

    \b
    Start with:
      propscope analyze article.txt
      propscope analyze https://example.com/story --format html > report.html
      propscope techniques
    """
    if not verbose:
        quiet_third_party()


# -- analyze --------------------------------------------------------------------------------
def _print_text(a: Analysis, out) -> None:
    from . import taxonomy
    from .report_html import highlights_summary

    spans = a.spans  # already filtered by --threshold
    title = f" {_clip(a.article.title, 200)}" if a.article.title else ""
    click.secho(f"== {ingest.printable(a.id)}{title}", bold=True, file=out)
    # the web page's words ("3 highlighted passages"), not the jargon "technique spans"
    click.echo(f"   article score {a.score:.2f} · {highlights_summary(spans)} · model {a.model}", file=out)
    for s in spans:
        name = taxonomy.get(s.technique).display
        aimed = ", ".join(_clip(n, 60) for n in a.aimed_at(s))
        click.echo(f"   {s.start:>6}-{s.end:<6} {name:<32} {s.score:.2f}  \"{_clip(s.text, 100)}\""
                   + (f"  (aimed at {aimed})" if aimed else ""), file=out)
    if a.attributions or a.quotes or a.entities:  # analysed with --sources
        _print_sources(a.article.text, a.attributions, a.quotes, a.entities, out)
    click.echo(file=out)


def _print_sources(text: str, attributions: list[dict], quotes: list[dict], entities: list[dict], out) -> None:
    """Who said what, for reading: each attribution with its cue and whom it was told to ("via"),
    the quotes no attribution already shows, and the entities once each with a mention count."""
    for at in attributions:
        via = f" via {_clip(at['via'], 60)}" if at.get("via") else ""
        content = _clip(text[at["content_start"]:at["content_end"]], 110)
        click.echo(f"   {_clip(at['source'], 80)} [{_clip(at['cue'], 40)}]{via}: \"{content}\"", file=out)
    for q in quotes:
        if not any(q["start"] >= at["content_start"] and q["end"] <= at["content_end"] for at in attributions):
            speaker = _clip(q["speaker"], 60) if q["speaker"] else "unknown speaker"
            click.echo(f"   quote ({speaker}): \"{_clip(q['text'], 110)}\"", file=out)
    groups: dict = {}
    for e in entities:
        g = groups.setdefault(e["entity_id"], [e["canonical"] or e["text"], e["label"], 0])
        g[2] += 1
    if groups:
        names = ", ".join(f"{_clip(name, 60)} ({label}, {n})" for name, label, n in groups.values())
        click.echo(click.wrap_text("entities: " + names, initial_indent="   ", subsequent_indent="     "), file=out)


def _read_options(max_bytes: int, allow_private_urls: bool, feeds: bool = False) -> ingest.ReadOptions:
    return ingest.ReadOptions(max_bytes=max_bytes, allow_private_urls=allow_private_urls, feeds=feeds)


def _articles(paths, opts: ingest.ReadOptions, counter: Counter):
    """Articles from PATHS; each rejected input is reported on stderr and counted, each note reported."""
    for item in ingest.read_inputs(paths, opts):
        if isinstance(item, ingest.Note):
            _err(f"note: {item}")
        elif isinstance(item, ingest.Rejected):
            counter["rejected"] += 1
            _err(f"skipped {item}")
        elif item.title is None and (title := headline_title(item.text)):
            yield dataclasses.replace(item, title=title)
        else:
            yield item


def _distinct_ids(articles: list) -> list:
    """``articles`` with no id twice, for work without a store: two different texts sharing an id
    (a.txt in two folders, a JSONL id used twice) take the store's unique ids, and one text read
    twice under one id is kept once. ``reuse PATHS`` stopped on them with a ValueError traceback."""
    counts = Counter(a.id for a in articles)
    out, seen = [], set()
    for a in articles:
        name = a.id
        if counts[name] > 1:
            a = dataclasses.replace(a, id=ingest.generated_id(name, a.text, True))
        if a.id in seen:
            _err(f"note: two inputs named {ingest.printable(name)} hold the same text; it is looked at once")
            continue
        seen.add(a.id)
        out.append(a)
    return out


def _refuse_memory(db: str | None) -> None:
    """SQLite's in-memory database looks like a store and is gone when the command ends. Any
    SQLite URL without a file is one: ``sqlite:///`` (an empty path, as a script writes
    ``sqlite:///$DIR/x.db`` with DIR unset and the name lost) and ``sqlite+pysqlite://`` as well;
    ``ingest --db sqlite:///`` said "4 new articles stored", exit 0, and kept none."""
    import sqlalchemy as sa

    if db == ":memory:":
        _fail("an in-memory store keeps nothing once propscope exits: give --db a file path or a server URL")
    if db and "://" in db:
        try:
            url = sa.engine.make_url(db)
        except (sa.exc.ArgumentError, ValueError):
            return  # the store says what is wrong with it
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            _fail("an in-memory store keeps nothing once propscope exits: give --db a file path or a server URL")


def _open_store(db: str | None, writes: bool = True):
    """The store ``db``; a command that ``writes`` stops here, before any work, when the store can
    only be read (a read-only file or folder), which reading commands open as it is."""
    from .store import ForeignDatabase, Store, StoreError

    _refuse_memory(db)
    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    try:
        store = Store(db, share=meta.get(SHARE_DB, False))
        if writes:
            store.writable(named=True)
        return store
    except ForeignDatabase as e:  # a writing command may be told to share the file; a reading one never writes it
        _fail(str(ForeignDatabase(e.said, "--share-db")) if SHARE_DB in meta else e.said)
    except StoreError as e:
        _fail(str(e))


def _open_existing_store(db: str | None, writes: bool = True):
    """Open a store that must already exist: read-only commands never create an empty one at a
    mistyped path (a SQLite file must exist; a server database is created by its owner anyway)."""
    from .store import StoreError, default_url, normalise_url, sqlite_path

    _refuse_memory(db)
    try:
        path = sqlite_path(normalise_url(db or default_url()))
    except StoreError as e:
        _fail(str(e))
    if path is not None and not path.exists():  # there but no file (a folder, a device): the store says what
        _fail(f"no store at {path}: check --db or $PROPSCOPE_DB, or create one with `propscope ingest`")
    if path is not None and path.is_file() and path.stat().st_size == 0:  # `report --db notes.txt` made it a store
        _fail(f"no store at {path}: the file is empty; check --db or $PROPSCOPE_DB, or create one with "
              "`propscope ingest`")
    return _open_store(db, writes)  # another program's SQLite file is refused there (store.ForeignDatabase)


# ctx.meta key: --share-db was given (a writing command's option; its presence says the command has it)
SHARE_DB = "propscope.share_db"


def _note_share(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    ctx.meta[SHARE_DB] = value
    return value


share_db_option = click.option(
    "--share-db", is_flag=True, expose_value=False, callback=_note_share,
    help="Add propscope's tables to a SQLite file that is another program's database (refused without this).")


DEFAULT_STORE = ""  # the value of a bare --db: the default store ($PROPSCOPE_DB, else the SQLite file)


def store_option(help: str = "") -> click.decorators.FC:
    """The one --db option of every command. Its value may be left out (``analyze --db``,
    ``reuse --db --similarity 0.15``): then it names the default store. Where --db is optional
    (analyze, reuse, batch) leaving it out means no store, so $PROPSCOPE_DB is read by the store
    itself, never by this option."""
    return click.option(
        "--db", default=None, is_flag=False, flag_value=DEFAULT_STORE, metavar="[URL]",
        help=(help + " " if help else "") + "The store: a SQLite path, sqlite:///path.db or postgresql://user@host/db; "
        "--db alone (or no --db where a store is needed) means $PROPSCOPE_DB, else "
        "~/.local/share/propscope/propscope.db.")


def _not_blank(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An empty --model or --taxonomy (``--model "$MODEL"`` with MODEL unset) is a usage error:
    it quietly meant the default model, or "no mapping from ptc14 to ''"."""
    if value is not None and not value.strip():
        raise click.BadParameter("is empty: give a name (see `propscope models` and `propscope techniques`) or "
                                 "leave the option out for the default")
    return value


def _no_empty_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An empty -o (``-o "$OUT"`` with OUT unset) is a usage error: it wrote to standard output as
    if -o were left out, and `batch` wrote its shards into the current folder."""
    if value is not None and not value.strip():
        raise click.BadParameter("is empty: give a path" + ("" if param.required else
                                                             ", or leave -o out to write to standard output"))
    return value


def _sendable_token(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A write token a client can send: HTTP drops the spaces around a header's value and cannot
    carry a line break, so `--token " "` (or a token pasted with a trailing space or newline) let
    `serve` listen on 0.0.0.0 with a token no request could ever match. Such a token is a usage
    error; an empty one is no token."""
    if not value:
        return None
    if value != value.strip() or not value.isprintable():
        raise click.BadParameter("a token that is blank, begins or ends with a space, or holds a line break or other "
                                 "control character can never be sent in an Authorization header: give one without")
    return value


def _no_empty_query(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``search ""`` (``search "$Q"`` with Q unset, or only punctuation) said "no matches" with
    exit 0, as if the store held nothing: a query needs a word."""
    if not any(c.isalnum() for c in value):
        raise click.BadParameter("holds no word to search for", param_hint="QUERY")
    return value


def _taxonomy(name: str | None):
    """A taxonomy by name; an unknown name or a broken taxonomy file is one error line."""
    from .taxonomy import TaxonomyError, load

    try:
        return load(name)
    except TaxonomyError as e:
        _fail(str(e))


taxonomy_option = click.option(
    "--taxonomy", "taxonomy_name", default=None, metavar="NAME", callback=_not_blank,
    help="ptc14 (default), semeval2023, or a taxonomy file's name from $PROPSCOPE_TAXONOMIES (`propscope techniques "
         "--taxonomy NAME` lists one).")


db_option = store_option()
input_options = [
    click.option("--max-bytes", type=click.IntRange(min=1), default=ingest.DEFAULT_MAX_BYTES, show_default=True,
                 help="Refuse inputs larger than this many bytes."),
    click.option("--allow-private-urls", is_flag=True, help="Allow fetching loopback, private and link-local addresses."),
]


def _local_workers(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``local[N]`` scheduler with N from 1 to 4 per core. ``local[0]`` was a ZeroDivisionError
    in the cluster's setup, and ``local[100000]`` went on starting worker processes, each loading
    its own model, until the machine gave out."""
    m = re.fullmatch(r"local\[(\d+)\]", value or "")
    most = 4 * (os.cpu_count() or 1)
    if m and not 1 <= int(m.group(1)) <= most:
        raise click.BadParameter(f"local[N] starts N worker processes, each loading its own model: give N from 1 to "
                                 f"{most} (4 per core of this machine)")
    return value


def with_input_options(fn):
    for opt in reversed(input_options):
        fn = opt(fn)
    return fn


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for reading, json (one Analysis per line), ptc (SemEval-2020 label lines), html (one report), "
              "paragraphs (SemEval-2023 subtask-3 rows: article id, line number and the comma-separated techniques "
              "of each non-empty line; a line carries a technique when a span of it overlaps the line). In ptc lines "
              "a tab, line break or backslash in an article id (from a file name) is written \\t, \\n, \\r, \\\\ or "
              "\\uXXXX, so each span stays one line; `evaluate` reads them back.")
@click.option("--model", default=None, callback=_not_blank,
              help="Model name (see `propscope models`) or model folder; default: accurate "
              "(best by cross-validation); fast is about 6x quicker on a CPU.")
@click.option("--taxonomy", "taxonomy_name", default=None, metavar="NAME", callback=_not_blank,
              help="The taxonomy of the spans: the model's own (default), or one its taxonomy maps to, e.g. "
              "semeval2023 with the PTC-14 models: each span takes its technique's SemEval-2023 counterpart, and "
              "where a PTC-14 class split into several (Whataboutism/straw man/red herring into Red_Herring, "
              "Appeal_to_Hypocrisy, Whataboutism, Straw_Man; Bandwagon/Reductio ad Hitlerum into "
              "Guilt_by_Association, Appeal_to_Popularity) the first, the commonest in the English SemEval-2023 "
              "data, since the model cannot tell them apart. Mapped analyses are marked in their model version "
              "(fast-HASH-mapped-semeval2023); `propscope techniques --taxonomy semeval2023` shows the mapping.")
@click.option("--threshold", type=FiniteRange(0, 1), default=0.0, show_default=True,
              help="Only show spans whose confidence is at least this.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None, callback=_no_empty_path,
              help="Write to this file instead of standard output.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Articles per model batch (on a GPU; a CPU takes them one by one at no cost).")
@store_option("Analyse the stored articles that are not yet analysed (PATHS, if given, are ingested first).")
@click.option("--reanalyze", is_flag=True, help="With --db: also redo analyses made by another model version.")
@click.option("--retry-failed", is_flag=True, help="With --db: also try again the articles whose analysis failed "
              "(they are skipped otherwise; `propscope report` lists them).")
@click.option("--sources/--no-sources", "with_sources", default=None,
              help="Also find entities, attributions, quotes and span targets (default: on with --db, else off).")
@click.option("--int8", is_flag=True, help="With --model fast: a quantised encoder on the CPU, 1.5x as fast in "
              "bench/speed.py, with slightly different spans (see docs/models.md); recorded in the model "
              "version. Not offered for accurate (int8 damages its MPNet encoder).")
@click.option("--bf16", is_flag=True, help="Run the network in bfloat16 on the CPU: 3.0x (accurate) and 1.8x (fast) as "
              "fast in bench/speed.py on a CPU with bfloat16 instructions (slower on one without), with nearly the same "
              "spans (see docs/models.md); recorded in the model version.")
@with_input_options
@share_db_option
def analyze(paths, fmt, model, threshold, output, batch_size, db, reanalyze, retry_failed, with_sources, int8, bf16,
            max_bytes, allow_private_urls, taxonomy_name=None) -> None:
    """Find propaganda technique spans in articles.

    PATHS are files (.txt, .html, .jsonl, .csv, .warc, .rss, .urls), folders, - for standard input,
    or http(s) URLs. The models read English: a text in another language gets no technique
    spans (one line on stderr says so) but still gets sources.
    """
    from .pipeline import analyze_iter
    from .report_html import render

    counter: Counter = Counter()
    opts = _read_options(max_bytes, allow_private_urls)
    if (reanalyze or retry_failed) and db is None:
        raise click.UsageError(f"--{'reanalyze' if reanalyze else 'retry-failed'} works on a store: add --db")
    if db is not None and output:  # it went unwritten, exit 0; and `-o STORE` reads as a wish to write there
        raise click.UsageError("with --db the analyses go into the store and -o is not written: leave it out, and "
                               "write them out with `propscope export --db` or `propscope report --db`")
    version = _model_version(model, int8, taxonomy_name, bf16)  # a wrong --model is reported before anything is read
    if db is not None:
        _analyze_db(db, paths, model, batch_size, reanalyze, opts, counter, with_sources is not False, int8, version,
                    retry_failed, taxonomy=taxonomy_name, bf16=bf16)
        return
    if not paths:
        raise click.UsageError("give at least one PATH, or --db to analyse a store")
    paths = _readable_inputs(paths, counter)
    _output_not_input(output, paths)
    out = _open_output(output)
    # every input is read (and every bad one reported) before the slow model load
    items = list(_articles(paths, opts, counter))
    collected: list[Analysis] = []
    if items:
        tagger = _load_model(model, int8, taxonomy_name, bf16)
        if fmt == "paragraphs":
            _check_paragraph_names(tagger)
        progress = Progress(len(items), sum(len(a.text) for a in items))
        for a in analyze_iter(items, tagger, bool(with_sources), batch_size):
            _advance(progress, a)
            if threshold:
                a.spans = [s for s in a.spans if s.score >= threshold]
            if fmt == "paragraphs":
                from .paragraphs import format_rows, paragraph_labels

                out.writelines(format_rows(a.id, paragraph_labels(a.article.text, a.spans)))
            elif fmt == "json":
                out.write(a.to_json() + "\n")
            elif fmt == "ptc":
                from .ptc import format_label_line

                out.writelines(format_label_line(a.id, s.technique, s.start, s.end) + "\n" for s in a.spans)
            elif fmt == "html":
                collected.append(a)
            else:
                _print_text(a, out)
            out.flush()
        progress.close()
    if fmt == "html":
        out.write(render(collected))
    _close_output(out, output)
    if counter["rejected"]:
        sys.exit(1)


def _check_paragraph_names(tagger) -> None:
    """Paragraph rows separate a paragraph's techniques with commas, so a taxonomy whose names hold
    one (PTC-14's "Name_Calling,Labeling") cannot be written as rows: they read back as two
    techniques, "Name_Calling" and "Labeling". The rows are SemEval-2023's, in its taxonomy."""
    from .registry import taxonomy_of

    tax = _taxonomy(taxonomy_of(tagger))
    if commas := [n for n in tax.names if "," in n]:
        _fail(f"--format paragraphs separates techniques with commas, and {tax.name} names hold them ({commas[0]}): "
              "add --taxonomy semeval2023, the taxonomy of these rows", 2)


def _model_version(model: str | None, int8: bool, taxonomy: str | None = None, bf16: bool = False) -> str:
    """The version a model records, without loading it; a wrong name (of the model or the
    taxonomy) is one error line."""
    from .registry import ModelNotFound, model_version
    from .taxonomy import TaxonomyError

    try:
        return model_version(model, int8, taxonomy, bf16)
    except (ModelNotFound, TaxonomyError) as e:
        _fail(str(e))


def _readable_inputs(paths, counter: Counter) -> list[str]:
    """PATHS without the local files that do not exist, each reported (and counted) at once."""
    kept = []
    for p in paths:
        if p != "-" and not ingest.is_url(p) and _absent(p):
            counter["rejected"] += 1
            _err(f"skipped {ingest.Rejected(p, ingest.missing_reason(p))}")
        else:
            kept.append(p)
    return kept


def _output_not_input(output: str | None, paths) -> None:
    """-o never replaces an input. Naming one (``analyze story.txt -o story.txt``, or through a
    link) put the report where the article was, exit 0. Naming a file that an input folder holds
    and the command reads (``analyze corpus/ -o corpus/report.txt`` run again) read the last
    report as an article, or an article as input, and then replaced it; propscope's own JSON
    analyses there are not read (``ingest.is_analysis_output``), so those may be rewritten."""
    target = _output_file(output) if output else None
    if target is None:
        return
    for p in paths:
        if p == "-" or ingest.is_url(p):
            continue
        with contextlib.suppress(OSError, ValueError):  # not there, or no file: the reader says so
            if os.path.samefile(p, target):
                raise click.UsageError(f"-o {ingest.printable(output)} names the input {ingest.printable(p)}, "
                                       "which the output would replace: write it to another file")
            if (Path(p).is_dir() and target.is_relative_to(Path(p).resolve()) and target.is_file()
                    and ingest.read_in_folder(target.name) and not ingest.is_analysis_output(target)):
                raise click.UsageError(f"-o {ingest.printable(output)} is a file in the input folder "
                                       f"{ingest.printable(p)}, which would be read as an article and then replaced: "
                                       "write the output outside that folder")


def _output_not_store(output: str | None, db: str | None) -> None:
    """-o never replaces the store a command reads or writes, nor its journal: ``export --db s.db
    -o s.db`` (a slip for ``-o s.jsonl``) moved the export over the store, exit 0, and every
    article and analysis in it was gone; ``reuse --db s.db -o s.db-wal`` would drop what the
    write-ahead log held. A server store has no file here to replace."""
    from .store import StoreError, default_url, normalise_url, sqlite_path

    target = _output_file(output) if output else None
    if target is None:
        return
    try:
        store = sqlite_path(normalise_url(db or default_url()))
    except StoreError:
        return  # opening it says why
    if store is None:
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):  # not there: nothing to replace
            if os.path.samefile(f"{store}{suffix}", target):
                what = "the store" if not suffix else f"the store's {suffix[1:]} file"
                raise click.UsageError(f"-o {ingest.printable(output)} names {what} {ingest.printable(str(store))}"
                                       f"{suffix}, which the output would replace: write it to another file")


def _absent(path: str) -> bool:
    """Whether nothing is at ``path``. One that is there but cannot be looked at (in a folder
    without permission; Path.exists raises there) is kept, for the reader to say why."""
    try:
        Path(path).stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _output_file(output: str) -> Path | None:
    """The file that -o ``output`` names: through a symbolic link, the file it points to (the link
    stays a link). None for a device or pipe (/dev/null, /dev/stdout, a named pipe): that is
    written straight into, since moving a file over it would put a file where the device was."""
    try:
        if not stat.S_ISREG(os.stat(output).st_mode):
            return None
    except OSError as e:  # not there yet: it is made; but a link that leads back to itself was replaced
        if e.errno == errno.ELOOP:
            _fail(f"cannot write {ingest.printable(output)}: {e.strerror} (a link that leads back to itself)")
    return Path(os.path.realpath(output))


def _partial(output: str) -> Path | None:
    """Where this process writes the -o file ``output`` until it is complete (None: straight
    into ``output``, a device or pipe)."""
    target = _output_file(output)
    return None if target is None else target.with_name(f".{target.name}.{os.getpid()}.partial")


def _open_output(output: str | None):
    """The -o file, opened before any slow work so that a bad path fails fast. It is written
    beside its target and moved into place by ``_close_output``: a run that fails or is
    interrupted half-way leaves what was there (yesterday's report) instead of half a file."""
    if not output:
        return sys.stdout
    partial = _partial(output)
    try:
        f = open(partial or output, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as e:
        _fail(f"cannot write {output}: {e.strerror or e}")
    if partial is not None:
        atexit.register(partial.unlink, missing_ok=True)  # gone once moved; else the half-written file goes
    return f


def _close_output(out, output: str | None) -> None:
    """The -o file complete: moved over its target in one step."""
    if not output:
        return
    try:
        out.close()  # the last of it is written here: a full disk says so now
        if (partial := _partial(output)) is not None:
            os.replace(partial, _output_file(output))
    except OSError as e:
        _fail(f"cannot write {output}: {e.strerror or e}")


def _advance(progress: Progress, a: Analysis) -> None:
    """One analysis done: the bar moves, and its notes (e.g. no techniques in a French text) show,
    each text once with the first article that had it, the others counted at the end: a folder of
    300 articles read by a model with a caveat printed the same line 300 times. Every analysis
    still keeps its own notes (JSON output, the store)."""
    progress.advance(len(a.article.text))
    for note in a.notes:
        progress.notes[note] = progress.notes.get(note, 0) + 1
        if progress.notes[note] == 1:
            progress.bar.write(f"propscope: {ingest.printable(a.id)}: {ingest.printable(note)}", file=sys.stderr)


def _analyze_db(db, paths, model, batch_size, reanalyze, opts, counter, with_sources: bool, int8: bool,
                version: str, retry_failed: bool = False, taxonomy: str | None = None, bf16: bool = False) -> None:
    from .pipeline import analyze_store

    store = _open_store(db) if paths else _open_existing_store(db)  # nothing to add: never create one
    if paths:
        opts.unique_ids = True  # in a store the id is identity: a generated one must never collide
        added = _store_articles(store, _articles(_readable_inputs(paths, counter), opts, counter), counter)
        _err(f"ingested {added.new} new articles ({added.duplicates} already stored)")
    todo = store.count_pending(version, reanalyze, retry_failed)
    skipped = store.count_pending(version, reanalyze, retry_failed=True) - todo
    failed_before = (f"; {skipped} whose analysis failed are skipped (`propscope report` says why; --retry-failed "
                     "tries them again)") if skipped else ""
    if not todo and not store.count_articles():
        click.echo(f"analysed 0 articles: {store.display_url} holds none yet; add some with `propscope ingest` "
                   "(or give PATHS)")
        sys.exit(1 if counter["rejected"] else 0)
    if not todo:  # nothing to do: no model load
        click.echo(f"analysed 0 articles: every article in {store.display_url} has an analysis by {version}"
                   + ("" if reanalyze else " or an older model (--reanalyze redoes those)") + failed_before)
        sys.exit(1 if counter["rejected"] else 0)
    tagger = _load_model(model, int8, taxonomy, bf16)
    progress = Progress(todo)

    def failed(article, reason: str) -> None:
        counter["failed"] += 1
        progress.advance(len(article.text))
        progress.bar.write(f"propscope: could not analyse article {article.id!r}: {reason} (recorded; skipped by "
                           "later runs unless --retry-failed)", file=sys.stderr)

    try:
        done = analyze_store(store, tagger, reanalyze=reanalyze, batch_size=batch_size, sources=with_sources,
                             on_article=lambda a: _advance(progress, a), on_failure=failed,
                             retry_failed=retry_failed, on_taken=lambda n: counter.update(taken=n))
    except KeyboardInterrupt:
        progress.bar.close()
        _fail("interrupted: finished batches are saved; run the same command again to resume", 130)
    progress.close()
    click.echo(f"analysed {done} articles with {tagger.name} into {store.display_url}"
               + (f"; {counter['failed']} failed (see above, or `propscope report`)" if counter["failed"] else "")
               + (f"; {counter['taken']} more were analysed meanwhile by another run on this store, and kept as it "
                  "stored them" if counter["taken"] else "")
               + failed_before)
    if counter["rejected"] or counter["failed"]:
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
    from .pipeline import sources_pipeline

    sources_pipeline()  # one line, before any input is read, for a pipeline that cannot load
    counter: Counter = Counter()
    batch: list = []

    def flush() -> None:
        for art, found in zip(batch, sources.extract_batch([a.text for a in batch])):
            d = {"id": art.id, **found.to_dict()}
            if fmt == "json":
                click.echo(json.dumps(d, ensure_ascii=False))
                continue
            click.secho(f"== {ingest.printable(art.id)}", bold=True)
            _print_sources(art.text, d["attributions"], d["quotes"], d["entities"], sys.stdout)
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
@store_option("Find reuse among the stored articles (PATHS, if given, are ingested first) and store the results.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--min-chars", type=click.IntRange(min=1), default=50, show_default=True,
              help="Shortest passage to report (a whole sentence right beside a copied passage may be shorter).")
@click.option("--boilerplate", type=click.Choice(["suppress", "flag", "keep"]), default="suppress", show_default=True,
              help="Text one outlet repeats in many of its own articles (footers, bylines).")
@click.option("--boilerplate-pages", type=click.IntRange(2, None), default=3, show_default=True,
              help="On how many of one outlet's own articles a passage must stand to count as its boilerplate "
              "(a notice two or more outlets each show on two or more pages, and none on one only, is boilerplate "
              "anyway). 2 may take a story an outlet ran twice for boilerplate.")
@click.option("--similarity", type=FiniteRange(0.05, 0.95), default=0.25, show_default=True,
              help="How alike two 16-word windows must be (MinHash Jaccard of their 3-word shingles) to be compared "
              "word by word. Lower finds more heavily edited copies and takes longer: see the README.")
@click.option("--quotations", is_flag=True,
              help="Also report passages that are only a quotation in both articles (independent articles quoting "
              "one speaker: left out by default, since that is not copying between them).")
@click.option("--scheduler", default=None, callback=_local_workers,
              help="Align on a Dask cluster: local[N] or tcp://HOST:PORT.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None, callback=_no_empty_path)
@with_input_options
@share_db_option
def reuse(paths, db, fmt, min_chars, boilerplate, boilerplate_pages, similarity, quotations, scheduler, output,
          max_bytes, allow_private_urls) -> None:
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
    _output_not_input(output, paths)
    if db is not None:
        _output_not_store(output, db)
    store = None if db is None else _open_store(db) if paths else _open_existing_store(db)
    if store is not None:
        if paths:
            opts.unique_ids = True  # in a store the id is identity: a generated one must never collide
            _store_articles(store, _articles(paths, opts, counter), counter)
        articles = list(store.iter_articles())
    else:
        articles = _distinct_ids(list(_articles(paths, opts, counter)))
    _err(f"looking for reuse among {len(articles)} articles")
    kwargs = {"min_chars": min_chars, "boilerplate": boilerplate, "boilerplate_min_articles": boilerplate_pages,
              "threshold": similarity, "report_quotations": quotations}
    if scheduler:
        from .batch import make_client

        client = None
        try:
            with _interrupt_ignored():  # its workers ignore a terminal's Ctrl-C: this command closes them
                client = make_client(scheduler)
        except (ValueError, OSError) as e:
            _fail(f"cannot reach the Dask scheduler: {e}")
        except KeyboardInterrupt:  # held while the cluster started: it is closed before the one line
            if client is not None:
                with _interrupt_ignored():
                    client.close()
            raise
        try:
            result = finder.find_reuse_dask(articles, client, **kwargs)
        finally:
            with _interrupt_ignored():
                client.close()
    else:
        result = finder.find_reuse(articles, **kwargs)
    if store is not None:
        store.save_reuse(result)
    out = _open_output(output)
    texts = {a.id: a for a in articles}
    if fmt == "json":
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "html":
        out.write(render_reuse(result, texts))
    else:
        origins = {c.id: c.origin for c in result.clusters}
        for p in result.passages:
            origin = origins.get(p.cluster)
            a, b = ingest.printable(p.a), ingest.printable(p.b)
            click.secho(f"{a}[{p.a_start}:{p.a_end}] ~ {b}[{p.b_start}:{p.b_end}]  similarity {p.score:.2f}"
                        + (f"  origin {ingest.printable(origin)}" if origin else ""), bold=True, file=out)
            click.echo("   " + _clip(texts[p.a].text[p.a_start:p.a_end], 150), file=out)
        click.echo(f"{len(result.passages)} passages in {len(result.clusters)} clusters", file=out)
    _close_output(out, output)
    if counter["rejected"]:
        sys.exit(1)


# -- corpus ---------------------------------------------------------------------------------
@main.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--feeds", is_flag=True, help="Treat URLs as RSS/Atom feeds (an HTML answer is then an error).")
@with_input_options
@share_db_option
def ingest_cmd(sources, db, fmt, feeds, max_bytes, allow_private_urls) -> None:
    """Store articles from files, folders, exports (JSONL/CSV), WARC/ARC crawls, RSS/Atom feeds,
    URL lists (.urls) and URLs. An article already stored (same id, URL or text) is skipped."""
    counter: Counter = Counter()
    store = _open_store(db)
    opts = _read_options(max_bytes, allow_private_urls, feeds)
    opts.unique_ids = True  # in a store the id is identity: a generated one must never collide
    result = _store_articles(store, _articles(sources, opts, counter), counter)
    summary = {"new": result.new, "duplicates": result.duplicates, "rejected": counter["rejected"]}
    if fmt == "json":
        click.echo(json.dumps(summary))
    else:
        click.echo(f"{result.new} new articles stored in {store.display_url}; {result.duplicates} already there; "
                   f"{counter['rejected']} rejected")
    if counter["rejected"]:
        sys.exit(1)


def _store_articles(store, articles, counter: Counter):
    """``store.add_articles``, each article the database refused reported on stderr and counted,
    and each stored article whose missing metadata a copy filled in said so (the first 20).
    Ctrl-C ends it with one line: the insert batch under way is rolled back, the ones before stay."""
    try:
        result = store.add_articles(articles)
    except KeyboardInterrupt:
        _fail("interrupted: the articles stored before it are kept; run the same command again to store the "
              "rest (those already stored are skipped)", 130)
    for article_id, reason in result.rejected:
        counter["rejected"] += 1
        _err(f"skipped article {article_id!r}: {reason}")
    for article_id, fields in result.filled[:20]:
        _err(f"filled in the missing {', '.join(fields)} of stored article {article_id!r}")
    if len(result.filled) > 20:
        _err(f"filled in missing metadata of {len(result.filled)} stored articles in all")
    if result.conflicts:
        shown = ", ".join(repr(i) for i in result.conflicts[:10])
        more = f" and {len(result.conflicts) - 10} more" if len(result.conflicts) > 10 else ""
        _err(f"kept the stored articles with ids {shown}{more}: the new records with these ids hold other texts "
             "(give each source's records ids of their own, e.g. a prefix, to store both)")
    return result


def _technique(name: str | None) -> str | None:
    """The corpus name for a --technique given by display or corpus name; an unknown name is a
    usage error that lists the choices (never an empty result)."""
    from .taxonomy import UnknownTechnique, resolve_any

    if name is None:
        return None
    try:
        return resolve_any(name)  # a store may hold spans of any taxonomy
    except UnknownTechnique as e:
        raise click.BadParameter(str(e), param_hint="'--technique'") from None


def _clip(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters, cut at a word boundary with an ellipsis;
    control characters written as escapes (``ingest.printable``): an article's title or text may
    hold terminal escape sequences, which must not reach the reader's terminal."""
    flat = ingest.printable(" ".join(text.split()))
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if flat[width - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


class _Day(click.ParamType):
    """A date as YYYY-MM-DD or YYYY-MM. click.DateTime answered a day the calendar lacks
    (2026-02-30, 2026-13) with "does not match the formats", which sends the user to check the
    format, not the day. With ``end`` (an --until) a month is its last day, as on the web's
    dashboard: ``--until 2020-01`` was 2020-01-01 and left out the rest of January."""

    name = "date"

    def __init__(self, end: bool = False):
        self.end = end

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        try:
            return datetime.strptime(value, "%Y-%m-%d")
        except ValueError:
            pass
        try:
            month = datetime.strptime(value, "%Y-%m")
            if self.end:
                import calendar

                month = month.replace(day=calendar.monthrange(month.year, month.month)[1])
            return month
        except ValueError:
            pass
        if re.fullmatch(r"\d{4}-\d{1,2}(-\d{1,2})?", value.strip()):
            self.fail(f"{value!r} is no day of the calendar: the month runs 1-12 and the day to the month's last", param,
                      ctx)
        self.fail(f"{value!r} is not a date: give YYYY-MM-DD or YYYY-MM", param, ctx)


def _date_option(name: str, help: str):
    return click.option(name, type=_Day(end=name == "--until"), default=None, help=help)


def _date_range(since: datetime | None, until: datetime | None) -> tuple:
    """The days of --since and --until; one after the other is a usage error that says so (the
    report or export was empty with no word why, as the web's dashboard was)."""
    first, last = since.date() if since else None, until.date() if until else None
    if first and last and first > last:
        raise click.BadParameter(f"{first} is after --until {last}: nothing can match; swap them",
                                 param_hint="'--since'")
    return first, last


@main.command()
@db_option
@click.option("--outlet", default=None, help="Only this outlet (domain).")
@_date_option("--since", "Only articles published on or after this date (YYYY-MM-DD).")
@_date_option("--until", "Only articles published on or before this date.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.option("--top", type=click.IntRange(0, MOST_ROWS), default=10, show_default=True,
              help="How many top-scoring articles to list.")
@click.option("--technique", default=None, help="Only articles with spans of this technique (display or corpus "
              "name, e.g. \"Loaded language\" or Loaded_Language).")
@click.option("--topic", default=None, help="Only articles of this topic, by the label `propscope topics` gave it.")
def report(db, outlet, since, until, fmt, top, technique, topic) -> None:
    """Technique counts and propaganda scores by outlet, month and topic, the entities most
    targeted, and the top-scoring articles."""
    from . import report as rep

    technique = _technique(technique)
    first, last = _date_range(since, until)
    store = _open_existing_store(db, writes=False)
    _check_topic(store, topic)
    _check_outlet(store, outlet)
    data = rep.build(store, outlet, first, last, top, technique=technique, topic=topic)
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if fmt == "json"
               else rep.to_csv(data) if fmt == "csv" else rep.to_text(data), nl=fmt == "json")


def _check_topic(store, topic: str | None) -> None:
    """A ``--topic`` that names no stored topic is a usage error listing the stored ones (a typo
    would otherwise read as a topic with no articles)."""
    if topic is not None and topic not in (labels := [t.label for t in store.load_topics()]):
        raise click.BadParameter(f"no stored topic {topic!r}; the topics are: {'; '.join(labels)}" if labels else
                                 "no topics are stored yet: `propscope topics --db` finds them", param_hint="'--topic'")


def _check_outlet(store, outlet: str | None) -> None:
    """An ``--outlet`` that no stored article has is a usage error naming the nearest stored ones:
    a typo ("nytimes.com" for "www.nytimes.com") gave an empty report, export or search, exit 0."""
    import difflib

    if outlet is None or outlet in (known := store.outlets()):
        return
    near = difflib.get_close_matches(outlet, known, n=3, cutoff=0.5)
    raise click.BadParameter(f"no stored article has outlet {outlet!r}; " + (
        f"did you mean {' or '.join(map(repr, near))}?" if near else
        f"its outlets are {', '.join(map(repr, known[:5]))}" + (f" and {len(known) - 5:,} more" if len(known) > 5 else "")
        if known else
        "no stored article has an outlet"), param_hint="'--outlet'")


@main.command("topics")
@db_option
@click.option("--topics", "n_topics", type=click.IntRange(2, 200), default=12, show_default=True,
              help="How many topics to look for (at most one per five articles).")
@click.option("--seed", type=SEED, default=13, show_default=True, help="The same seed and articles give the same topics.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@share_db_option
def topics_cmd(db, n_topics, seed, fmt) -> None:
    """Find what the stored articles are about, and how propagandistic each topic is.

    Topics are fitted to the stored articles' words (each one a list of words; each article goes
    to the topic that weighs most in it) and stored: `propscope report` and the web dashboard then
    show scores by topic. Run it again after ingesting more articles: it replaces the topics.
    """
    from . import report as rep
    from .topics import TopicError, find_topics

    store = _open_existing_store(db)
    total = store.count_articles()
    bar = _progress(total, "placing articles")
    try:
        found = find_topics(store.iter_texts, n_topics=n_topics, seed=seed, progress=bar.update)
    except TopicError as e:
        _fail(f"{e}; ingest more articles with `propscope ingest`")
    finally:
        bar.close()
    store.save_topics(found)
    scored = {g["key"]: g for g in rep.build(store, targets=False)["by_topic"]}
    sizes = found.sizes()
    rows = [{**t.to_dict(), "articles": sizes[t.id], "analysed": (g := scored.get(t.label, {})).get("articles", 0),
             "mean_score": g.get("mean_score"), "techniques": g.get("techniques", {})} for t in found.topics]
    rows.sort(key=lambda r: (-r["articles"], r["id"]))
    if fmt == "json":
        click.echo(json.dumps({"articles": total, "placed": len(found.assigned), "topics": rows}, ensure_ascii=False))
        return
    from .taxonomy import display

    click.echo(f"{len(found.topics)} topics in {total} stored articles ({total - len(found.assigned)} without one), "
               f"stored in {store.display_url}")
    click.echo(f"  {'topic':<34} {'articles':>8} {'score':>6}  top techniques")
    for r in rows:
        score = f"{r['mean_score']:>6.2f}" if r["mean_score"] is not None else f"{'-':>6}"
        tops = ", ".join(f"{display(t)} ({n})" for t, n in list(r["techniques"].items())[:3])
        click.echo(f"  {_clip(r['label'], 34):<34} {r['articles']:>8} {score}  {tops}")
        click.echo(f"  {'':<2}{_clip(', '.join(r['words']), 100)}")
    if not any(r["analysed"] for r in rows):
        click.echo("No article is analysed yet: `propscope analyze --db` scores them.")


class _DashWordCommand(click.Command):
    """A command whose argument may start with a dash (``search -harbour``): a word of one dash
    that names none of the command's options is read as the argument, as if given after ``--``.
    Click read it as a cluster of short options ("No such option '-a'"). Words with two dashes
    stay options, so a mistyped ``--limt`` is still named as no such option."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        options = [p for p in self.get_params(ctx) if isinstance(p, click.Option)]
        names = {n for p in options for n in p.opts + p.secondary_opts}
        takes_value = {n for p in options if not p.is_flag and not p.count for n in p.opts}
        i = 0
        while i < len(args) and args[i] != "--":
            word = args[i]
            if word in takes_value:  # its value may start with a dash: skip both
                i += 2
            elif len(word) > 1 and word.startswith("-") and not word.startswith("--") and word not in names:
                args = [*args[:i], *args[i + 1:], "--", word] if "--" not in args else args
                break
            else:
                i += 1
        return super().parse_args(ctx, args)


@main.command(cls=_DashWordCommand)
@click.argument("query", callback=_no_empty_query)
@db_option
@click.option("--technique", default=None, help="Only articles with spans of this technique (display or corpus "
              "name, e.g. \"Loaded language\" or Loaded_Language).")
@click.option("--outlet", default=None, help="Only this outlet (domain).")
@click.option("--topic", default=None, help="Only articles of this topic, by the label `propscope topics` gave it.")
@click.option("--limit", type=click.IntRange(1, MOST_ROWS), default=20, show_default=True, help="How many articles to list.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def search(query, db, technique, outlet, topic, limit, fmt) -> None:
    """Full-text search over stored articles and their technique spans.

    A query may start with a dash (-harbour) unless it is one of the options; after --
    anything is the query:

    \b
      propscope search -- --limit
    """
    from .taxonomy import display

    technique = _technique(technique)
    store = _open_existing_store(db, writes=False)
    _check_topic(store, topic)
    _check_outlet(store, outlet)
    hits = store.search(query, technique=technique, outlet=outlet, limit=limit, topic=topic)
    if fmt == "json":
        click.echo(json.dumps([{**h, "snippet": "".join(s for s, _ in h["snippet"])} for h in hits],
                              ensure_ascii=False, indent=2))
        return
    for h in hits:
        head = ingest.printable(f"{h['id']}  {h['outlet'] or ''}  {h['published'] or ''}  ")
        click.secho(head + _clip(h["title"] or "", 120), bold=True)
        click.echo("    " + "".join(click.style(ingest.printable(s), underline=True) if match else ingest.printable(s)
                                    for s, match in h["snippet"]))
        for s in h["spans"][:5]:
            click.echo(f"    {display(s['technique']):<36} {s['score']:.2f}  \"{_clip(s['text'], 90)}\"")
    if not hits:
        _err("no matches")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "ptc", "label-studio", "label-studio-config", "reuse"]),
              default="jsonl", show_default=True,
              help="label-studio: tasks with pre-annotations; label-studio-config: the matching labelling config; "
                   "reuse: the stored reuse passages and clusters (JSON); ptc: label lines, ids escaped as in "
                   "`analyze --format ptc`.")
@click.option("--outlet", default=None, help="Only this outlet (domain).")
@_date_option("--since", "Only articles published on or after this date.")
@_date_option("--until", "Only articles published on or before this date.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None, callback=_no_empty_path)
@click.option("--taxonomy", "taxonomy_name", default=None, metavar="NAME", callback=_not_blank,
              help="With label-studio-config: the taxonomy whose techniques are the labels (ptc14, semeval2023, ...; "
              "default ptc14). Exported tasks carry each analysis's own taxonomy in data.taxonomy.")
def export(db, fmt, outlet, since, until, output, taxonomy_name=None) -> None:
    """Export stored analyses for analysis elsewhere or human review in Label Studio."""
    from .export import export as run_export
    from .export import label_studio_config

    tax = _taxonomy(taxonomy_name)  # a wrong name fails before anything is opened
    first, last = _date_range(since, until)
    _output_not_store(output, db)
    store = None if fmt == "label-studio-config" else _open_existing_store(db, writes=False)
    if store is not None:
        _check_outlet(store, outlet)
    out = _open_output(output)
    if store is None:
        out.write(label_studio_config(tax.name) + "\n")
    elif fmt == "reuse":
        out.write(json.dumps(store.load_reuse().to_dict(), ensure_ascii=False) + "\n")
    else:
        items = store.iter_analyses(outlet, first, last)
        seen: Counter = Counter()
        for chunk in run_export(_counting_taxonomies(items, seen), fmt):
            out.write(chunk)
    _close_output(out, output)
    if fmt == "label-studio" and len(seen) > 1:
        from .report_html import plural

        _err(f"warning: the tasks hold labels of {len(seen)} taxonomies ("
             + ", ".join(f"{ingest.printable(t)}: {plural(n, 'article')}" for t, n in seen.most_common())
             + "); a Label Studio project takes one labelling config (`export --format label-studio-config "
             "--taxonomy NAME`), so the other taxonomies' labels will not show")


def _counting_taxonomies(items, seen: Counter):
    """``items`` (analyses) unchanged, counting each one's taxonomy into ``seen`` on the way."""
    for a in items:
        seen[a.taxonomy] += 1
        yield a


# -- taxonomy -------------------------------------------------------------------------------
@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@taxonomy_option
def techniques(fmt, taxonomy_name) -> None:
    """List the propaganda techniques of a taxonomy, by group, with definitions and mappings.

    \b
    Taxonomies are data files: the shipped ones are ptc14 (SemEval-2020 Task 11, the default)
    and semeval2023 (SemEval-2023 Task 3, 23 techniques in six groups); add your own as NAME.json
    in a folder named by $PROPSCOPE_TAXONOMIES.
    """
    from .taxonomy import mappings_of

    tax = _taxonomy(taxonomy_name)
    maps = mappings_of(tax.name)
    links: dict[str, dict[str, list[str]]] = {t.name: {} for t in tax}
    for m in maps:
        for src, targets in m.map.items():
            if m.source == tax.name:
                links[src].setdefault(m.target, []).extend(targets)
            else:
                for t in targets:
                    links[t].setdefault(m.source, []).append(src)
    if fmt == "json":
        click.echo(json.dumps([{**t.__dict__, "mapping": links[t.name]} for t in tax], indent=2, ensure_ascii=False))
        return
    click.secho(f"{tax.title} ({tax.name}, {len(tax)} techniques)", bold=True)
    if tax.description:
        click.echo(click.wrap_text(tax.description, initial_indent="  ", subsequent_indent="  "))
    click.echo()
    for group in [*tax.groups, None]:
        members = [t for t in tax if (t.group == group.name if group else not tax.group(t.group))]
        if not members:
            continue
        if group:
            click.secho(f"== {group.display}", bold=True)
        for t in members:
            click.secho(f"{t.display}  [{t.name}]", bold=True)
            click.echo(click.wrap_text(t.definition, initial_indent="  ", subsequent_indent="  "))
            for other, names in links[t.name].items():
                arrow = "maps to" if any(m.source == tax.name and m.target == other for m in maps) else "from"
                click.echo(f"  {arrow} {other}: {', '.join(names)}")
            click.echo()
    for m in maps:
        click.echo(click.wrap_text(f"Mapping {m.source} -> {m.target}: {m.description}", subsequent_indent="  "))
        for name, why in m.unmapped.items():
            click.echo(f"  no {m.source} technique maps to {name}: {why}")


@main.command()
def models() -> None:
    """List the installed models."""
    from .pipeline import DEFAULT_MODEL, available_models, model_path
    from .registry import ModelDamaged, models_dir_trouble, read_config

    if trouble := models_dir_trouble():
        _fail(trouble)
    damaged = 0
    for name in available_models():
        default = " (default)" if name == DEFAULT_MODEL else ""
        try:
            click.echo(f"{name}{default}: {_model_line(name, read_config(model_path(name)))}")
        except ModelDamaged as e:  # one broken folder in $PROPSCOPE_MODELS hid the rest behind a traceback
            _err(str(e))
            damaged += 1
    if damaged:
        sys.exit(1)


def _model_line(name: str, cfg: dict) -> str:
    """What `propscope models` says of one model; settings it cannot say it from are ModelDamaged."""
    from .language import name as language_name
    from .pipeline import model_path
    from .registry import NGRAM_KIND, ModelDamaged, model_taxonomy

    try:
        if cfg.get("kind") == NGRAM_KIND:
            langs = ", ".join(language_name(c) for c in cfg["languages"])
            return f"paragraph labels from character n-grams, {len(cfg['classes'])} techniques ({cfg['taxonomy']}); {langs}"
        return f"base {cfg['base']}, {len(cfg['labels'])} techniques ({model_taxonomy(name)}); English spans"
    except (KeyError, TypeError) as e:
        raise ModelDamaged(model_path(name), "config.json", f"{e.__class__.__name__}: {e}") from None


# -- SemEval tasks --------------------------------------------------------------------------
@main.command("classify-spans")
@click.argument("articles_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("spans_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--model", default=None, callback=_not_blank, help="Model name or folder.")
def classify_spans(articles_dir, spans_file, model) -> None:
    """The SemEval TC task: label each `id<TAB>?<TAB>start<TAB>end` line with a technique.

    A span listed k times gets its k most probable techniques.
    """
    from .ptc import format_label_line, read_articles_dir, read_labels

    try:
        lines = read_labels(spans_file)
        texts = read_articles_dir(articles_dir)
    except ValueError as e:
        _fail(str(e))
    if not lines:
        # exit 1 as for every other fault in an input file's content; 2 is for options used wrongly
        _fail(f"{spans_file}: no label lines ('id<TAB>?<TAB>start<TAB>end'); nothing to classify")
    missing = sorted({art for art, *_ in lines} - set(texts))
    if missing:
        _fail(f"no article file for ids {', '.join(missing[:5])} in {articles_dir}")
    _check_spans(lines, texts, spans_file)  # else a technique for a span that is not there (and numpy warnings)
    tagger = _load_model(model, span_tagger=True)
    ids = sorted({art for art, *_ in lines})
    probs = dict(zip(ids, tagger.token_probs([texts[i] for i in ids])))
    seen: Counter = Counter()
    for art, _, s, e in lines:
        k = seen[(art, s, e)]
        seen[(art, s, e)] += 1
        ranked = tagger.classify(texts[art], probs[art], s, e)
        click.echo(format_label_line(art, ranked[min(k, len(ranked) - 1)][0], s, e))


@main.command()
@click.option("--gold", required=True, type=click.Path(exists=True), help="Gold labels: a file or a folder of them "
              "(with a paragraph taxonomy: one file of paragraph rows).")
@click.option("--articles", type=click.Path(exists=True, file_okay=False), help="Folder of articles (needed for span "
              "scores, and for paragraph scores when the model predicts).")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Predicted spans (FLC/SI lines), or paragraph "
              "rows with a paragraph taxonomy; without it the model predicts.")
@click.option("--tc-pred", type=click.Path(exists=True, dir_okay=False), help="TC predictions on the gold spans.")
@click.option("--model", default=None, callback=_not_blank, help="Model name or folder (when predicting).")
@click.option("--taxonomy", "taxonomy_name", default=None, metavar="NAME", callback=_not_blank,
              help="semeval2023: paragraph micro-F1 and macro-F1 as the official SemEval-2023 subtask-3 scorer "
              "computes them, over rows `article_id<TAB>line_no<TAB>techniques` (see `analyze --format paragraphs`). "
              "Default: the SemEval-2020 span scores.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def evaluate(gold, articles, pred, tc_pred, model, fmt, taxonomy_name) -> None:
    """SI, FLC and TC scores (SemEval-2020 Task 11), or with --taxonomy semeval2023 the paragraph
    scores of SemEval-2023 Task 3 subtask 3; overall and per technique."""
    from . import metrics

    if taxonomy_name is not None and _taxonomy(taxonomy_name).unit == "paragraph":
        _evaluate_paragraphs(gold, pred, articles, model, taxonomy_name, fmt)
        return
    if articles is None:
        raise click.UsageError("span scores need --articles (the folder of the articles)")
    from .ptc import read_articles_dir, read_labels
    from .taxonomy import display

    try:
        gold_spans = read_labels(gold)
        pred_spans = read_labels(pred) if pred else None
        tc_spans = read_labels(tc_pred) if tc_pred else None
        texts = read_articles_dir(articles)
    except ValueError as e:
        _fail(str(e))
    if not gold_spans:  # else every score is 0 and the run looks like a result
        _fail(f"{gold}: no label lines ('id<TAB>technique<TAB>start<TAB>end'); give the gold label file(s)")
    gold_ids = {g[0] for g in gold_spans}
    _check_evaluation_ids(gold_ids, pred_spans, texts, articles, pred)
    tax = _taxonomy(taxonomy_name)
    for spans, source in ((gold_spans, gold), (pred_spans, pred), (tc_spans, tc_pred)):
        _check_spans(spans or [], texts, source)
        _warn_unknown_techniques(spans or [], source, tax)
    has_techniques = any(g[1] for g in gold_spans)
    scored = _gold_articles(gold, gold_ids) & set(texts)
    if pred_spans is None:
        if skipped := set(texts) - scored:
            _err(f"note: {len(skipped):,} article(s) of {articles} have no gold labels and are not scored, e.g. "
                 f"{ingest.printable(sorted(skipped)[0])} (in a folder of label files, an article without "
                 "techniques is scored when it has its own empty .labels file)")
        from .techniques.decode import Thresholds
        from .techniques.evaluation import predict_labels

        tagger = _load_model(model, span_tagger=True)
        decoder, th = tagger.decoder, Thresholds.from_config(tagger.config)
        ids = sorted(scored)
        gold_by_article = defaultdict(list)
        for g in gold_spans:
            gold_by_article[g[0]].append(g)
        pred_spans, tc_spans = [], []
        progress = _progress(len(ids), "predicting")
        for k in range(0, len(ids), 16):
            chunk = ids[k : k + 16]
            for art, tp in zip(chunk, tagger.token_probs([texts[i] for i in chunk])):
                p, t = predict_labels(decoder, th, art, texts[art], tp, gold_by_article[art])
                pred_spans += p
                tc_spans += t
                progress.update(1)
        progress.close()
    unknown = gold_ids - set(texts)
    if unknown:
        _err(f"warning: {len(unknown)} gold article ids have no article file, e.g. {sorted(unknown)[0]}")
    result = {"articles": len(scored), "si": metrics.span_identification(pred_spans, gold_spans).to_dict()}
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
            click.echo(f"     {display(tech):<40} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  "
                       f"gold {v['gold']}")


def _gold_articles(gold: str, gold_ids: set[str]) -> set[str]:
    """The articles the gold labels cover: those with a gold span, and in a folder of label files
    each file's article (``article7.task-flc-tc.labels`` or ``story.labels``), so one without any
    technique is scored too. Only these are scored: the model's spans on an article the gold does
    not cover counted as false positives."""
    from .ptc import article_id_from_path, has_ptc_name

    if not Path(gold).is_dir():
        return set(gold_ids)
    named = {article_id_from_path(f) if has_ptc_name(f) else re.sub(r"\.task-[\w-]+$", "", f.name.split(".labels")[0])
             for f in Path(gold).iterdir() if ".labels" in f.name}
    return set(gold_ids) | named


def _check_spans(spans: list, texts: dict[str, str], source: str) -> None:
    """Fail with one line at the first span of ``source`` that is empty, reversed or outside its
    article's text (of the articles in ``texts``): such a span was scored in silence, a reversed
    one dropped, one past the end counted as characters the article does not have."""
    for art, _, start, end in spans:
        if art in texts and not 0 <= start < end <= len(texts[art]):
            _fail(f"{source}: span {ingest.printable(art)} {start}-{end} is empty or outside article "
                  f"{ingest.printable(art)} ({len(texts[art]):,} characters)")


def _warn_unknown_techniques(spans: list, source: str, tax) -> None:
    """Warn on stderr about technique names of ``source`` that ``tax`` lacks, with their counts: a
    mistyped name ('Loaded_Languge') was scored in silence as wrong everywhere. Names of the
    EMNLP-2019 corpus's 18 classes (``EMNLP2019_EXTRA``) are left to be scored as they are unless
    another unknown name is there too; they cannot be refused, as that corpus uses them."""
    from .taxonomy import EMNLP2019_EXTRA

    known = set(tax.names)
    counts = Counter(t for _, t, _, _ in spans if t and t not in known)
    if not counts or set(counts) <= EMNLP2019_EXTRA:
        return
    ordered = sorted(counts, key=lambda t: (t in EMNLP2019_EXTRA, -counts[t], t))
    shown = ", ".join(f"{ingest.printable(t)} ({counts[t]:,})" for t in ordered[:8])
    more = f" and {len(ordered) - 8} more" if len(ordered) > 8 else ""
    _err(f"warning: {source}: {sum(counts.values()):,} labels name no technique of {tax.name}, scored as wrong "
         f"wherever they are: {shown}{more}; see `propscope techniques --taxonomy {tax.name}`")


def _check_evaluation_ids(gold_ids: set[str], pred_spans: list | None, texts: dict[str, str], articles: str,
                          pred: str | None) -> None:
    """Fail when the gold, the articles and the predictions share no article id (the wrong
    folder or file: every score was 0 and looked like a result); warn about predicted articles
    the gold does not have, whose spans all count as false positives."""
    def example(ids: set[str]) -> str:
        return ingest.printable(sorted(ids)[0])

    if not texts:
        _fail(f"{articles}: no article .txt files here; give the folder of the articles the gold labels")
    if not gold_ids & set(texts):
        _fail(f"none of the {len(gold_ids):,} gold article ids has an article file in {articles} (gold has "
              f"{example(gold_ids)!r}, the folder {example(set(texts))!r}): give the articles that go with the gold")
    if pred is None or not pred_spans:
        return
    pred_ids = {p[0] for p in pred_spans}
    if not pred_ids & gold_ids:
        _fail(f"{pred}: none of its {len(pred_ids):,} article ids is in the gold (it has {example(pred_ids)!r}, "
              f"the gold {example(gold_ids)!r}): give the predictions for the gold's articles")
    if extra := pred_ids - gold_ids:
        _err(f"warning: {len(extra)} predicted article ids are not in the gold, e.g. {example(extra)}; "
             "their spans count as false positives")


def _check_gold_techniques(gold: str, rows: dict, tax) -> None:
    """Gold paragraph labels that are no technique of ``tax`` are not scored (so the official
    scorer does): say so on stderr, and fail when no gold label is one, where the gold is for
    another taxonomy (or mistyped) and every figure would only look like a result."""
    labels = Counter(t for ts in rows.values() for t in ts)
    unknown = sorted(t for t in labels if t not in set(tax.names))
    if not unknown:
        return
    shown = ", ".join(ingest.printable(t) for t in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
    if len(unknown) == len(labels):
        _fail(f"{gold}: none of its labels is a technique of {tax.name} ({shown}); give the gold for {tax.name}, "
              f"or see `propscope techniques --taxonomy {tax.name}`")
    _err(f"warning: {gold}: {sum(labels[t] for t in unknown):,} gold labels are no technique of {tax.name} and are "
         f"not scored ({shown})")


def _evaluate_paragraphs(gold: str, pred: str | None, articles: str | None, model: str | None, taxonomy_name: str,
                         fmt: str) -> None:
    """Paragraph scores of a paragraph-level taxonomy (SemEval-2023 subtask 3, ``paragraphs``);
    without --pred the model (mapped when its taxonomy differs) predicts the --articles."""
    from . import paragraphs
    from .taxonomy import display

    tax = _taxonomy(taxonomy_name)
    if Path(gold).is_dir():
        _fail(f"--gold must be a file of paragraph rows for {tax.name}, not a folder")
    if pred is None and articles is None:
        raise click.UsageError("give --pred (paragraph rows), or --articles for the model to predict")
    try:
        gold_rows = paragraphs.read_rows(gold)
        if pred is not None:
            pred_rows = paragraphs.read_rows(pred)
        else:
            from .document import Article
            from .pipeline import analyze_iter
            from .ptc import read_articles_dir

            texts = {k: v for k, v in read_articles_dir(articles).items() if k in {a for a, _ in gold_rows}}
            tagger = _load_model(model, False, tax.name)
            pred_rows = {}
            for a in analyze_iter([Article(id=k, text=v) for k, v in sorted(texts.items())], tagger):
                pred_rows.update({(a.id, n): ts for n, ts in paragraphs.paragraph_labels(a.article.text, a.spans)})
        result = paragraphs.score(pred_rows, gold_rows, tax.names)
    except (ValueError, UnicodeDecodeError) as e:
        _fail(str(e))
    _check_gold_techniques(gold, gold_rows, tax)
    if fmt == "json":
        click.echo(json.dumps({"taxonomy": tax.name, **result.to_dict()}, indent=2))
        return
    m = result.micro
    click.secho(f"{tax.name} paragraphs: micro-F1 {result.micro_f1:.4f}  macro-F1 {result.macro_f1:.4f}  "
                f"(micro P {m.precision:.4f} R {m.recall:.4f}; {result.rows} rows, {m.gold} gold labels, "
                f"{m.predicted} predicted)", bold=True)
    for tech, v in result.per_technique.items():
        click.echo(f"     {display(tech, tax):<40} P {v.precision:.3f}  R {v.recall:.3f}  F1 {v.f1:.3f}  gold {v.gold}  "
                   f"predicted {v.predicted}")


# -- scale ----------------------------------------------------------------------------------
@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False), callback=_no_empty_path,
              help="Folder for the JSONL shards of Analysis JSON (part-NNNNN.jsonl).")
@click.option("--scheduler", default="local", show_default=True, callback=_local_workers,
              help="local (a worker per core), local[N], or the address of a running scheduler (tcp://HOST:PORT).")
@store_option("Also store articles and analyses in this database.")
@click.option("--model", default=None, callback=_not_blank,
              help="Model name or folder (must exist on every worker); default: fast, "
              "for throughput (accurate is about 6x slower on a CPU).")
@click.option("--partition-size", type=click.IntRange(min=1), default=256, show_default=True, help="Articles per task.")
@click.option("--sources/--no-sources", "with_sources", default=True, show_default=True,
              help="Also find entities, attributions and quotes.")
@click.option("--int8", is_flag=True, help="Run the encoder quantised on the workers' CPUs (as `analyze --int8`); "
              "recorded in the model version.")
@with_input_options
@share_db_option
def batch(inputs, output, scheduler, db, model, partition_size, with_sources, int8, max_bytes,
          allow_private_urls) -> None:
    """Analyse a corpus on a Dask cluster: one task per partition, the model loaded once per
    worker, finished partitions skipped on a rerun, failed ones retried."""
    try:  # Ctrl-C, wherever it comes: click's bare "Aborted!" (exit 1) said nothing of what was kept
        _batch(inputs, output, scheduler, db, model, partition_size, with_sources, int8, max_bytes, allow_private_urls)
    except KeyboardInterrupt:
        _fail("interrupted: finished partitions are kept" + (" and stored" if db is not None else "")
              + "; run the same command again to do the rest (finished ones are skipped)", 130)


def _batch(inputs, output, scheduler, db, model, partition_size, with_sources, int8, max_bytes,
           allow_private_urls) -> None:
    from . import batch as runner
    from .pipeline import ModelNotFound, model_version

    try:
        model_version(model)
        if with_sources:
            from .pipeline import check_sources_pipeline

            check_sources_pipeline()
    except ModelNotFound as e:
        _fail(str(e))
    try:  # a bad --output (a device, a read-only disk) fails now, not once the cluster has started
        Path(output).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        _fail(f"cannot write into {output}: it is not a folder")
    except OSError as e:
        _fail(f"cannot write into {output}: {e.strerror or e}")
    counter: Counter = Counter()
    store = _open_store(db) if db else None
    verbose = click.get_current_context().find_root().params.get("verbose", False)
    client = None
    try:
        with _interrupt_ignored():  # workers started now ignore Ctrl-C: the command stops them, in one line
            client = runner.make_client(scheduler, quiet=not verbose)  # workers as quiet as this process
    except (ValueError, OSError) as e:
        _fail(f"cannot reach the Dask scheduler: {e}")
    except KeyboardInterrupt:  # held while the cluster started: it is closed before the one line
        if client is not None:
            with _interrupt_ignored():
                client.close()
        raise
    progress: list[Progress] = []  # made once the input is split and the total known

    def plan(total: int, todo: int) -> None:
        progress.append(Progress(todo))

    def to_store(path) -> None:
        """A finished shard into the store, once: an earlier run may have finished it and stopped
        before storing it (``batch.is_stored``)."""
        if store is not None and not runner.is_stored(path, store.display_url):
            results = runner.read_shard(path)
            store.save_analyses([(store.pk_of(store.put_article(r.article)[0]), r) for r in results])
            runner.mark_stored(path, store.display_url)

    def done(path, info) -> None:
        progress[0].advance(0, info["articles"])  # a bar over articles on a terminal; the summary below elsewhere
        to_store(path)

    try:
        opts = _read_options(max_bytes, allow_private_urls)
        opts.unique_ids = store is not None  # stored, the id is identity: a generated one must never collide
        result = runner.run(_articles(inputs, opts, counter), output, client,
                            model=model, partition_size=partition_size, on_done=done, sources=with_sources,
                            int8=int8, on_plan=plan, on_skip=to_store)
    except KeyboardInterrupt:
        if not verbose:  # a busy worker is killed on close, which Dask logs as a warning
            logging.getLogger("distributed").setLevel(logging.ERROR)
        raise
    finally:
        for p in progress:
            p.bar.close()  # no summary line from the bar: the one below says it all
        with _interrupt_ignored():  # a second Ctrl-C while closing: the cluster still closes whole
            client.close()
    t = result.timings
    click.echo(f"{result.articles} articles in {result.partitions - result.skipped} partitions "
               f"({result.skipped} already done) in {result.seconds:.1f} s -> {output}")
    if result.articles:
        click.echo("worker time: " + ", ".join(f"{k} {v:.1f} s" for k, v in t.items()))
    for e in result.failed[:20]:
        _err(f"{ingest.printable(e['id'])}: {e['stage']} failed ({ingest.printable(e['error'])})"
             + (", stored without sources" if e["stage"] == "sources" else ", not analysed"))
    if result.failed:
        _err(f"{len(result.failed)} articles failed in all; each partition's list is in {output}/part-NNNNN.errors.jsonl")
    if counter["rejected"] or any(e["stage"] == "techniques" for e in result.failed):
        sys.exit(1)


@contextlib.contextmanager
def _interrupt_ignored():
    """Ctrl-C held while the block runs: a Dask cluster cut off half-started or half-closed left
    its processes and an exit-hook traceback. It is blocked in this thread, a mask that the threads
    and worker processes started here inherit, so a terminal's Ctrl-C (sent to every process of the
    job) stops only this one, which closes them, instead of each printing a traceback; and it is
    raised as KeyboardInterrupt once the block is done. Off the main thread (where no handler can be
    set) the block runs as it is.

    Held, not ignored: the kernel hands a process's signal to any thread that does not block it, and
    threads started before (OpenBLAS's, at numpy's import; an earlier cluster's) do not, so under
    SIG_IGN a Ctrl-C during a cluster's start was dropped and `batch` ran to its end, exit 0. The
    handler records it instead (Python runs it on the main thread, whichever thread took it).
    multiprocessing unblocks SIGINT in the thread that first starts its resource tracker, so that is
    started before the mask is set: otherwise the workers were born unblocked and printed tracebacks."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    caught: list[int] = []
    before = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if signal.SIGINT in signal.sigpending():
            signal.sigwait({signal.SIGINT})  # taken here, so it is raised once, below
            caught.append(signal.SIGINT)
        signal.signal(signal.SIGINT, before)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if caught and before is not signal.SIG_IGN:
        raise KeyboardInterrupt


# -- web ------------------------------------------------------------------------------------
def _address(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """An empty --host (``--host "$HOST"`` unset) listens on every interface, which nobody asks
    for by leaving a variable unset: a usage error."""
    if not value.strip():
        raise click.BadParameter("is empty: give an address, 127.0.0.1 (this machine) or 0.0.0.0 (every interface)")
    return value


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, callback=_address,
              help="The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for every interface.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--model", default=None, callback=_not_blank, help="Model name or folder.")
@click.option("--token", envvar="PROPSCOPE_TOKEN", default=None, callback=_sendable_token,
              help="Bearer token required for writes (or $PROPSCOPE_TOKEN); required off loopback.")
@click.option("--allow-private-urls", is_flag=True, help="Let users analyse URLs on private networks.")
@click.option("--allowed-host", "allowed_hosts", multiple=True,
              help="A host name clients use to reach this server (repeatable); other Host headers are refused. "
                   "Loopback names and --host are always accepted; on 0.0.0.0 without this, any name is.")
@share_db_option
def serve(db, host, port, model, token, allow_private_urls, allowed_hosts) -> None:
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
    _check_port(host, port)  # a busy port is reported now, not after the model has loaded
    _model_version(model, False)
    from .pipeline import check_sources_pipeline

    check_sources_pipeline()  # the web analyses with sources: a pipeline that cannot load was a 500 on each post
    _prepare_weights(model)
    _open_store(db, writes=False)  # fail here, with one line, if the database cannot be opened (read-only: pages work)
    from .web.security import served_hosts

    app = create_app(db=db or None, model=model, token=token, allow_private_urls=allow_private_urls,
                     allowed_hosts=served_hosts(host, allowed_hosts))
    click.echo(f"propscope on http://{host}:{port}/  (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _prepare_weights(model: str | None) -> None:
    """Unpack the model's base weights now, as its first load would: a cache that cannot be
    written is then one line here, not a traceback from the server's start (its lifespan)."""
    from .registry import ModelNotFound, model_path, read_config
    from .weights import MissingWeights, base_path

    try:
        base = read_config(model_path(model)).get("base")
        if base:
            base_path(base)
    except (ModelNotFound, MissingWeights, ValueError) as e:
        _fail(str(e))
    except OSError as e:
        _fail(_model_os_error(model, e))
    except RuntimeError:
        _fail_without_cache(model)
        raise


def _check_port(host: str, port: int) -> None:
    """Fail with one line when HOST:PORT cannot be listened on (in use, or not an address here)."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as e:
        _fail(f"cannot serve on {host}:{port}: {e.strerror or e}")
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            sock.bind(addr)
        except OSError as e:
            hint = "; pick another with --port" if e.errno == errno.EADDRINUSE else ""
            _fail(f"cannot serve on {host}:{port}: {e.strerror or e}{hint}")


# -- training -------------------------------------------------------------------------------
@main.command()
@click.option("--base", type=click.Choice(["minilm", "mpnet"]), default="mpnet", show_default=True,
              help="Base encoder (see src/propscope/bases.py).")
@click.option("--name", default=None, help="Model name recorded in the artifact (default: fast for minilm, "
              "accurate for mpnet).")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="The shared/data folder (default ../shared/data).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="runs/model", show_default=True,
              help="Run folder: cache, checkpoints, fold models and the final artifact (in OUT/model).")
@click.option("--top-layers", type=click.IntRange(min=1), default=None,
              help="Encoder layers that train (LoRA); the ones below run once and are cached. Default: 4 of "
              "MPNet's 12, all of MiniLM's 6.")
@click.option("--epochs", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--lr", type=POSITIVE, default=1e-3, show_default=True, help="Learning rate of the LoRA adapters.")
@click.option("--head-lr", type=POSITIVE, default=2e-3, show_default=True, help="Learning rate of the token head.")
@click.option("--lora-rank", type=click.IntRange(min=1), default=16, show_default=True)
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Training windows per optimizer step. The cost of an epoch barely depends on it (the same "
              "tokens pass); a smaller batch takes more, noisier steps.")
@click.option("--folds", type=int, default=3, show_default=True,
              help="Out-of-fold tuning: one model per fold predicts its held-out articles; thresholds, the span "
              "filter and calibration are fitted on the pooled predictions, and the fold scores are the CV figures.")
@click.option("--seed", type=SEED, default=13, show_default=True)
@click.option("--limit-articles", type=click.IntRange(min=1), default=None,
              help="Use only the first N articles (smoke tests).")
@click.option("--resume", "resume_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Continue a stopped run from its last checkpoint, with the options it was started with.")
@click.option("--only", "only", multiple=True, metavar="STAGE",
              help="Train only these stages (fold0, fold1, ..., full) and stop before tuning: two processes with "
              "--threads 1 and different stages use two cores better than one; then --resume tunes.")
@click.option("--threads", type=click.IntRange(min=1), default=None,
              help="CPU threads for this process (default: torch's choice).")
@click.option("--checkpoint-minutes", type=click.FloatRange(min=0), default=None,
              help="Also checkpoint inside an epoch, at most this often (default 10; 0: after every step), so a "
              "stopped run loses at most that much; --resume may change it.")
@click.option("--device", default="auto", show_default=True, metavar="DEVICE",
              help="Where the encoder trains: cpu, cuda (or cuda:N), or auto (a GPU when torch sees one). A GPU "
              "runs bf16 autocast and can train every layer (--top-layers 12); a run resumes on either.")
@click.option("--retune", "retune_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Only redo the tuning of a finished run (span models, thresholds, calibration, model card).")
@click.option("--continue-from", "continue_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Start every stage from the same stage of a finished run and train --epochs more (a fresh "
              "learning-rate schedule), with its network, folds and cache; the result goes to --out. With a "
              "larger --top-layers the layers it kept frozen train too, from zero adapters.")
@click.option("--frozen-layer", default=None, metavar="LAYERS", help="The encoder layer whose output the span "
              "classifier reads beside the top (0: the embeddings), or several side by side (2-6, or 2,4,6); "
              "default: the last one below the trained layers. With --retune, re-tunes a finished run to read "
              "others (their states are computed once, in RUN).")
@click.option("--span-words", is_flag=True, help="The span classifier also reads the span's own words (character "
              "n-grams). Off in the shipped models: on accurate's folds FLC rose on every fold but its SemEval-2023 "
              "paragraph head fell (its model card). With --retune, later re-tunes keep it.")
def train(base, name, data_dir, out_dir, top_layers, epochs, lr, head_lr, lora_rank, batch_size, folds, seed, limit_articles,
          resume_dir, only, threads, checkpoint_minutes, device, retune_dir, continue_dir, frozen_layer,
          span_words) -> None:
    """Reproduce a shipped model from PTC train on this machine's CPU (a GPU is used when present).

    The lower encoder layers run once and are cached; only the top layers and the head train,
    one model per fold and then one on every article. A checkpoint is written after every
    epoch and every ten minutes inside one: `propscope train --resume RUN` continues a stopped run.
    """
    from .techniques import training, tuning

    try:
        if retune_dir or resume_dir:
            opts = training.resume_options(retune_dir or resume_dir)
        elif continue_dir:
            earlier = training.resume_options(continue_dir)
            opts = dataclasses.replace(earlier, name=name or earlier.name, out_dir=out_dir, epochs=epochs, lr=lr,
                                       head_lr=head_lr, continue_from=continue_dir,
                                       top_layers=top_layers or earlier.top_layers)
            try:
                training.check_continuable(opts, list(only) or None)
            except ValueError as e:
                _fail(str(e), 2)
        else:
            top = top_layers or (4 if base == "mpnet" else 6)
            opts = training.RunOptions(name=name or ("fast" if base == "minilm" else "accurate"), base=base,
                                       data_dir=data_dir, out_dir=out_dir, top_layers=top, epochs=epochs, lr=lr,
                                       head_lr=head_lr, lora_rank=lora_rank, batch_size=batch_size, folds=folds,
                                       seed=seed, limit_articles=limit_articles)
            if not 0 < top <= training.bases.get(base).n_layers:
                _fail(f"--top-layers must be between 1 and {training.bases.get(base).n_layers} for {base}", 2)
            if folds == 1 or folds < 0:
                _fail("--folds must be 0 (no tuning folds) or at least 2", 2)
        if threads:
            opts.threads = threads
        if checkpoint_minutes is not None:
            opts.checkpoint_minutes = checkpoint_minutes
        if span_words:
            opts.span_words = True
        if frozen_layer is not None:
            layers = _layer_list(frozen_layer)
            if not layers or not all(0 <= k <= opts.lower_layers for k in layers):
                _fail(f"--frozen-layer takes layers below the trained ones, 0 to {opts.lower_layers} for this run "
                      "(one, a range such as 2-6, or a list such as 2,4,6)", 2)
            opts.frozen_layer = training.frozen_value(layers)
        if retune_dir and (span_words or frozen_layer is not None):  # later re-tunes read the same
            training.save_options(opts)
        names = [f"fold{f}" for f in range(opts.folds)] + ["full"]
        if set(only) - set(names):
            _fail(f"unknown stage {sorted(set(only) - set(names))[0]!r}; the stages are {', '.join(names)}", 2)
        if not retune_dir:
            try:
                where = training.training_device(device)
            except ValueError as e:  # no GPU, or a name torch does not know
                _fail(str(e), 2)
            try:
                training.run(opts, only=list(only) or None, device=where)
            except ValueError as e:  # a continued run whose earlier stages are not finished
                _fail(str(e), 2)
        if only:
            click.echo(f"trained {', '.join(only)} in {opts.out_dir}; `propscope train --resume {opts.out_dir}` "
                       "trains what is left and tunes")
            return
        result = tuning.finalize_run(Path(opts.out_dir), opts, retune=bool(retune_dir))
    except FileNotFoundError as e:
        _fail(str(e))
    cv = result.get("cv")
    if cv:
        for task in ("si", "flc", "tc"):
            click.echo(f"{task.upper()} F1 {cv[task]['mean']:.4f} ± {cv[task]['stdev']:.4f} over {len(cv[task]['folds'])} "
                       "folds (out of fold)")
    click.echo(f"model: {Path(opts.out_dir) / 'model'}")


def _layer_list(text: str) -> list[int]:
    """"6", "2-6" or "2,4,6" as sorted layer numbers; anything else is an empty list."""
    layers: set[int] = set()
    for part in text.replace(" ", "").split(","):
        low, dash, high = part.partition("-")
        if not low.isdigit() or (dash and not high.isdigit()):
            return []
        layers |= set(range(int(low), int(high or low) + 1))
    return sorted(layers)


@main.command("train-ngram")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="The shared/data folder (default ../shared/data).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="runs/ngram", show_default=True,
              help="Where the artifact goes (config, one weights file per language, metrics, model card).")
@click.option("--language", "languages", multiple=True, metavar="CODE",
              help="Train only these languages (ISO codes: en, fr, de, it, pl, ru; default all six).")
@click.option("--folds", type=int, default=3, show_default=True,
              help="Nested cross-validation folds by article (0: no cross-validated scores).")
@click.option("--seed", type=SEED, default=13, show_default=True)
@click.option("--limit-articles", type=click.IntRange(min=1), default=None,  # -3 was "all but the last 3", 0 "all"
              help="Use only the first N articles (smoke tests).")
def train_ngram(data_dir, out_dir, languages, folds, seed, limit_articles) -> None:
    """Train the paragraph n-gram model (`--model ngram`) from the SemEval-2023 data.

    Paragraph labels of the 23 SemEval-2023 techniques in English, French, German, Italian,
    Polish and Russian, from character n-grams: the model for texts the English span models
    cannot read. Minutes on a CPU; its card gives the cross-validated scores against a trivial
    baseline.
    """
    from .techniques import corpus, ngram

    unknown = sorted(set(languages) - set(corpus.SEMEVAL2023_LANGUAGES))
    if unknown:
        _fail(f"no SemEval-2023 data for language {unknown[0]!r}; choose from {', '.join(corpus.SEMEVAL2023_LANGUAGES)}", 2)
    if folds == 1 or folds < 0:
        _fail("--folds must be 0 (no cross-validation) or at least 2", 2)
    try:
        ngram.train(Path(out_dir), tuple(languages) or tuple(corpus.SEMEVAL2023_LANGUAGES), data_dir, folds, seed,
                    limit_articles, log=lambda m: click.echo(m, err=True))
    except (FileNotFoundError, ValueError) as e:  # no data; or too little to fit (e.g. --limit-articles 2)
        _fail(str(e))
    click.echo(f"model: {out_dir} (its card: {Path(out_dir) / 'MODEL_CARD.md'})")


if __name__ == "__main__":  # pragma: no cover
    main()
