"""Joint acts as directed pairs (issue 17).

"Kim Jong Un and Vladimir Putin held a summit" names two parties acting together and no
target. PLOVER codes it once per party with no target; dyadic analysis, the main use of CAMEO
data, needs PRK→RUS and RUS→PRK, as PETRARCH and GDELT code it. ``pairs`` (the default) gives
each party's act the other party as target; ``single`` keeps the PLOVER-style events. Either
way the events are marked ``joint``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from enum import Enum

from ..model import Event, short_id

# The note extraction leaves on a joint act ("X and Y agreed", "clashes between X and Y").
JOINT_NOTE = "joint"


class JointMode(str, Enum):
    """How a joint act is coded: ``pairs`` (X→Y and Y→X) or ``single`` (X and Y, no target)."""

    pairs = "pairs"
    single = "single"


DEFAULT_JOINT = JointMode.pairs.value
JOINT_HELP = "Joint acts ('X and Y met'): pairs (X→Y and Y→X, as PETRARCH and GDELT) or single (one event per party, no target, as PLOVER)."


def check_joint(mode: str) -> str:
    """``mode`` when it is a JointMode value; else a ValueError naming the choices."""
    if mode not in {m.value for m in JointMode}:
        raise ValueError(f"unknown joint mode {mode!r}: choose pairs or single")
    return mode


def is_joint(event: Event) -> bool:
    """Whether extraction found the event as one party of a joint act with no target."""
    return event.target is None and JOINT_NOTE in event.explanation


def code_joint_acts(events: list[Event], mode: str = DEFAULT_JOINT) -> list[Event]:
    """Mark joint acts ``joint`` and, in ``pairs`` mode, turn each act's parties into directed
    events: every party acts on every other. A "joint" act whose parties share one actor code
    (two names for one actor) has no second party and stays single. Order is kept: a pair's
    events stand where the act's first party stood. Returns the new list."""
    check_joint(mode)
    groups: dict[tuple[int, int, str], list[Event]] = defaultdict(list)
    for event in events:
        if is_joint(event):
            event.joint = True
            groups[event.sentence_index, event.trigger_start, event.code].append(event)
    if mode == JointMode.single.value:
        return events
    out: list[Event] = []
    done: set[tuple[int, int, str]] = set()
    for event in events:
        key = (event.sentence_index, event.trigger_start, event.code)
        if not event.joint or key not in groups:
            out.append(event)
        elif key not in done:
            done.add(key)
            out.extend(_pairs(groups[key]))
    return out


def _pairs(parties: list[Event]) -> list[Event]:
    codes = {p.source.code for p in parties}
    if len(codes) < 2:
        return parties
    pairs = []
    for event in parties:
        for other in parties:
            if other.source.code == event.source.code:
                continue
            key = f"{event.event_id}|{other.source.code}"
            pairs.append(replace(event, event_id=short_id(key),
                                 target=other.source, explanation=[*event.explanation, f"joint: with {other.source.code} as target"],
                                 mentions=[], attributes=dict(event.attributes)))
    return _distinct(pairs)


def _distinct(events: list[Event]) -> list[Event]:
    """One event per (source, target) code pair: "Jordan and Britain and the British army"
    must not give Jordan→Britain twice."""
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for event in events:
        key = (event.source.code, event.target.code if event.target else None)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
