"""Sources: who is cited for what. Named entities, reported statements (attributions) and direct quotes.

Propaganda leans on *whose* voice carries a claim ("a Syria analyst told RT", "according to the
ministry", "... — RT"), so the analysis records, for each reported statement, the source, the cue
that marks it as reported, and the content. Everything is rule-based on spaCy's small English
pipeline (dependency parse + NER) so it runs offline and fast, and every offset is a ``str`` index
into the text exactly as given (end exclusive), the contract of :mod:`propscope.document`.

Conventions (the evaluation set in ``tests/data/sources_eval.jsonl`` follows them too):

* ``source``: the speaker's noun phrase without a leading article and without appositives or
  relative clauses ("Dr. Helen Ward, a virologist at ..., said" -> "Dr. Helen Ward"); a pronoun
  speaker keeps the pronoun's offsets and, when the antecedent is clear, ``source`` holds the
  resolved name and ``resolved_from`` is ``"pronoun"``; "according to a report by X" -> X. An
  interview's "A:" and "Q:" labels keep their offsets too, with the interviewee's or interviewer's
  name (or the word "interviewee"/"interviewer" when the article names no one party) and
  ``resolved_from`` ``"interview"``; so does a transcript's initials label ("DB:"), with the name the
  introduction gives ("Dorothy Baines") and ``resolved_from`` ``"initials"``.
* ``cue``: the verb of saying (with its particle), "according to" (or "per"), the dash before a trailing
  source, "from" in "And from X:", or the colon or period after a speaker's label ("Kremlin: ...",
  a transcript's "TAPPER: ..." or "Mr. HOLLAND. ...").
* ``content``: the reported clause without the complementiser "that", quote marks or trailing
  ``.,;:``; for a direct quote, the quoted text.

Public API: :func:`extract`, :func:`extract_batch`, :func:`extract_doc` (an already parsed Doc),
:func:`find_quotes`, :func:`targets`, :func:`nlp` (the cached pipeline; ``$PROPSCOPE_SPACY_MODEL``
overrides the model name), and the dataclasses' ``to_dict`` methods: ``SourcesResult.to_dict()``
gives the three lists of dicts that ``Analysis.entities/attributions/quotes`` hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

from .entities import _entities
from .layout import _transcript_turns
from .lexicon import TITLES, UNNAMED
from .linking import _initials_labels, _interview_roles, _link_entities, _quote_speakers, _resolve_pronouns
from .model import nlp
from .patterns import (
    _according_to,
    _as_body_informs,
    _circulated_posts,
    _colon_sources,
    _continued_quotes,
    _dash_sources,
    _dedupe,
    _document_reads,
    _from_sources,
    _held_claims,
    _transcript_attributions,
    _verdict_after_quote,
)
from .quotes import find_quotes
from .results import Attribution, EntityMention, Quote, SourcesResult, named_entities
from .targeting import targets
from .verbs import _verb_attributions

__all__ = [
    "TITLES",
    "UNNAMED",
    "Attribution",
    "EntityMention",
    "Quote",
    "SourcesResult",
    "extract",
    "extract_batch",
    "extract_doc",
    "find_quotes",
    "named_entities",
    "nlp",
    "targets",
]


def extract(text: str) -> SourcesResult:
    """Entities, attributions and quotes of one text."""
    if not text or not text.strip():
        return SourcesResult()
    if len(text) > nlp().max_length:
        return extract_batch([text])[0]  # in pieces
    return extract_doc(nlp()(text))


def extract_batch(texts: Iterable[str], batch_size: int = 32) -> list[SourcesResult]:
    """:func:`extract` over many texts with ``nlp.pipe`` (several times faster than one by one).
    A text longer than spaCy accepts (``nlp().max_length``, 1,000,000 characters) is parsed in
    pieces cut at line breaks, its findings shifted back to offsets in the whole text: one long
    article must not stop a run (nothing spans two pieces, as nothing spans two paragraphs)."""
    texts = list(texts)
    out: list[SourcesResult] = [SourcesResult() for _ in texts]
    limit = nlp().max_length
    jobs: list[tuple[int, int, str]] = []  # (text, offset of the piece, piece)
    for i, t in enumerate(texts):
        if t and t.strip():
            pieces = [(0, t)] if len(t) <= limit else _pieces(t, min(limit, PIECE_CHARS))
            jobs += [(i, offset, piece) for offset, piece in pieces if piece.strip()]
    found: dict[int, list[tuple[int, SourcesResult]]] = {}
    for (i, offset, _), doc in zip(jobs, nlp().pipe((p for _, _, p in jobs), batch_size=batch_size)):
        found.setdefault(i, []).append((offset, extract_doc(doc)))
    for i, parts in found.items():
        out[i] = parts[0][1] if len(texts[i]) <= limit else _merge(parts)
    return out


PIECE_CHARS = 100_000  # a text over spaCy's limit is parsed in pieces this long at most (~1 GB of parser memory)


def _pieces(text: str, size: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` covering ``text``, each piece at most ``size`` characters, cut after a
    line break where there is one in the second half of the piece, else after a space."""
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        cut = cut + 1 if cut >= 0 else end
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _merge(parts: list[tuple[int, SourcesResult]]) -> SourcesResult:
    """One result from the results of pieces: offsets moved by each piece's offset, entity ids
    renumbered so that pieces never share one."""
    merged, next_id = SourcesResult(), 0
    for offset, r in parts:
        base = next_id
        for item in (*r.entities, *r.attributions, *r.quotes):
            for f in fields(item):
                value = getattr(item, f.name)
                if value is None:
                    continue
                if f.name in ("start", "end") or f.name.endswith(("_start", "_end")):
                    setattr(item, f.name, value + offset)
                elif f.name.endswith("entity_id") and value >= 0:
                    setattr(item, f.name, value + base)
        merged.entities += r.entities
        merged.attributions += r.attributions
        merged.quotes += r.quotes
        next_id = max([e.entity_id + 1 for e in merged.entities] + [next_id])
    return merged


def extract_doc(doc) -> SourcesResult:
    """Run the rules on an already parsed spaCy ``Doc`` (callers that parse once can share it)."""
    text = doc.text
    entities = _entities(doc)
    quotes = find_quotes(text)
    atts: list[Attribution] = []
    atts += _verb_attributions(doc, quotes)
    posts = _circulated_posts(doc)
    atts = [a for a in atts if not any(p.cue_start == a.cue_start for p in posts)] + posts
    atts += _according_to(doc)
    atts += _as_body_informs(doc)
    atts += _dash_sources(doc)
    atts += _from_sources(doc, quotes)
    turns = _transcript_turns(text)
    atts += _transcript_attributions(doc, turns)
    atts += [a for a in _colon_sources(doc, quotes) if not any(t.cue == a.cue_start for t in turns)]
    atts += _document_reads(doc, quotes)
    atts += _held_claims(doc)
    atts += _verdict_after_quote(doc, quotes)
    atts = _dedupe(atts)
    _continued_quotes(text, atts, quotes)
    _link_entities(atts, entities)
    _resolve_pronouns(doc, atts, entities, quotes)
    _interview_roles(doc, atts, entities, turns)
    _initials_labels(text, atts, entities, turns)
    _quote_speakers(text, quotes, atts, entities, doc)
    for a in atts:
        a.content = text[a.content_start : a.content_end]
    return SourcesResult(entities=entities, attributions=atts, quotes=quotes)
