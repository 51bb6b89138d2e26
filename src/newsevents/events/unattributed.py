"""Violence and arrests whose author the text does not name (issue 15 item 7).

"At least 20 people were killed when a car bomb exploded in Kirkuk", "clashes left 12 dead",
"19 bodies were found", "Hundreds of people were arrested across Iran": the sentence reports an
act of force or an arrest, and how many it hurt or held, but no one who did it, so the extractor
(which needs a source) codes nothing and the counts are lost. Event data sets code such reports
with an unknown author: GDELT leaves Actor1 blank, and our extractor's "unnamed attackers" codes
force whose author is only a weapon with the country of its place (``sources.unnamed_perpetrators``).

This stage does the same for a sentence that gives a count of killed, injured or arrested people
(``casualties.counts_in``) and no coded event at all, or only arrests: "Police arrested a man
after a woman was stabbed to death" reports the stabbing too, whose dead are not the arrest's.
(A sentence with an event keeps its counts on it when it is one of force, arrest or protest
(``event_counts.fill_casualties``); when it is another act, the victims are most often its
setting, not its news: "Serbia lifted a curfew in Montenegro, where 28 people have been killed in
riots this year".) A vehicle driven into a crowd is a cause of violence (``ramming``); an author
the actor stage coded but the extractor did not take ("were ambushed and killed by militants")
is the source.

- killed or injured, when the sentence names a cause of violence (a weapon, an attack, gunfire,
  clashes: the ``cause`` rows of ``data/lexicon/unattributed.tsv`` and the event lexicon's nouns
  of force) or the verb of harm has an actor as its subject ("suspected jihadists killed 14"), and
  nothing makes the deaths an accident or natural (a crash, a flood, a fire, a disease:
  ``accident`` rows). The source is an unnamed attacker: the owner of the cause where the text
  gives one ("Israel's airstrikes"), else the country of the place of the act, else the one
  country the sentence's actors name; no event when none does (it would say neither who nor
  where). The code is the cause's ("car bomb" 1832, "airstrikes" 195), else the verb's.
- arrested: the police of the place's country (``COP`` without a country when no place gives
  one, as countryless roles are coded), code 173; held captive or hostage, the subject of the
  clause as captor (181), and no event when it names none.

The target is the victims' mention where the actor stage coded it, else the place's country.
Negated, modal, hypothetical and background reports ("were killed in 1994"), tallies over a
period ("so far this year") and explicit zeros ("no arrests were made") give no event
(unless uncertain events are kept, when they are marked). The events are less sure than named
ones (``UNATTRIBUTED_CONFIDENCE``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from ..actors.countryless import COUNTRYLESS_RULE
from ..codebook import get_code
from ..geo import ArticleCountries, Gazetteer, locate_event
from ..model import ActorMention, Document, Event, implied_actor
from .casualties import is_kind_word, kind_of_word
from .event_counts import sentence_counts
from .hedges import hedged_toll
from .lexicon import Lexicon, tsv_rows
from .made import event_at
from .ramming import rammed_crowd
from .reality import embedding, is_hypothetical, is_negated, modality
from .timing import time_act
from .zero_tolls import act_noun, act_of_zero_toll

__all__ = ["UNATTRIBUTED_CONFIDENCE", "code_unattributed", "violence_cause"]

HEADER = ("kind", "phrase", "code", "note")
# Below a named event's (extract.BASE_CONFIDENCE 0.9, less 0.2 for an implied source, as the
# extractor's own unnamed attackers): who did it is the half of the event the text leaves out.
UNATTRIBUTED_CONFIDENCE = 0.6
# Roots of force whose nouns in the event lexicon name a cause of violence: assault, fight, mass
# violence, and violent protest (145, "killed in rioting").
FORCE_ROOTS = frozenset({"18", "19", "20"})
VIOLENT_PROTEST = "145"
# The codes of the two families this stage fills: force (killed, injured) and arrest.
DEFAULT_FORCE_CODE = "190"
ARREST_CODE = "173"
FORCE_KINDS = ("killed", "injured")
ARREST_KIND = "arrested"
POLICE = "COP"
# Dependents of a cause noun that name whose it is: "Russian shelling", "Israel's airstrikes".
OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# How a victim or an attacker hangs on the word that says what happened to them.
AGENT_DEPS = frozenset({"nsubj", "agent"})
# "a US-led coalition": the lemma of the modifier whose own dependent names who leads.
LED = "lead"
# Dependents of a cause noun that narrow its lexicon row ("car bomb", "air strike").
NARROWING_DEPS = frozenset({"amod", "compound", "nmod"})
RULE_UNNAMED = "unnamed-perpetrator"
# Where a gerund stands as a noun ("shelling" as the subject of "killed").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
RULE_POLICE = "implicit-police"
# How many words after "over the past" may say the period ("over the past two years").
PERIOD_REACH = 3
# Kinds of mention that are places, not actors (``actors.resolve``).
PLACE_KINDS = frozenset({"place", "capital"})


@dataclass(frozen=True)
class _Words:
    causes: dict[tuple[str, ...], str]
    accidents: frozenset[tuple[str, ...]]
    armed_fire: frozenset[str]
    aggregates: frozenset[tuple[str, ...]]
    ram_verbs: dict[str, str]
    crowds: frozenset[str]
    openings: frozenset[tuple[str, ...]]
    long_periods: frozenset[str]
    captive: dict[str, str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    text = (files("newsevents") / "data" / "lexicon" / "unattributed.tsv").read_text(encoding="utf-8")
    return read_unattributed_words(text, "unattributed.tsv")


def read_unattributed_words(text: str, file_name: str) -> _Words:
    """The tables of an unattributed.tsv file. text: its text; file_name: for error messages."""
    causes: dict[tuple[str, ...], str] = {}
    accidents: set[tuple[str, ...]] = set()
    armed_fire: set[str] = set()
    aggregates: set[tuple[str, ...]] = set()
    ram_verbs: dict[str, str] = {}
    sets: dict[str, set[str]] = {"crowd": set(), "long_period": set()}
    openings: set[tuple[str, ...]] = set()
    captive: dict[str, str] = {}
    for number, (kind, phrase, code, _note) in tsv_rows(text, file_name, HEADER):
        if kind == "cause":
            if get_code(code) is None:
                raise ValueError(f"{file_name}:{number}: unknown CAMEO code {code!r}")
            causes[tuple(phrase.split())] = code
        elif kind == "accident":
            accidents.add(tuple(phrase.split()))
        elif kind == "armed_fire":
            armed_fire.add(phrase)
        elif kind == "aggregate":
            aggregates.add(tuple(phrase.split()))
        elif kind == "period_opening":
            openings.add(tuple(phrase.split()))
        elif kind in ("ram_verb", "captive"):
            if get_code(code) is None:
                raise ValueError(f"{file_name}:{number}: unknown CAMEO code {code!r}")
            (ram_verbs if kind == "ram_verb" else captive)[phrase] = code
        elif kind in sets:
            sets[kind].add(phrase)
        else:
            raise ValueError(f"{file_name}:{number}: unknown kind {kind!r}")
    return _Words(causes, frozenset(accidents), frozenset(armed_fire), frozenset(aggregates), ram_verbs,
                  frozenset(sets["crowd"]), frozenset(openings), frozenset(sets["long_period"]), captive)


def code_unattributed(events: list[Event], doc: Doc, document: Document, mentions: list[ActorMention],
                      lexicon: Lexicon, gazetteer: Gazetteer, *, keep_uncertain: bool = False) -> list[Event]:
    """The events, plus one of unnamed force or arrest for each sentence that counts victims
    of it and has no coded event.

    events: the document's coded events; doc: its parse; mentions: its actor mentions;
    lexicon: the event lexicon (its nouns of force are causes); gazetteer: for the place of the
    act; keep_uncertain: also code negated, modal and hypothetical reports, marked.
    Returns a new list: the events, then the new ones in sentence order.
    """
    eventful = {event.sentence_index for event in events if event.code != ARREST_CODE}
    arrests = {event.sentence_index for event in events if event.code == ARREST_CODE}
    added: list[Event] = []
    countries = ArticleCountries(mentions)
    for index, sent in enumerate(doc.sents):
        if index in eventful:
            continue
        # "no one was killed", "no arrests were made": an explicit zero is no event, unless
        # the act it is the toll of was done ("no one was hurt in the attack": zero_tolls).
        read = sentence_counts(sent)
        counts = {k: c for k, c in read.items() if c["max"] != 0}
        zero = not counts and any(k in read for k in FORCE_KINDS)
        if zero:
            counts = read
        if not counts or _aggregate(sent):
            continue
        here = [m for m in mentions if m.sentence_index == index]
        if any(k in counts for k in FORCE_KINDS):
            event = _force_event(sent, index, counts, here, document, lexicon, gazetteer, countries, keep_uncertain,
                                 zero=zero)
            if event is not None:
                added.append(event)
        if ARREST_KIND in counts and not zero and index not in arrests:
            event = _arrest_event(sent, index, counts, here, document, lexicon, gazetteer, countries,
                                  keep_uncertain)
            if event is not None:
                added.append(event)
    return events + added


def violence_cause(sent: Span, lexicon: Lexicon) -> tuple[Token, str] | None:
    """The word of ``sent`` that names a cause of violence, and its CAMEO code; None when there
    is none or when the sentence makes the harm an accident or natural ("a bus crash", "floods",
    "a fire"). The most specific code wins ("car bomb" 1832 over "explosion" 183)."""
    if _accident(sent):
        return None
    words = _words()
    lowered = [t.lower_ for t in sent]
    lemmas = [t.lemma_.lower() for t in sent]
    best: tuple[Token, str] | None = None
    for i, token in enumerate(sent):
        code = None
        for size in (2, 1):
            phrase = tuple(lowered[i:i + size])
            if len(phrase) == size and (phrase in words.causes or tuple(lemmas[i:i + size]) in words.causes):
                code = words.causes.get(phrase) or words.causes[tuple(lemmas[i:i + size])]
                break
        lexical = _lexicon_cause(token, lexicon)
        if lexical is not None and (code is None or len(lexical) > len(code)):
            code = lexical
        if code is not None and (best is None or _rank(code) > _rank(best[1])):
            best = (token, code)
    # "drove his car into a crowd": an attack that no noun of force names.
    return best or rammed_crowd(sent, words.ram_verbs, words.crowds)


def _aggregate(sent: Span) -> bool:
    """Whether the count is a tally over a period ("so far this year", "every year"): no one act."""
    words = _words()
    lowered = [t.lower_ for t in sent]
    if any(tuple(lowered[i:i + len(phrase)]) == phrase for i in range(len(lowered)) for phrase in words.aggregates):
        return True
    # "over the past year" is a tally; "over the past week", "in the last 24 hours" are one spate.
    return any(tuple(lowered[i:i + len(phrase)]) == phrase
               and any(w in words.long_periods for w in lowered[i + len(phrase):i + len(phrase) + PERIOD_REACH])
               for i in range(len(lowered)) for phrase in words.openings)


def _accident(sent: Span) -> bool:
    """Whether the sentence makes the harm an accident or natural: "a bus crash", "floods"."""
    words = _words()
    lowered = [t.lower_ for t in sent]
    # Words as written, not lemmas: "stormed a hotel" is no storm.
    return any(tuple(lowered[i:i + len(phrase)]) == phrase and not (
        phrase == ("fire",) and i > 0 and lowered[i - 1] in words.armed_fire)
        for i in range(len(lowered)) for phrase in words.accidents)


def _human_author(trigger: Token, here: list[ActorMention], lexicon: Lexicon) -> tuple[Token, str] | None:
    """"Suspected jihadists killed 14 villagers": an active verb of harm whose subject is an actor
    (one the actor stage found, coded or not) is violence, whatever its cause; the code is the
    verb's own (kill.v 190)."""
    if trigger.pos_ != "VERB":
        return None
    heads = {m.head for m in here}
    subject = next((c for c in trigger.children if c.dep_ == "nsubj" and c.i in heads), None)
    if subject is None:
        return None
    rows = [e for e in lexicon.candidates("VERB", trigger.lemma_.lower())
            if e.code[:2] in FORCE_ROOTS and not e.particles and not e.objects]
    if not rows:
        # A verb of harm the lexicon has no force row for is one whose subject suffers it
        # ("the man died"): the subject is the victim, not an author.
        return None
    return subject, rows[0].code


