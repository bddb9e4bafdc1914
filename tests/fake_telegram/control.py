"""The ``/_test/<bot>/...`` control API: simulate users and inspect what the bot did."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from .formatting import detect_entities
from .state import TOKEN_RE, ApiError, BotState, JsonDict, Store, now, quoted

CHAT_TYPES = ("private", "group", "supergroup")
MEDIA_KINDS = ("sticker", "photo", "location", "voice")
MAX_WAIT_SECONDS = 120.0
Handler = Callable[[BotState, web.Request], Awaitable[Any]]
_DEFAULT_LOCATION = {"latitude": 52.52, "longitude": 13.405}


class ControlError(Exception):
    """A mistake in a control request: HTTP ``status`` and a message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _int_field(body: JsonDict, name: str, default: int | None = None) -> int:
    value = body.get(name, default)
    if value is None:
        raise ControlError(400, f"{name} is required")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ControlError(400, f"{name} must be an integer") from None


def _int_query(request: web.Request, name: str, default: int | None) -> int | None:
    value = request.query.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ControlError(400, f"{name} must be an integer") from None


def _media(kind: str, value: Any, file_id: str) -> Any:
    """The Telegram object for a simulated sticker, photo, location or voice message."""
    unique = file_id.replace("-", "")[-16:]
    if kind == "sticker":
        return {"file_id": file_id, "file_unique_id": unique, "type": "regular", "width": 512,
                "height": 512, "is_animated": False, "is_video": False, "emoji": "\U0001f44d"}
    if kind == "photo":
        return [{"file_id": f"{file_id}-{size}", "file_unique_id": f"{unique}{size}",
                 "width": size, "height": size, "file_size": size * 40} for size in (90, 320, 800)]
    if kind == "location":
        return dict(value) if isinstance(value, dict) else dict(_DEFAULT_LOCATION)
    return {"file_id": file_id, "file_unique_id": unique, "duration": 3,
            "mime_type": "audio/ogg", "file_size": 6000}


