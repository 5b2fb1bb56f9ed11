"""The web app and REST API (FastAPI): analyse, read, explore and compare in a browser.

Pages are rendered on the server with Jinja2 (autoescaping on: article text is data, never
markup) and every asset is served by the app itself, so it works on an offline machine.
Writes need a bearer token when one is configured, which ``propscope serve`` insists on
when bound to a non-loopback address.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_to_bytes

import fastapi_offline
import sqlalchemy as sa
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException, MultiPartParser

from .. import ingest, report, search, taxonomy
from ..document import Article, headline_title
from ..pipeline import ModelNotFound, analyze_batch
from ..report_html import (
    READING_GUIDE,
    default_threshold,
    plural,
    render_article,
    render_controls,
    render_head,
    render_legend,
    technique_css,
    technique_data,
)
from ..sources import named_entities
from ..store import Store, StoreError, StoreUnavailable, UnreadableValue, database_trouble
from . import charts, views
from .security import LOOPBACK_HOSTS, TEST_HOST, Guard, bearer_token_ok, secret_ok, wants_page

HERE = Path(__file__).parent
DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"  # Swagger UI and ReDoc bundles (MIT), from PyPI
MAX_BODY_BYTES = 2_000_000
MAX_TEXT_CHARS = 1_000_000
SEARCH_PAGE = 20  # results per search page
REUSE_PAGE = 10  # clusters per reuse page


class AnalyzeRequest(BaseModel):
    """Either ``text`` or ``url``: the schema says so too, so generated clients get it right."""

    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["url"]}]})

    # no NUL characters anywhere (a store cannot keep them): the schema says so, so clients know
    text: str = Field(None, min_length=1, max_length=MAX_TEXT_CHARS, pattern=r"^[^\x00]*[^\x00\s][^\x00]*$",
                      description="Article text, exactly as published.")
    title: str | None = Field(None, max_length=2000, pattern=r"^[^\x00]*$")
    url: str = Field(None, max_length=2048, pattern=r"^https?://", description="Fetch and analyse this page instead.")
    outlet: str | None = Field(None, max_length=255, pattern=r"^[^\x00]*$")
    published: dt.date | None = None

    @field_validator("published", mode="before")
    @classmethod
    def published_day(cls, value: object) -> object:
        """A date or date-time as the command line reads a record's (``ingest.record_date``): the
        API refused '2024-03-05T10:00:00Z' that `ingest` stores as its day, and the two now refuse
        alike, with the same words, a time no clock shows ('T25:00', which `ingest` kept as its day)."""
        if not isinstance(value, str) or not value.strip():
            return value or None
        day = ingest.record_date(value)
        if day is False:
            raise ValueError(f"'published' {ingest.date_problem(value)}")
        return day

    @model_validator(mode="after")
    def one_source(self) -> AnalyzeRequest:
        if self.text and self.text.strip() and self.url:
            raise ValueError("give a 'text' or a 'url', not both: the page at the URL is fetched and analysed, "
                             "so send the text alone (with 'title' and 'outlet' if you like) or the URL alone")
        if not (self.text and self.text.strip()) and not self.url:
            raise ValueError("give either a non-empty 'text' or a 'url'")
        return self


class ErrorDetail(BaseModel):
    detail: str


class Settings:
    def __init__(self, db: str | None, model: str | None, token: str | None, allow_private_urls: bool = False):
        self.db, self.model, self.token, self.allow_private_urls = db, model, token, allow_private_urls


def article_href(article_id: str) -> str:
    """The path of an article's page, its id percent-encoded whole: ids are often URLs (feed
    entries, WARC records, analysed links) whose "?", "#" or "%" would otherwise cut the path."""
    return "/articles/" + quote(article_id, safe="")


def body_error(cause: BaseException | None) -> str | None:
    """What is wrong with a request body that could not be read as JSON, in words a client can act
    on, from the exception FastAPI wrapped in its generic 400; None for any other cause."""
    if isinstance(cause, UnicodeDecodeError):
        if packed := ingest.compressed(bytes(cause.object[:16])):  # was "not UTF-8 JSON (byte 0x8b at offset 1)"
            kind = packed.removeprefix("is ").split("-compressed")[0]
            return (f"the request body is {kind}-compressed, and this server reads no Content-Encoding: send the "
                    "JSON uncompressed, as UTF-8")
        return (f"the request body is not UTF-8 JSON (byte 0x{cause.object[cause.start]:02x} at offset "
                f"{cause.start}): send it encoded as UTF-8")
    if isinstance(cause, RecursionError):
        return "the JSON is nested too deeply: send a flat object such as {\"text\": \"...\"}"
    if isinstance(cause, ValueError) and "integer string conversion" in str(cause):  # Python's 4,300-digit cap
        return "a number in the JSON has more digits than Python reads (4,300): send it as a string"
    return None


def sentence(reason: str) -> str:
    """An API reason ("cannot analyse URL: ...") as a sentence for a page: capitalised, with a stop."""
    return reason[:1].upper() + reason[1:] + ("" if reason.endswith((".", "?", "!")) else ".")


FORM_FIELDS = ("text", "url", "title", "token")


async def form_fields(request: Request) -> dict[str, str]:
    """The analyse form's fields as text. A field sent as a file (``curl -F text=@story.txt``) is
    read as UTF-8 text, or UTF-16/32 (``ingest.wide_encoding``), as the command line reads a file:
    that was "not UTF-8". ValueError says, in a sentence for the page, what could not be read."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise ValueError(f"This form takes form fields, not {kind or 'a body without a content type'}; "
                         "programs can post JSON to /api/analyze.")
    if kind == "application/x-www-form-urlencoded":
        await _check_utf8_form(request)
    try:  # a part may be as large as the whole body the server takes (Starlette's own limit is 1 MB)
        limits = {"max_part_size": MAX_BODY_BYTES, "max_fields": 100, "max_files": len(FORM_FIELDS)}
        if kind == "multipart/form-data":
            async with contextlib.aclosing(request.stream()) as stream:
                form = await _FieldsInTheirCharset(request.headers, stream, **limits).parse()
        else:
            form = await request.form(**limits)
    except _FieldNotInCharset as e:
        raise ValueError(e.message) from None
    except MultiPartException as e:  # a malformed or over-full multipart body
        raise ValueError(f"The form could not be read: {e.message}") from None
    except StarletteHTTPException as e:
        raise ValueError(f"The form could not be read: {e.detail}") from None
    fields: dict[str, str] = {}
    for name in FORM_FIELDS:
        value = form.get(name)
        if isinstance(value, UploadFile):
            data = await value.read()
            if why := ingest.compressed(data):
                raise ValueError(f"The file {value.filename or name!r} {why}.")
            try:
                value = data.decode(ingest.wide_encoding(data) or "utf-8-sig").removeprefix("\ufeff")
            except UnicodeDecodeError as e:
                raise ValueError(f"The file {value.filename or name!r} is not UTF-8 text (byte {e.start}): "
                                 f"{ingest.CONVERT_ADVICE}.") from None
        fields[name] = value or ""
    return fields


