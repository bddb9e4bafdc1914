"""python-telegram-bot callbacks: translate updates to handler calls and replies to messages.

The deciding is done by ``handlers`` (what to answer); this module only knows Telegram:
who is addressed in a group, which button was pressed, how a reply is sent.
"""

from __future__ import annotations

import contextlib
import html
import logging

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update, User
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.channels.telegram.admin import run_admin_command
from bot.channels.telegram.render import callback_data, keyboard, parse_callback, to_messages
from bot.channels.telegram.services import services
from bot.engine.language import Language
from handlers.commands import command, topic_questions, topics
from handlers.conversation import Turn
from handlers.reply import Kind, Reply

logger = logging.getLogger("bot.telegram")

def user_language(user: User | None) -> Language:
    """The language for commands and buttons: English for English-speaking clients."""
    return "en" if user is not None and (user.language_code or "").startswith("en") else "vi"


async def send_reply(message: Message, reply: Reply, quote: bool,
                     extra_rows: list[list[InlineKeyboardButton]] | None = None) -> None:
    """Send a reply as one or more HTML messages, the keyboard on the last.

    A quote (in groups) that the server refuses, e.g. because the question was deleted, is
    dropped rather than losing the answer.
    """
    for out in to_messages(reply, extra_rows):
        try:
            await message.reply_html(out.html, reply_markup=out.keyboard, do_quote=quote)
        except BadRequest:
            if not quote:
                raise
            await message.reply_html(out.html, reply_markup=out.keyboard, do_quote=False)


async def send_turn(message: Message, turn: Turn, quote: bool) -> None:
    """Send a conversation turn; answers carry 👍/👎 buttons tied to their log entry."""
    rows = None
    if turn.exchange_id and turn.reply.kind not in (Kind.EMPTY, Kind.COMMAND, Kind.CLARIFY):
        lang = turn.reply.language
        rows = [[InlineKeyboardButton("👍", callback_data=callback_data("u", lang, turn.exchange_id)),
                 InlineKeyboardButton("👎", callback_data=callback_data("d", lang, turn.exchange_id))]]
    await send_reply(message, turn.reply, quote, rows)


# -- commands ---------------------------------------------------------------------------

async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, /help, /about, /topics, and any unknown command (which gets the help)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    name = message.text.split()[0][1:].split("@")[0]
    reply = command(services(context).responder(), name, user_language(update.effective_user))
    await send_reply(message, reply, quote=_is_group(update))


