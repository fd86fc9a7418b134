"""The ``communique`` command line: extract, ingest, export, actors, actor.

Thin layer over the library: each command parses its options, calls ``Pipeline`` / ``Store``, writes
the output, and turns the library's typed errors into one ``error: ...`` line on stderr and an exit
status: 0 all went well, 1 some inputs failed (then a ``failed:`` line counts them by reason) or the
model or the store failed, 2 usage error. Only this module prints or exits.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from .errors import CommuniqueError, InputError

if TYPE_CHECKING:  # pragma: no cover
    from .ingest import Skipped
    from .records import Document, DocumentFacts
    from .store import Summary

log = logging.getLogger("communique.cli")

FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo")
DEFAULT_DB = "communique.db"
DEFAULT_MAX_MB = 10.0
TOP_COUNTRIES = 10

app = typer.Typer(
    name="communique",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# ---------------------------------------------------------------------------------------------- options

class Lang(str, Enum):
    """Languages the pipeline has a model and language data for."""

    fr = "fr"
    en = "en"


class Engine(str, Enum):
    """Where extract runs: this machine, or a Dask cluster."""

    local = "local"
    dask = "dask"


class Kind(str, Enum):
    person = "person"
    event = "event"
    figure = "figure"
    relation = "relation"
    commitment = "commitment"


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from .ingest import parse_date

    try:
        return parse_date(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def _check_size(value: float) -> float:
    if not value > 0:
        raise typer.BadParameter(f"{value} is not a size in MB greater than 0")
    return value


def _check_format(value: str) -> str:
    if value.lower() not in FORMATS:
        raise typer.BadParameter(f"unknown format {value!r}; supported: {', '.join(FORMATS)}")
    return value.lower()


Articles = Annotated[list[str], typer.Argument(
    metavar="ARTICLE", show_default=False,
    help="Files (.txt, .html, .htm, .jsonl, .jsonl.gz/.bz2/.xz, .warc, .warc.gz) and folders (read recursively).")]
DateOpt = Annotated[Optional[str], typer.Option(
    "--date", metavar="YYYY-MM(-DD)", callback=_check_date,
    help="Publication date of every input (overrides the dates found in them).")]
MaxSizeOpt = Annotated[float, typer.Option(
    "--max-size", metavar="MB", callback=_check_size,
    help="Skip (as an error) any file or JSON Lines record larger than this.")]
LangOpt = Annotated[Optional[Lang], typer.Option(
    "--lang", help="Read every article in this language (default: each in its own, French or English, told from "
                   "its text or its JSON Lines \"lang\" field; others are refused).")]
WorkersOpt = Annotated[Optional[int], typer.Option(
    "--workers", "-j", min=1, metavar="N",
    help="Worker processes analysing documents (default: the number of cores; each holds a copy of the model).")]
DbOpt = Annotated[str, typer.Option(
    "--db", metavar="FILE|URL", envvar="COMMUNIQUE_DB",
    help="SQLite file, or a postgresql://user@host:port/dbname URL.")]
QuietOpt = Annotated[bool, typer.Option(
    "-q", "--quiet", help="Only errors on stderr: no progress, no summary, no warnings.")]
KbOpt = Annotated[Optional[list[str]], typer.Option(
    "--kb", metavar="FILE",
    help="Knowledge-base file (YAML or CSV: aliases, merges, roles; see docs/knowledge-base.md). "
         "Repeatable; COMMUNIQUE_KB may list more, separated by ':'.")]
StrictOpt = Annotated[bool, typer.Option(
    "--strict", help="Stop at the first input that fails (exit status 1); the inputs before it are kept.")]
VerboseOpt = Annotated[int, typer.Option(
    "-v", "--verbose", count=True,
    help="More logging on stderr (-v: info, -vv: debug), and tracebacks with errors.")]


# ---------------------------------------------------------------------------------------------- console

class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (Rich's progress display redirects it)."""

    @property  # type: ignore[override]
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