def _rank(code: str) -> tuple[int, int]:
    """A four-digit code says more than a three-digit one, and a specific one than its root's
    generic ("183" over "180"); violent protest (145) says least about the force."""
    return (len(code), 0 if code == VIOLENT_PROTEST else int(not code.endswith("0")))


def _lexicon_cause(token: Token, lexicon: Lexicon) -> str | None:
    """The code of the event lexicon's noun of force that ``token`` is, the row whose
    modifiers ("car", "air") the noun has ranking first; None for other words."""
    if token.pos_ not in ("NOUN", "PROPN") and not (token.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS):
        return None  # a gerund standing as a noun is one: "Russian shelling of Kherson killed two"
    narrowing = {c.lower_ for c in token.children if c.dep_ in NARROWING_DEPS}
    narrowing |= {c.lemma_.lower() for c in token.children if c.dep_ in NARROWING_DEPS}
    rows = lexicon.candidates("NOUN", token.lemma_.lower()) or lexicon.candidates("NOUN", token.lower_)
    found = [e for e in rows
             if (e.code[:2] in FORCE_ROOTS or e.code == VIOLENT_PROTEST) and not e.objects
             and (not e.particles or e.particles & narrowing)]
    if not found:
        return None
    return max(found, key=lambda e: (len(e.particles & narrowing) > 0, len(e.code))).code


