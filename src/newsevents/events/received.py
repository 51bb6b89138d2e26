"""Disapproval and scrutiny told from the side of the one who receives them (issue 17).

"The United States faced stiff Palestinian criticism", "Kenya drew condemnation from the
African Union": the critics are not the subject; they are an adjective or a "from" phrase
of the noun, and the subject is the one criticised. The lexicon codes the acts of subjects,
so these sentences gave no event, or none with the right direction. This pass codes them as
CAMEO 111 (criticise or denounce) from each named critic to the subject. Scrutiny is received
the same way ("the company faces scrutiny from the regulator", "drew a probe by prosecutors"):
CAMEO 090 (investigate) from the investigator to the subject.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..codebook import get_code
from ..model import ActorMention, Document, Event
from .made import event_at
from .reality import embedding, is_hypothetical, is_negated, modality
from .words import words

DISAPPROVE_CODE = "111"
INVESTIGATE_CODE = "090"
# The nouns of each received act (words.tsv sets) and the act's CAMEO code.
RECEIVED_NOUNS = (("disapproval_nouns", DISAPPROVE_CODE), ("scrutiny_nouns", INVESTIGATE_CODE))
# As sure as a lexicon event with one inferred step: the words are explicit, the frame is fixed.
RECEIVED_CONFIDENCE = 0.7
CRITIC_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
SUBJECT_DEPS = frozenset({"nsubj"})


def code_received_disapproval(events: list[Event], doc: Doc, document: Document, mentions: list[ActorMention], *,
                              keep_uncertain: bool = False) -> list[Event]:
    """Add a 111 event critic→subject for each "X faced/drew Y's criticism" in ``doc``, and a
    090 one for "X faced scrutiny from Y"; returns the events in text order (an event the
    lexicon already gave is not repeated, and the noun's own reading as the critics' act
    with no target, or the verb's as the subject's act, gives way)."""
    by_head = {m.head: m for m in mentions if m.code is not None and m.head >= 0}
    have = {(e.sentence_index, e.source.code, e.target.code if e.target else None, e.code[:2]) for e in events}
    added: list[Event] = []
    verbs: set[int] = set()
    for index, sent in enumerate(doc.sents):
        for token in sent:
            if token.pos_ != "VERB" or token.lemma_.lower() not in words("receiving_verbs"):
                continue
            if (is_negated(token) or is_hypothetical(token) or modality(token) or embedding(token)) and not keep_uncertain:
                continue
            for noun, code in _received(token):
                for critic in _critics(noun, by_head):
                    for target in _subjects(token, by_head):
                        key = (index, critic.code, target.code, code[:2])
                        if critic.code == target.code or key in have:
                            continue
                        have.add(key)
                        added.append(_event(noun, sent, index, document, critic, target, code))
                        verbs.add(token.idx)
    # The noun's own lexicon reading ("Ugandan and Tanzanian criticism" as a joint act of the
    # critics, or criticism with no target) is replaced by the received one, and so is the
    # classifier's reading of the verb as the subject's own act ("WeWork faces scrutiny from
    # the SEC" is no act of WeWork's).
    replaced = {e.trigger_start for e in added} | verbs
    kept = [e for e in events if e.trigger_start not in replaced]
    return sorted([*kept, *added], key=lambda e: (e.sentence_index, e.trigger_start))


def _received(verb: Token) -> list[tuple[Token, str]]:
    """The verb's objects that name a received act, each with the act's code."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "met with criticism": the noun hangs on the preposition.
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"]
    return [(o, code) for o in objects for set_name, code in RECEIVED_NOUNS if o.lemma_.lower() in words(set_name)]


def _critics(noun: Token, by_head: dict[int, ActorMention]) -> list[ActorMention]:
    heads = [c for c in noun.children if c.dep_ in CRITIC_DEPS]
    # "drew condemnation from the AU"; the parser may hang the phrase on the verb instead
    # ("is facing scrutiny from the regulator").
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    heads += [g for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
              for g in c.children if g.dep_ == "pobj"]
    return [m for h in heads for t in _with_conjuncts(h) if (m := by_head.get(t.i)) is not None]


def _subjects(verb: Token, by_head: dict[int, ActorMention]) -> list[ActorMention]:
    return [m for c in verb.children if c.dep_ in SUBJECT_DEPS for t in _with_conjuncts(c)
            if (m := by_head.get(t.i)) is not None]


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _event(trigger: Token, sent: Span, index: int, document: Document, source: ActorMention,
           target: ActorMention, code: str) -> Event:
    info = get_code(code)
    if info is None:
        raise ValueError(f"received: unknown CAMEO code {code!r}")
    what = "disapproval" if code == DISAPPROVE_CODE else "scrutiny"
    key = f"{document.id}|{index}|{trigger.i}|{source.code}|{target.code}|{code}|received"
    return event_at(trigger, sent, index, document, source, target, info, key, f"received.{what}",
                    RECEIVED_CONFIDENCE, [f"'{trigger.head.text} ... {trigger.text}': {what} received by its subject",
                                          f"source {source.text} [{source.code}] via {source.rule}",
                                          f"target {target.text} [{target.code}] via {target.rule}"])
