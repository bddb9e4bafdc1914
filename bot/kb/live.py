"""Live knowledge: curators' edits go live without a restart, broken edits never do.

A cheap fingerprint (name, size, mtime of every file in the knowledge folder) is polled; when it
has changed and then stayed unchanged for a moment (so a file saved in several writes is read
whole), the folder is loaded and validated in full, and only a valid result replaces what is
serving (a responder, built by the caller's ``build``: this package knows nothing of handlers).
An invalid edit leaves the previous knowledge serving and is reported once per distinct edit.
The first fingerprint is the one taken before the serving base was read, so an edit saved while
the bot starts is picked up too.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from bot.kb.loader import Fingerprint, KnowledgeBase, KnowledgeError, fingerprint, load

logger = logging.getLogger("bot.kb.live")

#: How often to look for edits, in seconds.
POLL_INTERVAL_S = 0.1
#: How long the folder must stay unchanged before an edit is loaded, in seconds: long enough for
#: an editor or a copy to finish writing, short enough that edits are live within two seconds.
QUIET_S = 0.3
#: What is served from a knowledge base (the handlers' responder).
Serving = TypeVar("Serving")


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did: ``ok`` with the new intent count, or the problems found."""

    ok: bool
    message: str


def content_version(folder: Path) -> str:
    """A short digest of the knowledge files' names and contents: the same text, the same version."""
    digest = hashlib.sha256()
    for name, *_ in fingerprint(folder):
        digest.update(name.encode() + b"\0")
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            continue
    return digest.hexdigest()[:12]


class LiveKnowledge(Generic[Serving]):
    """Holds what is serving and swaps in a new one, built from the reloaded base, on an edit."""

    def __init__(self, kb: KnowledgeBase, build: Callable[[KnowledgeBase], Serving],
                 serving: Serving | None = None, quiet: float = QUIET_S) -> None:
        self._build = build
        self._serving = build(kb) if serving is None else serving
        self.folder = kb.folder
        self._seen: Fingerprint = kb.version
        self._changing: tuple[Fingerprint, float] | None = None  # the newest state and since when
        self._quiet = quiet
        #: Which knowledge is serving (``content_version``), for health checks.
        self.version = content_version(self.folder)
        self._lock = threading.Lock()

    def current(self) -> Serving:
        """What answers the next message."""
        return self._serving

    def poll(self) -> ReloadResult | None:
        """Reload if the folder changed and has been quiet since; None if there is nothing to load yet."""
        with self._lock:
            now = fingerprint(self.folder)
            if now == self._seen:
                self._changing = None
                return None
            if self._changing is None or self._changing[0] != now:  # still being written
                self._changing = (now, time.monotonic())
                return None
            if time.monotonic() - self._changing[1] < self._quiet:
                return None
            self._seen, self._changing = now, None
            return self._reload()

    def reload(self) -> ReloadResult:
        """Reload now, changed or not (the admins' /reload)."""
        with self._lock:
            self._seen, self._changing = fingerprint(self.folder), None
            return self._reload()

    def _reload(self) -> ReloadResult:
        try:
            kb = load(self.folder)
        except KnowledgeError as exc:
            lines = "\n".join(f"  {p}" for p in exc.problems[:20])
            message = (f"knowledge edit rejected, still serving the previous version; "
                       f"{len(exc.problems)} problem(s):\n{lines}")
            logger.warning("%s", message)
            return ReloadResult(False, message)
        except Exception as exc:  # whatever an edit does, the bot keeps serving and watching
            logger.exception("knowledge edit could not be loaded; still serving the previous version")
            return ReloadResult(False, f"knowledge edit rejected, still serving the previous version: {exc!r}")
        self._serving = self._build(kb)
        self.version = content_version(self.folder)
        message = (f"knowledge reloaded: {len(kb.intents)} intents (version {self.version})"
                   + "".join(f"\n  warning: {w}" for w in kb.warnings))
        logger.log(logging.WARNING if kb.warnings else logging.INFO, "%s", message)
        return ReloadResult(True, message)


def watch_in_thread(live: LiveKnowledge[Serving], on_result: Callable[[ReloadResult], None] | None = None,
                    interval: float = POLL_INTERVAL_S) -> threading.Event:
    """Poll from a daemon thread (console, ``ask -``); set the returned event to stop."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            result = live.poll()
            if result is not None and on_result is not None:
                on_result(result)

    threading.Thread(target=loop, name="kb-watch", daemon=True).start()
    return stop


async def watch(live: LiveKnowledge[Serving], on_result: Callable[[ReloadResult], object] | None = None,
                interval: float = POLL_INTERVAL_S) -> None:
    """Poll from the event loop (Telegram); loading runs in a thread so answers keep flowing."""
    while True:
        await asyncio.sleep(interval)
        result = await asyncio.to_thread(live.poll)
        if result is not None and on_result is not None:
            outcome = on_result(result)
            if asyncio.iscoroutine(outcome):
                await outcome
