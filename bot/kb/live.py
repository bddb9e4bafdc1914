"""Live knowledge: curators' edits go live without a restart, broken edits never do.

A cheap fingerprint (name, size, mtime of every file in the knowledge folder) is polled; when it
changes, the folder is loaded and validated in full, and only a valid result replaces what is
serving (a responder, built by the caller's ``build``: this package knows nothing of handlers).
An invalid edit leaves the previous knowledge serving and is reported once per distinct edit.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from bot.kb.loader import KnowledgeBase, KnowledgeError, load

logger = logging.getLogger("bot.kb.live")

#: How often to look for edits, in seconds (edits are live within two seconds).
POLL_INTERVAL_S = 0.5

Fingerprint = tuple[tuple[str, int, int], ...]
#: What is served from a knowledge base (the handlers' responder).
Serving = TypeVar("Serving")


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did: ``ok`` with the new intent count, or the problems found."""

    ok: bool
    message: str


def fingerprint(folder: Path) -> Fingerprint:
    """Name, size and modification time of every knowledge file below ``folder``.

    Only YAML and the report count: an editor's swap or backup file is not an edit.
    """
    entries = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".txt")):
        try:
            st = path.stat()
        except OSError:
            continue
        if path.is_file():
            entries.append((str(path.relative_to(folder)), st.st_size, st.st_mtime_ns))
    return tuple(entries)


def content_version(folder: Path) -> str:
    """A short digest of the knowledge files' names and contents: the same text, the same version."""
    digest = hashlib.sha256()
    for name, _, _ in fingerprint(folder):
        digest.update(name.encode() + b"\0")
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            continue
    return digest.hexdigest()[:12]


class LiveKnowledge(Generic[Serving]):
    """Holds what is serving and swaps in a new one, built from the reloaded base, on an edit."""

    def __init__(self, kb: KnowledgeBase, build: Callable[[KnowledgeBase], Serving],
                 serving: Serving | None = None) -> None:
        self._build = build
        self._serving = build(kb) if serving is None else serving
        self.folder = kb.folder
        self._seen = fingerprint(self.folder)
        #: Which knowledge is serving (``content_version``), for health checks.
        self.version = content_version(self.folder)
        self._lock = threading.Lock()

    def current(self) -> Serving:
        """What answers the next message."""
        return self._serving

    def poll(self) -> ReloadResult | None:
        """Reload if the folder changed since the last look; None if nothing changed."""
        with self._lock:
            now = fingerprint(self.folder)
            if now == self._seen:
                return None
            self._seen = now
            return self._reload()

    def reload(self) -> ReloadResult:
        """Reload now, changed or not (the admins' /reload)."""
        with self._lock:
            self._seen = fingerprint(self.folder)
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
        message = f"knowledge reloaded: {len(kb.intents)} intents (version {self.version})"
        logger.info("%s", message)
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
