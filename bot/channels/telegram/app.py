"""Running the Telegram bot: settings, logging without secrets, the Application, polling or webhook.

Follows python-telegram-bot's examples (``ApplicationBuilder``, an error handler) but runs the
Application itself (``initialize``, ``start``, ``stop``, ``shutdown``) rather than through
``run_polling``/``run_webhook``, so that start-up waits out an unreachable server, a webhook
Telegram refuses stops the bot with Telegram's reason, the webhook port also serves /healthz,
and SIGTERM/SIGINT end the bot after the updates in hand are answered and the log is written.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import secrets
import signal
import sys
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder, BaseUpdateProcessor, TypeHandler

from bot.channels.logs import formatter
from bot.channels.telegram.admin import tell_admins
from bot.channels.telegram.flood import FloodControl
from bot.channels.telegram.handlers import register
from bot.channels.telegram.health import Health, health_file
from bot.channels.telegram.network import OneLineNetworkErrors, Reachability, WatchedRequest
from bot.channels.telegram.services import Services
from bot.channels.telegram.webhook import WebhookRefused, WebhookServer, register_webhook, url_problem, watch_deliveries
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
    paced: bool = True  # TELEGRAM_PACING=off: no pacing, only resending after a 429 (benchmarks)

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
        webhook_url = os.environ.get("TELEGRAM_WEBHOOK_URL") or None
        if webhook_url and (problem := url_problem(webhook_url)):
            raise ConfigError(problem + ".")
        pacing = os.environ.get("TELEGRAM_PACING", "on").strip().lower()
        if pacing not in ("on", "off"):
            raise ConfigError(f"TELEGRAM_PACING must be 'on' or 'off', not {pacing!r}.")
        return cls(
            token=token,
            base_url=_with_suffix(os.environ.get("TELEGRAM_BASE_URL") or DEFAULT_BASE_URL, "/bot"),
            base_file_url=_with_suffix(os.environ.get("TELEGRAM_BASE_FILE_URL") or DEFAULT_BASE_FILE_URL,
                                       "/file/bot"),
            webhook_url=webhook_url,
            webhook_listen=os.environ.get("TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1"),
            webhook_port=port,
            # Without a configured secret, a random one: Telegram learns it from setWebhook, and
            # updates posted by anyone else are refused.
            webhook_secret=os.environ.get("TELEGRAM_WEBHOOK_SECRET") or secrets.token_urlsafe(32),
            admin_ids=admins,
            paced=pacing == "on",
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
    """Log to stderr (``LOG_FORMAT=json``: one JSON object a line), with ``secrets`` redacted.

    LOG_LEVEL sets this project's loggers (``bot``, ``handlers``); the others never go below
    INFO, because their DEBUG output holds secrets and users' data (aiosqlite's SQL parameters,
    setWebhook's secret, raw updates with names and texts).
    """
    level = logging.getLevelNamesMapping().get(os.environ.get("LOG_LEVEL", "INFO").upper(), logging.INFO)
    stream = logging.StreamHandler()
    stream.setFormatter(formatter())
    logging.basicConfig(handlers=[stream], level=max(level, logging.INFO))
    for ours in ("bot", "handlers"):
        logging.getLogger(ours).setLevel(level)
    for theirs, floor in QUIET_LOGGERS.items():
        logging.getLogger(theirs).setLevel(max(level, floor))
    redactor = RedactingFilter(*secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(OneLineNetworkErrors())
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


async def _start_services(app: Application, health: Health, health_path: Path) -> None:  # type: ignore[type-arg]
    """Open the conversation log, watch the knowledge folder, start the health heartbeat, set the menu."""
    svc: Services = app.bot_data["services"]
    if svc.log_config.secret is None:
        logger.info("BOT_PSEUDONYM_SECRET is not set: pseudonyms are keyed by %s (keep it private, and out "
                    "of copies of the log)", key_path(svc.log_config.path))
    try:
        svc.store = await Store.open(svc.log_config.path, svc.log_config.secret,
                                     busy_timeout_ms=SERVING_BUSY_TIMEOUT_MS)
    except Exception as exc:  # answering matters more than logging: run without the log
        logger.warning("conversation log disabled: cannot open %s (%s)", svc.log_config.path, exc)
    tasks: list[asyncio.Task[None]] = app.bot_data.setdefault("tasks", [])
    tasks.append(asyncio.create_task(watch(svc.live, lambda result: tell_admins(app, result)),
                                     name="knowledge watcher"))
    tasks.append(asyncio.create_task(health.beat(health_path), name="health heartbeat"))
    try:
        await app.bot.set_my_commands(COMMANDS_VI)
        await app.bot.set_my_commands(COMMANDS_EN, language_code="en")
    except TelegramError as exc:  # a server without command menus: the commands still work
        logger.warning("could not set the command menu: %s", exc)


async def _stop_services(app: Application, health_path: Path) -> None:  # type: ignore[type-arg]
    """Stop the background tasks, write what the log still holds, remove the health file."""
    for task in app.bot_data.get("tasks", []):
        task.cancel()
    svc: Services = app.bot_data["services"]
    if svc.store is not None:
        await svc.store.close()
        svc.store = None
    health_path.unlink(missing_ok=True)


def build_application(settings: TelegramSettings, kb: KnowledgeBase, log: LogConfig,
                      build: Callable[[KnowledgeBase], Responder] = Responder,
                      serving: Responder | None = None) -> Application:  # type: ignore[type-arg]
    """The configured Application with every handler registered; its ``bot_data`` holds the
    services, the Bot API server's reachability and the health check. ``serving`` answers until
    the first knowledge edit (default: ``build(kb)``)."""
    reachability = Reachability(urlsplit(settings.base_url).netloc)
    app = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .request(WatchedRequest(reachability, connection_pool_size=256))
        # Two connections: stopping cancels the long poll, whose connection may not be free yet
        # when the last getUpdates confirms what was fetched.
        .get_updates_request(WatchedRequest(reachability, connection_pool_size=2))
        .concurrent_updates(ChatOrderedProcessor(256))
        .rate_limiter(FloodControl(paced=settings.paced))
        .build()
    )
    services = Services(LiveKnowledge(kb, build, serving), admin_ids=settings.admin_ids, log_config=log)
    health = Health(services, reachability, "webhook" if settings.webhook_url else "polling")
    app.bot_data.update(services=services, health=health)

    async def saw(update: Update, context: object) -> None:
        """Note the update's time for the health check; the handlers of group 0 then answer it."""
        health.saw_update()

    app.add_handler(TypeHandler(Update, saw), group=-100)  # its own group: others still see the update
    register(app)
    return app


