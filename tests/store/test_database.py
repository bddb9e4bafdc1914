"""The store against real SQLite files: migrations, batching under concurrency, outages, queries."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import random
import sqlite3
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.store import database as storage
from bot.store.database import FLUSH_INTERVAL, MIGRATIONS, Exchange, Store, parse_duration
from tests.support import wait_for_async

NOW = time.time()


def exchange(**changes: object) -> Exchange:
    """A logged question with sensible defaults."""
    base = Exchange(ts=NOW, channel="telegram", chat="-1001234567", user="424242", question="ai chủ trì?",
                    normalized="ai chu tri", intent="chair", kind="answer", score=91.0, language="vi",
                    elapsed_ms=4.2, candidate="chair")
    return replace(base, **changes)  # type: ignore[arg-type]


def query(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Read the file with a plain connection, independent of the store."""
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchall()


def file_bytes(path: Path) -> bytes:
    """The database file and its WAL, as stored on disk."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bot.db"


@pytest.fixture
async def store(db_path: Path) -> AsyncIterator[Store]:
    store = await Store.open(db_path)
    yield store
    await store.close()


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The store's warnings so far."""
    return [r.getMessage() for r in caplog.records
            if r.name == "bot.store.database" and r.levelno >= logging.WARNING]


# --- schema -------------------------------------------------------------------------------------

