"""A handler that fails: the user is told, the failure is logged without the token, the bot goes on."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

from bot.channels.telegram.app import TelegramSettings, build_application, configure_logging
from bot.kb.loader import KnowledgeBase
from bot.store.database import LogConfig
from tests.fake_telegram.client import AsyncFakeTelegramClient
from tests.fake_telegram.process import FakeTelegramServer
from tests.support import DEADLINE
from tests.telegram_harness import TOKEN


async def explode(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    raise RuntimeError(f"boom while handling (token {TOKEN} must not be logged)")


async def _replied(client: AsyncFakeTelegramClient, after_seq: int, needle: str) -> bool:
    """Whether the bot sends a message containing ``needle`` before the deadline."""
    deadline = asyncio.get_running_loop().time() + DEADLINE
    while (left := deadline - asyncio.get_running_loop().time()) > 0:
        batch = await client.wait_for_reply(42, after_seq, left)
        if any(needle in m["text"] for m in batch):
            return True
        after_seq = batch[-1]["seq"] if batch else after_seq
    return False


async def test_failure_is_reported_to_the_user_and_the_bot_keeps_answering(
        kb: KnowledgeBase, caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    with FakeTelegramServer() as server:
        settings = TelegramSettings(token=TOKEN, base_url=server.api_base_url, base_file_url=server.file_base_url,
                                    webhook_url=None, webhook_listen="127.0.0.1", webhook_port=0,
                                    webhook_secret="unused", admin_ids=frozenset())
        configure_logging(TOKEN)  # also puts the redacting filter on pytest's capture handler
        app = build_application(settings, kb, LogConfig(tmp_path / "bot.sqlite3"))
        app.add_handler(MessageHandler(filters.Regex("boom"), explode), group=-1)
        client = server.async_client(TOKEN)
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=1)
            try:
                sent = await client.send_text(42, "boom", user_id=42, chat_type="private")
                assert await _replied(client, sent["seq"], "lỗi")
                sent = await client.send_text(42, "nhiệm vụ thứ 2 là gì", user_id=42, chat_type="private")
                assert await _replied(client, sent["seq"], "Nhiệm vụ thứ 2")
            finally:
                await app.updater.stop()
                await app.stop()
                await asyncio.sleep(0)
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "boom while handling" in logged
    assert TOKEN not in logged and TOKEN.split(":")[1] not in logged
