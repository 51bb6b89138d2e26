"""Monitoring the news: following feeds into the store (watch), trends and alerts over it."""