def _force_event(sent: Span, index: int, counts: dict[str, dict[str, object]], here: list[ActorMention],
                 document: Document, lexicon: Lexicon, gazetteer: Gazetteer, countries: ArticleCountries,
                 keep_uncertain: bool, *, zero: bool = False) -> Event | None:
    """zero: the counts are all explicit zeros; the event is coded only for an act the sentence
    states as done (``zero_tolls``), whose reality stands for the negated verb of harm's."""
    kind = next(k for k in FORCE_KINDS if k in counts)
    trigger = _kind_token(sent, counts[kind], kind)
    if trigger is None:
        return None
    named = _named_agent(trigger, here, counts[kind])
    if named is not None and not named[1]:
        return None  # "a farmer killed a leopard": an active verb's author is the extractor's to code
    # "were ambushed and killed by militants": a passive's coded agent that the extractor, which
    # codes no event in this sentence, did not take (the victims are the subject of another verb).
    author = named[0] if named is not None else None
    cause = violence_cause(sent, lexicon)
    if cause is None and not _accident(sent):
        cause = _human_author(trigger, here, lexicon)
    if cause is None:
        return None
    cause_token, code = cause
    if code[:2] not in FORCE_ROOTS:
        # "killed in rioting": the riot (145) says there was violence, not what force killed.
        code = DEFAULT_FORCE_CODE
    if zero:
        act = act_of_zero_toll(trigger, cause_token)
        if act is None:
            return None
        reality = act_reality(act, document, lexicon, keep_uncertain)
    else:
        reality = act_reality(trigger, document, lexicon, keep_uncertain)
    if reality is None or time_act(cause_token, document.date).background:
        return None  # the cause's own clause may date it: "when a car bomb exploded in 1998"
    country = place_country(trigger, code, here, gazetteer, countries)
    victims = None if zero else _victims(here, counts[kind])  # "no civilians" is no one to target
    owner = None if author is not None else _owner(cause_token, here, victims)
    if author is not None:
        if victims is not None and victims.code == author.code:
            return None  # one actor on both sides, which the extractor codes no event of either
        source, why = author, f"source: the author of '{trigger.text}', coded"
    elif owner is not None:
        source, why = owner, f"source: the owner of '{cause_token.text}'"
    else:
        source = implied_actor(document.id, index, trigger.idx, country, [], RULE_UNNAMED)
        why = f"source: unnamed attackers{' in ' + country if country else ''} ('{cause_token.text}', no author named)"
    target = victims or (implied_actor(document.id, index, trigger.idx, country, [], "implicit: the country of the place")
                         if country else None)
    if source.code is None:
        # No author and no country anywhere in the sentence: an event keyed on no one and
        # nowhere would merge with every other such one in the store (dedup.event_key).
        return None
    notes = [why, f"cause '{cause_token.text}' gives {code}"]
    if zero:
        # The event is the act, not a harm that did not happen: "the air strike", not "killed".
        return _event(act_noun(cause_token), sent, index, document, source, target, code, reality,
                      [*notes, f"'{trigger.text}' names no one: a toll of zero"])
    return _event(trigger, sent, index, document, source, target, code, reality, notes)


