"""Tests of the event lexicon loader and of the shipped lexicon data."""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from newsevents.codebook import get_code
from newsevents.events.lexicon import (
    EVENTS_HEADER,
    FRAME_NAMES,
    Lexicon,
    LexiconEntry,
    load_lexicon,
)

HEADER = "\t".join(EVENTS_HEADER)


def _write(tmp_path: Path, *rows: str, name: str = "user.tsv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(["# a user lexicon", header, *rows]) + "\n", encoding="utf-8")
    return path


def _row(id_: str, lemma: str = "zap", particle: str = "-", obj: str = "-", target: str = "dobj",
         code: str = "190", frame: str = "-", pos: str = "VERB", note: str = "") -> str:
    return "\t".join([id_, pos, lemma, particle, obj, target, code, frame, note])


# --------------------------------------------------------------------------- loader


def test_builtin_is_cached_and_user_files_are_not(tmp_path: Path) -> None:
    assert load_lexicon() is load_lexicon()
    path = _write(tmp_path, _row("zap.v", code="190"))
    assert load_lexicon([path]).candidates("VERB", "zap")[0].code == "190"
    _write(tmp_path, _row("zap.v", code="193"))
    assert load_lexicon([path]).candidates("VERB", "zap")[0].code == "193"


def test_user_file_adds_and_replaces_in_place(tmp_path: Path) -> None:
    builtin = load_lexicon()
    position = [e.id for e in builtin.entries].index("visit.v")
    path = _write(
        tmp_path,
        _row("visit.v", lemma="visit", code="043", note="mine"),
        _row("zap.v", lemma="zap", code="190"),
    )
    merged = load_lexicon([path])
    assert len(merged.entries) == len(builtin.entries) + 1
    replaced = merged.entries[position]
    assert (replaced.id, replaced.code, replaced.note, replaced.source) == (
        "visit.v", "043", "mine", str(path)
    )
    assert merged.entries[-1].id == "zap.v"
    assert [e.code for e in merged.candidates("VERB", "zap")] == ["190"]
    # The cached built-in lexicon is untouched.
    assert next(e for e in load_lexicon().entries if e.id == "visit.v").code == "042"


def test_later_user_file_wins(tmp_path: Path) -> None:
    first = _write(tmp_path, _row("zap.v", code="190"), name="a.tsv")
    second = _write(tmp_path, _row("zap.v", code="193"), name="b.tsv")
    assert load_lexicon([first, second]).candidates("VERB", "zap")[0].code == "193"


def test_replace_drops_builtin_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, _row("zap.v"))
    lexicon = load_lexicon([path], replace=True)
    assert [e.id for e in lexicon.entries] == ["zap.v"]
    assert lexicon.candidates("VERB", "visit") == []
    assert lexicon.frames == load_lexicon().frames  # the frame table stays
    assert load_lexicon(replace=True).entries == ()


def test_specificity_orders_candidates_then_file_order(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _row("bare", code="190"),
        _row("obj", obj="bridge|road", code="1712"),
        _row("prt", particle="up", code="183"),
        _row("both", particle="up", obj="car", code="1832"),
        _row("prt2", particle="off", code="180"),
        _row("other", lemma="zip", code="190"),
    )
    lexicon = load_lexicon([path], replace=True)
    ids = [e.id for e in lexicon.candidates("VERB", "zap")]
    assert ids == ["both", "obj", "prt", "prt2", "bare"]
    assert [e.specificity for e in lexicon.candidates("VERB", "zap")] == [3, 2, 1, 1, 0]  # an object outranks a particle
    assert lexicon.candidates("verb", "ZAP")[0].id == "both"  # case-insensitive lookup
    assert lexicon.candidates("NOUN", "zap") == []


def test_entry_fields_are_parsed(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _row("x", particle="on|upon", obj="a|b", target="on|upon|dobj", code="020",
             frame="appeal", note="a note"),
        _row("y", target="none", code="010"),
        "\t".join(["z", "NOUN", "zap", "-", "-", "of", "190", "-"]),  # note column left off
    )
    x, y, z = load_lexicon([path], replace=True).entries
    assert isinstance(x, LexiconEntry)
    assert x.particles == frozenset({"on", "upon"})
    assert x.objects == frozenset({"a", "b"})
    assert x.targets == ("on", "upon", "dobj")
    assert (x.frame, x.note, x.code) == ("appeal", "a note", "020")
    assert (y.targets, y.frame, y.particles, y.objects) == ((), None, frozenset(), frozenset())
    assert (z.pos, z.targets, z.note) == ("NOUN", ("of",), "")


