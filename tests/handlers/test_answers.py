"""What users notice about answers: the right fact, the honest refusal, the right language."""

from __future__ import annotations

import pytest

from handlers.questions import Responder
from handlers.reply import Kind
from tests.conftest import QUESTIONS


@pytest.mark.parametrize("question", [
    "Ai chủ trì hội nghị?",
    "ai chu tri hoi nghi",
    "ai cầm trịch hội nghị vậy",
])
def test_who_chaired_says_the_report_does_not_say_and_what_it_does(responder: Responder,
                                                                    question: str) -> None:
    reply = responder.answer(question)
    assert reply.intent == "event_chair"
    assert "Ban Dân vận Trung ương" in reply.text and "Trương Thị Mai" in reply.text
    assert "không" in reply.text  # it says the report does not use that word
    assert reply.sources and reply.source_line.startswith("Nguồn: đoạn")


@pytest.mark.parametrize(("question", "task"), [
    ("nhiệm vụ thứ 4 là gì?", 4),
    ("nhiem vu so bay", 7),
    ("task 3", 3),
    ("nhiệm vụ thứ nhất", 1),
    ("What is the fifth task?", 5),
    ("nv thứ sáu", 6),
    ("nhiệm vụ số 2 là gì", 2),
])
def test_numbered_tasks_each_on_their_own(responder: Responder, question: str, task: int) -> None:
    assert responder.answer(question).intent == f"mai_task_{task}"


@pytest.mark.parametrize("question", [
    "Hội nghị dân vận năm 2019 do ai tổ chức?",
    "Ai dự hội nghị tại điểm cầu Bạc Liêu?",
    "Có bao nhiêu đại biểu dự hội nghị?",
    "Hôm đó thời tiết thế nào?",
    "Đại hội XIII bầu ai làm Tổng Bí thư?",
    "nhiệm vụ thứ 8 là gì",
    "giá vàng hôm nay bao nhiêu",
    "How do I cook pho?",
])
def test_questions_the_report_does_not_answer_fall_back(responder: Responder, question: str) -> None:
    reply = responder.answer(question)
    assert reply.fallback, (reply.matched, reply.score)
    assert reply.intent is None


def test_fallback_offers_the_closest_questions_as_words(responder: Responder) -> None:
    reply = responder.answer("Hội nghị dân vận năm 2019 do ai tổ chức?")
    assert reply.choices
    assert all(" " in c.label and "_" not in c.label for c in reply.choices)


def test_english_question_gets_english_answer(responder: Responder) -> None:
    reply = responder.answer("Who is Trương Thị Mai?")
    assert reply.language == "en"
    assert reply.intent == "person_truong_thi_mai"
    assert "Politburo" in reply.text
    assert reply.source_line.startswith("Source: paragraph")


def test_vietnamese_without_diacritics_gets_vietnamese_answer(responder: Responder) -> None:
    reply = responder.answer("truong thi mai la ai")
    assert reply.language == "vi"
    assert reply.intent == "person_truong_thi_mai"
    assert "Trưởng Ban Dân vận Trung ương" in reply.text


def test_titles_are_those_of_the_day(responder: Responder) -> None:
    text = responder.answer("Trần Quốc Vượng là ai?").text
    assert "Ủy viên Bộ Chính trị" in text and "Thường trực Ban Bí thư" in text


@pytest.mark.parametrize("typo", ["tố chức", "phát ừiển", "giương mẫu", "tình hình hình", "phòng trào"])
def test_report_typos_are_corrected_in_every_answer(responder: Responder, typo: str) -> None:
    for intent in responder.kb.intents.values():
        for text in (intent.answer, intent.detail or "", intent.title):
            assert typo not in text, (intent.id, typo)


def test_containment_does_not_inflate_unrelated_questions(responder: Responder) -> None:
    # Words of the report inside an unrelated question must not make it a confident answer.
    reply = responder.answer("hội nghị nào ở Hà Nội có bán vé xem bóng đá không")
    assert reply.fallback