class _FieldNotInCharset(MultiPartException):
    pass


class _FieldsInTheirCharset(MultiPartParser):
    """Starlette's multipart parser, but a plain field (not a file) of the form whose bytes are not
    in the charset the request declares (UTF-8 unless it names another) is refused: Starlette read
    it as latin-1 without a word, so ``curl -F 'text=<story.txt'`` of a windows-1252 story stored
    its quotes as the control characters U+0093 and U+0094, where ``-F text=@story.txt`` and a
    URL-encoded form were refused."""

    def on_part_end(self) -> None:
        part = self._current_part
        if part.file is None and part.field_name in FORM_FIELDS:
            try:
                bytes(part.data).decode(self._charset)
            except (UnicodeDecodeError, LookupError) as e:
                byte = f" (byte 0x{e.object[e.start]:02x} at offset {e.start})" if isinstance(e, UnicodeDecodeError) else ""
                raise _FieldNotInCharset(
                    f"The form's field {part.field_name!r} is not {'UTF-8' if self._charset == 'utf-8' else self._charset} "
                    f"text{byte}: {ingest.CONVERT_ADVICE}.") from None
        super().on_part_end()


async def _check_utf8_form(request: Request) -> None:
    """ValueError when a URL-encoded form's fields are not UTF-8 (a page or script sending
    windows-1252, ``Caf%E9``): Starlette decodes them with replacement characters, and such a
    text was analysed and stored as "Caf\ufffd" without a word. The body is read once; the form
    parser reads it again from Starlette's copy."""
    body = await request.body()
    try:
        unquote_to_bytes(body.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"The form's fields are not UTF-8 text (byte 0x{e.object[e.start]:02x}): send them "
                         "encoded as UTF-8, as the page itself does.") from None


