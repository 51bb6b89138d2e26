"""Progress bars and error lines on stderr, so stdout stays machine-readable."""
from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

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


def escape_controls(text: str) -> str:
    """``text`` with every control character written out as an escape (``\\x1b``): names and
    reasons stay on one line, and no terminal escape from an input reaches the terminal."""
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text)


def table_cell(value: object) -> Text:
    """A Rich table cell that shows ``value`` as written: Rich markup in it (``[link=...]``
    from a document id) is not interpreted and control characters (``ESC[2J`` from article
    text) are escaped, so input never styles, links or clears the terminal (issue 18)."""
    return Text(escape_controls(str(value)))
