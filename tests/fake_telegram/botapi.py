"""The Bot API methods the fake implements, with Telegram's checks and error wording."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from .flood import FloodGate
from .formatting import EntityParseError, parse_html
from .state import ApiError, BotState, JsonDict, Store, now, quoted

Method = Callable[[BotState, "Params"], Awaitable[Any]]

MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_BUTTONS = 100
WEBHOOK_PORTS = (80, 88, 443, 8443)
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
     "upload_document", "choose_sticker", "find_location", "record_video_note",
     "upload_video_note"}
)
COMMAND_SCOPES = frozenset(
    {"default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat",
     "chat_administrators", "chat_member"}
)
_BUTTON_ACTIONS = ("url", "callback_data", "web_app", "login_url", "switch_inline_query",
                   "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
                   "copy_text", "callback_game", "pay")
_BUTTON_ERROR = "Bad Request: can't parse inline keyboard button: "


class Params:
    """Request parameters as sent (form strings or JSON values), read the way Telegram does."""

    def __init__(self, values: JsonDict) -> None:
        self.values = values

    def string(self, name: str) -> str | None:
        """A string parameter; absent is None."""
        value = self.values.get(name)
        return None if value is None else str(value)

    def integer(self, name: str) -> int | None:
        """An integer parameter; absent or empty is None."""
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return int(str(value))
        except ValueError:
            raise ApiError(400, f"Bad Request: invalid {name} specified") from None

    def number(self, name: str) -> float | None:
        """A numeric parameter (getUpdates' timeout may be fractional from some clients)."""
        value = self.values.get(name)
        if value is None or value == "":
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ApiError(400, f"Bad Request: invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        """A boolean parameter (true, "true" or "1")."""
        return self.values.get(name) in (True, 1, "true", "True", "1")

    def decoded(self, name: str, what: str | None = None) -> Any:
        """A JSON-serialised parameter (a string in form bodies, a value in JSON bodies)."""
        value = self.values.get(name)
        if not isinstance(value, str):
            return value
        if value == "":
            return None
        try:
            return json.loads(value)
        except ValueError:
            raise ApiError(400, f"Bad Request: can't parse {what or name} JSON object") from None


def render_text(text: str | None, parse_mode: str | None, entities: Any,
                strict_html: bool) -> tuple[str, list[JsonDict]]:
    """Plain text and entities of a message text, rejected as Telegram rejects it."""
    if not text:
        raise ApiError(400, "Bad Request: message text is empty")
    mode = (parse_mode or "").lower()
    if mode == "html":
        try:
            plain, parsed = parse_html(text, strict_amp=strict_html)
        except EntityParseError as error:
            raise ApiError(400, f"Bad Request: can't parse entities: {error}") from None
    elif mode in ("", "markdown", "markdownv2"):
        plain, parsed = text, list(entities or [])
    else:
        raise ApiError(400, "Bad Request: unsupported parse_mode")
    if not plain.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if len(plain) > MAX_TEXT_LENGTH:
        raise ApiError(400, "Bad Request: message is too long")
    return plain, parsed


def check_webhook_url(url: str) -> None:
    """Refuse a webhook URL the way Telegram does: HTTPS only, four ports, no reserved address."""
    bad = "Bad Request: bad webhook: "
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        raise ApiError(400, bad + "An HTTPS URL must be provided for webhook")
    try:
        port = parts.port or 443
    except ValueError:
        raise ApiError(400, bad + "Failed to parse port number") from None
    if port not in WEBHOOK_PORTS:
        raise ApiError(400, bad + "Webhook can be set up only on ports 80, 88, 443 or 8443")
    with contextlib.suppress(ValueError):
        address = ipaddress.ip_address(parts.hostname or "")
        if not address.is_global:
            raise ApiError(400, bad + f"IP address {address} is reserved")


def check_reply_markup(markup: Any) -> JsonDict | None:
    """Validate reply_markup; inline keyboards are checked like Telegram does."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: object expected as reply markup")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
    return markup


def _check_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ApiError(400, 'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup '
                            "should be an Array of Arrays")
    buttons = [button for row in rows for button in row]
    for button in buttons:
        if not isinstance(button, dict):
            raise ApiError(400, _BUTTON_ERROR + "InlineKeyboardButton must be an Object")
        if not isinstance(button.get("text"), str):
            raise ApiError(400, _BUTTON_ERROR + 'Field "text" must be of type String')
        for name in ("url", "callback_data"):
            if name in button and not isinstance(button[name], str):
                raise ApiError(400, _BUTTON_ERROR + f'Field "{name}" must be of type String')
        if not _has_action(button):
            raise ApiError(400, _BUTTON_ERROR + "Text buttons are unallowed in the inline keyboard")
    if len(buttons) > MAX_BUTTONS:
        raise ApiError(400, "Bad Request: reply markup is too long")
    for button in buttons:
        if not button["text"].strip():
            raise ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
        data = button.get("callback_data")
        if data and len(data.encode("utf-8")) > MAX_CALLBACK_DATA_BYTES:
            raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


def _has_action(button: JsonDict) -> bool:
    """Whether a button does something; empty strings only count for switch_inline_query*."""
    return any(
        button.get(name) is not None
        and (button[name] != "" or name.startswith("switch_inline_query"))
        for name in _BUTTON_ACTIONS
    )


def inline_markup(markup: JsonDict | None) -> JsonDict | None:
    """The markup a message keeps: a non-empty inline keyboard, else None."""
    if markup is not None and markup.get("inline_keyboard"):
        return {"inline_keyboard": markup["inline_keyboard"]}
    return None


def _with_optional(message: JsonDict, **fields: Any) -> JsonDict:
    """Copy of ``message`` with ``fields`` set, dropping those that are None or empty."""
    result = {k: v for k, v in message.items() if k not in fields}
    result.update({k: v for k, v in fields.items() if v not in (None, [])})
    return result


class BotApi:
    """Implements the supported Bot API methods over a Store."""

    def __init__(self, store: Store, flood: FloodGate | None = None) -> None:
        self.store = store
        self.flood = flood
        self.methods: dict[str, Method] = {
            "getme": self.get_me,
            "logout": self.log_out,
            "close": self.log_out,
            "deletewebhook": self.delete_webhook,
            "setwebhook": self.set_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "getupdates": self.get_updates,
            "sendmessage": self.send_message,
            "sendchataction": self.send_chat_action,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "answercallbackquery": self.answer_callback_query,
            "editmessagetext": self.edit_message_text,
            "editmessagereplymarkup": self.edit_message_reply_markup,
        }

    async def get_me(self, bot: BotState, p: Params) -> JsonDict:
        """getMe."""
        return bot.me

    async def log_out(self, bot: BotState, p: Params) -> bool:
        """logOut and close: nothing to do locally."""
        return True

    async def delete_webhook(self, bot: BotState, p: Params) -> bool:
        """deleteWebhook, honouring drop_pending_updates."""
        bot.webhook = {}
        if p.flag("drop_pending_updates"):
            bot.drop_pending()
        return True

    async def set_webhook(self, bot: BotState, p: Params) -> bool:
        """setWebhook: stores the URL, refused as Telegram refuses it; updates are not pushed to it."""
        url = p.string("url") or ""
        if not url:
            return await self.delete_webhook(bot, p)
        check_webhook_url(url)
        allowed = p.decoded("allowed_updates")
        if allowed is not None:
            bot.allowed_updates = allowed
        bot.webhook = {"url": url, "secret_token": p.string("secret_token"),
                       "max_connections": p.integer("max_connections") or 40,
                       "allowed_updates": allowed}
        if p.flag("drop_pending_updates"):
            bot.drop_pending()
        return True

    async def get_webhook_info(self, bot: BotState, p: Params) -> JsonDict:
        """getWebhookInfo, with the last delivery error a test reported (``/_test/.../webhook_error``)."""
        info: JsonDict = {"url": bot.webhook.get("url", ""), "has_custom_certificate": False,
                          "pending_update_count": len(bot.updates)}
        if info["url"]:
            info["max_connections"] = bot.webhook["max_connections"]
            if bot.allowed_updates is not None:
                info["allowed_updates"] = bot.allowed_updates
            for name in ("last_error_date", "last_error_message"):
                if name in bot.webhook:
                    info[name] = bot.webhook[name]
        return info

    async def get_updates(self, bot: BotState, p: Params) -> list[JsonDict]:
        """getUpdates: confirm by offset, then long-poll up to ``timeout`` seconds."""
        if bot.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        limit = min(max(p.integer("limit") or 100, 1), 100)
        timeout = max(p.number("timeout") or 0.0, 0.0)
        allowed = p.decoded("allowed_updates")
        if allowed is not None:
            bot.allowed_updates = allowed
        bot.confirm(p.integer("offset") or 0)
        self.store.flush()
        poll = bot.begin_poll()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if bot.poll_generation != poll:
                raise ApiError(409, "Conflict: terminated by other getUpdates request; make sure "
                                    "that only one bot instance is running")
            if bot.updates or self.store.closing or loop.time() >= deadline:
                return bot.updates[:limit]
            await bot.update_signal.wait(deadline - loop.time())

    def _chat(self, bot: BotState, p: Params) -> JsonDict:
        chat_id = p.integer("chat_id")
        if chat_id is None:
            raise ApiError(400, "Bad Request: chat_id is empty")
        chat = bot.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _text_and_markup(self, p: Params) -> tuple[str | None, str | None, str, Any, JsonDict | None]:
        """parse_mode, the text as sent, as shown, its entities, and the checked reply markup."""
        parse_mode = p.string("parse_mode")
        source = p.string("text")
        plain, entities = render_text(source, parse_mode, p.decoded("entities"), self.store.strict_html)
        markup = check_reply_markup(p.decoded("reply_markup", "reply keyboard markup"))
        return parse_mode, source, plain, entities, markup

    async def send_message(self, bot: BotState, p: Params) -> JsonDict:
        """sendMessage with text checks, inline keyboards and replies."""
        chat = self._chat(bot, p)
        parse_mode, source, plain, entities, markup = self._text_and_markup(p)
        replied = self._replied_message(bot, chat["id"], p)
        self._admit(bot, chat["id"])
        message = _with_optional(
            {"message_id": bot.next_message_id(chat["id"]), "from": bot.user, "chat": chat,
             "date": now(), "text": plain},
            entities=entities, reply_markup=inline_markup(markup),
            reply_to_message=quoted(replied) if replied else None)
        bot.save_message(message)
        bot.record_sent({"method": "sendMessage", "chat_id": chat["id"],
                         "message_id": message["message_id"], "date": message["date"],
                         "text": plain, "source_text": source, "parse_mode": parse_mode,
                         "entities": entities, "reply_markup": markup,
                         "reply_to_message_id": replied["message_id"] if replied else None})
        return message

    def _replied_message(self, bot: BotState, chat_id: int, p: Params) -> JsonDict | None:
        reply: JsonDict = p.decoded("reply_parameters") or {}
        message_id = reply.get("message_id") or p.integer("reply_to_message_id")
        if not message_id:
            return None
        target_chat = reply.get("chat_id")
        if not isinstance(target_chat, int):
            target_chat = chat_id
        replied = bot.messages.get((target_chat, int(message_id)))
        allow_missing = reply.get("allow_sending_without_reply") or p.flag(
            "allow_sending_without_reply")
        if replied is None and not allow_missing:
            raise ApiError(400, "Bad Request: message to be replied not found")
        return replied

    async def send_chat_action(self, bot: BotState, p: Params) -> bool:
        """sendChatAction: checked and logged."""
        chat = self._chat(bot, p)
        action = p.string("action")
        if action not in CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        bot.actions.append({"seq": bot.next_seq(), "chat_id": chat["id"], "action": action,
                            "date": now()})
        return True

    def _command_key(self, p: Params) -> tuple[str, JsonDict, str]:
        scope = p.decoded("scope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in COMMAND_SCOPES:
            raise ApiError(400, "Bad Request: unsupported bot command scope type")
        language = p.string("language_code") or ""
        if language and not (len(language) == 2 and language.isalpha() and language.islower()):
            raise ApiError(400, "Bad Request: Invalid language code specified")
        return json.dumps([scope, language], sort_keys=True), scope, language

    async def set_my_commands(self, bot: BotState, p: Params) -> bool:
        """setMyCommands, stored per scope and language_code."""
        commands = p.decoded("commands")
        if not isinstance(commands, list):
            raise ApiError(400, 'Bad Request: parameter "commands" is required')
        key, scope, language = self._command_key(p)
        cleaned = [_check_command(command) for command in commands]
        if cleaned:
            bot.commands[key] = {"scope": scope, "language_code": language, "commands": cleaned}
        else:
            bot.commands.pop(key, None)
        bot.command_calls.append({"method": "setMyCommands", "scope": scope,
                                  "language_code": language, "commands": cleaned, "date": now()})
        return True

    async def get_my_commands(self, bot: BotState, p: Params) -> list[JsonDict]:
        """getMyCommands for exactly this scope and language_code."""
        key, _, _ = self._command_key(p)
        stored = bot.commands.get(key)
        return stored["commands"] if stored else []

    async def delete_my_commands(self, bot: BotState, p: Params) -> bool:
        """deleteMyCommands for this scope and language_code."""
        key, scope, language = self._command_key(p)
        bot.commands.pop(key, None)
        bot.command_calls.append({"method": "deleteMyCommands", "scope": scope,
                                  "language_code": language, "commands": [], "date": now()})
        return True

    async def answer_callback_query(self, bot: BotState, p: Params) -> bool:
        """answerCallbackQuery: each query can be answered once."""
        query_id = p.string("callback_query_id") or ""
        query = bot.open_callbacks.pop(query_id, None)
        if query is None:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or "
                                "query ID is invalid")
        bot.answered_callbacks.append({
            "seq": bot.next_seq(), "callback_query_id": query_id, **query,
            "text": p.string("text"), "show_alert": p.flag("show_alert"), "url": p.string("url"),
            "cache_time": p.integer("cache_time"), "date": now()})
        return True

    def _editable(self, bot: BotState, p: Params) -> JsonDict:
        if p.string("inline_message_id"):
            raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID")
        chat_id, message_id = p.integer("chat_id"), p.integer("message_id")
        if chat_id is None:
            raise ApiError(400, "Bad Request: chat_id is empty")
        if not message_id:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        message = bot.messages.get((chat_id, message_id))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["from"]["id"] != bot.bot_id:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _admit(self, bot: BotState, chat_id: int) -> None:
        """Count a message against the flood limits (if enforced); 429 if it is one too many."""
        if self.flood is not None:
            self.flood.admit(bot.bot_id, chat_id)

    def _apply_edit(self, bot: BotState, method: str, old: JsonDict, new: JsonDict,
                    log: JsonDict) -> JsonDict:
        if all(old.get(k) == new.get(k) for k in ("text", "entities", "reply_markup")):
            raise ApiError(400, NOT_MODIFIED)
        self._admit(bot, new["chat"]["id"])
        new["edit_date"] = now()
        bot.save_message(new)
        bot.record_sent({"method": method, "chat_id": new["chat"]["id"],
                         "message_id": new["message_id"], "date": new["edit_date"],
                         "text": new["text"], "entities": new.get("entities", []),
                         "reply_to_message_id": new.get("reply_to_message", {}).get("message_id"),
                         **log})
        return new

    async def edit_message_text(self, bot: BotState, p: Params) -> JsonDict:
        """editMessageText; without reply_markup the inline keyboard is removed, as in Telegram."""
        old = self._editable(bot, p)
        parse_mode, source, plain, entities, markup = self._text_and_markup(p)
        new = _with_optional(old, text=plain, entities=entities,
                             reply_markup=inline_markup(markup))
        return self._apply_edit(bot, "editMessageText", old, new,
                                {"source_text": source, "parse_mode": parse_mode,
                                 "reply_markup": inline_markup(markup)})

    async def edit_message_reply_markup(self, bot: BotState, p: Params) -> JsonDict:
        """editMessageReplyMarkup."""
        old = self._editable(bot, p)
        markup = inline_markup(check_reply_markup(p.decoded("reply_markup", "reply keyboard markup")))
        new = _with_optional(old, reply_markup=markup)
        return self._apply_edit(bot, "editMessageReplyMarkup", old, new,
                                {"source_text": None, "parse_mode": None, "reply_markup": markup})


def _check_command(command: Any) -> JsonDict:
    """One BotCommand, trimmed and checked like Telegram (tdlib, then the server)."""
    if not isinstance(command, dict):
        raise ApiError(400, "Bad Request: Command must be non-empty")
    name = str(command.get("command") or "").strip().removeprefix("/")
    description = str(command.get("description") or "").strip()
    if not name:
        raise ApiError(400, "Bad Request: Command must be non-empty")
    if len(name) > 32:
        raise ApiError(400, "Bad Request: Command length must not exceed 32")
    if not description:
        raise ApiError(400, "Bad Request: Command description must be non-empty")
    if len(description) > 256:
        raise ApiError(400, "Bad Request: Command description length must not exceed 256")
    if not all(c.isascii() and (c.islower() or c.isdigit() or c == "_") for c in name):
        raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
    return {"command": name, "description": description}
