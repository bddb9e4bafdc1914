"""The store's thread for the console: it keeps the log going through a lock at start."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from bot.store.database import Exchange, LogConfig
from bot.store.writer import BackgroundStore


def test_a_database_locked_at_start_is_written_once_the_lock_clears(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    BackgroundStore(LogConfig(path)).close()
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        store = BackgroundStore(LogConfig(path))
        ids = [store.log(Exchange(ts=time.time(), channel="console", chat="console", user="console",
                                  question=f"câu {n}", normalized=f"cau {n}", intent=None, kind="fallback",
                                  score=10.0, language="vi", elapsed_ms=1.0, candidate=None))
               for n in range(33)]
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert all(ids)
    assert store.feedback(ids[-1], -1, "console")  # /bad works once the lock is gone
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM exchanges").fetchall() == [(33,)]
        assert db.execute("SELECT rating FROM feedback").fetchall() == [(-1,)]
