"""Companies the tables do not know, told apart from people by how the article writes of them.

Business and court news names many companies no actor table lists ("WeWork", "Acme"), and the
actor stage reads an unknown name as an unknown person. The article itself often says what the
name is: "WeWork's founder", "Acme's shareholders", "a WeWork spokesperson" are a company's, as
is a name followed by "Inc" or "Corp". Such a name, everywhere in the article, is a business
(BUS) of one country (``place_companies``): the one of the actors its first sentence names, else
the one the whole article names. Not the places of each sentence, as for roles: business news names the
counterpart's country beside the company's own ("SoftBank agreed to invest in WeWork"). With no
such country it stays uncoded, as a company may be of any country.

A short name of a company the tables know under its full name ("SoftBank" after "SoftBank
Group Corp") is that company (``lend_full_names``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import ActorMention
from .countryless import GUESSED_RULES, SENTENCE_PLACE_RULE
from .knowledge import company_cues
from .private_people import UNRESOLVED_PERSON

COMPANY_RULE = "unresolved-company"
SHORT_NAME_RULE = "coref:company-short-name"
BUSINESS = "BUS"


def lend_full_names(mentions: list[ActorMention]) -> None:
    """Give an unknown name the code of a coded mention whose name is it followed only by
    company endings ("SoftBank" / "SoftBank Group Corp"); in place."""
    _possessions, _compounds, suffixes = company_cues()
    full: dict[tuple[str, ...], ActorMention] = {}
    for mention in mentions:
        if mention.code and mention.name:
            words = mention.name.split()
            cut = len(words)
            while cut > 1 and words[cut - 1].lower() in suffixes:
                cut -= 1
            if cut < len(words):
                full.setdefault(tuple(words[:cut]), mention)
    if not full:
        return
    for mention in mentions:
        if mention.rule == UNRESOLVED_PERSON and mention.name:
            known = full.get(tuple(mention.name.split()))
            if known is not None:
                mention.code, mention.country = known.code, known.country
                mention.sectors, mention.rule = list(known.sectors), SHORT_NAME_RULE


def mark_companies(mentions: list[ActorMention], doc: Doc) -> None:
    """Make each unknown name the article writes of as a company a business to be placed; in place."""
    names = {m.name for m in mentions if m.rule == UNRESOLVED_PERSON and m.name}
    if not names:
        return
    # Each name's occurrences, looked up by its last word: one pass over the document.
    ends: dict[str, list[Token]] = {}
    for token in doc:
        ends.setdefault(token.text, []).append(token)
    companies = {name for name in names if _written_as_company(doc, name.split(), ends.get(name.split()[-1], []))}
    for mention in mentions:
        if mention.rule == UNRESOLVED_PERSON and mention.name in companies:
            mention.sectors, mention.rule = [BUSINESS], COMPANY_RULE


def place_companies(mentions: list[ActorMention]) -> None:
    """Give every mention of each company (``mark_companies``) one country; in place."""
    firsts: dict[str, ActorMention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.rule == COMPANY_RULE and mention.name:
            firsts.setdefault(mention.name, mention)
    if not firsts:
        return
    # Countries the text names, not those the actor stage guessed for roles.
    named = [m for m in mentions if m.country and m.rule not in GUESSED_RULES
             and m.rule != SENTENCE_PLACE_RULE and m.rule != COMPANY_RULE]
    whole = {m.country[:3] for m in named}
    for name, first in firsts.items():
        # Only actors count in the first sentence (the regulator or court that deals with the
        # company, "Kenyan regulators are investigating Zulamart"): a bare place there is as often
        # a market or a deal's other side ("Alibaba's Hong Kong listing").
        here = {m.country[:3] for m in named if m.sentence_index == first.sentence_index and m.code != m.country}
        countries = here if len(here) == 1 else whole
        if len(countries) != 1:
            continue
        (country,) = countries
        for mention in mentions:
            if mention.rule == COMPANY_RULE and mention.name == name:
                mention.code, mention.country, mention.rule = country + BUSINESS, country, COMPANY_RULE


def _written_as_company(doc: Doc, words: list[str], last_words: list[Token]) -> bool:
    """Whether some occurrence of the name in ``doc`` (``last_words``: the tokens that may end
    one) owns a company's things, modifies a company's noun or is followed by a company ending."""
    possessions, compounds, suffixes = company_cues()
    if len(words) > 1 and words[-1].lower() in suffixes:
        return True  # "Zulamart Holdings"
    width = len(words)
    for token in last_words:
        if token.i + 1 < width:
            continue
        if [t.text for t in doc[token.i + 1 - width:token.i + 1]] != words:
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.lower_ in suffixes and following.text[:1].isupper():
            return True
        if token.dep_ == "poss" and _owned(token.head) & possessions:
            return True
        if token.dep_ == "compound" and token.head.lower_ in compounds and token.head.i == token.i + 1:
            return True
    return False


def _owned(noun: Token) -> set[str]:
    """The possessed noun and the nouns compounded into it ("core business goals")."""
    return {noun.lower_} | {child.lower_ for child in noun.children if child.dep_ == "compound"}
