"""Parser for PETRARCH/TABARI-format actor and agent dictionaries.

Used by ``scripts/build_actors.py`` to derive the packaged tables from the Phoenix
dictionaries, and at run time for user dictionaries given with ``--actors FILE`` /
``--agents FILE``.  The parser is deliberately lenient: malformed lines are skipped,
never raised, and files may be UTF-8 or Latin-1/CP1252 (decoded line by line).

Actor dictionary format (``*.actors.txt``)
-----------------------------------------
A *block* starts with a base line and runs until the next base line::

    IRAN_  [IRN]                   base phrase with its code
    +IRANIAN                       '+' synonym line: same code(s) as the block
    +ISLAMIC_REPUBLIC_OF_IRAN
    MOHAMMAD_KHATAMI  # comment    base line without a code ...
    +HOJATOLISLAM_MOHAMMAD_KHATAMI_
        [IRNELI 610101-970803]     ... codes on their own lines, one per dated spell
        [IRNGOV 970803-050803]
        [IRNELI]                   undated (default) code

* ``_`` and blanks both separate words; phrases are returned with single spaces.
* Codes may carry a validity range: ``[CODE YYMMDD-YYMMDD]``, ``[CODE <date]`` (until),
  ``[CODE >date]`` (from), dates as ``YYMMDD`` or ``YYYYMMDD``, blanks allowed around
  ``-``, ``<`` and ``>``.  Several ``[...]`` groups may share a line.
* Every phrase of a block gets every code of the block; a block with several codes
  yields one :class:`ActorEntry` per phrase and code.
* Comments: a line starting with ``#``, anything after ``#``, and XML comments
  ``<!-- ... -->`` (possibly spanning lines); other lines starting with ``<`` are ignored.
* Leniency beyond PETRARCH: a ``+`` synonym line that accidentally holds two synonyms
  joined by ``+`` is split; a block that never receives a code is merged into the next
  block (the Phoenix files often write variants as consecutive base lines sharing the
  code lines that follow, e.g. ``BORIS_YELTSIN_`` / ``BORIS_N._YELTSIN`` / ``YELTSIN``
  then ``[RUSGOV 910710-991231]``; PETRARCH itself would leave all but the last
  code-less).  A trailing block without any code is dropped.

Two-digit years (``YYMMDD``) follow the KEDS/TABARI/PETRARCH rule: ``00``-``30`` are
20YY, ``31``-``99`` are 19YY.  Impossible days written in the sources (``20100631``) are
clamped to the last day of the month; a date with more than eight digits (a typo such as
``1920050709``) is read from its last eight digits when those form a valid date.

Agent dictionary format (``*.agents.txt``)
-----------------------------------------
``PHRASE {PLURAL} [~CODE]`` one per line.  ``~CODE`` (sector appended after the actor
code) and ``CODE~`` (prefixed, e.g. ``NGO~``) are both normalised to the bare code
(``~GOVMIL`` -> ``GOVMIL``).  Regular plurals are generated automatically (the head noun
-- the last word, or the word before a preposition as in ``COUNCIL_OF_MINISTERS`` -- is
pluralised: ``-y`` -> ``-ies``, ``-s/-x/-ch/-sh`` -> ``-es``, ``-man`` -> ``-men`` ...);
``{FORM}`` gives an irregular plural and ``{}`` suppresses it; a phrase that is already
plural (``TROOPS``, ``ARMED_FORCES``) gets none and is flagged ``plural``.  Substitution sets
``!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON`` are expanded wherever ``!PERSON!`` occurs
(``CONGRESS!PERSON!`` -> CONGRESSMAN, CONGRESSMEN, ...), without extra plurals; a line
using an undefined set is skipped.

Input: both parsers take a file path (``str`` without a newline, or ``os.PathLike``),
dictionary text (``str`` with newlines), raw ``bytes``, or an iterable of lines (``str``
or ``bytes``).  Phrases keep the source's case; codes are upper-cased.
"""
from __future__ import annotations

import calendar
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Union

__all__ = [
    "ActorBlock",
    "ActorEntry",
    "AgentEntry",
    "iter_actor_blocks",
    "parse_actor_dictionary",
    "parse_agent_dictionary",
    "parse_petrarch_date",
    "pluralize_phrase",
]

