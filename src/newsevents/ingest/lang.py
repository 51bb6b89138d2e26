"""Language identification with py3langid (model shipped in the package, no download)."""
from __future__ import annotations

import py3langid

from ..settings import MIN_CHARS_FOR_LANGUAGE

# langid is confused by long runs of digits and URLs; a sample of the prose is enough.
_SAMPLE_CHARS = 5000


def detect_language(text: str, *, default: str = "en") -> str:
    """Return the ISO 639-1 code of ``text``'s language, or ``default`` when it is too short."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS_FOR_LANGUAGE:
        return default
    lang, _score = py3langid.classify(sample)
    return str(lang)
