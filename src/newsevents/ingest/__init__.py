"""Ingest: any source (file, directory, JSONL, URL, stdin) to clean ``Document`` records."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..budget import OverBudget, document_budget, within_budget
from ..dates import normalise_date
from ..errors import InputError, SkippedInput
from ..model import Document, Failure
from ..settings import DEFAULT_LANGUAGES, LANGUAGE_NAMES, MAX_TEXT_CHARS
from .decode import looks_binary
from .html import extract_html, looks_like_html
from .lang import detect_language, load_language_model
from .sources import RawItem, Source, expand_inputs, read_source
from .text import clean_text, text_hash, valid_unicode

# The warning for an HTML page whose text has no paragraph of prose.
NO_ARTICLE = "no article text found"

__all__ = ["build_document", "expand_inputs", "read_documents", "read_source", "Source", "RawItem"]


def build_document(raw: RawItem, *, date: str | None = None,
                   languages: Sequence[str] | None = DEFAULT_LANGUAGES) -> Document:
    """Turn one raw item into a ``Document``, within the document time budget.

    raw: content read from a source.
    date: fallback publication date (``--date``) when neither the record nor the page has one.
    languages: accepted language codes; None accepts any.
    Raises InputError with the reason when the item yields no usable English text, or when
    extracting it takes longer than ``document_budget()`` seconds (issue 18).
    """
    load_language_model()  # once per process: not a document's time
    budget = document_budget()
    try:
        with within_budget(budget):
            return _build_document(raw, date=date, languages=languages)
    except OverBudget as err:
        raise InputError(f"over the time budget: extraction took more than {budget:g} s") from err


def _build_document(raw: RawItem, *, date: str | None, languages: Sequence[str] | None) -> Document:
    kind = raw.kind
    content = valid_unicode(raw.content)
    if looks_binary(content):
        # Files are checked when their bytes are decoded; text from JSONL or the API is not
        # decoded here, and binary sent as a string used to be "coded" (issue 8).
        raise InputError("binary data, not text or HTML")
    if kind == "auto":
        kind = "html" if looks_like_html(content) else "text"
    title, url, page_date = _optional(raw.title), _optional(raw.url), None
    warnings: list[str] = []
    if kind == "html":
        extracted = extract_html(content, url=url)
        text, page_date = extracted.text, extracted.date
        title = title or extracted.title
        url = url or extracted.url
        if not extracted.article:
            # A login or index page: coded, but said, since it gives no events (issue 13).
            warnings.append(NO_ARTICLE)
    else:
        text = clean_text(content)
    if not text:
        raise InputError("no text after clean-up")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"too large: {len(text):,} characters of text, over the {MAX_TEXT_CHARS:,}-character limit")
    lang = detect_language(text)
    if languages is not None and lang not in languages:
        raise SkippedInput(f"language {lang}, not {' or '.join(LANGUAGE_NAMES.get(code, code) for code in languages)}")
    pub_date = normalise_date(_optional(raw.date)) or normalise_date(page_date) or date
    return Document(id=valid_unicode(raw.id), text=text, title=title, url=url, date=pub_date, lang=lang,
                    hash=text_hash(text), warnings=warnings)


def _optional(value: str | None) -> str | None:
    return None if value is None else valid_unicode(value)


def read_documents(inputs: Iterable[str | Source], *, date: str | None = None,
                   languages: Sequence[str] | None = DEFAULT_LANGUAGES) -> Iterator[Document | Failure]:
    """Stream documents from inputs, yielding a ``Failure`` for each bad one and going on."""
    for source in inputs:
        sources = expand_inputs([source]) if isinstance(source, str) else iter([source])
        for found in sources:
            if isinstance(found, Failure):
                yield found
                continue
            for raw in read_source(found):
                if isinstance(raw, Failure):
                    yield raw
                    continue
                try:
                    yield build_document(raw, date=date, languages=languages)
                except InputError as err:
                    yield Failure(raw.label, str(err), skipped=isinstance(err, SkippedInput))
