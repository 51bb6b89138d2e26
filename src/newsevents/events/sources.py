"""Source finding: who performs a fired trigger.

The second stage of event extraction. The source is the subject of a verb, or the ``by`` agent
of a passive, the controller of an infinitive, the owner of an event noun or the subject of the
light verb or clause that carries it. The parse of a small model is often wrong, so each path
has fall-backs (a subject misparsed as the verb's head, an actor named by the subject's modifier
or apposition, a quantity's "of" phrase); a trigger that none of them resolves yields nothing.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors.acts import act_head
from ..actors.countryless import UNRESOLVED_ROLE
from ..actors.local_bodies import UNPLACED_RULES
from ..actors.relations import names_other_people
from ..model import ActorMention, implied_actor
from ..syntax import phrase_modifiers
from .arguments import ActorIndex, Trigger
from .employers import employer
from .lede import lede_subject
from .stray_agent import stray_agent
from .triggers import FINITE_TAGS, LIGHT_VERBS, MANNER_PREPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, light_verb_of
from .victims import suffers
from .words import word_pairs, words

# Pronouns in a reported clause that stand for the speaker's own side.
SPEAKER_PRONOUNS = words("speaker_pronouns")
SPEAKER_SIDE_NOUNS = words("speaker_side_nouns")
POSSESSIVE_PRONOUNS = words("possessive_pronouns")
VOICE_NOUNS = words("voice_nouns")
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
# Dependents of a noun that may name who it belongs to ("Russian aircraft", "Iran's navy").
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
OPENING_QUOTES = frozenset({"“", '"', "‘", "«", "``"})
CONSULT_ROOT = "04"
# Weapons and attacks standing as the author of force when no attacker is named.
WEAPON_NOUNS = words("weapon_nouns")
# Predicates whose subject performs the event noun or gerund they govern: "X is responsible
# for the killings", "were engaged in ethnic cleansing", "guilty of violating the truce".
AGENT_PREDICATES = word_pairs("agent_predicates")
# Tags of relative pronouns ("who", "which", "that" as a relative).
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# The note of sources found in an event noun's "between" phrase ("talks between X and Y").
BETWEEN_NOTE = "'between' phrase"
# Where an event noun's "between" phrase names its own parties: the subject of its clause, or
# a headline's root ("Talks between X and Y resume").
BETWEEN_SOURCE_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT"})
# Mediation: its "between" phrase names the parties reconciled, not the mediator.
MEDIATION_CODE = "045"
IN_PREPS = frozenset({"in", "inside"})
# Heads of a subject that count or group the actors of their "of" phrase.
QUANTITY_HEADS = words("quantity_heads")


def subject(token: Token, actors: ActorIndex, depth: int = 0) -> tuple[list[ActorMention], list[str]]:
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
                found, notes = subject(token.head, actors, depth + 1)
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
    if token.dep_ == "conj" and head.i != token.i and is_passive(head) and not is_passive(token):
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
        found, notes = subject(head, actors, depth + 1)
        return found, notes + ["inherited-subject"]
    if token.dep_ == "relcl" and head.i != token.i:
        if any(c.dep_ in SUBJECT_DEPS and not _parenthesised(c) for c in token.children):
            # "the bases it has seized": the clause has a subject of its own, whom no actor
            # names here; the noun it hangs on is what was seized, not who seized it. (A
            # subject in brackets is the noun's own acronym, misparsed: "The World Health
            # Organization (WHO) is providing ...".)
            return [], []
        return actors.with_conjuncts(head), ["relative clause"]
    if token.tag_ in FINITE_TAGS or token.tag_ == "VBN" and not is_passive(token) and (
            token.dep_ == "acl" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)):
        # A perfect ("had announced") is a finite verb group as much as a simple past is.
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
        found, notes = noun_source(head, (), actors)
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


def _misparsed_subject(token: Token, actors: ActorIndex) -> tuple[list[ActorMention], list[str]]:
    """A finite verb with no subject is a misparse: the small model often makes a long
    subject ("Iranian Acting Foreign Minister, Ali Bagheri Kani,") the root with the verb as
    its modifier, or hangs the subject on a preceding phrase. Take the actor that the verb
    modifies, or the one standing right before it."""
    if token.dep_ == "acl" and actors.at(token.head):
        return actors.with_conjuncts(token.head), ["inherited-subject", "verb modifies its subject"]
    left = token.i - 1
    # Adverbs and auxiliaries stand between a subject and its verb; a name the tagger took for
    # an adverb ("USAID provided") is the subject itself.
    while left >= token.sent.start and token.doc[left].pos_ in ("ADV", "PUNCT", "AUX", "PART") \
            and token.doc[left].dep_ != "punct" and actors.at(token.doc[left]) is None:
        left -= 1
    neighbour = actors.at(token.doc[left]) if left >= token.sent.start else None
    if neighbour is not None and not (token.doc[left].dep_ == "pobj" and token.doc[left].head.lower_ in IN_PREPS):  # "of a hospital in the UK told"
        return [neighbour], ["inherited-subject", "actor right before the verb"]
    return [], []


def _phrase_actors(token: Token, actors: ActorIndex) -> tuple[list[ActorMention], list[str]]:
    """The actor a subject phrase names: the phrase itself, or its national or group modifier
    when the head is no actor word ("Russian aircraft killed ..." is Russia acting)."""
    found = actors.with_conjuncts(token)
    if found:
        return found, []
    # The modifiers of the head, and of a word compounded to it ("Turkey's disaster agency
    # AFAD sent ...").
    for child in phrase_modifiers(token):
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
    if role is None and token.lemma_.lower() in VOICE_NOUNS:
        # "a spokeswoman for the UN refugee agency": a word for one who speaks or acts for a
        # body, which the role tables do not code, stands for the body it names
        found, notes = employer(token, actors.with_conjuncts)
        if found:
            return found, notes
    if uncoded_person(role):
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


def uncoded_person(mention: ActorMention | None) -> bool:
    """A role or a person's name the actor stage could not code (or place: actors.local_bodies)."""
    return mention is not None and mention.code is None and mention.rule in UNPLACED_RULES


