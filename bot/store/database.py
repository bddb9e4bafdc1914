"""The conversation log, feedback and per-chat context, in one SQLite file.

Answering must never wait for the disk, so ``Store.log`` only queues a row; a background task
writes the queue in batches. When the file cannot be written (locked, deleted, disk full) rows
stay queued in memory, bounded, and one warning is logged until writing works again. Chat and
user ids are stored as keyed hashes (pseudonyms), never raw.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import sqlite3
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import astuple, dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

logger = logging.getLogger("bot.store.database")

FLUSH_INTERVAL = 0.2  # seconds between background writes
BATCH_SIZE = 200  # rows per transaction; a full batch wakes the writer early
MAX_QUEUED = 50_000  # beyond this, the oldest queued rows are dropped (and counted)
FALLBACK_KINDS = ("refusal", "out_of_scope", "fallback", "empty")
_WRITE_ERRORS = (sqlite3.DatabaseError, OSError)  # OperationalError is a DatabaseError

# Schema history: entry N-1 upgrades a database from version N-1 to N (PRAGMA user_version).
# Append new entries; never edit a released one. Each statement ends with ";".
MIGRATIONS: tuple[str, ...] = (
    # v1: the exchange log, and meta for the generated pseudonym secret.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE exchanges (
        id TEXT PRIMARY KEY,
        ts REAL NOT NULL,
        channel TEXT NOT NULL,
        chat TEXT NOT NULL,
        user TEXT NOT NULL,
        question TEXT NOT NULL,
        normalized TEXT NOT NULL,
        intent TEXT,
        kind TEXT NOT NULL,
        score REAL NOT NULL,
        language TEXT NOT NULL,
        elapsed_ms REAL NOT NULL
    );
    """,
    # v2: 👍/👎, one vote per exchange and user.
    """
    CREATE TABLE feedback (
        exchange_id TEXT NOT NULL REFERENCES exchanges (id) ON DELETE CASCADE,
        user TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
        ts REAL NOT NULL,
        PRIMARY KEY (exchange_id, user)
    );
    """,
    # v3: conversation context that survives restarts; indexes for time-window queries.
    """
    CREATE TABLE chat_context (chat TEXT PRIMARY KEY, data TEXT NOT NULL, updated REAL NOT NULL);
    CREATE INDEX chat_context_updated ON chat_context (updated);
    CREATE INDEX exchanges_ts ON exchanges (ts);
    """,
    # v4: the best candidate even when the bot fell back, so near misses name their intent.
    """
    ALTER TABLE exchanges ADD COLUMN candidate TEXT;
    """,
)

#: How long a front end's write may wait for a locked database before the writer retries later:
#: short, because the same connection serves the reads a reply may wait for.
SERVING_BUSY_TIMEOUT_MS = 250


@dataclass(frozen=True)
class LogConfig:
    """Where the conversation log lives and the key that pseudonymises ids (None: kept in the file)."""

    path: Path
    secret: str | None = None


@dataclass(frozen=True)
class Exchange:
    """One question and how it was answered; ``chat`` and ``user`` are raw until logged."""

    ts: float  # unix seconds
    channel: str  # "telegram" | "console"
    chat: str
    user: str
    question: str
    normalized: str
    intent: str | None
    kind: str  # handlers.reply.Kind value
    score: float  # 0-100
    language: str  # "vi" | "en"
    elapsed_ms: float
    candidate: str | None  # the best-scoring intent, answered or not (None for commands)


@dataclass(frozen=True)
class LoggedExchange(Exchange):
    """An exchange read back: pseudonymised chat/user, its id and its 👍/👎 counts."""

    id: str
    up: int
    down: int


@dataclass(frozen=True)
class Stats:
    """Counts for the admin command; "today" starts at 00:00 UTC, "week" is the last 7×24 h."""

    today: int
    week: int
    total: int
    fallback_rate: float  # unanswered / questions (commands excluded) over the week, 0..1
    top_intents: tuple[tuple[str, int], ...]  # over the week, most asked first


_COLUMNS = tuple(f.name for f in fields(Exchange))
_UPSERT_CONTEXT = ("INSERT INTO chat_context (chat, data, updated) VALUES (?, ?, ?) ON CONFLICT (chat) "
                   "DO UPDATE SET data = excluded.data, updated = excluded.updated")
_INSERT = (f"INSERT INTO exchanges (id, {', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})")
_FALLBACK_SQL = ", ".join(f"'{kind}'" for kind in FALLBACK_KINDS)
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*", re.IGNORECASE)
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}

