"""Each end-to-end test gets its own local Bot API server, bot process and database.

Nothing a test sees (messages, answered buttons, errors, rows) was left by another test, so
the tests pass alone and in any order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_telegram.client import FakeTelegramClient
from tests.fake_telegram.process import FakeTelegramServer
from tests.telegram_harness import TOKEN, BotProcess


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakeTelegramServer]:
    """A fresh local Bot API server; its state file lets it survive a kill and restart."""
    with FakeTelegramServer(state_file=tmp_path / "fake-telegram.json") as srv:
        yield srv


@pytest.fixture
def bot_env() -> dict[str, str]:
    """Extra environment for the bot; a test module overrides this fixture to configure it."""
    return {}


@pytest.fixture
def bot(server: FakeTelegramServer, bot_env: dict[str, str]) -> Iterator[BotProcess]:
    """The real bot, polling ``server``, with its own database; running when the test starts."""
    with BotProcess(server, bot_env) as proc:
        yield proc


@pytest.fixture
def client(server: FakeTelegramServer, bot: BotProcess) -> Iterator[FakeTelegramClient]:
    """A control client for the server the bot is polling."""
    with server.client(TOKEN) as control:
        yield control
