"""How much the words around a question change its answer: the sets' questions, wrapped.

    .venv/bin/python -m bench.framing

Real people wrap a question in a greeting, thanks, who they are, where they read it or how they
want the answer. Each answerable question of the outsider sets (tests/questions/outsider_*.yaml)
is asked plain and inside each framing below, in its own language; the table shows how many stay
right, and how many a framing loses and wins. A framing that loses many shows where the matcher
reads the frame as the question. Words only (no semantic second opinion), so the figures repeat.
"""

from __future__ import annotations

import sys

from bench.common import ROOT
from bot.kb.loader import DEFAULT_KB_DIR, load
from bot.tools.evaluate import Case, is_right, load_cases
from handlers.questions import Responder

#: Framings as (before, after), for questions in Vietnamese.
VIETNAMESE = (
    ("Em đang làm tiểu luận về công tác dân vận, cho em hỏi: ", ""), ("Cho mình hỏi chút, ", ""),
    ("Theo bài báo thì ", ""), ("Trong bài tường thuật, ", ""), ("Xin chào bot! ", ""),
    ("Bác hỏi cháu cái này nhé: ", ""), ("Mình là cán bộ ở xã Tân Hưng. ", ""), ("Nhờ bot trả lời giúp: ", ""),
    ("Về hội nghị ngày 31/12/2020: ", ""), ("Hội nghị tổng kết dân vận hôm 31/12, ", ""),
    ("", ", mình cần gấp cho bài thu hoạch"), ("", " Cảm ơn bot nhiều."), ("", " ạ"),
    ("", " Trả lời ngắn gọn giúp mình."),
)
#: Framings for questions in English.
ENGLISH = (
    ("Hi! ", ""), ("For my thesis on Vietnamese politics: ", ""), ("According to the article, ", ""),
    ("I'm a journalist checking facts. ", ""), ("", " Thanks a lot."), ("", " Please answer briefly."),
)


def wrapped(question: str, before: str, after: str) -> str:
    """``question`` inside a framing; a question that now follows words starts in lower case."""
    if before and question[:1].isupper() and not question[:2].isupper():
        question = question[0].lower() + question[1:]
    return f"{before}{question}{after}"


def main() -> int:
    responder = Responder(load(DEFAULT_KB_DIR))
    cases = [case for path in sorted((ROOT / "tests" / "questions").glob("outsider_*.yaml"))
             for case in load_cases(path) if case.answerable and case.category not in ("smalltalk", "followup")]
    print("framing (before … after)".ljust(66), "right   lost  won")
    for language, framings in (("vi", VIETNAMESE), ("en", ENGLISH)):
        chosen: list[Case] = [c for c in cases if (c.category == "english") == (language == "en")]
        plain = [is_right(case, responder.answer(case.question)) for case in chosen]
        print(f"{language}: plain".ljust(66), f"{sum(plain):5d}/{len(chosen)}")
        for before, after in framings:
            right = [is_right(case, responder.answer(wrapped(case.question, before, after))) for case in chosen]
            lost = sum(p and not r for p, r in zip(plain, right, strict=True))
            won = sum(r and not p for p, r in zip(plain, right, strict=True))
            print(f"   {before!r} … {after!r}".ljust(66), f"{sum(right):5d}  {lost:5d}  {won:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
