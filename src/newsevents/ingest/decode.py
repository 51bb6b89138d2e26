"""Bytes to text: BOMs, UTF-8, then charset detection; binary input is refused."""
from __future__ import annotations

import codecs
import gzip
import zlib

from charset_normalizer import from_bytes

from ..errors import InputError
from ..settings import MAX_CONTROL_CHAR_RATIO, MAX_INPUT_BYTES

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures of common binary formats that charset detection might still "decode".
_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"BZh",
    b"\xfd7zXZ", b"OggS", b"RIFF", b"ID3",
)
_GZIP_MAGIC = b"\x1f\x8b"
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")
_MIN_SAMPLE_CHARS = 200
# Latin-script single-byte code pages (not Cyrillic, Greek, Arabic or Hebrew ones).
_LATIN_SINGLE_BYTE = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4",
    "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    "mac_latin2", "mac_roman", "mac_iceland", "mac_turkish", "cp437", "cp775", "cp850", "cp852",
    "cp857", "cp858",
})


def gunzip(data: bytes, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Decompress gzip data, refusing output larger than ``limit`` (a gzip bomb guard)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as err:
        raise InputError(f"corrupt gzip data ({err})") from err
    if len(out) > limit:
        raise InputError(f"too large: over {limit // (1024 * 1024)} MB once decompressed")
    return out


def is_gzip(data: bytes) -> bool:
    """Return True when ``data`` starts with the gzip signature."""
    return data[:2] == _GZIP_MAGIC


def decode_bytes(data: bytes) -> str:
    """Decode raw bytes to text.

    Order: a byte-order mark decides; else strict UTF-8; else charset_normalizer's best guess.
    Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError("empty input")
    if data.startswith(_BINARY_MAGIC):
        raise InputError("binary file, not text or HTML")
    text = _decode(data)
    if _control_ratio(text) > MAX_CONTROL_CHAR_RATIO:
        raise InputError("binary file, not text or HTML")
    # Stray NULs inside otherwise good text break downstream tools; they carry no meaning.
    return text.replace("\x00", "")


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {encoding} text ({err.reason})") from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable text: no character encoding fits")
    # Single-byte code pages are hard to tell apart on short texts (Latin-1 French reads as
    # "Romanian" cp1250 just as well). The sources we read are English-language news, whose
    # legacy encoding is overwhelmingly Windows-1252, so it wins any single-byte tie.
    if best.encoding in _LATIN_SINGLE_BYTE:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    # A floor on the denominator: one stray NUL in a short line is damage, not a binary file.
    return controls / max(len(sample), _MIN_SAMPLE_CHARS)