def test_smalltalk(responder: Responder) -> None:
    assert responder.answer("xin chào").kind is Kind.SMALLTALK
    assert responder.answer("cảm ơn bạn nhiều").matched == "smalltalk_thanks"
    assert responder.answer("bạn là ai").matched == "smalltalk_bot_identity"


@pytest.mark.parametrize(("message", "expected"), [
    ("cháu là ai", "smalltalk_bot_identity"),  # the bot called as an elder calls a younger one
    ("hi bot có ai ở đây hông", "smalltalk_greeting"),  # anyone here, in teen-code, after a greeting
])
def test_the_bot_asked_about_itself_in_few_words(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).matched == expected


@pytest.mark.parametrize(("message", "expected"), [
    ("hiii", "smalltalk_greeting"),
    ("cảm ơnnnn nhiềuuuu", "smalltalk_thanks"),
    ("byeee bot", "smalltalk_goodbye"),
])
def test_letters_held_down_are_read_as_one(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).matched == expected


def test_handling_what_people_raise_is_settling_their_requests(responder: Responder) -> None:
    """"handled" is "giải quyết": sitting down with residents and settling their complaints is Vượng's dialogue."""
    reply = responder.answer("Was there anything about officials sitting down with residents, hearing their "
                             "complaints and making sure they get handled?")
    assert reply.intent == "vuong_req_dialogue"


def test_abbreviations_and_teencode(responder: Responder) -> None:
    assert responder.answer("bt tỉnh ủy Cà Mau là ai").intent in ("person_nguyen_tien_hai", "camau_leader")
    assert responder.answer("BDV TW tổ chức hn ko").intent in ("event_organizer", "event_overview")


def test_long_question_is_capped_with_a_note(responder: Responder) -> None:
    limit = responder.kb.matching.max_question_chars
    reply = responder.answer("Ai chủ trì hội nghị? " + "a" * 100_000)
    assert str(limit) in reply.note
    assert reply.text


def test_empty_and_emoji_only_messages_get_a_nudge(responder: Responder) -> None:
    for text in ("", "   ", "🤔🤔", "???", "\u200b"):
        reply = responder.answer(text)
        assert reply.kind is Kind.EMPTY
        assert "câu hỏi" in reply.text


@pytest.mark.parametrize(("text", "intent"), [
    ("🙏😊", "smalltalk_thanks"), ("👍", "smalltalk_thanks"), ("😀😀", "smalltalk_praise"),
    ("👎", "smalltalk_complaint"), ("👋", "smalltalk_greeting"),
])
def test_emoji_only_messages_with_a_meaning_get_small_talk(responder: Responder, text: str, intent: str) -> None:
    """A thumbs-up or folded hands alone says thanks: the small talk of the first emoji listed, not a nudge."""
    reply = responder.answer(text)
    assert reply.intent == intent and reply.text


def test_english_fallback_offers_english_labels(responder: Responder) -> None:
    reply = responder.answer("What is the gold price in Ho Chi Minh City today?")
    assert reply.fallback and reply.language == "en"
    assert reply.choices and all(c.label.isascii() or "?" in c.label for c in reply.choices)
    titles_en = {i.title_en for i in responder.kb.intents.values()} | {t.title_en for t in responder.kb.topics.values()}
    assert all(c.label in titles_en for c in reply.choices)


def test_a_close_runner_up_is_offered_beside_the_answer(responder: Responder) -> None:

    from bot.tools.evaluate import load_cases

    margin = responder.kb.matching.clarify_margin
    checked = 0
    for case in (c for name in ("tune", "dev", "holdout", "fresh") for c in load_cases(QUESTIONS / f"{name}.yaml")):
        reply = responder.answer(case.question)
        candidates = responder.matcher.match(case.question).candidates
        if reply.kind is not Kind.ANSWER or len(candidates) < 2:
            continue
        first, second = candidates[:2]
        if first.score - second.score < margin and responder.kb.intents[second.intent_id].kind == "answer":
            assert second.intent_id in [c.id for c in reply.choices], case.question
            checked += 1
    assert checked, "no question in the project's own sets has a close runner-up to check"
