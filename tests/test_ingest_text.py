"""Plain-text clean-up, decoding and hashing."""
from __future__ import annotations

import pytest

from newsevents.errors import InputError
from newsevents.ingest.decode import decode_bytes, gunzip
from newsevents.ingest.text import clean_text, is_debris, text_hash

ARTICLE = "The council met on Monday.\n\nIt approved the budget after a long debate."


@pytest.mark.parametrize("line", [
    "Share.", "Comments are closed.", "Exit mobile version", "Advertisement", "Read more",
    "READ MORE: Floods hit the valley", "We use cookies to give you the best experience.",
    "Share Tweet Email", "Copyright 2024 The Daily Example", "Thanks for signing up!",
])
def test_debris_lines_are_recognised(line: str) -> None:
    assert is_debris(line)


@pytest.mark.parametrize("line", [
    "The minister said she would share the report with parliament.",
    "Comments by the president angered the opposition.",
    "Read the statement in full below, the spokesman said.",
])
def test_article_sentences_are_not_debris(line: str) -> None:
    assert not is_debris(line)


def test_clean_text_drops_debris_and_keeps_paragraphs() -> None:
    raw = ARTICLE + "\n\n\nShare.\n\nComments are closed.\n\nExit mobile version\n"
    assert clean_text(raw) == ARTICLE


def test_clean_text_folds_spaces_and_line_endings() -> None:
    assert clean_text("A  b\u00a0c\r\n\r\n\r\n\r\nD\t e") == "A b c\n\nD e"


def test_hash_ignores_case_and_spacing_but_not_words() -> None:
    assert text_hash("The  Council met.") == text_hash("the council\nmet.")
    assert text_hash("The council met.") != text_hash("The council left.")


@pytest.mark.parametrize("data,expected", [
    ("Café in Zürich".encode("utf-8"), "Café in Zürich"),
    ("Café in Zürich".encode("utf-16"), "Café in Zürich"),
    ("\ufeffCafé".encode("utf-8"), "Café"),
    (b"A NUL\x00 inside", "A NUL inside"),
])
def test_decode_known_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def test_decode_latin1_by_detection() -> None:
    text = "Le ministre français a visité la capitale à midi, où il a rencontré le président élu. " * 3
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
    (bytes(range(32)) * 50, "binary"),
])
def test_decode_refuses_bad_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_bytes(data)


def test_gunzip_refuses_bombs() -> None:
    import gzip

    with pytest.raises(InputError, match="too large"):
        gunzip(gzip.compress(b"a" * 5000), limit=1000)
