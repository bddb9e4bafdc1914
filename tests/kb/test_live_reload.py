"""Curators' edits go live in long-running modes without a restart; broken edits never do."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.support import LineProcess, wait_for

QUESTION = "Hội nghị diễn ra khi nào?"
ORIGINAL = "Hội nghị diễn ra vào sáng ngày 31/12/2020"


def _answer(proc: LineProcess) -> str:
    return str(json.loads(proc.say(QUESTION))["answer"])


def test_ask_stream_picks_up_an_edit_and_rejects_a_broken_one(kb_copy: Path) -> None:
    intents = kb_copy / "intents" / "event.yaml"
    text = intents.read_text(encoding="utf-8")
    assert ORIGINAL in text
    with LineProcess([sys.executable, "-m", "bot", "ask", "--json", "-", "--kb", str(kb_copy)]) as proc:
        assert ORIGINAL in _answer(proc)
        intents.write_text(text.replace(ORIGINAL, "ĐÃ SỬA: sáng ngày 31/12/2020", 1), encoding="utf-8")
        wait_for(lambda: "ĐÃ SỬA" in _answer(proc), "the edit served")

        broken = intents.read_text(encoding="utf-8").replace("ĐÃ SỬA", "HỎNG", 1).replace(
            "  answer_en:", "  answr_en:", 1)
        intents.write_text(broken, encoding="utf-8")
        log = wait_for(lambda: "answr_en" in proc.stderr() and proc.stderr(), "the broken edit reported")
        assert "rejected" in log and "intents/event.yaml" in log
        assert "ĐÃ SỬA" in _answer(proc)  # the previous version still serves
