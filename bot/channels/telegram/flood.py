"""Telegram's flood limits: pace what the bot sends, and send again after a 429.

Telegram refuses, and does not deliver, a message beyond about 30 a second overall, 20 a minute
in one group, or (after a short burst) one a second in one chat: it answers ``429 Too Many
Requests`` with ``retry_after``. ``FloodControl`` is python-telegram-bot's ``AIORateLimiter``
with one change: the same pacing (aiolimiter's leaky buckets, overall and per group), but a 429
holds only the message that got it, for its ``retry_after``, where ``AIORateLimiter`` holds every
send of the bot (up to a minute when a busy group hits its limit). Each chat's updates are handled
one at a time (``ChatOrderedProcessor``), so a retried answer still arrives before the chat's next.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

logger = logging.getLogger("bot.telegram")
# Every 429 builds a RetryAfter, whose constructor reads its own deprecated int ``retry_after``;
# the warning is about a future type change, not about this bot, and would fill the log.
warnings.filterwarnings("ignore", message=r"(?s).*`retry_after`", category=PTBDeprecationWarning)

#: How often one message is sent again after a 429 before it is given up (and logged as an error).
MAX_RETRIES = 8
#: Added to Telegram's retry_after, which is in whole seconds.
RETRY_SLACK_S = 0.1
#: Group limiters kept before the idle ones are forgotten.
GROUPS_KEPT = 512
#: At most one INFO line about 429s per this many seconds.
REPORT_EVERY_S = 60.0

Result = bool | dict[str, Any] | list[dict[str, Any]]


class FloodControl(BaseRateLimiter[int]):
    """Paces sends to Telegram's published limits; retries a refused one after ``retry_after``."""

    def __init__(self, paced: bool = True, max_retries: int = MAX_RETRIES) -> None:
        """``paced=False`` (benchmarks against a local server) sends at once, retrying only after a 429."""
        self._paced = paced
        self._max_retries = max_retries
        self._overall = AsyncLimiter(FloodLimit.MESSAGES_PER_SECOND, 1)
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._refused = 0
        self._reported = 0.0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, Result]], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: int | None) -> Result:
        """Send when the limits allow; after a 429 wait ``retry_after`` and send again."""
        chat_id = data.get("chat_id")
        for attempt in range(self._max_retries + 1):
            await self._wait_turn(chat_id)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == self._max_retries:
                    raise
                self._report(endpoint)
                await asyncio.sleep(exc._retry_after.total_seconds() + RETRY_SLACK_S)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _wait_turn(self, chat_id: object) -> None:
        """Wait for the group's bucket, then the overall one.

        Sends without a chat (answering a button press, setting the command menu) are not paced.
        """
        if not self._paced or chat_id is None:
            return
        with contextlib.suppress(ValueError, TypeError):
            chat_id = int(str(chat_id))
        if isinstance(chat_id, str) or (isinstance(chat_id, int) and chat_id < 0):  # a group or channel
            await self._group(chat_id).acquire()
        await self._overall.acquire()

    def _group(self, chat_id: int | str) -> AsyncLimiter:
        """The group's bucket (20 a minute); idle buckets are forgotten beyond GROUPS_KEPT."""
        if len(self._groups) > GROUPS_KEPT:
            for key, limiter in list(self._groups.items()):
                if key != chat_id and limiter.has_capacity(limiter.max_rate):
                    del self._groups[key]
        if chat_id not in self._groups:
            self._groups[chat_id] = AsyncLimiter(FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP, 60)
        return self._groups[chat_id]

    def _report(self, endpoint: str) -> None:
        """Count a 429; say so at most once a minute (they are expected under a burst)."""
        self._refused += 1
        now = time.monotonic()
        if now - self._reported >= REPORT_EVERY_S:
            logger.info("Telegram's flood limit: %d message(s) refused and retried since the last report "
                        "(latest: %s); answers are delayed, not lost", self._refused, endpoint)
            self._refused, self._reported = 0, now
