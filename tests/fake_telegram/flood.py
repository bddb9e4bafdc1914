"""Telegram's flood limits: a message too many gets ``429 Too Many Requests`` and is not delivered.

Telegram documents about one message a second in one chat, 20 a minute in one group and about 30
a second overall for a bot, and answers a message over a limit with 429 and
``parameters.retry_after`` (whole seconds). Here each limit is a sliding window ("at most N
messages in any T seconds"); tests may scale the windows down (``--flood chat=1/0.5,...``) to
stay short, with the same logic.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from typing import NamedTuple

from .state import ApiError


class Window(NamedTuple):
    """At most ``count`` messages in any ``seconds``."""

    count: int
    seconds: float


class FloodLimits(NamedTuple):
    """The windows a bot's messages must fit: per chat, per group (as well), and overall."""

    chat: Window = Window(1, 1.0)
    group: Window = Window(20, 60.0)
    overall: Window = Window(30, 1.0)

    @classmethod
    def parse(cls, spec: str) -> FloodLimits:
        """``"telegram"`` for Telegram's limits, or overrides: ``"chat=1/1,group=20/60,all=30/1"``."""
        telegram = cls()
        values = {"chat": telegram.chat, "group": telegram.group, "all": telegram.overall}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            if part == "telegram":
                continue
            name, _, rate = part.partition("=")
            count, _, seconds = rate.partition("/")
            if name not in values or not count.isdigit():
                raise ValueError(f"bad flood limit {part!r}: expected chat=N/SECONDS, group=… or all=…")
            values[name] = Window(int(count), float(seconds))
        return cls(values["chat"], values["group"], values["all"])


class FloodGate:
    """Counts a bot's delivered messages and refuses the one that would break a window."""

    def __init__(self, limits: FloodLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._sent: dict[tuple[int, str, int], deque[float]] = {}

    def admit(self, bot_id: int, chat_id: int) -> None:
        """Let one message to ``chat_id`` through, or raise Telegram's 429 with retry_after."""
        now = self._clock()
        windows = {(bot_id, "chat", chat_id): self.limits.chat, (bot_id, "all", 0): self.limits.overall}
        if chat_id < 0:
            windows[(bot_id, "group", chat_id)] = self.limits.group
        wait = 0.0
        for key, window in windows.items():
            times = self._sent.setdefault(key, deque())
            while times and times[0] <= now - window.seconds:
                times.popleft()
            if len(times) >= window.count:
                wait = max(wait, times[0] + window.seconds - now)
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}",
                           parameters={"retry_after": retry_after})
        for key in windows:
            self._sent[key].append(now)
