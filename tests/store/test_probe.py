"""The health check's question to the log: does it take writes now?"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.store.database import Store


async def test_probe_says_whether_the_log_takes_writes_now(tmp_path: Path) -> None:
    live = tmp_path / "bot.sqlite3"
    store = await Store.open(live, busy_timeout_ms=100)
    try:
        assert await store.probe() is None
        with sqlite3.connect(live, isolation_level=None) as other:
            other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
            problem = await store.probe()
            other.execute("ROLLBACK")
        assert problem is not None and "locked" in problem
        assert await store.probe() is None
    finally:
        await store.close()
