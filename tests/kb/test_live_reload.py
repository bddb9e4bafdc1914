"""Curators' edits go live in long-running modes without a restart; broken edits never do."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bot.kb.live import LiveKnowledge, ReloadResult
from bot.kb.loader import load
from handlers.questions import Responder
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


def _poll_until(live: LiveKnowledge[Responder], served: str) -> list[ReloadResult]:
    """Poll as the watcher does until ``served`` is in the answer; every reload result on the way."""
    results: list[ReloadResult] = []

    def served_now() -> bool:
        if (result := live.poll()) is not None:
            results.append(result)
        return served in live.current().answer(QUESTION).text

    wait_for(served_now, lambda: f"{served!r} served; reload results: {results}")
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
