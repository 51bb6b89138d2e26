"""People in office in 2015-2026 news: the leaders table (data/actors/leaders.tsv).

The table gives one row per person and office, with the dates the office was held; a row with
no dates is what the person is when no office holds on the article's date (a former leader is
an elite, ELI; a militant, their group). A person's other full names ("Volodymyr Zelenskiy")
and the short names safe to match alone ("Zelensky", "Erdogan") are written once, on the
person's first row, and hold for all their rows. Each name becomes an actor phrase with all
the person's rows as dated facts, so the article's date picks the office
(``resolve._actor_facts``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources import files

from ..events.lexicon import tsv_rows

LEADERS_TABLE = "leaders.tsv"
COLUMNS = ("name", "code", "start", "end", "aliases", "alone")
NAME_SEPARATOR = "|"
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Three-letter chunks: a country or group, then sectors (IGOUNOIAE, SYRREBMOS).
CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")


@dataclass(frozen=True, slots=True)
class Office:
    """One row: a code held from ``start`` to ``end`` (ISO dates, inclusive; None is open)."""

    code: str
    start: str | None
    end: str | None


@dataclass
class Leader:
    """A person of the table: their names and offices, in table order."""

    name: str
    aliases: list[str] = field(default_factory=list)
    alone: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)


def read_leaders(text: str, source: str = LEADERS_TABLE) -> list[Leader]:
    """Parse the leaders table.

    text: the table's content, read as every lexicon table is (``lexicon.tsv_rows``: ``#``
    lines are comments, a row may leave off its last column); source: its name, for errors.
    Returns the people in table order. Raises ValueError naming the table and line
    (``source:line:``) of a bad header or row (wrong column count, bad code or date, an end
    before its start) or of a short name given to two people, which could not say whom it means.
    """
    leaders: dict[str, Leader] = {}
    alone_owner: dict[str, str] = {}
    for number, (name, code, start, end, aliases, alone) in tsv_rows(text, source, COLUMNS):
        _check(source, number, name, code, start, end)
        leader = leaders.setdefault(name, Leader(name))
        leader.offices.append(Office(code, start or None, end or None))
        leader.aliases.extend(_split(aliases))
        for short in _split(alone):
            owner = alone_owner.setdefault(short.lower(), name)
            if owner != name:
                raise ValueError(f"{source}:{number}: the short name {short!r} is also {owner}'s")
            leader.alone.append(short)
    return list(leaders.values())


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(NAME_SEPARATOR) if part.strip()]


def _check(source: str, number: int, name: str, code: str, start: str, end: str) -> None:
    where = f"{source}:{number}"
    if not name:
        raise ValueError(f"{where}: the name is empty")
    if not CODE_RE.match(code):
        raise ValueError(f"{where}: {code!r} is not an actor code (three-letter parts, in capitals)")
    for value in (start, end):
        if value and not DATE_RE.match(value):
            raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
    if start and end and end < start:
        raise ValueError(f"{where}: the office ends ({end}) before it starts ({start})")


def leader_phrases(leaders: list[Leader]) -> Iterator[tuple[str, Office, bool]]:
    """Each (phrase, office, alone) to index: every name of a person with each of their
    offices; ``alone`` marks the short names, which the actor stage takes only where they
    stand for a person by themselves (``resolve._lone_name_ok``)."""
    for leader in leaders:
        full = dict.fromkeys([leader.name, *leader.aliases])
        for office in leader.offices:
            for phrase in full:
                yield phrase, office, False
            for phrase in dict.fromkeys(leader.alone):
                yield phrase, office, True


def packaged_leaders() -> list[Leader]:
    """The packaged table's people (empty when the table is absent)."""
    path = files("newsevents") / "data" / "actors" / LEADERS_TABLE
    if not path.is_file():
        return []
    return read_leaders(path.read_text(encoding="utf-8"), LEADERS_TABLE)
