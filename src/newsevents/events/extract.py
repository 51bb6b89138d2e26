"""Predicate-argument extraction: who did what to whom, from the dependency parse.

Each token whose (pos, lemma) the lexicon knows is a candidate trigger. The most specific
lexicon row whose particle and object constraints hold fires. The source comes from the
subject (or the ``by`` agent of a passive, or the controller of an infinitive, or the owner of
an event noun); the target from the row's target slots. Both must be resolved actor mentions.
The parse of a small model is often wrong, so each argument has a few fall-back paths, and a
trigger whose arguments cannot be found on any of them yields nothing (precision first).

Each stage has a module of its own: ``triggers`` (what fires, with which code), ``sources``
(who acts) and ``targets`` (on whom). This one runs them over each trigger and makes the events.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..actors.countryless import PEOPLE_SECTORS, UNRESOLVED_ROLE
from ..codebook import get_code
from ..model import ActorMention, Document, Event, short_id
from .arguments import ActorIndex, Trigger, conjuncts
from .attitude import is_attitude_only
from .future import as_intent
from .lexicon import Lexicon, LexiconEntry
from .own_forces import is_own_force
from .sources import (BETWEEN_NOTE, BETWEEN_SOURCE_DEPS, CONSULT_ROOT, between_parties, co_agents_of, is_passive,
                      noun_source, subject, unnamed_perpetrators)
from .targets import (ADDRESSED_ROOTS, DOMESTIC_RULE, IN_PLACE_ROOTS, act_place, actor_inside, domestic_target,
                      event_targets, protest_target, protested_government)
from .triggers import (FORCE_ROOTS, GENERIC_FORCE_CODES, GENERIC_STATEMENT, PROTEST_ROOT, REJECT_FRAME, STATEMENT_ROOT,
                       SUBJECT_DEPS, find_triggers, matching_entry, names_row_object, new_trigger, objects_of,
                       particle_of)
from .voice import is_reduced_passive
from .words import words

# What other modules have imported from here; those whose stage moved out (``triggers``,
# ``targets``) stay importable here.
__all__ = ["ADDRESSED_ROOTS", "PROTEST_ROOT", "REJECT_FRAME", "TARGETLESS_ROOTS", "code_tokens", "extract_events",
           "is_private", "matching_entry", "names_row_object"]

# Roots whose events the codebook often states without a target: statements, intentions
# ("agreed to hold elections"), yielding ("eased restrictions") and protest ("workers went on
# strike"). Other events need a target actor to be coded.
TARGETLESS_ROOTS = frozenset({"01", "03", "08", "14"})
# Statements, intentions, meetings and cooperation between private actors (business, media,
# health, civilians) are outside political event data; their protests and violence are not.
PRIVATE_SCOPE_ROOTS = frozenset({"01", "03", "04", "05", "06"})
PRIVATE_SECTORS = frozenset({"BUS", "MED", "HLH", "CVL", "PPL"})
VISIT_CODE = "042"
# Intentions to cooperate, aid, yield or meet (03): with nothing intended and no one, no event.
INTENT_ROOT = "03"
RELEASE_OF_PERSONS = "0841"
OWN_SIDE_ROOTS = frozenset({"17", "18"})
VISIT_LEMMAS = words("visit_lemmas")
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF"})
# Killing one office holder (a generic force code) is an assassination, by the codebook's
# usage note for 186.
ASSASSINATION = "186"
LEADER_SECTORS = frozenset({"GOV", "ELI", "LEG", "JUD", "PTY"})
# Confidence: start high, take off for each weaker step in the evidence.
BASE_CONFIDENCE = 0.9
PENALTY = {"coref": 0.15, "joint": 0.1, "object-search": 0.1, "inherited-subject": 0.1, "frame-default": 0.05,
           "co-agent": 0.1, "noun-event": 0.05, "implicit-target": 0.1,
           "implicit-source": 0.2}
MIN_CONFIDENCE = 0.3
# Each clause level below the root lowers confidence a little, so that the reported event
# of a sentence outranks what is embedded in it.
DEPTH_PENALTY = 0.02
MAX_DEPTH_PENALTY_STEPS = 5


def extract_events(doc: Doc, document: Document, mentions: list[ActorMention], lexicon: Lexicon,
                   *, keep_uncertain: bool = False, require_actors: bool = True) -> list[Event]:
    """Code the events of a parsed document.

    doc: the spaCy parse; document: its metadata; mentions: the actor stage's output.
    keep_uncertain: also emit negated, modal, hypothetical and question events, marked.
    require_actors: False is code-only mode, for gold sets that give codes without actors:
    any noun phrase may fill the source and target, and events may carry uncoded actors.
    Returns events in text order.
    """
    actors = ActorIndex(mentions, doc, any_noun=not require_actors)
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        triggers = find_triggers(sent, lexicon)
        coded: set[int] = set()
        for trigger in triggers:
            if _uncertain(trigger) and not keep_uncertain:
                continue
            found = list(_events_for(trigger, sent, index, document, actors))
            token = trigger.token
            if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.i in coded:
                # "refused to meet X, saying he would ...": the participle elaborates the coded
                # event; it counts only with a target of its own.
                found = [e for e in found if e.target is not None]
            if found:
                coded.add(token.i)
            events.extend(found)
    return _drop_subsumed_statements(events, doc)


def _uncertain(trigger: Trigger) -> bool:
    return trigger.negated or trigger.hypothetical or trigger.modality not in (None, "future")


def code_tokens(doc: Doc, document: Document, mentions: list[ActorMention], picks: Iterable[tuple[Token, LexiconEntry]],
                lexicon: Lexicon, *, keep_uncertain: bool = False, require_actors: bool = True) -> list[Event]:
    """Code each picked token as if its row had fired: the same reality checks, future reading and
    argument search as a lexicon trigger's, except that the event may have no target. The hybrid
    coder picks them for the events its classifier finds where no row fired (``events/hybrid.py``)."""
    actors = ActorIndex(mentions, doc, any_noun=not require_actors)
    index_of = {sent.start: index for index, sent in enumerate(doc.sents)}
    events: list[Event] = []
    for token, entry in [(token, entry) for token, entry in picks if not is_attitude_only(token, entry.code)]:
        sent = token.sent
        trigger = new_trigger(token, entry, sent.text.rstrip().endswith("?"))
        trigger.targetless = True
        if trigger.modality == "future":
            as_intent(trigger, lexicon)
        if _uncertain(trigger) and not keep_uncertain:
            continue
        events.extend(_events_for(trigger, sent, index_of[sent.start], document, actors))
    return events


def _possessed_act(token: Token, named: ActorMention, actors: ActorIndex) -> bool:
    """"NATO's condemnation of the strikes": the event noun heads a phrase the actor stage
    coded by its possessor, which is a mention of its own; the noun is that actor's act, not a
    word of a name."""
    return named.head == token.i and any(
        child.dep_ == "poss" and (owner := actors.at(child)) is not None and owner.code and owner is not named
        for child in token.children)


def _events_for(trigger: Trigger, sent: Span, index: int, document: Document,
                actors: ActorIndex) -> Iterator[Event]:
    token = trigger.token
    if (named := actors.by_token.get(token.i)) is not None and token.pos_ != "VERB" and not (
            trigger.targetless and named.rule == UNRESOLVED_ROLE and named.head == token.i) \
            and not _possessed_act(token, named, actors):
        return  # an event noun inside an actor's name ("the peace movement"); the model's may be misread as a role
    reduced = is_reduced_passive(token, trigger.code, trigger.entry.targets)  # "helicopter shot down" (voice.py)
    passive = token.pos_ == "VERB" and (is_passive(token) or reduced)
    if token.pos_ == "VERB":
        sources, source_notes = ([], []) if reduced else subject(token, actors)
        if not sources and trigger.manner is not None:
            # "was murdered in an attack by Kosovo Albanians": the attack's author did it.
            sources, source_notes = noun_source(trigger.manner.token, trigger.manner.entry.targets, actors)
            source_notes.append(f"author of '{trigger.manner.token.text}'")
            if BETWEEN_NOTE in source_notes and trigger.manner.token.dep_ not in SUBJECT_DEPS:
                # "Clashes between X and Y killed ten soldiers": both sides' fighting did it;
                # "was hit by a brick during a clash between protesters and police": one side
                # did, and the text does not say which.
                sources, source_notes = [], []
        if not sources and token.tag_ == "VBG" and token.dep_ in BETWEEN_SOURCE_DEPS and (
                parties := between_parties(token, actors)):
            # "Fighting between Israeli forces and Hamas continued": a gerund used as a noun.
            sources, source_notes = parties, [BETWEEN_NOTE]
    elif token.pos_ == "ADJ":
        # "X is ready to ...": the adjective's subject is the copula's.
        owner = token if any(c.dep_ in SUBJECT_DEPS for c in token.children) else token.head
        sources, source_notes = subject(owner, actors)
    else:
        sources, source_notes = noun_source(token, trigger.entry.targets, actors, trigger.code)
        source_notes.append("noun-event")
    subject_tokens = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    co_agents = co_agents_of(token, subject_tokens, actors)
    if co_agents:
        sources = sources + [m for m in co_agents if m not in sources]
        source_notes.append("co-agent")
    sources = [s for s in sources if s.rule != "place"]
    if not sources and trigger.code[:2] in FORCE_ROOTS:
        sources = unnamed_perpetrators(trigger, sent, actors, document.id, index)
        if sources:
            source_notes = ["implicit-source", "unnamed attackers in the place of the attack"]
    if trigger.code == VISIT_CODE and token.lemma_ not in VISIT_LEMMAS:
        # Troops that arrive or travel somewhere are deployed there, not visiting; migrants,
        # tourists or traders who arrive are travelling, not visiting. What is flown somewhere
        # ("flew doctors to Italy", "were flown to Italy by China") was carried, and what is
        # only someone's ("Russian weapons arrived", "China's aid package arrived") is a thing:
        # no one visits.
        carried = passive or any(c.dep_ == "dobj" for c in token.children)
        sources = [] if carried else [s for s in sources if not set(s.sectors) & ARMED_SECTORS and not is_private(s)
                                      and not _owns_the_subject(s, subject_tokens or _described(token))]
    if not sources or trigger.code.startswith(RELEASE_OF_PERSONS) and _frees_no_one(token, trigger.entry, actors):
        return
    targets: list[ActorMention | None]
    if BETWEEN_NOTE in source_notes and "between" not in trigger.entry.targets:
        # Parties of a "between" phrase that is not the row's own target slot act jointly:
        # "clashes between X and Y killed ten soldiers" says whom the clashes killed, not
        # which side killed whom. Where it is the row's slot ("talks between X and Y"), each
        # party's target is the other, found there.
        targets, target_notes = [None], []
        source_notes.append("joint")
    elif trigger.entry.targets or trigger.inner is not None:
        found, target_notes = event_targets(trigger, sent, actors, sources, passive)
        targets = list(found)
        if targets and all(t.rule == "place" for t in targets) and "with" in trigger.entry.targets \
                and len({s.code for s in sources}) > 1:
            # "Sudan's army and RSF fighters clashed in Khartoum": parties of an act done with
            # someone, and no one named after "with", act with each other, not on the town.
            targets, target_notes = [], []
        if not targets and len(sources) == 1:
            targets = list(domestic_target(trigger, sent, actors, sources[0]))
            target_notes = ["implicit-target"] if targets else []
        if not targets and len(sources) < 2 and trigger.code[:2] not in TARGETLESS_ROOTS and not trigger.targetless:
            return  # a model event may lack a target: the hybrid coder weighs it (events/hybrid.py)
        if not targets:
            # "Jordan and Britain agreed to hold exercises": a joint act, each party a source,
            # with no target (the text does not say who acted on whom).
            source_notes.append("joint")
        targets = targets or [None]
        if targets == [None] and trigger.code == GENERIC_STATEMENT:
            return  # a bare statement says nothing countable
        if targets == [None] and trigger.entry.frame == "intent" and trigger.code == trigger.entry.code \
                and len(sources) < 2:
            return  # "NASA plans to use landers": an intention to do nothing codable, to no one
    elif trigger.code == GENERIC_STATEMENT:
        return  # "X said": a bare statement says nothing countable about X
    else:
        # A row without a target slot may still act on an actor named as its object
        # ("banned opposition candidates"); otherwise the event has no target.
        particle = particle_of(token, trigger.entry) if trigger.entry.particles else None
        objects = [m for obj in objects_of(token, particle)
                   for m in actors.with_conjuncts(obj) or actor_inside(obj, actors, 0)] if trigger.entry.objects else []
        targets = [m for m in objects if m.rule != "place" and m not in sources
                   and not is_own_force(m, sources, trigger.code)] or [None]
        target_notes = ["target: the object itself"] if targets != [None] else []
        if targets == [None] and trigger.code[:2] == PROTEST_ROOT:
            found, target_notes = protest_target(trigger, actors, sources)
            targets = list(found) or [None]
        if targets == [None] and trigger.code[:2] in IN_PLACE_ROOTS:
            targets = [m for m in act_place(token, actors) if m not in sources] or [None]
            target_notes = ["object-search", "target: the place of the act"] if targets != [None] else []
        if targets == [None] and len(sources) == 1:
            targets = list(domestic_target(trigger, sent, actors, sources[0])) or [None]
            target_notes = ["implicit-target"] if targets != [None] else []
        if targets == [None] and len(sources) < 2 and trigger.code[:2] in ADDRESSED_ROOTS:
            return  # "X insisted", "X warned": a demand, accusation, refusal or threat of no one
        if targets == [None] and len(sources) < 2 and trigger.entry.frame == "intent" and trigger.code == trigger.entry.code \
                and trigger.code[:2] == INTENT_ROOT:
            # "Beijing vowed forceful measures if ...": an intention to do nothing codable, to no
            # one ("hoped for a breakthrough" is an optimistic comment, 013, and stays)
            return
    victim = targets[0] if len(targets) == 1 else None
    if trigger.code in GENERIC_FORCE_CODES and victim is not None and _is_leader(victim, sent.doc):
        trigger.notes.append(f"victim {victim.text} holds office: assassination {ASSASSINATION}")
        trigger.code = ASSASSINATION
    if token.pos_ != "VERB" and trigger.entry.frame and trigger.inner is None and targets == [None]:
        return  # "the promise of Stadia": a frame noun with no act intended or asked, and of no one
    info = get_code(trigger.code)
    if info is None:
        return
    if trigger.code[:2] in TARGETLESS_ROOTS and targets != [None] and all(
            t is not None and t.code is not None and t.rule != "place" and t.code == s.code for t in targets for s in sources):
        targets = [None]  # "France honoured the victims of the Paris attacks": no one else is the target
    sentence = sent.text.strip()  # once: a sentence listing a thousand actors has a thousand events
    for source in sources:
        for target in targets:
            implicit = protested_government(source, token, actors) if target is None and trigger.code[:2] == PROTEST_ROOT else None
            target = implicit or target
            if target is not None and (target is source or target.code is not None and target.code == source.code
                                       and target.rule not in ("place", DOMESTIC_RULE) and not _held_by_own_side(trigger, source, target)):
                continue  # an actor acting on itself; a place in its own country stays ("lifted the curfew in Colombo")
            if trigger.code[:2] in PRIVATE_SCOPE_ROOTS and is_private(source) and (
                    target is None or is_private(target) or target.rule == "place"
                    or trigger.code[:2] == CONSULT_ROOT and target.code == target.country
                    and set(source.sectors) <= PEOPLE_SECTORS):
                # "Sony offered its service", "the man told doctors": business and private
                # life; "two million people visited the festival in Japan": tourism.
                continue
            notes = source_notes + target_notes + trigger.notes + (["implicit-target"] if implicit else [])
            if source.rule.startswith("coref"):
                notes.append("coref")
            yield _make_event(trigger, sentence, index, document, source, target, info, notes)


def _held_by_own_side(trigger: Trigger, source: ActorMention, target: ActorMention) -> bool:
    """Coercion or assault by a state actor of someone of its own code who is not itself:
    "Turkish authorities detained Istanbul Mayor Ekrem Imamoglu" (TURGOV on TURGOV) is
    repression, where a same-code statement or meeting is mostly an actor and its speaker.
    Private people of one code ("a man stabbed two women") stay as they were: their violence is
    coded through its victims' counts (events.unattributed)."""
    return trigger.code[:2] in OWN_SIDE_ROOTS and not is_private(source) and target.head != source.head \
        and target.text.lower() != source.text.lower() and not target.rule.startswith("coref")


