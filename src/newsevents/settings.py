"""Named limits and defaults shared by the stages. Change them here, not in the logic."""
from __future__ import annotations

# Inputs larger than this are refused rather than read: a news article is rarely over 2 MB of
# HTML, and a 20 MB page is either not an article or would stall the parser.
MAX_INPUT_BYTES = 10 * 1024 * 1024

# Network fetches: give up on a slow host, never read more than the input cap.
FETCH_TIMEOUT_SECONDS = 15.0
USER_AGENT = "newsevents/0.1 (news event coder; +https://pypi.org/project/newsevents/)"

# Language detection on fewer characters than this is a guess, so short texts are kept as
# English rather than skipped on a coin toss.
MIN_CHARS_FOR_LANGUAGE = 40

# A decoded text whose share of control characters exceeds this is binary, not text.
MAX_CONTROL_CHAR_RATIO = 0.05

# Language accepted by default: the parse model and lexicons are English.
DEFAULT_LANGUAGES = ("en",)

# spaCy batching defaults for nlp.pipe.
DEFAULT_BATCH_SIZE = 64
