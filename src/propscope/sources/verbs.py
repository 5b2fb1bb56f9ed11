"""Attributions around a verb of saying: 'X said (that) ...', 'said X', '"...," X said', 'told Y that
...', passives and 'went on to say'. For each verb the speaker comes from its subject (:mod:`.spans`)
and the content from its clause or the quote beside it; most of the code is the forms of news copy
that the small parser misreads."""

from __future__ import annotations

import re

from .entities import _SMALL_WORDS
from .layout import _CAPS_DATELINE, _DATELINE
from .lexicon import _OUTLET_NAMES, DOC_NOUNS, SPEECH_LEMMAS
from .results import Attribution, Quote
from .spans import (
    _as_relative,
    _clause_after_aside,
    _comma_before,
    _fronted_subject,
    _indefinite_speakers_place,
    _is_speech,
    _made_clear,
    _np_span,
    _quoted_subject,
    _source_span,
    _speakers_second_verb,
    _stance_clause,
    _subject,
    _that_clause,
    _tok_range,
    _trim,
)


def _speech_block(verb) -> tuple[int, int]:
    """Characters of the attribution clause itself ('the minister declared', 'said X on Tuesday'):
    the verb, its own subject and modifiers, minus clausal complements and punctuation. A subject
    borrowed from a governing verb ('she said ..., adding: "..."') lies outside the block."""
    toks = [verb]
    quoted = _quoted_subject(verb)  # the quotation's noun the parser made a subject is no part of the clause
    for c in verb.children:
        if c.dep_ in {"ccomp", "parataxis", "conj", "cc", "advcl", "punct", "mark"} or c.is_space \
                or quoted is not None and c.i == quoted.i or _closed_off_before(c, verb) or _opens_quote(c, verb):
            continue
        toks.extend(c.subtree)
    toks = [t for t in toks if not t.is_punct and not t.is_space]
    # nothing after a colon is the clause of saying ('Said one resident: "..."' hangs the quote on the speaker)
    colon = next((t.i for t in verb.doc[verb.i + 1 : max(t.i for t in toks) + 1] if t.text == ":"), None)
    if colon is not None:
        toks = [t for t in toks if t.i < colon]
    return _tok_range(toks)


def _closed_off_before(child, verb) -> bool:
    """Whether a word the parser hung on the verb lies in a quotation closed before it: in '“Not on my
    watch,” Governor X snapped' the quote's 'on my watch' depends on 'snapped'; it is what was said, no
    part of the clause of saying."""
    if child.i > verb.i:
        return False
    return any(t.text in {"”", '"', "’", "''"} for t in verb.doc[child.right_edge.i + 1 : verb.i])


def _opens_quote(child, verb) -> bool:
    """Whether a word the parser hung on the verb opens a quotation of what was said: in 'used to tell me
    "never borrow ..."' and 'wrote, “Let the record show ...”' the quotation is parsed as a complement of the
    verb; it is what was said, no part of the clause of saying. A quoted infinitive with 'to' ('wrote "to find
    out what I think"') is the verb's purpose; a quoted object right after the verb ('would threaten
    “national security”') or a quoted title followed by the quote itself ('wrote in the book, “The Dictator
    Pope,” “In fact ...”') is no quotation of words, and they stay in the clause."""
    if child.i < verb.i or child.left_edge.i <= verb.i or child.dep_ not in {"xcomp", "dobj"} \
            or any(c.tag_ == "TO" for c in child.children):
        return False
    doc = child.doc
    first = child.left_edge  # the mark itself, or the mark the parser hung on the verb right before it
    mark = next((t for t in (first, doc[first.i - 1]) if t.i > verb.i and (t.tag_ == "``" or t.text in {"“", "‘"})),
                None)
    if mark is None:
        return False
    if child.dep_ == "xcomp":
        return True
    if doc[mark.i - 1].text not in {",", ":"}:  # a quotation as the object only after 'points out, “...”'
        return False
    after = next((t for t in doc[child.right_edge.i + 1 :] if not (t.is_punct and t.tag_ != "``")), None)
    return after is None or after.tag_ != "``"


