"""The Bot API server's reachability: a warning at once, repeats further and further apart, one line back."""

from __future__ import annotations

import logging

import pytest

from bot.channels.telegram.network import Reachability


def test_warnings_repeat_with_backoff_and_the_return_is_said_once(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    watch = Reachability("api.example.org", clock=lambda: now[0])
    caplog.set_level(logging.INFO, logger="bot.telegram")
    for second in range(0, 400):  # a request fails every second for 400 s
        now[0] = float(second)
        watch.failed("httpx.ConnectError: All connection attempts failed")
    warned_at = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warned_at[0] == ("Cannot reach the Bot API server api.example.org (httpx.ConnectError: All connection "
                            "attempts failed); retrying")
    assert [m.split(" after ")[1].split(" s ")[0] for m in warned_at[1:]] == ["30", "90", "210"]
    assert watch.down_for() == 399.0
    now[0] = 400.0
    watch.answered()
    watch.answered()
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert infos == ["The Bot API server api.example.org answers again (after 400 s)"]
    assert watch.down_for() is None