def _described(verb: Token) -> list[Token]:
    """The noun a participle or relative clause describes, who does its act ("a cargo plane
    flying to New Delhi", "the minister, who arrived on Monday")."""
    return [verb.head] if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") else []


def _owns_the_subject(source: ActorMention, subjects: list[Token]) -> bool:
    """Whether ``source`` is only the owner of the subject, a thing ("Russian weapons",
    "China's aid package"), not the subject itself or one of its conjuncts."""
    heads = [t for subject in subjects for t in conjuncts(subject)]
    return bool(heads) and not any(source.start <= t.idx < source.end for t in heads)


def _frees_no_one(token: Token, entry: LexiconEntry, actors: ActorIndex) -> bool:
    """A release of persons whose freed (the object, or a passive subject) is a phrase that
    names no one, not even an uncoded person: "released 40 rehabilitated turtles into the sea"
    frees animals. Rows whose freed stand elsewhere ("granted a pardon to X") are not judged."""
    if "dobj" not in entry.targets:
        return False
    freed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(freed) and not any(actors.by_token.get(t.i) is not None or t.tag_ == "PRP" and t.lower_ != "it"
                                   for c in freed for t in c.subtree)


def _is_leader(target: ActorMention | None, doc: Doc) -> bool:
    """One named office holder or leader ("the deputy chief of the militia", "Governor X"):
    killing such a person is an assassination (codebook 186 usage)."""
    if target is None or target.head < 0 or not set(target.sectors) & LEADER_SECTORS:
        return False
    head = doc[target.head]
    return head.tag_ not in ("NNS", "NNPS") and not any(c.dep_ == "nummod" for c in head.children)


