"""Backing up the live conversation log: a consistent copy while the bot goes on writing."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from pathlib import Path

import pytest

from bot.store.backup import backup
from bot.store.database import Store
from tests.store.test_database import exchange, query


async def test_a_backup_while_the_bot_writes_is_whole_and_consistent(tmp_path: Path) -> None:
    live = tmp_path / "bot.sqlite3"
    store = await Store.open(live)
    writing = True

    async def keep_writing() -> None:
        n = 0
        while writing:
            for _ in range(50):
                store.log(exchange(question=f"câu hỏi {n}"))
                n += 1
            await store.flush()
            await asyncio.sleep(0)

    writer = asyncio.create_task(keep_writing())
    try:
        while await asyncio.to_thread(lambda: query(live, "SELECT COUNT(*) FROM exchanges")[0][0]) < 500:
            await asyncio.sleep(0.01)
        result = await asyncio.to_thread(backup, live, tmp_path / "copy.sqlite3")
    finally:
        writing = False
        await writer
        total = await asyncio.to_thread(lambda: query(live, "SELECT COUNT(*) FROM exchanges")[0][0])
        await store.close()
    copy = tmp_path / "copy.sqlite3"
    assert result.path == copy and result.size == copy.stat().st_size
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    questions = [q for (q,) in query(copy, "SELECT question FROM exchanges ORDER BY rowid")]
    assert len(questions) == result.exchanges and 500 <= result.exchanges <= total
    assert questions == [f"câu hỏi {n}" for n in range(len(questions))]  # a prefix: one moment, whole batches
    assert len(questions) % 50 == 0
    assert not Path(f"{copy}-wal").exists()  # one self-contained file
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # it holds users' questions


async def test_a_folder_gets_a_dated_copy_and_a_missing_log_is_not_created(tmp_path: Path) -> None:
    live = tmp_path / "bot.sqlite3"
    store = await Store.open(live)
    store.log(exchange())
    await store.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    result = backup(live, folder)
    assert result.path.parent == folder and result.path.name.startswith("bot-") and result.exchanges == 1
    with pytest.raises(FileNotFoundError):
        backup(tmp_path / "nothing.sqlite3", folder)
    assert not (tmp_path / "nothing.sqlite3").exists()
    assert sorted(p.name for p in folder.iterdir()) == [result.path.name]  # no partial file left


def test_a_file_that_is_not_the_log_fails_without_replacing_the_target(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"the previous backup")
    with pytest.raises(sqlite3.OperationalError):
        backup(other, target)
    assert target.read_bytes() == b"the previous backup"

