"""Fetching a URL without becoming a proxy into the user's network.

Every hop (the URL and each redirect) is resolved once and refused when any of its
addresses is not globally reachable unicast (``refusal`` says which ranges, after
unwrapping IPv4 addresses carried inside IPv6 ones), unless the caller allows private
addresses. The connection then goes to the very address that was checked, with the
URL's host name kept in the Host header and as the TLS server name: a DNS answer that
changes between the check and the connection (rebinding) cannot redirect it. Bodies are
streamed under a size cap and a timeout, so a hostile server can neither fill memory
nor hang a run.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

MAX_REDIRECTS = 5
RESOLVE_TIMEOUT = 15.0  # seconds a host name lookup may take
BODY_TIMEOUTS = 4  # one hop's whole answer may take this many times the timeout (60 s by default)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Ranges Python 3.11's ``is_global`` calls global although no public server lives there.
_NOT_PUBLIC = [ipaddress.ip_network(n) for n in (
    "100.64.0.0/10",      # carrier-grade NAT (is_global knows it; kept for older Pythons)
    "192.0.0.0/24",       # IETF protocol assignments (3.11 refuses only its first /29)
    "192.88.99.0/24",     # deprecated 6to4 relay anycast
    "64:ff9b:1::/48",     # local-use NAT64
    "2001::/23",          # IETF protocol assignments (Teredo is unwrapped below)
    "fec0::/10",          # site-local (deprecated, still routed inside some networks)
)]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(Exception):
    """A URL that could not or must not be fetched; the message says why."""


@dataclass
class Fetched:
    url: str
    content_type: str
    body: bytes


def _embedded(addr: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries to its destination: IPv4-mapped, 6to4, Teredo
    (server and client) and NAT64 (64:ff9b::/96)."""
    found: list[ipaddress.IPv4Address] = []
    if addr.ipv4_mapped:
        found.append(addr.ipv4_mapped)
    if addr.sixtofour:
        found.append(addr.sixtofour)
    if addr.teredo:
        found.extend(addr.teredo)
    if addr in _NAT64:
        found.append(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
    return found


def refusal(addr: IPAddress) -> str | None:
    """Why ``addr`` must not be fetched from (it is not globally reachable unicast), or None."""
    if isinstance(addr, ipaddress.IPv6Address):
        inner = _embedded(addr)
        for v4 in inner:
            why = refusal(v4)
            if why:
                return f"{why}, wrapped in {addr}"
        if inner:
            return None  # a wrapper of a public IPv4 address is as public as that address
    for check in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved", "site_local"):
        if getattr(addr, f"is_{check}", False):
            return check.replace("_", "-")
    if any(addr in net for net in _NOT_PUBLIC if net.version == addr.version):
        return "not public"
    if not addr.is_global:
        return "not global"
    return None


def _resolve(host: str, port: int) -> list[str]:
    """The addresses of ``host`` (the one name lookup of a hop; tests replace it with a stub).
    ``getaddrinfo`` takes no timeout, and a resolver that never answers held a run for as long as
    the system's retries last; so the lookup runs in a daemon thread, given ``RESOLVE_TIMEOUT``
    seconds, and is abandoned after them (the thread ends on its own when the system gives up)."""
    found: list = []

    def lookup() -> None:
        try:
            found.append([info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)])
        except (OSError, UnicodeError, ValueError) as e:
            found.append(e)

    worker = threading.Thread(target=lookup, daemon=True, name=f"resolve {host}")
    worker.start()
    worker.join(RESOLVE_TIMEOUT)
    if not found:
        raise socket.gaierror(f"no answer from the name server within {RESOLVE_TIMEOUT:g} s")
    if isinstance(found[0], BaseException):
        raise found[0]
    return found[0]


# A host name as DNS holds it once IDNA-encoded: labels of letters, digits, hyphens (and the
# underscores some real hosts carry), each up to 63 characters, 253 in all
_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)")


