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

# htmldate: publication ("original") date, not the last-modified one.
_DATE_PARAMS = {"extensive_search": True, "original_date": True}


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an HTML page yields: main text and the metadata we keep."""

    text: str
    title: str | None
    date: str | None
    url: str | None


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` starts like an HTML page or fragment."""
    return bool(_HTML_START.match(text[:2000]))


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Extract the article body, title, publication date and canonical URL from a page.

    Raises InputError when the page holds no article text, or more than MAX_HTML_ELEMENTS
    elements (refused before parsing, in milliseconds).
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
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, RecursionError) as err:
        # lxml gives up on pathological trees (deep nesting, odd encodings).
        raise InputError(f"HTML could not be parsed ({type(err).__name__})") from err
    if result is None:
        raise InputError("no article text found in the HTML")
    text = _drop_title_line(clean_text(result.text or ""), result.title)
    if not text:
        raise InputError("no article text found in the HTML")
    date = result.date or _find_date(html, url)
    return Extracted(text=text, title=result.title or None, date=date, url=result.url or url)


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
