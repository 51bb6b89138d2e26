"""How real a trigger's act is, from the clause around it: negated ("did not condemn",
"denied that it attacked"), modal or future ("might attack", "will visit"), hypothetical ("if X
invades"), alleged ("charges that X attacked") or not yet done ("prepared to attack")."""
from __future__ import annotations

from spacy.tokens import Token

from .words import words

# Modal auxiliaries that make an event possible rather than reported.
UNCERTAIN_MODALS = words("uncertain_modals")
FUTURE_AUX = words("future_aux")
HYPOTHETICAL_MARKS = words("hypothetical_marks")
# Control verbs whose complement did not happen: "failed to reach agreement".
NEGATING_HEADS = words("negating_heads")
# Verbs whose that-clause is asserted not to have happened: "denied that its troops fired".
DENYING_VERBS = words("denying_verbs")
# Verbs whose "of"/"for" gerund is an accusation: "accused X of shelling Y".
ACCUSING_VERBS = words("accusing_verbs")
# Verbs whose infinitive has not happened (yet): "prepared to attack", "tried to seize".
UNREALISED_HEADS = words("unrealised_heads")
# Nouns whose that-clause is someone's claim, not a reported fact: "allegations that X attacked Y".
ALLEGATION_NOUNS = words("allegation_nouns")


def is_negated(token: Token) -> bool:
    """"did not condemn", "no attack", and "failed to reach agreement" (a failed act is no act)."""
    if token.dep_ == "xcomp" and token.head.lemma_ in NEGATING_HEADS:
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
    or "a plan to attack" possible (an infinitive hanging on a noun has not happened)."""
    node = token
    while node.head.i != node.i:
        head = node.head
        if node.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_ in DENYING_VERBS:
            return "denied"
        if node.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.lemma_ in ACCUSING_VERBS:
            return "alleged"  # "accused Russia of shelling Kharkiv"
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
    return None


def has_hypothetical_mark(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in clause.children)