def test_forbidden_words_and_object_presence_are_parsed(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _row("x", particle="on|!press", obj="a|!b", code="020"),
        _row("y", obj="none", code="141"),
        _row("z", obj="some", code="0841"),
    )
    x, y, z = load_lexicon([path], replace=True).entries
    assert (x.particles, x.forbidden_particles) == (frozenset({"on"}), frozenset({"press"}))
    assert (x.objects, x.forbidden_objects, x.object_presence) == (frozenset({"a"}), frozenset({"b"}), None)
    assert (y.objects, y.object_presence) == (frozenset(), "none")
    assert (z.objects, z.object_presence) == (frozenset(), "some")


def test_forbidden_words_and_object_presence_constrain_matching(tmp_path: Path) -> None:
    from newsevents.model import Document
    from newsevents.pipeline import Pipeline

    path = _write(
        tmp_path,
        # the built-in rows, replaced in place by the user file's constrained versions
        "\t".join(["rally.v", "VERB", "rally", "-", "none", "against", "141", "-", ""]),
        "\t".join(["scold.v", "VERB", "scold", "-", "!child", "dobj", "111", "-", ""]),
    )
    pipeline = Pipeline(lexicon_files=[path], coder="rules")

    def codes(text: str) -> list[str]:
        ((_d, _m, events),) = list(pipeline.code([Document(id="f", text=text)]))
        return [e.code for e in events]

    assert "141" in codes("Kenyan students rallied against the Ugandan government.")
    assert "141" not in codes("Kenyan students rallied the crowd against the Ugandan government.")
    assert "111" in codes("Kenya scolded Uganda.")
    assert "111" not in codes("Kenya scolded the child of the Ugandan ambassador.")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_row("a", code="999"), r"user\.tsv:3: unknown CAMEO code '999'"),
        (_row("a", code="42"), r"user\.tsv:3: unknown CAMEO code '42'"),
        (_row("a", pos="ADV"), r"user\.tsv:3: bad pos 'ADV'"),
        (_row("a", frame="beg"), r"user\.tsv:3: unknown frame 'beg'"),
        (_row("a", target="dboj"), r"user\.tsv:3: bad target 'dboj'"),
        (_row("a", target="to||with"), r"user\.tsv:3: bad target"),
        (_row("a", target="none|to"), r"user\.tsv:3: bad target"),
        (_row("a", target="to|to"), r"user\.tsv:3: bad target 'to\|to'"),
        (_row("a", lemma="Zap"), r"user\.tsv:3: bad lemma 'Zap'"),
        (_row("a", particle="on upon"), r"user\.tsv:3: bad particle"),
        (_row("a", obj="Bridge"), r"user\.tsv:3: bad object"),
        (_row("a", obj="!"), r"user\.tsv:3: bad object"),
        (_row("a", code=""), r"user\.tsv:3: empty 'code' column"),
        ("a\tVERB\tzap\t-\t-\tdobj", r"user\.tsv:3: expected 9 tab-separated columns, found 6"),
        (_row("a") + "\textra", r"user\.tsv:3: expected 9 tab-separated columns, found 10"),
        ("a b\tVERB\tzap\t-\t-\tdobj\t190\t-\t", r"user\.tsv:3: bad id 'a b'"),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = _write(tmp_path, row)
    with pytest.raises(ValueError, match=message):
        load_lexicon([path])


def test_duplicate_id_within_a_file(tmp_path: Path) -> None:
    path = _write(tmp_path, _row("a"), "", "# comment", _row("a", code="193"))
    with pytest.raises(ValueError, match=r"user\.tsv:6: duplicate id 'a' \(first used on line 3\)"):
        load_lexicon([path])


def test_header_is_required(tmp_path: Path) -> None:
    path = _write(tmp_path, _row("a"), header="id\tpos\tlemma")
    with pytest.raises(ValueError, match=r"user\.tsv:2: expected the header line"):
        load_lexicon([path])
    empty = tmp_path / "empty.tsv"
    empty.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"empty\.tsv: no header line"):
        load_lexicon([empty])


