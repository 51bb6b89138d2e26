"""Roles whose country the text does not give (issue 15).

After coreference and the sentence's own places (``resolve._locate_roles``), a role still
without a country ("gunmen", "police", "protesters", "a militia") is located by a place the
gazetteer knows in a locative phrase of its sentence ("in Lucknow"), then by the article's
dateline when the sentence names no country, then by the one country the whole article names,
then by the one country the sentence names.
In a sentence that names several countries the role stays uncoded: its country is ambiguous.
A titled person the tables do not know ("Judge Ana Ruiz") takes the sentence's one country
first, unless that country is only a counterpart's or one acted on (``_place_titled_people``).
An office of a named body we do not know ("president of Chapter & Verse") takes no country at
all (``office_of_unknown``), and a role whose own "of" phrase names a coded body is that body's
("the leaders of the Peoples Democratic Party", ``join_bodies``).
Where nothing names a country at all, a role that names a clear kind of non-state or security actor is kept
with its sectors and no country, as GDELT codes it (``COP``, ``UAF``, ``country: null``): the
event it takes part in is emitted, with lower confidence (``events.confidence``). State
offices ("the minister", "the government") are not kept without a country: whose they are
is the whole of what they say. A titled person named in a text that names no country at all
("Vice-President Hamilton Mourao", often a lone sentence) is: the name says who it is
(``_keep_titled_people_without_country``).

These countries are guesses, and an event keeps them only where they are reliable
(``reliable_in``; events whose actors fail it are dropped, as they were before roles were
located). In a material act (protest, coercion and arrests, assault, fight, mass violence) all
are kept. In a verbal act:

- the target is never a listener, guest or partner (statements, appeals, meetings: "told
  lawmakers", "hosts manufacturers", "talking to college students") nor private people ("the
  victim"); the sentence's one country must moreover be given to the trigger's own object or a
  phrase of it ("warned opposition protesters", "suspended talks with the rebels");
- the source only when it is the one who speaks or acts, not whom the clause is about
  ("outraged local officials"), and the sentence's one country only to a passive agent ("was
  rejected by the rebels").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..geo import LOCATIVE_PREPS, ArticleCountries, Gazetteer, find_dateline, place_name_span
from ..model import ActorMention, Document
from ..syntax import text_span
from .antecedent_country import antecedent_country
from .knowledge import foreign_modifiers
from .private_people import AGED_RULE
from .of_place import OF_PLACE_RULE, of_place_country

# Sectors a role may be coded with and no country: security forces and non-state groups.
COUNTRYLESS_SECTORS = frozenset({"COP", "MIL", "REB", "INS", "SEP", "UAF", "IMG", "CVL", "OPP", "CRM",
                                 "REF", "LAB", "EDU", "SET"})
# Sectors that name a state's office or institution: never coded without its country.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "ELI", "PTY", "SPY"})
COUNTRYLESS_RULE = "role-without-country"
UNRESOLVED_ROLE = "unresolved-role"
FOREIGN_RULE = "role+foreign"
GAZETTEER_RULE = "role+gazetteer-place-in-sentence"
DATELINE_RULE = "role+dateline"
SENTENCE_COUNTRY_RULE = "role+only-country-in-sentence"
ARTICLE_COUNTRY_RULE = "role+only-country-in-article"
ANTECEDENT_RULE = "role+same-role-earlier"
BODY_RULE = "role+of-body"
# resolve._locate_roles: a role takes the country of the place its sentence says it acts in.
SENTENCE_PLACE_RULE = "role+place-in-sentence"
# "Judge Ana Ruiz ordered ... Chilean officials": a titled person the tables do not know, in a
# sentence that names one country, is of that country; a guess, kept by events as the sentence's
# country is for roles (``reliable_in``).
TITLE_SENTENCE_RULE = "title+only-country-in-sentence"
SENTENCE_RULES = frozenset({SENTENCE_COUNTRY_RULE, TITLE_SENTENCE_RULE})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "the head of the African Union", "a spokesman for NATO": whom an office works for.
EMPLOYER_PREPS = frozenset({"of", "for"})
# Rules that guess a role's country from its sentence or article (all but the role's own words).
GUESSED_RULES = frozenset({GAZETTEER_RULE, DATELINE_RULE, SENTENCE_COUNTRY_RULE, ARTICLE_COUNTRY_RULE,
                           ANTECEDENT_RULE, TITLE_SENTENCE_RULE})
# Roots of material acts done to someone: protest, coercion and arrest, assault, fight, mass
# violence. A sentence's one country is reliably the country of whom such an act is done to
# ("police fired on protesters in Hong Kong"); in a statement, a meeting or a visit the listener
# or guest may be of any country ("he told lawmakers", "hosts manufacturers").
MATERIAL_ACT_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# "Hundreds of demonstrators blocked roads", "a group of physicians urged": the role heads an of
# phrase of the subject.
GROUP_PREPS = frozenset({"of"})
# Sectors that name a trade, which its people keep inside whatever body employs them
# (``join_bodies``): workers (LAB), teachers and students (EDU), doctors (HLH), clergy (REL),
# journalists (MED), farmers (AGR).
OCCUPATION_SECTORS = frozenset({"LAB", "EDU", "HLH", "REL", "MED", "AGR"})
# Statements, appeals, meetings and diplomatic cooperation: their target is a listener, a guest
# or a partner, who may come from anywhere. (An intent's target is whom the intended act is done
# to: "ready to free six soldiers".)
STATEMENT_ROOTS = frozenset({"01", "02", "04", "05"})
# ...except that praise, a defence or an apology is aimed at its direct object, or the owner of
# it ("defended the party's actions"), who is no listener: that one keeps a guessed country.
ATTITUDE_ROOTS = frozenset({"05"})
# How far (in dependency arcs) a guessed object may sit below its trigger, and through which
# arcs: object, preposition and its object, an open complement ("ready to free soldiers").
OBJECT_REACH = 3
OBJECT_PATH_DEPS = frozenset({"dobj", "dative", "pobj", "prep", "xcomp", "nsubjpass", "attr", "oprd"})
COORDINATION_DEPS = frozenset({"conj", "appos", "compound"})
# Private people ("the victim", "people"): as the target of a verbal act they are bystanders
# more often than parties, and a guessed country makes them neither. (A business, a school as
# the target of an inquiry or a concession is a party: "opened an inquiry into a mining firm".)
PEOPLE_SECTORS = frozenset({"CVL", "PPL"})


def place_unlocated_roles(mentions: list[ActorMention], doc: Doc, document: Document,
                          gazetteer: Gazetteer | None) -> None:
    """Give each role still without a country one, or its sectors alone; in place.

    mentions: the document's mentions after coreference and ``_locate_roles``; gazetteer:
    the place gazetteer, or None to skip the gazetteer and dateline steps.
    """
    named: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.country:
            named.setdefault(mention.sentence_index, set()).add(mention.country)
    _place_titled_people(mentions, doc, named)
    if gazetteer is not None:
        _place_by_own_place(mentions, doc, gazetteer)
    coded_heads = {m.head for m in mentions if m.code}
    # The dateline is read only where it is needed: a text naming no country may have titled
    # people to keep, and any text may have roles to place.
    dateline = find_dateline(document.text, gazetteer, mentions) if gazetteer is not None and not named else None
    if not named and dateline is None:
        _keep_titled_people_without_country(mentions, doc, coded_heads)
    roles = [m for m in mentions if _unlocated(m)
             and (not _named(m, doc) or _capitalised_role(m, doc) or m.rule == AGED_RULE)
             and not office_of_unknown(doc, m, coded_heads)]
    if not roles:
        return
    if named and gazetteer is not None:
        dateline = find_dateline(document.text, gazetteer, mentions)
    sentences = list(doc.sents)
    countries = ArticleCountries(mentions) if gazetteer is not None else None
    whole = countries.outside() if countries is not None else frozenset()
    for role in roles:
        if foreign_role(role, doc):
            # "the Taliban swapped two Western hostages", "foreign workers in Qatar": the text
            # says the role is not of the country it names, and does not say whose it is.
            role.code, role.country, role.rule = "".join(role.sectors), None, FOREIGN_RULE
            continue
        country, rule = None, COUNTRYLESS_RULE
        if gazetteer is not None and countries is not None and role.sentence_index < len(sentences):
            here = _gazetteer_countries(sentences[role.sentence_index], gazetteer, countries)
            others = named.get(role.sentence_index, set())
            if len(here) == 1 and others <= here:
                (country,) = here
                rule = GAZETTEER_RULE
            elif not here and not others and dateline is not None:
                country, rule = dateline.country, DATELINE_RULE
            elif not here and others <= whole and len(whole) == 1 \
                    and _named_elsewhere(whole, sentences[role.sentence_index], countries):
                # A local story that names one country in all its text ("Fort Worth police
                # arrested ...") is about that country's police, courts and people, whether or
                # not this sentence names it too (if it does, the rest of the article must as
                # well: a sentence alone is no evidence of whose its subject is).
                (country,) = whole
                rule = ARTICLE_COUNTRY_RULE
        others = named.get(role.sentence_index, set())
        if country is None and not others:
            # "Officers had earlier threatened ...": the police the article told of just before.
            country = antecedent_country(role, mentions)
            rule = ANTECEDENT_RULE if country else rule
        if country is None and len(others) == 1 and not _subject(role, doc):
            # "President Ruto of Kenya promised protesters", "Lukashenko warned opposition
            # protesters": the one who is acted on, in a sentence about one country only, is of
            # that country, the domestic reading the extractor gives a target-less act too.
            (country,) = others
            rule = SENTENCE_COUNTRY_RULE
        if country is not None:
            role.code, role.country, role.rule = country + "".join(role.sectors), country, rule
        elif not others and _clear_without_country(role.sectors):
            # Only where nothing names a country: in a sentence naming several, the role's
            # country is ambiguous, not absent ("Rwanda deployed troops to fight insurgents in
            # Mozambique"), and it stays uncoded as before.
            role.code, role.country, role.rule = "".join(role.sectors), None, COUNTRYLESS_RULE


def _keep_titled_people_without_country(mentions: list[ActorMention], doc: Doc, coded_heads: set[int]) -> None:
    """"Vice-President Hamilton Mourao rejected the proposal", in a text that names no country
    and has no dateline: the title and the name say who acts, and nothing says for whom. The
    person is kept with the title's sectors and no country (``GOV``), as a role with no country
    is. Not an office of a named body we do not know ("president of Acme Holdings")."""
    for person in mentions:
        if _unlocated(person) and person.name and _named(person, doc) and not office_of_unknown(doc, person, coded_heads):
            person.code, person.country, person.rule = "".join(person.sectors), None, COUNTRYLESS_RULE


def _place_by_own_place(mentions: list[ActorMention], doc: Doc, gazetteer: Gazetteer) -> None:
    """"The government of Sindh province": a role whose own "of" phrase names a place the
    gazetteer knows is of that place's country (``of_place``), before any guess."""
    countries: ArticleCountries | None = None
    for role in mentions:
        if not _unlocated(role) or _named(role, doc):
            continue
        countries = countries or ArticleCountries(mentions)
        country = of_place_country(role, doc, gazetteer, countries)
        if country is not None:
            role.code, role.country, role.rule = country + "".join(role.sectors), country, OF_PLACE_RULE


