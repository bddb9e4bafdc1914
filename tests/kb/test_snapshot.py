"""A cold start reads the knowledge snapshot when it is current, and never serves a stale one."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb.live import LiveKnowledge
from bot.kb.loader import KnowledgeBase, KnowledgeError, fingerprint
from bot.kb.snapshot import SNAPSHOT_NAME, load_or_build
from handlers.questions import Responder
from tests.support import ROOT

QUESTION = "Hội nghị diễn ra khi nào?"
ORIGINAL = "Hội nghị diễn ra vào sáng ngày 31/12/2020"


def _never_built(kb: KnowledgeBase) -> Responder:
    raise AssertionError("built again although the snapshot is current")


def _start(folder: Path, cache: Path) -> Responder:
    return load_or_build(folder, cache, Responder)[1]


def test_a_second_start_answers_from_the_snapshot(kb_copy: Path, tmp_path: Path) -> None:
    first = _start(kb_copy, tmp_path / "cache")
    assert (tmp_path / "cache" / SNAPSHOT_NAME).is_file()
    kb, second = load_or_build(kb_copy, tmp_path / "cache", _never_built)
    assert second.answer(QUESTION).text == first.answer(QUESTION).text
    assert ORIGINAL in second.answer(QUESTION).text
    assert second.kb is kb and kb.version == fingerprint(kb_copy)
    # What serves from a snapshot sees no edit where there is none: nothing is reloaded.
    live = LiveKnowledge(kb, _never_built, second, quiet=0)
    assert live.poll() is None and live.poll() is None


def test_an_edit_is_served_not_the_snapshot(kb_copy: Path, tmp_path: Path) -> None:
    _start(kb_copy, tmp_path / "cache")
    intents = kb_copy / "intents" / "event.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace(ORIGINAL, "ĐÃ SỬA: sáng 31/12/2020", 1),
                       encoding="utf-8")
    assert "ĐÃ SỬA" in _start(kb_copy, tmp_path / "cache").answer(QUESTION).text


def test_a_broken_edit_is_reported_although_a_snapshot_exists(kb_copy: Path, tmp_path: Path) -> None:
    _start(kb_copy, tmp_path / "cache")
    intents = kb_copy / "intents" / "event.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace("  answer_en:", "  answr_en:", 1),
                       encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        _start(kb_copy, tmp_path / "cache")
    assert any("answr_en" in str(p) and "intents/event.yaml" in str(p) for p in raised.value.problems)


def test_a_damaged_snapshot_is_built_again(kb_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _start(kb_copy, tmp_path / "cache")
    snapshot = tmp_path / "cache" / SNAPSHOT_NAME
    snapshot.write_bytes(snapshot.read_bytes()[:1000])  # cut short, as by a full disk
    with caplog.at_level(logging.WARNING, "bot.kb.snapshot"):
        assert ORIGINAL in _start(kb_copy, tmp_path / "cache").answer(QUESTION).text
    assert "unreadable" in caplog.text
    load_or_build(kb_copy, tmp_path / "cache", _never_built)  # and written whole again


def test_an_unwritable_cache_folder_only_warns(kb_copy: Path, tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, "bot.kb.snapshot"):
        assert ORIGINAL in _start(kb_copy, blocker / "cache").answer(QUESTION).text
    assert "not written" in caplog.text


def test_ask_twice_answers_the_same_from_a_cold_start(kb_copy: Path, tmp_path: Path) -> None:
    env = {**os.environ, "BOT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "bot", "ask", "--json", "--kb", str(kb_copy), QUESTION]
    runs = [subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
            for _ in range(2)]
    answers = [json.loads(run.stdout)["answer"] for run in runs]
    assert ORIGINAL in answers[0] and answers[1] == answers[0]
    assert (tmp_path / "cache" / SNAPSHOT_NAME).is_file()
