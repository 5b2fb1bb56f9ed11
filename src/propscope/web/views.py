"""What the web pages show, as plain data: dashboard tables, search hits with snippets, and the
CSV/JSON downloads of both. A page, its CSV and its JSON come from the same rows (datasette's
habit), so what a journalist downloads is what they saw."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import html
import io
import re
from collections.abc import Sequence
from urllib.parse import urlencode

from pydantic import ValidationError

from .. import search, taxonomy
from ..export import spreadsheet_safe
from ..report import NO_MONTH, outlet_label
from ..store import Store

DASHBOARD_TABLES = ("techniques", "outlets", "months", "outlet_months", "topics", "techniques_by_outlet", "targets",
                    "top_articles")


def parse_day(value: str | None, end: bool = False) -> dt.date | None:
    """A date filter from a form or a URL: ``2020-01-31``, or a month ``2020-01`` (its first day,
    or its last with ``end``), in ASCII digits, as the command line takes them (Python's
    ``fromisoformat`` also took ``20200131``, week dates and fullwidth digits). Empty means no
    filter; anything else raises ValueError naming the value."""
    value = (value or "").strip()
    if not value:
        return None
    parts = re.fullmatch(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?", value)
    if parts and not parts[3] and not 1 <= int(parts[2]) <= 12:
        raise ValueError(f"not a month: {value!r}")
    try:
        if not parts:
            raise ValueError(value)
        year, month = int(parts[1]), int(parts[2])
        day = int(parts[3]) if parts[3] else calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day)
    except ValueError:  # year 0, or a day the month lacks: Python said "year 0 is out of range"
        raise ValueError(f"not a date (YYYY-MM-DD or YYYY-MM): {value!r}") from None


def parse_range(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The from and until filters of a page (``parse_day``); a from after the until is a
    ValueError that says so (``check_range``)."""
    first, last = parse_day(since), parse_day(until, end=True)
    check_range(first, last)
    return first, last


def check_range(first: dt.date | None, last: dt.date | None) -> None:
    """ValueError when ``first`` is after ``last``: the page, and the API's answer, were empty with
    no word why."""
    if first and last and first > last:
        raise ValueError(f"the from date ({first}) is after the until date ({last}): nothing can match; swap them")


FORM_NAMES = {"text": "text", "url": "address", "title": "title"}


def form_error(error: ValidationError) -> str:
    """The analyse form's first problem as one sentence a journalist can act on: the API's
    validation messages name regular expressions, which a page should not show."""
    for e in error.errors():
        field = str(e["loc"][0]) if e.get("loc") else ""
        name = FORM_NAMES.get(field, field)
        if e["type"] == "string_too_long":
            return f"The {name} is longer than {e['ctx']['max_length']:,} characters; shorten it."
        if e["type"] == "string_pattern_mismatch" and "\x00" in str(e.get("input", "")):
            return f"The {name} holds a NUL character, which cannot be stored; remove it."
        if e["type"] == "string_pattern_mismatch" and field == "url":
            return "The address must start with http:// or https://."
    return "Paste a text or give a URL (one of them, not both)."


# fetch.py's reasons are written for the command line: the system's resolver and socket errors as
# they come ("[Errno -2] Name or service not known") and a flag to pass. A page says them in words,
# and a private address is the server's setting, not the reader's. Reasons not matched pass unchanged.
_UNREACHABLE = "the address could not be reached"
_URL_REASONS: list[tuple[re.Pattern[str], str]] = [(re.compile(pattern), words) for pattern, words in (
    (r"cannot resolve host '(?P<host>[^']*)': .*"
     r"(Name or service not known|No address associated|nodename nor servname).*",
     _UNREACHABLE + ". There is no site named '{host}'. Check the address for a typing mistake"),
    (r"cannot resolve host '(?P<host>[^']*)': .*(Temporary failure|no answer from the name server|Try again).*",
     _UNREACHABLE + ". The site name '{host}' could not be looked up (the server running propscope may be "
     "offline or its name server not answering). Try again later, or paste the article's text instead"),
    (r"cannot resolve host '(?P<host>[^']*)'.*",
     _UNREACHABLE + ". The site name '{host}' could not be looked up. Check the address, or paste the article's "
     "text instead"),
    (r"(?P<host>\S+) resolves to a non-public address \((?P<addr>[^)]*)\); pass --allow-private-urls.*",
     "{host} is an address on a private or local network ({addr}), which this server does not fetch. Whoever runs "
     "the server can allow such addresses by starting it with 'propscope serve --allow-private-urls'; or paste the "
     "article's text instead"),
    (r"cannot fetch .*(Connection refused).*",
     _UNREACHABLE + ". The site refused the connection. Check the address (and its port, if it has one)"),
    (r"cannot fetch .*(Network is unreachable|No route to host).*",
     _UNREACHABLE + ". The server running propscope has no route to that site (it may be offline). Paste the "
     "article's text instead"),
    (r"HTTP 404 from .*", "the site says there is no such page (HTTP 404). Check the address"),
    (r"HTTP (?P<code>401|403|451) from .*",
     "the site refused to give the page (HTTP {code}): it may need a login or block automatic readers. Paste the "
     "article's text instead"),
    (r"HTTP (?P<code>5\d\d) from .*", "the site had an error (HTTP {code}). Try again later, or paste the text"),
)]


