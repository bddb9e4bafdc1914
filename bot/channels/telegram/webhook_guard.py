"""The webhook's HTTP server, hardened: strangers are refused before their body is read.

A tornado ``HTTPServer`` reads a whole request body before any handler can look at the secret
header, with tornado's defaults: bodies up to 100 MB, an hour to send the headers, no limit on
connections. A ``GuardedHTTPServer`` instead:

- answers a request without the right secret header 403 as soon as its headers are in, and
  never reads its body (only GETs of ``open_paths``, the health check, need no secret); one
  announcing more than MAX_BODY_BYTES gets 413 the same way (Telegram's updates are a few KB);
- headers must arrive within IDLE_TIMEOUT_S (also how long an idle keep-alive connection stays)
  and a body within BODY_TIMEOUT_S;
- at most ``max_connections()`` are open: a new connection closes the oldest one that has not
  shown the secret, so half-sent requests cannot use up file descriptors or lock Telegram out;
- refusals are logged once per FLOOD_LOG_INTERVAL_S, counted by reason.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import resource
import time
from collections import Counter, OrderedDict
from collections.abc import Awaitable, Iterable
from contextlib import suppress
from typing import Any, cast

from tornado import httputil
from tornado.http1connection import HTTP1Connection, HTTP1ServerConnection
from tornado.httpserver import HTTPServer
from tornado.iostream import IOStream, StreamClosedError

logger = logging.getLogger("bot.telegram.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # as Telegram sends it (webhook.py checks it again)
MAX_BODY_BYTES = 2**20
MAX_HEADER_BYTES = 16 * 2**10
IDLE_TIMEOUT_S = 30.0
BODY_TIMEOUT_S = 10.0
#: Open connections at most (Telegram uses up to 100; its default is 40), and at most half the
#: process's file descriptors.
MAX_CONNECTIONS = 200
FLOOD_LOG_INTERVAL_S = 60.0


def max_connections() -> int:
    """MAX_CONNECTIONS, or half the file descriptors this process may open if that is fewer."""
    return min(MAX_CONNECTIONS, resource.getrlimit(resource.RLIMIT_NOFILE)[0] // 2)


class Refusals:
    """Counts refusals by reason and logs them at most once per FLOOD_LOG_INTERVAL_S, so that a
    flood costs a line a minute, not a traceback per request."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._last = -FLOOD_LOG_INTERVAL_S
        self._pending: asyncio.TimerHandle | None = None

    def add(self, reason: str) -> None:
        """Count one refusal; the first of an interval is logged at once, the rest at its end."""
        self._counts[reason] += 1
        if self._pending is None:
            delay = max(0.0, self._last + FLOOD_LOG_INTERVAL_S - time.monotonic())
            self._pending = asyncio.get_running_loop().call_later(delay, self._report)

    def _report(self) -> None:
        self._pending = None
        self._last = time.monotonic()
        reasons = ", ".join(f"{count} {reason}" for reason, count in self._counts.most_common())
        logger.warning("Webhook refused %d connection(s) or request(s): %s (summed up at most every %g s)",
                       self._counts.total(), reasons, FLOOD_LOG_INTERVAL_S)
        self._counts.clear()


class GuardedHTTPServer(HTTPServer):
    """tornado's HTTP server, with the secret checked before bodies are read and connections capped.

    Create as ``GuardedHTTPServer(application, secret=…, open_paths={"/healthz"})``.
    """

    def initialize(self, *args: Any, secret: str | None = None, open_paths: Iterable[str] = (),
                   **kwargs: Any) -> None:
        if not secret:
            raise ValueError("a guarded webhook server needs the secret its requests must carry")
        super().initialize(*args, **{"max_body_size": MAX_BODY_BYTES, "max_header_size": MAX_HEADER_BYTES,
                                     "max_buffer_size": MAX_BODY_BYTES + MAX_HEADER_BYTES,
                                     "idle_connection_timeout": IDLE_TIMEOUT_S, "body_timeout": BODY_TIMEOUT_S,
                                     **kwargs})
        self.secret = secret.encode()
        self.open_paths = frozenset(open_paths)
        self.refusals = Refusals()
        self._streams: OrderedDict[IOStream, bool] = OrderedDict()  # open → has shown the secret
        self._limit = max_connections()

    def handle_stream(self, stream: IOStream, address: tuple[Any, ...]) -> None:
        """Serve a new connection, first closing the oldest stranger's if at the limit."""
        for closed in [s for s in self._streams if s.closed()]:
            del self._streams[closed]
        if len(self._streams) >= self._limit:
            stranger = next((s for s, trusted in self._streams.items() if not trusted), stream)
            self._streams.pop(stranger, None)
            stranger.close()
            self.refusals.add("closed to stay within the connection limit")
            if stranger is stream:  # every open connection has shown the secret
                return
        self._streams[stream] = False
        super().handle_stream(stream, address)

    def start_request(self, server_conn: object, request_conn: httputil.HTTPConnection) -> httputil.HTTPMessageDelegate:
        return _Gate(self, server_conn, request_conn, super().start_request(server_conn, request_conn))

    def trust(self, stream: IOStream) -> None:
        """Mark a connection that showed the secret: it is never closed for a newcomer."""
        if stream in self._streams:
            self._streams[stream] = True


class _Gate(httputil.HTTPMessageDelegate):
    """Looks at a request's headers before its body is read: passes it on, or refuses it."""

    def __init__(self, server: GuardedHTTPServer, server_conn: object, request_conn: httputil.HTTPConnection,
                 inner: httputil.HTTPMessageDelegate) -> None:
        self._server = server
        self._server_conn = server_conn
        self._request_conn = request_conn
        self._inner = inner

    def headers_received(self, start_line: httputil.RequestStartLine | httputil.ResponseStartLine,
                         headers: httputil.HTTPHeaders) -> Awaitable[None] | None:
        request = cast(httputil.RequestStartLine, start_line)
        shown = hmac.compare_digest(headers.get(SECRET_HEADER, "").encode(), self._server.secret)
        if not shown and not (request.method == "GET" and request.path.partition("?")[0] in self._server.open_paths):
            return self._refuse(403, "Forbidden", "without the secret")
        length = headers.get("Content-Length", "0")
        if length.isascii() and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return self._refuse(413, "Content Too Large", f"over {MAX_BODY_BYTES >> 10} KB")
        if shown:
            self._server.trust(cast(HTTP1ServerConnection, self._server_conn).stream)
        return self._inner.headers_received(start_line, headers)

    def data_received(self, chunk: bytes) -> Awaitable[None] | None:
        return self._inner.data_received(chunk)

    def finish(self) -> None:
        self._inner.finish()

    def on_connection_close(self) -> None:
        self._inner.on_connection_close()

    async def _refuse(self, code: int, reason: str, why: str) -> None:
        """Answer ``code`` and close the connection, reading none of the body."""
        self._server.refusals.add(why)
        stream = cast(HTTP1Connection, self._request_conn).detach()
        with suppress(StreamClosedError):
            await stream.write(f"HTTP/1.1 {code} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                               .encode())
        stream.close()
