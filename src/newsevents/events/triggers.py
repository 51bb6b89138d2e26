"""Trigger finding: which tokens fire a lexicon row in a sentence, and with which code.

The first stage of event extraction. Each token whose (pos, lemma) the lexicon knows is a
candidate trigger; the most specific row whose particle and object constraints hold fires. The
context then settles the code: a frame ("agreed to", "threatened to", "said it would") takes the
code of the act it embeds, a manner or event noun makes a verb's code more specific, and a noun
that a coded verb carries is no event of its own. It is apart from the argument search because
the other stages and coders ask only this of the lexicon: whether a row fires on a word
(``matching_entry``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..syntax import has_subordinator, small_clause
from .arguments import Trigger, conjuncts
from .attitude import is_attitude_only
from .conditional_threat import as_threat
from .future import as_intent, reported_code
from .lexicon import Lexicon, LexiconEntry
from .reality import FUTURE_AUX, NOT_DONE, UNCERTAIN_MODALS, has_null_participant, is_adjunct_clause, names_no_instance
from .reality import embedding as _embedding
from .reality import has_hypothetical_mark as _has_hypothetical_mark
from .reality import is_hypothetical as _is_hypothetical
from .reality import is_negated as _is_negated
from .reality import modality as _modality
from .words import words

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# A past or third-person present verb is indicative: what is asserted, never what is asked
# (a demand's "that" clause takes the bare subjunctive: "insisted that Iran halt").
INDICATIVE_TAGS = frozenset({"VBD", "VBZ"})
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
# Verbs whose participle complement is done by whoever gives the order ("ordered X jailed").
ORDERING_VERBS = words("ordering_verbs")
# A frame's own code when its table has no row for the embedded event.
FRAME_DEFAULTS = {"intent": "030", "reject": "120", "demand": "100", "appeal": "020", "threaten": "130"}
# Frames whose modal alone says what the statement is ("Y must ..." is a demand on Y, "it
# will not ..." a rejection), so they are coded even when the complement's verb is not in the lexicon.
EXPLICIT_FRAMES = frozenset({"demand", "appeal", "reject"})
STATEMENT_ROOT = "01"
GENERIC_STATEMENT = "010"
REJECT_FRAME = "reject"
# Stances a protest may be held "in": disapproval and rejection ("in defiance of").
STANCE_ROOTS = frozenset({"11", "12"})
# Protest; with no target named, the government of the protesters' country is the target.
PROTEST_ROOT = "14"
# A protest's purpose clause ("to demand ...", "demanding ...", "to protest ...") is the protest.
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})
PROTEST_PURPOSE_ROOTS = frozenset({"02", "10", "11", "14"})
# Violent verbs whose code a manner noun may make more specific ("killed in a car bombing").
GENERIC_FORCE_CODES = frozenset({"180", "190"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
MANNER_PREPS = words("manner_preps")
# Nouns that take their meaning from a compound modifier ("mediation mission", "aid programme",
# "the ceasefire agreement").
LIGHT_HEADS = words("light_heads")
# Heads of temporal phrases ("on Sunday"), which never fill a predicate's preposition.
TIME_WORDS = words("time_words")
# Quantities whose "of" phrase names what is given or sent ("tons of food aid").
MEASURE_NOUNS = words("measure_nouns")


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    question = sent.text.rstrip().endswith("?")
    found: dict[int, Trigger] = {}
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
        trigger = new_trigger(token, entry, question)
        reported = not entry.frame and entry.code.startswith(STATEMENT_ROOT) and not entry.targets
        if entry.frame:
            _apply_frame(trigger, lexicon, consumed)
        elif reported:
            _apply_reported_frame(trigger, lexicon, consumed)
        light = light_verb_of(token)
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


def new_trigger(token: Token, entry: LexiconEntry, question: bool) -> Trigger:
    """A row fired on a token, with what its clause says of its reality. An event noun a
    light verb carries has the verb's reality: "will extend the curfew" is an intention, "did
    not hold talks" negated."""
    clause = light_verb_of(token) or token
    embedding = _embedding(clause)
    return Trigger(token, entry, entry.code, negated=_is_negated(token) or _is_negated(clause) or embedding in NOT_DONE,
                   modality=embedding if embedding in ("alleged", "possible") else _modality(clause),
                   hypothetical=question or _is_hypothetical(clause) or names_no_instance(token))


