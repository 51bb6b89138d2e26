"""The event lexicon: which English predicates code which CAMEO events.

Two package data files (``data/lexicon/``) drive the event coder:

``events.tsv``
    One row per predicate sense: ``id pos lemma particle object target code frame note``.
    The coder looks rows up by the (pos, lemma) of a token, keeps those whose particle and
    object constraints the parse satisfies, and takes the first (most specific) one. The
    target actor is read from the slots in ``target`` (``dobj`` or prepositions), in order.
    A particle or object word written ``!word`` is forbidden: the row does not apply when it
    is present. The object cell ``none`` asks for no object or clause at all (the
    intransitive sense), ``some`` for an object of any kind.

``frames.tsv``
    ``frame inner code note``: for complement-taking rows ("urged X to meet Y", "refused to
    release the prisoners") the code of the embedded event is mapped to the resulting code
    by its longest matching prefix ("threaten 163" beats "threaten 16").

Users add or override rows with files in the ``events.tsv`` format (``--lexicon FILE``):
a row whose id already exists replaces the built-in row in place, other rows are appended.
Every file is validated on load; errors name the file and line, e.g.
``ValueError("events.tsv:123: unknown CAMEO code '999'")``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType

from ..codebook import get_code

__all__ = [
    "EVENTS_HEADER",
    "FRAMES_HEADER",
    "FRAME_NAMES",
    "Lexicon",
    "LexiconEntry",
    "load_lexicon",
]

EVENTS_HEADER = ("id", "pos", "lemma", "particle", "object", "target", "code", "frame", "note")
FRAMES_HEADER = ("frame", "inner", "code", "note")

# Complement-taking predicate classes; frames.tsv says what each does to the embedded code.
FRAME_NAMES = frozenset({"appeal", "demand", "intent", "reject", "threaten"})
# Roots whose future is itself an intention (03) or a threat (13): "will offer", "will retaliate".
INTENT_ROOTS = frozenset({"03", "13"})

POS_VALUES = frozenset({"VERB", "NOUN", "ADJ"})
# Built-in row files, read in this order: event verbs and nouns, then predicative adjectives
# ("ready to", "willing to") that frame an embedded event like a verb does.
BUILTIN_FILES = ("events.tsv", "adjectives.tsv")

# Target slots: the direct object, or the object of one of these prepositions.
TARGET_SLOTS = frozenset({"dobj"})
PREPOSITIONS = frozenset(
    """
    about above across after against along alongside amid amidst among amongst around as at
    before behind below beneath beside besides between beyond by despite down during except
    for from in inside into like near of off on onto out outside over past per regarding
    since through throughout till to toward towards under underneath until unto up upon via
    with within without
    """.split()
)

_NONE = "-"
_NO_TARGET = "none"
_FORBIDDEN = "!"
# Object cells that say whether an object must be absent or present, not which one.
OBJECT_PRESENCE = frozenset({"none", "some"})
# A lemma, particle or object word: lower case, may contain inner hyphens/apostrophes.
_WORD_RE = re.compile(r"[a-z0-9](?:[a-z0-9'.-]*[a-z0-9])?")
_ID_RE = re.compile(r"[^\s|]+")
_CODE_RE = re.compile(r"\d{2,4}")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon row: a predicate sense and the CAMEO code it expresses."""

    id: str
    pos: str
    lemma: str
    particles: frozenset[str]  # any one of these must be present; empty = none required
    objects: frozenset[str]  # the direct object's lemma must be one of these; empty = any
    targets: tuple[str, ...]  # "dobj" or preposition words, in priority order; empty = none
    code: str
    frame: str | None
    note: str
    source: str  # the file the row came from
    # Words written "!word": the row does not apply when one is present (a "release" in a
    # "news release").
    forbidden_particles: frozenset[str] = frozenset()
    forbidden_objects: frozenset[str] = frozenset()
    # Object cell "none": the sense takes no object or clause ("demonstrated" against X, not
    # "demonstrated that"); "some": it needs an object, whatever it is.
    object_presence: str | None = None

    @property
    def specificity(self) -> int:
        """How narrow the row is: an object constraint (2) says more about the sense than a
        particle (1), so "fired rockets on X" is a rocket attack, not just firing on X;
        both together rank highest (3)."""
        return int(bool(self.particles)) + 2 * int(bool(self.objects))