def test_missing_user_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        load_lexicon([tmp_path / "absent.tsv"])


def test_frame_code_longest_prefix() -> None:
    lexicon = load_lexicon()
    assert lexicon.frame_code("threaten", "163") == "1312"  # beats threaten 16
    assert lexicon.frame_code("threaten", "160") == "131"
    assert lexicon.frame_code("threaten", "1956") == "1384"  # any 195x falls back to 195
    assert lexicon.frame_code("threaten", "042") is None  # no row: the caller keeps its code
    assert lexicon.frame_code("intent", "0871") == "0871"  # beats intent 087
    assert lexicon.frame_code("intent", "0874") == "0356"
    assert lexicon.frame_code("intent", "042") == "036"
    assert lexicon.frame_code("appeal", "0841") == "0253"
    assert lexicon.frame_code("demand", "0841") == "1053"
    assert lexicon.frame_code("reject", "010") == "011"
    assert lexicon.frame_code("reject", "0831") == "1231"
    assert lexicon.frame_code("appeal", "01") is None
    assert lexicon.frame_code("nosuchframe", "042") is None


def test_frame_code_with_a_custom_table() -> None:
    lexicon = Lexicon(entries=(), frames={"threaten": {"16": "131", "163": "1312"}})
    assert lexicon.frame_code("threaten", "1631") == "1312"
    assert lexicon.frame_code("threaten", "16") == "131"
    assert lexicon.frame_code("threaten", "19") is None


# --------------------------------------------------------------------------- shipped data


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_every_root_is_covered(lexicon: Lexicon) -> None:
    per_root = Counter(e.code[:2] for e in lexicon.entries)
    for root in range(1, 21):
        assert per_root[f"{root:02d}"] >= 8, f"root {root:02d} has {per_root[f'{root:02d}']} rows"
    assert 500 <= len(lexicon.entries) <= 2000


def test_all_codes_valid_and_ids_unique(lexicon: Lexicon) -> None:
    assert all(get_code(e.code) is not None for e in lexicon.entries)
    ids = [e.id for e in lexicon.entries]
    assert len(ids) == len(set(ids))
    assert {e.source for e in lexicon.entries} == {"events.tsv", "adjectives.tsv"}


def test_every_frame_used_has_rows(lexicon: Lexicon) -> None:
    used = {e.frame for e in lexicon.entries if e.frame}
    assert used == set(FRAME_NAMES)
    for frame in used:
        assert lexicon.frames.get(frame), frame


def test_frame_results_stay_in_their_category(lexicon: Lexicon) -> None:
    allowed = {
        "appeal": ("02", "113", "053"),  # 053: calling on others to support a third party
        "intent": ("03", "13", "0871"),
        "demand": ("10",),
        "reject": ("12", "011"),
        "threaten": ("13",),
    }
    for frame, table in lexicon.frames.items():
        for inner, code in table.items():
            assert get_code(inner) is not None and get_code(code) is not None
            assert code.startswith(allowed[frame]), (frame, inner, code)


def test_frame_rows_default_to_their_category(lexicon: Lexicon) -> None:
    defaults = {"appeal": "02", "intent": "03", "demand": "10", "reject": "12", "threaten": "13"}
    # "agreed with X" alone is an accord of views (019); with an infinitive it is the intent.
    odd = {"tell.v", "hope.v", "hope.v@hop", "invite.v", "petition.v", "vow.v", "call.v.for.sanction", "call.v.for.protest",
           "decline.v", "make.v.pledge", "agree.v.with"}
    for entry in lexicon.entries:
        if entry.frame and entry.id not in odd:
            assert entry.code.startswith(defaults[entry.frame]), entry.id


def test_no_two_rows_have_the_same_constraints(lexicon: Lexicon) -> None:
    keys = Counter((e.pos, e.lemma, e.particles, e.objects) for e in lexicon.entries)
    assert [k for k, n in keys.items() if n > 1] == []


def test_object_lists_do_not_overlap(lexicon: Lexicon) -> None:
    # Two rows with the same particle and a shared object word: the later one is dead.
    owner: dict[tuple[str, str, frozenset[str], str], str] = {}
    clashes = []
    for e in lexicon.entries:
        for word in e.objects:
            key = (e.pos, e.lemma, e.particles, word)
            if key in owner:
                clashes.append((owner[key], e.id, word))
            owner.setdefault(key, e.id)
    assert clashes == []