class _Ui:
    """Messages on stderr, progress, logging set-up, and the count of failed inputs."""

    def __init__(self, quiet: bool, verbose: int):
        self.quiet, self.verbose = quiet, verbose
        #: inputs that failed, by reason ("empty file", "not valid JSON", ...)
        self.failures: Counter[str] = Counter()
        #: files a folder walk did not read, by reason
        self.skips: Counter[str] = Counter()
        self._progress: Progress | None = None
        self._task: Any = None
        self._what = ""
        #: progress and status lines only for a person watching a terminal (decided before Rich
        #: redirects stderr while it shows progress)
        self.interactive = not quiet and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
        if quiet:
            level = logging.ERROR
        else:
            level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
        logger = logging.getLogger("communique")
        for h in [h for h in logger.handlers if isinstance(h, _StderrHandler)]:
            logger.removeHandler(h)
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)

    def error(self, message: str | BaseException) -> None:
        sys.stderr.write(f"error: {' '.join(str(message).splitlines())}\n")
        sys.stderr.flush()

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def input_error(self, e: CommuniqueError) -> None:
        """An input that failed (``InputError``, or a document the store refused): one line, counted."""
        self.failures[_reason(e)] += 1
        self.error(e)
        self.advance()

    def skipped(self, s: Skipped) -> None:
        """A file a folder walk did not read: counted, and named with -v."""
        self.skips[s.reason] += 1
        if self.verbose and not self.quiet:
            sys.stderr.write(f"skipped: {s}\n")

    def report(self, strict: bool = False) -> None:
        """The closing lines on stderr: what folders held that was not read, and the failures by reason."""
        if self.quiet:
            return
        if self.skips:
            records = sum(n for reason, n in self.skips.items() if _archive_skip(reason))
            files = sum(self.skips.values()) - records
            what = [f"{files} file{'s' * (files != 1)} in folders"] if files else []
            what += [f"{records} archive record{'s' * (records != 1)}"] if records else []
            sys.stderr.write(f"skipped: {' and '.join(what)} ({_counts(self.skips)})"
                             + ("" if self.verbose else "; -v lists them") + "\n")
        if self.failures:
            n = self.failed
            sys.stderr.write(f"failed: {n} input{'s' * (n != 1)} ({_counts(self.failures)})"
                             + ("; stopped there (--strict)" if strict else "") + "\n")
        sys.stderr.flush()

    def status(self, message: str) -> None:
        if self.interactive:
            sys.stderr.write(message + "\n")

    @contextmanager
    def progress(self, what: str, paths: list[str]) -> Iterator[None]:
        if not self.interactive:
            yield
            return
        self._progress = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            _RateColumn(), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task(what, total=_count_documents(paths))
        self._what = what
        try:
            with self._progress:
                yield
        finally:
            self._progress = None

    def loading(self) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description="loading the language model")

    def loaded(self) -> None:
        """Start the clock again, so that rate and time left are about documents only."""
        if self._progress is not None:
            task = next(t for t in self._progress.tasks if t.id == self._task)
            self._progress.reset(self._task, total=task.total, completed=task.completed, description=self._what)

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def fail(self, e: BaseException) -> typer.Exit:
        """One line for an error that stops the command (traceback first with -v); exit status 1."""
        if self.verbose:
            traceback.print_exception(e, file=sys.stderr)
        self.error(e)
        return typer.Exit(1)


class _RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} doc/s" if speed else "- doc/s", style="progress.data.speed")


def _archive_skip(reason: str) -> bool:
    """A reason given for a record of a WARC archive rather than for a file of a folder."""
    return reason.startswith(("WARC ", "HTTP status", "not an HTML page", "not an HTTP response",
                              "another capture"))


def _reason(e: CommuniqueError) -> str:
    """What kind of failure an error is, without the details that differ from input to input:
    "not valid JSON (Expecting ',' at column 7)" -> "not valid JSON"."""
    problem = str(getattr(e, "problem", None) or getattr(e, "message", None) or e)
    if problem.startswith(("file is ", "line is ")) and " over the " in problem:
        return f"{problem.split()[0]} too large"
    if problem.startswith("duplicate document id"):
        return "duplicate document id"
    if problem.startswith("the first ") and "lines are all bad" in problem:
        return "not a JSON Lines file of articles"
    for cut in (" (", ": ", "; "):
        problem = problem.split(cut)[0]
    return problem.strip() or type(e).__name__


def _counts(counter: Counter[str]) -> str:
    """"2 empty file, 1 not valid JSON": most frequent first, then by name."""
    return ", ".join(f"{n} {what}" for what, n in sorted(counter.items(), key=lambda x: (-x[1], x[0])))


def _count_documents(paths: list[str]) -> int | None:
    """About how many documents the inputs hold (one per file, one per line of a .jsonl), for progress."""
    from .ingest import SUPPORTED_SUFFIXES

    def count_file(path: str) -> int:
        if not path.lower().endswith(".jsonl"):
            return 1
        try:
            with open(path, "rb") as f:
                return max(1, sum(1 for line in f if line.strip()))
        except OSError:
            return 1

    files: dict[str, str] = {}  # real path -> path (a file named twice is read once)
    try:
        for p in paths:
            if os.path.isdir(p):
                for root, dirs, names in os.walk(p):
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    for name in names:
                        if not name.startswith(".") and name.lower().endswith(SUPPORTED_SUFFIXES):
                            path = os.path.join(root, name)
                            files.setdefault(os.path.realpath(path), path)
            else:
                files.setdefault(os.path.realpath(p), p)
    except OSError:
        return None
    return sum(count_file(p) for p in files.values()) or None