async def on_whoami(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/whoami: the sender's Telegram user id (what ADMIN_IDS lists) and the chat's id."""
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None:
        return
    if user_language(user) == "en":
        text = f"Your Telegram user id: {user.id}\nThis chat's id: {message.chat_id}"
    else:
        text = f"ID người dùng Telegram của bạn: {user.id}\nID cuộc trò chuyện này: {message.chat_id}"
    await message.reply_text(text, do_quote=_is_group(update))


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command gets the help; in a group only if it names us ("/x@our_bot")."""
    message = update.effective_message
    if message is None or not message.text:
        return
    target = message.text.split()[0].partition("@")[2].lower()
    if _is_group(update) and target != (context.bot.username or "").lower():
        return  # another bot's command, or one not addressed to anyone: not ours to answer
    await on_command(update, context)


# -- questions --------------------------------------------------------------------------

async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a question: any text in a private chat, or a group message addressed to us."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    text = message.text
    if _is_group(update):
        if not _addressed_to_bot(message, context.bot.id, context.bot.username):
            return  # group chatter not meant for us: stay quiet
        text = _strip_mention(message, context.bot.username)
    svc = services(context)
    ctx = await svc.context_for(message.chat_id)
    prefer = ctx.language if ctx.last_intent else user_language(update.effective_user)
    # No "typing…" action: a match takes well under a millisecond, so it would only add a call.
    turn = svc.conversation.ask(text, ctx, chat=str(message.chat_id), user=_user_key(update), prefer=prefer)
    svc.remember(message.chat_id, turn.context)
    await send_turn(message, turn, quote=_is_group(update))


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice, locations…: a friendly hint to type a question."""
    message = update.effective_message
    if message is None:
        return
    if _is_group(update) and not _addressed_to_bot(message, context.bot.id, context.bot.username):
        return
    msgs = services(context).responder().kb.messages
    lang = user_language(update.effective_user)
    await message.reply_text(msgs.non_text_en if lang == "en" else msgs.non_text,
                             do_quote=_is_group(update))


# -- buttons ----------------------------------------------------------------------------

async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed button: a question to answer, a topic to open, or back to the topics."""
    query = update.callback_query
    if query is None:
        return
    parsed = parse_callback(query.data or "")
    responder = services(context).responder()
    if parsed is None:
        await _ack(query)
        return
    kind, lang, ident = parsed
    message = query.message if isinstance(query.message, Message) else None
    if kind in ("u", "d"):
        await _feedback(update, context, ident, 1 if kind == "u" else -1, lang)
        return
    if kind == "q":
        await _ack(query)
        if message is None:
            return
        svc = services(context)
        ctx = await svc.context_for(message.chat_id)
        turn = svc.conversation.choose(ident, lang, ctx, chat=str(message.chat_id), user=_user_key(update))
        if turn is None:  # an intent removed from the knowledge base since: offer the topics
            await send_reply(message, topics(responder, lang), quote=False)
            return
        svc.remember(message.chat_id, turn.context)
        await send_turn(message, turn, quote=False)
        return
    await _ack(query)
    if message is None:
        return
    if kind == "t":
        opened = topic_questions(responder, ident, lang) or topics(responder, lang)
        label = "⬅ Topics" if lang == "en" else "⬅ Các chủ đề"
        back = [[InlineKeyboardButton(label, callback_data=callback_data("b", lang, "topics"))]]
        await _edit(message, opened, keyboard(opened.choices, lang, back))
    elif kind == "b":
        listing = topics(responder, lang)
        await _edit(message, listing, keyboard(listing.choices, lang))


async def _ack(query: CallbackQuery, text: str | None = None) -> None:
    """Answer a callback query so the client's spinner stops; a failure here must not stop
    the answer itself."""
    with contextlib.suppress(TelegramError):
        await query.answer(text)


async def _feedback(update: Update, context: ContextTypes.DEFAULT_TYPE, exchange_id: str,
                    rating: int, lang: Language) -> None:
    """Store a 👍/👎 against its exchange and acknowledge it in the client."""
    query = update.callback_query
    assert query is not None
    store = services(context).store
    stored = False
    if store is not None:
        try:
            stored = await store.feedback(exchange_id, rating, _user_key(update))
        except Exception as exc:  # a locked database: thank the user anyway, log it
            logger.warning("feedback not stored: %s", exc)
    thanks = "Thanks for the feedback!" if lang == "en" else "Cảm ơn bạn đã góp ý!"
    sorry = "Sorry, this answer can no longer be rated." if lang == "en" else \
        "Xin lỗi, không ghi nhận được góp ý cho câu trả lời này."
    await _ack(query, thanks if stored else sorry)


async def _edit(message: Message, reply: Reply, markup: InlineKeyboardMarkup | None) -> None:
    """Replace a menu message in place; "not modified" (a double tap) is not an error, and a
    message that cannot be edited (too old, or a server without edits) gets a new one."""
    try:
        await message.edit_text(html.escape(reply.text), parse_mode=ParseMode.HTML, reply_markup=markup)
    except TelegramError as exc:
        if isinstance(exc, BadRequest) and "not modified" in str(exc).lower():
            return
        await message.reply_html(html.escape(reply.text), reply_markup=markup, do_quote=False)


# -- errors -----------------------------------------------------------------------------

async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (the token is redacted by the logging filter) and tell the user."""
    logger.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    msgs = services(context).responder().kb.messages
    text = msgs.error_en if user_language(update.effective_user) == "en" else msgs.error
    with contextlib.suppress(TelegramError):
        await context.bot.send_message(update.effective_chat.id, text)


# -- helpers ----------------------------------------------------------------------------

def _user_key(update: Update) -> str:
    """The user's id as text, for the (pseudonymised) log."""
    return str(update.effective_user.id) if update.effective_user is not None else ""


def _is_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def _addressed_to_bot(message: Message, bot_id: int, username: str | None) -> bool:
    """A group message is ours if it mentions us or replies to one of our messages."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    handle = f"@{username}".lower() if username else None
    for entity, text in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
        if handle and text.lower() == handle:
            return True
    return False


def _strip_mention(message: Message, username: str | None) -> str:
    """The question without our @username."""
    text = message.text or ""
    if username:
        for mention in message.parse_entities([MessageEntity.MENTION]).values():
            if mention.lower() == f"@{username}".lower():
                text = text.replace(mention, " ")
    return text.strip()


async def on_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins' commands for admins; for everyone else, exactly what an unknown command gets."""
    if not await run_admin_command(update, context):
        await on_command(update, context)


def register(app: Application) -> None:  # type: ignore[type-arg]
    """Register the handlers in the order they must be tried."""
    chats = filters.ChatType.PRIVATE | filters.ChatType.GROUPS  # not channels: nobody to answer there
    app.add_handler(CommandHandler(["start", "help", "about", "topics"], on_command, filters=chats))
    app.add_handler(CommandHandler(["stats", "unanswered", "reload"], on_admin, filters=chats))
    app.add_handler(CommandHandler("whoami", on_whoami, filters=chats))
    app.add_handler(CallbackQueryHandler(on_button))
    # Unknown commands get the help text (CommandHandler above has taken the known ones).
    app.add_handler(MessageHandler(filters.COMMAND & chats, on_unknown_command))
    app.add_handler(MessageHandler(filters.TEXT & chats, on_text))
    # Catch-all last: anything that is not text (stickers, photos, voice, locations…).
    app.add_handler(MessageHandler(~filters.TEXT & ~filters.StatusUpdate.ALL & chats, on_non_text))
    app.add_error_handler(on_error)