Row = tuple[Any, ...]  # SQLite values are dynamically typed
Identity = tuple[int, int] | None


#: Durations beyond this are typos, and would overflow date arithmetic.
_LONGEST = 100 * 365 * 86400.0


def parse_duration(text: str) -> float:
    """Seconds in "30m", "12h", "7d" or "2w", for retention and report windows."""
    match = _DURATION.fullmatch(text)
    seconds = float(match[1]) * _UNIT_SECONDS[match[2].lower()] if match else 0.0
    if not 0 < seconds <= _LONGEST:
        raise ValueError(f"cannot read {text!r} as a duration: use a positive number and m, h, d or w "
                         "(minutes, hours, days, weeks) up to 100 years, e.g. 30m, 12h, 90d, 2w")
    return seconds


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements, so it can run inside the caller's transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""


@asynccontextmanager
async def _atomic(db: aiosqlite.Connection) -> AsyncIterator[aiosqlite.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error so no transaction is left open."""
    await db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        await db.commit()
    except BaseException:
        with suppress(sqlite3.Error):
            await db.rollback()
        raise


async def _migrate(db: aiosqlite.Connection) -> None:
    """Bring the schema to the latest version; call inside a write transaction, so two
    processes opening a new file do not both migrate it."""
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    version = int(row[0]) if row else 0
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError(f"schema version {version} is newer than this code's {len(MIGRATIONS)}")
    for script in MIGRATIONS[version:]:
        for statement in _statements(script):
            await db.execute(statement)
    await db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


async def _connect(path: Path, busy_timeout_ms: int, secret: str) -> tuple[aiosqlite.Connection, str]:
    """Open (creating folder and file) in WAL mode, migrated; also the secret kept in ``meta``.

    ``secret`` is stored if the database has none yet.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    db = await aiosqlite.connect(path, isolation_level=None)
    try:
        for pragma in (f"busy_timeout = {int(busy_timeout_ms)}", "journal_mode = WAL",
                       "synchronous = NORMAL", "foreign_keys = ON"):
            await db.execute(f"PRAGMA {pragma}")
        async with _atomic(db):
            await _migrate(db)
            await db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)", (secret,))
            async with db.execute("SELECT value FROM meta WHERE key = 'secret'") as cursor:
                row = await cursor.fetchone()
    except BaseException:
        with suppress(sqlite3.Error):
            await db.close()
        raise
    return db, str(row[0]) if row else secret