def _quote_after(text: str, end: int, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.start > end and re.fullmatch(r"[ \t]*(?:,[ \t]*|:\s*)?[\"“‘]", text[end : q.start]):
            return q
    return None


def _quote_before(text: str, start: int, quotes: list[Quote]) -> Quote | None:
    best = None
    for q in quotes:
        if q.end < start and re.fullmatch(r"[\"”’'][ \t]*[,—–-]?[ \t]*", text[q.end : start]):
            inner = q.text.rstrip()
            between_comma = "," in text[q.end : start]
            if inner and (inner[-1] in ",?!—–-…" or between_comma):
                best = q
    return best


def _quote_after_aside(verb, text: str, quotes: list[Quote]) -> Quote | None:
    """A split quote's second half after the speaker's participle aside: '“A,” said X, 64, pointing to
    the wall, “that B.”' (the parser hangs the second half on the participle). The aside, a participle
    set off by commas after the verb of saying, ends at the comma before the quote; a participle of
    saying (', adding, “...”') has its own quote. None otherwise."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.tag_ != "VBG" or c.i < verb.i or not _comma_before(c) \
                or _is_speech(c):  # ', adding: “...”' is a statement of its own
            continue
        mark = next((t for t in c.subtree if t.i > c.i and t.is_quote), None)
        phrase = [t for t in c.subtree if mark is None or t.i < mark.i]
        words = [t for t in phrase if not t.is_punct]
        if not words:
            return None
        end = _tok_range(words)[1]
        # only a quote after the aside's closing comma: one inside it ('citing his ability to “...”') or after
        # its colon ('before challenging the response: “...”') is the aside's own
        return next((q for q in quotes if re.fullmatch(r"[ \t]*,[ \t]*[\"“‘]", text[end : q.start])), None)
    return None


def _quote_containing(quotes: list[Quote], s: int, e: int) -> Quote | None:
    for q in quotes:
        if q.start <= s and e <= q.end + 1:
            return q
    return None


def _content_of(verb, text: str, quotes: list[Quote]) -> tuple[int, int, str] | None:
    """Where the reported content of a verb of saying lies, in order of evidence: an adjacent quote,
    the clausal complement, the clause the verb is parenthetical to ('X, he added, Y'; 'Y, X said';
    'As X reported, Y'), or what follows a colon ('X wrote: ...')."""
    doc = verb.doc
    bs, be = _speech_block(verb)
    quoting = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if quoting is not None and quoting.lemma_.lower() in {"quote", "cite"}:
        # '“...,” the agency quoted X as saying': the clause of saying starts at the agency
        bs = min(bs, _speech_block(quoting)[0])
    q_before = _quote_before(text, bs, quotes)
    q_after = _quote_after(text, be, quotes)
    if q_before is not None and q_after is None:
        q_after = _quote_after_aside(verb, text, quotes)
    if q_before is not None and _clause_follows(verb, quotes):
        # 'Speaking on NBC's “Meet the Press,” X said the state would sue': the quote before names the
        # show; what was said is the clause after the verb
        q_before = None
    # ' "A," the minister declared, "and B." '
    # (not when the clause of saying ends its sentence with an abbreviation's period: '... tweeted at
    # 6:46 p.m. “If we aren't ready, we won't.”' opens a new sentence, though the block takes in 'p.m.')
    if q_before is not None and q_after is not None and not re.search(r"[.!?]", text[be : q_after.start]) \
            and not re.search(r"[.!?][ \t]*[\"“‘']?$", text[:q_after.start]):
        return q_before.start, q_after.end, "split"
    if q_before is not None:
        lead = _lead_into_quote(doc, q_before)
        if lead is not None:  # 'The claims were “completely false,” a spokesman said': the whole clause
            return lead, q_before.end, "clause"
        return q_before.start, q_before.end, "quote"
    if q_after is not None and not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return q_after.start, q_after.end, "quote"

    stray = _fronted_subject(verb)
    if stray is not None:  # 'Ukraine, the president said, will need ...': the whole sentence, as for parataxis
        after = next(c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i)
        return _tok_range([stray.left_edge, after.right_edge]) + ("clause",)

    outer = verb.head
    if verb.dep_ == "ccomp" and outer.i < verb.i and _is_speech(outer) and (inner := _trailing_report(verb)) is not None:
        # 'Experts said that X, the Times reported': the Times reported the whole 'Experts said that X'
        return _tok_range([outer.left_edge, inner.right_edge]) + ("clause",)

    # a complement after the verb first; one before it only when not cut off by ';' ("A say X; B says Y")
    obj = _object_before_quoted_predicate(verb)
    if obj is not None:  # headline 'Pope says war in Sudan 'a shame for humanity'': object and predicate
        end = max(t.i for t in verb.sent if t.i > obj.i and not t.is_punct)
        return obj.left_edge.idx, verb.doc[end].idx + len(verb.doc[end].text), "ccomp"
    ccomps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    ccomps += [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
               and not any(t.text in {";", ":"} for t in doc[c.right_edge.i + 1 : verb.i])]
    lem = verb.lemma_.lower()
    stated = _stance_clause(verb) if lem in {"express", "voice"} else _made_clear(verb) if lem == "make" else None
    if stated is not None:  # 'expressed confidence that X', 'made it clear that X': the clause, not 'it clear'
        ccomps = [stated]
    if not ccomps:
        ccomps = _addressee_clause(verb)
    if not ccomps:  # 'told reporters his side had been "robbed"' parsed as an xcomp with its own subject
        ccomps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in {"VERB", "AUX"}
                  and any(x.dep_ in {"nsubj", "nsubjpass"} and x.i < c.i for x in c.children)
                  and not any(x.tag_ == "TO" for x in c.children)]  # 'asked for people to step up' is a request
    if not ccomps:  # 'telling reporters only that he would ...' parsed as an adverbial clause
        ccomps = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _that_clause(c)]
    if not ccomps:
        ccomps = _clause_after_aside(verb)
    if ccomps:
        c = _that_clause_first(verb, ccomps)
        if c.i > verb.i and (inner := _trailing_report(c)) is not None:
            c = inner  # 'Experts said that X, the Times reported': the experts said X
        via = None
        # "revealed in an interview which the Times published that ...": a misattached relative
        # clause carries the real complement
        if any(t.tag_ in {"WDT", "WP"} and t.dep_ in {"dobj", "nsubj"} for t in c.children):
            inner = [x for x in c.children if x.dep_ == "ccomp"]
            if inner:
                via = c
                c = inner[0]
        # the complementiser 'that' opening the clause is the writer's, not the source's (also when the
        # parser labels it an object: 'She said afterwards that she had ...'), with a focus adverb
        # before it ('telling reporters only that he would ...')
        toks = list(c.subtree)
        if (split := _split_complement(verb, c)) is not None:  # 'that captain X would lead ...' read as two clauses
            toks += list(split.subtree)
        opening = toks[0] if toks[0].text == "(" else doc[toks[0].i - 1]
        close = next((t for t in doc[opening.i : toks[-1].i] if t.text == ")"), None) \
            if opening.text == "(" and opening.i > verb.i else None
        if close is not None:
            # 'told the BBC (in an interview recorded ...) that X': an aside in brackets before the clause
            toks = [t for t in toks if t.i > close.i]
            if len(toks) > 1 and toks[0].lower_ == "that" and toks[0].dep_ == "mark":
                toks = toks[1:]
        while len(toks) > 1 and toks[0].text in {",", "—", "–"}:  # the comma after an aside, hung on the clause
            toks = toks[1:]
        lead = 0
        while lead < len(toks) - 1 and toks[lead].dep_ == "advmod" and toks[lead].tag_ == "RB" \
                and toks[lead].head.i == c.i:
            lead += 1
        if toks[lead].lower_ == "that" and (toks[lead].dep_ == "mark" or toks[lead].tag_ == "IN"
                                            or lead == 0 and (_that_read_as_relative(c) or _that_object_of_passive(c))
                                            # a relative 'that' opens no complement of a verb of saying
                                            or toks[lead].tag_ == "WDT" and c.dep_ == "ccomp" and c.head.i == verb.i) \
                and toks[lead].head.i == c.i or _that_before_participle(toks[lead], c):
            toks = toks[lead + 1:]
        elif (that := _that_after_aside(verb, c, toks)) is not None:
            toks = [t for t in toks if t.i > that.i]
        # 'the rules, which the minister said would take effect in May': the relative pronoun before
        # the speaker stands for the noun the rules are about; the content is 'would take effect in May'
        toks = [t for t in toks if not (t.i < verb.i and t.head.i == c.i and t.tag_ in {"WDT", "WP"})] or toks
        toks = _drop_leading_date(toks, verb, c)
        toks = _drop_unparsed_addressee(toks, verb)
        # 'said X, adding that Y': the speaker's next statement (its own attribution) ends the content, and so
        # does the speaker's reason ('admitted that X, citing Y' / 'blaming Y'), though hung on the clause
        adding = [t for t in c.subtree if t.dep_ == "advcl" and t.tag_ == "VBG"
                  and t.lemma_.lower() in {"add", "cite", "blame"}
                  and t.i > 0 and t.doc[t.i - 1].text == "," and t.i > verb.i]
        if adding:
            toks = [t for t in toks if t.i < adding[0].i - 1] or toks
        dash = _dash_then_statement(c)
        if dash is not None:  # 'reveals that A — and nobody said a word': another statement, not more of A
            toks = [t for t in toks if t.i < dash.i] or toks
        if via is not None:
            toks = [t for t in toks if t not in set(via.subtree) or t in set(c.subtree)]
        s, e = _tok_range(toks)
        q = _quote_containing(quotes, s, e)
        if q is not None:
            s, e = q.start, q.end
        elif c.i > verb.i and (tail := _contrast_tail(verb, c)) is not None:
            e = max(e, tail)
        elif (tail := _after_dangling_conjunction(toks)) is not None:
            e = tail
        return s, e, "ccomp"

    noun = _as_relative(verb)
    if noun is not None:  # 'As the economist John Kay observed, Y': the sentence without the 'as' phrase
        aside = set(noun.head.subtree)
        toks = [t for t in noun.head.head.subtree if t not in aside and not t.is_punct]
        if toks:
            return _tok_range(toks) + ("clause",)

    head = verb.head
    dashed = _dashed_aside_after_as(verb)
    if dashed is not None:  # 'As RT reported — and nobody else did — Y': Y, the clause after the aside
        toks = [t for t in dashed.head.subtree if t not in set(dashed.subtree) and not t.is_punct]
        if toks:
            s, e = _trim(text, *_tok_range(toks))
            if e > s:
                return s, e, "clause"
    lifted = verb.dep_ == "advcl" and head.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"NOUN", "PROPN"} \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if lifted:
        head = head.head  # 'Obliquity, as X observed, is ...': the aside hung on the subject is the sentence's
    if head.i != verb.i and verb.dep_ in {"parataxis", "ccomp", "advcl", "conj"}:
        sub = list(verb.subtree)
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is not None and subj.left_edge.i > sub[0].i and doc[subj.left_edge.i - 1].text == "," \
                and all(c.dep_ in {"prt", "punct", "advmod", "npadvmod"} for c in verb.children if c.i > verb.i) \
                and not any(c.dep_ == "aux" for c in verb.children) \
                and (last := max(t.i for t in sub if not t.is_punct)) + 1 < len(doc) and doc[last + 1].text == ",":
            # 'Rebuilding the school, she went on, would take ...': a phrase the parser hung on a bare aside
            # (nothing after the verb but its particle, a comma closing it) before its subject's comma belongs
            # to the sentence around the aside; 'If they cross, we will respond.' is no aside
            sub = [t for t in sub if t.i >= subj.left_edge.i]
        core = [t for t in sub if not t.is_punct] or sub
        vs, ve = _tok_range(core)
        prev = doc[core[0].i - 1] if core[0].i > 0 else None
        nxt = doc[core[-1].i + 1] if core[-1].i + 1 < len(doc) else None
        parenthetical = (prev is not None and prev.is_punct and prev.text in {",", "—", "–", "-"}) or (
            verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))
        if verb.dep_ == "conj" and not (prev is not None and prev.text == ","):
            parenthetical = False
        if verb.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            parenthetical = parenthetical and (nxt is None or nxt.is_punct)
        if parenthetical:
            # punctuation left out on both sides: a final '.' the parser hung on the verb of saying must
            # not make 'Y, X said, as quoted by Z.' look like a clause inside Y
            hs, he = _tok_range([t for t in head.subtree if not t.is_punct] or list(head.subtree))
            if verb.dep_ in {"advcl", "conj"} or not (hs <= vs and ve <= he):
                hs, he = _tok_range([t for t in head.subtree if t not in set(sub)])
            if vs <= hs and ve >= he:
                return None
            if ve < he and _channel_aside_after(head, ve):  # 'Y, X said, as quoted by Z.'
                he = vs
            elif vs <= hs and verb.dep_ == "parataxis" and nxt is not None and nxt.text == "," \
                    and prev is not None and prev.text == "," and head.dep_ != "ROOT":
                # 'The government needs, he said, to act': the parser hung the aside on a clause inside
                # the sentence; what was said is the whole sentence around the aside
                root = [t for t in verb.sent.root.subtree if not t.is_punct]
                if root and root[0].idx < vs:
                    hs, he = root[0].idx, max(he, _tok_range(root)[1])
            if vs <= hs:
                hs = _after_aside_date(doc, ve)
            elif ve >= he or all(t.is_punct for t in head.subtree if t.idx >= ve and t.i not in {x.i for x in sub}):
                he = vs  # the clause of saying ends the sentence ('Y, informs X.'): what was said is before it
            s, e = _trim(text, hs, he)
            that = doc.char_span(s, s + 4)
            if lifted and that is not None and that[0].lower_ == "that" and that[0].dep_ == "mark":
                s, e = _trim(text, s + 4, e)  # 'so close that X, as Y reported, is ...': without 'that'
            if e > s:
                return s, e, "clause"

    found = _previous_sentence_said(verb)
    if found is not None:
        s, e, how = found
        # '“A. B.” X said this on Thursday': 'this' is the whole quotation, not its last sentence
        q = next((q for q in quotes if q.start < s < q.end and e <= q.end + 1), None)
        return (q.start, e, how) if q is not None else found
    m = re.match(r"[ \t]*:\s*", text[be:])
    if m:  # 'X wrote: ...' -- the rest of the line, or the next paragraph when the colon ends the line
        s = be + m.end()
        line_end = text.find("\n", s)
        line_end = len(text) if line_end < 0 else line_end
        if text[s:line_end].strip():
            return s, line_end, "colon"
    return None


_WHAT_THEN_COLON = re.compile(r"[ \t]*:[ \t]*(?=\S)")
_ASKING = frozenset({"ask", "wonder", "inquire", "enquire", "query", "question"})  # 'asked what X was: ...' is a question


def _named_after_colon(text: str, s: int, e: int) -> tuple[int, int]:
    """The content a free relative only points to: in 'RT reports what the mainstream media won't:
    X' and 'he said what everyone knew: X', what was said is X, the rest of the line after the
    colon; the 'what' clause is the writer's frame (not after a verb of asking, whose 'what'
    clause is the question)."""
    if not re.match(r"what\b", text[s:e], re.I):
        return s, e
    inside = text.find(":", s, e)  # the parser may have run the clause on over the colon
    # the parser may have ended the clause inside a contraction ('won’t' split as 'wo' + 'n’t'), before the colon
    m = _WHAT_THEN_COLON.match(text, inside if inside >= 0 and "\n" not in text[s:inside] else
                               e + len(re.match(r"[^\s:]*", text[e:]).group()))
    if m is None:
        return s, e
    if inside >= 0 and m.end() < e:  # the clause the parser found already ends where its sentence does
        return _trim(text, m.end(), e)
    line = text.find("\n", m.end())
    line = len(text) if line < 0 else line
    stop = re.search(r"[.!?][\"”’']?(?=\s+[A-Z“\"])", text[m.end():line])
    return _trim(text, m.end(), m.end() + stop.end() if stop else line)


def _clause_follows(verb, quotes: list[Quote]) -> bool:
    """Whether a clausal complement with its own subject, outside any quotation, follows the verb of
    saying ('X said the state would sue'), so that a quotation before the verb is not what was said
    (a split quote's second half, '“A,” she said, “it is B.”', is inside one; in '“...,” X said in audio
    that was recorded by Y' the parser read a relative clause as the complement)."""
    return any(c.dep_ == "ccomp" and c.i > verb.i
               and any(x.dep_ in {"nsubj", "nsubjpass", "expl"} and x.tag_ not in {"WDT", "WP"} for x in c.children)
               and _quote_containing(quotes, c.left_edge.idx, c.left_edge.idx + 1) is None
               and not any(t.is_quote for t in verb.doc[verb.i + 1 : c.left_edge.i + 1])
               for c in verb.children)


def _that_clause_first(verb, ccomps: list):
    """The complement opened by 'that' when the parser read a word in a name as the clause: in 'told the
    Life Is Short podcast that he had ...' it took 'Is' (a verb in title case inside the sentence) for the
    complement, with the 'that' clause beside it or under it. The first complement otherwise."""
    first = ccomps[0]
    if first.i < verb.i or _that_clause(first) or not first.text[:1].isupper() or first.is_sent_start:
        return first
    later = [c for c in ccomps[1:] if c.i > first.i]
    later += [t for t in first.subtree if t.dep_ in {"ccomp", "acl", "relcl"} and t.i > first.i]
    return min((c for c in later if _that_clause(c)), key=lambda c: c.i, default=first)


def _split_complement(verb, clause):
    """The second half of a reported clause the parser split in two: in 'announced by the league that captain
    Sara Olsen would lead the team' it read 'captain' as a verb with 'that' as its subject, and 'would lead
    ...' as a second complement of the verb of saying. A complement opened by such a 'that' and followed at
    once (no punctuation between) by another complement of the same verb, which has no subject of its own,
    is one clause with it. None otherwise."""
    first = clause.doc[clause.left_edge.i]
    if clause.head.i != verb.i or clause.i < verb.i or first.lower_ != "that" or first.tag_ != "WDT" \
            or first.dep_ != "nsubj" or first.head.i != clause.i:
        return None
    nxt = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == clause.right_edge.i + 1), None)
    if nxt is None or any(x.dep_ in {"nsubj", "nsubjpass", "expl"} for x in nxt.children):
        return None
    return nxt


