"""The distributed batch job: code a corpus with Spark and write Parquet tables.

``run_spark`` lists the inputs, reads them into raw items, deals the items out over partitions
and codes each partition with the same ``Pipeline`` as ``newsevents code`` (the worker side is
``newsevents.batch.worker``, which keeps one Pipeline per Python worker process). Output, under
OUTPUT, as Parquet:

  events/     one row per event, partitioned by ``year_month`` (``2024-06``, or ``unknown``);
              flat columns (with ``background`` and ``joint``, as the store's exports have)
              plus ``json``, the event exactly as ``newsevents code`` prints it
  mentions/   actor mentions
  documents/  coded documents (text and metadata)
  errors/     (input, reason) for each input, line or document that could not be read or coded

PySpark is an optional extra (``pip install newsevents[spark]``), imported only inside the
functions that need it, so ``import newsevents`` never needs it.
"""
from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from .batch import worker
from .batch.worker import CODED_SCHEMA, ERROR, EVENT, TABLES, CountsParam
from .errors import Errors, UsageError
from .events.hybrid import CODER_HELP, DEFAULT_CODER, Coder
from .events.joint import DEFAULT_JOINT, JOINT_HELP, JointMode
from .ingest import expand_inputs
from .ingest.sources import KNOWN_SUFFIXES, STDIN, _kind_of, is_url
from .model import Failure

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext
    from pyspark.sql import SparkSession

__all__ = ["run_spark", "spark_command"]

# Coding partitions per core when --partitions is not given: enough that one slow partition
# does not leave the other cores idle at the end of a job, few enough that each partition
# fills several nlp.pipe batches.
PARTITIONS_PER_CORE = 4
# How many error lines the command prints before pointing at the errors table.
ERRORS_SHOWN = 20
# Spark settings for a session this job starts itself (an active session is used as it is).
SESSION_CONF = {
    "spark.app.name": "newsevents",
    "spark.sql.session.timeZone": "UTC",
    "spark.python.worker.reuse": "true",
}
PARQUET_SUFFIX = ".parquet"
# The columns a Parquet input may carry; id and text or html are required, as in JSONL.
PARQUET_COLUMNS = ("id", "text", "html", "date", "url", "title")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

NEEDS_PYSPARK = "the spark command needs PySpark: pip install 'newsevents[spark]'"
NO_STDIN = "stdin is not read by the spark job: write it to a file first"
NO_FILES = "no .txt, .html, .jsonl or .parquet files here"
NO_PARQUET_COLUMNS = "Parquet input needs an id column and a text or html column"
CANNOT_START = "cannot start Spark ({reason}); is Java 17 or newer installed (java -version)?"


@dataclass(slots=True)
class _Plan:
    """What the driver found in the inputs, grouped by how Spark reads it."""

    files: list[tuple[str, str, str | None]] = field(default_factory=list)  # (label, kind, path): read_source
    remote_files: list[str] = field(default_factory=list)  # Hadoop URIs: binaryFiles
    jsonl: list[tuple[str, str]] = field(default_factory=list)  # (label, URI): textFile, split
    parquet: list[tuple[str, list[str]]] = field(default_factory=list)  # (label, URIs)
    failures: list[Failure] = field(default_factory=list)


# --------------------------------------------------------------------------- listing inputs

def _is_local_parquet(path: Path) -> bool:
    if path.suffix.lower() == PARQUET_SUFFIX:
        return path.exists()
    if not path.is_dir():
        return False
    names = [name for _dir, _dirs, files in os.walk(path) for name in files if not name.startswith((".", "_"))]
    return bool(names) and all(name.lower().endswith(PARQUET_SUFFIX) for name in names)


def _plan_local(value: str, plan: _Plan) -> None:
    path = Path(value)
    if _is_local_parquet(path):
        plan.parquet.append((value, [path.resolve().as_uri()]))
        return
    for found in expand_inputs([value]):
        if isinstance(found, Failure):
            plan.failures.append(found)
        elif found.kind == "jsonl" and found.path is not None:
            plan.jsonl.append((found.label, found.path.resolve().as_uri()))
        else:
            plan.files.append((found.label, found.kind, str(found.path) if found.path else None))


