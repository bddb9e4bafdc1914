"""Test-side helpers for the fake server's ``/_test/`` control API (httpx).

``FakeTelegramClient`` is synchronous; ``AsyncFakeTelegramClient`` has the same methods as
coroutines, for tests that run a bot in the same event loop (a blocking call would stall it).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import Any

import httpx

JsonDict = dict[str, Any]


class ControlRequestError(RuntimeError):
    """The control API refused a request (a mistake in the test, not in the bot)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


@dataclass(frozen=True)
class _Call:
    """One control request, built once and run by either client."""

    method: str
    endpoint: str
    params: JsonDict | None = None
    body: JsonDict | None = None
    timeout: float | None = None


def _message_call(chat_id: int, user_id: int | None, fields: JsonDict) -> _Call:
    body = {"chat_id": chat_id, **fields}
    if user_id is not None:
        body["user_id"] = user_id
    return _Call("POST", "message", body=body)


def _edit_call(chat_id: int, message_id: int, text: str, fields: JsonDict) -> _Call:
    return _Call("POST", "edit", body={"chat_id": chat_id, "message_id": message_id,
                                       "text": text, **fields})


def _press_call(chat_id: int, message_id: int, data: str, user_id: int | None,
                force: bool) -> _Call:
    body: JsonDict = {"chat_id": chat_id, "message_id": message_id, "data": data,
                      "force": force}
    if user_id is not None:
        body["user_id"] = user_id
    return _Call("POST", "callback", body=body)


def _sent_call(chat_id: int | None, since: int) -> _Call:
    return _Call("GET", "sent", params={"chat_id": chat_id, "since": since})


def _wait_call(chat_id: int | None, after_seq: int, timeout: float) -> _Call:
    return _Call("GET", "wait", params={"chat_id": chat_id, "after_seq": after_seq,
                                        "timeout": timeout}, timeout=timeout + 10.0)


def _get(endpoint: str, chat_id: int | None = None) -> _Call:
    return _Call("GET", endpoint, params={"chat_id": chat_id})


def _result(response: httpx.Response) -> Any:
    try:
        data = response.json()
    except ValueError:
        raise ControlRequestError(response.status_code, response.text) from None
    if response.is_error:
        message = data.get("error", response.text) if isinstance(data, dict) else response.text
        raise ControlRequestError(response.status_code, message)
    return data


