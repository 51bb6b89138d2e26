"""How real a trigger's act is, from the clause around it: negated ("did not condemn",
"denied that it attacked", "nobody was hurt"), modal or future ("might attack", "will visit"),
hypothetical ("if X invades"), alleged ("charges that X attacked"), not yet done ("prepared to
attack", "have yet to sign") or failed ("failed to get X to sign", "the talks were called off")."""
from __future__ import annotations

from spacy.tokens import Token

from .words import words

# Modal auxiliaries that make an event possible rather than reported.
UNCERTAIN_MODALS = words("uncertain_modals")
FUTURE_AUX = words("future_aux")
HYPOTHETICAL_MARKS = words("hypothetical_marks")
ADJUNCT_MARKS = words("adjunct_marks")
# Control verbs whose complement did not happen: "failed to reach agreement".
NEGATING_HEADS = words("negating_heads")
# Verbs whose that-clause is asserted not to have happened: "denied that its troops fired".
DENYING_VERBS = words("denying_verbs")
# Verbs whose "of"/"for" gerund is an accusation: "accused X of shelling Y".
ACCUSING_VERBS = words("accusing_verbs")
# Predicates of a verdict or of blame, when a verb says them of its object.
JUDGED_ADJECTIVES = words("judged_adjectives")
# The relations of an adjective a verb says of its object: "held X responsible", "found X
# guilty" (which the parser reads as a clause), "was found guilty".
JUDGED_DEPS = frozenset({"oprd", "ccomp"})
# Verbs whose infinitive has not happened (yet): "prepared to attack", "tried to seize".
UNREALISED_HEADS = words("unrealised_heads")
# Nouns whose that-clause is someone's claim, not a reported fact: "allegations that X attacked Y".
ALLEGATION_NOUNS = words("allegation_nouns")
# A subject or object that is no one: "nobody was hurt", "no civilians were killed".
NULL_WORDS = words("null_words")
NULL_DETERMINERS = words("null_determiners")
# "retaliate against any attack": an event noun with these names no act that happened.
OPEN_DETERMINERS = words("open_determiners")
# The deps of a verb's participants, any of which being no one makes the act none.
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# "have yet to sign", "is yet to agree": an infinitive under these with "yet" is not done so far.
YET_MARKS = words("yet_marks")
YET_HEADS = frozenset({"have", "be"})
# Predicates by which an effort failed ("efforts to reach a truce collapsed"), by which an act was
# stopped before it happened ("the meeting was called off"), or said not to happen ("proved elusive").
FAILING_PREDICATES = words("failing_predicates")
CANCELLING_VERBS = words("cancelling_verbs")
FAILURE_ADJECTIVES = words("failure_adjectives")
# "aimed at getting X to agree": the goal of an unrealised head, through a preposition.
PURPOSE_PREPS = words("purpose_preps")
# Parts of speech of a noun phrase, where a frame above stops reaching down.
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Tags of a finite verb: a clause of its own, out of reach of the frame around it.
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
# What ``embedding`` says of an act the text says was not done: denied, or failed / not yet done.
NOT_DONE = frozenset({"denied", "failed"})


def is_negated(token: Token) -> bool:
    """"did not condemn", "no attack", "failed to reach agreement" (a failed act is no act),
    "ended without an agreement", and an act whose doer or patient is no one ("nobody was hurt")."""
    if token.dep_ == "xcomp" and token.head.lemma_ in NEGATING_HEADS:
        return True
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "without":
        return True
    if token.pos_ in ("VERB", "AUX") and has_null_participant(token):
        return True
    heads = [token] + ([token.head] if token.dep_ in ("xcomp", "dobj", "pobj", "acomp") and token.head.pos_ == "AUX" else [])
    return any(child.dep_ == "neg" or child.lower_ in ("never", "no") and child.dep_ in ("neg", "det", "advmod")
               for head in heads for child in head.children)


def modality(token: Token) -> str | None:
    if token.pos_ != "VERB" and token.dep_ in ("dobj", "nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        token = token.head  # an event noun is as real as the verb it depends on ("could launch an attack")
    elif token.pos_ != "VERB" and token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
        token = token.head.head  # or whose preposition it fills ("would allow for the withdrawal")
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in UNCERTAIN_MODALS:
            return "possible"
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
            return "future"
    return None


def is_hypothetical(token: Token) -> bool:
    """Inside an "if"/"unless" clause at any depth, or the future or modal consequent of
    one ("If X invades, Y will protest"). A past act with a condition attached ("called on
    X to stop if it sought peace") still happened."""
    node = token
    while True:
        if node.dep_ == "advcl" and has_hypothetical_mark(node):
            return True
        if node.dep_ in ("csubj", "ccomp") and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            return True  # "said whether Trump will agree ...": an open question, not an act
        if node.head.i == node.i:
            break
        node = node.head
    if modality(token) is None:
        return False
    return token.sent[0].lower_ in HYPOTHETICAL_MARKS or any(
        c.dep_ == "advcl" and has_hypothetical_mark(c) for c in token.children)


def embedding(token: Token) -> str | None:
    """What an enclosing clause says of the trigger's reality: "denied that it attacked" is
    denied; "charges that Monrovia is committing genocide" alleged; "Moscow's will to agree"
    or "a plan to attack" possible (an infinitive hanging on a noun has not happened); failed
    or an aim as ``unrealised`` says. A value in ``NOT_DONE`` makes the act negated."""
    node = token
    while node.head.i != node.i:
        head = node.head
        if node.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_ in DENYING_VERBS:
            return "denied"
        if node.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.lemma_ in ACCUSING_VERBS:
            return "alleged"  # "accused Russia of shelling Kharkiv"
        if node.dep_ in ("pcomp", "pobj") and head.lower_ in ("of", "for") and _judged(head.head):
            return "alleged"  # "found the minister guilty of taking bribes": the verdict is the event
        if node.dep_ == "ccomp" and head.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ in UNCERTAIN_MODALS for c in head.children):
            return "possible"  # "would have claimed that he was told ...": a claim that was not made
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in node.children):
            return "possible"  # "fight until they gain control": the end point is still ahead
        if (node.dep_ == "xcomp" or node.dep_ == "advcl" and any(c.tag_ == "TO" for c in node.children)) \
                and head.pos_ == "VERB" and head.lemma_ in UNREALISED_HEADS:
            return "possible"  # "prepared to resume shelling", "tried to seize the airport"
        if node.dep_ in ("acl", "ccomp") and head.pos_ in ("NOUN", "PROPN") and node.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in ALLEGATION_NOUNS:
                return "alleged"
            if node.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children):
                return "possible"
        node = head
    return unrealised(token)


