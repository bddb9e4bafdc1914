"""The async ``Store`` for synchronous front ends (the console): its own event loop in a thread.

If the database is locked or unwritable, the console still answers and the store retries; if it
is not a conversation log at all, the console answers without logging, and says so once.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from bot.store.database import CLOSE_WAIT_S, SERVING_BUSY_TIMEOUT_MS, Exchange, LogConfig, Store

logger = logging.getLogger("bot.store.database")
T = TypeVar("T")

#: How long a synchronous caller waits for the store before giving up on that call.
CALL_TIMEOUT_S = 5.0


class BackgroundStore:
    """A ``Store`` running on a private event loop; every method is safe to call from any thread."""

    def __init__(self, log: LogConfig) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="store", daemon=True)
        self._thread.start()
        self._store: Store | None = None
        try:
            self._store = self._call(Store.open(log.path, log.secret, busy_timeout_ms=SERVING_BUSY_TIMEOUT_MS))
        except Exception as exc:  # any failure to open: answer anyway, without a log
            logger.warning("conversation log disabled: cannot open %s (%s)", log.path, exc)

    def _call(self, coro: Coroutine[Any, Any, T], timeout: float = CALL_TIMEOUT_S) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def log(self, exchange: Exchange) -> str:
        """Queue an exchange on the store's loop; returns its id ('' when logging is off)."""
        store = self._store
        if store is None:
            return ""

        async def queue() -> str:
            return store.log(exchange)

        try:
            return self._call(queue())
        except (concurrent.futures.TimeoutError, RuntimeError):
            return ""

    def feedback(self, exchange_id: str, rating: int, user: str) -> bool:
        """Store a rating; False if it could not be stored."""
        if self._store is None or not exchange_id:
            return False
        try:
            return self._call(self._store.feedback(exchange_id, rating, user))
        except Exception as exc:  # a locked or broken database must not end the chat
            logger.warning("feedback not stored: %s", exc)
            return False

    def load_context(self, chat: str) -> dict[str, object] | None:
        """The chat's saved context, or None (also when the store is unavailable)."""
        if self._store is None:
            return None
        try:
            return self._call(self._store.load_context(chat))
        except Exception as exc:  # a locked database: start without the old context
            logger.warning("chat context not loaded: %s", exc)
            return None

    def remember(self, chat: str, data: dict[str, object]) -> None:
        """Queue the chat's context for the store's writer."""
        store = self._store
        if store is not None:
            self._loop.call_soon_threadsafe(store.remember, chat, data)

    def close(self) -> None:
        """Write what is queued and stop the loop."""
        if self._store is not None:
            try:
                self._call(self._store.close(), CLOSE_WAIT_S + CALL_TIMEOUT_S)
            except Exception as exc:  # closing must not raise on the way out
                logger.warning("closing the conversation log: %s", exc)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(CALL_TIMEOUT_S)
        if not self._thread.is_alive():  # closed here, not by the garbage collector at exit, whose
            self._loop.close()  # order of teardown can close its pipe first (a traceback on quit)
