"""Admin commands on Telegram: /stats, /unanswered, /reload, for the user ids in ADMIN_IDS.

Anyone else, and anyone in a group (where other users' questions must not be shown), gets
exactly what an unknown command gets (the help text), so the commands are not even revealed.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot.channels.telegram.services import Services, services
from bot.kb.live import ReloadResult

logger = logging.getLogger("bot.telegram")

#: How many recent unanswered questions /unanswered lists.
UNANSWERED_SHOWN = 15


async def run_admin_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Run an admin command if an admin sent it in a private chat; False (nothing done) otherwise."""
    svc = services(context)
    user = update.effective_user
    message = update.effective_message
    chat = update.effective_chat
    private = chat is not None and chat.type == ChatType.PRIVATE  # users' questions stay out of groups
    if user is None or message is None or user.id not in svc.admin_ids or not private:
        return False
    name = (message.text or "").split()[0][1:].split("@")[0].lower()
    if name == "reload":
        result = await asyncio.to_thread(svc.live.reload)  # loading must not stall other chats
        await message.reply_text(("✅ " if result.ok else "❌ ") + result.message)
        return True
    if svc.store is None:
        await message.reply_text("The conversation log is not available (see the bot's log).")
        return True
    if name == "stats":
        await message.reply_html(await _stats_text(svc))
    else:
        rows = await svc.store.recent_fallbacks(UNANSWERED_SHOWN)
        lines = [f"{time.strftime('%d/%m %H:%M', time.gmtime(ts))} — {html.escape(q[:200])}" for ts, q in rows]
        await message.reply_html("<b>Unanswered (latest first)</b>\n" + ("\n".join(lines) or "none"))
    return True


async def _stats_text(svc: Services) -> str:
    """Today, 7 days, total; fallback rate; top intents, as HTML."""
    assert svc.store is not None
    stats = await svc.store.stats()
    kb = svc.responder().kb
    top = "\n".join(
        f"  {count} × {html.escape(kb.intents[i].title if i in kb.intents else i)}"
        for i, count in stats.top_intents) or "  —"
    return (f"<b>Questions</b>: today {stats.today}, 7 days {stats.week}, total {stats.total}\n"
            f"<b>Fallback rate (7 days)</b>: {stats.fallback_rate:.0%}\n"
            f"<b>Top questions (7 days)</b>:\n{top}")


async def tell_admins(app: Application, result: ReloadResult) -> None:  # type: ignore[type-arg]
    """Tell every admin that a knowledge edit was rejected (accepted edits are only logged)."""
    if result.ok:
        return
    svc: Services = app.bot_data["services"]
    for admin in svc.admin_ids:
        try:
            await app.bot.send_message(admin, "❌ " + result.message[:4000])
        except TelegramError as exc:  # an admin who never started the bot cannot be messaged
            logger.warning("could not tell admin %s: %s", admin, exc)
