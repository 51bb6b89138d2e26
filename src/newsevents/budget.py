"""Time budgets: each document gets so many seconds to be extracted, and so many to be coded.

A page of 150,000 tiny paragraphs took a minute to extract, and one request held the API's
pipeline for as long (issue 18). ``within_budget`` interrupts the code it wraps once the
budget is spent, in whatever thread runs it (a CLI, a pool worker, an API request thread):
a timer raises ``OverBudget`` in that thread, between two Python bytecodes, and raises it
again each second until the block is left, in case a library swallows it. Work inside one
call into C (one lxml parse, one regex) finishes before the exception lands.

``OverBudget`` derives from BaseException, like KeyboardInterrupt, so that the libraries'
own ``except Exception`` cannot swallow it; callers catch it where they set the budget and
turn it into a per-document error.
"""
from __future__ import annotations

import ctypes
import os
import threading

from .settings import DOCUMENT_BUDGET_ENV, DOCUMENT_BUDGET_SECONDS

__all__ = ["OverBudget", "document_budget", "within_budget"]

# After the budget, the exception is raised again this often until the block is left.
REPEAT_SECONDS = 1.0


class OverBudget(BaseException):  # noqa: N818 - named for what happened, like KeyboardInterrupt
    """A document used up its time budget."""


def document_budget() -> float:
    """Seconds each document may take to extract, and again to code: NEWSEVENTS_DOCUMENT_BUDGET
    when set to a positive number, else DOCUMENT_BUDGET_SECONDS."""
    try:
        seconds = float(os.environ.get(DOCUMENT_BUDGET_ENV, ""))
    except ValueError:
        return DOCUMENT_BUDGET_SECONDS
    return seconds if 0 < seconds < float("inf") else DOCUMENT_BUDGET_SECONDS


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Schedule ``exception`` in the thread (None: cancel one that is scheduled)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


class within_budget:  # noqa: N801 - a context manager, used as a function
    """Run the block with a time budget (default: ``document_budget()``); past it, the block
    raises OverBudget. No exception is left scheduled once the block is left.

    A class, not a generator: nothing runs between the block and the clean-up in __exit__,
    which retries until it has run whole, so an exception landing there cannot leave the
    watcher firing at the next document.
    """

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = document_budget() if seconds is None else seconds
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._left = threading.Event()

    def __enter__(self) -> within_budget:
        threading.Thread(target=self._watch, name="newsevents-budget", daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> bool:
        while True:
            try:
                with self._lock:
                    self._left.set()
                    _raise_in(self._thread_id, None)  # one raised as the block ended must not land after it
                return False
            except OverBudget:
                continue  # it landed here, as the block ended: the block's work is done

    def _watch(self) -> None:
        if self._left.wait(self.seconds):
            return
        while True:
            with self._lock:
                if self._left.is_set():
                    return
                _raise_in(self._thread_id, OverBudget)
            if self._left.wait(REPEAT_SECONDS):
                return
