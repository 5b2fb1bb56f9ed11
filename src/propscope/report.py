"""Corpus figures from the store: technique counts and propaganda scores by outlet, by month
and by topic (once `propscope topics` has found them), the commonest techniques per outlet, and
the highest-scoring articles."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from .export import spreadsheet_safe
from .names import same_names
from .store import (
    NO_OUTLET,
    Store,
    _filters,
    analyses,
    analysis_data,
    article_topics,
    articles,
    attributions,
    in_topic,
    named_source,
    source_key,
    spans,
    stored_score,
    topics,
)
from .taxonomy import DEFAULT, TaxonomyError, display, load

_TARGET_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
GROUPS = (("outlet", "by_outlet"), ("month", "by_month"), ("topic", "by_topic"),  # the report's groupings
          ("outlet_month", "by_outlet_month"))
OUTLET_MONTH = " | "  # joins outlet and month in the key of a ``by_outlet_month`` group (a month has no " | ")
NO_TOPIC = "(no topic)"  # an article with none of the topic model's words, or stored after it was fitted
NO_MONTH = "unknown"  # the month key of articles stored without a date (CSV and JSON keep it as it is)
NO_OUTLET_LABEL = "(no outlet given)"  # how text and pages name NO_OUTLET: "unknown" reads as an outlet so called
NO_MONTH_LABEL = "(no date given)"


def outlet_label(outlet: str) -> str:
    """An outlet as a reader sees it: the group of articles stored without one, in words."""
    return NO_OUTLET_LABEL if outlet == NO_OUTLET else outlet


def month_label(month: str) -> str:
    """A month key as a reader sees it: the group of articles stored without a date, in words."""
    return NO_MONTH_LABEL if month == NO_MONTH else month


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _score(mean: float | None) -> str:
    """A mean score for the text report: '-' where no article in the group was measured."""
    return "-" if mean is None else f"{mean:.2f}"


def _range(g: dict) -> str:
    """A group's 95% range for the text report: '' where too few articles were measured."""
    return "" if g.get("score_low") is None else f"{g['score_low']:.2f}-{g['score_high']:.2f}"


def mean_range(n: int, total: float, squares: float, level: float = 0.95) -> tuple[float, float] | None:
    """Where the mean score of a group of ``n`` articles would likely lie with other articles of
    the same kind (Student's t interval over their scores, clipped to 0-1): three outlets at 23%,
    26% and 27% over ten articles each are not told apart, and a reader comparing bars must see
    that. None under two articles, where no spread can be measured."""
    if n < 2:
        return None
    from scipy.stats import t

    mean = total / n
    spread = max(squares - n * mean * mean, 0.0) / (n - 1)
    half = float(t.ppf(0.5 + level / 2, n - 1)) * (spread / n) ** 0.5
    return max(mean - half, 0.0), min(mean + half, 1.0)


@dataclass
class Group:
    key: str
    articles: int = 0
    scored: int = 0  # articles the model measured: one in a language it does not read has no score
    score_sum: float = 0.0
    score_squares: float = 0.0  # for the spread behind ``mean_range``
    techniques: Counter = field(default_factory=Counter)

    @property
    def mean_score(self) -> float | None:
        """The mean over the articles that have a score; None when none has."""
        return self.score_sum / self.scored if self.scored else None

    def to_dict(self) -> dict:
        mean = self.mean_score
        low, high = mean_range(self.scored, self.score_sum, self.score_squares) or (None, None)
        return {"key": self.key, "articles": self.articles, "scored": self.scored,
                "mean_score": None if mean is None else round(mean, 4),
                "score_low": None if low is None else round(low, 4), "score_high": None if high is None else round(high, 4),
                "spans": sum(self.techniques.values()), "techniques": dict(self.techniques.most_common())}


