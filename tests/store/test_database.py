"""The store against real SQLite files: migrations, batching under concurrency, outages, queries."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import random
import sqlite3
import time
import tracemalloc
import uuid
from collections.abc import AsyncIterator
from dataclasses import astuple, replace
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
    files = (path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal"))
    return b"".join(p.read_bytes() for p in files if p.is_file())


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
    queued = (uuid.uuid4().hex, *astuple(exchange(question="q10", chat="f" * 16, user="f" * 16)))
    monkeypatch.setattr(storage, "MAX_QUEUED_BYTES", int(40.5 * storage._size(queued)))  # room for 40 rows
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


# --- hostile rows (issue 9) ------------------------------------------------------------------------

async def test_invalid_strings_are_escaped_and_the_writer_goes_on(store: Store, db_path: Path) -> None:
    # A lone surrogate (Telegram can send one) and a surrogate-escaped byte (a console under C.UTF-8).
    questions = ["một", "lone \ud800 surrogate", "ba", "bad byte \udcff here", "năm"]
    for question in questions:
        store.log(exchange(question=question))
    store.remember("-100555", {"last_intent": "x\ud800"})
    await wait_for_async(lambda: query(db_path, "SELECT COUNT(*) FROM exchanges") == [(5,)],
                         "the writer writing all five rows")  # no flush: the writer alone
    stored = {q for (q,) in query(db_path, "SELECT question FROM exchanges")}
    assert stored == {"một", "lone \\ud800 surrogate", "ba", "bad byte \\udcff here", "năm"}
    assert await store.load_context("-100555") == {"last_intent": "x\ud800"}  # JSON keeps it as given
    store.log(exchange(question="later"))
    await wait_for_async(lambda: query(db_path, "SELECT COUNT(*) FROM exchanges") == [(6,)], "a later row")


async def test_a_row_sqlite_refuses_is_skipped_counted_and_said_once(store: Store, db_path: Path,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    store.log(exchange(question="before"))
    store.log(exchange(question=None))  # type: ignore[arg-type]  # a caller's bug: NOT NULL
    store.log(exchange(score=object()))  # type: ignore[arg-type]  # a type SQLite cannot bind
    store.log(exchange(question="after"))
    assert await store.flush()
    assert {q for (q,) in query(db_path, "SELECT question FROM exchanges")} == {"before", "after"}
    assert store.skipped == 2
    assert len(warnings(caplog)) == 1 and "skipped" in warnings(caplog)[0].lower()
    store.log(exchange(question="later"))
    assert await store.flush()
    assert query(db_path, "SELECT COUNT(*) FROM exchanges") == [(3,)]


# --- faults at start and at shutdown (issue 9) -----------------------------------------------------

def lock(path: Path) -> sqlite3.Connection:
    """Another process's write lock on ``path``, held until rolled back."""
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    return locker


def unlock(locker: sqlite3.Connection) -> None:
    locker.execute("ROLLBACK")
    locker.close()


