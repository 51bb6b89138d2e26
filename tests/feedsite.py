"""A news site for the watch tests, served on 127.0.0.1 from a thread: an RSS feed, an Atom
feed and a sitemap over small article pages, with ETag/Last-Modified and 304s, a robots.txt,
and a log of every request. Nothing leaves the machine."""
from __future__ import annotations

import email.utils
import hashlib
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

CITIES = ("Nairobi", "Lagos", "Cairo", "Accra", "Dakar", "Kampala", "Harare", "Lusaka", "Tunis", "Algiers")
FEEDS = ("/rss.xml", "/atom.xml", "/sitemap.xml")
LAST_MODIFIED = email.utils.formatdate(1_700_000_000, usegmt=True)


def article_html(number: int) -> str:
    """A short article that the rules coder codes in a few milliseconds; each one's text differs."""
    city = CITIES[number % len(CITIES)]
    return (f"<html><head><title>Protest report {number}</title></head><body><article>"
            f"<h1>Protest report {number}</h1>"
            f"<p>Police arrested {number + 10} protesters in {city} on Monday, officials said.</p>"
            f"<p>The march in {city} was the {number + 2}th this year, according to local reporters.</p>"
            "</article></body></html>")


@dataclass
class Hit:
    path: str
    status: int
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None = None


@dataclass
class FeedSite:
    """What the site serves; change it between runs. feeds: feed path -> article paths."""

    feeds: dict[str, list[str]] = field(default_factory=lambda: {path: [] for path in FEEDS})
    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    robots: str = "User-agent: *\nDisallow: /private/\n"
    conditional: bool = True  # answer If-None-Match / If-Modified-Since with 304
    hits: list[Hit] = field(default_factory=list)
    base: str = ""

    def add_articles(self, feed: str, numbers: range | list[int], prefix: str = "/news") -> list[str]:
        paths = []
        for number in numbers:
            path = f"{prefix}/{number}.html"
            self.pages[path] = ("text/html; charset=utf-8", article_html(number).encode())
            self.feeds[feed].append(path)
            paths.append(path)
        return paths

    def url(self, path: str) -> str:
        return self.base + path

    def articles_fetched(self) -> list[str]:
        return [hit.path for hit in self.hits if hit.path.endswith(".html")]

    def render(self, feed: str) -> tuple[str, bytes]:
        links = [self.url(path) for path in self.feeds[feed]]
        if feed.endswith("rss.xml"):
            items = "".join(f"<item><title>Item {n}</title><link>{escape(link)}</link>"
                            "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>" for n, link in enumerate(links))
            return "application/rss+xml", (f'<?xml version="1.0"?><rss version="2.0"><channel><title>RSS</title>'
                                           f"<link>{self.base}/</link><description>news</description>{items}"
                                           "</channel></rss>").encode()
        if feed.endswith("atom.xml"):
            entries = "".join(f'<entry><title>Entry {n}</title><link href="{escape(link)}"/><id>{escape(link)}</id>'
                              "<updated>2024-05-06T10:00:00Z</updated></entry>" for n, link in enumerate(links))
            return "application/atom+xml", ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                                            f"<title>Atom</title><id>{self.base}/</id>"
                                            f"<updated>2024-05-06T10:00:00Z</updated>{entries}</feed>").encode()
        urls = "".join(f"<url><loc>{escape(link)}</loc><lastmod>2024-05-06</lastmod></url>" for link in links)
        return "application/xml", ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                   f"{urls}</urlset>").encode()


def make_handler(site: FeedSite) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            etag = last_modified = None
            if self.path == "/robots.txt":
                content_type, body, status = "text/plain", site.robots.encode(), 200
            elif self.path in site.feeds:
                content_type, body = site.render(self.path)
                etag, last_modified, status = f'"{hashlib.sha1(body).hexdigest()[:16]}"', LAST_MODIFIED, 200
                if site.conditional and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
            elif self.path in site.pages:
                (content_type, body), status = site.pages[self.path], 200
            else:
                content_type, body, status = "text/plain", b"not found", 404
            site.hits.append(Hit(self.path, status, self.headers.get("If-None-Match"),
                                 self.headers.get("If-Modified-Since"), self.headers.get("User-Agent")))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if etag and site.conditional:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", last_modified or "")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


class RunningSite:
    """Serve ``site`` on 127.0.0.1 (a free port) until ``close``."""

    def __init__(self, site: FeedSite) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
        self.server.daemon_threads = True
        site.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def thirty_article_site() -> FeedSite:
    """3 feeds (RSS, Atom, sitemap) of 10 articles each."""
    site = FeedSite()
    for index, feed in enumerate(FEEDS):
        site.add_articles(feed, range(index * 10, index * 10 + 10))
    return site


def served_thirty_article_site() -> Iterator[FeedSite]:
    """For a fixture: the thirty-article site, served until the fixture ends."""
    served = thirty_article_site()
    running = RunningSite(served)
    try:
        yield served
    finally:
        running.close()
