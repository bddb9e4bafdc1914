"""The conversation log, feedback and per-chat context, in one SQLite file.

Answering must never wait for the disk, so ``Store.log`` only queues a row; a background task
writes the queue in batches. When the file cannot be opened or written (locked, deleted, disk
full), at start or mid-run, rows stay queued in memory, bounded in bytes, and one warning is
logged until writing works again; a row SQLite refuses is skipped and counted, never allowed to
stop the writer. Chat and user ids are stored as keyed hashes (pseudonyms), never raw; the key
is kept out of the database (``BOT_PSEUDONYM_SECRET``, or a generated key in a 0600 file beside
it), and the files are created readable by their owner only.
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
import stat
import sys
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
#: Memory for exchanges waiting for a writable database; beyond it the oldest are dropped (and
#: counted). A 4,000-character question is about 8 KB, an ordinary exchange under 1 KB.
MAX_QUEUED_BYTES = 32 * 2**20
#: The same for chat contexts waiting to be saved (one per chat, the least recently changed go).
MAX_CONTEXT_BYTES = 8 * 2**20
#: How long ``close`` keeps retrying a locked or unwritable database before giving up its queue.
CLOSE_WAIT_S = 5.0
FALLBACK_KINDS = ("refusal", "out_of_scope", "fallback", "empty")
#: Failures of one row, not of the database: that row is skipped, the others are written.
_BAD_ROW = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError, sqlite3.ProgrammingError,
            ValueError, TypeError, OverflowError)

# Schema history: entry N-1 upgrades a database from version N-1 to N (PRAGMA user_version).
# Append new entries; never edit a released one. Each statement ends with ";".
MIGRATIONS: tuple[str, ...] = (
    # v1: the exchange log, and meta (it held the generated pseudonym key until that moved to a file).
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
    """Where the conversation log lives and the key that pseudonymises ids (None: a generated one
    in the key file beside the database)."""

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


def key_path(path: Path) -> Path:
    """Where the generated pseudonym key of the database at ``path`` is kept: ``<name>.key`` beside it."""
    return path.with_name(path.name + ".key")


def _pseudonym_key(path: Path, value: str | None = None) -> str:
    """The key kept in ``path``; if there is none, ``value`` (or a new random key) is put there first.

    The file is written privately (0600) under a temporary name and linked into place, so two
    processes starting at once end up with the same key.
    """
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        with os.fdopen(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
            file.write((value or secrets.token_hex(32)) + "\n")
        try:
            with suppress(FileExistsError):  # another process was first: its key wins
                os.link(temporary, path)
        finally:
            temporary.unlink()
    key = path.read_text(encoding="utf-8").strip()
    if not key:
        raise ValueError(f"the pseudonym key file {path} is empty: restore it from a backup, or delete it "
                         "to start new pseudonyms (old ones will no longer match)")
    return key


def _create_private(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) unless they exist.

    SQLite gives the ``-wal`` and ``-shm`` files the database's permissions.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    mode = path.stat().st_mode
    if stat.S_ISREG(mode) and mode & 0o077:
        logger.warning("%s can be read by other users: chmod 600 it (and its -wal and -shm files)", path)


async def _connect(path: Path, busy_timeout_ms: int) -> aiosqlite.Connection:
    """Open (creating folder and file, privately) in WAL mode, migrated.

    A pseudonym key that older versions kept in ``meta`` is moved to the key file and erased
    (``secure_delete`` overwrites deleted content, so it does not linger in free pages).
    """
    _create_private(path)
    db = await aiosqlite.connect(path, isolation_level=None)
    try:
        for pragma in (f"busy_timeout = {int(busy_timeout_ms)}", "journal_mode = WAL",
                       "synchronous = NORMAL", "foreign_keys = ON", "secure_delete = ON"):
            await db.execute(f"PRAGMA {pragma}")
        async with _atomic(db):
            await _migrate(db)
            for (old_key,) in await db.execute_fetchall("SELECT value FROM meta WHERE key = 'secret'"):
                _pseudonym_key(key_path(path), str(old_key))
                await db.execute("DELETE FROM meta WHERE key = 'secret'")
    except BaseException:
        with suppress(sqlite3.Error):
            await db.close()
        raise
    return db


def _storable(value: object) -> object:
    """``value`` as SQLite can take it: text that is not valid Unicode (a lone surrogate from
    Telegram, an undecodable console byte) keeps its invalid characters as ``\\udXXX``."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(value, str) else value


