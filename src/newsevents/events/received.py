"""Disapproval told from the side of the one who receives it (issue 17).

"The United States faced stiff Palestinian criticism", "Kenya drew condemnation from the
African Union": the critics are not the subject; they are an adjective or a "from" phrase
of the noun, and the subject is the one criticised. The lexicon codes the acts of subjects,
so these sentences gave no event, or none with the right direction. This pass codes them as
CAMEO 111 (criticise or denounce) from each named critic to the subject.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..codebook import get_code
from ..model import ActorMention, Document, Event
from .made import event_at
from .reality import embedding, is_hypothetical, is_negated, modality
from .words import words

DISAPPROVE_CODE = "111"
# As sure as a lexicon event with one inferred step: the words are explicit, the frame is fixed.
RECEIVED_CONFIDENCE = 0.7
CRITIC_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
SUBJECT_DEPS = frozenset({"nsubj"})


def code_received_disapproval(events: list[Event], doc: Doc, document: Document, mentions: list[ActorMention], *,
                              keep_uncertain: bool = False) -> list[Event]:
    """Add a 111 event critic→subject for each "X faced/drew Y's criticism" in ``doc``;
    returns the events in text order (an event the lexicon already gave is not repeated,
    and the noun's own reading as the critics' act with no target gives way)."""
    by_head = {m.head: m for m in mentions if m.code is not None and m.head >= 0}
    have = {(e.sentence_index, e.source.code, e.target.code if e.target else None, e.code[:2]) for e in events}
    added: list[Event] = []
    for index, sent in enumerate(doc.sents):
        for token in sent:
            if token.pos_ != "VERB" or token.lemma_.lower() not in words("receiving_verbs"):
                continue
            if (is_negated(token) or is_hypothetical(token) or modality(token) or embedding(token)) and not keep_uncertain:
                continue
            for noun in _disapprovals(token):
                for critic in _critics(noun, by_head):
                    for target in _subjects(token, by_head):
                        key = (index, critic.code, target.code, DISAPPROVE_CODE[:2])
                        if critic.code == target.code or key in have:
                            continue
                        have.add(key)
                        added.append(_event(noun, sent, index, document, critic, target))
    # The noun's own lexicon reading ("Ugandan and Tanzanian criticism" as a joint act of the
    # critics, or criticism with no target) is replaced by the received one.
    replaced = {e.trigger_start for e in added}
    kept = [e for e in events if e.trigger_start not in replaced]
    return sorted([*kept, *added], key=lambda e: (e.sentence_index, e.trigger_start))


def _disapprovals(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "met with criticism": the noun hangs on the preposition.
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return [o for o in objects if o.lemma_.lower() in words("disapproval_nouns")]


def _critics(noun: Token, by_head: dict[int, ActorMention]) -> list[ActorMention]:
    heads = [c for c in noun.children if c.dep_ in CRITIC_DEPS]
    heads += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
    return [m for h in heads for t in _with_conjuncts(h) if (m := by_head.get(t.i)) is not None]


def _subjects(verb: Token, by_head: dict[int, ActorMention]) -> list[ActorMention]:
    return [m for c in verb.children if c.dep_ in SUBJECT_DEPS for t in _with_conjuncts(c)
            if (m := by_head.get(t.i)) is not None]


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _event(trigger: Token, sent: Span, index: int, document: Document, source: ActorMention,
           target: ActorMention) -> Event:
    info = get_code(DISAPPROVE_CODE)
    if info is None:
        raise ValueError(f"received: unknown CAMEO code {DISAPPROVE_CODE!r}")
    key = f"{document.id}|{index}|{trigger.i}|{source.code}|{target.code}|{DISAPPROVE_CODE}|received"
    return event_at(trigger, sent, index, document, source, target, info, key, "received.disapproval",
                    RECEIVED_CONFIDENCE, [f"'{trigger.head.text} ... {trigger.text}': disapproval received by its subject",
                                          f"source {source.text} [{source.code}] via {source.rule}",
                                          f"target {target.text} [{target.code}] via {target.rule}"])
