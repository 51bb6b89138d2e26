"""Date handling: normalise publication dates to ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import datetime as dt

import dateparser

_COMPACT_FORMATS = ("%Y%m%d", "%y%m%d")


def normalise_date(value: str | None) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD``, or None when it holds no recognisable date.

    Accepts ISO dates and timestamps, compact ``YYYYMMDD`` (as in PETRARCH records) and the
    free forms dateparser reads ("June 20, 2024").
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    if text.isdigit():
        for fmt in _COMPACT_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date().isoformat()
            except ValueError:
                continue
        return None
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