def targeted_entities(store: Store, outlet: str | None = None, since: dt.date | None = None,
                      until: dt.date | None = None, top: int = 10) -> list[dict]:
    """The entities technique spans are most often about, each with how many articles target it,
    those articles' mean score and the techniques used on it: how propagandistic the coverage of
    a person, party or country is. Targets live in the analysis JSON, so this reads every
    analysis in range: callers that only need counts skip it. Each entity's ``outlets`` count the
    spans aimed at it in each outlet's articles: who targets whom."""
    spans_on: Counter = Counter()
    techniques: dict[str, Counter] = defaultdict(Counter)
    by_outlet: dict[str, Counter] = defaultdict(Counter)
    scores: dict[str, dict[int, float]] = defaultdict(dict)  # entity -> {article: its score}
    labels: dict[str, Counter] = defaultdict(Counter)
    q = _filters(sa.select(analyses.c.article_pk, analyses.c.data, analyses.c.score, articles.c.id, articles.c.outlet)
                 .select_from(articles.join(analyses)), outlet, since, until)
    with store.engine.connect() as conn:
        for pk, data, score, article_id, art_outlet in conn.execute(q):
            for t in analysis_data(data, repr(article_id), ("targets",)).get("targets", []):
                named = {x["canonical"] or x["text"]: x["label"] for x in t["targets"] if x.get("label") in _TARGET_LABELS}
                spans_on.update(list(named))
                for e, label in named.items():
                    techniques[e][t["technique"]] += 1
                    by_outlet[e][art_outlet or NO_OUTLET] += 1
                    scores[e][pk] = stored_score(score, repr(article_id))  # None: not measured, left out of the mean
                    labels[e][label] += 1
    label_of = {e: labels[e].most_common(1)[0][0] for e in spans_on}
    for label in sorted(set(label_of.values())):  # 'Trump' here, 'Donald Trump' there: one row (never a place and a person)
        for e, to in same_names({e: n for e, n in spans_on.items() if label_of.get(e) == label},
                                persons=label == "PERSON").items():
            if to != e:
                spans_on[to] += spans_on.pop(e)
                techniques[to].update(techniques.pop(e))
                by_outlet[to].update(by_outlet.pop(e))
                scores[to].update(scores.pop(e))
    return [{"entity": e, "spans": n, "articles": len(scores[e]),
             "mean_score": _mean([v for v in scores[e].values() if v is not None]),
             "techniques": dict(techniques[e].most_common(3)),
             "outlets": dict(sorted(by_outlet[e].items(), key=lambda kv: (-kv[1], kv[0]))[:5])}
            for e, n in spans_on.most_common(top)]


