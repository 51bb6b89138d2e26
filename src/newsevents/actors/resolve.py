"""Find actor mentions in a parsed document and resolve them to CAMEO actor codes.

A mention is a base noun phrase (spaCy's noun chunks) whose words the knowledge recognises:
a country, demonym, capital or seat of government, an organisation or armed group, a dated
office holder, a role word, or a person's name next to one of those. The code is built from
the parts: the country (from a demonym, a name, a possessive or an "of" phrase) and the sectors
(from role words). Nothing is guessed: a name with no title or known office stays uncoded.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .coref import resolve_object_pronouns, resolve_plural_references
from ..model import ActorMention, Document
from ..geo import PLACE_NOUNS, Gazetteer
from .acts import act_roles, attack_owners, done_to, precedes_attack, weapon_name
from .countryless import (EMPLOYER_PREPS, SENTENCE_PLACE_RULE, SUBJECT_DEPS, UNRESOLVED_ROLE, foreign_role,
                          join_bodies, office_of_unknown, place_unlocated_roles)
from ..syntax import PLURAL_TAGS, noun_chunks, phrase_modifiers
from .knowledge import (HYPHENS, ActorFact, AgentFact, Knowledge, country_bound_roles, head_only_roles,
                        language_heads, person_title_roles)
from .companies import lend_full_names, mark_companies, place_companies
from .private_people import AGED_RULE, UNRESOLVED_PERSON, mark_aged_people
from .names import UNION_WORDS, inside_region, not_a_person, union_is_labour
from .phrases import cut_at_dashes, left_out_phrases, word_of_a_longer_name
from .places import name_places
from .possessor import place_pronoun_owned_roles
from .shared_names import settle_shared_names
from .local_bodies import bound_role, place_bound_roles, place_local_bodies
from .late_coref import name_placed_roles
from .led_forces import name_led_forces
from .relations import unlink_relations

# Words before an office that say it is no longer held, and what its holder then is (issue 15):
# offices of state are GOV, LEG, JUD; their former holders are elites, ELI.
FORMER_WORDS = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown"})
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD"})
FORMER_SECTOR = "ELI"
# Dependency labels where a noun phrase is doing something, so that a capital or a seat of
# government stands for its government ("Tehran said") rather than a place ("in Tehran").
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "ROOT", "conj", "appos"})
# Kinds that name a country outright; a demonym or capital only contributes one.
COUNTRY_KINDS = frozenset({"country"})
# Lower-case articles that begin Arabic names: "al-Qaeda", "al Shabaab", "el-Sisi".
NAME_PARTICLES = frozenset({"al", "el", "ad", "ash", "as", "an", "ar"})
# Prefixes that make a country word a stance: "anti-Syria", "pro-Western".
STANCE_PREFIXES = frozenset({"anti", "pro"})
PLACE_KINDS = frozenset({"capital", "city", "seat"})
# A nationality used as a noun ("Nigerians", "an Egyptian") names people of the country.
PEOPLE_SECTOR = "CVL"
# The tables that list countries' names (knowledge.ACTOR_TABLES): a plural found there is a name.
COUNTRY_NAME_TABLES = frozenset({"geonames_countries.tsv", "countries_odbl.tsv", "countryinfo_ccbysa.tsv"})
MODIFIER_COUNTRY_KINDS = frozenset({"country", "adjective", "capital", "city"})
PERSON_KINDS = frozenset({"person"})
# Titles of address before a name that are not role words: "Mr Trump" is Trump.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "sheikh", "sheik", "ayatollah", "mullah", "comrade"})
# Sectors of a title before a name ("President", "Senator", "General", "rebel leader").
TITLE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "ELI", "OPP", "PTY", "REB", "INS", "UAF"})
# Codes whose dictionary names say nothing the code does not: non-state armed groups (a
# state's sectors, MIL, PTY, LAB, do not apply to them) and courts ("Criminal" is no CRM).
SELF_DESCRIBED_CODES = frozenset({"REB", "INS", "UAF", "SEP", "JUD"})
# Preferred reading when a phrase has several: offices held on the date, then groups,
# countries, demonyms, then places.
KIND_PRIORITY = {"person": 0, "igo": 1, "group": 1, "actor": 2, "country": 3, "adjective": 4, "seat": 5, "capital": 6, "city": 7}
# A trade union (LAB) names its members' trade in an "of" phrase: "the Union of Teachers".
LABOUR_SECTOR = "LAB"
MEMBER_PREPS = frozenset({"of"})
# Words that a possessor's country flows through: "Iraq's foreign minister", "of Iraq".
OF_PREPS = frozenset({"of", "from"})
IGO_KIND = "igo"
ORGANISATION_KINDS = frozenset({IGO_KIND, "group"})
# The sector of words for people at large ("community").
CIVILIAN_SECTORS = frozenset({"CVL"})
# "rebels in Darfur": where a group is, used only when nothing else gives its country.
IN_PREPS = frozenset({"in"})
SUBJECT_PRONOUNS = frozenset({"he", "she"})
# A subject pronoun before coreference gives it an antecedent (and after, if none does).
UNRESOLVED_PRONOUN = "unresolved-pronoun"
DATELINE_FOLLOWERS = frozenset({"(", "-", "—", "–", ","})
# How far back (in sentences) a pronoun or role word looks for its antecedent.
COREF_WINDOW = 3
# Where a place noun keeps the name of its place: "Chad's capital", "the Deraa countryside",
# "the Kenyan capital".
PLACE_NAME_DEPS = ("poss", "compound", "amod")


@dataclass(slots=True)
class _Parts:
    """What one noun phrase says about an actor, before a code is assembled."""

    group: ActorFact | None = None
    office: ActorFact | None = None
    head_country: str | None = None
    head_kind: str | None = None
    head_code: str | None = None
    countries: list[tuple[str, str, Span]] = field(default_factory=list)  # (code, how, where)
    sectors: list[str] = field(default_factory=list)
    role_head: bool = False
    name_tokens: list[Token] = field(default_factory=list)
    location: tuple[str, Span] | None = None  # "rebels in Darfur": a weaker source of country


def find_actors(doc: Doc, document: Document, knowledge: Knowledge, *,
                gazetteer: Gazetteer | None = None) -> list[ActorMention]:
    """Return the actor mentions of a parsed document, coreference applied, in text order.

    gazetteer: places to locate roles the text gives no country ("police ... in Lucknow", the
    dateline); without it, such roles are coded by their sectors alone (``countryless``).
    """
    mentions: list[ActorMention] = []
    partners: dict[int, ActorMention] = {}
    # The doc's noun chunks, found once: Span.noun_chunks re-walks far more than its span.
    sentences = list(doc.sents)
    sentence_of = [0] * len(doc)  # token index -> its sentence's start (Token.sent walks the sentence)
    for sent in sentences:
        sentence_of[sent.start:sent.end] = [sent.start] * len(sent)
    chunks_by_sentence: dict[int, list[Span]] = {}
    for chunk in noun_chunks(doc):
        chunks_by_sentence.setdefault(sentence_of[chunk.root.i], []).append(chunk)
    for index, sent in enumerate(sentences):
        mentions.extend(_sentence_mentions(sent, index, document, knowledge, partners,
                                           chunks_by_sentence.get(sent.start, [])))
    mentions = name_led_forces(mentions, doc, document.id, knowledge)  # "the Saudi-led coalition"
    mentions = unlink_relations(mentions, doc)  # "Trump supporters" are not Trump
    _apply_coreference(mentions, doc, document, partners)
    resolve_plural_references(mentions, doc, document)  # "they", "the group", "the militants" (issue 17)
    name_places(mentions, doc, gazetteer)  # "targets in Jericho": a place, not a person
    settle_shared_names(mentions, doc, gazetteer)  # "militias in Tripoli, the north Lebanese port"
    place_local_bodies(mentions, doc, gazetteer)  # "the Columbus Police Department"
    lend_full_names(mentions)  # "SoftBank" after "SoftBank Group Corp"
    mark_aged_people(mentions, doc)  # "arrested Jane Doe, 33,": a private person
    mark_companies(mentions, doc)  # "WeWork's founder": a company
    place_pronoun_owned_roles(mentions, doc)  # "his government": the country of whoever "his" is
    _locate_roles(mentions, doc)
    place_unlocated_roles(mentions, doc, document, gazetteer)
    join_bodies(mentions, doc)  # "the leaders of the Peoples Democratic Party" are the party's
    place_companies(mentions)
    place_bound_roles(mentions, doc)  # "Officers also arrested ...": the police body named before
    name_placed_roles(mentions, doc)  # "The suspect, Michael Webb, ...": now that the suspect is placed
    resolve_object_pronouns(mentions, doc, document)  # "pinning 800 students and fired on them"
    return [m for m in mentions if m.code is not None or m.rule.startswith("unresolved")]


def _located_in(doc: Doc, mention: ActorMention) -> bool:
    """A country named as where something is ("in Serbia"), not as an actor."""
    head = doc[mention.head] if 0 <= mention.head < len(doc) else None
    return head is not None and head.dep_ == "pobj" and head.head.lower_ in ("in", "inside", "within")


def _locate_roles(mentions: list[ActorMention], doc: Doc) -> None:
    """A role still without a country after coreference ("protesters", "the judge") takes the
    country of the places where it acts ("protesters gathered in Kirkuk", "people blocked
    streets in Hong Kong" are Iraqi and Hong Kong people): where a group acts is the best
    remaining evidence of whose it is. Places elsewhere in the sentence count only when the
    sentence names no other country ("businesses agree that China has taken advantage of the
    United States" says nothing of the businesses, though firms operate "in China")."""
    places: dict[int, list[ActorMention]] = {}
    named: dict[int, set[str | None]] = {}
    coded_heads = {m.head for m in mentions if m.code}
    for mention in mentions:
        if mention.country and (mention.rule == "place" or mention.rule == "country" and _located_in(doc, mention)):
            places.setdefault(mention.sentence_index, []).append(mention)
        elif mention.country:
            named.setdefault(mention.sentence_index, set()).add(mention.country)
    for mention in mentions:
        if mention.code is not None or mention.rule not in (UNRESOLVED_ROLE, AGED_RULE) \
                or not (mention.sectors or mention.kind == "ethnic"):
            continue
        if office_of_unknown(doc, mention, coded_heads):  # "president of Chapter & Verse, a Seattle agency"
            continue
        if foreign_role(mention, doc):  # "foreign workers in Doha" are not Qatar's
            continue
        here = places.get(mention.sentence_index, [])
        near = {p.country for p in here if p.country and _acts_at(doc, mention, p)}
        countries = near or {p.country for p in here if p.country}
        if not near and not named.get(mention.sentence_index, set()) <= countries:
            continue
        if len(countries) == 1:
            (country,) = countries
            mention.code = country + "".join(mention.sectors)
            mention.country, mention.rule = country, SENTENCE_PLACE_RULE


def _acts_at(doc: Doc, role: ActorMention, place: ActorMention) -> bool:
    """Whether the place is in the role's own phrase ("Ethnic Albanians in south Serbia") or
    on the verb it is the subject, passive agent or object of, or that verb's object ("people
    blocked streets in Hong Kong", "killed two fighters near Jilib", "a rally held by nurses in
    Accra")."""
    if not (0 <= role.head < len(doc) and 0 <= place.head < len(doc)):
        return False
    head, where = doc[role.head], doc[place.head]
    if where.i in {t.i for t in head.subtree}:
        return True
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.head.i:
        head = head.head.head  # "thousands of people": the quantity is the verb's argument
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if _passive_agent(head) and head.head.dep_ == "agent":
        verb = head.head.head  # "a march staged by students in Sivas": the agent acts where its verb is
    holders = {verb.i} | {c.i for c in verb.children if c.dep_ == "dobj"} if verb is not None else set()
    while where.dep_ == "pobj" and where.head.dep_ == "prep":
        # "near the town of Jilib in southern Somalia": up the chain of places
        where = where.head.head
        if where.i in holders:
            return True
    return False


def _actor_facts(facts: Iterable[object], date: str | None) -> list[ActorFact]:
    """Facts that hold on the document's date, the dated ones (offices held then) first.

    With no date, undated facts and current (open-ended) offices hold; failing those, a past
    office still gives its country when every record of the phrase agrees on the country."""
    actor_facts = [f for f in facts if isinstance(f, ActorFact)]
    undated = [f for f in actor_facts if f.start is None and f.end is None]
    dated = [f for f in actor_facts if f not in undated]
    if date is not None:
        current = [f for f in dated if f.valid_on(date)]
    else:
        current = [f for f in dated if f.end is None]
        if not current and not undated and len({f.code[:3] for f in dated}) == 1:
            current = [max(dated, key=lambda f: f.end or "")]
    return sorted(current, key=_kind_rank) + sorted(undated, key=_kind_rank)


def _kind_rank(fact: ActorFact) -> int:
    return KIND_PRIORITY.get(fact.kind, 9)


def _case_ok(tokens: list[Token]) -> bool:
    """Proper names must look like names: capitalised, and short ones in capitals (US, UN),
    so that "us", "turkey" or "chad" in running text never match. A leading "the" is not
    part of the test ("the US")."""
    if len(tokens) > 1 and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    first = tokens[0].text
    if len(tokens) == 1 and len(first.replace(".", "")) <= 3:
        return first.isupper()
    if len(tokens) > 1 and first in NAME_PARTICLES:
        # "al-Qaeda", "al-Shabaab": a lower-case article before a capitalised name
        return any(t.text[:1].isupper() for t in tokens[1:] if t.text not in HYPHENS)
    return first[:1].isupper()


def _sentence_mentions(sent: Span, sentence_index: int, document: Document, knowledge: Knowledge,
                       partners: dict[int, ActorMention], noun_chunks: list[Span]) -> list[ActorMention]:
    # Matching skips hyphens (see match_words); ``positions`` maps back to doc tokens.
    positions = [t.i for t in sent if t.text not in HYPHENS]
    words = [sent.doc[i].lower_ for i in positions]
    actor_at: dict[int, tuple[int, int, list[ActorFact]]] = {}
    for start, end, facts in knowledge.actors.matches(words):
        first, last = positions[start], positions[end - 1] + 1
        usable = _actor_facts(facts, document.date)
        if inside_region(words, start, end):
            continue  # "Latin America": a region, not the country a word of it names
        tokens = list(sent.doc[first:last])
        # A two- or three-letter name the leaders table marks safe alone is written capitalised:
        # "Xi", which in capitals is a numeral ("XI").
        short_alone = bool(usable) and all(f.alone for f in usable) and len(tokens) == 1 and len(tokens[0].text) <= 3
        if usable and (tokens[0].text.istitle() if short_alone else _case_ok(tokens)):
            for i in range(first, last):
                actor_at[i] = (first, last, usable)
    agent_at: dict[int, tuple[str, ...]] = {}
    for start, end, facts in knowledge.agents.matches(words):
        sectors = tuple(s for f in facts if isinstance(f, AgentFact) for s in f.sectors)
        first, last = positions[start], positions[end - 1] + 1
        for i in range(first, last):
            agent_at[i] = sectors
        # The longer phrase wins: "National Security Council" is a role, not the UN's Council.
        for i in range(first, last):
            span = actor_at.get(i)
            if span is not None and first <= span[0] and span[1] <= last and last - first > span[1] - span[0]:
                del actor_at[i]
    mentions: list[ActorMention] = []
    by_root: dict[int, ActorMention] = {}
    for chunk in _chunks(sent, noun_chunks, actor_at):
        for mention in _resolve_chunk(chunk, sentence_index, document, knowledge, actor_at, agent_at):
            mentions.append(mention)
            if mention.head == chunk.root.i:
                by_root[chunk.root.i] = mention
    _pair_appositions(by_root, sent.doc, partners)
    return mentions


def _chunks(sent: Span, noun_chunks: list[Span],
            actor_at: dict[int, tuple[int, int, list[ActorFact]]]) -> list[Span]:
    """Base noun phrases of the sentence, plus possessors nested inside them ("Iraq's"), nouns
    the parser attached by no named relation, and the names the tables know that the parser
    left in no phrase ("vetoed a Security Council resolution censuring ...", where it took
    "censuring" for the object and the resolution for its modifier)."""
    chunks = [cut_at_dashes(chunk) for chunk in noun_chunks]
    seen = {c.root.i for c in chunks}
    for chunk in list(chunks):
        # A possessor of the head, or of a word compounded to it ("Turkey's disaster agency AFAD").
        for child in phrase_modifiers(chunk.root):
            if child.dep_ == "poss" and child.pos_ == "PROPN" and child.i not in seen:
                left = min(t.i for t in child.subtree)
                chunks.append(cut_at_dashes(sent.doc[left:child.i + 1]))
                seen.add(child.i)
    chunks.extend(attack_owners(sent, {t.i for c in chunks for t in c}))  # "by Russian shelling"
    chunks.extend(left_out_phrases(sent, {t.i for c in chunks for t in c}, actor_at))
    return sorted(chunks, key=lambda c: c.start)


def _resolve_chunk(chunk: Span, sentence_index: int, document: Document, knowledge: Knowledge,
                   actor_at: dict[int, tuple[int, int, list[ActorFact]]], agent_at: dict[int, tuple[str, ...]]) -> list[ActorMention]:
    root = chunk.root
    parts = _Parts()
    seen_matches: set[int] = set()
    role_words = frozenset(agent_at)
    unread, weapons = act_roles(chunk, role_words)  # "the uprising", "a drone strike" are no one
    names: dict[tuple[int, int], bool] = {}  # _names_the_person once per match (its span), not per word
    bound: list[Token] = []  # role words that need their phrase to name the country (country_bound_roles)
    for token in chunk:
        match = actor_at.get(token.i)
        if match is not None and match[:2] not in names:
            names[match[:2]] = _names_the_person(chunk, match, actor_at, agent_at)
        if match is not None and names[match[:2]]:
            start, end, facts = match
            if _stance_prefixed(chunk.doc, start):
                continue  # "an anti-Syria journalist", "pro-Iranian militias": a stance, not a nationality
            if start not in seen_matches:
                seen_matches.add(start)
                _read_actor_match(parts, facts, chunk.doc[start:end], root=root, date=document.date)
                if facts[0].kind in PERSON_KINDS:
                    parts.name_tokens.extend(chunk.doc[start:end])
        elif token.i not in agent_at and _is_name_token(token, root, agent_at):
            parts.name_tokens.append(token)
        # Role words count even inside a dictionary phrase ("President Boris Yeltsin", "the
        # UN Security Council" is a governing body), with two exceptions (issue 15): "Union"
        # in a name is a trade union only when the name says whose work ("the African Union",
        # "the Soviet Union" are not), and the words of an armed group's name ("Free Syrian
        # Army", "Kurdistan Workers' Party") say nothing its code (REB) does not, nor do a
        # court's ("the International Criminal Court" is no criminal), and "Community" in an
        # international body's name is no community of civilians ("the East African Community").
        if token.i in agent_at and not _in_self_described_name(token.i, actor_at) and union_is_labour(token, chunk, role_words) \
                and not _people_in_body_name(token.i, actor_at, agent_at) \
                and (token.i == root.i or token.lower_ not in head_only_roles()) and token.i not in unread \
                and not weapon_name(token) \
                and (token.i == root.i or token.lower_ not in person_title_roles() or _titles_a_known_person(token, actor_at)):
            if token.lower_ in country_bound_roles():
                bound.append(token)  # read below, once the phrase's country is known
                continue
            for sector in agent_at[token.i]:
                if sector not in parts.sectors:
                    parts.sectors.append(sector)
            if token.i == root.i:
                parts.role_head = True
    if any(s in OFFICE_SECTORS for s in parts.sectors) and _former(chunk, agent_at):
        # "former Socialist prime minister Andreas Papandreou", "ousted President Akayev": who
        # no longer holds an office is one of the country's elites (CAMEO ELI), not its holder
        parts.sectors = list(dict.fromkeys(FORMER_SECTOR if s in OFFICE_SECTORS else s for s in parts.sectors))
    if LABOUR_SECTOR in parts.sectors and root.lower_ in UNION_WORDS:
        # "the Nigerian Union of Teachers": a trade union is also of its members' trade (EDU)
        parts.sectors.extend(s for s in _members_sectors(root, agent_at) if s not in parts.sectors)
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in EMPLOYER_PREPS and root.i in agent_at and parts.group is None:
            # "the president of the European Commission", "a spokesman for the UN": an
            # office of an organisation acts for it (issue 15)
            parts.group = _employer(child, actor_at)
        if child.dep_ != "prep" or child.lower_ not in OF_PREPS | IN_PREPS:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and obj.i not in actor_at and obj.lower_ in PLACE_NOUNS and child.lower_ in IN_PREPS:
                # "opposition leaders in Chad's capital", "rebels in the Deraa countryside"
                obj = next((c for c in obj.children if c.dep_ in PLACE_NAME_DEPS and c.i in actor_at), obj)
            if obj.dep_ in ("pobj", *PLACE_NAME_DEPS) and obj.i in actor_at:
                facts = actor_at[obj.i][2]
                country = next((knowledge.split_code(f.code)[0] for f in facts if f.kind in MODIFIER_COUNTRY_KINDS), None)
                if country and child.lower_ in OF_PREPS:
                    parts.countries.append((country, "of", chunk.doc[obj.i:obj.i + 1]))
                elif country:
                    parts.location = (country, chunk.doc[obj.i:obj.i + 1])
    if parts.sectors and set(parts.sectors) <= OFFICE_SECTORS and word_of_a_longer_name(chunk, agent_at, actor_at):
        # "the Movement for the Actualization of the Sovereign State of Biafra" is no state
        parts.sectors, parts.role_head = [], False
    if bound and not parts.sectors and (parts.countries or parts.group or parts.head_country):
        # "Syrian officers"; not "officers arrested him" (whose?) nor "prison officers" (the
        # other role word says what they are)
        parts.sectors = list(dict.fromkeys(s for token in bound for s in agent_at[token.i]))
        parts.role_head = any(token.i == root.i for token in bound)
    if weapons and (parts.countries or parts.group is not None or parts.head_country):  # "an Israeli drone strike"
        parts.sectors.extend(s for i in weapons for s in agent_at[i] if s not in parts.sectors)
    mentions = _assemble(chunk, parts, sentence_index, document, knowledge)
    if bound and not parts.sectors and not mentions and any(token.i == root.i for token in bound):
        # "Officers arrested him": whose, only a body the story named can say (local_bodies)
        mentions = [bound_role(chunk, sentence_index, document, list(dict.fromkeys(s for t in bound for s in agent_at[t.i])))]
    return mentions


def _titles_a_known_person(token: Token, actor_at: dict[int, tuple[int, int, list[ActorFact]]]) -> bool:
    """A capitalised word just before a person the tables know ("General Michel Aoun")."""
    match = actor_at.get(token.i + 1)
    return token.text[:1].isupper() and match is not None and match[0] == token.i + 1 \
        and match[2][0].kind in PERSON_KINDS


def _members_sectors(root: Token, agent_at: dict[int, tuple[str, ...]]) -> list[str]:
    """The sectors of the role words in the "of" phrase of a body's head noun ("Union of
    Teachers", "Union of Journalists and Writers")."""
    members = [t for child in root.children if child.dep_ == "prep" and child.lower_ in MEMBER_PREPS
               for t in child.subtree if t.dep_ in ("pobj", "conj") and t.i in agent_at]
    return [s for t in members for s in agent_at[t.i]]


def _names_the_person(chunk: Span, match: tuple[int, int, list[ActorFact]],
                      actor_at: dict[int, tuple[int, int, list[ActorFact]]], agent_at: dict[int, tuple[str, ...]]) -> bool:
    """Whether a dictionary person's name in the phrase is that person (other matches always
    are). A name compounded with a proper name that is no actor or role names a thing or a
    relative ("Trump Tower", "Donald Trump Jr."); a possessor names the person only in a phrase
    of its own; and a short name (leaders.tsv's "alone") after another capitalised name word is
    someone else of that name ("Hunter Biden")."""
    start, end, facts = match
    if facts[0].kind not in PERSON_KINDS:
        return True
    doc, root = chunk.doc, chunk.root
    if not start <= root.i < end and doc[end - 1].dep_ == "compound" and root.pos_ == "PROPN" \
            and root.i not in agent_at and root.i not in actor_at:
        return False
    if not start <= root.i < end and doc[end - 1].dep_ == "poss" and root.i not in agent_at:
        # "Trump's request": the possessor is a mention of its own (``_chunks``), and the
        # request is no actor; "Trump's administration" is one.
        return False
    before = doc[start - 1] if start > chunk.start else None
    # A role word there is a title ("President Trump") only if it names an office: "Hunter",
    # a civilian, is a given name.
    title = before is not None and bool(TITLE_SECTORS.intersection(agent_at.get(before.i, ())))
    return not (facts[0].alone and before is not None and before.pos_ == "PROPN" and before.is_alpha
                and before.is_title and not title and before.i not in actor_at
                and before.lower_ not in HONORIFICS)


def _honorific_before(root: Token) -> bool:
    """Whether an honorific stands before the phrase's head ("Mr Garissa", "Dr. Lagos"): a
    person who shares a city's name, not the city."""
    before = root.doc[root.i - 1] if root.i > 0 else None
    return before is not None and before.lower_.rstrip(".") in HONORIFICS


def _former(chunk: Span, agent_at: dict[int, tuple[str, ...]]) -> bool:
    """A word saying the office is past ("former", "ex-", "ousted") before the phrase's first role word."""
    first_role = next((t.i for t in chunk if t.i in agent_at), chunk.end)
    return any(t.lower_ in FORMER_WORDS for t in chunk if t.i < first_role)


def _name_of_words(i: int, actor_at: dict[int, tuple[int, int, list[ActorFact]]]) -> ActorFact | None:
    """The dictionary name of two words or more that token ``i`` is a word of, if any."""
    match = actor_at.get(i)
    return match[2][0] if match is not None and match[1] - match[0] >= 2 else None


def _in_self_described_name(i: int, actor_at: dict[int, tuple[int, int, list[ActorFact]]]) -> bool:
    """Whether token ``i`` is a word of the dictionary name of a non-state armed group or a
    court (SELF_DESCRIBED_CODES)."""
    name = _name_of_words(i, actor_at)
    if name is None or name.kind in PERSON_KINDS:
        return False
    return any(name.code[k:k + 3] in SELF_DESCRIBED_CODES for k in range(0, len(name.code), 3))


def _people_in_body_name(i: int, actor_at: dict[int, tuple[int, int, list[ActorFact]]],
                         agent_at: dict[int, tuple[str, ...]]) -> bool:
    """Whether token ``i`` is a word for people at large (CIVILIAN_SECTORS) inside the dictionary
    name of an international body ("Community" in "the Economic Community of West African
    States"); a council's or a secretary-general's office still adds its sector."""
    name = _name_of_words(i, actor_at)
    return name is not None and name.kind == IGO_KIND and set(agent_at[i]) <= CIVILIAN_SECTORS


def _employer(prep: Token, actor_at: dict[int, tuple[int, int, list[ActorFact]]]) -> ActorFact | None:
    """The organisation a preposition's object names, if it is one ("of the African Union")."""
    for obj in prep.children:
        match = actor_at.get(obj.i) if obj.dep_ == "pobj" else None
        if match is not None and match[2][0].kind in ORGANISATION_KINDS:
            return match[2][0]
    return None


def _stance_prefixed(doc: Doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES \
        and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_


def _is_name_token(token: Token, root: Token, agent_at: dict[int, tuple[str, ...]]) -> bool:
    """A word of a person's name: tagged PERSON by an NER if the pipeline has one, or else a
    proper noun in the unbroken run of proper nouns that ends at the phrase's head, after any
    title ("Acting" in "Acting Foreign Minister" comes before the title, so is no name)."""
    if token.pos_ != "PROPN":
        return False
    if token.ent_type_ == "PERSON":
        return True
    if token.ent_type_ or root.pos_ != "PROPN" or token.i > root.i:
        return False
    run = token.doc[token.i:root.i + 1]
    return all(t.pos_ == "PROPN" and not t.ent_type_ and t.i not in agent_at for t in run)


def _read_actor_match(parts: _Parts, facts: list[ActorFact], where: Span, *, root: Token, date: str | None) -> None:
    best = facts[0]
    covers_root = where.start <= root.i < where.end
    if best.kind in PERSON_KINDS and date is None and best.end is not None:
        # A past office with no date to check it against: its country is sure, its role not.
        parts.countries.append((best.code[:3], "office-holder", where))
    elif best.kind in PERSON_KINDS:
        parts.office = parts.office or best
    elif best.kind in ("igo", "group", "actor"):
        parts.group = parts.group or best
    elif covers_root:
        parts.head_kind = best.kind
        parts.head_country = best.code[:3]
        parts.head_code = best.code
    elif best.kind in MODIFIER_COUNTRY_KINDS and not _names_language(where):
        how = "possessive" if root.dep_ != "poss" and any(t.dep_ == "poss" for t in root.children if t.lower_ != "'s") else "demonym"
        parts.countries.append((best.code[:3], how, where))


def _names_language(where: Span) -> bool:
    """Whether a demonym modifier names a language ("the Russian language", "Russian-language
    media", "English-speaking regions"): a language is spoken across borders, so it is no
    country's act or target."""
    doc, head = where.doc, where.root.head
    after = doc[where.end + 1] if where.end + 1 < len(doc) and doc[where.end].text in HYPHENS else None
    return head.lower_ in language_heads() and head.i > where.root.i or after is not None and after.lower_ in language_heads()


def _assemble(chunk: Span, parts: _Parts, sentence_index: int, document: Document, knowledge: Knowledge) -> list[ActorMention]:
    """Build the phrase's mention(s) from its parts.

    Besides the phrase itself, a country named only as a modifier ("Israeli air raids",
    "US mediation") is a mention of its own, and so is each country of a coordination
    ("U.S. and Russian negotiators" gives both, with the shared role).
    """
    root = chunk.root

    def make(span: Span, code: str | None, rule: str, name: str | None = None) -> ActorMention:
        country, sectors = knowledge.split_code(code) if code else (None, list(parts.sectors))
        return ActorMention(doc_id=document.id, sentence_index=sentence_index, text=span.text,
                            start=span.start_char, end=span.end_char, code=code, country=country,
                            sectors=sectors, name=name, rule=rule, head=root.i if span is chunk else span.root.i)

    name = chunk.doc[parts.name_tokens[0].i:parts.name_tokens[-1].i + 1].text if parts.name_tokens else None
    sectors = "".join(parts.sectors)
    titled = bool(parts.sectors)
    explicit = [c for c in parts.countries if not c[1].startswith("office-holder")]
    if parts.office is not None and titled:
        # A title in the text says what the person is now; the dictionary's record may be a
        # later or default role ("President Boris Yeltsin" is GOV, not his undated ELI).
        if not explicit:
            parts.countries.append((parts.office.code[:3], "office-holder", chunk))
        parts.office = None
    mentions: list[ActorMention] = []
    used_countries: list[tuple[str, str, Span]] = []
    if _ethnic(chunk) and parts.group is None and parts.office is None and (
            parts.head_kind in COUNTRY_KINDS | {"adjective"} or parts.countries and parts.countries[-1][1] == "demonym"):
        # "ethnic Albanians in Serbia" are a minority of the country they live in, not
        # Albania: the group is located by the sentence's places, or stays uncoded.
        group = make(chunk, None, UNRESOLVED_ROLE, name)
        group.kind = "ethnic"
        group.sectors = group.sectors or [PEOPLE_SECTOR]  # a people, as a nationality is (CVL)
        return [group]
    if parts.office is not None and not (explicit and explicit[-1][0] != parts.office.code[:3] and titled):
        mentions.append(make(chunk, parts.office.code, "office-holder", name))
    elif parts.group is not None and not (parts.head_kind in COUNTRY_KINDS and parts.head_country):
        extra = "".join(s for s in parts.sectors if s not in knowledge.split_code(parts.group.code)[1])
        mentions.append(make(chunk, parts.group.code + extra, "group+role" if extra else "group", name))
    elif parts.head_country and parts.head_kind in COUNTRY_KINDS | {"adjective"}:
        country = parts.head_country
        if not sectors and _names_people(root, parts.head_kind, knowledge) and not precedes_attack(root):
            # "Nigerians marched", "an Egyptian was arrested": a country's people, not its
            # state, are its civilians (CAMEO CVL; issue 15 item 8)
            sectors = PEOPLE_SECTOR
            # "Bosnian Serbs", "Kosovo Albanians": a people named with another country's
            # adjective are of the country they live in, the adjective's
            living = [c for c in parts.countries if c[1] == "demonym" and c[0] != country]
            country = living[-1][0] if living else country
        mentions.append(make(chunk, country + sectors, "country+role" if sectors else "country", name))
    elif parts.head_country and parts.head_kind in PLACE_KINDS and not _honorific_before(root):
        if _is_dateline(chunk):
            return []  # "TRIPOLI (Reuters) -": where the story was filed, not who acted
        if root.dep_ in AGENT_DEPS or _passive_agent(root):
            # A seat names its own institution (the Pentagon is USAMIL); a capital, the government.
            seat = parts.head_code if parts.head_kind == "seat" and parts.head_code else None
            mentions.append(make(chunk, seat or parts.head_country + (sectors or "GOV"), "metonymy", name))
        elif parts.head_kind != "seat":
            # A place, not an actor: kept so that an event can take it as its target; the event
            # stage decides. Where force or a restriction falls on it ("a curfew in Abidjan",
            # "shelled Kharkiv") it is its residents (CVL), as towns and villages are; otherwise
            # the country alone ("visited Baghdad").
            residents = PEOPLE_SECTOR if done_to(root) else ""
            place = make(chunk, parts.head_country + residents, "place", name)
            # A capital may still stand for its government as an object ("warned Beijing"):
            # the event stage decides, by the event's kind.
            place.kind = "capital" if parts.head_kind == "capital" else "place"
            mentions.append(place)
    elif parts.countries and titled:
        # Coordinated countries share the role; otherwise the one nearest the head decides.
        coordinated = [c for c in parts.countries if c[2].root.dep_ == "conj" or any(t.dep_ == "conj" for t in c[2].root.children)]
        chosen = coordinated if len({c[0] for c in coordinated}) > 1 else [parts.countries[-1]]
        for index, (country, how, where) in enumerate(chosen):
            span = chunk if index == len(chosen) - 1 else where
            mentions.append(make(span, country + sectors, f"{how}+title", name if span is chunk else None))
        used_countries = chosen
    elif parts.countries and parts.countries[-1][1] == "office-holder":
        mentions.append(make(chunk, parts.countries[-1][0], "office-holder:country", name))
        used_countries = parts.countries[-1:]
    elif parts.location and titled:
        country, where = parts.location
        mentions.append(make(chunk, country + sectors, "role+in-country", name))
    elif titled:
        role = make(chunk, None, UNRESOLVED_ROLE, name)
        # "the two ministers" names several people: never one antecedent.
        role.kind = "plural" if root.tag_ in PLURAL_TAGS or any(t.dep_ == "nummod" for t in root.children) else "actor"
        mentions.append(role)
    elif parts.countries and parts.countries[-1][1] == "demonym" and root.tag_ == "NNPS" and root.i == chunk.end - 1:
        # "Iraqi Kurds", "Turkish Cypriots": a people named with its country is of that country,
        # and its civilians (CVL) as a nationality is (issue 15 item 8).
        mentions.append(make(chunk, parts.countries[-1][0] + PEOPLE_SECTOR, "demonym+people"))
        used_countries = parts.countries[-1:]
    elif name and root.pos_ == "PROPN" and root.ent_type_ in ("PERSON", "") and not_a_person(chunk) is None:
        mentions.append(make(chunk, None, UNRESOLVED_PERSON, name))
    if not mentions:
        used_countries = []
        for country, how, where in parts.countries:
            if how == "demonym" and not any(u[2] == where for u in used_countries):
                mentions.append(make(where, country, "demonym"))
    return mentions


def _passive_agent(token: Token) -> bool:
    """The agent of a passive verb or of an act named by a noun ("was rejected by Beijing",
    "an admission by Moscow"): as much the one who acts as a subject is."""
    prep = token.head
    return token.dep_ == "pobj" and (prep.dep_ == "agent" or prep.lower_ == "by" and prep.head.pos_ == "NOUN")


def _names_people(root: Token, head_kind: str | None, knowledge: Knowledge) -> bool:
    """A nationality as the head noun: "an Egyptian" (the adjective as a noun), "Nigerians",
    "the Palestinians" (the adjective's plural); not a country's name ("the Philippines")."""
    if head_kind == "adjective":
        return root.pos_ in ("NOUN", "PROPN")
    word = root.lower_
    if root.tag_ not in PLURAL_TAGS or not word.endswith("s"):
        return False
    if any(fact.source in COUNTRY_NAME_TABLES for _s, _e, facts in knowledge.actors.matches([word])
           for fact in facts):  # type: ignore[attr-defined]
        return False  # "the Philippines" is the country ("Philippine" its adjective)
    return any(fact.kind == "adjective" for _s, _e, facts in knowledge.actors.matches([word[:-1]])
               for fact in facts)  # type: ignore[attr-defined]


def _ethnic(chunk: Span) -> bool:
    return any(t.lower_ == "ethnic" and t.i < chunk.root.i for t in chunk)


def _is_dateline(chunk: Span) -> bool:
    """A place opening the document in capitals or before "(" or a dash: a wire dateline."""
    if chunk.start != 0:
        return False
    following = chunk.doc[chunk.end].text if chunk.end < len(chunk.doc) else ""
    return chunk.text.isupper() or following in DATELINE_FOLLOWERS


def _pair_appositions(by_root: dict[int, ActorMention], doc: Doc, partners: dict[int, ActorMention]) -> None:
    """"Fuad Hussain, Iraq's foreign minister": each side lends the other what it lacks.

    Names are shared at once; the code is recorded in ``partners`` (keyed by the uncoded
    mention's id) and lent in the coreference pass."""
    for root_i, mention in by_root.items():
        for child in doc[root_i].children:
            other = by_root.get(child.i)
            if child.dep_ != "appos" or other is None:
                continue
            coded, uncoded = (mention, other) if mention.code else (other, mention)
            if coded.code and uncoded.code:
                _title_outranks_record(mention, other)
                continue
            if coded.code and not uncoded.code:
                # Lent later, in the coreference pass: a name already known from earlier in the
                # article outranks a comma the parser may have misread as an apposition.
                partners[id(uncoded)] = coded
            coded.name = coded.name or uncoded.name
            uncoded.name = uncoded.name or coded.name


def _title_outranks_record(one: ActorMention, other: ActorMention) -> None:
    """"Kofi Annan, UN secretary-general": a person the dictionary knows by a record
    (often a different or undated role) takes the office the text gives them in apposition."""
    for person, title in ((one, other), (other, one)):
        if person.rule.startswith("office-holder") and not title.rule.startswith("office-holder") and title.sectors:
            person.code, person.country, person.sectors = title.code, title.country, list(title.sectors)
            person.rule = "office-holder, office from the apposition"
            return


def _apply_coreference(mentions: list[ActorMention], doc: Doc, document: Document,
                       partners: dict[int, ActorMention]) -> None:
    """Conservative in-article coreference: later surnames, subject pronouns, "the minister"."""
    people: list[ActorMention] = []
    coded: list[ActorMention] = []
    # Named people the dictionary does not know, as subjects: "Smith faces ten years. He ...".
    unknown: list[ActorMention] = []
    unknown_here: list[ActorMention] = []
    pronoun_mentions: list[ActorMention] = []
    for sent_index, sent in enumerate(doc.sents):
        for token in sent:
            if token.lower_ in SUBJECT_PRONOUNS and token.dep_ in SUBJECT_DEPS:
                pronoun_mentions.append(ActorMention(document.id, sent_index, token.text, token.idx,
                                                     token.idx + len(token.text), None, None, [], None,
                                                     UNRESOLVED_PRONOUN, head=token.i))
    ordered = sorted(mentions + pronoun_mentions, key=lambda m: m.start)
    for mention in ordered:
        if mention.code is None:
            antecedent = _antecedent(mention, people, coded)
            if antecedent is not None and mention.rule == UNRESOLVED_PRONOUN:
                # Unknown people who could be "he" or "she": named ones, and the pronoun's own
                # earlier uses left unresolved ("He was arrested ... During the call, he asked").
                rivals = [m for m in unknown if m.rule != UNRESOLVED_PRONOUN or m.text.lower() == mention.text.lower()]
                if _later_unknown(antecedent, rivals, mention) or _subject_beside(antecedent, rivals, doc) \
                        or _later_unknown(antecedent, [m for m in unknown_here if m.sentence_index == mention.sentence_index], mention):
                    antecedent = None  # "he" is more likely the unknown person just named as a subject
            rule = _coref_rule(mention)
            if antecedent is None and id(mention) in partners:
                antecedent, rule = partners[id(mention)], "apposition"
                if mention.sectors and not antecedent.sectors and antecedent.rule.startswith("office-holder"):
                    _title_gives_office(mention, antecedent)
                    antecedent = mention
            if antecedent is not None:
                mention.code, mention.country = antecedent.code, antecedent.country
                mention.sectors, mention.rule = list(antecedent.sectors), rule
                mention.name = mention.name or antecedent.name
        if mention.code is not None:
            coded.append(mention)
            if mention.name:
                people.append(mention)
        elif (mention.rule == UNRESOLVED_PERSON and mention.name or mention.rule == UNRESOLVED_PRONOUN) \
                and _is_subject(mention, doc):
            unknown.append(mention)
        elif mention.rule == UNRESOLVED_PERSON and mention.name:
            # "questioned Morrison about his testimony, in which he said": in its own sentence
            # any unknown person named before "he" is nearer than a coded one told of earlier.
            unknown_here.append(mention)
    mentions[:] = [m for m in ordered if m.code is not None or not m.rule.endswith("pronoun")]


def _title_gives_office(title: ActorMention, person: ActorMention) -> None:
    """"The Federal Minister for Interior Aftab Sherpao": a person known only by country (a
    past office with no date to place it) and a title in apposition hold one office, the
    country from the record and the sectors from the title (issue 15 item 8)."""
    code = (person.country or "") + "".join(title.sectors)
    title.code, title.country = code, person.country
    person.code, person.sectors = code, list(title.sectors)
    person.rule = "office-holder, office from the apposition"


def _later_unknown(antecedent: ActorMention, unknown: list[ActorMention], pronoun: ActorMention) -> bool:
    """Whether a person the dictionary does not know was named as a subject after the coded
    ``antecedent`` and before ``pronoun``: "Carlineo, 55, faces ten years ... He was arrested"
    is Carlineo, not the prosecutor named before him (who would lend him the court's code)."""
    return any(antecedent.start < other.start < pronoun.start for other in unknown)


def _subject_beside(antecedent: ActorMention, unknown: list[ActorMention], doc: Doc) -> bool:
    """Whether the coded ``antecedent`` is no subject and a person the dictionary does not know
    is the subject of its sentence: "Carlineo never intended to harm Omar. He has taken
    responsibility" is Carlineo, the subject, not Omar, the object named last."""
    return not _is_subject(antecedent, doc) and any(other.sentence_index == antecedent.sentence_index for other in unknown)


def _is_subject(mention: ActorMention, doc: Doc) -> bool:
    return 0 <= mention.head < len(doc) and doc[mention.head].dep_ in SUBJECT_DEPS


def _coref_rule(mention: ActorMention) -> str:
    if mention.rule == UNRESOLVED_PRONOUN:
        return "coref:pronoun"
    if mention.rule == UNRESOLVED_ROLE:
        return "coref:role"
    return "coref:surname"


def _antecedent(mention: ActorMention, people: list[ActorMention], coded: list[ActorMention]) -> ActorMention | None:
    recent = [m for m in people if mention.sentence_index - m.sentence_index <= COREF_WINDOW]
    if mention.rule == UNRESOLVED_PRONOUN:
        return recent[-1] if recent else None
    if mention.rule == UNRESOLVED_PERSON and mention.name:
        words = mention.name.split()
        for person in reversed(people):
            full = (person.name or "").split()
            if len(words) <= len(full) and full[-len(words):] == words:
                return person
        return None
    if mention.rule == UNRESOLVED_ROLE and mention.text.lower().startswith("the ") and not mention.kind == "plural":
        for other in reversed(coded):
            if mention.sentence_index - other.sentence_index > COREF_WINDOW:
                break
            if set(mention.sectors) & set(other.sectors):
                return other
    return None
