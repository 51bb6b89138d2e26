"""Event coding: the event lexicon and the coder that applies it to parsed sentences."""