Source = Union[str, "os.PathLike[str]", bytes, bytearray, Iterable[Union[str, bytes]]]

# Two-digit years up to this value are 20YY, above it 19YY (KEDS/TABARI/PETRARCH rule).
TWO_DIGIT_YEAR_PIVOT = 30


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One phrase -> one actor code, optionally valid only within ``start``..``end``."""

    phrase: str
    code: str
    kind: str = "actor"
    start: str | None = None  # ISO YYYY-MM-DD, inclusive; None = open
    end: str | None = None  # ISO YYYY-MM-DD; None = open


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """One role phrase -> sector code(s), e.g. ``troops`` -> ``MIL`` (``plural=True``)."""

    phrase: str
    code: str
    plural: bool = False


# ----------------------------------------------------------------------------- input


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")


def _raw_lines(source: Source) -> Iterator[str]:
    """Yield text lines from a path, a text blob, bytes, or an iterable of lines.

    A ``str`` containing a newline is taken as dictionary text; any other ``str`` (or
    ``os.PathLike``) is a file path.
    """
    if isinstance(source, (bytes, bytearray)):
        for raw in bytes(source).splitlines():
            yield _decode(raw)
        return
    if isinstance(source, os.PathLike) or (isinstance(source, str) and "\n" not in source):
        data = Path(source).read_bytes()
        for raw in data.splitlines():
            yield _decode(raw)
        return
    if isinstance(source, str):
        yield from source.splitlines()
        return
    for item in source:
        if isinstance(item, (bytes, bytearray)):
            text = _decode(bytes(item))
        elif isinstance(item, str):
            text = item
        else:  # odd input: skip rather than crash
            continue
        # an element may itself hold several lines
        yield from (text.splitlines() or [""])


def _clean_lines(source: Source) -> Iterator[tuple[int, str, str]]:
    """Yield ``(line_number, content, comment)`` with comments removed; skip empty lines.

    ``comment`` is the text that followed ``#`` on that line (used as a hint only).
    """
    in_xml_comment = False
    for lineno, line in enumerate(_raw_lines(source), 1):
        line = line.replace("\ufeff", "").replace("\x00", "").rstrip("\r\n")
        if in_xml_comment:
            idx = line.find("-->")
            if idx < 0:
                continue
            line = line[idx + 3 :]
            in_xml_comment = False
        if line.lstrip().startswith("#"):
            continue
        # XML-style comments, possibly several on a line or opening a multi-line one
        while True:
            start = line.find("<!")
            if start < 0:
                break
            stop = line.find("-->", start)
            if stop >= 0:
                line = line[:start] + " " + line[stop + 3 :]
                continue
            if line.rstrip().endswith(">"):  # e.g. <!DOCTYPE ...> on one line
                line = line[:start]
                break
            in_xml_comment = True
            line = line[:start]
            break
        comment = ""
        if "#" in line:
            line, _, comment = line.partition("#")
        stripped = line.strip()
        if not stripped or stripped.startswith("<"):
            continue
        yield lineno, line, comment.strip()


# ----------------------------------------------------------------------------- dates


def parse_petrarch_date(text: str) -> str | None:
    """``YYMMDD`` / ``YYYYMMDD`` -> ISO ``YYYY-MM-DD``; None when it is not a date."""
    digits = (text or "").strip()
    if not digits.isdigit():
        return None
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= TWO_DIGIT_YEAR_PIVOT else 1900 + yy
        return _iso(year, int(digits[2:4]), int(digits[4:6]))
    if len(digits) == 8:
        return _iso(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    if len(digits) > 8:  # typo with extra leading digits, e.g. 1920050709
        return _parse_eight(digits[-8:]) or _parse_eight(digits[:8])
    return None


def _parse_eight(digits: str) -> str | None:
    return _iso(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    day = min(max(day, 1), last)
    return f"{year:04d}-{month:02d}-{day:02d}"


# ----------------------------------------------------------------------------- actors

_CODE_GROUP = re.compile(r"\[([^\[\]]*)\]")
_VALID_CODE = re.compile(r"^(?:[A-Z0-9/]*[A-Z][A-Z0-9/]*|[-+*#]{3})$")
_CODE_HEAD = re.compile(r"^\s*([^\s<>]+)\s*(.*)$")


def _parse_code_group(text: str) -> tuple[str, str | None, str | None] | None:
    """``'IRNGOV 080101-130803'`` -> ``('IRNGOV', '2008-01-01', '2013-08-03')``."""
    match = _CODE_HEAD.match(text or "")
    if not match:
        return None
    code = match.group(1).replace("~", "").upper()
    if not _VALID_CODE.match(code) or code.isdigit():
        return None
    rest = re.sub(r"\s+", "", match.group(2))
    if not rest:
        return code, None, None
    if rest[0] == "<":
        end = parse_petrarch_date(rest[1:])
        return (code, None, end) if end else None
    if rest[0] == ">":
        start = parse_petrarch_date(rest[1:])
        return (code, start, None) if start else None
    if "-" in rest:
        first, _, second = rest.partition("-")
        start, end = parse_petrarch_date(first), parse_petrarch_date(second)
        if start is None and end is None:
            return None
        return code, start, end
    start = parse_petrarch_date(rest)  # a bare date: read as "from"
    return (code, start, None) if start else None


def _split_codes(text: str) -> tuple[str, list[tuple[str, str | None, str | None]]]:
    """Split ``'PHRASE [C1 dates] [C2]'`` into the phrase part and the parsed codes."""
    idx = text.find("[")
    if idx < 0:
        return text, []
    phrase, tail = text[:idx], text[idx:]
    groups = _CODE_GROUP.findall(tail)
    if not groups:  # unterminated bracket such as "[~ENV}" or "[IRN"
        groups = [re.split(r"[\]}]", tail[1:], maxsplit=1)[0]]
    codes = [c for c in (_parse_code_group(g) for g in groups) if c is not None]
    return phrase, codes


def _norm_phrase(text: str) -> str:
    text = text.replace("_", " ")
    text = " ".join(text.split())
    text = text.strip(" ,;:|+")
    if not any(ch.isalnum() for ch in text):
        return ""
    return text


_PERSON_HINTS = ("countryinfo", "rulers")


@dataclass(frozen=True, slots=True)
class ActorBlock:
    """One dictionary block: its phrases (base phrase first) and codes ``(code, start, end)``."""

    phrases: tuple[str, ...]
    codes: tuple[tuple[str, str | None, str | None], ...]
    kind: str
    line: int  # line number of the block's first base line


class _Block:
    __slots__ = ("phrases", "codes", "person_hint", "line")

    def __init__(self, phrase: str, codes: list, person_hint: bool, line: int) -> None:
        self.phrases: list[str] = [phrase]
        self.codes: list[tuple[str, str | None, str | None]] = list(codes)
        self.person_hint = person_hint
        self.line = line

    def freeze(self) -> ActorBlock:
        dated = any(start or end for _, start, end in self.codes)
        kind = "person" if dated or self.person_hint else "actor"
        return ActorBlock(
            tuple(dict.fromkeys(self.phrases)), tuple(dict.fromkeys(self.codes)), kind, self.line
        )


def iter_actor_blocks(path_or_lines: Source) -> Iterator[ActorBlock]:
    """Yield the blocks of a PETRARCH ``.actors`` dictionary (blocks without codes skipped)."""
    block: _Block | None = None
    pending: list[str] = []  # phrases of a code-less block, merged into the next one
    pending_hint = False
    pending_line = 0
    for lineno, line, comment in _clean_lines(path_or_lines):
        text = line.strip()
        if text.startswith("["):
            if block is not None:
                block.codes.extend(_split_codes(text)[1])
            continue
        if text.startswith("+"):
            if block is None:
                continue
            phrase_part, codes = _split_codes(text[1:])
            for piece in phrase_part.split("+"):
                phrase = _norm_phrase(piece)
                if phrase:
                    block.phrases.append(phrase)
            block.codes.extend(codes)
            continue
        phrase_part, codes = _split_codes(text)
        phrase = _norm_phrase(phrase_part)
        if not phrase:
            if block is not None:
                block.codes.extend(codes)
            continue
        if block is not None:
            if block.codes:
                yield block.freeze()
                pending = []
            else:  # consecutive base lines sharing the code lines that follow
                pending = block.phrases
                pending_hint = block.person_hint
                pending_line = block.line
        hint = any(h in comment.lower() for h in _PERSON_HINTS)
        block = _Block(phrase, codes, hint, lineno)
        if pending:
            block.phrases[:0] = pending
            block.person_hint = block.person_hint or pending_hint
            block.line = pending_line
            pending = []
    if block is not None and block.codes:
        yield block.freeze()


def parse_actor_dictionary(path_or_lines: Source) -> list[ActorEntry]:
    """Parse a PETRARCH ``.actors`` dictionary into a flat list of :class:`ActorEntry`.

    ``kind`` is ``"person"`` for blocks with at least one dated code (office holders)
    or whose base line is annotated as coming from CountryInfo / the rulers lists,
    otherwise ``"actor"``; callers may refine it.  Exact duplicates are dropped.
    """
    out: list[ActorEntry] = []
    seen: set[ActorEntry] = set()
    for block in iter_actor_blocks(path_or_lines):
        for phrase in block.phrases:
            for code, start, end in block.codes:
                entry = ActorEntry(phrase, code, block.kind, start, end)
                if entry not in seen:
                    seen.add(entry)
                    out.append(entry)
    return out


# ----------------------------------------------------------------------------- agents

_PREPOSITIONS = frozenset(
    "of for to in at on with from against along without under over between among "
    "within into de del des du".split()
)
_MAN_NOT_MEN = frozenset(
    "HUMAN GERMAN ROMAN OTTOMAN SHAMAN TALISMAN CAIMAN CAYMAN BRAHMAN SHERMAN NORMAN "
    "TRUMAN WALKMAN OMAN DOBERMAN MUSSULMAN".split()
)
_IRREGULAR_PLURALS = {
    "MAN": "MEN",
    "WOMAN": "WOMEN",
    "PERSON": "PEOPLE",
    "CHILD": "CHILDREN",
    "THIEF": "THIEVES",
    "WIFE": "WIVES",
    "HOUSEWIFE": "HOUSEWIVES",
    "ALUMNUS": "ALUMNI",
    "HERO": "HEROES",
    "FOOT": "FEET",
}
_PLURAL_WORDS = frozenset("MEN WOMEN PEOPLE CHILDREN FOLKS THIEVES ALUMNI FEET".split())
_MEN_NOT_PLURAL = frozenset(
    "AMEN OMEN YEMEN HYMEN SPECIMEN REGIMEN ABDOMEN STAMEN ACUMEN BITUMEN LUMEN "
    "NOMEN CERUMEN GERMEN".split()
)
_S_NOT_PLURAL = frozenset(
    "NEWS SERIES SPECIES HEADQUARTERS POLITICS ECONOMICS PHYSICS GAS BIAS ALIAS ATLAS "
    "CHAOS CORPS MEANS".split()
)


def _match_case(template: str, word: str) -> str:
    if template.isupper():
        return word.upper()
    if template.islower():
        return word.lower()
    if template[:1].isupper():
        return word[:1].upper() + word[1:].lower()
    return word.lower()


def _pluralize_word(word: str) -> str:
    """Plural of one (English) noun, keeping the case style of ``word``."""
    if not word:
        return word
    for sep in ("-IN-", "-OF-"):  # commander-in-chief -> commanders-in-chief
        idx = word.upper().find(sep)
        if idx > 0:
            return _pluralize_word(word[:idx]) + word[idx:]
    if "-" in word:  # pluralise the last hyphenated part: vice-president(s)
        head, _, last = word.rpartition("-")
        return head + "-" + _pluralize_word(last)
    upper = word.upper()
    if not upper[-1].isalpha():
        return word
    if upper in _IRREGULAR_PLURALS:
        plural = _IRREGULAR_PLURALS[upper]
    elif upper.endswith("MAN") and upper not in _MAN_NOT_MEN:
        plural = upper[:-3] + "MEN"
    elif upper.endswith("WIFE"):
        plural = upper[:-4] + "WIVES"
    elif upper.endswith("IS") and len(upper) > 4:
        plural = upper[:-2] + "ES"  # analysis -> analyses
    elif upper.endswith(("S", "X", "Z", "CH", "SH")):
        plural = upper + "ES"
    elif upper.endswith("Y") and len(upper) > 1 and upper[-2] not in "AEIOU":
        plural = upper[:-1] + "IES"
    else:
        plural = upper + "S"
    return _match_case(word, plural)


def _head_index(words: list[str]) -> int:
    """Index of the head noun: the word before the first preposition or comma, else last."""
    for i, word in enumerate(words):
        if i > 0 and word.lower().strip(",") in _PREPOSITIONS:
            return i - 1
        if word.endswith(",") and i < len(words) - 1:
            return i
    return len(words) - 1


def pluralize_phrase(phrase: str) -> str:
    """Regular plural of an agent phrase: ``council of minister`` -> ``councils of minister``."""
    words = phrase.split()
    if not words:
        return phrase
    i = _head_index(words)
    word = words[i]
    trail = ""
    if word.endswith(","):
        word, trail = word[:-1], ","
    words[i] = _pluralize_word(word) + trail
    return " ".join(words)


def _is_plural_word(word: str) -> bool:
    upper = word.upper().strip(",'’")
    if upper in _PLURAL_WORDS:
        return True
    if upper.endswith("MEN") and len(upper) > 4 and upper not in _MEN_NOT_PLURAL:
        return True
    if upper in _S_NOT_PLURAL or len(upper) < 3:
        return False
    return upper.endswith("S") and not upper.endswith(("SS", "US", "IS"))


def _looks_plural(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and _is_plural_word(words[_head_index(words)])


_MARKER = re.compile(r"!([^!\s]*)!")
_MARKER_DEF = re.compile(r"^\s*!([^!\s]+)!\s*=\s*(.*)$")


def _set_plurals(items: list[str]) -> set[str]:
    """Items of a substitution set that are plurals of another item (MEN of MAN)."""
    upper = {i.upper() for i in items}
    return {i.upper() for i in items if any(_pluralize_word(o).upper() == i.upper() for o in upper if o != i.upper())}


def _expand_markers(text: str, subs: dict[str, list[str]]) -> list[tuple[str, bool]] | None:
    match = _MARKER.search(text)
    if not match:
        return None if "!" in text else [(text, False)]
    name = match.group(1).upper()
    if name not in subs:
        return None
    plurals = _set_plurals(subs[name])
    out: list[tuple[str, bool]] = []
    for item in subs[name]:
        expanded = _expand_markers(text[: match.start()] + item + text[match.end() :], subs)
        if expanded is None:
            return None
        out.extend((form, plural or item.upper() in plurals) for form, plural in expanded)
    return out


def _norm_agent_code(text: str) -> str | None:
    code = re.sub(r"[\s~]+", "", text or "").upper()
    if not code or not re.fullmatch(r"[A-Z0-9]*[A-Z][A-Z0-9]*", code):
        return None
    return code


def parse_agent_dictionary(path_or_lines: Source) -> list[AgentEntry]:
    """Parse a PETRARCH ``.agents`` dictionary, expanding plurals and ``!SET!`` markers."""
    out: list[AgentEntry] = []
    seen: set[AgentEntry] = set()
    subs: dict[str, list[str]] = {}

    def emit(phrase: str, code: str, plural: bool) -> None:
        phrase = _norm_phrase(phrase)
        if phrase:
            entry = AgentEntry(phrase, code, plural)
            if entry not in seen:
                seen.add(entry)
                out.append(entry)

    for _lineno, line, _comment in _clean_lines(path_or_lines):
        definition = _MARKER_DEF.match(line)
        if definition:
            items = [i.strip() for i in definition.group(2).split(",") if i.strip()]
            if items:
                subs[definition.group(1).upper()] = items
            continue
        if "[" not in line:
            continue  # an agent needs a code
        head, _, tail = line.partition("[")
        code = _norm_agent_code(re.split(r"[\]}]", tail, maxsplit=1)[0])
        if code is None:
            continue
        plural_spec: str | None = None
        if "{" in head:
            if "}" not in head[head.find("{") :]:
                continue  # missing '}'
            i = head.find("{")
            j = head.find("}", i)
            plural_spec = head[i + 1 : j]
            head = head[:i] + " " + head[j + 1 :]
        if "!" in head:
            forms = _expand_markers(head, subs)
            if forms is None:
                continue  # undefined or malformed substitution marker
            for form, plural in forms:
                emit(form, code, plural)
            continue
        base = _norm_phrase(head)
        if not base:
            continue
        base_plural = _looks_plural(base)
        emit(base, code, base_plural)
        if plural_spec is not None:
            emit(plural_spec, code, True)
        elif not base_plural:
            plural_form = pluralize_phrase(base)
            if plural_form != base:
                emit(plural_form, code, True)
    return out
