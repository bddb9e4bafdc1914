"""Follow-ups: "ông ấy", "tiếp theo", "nói rõ hơn", "nguồn?" refer to the previous answer."""

from __future__ import annotations

from handlers.conversation import Conversation
from handlers.followups import ChatContext
from handlers.questions import Responder
from handlers.reply import Kind


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


def test_a_short_question_naming_ong_someone_is_no_pronoun(responder: Responder) -> None:
    """"ổng" (he) folds like "ông": "ông Vượng nói gì…" was asked back "Bạn hỏi về ai?"."""
    replies = _chat(responder, "ông Vượng nói gì về tham nhũng", "ổng là ai")
    assert replies[0][0] == "vuong_req_corruption"
    assert replies[1][0] == "person_tran_quoc_vuong"
    # A message that names someone is about them, whoever came before ("his" is not Lĩnh).
    replies = _chat(responder, "Ai trình bày báo cáo tóm tắt?", "what did Vuong say in his speech")
    assert replies[1][0] == "vuong_speech_overview"


def test_next_with_nothing_answered_yet_says_so_instead_of_guessing(responder: Responder) -> None:
    """Matched as a question, "nhiệm vụ tiếp theo" shares "nhiệm vụ tiếp" with "nhiệm vụ tiếp dân"."""
    for text in ("còn nhiệm vụ tiếp theo?", "what's next"):
        reply = Conversation(lambda: responder, "console").ask(text, ChatContext(), "c", "u").reply
        assert reply.fallback and reply.matched is None and reply.choices, (text, reply.matched)
        assert "tiếp theo" in reply.text or "next" in reply.text


def test_a_pronoun_with_nobody_discussed_yet_asks_who_offering_everyone_it_fits(responder: Responder) -> None:
    reply = Conversation(lambda: responder, "console").ask("ông ấy là ai?", ChatContext(), "c", "u").reply
    assert reply.kind is Kind.CLARIFY
    offered = {c.id for c in reply.choices}
    assert {"person_tran_quoc_vuong", "person_nguyen_hong_linh", "person_nguyen_tien_hai"} <= offered
    assert "person_truong_thi_mai" not in offered


def test_next_after_the_last_task_says_it_was_the_last(responder: Responder) -> None:
    replies = _chat(responder, "nhiệm vụ thứ 7 là gì", "còn nhiệm vụ tiếp theo?")
    assert replies[1][0] == "mai_task_7"
    assert "cuối cùng" in replies[1][1] and "7 nhiệm vụ" in replies[1][1]


def test_more_about_a_named_item_answers_that_item_in_the_chat_language(responder: Responder) -> None:
    replies = _chat(responder, "What is task 1?", "tell me more about task 2")
    assert replies[1][0] == "mai_task_2"
    assert replies[1][1].startswith(responder.kb.intents["mai_task_2"].answer_en)
    assert "in Vietnamese" in replies[1][1]  # the quoted report is framed as such, not passed off as English


def test_more_without_a_longer_answer_quotes_the_report_and_differs_from_source(responder: Responder) -> None:
    intent = next(i for i in responder.kb.intents.values() if i.kind == "answer" and not i.detail)
    replies = _chat(responder, intent.examples[0], "nói rõ hơn", "nguồn?")
    assert replies[0][0] == intent.id
    more, source = replies[1][1], replies[2][1]
    assert more.startswith(intent.answer) and "«" in more and more != source
    assert source.startswith(f"Đoạn {intent.sources[0]}:")


def test_source_in_an_english_chat_says_the_report_is_vietnamese(responder: Responder) -> None:
    replies = _chat(responder, "Who organized the conference?", "source?")
    assert replies[1][1].startswith("The report is written in Vietnamese")


def test_context_round_trips_through_a_dict() -> None:
    ctx = ChatContext(last_intent="mai_task_3", person="person_truong_thi_mai", language="en")
    assert ChatContext.from_dict(ctx.to_dict()) == ctx
    assert ChatContext.from_dict({"last_intent": 5, "language": "xx"}) == ChatContext()


def test_a_place_asked_after_an_item_is_in_the_same_list(responder: Responder) -> None:
    """"còn ý thứ 6?" after Vượng's fifth point is his sixth, not Mai's sixth task."""
    replies = _chat(responder, "ông Vượng yêu cầu ý thứ 5 là gì", "còn ý thứ 6?", "ý cuối?")
    assert [r[0] for r in replies] == ["vuong_req_grassroots_democracy", "vuong_req_law_propaganda",
                                       "vuong_req_emulation"]


def test_the_last_or_first_one_after_a_task_is_the_last_or_first_task(responder: Responder) -> None:
    replies = _chat(responder, "nhiệm vụ thứ 2 là gì", "còn cái cuối cùng?", "and the first one?")
    assert [r[0] for r in replies] == ["mai_task_2", "mai_task_7", "mai_task_1"]


def test_a_place_past_the_end_of_the_list_in_context_says_how_long_it_is(responder: Responder) -> None:
    replies = _chat(responder, "bà Mai kết luận những nhiệm vụ gì", "còn cái thứ 9?")
    assert replies[1][0] is None and "7 nhiệm vụ" in replies[1][1]


def test_a_followup_with_other_words_is_no_place_in_the_list(responder: Responder) -> None:
    replies = _chat(responder, "nhiệm vụ thứ 2 là gì", "còn năm 2021 thì sao?")
    assert replies[1][0] != "mai_task_2"


def test_a_bare_number_after_a_task_is_no_place_in_the_list(responder: Responder) -> None:
    replies = _chat(responder, "nhiệm vụ thứ 2 là gì", "63?")
    assert replies[1][0] != "mai_task_2" and "7 nhiệm vụ" not in replies[1][1]
