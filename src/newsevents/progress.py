"""Progress bars and error lines on stderr, so stdout stays machine-readable."""
from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def make_progress(*, quiet: bool = False) -> Progress:
    """A Rich progress bar on stderr; ``quiet`` hides it."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        disable=quiet,
        transient=False,
    )


def print_error(line: str) -> None:
    """Print one plain error line on stderr, above any progress bar."""
    stderr.print(line, markup=False)
