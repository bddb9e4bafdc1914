"""Text no person types on purpose: padding, piles of combining marks, pasted megabytes.

The length cap counts what a reader sees, and is applied before any normalization, so such a
message costs no more than a long question.
"""

from __future__ import annotations

import unicodedata

from handlers.conversation import Conversation
from handlers.followups import ChatContext
from handlers.questions import Responder
from handlers.reply import Kind

QUESTION = "Hội nghị diễn ra khi nào?"


def test_zero_width_padding_does_not_hide_the_question(responder: Responder) -> None:
    reply = responder.answer("\u200b" * 500 + QUESTION)
    assert reply.intent == "event_date" and not reply.note


def test_a_question_typed_in_nfd_is_measured_as_seen(responder: Responder) -> None:
    limit = responder.kb.matching.max_question_chars
    padded = (QUESTION + " ") * (limit // (len(QUESTION) + 1))  # just under the cap as seen
    nfd = unicodedata.normalize("NFD", padded)
    assert len(nfd) > limit >= len(padded)
    reply = responder.answer(nfd)
    assert reply.intent == "event_date" and not reply.note  # nothing was cut, so nothing is said


def test_combining_marks_and_pasted_megabytes_are_cut_before_normalizing(responder: Responder) -> None:
    conversation = Conversation(lambda: responder, "test")
    for text in ("a" + "\u0301\u0323" * 100_000, "<script" * 230_000, QUESTION + "\u0301" * 200_000):
        turn = conversation.ask(text, ChatContext(), "chat", "user")
        assert turn.reply.kind in (Kind.FALLBACK, Kind.EMPTY, Kind.ANSWER, Kind.CLARIFY)
        assert len(turn.reply.normalized) < 2 * responder.kb.matching.max_question_chars