def _plan_remote(spark: SparkSession, uri: str, plan: _Plan) -> None:
    """List a Hadoop file system URI (hdfs://, s3a://, gs://, file://...) through the JVM."""
    jvm: Any = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    try:
        root = jvm.org.apache.hadoop.fs.Path(uri)
        fs = root.getFileSystem(conf)
        if not fs.exists(root):
            plan.failures.append(Failure(uri, "no such file or directory"))
            return
        direct = fs.getFileStatus(root).isFile()
        statuses = fs.listFiles(root, True)
        found: list[str] = []
        while statuses.hasNext():
            found.append(statuses.next().getPath().toString())
    except Exception as err:  # noqa: BLE001 - py4j wraps every Java error; report it as the input's
        plan.failures.append(Failure(uri, f"cannot list ({str(err).splitlines()[0]})"))
        return
    parquet: list[str] = []
    used = 0
    for name in sorted(found):
        base = name.rsplit("/", 1)[-1].lower()
        if base.startswith((".", "_")) and not direct:
            continue  # _SUCCESS, .crc and other bookkeeping files
        if base.endswith(PARQUET_SUFFIX):
            parquet.append(name)
            continue
        if not direct and Path(base.removesuffix(".gz")).suffix not in KNOWN_SUFFIXES:
            continue  # a directory's unknown files are skipped, as expand_inputs does
        used += 1
        if _kind_of(Path(base)) == "jsonl":  # .jsonl, .ndjson, and .gz of them
            plan.jsonl.append((name, name))
        else:
            plan.remote_files.append(name)
    if parquet:
        plan.parquet.append((uri, parquet))
    elif not used:
        plan.failures.append(Failure(uri, NO_FILES))


def _plan_inputs(spark: SparkSession, inputs: Iterable[str]) -> _Plan:
    plan = _Plan()
    for value in inputs:
        if value == STDIN:
            plan.failures.append(Failure(STDIN, NO_STDIN))
        elif is_url(value):
            plan.files.append((value, "url", None))
        elif _SCHEME.match(value):
            _plan_remote(spark, value, plan)
        else:
            _plan_local(value, plan)
    return plan


# --------------------------------------------------------------------------- reading

def _record_parts(spark: SparkSession, plan: _Plan) -> list[RDD]:
    """(label, number, line or row dict) for every JSONL line and Parquet row, an RDD per input."""
    sc = spark.sparkContext
    parts = []
    for label, uri in plan.jsonl:
        lines = sc.textFile(uri).zipWithIndex()
        parts.append(lines.filter(_has_text).map(partial(worker.numbered, label)))
    for label, uris in plan.parquet:
        frame = spark.read.parquet(*uris)
        if "id" not in frame.columns or not {"text", "html"} & set(frame.columns):
            plan.failures.append(Failure(label, NO_PARQUET_COLUMNS))
            continue
        rows = frame.select([name for name in PARQUET_COLUMNS if name in frame.columns]).rdd
        parts.append(rows.zipWithIndex().map(partial(worker.numbered_row, label)))
    return parts


def _has_text(pair: tuple[str, int]) -> bool:
    return bool(pair[0].strip())


def _shuffled_union(sc: SparkContext, parts: list[RDD], partitions: int, partition_of: Any) -> RDD:
    """Shuffle each (key, value) RDD on its own, then union them partition by partition.

    A Python step on top of a union of Python RDDs runs a second Python worker in each task;
    the pool of idle workers then grows, and the coding stage, which takes pooled workers in
    turn, would load a model in every one. All parts share ``partition_of``, so the union keeps
    ``partitions`` partitions.
    """
    return sc.union([part.partitionBy(partitions, partition_of) for part in parts])


def _first_lines(sc: SparkContext, parts: list[RDD], partitions: int) -> dict[tuple[str, str], int]:
    """{(input, id): first line} for ids that occur on more than one line of an input."""
    from pyspark.rdd import portable_hash

    keyed = [part.flatMap(worker.id_keys) for part in parts]
    return dict(_shuffled_union(sc, keyed, partitions, portable_hash).mapPartitions(worker.repeated_ids).collect())