def test_statement_codes_take_no_target(lexicon: Lexicon) -> None:
    # Statements (010-016) have no target, except verbs with an addressee ("assured Iraq").
    addressed = {"tell.v", "assure.v", "reassure.v"}
    for entry in lexicon.entries:
        if entry.code[:3] in {"010", "011", "012", "013", "014", "015", "016"}:
            assert (entry.targets == ()) != (entry.id in addressed), entry.id


def test_frames_file_rows_are_unique() -> None:
    path = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "data" / "lexicon" / "frames.tsv"
    rows = [
        tuple(line.split("\t")[:2])
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line.strip() and not line.startswith("#")
    ]
    assert len(rows) == len(set(rows))


# --------------------------------------------------------------------------- lemma sanity

# (sentence, head word as written, expected CAMEO root). Simple news-style clauses, one
# or more per root, checking that the model's (pos, lemma) of the head reaches a row.
SENTENCES = [
    ("The foreign minister said the talks would continue.", "said", "01"),
    ("The ministry denied the allegations.", "denied", "01"),
    ("The president hoped to visit Moscow next year.", "hoped", "01"),
    ("The United Nations urged both sides to show restraint.", "urged", "02"),
    ("Egypt called on Israel to open the border crossing.", "called", "02"),
    ("The rebels requested humanitarian assistance from the government.", "requested", "02"),
    ("Japan pledged aid to the flood victims.", "pledged", "03"),
    ("The two sides agreed to a truce.", "agreed", "03"),
    ("The president visited Beijing on Monday.", "visited", "04"),
    ("Officials held talks with the rebel leaders.", "held", "04"),
    ("The prime minister met his Indian counterpart.", "met", "04"),
    ("The visit to Moscow was postponed.", "visit", "04"),
    ("Germany praised the agreement.", "praised", "05"),
    ("The two countries signed a trade agreement.", "signed", "05"),
    ("Turkey extradited the suspect to Germany.", "extradited", "06"),
    ("France shared intelligence with Britain.", "shared", "06"),
    ("The United States sent humanitarian aid to Haiti.", "sent", "07"),
    ("Saudi Arabia provided loans to Pakistan.", "provided", "07"),
    ("The government released fifty prisoners.", "released", "08"),
    ("The army withdrew its troops from the region.", "withdrew", "08"),
    ("The union called off the strike.", "called", "08"),
    ("Police investigated the bombing.", "investigated", "09"),
    ("Protesters demanded the release of political prisoners.", "demanded", "10"),
    ("Iran condemned the attack.", "condemned", "11"),
    ("The opposition accused the government of fraud.", "accused", "11"),
    ("The government criticised the newspaper.", "criticised", "11"),
    ("Parliament rejected the proposal.", "rejected", "12"),
    ("Russia vetoed the resolution.", "vetoed", "12"),
    ("North Korea threatened the United States.", "threatened", "13"),
    ("The army warned the rebels.", "warned", "13"),
    ("Thousands of workers protested in the capital.", "protested", "14"),
    ("Students demonstrated against the government.", "demonstrated", "14"),
    ("Farmers staged a rally outside parliament.", "staged", "14"),
    ("Russia mobilized troops near the border.", "mobilized", "15"),
    ("Saudi Arabia severed ties with Qatar.", "severed", "16"),
    ("The European Union imposed sanctions on Russia.", "imposed", "16"),
    ("Police arrested the protesters.", "arrested", "17"),
    ("Authorities deported the journalist.", "deported", "17"),
    ("Gunmen kidnapped two foreign engineers.", "kidnapped", "18"),
    ("Militants assassinated the governor.", "assassinated", "18"),
    ("Israeli jets bombed the village.", "bombed", "19"),
    ("Troops shelled the town.", "shelled", "19"),
    ("Rebels attacked a police station.", "attacked", "19"),
    ("Israel launched airstrikes on Gaza.", "launched", "19"),
    ("The militia massacred the villagers.", "massacred", "20"),
    # rows added from the real-news coverage report (scripts/lexicon_coverage.py)
    ("The spokesman noted that the border remained closed.", "noted", "01"),
    ("The villagers asked for help from the army.", "asked", "02"),
    ("The government accepted a formula for ending the dispute.", "accepted", "03"),
    ("In a phone call with the king, the president discussed trade.", "call", "04"),
    ("The two countries forged an alliance.", "forged", "05"),
    ("The United States trains Iraqi soldiers.", "trains", "07"),
    ("Japan gave food to the refugees.", "gave", "07"),
    ("The agency dispatched medicine to the region.", "dispatched", "07"),
    ("Germany admitted 1,000 refugees last year.", "admitted", "07"),
    ("The government eased the lockdown on the capital.", "eased", "08"),
    ("The prime minister tendered his resignation.", "tendered", "08"),
    ("The rebels ceased fire on Sunday.", "ceased", "08"),
    ("The militia disbanded its fighters.", "disbanded", "08"),
    ("The IAEA dispatched inspectors to Iran.", "dispatched", "09"),
    ("Police questioned the suspect.", "questioned", "09"),
    ("The minister dismissed the proposal.", "dismissed", "12"),
    # a suggestion is put forward, not charged: turning it down is a rejection, not a denial (016)
    ("Japan rejected China's suggestion that the islands be shared.", "rejected", "12"),
    ("The minister dismissed the suggestion that the talks had failed.", "dismissed", "12"),
    ("The company reneged on the agreement.", "reneged", "12"),
    ("Thousands took to the streets on Friday.", "took", "14"),
    ("Dock workers stopped work on Monday.", "stopped", "14"),
    ("Israel strengthened its forces in Lebanon.", "strengthened", "15"),
    ("The army dispatched troops to the border.", "dispatched", "15"),
    ("Police stepped up security around the embassy.", "stepped", "15"),
    ("Italy suspended flights to Libya.", "suspended", "16"),
    ("Washington raised tariffs on Chinese goods.", "raised", "16"),
    ("Police took the suspect into custody.", "took", "17"),
    ("Police held the suspect for questioning.", "held", "17"),
    ("Guards beat the prisoners.", "beat", "18"),
    ("Gunmen held three engineers hostage.", "held", "18"),
    ("Government troops battled the rebels.", "battled", "19"),
    ("The army liberated the city.", "liberated", "19"),
    ("Soldiers forced thousands from their homes.", "forced", "20"),
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy_nlp = pytest.importorskip("newsevents.nlp")
    try:
        return spacy_nlp.load_nlp()
    except Exception as err:  # no model installed
        pytest.skip(f"no spaCy model: {err}")


def _best_entry(lexicon: Lexicon, token) -> LexiconEntry | None:  # type: ignore[no-untyped-def]
    """A minimal stand-in for the coder's matching: first row whose constraints hold."""
    particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep", "advmod", "dative"}}
    objects = {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
    for child in token.children:
        if child.dep_ == "prep":
            objects |= {g.lemma_.lower() for g in child.children if g.dep_ == "pobj"}
    for entry in lexicon.candidates(token.pos_, token.lemma_):
        if entry.particles and not entry.particles & particles:
            continue
        if entry.objects and not entry.objects & objects:
            continue
        return entry
    return None


def test_head_lemmas_reach_the_lexicon(nlp, lexicon: Lexicon) -> None:  # type: ignore[no-untyped-def]
    failures = []
    docs = nlp.pipe(s for s, _, _ in SENTENCES)
    for (sentence, word, root), doc in zip(SENTENCES, docs):
        token = next(t for t in doc if t.text == word)
        entry = _best_entry(lexicon, token)
        got = entry.code[:2] if entry else None
        if got != root:
            failures.append((sentence, token.pos_, token.lemma_, entry.id if entry else None))
    assert failures == []


def test_roots_covered_by_sentences() -> None:
    assert {root for _, _, root in SENTENCES} == {f"{r:02d}" for r in range(1, 21)}


def test_word_sets_load_and_name_missing_sets() -> None:
    from newsevents.events.words import word_pairs, word_sets, words

    assert all(word_sets().values()), [name for name, members in word_sets().items() if not members]
    assert "hold" in words("light_verbs") and "sunday" in words("time_words")
    assert ("responsible", "for") in word_pairs("agent_predicates")
    with pytest.raises(KeyError, match="no set 'nonesuch'"):
        words("nonesuch")
