"""Predicate-argument extraction: who did what to whom, from the dependency parse.

Each token whose (pos, lemma) the lexicon knows is a candidate trigger. The most specific
lexicon row whose particle and object constraints hold fires. The source comes from the
subject (or the ``by`` agent of a passive, or the controller of an infinitive, or the owner of
an event noun); the target from the row's target slots. Both must be resolved actor mentions.
The parse of a small model is often wrong, so each argument has a few fall-back paths, and a
trigger whose arguments cannot be found on any of them yields nothing (precision first).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors.acts import act_head
from ..actors.countryless import UNRESOLVED_ROLE
from ..actors.local_bodies import UNPLACED_RULES
from ..actors.relations import names_other_people
from ..codebook import get_code
from ..model import ActorMention, Document, Event, implied_actor, short_id
from ..syntax import clause_head
from .attitude import is_attitude_only
from .attribution import reports
from .authors import inside_preps
from .beneficiary import BENEFIT_ROOTS, helped_party
from .conditional_threat import as_threat
from .employers import employer
from .future import as_intent, reported_code
from .infinitive_object import infinitive_subjects
from .lede import lede_subject
from .lexicon import Lexicon, LexiconEntry
from .missed_target import asks_uncoded
from .own_forces import is_own_force
from .reality import (FUTURE_AUX, HYPOTHETICAL_MARKS, NOT_DONE, UNCERTAIN_MODALS, has_mark, has_null_participant,
                      is_adjunct_clause, names_no_instance)
from .reality import embedding as _embedding
from .reality import has_hypothetical_mark as _has_hypothetical_mark
from .reality import is_hypothetical as _is_hypothetical
from .reality import is_negated as _is_negated
from .reality import modality as _modality
from .stray_agent import stray_agent
from .voice import is_reduced_passive
from .victims import suffers
from .words import word_pairs, words

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# A past or third-person present verb is indicative: what is asserted, never what is asked
# (a demand's "that" clause takes the bare subjunctive: "insisted that Iran halt").
INDICATIVE_TAGS = frozenset({"VBD", "VBZ"})
# Pronouns in a reported clause that stand for the speaker's own side.
SPEAKER_PRONOUNS = words("speaker_pronouns")
SPEAKER_SIDE_NOUNS = words("speaker_side_nouns")
POSSESSIVE_PRONOUNS = words("possessive_pronouns")
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "agent", "dative"})
# A noun row's "particle" may also be a modifier that narrows the sense ("hunger strike").
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
# Complements that make a verb transitive in the lexicon's sense: a clause or a passive.
CLAUSE_OBJECT_DEPS = frozenset({"ccomp", "xcomp", "nsubjpass", "auxpass", "agent"})
# "agreed that ...": an expression of accord (019), where "agreed to ..." is intent.
ACCORD_VERBS = words("accord_verbs")
ACCORD = "019"
INTENT_TO_COOPERATE = "030"
# "insisted the unrest reflected old tensions" asserts; "insisted that Iran halt" demands.
ASSERTIVE_DEMANDS = words("assertive_demands")
# "considers the US biased": with a predicative complement, an opinion, not an act.
REGARD_VERBS = words("regard_verbs")
# Prepositions after a verbal act whose object is the act's content, not an event of its own.
CONTENT_PREPS = words("content_preps")
VERBAL_ROOTS = frozenset({"01", "10", "11", "12", "13"})
# Verbs that carry an event noun's meaning: "held talks with", "launched an attack on".
LIGHT_VERBS = words("light_verbs")
# Prepositions of an object's own phrase, on whose noun a target phrase may hang ("a memorandum
# of understanding with Ethiopia", "intelligence on missile components with Ukraine").
OBJECT_PHRASE_PREPS = frozenset({"of", "on", "about", "over"})
# Prepositions through which an event noun takes the subject of the clause it sits in:
# "In talks with Rashid, Kani said ..." or "embarked on a visit to Baghdad".
FRAME_PREPS = words("frame_preps")
# "Thousands converged for a rally": the crowd holds the event noun its "for" names.
GATHERING_VERBS = words("gathering_verbs")
# "workers affiliated with the union": people of a group are its members.
AFFILIATION_WORDS = words("affiliation_words")
# Co-agents: "X, alongside Y, condemned ..." makes Y a source too.
CO_AGENT_PREPS = words("co_agent_preps")
CO_AGENT_PHRASES = (("along", "with"), ("together", "with"))
# A frame's own code when its table has no row for the embedded event.
FRAME_DEFAULTS = {"intent": "030", "reject": "120", "demand": "100", "appeal": "020", "threaten": "130"}
# Frames whose modal alone says what the statement is ("Y must ..." is a demand on Y, "it
# will not ..." a rejection), so they are coded even when the complement's verb is not in the lexicon.
EXPLICIT_FRAMES = frozenset({"demand", "appeal", "reject"})
STATEMENT_ROOT = "01"
# Verbal acts that are addressed to someone: demands, disapproval, rejection and threats.
ADDRESSED_ROOTS = frozenset({"10", "11", "12", "13"})
GENERIC_STATEMENT = "010"
REJECT_FRAME = "reject"
# Roots whose events the codebook often states without a target: statements, intentions
# ("agreed to hold elections"), yielding ("eased restrictions") and protest ("workers went on
# strike"). Other events need a target actor to be coded.
TARGETLESS_ROOTS = frozenset({"01", "03", "08", "14"})
# Only the state and political actors act on their country as a whole.
STATE_AND_POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "ELI", "OPP", "REB", "INS", "UAF", "PTY",
                                         "SPY", "LAB"})
# Acts that, done by a domestic actor in a sentence about its own country only, are aimed at
# that country when the text names no target: commitments, yielding, demands, rejections,
# threats, force and coercion (not statements, meetings, cooperation or aid, which need a
# partner, nor protest, whose implicit target is the government).
DOMESTIC_TARGET_ROOTS = frozenset({"03", "08", "10", "11", "12", "13", "15", "16", "17", "18", "19", "20"})
# Statements, intentions, meetings and cooperation between private actors (business, media,
# health, civilians) are outside political event data; their protests and violence are not.
PRIVATE_SCOPE_ROOTS = frozenset({"01", "03", "04", "05", "06"})
PRIVATE_SECTORS = frozenset({"BUS", "MED", "HLH", "CVL", "PPL"})
# Stances a protest may be held "in": disapproval and rejection ("in defiance of").
STANCE_ROOTS = frozenset({"11", "12"})
# Protest; with no target named, the government of the protesters' country is the target.
PROTEST_ROOT = "14"
# A protest's purpose clause ("to demand ...", "demanding ...", "to protest ...") is the protest.
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})
PROTEST_PURPOSE_ROOTS = frozenset({"02", "10", "11", "14"})
# Dependents of a noun that may name who it belongs to ("Russian aircraft", "Iran's navy").
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
OPENING_QUOTES = frozenset({"“", '"', "‘", "«", "``"})
# Prepositions that introduce a target when the lexicon row's own slots find none.
GENERIC_TARGET_PREPS = words("generic_target_preps")
VISIT_CODE = "042"
CONSULT_ROOT = "04"
VISIT_LEMMAS = words("visit_lemmas")
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF"})
# Codes whose target may be a place rather than an actor ("visited Baghdad").
PLACE_TARGET_CODES = frozenset({"042", "044"})
# Material acts on a place act on its country ("shelled Juba" is an attack on Sudan, "sent
# aid to Gaza" aid to the Palestinians); verbal acts (01-05, 10-14) must name their target.
PLACE_TARGET_ROOTS = frozenset({"06", "07", "08", "09", "15", "16", "17", "18", "19", "20"})
# Violent verbs whose code a manner noun may make more specific ("killed in a car bombing").
GENERIC_FORCE_CODES = frozenset({"180", "190"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
MANNER_PREPS = words("manner_preps")
# Weapons and attacks standing as the author of force when no attacker is named.
WEAPON_NOUNS = words("weapon_nouns")
# Predicates whose subject performs the event noun or gerund they govern: "X is responsible
# for the killings", "were engaged in ethnic cleansing", "guilty of violating the truce".
AGENT_PREDICATES = word_pairs("agent_predicates")
THREATEN_ROOT = "13"
REJECT_ROOT = "12"
UNTIL_MARKS = words("until_marks")
# A content clause's subordinator ("the announcement that Keita won").
COMPLEMENTIZERS = frozenset({"that"})
# Tags of relative pronouns ("who", "which", "that" as a relative).
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# How many words after an object-less preposition may hold its object.
DANGLING_WINDOW = 4
# Nouns that take their meaning from a compound modifier ("mediation mission", "aid programme",
# "the ceasefire agreement").
LIGHT_HEADS = words("light_heads")
# Prepositions after which a capital is addressed, not a place: "talks with Tehran".
ADDRESSEE_PREPS = words("addressee_preps")
# The note of sources found in an event noun's "between" phrase ("talks between X and Y").
BETWEEN_NOTE = "'between' phrase"
# Where an event noun's "between" phrase names its own parties: the subject of its clause, or
# a headline's root ("Talks between X and Y resume").
BETWEEN_SOURCE_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT"})
# Mediation: its "between" phrase names the parties reconciled, not the mediator.
MEDIATION_CODE = "045"
# Rallying support (053): the target is who is to be supported, not who is urged.
RALLY_SUPPORT = "053"
# Killing one office holder (a generic force code) is an assassination, by the codebook's
# usage note for 186.
ASSASSINATION = "186"
LEADER_SECTORS = frozenset({"GOV", "ELI", "LEG", "JUD", "PTY"})
# Codes whose target may be the place "in" which they happen.
IN_PLACE_ROOTS = PLACE_TARGET_ROOTS
IN_PREPS = frozenset({"in", "inside"})
# Heads of temporal phrases ("on Sunday"), which never fill a predicate's preposition.
TIME_WORDS = words("time_words")
# Quantities whose "of" phrase names what is given or sent ("tons of food aid").
MEASURE_NOUNS = words("measure_nouns")
# Heads of a subject that count or group the actors of their "of" phrase.
QUANTITY_HEADS = words("quantity_heads")
# How deep to look inside an object phrase for its actor ("condemned the attacks by X").
MAX_OBJECT_DEPTH = 3
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


@dataclass(slots=True)
class _Trigger:
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
    manner: _Trigger | None = None  # "killed in an attack by X": the noun that says how, and by whom
    stance: _Trigger | None = None  # "blocked streets in defiance of Beijing": whom the protest defies
    notes: list[str] = field(default_factory=list)
    # The classifier vouches for the act, so it stands without a target (issue 14: a model
    # event needs a resolved source, not a target); a demand, accusation, refusal or threat
    # of no one is still not coded.
    targetless: bool = False


class _Actors:
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
        for part in _conjuncts(token):
            mention = self.at(part)
            if mention is None:
                continue
            found.setdefault(id(mention), mention)
            # "Israeli and Palestinian negotiators": the coordinated modifiers name one party
            # each, and the actor stage gives the first its own mention.
            for child in part.children:
                if child.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in child.children):
                    for modifier in _conjuncts(child):
                        other = self.at(modifier)
                        if other is not None and other.code != mention.code:
                            found.setdefault(id(other), other)
        return list(found.values())


def _conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it, depth first in text order. A loop, not
    recursion: a list of a thousand names is a conj chain a thousand arcs deep (issue 18)."""
    parts: list[Token] = []
    stack = [token]
    while stack:
        part = stack.pop()
        parts.append(part)
        stack.extend(reversed([child for child in part.children if child.dep_ == "conj"]))
    return parts