def _host_problem(host: str, port: int | None, shown: str) -> str | None:
    """Why ``host`` (ASCII, as httpx encodes it) and ``port`` are nothing to look up or connect to,
    or None (``shown``: the host as the URL gives it, for the message). A space, a percent sign
    or a NUL ('exa mple.com', '%31%32%37.0.0.1'), an IPv6 zone
    ('fe80::1%eth0', an interface of this machine) and port 0 went to the name server as they were."""
    if port == 0:
        return "port 0 is no port a server listens on"
    if ":" in host:  # an IPv6 literal, brackets gone
        if "%" in host:
            return f"the IPv6 address {shown!r} names a zone (a network interface of this machine)"
        return None
    name = host[:-1] if host.endswith(".") else host
    if len(name) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in name.split(".")):
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        return f"{shown!r} is no host name (letters, digits and hyphens between dots)"
    return None


def check_url(url: str, allow_private: bool = False) -> list[IPAddress]:
    """The addresses to connect to for ``url``, each checked, or FetchError saying why not."""
    try:  # an unclosed IPv6 bracket ("http://[::1") or a port that is no port is ValueError
        parts = urlsplit(url)
        hostname, explicit_port = parts.hostname, parts.port
        host = httpx.URL(url).raw_host.decode("ascii")  # a line break or control character, a bad IDNA name
    except (ValueError, httpx.InvalidURL) as e:
        raise FetchError(f"not a valid URL: {e}") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    if not hostname:
        raise FetchError("URL has no host")
    if parts.username or parts.password:
        raise FetchError("URLs with credentials are refused")
    if why := _host_problem(host, explicit_port, hostname):
        raise FetchError(f"not a valid URL: {why}")
    try:
        port = explicit_port or (443 if parts.scheme == "https" else 80)
        addrs = [ipaddress.ip_address(a.split("%")[0]) for a in _resolve(host, port)]
    except (socket.gaierror, UnicodeError, ValueError) as e:
        raise FetchError(f"cannot resolve host {hostname!r}: {e}") from None
    if not addrs:
        raise FetchError(f"cannot resolve host {hostname!r}")
    if not allow_private:
        for addr in addrs:
            why = refusal(addr)
            if why:
                raise FetchError(f"{hostname} resolves to a non-public address ({addr}: {why}); "
                                 "pass --allow-private-urls to fetch it anyway")
    return addrs


def _pinned(url: str, addr: IPAddress) -> tuple[httpx.URL, dict[str, str], dict[str, bytes]]:
    """The request for ``url`` sent to ``addr``: the URL's host replaced by the address, the
    name kept in the Host header and (for https) as the TLS server name checked on the
    certificate."""
    original = httpx.URL(url)
    target = original.copy_with(host=str(addr))
    headers = {"Host": original.netloc.decode("ascii")}
    extensions = {"sni_hostname": original.raw_host} if original.scheme == "https" else {}
    return target, headers, extensions


class _Deadline:
    """When the answer being read must have arrived by (``time.monotonic``), or None; ``cut``:
    whether the last wait was shortened to it (so a timeout then is this deadline's)."""

    at: float | None = None
    cut: bool = False

    def left(self, timeout: float | None) -> float | None:
        """``timeout`` cut to the time left, or httpcore's ReadTimeout when none is."""
        if self.at is None:
            return timeout
        left = self.at - time.monotonic()
        self.cut = timeout is None or left <= timeout
        if left <= 0:
            raise httpcore.ReadTimeout("the whole answer took too long")
        return min(timeout, left) if timeout is not None else left

    def expired(self) -> bool:
        return self.at is not None and time.monotonic() >= self.at

    def timed_out(self) -> bool:
        """Whether a timeout just raised is this deadline's: it has come, or the wait was cut to it."""
        return self.expired() or (self.at is not None and self.cut)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than its ``_Deadline`` allows."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline):
        self._stream, self._deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, self._deadline.left(timeout)),
                               self._deadline)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.SyncBackend):
    """httpcore's sockets, each read under one ``_Deadline``."""

    def __init__(self, deadline: _Deadline):
        self.deadline = deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None) -> httpcore.NetworkStream:
        stream = super().connect_tcp(host, port, self.deadline.left(timeout), local_address, socket_options)
        return _DeadlineStream(stream, self.deadline)


