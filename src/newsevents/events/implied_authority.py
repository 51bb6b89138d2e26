"""Passive acts of courts and governments whose agent the sentence leaves out (issue 17).

"Two guards were charged on Tuesday with falsifying records", "the journalist was sentenced to
five years", "150 migrants returned home after being deported": the act has no "by" agent, so
the extractor, which needs a source, codes nothing. Only a state institution does these acts,
so who did it is not in doubt, only which state: the implied source is the institution of
``data/lexicon/implied_authority.tsv`` (courts and prosecutors, ``JUD``, for charges and
sentences; the government, ``GOV``, for deportations) of the country the sentence gives:

- judicial acts: the country of the place of the act, else the target's own country;
- deportations: the one country the sentence names that is not the target's (a state deports
  foreigners); with none, or several, no event.

The target is the coded actor the act is done to: the passive subject, or for "after being
deported" the subject of the clause the phrase modifies. No coded target, a "by" agent, a
negated, modal, hypothetical or background report, or an event already coded at the verb:
no event. The code is the event lexicon's plain row for the verb.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from ..codebook import get_code
from ..geo import ArticleCountries, Gazetteer
from ..model import ActorMention, Document, Event, implied_actor
from .lexicon import Lexicon, tsv_rows
from .made import event_at
from .triggers import matching_entry
from .unattributed import act_reality, place_country

__all__ = ["IMPLIED_AUTHORITY_CONFIDENCE", "agentless_passive", "code_implied_authority", "plain_code"]

HEADER = ("lemma", "sectors", "country", "requires", "note")
# As an unattributed arrest: the institution is sure, its country is inferred.
IMPLIED_AUTHORITY_CONFIDENCE = 0.6
COUNTRY_RULES = frozenset({"place", "other"})
# "after being deported", "before being charged": a clause whose subject is the main clause's.
SUBORDINATE_DEPS = frozenset({"pcomp", "advcl", "xcomp"})
# How far up through adverbial clauses and conjuncts to look for that subject.
CLIMB = 3
CLIMB_DEPS = frozenset({"advcl", "conj"})


@dataclass(frozen=True)
class _Authority:
    sectors: tuple[str, ...]
    country: str  # one of COUNTRY_RULES
    requires: frozenset[str]  # one must be in the verb's phrase; empty: none needed


@lru_cache(maxsize=1)
def _authorities() -> dict[str, _Authority]:
    text = files("newsevents.data.lexicon").joinpath("implied_authority.tsv").read_text(encoding="utf-8")
    return read_authorities(text, "implied_authority.tsv")


def read_authorities(text: str, name: str) -> dict[str, _Authority]:
    """The rows of an implied-authority table, by lemma; ValueError on a bad country rule."""
    table: dict[str, _Authority] = {}
    for number, row in tsv_rows(text, name, HEADER):
        lemma, sectors, country = row[0].strip().lower(), row[1].strip(), row[2].strip()
        if country not in COUNTRY_RULES:
            raise ValueError(f"{name}:{number}: country must be one of {sorted(COUNTRY_RULES)}, not {country!r}")
        requires = frozenset(w.lower() for w in row[3].split("|") if w.strip() not in ("", "-"))
        table[lemma] = _Authority(tuple(s for s in sectors.split("|") if s), country, requires)
    return table


def code_implied_authority(events: list[Event], doc: Doc, document: Document, mentions: list[ActorMention],
                           lexicon: Lexicon, gazetteer: Gazetteer, *, keep_uncertain: bool = False) -> list[Event]:
    """The events, plus one for each agentless passive act of a state institution found.

    Returns a new list: the events, then the new ones in sentence order.
    """
    coded = {(e.sentence_index, e.trigger_start) for e in events}
    countries = ArticleCountries(mentions)
    table = _authorities()
    added: list[Event] = []
    for index, sent in enumerate(doc.sents):
        here = [m for m in mentions if m.sentence_index == index]
        for token in sent:
            authority = table.get(token.lemma_.lower())
            if authority is None or token.pos_ != "VERB" or (index, token.idx) in coded:
                continue
            event = _implied_event(token, authority, sent, index, here, document, lexicon, gazetteer, countries,
                                   keep_uncertain)
            if event is not None:
                added.append(event)
    return events + added


def agentless_passive(verb: Token) -> bool:
    """Whether ``verb`` is a passive with no "by" agent and no object of its own (a passive with
    one is another sense: "was charged a fee", "$5 million")."""
    children = list(verb.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ in ("agent", "dobj", "dative") for c in children)


def _passive_target(verb: Token, here: list[ActorMention]) -> ActorMention | None:
    """The coded mention the passive act is done to, or None."""
    if not agentless_passive(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects:
        subjects = _clause_subjects(verb)
    if not subjects:
        return None
    # A headline run into its lede can give the verb two subjects: the nearer is the lede's.
    subject = min(subjects, key=lambda s: abs(s.i - verb.i))
    # "Dozens of migrants": the group's members are the ones the act is done to.
    heads = [subject] + [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"]
    return next((m for h in heads for m in here if m.code is not None and m.country
                 and (m.head == h.i or m.start <= h.idx < m.end)), None)


def _clause_subjects(verb: Token) -> list[Token]:
    """For "after being deported": the subject of the clause the phrase modifies, climbing
    through adverbial clauses ("returned home broke after being deported") a few steps."""
    if verb.dep_ not in SUBORDINATE_DEPS:
        return []
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
    for _ in range(CLIMB):
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects or head.dep_ not in CLIMB_DEPS or head.head is head:
            return subjects
        head = head.head
    return []


def _authority_country(verb: Token, authority: _Authority, target: ActorMention, here: list[ActorMention],
                       code: str, gazetteer: Gazetteer, countries: ArticleCountries) -> str | None:
    if authority.country == "place":
        return place_country(verb, code, here, gazetteer, countries) or target.country
    others = {m.country for m in here if m.country and m.country != target.country}
    return next(iter(others)) if len(others) == 1 else None


def plain_code(verb: Token, lexicon: Lexicon) -> str | None:
    """The code of the verb's plain transitive row (no particle, any object)."""
    plain = [e for e in lexicon.candidates("VERB", verb.lemma_)
             if not e.particles and not e.objects and "dobj" in e.targets]
    return plain[0].code if plain else None


