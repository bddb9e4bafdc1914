"""Telegram's flood limits: under a burst every answer still arrives, in order, without a traceback.

The local Bot API server refuses a message over a limit with ``429 Too Many Requests`` and
``retry_after``, as Telegram does, and does not deliver it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor

import pytest
from telegram.error import RetryAfter

from bot.channels.telegram.flood import FloodControl
from bot.kb.loader import KnowledgeBase
from tests.fake_telegram.client import FakeTelegramClient
from tests.fake_telegram.process import FakeTelegramServer
from tests.telegram_harness import TOKEN, USERNAME, BotProcess

Answers = dict[str, int]


@pytest.fixture(scope="module")
def tasks(kb: KnowledgeBase) -> Answers:
    """The start of each of the seven tasks' answers, and the task's number."""
    return {kb.intents[f"mai_task_{n}"].answer[:60]: n for n in range(1, 8)}


def _answered_tasks(client: FakeTelegramClient, chat_id: int, tasks: Answers) -> list[int]:
    """The tasks the bot's answers in ``chat_id`` give, in the order they arrived."""
    return [n for entry in client.sent(chat_id) for start, n in tasks.items() if start in entry["text"]]


def _wait_for_answers(client: FakeTelegramClient, tasks: Answers, expected: dict[int, list[int]],
                      stalled_s: float = 60) -> dict[int, list[int]]:
    """Each chat's answered tasks, once every chat has as many as expected, or once no new
    answer has come for ``stalled_s`` seconds (generous: a retry waits seconds, not minutes)."""
    progress, last_change = -1, time.monotonic()
    while True:
        got = {chat: _answered_tasks(client, chat, tasks) for chat in expected}
        if all(len(got[c]) >= len(want) for c, want in expected.items()):
            return got
        count = sum(map(len, got.values()))
        if count != progress:
            progress, last_change = count, time.monotonic()
        elif time.monotonic() - last_change > stalled_s:
            return got
        time.sleep(0.5)


def _assert_clean(bot: BotProcess) -> None:
    log = bot.log()
    assert bot.alive(), log[-3000:]
    assert "Traceback" not in log and " ERROR " not in log, log[-3000:]


def test_a_burst_in_private_chats_loses_no_answer_and_keeps_each_chat_in_order(tasks: Answers) -> None:
    users, questions = 40, 5
    with FakeTelegramServer(flood="telegram") as server, BotProcess(server) as bot:
        client = server.client(TOKEN)
        asked = {9000 + u: [(u + q) % 7 + 1 for q in range(questions)] for u in range(users)}

        def ask(chat: int) -> None:
            for task in asked[chat]:
                client.send_text(chat, f"task {task}", user_id=chat, chat_type="private")

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(ask, asked))
        got = _wait_for_answers(client, tasks, asked)
        took = time.monotonic() - started
        refused = [e for e in client.errors() if e["error_code"] == 429]
        lost = sum(len(want) - len(got[chat]) for chat, want in asked.items())
        print(f"\n{users * questions} questions: {lost} answers lost, {len(refused)} refused with 429, "
              f"all answered in {took:.1f} s")
        assert got == asked
        _assert_clean(bot)


def test_a_burst_in_a_group_loses_no_answer_and_keeps_the_order(tasks: Answers) -> None:
    # Telegram's group limit (20 a minute) scaled down so that the burst goes over it quickly.
    with FakeTelegramServer(flood="chat=1/1,group=4/4,all=30/1") as server, BotProcess(server) as bot:
        client = server.client(TOKEN)
        group = -7001
        asked = [(n % 7) + 1 for n in range(12)]
        for n, task in enumerate(asked):
            member = 8001 + n % 4
            client.send_text(group, f"@{USERNAME} task {task}", user_id=member, chat_type="group")
        got = _wait_for_answers(client, tasks, {group: asked})
        assert got[group] == asked
        assert any(e["error_code"] == 429 for e in client.errors())
        _assert_clean(bot)


async def test_a_refused_send_holds_only_itself_and_goes_out_after_retry_after() -> None:
    control = FloodControl()
    sent: list[int] = []
    refusals = {-1: 1}  # the group's first send is refused with retry_after 1 s

    async def send(chat: int) -> bool:
        if refusals.get(chat):
            refusals[chat] -= 1
            raise RetryAfter(1)
        sent.append(chat)
        return True

    def request(chat: int) -> Awaitable[object]:
        return control.process_request(send, (chat,), {}, "sendMessage", {"chat_id": chat}, None)

    group = asyncio.create_task(request(-1))
    await asyncio.sleep(0)
    assert await request(5) is True          # another chat is not held by the group's 429
    assert sent == [5] and not group.done()
    assert await group is True               # and the refused send goes out after waiting
    assert sent == [5, -1]