def join_bodies(mentions: list[ActorMention], doc: Doc) -> None:
    """A role whose country was guessed and whose own "of" phrase names a body with sectors
    ("the three leaders of the Peoples Democratic Party", "fighters of the rebel movement") is
    one of that body's people, and takes its code: what the phrase says beats where the
    sentence happens to be. In place."""
    by_head = {m.head: m for m in mentions if m.code and m.sectors}
    for role in mentions:
        if role.rule not in GUESSED_RULES and role.rule != SENTENCE_PLACE_RULE or not 0 <= role.head < len(doc):
            continue
        body = next((by_head[obj.i] for prep in doc[role.head].children
                     if prep.dep_ == "prep" and prep.lower_ in GROUP_PREPS
                     for obj in prep.children if obj.dep_ == "pobj" and obj.i in by_head), None)
        if body is not None and body is not role:
            # an occupation stays the role's own in any body ("workers of the bus company" are
            # labour); an office or an arm ("leaders", "fighters") is the body's
            own = [s for s in role.sectors if s in OCCUPATION_SECTORS and s not in body.sectors]
            role.code, role.country = (body.code or "") + "".join(own), body.country
            role.sectors, role.rule = list(body.sectors) + own, BODY_RULE


def reliable_in(role: ActorMention, root: str, trigger: Token | None, *, source: bool) -> bool:
    """Whether an event of CAMEO root ``root`` may keep ``role``'s country.

    role: the event's source or target; trigger: the event's trigger token (None if unknown);
    source: whether the role is the source. A role whose country its own words give is always
    kept; a guessed one only as the module docstring says.
    """
    if role.rule not in GUESSED_RULES or root in MATERIAL_ACT_ROOTS:
        return True
    doc = trigger.doc if trigger is not None else None
    if source:
        # the one country a sentence names is its speaker's only when the speaker is the passive
        # agent ("was rejected by the rebels"), not an object the act is inherited by ("would
        # not put up with a special prosecutor entrusted to investigate ..."). A titled person
        # placed by that country holds an office of it (_place_titled_people), as subject too.
        if doc is None or not _acts(role, doc):
            return False
        return role.rule not in SENTENCE_RULES or role.rule == TITLE_SENTENCE_RULE or _passive_agent(doc[role.head])
    if root in STATEMENT_ROOTS and not (root in ATTITUDE_ROOTS and _object_of(role, trigger)) \
            or set(role.sectors) & PEOPLE_SECTORS:
        return False
    return role.rule not in SENTENCE_RULES or trigger is not None and _governed_by(role, trigger)