def served_taxonomy(model: str | None) -> taxonomy.Taxonomy:
    """The taxonomy of the model the app serves, read from its config before it loads."""
    from ..registry import ModelNotFound, model_taxonomy

    try:
        return taxonomy.load(model_taxonomy(model))
    except (ModelNotFound, OSError, ValueError):  # the lifespan's model load reports a bad model
        return taxonomy.PTC14


def create_app(db: str | None = None, model: str | None = None, token: str | None = None,
               allow_private_urls: bool = False,
               allowed_hosts: Sequence[str] | None = (*LOOPBACK_HOSTS, TEST_HOST)) -> FastAPI:
    """The app; ``allowed_hosts`` are the names it answers to in the Host header (None: any)."""
    settings = Settings(db, model, token, allow_private_urls)
    state: dict[str, Any] = {}
    model_lock = threading.Lock()

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        from ..pipeline import load_model

        state["store"] = Store(settings.db)
        state["model"] = load_model(settings.model)  # loaded before /healthz says ready
        yield

    app = FastAPI(title="propscope", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Find propaganda techniques in news, with evidence a person can check.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/static-docs", StaticFiles(directory=DOCS_ASSETS), name="static-docs")  # Swagger UI, ReDoc: no CDN
    templates = Jinja2Templates(directory=HERE / "templates")
    served = served_taxonomy(model)  # the served model's taxonomy: filters and technique lists offer its names
    templates.env.globals["techniques"] = served
    templates.env.globals["technique_dicts"] = [t.__dict__ for t in served]
    templates.env.globals["write_token_needed"] = bool(token)
    templates.env.filters["plural"] = plural
    templates.env.filters["article_href"] = article_href
    templates.env.filters["display"] = lambda name: taxonomy.get(name).display
    templates.env.filters["outlet_label"] = report.outlet_label  # "unknown" reads as "(no outlet given)"
    templates.env.globals["no_outlet"] = report.NO_OUTLET

    # body limit on the bytes read, Host allow-list, same-origin writes, security headers (security.py)
    app.add_middleware(Guard, max_body=MAX_BODY_BYTES, allowed_hosts=allowed_hosts)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        """What was wrong and where, never the input itself: a reply must not echo a body back."""
        errors = [{k: e[k] for k in ("type", "loc", "msg") if k in e} for e in exc.errors()]
        if wants_page(request.scope):  # a mistyped link (?page=abc) reads as a page, not as JSON
            return page(request, "error.html", status_code=422, heading="This page cannot show that",
                        message="; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors))
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(sa.exc.DatabaseError)
    async def store_trouble(request: Request, exc: sa.exc.DatabaseError):
        """A store that cannot answer (a damaged SQLite file, a lock held past the timeout, a lost
        server) is the server's trouble, not the request's: 503 with the reason, a page for a
        browser. A damaged file was a bare 500 on every page that read it. Other database errors
        stay 500s, as any bug."""
        reason = database_trouble(exc)
        if reason is None:
            raise exc
        return store_reply(request, f"the store could not be read: {reason}")

    @app.exception_handler(UnreadableValue)
    async def store_value_unreadable(request: Request, exc: UnreadableValue):
        """A stored value its column's type cannot read (a damaged page) is the store's trouble
        too, as above: it was a bare 500."""
        return store_reply(request, f"the store could not be read: {database_trouble(exc)}")

    @app.exception_handler(StoreError)
    async def store_refused(request: Request, exc: StoreError):
        """What the store could not give (a stored analysis that is no analysis, ``analysis_data``),
        in its words: it was a bare 500."""
        return store_reply(request, str(exc))

    def store_reply(request: Request, message: str) -> Response:
        """A 503 with ``message``: a page for a browser, JSON with ``detail`` for the API."""
        if wants_page(request.scope):
            return page(request, "error.html", status_code=503, heading="The store cannot answer",
                        message=sentence(message))
        return JSONResponse({"detail": message}, status_code=503)

    def store() -> Store:
        return state["store"]

    def require_write(request: Request) -> None:
        if settings.token and not bearer_token_ok(request.headers.get("authorization"), settings.token):
            raise HTTPException(401, "this server needs a token for writes: send 'Authorization: Bearer TOKEN'")

    def require_json(request: Request) -> None:
        """A body declared as something else than JSON is a 415 that says so: FastAPI took it as
        raw bytes and answered that the body "should be a valid dictionary" (curl -d sends JSON
        as a form unless told). A body without a Content-Type is read as JSON."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind and kind != "application/json" and not kind.endswith("+json"):
            raise HTTPException(415, f"send the body as JSON with 'Content-Type: application/json', not "
                                     f"{ingest.printable(kind)[:80]!r} (curl: -H 'Content-Type: application/json')")

    def analyze_article(article: Article) -> dict:
        """The stored analysis of ``article`` (stored and analysed first when new), with
        ``metadata_filled``: the fields of an already stored copy this post filled in."""
        s = store()
        try:
            stored_id, _, filled = s.put_article(article)
        except StoreUnavailable as e:  # the server's trouble: a client may try again later
            raise HTTPException(503, str(e)) from None
        except StoreError as e:
            raise HTTPException(400, str(e)) from None
        existing = s.get_analysis(stored_id)
        if existing is None or existing.model != state["model"].name:
            stored = s.get_article(stored_id)
            with model_lock:  # one forward pass at a time: the CPU is the bottleneck anyway
                try:
                    result = analyze_batch([stored], state["model"], sources=True)[0]
                except ModelNotFound as e:  # the server's setup ($PROPSCOPE_SPACY_MODEL): no request's fault
                    raise HTTPException(503, str(e)) from None
            pk = s.pk_of(stored_id)
            s.save_analyses([(pk, result)])
            existing = result
        return {**existing.to_dict(), "metadata_filled": filled}

    def article_from_request(req: AnalyzeRequest) -> Article:
        if req.url:
            opts = ingest.ReadOptions(allow_private_urls=settings.allow_private_urls, max_bytes=MAX_BODY_BYTES * 5)
            item = next(iter(ingest.read_url(req.url, opts)), None)
            if item is None:
                raise HTTPException(400, f"cannot analyse {req.url}: no article there (an empty feed?)")
            if isinstance(item, ingest.Rejected):
                raise HTTPException(400, f"cannot analyse {req.url}: {views.url_reason(item.reason)}")
            title = req.title or item.title or headline_title(item.text)  # what the poster says comes first
            return dataclasses.replace(item, title=title, outlet=req.outlet or item.outlet,
                                       published=req.published or item.published)
        text = req.text or ""
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        article = Article(id=f"web-{digest}", text=text, title=req.title or headline_title(text), outlet=req.outlet,
                          published=req.published)  # untitled: its first line when that reads as a headline (CLI too)
        reason = ingest.check_article(article)
        if reason:
            raise HTTPException(400, f"cannot store this article: {reason}")
        return article

    # -- API ----------------------------------------------------------------------------------
    def check_topic(topic: str | None) -> None:
        """ValueError for a topic label the store does not hold, as `--topic` on the command line:
        a typo read as a topic without articles, an empty list with no word why."""
        if topic is not None and topic not in (labels := [t.label for t in store().load_topics()]):
            raise ValueError(f"no stored topic {topic!r}; the topics are: {'; '.join(labels)}" if labels else
                             f"no stored topic {topic!r}: no topics are stored yet (`propscope topics --db` finds them)")

    @app.get("/healthz", tags=["meta"])
    def healthz() -> dict:
        return {"status": "ok", "model": state["model"].name}

    errors = {400: {"description": "The URL was refused or could not be fetched, the text cannot be stored "
                                   "(NUL characters, lone surrogates), or the body is not UTF-8 JSON or is "
                                   "nested too deeply", "model": ErrorDetail},
              401: {"description": "A write token is needed", "model": ErrorDetail},
              413: {"description": "Request body too large", "model": ErrorDetail},
              415: {"description": "The body is not declared as JSON (Content-Type)", "model": ErrorDetail},
              503: {"description": "The store refuses writes (read-only, full or locked); try again later",
                    "model": ErrorDetail}}

    @app.post("/api/analyze", tags=["api"], dependencies=[Depends(require_write), Depends(require_json)],
              responses=errors)
    def api_analyze(req: AnalyzeRequest) -> dict:
        """Store and analyse an article; the same text posted twice is stored once. A re-post that
        brings metadata the stored copy lacks (title, URL, outlet, date, language) fills it in, and
        ``metadata_filled`` lists those fields; a stored value is never replaced. An article without
        a title takes its first line when that reads as a headline."""
        return analyze_article(article_from_request(req))

    technique_names = sorted({n for tax in taxonomy.TAXONOMIES.values() for t in tax for n in (t.display, t.name)})

    def api_range(since: dt.date | None, until: dt.date | None) -> None:
        """A 422 shaped as the documented validation error for a from date after the until date."""
        try:
            views.check_range(since, until)
        except ValueError as e:
            raise RequestValidationError([{"type": "value_error", "loc": ("query", "since"), "msg": str(e)}]) from None

    @app.get("/api/articles", tags=["api"], responses={404: {"model": ErrorDetail}})
    def api_articles(outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                     technique: str | None = Query(None, description="A technique's display or corpus name (any "
                                                   "case)", json_schema_extra={"enum": technique_names}),
                     q: str | None = Query(None, max_length=500),
                     topic: str | None = Query(None, max_length=256, description="A topic's label, as "
                                               "`propscope topics` stored it"),
                     page: int = Query(1, ge=1, le=100_000), per_page: int = Query(50, ge=1, le=500)) -> dict:
        api_range(since, until)
        try:  # a display name ("Loaded language") or a corpus name of any taxonomy; an unknown one lists the choices
            technique = taxonomy.resolve_any(technique) if technique else None
        except taxonomy.UnknownTechnique as e:  # a 422 shaped as the documented validation error
            raise RequestValidationError([{"type": "enum", "loc": ("query", "technique"), "msg": str(e)}]) from None
        try:  # the stored topics change with the store, so no schema can list them: not found, naming them
            check_topic(topic)
        except ValueError as e:
            raise HTTPException(404, str(e)) from None
        total, rows = store().list_articles(outlet, since, until, technique, q, per_page, (page - 1) * per_page, topic)
        return {"total": total, "page": page, "per_page": per_page, "articles": rows}

    @app.get("/api/articles/{article_id:path}", tags=["api"], responses={404: {"model": ErrorDetail}})
    def api_article(article_id: str) -> dict:
        a = store().get_analysis(article_id)
        if a is None:
            raise HTTPException(404, f"no analysed article {article_id!r}")
        return a.to_dict()

    @app.get("/api/outlets", tags=["api"])
    def api_outlets() -> list[dict]:
        from ..report import build

        return build(store(), targets=False)["by_outlet"]

    @app.get("/api/sources", tags=["api"])
    def api_sources(outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                    limit: int = Query(20, ge=1, le=1000)) -> list[dict]:
        """The most cited sources (from attributions such as "X reported", "according to X")."""
        api_range(since, until)
        return store().cited_sources(outlet, since, until, limit)

    @app.get("/api/reuse", tags=["api"])
    def api_reuse(article: str | None = Query(None, max_length=512), page: int = Query(1, ge=1, le=100_000),
                  per_page: int = Query(50, ge=1, le=500)) -> dict:
        """Stored reuse results (from `propscope reuse --db`): passages and their clusters."""
        return store().load_reuse(article, per_page, (page - 1) * per_page).to_dict()

    @app.get("/api/techniques", tags=["api"])
    def api_techniques(taxonomy_name: str | None = Query(None, alias="taxonomy", max_length=64,
                                                         description="A taxonomy name; default: the served model's",
                                                         json_schema_extra={"enum": taxonomy.available()})) -> list[dict]:
        """The techniques of a taxonomy (names, display names, definitions, colours, groups)."""
        try:
            return [t.__dict__ for t in taxonomy.load(taxonomy_name or served.name)]
        except taxonomy.TaxonomyError as e:  # a 422 shaped as the documented validation error
            raise RequestValidationError([{"type": "enum", "loc": ("query", "taxonomy"), "msg": str(e)}]) from None

    # -- pages --------------------------------------------------------------------------------
    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    @app.exception_handler(StarletteHTTPException)
    async def html_errors(request: Request, exc: StarletteHTTPException):
        """A browser gets a page for a missing page; API clients keep JSON with ``detail``. A body
        that FastAPI could not parse says why (its own reply is a bare "error parsing the body")."""
        reason = body_error(exc.__cause__)
        if exc.status_code == 400 and reason:
            return JSONResponse({"detail": reason}, status_code=400, headers=exc.headers)
        if exc.status_code == 404 and wants_page(request.scope):
            return page(request, "error.html", status_code=404, heading="Page not found",
                        message=exc.detail if exc.detail != "Not Found" else f"Nothing at {request.url.path}.")
        return await http_exception_handler(request, exc)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def swagger_ui(request: Request):
        return page(request, "docs.html")

    @app.get("/redoc", response_class=HTMLResponse, include_in_schema=False)
    def redoc(request: Request):
        return page(request, "redoc.html")

    @app.get("/redoc.js", include_in_schema=False)
    def redoc_js() -> Response:
        """ReDoc's bundle, with its one remote image (the sidebar logo) pointed at our favicon:
        nothing on /redoc leaves the host."""
        if "redoc_js" not in state:
            state["redoc_js"] = (DOCS_ASSETS / "redoc.standalone.js").read_text(encoding="utf-8").replace(
                "https://cdn.redoc.ly/redoc/logo-mini.svg", "/static/favicon.svg")
        return Response(state["redoc_js"], media_type="text/javascript", headers={"cache-control": "max-age=3600"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    @app.get("/techniques.css", include_in_schema=False)
    def techniques_css() -> Response:
        """Technique colours from the taxonomy's data, as classes (no inline styles needed)."""
        return Response(technique_css(), media_type="text/css")

    def with_titles(rows: list[dict]) -> list[dict]:
        """Listed articles as a page shows them: an untitled one by its headline, where its text
        opens with one, rather than by its id (the API and downloads keep the stored title)."""
        found = store().headline_titles(r["id"] for r in rows if not r.get("title"))
        return [{**r, "title": r.get("title") or found.get(r["id"])} for r in rows]

    def titled(article: Article) -> Article:
        """An article for a page heading: its title, else its headline (as ``with_titles``)."""
        return article if article.title else dataclasses.replace(article, title=headline_title(article.text))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        total, recent = store().list_articles(limit=10)
        return page(request, "index.html", recent=with_titles(recent), total=total)

    @app.post("/analyze", include_in_schema=False)
    async def analyze_form(request: Request):
        """The page's form, posted as multipart (raw UTF-8: a non-Latin article costs a third of its
        URL-encoded size) or URL-encoded (older copies of the page, scripts). Whatever is wrong comes
        back as the page with the reason, never as JSON a journalist would have to read."""
        fields: dict[str, str] = {}

        def again(status: int, error: str) -> HTMLResponse:
            """The form again with the reason, filled in as it was sent (never the token): a pasted
            article is not lost to a missing title or a mistyped address."""
            kept = {k: fields.get(k, "") for k in ("text", "url", "title")}
            return page(request, "index.html", status_code=status, recent=[], total=0, error=error, form=kept)

        try:
            fields = await form_fields(request)
        except ValueError as e:
            return again(400, str(e))
        if settings.token and not secret_ok(fields.get("token", ""), settings.token):
            return again(401, "Wrong or missing access token: ask whoever runs this server for it, then send again.")
        try:
            given = {"text": fields.get("text", ""), "url": fields.get("url", "").strip(), "title": fields.get("title", "")}
            req = AnalyzeRequest(**{k: v for k, v in given.items() if v})
        except ValidationError as e:
            return again(400, views.form_error(e))
        try:
            result = await run_in_threadpool(lambda: analyze_article(article_from_request(req)))
        except HTTPException as e:
            return again(e.status_code, sentence(e.detail))  # a refused URL 400, a store refusing writes 503
        return RedirectResponse(article_href(result["id"]), status_code=303)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        a = store().get_analysis(article_id)
        if a is None:
            return page(request, "error.html", status_code=404, heading="No such article",
                        message=f"There is no analysed article {article_id!r} in this store.")
        a.article = titled(a.article)
        threshold = default_threshold([s.score for s in a.spans])
        return page(request, "article.html", a=a, head=Markup(render_head(a, level=1)),
                    body=Markup(render_article(a, threshold, head=False)),
                    controls=Markup(render_controls([a], threshold)), legend=Markup(render_legend([a])),
                    guide=Markup(READING_GUIDE), names=named_entities(a.entities),
                    technique_dicts=technique_data([a]))

    def dashboard_data(outlet: str, since: str, until: str) -> tuple[dict, dict[str, list[dict]]]:
        from ..report import build

        first, last = views.parse_range(since, until)
        rep = build(store(), outlet=outlet or None, since=first, until=last)
        return rep, views.dashboard_tables(rep)

    @app.get("/dashboard", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request, outlet: str = "", since: str = "", until: str = ""):
        error = None
        try:
            rep, tables = dashboard_data(outlet, since, until)
        except ValueError as e:
            error, since, until = str(e), "", ""
            rep, tables = dashboard_data(outlet, since, until)
        filters = {"outlet": outlet, "since": since, "until": until}
        tables = {**tables, "top_articles": with_titles(tables["top_articles"])}
        stored = rep["articles"] or store().list_articles(limit=1)[0]  # none at all: say how to add some
        return page(request, "dashboard.html", rep=rep, tables=tables, filters=filters, error=error, stored=stored,
                    outlets=views.outlets(store()), url=views.url, heat_level=charts.heat_level,
                    charts={k: Markup(v) for k, v in charts.dashboard_charts(tables, filters).items()},
                    top_count=max((n for r in tables["techniques_by_outlet"] for k, n in r.items() if k != "outlet"),
                                  default=1))

    @app.get("/dashboard/{table}.{fmt}", include_in_schema=False)
    def dashboard_download(table: str, fmt: str, outlet: str = "", since: str = "", until: str = "") -> Response:
        """Each dashboard table and chart as CSV or JSON, with the same filters as the page."""
        if table not in views.DASHBOARD_TABLES or fmt not in ("csv", "json"):
            raise HTTPException(404, f"no table {table!r} as {fmt!r}: tables are {', '.join(views.DASHBOARD_TABLES)}")
        try:
            rows = dashboard_data(outlet, since, until)[1][table]
        except ValueError as e:
            raise HTTPException(400, str(e)) from None
        return download(rows, fmt, f"dashboard-{table}")

    def download(rows: list[dict], fmt: str, name: str, **extra) -> Response:
        if fmt == "csv":
            return Response(views.to_csv(rows), media_type="text/csv; charset=utf-8",
                            headers={"content-disposition": f'attachment; filename="{name}.csv"'})
        return JSONResponse({**extra, "rows": rows})

    @app.get("/reuse", response_class=HTMLResponse, include_in_schema=False)
    def reuse_page(request: Request, article: str = "", page_no: int = Query(1, alias="page", ge=1, le=100_000)):
        from ..report_html import clustered, render_cluster

        result = store().load_reuse(article or None, REUSE_PAGE, (page_no - 1) * REUSE_PAGE, per="cluster")
        ids = {m[0] for c in result.clusters for m in c.members} | {i for p in result.passages for i in (p.a, p.b)}
        texts = {i: titled(a) for i in ids if (a := store().get_article(i))}
        groups = clustered(result)
        cards = [Markup(render_cluster(c, ps, texts, href=article_href)) for c, ps in groups]
        shown = texts.get(article) or (titled(found) if article and (found := store().get_article(article)) else None)
        return page(request, "reuse.html", clusters=cards, more=len(groups) >= REUSE_PAGE, article=article,
                    article_title=shown.title if shown else None, page_no=page_no, url=views.url)

    def search_rows(q: str, technique: str, outlet: str, since: str, until: str, limit: int,
                    offset: int, topic: str = "") -> tuple[int, list[dict]]:
        """One query behind the search page and its downloads; ValueError names a bad filter."""
        tech = taxonomy.resolve_any(technique) if technique.strip() else None
        check_topic(topic or None)
        return store().list_articles(outlet or None, *views.parse_range(since, until), tech,
                                     q.strip() or None, limit, offset, topic or None)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = Query("", max_length=500), technique: str = "", outlet: str = "",
                    since: str = "", until: str = "", topic: str = Query("", max_length=256),
                    page_no: int = Query(1, alias="page", ge=1, le=100_000)):
        filters = {"q": q, "technique": technique, "outlet": outlet, "since": since, "until": until, "topic": topic}
        try:
            total, rows = search_rows(q, technique, outlet, since, until, SEARCH_PAGE, (page_no - 1) * SEARCH_PAGE,
                                      topic)
        except ValueError as e:
            return page(request, "search.html", filters=filters, error=str(e), hits=[], total=0, page_no=1, pages=1,
                        url=views.url)
        terms = search.terms(q)
        shown = search.word_pattern(terms)
        tech = taxonomy.resolve_any(technique) if technique.strip() else None
        hits = []
        for r in rows:
            a = store().get_analysis(r["id"])
            text = a.article.text if a else store().get_article(r["id"]).text
            spans = [s for s in (a.spans if a else []) if (s.technique == tech if tech else
                     search.holds(s.text, shown))]
            passages: dict[tuple[int, int], list] = {}  # one line per passage, all its techniques
            for sp in sorted(spans, key=lambda sp: -sp.score):
                passages.setdefault((sp.start, sp.end), []).append(sp)
            hits.append({**r, "title": r["title"] or headline_title(text), "snippet": Markup(views.snippet(text, terms)),
                         "passages": list(passages.values())[:5]})
        return page(request, "search.html", filters=filters, hits=hits, total=total, page_no=page_no,
                    pages=max(1, -(-total // SEARCH_PAGE)), url=views.url, outlets=views.outlets(store()),
                    topics=[t.label for t in store().load_topics()])

    @app.get("/search.{fmt}", include_in_schema=False)
    def search_download(fmt: str, q: str = Query("", max_length=500), technique: str = "", outlet: str = "",
                        since: str = "", until: str = "", topic: str = Query("", max_length=256)) -> Response:
        """The search results (every page, up to 10,000 articles) as CSV or JSON."""
        if fmt not in ("csv", "json"):
            raise HTTPException(404, f"no search results as {fmt!r}: csv or json")
        try:
            total, rows = search_rows(q, technique, outlet, since, until, 10_000, 0, topic)
        except ValueError as e:
            raise HTTPException(400, str(e)) from None
        return download(rows, fmt, "search", total=total, truncated=total > len(rows))

    _document_nul_refusal(app)
    return app


def _document_nul_refusal(app: FastAPI) -> None:
    """The security middleware refuses a NUL anywhere in the query (422, as for a bad value): say
    so in the OpenAPI spec, on every string query parameter that has no pattern of its own."""
    from fastapi.openapi.utils import get_openapi

    def spec() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            for path in schema.get("paths", {}).values():
                for op in path.values():
                    for param in op.get("parameters", []) if isinstance(op, dict) else []:
                        for s in [param.get("schema", {}), *param.get("schema", {}).get("anyOf", [])]:
                            if param.get("in") == "query" and s.get("type") == "string" and "pattern" not in s:
                                s["pattern"] = "^[^\\x00]*$"
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = spec  # type: ignore[method-assign]
