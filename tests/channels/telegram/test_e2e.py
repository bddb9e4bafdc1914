"""The real bot process over real HTTP and long polling, driven like a person would.

A local Bot API server (tests/fake_telegram) runs on 127.0.0.1; it rejects what Telegram
rejects (over-long text, broken HTML, over-long callback data), so those bugs show up here.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bot.kb.loader import KnowledgeBase
from tests.fake_telegram.client import FakeTelegramClient
from tests.fake_telegram.process import FakeTelegramServer, free_port
from tests.support import DEADLINE, wait_for
from tests.telegram_harness import TOKEN, USERNAME, BotProcess, User, buttons, has_buttons, text_of

#: The bot's own debug line for a failed poll it retries (with back-off); libraries log no DEBUG lines.
POLL_FAILED = "DEBUG bot.telegram: getUpdates failed"
#: Long enough for the bot's next retry, however far its back-off (at most 30 s) has grown.
AFTER_RETRIES = DEADLINE + 30


def test_commands_are_registered_in_vietnamese_and_english(client: FakeTelegramClient) -> None:
    calls = client.commands()["calls"]
    languages = {c.get("language_code") or "" for c in calls}
    assert {"", "en"} <= languages
    names = {cmd["command"] for c in calls for cmd in c["commands"]}
    assert {"start", "help", "topics", "about"} <= names


def test_start_welcomes_with_an_example_and_topic_buttons(client: FakeTelegramClient) -> None:
    reply = User(client, 1001).say("/start")
    assert "Hội nghị Bot" in text_of(reply)
    labels = [label for label, _ in buttons(reply[-1])]
    assert "Thông tin chung về Hội nghị" in labels
    assert all(not label.startswith(("q:", "t:")) for label in labels)


def test_question_gets_answer_source_line_and_related_buttons(client: FakeTelegramClient) -> None:
    reply = User(client, 1002).say("Ai chủ trì hội nghị?")
    text = text_of(reply)
    assert "Ban Dân vận Trung ương" in text and "Trương Thị Mai" in text
    assert "Nguồn: đoạn" in text
    related = buttons(reply[-1])
    assert 1 <= len([b for b in related if b[1].startswith("q:")]) <= 3
    assert all(len(data.encode()) <= 64 for _, data in related)


def test_same_answer_without_diacritics_and_in_english(client: FakeTelegramClient) -> None:
    assert "31/12/2020" in text_of(User(client, 1003).say("hoi nghi dien ra khi nao"))
    english = text_of(User(client, 1004, language_code="en").say("When was the conference held?"))
    assert "31 December 2020" in english and "Source: paragraph" in english


def test_html_in_a_question_is_escaped_and_still_answered(client: FakeTelegramClient) -> None:
    reply = User(client, 1005).say("<b>nhiệm vụ thứ 4</b> là gì & <script>alert(1)</script>")
    assert "Nhiệm vụ thứ 4" in text_of(reply)
    assert client.errors() == []  # nothing was rejected as malformed HTML


def test_ten_thousand_characters_get_an_answer_to_the_start(client: FakeTelegramClient) -> None:
    reply = User(client, 1006).say("Ai chủ trì hội nghị? " + "x" * 10_000)
    text = text_of(reply)
    assert "Trương Thị Mai" in text and "500" in text


def test_sticker_and_photo_get_a_hint_to_type(client: FakeTelegramClient) -> None:
    user = User(client, 1007)
    assert "chữ" in text_of(user.say(sticker=True))
    assert "chữ" in text_of(user.say(photo=True))


def test_unknown_command_gets_the_help(client: FakeTelegramClient) -> None:
    assert "/topics" in text_of(User(client, 1008).say("/khongcolenhnay"))


def test_pressing_a_related_button_answers_it_and_stops_the_spinner(client: FakeTelegramClient) -> None:
    user = User(client, 1009)
    first = user.say("Trương Thị Mai là ai?")
    _, data = next(b for b in buttons(first[-1]) if b[1].startswith("q:"))
    second = user.press(first[-1], data)
    assert "Nguồn: đoạn" in text_of(second)
    wait_for(lambda: len(client.answered_callbacks()) == 1, "the button's spinner stopped")


def test_topic_buttons_open_questions_and_go_back(client: FakeTelegramClient) -> None:
    user = User(client, 1010)
    start = user.say("/topics")
    tasks_topic = "Bảy nhiệm vụ năm 2021 (kết luận của đồng chí Trương Thị Mai)"
    _, data = next(b for b in buttons(start[-1]) if b[0] == tasks_topic)
    opened = user.press(start[-1], data)
    assert opened[-1]["method"] == "editMessageText"
    labels = [label for label, _ in buttons(opened[-1])]
    assert any("thứ 4" in label or "4" in label for label in labels), labels
    back = next(b for b in buttons(opened[-1]) if b[1].startswith("b:"))
    again = user.press(opened[-1], back[1])
    assert "Thông tin chung về Hội nghị" in [label for label, _ in buttons(again[-1])]


def test_edited_message_is_answered_again(client: FakeTelegramClient) -> None:
    user = User(client, 1011)
    sent = client.send_text(user.chat_id, "task 3", user_id=user.user_id, chat_type="private")
    user.collect(sent["seq"])
    seq = client.sent(user.chat_id)[-1]["seq"]
    client.edit_text(user.chat_id, sent["message_id"], "task 5")
    assert "Nhiệm vụ thứ 5" in text_of(user.collect(seq))


def test_whoami_answers_the_senders_id_for_admin_ids(client: FakeTelegramClient) -> None:
    assert "1015" in text_of(User(client, 1015).say("/whoami"))
    in_group = text_of(User(client, 1016, chat_id=-5002, chat_type="group", language_code="en")
                       .say(f"/whoami@{USERNAME}"))
    assert "Your Telegram user id: 1016" in in_group and "-5002" in in_group


def test_group_answers_mentions_and_replies_only(client: FakeTelegramClient) -> None:
    alice = User(client, 1012, chat_id=-5001, chat_type="group")
    alice.ignored("hôm nay ăn gì nhỉ mọi người")
    answered = alice.say(f"@{USERNAME} ai chủ trì hội nghị?")
    assert "Trương Thị Mai" in text_of(answered)
    follow = alice.say("còn task 7 thì sao", reply_to_message_id=answered[-1]["message_id"])
    assert "Nhiệm vụ thứ 7" in text_of(follow)
    assert "/topics" in text_of(alice.say(f"/help@{USERNAME}"))
    alice.ignored("/start@some_other_bot")   # another bot's command
    alice.ignored("/weather")                # an unknown command for nobody


def test_many_users_at_once_each_get_their_own_answer(client: FakeTelegramClient, kb: KnowledgeBase) -> None:
    questions = {2000 + i: q for i, q in enumerate(
        ["task 1", "task 2", "task 3", "task 4", "task 5", "task 6", "task 7", "nhiem vu so bay"] * 2)}

    def ask(chat_id: int) -> str:
        return text_of(User(client, chat_id).say(questions[chat_id]))

    with ThreadPoolExecutor(max_workers=16) as pool:
        replies = dict(zip(questions, pool.map(ask, questions), strict=True))
    for chat_id, question in questions.items():
        number = question.split()[-1].replace("bay", "7")
        expected = kb.intents[f"mai_task_{number}"].answer[:60]
        assert expected in replies[chat_id], (question, replies[chat_id][:80])


def test_token_never_appears_in_logs(bot: BotProcess, client: FakeTelegramClient) -> None:
    User(client, 1013).say("xin chào")
    log = bot.log()
    assert "bot @" in log or "long polling" in log  # the bot does log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log


def test_bot_survives_a_server_outage_and_loses_no_message(server: FakeTelegramServer) -> None:
    with BotProcess(server, {"LOG_LEVEL": "DEBUG"}) as bot, server.client(TOKEN) as client:
        user = User(client, 1014)
        assert "31/12/2020" in text_of(user.say("hội nghị ngày nào"))
        server.kill()
        bot.wait_for_log(POLL_FAILED, times=2)  # its polls fail; it must keep retrying
        server.start()
        with server.client(TOKEN) as fresh:
            reply = User(fresh, 1014).say("nhiệm vụ thứ 2 là gì", timeout=AFTER_RETRIES)
        assert "Nhiệm vụ thứ 2" in text_of(reply)
        assert bot.alive()


def test_long_answers_are_split_under_telegram_limit(server: FakeTelegramServer, kb_copy: Path) -> None:
    # Curators' answers are capped at one message, but "nguồn?" quotes the report's paragraphs as they are.
    path = kb_copy / "bao-cao-hoi-nghi-dan-van-2020.txt"
    text = path.read_text(encoding="utf-8")
    long_paragraph = " ".join(f"Câu số {i} của một đoạn rất dài & có <ký tự> đặc biệt." for i in range(200))
    first = text.index("\n")
    path.write_text(text[:first] + " " + long_paragraph + text[first:], encoding="utf-8")
    with BotProcess(server, {"BOT_KB_DIR": str(kb_copy)}), server.client(TOKEN) as client:
        user = User(client, 3001)
        assert "31/12/2020" in text_of(user.say("Hội nghị diễn ra khi nào?"))
        reply = user.say("nguồn?", until=has_buttons)
        assert len(reply) >= 3
        assert all(len(m["text"]) <= 4096 for m in reply)
        assert "Câu số 199" in text_of(reply) and "<ký tự>" in text_of(reply)
        assert buttons(reply[-1]) and not buttons(reply[0])
        assert client.errors() == []


def test_webhook_answers_with_the_right_secret_and_refuses_others(server: FakeTelegramServer) -> None:
    port = free_port()
    env = {"TELEGRAM_WEBHOOK_URL": "https://bot.example.org/hook", "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
           "TELEGRAM_WEBHOOK_PORT": str(port), "TELEGRAM_WEBHOOK_SECRET": "s3cret-Header_Value"}
    chat = 4001

    def post(update_id: int, text: str, secret: str | None) -> int:
        update = {"update_id": update_id, "message": {
            "message_id": update_id, "date": int(time.time()), "text": text,
            "chat": {"id": chat, "type": "private", "first_name": "W"},
            "from": {"id": chat, "is_bot": False, "first_name": "W"}}}
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        return httpx.post(f"http://127.0.0.1:{port}/hook", content=json.dumps(update), headers=headers,
                          timeout=DEADLINE).status_code

    with server.client(TOKEN) as client:
        seq = client.send_text(chat, "chào", user_id=chat, chat_type="private")["seq"]  # the chat exists
        with BotProcess(server, env) as bot:
            wait_for(lambda: client.webhook().get("url"), "the bot setting its webhook")
            assert client.webhook()["url"] == "https://bot.example.org/hook"
            assert post(990001, "nhiệm vụ thứ 5 là gì", "nope") == 403
            assert post(990002, "nhiệm vụ thứ 5 là gì", None) == 403
            assert post(990003, "nhiệm vụ thứ 6 là gì", "s3cret-Header_Value") == 200
            # One chat's updates are answered in order: had a refused one got in, its answer came first.
            reply = text_of(User(client, chat).collect(seq))
            assert "Nhiệm vụ thứ 6" in reply and "thứ 5" not in reply
            assert bot.alive()


def test_bot_started_before_its_server_waits_for_it() -> None:
    waiting = FakeTelegramServer(port=free_port())
    bot = BotProcess(waiting, {"LOG_LEVEL": "DEBUG"})
    bot.start(wait_for_commands=False)
    try:
        bot.wait_for_log("Cannot reach the Bot API server")  # not there yet: the bot must keep trying, not exit
        with waiting, waiting.client(TOKEN) as client:
            reply = User(client, 6001).say("ai chu tri hoi nghi", timeout=AFTER_RETRIES)
            assert "Trương Thị Mai" in text_of(reply)
    finally:
        bot.stop()
