"""Curators' edits go live in long-running modes within two seconds; broken edits never do."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

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