def _size(row: Row) -> int:
    """About how much memory a queued row holds."""
    return sys.getsizeof(row) + sum(map(sys.getsizeof, row))


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

    def __init__(self, path: Path, db: aiosqlite.Connection | None, key: str, busy_timeout_ms: int) -> None:
        self._path = path
        self._db = db
        self._identity = _identity(path)
        self._key = key.encode()
        self._busy_timeout_ms = busy_timeout_ms
        self._queue: deque[Row] = deque()
        self._queued_bytes = 0
        self._contexts: dict[str, Row] = {}  # pseudonym → row, least recently changed first
        self._context_bytes = 0
        self._dropped = 0
        self._dropped_contexts = 0
        self._skipped = 0
        self._failing = False
        self._stopping = False  # the writer ends; close() still writes what is queued
        self._closed = False
        self._lock = asyncio.Lock()  # one statement sequence at a time on the shared connection
        self._wake = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, path: Path, secret: str | None = None, *, busy_timeout_ms: int = 5000) -> Store:
        """Open or create the database and start the background writer.

        A database that cannot be opened now (locked, disk full) is retried by the writer, as
        after an outage mid-run; a file that is not a conversation log, or is newer than this
        code, raises. Without ``secret`` the key generated on first use and kept in
        ``key_path(path)`` is used, so pseudonyms stay stable across restarts and the database
        alone cannot link them to ids.
        """
        db: aiosqlite.Connection | None = None
        unavailable: Exception | None = None
        try:
            db = await _connect(path, busy_timeout_ms)
        except (sqlite3.OperationalError, OSError) as exc:
            unavailable = exc
        try:
            store = cls(path, db, secret or _pseudonym_key(key_path(path)), busy_timeout_ms)
        except BaseException:
            if db is not None:
                await db.close()
            raise
        if unavailable is not None:
            store._warn_once("Cannot open the conversation log %s (%s); keeping up to "
                             "%d MB in memory and retrying", path, unavailable, MAX_QUEUED_BYTES // 2**20)
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

    @property
    def dropped_contexts(self) -> int:
        """Chat contexts lost the same way (those chats' follow-ups will not survive a restart)."""
        return self._dropped_contexts

    @property
    def skipped(self) -> int:
        """Rows SQLite refused (a caller's bug); the rows around them were written."""
        return self._skipped

    def pseudonym(self, value: str) -> str:
        """The stored stand-in for a chat or user id: HMAC-SHA256, 16 hex characters."""
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()[:16]

    def log(self, exchange: Exchange) -> str:
        """Queue ``exchange`` for writing and return its id; never waits, never raises."""
        exchange_id = uuid.uuid4().hex
        private = replace(exchange, chat=self.pseudonym(exchange.chat), user=self.pseudonym(exchange.user))
        row = (exchange_id, *map(_storable, astuple(private)))
        self._queue.append(row)
        self._queued_bytes += _size(row)
        self._trim()
        if len(self._queue) >= BATCH_SIZE:
            self._wake.set()
        return exchange_id

    async def flush(self) -> bool:
        """Write the rows queued now; False if the database could not take them (they stay queued)."""
        return await self._drain()

    async def close(self) -> None:
        """Stop the writer, write what is queued (retrying for up to CLOSE_WAIT_S while the
        database is locked or unwritable), close the database."""
        self._stopping = True
        self._wake.set()
        if self._writer is not None:
            await self._writer
        deadline = time.monotonic() + CLOSE_WAIT_S
        while not await self.flush() and time.monotonic() < deadline:
            await asyncio.sleep(FLUSH_INTERVAL)
        if self._queue or self._contexts:
            logger.warning("Closing with %d conversation log rows unwritten (and %d chat contexts); they are lost",
                           self.pending, len(self._contexts))
        if self._skipped:
            logger.warning("%d conversation log rows were skipped: SQLite refused them", self._skipped)
        async with self._lock:
            self._closed = True
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
        except (sqlite3.Error, OSError) as exc:
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
        self._forget_context(key)
        self._queue_context((key, _storable(json.dumps(data, ensure_ascii=False)), time.time()))
        self._trim()

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
        while not self._stopping:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), FLUSH_INTERVAL)
            self._wake.clear()
            await self._drain()

    async def _drain(self) -> bool:
        """Write the queued rows a batch per transaction; on failure requeue the batch and stop.

        Any failure but a refused row counts as an outage: nothing is lost, and it is retried.
        Batches are taken under the lock, so a flush waits for the one the writer has in hand.
        """
        while True:
            async with self._lock:
                if not self._queue and not self._contexts:
                    return True
                batch = [self._queue.popleft() for _ in range(min(BATCH_SIZE, len(self._queue)))]
                contexts, self._contexts, self._context_bytes = self._contexts, {}, 0
                try:
                    async with _atomic(await self._connection()) as db:
                        await self._insert(db, batch)
                        await db.executemany(_UPSERT_CONTEXT, list(contexts.values()))
                except Exception as exc:
                    self._queue.extendleft(reversed(batch))
                    for key, row in contexts.items():  # a newer context queued meanwhile wins
                        if key not in self._contexts:
                            self._queue_context(row)
                    self._trim()
                    self._warn_once("Cannot write the conversation log to %s (%s); keeping up to %d MB in "
                                    "memory and retrying", self._path, exc, MAX_QUEUED_BYTES // 2**20)
                    # Its traceback (a reference cycle with aiosqlite's future) holds this batch:
                    # let rows dropped later be freed at once, not at the next garbage collection.
                    exc.__traceback__ = None
                    return False
                self._queued_bytes -= sum(map(_size, batch))
            if self._failing:
                self._failing = False
                logger.info("Writing the conversation log to %s again (dropped so far while it could not be "
                            "written: %d exchanges and %d chat contexts)",
                            self._path, self._dropped, self._dropped_contexts)

    async def _insert(self, db: aiosqlite.Connection, batch: list[Row]) -> None:
        """Insert ``batch``; if SQLite refuses a row, insert the others and skip that one (counted)."""
        await db.execute("SAVEPOINT batch")
        try:
            await db.executemany(_INSERT, batch)
            return
        except _BAD_ROW:
            await db.execute("ROLLBACK TO batch")
        for row in batch:
            try:
                await db.execute(_INSERT, row)
            except _BAD_ROW as exc:
                self._skipped += 1
                if self._skipped == 1:
                    logger.warning("Skipped a conversation log row SQLite refused (%s: %s); the others are "
                                   "written, and further ones are counted", type(exc).__name__, exc)

    def _queue_context(self, row: Row) -> None:
        """Queue a chat's context row (the newest goes last)."""
        self._contexts[row[0]] = row
        self._context_bytes += _size(row)

    def _forget_context(self, key: str) -> None:
        """Unqueue a chat's context, if queued."""
        row = self._contexts.pop(key, None)
        if row is not None:
            self._context_bytes -= _size(row)

    def _trim(self) -> None:
        """Keep the queues within their byte budgets by dropping the oldest rows and contexts."""
        if self._queued_bytes > MAX_QUEUED_BYTES or self._context_bytes > MAX_CONTEXT_BYTES:
            self._warn_once("The conversation log cannot keep up (%d MB queued for %s): dropping the oldest "
                            "exchanges and chat contexts until it can be written",
                            (self._queued_bytes + self._context_bytes) // 2**20, self._path)
        while self._queued_bytes > MAX_QUEUED_BYTES and self._queue:
            self._queued_bytes -= _size(self._queue.popleft())
            self._dropped += 1
        while self._context_bytes > MAX_CONTEXT_BYTES and self._contexts:
            self._forget_context(next(iter(self._contexts)))
            self._dropped_contexts += 1

    def _warn_once(self, message: str, *args: object) -> None:
        """One warning per outage: silent until a write succeeds again."""
        if not self._failing:
            self._failing = True
            logger.warning(message, *args)

    async def _connection(self) -> aiosqlite.Connection:
        """The open connection, (re)opened if there is none yet or the file was deleted or replaced.

        SQLite would go on writing to a deleted file's inode and lose it all at close; a new
        file at the path (the key file is separate) keeps the log going. Call with ``_lock`` held.
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
        self._db = await _connect(self._path, self._busy_timeout_ms)
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
