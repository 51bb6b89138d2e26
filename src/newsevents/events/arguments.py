"""The fired trigger and the actor index, which every stage of event extraction shares.

A trigger is a lexicon row that fired on a token, with what its clause says of its reality:
trigger finding (``triggers``) makes it and settles its code, and source and target finding
(``sources``, ``targets``) read it. The actor index says which actor mention a token belongs
to, so that each stage asks about a token, not a character span. Both live in a module of
their own so that each stage can import them without importing the others.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import ActorMention
from .lexicon import LexiconEntry


@dataclass(slots=True)
class Trigger:
    """A lexicon row that fired on a token, with what the clause says about its reality."""

    token: Token
    entry: LexiconEntry
    code: str
    negated: bool
    modality: str | None
    hypothetical: bool
    inner: Token | None = None
    inner_entry: LexiconEntry | None = None  # the embedded act's row, when the lexicon knows it
    frame: str | None = None
    manner: Trigger | None = None  # "killed in an attack by X": the noun that says how, and by whom
    stance: Trigger | None = None  # "blocked streets in defiance of Beijing": whom the protest defies
    notes: list[str] = field(default_factory=list)
    # The classifier vouches for the act, so it stands without a target (issue 14: a model
    # event needs a resolved source, not a target); a demand, accusation, refusal or threat
    # of no one is still not coded.
    targetless: bool = False


class ActorIndex:
    """Which actor mention a token belongs to."""

    def __init__(self, mentions: Iterable[ActorMention], doc: Doc, *, any_noun: bool = False) -> None:
        self.any_noun = any_noun
        self.by_token: dict[int, ActorMention] = {}
        ordered = sorted(mentions, key=lambda m: m.end - m.start, reverse=True)
        for mention in ordered:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = mention
        for mention in ordered:
            if mention.head >= 0:
                self.by_token[mention.head] = mention

    def at(self, token: Token) -> ActorMention | None:
        mention = self.by_token.get(token.i)
        if mention is not None and (mention.code or self.any_noun):
            return mention
        if self.any_noun and token.pos_ in ("NOUN", "PROPN", "PRON"):
            # Code-only mode: any noun phrase may stand as an argument, uncoded.
            mention = ActorMention(doc_id="", sentence_index=-1, text=token.text, start=token.idx,
                                   end=token.idx + len(token.text), code=None, country=None,
                                   sectors=[], name=None, rule="noun", head=token.i)
            self.by_token[token.i] = mention
            return mention
        return None

    def in_span(self, span: Span) -> list[ActorMention]:
        """The distinct actor mentions over a span's tokens."""
        seen: dict[int, ActorMention] = {}
        for i in range(span.start, span.end):
            mention = self.by_token.get(i)
            if mention is not None:
                seen.setdefault(id(mention), mention)
        return list(seen.values())

    def with_conjuncts(self, token: Token) -> list[ActorMention]:
        """The actor at ``token`` and at each token coordinated with it ("Iran and Iraq")."""
        # Keyed by identity (``at`` gives each token's one mention object): a list of a thousand
        # names made the ``in`` test of a list quadratic (issue 18).
        found: dict[int, ActorMention] = {}
        for part in conjuncts(token):
            mention = self.at(part)
            if mention is None:
                continue
            found.setdefault(id(mention), mention)
            # "Israeli and Palestinian negotiators": the coordinated modifiers name one party
            # each, and the actor stage gives the first its own mention.
            for child in part.children:
                if child.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in child.children):
                    for modifier in conjuncts(child):
                        other = self.at(modifier)
                        if other is not None and other.code != mention.code:
                            found.setdefault(id(other), other)
        return list(found.values())


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it, depth first in text order. A loop, not
    recursion: a list of a thousand names is a conj chain a thousand arcs deep (issue 18)."""
    parts: list[Token] = []
    stack = [token]
    while stack:
        part = stack.pop()
        parts.append(part)
        stack.extend(reversed([child for child in part.children if child.dep_ == "conj"]))
    return parts
