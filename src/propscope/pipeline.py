"""The Python API: load a shipped model by name and analyse articles.

Models are found, versioned, cached and loaded by ``registry`` (by name in the package's
``models/`` folder or ``$PROPSCOPE_MODELS``, or as a path to an artifact folder); its names
are re-exported here, where callers have always found them. A model looks for techniques only in
the languages it reads (the span taggers: English; ``ngram``: paragraph labels in six); other
texts still get sources (see ``language``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .document import Analysis, Article, as_articles
from .registry import (  # noqa: F401  (re-exported: the names callers import from here)
    DEFAULT_MODEL,
    INT8_SUFFIX,
    ModelNotFound,
    available_models,
    load_model,
    model_path,
    model_version,
)
from .techniques.tagger import TechniqueModel


def analyze(text: str | Article, model: str | None = None, sources: bool = False) -> Analysis:
    """Technique spans, sentence scores and the article score of one text; with ``sources``,
    also its entities, attributions, quotes and the targets of each span."""
    return analyze_batch([text], load_model(model), sources)[0]


def analyze_batch(items, model: TechniqueModel, sources: bool = False) -> list[Analysis]:
    """Analyses of ``items``: those in a language the model reads (the span taggers: English, or
    a language nobody can tell) by the model; the others without technique spans, with a note
    saying why, the language found, and which model reads it if one does."""
    from . import language
    from .registry import languages_of, models_for_language, taxonomy_of

    articles = as_articles(items)
    langs = [language.detect(a.text, a.language) for a in articles]
    known = languages_of(model)
    read = [language.techniques_apply(code, known) for code in langs]
    chosen = [a for a, ok in zip(articles, read) if ok]
    found = iter(model.analyze_batch(chosen) if chosen else [])
    # the installed models that read each skipped language: read from their configs once per batch
    others = {code: tuple(models_for_language(code)) for code, ok in zip(langs, read) if not ok}
    results = []
    for a, code, ok in zip(articles, langs, read):
        if ok:
            r = next(found)
        else:
            note = language.skipped_note(code, known, others[code])
            r = Analysis(a, [], [], 0.0, model.name, taxonomy=taxonomy_of(model), notes=[note])
        r.language = code
        results.append(r)
    if sources:
        add_sources(results)
    return results


def analyze_iter(items, model: TechniqueModel, sources: bool = False, batch_size: int = 16) -> Iterator[Analysis]:
    """Analyses one by one, in order, so that callers can show progress per article. On a CPU
    the encoder batches windows, not articles, so one article per call costs nothing there; on a
    GPU articles still go ``batch_size`` at a time."""
    items = list(items)
    step = _step(model, batch_size)
    for k in range(0, len(items), step):
        yield from analyze_batch(items[k : k + step], model, sources)


def _step(model, batch_size: int) -> int:
    """Articles per call: one on a CPU (see ``analyze_iter``); ``batch_size`` elsewhere, and for
    a model object that says nothing of its device (any object with ``analyze_batch`` will do)."""
    on_cpu = getattr(getattr(model, "device", None), "type", None) == "cpu"
    return 1 if on_cpu else max(1, batch_size)


def guarded(step: Callable[[list], list], items: list, size: int) -> Iterator:
    """``step`` over ``items`` in chunks of ``size``, yielding one result per item, or the
    exception of an item whose step raises on its own: a chunk that raises is redone one item at
    a time to find the culprit, so one bad article never costs the others. Only ``Exception``:
    an interrupt (Ctrl-C) still ends the run, and so does a model that cannot be loaded
    (``ModelNotFound``: the spaCy pipeline of ``$PROPSCOPE_SPACY_MODEL``), the setup's fault, which
    was recorded as every article's failure."""
    for k in range(0, len(items), size):
        chunk = items[k : k + size]
        try:
            yield from step(chunk)
            continue
        except ModelNotFound:
            raise
        except Exception as e:  # noqa: BLE001 - any failure of one article must not block the queue
            if len(chunk) == 1:
                yield e
                continue
        for item in chunk:
            try:
                yield from step([item])
            except ModelNotFound:
                raise
            except Exception as e:  # noqa: BLE001
                yield e


def _analyze_guarded(items: list, model: TechniqueModel, sources: bool, batch_size: int
                     ) -> Iterator[Analysis | Exception]:
    """``analyze_iter`` through ``guarded``: an article whose analysis raises yields its exception."""
    return guarded(lambda chunk: analyze_batch(chunk, model, sources), items, _step(model, batch_size))


def failure_reason(e: BaseException) -> str:
    """An exception as one line for the store and the terminal."""
    return " ".join(f"{e.__class__.__name__}: {e}".split())[:1000]


