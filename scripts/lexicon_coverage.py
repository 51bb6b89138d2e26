#!/usr/bin/env python3
"""Development report: which predicates of real news the event lexicon does not know.

Usage: ``PYTHONPATH=src python3 scripts/lexicon_coverage.py [--html DIR] [--top 60]
[--lexicon FILE ...] [--cache FILE] [--show ROW_ID_OR_LEMMA ...]``

Reads the unlabelled news pages in ``<shared>/news-html/html/*.html.gz`` (article text via
``extract_html``; non-English pages are skipped), parses them with the project's spaCy
pipeline and prints:

1. the most frequent VERB lemmas with no lexicon row at all (``candidates(pos, lemma)`` is
   empty), with counts and one example sentence each;
2. the most frequent event-like NOUN lemmas with no row (nouns with a deverbal suffix, or
   the object of a light verb such as "held"/"launched");
3. lemmas that do have rows, but where no row's particle/object constraints held, with the
   object words seen most often (candidates for widening an object list);
4. the rows that fire most often (to spot over-broad rows), with an example each.

This is a report for finding general gaps; it never reads the gold evaluation sets, and its
output should not be used to write rows for particular sentences. ``--cache`` stores the
parses (spaCy DocBin) so that re-runs after editing the lexicon take seconds.
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsevents.events.lexicon import Lexicon, load_lexicon  # noqa: E402
from newsevents.events.triggers import LIGHT_VERBS, lexicon_pos, matching_entry  # noqa: E402
from newsevents.ingest.decode import decode_bytes  # noqa: E402
from newsevents.ingest.html import extract_html  # noqa: E402
from newsevents.ingest.lang import detect_language  # noqa: E402
from newsevents.nlp import load_nlp  # noqa: E402

DEFAULT_HTML = REPO.parent / "shared" / "data" / "news-html" / "html"

# Verbs that are almost never events in themselves (auxiliary-like, reporting of
# perception/cognition, copulas); listed separately so the table shows real gaps first.
FUNCTION_VERBS = frozenset("""
    be have do get make go take come see know think want need use include become seem look
    find give keep let put begin start continue remain leave show try help call feel mean
    tell work add set run provide move follow allow bring hold turn play live believe
""".split())
# Event-like nouns: deverbal suffixes, or the object of a light verb ("held talks").
_EVENT_SUFFIX = re.compile(r"(tion|sion|ment|ance|ence|ure|al|age|ing|ade|ism|ery)$")
_EVENT_NOUN_EXTRA = frozenset("""
    strike raid war fight battle attack siege deal pact treaty vote poll election ban curfew
    aid loan grant threat protest rally boycott walkout truce ceasefire talk summit visit
    crackdown coup uprising revolt riot unrest clash violence bombing shelling airstrike
    sanction tariff embargo blockade probe inquiry trial verdict ruling sentence fine arrest
    raid assault offensive invasion incursion exercise drill deployment
""".split())
_SKIP_NOUNS = frozenset("""
    government official national international general material potential total capital
    individual personal principal local regional animal hospital interval festival
    morning evening building meeting thing ring king evening spring nothing something
    anything everything weekend percent people year time day week month
