"""What stands between the web app and a hostile client or a hostile page in the user's browser.

One ASGI middleware (``Guard``), outermost, so nothing reaches a route without it:

- the request body is counted as it is read, chunked or not, and a body over the limit is
  answered 413 before any route sees it (a Content-Length header is only a hint), as a page
  when a browser posts a form;
- the Host header must name this server, so a DNS-rebinding page cannot talk to a server on
  loopback under its own name;
- a write (any method but GET, HEAD, OPTIONS) that a browser sends from another site, as its
  Origin, Referer or Sec-Fetch-Site says, is refused: a cross-site form cannot store articles,
  with or without a token;
- a NUL character in the path or query is a 422 (PostgreSQL cannot compare against it);
- every response carries a Content-Security-Policy without inline script or other hosts,
  nosniff, frame-ancestors/X-Frame-Options and a Referrer-Policy; a 500 too: Starlette's own
  500 reply comes from outside every middleware, so an unexpected exception is answered here
  (then re-raised, for the server's log): as a page saying what to do when a browser asked for
  a page, as JSON otherwise.

``bearer_token_ok`` checks an Authorization header in constant time, for any bytes sent.
"""

from __future__ import annotations

import hmac
import html
import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
TEST_HOST = "testserver"  # the Host that Starlette's TestClient sends
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Styles may be inline: ReDoc (/redoc) injects <style> elements; no page of ours has one, and a
# style cannot run script. Workers from blob: are ReDoc's too.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # not no-referrer: that makes browsers send "Origin: null" on POST
]


def host_name(host_header: str) -> str:
    """The name in a Host header, without the port, lower-case (``[::1]:8000`` -> ``::1``)."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def served_hosts(bind: str, extra: Iterable[str] = ()) -> list[str] | None:
    """The Host names ``propscope serve`` accepts: loopback names, the address it binds to and any
    ``--allowed-host``. Bound to every interface with no name given, any Host is accepted (the
    server is then reachable directly, and writes need the token)."""
    extra = list(extra)
    wildcard = bind in ("", "0.0.0.0", "::")
    if wildcard and not extra:
        return None
    return [*LOOPBACK_HOSTS, *([] if wildcard else [bind]), *extra]


def bearer_token_ok(header: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header is ``Bearer <token>``. Headers arrive as latin-1 text,
    so any bytes compare (as bytes, in constant time) instead of raising on non-ASCII."""
    if not header:
        return False
    scheme, _, given = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode("latin-1", "replace"), token.encode("utf-8"))


def secret_ok(given: str, token: str) -> bool:
    """A token typed into a form, compared in constant time whatever characters it holds."""
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), token.encode("utf-8"))


class Guard:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, max_body: int, allowed_hosts: Iterable[str] | None = None):
        self.app, self.max_body = app, max_body
        self.allowed = None if allowed_hosts is None else {host_name(h) for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self._guard(scope, receive, tracked)
        except Exception:
            if not started and wants_page(scope):  # a browser shows a page saying what to do, not raw JSON
                await _reply_page(send, 500, "Something went wrong on the server", "This page could not be made. "
                                  "Try again in a moment; if it keeps failing, whoever runs this server will find "
                                  "the reason in its log.")
            elif not started:  # answered here, with the headers; the server still logs the exception
                await _reply(send, 500, "internal server error")
            raise

    async def _guard(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if self.allowed is not None and host_name(host) not in self.allowed:
            await _reply(send, 400, f"unknown host {host[:100]!r}: this server answers to "
                                    f"{', '.join(sorted(self.allowed))} (see `propscope serve --allowed-host`)")
            return
        query = scope.get("query_string", b"").lower()
        if "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query:
            where = "path" if "\x00" in scope.get("path", "") else "query"  # 422 shaped as FastAPI's own
            await _reply(send, 422, [{"type": "string_nul", "loc": [where], "msg": "NUL characters are not allowed"}])
            return
        method = scope.get("method", "GET").upper()
        if method not in SAFE_METHODS and _cross_site(headers, host):
            await _reply(send, 403, "cross-site write refused: send it from this site's own pages, or without "
                                    "a browser's Origin header")
            return
        if method in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        length = headers.get("content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.max_body):
            await self._too_large(scope, headers, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_body:
                await self._too_large(scope, headers, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)


    async def _too_large(self, scope: Scope, headers: dict[str, str], send: Send) -> None:
        """413: JSON for API clients; a page for a browser posting a form, which would otherwise
        show the journalist a line of raw JSON."""
        message = f"request body over {self.max_body} bytes"
        if wants_page(scope):
            await _reply_page(send, 413, "This article is too long to send", f"The form sent more than "
                              f"{self.max_body:,} bytes, the most this server takes. Send a shorter text, or "
                              "store long articles with `propscope ingest` and analyse them there.")
            return
        await _reply(send, 413, message)


def _cross_site(headers: dict[str, str], host: str) -> bool:
    """Whether a browser says this request comes from another site (no header: not a browser)."""
    if headers.get("sec-fetch-site", "") in ("cross-site", "same-site"):
        return True
    origin = headers.get("origin") or headers.get("referer")
    if origin is None:
        return False
    if origin == "null":
        return True
    parts = urlsplit(origin)
    default = 443 if parts.scheme == "https" else 80
    try:
        theirs = (parts.hostname or "", parts.port or default)
        ours = urlsplit(f"{parts.scheme or 'http'}://{host.strip()}")
        return theirs != ((ours.hostname or "").lower(), ours.port or default)
    except ValueError:  # a port that is not a number
        return True


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body already read, then waits on the client as before."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _with_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = list(message.get("headers", [])) + [
                (k, v) for k, v in SECURITY_HEADERS if k not in present]
        await send(message)

    return wrapped


def wants_page(scope: Scope) -> bool:
    """A browser asking for a page (it accepts HTML, outside /api) gets one; API clients keep JSON."""
    accept = next((v for k, v in scope.get("headers", []) if k == b"accept"), b"").decode("latin-1")
    return "text/html" in accept and not scope.get("path", "").startswith("/api")


async def _reply_page(send: Send, status: int, heading: str, message: str) -> None:
    """An error page in the site's style, without a template (the middleware runs before the app)."""
    body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(heading)} · propscope'
            '</title><link rel="stylesheet" href="/static/style.css"></head><body><main>'
            f'<h1>{html.escape(heading)}</h1><p class="error" role="alert">{html.escape(message)}</p>'
            '<p><a href="/">Back to the form</a></p></main></body></html>').encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _reply(send: Send, status: int, detail: str | list[dict]) -> None:
    """A JSON error that says why and never repeats what the client sent."""
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
