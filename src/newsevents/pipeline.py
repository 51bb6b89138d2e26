"""The Pipeline: loads models once and runs documents through the stages in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .actors.knowledge import Knowledge, load_knowledge
from .actors.resolve import find_actors
from .dedup import merge_article_events
from .events.classify import EventClassifier, load_classifier
from .events.confidence import drop_unreliable_roles, lower_countryless
from .events.event_counts import fill_casualties
from .events.extract import extract_events
from .events.hybrid import DEFAULT_CODER, check_coder, combine
from .events.captors import code_captor_releases
from .events.unnamed_protests import code_unnamed_protests
from .events.implied_authority import code_implied_authority
from .events.headlines import drop_headline_repeats
from .events.joint import DEFAULT_JOINT, check_joint, code_joint_acts
from .events.lexicon import Lexicon, load_lexicon
from .events.joint_exercises import recode_joint_exercises
from .events.peacekeeping import recode_peacekeeping
from .events.phone_calls import drop_non_calls
from .events.purpose import drop_force_purposes
from .events.rebuttal import answer_rebuttals
from .events.received import code_received_disapproval
from .events.crowds import name_crowds
from .events.repression import recode_repression
from .events.unattributed import code_unattributed
from .geo import Gazetteer, load_gazetteer
from .ingest.truecase import (Truecaser, common_words_of, is_lower_case, load_truecaser, restore_evidence, truecase,
                               truecase_headlines)
from .model import ActorMention, Document, Event, Sentence
from .nlp import MAX_BATCH_CHARS, MAX_CHUNK_CHARS, load_nlp
from .settings import DEFAULT_BATCH_SIZE
from .situate import situate_events

T = TypeVar("T")


def split_chunks(text: str, *, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Split text into pieces of at most ``limit`` characters, at paragraph or line breaks
    where possible, such that ``"".join(pieces) == text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
        end = start + (cut + 1 if cut > 0 else limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


class Pipeline:
    """Owns the loaded spaCy model and parses documents in batches.

    model: spaCy pipeline name or path (None: the default English model).
    batch_size, n_process: passed to ``nlp.pipe``.
    max_chunk_chars: longer documents are parsed in paragraph-aligned pieces of this size.
    actor_files, agent_files: user dictionaries in PETRARCH format (added to the built-in ones).
    lexicon_files: user event lexicons (events.tsv format), added to the built-in one.
    keep_uncertain: also emit negated, modal and hypothetical events (marked as such).
    require_actors: False codes events whose arguments are any noun phrases (code-only
        evaluation against gold sets without actors); never use it for event data.
    merge_duplicates: merge an article's events that share (date, source, target, code)
        into one event with a mention per sentence.
    coder: "hybrid" (the lexicon checked and completed by the trained classifier), "rules"
        (the lexicon alone) or "model" (the classifier's types decide); see events/hybrid.py.
    joint: "pairs" (a joint act "X and Y met" as X→Y and Y→X) or "single" (one event per
        party, no target, as PLOVER codes it); see events/joint.py.
    truecase: parse a mostly lower-case document, or a headline in title case, with the
        capitals of the names it mentions (ingest/truecase.py); what is reported keeps the
        document's own words.
    """

    def __init__(self, *, model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 n_process: int = 1, max_chunk_chars: int = MAX_CHUNK_CHARS,
                 actor_files: Sequence[str | Path] = (), agent_files: Sequence[str | Path] = (),
                 lexicon_files: Sequence[str | Path] = (), keep_uncertain: bool = False,
                 require_actors: bool = True, merge_duplicates: bool = True, coder: str = DEFAULT_CODER,
                 joint: str = DEFAULT_JOINT, truecase: bool = True) -> None:
        self.model_name = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.max_chunk_chars = max_chunk_chars
        self.actor_files = tuple(actor_files)
        self.agent_files = tuple(agent_files)
        self.lexicon_files = tuple(lexicon_files)
        self.keep_uncertain = keep_uncertain
        self.require_actors = require_actors
        self.merge_duplicates = merge_duplicates
        self.coder = check_coder(coder)
        self.joint = check_joint(joint)
        self.truecase = truecase
        self._truecaser: Truecaser | None = None
        self._nlp: Language | None = None
        self._knowledge: Knowledge | None = None
        self._lexicon: Lexicon | None = None
        self._gazetteer: Gazetteer | None = None

    def load(self) -> Pipeline:
        """Load now every model and table that is otherwise loaded on first use (a pool forks its
        workers after this, so that they share them); returns the Pipeline."""
        _ = (self.nlp, self.knowledge, self.lexicon, self.gazetteer)
        if self.coder != "rules":
            _ = self.classifier
        return self

    @property
    def classifier(self) -> EventClassifier:
        """The trained event classifier, loaded once per process (forked workers share it)."""
        return load_classifier()

    @property
    def lexicon(self) -> Lexicon:
        """The event lexicon (built-in plus user files), loaded on first use."""
        if self._lexicon is None:
            self._lexicon = load_lexicon(self.lexicon_files)
        return self._lexicon

    @property
    def gazetteer(self) -> Gazetteer:
        """The place gazetteer, loaded on first use."""
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def code(self, documents: Iterable[Document], *, coder: str | None = None
             ) -> Iterator[tuple[Document, list[ActorMention], list[Event]]]:
        """Parse documents, resolve their actors and code their events, streaming.
        coder: this call's coder (default: the Pipeline's)."""
        for document, doc in self.parse(documents):
            mentions, events = self.code_parsed(doc, document, coder=coder)
            yield document, mentions, events

    def code_parsed(self, doc: Doc, document: Document, *, coder: str | None = None, joint: str | None = None
                    ) -> tuple[list[ActorMention], list[Event]]:
        """Actors and events of one parsed document: extraction, then where and when, then
        the merge of repeated events. A caller that must survive one bad document (ingest)
        wraps this call. coder, joint: this call's coder and joint mode (default: the Pipeline's)."""
        coder = check_coder(coder or self.coder)
        joint = check_joint(joint or self.joint)
        mentions = find_actors(doc, document, self.knowledge, gazetteer=self.gazetteer)
        events = extract_events(doc, document, mentions, self.lexicon, keep_uncertain=self.keep_uncertain,
                                require_actors=self.require_actors)
        # "called the opposition leader a traitor": the bare "call" row is a phone call only
        # where a person is called and nothing names what; checked before the model's turn,
        # and again on the rows it picks.
        events = drop_non_calls(events, doc)
        if coder != "rules":
            events = drop_non_calls(combine(doc, document, mentions, events, self.lexicon, self.classifier,
                                            coder=coder, keep_uncertain=self.keep_uncertain,
                                            require_actors=self.require_actors), doc)
        # Victims of force or arrests with no one named to have acted (issue 15 item 7).
        events = code_unattributed(events, doc, document, mentions, self.lexicon, self.gazetteer,
                                   keep_uncertain=self.keep_uncertain)
        # "protests in Bolivia against the government": protesters no one names.
        events = code_unnamed_protests(events, doc, document, mentions, self.lexicon, self.gazetteer,
                                       keep_uncertain=self.keep_uncertain)
        # "were charged", "after being deported": only a court or a government does it.
        events = code_implied_authority(events, doc, document, mentions, self.lexicon, self.gazetteer,
                                        keep_uncertain=self.keep_uncertain)
        # "hostages held by the Taliban were released": the captors let them go.
        events = code_captor_releases(events, doc, document, mentions, self.lexicon, keep_uncertain=self.keep_uncertain)
        # "X faced Kenyan criticism": the critics are an adjective, the subject is criticised.
        events = code_received_disapproval(events, doc, document, mentions, keep_uncertain=self.keep_uncertain)
        # Force that is only what someone was sent or trained for has not been used yet.
        events = drop_force_purposes(events, doc, keep_uncertain=self.keep_uncertain)
        events = fill_casualties(lower_countryless(drop_unreliable_roles(events, doc)), doc)
        # "Hong Kong protests", "tear gas to disperse protests": the place's protesters.
        events = recode_repression(name_crowds(events, doc, self.lexicon))
        # "deployed 500 peacekeeping troops": providing peacekeepers, not a show of force.
        events = recode_peacekeeping(events, doc)
        # "India and France held air exercises": military cooperation, not a show of force.
        events = recode_joint_exercises(events, doc)
        # "X rejected these accusations": aimed at the accusation's authors told before.
        events = answer_rebuttals(events, doc)
        events = code_joint_acts(events, joint)
        # "Sweden drops rape investigation" over "Prosecutors in Sweden have dropped ...": once.
        events = drop_headline_repeats(events, doc)
        situate_events(events, doc, document, mentions, self.gazetteer)
        if self.merge_duplicates:
            events = merge_article_events(events)
        restore_evidence(document, doc.text, mentions, events)
        return mentions, events

    @property
    def knowledge(self) -> Knowledge:
        """Actor knowledge (packaged tables plus user dictionaries), loaded on first use."""
        if self._knowledge is None:
            self._knowledge = load_knowledge(self.actor_files, self.agent_files)
        return self._knowledge

    def actors(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Doc, list[ActorMention]]]:
        """Parse documents and find their actor mentions."""
        for document, doc in self.parse(documents):
            mentions = find_actors(doc, document, self.knowledge, gazetteer=self.gazetteer)
            restore_evidence(document, doc.text, mentions, [])
            yield document, doc, mentions

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp = load_nlp(self.model_name)
            # The loaded model is shared; a Pipeline given longer chunks raises its limit.
            self._nlp.max_length = max(self._nlp.max_length, self.max_chunk_chars + 1000)
        return self._nlp

    @property
    def truecaser(self) -> Truecaser:
        """The truecaser, its common words taken from the parse model's lemma index."""
        if self._truecaser is not None:
            return self._truecaser
        lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
        lookups = getattr(lemmatizer, "lookups", None)
        tables = {name: lookups.get_table(name) for name in lookups.tables} if lookups is not None else {}
        self._truecaser = load_truecaser(common_words_of(tables))
        return self._truecaser

    def _parse_text(self, document: Document) -> str:
        """What is parsed: the text, or its truecased copy when it is mostly lower case, or
        with its headlines in title case truecased."""
        if not self.truecase:
            return document.text
        if is_lower_case(document.text):
            return truecase(document.text, self.truecaser)
        return truecase_headlines(document.text, lambda: self.truecaser)

    def parse(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Doc]]:
        """Parse documents in batches; set each document's sentences (with offsets).

        Yields (document, spaCy Doc) pairs in input order. Memory stays flat: documents
        stream through ``nlp.pipe`` and are not collected.
        """
        pending: dict[int, tuple[Document, list[Doc | None]]] = {}
        next_out = 0

        def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
            for number, document in enumerate(documents):
                pieces = split_chunks(self._parse_text(document), limit=self.max_chunk_chars)
                pending[number] = (document, [None] * len(pieces))
                for index, piece in enumerate(pieces):
                    yield piece, (number, index)

        if self.n_process == 1:
            stream: Iterable[tuple[Doc, tuple[int, int]]] = (
                pair for group in bounded_batches(chunks(), self.batch_size, MAX_BATCH_CHARS)
                for pair in self.nlp.pipe(group, as_tuples=True, batch_size=len(group)))
        else:
            stream = self.nlp.pipe(chunks(), as_tuples=True, batch_size=self.batch_size, n_process=self.n_process)
        for doc, (number, index) in stream:
            pending[number][1][index] = doc
            while next_out in pending and all(part is not None for part in pending[next_out][1]):
                document, parts = pending.pop(next_out)
                docs = [part for part in parts if part is not None]
                full = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
                document.sentences = sentences_of(full)
                if full.text != document.text:  # a truecased copy's sentences: the own words
                    for sentence in document.sentences:
                        sentence.text = document.text[sentence.start:sentence.end]
                yield document, full
                next_out += 1


def bounded_batches(items: Iterable[tuple[str, T]], size: int, max_chars: int) -> Iterator[list[tuple[str, T]]]:
    """(text, context) pairs in batches of at most ``size`` items and ``max_chars`` characters
    (a longer single text is a batch of its own): the parser's memory grows with the text of a
    whole batch, not with the number of documents in it."""
    group: list[tuple[str, T]] = []
    chars = 0
    for item in items:
        if group and (len(group) >= size or chars + len(item[0]) > max_chars):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += len(item[0])
    if group:
        yield group


def sentences_of(doc: Doc) -> list[Sentence]:
    """Sentences of a parsed Doc, with character offsets into its text."""
    sentences: list[Sentence] = []
    for span in doc.sents:
        # Paragraph breaks are whitespace tokens that spaCy attaches to a sentence's edge.
        text = span.text
        start = span.start_char + (len(text) - len(text.lstrip()))
        text = text.strip()
        if text:
            sentences.append(Sentence(index=len(sentences), start=start, end=start + len(text), text=text))
    return sentences