def _contrast_tail(verb, clause) -> int | None:
    """Where a contrast that qualifies the reported clause ends, when the parser hung it on the verb
    of saying after the clause: 'said Moscow was ready to resume talks "at any moment," but only
    without preconditions'. The tail is 'but'/'yet' and words without a verb up to the sentence's end
    (a second verb, 'but declined to say ...', is the speaker's own act); None otherwise. A concession
    with no verb ('insisted his side were “not in a crisis” despite three defeats', 'in spite of',
    'notwithstanding') weighs the reported claim against the facts and goes with it too."""
    tail = [t for t in verb.subtree if t.i > clause.right_edge.i and not t.is_punct]
    between = verb.doc[clause.right_edge.i + 1 : tail[0].i] if tail else []
    if len(tail) >= 2 and _concession(tail) and tail[0].head.i == verb.i and not any(
            t.pos_ in {"VERB", "AUX"} for t in tail) and all(t.is_punct for t in between):
        return _tok_range(tail)[1]  # 'insisted his side were “not in a crisis” despite three straight defeats'
    if len(tail) < 2 or tail[0].lower_ not in {"but", "yet"} or tail[0].dep_ != "cc" or tail[0].head.i != verb.i \
            or any(t.pos_ in {"VERB", "AUX"} for t in tail) and not _backshifted_after_quote(verb, clause, tail):
        return None
    if any(not t.is_punct for t in verb.doc[clause.right_edge.i + 1 : tail[0].i]):
        return None
    return _tok_range(tail)[1]