def _conditional_intent(trigger: Trigger, lexicon: Lexicon) -> None:
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


def _unrealised_under_frames(found: dict[int, Trigger], consumed: set[int]) -> None:
    """Acts inside what a frame intends, asks or threatens are not reported as done: "vowed to
    fight until they gain control", "would blockade Paris to demand an end to ...", and the
    event noun the intended verb carries ("pledged to hold talks": the frame codes the talks)."""
    inners = {t.inner.i for t in found.values() if t.inner is not None}
    for i, trigger in found.items():
        if i in consumed or trigger.modality not in (None, "future"):
            continue
        node = trigger.token
        while node.head.i != node.i:
            if node.head.i in inners and (node.dep_ in ("advcl", "xcomp", "ccomp", "conj", "relcl", "acl", "acomp")
                                          or node.dep_ == "dobj" and _carried_by(trigger.token, node.head)):
                trigger.modality = "possible"
                trigger.notes.append(f"inside the framed act '{node.head.text}'")
                break
            node = node.head


def _carried_by(noun: Token, verb: Token) -> bool:
    """Whether ``verb`` is the light verb that carries the event noun ``noun``."""
    light = light_verb_of(noun)
    return light is not None and light.i == verb.i


def _more_specific(code: str, than: str) -> bool:
    """Same root, and finer: 1831 is finer than 183, 195 than 190 (x0 is a root's catch-all)."""
    return code[:2] == than[:2] and code != than and (code.startswith(than) or than.endswith("0") and len(than) == 3)


def _refine_by_noun(verb: Trigger, noun: Trigger, lexicon: Lexicon) -> None:
    """"launched a chemical attack on X", "went on hunger strike": the verb's generic code gives
    way to the more specific code of the event noun it carries."""
    # A noun row narrowed by its modifier knows the act better than the verb's row in its root,
    # and in any root where the verb's row only carries the bare noun's act: "launched a cyber
    # attack" (176), "a suicide attack" (1831), "a scathing attack" (111) are no generic assault
    # (190, the bare "attack"); "called off the general strike" is still the calling off.
    narrowed = bool(noun.entry.particles) and lexicon_pos(noun.token) == "NOUN" and (
        noun.code[:2] == verb.code[:2] or verb.code in _bare_codes(noun.token, lexicon))
    carried = noun.token.dep_ == "dobj" and verb.token.lemma_ in LIGHT_VERBS or noun.token.dep_ == "pobj"
    if carried and (_more_specific(noun.code, verb.code) or narrowed and noun.code != verb.code):
        # A noun row narrowed by its modifier ("phone talks") knows the act better.
        verb.notes.append(f"event noun {noun.token.text} ({noun.entry.id}) -> {noun.code}")
        verb.code = noun.code


def _bare_codes(noun: Token, lexicon: Lexicon) -> set[str]:
    """The codes of the noun's rows that no modifier or object narrows: its bare act."""
    return {e.code for e in lexicon.candidates("NOUN", noun.lemma_) if not e.particles and not e.objects}


def _protest_purpose(trigger: Trigger, found: dict[int, Trigger], consumed: set[int]) -> None:
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


def _adopt_manner(trigger: Trigger, found: dict[int, Trigger], consumed: set[int]) -> None:
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