async def test_creates_schema_in_an_empty_file(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.touch()
    store = await Store.open(db_path)
    await store.close()
    assert query(db_path, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    assert query(db_path, "PRAGMA journal_mode") == [("wal",)]
    tables = {name for (name,) in query(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meta", "exchanges", "feedback", "chat_context"} <= tables


@pytest.mark.parametrize("version", [1, 2, 3])
async def test_migrates_older_files_keeping_rows(db_path: Path, version: int) -> None:
    db_path.parent.mkdir()
    with sqlite3.connect(db_path) as old:
        old.executescript("".join(MIGRATIONS[:version]) + f"PRAGMA user_version = {version};")
        old.execute("INSERT INTO exchanges VALUES ('old1', ?, 'telegram', 'c', 'u', 'q', 'q', 'chair', "
                    "'answer', 90, 'vi', 1)", (NOW - 60,))
        if version >= 2:
            old.execute("INSERT INTO feedback VALUES ('old1', 'u', -1, ?)", (NOW,))
    store = await Store.open(db_path)
    try:
        [row] = await store.exchanges_since(0)
        assert (row.id, row.question, row.intent, row.down) == ("old1", "q", "chair", int(version >= 2))
        assert row.candidate is None  # v4's column, empty for rows logged before it
        store.remember("chat", {"ok": True})  # v3 table usable
        assert await store.flush()
        assert await store.feedback("old1", 1, "someone")
    finally:
        await store.close()
    assert query(db_path, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    assert {name for (name,) in query(db_path, "SELECT name FROM sqlite_master WHERE type = 'index'")} >= {
        "exchanges_ts", "chat_context_updated"}


async def test_refuses_a_newer_schema(db_path: Path) -> None:
    db_path.parent.mkdir()
    with sqlite3.connect(db_path) as newer:
        newer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(sqlite3.DatabaseError, match="newer"):
        await Store.open(db_path)


# --- logging ------------------------------------------------------------------------------------

async def test_concurrent_logging_from_many_chats(store: Store, db_path: Path) -> None:
    chats = [f"-100987654{i:03d}" for i in range(50)]

    async def talk(chat: str) -> list[str]:
        ids = []
        for n in range(20):
            ids.append(store.log(exchange(chat=chat, user=f"7{chat}", question=f"câu hỏi số {n}")))
            await asyncio.sleep(random.uniform(0, 0.01))
        return ids

    ids = [i for chat_ids in await asyncio.gather(*map(talk, chats)) for i in chat_ids]
    assert await store.flush()
    assert len(set(ids)) == 1000
    assert {i for (i,) in query(db_path, "SELECT id FROM exchanges")} == set(ids)
    per_chat = dict(query(db_path, "SELECT chat, COUNT(*) FROM exchanges GROUP BY chat"))
    assert per_chat == {store.pseudonym(chat): 20 for chat in chats}
    await store.close()
    stored = file_bytes(db_path)
    assert not [chat for chat in chats if chat.encode() in stored or f"7{chat}".encode() in stored]


async def test_background_writer_needs_no_flush(store: Store, db_path: Path) -> None:
    store.log(exchange())
    await wait_for_async(lambda: query(db_path, "SELECT COUNT(*) FROM exchanges") == [(1,)], "the row written")


async def test_close_writes_what_is_queued(db_path: Path) -> None:
    store = await Store.open(db_path)
    store.log(exchange())
    await store.close()
    assert query(db_path, "SELECT COUNT(*) FROM exchanges") == [(1,)]


async def test_pseudonyms_are_keyed_and_stable_across_restarts(db_path: Path) -> None:
    first = await Store.open(db_path)
    await first.close()
    again = await Store.open(db_path)
    await again.close()
    keyed = await Store.open(db_path, secret="s3cret")
    await keyed.close()
    assert first.pseudonym("-1001") == again.pseudonym("-1001") != keyed.pseudonym("-1001")
    assert keyed.pseudonym("-1001") == hmac.new(b"s3cret", b"-1001", hashlib.sha256).hexdigest()[:16]


# --- outages ------------------------------------------------------------------------------------

async def test_locked_database_queues_then_catches_up(db_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.store.database")
    store = await Store.open(db_path, busy_timeout_ms=50)
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        started = time.perf_counter()
        ids = [store.log(exchange(question=f"q{n}")) for n in range(300)]
        assert time.perf_counter() - started < 300 * 0.050 / 10  # far from waiting out the lock once a row
        await wait_for_async(lambda: warnings(caplog), "a warning")
        await asyncio.sleep(FLUSH_INTERVAL * 4)  # several failed retries
        assert not await store.flush()
        assert len(warnings(caplog)) == 1 and "database is locked" in warnings(caplog)[0]
        assert store.pending == 300
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert await store.flush()
    assert {i for (i,) in query(db_path, "SELECT id FROM exchanges")} == set(ids)
    assert len(warnings(caplog)) == 1
    assert any("again" in r.getMessage() for r in caplog.records if r.levelno == logging.INFO)
    await store.close()


async def test_deleted_database_is_recreated(store: Store, db_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    store.log(exchange(question="before"))
    assert await store.flush()
    db_path.unlink()
    store.log(exchange(question="after"))
    assert await store.flush()
    assert query(db_path, "SELECT question FROM exchanges") == [("after",)]
    assert len(warnings(caplog)) == 1 and "deleted or replaced" in warnings(caplog)[0]
    pseudonym = store.pseudonym("-1001")
    await store.close()
    reopened = await Store.open(db_path)
    await reopened.close()
    assert reopened.pseudonym("-1001") == pseudonym  # the secret moved to the new file


async def test_database_replaced_by_a_directory(store: Store, db_path: Path, caplog: pytest.LogCaptureFixture,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "MAX_QUEUED", 40)
    store.log(exchange(question="before"))
    assert await store.flush()
    db_path.unlink()
    db_path.mkdir()
    started = time.perf_counter()
    ids = [store.log(exchange(question=f"q{n}")) for n in range(50)]
    assert time.perf_counter() - started < 1.0  # queued, not written: no busy wait of 5 s
    await asyncio.sleep(FLUSH_INTERVAL * 4)
    assert not await store.flush()
    assert (store.pending, store.dropped) == (40, 10)  # the oldest went
    assert len(warnings(caplog)) == 1
    db_path.rmdir()
    assert await store.flush()
    assert {i for (i,) in query(db_path, "SELECT id FROM exchanges")} == set(ids[10:])
    assert len(warnings(caplog)) == 1


# --- feedback, context, purge, queries -------------------------------------------------------------

async def test_feedback_upserts_per_user(store: Store) -> None:
    exchange_id = store.log(exchange())
    assert await store.feedback(exchange_id, 1, "alice")
    assert await store.feedback(exchange_id, -1, "bob")
    assert await store.feedback(exchange_id, -1, "alice")  # alice changes her mind
    assert not await store.feedback("no-such-id", 1, "alice")
    with pytest.raises(ValueError):
        await store.feedback(exchange_id, 2, "alice")
    [row] = await store.exchanges_since(0)
    assert (row.id, row.up, row.down) == (exchange_id, 0, 2)


async def test_context_survives_restart(db_path: Path) -> None:
    first = await Store.open(db_path)
    first.remember("-1009999", {"last_intent": "chair", "choices": ["a", "b"], "lang": "vi"})
    first.remember("-1009999", {"last_intent": "date", "lang": "vi"})
    assert await first.load_context("-1009999") == {"last_intent": "date", "lang": "vi"}  # queued
    await first.close()
    second = await Store.open(db_path)
    try:
        assert await second.load_context("-1009999") == {"last_intent": "date", "lang": "vi"}
        assert await second.load_context("-1000000") is None
    finally:
        await second.close()
    assert b"-1009999" not in file_bytes(db_path)


async def test_purge_removes_only_old_exchanges_and_their_feedback(store: Store, db_path: Path) -> None:
    old = [store.log(exchange(ts=NOW - 100 * 86400)) for _ in range(3)]
    new = [store.log(exchange(ts=NOW - 86400)) for _ in range(2)]
    for exchange_id in old + new:
        assert await store.feedback(exchange_id, -1, "alice")
    assert await store.purge(parse_duration("90d")) == 3
    assert {i for (i,) in query(db_path, "SELECT id FROM exchanges")} == set(new)
    assert {i for (i,) in query(db_path, "SELECT exchange_id FROM feedback")} == set(new)
    assert await store.purge(parse_duration("90d")) == 0


async def test_stats_and_recent_fallbacks(store: Store) -> None:
    now = 1_700_000_000.0  # 2023-11-14 22:13 UTC
    midnight = 1_699_920_000.0
    rows = [
        exchange(ts=midnight + 60, intent="chair"),
        exchange(ts=midnight + 120, intent=None, kind="fallback", question="mấy giờ?", score=40),
        exchange(ts=midnight - 60, intent="chair"),
        exchange(ts=now - 3 * 86400, intent="date"),
        exchange(ts=now - 3 * 86400, intent=None, kind="command", question="/help"),
        exchange(ts=now - 2 * 86400, intent=None, kind="empty", question=""),
        exchange(ts=now - 10 * 86400, intent=None, kind="out_of_scope", question="thời tiết?"),
    ]
    for row in rows:
        store.log(row)
    stats = await store.stats(now=now)
    assert (stats.today, stats.week, stats.total) == (2, 6, 7)
    assert stats.fallback_rate == pytest.approx(2 / 5)  # the command is not a question
    assert stats.top_intents == (("chair", 2), ("date", 1))
    assert await store.recent_fallbacks(5) == [(midnight + 120, "mấy giờ?"), (now - 10 * 86400, "thời tiết?")]


@pytest.mark.parametrize(("text", "seconds"), [
    ("90d", 90 * 86400), ("7d", 7 * 86400), ("12h", 12 * 3600), ("30m", 1800), ("2w", 14 * 86400),
    (" 1.5H ", 5400),
])
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "90", "d", "7 days", "-1d", "0d", "3y"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"e\.g\. 30m"):
        parse_duration(text)
