"""Plain-text clean-up: drop web debris lines, tidy white space, hash the normalised text."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_PUNCT = " .:!|·•›»>-–—"
_ANY_SPACE = re.compile(r"\s+")
# Lone UTF-16 surrogates: JSON may hold them ("\ud800"), but they are not characters and
# cannot be encoded as UTF-8, so hashing, printing or storing such a string fails.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
REPLACEMENT_CHAR = "\ufffd"


@lru_cache(maxsize=1)
def _debris_patterns() -> tuple[frozenset[str], re.Pattern[str] | None]:
    """Load the debris list: exact lines and whole-line regular expressions."""
    exact: set[str] = set()
    regexes: list[str] = []
    source = files("newsevents") / "data" / "ingest" / "debris.txt"
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("re:"):
            regexes.append(f"(?:{line[3:]})")
        else:
            exact.add(line.casefold())
    combined = re.compile("|".join(regexes), re.IGNORECASE) if regexes else None
    return frozenset(exact), combined


def is_debris(line: str) -> bool:
    """Return True when a whole line is web-page debris ("Share.", "Comments are closed.")."""
    key = line.strip().strip(_TRAILING_PUNCT).strip()
    if not key:
        return False
    exact, regex = _debris_patterns()
    if key.casefold() in exact:
        return True
    return bool(regex and regex.fullmatch(key))


def valid_unicode(text: str) -> str:
    """Replace lone surrogates with U+FFFD, so the text can be encoded (issue 8: a JSONL id
    holding a lone surrogate, JSON "\\ud83d", crashed ingest when DuckDB refused it)."""
    return _SURROGATES.sub(REPLACEMENT_CHAR, text) if _SURROGATES.search(text) else text


def clean_text(text: str) -> str:
    """Tidy plain text: NFC, one space between words, paragraphs kept, debris lines dropped."""
    # NULs are dropped here as well as when bytes are decoded: text from JSONL or the API
    # ("\u0000") never went through decoding, and the same article must hash the same way.
    text = text.replace("\x00", "")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line and is_debris(line):
            continue
        lines.append(line)
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def text_hash(text: str) -> str:
    """sha256 of the text with Unicode compatibility forms, case and white space folded."""
    normalised = _ANY_SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
