"""Releases by the captors a sentence names only as who held the captives (issue 17).

"Two hostages who had been held by the Taliban since 2016 were released on Tuesday", "aid
workers kidnapped by gunmen last year were freed": the release has no "by" agent, so the
extractor, which needs a source, codes nothing. Whoever held the captives is who let them go, so
the source is the agent of the verb of holding that describes them (a relative clause or a
participle on the passive subject). The targets are the coded captives: the subject, or the
people it is in apposition with ("two hostages, an American and an Australian").

Not coded: a release with its own agent (the extractor's), negated, modal, hypothetical or
background reports, an event already coded at the verb, or captives none of whom is coded.
The verbs are word sets of ``data/lexicon/words.tsv`` (``release_verbs``, ``captor_verbs``);
the code is the event lexicon's plain row for the release verb.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..codebook import get_code
from ..model import ActorMention, Document, Event
from .implied_authority import agentless_passive, plain_code
from .lexicon import Lexicon
from .made import event_at
from .unattributed import act_reality
from .words import words

__all__ = ["CAPTOR_CONFIDENCE", "code_captor_releases"]

# The source is read through a clause about the captives, not from the release itself.
CAPTOR_CONFIDENCE = 0.6
DESCRIBING_DEPS = frozenset({"relcl", "acl"})
GROUPING_DEPS = frozenset({"appos", "conj"})


def code_captor_releases(events: list[Event], doc: Doc, document: Document, mentions: list[ActorMention],
                         lexicon: Lexicon, *, keep_uncertain: bool = False) -> list[Event]:
    """The events, plus one per coded captive of each agentless release whose captives a
    clause says were held by a coded actor. Returns a new list (the new events last)."""
    coded = {(e.sentence_index, e.trigger_start) for e in events}
    releases, holders = words("release_verbs"), words("captor_verbs")
    added: list[Event] = []
    for index, sent in enumerate(doc.sents):
        here = [m for m in mentions if m.sentence_index == index and m.code]
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in releases or (index, verb.idx) in coded:
                continue
            added.extend(_releases(verb, sent, index, here, holders, document, lexicon, keep_uncertain))
    return events + added


def _releases(verb: Token, sent: Span, index: int, here: list[ActorMention], holders: frozenset[str],
              document: Document, lexicon: Lexicon, keep_uncertain: bool) -> list[Event]:
    if not agentless_passive(verb):
        return []
    captive = _captive(verb)
    if captive is None:
        return []
    group = _group(captive)
    captor = _captor(group, here, holders)
    code = plain_code(verb, lexicon)
    info = get_code(code) if code else None
    if captor is None or info is None:
        return []
    targets = _coded_captives(group, here, captor)
    reality = act_reality(verb, document, lexicon, keep_uncertain) if targets else None
    if reality is None:
        return []
    made = []
    for target in targets:
        key = f"{document.id}|{index}|{verb.i}|{captor.code}|{target.code}|{code}|captor"
        explanation = [f"passive '{verb.text}' with no agent: released by whoever held them",
                       f"source {captor.text} [{captor.code}], the agent of the clause about the captives",
                       f"target {target.text} [{target.code}] via {target.rule}"]
        made.append(event_at(verb, sent, index, document, captor, target, info, key, f"captor.{code}",
                             CAPTOR_CONFIDENCE, explanation, reality))
    return made


def _captive(verb: Token) -> Token | None:
    """The passive subject of the release. "Hostages who had been held by X since 2016 were
    released": the parser takes the year for the subject and hangs the release under the
    relative clause, so the captives are the noun that clause describes."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    if subject.like_num and verb.dep_ == "advcl" and verb.head.dep_ in DESCRIBING_DEPS \
            and any(c.dep_ == "mark" and c.i < subject.i for c in verb.children):
        return verb.head.head
    return subject


def _group(captive: Token) -> list[Token]:
    """The captive and the words in apposition or coordination with it ("two hostages, an
    American and an Australian")."""
    group = [captive]
    for token in captive.subtree:
        if token.dep_ in GROUPING_DEPS and token.head in group:
            group.append(token)
    return group


def _captor(group: list[Token], here: list[ActorMention], holders: frozenset[str]) -> ActorMention | None:
    """The coded agent of a verb of holding that describes the captives ("held by X")."""
    for clause in (c for word in group for c in word.children):
        if clause.dep_ not in DESCRIBING_DEPS or clause.lemma_.lower() not in holders:
            continue
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            for obj in (o for o in agent.children if o.dep_ == "pobj"):
                found = _mention_at(obj, here)
                if found is not None:
                    return found
    return None


def _coded_captives(group: list[Token], here: list[ActorMention], captor: ActorMention) -> list[ActorMention]:
    """The coded people in apposition or coordination with the captive, else its own mention."""
    found: list[ActorMention] = []
    for mention in (_mention_at(t, here) for t in group[1:]):
        if mention is not None and mention is not captor and all(mention is not f for f in found):
            found.append(mention)
    if found:
        return found
    own = _mention_at(group[0], here)
    return [own] if own is not None and own is not captor else []


def _mention_at(token: Token, here: list[ActorMention]) -> ActorMention | None:
    return next((m for m in here if m.head == token.i), None)
