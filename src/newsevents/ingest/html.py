"""HTML to article text and metadata, with trafilatura for the text and htmldate for the date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

import htmldate
import trafilatura

from ..errors import InputError
from ..settings import MAX_HTML_ELEMENTS
from .text import clean_text

# A cheap sniff: the first tags a page or fragment starts with.
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype|html|head|body|meta|div|article|p|title|section|main|span|table|h[1-6])\b", re.I | re.S)

# A start tag: what MAX_HTML_ELEMENTS counts.
_START_TAG = re.compile(r"<[A-Za-z]")

# htmldate: publication ("original") date, not the last-modified one. trafilatura reads the
# page's markup for it; only when that finds none does the search of the page's text run.
_DATE_PARAMS = {"extensive_search": True, "original_date": True}
_MARKUP_DATE_PARAMS = {**_DATE_PARAMS, "extensive_search": False}
# A footer's "© 2024", "Copyright 2019-2024", "&copy; 2024": htmldate's text search falls back
# to such a year as January 1, so a page with no date (a login page) was dated by its footer
# (issue 13). The years are blanked in the copy of the page that search reads.
_COPYRIGHT_YEARS = re.compile(
    r"((?:©|&copy;|&#169;|&#xa9;|\bcopyright\b|\(c\))[^<>\d]{0,40}?)"
    r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?", re.I)
# Pop-up cards and tooltips carry text that is not the article's, though the page puts them
# inside a sentence: a name's hover card lists related headlines ("Ilhan Omar" followed by
# three headlines and "MORE"), which the extractor would read into the sentence. Elements
# with one of these class names are removed before extraction, as are hidden ones.
POPUP_CLASSES = ("rollover-block", "rollover-people-block", "hovercard", "popover", "tooltip", "tooltiptext",
                 "tooltip-content", "tooltip-inner")
_PRUNED = [f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in POPUP_CLASSES] + [
    "//*[@hidden]", "//*[contains(translate(@style, ' ', ''), 'display:none')]"]
# A page has article text when some paragraph is prose: this many words, or (for scripts
# written without spaces) this many characters. A login or index page's lines ("Sign in to
# your account", "Forgot your password?") are shorter.
MIN_ARTICLE_LINE_WORDS = 8
MIN_ARTICLE_LINE_CHARS = 80


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an HTML page yields: main text and the metadata we keep."""

    text: str
    title: str | None
    date: str | None
    url: str | None
    article: bool = True  # False: only short lines (a form, a menu), no prose


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` starts like an HTML page or fragment."""
    return bool(_HTML_START.match(text[:2000]))


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Extract the article body, title, publication date and canonical URL from a page.

    Raises InputError when the page holds no text at all, or more than MAX_HTML_ELEMENTS
    elements (refused before parsing, in milliseconds); ``article`` is False when its text
    has no prose.
    """
    if sum(1 for _ in islice(_START_TAG.finditer(html), MAX_HTML_ELEMENTS + 1)) > MAX_HTML_ELEMENTS:
        raise InputError(f"too many HTML elements: over the {MAX_HTML_ELEMENTS:,}-element limit")
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_MARKUP_DATE_PARAMS,
            prune_xpath=_PRUNED,
        )
    except (ValueError, TypeError, RecursionError) as err:
        # lxml gives up on pathological trees (deep nesting, odd encodings).
        raise InputError(f"HTML could not be parsed ({type(err).__name__})") from err
    if result is None:
        raise InputError("no article text found in the HTML")
    text = _drop_title_line(clean_text(result.text or ""), result.title)
    if not text:
        raise InputError("no article text found in the HTML")
    date = result.date or _find_date(_COPYRIGHT_YEARS.sub(r"\1", html), url)
    return Extracted(text=text, title=result.title or None, date=date, url=result.url or url,
                     article=has_prose(text))


def has_prose(text: str) -> bool:
    """True when some line of ``text`` is long enough to be a paragraph of an article."""
    return any(len(line) >= MIN_ARTICLE_LINE_CHARS or len(line.split()) >= MIN_ARTICLE_LINE_WORDS
               for line in text.splitlines())


def _drop_title_line(text: str, title: str | None) -> str:
    """Remove a leading copy of the headline: it is kept in ``title``, and repeating it in the
    body would make every headline a second evidence sentence."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest.lstrip("\n")
    return text


def _find_date(html: str, url: str | None) -> str | None:
    try:
        return htmldate.find_date(html, url=url, **_DATE_PARAMS)
    except (ValueError, TypeError, RecursionError):
        return None
