"""Whether the Bot API server answers, said in one line when it stops and when it is back.

python-telegram-bot retries a server it cannot reach without a word above DEBUG ("Failed run
number 3 of -1"), so a wrong ``TELEGRAM_BASE_URL`` or a network outage looked like a quiet bot.
Every request goes through ``WatchedRequest``, which tells ``Reachability``; that logs a WARNING
naming the server and the reason at the first failure, again after 30 s, 1, 2, 4… minutes (at
most every 15) while it lasts, and an INFO line once the server answers again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
from telegram.error import NetworkError
from telegram.request import HTTPXRequest

logger = logging.getLogger("bot.telegram")

#: When the first repeat of the warning comes; each later one comes twice as late, up to the cap.
FIRST_REPEAT_S = 30.0
MAX_REPEAT_S = 900.0


class Reachability:
    """The Bot API server's state as the bot's requests see it: answering, or down since when."""

    def __init__(self, server: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.server = server
        self._clock = clock
        self.down_since: float | None = None
        self._next_warning = 0.0
        self._repeat = FIRST_REPEAT_S

    def down_for(self) -> float | None:
        """Seconds since the server stopped answering; None while it answers."""
        return None if self.down_since is None else self._clock() - self.down_since

    def failed(self, reason: str) -> None:
        """A request got no answer: warn now if this is the first, or if the next repeat is due."""
        now = self._clock()
        if self.down_since is None:
            self.down_since, self._repeat = now, FIRST_REPEAT_S
            logger.warning("Cannot reach the Bot API server %s (%s); retrying", self.server, reason)
        elif now >= self._next_warning:
            logger.warning("Still cannot reach the Bot API server %s after %.0f s (%s); retrying",
                           self.server, now - self.down_since, reason)
            self._repeat = min(self._repeat * 2, MAX_REPEAT_S)
        else:
            return
        self._next_warning = now + self._repeat

    def answered(self) -> None:
        """A request got an answer: if the server was down, say it is back."""
        if self.down_since is not None:
            logger.info("The Bot API server %s answers again (after %.0f s)", self.server,
                        self._clock() - self.down_since)
            self.down_since = None


class OneLineNetworkErrors(logging.Filter):
    """python-telegram-bot logs a few network failures with a full traceback (the last getUpdates
    at shutdown while the server is down, for one); they become one WARNING line with the reason."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, NetworkError) and record.name.startswith("telegram"):
            record.msg, record.args = f"{record.getMessage()} ({error.message})", ()
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class WatchedRequest(HTTPXRequest):
    """python-telegram-bot's HTTP client, reporting every request's outcome to ``Reachability``.

    A 5xx from a proxy in front of the server counts as not answering; any other status,
    even an error (401, 409, 429), means the server is there. Waiting for one of the bot's own
    connections (a pool timeout) says nothing about the server.
    """

    def __init__(self, reachability: Reachability, **options: Any) -> None:
        super().__init__(**options)
        self.reachability = reachability

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Send one request; tell ``Reachability`` whether the server answered."""
        try:
            status, body = await super().do_request(*args, **kwargs)
        except NetworkError as exc:
            if not isinstance(exc.__cause__, httpx.PoolTimeout):
                self.reachability.failed(exc.message)
            raise
        if status >= 500:
            self.reachability.failed(f"HTTP {status}")
        else:
            self.reachability.answered()
        return status, body
