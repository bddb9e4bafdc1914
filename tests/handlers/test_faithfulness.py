"""Faithfulness to the report (issue 12): what a reader would notice if an answer said more,
or less, than the report says.

Each test names the issue's item it guards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.kb.loader import DEFAULT_KB_DIR, KnowledgeBase
from handlers.questions import Responder

# -- item 1: the report names no foreign country, but it does speak of the neighbouring peoples (§3) --


def test_friendship_with_laos_and_cambodia_in_english_is_answered_not_denied(responder: Responder) -> None:
    reply = responder.answer("What does the report say about friendship with the people of Laos and Cambodia?")
    assert reply.language == "en"
    assert "does not mention this" not in reply.text
    assert "names no foreign country" in reply.text
    assert "people of neighbouring countries" in reply.text
    assert "friendship" in reply.text and "border" in reply.text
    # The full answer on people-to-people diplomacy is offered right beside it.
    assert "finding_border_diplomacy" in [c.id for c in reply.choices]


def test_friendship_with_laos_and_cambodia_in_vietnamese_is_answered_not_denied(responder: Responder) -> None:
    reply = responder.answer("Báo cáo nói gì về tình hữu nghị với nhân dân Lào, Campuchia?")
    assert reply.language == "vi"
    assert "không đề cập đến nội dung này" not in reply.text
    assert "không nêu tên nước ngoài nào" in reply.text
    assert "nhân dân các nước láng giềng" in reply.text
    assert "hữu nghị" in reply.text and "biên giới" in reply.text
    assert "finding_border_diplomacy" in [c.id for c in reply.choices]


@pytest.mark.parametrize("question", ["Does the report mention China?", "Trung Quốc có được nhắc đến không?"])
def test_any_named_country_gets_the_same_honest_answer(responder: Responder, question: str) -> None:
    text = responder.answer(question).text
    assert "names no foreign country" in text or "không nêu tên nước ngoài nào" in text


@pytest.mark.parametrize("question", ["Does the report mention Covid?", "Hội nghị có nói về dịch Covid không?"])
def test_world_events_are_still_plainly_not_in_the_report(responder: Responder, question: str) -> None:
    reply = responder.answer(question)
    assert reply.fallback
    assert "láng giềng" not in reply.text and "neighbouring" not in reply.text


# -- item 8: "who was the reporter?" is a question about the byline, not about the chair --

@pytest.mark.parametrize("question", [
    "Who was the reporter?",
    "Who is the reporter?",
    "who wrote this report",
    "Which journalist wrote the article?",
    "Who is the journalist behind this article?",
    "phóng viên là ai",
    "Ai là phóng viên viết bài này?",
    "phong vien viet bai nay la ai",
    "nhà báo nào đưa tin hội nghị",
    "ai viết bài tường thuật này",
])
def test_who_was_the_reporter_gets_the_byline(responder: Responder, question: str) -> None:
    reply = responder.answer(question)
    assert reply.intent == "mention_byline", (reply.matched, reply.candidate, reply.score)
    assert "BAN BIÊN TẬP" in reply.text
    assert "chair" not in reply.text and "chủ trì" not in reply.text


# -- item 3: the report names four officials, and Hồ Chí Minh too --

def test_refusal_on_unnamed_office_holders_does_not_say_only_four_people(kb: KnowledgeBase) -> None:
    intent = kb.intents["refuse_unnamed_people"]
    assert "four people" not in intent.answer_en
    assert "four officials" in intent.answer_en


def test_asking_for_the_provincial_chairman_counts_four_officials(responder: Responder) -> None:
    reply = responder.answer("Who is the chairman of the Cà Mau People's Committee?")
    assert reply.matched == "refuse_unnamed_people"
    assert "four people" not in reply.text


# -- item 7: the report shows the Cà Mau bridge point; it never says it was written there --

def _fold(text: str) -> str:
    """Lower case, no diacritics (đ -> d), one space between words: YAML folds lines anywhere."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(text.lower().split())


_CAMAU = r"(?:the )?(?:diem cau )?(?:tinh )?ca mau(?: bridge point| province)?"
WRITTEN_IN_CA_MAU = [
    rf"(?:written|sent|filed|reported|published) (?:from|at|in|by) {_CAMAU}",
    rf"(?:account|report|article|story|coverage) (?:from|by|of) {_CAMAU}",
    r"ca mau(?: bridge point)?'s (?:own )?(?:account|report|article|story|coverage)",
    rf"(?:viet|gui|dua tin|tuong thuat) (?:tu|tai|o) {_CAMAU}",
    rf"(?:bai tuong thuat|bai viet|bai bao|ban tin|tin bai) (?:tu|cua|do) {_CAMAU}",
    rf"{_CAMAU} (?:viet|gui|dua tin|tuong thuat)",
]


def _yaml_files() -> Iterator[Path]:
    yield from sorted(DEFAULT_KB_DIR.rglob("*.yaml"))