def _governor(trigger: Trigger, found: dict[int, Trigger]) -> Trigger | None:
    """The coded verb an event noun is part of: "refused to resume talks" is one rejection,
    not also a negotiation. None when the noun stands as an event of its own."""
    token = trigger.token
    if token.pos_ == "VERB":
        return None
    token = light_head_of(token)  # "ended mediation efforts": the efforts are what was ended
    if token.dep_ == "pobj":
        prep, verb = token.head, found.get(token.head.head.i)
        if verb is None and prep.lower_ == "of" and prep.head.dep_ in OBJECT_DEPS:
            # "declared a state of siege": the noun names the kind of the row's own object.
            holder = found.get(prep.head.head.i)
            return holder if holder is not None and prep.head.lemma_.lower() in holder.entry.objects else None
        if verb is None:
            return None
        if prep.lower_ in CONTENT_PREPS and verb.code[:2] in VERBAL_ROOTS:
            return verb  # "claimed responsibility for the attacks", "condemned X for the raid"
        if prep.lower_ == "in" and verb.code[:2] == trigger.code[:2] and not has_null_participant(verb.token):
            return verb  # "a hunger strike in protest of ...": the strike is the protest
        if prep.lower_ == "in" and verb.code[:2] == PROTEST_ROOT and trigger.code[:2] in STANCE_ROOTS:
            verb.stance = verb.stance or trigger  # "in defiance of Beijing", "in opposition to the bill"
            return verb
        if prep.lower_ == "of" and token.lemma_.lower() in verb.entry.objects:
            return verb  # "a suspension of aid": the aid is what the suspension acts on
        return verb if prep.lower_ in verb.entry.particles else None
    head = found.get(token.head.i)
    if head is None or head.token.i == token.i or token.dep_ not in ("dobj", "nsubjpass", "attr"):
        return None
    if head.token.lemma_ in LIGHT_VERBS and head.code == GENERIC_STATEMENT:
        return None  # "announced the suspension of aid": the noun carries the event
    return head


def lexicon_pos(token: Token) -> str:
    return "NOUN" if token.pos_ == "PROPN" else token.pos_


def _lemmas(token: Token) -> list[str]:
    """The token's lemma, and for the tail of a word written in two parts also the whole
    word: "cease-fire" is tokenised cease, -, fire, and "war games" is a compound noun before
    "game"; they are also "ceasefire" and "wargame"."""
    lemma = token.lemma_.lower()
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return [doc[i - 2].lower_ + lemma, lemma]
    if i >= 1 and doc[i - 1].dep_ == "compound" and doc[i - 1].head.i == i and doc[i - 1].is_alpha:
        return [lemma, doc[i - 1].lower_ + lemma]
    return [lemma]


def matching_entry(token: Token, lexicon: Lexicon) -> LexiconEntry | None:
    for lemma in _lemmas(token):
        for entry in lexicon.candidates(lexicon_pos(token), lemma):
            if _constraints_hold(token, entry):
                return entry
    return None


def particle_of(token: Token, entry: LexiconEntry) -> Token | None:
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
        # And it reads a particle right after the verb as an adjective of the object ("set
        # free 20 prisoners": "free" modifies "prisoners").
        for obj in token.children:
            if obj.dep_ == "dobj":
                for child in obj.children:
                    if child.dep_ == "prep" and child.lower_ in entry.particles and child.i > obj.i \
                            or child.dep_ == "amod" and child.i == token.i + 1 and child.lower_ in entry.particles:
                        return child
    return None


def _is_time_phrase(prep: Token) -> bool:
    """"on Sunday", "in March", "on 12 May": a date, not the predicate's preposition."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.lower_ in TIME_WORDS or o.ent_type_ in ("DATE", "TIME") or o.like_num
                                 for o in objects)


def _constraints_hold(token: Token, entry: LexiconEntry) -> bool:
    particle = particle_of(token, entry) if entry.particles else None
    if entry.particles and particle is None:
        return False
    if entry.forbidden_particles and _has_modifier(token, entry.forbidden_particles):
        return False
    objects = objects_of(token, particle) if entry.objects or entry.forbidden_objects or entry.object_presence else []
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
    particle = particle_of(token, entry) if entry.particles else None
    return bool(entry.objects) and _names_object(objects_of(token, particle), entry)


def _names_object(objects: list[Token], entry: LexiconEntry) -> bool:
    return any(lemma in entry.objects for obj in objects for lemma in _lemmas(obj))


def _has_modifier(token: Token, words: frozenset[str]) -> bool:
    """Whether a particle, preposition or (for a noun) modifier is one of ``words``."""
    deps = _particle_deps(token)
    return any(c.dep_ in deps and c.lower_ in words for c in token.children)


def _particle_deps(token: Token) -> frozenset[str]:
    """The dependents that may fill a row's particle cell: for a noun, also its modifiers."""
    return PARTICLE_DEPS | NOUN_MODIFIER_DEPS if lexicon_pos(token) == "NOUN" else PARTICLE_DEPS


