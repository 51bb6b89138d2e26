"""Rich tables for the evaluation report."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .evaluate import EventReport
from .progress import table_cell


def print_event_report(report: EventReport, console: Console, *, worst: int = 10) -> None:
    """Print the scores, per-root breakdown, confusion and worst errors of an evaluation."""
    levels = Table("level", "precision", "recall", "F1", "tp", "fp", "fn", title=f"{report.records} records" + (f" ({report.skipped} without a CAMEO code skipped)" if report.skipped else ""))
    for level, tally in [*report.levels.items(), ("event detection", report.detection)]:
        levels.add_row(level, f"{tally.precision:.3f}", f"{tally.recall:.3f}", f"{tally.f1:.3f}",
                       str(tally.tp), str(tally.fp), str(tally.fn))
    console.print(levels)
    console.print(f"root accuracy (most confident event per record): {report.root_accuracy:.3f}")
    roots = Table("root", "precision", "recall", "F1", "tp", "fp", "fn", title="per root (root level)")
    for root, tally in sorted(report.per_root.items()):
        roots.add_row(root, f"{tally.precision:.2f}", f"{tally.recall:.2f}", f"{tally.f1:.2f}",
                      str(tally.tp), str(tally.fp), str(tally.fn))
    console.print(roots)
    confusion = Table("gold root", "predicted root", "records", title="confusion (most confident event)")
    for (gold, predicted), count in report.confusion.most_common(25):
        if gold != predicted:
            confusion.add_row(gold, predicted, str(count))
    console.print(confusion)
    for title, rows in (("worst false positives", report.false_positives), ("worst false negatives", report.false_negatives)):
        table = Table("id", "event (root source target)", "sentence", title=title)
        for record_id, event, sentence in rows[:worst]:
            table.add_row(table_cell(record_id), table_cell(event), table_cell(sentence[:140]))
        console.print(table)