def _implied_code(verb: Token, lexicon: Lexicon) -> str | None:
    """The code of the row whose object the passive subject is ("diplomats were expelled":
    161, not the expulsion of individuals), else of the verb's plain row."""
    own = matching_entry(verb, lexicon)
    return own.code if own is not None and own.objects and not own.particles else plain_code(verb, lexicon)


def _implied_event(verb: Token, authority: _Authority, sent: Span, index: int, here: list[ActorMention],
                   document: Document, lexicon: Lexicon, gazetteer: Gazetteer, countries: ArticleCountries,
                   keep_uncertain: bool) -> Event | None:
    code = _implied_code(verb, lexicon)
    if authority.requires and not any(t.lemma_.lower() in authority.requires for t in verb.subtree):
        return None
    target = _passive_target(verb, here)
    if code is None or target is None:
        return None
    reality = act_reality(verb, document, lexicon, keep_uncertain)
    if reality is None:
        return None
    country = _authority_country(verb, authority, target, here, code, gazetteer, countries)
    if country is None:
        return None
    source = implied_actor(document.id, index, verb.idx, country, list(authority.sectors),
                           f"implicit: {''.join(authority.sectors)} of the country ({authority.country})")
    info = get_code(code)
    if info is None:
        return None
    key = f"{document.id}|{index}|{verb.i}|{source.code}|{target.code}|{code}|implied-authority"
    explanation = [f"passive '{verb.text}' with no agent: only a state institution does it",
                   f"source {source.code} (implied), target {target.text} [{target.code}] via {target.rule}",
                   f"confidence {IMPLIED_AUTHORITY_CONFIDENCE}: the institution's country is inferred"]
    return event_at(verb, sent, index, document, source, target, info, key, f"implied-authority.{code}",
                    IMPLIED_AUTHORITY_CONFIDENCE, explanation, reality)
