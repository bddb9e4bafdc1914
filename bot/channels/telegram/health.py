"""Is the bot serving? One check, shown by ``GET /healthz`` (webhook mode) and ``python -m bot health``.

The running bot checks itself every ``HEARTBEAT_S`` seconds and writes the result beside the
database (``data/bot.health.json``), so ``python -m bot health`` works in polling mode and in a
container's health check too: healthy if the file is fresh and says so. A stale file means the
process is gone or its event loop is stuck; the file is removed at a clean stop.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.channels.telegram.network import Reachability
from bot.channels.telegram.services import Services

logger = logging.getLogger("bot.telegram")

#: How often the running bot checks itself and rewrites the health file.
HEARTBEAT_S = 15.0
#: A health file older than this means the bot has stopped or hangs.
STALE_AFTER_S = 4 * HEARTBEAT_S
#: An unreachable Bot API server makes the bot unhealthy after this long (short outages are waited out).
UNREACHABLE_AFTER_S = 120.0


def health_file(db_path: Path) -> Path:
    """Where the bot using the log ``db_path`` writes its health: ``data/bot.health.json``."""
    return db_path.with_name(f"{db_path.stem}.health.json")


@dataclass
class Health:
    """What the check looks at: the serving knowledge, the log, the Bot API server, the updates."""

    services: Services
    reachability: Reachability
    mode: str  # "polling" | "webhook"
    started: float = field(default_factory=time.time)
    last_update: float | None = None

    def saw_update(self) -> None:
        """An update came in (called for every update, before it is handled)."""
        self.last_update = time.time()

    async def check(self) -> dict[str, Any]:
        """The bot's state now; ``ok`` is False with the ``problems`` that make it unhealthy."""
        svc = self.services
        store = svc.store
        db_problem = "the conversation log is not open" if store is None else await store.probe()
        down = self.reachability.down_for()
        problems = [db_problem] if db_problem else []
        if down is not None and down >= UNREACHABLE_AFTER_S:
            problems.append(f"the Bot API server {self.reachability.server} has not answered for {down:.0f} s")
        now = time.time()
        return {
            "ok": not problems,
            "problems": problems,
            "mode": self.mode,
            "pid": os.getpid(),
            "time": now,
            "uptime_s": round(now - self.started),
            "knowledge": {"version": svc.live.version, "intents": len(svc.responder().kb.intents)},
            "database": {"path": str(svc.log_config.path), "writable": db_problem is None},
            "seconds_since_last_update": None if self.last_update is None else round(now - self.last_update),
            "bot_api": {"server": self.reachability.server, "answering": down is None},
        }

    async def beat(self, path: Path, interval: float = HEARTBEAT_S) -> None:
        """Rewrite the health file every ``interval`` seconds until cancelled."""
        failing = False
        while True:
            status = await self.check()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(path.name + ".tmp")
                tmp.write_text(json.dumps(status, ensure_ascii=False), encoding="utf-8")
                os.replace(tmp, path)
                failing = False
            except OSError as exc:
                if not failing:
                    logger.warning("cannot write the health file %s (%s)", path, exc)
                failing = True
            await asyncio.sleep(interval)


def read_health(path: Path, now: float | None = None) -> tuple[bool, str]:
    """``python -m bot health``: (healthy, one line saying why) from the running bot's health file."""
    try:
        status = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False, f"not running: no health file at {path} (is the bot running with this BOT_DB_PATH?)"
    except (OSError, ValueError) as exc:
        return False, f"unreadable health file {path}: {exc}"
    age = (time.time() if now is None else now) - float(status.get("time", 0))
    if age > STALE_AFTER_S:
        return False, f"not responding: the health file {path} was last written {age:.0f} s ago"
    if not status.get("ok"):
        return False, "unhealthy: " + "; ".join(status.get("problems") or ["unknown"])
    last = status.get("seconds_since_last_update")
    kb = status.get("knowledge", {})
    return True, (f"healthy: {status.get('mode')} (pid {status.get('pid')}), knowledge {kb.get('version')} "
                  f"({kb.get('intents')} intents), database writable, "
                  + ("no update yet" if last is None else f"last update {last} s ago"))
