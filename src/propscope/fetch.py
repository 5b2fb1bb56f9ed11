"""Fetching a URL without becoming a proxy into the user's network.

Every hop (the URL and each redirect) is resolved and refused when any address
is loopback, private, link-local, multicast, reserved or unspecified, unless
the caller allows private addresses. Bodies are streamed under a size cap and
a timeout, so a hostile server can neither fill memory nor hang a run.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

MAX_REDIRECTS = 5


class FetchError(Exception):
    """A URL that could not or must not be fetched; the message says why."""


@dataclass
class Fetched:
    url: str
    content_type: str
    body: bytes


def check_url(url: str, allow_private: bool = False) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    if not parts.hostname:
        raise FetchError("URL has no host")
    if parts.username or parts.password:
        raise FetchError("URLs with credentials are refused")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as e:
        raise FetchError(f"cannot resolve host {parts.hostname!r}: {e}") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_multicast
                or addr.is_reserved or addr.is_unspecified):
            raise FetchError(f"{parts.hostname} resolves to a non-public address ({addr}); "
                             "pass --allow-private-urls to fetch it anyway")


def fetch(url: str, *, timeout: float = 15.0, max_bytes: int = 10_000_000, allow_private: bool = False) -> Fetched:
    """GET ``url`` following at most ``MAX_REDIRECTS`` redirects, each hop checked."""
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": "propscope/0.1"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"redirect without a Location header from {current}")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code} from {current}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"{current} is {int(declared)} bytes, over the {max_bytes}-byte limit")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise FetchError(f"{current} is over the {max_bytes}-byte limit")
                    return Fetched(str(resp.url), resp.headers.get("content-type", ""), bytes(body))
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {timeout:g} s fetching {current}") from None
            except httpx.HTTPError as e:
                raise FetchError(f"cannot fetch {current}: {e}") from None
    raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}")
