"""The floor for bench.telegram_load: a minimal python-telegram-bot echo bot.

    TELEGRAM_BOT_TOKEN=... TELEGRAM_BASE_URL=http://127.0.0.1:PORT python -m bench.echo_bot

Replies to every text message with the same text, over long polling. It uses
``concurrent_updates(256)``: the same 256 concurrent updates as the real bot's
``ChatOrderedProcessor(256)`` (bot/channels/telegram/app.py), minus its per-chat ordering, and polls
with the same ``allowed_updates``, so the comparison measures our handler, not a setting.
"""

from __future__ import annotations

import logging
import os

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the message's text back."""
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(message.text)


def main() -> None:
    """Build the application from the environment and poll until SIGTERM/SIGINT."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.WARNING)
    base = os.environ["TELEGRAM_BASE_URL"].rstrip("/")
    file_base = os.environ.get("TELEGRAM_BASE_FILE_URL") or base + "/file/bot"
    app = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(base + "/bot")
        .base_file_url(file_base)
        .concurrent_updates(256)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