def extract_events(doc: Doc, document: Document, mentions: list[ActorMention], lexicon: Lexicon,
                   *, keep_uncertain: bool = False, require_actors: bool = True) -> list[Event]:
    """Code the events of a parsed document.

    doc: the spaCy parse; document: its metadata; mentions: the actor stage's output.
    keep_uncertain: also emit negated, modal, hypothetical and question events, marked.
    require_actors: False is code-only mode, for gold sets that give codes without actors:
    any noun phrase may fill the source and target, and events may carry uncoded actors.
    Returns events in text order.
    """
    actors = _Actors(mentions, doc, any_noun=not require_actors)
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        triggers = _find_triggers(sent, lexicon)
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


def _find_triggers(sent: Span, lexicon: Lexicon) -> list[_Trigger]:
    question = sent.text.rstrip().endswith("?")
    found: dict[int, _Trigger] = {}
    consumed: set[int] = set()
    for token in sent:
        if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ") or token.i in consumed:
            continue
        if token.pos_ == "PROPN" and not token.text.islower():
            continue  # a name ("March", "Rally Square"); a lower-case PROPN is a tagging slip
        if token.pos_ == "ADJ" and not any(c.dep_ in ("xcomp", "prep", "ccomp") for c in token.children):
            continue  # an adjective frames an event only with a complement ("ready to ...", "confident that")
        entry = matching_entry(token, lexicon)
        if entry is None:
            continue
        if token.pos_ == "ADJ" and entry.code.startswith(STATEMENT_ROOT) and not _said(token, lexicon):
            continue  # an outlook ("wary", "confident") is a statement only when someone states it
        if token.lemma_ in REGARD_VERBS and any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") for c in token.children) \
                or is_attitude_only(token, entry.code):
            continue  # "considers the US biased", "told police he supported X": an opinion, not an act
        trigger = _new_trigger(token, entry, question)
        reported = not entry.frame and entry.code.startswith(STATEMENT_ROOT) and not entry.targets
        if entry.frame:
            _apply_frame(trigger, lexicon, consumed)
        elif reported:
            _apply_reported_frame(trigger, lexicon, consumed)
        light = _light_verb_of(token)
        if trigger.modality == "future" and not reported and (token.pos_ == "VERB" or light is not None):
            as_intent(trigger, lexicon)  # "will ask the ICC to ...": not asked yet (events/future.py)
        _conditional_intent(trigger, lexicon)
        as_threat(trigger, light or token, lexicon)  # "will cut aid if ..." (events/conditional_threat.py)
        found[token.i] = trigger
    for trigger in found.values():
        _adopt_manner(trigger, found, consumed)
        _protest_purpose(trigger, found, consumed)
    _unrealised_under_frames(found, consumed)
    kept = []
    for i, trigger in sorted(found.items()):
        if i in consumed:
            continue
        governor = _governor(trigger, found)
        if governor is not None:
            _refine_by_noun(governor, trigger, lexicon)
            continue
        kept.append(trigger)
    return kept


def _new_trigger(token: Token, entry: LexiconEntry, question: bool) -> _Trigger:
    """A row fired on a token, with what its clause says of its reality. An event noun a
    light verb carries has the verb's reality: "will extend the curfew" is an intention, "did
    not hold talks" negated."""
    clause = _light_verb_of(token) or token
    embedding = _embedding(clause)
    return _Trigger(token, entry, entry.code, negated=_is_negated(token) or _is_negated(clause) or embedding in NOT_DONE,
                    modality=embedding if embedding in ("alleged", "possible") else _modality(clause),
                    hypothetical=question or _is_hypothetical(clause) or names_no_instance(token))


def _uncertain(trigger: _Trigger) -> bool:
    return trigger.negated or trigger.hypothetical or trigger.modality not in (None, "future")


def code_tokens(doc: Doc, document: Document, mentions: list[ActorMention], picks: Iterable[tuple[Token, LexiconEntry]],
                lexicon: Lexicon, *, keep_uncertain: bool = False, require_actors: bool = True) -> list[Event]:
    """Code each picked token as if its row had fired: the same reality checks, future reading and
    argument search as a lexicon trigger's, except that the event may have no target. The hybrid
    coder picks them for the events its classifier finds where no row fired (``events/hybrid.py``)."""
    actors = _Actors(mentions, doc, any_noun=not require_actors)
    index_of = {sent.start: index for index, sent in enumerate(doc.sents)}
    events: list[Event] = []
    for token, entry in [(token, entry) for token, entry in picks if not is_attitude_only(token, entry.code)]:
        sent = token.sent
        trigger = _new_trigger(token, entry, sent.text.rstrip().endswith("?"))
        trigger.targetless = True
        if trigger.modality == "future":
            as_intent(trigger, lexicon)
        if _uncertain(trigger) and not keep_uncertain:
            continue
        events.extend(_events_for(trigger, sent, index_of[sent.start], document, actors))
    return events


def _conditional_intent(trigger: _Trigger, lexicon: Lexicon) -> None:
    """"will impose sanctions unless the junta frees the prisoners": a hostile intention on a
    condition is a threat (codebook 13: threats are conditional)."""
    inner = trigger.inner
    if inner is None or "intent" not in (trigger.frame, trigger.entry.frame):
        return
    conditions = [c for c in inner.children if c.dep_ == "advcl" and _has_hypothetical_mark(c)]
    if not conditions:
        return
    entry = trigger.inner_entry
    unless = any(m.dep_ == "mark" and m.lower_ == "unless" for c in conditions for m in c.children)
    if entry is None or entry.code[:2] < "10" and not unless:
        # A conditional offer ("would meet the mediator if ...") is still an intention; "will
        # withdraw its troops unless ..." holds a loss over the other side: a threat.
        return
    code = lexicon.frame_code("threaten", entry.code) or FRAME_DEFAULTS["threaten"]
    trigger.notes.append(f"intent on a condition ('{inner.text}' if/unless ...): a threat {code}")
    trigger.code = code


def _unrealised_under_frames(found: dict[int, _Trigger], consumed: set[int]) -> None:
    """Acts inside what a frame intends, asks or threatens are not reported as done: "vowed to
    fight until they gain control", "would blockade Paris to demand an end to ...". """
    inners = {t.inner.i for t in found.values() if t.inner is not None}
    for i, trigger in found.items():
        if i in consumed or trigger.modality not in (None, "future"):
            continue
        node = trigger.token
        while node.head.i != node.i:
            if node.head.i in inners and node.dep_ in ("advcl", "xcomp", "ccomp", "conj", "relcl", "acl", "acomp"):
                trigger.modality = "possible"
                trigger.notes.append(f"inside the framed act '{node.head.text}'")
                break
            node = node.head


def _more_specific(code: str, than: str) -> bool:
    """Same root, and finer: 1831 is finer than 183, 195 than 190 (x0 is a root's catch-all)."""
    return code[:2] == than[:2] and code != than and (code.startswith(than) or than.endswith("0") and len(than) == 3)


