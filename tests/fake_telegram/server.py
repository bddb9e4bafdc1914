"""The fake Telegram Bot API server (aiohttp).

Run from the repository root::

    python -m tests.fake_telegram.server --port PORT [--host 127.0.0.1] [--state FILE] [--flood LIMITS]

Bot API: ``/bot<TOKEN>/<method>`` (GET or POST; query, JSON, form or multipart parameters).
Control API for tests: ``/_test/<token or bot id>/...`` (see ``control.py``).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from aiohttp import web

from .botapi import BotApi, Params
from .control import ControlApi
from .flood import FloodGate, FloodLimits
from .state import ApiError, JsonDict, Store


async def read_params(request: web.Request) -> JsonDict:
    """Merge query-string and body parameters; uploaded files are ignored."""
    params: JsonDict = dict(request.query)
    if not request.body_exists:
        return params
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise ApiError(400, "Bad Request: can't parse JSON request body") from None
        if not isinstance(body, dict):
            raise ApiError(400, "Bad Request: JSON request body must be an object")
        params.update(body)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        params.update({k: v for k, v in form.items() if isinstance(v, str)})
    return params


def _error_response(error: ApiError) -> web.Response:
    body: JsonDict = {"ok": False, "error_code": error.code, "description": error.description}
    if error.parameters:
        body["parameters"] = error.parameters
    return web.json_response(body, status=error.code)


class BotApiEndpoint:
    """``/bot<TOKEN>/<method>``: routes to BotApi, logs rejections, persists changes."""

    def __init__(self, store: Store, flood: FloodGate | None = None) -> None:
        self.store = store
        self.api = BotApi(store, flood)

    async def __call__(self, request: web.Request) -> web.Response:
        """Handle one Bot API request."""
        method = request.match_info["method"]
        try:
            bot = self.store.bot_for_token(request.match_info["token"])
        except ApiError as error:
            return _error_response(error)
        params: JsonDict = {}
        try:
            params = await read_params(request)
            handler = self.api.methods.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found")
            result: Any = await handler(bot, Params(params))
        except ApiError as error:
            bot.log_error(method, error, params)
            return _error_response(error)
        finally:
            self.store.flush()
        return web.json_response({"ok": True, "result": result})


def build_app(store: Store, flood: FloodGate | None = None) -> web.Application:
    """The aiohttp application serving the Bot API and the control API from ``store``;
    with ``flood``, messages over Telegram's flood limits are refused with 429."""
    app = web.Application(client_max_size=64 * 1024 * 1024)
    endpoint = BotApiEndpoint(store, flood)
    app.router.add_get("/bot{token}/{method}", endpoint)
    app.router.add_post("/bot{token}/{method}", endpoint)
    ControlApi(store).add_routes(app)

    async def on_shutdown(_: web.Application) -> None:
        store.shutdown()

    app.on_shutdown.append(on_shutdown)
    return app


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and serve until SIGINT/SIGTERM."""
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server for tests.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--state", type=Path, default=None,
                        help="JSON file keeping pending updates and ids across restarts")
    parser.add_argument("--strict-html", action="store_true",
                        help="also reject a bare '&' in HTML text, as the Bot API docs demand "
                             "(the real server keeps it as a literal '&')")
    parser.add_argument("--flood", metavar="LIMITS", type=FloodLimits.parse,
                        help="refuse messages over Telegram's flood limits with 429: 'telegram', or "
                             "windows such as 'chat=1/1,group=20/60,all=30/1' (N messages per SECONDS)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    store = Store(args.state, strict_html=args.strict_html)
    flood = FloodGate(args.flood) if args.flood else None
    web.run_app(build_app(store, flood), host=args.host, port=args.port, access_log=None,
                handler_cancellation=True, shutdown_timeout=2.0)


if __name__ == "__main__":
    main()