@contextmanager
def _handled(ui: _Ui) -> Iterator[None]:
    """Library errors that stop a command → one line and exit 1; Ctrl-C → exit 130."""
    try:
        yield
    except CommuniqueError as e:  # ModelNotInstalled, StoreError, LexiconError, KnowledgeBaseError
        for problem in getattr(e, "problems", [])[:-1] if getattr(e, "problems", None) else []:
            ui.error(problem)  # a knowledge-base file with several problems: one line each
        raise ui.fail(getattr(e, "problems", [e])[-1] if getattr(e, "problems", None) else e) from None
    except KeyboardInterrupt:
        ui.error("interrupted")
        raise typer.Exit(130) from None
    except BrokenPipeError:  # the reader of stdout went away (`communique extract ... | head`)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(1) from None


# ---------------------------------------------------------------------------------------------- output

@contextmanager
def _output(path: Optional[str]) -> Iterator[IO[str]]:
    """stdout, or a file written atomically: a temp file in the same folder, renamed when all went well."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise _OutputError(f"cannot write {path}: it is a folder")
    if not folder.is_dir():
        raise _OutputError(f"cannot write {path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as e:
        raise _OutputError(f"cannot write {path}: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        from .export_formats import file_mode

        os.chmod(tmp, file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class _OutputError(CommuniqueError):
    code = "E510"


@contextmanager
def _output_and_nothing_done(path: Optional[str]) -> Iterator[tuple[IO[str], set[str]]]:
    with _output(path) as out:
        yield out, set()


@contextmanager
def _resumable(path: str) -> Iterator[tuple[IO[str], set[str]]]:
    """--resume: records appended to .FILE.part (kept when the run stops), renamed to FILE at the end."""
    from .resume import resumable_output

    try:
        with resumable_output(path) as (out, done):
            if done:
                log.info("resuming %s: %d documents already written", path, len(done))
            yield out, done
    except OSError as e:
        raise CommuniqueError(f"cannot write {path}: {e.strerror or e}", "check the folder and the free space") from e


def _write_records(out: IO[str], records: list[dict[str, Any]]) -> int:
    ascii_only = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "") != "utf8"
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=ascii_only) + "\n")
    return len(records)


# ---------------------------------------------------------------------------------------------- commands

def _version_callback(value: bool) -> None:
    if value:
        from . import _version

        typer.echo(f"communique {_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Read French and English diplomatic news and keep traceable fact records (events, figures, relations,
    persons, commitments), each with the sentence it was read from.

    Exit status: 0 all inputs read; 1 some failed (one error line each) or model/database failed; 2 usage error.
    """


