"""newsevents: code who did what to whom, when and where, from news articles."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
