"""Monitoring (issue 16): following feeds, trends over the store, and alerts on change."""
