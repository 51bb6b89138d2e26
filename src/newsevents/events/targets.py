"""Target finding: whom a fired trigger acts on.

The third stage of event extraction. The row's target slots come first, then the paths the
row's frame or code opens (the one asked in an appeal's clause, the embedded act's or the
manner noun's slots, a protest's purpose, a threat's condition), then a search to the right of
the predicate, as the parse often hangs the target elsewhere. A place stands only for acts
done to a place; a capital addressed is its government. Where the text names no target, a
domestic act is aimed at its own country and a protest at a government.
"""
from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from ..model import ActorMention, implied_actor
from ..syntax import clause_head, small_clause
from .arguments import ActorIndex, Trigger
from .attribution import reports
from .authors import inside_preps
from .beneficiary import BENEFIT_ROOTS, helped_party
from .employers import employer
from .infinitive_object import infinitive_subjects
from .missed_target import asks_uncoded
from .reality import HYPOTHETICAL_MARKS, has_mark
from .sources import IN_PREPS, RELATIVE_TAGS, agent_predicate, is_passive, uncoded_person
from .triggers import (OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, PROTEST_ROOT, STATEMENT_ROOT, SUBJECT_DEPS, light_head_of,
                       light_verb_of, objects_of, particle_of)
from .words import words

# Prepositions of an object's own phrase, on whose noun a target phrase may hang ("a memorandum
# of understanding with Ethiopia", "intelligence on missile components with Ukraine").
OBJECT_PHRASE_PREPS = frozenset({"of", "on", "about", "over"})
# Prepositions that belong to the noun they hang on, not to the verb over it.
OBJECT_OWN_PREPS = frozenset({"with", "of"})
# Prepositions of a venue, on whose noun the parser may hang the act's own target phrase:
# "filed a lawsuit in a Paris court against X", "a petition before the tribunal against X".
# Only a venue that is a body counts: "in protest against", "in talks with" and places keep
# their phrases.
VENUE_PREPS = frozenset({"in", "at", "before"})
# Verbal acts that are addressed to someone: demands, disapproval, rejection and threats.
ADDRESSED_ROOTS = frozenset({"10", "11", "12", "13"})
# Appeals and demands, whose thing asked for is done by whom they are addressed to.
ASKING_ROOTS = frozenset({"02", "10"})
# Only the state and political actors act on their country as a whole.
STATE_AND_POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "ELI", "OPP", "REB", "INS", "UAF", "PTY",
                                         "SPY", "LAB"})
# Acts that, done by a domestic actor in a sentence about its own country only, are aimed at
# that country when the text names no target: commitments, yielding, demands, rejections,
# threats, force and coercion (not statements, meetings, cooperation or aid, which need a
# partner, nor protest, whose implicit target is the government).
DOMESTIC_TARGET_ROOTS = frozenset({"03", "08", "10", "11", "12", "13", "15", "16", "17", "18", "19", "20"})
# The rule of that inferred target; the same-code check keeps it for a country named bare.
DOMESTIC_RULE = "implicit: the source's own country (domestic act)"
# A state named bare ("Bangladesh imposed a nationwide curfew", "Sri Lanka declared a state of
# emergency") acts at home by repression; its missiles, vows and threats are aimed abroad even
# where the sentence does not say at whom, so they get no domestic target.
BARE_STATE_DOMESTIC_ROOTS = frozenset({"17"})
# The actor stage's rule for a country named by its name ("Bangladesh"), not by a demonym.
COUNTRY_RULE = "country"
# Nouns a target preposition takes that name no target: "on behalf of", "on the sidelines of".
NOT_TARGET_NOUNS = frozenset({"behalf", "sidelines", "sideline", "margins", "margin"})
# Prepositions that introduce a target when the lexicon row's own slots find none.
GENERIC_TARGET_PREPS = words("generic_target_preps")
# Codes whose target may be a place rather than an actor ("visited Baghdad").
PLACE_TARGET_CODES = frozenset({"042", "044"})
# Material acts on a place act on its country ("shelled Juba" is an attack on Sudan, "sent
# aid to Gaza" aid to the Palestinians); verbal acts (01-05, 10-14) must name their target.
PLACE_TARGET_ROOTS = frozenset({"06", "07", "08", "09", "15", "16", "17", "18", "19", "20"})
THREATEN_ROOT = "13"
REJECT_ROOT = "12"
UNTIL_MARKS = words("until_marks")
# A content clause's subordinator ("the announcement that Keita won").
COMPLEMENTIZERS = frozenset({"that"})
# How many words after an object-less preposition may hold its object.
DANGLING_WINDOW = 4
# Prepositions after which a capital is addressed, not a place: "talks with Tehran".
ADDRESSEE_PREPS = words("addressee_preps")
# Rallying support (053): the target is who is to be supported, not who is urged.
RALLY_SUPPORT = "053"
# Codes whose target may be the place "in" which they happen.
IN_PLACE_ROOTS = PLACE_TARGET_ROOTS
# How deep to look inside an object phrase for its actor ("condemned the attacks by X").
MAX_OBJECT_DEPTH = 3