def build(store: Store, outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
          top: int = 10, targets: bool = True, technique: str | None = None, topic: str | None = None) -> dict:
    """The corpus figures, for the articles in range; with ``technique`` (a corpus name), only the
    articles that have a span of it; with ``topic`` (a stored topic's label), only its articles."""
    by_outlet: dict[str, Group] = {}
    by_month: dict[str, Group] = {}
    by_topic: dict[str, Group] = {}
    by_outlet_month: dict[str, Group] = {}  # "outlet | month": how each outlet's score moves
    per_article: dict[int, Counter] = defaultdict(Counter)
    rows = []
    placed = articles.join(analyses).outerjoin(article_topics).outerjoin(topics, topics.c.id == article_topics.c.topic)
    q = _filters(sa.select(articles.c.pk, articles.c.id, articles.c.title, articles.c.outlet, articles.c.published,
                           analyses.c.score, topics.c.label.label("topic")).select_from(placed), outlet, since, until)
    sq = _filters(sa.select(spans.c.article_pk, spans.c.technique, spans.c.taxonomy)
                  .select_from(spans.join(articles, articles.c.pk == spans.c.article_pk)), outlet, since, until)
    taxonomies: set[str] = set()
    having = [articles.c.pk.in_(sa.select(spans.c.article_pk).where(spans.c.technique == technique))] if technique else []
    having += [in_topic(topic)] if topic else []
    for cond in having:
        q, sq = q.where(cond), sq.where(cond)
    with store.engine.connect() as conn:
        for pk, tech, tax in conn.execute(sq):
            per_article[pk][tech] += 1
            taxonomies.add(tax)
        for r in conn.execute(q).mappings():
            rows.append(dict(r, score=stored_score(r["score"], repr(r["id"]))))
    with_topics = any(r["topic"] for r in rows)  # none before `propscope topics` has run
    for r in rows:
        month = r["published"].strftime("%Y-%m") if r["published"] else NO_MONTH
        keyed = [(by_outlet, r["outlet"] or NO_OUTLET), (by_month, month)]
        if with_topics:
            keyed.append((by_topic, r["topic"] or NO_TOPIC))
        if r["published"]:
            keyed.append((by_outlet_month, f"{r['outlet'] or NO_OUTLET}{OUTLET_MONTH}{month}"))
        for groups, key in keyed:
            g = groups.setdefault(key, Group(key))
            g.articles += 1
            if r["score"] is not None:
                g.scored += 1
                g.score_sum += r["score"]
                g.score_squares += r["score"] ** 2
            g.techniques.update(per_article.get(r["pk"], Counter()))
    cited: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    joined = attributions.join(articles, articles.c.pk == attributions.c.article_pk)
    aq = _filters(sa.select(articles.c.outlet, attributions.c.source).select_from(joined).where(named_source()),
                  outlet, since, until)
    for cond in having:
        aq = aq.where(cond)
    with store.engine.connect() as conn:
        for art_outlet, source in conn.execute(aq):
            key = source_key(source)
            names.setdefault(key, source)
            cited[art_outlet or NO_OUTLET][key] += 1
    totals: Counter = Counter()
    for c in cited.values():
        for k, n in c.items():
            totals[names[k]] += n
    under = same_names(totals)  # 'Trump' here, 'President Donald Trump' there: one source
    by_name: dict[str, Counter] = defaultdict(Counter)
    for o, c in cited.items():
        for k, n in c.items():
            by_name[o][under[names[k]]] += n
    best = sorted((r for r in rows if r["score"] is not None), key=lambda r: (-r["score"], r["id"]))[:top]
    failed, latest_failed = store.failures(outlet, since, until, limit=top)
    return {
        "filters": {"outlet": outlet, "technique": technique, "topic": topic, "since": since.isoformat() if since else None,
                    "until": until.isoformat() if until else None},
        "articles": len(rows),
        "taxonomies": sorted(taxonomies) or [DEFAULT],  # of the spans counted: their techniques are the CSV columns
        "by_outlet": [g.to_dict() for g in sorted(by_outlet.values(), key=lambda g: (-g.articles, g.key))],
        "by_month": [g.to_dict() for g in sorted(by_month.values(), key=lambda g: g.key)],
        "by_topic": [g.to_dict() for g in sorted(by_topic.values(), key=lambda g: (g.key == NO_TOPIC, -g.articles, g.key))],
        "by_outlet_month": [{**dict(zip(("outlet", "month"), k.rsplit(OUTLET_MONTH, 1))), **g.to_dict()}
                            for k, g in sorted(by_outlet_month.items(), key=lambda kv: kv[0].rsplit(OUTLET_MONTH, 1))],
        "top_techniques_by_outlet": {g.key: [t for t, _ in g.techniques.most_common(3)] for g in by_outlet.values()},
        "top_sources_by_outlet": {o: [{"source": name, "citations": n} for name, n in c.most_common(5)]
                                  for o, c in sorted(by_name.items())},
        "top_targets": targeted_entities(store, outlet, since, until, top) if targets else [],
        "top_articles": [{"id": r["id"], "title": r["title"], "outlet": r["outlet"],
                          "published": r["published"].isoformat() if r["published"] else None,
                          "score": round(r["score"], 4)} for r in best],
        "failed": {"articles": failed, "latest": latest_failed},  # analyses that raised: see analyze_store
    }


def outlets_over_time(outlets: list[str], monthly: list[dict], top: int = 5) -> dict[str, list[dict]]:
    """The monthly rows (``by_outlet_month``) of the first ``top`` of ``outlets`` (the report lists
    the busiest first), for those seen in at least two months: one line each on a chart of the score
    over time, where a line for every outlet would be unreadable."""
    names = outlets[:top]
    rows: dict[str, list[dict]] = defaultdict(list)
    for r in monthly:
        if r["outlet"] in names:
            rows[r["outlet"]].append(r)
    return {o: rows[o] for o in names if len(rows[o]) >= 2}