def url_reason(reason: str) -> str:
    """Why a URL could not be analysed, in words for a page or an API reply (``_URL_REASONS``)."""
    for pattern, words in _URL_REASONS:
        if found := pattern.fullmatch(reason):
            return words.format(**found.groupdict())
    return reason


def url(path: str, **params: object) -> str:
    """A shareable URL for a page: only the filters that are set go in its query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "") and not (k == "page" and v == 1)}
    return path + ("?" + urlencode(kept) if kept else "")


def snippet(text: str, terms: Sequence[str], width: int = 90) -> str:
    """HTML of ``search.snippet``: the text around the first match, the matches in ``<mark class="match">``."""
    return "".join(f'<mark class="match">{html.escape(s)}</mark>' if match else html.escape(s)
                   for s, match in search.snippet(text, terms, width))


def _scores(g: dict) -> dict:
    """A report group's figures as a dashboard row has them, its mean score's 95% range included."""
    return {k: g.get(k) for k in ("articles", "mean_score", "score_low", "score_high", "spans")}


def dashboard_tables(rep: dict) -> dict[str, list[dict]]:
    """Every table and chart of the dashboard as rows, for the page and for its downloads."""
    totals: dict[str, int] = {}
    for g in rep["by_outlet"]:
        for t, n in g["techniques"].items():
            totals[t] = totals.get(t, 0) + n
    used = sorted(totals, key=lambda t: (-totals[t], taxonomy.get(t).display))
    return {
        "techniques": [{"technique": t, "display": taxonomy.get(t).display, "spans": totals[t]} for t in used],
        "outlets": [{"outlet": g["key"], **_scores(g)} for g in rep["by_outlet"]],
        "months": [{"month": g["key"], **_scores(g)} for g in rep["by_month"] if g["key"] != NO_MONTH],
        "outlet_months": [{"outlet": g["outlet"], "month": g["month"], **_scores(g)}
                          for g in rep.get("by_outlet_month", [])],
        "topics": [{"topic": g["key"], **_scores(g),
                    "top_techniques": ", ".join(taxonomy.get(t).display for t in list(g["techniques"])[:3])}
                   for g in rep.get("by_topic", [])],
        "techniques_by_outlet": [{"outlet": g["key"], **{t: g["techniques"].get(t, 0) for t in used}}
                                 for g in rep["by_outlet"]],
        "targets": [{**{k: v for k, v in r.items() if k not in ("techniques", "outlets")},
                     "top_techniques": ", ".join(taxonomy.get(t).display for t in r["techniques"]),
                     "top_outlets": ", ".join(f"{outlet_label(o)} ({n})" for o, n in r.get("outlets", {}).items())}
                    for r in rep["top_targets"]],
        "top_articles": list(rep["top_articles"]),
    }


def to_csv(rows: Sequence[dict]) -> str:
    """Rows as CSV with a header; an empty table is just an empty file."""
    if not rows:
        return ""
    out = io.StringIO()
    fields = list(dict.fromkeys(k for r in rows for k in r))
    writer = csv.DictWriter(out, fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in r.items()} for r in rows)
    return out.getvalue()


def outlets(store: Store) -> list[str]:
    """Every outlet in the store, for the filter menus (not only those of the current filter)."""
    return store.outlets()