class _ClientBase:
    """Shared set-up: where the server is and which bot the calls are about."""

    def __init__(self, base_url: str, bot: int | str, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.bot = str(bot)
        self.timeout = timeout

    def _request_args(self, call: _Call) -> JsonDict:
        params = {k: v for k, v in (call.params or {}).items() if v is not None}
        return {"method": call.method, "url": f"/_test/{self.bot}/{call.endpoint}",
                "params": params, "json": call.body, "timeout": call.timeout or self.timeout}


class FakeTelegramClient(_ClientBase):
    """Synchronous control-API client for one bot (token or numeric id)."""

    def __init__(self, base_url: str, bot: int | str, timeout: float = 30.0) -> None:
        super().__init__(base_url, bot, timeout)
        self._http = httpx.Client(base_url=self.base_url)

    def _run(self, call: _Call) -> Any:
        return _result(self._http.request(**self._request_args(call)))

    def send_message(self, chat_id: int, *, user_id: int | None = None, **fields: Any) -> JsonDict:
        """Simulate any user message (fields as the /message endpoint takes them)."""
        result: JsonDict = self._run(_message_call(chat_id, user_id, fields))
        return result

    def send_text(self, chat_id: int, text: str, *, user_id: int | None = None,
                  **fields: Any) -> JsonDict:
        """A user sends ``text``; returns {"update", "queued", "message_id", "seq"}."""
        return self.send_message(chat_id, user_id=user_id, text=text, **fields)

    def edit_text(self, chat_id: int, message_id: int, text: str, **fields: Any) -> JsonDict:
        """A user edits their message; returns {"update", "queued", "seq"}."""
        result: JsonDict = self._run(_edit_call(chat_id, message_id, text, fields))
        return result

    def press_button(self, chat_id: int, message_id: int, data: str, *,
                     user_id: int | None = None, force: bool = False) -> str:
        """A user presses the button with ``data``; returns the callback query id."""
        result = self._run(_press_call(chat_id, message_id, data, user_id, force))
        return str(result["callback_query_id"])

    def sent(self, chat_id: int | None = None, since: int = 0) -> list[JsonDict]:
        """Messages and edits the bot sent (seq > since), in order."""
        result: list[JsonDict] = self._run(_sent_call(chat_id, since))
        return result

    def wait_for_reply(self, chat_id: int | None, after_seq: int = 0,
                       timeout: float = 10.0) -> list[JsonDict]:
        """Block until the bot sends something new (seq > after_seq); [] on timeout."""
        result: list[JsonDict] = self._run(_wait_call(chat_id, after_seq, timeout))
        return result

    def send_and_wait(self, chat_id: int, text: str, timeout: float = 10.0,
                      **fields: Any) -> list[JsonDict]:
        """Send ``text`` as the user and return the bot's first reply batch."""
        seq = self.send_text(chat_id, text, **fields)["seq"]
        return self.wait_for_reply(chat_id, seq, timeout)

    def actions(self, chat_id: int | None = None) -> list[JsonDict]:
        """sendChatAction calls."""
        result: list[JsonDict] = self._run(_get("actions", chat_id))
        return result

    def answered_callbacks(self) -> list[JsonDict]:
        """answerCallbackQuery calls."""
        result: list[JsonDict] = self._run(_get("answered_callbacks"))
        return result

    def commands(self) -> JsonDict:
        """{"calls": setMyCommands/deleteMyCommands calls, "current": lists in force}."""
        result: JsonDict = self._run(_get("commands"))
        return result

    def errors(self) -> list[JsonDict]:
        """Bot API requests rejected with a 4xx (method, error_code, description, params)."""
        result: list[JsonDict] = self._run(_get("errors"))
        return result

    def webhook(self) -> JsonDict:
        """The current webhook (url "" when none)."""
        result: JsonDict = self._run(_get("webhook"))
        return result

    def pending(self) -> JsonDict:
        """Unconfirmed updates: {"count", "next_update_id", "updates"}."""
        result: JsonDict = self._run(_get("pending"))
        return result

    def webhook_error(self, message: str) -> JsonDict:
        """Telegram could not deliver to the webhook: getWebhookInfo reports ``message``."""
        result: JsonDict = self._run(_Call("POST", "webhook_error", body={"message": message}))
        return result

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._http.close()

    def __enter__(self) -> FakeTelegramClient:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class AsyncFakeTelegramClient(_ClientBase):
    """Asynchronous control-API client; same methods as FakeTelegramClient."""

    def __init__(self, base_url: str, bot: int | str, timeout: float = 30.0) -> None:
        super().__init__(base_url, bot, timeout)
        self._http = httpx.AsyncClient(base_url=self.base_url)

    async def _run(self, call: _Call) -> Any:
        return _result(await self._http.request(**self._request_args(call)))

    async def send_message(self, chat_id: int, *, user_id: int | None = None,
                           **fields: Any) -> JsonDict:
        """Simulate any user message (fields as the /message endpoint takes them)."""
        result: JsonDict = await self._run(_message_call(chat_id, user_id, fields))
        return result

    async def send_text(self, chat_id: int, text: str, *, user_id: int | None = None,
                        **fields: Any) -> JsonDict:
        """A user sends ``text``; returns {"update", "queued", "message_id", "seq"}."""
        return await self.send_message(chat_id, user_id=user_id, text=text, **fields)

    async def edit_text(self, chat_id: int, message_id: int, text: str,
                        **fields: Any) -> JsonDict:
        """A user edits their message; returns {"update", "queued", "seq"}."""
        result: JsonDict = await self._run(_edit_call(chat_id, message_id, text, fields))
        return result

    async def press_button(self, chat_id: int, message_id: int, data: str, *,
                           user_id: int | None = None, force: bool = False) -> str:
        """A user presses the button with ``data``; returns the callback query id."""
        result = await self._run(_press_call(chat_id, message_id, data, user_id, force))
        return str(result["callback_query_id"])

    async def sent(self, chat_id: int | None = None, since: int = 0) -> list[JsonDict]:
        """Messages and edits the bot sent (seq > since), in order."""
        result: list[JsonDict] = await self._run(_sent_call(chat_id, since))
        return result

    async def wait_for_reply(self, chat_id: int | None, after_seq: int = 0,
                             timeout: float = 10.0) -> list[JsonDict]:
        """Wait until the bot sends something new (seq > after_seq); [] on timeout."""
        result: list[JsonDict] = await self._run(_wait_call(chat_id, after_seq, timeout))
        return result

    async def send_and_wait(self, chat_id: int, text: str, timeout: float = 10.0,
                            **fields: Any) -> list[JsonDict]:
        """Send ``text`` as the user and return the bot's first reply batch."""
        seq = (await self.send_text(chat_id, text, **fields))["seq"]
        return await self.wait_for_reply(chat_id, seq, timeout)

    async def actions(self, chat_id: int | None = None) -> list[JsonDict]:
        """sendChatAction calls."""
        result: list[JsonDict] = await self._run(_get("actions", chat_id))
        return result

    async def answered_callbacks(self) -> list[JsonDict]:
        """answerCallbackQuery calls."""
        result: list[JsonDict] = await self._run(_get("answered_callbacks"))
        return result

    async def commands(self) -> JsonDict:
        """{"calls": setMyCommands/deleteMyCommands calls, "current": lists in force}."""
        result: JsonDict = await self._run(_get("commands"))
        return result

    async def errors(self) -> list[JsonDict]:
        """Bot API requests rejected with a 4xx (method, error_code, description, params)."""
        result: list[JsonDict] = await self._run(_get("errors"))
        return result

    async def webhook(self) -> JsonDict:
        """The current webhook (url "" when none)."""
        result: JsonDict = await self._run(_get("webhook"))
        return result

    async def pending(self) -> JsonDict:
        """Unconfirmed updates: {"count", "next_update_id", "updates"}."""
        result: JsonDict = await self._run(_get("pending"))
        return result

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> AsyncFakeTelegramClient:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.aclose()
