"""Named limits and defaults shared by the stages. Change them here, not in the logic."""
from __future__ import annotations

# Inputs larger than this are refused rather than read: a news article is rarely over 2 MB of
# HTML, and a 20 MB page is either not an article or would stall the parser.
MAX_INPUT_BYTES = 10 * 1024 * 1024

# The longest text (after extraction and clean-up) that is coded. spaCy's own default limit;
# about 19 times the longest of our 181 real news pages (53,000 characters), and some 30 s of
# coding. Longer "articles" (a book, a log, a 5 MB single line) are refused, not parsed for
# minutes while holding the API's one pipeline (issue 8).
MAX_TEXT_CHARS = 1_000_000

# The most HTML elements (start tags) a page may have. trafilatura's time grows faster than
# the number of elements: a page of 150,000 "<p>Kenya.</p>" took a minute (issue 18), 20,000
# take some 7 s. The largest of our 181 real news pages has 1,737.
MAX_HTML_ELEMENTS = 25_000

# Network fetches: give up on a slow host, never read more than the input cap. The timeout
# bounds each network wait and, as a deadline, the reading of the body (a server trickling a
# byte at a time is cut off too); NEWSEVENTS_FETCH_TIMEOUT (seconds) overrides it, e.g. for
# tests and slow links.
FETCH_TIMEOUT_SECONDS = 15.0
FETCH_TIMEOUT_ENV = "NEWSEVENTS_FETCH_TIMEOUT"
USER_AGENT = "newsevents/0.1 (news event coder; +https://pypi.org/project/newsevents/)"

# Each document may take this long to extract, and again this long to code (seconds), after
# which it is an error and the run goes on: a page of 150,000 tiny paragraphs took a minute to
# extract (issue 18), while a real page takes 0.15 s on average, extraction and coding (README,
# Throughput). NEWSEVENTS_DOCUMENT_BUDGET (seconds) overrides it.
DOCUMENT_BUDGET_SECONDS = 30.0
DOCUMENT_BUDGET_ENV = "NEWSEVENTS_DOCUMENT_BUDGET"

# Language detection on fewer characters than this is a guess, so short texts are kept as
# English rather than skipped on a coin toss.
MIN_CHARS_FOR_LANGUAGE = 40

# A decoded text whose share of control characters exceeds this is binary, not text.
MAX_CONTROL_CHAR_RATIO = 0.05

# Language accepted by default: the parse model and lexicons are English.
DEFAULT_LANGUAGES = ("en",)
# Names of accepted languages in the "skipped: ... language pt, not English" line.
LANGUAGE_NAMES = {"en": "English"}

# spaCy batching defaults for nlp.pipe.
DEFAULT_BATCH_SIZE = 64
