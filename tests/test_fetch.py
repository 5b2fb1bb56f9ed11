"""URL fetching: private addresses refused unless allowed, redirects re-checked, sizes capped."""

import http.server
import threading

import pytest

from propscope import fetch
from propscope.ingest import Article, ReadOptions, Rejected, read_inputs

PAGE = ("<html><head><title>Local story</title></head><body><article><h1>Local story</h1><p>"
        + "The mayor said the plan was a disgrace to the city. " * 10 + "</p></article></body></html>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/story":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path == "/plain":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"Just words.")
        elif self.path == "/big":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * 50_000)
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/story")
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://localhost/x", "http://10.1.2.3/", "http://192.168.0.1/",
                                 "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/",
                                 "http://[::ffff:127.0.0.1]/"])
def test_private_addresses_are_refused(url):
    with pytest.raises(fetch.FetchError, match="non-public"):
        fetch.check_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/", "http://user:pw@example.com/", "http:///x"])
def test_other_schemes_and_odd_urls_are_refused(url):
    with pytest.raises(fetch.FetchError):
        fetch.check_url(url)


def test_local_server_refused_by_default_and_read_when_allowed(server):
    [r] = read_inputs([server + "/story"])
    assert isinstance(r, Rejected) and "allow-private-urls" in r.reason
    [a] = read_inputs([server + "/redirect"], ReadOptions(allow_private_urls=True))
    assert isinstance(a, Article)
    assert a.url.endswith("/story") and "disgrace" in a.text and a.title == "Local story"
    [p] = read_inputs([server + "/plain"], ReadOptions(allow_private_urls=True))
    assert p.text == "Just words."


def test_size_cap_404_and_unreachable(server):
    opts = ReadOptions(allow_private_urls=True, max_bytes=10_000, timeout=3)
    [big] = read_inputs([server + "/big"], opts)
    assert isinstance(big, Rejected) and "limit" in big.reason
    [missing] = read_inputs([server + "/nope"], opts)
    assert isinstance(missing, Rejected) and "404" in missing.reason
    [down] = read_inputs(["http://127.0.0.1:9/"], opts)
    assert isinstance(down, Rejected) and "cannot fetch" in down.reason


def test_feed_url_that_returns_html_is_reported(server):
    [r] = read_inputs([server + "/story"], ReadOptions(allow_private_urls=True, feeds=True))
    assert isinstance(r, Rejected) and "expected an RSS or Atom feed" in r.reason


def test_url_list_file_fetches_each_url(server, tmp_path):
    listing = tmp_path / "links.urls"
    listing.write_text(f"# saved links\n{server}/story\n{server}/nope\n")
    items = list(read_inputs([str(listing)], ReadOptions(allow_private_urls=True)))
    assert isinstance(items[0], Article) and isinstance(items[1], Rejected)
    bad = tmp_path / "notes.urls"
    bad.write_text("not a url\n")
    [r] = read_inputs([str(bad)])
    assert isinstance(r, Rejected) and "one http(s) URL per line" in r.reason


@pytest.mark.parametrize("url", ["http://example.com/\nHost: evil", "http://exa\tmple.com/", "http://\u2460\u2461.0.0.1/"])
def test_a_url_httpx_cannot_parse_is_not_valid_not_unresolvable(monkeypatch, url):
    """A line break, a control character or a bad IDNA name was "cannot resolve host
    'example.com'", which sent the user to check their DNS; no name is looked up for it."""
    monkeypatch.setattr(fetch, "_resolve", lambda host, port: pytest.fail(f"looked up {host}"))
    with pytest.raises(fetch.FetchError, match="^not a valid URL: "):
        fetch.check_url(url)


def test_a_name_server_that_never_answers_costs_one_line_not_the_run(monkeypatch):
    """getaddrinfo has no timeout: a resolver that never answered held `propscope ingest URL` for
    as long as the system retried. The lookup is given RESOLVE_TIMEOUT seconds, then the URL is
    refused in one line; a lookup that fails at once still says why."""
    import socket
    import threading
    import time

    release = threading.Event()

    def hangs(*args, **kwargs):
        release.wait(30)
        raise socket.gaierror("gave up")

    monkeypatch.setattr(fetch, "RESOLVE_TIMEOUT", 0.3)
    monkeypatch.setattr(socket, "getaddrinfo", hangs)
    t0 = time.monotonic()
    with pytest.raises(fetch.FetchError, match=r"cannot resolve host 'slow\.example': no answer .* within 0\.3 s"):
        fetch.check_url("https://slow.example/story")
    assert time.monotonic() - t0 < 5
    release.set()

    def fails(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fails)
    with pytest.raises(fetch.FetchError, match="cannot resolve host 'gone.example': .*not known"):
        fetch.check_url("https://gone.example/")
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [(2, 1, 6, "", ("93.184.216.34", 443))])
    assert [str(a) for a in fetch.check_url("https://ok.example/")] == ["93.184.216.34"]


@pytest.mark.parametrize(("url", "says"), [
    ("http://news example.org/", "'news example.org' is no host name"),
    ("http://%31%32%37.0.0.1/", "'%31%32%37.0.0.1' is no host name"),
    ("http://ex%00ample.org/", "is no host name"),
    ("http://-dash.example.org/", "is no host name"),
    ("http://" + "b" * 64 + ".example.org/", "is no host name"),
    ("http://[fe80::1%25eth0]/", "names a zone"),
    ("http://example.org:0/", "port 0 is no port")])
def test_a_host_no_name_server_holds_is_refused_before_any_lookup(monkeypatch, url, says):
    """A host with a space, a percent sign or a NUL, a label too long or opening with a hyphen, an
    IPv6 zone (an interface of this machine) or port 0 went to the name server as it was."""
    monkeypatch.setattr(fetch, "_resolve", lambda host, port: pytest.fail(f"looked up {host}"))
    with pytest.raises(fetch.FetchError, match="^not a valid URL: ") as got:
        fetch.check_url(url)
    assert says in str(got.value), got.value


@pytest.mark.parametrize("url", ["http://news_desk.example.org/", "http://example.org./", "http://xn--bcher-kva.example/",
                                 "http://b\u00fccher.example/", "http://[2606:4700::1111]:8080/"])
def test_ordinary_host_names_still_reach_the_lookup(monkeypatch, url):
    monkeypatch.setattr(fetch, "_resolve", lambda host, port: ["93.184.216.34"])
    assert [str(a) for a in fetch.check_url(url)] == ["93.184.216.34"]
