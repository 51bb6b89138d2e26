"""The bad-input catalogue (issue 8): every file is generated here, none is committed.

Each ``Case`` is one kind of bad (or merely awkward) input: the command-line inputs that
carry it, what each of them must give (an error line with one of the accepted reasons, or a
coded document), and the equivalent ``POST /v1/code`` requests with the statuses they must
get. Inputs that only exist on a file system (directories, links, pipes, file names) have no
API request.
"""
from __future__ import annotations

import gzip
import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .conftest import SLOW_PAGE_DELAY, Page

# English news text the coder finds an event in (KENGOV 111 SOM); each case adds its own
# sentence so that no two documents share a content hash.
ENGLISH = ("The foreign minister of Kenya condemned Somalia on Monday after a clash on the border, officials "
           "in Nairobi said. The government said it would continue talks with its neighbours next week.")
ARABIC = ("أدان وزير الخارجية الكيني الصومال يوم الاثنين بعد اشتباك على الحدود، وقال المسؤولون إن الحكومة "
          "ستواصل المحادثات مع جيرانها الأسبوع المقبل.")
CHINESE = "肯尼亚外交部长星期一谴责索马里，此前两国边境发生冲突。官员说，政府下周将继续与邻国会谈。"
SPANISH = ("El ministro de Asuntos Exteriores de Kenia condenó el lunes a Somalia tras un enfrentamiento en la "
           "frontera, y el gobierno dijo que seguirá conversando con sus vecinos la próxima semana.")
BIG_HTML_BYTES = 20 * 1024 * 1024
ONE_LINE_BYTES = 5 * 1024 * 1024
# Under the API's 2 MB body limit but over the 1,000,000-character text limit.
API_LONG_TEXT_CHARS = 1_200_000
NESTING = 10_000
SEED = 8


def english(tag: str) -> str:
    """The English article with a sentence of its own."""
    return f"{ENGLISH} This copy came from the {tag} desk."


@dataclass(frozen=True)
class ApiCall:
    """A POST /v1/code request: a JSON payload or raw bytes, and the statuses it may get."""

    statuses: frozenset[int]
    payload: dict[str, Any] | None = None
    body: bytes | None = None
    content_type: str = "application/json"
    reason: str = ""  # the error message starts with this (4xx only)


@dataclass(frozen=True)
class Case:
    """One bad input. ``errors``: input label as printed -> accepted reason prefixes;
    ``documents``: ids that must be coded (each gives an event)."""

    name: str
    inputs: tuple[str, ...]
    errors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    documents: tuple[str, ...] = ()
    api: tuple[ApiCall, ...] = ()
    in_process_only: bool = False  # needs a monkeypatch: not in the subprocess run
    # Inputs left out on purpose (another language): a `skipped:` line each, not an error (issue 13).
    skipped: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def exit_code_alone(self) -> int:
        """The documented exit status when the case runs alone: 0 if anything was coded or
        nothing failed."""
        return 0 if self.documents or not self.errors else 1


def _ok(payload: dict[str, Any]) -> ApiCall:
    return ApiCall(frozenset({200}), payload=payload)


def _bad(payload: dict[str, Any], reason: str = "", status: int = 400) -> ApiCall:
    return ApiCall(frozenset({status}), payload=payload, reason=reason)


def _raw(body: bytes, status: int, content_type: str = "application/json") -> ApiCall:
    return ApiCall(frozenset({status}), body=body, content_type=content_type)


