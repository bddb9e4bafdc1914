"""Scoring the bot on a question set: accuracy per category, and every miss spelled out.

A question set is a YAML list of ``{q, expect, category}``; ``expect`` is an intent id, a
list of acceptable ids, or ``fallback`` (the report does not answer it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handlers.questions import Responder
from handlers.reply import Reply

FALLBACK = "fallback"


@dataclass(frozen=True)
class Case:
    """One question and what a right answer is."""

    question: str
    expect: tuple[str, ...]
    category: str

    @property
    def answerable(self) -> bool:
        """False for questions the report does not answer (an honest refusal is right for them)."""
        return FALLBACK not in self.expect


@dataclass
class Outcome:
    """How the bot did on a question set."""

    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[Case, Reply]] = field(default_factory=list)
    answerable: list[bool] = field(default_factory=list)
    rejected: list[bool] = field(default_factory=list)

    @property
    def answer_accuracy(self) -> float:
        """Share of answerable questions given the expected answer."""
        return sum(self.answerable) / max(len(self.answerable), 1)

    @property
    def rejection_rate(self) -> float:
        """Share of out-of-scope questions that got the honest fallback."""
        return sum(self.rejected) / max(len(self.rejected), 1)


class QuestionSetError(ValueError):
    """A question set file that cannot be read; the message is one line naming the file."""


def load_cases(path: Path) -> list[Case]:
    """Read a question set file; raise ``QuestionSetError`` saying what is wrong and where."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        raise QuestionSetError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionSetError(f"{path}: cannot read it ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        reason = getattr(exc, "problem", None) or "not valid YAML"
        raise QuestionSetError(f"{path}{where}: YAML syntax error: {reason}") from None
    if not isinstance(raw, list):
        raise QuestionSetError(f"{path}: expected a list of '- q: …, expect: …' entries")
    cases = []
    for n, item in enumerate(raw, 1):
        if not isinstance(item, dict) or "q" not in item or "expect" not in item:
            raise QuestionSetError(f"{path}: entry {n} needs both 'q' (the question) and 'expect' "
                                   "(an intent id, a list of them, or fallback)")
        expect = item["expect"]
        expect = tuple(str(e) for e in expect) if isinstance(expect, list) else (str(expect),)
        cases.append(Case(str(item["q"]), expect, str(item.get("category", "other"))))
    return cases


def is_right(case: Case, reply: Reply) -> bool:
    """An expected intent, or the honest fallback where ``fallback`` is expected.

    A question the report does not answer may also list an answer that says so in its own
    words (``[fallback, event_date]``: "the report gives no start time").
    """
    if reply.fallback:
        return FALLBACK in case.expect
    return reply.intent in case.expect


def evaluate(responder: Responder, cases: list[Case]) -> Outcome:
    """Ask every question and tally the results."""
    outcome = Outcome()
    for case in cases:
        reply = responder.answer(case.question)
        ok = is_right(case, reply)
        outcome.totals[case.category] += 1
        outcome.hits[case.category] += ok
        (outcome.answerable if case.answerable else outcome.rejected).append(ok)
        if not ok:
            outcome.misses.append((case, reply))
    return outcome


def report(outcome: Outcome) -> str:
    """A table of accuracy per category, the two headline rates, and the misses."""
    lines = [f"{'category':<16} {'right':>5} / {'all':<5} accuracy"]
    for cat in sorted(outcome.totals):
        hit, total = outcome.hits[cat], outcome.totals[cat]
        lines.append(f"{cat:<16} {hit:>5} / {total:<5} {hit / total:6.1%}")
    right, asked = sum(outcome.answerable), len(outcome.answerable)
    refused, traps = sum(outcome.rejected), len(outcome.rejected)
    lines.append(f"answerable accuracy: {outcome.answer_accuracy:.1%} ({right}/{asked})")
    lines.append(f"out-of-scope rejection: {outcome.rejection_rate:.1%} ({refused}/{traps})")
    for case, reply in outcome.misses:
        got = reply.intent or reply.kind.value
        lines.append(f"  MISS [{case.category}] {case.question!r}: expected {'|'.join(case.expect)}, "
                     f"got {got} ({reply.score:.1f})")
    return "\n".join(lines)
