"""Plural and group references across sentences (issue 17): "they", "the militants", "the
group" in a later sentence stand for an actor named before.

``resolve._apply_coreference`` already links "he"/"she", surnames and a singular "the
minister". This pass adds the plural and collective references, conservatively: the
antecedent must be compatible (a plural or collective actor for "they"; a shared sector for
"the militants"; an organisation for "the group"), within ``WINDOW`` sentences, and the
nearest sentence that holds any compatible actor must hold only one actor code. Two candidates
("Hamas and Israeli troops ... They") leave the reference unresolved rather than guess.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import ActorMention, Document
from ..syntax import PLURAL_TAGS, text_span
from .countryless import STATE_SECTORS, UNRESOLVED_ROLE

# How many sentences back a plural reference looks.
WINDOW = 2
PLURAL_PRONOUNS = frozenset({"they"})
# An object "them" is never its own clause's subject, so within its sentence it is the plural
# actor named just before that is not ("pinning 800 students inside and threatened to fire on
# them").
OBJECT_PRONOUNS = frozenset({"them"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
# Collective nouns that, after "the", name an organisation mentioned before.
GROUP_NOUNS = frozenset({"group", "organisation", "organization", "movement", "militia", "alliance", "faction"})
# Sectors of collective actors that "the group" or "they" may stand for.
GROUP_SECTORS = frozenset({"REB", "INS", "SEP", "OPP", "PTY", "NGO", "IGO", "MIL", "COP", "CVL", "LAB", "EDU",
                           "REF", "UAF", "SPY", "RAD", "MOD"})
ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})
RULE_PRONOUN, RULE_ROLE, RULE_GROUP = "coref:they", "coref:plural-role", "coref:group"
RULE_OBJECT = "coref:them"


def resolve_plural_references(mentions: list[ActorMention], doc: Doc, document: Document) -> None:
    """Resolve "they", "the group" and plural roles ("the militants") in ``mentions``, in place:
    resolved ones take their antecedent's code, and new mentions are added for "they" and "the
    group" (which the actor stage does not find alone). Unresolved ones are left as they were.

    mentions: the document's mentions after ``_apply_coreference``; doc: its parse.
    """
    sentence_of = {token.i: index for index, sent in enumerate(doc.sents) for token in sent}
    taken = {m.head for m in mentions} | {i for m in mentions for i in _token_range(doc, m)}
    uncoded_plural = _uncoded_plural_subjects(doc, mentions, sentence_of)
    added: list[ActorMention] = []
    for token in doc:
        if token.i in taken or token.dep_ not in ROLE_DEPS:
            continue
        index = sentence_of[token.i]
        if token.lower_ in PLURAL_PRONOUNS:
            antecedent = _antecedent(mentions, index, token.idx, lambda m: _is_collective(m, doc))
            if antecedent is not None and any(antecedent.sentence_index <= i < index for i in uncoded_plural):
                antecedent = None  # "The doctors said they would work with CBP. They hope ...": the doctors
            rule = RULE_PRONOUN
        elif token.lemma_.lower() in GROUP_NOUNS and _definite_bare(token):
            antecedent = _antecedent(mentions, index, token.idx, _is_organisation)
            rule = RULE_GROUP
        else:
            continue
        if antecedent is not None:
            start = token.left_edge.idx if rule == RULE_GROUP else token.idx
            added.append(_copy(antecedent, document.id, index, token, start, rule))
    for mention in mentions:
        if mention.code is None and mention.rule == UNRESOLVED_ROLE and mention.kind == "plural" \
                and mention.text.lower().startswith("the ") and mention.sectors:
            wanted = set(mention.sectors)
            # "the nurses" are nurses told of before, not "the health department": an antecedent
            # with a state office the role lacks is a body, not these people.
            antecedent = _antecedent(mentions, mention.sentence_index, mention.start,
                                     lambda m, w=wanted: bool(w & set(m.sectors))  # type: ignore[misc]
                                     and not (set(m.sectors) - w) & STATE_SECTORS)
            if antecedent is not None:
                mention.code, mention.country = antecedent.code, antecedent.country
                mention.sectors, mention.rule = list(antecedent.sectors), RULE_ROLE
                mention.name = mention.name or antecedent.name
    mentions.extend(added)
    mentions.sort(key=lambda m: m.start)


def resolve_object_pronouns(mentions: list[ActorMention], doc: Doc, document: Document) -> None:
    """Resolve an object "them" to the plural actor named before it in its sentence that is not
    its clause's subject; in place (new mentions are added). Run after roles are located, so
    that "800 students" has its country."""
    taken = {m.head for m in mentions}
    added = []
    for index, sent in enumerate(doc.sents):
        for token in sent:
            if token.lower_ not in OBJECT_PRONOUNS or token.dep_ not in OBJECT_DEPS or token.i in taken:
                continue
            antecedent = _object_antecedent(mentions, doc, token, index)
            if antecedent is not None:
                added.append(_copy(antecedent, document.id, index, token, token.idx, RULE_OBJECT))
    mentions.extend(added)
    mentions.sort(key=lambda m: m.start)


def _uncoded_plural_subjects(doc: Doc, mentions: list[ActorMention], sentence_of: dict[int, int]) -> set[int]:
    """The sentences with a plural subject that names no coded actor ("The doctors said ..."):
    "they" after one may be those people, whom the actor stage could not code, as well as the
    coded actor found further off. One pass over the document."""
    coded = {i for m in mentions if m.code for i in _token_range(doc, m)}
    return {sentence_of[token.i] for token in doc
            if token.dep_ == "nsubj" and token.tag_ in PLURAL_TAGS and not any(t.i in coded for t in token.subtree)}


def _token_range(doc: Doc, mention: ActorMention) -> range:
    span = text_span(doc, mention.start, mention.end)
    return range(span.start, span.end) if span is not None else range(0)


def _definite_bare(token: Token) -> bool:
    """"the group", "the militant group": a definite noun with no name or "of" phrase of its own
    (which would say which group it is)."""
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
        c.dep_ in ("compound", "prep", "appos", "poss") and (c.pos_ == "PROPN" or c.dep_ in ("prep", "poss")) for c in children)


def _is_collective(mention: ActorMention, doc: Doc) -> bool:
    """An actor "they" may stand for: a plural people or an organisation, never a state."""
    head = doc[mention.head] if 0 <= mention.head < len(doc) else None
    plural = mention.kind == "plural" or (head is not None and head.tag_ in PLURAL_TAGS)
    return _is_organisation(mention) or (plural and (bool(set(mention.sectors) & GROUP_SECTORS) or mention.rule == "demonym+people"))


def _is_organisation(mention: ActorMention) -> bool:
    return mention.rule.startswith("group") or bool(set(mention.sectors) & {"REB", "INS", "SEP", "NGO", "IGO", "PTY"})


def _antecedent(mentions: list[ActorMention], index: int, before: int, compatible) -> ActorMention | None:  # type: ignore[no-untyped-def]
    """The one coded, compatible mention of the nearest earlier sentence (within WINDOW) that has any;
    None when that sentence offers two different codes."""
    # From the sentence before on: within a sentence, "they" is the speaker's side or the
    # subject the event stage already finds ("the rebels said they will release ..."), and
    # resolving it here added wrong events on the dev sets.
    for back in range(1, WINDOW + 1):
        found = [m for m in mentions if m.code and m.sentence_index == index - back and m.end <= before
                 and m.rule not in ("place",) and m.kind not in ("place", "capital") and compatible(m)]
        if found:
            codes = {m.code for m in found}
            return found[-1] if len(codes) == 1 else None
    return None


def _object_antecedent(mentions: list[ActorMention], doc: Doc, token: Token, index: int) -> ActorMention | None:
    """The last coded collective mention before an object "them" in its sentence that is not the
    subject of the pronoun's clause or of a clause it is joined to; None when there is none."""
    subjects = {c.i for verb in _clause_chain(token) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    found = [m for m in mentions if m.code and m.sentence_index == index and m.end <= token.idx
             and m.head not in subjects and m.rule != "place" and _is_collective(m, doc)]
    return found[-1] if found else None


def _clause_chain(token: Token) -> list[Token]:
    """The verbs above the token up to its sentence's root."""
    verbs, node = [], token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            verbs.append(node)
    return verbs


def _copy(antecedent: ActorMention, doc_id: str, index: int, token: Token, start: int, rule: str) -> ActorMention:
    return ActorMention(doc_id, index, token.doc.text[start:token.idx + len(token.text)], start,
                        token.idx + len(token.text), antecedent.code, antecedent.country, list(antecedent.sectors),
                        antecedent.name, rule, head=token.i)