def co_agents_of(token: Token, subject_tokens: list[Token], actors: ActorIndex) -> list[ActorMention]:
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


def agent_predicate(token: Token) -> Token | None:
    """The "responsible for", "engaged in", "guilty of" above an event noun or gerund."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep":
        return None
    return prep.head if (prep.head.lemma_.lower(), prep.lower_) in AGENT_PREDICATES else None


def _agent_predicate_subject(token: Token, actors: ActorIndex) -> list[ActorMention]:
    """The subject of an agent predicate above an event noun or gerund: who was responsible
    did it."""
    predicate = agent_predicate(token)
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


def noun_source(token: Token, targets: tuple[str, ...], actors: ActorIndex, code: str = "") -> tuple[list[ActorMention], list[str]]:
    """Who performs an event noun: its possessor, a "by"/"of" phrase, a demonym, or the
    subject of the light verb or clause it sits in."""
    for child in token.children:
        if child.dep_ == "poss" and actors.at(child):
            return actors.with_conjuncts(child), ["possessor"]
        if child.dep_ in ("prep", "agent") and child.lower_ in {"by"} | ({"from", "of"} - set(targets)):
            for obj in child.children:
                if obj.dep_ == "pobj" and actors.at(obj):
                    return actors.with_conjuncts(obj), [f"'{child.lower_}' phrase"]
        if child.dep_ == "acl" and child.tag_ == "VBN":
            # "a drone strike ordered by Trump", "an attack carried out by Hamas": the agent of
            # the participle that describes the act is who did it
            found = [m for agent in child.children if agent.dep_ == "agent" for m in pobj_actors(agent, actors)]
            if found:
                return found, ["'by' phrase of its participle"]
        if child.dep_ == "prep" and child.lower_ == "of":
            # "the expulsion of 40 diplomats by Germany": the parser hangs the noun's "by"
            # phrase on its "of" object.
            for agent in (g for obj in child.children if obj.dep_ == "pobj" for g in obj.children):
                if agent.dep_ in ("prep", "agent") and agent.lower_ == "by":
                    found = pobj_actors(agent, actors)
                    if found:
                        return found, ["'by' phrase"]
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and actors.at(child):
            return actors.with_conjuncts(child), ["modifier"]
    for child in token.children:
        # "US Predator attacks": the owner modifies the modifier.
        if child.dep_ == "compound":
            owners = [g for g in child.children if g.dep_ in ("compound", "amod") and actors.at(g)]
            if owners:
                return actors.with_conjuncts(owners[0]), ["modifier"]
    if "between" not in targets and (parties := between_parties(token, actors)):
        return parties, [BETWEEN_NOTE]  # "clashes between X and Y": both sides act, jointly
    found, notes = _clause_source(token, actors, code)
    if not found and token.dep_ in BETWEEN_SOURCE_DEPS and code != MEDIATION_CODE and (
            parties := between_parties(token, actors)):
        # "Talks between Iran and the United States resumed": the subject of its clause, with
        # no one else named as its actor, a reciprocal act has its parties as actors, each
        # with the others. As an object it may be another's act ("oversee a ceasefire between
        # X and Y"), and a mediation's "between" names whom it reconciles, not the mediator.
        return parties, [BETWEEN_NOTE]
    return found, notes


def pobj_actors(prep: Token, actors: ActorIndex) -> list[ActorMention]:
    """The actors a preposition's objects name, each with those coordinated with it."""
    return [m for obj in prep.children if obj.dep_ == "pobj" for m in actors.with_conjuncts(obj)]