def _arrest_event(sent: Span, index: int, counts: dict[str, dict[str, object]], here: list[ActorMention],
                  document: Document, lexicon: Lexicon, gazetteer: Gazetteer, countries: ArticleCountries,
                  keep_uncertain: bool) -> Event | None:
    trigger = _kind_token(sent, counts[ARREST_KIND], ARREST_KIND)
    if trigger is None or _thing_as_subject(trigger, here):
        return None
    reality = act_reality(trigger, document, lexicon, keep_uncertain)
    if reality is None:
        return None
    captivity = _captivity(trigger)
    country = place_country(trigger, captivity or ARREST_CODE, here, gazetteer, countries)
    police = [m for m in here if POLICE in m.sectors and m.code is not None and m.country == country]
    agent = _clause_agent(trigger, here, counts[ARREST_KIND])
    if captivity is not None and agent is None:
        return None  # "were held hostage": no police arrested them, and the captors are not named
    if agent is not None:
        # "authorities have ... taken 38 into custody": the subject of a phrase of arrest the
        # event lexicon has no row for makes the arrests.
        source, why = agent, "source: the subject of the clause of the arrests"
    elif police:
        source, why = police[0], "source: the police the sentence names (no one else is said to arrest)"
    elif country is not None:
        source = implied_actor(document.id, index, trigger.idx, country, [POLICE], "implicit: the police of the place")
        why = f"source: the police of {country} (arrests with no one named to make them)"
    else:
        source = implied_actor(document.id, index, trigger.idx, None, [POLICE], COUNTRYLESS_RULE)
        why = "source: police, country not given (arrests with no one named to make them)"
    victims = _victims(here, counts[ARREST_KIND])
    target = victims or (implied_actor(document.id, index, trigger.idx, country, [], "implicit: the country of the place")
                         if country else None)
    if captivity is not None:
        return _event(trigger, sent, index, document, source, target, captivity, reality,
                      [why, f"held captive or hostage: abduction {captivity}"])
    return _event(trigger, sent, index, document, source, target, ARREST_CODE, reality, [why])