async def test_a_database_locked_at_start_is_retried_until_it_can_be_written(
        db_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    await (await Store.open(db_path)).close()
    locker = lock(db_path)
    try:
        store = await Store.open(db_path, busy_timeout_ms=50)
        ids = [store.log(exchange(question=f"q{n}")) for n in range(33)]
        await wait_for_async(lambda: warnings(caplog), "a warning")
        assert len(warnings(caplog)) == 1 and "locked" in warnings(caplog)[0]
    finally:
        unlock(locker)
    try:
        await wait_for_async(lambda: query(db_path, "SELECT COUNT(*) FROM exchanges") == [(33,)],
                             "the writer catching up")
        assert await store.feedback(ids[0], 1, "alice")  # 👍/👎 work
        assert (await store.stats()).total == 33  # and so does /stats
    finally:
        await store.close()


async def test_close_waits_for_a_lock_to_clear(db_path: Path) -> None:
    store = await Store.open(db_path, busy_timeout_ms=50)
    locker = lock(db_path)
    try:
        for n in range(5):
            store.log(exchange(question=f"q{n}"))
        closing = asyncio.create_task(store.close())
        await asyncio.sleep(1.0)
        assert not closing.done()  # still trying
    finally:
        unlock(locker)
    await asyncio.wait_for(closing, 30)
    assert query(db_path, "SELECT COUNT(*) FROM exchanges") == [(5,)]


async def test_close_gives_up_after_a_bounded_wait_and_says_what_is_lost(
        db_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "CLOSE_WAIT_S", 0.5)
    store = await Store.open(db_path, busy_timeout_ms=50)
    locker = lock(db_path)
    try:
        for n in range(5):
            store.log(exchange(question=f"q{n}"))
        await asyncio.wait_for(store.close(), 30)
    finally:
        unlock(locker)
    assert "5 conversation log rows unwritten" in warnings(caplog)[-1]


# --- memory under a long outage (issue 9) ----------------------------------------------------------

async def test_queue_is_bounded_by_bytes_and_says_what_was_dropped(
        db_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.store.database")
    store = await Store.open(db_path, busy_timeout_ms=50)
    locker = lock(db_path)
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for n in range(10_000):  # 4,000-character questions, the longest Telegram allows
            store.log(exchange(question=f"{n} " + "câu hỏi dài " * 333))
            store.remember(f"-100{n}", {"last_intent": "chair", "person": "p" * 4000})
            if n % 500 == 0:
                await asyncio.sleep(0)  # the writer keeps trying meanwhile, as between messages
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
        unlock(locker)
    # 32 MB of exchanges and 8 MB of contexts, plus Python's per-object overhead and whatever else
    # the loop allocates (it measured 44–48 MB); unbounded, the same loop holds about 120 MB.
    assert held < 60 * 2**20, f"{held / 2**20:.0f} MB queued"
    assert store.dropped > 0 and store.dropped_contexts > 0
    assert await store.flush()
    latest = query(db_path, "SELECT question FROM exchanges ORDER BY ts, rowid DESC LIMIT 1")
    assert latest[0][0].startswith("9999 ")  # the newest rows are kept, the oldest dropped
    recovered = [r.getMessage() for r in caplog.records if "again" in r.getMessage()]
    assert recovered and f"{store.dropped} exchanges" in recovered[0] and "chat contexts" in recovered[0]
    await store.close()


# --- privacy of pseudonyms (issue 9) ---------------------------------------------------------------

async def test_files_are_private_and_the_key_is_not_in_the_database(db_path: Path) -> None:
    store = await Store.open(db_path)
    store.log(exchange())
    assert await store.flush()
    files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    assert {p.name for p in files} >= {"bot.db", "bot.db-wal", "bot.db-shm", "bot.db.key"}
    assert {p.name: p.stat().st_mode & 0o777 for p in files} == {p.name: 0o600 for p in files}
    pseudonym = store.pseudonym("-1001")
    await store.close()
    key = (db_path.parent / "bot.db.key").read_text().strip()
    assert key.encode() not in file_bytes(db_path)
    assert hmac.new(key.encode(), b"-1001", hashlib.sha256).hexdigest()[:16] == pseudonym
    again = await Store.open(db_path)
    await again.close()
    assert again.pseudonym("-1001") == pseudonym  # stable across restarts


async def test_a_key_kept_in_an_old_database_moves_out_keeping_pseudonyms(db_path: Path) -> None:
    db_path.parent.mkdir()
    old_key = "ab" * 32
    with sqlite3.connect(db_path) as old:
        old.executescript("".join(MIGRATIONS) + f"PRAGMA user_version = {len(MIGRATIONS)};")
        old.execute("INSERT INTO meta VALUES ('secret', ?)", (old_key,))
    store = await Store.open(db_path)
    await store.close()
    assert store.pseudonym("-1001") == hmac.new(old_key.encode(), b"-1001", hashlib.sha256).hexdigest()[:16]
    assert old_key.encode() not in file_bytes(db_path)  # erased, not just unlinked from the table
    assert (db_path.parent / "bot.db.key").read_text().strip() == old_key


async def test_a_configured_secret_writes_no_key_file(db_path: Path) -> None:
    store = await Store.open(db_path, secret="s3cret")
    await store.close()
    assert not (db_path.parent / "bot.db.key").exists()