def _items_rdd(spark: SparkSession, plan: _Plan, partitions: int) -> RDD:
    """Every raw item and read failure, dealt out one by one over ``partitions`` partitions
    (``repartition()`` would move pickled batches, not items, and leave partitions empty)."""
    sc = spark.sparkContext
    parts = []
    records = _record_parts(spark, plan)
    if records:
        first_lines = sc.broadcast(_first_lines(sc, records, partitions))
        parts += [part.map(lambda r: worker.record_item(r[0], r[1], r[2], first_lines.value)) for part in records]
    if plan.files:
        parts.append(sc.parallelize(plan.files, max(1, min(len(plan.files), partitions))).flatMap(worker.read_local))
    if plan.remote_files:
        parts.append(sc.binaryFiles(",".join(plan.remote_files)).flatMap(lambda pair: worker.read_bytes(*pair)))
    if plan.failures:
        parts.append(sc.parallelize(plan.failures, 1))
    if not parts:
        return sc.parallelize([], partitions)
    keyed = [part.mapPartitionsWithIndex(partial(worker.deal, offset)) for offset, part in enumerate(parts)]
    return _shuffled_union(sc, keyed, partitions, worker.identity).values()


# --------------------------------------------------------------------------- the job

def _check_model(model: str | None) -> None:
    """Fail on the driver, before any task starts, when no spaCy model is installed."""
    import spacy

    from .nlp import MODEL_CANDIDATES

    candidates = (model,) if model else MODEL_CANDIDATES
    if any(spacy.util.is_package(name) or Path(name).exists() for name in candidates):
        return
    if model:
        raise UsageError(Errors.NE002.format(name=model, reason="not an installed package or a path"))
    raise UsageError(Errors.NE001)