def _judged(predicate: Token) -> bool:
    """Whether ``predicate`` is guilt or blame a verb says of a party ("found X guilty",
    "held X responsible"), not a party's own state ("X was responsible")."""
    return (predicate.pos_ == "ADJ" and predicate.lemma_.lower() in JUDGED_ADJECTIVES and predicate.dep_ in JUDGED_DEPS
            and predicate.head.pos_ == "VERB")


def has_null_participant(verb: Token) -> bool:
    """Whether the verb's subject or object is no one: "nobody", "none of the passengers", "no
    civilians", "not a single person", "killed no one". A verb joined to another without a
    subject of its own shares that one's ("no one was killed or injured")."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        node = node.head
    participants = [c for c in node.children if c.dep_ in PARTICIPANT_DEPS]
    if node is not verb:
        participants += [c for c in verb.children if c.dep_ == "dobj"]
    return any(_is_no_one(p) for p in participants)


def names_no_instance(noun: Token) -> bool:
    """Whether an event noun stands for any act of its kind rather than one that happened:
    "will respond to any attack by the militants", "rejected any aggression"."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in OPEN_DETERMINERS for c in noun.children)


def _is_no_one(phrase: Token) -> bool:
    if phrase.lower_ in NULL_WORDS:
        return True
    # "not" counts only on a phrase ("not a single person"), where it is the phrase's negation.
    return any(c.dep_ in ("det", "neg") and c.lower_ in NULL_DETERMINERS and c.i < phrase.i for c in phrase.children)


def unrealised(token: Token) -> str | None:
    """What a clause that frames the act says of it, beyond denial and allegation: "failed"
    for an act that did not happen or not yet ("have yet to sign", "failed to get X to sign",
    "efforts to reach a truce collapsed", "the meeting was called off", "a deal proved
    elusive"); "possible" for an aim ("talks aimed at getting X to agree"). None when no such
    clause frames it. A frame reaches down through verbs only: a finite clause, a relative
    clause or a noun phrase below it says something of its own ("failed to stop the attack that
    killed ten": the killing happened)."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "relcl" or node.tag_ in FINITE_TAGS:
            return None  # "the truce that they signed in May collapsed": the signing is a clause of its own
        head = node.head
        if node.dep_ in ("nsubj", "nsubjpass", "dobj") and _stops(head, node, whole=node is token):
            return "failed"
        if node is not token and node.pos_ in NOMINAL_POS:
            return None
        if node.dep_ == "xcomp" and head.lemma_ in YET_HEADS and any(c.lower_ in YET_MARKS for c in head.children):
            return "failed"
        if node is not token and node.dep_ == "xcomp" and head.lemma_ in NEGATING_HEADS:
            return "failed"  # "failed to get Israel and Hamas to sign a truce"
        if node.dep_ == "pcomp" and head.lower_ in PURPOSE_PREPS and head.head.lemma_ in UNREALISED_HEADS:
            return "possible"
        node = head
    return None


def _stops(predicate: Token, participant: Token, *, whole: bool) -> bool:
    """Whether ``predicate`` says what ``participant`` names did not happen. Cancelling ("was
    called off") and failure adjectives ("proved elusive") stop the participant itself; a
    failing effort ("talks collapsed") happened, and stops only what it aimed at (``whole``
    False: the act lies inside the participant)."""
    particle = next((c.lower_ for c in predicate.children if c.dep_ == "prt"), None)
    lemma = f"{predicate.lemma_}+{particle}" if particle else predicate.lemma_
    if participant.dep_ in ("nsubjpass", "dobj") and lemma in CANCELLING_VERBS:
        return True
    if participant.dep_ == "nsubj" and any(c.dep_ in ("acomp", "oprd") and c.lower_ in FAILURE_ADJECTIVES
                                           for c in predicate.children):
        return True
    return not whole and participant.dep_ == "nsubj" and lemma in FAILING_PREDICATES


def has_mark(clause: Token, marks: frozenset[str]) -> bool:
    """Whether the clause is introduced by one of ``marks`` ("if", "until", "that")."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def has_hypothetical_mark(clause: Token) -> bool:
    return has_mark(clause, HYPOTHETICAL_MARKS)


def is_adjunct_clause(clause: Token) -> bool:
    """An adverbial clause of time, cause or contrast ("when Kenya accused Uganda"): an act of
    its own beside its head's, never what the head asks, demands or rejects."""
    return clause.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ADJUNCT_MARKS
                                          for c in clause.children)
