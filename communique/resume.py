"""Resuming ``extract --output FILE`` after an interruption: which documents an output already holds.

``extract`` writes the records of one document after another, each document's records together, one
JSON object a line with the document's id in ``"doc"`` (SCHEMA.md). A run that was stopped (Ctrl-C,
a kill, a crash, a full disk) leaves a *byte prefix* of that stream: every document in it is complete
except, perhaps, the last one (its other records were never written) and the last line may be cut.
So the documents of a partial output that are surely complete are all those seen except the last
one, and the file is cut back to where that last document began; a resumed run then skips the
complete documents (``Pipeline.process_paths(done=...)``) and appends the others, in input order,
which gives the same file as a run that was never stopped.

The CLI writes ``--output FILE`` to a temporary file next to it and renames it at the end
(``cli._output``), and deletes the temporary file when the run fails, so today nothing is left to
resume from. With ``--resume`` it should instead write through ``resumable_output``:

* the records go to a fixed partial file ``.FILE.part`` next to FILE (``partial_path``), opened for
  appending and flushed after each document, and kept when the run fails or is interrupted;
* at the start, when ``.FILE.part`` exists, its complete documents are kept and skipped; otherwise,
  when FILE exists (a finished earlier run, e.g. before more articles were added), it is copied to
  ``.FILE.part`` and all its documents are kept (a finished file holds every record of its last
  document too);
* at the end, ``.FILE.part`` is synced and renamed to FILE, atomically as without ``--resume``;
* two runs resuming the same FILE at once would interleave their records: the second one is refused
  (``OutputBusy``, a lock on ``.FILE.part``).

A resumed run must be given the same options (``--date``, ``--kb``, ``--lang``) for its output to be
that of one run. A document with no record at all leaves no line, so it is read again (and again
gives nothing). Documents are known by id: inputs that give two documents the same id are a case
resume cannot tell apart.
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import CommuniqueError

try:
    import fcntl
except ImportError:  # pragma: no cover  (Windows: no lock)
    fcntl = None  # type: ignore[assignment]

__all__ = ["OutputBusy", "completed_documents", "partial_path", "resumable_output"]


def partial_path(output: str | os.PathLike[str]) -> Path:
    """Where the output of ``extract --output FILE --resume`` is written until the run ends."""
    target = Path(output)
    return target.with_name(f".{target.name}.part")


def _scan(data: bytes) -> tuple[list[tuple[str, int]], int, bool]:
    """(documents as (id, offset of its first line) in order, length of the readable prefix, whether
    the whole file was readable)."""
    docs: list[tuple[str, int]] = []
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl < 0:  # the last line was cut before its newline
            return docs, pos, False
        try:
            rec = json.loads(data[pos:nl])
        except ValueError:
            return docs, pos, False
        doc = rec.get("doc") if isinstance(rec, dict) else None
        if not isinstance(doc, str):
            return docs, pos, False
        if not docs or docs[-1][0] != doc:
            docs.append((doc, pos))
        pos = nl + 1
    return docs, pos, True


def completed_documents(path: str | os.PathLike[str], *, finished: bool = False, truncate: bool = True) -> set[str]:
    """Ids of the documents whose records are all in the JSON Lines file ``path``.

    ``path`` holds records as ``extract`` writes them (each document's records on consecutive lines).
    Unless ``finished`` (the file is the output of a run that ended, e.g. the previous FILE), the last
    document of the file is taken as incomplete; reading also stops at a line that is cut or is not a
    record (and the documents from there on are not complete either). With ``truncate``, the file is
    cut back to the records of the complete documents, so that appending the records of the others
    gives a file with each document once. A missing file holds no document.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        return set()
    docs, readable, whole = _scan(data)
    keep = readable
    if docs and not (finished and whole):
        last_id, keep = docs.pop()
    if truncate and keep < len(data):
        with open(p, "r+b") as f:
            f.truncate(keep)
            f.flush()
            os.fsync(f.fileno())
    return {doc for doc, _ in docs}


class OutputBusy(CommuniqueError):
    """Another run is writing the same partial output."""

    code = "E511"


@contextmanager
def resumable_output(output: str | os.PathLike[str]) -> Iterator[tuple[IO[str], set[str]]]:
    """``(file to append records to, ids of the documents to skip)`` for ``extract --output FILE
    --resume`` (see the module docstring). The file is ``partial_path(FILE)``; when the block ends
    without error it is synced and renamed to FILE; otherwise it is kept for the next run. The caller
    should flush the file after each document's records, so that an interrupted run loses little.
    Raises ``OutputBusy`` when another run holds ``partial_path(FILE)`` (an advisory lock, on POSIX).
    """
    target = Path(output)
    part = partial_path(target)
    with open(part, "a", encoding="utf-8", newline="\n") as f:
        if fcntl is not None:
            try:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputBusy(f"{part} is being written by another run",
                                 "wait for it to end, or give another --output") from None
        if part.stat().st_size == 0 and target.is_file():
            # a finished earlier output: every document of it is complete, its last one too
            shutil.copyfile(target, part)
            done = completed_documents(part, finished=True)
        else:
            done = completed_documents(part)
        yield f, done
        f.flush()
        os.fsync(f.fileno())
        if target.exists():
            shutil.copymode(target, part)
        os.replace(part, target)  # still under the lock, so no other run appends to the renamed file