def _concession(tail: list) -> bool:
    """A phrase opening with 'despite', 'notwithstanding' or 'in spite of', hung on the verb of saying."""
    first = tail[0]
    return first.dep_ == "prep" and (first.lower_ in {"despite", "notwithstanding"}
                                     or [t.lower_ for t in tail[:3]] == ["in", "spite", "of"])


def _backshifted_after_quote(verb, clause, tail: list) -> bool:
    """'told analysts that demand had been “softer than we hoped” but was recovering': after a partial
    quote closing the clause, the parser hangs 'but' and a verb without a subject on the verb of saying.
    A verb carried by a past 'was'/'were'/'had' right after 'but', under a past verb of saying, is the
    reported clause's tense shifted back: its subject's, still what was said. The speaker's own act
    after 'but' is in the simple tense of the verb of saying ('but declined to say more') or one of
    saying or leaving, and is left out."""
    doc = verb.doc
    if verb.tag_ != "VBD" or not doc[clause.right_edge.i].is_quote:
        return False
    conj = next((t for t in tail if t.dep_ == "conj" and t.head.i == verb.i), None)
    if conj is None or conj.pos_ != "VERB" or conj.lemma_.lower() in SPEECH_LEMMAS | _LEAVING \
            or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in conj.children):
        return False
    aux = tail[1]
    return aux.lower_ in {"was", "were", "had"} and aux.dep_ in {"aux", "auxpass"} and aux.head.i == conj.i


_SUBORDINATORS = frozenset("as because while since although though after before until unless whereas when if".split())


def _dangling_subordinator(tok) -> bool:
    """A subordinator ending a clause with nothing after it in the parse ('as' tagged a preposition of
    'jobs' with no object, its clause hung elsewhere): the clause was cut where it went on."""
    return tok.lower_ in _SUBORDINATORS and tok.tag_ == "IN" and not any(True for _ in tok.children) \
        and tok.i + 1 < tok.sent.end and not tok.doc[tok.i + 1].is_punct


def _after_dangling_conjunction(toks: list) -> int | None:
    """Where the reported clause really ends when the parser cut it after a coordinator ('that Assange
    was being arbitrarily – and', its second half hung on the main clause; 'must be released but', the
    phrase after 'but' hung on the verb of saying): up to the next comma, semicolon or colon or the
    sentence's end. After ', and' only a clause (with a verb) carries on what was said; a noun there
    ('X, who said that Y, and Elizabeth Warren, are ...') joins something outside it, and the content
    ends before the comma. A subordinator left with nothing after it ('cut 4,700 jobs as') carries on to
    the sentence's end. A clause of saying with its own subject after a dash and the coordinator is another
    statement, and the content ends before the dash. None when the clause ends with none of these."""
    words = [t for t in toks if not t.is_punct]
    if words and _dangling_subordinator(words[-1]):
        # 'will cut 4,700 jobs as', the clause after 'as' hung on the verb of saying: up to the sentence's end
        rest = [t for t in words[-1].doc[words[-1].i + 1 : words[-1].sent.end] if not t.is_punct and not t.is_space]
        return rest[-1].idx + len(rest[-1].text) if rest else None
    if not words or words[-1].dep_ != "cc" or words[-1].lower_ not in {"and", "but", "or", "yet", "nor"}:
        return None
    cc = words[-1]
    doc = cc.doc
    after = []
    for t in doc[cc.i + 1 : cc.sent.end]:
        if t.text in {",", ";", ":"}:
            break
        if not t.is_punct and not t.is_space:
            after.append(t)
    comma = cc.i > 0 and doc[cc.i - 1].text == ","
    # 'stressed that A and warned that B', the 'and' left in A: a verb of saying after it with no subject of its
    # own, hung on a word before the clause (the verb of saying), is the speaker's next statement, its own
    # attribution, not more of A ('..., and no one ever told me that B' is)
    if any(t.dep_ == "conj" and t.lemma_.lower() in SPEECH_LEMMAS and t.head.i < words[0].i
           and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children) for t in after):
        before = [t for t in words[:-1] if t.i < cc.i]
        return before[-1].idx + len(before[-1].text) if before else None
    # '... closed the probe in March — and nobody in the media said a word': after a dash, a clause of saying
    # with a subject of its own is another statement (the writer's, or another speaker's), not more of this
    # one (after a comma it may be the speaker's own words: '..., but I'm just telling you')
    said = cc.i > 0 and doc[cc.i - 1].text in {"—", "–", "--"} and any(
        t.lemma_.lower() in SPEECH_LEMMAS and any(c.dep_ == "nsubj" and c in after for c in t.children) for t in after)
    if after and not said and (not comma or any(t.pos_ in {"VERB", "AUX"} for t in after)):
        return after[-1].idx + len(after[-1].text)
    before = [t for t in words[:-1] if t.i < cc.i]
    return before[-1].idx + len(before[-1].text) if before else None


def _dash_then_statement(clause):
    """The dash before '— and'/'— but' and a clause of saying with its own subject conjoined to the reported
    clause: in 'The Herald reveals that the mayor hired his nephew — and nobody on the council said a word'
    the second clause is the writer's (or another speaker's) statement, set off by the dash, not more of
    what the Herald revealed. None otherwise ('said the plant would close — and 300 jobs would go': no
    clause of saying, still what was said)."""
    doc = clause.doc
    for conj in clause.children:
        if conj.dep_ != "conj" or conj.i < clause.i or conj.lemma_.lower() not in SPEECH_LEMMAS \
                or not any(x.dep_ == "nsubj" for x in conj.children):
            continue
        cc = next((x for x in clause.children if x.dep_ == "cc" and x.i < conj.i), None)
        if cc is not None and cc.i > 0 and doc[cc.i - 1].text in {"—", "–", "--"}:
            return doc[cc.i - 1]
    return None


def _after_aside_date(doc, end: int) -> int:
    """Where the clause after an opening aside starts: 'As X wrote in Y last year, empires ...' dates the
    writing, though the parser hangs 'last year' on the clause after the comma. A date or time (with its
    preposition) between the aside's last word and the comma goes with the aside. ``end`` otherwise."""
    toks = [t for t in doc if t.idx >= end]
    comma = next((k for k, t in enumerate(toks) if t.is_punct), None)
    if not comma or toks[comma].text != ",":
        return end
    if all(t.ent_type_ in {"DATE", "TIME"} or k == 0 and t.dep_ == "prep" for k, t in enumerate(toks[:comma])):
        return toks[comma].idx + 1
    return end


def _previous_sentence_said(verb, on_noun: bool = False) -> tuple[int, int, str] | None:
    """The sentence before, when the verb's object is 'this' standing for it: the wire form that gives
    the news first and its source after ('The state has approved N2bn for roads. The commissioner
    disclosed this in a statement on Sunday.'; 'This was disclosed by ...'). None otherwise, and when
    that sentence does not end like one (a headline). ``on_noun``: the verb is a participle the parser
    hung on the sentence's root noun (see :func:`_news_before_noun_phrase`)."""
    # the object, or the object of 'about'/'of'/'on' ('X informed about this on his Facebook page',
    # 'reported on this', the translated wire's form)
    objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"about", "of", "on"} and c.i == verb.i + 1
             for p in c.children if p.dep_ == "pobj"]
    this = next((c for c in objs if c.lower_ in {"this", "these"} and not any(True for _ in c.children)), None)
    if this is None or verb.sent.start == 0 or verb.dep_ != ("acl" if on_noun else "ROOT") \
            or any(c.tag_ == "MD" for c in verb.children):  # 'I will report on this' is a promise, not a report
        return None  # 'but he said this as if ...': 'this' is the sentence's own first clause
    doc = verb.doc
    k = verb.sent.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct and doc[k].text not in {".", "!", "?"}):
        k -= 1
    if k < 0 or doc[k].text not in {".", "!", "?"}:
        return None
    prev = doc[k].sent
    s, e = _trim(doc.text, prev.start_char, prev.end_char)
    return (s, e, "previous") if e > s else None