""".split())


def iter_texts(html_dir: Path) -> list[tuple[str, str]]:
    """(name, article text) of each English page; failures are skipped and counted."""
    texts: list[tuple[str, str]] = []
    skipped = Counter()
    for path in sorted(html_dir.glob("*.html.gz")):
        try:
            html = decode_bytes(gzip.decompress(path.read_bytes()))
            text = extract_html(html).text
        except Exception as err:  # noqa: BLE001 - a report: count and go on
            skipped[type(err).__name__] += 1
            continue
        lang = detect_language(text)
        if lang != "en":
            skipped[f"lang={lang}"] += 1
            continue
        texts.append((path.name.split(".")[0][:12], text))
    print(f"# {len(texts)} English articles; skipped: {dict(skipped) or 'none'}", file=sys.stderr)
    return texts


def parse(texts: list[tuple[str, str]], cache: Path | None):  # type: ignore[no-untyped-def]
    from spacy.tokens import DocBin

    nlp = load_nlp()
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = []
    for _name, text in texts:
        # Long pages in paragraph-aligned pieces, as the pipeline does.
        chunks, current = [], ""
        for para in text.split("\n"):
            if len(current) + len(para) > 50_000 and current:
                chunks.append(current)
                current = ""
            current += para + "\n"
        if current.strip():
            chunks.append(current)
        docs.extend(nlp.pipe(chunks, batch_size=8))
    if cache is not None:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def _example(token, width: int = 110) -> str:  # type: ignore[no-untyped-def]
    """The token's sentence on one line, the token in [brackets], cut around it to ``width``."""
    sent = token.sent
    before = " ".join(sent.doc[sent.start:token.i].text.split())
    after = " ".join(sent.doc[token.i + 1:sent.end].text.split())
    text = f"{before} [{token.text}] {after}".strip()
    if len(text) <= width:
        return text
    centre = len(before)
    start = max(0, min(centre - width // 3, len(text) - width))
    return ("..." if start else "") + text[start:start + width - 3] + "..."


def _is_event_noun(token, lemma: str) -> bool:  # type: ignore[no-untyped-def]
    if lemma in _SKIP_NOUNS or len(lemma) < 4 or not lemma.isalpha():
        return False
    if lemma in _EVENT_NOUN_EXTRA or _EVENT_SUFFIX.search(lemma):
        return True
    head = token.head
    return token.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_ in LIGHT_VERBS


def report(docs, lexicon: Lexicon, top: int, show: frozenset[str] = frozenset()) -> None:  # type: ignore[no-untyped-def]
    uncovered: dict[str, Counter] = {"VERB": Counter(), "NOUN": Counter()}
    examples: dict[tuple[str, str], str] = {}
    unmatched: Counter = Counter()
    unmatched_objects: dict[str, Counter] = defaultdict(Counter)
    unmatched_example: dict[str, str] = {}
    fired: Counter = Counter()
    fired_example: dict[str, str] = {}
    shown: dict[str, list[str]] = defaultdict(list)
    verbs = nouns = 0
    for doc in docs:
        for sent in doc.sents:
            for token in sent:
                pos = lexicon_pos(token) if token.pos_ in ("VERB", "NOUN") else None
                if pos is None:
                    continue
                lemma = token.lemma_.lower()
                if pos == "VERB":
                    verbs += 1
                else:
                    nouns += 1
                candidates = lexicon.candidates(pos, lemma)
                if not candidates:
                    if pos == "VERB" or _is_event_noun(token, lemma):
                        uncovered[pos][lemma] += 1
                        examples.setdefault((pos, lemma), _example(token))
                    continue
                entry = matching_entry(token, lexicon)
                if entry is None:
                    key = f"{pos} {lemma}"
                    unmatched[key] += 1
                    unmatched_example.setdefault(key, _example(token))
                    if lemma in show:
                        shown[f"{key} (no row matched)"].append(_example(token))
                    for child in token.children:
                        if child.dep_ in ("dobj", "nsubjpass"):
                            unmatched_objects[key][child.lemma_.lower()] += 1
                        elif child.dep_ in ("prt",):
                            unmatched_objects[key]["prt:" + child.lower_] += 1
                        elif child.dep_ == "prep":
                            for g in child.children:
                                if g.dep_ == "pobj":
                                    unmatched_objects[key][f"{child.lower_}:{g.lemma_.lower()}"] += 1
                    continue
                fired[entry.id] += 1
                if entry.id in show or lemma in show:
                    shown[entry.id].append(_example(token))
                fired_example.setdefault(entry.id, _example(token))

    print(f"# {len(docs)} parsed chunks, {verbs} verb tokens, {nouns} noun tokens, "
          f"{len(lexicon.entries)} lexicon rows")
    total_v = sum(uncovered["VERB"].values())
    print(f"# verb tokens with no lexicon row: {total_v} ({total_v / max(verbs, 1):.0%})\n")

    print(f"## 1. Uncovered VERB lemmas (top {top}; '*' = function-like verb)")
    print(f"{'count':>5}  {'lemma':<16} example")
    for lemma, n in uncovered["VERB"].most_common(top):
        mark = "*" if lemma in FUNCTION_VERBS else " "
        print(f"{n:>5} {mark}{lemma:<16} {examples[('VERB', lemma)]}")

    print(f"\n## 2. Uncovered event-like NOUN lemmas (top {top})")
    print(f"{'count':>5}  {'lemma':<16} example")
    for lemma, n in uncovered["NOUN"].most_common(top):
        print(f"{n:>5}  {lemma:<16} {examples[('NOUN', lemma)]}")

    print(f"\n## 3. Lemmas with rows but no matching row (top {top}): frequent objects/preps")
    print(f"{'count':>5}  {'pos lemma':<20} objects")
    for key, n in unmatched.most_common(top):
        objs = ", ".join(f"{w}:{c}" for w, c in unmatched_objects[key].most_common(6))
        print(f"{n:>5}  {key:<20} {objs}")

    print(f"\n## 4. Rows that fire most often (top {top})")
    print(f"{'count':>5}  {'row':<26} example")
    for row_id, n in fired.most_common(top):
        print(f"{n:>5}  {row_id:<26} {fired_example[row_id]}")

    for row_id, found in sorted(shown.items()):
        print(f"\n## every match of {row_id} ({len(found)})")
        for line in found:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=DEFAULT_HTML, help="directory of *.html.gz pages")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--lexicon", type=Path, action="append", default=[], help="extra events.tsv file")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin file for the parses")
    parser.add_argument("--show", action="append", default=[],
                        help="row id or lemma: print every sentence where it fires (repeatable)")
    args = parser.parse_args(argv)
    texts = [] if args.cache is not None and args.cache.exists() else iter_texts(args.html)
    docs = parse(texts, args.cache)
    report(docs, load_lexicon(args.lexicon), args.top, frozenset(args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
