"""Phrases the parser's noun chunks get wrong, for the actor stage (issue 15).

The small parser leaves some actors in no noun phrase: a noun it attaches by no relation it
can name ("dep": "Qatar's emir, Sheikh Tamim al-Thani launched ..."), and a name the tables
know inside a misparse ("vetoed a Security Council resolution censuring ...", where it took
"censuring" for the object and the resolution for its modifier): ``left_out_phrases`` gives
them phrases of their own. And it reads a state word inside a longer name as an office
("the Movement for the Actualization of the Sovereign State of Biafra"):
``word_of_a_longer_name`` tells the actor stage where a phrase is only part of a name. A dash
with a space on each side parts phrases, though the parser may join them into one ("two Arab
states to have signed treaties with Israel - Egypt and Jordan -", "May 17, IRNA - Iran's
ambassador"): ``cut_at_dashes`` keeps the side of the phrase's head.
"""
from __future__ import annotations

from spacy.tokens import Span

from .knowledge import ActorFact

# Dashes that part phrases when spaced ("Israel - Egypt"); unspaced they join words ("Israel-Egypt").
DASHES = frozenset({"-", "–", "—", "--"})
# Prepositions that join the words of a long name: "the Movement for the Actualization of ...".
NAME_PREPS = frozenset({"of", "for"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def left_out_phrases(sent: Span, covered: set[int],
                     actor_at: dict[int, tuple[int, int, list[ActorFact]]]) -> list[Span]:
    """Phrases for the nouns attached by "dep" (with their left modifiers, as spaCy's rule
    gives a subject) and then for the names the tables know, that no phrase in ``covered``
    (token indexes) holds. actor_at: token index -> (start, end, facts) of its table match."""
    found: list[Span] = []
    covered = set(covered)
    candidates = [sent.doc[t.left_edge.i:t.i + 1] for t in sent if t.dep_ == "dep" and t.pos_ in NOUN_POS]
    names = [sent.doc[first:last] for first, last in sorted({(m[0], m[1]) for m in actor_at.values()})]
    # An acronym the tagger took for an adverb or adjective ("USAID provided ...") is a name too.
    candidates.extend(name for name in names if name.root.pos_ == "PROPN" or _acronym(name))
    for phrase in candidates:
        if not covered.intersection(range(phrase.start, phrase.end)):
            found.append(phrase)
            covered.update(range(phrase.start, phrase.end))
    return found


def _acronym(phrase: Span) -> bool:
    """A single word of three or more capital letters."""
    return len(phrase) == 1 and len(phrase.text) >= 3 and phrase.text.isalpha() and phrase.text.isupper()


def word_of_a_longer_name(chunk: Span, agent_at: dict[int, tuple[str, ...]],
                          actor_at: dict[int, tuple[int, int, list[ActorFact]]]) -> bool:
    """Whether a capitalised phrase follows "of" or "for" after a capitalised word that is
    neither a role nor a name the tables know: a word of a longer name ("the Movement for the
    Actualization of the Sovereign State of Biafra", "the Front for a Democratic Government"),
    not an office of its own. After a role ("the Secretary of State") or a known name it is read
    as before. Read on the words, not the tree: the parser often hangs "for" on the verb."""
    doc, start = chunk.doc, chunk.start
    first = doc[start + 1] if doc[start].pos_ == "DET" and start + 1 < chunk.end else doc[start]
    if start - 2 < chunk.sent.start or not first.text[:1].isupper() or doc[start - 1].lower_ not in NAME_PREPS:
        return False
    owner = doc[start - 2]
    return owner.pos_ == "PROPN" and owner.text[:1].isupper() \
        and owner.i not in agent_at and owner.i not in actor_at


def cut_at_dashes(chunk: Span) -> Span:
    """The part of ``chunk`` on its head's side of any spaced dash in it (all of it if none)."""
    doc = chunk.doc
    start, end = chunk.start, chunk.end
    for token in chunk:
        if token.text in DASHES and token.whitespace_ and token.i > 0 and doc[token.i - 1].whitespace_:
            if token.i < chunk.root.i:
                start = max(start, token.i + 1)
            else:
                end = min(end, token.i)
    return chunk if (start, end) == (chunk.start, chunk.end) else doc[start:end]
