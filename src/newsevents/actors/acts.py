"""Noun phrases that name acts and situations, not actors.

"A drone strike", "the Palestinian uprising" and "Russian shelling" are things done, not
who did them. The role tables still read some of their words as actors ("uprising" as rebels,
"drone" as the military), so the actor stage asks here whether a phrase's head is an act
noun: then the head's own role reading does not count, a weapon counts only with an owner
named ("an Israeli drone strike"), and a nationality before the act is its doer, a country,
not the country's people. The words live in ``data/actors/acts.tsv``.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Span, Token

from ..events.words import read_word_sets
from ..syntax import PLURAL_TAGS

__all__ = ["act_head", "act_roles", "attack_owners", "done_to", "is_weapon", "precedes_attack", "weapon_name"]

ACT_SETS = ("attack_nouns", "event_nouns")
# Tags the small parser gives an attack noun it misreads as a verb after a nationality
# ("Russian/NNP shelling/VBG"): the nationality then heads a phrase of its own.
VERB_TAGS = frozenset({"VBG", "VBN", "VBD", "VBZ", "VBP", "VB"})
# How many preposition phrases a place may sit below the act done to it: "fired at targets in
# Jericho", "a curfew in the town of Cizre".
PLACE_REACH = 3
PLACE_PREPS = frozenset({"in", "on", "at", "of", "near", "around", "inside", "across", "into", "over"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# How a role word modifies a kind of thing: "military aid", "police equipment".
KIND_DEPS = frozenset({"amod", "compound", "nmod"})


@lru_cache(maxsize=1)
def act_sets() -> Mapping[str, frozenset[str]]:
    """Every set of acts.tsv by name."""
    return read_word_sets((files("newsevents") / "data" / "actors" / "acts.tsv").read_text(encoding="utf-8"), "acts.tsv")


def _is_act_word(token: Token, sets: tuple[str, ...] = ACT_SETS) -> bool:
    words = act_sets()
    return any(token.lower_ in words[name] or token.lemma_.lower() in words[name] for name in sets)


def act_head(chunk: Span) -> bool:
    """Whether the noun phrase ``chunk`` names an act or a situation: its head is an attack
    noun ("a drone strike", "Israeli airstrikes") or an event noun ("the Palestinian uprising")."""
    return _is_act_word(chunk.root)


def act_roles(chunk: Span, role_words: Collection[int]) -> tuple[frozenset[int], list[int]]:
    """For a phrase naming an act, the role words whose reading does not count, and the weapons
    among them; for a phrase naming a kind of thing ("military aid"), the role words that
    modify its head; for any other phrase, none.

    The head's reading never counts ("the Palestinian uprising" is no rebel group); a weapon's
    counts only when the phrase names its owner ("a drone strike" is no one, "an Israeli drone
    strike" Israel's military), which the caller knows. role_words: indexes of role words."""
    if _is_act_word(chunk.root, ("kind_nouns",)):
        # "new military aid", "police equipment": a role word modifying the noun says what kind
        # of thing it is, and names no one; an owner ("the government's budget") still does, and
        # so does a nationality.
        return frozenset(t.i for t in chunk.root.children if t.i in role_words and t.dep_ in KIND_DEPS), []
    if not act_head(chunk):
        return frozenset(), []
    weapons = [t.i for t in chunk if t.i in role_words and t.i != chunk.root.i and is_weapon(t)]
    return frozenset([chunk.root.i, *weapons]), weapons


def is_weapon(token: Token) -> bool:
    """Whether a role word is a weapon ("drone", "missile"), not a body of people."""
    return token.lower_ in act_sets()["weapon_words"]


def weapon_name(token: Token) -> bool:
    """Whether a role word names a weapon by its model ("Predator"), a role only as the weapon
    of an act (``act_roles``) and otherwise the common word ("a sexual predator")."""
    return token.lower_ in act_sets()["weapon_names"]


def precedes_attack(token: Token) -> bool:
    """Whether the nationality ``token`` modifies an attack noun the parser took for a verb,
    the next word ("Heavy Russian shelling hit Kherson", "killed by Russian shelling").

    Only a singular nationality and the noun's own spelling count: "Ukrainians fire" and "a
    Russian fired" are people acting."""
    doc = token.doc
    if token.i + 1 >= len(doc) or token.tag_ in PLURAL_TAGS or token.lower_.endswith("s"):
        return False
    following = doc[token.i + 1]
    return following.tag_ in VERB_TAGS and following.lower_ in act_sets()["attack_nouns"]


def attack_owners(sent: Span, covered: set[int]) -> list[Span]:
    """One-word phrases for the words before an attack noun the parser took for a verb, which
    no noun phrase holds ("killed by Russian/NNP shelling/VBG"): the owner of the attack,
    for the actor stage to read like any other phrase. ``covered``: indexes of tokens already
    in a phrase."""
    return [sent.doc[t.i:t.i + 1] for t in sent
            if t.i not in covered and t.pos_ in ("PROPN", "ADJ", "NOUN") and precedes_attack(t)]


def done_to(place: Token) -> bool:
    """Whether a place is where an act of force or restriction falls (``place_acts``): it is
    the act's object ("shelled Kharkiv", "blockade Paris") or in a place phrase of the act or
    of the verb the act is the subject or object of ("a curfew in Abidjan", "fired at targets
    in Jericho", "street battles raged in central Baghdad"). "He lived in Moscow" is not."""
    token = place
    for _hop in range(PLACE_REACH + 1):
        if token.dep_ == "dobj":
            return _is_act_word(token.head, ("place_acts",))
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPS:
            return False
        token = token.head.head
        if _is_act_word(token, ("place_acts",)):
            return True
        if token.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ACTOR_DEPS and _is_act_word(c, ("place_acts",)) for c in token.children)
    return False
