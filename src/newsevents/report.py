"""Rich tables for the evaluation report."""
from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console
from rich.table import Table

from .evaluate import EventReport, TypeReport
from .progress import table_cell


def print_coder_comparison(reports: Mapping[str, EventReport], console: Console) -> None:
    """One row per coder and level: the coders side by side on the same gold."""
    table = Table("coder", "level", "precision", "recall", "F1", title="coders compared")
    for coder, report in reports.items():
        for level, tally in [*report.levels.items(), ("event detection", report.detection)]:
            table.add_row(coder, level, f"{tally.precision:.3f}", f"{tally.recall:.3f}", f"{tally.f1:.3f}")
    console.print(table)


def print_type_report(reports: Mapping[str, TypeReport], console: Console) -> None:
    """Sentence-level type scores: a summary per coder, then per-type F1 side by side."""
    summary = Table("coder", "macro-F1", "coverage", "precision", title=f"{len(next(iter(reports.values())).gold)} sentences, one PLOVER type each")
    for coder, report in reports.items():
        summary.add_row(coder, f"{report.macro_f1:.3f}", f"{report.coverage:.3f}", f"{report.precision:.3f}")
    console.print(summary)
    per_type = Table("type", *[f"{coder} P/R/F1" for coder in reports], title="per type")
    tallies = {coder: report.per_type() for coder, report in reports.items()}
    for label in next(iter(tallies.values())):
        per_type.add_row(label, *[f"{t[label].precision:.2f}/{t[label].recall:.2f}/{t[label].f1:.2f}" for t in tallies.values()])
    console.print(per_type)


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
