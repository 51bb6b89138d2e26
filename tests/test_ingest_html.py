"""HTML extraction: main text, title and publication date; debris stays out."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import InputError
from newsevents.ingest.html import extract_html, looks_like_html

from .conftest import EXAMPLES

PARAGRAPHS = [
    "Kenyan Foreign Minister Musalia Mudavadi travelled to Addis Ababa on Wednesday",
    "The two ministers agreed to reopen the Moyale crossing",
    "Kenyan police arrested twelve suspected smugglers near Moyale on Tuesday",
]
DEBRIS = ["cookie", "Share on Facebook", "Comments are closed", "Related stories", "Drought deepens",
          "All rights reserved", "Privacy policy", "Subscribe", "Home", "analytics", "font-family"]


@pytest.fixture(scope="module")
def sample() -> str:
    return (EXAMPLES / "sample.html").read_text(encoding="utf-8")


def test_sample_page_gives_only_title_and_paragraphs(sample: str) -> None:
    extracted = extract_html(sample)
    assert extracted.title == "Kenya and Ethiopia agree to reopen border trade"
    for paragraph in PARAGRAPHS:
        assert paragraph in extracted.text
    for debris in DEBRIS:
        assert debris not in extracted.text, debris
    # The headline is kept as the title, not repeated as the first line of the body.
    assert not extracted.text.startswith(extracted.title)


def test_published_time_becomes_date(sample: str) -> None:
    assert extract_html(sample).date == "2025-03-14"


def test_canonical_url_is_kept(sample: str) -> None:
    assert extract_html(sample).url == "https://herald.example.org/world/kenya-ethiopia-border-trade"


@pytest.mark.parametrize("html", [
    "<html><head><script>var a = 1;</script><style>p {}</style></head><body></body></html>",
    "<html><body><!-- nothing here --><div></div></body></html>",
])
def test_page_without_article_is_an_error(html: str) -> None:
    with pytest.raises(InputError, match="no article text"):
        extract_html(html)


@pytest.mark.parametrize("text,expected", [
    ("<!DOCTYPE html><html>", True),
    ("  <html lang='en'>", True),
    ("<p>Para</p>", True),
    ("The minister <b>said</b>", False),
    ("{\"id\": 1}", False),
])
def test_html_sniffing(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_real_page_from_benchmark(shared_data: Path) -> None:
    import gzip
    import json

    truth = json.loads((shared_data / "news-html" / "ground-truth.json").read_text(encoding="utf-8"))
    page_id, record = sorted(truth.items())[0]
    html = gzip.decompress((shared_data / "news-html" / "html" / f"{page_id}.html.gz").read_bytes())
    text = extract_html(html.decode("utf-8", errors="replace")).text
    first_words = " ".join(record["articleBody"].split()[:8])
    assert first_words in " ".join(text.split())


HOVER_CARD_PAGE = """<html><head><title>Senator questioned</title></head><body><article>
<h1>Senator questioned</h1>
<p>Prosecutors in Nairobi questioned Senator
<span class="people"><a href="/p/amina-otieno">Amina Otieno</a><span class="rollover-people-block"><span
class="rollover-block"><a href="/a/1">Otieno backs new tea tariff bill</a> <a href="/a/2">Otieno visits flood
camps in Kisumu</a> <a class="more" href="/p/amina-otieno">MORE</a></span></span></span> (ODM) on Monday about the
missing relief funds, her lawyer said after the hearing ended in the afternoon.</p>
<p>The lawyer said the senator had answered every question and would return to the capital on Tuesday.</p>
<div hidden><p>Otieno backs new tea tariff bill and promises more hearings across the country this year.</p></div>
<p style="display: none">Otieno visits flood camps in Kisumu, where thousands remain without shelter this week.</p>
</article></body></html>"""


def test_hover_cards_and_hidden_elements_stay_out_of_the_text() -> None:
    text = extract_html(HOVER_CARD_PAGE).text
    assert "questioned Senator Amina Otieno (ODM) on Monday" in " ".join(text.split())
    assert "tea tariff" not in text and "flood camps" not in text and "MORE" not in text
