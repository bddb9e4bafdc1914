"""Telegram with memory: feedback, follow-ups across a restart, live edits, admin commands."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_telegram.client import FakeTelegramClient
from tests.fake_telegram.process import FakeTelegramServer
from tests.telegram_harness import TOKEN, USERNAME, BotProcess, User, buttons, text_of

ADMIN = 9001


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from bot.kb.loader import DEFAULT_KB_DIR

    target = tmp_path_factory.mktemp("kb") / "knowledge"
    shutil.copytree(DEFAULT_KB_DIR, target)
    return target


@pytest.fixture(scope="module")
def server() -> Iterator[FakeTelegramServer]:
    with FakeTelegramServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def bot(server: FakeTelegramServer, kb_dir: Path) -> Iterator[BotProcess]:
    with BotProcess(server, {"ADMIN_IDS": f"{ADMIN}, 9002", "BOT_KB_DIR": str(kb_dir)}) as proc:
        yield proc


@pytest.fixture(scope="module")
def client(server: FakeTelegramServer, bot: BotProcess) -> FakeTelegramClient:
    """A control client for the server the bot is polling (the bot is running)."""
    return server.client(TOKEN)


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_answers_carry_feedback_buttons_and_a_press_is_stored(bot: BotProcess, client: FakeTelegramClient) -> None:
    user = User(client, 5001)
    reply = user.say("Ai chủ trì hội nghị?")
    thumbs = [b for b in buttons(reply[-1]) if b[0] in ("👍", "👎")]
    assert len(thumbs) == 2
    down = next(data for label, data in thumbs if label == "👎")
    user.press(reply[-1], down, timeout=2)
    answered = client.answered_callbacks()[-1]
    assert "góp ý" in str(answered.get("text"))
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not _rows(bot.db_path, "SELECT rating FROM feedback"):
        time.sleep(0.1)
    assert _rows(bot.db_path, "SELECT rating FROM feedback") == [(-1,)]


def test_exchanges_are_logged_with_pseudonymised_ids(bot: BotProcess, client: FakeTelegramClient) -> None:
    User(client, 5002).say("nhiem vu so bay")
    deadline = time.monotonic() + 5
    rows: list[tuple[object, ...]] = []
    while time.monotonic() < deadline and not rows:
        rows = _rows(bot.db_path, "SELECT chat, intent, channel FROM exchanges WHERE intent = 'mai_task_7'")
        time.sleep(0.1)
    assert rows and rows[0][2] == "telegram"
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


def test_live_edit_is_served_and_a_broken_edit_is_reported_to_admins(kb_dir: Path,
                                                                      client: FakeTelegramClient) -> None:
    path = kb_dir / "intents" / "event.yaml"
    original = path.read_text(encoding="utf-8")
    user = User(client, 5005)
    try:
        path.write_text(original.replace("Hội nghị diễn ra vào sáng ngày 31/12/2020",
                                         "SỬA TRỰC TIẾP: sáng ngày 31/12/2020", 1), encoding="utf-8")
        deadline = time.monotonic() + 2.5
        while "SỬA TRỰC TIẾP" not in text_of(user.say("Hội nghị diễn ra khi nào?")):
            assert time.monotonic() < deadline, "the edit was not live within two seconds"
        seq = client.sent(ADMIN)[-1]["seq"]
        path.write_text(original.replace("  answer_en:", "  answr_en:", 1), encoding="utf-8")
        warning = text_of(client.wait_for_reply(ADMIN, seq, 5))
        assert "rejected" in warning and "answr_en" in warning
        assert "SỬA TRỰC TIẾP" in text_of(user.say("Hội nghị diễn ra khi nào?"))
    finally:
        path.write_text(original, encoding="utf-8")


def test_context_survives_a_restart(server: FakeTelegramServer, bot: BotProcess, kb_dir: Path) -> None:
    fake = server.client(TOKEN)
    user = User(fake, 5006)
    user.say("Trần Quốc Vượng là ai?")
    bot.stop()
    again = BotProcess(server, {"ADMIN_IDS": str(ADMIN), "BOT_KB_DIR": str(kb_dir),
                                "BOT_DB_PATH": str(bot.db_path)})
    with again:
        assert "Trần Quốc Vượng" in text_of(user.say("ông ấy phát biểu gì?"))


def test_a_log_locked_at_start_catches_up_with_feedback_and_stats(kb_dir: Path) -> None:
    with FakeTelegramServer() as srv:
        proc = BotProcess(srv, {"ADMIN_IDS": str(ADMIN), "BOT_KB_DIR": str(kb_dir)})
        proc.db_path.touch(mode=0o600)
        locker = sqlite3.connect(proc.db_path, isolation_level=None)
        locker.execute("PRAGMA journal_mode = WAL")
        locker.execute("BEGIN EXCLUSIVE")  # another process holds the log when the bot starts
        with proc:
            user = User(srv.client(TOKEN), 5101)
            reply = user.say("Ai chủ trì hội nghị?")
            assert "Trương Thị Mai" in text_of(reply)  # answering does not wait for the log
            locker.execute("ROLLBACK")
            locker.close()
            up = [data for label, data in buttons(reply[-1]) if label == "👍"]
            assert up, "no 👍/👎 under the answer: the bot runs without its log"
            user.press(reply[-1], up[0], timeout=2)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not _rows(proc.db_path, "SELECT rating FROM feedback"):
                time.sleep(0.1)
            assert _rows(proc.db_path, "SELECT rating FROM feedback") == [(1,)]
            assert "total 1" in text_of(User(srv.client(TOKEN), ADMIN).say("/stats"))