def _place_titled_people(mentions: list[ActorMention], doc: Doc, named: dict[int, set[str]]) -> None:
    """A titled person the tables do not know ("Judge Ana Ruiz") takes the one country their
    sentence names (``TITLE_SENTENCE_RULE``), as its subject too: a title before a name is an
    office, and an office is of the country its sentence is about. Not where that country is
    only a counterpart's (an actor of the same sector: "President Ruiz welcomed the Peruvian
    president") or a country named as no one's subject ("called for sanctions against Peru",
    "visited Peru"): those are where an office reaches abroad."""
    for person in mentions:
        if not (_unlocated(person) and person.name and _named(person, doc)):
            continue
        others = named.get(person.sentence_index, set())
        if len(others) != 1:
            continue
        (country,) = others
        givers = [m for m in mentions if m.sentence_index == person.sentence_index and m.country == country]
        if any(_of_the_country(m, person, doc) for m in givers):
            person.code, person.country = country + "".join(person.sectors), country
            person.rule = TITLE_SENTENCE_RULE


def _of_the_country(giver: ActorMention, person: ActorMention, doc: Doc) -> bool:
    """Whether the mention that names the country says the sentence is about it: an actor of
    another sector than the person's, or the country itself as a clause's subject ("said
    Peru is committed"). A person listed with them is neither: a peer, whose country may be
    the person's or not ("former astronaut Tom Ruiz and executive Tom Young")."""
    if giver.name and _coordinated(giver, person, doc):
        return False
    if giver.sectors:
        return not set(giver.sectors) & set(person.sectors)
    return 0 <= giver.head < len(doc) and doc[giver.head].dep_ in SUBJECT_DEPS