def build_catalogue(root: Path, base_url: str, pages: dict[str, Page]) -> list[Case]:
    """Write every bad input under ``root``, register the web pages, return the cases."""
    rng = random.Random(SEED)
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def file_case(name: str, filename: str, data: bytes, *, reason: tuple[str, ...] = (), document: bool = False,
                  api: tuple[ApiCall, ...] = ()) -> None:
        path = root / filename
        path.write_bytes(data)
        label = str(path)
        cases.append(Case(name, (label,), errors={} if document else {label: reason},
                          documents=(label,) if document else (), api=api))

    file_case("empty", "empty.txt", b"", reason=("empty input",), api=(_bad({"text": ""}),))
    file_case("whitespace", "blank.txt", b" \n\t \r\n  \n", reason=("empty input",),
              api=(_bad({"text": " \n\t \r\n "}, "no text"),))
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(4096))
    file_case("png", "picture.txt", png, reason=("binary file",),
              api=(_bad({"text": png.decode("latin-1")}, "binary"),))
    noise = bytes(rng.getrandbits(8) for _ in range(8192))
    file_case("random-bytes", "noise.dat", noise, reason=("binary file", "undecodable text"),
              api=(_bad({"text": noise.decode("latin-1")}),))
    nul_text = english("nul")
    nul_text = nul_text[:40] + "\x00" + nul_text[40:]
    file_case("nul-inside", "nul.txt", nul_text.encode(), document=True, api=(_ok({"text": nul_text}),))
    latin1 = english("Zürich café")
    file_case("latin-1", "latin1.txt", latin1.encode("latin-1"), document=True,
              api=(_ok({"text": latin1}),
                   _raw(json.dumps({"text": latin1}, ensure_ascii=False).encode("latin-1"), 422)))
    utf16 = english("UTF-16 Genève")
    file_case("utf-16", "utf16.txt", utf16.encode("utf-16"), document=True,
              api=(_raw(json.dumps({"text": utf16}, ensure_ascii=False).encode("utf-16"), 200),))
    utf16le = english("UTF-16LE")
    file_case("utf-16-no-bom", "utf16le.txt", utf16le.encode("utf-16-le"), document=True,
              api=(_raw(json.dumps({"text": utf16le}).encode("utf-16-le"), 200),))
    invalid = english("invalid").encode() + b" Bad bytes \xff\xfe\xc3\x28 end."
    file_case("invalid-utf-8", "invalid.txt", invalid, document=True,
              api=(_raw(b'{"text": "' + invalid + b'"}', 422),))

    big = root / "big.html"
    with big.open("wb") as handle:
        handle.write(b"<html><head><title>Big</title></head><body><article>")
        paragraph = f"<p>{english('big')}</p>\n".encode()
        while handle.tell() < BIG_HTML_BYTES:
            handle.write(paragraph * 1000)
        handle.write(b"</article></body></html>")
    cases.append(Case("20-MB-html", (str(big),), errors={str(big): ("too large",)},
                      api=(_raw(b'{"html": "' + b"x" * BIG_HTML_BYTES + b'"}', 413),)))
    sentence = english("one-line") + " "
    line = (sentence * (ONE_LINE_BYTES // len(sentence) + 1))[:ONE_LINE_BYTES]
    file_case("5-MB-single-line", "oneline.txt", line.encode(), reason=("too large",),
              api=(_raw(json.dumps({"text": line}).encode(), 413),
                   _bad({"text": line[:API_LONG_TEXT_CHARS]}, "too large")))
    nested = "<html><body>" + "<div>" * NESTING + f"<p>{english('nested')}</p>" + "</div>" * NESTING + "</body></html>"
    file_case("nested-10k", "nested.html", nested.encode(),
              reason=("no article text", "HTML could not be parsed"), api=(_bad({"html": nested}),))
    scripts = ("<html><head><script>var a = 1;</script><style>p { color: red }</style></head><body>"
               "<script>document.write('Kenya condemned Somalia');</script><style>.x{}</style>"
               "<noscript></noscript></body></html>")
    file_case("scripts-only", "scripts.html", scripts.encode(), reason=("no article text",),
              api=(_bad({"html": scripts}, "no article text"),))
    for name, text, code in (("arabic", ARABIC, "ar"), ("chinese", CHINESE, "zh"), ("spanish", SPANISH, "es")):
        path = root / f"{name}.txt"
        path.write_bytes(text.encode())
        cases.append(Case(name, (str(path),), skipped={str(path): (f"language {code}, not English",)},
                          api=(_bad({"text": text}, f"skipped: language {code}"),)))

    cases.append(_jsonl_case(root))
    cases.append(_surrogates_case(root))
    cases.extend(_gzip_cases(root))
    cases.append(_symlink_case(root))
    cases.append(_names_case(root))
    cases.append(_fifo_case(root))
    unreadable = root / "unreadable.txt"
    unreadable.write_text(english("unreadable"))
    cases.append(Case("unreadable", (str(unreadable),), errors={str(unreadable): ("permission denied",)},
                      in_process_only=True))
    cases.extend(_url_cases(base_url, pages))
    return cases


def _jsonl_case(root: Path) -> Case:
    path = root / "corpus.jsonl"
    lines = [
        json.dumps({"id": "good-1", "text": english("first JSONL")}),
        '{"id": "broken", "text": "no closing brace"',
        json.dumps({"text": english("no id")}),
        json.dumps({"id": "good-1", "text": english("duplicate id")}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps([1, 2]),
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "good-2", "text": english("second JSONL")}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    where = f"{path}:"
    return Case("jsonl-lines", (str(path),), documents=("good-1", "good-2"),
                errors={f"{where}2": ("invalid JSON",), f"{where}3": ('missing "id"',), f"{where}4": ("duplicate id",),
                        f"{where}5": ('"text" must be a string',), f"{where}6": ("expected a JSON object",),
                        f"{where}7": ("empty text", 'needs "text"')},
                api=(_bad({"text": 42}, status=422), _raw(b'{"text": "no closing brace"', 422), _bad({}, "give exactly one")))


def _surrogates_case(root: Path) -> Case:
    """JSON escapes for lone UTF-16 surrogates: valid JSON, invalid Unicode."""
    path = root / "surrogates.jsonl"
    text = json.dumps(english("surrogate"))[1:-1]
    path.write_text('{"id": "lone-\\ud83d", "text": "' + text + ' Broken \\udc00 emoji."}\n', encoding="utf-8")
    return Case("lone-surrogates", (str(path),), documents=("lone-\ufffd",),
                api=(_raw(b'{"text": "' + text.encode() + b' Broken \\udc00 emoji."}', 422),))


def _gzip_cases(root: Path) -> list[Case]:
    truncated = root / "truncated.txt.gz"
    truncated.write_bytes(gzip.compress(english("gzip").encode() * 50)[:60])
    bomb = root / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b" " * (11 * 1024 * 1024)))
    # The API does not decompress bodies: a gzip body (even one declared with
    # Content-Encoding) is not JSON.
    return [Case("truncated-gzip", (str(truncated),), errors={str(truncated): ("corrupt gzip",)},
                 api=(_raw(truncated.read_bytes(), 422),)),
            Case("gzip-bomb", (str(bomb),), errors={str(bomb): ("too large",)},
                 api=(_raw(bomb.read_bytes(), 422),))]


def _symlink_case(root: Path) -> Case:
    """A folder that links to itself, and two files that link to each other."""
    folder = root / "loops"
    folder.mkdir()
    (folder / "good.txt").write_text(english("loop folder"))
    (folder / "again").symlink_to(folder, target_is_directory=True)
    (folder / "up").symlink_to("..", target_is_directory=True)
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    loop = ("cannot read",)
    return Case("symlink-loops", (str(folder),), documents=(str(folder / "good.txt"),),
                errors={str(folder / "a.txt"): loop, str(folder / "b.txt"): loop})


def _names_case(root: Path) -> Case:
    """File names no one should write but some file systems hold: a newline, non-UTF-8 bytes."""
    folder = root / "names"
    folder.mkdir()
    (folder / "good.txt").write_text(english("odd names"))
    newline = folder / "two\nlines.txt"
    newline.write_bytes(b"")
    latin = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(latin, "wb"):
        pass
    printed: dict[str, tuple[str, ...]] = {str(newline).replace("\n", "\\n"): ("empty input",),
               os.fsdecode(latin).replace("\udce9", "\\udce9"): ("empty input",)}
    return Case("odd-file-names", (str(folder),), documents=(str(folder / "good.txt"),), errors=printed)


def _fifo_case(root: Path) -> Case:
    folder = root / "pipes"
    folder.mkdir()
    (folder / "good.txt").write_text(english("pipe folder"))
    os.mkfifo(folder / "wire.txt")
    return Case("named-pipe", (str(folder),), documents=(str(folder / "good.txt"),),
                errors={str(folder / "wire.txt"): ("not a regular file",)})


def _url_cases(base_url: str, pages: dict[str, Page]) -> list[Case]:
    pages["/slow.html"] = Page(200, "text/html", f"<html><body><p>{english('slow')}</p></body></html>".encode(),
                               delay=SLOW_PAGE_DELAY)
    pages["/boom.html"] = Page(500, "text/plain", b"Internal Server Error")
    pages["/loop.html"] = Page(302, "text/plain", b"", headers={"Location": "/loop.html"})
    for hop in range(20):
        pages[f"/hop{hop}.html"] = Page(302, "text/plain", b"", headers={"Location": f"/hop{hop + 1}.html"})
    cases = []
    for name, path, reason in (("url-timeout", "/slow.html", "timed out"), ("url-500", "/boom.html", "HTTP 500"),
                               ("url-redirect-loop", "/loop.html", "too many redirects"),
                               ("url-redirect-chain", "/hop0.html", "too many redirects")):
        url = base_url + path
        cases.append(Case(name, (url,), errors={url: (reason,)}, api=(_bad({"url": url}, reason),)))
    return cases
