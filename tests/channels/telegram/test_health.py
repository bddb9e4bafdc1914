"""``python -m bot health`` reads the running bot's health file: fresh and ok, or why not."""

from __future__ import annotations

import json
from pathlib import Path

from bot.channels.telegram.health import STALE_AFTER_S, health_file, read_health


def _write(path: Path, **status: object) -> None:
    base = {"ok": True, "problems": [], "mode": "polling", "pid": 7, "time": 1000.0,
            "knowledge": {"version": "abc123def456", "intents": 79}, "seconds_since_last_update": 12}
    path.write_text(json.dumps({**base, **status}), encoding="utf-8")


def test_health_file_sits_beside_the_database() -> None:
    assert health_file(Path("data/bot.sqlite3")) == Path("data/bot.health.json")


def test_fresh_and_ok_is_healthy(tmp_path: Path) -> None:
    path = tmp_path / "bot.health.json"
    _write(path)
    assert read_health(path, now=1010.0) == (True, "healthy: polling (pid 7), knowledge abc123def456 (79 intents), "
                                                   "database writable, last update 12 s ago")


def test_problems_or_a_stale_file_are_unhealthy(tmp_path: Path) -> None:
    path = tmp_path / "bot.health.json"
    _write(path, ok=False, problems=["cannot write to data/bot.sqlite3: disk I/O error"])
    assert read_health(path, now=1010.0) == (False, "unhealthy: cannot write to data/bot.sqlite3: disk I/O error")
    _write(path)
    healthy, line = read_health(path, now=1000.0 + STALE_AFTER_S + 1)
    assert not healthy and line.startswith("not responding: the health file")
    path.write_text("{", encoding="utf-8")
    assert read_health(path)[0] is False