def _transport(deadline: _Deadline) -> httpx.BaseTransport:
    """httpx's own transport, its sockets under ``deadline``. httpx takes no network backend, so
    it is set on the pool it made (its ``_pool``, httpcore's ``_network_backend``): where a later
    version names them otherwise, only the check on the body's chunks in ``_get`` is left."""
    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.ConnectionPool) and hasattr(pool, "_network_backend"):
        pool._network_backend = _DeadlineBackend(deadline)
    return transport


def fetch(url: str, *, timeout: float = 15.0, max_bytes: int = 10_000_000, allow_private: bool = False,
          transport: httpx.BaseTransport | None = None) -> Fetched:
    """GET ``url`` following at most ``MAX_REDIRECTS`` redirects, each hop checked and pinned to
    the address checked. ``timeout`` bounds each wait for the server, and ``BODY_TIMEOUTS`` times
    it one hop's whole answer, headers and body. ``transport`` is for tests."""
    current, deadline = url, _Deadline()
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": "propscope/0.1"},
                      transport=transport or _transport(deadline)) as client:
        for _ in range(MAX_REDIRECTS + 1):
            addrs = check_url(current, allow_private)
            deadline.at, deadline.cut = time.monotonic() + BODY_TIMEOUTS * timeout, False
            resp = _get(client, current, addrs, timeout, max_bytes, deadline)
            if isinstance(resp, str):
                current = resp
                continue
            return resp
    raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}")


def _get(client: httpx.Client, url: str, addrs: list[IPAddress], timeout: float, max_bytes: int,
         deadline: _Deadline) -> Fetched | str:
    """One hop: the page, or the URL a redirect points to. The checked addresses are tried in
    turn while a connection cannot be made, as the system's resolver order would. httpx's timeout
    is for each read: a server sending a few bytes every few seconds kept a run waiting for hours,
    so the whole answer must arrive by ``deadline`` (its sockets wait no longer; the body's
    chunks are checked too, for a transport given to ``fetch``)."""
    for k, addr in enumerate(addrs):
        target, headers, extensions = _pinned(url, addr)
        try:
            with client.stream("GET", target, headers=headers, extensions=extensions) as resp:
                if resp.is_redirect:
                    location = resp.headers.get("location")
                    if not location:
                        raise FetchError(f"redirect without a Location header from {url}")
                    return urljoin(url, location)
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} from {url}")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(f"{url} is {int(declared)} bytes, over the {max_bytes}-byte limit")
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise FetchError(f"{url} is over the {max_bytes}-byte limit")
                    if deadline.expired():
                        raise FetchError(f"{url} took over {BODY_TIMEOUTS * timeout:g} s to send its page "
                                         f"({len(body):,} bytes so far); not read")
                return Fetched(url, resp.headers.get("content-type", ""), bytes(body))
        except httpx.ConnectError as e:
            if k == len(addrs) - 1:
                raise FetchError(f"cannot fetch {url}: {e}") from None
        except httpx.TimeoutException:
            if deadline.timed_out():
                raise FetchError(f"{url} took over {BODY_TIMEOUTS * timeout:g} s to send its page; not read") from None
            raise FetchError(f"timed out after {timeout:g} s fetching {url}") from None
        except httpx.HTTPError as e:
            raise FetchError(f"cannot fetch {url}: {e}") from None
    raise FetchError(f"cannot fetch {url}")  # pragma: no cover (addrs is never empty)