def to_text(rep: dict) -> str:
    """The report for reading: technique display names ("Loaded language"); CSV and JSON keep the
    corpus names. Stored names (ids, outlets, titles, topics, sources, targets) are printed with
    control characters escaped (``printable``): a line break in an outlet broke its row in two, and
    a terminal escape in a title reached the terminal."""
    from .ingest import printable

    out = io.StringIO()
    w = out.write
    w(f"{rep['articles']} analysed articles\n")
    w("A score is the mean of its articles' scores; its 95% range is where that mean would likely lie with other "
      "articles of the kind,\nso two groups whose ranges overlap may differ by chance.\n")
    if unscored := sum(g["articles"] - g.get("scored", g["articles"]) for g in rep["by_outlet"]):
        w(f"({unscored} in a language the model does not read: no score, left out of every mean score)\n")
    labels = {"by_outlet": outlet_label, "by_month": month_label, "by_topic": printable}
    for title, key in (("By outlet", "by_outlet"), ("By month", "by_month"), ("By topic", "by_topic")):
        if key == "by_topic" and not rep.get(key):
            w("\nBy topic: none found yet (`propscope topics --db` finds them)\n")
            continue
        w(f"\n{title}\n{'':2}{'':<28} {'articles':>8} {'score':>6} {'95% range':>10} {'spans':>6}  top techniques\n")
        for g in rep[key]:
            tops = ", ".join(f"{display(t)} ({n})" for t, n in list(g["techniques"].items())[:3])
            w(f"  {printable(labels[key](g['key']))[:28]:<28} {g['articles']:>8} {_score(g['mean_score']):>6} "
              f"{_range(g):>10} {g['spans']:>6}  {tops}\n")
    if over_time := outlets_over_time([g["key"] for g in rep["by_outlet"]], rep.get("by_outlet_month", [])):
        w("\nOutlets over time (mean score by month, articles in brackets)\n")
        for o, months in over_time.items():
            w(f"  {printable(outlet_label(o))[:28]:<28} "
              + " · ".join(f"{m['month']} {_score(m['mean_score'])} ({m['articles']})" for m in months) + "\n")
    if rep.get("top_sources_by_outlet"):
        w("\nMost cited sources by outlet\n")
        for o, items in rep["top_sources_by_outlet"].items():
            w(f"  {printable(outlet_label(o))[:28]:<28} "
              + ", ".join(f"{printable(i['source'])} ({i['citations']})" for i in items) + "\n")
    if rep.get("top_targets"):
        w(f"\nMost targeted entities\n{'':2}{'':<28} {'spans':>8} {'articles':>8} {'score':>6}  top techniques\n")
        for t in rep["top_targets"]:
            tops = ", ".join(f"{display(k)} ({n})" for k, n in t["techniques"].items())
            w(f"  {printable(t['entity'])[:28]:<28} {t['spans']:>8} {t['articles']:>8} {_score(t['mean_score']):>6}"
              f"  {tops}\n")
            if t.get("outlets") and not rep["filters"].get("outlet"):
                w(f"  {'':<28} {'':>8} {'':>8} {'':>6}  in: "
                  + ", ".join(f"{printable(outlet_label(o))} ({n})" for o, n in t["outlets"].items()) + "\n")
    w("\nHighest-scoring articles\n")
    for a in rep["top_articles"]:
        w(f"  {a['score']:.2f}  {printable(a['id'])}  {printable(a['outlet'] or '')}  {a['published'] or ''}  "
          f"{printable((a['title'] or '')[:60])}\n")
    failed = rep.get("failed") or {}
    if failed.get("articles"):
        from .report_html import plural

        w(f"\n{plural(failed['articles'], 'article')} could not be analysed (`propscope analyze --db --retry-failed` "
          "tries again)\n")
        for f in failed["latest"]:
            w(f"  {printable(f['id'])}  {f['model']}  {f['failed_at']}  {printable(f['reason'][:200])}\n")
    return out.getvalue()


def to_csv(rep: dict) -> str:
    out = io.StringIO()
    techniques = sorted(set(_technique_names(rep.get("taxonomies") or [DEFAULT]))
                        | {t for _, k in GROUPS for g in rep.get(k, []) for t in g["techniques"]})
    w = csv.writer(out)
    w.writerow(["group", "key", "articles", "mean_score", "score_low", "score_high", "spans", *techniques])
    for group, key in GROUPS:
        for g in rep.get(key, []):
            w.writerow([group, spreadsheet_safe(g["key"]), g["articles"], g["mean_score"], g.get("score_low"),
                        g.get("score_high"), g["spans"], *[g["techniques"].get(t, 0) for t in techniques]])
    for a in rep["top_articles"]:
        w.writerow(["top_article", spreadsheet_safe(a["id"]), 1, a["score"], "", "", "", *[""] * len(techniques)])
    return out.getvalue()


def _technique_names(names: list[str]) -> list[str]:
    """Every technique of the named taxonomies (one CSV column each, zero where unused); a
    taxonomy not installed here contributes only the names its spans use."""
    out = []
    for name in names:
        try:
            out += load(name).names
        except TaxonomyError:
            continue
    return out