def is_private(actor: ActorMention) -> bool:
    """A business, the media, health workers or private people: actors whose statements,
    offers and dealings are not political events unless they address a political actor."""
    code = actor.code or ""
    return code.startswith("MNC") or bool(actor.sectors) and set(actor.sectors) <= PRIVATE_SECTORS


def _clause_depth(token: Token) -> int:
    """How many clauses down from the sentence root the trigger sits: the main clause's
    event is the one the sentence reports; embedded ones are background."""
    depth, node = 0, token
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "conj", "pobj", "dobj"):
            depth += 1
        node = node.head
    return depth


def _make_event(trigger: Trigger, sentence: str, index: int, document: Document, source: ActorMention,
                target: ActorMention | None, info, notes: list[str]) -> Event:  # type: ignore[no-untyped-def]
    token = trigger.token
    depth = min(_clause_depth(token), MAX_DEPTH_PENALTY_STEPS)
    confidence = BASE_CONFIDENCE - sum(PENALTY.get(note, 0.0) for note in set(notes)) - DEPTH_PENALTY * depth
    key = f"{document.id}|{index}|{token.i}|{source.code}|{target.code if target else ''}|{trigger.code}"
    explanation = [f"trigger '{token.text}' ({token.pos_}, lemma '{token.lemma_}') matched lexicon entry {trigger.entry.id}",
                   f"source {source.text} [{source.code}] via {source.rule}"]
    if target is not None:
        explanation.append(f"target {target.text} [{target.code}] via {target.rule}")
    explanation.extend(notes)
    return Event(
        event_id=short_id(key),
        doc_id=document.id, sentence_index=index, source=source, target=target,
        code=trigger.code, name=info.name, goldstein=info.goldstein, quad_class=info.quad_class,
        plover_type=info.plover_type, plover_mode=info.plover_mode,
        sentence=sentence, trigger=token.text, trigger_start=token.idx,
        trigger_end=token.idx + len(token.text), rule=trigger.entry.id,
        confidence=max(MIN_CONFIDENCE, confidence), date=document.date,
        date_source="publication" if document.date else None,
        negated=trigger.negated, modality="hypothetical" if trigger.hypothetical else trigger.modality,
        explanation=explanation,
    )


def _drop_subsumed_statements(events: list[Event], doc: Doc) -> list[Event]:
    """A statement ("X said ...") is coded only in a sentence that reports no other event:
    CAMEO treats statements as subordinate to the events they report."""
    eventful = {e.sentence_index for e in events if not e.code.startswith(STATEMENT_ROOT)}
    return [e for e in events if not (e.code.startswith(STATEMENT_ROOT) and e.sentence_index in eventful)]