def run_telegram(serving: Responder, log: LogConfig, build: Callable[[KnowledgeBase], Responder] = Responder) -> int:
    """Run until SIGTERM or SIGINT; exit codes: 0 stopped, 1 webhook refused, 2 bad settings or token."""
    try:
        settings = TelegramSettings.from_env()
    except ConfigError as exc:
        print(f"Cannot start the Telegram bot: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.token, settings.webhook_secret, log.secret or "")
    try:
        asyncio.run(serve(build_application(settings, serving.kb, log, build, serving), settings,
                          health_file(log.path)))
    except InvalidToken:
        print("Cannot start the Telegram bot: the Bot API server rejected TELEGRAM_BOT_TOKEN "
              "(check it with @BotFather).", file=sys.stderr)
        return 2
    except WebhookRefused as exc:
        print(f"Cannot start the Telegram bot: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the webhook port is taken or not ours to listen on
        print(f"Cannot start the Telegram bot: cannot listen on {settings.webhook_listen}:"
              f"{settings.webhook_port} ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    return 0


async def serve(app: Application, settings: TelegramSettings, health_path: Path) -> None:  # type: ignore[type-arg]
    """Serve until SIGTERM/SIGINT: a webhook if TELEGRAM_WEBHOOK_URL is set, else long polling.

    Start-up waits for a Bot API server that is not answering yet. On a signal the bot stops
    taking updates, answers those it has, writes the conversation log and returns.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        if await _unless(stop, _persist(app.initialize)) is None:
            return
        health: Health = app.bot_data["health"]
        await _start_services(app, health, health_path)
        try:
            taking = await _unless(stop, _take_updates(app, settings, health))
            if taking is not None:
                webhook = taking.result()
                await app.start()
                logger.info("bot @%s is up", app.bot.username)
                await stop.wait()
                logger.info("stopping: no new updates; answering those already received")
                await _stop_taking_updates(app, webhook)
                await app.stop()
        finally:
            await _stop_services(app, health_path)
            await app.shutdown()
        logger.info("stopped")
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)


async def _take_updates(app: Application, settings: TelegramSettings,  # type: ignore[type-arg]
                        health: Health) -> WebhookServer | bool:
    """Start receiving updates: register the webhook and serve it, or start long polling.

    Returns the webhook server, or True for polling.
    """
    if settings.webhook_url is None:
        assert app.updater is not None
        logger.info("long polling %s", urlsplit(settings.base_url).netloc)
        await app.updater.start_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1,
                                        error_callback=_polling_error)
        return True
    await _persist(lambda: register_webhook(app.bot, settings.webhook_url or "", settings.webhook_secret))
    server = WebhookServer(app, settings.webhook_url, settings.webhook_secret, health)
    server.start(settings.webhook_listen, settings.webhook_port)
    path = urlsplit(settings.webhook_url).path
    logger.info("webhook %s served on %s:%s%s (health: /healthz)", settings.webhook_url,
                settings.webhook_listen, settings.webhook_port, path or "/")
    app.bot_data["tasks"].append(asyncio.create_task(
        watch_deliveries(app.bot, settings.webhook_url, datetime.now(UTC)), name="webhook deliveries"))
    return server


async def _stop_taking_updates(app: Application, webhook: WebhookServer | bool) -> None:  # type: ignore[type-arg]
    """Close the webhook server, or end long polling (confirming what was fetched)."""
    if isinstance(webhook, WebhookServer):
        await webhook.stop()
    elif app.updater is not None and app.updater.running:
        await app.updater.stop()


def _polling_error(exc: TelegramError) -> None:
    """A failed getUpdates: unreachable servers are reported by the request watcher, the rest here."""
    if isinstance(exc, NetworkError):
        logger.debug("getUpdates failed: %s", exc)
    else:  # e.g. 409 Conflict: another instance polls with the same token
        logger.warning("Telegram refused getUpdates: %s", exc.message)


T = TypeVar("T")


async def _persist(action: Callable[[], Awaitable[T]]) -> T:
    """``action()`` until the Bot API server answers it: network errors and 429s are waited out
    (with backoff up to 30 s; the request watcher logs the outage). Other errors are raised."""
    delay = 1.0
    while True:
        try:
            return await action()
        except RetryAfter as exc:
            await asyncio.sleep(exc._retry_after.total_seconds())
        except NetworkError:
            await asyncio.sleep(delay)
            delay = min(delay * 1.5, 30.0)


async def _unless(stop: asyncio.Event, work: Awaitable[T]) -> asyncio.Future[T] | None:
    """The finished ``work`` (its error raised here), or None if ``stop`` is set first (``work``
    is then cancelled): a signal during start-up, e.g. while the server is unreachable, ends it."""
    task = asyncio.ensure_future(work)
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait((task, stopped), return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if task.done():
        task.result()
        return task
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return None
