"""Curators' edits go live in long-running modes within two seconds; broken edits never do."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bot.kb.live import LiveKnowledge, ReloadResult
from bot.kb.loader import load
from handlers.questions import Responder
from tests.conftest import ROOT

QUESTION = "Hội nghị diễn ra khi nào?"
ORIGINAL = "Hội nghị diễn ra vào sáng ngày 31/12/2020"


def _ask(proc: subprocess.Popen[str], question: str) -> dict[str, object]:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(question + "\n")
    proc.stdin.flush()
    data: dict[str, object] = json.loads(proc.stdout.readline())
    return data


def _answer_within(proc: subprocess.Popen[str], wanted: str, seconds: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if wanted in str(_ask(proc, QUESTION)["answer"]):
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"{wanted!r} not served within {seconds} s")


def test_ask_stream_picks_up_an_edit_and_rejects_a_broken_one(kb_copy: Path, tmp_path: Path) -> None:
    intents = kb_copy / "intents" / "event.yaml"
    text = intents.read_text(encoding="utf-8")
    assert ORIGINAL in text
    stderr = (tmp_path / "stderr.txt").open("w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json", "-", "--kb", str(kb_copy)],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True)
    try:
        assert ORIGINAL in str(_ask(proc, QUESTION)["answer"])
        intents.write_text(text.replace(ORIGINAL, "ĐÃ SỬA: sáng ngày 31/12/2020", 1), encoding="utf-8")
        assert _answer_within(proc, "ĐÃ SỬA", 2.0) <= 2.0

        broken = intents.read_text(encoding="utf-8").replace("ĐÃ SỬA", "HỎNG", 1).replace(
            "  answer_en:", "  answr_en:", 1)
        intents.write_text(broken, encoding="utf-8")
        time.sleep(1.5)
        assert "ĐÃ SỬA" in str(_ask(proc, QUESTION)["answer"])  # the previous version still serves
        stderr.seek(0)
        log = stderr.read()
        assert "rejected" in log and "intents/event.yaml" in log and "answr_en" in log
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)
        stderr.close()


def _poll_until(live: LiveKnowledge[Responder], served: str, seconds: float = 30.0) -> list[ReloadResult]:
    """Poll as the watcher does until ``served`` is in the answer; every reload result on the way."""
    results = []
    deadline = time.monotonic() + seconds
    while served not in live.current().answer(QUESTION).text:
        assert time.monotonic() < deadline, f"{served!r} not served within {seconds} s; results: {results}"
        result = live.poll()
        if result is not None:
            results.append(result)
        time.sleep(0.05)
    return results


def test_an_edit_saved_while_the_bot_starts_is_served(kb_copy: Path) -> None:
    kb = load(kb_copy)
    intents = kb_copy / "intents" / "event.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace(ORIGINAL, "ĐÃ SỬA: sáng ngày 31/12/2020", 1),
                       encoding="utf-8")  # saved after the load, before the watcher's first look
    live = LiveKnowledge(kb, Responder)
    assert [r.ok for r in _poll_until(live, "ĐÃ SỬA")] == [True]


def test_a_file_written_in_two_parts_is_never_served_half_written(kb_copy: Path) -> None:
    live = LiveKnowledge(load(kb_copy), Responder, quiet=2.0)
    intents = kb_copy / "intents" / "event.yaml"
    edited = intents.read_text(encoding="utf-8").replace(ORIGINAL, "ĐÃ SỬA: sáng ngày 31/12/2020", 1)
    cut = edited.index("\n- id: ", edited.index("ĐÃ SỬA")) + 1  # the first part is valid YAML by itself
    intents.write_text(edited[:cut], encoding="utf-8")
    assert live.poll() is None
    time.sleep(0.2)  # an editor or a copy writing the rest a moment later
    with intents.open("a", encoding="utf-8") as fh:
        fh.write(edited[cut:])
    results = _poll_until(live, "ĐÃ SỬA")
    assert [r.ok for r in results] == [True], results  # no rejection of the half, told to nobody
    assert len(live.current().kb.intents) == len(load(kb_copy).intents)
