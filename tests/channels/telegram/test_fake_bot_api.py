"""End-to-end checks of the fake Telegram Bot API server, driven by python-telegram-bot 22."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import BadRequest, Conflict, EndPointNotFound, RetryAfter
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from tests.fake_telegram.client import ControlRequestError, FakeTelegramClient
from tests.fake_telegram.formatting import EntityParseError, parse_html
from tests.fake_telegram.process import FakeTelegramServer, fake_telegram_fixture
from tests.support import DEADLINE

fake_telegram = fake_telegram_fixture(scope="module")
Control = Callable[[int], FakeTelegramClient]
USER = 4242


def token(bot_id: int) -> str:
    """A well-formed token for ``bot_id``."""
    return f"{bot_id}:AAH{'x' * 32}"


def keyboard(*data: str) -> InlineKeyboardMarkup:
    """One row of callback buttons."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(d[:10] or "-", callback_data=d) for d in data]])


@pytest.fixture
def control(fake_telegram: FakeTelegramServer) -> Iterator[Control]:
    """Make sync control clients for bot ids; all are closed after the test."""
    clients: list[FakeTelegramClient] = []

    def make(bot_id: int) -> FakeTelegramClient:
        clients.append(fake_telegram.client(bot_id))
        return clients[-1]

    yield make
    for client in clients:
        client.close()


@asynccontextmanager
async def ptb_bot(server: FakeTelegramServer, bot_id: int) -> AsyncIterator[Bot]:
    """An initialised PTB Bot talking to the fake server."""
    async with Bot(token(bot_id), base_url=server.api_base_url,
                   base_file_url=server.file_base_url) as bot:
        yield bot


async def test_get_me(fake_telegram: FakeTelegramServer) -> None:
    async with ptb_bot(fake_telegram, 1001) as bot:
        me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (1001, True, "test_1001_bot")
    assert me.can_join_groups and not me.can_read_all_group_messages
    assert not me.supports_inline_queries


async def test_send_message_html(fake_telegram: FakeTelegramServer, control: Control) -> None:
    client = control(1002)
    client.send_text(USER, "/start")
    html = ('<b>Hi</b> <a href="https://example.org/?a=1&amp;b=2">link</a> AT&T '
            '<pre><code class="language-python">x = 1</code></pre>')
    async with ptb_bot(fake_telegram, 1002) as bot:
        message = await bot.send_message(USER, html, parse_mode="HTML",
                                         reply_markup=keyboard("yes", "no"))
    assert message.text == "Hi link AT&T x = 1"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("bold", 0, 2), ("text_link", 3, 4), ("pre", 13, 5)]
    assert message.entities[1].url == "https://example.org/?a=1&b=2"
    assert message.entities[2].language == "python"
    assert message.reply_markup == keyboard("yes", "no")
    [entry] = client.sent(USER)
    assert entry["method"] == "sendMessage" and entry["source_text"] == html
    assert entry["parse_mode"] == "HTML" and entry["message_id"] == message.message_id


