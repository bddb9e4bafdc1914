"""Whatever people type, the bot replies something sensible and never crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.text.normalize import fold, words
from handlers.questions import Responder
from handlers.reply import Kind

ODD = st.sampled_from(["\u200b", "\u200f", "\u202e", "\ufeff", "\x00", "\x1b[31m", "\r\n", "\t",
                       "😀", "👍🏽", "<b>", "&amp;", "<script>", "ổ", "ờ", "\u0301", "đ", "Đ", "ß", "İ"])
TEXT = st.lists(st.one_of(st.text(max_size=40), ODD), max_size=30).map("".join)
COMMON = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@COMMON
@given(TEXT)
def test_normalizer_never_raises_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert all(w == w.lower() for w in words(text))


@COMMON
@given(TEXT)
def test_any_unicode_gets_a_non_empty_reply(responder: Responder, text: str) -> None:
    reply = responder.answer(text)
    assert reply.text.strip()
    assert 0.0 <= reply.score <= 100.0
    if reply.fallback or reply.kind is Kind.CLARIFY:
        assert reply.intent is None
    else:
        assert reply.intent is not None


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=5), st.integers(min_value=100_000, max_value=120_000))
def test_huge_messages_are_capped_with_a_note(responder: Responder, unit: str, size: int) -> None:
    text = (unit * (size // len(unit) + 1))[:size]
    reply = responder.answer(text)
    assert reply.text.strip()
    assert str(responder.kb.matching.max_question_chars) in reply.note
