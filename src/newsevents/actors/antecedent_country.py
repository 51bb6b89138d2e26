"""A role's country from the same role told earlier in the article (issue 17).

"Hong Kong police fired teargas at students. ... Officers had earlier threatened to use live
fire": the later "officers" names no country, and the article names several (China, Britain,
the US), so neither the article's one country nor the sentence's can place it. The nearest
earlier mention of the same kind of actor (the same sectors) that has a country, within a few
sentences, is the one a reader takes it to be. Conservative: only a mention of exactly the same
sectors counts, and when the mentions in the window disagree on the country, none is taken.
"""
from __future__ import annotations

from ..model import ActorMention

# How many sentences back a same-role antecedent may be: a reader carries "the police" of a
# story across a paragraph or two, not across the whole article.
WINDOW = 6


def antecedent_country(role: ActorMention, mentions: list[ActorMention], *, window: int = WINDOW) -> str | None:
    """The country of the earlier mentions with ``role``'s sectors in the ``window`` sentences
    before it (its own sentence included, before it), when they all agree; else None."""
    wanted = sorted(role.sectors)
    if not wanted:
        return None
    found = {m.country for m in mentions
             if m.country and m is not role and sorted(m.sectors) == wanted
             and role.sentence_index - window <= m.sentence_index <= role.sentence_index
             and (m.sentence_index < role.sentence_index or m.start < role.start)}
    return next(iter(found)) if len(found) == 1 else None
