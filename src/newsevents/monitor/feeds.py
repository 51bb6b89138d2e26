"""What to watch and what a feed lists: the FEEDS file (URLs or OPML), RSS/Atom feeds
(feedparser) and sitemaps, read into the article links they announce.

Nothing here touches the network: the watcher fetches, these functions read bytes.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser
from lxml import etree

from ..errors import InputError
from ..ingest.decode import gunzip, is_gzip
from ..ingest.sources import is_url

OPML_SUFFIXES = frozenset({".opml", ".xml"})
COMMENT = "#"
SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})

# Feeds and sitemaps come from servers we do not control: the XML parser loads no DTD,
# expands no entity and fetches nothing (no XXE, no "billion laughs"), and keeps lxml's
# limits on huge documents.
_SAFE_XML = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True, slots=True)
class Link:
    """An article a feed or sitemap announces: its URL, and its title and date when given."""

    url: str
    title: str | None = None
    date: str | None = None  # publication date, ISO YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Listing:
    """What one feed URL gave: article links, and (for a sitemap index) more sitemaps to read."""

    links: list[Link]
    sitemaps: list[str]
    kind: str  # "rss", "atom", "sitemap" or "sitemapindex"


def read_feed_list(path: Path) -> list[str]:
    """The feed URLs in a FEEDS file: one URL a line (blank lines and ``#`` comments
    ignored), or an OPML file (every outline's xmlUrl). Repeats are kept once, in order.

    Raises InputError naming the line of anything that is not an http(s) URL.
    """
    data = path.read_bytes()
    if path.suffix.lower() in OPML_SUFFIXES or data.lstrip().startswith(b"<"):
        urls = list(_opml_urls(data, path))
    else:
        urls = []
        for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
            value = line.strip()  # a "#" inside a URL is its fragment: only whole lines are comments
            if not value or value.startswith(COMMENT):
                continue
            if not is_url(value):
                raise InputError(f"line {number}: not an http(s) URL: {value[:200]!r}")
            urls.append(value)
    return list(dict.fromkeys(urls))


def _opml_urls(data: bytes, path: Path) -> Iterator[str]:
    try:
        root = etree.fromstring(data, etree.XMLParser(**_SAFE_XML))
    except etree.XMLSyntaxError as err:
        raise InputError(f"not a list of URLs nor valid OPML ({err})") from err
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url and is_url(url):
            yield url


def parse_listing(body: bytes, url: str) -> Listing:
    """The article links in a fetched feed or sitemap.

    body: the bytes as served (a gzipped sitemap is unpacked); url: where they came from, to
    resolve relative links. Raises InputError when the body is neither a feed nor a sitemap.
    """
    if is_gzip(body):
        body = gunzip(body)
    root = _xml_root(body)
    if root is not None and etree.QName(root).localname in SITEMAP_ROOTS:
        return _sitemap(root)
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputError(f"not an RSS/Atom feed nor a sitemap{f' ({problem})' if problem else ''}")
    links = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if link and is_url(link):
            links.append(Link(link, _clean(entry.get("title")), _entry_date(entry)))
    kind = "atom" if str(parsed.get("version", "")).startswith("atom") else "rss"
    return Listing(links, [], kind)


def _xml_root(body: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(body, etree.XMLParser(**_SAFE_XML))
    except (etree.XMLSyntaxError, ValueError):
        return None  # feedparser reads ill-formed feeds too (its "bozo" mode)


def _sitemap(root: etree._Element) -> Listing:
    """A sitemap's <url><loc> (with <lastmod>, and a news sitemap's title and date), or a
    sitemap index's <sitemap><loc>."""
    index = etree.QName(root).localname == "sitemapindex"
    links: list[Link] = []
    sitemaps: list[str] = []
    for entry in root:
        if not isinstance(entry.tag, str):
            continue  # a comment or processing instruction
        # The page's own <loc> and <lastmod> are children of <url>; a news sitemap's title and
        # date sit deeper, beside an image extension's <image:loc>, which must not win.
        fields = {etree.QName(child).localname: (child.text or "").strip()
                  for child in entry if isinstance(child.tag, str)}
        for child in entry.iter():
            if isinstance(child.tag, str):
                fields.setdefault(etree.QName(child).localname, (child.text or "").strip())
        loc = fields.get("loc", "")
        if not is_url(loc):
            continue
        if index:
            sitemaps.append(loc)
        else:
            date = fields.get("publication_date") or fields.get("lastmod") or ""
            links.append(Link(loc, fields.get("title") or None, date[:10] or None))
    return Listing(links, sitemaps, "sitemapindex" if index else "sitemap")


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{when.tm_year:04d}-{when.tm_mon:02d}-{when.tm_mday:02d}" if when else None


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None
