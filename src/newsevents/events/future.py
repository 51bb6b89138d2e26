"""What a future act is: an intention, or not yet done.

"Will send aid" is an intention to give aid (033): CAMEO codes the announced future as the
intent it frames (``Lexicon.future_code``). "Will ask the court to open an inquiry" and "will
demand a recount" have no intention code: the appeal or demand has not been made, so it is no
event yet. That holds for a framed act too (a row that takes a clause, "ask ... to", "urge ...
to"), whose frame code is kept where CAMEO has an intention for it ("will refuse to meet" stays
a refusal, "will agree to talks" an intention).
"""
from __future__ import annotations

from typing import Protocol

from .lexicon import Lexicon, LexiconEntry

__all__ = ["as_intent"]


class FutureAct(Protocol):
    """The parts of a fired trigger this reads and sets (``extract._Trigger``)."""

    entry: LexiconEntry
    code: str
    modality: str | None
    notes: list[str]


def as_intent(trigger: FutureAct, lexicon: Lexicon) -> None:
    """Recode a future ``trigger`` as its intention, or mark it not yet done ("possible")."""
    code = lexicon.future_code(trigger.code)
    if code is None:
        trigger.modality = "possible"
    elif code != trigger.code and not trigger.entry.frame:
        trigger.code, trigger.notes = code, [*trigger.notes, f"future tense: intent code {code}"]