def _captivity(trigger: Token) -> str | None:
    """The code of abduction when the held are kept captive or hostage ("held her captive",
    "were held hostage"): captors, not an arrest (``captive`` rows of unattributed.tsv)."""
    captive = _words().captive
    return next((captive[c.lower_] for c in trigger.children if c.lower_ in captive), None)


def _kind_token(sent: Span, count: dict[str, object], kind: str) -> Token | None:
    """The word that says what happened to the counted ("killed", "dead", "arrested"): the
    kind word nearest the count, in the sentence, one of the count's own kind first ("no one
    was killed but three were injured": the three go with "injured", not the nearer "killed")."""
    start, end = count["span"]  # type: ignore[misc]
    kinds = [t for t in sent if kind_of_word(t.lower_) == kind] or [t for t in sent if is_kind_word(t.lower_)]
    if not kinds:
        return None
    return min(kinds, key=lambda t: min(abs(t.idx - end), abs(t.idx - start)))  # type: ignore[operator]


def _named_agent(trigger: Token, here: list[ActorMention], count: dict[str, object]
                 ) -> tuple[ActorMention, bool] | None:
    """The author of the act that the actor stage coded ("police killed", "killed by
    soldiers"), and whether it is a passive's agent; None when there is none."""
    start, end = count["span"]  # type: ignore[misc]
    heads = {m.head: m for m in here if m.code is not None and m.head >= 0 and not (m.start <= start < m.end)}
    agents = [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return next(((heads[a.i], a in agents) for a in subjects + agents if a.i in heads), None)


def _thing_as_subject(trigger: Token, here: list[ActorMention]) -> bool:
    """"a cell meant for 35 held 155 men": an active verb of arrest whose subject is no actor
    says where people were held, not that anyone arrested them."""
    heads = {m.head for m in here}
    return trigger.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i not in heads for c in trigger.children)


def _clause_agent(trigger: Token, here: list[ActorMention], count: dict[str, object]) -> ActorMention | None:
    """The coded subject of the verb whose clause holds a noun of arrest ("taken 38 into
    custody", "made 12 arrests"), or of the verb it is joined to ("issued warrants ... and
    taken 38 into custody"); None for a passive or a verb of saying's clause."""
    start, _end = count["span"]  # type: ignore[misc]
    heads = {m.head: m for m in here if m.code is not None and m.head >= 0 and not (m.start <= start < m.end)}
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    while True:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.dep_ != "conj":
            break
        verb = verb.head
    return next((heads[s.i] for s in subjects if s.i in heads), None)


