"""Input sources: paths, directories, JSONL corpora, URLs and stdin, read into raw items.

Nothing here parses HTML or detects language; it only finds inputs and reads their bytes,
yielding a ``Failure`` for each input that cannot be read so a batch can go on.
"""
from __future__ import annotations

import gzip
import http.client
import json
import os
import stat
import sys
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BufferedReader
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Failure
from ..settings import FETCH_TIMEOUT_ENV, FETCH_TIMEOUT_SECONDS, MAX_INPUT_BYTES, USER_AGENT
from .decode import decode_bytes, gunzip, is_gzip, splits_on_newline_bytes

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"
READ_CHUNK_BYTES = 1024 * 1024
# Bytes of a JSONL file looked at to tell UTF-8 text from UTF-16, UTF-32 or binary.
_JSONL_SNIFF_BYTES = 4096
# How many redirects a fetch follows (urllib's own limit is 10).
MAX_REDIRECTS = 10
# Shared by the three fetchers (fetch_url here, web.fetch, monitor.polite): what each says past
# MAX_REDIRECTS, and the statuses the two that follow redirects by hand follow.
TOO_MANY_REDIRECTS = f"too many redirects (a loop, or over {MAX_REDIRECTS})"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to read: a file, a URL or stdin. ``kind`` is text, html, jsonl or auto."""

    label: str
    kind: str
    path: Path | None = None


@dataclass(slots=True)
class RawItem:
    """One document's raw content before extraction."""

    label: str
    content: str
    kind: str  # "text", "html" or "auto" (sniffed later)
    id: str
    url: str | None = None
    date: str | None = None
    title: str | None = None


def is_url(value: str) -> bool:
    """Return True for an http(s) URL."""
    return value.lower().startswith(("http://", "https://"))


WEB_SCHEMES = frozenset({"http", "https"})


