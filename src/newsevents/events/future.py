"""What a future act is: an intention, or not yet done.

"Will send aid" is an intention to give aid (033): CAMEO codes the announced future as the
intent it frames (``Lexicon.future_code``). "Will ask the court to open an inquiry" and "will
demand a recount" have no intention code: the appeal or demand has not been made, so it is no
event yet. That holds for a framed act too (a row that takes a clause, "ask ... to", "urge ...
to"), whose frame code is kept where CAMEO has an intention for it ("will refuse to meet" stays
a refusal, "will agree to talks" an intention).

An announced reduction of relations is the reduction, not an intention or a threat: CAMEO's own
example of 162 is "The United States announced Wednesday it would prohibit all aid to Albanian
rebels" (issue 14). A decision to cut aid, expel diplomats or halt talks is taken when it is
announced; only on a condition ("will impose sanctions unless ...") is it a threat. A decision
to investigate is taken when announced too: "said it would investigate the killings" opens the
inquiry (09). CAMEO has no intention to investigate, and the intent frame's fallback, an
intention to cooperate (030), would misread it.
"""
from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from .lexicon import Lexicon, LexiconEntry
from .reality import has_hypothetical_mark

__all__ = ["ANNOUNCED_ROOTS", "FutureAct", "as_intent", "reported_code"]

# Roots whose announced future act is coded as done (the module docstring): reductions of
# relations and investigations.
ANNOUNCED_ROOTS = frozenset({"16", "09"})


class FutureAct(Protocol):
    """The parts of a fired trigger this reads and sets (``arguments.Trigger``)."""

    token: Token
    entry: LexiconEntry
    code: str
    modality: str | None
    notes: list[str]


def as_intent(trigger: FutureAct, lexicon: Lexicon) -> None:
    """Recode a future ``trigger`` as its intention, or mark it not yet done ("possible")."""
    if announced(trigger.code, trigger.token):
        return
    code = lexicon.future_code(trigger.code)
    if code is None:
        trigger.modality = "possible"
    elif code != trigger.code and not trigger.entry.frame:
        trigger.code, trigger.notes = code, [*trigger.notes, f"future tense: intent code {code}"]


def reported_code(lexicon: Lexicon, frame: str, code: str, clause: Token) -> str | None:
    """The code of a reported ``frame`` whose embedded act (``clause``) is coded ``code``:
    the frame's code ("said it would send aid" is 033), or the act's own where it is an
    announced reduction of relations ("announced it would prohibit all aid" is 162). A reported
    future act reads as the future act does (``Lexicon.future_code``): "said it would warn" is
    the warning, and "said it would ask X to ..." None, an appeal not yet made."""
    if frame != "intent":
        return lexicon.frame_code(frame, code)
    return code if announced(code, clause) else lexicon.future_code(code)


def announced(code: str, clause: Token) -> bool:
    """Whether a future act coded ``code`` in ``clause`` counts as done once announced: a
    reduction of relations or an investigation, on no condition."""
    return code[:2] in ANNOUNCED_ROOTS and not any(c.dep_ == "advcl" and has_hypothetical_mark(c) for c in clause.children)