class PipelineMissing(ModelNotFound):
    """The spaCy pipeline that finds sources cannot be loaded (``$PROPSCOPE_SPACY_MODEL`` names none
    that is installed, or the shipped one is missing): the setup's fault, never one article's, so
    ``guarded`` lets it through and a command stops with one line. It was spaCy's OSError: a
    traceback from `sources`, a 500 on each web post, and from `analyze --db` and `batch` every
    article recorded as failed."""

    def __init__(self, name: str, why: object):
        from .ingest import printable, shortened

        if "PROPSCOPE_SPACY_MODEL" in os.environ:
            fix = "$PROPSCOPE_SPACY_MODEL names it: unset it for the pipeline propscope ships, or name an installed one"
        else:
            fix = "reinstall propscope (./install.sh), or set $PROPSCOPE_SPACY_MODEL to an installed pipeline"
        super().__init__(f"cannot load the spaCy pipeline {shortened(printable(name), 120)!r} that finds sources and "
                         f"names ({' '.join(str(why).split())[:200]}); {fix}")


def sources_pipeline():
    """``sources.nlp()``, loaded once, or :class:`PipelineMissing` saying why it cannot be."""
    from .sources import model

    try:
        return model.nlp()
    except (OSError, ImportError, ValueError) as e:  # spaCy's E050/E053; a pipeline without a parser ("blank:en")
        raise PipelineMissing(model.MODEL, e) from None


def check_sources_pipeline() -> None:
    """:class:`PipelineMissing` when the sources' pipeline is neither an installed package nor a
    folder, found without loading it: ``batch`` and ``serve`` check this before they start (a
    cluster, a server), where each worker's failure was a screen of Dask's log lines."""
    import spacy.util

    from .sources import model

    try:
        folder = Path(model.MODEL).is_dir()
    except (OSError, ValueError):  # a NUL, a name too long
        folder = False
    if not (folder or spacy.util.is_package(model.MODEL)):
        raise PipelineMissing(model.MODEL, "no installed package or folder of that name")


def add_sources(analyses: list[Analysis]) -> None:
    """Fill in who is cited for what (spaCy parse + rules, see ``sources``), and which entities
    each technique span targets. Costs about as much as the encoder on CPU, hence optional."""
    from . import sources as src

    sources_pipeline()
    for a, found in zip(analyses, src.extract_batch([a.article.text for a in analyses])):
        d = found.to_dict()
        a.entities, a.attributions, a.quotes = d["entities"], d["attributions"], d["quotes"]
        a.targets = src.targets(found.entities, a.spans, a.article.text, attributions=found.attributions,
                                quotes=found.quotes)


def analyze_store(store, model: TechniqueModel, reanalyze: bool = False, batch_size: int = 16,
                  on_batch=None, sources: bool = True, on_article=None, on_failure=None,
                  retry_failed: bool = False, on_taken=None) -> int:
    """Analyse every stored article that has no analysis from ``model`` yet; returns how many.

    Each batch is saved in its own transaction before the next starts, so an interrupted
    run keeps its finished work and the next run resumes after it. ``on_article`` is called
    with each analysis as it is made (progress), ``on_batch`` with each saved batch's size.

    An article whose analysis raises is recorded as failed, with the reason, and the rest of
    its batch is saved: one bad article never blocks the queue. ``on_failure`` is called with
    the article and the reason; later runs skip it unless ``retry_failed``.

    Another run on the same store at once (a second `analyze --db`) is noticed when an article
    it asked for has since been analysed: before each is analysed, or when saving (which keeps
    what the other stored). Then this run goes on from the highest pending article down, so the
    two meet instead of doing all the work twice. ``on_taken`` is called with each such count.
    """
    done, after, before, down = 0, 0, None, False  # ``down`` once another run is seen: then top down
    step = _step(model, batch_size)
    while batch := store.pending(model.name, reanalyze=reanalyze, limit=batch_size, after_pk=after,
                                 retry_failed=retry_failed, before_pk=before, descending=down):
        results, failed, taken = [], [], 0
        for k in range(0, len(batch), step):
            chunk = batch[k : k + step]
            if k:  # the first was pending a moment ago; the rest may have been analysed by another run since
                left = store.still_pending(model.name, [pk for pk, _ in chunk], reanalyze, retry_failed)
                taken += len(chunk) - len(left)
                chunk = [(pk, a) for pk, a in chunk if pk in left]
            for (pk, article), r in zip(chunk, _analyze_guarded([a for _, a in chunk], model, sources, batch_size)):
                if isinstance(r, Exception):
                    failed.append((pk, failure_reason(r)))
                    if on_failure:
                        on_failure(article, failed[-1][1])
                    continue
                results.append((pk, r))
                if on_article:
                    on_article(r)
        kept = store.save_analyses(results, keep_stored=True) if results else []
        store.record_failures(model.name, failed)
        taken += len(kept)
        if down:
            before = batch[-1][0]
        else:
            after = batch[-1][0]
        down = down or taken > 0  # another run is at work: go on from the other end
        done += len(results) - len(kept)
        if taken and on_taken:
            on_taken(taken)
        if on_batch:
            on_batch(len(results) - len(kept))
    return done
