"""`newsevents watch`: feeds, sitemaps and articles served from 127.0.0.1 in the test (issue 16)."""
from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents import __version__
from newsevents.cli import app
from newsevents.errors import InputError
from newsevents.monitor.feeds import parse_listing, read_feed_list
from newsevents.monitor.watcher import parse_interval
from tests.feedsite import FEEDS, FeedSite, served_thirty_article_site

pytestmark = pytest.mark.issue(16)


@pytest.fixture
def site() -> Iterator[FeedSite]:
    yield from served_thirty_article_site()


def feeds_file(tmp_path: Path, urls: list[str]) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text("# the test site\n\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return path


def watch_once(runner: CliRunner, feeds: Path, db: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["watch", str(feeds), "--db", str(db), "--once", "--delay", "0", "--coder", "rules",
                                 *extra])
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stderr


def count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_watch_codes_all_then_nothing_then_only_the_new(runner: CliRunner, tmp_path: Path, site: FeedSite) -> None:
    feeds, db = feeds_file(tmp_path, [site.url(path) for path in FEEDS]), tmp_path / "store.duckdb"

    code, err = watch_once(runner, feeds, db)
    assert code == 0, err
    assert count(db, "SELECT count(*) FROM documents") == 30
    assert count(db, "SELECT count(*) FROM documents WHERE url LIKE '%/news/%.html'") == 30
    assert count(db, "SELECT count(*) FROM events") > 0
    assert count(db, "SELECT count(*) FROM watch_seen WHERE status = 'stored'") == 30
    assert sorted(site.articles_fetched()) == sorted(p for paths in site.feeds.values() for p in paths)
    assert {hit.user_agent.split(" ")[0] for hit in site.hits} == {f"newsevents/{__version__}"}
    assert [hit.path for hit in site.hits].count("/robots.txt") == 1  # once per site and run

    # Second run: every feed is asked conditionally and answers 304; no article is fetched.
    site.hits.clear()
    code, err = watch_once(runner, feeds, db)
    assert code == 0, err
    feed_hits = [hit for hit in site.hits if hit.path in FEEDS]
    assert len(feed_hits) == 3
    assert all(hit.status == 304 and hit.if_none_match and hit.if_modified_since for hit in feed_hits)
    assert site.articles_fetched() == []
    assert count(db, "SELECT count(*) FROM documents") == 30

    # Third run: 5 new articles across the three feeds; exactly those are fetched and coded.
    site.hits.clear()
    new = (site.add_articles("/rss.xml", [100, 101]) + site.add_articles("/atom.xml", [102, 103])
           + site.add_articles("/sitemap.xml", [104]))
    code, err = watch_once(runner, feeds, db)
    assert code == 0, err
    assert sorted(site.articles_fetched()) == sorted(new)
    assert count(db, "SELECT count(*) FROM documents") == 35
    assert count(db, "SELECT count(*) FROM watch_seen WHERE status = 'stored'") == 35


def test_robots_txt_disallow_is_honoured(runner: CliRunner, tmp_path: Path, site: FeedSite) -> None:
    private = site.add_articles("/rss.xml", [200, 201], prefix="/private")
    feeds, db = feeds_file(tmp_path, [site.url("/rss.xml")]), tmp_path / "store.duckdb"
    code, err = watch_once(runner, feeds, db)
    assert code == 0, err
    assert not set(private) & set(site.articles_fetched())
    assert count(db, "SELECT count(*) FROM documents") == 10
    assert count(db, "SELECT count(*) FROM watch_seen WHERE status = 'disallowed'") == 2
    # A robots.txt that disallows everything for us keeps even the feed unread.
    site.robots = "User-agent: newsevents\nDisallow: /\n"
    fresh = tmp_path / "fresh.duckdb"
    site.hits.clear()
    code, err = watch_once(runner, feeds, fresh)
    assert [hit.path for hit in site.hits] == ["/robots.txt"]
    assert f"error: {site.url('/rss.xml')}: disallowed by robots.txt" in err


def test_dead_feeds_and_a_broken_article_are_logged_and_the_rest_goes_on(
        runner: CliRunner, tmp_path: Path, site: FeedSite) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{sock.getsockname()[1]}/feed.xml"
    site.pages["/news/broken.html"] = ("application/octet-stream", bytes(range(256)) * 8)
    site.feeds["/rss.xml"] += ["/news/broken.html", "/news/gone.html"]
    feeds = feeds_file(tmp_path, [site.url("/missing.xml"), refused, *(site.url(path) for path in FEEDS)])
    db = tmp_path / "store.duckdb"
    code, err = watch_once(runner, feeds, db)
    assert code == 0, err
    lines = err.splitlines()
    assert any(line.startswith(f"error: {site.url('/missing.xml')}: HTTP 404") for line in lines), err
    assert any(line.startswith(f"error: {refused}: robots.txt: unreachable") for line in lines), err
    assert any(line.startswith(f"error: {site.url('/news/broken.html')}: ") for line in lines), err
    assert any(line.startswith(f"error: {site.url('/news/gone.html')}: HTTP 404") for line in lines), err
    assert count(db, "SELECT count(*) FROM documents") == 30
    assert count(db, "SELECT count(*) FROM watch_seen WHERE status = 'failed'") == 1
    assert count(db, "SELECT count(*) FROM errors") >= 1  # the broken article, as ingest records it
    # The feeds are unchanged (304) from now on; the article that could not be fetched is tried
    # again, three times in all, and the broken one never again.
    for attempt in (2, 3, 4):
        site.hits.clear()
        code, err = watch_once(runner, feeds, db)
        assert code == 0, err
        expected = ["/news/gone.html"] if attempt <= 3 else []
        assert site.articles_fetched() == expected, err
    assert count(db, "SELECT attempts FROM watch_seen WHERE url LIKE '%gone.html'") == 3


def test_a_restart_never_codes_an_article_twice(runner: CliRunner, tmp_path: Path, site: FeedSite) -> None:
    # A site without ETag/Last-Modified: every run reads the feeds in full, so only what the
    # store remembers keeps the articles from being fetched and coded again.
    site.conditional = False
    feeds, db = feeds_file(tmp_path, [site.url(path) for path in FEEDS]), tmp_path / "store.duckdb"
    assert watch_once(runner, feeds, db)[0] == 0
    runs_before = count(db, "SELECT count(*) FROM runs")
    site.hits.clear()
    code, err = watch_once(runner, feeds, db)
    assert code == 0, err
    assert [hit.status for hit in site.hits if hit.path in FEEDS] == [200, 200, 200]
    assert site.articles_fetched() == []
    assert count(db, "SELECT count(*) FROM documents") == 30
    assert count(db, "SELECT count(*) FROM mentions") == count(db, "SELECT sum(mentions) FROM documents")
    assert count(db, "SELECT count(*) FROM runs") == runs_before + 1


def test_an_article_stored_by_ingest_is_not_stored_again(runner: CliRunner, tmp_path: Path, site: FeedSite) -> None:
    db = tmp_path / "store.duckdb"
    page = tmp_path / "0.html"
    page.write_bytes(site.pages["/news/0.html"][1])
    assert runner.invoke(app, ["ingest", str(page), "--db", str(db), "--coder", "rules", "-q"]).exit_code == 0
    code, err = watch_once(runner, feeds_file(tmp_path, [site.url("/rss.xml")]), db)
    assert code == 0, err
    assert count(db, "SELECT count(*) FROM documents") == 10
    assert count(db, "SELECT count(*) FROM watch_seen WHERE status = 'duplicate'") == 1


def test_feeds_file_lists_and_opml(tmp_path: Path) -> None:
    listed = tmp_path / "feeds.txt"
    listed.write_text("# news\nhttps://a.example/rss\n\n  https://b.example/feed#top  \nhttps://a.example/rss\n")
    assert read_feed_list(listed) == ["https://a.example/rss", "https://b.example/feed#top"]
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
                    '<outline type="rss" xmlUrl="https://c.example/rss.xml"/>'
                    '<outline type="rss" xmlUrl="javascript:alert(1)"/></outline></body></opml>')
    assert read_feed_list(opml) == ["https://c.example/rss.xml"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://a.example/rss\nnot a url\n")
    with pytest.raises(InputError, match="line 2"):
        read_feed_list(bad)


def test_sitemaps_index_news_and_images() -> None:
    index = parse_listing(b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                          b"<sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>", "https://a.example/")
    assert index.kind == "sitemapindex" and index.sitemaps == ["https://a.example/s1.xml"] and not index.links
    news = parse_listing(
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
        b'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://a.example/a.html</loc>'
        b"<image:image><image:loc>https://a.example/a.jpg</image:loc></image:image>"
        b"<news:news><news:publication_date>2024-05-06T10:00:00Z</news:publication_date>"
        b"<news:title>Talks resume</news:title></news:news></url></urlset>", "https://a.example/")
    assert [(link.url, link.title, link.date) for link in news.links] == [
        ("https://a.example/a.html", "Talks resume", "2024-05-06")]


def test_entities_in_a_sitemap_are_not_expanded() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&x;</loc></url>'
            b"</urlset>")
    listing = parse_listing(bomb, "https://a.example/")
    assert all("root:" not in link.url for link in listing.links)


