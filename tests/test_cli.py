"""The command-line contract that tools and benchmarks rely on."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import ROOT

_LOG_DIR = tempfile.TemporaryDirectory()


def run_bot(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m bot ARGS`` with a private conversation log and no token unless given."""
    full_env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    full_env["BOT_DB_PATH"] = os.path.join(_LOG_DIR.name, "bot.sqlite3")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=full_env, timeout=timeout)


def test_ask_prints_the_answer_and_its_source() -> None:
    result = run_bot("ask", "Hội nghị diễn ra khi nào?")
    assert result.returncode == 0, result.stderr
    assert "31/12/2020" in result.stdout
    assert "Nguồn: đoạn 1" in result.stdout


def test_ask_json_has_the_contract_fields() -> None:
    result = run_bot("ask", "--json", "ai chu tri hoi nghi")
    data = json.loads(result.stdout)
    assert {"question", "answer", "intent", "score", "fallback", "suggestions", "sources"} <= set(data)
    assert data["intent"] == "event_chair" and data["fallback"] is False
    assert 0 <= data["score"] <= 100 and data["sources"]
    assert isinstance(data["suggestions"], list)


def test_ask_json_fallback_has_null_intent() -> None:
    data = json.loads(run_bot("ask", "--json", "Ai dự tại điểm cầu Kiên Giang?").stdout)
    assert data["fallback"] is True and data["intent"] is None
    assert data["answer"]


def test_ask_json_stream_answers_each_line_as_it_comes() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        # One question at a time: the answer must come back before the next is sent (flushed).
        for question, intent in [("nhiem vu so bay", "mai_task_7"), ("task 3", "mai_task_3")]:
            proc.stdin.write(question + "\n")
            proc.stdin.flush()
            line = proc.stdout.readline()
            assert json.loads(line)["intent"] == intent
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_ask_json_session_keeps_the_conversation_across_lines() -> None:
    questions = "nhiệm vụ thứ 7 là gì\ncòn nhiệm vụ tiếp theo?\n"
    alone = [json.loads(line) for line in run_bot("ask", "--json", "-", stdin=questions).stdout.splitlines()]
    session = [json.loads(line)
               for line in run_bot("ask", "--json", "--session", "-", stdin=questions).stdout.splitlines()]
    assert alone[1]["fallback"] is True  # without a session, "what's next?" refers to nothing
    assert session[1]["intent"] == "mai_task_7" and "cuối cùng" in session[1]["answer"]


def test_default_command_without_token_runs_the_console_and_says_so() -> None:
    result = run_bot(stdin="ai chu tri hoi nghi\n")
    assert result.returncode == 0
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr
    assert "Ban Dân vận Trung ương" in result.stdout


def test_console_numbered_choices_help_and_clean_exit() -> None:
    result = run_bot("console", stdin="/topics\n1\n/help\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1. Thông tin chung về Hội nghị" in out      # the topics, numbered
    assert "Hội nghị diễn ra khi nào?" in out            # "1" opened the first topic's questions
    assert "/topics" in out and "Tạm biệt" in out        # help text, then a clean exit at EOF
    assert "Traceback" not in result.stderr


def test_check_routes_every_example() -> None:
    result = run_bot("check")
    assert result.returncode == 0, result.stdout[-2000:]
    assert " 0 misrouted" in result.stdout


def test_kb_flag_and_env_point_at_another_folder(kb_copy: Path) -> None:
    path = kb_copy / "intents" / "event.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Hội nghị diễn ra vào sáng ngày 31/12/2020",
                                 "KIỂM THỬ: sáng ngày 31/12/2020", 1), encoding="utf-8")
    assert "KIỂM THỬ" in run_bot("ask", "--kb", str(kb_copy), "Hội nghị diễn ra khi nào?").stdout
    assert "KIỂM THỬ" in run_bot("ask", "Hội nghị diễn ra khi nào?",
                                 env={"BOT_KB_DIR": str(kb_copy)}).stdout


def test_malformed_token_stops_with_one_clear_line() -> None:
    result = run_bot("telegram", env={"TELEGRAM_BOT_TOKEN": "not-a-token"})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not-a-token" not in result.stderr
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_console_logs_exchanges_and_rates_the_last_answer(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    result = run_bot("console", stdin="ai chu tri hoi nghi\n/bad\n", env={"BOT_DB_PATH": str(db)})
    assert result.returncode == 0, result.stderr
    assert "Cảm ơn, mình đã ghi nhận." in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT intent, channel FROM exchanges").fetchall() == [("event_chair", "console")]
        assert conn.execute("SELECT rating FROM feedback").fetchall() == [(-1,)]
    report = run_bot("report", "--since", "1d", "--format", "csv", env={"BOT_DB_PATH": str(db)})
    assert report.returncode == 0 and "event_chair" in report.stdout
    purge = run_bot("purge", "--older-than", "1d", env={"BOT_DB_PATH": str(db)})
    assert "Deleted 0 exchange(s)" in purge.stdout


def test_console_logs_every_exchange_even_after_undecodable_bytes(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    lines = [b"ai chu tri hoi nghi", b"hoi nghi \xff\xfe ngay nao", b"nhiem vu so bay", b"task 3", b"ai chu tri"]
    result = subprocess.run([sys.executable, "-m", "bot", "console"], input=b"\n".join(lines) + b"\n",
                            capture_output=True, cwd=ROOT, timeout=60,
                            env={**os.environ, "LC_ALL": "C", "BOT_DB_PATH": str(db)})
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM exchanges").fetchall() == [(5,)]