def act_reality(trigger: Token, document: Document, lexicon: Lexicon,
             keep_uncertain: bool) -> tuple[bool, str | None] | None:
    """(negated, modality) of the report, or None when it gives no event: negated, modal,
    hypothetical or denied (unless kept), or background ("were killed in the 1994 war"). A
    guess at the toll of an act the sentence states is no doubt about the act
    (``hedges.hedged_toll``: "may have been killed in an attack")."""
    negated = is_negated(trigger)
    if is_hypothetical(trigger):
        mode: str | None = "hypothetical"
    else:
        mode = modality(trigger)
        if mode == "possible" and not negated and hedged_toll(trigger, lexicon) is not None:
            mode = None
        mode = mode or embedding(trigger)
    if (negated or mode is not None) and not keep_uncertain:
        return None
    if time_act(trigger, document.date).background:
        return None
    return negated, mode


def place_country(trigger: Token, code: str, here: list[ActorMention], gazetteer: Gazetteer,
                   countries: ArticleCountries, *, places_only: bool = False) -> str | None:
    """The country of the place of the act, else the one country the sentence's places name
    ("the attack on the Chinese embassy in Manila": the Philippines, not China), else (unless
    ``places_only``) the one country its actors name."""
    found = locate_event(trigger, code, gazetteer, countries)
    if found is not None and found[0].country:
        return found[0].country
    places = {m.country for m in here if m.country and m.kind in PLACE_KINDS}
    if len(places) == 1:
        return next(iter(places))
    if places_only:
        return None
    named = {m.country for m in here if m.country}
    return next(iter(named)) if len(named) == 1 else None


def _victims(here: list[ActorMention], count: dict[str, object]) -> ActorMention | None:
    """The coded mention the count is part of ("At least 20 people", "three soldiers")."""
    start, end = count["span"]  # type: ignore[misc]
    for mention in here:
        if mention.code is not None and mention.start <= start < mention.end:  # type: ignore[operator]
            return mention
    return None


def _owner(cause: Token, here: list[ActorMention], victims: ActorMention | None) -> ActorMention | None:
    """The coded actor a cause noun belongs to: "Russian shelling", "Israel's airstrikes", or
    the actor phrase the cause is a modifier in ("by Russian artillery fire", which the actor
    stage codes RUSMIL whole); never the victims' own phrase. A cause that heads its phrase
    ("militants") is the attackers themselves, coded by their place as before."""
    heads = {m.head: m for m in here if m.code is not None}
    leader = _leader(cause, heads)
    if leader is not None:
        return leader
    for child in cause.children:
        if child.dep_ in OWNER_DEPS and child.i in heads:
            return heads[child.i]
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in heads:
                    return heads[obj.i]
    return next((m for m in here if m.code is not None and m.country and m is not victims and m.head != cause.i
                 and m.start <= cause.idx < m.end), None)


def _leader(cause: Token, heads: dict[int, ActorMention]) -> ActorMention | None:
    """"A Saudi-led coalition air strike": the coded leader of a coalition that modifies the
    cause owns it; the parse may hang "-led" on the cause, its modifier or theirs."""
    modifiers = [c for c in cause.children if c.dep_ in OWNER_DEPS]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in OWNER_DEPS]
    for modifier in [cause, *modifiers]:
        for led in modifier.children:
            if led.dep_ == "amod" and led.lemma_.lower() == LED:
                leader = next((g for g in led.children if g.i in heads), None)
                if leader is not None:
                    return heads[leader.i]
    return None


def _event(trigger: Token, sent: Span, index: int, document: Document, source: ActorMention,
           target: ActorMention | None, code: str, reality: tuple[bool, str | None], notes: list[str]) -> Event:
    info = get_code(code)
    if info is None:  # the data file's codes are checked on load; a lexicon row's are too
        raise ValueError(f"unattributed: unknown CAMEO code {code!r}")
    key = f"{document.id}|{index}|{trigger.i}|{source.code}|{target.code if target else ''}|{code}|unattributed"
    explanation = [f"no coded author: '{trigger.text}' reports victims with no one named to have acted", *notes]
    if target is not None:
        explanation.append(f"target {target.text or '(implied)'} [{target.code}] via {target.rule}")
    explanation.append(f"confidence {UNATTRIBUTED_CONFIDENCE}: the author is inferred")
    return event_at(trigger, sent, index, document, source, target, info, key, f"unattributed.{code}",
                    UNATTRIBUTED_CONFIDENCE, explanation, reality)