def test_not_a_feed_is_an_error() -> None:
    with pytest.raises(InputError, match="not an RSS/Atom feed nor a sitemap"):
        parse_listing(b"<html><body>hello</body></html>", "https://a.example/")


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600), ("90", 90), ("1.5m", 90)])
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "15 minutes", "-1m"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)


def test_new_alerts_go_to_the_alert_file_once(runner: CliRunner, tmp_path: Path, site: FeedSite) -> None:
    import dataclasses
    import datetime as dt
    import json

    from newsevents.store import connect
    from tests.synthetic_events import Row, background, insert

    # 90 quiet days up to the day the site's articles report (2024-04-29), with a burst of 20
    # protests in Nigeria on that day: the watch's cycle ends with that spike among its news.
    db = tmp_path / "store.duckdb"
    last_day = dt.date(2024, 4, 29)
    shift = last_day - dt.date(2024, 3, 30)
    con = connect(db)
    insert(con, [dataclasses.replace(row, day=row.day + shift) for row in background()])
    insert(con, [Row(f"burst{n}", last_day, "141", "NGAOPP", None, "NGA") for n in range(20)])
    con.close()
    alerts = tmp_path / "alerts.jsonl"
    feeds = feeds_file(tmp_path, [site.url("/rss.xml")])
    code, err = watch_once(runner, feeds, db, "--alert-file", str(alerts))
    assert code == 0, err
    records = [json.loads(line) for line in alerts.read_text().splitlines()]
    assert any(r["kind"] == "spike" and r["period"] == "2024-04-29" and r["count"] >= 20 for r in records), records
    assert "new alert" in err
    # The next cycle finds the same alerts: none is written twice.
    code, err = watch_once(runner, feeds, db, "--alert-file", str(alerts))
    assert code == 0, err
    assert len(alerts.read_text().splitlines()) == len(records)


