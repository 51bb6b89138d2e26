"""Routes that read (and write) the event database: events, stats, stored documents."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI


def install_explore_routes(app: FastAPI, state: Any, check_write_access: Callable[[Any, str | None], None]) -> None:
    """Add the database routes; placeholder until the store lands."""
    return None
