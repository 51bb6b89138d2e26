"""Bytes to text: BOMs, UTF-8, then charset detection; binary input is refused."""
from __future__ import annotations

import codecs
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
# BOM-less UTF-16 sniffing: in this many bytes, at least this share of one byte of each pair is
# NUL (English text in UTF-16) and at most that share of the other; shorter inputs are not sniffed.
_UTF16_SAMPLE_BYTES = 4096
_UTF16_MIN_UNITS = 8
_UTF16_MIN_NUL_SHARE = 0.6
_UTF16_MAX_OTHER_NULS = 0.02
# Latin-script single-byte code pages (not Cyrillic, Greek, Arabic or Hebrew ones).
_LATIN_SINGLE_BYTE = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4",
    "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    "mac_latin2", "mac_roman", "mac_iceland", "mac_turkish", "cp437", "cp775", "cp850", "cp852",
    "cp857", "cp858",
})


def gunzip(data: bytes, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Decompress gzip data, refusing output larger than ``limit`` (a gzip bomb guard)."""
    parts: list[bytes] = []
    size = 0
    rest = data
    # One member after another (`cat a.gz b.gz` is a valid gzip file), and a member that
    # stops short is an error: a truncated download used to be read as a shorter article,
    # and every member after the first was dropped without a word (issue 8).
    while rest:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = decompressor.decompress(rest, limit + 1 - size)
        except zlib.error as err:
            raise InputError(f"corrupt gzip data ({err})") from err
        size += len(out)
        if size > limit or decompressor.unconsumed_tail:
            raise InputError(f"too large: over {limit // (1024 * 1024)} MB once decompressed")
        if not decompressor.eof:
            raise InputError("corrupt gzip data (truncated)")
        parts.append(out)
        rest = decompressor.unused_data if is_gzip(decompressor.unused_data) else b""
    return b"".join(parts)


def splits_on_newline_bytes(head: bytes) -> bool:
    """True when text starting with ``head`` can be read a line at a time, split on the byte
    for a newline: no NUL byte (which UTF-16 and UTF-32 text, and most binary files, have;
    JSON text never does) and no binary file signature."""
    return b"\x00" not in head and not head.startswith(_BINARY_MAGIC)


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
    if looks_binary(text):
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
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as err:
            raise InputError(f"invalid {utf16} text ({err.reason})") from err
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: Latin-script text has a NUL in every other
    byte. It is valid UTF-8 (NUL is ASCII), so it used to decode as text with NULs between the
    letters and be refused as binary (issue 8)."""
    sample = data[:_UTF16_SAMPLE_BYTES]
    half = len(sample) // 2
    if len(data) % 2 or half < _UTF16_MIN_UNITS:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls >= half * _UTF16_MIN_NUL_SHARE and even_nuls <= half * _UTF16_MAX_OTHER_NULS:
        return "utf-16-le"
    if even_nuls >= half * _UTF16_MIN_NUL_SHARE and odd_nuls <= half * _UTF16_MAX_OTHER_NULS:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """True when decoded text holds too many control characters to be text (binary data
    read through some code page, or sent as a JSON string)."""
    return _control_ratio(text) > MAX_CONTROL_CHAR_RATIO


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    # A floor on the denominator: one stray NUL in a short line is damage, not a binary file.
    return controls / max(len(sample), _MIN_SAMPLE_CHARS)
