"""The web app and REST API (FastAPI): analyse, read, explore and compare in a browser.

Pages are rendered on the server with Jinja2 (autoescaping on: article text is data, never
markup) and every asset is served by the app itself, so it works on an offline machine.
Writes need a bearer token when one is configured, which ``propscope serve`` insists on
when bound to a non-loopback address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import threading
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .. import ingest, taxonomy
from ..document import Article
from ..pipeline import analyze_batch
from ..report_html import render_article
from ..store import Store
from . import charts

HERE = Path(__file__).parent
MAX_BODY_BYTES = 2_000_000
MAX_TEXT_CHARS = 1_000_000


class AnalyzeRequest(BaseModel):
    """Either ``text`` or ``url``: the schema says so too, so generated clients get it right."""

    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["url"]}]})

    text: str = Field(None, min_length=1, max_length=MAX_TEXT_CHARS, pattern=r"\S",
                      description="Article text, exactly as published.")
    title: str | None = Field(None, max_length=2000)
    url: str = Field(None, max_length=2048, pattern=r"^https?://", description="Fetch and analyse this page instead.")
    outlet: str | None = Field(None, max_length=255)
    published: dt.date | None = None

    @model_validator(mode="after")
    def one_source(self) -> AnalyzeRequest:
        if bool(self.text and self.text.strip()) == bool(self.url):
            raise ValueError("give either a non-empty 'text' or a 'url'")
        return self


class ErrorDetail(BaseModel):
    detail: str


class Settings:
    def __init__(self, db: str | None, model: str | None, token: str | None, allow_private_urls: bool = False):
        self.db, self.model, self.token, self.allow_private_urls = db, model, token, allow_private_urls


def create_app(db: str | None = None, model: str | None = None, token: str | None = None,
               allow_private_urls: bool = False) -> FastAPI:
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

    app = FastAPI(title="propscope", version="0.1.0", lifespan=lifespan,
                  description="Find propaganda techniques in news, with evidence a person can check.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["techniques"] = taxonomy.PTC14
    templates.env.globals["technique_dicts"] = [t.__dict__ for t in taxonomy.PTC14]
    templates.env.globals["write_token_needed"] = bool(token)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        return await call_next(request)

    def store() -> Store:
        return state["store"]

    def require_write(request: Request) -> None:
        if not settings.token:
            return
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given, settings.token):
            raise HTTPException(401, "this server needs a token for writes: send 'Authorization: Bearer TOKEN'")

    def analyze_article(article: Article) -> dict:
        s = store()
        stored_id, _ = s.put_article(article)
        existing = s.get_analysis(stored_id)
        if existing is None or existing.model != state["model"].name:
            stored = s.get_article(stored_id)
            with model_lock:  # one forward pass at a time: the CPU is the bottleneck anyway
                result = analyze_batch([stored], state["model"], sources=True)[0]
            pk = s.pk_of(stored_id)
            s.save_analyses([(pk, result)])
            existing = result
        return existing.to_dict()

    def article_from_request(req: AnalyzeRequest) -> Article:
        if req.url:
            opts = ingest.ReadOptions(allow_private_urls=settings.allow_private_urls, max_bytes=MAX_BODY_BYTES * 5)
            item = next(iter(ingest.read_url(req.url, opts)))
            if isinstance(item, ingest.Rejected):
                raise HTTPException(400, f"cannot analyse {req.url}: {item.reason}")
            return item
        text = req.text or ""
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        return Article(id=f"web-{digest}", text=text, title=req.title, outlet=req.outlet, published=req.published)

    # -- API ----------------------------------------------------------------------------------
    @app.get("/healthz", tags=["meta"])
    def healthz() -> dict:
        return {"status": "ok", "model": state["model"].name}

    errors = {400: {"description": "The URL was refused or could not be fetched", "model": ErrorDetail},
              401: {"description": "A write token is needed", "model": ErrorDetail},
              413: {"description": "Request body too large", "model": ErrorDetail}}

    @app.post("/api/analyze", tags=["api"], dependencies=[Depends(require_write)], responses=errors)
    def api_analyze(req: AnalyzeRequest) -> dict:
        """Store and analyse an article; the same text posted twice is stored once."""
        return analyze_article(article_from_request(req))

    @app.get("/api/articles", tags=["api"])
    def api_articles(outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                     technique: str | None = None, q: str | None = Query(None, max_length=500),
                     page: int = Query(1, ge=1, le=100_000), per_page: int = Query(50, ge=1, le=500)) -> dict:
        try:  # a display name ("Loaded language") or a corpus name; an unknown one lists the choices
            technique = taxonomy.resolve(technique) if technique else None
        except taxonomy.UnknownTechnique as e:
            raise HTTPException(422, str(e)) from None
        total, rows = store().list_articles(outlet, since, until, technique, q, per_page, (page - 1) * per_page)
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
        return store().cited_sources(outlet, since, until, limit)

    @app.get("/api/reuse", tags=["api"])
    def api_reuse(article: str | None = Query(None, max_length=512), page: int = Query(1, ge=1, le=100_000),
                  per_page: int = Query(50, ge=1, le=500)) -> dict:
        """Stored reuse results (from `propscope reuse --db`): passages and their clusters."""
        return store().load_reuse(article, per_page, (page - 1) * per_page).to_dict()

    @app.get("/api/techniques", tags=["api"])
    def api_techniques() -> list[dict]:
        return [t.__dict__ for t in taxonomy.PTC14]

    # -- pages --------------------------------------------------------------------------------
    def page(request: Request, name: str, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        total, recent = store().list_articles(limit=10)
        return page(request, "index.html", recent=recent, total=total)

    @app.post("/analyze", include_in_schema=False)
    def analyze_form(request: Request, text: str = Form(""), url: str = Form(""), title: str = Form(""),
                     token: str = Form("")):
        if settings.token and not hmac.compare_digest(token, settings.token):
            raise HTTPException(401, "wrong or missing token")
        try:
            given = {"text": text, "url": url.strip(), "title": title}
            req = AnalyzeRequest(**{k: v for k, v in given.items() if v})
        except ValueError:
            return page(request, "index.html", recent=[], total=0, error="Paste a text or give a URL.")
        try:
            result = analyze_article(article_from_request(req))
        except HTTPException as e:
            return page(request, "index.html", recent=[], total=0, error=e.detail)
        return RedirectResponse(f"/articles/{result['id']}", status_code=303)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        a = store().get_analysis(article_id)
        if a is None:
            raise HTTPException(404, f"no analysed article {article_id!r}")
        used = sorted({s.technique for s in a.spans})
        return page(request, "article.html", a=a, body=Markup(render_article(a)),
                    legend=[taxonomy.get(t) for t in used])

    @app.get("/dashboard", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request, outlet: str | None = None):
        from ..report import build

        rep = build(store(), outlet=outlet or None)
        totals: dict[str, int] = {}
        for g in rep["by_outlet"]:
            for t, n in g["techniques"].items():
                totals[t] = totals.get(t, 0) + n
        tech_chart = charts.bar_chart([(taxonomy.get(t).display, n) for t, n in sorted(totals.items(), key=lambda x: -x[1])],
                                      title="technique spans")
        outlet_chart = charts.bar_chart([(g["key"], g["mean_score"] * 100) for g in rep["by_outlet"][:15]],
                                        fmt="{:.0f}%", title="mean article score by outlet")
        months = [(g["key"], g["mean_score"]) for g in rep["by_month"] if g["key"] != "unknown"]
        time_chart = charts.line_chart(months, title="mean article score by month")
        target_chart = charts.bar_chart([(t["entity"], t["spans"]) for t in rep["top_targets"]],
                                        colour="#1f2d3a", title="entities most targeted by technique spans")
        used = sorted(totals, key=lambda t: -totals[t])
        top_count = max((n for g in rep["by_outlet"] for n in g["techniques"].values()), default=1)
        return page(request, "dashboard.html", rep=rep, outlet=outlet, tech_chart=Markup(tech_chart),
                    outlet_chart=Markup(outlet_chart), time_chart=Markup(time_chart),
                    target_chart=Markup(target_chart), used=[taxonomy.get(t) for t in used], top_count=top_count)

    @app.get("/reuse", response_class=HTMLResponse, include_in_schema=False)
    def reuse_page(request: Request, article: str = "", page_no: int = Query(1, alias="page", ge=1)):
        from ..report_html import render_passage

        result = store().load_reuse(article or None, 25, (page_no - 1) * 25)
        ids = {i for p in result.passages for i in (p.a, p.b)}
        texts = {i: store().get_article(i) for i in ids}
        origins = {c.id: c.origin for c in result.clusters}
        passages = [Markup(render_passage(p, texts, origins.get(p.cluster))) for p in result.passages
                    if texts.get(p.a) and texts.get(p.b)]
        return page(request, "reuse.html", passages=passages, clusters=result.clusters, article=article,
                    page_no=page_no)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "", technique: str = "", outlet: str = ""):
        hits = store().search(q, technique or None, outlet or None, limit=50) if q.strip() else []
        return page(request, "search.html", q=q, technique=technique, outlet=outlet, hits=hits)

    return app