def _refine_by_noun(verb: _Trigger, noun: _Trigger, lexicon: Lexicon) -> None:
    """"launched a chemical attack on X", "went on hunger strike": the verb's generic code gives
    way to the more specific code of the event noun it carries."""
    # A noun row narrowed by its modifier knows the act better than the verb's row in its root,
    # and in any root where the verb's row only carries the bare noun's act: "launched a cyber
    # attack" (176), "a suicide attack" (1831), "a scathing attack" (111) are no generic assault
    # (190, the bare "attack"); "called off the general strike" is still the calling off.
    narrowed = bool(noun.entry.particles) and _lexicon_pos(noun.token) == "NOUN" and (
        noun.code[:2] == verb.code[:2] or verb.code in _bare_codes(noun.token, lexicon))
    carried = noun.token.dep_ == "dobj" and verb.token.lemma_ in LIGHT_VERBS or noun.token.dep_ == "pobj"
    if carried and (_more_specific(noun.code, verb.code) or narrowed and noun.code != verb.code):
        # A noun row narrowed by its modifier ("phone talks") knows the act better.
        verb.notes.append(f"event noun {noun.token.text} ({noun.entry.id}) -> {noun.code}")
        verb.code = noun.code


def _bare_codes(noun: Token, lexicon: Lexicon) -> set[str]:
    """The codes of the noun's rows that no modifier or object narrows: its bare act."""
    return {e.code for e in lexicon.candidates("NOUN", noun.lemma_) if not e.particles and not e.objects}


def _protest_purpose(trigger: _Trigger, found: dict[int, _Trigger], consumed: set[int]) -> None:
    """"Began a hunger strike to demand the president's resignation": a demand made by
    protesting is coded as the protest (codebook 104 and 14 notes), with the sub-code the
    demand gives (leadership change, policy, rights, institutions) where it has one."""
    token = trigger.token
    if trigger.code[:2] != PROTEST_ROOT or token.i in consumed:
        return
    if token.pos_ == "VERB":
        holders = [token] + [c for c in token.children if c.dep_ == "dobj"]  # "staged rallies to demand ..."
    else:
        holders = [token] + ([token.head] if token.dep_ == "dobj" and token.head.lemma_ in LIGHT_VERBS else [])
    for holder in holders:
        for child in holder.children:
            purpose = found.get(child.i)
            if child.dep_ not in PURPOSE_DEPS or purpose is None or purpose.code[:2] not in PROTEST_PURPOSE_ROOTS:
                continue
            consumed.add(child.i)
            aim = purpose.code[3:4] if purpose.code[:3] in ("104", "024", "114", "014") and len(purpose.code) == 4 else ""
            if aim and len(trigger.code) == 3 and trigger.code != "140":
                trigger.code = trigger.code + aim
            trigger.notes.append(f"purpose: {child.text} ({purpose.entry.id}) is part of the protest -> {trigger.code}")
            return


def _adopt_manner(trigger: _Trigger, found: dict[int, _Trigger], consumed: set[int]) -> None:
    """"A roadside bombing killed two soldiers", "wounded them in a bomb attack": the verb
    reports a violent act and the noun says how it was done. One event, with the noun's more
    specific code."""
    token = trigger.token
    if token.pos_ != "VERB" or trigger.code[:2] not in FORCE_ROOTS or has_null_participant(token):
        return  # "no civilians were killed in the air strike": the strike happened, harming no one
    for child in token.children:
        nouns = [child] if child.dep_ in SUBJECT_DEPS else (
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ in ("prep", "agent") and child.lower_ in MANNER_PREPS else [])
        for noun in nouns:
            manner = found.get(noun.i)
            if manner is None or manner.token.pos_ == "VERB" or manner.code[:2] not in FORCE_ROOTS:
                continue
            if (trigger.code in GENERIC_FORCE_CODES and manner.code != trigger.code and manner.code != "190"
                    or manner.code.startswith(trigger.code) and manner.code != trigger.code):
                trigger.notes.append(f"manner: {noun.text} ({manner.entry.id}) -> {manner.code}")
                trigger.code = manner.code
            trigger.manner = manner
            consumed.add(noun.i)
            return


def _governor(trigger: _Trigger, found: dict[int, _Trigger]) -> _Trigger | None:
    """The coded verb an event noun is part of: "refused to resume talks" is one rejection,
    not also a negotiation. None when the noun stands as an event of its own."""
    token = trigger.token
    if token.pos_ == "VERB":
        return None
    token = _light_head_of(token)  # "ended mediation efforts": the efforts are what was ended
    if token.dep_ == "pobj":
        prep, verb = token.head, found.get(token.head.head.i)
        if verb is None:
            return None
        if prep.lower_ in CONTENT_PREPS and verb.code[:2] in VERBAL_ROOTS:
            return verb  # "claimed responsibility for the attacks", "condemned X for the raid"
        if prep.lower_ == "in" and verb.code[:2] == trigger.code[:2] and not has_null_participant(verb.token):
            return verb  # "a hunger strike in protest of ...": the strike is the protest
        if prep.lower_ == "in" and verb.code[:2] == PROTEST_ROOT and trigger.code[:2] in STANCE_ROOTS:
            verb.stance = verb.stance or trigger  # "in defiance of Beijing", "in opposition to the bill"
            return verb
        return verb if prep.lower_ in verb.entry.particles else None
    head = found.get(token.head.i)
    if head is None or head.token.i == token.i or token.dep_ not in ("dobj", "nsubjpass", "attr"):
        return None
    if head.token.lemma_ in LIGHT_VERBS and head.code == GENERIC_STATEMENT:
        return None  # "announced the suspension of aid": the noun carries the event
    return head


def _lexicon_pos(token: Token) -> str:
    return "NOUN" if token.pos_ == "PROPN" else token.pos_


def _lemmas(token: Token) -> list[str]:
    """The token's lemma, and for the tail of a hyphenated word also the whole word
    without its hyphen ("cease-fire" is tokenised cease, -, fire: also "ceasefire")."""
    lemma = token.lemma_.lower()
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return [doc[i - 2].lower_ + lemma, lemma]
    return [lemma]


def matching_entry(token: Token, lexicon: Lexicon) -> LexiconEntry | None:
    for lemma in _lemmas(token):
        for entry in lexicon.candidates(_lexicon_pos(token), lemma):
            if _constraints_hold(token, entry):
                return entry
    return None


def _particle(token: Token, entry: LexiconEntry) -> Token | None:
    """The child that satisfies the row's particle: a particle or preposition of a verb, or
    for a noun also a modifier ("hunger" in "hunger strike", "roadside" in "roadside bomb")."""
    deps = _particle_deps(token)
    for child in token.children:
        if child.dep_ in deps and child.lower_ in entry.particles and not _is_time_phrase(child) \
                and not (token.pos_ == "VERB" and child.dep_ == "prep" and child.i < token.i):
            # A verb's preposition follows it: "On Nov. 2, Tillerson called Lavrov" is no "called
            # on" (an adverb may go before: "sexually abused").
            return child
    if token.pos_ == "VERB":
        # The parser often hangs the verb's preposition on its object ("accused the
        # journalist of spying").
        for obj in token.children:
            if obj.dep_ == "dobj":
                for child in obj.children:
                    if child.dep_ == "prep" and child.lower_ in entry.particles and child.i > obj.i:
                        return child
    return None


def _is_time_phrase(prep: Token) -> bool:
    """"on Sunday", "in March", "on 12 May": a date, not the predicate's preposition."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.lower_ in TIME_WORDS or o.ent_type_ in ("DATE", "TIME") or o.like_num
                                 for o in objects)


def _constraints_hold(token: Token, entry: LexiconEntry) -> bool:
    particle = _particle(token, entry) if entry.particles else None
    if entry.particles and particle is None:
        return False
    if entry.forbidden_particles and _has_modifier(token, entry.forbidden_particles):
        return False
    objects = _objects(token, particle) if entry.objects or entry.forbidden_objects or entry.object_presence else []
    if entry.forbidden_objects and any(lemma in entry.forbidden_objects for obj in objects for lemma in _lemmas(obj)):
        return False
    if entry.object_presence == "none" and (objects or any(c.dep_ in CLAUSE_OBJECT_DEPS for c in token.children)):
        return False  # "demonstrated that ...", "as demonstrated by": not the intransitive sense
    if entry.object_presence == "some" and not objects:
        return False
    if not entry.objects:
        return True
    return _names_object(objects, entry)


def names_row_object(token: Token, entry: LexiconEntry) -> bool:
    """Whether the word has one of the objects the row names, as the lexicon reads objects."""
    particle = _particle(token, entry) if entry.particles else None
    return bool(entry.objects) and _names_object(_objects(token, particle), entry)


def _names_object(objects: list[Token], entry: LexiconEntry) -> bool:
    return any(lemma in entry.objects for obj in objects for lemma in _lemmas(obj))


def _has_modifier(token: Token, words: frozenset[str]) -> bool:
    """Whether a particle, preposition or (for a noun) modifier is one of ``words``."""
    deps = _particle_deps(token)
    return any(c.dep_ in deps and c.lower_ in words for c in token.children)


def _particle_deps(token: Token) -> frozenset[str]:
    """The dependents that may fill a row's particle cell: for a noun, also its modifiers."""
    return PARTICLE_DEPS | NOUN_MODIFIER_DEPS if _lexicon_pos(token) == "NOUN" else PARTICLE_DEPS