def objects_of(token: Token, particle: Token | None) -> list[Token]:
    """Direct objects (or a passive subject, or the object of a prepositional particle)."""
    if particle is not None and particle.dep_ in ("prep", "agent") or particle is not None and not any(
            c.dep_ in OBJECT_DEPS for c in token.children):
        # The particle's object, or that of its own preposition: "pulled out of the deal".
        objects = [c for c in particle.children if c.dep_ == "pobj"] or [
            g for p in particle.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    elif lexicon_pos(token) == "NOUN":
        # A nominalisation's object is its "of" phrase: "the suspension of aid" = "suspend aid".
        objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    else:
        objects = [c for c in token.children if c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        clause = small_clause(token) if not objects else None
        if clause is not None:
            objects = list(clause)  # "found the minister guilty", as "found him guilty" in the passive
        if not objects and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            objects = [token.head]  # "a statement released in Nairobi": the noun was released
    found = [part for obj in objects for part in conjuncts(obj)]
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


def _apply_frame(trigger: Trigger, lexicon: Lexicon, consumed: set[int]) -> None:
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
            if child.dep_ == "ccomp" and child.pos_ == "ADJ" and child.i > token.i and has_subordinator(child):
                # "demanded that Sweden extradite ..." with the verb tagged an adjective, or
                # "demanded that the government be accountable": its subject is who is asked.
                uncoded = uncoded or child
                continue
            if child.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "pcomp") or child.pos_ not in ("VERB", "NOUN", "AUX"):
                continue
            if child.dep_ == "ccomp" and child.i < token.i:
                continue  # "The army lifted the blockade, officials told AFP": reported, not asked
            if child.dep_ == "advcl" and (child.tag_ == "VBG" or _has_hypothetical_mark(child)) or is_adjunct_clause(child):
                # "rejected the calls, saying ...", "asked about X when ...": adjuncts, not what
                # was rejected; "vowed forceful measures if Pelosi visited": the condition
                continue
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
            if token.lemma_ in ORDERING_VERBS and _ordered_done(child, token):
                code = entry.code  # "ordered the leader detained": as "ordered the arrest of"
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


def _ordered_done(participle: Token, verb: Token) -> bool:
    """"ordered the leader detained", "ordered nine ministers jailed": a participle said of
    the one ordered about, which whoever orders it does (an infinitive, "ordered the army to
    withdraw", is a demand on the army)."""
    if participle.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "mark") for c in participle.children):
        return False
    if participle.dep_ == "ccomp":
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < participle.i for c in participle.children)
    return participle.dep_ == "acl" and participle.head.dep_ == "dobj" and participle.head.head.i == verb.i


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


def _apply_reported_frame(trigger: Trigger, lexicon: Lexicon, consumed: set[int]) -> None:
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


def light_verb_of(token: Token) -> Token | None:
    """The light verb that carries an event noun as its object ("held talks") or its passive
    subject ("a request was sent"), as the "of" phrase of its object ("launched ten days of war
    games", "sent a message of condolence"), or as the "in" phrase of a sum it names
    ("announced $2.5 billion in aid")."""
    if token.pos_ == "VERB":
        return None
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "launched artillery, mortar and rocket fire"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "dobj":
        token = token.head.head
    elif token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.dep_ == "dobj" \
            and (token.head.head.like_num or any(c.dep_ == "nummod" for c in token.head.head.children)):
        token = token.head.head  # "announced $2.5 billion in new aid": the sum stands for it
    token = light_head_of(token)
    head = token.head
    return head if token.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_ in LIGHT_VERBS else None


def light_head_of(token: Token) -> Token:
    """The light noun an event noun modifies ("a mediation effort", "a peace mission"), which
    stands in the clause for it; else the noun itself."""
    head = token.head
    return head if token.dep_ == "compound" and head.i != token.i and head.lemma_.lower() in LIGHT_HEADS else token