def _channel_aside_after(head, end: int) -> bool:
    """Whether all that the clause ``head`` holds after character ``end`` is the writer's aside on the
    channel, 'as quoted by Z' or 'as reported by Z' (the parser may hang it on the reported clause)."""
    after = [t for t in head.subtree if t.idx >= end and not t.is_punct]
    aside = next((c for c in head.children if c.dep_ == "advcl" and c.idx >= end
                  and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
                  and c.lemma_.lower() in SPEECH_LEMMAS | {"quote", "cite"}), None)
    return bool(after) and aside is not None and {t.i for t in after} <= {t.i for t in aside.subtree}


def _dashed_aside_after_as(verb):
    """The clause the parser hung an opening 'As X reported' on when that clause is the writer's aside
    between dashes ('As RT reported on Monday — and no Western outlet picked it up — the Pentagon has
    ...'): the aside closes with a dash before the clause it interrupts, which is what X reported. None
    otherwise."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "advcl" or head.i == verb.i or head.head.i == head.i or head.head.i < head.i \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if head.dep_ not in {"ccomp", "parataxis", "conj", "advcl"}:
        return None
    sub = list(head.subtree)
    if sub[0].i != verb.left_edge.i or sub[-1].i + 1 >= len(doc) or doc[sub[-1].i + 1].text not in _DASHES:
        return None
    # a dash between the 'as' clause and the aside's words opens the aside
    rest = [t for t in sub if t.i > verb.i and t not in set(verb.subtree)]
    gap = doc[verb.i : rest[0].i] if rest else []
    return head if rest and any(t.text in _DASHES for t in gap) else None


_DASHES = frozenset({"—", "–", "--"})


def _lead_into_quote(doc, q: Quote) -> int | None:
    """Where the writer's words leading into a partial quote begin, when a sentence opens with them
    ('The claims were “completely false,” a spokesman said': the source said the claims were false,
    not just 'completely false'); None when the quote opens its sentence or follows a colon, another
    quote or a verb of saying (then the quote alone is what was said)."""
    text = doc.text
    line_start = text.rfind("\n", 0, q.start) + 1
    ends = list(re.finditer(r"[.!?][\"”’]?\s+", text[line_start : q.start - 1]))
    start = line_start + (ends[-1].end() if ends else 0)
    dateline = (_DATELINE.match(text, start) or _CAPS_DATELINE.match(text, start)) if start == line_start else None
    if dateline is not None:  # 'ROME, Feb 6 (Agency) – X has signed the “...,” the agency confirmed'
        start = dateline.end()
    lead = text[start : q.start - 1]
    if not re.search(r"\w", lead) or re.search(r"[:\"“”‘’]", lead):
        return None
    span = doc.char_span(start, q.start - 1, alignment_mode="expand")
    if span is None or any(_is_speech(t) for t in span):
        return None
    return start


def _object_before_quoted_predicate(verb):
    """The object of a present-tense headline verb of saying followed by a quoted predicate: 'Pope says
    war in Sudan 'a shame for humanity'' (parsed as two objects, or the predicate as the object's
    modifier) or 'Minister says grain deal 'is dead'' (the quote mark parsed as the subject of 'is').
    The object opens the content. None otherwise; 'tell'-like verbs are left out, as their object is
    the addressee."""
    if verb.tag_ not in {"VBZ", "VBP"} or verb.lemma_.lower() in _ADDRESSEE_VERBS:
        return None
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "dep"} and c.i > verb.i), None)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    inside = {t.i for t in obj.subtree}
    i = obj.i + 1
    while i < verb.sent.end and i in inside and not doc[i].is_punct:
        i += 1
    if i + 1 >= verb.sent.end or doc[i].text not in {"'", '"', "‘", "“"} or doc[i + 1].is_punct:
        return None
    # a headline (no final period) whose quoted predicate follows the object's own words, lower case:
    # not a title inside the object ('the meaning of ‘Amoris Laetitia’') nor a quote after a clause
    if verb.sent.text.rstrip().endswith(".") or not doc[i + 1].text[:1].islower() or doc[i - 1].pos_ == "ADP" \
            or any(t.pos_ in {"VERB", "AUX"} for t in doc[obj.i : i]):
        return None
    return obj if obj.left_edge.i == verb.i + 1 else None


def _drop_unparsed_addressee(toks: list, verb) -> list:
    """'told AFP Fact Check the image was altered': an addressee of several capitalised words the
    parser read as the start of the clause (one word taken for a verb). With no object of its own, a
    'tell'-like verb followed at once by capitalised words and then an article or possessive opening a
    new phrase, or by an outlet's name ('told Reuters prices had halved', 'told the BBC officials had
    known', the name parsed as a compound of the clause's subject), has its addressee there; the clause
    starts after it. When the parser made outlet and subject the verb's object ('told Reuters talks
    would resume', object 'Reuters talks' and a clause without a subject), the subject goes back on the
    clause; not when the clause has a subject of its own ('told BBC Sport his side had ...')."""
    if verb.lemma_.lower() not in _ADDRESSEE_VERBS or not toks:
        return toks
    doc = verb.doc
    lead = 1 if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "the" else 0
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)
    if obj is not None:
        first = toks[0]
        if first.i != obj.right_edge.i + 1 or any(c.dep_ in {"nsubj", "nsubjpass"} for c in first.head.children) \
                or obj.left_edge.i != verb.i + 1:
            return toks
        name = [t for t in obj.subtree if t.i < obj.i and t.dep_ == "compound"]
        inside = {t.i for t in toks}
        root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children):
            return toks  # 'told BBC Sport his side had ...': the clause has its subject; the object is all outlet
        if name and doc[name[0].i : name[-1].i + 1].text in _OUTLET_NAMES and name[-1].i + 1 == obj.i \
                and name[0].i == verb.i + 1 + lead:
            return [t for t in obj.subtree if t.i > name[-1].i] + toks
        return toks
    if toks[0].i != verb.i + 1:
        return toks
    k = lead
    while k < len(toks) and (toks[k].is_title or toks[k].is_upper and toks[k].is_alpha) \
            and toks[k].ent_type_ not in {"DATE", "TIME"}:
        k += 1
    # 'tells EU leaders Ukraine needs ...', 'told Tory MPs the party would ...': the people told, in the plural
    plural = k
    while lead < plural < len(toks) - 1 and toks[plural].tag_ == "NNS" and toks[plural].is_lower:
        plural += 1
    if plural > k and (toks[plural].is_title or toks[plural].lower_ in {"the", "a", "an", "his", "her", "its",
                                                                          "their", "our"}):
        return toks[plural:]
    if lead < k < len(toks) - 1 and toks[k - 1].whitespace_ and (
            not lead and toks[k].lower_ in {"the", "a", "an", "his", "her", "its", "their", "our"}
            or doc[toks[lead].i : toks[k].i].text in _OUTLET_NAMES):  # 'told Reuters prices had halved'
        return toks[k:]
    return toks


def _drop_leading_date(toks: list, verb, clause) -> list:
    """'said on Friday it would expel ...', 'told colleagues on Monday she would ...': a date phrase
    between the verb (or its addressee) and a clause without 'that' dates the saying (the parser hangs
    it on the clause); it is no part of the content."""
    after = {verb.i + 1} | {c.right_edge.i + 1 for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i}
    if not toks or toks[0].i not in after:
        return toks
    first = next((c for c in clause.children if c.left_edge.i == toks[0].i), None)
    if first is None or first.dep_ not in {"prep", "npadvmod"}:
        return toks
    phrase = list(first.subtree)
    if not all(t.ent_type_ in {"DATE", "TIME"} or t is first and t.dep_ == "prep" for t in phrase):
        return toks
    drop = {t.i for t in phrase}
    return [t for t in toks if t.i not in drop] or toks


# Verbs whose object is the addressee of the statement: 'told the BBC's Newsnight programme that ...'.
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "warn", "remind", "promise", "notify", "advise"})


def _trailing_report(c):
    """The reported clause X when ``c`` is a trailing clause of saying that the parser hung on an
    earlier verb of saying as its complement: in 'Experts said that X, the Times reported', 'reported'
    is parsed as what the experts said, and X as what the Times reported. None otherwise."""
    if not _is_speech(c) or not any(x.dep_ == "nsubj" for x in c.children):
        return None
    inner = next((x for x in c.children if x.dep_ == "ccomp" and x.i < c.i), None)
    if inner is None or inner.right_edge.i + 1 >= c.i or c.doc[inner.right_edge.i + 1].text != ",":
        return None
    return inner


def _that_after_aside(verb, clause, toks):
    """The complementiser of 'said, speaking on condition of anonymity, that X' when the parser put the
    aside inside the clause: the clause opens right after ', ' behind the verb and its 'that' follows a
    comma. The aside and 'that' are no part of what was said. None otherwise."""
    if not toks or toks[0].i <= verb.i or not _comma_before(toks[0]):
        return None
    return next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that" and _comma_before(m)), None)


def _addressee_clause(verb) -> list:
    """The 'that' clause the parser hung on a noun between the verb and the clause: the addressee of
    'tell'-like verbs ('told the BBC's programme that X' parses the clause as a modifier of
    'programme') or the noun of a phrase ('told analysts on a conference call that X', 'said at a
    news conference that X'); [] when there is none."""
    heads = []
    if verb.lemma_.lower() in _ADDRESSEE_VERBS:
        heads = [obj for obj in verb.children if obj.dep_ in {"dobj", "dative"} and obj.i > verb.i]
    for h in [verb, *heads]:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.i > verb.i:
                heads += [p for p in prep.children if p.dep_ == "pobj"]
    # 'alleged in a filing unsealed on Thursday that X': the clause hung on a past participle that
    # modifies the phrase's noun (a participle of publishing or dating takes no 'that' clause of its own),
    # also in a passive relative clause ('wrote in a letter that was later published by the paper that X')
    heads += [c for obj in heads for c in obj.children
              if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBN" and c.lemma_.lower() not in SPEECH_LEMMAS]
    for obj in heads:
        for c in obj.children:
            if c.dep_ in {"acl", "relcl", "ccomp"} and c.i > obj.i and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children):
                return [c]
    addressees = [h for h in heads if h.head.i == verb.i and h.dep_ in {"dobj", "dative"}]
    found = [c for obj in addressees for c in obj.children if _that_read_as_relative(c) or _clause_on_name(obj, c)]
    # 'told MPs in a letter that the system had been “badly delayed”': on any noun, a passive clause
    # whose 'that' the parser made its object (a passive takes no object) is the reported clause
    return (found or [c for obj in heads for c in obj.children if _that_object_of_passive(c)])[:1]


def _clause_on_name(obj, c) -> bool:
    """'told BBC Radio Leeds he expected to be fit': the parser hangs the reported clause, with no 'that', on the
    addressee's name as its complement. A clause with a subject of its own right after a name is what was told
    (a common noun's clause, 'told the man he loved', stays whatever the parser made it)."""
    if c.dep_ != "ccomp" or c.i < obj.i or obj.pos_ != "PROPN":
        return False
    subj = next((x for x in c.children if x.dep_ in {"nsubj", "nsubjpass"} and x.i < c.i), None)
    return subj is not None and subj.left_edge.i == obj.i + 1


def _that_before_participle(that, c) -> bool:
    """'told MSPs that delayed discharge figures were ...': the parser reads the complementiser as the
    subject of a participle it takes for a verb ('delayed', an adjective of the clause's subject). A
    'that' opening the complement as a relative pronoun of a modifier inside it stands for no noun."""
    return that.lower_ == "that" and that.tag_ == "WDT" and that.dep_ == "nsubj" and that.i == c.left_edge.i \
        and that.head.dep_ == "amod" and that.head.head.i > that.head.i and that.head.head.head.i == c.i


def _that_object_of_passive(c) -> bool:
    """A clause the parser hung on a noun as a relative clause with 'that' as the object of a passive verb
    ('a letter that the system had been delayed by ...'): a relative 'that' would be the passive's
    subject, so this 'that' is the complementiser of a reported clause."""
    if c.dep_ != "relcl" or c.i < c.head.i:
        return False
    that = c.doc[c.left_edge.i]
    return that.lower_ == "that" and that.head.i == c.i and that.dep_ == "dobj" \
        and any(x.dep_ == "nsubjpass" and x.i > that.i for x in c.children)


def _that_read_as_relative(c) -> bool:
    """'She told an interviewer that she wrote "to find out what I think"': the parser reads 'that' as a
    relative pronoun, the object of 'wrote', and the clause as one on 'interviewer'. A clause whose
    'that' object opens it while it has a subject of its own and another complement is the reported
    clause ('told the man that she loved' has none, and stays a relative clause)."""
    if c.dep_ != "relcl" or c.i < c.head.i:
        return False
    that = c.doc[c.left_edge.i]
    if that.lower_ != "that" or that.head.i != c.i or that.dep_ != "dobj":
        return False
    return any(x.dep_ in {"nsubj", "nsubjpass"} for x in c.children) and any(
        x.dep_ in {"xcomp", "ccomp", "attr", "acomp", "oprd", "prep", "advcl"} and x.i > c.i for x in c.children)


def _via(verb, ccomp_via) -> tuple[int, int] | None:
    if ccomp_via is not None:
        for c in ccomp_via.children:
            if c.dep_ == "nsubj" and c.pos_ == "PROPN":
                return _np_span(c)
    for c in verb.children:
        if c.dep_ in {"dobj", "dative"} and verb.lemma_ in {"tell", "inform"} and c.pos_ == "PROPN":
            return _np_span(c)
    for t in verb.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in {"with", "to"} and t.pos_ == "PROPN" \
                and t.head.head.lemma_.lower() in DOC_NOUNS | {"interview", "speak"}:
            return _np_span(t)
    return None


def _reduced_relative_report(verb):
    """``(speaker, (start, end, "ccomp"))`` for 'The paper reported on Sunday, quoting an official, that
    X': with a date and an aside between the verb and 'that', the parser reads 'reported ...' as a
    participle modifying 'paper' and makes 'paper' the subject of X's verb. The verb follows its noun
    directly, and a 'that' of X's verb follows the participle's phrase after a comma. None otherwise."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"}:
        return None
    if noun.dep_ == "ROOT" and noun.i < verb.i and (found := _news_before_noun_phrase(noun, verb)) is not None:
        return found
    if noun.i != verb.i - 1:
        return None
    if noun.dep_ == "ROOT":
        return _sentence_read_as_noun_phrase(noun, verb)
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = noun.head
    end = max(t.i for t in verb.subtree if not t.is_punct)
    that = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)
    doc = verb.doc
    if that is None or clause.i < that.i or that.i < end + 2 or doc[end + 1].text != "," \
            or doc[that.i - 1].text != ",":
        return None
    if that.i > end + 2 and doc[end + 2].tag_ != "VBG":  # only an aside ', citing X,' may lie between
        return None
    toks = [t for t in clause.subtree if t.i > that.i]
    return noun, (*_tok_range(toks), "ccomp")


def _trailing_name_read_as_relative(verb):
    """``(speaker, (start, end, "ccomp"))`` for 'The suspects had crossed from X, the state news agency TASS
    reported, citing ...': the parser makes the speaker's noun an object of the news's verb and 'TASS
    reported' a relative clause on it. A verb of saying with no relative pronoun, whose subject is a name
    right after that noun, the noun's phrase opening after a comma and the verb ending the sentence or
    followed by a comma, is a trailing source: the noun's phrase said the sentence before the comma."""
    noun = verb.head
    if verb.dep_ != "relcl" or verb.tag_ not in {"VBD", "VBZ"} or noun.pos_ != "NOUN" or noun.i > verb.i:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PROPN" or subj.left_edge.i != noun.i + 1 or subj.i + 1 != verb.i \
            or any(c.tag_ in {"WDT", "WP"} or c.dep_ in {"dobj", "ccomp"} for c in verb.children):
        return None
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
        return None  # the writer's comment: '..., a claim Moscow denied
    doc = verb.doc
    comma = doc[noun.left_edge.i - 1] if noun.left_edge.i > verb.sent.start else None
    after = doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
    if comma is None or comma.text != "," or after is not None and after.text not in {",", ".", "!", "?"}:
        return None
    s, e = _trim(doc.text, verb.sent.start_char, comma.idx)
    return (noun, (s, e, "clause")) if e > s else None


def _news_before_noun_phrase(noun, verb):
    """'Two schools were hit. The head of the district, Name, informed about this on his Facebook page.':
    the small model reads the second sentence as a noun phrase, the verb of saying a participle on its
    root noun after the noun's own phrase and appositive. When the verb's object is 'this' standing for
    the sentence before (:func:`_previous_sentence_said`), the noun is the speaker of that sentence.
    ``(noun, (start, end, "previous"))`` or None."""
    if any(c.dep_ not in {"det", "amod", "compound", "prep", "appos", "punct"} for c in noun.children if c.i < verb.i):
        return None
    found = _previous_sentence_said(verb, on_noun=True)
    return None if found is None else (noun, found)


def _sentence_read_as_noun_phrase(noun, verb):
    """'The rapper posted on X that he had ...': the small model reads the whole sentence as a noun
    phrase, 'posted on X' and the 'that' clause both modifying 'rapper', with no verb at its root. A
    past verb of saying right after the root noun, with a clause opening with 'that' hung on the same
    noun after the verb's phrase, is the noun's report of that clause. None otherwise."""
    end = max(t.i for t in verb.subtree)
    for c in noun.children:
        if c.i > end and c.dep_ in {"acl", "relcl", "ccomp"}:
            first = c.doc[c.left_edge.i]
            if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == c.i and first.i == end + 1:
                return noun, (*_tok_range([t for t in c.subtree if t.i > first.i]), "ccomp")
    return None


def _in_quoted_title(tok, quotes: list[Quote]) -> bool:
    """The verb is a word of a title in quotation marks: 'Her single, “Tell Me Why,” topped the charts',
    'the slogan "Say No More"'. A quotation of two to eight words, each capitalised but for the small
    words of a title, reports nothing said, whatever verb it holds."""
    q = _quote_containing(quotes, tok.idx, tok.idx + len(tok.text))
    if q is None or not tok.text[:1].isupper():
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", q.text)
    return 2 <= len(words) <= 8 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _idiom_as_they_say(tok) -> bool:
    """'As they say, the devil is in the detail': a saying, not a report; 'they' are nobody in particular.
    Only a bare present 'as they say' (no object, place or time of its own); 'As they said in their
    statement, ...' and 'As you say, ...' (an interviewer to the interviewee) are reports. So is 'As the
    name says (suggests), ...': the writer's gloss on a name or title, which says nothing ('As its
    statement says' still cites)."""
    kids = [c for c in tok.children if c.dep_ != "punct"]
    if tok.tag_ == "VBZ" and tok.lemma_.lower() in {"say", "suggest"} and len(kids) == 2 \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lemma_.lower() in {"name", "title"} \
            and all(c.dep_ in {"det", "poss"} for c in subj.children)
    if tok.lemma_.lower() != "say" or tok.tag_ != "VBP":
        return False
    return sorted(c.lower_ for c in kids) == ["as", "they"] and all(c.dep_ in {"mark", "nsubj"} for c in kids)


_CLOSING_MARKS = frozenset({"”", '"', "’", "'"})


def _trailing_named_speaker(verb):
    """'Mr. Okafor died at home, his daughter, Adaeze, said.': a speaker after the news, named twice (a
    role, then the name between commas), just before a verb of saying with no subject. The small model
    hangs the role on the news ('daughter' a conjunct of 'home') and leaves the verb without a subject.
    The news may be a quotation ('“...,” the regional governor, X, posted on Telegram'), where the
    parser also reads the verb as a participle modifying the role.
    Returns the role noun and where the news ends (the comma before the role), or None."""
    doc = verb.doc
    i = verb.i - 1
    if i < 3 or doc[i].text != ",":
        return None
    j = i - 1
    while j > 0 and doc[j].pos_ == "PROPN" and doc[j].is_title:
        j -= 1
    if j == i - 1 or doc[j].text != ",":
        return None
    k = j - 1
    if doc[k].pos_ != "NOUN":
        return None
    m = k
    while m - 1 > 0 and doc[m - 1].pos_ in {"DET", "PRON", "ADJ", "NOUN", "NUM"} and doc[m - 1].tag_ != "PRP" \
            and not doc[m - 1].is_punct:
        m -= 1
    if m - 1 <= 0 or doc[m - 1].sent.start != verb.sent.start:
        return None
    if doc[m - 1].text in _CLOSING_MARKS and doc[m - 2].text == ",":  # '“...,” the governor, X, posted'
        m -= 1
    if doc[m - 1].text != ",":
        return None
    return doc[k], doc[m - 1].idx


def _role_read_as_object_of_as(subj, start: int) -> int:
    """Where a speaker's phrase starts when an opening 'As the economist X argued, ...' was parsed with
    the role as the object of 'As' and the name alone as the subject: the role, right before the name,
    is the speaker's ('economist X', as when the parser reads the aside as a relative clause)."""
    if subj.i == 0:
        return start
    role = subj.doc[subj.left_edge.i - 1]
    mark = role.head
    if role.dep_ == "pobj" and role.pos_ == "NOUN" and mark.lower_ == "as" and mark.dep_ == "mark" \
            and mark.head.i == subj.head.i:
        return role.idx
    return start


def _same_tense(verb, other) -> bool:
    """Whether ``other`` can be in the tense of ``verb``: a past form the tagger read as a participle,
    or as a base form spelt like the past ('cut', 'set', 'shut'), counts as past."""
    if verb.tag_ == "VBD":
        return other.tag_ in {"VBD", "VBN"} or other.tag_ in {"VB", "VBP"} and other.lower_ == other.lemma_.lower()
    return other.tag_ == verb.tag_


def _speakers_act_after_quote(verb, s: int, e: int, quotes: list[Quote]) -> int | None:
    """Where a reported clause ends when a partial quote closes it and 'and' adds a verb in the tense of
    the verb of saying with no subject of its own: 'said sales were "weaker than feared" and cut its
    outlook' (the parser hangs 'cut' on 'were'; the company cut the outlook, it did not say so). The
    closing mark is the writer taking the narration back. So does a past-tense verb joined to a bare verb
    under a modal ('reaffirmed that China would continue to open its market and welcomed more imports'):
    it cannot share the 'would', so it is the speaker's act, quote or none. None otherwise ('said prices
    were "too high" and would have to fall' keeps the modal's clause; 'said it was "weak" and had fallen'
    its auxiliary)."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ"}:
        return None
    for t in doc[verb.i + 1 : verb.sent.end]:
        if not (s <= t.idx < e) or t.dep_ != "conj" or t.pos_ != "VERB" or not _same_tense(verb, t) \
                or t.head.i == verb.i or t.lemma_.lower() in {"be", "have", "do"} \
                or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} for c in t.children):
            continue
        cc = doc[t.i - 1]
        if cc.lower_ != "and" or t.i < 2:
            continue
        if t.tag_ == "VBD" and t.head.tag_ == "VB" and any(a.dep_ == "aux" and a.tag_ == "MD" for a in t.head.children):
            return cc.idx  # 'reaffirmed that China would continue A and welcomed B': no past tense under 'would'
        mark = doc[t.i - 2]
        if any(q.end == mark.idx and s < q.start for q in quotes) and (_possessor_elsewhere(t) or _takes_leave(t)
                                                                      or _pledges(t)):
            return cc.idx
    return None


# Acts of a speaker leaving or ending the exchange: 'said the offer was “an insult” and walked out'. What the
# reported clause's subject (an offer, a decision, a card) cannot do, so the act is the speaker's.
_LEAVING = frozenset("walk storm stride march leave exit depart hang refuse decline shrug head".split())


def _takes_leave(conj) -> bool:
    """Whether the second verb is the speaker leaving or ending the exchange: 'walked off', 'stormed out of
    the room', 'left the stage', 'hung up', 'declined to take questions'. Not 'left families worse off' (the
    reported subject's effect: an object with a predicate of its own) nor 'headed the list'."""
    lem = conj.lemma_.lower()
    if lem not in _LEAVING:
        return False
    kids = list(conj.children)
    if any(c.dep_ in {"ccomp", "oprd", "acomp"} for c in kids) or any(
            c.dep_ == "dobj" and any(x.dep_ in {"amod", "acomp"} and x.i > c.i for x in c.children) for c in kids):
        return False
    if lem in {"refuse", "decline"}:
        return any(c.dep_ == "xcomp" for c in kids)
    if lem == "hang":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in kids)
    if lem == "head":
        return any(c.dep_ in {"prt", "advmod", "prep"} for c in kids) and not any(c.dep_ == "dobj" for c in kids)
    return True


