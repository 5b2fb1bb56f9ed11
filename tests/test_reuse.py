"""Text reuse: hand-made articles with planted copies, checked to the character."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest
from datasketch import MinHash

from propscope.document import Article
from propscope.reuse import Cluster, Passage, find_reuse
from propscope.reuse.align import align_pair, heading_end, quoted_regions, quoted_share
from propscope.reuse.candidates import (
    find_candidates,
    permutations,
    shingle_hashes,
    spaced_zero_width,
    tokenize,
    window_sketches,
    window_spans,
    word_hashes,
)

WORDS = (
    "river harbour council winter garden museum railway festival bakery teacher violin orchard lantern "
    "mountain village engineer bicycle library pottery market meadow sailor painter kitchen bridge "
    "quietly slowly often rarely nearly almost always seldom carefully brightly warmly softly "
    "built painted carried visited opened repaired planted cooked measured collected watched "
    "blue green narrow ancient wooden crowded silent golden heavy gentle distant northern"
).split()

SOURCE = (
    "The minister said on Tuesday that the government would launch a new attack on corruption in the ports, "
    "adding that investigators had already seized documents from three shipping companies and frozen accounts "
    "belonging to two former customs officials."
)
SECOND = (
    "Opposition leaders called the announcement a distraction from rising fuel prices and demanded an "
    "independent inquiry into how the customs service had been run over the past decade."
)
MIDDLE = (
    "Officials declined to name the companies involved, citing the need to protect an ongoing investigation "
    "that is expected to last well into the summer months."
)
FOOTER = (
    "Subscribe to the Daily Beacon newsletter for the latest headlines delivered to your inbox every morning, "
    "and follow us on social media for breaking news alerts."
)


def filler(seed: int, n_words: int = 120) -> str:
    """Unrelated prose: sentences of random words, different for each seed."""
    rng = random.Random(seed)
    sentences = []
    while sum(len(s.split()) for s in sentences) < n_words:
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def art(id_: str, *parts: str, published: dt.date | None = None, outlet: str | None = None) -> Article:
    return Article(id_, "\n\n".join(parts), published=published, outlet=outlet)


def side(p: Passage, article: Article) -> tuple[int, int]:
    return (p.a_start, p.a_end) if p.a == article.id else (p.b_start, p.b_end)


def test_exact_copy_has_exact_offsets_in_both_articles():
    a = art("a", filler(1), SOURCE, filler(2))
    b = art("b", filler(3, 60), SOURCE, filler(4, 200))
    result = find_reuse([b, a])
    assert len(result.passages) == 1
    p = result.passages[0]
    assert (p.a, p.b) == ("a", "b")
    assert a.text[p.a_start : p.a_end] == SOURCE
    assert b.text[p.b_start : p.b_end] == SOURCE
    assert p.score == 1.0
    assert p.to_dict()["a_start"] == a.text.index(SOURCE)
    assert result.to_dict()["passages"][0]["b_end"] == b.text.index(SOURCE) + len(SOURCE)


def test_light_edits_are_tolerated_and_offsets_point_into_the_original_text():
    edited = (
        "The Minister said on Tuesday that the government would launch a fresh attack on corruption in the\r\n"
        "ports, adding that investigators had reportedly seized “documents” from three shipping companies and "
        "frozen accounts belonging to two former CUSTOMS officials."
    )  # substitution, case, line wrap (CRLF), deletion ("already"), insertion ("reportedly"), quotes
    a = art("a", filler(5), SOURCE, filler(6))
    b = art("b", filler(7, 80), edited, filler(8))
    result = find_reuse([a, b])
    assert len(result.passages) == 1
    p = result.passages[0]
    assert a.text[p.a_start : p.a_end] == SOURCE
    assert b.text[p.b_start : p.b_end] == edited
    assert 0.85 < p.score < 1.0


def test_dropped_sentence_between_two_copied_ones():
    a = art("a", filler(9), f"{SOURCE} {MIDDLE} {SECOND}", filler(10))
    b = art("b", filler(11), f"{SOURCE} {SECOND}", filler(12))
    result = find_reuse([a, b])
    found = sorted(side(p, a) for p in result.passages)
    # Reported as two passages (the gap is a whole sentence), each exactly one copied sentence.
    assert [a.text[s:e] for s, e in found] == [SOURCE, SECOND]
    assert sorted(b.text[s:e] for s, e in (side(p, b) for p in result.passages)) == sorted([SOURCE, SECOND])
    assert all(p.cluster is not None for p in result.passages)



def test_a_copied_sentence_keeps_its_first_word_when_the_sentence_before_took_it():
    # The longest matching run, SOURCE, goes on into the next word in both articles ("... officials.
    # The"), which is a different sentence's "The" in each; the run is cut back to the sentence end,
    # and the passage of the second copied sentence began at its second word.
    kept = ("The port authority said the cranes would be back in service by the end of the month, once "
            "engineers had replaced the damaged cables.")
    dropped = "The harbour master, who has run the port for eleven years, declined to comment on the delays."
    a = art("a", filler(795), f"{SOURCE} {dropped} {kept}", filler(796))
    b = art("b", filler(797), f"{SOURCE} {kept}", filler(798))
    result = find_reuse([a, b])
    for doc in (a, b):
        assert sorted(doc.text[s:e] for s, e in (side(p, doc) for p in result.passages)) == sorted([SOURCE, kept])

def test_a_line_the_copy_put_inside_a_paragraph_is_left_out_of_the_passages():
    # A page template dropped a one-word line between two copied sentences; chained across it (a
    # gap of one word), it was reported as part of the copied text.
    a = art("a", filler(940), f"{SOURCE} {SECOND}", filler(941), published=dt.date(2024, 8, 1))
    b = art("b", filler(942), f"{SOURCE}\n\nSponsored\n\n{SECOND}", filler(943), published=dt.date(2024, 8, 2))
    result = find_reuse([a, b])
    assert sorted(b.text[s:e] for s, e in (side(p, b) for p in result.passages)) == sorted([SOURCE, SECOND])
    assert sorted(a.text[s:e] for s, e in (side(p, a) for p in result.passages)) == sorted([SOURCE, SECOND])
    [cluster] = result.clusters  # still one copied text, with one origin
    assert cluster.origin == "a" and [m for m in cluster.members if m[0] == "a"] == [
        ("a", a.text.index(SOURCE), a.text.index(SECOND) + len(SECOND))]


def test_a_line_inside_a_passage_stays_when_cutting_there_would_lose_a_piece():
    # The words before the inserted line are too few to be a passage on their own: cutting there
    # would drop them, so the passage keeps the line.
    short = "Officials declined to comment on Monday."
    a = art("a", filler(944), f"{short} {SOURCE}", filler(945))
    b = art("b", filler(946), f"{short}\nADVERTISEMENT\n{SOURCE}", filler(947))
    [p] = find_reuse([a, b]).passages
    assert b.text[p.b_start : p.b_end] == f"{short}\nADVERTISEMENT\n{SOURCE}"


def test_line_starts_marks_words_after_a_line_break():
    tokens = tokenize("Rain fell.\n\nADVERTISEMENT\r\nIt stopped \u2014 briefly\u2028then again")
    assert tokens.norms == ["rain", "fell", "advertisement", "it", "stopped", "briefly", "then", "again"]
    assert tokens.line_start.tolist() == [True, False, True, True, False, False, True, False]


def test_a_copy_ending_with_an_edited_word_is_reported_to_the_end_of_its_sentence():
    # "officials." -> "chiefs.": no run of matching words reaches the sentence's last word, and the
    # passage ended at "customs", cut off mid-sentence in both articles.
    edited = SOURCE.replace("customs officials.", "customs chiefs.")
    a = art("a", filler(950), SOURCE, filler(951))
    b = art("b", filler(952), edited, filler(953))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (SOURCE, edited)
    # more than EDGE_WORDS words left: the end was rewritten, not edited, and is not taken
    rewritten = SOURCE.replace("customs officials.", "customs officers and a retired judge.")
    c = art("c", filler(954), rewritten, filler(955))
    [p] = find_reuse([a, c]).passages
    assert c.text[p.b_start : p.b_end] == rewritten[: rewritten.index(" officers")]


def test_a_copied_sentence_whose_opening_word_was_changed_is_reported_from_its_first_word():
    # "Opposition leaders" -> "Union leaders", "The minister" -> "Our minister", "The minister"
    # -> "A junior minister": the runs start a word or two in, and each passage began there.
    changes = (("Opposition leaders", "Union leaders"), ("The minister", "Our minister"),
               ("The minister", "A junior minister"))
    for n, (old, new) in enumerate(changes):
        original = SECOND if old.startswith("Opposition") else SOURCE
        edited = original.replace(old, new, 1)
        a = art("a", filler(960 + n), original, filler(970 + n))
        b = art("b", filler(980 + n), edited, filler(990 + n))
        [p] = find_reuse([a, b]).passages
        assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (original, edited)


def test_a_copied_sentence_with_three_words_edited_at_either_end_is_reported_whole():
    # "over the past decade." -> "over recent years.", "Opposition leaders called" -> "Senior
    # opposition figures called" (as a translation back into English words it: "for discussing
    # it." for "to discuss it."): three words to the sentence's edge in one text, and the passage
    # stopped short of it in both.
    for n, (old, new) in enumerate((("over the past decade.", "over recent years."),
                                    ("Opposition leaders", "Senior opposition figures"))):
        edited = SECOND.replace(old, new)
        a = art("a", filler(1020 + n), SECOND, filler(1030 + n))
        b = art("b", filler(1040 + n), edited, filler(1050 + n))
        [p] = find_reuse([a, b]).passages
        assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (SECOND, edited)


def test_a_copied_sentence_whose_opening_clause_was_reworded_is_reported_from_its_start():
    # "Under the law passed last year," -> "Under last year's law,": more than three words before
    # the first match in both texts, but the same words reordered, a clause the copy reworded. Words
    # before the match that are not alike ("Quite simply," for "By law,") are no such edit.
    sentence = ("groups that receive more than a fifth of their money from abroad must register as foreign "
                "agents and label everything they publish, including posts on social media, the ministry said.")
    for n, (old, new, whole) in enumerate((("Under the law passed last year, ", "Under last year's law, ", True),
                                           ("By law, ", "Quite simply and plainly put, ", False))):
        a = art("a", filler(1060 + n), old + sentence, filler(1061 + n))
        b = art("b", filler(1062 + n), new + sentence, filler(1063 + n))
        [p] = find_reuse([a, b]).passages
        got = (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end])
        assert got == ((old + sentence, new + sentence) if whole else (sentence, sentence))


def test_a_dateline_label_or_added_words_before_a_copied_sentence_are_not_taken_into_it():
    # The words before the first match end with a dash or a colon: a dateline or a label the copy
    # changed ("CAPITAL -" -> "RIVERTON —", "UPDATE:"), not an edited first word; or only one
    # article has words there: the copy put them before the sentence.
    for head_a, head_b in (("CAPITAL - ", "RIVERTON \u2014 "), ("CAPITAL: ", "UPDATE: "), ("", "Quite simply, ")):
        a = art("a", filler(1000), head_a + SECOND, filler(1001))
        b = art("b", filler(1002), head_b + SECOND, filler(1003))
        [p] = find_reuse([a, b]).passages
        assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (SECOND, SECOND)


def test_a_lead_in_a_copy_puts_between_copied_sentences_is_left_out_of_the_passages():
    # A partisan site copies three sentences in a row, two of them under a lead-in of its own ("Make
    # no mistake,", "Remember:"). Chained across those few words, the copy was one passage with
    # the site's own words inside it; now it is one passage per copied stretch, one cluster.
    # Words that run into the copied sentence ("Even the minister admitted that" for "The minister
    # said that") are an edit of it, inside the passage.
    first, second, third = SOURCE, SECOND, MIDDLE
    a = art("a", filler(1160), " ".join((first, second, third)), filler(1161))
    b = art("b", filler(1162), f"{first} Make no mistake, {second}\n\nRemember: {third}", filler(1163))
    result = find_reuse([a, b])
    got = [(a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) for p in result.passages]
    assert got == [(first, first), (second, second), (third, third)] and len(result.clusters) == 1
    edited = "Even the minister admitted that " + first.removeprefix("The minister said on Tuesday that ")
    b = art("b", filler(1162), f"{second} {edited}", filler(1163))
    a = art("a", filler(1160), f"{second} {first}", filler(1161))
    [p] = find_reuse([a, b]).passages
    assert b.text[p.b_start : p.b_end] == f"{second} {edited}"


def test_a_few_scattered_words_after_a_copied_sentence_are_not_taken_when_one_text_ends_there():
    # After the copied sentence, "ministry" and "that request" match by chance within the gap a
    # chain bridges; the copy's own sentence ends at "request." while the source's goes on, and
    # the passage ran on over both sentences to there.
    a = art("a", filler(1010), SOURCE + " A ministry spokesman said that request is being looked at.", filler(1011))
    b = art("b", filler(1012), SOURCE + " We have asked the ministry what happened to that request.", filler(1013))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (SOURCE, SOURCE)
    # a short sentence copied whole, but ending with a full stop in one text only, is kept
    c = art("c", filler(1014), SOURCE + " Nobody was hurt, police said.", filler(1015))
    d = art("d", filler(1016), SOURCE + " Nobody was hurt.", filler(1017))
    [p] = find_reuse([c, d]).passages
    assert d.text[p.b_start : p.b_end] == SOURCE + " Nobody was hurt."


def test_a_phrase_moved_within_a_copied_sentence_is_not_left_out_of_either_side():
    # A paragraph copied through another language and back: "for the first time in six years"
    # moves before the verb. One monotone alignment takes the verb phrase; the moved phrase is too
    # short to be a passage of its own and its place in the source lies inside the second piece,
    # so the copy's side had a hole exactly there.
    orig = ("The leak was found during a routine check in May, when crews inspected the floor of the old tunnel for "
            "the first time in six years. The operator's engineer, Ruth Kale, said the damage was most likely caused "
            "by water seeping through old joints in the concrete.")
    moved = ("The leak was found in May during a routine check, when crews for the first time in six years inspected "
             "the floor of the old tunnel. According to the engineer of the operator, Ruth Kale, the damage was caused "
             "most likely by water which seeped through old joints in the concrete.")
    a = art("a", filler(1020), SOURCE + " " + orig, SECOND, filler(1021))
    b = art("b", filler(1022), SOURCE + " " + moved, SECOND, filler(1023))
    result = find_reuse([a, b])
    for doc, copied in ((a, SOURCE + " " + orig), (b, SOURCE + " " + moved)):
        spans = sorted(side(p, doc) for p in result.passages)
        assert spans[0][0] == doc.text.index(SOURCE) and spans[-1][1] == doc.text.index(SECOND) + len(SECOND)
        assert all(not doc.text[e:s].strip() for (_, e), (s, _) in zip(spans, spans[1:])), copied


def spun(text: str) -> str:
    """``text`` with every third word replaced, as a content farm rewrites copy to hide it."""
    words = text.split()
    return " ".join(WORDS[k % len(WORDS)] if k % 3 == 2 else w for k, w in enumerate(words))


def test_paragraphs_spun_around_a_verbatim_one_are_aligned_whole():
    # A content farm kept one paragraph of a story and replaced every third word of the two
    # around it. No run of three words survives in those two, so no window of theirs is a
    # candidate; the verbatim paragraph's region is taken out to the ends of the paragraphs it
    # touches, and the two-word runs chain the whole copy.
    source = art("source", filler(720), SOURCE, MIDDLE, SECOND, filler(721))
    farm = art("farm", filler(722), spun(SOURCE), MIDDLE, spun(SECOND), filler(723))
    [p] = find_reuse([source, farm]).passages
    assert source.text[slice(*side(p, source))] == "\n\n".join((SOURCE, MIDDLE, SECOND))
    assert farm.text[slice(*side(p, farm))] == "\n\n".join((spun(SOURCE), MIDDLE, spun(SECOND)))


def test_unrelated_articles_give_nothing():
    articles = [art(f"x{i}", filler(100 + i, 300)) for i in range(8)]
    result = find_reuse(articles)
    assert result.passages == [] and result.clusters == []
    assert result.stats["articles"] == 8 and result.stats["windows"] > 0


def test_min_chars_is_respected():
    a = art("a", filler(13), SECOND, filler(14))
    b = art("b", filler(15), SECOND, filler(16))
    assert len(SECOND) < 200
    assert [b.text[p.b_start : p.b_end] for p in find_reuse([a, b], min_chars=100).passages] == [SECOND]
    assert find_reuse([a, b], min_chars=200).passages == []
    # the aligner alone applies the same rule on both sides
    ta, tb = tokenize(a.text), tokenize(b.text)
    region = [(0, len(ta), 0, len(tb))]
    assert align_pair(a.text, b.text, region, min_chars=len(SECOND)) != []
    assert align_pair(a.text, b.text, region, min_chars=len(SECOND) + 1) == []


def test_cluster_of_four_with_earliest_published_origin():
    day = dt.date(2024, 3, 1)
    docs = [
        art("wire", filler(20), SOURCE, filler(21), published=day),
        art("copy1", filler(22), SOURCE, filler(23), published=day + dt.timedelta(days=1)),
        art("copy2", filler(24, 40), SOURCE.replace("a new attack", "a fresh attack"), filler(25),
            published=day + dt.timedelta(days=2)),
        art("copy3", filler(26, 300), SOURCE, published=day + dt.timedelta(days=1)),
        art("other", filler(27, 300), published=day - dt.timedelta(days=5)),
    ]
    result = find_reuse(docs)
    assert len(result.clusters) == 1
    c = result.clusters[0]
    assert c.articles == ["copy1", "copy2", "copy3", "wire"]
    assert c.origin == "wire"
    by_id = {d.id: d for d in docs}
    for article_id, start, end in c.members:
        assert by_id[article_id].text[start:end].startswith("The minister said on Tuesday")
    assert {p.cluster for p in result.passages} == {c.id}
    assert len(result.passages) == 6  # every pair of the four
    assert c.to_dict()["members"][0] == {"article": "copy1", "start": c.members[0][1], "end": c.members[0][2]}


def test_origin_is_none_without_dates_or_on_ties():
    docs = [art(f"d{i}", filler(30 + i), SOURCE, filler(40 + i)) for i in range(3)]
    assert [c.origin for c in find_reuse(docs).clusters] == [None]
    day = dt.date(2024, 1, 1)
    partly = [docs[0], Article("d1", docs[1].text, published=day), Article("d2", docs[2].text, published=day)]
    assert [c.origin for c in find_reuse(partly).clusters] == [None]  # d0 has no date
    tied = [Article(d.id, d.text, published=day) for d in docs]
    assert [c.origin for c in find_reuse(tied).clusters] == [None]


def test_boilerplate_of_one_outlet_is_suppressed_flagged_or_kept():
    beacon = [art(f"beacon{i}", filler(50 + i, 150), FOOTER, outlet="Daily Beacon") for i in range(4)]
    source = art("herald", filler(60), SOURCE, filler(61), outlet="Herald", published=dt.date(2024, 1, 1))
    copier = art("beacon-copy", filler(62), SOURCE, filler(63), outlet="Daily Beacon",
                 published=dt.date(2024, 1, 2))
    docs = [*beacon, source, copier]

    suppressed = find_reuse(docs)
    assert [(p.a, p.b) for p in suppressed.passages] == [("beacon-copy", "herald")]
    assert [c.origin for c in suppressed.clusters] == ["herald"]
    assert suppressed.stats["boilerplate_passages"] == 6  # the footer, between every two of the four

    flagged = find_reuse(docs, boilerplate="flag")
    footer = [p for p in flagged.passages if p.boilerplate]
    assert len(footer) == 6 and all(p.a.startswith("beacon") and p.b.startswith("beacon") for p in footer)
    assert all(beacon[int(p.a[-1])].text[p.a_start : p.a_end] == FOOTER for p in footer)
    assert sorted(c.boilerplate for c in flagged.clusters) == [False, True]

    assert flagged.stats["boilerplate_passages"] == 6
    kept = find_reuse(docs, boilerplate="keep")
    assert len(kept.passages) == 7 and not any(p.boilerplate for p in kept.passages)
    assert kept.stats["boilerplate_passages"] == 0
    with pytest.raises(ValueError):
        find_reuse(docs, boilerplate="drop")


CONSENT = ("This site stores small files on your device to keep you signed in, to count visits to each page and to "
           "choose the offers you see. Press Agree to continue, or open Settings at the foot of any page to refuse.")


def test_a_notice_one_outlet_repeats_is_boilerplate_on_another_outlets_fewer_pages_too():
    # Two sites on one consent service show the same notice: the Gazette on three pages (its
    # boilerplate), the Post on two. The Post's two pages were reported as copying each other.
    gazette = [art(f"gazette{i}", CONSENT, filler(770 + i, 150), outlet="Gazette", published=dt.date(2024, 5, 1 + i))
               for i in range(3)]
    post = [art("post0", CONSENT, filler(780, 150), outlet="Post", published=dt.date(2024, 5, 4)),
            art("post1", CONSENT, filler(781), SOURCE, SECOND, outlet="Post", published=dt.date(2024, 5, 6))]
    source = art("wire", filler(782), SOURCE, SECOND, filler(783), outlet="Wire", published=dt.date(2024, 5, 5))
    result = find_reuse([*gazette, *post, source])
    assert [(p.a, p.b) for p in result.passages] == [("post1", "wire")]
    assert [c.origin for c in result.clusters] == ["wire"]
    assert result.stats["boilerplate_passages"] == 10  # every two of the five pages showing the notice

PATRON = ("Independent reporting costs money. Readers like you keep this site free for everyone: become a patron "
          "for the price of a coffee a month and get our weekly letter from the editors.")


def test_an_appeal_two_outlets_each_print_on_two_pages_is_boilerplate_at_the_default():
    # Two sites on one membership platform each show its appeal on two of their pages; no outlet
    # reaches three, and the appeal was reported as copied between every two of the four pages.
    pages = [art(f"{outlet}{k}", filler(900 + 10 * n + k, 140), PATRON, outlet=outlet,
                 published=dt.date(2024, 6, 1 + 3 * n + k))
             for n, outlet in enumerate(("ridge", "echo")) for k in range(2)]
    copier = art("echo-copy", filler(920), SOURCE, SECOND, outlet="echo", published=dt.date(2024, 6, 9))
    source = art("ridge-story", filler(921), SOURCE, SECOND, filler(922), outlet="ridge",
                 published=dt.date(2024, 6, 8))
    result = find_reuse([*pages, copier, source])
    assert [(p.a, p.b) for p in result.passages] == [("echo-copy", "ridge-story")]
    assert [c.origin for c in result.clusters] == ["ridge-story"]
    assert result.stats["boilerplate_passages"] == 6
    flagged = find_reuse([*pages, copier, source], boilerplate="flag")
    assert sorted(c.articles for c in flagged.clusters if c.boilerplate) == [["echo0", "echo1", "ridge0", "ridge1"]]


def test_a_story_one_outlet_ran_twice_and_another_copied_once_is_still_copying():
    # The same shape minus one page: an outlet that printed its story twice (morning and evening
    # editions) and an outlet that copied it, twice too, but with a third outlet copying it once.
    day = dt.date(2024, 7, 1)
    docs = [art("first-am", filler(930), SOURCE, SECOND, outlet="first", published=day),
            art("first-pm", filler(931), SOURCE, SECOND, outlet="first", published=day + dt.timedelta(days=1)),
            art("second-a", filler(932), SOURCE, SECOND, outlet="second", published=day + dt.timedelta(days=2)),
            art("second-b", filler(933), SOURCE, SECOND, outlet="second", published=day + dt.timedelta(days=3)),
            art("third", filler(934), SOURCE, SECOND, outlet="third", published=day + dt.timedelta(days=4))]
    result = find_reuse(docs)
    assert result.stats["boilerplate_passages"] == 0 and len(result.passages) == 10
    assert [c.origin for c in result.clusters] == ["first-am"]


def test_a_story_that_fills_the_pages_two_outlets_each_printed_twice_is_copying_not_a_notice():
    # A local paper ran its report in the evening and again in the morning edition; a second site
    # lifted it twice (a story, then a recap). No page prints it once, the shape of a notice two
    # outlets each show twice, but here it is what every page holds, not a line around it.
    day = dt.date(2024, 8, 5)
    story = (SOURCE, MIDDLE, SECOND)
    docs = [art("local-eve", *story, outlet="local", published=day),
            art("local-morn", "Republished for readers of the morning edition.", *story, outlet="local",
                published=day + dt.timedelta(days=1)),
            art("lifter-1", *story, "Share this before they take it down.", outlet="lifter",
                published=day + dt.timedelta(days=1)),
            art("lifter-2", "In case you missed it yesterday:", *story, outlet="lifter",
                published=day + dt.timedelta(days=2))]
    result = find_reuse(docs)
    assert result.stats["boilerplate_passages"] == 0 and len(result.passages) == 6
    [cluster] = result.clusters
    assert cluster.origin == "local-eve" and cluster.articles == sorted(d.id for d in docs)


def test_pages_that_are_only_one_consent_banner_two_outlets_each_show_twice_are_not_copying():
    # The extractor got nothing but the cookie banner from four pages, two of each of two sites on
    # one consent service. Each page is the banner whole, as each page of a story printed twice by
    # two outlets is the story; but the banner is one block of text, a story runs over paragraphs.
    banner = ("Before reading on, please note that this site and its 52 partners store small files on your device to "
              "remember preferences, count readers and pick the adverts shown to you. Choose Allow for all of it, "
              "Refuse for only what the site needs, or Options to decide partner by partner. Allow | Refuse | Options")
    day = dt.date(2024, 8, 12)
    docs = [art(f"{outlet}-{k}", banner, outlet=outlet, published=day + dt.timedelta(days=2 * k + (outlet == "west")))
            for outlet in ("east", "west") for k in range(2)]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 6
    # the same four pages holding a story of two paragraphs are copying (the test above)
    story = [art(d.id, SOURCE, SECOND, outlet=d.outlet, published=d.published) for d in docs]
    assert find_reuse(story).stats["boilerplate_passages"] == 0


def test_a_story_one_outlet_printed_three_times_is_copying_not_its_boilerplate():
    # A local paper ran a report, ran it again the next day under a new first paragraph and a third
    # time in its weekend round-up; an aggregator lifted one paragraph. Three pages of one outlet
    # is the shape of its boilerplate, but the text is what those pages hold, not a line around
    # them. Its footer, on the same three pages and a fourth, is still boilerplate.
    day = dt.date(2024, 9, 2)
    docs = [art("paper-news", SOURCE, MIDDLE, SECOND, FOOTER, outlet="paper", published=day),
            art("paper-update", "Investigators returned to the harbour offices at first light on Wednesday.",
                MIDDLE, SECOND, FOOTER, outlet="paper", published=day + dt.timedelta(days=1)),
            art("paper-weekend", "In case you missed it, our report from Tuesday:", SOURCE, MIDDLE, SECOND, FOOTER,
                outlet="paper", published=day + dt.timedelta(days=4)),
            art("paper-other", filler(940, 150), FOOTER, outlet="paper", published=day + dt.timedelta(days=2)),
            art("digest", filler(941), SECOND, filler(942), outlet="digest", published=day + dt.timedelta(days=5))]
    result = find_reuse(docs)
    story = [c for c in result.clusters if "paper-news" in c.articles]
    assert [c.articles for c in story] == [["digest", "paper-news", "paper-update", "paper-weekend"]]
    assert story[0].origin == "paper-news"
    assert all(FOOTER not in docs[0].text[s:e] for a, s, e in story[0].members if a == "paper-news")
    # the footer alone, between the fourth page and each of the three; on the pairs of the three it
    # is cut off the story's passages
    assert result.stats["boilerplate_passages"] == 3
    assert all(FOOTER not in d.text[s:e] for c in result.clusters for a, s, e in c.members for d in docs if d.id == a)


def test_a_notice_longer_than_the_short_items_above_it_is_still_boilerplate():
    # Three one-sentence briefs of one outlet, each above its long subscription appeal: the appeal
    # is most of every page, as a story printed again is, but it closes each page after that
    # page's own text, the shape of a footer; so does a banner opening each page before it.
    briefs = ["The harbour reopened on Monday after a week of repairs to the northern pier.",
              "Farmers brought in the largest apple harvest of the last eleven years.",
              "The night ferry will run twice a week from the first of May."]
    for footer in (True, False):
        docs = [art(f"brief{k}", *((text, FOOTER + " " + SECOND) if footer else (FOOTER + " " + SECOND, text)),
                    outlet="Signal", published=dt.date(2024, 10, 1 + k)) for k, text in enumerate(briefs)]
        result = find_reuse(docs)
        assert result.passages == [] and result.stats["boilerplate_passages"] == 3


def test_result_does_not_depend_on_input_order_and_ids_must_be_unique():
    docs = [art(f"d{i}", filler(70 + i), SOURCE if i % 2 else SECOND, filler(80 + i)) for i in range(6)]
    first = find_reuse(docs).to_dict()
    assert first == find_reuse(list(reversed(docs))).to_dict()
    assert len(first["clusters"]) == 2
    with pytest.raises(ValueError, match="duplicate"):
        find_reuse([docs[0], docs[0]])


def test_sketches_are_datasketch_minhashes_and_both_indexes_agree():
    toks = tokenize(f"{filler(90)} {SOURCE} {filler(91)}")
    shingles, use = shingle_hashes(word_hashes(toks.norms), 3)
    perms = permutations(64, 1)
    sigs, valid = window_sketches(shingles, 12, perms, use)
    assert use.all() and valid.all()
    spans = window_spans(len(toks), len(sigs), 12, 3)
    assert spans[0][0] == 0 and spans[-1][1] == len(toks)
    for w in (0, len(sigs) // 2, len(sigs) - 1):
        m = MinHash(num_perm=64, seed=1, hashfunc=int)
        m.update_batch(shingles[w * 12 : (w + 2) * 12].tolist())
        np.testing.assert_array_equal(m.hashvalues, sigs[w])
    corpus = [tokenize(filler(200 + i, 200) + (f" {SOURCE} " if i < 3 else " ") + filler(300 + i)) for i in range(6)]
    via_datasketch = find_candidates(corpus, index="datasketch")
    assert via_datasketch == find_candidates(corpus, index="numpy")
    assert {(c.a, c.b) for c in via_datasketch[0]} == {(0, 1), (0, 2), (1, 2)}


def test_corpus_stop_words_leave_copied_passages_findable():
    docs = [art(f"n{i:02d}", filler(400 + i, 150)) for i in range(60)]
    docs[7] = art("n07", filler(407, 150), SOURCE, filler(507, 60))
    docs[42] = art("n42", filler(442, 90), SOURCE)
    result = find_reuse(docs)
    assert result.stats["stopwords"] >= len(set(WORDS)) - 5  # every filler word is in >20% of the texts
    assert result.stats["candidate_pairs"] == 1  # windows of stop words only are not even indexed
    assert [(p.a, p.b) for p in result.passages] == [("n07", "n42")]
    assert docs[7].text[result.passages[0].a_start : result.passages[0].a_end] == SOURCE
    assert find_reuse(docs, stopword_df=1.0).stats["stopwords"] == 0


def test_dask_gives_exactly_the_local_result():
    distributed = pytest.importorskip("distributed")
    docs = [
        art("a", filler(1), SOURCE, filler(2), published=dt.date(2024, 1, 1)),
        art("b", filler(3), f"{SOURCE} {SECOND}", filler(4), published=dt.date(2024, 1, 3)),
        art("c", filler(5), SECOND.replace(" ", "\u200b", 2), filler(6), published=dt.date(2024, 1, 2)),  # read as spaces
        *[art(f"f{i}", filler(60 + i, 120), FOOTER, outlet="Daily Beacon") for i in range(3)],
        art("z", filler(99, 300)),
    ]
    from propscope.reuse import find_reuse_dask

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as lc:
        with distributed.Client(lc) as client:
            remote = find_reuse_dask(docs, client, pairs_per_task=1, index="datasketch")
            remote_flag = find_reuse_dask(docs, client, boilerplate="flag")
    local = find_reuse(docs)
    assert remote.to_dict() == local.to_dict()
    assert remote_flag.to_dict() == find_reuse(docs, boilerplate="flag").to_dict()
    assert len(local.passages) == 2 and isinstance(local.clusters[0], Cluster)


def test_lower_similarity_finds_more_of_a_heavily_edited_copy():
    rng = random.Random(3)
    vocab = [f"w{i}x" for i in range(3000)]

    def words(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n))

    def paragraphs(ws: list[str], advert: str = "") -> str:  # a region reaches the ends of its paragraphs
        return "\n\n".join(" ".join(ws[k : k + 24]) + advert for k in range(0, len(ws), 24))

    passage = [rng.choice(vocab) for _ in range(240)]
    edited = [f"zz{i}" if i % 4 == 3 else w for i, w in enumerate(passage)]  # every 4th word replaced
    head_a, head_b = words(80) + ". ", words(70) + ". "
    a = Article("a", head_a + paragraphs(passage) + ". " + words(80) + ".")
    # an advert line after each paragraph of the copy: a passage filling its paragraphs in both
    # texts is aligned with the next ones too, and without the adverts the default found it all
    b = Article("b", head_b + paragraphs(edited, "\n\nADVERTISEMENT") + ". " + words(90) + ".")
    others = [Article(f"o{i}", words(200) + ".") for i in range(5)]
    planted = (len(head_a), len(head_a) + len(paragraphs(passage)))

    def covered(threshold: float) -> int:
        found = find_reuse([a, b, *others], threshold=threshold).passages
        assert all({p.a, p.b} == {"a", "b"} for p in found)
        return sum(max(0, min(p.a_end, planted[1]) - max(p.a_start, planted[0])) for p in found)

    assert covered(0.1) >= 0.9 * (planted[1] - planted[0]) > covered(0.25)
    with pytest.raises(ValueError, match="Jaccard"):
        find_reuse([a, b], threshold=1.0)


REORDERED = (
    "Shipping companies said the delays would add at least a week to deliveries bound for the northern "
    "warehouses, where stocks of spare parts were already running low after the winter storms."
)


def test_sentences_copied_in_another_order_are_all_found():
    # One alignment is monotone: before the leftovers were aligned again, only the longest
    # in-order subset of these four sentences was reported.
    sentences = [SOURCE, MIDDLE, SECOND, REORDERED]
    a = art("a", filler(600), " ".join(sentences), filler(601))
    b = art("b", filler(602), " ".join(sentences[k] for k in (2, 0, 3, 1)), filler(603))
    result = find_reuse([a, b])
    assert {(p.a, p.b) for p in result.passages} == {("a", "b")}
    for doc in (a, b):
        spans = [side(p, doc) for p in result.passages]
        for s in sentences:
            start = doc.text.index(s)
            covered = sum(max(0, min(e, start + len(s)) - max(b0, start)) for b0, e in spans)
            assert covered == len(s), s[:30]
        assert all(doc.text[s:e] in sentences or doc.text[s:e] in " ".join(sentences) for s, e in spans)


def test_footer_reprinted_by_another_outlet_neither_floods_nor_moves_the_origin():
    # Another outlet republishes one Beacon article whole, footer included. The footer then
    # matches every Beacon article; those passages are the Beacon's boilerplate, and must not pull
    # older Beacon articles into the republished article's cluster (they would become its origin).
    day = dt.date(2024, 1, 1)
    beacon = [art(f"beacon{i}", filler(650 + i, 150), FOOTER, outlet="Daily Beacon",
                  published=day + dt.timedelta(days=i)) for i in range(3)]
    source = art("beacon-story", filler(660, 60), SOURCE, SECOND, FOOTER, outlet="Daily Beacon",
                 published=day + dt.timedelta(days=30))
    reprint = Article("reprint", "Republished from the Daily Beacon.\n\n" + source.text, outlet="Herald",
                      published=day + dt.timedelta(days=31))
    docs = [*beacon, source, reprint]

    suppressed = find_reuse(docs)
    assert [(p.a, p.b) for p in suppressed.passages] == [("beacon-story", "reprint")]
    assert [(c.articles, c.origin) for c in suppressed.clusters] == [(["beacon-story", "reprint"], "beacon-story")]
    # footer among the four, reprint ~ beacon0-2, and the footer under the reprinted story: the Beacon
    # printed it before both, so it is cut from the story's passage (a text of its own) and is boilerplate
    assert suppressed.stats["boilerplate_passages"] == 6 + 3 + 1
    [p] = suppressed.passages
    assert reprint.text[p.b_start : p.b_end].endswith(SECOND)

    flagged = find_reuse(docs, boilerplate="flag")
    reuse = [c for c in flagged.clusters if not c.boilerplate]
    assert [(c.articles, c.origin) for c in reuse] == [(["beacon-story", "reprint"], "beacon-story")]
    footer = [c for c in flagged.clusters if c.boilerplate]
    assert len(footer) == 1 and "beacon0" in footer[0].articles
    assert {p.cluster for p in flagged.passages if p.boilerplate} == {footer[0].id}


QUOTE = ("We will rebuild every bridge the river took from us, and we will build them higher, because the "
         "people of this valley have paid for the same mistake three times already")


def test_one_quotation_cited_by_independent_articles_is_not_copying():
    lead = "The premier said the rebuilding would start in spring and be paid for from the reserve fund."
    own = "Farmers in the valley said they had heard such promises before and would wait to see the money."
    a = art("a", filler(700), f'Speaking in the flooded town, the premier said: "{QUOTE}." {lead}', filler(701))
    b = art("b", filler(702, 80), f"\u201c{QUOTE},\u201d she told reporters.", filler(703))
    half = QUOTE.index(", and we")
    c = art("c", filler(704), f'"{QUOTE[:half]}," the premier said. "{QUOTE[half + 6:]}."', filler(705, 60))
    copy = art("copy", filler(706), f'Speaking in the flooded town, the premier said: "{QUOTE}." {lead} {own}',
               filler(707))
    result = find_reuse([a, b, c, copy])
    # the quotation alone joins a, b and c; only the copy of a's own words around it is reported
    assert [(p.a, p.b) for p in result.passages] == [("a", "copy")]
    p = result.passages[0]
    assert a.text[p.a_start : p.a_end] == f'Speaking in the flooded town, the premier said: "{QUOTE}." {lead}'
    assert result.stats["quotation_passages"] == 5  # a-b, a-c, b-c, b-copy, c-copy
    kept = find_reuse([a, b, c, copy], report_quotations=True)
    assert {(p.a, p.b) for p in kept.passages} == {("a", "b"), ("a", "c"), ("b", "c"), ("a", "copy"), ("b", "copy"),
                                                   ("c", "copy")}
    assert kept.stats["quotation_passages"] == 0


def test_a_quotation_paragraph_copied_next_to_copied_text_is_copying():
    # A paper printed a press release's opening paragraph and, right after it, the release's
    # quotation paragraph, leaving out the paragraph between them. The quotation is its own
    # passage and all but a few words of it are quoted in both, the shape of two outlets quoting
    # one speaker; but it sits next to copied text in the copy, in the release's order: it was
    # copied too. An article that only quotes the minister still copies nothing.
    said = f'"{QUOTE}," said the minister. "Work will start in the spring and finish before the next floods."'
    release = art("release", SOURCE, MIDDLE, said, published=dt.date(2024, 3, 1))
    paper = art("paper", "Our reporter adds nothing here.", SOURCE, said, filler(710),
                published=dt.date(2024, 3, 2))
    quoting = art("quoting", filler(711), f'The minister told parliament: "{QUOTE}."', filler(712),
                  published=dt.date(2024, 3, 2))
    result = find_reuse([release, paper, quoting])
    assert {(p.a, p.b) for p in result.passages} == {("paper", "release")}
    copied = sorted(release.text[p.b_start : p.b_end] if p.b == "release" else "" for p in result.passages)
    assert any(QUOTE in text for text in copied) and any(SOURCE in text for text in copied)
    assert result.stats["quotation_passages"] == 2  # the quoting article's, with each of the others
    assert [c.articles for c in result.clusters] == [["paper", "release"]]


def test_the_reuse_command_reports_shared_quotations_only_when_asked(tmp_path):
    import json

    from click.testing import CliRunner

    from propscope.cli import main

    a = art("a", filler(700), f'Speaking in the flooded town, the premier said: "{QUOTE}."', filler(701))
    b = art("b", filler(702, 80), f"\u201c{QUOTE},\u201d she told reporters.", filler(703))
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": x.id, "text": x.text}) + "\n" for x in (a, b)))
    plain = CliRunner().invoke(main, ["reuse", str(path), "--format", "json"])
    asked = CliRunner().invoke(main, ["reuse", str(path), "--format", "json", "--quotations"])
    assert plain.exit_code == 0 and asked.exit_code == 0, plain.output + asked.output
    passages = [json.loads(r.output.strip().splitlines()[-1])["passages"] for r in (plain, asked)]
    assert passages[0] == []
    assert [(p["a"], p["b"]) for p in passages[1]] == [("a", "b")]


def test_quoted_regions_pair_marks_within_a_paragraph():
    text = 'He said "one two" and \u201cthree\u201d.\n\n"A quote that goes on\n\n"into this paragraph," she said.'
    regions = quoted_regions(text)
    assert [text[s:e] for s, e in regions] == ['"one two"', "\u201cthree\u201d", '"A quote that goes on',
                                               '"into this paragraph,"']
    assert quoted_share(text, 0, text.index("\n")) == 3 / 6
    assert quoted_share(text, text.index('"into'), len(text)) == 3 / 5


SINGLE = ("'We haven't finished counting, and I won't guess. The growers' co-operatives have lost a season's work "
          "in one night, and the county's reserve will not cover half of it. Nobody here is asking for charity, "
          "only for the money they were promised in the spring.'")


def test_quoted_regions_read_single_quotes_but_not_apostrophes():
    text = ("The mayor's aide said: 'We haven't finished. The farmers' co-operatives know it,' she said. It's late. "
            "He called it 'a disgrace' and the farmers' union agreed.\n\n'It goes on\n\n'into this one,' he said.")
    assert [text[s:e] for s, e in quoted_regions(text)] == [
        "'We haven't finished. The farmers' co-operatives know it,'", "'a disgrace'", "'It goes on",
        "'into this one,'"]
    nested = 'He said: "She told me \'never\' twice," and left.'
    assert [nested[s:e] for s, e in quoted_regions(nested)] == ['"She told me \'never\' twice,"']


def test_one_quotation_in_single_quotes_cited_by_independent_articles_is_not_copying():
    # Apostrophes inside the quotation (haven't, growers', county's) once kept it from being read
    # as one, so independent articles quoting the speaker were reported as copies of each other.
    lead = "The county will meet on Friday to decide how much of the reserve can be released before the winter."
    a = art("a", filler(720), f"The treasurer's answer was blunt: {SINGLE} {lead}", filler(721))
    b = art("b", filler(722, 80), f"{SINGLE[:-1]},' the treasurer told the local radio station.", filler(723))
    copy = art("copy", filler(724), f"The treasurer's answer was blunt: {SINGLE} {lead}", filler(725))
    result = find_reuse([a, b, copy])
    assert [(p.a, p.b) for p in result.passages] == [("a", "copy")]
    assert result.stats["quotation_passages"] == 2  # a-b, b-copy
    assert {(p.a, p.b) for p in find_reuse([a, b, copy], report_quotations=True).passages} == {
        ("a", "b"), ("a", "copy"), ("b", "copy")}


DIGIT_QUOTE = ("'3 million people crossed that border last winter, and not one of them did it for fun. We will open "
               "the second crossing before the snow comes back,'")


def test_quoted_regions_open_a_single_quotation_at_a_figure_but_not_at_a_shortened_year():
    text = (f"{DIGIT_QUOTE} the governor said. Back in the '90s nobody came; the summer of '98 was 'a quiet one' "
            "for the guards' union.\n\nThe class of '07 and '08 met again.")
    assert [text[s:e] for s, e in quoted_regions(text)] == [DIGIT_QUOTE, "'a quiet one'"]


def test_a_single_quotation_opening_with_a_figure_cited_by_independent_articles_is_not_copying():
    # A mark before a digit did not open a quotation, so articles quoting one speaker were
    # reported as copies of each other whenever the quotation began with a number or a year.
    a = art("a", filler(760), f"{DIGIT_QUOTE} the governor told reporters at the checkpoint.", filler(761))
    b = art("b", filler(762, 80), f"Asked about the queues, she was blunt: {DIGIT_QUOTE} she said.", filler(763))
    c = art("c", filler(764), f"{DIGIT_QUOTE} the governor said on Monday.", filler(765, 60))
    result = find_reuse([a, b, c])
    assert result.passages == [] and result.stats["quotation_passages"] == 3
    assert len(find_reuse([a, b, c], report_quotations=True).passages) == 3

ELECTION_A = ("Counting finished overnight. Turnout reached 63.4 per cent of registered voters, up from 58.1 per cent "
              "in the last election. The Liberal Party won 112 of the 250 seats with 38.2 per cent of the vote, and "
              "the Conservative Union took 97 seats with 33.5 per cent of the vote.")
ELECTION_B = ("Results came in after midnight. With 38.2 per cent of the vote, the Liberal Party has 112 of the 250 "
              "seats; the Conservative Union, on 33.5 per cent, has 97. Turnout reached 63.4 per cent, up from 58.1 "
              "per cent in the last election.")


def test_anchored_words_leave_out_figures_and_their_units():
    from propscope.reuse.align import anchored_words

    assert anchored_words("the party won 112 seats with 38 per cent".split()) == 3  # the party won
    assert anchored_words("won 112 seats with 38 per cent".split()) == 0
    assert anchored_words("agreed to pay a fee of eleven euros for every tonne moved by rail".split()) == 6 + 5


@pytest.mark.parametrize("threshold", [0.25, 0.15])
def test_independent_reports_sharing_only_figures_are_not_copies(threshold):
    # Two newsrooms report one election count: the same figures, party names and stock phrases
    # ("turnout reached 63.4 per cent ... up from 58.1 per cent in the last election"), in their
    # own sentences. A copy of one of them, figures included, is still found.
    a = art("a", filler(730), ELECTION_A, filler(731))
    b = art("b", filler(732), ELECTION_B, filler(733))
    copy = art("copy", filler(734), ELECTION_A, filler(735))
    result = find_reuse([a, b, copy], threshold=threshold)
    assert [(p.a, p.b) for p in result.passages] == [("a", "copy")]
    p = result.passages[0]
    assert a.text[p.a_start : p.a_end] == ELECTION_A


def test_a_results_list_copied_as_it_stood_is_found_though_it_is_mostly_figures():
    # A sports desk lifts another paper's round of league results: team names and scores, then the
    # table's points. Every figure and the two words after it cut runs, so no stretch of three words
    # was left to count and the copy was missed; a run this long is a copied list, whole.
    results = ("Round 14 results: Harbour Rovers 3, Mill Town 1; Eastgate 0, Quarry Athletic 2; Riverside 1, "
               "Kestrel United 1; Port Vale Wanderers 4, Old Bridge 0. Table: Quarry Athletic 31 points, "
               "Harbour Rovers 29, Kestrel United 26, Riverside 24, Eastgate 19, Mill Town 15, Old Bridge 11.")
    from propscope.reuse.align import anchored_words

    keys = tokenize(results).norms
    assert anchored_words(keys) == len(keys) and anchored_words(keys[:12]) < 8
    a = art("a", filler(1140), results, filler(1141))
    b = art("b", filler(1142), results, filler(1143))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (results, results)


def test_words_with_digits_inside_are_not_figures():
    from propscope.reuse.align import anchored_words

    assert anchored_words("the g7 summit on covid19 vaccines".split()) == 6
    # "4.2%" and its unit "after the" cut the run: "prices rose by" and "vote in parliament" are left
    assert anchored_words("prices rose by 4.2% after the vote in parliament".split()) == 3 + 3


PARAGRAPHS = (
    "The orchestra's new season opens in October with a programme of works by composers from the northern "
    "provinces, most of them never before performed in the capital's concert hall.",
    "Ticket prices will rise by a modest amount for the first time in six years, the management said, because "
    "heating and insurance costs for the old building have climbed sharply since the winter.",
    "Students and pensioners will keep their discount, and a block of cheap seats in the upper gallery will "
    "go on sale on the morning of each concert, as it has for decades.",
)


def test_a_copy_with_reordered_paragraphs_is_one_cluster():
    # Each in-order run of a reordered copy is its own passage; they were one cluster each.
    first = art("first", filler(740), *PARAGRAPHS, filler(741), published=dt.date(2024, 3, 1))
    second = art("second", filler(742, 60), *(PARAGRAPHS[k] for k in (2, 0, 1)), filler(743),
                 published=dt.date(2024, 3, 4))
    result = find_reuse([first, second])
    assert len(result.passages) >= 2 and {(p.a, p.b) for p in result.passages} == {("first", "second")}
    [cluster] = result.clusters
    assert cluster.origin == "first"
    block = {doc.id: (doc.text.index(PARAGRAPHS[0]) if doc is first else doc.text.index(PARAGRAPHS[2]))
             for doc in (first, second)}
    assert cluster.members == [(d.id, block[d.id], block[d.id] + len("\n\n".join(PARAGRAPHS))) for d in (first, second)]


def test_two_copies_at_unrelated_places_of_one_pair_stay_two_clusters_when_other_articles_differ():
    # One of the two texts is also in a third article: they have different histories.
    a = art("a", PARAGRAPHS[0], filler(750), PARAGRAPHS[2], published=dt.date(2024, 3, 1))
    b = art("b", PARAGRAPHS[2], filler(751), PARAGRAPHS[0], published=dt.date(2024, 3, 2))
    c = art("c", filler(752), PARAGRAPHS[0], published=dt.date(2024, 3, 3))
    result = find_reuse([a, b, c])
    assert len(result.passages) == 4 and len(result.clusters) == 2
    assert sorted(c.articles for c in result.clusters) == [["a", "b"], ["a", "b", "c"]]


def test_an_article_quoted_at_two_places_of_a_newest_first_page_is_one_cluster():
    # A live blog, latest entry on top, quotes a report's third paragraph in one entry and its
    # first in an earlier one, far apart and in the opposite order: two clusters with the same
    # two articles, as if the blog had copied two texts. It copied one, in two pieces.
    report = art("report", PARAGRAPHS[0], filler(760), PARAGRAPHS[2], filler(761), published=dt.date(2024, 3, 5))
    blog = art("blog", "15:20", "As the report put it: " + PARAGRAPHS[2], filler(762), "09:05",
               "From this morning's report: " + PARAGRAPHS[0], published=dt.date(2024, 3, 6))
    result = find_reuse([report, blog])
    assert len(result.passages) == 2
    [cluster] = result.clusters
    assert cluster.origin == "report" and len(cluster.members) == 4
    assert {p.cluster for p in result.passages} == {cluster.id}


def test_a_story_republished_with_adverts_between_its_paragraphs_is_one_cluster():
    # The promotions between the copied paragraphs are longer than max_gap words, so each
    # paragraph was a cluster of its own: one republished story, three "copied texts".
    first = art("first", filler(790, 60), *PARAGRAPHS, filler(791), published=dt.date(2024, 3, 1))
    ads = ("SPONSORED: Book your winter break now and get the second week half price at over forty resorts",
           "Related: Twelve concert halls worth a train journey this season, chosen by our critics")
    second = art("second", "By Culture Desk | 3 March, 09:40", "CAPITAL - " + PARAGRAPHS[0], ads[0], PARAGRAPHS[1],
                 ads[1], PARAGRAPHS[2], published=dt.date(2024, 3, 3))
    result = find_reuse([first, second])
    assert len(result.passages) >= 2 and {(p.a, p.b) for p in result.passages} == {("first", "second")}
    [cluster] = result.clusters
    assert cluster.origin == "first"
    start = first.text.index(PARAGRAPHS[0])
    assert [m for m in cluster.members if m[0] == "first"] == [("first", start, start + len("\n\n".join(PARAGRAPHS)))]
    assert [second.text[s:e] for a, s, e in cluster.members if a == "second"] == list(PARAGRAPHS)


def test_a_chance_candidate_is_not_aligned(monkeypatch):
    """Regions that share fewer three-word runs than an anchored passage holds are skipped before
    the alignment, which was most of the time at a low --similarity; a real copy is still aligned."""
    import propscope.reuse.align as align

    calls = []
    real = align.align_tokens
    monkeypatch.setattr(align, "align_tokens", lambda *a, **k: calls.append(1) or real(*a, **k))
    a = "The minister said on Tuesday that the new bridge over the river would open next spring after delays."
    b = "Residents said on Tuesday that they feared the flood defences upstream were failing after heavy rain."
    whole = [(0, len(align.tokenize(a)), 0, len(align.tokenize(b)))]
    assert align_pair(a, b, whole, min_chars=20) == [] and calls == []  # one shared run: "said on tuesday"
    assert align_pair(a, a.replace("minister", "mayor"), whole, min_chars=20) != [] and calls == [1]


def test_a_lead_in_line_opening_with_the_copied_sentences_first_words_is_not_taken_into_it():
    # "The Harbour Board writes:" above a copy whose first sentence opens "The Harbour Board": the
    # other article has a word edited after those words ("today" left out), so they are a run of
    # their own, and the aligner took their first occurrence, the lead-in line, chaining over it.
    copied = "The Harbour Board today said that " + SOURCE[0].lower() + SOURCE[1:]
    edited = copied.replace(" today said", " said")
    a = art("a", filler(1060), edited, filler(1061))
    b = art("b", filler(1062), "The Harbour Board writes:", copied, filler(1063))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (edited, copied)


def test_a_reworded_paragraph_after_the_copied_ones_is_aligned_with_them():
    # The copy keeps its first paragraph verbatim and rewords every third word of the two after
    # it (as a translation there and back does): the candidate region reaches only into the
    # second, so the third was left out although the passage filled its paragraphs in both texts.
    source = art("source", filler(1070), SOURCE, SECOND, MIDDLE, filler(1071))
    copy = art("copy", filler(1072), SOURCE, spun(SECOND), spun(MIDDLE), filler(1073))
    [p] = find_reuse([source, copy]).passages
    assert source.text[slice(*side(p, source))] == "\n\n".join((SOURCE, SECOND, MIDDLE))
    assert copy.text[slice(*side(p, copy))] == "\n\n".join((SOURCE, spun(SECOND), spun(MIDDLE)))
    # and before them, the same
    source = art("source", filler(1074), MIDDLE, SECOND, SOURCE, filler(1075))
    copy = art("copy", filler(1076), spun(MIDDLE), spun(SECOND), SOURCE, filler(1077))
    [p] = find_reuse([source, copy]).passages
    assert source.text[slice(*side(p, source))] == "\n\n".join((MIDDLE, SECOND, SOURCE))


def test_two_reprints_under_intros_of_their_own_are_copying_when_the_outlet_printed_the_story_alone():
    # A weekly printed a report on its own, again two days later under a line of introduction, and
    # a third time in its review of the week under another. The last two pages both close with
    # the report after their own words, the shape of a footer between them, and the passage
    # between them was taken for the paper's boilerplate; the first printing shows it is a story.
    day = dt.date(2024, 11, 4)
    story = (SECOND, MIDDLE, SOURCE)
    docs = [art("weekly-mon", *story, outlet="Weekly", published=day),
            art("weekly-wed", "Our report from Monday, as the customs inquiry opens today:", *story,
                outlet="Weekly", published=day + dt.timedelta(days=2)),
            art("weekly-sat", "The week in review. The report most of you read this week:", *story,
                outlet="Weekly", published=day + dt.timedelta(days=5))]
    result = find_reuse(docs)
    assert sorted((p.a, p.b) for p in result.passages) == [("weekly-mon", "weekly-sat"), ("weekly-mon", "weekly-wed"),
                                                          ("weekly-sat", "weekly-wed")]
    assert [(c.articles, c.origin) for c in result.clusters] == [(["weekly-mon", "weekly-sat", "weekly-wed"],
                                                                  "weekly-mon")]
    assert result.stats["boilerplate_passages"] == 0
    # a one-paragraph appeal that one page shows alone (all its extracted text) and two pages show
    # under a brief of their own is still the weekly's boilerplate
    appeal = FOOTER + " " + SECOND
    docs = [art("weekly-page", appeal, outlet="Weekly", published=day),
            *(art(f"weekly-brief{k}", brief, appeal, outlet="Weekly", published=day + dt.timedelta(days=k + 1))
              for k, brief in enumerate(("The night ferry will run twice a week from the first of May.",
                                         "The harbour reopened on Monday after a week of repairs.")))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 3


LISTENING_LINE = ("Anyone affected by the issues raised in this report can talk to the Listening Line in confidence, "
                  "day or night, on 0300 123 4567 or at listeningline.example/talk, whatever the time.")


def test_a_notice_with_a_phone_number_two_outlets_each_print_under_one_article_is_not_copying():
    # Two outlets each close one report with the same helpline notice (a charity asks them to):
    # neither copied the other, and two pages are too few for anyone's boilerplate.
    day = dt.date(2025, 2, 3)
    docs = [art("herald", filler(1080), filler(1081), LISTENING_LINE, outlet="Herald", published=day),
            art("courier", filler(1082), LISTENING_LINE, outlet="Courier", published=day)]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    [p] = find_reuse(docs, boilerplate="flag").passages
    assert p.boilerplate
    # without a phone number or an address it still names only its own service: a notice too
    plain = LISTENING_LINE.replace(" on 0300 123 4567 or at listeningline.example/talk,", "")
    docs = [art("herald", filler(1080), filler(1081), plain, outlet="Herald", published=day),
            art("courier", filler(1082), plain, outlet="Courier", published=day)]
    assert find_reuse(docs).passages == []
    # but a closing paragraph without them that tells of an event is a copied last paragraph
    told = plain.replace("can talk to", "was told by")
    docs = [art("herald", filler(1080), filler(1081), told, outlet="Herald", published=day),
            art("courier", filler(1082), told, outlet="Courier", published=day)]
    assert len(find_reuse(docs).passages) == 1
    # and so is it where the two articles share more: a copy that took it with the story above it
    docs = [art("herald", filler(1080), SOURCE, filler(1081), LISTENING_LINE, outlet="Herald", published=day),
            art("courier", filler(1082), SOURCE, filler(1083), LISTENING_LINE, outlet="Courier", published=day)]
    assert len(find_reuse(docs).passages) == 2


def test_a_police_appeal_one_outlet_copied_under_its_own_report_of_the_same_fire_is_copying():
    # Two papers report one warehouse fire in their own words; the second closes with the first's
    # witness appeal, word for word. It has a phone number and an address and closes both pages,
    # the shape of a helpline printed under two articles, but it names the town both reports name:
    # it belongs to their story. The Listening Line names only itself, and stays a notice.
    appeal = ("Detectives believe the fire in Ostholm was started deliberately. Anyone who saw people near the yard "
              "after dark on Friday is asked to call 0161 496 0733 or write to ostholmpolice.example/appeal.")
    day = dt.date(2025, 3, 3)
    first = art("first", "A warehouse in Ostholm burned down overnight. " + filler(1150), appeal,
                outlet="First", published=day)
    second = art("second", filler(1151) + " Crews from Ostholm fought the flames until dawn.", appeal,
                 outlet="Second", published=day + dt.timedelta(days=1))
    result = find_reuse([first, second])
    assert result.stats["boilerplate_passages"] == 0
    [p] = result.passages
    assert (first.text[p.a_start : p.a_end], second.text[p.b_start : p.b_end]) == (appeal, appeal)
    assert [c.origin for c in result.clusters] == ["first"]
    # named above it by one article only, the town does not tie the appeal to a shared story
    second = art("second", filler(1151), appeal, outlet="Second", published=day + dt.timedelta(days=1))
    assert find_reuse([first, second]).passages == []


def test_a_back_translated_paragraph_with_a_moved_phrase_is_one_passage():
    # Through another language and back, "for the first time in nine years" moved before the verb:
    # one monotone alignment ends before it and another starts after, and once the phrase was
    # given back the two pieces met in both texts with nothing between, but were two passages.
    orig = ("The fault was traced during a scheduled test in March, when technicians examined the cables of the old "
            "substation for the first time in nine years. The company's spokesman, Leif Moen, said the failure was "
            "most likely caused by damp getting into worn seals in the housing.")
    moved = ("The fault was traced in March during a scheduled test, when technicians for the first time in nine years "
             "examined the cables of the old substation. According to the spokesman of the company, Leif Moen, the "
             "failure was caused most likely by damp which got into worn seals in the housing.")
    a = art("a", filler(1090), SECOND + " " + orig, filler(1091))
    b = art("b", filler(1092), SECOND + " " + moved, filler(1093))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (SECOND + " " + orig, SECOND + " " + moved)


def test_a_back_translated_sentence_whose_long_phrase_moved_to_its_start_is_one_passage_with_it():
    # Through another language and back, a twelve-word phrase moved from the end of a sentence to
    # its start, and the rest of that sentence was reworded. The phrase is a passage of its own,
    # and the reworded rest shares too few runs of words to be one: it was left out, and the
    # paragraph was reported in three pieces. It lies next to the phrase in both texts, before it
    # in one and after it in the other: the whole paragraph is one copied passage.
    orig = ("The council closed the old swimming baths on Harbour Street in the spring. The building has lost money "
            "every single year since it reopened after the fire, according to an audit that the council ordered "
            "from an outside firm last winter. Repairs to the roof alone would cost more than building a new pool.")
    moved = ("The council closed the old swimming baths on Harbour Street in the spring. According to an audit that "
             "the council ordered from an outside firm last winter, the building lost money in each year since it "
             "was opened again after the fire. Repairs of the roof alone would cost more than building a new pool.")
    # ... and where the phrase moved into the middle of its sentence ("The building, according to
    # ..., has lost money"), the rest is chained across it, over the words the phrase's own passage
    # matched, and holds it: one passage too, not one overlapping the other
    inside = ("The council closed the old swimming baths on Harbour Street in the spring. The building, according "
              "to an audit that the council ordered from an outside firm last winter, has lost money in every year "
              "since it opened again after the fire. Repairs of the roof alone would cost more than building a new "
              "pool.")
    for n, copy in enumerate((moved, inside)):
        a = art("a", filler(1170), orig, filler(1171))
        b = art("b", filler(1172 + n), copy, filler(1173))
        [p] = find_reuse([a, b]).passages
        assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (orig, copy)


def test_a_copied_sentence_whose_end_was_reworded_word_by_word_is_reported_to_its_end():
    # "heating water in its oldest classrooms." and "the heating of water within its most old
    # classrooms.": after "cost of" only single words match, every word or two, and single-word
    # runs at a chain's end were dropped as chance; that they end a sentence in both texts shows
    # they are the copied sentence's reworded end.
    orig = (SECOND + " The school blamed falling pupil numbers and the rising cost of heating water in its oldest "
            "classrooms.")
    copy = (SECOND + " The school has accused the falling numbers of pupils and the growing cost of the heating of "
            "water within its most old classrooms.")
    a = art("a", filler(1190), orig, filler(1191))
    b = art("b", filler(1192), copy, filler(1193))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (orig, copy)


def test_a_wire_dateline_whose_place_name_the_copy_repeats_in_its_own_is_not_copied_text():
    # "HOLLIN RIDGE (AW) -" and "HOLLIN RIDGE, 5 June (DSA) -": the place name matches in both
    # datelines, two words, so no chance single word trimmed off the passage; it began there.
    body = SECOND.replace("Opposition leaders", "Mine owners")
    a = art("a", "HOLLIN RIDGE (AW) - " + body, filler(1180))
    b = art("b", "HOLLIN RIDGE, 5 June (DSA) - " + body, filler(1181))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (body, body)


@pytest.mark.parametrize("dateline", ["HOLLIN RIDGE (DSA) ", "HOLLIN RIDGE\uff08DSA\uff09 ", "HOLLIN RIDGE [DSA] "])
def test_a_copy_under_the_wires_dateline_without_its_dash_leaves_the_dateline_out(dateline):
    # A copy that kept the wire's place and credit but not its date or dash ("HOLLSTAD (MNA) The
    # ..."): a place in capitals at a line's start and the agency in brackets after it end a
    # dateline as a dash does, so neither text's dateline is inside the passage.
    body = SECOND.replace("Opposition leaders", "Mine owners")
    a = art("a", "HOLLIN RIDGE, 5 June (DSA) - " + body, filler(1182), published=dt.date(2026, 6, 5))
    b = art("b", dateline + body, filler(1183), published=dt.date(2026, 6, 6))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (body, body)


def test_a_label_both_texts_give_whole_at_a_copied_lines_start_stays_in_the_passage():
    # A results table copied line by line, each line opening with its district ("Fenmore Central:"):
    # the label is copied with the line, up to the line's start in both texts (a dateline that
    # differs before its agency stays out: the test above).
    table = "\n".join(
        f"{name}: Civic Alliance {a:,} ({a / 370:.1f}%), Labour Union {b:,} ({b / 370:.1f}%), Green Future {c:,} "
        f"({c / 370:.1f}%), Independents {d:,} ({d / 370:.1f}%). Turnout {t}%."
        for name, a, b, c, d, t in (("Fenmore Central", 14212, 11905, 6130, 4731, 61.2),
                                    ("Fenmore North", 9844, 10367, 4402, 3449, 55.8),
                                    ("Harrowby", 7615, 5180, 3071, 2308, 63.4),
                                    ("Lower Tarn", 6093, 6512, 3877, 1975, 52.1)))
    a = art("a", filler(1184), table, filler(1185), published=dt.date(2026, 6, 5))
    b = art("b", filler(1186), table, filler(1187), published=dt.date(2026, 6, 6))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (table, table)


def test_a_copied_sentence_that_drops_or_adds_its_first_article_is_reported_from_its_start():
    # "The harbour pilots are ..." copied as "Harbour pilots are ...": the first match is the
    # sentence's second word in one text and its first in the other, and the passage began after
    # "The". Other words only one text has there ("Quite simply,") stay out (a test above).
    sentence = ("The harbour pilots are expected to return to work on Monday after the port authority agreed to pay "
                "for the two new launches they had asked for since the accident in the autumn.")
    for n, (one, other) in enumerate(((sentence, sentence[4].upper() + sentence[5:]),
                                      (sentence[4].upper() + sentence[5:], "A " + sentence[4:]))):
        a = art("a", filler(1100 + n), one, filler(1110 + n))
        b = art("b", filler(1120 + n), other, filler(1130 + n))
        [p] = find_reuse([a, b]).passages
        assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (one, other)


def test_nearly_the_same_headline_line_opening_two_independent_reports_is_not_copying():
    # Extracted pages often open with their headline; two reports of one event give it nearly the
    # same words. A headline line alone is no copied text, but a story copied under it still is.
    head_a = "Harbour pilots strike for a second week as talks with the port authority collapse"
    head_b = "Harbour pilots strike for a second week, talks with the port authority collapse"
    a = art("a", head_a, filler(1300, 60))
    b = art("b", head_b, filler(1301, 60))
    assert find_reuse([a, b]).passages == []
    c = art("c", head_a, SOURCE, filler(1302, 60))
    d = art("d", head_b, SOURCE, filler(1303, 60))
    [p] = find_reuse([c, d]).passages
    assert SOURCE in c.text[p.a_start : p.a_end] and SOURCE in d.text[p.b_start : p.b_end]


def test_headings_are_the_short_lines_that_end_no_sentence_at_the_top():
    t = tokenize("Pilots walk out again\n\nThe pilots walked out. They want pay.\n\nShort line ending here.")
    assert heading_end(t) == 4


def test_a_short_comment_of_the_copiers_own_between_two_copied_sentences_is_left_out():
    # A slanted copy answers each copied sentence with a remark of its own ("Some hope."), a few
    # words, inside the paragraph: short enough to be chained over, it was reported as copied text.
    remark = "Some hope. Really?"
    a = art("a", filler(1310), SOURCE + " " + SECOND, filler(1311))
    b = art("b", filler(1312), SOURCE + " " + remark + " " + SECOND, filler(1313))
    passages = find_reuse([a, b]).passages
    copied = [b.text[p.b_start : p.b_end] for p in passages]
    assert copied == [SOURCE, SECOND]
    assert [a.text[p.a_start : p.a_end] for p in passages] == [SOURCE, SECOND]
    assert len({p.cluster for p in passages}) == 1


def test_a_copied_sentence_whose_closing_names_and_date_were_changed_is_reported_to_its_end():
    # A story reused for another town: "... at the Old Mill Arts Centre on 12 March." and "... at the
    # Riverside Community Hall on 3 April.": five words after the last run, but names and figures,
    # which a copy that changed only those leaves the rest of its sentence around.
    stem = ("Plans for the new swimming pool and sports hall will be shown to residents at an open evening "
            "held at the ")
    orig = SECOND + " " + stem + "Old Mill Arts Centre on 12 March."
    copy = SECOND + " " + stem + "Riverside Community Hall on 3 April."
    a = art("a", filler(1320), orig, filler(1321))
    b = art("b", filler(1322), copy, filler(1323))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (orig, copy)


def test_tokens_say_which_words_begin_with_a_capital():
    t = tokenize('the "Harbour" board (Rivenport) met 12 times')
    assert t.capital.tolist() == [False, True, False, True, False, False, False]


def test_a_release_printed_whole_by_one_outlet_and_in_two_parts_by_another_is_one_cluster():
    # The release's last paragraph only the second outlet took, after its own sentence; the
    # paragraph between it and the opening, which it left out, the first outlet printed. Both
    # parts come from one text with one origin.
    own = "Shares in the three shipping companies fell sharply in early trading on the exchange."
    release = art("release", SOURCE, MIDDLE, SECOND, published=dt.date(2026, 3, 1))
    whole = art("whole", filler(1330, 40), SOURCE, MIDDLE, filler(1331, 40), published=dt.date(2026, 3, 2))
    parts = art("parts", SOURCE, own, SECOND, filler(1332, 40), published=dt.date(2026, 3, 2))
    result = find_reuse([release, whole, parts])
    assert {(p.a, p.b) for p in result.passages} >= {("parts", "release"), ("release", "whole")}
    [cluster] = result.clusters
    assert cluster.origin == "release"


BREAKWATER = (
    "The harbour authority will close the northern breakwater to all fishing boats from the first of May while "
    "divers inspect the cracked concrete blocks that storms loosened last winter, officials said on Wednesday.")
BERTHS = (
    "Skippers who moor there must move their vessels to the old timber quay, where the authority has promised "
    "twenty free berths until the work ends.")
BREAKWATER_BACK = (
    "The harbour authority is going to close the northern breakwater for all the fishing boats from the first of "
    "May while the divers inspect the cracked concrete blocks that the storms loosened in the last winter, said "
    "officials on Wednesday.")
BERTHS_BACK = (
    "Until the end of the work, twenty berths free of charge were promised by the authority at the old quay of "
    "timber, where the skippers who moor there have to move their vessels.")


def test_a_sentence_translated_there_and_back_next_to_a_reworded_copied_one_is_part_of_the_passage():
    # The second sentence keeps its words but not their order: no three words in a row are shared
    # but "move their vessels", so no alignment finds it; beside a copied sentence that was
    # reworded too, in the same paragraph of both, it is the rest of the same translated copy.
    orig, copy = BREAKWATER + " " + BERTHS, BREAKWATER_BACK + " " + BERTHS_BACK
    a = art("a", filler(1340), orig, filler(1341))
    b = art("b", filler(1342), copy, filler(1343))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (orig, copy)


def test_an_own_sentence_alike_in_words_next_to_a_verbatim_copy_is_not_taken_into_it():
    # A copy of a sentence as it stood, followed by the copier's own sentence on the same facts
    # in its own order: the verbatim copy's neighbours were not copied.
    a = art("a", filler(1350), BREAKWATER + " " + BERTHS, filler(1351))
    b = art("b", filler(1352), BREAKWATER + " " + BERTHS_BACK, filler(1353))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (BREAKWATER, BREAKWATER)


def test_a_sentence_translated_there_and_back_between_two_reworded_copied_ones_is_bridged():
    # Between two copied sentences in one paragraph of both texts, the reworded one that no run
    # reaches shares most of its words with its counterpart: one passage, no hole.
    last = ("Fishermen's leaders said the closure would cost each crew several days of work at the busiest time "
            "of the spring season.")
    last_back = ("The leaders of the fishermen said that the closure would cost to each crew several days of work "
                 "in the most busy time of the spring season.")
    orig = " ".join((BREAKWATER, BERTHS, last))
    copy = " ".join((BREAKWATER_BACK, BERTHS_BACK, last_back))
    a = art("a", filler(1360), orig, filler(1361))
    b = art("b", filler(1362), copy, filler(1363))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (orig, copy)


def test_a_paragraph_translated_there_and_back_after_a_reworded_copied_paragraph_is_part_of_the_passage():
    # The same two sentences as paragraphs of their own: the passage filling the first paragraph
    # of both texts takes in the next paragraph of both, alike in its words.
    a = art("a", filler(1370), BREAKWATER, BERTHS, filler(1371))
    b = art("b", filler(1372), BREAKWATER_BACK, BERTHS_BACK, filler(1373))
    [p] = find_reuse([a, b]).passages
    assert a.text[p.a_start : p.a_end] == BREAKWATER + "\n\n" + BERTHS
    assert b.text[p.b_start : p.b_end] == BREAKWATER_BACK + "\n\n" + BERTHS_BACK


def test_a_list_of_short_lines_copied_below_the_first_paragraph_is_copying():
    # Only the lines at the top of a text, before its first sentence, are its headings; a list of
    # demands copied further down, short lines without full stops, is copied text.
    demands = "\n".join(("Free bus travel for every pupil under sixteen in the county",
                         "A second ferry crossing to the islands on winter weekends",
                         "Street lights on every lane used as a school route",
                         "A public inquiry into the closure of the maternity ward"))
    a = art("a", "Campaigners launch petition", filler(1380, 40), demands, filler(1381, 40))
    b = art("b", "Petition launched by campaigners", filler(1382, 40), demands, filler(1383, 40))
    [p] = find_reuse([a, b]).passages
    assert (a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) == (demands, demands)
    t = tokenize("Kicker\nThe headline here\n\nA sentence. Then a line\n\nShort line")
    assert heading_end(t) == 4
    assert heading_end(tokenize("Short line only")) == 3


def test_a_shared_quotation_is_not_taken_on_into_attributions_that_differ():
    # Two outlets quote one sentence and attribute it differently, one by a title and a name, the
    # other in three plain words. The words after the closing mark are not the same sentence with
    # names changed: the passage stays the quotation, which is not reported.
    quote = ("\"We will keep the old harbour open to every fishing boat that needs it, whatever the cost of "
             "the repairs turns out to be,\"")
    a = art("a", filler(1390), quote + " Harbour Master Ingrid Dahl, Port of Varnsborg.", filler(1391))
    b = art("b", filler(1392), quote + " the port said.", filler(1393))
    assert find_reuse([a, b]).passages == []
    assert len(find_reuse([a, b], report_quotations=True).passages) == 1


def test_a_shared_quotation_does_not_grow_into_reports_of_the_same_facts_around_it():
    # Two reports quote one statement (its wording a little different in each) and tell what
    # came before it in their own words, alike in vocabulary but not copied: still no passage.
    quote_a = ("\"We will keep the old harbour open to every fishing boat that needs a berth over the winter, "
               "whatever the repairs end up costing the town,\"")
    quote_b = ("\"We shall keep the old harbour open for each fishing boat that needs a berth during the winter, "
               "whatever the repairs end up costing our town,\"")
    before_a = "Councillors backed a plan on Tuesday evening to buy new pontoons for the harbour for two million crowns."
    before_b = "Two million crowns for pontoons in the harbour were backed by councillors that evening, a Tuesday."
    a = art("a", filler(1400), before_a + " " + quote_a + " the mayor said.", filler(1401))
    b = art("b", filler(1402), before_b + " " + quote_b + " the mayor said.", filler(1403))
    assert find_reuse([a, b]).passages == []
    [p] = find_reuse([a, b], report_quotations=True).passages
    assert a.text[p.a_start : p.a_end].startswith(quote_a[:20])


def test_the_same_names_listed_in_one_order_by_independent_reports_are_not_copying():
    # Two reports of one prize-giving name the same winners in the order the jury read them out,
    # one in a sentence, one as a list: the names and the few words between them are facts any
    # report of the evening gives, as figures are. Copied prose around such names is still found.
    told = ("The four winners are Oskar Lindqvist for the novel, Maja Bergholm for poetry, Runa Falkvik "
            "for the children's book and Eskil Dahlgren for the translation.")
    listed = ("The winners are: Oskar Lindqvist (novel), Maja Bergholm (poetry), Runa Falkvik "
              "(children's book) and Eskil Dahlgren (translation).")
    a = art("a", filler(1410), told, filler(1411))
    b = art("b", filler(1412), listed, filler(1413))
    assert find_reuse([a, b], threshold=0.15).passages == []
    copied = ("The jury chaired by Oskar Lindqvist praised the way Maja Bergholm turned a year of letters "
              "from her grandmother into a book of poems about the northern coast.")
    # (each page goes on with its story after it: the filler alone names nothing and tells of no
    # event, and a copied paragraph followed only by such text has the shape of a closing notice)
    c = art("c", filler(1414), copied, filler(1415), "The prize was first awarded in 1962.")
    d = art("d", filler(1416), copied, filler(1417), "The ceremony was broadcast on the radio.")
    [p] = find_reuse([c, d], threshold=0.15).passages
    assert c.text[p.a_start : p.a_end] == copied


def test_a_closing_notice_about_the_page_itself_printed_under_two_unrelated_articles_is_not_copying():
    # A notice that opens by speaking of the page ("This report ...", "Disclaimer: ...") says what
    # the page is (advice or not, updated, whose reporting), not what its story is: two outlets
    # closing one article each with the same one are not copying each other, though it gives no
    # phone number or address. Printed under two reports that both name what it names, it stays
    # copying (a story's own closing words), as a helpline does.
    notice = ("This report is provided for information only and is not an offer or a recommendation to buy or "
              "sell any security. Opinions in it are the writer's at the time of writing and may change.")
    labelled = ("Disclaimer: nothing on this page is an offer or a recommendation to buy or sell any security, "
                "and opinions in it are the writer's at the time of writing and may change.")
    day = dt.date(2025, 4, 1)
    for text in (notice, labelled):
        docs = [art("ledger", filler(1420), filler(1421), text, outlet="Ledger", published=day),
                art("weekly", filler(1422), text, outlet="Weekly", published=day + dt.timedelta(days=2))]
        result = find_reuse(docs)
        assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    named = notice.replace("any security", "shares in Varnholm Mining")
    docs = [art("ledger", "Varnholm Mining cut its forecast. " + filler(1420), named, outlet="Ledger", published=day),
            art("weekly", filler(1422) + " Shares in Varnholm Mining fell.", named, outlet="Weekly",
                published=day + dt.timedelta(days=2))]
    assert len(find_reuse(docs).passages) == 1


@pytest.mark.parametrize("post, repost", [
    ("URGENT: THE WATER BOARD SAYS THE SUPPLY TO THE EASTERN ESTATES WILL BE CUT FROM MIDNIGHT UNTIL "
     "THURSDAY MORNING, SO FILL YOUR BATHS AND BOTTLES TONIGHT AND CHECK ON ANY NEIGHBOURS WHO LIVE ALONE.",
     "THE WATER BOARD NOW SAYS THE SUPPLY TO ALL THE EASTERN ESTATES WILL BE SHUT OFF FROM MIDNIGHT UNTIL "
     "THURSDAY MORNING, SO PLEASE FILL YOUR BATHS AND BOTTLES TONIGHT AND CHECK ON NEIGHBOURS LIVING ALONE."),
    # a figure is no lower-case word: a sentence in capitals with dates in it still marks no names
    ("THE COUNTY LIBRARY IN MARSTON WILL SHUT ON 3 APRIL FOR REPAIRS TO ITS ROOF AND WILL NOT OPEN AGAIN "
     "BEFORE 15 SEPTEMBER, SO RETURN EVERY BOOK YOU HAVE BORROWED BY THE END OF MARCH.",
     "THE COUNTY LIBRARY IN MARSTON IS TO SHUT ON 3 APRIL FOR REPAIRS TO THE ROOF AND WILL NOT REOPEN "
     "BEFORE 15 SEPTEMBER, SO PLEASE RETURN EVERY BOOK YOU BORROWED BY THE END OF MARCH."),
])
def test_a_lightly_edited_copy_written_in_capitals_is_still_copying(post, repost):
    # Capitals mark names only in text that has lower case: a post in capital letters copied with a
    # few words changed has short runs between its edits, every word of them capitalised, and none
    # of them is a name to leave out.
    a = art("a", filler(1430), post, filler(1431))
    b = art("b", filler(1432), repost, filler(1433))
    [p] = find_reuse([a, b]).passages
    assert b.text[p.b_start : p.b_end] == repost and post.endswith(a.text[p.a_start : p.a_end])  # less 'URGENT:'
    assert len(a.text[p.a_start : p.a_end]) > 0.9 * len(post)


@pytest.mark.parametrize("notice", [
    "Comments on this story are checked by our moderators before they appear. Please keep your comments "
    "polite and on topic; we remove personal attacks and anything that may be unlawful.",
    "Our website stores small files on your device to remember your settings and to count visits. You may "
    "refuse them, but some parts of the site may then not work as you expect.",
])
def test_a_closing_notice_in_the_publications_own_voice_under_two_unrelated_articles_is_not_copying(notice):
    # A notice that names the page or the publication and speaks as it or to its reader ("our
    # moderators", "your device") is the publication talking about itself, not its story: two
    # outlets closing one article each with the same one are not copying each other, though it
    # gives no contact and does not open with "This article". A story's last paragraph that names
    # the outlet in the third person only ("told this paper") is still a copied last paragraph.
    day = dt.date(2025, 5, 6)
    docs = [art("gazette", filler(1440), filler(1441), notice, outlet="Gazette", published=day),
            art("tribune", filler(1442), notice, outlet="Tribune", published=day + dt.timedelta(days=1))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    last = ("The harbour master told this paper that the dredging would resume in the spring once the "
            "divers had finished checking the wreck near the old lighthouse pier.")
    docs = [art("gazette", filler(1440), filler(1441), last, outlet="Gazette", published=day),
            art("tribune", filler(1442), last, outlet="Tribune", published=day + dt.timedelta(days=1))]
    assert len(find_reuse(docs).passages) == 1


def test_a_long_line_up_of_names_in_one_order_in_independent_reports_is_not_copying():
    # Two reports of one cup final name the same starting eleven in the order the club announced
    # them: a run of more than LIST_RUN words, but of names only, which every report of the match
    # gives. A long run counts whole only as a table with figures in it (a copied results list).
    eleven = ("Ivar Tollefsen, Brede Kvam, Sindre Ovesen, Halvor Rygg, Teodor Mjelde, Amund Skarsvik, "
              "Lauritz Berntsen, Ottar Hegge, Vemund Lillehaug, Torgrim Nesje and Audun Falkenberg")
    a = art("a", filler(1450), f"The home side started with {eleven}, unchanged from the semi-final.", filler(1451))
    b = art("b", filler(1452), f"Coach Per Vassbotn named {eleven} in his team, as expected.", filler(1453))
    assert find_reuse([a, b], threshold=0.15).passages == []


def test_a_quotation_with_the_same_attribution_words_in_independent_reports_is_not_copying():
    # Two reports quote one statement and attribute it in the same plain words in its sentence
    # ("..., the harbour master told boat owners at a meeting in Varnsborg on Thursday."); their
    # own intros before it share a few single words. The attribution belongs to the quotation,
    # and what the chain took in one word at a time is chance: no passage, unless quotations are
    # asked for, and then the quotation with its attribution only.
    quote = ("\"Nobody will lose a berth this winter. Every boat that is moored in the old harbour today will still "
             "have a place there in March, and the town will pay for the pontoons,\"")
    said = " the harbour master told boat owners at a meeting in Varnsborg on Thursday."
    intro_a = "Councillors want owners, the harbour board and the town to agree on new pontoons before the winter."
    intro_b = "The harbour master has called owners and the town together for a meeting on pontoons for the winter."
    a = art("a", filler(1460), intro_a + "\n\n" + quote + said, filler(1461))
    b = art("b", filler(1462), intro_b + "\n\n" + quote + said, filler(1463))
    assert find_reuse([a, b]).passages == []
    [p] = find_reuse([a, b], report_quotations=True).passages
    assert a.text[p.a_start : p.a_end] == quote + said


def test_a_short_sentence_with_figures_moved_inside_a_copied_paragraph_is_copied_too():
    # A copy reorders one paragraph's sentences; its shortest, "The fund raised 48,000 crowns in
    # six weeks.", has too few words around its figures to be a passage alone. Beside the copied
    # sentences of its paragraph it was copied with them; shared alone it stays a shared fact.
    moved = "Organisers said the appeal fund had raised 48,000 crowns in six weeks."
    others = ["The old lifeboat station on the north pier will be turned into a small maritime museum next spring.",
              "Volunteers have already restored the station's wooden doors and its slipway winch by hand.",
              "The museum will show the rescue boat that served the harbour from 1931 until the late sixties.",
              "A cafe run by the sea scouts is planned for the former crew room on the upper floor."]
    a = art("a", filler(1470), " ".join([*others, moved]), filler(1471))
    b = art("b", filler(1472), " ".join([moved, others[2], others[0], others[3], others[1]]), filler(1473))
    passages = find_reuse([a, b]).passages
    assert any(a.text[p.a_start : p.a_end] == moved and b.text[p.b_start : p.b_end] == moved for p in passages)
    c = art("c", filler(1474), moved, filler(1475))
    d = art("d", filler(1476), moved, filler(1477))
    assert find_reuse([c, d]).passages == []


def test_a_lightly_edited_paragraph_quoted_by_one_text_only_is_copying():
    # An op-ed puts a report's paragraph inside quotation marks with a word changed every few
    # words; the report has no quotation there. Its runs are short, each under a passage's
    # evidence, but together they are the report's words outside any quotation: copying, and no
    # shared quotation to cut down to (that once failed with an IndexError).
    report = ("The new ferry will carry two hundred cars and run every hour between the islands from May, "
              "the operator said, and tickets for islanders will cost less than half of what visitors pay "
              "during the busy summer months when the queues at the harbour grow long.")
    quoted = ("\"The new ferry will carry 200 cars and sail every hour between the islands from June, the "
              "company said, and fares for islanders would cost less than half of what tourists pay during "
              "the long summer months when the lines at the harbour grow long.\"")
    a = art("a", filler(1480), "Read what the paper actually printed: " + quoted, filler(1481))
    b = art("b", filler(1482), report, filler(1483))
    [p] = find_reuse([a, b]).passages
    assert len(b.text[p.b_start : p.b_end]) > 0.8 * len(report)


@pytest.mark.parametrize("notices", [
    # to whoever is affected, in the third person
    ["Readers worried about any of the matters raised above can turn to their family doctor or to the "
     "counselling service at their school or place of work, whatever the hour."],
    # to the reader, in the second person
    ["Should you find yourself falling behind with rent or bills, you are not the only one. Advice that "
     "costs nothing is offered in every town, and nobody needs to wait until things get worse."],
    # in the passive, as a rule that holds for any case
    ["Everyone accused of an offence is regarded as innocent unless a court finds otherwise. An arrest is "
     "not a conviction, and charges may be dropped before any trial takes place."],
    # two such notices, one after the other, closing the first page
    ["Everyone accused of an offence is regarded as innocent unless a court finds otherwise. An arrest is "
     "not a conviction, and charges may be dropped before any trial takes place.",
     "Readers worried about any of the matters raised above can turn to their family doctor or to the "
     "counselling service at their school or place of work, whatever the hour."],
])
def test_a_closing_notice_that_names_nothing_and_tells_nothing_that_happened_is_not_copying(notices):
    # A notice any article could close with names no one, gives no figure and tells of no event:
    # printed once each by two outlets under unrelated articles, it is neither copying nor either
    # outlet's boilerplate, whatever its voice, and though it gives no contact; so is a notice that
    # only other such notices follow. A story's last paragraph without names or figures still
    # tells what happened ("said", "had", "was"), and shared alone it stays a copied paragraph.
    day = dt.date(2025, 6, 2)
    docs = [art("mercury", filler(1490), filler(1491), *notices, outlet="Mercury", published=day),
            art("sentinel", filler(1492), notices[0], outlet="Sentinel", published=day + dt.timedelta(days=3))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    told = ("The crew said the engine had failed twice on the way out before the boat was towed back into "
            "the harbour by a passing trawler late in the evening.")
    docs = [art("mercury", filler(1490), filler(1491), told, outlet="Mercury", published=day),
            art("sentinel", filler(1492), told, outlet="Sentinel", published=day + dt.timedelta(days=3))]
    assert len(find_reuse(docs).passages) == 1


def test_a_list_of_many_names_in_one_order_in_independent_reports_is_not_copying():
    # Two reports of one honours list name the same forty-odd people in the order the list gave
    # them, in one sentence with no lower-case word for dozens of words around its middle names:
    # they are still names, and every report of the list gives them.
    first = ["Hallvard", "Ingeborg", "Torstein", "Gudrun", "Asbjørn", "Solveig", "Eilif", "Ragna", "Tormod",
             "Liv", "Ketil", "Borghild", "Sjur", "Aslaug", "Vebjørn", "Herdis", "Osvald", "Gunvor", "Alv",
             "Synnøve", "Trygve", "Oddny"]
    last = ["Rønneberg", "Kvalheim"]
    names = [f"{f} {s}" for s in last for f in first]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    a = art("a", filler(1500), f"The honours go to {listed}.", filler(1501))
    b = art("b", filler(1502), f"Those honoured this year: {listed}.", filler(1503))
    assert find_reuse([a, b], threshold=0.15).passages == []


def test_a_paragraph_a_reissued_text_added_has_the_reissue_as_its_origin():
    # An agency issues a notice, then reissues it the next day with a paragraph added; a paper
    # prints the reissue's first paragraph and the added one. The first paragraph is a text from
    # the first issue; the added one, next to it in the paper and in the same order in the reissue,
    # came from the reissue, and a cluster joining them would name for it an article that never
    # printed it.
    old = [("The county will shut the coast road between the two ferry piers on three nights next week so that "
            "crews can replace the crash barriers along the cliff section."),
           ("The road will be shut from nine in the evening until six in the morning, and traffic will be sent "
            "over the inland route past the old quarry and the reservoir.")]
    added = ("Cyclists may still use the road while it is shut, but must walk past the crews where the barriers "
             "are being lifted into place by the crane on the southern bend.")
    day = dt.date(2025, 7, 1)
    first = art("first", filler(1510), *old, filler(1511), outlet="County", published=day)
    again = art("again", filler(1512), *old, added, filler(1513), outlet="County", published=day + dt.timedelta(days=1))
    paper = art("paper", filler(1514), old[0], added, filler(1515), outlet="Paper", published=day + dt.timedelta(days=2))
    result = find_reuse([first, again, paper])
    origins = {paper.text[m[1] : m[2]]: c.origin for c in result.clusters for m in c.members if m[0] == "paper"}
    assert origins == {old[0]: "first", added: "again"}


@pytest.mark.parametrize("notice", [
    # a support service that names itself, in the third person
    ("Anyone troubled by the matters in this report can speak to the Harbour Lights Helpline, in confidence "
     "and free of charge, at any hour of the day or night."),
    # a newsletter that names itself, to the reader
    ("Sign up to the Morning Ledger, the free briefing that brings the stories that matter to your inbox "
     "before breakfast on every weekday."),
])
def test_a_closing_notice_that_names_only_its_own_service_is_not_copying(notice):
    # A notice printed under unrelated articles names who runs it (a helpline, a newsletter) and
    # nothing else: no figure, no event. Neither article names that service above it, so the name
    # ties it to no shared story. A closing paragraph naming something both stories name is theirs.
    day = dt.date(2025, 8, 4)
    docs = [art("ledger", filler(1520), filler(1521), notice, outlet="Ledger", published=day),
            art("gazette", filler(1522), notice, outlet="Gazette", published=day + dt.timedelta(days=2))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    name = notice.split(" the ")[1].split(",")[0]
    docs = [art("ledger", filler(1520) + f" It was the {name} that called.", notice, outlet="Ledger", published=day),
            art("gazette", filler(1522) + f" The {name} is new.", notice, outlet="Gazette",
                published=day + dt.timedelta(days=2))]
    assert len(find_reuse(docs).passages) == 1


def test_a_paragraph_naming_several_people_and_places_closing_two_articles_is_copying():
    # A copied last paragraph that names two people and a place is a story's, not a service's
    # notice, though it gives no figure and tells of no event in the past tense: the story above
    # it in the article it came from names them too.
    closing = ("Ingrid Solberg and Tomas Ekdal will lead the walk from Farnholm church along the river path, "
               "and everyone is welcome to join them on the way.")
    day = dt.date(2025, 8, 4)
    docs = [art("ledger", filler(1530), "The parish of Farnholm holds its autumn walk on Sunday.", closing,
                outlet="Ledger", published=day),
            art("gazette", filler(1532), closing, outlet="Gazette", published=day + dt.timedelta(days=2))]
    assert len(find_reuse(docs).passages) == 1


@pytest.mark.parametrize("notice", [
    # a columnist's bio line under two of her columns, in two outlets
    ("Jorun Vikstad teaches economic history at the University of Brenna and is the author of a book on "
     "the herring trade."),
    # a grant credit about the reporting itself, in the past tense
    ("This coverage was made possible by a grant from the Open Harbour Trust, which had no influence over "
     "its content."),
])
def test_a_closing_line_about_the_writer_or_the_funding_under_two_unrelated_articles_is_not_copying(notice):
    # Who wrote a piece or who paid for the reporting is said under it, naming people and bodies the
    # articles themselves never name; printed once under each of two unrelated articles, neither
    # copied it from the other.
    day = dt.date(2025, 9, 8)
    docs = [art("review", filler(1580), filler(1581), notice, outlet="Review", published=day),
            art("observer", filler(1582), notice, outlet="Observer", published=day + dt.timedelta(days=9))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1


def test_a_standings_table_in_columns_printed_by_two_outlets_is_not_copying():
    # Standings in columns (rank, team, then played, won, drawn, lost, points) are the data every
    # outlet printing the table gives in the one layout a table has: two sports pages printing the
    # same round's table under reports of different matches are not copying each other. A list
    # with words and punctuation of its writer's (a results list in sentences) still is.
    teams = ["Eastgate Rovers", "Mill Town", "Quarry Athletic", "Kestrel United", "Old Bridge", "Riverside",
             "Harbour Albion", "Saltmarsh"]
    rows = "\n".join(f"{k + 1} {team} 20 {12 - k} {4} {4 + k} {40 - 3 * k}" for k, team in enumerate(teams))
    a = art("a", filler(1540), "Standings after round 20:", rows, filler(1541))
    b = art("b", filler(1542), "How the league stands:", rows)
    assert find_reuse([a, b]).passages == []
    assert find_reuse([a, b], threshold=0.15).passages == []
    listed = " ".join(f"{team} beat {other} {k + 2}-{k}, with a crowd of {1000 + 37 * k}." for k, (team, other)
                      in enumerate(zip(teams, reversed(teams))))
    a = art("a", filler(1540), listed, filler(1541))
    b = art("b", filler(1542), listed)
    assert len(find_reuse([a, b]).passages) == 1


def test_a_reissues_added_paragraph_printed_right_after_the_old_ones_has_the_reissue_as_its_origin():
    # A ministry reissues a statement with a paragraph added after the old ones; a paper prints the
    # reissue's paragraphs as they stand, the added one straight after the old, nothing cut between.
    # The alignment with the reissue runs over both as one passage, but the first statement printed
    # only the old ones: the added paragraph is a text of its own, first printed by the reissue.
    old = [("The ministry will close the northern ferry terminal for four weeks from the start of next month "
            "while engineers strengthen the loading ramp and replace the worn fenders."),
           ("Passengers will be carried by bus to the southern terminal, where extra sailings have been added "
            "to the timetable in the mornings and the late afternoon.")]
    added = ("Season ticket holders will be offered a refund for the weeks of the closure, which they can claim "
             "at any ticket office or through the operator once the works are finished.")
    day = dt.date(2025, 9, 1)
    first = art("first", *old, "Press office: ministry of transport.", outlet="Ministry", published=day)
    again = art("again", "This statement replaces the one issued yesterday.", *old, added,
                "Press office: ministry of transport.", outlet="Ministry", published=day + dt.timedelta(days=1))
    paper = art("paper", filler(1550), *old, added, filler(1551), outlet="Paper", published=day + dt.timedelta(days=2))
    result = find_reuse([first, again, paper])
    origins = {paper.text[m[1] : m[2]]: c.origin for c in result.clusters for m in c.members if m[0] == "paper"}
    assert origins == {"\n\n".join(old): "first", added: "again"}


def test_a_speech_quoted_whole_by_one_report_and_in_pieces_by_another_is_not_copying():
    # One report quotes a minister's sentence whole; another quotes it in two pieces with words of
    # its own between them ('... would "..." and that she had been "..."'). Neither copied the
    # other: the words only one report has are no part of what they share. A paragraph copied with
    # its pieces of quotation and its own words between them is copying.
    whole = ("\"We will never again let a foreign board decide which mill stays open and then close its gates on "
             "the workers who built it,\" the minister told the union congress.")
    pieces = ("The minister said the country would not \"let a foreign board decide which mill stays open\" and "
              "that it had been made to \"close its gates on the workers\" too often, to loud applause.")
    a = art("a", filler(1560), whole, filler(1561))
    b = art("b", filler(1562), pieces, filler(1563))
    assert find_reuse([a, b]).passages == []
    c = art("c", filler(1564), pieces, filler(1565))
    [p] = find_reuse([b, c]).passages
    assert b.text[p.a_start : p.a_end] == pieces


def test_a_quotation_beside_shared_figures_in_independent_reports_is_not_copying():
    # Two reports of one speech give the same pledge in figures in their own words and then the
    # same quoted sentence; the figures and their units chain the quotation to the sentence before
    # it, but figures are facts both reports give, and the passage is still only a quotation.
    quote = "\"not one family in this valley will be asked to leave a home that the river has spared\""
    a = art("a", filler(1570), "She pledged 250 million crowns over ten years for new embankments, and promised "
             "that " + quote + ".", filler(1571))
    b = art("b", filler(1572), "The government will put 250 million crowns over ten years for new embankments. "
             "The prime minister said " + quote + ".", filler(1573))
    assert find_reuse([a, b]).passages == []


def test_a_copied_paragraph_followed_by_a_line_naming_someone_is_no_closing_notice():
    # A paragraph of advice that names nothing, copied into the middle of another report: each
    # page goes on with a line of its own that names someone. Only notices may follow a closing
    # notice, and a line naming a person or a body is the page's story, whoever else it names.
    advice = ("Everyone who lives along the river should keep sandbags ready, move valuables upstairs and "
              "leave the low road to the emergency crews until the water goes down again.")
    day = dt.date(2025, 10, 6)
    docs = [art("first", filler(1590), advice, "Crews from Tarnby Rescue are on standby all night.",
                outlet="First", published=day),
            art("second", filler(1592), advice, "The pumps are run by Osterholm Water this year.",
                outlet="Second", published=day + dt.timedelta(days=1))]
    assert len(find_reuse(docs).passages) == 1


POOL = ("The council has approved 4.8 million crowns to replace the leaking roof of the Brekke swimming hall, "
        "which has been closed since a storm tore off a section of it in January.")
POOL_SHORT = "The pool reopens in May."


def test_a_one_line_sentence_beside_a_copied_paragraph_is_copied_however_short():
    # A copier takes a paragraph and the one-line sentence after it, leaving out a paragraph of the
    # source between them: the sentence is shorter than min_chars and has too few words to be a
    # passage alone, but it stands right after the same copied paragraph in both texts.
    source = art("source", filler(1600), POOL, filler(1601, 40), POOL_SHORT, filler(1602))
    copy = art("copy", filler(1603), POOL, POOL_SHORT, filler(1604))
    result = find_reuse([source, copy])
    shared = sorted((source.text[slice(*side(p, source))], copy.text[slice(*side(p, copy))]) for p in result.passages)
    assert shared == sorted([(POOL, POOL), (POOL_SHORT, POOL_SHORT)])
    assert len(result.clusters) == 1
    # before the copied paragraph, as after it
    copy = art("copy", filler(1603), POOL_SHORT, POOL, filler(1604))
    source = art("source", filler(1600), POOL_SHORT, filler(1601, 40), POOL, filler(1602))
    assert len(find_reuse([source, copy]).passages) == 2


def test_a_one_line_sentence_far_from_copied_text_or_alone_is_not_copying():
    # The same short sentence with nothing copied beside it is a commonplace two reports may share;
    # so it is more than a paragraph away from the copied text in one of them.
    source = art("source", filler(1610), POOL_SHORT, filler(1611))
    other = art("other", filler(1612), POOL_SHORT, filler(1613))
    assert find_reuse([source, other]).passages == []
    source = art("source", filler(1600), POOL, filler(1601, 30), filler(1605, 30), filler(1606, 30), POOL_SHORT)
    copy = art("copy", filler(1603), POOL, POOL_SHORT, filler(1604))
    result = find_reuse([source, copy])
    assert [source.text[slice(*side(p, source))] for p in result.passages] == [POOL]


@pytest.mark.parametrize("rights", [
    "© 2025 Harbour Wire Service. All rights reserved. No part of this story may be reproduced or "
    "redistributed without written consent.",
    "Copyright 2025 Harbour Wire Service. Reproduction or redistribution of this material in any form is "
    "prohibited without prior written consent.",
])
def test_a_wire_copyright_line_under_two_unrelated_articles_is_not_copying(rights):
    # A wire's rights line (its name, a year, what others may not do) under two unrelated stories
    # of two outlets that print its copy says whose text the page is, not what either story is.
    day = dt.date(2025, 11, 3)
    docs = [art("coast", filler(1620), filler(1621), rights, outlet="Coast", published=day),
            art("metro", filler(1622), rights, outlet="Metro", published=day + dt.timedelta(days=3))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1


def test_a_sentence_the_copier_dropped_before_a_reworded_paragraph_stays_out_of_the_passage():
    # A copy takes a paragraph word for word but for its last sentence, then the next paragraph
    # with a few words reworded. The reworded passage takes in text next to it whose words are
    # alike, but not text another passage holds: the dropped sentence, which only the source has,
    # stays outside what the two share.
    first = ("The ferry company will add a third daily crossing to Skarvoy from the first of June, after a "
             "summer in which hundreds of foot passengers were turned away at the quay.")
    dropped = "Cars will still have to be booked a day ahead."
    said = ("Harbour master Leif Ronning said the extra crossing had been the most common complaint from "
            "island shopkeepers for four summers running.")
    reworded = ("Harbour master Leif Ronning said the extra crossing had been the most frequent complaint from "
                "island shopkeepers for four summers in a row.")
    source = art("source", filler(1630), first + " " + dropped, said, filler(1631))
    copy = art("copy", filler(1632), first, reworded, filler(1633))
    result = find_reuse([source, copy])
    covered = [source.text[slice(*side(p, source))] for p in result.passages]
    assert any(first in text for text in covered) and any(said in text for text in covered)
    assert not any(dropped in text for text in covered)


@pytest.mark.parametrize("notice", [
    # a footer in a script without capitals (Arabic): nothing in it can mark a name
    "لمزيد من الأخبار العاجلة اشتركوا في نشرتنا البريدية اليومية وتابعوا صفحاتنا على مواقع التواصل الاجتماعي.",
    # a rights line whose opening symbol is no word: the passage starts at the year
    "© 2025 Agencia Sur. Queda prohibida la reproducción total o parcial de este contenido sin la autorización "
    "previa y por escrito de la agencia.",
])
def test_a_notice_in_another_script_or_opening_with_a_symbol_under_two_unrelated_articles_is_not_copying(notice):
    day = dt.date(2025, 12, 1)
    docs = [art("north", filler(1640), filler(1641), notice, outlet="North", published=day),
            art("south", filler(1642), notice, outlet="South", published=day + dt.timedelta(days=4))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1


def test_tokens_read_entities_wide_characters_and_words_joined_by_a_dash_as_a_reader_sees_them():
    # Outlets copy through CMSs and converters: an HTML entity left unconverted ("&amp;",
    # "&#8217;", "&nbsp;"), a ligature or a full-width digit from a PDF or an Asian page, an em
    # dash or a full-width comma with no space around it. A reader sees the same words as in the
    # source, so the keys are the same words; offsets still point into the text as it stands.
    text = ("in March\u2014a year, Nyberg &amp; Sons don&#8217;t 260&nbsp;people \uff11\uff14\uff10 \ufb01nal "
            "negotiator\uff0cSofie forever\u2026but promise&mdash;but crowns--6")
    t = tokenize(text)
    assert t.norms == ["in", "march", "a", "year", "nyberg", "sons", "dont", "260", "people", "140", "final",
                       "negotiator", "sofie", "forever", "but", "promise", "but", "crowns", "6"]
    assert [text[s:e] for s, e in zip(t.starts[:3], t.ends[:3])] == ["in", "March\u2014", "a"]
    assert text[t.starts[-2]:t.ends[-1]] == "crowns--6"
    # a dash that joins words cuts there as a spaced one does; an ellipsis ends a sentence as "..." does
    spaced = tokenize("in March - a year forever... but")
    assert bool(t.cut_after[1]) == bool(spaced.cut_after[1]) is True
    assert bool(t.sentence_end[13]) is True and bool(spaced.sentence_end[4]) is True
    # a credit a Chinese page puts in full-width brackets right after the last full stop is words of its own
    cjk = tokenize("the lower output.\uff08\u6765\u6e90\uff1a\u5317\u7ebf\u901a\u8baf\u793e\uff09")
    assert cjk.norms == ["the", "lower", "output", "\u6765\u6e90", "\u5317\u7ebf\u901a\u8baf\u793e"]
    assert bool(cjk.sentence_end[2]) is True


def test_a_copy_whose_converter_joined_words_with_wide_commas_and_dashes_is_reported_whole():
    src = ("The unions' lead negotiator, Sofie Brandt, said the deal was not everything they had asked for but "
           "a real step forward, and that members would vote on it before Christmas - the employers, for their "
           "part, said the offer would cost the counties a great deal, though less than a long strike.")
    copy = src.replace(", ", "\uff0c").replace(" - ", "\u2014").replace("'", "&#8217;")
    a = art("a", filler(1600), src, filler(1601), published=dt.date(2026, 1, 1))
    b = art("b", filler(1602), copy, filler(1603), published=dt.date(2026, 1, 2))
    [p] = find_reuse([a, b]).passages
    assert a.text[p.a_start:p.a_end] == src and b.text[p.b_start:p.b_end] == copy


def test_a_zero_width_space_standing_for_a_space_is_read_as_a_space_where_the_collection_has_both_words():
    # A CMS or a converter leaves U+200B where a space stood ("on\u200bWednesday") or inside a word
    # ("libr\u200barian"); a reader sees neither. Where the collection writes the joined word nowhere
    # else and both halves elsewhere as words, it stands for a space; otherwise it is inside a word.
    src = ("The head librarian said on Wednesday that the library would hold a flea market for second-hand "
           "books in the new sports hall every Saturday until the end of the summer.")
    copy = (src.replace("on Wednesday", "on\u200bWednesday").replace("flea market", "flea\u200bmarket")
            .replace("sports hall", "sports\u200bhall").replace("librarian", "libr\u200barian"))
    a = art("a", filler(1604), src, filler(1605), published=dt.date(2026, 1, 1))
    b = art("b", filler(1606), copy, filler(1607), published=dt.date(2026, 1, 2))
    [p] = find_reuse([a, b]).passages
    assert a.text[p.a_start:p.a_end] == src and b.text[p.b_start:p.b_end] == copy
    assert p.score == 1.0
    # after a hyphen it marks where a compound may break at a line's end, and stays
    texts = ["a long\u2011\u200bterm plan and a long-\u200bterm loan", "the long and the short term"]
    assert spaced_zero_width(texts, [tokenize(t) for t in texts]) == {}
    assert spaced_zero_width(["on\u200bMonday", "on Monday"], [tokenize("on\u200bMonday"), tokenize("on Monday")]) == {
        0: "on Monday"}


def test_quoted_regions_read_quotation_marks_left_as_html_entities():
    text = 'She said: &quot;We will not wait.&quot; Then &ldquo;never again&rdquo; was heard.'
    regions = quoted_regions(text)
    assert [text[s:e] for s, e in regions] == ["&quot;We will not wait.&quot;", "&ldquo;never again&rdquo;"]


def test_one_quotation_in_html_entities_cited_by_independent_articles_is_not_copying():
    a = art("a", filler(1610), f'Speaking in the flooded town, the premier said: "{QUOTE}."', filler(1611))
    b = art("b", filler(1612, 80), f"&quot;{QUOTE},&quot; she told reporters.", filler(1613))
    result = find_reuse([a, b])
    assert result.passages == [] and result.stats["quotation_passages"] == 1


def test_quoted_regions_read_single_quotation_marks_left_as_html_entities():
    text = ("She said: &#8216;We can&#39;t wait.&#8217; Then &lsquo;never again&rsquo; was heard, "
            "and the farmers&rsquo; union agreed.")
    regions = quoted_regions(text)
    assert [text[s:e] for s, e in regions] == ["&#8216;We can&#39;t wait.&#8217;", "&lsquo;never again&rsquo;"]


def test_one_quotation_in_single_quote_entities_cited_by_independent_articles_is_not_copying():
    a = art("a", filler(1614), f"Speaking in the flooded town, the premier said: &#8216;{QUOTE}.&#8217;", filler(1615))
    b = art("b", filler(1616, 80), f"\u2018{QUOTE},\u2019 she told reporters.", filler(1617))
    result = find_reuse([a, b])
    assert result.passages == [] and result.stats["quotation_passages"] == 1


@pytest.mark.parametrize("banner", [
    "We use cookies to personalise content and to analyse our traffic. By continuing to use this site you "
    "accept our use of cookies. You can change your preferences at any time.",
    "Subscribe to the Harbour Gazette for unlimited access to local news. Already a subscriber? Log in to "
    "continue reading.",
])
@pytest.mark.parametrize("outlets", [("Gazette", "Tribune"), ("Gazette", "Gazette")])
def test_a_banner_opening_two_unrelated_pages_is_not_copying(banner, outlets):
    # A consent or subscription banner is a notice above a page's own article, as a helpline is one
    # under it: two unrelated pages opening with the same one (two outlets, or one outlet's two
    # pages, too few for its boilerplate) are not copying. A copied first paragraph of a story
    # tells of its events and stays copying.
    day = dt.date(2026, 3, 2)
    docs = [art("p1", banner, filler(1620), filler(1621), outlet=outlets[0], published=day),
            art("p2", banner, filler(1622), outlet=outlets[1], published=day + dt.timedelta(days=1))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    lead = ("Twelve farms east of Lindvik were evacuated on Sunday afternoon as a forest fire driven by a "
            "strong westerly wind crossed the county road and came within 300 metres of the first houses.")
    docs = [art("p1", lead, filler(1620), outlet=outlets[0], published=day),
            art("p2", lead, filler(1622), outlet=outlets[1], published=day + dt.timedelta(days=1))]
    assert len(find_reuse(docs).passages) == 1


@pytest.mark.parametrize("above", [("Ice rink opens for the season", "Night bus returns"),
                                   ("Skip to main content", "Cold snap to last into February")])
def test_a_banner_under_a_headline_line_opening_two_unrelated_pages_is_not_copying(above):
    # An extracted page often opens with its headline (or a "Skip to main content" link) above the
    # banner: a heading line (short, ending no sentence) is no text of the page's own before it.
    banner = ("We and our partners use cookies and similar technologies to store and access information on "
              "your device, to show you relevant content and to measure how our site is used.")
    own = ("The outdoor ice rink at Lunde opens on Saturday after a week of frost, two weeks later than last "
           "year, the council's sports office said. Skates can be hired at the kiosk for 50 crowns.",
           "The night bus between Kvarn and Dunmere will run again on Fridays from February, a year after it "
           "was cut, the county said on Monday. The last bus leaves Dunmere at 2.30am.")
    day = dt.date(2026, 3, 2)
    docs = [art("p1", above[0], banner, own[0], outlet="Gazette", published=day),
            art("p2", above[1], banner, own[1], outlet="Tribune", published=day + dt.timedelta(days=1))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    lead = ("Twelve farms east of Lindvik were evacuated on Sunday afternoon as a forest fire driven by a "
            "strong westerly wind crossed the county road and came within 300 metres of the first houses.")
    docs = [art("p1", above[0], lead, own[0], outlet="Gazette", published=day),
            art("p2", above[1], lead, own[1], outlet="Tribune", published=day + dt.timedelta(days=1))]
    assert len(find_reuse(docs).passages) == 1


def test_a_sign_up_line_inside_two_pages_of_one_outlet_is_not_copying():
    # An outlet's newsletter line put between the paragraphs of two unrelated stories, naming the
    # outlet and speaking to the reader: its boilerplate on two pages (too few for the three-page
    # rule), not a story it printed twice. Between two outlets, or telling of an event, the same
    # place holds a copy.
    line = ("Sign up to the Harbour Gazette's free morning newsletter and get the day's top local stories in "
            "your inbox before 7am.")
    stories = (("The outdoor ice rink at Lunde opens on Saturday after a week of frost, the council's sports "
                "office said.", "Skates can be hired at the kiosk for 50 crowns, and entry is free for children."),
               ("The night bus between Kvarn and Dunmere will run again on Fridays from February, the county "
                "said on Monday.", "The last bus leaves Dunmere at 2.30am and stops at the hospital."))
    day = dt.date(2026, 3, 2)
    docs = [art("p1", stories[0][0], line, stories[0][1], outlet="Harbour Gazette", published=day),
            art("p2", stories[1][0], line, stories[1][1], outlet="Harbour Gazette", published=day + dt.timedelta(days=1))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    event = ("Twelve farms east of Lindvik were evacuated on Sunday afternoon as a forest fire driven by a "
             "strong westerly wind crossed the county road and came within 300 metres of the first houses.")
    docs = [art("p1", stories[0][0], event, stories[0][1], outlet="Harbour Gazette", published=day),
            art("p2", stories[1][0], event, stories[1][1], outlet="Harbour Gazette", published=day + dt.timedelta(days=1))]
    assert len(find_reuse(docs).passages) == 1


def test_a_paragraph_closing_one_page_and_opening_the_other_is_a_copy_not_a_notice():
    # A notice sits where notices sit on both pages, closing both or opening both. One paragraph
    # that ends one story and leads the other is a copy, even when it names nothing the rule for
    # notices can see (a name in another script, a statement with no name in it).
    day = dt.date(2026, 3, 2)
    shared = ("The reform will be passed before the summer, despite the protests of the unions, and the "
              "government will not wait for anyone to change its mind about it.")
    docs = [art("p1", filler(1630), shared, outlet="Gazette", published=day),
            art("p2", shared, filler(1631), outlet="Tribune", published=day + dt.timedelta(days=1))]
    result = find_reuse(docs)
    assert len(result.passages) == 1 and result.stats["boilerplate_passages"] == 0


def test_a_wire_credit_line_under_two_unrelated_stories_with_one_byline_is_not_copying():
    # "(Reporting by ...; editing by ...)" says who made the page, as "This article has been
    # updated ..." does; the byline both stories carry names the same reporter, which ties neither
    # story to the other.
    credit = ("(Reporting by Tove Lindahl in Karnholm; additional reporting by Nils Aune in Westhaven; "
              "editing by Mark Olsen)")
    day = dt.date(2026, 3, 9)
    docs = [art("ferry", "By Tove Lindahl, Baltic Wire Service", filler(1630), filler(1632), credit, outlet="Post",
                published=day),
            art("grain", "By Tove Lindahl, Baltic Wire Service", filler(1631) + " Karnholm grew.", filler(1633), credit,
                outlet="Courier", published=day)]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1


def test_a_banner_naming_its_own_outlet_over_two_of_its_pages_about_its_town_is_not_copying():
    # The banner names the paper, and the paper is named after its town, which both its stories
    # name: the outlet's own name is no name of their story.
    banner = ("Subscribe to the Harbour Gazette for unlimited access to local news. Already a subscriber? Log in "
              "to continue reading.")
    day = dt.date(2026, 3, 2)
    docs = [art("p1", banner, filler(1640) + " The boats of Harbour Point stayed in.", outlet="Harbour Gazette",
                published=day),
            art("p2", banner, filler(1641) + " The quay at Harbour Point was shut.", outlet="Harbour Gazette",
                published=day + dt.timedelta(days=1))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1


@pytest.mark.parametrize("notice", [
    "Get the day's top stories in your inbox every morning. Sign up for our free newsletter; you can unsubscribe "
    "at any time.",
    "This site uses cookies to improve your experience, to personalise content and adverts and to analyse our "
    "traffic. By continuing to browse the site you agree to our use of cookies.",
])
def test_a_notice_in_the_pages_voice_between_the_paragraphs_of_two_outlets_pages_is_not_copying(notice):
    # A sign-up line or a consent banner that two outlets of one group (one CMS) put between the
    # paragraphs of two unrelated stories, or under a standfirst of the page's own, speaks as the
    # page ("our newsletter", "this site", "you"): a notice, as it is on two pages of one outlet.
    # Between two outlets a paragraph that only names nothing, without speaking as the page (an
    # opinion both printed), or one telling of an event, stays a copy.
    stories = (("Drivers will pay 40 crowns an hour in the old town from March, the council decided on "
                "Wednesday.", "Residents' permits will not change, and shop owners said customers would go "
                "to the out-of-town centre."),
               ("The road over Kvitfjell will stay shut until Monday at the earliest, the roads agency said on "
                "Friday.", "Two lorries stuck near the summit were towed down by the agency's ploughs."))
    day = dt.date(2026, 3, 2)
    docs = [art("p1", stories[0][0], notice, stories[0][1], outlet="Portsea Times", published=day),
            art("p2", stories[1][0], notice, stories[1][1], outlet="Northern Ledger", published=day + dt.timedelta(days=1))]
    result = find_reuse(docs)
    assert result.passages == [] and result.stats["boilerplate_passages"] == 1
    for shared in ("Cities must plan now for hotter summers, with more shade and more water in public places, "
                   "because the cost of waiting is always higher than the cost of acting on time.",
                   "Twelve farms east of Lindvik were evacuated on Sunday afternoon as a forest fire driven by a "
                   "strong westerly wind crossed the county road and came within 300 metres of the first houses."):
        docs = [art("p1", stories[0][0], shared, stories[0][1], outlet="Portsea Times", published=day),
                art("p2", stories[1][0], shared, stories[1][1], outlet="Northern Ledger",
                    published=day + dt.timedelta(days=1))]
        assert len(find_reuse(docs).passages) == 1, shared


def test_a_quotation_after_the_same_reported_speech_clause_in_independent_reports_is_not_copying():
    # Two reports of one press conference open the sentence before the same quotation with the same
    # plain words ("The harbour master told a meeting in Varnsborg on Thursday that ...") and go on
    # each in its own words. The saying clause up to its "that" introduces the quotation, as words
    # attributing it in its own sentence do: quoting one speaker, not copying. A sentence copied
    # whole beside the quotation is still copying.
    quote = ("\"Nobody will lose a berth this winter. Every boat that is moored in the old harbour today will "
             "still have a place there in March,\" he said.")
    clause = "The harbour master told a meeting of boat owners in Varnsborg on Thursday that "
    a = art("a", filler(1880), clause + "the town had ordered forty pontoons from a yard in the south. " + quote,
            filler(1881))
    b = art("b", filler(1882), "Owners packed the yacht club. " + clause + "forty new pontoons were on their "
            "way and would be in the water by October. " + quote, filler(1883))
    assert find_reuse([a, b]).passages == []
    copied = clause + "the town had ordered forty pontoons from a yard in the south. "
    c = art("c", filler(1884), copied + quote, filler(1885))
    assert find_reuse([a, c]).passages


def test_opening_words_of_the_earlier_article_the_copy_left_out_are_part_of_its_passage():
    # The source opens a copied sentence with words the copy left out ("As expected, the" for
    # "The"); the copy puts a lead-in of its own before another ("As our readers will recall,").
    # With both dates known, the earlier article's words before the copied sentence are the
    # sentence the copier took, and the later one's are its own: the source's passage runs from
    # its sentence's start, the copy's from the copied words. With no dates, neither is known to
    # be the source, and no side takes words the other lacks.
    first = ("the harbour court on Friday acquitted the former port director of taking bribes from a dredging "
             "company, saying the prosecution had not proved that a payment to his brother was linked to the "
             "contract for the new breakwater.")
    second = ("The director, who is 61, had denied the charges throughout the five-week trial and thanked his "
              "family outside the court.")
    third = ("the prosecutor said she would study the written ruling before deciding whether to appeal, "
             "and that she had fourteen days to do so.")
    src = (filler(1890) + "\n\nAs expected, " + first + " " + second + "\n\nIn a statement on Friday evening, " + third
           + "\n\n" + filler(1891))
    cpy = (filler(1892) + "\n\n" + first[0].upper() + first[1:] + " As our readers will recall, " + second + "\n\n"
           + third[0].upper() + third[1:] + "\n\n" + filler(1893))
    day = dt.date(2026, 3, 14)
    a = Article("a", src, published=day)
    b = Article("b", cpy, published=day + dt.timedelta(days=1))
    passages = find_reuse([a, b]).passages
    got_a = sorted(a.text[p.a_start : p.a_end] for p in passages)
    got_b = sorted(b.text[p.b_start : p.b_end] for p in passages)
    assert got_a == sorted(["As expected, " + first, second, "In a statement on Friday evening, " + third])
    assert got_b == sorted([first[0].upper() + first[1:], second, third[0].upper() + third[1:]])
    undated = find_reuse([Article("a", src), Article("b", cpy)]).passages
    assert all(not a.text[p.a_start : p.a_end].startswith(("As expected", "In a statement")) for p in undated)


def test_a_phrase_moved_to_the_front_of_a_copied_sentence_is_part_of_its_passage():
    # A copy moves a time phrase from inside a sentence to its front ("From 1 May the harbour board
    # will ..." for "The harbour board will ... from 1 May, ..."). The words before the first match
    # are the sentence's own, found further on in the other text's sentence: the passage runs from
    # the sentence's start. A lead-in the other text does not have ("As our readers know,") stays out.
    rest = ("will raise the mooring fee for every boat in the old harbour by a fifth, the board's chairman "
            "said on Tuesday, to pay for new pontoons and a second fuel jetty.")
    src = "The harbour board " + rest.replace("by a fifth,", "by a fifth from 1 May,")
    moved = "From 1 May the harbour board " + rest
    a = art("a", filler(1900), src + " " + SECOND, filler(1901))
    b = art("b", filler(1902), moved + " " + SECOND, filler(1903))
    [p] = find_reuse([a, b]).passages
    assert b.text[p.b_start : p.b_end] == moved + " " + SECOND
    assert a.text[p.a_start : p.a_end] == src + " " + SECOND
    wire = art("wire", filler(1906), "VARNSBORG, May 2 (NNW) - " + src + " " + SECOND, filler(1907))
    [p] = find_reuse([b, wire]).passages
    assert b.text[p.a_start : p.a_end] == moved + " " + SECOND
    c = art("c", filler(1904), "As our readers know, the harbour board " + rest + " " + SECOND, filler(1905))
    [p] = find_reuse([b, c]).passages
    assert c.text[p.b_start : p.b_end] == "the harbour board " + rest + " " + SECOND


def test_a_figure_in_groups_of_three_digits_is_one_word_however_its_groups_are_spaced():
    # "12,000", "12000", "12 000" with a no-break or narrow no-break space, "12&nbsp;000" and, in a
    # copy of a text that wrote "4 500" with a plain space, "4 500" with a narrow one: one figure each.
    # Columns of figures in a table and a phone number's groups after a longer one stay apart.
    for written in ("12,000", "12000", "12\u00a0000", "12\u202f000", "12&nbsp;000", "12&#160;000", "12 000"):
        assert tokenize(f"about {written} tonnes.").norms == ["about", "12000", "tonnes"], written
    assert tokenize("reached 2\u202f150\u202f000 tonnes").norms == ["reached", "2150000", "tonnes"]
    assert tokenize("Orsund FK 14 10 3 1 33").norms == ["orsund", "fk", "14", "10", "3", "1", "33"]
    assert tokenize("Ring 0800 123 456 now").norms == ["ring", "0800", "123", "456", "now"]
    src = ("Dock workers at the port began a strike on Monday, leaving about 12,000 tonnes of grain on the "
           "quays. The union, which represents 1,250 of the port's 1,600 workers, wants 1,500 euros more.")
    cpy = src.replace("12,000", "12\u00a0000").replace("1,250", "1\u202f250").replace("1,600", "1\u202f600") \
             .replace("1,500", "1&nbsp;500")
    [p] = find_reuse([art("a", filler(1910), src, filler(1911)), art("b", filler(1912), cpy, filler(1913))]).passages
    assert p.score == 1.0


def test_a_quotation_whose_speaker_is_named_before_it_in_one_report_and_after_it_in_the_other_is_not_copying():
    # One report names the speaker in the sentence before the quotation ("Harbour Commissioner Ingrid
    # Solberg said the port would ask ..."), the other after it, as its attribution ('...," Harbour
    # Commissioner Ingrid Solberg said.') and trims the quotation with "...". The speaker's name,
    # which one report gives in the quotation's attribution, is a fact both give and ties the
    # quotation to nothing copied in the other. A copy of the first report's sentence and quotation
    # is still copying.
    quote = ("No ship will be turned away from this harbour while I am in charge of it{} The cranes will be "
             "working again before the weekend,")
    lead = ("Harbour Commissioner Ingrid Solberg said the port would ask the coastguard to clear the channel by "
            "Friday. ")
    a = art("a", filler(1950), lead + "\"" + quote.format(".") + "\" she told reporters at the quay.", filler(1951))
    b = art("b", filler(1952), "The port wants the coastguard to act quickly. \u201c" + quote.format(" ...")
            + "\u201d Harbour Commissioner Ingrid Solberg said.", filler(1953))
    assert find_reuse([a, b]).passages == []
    c = art("c", filler(1954), lead + "\"" + quote.format(".") + "\" she said.", filler(1955))
    assert find_reuse([a, c]).passages


def test_a_copied_paragraph_whose_quotation_the_copy_cut_short_scores_no_more_than_a_verbatim_copy():
    # A copy leaves out the middle of a quotation ("a pipe [...] and we will"), more words than an
    # alignment gap spans, so the quotation's second half is a passage of its own, cut to the
    # quotation and its attribution. Its word similarity counts the words matched inside that cut,
    # not those of the sentence after it: no passage scores above a verbatim copy's 1.0.
    day = dt.date(2027, 1, 5)
    text = ("The regional water board said on Monday that it would spend the next three summers relining the old "
            "aqueduct above Kelby. \"We cannot keep patching a pipe{} and we will not ask the villages to pay for "
            "it,\" said board chair Agnes Lindqvist. Work will start in June.")
    a = art("a", filler(1960), text.format(" that was laid when my grandfather was a boy,"), filler(1961),
            published=day)
    b = art("b", filler(1962), text.format(" [...]"), filler(1963), published=day + dt.timedelta(days=1))
    passages = find_reuse([a, b]).passages
    assert passages and all(0.5 <= p.score <= 1.0 for p in passages)
    start = a.text.index("and we will not")
    assert any(side(p, a)[0] <= start < side(p, a)[1] for p in passages)
