"""Running the Telegram bot: settings, logging without secrets, the Application, polling or webhook.

Follows python-telegram-bot's examples: ``ApplicationBuilder``, ``post_init`` for start-up
calls (the command menu), an error handler, ``run_polling`` / ``run_webhook``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
import sys
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder, BaseUpdateProcessor

from bot.channels.telegram.admin import tell_admins
from bot.channels.telegram.handlers import register
from bot.channels.telegram.services import Services
from bot.channels.telegram.webhook import guard
from bot.kb.live import LiveKnowledge, watch
from bot.kb.loader import KnowledgeBase
from bot.store.database import SERVING_BUSY_TIMEOUT_MS, LogConfig, Store, key_path
from handlers.questions import Responder

logger = logging.getLogger("bot.telegram")

TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_BASE_FILE_URL = "https://api.telegram.org/file/bot"

COMMANDS_VI = [
    BotCommand("start", "Giới thiệu và các chủ đề"),
    BotCommand("topics", "Các chủ đề có thể hỏi"),
    BotCommand("help", "Cách đặt câu hỏi"),
    BotCommand("about", "Nguồn tin: bài tường thuật"),
]
COMMANDS_EN = [
    BotCommand("start", "Welcome and topics"),
    BotCommand("topics", "Topics you can ask about"),
    BotCommand("help", "How to ask"),
    BotCommand("about", "The source report"),
]


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line for the user."""


@dataclass(frozen=True)
class TelegramSettings:
    """Everything the Telegram front end reads from the environment."""

    token: str
    base_url: str
    base_file_url: str
    webhook_url: str | None
    webhook_listen: str
    webhook_port: int
    webhook_secret: str
    admin_ids: frozenset[int]

    @classmethod
    def from_env(cls) -> TelegramSettings:
        """Read and check the settings; raise ``ConfigError`` with a one-line reason."""
        token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather and put it in .env).")
        if not TOKEN_PATTERN.match(token):
            raise ConfigError("TELEGRAM_BOT_TOKEN does not look like a bot token (expected '123456:ABC…').")
        try:
            port = int(os.environ.get("TELEGRAM_WEBHOOK_PORT", "8443"))
            admins = frozenset(int(x) for x in re.split(r"[,\s]+", os.environ.get("ADMIN_IDS", "")) if x)
        except ValueError as exc:
            raise ConfigError(f"TELEGRAM_WEBHOOK_PORT and ADMIN_IDS must be numbers ({exc}).") from None
        return cls(
            token=token,
            base_url=_with_suffix(os.environ.get("TELEGRAM_BASE_URL") or DEFAULT_BASE_URL, "/bot"),
            base_file_url=_with_suffix(os.environ.get("TELEGRAM_BASE_FILE_URL") or DEFAULT_BASE_FILE_URL,
                                       "/file/bot"),
            webhook_url=os.environ.get("TELEGRAM_WEBHOOK_URL") or None,
            webhook_listen=os.environ.get("TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1"),
            webhook_port=port,
            # Without a configured secret, a random one: Telegram learns it from setWebhook, and
            # updates posted by anyone else are refused.
            webhook_secret=os.environ.get("TELEGRAM_WEBHOOK_SECRET") or secrets.token_urlsafe(32),
            admin_ids=admins,
        )


def _with_suffix(url: str, suffix: str) -> str:
    """Accept 'http://host:port' as well as 'http://host:port/bot' for the API base."""
    url = url.rstrip("/")
    return url if url.endswith(suffix) else url + suffix


class RedactingFilter(logging.Filter):
    """Replaces secrets (the token, the webhook and pseudonym secrets) in every log record,
    whoever logs it (httpx logs request URLs)."""

    def __init__(self, *secrets: str) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if secret]

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "<secret>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self._redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = ()
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = self._redact(logging.Formatter().formatException(record.exc_info))
        return True


#: Third-party loggers that stay at these levels or above whatever LOG_LEVEL says: httpx's INFO
#: lines are URLs holding the token, tornado's are one per malformed request (a flood).
QUIET_LOGGERS = {"httpx": logging.WARNING, "tornado": logging.WARNING}