def _coordinated(one: ActorMention, other: ActorMention, doc: Doc) -> bool:
    """Whether the two mentions' heads are conjuncts of one coordination ("A and B")."""
    if not (0 <= one.head < len(doc) and 0 <= other.head < len(doc)):
        return False

    def first(token: Token) -> Token:
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token

    a, b = doc[one.head], doc[other.head]
    return (a.dep_ == "conj" or b.dep_ == "conj") and first(a).i == first(b).i


def _governed_by(role: ActorMention, trigger: Token) -> bool:
    """The role is the trigger's object, or in a phrase of it, within ``OBJECT_REACH`` arcs:
    "warned protesters", "suspended talks with the rebels", "demanded the resignation of the
    cabinet"; not a role the fall-back search found further off ("filed on behalf of the
    lawmakers")."""
    doc = trigger.doc
    if not 0 <= role.head < len(doc):
        return False
    token = doc[role.head]
    while token.dep_ in COORDINATION_DEPS and token.head.i != token.i:
        token = token.head
    for _ in range(OBJECT_REACH):
        if token.i == trigger.i:
            return True
        if token.dep_ not in OBJECT_PATH_DEPS:
            return False
        token = token.head
    return token.i == trigger.i


def _object_of(role: ActorMention, trigger: Token | None) -> bool:
    """The role is the trigger's direct object, or the possessor of it."""
    if trigger is None or not 0 <= role.head < len(trigger.doc):
        return False
    token = trigger.doc[role.head]
    if token.dep_ == "poss":
        token = token.head
    return token.dep_ == "dobj" and token.head.i == trigger.i