def _objects(token: Token, particle: Token | None) -> list[Token]:
    """Direct objects (or a passive subject, or the object of a prepositional particle)."""
    if particle is not None and particle.dep_ in ("prep", "agent") or particle is not None and not any(
            c.dep_ in OBJECT_DEPS for c in token.children):
        # The particle's object, or that of its own preposition: "pulled out of the deal".
        objects = [c for c in particle.children if c.dep_ == "pobj"] or [
            g for p in particle.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    elif _lexicon_pos(token) == "NOUN":
        # A nominalisation's object is its "of" phrase: "the suspension of aid" = "suspend aid".
        objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    else:
        objects = [c for c in token.children if c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        if not objects and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            objects = [token.head]  # "a statement released in Nairobi": the noun was released
    found = [part for obj in objects for part in _conjuncts(obj)]
    # "700 kg of medicine", "$5 million worth of goods": the measured thing is the object too.
    found += [g for obj in found if obj.lemma_.lower() in MEASURE_NOUNS
              for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    # "mediation efforts", "an aid programme": the modifier names what the head is about.
    return found + [c for obj in found if obj.lemma_.lower() in LIGHT_HEADS for c in obj.children if c.dep_ == "compound"]


def _said(token: Token, lexicon: Lexicon) -> bool:
    """Whether the token's clause is what a statement verb reports ("said he was confident")."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp") and node.head.pos_ == "VERB":
            entry = matching_entry(node.head, lexicon)
            if entry is not None and entry.code.startswith(STATEMENT_ROOT):
                return True
        node = node.head
    return False


def _apply_frame(trigger: _Trigger, lexicon: Lexicon, consumed: set[int]) -> None:
    """"agreed to meet", "threatened to impose sanctions", "called on X to cease ...": the
    embedded event chooses the code; it is not an event of its own."""
    token = trigger.token
    if token.lemma_ in ACCORD_VERBS and trigger.entry.frame == "intent" and _finite_complement(token):
        trigger.code = ACCORD
        trigger.notes.append("agreed that ...: accord, not intent")
        return
    if token.lemma_ in ASSERTIVE_DEMANDS and _finite_complement(token, INDICATIVE_TAGS):
        # "insisted the unrest reflected old tensions": an assertion; a demand asks for an act
        # ("insisted that Iran halt ...", "insisted it must ...").
        trigger.code = GENERIC_STATEMENT
        trigger.notes.append("insisted that <indicative>: a statement, not a demand")
        return
    places = [token] + [c for c in token.children if c.dep_ in ("prep", "dobj", "dative")]
    places += [g for c in places[1:] for g in c.children if c.dep_ == "pobj"]
    uncoded: Token | None = None
    for place in places:
        for child in place.children:
            if child.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "pcomp") or child.pos_ not in ("VERB", "NOUN", "AUX"):
                continue
            if child.dep_ == "ccomp" and child.i < token.i:
                continue  # "The army lifted the blockade, officials told AFP": reported, not asked
            if child.dep_ == "advcl" and child.tag_ == "VBG" or is_adjunct_clause(child):
                continue  # "rejected the calls, saying ...", "asked about X when ...": adjuncts, not what was rejected
            entry = matching_entry(child, lexicon)
            if entry is None:
                uncoded = uncoded or (child if child.dep_ in ("xcomp", "ccomp") else None)
                continue
            if trigger.entry.frame == REJECT_FRAME and entry.code[:2] == STATEMENT_ROOT and (
                    place is not token or any(c.dep_ == "dobj" for c in token.children)):
                # "rejected a bid by Sharon to issue a statement", "rejected Abe to speak at the
                # summit": someone else's statement refused, no comment declined
                continue
            code = lexicon.frame_code(trigger.entry.frame or "", entry.code)
            consumed.add(child.i)
            trigger.inner, trigger.inner_entry = child, entry
            if code:
                trigger.code = code
                trigger.notes.append(f"frame {trigger.entry.frame} + {child.text} ({entry.id}, {entry.code}) -> {code}")
            return
    # The embedded clause still says who is asked or threatened ("demanded that Hamas ...").
    trigger.inner = uncoded
    if trigger.code == ACCORD and uncoded is not None and uncoded.dep_ == "xcomp":
        # "agreed with Iran to exchange technology": to act together, not an accord of views.
        trigger.code = INTENT_TO_COOPERATE
        trigger.notes.append(f"frame {trigger.entry.frame} + {uncoded.text} (uncoded): intent to cooperate")
        return
    trigger.notes.append(f"frame {trigger.entry.frame}: no embedded event, default code")


def _finite_complement(token: Token, tags: frozenset[str] | None = None) -> bool:
    """"agreed that there was a need", "agreed there was": a finite clause, not "agreed to".
    With ``tags``, the complement's verb must carry one of them."""
    for child in token.children:
        # The tense may sit on an auxiliary: "insists it is strictly enforcing the sanctions".
        tensed = {child.tag_} | {c.tag_ for c in child.children if c.dep_ in ("aux", "auxpass")}
        if tags is not None and (child.dep_ != "ccomp" or child.i < token.i or not tensed & tags):
            continue
        if child.dep_ == "ccomp" and child.i > token.i and (
                tensed & FINITE_TAGS or any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)):
            return not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | UNCERTAIN_MODALS for c in child.children)
    return False


def _reported_frame(inner: Token) -> str | None:
    """What a statement says about its complement's event: "said it would send aid" is an
    intent, "would not" a rejection, "must" a demand, "should" an appeal. A plain past or
    present complement ("said Y attacked Z") is a reported event of its own."""
    auxes = {c.lower_ for c in inner.children if c.dep_ in ("aux", "auxpass")}
    going = any(c.lower_ == "going" for c in inner.head.children) if inner.dep_ == "xcomp" else False
    future = bool(auxes & (FUTURE_AUX | {"would"})) or going
    if future and _is_negated(inner):
        return "reject"
    if future:
        return "intent"
    if auxes & {"must"}:
        return "demand"
    if auxes & {"should", "ought"}:
        return "appeal"
    return None


def _apply_reported_frame(trigger: _Trigger, lexicon: Lexicon, consumed: set[int]) -> None:
    """A statement whose complement is a future act, an obligation or a refusal codes that
    frame: "X said it will provide aid" is 033, "X said Y must withdraw" a demand on Y (CAMEO
    codes neither as a bare statement). An uncoded complement gives the frame's own code."""
    for child in trigger.token.children:
        if child.dep_ not in ("ccomp", "xcomp") or child.pos_ not in ("VERB", "AUX"):
            continue
        frame = _reported_frame(child)
        if frame is None:
            continue
        subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
        own_act = subject is None or subject.pos_ == "PRON" or child.dep_ == "xcomp"
        if frame in ("intent", "reject") and not own_act:
            continue  # someone else's act: "X said Y will ..." is not X's intent
        entry = matching_entry(child, lexicon)
        if entry is None and frame not in EXPLICIT_FRAMES:
            continue  # "said it would <uncoded verb>" tells nothing countable
        code = reported_code(lexicon, frame, entry.code, child) if entry else None
        if code is None and entry is not None and frame == "intent":
            continue  # "said it would ask X to ...": no intention CAMEO codes, and not asked yet
        code = code or FRAME_DEFAULTS[frame]
        consumed.add(child.i)
        trigger.inner, trigger.inner_entry, trigger.code, trigger.frame = child, entry, code, frame
        trigger.notes.append(f"reported {frame}: {child.text} ({entry.id if entry else 'uncoded'}) -> {code}")
        return


def _subject(token: Token, actors: _Actors, depth: int = 0) -> tuple[list[ActorMention], list[str]]:
    """Sources of a verbal trigger, with notes on how they were found."""
    if depth > 3 or _quoted_imperative(token):
        return [], []
    # A misparse can give a verb two subjects ("ANKARA, Turkey — President Erdogan met"):
    # the first that names an actor counts, except one before the verb's own subordinator
    # ("The firm, ..., shortly after Neumann stepped down": the firm is the main clause's).
    mark = next((c.i for c in token.children if c.dep_ == "mark" and c.i < token.i), -1)
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS and child.i < mark:
            continue
        if child.dep_ in SUBJECT_DEPS:
            if child.tag_ in RELATIVE_TAGS and token.dep_ == "relcl":
                return actors.with_conjuncts(token.head), ["relative clause"]
            if (child.lower_ in SPEAKER_PRONOUNS or _speaker_side(child)) and not actors.at(child) \
                    and token.dep_ == "ccomp" and depth < 3:
                # "Uganda said it had paid ...": "it" is the speaker.
                found, notes = _subject(token.head, actors, depth + 1)
                return found, notes + ["coref"]
            found, notes = _phrase_actors(lede_subject(child, actors.by_token.get(child.i)) or child, actors)
            if found:
                return found, notes
        if child.dep_ in PASSIVE_SUBJECT_DEPS or token.dep_ == "advcl" and child.dep_ in ("agent", "auxpass"):  # never the main subject
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else stray_agent(token)
            if pobj is None:
                return [], []
            found, notes = _phrase_actors(pobj, actors)
            return found, notes + ["passive agent"]
    head = token.head
    if token.dep_ == "conj" and head.i != token.i and _is_passive(head) and not _is_passive(token):
        # "was indicted by the court and will resign": who was indicted resigns.
        patient = next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if patient is not None:
            found, notes = _phrase_actors(patient, actors)
            return found, notes + ["inherited-subject"]
        return [], []
    if token.dep_ == "xcomp":
        controller = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if controller is not None and actors.at(controller):
            return actors.with_conjuncts(controller), ["object control"]
    if token.dep_ in ("xcomp", "conj", "advcl") and head.i != token.i and not any(
            c.dep_ in SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN") and not act_head(c.doc[c.i:c.i + 1]) for c in token.children):
        # "when officers found ...": theirs; "while a second strike killed ...": an act, whose
        # author is the first clause's
        found, notes = _subject(head, actors, depth + 1)
        return found, notes + ["inherited-subject"]
    if token.dep_ == "relcl" and head.i != token.i:
        if any(c.dep_ in SUBJECT_DEPS and not _parenthesised(c) for c in token.children):
            # "the bases it has seized": the clause has a subject of its own, whom no actor
            # names here; the noun it hangs on is what was seized, not who seized it. (A
            # subject in brackets is the noun's own acronym, misparsed: "The World Health
            # Organization (WHO) is providing ...".)
            return [], []
        return actors.with_conjuncts(head), ["relative clause"]
    if token.tag_ in FINITE_TAGS or token.dep_ == "acl" and token.tag_ == "VBN" and not _is_passive(token):
        return _misparsed_subject(token, actors)
    if token.dep_ == "pcomp":
        found = _agent_predicate_subject(token, actors)
        if found:
            return found, ["inherited-subject", f"agent of '{head.head.text} {head.text}'"]
    if token.dep_ == "acl" and token.tag_ == "VBG" and head.i != token.i:
        # "demonstrators protesting the results": the noun acts; "issued a declaration
        # demanding ...": the declaration's owner does.
        if actors.at(head):
            return actors.with_conjuncts(head), ["verb modifies its subject"]
        found, notes = _noun_source(head, (), actors)
        return found, notes + ["inherited-subject", f"owner of '{head.text}'"]
    return [], []


def _quoted_imperative(token: Token) -> bool:
    """A command opening a quotation ("chanted, “Fund our schools”"): a slogan or a call on
    someone else, not an act of whoever says it."""
    return token.tag_ == "VB" and token.i > 0 and token.doc[token.i - 1].text in OPENING_QUOTES \
        and not any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _speaker_side(phrase: Token) -> bool:
    """"his country", "their government": in a reported clause, the speaker's own side."""
    return phrase.lemma_.lower() in SPEAKER_SIDE_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in phrase.children)


def _misparsed_subject(token: Token, actors: _Actors) -> tuple[list[ActorMention], list[str]]:
    """A finite verb with no subject is a misparse: the small model often makes a long
    subject ("Iranian Acting Foreign Minister, Ali Bagheri Kani,") the root with the verb as
    its modifier, or hangs the subject on a preceding phrase. Take the actor that the verb
    modifies, or the one standing right before it."""
    if token.dep_ == "acl" and actors.at(token.head):
        return actors.with_conjuncts(token.head), ["inherited-subject", "verb modifies its subject"]
    left = token.i - 1
    while left >= token.sent.start and token.doc[left].pos_ in ("ADV", "PUNCT", "AUX", "PART") and token.doc[left].dep_ != "punct":
        left -= 1
    neighbour = actors.at(token.doc[left]) if left >= token.sent.start else None
    if neighbour is not None and not (token.doc[left].dep_ == "pobj" and token.doc[left].head.lower_ in IN_PREPS):  # "of a hospital in the UK told"
        return [neighbour], ["inherited-subject", "actor right before the verb"]
    return [], []


def _phrase_actors(token: Token, actors: _Actors) -> tuple[list[ActorMention], list[str]]:
    """The actor a subject phrase names: the phrase itself, or its national or group modifier
    when the head is no actor word ("Russian aircraft killed ..." is Russia acting)."""
    found = actors.with_conjuncts(token)
    if found:
        return found, []
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS and (modifier := actors.at(child)) and not names_other_people(token, modifier):
            return actors.with_conjuncts(child), ["modifier of the subject"]
    role = actors.by_token.get(token.i)
    if role is None:
        # "Two neighbours, Egypt and Jordan, criticised the decision": a description no actor
        # word heads, named by its apposition.
        for appos in (c for c in token.children if c.dep_ == "appos"):
            if named := actors.with_conjuncts(appos):
                return named, ["apposition of the subject"]
    unresolved_role = role is not None and role.code is None and role.rule == UNRESOLVED_ROLE
    if unresolved_role:
        for link in token.children:
            if link.dep_ in ("acl", "amod") and link.lower_ in AFFILIATION_WORDS:
                for obj in (g for p in link.children if p.dep_ == "prep" and p.lower_ in ("with", "to") for g in p.children):
                    if obj.dep_ == "pobj" and actors.at(obj):
                        return actors.with_conjuncts(obj), [f"members: '{link.text} {obj.text}'"]
    if _uncoded_person(role):
        # "an official at the health ministry" (events.employers); a name the tables lack is
        # who its apposition says: "Jane Doe, an official at the ministry", "a Canadian skier"
        found, notes = employer(token, actors.with_conjuncts)
        if not found:
            for appos in (c for c in token.children if c.dep_ == "appos"):
                found, notes = _phrase_actors(appos, actors)
                if found:
                    break
        if found:
            return found, notes
    if token.pos_ == "NUM" or token.lemma_.lower() in QUANTITY_HEADS or unresolved_role:
        # "Thousands of Iraqi Kurds demonstrated", "one third of the guerrillas", "leaders of
        # the opposition coalition", "activists from the Fatah party".
        for child in token.children:
            if child.dep_ == "prep" and (child.lower_ == "of" or unresolved_role and child.lower_ == "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found, notes = _phrase_actors(obj, actors)
                        if found:
                            return found, notes + ["'of' phrase of a quantity"]
    return [], []


def _uncoded_person(mention: ActorMention | None) -> bool:
    """A role or a person's name the actor stage could not code (or place: actors.local_bodies)."""
    return mention is not None and mention.code is None and mention.rule in UNPLACED_RULES


def _co_agents(token: Token, subject_tokens: list[Token], actors: _Actors) -> list[ActorMention]:
    """"X, alongside Y, condemned ...": Y acts too."""
    found: list[ActorMention] = []
    for owner in [token, *subject_tokens]:
        for child in owner.children:
            if child.dep_ == "prep" and (child.lower_ in CO_AGENT_PREPS and owner.i != token.i
                                         or child.lower_ == "alongside"
                                         or child.i > 0 and (child.nbor(-1).lower_, child.lower_) in CO_AGENT_PHRASES):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found.extend(m for m in actors.with_conjuncts(obj) if m not in found)
    return found


def _agent_predicate(token: Token) -> Token | None:
    """The "responsible for", "engaged in", "guilty of" above an event noun or gerund."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep":
        return None
    return prep.head if (prep.head.lemma_.lower(), prep.lower_) in AGENT_PREDICATES else None


def _agent_predicate_subject(token: Token, actors: _Actors) -> list[ActorMention]:
    """The subject of an agent predicate above an event noun or gerund: who was responsible
    did it."""
    predicate = _agent_predicate(token)
    if predicate is None:
        return []
    if predicate.dep_ in ("acl", "amod"):
        # "militias engaged in the killings", and the misparse "Palestinian youths resorted
        # to ..." with the noun as the root: the noun is the agent.
        found, _ = _phrase_actors(predicate.head, actors)
        return found
    # The predicate's subject sits on it ("X engaged in") or on its copula ("X is responsible").
    for holder in (predicate, predicate.head):
        for child in holder.children:
            if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                found, _ = _phrase_actors(child, actors)
                return found
    return []


def _noun_source(token: Token, targets: tuple[str, ...], actors: _Actors, code: str = "") -> tuple[list[ActorMention], list[str]]:
    """Who performs an event noun: its possessor, a "by"/"of" phrase, a demonym, or the
    subject of the light verb or clause it sits in."""
    for child in token.children:
        if child.dep_ == "poss" and actors.at(child):
            return actors.with_conjuncts(child), ["possessor"]
        if child.dep_ in ("prep", "agent") and child.lower_ in {"by"} | ({"from", "of"} - set(targets)):
            for obj in child.children:
                if obj.dep_ == "pobj" and actors.at(obj):
                    return actors.with_conjuncts(obj), [f"'{child.lower_}' phrase"]
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and actors.at(child):
            return actors.with_conjuncts(child), ["modifier"]
    for child in token.children:
        # "US Predator attacks": the owner modifies the modifier.
        if child.dep_ == "compound":
            owners = [g for g in child.children if g.dep_ in ("compound", "amod") and actors.at(g)]
            if owners:
                return actors.with_conjuncts(owners[0]), ["modifier"]
    if "between" not in targets and (parties := _between_parties(token, actors)):
        return parties, [BETWEEN_NOTE]  # "clashes between X and Y": both sides act, jointly
    found, notes = _clause_source(token, actors, code)
    if not found and token.dep_ in BETWEEN_SOURCE_DEPS and code != MEDIATION_CODE and (
            parties := _between_parties(token, actors)):
        # "Talks between Iran and the United States resumed": the subject of its clause, with
        # no one else named as its actor, a reciprocal act has its parties as actors, each
        # with the others. As an object it may be another's act ("oversee a ceasefire between
        # X and Y"), and a mediation's "between" names whom it reconciles, not the mediator.
        return parties, [BETWEEN_NOTE]
    return found, notes


def _between_parties(token: Token, actors: _Actors) -> list[ActorMention]:
    """The two or more parties of the word's own "between" phrase, or none."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            parties = [m for obj in child.children if obj.dep_ == "pobj" for m in actors.with_conjuncts(obj)]
            if len(parties) > 1:
                return parties
    return []


def _clause_source(token: Token, actors: _Actors, code: str) -> tuple[list[ActorMention], list[str]]:
    """Who performs an event noun that names no actor of its own: the agent its predicate
    names, the subject of its light verb, or of the clause it is a phrase of."""
    head = token.head
    owner = _agent_predicate_subject(token, actors)
    if owner:
        return owner, ["inherited-subject", f"agent of '{head.head.text} {head.text}'"]
    carrier = _light_verb_of(token) or (head if token.dep_ == "nsubjpass" and head.pos_ == "VERB"
                                         and head.lemma_ in LIGHT_VERBS else None)
    if carrier is not None:
        found, notes = _subject(carrier, actors)
        return found, notes + [f"light verb '{carrier.text}'"]
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in FRAME_PREPS and head.head.pos_ == "VERB":
        verb = head.head
        if head.lower_ == "after" and not code.startswith(CONSULT_ROOT):
            return [], []  # "after talks with X, Y said": Y talked; "imposed a curfew after a demonstration": no
        if head.lower_ in ("in", "during") and suffers(verb):
            return [], []  # "two soldiers died in the attack": victims, not its authors
        if head.lower_ in ("in", "during") or verb.lemma_ in LIGHT_VERBS or head.lower_ == "for" and verb.lemma_ in GATHERING_VERBS:
            found, notes = _subject(verb, actors)
            return found, notes + [f"clause of '{verb.text}'"]
    return [], []


def _light_verb_of(token: Token) -> Token | None:
    """The light verb that carries an event noun as its object ("held talks"), or as the
    "of" phrase of its object ("launched ten days of war games", "sent a message of
    condolence")."""
    if token.pos_ == "VERB":
        return None
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "launched artillery, mortar and rocket fire"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "dobj":
        token = token.head.head
    token = _light_head_of(token)
    head = token.head
    return head if token.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_ in LIGHT_VERBS else None


def _parenthesised(token: Token) -> bool:
    """Whether the word stands in brackets: "(WHO)"."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"


def _light_head_of(token: Token) -> Token:
    """The light noun an event noun modifies ("a mediation effort", "a peace mission"), which
    stands in the clause for it; else the noun itself."""
    head = token.head
    return head if token.dep_ == "compound" and head.i != token.i and head.lemma_.lower() in LIGHT_HEADS else token


def _targets(trigger: _Trigger, actors: _Actors, passive: bool) -> tuple[list[ActorMention], list[str]]:
    token, entry = trigger.token, trigger.entry
    particle = _particle(token, entry) if entry.particles else None
    owners = [token] + ([obj for obj in _objects(token, particle)] if entry.objects else [])
    # "signed a memorandum of understanding with Ethiopia", "shared intelligence on missile
    # components with Ukraine": the phrase hangs on the noun of the object's own phrase.
    owners += [g for obj in owners[1:] for c in obj.children if c.dep_ == "prep" and c.lower_ in OBJECT_PHRASE_PREPS
               for g in c.children if g.dep_ == "pobj"]
    if _light_head_of(token) is not token:
        owners.append(token.head)  # "a mediation effort between India and Pakistan"
    carrier = _light_verb_of(token)
    if carrier is not None:
        owners.append(carrier)  # "staged rallies in Gaza against Abbas": the verb holds the phrase
    elif token.pos_ != "VERB" and token.dep_ == "pobj" and (predicate := _agent_predicate(token)) is not None:
        owners.append(predicate)  # "engaged in ethnic cleansing ... against Albanians"
    if token.pos_ == "VERB":
        # "donated and delivered goods to the school": coordinated verbs share the phrase.
        owners.extend(c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB")
    places: tuple[list[ActorMention], list[str]] | None = None
    for slot in entry.targets:
        candidates: list[Token] = []
        if slot == "dobj":
            deps = PASSIVE_SUBJECT_DEPS | {"nsubj"} if passive else frozenset({"dobj", "dative"})
            candidates = [c for c in token.children if c.dep_ in deps]
            if not candidates and not passive:
                # "condemned and criticized Somalia": coordinated verbs share the object.
                partners = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"]
                candidates = [c for v in partners for c in v.children if c.dep_ == "dobj"] or infinitive_subjects(token)
        else:
            for owner in owners:
                # "pulled out of Kherson": a preposition may hang on an object-less particle.
                nested = [g for c in owner.children if c.dep_ in ("prep", "prt") and not any(
                    x.dep_ == "pobj" for x in c.children) for g in c.children if g.dep_ == "prep"]
                for child in [*owner.children, *nested]:
                    if child.dep_ in ("prep", "prt", "agent", "dative") and child.lower_ == slot:
                        objects = [c for c in child.children if c.dep_ == "pobj"]
                        candidates.extend(objects)
                        if not objects and child.dep_ == "prep":
                            found = _dangling(child, actors)
                            if found:
                                return found, [f"target via {slot}", "object-search"]
                        if child.dep_ == "prt":
                            candidates.extend(c for c in token.children if c.dep_ == "dobj")
        for candidate in candidates:
            found = actors.with_conjuncts(candidate)
            notes = [f"target via {slot}"]
            if not found:
                found, notes = _actor_inside(candidate, actors, 0), notes + ["object-search"]
            if found and all(m.rule == "place" for m in found):
                # "demanded the withdrawal of Vietminh forces from the port of Haiphong": a
                # place in one slot yields to a party in another, as most acts are aimed at
                # parties; a place stands only where no slot names one.
                places = places or (found, notes)
            elif found:
                return found, notes
    return places or ([], [])


def _fallback_targets(heads: list[Token], actors: _Actors, sources: list[ActorMention],
                      code: str = "", things: frozenset[str] = frozenset()) -> tuple[list[ActorMention], list[str]]:
    """When the row's slots find no target (often a misparse), take the first actor in a
    phrase to the right of the predicate: an object, a phrase with a target preposition, or
    an apposition ("denounced as a crime Serbia's suppression of ..."). Force used or
    restrictions imposed "in" a place are aimed at its country ("imposed a blockade in the
    West Bank")."""
    in_place = code[:2] in IN_PLACE_ROOTS
    for head in heads:
        for child in head.children:
            if child.i < head.i or child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                continue
            if child.dep_ == "prep" and in_place and child.lower_ in IN_PREPS:
                places = _places_in(child, actors)
                if places:
                    return places, ["object-search", f"place via '{child.text}'"]
                continue
            if child.dep_ == "prep" and child.lower_ in GENERIC_TARGET_PREPS:
                # "on behalf of the lawmakers" names whom the actor acts for, not at.
                phrases = [c for c in child.children if c.dep_ == "pobj" and c.lower_ != "behalf"]
            elif child.dep_ in ("prt", "advmod"):
                # "kidnapped up to 16 advisers": the object hangs on a particle's preposition.
                phrases = [g for p in child.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            elif child.dep_ in ("dobj", "dative", "attr", "oprd", "npadvmod"):
                phrases = [child]
            else:
                continue
            for phrase in phrases:
                # The row's thing itself ("fired artillery") is no target; who it names may be
                # ("accepted demands from the rebels").
                own = actors.with_conjuncts(phrase) if phrase.lemma_.lower() not in things else []
                found = [m for m in (own or _actor_inside(phrase, actors, 0)) if m not in sources]
                if found:
                    return found, ["object-search", f"fallback via '{child.text}'"]
    return [], []


def _places_in(prep: Token, actors: _Actors) -> list[ActorMention]:
    """The places (or countries) a locative preposition names: "in Montenegro province"."""
    return [m for c in prep.children if c.dep_ == "pobj" for m in actors.with_conjuncts(c)
            if m.rule in ("place", "country") or actors.any_noun]


def _act_place(token: Token, actors: _Actors) -> list[ActorMention]:
    """Where a material act with no target slot was done, on the predicate or its object:
    "eased emergency measures in Montenegro", "remained on alert in the West Bank"."""
    holders = [token] + [c for c in token.children if c.dep_ in OBJECT_DEPS]
    holders += [g for c in token.children if c.dep_ == "prep" and c.lower_ not in IN_PREPS
                for g in c.children if g.dep_ == "pobj"]  # "on high alert in northern Iraq"
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in IN_PREPS and child.i > token.i:
                places = _places_in(child, actors)
                if places:
                    return places
    return []


def _protest_target(trigger: _Trigger, actors: _Actors, sources: list[ActorMention]) -> tuple[list[ActorMention], list[str]]:
    """Whom a protest that names no target is aimed at: whom it defies ("in defiance of
    Chinese authorities"), or the first actor its purpose clause names."""
    if trigger.stance is not None:
        found, notes = _targets(trigger.stance, actors, False)
        if found:
            return found, notes + [f"target of '{trigger.stance.token.text}'"]
    return _purpose_target(trigger.token, actors, sources)


def _purpose_target(token: Token, actors: _Actors, sources: list[ActorMention]) -> tuple[list[ActorMention], list[str]]:
    """"blocked a road to show their disapproval of the United States' policies": a protest
    is aimed at the first actor its purpose clause names, outside what it reports ("warning
    that children would suffer": the protesters' words, not whom they protest)."""
    for clause in token.children:
        if clause.dep_ != "advcl" or not (clause.tag_ == "VBG" or any(c.tag_ == "TO" for c in clause.children)):
            continue
        for part in (p for p in clause.subtree if clause_head(p).dep_ != "ccomp"):
            mention = actors.at(part)
            if mention is not None and mention.rule != "place" and mention not in sources:
                return [mention], ["object-search", f"target named in the purpose '{clause.text}'"]
    return [], []


def _condition_subject(trigger: _Trigger, actors: _Actors, sources: list[ActorMention],
                       marks: frozenset[str] = HYPOTHETICAL_MARKS) -> tuple[list[ActorMention], list[str]]:
    """"X threatened to stop talks if the United States deploys ...": a threat is aimed at
    whoever must meet its condition, the subject of its "if"/"unless" clause; a refusal "until
    Cuba undertakes reforms" (``marks``) at whoever must act first."""
    for head in [trigger.token] + ([trigger.inner] if trigger.inner is not None else []):
        for clause in head.children:
            if clause.dep_ == "advcl" and has_mark(clause, marks):
                for child in clause.children:
                    if child.dep_ in SUBJECT_DEPS:
                        found = [m for m in actors.with_conjuncts(child) if m not in sources]
                        if found:
                            return found, ["target: subject of the condition"]
    return [], []


def _dangling(prep: Token, actors: _Actors) -> list[ActorMention]:
    """A preposition the parser left without its object ("granted asylum to five officers
    holed up ..." hangs the officers on the next clause): the actor right after it."""
    doc = prep.doc
    for i in range(prep.i + 1, min(prep.i + 1 + DANGLING_WINDOW, prep.sent.end)):
        mention = actors.at(doc[i])
        if mention is not None:
            return [mention]
        if doc[i].pos_ in ("VERB", "ADP", "PUNCT"):
            break
    return []


def _actor_inside(token: Token, actors: _Actors, depth: int) -> list[ActorMention]:
    """The actor an object phrase is about: "the genocide perpetrated by the Israeli regime",
    "Israel's actions", "the attacks of the rebels"."""
    if depth >= MAX_OBJECT_DEPTH:
        return []
    if _uncoded_person(actors.by_token.get(token.i)):
        found, _notes = employer(token, actors.with_conjuncts)  # "met an official in the health ministry"
        if found:
            return found
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and actors.at(child):
            return actors.with_conjuncts(child)
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in inside_preps(token):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = actors.with_conjuncts(obj) or _actor_inside(obj, actors, depth + 1)
                    if found:
                        return found
        if child.dep_ in ("acl", "relcl", "appos"):
            found = actors.with_conjuncts(child) or _actor_inside(child, actors, depth + 1)
            if not found and depth == 0 and _made_by_subject(child):
                # "the announcement that Keita won", "the proposals that Kenya made": the
                # clause's own subject is whom the phrase is about; only on the object itself
                # ("offers a reminder of the role African Americans will play" is about no one).
                found = [m for c in child.children if c.dep_ in SUBJECT_DEPS for m in actors.with_conjuncts(c)]
            if found:
                return found
    return []


def _made_by_subject(clause: Token) -> bool:
    """Whether a clause on a noun says who made or stated it: a content clause ("the
    announcement that Keita won") or a relative clause whose gap is its object ("the proposals
    (that) Kenya made"); not one that says where or what about ("topics on which Moscow and
    Washington differ")."""
    if clause.pos_ not in ("VERB", "AUX") or clause.dep_ not in ("acl", "relcl"):
        return False
    if has_mark(clause, COMPLEMENTIZERS):
        return True
    if clause.dep_ == "acl" and not any(c.tag_ in RELATIVE_TAGS for c in clause.children):
        return False  # "a resolution demanding ...", "the attack carried out by ..."
    if any(c.dep_ == "dobj" and c.tag_ not in RELATIVE_TAGS for c in clause.children):
        return False
    return not any(g.tag_ in RELATIVE_TAGS for c in clause.children if c.dep_ == "prep" for g in c.children)


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ in ("auxpass", "agent") for c in token.children)


def _events_for(trigger: _Trigger, sent: Span, index: int, document: Document,
                actors: _Actors) -> Iterator[Event]:
    token = trigger.token
    if (named := actors.by_token.get(token.i)) is not None and token.pos_ != "VERB" and not (
            trigger.targetless and named.rule == UNRESOLVED_ROLE and named.head == token.i):
        return  # an event noun inside an actor's name ("the peace movement"); the model's may be misread as a role
    reduced = is_reduced_passive(token, trigger.code, trigger.entry.targets)  # "helicopter shot down" (voice.py)
    passive = token.pos_ == "VERB" and (_is_passive(token) or reduced)
    if token.pos_ == "VERB":
        sources, source_notes = ([], []) if reduced else _subject(token, actors)
        if not sources and trigger.manner is not None:
            # "was murdered in an attack by Kosovo Albanians": the attack's author did it.
            sources, source_notes = _noun_source(trigger.manner.token, trigger.manner.entry.targets, actors)
            source_notes.append(f"author of '{trigger.manner.token.text}'")
            if BETWEEN_NOTE in source_notes and trigger.manner.token.dep_ not in SUBJECT_DEPS:
                # "Clashes between X and Y killed ten soldiers": both sides' fighting did it;
                # "was hit by a brick during a clash between protesters and police": one side
                # did, and the text does not say which.
                sources, source_notes = [], []
        if not sources and token.tag_ == "VBG" and token.dep_ in BETWEEN_SOURCE_DEPS and (
                parties := _between_parties(token, actors)):
            # "Fighting between Israeli forces and Hamas continued": a gerund used as a noun.
            sources, source_notes = parties, [BETWEEN_NOTE]
    elif token.pos_ == "ADJ":
        # "X is ready to ...": the adjective's subject is the copula's.
        owner = token if any(c.dep_ in SUBJECT_DEPS for c in token.children) else token.head
        sources, source_notes = _subject(owner, actors)
    else:
        sources, source_notes = _noun_source(token, trigger.entry.targets, actors, trigger.code)
        source_notes.append("noun-event")
    subject_tokens = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    co_agents = _co_agents(token, subject_tokens, actors)
    if co_agents:
        sources = sources + [m for m in co_agents if m not in sources]
        source_notes.append("co-agent")
    sources = [s for s in sources if s.rule != "place"]
    if not sources and trigger.code[:2] in FORCE_ROOTS:
        sources = _unnamed_perpetrators(trigger, sent, actors, document.id, index)
        if sources:
            source_notes = ["implicit-source", "unnamed attackers in the place of the attack"]
    if trigger.code == VISIT_CODE and token.lemma_ not in VISIT_LEMMAS:
        # Troops that arrive or travel somewhere are deployed there, not visiting.
        sources = [s for s in sources if not set(s.sectors) & ARMED_SECTORS]
    if not sources:
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
        found, target_notes = _event_targets(trigger, sent, actors, sources, passive)
        targets = list(found)
        if not targets and len(sources) == 1:
            targets = list(_domestic_target(trigger, sent, actors, sources[0]))
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
        particle = _particle(token, trigger.entry) if trigger.entry.particles else None
        objects = [m for obj in _objects(token, particle)
                   for m in actors.with_conjuncts(obj) or _actor_inside(obj, actors, 0)] if trigger.entry.objects else []
        targets = [m for m in objects if m.rule != "place" and m not in sources
                   and not is_own_force(m, sources, trigger.code)] or [None]
        target_notes = ["target: the object itself"] if targets != [None] else []
        if targets == [None] and trigger.code[:2] == PROTEST_ROOT:
            found, target_notes = _protest_target(trigger, actors, sources)
            targets = list(found) or [None]
        if targets == [None] and trigger.code[:2] in IN_PLACE_ROOTS:
            targets = [m for m in _act_place(token, actors) if m not in sources] or [None]
            target_notes = ["object-search", "target: the place of the act"] if targets != [None] else []
        if targets == [None] and len(sources) == 1:
            targets = list(_domestic_target(trigger, sent, actors, sources[0])) or [None]
            target_notes = ["implicit-target"] if targets != [None] else []
        if targets == [None] and len(sources) < 2 and trigger.code[:2] in ADDRESSED_ROOTS:
            return  # "X insisted", "X warned": a demand, accusation, refusal or threat of no one
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
            implicit = _protested_government(source, token, actors) if target is None and trigger.code[:2] == PROTEST_ROOT else None
            target = implicit or target
            if target is not None and (target is source or target.code is not None and target.code == source.code
                                       and target.rule != "place"):
                continue  # an actor acting on itself; a place in its own country stays ("lifted the curfew in Colombo")
            if trigger.code[:2] in PRIVATE_SCOPE_ROOTS and is_private(source) and (
                    target is None or is_private(target) or target.rule == "place"):
                continue  # "Sony offered its service", "the man told doctors": business and private life
            notes = source_notes + target_notes + trigger.notes + (["implicit-target"] if implicit else [])
            if source.rule.startswith("coref"):
                notes.append("coref")
            yield _make_event(trigger, sentence, index, document, source, target, info, notes)


def _event_targets(trigger: _Trigger, sent: Span, actors: _Actors, sources: list[ActorMention],
                   passive: bool) -> tuple[list[ActorMention], list[str]]:
    """The targets of a trigger with target slots or an embedded act, by the first path that
    finds any: the row's slots, the supported party of 053, the subject of an appeal's or a
    demand's clause, the embedded act's slots, a manner noun's slots, a threat's condition,
    then the fall-back search. Places count only for acts done to a place."""
    targets, target_notes = _targets(trigger, actors, passive) if trigger.entry.targets else ([], [])
    inner_entry = trigger.inner_entry
    inner = _Trigger(trigger.inner, inner_entry, inner_entry.code, False, None, False) \
        if trigger.inner is not None and inner_entry is not None else None
    if trigger.code == RALLY_SUPPORT and inner is not None:
        # "urged the EU to back Ukraine": the target is the party to be supported.
        supported, notes = _targets(inner, actors, False)
        if supported:
            targets, target_notes = supported, notes + ["target: the party to be supported"]
    if not targets and trigger.inner is not None and (trigger.frame or trigger.entry.frame) in ("appeal", "demand"):
        # "demanded that Peru release ...": the one asked is the embedded clause's subject.
        asked = next((c for c in trigger.inner.children if c.dep_ in SUBJECT_DEPS), None)
        if asked is not None:
            targets, target_notes = actors.with_conjuncts(asked), ["target: subject of the embedded clause"]
    if not targets and (trigger.frame or trigger.entry.frame) in ("appeal", "demand") and asks_uncoded(trigger.token, actors.by_token):
        return [], []  # "urged the counterpart to sign the SAFTA": asked of someone named, not of the SAFTA
    if not targets and trigger.inner is not None and (trigger.frame or trigger.entry.frame) == "reject":
        # "refused to allow UN planes to land": the refusal is aimed at who may not act.
        for clause in trigger.inner.children:
            if clause.dep_ in ("ccomp", "xcomp"):
                asked = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
                found = actors.with_conjuncts(asked) if asked is not None else []
                if found:
                    targets, target_notes = found, ["target: who the refused act concerns"]
                    break
    if not targets and inner is not None and inner.token.i != trigger.token.i:
        targets, target_notes = _targets(inner, actors, _is_passive(inner.token))
        target_notes.append("target of the embedded event")
    if not targets and trigger.manner is not None and trigger.manner.entry.targets:
        # "Israeli air raids on army positions killed four soldiers": the raid's target.
        targets, target_notes = _targets(trigger.manner, actors, False)
        target_notes = target_notes + [f"target of '{trigger.manner.token.text}'"]
    if not targets and trigger.code[:2] == PROTEST_ROOT:
        targets, target_notes = _protest_target(trigger, actors, sources)
    if not targets and trigger.code[:2] in BENEFIT_ROOTS:
        targets, target_notes = helped_party(trigger.token, actors.at, sources)
    if not targets and trigger.code[:2] == THREATEN_ROOT:
        targets, target_notes = _condition_subject(trigger, actors, sources)
    if not targets and trigger.code[:2] == REJECT_ROOT:
        targets, target_notes = _condition_subject(trigger, actors, sources, UNTIL_MARKS)
    if not targets:
        # The thing a row names as its object (the weapon fired, the aid sent) is not its target.
        things = trigger.entry.objects if "dobj" not in trigger.entry.targets else frozenset()
        targets, target_notes = _fallback_targets([trigger.token] + ([trigger.inner] if trigger.inner is not None else []),
                                                  actors, sources, trigger.code, things)
    if trigger.code[:2] == STATEMENT_ROOT:
        targets = [t for t in targets if "MED" not in t.sectors]  # "told Reuters": the press relays
    # A threat or promise of force against a place aims at its country, as the force would.
    # The row's own code counts too: "will travel to Delhi" is intent (036) to visit (042).
    place_codes = [trigger.code, trigger.entry.code] + ([inner.code] if inner is not None else [])
    place_ok = any(c in PLACE_TARGET_CODES or c[:2] in PLACE_TARGET_ROOTS for c in place_codes)
    addressed = [t if t.rule != "place" or place_ok else _capital_government(t, sent.doc, trigger.entry.targets)
                 for t in targets]
    return [t for t in addressed if t is not None], target_notes


def _is_leader(target: ActorMention | None, doc: Doc) -> bool:
    """One named office holder or leader ("the deputy chief of the militia", "Governor X"):
    killing such a person is an assassination (codebook 186 usage)."""
    if target is None or target.head < 0 or not set(target.sectors) & LEADER_SECTORS:
        return False
    head = doc[target.head]
    return head.tag_ not in ("NNS", "NNPS") and not any(c.dep_ == "nummod" for c in head.children)


def _capital_government(place: ActorMention, doc: Doc, slots: tuple[str, ...]) -> ActorMention | None:
    """"warned Beijing", "urged Tehran to", "condemned Washington's move": a capital addressed by
    a verbal act (its object or possessor, after "to"/"with"/"against"/"on", or a preposition the
    lexicon row names) is its government; "phoning in from London" or any other place is not."""
    if place.kind != "capital" or not place.country or place.head < 0:
        return None
    head = doc[place.head]
    if not (head.dep_ in ("dobj", "dative", "poss") or head.dep_ == "pobj" and head.head.lower_ in ADDRESSEE_PREPS | set(slots)):
        return None
    return dataclasses.replace(place, code=place.country + "GOV", sectors=["GOV"], rule="metonymy: capital as addressee")


def _domestic_target(trigger: _Trigger, sent: Span, actors: _Actors, source: ActorMention) -> list[ActorMention]:
    """A domestic actor's act that names no target, in a sentence about one country only
    ("the interim government is prepared to impose martial law", "the union called off its
    strike"), is aimed at its own country: the target is the country, as an empty span at
    the trigger marked as inferred. A sentence naming another country or an international
    body gives none."""
    if trigger.targetless:
        return []  # a model event may stand without a target; it is not given an inferred one
    if trigger.code[:2] not in DOMESTIC_TARGET_ROOTS or not source.country or source.code == source.country:
        return []
    if trigger.entry.frame == "intent" and trigger.code == trigger.entry.code:
        return []  # "plans to use private landers": an intention to do nothing codable aims at no one
    if not set(source.sectors) & STATE_AND_POLITICAL_SECTORS:
        return []  # "a hunter killed a rabbit", "a woman accused him": private acts aim at no country
    token = trigger.token
    embedded_act = trigger.inner_entry is not None
    if trigger.code[:2] in ADDRESSED_ROOTS and not embedded_act and not _uncoded_addressee(trigger, actors):
        # A bare demand, accusation or warning names whom it addresses; with no one named,
        # none is inferred. One that carries an act ("refused to resign", "is prepared to
        # impose martial law") is about that act, done at home.
        return []
    generic = len(trigger.code) == 3 and trigger.code.endswith("0") and not trigger.entry.objects
    if generic and any(c.dep_ in OBJECT_DEPS and c.i not in actors.by_token for c in token.children):
        return []  # "fighting dirty air", "demanding answers": a generic act on a thing it names
    named = {m.country for m in actors.in_span(sent) if m.code is not None and not reports(m, token)}
    if named != {source.country}:
        return []
    return [implied_actor(source.doc_id, source.sentence_index, token.idx, source.country, [],
                            "implicit: the source's own country (domestic act)")]


def _unnamed_perpetrators(trigger: _Trigger, sent: Span, actors: _Actors, doc_id: str,
                          sentence_index: int) -> list[ActorMention]:
    """"Three soldiers were killed by a roadside bomb outside Basra": force whose only author
    the text gives is a weapon, an attack or no one, done in a sentence whose places all lie in
    one country, is coded with that country as the source (unnamed attackers there), the way
    event data sets code unattributed violence. An empty span at the trigger marks it."""
    token = trigger.token
    if token.pos_ != "VERB":
        return []
    authors = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    authors += [g for c in token.children if c.dep_ in ("agent", "prep") and c.lower_ in MANNER_PREPS
                for g in c.children if g.dep_ == "pobj"]
    armed = trigger.manner is not None or any(
        t.lemma_.lower() in WEAPON_NOUNS for a in authors for t in [a, *(c for c in a.children if c.dep_ == "compound")])
    if not armed or any(actors.at(a) for a in authors if a.dep_ in SUBJECT_DEPS):
        return []
    places = [m for m in actors.in_span(sent)
              if m.rule == "place" or m.rule == "country" and m.head >= 0 and sent.doc[m.head].dep_ == "pobj"]
    countries = {m.country for m in places if m.country}
    if len(countries) != 1 or len(countries) < len({m.country for m in places}):
        return []  # one country, and every place known to lie in it
    (country,) = countries
    return [implied_actor(doc_id, sentence_index, token.idx, country, [],
                            "implicit: unnamed attackers in the place of the attack")]


def _uncoded_addressee(trigger: _Trigger, actors: _Actors) -> bool:
    """Whether a verbal act names an addressee the actor stage could not code: "warned
    opposition protesters", "accused the Democrats", "demanded that the council ..."."""
    token = trigger.token
    named = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    named += [g for c in token.children if c.dep_ == "prep" and c.lower_ in trigger.entry.targets
              for g in c.children if g.dep_ == "pobj"]
    # "demanded the resignation of President X": the one the object is about
    named += [g for obj in named for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    if trigger.inner is not None:
        named += [c for c in trigger.inner.children if c.dep_ in OBJECT_DEPS | SUBJECT_DEPS]
    return any((m := actors.by_token.get(t.i)) is not None and m.code is None for t in named)


def is_private(actor: ActorMention) -> bool:
    """A business, the media, health workers or private people: actors whose statements,
    offers and dealings are not political events unless they address a political actor."""
    code = actor.code or ""
    return code.startswith("MNC") or bool(actor.sectors) and set(actor.sectors) <= PRIVATE_SECTORS


def _protested_government(source: ActorMention, token: Token, actors: _Actors) -> ActorMention | None:
    """The implicit target of a protest that names none: the government of the country the
    protest is held in ("Palestinian prisoners rioted at a jail in northern Israel"), or else
    of the protesters' own country (CAMEO 14 usage: the target is the party protested
    against; domestic protest is against the state). An empty span at the trigger marks it
    as inferred."""
    if not source.country or "GOV" in source.sectors or source.code is None or not source.code.startswith(source.country):
        return None
    held_in = {m.country for m in _act_place(token, actors) if m.country}
    country, rule = source.country, "implicit: government of the protesters' country"
    if len(held_in) == 1 and held_in != {source.country}:
        (country,) = held_in
        rule = "implicit: government of the country protested in"
    return implied_actor(source.doc_id, source.sentence_index, token.idx, country, ["GOV"], rule)


def _clause_depth(token: Token) -> int:
    """How many clauses down from the sentence root the trigger sits: the main clause's
    event is the one the sentence reports; embedded ones are background."""
    depth, node = 0, token
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "conj", "pobj", "dobj"):
            depth += 1
        node = node.head
    return depth


def _make_event(trigger: _Trigger, sentence: str, index: int, document: Document, source: ActorMention,
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
