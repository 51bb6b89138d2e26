"""Whom aid is for when the sentence says so only in its purpose: "pledged $1.5 billion to help
Pakistan rebuild", "sent material to help defend Saudi Arabia", "donated rice to help Haitian
flood victims".

Aid, material cooperation and the intent to give either (roots 07, 06, 03) are aimed at the
one they help. When the row's slots find no target, a purpose clause headed by a verb of
helping (``helping_verbs`` in ``data/lexicon/words.tsv``) names that party: the first coded
actor inside it (issue 14). A purpose of any other verb is left alone: "supplied weapons to
fight the rebels" names the enemy, not the one helped.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from ..model import ActorMention
from .words import words

__all__ = ["BENEFIT_ROOTS", "helped_party"]

BENEFIT_ROOTS = frozenset({"03", "06", "07"})
HELPING_VERBS = words("helping_verbs")
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})


def helped_party(trigger: Token, actor_at: Callable[[Token], ActorMention | None],
                 sources: Iterable[ActorMention]) -> tuple[list[ActorMention], list[str]]:
    """The party the trigger's purpose clause says it helps, with a note; ``([], [])`` when
    there is none. actor_at: the actor mention a token belongs to, if any."""
    sources = list(sources)
    for clause in _purposes(trigger):
        for part in clause.subtree:
            mention = actor_at(part)
            if mention is not None and mention not in sources:
                return [mention], ["object-search", f"target helped by the purpose '{clause.text}'"]
    return [], []


def _purposes(trigger: Token) -> list[Token]:
    """The trigger's to-infinitive purpose clauses headed by a verb of helping (also one in
    the verb it is the infinitive of: "willing to send material to help ...")."""
    heads = [trigger] + [c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return [c for head in heads for c in head.children
            if c.dep_ in PURPOSE_DEPS and c.lemma_ in HELPING_VERBS and c.i > trigger.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