@dataclass(frozen=True)
class Lexicon:
    """Lexicon rows plus the frame table, indexed by (pos, lemma)."""

    entries: tuple[LexiconEntry, ...]
    frames: Mapping[str, Mapping[str, str]]
    _index: Mapping[tuple[str, str], tuple[LexiconEntry, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        groups: dict[tuple[str, str], list[LexiconEntry]] = {}
        for entry in self.entries:
            groups.setdefault((entry.pos, entry.lemma), []).append(entry)
        # sorted() is stable, so rows of equal specificity keep their file order.
        index = {
            key: tuple(sorted(rows, key=lambda e: -e.specificity)) for key, rows in groups.items()
        }
        object.__setattr__(self, "_index", MappingProxyType(index))

    def candidates(self, pos: str, lemma: str) -> list[LexiconEntry]:
        """Rows for a token's (pos, lemma): most specific first, then file order."""
        return list(self._index.get((pos.upper(), lemma.lower()), ()))

    def frame_code(self, frame: str, inner_code: str) -> str | None:
        """The code for ``frame`` around an embedded event coded ``inner_code``.

        The longest prefix of ``inner_code`` listed for the frame wins; None when the frame
        is unknown or no prefix matches (the caller then keeps the row's own code).
        """
        table = self.frames.get(frame)
        if table is None:
            return None
        inner = inner_code.strip()
        for length in range(len(inner), 1, -1):
            code = table.get(inner[:length])
            if code is not None:
                return code
        return None

    def future_code(self, code: str) -> str | None:
        """What a future act coded ``code`` is: the intention it frames ("will send aid" is 033),
        the code itself when it is already an intention or a threat (03, 13), or None when CAMEO
        has no intention for it ("will ask the ICC", "will demand"): it has not happened yet."""
        return self.frame_code("intent", code) or (code if code[:2] in INTENT_ROOTS else None)


def load_lexicon(extra: Sequence[str | Path] = (), *, replace: bool = False) -> Lexicon:
    """The built-in lexicon, plus user files in the ``events.tsv`` format.

    Rows of ``extra`` files are applied in order: a row whose id already exists replaces
    that row (keeping its position), other rows are appended. ``replace=True`` starts from
    no built-in rows (the frame table is always the built-in one). Raises ValueError
    naming file and line for an invalid file, OSError when a file cannot be read. The
    built-in part is parsed once per process; user files are read on every call.
    """
    if isinstance(extra, (str, Path)):
        extra = (extra,)
    builtin = _builtin_lexicon()
    if not extra and not replace:
        return builtin
    merged: dict[str, LexiconEntry] = {} if replace else {e.id: e for e in builtin.entries}
    for path in extra:
        text = Path(path).read_text(encoding="utf-8-sig")
        for entry in _parse_events(text, str(path)):
            merged[entry.id] = entry
    return Lexicon(tuple(merged.values()), builtin.frames)


@lru_cache(maxsize=1)
def _builtin_lexicon() -> Lexicon:
    directory = files("newsevents") / "data" / "lexicon"
    frames = _parse_frames((directory / "frames.tsv").read_text(encoding="utf-8"), "frames.tsv")
    entries = tuple(entry for name in BUILTIN_FILES
                    for entry in _parse_events((directory / name).read_text(encoding="utf-8"), name))
    return Lexicon(entries, frames)


def tsv_rows(text: str, name: str, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of the data rows, after checking the header line."""
    seen_header = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not seen_header:
            if tuple(fields) != header:
                raise ValueError(
                    f"{name}:{number}: expected the header line {'<TAB>'.join(header)!r}, "
                    f"found {line!r}"
                )
            seen_header = True
            continue
        # The last column (note) may be left off entirely.
        if len(fields) == len(header) - 1:
            fields.append("")
        if len(fields) != len(header):
            raise ValueError(
                f"{name}:{number}: expected {len(header)} tab-separated columns, found {len(fields)}"
            )
        yield number, fields
    if not seen_header:
        raise ValueError(f"{name}: no header line {'<TAB>'.join(header)!r}")


def _check_code(code: str, name: str, number: int, column: str = "code") -> str:
    if not _CODE_RE.fullmatch(code) or get_code(code) is None:
        raise ValueError(f"{name}:{number}: unknown CAMEO code {code!r} in column {column!r}")
    return code


def _words(value: str, name: str, number: int, column: str) -> tuple[frozenset[str], frozenset[str]]:
    """(required, forbidden) words of a particle or object cell: "a|b|!c"."""
    if value == _NONE:
        return frozenset(), frozenset()
    words = value.split("|")
    for word in words:
        if not _WORD_RE.fullmatch(word.removeprefix(_FORBIDDEN)):
            raise ValueError(
                f"{name}:{number}: bad {column} {value!r}: expected '-' or lower-case words "
                "separated by '|', each may start with '!' (forbidden)"
            )
    return (frozenset(w for w in words if not w.startswith(_FORBIDDEN)),
            frozenset(w.removeprefix(_FORBIDDEN) for w in words if w.startswith(_FORBIDDEN)))


def _targets(value: str, name: str, number: int) -> tuple[str, ...]:
    if value == _NO_TARGET:
        return ()
    slots = value.split("|")
    for slot in slots:
        if slot not in TARGET_SLOTS and slot not in PREPOSITIONS:
            raise ValueError(
                f"{name}:{number}: bad target {value!r}: expected 'none', or 'dobj' and/or "
                f"prepositions separated by '|' ({slot!r} is neither)"
            )
    if len(set(slots)) != len(slots):
        raise ValueError(f"{name}:{number}: bad target {value!r}: a slot is repeated")
    return tuple(slots)


def _parse_events(text: str, name: str) -> list[LexiconEntry]:
    entries: list[LexiconEntry] = []
    first_line: dict[str, int] = {}
    for number, fields in tsv_rows(text, name, EVENTS_HEADER):
        id_, pos, lemma, particle, objects, target, code, frame, note = fields
        for column, value in zip(EVENTS_HEADER[:8], fields[:8]):
            if not value:
                raise ValueError(f"{name}:{number}: empty {column!r} column (use '-' for none)")
        if not _ID_RE.fullmatch(id_):
            raise ValueError(f"{name}:{number}: bad id {id_!r}: no spaces or '|' allowed")
        if id_ in first_line:
            raise ValueError(
                f"{name}:{number}: duplicate id {id_!r} (first used on line {first_line[id_]})"
            )
        first_line[id_] = number
        if pos not in POS_VALUES:
            raise ValueError(f"{name}:{number}: bad pos {pos!r}: expected VERB, NOUN or ADJ")
        if not _WORD_RE.fullmatch(lemma):
            raise ValueError(f"{name}:{number}: bad lemma {lemma!r}: expected one lower-case word")
        if frame != _NONE and frame not in FRAME_NAMES:
            raise ValueError(
                f"{name}:{number}: unknown frame {frame!r}: expected '-' or one of "
                f"{', '.join(sorted(FRAME_NAMES))}"
            )
        particles, forbidden_particles = _words(particle, name, number, "particle")
        presence = objects if objects in OBJECT_PRESENCE else None
        required, forbidden_objects = _words(_NONE if presence else objects, name, number, "object")
        entries.append(
            LexiconEntry(
                id=id_,
                pos=pos,
                lemma=lemma,
                particles=particles,
                objects=required,
                forbidden_particles=forbidden_particles,
                forbidden_objects=forbidden_objects,
                object_presence=presence,
                targets=_targets(target, name, number),
                code=_check_code(code, name, number),
                frame=None if frame == _NONE else frame,
                note=note,
                source=name,
            )
        )
    return entries


def _parse_frames(text: str, name: str) -> Mapping[str, Mapping[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    for number, (frame, inner, code, _note) in tsv_rows(text, name, FRAMES_HEADER):
        if frame not in FRAME_NAMES:
            raise ValueError(
                f"{name}:{number}: unknown frame {frame!r}: expected one of "
                f"{', '.join(sorted(FRAME_NAMES))}"
            )
        _check_code(inner, name, number, "inner")
        table = tables.setdefault(frame, {})
        if inner in table:
            raise ValueError(f"{name}:{number}: duplicate row for frame {frame!r} inner {inner!r}")
        table[inner] = _check_code(code, name, number)
    return MappingProxyType({frame: MappingProxyType(table) for frame, table in tables.items()})