def _identity(path: Path) -> Identity:
    """Device and inode of ``path``, to notice the file being deleted or replaced."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


class Store:
    """The bot's SQLite store; create with ``await Store.open(path)``, end with ``close()``.

    Use from one event loop: ``log`` is synchronous and not thread-safe.
    """

    def __init__(self, path: Path, db: aiosqlite.Connection, key: str, stored_secret: str,
                 busy_timeout_ms: int) -> None:
        self._path = path
        self._db: aiosqlite.Connection | None = db
        self._identity = _identity(path)
        self._key = key.encode()
        self._stored_secret = stored_secret  # written into a replacement file, see _connection
        self._busy_timeout_ms = busy_timeout_ms
        self._queue: deque[Row] = deque()
        self._contexts: dict[str, tuple[str, str, float]] = {}  # pseudonym → row, latest wins
        self._dropped = 0
        self._failing = False
        self._closed = False
        self._lock = asyncio.Lock()  # one statement sequence at a time on the shared connection
        self._wake = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, path: Path, secret: str | None = None, *, busy_timeout_ms: int = 5000) -> Store:
        """Open or create the database and start the background writer.

        Without ``secret`` the one generated at creation and kept in the database is used, so
        pseudonyms stay stable across restarts; pass one (from the environment) so that the
        database alone cannot link pseudonyms to ids.
        """
        db, stored = await _connect(path, busy_timeout_ms, secrets.token_hex(32))
        store = cls(path, db, secret or stored, stored, busy_timeout_ms)
        store._writer = asyncio.create_task(store._run(), name="bot.store.database writer")
        return store

    @property
    def pending(self) -> int:
        """Rows logged but not yet written."""
        return len(self._queue)

    @property
    def dropped(self) -> int:
        """Rows lost because the queue overflowed while the database was unwritable."""
        return self._dropped

    def pseudonym(self, value: str) -> str:
        """The stored stand-in for a chat or user id: HMAC-SHA256, 16 hex characters."""
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()[:16]

    def log(self, exchange: Exchange) -> str:
        """Queue ``exchange`` for writing and return its id; never waits, never raises."""
        exchange_id = uuid.uuid4().hex
        private = replace(exchange, chat=self.pseudonym(exchange.chat), user=self.pseudonym(exchange.user))
        self._queue.append((exchange_id, *astuple(private)))
        self._trim()
        if len(self._queue) >= BATCH_SIZE:
            self._wake.set()
        return exchange_id

    async def flush(self) -> bool:
        """Write the rows queued now; False if the database could not take them (they stay queued)."""
        return await self._drain()

    async def close(self) -> None:
        """Stop the writer, write what is queued, close the database."""
        self._closed = True
        self._wake.set()
        if self._writer is not None:
            await self._writer
        if not await self.flush():
            logger.warning("Closing with %d conversation log rows unwritten; they are lost", self.pending)
        async with self._lock:
            if self._db is not None:
                await self._db.close()
                self._db = None

    async def probe(self) -> str | None:
        """Whether the file takes writes now: None if so, else why not (for health checks).

        Writes what is queued, then a one-row change in ``meta``, so an idle bot notices too.
        """
        if not await self.flush():
            return f"cannot write the queued rows to {self._path}"
        try:
            async with self._transaction() as db:
                await db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('probed', ?)",
                                 (str(time.time()),))
        except _WRITE_ERRORS as exc:
            return f"cannot write to {self._path}: {exc}"
        return None

    async def feedback(self, exchange_id: str, rating: int, user: str) -> bool:
        """Record ``user``'s 👍 (+1) or 👎 (-1), replacing their earlier vote; False for an unknown id."""
        if rating not in (1, -1):
            raise ValueError(f"rating must be +1 or -1, not {rating}")
        await self.flush()
        async with self._transaction() as db, db.execute(
            "INSERT INTO feedback (exchange_id, user, rating, ts) SELECT id, ?, ?, ? FROM exchanges "
            "WHERE id = ? ON CONFLICT (exchange_id, user) DO UPDATE SET rating = excluded.rating, "
            "ts = excluded.ts",
            (self.pseudonym(user), rating, time.time(), exchange_id),
        ) as cursor:
            return cursor.rowcount > 0

    def remember(self, chat: str, data: dict[str, object]) -> None:
        """Queue a conversation's context (JSON-serialisable) for the writer; never waits.

        Only the latest context of a chat is kept until written, so a busy chat costs one row.
        """
        key = self.pseudonym(chat)
        self._contexts[key] = (key, json.dumps(data, ensure_ascii=False), time.time())

    async def load_context(self, chat: str) -> dict[str, object] | None:
        """The context last remembered for ``chat`` (written or still queued), or None."""
        key = self.pseudonym(chat)
        queued = self._contexts.get(key)
        if queued is not None:
            text = queued[1]
        else:
            rows = await self._fetch("SELECT data FROM chat_context WHERE chat = ?", (key,))
            text = rows[0][0] if rows else "null"
        value: object = json.loads(text)
        return value if isinstance(value, dict) else None

    async def purge(self, older_than: float) -> int:
        """Delete exchanges (their feedback goes with them) and contexts older than ``older_than``
        seconds; returns the number of exchanges deleted."""
        await self.flush()
        cutoff = time.time() - older_than
        async with self._transaction() as db:
            async with db.execute("DELETE FROM exchanges WHERE ts < ?", (cutoff,)) as cursor:
                deleted = cursor.rowcount
            await db.execute("DELETE FROM chat_context WHERE updated < ?", (cutoff,))
        return deleted

    async def stats(self, now: float | None = None, top: int = 10) -> Stats:
        """Volumes today / this week / ever, the week's fallback rate and most asked intents."""
        await self.flush()
        now = time.time() if now is None else now
        midnight = datetime.fromtimestamp(now, UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        week = now - 7 * 86400
        [(total, today, in_week, questions, unanswered)] = await self._fetch(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE ts >= :day), COUNT(*) FILTER (WHERE ts >= :week), "
            "COUNT(*) FILTER (WHERE ts >= :week AND kind != 'command'), "
            f"COUNT(*) FILTER (WHERE ts >= :week AND kind IN ({_FALLBACK_SQL})) FROM exchanges",
            {"day": midnight.timestamp(), "week": week},
        )
        intents = await self._fetch(
            "SELECT intent, COUNT(*) AS n FROM exchanges WHERE ts >= ? AND intent IS NOT NULL "
            "GROUP BY intent ORDER BY n DESC, intent LIMIT ?",
            (week, top),
        )
        return Stats(today=today, week=in_week, total=total,
                     fallback_rate=unanswered / questions if questions else 0.0,
                     top_intents=tuple((intent, n) for intent, n in intents))

    async def recent_fallbacks(self, limit: int) -> list[tuple[float, str]]:
        """The latest unanswered (non-empty) questions with their time, newest first."""
        await self.flush()
        rows = await self._fetch(
            f"SELECT ts, question FROM exchanges WHERE kind IN ({_FALLBACK_SQL}) AND question != '' "
            "ORDER BY ts DESC LIMIT ?",
            (limit,),
        )
        return [(ts, question) for ts, question in rows]

    async def exchanges_since(self, ts: float) -> list[LoggedExchange]:
        """Every exchange from ``ts`` on, oldest first, with its 👍/👎 counts."""
        await self.flush()
        rows = await self._fetch(
            f"SELECT {', '.join(f'e.{name}' for name in _COLUMNS)}, e.id, "
            "COUNT(*) FILTER (WHERE f.rating > 0), COUNT(*) FILTER (WHERE f.rating < 0) "
            "FROM exchanges AS e LEFT JOIN feedback AS f ON f.exchange_id = e.id "
            "WHERE e.ts >= ? GROUP BY e.id ORDER BY e.ts",
            (ts,),
        )
        return [LoggedExchange(*row) for row in rows]

    async def _run(self) -> None:
        """The background writer: drain every FLUSH_INTERVAL, or sooner when a batch is full."""
        while not self._closed:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), FLUSH_INTERVAL)
            self._wake.clear()
            await self._drain()

    async def _drain(self) -> bool:
        """Write the queued rows a batch per transaction; on failure requeue the batch and stop.

        Batches are taken under the lock, so a flush waits for the one the writer has in hand.
        """
        while True:
            async with self._lock:
                if not self._queue and not self._contexts:
                    return True
                batch = [self._queue.popleft() for _ in range(min(BATCH_SIZE, len(self._queue)))]
                contexts, self._contexts = self._contexts, {}
                try:
                    async with _atomic(await self._connection()) as db:
                        await db.executemany(_INSERT, batch)
                        await db.executemany(_UPSERT_CONTEXT, list(contexts.values()))
                except _WRITE_ERRORS as exc:
                    self._queue.extendleft(reversed(batch))
                    for key, row in contexts.items():  # a newer context queued meanwhile wins
                        self._contexts.setdefault(key, row)
                    self._trim()
                    self._warn_once("Cannot write the conversation log to %s (%s); keeping up to %d rows "
                                    "in memory and retrying", self._path, exc, MAX_QUEUED)
                    return False
            if self._failing:
                self._failing = False
                logger.info("Writing the conversation log to %s again (%d rows dropped so far)",
                            self._path, self._dropped)

    def _trim(self) -> None:
        """Keep the queue within MAX_QUEUED by dropping its oldest rows."""
        while len(self._queue) > MAX_QUEUED:
            self._queue.popleft()
            self._dropped += 1

    def _warn_once(self, message: str, *args: object) -> None:
        """One warning per outage: silent until a write succeeds again."""
        if not self._failing:
            self._failing = True
            logger.warning(message, *args)

    async def _connection(self) -> aiosqlite.Connection:
        """The open connection, reopened if the file was deleted or replaced under it.

        SQLite would go on writing to a deleted file's inode and lose it all at close; a new
        file at the path, with the same secret, keeps the log going. Call with ``_lock`` held.
        """
        if self._db is not None and _identity(self._path) == self._identity:
            return self._db
        if self._db is not None:
            self._warn_once("%s was deleted or replaced; starting a new database there", self._path)
            old, self._db = self._db, None
            with suppress(sqlite3.Error):
                await old.close()
        if self._closed:
            raise sqlite3.ProgrammingError("the store is closed")
        self._db, _ = await _connect(self._path, self._busy_timeout_ms, self._stored_secret)
        self._identity = _identity(self._path)
        return self._db

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction on the shared connection."""
        async with self._lock, _atomic(await self._connection()) as db:
            yield db

    async def _fetch(self, sql: str, params: Iterable[object]) -> list[Row]:
        """All rows of a read query."""
        async with self._lock:
            db = await self._connection()
            return [tuple(row) for row in await db.execute_fetchall(sql, params)]