def configure_logging(*secrets: str) -> None:
    """Log to stderr, with ``secrets`` redacted.

    LOG_LEVEL sets this project's loggers (``bot``, ``handlers``); the others never go below
    INFO, because their DEBUG output holds secrets and users' data (aiosqlite's SQL parameters,
    setWebhook's secret, raw updates with names and texts).
    """
    name = os.environ.get("LOG_LEVEL", "INFO").upper()
    level = logging.getLevelNamesMapping().get(name, logging.INFO)
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=max(level, logging.INFO))
    for ours in ("bot", "handlers"):
        logging.getLogger(ours).setLevel(level)
    for theirs, floor in QUIET_LOGGERS.items():
        logging.getLogger(theirs).setLevel(max(level, floor))
    redactor = RedactingFilter(*secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Updates of different chats run concurrently; one chat's updates keep their order."""

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._users: dict[int, int] = defaultdict(int)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        self._users[chat.id] += 1
        try:
            async with self._locks[chat.id]:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if not self._users[chat.id]:  # nobody waits for this chat: forget its lock
                del self._users[chat.id], self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    """Start-up: open the conversation log, watch the knowledge folder, set the command menu."""
    svc: Services = app.bot_data["services"]
    if svc.log_config.secret is None:
        logger.info("BOT_PSEUDONYM_SECRET is not set: pseudonyms are keyed by %s (keep it private, and out "
                    "of copies of the log)", key_path(svc.log_config.path))
    try:
        svc.store = await Store.open(svc.log_config.path, svc.log_config.secret,
                                     busy_timeout_ms=SERVING_BUSY_TIMEOUT_MS)
    except Exception as exc:  # answering matters more than logging: run without the log
        logger.warning("conversation log disabled: cannot open %s (%s)", svc.log_config.path, exc)
    app.bot_data["watcher"] = asyncio.create_task(
        watch(svc.live, lambda result: tell_admins(app, result)), name="knowledge watcher")
    try:
        await app.bot.set_my_commands(COMMANDS_VI)
        await app.bot.set_my_commands(COMMANDS_EN, language_code="en")
    except TelegramError as exc:  # a server without command menus: the commands still work
        logger.warning("could not set the command menu: %s", exc)
    logger.info("bot @%s is up", app.bot.username)


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    """Stop watching the knowledge folder and write what the log still holds."""
    watcher = app.bot_data.get("watcher")
    if watcher is not None:
        watcher.cancel()
    svc: Services = app.bot_data["services"]
    if svc.store is not None:
        await svc.store.close()


def build_application(settings: TelegramSettings, kb: KnowledgeBase, log: LogConfig,
                      build: Callable[[KnowledgeBase], Responder] = Responder) -> Application:  # type: ignore[type-arg]
    """The configured Application with every handler registered."""
    app = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .concurrent_updates(ChatOrderedProcessor(256))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data["services"] = Services(LiveKnowledge(kb, build), admin_ids=settings.admin_ids,
                                         log_config=log)
    register(app)
    return app


def run_telegram(kb: KnowledgeBase, log: LogConfig, build: Callable[[KnowledgeBase], Responder] = Responder) -> int:
    """Run until interrupted; an unreachable Bot API server is waited for (bootstrap retries)."""
    try:
        settings = TelegramSettings.from_env()
    except ConfigError as exc:
        print(f"Cannot start the Telegram bot: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.token, settings.webhook_secret, log.secret or "")
    try:
        _run(build_application(settings, kb, log, build), settings)
    except InvalidToken:
        print("Cannot start the Telegram bot: the Bot API server rejected TELEGRAM_BOT_TOKEN.", file=sys.stderr)
        return 2
    return 0


def _run(app: Application, settings: TelegramSettings) -> None:  # type: ignore[type-arg]
    """Serve until interrupted: a webhook if TELEGRAM_WEBHOOK_URL is set, else long polling.

    ``bootstrap_retries=-1`` makes start-up wait for a Bot API server that is not up yet.
    """
    if settings.webhook_url:
        path = urlsplit(settings.webhook_url).path.strip("/")
        logger.info("webhook mode on %s:%s/%s", settings.webhook_listen, settings.webhook_port, path)
        guard(settings.webhook_secret)  # refuse strangers before reading their bodies
        app.run_webhook(listen=settings.webhook_listen, port=settings.webhook_port, url_path=path,
                        secret_token=settings.webhook_secret, webhook_url=settings.webhook_url,
                        allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)
    else:
        logger.info("long polling %s", urlsplit(settings.base_url).netloc)
        app.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)