def between_parties(token: Token, actors: ActorIndex) -> list[ActorMention]:
    """The two or more parties of the word's own "between" phrase, or none."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            parties = pobj_actors(child, actors)
            if len(parties) > 1:
                return parties
    return []


def _clause_source(token: Token, actors: ActorIndex, code: str) -> tuple[list[ActorMention], list[str]]:
    """Who performs an event noun that names no actor of its own: the agent its predicate
    names, the subject of its light verb, or of the clause it is a phrase of."""
    head = token.head
    owner = _agent_predicate_subject(token, actors)
    if owner:
        return owner, ["inherited-subject", f"agent of '{head.head.text} {head.text}'"]
    carrier = light_verb_of(token) or (head if token.dep_ == "nsubjpass" and head.pos_ == "VERB"
                                        and head.lemma_ in LIGHT_VERBS else None)
    if carrier is not None:
        found, notes = subject(carrier, actors)
        return found, notes + [f"light verb '{carrier.text}'"]
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in FRAME_PREPS and head.head.pos_ == "VERB":
        verb = head.head
        if head.lower_ == "after" and not code.startswith(CONSULT_ROOT):
            return [], []  # "after talks with X, Y said": Y talked; "imposed a curfew after a demonstration": no
        if head.lower_ in ("in", "during") and suffers(verb):
            return [], []  # "two soldiers died in the attack": victims, not its authors
        if head.lower_ in ("in", "during") or verb.lemma_ in LIGHT_VERBS or head.lower_ == "for" and verb.lemma_ in GATHERING_VERBS:
            found, notes = subject(verb, actors)
            return found, notes + [f"clause of '{verb.text}'"]
    return [], []


def _parenthesised(token: Token) -> bool:
    """Whether the word stands in brackets: "(WHO)"."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"


def is_passive(token: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ in ("auxpass", "agent") for c in token.children)


def unnamed_perpetrators(trigger: Trigger, sent: Span, actors: ActorIndex, doc_id: str,
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