def _session(master: str) -> tuple[SparkSession, bool]:
    """The active SparkSession (spark-submit, a notebook, a test), or a new one on ``master``.
    Returns the session and whether this job started it (and so stops it)."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    if master.startswith("local"):
        # Local workers must run this interpreter, the one with newsevents and the model.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder
    for key, value in SESSION_CONF.items():
        builder = builder.config(key, value)
    if not SparkConf().contains("spark.master"):  # spark-submit's --master wins
        builder = builder.master(master)
    return builder.getOrCreate(), True


def run_spark(inputs: list[str], output: str, *, master: str = "local[*]", partitions: int | None = None,
              date: str | None = None, model: str | None = None, coder: str = DEFAULT_CODER,
              joint: str = DEFAULT_JOINT) -> dict[str, Any]:
    """Code ``inputs`` with Spark and write Parquet tables under ``output``.

    inputs: JSONL files, text or HTML files, directories (gzip too), Parquet files or folders
        with id/text/html/date/url(/title) columns, http(s) URLs, or Hadoop URIs (hdfs://,
        s3a://, file://...). Local paths must be readable by the executors.
    output: a folder (local path or Hadoop URI); its events/, mentions/, documents/ and errors/
        tables are overwritten, so a rerun gives the same output.
    master: Spark master for a session this job starts; an active session (spark-submit, a
        notebook) is used as it is.
    partitions: coding partitions (default: PARTITIONS_PER_CORE per core).
    date: publication date (YYYY-MM-DD) for documents that carry none.
    model: spaCy pipeline (default: as ``newsevents code``).
    coder: hybrid, rules or model (``events/hybrid.py``); the classifier loads once per
        executor process, as the spaCy model does.
    joint: pairs or single (``events/joint.py``).
    Returns counts: documents, events, mentions, errors (and first_errors, the first
    ERRORS_SHOWN as [input, reason]), partitions, worker_processes (Python processes that coded
    a partition), pipelines_loaded (Pipelines they created; max_loads_per_process is 1 when
    each process kept its own), output and seconds.
    Raises UsageError when the spaCy model is not installed.
    """
    from pyspark import StorageLevel

    started = time.perf_counter()
    _check_model(model)
    spark, owned = _session(master)
    try:
        sc = spark.sparkContext
        count = partitions or max(1, sc.defaultParallelism * PARTITIONS_PER_CORE)
        plan = _plan_inputs(spark, inputs)
        loads: Any = sc.accumulator({}, cast(Any, CountsParam()))
        tasks: Any = sc.accumulator({}, cast(Any, CountsParam()))
        coded = _items_rdd(spark, plan, count).mapPartitions(
            lambda items: worker.code_partition(items, model=model, date=date, loads=loads, tasks=tasks,
                                                coder=coder, joint=joint))
        # One DataFrame with a column per table, cached in the JVM: the four writes read the
        # cache. No Python RDD is cached: that too would run two Python workers per task.
        frame = spark.createDataFrame(coded, schema=CODED_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK)
        base = output.rstrip("/")
        for tag, table in TABLES.items():
            writer = frame.filter(frame.tag == tag).select(f"{table}.*").write.mode("overwrite")
            if tag == EVENT:
                writer = writer.partitionBy("year_month")
            writer.parquet(f"{base}/{table}")
        counts = {row["tag"]: row["count"] for row in frame.groupBy("tag").count().collect()}
        errors = frame.filter(frame.tag == ERROR).select("errors.*")
        shown = [list(row) for row in errors.orderBy("input").take(ERRORS_SHOWN)]
        frame.unpersist()
    finally:
        if owned:
            spark.stop()
    summary: dict[str, Any] = {TABLES[tag]: counts.get(tag, 0) for tag in TABLES}
    summary.update(first_errors=shown, partitions=count, worker_processes=len(tasks.value),
                   pipelines_loaded=sum(loads.value.values()),
                   max_loads_per_process=max(loads.value.values(), default=0), output=output,
                   seconds=round(time.perf_counter() - started, 1))
    return summary


def spark_command(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="JSONL, text or HTML files, directories (gzip too), Parquet with id/text/html/date/url columns, or hdfs://, s3a://... URIs.", show_default=False)],
    output: Annotated[str, typer.Argument(metavar="OUTPUT", help="Output folder: events/ (by year_month), mentions/, documents/, errors/ as Parquet.", show_default=False)],
    master: Annotated[str, typer.Option("--master", help="Spark master (under spark-submit, its --master wins).")] = "local[*]",
    partitions: Annotated[int | None, typer.Option("--partitions", min=1, help="Coding partitions (default: 4 per core).")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to parse with (installed on every executor).")] = None,
    coder: Annotated[Coder, typer.Option("--coder", help=CODER_HELP)] = Coder.hybrid,
    joint: Annotated[JointMode, typer.Option("--joint", help=JOINT_HELP)] = JointMode.pairs,
) -> None:
    """Code a corpus with Spark: Parquet tables of events, mentions, documents and errors."""
    from .cli import EXIT_ALL_FAILED, EXIT_OK, EXIT_USAGE, _check_date
    from .progress import print_error

    checked_date = _check_date(date)
    try:
        import pyspark  # noqa: F401 - only to say what is missing
    except ImportError as err:
        print_error(f"error: {NEEDS_PYSPARK}")
        raise typer.Exit(EXIT_USAGE) from err
    try:
        summary = run_spark(inputs, output, master=master, partitions=partitions, date=checked_date, model=model,
                            coder=coder.value, joint=joint.value)
    except UsageError as err:
        print_error(f"error: {err}")
        raise typer.Exit(EXIT_USAGE) from err
    except Exception as err:
        if "JAVA_GATEWAY" not in str(err):
            raise
        print_error(f"error: {CANNOT_START.format(reason=str(err).splitlines()[0])}")
        raise typer.Exit(EXIT_USAGE) from err
    for input_label, reason in summary["first_errors"]:
        print_error(str(Failure(input_label, reason)))
    if summary["errors"] > len(summary["first_errors"]):
        print_error(f"... and {summary['errors'] - len(summary['first_errors'])} more in {output}/errors")
    print_error(f"{output}: coded {summary['documents']} documents ({summary['events']} events, "
                f"{summary['mentions']} actor mentions), {summary['errors']} errors, "
                f"{summary['partitions']} partitions, {summary['seconds']} s")
    raise typer.Exit(EXIT_ALL_FAILED if summary["errors"] and not summary["documents"] else EXIT_OK)


def main() -> None:
    """``python -m newsevents.spark INPUT... OUTPUT``, and the spark-submit launcher's entry."""
    typer.run(spark_command)


if __name__ == "__main__":
    main()