@app.command()
def extract(
    articles: Articles,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the records to FILE (replaced at the end, atomically) instead of stdout.")] = None,
    date: DateOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_MB,
    lang: LangOpt = None,
    kb: KbOpt = None,
    strict: StrictOpt = False,
    workers: WorkersOpt = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="With --output FILE: keep the documents an interrupted run already wrote (in .FILE.part) "
                         "and extract only the others.")] = False,
    engine: Annotated[Engine, typer.Option(
        "--engine", help="local: this machine; dask: the per-document stages as Dask tasks, facts written as "
                         "Parquet partitions under --output DIR, then merged there (see docs/dask.md).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="With --engine dask: the address of a running Dask scheduler (tcp://host:8786); "
             "default: a local cluster of --workers processes.")] = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Extract fact records from articles, as JSON Lines (one SCHEMA.md record a line, per document).

    Exit status 1 when some inputs failed; with --strict, at the first one (--output is then left as
    it was).

    Example: communique extract samples/corpus --output facts.jsonl
    """
    ui = _Ui(quiet, verbose)
    n_docs = n_records = 0
    with _handled(ui):
        knowledge = _load_kb(kb)
        if engine is Engine.dask:
            _extract_dask(ui, articles, output, scheduler, workers, max_size, date, lang, knowledge)
            ui.report(strict)
            raise typer.Exit(1 if ui.failed else 0)
        if resume and not output:
            raise typer.BadParameter("--resume continues an --output FILE: give one", param_hint="--resume")
        try:
            with (_resumable(output) if resume else _output_and_nothing_done(output)) as (out, done_ids), \
                    ui.progress("extract", articles):
                def already_written(d: Document) -> bool:
                    if d.id not in done_ids:
                        return False
                    ui.advance()  # counted as done, so the bar reaches its total
                    return True

                for facts in _process(ui, articles, max_size, date, lang, knowledge, strict=strict, workers=workers,
                                      done=already_written if done_ids else None):
                    n_records += _write_records(out, facts.to_records())
                    n_docs += 1
                    if out is sys.stdout or resume:  # a resumable run loses at most the document under way
                        out.flush()
                    ui.advance()
                if strict and ui.failed:
                    raise _Stopped()  # the output file is not replaced
        except _Stopped:
            pass
        else:
            _done(ui, n_records, n_docs, output)
    ui.report(strict)
    raise typer.Exit(1 if ui.failed else 0)


class _Stopped(Exception):
    """--strict met a failed input: leave the output as it was."""


def _extract_dask(ui: _Ui, articles: list[str], output: Optional[str], scheduler: Optional[str],
                  workers: Optional[int], max_size: float, date: Optional[str], lang: Optional[Lang], kb) -> None:
    """``extract --engine dask``: partitions of documents and records, then their merge, in --output DIR."""
    if not output:
        raise typer.BadParameter("--engine dask writes Parquet partitions: give --output DIR", param_hint="--output")
    try:
        from .distributed import extract_to_parquet, merge_parquet
    except ImportError as e:
        raise CommuniqueError(f"--engine dask needs Dask ({e.name} is not installed)",
                              "pip install 'communique[dask]'") from None
    from distributed import Client, LocalCluster

    from .pipeline import default_workers

    n = workers or default_workers()
    cluster = None if scheduler else LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                                   dashboard_address=None)
    with Client(scheduler or cluster) as client:
        ui.status(f"Dask: {scheduler or f'local cluster of {n} workers'}")
        summary = extract_to_parquet(articles, output, client=client, n_workers=n, date=date,
                                     max_bytes=int(max_size * 1024 * 1024), on_error=ui.input_error,
                                     on_skip=ui.skipped, lang=lang.value if lang else None, kb=kb)
        merged = merge_parquet(output, client=client, kb=kb)
    if cluster is not None:
        cluster.close()
    _done(ui, summary.records, summary.documents, output)
    log.info("merged: %s", merged)


@app.command()
def ingest(
    articles: Articles,
    db: DbOpt = DEFAULT_DB,
    date: DateOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_MB,
    lang: LangOpt = None,
    kb: KbOpt = None,
    strict: StrictOpt = False,
    workers: WorkersOpt = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="The summary as one JSON record (this run's counts and what the database holds).")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Extract facts from articles and keep documents and facts in a database, then print a summary.

    A text already stored (same sha256) is not read again, so a run that was interrupted can simply
    be started again. Each document is stored with all its facts in one transaction, and the merged
    record is brought up to date at the end of every run (only what the new facts touch is merged
    again; `communique merge --full` recomputes it whole). Exit status 1 when some inputs failed; with
    --strict, at the first one (the documents before it stay stored).

    Example: communique ingest samples/corpus --db demo.db
    """
    from .store import DocumentRejected, open_store
    from .store.merged import MergedAsStored

    ui = _Ui(quiet, verbose)
    stored = present = 0
    with _handled(ui):
        knowledge = _load_kb(kb)
        with open_store(db) as store:
            merging = MergedAsStored(store, knowledge)

            def already_stored(d: Document) -> bool:
                nonlocal present
                if d not in store:
                    return False
                present += 1
                ui.advance()
                return True

            with ui.progress("ingest", articles):
                for facts in _process(ui, articles, max_size, date, lang, knowledge, done=already_stored,
                                      strict=strict, workers=workers):
                    try:
                        if store.add(facts):
                            stored += 1
                            merging.stored()
                        else:
                            present += 1
                        ui.advance()
                    except DocumentRejected as e:
                        ui.input_error(e)
                        if strict:
                            break
            # the merged record follows the stored documents (every MERGE_EVERY documents, and now), also those of
            # an interrupted earlier run: only the merge groups the facts not merged yet touch are recomputed (the
            # result is that of a whole recompute, which `communique merge --full` does on demand)
            merging.finish()
            summary = store.summary(top=TOP_COUNTRIES)
            where = store.url
        if as_json:
            _write_records(sys.stdout, [{
                "kind": "ingest_summary", "database": where,
                "run": {"stored": stored, "already_present": present, "failed": ui.failed},
                "documents": summary.documents, "events_by_type": summary.events_by_type,
                "top_countries": summary.countries, "figures": summary.figures, "persons": summary.persons,
                "relations": summary.relations, "commitments": summary.commitments}])
        elif not quiet:
            _print_summary(where, stored, present, ui.failed, summary)
    ui.report(strict)
    raise typer.Exit(1 if ui.failed else 0)


@app.command()
def export(
    db: DbOpt = DEFAULT_DB,
    format: Annotated[str, typer.Option(
        "--format", "-f", metavar="FORMAT", callback=_check_format,
        help="Output format: jsonl (one file), csv or parquet (one table per kind: events, figures, ...; "
             "--output is then a folder or a file-name prefix), or the events for the field's tools: plover "
             "(PLOVER/POLECAT JSON Lines) or cameo (CAMEO-coded TSV in the GDELT 1.0 column order); see "
             "docs/event-data-export.md.")] = "jsonl",
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to FILE (replaced at the end, atomically) instead of stdout.")] = None,
    kind: Annotated[Optional[Kind], typer.Option("--kind", help="Only the records of this kind.")] = None,
    merged: Annotated[bool, typer.Option(
        "--merged/--per-document",
        help="Merged output (the default): one record per real-world fact across documents (no `doc`; a "
             "source from every document that reported it). --per-document: the records as extract wrote them.")
    ] = True,
    kb: KbOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Write the stored facts as SCHEMA.md records: merged across documents (each event, figure,
    relation and person once, with all its sources), or per document with --per-document.

    Example: communique export --db demo.db --output demo.jsonl

    Example: communique export --db demo.db --format cameo --output events.tsv
    """
    from .store import open_store

    ui = _Ui(quiet, verbose)
    n_docs = n_records = 0
    with _handled(ui):
        if format in ("plover", "cameo"):
            from .export_formats import write_cameo_tsv, write_plover

            with open_store(db, create=False) as store:
                recs = _export_records(store, merged, None, kb)
                n_docs = len(store)
            write = write_plover if format == "plover" else write_cameo_tsv
            if output:
                n = write(recs, output)
                _done(ui, n, n_docs, output)
            else:
                write(recs, sys.stdout)
            raise typer.Exit(0)
        if format != "jsonl":
            if not output:
                raise typer.BadParameter(f"--format {format} writes one file per kind: give --output FOLDER or PREFIX",
                                         param_hint="--output")
            from .export_formats import write_csv, write_parquet

            with open_store(db, create=False) as store:
                recs = _export_records(store, merged, kind, kb)
                n_docs = len(store)
            files = (write_csv if format == "csv" else write_parquet)(recs, output)
            _done(ui, len(recs), n_docs, ", ".join(str(f) for f in files) or output)
            raise typer.Exit(0)
        with open_store(db, create=False) as store, _output(output) as out:
            if merged:
                n_records += _write_records(out, _export_records(store, True, kind, kb))
                n_docs = len(store)
            else:
                for _doc, records in store.records_by_document(kind.value if kind else None):
                    n_records += _write_records(out, records)
                    n_docs += 1
        _done(ui, n_records, n_docs, output)
    raise typer.Exit(0)


@app.command()
def merge(
    db: DbOpt = DEFAULT_DB,
    full: Annotated[bool, typer.Option(
        "--full", help="Recompute the merged record from every document, not only the groups new facts touch.")] = False,
    kb: KbOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Bring the merged record (one record per real-world fact across documents) up to date with the
    stored documents, recomputing only the merge groups that facts not merged yet touch (the result is
    that of a whole recompute, as `ingest` does after each run); --full recomputes it whole.

    Example: communique merge --db demo.db --full
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        from .store import open_store
        from .store.merged import MergeUpdate, update_merged

        with open_store(db, create=False) as store:
            if full:
                from .store import refresh_merged

                record = refresh_merged(store, _load_kb(kb))
                done = MergeUpdate(whole=True, new_facts=0, records=len(record.records()))
            else:
                done = update_merged(store, _load_kb(kb))
        if not quiet:
            how = "recomputed whole" if done.whole else f"{done.groups} merge groups recomputed"
            Console(highlight=False).print(Text(
                f"merged record of {db}: {how}, {done.new_facts} new facts, {done.records} merged records written"),
                soft_wrap=True)
    raise typer.Exit(0)


@app.command()
def load(
    folder: Annotated[str, typer.Argument(metavar="DIR", help="The --output DIR of `extract --engine dask`.")],
    db: DbOpt = DEFAULT_DB,
    kb: KbOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Bring the Parquet partitions of `extract --engine dask` (documents, facts and their merge) into a
    SQLite or PostgreSQL database; documents already stored are passed over.

    Example: communique load facts/ --db communique.db
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        try:
            from .distributed import load_parquet
        except ImportError as e:
            raise CommuniqueError(f"load needs pyarrow and Dask ({e.name} is not installed)",
                                  "pip install 'communique[dask]'") from None
        stored, present = load_parquet(folder, db, kb=_load_kb(kb), on_error=ui.input_error)
        if not quiet:
            Console(highlight=False).print(Text(f"{stored} stored, {present} already present in {db}"), soft_wrap=True)
    ui.report()
    raise typer.Exit(1 if ui.failed else 0)


def _export_records(store, merged: bool, kind, kb) -> list[dict]:
    if merged:
        recs = _merged(store, _load_kb(kb)).records()
    else:
        recs = [r for _doc, records in store.records_by_document() for r in records]
    return [r for r in recs if not kind or r.get("kind") == kind.value]


class ActorKind(str, Enum):
    person = "person"
    country = "country"
    organisation = "organisation"
    org = "org"  # the short form the actor ids use ("org:ASEAN")


def _merged(store, kb):
    from . import merged

    return merged(store, kb)


def _registry(store, kb):
    from . import actors

    return actors(store, kb)


@app.command()
def actors(
    db: DbOpt = DEFAULT_DB,
    kind: Annotated[Optional[ActorKind], typer.Option("--kind", help="Only persons, countries or organisations.")] = None,
    country: Annotated[Optional[str], typer.Option(
        "--country", metavar="COUNTRY", help="Only actors of this country (code or name, French or English).")] = None,
    kb: KbOpt = None,
    check: Annotated[Optional[str], typer.Option(
        "--check", metavar="FILE", help="Validate a knowledge-base file and report its errors by line.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one actor a line.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many actors.")] = 200,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """List the actors of the stored documents: canonical name, spellings seen, country, roles with the
    date they were observed, and the number of documents naming them.

    Example: communique actors --db demo.db --kind person --country Inde
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        if check:
            from .resolve.kb import check_kb

            problems = check_kb(check)
            for p in problems:
                ui.error(p)
            if not problems and not quiet:
                Console(highlight=False).print(f"{check}: no problems")
            raise typer.Exit(1 if problems else 0)
        code = _country_option(country)
        from .store import open_store

        with open_store(db, create=False) as store:
            registry = _registry(store, _load_kb(kb))
        wanted = {"organisation": "org"}.get(kind.value, kind.value) if kind else None
        found = registry.actors(wanted, code)[:limit]
        if as_json:
            _write_records(sys.stdout, [a.to_record() for a in found])
        else:
            _print_actors(found)
    raise typer.Exit(0)


@app.command()
def actor(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Any spelling: \"To Lam\", \"tô lâm\", \"Lukashenko\", \"OTSC\".")],
    db: DbOpt = DEFAULT_DB,
    kb: KbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="The actor as one JSON record.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Show one actor under its canonical name, whatever the spelling asked: spellings, country, roles
    over time, and the sentences that name them.

    Example: communique actor "lula da silva" --db demo.db
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        from .store import open_store

        with open_store(db, create=False) as store:
            registry = _registry(store, _load_kb(kb))
        found = registry.find(name)
        if found is None:
            ui.error(f"no actor named {name!r} in {db} (try `communique actors --db {db}`)")
            raise typer.Exit(1)
        if as_json:
            _write_records(sys.stdout, [found.to_record()])
        else:
            _print_actor(found)
    raise typer.Exit(0)


EventType = Enum("EventType", {t: t for t in ("visit", "meeting", "call", "agreement", "upgrade")}, type=str)


@app.command()
def dyad(
    first: Annotated[str, typer.Argument(metavar="COUNTRY", help="Code or name, French or English: VNM, Vietnam.")],
    second: Annotated[str, typer.Argument(metavar="COUNTRY", help="The other country: RUS, Russie, Russia.")],
    db: DbOpt = DEFAULT_DB,
    kb: KbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="The report as one JSON record.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """The relationship of two countries: current level and its history, visits and talks by year,
    agreements, figures over time, targets against later figures, open commitments.

    Example: communique dyad Brésil China --db demo.db
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        a, b = _country_arg(first), _country_arg(second)
        from .query import dyad as dyad_view
        from .store import open_store

        with open_store(db, create=False) as store:
            report = dyad_view(_merged(store, _load_kb(kb)), a, b)
        if as_json:
            _write_records(sys.stdout, [report.to_record()])
        else:
            _print_dyad(report)
    raise typer.Exit(0)


@app.command()
def timeline(
    country: Annotated[Optional[str], typer.Option("--country", metavar="COUNTRY",
                                                   help="Only events of this country (code or name).")] = None,
    start: Annotated[Optional[str], typer.Option("--from", metavar="YYYY[-MM[-DD]]", help="From this date.")] = None,
    end: Annotated[Optional[str], typer.Option("--to", metavar="YYYY[-MM[-DD]]", help="Up to this date.")] = None,
    type: Annotated[Optional[EventType], typer.Option("--type", help="Only events of this type.")] = None,
    all_status: Annotated[bool, typer.Option("--all", help="Also planned, hypothetical and negated events.")] = False,
    db: DbOpt = DEFAULT_DB,
    kb: KbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one event a line.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Events in date order, one line each, with the number of sources (merged across documents).

    Example: communique timeline --country IND --from 2018-01 --to 2024-12 --type visit --db demo.db
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        code = _country_option(country)
        for value, name in ((start, "--from"), (end, "--to")):
            if value is not None:
                _check_bound(value, name)
        from .query import timeline as timeline_view
        from .store import open_store

        with open_store(db, create=False) as store:
            events = timeline_view(_merged(store, _load_kb(kb)), code, start, end, type.value if type else None)
        if not all_status:
            events = [e for e in events if e.get("status") in (None, "happened")]
        if as_json:
            _write_records(sys.stdout, events)
        else:
            _print_timeline(events)
    raise typer.Exit(0)


@app.command()
def conflicts(
    db: DbOpt = DEFAULT_DB,
    kb: KbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one conflict a line.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Contradictions between sources: one event with incompatible dates, one figure with different
    values, one person with conflicting names or roles, each with the sentences on both sides.

    Example: communique conflicts --db demo.db
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        from .store import open_store

        with open_store(db, create=False) as store:
            found = _merged(store, _load_kb(kb)).conflicts
        if as_json:
            _write_records(sys.stdout, found)
        else:
            _print_conflicts(found)
    raise typer.Exit(0)


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(
        "--token", envvar="COMMUNIQUE_TOKEN", show_envvar=True,
        help="Turn writes on (POST /api/documents), for requests that present this token "
             "(Authorization: Bearer TOKEN). Without it every write answers 403.")] = None,
    kb: KbOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Start the web UI and the REST API over one database: the relations at a glance, every fact
    one click from its sentence. Pages at http://HOST:PORT/, the API under /api (docs at /api/docs);
    every page also answers as JSON (the same URL with .json).

    Example: communique serve --db demo.db --port 8000
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        import uvicorn

        from .serve import create_app

        application = create_app(db, token, _load_kb(kb))
        if not quiet:
            Console(stderr=True, highlight=False).print(
                f"communique: serving {application.state.settings.store.url} at http://{host}:{port}/ "
                f"(API docs at /api/docs; writes {'on' if application.state.settings.token else 'off'}); Ctrl+C stops")
        uvicorn.run(application, host=host, port=port, log_level="warning" if quiet or not verbose else "info")
    raise typer.Exit(0)


def _check_bound(value: str, name: str) -> None:
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise typer.BadParameter(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", param_hint=name)


def _country_arg(value: str) -> str:
    from .resolve import resolve_country

    code = resolve_country(value)
    if code is None:
        raise typer.BadParameter(f"unknown country {value!r} (give an ISO code or a French or English name)")
    return code


def _show(renderables) -> None:
    from rich.text import Text

    console = Console(highlight=False)
    for r in renderables:
        # a line of text is left to the terminal to wrap (paths and ids stay whole, copyable)
        console.print(r, soft_wrap=isinstance(r, Text))


def _print_timeline(events: list[dict]) -> None:
    from .query import terminal

    _show(terminal.timeline(events))


def _print_dyad(r) -> None:
    from .query import terminal

    _show(terminal.dyad(r))


def _print_conflicts(found: list[dict]) -> None:
    from .query import terminal

    _show(terminal.conflicts(found))


def _country_option(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    from .resolve import resolve_country

    code = resolve_country(value)
    if code is None:
        raise typer.BadParameter(f"unknown country {value!r} (give an ISO code or a French or English name)",
                                 param_hint="--country")
    return code


def _print_actors(found) -> None:
    from .query import terminal

    _show(terminal.actors(found))


def _print_actor(a) -> None:
    from .query import terminal

    _show(terminal.actor(a))


def _done(ui: _Ui, n_records: int, n_docs: int, output: Optional[str]) -> None:
    message = f"{n_records} records of {n_docs} documents written to {output or 'stdout'}"
    log.info("%s", message)
    if output not in (None, "-") and not log.isEnabledFor(logging.INFO):
        ui.status(message)


def _load_kb(files: Optional[list[str]]):
    """The knowledge base of ``--kb`` files and of $COMMUNIQUE_KB, or None when there is none."""
    paths = list(files or []) + [p for p in os.environ.get("COMMUNIQUE_KB", "").split(":") if p]
    if not paths:
        return None
    from .resolve.kb import load_kbs

    return load_kbs(paths)


def _process(ui: _Ui, articles: list[str], max_size: float, date: Optional[str], lang: Optional[Lang],
             kb=None, *, done: Callable[[Document], bool] | None = None,
             strict: bool = False, workers: Optional[int] = None) -> Iterator[DocumentFacts]:
    from . import _pipeline
    from .pipeline import default_workers

    pipeline = _pipeline(lang.value if lang else None)
    pipeline.kb = kb
    if ui.interactive:  # the model takes seconds to load: say so rather than show a stalled bar
        ui.loading()
        pipeline.nlp  # noqa: B018
        ui.loaded()
    yield from pipeline.process_paths(articles, max_bytes=int(max_size * 1024 * 1024), date=date,
                                      on_error=ui.input_error, on_skip=ui.skipped, done=done, strict=strict,
                                      workers=workers or default_workers())


def _print_summary(where: str, stored: int, present: int, failed: int, s: Summary) -> None:
    from .query import terminal

    _show(terminal.summary(where, stored, present, failed, s))


# ---------------------------------------------------------------------------------------------- kb

kb_app = typer.Typer(
    name="kb", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Who held which office when: the office holders shipped with communique, your own, Wikidata's.")
app.add_typer(kb_app, name="kb")

Office = Enum("Office", {o: o for o in ("head_of_state", "head_of_government", "foreign_minister",
                                        "parliament_speaker", "party_general_secretary")}, type=str)


@kb_app.command("import")
def kb_import(
    source: Annotated[str, typer.Argument(metavar="CSV", help="The Wikidata Query Service result, as CSV.")],
    output: Annotated[str, typer.Option("-o", "--output", metavar="FILE",
                                        help="The knowledge-base CSV file to write (atomically).")] = "officeholders-kb.csv",
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Turn office holders exported from Wikidata (the query `communique kb query` prints) into a
    knowledge-base file for --kb: persons, their other labels, and their terms of office.

    Example: communique kb import query.csv --output wikidata-kb.csv && communique extract --kb wikidata-kb.csv ARTICLE
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        from .resolve.wikidata import import_officeholders

        report = import_officeholders(source, output)
        for line in report.skipped if verbose else []:
            ui.error(f"skipped {line}")
        if not quiet:
            skipped = len(report.skipped)
            Console(highlight=False, stderr=True).print(
                f"{output}: {report.persons} persons, {report.terms} terms of office"
                + (f"; {skipped} line{'s' if skipped != 1 else ''} of {source} skipped (-v lists them)" if skipped else ""),
                soft_wrap=True, markup=False)
    raise typer.Exit(0)


@kb_app.command("query")
def kb_query() -> None:
    """Print the SPARQL query whose CSV result `communique kb import` reads (run it at
    https://query.wikidata.org/, then Download > CSV file)."""
    from .resolve.wikidata import WIKIDATA_QUERY

    typer.echo(WIKIDATA_QUERY, nl=False)
    raise typer.Exit(0)


@kb_app.command("holder")
def kb_holder(
    country: Annotated[str, typer.Argument(metavar="COUNTRY", help="Code or name, French or English: RUS, Russie.")],
    office: Annotated[Office, typer.Argument(help="The office.")],
    on: Annotated[Optional[str], typer.Option("--on", metavar="YYYY(-MM(-DD))", callback=_check_date,
                                              help="The date (default: every holder since 2000).")] = None,
    kb: KbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one term a line.")] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Who held an office of a country, on a date or since 2000 (your --kb files override the shipped data).

    Example: communique kb holder Russie head_of_state --on 2010-05
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        from .resolve.kb import office_holders

        code = _country_arg(country)
        holders = office_holders(_load_kb(kb))
        terms = holders.holders(code, office.value, on) if on else sorted(
            (t for t in holders.terms if t.country == code and t.office == office.value), key=lambda t: t.start or "")
        if as_json:
            _write_records(sys.stdout, [{"country": t.country, "office": t.office, "name": t.name, "from": t.start,
                                         "to": t.end, "aliases": list(t.aliases), "origin": t.origin} for t in terms])
        elif not terms:
            ui.error(f"no {office.value} of {code} known" + (f" on {on}" if on else ""))
            raise typer.Exit(1)
        else:
            console = Console(highlight=False)
            for t in terms:
                console.print(f"{t.start or '?':<10}  {t.end or 'today':<10}  {t.name}", markup=False)
    raise typer.Exit(0)



# ---------------------------------------------------------------------------------------------- db

db_app = typer.Typer(
    name="db", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Look after a database: consistent backups, integrity checks.")
app.add_typer(db_app, name="db")


@db_app.command("backup")
def db_backup(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The backup to write (replaced only when complete).")],
    db: DbOpt = DEFAULT_DB,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Write a consistent copy of the database to FILE, while other commands go on reading and writing.

    A SQLite database is copied with SQLite's online backup API (FILE is a SQLite database: use it as
    --db, or copy it back); a PostgreSQL one is dumped by pg_dump as plain SQL (restore it with
    `psql URL -f FILE`). Exit status 1 when the copy could not be made (FILE is then left as it was).

    Example: communique db backup backups/communique-2026-01-31.db --db communique.db
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        from .store import open_store

        with open_store(db, create=False) as store:
            path = store.backup(file)
            where, n = store.url, len(store)
        if not quiet:
            Console(highlight=False).print(f"{where} ({n} document{'s' * (n != 1)}) backed up to {path}",
                                           markup=False, soft_wrap=True)
    raise typer.Exit(0)


@db_app.command("check")
def db_check(
    db: DbOpt = DEFAULT_DB,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Check that the database holds together: the database's own integrity checks, foreign keys,
    each document's text against its sha256, and every source of every fact, merged record and
    conflict inside its document, its text the document's text at those offsets.

    Problems are listed on stderr, one `error: DB: problem` line each; exit status 1 if there is any.

    Example: communique db check --db communique.db
    """
    ui = _Ui(quiet, verbose)
    with _handled(ui):
        from .store import open_store

        with open_store(db, create=False) as store:
            problems = store.check()
            where, n = store.url, len(store)
        for problem in problems:
            ui.error(f"{where}: {problem}")
        if problems:
            raise typer.Exit(1)
        if not quiet:
            Console(highlight=False).print(f"{where}: no problems ({n} document{'s' * (n != 1)})", markup=False,
                                           soft_wrap=True)
    raise typer.Exit(0)


# ---------------------------------------------------------------------------------------------- entry

def main() -> None:
    """The console script ``communique`` (and ``python -m communique``)."""
    app(prog_name="communique")


if __name__ == "__main__":  # pragma: no cover
    main()
