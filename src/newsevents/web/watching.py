"""``serve --watch``: the feed watcher as a thread of the server, writing through the
server's one connection and locks, so the store has one owner and is served meanwhile."""
from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from ..batch.pool import DocumentCoder
from ..monitor.polite import PoliteFetcher
from ..monitor.watcher import ArticleStore, CycleHook, Watcher, watch
from ..progress import print_error

# Seconds the server waits, when stopping, for the article being coded to be stored.
STOP_TIMEOUT = 60.0


def install_watcher(app: FastAPI, feeds: Path, *, every: float, delay: float,
                    on_cycle: CycleHook | None = None) -> None:
    """Run a Watcher over ``feeds`` in a thread while ``app`` serves.

    It starts once the app's lifespan has loaded the pipeline, and is stopped (the article
    being stored finishes) before the lifespan closes the store. every: seconds between
    cycles; delay: seconds between requests to one host; on_cycle: after each cycle.
    """
    state = app.state.newsevents
    inner = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(application: Any) -> AsyncIterator[Any]:
        async with inner(application) as value:
            stop = threading.Event()
            thread = threading.Thread(target=_run, args=(state, feeds, stop, every, delay, on_cycle),
                                      name="newsevents-watch", daemon=True)
            thread.start()
            try:
                yield value
            finally:
                stop.set()
                await asyncio.to_thread(thread.join, STOP_TIMEOUT)

    app.router.lifespan_context = lifespan


def _run(state: Any, feeds: Path, stop: threading.Event, every: float, delay: float,
         on_cycle: CycleHook | None) -> None:
    try:
        database = state.open_database()
        store = ArticleStore(database.writer, DocumentCoder(state.pipeline, jobs=1),
                             write_lock=database.write_lock, code_lock=state.lock)
        watcher = Watcher(feeds, store, PoliteFetcher(delay=delay, stop=stop), stop=stop, quiet=True)
        watch(watcher, every=every, once=False, on_cycle=on_cycle)
    except Exception as err:  # noqa: BLE001 - the server goes on serving without its watcher
        print_error(f"error: watch {feeds}: the watcher stopped ({type(err).__name__}: {' '.join(str(err).split())}); "
                    "the server goes on serving")