def _pledges(conj) -> bool:
    """Whether the second verb is the speaker binding themself to an act: 'insisted the cuts were “a pause”
    and promised to return to the House', 'vowed to fight on'. A reported subject (cuts, an offer, prices)
    makes no promise; the pledge is the speaker's next act, not part of what the first verb reports."""
    return conj.lemma_.lower() in {"promise", "vow", "pledge", "swear"} and any(
        c.dep_ == "xcomp" and any(x.tag_ == "TO" for x in c.children) for c in conj.children)


_SINGULAR_POSS = frozenset({"its", "his", "her"})


def _possessor_elsewhere(conj) -> bool:
    """Whether the second verb's object holds a possessive that cannot stand for the reported clause's
    subject, so it stands for the speaker: in 'said sales were "weak" and cut its outlook' 'its' is not
    the sales'; in 'said the ban was "unlawful" and violated the right to assemble' nothing says whose
    act the violating is, and it stays what was said (as does 'and ignored its own advice' after 'the
    government was ...')."""
    subj = next((c for c in conj.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.pos_ == "PRON":
        return False
    plural = subj.tag_ in {"NNS", "NNPS"}
    for t in conj.subtree:
        if t.dep_ == "poss" and t.tag_ == "PRP$":
            if t.lower_ in _SINGULAR_POSS and plural or t.lower_ == "their" and not plural:
                return True
    return False


def _inner_quote_closed(text: str, s: int, e: int) -> int:
    """The end of a quotation's words that end with a quotation inside it ('\'My father always said "never
    lend money",\' the chef told ...'): the words are given as spoken, so the inner quotation keeps its
    closing mark when its opening mark is in them. (A partial quote closing a reported clause, 'said the
    ban was “unlawful”', drops it: the writer's clause is no quotation.)"""
    if e >= len(text):
        return e
    close = text[e]
    if close == '"' and text.count('"', s, e) % 2 == 1 or close == "”" and text.count("“", s, e) > text.count("”", s, e):
        return e + 1
    return e


def _verb_attributions(doc, quotes: list[Quote]) -> list[Attribution]:
    text = doc.text
    out = []
    for tok in doc:
        if not _is_speech(tok) or _idiom_as_they_say(tok) or _in_quoted_title(tok, quotes):
            continue
        garden = _reduced_relative_report(tok) or _trailing_name_read_as_relative(tok)
        subj = garden[0] if garden else _subject(tok)
        cut = None
        if subj is None and (trail := _trailing_named_speaker(tok)) is not None:
            subj, cut = trail
        if subj is None:
            continue
        found = garden[1] if garden else _content_of(tok, text, quotes)
        if found is None and cut is not None:  # '“...,” the governor, X, posted': the quote before the role
            q = _quote_before(text, cut + len(re.match(r"[,\s\"”’']*", text[cut:]).group()), quotes)
            found = None if q is None else (q.start, q.end, "quote")
        if found is None:
            continue
        s, e, how = found
        if tok.lemma_.lower() not in _ASKING:
            s, e = _named_after_colon(text, s, e)
        if cut is not None:
            e = min(e, cut)
        second = next((c for c in doc if c.i > tok.i and s <= c.idx < e and c.lemma_.lower() in SPEECH_LEMMAS
                       and _is_speech(c) and getattr(_speakers_second_verb(c), "i", None) == tok.i), None)
        if second is not None:  # 'said X and warned that Y': X ends before the speaker's second verb
            cc = next((c for c in second.head.children if c.dep_ == "cc" and c.i < second.i), None)
            e = min(e, (cc or second).idx)
        if how == "ccomp" and (act := _speakers_act_after_quote(tok, s, e, quotes)) is not None:
            e = act  # 'said sales were "weak" and cut its outlook': the cutting is the speaker's, not said
        if how in {"ccomp", "clause"}:  # a reported clause does not run past its paragraph ('previous' may)
            lo = text.rfind("\n", 0, tok.idx) + 1
            hi = text.find("\n", tok.idx)
            hi = len(text) if hi < 0 else hi
            s, e = max(s, lo), min(e, hi)
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        if how in {"quote", "split"}:
            e = _inner_quote_closed(text, s, e)
        ss, se = _source_span(subj)
        ss = _role_read_as_object_of_as(subj, ss)
        if (place := _indefinite_speakers_place(subj)) is not None and e <= ss:
            se = place  # '“...,” scoffed a fighter at the checkpoint': the phrase tells who the fighter is
        if garden:  # the participle the parser hung on the speaker is the cue, not part of the speaker
            se = len(text[:min(se, tok.idx)].rstrip())
        if how == "clause" and ss < s < se < e:
            # 'As stated by the deputy mayor Irina Sokolova, the line will open ...': the parser made the
            # name's last words the subject of the clause; what was said starts after the speaker
            s, e = _trim(text, se, e)
        if ss < e and s < se and how not in {"clause", "split"}:  # the content swallowed the speaker: a misparse
            continue
        cue_toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
        cs, ce = _tok_range(cue_toks)
        if not re.fullmatch(r"[\w\s'’-]+", text[cs:ce]):
            cs, ce = tok.idx, tok.idx + len(tok.text)
        relcl_via = next((c for c in tok.children if c.dep_ == "ccomp"
                          and any(t.tag_ in {"WDT", "WP"} and t.dep_ in {"dobj", "nsubj"} for t in c.children)), None)
        via = _via(tok, relcl_via)
        a = Attribution(text[ss:se], ss, se, text[cs:ce], cs, ce, s, e)
        if via is not None and not (via[0] < se and ss < via[1]):
            a.via, a.via_start, a.via_end = text[via[0] : via[1]], via[0], via[1]
        out.append(a)
    return out
