"""The held-out question set: the bar for answer accuracy and honest refusals.

tests/questions/tune.yaml is for tuning; holdout.yaml is never tuned on, so it measures how the
bot does on phrasings it has not seen. Every miss is printed.
"""

from __future__ import annotations

from bot.tools.evaluate import evaluate, load_cases, report
from handlers.questions import Responder
from tests.conftest import QUESTIONS


def test_holdout_accuracy_and_rejection(responder: Responder) -> None:
    outcome = evaluate(responder, load_cases(QUESTIONS / "holdout.yaml"))
    print(report(outcome))
    assert outcome.answer_accuracy >= 0.95, report(outcome)
    assert outcome.rejection_rate >= 0.90, report(outcome)


def test_question_sets_only_expect_existing_intents(responder: Responder) -> None:
    sets = sorted(QUESTIONS.glob("*.yaml"))
    assert len(sets) >= 15
    for path in sets:
        for case in load_cases(path):
            for expected in case.expect:
                assert expected == "fallback" or expected in responder.kb.intents, (path.name, case)
