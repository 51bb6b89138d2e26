"""Language identification with py3langid (model shipped in the package, no download)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from py3langid import langid

from ..settings import MIN_CHARS_FOR_LANGUAGE

# langid is confused by long runs of digits and URLs; a sample of the prose is enough.
_SAMPLE_CHARS = 5000
# py3langid knows ~200 languages, English-based creoles among them: a short English news
# text full of foreign names can score Nigerian Pidgin first and English second. The coder is
# for English, so a text English holds this share of the probability for is English; real
# Spanish, French or German text gives English well under 0.001.
ENGLISH_MIN_SHARE = 0.1
# Share of a short text's letters that must be Latin for the "too short to tell" default.
MIN_LATIN_SHARE = 0.5


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


@lru_cache(maxsize=1)
def _identifier() -> langid.LanguageIdentifier:
    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def load_language_model() -> None:
    """Load the language model now (about 1.5 s, once per process), so that the first
    document's time budget is not spent on it."""
    _identifier()


def detect_language(text: str, *, default: str = "en") -> str:
    """Return the ISO 639-1 code of ``text``'s language, or ``default`` when it is too short."""
    sample = text[:_SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return default
    # A short text is kept as English rather than skipped on a coin toss, but only when it is
    # written in Latin letters: 38 Chinese characters are a whole sentence, and were coded as
    # English (issue 8).
    latin = sum(_is_latin(ch) for ch in letters)
    if len(letters) < MIN_CHARS_FOR_LANGUAGE and latin >= len(letters) * MIN_LATIN_SHARE:
        return default
    ranking = _identifier().rank(sample)
    if dict(ranking).get("en", 0.0) >= ENGLISH_MIN_SHARE:
        return "en"
    return str(ranking[0][0])
