"""The hybrid coder: the trained classifier beside the lexicon (issue 14). Sentences are our own."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.events.classify import LABELS, NONE, EventClassifier, load_classifier
from newsevents.events.hybrid import CODERS, check_coder
from newsevents.model import Document, Event
from newsevents.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
DEV_IDS = REPO / "train" / "plv_dev_ids.txt"
# The shipped model alone on the held-out PLV dev split (docs/model.md), rounded down.
MODEL_DEV_MACRO_F1_FLOOR = 0.73
# The hybrid coder on the same split (newsevents eval --ids train/plv_dev_ids.txt), rounded down;
# 0.76 until session 12 (0.764 -> 0.791: peacekeepers, phone calls, light nouns, a body's "we");
# 0.79 until session 19 (0.794 -> 0.799: a demand, accusation, refusal or threat that names no
# one else stands without a target at the 0.9 of any act, where it needed 0.95); 0.795 until
# session 21 (0.7989 -> 0.8002: works of art returned are property returned, return.v.property).
HYBRID_DEV_MACRO_F1_FLOOR = 0.80


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def code(pipeline: Pipeline, text: str, coder: str = "hybrid", **kwargs: object) -> list[Event]:
    ((_document, _mentions, events),) = list(pipeline.code([Document(id="t", text=text, date="2024-03-01")],
                                                           coder=coder))
    return events


def test_the_model_loads_from_the_installed_package_with_no_network_and_no_torch() -> None:
    script = ("import sys; from newsevents.events.classify import load_classifier; c = load_classifier(); "
              "p = c.probabilities(['Kenya condemned Somalia.']); "
              "assert p.shape == (1, len(c.labels)) and abs(float(p.sum()) - 1) < 1e-3; "
              "assert 'torch' not in sys.modules; print('ok')")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "NO_PROXY": "*",
           "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_classifier_gives_one_probability_per_label_for_every_sentence() -> None:
    classifier = load_classifier()
    assert list(classifier.labels) == LABELS and NONE in classifier.labels
    texts = ["Police fired tear gas at protesters in the capital.", "Shares rose 2% in early trading.", ""]
    rows = classifier.probabilities(texts)
    assert rows.shape == (3, len(LABELS))
    assert np.allclose(rows.sum(axis=1), 1.0, atol=1e-3)
    # Batching and order do not change a sentence's scores.
    alone = classifier.probabilities(texts[:1])
    assert np.allclose(alone[0], rows[0], atol=1e-4)
    assert classifier.probabilities([]).shape == (0, len(LABELS))


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="--coder rules"):
        EventClassifier.load(tmp_path)


def test_coders_are_checked() -> None:
    assert CODERS == ("hybrid", "rules", "model")
    with pytest.raises(ValueError, match="hybrid, rules, model"):
        check_coder("neural")
    with pytest.raises(ValueError):
        Pipeline(coder="neural")


def test_the_rules_coder_never_uses_the_model(pipeline: Pipeline) -> None:
    text = "Kenya condemned Somalia on Monday. Thousands of farmers blocked highways across Punjab to oppose the farm laws."
    events = code(pipeline, text, "rules")
    assert events and all(not e.rule.startswith("model:") for e in events)
    assert all("classifier" not in " ".join(e.explanation) for e in events)


def test_hybrid_keeps_the_lexicon_code_where_the_model_agrees(pipeline: Pipeline) -> None:
    (event,) = code(pipeline, "Kenya condemned Somalia on Monday.")
    assert (event.source.code, event.code, event.target.code if event.target else None) == ("KEN", "111", "SOM")
    assert event.rule == "condemn.v"
    assert any(note.startswith("classifier: ACCUSE") for note in event.explanation)


def test_the_cli_takes_the_coder_and_refuses_an_unknown_one() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["code", "-", "--coder", "rules", "--format", "jsonl", "--date", "2024-03-01"],
                           input="Kenya condemned Somalia on Monday.\n")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["evidence"]["rule"] for line in result.stdout.splitlines()] == ["condemn.v"]
    result = runner.invoke(app, ["code", "-", "--coder", "neural"], input="Kenya condemned Somalia.\n")
    assert result.exit_code == 2
    assert "neural" in result.output


def test_the_shipped_model_on_the_held_out_dev_split(shared_data: Path) -> None:
    """Inference only: the shipped classifier alone on the PLV rows it never saw."""
    dev_ids = set(DEV_IDS.read_text(encoding="utf-8").split())
    rows = [json.loads(line) for line in (shared_data / "train" / "plv_train.jsonl").read_text(encoding="utf-8").splitlines()]
    dev = [row for row in rows if row["id"] in dev_ids]
    assert {row["id"] for row in dev} == dev_ids
    classifier = load_classifier()
    probabilities = classifier.probabilities([row["text"] for row in dev])
    predicted = [classifier.top(p)[0] if classifier.top(p)[1] >= classifier.threshold else NONE for p in probabilities]
    gold = [row["label"] for row in dev]
    f1s = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    macro = sum(f1s) / len(f1s)
    assert macro >= MODEL_DEV_MACRO_F1_FLOOR, f"model dev macro-F1 {macro:.3f} < {MODEL_DEV_MACRO_F1_FLOOR}"


@pytest.mark.parametrize("text,expected", [
    # No lexicon row covers "massed ... vehicles near": the model's MOBILIZE, sure enough to
    # stand without a target. (The retrained model gives "moved ... vehicles toward" only 0.41,
    # below its threshold; the mechanism is what is tested here.)
    ("Vietnam massed dozens of armoured vehicles near its northern frontier on Sunday.", ("VNM", "15", None)),
    # "slashed exports to": the model's SANCTION, a lexicon row of that type gives the code,
    # the argument search the target.
    ("Mongolia slashed coal exports to China after the border dispute.", ("MNG", "16", "CHN")),
])
def test_the_model_codes_what_no_lexicon_row_covers(pipeline: Pipeline, text: str,
                                                    expected: tuple[str, str, str | None]) -> None:
    assert code(pipeline, text, "rules") == []
    (event,) = code(pipeline, text)
    assert (event.source.code, event.code[:2], event.target.code if event.target else None) == expected
    assert event.rule.startswith("model:")
    assert event.plover_type is not None and event.rule == f"model:{event.plover_type}"
    # Confidence reflects both: the argument search's and the model's, below a lexicon event's.
    assert 0.3 <= event.confidence < 0.9
    assert any(note.startswith("classifier:") for note in event.explanation)


def test_model_events_obey_negation_and_modality(pipeline: Pipeline) -> None:
    """A model event is coded on a picked word through the lexicon triggers' reality checks:
    negated and modal acts are left out, or kept and marked with --keep-uncertain."""
    from newsevents.events.extract import code_tokens
    from newsevents.events.hybrid import _pick_trigger

    for text, mark in [("Mongolia did not slash coal exports to China.", "negated"),
                       ("Mongolia might slash coal exports to China.", "possible")]:
        document = Document(id="t", text=text, date="2024-03-01")
        ((document, doc),) = list(pipeline.parse([document]))
        mentions, _events = pipeline.code_parsed(doc, document, coder="rules")
        pick = _pick_trigger(next(iter(doc.sents)), "SANCTION", pipeline.lexicon)
        assert pick is not None and pick[1].id == "model:SANCTION"
        assert code_tokens(doc, document, mentions, [pick], pipeline.lexicon) == []
        kept = code_tokens(doc, document, mentions, [pick], pipeline.lexicon, keep_uncertain=True)
        assert kept and all(e.negated if mark == "negated" else e.modality == mark for e in kept)


def test_the_model_coder_keeps_only_what_the_model_types(pipeline: Pipeline) -> None:
    text = "Kenya condemned Somalia on Monday. Vietnam massed dozens of armoured vehicles near its northern frontier."
    model = code(pipeline, text, "model")
    assert {e.plover_type for e in model} <= {"ACCUSE", "MOBILIZE"}
    assert all(e.plover_type is not None for e in model)


def test_the_rest_api_takes_the_coder() -> None:
    from fastapi.testclient import TestClient

    from newsevents.web.app import create_app

    client = TestClient(create_app())
    text = "Mongolia slashed coal exports to China after the border dispute."
    rules = client.post("/v1/code", json={"text": text, "coder": "rules"})
    hybrid = client.post("/v1/code", json={"text": text})
    assert rules.status_code == hybrid.status_code == 200
    assert rules.json()["events"] == []
    assert [e["evidence"]["rule"] for e in hybrid.json()["events"]] == ["model:SANCTION"]
    assert client.post("/v1/code", json={"text": text, "coder": "neural"}).status_code == 422


def test_the_hybrid_coder_on_the_held_out_dev_split(shared_data: Path) -> None:
    """The sentence-level type score `newsevents eval ... --ids train/plv_dev_ids.txt` reports."""
    from newsevents.evaluate import read_gold, score_types

    dev_ids = set(DEV_IDS.read_text(encoding="utf-8").split())
    records = [r for r in read_gold(shared_data / "train" / "plv_train.jsonl") if r["id"] in dev_ids]
    reports = score_types(records, Pipeline(), ["hybrid", "rules"])
    assert reports["hybrid"].macro_f1 >= HYBRID_DEV_MACRO_F1_FLOOR
    assert reports["hybrid"].macro_f1 > reports["rules"].macro_f1


class SureOf:
    """A stand-in classifier that gives one label a fixed probability for every sentence."""

    def __init__(self, label: str, p: float) -> None:
        self.labels, self.threshold, self.label, self.p = tuple(LABELS), 0.3, label, p

    def probabilities(self, texts: list[str]) -> np.ndarray:
        rows = np.full((len(texts), len(self.labels)), (1 - self.p) / (len(self.labels) - 1), dtype=np.float32)
        rows[:, self.labels.index(self.label)] = self.p
        return rows

    top = EventClassifier.top


def model_events(monkeypatch: pytest.MonkeyPatch, label: str, p: float, text: str) -> list[Event]:
    """The events the classifier adds to ``text`` when it gives ``label`` probability ``p``
    for every sentence."""
    import newsevents.pipeline

    monkeypatch.setattr(newsevents.pipeline, "load_classifier", lambda: SureOf(label, p))
    return [e for e in code(Pipeline(), text) if e.rule == f"model:{label}"]


@pytest.mark.parametrize("p,coded", [(0.92, True), (0.85, False)])
def test_a_refusal_with_no_actor_addressed_stands_when_the_model_is_sure(
        monkeypatch: pytest.MonkeyPatch, p: float, coded: bool) -> None:
    found = model_events(monkeypatch, "REJECT", p, "The Kenyan parliament rejected the budget proposal on Tuesday.")
    assert bool(found) is coded
    if coded:
        assert found[0].code[:2] == "12" and found[0].target is None
        assert found[0].source.code.startswith("KEN")


@pytest.mark.parametrize("p,coded", [(0.97, True), (0.92, False)])
def test_an_appeal_with_no_actor_addressed_needs_more(monkeypatch: pytest.MonkeyPatch, p: float, coded: bool) -> None:
    # "urged an end to the violence": those urged are usually named elsewhere in the report
    found = model_events(monkeypatch, "REQUEST", p, "Kenya urged an end to the violence on Tuesday.")
    assert [(e.code[:2], e.source.code, e.target) for e in found] == ([("02", "KEN", None)] if coded else [])


def test_an_appeal_is_scored_as_a_request(pipeline: Pipeline) -> None:
    # PLV types "urged X to free Y" and "sought refuge in X" REQUEST, as NGEC's PLOVER does.
    from newsevents.evaluate import sentence_type

    events = code(pipeline, "Kenya urged Somalia to release the detained aid workers.", coder="rules")
    assert [(e.code, e.plover_type, e.plover_mode) for e in events] == [("0253", "REQUEST", "yield")]
    assert sentence_type(events) == "REQUEST"


@pytest.mark.parametrize("p,coded", [(0.93, False), (0.97, True)])
def test_a_model_appeal_with_no_addressee_needs_what_a_demand_needs(
        monkeypatch: pytest.MonkeyPatch, p: float, coded: bool) -> None:
    # An appeal row gives the model's REQUEST its fine code; an appeal is addressed to someone,
    # so without a target it stands only where the model is very sure, as a demand does.
    found = model_events(monkeypatch, "REQUEST", p, "Britain urged an end to the violence on Tuesday.")
    assert [(e.code[:2], e.source.code, e.target) for e in found] == ([("02", "GBR", None)] if coded else [])


@pytest.mark.parametrize("text,p,coded", [
    # An assault that names no one else stands alone at the model's own floor...
    ("Nigerian troops ambushed a convoy on Sunday.", 0.8, True),
    # ...and a place in the source's own country is where it acted, not on whom...
    ("Nigerian troops ambushed a convoy near Maiduguri on Sunday.", 0.8, True),
    # ...but where the sentence names someone the target search missed, it needs more.
    ("Nigerian troops ambushed a convoy on Sunday, Chadian officials said.", 0.8, False),
    ("Nigerian troops ambushed a convoy on Sunday, Chadian officials said.", 0.92, True),
])
def test_a_model_assault_with_no_target_stands_where_its_sentence_names_no_one_else(
        monkeypatch: pytest.MonkeyPatch, text: str, p: float, coded: bool) -> None:
    found = model_events(monkeypatch, "ASSAULT", p, text)
    assert [(e.code[:2], e.source.code, e.target) for e in found] == ([("19", "NGAMIL", None)] if coded else [])


def test_a_model_event_with_no_target_and_a_countryless_source_is_coded_as_the_lexicon_codes_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    found = model_events(monkeypatch, "ASSAULT", 0.8, "Gunmen ambushed a convoy on the highway on Sunday.")
    assert [(e.source.code, e.source.country, e.target) for e in found] == [("UAF", None, None)]


def test_an_act_usually_done_to_someone_keeps_the_higher_floor_without_a_target(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsevents.pipeline

    monkeypatch.setattr(newsevents.pipeline, "load_classifier", lambda: SureOf("SANCTION", 0.8))
    assert not [e for e in code(Pipeline(), "Kenya suspended the programme on Friday.") if e.rule.startswith("model:")]


@pytest.mark.parametrize("p,coded", [(0.92, True), (0.85, False)])
def test_a_country_named_inside_the_source_is_not_someone_else_the_refusal_was_aimed_at(
        monkeypatch: pytest.MonkeyPatch, p: float, coded: bool) -> None:
    found = model_events(monkeypatch, "REJECT", p, "Kenya's highest court rejected the appeal on Tuesday.")
    assert [(e.code[:2], e.source.code, e.target) for e in found] == ([("12", "KENJUD", None)] if coded else [])


@pytest.mark.parametrize("label,text,coded", [
    # The object's owner names someone the actor search cannot code: the act has lost its
    # target...
    ("REJECT", "A Kenyan judge rejected Zorvath's appeal on Tuesday.", False),
    # ...an object that names no one leaves the event standing as before.
    ("ACCUSE", "Kenya's attorney general is investigating the matter.", True),
    ("REJECT", "A Kenyan judge rejected the appeal on Tuesday.", True),
    # ...and so does a place the gazetteer lacks, which a landform noun heads (session 20)
    ("MOBILIZE", "The Philippines deployed navy ships to Scarborough Shoal on Monday to counter Chinese vessels.", True),
])
def test_a_model_event_whose_object_names_someone_uncoded_is_not_coded_without_a_target(
        monkeypatch: pytest.MonkeyPatch, label: str, text: str, coded: bool) -> None:
    found = model_events(monkeypatch, label, 0.99, text)
    assert bool(found) is coded, [(e.code, e.source.code, e.target) for e in found]


@pytest.mark.parametrize("text,coded", [
    ("Kenyan teachers wear red scarves to hide their faces.", False),  # a habit
    ("Kenyan teachers wore red scarves outside parliament on Tuesday.", True),  # an act
])
def test_the_model_codes_no_act_on_a_verb_in_the_simple_present(monkeypatch: pytest.MonkeyPatch, text: str,
                                                                  coded: bool) -> None:
    found = model_events(monkeypatch, "PROTEST", 0.99, text)
    assert bool(found) is coded, [(e.code, e.source.code, e.trigger) for e in found]


def test_the_model_event_takes_the_row_whose_slots_the_word_has(pipeline: Pipeline) -> None:
    # "provide" has rows for "provided X with Y" (target: the object) and "provided Y to X"; the
    # model's trigger takes the one whose preposition the sentence has.
    from newsevents.events.hybrid import _pick_trigger
    sent = next(iter(pipeline.nlp("Canada provided 200 million dollars in budget support to Haiti this month.").sents))
    picked = _pick_trigger(sent, "AID", pipeline.lexicon)
    assert picked is not None and picked[0].lemma_ == "provide" and "to" in picked[1].targets
    sent = next(iter(pipeline.nlp("Myanmar's junta rejected any cooperation with the tribunal.").sents))
    picked = _pick_trigger(sent, "REJECT", pipeline.lexicon)
    assert picked is not None and "with" in picked[1].targets


def test_the_model_event_takes_the_row_whose_modifier_the_word_has(pipeline: Pipeline) -> None:
    # "aid" with no "military" before it and no phrase of its own is aid, not military aid
    from newsevents.events.hybrid import _pick_trigger
    sent = next(iter(pipeline.nlp("Japan announced $10 million in aid.").sents))
    picked = _pick_trigger(sent, "AID", pipeline.lexicon)
    assert picked is not None and picked[0].text == "aid" and picked[1].code == "070"


def test_a_noun_modifying_another_does_not_carry_the_model_event(pipeline: Pipeline) -> None:
    # "a Turkish aid ship": "aid" names the ship's kind; "a mass expulsion campaign": the light
    # noun stands for the act, which its modifier names
    from newsevents.events.hybrid import _pick_trigger
    sent = next(iter(pipeline.nlp("A Turkish aid ship docked at Egypt's El Arish port for delivery to Gaza.").sents))
    picked = _pick_trigger(sent, "AID", pipeline.lexicon)
    assert picked is not None and picked[0].text != "aid"
    sent = next(iter(pipeline.nlp("Pakistani authorities drove 400,000 Afghans out in a mass expulsion campaign.").sents))
    picked = _pick_trigger(sent, "COERCE", pipeline.lexicon)
    assert picked is not None and picked[0].text == "expulsion"


@pytest.mark.parametrize("label,p,text,code", [
    # The source's own country named bare is where it acts, not someone the act may be aimed
    # at: a truce declared with no other party named stands at an ordinary model probability.
    ("YIELD", 0.8, "The Chadian president declared an indefinite cessation of hostilities until peace returns to Chad.",
     "TCDGOV"),
    # Another country named still asks the model to be sure.
    ("YIELD", 0.8, "The Chadian president declared an indefinite cessation of hostilities until peace returns to Niger.",
     None),
])
def test_the_source_s_own_country_is_no_other_party_for_a_targetless_model_event(
        monkeypatch: pytest.MonkeyPatch, label: str, p: float, text: str, code: str | None) -> None:
    found = model_events(monkeypatch, label, p, text)
    assert [e.source.code for e in found] == ([code] if code else [])


@pytest.mark.parametrize("text,pair", [
    # A phrase the actor stage reads as an uncoded role ("military exercises") is the event
    # noun itself, not a name that holds it ("the peace movement").
    ("Peru and Bolivia began joint military exercises on Monday.", {("PER", "BOL"), ("BOL", "PER")}),
    # Exercises and drills are acts, not a military actor ("naval").
    ("Peru and Bolivia started a fresh round of joint naval exercises off the coast.", {("PER", "BOL"), ("BOL", "PER")}),
])
def test_joint_exercises_read_as_a_role_phrase_are_still_coded(pipeline: Pipeline, text: str,
                                                               pair: set[tuple[str, str]]) -> None:
    cooperation = {(e.source.code, e.target and e.target.code) for e in code(pipeline, text) if e.code.startswith("06")}
    assert cooperation == pair


def test_whoever_ordered_an_attack_carried_it_out(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsevents.pipeline

    monkeypatch.setattr(newsevents.pipeline, "load_classifier", lambda: SureOf("ASSAULT", 0.9))
    events = code(Pipeline(), "The Armenian defence minister ordered heavy shelling overnight.")
    assert [(e.code[:2], e.source.code, e.rule) for e in events] == [("19", "ARMGOV", "model:ASSAULT")]


@pytest.mark.parametrize("text,phrase,code", [
    ("The Zambia Defence Force deployed troops to the border.", "The Zambia Defence Force", "ZMBMIL"),
    ("Officers of the Malawi Defence Forces arrived.", "the Malawi Defence Forces", "MWIMIL"),
])
def test_a_defence_force_in_british_spelling_is_its_country_s_military(pipeline: Pipeline, text: str, phrase: str,
                                                                       code: str) -> None:
    ((_document, _doc, mentions),) = list(pipeline.actors([Document(id="s", text=text, date="2024-06-21")]))
    assert {m.text: m.code for m in mentions}.get(phrase) == code


@pytest.mark.parametrize("text,event", [
    # A proposal's author is whom rejecting or accepting it answers...
    ("The Kenyan government rejected a proposal from Uganda on Monday.", ("12", "KENGOV", "UGA")),
    ("Peru welcomed an offer from Chile to mediate.", ("05", "PER", "CHL")),
    ("The Kenyan government refused to accept a request from Ugandan officials to hold talks.",
     ("12", "KENGOV", "UGAGOV")),
    # ...as a trade measure on goods is aimed at where they come from.
    ("President Donald Trump imposed tariffs on imports from Mexico.", ("16", "USAGOV", "MEX")),
    ("Kenya threatened to impose duties on steel from Uganda.", ("13", "KEN", "UGA")),
    # ...and troops sent or massed at a border at the country on its other side.
    ("Poland deployed extra troops to its border with Belarus.", ("15", "POL", "BLR")),
    ("India massed troops along its border with Pakistan.", ("15", "IND", "PAK")),
])
def test_the_party_an_object_phrase_leads_to_is_the_target(pipeline: Pipeline, text: str,
                                                         event: tuple[str, str, str]) -> None:
    assert event in {(e.code[:2], e.source.code, e.target and e.target.code) for e in code(pipeline, text)}


def test_a_with_phrase_on_an_event_noun_object_is_the_noun_s(pipeline: Pipeline) -> None:
    # The parser reads "to trade talks" as the verb "trade": "with China" is the talks' phrase.
    found = code(pipeline, "Mr. Trump has brought his love of show business to trade talks with China.")
    assert not any(e.code.startswith("06") for e in found), [(e.code, e.rule) for e in found]


def test_from_leads_to_an_author_only_inside_a_proposal(pipeline: Pipeline) -> None:
    from newsevents.events.authors import inside_preps

    # ...but "from" inside other phrases says where something came from ("troops from Uganda").
    ((_document, doc),) = list(pipeline.parse([Document(id="p", text="Troops from Uganda backed a proposal from Kenya.",
                                                        date="2024-03-01")]))
    by_word = {t.lower_: t for t in doc}
    assert "from" in inside_preps(by_word["proposal"]) and "from" not in inside_preps(by_word["troops"])
    assert "by" in inside_preps(by_word["troops"])


@pytest.mark.parametrize("text,codes", [
    # An act the source says it will not do is a refusal, coded by the reject frame over the
    # act's own row where it has one...
    ("Bolivian miners will not end their blockade of the highway.", {"12"}),
    ("The Canadian government will not lift its sanctions on Belarus.", {"124"}),
    ("Bolivian miners won't end their blockade of the highway.", {"12"}),
    # ...or holds as a stance in the present...
    ("Venezuela does not recognise the jurisdiction of the International Court of Justice.", {"12"}),
    ("Cuba is not cooperating with the Colombian inquiry into the bombing.", {"12"}),
    # ...but an act that was not done, has not been, might not be, or is refused only under a
    # condition is none,
    ("Bolivian miners did not end their blockade of the highway.", set()),
    ("Bolivian miners have not ended their blockade of the highway.", set()),
    ("Bolivian miners may not end their blockade of the highway.", set()),
    ("If wages are cut, Bolivian miners will not end their blockade of the highway.", set()),
    # and a rejection that is itself negated is no refusal.
    ("The Ecuadorian government did not reject the Colombian proposal.", set()),
])
def test_a_model_rejection_told_as_an_act_the_source_will_not_do_is_a_refusal(
        monkeypatch: pytest.MonkeyPatch, text: str, codes: set[str]) -> None:
    found = model_events(monkeypatch, "REJECT", 0.99, text)
    assert {c for e in found for c in codes if e.code.startswith(c)} == codes, [e.code for e in found]
    assert len(found) == (1 if codes else 0)
    assert all(not e.negated and e.modality is None for e in found)


@pytest.mark.parametrize("text,event", [
    # A dateline the parser takes for the subject hides the real one, hung on it after the dash...
    # (and is no actor itself: not Peru, whose capital the dateline names)
    ("LIMA, Peru (AP) — Bolivian Foreign Minister Rogelio Mayta on Thursday accused Chile of blocking the border.",
     ("112", "BOLGOV", "CHL")),
    ("QUITO, Ecuador (AP) — Peruvian President Dina Boluarte on Monday condemned Chile over the border closure.",
     ("111", "PERGOV", "CHL")),
    # ...but a subject that names an actor keeps it, whatever its apposition.
    ("Bolivia — the region's poorest country — condemned Chile on Thursday.", ("111", "BOL", "CHL")),
])
def test_a_dateline_read_as_the_subject_does_not_hide_the_lede_s_actor(pipeline: Pipeline, text: str,
                                                                       event: tuple[str, str, str]) -> None:
    events = {(e.code, e.source.code, e.target and e.target.code) for e in code(pipeline, text, "rules")}
    assert events == {event}


@pytest.mark.parametrize("text,code", [
    # No row of "fire" fits: not the tear-gas row (175), whose object is absent, but the bare one.
    ("Armenian and Azerbaijani forces fired across the ceasefire line.", "190"),
    # The row whose object the word has: artillery is shelling (194), and not the target.
    ("North Korea fired artillery across the border.", "194"),
])
def test_the_models_row_is_one_whose_object_the_word_has(monkeypatch: pytest.MonkeyPatch, text: str,
                                                         code: str) -> None:
    found = model_events(monkeypatch, "ASSAULT", 0.97, text)
    assert found and {e.code for e in found} == {code}, [(e.code, e.target) for e in found]
    assert all(e.target is None or "artillery" not in e.target.text for e in found)


@pytest.mark.parametrize("label,text,coded", [
    # A business's offer or denial with no one addressed is no political event...
    ("AID", "Delta Air Lines offered to fly the stranded dog home to Oregon.", False),
    ("REJECT", "The company flatly denied the allegations in a statement on its website.", False),
    # ...its violence still is, and so is a government's offer.
    ("ASSAULT", "Angry villagers went on a rampage in a market in northern Nigeria on Monday.", True),
    ("AID", "The Kenyan government offered to fly the stranded pilgrims home.", True),
])
def test_a_model_event_of_a_private_actor_with_no_target_is_out_of_scope_but_violence(
        monkeypatch: pytest.MonkeyPatch, label: str, text: str, coded: bool) -> None:
    found = model_events(monkeypatch, label, 0.99, text)
    assert bool([e for e in found if e.rule.startswith("model:")]) is coded, \
        [(e.source.code, e.code, e.target.code if e.target else None, e.rule) for e in found]
