"""Messages about the bot itself, mixed with other words: who it is, how it answered, asking leave.

Written for these tests, in the ways the twelfth session's small-talk misses were phrased, not
taken from a measuring question set.
"""

from __future__ import annotations

import pytest

from handlers.questions import Responder
from handlers.reply import Kind


@pytest.mark.parametrize("message", [
    "Bạn là ai thế, của sở hay của huyện?",                           # what follows still asks who it is
    "Bot này do ai làm vậy? Có phải của Tỉnh ủy không?",
    "Who are you really? Some kind of official chatbot?",
    "Are you an actual human or a program?",
    "Is this chatgpt or something else?",
    "Bot có tên gọi riêng không, để mình ghi nguồn?",
    "Bot là người thật đang trả lời mình hay là máy?",                # the same clause goes on asking
])
def test_what_follows_who_the_bot_is_still_asks_about_the_bot(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "smalltalk_bot_identity"


@pytest.mark.parametrize(("message", "expected"), [
    ("Bạn là ai? Hội nghị do ai chủ trì vậy?", "event_chair"),        # a strong question of its own
    ("nguồn dữ liệu của bot là gì", "mention_source"),               # "bot là gì" inside a question
    ("Tư liệu của bạn là gì vậy?", "mention_source"),                 # something the bot has
])
def test_a_real_question_beside_who_the_bot_is_is_answered(responder: Responder, message: str,
                                                           expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "expected"), [
    # the answers open the sentence: whatever stands between, the judgement is of them
    ("Câu trả lời vừa nãy về nhiệm vụ năm 2021 của các địa phương hơi lan man quá", "smalltalk_complaint"),
    ("Câu trả lời lần này sơ sài quá, mình cần thêm ý", "smalltalk_complaint"),
    # the nearest judgement judges them: asking for plainer words is no praise (a guard)
    ("Bot trả lời dài dòng với khó hiểu quá, nói dễ hiểu hơn được không", "smalltalk_complaint"),
    ("Chatbot trả lời tốt, mai mình giới thiệu cho cả chi đoàn", "smalltalk_praise"),
])
def test_a_judgement_of_the_answers_is_found_across_the_sentence(responder: Responder, message: str,
                                                                 expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("message", [
    "Bot nói dài quá, lần sau bạn nói ngắn gọn dễ hiểu giùm mình nha",  # asked for after a complaint
    "bot ơi dễ hiểu hơn chút được ko",                                  # "easier than that"
    "câu trả lời cần dễ hiểu hơn nữa",
])
def test_praise_wished_for_is_a_complaint(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "smalltalk_complaint"


def test_praise_after_a_past_complaint_is_praise(responder: Responder) -> None:
    """"nên" (should) is no wish for a better answer: the praise stands."""
    assert responder.answer("Mới đầu sai rồi nhưng giờ nên khen bot, dễ hiểu lắm").intent == "smalltalk_praise"


@pytest.mark.parametrize(("message", "expected"), [
    ("Không đúng. Bạn xem lại giúp mình.", "smalltalk_complaint"),
    ("Tốt. Lần sau mình hỏi tiếp.", "smalltalk_praise"),
    ("lan man quá, sếp đọc là bắt viết lại ngay", "smalltalk_complaint"),  # a judgement that opens the message
    ("That's wrong. That is not what the report says.", "smalltalk_complaint"),  # "what" asks nothing here
])
def test_a_sentence_that_only_judges_is_a_judgement(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "expected"), [
    ("Cheers for the help!", "smalltalk_thanks"),                    # the help was the bot's: thanks
    ("Nhờ bạn mà mình làm xong bài thu hoạch rồi", "smalltalk_thanks"),  # a statement beside thanks asks nothing
    ("Cảm ơn bạn, mình làm xong bài thu hoạch rồi", "smalltalk_thanks"),
    ("Tạm vậy đã, tối mình hỏi tiếp.", "smalltalk_goodbye"),
    ("Tôi xin tạm dừng ở đây để đi họp chi bộ. Mai tôi trao đổi tiếp.", "smalltalk_goodbye"),
    ("Thôi chú ra đồng đây, chào con nha, rảnh chú nhắn tiếp.", "smalltalk_goodbye"),  # "thôi" opens a farewell
    ("Thôi được rồi, xin chào, mình muốn hỏi về hội nghị dân vận", "smalltalk_greeting"),  # …unless it asks on now
    ("hỏi được những gì vậy", "smalltalk_help"),
])
def test_everyday_small_talk_without_the_bots_name(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("message", [
    "Dạ em chào anh chị bot, em là học viên cao học, em hỏi mấy câu về hội nghị được không ạ?",
    "Dạ em chào anh chị ạ, em là sinh viên năm ba ở Cần Thơ, em hỏi bài ở đây được không ạ?",
])
def test_asking_leave_after_saying_who_asks_is_no_question_yet(responder: Responder, message: str) -> None:
    """Who asks (a school, a province) is no subject: the bot says what it can answer."""
    assert responder.answer(message).intent == "smalltalk_help"


@pytest.mark.parametrize("question", [
    "khi nào tổ chức họp tổng kết nữa",
    "When is the next conference on mass mobilization?",  # a guard: refused before too
])
def test_the_next_conference_is_another_event(responder: Responder, question: str) -> None:
    reply = responder.answer(question)
    assert reply.fallback or reply.kind is Kind.REFUSAL, (reply.intent, reply.kind)


@pytest.mark.parametrize("message", [
    "bác gõ chậm lắm, cháu đợi bác một chút nghen",      # a remark to the bot that no cue names
    "sorry mình gửi nhầm chỗ, không phải gửi bạn 😅",
    "your answer was too difficult for me, so many long words",
])
def test_a_remark_that_asks_nothing_is_small_talk(responder: Responder, message: str) -> None:
    assert responder.answer(message).kind is Kind.SMALLTALK


@pytest.mark.parametrize("message", [
    "giá xăng hôm nay",                                          # a query, to no one: the honest fallback
    "viết giúp em cái đơn xin nghỉ học với",                     # a task asked of the bot
    "Hội nghị bắt đầu lúc 8 giờ sáng đúng không, tôi cần giờ chính xác cho bản tin",  # a yes/no question inside
])
def test_a_query_or_a_task_is_no_remark(responder: Responder, message: str) -> None:
    assert responder.answer(message).kind is not Kind.SMALLTALK


@pytest.mark.parametrize(("message", "expected"), [
    ("Thanks. List the seven tasks for 2021.", "mai_conclusion_overview"),             # a request beside thanks
    ("Chào bạn, tôi muốn xem danh sách đại biểu dự tại điểm cầu Cà Mau.", "camau_attendees"),  # beside a greeting
])
def test_a_request_beside_small_talk_is_answered(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("message", [
    "Trả lời giúp mình hội nghị kéo dài bao lâu",        # "trả lời" asks here; "dài" is of the meeting
    "Cho tôi câu trả lời: năm 2020 công tác dân vận đạt kết quả tốt không?",
    "Báo cáo có nói về trí tuệ nhân tạo không?",          # the report asked about, not the bot
    "Good morning. I wonder what Mai said about the Front.",
])
def test_words_about_answers_or_the_bot_inside_a_question_leave_it_a_question(responder: Responder,
                                                                              message: str) -> None:
    assert responder.answer(message).kind is not Kind.SMALLTALK


@pytest.mark.parametrize(("message", "expected"), [
    ("you're so smart omg", "smalltalk_praise"),
    ("ok, đúng cái mình cần 👍", "smalltalk_praise"),
    ("câu này nãy bạn trả lời rồi mà, lặp lại hoài", "smalltalk_complaint"),
])
def test_everyday_praise_and_complaints(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "expected"), [
    ("trl j mà dài thế, đọc hổng nổi", "smalltalk_complaint"),         # "trl" is "trả lời"
    ("nhiều từ khó quá, đọc mệt ghê", "smalltalk_complaint"),
    ("Good. Clear and to the point.", "smalltalk_praise"),
    ("con ơi con còn ở đó hông", "smalltalk_greeting"),
    ("khuya rồi còn ai trực không", "smalltalk_greeting"),            # anyone still there, late at night
    ("bot có mệt không", "smalltalk_bot_identity"),
    ("cái máy này có biết tin tức gì khác không", "smalltalk_help"),  # "cái máy này" is the bot
])
def test_small_talk_as_typed_on_a_phone(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


def test_calling_the_bot_con_leaves_the_question(responder: Responder) -> None:
    """"con ơi" only calls the bot, as "bot ơi" does: what follows is the message."""
    assert responder.answer("con ơi, cái hội nghị đó họp ngày nào vậy con").intent == "event_date"
    assert responder.answer("con ơi chừng nào người già được lãnh thêm tiền hỗ trợ vậy con").fallback


@pytest.mark.parametrize("message", ["alo có ai ko", "bot ơi có ai hông", "hello bạn, có ai không"])
def test_asking_whether_anyone_is_there_after_a_greeting_greets(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "smalltalk_greeting"


@pytest.mark.parametrize(("message", "expected"), [
    ("Thanks, còn ông Hải?", "person_nguyen_tien_hai"),   # "còn" is no "con ơi" calling the bot
    ("trả lời không mạch lạc", "smalltalk_complaint"),      # praise denied is a complaint
])
def test_words_near_small_talk_keep_their_meaning(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("message", [
    "Từ khó khăn của đại dịch, dân vận đã làm gì?",          # "từ khó" inside "khó khăn"
    "Ông Vượng còn sống không?",                             # of someone, not the bot
    "Bà Mai đã nghỉ hưu rồi",                                # a statement about someone is no remark
    "Em cần thông tin về lương hưu tháng 7 năm nay",         # a need is a request
    "ngoài bà Mai còn ai trả lời phỏng vấn không",           # who else gave interviews: no "anyone still there"
    "có ai chất vấn trong hội nghị không, chắc bị cắt hết rồi",  # cut from the report: no "that's all"
    "cấp trên có hướng dẫn cách làm dân vận khéo không",     # guidance asked of the report, not of the bot
    "thị xã Hà Tiên có ai hông",                              # who came from a place: no "anyone there?"
    "vậy Ban Tuyên giáo tỉnh còn ai ko",                      # who else of a body
])
def test_questions_and_statements_about_others_are_no_small_talk(responder: Responder, message: str) -> None:
    assert responder.answer(message).kind is not Kind.SMALLTALK


def test_a_judgement_in_the_opening_clause_of_a_request_is_a_complaint(responder: Responder) -> None:
    reply = responder.answer("Câu trả lời vừa rồi của bạn khá sơ lược và chưa chỉ rõ nguồn, lần sau bạn có thể "
                             "trả lời chặt chẽ hơn được không?")
    assert reply.intent == "smalltalk_complaint"


def test_a_question_asked_outright_after_a_complaint_is_answered(responder: Responder) -> None:
    assert responder.answer("Câu trả lời khá sơ sài, cho mình hỏi ai chủ trì hội nghị?").intent == "event_chair"


@pytest.mark.parametrize("message", [
    "Cảm ơn bot, phần nhiệm vụ thứ 3 mình ghi lại rồi nhé",
    "Cảm ơn bạn nhiều, thông tin về nhiệm vụ số 6 rất có ích cho buổi sinh hoạt chi bộ tối nay.",
])
def test_thanks_with_a_remark_on_a_numbered_task_is_thanks(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "smalltalk_thanks"


def test_thanks_then_a_bare_task_number_asks_for_that_task(responder: Responder) -> None:
    assert responder.answer("Cảm ơn. Nhiệm vụ thứ 3.").intent == "mai_task_3"


@pytest.mark.parametrize(("message", "expected"), [
    ("con noi nhieu chu nghia qua bac doc khong vo, noi don gian lai di con", "smalltalk_complaint"),
    ("Could you reply in English from now on? Your answers are all in Vietnamese.", "smalltalk_help"),
    ("Hi, bạn có đọc được tiếng Việt không?", "smalltalk_help"),    # too short to be a question apart
    ("Xin chào, bạn có dùng tiếng Việt được không?", "smalltalk_help"),
    ("Which languages do you know apart from Vietnamese?", "smalltalk_help"),
])
def test_asking_for_plainer_words_or_another_language(responder: Responder, message: str, expected: str) -> None:
    """Too many hard words is a complaint; the language of the replies is what the bot can do (ask in English)."""
    assert responder.answer(message).intent == expected


def test_should_say_it_otherwise_after_a_complaint_is_a_wish(responder: Responder) -> None:
    assert responder.answer("Bot nói dài quá, bạn nên nói ngắn gọn dễ hiểu thôi").intent == "smalltalk_complaint"



@pytest.mark.parametrize(("message", "parting"), [
    # "đi dạy" (went teaching) typed plain reads "đi đây" (I'm off), but its clause goes on
    ("hoi xua di day toi hay day hoc tro bai ve Bac Ho, bao cao noi gi ve Dan van kheo", False),
    # a farewell at the end of its clause, plain or marked
    ("thoi toi di day nhe", True),
    ("Thôi cháu đi đây, cảm ơn cháu nhiều", True),
])
def test_a_farewell_typed_plain_inside_a_clause_is_no_farewell(responder: Responder, message: str,
                                                              parting: bool) -> None:
    intents = {cue.intent_id for cue in responder.matcher._talk.find(message)}
    assert ("smalltalk_goodbye" in intents) is parting, intents


@pytest.mark.parametrize("message", ["chao con, bac mat kem roi, con la ai ma biet tra loi vay",
                                     "Chào con nha, con là ai vậy con?"])
def test_an_everyday_name_the_message_greets_the_bot_by_asks_who_it_is(responder: Responder, message: str) -> None:
    """"con" is the asker's word for the bot once the message greets it so ("chào con")."""
    assert responder.answer(message).intent == "smalltalk_bot_identity"


@pytest.mark.parametrize("message", [
    # answers wished for at the start praise none yet: the greeting is what is said
    "Chào Bot, tôi đã ngoài bảy mươi, mong Bot trả lời ngắn gọn, rõ ràng giúp tôi nhé.",
    # "thôi" inside a clause is "only", no farewell
    "Chào cháu, bác mong cháu trả lời dễ hiểu thôi nhé",
])
def test_a_wish_for_plain_answers_beside_a_greeting_greets(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "smalltalk_greeting"


def test_thoi_nhe_alone_still_takes_leave(responder: Responder) -> None:
    assert responder.answer("thôi nhé bot").intent == "smalltalk_goodbye"


def test_a_question_before_the_askers_aside_is_no_greeting(responder: Responder) -> None:
    """"…, sếp hỏi mà em quên mất" says why the asker asks: the greeting before the question does not win."""
    assert responder.answer("chào bot, hn hôm 31/12 do ai kết luận z, sếp hỏi mà e quên mất").kind is not Kind.SMALLTALK


@pytest.mark.parametrize("message", ["Wow, that was really clear!", "Ồ, rõ ràng quá", "oh, this is helpful"])
def test_praise_after_an_interjection_is_praise(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "smalltalk_praise"


@pytest.mark.parametrize("message", ["dạ có ai không ạ", "tối rồi có ai không"])
def test_polite_or_late_words_before_anyone_there_still_greet(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "smalltalk_greeting"


@pytest.mark.parametrize("message", ["bot có hiểu tiếng địa phương không", "bạn có hiểu câu hỏi của tôi không",
                                     "can you understand Vietnamese without accents?"])
def test_whether_the_bot_understands_is_what_it_can_do(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "smalltalk_help"