@pytest.mark.parametrize(("html", "description"), [
    ("<b>bold", "Can't find end tag corresponding to start tag b"),
    ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
    ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
    ("<p>para</p>", 'Unsupported start tag "p" at byte offset 0'),
    ("x</b>", "Unexpected end tag at byte offset 1"),
    ("<span>s</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ("é <b", "Unclosed start tag at byte offset 3"),
])
async def test_send_message_rejects_bad_html(fake_telegram: FakeTelegramServer, control: Control,
                                             html: str, description: str) -> None:
    client = control(1003)
    client.send_text(USER, "hi")
    async with ptb_bot(fake_telegram, 1003) as bot:
        with pytest.raises(BadRequest, match=r"^Can't parse entities"):
            await bot.send_message(USER, html, parse_mode="HTML")
    error = client.errors()[-1]
    assert error["method"] == "sendMessage" and error["error_code"] == 400
    assert error["description"] == f"Bad Request: can't parse entities: {description}"


def test_strict_html_rejects_bare_ampersand() -> None:
    assert parse_html("Q&A &amp; &#33;")[0] == "Q&A & !"
    with pytest.raises(EntityParseError, match="byte offset 1"):
        parse_html("Q&A", strict_amp=True)


async def test_text_limits(fake_telegram: FakeTelegramServer, control: Control) -> None:
    control(1004).send_text(USER, "hi")
    async with ptb_bot(fake_telegram, 1004) as bot:
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(USER, "a" * 5000)
        with pytest.raises(BadRequest, match="Message text is empty"):
            await bot.send_message(USER, "<b> </b>", parse_mode="HTML")
        ok = await bot.send_message(USER, f"<b>{'a' * 4096}</b>", parse_mode="HTML")
    assert ok.text == "a" * 4096
    assert control(1004).errors()[0]["description"] == (
        "Bad Request: message is too long")


async def test_keyboard_limits(fake_telegram: FakeTelegramServer, control: Control) -> None:
    control(1005).send_text(USER, "hi")
    async with ptb_bot(fake_telegram, 1005) as bot:
        await bot.send_message(USER, "64 bytes", reply_markup=keyboard("é" * 32))
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            await bot.send_message(USER, "65 bytes", reply_markup=keyboard("x" * 65))
        many = InlineKeyboardMarkup([[InlineKeyboardButton(str(i), callback_data=str(i))]
                                     for i in range(101)])
        with pytest.raises(BadRequest, match="Reply markup is too long"):
            await bot.send_message(USER, "101 buttons", reply_markup=many)
        blank = InlineKeyboardMarkup([[InlineKeyboardButton(" ", callback_data="b")]])
        with pytest.raises(BadRequest, match="Button_text_invalid"):
            await bot.send_message(USER, "blank", reply_markup=blank)
    descriptions = [e["description"] for e in control(1005).errors()]
    assert descriptions == ["Bad Request: BUTTON_DATA_INVALID",
                            "Bad Request: reply markup is too long",
                            "Bad Request: BUTTON_TEXT_INVALID"]


async def test_flood_limits_refuse_with_429_and_retry_after() -> None:
    with FakeTelegramServer(flood="chat=1/30,group=2/30,all=30/1") as server:
        client = server.client(1005)
        client.send_text(USER, "hi")
        client.send_text(-USER, "hi all", user_id=USER, chat_type="group")
        async with ptb_bot(server, 1005) as bot:
            await bot.send_message(USER, "one")
            with pytest.raises(RetryAfter) as refused:
                await bot.send_message(USER, "two: within a second of one in the same chat")
            assert 1 <= refused.value._retry_after.total_seconds() <= 30
            await bot.send_message(-USER, "one")
            with pytest.raises(RetryAfter):
                await bot.send_message(-USER, "two")
        assert [e["text"] for e in client.sent()] == ["one", "one"]  # refused messages are not delivered
        assert [e["error_code"] for e in client.errors()] == [429, 429]


async def test_long_poll_returns_a_user_message(fake_telegram: FakeTelegramServer) -> None:
    async with ptb_bot(fake_telegram, 1006) as bot, fake_telegram.async_client(1006) as client:
        # A poll that would only return at its own timeout would outlast the deadline.
        poll = asyncio.create_task(bot.get_updates(timeout=int(DEADLINE * 3)))
        await asyncio.sleep(0.3)  # let it reach the server: the message below must wake it, not wait for it
        assert not poll.done()
        await client.send_text(USER, "/help me", first_name="Ann", language_code="en")
        [update] = await asyncio.wait_for(poll, DEADLINE)
    message = update.message
    assert message is not None and message.text == "/help me"
    assert message.from_user is not None and message.from_user.first_name == "Ann"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [("bot_command", 0, 5)]


async def test_offset_confirms_updates(fake_telegram: FakeTelegramServer, control: Control) -> None:
    client = control(1007)
    first = client.send_text(USER, "one")["update"]["update_id"]
    client.send_text(USER, "two")
    async with ptb_bot(fake_telegram, 1007) as bot:
        assert [u.update_id for u in await bot.get_updates(timeout=0)] == [first, first + 1]
        assert [u.update_id for u in await bot.get_updates(limit=1)] == [first]
        [second] = await bot.get_updates(offset=first + 1, timeout=0)
        assert second.message is not None and second.message.text == "two"
        assert await bot.get_updates(offset=first + 2, timeout=0) == ()
    assert client.pending()["count"] == 0


async def test_group_mention_reply_and_edit(fake_telegram: FakeTelegramServer, control: Control) -> None:
    group = -100500
    client = control(1008)
    client.send_text(group, "hey @test_1008_bot!", user_id=USER, chat_type="supergroup",
                     title="Team")
    async with ptb_bot(fake_telegram, 1008) as bot:
        [mention] = await bot.get_updates(timeout=0)
        assert mention.message is not None and mention.message.chat.type == "supergroup"
        assert mention.message.parse_entities() == {mention.message.entities[0]: "@test_1008_bot"}
        answer = await bot.send_message(group, "yes?", reply_to_message_id=mention.message.message_id)
        reply = client.send_text(group, "thanks", user_id=USER, chat_type="supergroup",
                                 reply_to_message_id=answer.message_id)
        client.edit_text(group, reply["message_id"], "thanks!")
        updates = await bot.get_updates(offset=mention.update_id + 1, timeout=0)
    replied = updates[0].message
    assert replied is not None and replied.reply_to_message is not None
    assert replied.reply_to_message.from_user is not None
    assert replied.reply_to_message.from_user.id == 1008
    edited = updates[1].edited_message
    assert edited is not None and edited.text == "thanks!" and edited.edit_date is not None


async def test_callback_query_and_edits(fake_telegram: FakeTelegramServer, control: Control) -> None:
    client = control(1009)
    client.send_text(USER, "menu")
    async with ptb_bot(fake_telegram, 1009) as bot:
        menu = await bot.send_message(USER, "Pick", reply_markup=keyboard("a", "b"))
        query_id = client.press_button(USER, menu.message_id, "b")
        updates = await bot.get_updates(timeout=0)
        query = updates[-1].callback_query
        assert query is not None and query.id == query_id and query.data == "b"
        assert query.message is not None and query.message.message_id == menu.message_id
        await query.answer("Picked b")
        with pytest.raises(BadRequest, match="Query is too old"):
            await query.answer()
        with pytest.raises(BadRequest, match="Message is not modified"):
            await bot.edit_message_text("Pick", USER, menu.message_id,
                                        reply_markup=keyboard("a", "b"))
        edited = await bot.edit_message_text("<i>Picked</i>", USER, menu.message_id,
                                             parse_mode="HTML")
        assert isinstance(edited, Message)
        assert edited.text == "Picked" and edited.reply_markup is None
        await bot.edit_message_reply_markup(USER, menu.message_id, reply_markup=keyboard("c"))
        with pytest.raises(BadRequest, match="Message to edit not found"):
            await bot.edit_message_text("x", USER, 999)
    assert client.answered_callbacks()[0]["text"] == "Picked b"
    methods = [(e["method"], e["text"]) for e in client.sent(USER)]
    assert methods == [("sendMessage", "Pick"), ("editMessageText", "Picked"),
                       ("editMessageReplyMarkup", "Picked")]
    with pytest.raises(ControlRequestError, match="no button"):
        client.press_button(USER, menu.message_id, "zzz")


async def test_commands_actions_webhook_and_unknown_methods(fake_telegram: FakeTelegramServer,
                                                            control: Control) -> None:
    client = control(1010)
    client.send_text(USER, "hi")
    async with ptb_bot(fake_telegram, 1010) as bot:
        scope = BotCommandScopeAllPrivateChats()
        await bot.set_my_commands([BotCommand("start", "Start")], scope=scope, language_code="en")
        assert await bot.get_my_commands(scope=scope, language_code="en") == (
            BotCommand("start", "Start"),)
        assert await bot.get_my_commands() == ()
        with pytest.raises(BadRequest, match="Bot_command_invalid"):
            await bot.set_my_commands([BotCommand("Start", "Start")])
        await bot.send_chat_action(USER, "typing")
        with pytest.raises(BadRequest, match="Bad webhook"):
            await bot.set_webhook("http://insecure.example")
        await bot.set_webhook("https://bot.example/hook", secret_token="s3cret")
        assert (await bot.get_webhook_info()).url == "https://bot.example/hook"
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates(timeout=0)
        assert client.webhook()["secret_token"] == "s3cret"
        await bot.delete_webhook(drop_pending_updates=True)
        assert await bot.get_updates(timeout=0) == ()
        with pytest.raises(EndPointNotFound):
            await bot.do_api_request("fakeUnknownMethod")
    assert client.commands()["current"][0]["commands"] == [
        {"command": "start", "description": "Start"}]
    assert [a["action"] for a in client.actions(USER)] == ["typing"]
    assert client.errors()[-1]["description"] == "Not Found"


async def test_state_file_keeps_unconfirmed_updates(tmp_path: Path) -> None:
    with FakeTelegramServer(state_file=tmp_path / "state.json") as server:
        with server.client(1011) as client:
            created = client.send_text(USER, "before the crash")
        server.kill()
        server.start()
        async with ptb_bot(server, 1011) as bot:
            [update] = await bot.get_updates(timeout=0)
            assert update.update_id == created["update"]["update_id"]
            assert update.message is not None and update.message.text == "before the crash"
            answer = await bot.send_message(USER, "got it",
                                            reply_to_message_id=update.message.message_id)
            assert answer.message_id == created["message_id"] + 1
            await bot.get_updates(offset=update.update_id + 1, timeout=0)
        server.restart()
        with server.client(1011) as client:
            assert client.pending()["count"] == 0
            again = client.send_text(USER, "after")
        assert again["update"]["update_id"] == update.update_id + 1
        assert again["message_id"] == answer.message_id + 1
        assert again["seq"] == 1


async def test_ptb_application_echo(fake_telegram: FakeTelegramServer) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"echo: {update.effective_message.text}")

    app = (ApplicationBuilder().token(token(1012)).base_url(fake_telegram.api_base_url)
           .base_file_url(fake_telegram.file_base_url).build())
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with fake_telegram.async_client(1012) as client:
        async with app:
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=1)
            await app.start()
            try:
                replies = await client.send_and_wait(USER, "hello", timeout=DEADLINE)
            finally:
                await app.updater.stop()
                await app.stop()
        assert [r["text"] for r in replies] == ["echo: hello"]
        assert (await client.pending())["count"] == 0
        assert await client.errors() == []
