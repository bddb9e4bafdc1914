"""Telegram with memory: feedback, follow-ups across a restart, live edits, admin commands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.fake_telegram.client import FakeTelegramClient
from tests.fake_telegram.process import FakeTelegramServer
from tests.support import wait_for
from tests.telegram_harness import TOKEN, USERNAME, BotProcess, User, buttons, text_of

ADMIN = 9001


@pytest.fixture
def bot_env(kb_copy: Path) -> dict[str, str]:
    """Two admins, and a knowledge folder of the test's own that it may edit."""
    return {"ADMIN_IDS": f"{ADMIN}, 9002", "BOT_KB_DIR": str(kb_copy)}


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_answers_carry_feedback_buttons_and_a_press_is_stored(bot: BotProcess, client: FakeTelegramClient) -> None:
    user = User(client, 5001)
    reply = user.say("Ai chủ trì hội nghị?")
    thumbs = [b for b in buttons(reply[-1]) if b[0] in ("👍", "👎")]
    assert len(thumbs) == 2
    down = next(data for label, data in thumbs if label == "👎")
    client.press_button(user.chat_id, reply[-1]["message_id"], down, user_id=user.user_id)
    [answered] = wait_for(client.answered_callbacks, "the 👎 acknowledged")
    assert "Cảm ơn bạn đã góp ý" in str(answered.get("text"))
    assert _rows(bot.db_path, "SELECT rating FROM feedback") == [(-1,)]  # stored before the thanks


def test_exchanges_are_logged_with_pseudonymised_ids(bot: BotProcess, client: FakeTelegramClient) -> None:
    User(client, 5002).say("nhiem vu so bay")
    rows = wait_for(lambda: _rows(bot.db_path, "SELECT chat, channel FROM exchanges WHERE intent = 'mai_task_7'"),
                    "the exchange in the log")
    assert rows[0][1] == "telegram"
    assert rows[0][0] != "5002" and b"5002" not in bot.db_path.read_bytes()


def test_follow_ups_use_the_chat_context(client: FakeTelegramClient) -> None:
    user = User(client, 5003)
    user.say("nhiệm vụ thứ 3 là gì")
    assert "thứ 4" in text_of(user.say("còn nhiệm vụ tiếp theo?"))
    assert "Đoạn 7:" in text_of(user.say("nguồn?"))


def test_admin_commands_for_admins_only(client: FakeTelegramClient) -> None:
    admin = User(client, ADMIN)
    admin.say("Ai chủ trì hội nghị?")
    admin.say("giá vàng hôm nay bao nhiêu")
    stats = text_of(admin.say("/stats"))
    assert "today" in stats and "Fallback rate" in stats
    assert "giá vàng hôm nay" in text_of(admin.say("/unanswered"))
    assert "knowledge reloaded" in text_of(admin.say("/reload"))
    in_group = text_of(User(client, ADMIN, chat_id=-7001, chat_type="group").say(f"/unanswered@{USERNAME}"))
    assert "giá vàng" not in in_group and "/topics" in in_group  # no users' questions shown in groups
    outsider = User(client, 5004)
    for name in ("/stats", "/unanswered", "/reload"):
        reply = text_of(outsider.say(name))
        assert "/topics" in reply and "Fallback" not in reply and "reloaded" not in reply


def test_live_edit_is_served_and_a_broken_edit_is_reported_to_admins(kb_copy: Path,
                                                                      client: FakeTelegramClient) -> None:
    path = kb_copy / "intents" / "event.yaml"
    original = path.read_text(encoding="utf-8")
    User(client, ADMIN).say("/start")  # the bot can only write to an admin who has started it
    user = User(client, 5005)
    path.write_text(original.replace("Hội nghị diễn ra vào sáng ngày 31/12/2020",
                                     "SỬA TRỰC TIẾP: sáng ngày 31/12/2020", 1), encoding="utf-8")
    wait_for(lambda: "SỬA TRỰC TIẾP" in text_of(user.say("Hội nghị diễn ra khi nào?")), "the edit served")
    broken = path.read_text(encoding="utf-8").replace("  answer_en:", "  answr_en:", 1)
    path.write_text(broken, encoding="utf-8")
    # Admins may also hear of a half-written file first; the warning that counts names the mistake.
    warning = wait_for(lambda: [m for m in client.sent(ADMIN) if "answr_en" in m["text"]], "the admins warned")
    assert "rejected" in warning[0]["text"]
    assert "SỬA TRỰC TIẾP" in text_of(user.say("Hội nghị diễn ra khi nào?"))


def test_context_survives_a_restart(server: FakeTelegramServer, bot: BotProcess, bot_env: dict[str, str],
                                    client: FakeTelegramClient) -> None:
    user = User(client, 5006)
    user.say("Trần Quốc Vượng là ai?")
    bot.stop()
    with BotProcess(server, {**bot_env, "BOT_DB_PATH": str(bot.db_path)}):
        assert "Trần Quốc Vượng" in text_of(user.say("ông ấy phát biểu gì?"))


def test_a_log_locked_at_start_catches_up_with_feedback_and_stats(server: FakeTelegramServer,
                                                                  bot_env: dict[str, str]) -> None:
    proc = BotProcess(server, bot_env)
    proc.db_path.touch(mode=0o600)
    locker = sqlite3.connect(proc.db_path, isolation_level=None)
    locker.execute("PRAGMA journal_mode = WAL")
    locker.execute("BEGIN EXCLUSIVE")  # another process holds the log when the bot starts
    with proc, server.client(TOKEN) as client:
        user = User(client, 5101)
        reply = user.say("Ai chủ trì hội nghị?")
        assert "Trương Thị Mai" in text_of(reply)  # answering does not wait for the log
        locker.execute("ROLLBACK")
        locker.close()
        up = [data for label, data in buttons(reply[-1]) if label == "👍"]
        assert up, "no 👍/👎 under the answer: the bot runs without its log"
        client.press_button(user.chat_id, reply[-1]["message_id"], up[0], user_id=user.user_id)
        [answered] = wait_for(client.answered_callbacks, "the 👍 acknowledged")
        assert "Cảm ơn bạn đã góp ý" in str(answered.get("text"))
        assert _rows(proc.db_path, "SELECT rating FROM feedback") == [(1,)]  # stored before the thanks
        assert "total 1" in text_of(User(client, ADMIN).say("/stats"))  # and /stats works