class RecordingStop:
    """A stop event that records how long the fetcher asks to wait, and never waits."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def wait(self, seconds: float) -> bool:
        self.waits.append(seconds)
        return False

    def is_set(self) -> bool:
        return False


def test_requests_to_one_host_are_spaced_by_the_delay_and_crawl_delay(site: FeedSite) -> None:
    from newsevents.monitor.polite import PoliteFetcher

    stop = RecordingStop()
    fetcher = PoliteFetcher(delay=30.0, stop=stop)  # type: ignore[arg-type]
    fetcher.fetch(site.url("/news/1.html"))  # robots.txt, then the page: one wait between them
    fetcher.fetch(site.url("/news/2.html"))
    assert len(stop.waits) == 2 and all(25.0 < seconds <= 30.0 for seconds in stop.waits)
    site.robots = "User-agent: *\nCrawl-delay: 45\n"
    stop = RecordingStop()
    slow = PoliteFetcher(delay=1.0, stop=stop)  # type: ignore[arg-type]
    slow.fetch(site.url("/news/1.html"))
    slow.fetch(site.url("/news/2.html"))
    assert stop.waits and 40.0 < stop.waits[-1] <= 45.0


def test_bodies_over_the_cap_are_refused(site: FeedSite) -> None:
    from newsevents.monitor.polite import PoliteFetcher

    fetcher = PoliteFetcher(delay=0, max_bytes=100)
    with pytest.raises(InputError, match="too large"):
        fetcher.fetch(site.url("/news/1.html"))