def test_no_yaml_text_says_the_report_was_written_from_ca_mau() -> None:
    found = []
    for path in _yaml_files():
        text = _fold(path.read_text(encoding="utf-8").replace("#", " "))
        for pattern in WRITTEN_IN_CA_MAU:
            found += [(path.name, m.group(0)) for m in re.finditer(pattern, text)]
    assert not found, found


@pytest.mark.parametrize("question", ["bot lấy thông tin từ đâu", "What is your source?"])
def test_the_source_answer_names_the_ca_mau_attendees_and_photo_not_a_place_of_writing(
        responder: Responder, question: str) -> None:
    reply = responder.answer(question)
    assert reply.intent == "mention_source"
    assert "Cà Mau" in reply.text and "BAN BIÊN TẬP" in reply.text
    assert not any(re.search(p, _fold(reply.text)) for p in WRITTEN_IN_CA_MAU), reply.text


# -- item 5: an English reader meets "dân vận" glossed as "mass mobilization (dân vận)" first --

# "dân vận" as a bare term: not the "Dân vận khéo" movement, not the name "Ban Dân vận".
DAN_VAN = re.compile(r"(?<!Ban )(?<!ban )\b[Dd]ân vận\b(?! khéo)")
# What may stand just before its first use: "mass mobilization (dân vận)",
# "mass mobilization work (công tác dân vận)" or 'mass mobilization work ("công tác dân vận")'.
GLOSS = re.compile(r"mass mobilization(?: work)? \(\"?(?:công tác )?$")


def _english_texts(kb: KnowledgeBase) -> Iterator[tuple[str, str]]:
    for intent in kb.intents.values():
        for field in ("title_en", "answer_en", "detail_en"):
            text = getattr(intent, field)
            if text:
                yield f"{intent.id}.{field}", text
    for oos in kb.out_of_scope:
        yield f"out_of_scope.{oos.id}.answer_en", oos.answer_en
    for topic in kb.topics.values():
        yield f"topics.{topic.id}.title_en", topic.title_en
    for name, text in kb.messages.model_dump().items():
        if name.endswith("_en"):
            yield f"messages.{name}", text


def test_every_english_text_glosses_dan_van_at_first_use(kb: KnowledgeBase) -> None:
    bare = []
    for where, text in _english_texts(kb):
        first = DAN_VAN.search(text)
        if first and not GLOSS.search(text[: first.start()]):
            bare.append((where, text[max(0, first.start() - 40): first.end() + 10]))
    assert not bare, bare


@pytest.mark.parametrize("question", [
    "How did awareness of mass mobilization work change?",
    "What did the report find about the past five years?",
    "Who is Nguyễn Hồng Lĩnh?",
])
def test_english_answers_users_get_gloss_dan_van(responder: Responder, question: str) -> None:
    text = responder.answer(question).text
    assert "mass mobilization (dân vận)" in text
    assert text.index("mass mobilization (dân vận)") <= text.index("dân vận")


# -- items 2, 4, 6: smaller wording faults --

def test_documents_refusal_admits_the_titles_the_report_does_give(kb: KnowledgeBase) -> None:
    intent = kb.intents["refuse_documents"]
    assert not re.search(r"không nêu[^.]*tên đầy đủ", intent.answer), intent.answer
    assert not re.search(r"\bno\b[^.]*full titles", intent.answer_en), intent.answer_en
    assert "Báo cáo tóm tắt công tác dân vận nhiệm kỳ Đại hội XII" in intent.answer
    assert "Chương trình hành động" in intent.answer and "Action Programme" in intent.answer_en
    assert 3 in intent.sources


def test_help_example_about_vuong_is_about_tasks_for_2021(kb: KnowledgeBase, responder: Responder) -> None:
    assert "ask for in 2021" not in kb.messages.help_en
    assert "yêu cầu gì năm 2021" not in kb.messages.help
    for example in re.findall(r"[\"“]([^\"”]*Vượng[^\"”]*)[\"”]", kb.messages.help + kb.messages.help_en):
        assert responder.answer(example).intent == "vuong_requirements_2021", example


def test_small_omissions_are_restored(kb: KnowledgeBase) -> None:
    assert "quality of building new rural areas" in " ".join(kb.intents["mai_task_5"].answer_en.split())
    vuong = kb.intents["vuong_requirements_2021"]
    assert "hệ thống chính trị, nhất là các cơ quan hành chính Nhà nước" in " ".join(vuong.answer.split())
    assert "political system, especially" in " ".join(vuong.answer_en.split())
    overview = kb.intents["event_overview"]
    assert "huyện ủy, thành ủy, đảng ủy trực thuộc" in " ".join((overview.detail or "").split())
    assert "district, city and affiliated Party committees" in " ".join((overview.detail_en or "").split())
    organizer_en = " ".join((kb.intents["event_organizer"].detail_en or "").split())
    assert "Its Deputy Head" not in organizer_en and "a Deputy Head" in organizer_en
