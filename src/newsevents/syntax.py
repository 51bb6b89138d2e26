"""Small dependency-tree and span helpers shared by the stages."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# A verb with one of these relations heads a clause of its own: the place or date of an event
# is looked for in the clause of its trigger before the rest of the sentence. ``xcomp`` is one
# too: "called on Israel to halt strikes in Gaza" was not said in Gaza.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj", "pcomp"})
CLAUSE_POS = frozenset({"VERB", "AUX"})
# Penn tags of plural nouns ("Ukrainians", "officials").
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def text_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering the characters ``start``..``end`` of ``doc`` (a mention's text), or
    None for an empty range."""
    return doc.char_span(start, end, alignment_mode="expand") if end > start else None


def phrase_modifiers(head: Token) -> list[Token]:
    """The children of a phrase's head and of the words compounded to it: the parser hangs a
    possessor on the compound when a name heads the phrase ("Turkey's" on "agency" in
    "Turkey's disaster agency AFAD")."""
    compounds = [c for c in head.children if c.dep_ == "compound"]
    return [*head.children, *(c for word in compounds for c in word.children)]


def has_subordinator(clause: Token) -> bool:
    """Whether the clause is introduced by a subordinator ("that", "if", "because")."""
    return any(c.dep_ == "mark" for c in clause.children)


def small_clause(verb: Token) -> tuple[Token, Token] | None:
    """The subject and predicate of an adjective clause a verb takes as its complement: the
    parser reads "found the minister guilty" as a clause ("the minister [is] guilty"), where
    "held the minister responsible" has an object and a predicate, as a passive ("was found
    guilty") has too. None when the verb takes no such clause; a clause with "that" is no
    small clause ("demanded that the army be accountable")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ == "ADJ" and not has_subordinator(child):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i < child.i:
                return subject, child
    return None


def clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` sits in (the sentence root at worst)."""
    node = token
    while node.head.i != node.i:
        if node.pos_ in CLAUSE_POS and node.dep_ in CLAUSE_DEPS:
            return node
        node = node.head
    return node


SAME_CLAUSE, OUTER_CLAUSE = 0, 1

# Base noun phrases: a nominal with one of these relations, or coordinated with one that has
# it, heads a chunk (the rule of spaCy's English noun_chunks).
NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
NP_LABEL = "NP"


def noun_chunks(doc: Doc) -> list[Span]:
    """The base noun phrases of a parsed doc, as ``doc.noun_chunks`` gives them, in one pass.

    spaCy walks from each conjunct up its coordination chain, so a list of thousands of names
    took minutes (issue 18); here the head of each chain is remembered as the doc is read.
    """
    # chain_top[i]: the first token of the coordination chain that token i ends (i itself
    # when it is no conjunct of an earlier token). It depends on earlier tokens only.
    chain_top = list(range(len(doc)))
    for word in doc:
        if word.dep_ == "conj" and word.head.i < word.i:
            chain_top[word.i] = chain_top[word.head.i]
    chunks: list[Span] = []
    prev_end = -1
    for word in doc:
        head = word.head
        if word.pos_ not in NOMINAL_POS:
            continue
        if not (word.dep_ in NP_DEPS or (word.dep_ == "conj" and doc[chain_top[head.i]].dep_ in NP_DEPS)):
            continue
        start = word.left_edge.i
        if start <= prev_end:
            # spaCy drops the head whose own title holds a chunk: in "Secretary of State Mike
            # Pompeo" it keeps "State" and loses the person. The head's phrase wins when every
            # earlier chunk it overlaps lies in its own left modifiers.
            inner = [c for c in chunks if c.end > start]
            if word.pos_ == "PRON" or not all(c.start >= start and _modifies(c.root, word) for c in inner):
                continue
            del chunks[len(chunks) - len(inner):]
        prev_end = word.i
        chunks.append(Span(doc, start, word.i + 1, label=NP_LABEL))
    return chunks


def _modifies(token: Token, head: Token) -> bool:
    """Whether ``token`` sits in the left modifiers of ``head`` (below one of its left children)."""
    node = token
    while node.head.i != node.i and node.head.i != head.i:
        node = node.head
    return node.head.i == head.i and node.i < head.i


def clause_scope(token: Token, trigger: Token) -> int | None:
    """Whether ``token`` speaks for the event of ``trigger``: SAME_CLAUSE, OUTER_CLAUSE (a
    clause that contains the trigger's, as "In Baghdad, X said Y attacked Z"), or None for a
    clause of its own beside or below the trigger's ("... the violence in Gaza")."""
    home = clause_head(trigger)
    own = clause_head(token)
    if own.i == home.i:
        return SAME_CLAUSE
    return OUTER_CLAUSE if any(a.i == own.i for a in home.ancestors) else None


def in_other_conjunct(token: Token, trigger: Token) -> bool:
    """Whether ``token`` sits inside another conjunct clause than the trigger's, one with its
    own subject, after that clause's subject: "received a plan last year, but the President
    admits ..." (issue 14). The parser hangs the second clause on the first, so the first looks
    like an enclosing clause; only what stands before its subject ("In 2003, X was accused and Y
    admitted") speaks for the whole coordination."""
    own = clause_head(token)
    node = clause_head(trigger)
    while node.head.i != node.i and node.i != own.i:
        if node.dep_ == "conj" and _has_subject(node):
            break
        node = node.head
    else:
        return False
    while node.dep_ == "conj" and node.head.i != node.i and node.i != own.i:
        node = node.head  # up the coordination chain to the conjunct holding ``token``
    if node.i != own.i:
        return False
    subject = next((c for c in own.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and token.i > subject.i


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def tree_distance(a: Token, b: Token) -> int:
    """Number of arcs between two tokens of one sentence (a large number across sentences)."""
    if a.sent.start != b.sent.start:
        return len(a.doc)
    up_a = [a, *a.ancestors]
    depth_a = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth_a:
            return n + depth_a[t.i]
    return len(a.doc)


def token_at(doc: Doc, char: int) -> Token | None:
    """The token starting at character offset ``char`` (or covering it)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def span_for(doc: Doc, start: int, end: int) -> Span | None:
    """The token span covering characters ``start``..``end``."""
    return doc.char_span(start, end, alignment_mode="expand")
