"""The count of a passive joined to the clause before it: "A man drove his car into a crowd ...
and was detained", "Two teenagers set fire to a mosque and were arrested", "a teenager was shot
and wounded" (issue 15 item 7).

The count reader works on the words of one clause: the people arrested stand before "were
arrested". A passive joined by "and" to an earlier verb has no subject of its own; it is the
earlier verb's, often a whole clause away. The parse finds it, and the reader reads its count as
if the subject stood before the verb ("A man was detained": one).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

__all__ = ["conjoined_counts"]

Reader = Callable[..., dict[str, dict[str, object]]]
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PARTICIPLE = "VBN"


def conjoined_counts(sent: Span, read: Reader, is_kind: Callable[[str], str | None]) -> dict[str, dict[str, object]]:
    """The counts of ``sent``'s joined passives of a kind, by kind (the first of each kind).

    read: the count reader (``casualties.counts_in``: text and ``offset``); is_kind: the kind a
    lower-case word says happened, or None. Spans are offsets in the document.
    """
    found: dict[str, dict[str, object]] = {}
    for token in sent:
        kind = is_kind(token.lower_)
        if kind is None or kind in found:
            continue
        subject = _inherited_subject(token)
        if subject is None:
            continue
        # "was shot and wounded": the auxiliaries may be the first verb's.
        auxiliaries = " ".join(c.text for c in token.children if c.dep_ in ("aux", "auxpass")) \
            or " ".join(c.text for c in token.head.children if c.dep_ in ("aux", "auxpass"))
        doc = token.doc
        phrase = doc[subject.left_edge.i:subject.i + 1]
        count = read(f"{phrase.text} {auxiliaries} {token.text}", offset=phrase.start_char).get(kind)
        if count is not None and count["span"][1] <= phrase.end_char:  # type: ignore[index]
            found[kind] = count
    return found


def _inherited_subject(verb: Token) -> Token | None:
    """The subject of the verb a subjectless passive ``verb`` is joined to by "and": its own
    auxiliary makes it passive ("... and was detained"), or the first verb's does when it is a
    bare participle ("was shot and wounded")."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children) and not (
            verb.tag_ == PARTICIPLE and any(c.dep_ == "auxpass" for c in verb.head.children)):
        return None
    head = verb.head
    while True:
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or head.dep_ != "conj":
            return subject
        head = head.head
