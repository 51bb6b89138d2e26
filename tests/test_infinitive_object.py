"""A verb's object that the parser made the subject of its to-infinitive ("allowed the Kenyan
traders to cross") is found as the verb's object (issue 14), and a demonym that names a
language is no actor."""
from __future__ import annotations

import pytest

from newsevents.events.infinitive_object import infinitive_subjects
from newsevents.nlp import load_nlp
from newsevents.pipeline import Pipeline

from .test_lexicon_recall import code, pipeline  # noqa: F401  (the rules coder and its (source, code, target) list)


def test_the_misparsed_object_is_found_only_before_the_infinitive() -> None:
    nlp = load_nlp()
    doc = nlp("Israel allowed Palestinian farmers to import cattle.")
    verb = next(t for t in doc if t.lemma_ == "allow")
    # en_core_web_sm parses "farmers" as the subject of "import" (ccomp): the one allowed.
    assert [t.text for t in infinitive_subjects(verb)] == ["farmers"]
    wants = nlp("Russia wants Georgia to withdraw its troops.")
    assert [t.text for t in infinitive_subjects(next(t for t in wants if t.lemma_ == "want"))] == ["Georgia"]
    said = nlp("Kenya said Uganda would withdraw its troops.")
    assert infinitive_subjects(next(t for t in said if t.lemma_ == "say")) == []


@pytest.mark.parametrize(("text", "not_wanted"), [
    ("Estonia banned Russian-language media.", "RUS"),
    ("The Latvian court cancelled restrictions on the use of the Russian language.", "RUS"),
    ("The Cameroonian army attacked English-speaking villages.", "GBR"),
])
def test_a_language_is_no_country(pipeline: Pipeline, text: str, not_wanted: str) -> None:
    events = code(pipeline, text)
    assert events and all(not (t or "").startswith(not_wanted) for _s, _c, t in events)