class ControlApi:
    """Handlers of the control endpoints over a Store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add_routes(self, app: web.Application) -> None:
        """Register ``/_test/health`` and the per-bot endpoints."""
        app.router.add_get("/_test/health", self.health)
        posts: dict[str, Handler] = {
            "message": self.message, "edit": self.edit, "callback": self.callback,
            "webhook_error": self.webhook_error}
        gets: dict[str, Handler] = {
            "sent": self.sent, "wait": self.wait, "actions": self.actions,
            "answered_callbacks": self.answered_callbacks, "commands": self.commands,
            "errors": self.errors, "webhook": self.webhook, "pending": self.pending}
        for name, handler in posts.items():
            app.router.add_post(f"/_test/{{bot}}/{name}", self._wrap(handler))
        for name, handler in gets.items():
            app.router.add_get(f"/_test/{{bot}}/{name}", self._wrap(handler))

    async def health(self, request: web.Request) -> web.Response:
        """Readiness probe."""
        return web.json_response({"ok": True})

    def _wrap(self, handler: Handler) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def endpoint(request: web.Request) -> web.Response:
            try:
                result = await handler(self._bot(request.match_info["bot"]), request)
            except ControlError as error:
                return web.json_response({"ok": False, "error": error.message},
                                         status=error.status)
            finally:
                self.store.flush()
            return web.json_response(result)
        return endpoint

    def _bot(self, ref: str) -> BotState:
        if ref.isdigit():
            return self.store.bot(int(ref))
        if TOKEN_RE.match(ref) is None:
            raise ControlError(404, "use a bot token or a bot id")
        try:
            return self.store.bot_for_token(ref)
        except ApiError as error:
            raise ControlError(error.code, error.description) from None

    @staticmethod
    async def _body(request: web.Request) -> JsonDict:
        try:
            body = await request.json()
        except ValueError:
            raise ControlError(400, "the body must be a JSON object") from None
        if not isinstance(body, dict):
            raise ControlError(400, "the body must be a JSON object")
        return body

    def _user(self, bot: BotState, body: JsonDict, user_id: int) -> JsonDict:
        """The simulated user, remembered across calls (names given once stay)."""
        if user_id <= 0:
            raise ControlError(400, "user_id must be positive")
        known = bot.users.get(user_id, {})
        first_name = body.get("first_name") or known.get("first_name") or f"User {user_id}"
        user = {"id": user_id, "is_bot": False, "first_name": first_name}
        for name in ("last_name", "username", "language_code"):
            value = body.get(name) or known.get(name)
            if value:
                user[name] = value
        if user != known:
            bot.save_user(user)
        return user

    def _chat(self, bot: BotState, body: JsonDict, chat_id: int, user: JsonDict) -> JsonDict:
        chat_type = body.get("chat_type", "private")
        if chat_type not in CHAT_TYPES:
            raise ControlError(400, f"chat_type must be one of {', '.join(CHAT_TYPES)}")
        if chat_type == "private":
            if chat_id != user["id"]:
                raise ControlError(400, "a private chat's chat_id must equal the user_id")
            chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            chat.update({k: user[k] for k in ("last_name", "username") if k in user})
        else:
            if chat_id >= 0:
                raise ControlError(400, "group and supergroup chat ids are negative")
            title = body.get("title") or bot.chats.get(chat_id, {}).get("title")
            chat = {"id": chat_id, "type": chat_type, "title": title or f"Test group {-chat_id}"}
        if bot.chats.get(chat_id) != chat:
            bot.save_chat(chat)
        return chat

    async def message(self, bot: BotState, request: web.Request) -> JsonDict:
        """A user sends a message (text, or a sticker/photo/location/voice)."""
        body = await self._body(request)
        chat_id = _int_field(body, "chat_id")
        private = body.get("chat_type", "private") == "private"
        user = self._user(bot, body, _int_field(body, "user_id", chat_id if private else None))
        chat = self._chat(bot, body, chat_id, user)
        content = self._content(bot, body, chat_id)
        message: JsonDict = {"message_id": bot.next_message_id(chat_id), "from": user,
                             "chat": chat, "date": now()}
        if body.get("reply_to_message_id") is not None:
            replied = self._message(bot, chat_id, _int_field(body, "reply_to_message_id"))
            message["reply_to_message"] = quoted(replied)
        for kind in MEDIA_KINDS:
            if kind in content:
                file_id = f"fake-{kind}-{bot.bot_id}-{chat_id}-{message['message_id']}"
                content[kind] = _media(kind, content[kind], file_id)
        message.update(content)
        bot.save_message(message)
        update, queued = bot.enqueue("message", message)
        return {"update": update, "queued": queued, "message_id": message["message_id"],
                "seq": bot.seq}

    def _content(self, bot: BotState, body: JsonDict, chat_id: int) -> JsonDict:
        """Text/caption with entities, plus the one media flag given (filled in later)."""
        text = body.get("text")
        media = [kind for kind in MEDIA_KINDS if body.get(kind)]
        if len(media) > 1:
            raise ControlError(400, "give at most one of " + ", ".join(MEDIA_KINDS))
        if text is None and not media:
            raise ControlError(400, "text or one of " + ", ".join(MEDIA_KINDS) + " is required")
        content: JsonDict = {kind: body[kind] for kind in media}
        if text is not None:
            if media and media[0] in ("sticker", "location"):
                raise ControlError(400, f"a {media[0]} message has no text")
            entities = body.get("entities")
            if entities is None:
                entities = detect_entities(str(text))
            prefix = "caption" if media else "text"
            content[prefix] = str(text)
            if entities:
                content["caption_entities" if media else "entities"] = entities
        return content

    @staticmethod
    def _message(bot: BotState, chat_id: int, message_id: int) -> JsonDict:
        message = bot.messages.get((chat_id, message_id))
        if message is None:
            raise ControlError(404, f"no message {message_id} in chat {chat_id}")
        return message

    async def edit(self, bot: BotState, request: web.Request) -> JsonDict:
        """A user edits the text of one of their messages."""
        body = await self._body(request)
        chat_id = _int_field(body, "chat_id")
        old = self._message(bot, chat_id, _int_field(body, "message_id"))
        if old["from"]["id"] == bot.bot_id or "text" not in old:
            raise ControlError(400, "only a user's text message can be edited here")
        text = str(body.get("text") or "")
        if not text:
            raise ControlError(400, "text is required")
        entities = body.get("entities")
        if entities is None:
            entities = detect_entities(text)
        new = {k: v for k, v in old.items() if k != "entities"}
        new.update(text=text, edit_date=now())
        if entities:
            new["entities"] = entities
        bot.save_message(new)
        update, queued = bot.enqueue("edited_message", new)
        return {"update": update, "queued": queued, "seq": bot.seq}

    async def callback(self, bot: BotState, request: web.Request) -> JsonDict:
        """A user presses an inline button with callback_data on a bot message."""
        body = await self._body(request)
        chat_id = _int_field(body, "chat_id")
        message = self._message(bot, chat_id, _int_field(body, "message_id"))
        if message["from"]["id"] != bot.bot_id:
            raise ControlError(400, "buttons can only be pressed on the bot's messages")
        data = body.get("data")
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        if not body.get("force") and data not in [b.get("callback_data") for r in rows for b in r]:
            raise ControlError(400, f"message {message['message_id']} has no button with "
                                    f"callback_data {data!r} (pass force: true to send it anyway)")
        default_user = chat_id if message["chat"]["type"] == "private" else None
        user_id = _int_field(body, "user_id", default_user)
        user = bot.users.get(user_id) or self._user(bot, body, user_id)
        query_id = bot.next_callback_id()
        bot.open_callbacks[query_id] = {"chat_id": chat_id, "message_id": message["message_id"],
                                        "user_id": user_id, "data": data}
        query = {"id": query_id, "from": user, "message": message,
                 "chat_instance": str(abs(hash((bot.bot_id, chat_id)))), "data": data}
        update, queued = bot.enqueue("callback_query", query)
        return {"update": update, "queued": queued, "callback_query_id": query_id,
                "seq": bot.seq}

    async def sent(self, bot: BotState, request: web.Request) -> list[JsonDict]:
        """What the bot sent (sendMessage and edits), optionally in one chat, after ``since``."""
        return bot.sent_after(_int_query(request, "chat_id", None),
                              _int_query(request, "since", 0) or 0)

    async def wait(self, bot: BotState, request: web.Request) -> list[JsonDict]:
        """Long-poll until the bot sends something with seq > after_seq (or the timeout)."""
        chat_id = _int_query(request, "chat_id", None)
        after_seq = _int_query(request, "after_seq", 0) or 0
        try:
            timeout = min(float(request.query.get("timeout", "10")), MAX_WAIT_SECONDS)
        except ValueError:
            raise ControlError(400, "timeout must be a number") from None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            entries = bot.sent_after(chat_id, after_seq)
            if entries or self.store.closing or loop.time() >= deadline:
                return entries
            await bot.sent_signal.wait(deadline - loop.time())

    async def actions(self, bot: BotState, request: web.Request) -> list[JsonDict]:
        """sendChatAction calls, optionally in one chat."""
        chat_id = _int_query(request, "chat_id", None)
        return [a for a in bot.actions if chat_id is None or a["chat_id"] == chat_id]

    async def answered_callbacks(self, bot: BotState, request: web.Request) -> list[JsonDict]:
        """answerCallbackQuery calls."""
        return bot.answered_callbacks

    async def commands(self, bot: BotState, request: web.Request) -> JsonDict:
        """setMyCommands/deleteMyCommands calls and the command lists now in force."""
        return {"calls": bot.command_calls, "current": list(bot.commands.values())}

    async def errors(self, bot: BotState, request: web.Request) -> list[JsonDict]:
        """Every Bot API request of this bot answered with a 4xx."""
        return bot.errors

    async def webhook(self, bot: BotState, request: web.Request) -> JsonDict:
        """The webhook set by setWebhook (url "" when none)."""
        return {"url": "", "secret_token": None, **bot.webhook}

    async def webhook_error(self, bot: BotState, request: web.Request) -> JsonDict:
        """Telegram failed to deliver to the webhook: getWebhookInfo reports ``message`` from now on."""
        body = await self._body(request)
        if not bot.webhook.get("url"):
            raise ControlError(400, "no webhook is set")
        bot.webhook.update(last_error_date=now(), last_error_message=str(body.get("message") or ""))
        return {"url": bot.webhook["url"]}

    async def pending(self, bot: BotState, request: web.Request) -> JsonDict:
        """Updates not yet confirmed by getUpdates' offset."""
        return {"count": len(bot.updates), "next_update_id": bot.next_update_id,
                "updates": bot.updates}