def _targets(trigger: Trigger, actors: ActorIndex, passive: bool) -> tuple[list[ActorMention], list[str]]:
    token, entry = trigger.token, trigger.entry
    particle = particle_of(token, entry) if entry.particles else None
    owners = [token] + ([obj for obj in objects_of(token, particle)] if entry.objects else [])
    # "signed a memorandum of understanding with Ethiopia", "shared intelligence on missile
    # components with Ukraine": the phrase hangs on the noun of the object's own phrase.
    owners += [g for obj in owners[1:] for c in obj.children if c.dep_ == "prep" and c.lower_ in OBJECT_PHRASE_PREPS
               for g in c.children if g.dep_ == "pobj"]
    owners += [g for owner in owners[:] for c in owner.children if c.dep_ == "prep" and c.lower_ in VENUE_PREPS
               for g in c.children if g.dep_ == "pobj" and _is_institution(g, actors)]
    if light_head_of(token) is not token:
        owners.append(token.head)  # "a mediation effort between India and Pakistan"
    carrier = light_verb_of(token)
    if carrier is not None:
        owners.append(carrier)  # "staged rallies in Gaza against Abbas": the verb holds the phrase
        if token.dep_ == "pobj" and token.head.head.head.i == carrier.i:
            owners.append(token.head.head)  # "announced $10 million in aid for Ukraine": or the sum does
    elif token.pos_ != "VERB" and token.dep_ == "pobj" and (predicate := agent_predicate(token)) is not None:
        owners.append(predicate)  # "engaged in ethnic cleansing ... against Albanians"
    if token.pos_ == "VERB":
        # "donated and delivered goods to the school": coordinated verbs share the phrase.
        owners.extend(c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB")
    # The parser often hangs the verb's phrase on its object ("massed troops along the border"),
    # though not a "with" phrase, which is mostly the object's own ("trade talks with China").
    hosts = [] if entry.objects else [c for c in token.children if c.dep_ == "dobj"]
    places: tuple[list[ActorMention], list[str]] | None = None
    for slot in entry.targets:
        candidates: list[Token] = []
        if slot == "dobj":
            deps = PASSIVE_SUBJECT_DEPS | {"nsubj"} if passive else frozenset({"dobj", "dative"})
            candidates = [c for c in token.children if c.dep_ in deps]
            clause = small_clause(token) if not candidates and not passive else None
            if clause is not None:
                candidates = [clause[0]]  # "found the minister guilty": the clause's subject
            if not candidates and not passive:
                # "condemned and criticized Somalia": coordinated verbs share the object.
                partners = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"]
                candidates = [c for v in partners for c in v.children if c.dep_ == "dobj"] or infinitive_subjects(token)
        else:
            for owner in owners + (hosts if slot not in OBJECT_OWN_PREPS else []):
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
                found, notes = actor_inside(candidate, actors, 0), notes + ["object-search"]
            if found and all(m.rule == "place" for m in found):
                # "demanded the withdrawal of Vietminh forces from the port of Haiphong": a
                # place in one slot yields to a party in another, as most acts are aimed at
                # parties; a place stands only where no slot names one.
                places = places or (found, notes)
            elif found:
                return found, notes
    return places or ([], [])


def _is_institution(noun: Token, actors: ActorIndex) -> bool:
    """Whether ``noun`` heads a coded actor that is a body, not a place ("a Paris court")."""
    found = actors.at(noun)
    return found is not None and found.code is not None and found.rule not in ("place", COUNTRY_RULE)


def _fallback_targets(heads: list[Token], actors: ActorIndex, sources: list[ActorMention],
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
                # "on behalf of the lawmakers" names whom the actor acts for, not at; "on the
                # sidelines of an African Union summit", where it was done.
                phrases = [c for c in child.children if c.dep_ == "pobj" and c.lower_ not in NOT_TARGET_NOUNS]
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
                found = [m for m in (own or actor_inside(phrase, actors, 0)) if m not in sources]
                if phrase.lemma_.lower() in things and code[:2] not in ASKING_ROOTS:
                    found = [m for m in found if not _doer_of(phrase, m, actors, sources)]
                if found:
                    return found, ["object-search", f"fallback via '{child.text}'"]
    return [], []


def _doer_of(thing: Token, mention: ActorMention, actors: ActorIndex, sources: list[ActorMention]) -> bool:
    """Whether ``mention`` owns the act the row names as its thing and is on its source's side:
    "reiterated Kenya's support for the talks" is Kenya's support, given by Kenya's minister,
    so Kenya is who supports, not whom; "rejected Uganda's proposal" still answers Uganda. An
    act asked for is asked of its owner, on whichever side (ASKING_ROOTS: "the opposition
    demanded the president's resignation")."""
    owned = any(child.dep_ == "poss" and actors.at(child) is mention for child in thing.children)
    return owned and any(mention.code == s.code or mention.country is not None and mention.country == s.country
                         for s in sources)


def _places_in(prep: Token, actors: ActorIndex) -> list[ActorMention]:
    """The places (or countries) a locative preposition names: "in Montenegro province"."""
    return [m for c in prep.children if c.dep_ == "pobj" for m in actors.with_conjuncts(c)
            if m.rule in ("place", COUNTRY_RULE) or actors.any_noun]


def act_place(token: Token, actors: ActorIndex) -> list[ActorMention]:
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


def protest_target(trigger: Trigger, actors: ActorIndex, sources: list[ActorMention]) -> tuple[list[ActorMention], list[str]]:
    """Whom a protest that names no target is aimed at: whom it defies ("in defiance of
    Chinese authorities"), or the first actor its purpose clause names."""
    if trigger.stance is not None:
        found, notes = _targets(trigger.stance, actors, False)
        if found:
            return found, notes + [f"target of '{trigger.stance.token.text}'"]
    return _purpose_target(trigger.token, actors, sources)


def _purpose_target(token: Token, actors: ActorIndex, sources: list[ActorMention]) -> tuple[list[ActorMention], list[str]]:
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


def _condition_subject(trigger: Trigger, actors: ActorIndex, sources: list[ActorMention],
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


def _dangling(prep: Token, actors: ActorIndex) -> list[ActorMention]:
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


def actor_inside(token: Token, actors: ActorIndex, depth: int) -> list[ActorMention]:
    """The actor an object phrase is about: "the genocide perpetrated by the Israeli regime",
    "Israel's actions", "the attacks of the rebels"."""
    if depth >= MAX_OBJECT_DEPTH:
        return []
    if uncoded_person(actors.by_token.get(token.i)):
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
                    found = actors.with_conjuncts(obj) or actor_inside(obj, actors, depth + 1)
                    if found:
                        return found
        if child.dep_ in ("acl", "relcl", "appos"):
            found = actors.with_conjuncts(child) or actor_inside(child, actors, depth + 1)
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


def event_targets(trigger: Trigger, sent: Span, actors: ActorIndex, sources: list[ActorMention],
                  passive: bool) -> tuple[list[ActorMention], list[str]]:
    """The targets of a trigger with target slots or an embedded act, by the first path that
    finds any: the row's slots, the supported party of 053, the subject of an appeal's or a
    demand's clause, the embedded act's slots, a manner noun's slots, a threat's condition,
    then the fall-back search. Places count only for acts done to a place."""
    targets, target_notes = _targets(trigger, actors, passive) if trigger.entry.targets else ([], [])
    inner_entry = trigger.inner_entry
    inner = Trigger(trigger.inner, inner_entry, inner_entry.code, False, None, False) \
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
        targets, target_notes = _targets(inner, actors, is_passive(inner.token))
        target_notes.append("target of the embedded event")
    if not targets and trigger.manner is not None and trigger.manner.entry.targets:
        # "Israeli air raids on army positions killed four soldiers": the raid's target.
        targets, target_notes = _targets(trigger.manner, actors, False)
        target_notes = target_notes + [f"target of '{trigger.manner.token.text}'"]
    if not targets and trigger.code[:2] == PROTEST_ROOT:
        targets, target_notes = protest_target(trigger, actors, sources)
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


def domestic_target(trigger: Trigger, sent: Span, actors: ActorIndex, source: ActorMention) -> list[ActorMention]:
    """A domestic actor's act that names no target, in a sentence about one country only
    ("the interim government is prepared to impose martial law", "the union called off its
    strike"), is aimed at its own country: the target is the country, as an empty span at
    the trigger marked as inferred. A sentence naming another country or an international
    body gives none. A country named bare is given its own country only for repression
    (BARE_STATE_DOMESTIC_ROOTS), which the same-code check then keeps (DOMESTIC_RULE)."""
    if trigger.targetless:
        return []  # a model event may stand without a target; it is not given an inferred one
    if trigger.code[:2] not in DOMESTIC_TARGET_ROOTS or not source.country:
        return []
    bare_state = source.code == source.country
    if bare_state and (source.rule != COUNTRY_RULE or trigger.code[:2] not in BARE_STATE_DOMESTIC_ROOTS):
        # "North Korea fired two missiles", "Iran vowed to retaliate": aimed abroad, at no one
        # named; "Danish supermarket group Salling": a demonym in an unknown name is no state.
        return []
    if trigger.entry.frame == "intent" and trigger.code == trigger.entry.code:
        return []  # "plans to use private landers": an intention to do nothing codable aims at no one
    if not bare_state and not set(source.sectors) & STATE_AND_POLITICAL_SECTORS:
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
                            DOMESTIC_RULE)]


def _uncoded_addressee(trigger: Trigger, actors: ActorIndex) -> bool:
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


def protested_government(source: ActorMention, token: Token, actors: ActorIndex) -> ActorMention | None:
    """The implicit target of a protest that names none: the government of the country the
    protest is held in ("Palestinian prisoners rioted at a jail in northern Israel"), or else
    of the protesters' own country (CAMEO 14 usage: the target is the party protested
    against; domestic protest is against the state). An empty span at the trigger marks it
    as inferred."""
    if not source.country or "GOV" in source.sectors or source.code is None or not source.code.startswith(source.country):
        return None
    held_in = {m.country for m in act_place(token, actors) if m.country}
    country, rule = source.country, "implicit: government of the protesters' country"
    if len(held_in) == 1 and held_in != {source.country}:
        (country,) = held_in
        rule = "implicit: government of the country protested in"
    return implied_actor(source.doc_id, source.sentence_index, token.idx, country, ["GOV"], rule)
