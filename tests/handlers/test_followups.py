"""Follow-ups: "ông ấy", "tiếp theo", "nói rõ hơn", "nguồn?" refer to the previous answer."""

from __future__ import annotations

from handlers.conversation import Conversation
from handlers.followups import ChatContext
from handlers.questions import Responder


def _chat(responder: Responder, *messages: str) -> list[tuple[str | None, str]]:
    conversation = Conversation(lambda: responder, "console")
    ctx = ChatContext()
    out = []
    for text in messages:
        turn = conversation.ask(text, ctx, "chat", "user")
        ctx = turn.context
        out.append((turn.reply.matched, turn.reply.text))
    return out


def test_pronouns_refer_to_the_person_just_discussed(responder: Responder) -> None:
    replies = _chat(responder, "Ai trình bày báo cáo tóm tắt?", "ông ấy là ai?",
                    "Trương Thị Mai kết luận gì?", "bà ấy giữ chức vụ gì?")
    assert replies[1][0] == "person_nguyen_hong_linh"
    assert replies[3][0] == "person_truong_thi_mai"


def test_next_task_follows_the_last_one(responder: Responder) -> None:
    replies = _chat(responder, "nhiệm vụ thứ 3 là gì", "còn nhiệm vụ tiếp theo?", "tiếp theo")
    assert [r[0] for r in replies] == ["mai_task_3", "mai_task_4", "mai_task_5"]


def test_more_gives_the_longer_answer_and_source_gives_the_report_verbatim(responder: Responder) -> None:
    replies = _chat(responder, "Hội nghị này là hội nghị gì?", "nói rõ hơn", "nguồn?")
    overview = responder.kb.intents["event_overview"]
    assert overview.detail is not None and replies[1][1] == overview.detail
    assert replies[2][1].startswith("Đoạn 1: Sáng ngày ngày 31/12/2020")  # verbatim, typos and all


def test_without_a_previous_answer_a_followup_is_a_normal_question(responder: Responder) -> None:
    assert _chat(responder, "nguồn tin của bot là gì")[0][0] == "mention_source"
    assert _chat(responder, "ông ấy là ai?")[0][0] is None


def test_context_round_trips_through_a_dict() -> None:
    ctx = ChatContext(last_intent="mai_task_3", person="person_truong_thi_mai", language="en")
    assert ChatContext.from_dict(ctx.to_dict()) == ctx
    assert ChatContext.from_dict({"last_intent": 5, "language": "xx"}) == ChatContext()
