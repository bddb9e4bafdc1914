"""Webhook mode: check the URL, register it with Telegram, serve updates and ``/healthz``.

Telegram posts only to HTTPS on ports 443, 80, 88 or 8443, so a URL that cannot work is refused
before anything starts; a URL Telegram refuses (``setWebhook``'s error) stops the bot with that
reason; deliveries Telegram reports failing (``getWebhookInfo.last_error_message``) are logged.
The bot's own server (tornado, as python-telegram-bot's) listens behind a TLS reverse proxy.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import tornado.web
from telegram import Bot, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application

from bot.channels.telegram.health import Health
from bot.channels.telegram.webhook_guard import SECRET_HEADER, GuardedHTTPServer

logger = logging.getLogger("bot.telegram")

#: The ports Telegram delivers webhooks to.
WEBHOOK_PORTS = (443, 80, 88, 8443)
HEALTH_PATH = "healthz"
#: When to ask Telegram how deliveries go: soon after start, then every minute.
FIRST_CHECK_S = 10.0
CHECK_EVERY_S = 60.0


class WebhookRefused(Exception):
    """Telegram refused the webhook URL; the message says why, in one line."""


def url_problem(url: str) -> str | None:
    """Why Telegram could not post to ``url``, or None if it can."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return (f"TELEGRAM_WEBHOOK_URL {url!r} must start with https:// (Telegram posts only over HTTPS; "
                "put a TLS reverse proxy in front of the bot)")
    try:
        port = parts.port or 443
    except ValueError:
        return f"TELEGRAM_WEBHOOK_URL {url!r} has an invalid port"
    if not parts.hostname:
        return f"TELEGRAM_WEBHOOK_URL {url!r} has no host name"
    if port not in WEBHOOK_PORTS:
        return (f"TELEGRAM_WEBHOOK_URL {url!r} uses port {port}; Telegram posts only to ports "
                + ", ".join(map(str, WEBHOOK_PORTS)))
    if parts.path.strip("/") == HEALTH_PATH:
        return f"TELEGRAM_WEBHOOK_URL {url!r} must not end in /{HEALTH_PATH} (the health check is served there)"
    return None


async def register_webhook(bot: Bot, url: str, secret: str) -> None:
    """``setWebhook``; a refusal raises ``WebhookRefused`` with Telegram's reason."""
    try:
        await bot.set_webhook(url, allowed_updates=Update.ALL_TYPES, secret_token=secret)
    except BadRequest as exc:
        raise WebhookRefused(f"Telegram refused the webhook {url}: {exc.message}") from None


async def watch_deliveries(bot: Bot, url: str, since: datetime) -> None:
    """Log, in one line each, delivery errors Telegram reports after ``since``, until cancelled.

    Telegram dates errors to the second: one in the very second the bot started counts as new.
    """
    seen = since.replace(microsecond=0) - timedelta(seconds=1)
    await asyncio.sleep(FIRST_CHECK_S)
    while True:
        try:
            info = await bot.get_webhook_info()
        except TelegramError as exc:  # an unreachable server is reported by the request watcher
            logger.debug("getWebhookInfo failed: %s", exc)
        else:
            if info.url != url:
                logger.warning("Telegram's webhook is %r, not %s: another instance of the bot, or a "
                               "deleteWebhook, replaced it; this one gets no updates", info.url, url)
            error_at = info.last_error_date
            if error_at is not None and error_at > seen:
                seen = error_at
                logger.warning("Telegram cannot deliver updates to %s: %s (at %s UTC; %d update(s) waiting)",
                               url, info.last_error_message, error_at.astimezone(UTC).strftime("%H:%M:%S"),
                               info.pending_update_count)
        await asyncio.sleep(CHECK_EVERY_S)


class _UpdateHandler(tornado.web.RequestHandler):
    """``POST /<path>``: an update from Telegram, with the secret it was given."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, bot_app: Application, secret: str) -> None:  # type: ignore[type-arg]
        self._bot_app = bot_app
        self._secret = secret.encode()

    async def post(self) -> None:
        """Check the secret, queue the update, answer 200 at once (it is handled in the background)."""
        sent = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(sent, self._secret):
            raise tornado.web.HTTPError(403)
        try:
            update = Update.de_json(json.loads(self.request.body), self._bot_app.bot)
        except Exception:  # not an update: Telegram sends only valid ones
            raise tornado.web.HTTPError(400) from None
        await self._bot_app.update_queue.put(update)

    def log_exception(self, *args: Any) -> None:
        """Refused requests are not errors of the bot: no traceback."""


class _HealthHandler(tornado.web.RequestHandler):
    """``GET /healthz``: the health check as JSON, 200 when healthy and 503 when not."""

    SUPPORTED_METHODS = ("GET",)

    def initialize(self, health: Health) -> None:
        self._health = health

    async def get(self) -> None:
        """Run the check."""
        status = await self._health.check()
        self.set_status(200 if status["ok"] else 503)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(status, ensure_ascii=False))


class WebhookServer:
    """The bot's HTTP server in webhook mode: updates on the URL's path, health on /healthz."""

    def __init__(self, application: Application, url: str, secret: str,  # type: ignore[type-arg]
                 health: Health) -> None:
        path = urlsplit(url).path.strip("/")
        routes: list[Any] = [
            (rf"/{HEALTH_PATH}", _HealthHandler, {"health": health}),
            (rf"/{path}/?" if path else r"/", _UpdateHandler, {"bot_app": application, "secret": secret}),
        ]
        # No access log: a line per update would drown the rest. Strangers are refused before
        # their bodies are read (webhook_guard); the health check needs no secret.
        self._server = GuardedHTTPServer(tornado.web.Application(routes, log_function=lambda handler: None),
                                         secret=secret, open_paths={f"/{HEALTH_PATH}"})

    def start(self, listen: str, port: int) -> None:
        """Listen (raises OSError if the port is taken)."""
        self._server.listen(port, address=listen)

    async def stop(self) -> None:
        """Stop listening and close the connections (updates already queued are still handled)."""
        self._server.stop()
        await self._server.close_all_connections()
