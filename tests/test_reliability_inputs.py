"""Reliability of the folder walk: every file of a folder is either read or reported as skipped, with
the reason; nothing is passed over without a word (issue 8). No spaCy model needed."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest import Skipped, iter_documents
from communique.records import Document

ARTICLE = "Le président a reçu son homologue pour une visite d'État et les deux pays ont signé un accord."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two articles, an image, a file without extension, a hidden file, a hidden folder and a link."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(ARTICLE + " Encore.", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (root / "sub" / "LISEZMOI").write_text("notes", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\0\0")
    (root / ".git").mkdir()
    (root / ".git" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", root / "lien")
    return root


def test_folder_walk_reports_every_file_it_does_not_read_with_the_reason(folder: Path):
    skipped: list[Skipped] = []
    items = list(iter_documents([folder], on_skip=skipped.append))
    assert [d.path for d in items if isinstance(d, Document)] == [str(folder / "a.txt"), str(folder / "sub" / "b.txt")]
    assert not [e for e in items if isinstance(e, InputError)]
    assert sorted((os.path.relpath(s.path, folder), s.reason) for s in skipped) == [
        (".DS_Store", "hidden file"),
        (".git", "hidden folder"),
        ("lien", "symbolic link to a folder (not followed)"),
        ("photo.png", "unsupported file type .png"),
        (os.path.join("sub", "LISEZMOI"), "unsupported file type (no extension)"),
    ]
    assert str(skipped[0]).startswith(str(folder))  # "path: reason", the way the CLI prints it


def test_folder_walk_without_a_callback_reads_the_same_documents(folder: Path):
    assert [d.path for d in iter_documents([folder])] == [str(folder / "a.txt"), str(folder / "sub" / "b.txt")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_sub_folder_is_an_error_not_a_silent_loss(folder: Path):
    locked = folder / "sub"
    locked.chmod(0)
    try:
        items = list(iter_documents([folder], on_skip=lambda _s: None))
    finally:
        locked.chmod(0o755)
    errors = [e for e in items if isinstance(e, InputError)]
    assert [(e.path, e.problem) for e in errors] == [(str(locked), "cannot read folder (Permission denied)")]
    assert [d.path for d in items if isinstance(d, Document)] == [str(folder / "a.txt")]