def web_link(url: str | None) -> str | None:
    """``url`` when it is fit for an ``href``: an absolute http(s) URL with a host. Anything
    else (``javascript:``, ``data:``, a relative or scheme-relative URL) is None, for a page
    to show as text (issue 18). The scheme is read as browsers do, ignoring leading space and
    tabs or newlines inside ("java\\nscript:")."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


def _kind_of(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in HTML_SUFFIXES:
        return "html"
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last in TEXT_SUFFIXES:
        return "text"
    return "auto"


def _known_file(path: Path) -> bool:
    name = path.name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    return Path(name).suffix in KNOWN_SUFFIXES


def expand_inputs(inputs: Iterable[str]) -> Iterator[Source | Failure]:
    """Turn the command line's inputs into sources; directories are walked recursively.

    In a directory only files with a known suffix (.txt, .html, .htm, .jsonl, optionally .gz)
    are read; a file named directly is read whatever its suffix. Symlinked directories are not
    followed, so a link loop cannot trap the walk.
    """
    for value in inputs:
        if value == STDIN:
            yield Source(label=STDIN, kind="auto")
        elif is_url(value):
            yield Source(label=value, kind="url")
        else:
            path = Path(value)
            if path.is_dir():
                yield from _walk(value, path)
            elif path.exists() and _system_file(path):
                yield Failure(value, SYSTEM_FILE)
            elif path.exists():
                yield Source(label=value, kind=_kind_of(path), path=path)
            elif path.is_symlink():
                yield Failure(value, "broken symbolic link")
            else:
                yield Failure(value, "no such file or directory")


# The kernel's own file systems: a symlink "x.txt" to /proc/self/environ stored the process
# environment as a document (issue 18). Nothing in them is an article.
SYSTEM_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))
SYSTEM_FILE = "a file of /proc, /sys or /dev: not read"
LEAVES_FOLDER = "symbolic link to outside the folder: not followed"


def _system_file(path: Path) -> bool:
    """True for a file that is, or links to, a file of /proc, /sys or /dev; a pipe is not one
    (a shell's ``<(command)`` is /dev/fd/N, a pipe the user made)."""
    real = Path(os.path.realpath(path))
    if not any(real.is_relative_to(root) for root in SYSTEM_ROOTS):
        return False
    try:
        return not stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return True


def _walk(label: str, root: Path) -> Iterator[Source | Failure]:
    """Files with a known suffix below ``root``. A file that is a symbolic link is followed
    only when its target lies inside ``root`` too (issue 18)."""
    found = False
    errors: list[OSError] = []
    real_root = Path(os.path.realpath(root))
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not _known_file(path):
                continue
            found = True
            if not Path(os.path.realpath(path)).is_relative_to(real_root):
                yield Failure(str(path), LEAVES_FOLDER)
                continue
            if _system_file(path):  # a folder inside /proc, /sys or /dev, named on the command line
                yield Failure(str(path), SYSTEM_FILE)
                continue
            if path.exists() and not path.is_file():
                # A named pipe or device called "x.txt": opening it would block the walk
                # forever (issue 8). Named on the command line, a pipe is still read.
                yield Failure(str(path), "not a regular file (a pipe, socket or device)")
                continue
            yield Source(label=str(path), kind=_kind_of(path), path=path)
    for err in errors:
        yield Failure(err.filename or label, f"cannot read directory ({err.strerror})")
    if not found and not errors:
        yield Failure(label, "no .txt, .html or .jsonl files in this directory")


def read_capped(stream: BinaryIO, *, limit: int = MAX_INPUT_BYTES, deadline: float | None = None) -> bytes:
    """Read at most ``limit`` bytes; past ``deadline`` (time.monotonic) give up.

    The deadline is checked between chunks: a server trickling a byte at a time under the
    socket timeout would otherwise hold a fetch (and an API worker) for hours (issue 8).
    """
    chunks: list[bytes] = []
    size = 0
    # read1 returns what one system call gives, so the deadline is checked as bytes arrive.
    read = getattr(stream, "read1", stream.read)
    while True:
        chunk = read(min(READ_CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(f"too large: over the {limit // (1024 * 1024)} MB input limit")
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError
    return b"".join(chunks)


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"too large: {size / 1024 / 1024:.1f} MB, over the {MAX_INPUT_BYTES // (1024 * 1024)} MB input limit")
        with path.open("rb") as handle:
            data = read_capped(handle)
    except OSError as err:
        raise InputError(_read_error(err)) from err
    return gunzip(data) if is_gzip(data) else data


def _read_error(err: OSError) -> str:
    """Why a file could not be read, as an input error's reason."""
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    if isinstance(err, PermissionError):
        return "permission denied"
    return f"cannot read ({err.strerror or err})"


def fetch_timeout() -> float:
    """The fetch timeout in seconds: NEWSEVENTS_FETCH_TIMEOUT when set to a positive number,
    else FETCH_TIMEOUT_SECONDS."""
    value = os.environ.get(FETCH_TIMEOUT_ENV, "")
    try:
        seconds = float(value)
    except ValueError:
        return FETCH_TIMEOUT_SECONDS
    return seconds if 0 < seconds < float("inf") else FETCH_TIMEOUT_SECONDS


def media_type(content_type: str | None) -> str | None:
    """The media type of a Content-Type header, lower case ("text/html; charset=utf-8" gives
    "text/html"); None when there is none."""
    return (content_type or "").split(";", 1)[0].strip().lower() or None


def http_error(status: int, reason: object) -> InputError:
    """The one-line reason for an HTTP error status, as the fetchers that read urllib3 give it."""
    return InputError(f"HTTP {status} {' '.join(str(reason or '').split())}".rstrip())


def fetch_url(url: str, *, timeout: float | None = None) -> tuple[bytes, str | None, str]:
    """Fetch a URL with a timeout, a size cap and our user agent.

    timeout: seconds for each network wait, and a deadline for reading the body
        (default: fetch_timeout()).
    Returns the body, its declared content type and the final URL after redirects.
    """
    timeout = fetch_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.1"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            body = read_capped(response, deadline=deadline)
            return body, response.headers.get_content_type(), response.geturl()
    except InputError:
        raise  # "too large": already the reason (InputError is a ValueError, caught below)
    except urllib.error.HTTPError as err:
        if str(err.reason).startswith(urllib.request.HTTPRedirectHandler.inf_msg):
            # urllib gives up on a loop with a several-line message; the reason must be one line.
            raise InputError(TOO_MANY_REDIRECTS) from err
        raise InputError(f"HTTP {err.code} {' '.join(str(err.reason).split())}") from err
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise InputError(f"timed out after {timeout:g} s") from err
        raise InputError(f"unreachable ({err.reason})") from err
    except TimeoutError as err:
        raise InputError(f"timed out after {timeout:g} s") from err
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise InputError(f"fetch failed ({' '.join(str(err).split()) or type(err).__name__})") from err


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


_OPENER = urllib.request.build_opener(_RedirectHandler)


def read_source(source: Source) -> Iterator[RawItem | Failure]:
    """Read one source into raw items (one, or one per JSONL line).

    A batch boundary: whatever goes wrong reading one input ends as a Failure for it, never
    as an exception that ends the whole run (issue 18).
    """
    try:
        yield from _read_source(source)
    except Exception as err:  # noqa: BLE001 - one unreadable input never stops a batch
        yield Failure(source.label, f"cannot read ({type(err).__name__})")


def _read_source(source: Source) -> Iterator[RawItem | Failure]:
    try:
        if source.kind == "url":
            body, content_type, final_url = fetch_url(source.label)
            kind = "html" if content_type in ("text/html", "application/xhtml+xml") else "auto"
            yield RawItem(source.label, decode_bytes(body), kind, id=source.label, url=final_url)
            return
        if source.kind == "jsonl" and source.path is not None:
            yield from _jsonl_file_items(source.label, source.path)
            return
        if source.path is None:
            data = read_capped(sys.stdin.buffer)
            data = gunzip(data) if is_gzip(data) else data
        else:
            data = _read_file(source.path)
        text = decode_bytes(data)
    except InputError as err:
        yield Failure(source.label, str(err))
        return
    kind = source.kind
    if kind == "auto" and _looks_like_jsonl(text):
        kind = "jsonl"
    if kind == "jsonl":
        yield from _jsonl_items(source.label, text)
    else:
        yield RawItem(source.label, text, kind, id=source.label)


def _looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    line = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(parse_json(line), dict)
    except InputError as err:
        # An object nested too deeply is JSON all the same: read as JSONL, its line is the error.
        return str(err) == TOO_DEEP
    except json.JSONDecodeError:
        return False


# The reason given for JSON nested beyond what the parser can follow.
TOO_DEEP = "invalid JSON (nested too deeply)"


def parse_json(text: str) -> object:
    """``json.loads``, with nesting too deep for Python's parser (a RecursionError, which ends a
    whole run when uncaught: issue 18) as an InputError. Raises JSONDecodeError as json does."""
    try:
        return json.loads(text)
    except RecursionError as err:
        raise InputError(TOO_DEEP) from err


def _jsonl_items(label: str, text: str) -> Iterator[RawItem | Failure]:
    # Lines end at "\n" only: str.splitlines() also breaks at U+2028, U+0085 and other
    # characters that JSON strings hold unescaped, cutting such a record in two (issue 13).
    return _jsonl_records(label, enumerate(text.split("\n"), start=1))


def _jsonl_records(label: str, lines: Iterable[tuple[int, str | Failure]]) -> Iterator[RawItem | Failure]:
    """Raw items of numbered JSONL lines (a Failure in their place is passed on)."""
    seen: dict[str, int] = {}
    for number, line in lines:
        if isinstance(line, Failure):
            yield line
            continue
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = parse_json(line)
        except json.JSONDecodeError as err:
            yield Failure(where, f"invalid JSON ({err.msg} at column {err.colno})")
            continue
        except InputError as err:
            yield Failure(where, str(err))
            continue
        try:
            item = _jsonl_item(where, record)
        except InputError as err:
            yield Failure(where, str(err))
            continue
        if item.id in seen:
            yield Failure(where, f"duplicate id {item.id!r} (first on line {seen[item.id]})")
            continue
        seen[item.id] = number
        yield item


def _jsonl_file_items(label: str, path: Path) -> Iterator[RawItem | Failure]:
    """A JSONL file (gzip too), read a line at a time: the input limit holds for each line,
    one document, and not for the file, so a corpus of any size is read (issue 13). A file in
    UTF-16 or UTF-32, or binary, is read whole as before (its lines do not split on a byte)."""
    try:
        with path.open("rb") as raw:
            stream: gzip.GzipFile | BufferedReader = gzip.GzipFile(fileobj=raw) if is_gzip(raw.peek(2)[:2]) else raw
            if splits_on_newline_bytes(stream.peek(_JSONL_SNIFF_BYTES)[:_JSONL_SNIFF_BYTES]):
                yield from _jsonl_records(label, _jsonl_lines(label, stream))
                return
    except (OSError, EOFError, zlib.error) as err:
        yield Failure(label, _gzip_or_read_error(err))
        return
    try:
        text = decode_bytes(_read_file(path))
    except InputError as err:
        yield Failure(label, str(err))
        return
    yield from _jsonl_items(label, text)


def _jsonl_lines(label: str, stream: gzip.GzipFile | BufferedReader) -> Iterator[tuple[int, str | Failure]]:
    """Numbered lines of a UTF-8 byte stream, split at b"\n"; a line over the input limit, or
    that no encoding fits, is a Failure in its place. The whole file blank is "empty input"."""
    number = 0
    blank = True
    while line := stream.readline(MAX_INPUT_BYTES + 1):
        number += 1
        where = f"{label}:{number}"
        if len(line) > MAX_INPUT_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(READ_CHUNK_BYTES)) and not rest.endswith(b"\n"):
                pass  # the rest of the oversized line
            yield number, Failure(where, f"too large: over the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit for one document")
            blank = False
            continue
        if not line.strip():
            continue
        blank = False
        try:
            # UTF-8 (a first line may carry its BOM); else the encoding that fits, as for files.
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            try:
                text = decode_bytes(line)
            except InputError as err:
                yield number, Failure(where, str(err))
                continue
        yield number, text
    if blank:
        yield 0, Failure(label, "empty input")


def _gzip_or_read_error(err: BaseException) -> str:
    if isinstance(err, EOFError):
        return "corrupt gzip data (truncated)"
    if isinstance(err, (gzip.BadGzipFile, zlib.error)):
        return f"corrupt gzip data ({err})"
    return _read_error(err) if isinstance(err, OSError) else str(err)


def _optional_str(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'"{key}" must be a string, not {type(value).__name__}')
    return value or None


def _jsonl_item(where: str, record: object) -> RawItem:
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError('missing "id" (a non-empty string)')
    html = _optional_str(record, "html")
    text = _optional_str(record, "text")
    if html is None and text is None:
        raise InputError('needs "text" or "html"')
    content, kind = (html, "html") if html is not None else (text, "text")
    if content is None or not content.strip():
        raise InputError("empty text")
    return RawItem(where, content, kind, id=doc_id, url=_optional_str(record, "url"),
                   date=_optional_str(record, "date"), title=_optional_str(record, "title"))
