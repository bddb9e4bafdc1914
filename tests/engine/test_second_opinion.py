"""The semantic second opinion settles close calls, never overrules evidence, never finds answers alone.

A fake opinion stands in for the model (tests/engine/test_semantic.py tests the model itself),
and the thresholds are set so that the words alone are unsure about every question.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.engine.matcher import Matcher, Verdict
from bot.kb.loader import KnowledgeBase
from handlers.questions import Responder

QUESTION = "ảnh trong bài chụp gì"


@pytest.fixture
def unsure_kb(kb: KnowledgeBase) -> KnowledgeBase:
    """The real base, with thresholds under which the words alone never answer."""
    matching = kb.matching.model_copy(update={"accept_score": 100.0, "weak_score": 100.0, "weak_margin": 50.0})
    return dataclasses.replace(kb, matching=matching)


def leader(kb: KnowledgeBase, question: str) -> str:
    best = Matcher(kb).match(question).best
    assert best is not None
    return best.intent_id


def test_without_an_opinion_an_unsure_question_falls_back(unsure_kb: KnowledgeBase) -> None:
    assert Matcher(unsure_kb).match(QUESTION).verdict is Verdict.FALLBACK


def test_a_confident_opinion_that_agrees_settles_it_and_says_so(unsure_kb: KnowledgeBase) -> None:
    top = leader(unsure_kb, QUESTION)
    responder = Responder(unsure_kb, opinion=lambda q: [(top, 0.95), ("event_date", 0.90)])
    reply = responder.answer(QUESTION)
    assert reply.intent == top and reply.semantic == pytest.approx(0.95)


@pytest.mark.parametrize("opinion", [
    [("TOP", 0.80), ("event_date", 0.70)],    # not confident enough
    [("TOP", 0.95), ("event_date", 0.949)],   # no clear nearest intent
    [("event_date", 0.97), ("TOP", 0.90)],    # prefers an intent the words did not put first
    [],                                       # the model is not available
])
def test_an_unsure_or_disagreeing_opinion_changes_nothing(unsure_kb: KnowledgeBase,
                                                          opinion: list[tuple[str, float]]) -> None:
    top = leader(unsure_kb, QUESTION)
    given = [(top if i == "TOP" else i, c) for i, c in opinion]
    assert Matcher(unsure_kb, opinion=lambda q: given).match(QUESTION).verdict is Verdict.FALLBACK


def test_evidence_against_the_answer_wins_over_the_opinion(unsure_kb: KnowledgeBase) -> None:
    question = "Ban Dân vận Tỉnh ủy Cà Mau có bao nhiêu phòng"
    top = leader(unsure_kb, question)
    match = Matcher(unsure_kb, opinion=lambda q: [(top, 0.99), ("event_date", 0.5)]).match(question)
    assert match.verdict is Verdict.FALLBACK and match.objection is not None


def test_the_opinion_is_not_asked_when_the_words_are_sure(kb: KnowledgeBase) -> None:
    asked: list[str] = []

    def opinion(question: str) -> list[tuple[str, float]]:
        asked.append(question)
        return []

    matcher = Matcher(kb, opinion=opinion)
    assert matcher.match("Hội nghị diễn ra khi nào?").verdict is Verdict.ANSWER
    assert asked == []  # a model call costs ~20 ms; the words answer in under one