def _passive_agent(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _acts(role: ActorMention, doc: Doc) -> bool:
    """The role is its clause's subject or passive agent, alone or in a conjunction or an of
    phrase of the subject: not an object ("outraged local officials", "told teachers")."""
    if not 0 <= role.head < len(doc):
        return False
    token = doc[role.head]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in GROUP_PREPS and token.head.head.i != token.head.i:
        token = token.head.head
    return token.dep_ in SUBJECT_DEPS or token.dep_ == "pobj" and token.head.dep_ == "agent"


def _unlocated(mention: ActorMention) -> bool:
    return mention.code is None and mention.rule in (UNRESOLVED_ROLE, AGED_RULE) and bool(mention.sectors) \
        and mention.kind != "ethnic"


def foreign_role(role: ActorMention, doc: Doc) -> bool:
    """A non-state role whose own modifier says it is from elsewhere ("Western hostages";
    not "the foreign minister", whose modifier names the office)."""
    if not 0 <= role.head < len(doc) or not _clear_without_country(role.sectors):
        return False
    return any(c.dep_ in ("amod", "compound") and c.lower_ in foreign_modifiers() for c in doc[role.head].children)


def _subject(role: ActorMention, doc: Doc) -> bool:
    """The subject of a clause: an act's author needs better evidence of its country than
    the other actor its sentence names ("protesters who stormed parliament")."""
    return 0 <= role.head < len(doc) and doc[role.head].dep_ in SUBJECT_DEPS


def office_of_unknown(doc: Doc, role: ActorMention, coded_heads: set[int]) -> bool:
    """Whether the role is an office of a named body we do not know ("president of Chapter &
    Verse, a Seattle agency", "the chairman of Acme Holdings"): where the body is says nothing
    of whose state its officer serves, so no place or country of the text is given to it.

    coded_heads: head tokens of the document's mentions that have a code.
    """
    if not 0 <= role.head < len(doc) or role.rule == AGED_RULE:
        return False  # "Jane Doe, 33, of Franklin": a private person's "of" is where they live
    return any(prep.dep_ == "prep" and prep.lower_ in EMPLOYER_PREPS and obj.dep_ == "pobj" and obj.pos_ == "PROPN"
               and obj.i not in coded_heads
               for prep in doc[role.head].children for obj in prep.children)


def _named_elsewhere(whole: frozenset[str], sent: Span, countries: ArticleCountries) -> bool:
    return countries.outside((sent.start_char, sent.end_char)) == whole


def _capitalised_role(role: ActorMention, doc: Doc) -> bool:
    """A role word alone, capitalised as an institution ("the Senate", "Police", "the
    Inspector-General"): the role itself, not a name ("the Rapid Support Forces", "the People's
    Liberation Army")."""
    words = [t for t in text_span(doc, role.start, role.end) or () if t.dep_ != "det"]
    return len(words) == 1 and words[0].i == role.head and words[0].dep_ != "poss"


def _named(role: ActorMention, doc: Doc) -> bool:
    """A capitalised name ("the Rapid Support Forces"): an organisation whose country is
    unknown, not a generic role."""
    return 0 <= role.head < len(doc) and doc[role.head].pos_ == "PROPN"


def _clear_without_country(sectors: list[str]) -> bool:
    return bool(set(sectors) & COUNTRYLESS_SECTORS) and not set(sectors) & STATE_SECTORS


def _gazetteer_countries(sent: Span, gazetteer: Gazetteer, countries: ArticleCountries) -> set[str]:
    """Countries of the capitalised places named in locative phrases of the sentence ("in
    Lucknow", "near Kaduna") that the gazetteer knows."""
    found: set[str] = set()
    for token in sent:
        if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS or not token.text[:1].isupper():
            continue
        phrase = place_name_span(token)
        place = gazetteer.resolve(phrase.text, countries=countries.outside((phrase.start_char, phrase.end_char)))
        if place is not None:
            found.add(place.country)
    return found
