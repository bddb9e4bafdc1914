"""A consistent copy of the live conversation log, for backups while the bot runs.

Copying the file is not safe: in WAL mode recent writes sit in ``bot.sqlite3-wal`` and a copy
taken mid-write is torn. SQLite's online backup API copies the database as of one moment, WAL
included, while the bot goes on writing. The copy is written beside its target and renamed into
place, so a backup that fails half-way never replaces a good one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BackupResult:
    """Where the copy went, its size, how many exchanges it holds and how long it took."""

    path: Path
    size: int
    exchanges: int
    seconds: float


def backup_target(target: Path, now: float | None = None) -> Path:
    """The file to write: ``target`` itself, or a dated name inside it if it is a folder."""
    if target.is_dir():
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
        return target / f"bot-{stamp}.sqlite3"
    return target


def backup(source: Path, target: Path) -> BackupResult:
    """Copy the database ``source`` to ``target`` (a file, or a folder for a dated file).

    Raises FileNotFoundError if there is no database at ``source`` (rather than creating one),
    and sqlite3.Error if it cannot be read or the copy fails its integrity check.
    """
    if not source.is_file():
        raise FileNotFoundError(f"no conversation log at {source}")
    dest = backup_target(target)
    tmp = dest.with_name(f".{dest.name}.partial")
    started = time.perf_counter()
    try:
        with contextlib.closing(sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite3.connect(tmp)) as copy:
            src.backup(copy)  # all pages in one step: one consistent moment
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            check = copy.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"the copy fails its integrity check: {check}")
            exchanges = copy.execute("SELECT COUNT(*) FROM exchanges").fetchone()[0]
        os.chmod(tmp, 0o600)  # it holds users' questions
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return BackupResult(dest, dest.stat().st_size, exchanges, time.perf_counter() - started)
