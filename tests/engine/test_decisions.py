"""How the engine decides on real phrasings: framing, ordinals, evidence, small talk, people.

The questions are the kinds issue 8 names (long framed questions, "nhiệm vụ số bốn", yes/no
"có nhắc tới … không?", refusals that swallowed real questions, near misses that must still be
refused), written for these tests, not taken from a measuring question set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.evidence import Objection
from bot.engine.matcher import Candidate, Match, Verdict
from bot.kb.loader import KnowledgeBase, load
from bot.text.normalize import quoted, split_preamble, without_set_aside, words
from handlers.questions import Responder
from handlers.reply import Kind


def _decide(responder: Responder, question: str, candidates: tuple[Candidate, ...]) -> tuple[Verdict, object]:
    """The matcher's decision on ``candidates`` for ``question``, as ``_settle`` asks it."""
    return responder.matcher._decide(question, responder.matcher.normalize(question), candidates)


@pytest.mark.parametrize(("question", "expected"), [
    # framing and particles around the real question
    ("Em đang làm bài thu hoạch, cho em hỏi chút là trong bài có nói ai đọc báo cáo tóm tắt không ạ?",
     {"report_overview", "person_nguyen_hong_linh"}),
    ("Mình đang chuẩn bị sinh hoạt chi bộ, nhờ bot cho biết hội nghị này tổ chức theo hình thức nào nhé",
     {"event_format", "event_overview"}),
    ("bác hỏi chút hội nghị hôm đó ai là người đọc báo cáo vậy cháu", {"report_overview", "person_nguyen_hong_linh"}),
    # yes/no questions about something the report does say
    ("Trong bài có nói tới người theo đạo không?", {"finding_ethnic_religious_overseas"}),
    # everyday words for the report's terms
    ("bài phát biểu bế mạc hội nghị nói những gì", {"mai_conclusion_overview", "person_truong_thi_mai"}),
    # ordinals inside longer questions, in both languages
    ("nhiệm vụ số bốn trong phần kết luận nói về cái gì vậy", {"mai_task_4"}),
    ("điều thứ tư bà Mai yêu cầu là gì", {"mai_task_4"}),
    ("What does the 4th task in Mai's closing speech cover?", {"mai_task_4"}),
    ("Can you explain task number six?", {"mai_task_6"}),
    ("nv cuối cùng trong phần kết luận là gì", {"mai_task_7"}),
    ("what was the last of the seven tasks", {"mai_task_7"}),
    ("what does the second of the seven key tasks ask for", {"mai_task_2"}),
    ("Tell me about the fifth of Mrs Mai's seven priority tasks.", {"mai_task_5"}),  # whose list between
    ("What does the task before the last one ask for?", {"mai_task_6"}),  # the one before the last
    ("nhiệm vụ áp chót trong 7 nhiệm vụ là gì", {"mai_task_6"}),
    # someone described, not named: an answer naming them answers, their own card is no rival to ask about
    ("ai là người tới dự và chỉ đạo Hội nghị tại điểm cầu trung tâm", {"event_chair", "person_tran_quoc_vuong"}),
    # someone described who told people what to do: their words, not who they are
    ("Bà lãnh đạo nữ đứng đầu cơ quan lo việc vận động quần chúng ở Trung ương dặn năm sau phải chú ý điều gì",
     {"mai_conclusion_overview", "mai_task_4"}),
    # the titles of two people named: the overview that gives each one's, not one of them
    ("ông Vượng và bà Mai giữ chức gì", {"people_speakers"}),
    ("What posts did Vuong and Mai hold?", {"people_speakers"}),
    # the list's words and its year, asked for nothing else: the whole list, however near one task's title
    ("nhiệm vụ năm 2021 là gì", {"mai_conclusion_overview", "vuong_requirements_2021"}),
    # who attended at Cà Mau, asked plainly: the whole list, not one part of it
    ("who attended from Ca Mau?", {"camau_attendees"}),
    ("Cà Mau có ai dự", {"camau_attendees"}),
    # the report's places and people typed one letter off are theirs, not unknown names
    ("bí thư tỉnh Cà Mao là ai", {"person_nguyen_tien_hai", "camau_leader"}),
    ("ông Trần Quốc Vượn là ai", {"person_tran_quoc_vuong"}),
    # a place asked, no one named nor asked: the answer that gives it, not the card of someone who sat there
    ("which city was the central bridge point in?", {"event_bridge_points", "event_format", "event_overview"}),
    # a period asked is told by the answer that gives its years, however near the refusal of the documents
    ("kết luận nói chương trình phối hợp giai đoạn nào sẽ được làm", {"mai_task_3"}),
    ("ct phối hợp gđ mới là gđ nào vậy", {"mai_task_3"}),
    # a place counted by another's list word is the named person's when their own word follows
    ("việc đầu tiên ông Vượng yêu cầu là gì", {"vuong_req_resolutions"}),
    # "cuối cùng" ending another phrase before an item word is no place in the list
    ("Kết luận có giao việc kiểm tra và đánh giá cuối cùng việc thực hiện các văn bản của Đảng về dân vận không?",
     {"mai_task_1"}),
    # a refusal must not swallow what the report answers
    ("ông Hải giữ những chức vụ nào", {"person_nguyen_tien_hai"}),
    ("phong trào thi đua nào được nhắc đến", {"finding_dan_van_kheo", "vuong_req_emulation", "mai_task_6"}),
    # the people a question names pick the answer
    ("ông Hải giữ chức vụ gì ở tỉnh", {"person_nguyen_tien_hai"}),
    # English words for the report's terms: "administrative work" is its "công tác hành chính"
    ("Which points on administrative work and receiving citizens came up in the directive speech?",
     {"vuong_req_administration", "vuong_req_dialogue", "vuong_requirements_2021"}),
    # …and so does the one a question describes: the report's only woman heads a body
    ("Bà đứng đầu cơ quan chăm lo chuyện gần dân của Đảng giao cho năm tới những việc chính nào?",
     {"mai_conclusion_overview", "person_truong_thi_mai"}),
])
def test_real_phrasings_get_the_right_answer(responder: Responder, question: str, expected: set[str]) -> None:
    reply = responder.answer(question)
    assert reply.kind is Kind.ANSWER and reply.intent in expected, (reply.kind, reply.matched, reply.score)


@pytest.mark.parametrize("question", [
    "có bao nhiêu đại biểu dự ở điểm cầu Cà Mau",           # a count the report never gives
    "Tổng Bí thư Nguyễn Phú Trọng có gửi thư tới hội nghị không",  # a name the report never mentions
    "hội nghị ở Bạc Liêu có những ai dự",                   # another province
    "How do I cook pho?",                                   # nothing to do with the report
    "hội nghị được tổ chức ở hội trường nào",               # a place the report does not give
    "How long has Trương Thị Mai been Head of the Commission?",  # a length of time it does not give
    "How old was Tran Quoc Vuong when he spoke there?",     # an age: the person's answer gives none
    "bà Trương Thị Mai năm nay bao nhiêu tuổi, quê ở tỉnh nào vậy",
    "Who is the current General Secretary of the Party?",  # today: after the report
    "Ai là Trưởng Ban Dân vận Tỉnh ủy Cà Mau vậy, tên đầy đủ là gì?",   # a post the report names nobody for
    "Phó Chủ tịch UBND tỉnh Cà Mau hồi đó tên là gì",
    "hội nghị tổng kết công tác dân vận năm 2021 diễn ra ngày nào",    # when, of another year's conference
    "ông Nguyễn Tiến Hải đã nói những nội dung gì tại hội nghị",       # what he said, asked a few words on
    "hội nghị dân vận toàn quốc lần tới họp vào ngày nào",             # when, of a later conference
    "dân số tỉnh Cà Mau hiện là bao nhiêu người",                      # the province's facts
    "kể chuyện cười cho mình nghe đi",                      # asking for something else than the report
    "Write me a poem about the conference",
    "ông Hải phát biểu những gì?",                          # someone who only attended: no words of his
    "What did Nguyen Tien Hai say at the conference?",
    "Theo bot, bài phát biểu của bà Mai hay hay dở?",      # the bot's opinion
    "Can you recommend some books about Vietnamese history?",  # a request beyond the report
    "giá lúa ở Cà Mau tuần này bao nhiêu một ký vậy",       # today's prices
    "Did any NGOs or international organisations take part in the conference?",  # bodies it never names
    "Hội nghị tổ chức tại khách sạn nào?",                  # a venue in other words
    "Which hotel hosted the conference?",
    "Đại hội Phụ nữ toàn quốc lần thứ XIII họp năm nào vậy?",  # another organisation's congress
    "Đại hội Đoàn lần thứ XII có được nhắc trong bài không?",
    "Ông Trần Quốc Vượng tốt nghiệp trường nào vậy?",          # a biography: the person's answer gives none
    "Before becoming Head of the Commission, what posts did Trương Thị Mai hold?",
    "mấy điểm nóng về an ninh trật tự do đâu mà ra vậy bạn",  # a cause the report never gives
    "trước bà Trương Thị Mai ai giữ chức trưởng ban dân vận vậy",  # a predecessor the report never names
    "Who headed the Commission after Mai?",                    # …nor a successor
    "o ca mau co can bo nao bi ky luat vi xa dan khong",       # the province's own doings: its discipline
    "What specific target did the fifth task set for poverty reduction?",  # a target the tasks never set
    "How many people watched the conference online?",        # an audience the report never counts…
    "how many people joined from the 63 provinces",            # …beside counts of other things
    "was Nguyen Hong Linh promoted to Head of the Commission later?",  # a promotion after the report
    "When is the next national review conference on dân vận?",  # a later conference's date
    "sao lại tổng kết nhiệm kỳ và năm 2020 chung một hội nghị vậy",  # why combined: the report never says
    "why did they combine the term review and the 2020 review in one conference?",
    "dân vận là gì vậy bạn",                                  # a term the report uses and never defines…
    "What does mass mobilization mean?",
    "hội nghị có công bố thay đổi nhân sự gì ở Ban Dân vận không",  # personnel changes: none announced
    "After that meeting, were the officials who harassed people really punished?",  # what came after it
    "Đại biểu tỉnh Cà Mau đánh giá buổi họp ra sao?",          # what attendees thought: the report never says
    "Theo báo cáo, phong trào Dân vận khéo còn những hạn chế gì?",  # shortcomings: it tells results only
    "Có mô hình Dân vận khéo nào được Trung ương khen không?",  # a model singled out: it names none
    "Xử lý ngay vấn đề bức xúc ở cơ sở thì cụ thể làm như thế nào?",  # how a requirement is carried out
    "Did Mai talk about the personnel decisions of the 13th Congress?",  # personnel: the report announces none
    "When was the Central Mass Mobilization Commission established?",  # a body's history: not in the report
    "Trong báo cáo, Cà Mau có bị nhắc nhở gì không?",           # the province singled out: it never is
    "Ban Dân vận Trung ương với Mặt trận Tổ quốc khác nhau như thế nào?",  # how two bodies differ
    "Sau này mấy nhiệm vụ năm 2021 có hoàn thành không?",       # whether the tasks were done: after the report
    "What are the main functions of the Central Mass Mobilization Commission in the Party?",  # its remit: untold
    "Ban Dân vận Trung ương thành lập từ năm nào?",             # a body's founding: not in the report
    "Trước bà Trương Thị Mai, ai là người giữ chức Trưởng Ban Dân vận?",  # a predecessor, the name first
    "nhiệm kỳ trước ai làm trưởng ban dân vận",                # who held the post in another term
])
def test_near_misses_are_refused(responder: Responder, question: str) -> None:
    reply = responder.answer(question)
    assert reply.fallback, (reply.kind, reply.matched, reply.score)


@pytest.mark.parametrize("question", [
    "bức ảnh thứ 2 là gì",
    "ảnh đầu tiên trong bài là ảnh gì",
    "tấm hình thứ hai chụp ai",  # who is in it, not who took it
])
def test_a_photo_named_by_its_place_gets_the_photos(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "mention_photos"


def test_a_photo_past_the_last_says_there_are_three(responder: Responder) -> None:
    reply = responder.answer("ảnh thứ 4 là gì")
    assert reply.fallback and "3 ảnh" in reply.text


def test_a_screen_at_the_end_of_the_year_is_no_last_photo(responder: Responder) -> None:
    """"màn hình cuối năm" holds "hình" and "cuối", but no photo named by its place."""
    reply = responder.answer("Người đứng đầu Tỉnh ủy Cà Mau có ngồi xem cuộc họp qua màn hình hôm cuối năm đó không?")
    assert reply.intent != "mention_photos"


@pytest.mark.parametrize("question", [
    "Người trình bày bản tóm tắt tình hình 5 năm qua là ai?",   # "tình hình": the situation, no photo 5
    "Mô hình thứ 2 mà báo cáo nêu ở điểm cầu Cà Mau là gì?",
])
def test_a_photo_word_inside_another_word_names_no_photo(responder: Responder, question: str) -> None:
    assert "3 ảnh" not in responder.answer(question).text


def test_a_task_past_the_last_says_there_are_seven(responder: Responder) -> None:
    reply = responder.answer("Em đang làm tiểu luận, nhiệm vụ thứ tám bà Mai nêu là gì ạ?")
    assert reply.fallback and "7 nhiệm vụ" in reply.text


@pytest.mark.parametrize(("question", "expected"), [
    ("phó trưởng ban dân vận trung ương hồi đó là ai", "person_nguyen_hong_linh"),  # not the Trưởng Ban
    ("Trưởng Ban Dân vận Trung ương hồi đó là ai", "person_truong_thi_mai"),        # not her deputy
    ("bí thư tỉnh ủy cà mau hồi đó là ai", "person_nguyen_tien_hai"),
    ("ông Trần Quốc Vượng là chức gì vậy", "person_tran_quoc_vuong"),  # his post, not what the post is
    # English names the post first, then whose it is
    ("who was the head of the Central Mass Mobilization Commission", "person_truong_thi_mai"),
    ("who was the secretary of the Ca Mau Provincial Party Committee", "person_nguyen_tien_hai"),
])
def test_who_holds_a_post_is_whoever_holds_it(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("có bao nhiêu điểm cầu", "event_bridge_points"),
    ("ông Vượng yêu cầu gì", "vuong_requirements_2021"),
    ("ai ký tên bài viết", "mention_byline"),
    ("cà mau có những ai dự", "camau_attendees"),
])
def test_the_conferences_own_date_and_name_before_a_question_change_nothing(responder: Responder, question: str,
                                                                           expected: str) -> None:
    """"Hội nghị tổng kết dân vận ngày 31/12/2020, …" says which conference, not what is asked."""
    assert responder.answer(question).intent == expected
    assert responder.answer(f"Hội nghị tổng kết dân vận ngày 31/12/2020, {question}").intent == expected
    assert responder.answer(f"Về hội nghị toàn quốc tổng kết công tác dân vận hôm 31/12: {question}").intent == expected
    assert responder.answer(f"Về hội nghị ngày 31/12/2020: {question}").intent == expected


@pytest.mark.parametrize("frame", ["Theo bài báo thì {}", "Trong bài tường thuật, {}", "{} Trả lời ngắn gọn giúp mình.",
                                   "Nhờ bot trả lời giúp: {}", "Bác hỏi cháu cái này nhé: {}"])
def test_framing_around_a_question_changes_nothing(responder: Responder, frame: str) -> None:
    """Where the asker points, how they want the answer, how they ask: none of it is the question."""
    for question, expected in (("ai chủ trì hội nghị", "event_chair"), ("nhiệm vụ thứ ba là gì", "mai_task_3"),
                               ("ông Vượng yêu cầu gì cho năm 2021", "vuong_requirements_2021")):
        assert responder.answer(frame.format(question)).intent == expected, frame.format(question)


@pytest.mark.parametrize(("question", "names"), [
    ("Ông Thường trực Ban Bí thư có điểm lại thành tựu cả nước không", ["Trần Quốc Vượng"]),  # his post alone
    ("ong bi thu tinh uy ca mau ngoi du o dau", ["Nguyễn Tiến Hải"]),
    ("ông phó trưởng ban dân vận trung ương đọc báo cáo gì", ["Nguyễn Hồng Lĩnh"]),
    ("Trưởng Ban Dân vận Tỉnh ủy Cà Mau là ai", []),        # nobody's post in the report
    ("bí thư có dự không", []),                               # two people's post
    ("Mai là Phó Trưởng Ban Dân vận Trung ương phải không", []),  # a claim about Mai: not the Phó Trưởng Ban
    # a post that describes another: her deputy
    ("ông cấp phó dưới quyền bà Trưởng Ban Dân vận Trung ương tên gì", ["Nguyễn Hồng Lĩnh"]),
])
def test_a_post_only_one_person_holds_names_them(responder: Responder, question: str, names: list[str]) -> None:
    assert [person.name for person in responder.matcher._people.named(question)] == names


def test_a_year_after_tasks_is_no_task_number(responder: Responder) -> None:
    """"các nhiệm vụ 2021" are the tasks for 2021, not a 2021st task beyond the seven."""
    reply = responder.answer("các nhiệm vụ 2021 là gì vậy")
    assert not reply.fallback and reply.intent == "mai_conclusion_overview", (reply.kind, reply.text[:80])


def test_a_count_the_report_gives_is_answered(responder: Responder) -> None:
    assert responder.answer("hội nghị kết nối với bao nhiêu điểm cầu").intent == "event_bridge_points"


@pytest.mark.parametrize(("question", "expected"), [
    ("Cảm ơn nhé, thông tin rất hữu ích cho bài của mình", "smalltalk_thanks"),
    ("Chào bot, bạn là ai vậy?", "smalltalk_bot_identity"),
    ("Hello! What kind of questions can you answer?", "smalltalk_help"),
    ("thôi chào bot nhé, hôm khác mình hỏi tiếp", "smalltalk_goodbye"),
])
def test_small_talk_inside_longer_messages(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).matched == expected


def test_a_greeting_does_not_hide_the_question_after_it(responder: Responder) -> None:
    assert responder.answer("Xin chào, hội nghị diễn ra khi nào?").intent == "event_date"


@pytest.mark.parametrize("question", [
    # a question too loosely worded to be answered strongly is still the point, not the greeting
    "Chào bạn, cho hỏi ngoài nhìn lại nhiệm kỳ thì hội nghị còn bàn việc của những năm nào",
    "Chao ban, mình mới vào nhóm, cho mình hỏi cái buổi họp ấy còn bàn hướng đi cho năm nào nữa",
])
def test_a_greeting_before_a_weak_question_is_no_greeting(responder: Responder, question: str) -> None:
    assert responder.answer(question).kind is not Kind.SMALLTALK


@pytest.mark.parametrize(("question", "expected"), [
    # the question is the last sentence, after the thanks
    ("Cảm ơn bot nhé. Vậy năm tới bà Trưởng ban muốn theo dõi sát tâm tư của dân vào những dịp nào?",
     {"mai_task_4", "mention_elections"}),
    # a yes/no question after "cho con hỏi"
    ("Dạ con chào bot, cho con hỏi ông Vượng có nhắc tới chuyện tiếp dân không ạ?", {"vuong_req_dialogue"}),
    # a radio host's greeting, then the listener's question relayed
    # the small talk only opens or closes the message
    ("hội nghị này ngoài tổng kết nhiệm kỳ còn tổng kết năm 2020 với triển khai nhiệm vụ năm 2021 nữa phải ko "
     "Cảm ơn bot nhiều.", {"event_purpose", "event_name", "event_overview"}),
    ("ông vượng lúc đó là ủy viên bộ chính trị vs thường trực ban bí thư phải hok mn Cảm ơn bot nhiều.",
     {"person_tran_quoc_vuong"}),
    ("Hi! were the photos of the two leaders taken in the hall, or captured from a screen?", {"mention_photos"}),
    ("Were the photos of the two leaders taken in the hall, or captured from a screen? Thanks a lot.",
     {"mention_photos"}),
    # the question after praise is decided like any other: the person named, not "no biographies"
    ("Hay quá! Thế còn ông Trần Quốc Vượng thì giữ những chức vụ gì?", {"person_tran_quoc_vuong"}),
    ("Alô, xin chào chương trình, thì có một anh thính giả ở huyện Đầm Dơi nhắn là hội nghị dân vận năm đó "
     "do ai chủ trì vậy nhỉ?", {"event_chair"}),
])
def test_small_talk_before_a_question_leaves_it_answered(responder: Responder, question: str,
                                                        expected: set[str]) -> None:
    assert responder.answer(question).intent in expected


@pytest.mark.parametrize("question", [
    "Alô, chị Út ở Đầm Dơi hỏi là hội nghị dân vận năm đó do ai chủ trì vậy?",
    "Hội nghị dân vận năm đó do ai chủ trì vậy, có bác ở Năm Căn hỏi thế?",
])
def test_where_a_relayed_question_comes_from_is_no_unknown_name(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "event_chair"


@pytest.mark.parametrize(("question", "expected"), [
    ("bot ơi", "smalltalk_greeting"),                   # only calling the bot: not an empty message
    ("ad oi", "smalltalk_greeting"),
    ("hello ad oi co ai o do ko", "smalltalk_greeting"),
    ("ok, hiểu rồi", "smalltalk_thanks"),
    ("hahaha", "smalltalk_praise"),
    ("bot tên gì thế", "smalltalk_bot_identity"),
    ("Is this an official government bot?", "smalltalk_bot_identity"),  # whose the bot is
    ("đây có phải chatbot chính thức của nhà nước không", "smalltalk_bot_identity"),
    ("Can I ask you in English?", "smalltalk_help"),
    ("ủa bot bị lỗi à", "smalltalk_complaint"),          # the bot taken for broken
    ("bot co nho toi khong", "smalltalk_bot_identity"),  # whether it remembers the asker
])
def test_short_small_talk_is_small_talk(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).matched == expected


@pytest.mark.parametrize("question", [
    "ad ơi hội nghị này tổng kết nhiệm kỳ đại hội nào vậy ạ",        # calling the bot, then the question
    "Xin lỗi làm phiền, bài tường thuật này ai đứng tên vậy?",        # a short apology, then the question
    "dân bực mình chuyện gì thì ông Vượng yêu cầu giải quyết ở đâu",  # a complaint word inside a question
    "dịch giúp mình câu này sang tiếng Anh với",                      # not about the report, not small talk
    "điểm nóng do đâu mà ra vậy, bài có nói nguyên nhân hông",        # "ra vậy" asking where from, not "I see"
])
def test_small_talk_words_inside_other_messages_do_not_make_them_small_talk(responder: Responder,
                                                                            question: str) -> None:
    assert responder.answer(question).kind is not Kind.SMALLTALK


@pytest.mark.parametrize("question", [
    "chao bot bac muon hoi chut ve cai hoi nghi dan van bot tra loi dc ko",  # announces a question
    "Xin chào, mình muốn hỏi mấy câu về bài hội nghị, bạn giúp được không?",
    "Cảm ơn bot, mình có đủ thông tin để làm báo cáo rồi",                   # "báo" is no "bao nhiêu"
    # who asks, then asking leave to ask: nothing asked yet
    "Chào bot, tôi là giáo viên về hưu, tôi hỏi vài câu về bài này được không?",
])
def test_announcing_a_question_is_still_small_talk(responder: Responder, question: str) -> None:
    assert responder.answer(question).kind is Kind.SMALLTALK


def test_evidence_against_an_answer_is_reported(responder: Responder) -> None:
    match = responder.matcher.match("Ban Dân vận Tỉnh ủy Cà Mau có bao nhiêu phòng")
    assert match.verdict is Verdict.FALLBACK and match.objection is not None


def test_a_word_with_other_diacritics_is_not_read_as_a_known_one(responder: Responder) -> None:
    """"thắt chặt" (tighten) must not count as the report's "thật" or "thất"; "nhầm" is not "nhằm"."""
    assert "that" not in responder.matcher.normalize("thắt chặt quan hệ với nước láng giềng")
    assert "nham" not in responder.matcher.normalize("em hay bị nhầm hai đại hội")
    # Fewer marks than the knowledge base's spelling is the same word typed in a hurry.
    assert "vuong" in responder.matcher.normalize("ông Vuợng nói gì")
    assert "dan" in responder.matcher.normalize("công tác dvận, dân vận")
    # A word the KB never uses, typed with its marks, is a real word: "giá vàng" is not "giá vận";
    # shorthand that is no Vietnamese syllable ("hnghị") is still corrected.
    assert "van" not in responder.matcher.normalize("giá vàng hôm nay")
    assert "hnghị" not in responder.matcher.normalize("hnghị này tổ chức ở đâu")
    # …nor is a word whose onset the spelling rules forbid before its vowel: "ngịep" is "nghiệp" mistyped.
    assert "nghiep" in responder.matcher.normalize("hỗ trợ doanh ngịep")
    assert responder.answer("ông Vượng có nói gì về doanh ngịep không").intent == "vuong_req_administration"


def test_an_english_word_is_not_corrected_into_another(responder: Responder) -> None:
    """English is typed right, with words the KB never uses: "presenting" is no "preventing", "course" no
    "discourse"; a Vietnamese name in English is still set right."""
    responder.matcher.normalize("ông Lĩnh presenting báo cáo gì")  # corrected in Vietnamese, remembered…
    assert "preventing" not in responder.matcher.normalize("Did Lĩnh take questions after presenting the report?")
    assert "vuong" in responder.matcher.normalize("What did Vuongg say?")
    reply = responder.answer("Did Vượng single out any province for praise or criticism in the course of his speech?")
    assert reply.fallback


def test_an_overview_gives_way_to_the_part_that_was_asked(kb_copy: Path) -> None:
    """The event's overview says everything at once; the format's answer, a point behind, was asked.

    Without ``covers`` the two are rivals too close to tell apart, and the overview, a point ahead, answers.
    """
    question = "BDV TW tổ chức HN tổng kết nhiệm kỳ theo hình thức trực tiếp hay trực tuyến?"
    assert Responder(load(kb_copy)).answer(question).intent == "event_format"
    events = kb_copy / "intents" / "event.yaml"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    events.write_text("".join(line for line in lines if not line.startswith("  covers: [event_date")),
                      encoding="utf-8")
    assert Responder(load(kb_copy)).answer(question).intent != "event_format"


def test_parts_alike_leave_the_overview_in_place(responder: Responder) -> None:
    """One part standing out is the answer; parts as close as each other are the overview's job."""
    rank = responder.matcher._specific_first
    alone = rank((Candidate("event_overview", 50), Candidate("event_organizer", 49), Candidate("refuse_venue", 40)))
    assert alone[0].intent_id == "event_organizer"
    alike = (Candidate("event_overview", 50), Candidate("event_date", 49), Candidate("event_organizer", 48.5))
    assert rank(alike)[0].intent_id == "event_overview"
    far = (Candidate("event_overview", 50), Candidate("event_date", 40))
    assert rank(far)[0].intent_id == "event_overview"


@pytest.mark.parametrize(("question", "names"), [
    ("Ngoài Bí thư Tỉnh ủy, những ai của tỉnh Cà Mau cùng dự?", []),  # a sentence's first word is no name
    ("Which body organized it, the Central Ban Dân vận?", []),          # English around a known name
    ("Hội nghị ở Bạc Liêu có ai dự", ["Bạc Liêu"]),
    ("hội nghị Ban Tuyên giáo TW bàn gì", ["Ban Tuyên"]),                # "Tuyên" alone is no known name
    ("Tổng Bí thư Nguyễn Phú Trọng có gửi thư không", ["Nguyễn Phú Trọng"]),
    ("Tôi làm ở Sở Nội vụ tỉnh, muốn biết ông Vượng yêu cầu gì", []),  # the asker's own office
    ("Em hỏi Tổng Bí thư Nguyễn Phú Trọng có gửi thư không", ["Nguyễn Phú Trọng"]),
    ("Thầy đang soạn giáo án GDCD lớp 12, cho thầy hỏi ai chủ trì hội nghị", []),  # a teacher's own subject
])
def test_unknown_names_are_names_the_report_lacks(responder: Responder, question: str, names: list[str]) -> None:
    assert list(responder.matcher._evidence.unknown_names(question)) == names


@pytest.mark.parametrize("question", ["chao chau, chau la ai vay", "chào anh chị ạ", "chào ad, ad là ai",
                                      "bạn là ai vậy, ai làm ra bạn thế"])
def test_small_talk_addressing_the_bot_as_people_do(responder: Responder, question: str) -> None:
    """"cháu" twice, or "anh chị" after "chào", is how the bot is addressed, not a question."""
    assert responder.answer(question).kind is Kind.SMALLTALK


@pytest.mark.parametrize(("question", "position"), [
    ("những việc năm sau được gom lại thành bảy nhiệm vụ chính phải không", None),  # seven tasks, a count
    ("trong 7 nhiệm vụ, nhiệm vụ nào nói về bầu cử", None),
    ("nhiệm vụ thứ bảy là gì", 7),
    ("what does the 4th task say", 4),
    ("the first of the seven tasks", 1),
    ("and what about the last of the seven key tasks", 7),
    ("What was the first of the seven priority tasks that Mai set?", 1),
])
def test_a_number_before_the_item_is_a_position_only_in_english(responder: Responder, question: str,
                                                                position: int | None) -> None:
    found = responder.matcher._list_items.find(responder.matcher.normalize(question), question)
    assert (found.position if found else None) == position


def test_thanks_with_more_words_but_no_question_is_thanks(responder: Responder) -> None:
    """The words after "thanks" once matched a refusal weakly, and that won over the thanks."""
    reply = responder.answer("Thanks a lot, this was really useful for my paper. Goodbye!")
    assert reply.kind is Kind.SMALLTALK


def test_an_answer_about_someone_else_is_no_rival_when_a_person_is_named(responder: Responder) -> None:
    """Mai's and Lĩnh's answers share their words (Ban Dân vận, Trung ương); the question names Mai."""
    tied = (Candidate("person_truong_thi_mai", 51), Candidate("person_nguyen_hong_linh", 51),
            Candidate("mai_conclusion_overview", 40))
    verdict, _ = _decide(responder, "bà Mai là trưởng BDV TW hả, còn giữ chức gì nữa", tied)
    assert verdict is Verdict.ANSWER
    verdict, _ = _decide(responder, "lãnh đạo ban là ai, còn giữ chức gì nữa", tied)
    assert verdict is not Verdict.ANSWER  # nobody named: the two are rivals


@pytest.mark.parametrize("question", ["trưởng ban là ai", "Tôi làm ở Sở Nội vụ tỉnh, trưởng ban dân vận là ai"])
def test_a_plain_word_in_a_message_typed_with_marks_is_no_small_talk_cue(responder: Responder,
                                                                        question: str) -> None:
    """"ban" here is the Ban (commission); the cue "bạn là ai" asks who the bot is."""
    assert responder.answer(question).kind is not Kind.SMALLTALK


def test_the_askers_introduction_does_not_weigh_against_the_answer(responder: Responder) -> None:
    """Unknown words of a thesis topic used to outweigh the question after the colon."""
    reply = responder.answer("For my thesis on participatory governance in Southeast Asia: which forms of "
                             "democracy did the report say dân vận work helped promote?")
    assert reply.intent == "finding_democracy"


def test_without_delay_is_no_question_of_how_long(responder: Responder) -> None:
    """"không để kéo dài" (without letting it drag on) used to read as "how long?" and refuse."""
    reply = responder.answer("ông Vượng có nói phải giải quyết bức xúc của dân ngay ở cơ sở, không để kéo dài không")
    assert reply.intent == "vuong_req_grassroots_democracy"


def test_an_introduction_that_names_the_item_is_part_of_the_question(responder: Responder) -> None:
    """"For my paper I need the second task…." says who asks *and* what: it must not be dropped."""
    reply = responder.answer("For my essay I need the second task from Mai's closing speech. What does it involve?")
    assert reply.intent == "mai_task_2"


def test_a_question_about_today_gets_the_titles_as_of_the_conference(responder: Responder) -> None:
    """The person's answer says "tại thời điểm Hội nghị (31/12/2020)": it may answer "hiện nay"."""
    reply = responder.answer("bà Trương Thị Mai hiện nay giữ chức gì")
    assert reply.intent == "person_truong_thi_mai" and "thời điểm" in reply.text


@pytest.mark.parametrize(("question", "expected"), [
    ("Hội nghị cuối năm 2020 đó triển khai nhiệm vụ cho năm 2022 đúng không?", "event_purpose"),
    ("hội nghị trực tuyến kết nối với 65 điểm cầu ở các tỉnh, thành phố phải không", "event_bridge_points"),
])
def test_a_claim_with_a_wrong_number_gets_the_answer_with_the_right_one(responder: Responder, question: str,
                                                                      expected: str) -> None:
    """Checking a claim is no question about another subject; the answer gives the right number."""
    assert responder.answer(question).intent == expected


def test_another_number_without_a_claim_is_still_another_subject(responder: Responder) -> None:
    assert responder.answer("hội nghị năm 2019 có những ai dự").fallback


@pytest.mark.parametrize(("question", "expected"), [
    ("Hello! What sort of questions can you help me with?", "smalltalk_help"),       # a stray "with" left
    ("Trả lời gì mà dài dòng khó hiểu quá, bot kém thật", "smalltalk_complaint"),   # more talk than question
])
def test_what_is_left_beside_small_talk_must_be_a_question_of_its_own(responder: Responder, question: str,
                                                                      expected: str) -> None:
    assert responder.answer(question).matched == expected


def test_a_close_refusal_keeps_a_question_only_it_explains(responder: Responder) -> None:
    """"bị hoãn" (postponed) is a premise the refusal corrects; the purpose answer it ties with lacks it."""
    reply = responder.answer("Vì sao hội nghị dân vận toàn quốc lại bị hoãn sang đầu năm 2021 vậy?")
    assert reply.fallback


@pytest.mark.parametrize(("question", "expected"), [
    ("Hi, I am a researcher from Germany. Who chaired the conference?", "event_chair"),
    ("Hello, I am a student from Japan studying politics. How many bridge points were there?",
     "event_bridge_points"),
    ("Hi! I'm a teacher from France. When was the conference held?", "event_date"),
])
def test_where_the_asker_comes_from_is_no_country_asked_about(responder: Responder, question: str,
                                                              expected: str) -> None:
    """A country in a greeting's introduction says who asks; the question after it is answered."""
    assert responder.answer(question).intent == expected


def test_a_question_about_the_askers_own_province_is_still_about_that_province(responder: Responder) -> None:
    assert responder.answer("Tôi là cán bộ Kiên Giang, điểm cầu tỉnh tôi có ai dự?").fallback


@pytest.mark.parametrize(("question", "expected"), [
    # where the asker lives, in a clause after the question that asks nothing
    ("hoi nghi co nhac toi dan van vung bien gioi khong con, ba o An Phu sat Campuchia", "finding_border_diplomacy"),
    ("Bài có nói gì về đối ngoại nhân dân ở vùng biên không, xã tôi giáp Campuchia", "finding_border_diplomacy"),
])
def test_a_place_named_in_passing_after_the_question_is_no_subject(responder: Responder, question: str,
                                                                  expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_only_a_place_is_a_choice_beside_a_place_the_report_names(responder: Responder) -> None:
    """"ở Cà Mau hay các chùa Khmer" offers no other place: the community is still what is asked."""
    assert responder.answer("Bài có nói riêng về bà con Khmer ở Cà Mau hay các chùa Khmer không?").fallback
    assert responder.answer("Điểm cầu trung tâm đặt ở Hà Nội hay TP HCM?").intent == "event_bridge_points"


@pytest.mark.parametrize("question", [
    "Bài có nói gì về Campuchia không?",
    "Hội nghị có nhắc tới tỉnh Lạng Sơn không, quê tôi ở đó",
])
def test_a_place_asked_about_is_still_out_of_scope(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


def test_a_term_quoted_in_the_introduction_is_what_is_asked_about(responder: Responder) -> None:
    reply = responder.answer('I am a student and don\'t get the phrase "điểm nóng". What does the report say?')
    assert reply.intent == "finding_hot_spots"


@pytest.mark.parametrize(("question", "expected"), [
    ("Chuyện bầu cử Quốc hội khóa XV nằm ở nhiệm vụ số mấy?", "mai_task_4"),
    ("Việc tổng kết các chương trình phối hợp là nhiệm vụ thứ mấy?", "mai_task_3"),
    ("Trong phần giao việc năm sau, chuyện làng quê khang trang, bớt hộ nghèo nằm ở ý nào?", "mai_task_5"),
])
def test_asking_which_task_something_is_gets_the_numbered_task(responder: Responder, question: str,
                                                               expected: str) -> None:
    """The numbered task gives its place; a mention of the same subject elsewhere does not."""
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Hội nghị toàn quốc tổng kết công tác dân vận nhiệm kỳ Đại hội XII do ai tổ chức?", "event_organizer"),
    ("Hội nghị tổng kết công tác dân vận nhiệm kỳ Đại hội 12 có bao nhiêu điểm cầu?", "event_bridge_points"),
    ("When was the national review conference for the 12th Congress term held, please?", "event_date"),
    # the term as people say it, in a sentence of context before the question
    ("Con đang ôn thi viên chức tỉnh, mục thời sự có nhắc hội nghị tổng kết dân vận nhiệm kỳ khóa XII. Cho con hỏi "
     "hội nghị ấy diễn ra vào ngày nào và do cơ quan nào đứng ra tổ chức ạ?", "event_overview"),
])
def test_the_conferences_full_name_with_its_term_is_context(responder: Responder, question: str,
                                                            expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize("question", ["Hey, what kinds of questions can you answer?", "What can this bot do for me?",
                                      "bot có biết nói chuyện không",
                                      "Bạn là chatbot của báo hả, bạn trả lời được những loại câu hỏi nào?"])
def test_asking_what_the_bot_can_do_gets_the_help(responder: Responder, question: str) -> None:
    assert responder.answer(question).matched == "smalltalk_help"


def test_what_someone_who_only_attended_said_is_not_in_the_report(responder: Responder) -> None:
    """Nguyễn Tiến Hải attended; the answer naming him as Cà Mau's first attendee reports no words of his."""
    reply = responder.answer("Đồng chí Nguyễn Tiến Hải, Bí thư Tỉnh ủy, có phát biểu gì ở điểm cầu Cà Mau không?")
    assert reply.fallback or reply.intent == "refuse_camau_own_work"


@pytest.mark.parametrize("question", [
    "Hội nghị trực tuyến dùng phần mềm gì để kết nối 63 điểm cầu?",
    "What budget did the conference set aside for dân vận work in 2021?",
])
def test_a_kind_of_detail_the_report_never_gives_is_refused(responder: Responder, question: str) -> None:
    """Software, a budget: the format's or the orientation's answer shares the words, not the detail."""
    match = responder.matcher.match(question)
    assert match.verdict is Verdict.FALLBACK and match.objection is not None


@pytest.mark.parametrize(("question", "expected"), [
    ("What motto did Vuong give officials?", "vuong_req_noi_it_lam_nhieu"),
    ("Was the conference held physically or virtually?", "event_format"),
])
def test_everyday_english_for_the_reports_terms(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Mình đọc ở đâu đó rằng bà Mai là Phó Trưởng Ban, đúng không?", {"person_truong_thi_mai"}),  # "somewhere"
    # where in the report, not where it was held
    ("Bài có nhắc tới nhiệm kỳ 2021 - 2026 ở chỗ nào trong bài không?",
     {"event_term_orientation", "report_overview", "event_purpose", "Verdict.CLARIFY"}),
])
def test_where_in_the_report_or_somewhere_asks_no_place(responder: Responder, question: str,
                                                        expected: set[str]) -> None:
    match = responder.matcher.match(question)
    assert match.objection is None
    assert (match.candidates[0].intent_id if match.verdict is not Verdict.CLARIFY else str(match.verdict)) in expected


def test_evidence_cues_are_spelt_as_written(responder: Responder) -> None:
    """"ở đầu hội nghị" (at its start) folds like "ở đâu" (where) but asks no place."""
    assert responder.matcher._evidence.asks("Ai phát biểu ở đầu hội nghị?") == set()
    assert responder.matcher._evidence.asks("Điểm cầu Cà Mau đặt ở đâu?")
    assert responder.matcher._evidence.asks("diem cau ca mau dat o dau")  # typed without marks: any spelling


@pytest.mark.parametrize(("question", "expected"), [
    ("Nhiệm kỳ mới là 2021 - 2026 hay 2021 - 2025?", "event_term_orientation"),
    ("Báo cáo định hướng cho giai đoạn 2021 - 2026 hay 2021 - 2030?", "event_term_orientation"),
    ("Bài nhắc bầu cử Quốc hội khóa XIV hay khóa XV?", "mention_elections"),  # numbers written in Roman
])
def test_alternatives_one_of_which_the_report_holds_are_a_claim_to_check(responder: Responder, question: str,
                                                                          expected: str) -> None:
    """The other alternative's number is no other subject: the answer gives the right one."""
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize("question", ["Who represented Ca Mau province at the meeting, and what was his position?",
                                      "Who attended for Ca Mau province, and what is his post?"])
def test_the_person_asked_about_at_a_place_is_the_one_whose_answer_names_it(responder: Responder,
                                                                             question: str) -> None:
    """Nguyễn Hồng Lĩnh's answer shares the words, but only Nguyễn Tiến Hải's says Cà Mau."""
    assert responder.answer(question).intent in {"person_nguyen_tien_hai", "camau_leader"}


@pytest.mark.parametrize("question", ["Sau hội nghị, tỉnh Cà Mau đã ra nghị quyết gì để thực hiện?",
                                      "Sau hội nghị này có ai bị kỷ luật không?"])
def test_what_happened_after_the_conference_is_not_in_the_report(responder: Responder, question: str) -> None:
    match = responder.matcher.match(question)
    assert match.verdict is Verdict.FALLBACK and match.objection is not None


def test_the_tasks_after_the_conference_are_still_the_tasks(responder: Responder) -> None:
    assert responder.answer("Sau hội nghị, năm 2021 cần làm những việc gì?").intent == "mai_conclusion_overview"


@pytest.mark.parametrize(("question", "expected"), [
    ("Cho mình hỏi buổi họp tổng kết công tác vận động nhân dân cả nước hồi cuối năm 2020 do cơ quan nào tổ chức?",
     "event_organizer"),
    ("Cuộc họp về vận động quần chúng hôm cuối năm 2020 nối mạng với bao nhiêu tỉnh thành?", "event_bridge_points"),
    ("Cho mình hỏi hội nghị tổng kết nhiệm kỳ XII được tổ chức theo hình thức nào?", "event_format"),  # by its term
    ("hội nghị tổng kết nhiệm kỳ đại hội 12 do ai tổ chức vậy", "event_organizer"),
    ("hoi nghi hom 31 thang 12 nam 2020 do co quan nao to chuc", "event_organizer"),  # the date in words
    ("ai là người chủ trì cuộc họp về vận động quần chúng hồi cuối năm 2020", "event_chair"),  # described last
    ("ai phát biểu kết luận hội nghị tổng kết dân vận nhiệm kỳ 12", "person_truong_thi_mai"),  # the speaker
    # a number after the description: the years are compared, the description stays
    ("Hội nghị cuối năm 2020 đó triển khai nhiệm vụ cho năm 2022 đúng không?", "event_purpose"),
])
def test_the_conference_described_by_its_time_is_context(responder: Responder, question: str, expected: str) -> None:
    """Described in everyday words, the conference is which one; what follows is what is asked."""
    assert responder.answer(question).intent == expected


def test_asking_for_a_translation_of_an_answer_is_still_the_question(responder: Responder) -> None:
    """"translate it" asks for the name in English, not for a translation service."""
    assert responder.answer("What is the conference's full name? Please translate it into English.").intent == \
        "event_name"


@pytest.mark.parametrize("question", [
    "Em đang làm tiểu luận về người có đạo, cho em hỏi hội nghị nói gì về vấn đề này?",
    "Mình viết bài về bà con dân tộc thiểu số, bài báo nhận xét ra sao về đối tượng này?",
])
def test_a_question_pointing_back_to_its_introduction_keeps_its_subject(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "finding_ethnic_religious_overseas"


def test_what_someone_remembers_is_part_of_the_question(responder: Responder) -> None:
    """"Tôi nhớ là …" says what is asked about, not who asks."""
    question = "Tôi nhớ là có một nhiệm vụ về nắm tình hình nhân dân trước bầu cử, đó là nhiệm vụ số mấy?"
    assert responder.answer(question).intent == "mai_task_4"


def test_a_number_heard_second_hand_is_a_claim_to_check(responder: Responder) -> None:
    assert responder.answer("hội nghị nối bn điểm cầu z, nghe ns 70").intent == "event_bridge_points"


def test_initials_and_shorthand_of_notes_are_understood(responder: Responder) -> None:
    """"TQV" is Trần Quốc Vượng, "đp" địa phương, as people write them in notes and chats."""
    reply = responder.answer("đ/c TQV có nói gì về phối hợp với chính quyền các đp ko")
    assert reply.intent == "vuong_req_coordination"


def test_a_quoted_term_says_what_is_asked_about(responder: Responder) -> None:
    question = "The article talks about 'người có uy tín'. Who are they and what does it say about them?"
    assert responder.answer(question).intent == "finding_ethnic_religious_overseas"


def test_a_quoted_term_does_not_answer_a_count_the_report_lacks(responder: Responder) -> None:
    assert responder.answer("How many 'Dân vận khéo' models were recognized nationwide?").fallback


@pytest.mark.parametrize("question", ["bot trả lời chậm thế, có nhanh hơn được không",
                                      "bot trả lời dài quá, đọc mỏi mắt",
                                      "That was confusing, can you say it more simply?"])
def test_complaints_about_speed_or_clarity_are_complaints(responder: Responder, question: str) -> None:
    assert responder.answer(question).matched == "smalltalk_complaint"


def test_finding_something_hard_before_a_question_leaves_the_question(responder: Responder) -> None:
    assert responder.answer("Em thấy khó hiểu, điểm nóng trong báo cáo là gì vậy?").intent == "finding_hot_spots"


def test_a_weak_leader_two_points_clear_of_an_unrelated_rival_is_answered(responder: Responder) -> None:
    """Nothing speaks against it: the evidence checks refuse the near misses, so two points are enough."""
    text = "hội nghị diễn ra thế nào"
    close, closer = Candidate("mai_task_3", 35.9), Candidate("mai_task_3", 36.5)
    assert _decide(responder, text, (Candidate("event_format", 38.0), close))[0] is Verdict.ANSWER
    assert _decide(responder, text, (Candidate("event_format", 38.0), closer))[0] is Verdict.FALLBACK


def test_a_two_part_question_gets_the_answer_able_to_give_the_kind_asked(responder: Responder) -> None:
    """The format's answer is nearest in words but gives no date; the date's answer is close behind."""
    assert responder.answer("Hội nghị diễn ra vào ngày nào, và họp trực tiếp hay trực tuyến?").intent == "event_date"
    assert responder.answer("Đại hội Đảng lần thứ XIII diễn ra ở đâu và vào lúc nào?").fallback  # still refused


def test_small_talk_words_are_counted_once_however_many_cues_hold_them(responder: Responder) -> None:
    """"con cảm ơn", "cảm ơn bot nhiều" and "cảm ơn" overlap: five words of thanks, not nine."""
    assert responder.answer("hội nghị do cơ quan nào tổ chức vậy con Cảm ơn bot nhiều.").intent == "event_organizer"


def test_thanks_a_lot_after_a_question_closes_it(responder: Responder) -> None:
    reply = responder.answer("Could you list the seven tasks from the closing speech? Thanks a lot.")
    assert reply.kind is not Kind.SMALLTALK


def test_a_length_asked_in_minutes_is_not_answered_in_years(responder: Responder) -> None:
    """The speech's answers speak of the five-year term, which is no length in minutes."""
    assert responder.answer("Bài phát biểu chỉ đạo của đồng chí Vượng kéo dài bao nhiêu phút?").fallback


def test_why_the_asker_asks_said_at_the_end_is_no_part_of_the_question(responder: Responder) -> None:
    reply = responder.answer("hội nghị dân vận kết nối bao nhiu đ cầu vậy, e làm bài thi tìm hiểu của trường")
    assert reply.intent == "event_bridge_points"


def test_an_organisation_that_says_who_asks_is_no_subject(responder: Responder) -> None:
    reply = responder.answer("Our NGO works with farmers. What did the report say about grassroots democracy?")
    assert reply.intent in {"vuong_req_grassroots_democracy", "finding_democracy"}


def test_english_titles_between_known_names_make_no_unknown_name(responder: Responder) -> None:
    evidence = responder.matcher._evidence
    assert evidence.unknown_names("Did the Cà Mau Provincial Party Secretary Nguyễn Tiến Hải attend in Hanoi?") == ()
    assert evidence.unknown_names("Did General Secretary Nguyễn Phú Trọng attend?") != ()


def test_the_conferences_name_after_ve_is_context_with_its_term(responder: Responder) -> None:
    question = "Ai ký tên cuối bài viết về hội nghị tổng kết công tác dân vận nhiệm kỳ Đại hội XII?"
    assert responder.answer(question).intent == "mention_byline"


@pytest.mark.parametrize(("question", "expected"), [
    ("bai bao co noi ve nong thon moi ko, noi o cho nao", {"mai_task_5"}),           # where in the text
    ("For the year after the meeting, what was asked about the Fatherland Front?",  # next year, not later events
     {"mai_conclusion_overview", "mai_task_6", "vuong_req_front_renewal"}),
    ("hn tổng kết nk 12 do BDV TW tổ chức fai ko", {"event_organizer"}),             # "nk", "fai"
])
def test_more_ways_people_type_are_read_right(responder: Responder, question: str, expected: set[str]) -> None:
    assert responder.answer(question).intent in expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Apart from the provincial Party Secretary, which other officials were at the Ca Mau bridge point?",
     "camau_attendees"),
    ("Vậy còn ông Vượng, ngoài chuyện nói ít làm nhiều, ông có nhắc tới mô hình Dân vận khéo không?",
     "vuong_req_emulation"),
    ("bc có nói j về người VN ở nước ngoài ko", "finding_ethnic_religious_overseas"),  # "nước ngoài" sets nothing aside
])
def test_what_a_question_sets_aside_is_not_what_it_asks(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "names"), [
    ("Is Nguyễn Hồng Lĩnh a deputy head of the Central Dân vận Commission?", []),  # "vận" is the name's too
    ("Tóm tắt giúp tôi các nhiệm vụ năm 2021 để báo cáo Ban Thường trực.", []),
    ("Ông Lê Văn Thành có dự không", ["Lê Văn Thành"]),                          # "có" is no part of a name
])
def test_a_names_later_words_in_lower_case_belong_to_it(responder: Responder, question: str,
                                                        names: list[str]) -> None:
    assert list(responder.matcher._evidence.unknown_names(question)) == names


def test_an_overview_of_an_overview_is_no_rival(responder: Responder) -> None:
    """Vượng's speech sums up his requirements, which sum up human rights: it is no other answer."""
    question = "Did Vượng's speech say anything about human rights?"
    close = (Candidate("vuong_req_human_rights", 39.4), Candidate("vuong_speech_overview", 38.2))
    assert _decide(responder, question, close) == (Verdict.ANSWER, None)


@pytest.mark.parametrize(("question", "expected"), [
    ("chào cháu, bác hỏi mấy điều về cái hội nghị đó được ko", "smalltalk_help"),
    ("Xin chào, cho mình hỏi về hội nghị với", "smalltalk_help"),
    ("Xin chào, tôi muốn hỏi vài điều về bài viết này", "smalltalk_help"),
    ("mik hỏi vài câu đc hông", "smalltalk_help"),                       # how much is asked is no subject
    ("cho bác hỏi về nhiệm vụ thứ năm được ko", "mai_task_5"),        # asks leave, and names what
    ("em hỏi ai chủ trì hội nghị được không", "event_chair"),         # asks leave, and asks who
])
def test_asking_leave_to_ask_gets_what_the_bot_can_answer(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("mấy vị lãnh đạo có nói gì về bà con có đạo không vậy", "finding_ethnic_religious_overseas"),
    ("Trên trung ương có dặn gì về chuyện lo cho dân nghèo dưới quê không?", "mai_task_5"),
])
def test_everyday_words_for_the_reports_terms(responder: Responder, question: str, expected: str) -> None:
    """The glossary in synonyms.yaml: "bà con có đạo" is "đồng bào có đạo", "dân nghèo" is poverty reduction."""
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("người Khmer và đồng bào dân tộc thiểu số có được nhắc tới trong bài không", "finding_ethnic_religious_overseas"),
    ("HLHPN huyện cần biết ông Vượng yêu cầu gì với MTTQ và các đoàn thể", "vuong_req_front_renewal"),
])
def test_groups_and_unions_by_their_everyday_names(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_another_city_offered_beside_one_the_report_names_is_a_choice(responder: Responder) -> None:
    assert responder.answer("điểm cầu chính của hội nghị ở Hà Nội hay TP HCM vậy").intent == "event_bridge_points"
    assert responder.answer("Hội nghị có điểm cầu ở TP HCM không").fallback  # no choice offered: another city


@pytest.mark.parametrize(("question", "expected"), [
    ("What did Vượng have in mind when he asked cadres to talk less and do more?", "vuong_req_noi_it_lam_nhieu"),
    ("Could you tell me when the conference was held?", "event_date"),   # "when" asked for
    ("The conference was held when?", "event_date"),
    # A clause it opens, then the question: which groups, not when.
    ("When the report speaks of changed awareness and responsibility for dân vận, which groups does it list?",
     "finding_awareness"),
    ("When, exactly, was the conference held?", "event_date"),
])
def test_when_that_joins_two_clauses_asks_no_time(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_a_question_about_one_person_gets_a_persons_answer(responder: Responder) -> None:
    """Not the list of bodies at the bridge point, close as its words are."""
    question = "Who represented Ca Mau at the provincial bridge point, and what was his title?"
    assert responder.answer(question).intent == "person_nguyen_tien_hai"


def test_a_leader_near_the_accept_score_needs_a_smaller_lead(responder: Responder) -> None:
    """Halfway from weak_score to accept_score, a lead of one point answers; lower, it takes two."""
    question = "báo cáo nói gì về các hình thức dân chủ"
    near = (Candidate("finding_democracy", 45.0), Candidate("vuong_req_dialogue", 43.8))
    low = (Candidate("finding_democracy", 35.0), Candidate("vuong_req_dialogue", 33.8))
    assert _decide(responder, question, near) == (Verdict.ANSWER, None)
    assert _decide(responder, question, low) == (Verdict.FALLBACK, None)


def test_a_question_naming_a_speech_gets_the_answer_in_its_words(responder: Responder) -> None:
    """Vượng also spoke of the Front's renewal, in words closer to these; the conclusion is Mai's."""
    question = "What does the conclusion ask the Fatherland Front and the socio-political organisations to change?"
    assert responder.answer(question).intent == "mai_task_6"


@pytest.mark.parametrize("question", [
    "Besides the provincial Party Secretary, which other Ca Mau agencies were represented at the bridge point?",
    "Ngoài đồng chí Bí thư Tỉnh ủy, tại điểm cầu Cà Mau còn những cơ quan, đơn vị nào của tỉnh cùng dự?",
])
def test_who_else_besides_someone_gets_the_whole_list(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "camau_attendees"


@pytest.mark.parametrize("question", [
    "Theo ông Vượng, những vụ việc bức xúc của dân phải được xử lý khi nào và ở cấp nào?",
    "When and where did Vuong say pressing local issues should be handled?",
])
def test_right_away_answers_when(responder: Responder, question: str) -> None:
    """"xử lý ngay … ngay từ cơ sở" says when (at once) and where (at the grassroots)."""
    assert responder.answer(question).intent == "vuong_req_grassroots_democracy"


def test_who_gave_a_speech_is_its_speakers_answer_whoever_else_is_named(responder: Responder) -> None:
    """Vượng is named, but the summary report is Nguyễn Hồng Lĩnh's: who gave what corrects the premise."""
    question = "Có phải ông Vượng trình bày báo cáo tổng kết công tác dân vận nhiệm kỳ XII không?"
    assert responder.answer(question).intent == "people_speakers"


@pytest.mark.parametrize(("question", "expected"), [
    # the asker's own association ("Hội …" is no "hỏi") and "chị" introducing herself are who asks
    ("Chào bot, chị công tác ở Hội Liên hiệp Phụ nữ huyện. Hội nghị này diễn ra ngày nào vậy?", "event_date"),
    ("Tôi làm ở Hội Cựu chiến binh tỉnh. Cho hỏi hội nghị diễn ra hôm nào?", "event_date"),
    # "xa quê ở nước ngoài" asks nobody's home town
    ("Báo cáo nói gì về bà con sống xa quê ở nước ngoài?", "finding_ethnic_religious_overseas"),
])
def test_who_asks_and_where_people_live_are_no_question_of_their_own(responder: Responder, question: str,
                                                                      expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    # the speech named in everyday words ("chốt lại", "bế mạc" are the conclusion), as the matcher reads it
    ("Xác nhận giúp: người phát biểu chốt lại hội nghị là ông Vượng phải không?", "person_truong_thi_mai"),
    ("Trong phần bế mạc, việc theo dõi kiến nghị của dân có được giải quyết không nằm ở điểm nào?", "mai_task_6"),
    # who read the five-year review before the country: its reader, not the leader who directed
    ("người đứng ra đọc bản đánh giá 5 năm trước cả nước hôm đó là ai và giữ cương vị gì", "report_overview"),
])
def test_a_speech_named_in_other_words_is_still_that_speech(responder: Responder, question: str,
                                                             expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    # typed without diacritics, or opened with "Dạ": still only who asks, and where they live (Huế) is no subject
    ("Em la sinh vien o Hue, cho em hoi hoi nghi dien ra ngay nao", "event_date"),
    ("Dạ cháu là giáo viên ở Huế, cho cháu hỏi nhiệm vụ thứ hai trong phần kết luận là gì ạ?", "mai_task_2"),
])
def test_an_introduction_without_marks_or_after_da_only_says_who_asks(responder: Responder, question: str,
                                                                       expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_thanks_to_is_because_of_not_thanks(responder: Responder) -> None:
    question = ("Is it true Vuong said the successes of recent years were partly thanks to the mass mobilization "
                "work of the whole political system?")
    assert responder.answer(question).intent == "vuong_speech_overview"


@pytest.mark.parametrize(("question", "expected"), [
    # a name the report lacks, offered as the answer to check, is the premise the answer corrects
    ("Which agency organised the conference? Our draft says the Central Inspection Commission.", "event_organizer"),
    # "can you confirm" checks a claim: the date the report gives corrects the 30th
    ("Can you confirm the conference took place on 30 December 2020?", "event_date"),
])
def test_a_claim_offered_to_check_gets_the_answer_that_corrects_it(responder: Responder, question: str,
                                                                     expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_a_speech_told_before_the_question_does_not_make_it_about_the_speech(responder: Responder) -> None:
    """Where he sat is his own answer, though the sentence before says he gave the directing speech."""
    question = ("Bản tin viết vị lãnh đạo thường trực Ban Bí thư phát biểu chỉ đạo từ một điểm cầu tỉnh. "
                "Bài gốc nói ông ngồi ở đâu?")
    assert responder.answer(question).intent == "person_tran_quoc_vuong"


def test_a_pronoun_after_an_aside_points_back_to_the_person_named_before(responder: Responder) -> None:
    """A remark on the answer's length ("dài quá") between the name and "ông" still leaves him the one asked of."""
    question = ("Hôm trước tôi thấy ông Nguyễn Tiến Hải trên báo. "
                "Cho tôi hỏi lúc hội nghị ông giữ những chức vụ gì, dài quá tôi không nhớ hết?")
    assert responder.answer(question).intent == "person_nguyen_tien_hai"


def test_a_question_after_asking_for_a_language_is_answered(responder: Responder) -> None:
    """"Could you answer in English, …?" asks for the language and then the question: the answer, not the help text."""
    reply = responder.answer("Can you reply in English, who gave the closing speech? I need it for slides.")
    assert reply.intent in {"person_truong_thi_mai", "mai_conclusion_overview"}


def test_what_the_conference_said_beside_an_election_body_is_no_attendee_speaking(responder: Responder) -> None:
    """The councils elected in 2021 named before "hội nghị có nói gì" are no Cà Mau attendees asked to have spoken."""
    reply = responder.answer("Năm 2021 bầu Quốc hội và Hội đồng nhân dân các cấp, vậy hội nghị có nói gì về việc "
                             "nắm tình hình nhân dân không?")
    assert reply.intent in {"mai_task_4", "mention_elections"}


def test_overseas_vietnamese_in_everyday_english(responder: Responder) -> None:
    """"people who live in other countries" are the overseas Vietnamese the findings speak of."""
    reply = responder.answer("Does the report mention Vietnamese people who live in other countries?")
    assert reply.intent == "finding_ethnic_religious_overseas"


def test_who_hosted_it_is_who_organized_it(responder: Responder) -> None:
    """Only an answer saying who organized the conference rivals the organizer's: not where, nor who wrote it up."""
    assert responder.answer("Which organization convened the meeting?").intent == "event_organizer"


def test_a_name_the_report_lacks_asked_about_is_still_refused(responder: Responder) -> None:
    """A claim is checked, but no "who" or "which" is asked: the unknown body is the subject."""
    assert responder.answer("Đại diện Ban Tuyên giáo Trung ương nói gì ở hội nghị, có phải về báo chí không?").fallback


def test_who_gave_a_speech_may_be_answered_by_the_list_of_who_spoke(responder: Responder) -> None:
    """Hải gave no speech: the answer about him is no reply; the list of speakers corrects the premise."""
    question = "The draft says Nguyen Tien Hai delivered the concluding speech of the conference. Is that right?"
    assert responder.answer(question).intent == "people_speakers"


def test_a_speech_named_as_the_source_asks_what_it_says_not_who_gave_it(responder: Responder) -> None:
    question = ("Theo báo cáo tóm tắt, công tác dân vận đã nâng ý thức trách nhiệm của những ai "
                "trong hệ thống chính trị?")
    assert responder.answer(question).intent == "finding_awareness"


def test_the_reports_own_name_for_the_tasks_names_an_item(responder: Responder) -> None:
    question = ("Trong phần kết luận, đồng chí Trương Thị Mai nêu nhiệm vụ trọng tâm thứ sáu là gì, "
                "có liên quan đến Mặt trận Tổ quốc không?")
    assert responder.answer(question).intent == "mai_task_6"


@pytest.mark.parametrize("question", [
    "mặt trận và các đoàn thể phải đổi mới gì theo lời bà Mai",
    "các hội như hội phụ nữ, đoàn thanh niên phải thay đổi gì theo lời bà Trương Thị Mai",
])
def test_a_requirement_that_only_refers_to_someone_is_not_about_them(responder: Responder, question: str) -> None:
    """Vượng's requirement on the Front mentions Mai's task 6; asked what Mai said, her task answers."""
    assert responder.answer(question).intent == "mai_task_6"


@pytest.mark.parametrize(("question", "expected"), [
    ("người Việt sống nơi đất khách được báo cáo nhắc thế nào", "finding_ethnic_religious_overseas"),
    ("Vuong said something like speak little do much, what exactly?", "vuong_req_noi_it_lam_nhieu"),
])
def test_abroad_and_the_slogan_in_other_words(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize("question", [
    "báo cáo tổng kết nêu những yếu kém, khuyết điểm nào của công tác dân vận",
    "mỗi xã được hỗ trợ bn tiền để làm dân vận vậy ông Vượng có nói ko",
    "What were the weak points of mass mobilization work in those five years?",
])
def test_weaknesses_and_sums_the_report_never_gives_are_refused(responder: Responder, question: str) -> None:
    """The report lists achievements only, and no sums: "bn tiền" asks how much ("bn" is "bao nhiêu")."""
    assert responder.answer(question).fallback


def test_naming_someone_does_not_make_a_weak_match_answerable(responder: Responder) -> None:
    """Mai's answer goes first because she is named, but the question is still far from every answer."""
    question = ("Did Ms Truong Thi Mai quote a famous saying of Ho Chi Minh about the people? "
                "I would like the exact wording.")
    assert responder.answer(question).fallback


@pytest.mark.parametrize(("question", "expected"), [
    ("Chào bạn, tôi là cán bộ mặt trận xã, bạn giúp được tôi những gì?", "smalltalk_help"),
    ("bạn giúp tôi được gì về nhiệm vụ thứ 3", "mai_task_3"),  # a real question after the cue still wins
    # the cues typed in chat shorthand ("dc" for "được", "j" for "gì")
    ("ad oi bot lam dc j", "smalltalk_help"),
    ("ê bot, bot giúp đc j cho tui z", "smalltalk_help"),
])
def test_asking_what_the_bot_can_help_with(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("cheers, catch you later", "smalltalk_goodbye"),
    ("Are you sure about that? I need it to be exact.", "smalltalk_bot_identity"),  # it answers from the report
])
def test_everyday_small_talk_and_doubt(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Did anyone at the meeting mention protecting people's rights as humans and as citizens, and who said it?",
     "vuong_req_human_rights"),
    ("Who was the second-in-command of the party's outreach department at the meeting?", "person_nguyen_hong_linh"),
])
def test_everyday_english_for_rights_and_posts(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_could_you_is_a_polite_request_not_a_question_about_the_bot(responder: Responder) -> None:
    """"Could you …" speaks to the bot only to ask; the thanks after the question closes it."""
    question = "Would you explain what Vuong asked about corruption? Thanks a lot."
    assert responder.answer(question).intent == "vuong_req_corruption"


@pytest.mark.parametrize(("question", "expected"), [
    # a refusal of biographies asked no age or past post: the named person's own answer gives his posts
    ("Tôi muốn hỏi đồng chí Trần Quốc Vượng giữ những chức vụ gì?", "person_tran_quoc_vuong"),
    # a refusal of reasons ("vì sao trực tuyến"), asked no reason: the format's answer
    ("bài có nói hội nghị được tổ chức theo hình thức trực tuyến hay tập trung không?", "event_format"),
])
def test_a_refusal_of_what_was_not_asked_yields(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize("question", [
    "ông Vượng nói chỉ đạo bao nhiu phút vậy",
    "ong hai bi thu ca mau nam nay bn tuoi vay",
])
def test_lengths_and_ages_typed_in_shorthand_are_still_asked(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


@pytest.mark.parametrize("question", [
    "Is it true that Trần Quốc Vượng spoke for two hours?",  # "two hours" asks how long, without "how long"
    "How long did Trần Quốc Vượng talk at the meeting?",  # minutes or hours: "the past five years" is none
])
def test_how_long_someone_spoke_is_a_length_the_report_never_gives(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


@pytest.mark.parametrize("question", [
    "Bà Mai có biểu dương riêng tỉnh Cà Mau không?",
    "ông Vượng có đặt hạn chót cho việc sửa đổi chương trình hành động không",
])
def test_praise_for_one_province_and_deadlines_are_never_given(responder: Responder, question: str) -> None:
    """The report commends no province and sets no deadline: the honest reply, not the nearest speech."""
    assert responder.answer(question).fallback


@pytest.mark.parametrize(("question", "expected"), [
    # evaluating the officials who receive citizens is Vượng's point on corruption, not on dialogue
    ("Regarding the assessment of civil servants receiving citizens, what did Vượng ask?", "vuong_req_corruption"),
    # the format asked together with the bridge points: the format's answer gives both
    ("Họp qua mạng hay họp tập trung, và điểm cầu chính đặt ở đâu vậy?", "event_format"),
])
def test_the_answer_that_holds_what_sets_the_question_apart(responder: Responder, question: str,
                                                            expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_bodies_that_sent_people_are_the_attendees(responder: Responder) -> None:
    question = ("Which other Cà Mau bodies sent people to the bridge point besides the Party secretary? "
                "Titles are enough.")
    assert responder.answer(question).intent == "camau_attendees"


@pytest.mark.parametrize(("question", "expected"), [
    # a wrong post checked for a named person: his own answer corrects it; no refusal is its rival
    ("Is it right that Nguyễn Tiến Hải attended at the Cà Mau bridge point as chairman of the provincial "
     "People's Committee?", "person_nguyen_tien_hai"),
    # …however far a refusal of unnamed office-holders leads: the claim is about someone named
    ("is it true that Trần Quốc Vượng attended as the Prime Minister?", "person_tran_quoc_vuong"),
    ("Is it true that Nguyễn Hồng Lĩnh attended as Chairman of the Fatherland Front?", "person_nguyen_hong_linh"),
    ("Is it correct that Nguyễn Tiến Hải was there as Chairman of the Cà Mau People's Committee?",
     "person_nguyen_tien_hai"),
    # someone's titles are his own answer, not the report he presented
    ("What are the exact titles of Nguyễn Hồng Lĩnh as given in the report?", "person_nguyen_hong_linh"),
])
def test_a_persons_own_answer_gives_and_corrects_his_posts(responder: Responder, question: str,
                                                           expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_the_term_reviewed_and_the_year_planned_are_the_conferences_purpose(responder: Responder) -> None:
    question = "Which Congress term did they look back on, and which year's tasks did they set out?"
    assert responder.answer(question).intent == "event_purpose"


def test_kinds_of_democracy_in_the_review_are_its_finding_on_democracy(responder: Responder) -> None:
    question = "Which kinds of democracy did the review of the term say were strengthened?"
    assert responder.answer(question).intent == "finding_democracy"


@pytest.mark.parametrize("question", [
    "đ/c Mai giao 4 nhiệm vụ trọng tâm cho năm 2021 phải không",
    "xác nhận giúp: kết luận nêu 6 NV trọng tâm đúng k",
])
def test_another_count_of_the_tasks_gets_the_overview_that_counts_seven(responder: Responder, question: str) -> None:
    """"4 nhiệm vụ" counts the tasks; the fourth task is "nhiệm vụ thứ 4"."""
    assert responder.answer(question).intent == "mai_conclusion_overview"


def test_a_number_after_the_item_word_is_its_position(responder: Responder) -> None:
    assert responder.answer("nhiệm vụ 4 là gì").intent == "mai_task_4"


@pytest.mark.parametrize("question", [
    "Who attended the Cà Mau bridge point besides the Party secretary? I need the list of delegations for my notes.",
    "Who else took part at the Cà Mau bridge point apart from the Party secretary? I need the delegations.",
])
def test_setting_aside_a_post_asks_for_the_rest_of_the_list(responder: Responder, question: str) -> None:
    """"besides the Party secretary" sets aside a post as "besides Nguyễn Tiến Hải" sets aside a name."""
    assert responder.answer(question).intent == "camau_attendees"


def test_a_tasks_place_in_the_list_or_a_year_is_no_count(responder: Responder) -> None:
    """"Task 1", "(5)" and "2021" in an answer count nothing: a head count it never gives is refused."""
    question = "How many officials of the Front were trained in 2021 according to the conclusion?"
    assert responder.answer(question).fallback


@pytest.mark.parametrize(("question", "expected"), [
    # what the bot can do, asked in any words, with the bot as the subject
    ("Chào bạn, mình làm ở phòng văn hóa huyện, bạn tra cứu được những nội dung gì cho mình?", "smalltalk_help"),
    ("Em ơi, em hỗ trợ chị được những việc gì vậy?", "smalltalk_help"),
    ("Em ơi, bot có thể hỗ trợ em tìm hiểu những nội dung gì vậy?", "smalltalk_help"),  # "có thể", no "được"
    ("Before we start: am I talking to a real person or a bot?", "smalltalk_bot_identity"),
    # the bot's answers judged
    ("câu trả lời vừa rồi hơi lan man, bạn tóm gọn lại được không", "smalltalk_complaint"),
])
def test_what_a_message_says_of_the_bot_itself_is_small_talk(responder: Responder, question: str,
                                                              expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_what_the_work_achieved_is_no_question_about_the_bot(responder: Responder) -> None:
    """"làm được những gì" of dân vận work asks what it achieved, not what the bot can do."""
    assert responder.answer("Công tác dân vận đã làm được những gì trong nhiệm kỳ?").intent != "smalltalk_help"


@pytest.mark.parametrize(("question", "expected"), [
    ("Phong trào Dân vận khéo bắt đầu từ năm nào vậy bot?", None),  # the report never says
    ("What year did the Dân vận khéo movement start?", None),
    ("Hội nghị tổng kết dân vận này họp vào năm nào?", "event_date"),  # an answer with the year
])
def test_which_year_needs_an_answer_that_names_one(responder: Responder, question: str, expected: str | None) -> None:
    reply = responder.answer(question)
    assert reply.fallback if expected is None else reply.intent == expected


def test_someone_described_by_role_is_named(responder: Responder) -> None:
    """"người lãnh đạo cao nhất của tỉnh" is Nguyễn Tiến Hải (followups.yaml's ``described_as``)."""
    question = "Nghe nói người lãnh đạo cao nhất của tỉnh mình chỉ xem qua màn hình ở tỉnh thôi, đúng vậy không?"
    assert responder.answer(question).intent in {"camau_leader", "person_nguyen_tien_hai"}


def test_english_chat_filler_weighs_nothing(responder: Responder) -> None:
    """"anybody", "actually", "something" name nothing: they do not drown the one word that matters."""
    question = "did anybody at the meeting actually bring up corruption, or is that something else?"
    assert responder.answer(question).intent == "vuong_req_corruption"


@pytest.mark.parametrize("question", [
    "Did any delegate from the provinces speak at the conference?",
    "Có đại biểu nào của tỉnh Cà Mau phát biểu tham luận tại hội nghị không?",
])
def test_whether_anyone_else_spoke_is_answered_by_who_spoke(responder: Responder, question: str) -> None:
    """The list of who spoke says the report records no other speech."""
    assert responder.answer(question).intent == "people_speakers"


def test_an_answer_judged_inaccurate_is_a_complaint(responder: Responder) -> None:
    assert responder.answer("câu trả lời lúc nãy chưa chính xác, bạn xem lại nhé").intent == "smalltalk_complaint"


def test_someones_titles_are_their_own_answer_not_their_speech(responder: Responder) -> None:
    question = "What official titles does the piece give Trần Quốc Vượng when it introduces him?"
    assert responder.answer(question).intent == "person_tran_quoc_vuong"


def test_the_highest_party_post_present_describes_vuong(responder: Responder) -> None:
    """Asked who, by description: his own answer, not his speech."""
    assert responder.answer("Người có chức vụ cao nhất của Đảng dự hội nghị hôm ấy là ai?").intent == \
        "person_tran_quoc_vuong"


@pytest.mark.parametrize(("question", "expected"), [
    # where the speaker sat, or who sat there: his own card says it, not his speech
    ("Thế còn đồng chí Vượng, đồng chí ấy chỉ đạo từ đầu cầu Hà Nội hay từ tỉnh?", "person_tran_quoc_vuong"),
    ("Đồng chí Thường trực Ban Bí thư dự ở đầu cầu nào vậy, Hà Nội hay về tỉnh?", "person_tran_quoc_vuong"),
    ("Người lãnh đạo cấp cao nhất dự buổi tổng kết ngồi ở đâu và với vai trò gì?", "person_tran_quoc_vuong"),
    # …but his words, wherever he sat, are his speech's
    ("What did the senior leader sitting in Hanoi say about emulation movements?", "vuong_req_emulation"),
])
def test_where_a_speaker_sat_is_his_card_and_what_he_said_his_speech(responder: Responder, question: str,
                                                                     expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_two_answers_too_close_to_tell_get_the_overview_that_holds_both(responder: Responder) -> None:
    """The provincial leader's answer and the list of who attended at Cà Mau: the list holds both."""
    assert responder.answer("cm co ai du hn ko, bt tinh uy co di hok").intent == "camau_attendees"


def test_who_concluded_is_mai(responder: Responder) -> None:
    question = "cho tôi hỏi hội nghị dân vận toàn quốc năm 2020 ai là người kết luận vậy"
    assert responder.answer(question).intent in {"person_truong_thi_mai", "mai_conclusion_overview", "people_speakers"}


def test_a_check_with_a_wrong_period_gets_the_answer_that_corrects_it(responder: Responder) -> None:
    question = "Check: the coordination programmes in Mai's conclusion run from 2021 to 2025?"
    assert responder.answer(question).intent in {"mai_task_3", "mai_conclusion_overview"}


def test_a_body_the_report_lacks_offered_as_a_choice_is_corrected(responder: Responder) -> None:
    """"Ban Tuyên giáo hay Ban Dân vận": the report holds one choice; the other is no new subject."""
    assert responder.answer("Hội nghị do Ban Tuyên giáo hay Ban Dân vận tổ chức?").intent == "event_organizer"


@pytest.mark.parametrize(("question", "expected"), [
    ("Hello, I am a PhD student from Korea, studying Vietnamese politics and grassroots democracy. Who hosted the "
     "national conference?", "event_organizer"),
    ("Hi, I'm a journalist from Sweden, writing about mass organisations and ethnic minorities. When was the "
     "conference?", "event_date"),
])
def test_what_an_english_asker_studies_is_no_part_of_the_question(responder: Responder, question: str,
                                                                  expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_the_elections_in_mais_conclusion_are_answered_not_asked_about(responder: Responder) -> None:
    """The mention of the elections and Mai's conclusion are neighbours: the closer one is answered."""
    assert responder.answer("ba Mai noi j ve bau cu quoc hoi nam 2021 z").intent in {
        "mention_elections", "mai_conclusion_overview", "mai_task_4"}


def test_where_someone_took_part_from_is_their_own_answer(responder: Responder) -> None:
    """His own answer says he attended at the central bridge point in Hà Nội; his speech does not."""
    question = "Is it right that Trần Quốc Vượng took part from the Cà Mau bridge point?"
    assert responder.answer(question).intent == "person_tran_quoc_vuong"


def test_i_see_with_something_seen_is_no_thanks(responder: Responder) -> None:
    """"I see several mentioned" reports what was read; "I see." alone is the acknowledgement."""
    question = "Which years does Mai's conclusion talk about? I see several mentioned and I am confused."
    assert responder.answer(question).intent != "smalltalk_thanks"
    assert responder.answer("I see.").intent == "smalltalk_thanks"


def test_a_place_in_a_sentence_of_context_is_no_subject(responder: Responder) -> None:
    """Only the sentence that asks says what is asked; a place the report lacks there still refuses."""
    question = ("In Germany trade unions often lobby parliament. Did the conclusion ask the Front to do giám sát "
                "and phản biện xã hội?")
    assert responder.answer(question).intent == "mai_task_6"
    assert responder.answer("What did Mr. Vượng say about the weather in Germany?").fallback


@pytest.mark.parametrize("question", [
    "Hội nghị họp hôm nào, có bao nhiêu điểm cầu tham gia?",
    "cho mình hỏi hội nghị ngày nào và điểm cầu chính ở đâu",
])
def test_two_kinds_of_fact_asked_get_the_overview_that_gives_both(responder: Responder, question: str) -> None:
    """The bridge points' answer gives the count and the place but no date: the overview gives all."""
    assert responder.answer(question).intent == "event_overview"


def test_a_count_the_report_never_gives_is_still_refused_beside_a_time(responder: Responder) -> None:
    assert responder.answer("Hội nghị họp lúc mấy giờ và có bao nhiêu đại biểu dự?").fallback


@pytest.mark.parametrize("question", [
    "how many tasks were set for 2021?",
    "nhiem vu nam 2021 co bao nhieu cai",
    "what is the number of key tasks she set",
])
def test_how_many_items_a_list_has_gets_the_overview_that_counts_them(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "mai_conclusion_overview"


def test_counting_someone_elses_tasks_is_not_the_list_of_mai(responder: Responder) -> None:
    assert responder.answer("ông Vượng nêu bao nhiêu nhiệm vụ").intent != "mai_conclusion_overview"


@pytest.mark.parametrize(("message", "expected"), [
    ("Bạn trả lời nhanh mà rõ ràng quá, mấy chị em chắc cũng thích hỏi bạn.", "smalltalk_praise"),
    ("your answers were really helpful", "smalltalk_praise"),
    ("câu trả lời chưa rõ ràng lắm", "smalltalk_complaint"),       # a complaint in the praise's words
    ("trả lời rõ ràng giúp mình: nhiệm vụ thứ 3 là gì", "mai_task_3"),  # a question still wins
])
def test_praise_of_the_answers_in_any_words_is_praise(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("question", ["tien dien thang nay tang hay giam vay", "học phí năm nay tăng hay giảm thế"])
def test_a_weak_leader_near_on_common_words_alone_is_no_answer(responder: Responder, question: str) -> None:
    """"tháng", "tăng", "giảm" are in the hot spots' answer, but no two words in a row are."""
    assert responder.answer(question).fallback


def test_who_held_a_post_the_report_names_nobody_for_is_not_the_leader_at_ca_mau(responder: Responder) -> None:
    """The answer on who led at Cà Mau is about Nguyễn Tiến Hải, Bí thư Tỉnh ủy: no chairman."""
    reply = responder.answer("Chủ tịch UBND tỉnh Cà Mau tên gì, có ngồi dự ở điểm cầu không?")
    assert reply.intent != "camau_leader" and (reply.fallback or reply.kind is Kind.REFUSAL)


def test_a_post_the_asker_writes_for_is_asked_of_nobody(responder: Responder) -> None:
    question = "Tôi soạn báo cáo gửi Thường trực Tỉnh ủy: ở Cà Mau ai dẫn đầu đoàn dự hội nghị?"
    assert responder.answer(question).intent == "camau_leader"


@pytest.mark.parametrize(("message", "expected"), [
    ("Dạ con chào cô chú, con là học sinh lớp 12 ở Cần Thơ, bot giúp con được những gì ạ?", "smalltalk_help"),
    ("Em chào anh, em là sinh viên ở Đà Nẵng, hội nghị diễn ra ngày nào ạ?", "event_date"),
])
def test_an_introduction_after_a_greeting_only_says_who_asks(responder: Responder, message: str, expected: str) -> None:
    """The asker's city (Cần Thơ, Đà Nẵng) after "Dạ con chào cô chú," is no subject of the question."""
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("question", [
    "Một tờ báo viết người đọc bản tổng kết là chính bà Trưởng ban. Vậy thực tế người trình bày bản tổng kết là ai?",
    "Nhóm bạn em bảo người trình bày bản tổng kết là bà Trưởng ban. Thực ra người trình bày là ai ạ?",
])
def test_a_post_in_a_premise_sentence_is_not_the_post_asked(responder: Responder, question: str) -> None:
    """The sentence that asks names no post: who presented the summary report is Nguyễn Hồng Lĩnh."""
    assert responder.answer(question).intent in ("person_nguyen_hong_linh", "report_overview")


@pytest.mark.parametrize("question", [
    "Nghe nói vị Thường trực Ban Bí thư dự ở điểm cầu Cà Mau. Thật ra ông ấy dự ở đâu?",
    "Có người viết Thường trực Ban Bí thư ngồi dự ở đầu cầu Cà Mau. Vậy ông ấy thật ra ngồi ở chỗ nào?",
])
def test_where_someone_attended_from_is_their_own_answer(responder: Responder, question: str) -> None:
    """Vượng's own answer says he attended at the central point in Hà Nội; the place in the premise
    sentence (Cà Mau) is no place asked."""
    assert responder.answer(question).intent == "person_tran_quoc_vuong"


@pytest.mark.parametrize(("message", "expected"), [
    ("Xin chao, toi la sinh vien o Da Nang, hoi nghi dan van to chuc ngay nao?", "event_date"),
    ("Chao ban, minh la giao vien o Can Tho, hoi nghi co bao nhieu diem cau?", "event_bridge_points"),
])
def test_an_introduction_typed_without_marks_only_says_who_asks(responder: Responder, message: str,
                                                                expected: str) -> None:
    """"toi", "minh" and "chao" typed plain open an introduction as "tôi", "mình", "chào" do."""
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("question", [
    "Ai dẫn đầu đoàn Cà Mau, có phải chủ tịch UBND tỉnh không?",
    "who led the delegation in Ca Mau, was it the provincial chairman?",
])
def test_a_post_offered_as_the_answer_is_a_claim_the_answer_corrects(responder: Responder, question: str) -> None:
    """Not "who holds that post": the answer says the one named there is Hải, Bí thư Tỉnh ủy."""
    assert responder.answer(question).intent == "camau_leader"


def test_what_a_journalist_will_use_the_answer_for_is_no_subject(responder: Responder) -> None:
    """"for the broadcast" is not a question about broadcasting the conference."""
    question = "Quick fact check for the broadcast: was the review conference held on 31 December 2020?"
    assert responder.answer(question).intent == "event_date"


def test_a_conference_of_another_year_is_not_the_reports(responder: Responder) -> None:
    question = "Hội nghị tổng kết dân vận cuối năm 2021 nhận xét kết quả bảy nhiệm vụ của bà Mai thế nào?"
    reply = responder.answer(question)
    assert reply.fallback or reply.kind is Kind.REFUSAL


@pytest.mark.parametrize(("question", "expected"), [
    ("Hội nghị triển khai nhiệm vụ năm 2021 gồm những nội dung gì?", "event_purpose"),  # the year of its tasks
    ("Does the conference report mention the elections in 2021?", "mention_elections"),
])
def test_a_year_beside_the_conference_is_not_always_another_conference(responder: Responder, question: str,
                                                                       expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize("question", [
    "Ai là người tiền nhiệm của bà Mai ở Ban Dân vận Trung ương?",
    "Since when has Trần Quốc Vượng been Standing Member of the Secretariat?",
])
def test_who_held_a_post_before_or_since_when_is_not_in_the_report(responder: Responder, question: str) -> None:
    """The report gives titles as of 31/12/2020 only: no predecessor, no date of taking office."""
    assert responder.answer(question).fallback


def test_a_quoted_phrase_goes_to_the_answer_that_holds_its_words_in_order(responder: Responder) -> None:
    """The who-chaired answer has "nói", "ít", "làm", "nhiều" here and there; Vượng's requirement has
    the phrase itself."""
    ranked = (Candidate("event_chair", 38.6), Candidate("vuong_req_noi_it_lam_nhieu", 30.1))
    chosen, settled = responder.matcher._quoted_first("Is 'nói ít làm nhiều' Vượng's phrase or Mai's?", ranked)
    assert settled and chosen[0].intent_id == "vuong_req_noi_it_lam_nhieu"


def test_the_conferences_date_written_dec_is_context(responder: Responder) -> None:
    assert responder.answer("Which agency organised the 31 Dec 2020 conference, and was it online?").intent in (
        "event_organizer", "event_overview")


def test_a_section_of_the_askers_own_writing_is_no_task_number(responder: Responder) -> None:
    """"mục 3.2" is where the answer goes in the essay, not the third task."""
    question = "Ông Vượng có nói gì về Mặt trận Tổ quốc không, em cần cho mục 3.2 của tiểu luận"
    assert responder.answer(question).intent == "vuong_req_front_renewal"


@pytest.mark.parametrize(("message", "expected"), [
    ("Hello. I'm a sociologist from Osaka. What kind of information are you able to provide?", "smalltalk_help"),
    ("Are you certain about that? I need it to be exact for my thesis.", "smalltalk_bot_identity"),
    ("mày có chắc không đó, nói sai là tao mang đi nói lại với bà con đó", "smalltalk_bot_identity"),
])
def test_what_the_bot_offers_and_how_sure_it_is(responder: Responder, message: str, expected: str) -> None:
    """Asked whether it is sure, the bot says what it answers from (the report), not "sorry, wrong"."""
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "expected"), [
    ("Cảm ơn, vậy là đủ cho buổi họp rồi. Lần sau mình hỏi tiếp, chào bạn nhé.", {"smalltalk_goodbye"}),
    ("Cảm ơn nhiều, đủ rồi. Lần sau hỏi tiếp, chào bạn.", {"smalltalk_goodbye", "smalltalk_thanks"}),
    ("Ok, đã đối chiếu xong. Tôi chào bạn, đi họp đây.", {"smalltalk_goodbye"}),
    ("Dạ con chào cô chú ạ", {"smalltalk_greeting"}),        # at the start a greeting greets
    ("alo alo, có ai ở đó không", {"smalltalk_greeting"}),
])
def test_a_greeting_after_something_else_takes_leave(responder: Responder, message: str, expected: set[str]) -> None:
    assert responder.answer(message).intent in expected


@pytest.mark.parametrize(("question", "position"), [
    ("and what about task one of her 2021 priorities?", 1),   # "one" is no synonym of 1 (no one, one of)
    ("and task three in Mai's list of priorities, what does it say?", 3),
])
def test_a_task_number_written_out_names_the_task(responder: Responder, question: str, position: int) -> None:
    matcher = responder.matcher
    item = matcher._list_items.find(matcher.normalize(question), question)
    assert item is not None and item.position == position
    assert responder.answer(question).intent == f"mai_task_{position}"


def test_the_fronts_committee_abbreviated_is_no_name_the_report_lacks(responder: Responder) -> None:
    question = "toi can ghi dung ten nguoi doc bao cao tom tat de bao cao UBMTTQ xa"
    assert responder.answer(question).intent in ("report_overview", "person_nguyen_hong_linh")


@pytest.mark.parametrize(("question", "asks_one"), [
    ("Trong kết luận, bà Mai giao nhiệm vụ gì liên quan đến Mặt trận Tổ quốc?", True),
    ("Bà Mai giao những nhiệm vụ gì?", False),                    # all of them
    ("có việc gì liên quan tới bầu cử không", False),             # "việc gì": anything
])
def test_which_task_concerns_something_asks_for_one_task(responder: Responder, question: str, asks_one: bool) -> None:
    matcher = responder.matcher
    assert (matcher._list_items.asked_position(matcher.normalize(question)) is not None) is asks_one


@pytest.mark.parametrize("question", [
    "Mai's conclusion lists seven priority tasks for 2021. What does the fifth one ask for?",
    "In the closing speech, what is the fifth one of the seven priority tasks?",  # the list named after it
])
def test_the_nth_one_of_a_named_list_is_that_item(responder: Responder, question: str) -> None:
    """"seven priority tasks … the fifth one" is task 5, not the seventh (the count is no place)."""
    assert responder.answer(question).intent == "mai_task_5"


def test_what_a_draft_says_is_a_claim_the_answer_corrects(responder: Responder) -> None:
    """"Bản nháp ghi … 2022 – 2027": the orientation's term (2021–2026) corrects the draft."""
    question = "Bản nháp ghi định hướng cho nhiệm kỳ 2022 – 2027. Bài gốc ghi nhiệm kỳ nào vậy?"
    assert responder.answer(question).intent == "event_term_orientation"


def test_an_apology_before_an_unrelated_question_is_no_request_for_help(responder: Responder) -> None:
    """"sorry" opens the question; the honest "not in the report" answers it, not the help text."""
    assert responder.answer("Unrelated, sorry: is the ferry to Hòn Khoai running this week?").fallback
    assert responder.answer("Sorry, can you say that again?").intent == "smalltalk_help"  # speaks to the bot


@pytest.mark.parametrize("question", [
    "Was it the first time such a conference was held online, or were the previous conferences online too?",
    "Đây có phải lần đầu tiên tổ chức hội nghị tổng kết dân vận theo hình thức trực tuyến không?",
])
def test_earlier_conferences_are_not_in_the_report(responder: Responder, question: str) -> None:
    match = responder.matcher.match(question)
    assert match.verdict is Verdict.FALLBACK and match.objection is Objection.OTHER_EVENT


def test_a_statement_after_small_talk_is_no_question(responder: Responder) -> None:
    """"what I read" in a sentence that ends with a full stop asks nothing: the doubt is the point."""
    reply = responder.answer("Are you sure? That is not what my colleague wrote in her piece.")
    assert reply.intent == "smalltalk_bot_identity"


@pytest.mark.parametrize(("question", "expected"), [
    ("Bài có nhắc tới đồng bào theo đạo không? Bà con trong xóm đạo của tôi muốn biết lắm.",
     "finding_ethnic_religious_overseas"),
    ("Có người hỏi: hội nghị có họp trực tiếp ở Cà Mau không? Nhờ bot xác nhận để tôi trả lời trong buổi họp tổ.",
     "event_format"),
])
def test_a_sentence_around_the_question_does_not_drown_it(responder: Responder, question: str, expected: str) -> None:
    """The sentence that ends with "?" is read alone when the whole message would fall back."""
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize("question", [
    "My notes say the Prime Minister also gave a speech there. Is that in the article?",
    "ong chu tich xa minh co duoc moi du hoi nghi do khong",
])
def test_a_post_the_report_gives_nobody_is_about_someone_else(responder: Responder, question: str) -> None:
    """Nobody in the report is Prime Minister or a chairman: no answer speaks of them."""
    assert responder.answer(question).fallback


def test_a_wrong_post_given_to_someone_named_is_corrected(responder: Responder) -> None:
    """"Hải, chủ tịch UBND tỉnh?": the premise his own answer corrects, not someone else."""
    question = "Bản tin ghi ông Nguyễn Tiến Hải là Chủ tịch UBND tỉnh Cà Mau, đúng không?"
    assert responder.answer(question).intent == "person_nguyen_tien_hai"


def test_the_titles_of_one_named_person_are_their_answer_however_few_words_match(responder: Responder) -> None:
    """"the full titles held by Trương Thị Mai" is her own answer, even below the weak score."""
    question = "For a formal literature review, could you kindly confirm the complete titles held by Trương Thị Mai?"
    assert responder.answer(question).intent == "person_truong_thi_mai"


@pytest.mark.parametrize(("message", "expected"), [
    ("Cảm ơn bạn nhiều nhé, 8 giờ sáng mai tôi đọc bản tin rồi, nhờ bạn mà chuẩn bị kịp.", "smalltalk_thanks"),
    ("Chào bot, hội nghị năm 2019 có những ai dự?", None),  # a question with another year still falls back
])
def test_a_time_beside_small_talk_is_no_question(responder: Responder, message: str, expected: str | None) -> None:
    """"8 giờ sáng mai" is when the asker broadcasts, not a number the report lacks."""
    assert responder.answer(message).intent == expected


def test_the_small_talk_asked_is_the_point_of_the_message(responder: Responder) -> None:
    """Who answers is asked; the praise after it is said in passing."""
    reply = responder.answer("Cho mình hỏi thật, đang chat với mình là người thật hay máy vậy? "
                             "Bạn trả lời nhanh quá hihi")
    assert reply.intent == "smalltalk_bot_identity"


@pytest.mark.parametrize(("message", "expected"), [
    ("bot nói sai rồi đó, coi lại giúp bác đi nha", "smalltalk_complaint"),   # "đi nha" asks, takes no leave
    ("thôi bác đi nha bot, có gì hỏi tiếp sau", "smalltalk_goodbye"),
    ("Hỏi vui chút: bạn có muốn làm khách mời trong chương trình phát thanh của tôi không?", "smalltalk_bot_identity"),
])
def test_what_a_message_says_to_the_bot(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


def test_a_description_with_words_between_still_describes(responder: Responder) -> None:
    """"người lãnh đạo cao nhất của cả tỉnh" is "người lãnh đạo cao nhất của tỉnh", one word longer."""
    named = responder.matcher._people.named("Người lãnh đạo cao nhất của cả tỉnh hôm đó dự ở đâu?")
    assert [p.intent for p in named] == ["person_nguyen_tien_hai"]


@pytest.mark.parametrize(("question", "expected"), [
    ("Theo bài, niềm tin của nhân dân vào Đảng sau nhiệm kỳ thay đổi thế nào?", "report_results_summary"),
    ("Theo bài, niềm tin của nhân dân vào Đảng sau nhiệm kỳ thay đổi thế nào ở xứ Bạc Liêu?", None),
])
def test_two_weak_answers_too_close_get_the_overview_that_holds_both(responder: Responder, question: str,
                                                                     expected: str | None) -> None:
    """Weak and too close to a rival to tell, an answer and the overview that sums it up: the overview
    holds what was asked either way; not with a word the report never uses ("Bạc Liêu")."""
    matcher = responder.matcher
    ranked = (Candidate("finding_awareness", 40.0), Candidate("report_results_summary", 40.0),
              Candidate("refuse_statistics", 39.5))
    match = matcher._settle(question, matcher.normalize(question), ranked)
    assert (match.best.intent_id if match.verdict is Verdict.ANSWER and match.best else None) == expected


def test_vietnamese_living_abroad_are_the_reports_nguoi_viet_nam_o_nuoc_ngoai(responder: Responder) -> None:
    question = "Someone in our expat community wonders: does the article mention Vietnamese people living abroad?"
    assert responder.answer(question).intent == "finding_ethnic_religious_overseas"


@pytest.mark.parametrize(("words", "means"), [
    ("cán bộ hách dịch", "can bo gay phien ha"),
    ("nỗi lòng của bà con", "tam tu cua nhan dan"),
    ("nói lên mong muốn", "phan anh nguyen vong"),
])
def test_everyday_words_read_as_the_reports_terms(responder: Responder, words: str, means: str) -> None:
    """"hách dịch" is the report's "gây phiền hà"; "nỗi lòng", "nói lên mong muốn" its "tâm tư", "phản ánh
    nguyện vọng" (the answers that hold them are found however the rest is worded)."""
    assert " ".join(responder.matcher.normalize(words)) == means


def test_whether_the_report_says_something_anywhere_asks_no_place(responder: Responder) -> None:
    """"Có chỗ nào nói …" asks whether the report says it, not where: no "asks a place" objection."""
    assert Objection.PLACE not in responder.matcher._evidence.asks(
        "Có chỗ nào nói việc sắp xếp bộ máy, bổ sung cán bộ chuyên trách không? Xã tôi thiếu người.")
    assert Objection.PLACE in responder.matcher._evidence.asks("Hội nghị họp ở chỗ nào?")


def test_a_plain_xa_hoi_in_an_introduction_asks_nothing(responder: Responder) -> None:
    """"xa hoi hoc" is sociology ("xã hội"), not "hỏi": the clause is the asker's introduction, and the
    province in it no subject."""
    question = "Em la sinh vien xa hoi hoc o Vinh Long, cho em hoi bao cao noi nhan thuc ve dan van chuyen bien ra sao"
    assert responder.answer(question).intent == "finding_awareness"


@pytest.mark.parametrize("text", [
    "ng trình bày bc tóm tắt là đc Lĩnh PTB BDV TW đúng ko",  # a given name, then a post in shorthand
    "hỏi chút đồng chí Lĩnh PTB BDVTW đọc báo cáo gì",         # "Phó Trưởng Ban" + "Ban Dân vận…": "ban" once
])
def test_a_given_name_before_a_post_in_shorthand_is_no_unknown_name(responder: Responder, text: str) -> None:
    """"đc Lĩnh PTB BDV TW": Lĩnh is Nguyễn Hồng Lĩnh, then his post; no name the report lacks."""
    assert responder.matcher._evidence.unknown_names(text) == ()


def test_quotas_and_quarters_are_details_the_report_never_gives(responder: Responder) -> None:
    """The tasks for 2021 carry no targets and no quarter: "chỉ tiêu … quý I" is not answered by them."""
    question = "Hội nghị có giao các đoàn thể ở xã phải làm những việc gì trong quý I năm 2021, kèm chỉ tiêu không?"
    match = responder.matcher.match(question)
    assert match.verdict is Verdict.FALLBACK and match.objection is Objection.DETAIL


def test_thanks_in_another_language_is_thanks(responder: Responder) -> None:
    assert responder.answer("Danke! Das war sehr hilfreich.").intent == "smalltalk_thanks"


def test_who_relays_the_question_before_a_colon_is_no_subject(responder: Responder) -> None:
    """"Một bác ở Đầm Dơi … hỏi: …": the district says who asks; the question after the colon is what
    is asked (the district is a name the report lacks, which would refuse it)."""
    question = "Một bác ở Đầm Dơi gọi điện hỏi: hội nghị có bàn chuyện cải cách thủ tục hành chính cho dân không?"
    assert responder.answer(question).intent == "vuong_req_administration"


def test_a_label_of_up_to_ten_words_before_a_colon_is_an_introduction() -> None:
    """"One more English message from a listener in Berlin: 'Which elections…?'" says who asks."""
    head, rest = split_preamble("One more English message from a listener in Berlin: "
                                "'Which elections were mentioned at the conference and why?'")
    assert head.endswith("Berlin: ") and rest.startswith("'Which elections")


def test_a_clause_saying_who_someone_is_does_not_turn_a_question_on_their_titles_into_one_on_their_speech(
        responder: Responder) -> None:
    """"Lĩnh, người trình bày báo cáo tóm tắt, ngoài là Ủy viên Trung ương thì giữ chức gì": his titles,
    not the list of speakers: the clause names his report to say who he is, and "ngoài …" sets aside
    one of his own titles, not a person whose list is asked."""
    question = ("Xin hỏi đồng chí Nguyễn Hồng Lĩnh, người trình bày báo cáo tóm tắt, ngoài là Ủy viên "
                "Trung ương Đảng thì giữ chức gì trong Ban Dân vận Trung ương?")
    matcher = responder.matcher
    assert matcher._own_asked(question) == "person_nguyen_hong_linh"
    text, aside = without_set_aside(question)
    ranked = (Candidate("people_speakers", 59.0), Candidate("person_nguyen_hong_linh", 59.0),
              Candidate("report_overview", 54.0))
    match = matcher._settle(text, matcher.normalize(text), ranked, aside)
    assert match.verdict is Verdict.ANSWER and match.best is not None
    assert match.best.intent_id == "person_nguyen_hong_linh"


def test_a_year_the_report_lacks_in_the_context_still_counts_when_the_question_is_read_alone(
        responder: Responder) -> None:
    """"… hội nghị … cuối năm 2018 … Hội nghị năm đó giao nhiệm vụ gì?": "năm đó" is 2018, which the
    report does not cover; the question read alone must not answer with 2021's tasks."""
    question = ("Hình như hội nghị năm trước, tức cuối năm 2018, cũng do bà Mai kết luận. "
                "Hội nghị năm đó giao những nhiệm vụ gì?")
    assert responder.answer(question).fallback


def test_a_region_the_report_never_names_is_out_of_scope(responder: Responder) -> None:
    match = responder.matcher.match("Did the conference launch a special campaign for the Mekong Delta?")
    assert match.verdict is Verdict.OUT_OF_SCOPE


@pytest.mark.parametrize(("question", "kind"), [
    ("Ông Hải có đọc tham luận ở hội nghị không?", Objection.SAID),
    ("Did Nguyen Tien Hai give a speech there?", Objection.SAID),
    ("On what dates was the 13th Congress held?", Objection.DAY),
])
def test_papers_read_out_and_dates_are_kinds_of_fact_asked(responder: Responder, question: str,
                                                           kind: Objection) -> None:
    """A paper read out (the report records none by Hải) asks what someone said; "what dates" asks when."""
    assert kind in responder.matcher._evidence.asks(question)


def test_asking_for_plain_words_is_no_praise(responder: Responder) -> None:
    """"Tóm lại giúp chị bằng lời dễ hiểu" asks for plain words; "dễ hiểu" is praise elsewhere."""
    assert responder.matcher._talk.find("Em tóm lại giúp chị bằng lời dễ hiểu thôi: dân vận khéo là gì?") == []
    assert responder.answer("bot trả lời dễ hiểu lắm").intent == "smalltalk_praise"


@pytest.mark.parametrize(("words", "means"), [
    ("giữ vững đường biên", "giu vung bien gioi"),
    ("người giữ ghế phó", "nguoi giu pho truong ban"),
    ("vị cấp phó của cơ quan dân vận", "pho truong ban cua ban dan van"),
    ("đ/c Vượng", "dong chi vuong"),
    ("hội nd xã", "to chuc chinh tri xa hoi xa"),
    ("phó trưởng ban DVTW lun", "pho truong ban dan van trung uong luon"),
    ("góp ý chính sách và theo dõi việc thực hiện", "phan bien xa hoi va giam sat"),
    ("làm bạn tốt với nước kế bên", "huu nghi voi nuoc lang gieng"),
])
def test_everyday_words_for_borders_neighbours_and_the_deputy(responder: Responder, words: str, means: str) -> None:
    assert " ".join(responder.matcher.normalize(words)) == means


def test_a_claim_that_puts_the_central_point_elsewhere_is_corrected_by_the_answer(responder: Responder) -> None:
    """"Có phải điểm cầu trung tâm đặt ở TP HCM không?": the answer says Hà Nội; a question about
    another province's own bridge point is still out of scope."""
    assert responder.answer("Có phải điểm cầu trung tâm đặt ở TP HCM không?").intent == "event_bridge_points"
    assert responder.matcher.match("Điểm cầu Bạc Liêu có ai dự?").verdict is Verdict.OUT_OF_SCOPE


@pytest.mark.parametrize("question", [
    "Tỉnh nào được khen thưởng vì làm tốt phong trào Dân vận khéo năm 2020?",
    "Which districts were commended for their Dân vận khéo models?",
    "Báo cáo có nói huyện nào là đơn vị dẫn đầu phong trào Dân vận khéo không?",
])
def test_who_was_praised_or_awarded_is_a_detail_the_report_never_gives(responder: Responder,
                                                                        question: str) -> None:
    """The report praises no province or unit by name: the Dân vận khéo finding does not answer it."""
    assert responder.answer(question).fallback
    assert responder.answer("Phong trào Dân vận khéo được đánh giá thế nào?").intent == "finding_dan_van_kheo"


def test_an_introduction_may_name_the_district_after_the_commune() -> None:
    """"Tôi là bí thư chi bộ ấp ở xã Khánh An, huyện U Minh, đang chuẩn bị …, xin hỏi …": the district
    says where the asker lives, like the commune before it, not what is asked."""
    head, rest = split_preamble("Tôi là bí thư chi bộ ấp ở xã Khánh An, huyện U Minh, đang chuẩn bị nội dung "
                                "sinh hoạt, xin hỏi hội nghị do cơ quan nào tổ chức?")
    assert "U Minh" in head and rest.strip().startswith("xin hỏi")


@pytest.mark.parametrize(("message", "expected"), [
    ("Con trả lời lúc nãy chưa trúng ý chú, chú hỏi chuyện thanh niên mà con nói chuyện Mặt trận. Thôi được, "
     "cảm ơn con.", "smalltalk_complaint"),
    ("Are you an official government service or something else?", "smalltalk_bot_identity"),
    ("One thing first: is this an official government service, and who actually built you?",
     "smalltalk_bot_identity"),
])
def test_what_a_message_says_of_the_bot_in_more_words(responder: Responder, message: str, expected: str) -> None:
    """A complaint that the answer missed the point ("chưa trúng ý") is no question about the Front;
    "who actually built you", "are you an official service" ask what the bot is."""
    assert responder.answer(message).intent == expected


def test_which_commune_was_praised_is_a_detail_and_what_the_bot_advises_an_opinion(responder: Responder) -> None:
    assert responder.answer("hn co khen huyen nao lam dan van kheo gioi ko").fallback
    match = responder.matcher.match("Theo ý em thì Hội Phụ nữ ấp chị nên làm mô hình Dân vận khéo gì?")
    assert match.verdict is Verdict.OUT_OF_SCOPE and match.out_of_scope is not None
    assert match.out_of_scope.id == "opinions"


@pytest.mark.parametrize("message", [
    "Is it fair to say the conference was mostly about keeping people calm before the elections?",
    "Was the meeting just a formality? What's your take?",
    "Yêu cầu dân chủ ở cơ sở đó làm được thật hay chỉ mang tính khẩu hiệu, anh/chị đánh giá sao?",
])
def test_a_judgement_of_the_reports_claims_asked_of_the_bot_is_an_opinion(responder: Responder, message: str) -> None:
    match = responder.matcher.match(message)
    assert match.out_of_scope is not None and match.out_of_scope.id == "opinions", (match.verdict, match.best)


def test_what_the_report_says_of_a_judgement_is_still_answered(responder: Responder) -> None:
    question = "Báo cáo nói phong trào Dân vận khéo có hiệu quả thật không hay chỉ là hình thức?"
    assert not responder.answer(question).fallback


def test_a_room_where_someone_sat_is_no_place_asked(responder: Responder) -> None:
    """The refusal of halls and rooms is no rival to the answer when the question asks who sat there."""
    reply = responder.answer("Người đứng đầu Đảng bộ Cà Mau ngồi dự ở phòng họp trực tuyến của tỉnh hôm đó là ai, "
                             "tôi cần tên đầy đủ.")
    assert reply.intent in {"camau_leader", "person_nguyen_tien_hai", "camau_attendees"}, reply.intent
    assert responder.answer("Hội nghị họp ở phòng họp nào?").fallback


@pytest.mark.parametrize(("message", "expected"), [
    # a term's span is no tenure; a wrong post claimed is corrected by the person's own titles
    ("Chương trình phối hợp mới áp dụng từ năm nào đến năm nào?", "mai_task_3"),
    ("Ông Lĩnh là Trưởng Ban Dân vận Trung ương phải không, ông giữ chức đó từ năm nào?", "person_nguyen_hong_linh"),
    # the other posts someone holds, not a career after
    ("ông Lĩnh còn giữ chức gì nữa?", "person_nguyen_hong_linh"),
])
def test_spans_and_claimed_posts_are_still_answered(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "expected"), [
    # a count claimed, told by the answer's own count of the same thing
    ("Có người bảo hội nghị nối với 45 điểm cầu các tỉnh, con số này có chính xác không?", "event_bridge_points"),
    ("Is it true the conference linked 50 provincial bridge points?", "event_bridge_points"),
])
def test_a_claimed_value_the_answer_tells_settles_a_weak_answer(responder: Responder, message: str,
                                                               expected: str) -> None:
    """The answer holding the same kind of value confirms or corrects the claim, however weak its words."""
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("message", [
    # how to apply, whom to contact, what one gets for it
    "Hội viên muốn mô hình của mình được công nhận Dân vận khéo thì hồ sơ gồm những gì?",
    "For my thesis I need the summary report itself. Who would I need to contact at the Commission?",
    "Các điển hình Dân vận khéo có được thưởng tiền không chị?",
    # family life
    "Ông Trần Quốc Vượng có vợ con gì chưa?",
    "Is Trương Thị Mai married?",
    # since when someone has held a post: the report gives titles as of its day only
    "Bà Trương Thị Mai làm Trưởng Ban Dân vận Trung ương từ bao giờ?",
    "ông Vượng giữ chức Thường trực Ban Bí thư từ năm nào vậy",
    "Bà Mai giữ chức Trưởng Ban Dân vận Trung ương từ năm nào? Tôi cần ghi vào bài.",
    # what a post means, how to apply
    'What does "Thường trực Ban Bí thư" actually mean?',
    "How can a student sign up for a Dân vận khéo model?",
    "Muốn được xét công nhận mô hình Dân vận khéo thì trình tự thế nào?",
    # a career after the conference
    "Did Vượng keep his post after the Congress in 2021?",
    # where it was published: the report names no newspaper
    "Bài báo này được đăng trên tờ báo nào?",
    # why a requirement was stressed, with a cause offered: the report gives none of its causes
    'Why did Vượng emphasise "say less, do more"? Was there some incident behind it?',
    # who did best, who was criticised: the report ranks and blames no one
    "Which district got the best results in the Dân vận khéo movement?",
    "Which commissions were singled out for criticism in the summary report?",
    # the law and its procedures: where to complain, penalties, whether something is binding
    "Nếu cán bộ tiếp dân gây phiền hà thì người dân phản ánh gửi tới đâu?",
    "Theo quy định hiện hành, cán bộ tham nhũng bị kỷ luật ở những mức nào?",
    "Tham gia phong trào Dân vận khéo là bắt buộc hay tự nguyện vậy?",
    # what befalls those who fail a requirement, and who answers for it: the report names no sanction
    "Cán bộ tham nhũng sẽ bị xử lý theo hình thức nào, có bị cách chức không?",
    "If an official fails the new evaluation, what happens to them?",
    "Kiến nghị của dân để lâu không giải quyết thì ai chịu trách nhiệm?",
    # how a task is carried out: schedules and forms; a count asked in teen-code
    "Nhiệm vụ nắm tình hình nhân dân phải báo cáo theo định kỳ nào, mẫu biểu ra sao?",
    "nhiệm kỳ qua có bn cán bộ bị kỷ luật vì tham nhũng?",
    # a vote on the report: none is recorded
    "Was the summary report put to a formal adoption by the delegates?",
    # localities or models singled out: the report names none
    "Ông Lĩnh báo cáo những địa phương nào làm tốt công tác dân vận trong nhiệm kỳ?",
    "Trong phần kết luận, bà Mai có nêu tên tấm gương hay mô hình dân vận khéo cụ thể nào ở địa phương không?",
    # since when a movement has existed: the report only says it was stepped up
    "Did the Dân vận khéo movement first start in this term?",
    "phong trào dân vận khéo có từ bao giờ vậy ad",
    # what came after: plans issued since, posts given after the Congress of January 2021
    "sau hn BDV tỉnh có ra hướng dẫn j cho xã ko, bên mình chưa nhận được",
    "Sau Đại hội XIII, ông Vượng được phân công làm gì?",
    "After the 13th Congress, what posts was Mai appointed to?",
    "Did they end up issuing the action programme on dân vận after the 13th Congress?",
    # a year of the last century: history the report never reaches
    'Bài viết "Dân vận" của Chủ tịch Hồ Chí Minh năm 1949 được hội nghị trích dẫn hay vận dụng ra sao trong phần '
    "định hướng nhiệm kỳ mới?",
])
def test_details_the_report_does_not_give_are_refused(responder: Responder, message: str) -> None:
    """Procedures, contacts, rewards, family, tenures, meanings, reasons a requirement was stressed,
    rankings and blame, beginnings and aftermaths: none is in the report, however close its words."""
    assert responder.answer(message).fallback


@pytest.mark.parametrize("message", [
    "Ông Vượng nhấn mạnh điều gì về tham nhũng?",
    # criteria named as what the asker will do with the answer, not asked of the report
    "Ông Vượng yêu cầu gì về việc đánh giá cán bộ tiếp công dân? Tôi cần để xây dựng tiêu chí đánh giá cho cơ quan.",
])
def test_what_was_stressed_is_still_answered(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "vuong_req_corruption"


def test_places_offered_as_a_choice_do_not_clear_a_name_the_report_lacks_elsewhere(responder: Responder) -> None:
    """"Did diplomats attend, in Hanoi or at the Cà Mau point?" offers two places the report names, but
    asks about diplomats; "ở Hà Nội hay TP HCM?" offers the other place itself, which the answer corrects."""
    match = responder.matcher.match("Were any foreign diplomats present, either in Hanoi or at the Cà Mau point?")
    assert match.verdict is Verdict.OUT_OF_SCOPE
    assert responder.answer("Điểm cầu trung tâm đặt ở Hà Nội hay TP HCM?").intent == "event_bridge_points"


@pytest.mark.parametrize("question", [
    "What posts did Mr. Trần Quốc Vượng hold before he became Standing Member of the Secretariat?",
    "In your assessment, will the attention to ethnic minority communities lead to new policies in 2021?",
])
def test_earlier_careers_and_the_bots_assessment_are_not_in_the_report(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


@pytest.mark.parametrize(("message", "head", "rest"), [
    ("chú là cựu chiến binh ở Đầm Dơi chú muốn hỏi hội nghị do ai tổ chức vậy con",
     "chú là cựu chiến binh ở Đầm Dơi", "chú muốn hỏi hội nghị do ai tổ chức vậy con"),
])
def test_an_introduction_typed_without_punctuation_ends_where_the_asking_begins(message: str, head: str,
                                                                                 rest: str) -> None:
    assert tuple(part.strip() for part in split_preamble(message)) == (head, rest)


def test_a_deadline_said_at_the_end_is_no_number_asked(responder: Responder) -> None:
    """"… đúng ko? cần chốt gấp trc 17h": 17 is the asker's deadline, not a time the report lacks."""
    question = "Kịch bản ghi ông Vượng yêu cầu cán bộ nói ít làm nhiều, đúng ko? cần chốt gấp trc 17h"
    assert responder.answer(question).intent == "vuong_req_noi_it_lam_nhieu"


@pytest.mark.parametrize("question", [
    "The translated version says the coordination programme covers 2021 to 2025. Is that the period in the report?",
    "KB ghi chương trình phối hợp giai đoạn 2021-2025, bot xem lại giúp giai đoạn nào cho chuẩn",
])
def test_a_script_checked_with_a_wrong_period_gets_the_right_one(responder: Responder, question: str) -> None:
    """"… version says 2021 to 2025. Is that the period …?", "KB (kịch bản) ghi …": a claim the answer
    corrects (2021-2026), not another programme the report lacks."""
    assert responder.answer(question).intent == "mai_task_3"


@pytest.mark.parametrize("question", [
    "Did the Youth Union get specific tasks for its members, apart from the other organisations?",
    "Hội Nông dân có được nêu đích danh trong các nhiệm vụ năm 2021 không?",
])
def test_tasks_for_one_named_organisation_are_a_detail_the_report_never_gives(responder: Responder,
                                                                               question: str) -> None:
    """The tasks speak of "các tổ chức chính trị - xã hội" and name none of them."""
    assert responder.answer(question).fallback


@pytest.mark.parametrize(("question", "refused"), [
    # others holding a post only the person set aside holds: the report names no one else
    ("Ngoài ông Lĩnh, các Phó Trưởng Ban Dân vận Trung ương khác dự hôm đó là ai?", True),
    ("Who were the other deputy heads of the Central Mass Mobilization Commission present besides Nguyễn Hồng Lĩnh?",
     True),
    ("Ngoài đồng chí Lĩnh thì Ban Dân vận Trung ương còn những Phó Trưởng ban nào dự?", True),
    # a post two people hold: the other one is the answer
    ("Ngoài ông Vượng, Ủy viên Bộ Chính trị nào khác dự hội nghị?", False),
    ("Ngoài ông Vượng thì còn Ủy viên Bộ Chính trị nào dự không?", False),
    # "or someone else" offers a choice to check, not others to list
    ("Người đọc báo cáo tóm tắt là bà Mai trưởng ban hay ai khác vậy?", False),
])
def test_others_holding_a_post_only_the_person_set_aside_holds_are_not_named(responder: Responder, question: str,
                                                                             refused: bool) -> None:
    assert responder.answer(question).fallback is refused


@pytest.mark.parametrize(("question", "expected"), [
    # a place named in a sentence that only tells where the asker comes from is no subject
    ("Quê tôi ở Thái Bình, làng giờ đổi khác nhiều lắm. Năm tới có tính làm cho làng quê khang trang hơn, bớt hộ "
     "nghèo không?", "mai_task_5"),
    ("My cousin lives in Đà Lạt. Which of the 2021 tasks is about the new-style countryside?", "mai_task_5"),
    # …but a question pointing back at it asks about what that sentence says
    ("Có tin nói ông Vượng đề nghị sáp nhập Ban Dân vận với Ban Tuyên giáo. Bài có nội dung này không?", None),
])
def test_names_in_a_sentence_that_only_tells_are_context(responder: Responder, question: str,
                                                         expected: str | None) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    # one speaker's word on another's: the report records no one's reaction
    ("Bà Mai có khen báo cáo của ông Lĩnh không?", None),
    # …while what both said is answered
    ("Ông Vượng và bà Mai cùng nhắc tới chương trình hành động nào?", "mai_task_2"),
])
def test_one_speakers_reaction_to_another_is_not_in_the_report(responder: Responder, question: str,
                                                               expected: str | None) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    # who spoke about something is told by the answer on that thing
    ("Did anyone speak about human rights at the conference?", "vuong_req_human_rights"),
    ("Có ai phát biểu về quyền con người không?", "vuong_req_human_rights"),
    # whether anyone of a group spoke, about anything: only three people did
    ("Did any Cà Mau official speak?", "people_speakers"),
    ("Did any provincial delegate speak about the Dân vận khéo movement?", "people_speakers"),
])
def test_who_spoke_about_something_is_the_answer_on_it(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    # a school grade in a sentence that only tells who asks is no number the question rests on
    ("Tôi muốn giảng cho học sinh lớp 9 về dân vận. Hội nghị tổng kết cuối năm 2020 ấy được nối mạng tới bao "
     "nhiêu tỉnh, thành?", "event_bridge_points"),
    # …but hours told and pointed back at ("như vậy") are a premise the report cannot confirm
    ("Có trang viết hội nghị kéo dài đúng 3 tiếng, từ 8h đến 11h. Bản tin có ghi giờ như vậy không?", None),
])
def test_numbers_the_asker_only_tells_are_no_premise(responder: Responder, question: str,
                                                     expected: str | None) -> None:
    assert responder.answer(question).intent == expected


def test_someone_named_by_name_is_who_the_report_names(responder: Responder) -> None:
    """"Nêu đích danh" asks who is named by name: at the Cà Mau point, one leader is."""
    assert responder.answer("Ở điểm cầu Cà Mau, bài nêu đích danh vị lãnh đạo nào?").intent in \
        {"camau_leader", "person_nguyen_tien_hai"}


def test_asking_to_confirm_is_framing_not_words_of_the_question(responder: Responder) -> None:
    """"Can you confirm that …" says what the asker wants, like "is it true that": its words are not
    weighed against the answers (a claim cue still reads it as a claim to check)."""
    assert responder.matcher.normalize("Can you confirm that the conference was online?") == \
        responder.matcher.normalize("the conference was online?")


@pytest.mark.parametrize("question", [
    "Bà Trương Thị Mai trước đó từng công tác ở đơn vị nào?",                      # a career before
    "Đại biểu ở điểm cầu Cà Mau ngồi ở hội trường nào vậy?",                         # the hall
    "Báo cáo tóm tắt ông Lĩnh đọc dài mấy trang, gồm mấy phần?",                      # a document's length
    "Lãnh đạo UBND tỉnh Cà Mau có ý kiến đóng góp gì tại hội nghị không?",           # words of an attendee
    "Were any cadres subsequently disciplined for harassing citizens, as Vượng demanded?",  # what came after
])
def test_details_around_what_the_report_says_are_not_in_it(responder: Responder, question: str) -> None:
    """Near misses of answers the report has: a career, a hall, a document's length, what an attendee
    said, what happened afterwards: the answer nearest in words does not give them."""
    assert responder.answer(question).fallback


@pytest.mark.parametrize("question", [
    "Hội nghị có nói gì về chuyện vận động ngư dân đi biển bám biển không?",
    "Did the report mention fishing communities along the coast?",
])
def test_the_sea_and_fishers_are_a_topic_the_report_lacks(responder: Responder, question: str) -> None:
    match = responder.matcher.match(question)
    assert match.out_of_scope is not None and match.out_of_scope.id == "sea_and_fishers"


def test_border_areas_named_beside_the_islands_are_the_reports(responder: Responder) -> None:
    assert responder.answer("Dân vận vùng biên giới, biển đảo được đánh giá thế nào?").intent == \
        "finding_border_diplomacy"


def test_a_ministry_is_a_name_the_report_lacks_unless_offered_as_the_other_choice(responder: Responder) -> None:
    match = responder.matcher.match("Bộ Nội vụ được giao nhiệm vụ gì trong năm 2021?")
    assert match.verdict is Verdict.OUT_OF_SCOPE and match.out_of_scope is not None
    assert match.out_of_scope.id == "ministries"
    assert responder.answer("Hội nghị do Ban Dân vận Trung ương hay Bộ Nội vụ tổ chức?").intent == "event_organizer"


def test_what_the_report_does_not_give_is_no_speech_in_an_answer(responder: Responder) -> None:
    """The Cà Mau attendees' answer says what the report "không nêu"; that reports nobody's words,
    so "what did the departments' representatives say?" gets the honest reply."""
    question = "Đại diện các sở, ngành tỉnh Cà Mau đã phát biểu những gì tại hội nghị?"
    assert responder.answer(question).fallback
    assert Objection.SAID not in responder.matcher._evidence.able(responder.kb.intents["camau_attendees"])


@pytest.mark.parametrize("message", [
    "Chào bạn, tôi mới dùng ứng dụng này lần đầu, hệ thống có thể giúp tôi những việc gì?",
    "Lần đầu tôi dùng công cụ này, xin hỏi chương trình có thể hỗ trợ những việc gì cho tôi?",
])
def test_the_bot_called_by_what_it_is_is_asked_what_it_can_do(responder: Responder, message: str) -> None:
    """"hệ thống", "chương trình", "công cụ này" name the bot: asked what it can do, it says so."""
    assert responder.answer(message).intent == "smalltalk_help"


@pytest.mark.parametrize(("message", "expected"), [
    # a plain word that the knowledge base writes one way only, in a message typed with marks
    ("Chao chau bot, bà mới tập dùng điện thoại, chau có nghe bà nói hông?", "smalltalk_greeting"),
    ("Hello there! Xin chào nhé", "smalltalk_greeting"),                    # a greeting after a greeting greets
    ("Chào bot, cảm ơn bạn nhiều nha. Chào bạn nhé", "smalltalk_goodbye"),  # …unless other talk came between
    # what the bot is, in any of its names: a bot word and what is asked of it
    ("hello bot, m la ai the", "smalltalk_bot_identity"),
    ("ai tao ra m vay", "smalltalk_bot_identity"),
    ("cháu là người ở đâu thế, bà hỏi cho biết", "smalltalk_bot_identity"),
    ("bot này của đơn vị nào vậy, cty nào", "smalltalk_bot_identity"),
    ("Đồng chí là trí tuệ nhân tạo phải không?", "smalltalk_bot_identity"),
    # what it can do: "biết" right after the bot, or the bot named after the asking
    ("cháu biết những chuyện gì vậy cháu", "smalltalk_help"),
    ("hello, hỏi được những gì thế bot", "smalltalk_help"),
    # what is left still calls the bot and has no answer: still talk, not "the report does not say"
    ("can u help me pls, i'm new here", "smalltalk_help"),
    ("dài quá bot ơi, mình đọc không nổi", "smalltalk_complaint"),           # "bot ơi" only calls
    ("help", "smalltalk_help"),
    ("nice, đúng thứ mình cần", "smalltalk_praise"),
    ("ok bye, have a nice day", "smalltalk_goodbye"),
])
def test_small_talk_in_the_words_people_use(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("question", [
    "Đồng chí Chủ tịch UBND tỉnh Cà Mau có dự không, tên đồng chí là gì?",  # someone else called "đồng chí"
    "hoi nghi ve viec van dong ba con do co quan nao dung ra to chuc",       # "bà con" is no bot
    "nhờ bot cho biết bà Mai giữ chức vụ gì",                                 # "cho biết" asks, not "what do you know"
    "bạn biết bà Mai kết luận những gì không",                                # "biết … gì" of something else
    "em biết hội nghị bàn những gì không",
    "hội nghị làm được những gì vậy bot",                                     # the bot named after, the subject first
    "phong trào dân vận khéo làm được gì vậy ad",
])
def test_bot_words_that_mean_someone_else_ask_no_small_talk(responder: Responder, question: str) -> None:
    assert not responder.answer(question).intent.startswith("smalltalk")


@pytest.mark.parametrize("question", [
    "hội nghị dân vận năm 2019 đặt ra bao nhiêu nhiệm vụ trọng tâm vậy?",  # counts another year's list
    "When did Trương Thị Mai take office as head of the commission?",       # a career date the report lacks
])
def test_a_count_or_date_of_something_else_is_no_answer(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


@pytest.mark.parametrize("said", ["đi đạo", "di dao", "đi chùa", "đi nhà thờ", "giữ đạo"])
def test_everyday_words_for_believers_read_as_the_reports(kb: KnowledgeBase, said: str) -> None:
    """"bà con đi chùa" are the report's "đồng bào có đạo" (believers), typed with marks or not."""
    assert kb.tokens(f"bà con {said}")[-2:] == ["co", "dao"]


@pytest.mark.parametrize("question", [
    # what came of the tasks: 2021 spoken of as past
    "đến cuối năm 2021 thì chương trình phối hợp giai đoạn 2021-2026 đã ký xong chưa?",
    "hồi năm 2021 mấy vụ khiếu kiện đông người rồi có giải quyết được không",
    "Was the action programme for the 13th Congress resolution eventually issued?",
    # background the report does not give: definitions, history, how bodies are made up
    "Mặt trận Tổ quốc Việt Nam được thành lập vào năm nào?",
    "Câu dân vận khéo Bác Hồ viết trong bài nào vậy?",
    "How many members does the Secretariat have, and who supervises the Front?",
])
def test_what_came_after_or_lies_behind_the_report_is_not_in_it(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


@pytest.mark.parametrize("question", [
    "Bạn có nghĩ việc họp qua 63 điểm cầu làm giảm chất lượng thảo luận không?",  # the bot's opinion
    "phương châm nói ít làm nhiều có khả thi không",
    "MTTQ Việt Nam cũng tổ chức hội nghị tổng kết năm 2020 vào ngày 31/12 phải không?",  # someone else's
    "năm sau có làm hội nghị dân vận toàn quốc như vậy nữa không, họp ngày nào",   # another one
])
def test_an_opinion_or_another_conference_is_not_in_the_report(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


@pytest.mark.parametrize("question", [
    "Tôi cần ghi vào báo cáo gửi xã: cơ quan nào đứng ra tổ chức hội nghị này, và tổ chức ngày nào?",
    "hội nghị do ai tổ chức và tổ chức ngày nào",
])
def test_who_and_when_get_the_answer_that_says_both_at_once(responder: Responder, question: str) -> None:
    """Who organized it says the date only in its detail ("nói rõ hơn"); the overview says both."""
    assert responder.answer(question).intent == "event_overview"


def test_a_place_in_the_document_is_no_place_asked(kb: KnowledgeBase) -> None:
    from bot.engine.matcher import Matcher
    evidence = Matcher(kb)._evidence
    assert Objection.PLACE not in evidence.asks("Có chỗ nào trong tài liệu nói đến người có uy tín không?")
    assert Objection.PLACE in evidence.asks("Hội nghị họp ở chỗ nào?")


@pytest.mark.parametrize(("message", "expected"), [
    ("Thanks, that helps a lot for someone who is new to all this.", "smalltalk_thanks"),  # "who" joins a clause
    ("Thanks. Who chaired the conference.", "event_chair"),                                # "Who" still asks
])
def test_an_english_question_word_in_a_statement_asks_nothing(responder: Responder, message: str,
                                                               expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("question", [
    "ông Vượng dự hội nghị ở điểm cầu nào, ở Hà Nội hay Cà Mau?",
    "Is it true that Trần Quốc Vượng joined from the Cà Mau bridge point?",
])
def test_where_a_named_person_was_is_their_answer_not_the_places(responder: Responder, question: str) -> None:
    """Cà Mau is in Nguyễn Tiến Hải's answer; Vượng's own says he was at the central point."""
    assert responder.answer(question).intent == "person_tran_quoc_vuong"


def test_a_guidance_document_is_no_request_for_help(responder: Responder) -> None:
    """"hướng dẫn" is also a guidance document; its number is a detail the report never gives."""
    reply = responder.answer("Bà Mai có giao văn bản hướng dẫn số mấy cho các tỉnh không?")
    assert reply.fallback
    assert responder.answer("hướng dẫn mình cách dùng bot với").intent == "smalltalk_help"


@pytest.mark.parametrize(("question", "expected"), [
    # "chẳng bao nhiêu" is "not much": no count is asked
    ("Dân than cán bộ nói nhiều mà làm chẳng bao nhiêu, hội nghị có câu nào nhắc cán bộ làm ngược lại không?",
     "vuong_req_noi_it_lam_nhieu"),
    # "PBT" is phó bí thư; where the claim comes from ("kịch bản ghi vậy") names nobody asked about
    ("ông Nguyễn Tiến Hải là PBT Tỉnh ủy CM phải không? Kịch bản ghi vậy", "person_nguyen_tien_hai"),
])
def test_context_words_raise_no_objection(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_a_count_after_a_comma_is_still_asked(responder: Responder) -> None:
    reply = responder.answer("Hội nghị có khen thưởng tập thể nào không, bao nhiêu tập thể được khen?")
    assert reply.fallback or reply.kind is Kind.REFUSAL, (reply.intent, reply.kind)


@pytest.mark.parametrize(("question", "expected"), [
    ("Cho mình hỏi ý thứ hai trong các yêu cầu của đồng chí Vượng cho năm 2021 là gì?", "vuong_req_action_programme"),
    ("What was Vuong's last requirement for 2021?", "vuong_req_emulation"),
    ("yêu cầu thứ ba là gì", "mai_task_3"),            # naming nobody, a position is Mai's task
    ("Can you list the seven priority tasks for 2021 set out in the conclusion?", "mai_conclusion_overview"),
])
def test_a_position_in_vuongs_requirements_when_he_is_named(responder: Responder, question: str,
                                                             expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_a_requirement_past_vuongs_last_says_how_many_points_in_order(responder: Responder) -> None:
    reply = responder.answer("ông Vượng yêu cầu ý thứ 20 là gì")
    assert reply.fallback and "15 ý" in reply.text and "không đánh số" in reply.text


@pytest.mark.parametrize("question", [
    "Theo hội nghị, trong bảy nhiệm vụ thì nhiệm vụ nào là quan trọng nhất?",
    "Which of the seven tasks did the conference call the most important?",
])
def test_a_ranking_the_report_never_makes_is_refused(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


@pytest.mark.parametrize(("question", "expected"), [
    ("Trong 7 nhiệm vụ, nhiệm vụ thứ 3 ông Vượng có nói không", "mai_task_3"),  # "nhiệm vụ" is Mai's word
    ("Ông Vượng có đồng ý với nhiệm vụ thứ 7 không", "mai_task_7"),             # "đồng ý" is no "ý"
    ("nhiệm vụ thứ 2 trong kết luận hội nghị có giống ý của đồng chí Vượng không", "mai_task_2"),
])
def test_mais_tasks_stay_hers_beside_vuongs_name(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize("question", [
    "Theo ông Vượng, yếu tố quan trọng nhất làm nên thành công là gì?",
    "Làm thế nào để công tác dân vận hiệu quả nhất theo kết luận hội nghị?",
])
def test_a_superlative_that_ranks_nothing_is_answered(responder: Responder, question: str) -> None:
    assert not responder.answer(question).fallback


@pytest.mark.parametrize(("question", "expected"), [
    # "muốn hỏi cho chắc:" ends the asker's context, however long
    ("Thưa chị, tôi là trưởng ấp, tối mai họp dân bàn chuyện dân vận nên tôi muốn hỏi cho chắc: "
     "hội nghị này diễn ra vào ngày nào?", {"event_date", "event_overview"}),
    # the asker's worry or purpose said at the end is no part of the question
    ("ông Vượng giữ chức Thường trực Ban Bí thư hay Tổng bí thư vậy, em sợ ghi sai bị thầy trừ điểm",
     {"person_tran_quoc_vuong"}),
    ("ai chủ trì hội nghị, để em ghi vào bài thu hoạch", {"event_chair", "person_tran_quoc_vuong"}),
    # "còn ai nữa": the rest of the list, not the one named
    ("ở điểm cầu Cà Mau có ông Bí thư Tỉnh ủy dự đúng hem, còn ai nữa không",
     {"camau_attendees"}),
    ("Who else attended at the Ca Mau point besides the provincial party secretary?", {"camau_attendees"}),
])
def test_context_around_the_question_and_who_else(responder: Responder, question: str, expected: set[str]) -> None:
    assert responder.answer(question).intent in expected


@pytest.mark.parametrize("question", [
    "Nhiệm vụ thứ tư bạn trả lời lúc nãy hơi dài dòng, nhưng cũng đủ ý rồi.",
    "nhiệm vụ thứ 4 bạn trả lời sai rồi",
])
def test_a_judgement_of_the_answer_on_a_task_is_small_talk(responder: Responder, question: str) -> None:
    assert responder.answer(question).kind is Kind.SMALLTALK


@pytest.mark.parametrize("question", ["Cảm ơn, còn nhiệm vụ thứ tư thì sao?",
                                      "Cảm ơn bạn, cho mình xem nhiệm vụ thứ 4",
                                      "Cảm ơn bạn, tiếp tục với nhiệm vụ thứ 4 cho mình nhé",
                                      "Thanks a lot, next I'd like the fourth task"])
def test_thanks_before_asking_a_task_still_gets_the_task(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "mai_task_4"


@pytest.mark.parametrize("question", [
    "ông Trần Quốc Vượng phát biểu kết luận hay phát biểu chỉ đạo vậy, em hay nhầm hai cái này",
    "Which leader gave the directing speech and which one gave the concluding speech?",
    "Có phải bà Trương Thị Mai phát biểu chỉ đạo, còn ông Trần Quốc Vượng phát biểu kết luận không?",
])
def test_who_gave_which_of_two_speeches_is_the_list_of_who_spoke(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "people_speakers"


def test_a_speech_named_beside_another_to_place_a_task_still_gets_the_task(responder: Responder) -> None:
    reply = responder.answer("Việc đổi mới Mặt trận Tổ quốc là trong phát biểu chỉ đạo hay phát biểu kết luận?")
    assert reply.intent != "people_speakers" and not reply.fallback


def test_a_misspelt_name_is_no_unknown_name(responder: Responder) -> None:
    reply = responder.answer("ông Vượg có nói cán bộ tham nhũng gây phiền hà cho dân thì xử lý ra sao")
    assert reply.intent == "vuong_req_corruption"


def test_what_a_speaker_presented_is_their_speechs_overview(responder: Responder) -> None:
    reply = responder.answer("Thế ông Nguyễn Hồng Lĩnh trình bày những nội dung gì, chỉ năm 2020 thôi hay cả nhiệm kỳ?")
    assert reply.intent == "report_overview"


def test_plain_words_wished_for_in_the_introduction_praise_nothing(responder: Responder) -> None:
    reply = responder.answer("Mình cần giảng cho các em lớp 9 thật dễ hiểu: hội nghị này do cơ quan nào tổ chức?")
    assert reply.kind is Kind.ANSWER and reply.intent in {"event_organizer", "event_overview"}


@pytest.mark.parametrize("question", [
    "Annyeonghaseyo! Hello bot, can you answer me in English? My Vietnamese is weak.",
    "Bonjour! Do you speak French or only Vietnamese?",
])
def test_a_greeting_before_a_question_to_the_bot_opens_the_chat(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent in {"smalltalk_help", "smalltalk_greeting"}


@pytest.mark.parametrize(("question", "expected"), [
    ("The script says Mai set out six key tasks. Is six right, and what is the first task?", "mai_task_1"),
    ("What was the third of the seven tasks?", "mai_task_3"),
    ("what is the 4th task", "mai_task_4"),
])
def test_a_count_before_the_item_word_is_no_place_but_an_ordinal_is(
        responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    # the conference's own date in words is context, like "31/12"
    ("cho bac hoi ong Tran Quoc Vuong la chuc gi ma den du hoi nghi hom 31 thang 12 do", "person_tran_quoc_vuong"),
    # a broadcast deadline at the end is no part of the question
    ("ktra gấp: câu 'nói ít làm nhiều' là ông Vượng hay bà Mai nói, 19h lên sóng rồi",
     "vuong_req_noi_it_lam_nhieu"),
])
def test_dates_in_words_and_deadlines_are_context(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Vị lãnh đạo lo công việc thường nhật của Ban Bí thư hôm đó ngồi dự ở đâu?", "person_tran_quoc_vuong"),
    ("Người giữ vị trí phó trong cơ quan tham mưu về vận động quần chúng của Trung ương tên là gì?",
     "person_nguyen_hong_linh"),
    ("What titles did the official who concluded the meeting hold?", "person_truong_thi_mai"),
])
def test_a_post_described_in_other_words_names_its_holder(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_a_local_deputy_is_not_the_central_one(responder: Responder) -> None:
    people = responder.matcher._people.named("Phó Trưởng Ban Dân vận Tỉnh ủy Cà Mau có dự không")
    assert "person_nguyen_hong_linh" not in {p.intent for p in people}


@pytest.mark.parametrize("question", [
    "Bà Mai nêu bao nhiêu nhiệm vụ trọng tâm cho năm 2021, và nhiệm vụ đầu tiên là gì?",
    "How many main tasks were set for 2021? Please tell me the first one and the last one.",
])
def test_the_count_of_a_list_and_one_item_asked_together_get_the_whole_list(
        responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "mai_conclusion_overview"


def test_among_the_tasks_is_no_count(responder: Responder) -> None:
    assert responder.answer("điều số 2 trong mấy nhiệm vụ bà Mai giao là gì").intent == "mai_task_2"


def test_an_ordinal_before_the_item_word_goes_before_a_number_further_on(responder: Responder) -> None:
    reply = responder.answer("Which elections are in the fourth task? National Assembly number 15 and the councils?")
    assert reply.intent == "mai_task_4"


def test_the_nth_of_someones_tasks_without_their_count(responder: Responder) -> None:
    """Whose tasks may stand between the place and the item word, with no count: "the third of X's tasks"."""
    assert responder.answer("So the third of Truong Thi Mai's tasks, what was that one again?").intent == "mai_task_3"


@pytest.mark.parametrize(("message", "expected"), [
    ("bn ơi nv thứ 3 là j, nói ngắn gọn giùm mk", "mai_task_3"),     # "bn ơi" calls the bot, it counts nothing
    ("cho mk xin kq 5 năm dân vận vs", "report_results_summary"),    # "kq" is "kết quả"
])
def test_teen_code_for_the_bot_and_the_results(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("message", [
    "o cai nuoc co may nguoi di hop vay chau",   # "… vậy cháu" still asks: no remark to the bot
    "Ông Vượng có yêu cầu gì riêng cho Hà Nội không?",   # a place singled out ("Hà" is no "hả")
    "Bà Mai có giao việc riêng gì cho tỉnh Cà Mau không?",
])
def test_questions_ending_in_whom_they_ask_or_singling_out_a_place_are_refused(responder: Responder,
                                                                                message: str) -> None:
    assert responder.answer(message).fallback


@pytest.mark.parametrize("message", [
    "hội nghị diễn ra v ạ",
    "cái cuộc thi đua làm dân vận cho khéo đó là ai nghĩ ra vậy?",  # any verb, not a listed one
    "phong trào thi đua ấy do ai khởi xướng ra vậy",
    "mấy cái nhiệm vụ này ở đâu ra z",
])
def test_ra_vay_after_a_verb_is_no_i_see(responder: Responder, message: str) -> None:
    """"ra vậy" (I see) after the verb it ends is part of the question, not thanks."""
    assert responder.answer(message).intent != "smalltalk_thanks"


@pytest.mark.parametrize("message", ["à ra vậy", "ra vậy", "hiểu rồi, ra vậy", "ồ, ra thế"])
def test_ra_vay_beginning_its_clause_is_i_see(responder: Responder, message: str) -> None:
    """"ra vậy" at the start of its clause is an acknowledgement, answered as thanks."""
    assert responder.answer(message).intent == "smalltalk_thanks"


def test_xai_and_lan_dau_typed_plain_ask_nothing(responder: Responder) -> None:
    """"xai" is "xài" (use), not "ai" mistyped; "lần đầu" is the first time, not "đâu"."""
    assert responder.answer("chao chau, bac moi xai lan dau").intent == "smalltalk_greeting"


def test_a_question_about_the_bot_goes_before_praise_of_the_same_length(responder: Responder) -> None:
    assert responder.answer("chao ad, ad la nguoi that hay may vay, tra loi nhanh qua").intent == \
        "smalltalk_bot_identity"


def test_a_report_named_after_a_task_asks_no_count(responder: Responder) -> None:
    """"báo cáo có nêu …" holds "bao" but asks no "bao nhiêu": the third task, which says the programmes go unnamed."""
    reply = responder.answer("Trong nhiệm vụ thứ ba, báo cáo có nêu tên cụ thể các chương trình phối hợp không?")
    assert reply.intent == "mai_task_3"


def test_something_said_on_the_radio_is_no_question_about_it(responder: Responder) -> None:
    """"hội nghị gì đó về dân vận" is "some conference on dân vận": neither which conference nor what was said."""
    reply = responder.answer("chi nghe dai noi hoi nghi gi do ve dan van, o Ca Mau ai di du vay em, ong nao lon nhat")
    assert reply.intent in {"camau_leader", "camau_attendees"}


def test_a_yes_no_question_placing_the_centre_elsewhere_gets_the_answer_that_places_it(responder: Responder) -> None:
    reply = responder.answer("Was the central bridge point of the online conference in Ho Chi Minh City?")
    assert reply.intent in {"event_format", "event_bridge_points", "event_overview"} and "Hà Nội" in reply.text


@pytest.mark.parametrize("question", [
    "Bà Mai nêu 7 nhiệm vụ trọng tâm đúng không",
    "Can you confirm Mai gave seven priority tasks for 2021 and not five?",
])
def test_a_claim_about_the_number_of_tasks_gets_the_whole_list(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "mai_conclusion_overview"


def test_a_place_that_is_the_subject_is_no_premise_to_correct(responder: Responder) -> None:
    reply = responder.answer("Did the report mention how US-Vietnam relations affect work with overseas Vietnamese "
                             "living in America?")
    assert reply.fallback


def test_someone_elses_wrong_number_to_set_right_gets_the_right_one(responder: Responder) -> None:
    reply = responder.answer("Một trang mạng viết rằng hội nghị kết nối với 36 điểm cầu địa phương. "
                             "Con số đúng theo bản tin là bao nhiêu?")
    assert reply.intent in {"event_bridge_points", "event_overview"} and "63" in reply.text


@pytest.mark.parametrize("question", [
    "Bà Trương Thị Mai có học hàm, học vị gì?",                                    # a biography
    "hội nghị có ai nói gì về tăng lương cho cán bộ dân vận năm 2021 không",        # pay
    "Tỉnh ủy Cà Mau tổ chức hội nghị quán triệt kết luận của bà Mai vào ngày nào?",  # what came after
    "Did the conference name officials by name for corruption?",                    # names it never gives
])
def test_details_the_report_never_gives_are_refused(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


def test_the_whole_subject_in_quotes_settles_nothing(responder: Responder) -> None:
    reply = responder.answer("My professor asked how these 'công tác dân vận' conferences are run. How many provincial "
                             "bridge points were connected to the main hub in Hà Nội?")
    assert reply.intent in {"event_bridge_points", "event_overview"}


def test_of_two_questions_the_first_answered_well_alone_answers(responder: Responder) -> None:
    reply = responder.answer("Who was at the Cà Mau bridge point? Like, who was the highest-ranking person there "
                             "and which other offices sent representatives?")
    assert reply.intent == "camau_attendees"


def test_of_two_questions_one_refused_refuses_the_message(responder: Responder) -> None:
    reply = responder.answer("Who was at the Cà Mau bridge point? And did Cà Mau present its own achievements to "
                             "the centre?")
    assert reply.fallback


@pytest.mark.parametrize("question", [
    "Hội nghị ở Bạc Liêu tổ chức ngày nào, đúng không?",         # another province, not a premise to correct
    "Điểm cầu ở Sóc Trăng có bao nhiêu người dự, đúng không?",
])
def test_a_claim_about_another_provinces_point_stays_out_of_scope(responder: Responder, question: str) -> None:
    assert responder.answer(question).kind is Kind.OUT_OF_SCOPE


def test_a_place_claim_is_corrected_by_where_it_was_held_not_by_who_sat_there(responder: Responder) -> None:
    assert responder.answer("Was the central bridge point in Ho Chi Minh City?").intent in {
        "event_bridge_points", "event_format", "event_overview"}


@pytest.mark.parametrize("question", ["phó bí thư tỉnh ủy phụ trách dân vận là ai",
                                      "phó chủ tịch xã phụ trách dân vận là ai"])
def test_a_local_deputy_in_other_words_is_nobody_the_report_names(responder: Responder, question: str) -> None:
    assert responder.answer(question).fallback


@pytest.mark.parametrize("question", ["Mai listed seven tasks, right?",
                                      "Of the seven tasks, which is about elections, right?"])
def test_the_list_named_as_a_whole_goes_before_one_of_its_items(responder: Responder, question: str) -> None:
    assert responder.answer(question).intent == "mai_conclusion_overview"


@pytest.mark.parametrize("message", ["không", "có", "yes", "nope", "dạ không ạ"])
def test_a_bare_yes_or_no_gets_what_the_bot_can_answer(responder: Responder, message: str) -> None:
    reply = responder.answer(message)
    assert reply.intent == "smalltalk_help" and reply.kind is Kind.SMALLTALK


def test_calling_for_someone_with_question_words_still_greets(responder: Responder) -> None:
    assert responder.answer("có ai không").intent == "smalltalk_greeting"


def test_a_place_among_the_tasks_named_as_a_whole_is_that_task(responder: Responder) -> None:
    """"trong 7 nhiệm vụ" names the list to pick from; "cái thứ 3" picks (the whole list was the answer)."""
    assert responder.answer("cái thứ 3 trong bảy nhiệm vụ bà Mai đưa ra là gì").intent == "mai_task_3"


@pytest.mark.parametrize(("question", "expected"), [
    ("Thế còn phần định hướng trong bản báo cáo tóm tắt của đồng chí Nguyễn Hồng Lĩnh là cho nhiệm kỳ nào?",
     {"event_term_orientation", "person_nguyen_hong_linh", "report_overview"}),
    ("mttq được giao nhiệm vụ gì trong hn này", {"mai_task_6", "vuong_req_front_renewal"}),
])
def test_two_strong_answers_too_close_to_tell_apart_still_answer(responder: Responder, question: str,
                                                                 expected: set[str]) -> None:
    """Both above the accept score: the question is in scope, so the leader answers (the other is offered)."""
    assert responder.answer(question).intent in expected


def test_a_close_rival_that_owns_the_question_number_keeps_the_fallback(responder: Responder) -> None:
    """"Đại hội XIII … ngày nào": 13 is the Thirteenth Congress's, not the conference date's."""
    tokens = tuple(responder.matcher.normalize("Đại hội XIII được tổ chức vào ngày tháng năm nào"))
    close = (Candidate("event_date", 56.9), Candidate("mention_congress_13", 56.0))
    message = "Đại hội XIII được tổ chức vào ngày tháng năm nào"
    assert responder.matcher._strong_leader(message, Match(Verdict.FALLBACK, tokens, close)) is None
    assert responder.matcher._strong_leader(message, Match(Verdict.FALLBACK, tokens, close[::-1])) is not None


def test_an_introduction_about_writing_questions_asks_nothing(responder: Responder) -> None:
    """"Mình soạn câu hỏi ôn tập cho chi bộ: …": "câu hỏi" is a noun; the question follows the colon."""
    message = ("Mình đang soạn câu hỏi ôn tập cho chi bộ thôn: hội nghị dân vận toàn quốc được tổ chức ngày nào "
               "và theo hình thức gì?")
    head, rest = split_preamble(message)
    assert head.endswith("thôn:") and rest.strip().startswith("hội nghị")
    assert responder.answer(message).intent in {"event_date", "event_overview", "event_format"}


@pytest.mark.parametrize(("message", "aside"), [
    ("Cho mình hỏi ngoài việc nhìn lại nhiệm kỳ Đại hội XII, hội nghị hôm đó còn bàn những nội dung gì nữa?",
     "ngoài việc nhìn lại nhiệm kỳ Đại hội XII"),
    ("Em hỏi ngoài lề chút, ngày mai ở Cà Mau có mưa không ạ?", ""),  # "ngoài lề": off the subject, nothing set aside
])
def test_what_is_set_aside_right_after_the_asking_verb(message: str, aside: str) -> None:
    assert without_set_aside(message)[1] == aside


def test_a_question_relayed_without_a_colon_is_read_after_who_relays_it(responder: Responder) -> None:
    """"…, có bạn đọc hỏi <question>, nhờ bot trả lời giúp.": the page and the reader are no subject."""
    message = ("Tôi trực fanpage của phường, có bạn đọc hỏi hội nghị dân vận hôm đó có đồng chí Thường trực "
               "Ban Bí thư dự không, nhờ bot trả lời giúp.")
    assert split_preamble(message)[1].startswith("hội nghị")
    assert responder.answer(message).intent in {"person_tran_quoc_vuong", "event_chair", "event_overview"}


@pytest.mark.parametrize("message", [
    "mình cần chép 7 nhiệm vụ năm 2021 lên bảng tin, mỗi ý 1 dòng thôi được không bạn",  # one line a point
    "liệt kê giúp mình từng nhiệm vụ năm 2021 bà Mai nêu",                              # each of them
])
def test_a_number_that_measures_or_each_item_asks_the_whole_list(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "mai_conclusion_overview"


@pytest.mark.parametrize(("message", "expected"), [
    ("nhiệm vụ thứ tư đồng chí Trương Thị Mai nêu là gì", "mai_task_4"),
    ("Nhiệm vụ 5 đồng bào dân tộc có được nhắc không", "mai_task_5"),
    ("nhiệm vụ 1 đoàn viên thanh niên có liên quan không", "mai_task_1"),
])
def test_a_place_before_a_word_folded_like_a_measure_is_still_a_place(responder: Responder, message: str,
                                                                     expected: str) -> None:
    """"đồng chí", "đồng bào" fold like "dòng" (a line), "đoàn" like "đoạn": the marks tell them apart."""
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "expected"), [
    ("Còn nhiệm vụ tiếp theo sau nhiệm vụ số 1 trong bảy nhiệm vụ năm 2021 là gì vậy?", "mai_task_2"),
    ("nhiệm vụ đứng trước nhiệm vụ thứ năm là gì", "mai_task_4"),
    ("And what is the task after task 3?", "mai_task_4"),
    ("Tiếp theo, nhiệm vụ thứ hai năm 2021 nói về chương trình gì?", "mai_task_2"),  # "next" opens the question
    ("Trong 7 nhiệm vụ sau, nhiệm vụ thứ 2 là gì?", "mai_task_2"),      # "sau" after a list named whole: "below"
    ("Bà Mai nêu các nhiệm vụ trọng tâm sau, nhiệm vụ thứ 3 là gì vậy?", "mai_task_3"),
    ("Các nhiệm vụ trước, nhiệm vụ 3 là gì?", "mai_task_3"),
    ("Sau đây cho mình hỏi: nhiệm vụ trước nhiệm vụ thứ 5 là gì", "mai_task_4"),  # "Sau đây" opens the message
])
def test_the_item_next_to_a_numbered_one(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


def test_the_item_after_the_last_says_the_list_ends(responder: Responder) -> None:
    reply = responder.answer("còn nhiệm vụ sau nhiệm vụ thứ 7 là gì")
    assert reply.fallback and "không có nhiệm vụ nào sau nhiệm vụ thứ 7" in reply.text


def test_a_date_asked_beside_the_format_gets_the_overview_that_gives_both(responder: Responder) -> None:
    """The format's answer leads without the date; the event's overview, which sums up both, answers."""
    assert responder.answer("For my thesis: when was this national conference held, and was it in person or "
                            "online?").intent == "event_overview"
    assert responder.answer("hội nghị họp trực tiếp hay trực tuyến, vào hôm nào vậy").intent == "event_overview"


def test_when_the_report_speaks_asks_no_time(responder: Responder) -> None:
    """"… mention when it talks about the border": where in the report, not a date."""
    assert Objection.TIME not in responder.matcher._evidence.asks(
        "Which countries does the report mention when it talks about the border areas?")
    assert Objection.TIME in responder.matcher._evidence.asks("Does the report mention when it was held?")


def test_the_part_of_the_report_pointed_at_is_what_is_asked(responder: Responder) -> None:
    """"phần về X thì …": X is the subject, however many words of the rest point at the report as a whole."""
    message = ("Vậy trong bản báo cáo tổng kết nhiệm kỳ Đại hội XII, phần về đối ngoại nhân dân thì được nhận xét "
               "ra sao?")
    assert responder.answer(message).intent in {"finding_border_diplomacy", "report_results_summary"}
    assert quoted("Còn phần về đối ngoại nhân dân thì sao?") == ["đối ngoại nhân dân"]
    assert quoted("Phần về đồng bào có đạo, báo cáo có nói hạn chế điều gì?") == []  # only where to look


@pytest.mark.parametrize(("message", "expected"), [
    ("hội nghị có giao việc giữ yên ổn, quan hệ với bên ngoài cho năm tới không", "mai_task_5"),
    ("Bài có nói công tác vận động dân góp phần giữ nước, dựng nước không?", "finding_propaganda"),
])
def test_everyday_words_for_the_tasks_and_findings(responder: Responder, message: str, expected: str) -> None:
    """"yên ổn" is an ninh, "quan hệ với bên ngoài" đối ngoại, "giữ nước, dựng nước" xây dựng và bảo vệ Tổ quốc."""
    assert responder.answer(message).intent == expected


def test_a_conference_of_its_own_is_another_event(responder: Responder) -> None:
    """"tổ chức hội nghị riêng … ngày nào": the date of another conference, which the report cannot give."""
    reply = responder.answer("Sau hội nghị toàn quốc này, tỉnh có tổ chức hội nghị riêng để triển khai nhiệm vụ "
                             "năm 2021 vào ngày nào?")
    assert reply.fallback


@pytest.mark.parametrize("message", ["Báo cáo tổng kết 5 năm có nêu kết quả riêng nào của Cà Mau không?",
                                     "Does the summary report list any results of Cà Mau's own?"])
def test_a_places_own_doings_asked_of_an_answer_silent_on_it_are_refused(responder: Responder, message: str) -> None:
    """The term's results say nothing of Cà Mau: the refusal of Cà Mau's own work, which names it, replies."""
    reply = responder.answer(message)
    assert reply.fallback and reply.matched == "refuse_camau_own_work"


@pytest.mark.parametrize("message", ["Trong bài có câu trích nào của đồng chí Nguyễn Tiến Hải không?",
                                     "Bí thư Nguyễn Tiến Hải có chỉ đạo gì cho tỉnh sau khi dự hội nghị xong không?"])
def test_a_quote_or_directive_of_someone_who_only_attended_is_refused(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


def test_a_directive_of_the_speaker_who_gave_one_is_answered(responder: Responder) -> None:
    assert responder.answer("Ông Vượng chỉ đạo gì trong năm 2021?").intent == "vuong_requirements_2021"


def test_another_sources_wrong_period_is_set_right(responder: Responder) -> None:
    """"Thông cáo ghi … 2021-2025, trong bài ghi giai đoạn nào?": the third task gives 2021 - 2026."""
    reply = responder.answer("Thông cáo ghi chương trình phối hợp mới cho giai đoạn 2021-2025, vậy trong bài ghi "
                             "giai đoạn nào?")
    assert reply.intent == "mai_task_3" and "2026" in reply.text


@pytest.mark.parametrize("message", ["ai?", "khi nào?", "who?", "what?", "where?", "bao nhiêu?", "là gì?", "when?"])
def test_question_words_alone_fall_back(responder: Responder, message: str) -> None:
    """Nothing tells one answer from another: the honest fallback with topics, never a guess."""
    assert responder.answer(message).fallback


@pytest.mark.parametrize(("message", "expected"), [
    ("Hội nghị này có phải hội nghị riêng của tỉnh Cà Mau không?", {"event_overview", "event_format"}),
    ("Tham dự hội nghị của Tỉnh ủy Cà Mau có những ai?", {"camau_attendees"}),
    ("Họp xong, ai là người phát biểu kết luận?", {"person_truong_thi_mai", "mai_conclusion_overview"}),
    ("Ông Hải có chỉ đạo gì không?", {"person_nguyen_tien_hai"}),  # his answer says the report gives no speech
])
def test_cues_of_other_events_and_later_doings_leave_the_conference_alone(responder: Responder, message: str,
                                                                         expected: set[str]) -> None:
    assert responder.answer(message).intent in expected


def test_a_prize_the_report_never_gives_is_refused(responder: Responder) -> None:
    assert responder.answer("Có phải Cà Mau đoạt giải nhất phong trào Dân vận khéo năm 2020 không?").fallback
    assert responder.answer("Phong trào Dân vận khéo được đánh giá thế nào?").intent == "finding_dan_van_kheo"


def test_a_community_the_report_never_names_is_refused_with_what_it_says_in_general(responder: Responder) -> None:
    reply = responder.answer("Hội nghị có nói gì riêng về đồng bào Khmer không?")
    assert reply.fallback and "dân tộc thiểu số" in reply.text  # the report's general words, said as such


def test_the_report_s_broader_words_beside_a_community_are_what_is_asked(responder: Responder) -> None:
    """"ấp có bà con Khmer": context; the question asks about ethnic minorities, which the report covers."""
    reply = responder.answer("Ấp tôi có bà con Khmer, báo cáo nói gì về công tác dân vận với đồng bào dân tộc "
                             "thiểu số?")
    assert reply.intent == "finding_ethnic_religious_overseas"


@pytest.mark.parametrize("message", ["bà Mai sau hội nghị đó có lên chức gì không",
                                     "ba mai sau hn co thang chuc ko"])
def test_a_promotion_after_the_conference_is_beyond_the_report(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


@pytest.mark.parametrize(("message", "expected"), [
    ("bí thư tỉnh ủy cà mau là ai, tỉnh có nhiều bà con khmer", "person_nguyen_tien_hai"),  # the Khmer: context
    ("Hội nghị trực tuyến thì người xem ở điểm cầu Cà Mau gồm những ai?", "camau_attendees"),
    ("Who was the highest-ranked leader at the conference?", "person_tran_quoc_vuong"),
    ("After the conference, what work should be promoted in 2021?", "mai_conclusion_overview"),
    ("Các nhiệm vụ sau nhiệm vụ thứ 5 là gì?", "mai_task_6"),
    ("ý 3 đồng chí Vượng yêu cầu là gì, trả lời 3 câu thôi", "vuong_req_noi_it_lam_nhieu"),
])
def test_words_near_new_cues_in_questions_the_report_answers(responder: Responder, message: str,
                                                             expected: str) -> None:
    """Guards: a community named beside another subject, "người xem" as attendees, "ranked" as seniority,
    "promoted" as pushed forward, the tasks after the fifth, "3 câu" beside "ý 3"."""
    assert responder.answer(message).intent == expected


def test_a_deadline_the_report_never_gives_is_refused(responder: Responder) -> None:
    assert responder.answer("Chương trình hành động phải được ban hành trước thời hạn nào?").fallback
    assert responder.answer("Việc tổng kết chương trình phối hợp có thời hạn cụ thể không, quý mấy phải xong?").fallback
    assert responder.answer("Chương trình hành động thực hiện Nghị quyết Đại hội XIII là nhiệm vụ thứ mấy?"
                            ).intent == "mai_task_2"


@pytest.mark.parametrize(("message", "expected"), [
    ("Ngày bầu cử Quốc hội khóa XV mà nhiệm vụ thứ tư có nhắc đến là ngày nào vậy?", "refuse_election_results"),
    ("Số hiệu các văn bản của Đảng được nêu ở nhiệm vụ thứ hai là gì?", "refuse_documents"),
    ("Đại hội XIII mà nhiệm vụ thứ tư nhắc tới diễn ra khi nào", "refuse_congress_13_results"),  # the task has no day
    ("the congress mentioned in the fourth task - when was it held?", "refuse_congress_13_results"),
    ("bầu cử Quốc hội khóa XV trong nhiệm vụ 4 diễn ra ngày nào?", "refuse_election_results"),  # quotes task 4
    ("Nhiệm vụ thứ tư phải làm xong khi nào?", "mai_task_4"),  # the task's own time: no other refusal
    ("Nhiệm vụ thứ tư của năm 2021 nhấn mạnh việc nắm tình hình nhân dân vào các thời điểm nào?", "mai_task_4"),
    ("Chương trình phối hợp được nhắc đến trong nhiệm vụ thứ ba là cho giai đoạn nào?", "mai_task_3"),
    ("the elections mentioned in the fourth task are for which term?", "mai_task_4"),
])
def test_what_a_task_only_mentions_is_asked_of_itself(responder: Responder, message: str, expected: str) -> None:
    """The election's date is not in the task that mentions the election: the refusal says so and
    quotes the task; what the task itself gives (the programme's period, the term) is still the task's."""
    assert responder.answer(message).matched == expected


@pytest.mark.parametrize(("message", "said"), [
    ("Hội Phụ nữ có được giao nhiệm vụ gì riêng trong năm 2021 không?", "tổ chức chính trị - xã hội"),
    ("Did the conference say anything about the Youth Union?", "socio-political organisations"),
    ("Hội Phụ nữ tỉnh Cà Mau có cử người dự ở điểm cầu tỉnh không?", "không nêu riêng tên tổ chức này"),
    ("Tôi ở Đoàn Thanh niên, hội nghị có nói gì về đoàn chúng tôi không?", "không nêu riêng tên tổ chức này"),
    ("Hội Người cao tuổi có được giao nhiệm vụ gì trong năm 2021 không?", "không nêu riêng tên tổ chức này"),
])
def test_an_organisation_the_report_never_names_is_refused_with_what_it_says_of_all(
        responder: Responder, message: str, said: str) -> None:
    reply = responder.answer(message)
    assert reply.fallback and said in reply.text


@pytest.mark.parametrize(("message", "expected"), [
    ("Mặt trận và các đoàn thể như Hội Nông dân năm 2021 phải đổi mới gì?", {"vuong_req_front_renewal", "mai_task_6"}),
    ("Hội Phụ nữ xã chị cần: nhiệm vụ thứ 6 là gì?", {"mai_task_6"}),             # the asker's organisation
    ("Cảm ơn cháu nhé, bác đi sinh hoạt Hội Cựu chiến binh đây.", {"smalltalk_thanks", "smalltalk_goodbye"}),
    ("me em lam o hoi phu nu xa, me em muon biet hoi nghi do ai to chuc", {"event_organizer"}),
    ("Bác sinh hoạt Hội CCB phường, cho bác hỏi hội nghị có bao nhiêu điểm cầu", {"event_bridge_points"}),
    ("em ở đoàn thanh niên, ông Vượng yêu cầu gì về cán bộ làm dân vận", {"vuong_req_cadre_selection"}),
    ("Cà Mau có nhiều người Khmer, ở điểm cầu Cà Mau có những ai dự", {"camau_attendees"}),  # said in passing
    ("Ở Cà Mau có bà con Khmer, hội nghị có nói gì riêng về họ không?", {None}),  # asked about: refused
    ("Hội Phụ nữ xã tôi muốn biết hội nghị do ai tổ chức", {"event_organizer"}),  # before what is asked
    ("Chào bot, em bên đoàn thanh niên xã", {"smalltalk_greeting"}),  # a greeting and who greets
    ("Chào em, chị là chủ tịch Hội Phụ nữ xã", {"smalltalk_greeting"}),
    ("Chào bot, em bên đoàn thanh niên xã cần danh sách 7 nhiệm vụ", {"mai_conclusion_overview"}),  # a request
    ("Xin chào, chị là chủ tịch Hội Phụ nữ xã, cho chị hỏi hội nghị ngày nào?", {"event_date"}),  # no "chào chị"
    # "thêm" is no "them", and "dân" no word of "Hội Nông dân" unless that is the name found
    ("Xã tôi đang cùng Hội Phụ nữ làm mô hình dân vận khéo, vậy phong trào Dân vận khéo được đánh giá thế nào, "
     "có yêu cầu gì thêm không?", {"finding_dan_van_kheo", "vuong_req_emulation"}),
    ("Chị bên Hội Phụ nữ xã đang làm báo cáo: ông Vượng dặn cán bộ nói ít làm nhiều là sao?",
     {"vuong_req_noi_it_lam_nhieu"}),
    # the name's words count as a phrase: "nông thôn" in the question is no "Hội Nông dân" pointed back to
    ("ba Mai co dan gi ve dong bao dan toc o nong thon khong, hoi nong dan xa toi muon biet",
     {"finding_ethnic_religious_overseas", "mai_task_5", "mai_conclusion_overview"}),
])
def test_an_organisation_named_beside_what_is_asked_is_context(responder: Responder, message: str,
                                                               expected: set[str]) -> None:
    """The Front and the organisations together are the report's words; a task asked by its place, small
    talk, the asker's own organisation and a group named in passing ask about no organisation."""
    assert responder.answer(message).matched in expected


@pytest.mark.parametrize(("typed", "spelt"), [("nhiệm kì mấy", "nhiệm kỳ mấy"), ("nhiem ki may", "nhiệm kỳ mấy"),
                                              ("quí I", "quý I")])
def test_i_and_y_are_one_spelling(responder: Responder, typed: str, spelt: str) -> None:
    """"Nhiệm kì" is how many type "nhiệm kỳ": kept as typed, it was a word the report never uses."""
    assert responder.matcher.normalize(typed) == responder.matcher.normalize(spelt)
    assert responder.answer("hn dân vận tổng kết nhiệm kì XII tổ chức hôm nào vậy").intent == "event_date"
    assert responder.answer("lí do tổ chức hội nghị trực tuyến là gì").matched \
        == responder.answer("lý do tổ chức hội nghị trực tuyến là gì").matched


@pytest.mark.parametrize(("message", "expected"), [
    ("Bài đăng trên mạng ghi hội nghị có 46 điểm cầu, mình thấy sai sai, thực tế là bao nhiêu điểm cầu?",
     "event_bridge_points"),
    ("bài đăng nói có 36 điểm cầu, sai sai", "event_bridge_points"),  # "bài đăng" is no "bài Đảng"
    ("Một video nói phần định hướng là cho nhiệm kỳ 2021-2025, bản gốc ghi gì?", "event_term_orientation"),
])
def test_a_doubted_version_seen_online_gets_the_right_figure(responder: Responder, message: str,
                                                              expected: str) -> None:
    """A wrong number in a post the asker doubts is the premise to set right, not another subject."""
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("message", ["Ông Lĩnh công tác ở đâu?", "ông Nguyễn Hồng Lĩnh làm ở đâu",
                                     "người trình bày báo cáo tóm tắt là ai, ông ấy làm ở đâu",
                                     "ông Lĩnh làm phó ở đâu vậy"])  # a post between the verb and "ở đâu"
def test_where_someone_works_is_their_office(responder: Responder, message: str) -> None:
    """"Làm ở đâu" asks his office, which his posts give (Ban Dân vận Trung ương), not a venue."""
    reply = responder.answer(message)
    assert reply.intent == "person_nguyen_hong_linh" and "Ban Dân vận Trung ương" in reply.text


def test_where_someone_works_in_english_is_their_office(responder: Responder) -> None:
    """"Where does … work?" asks the office too, a few words after "where"."""
    reply = responder.answer("Where does Nguyen Hong Linh work?")
    assert reply.intent == "person_nguyen_hong_linh" and "Central Mass Mobilization Commission" in reply.text


def test_the_language_an_answer_is_wanted_in_is_no_subject(responder: Responder) -> None:
    """"in simple English" says how to answer, "lol" laughs; left in, their words drowned "what was it about"."""
    assert responder.answer("Could you explain in simple English what the conference was about?").intent \
        == "event_overview"
    assert responder.answer("can u tell me what the conference was about lol").intent == "event_overview"
    assert responder.answer("trả lời bằng tiếng Anh giúp mình: hội nghị ngày nào?").intent in {"event_date",
                                                                                             "event_overview"}


@pytest.mark.parametrize("message", ["ông Lĩnh sau này có được bổ nhiệm làm Trưởng ban không",
                                     "Was Truong Thi Mai appointed to another post later?"])
def test_a_later_appointment_is_beyond_the_titles_of_the_day(responder: Responder, message: str) -> None:
    """The report gives the titles held on 31/12/2020; it knows nothing of later appointments."""
    assert responder.answer(message).matched == "refuse_personal_details"


@pytest.mark.parametrize(("message", "expected"), [
    ("Vì sao hội nghị phải dời sang đầu năm 2021 mới họp?", None),  # a premise with no reason to give
    ("Vì sao điểm cầu Cà Mau bị mất kết nối giữa chừng?", None),
    ("Why did Nguyen Hong Linh present the report instead of the head of the commission?", None),
    ("Tại sao ông Vượng yêu cầu cán bộ nói ít làm nhiều?", "vuong_req_noi_it_lam_nhieu"),  # "để dân tin"
    ("Vì sao công tác dân vận quan trọng?", "vuong_speech_overview"),  # "yếu tố quan trọng làm nên thành công"
    ("vì sao dân vận khéo có ý nghĩa?", "finding_dan_van_kheo"),  # "đem lại nhiều hiệu quả, có ý nghĩa thiết thực"
    ("vì sao không bố trí cán bộ đạo đức kém làm dân vận?", None),  # "không" says not; it asks no yes or no
    # a yes-or-no clause that offers a reason, or asks for one, still asks why
    ("Tại sao phải đổi mới phương thức hoạt động của Mặt trận, có phải vì Mặt trận làm chưa tốt không?", None),
    ("vì sao vẫn còn điểm nóng ở một số nơi, bài có phân tích lý do không", None),
])
def test_a_why_is_answered_only_with_a_reason(responder: Responder, message: str, expected: str | None) -> None:
    """An answer that gives no reason does not answer "why"; the nearest topics are offered instead."""
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize("message", ["phong trào Dân vận khéo ra đời khi nào, ai khởi xướng",
                                     "Dân vận khéo do ai phát động ạ?",
                                     "Who first launched the Dân vận khéo emulation movement?"])
def test_a_movements_beginnings_are_beyond_the_report(responder: Responder, message: str) -> None:
    """The report speaks of Dân vận khéo in the term's results, never of when or by whom it began."""
    assert responder.answer(message).fallback


@pytest.mark.parametrize(("message", "answered"), [
    ("Tại hội nghị có đơn vị nào được khen thưởng không?", False),
    ("Tỉnh nào làm Dân vận khéo giỏi nhất cả nước?", False),
    ("Cán bộ làm sai thì bị kỷ luật theo quy định nào?", False),
    ("Who later replaced Nguyen Hong Linh?", False),
    ("Phong trào Dân vận khéo có được khen là hiệu quả không?", True),     # praised in the findings
    ("cán bộ làm dân vận phải giữ kỷ luật thế nào theo ông Vượng", True),  # the report's own word
])
def test_awards_rules_and_successors_are_details_the_report_never_gives(responder: Responder, message: str,
                                                                         answered: bool) -> None:
    assert (responder.answer(message).intent is not None) is answered


@pytest.mark.parametrize("message", [
    "Bao cao co noi ty le nguoi dan tin tuong vao Dang tang len khong?",
    "What proportion of petitions were settled at the grassroots in the last five years?",
    "Niềm tin của nhân dân với Đảng được khảo sát ra sao trong nhiệm kỳ?",
])
def test_rates_and_surveys_are_figures_the_report_never_gives(responder: Responder, message: str) -> None:
    """The report has no percentage and no survey: the findings on trust or petitions do not answer a rate."""
    assert responder.answer(message).intent not in {"finding_awareness", "report_overview", "report_results_summary",
                                                    "finding_democracy", "vuong_req_dialogue"}
    assert responder.answer("Bao cao noi gi ve niem tin cua nhan dan doi voi Dang?").intent in {
        "finding_awareness", "report_results_summary"}


def test_or_in_a_yes_no_question_lists_offers_no_choice(responder: Responder) -> None:
    """"… Hội Nông dân hay nông dân … không": both the report leaves unnamed; "Ban Tuyên giáo hay Ban Dân
    vận tổ chức?" offers a choice the organiser's answer settles."""
    assert responder.answer("Bà Mai có nhắc riêng tới nông dân hay Hội Nông dân trong kết luận không?").fallback
    assert responder.answer("Ban Tuyên giáo hay Ban Dân vận tổ chức hội nghị?").intent in {"event_organizer",
                                                                                       "event_overview"}


@pytest.mark.parametrize(("message", "refused"), [
    ("Hội nghị tổng kết dân vận nhiệm kỳ XI họp ngày nào?", True),  # the term before the report's
    ("When was the review conference for the 11th term held?", True),
    ("Hội nghị này tổng kết nhiệm kỳ XI hay XII?", False),  # the report's term offered: it says which
])
def test_a_conference_of_another_term_is_another_event(responder: Responder, message: str, refused: bool) -> None:
    assert (responder.answer(message).intent is None) is refused


@pytest.mark.parametrize(("message", "expected"), [
    # southern "hông" checks a claim as "không" does; the Hồng of Nguyen Hong Linh typed plain stays a name
    ("Chú nghe nói ông Vượng là Chủ tịch Quốc hội, đúng hông con?", "person_tran_quoc_vuong"),
    ("ong Nguyen Hong Linh giu chuc gi", "person_nguyen_hong_linh"),
    # "danh gia lai" is "đánh giá lại", not the province Gia Lai
    ("nam 2021 co viec danh gia lai mot so van ban cua dang ve dan van ko", "mai_task_1"),
    # why the asker asks, at the end, is no subject: "GDCD" is their school subject
    ("hội nghị diễn ra ngày nào vậy, tui cần gấp để nộp bài GDCD", "event_date"),
    ("hoi nghi dien ra ngay nao, mik can gap de nop bai GDCD", "event_date"),
    # an introduction typed plain, before "cho em hoi" without a comma
    ("em dang on thi gdcd cho em hoi hoi nghi to chuc ngay nao va o dau", "event_date"),
    # whom the asker reports to is no subject: "báo cáo lại" is not the summary report
    ("Tôi là cán bộ BDV xã, cần báo cáo lại cho anh em trong chi bộ: hội nghị họp theo hình thức gì?",
     "event_format"),
    # "there" points back to the section the introduction names
    ("I'm most interested in the part on religious communities. What did the report say was done there?",
     "finding_ethnic_religious_overseas"),
])
def test_how_people_frame_a_question_does_not_change_its_answer(responder: Responder, message: str,
                                                                expected: str) -> None:
    assert responder.answer(message).intent == expected


def test_tinh_gia_lai_typed_plain_is_still_another_province(responder: Responder) -> None:
    assert responder.matcher.match("tinh gia lai co ai du hoi nghi ko").verdict is Verdict.OUT_OF_SCOPE


def test_plain_words_asked_for_someone_else_are_no_praise(responder: Responder) -> None:
    """"Nói nôm na cho các bạn sinh viên dễ hiểu thì …" asks for plain words, then asks a question."""
    reply = responder.answer("Nói nôm na cho các bạn sinh viên dễ hiểu thì năm năm qua việc thuyết phục dân đã giúp "
                             "dân đồng lòng với Đảng hơn ra sao?")
    assert reply.intent != "smalltalk_praise"


@pytest.mark.parametrize("message", [
    # the name of someone the report gives only by post is no answer's, however near its words
    "Trưởng Ban Dân vận Tỉnh ủy Cà Mau tên đầy đủ là gì vậy, mình cần ghi vào sổ họp",
    "trưởng ban dân vận Thành ủy Cà Mau tên là gì ạ?",
    "Trưởng Ban Dân vận Tỉnh ủy Cà Mau lúc đó là đồng chí nào?",
    "Who is the director of the Cà Mau provincial mass mobilization commission?",
    # …read across the words that say whose post it is, in either order
    "Who was the head of the mass mobilization commission of Ca Mau province?",
    "ai làm trưởng ban dân vận ở cà mau hồi đó, tên gì",
    # what those who only attended said: the report gives the words of three speakers only
    "Các sở, ngành ở Cà Mau có góp ý gì về cải cách hành chính tại hội nghị không?",
    "Đại biểu ở điểm cầu Cà Mau có feedback gì về hội nghị không?",
    "Ngoài ba người phát biểu, có địa phương nào phát biểu tham luận không?",
    # what came after, what a post does, when a resolution was adopted, what a change will do
    "Sau hội nghị, số mô hình Dân vận khéo ở Cà Mau có tăng lên không?",
    "Thường trực Ban Bí thư có chức năng nhiệm vụ gì?",
    "Nghị quyết Đại hội XII được thông qua năm nào?",
    "Việc đổi mới đánh giá cán bộ tiếp dân sẽ ảnh hưởng thế nào tới cán bộ xã?",
    # a date of what a task only mentions, asked "ngày tháng năm nào"
    "Đại hội XIII mà nhiệm vụ số 4 nhắc tới diễn ra vào ngày tháng năm nào?",
    # causes, another term compared, advice for the asker's own work
    "What caused the security hot spots that the report says were limited?",
    "So với nhiệm kỳ Đại hội XI thì công tác dân vận nhiệm kỳ XII tiến bộ ở những điểm nào?",
    "Nếu bạn là cán bộ dân vận xã thì bạn ưu tiên nhiệm vụ nào trước?",
    # the bot's own judgement, asked the way an elder in the South asks, or plainly
    "Theo bây thấy nhiệm vụ nào khó làm nhất?",
    "Nói thật đi bot, phong trào dân vận khéo có hiệu quả không?",  # "tell the truth": the bot's candid view
    "Bạn đánh giá thế nào về bài phát biểu của ông Vượng?",
    # what one who only attended promised; which law governs a thing; a film shown; money handed out
    "Đại diện UBND tỉnh Cà Mau có hứa hẹn gì tại hội nghị không?",
    "Which law governs grassroots democracy, according to the report?",
    "Hội nghị có chiếu phim tài liệu nào về dân vận khéo không?",
    "Năm 2021 nông dân có được hỗ trợ tiền không, bài có nói không?",
    # the views of someone who only attended, named
    'Ý kiến của đồng chí Nguyễn Tiến Hải về phong trào "Dân vận khéo" ở Cà Mau được bài ghi nhận thế nào?',
    'What was Nguyen Tien Hai\'s view on the "Dân vận khéo" movement?',
    # who holds a post the report gives nobody, asked "là ai"
    "Chủ tịch Mặt trận Tổ quốc Việt Nam hồi đó là ai, ông có dự hội nghị này không?",
    # prizes for outstanding people: no praise of the bot, and no prize the report gives
    "Hội nghị có trao giải cho các cá nhân xuất sắc trong phong trào Dân vận khéo không?",
    # a case behind a requirement, asked beside why
    "Vì sao ông Vượng yêu cầu nói ít làm nhiều, có vụ việc cụ thể nào khiến ông nói vậy không?",
    "Why did Vuong ask cadres to talk less and do more — was there a specific incident behind it?",
    # what district boards answered; someone's career after the conference
    "các đồng chí BDV huyện ủy ở Cà Mau có phản hồi gì tại hội nghị không",
    "ông Hải còn làm bí thư tỉnh ủy tới năm nào vậy?",
    # whether someone holds the post still: the report gives titles as of its day only
    "ông Vượng giờ còn giữ chức Thường trực Ban Bí thư không",
    "ông Lĩnh còn làm phó ban tới khi nào vậy",
    "What did Truong Thi Mai go on to do in 2021?",  # what came after, in English
    "Does Ms Mai still head the commission?",
    # what a post is or does, asked of the post and not of whoever held it
    "Thường trực Ban Bí thư là chức gì vậy, có lớn không",
    "What powers does a Provincial Party Secretary have?",
    # a place's own doings, which no answer silent on the place can tell
    "nhiệm kỳ XII tỉnh Cà Mau có thành tích dân vận gì nổi bật",
    "huyện tui có mô hình 'dân vận khéo' nào được nêu tên hay biểu dương không",  # a model singled out
    "Cà Mau có được Trung ương nêu tên biểu dương không, hay chỉ ngồi nghe?",  # praise, not who attended there
    # the criteria of an evaluation, how a task is done on the ground: the report gives neither
    "việc đánh giá cán bộ tiếp dân sẽ theo tiêu chí nào vậy",
    "cải cách hành chính theo yêu cầu của ông Vượng thì làm cụ thể ntn",
    # a count of something other than what the answer's numbers count, or a number asked of the report
    "Báo cáo có nêu số vụ khiếu kiện đông người trong năm 2020 không?",
    "Hội nghị có bao nhiêu bản tham luận được trình bày?",
    "How many participants sat at the central bridge point in Hanoi?",
    # the armed forces, named beside a clause that goes on with it
    "Công tác dân vận trong lực lượng vũ trang, tức công an và quân đội, được đánh giá thế nào?",
    # session 18: each reads like one answer, but asks what that answer cannot give
    # a count stated as a claim, which no number of the answer can confirm or correct
    "Có đúng là ông Vượng yêu cầu giảm 10% thủ tục hành chính không?",
    # a why whose answer only says something works well ("hiệu quả" is no reason), or a why of a
    # failing: the report gives no cause of one, however its answers explain what helped
    "Vì sao phong trào Dân vận khéo ở một số nơi vẫn còn hình thức?",
    "Why do hot spots of security and order still occur in some places?",
    "Vì sao bà Mai yêu cầu nắm tình hình nhân dân dịp bầu cử, có phải vì sợ kẻ xấu kích động không?",
    # what those who only attended felt, said or asked, by their group
    "Các đại biểu ở Cà Mau phản ứng thế nào với lời kêu gọi nói ít làm nhiều?",
    "How did the Ca Mau delegation react to Truong Thi Mai's closing speech?",
    "Quan điểm của BDV các huyện ủy ở Cà Mau về báo cáo của đồng chí Lĩnh thế nào?",
    "Lãnh đạo BDV tỉnh ủy Cà Mau có kiến nghị gì về chương trình phối hợp không?",
    "mấy ông ban dân vận huyện dự hôm đó có hỏi gì không",
    # a figure or a detail inside what a list item only mentions
    "Chương trình phối hợp ở nhiệm vụ thứ ba được cấp kinh phí bao nhiêu?",
    "What was the budget of the coordination programme named in the third task?",
    # a why of one choice over another, or a reason asked as what it is
    "Why did Trần Quốc Vượng attend in Hanoi rather than at the Cà Mau bridge point?",
    "Vì sao bà Mai phát biểu kết luận mà không phải ông Vượng, có lý do gì không?",
    "Nguyên nhân gì khiến hội nghị tổ chức trực tuyến?",
    # what came of a list counted, who came after someone, an award given later
    "Qua năm 2021 rồi, mấy nhiệm vụ bà Mai giao làm tới đâu rồi?",
    "Mấy việc trọng tâm năm 2021 đó giờ làm đến đâu rồi bạn?",
    "Have the seven tasks been achieved by now?",
    "Sau Đại hội XIII ai lên thay bà Mai làm Trưởng Ban Dân vận Trung ương?",
    # what came of the tasks, 2021 spoken of as past
    "Qua năm 2021 rồi, mấy nhiệm vụ trọng tâm có kết quả gì chưa?",
    # an agreement signed at the conference
    "Hội nghị có ký kết quy chế phối hợp với bộ nào không?",
    # the bot's own view asked by its name; other countries by the names people use; what people wore
    "Theo bot thì phong trào Dân vận khéo có thực chất không?",
    "Hội nghị có nói kinh nghiệm dân vận của nước bạn Lào không?",
    "Đại biểu dự hội nghị có đeo khẩu trang không?",
    # how a list item's matter stands today, or what went wrong that it asks to mend
    "Nhiệm vụ thứ bảy nói kiện toàn bộ máy dân vận, vậy hiện tại bộ máy ấy đang thiếu những gì?",
    "Vì sao phải đổi mới phương thức hoạt động của Mặt trận, cách cũ có problem gì?",
    "Why did Vượng ask to renew the Front's methods, what went wrong before?",
    # who holds a post today, or whether someone still does: the report gives titles as of its day
    "Who chairs the Central Mass Mobilization Commission now?",
    "Ông Lĩnh có còn làm Phó Trưởng Ban nữa không?",
    "Hiện tại ai giữ chức Bí thư Tỉnh ủy Cà Mau?",
    "Is Nguyen Tien Hai still serving as Party secretary of Ca Mau?",
    # concrete measures and the difficulties met: the report names results and tasks, neither of these
    "Biện pháp cụ thể để tăng cường đối ngoại nhân dân ở vùng biên giới là gì?",
    "Những vướng mắc khi vận động người dân ở vùng biên giới được nêu ra là gì?",
    # why only this and not that, typed in teen-code
    "sao Cà Mau chỉ có lãnh đạo BDV tỉnh ủy dự chứ ko phải cả ban thường vụ z",
    "sao ông Hải chỉ dự ở Cà Mau chứ ko ra Hà Nội z",
    # what a body is or does, and which body leads a task: the report explains no body and assigns no task
    "mặt trận tổ quốc là tổ chức gì vậy, lo việc gì cho dân?",
    "Ban dân vận là cơ quan làm gì, cho em hỏi với",
    "Đơn vị nào chịu trách nhiệm thực hiện nhiệm vụ thứ năm?",
    "Which agency is in charge of the coordination programme for 2021–2026?",
    # why a part of the findings happened, whatever reasons the summary of them gives for other things
    "What caused the complex hot spots in ethnic and religious areas that the report says were limited?",
    # what a post is, in teen-code; who held a post before someone
    "Phó Trưởng Ban là chức j vậy mn",
    "Ai làm Bí thư Tỉnh ủy Cà Mau trước ông Nguyễn Tiến Hải?",
    # which ones, specifically, of a kind the report names only as a kind
    "Ông Vượng kể thành tựu của đất nước, cụ thể là những thành tựu nào vậy?",
    "Bà Mai nói triển khai các văn bản mới của Đảng, cụ thể là văn bản nào?",
    "Phong trào Dân vận khéo hiệu quả trên các lĩnh vực, cụ thể lĩnh vực nào?",
    # a headcount cut or grown, and the video system used: neither is told
    "kiện toàn bộ máy dân vận thì tăng hay giảm biên chế vậy ad",
    "Which video system connected the provinces to Hanoi?",
    # the article's own date: the byline gives none
    "What's the publication date of this piece? I'm citing it.",
    "bài này có ghi ngày phát hành không ad",
    # whether the report explains why, asked at the end or the start; a cause asked as where it lies
    "Vì sao nhiệm vụ thứ 6 lại nhắc Mặt trận giám sát, bài có giải thích không?",
    "Bài có giải thích lý do ông Vượng dự ở Hà Nội chứ không về Cà Mau không?",
    "Sao vẫn còn điểm nóng ở vùng dân tộc, nguyên nhân ở đâu vậy?",
    # why that day was chosen: the purpose of the conference is no reason for its date
    "Sao hội nghị lại tổ chức đúng dịp cuối năm vậy?",
    # targets, the ministries assigned, formalism, interviews: none of these is in the report
    "What specific targets were set for the seven tasks?",
    "Were concrete targets set for the Front's work in 2021?",
    "Which ministries are assigned to carry out the seventh task?",
    "Did the report criticise formalism in the grassroots democracy work?",
    "Bài có phỏng vấn cán bộ dân vận ở cơ sở không?",
    # the bot's view of which speech was better; places singled out as weak
    "bạn thấy ông Lĩnh đọc báo cáo hay bà Mai kết luận thì ai nói tốt hơn",
    "Trong nhiệm kỳ qua, tỉnh nào bị đánh giá còn yếu về dân vận?",
    "Địa phương nào được đánh giá là còn yếu trong nhiệm kỳ qua?",
    # rules in force today, and how two posts differ: the report explains neither
    "Nghị định về dân chủ cơ sở hiện hành là nghị định nào?",
    "Quy chế dân chủ ở cơ sở hiện hành do ai ban hành?",
    "How does a Deputy Head of the Commission differ in duties from the Head?",
    # why something happens often ("hay" is no "or" there): the report gives no cause
    "vì sao vùng có đạo hay có điểm nóng vậy, do đâu?",
    "tai sao diem nong hay xay ra o vung dan toc v",
    # a share typed as a sign: the report gives no percentage
    "báo cáo có nói niềm tin của nhân dân tăng mấy % không",
    # what came after the conference, and when: the report ends with it
    "Sau hội nghị, Ban Dân vận Trung ương họp tiếp vào ngày nào?",
    "Chương trình phối hợp về sau đã ký kết chưa?",
    "Was the action programme actually issued afterwards?",
    "chương trình hành động phải ban hành trước hạn nào vậy",
    "Bộ nào được phân công chủ trì nhiệm vụ thứ năm?",
    # the article's own date, and an hour of the clock: the report gives neither
    "Bài này được đăng lên báo vào ngày nào vậy?",
    "Đề nghị cho biết ngày giờ phát hành bản tin này.",
    "Ông Vượng lên phát biểu khoảng mấy giờ, trước hay sau phần báo cáo của ông Lĩnh?",
    # what an attendee said, asked as "ý kiến phát biểu của đại diện …": the report gives no one's words but three
    "Xin cho biết ý kiến phát biểu của đại diện UBND tỉnh Cà Mau.",
    # why this one and not another, "the one who" naming no second question
    "Why was Nguyen Hong Linh, rather than Truong Thi Mai, the one who presented the report?",
    # English plurals of curated singulars: "Politburo members" is "Politburo member"
    "Which other Politburo members, besides Vuong and Mai, joined the meeting?",
    # thanks someone gave, asked about: no thanks to the bot, and the report names no one thanked
    "Bà Mai có cảm ơn tỉnh nào không?",
    "ông Lĩnh có khen hay cảm ơn ai không vậy",
    # what came of it in 2021, without a verb of doing it: "có kết quả", "làm được", "hết năm 2021"
    "Sau hội nghị, năm 2021 Dân vận khéo có kết quả ra sao bạn?",
    "hết năm 2021 rồi thì các nhiệm vụ của bà Mai có làm được cái nào chưa",
    # why no one did something: the report says who spoke, never why others did not
    "sao tỉnh mình không có ai lên phát biểu vậy",
    # staffing rules, and where a saying or a post comes from: none in the report
    "Nhiệm vụ thứ bảy có quy định biên chế cán bộ dân vận cấp xã là mấy người không?",
    "câu dân biết dân bàn xuất xứ từ đâu vậy ad",
    "What role does the Standing Member of the Secretariat play in Vietnam's political system?",
    "Where does the term dân vận come from historically?",
    # firsts in a post's history, how two terms differ, a saying of Hồ Chí Minh quoted: none in the report
    "Was Truong Thi Mai the first female head of the Commission?",
    "How does social supervision differ from social criticism in Party terms?",
    "Ông Vượng có dẫn lời dạy nào của Bác Hồ không?",
    # why, ended by "I don't understand" (no yes-or-no "không" at the end)
    "Sao bà Mai là trưởng ban mà để ông Lĩnh trình bày báo cáo, tôi không hiểu?",
    # a review of another year, shortened ("hn", "tổng kết … năm 2021"); another sitting the same day
    "hn tong ket dan van nam 2021 thi hop ngay may",
    "chiều cùng ngày hội nghị có họp tiếp không",
    # figures cited, and shortcomings in everyday words: the report gives neither
    "What specific figures did Vuong give about growth?",
    "báo cáo có nói ở đâu đó cán bộ còn chưa sát dân không",
    # since when someone held their post, asked in English: the report gives titles as of its day
    "When did Vuong become Standing Member of the Secretariat?",
    # a body's role in the Party: the report names bodies, never their remit
    "What is the Commission's role within the Party, and what does it do day to day?",
    # directions of their own from someone who only attended; how a renewal is done; a province singled out
    "Sau hội nghị, ông Bí thư Tỉnh ủy Cà Mau có chỉ đạo gì thêm không?",
    "Mặt trận phải đổi mới cụ thể ra sao",
    "tỉnh nào có nhiều mô hình dân vận khéo nhất",
    # a month asked of a task the report dates by its year only; a method the report never spells out
    "Chương trình phối hợp mới được ký vào tháng nào?",
    "cấp trên có hướng dẫn cách làm cụ thể cho xã không",
    # what came of a task for 2021, asked in the perfect: the report of 31/12/2020 cannot know
    "Năm 2021 Dân vận khéo thực tế làm được gì rồi?",
    "Chương trình phối hợp giai đoạn 2021-2026 đã ký chưa?",
    # a province singled out, in English; the causes asked with "what were"
    "In her conclusion, did Mai comment on any particular province?",
    "What were the causes of the hot spots?",
    # who came after someone in English; a saying of Hồ Chí Minh quoted ("câu nào của Bác")
    "Who succeeded Mai as head of the Commission?",
    "ông Vượng có nhắc câu nào của Bác không",
])
def test_near_misses_get_no_neighbouring_answer(responder: Responder, message: str) -> None:
    reply = responder.answer(message)
    assert reply.kind in (Kind.FALLBACK, Kind.REFUSAL, Kind.OUT_OF_SCOPE), (reply.kind, reply.intent)


@pytest.mark.parametrize(("message", "expected"), [
    # counts of what the answer's numbers count, in other words ("bridge points", "việc")
    ("How many provincial and city bridge points were linked to Hanoi?", "event_bridge_points"),
    ("Bà Mai giao bao nhiêu việc cho năm 2021?", "mai_conclusion_overview"),
    ("Tôi làm công an xã, báo cáo nói dân vận giúp hạn chế điểm nóng về an ninh trật tự ra sao?", "finding_hot_spots"),
    ("ông Vượng còn giữ chức gì nữa ngoài Ủy viên Bộ Chính trị?", "person_tran_quoc_vuong"),
    ("HĐND tỉnh Cà Mau cử ai đi dự hội nghị, có thường trực không?", "camau_provincial_bodies"),
    ("Were officials from the provincial People's Committee present at the Cà Mau bridge point?",
     "camau_provincial_bodies"),
    # the asker hosts a radio show: no question about who hosted the conference
    ("Tôi là người dẫn chương trình phát thanh, cho hỏi hội nghị diễn ra ngày nào?", "event_date"),
    # a detail inside the words a claim quotes is the claim's, which the answer corrects
    ("bản tin tiếng Anh ghi nhiệm vụ 7 là 'tăng biên chế cán bộ dân vận', đúng không?", "mai_task_7"),
    # "xuất xứ" of a claim, from the conference or not: the report's words answer
    ("Có người viết lãnh đạo coi dân vận là một yếu tố làm nên thành công của đất nước, câu này có xuất xứ từ "
     "hội nghị không?", "vuong_speech_overview"),
    # households in difficulty are the poor, not difficulties met; the countryside is "nông thôn"
    ("bà Mai có nói gì về làng quê, phố phường văn minh hay hộ khó khăn gì ko", "mai_task_5"),
    # the session's new refusals stay clear of questions that only share their words: thanks, then a who-question
    # (no clause break in folded words); what to do to get results; the report's own "bản tổng kết"; "figures" as
    # people; a number the answer gives; "trả lời đầy đủ" typed plain (no "lời dạy"); the conference carrying on
    ("Bot trả lời hay, cảm ơn nhé. Ai chủ trì hội nghị?", "event_chair"),
    ("cô cảm ơn nhé, ai là người chủ trì hội nghị", "event_chair"),
    ("Sau hội nghị, để có kết quả tốt năm 2021 tỉnh cần làm gì?", "mai_conclusion_overview"),
    ("Sau hội nghị, năm 2021 cần làm gì để làm được Dân vận khéo?", "mai_conclusion_overview"),
    ("Bản tổng kết nói năm 2021 cần làm gì?", "report_overview"),
    ("Which figures from the Politburo attended?", "person_tran_quoc_vuong"),
    ("What figures were present at Cà Mau?", "camau_attendees"),
    ("Hội nghị kết nối bao nhiêu điểm cầu, con số nào vậy?", "event_bridge_points"),
    ("cho minh hoi ai chu tri hoi nghi, tra loi day du nhe", "event_chair"),
    ("Sau phần báo cáo, hội nghị họp tiếp những nội dung gì?", "vuong_speech_overview"),
    # the year's last day describes the conference: what is asked is the count
    ("Cuộc họp trực tuyến vào ngày cuối cùng của năm 2020 kết nối bao nhiêu điểm cầu tỉnh?", "event_bridge_points"),
    ("Buổi làm việc trực tuyến vào ngày cuối cùng của năm 2020 có mấy điểm cầu tỉnh tham gia?", "event_bridge_points"),
    # the closing words are the conclusion's; government offices are the state's administrative agencies
    ("Ai đọc lời tổng kết cuối buổi?", "person_truong_thi_mai"),
    ("các cơ quan chính quyền được yêu cầu gần dân hơn ra sao", "vuong_req_state_responsibility"),
    ("Which leaders from Ca Mau province were there?", "camau_attendees"),
    # a courtesy title before a name is no unknown name; a post asked with two names offered is its holder's
    ("Which posts did Madame Trương Thị Mai hold?", "person_truong_thi_mai"),
    ("Trưởng Ban Dân vận Trung ương là ai vậy, bà Mai hay ông Lĩnh?", "person_truong_thi_mai"),
    # the asker's own deadline, at the end, asks no deadline of the report; "chấm điểm" is evaluating
    ("nhiệm vụ thứ 2 là gì, em đang chạy deadline", "mai_task_2"),
    ("ông Vượng có nói về chuyện chấm điểm người tiếp dân không", "vuong_req_corruption"),
    # "ông … tên gì" asks a person, however the body is described
    ("ông phó ở cơ quan trung ương chuyên lo việc gần dân mà đọc bản tóm tắt tên gì vậy", "person_nguyen_hong_linh"),
    ("hội nghị diễn ra tháng mấy", "event_date"),
    # the tasks given for 2021, in the past tense, are the tasks: no later outcome asked
    ("năm 2021 đã được giao nhiệm vụ gì", "mai_conclusion_overview"),
    # "ngoài X ra còn …" sets X aside and leaves the question; "hc" beside "cải cách" is "hành chính"
    ("Ở tỉnh, ngoài ông bí thư ra còn những ai dự nữa, kể giùm với?", "camau_attendees"),
    ("hội nghị có chỉ đạo gì về cải cách hc không", "vuong_req_administration"),
    # review: a polite "dạ", "kỹ chưa", whether something is mentioned, are no later outcome of 2021
    ("dạ em chưa rõ nhiệm vụ trọng tâm năm 2021 gồm những gì", "mai_conclusion_overview"),
    ("ông Vượng yêu cầu gì cho năm 2021, bạn xem kỹ chưa", "vuong_requirements_2021"),
    ("Chương trình phối hợp giai đoạn 2021 - 2026 đã được nhắc tới chưa?", "mai_task_3"),
    # review: an aside at the end is only one that ends the message; what the asker forgot may be the question
    ("Cho mình hỏi về hội nghị, mình quên mất ngày tổ chức", "event_date"),
    ("nhiệm vụ năm 2021 của bà Mai, sếp hỏi mà em quên mất nhiệm vụ thứ 3", "mai_task_3"),
    # review: a named person beside "tên là gì" asks a thing's name; "chính quyền" kept for coordinating with it
    ("ông lĩnh trình bày bản báo cáo tên là gì", "report_overview"),
    ("Ban Dân vận phải phối hợp với cơ quan chính quyền thế nào?", "vuong_req_coordination"),
    # review: a report's "lời kết luận" is not Mai's; "sau khi họp xong" asks no later doing; scoring a model
    ("lời kết luận của bản báo cáo ông Lĩnh trình bày là gì", "report_overview"),
    ("Cuối hội nghị, sau khi họp xong thì bà Mai đã kết luận những gì?", "mai_conclusion_overview"),
    ("mô hình dân vận khéo được chấm điểm thế nào", "vuong_req_emulation"),
    # review: "chỉ biết mỗi", "biết gì khác", "any other news" ask the report, not what the bot knows
    ("Cà Mau chỉ biết mỗi ông Hải dự thôi à?", "camau_attendees"),
    ("ngoài ông Hải ra bot có biết gì khác về đoàn Cà Mau không", "camau_leader"),
    ("any other news about the conference's tasks?", "event_overview"),
    # second review: an aside may end on a particle or run on a few words; "succeeded in" is no successor
    ("Hội nghị diễn ra ở đâu vậy, sếp hỏi mà em quên mất tiêu rồi á", "event_bridge_points"),
    ("Ai chủ trì hội nghị, em đang chạy deadline môn chính trị học", "event_chair"),
    ("Who succeeded in building Dân vận khéo models?", "vuong_req_emulation"),
])
def test_near_misses_neighbours_still_answered(responder: Responder, message: str, expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "expected"), [
    # where the asker belongs, given as the reason for asking, names no organisation asked about
    ("nhiệm vụ năm 2021 có nói gì về xây dựng nông thôn mới không, tôi ở Hội Nông dân xã nên quan tâm",
     "mai_task_5"),
    # what the asker means to do with the answer names no course asked about
    ("ông Vượng có yêu cầu gì về quyền con người không, em định đưa vào bài thuyết trình GDCD",
     "vuong_req_human_rights"),
    # "qua/sang năm 2021" after this conference is the year ahead, not another conference
    ("Sau hội nghị này sang năm 2021 các cấp phải làm gì?", "mai_conclusion_overview"),
    # the report's judgement asked for, the bot's own ruled out
    ("Theo đánh giá của chính báo cáo (không phải ý kiến riêng), dân vận 5 năm qua giúp gì cho việc hoàn thiện "
     "luật lệ?", "finding_democracy"),
    # the titles are written long in the report: no complaint about the bot
    ("ông Vượng giữ mấy chức vụ vậy, e thấy ghi dài quá k nhớ", "person_tran_quoc_vuong"),
    # the asker's own guess of a number is a claim the answer corrects
    ("Định hướng công tác dân vận là cho nhiệm kỳ nào, tôi đoán là 2021 đến 2025?", "event_term_orientation"),
    ("What period does the orientation cover? I suppose 2021 to 2025?", "event_term_orientation"),
    # what the asker needs the answer for, at the end ("CLB" is no name asked about)
    ("bài có nói gì về phong trào dân vận khéo ko ad, e cần viết bài cho CLB", "finding_dan_van_kheo"),
    # where the asker heard of it, at the end, is no part of the question
    ("hội nghị đó họp ở đâu vậy, bác nghe loáng thoáng trên đài", "event_format"),
    # "cả cái" (the whole) inside "người đứng đầu ban" (its head)
    ("người đứng đầu cả cái ban lo chuyện vận động quần chúng ở TW là ai", "person_truong_thi_mai"),
    # after thanks, the sentence that announces a question is the question ("dễ báo cáo lại" is no summary report)
    ("Cảm ơn nha, thông tin rõ ràng dễ báo cáo lại cho anh em. Cho hỏi thêm là hội nghị do cơ quan nào tổ chức?",
     "event_organizer"),
    # what the asker will do with the answer, without a comma before it, is no subject
    ("Cho em hỏi nốt là bài này ai viết để em đưa vào danh mục tài liệu tham khảo?", "mention_byline"),
])
def test_what_surrounds_a_question_does_not_change_its_answer(responder: Responder, message: str,
                                                              expected: str) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "expected"), [
    ("Trong 5 năm qua, việc để dân bàn và quyết ở cơ sở có được làm tốt hơn không?", "finding_democracy"),
    ("Năm 2021 việc để dân bàn và quyết ở cơ sở phải làm thế nào?", "vuong_req_grassroots_democracy"),
])
def test_looking_back_on_the_term_wants_its_findings_not_the_tasks_ahead(responder: Responder, message: str,
                                                                         expected: str) -> None:
    """Of a task for 2021 and a finding of the term close behind it, a question about the past five
    years gets the finding; one about 2021 keeps the task."""
    close = (Candidate("vuong_req_grassroots_democracy", 45), Candidate("finding_democracy", 44))
    settled = responder.matcher._settle(message, responder.matcher.normalize(message), close)
    assert settled.candidates[0].intent_id == expected


@pytest.mark.parametrize("message", ["Đoàn TNCS Hồ Chí Minh được giao nhiệm vụ gì trong năm 2021?",
                                     "Bệnh viện và ngành y tế có được giao nhiệm vụ dân vận nào không?",
                                     "Bạn khuyên em nên làm gì để chi bộ được công nhận mô hình Dân vận khéo?"])
def test_unnamed_bodies_sectors_and_advice_get_a_reply_that_says_so(responder: Responder, message: str) -> None:
    """The youth union by its full name, a sector, or advice asked of the bot: the reply says what the
    report holds instead, not the nearest topics."""
    assert responder.answer(message).kind is Kind.OUT_OF_SCOPE


@pytest.mark.parametrize(("message", "expected"), [
    # counts the report states, guesses beside its own, the asker's own age and a quiz's number
    ("Có đúng là hội nghị kết nối với 64 điểm cầu không?", {"event_bridge_points"}),
    ("bà Mai nêu 7 hay 8 nhiệm vụ cho năm 2021 vậy", {"mai_conclusion_overview"}),
    ("Tôi năm nay 75 tuổi, cho hỏi ai trình bày báo cáo tóm tắt?", {"report_overview", "person_nguyen_hong_linh"}),
    ("Câu 3 trong đề 15 phút: nhiệm vụ thứ nhất năm 2021 là gì?", {"mai_task_1"}),
    # those who attended, asked whether they came
    ("Ban dân vận huyện ủy ở Cà Mau có dự hội nghị không?", {"camau_dan_van_boards"}),
    # an item asked plainly
    ("Nhiệm vụ thứ tư năm 2021 là gì?", {"mai_task_4"}),
])
def test_claims_reactions_and_items_neighbours_still_answered(responder: Responder, message: str,
                                                              expected: set[str]) -> None:
    reply = responder.answer(message)
    assert reply.kind is Kind.ANSWER and reply.intent in expected, (reply.kind, reply.intent)


def test_how_many_years_counts_years_not_fives(responder: Responder) -> None:
    """"bao nhiêu năm" asks a number of years: "năm" there is no number word, and what follows
    ("thực hiện") is not what is counted."""
    counted = responder.matcher._evidence._counted("Báo cáo nhìn lại bao nhiêu năm thực hiện Nghị quyết?")
    assert counted and counted[0][1] == frozenset({"nam"})


@pytest.mark.parametrize("message", [
    # "Việt Nam" folds to "viet nam", and "năm" is no year counted ("5 năm")
    "According to the report, how many overseas Vietnamese associations took part in dân vận work?",
    # two counts asked: each must be told, not just the one the answer's numbers happen to count
    "How many hot spots were settled and how many prestigious persons helped, according to the report?",
])
def test_each_count_asked_must_be_counted_by_the_answer(responder: Responder, message: str) -> None:
    evidence = responder.matcher._evidence
    intent = responder.kb.intents["report_results_summary"]
    assert evidence.objection(message, words(message), intent) is Objection.COUNT


def test_ban_typed_plain_before_dan_van_is_the_board_not_the_bot(responder: Responder) -> None:
    """"ban dan van lam duoc nhung gi" asks what the Board achieved; "bạn" typed plain would be the bot."""
    board = responder.answer("nam 2020 cac chu ban dan van lam duoc nhung gi vay chi")
    bot = responder.answer("ban lam duoc nhung gi")
    assert board.kind is not Kind.SMALLTALK, board.intent
    assert (bot.kind, bot.intent) == (Kind.SMALLTALK, "smalltalk_help")


@pytest.mark.parametrize("message", [
    "nghe nói ông Lĩnh kết luận hội nghị và giao bảy nhiệm vụ, vậy nhiệm vụ nào dành cho hội phụ nữ?",
    "Theo bài, bà Mai trình bày báo cáo tóm tắt; vậy báo cáo có nêu chỉ tiêu nào không?",
    "Since Vượng delivered the closing remarks, did he mention the Women's Union?",
    # the summary report called what it is, the five-year review; a word between name and verb
    "I read that Ms. Mai presented the five-year review report, is that right?",
    "Bà Mai là người đọc báo cáo tóm tắt phải không?",
])
def test_a_speech_given_to_the_wrong_person_is_corrected_first(responder: Responder, message: str) -> None:
    """A premise that gives someone else's speech to a person, then asks on: who gave what comes
    first, not a refusal of what follows (which reads as if the premise were true)."""
    reply = responder.answer(message)
    assert (reply.kind, reply.intent) == (Kind.ANSWER, "people_speakers")


@pytest.mark.parametrize(("message", "expected"), [
    ("Bà Mai phát biểu kết luận những gì?", "mai_conclusion_overview"),
    ("Ông Vượng có nhắc tới báo cáo tóm tắt không?", None),
    # two speeches named side by side: neither is given to the one named first
    ("What is said about the Front in Mr. Vượng's speech and in the conclusion?", "vuong_speech_overview"),
])
def test_a_speech_named_beside_its_own_speaker_or_only_mentioned_is_no_premise(
        responder: Responder, message: str, expected: str | None) -> None:
    assert responder.answer(message).intent == expected


@pytest.mark.parametrize(("message", "intent", "objection"), [
    # a cause asked as what it is, however far "nguyên nhân" stands from "là gì"
    ("Nguyên nhân khiến nhiều nơi vẫn còn xảy ra điểm nóng được báo cáo chỉ ra là gì?", "finding_hot_spots",
     Objection.WHY),
    # money and a building: details no answer gives, whatever the meaning model thinks is near
    ("How much money was budgeted for the seven tasks of 2021?", "mai_conclusion_overview", Objection.DETAIL),
    ("Was the Hanoi point at the Party headquarters?", "event_overview", Objection.DETAIL),
])
def test_objections_hold_where_a_second_opinion_would_answer(responder: Responder, message: str, intent: str,
                                                             objection: Objection) -> None:
    """The semantic second opinion may settle a weak leader; the evidence against it must still hold."""
    evidence = responder.matcher._evidence
    assert evidence.objection(message, words(message), responder.kb.intents[intent]) is objection


@pytest.mark.parametrize(("message", "refused"), [
    # someone's name asked of an answer that names no one and does not say so
    ("nguoi cua ban dan van huyen uy Tran Van Thoi di du hom do la chu nao vay", True),
    ("Tell me the name of the head of the Cà Mau district mass mobilization boards that attended.", True),
    ("Trong số ban dân vận các huyện ủy dự ở Cà Mau, đồng chí nào đại diện cho Thành ủy?", True),
    # the names of the people a group sent
    ("Xin cho biết tên các đồng chí lãnh đạo Ban Dân vận Tỉnh ủy Cà Mau có mặt hôm ấy", True),
    # the name of someone the answer names, or of a movement
    ("Ông bí thư tỉnh ủy Cà Mau tên gì?", False),
    ("Đồng chí nào phát biểu chỉ đạo hội nghị?", False),
    ("cái phong trào thi đua khen người giỏi nói chuyện với dân khéo léo đó tên gì vậy con", False),
])
def test_a_name_asked_of_an_answer_that_names_no_one_is_refused(responder: Responder, message: str,
                                                                 refused: bool) -> None:
    reply = responder.answer(message)
    assert (reply.kind is Kind.FALLBACK) is refused, (reply.kind, reply.intent)


@pytest.mark.parametrize(("message", "kind", "intent"), [
    # a count the list does not have, then an item beyond it: the overview gives the true count
    ("bà Mai nêu 9 nhiệm vụ trọng tâm, vậy nhiệm vụ thứ 9 là gì?", Kind.ANSWER, "mai_conclusion_overview"),
    # …the count spelt out
    ("Bà Mai đã nêu chín nhiệm vụ trọng tâm năm 2021, vậy nhiệm vụ thứ chín là gì?", Kind.ANSWER,
     "mai_conclusion_overview"),
    # an item beyond the list, asked plainly: there is no such item
    ("Nhiệm vụ thứ tám trong kết luận của bà Mai là gì?", Kind.OUT_OF_SCOPE, None),
])
def test_an_item_beyond_a_miscounted_list_gets_the_true_count(responder: Responder, message: str, kind: Kind,
                                                              intent: str | None) -> None:
    reply = responder.answer(message)
    assert (reply.kind, reply.intent) == (kind, intent)


@pytest.mark.parametrize(("message", "intent"), [
    # who organized or presented, told in passing, is no part of what is asked
    ("Tên gọi đầy đủ của hội nghị do Ban Dân vận Trung ương tổ chức hôm đó là gì?", "event_name"),
    ("Bản báo cáo tóm tắt do đồng chí Nguyễn Hồng Lĩnh trình bày đề cập những nội dung gì?", "report_overview"),
    # …but asked, or checked, it is the question
    ("Hội nghị hôm đó do ai tổ chức?", "event_organizer"),
    ("hội nghị do Ban Dân vận Trung ương tổ chức phải không", "event_organizer"),
])
def test_who_did_it_told_in_passing_is_context(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).intent == intent


@pytest.mark.parametrize(("message", "objection"), [
    # a day asked of an answer that speaks only of a term: the report gives no day
    ("Chương trình phối hợp giai đoạn 2021 - 2026 được ký vào ngày nào?", Objection.DAY),
    ("What date was the 2021-2026 coordination programme signed?", Objection.DAY),
    # the conference's day is in the report
    ("hội nghị họp ngày nào vậy", None),
])
def test_a_day_asked_needs_an_answer_with_a_day(responder: Responder, message: str,
                                                objection: Objection | None) -> None:
    match = responder.matcher.match(message)
    assert match.objection is objection
    assert (match.verdict is Verdict.ANSWER) is (objection is None)


@pytest.mark.parametrize(("message", "objection"), [
    # a post after the 13th Congress, the post asked first
    ("Did Trương Thị Mai stay on as head of the Commission after the 13th Party Congress?", Objection.DETAIL),
    ("Ông Vượng còn giữ chức Thường trực Ban Bí thư sau Đại hội XIII không?", Objection.DETAIL),
    # why, asked by a "sao" that opens the question and a "mà" or "lại" after it
    ("sao ông Lĩnh là phó ban mà lại đọc báo cáo thay bà Mai vậy", Objection.WHY),
    # why a requirement was stressed, with a cause offered: the report gives none
    ("Vì sao ông Vượng lại nhấn mạnh nói ít làm nhiều, có phải do cán bộ hứa suông nhiều quá không?", Objection.WHY),
    # …asked plainly: the purpose the answer gives is the reason
    ("tai sao ong Vuong lai nhan manh can bo phai noi it lam nhieu", None),
])
def test_what_the_report_cannot_tell_of_posts_and_reasons(responder: Responder, message: str,
                                                          objection: Objection | None) -> None:
    match = responder.matcher.match(message)
    assert match.objection is objection
    assert (match.verdict is Verdict.ANSWER) is (objection is None)


@pytest.mark.parametrize(("message", "refused"), [
    # the bot's own judgement or advice: it says it gives none
    ("bạn thấy phần kết luận của bà Mai hay nhất ở ý nào", True),
    ("theo bot thì phường tôi nên đăng ký mô hình dân vận khéo nào", True),
    ("ban nghi phat bieu cua ong Vuong co y nghia gi nhat", True),
    # "theo bản tổng kết" (folded like "theo bạn") asks what the report says
    ("Theo bản tổng kết, việc vận động dân có ý nghĩa gì cho sự gắn bó giữa Đảng với dân?", False),
    ("theo ban tong ket thi dan van 5 nam qua co y nghia gi", False),
])
def test_the_bots_own_view_asked_gets_the_reply_that_it_gives_none(responder: Responder, message: str,
                                                                    refused: bool) -> None:
    assert ("ý kiến riêng" in responder.answer(message).text) is refused


@pytest.mark.parametrize("message", [
    # a career before the post: the report gives titles of its day only
    "What was Nguyen Hong Linh's educational background?",
    # the criteria of a movement: the report only names it
    "Tiêu chí thi đua Dân vận khéo năm 2021 chấm theo thang nào?",
])
def test_careers_and_criteria_are_refused(responder: Responder, message: str) -> None:
    assert responder.answer(message).kind in (Kind.FALLBACK, Kind.REFUSAL)


def test_passing_on_the_conclusions_after_it_is_what_came_after(responder: Responder) -> None:
    """Whether someone passed the conclusions on ("quán triệt") once it was over is beyond the report."""
    assert responder.matcher._evidence.asks_after(
        "Sau khi hội nghị toàn quốc kết thúc, bà Mai có quán triệt lại nhiệm vụ cho các ban dân vận không?")


@pytest.mark.parametrize(("message", "intent"), [
    # everyday words for the report's terms
    ("Ông Vượng ngồi ở Hà Nội có khuyên anh em cán bộ nên bớt nói chăm làm không, câu gốc thế nào?",
     "vuong_req_noi_it_lam_nhieu"),
    ("có yêu cầu nói cho dân hiểu rõ luật và chính sách không", "vuong_req_law_propaganda"),
])
def test_everyday_words_find_vuongs_requirements(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).intent == intent


def test_a_place_judged_gets_the_refusal_of_its_own_work(responder: Responder) -> None:
    """The report judges the term nationwide, and no province: Cà Mau judged is not in it."""
    reply = responder.answer("Tỉnh Cà Mau năm 2020 được Trung ương đánh giá ra sao về công tác dân vận?")
    assert reply.kind is Kind.REFUSAL and "Cà Mau" in reply.text


@pytest.mark.parametrize("message", [
    # when a Party Congress met: the report never says
    "Đại hội XII của Đảng khai mạc vào ngày nào?",
    # who sat where, what the screens showed: the photos are only captioned
    "Trong ảnh ở điểm cầu Cà Mau, đồng chí Nguyễn Tiến Hải ngồi hàng đầu phải không?",
    # how to do it oneself
    "Muốn đăng ký mô hình Dân vận khéo thì xã tôi làm hồ sơ gửi ai, có mẫu đơn không?",
    # what two terms mean, and how they differ
    "Dân chủ trực tiếp và dân chủ đại diện phân biệt thế nào ạ?",
    # others holding a post only the named hold, asked with "nào nữa"
    "Ngoài ông Lĩnh thì còn phó trưởng ban nào nữa của Ban Dân vận Trung ương?",
    # a region the report never names
    "Các tỉnh miền Trung làm dân vận với đồng bào dân tộc thiểu số ra sao?",
    # a speaker thanking or praising places by name
    "Did Vượng thank any particular province in his speech?",
])
def test_more_details_the_report_does_not_give_are_refused(responder: Responder, message: str) -> None:
    assert responder.answer(message).kind in (Kind.FALLBACK, Kind.REFUSAL, Kind.OUT_OF_SCOPE)


@pytest.mark.parametrize(("message", "intent"), [
    # the conference, described by the term it reviewed, is no Congress meeting
    ("Hội nghị tổng kết nhiệm kỳ Đại hội XII diễn ra ngày nào?", "event_date"),
    # her other posts, asked with "nữa": she holds them
    ("bà Mai ngoài chức Trưởng Ban Dân vận thì còn giữ chức gì nữa", "person_truong_thi_mai"),
])
def test_look_alikes_of_those_details_are_answered(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).intent == intent


@pytest.mark.parametrize(("message", "refused"), [
    # "Ban" (the Commission) typed plain among words with marks is no "bạn" (you)
    ("Báo cáo của Ban đánh giá phong trào Dân vận khéo thế nào?", False),
    # the bot's own judgement, typed with marks or without
    ("bạn đánh giá hội nghị này thế nào", True),
    ("ban danh gia hoi nghi nay the nao", True),
])
def test_a_plain_word_among_marked_ones_is_spelt_as_typed(responder: Responder, message: str, refused: bool) -> None:
    assert responder.answer(message).fallback is refused


@pytest.mark.parametrize("message", [
    # when a rule began: the report only names it
    "Quy chế dân chủ ở cơ sở bắt đầu được áp dụng từ năm nào?",
    # who came after: the report gives the posts of its day
    "Ai là người thay bà Trương Thị Mai làm Trưởng Ban Dân vận Trung ương sau đó?",
    "Who was Truong Thi Mai's successor as head of the Commission?",
])
def test_beginnings_and_successors_are_refused(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


def test_the_central_bridge_point_abbreviated_is_read_in_full(responder: Responder) -> None:
    assert "trung tam" in " ".join(responder.matcher.normalize("điểm cầu TT ở đâu"))


@pytest.mark.parametrize(("message", "intent"), [
    # the conference's day claimed is the question, though it is dropped as context elsewhere
    ("Có đúng là hội nghị tổng kết dân vận họp vào sáng 31/12/2020 không?", "event_date"),
    ("Xin xác nhận: hội nghị diễn ra ngày 31/12/2020, đúng không?", "event_date"),
    # …and context beside a question
    ("Hội nghị ngày 31/12/2020 do ai chủ trì?", "event_chair"),
])
def test_the_conference_day_claimed_gets_the_day(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).intent == intent


def test_years_told_before_the_question_are_the_askers_context(responder: Responder) -> None:
    """The years of an essay, told first, are no year the question asks about."""
    message = ("Em viết tiểu luận về dân vận giai đoạn 2016–2020. Cho em hỏi hội nghị tổng kết diễn ra "
               "vào ngày nào, buổi sáng hay buổi chiều ạ?")
    assert responder.answer(message).intent == "event_date"


@pytest.mark.parametrize(("message", "intent"), [
    # "summarize" asks for a summary of what follows, not of the summary report
    ("Could you summarize the three speakers and the role each of them had?", "people_speakers"),
    # "Hanoi" is Hà Nội
    ("Who presided at the Hanoi end of the conference?", "event_chair"),
])
def test_request_verbs_and_english_place_names_are_read_as_meant(responder: Responder, message: str,
                                                                 intent: str) -> None:
    assert responder.answer(message).intent == intent
    assert "tom tat" not in " ".join(responder.matcher.normalize("Could you summarize the speeches?"))
    assert "ha noi" in " ".join(responder.matcher.normalize("in Hanoi"))


def test_the_time_of_day_and_the_format_asked_together_get_the_overview(responder: Responder) -> None:
    """"buổi nào" asks when: with the format beside it, the overview gives both."""
    reply = responder.answer("Hội nghị hôm ấy họp vào buổi nào, họp trực tiếp hay qua mạng vậy?")
    assert reply.intent == "event_overview"


@pytest.mark.parametrize(("message", "intent"), [
    # "công ty lẹ hơn" (companies, faster) spells no "tỷ lệ" (a rate): typed with marks, a cue must be spelt so
    ("Có ai bảo phải giải quyết giấy tờ cho công ty lẹ hơn, gọn hơn không?", {"vuong_req_administration"}),
    # the asker's own channel is no channel asked about
    ("Quick one for my YouTube channel: who read the summary report at the conference?",
     {"report_overview", "person_nguyen_hong_linh"}),
])
def test_detail_cues_are_spelt_as_typed_and_not_the_askers_own(responder: Responder, message: str,
                                                               intent: set[str]) -> None:
    assert responder.answer(message).intent in intent


@pytest.mark.parametrize(("message", "refused"), [
    # a speech's own words, whole or its last sentence: the report sums up and quotes no speech whole
    ("Cho tôi xin nguyên văn câu mở đầu bài phát biểu chỉ đạo của ông Vượng", True),
    ("I need Mai's exact words in her closing speech, word for word.", True),
    # one task's wording is the report's own, and answers
    ("Ghi nguyên văn giúp tôi nhiệm vụ thứ năm trong kết luận của bà Mai", False),
])
def test_the_exact_words_of_a_speech_are_refused_one_tasks_are_given(responder: Responder, message: str,
                                                                     refused: bool) -> None:
    assert responder.answer(message).fallback is refused


@pytest.mark.parametrize("message", [
    # an incident asked as the cause: the report tells of none, whatever purpose the answer gives
    "Sao lại phải quy định không để cán bộ vi phạm kỷ luật làm dân vận, hồi đó có vụ việc gì à?",
    "Vì sao phải nắm tình hình dân trước và sau bầu cử, khi ấy có dấu hiệu gì bất ổn không?",
    "Why did Vượng stress 'nói ít làm nhiều'? Was there a scandal behind it?",
    "Does the article say what prompted the call to 'say less, do more'?",
])
def test_the_incident_behind_a_requirement_is_refused(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


def test_the_purpose_of_a_requirement_asked_plainly_is_answered(responder: Responder) -> None:
    """Asked plainly why, the purpose the answer gives ("để tạo sự tin tưởng cho nhân dân") is the reason."""
    assert responder.answer("Vì sao cán bộ phải nói ít làm nhiều?").intent == "vuong_req_noi_it_lam_nhieu"


def test_praise_of_places_or_groups_asked_in_vietnamese_is_refused(responder: Responder, kb: KnowledgeBase) -> None:
    """The report praises no locality or group by name: the conclusion's overview cannot say which."""
    question = "Trong phần kết luận bà Mai có khen ngợi, biểu dương tập thể hay địa phương nào không?"
    overview = kb.intents["mai_conclusion_overview"]
    assert responder.matcher._evidence.objection(question, words(question), overview) is Objection.DETAIL


@pytest.mark.parametrize("message", ["Những sở, ngành nào của Cà Mau đi dự?", "Which departments of Cà Mau attended?"])
def test_which_departments_attended_says_the_report_names_none(responder: Responder, message: str) -> None:
    reply = responder.answer(message)
    assert reply.intent in {"camau_provincial_bodies", "camau_attendees"}
    assert "không kể tên sở" in reply.text or "nor which departments" in reply.text


def test_someone_named_by_post_keeps_their_answer_when_asked_where_they_sat(responder: Responder) -> None:
    """Offered Hà Nội as a choice, the Cà Mau secretary's own answer says where he sat, not Vượng's (whose
    answer names Hà Nội)."""
    question = "Còn ông Bí thư Tỉnh ủy Cà Mau thì dự ở đâu, ra Hà Nội hay ở tỉnh?"
    tied = (Candidate("person_nguyen_tien_hai", 44.0), Candidate("person_tran_quoc_vuong", 44.0))
    assert responder.matcher._local_first(question, tied)[0].intent_id == "person_nguyen_tien_hai"


@pytest.mark.parametrize("message", [
    "Theo Điều lệ Đảng, Thường trực Ban Bí thư có những quyền hạn gì?",
    "What exactly does the Central Mass Mobilization Commission do, what are its powers?",
])
def test_what_a_body_or_post_is_for_gets_the_refusal_that_says_so(responder: Responder, message: str) -> None:
    """The report names bodies and posts without saying what they do; the refusal says so, in the asker's
    language."""
    reply = responder.answer(message)
    assert reply.fallback and reply.matched == "refuse_term_meaning"
    assert "quyền hạn" in reply.text or "what powers" in reply.text


def test_sitting_to_hear_citizens_is_receiving_them(responder: Responder) -> None:
    """"ngồi nghe dân trình bày" is "tiếp dân": judged anew, those officials are Vượng's requirement on evaluation."""
    reply = responder.answer("Cán bộ chuyên ngồi nghe dân trình bày sẽ bị chấm điểm theo kiểu mới phải không?")
    assert reply.intent == "vuong_req_corruption"


def test_watching_how_the_peoples_requests_are_settled_is_the_sixth_task(responder: Responder) -> None:
    """Everyday words for "hướng về cơ sở … giám sát việc giải quyết kiến nghị của nhân dân"."""
    reply = responder.answer("Năm 2021 các hội đoàn có phải xuống tận ấp rồi theo dõi xem ý kiến của bà con "
                             "được lo tới đâu không?")
    assert reply.intent == "mai_task_6"


@pytest.mark.parametrize("message", [
    # "where does the article mention …" asks where in the text, not a place
    "Where does the article mention people's trust in the Party?",
    # the role of heads of agencies is named in this finding only
    "Báo cáo tóm tắt có ý nào nói về vai trò người đứng đầu không?",
])
def test_heads_of_agencies_and_trust_are_the_awareness_finding(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "finding_awareness"


def test_no_holder_named_yields_to_the_one_person_holding_the_post(responder: Responder) -> None:
    """"The report names no holder of that post" is wrong of a post only Nguyễn Tiến Hải holds."""
    ranked = (Candidate("refuse_unnamed_people", 69.0), Candidate("person_nguyen_tien_hai", 62.0))
    first = responder.matcher._people_first("ông bí thư tỉnh ủy Cà Mau hồi đó tên gì", ranked)[0]
    assert first.intent_id == "person_nguyen_tien_hai"


@pytest.mark.parametrize(("message", "intent"), [
    # two of the report's places offered for where one person sat
    ("Ông Vượng hôm đó ngồi ở Cà Mau hay ở Hà Nội vậy?", "person_tran_quoc_vuong"),
    ("ong Hai hop o dau, o Ca Mau hay ra Ha Noi", "person_nguyen_tien_hai"),
    # whether they sat at one of the report's places
    ("ông Vượng có ngồi dự ở điểm cầu Cà Mau không cháu?", "person_tran_quoc_vuong"),
    ("bà Mai cũng có mặt tại Cà Mau luôn phải không", "person_truong_thi_mai"),
])
def test_where_one_person_sat_is_their_own_answer(responder: Responder, message: str, intent: str) -> None:
    assert responder.matcher._own_asked(message) == intent


def test_where_someone_sat_is_theirs_before_a_refusal_of_venues(responder: Responder) -> None:
    """Asked where the province's leader sat, his own answer says it; the venue refusal is about halls."""
    ranked = (Candidate("refuse_venue", 54.0), Candidate("person_nguyen_tien_hai", 41.0))
    question = "Người đứng đầu Đảng bộ tỉnh mình ngồi dự ở đâu, có ra Hà Nội không?"
    assert responder.matcher._people_first(question, ranked)[0].intent_id == "person_nguyen_tien_hai"


def test_a_community_never_named_beside_religious_followers_says_it_is_not_named(responder: Responder) -> None:
    """Religious followers beside the Khmer do not make the question a general one: the report names neither."""
    reply = responder.answer("Hội nghị có nói gì về đồng bào Khmer và bà con theo đạo ở Cà Mau không?")
    assert reply.fallback and "không nhắc riêng" in reply.text


def test_the_paper_that_assessed_the_term_is_the_summary_report(responder: Responder) -> None:
    """"bản đánh giá", "văn bản tổng kết" are everyday names for the Báo cáo tóm tắt."""
    for said in ("bản đánh giá 5 năm", "văn bản tổng kết nhiệm kỳ"):
        assert "bao cao tom tat" in " ".join(responder.matcher.normalize(said))


def test_the_named_persons_answer_beats_a_tied_refusal_of_what_is_not_asked(responder: Responder) -> None:
    """Tied with "no biographies", the answer about the one person named is given: no age or home town is asked."""
    question = "Ông Lĩnh hôm đó làm gì ở hội nghị, nói về nội dung gì?"
    tied = (Candidate("person_nguyen_hong_linh", 45.0), Candidate("refuse_personal_details", 45.0))
    assert responder.matcher._named_unrivalled(question, tied)
    verdict, _ = responder.matcher._decide(question, responder.matcher.normalize(question), tied,
                                           responder.matcher._named_unrivalled(question, tied))
    assert verdict is Verdict.ANSWER


@pytest.mark.parametrize("message", ["What's on the second picture of the article?", "Who is in the first photo?"])
def test_a_photo_counted_is_no_task(responder: Responder, message: str) -> None:
    """"the second picture" is a photo, not Mai's second task: the reply is about the photos."""
    reply = responder.answer(message)
    assert reply.intent != "mai_task_1" and reply.intent != "mai_task_2"
    assert "photo" in reply.text or "ảnh" in reply.text


def test_bridge_points_offered_for_where_someone_sat_ask_their_own_answer(responder: Responder) -> None:
    assert responder.matcher._own_asked("Bà Mai dự ở điểm cầu trung tâm hay điểm cầu tỉnh?") == "person_truong_thi_mai"


def test_the_report_s_words_for_vuongs_part_name_him(responder: Responder) -> None:
    """"dự và chỉ đạo … tại điểm cầu trung tâm" is how the report describes Trần Quốc Vượng."""
    named = responder.matcher._people.named("Đồng chí dự, chỉ đạo tại điểm cầu trung tâm tên đầy đủ là gì?")
    assert [person.intent for person in named] == ["person_tran_quoc_vuong"]


def test_which_groups_were_cared_for_is_the_finding_on_communities(responder: Responder) -> None:
    reply = responder.answer("Theo báo cáo, những nhóm đồng bào nào được chăm lo trong công tác dân vận?")
    assert reply.intent == "finding_ethnic_religious_overseas"


@pytest.mark.parametrize(("message", "intent"), [
    # who organized it, beside how it was held: the overview says both
    ("Which agency organized the conference, and was it held online?", "event_overview"),
    # "tổ chức ngày nào" asks when it was held, not who organized it
    ("Hội nghị tổ chức ngày nào vậy?", "event_date"),
])
def test_who_organized_beside_when_or_how_gets_the_overview(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).intent == intent


def test_the_first_picture_in_vietnamese_is_a_photo_not_the_first_task(responder: Responder) -> None:
    tokens = responder.matcher.normalize("hinh dau tien trong bai chup o dau")
    assert "anh dau tien" in " ".join(tokens) and "1" not in tokens


@pytest.mark.parametrize(("message", "refused"), [
    # when the 12th Congress itself was held ("ĐH" for Đại hội, "tổ chức" for met): the report never says
    ("ĐH XII của Đảng được tổ chức vào lúc nào vậy?", True),
    # …or in which year, beside what else is asked of it
    ("Đại hội XII của Đảng họp vào năm nào và ra nghị quyết gì về dân vận?", True),
    # the conference reviewing its term is another matter
    ("Hội nghị tổng kết nhiệm kỳ ĐH XII tổ chức ngày nào?", False),
])
def test_when_the_congress_was_held_is_refused(responder: Responder, message: str, refused: bool) -> None:
    assert responder.answer(message).fallback is refused


@pytest.mark.parametrize("message", [
    "Điểm cầu tỉnh có nối tiếp xuống các huyện không, hay mọi người dự ở tỉnh thôi?",
    "Were district-level sites linked to the conference as well?",
])
def test_bridge_points_below_the_provinces_are_refused(responder: Responder, message: str) -> None:
    """The report names only the central point and 63 provincial ones: districts' links are not its to tell."""
    reply = responder.answer(message)
    assert reply.fallback and reply.matched == "refuse_lower_bridge_points", (reply.matched, reply.text[:80])


@pytest.mark.parametrize(("message", "refused"), [
    ("Cà Mau có mấy huyện ủy tham dự vậy?", True),
    ("Ban Dân vận Tỉnh ủy có mấy phòng trực thuộc?", True),
    ("ban dân vận mấy huyện ở Cà Mau có được mời dự không", False),
])
def test_how_many_districts_or_offices_is_a_count_the_report_lacks(responder: Responder, message: str,
                                                                   refused: bool) -> None:
    """"có mấy huyện" counts districts (never counted in the report); "mấy huyện có dự" is a plural."""
    reply = responder.answer(message)
    assert reply.fallback is refused, (reply.matched, reply.text[:80])
    assert refused or reply.intent == "camau_dan_van_boards"


@pytest.mark.parametrize(("message", "refused"), [
    ("Bà Trương Thị Mai có nói gì riêng về chị em phụ nữ không?", True),
    ("Đồng chí Mai có dặn gì riêng về bà con Công giáo không?", True),
    ("Báo cáo có nói gì riêng về vai trò người đứng đầu không?", False),
    ("Did Trần Quốc Vượng say anything specific about the Fatherland Front?", False),
])
def test_a_topic_singled_out_that_no_answer_names_is_refused(responder: Responder, message: str,
                                                             refused: bool) -> None:
    """"nói gì riêng về X" is answered only by an answer that names X; vague words ("vai trò") name no topic."""
    reply = responder.answer(message)
    assert reply.fallback is refused, (reply.matched, reply.text[:80])


@pytest.mark.parametrize("message", [
    "Đại diện Mặt trận Tổ quốc có phát biểu gì ở hội nghị không?",
    "Did the Fatherland Front's representative say anything at the meeting?",
])
def test_what_a_bodys_representative_said_is_refused(responder: Responder, message: str) -> None:
    """The report gives the words of three speakers only; a body's representative is never heard."""
    assert responder.answer(message).fallback


def test_the_southern_tip_is_ca_mau(responder: Responder) -> None:
    """"đất mũi", "tỉnh cực nam" are what people call Cà Mau: its leaders' photo is the first photo."""
    reply = responder.answer("Mấy ông lãnh đạo ở đất mũi có được chụp hình đưa lên bài không?")
    assert reply.intent == "mention_photos"


@pytest.mark.parametrize(("message", "refused"), [
    ("mấy tấm hình trong bài ai chụp vậy, mình muốn ghi nguồn", True),
    ("Ai là người chụp các bức ảnh đăng kèm bài, tôi cần ghi nguồn?", True),
    # who is in a photo is what the captions tell
    ("Tấm hình đầu bài là chụp ai, chụp ở đâu vậy?", False),
])
def test_who_took_the_photos_is_not_who_is_in_them(responder: Responder, message: str, refused: bool) -> None:
    """The captions name who is in the photos, never who took them."""
    reply = responder.answer(message)
    assert reply.fallback is refused and (refused or reply.intent == "mention_photos"), reply.matched


@pytest.mark.parametrize("message", [
    "Làm dân vận giúp gì cho việc gìn giữ đất nước, báo cáo nói sao?",
    "Báo cáo nói công tác dân vận góp phần bảo vệ đất nước thế nào?",
])
def test_keeping_the_country_is_defending_the_fatherland(responder: Responder, message: str) -> None:
    """"giữ gìn / bảo vệ đất nước" is the report's "bảo vệ Tổ quốc": the finding on propaganda says it."""
    assert responder.answer(message).intent == "finding_propaganda"


def test_no_out_of_scope_name_is_read_across_a_comma(responder: Responder) -> None:
    """"nước bạn, đánh giá ra sao" asks how the report judged the border work, not the bot's view ("bạn đánh giá")."""
    reply = responder.answer("Còn chuyện giữ biên giới với nước bạn, đánh giá ra sao?")
    assert not reply.fallback and reply.intent == "finding_border_diplomacy", reply.text[:80]


@pytest.mark.parametrize("message", [
    "Thường trực Ban Bí thư là chức gì, có to hơn thủ tướng không?",
    "Does the Standing Member of the Secretariat outrank a provincial Party secretary?",
])
def test_how_posts_rank_against_each_other_is_refused(responder: Responder, message: str) -> None:
    """The report gives titles, never how they rank."""
    assert responder.answer(message).fallback


def test_who_organized_it_and_in_what_format_gets_the_overview(responder: Responder) -> None:
    """The overview says who organized it and how it was held at once; the format's answer names no organizer."""
    reply = responder.answer("Which agency organized the conference, and in what format?")
    assert reply.intent == "event_overview", reply.matched


def test_what_dan_van_means_is_a_term_the_report_never_defines(responder: Responder) -> None:
    """"Dân vận là gì" gets the refusal that says so, not the "Dân vận khéo" movement or a question back."""
    reply = responder.answer("dân vận là gì vậy bạn")
    assert reply.fallback and "công tác dân vận" in reply.text


@pytest.mark.parametrize("message", [
    "Ông Lĩnh dự ở điểm cầu Hà Nội, vậy ai đọc báo cáo?",                    # asks who, not where he sat
    "Cùng dự ở điểm cầu Cà Mau thì ngoài ông Hải còn những ai nữa?",         # who else, beside him
])
def test_a_place_told_beside_another_question_asks_no_ones_seat(responder: Responder, message: str) -> None:
    assert responder.matcher._own_asked(message) is None


@pytest.mark.parametrize("message", [
    "Why was it Mr Linh, and not the head of the commission, who read the summary report?",  # a cleft's "who"
    "chắc là do dân phàn nàn nhiều nên bà Mai mới giao nhiệm vụ nắm tình hình, phải không em?",  # a cause guessed
    "vì sao ông Vượng đòi xử lý cán bộ gây phiền hà, bộ có vụ nào bị lộ hay sao?",           # a guess tagged "hay sao"
])
def test_a_reason_asked_in_other_shapes_is_one_the_report_does_not_give(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


@pytest.mark.parametrize(("message", "intent"), [
    ("hội nghị đó có mấy điểm cầu, tui nghe đâu 63 mà không chắc", "event_bridge_points"),  # "nghị đó": no guess
    ("Ông Vượng yêu cầu xử lý cán bộ gây phiền hà cho dân ra sao?", "vuong_req_corruption"),
])
def test_no_cause_is_guessed_without_its_words(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).intent == intent


def test_a_habit_told_before_asking_leave_is_the_askers_context(responder: Responder) -> None:
    """"sáng nào cũng …" (every morning) asks nothing; the clause before "xin được hỏi" only says who asks,
    and the army newspaper read there is no subject."""
    message = ("Tôi là cựu giáo viên, sáng nào cũng đọc báo Quân đội nhân dân, xin được hỏi hội nghị tổng kết công "
               "tác dân vận được tổ chức vào ngày nào?")
    assert responder.answer(message).intent == "event_date"


@pytest.mark.parametrize("message", [
    "hn tong ket cong tac dan van nhiem ky DH XII hop vao ngay nao",     # the name shortened, then the question
    "Hội nghị tổng kết dân vận nk ĐH XII diễn ra hôm nào vậy",
])
def test_the_conferences_name_with_its_term_shortened_is_context(responder: Responder, message: str) -> None:
    assert responder.answer(message).intent == "event_date"


@pytest.mark.parametrize(("message", "intent"), [
    # a guess the answer corrects: the city is no subject the report lacks
    ("điểm cầu chính của buổi họp trực tuyến đó ở thành phố nào vậy, em tưởng ở Đà Lạt?", "event_bridge_points"),
    # calling the listener, then who asks: the school subject names no topic
    ("Anh ơi em làm bài thuyết trình GDCD, hội nghị đó họp trực tiếp hay trực tuyến vậy ạ?", "event_format"),
])
def test_a_guess_or_a_call_around_the_question_names_no_subject(responder: Responder, message: str,
                                                                 intent: str) -> None:
    assert responder.answer(message).intent == intent


def test_whether_someone_was_at_a_place_or_elsewhere_is_their_own_answer(responder: Responder) -> None:
    message = "For my paper: was Truong Thi Mai physically at the Ca Mau bridge point, or somewhere else?"
    assert responder.matcher._own_asked(message) == "person_truong_thi_mai"


@pytest.mark.parametrize("message", [
    "Ngoài ông Vượng, bà Mai và ông Lĩnh ra, còn vị lãnh đạo Trung ương nào khác ngồi ở Hà Nội không?",
    "Apart from Vuong, Linh and Mai, which other senior leaders were at the Hanoi point?",
    "ngoài đ/c Vượng, đ/c Lĩnh, đ/c Mai còn những lãnh đạo ban, bộ nào dự ở HN",
])
def test_others_asked_beside_everyone_the_answer_names_are_not_named(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


def test_others_asked_beside_some_of_those_the_answer_names_are_answered(responder: Responder) -> None:
    assert responder.answer("Ngoài ông Vượng và bà Mai, còn ai khác phát biểu không?").intent == "people_speakers"


@pytest.mark.parametrize(("message", "intent"), [
    ("Em là sinh viên, về Dân vận khéo, cho em hỏi báo cáo nói gì?", "finding_dan_van_kheo"),  # a topic, not context
    ("Tôi là giáo viên, đối với đồng bào dân tộc thiểu số, xin hỏi báo cáo đánh giá thế nào?",
     "finding_ethnic_religious_overseas"),
    ("Chắc là do Ban Dân vận Trung ương tổ chức mà phải không bot?", "event_organizer"),  # "do": by whom, no cause
    ("Why was it that Vuong spoke first, and who spoke after him?", "people_speakers"),  # two questions, no cleft
    ("Ngoài ông Vượng và bà Mai, ông Lĩnh còn giữ chức vụ nào khác?", "person_nguyen_hong_linh"),  # his own posts
    ("Ngoài ông Vượng, bà Mai còn yêu cầu gì khác?", "mai_conclusion_overview"),  # other things, not other people
    ("Ngoài ông Hải và ông Vượng, còn lãnh đạo nào khác dự?", "camau_attendees"),  # the list names others by role
    ("Có ai ngoài ông Hải dự ở Cà Mau không?", "camau_attendees"),                 # others at his place
    ("Wow, that was really clear, but who chaired the conference?", "event_chair"),  # praise, then a question
])
def test_the_sessions_new_readings_leave_these_alone(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).intent == intent


@pytest.mark.parametrize("message", [
    "Bà Mai có đưa ra phương án sáp nhập các đoàn thể không?",           # no plan of reorganisation
    "Did Mai propose any concrete mechanisms for the Front's oversight role?",
    "ông Vượng có nêu tiêu chí đánh giá cán bộ tiếp dân không, bài có ghi tiêu chí đó không",
    "Theo tôi nhớ bà Mai kết luận lúc khoảng 10 giờ 30, có đúng vậy không?",  # an hour claimed; none reported
    "Was Truong Thi Mai re-elected to the 13th Politburo?",                # a seat in a later term
    "Nói thiệt đi, họp trực tuyến kiểu đó có ích gì không?",              # the bot's own view
    "Ông Vượng đòi xử lý nghiêm tham nhũng, vậy ông có chỉ đích danh cán bộ nào sai phạm không?",  # culprits named
    "Did Vuong name any corrupt officials in his speech?",
    "Dân vận ở Cà Mau mấy năm qua làm tốt hay dở, bài có nói không?",      # the province's own record
    "Tỉnh Cà Mau có kế hoạch riêng gì để làm theo kết luận của bà Mai không?",
    "Trong nhiệm kỳ qua, tỉnh Cà Mau đã đạt những kết quả công tác dân vận cụ thể nào?",
    "Có đại biểu nào phản đối hay chê bài phát biểu của ông Vượng không?",   # no one's objection is reported
    "Ông Vượng có thừa nhận sai sót gì trong việc xử lý cán bộ tham nhũng không?",  # no failing owned up to
    "Did Vuong acknowledge any mistakes in handling corruption, or only ask for strict punishment?",
    "Bài có nhắc gì tới dân vận ở miền Tây không?",                         # a region the report never names
    "Hết hội nghị rồi thì mấy cán bộ sai phạm có bị kỷ luật không?",         # after the conference
])
def test_details_claims_and_views_the_report_never_gives_are_refused(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


@pytest.mark.parametrize("message", [
    "Sao bà Mai lại giao nhiệm vụ kiện toàn bộ máy dân vận, có uẩn khúc gì không?",   # a hidden story suspected
    "Vì sao điểm nóng an ninh vẫn còn xảy ra, báo cáo có nói hạn chế ở khâu nào không?",  # a weak point asked
    "Tại sao phải đổi mới cách đánh giá cán bộ tiếp dân, bộ cách cũ làm sai hả?",     # a guess in "bộ … hả"
    "Vì sao bà Mai dặn phải rà soát các văn bản về dân vận, có lo ngại gì không?",    # a worry suspected
    "Tại sao lại giao củng cố bộ máy làm dân vận, có điều gì đáng ngại chăng?",
    "Was there a particular worry behind the task of strengthening the dân vận apparatus in 2021?",
    "Vì sao bà Mai lại yêu cầu rà soát văn bản của Đảng về dân vận, có mối lo ngại cụ thể nào không?",
    "Sao ông Vượng nói phải đổi mới cách đánh giá cán bộ tiếp dân, cách cũ có vấn đề gì hả?",  # "sao … phải"
])
def test_why_with_a_suspicion_after_it_is_still_a_reason_the_report_does_not_give(responder: Responder,
                                                                                  message: str) -> None:
    assert responder.answer(message).fallback


def test_why_with_a_suspicion_keeps_the_purpose_the_answer_gives(responder: Responder) -> None:
    """"để tạo sự tin tưởng cho nhân dân" is the reason the report gives for "nói ít làm nhiều"."""
    reply = responder.answer("Sao ông Vượng lại dặn phải nói ít làm nhiều, bộ có chuyện gì hả?")
    assert reply.intent == "vuong_req_noi_it_lam_nhieu"


@pytest.mark.parametrize(("question", "expected"), [
    # a place where a speech was given is no place whose own record is asked
    ("Ở Hà Nội, đồng chí Vượng yêu cầu làm tốt những việc gì?", "vuong_requirements_2021"),
    ("Tại Hà Nội, bà Mai đưa ra kế hoạch gì cho năm 2021?", "mai_conclusion_overview"),
    # "cơ chế" folds like "chê" (criticise), and asks no one's objection
    ("Có ai nói về cơ chế phối hợp trong hệ thống chính trị không?", "finding_democracy"),
    # a choice between topics asks his words, not where he sat
    ("Tại Hà Nội, ông Vượng chỉ đạo về tham nhũng hay về dân chủ?", "vuong_req_corruption"),
    # a kind of cadre named, not a wrongdoer
    ("Ông Vượng có nêu tên loại cán bộ nào vi phạm không được làm dân vận?", "vuong_req_cadre_selection"),
    # a province guessed after "which province" is still one the report never names
    ("Tỉnh nào được nhắc đến trong bài, Bạc Liêu hả?", None),
])
def test_the_words_of_one_rule_do_not_stand_for_another(responder: Responder, question: str,
                                                        expected: str | None) -> None:
    assert responder.answer(question).intent == expected


@pytest.mark.parametrize(("question", "expected"), [
    # a year the tasks are for, after "hội nghị", is no other conference
    ("Vậy còn bà Mai, lúc kết luận hội nghị bà dặn năm 2021 phải làm gì?", "mai_conclusion_overview"),
    # what someone said of the past five years is their speech, not the term's findings
    ("What did Mr. Vuong say was one of the key reasons for Vietnam's success over the past five years?",
     "vuong_speech_overview"),
])
def test_what_a_speaker_said_is_their_speech(responder: Responder, question: str, expected: str) -> None:
    assert responder.answer(question).intent == expected


def test_a_formal_greeting_and_who_asks_name_no_subject(responder: Responder) -> None:
    """"Kính gửi quý ban, tôi là … ở Long An": the asker's province is no question about Long An."""
    question = "Kính gửi quý ban, tôi là cán bộ Hội Nông dân ở một xã bên Long An, xin được hỏi hội nghị ấy có " \
        "bao nhiêu điểm cầu ạ?"
    assert responder.answer(question).intent == "event_bridge_points"


def test_a_place_guessed_after_where_is_corrected_not_refused(responder: Responder) -> None:
    """"…ở đâu, Đà Lạt hả?" guesses; the answer says Hà Nội."""
    assert responder.answer("Điểm cầu trung tâm của hội nghị đặt ở đâu, Đà Lạt hả?").intent == "event_bridge_points"


@pytest.mark.parametrize("message", [
    "Bà Mai kết luận có nhắc tới Cà Mau không?",           # a place the conclusion never names
    "Did Vuong's speech mention Hanoi at all?",
])
def test_whether_a_speech_spoke_of_a_place_it_never_names_is_refused(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


def test_asking_whether_the_conference_spoke_of_ca_mau_gets_who_attended_there(responder: Responder) -> None:
    assert responder.answer("hội nghị có nhắc tới Cà Mau không").intent == "camau_attendees"


@pytest.mark.parametrize(("message", "intent"), [
    ("Thưa, hội nghị nớ do cơ quan mô tổ chức rứa?", "event_organizer"),       # central speech: mô, nớ, rứa
    ("vì răng hội nghị ni lại họp trực tuyến?", "refuse_format_reason"),        # răng: sao; ni: này
    ("ông Vượng dặn chi về chuyện tiếp dân rứa", "vuong_req_dialogue"),         # chi: gì
])
def test_central_speech_question_words_are_understood(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).matched == intent


def test_two_polite_words_may_open_an_introduction(responder: Responder) -> None:
    """"Dạ thưa, tôi là …": the asker's town (Huế) is no subject."""
    reply = responder.answer("Dạ thưa, tôi là giáo viên về hưu ở Huế, cho tôi hỏi hội nghị do cơ quan nào tổ chức?")
    assert reply.intent == "event_organizer"


def test_whether_something_is_good_asked_of_the_bot_is_its_view(responder: Responder) -> None:
    assert responder.answer("bạn thấy Ban Dân vận làm có tốt không?").fallback


@pytest.mark.parametrize(("message", "intent"), [
    ("Ông Vượng nói về gì ở Hà Nội?", "vuong_speech_overview"),           # where he spoke, not whether of Hà Nội
    ("Bà Mai yêu cầu chỉ đạo triển khai nhiệm vụ trọng tâm nào?", "mai_conclusion_overview"),  # "chỉ", no "chi"
    ("bạn có hiểu ai chủ trì hội nghị không", "event_chair"),              # asks who, of the report
    ("bạn thấy báo cáo đánh giá công tác dân vận năm 2020 có tốt không", "report_results_summary"),  # the report's view
    ("Vì sao phải kiện toàn đội ngũ cán bộ chuyên trách, chuyên trách gì?", "mai_task_7"),  # "chuyên", no "chuyện"
])
def test_the_second_reviews_readings_are_kept(responder: Responder, message: str, intent: str) -> None:
    assert responder.answer(message).intent == intent


@pytest.mark.parametrize("message", [
    "Sau Đại hội XIII thì ai giữ chức Trưởng Ban Dân vận Trung ương vậy?",      # who took the post later
    "ai làm trưởng ban dân vận trung ương thay bà Mai",
    "Which post did Truong Thi Mai hold after the 13th Congress?",
])
def test_posts_after_the_13th_congress_are_refused(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


def test_what_someone_did_in_anothers_stead_at_the_conference_is_answered(responder: Responder) -> None:
    assert responder.answer("ông Lĩnh làm gì thay bà Mai tại hội nghị").intent == "person_nguyen_hong_linh"


def test_a_first_hello_that_asks_nothing_of_the_report_is_greeted(responder: Responder) -> None:
    # a greeting, then who asks and whether they may: a hello, not "the report does not say"
    reply = responder.answer("Chào em, chị là hội viên phụ nữ ấp, chị nhờ em vài câu được hông?")
    assert reply.intent == "smalltalk_greeting"


@pytest.mark.parametrize(("message", "expected"), [
    # a hall told as where someone sat, while the question asks who: a name, no venue refused
    ("người đứng đầu tỉnh ủy ngồi dự ở hội trường tỉnh hôm đó là ai vậy", {"camau_leader", "person_nguyen_tien_hai"}),
    # "chi dao" typed plain is "chỉ đạo" (its pair in the report), not "theo chị" asking an opinion
    ("theo chi dao cua ong Vuong, can bo nao khong duoc bo tri lam dan van", {"vuong_req_cadre_selection"}),
    # a claim placing the conference in the city spelt out, lower-case: corrected, not read as Hồ Chí Minh's thought
    ("hình như hội nghị họp ở thành phố hồ chí minh đúng không",
     {"event_bridge_points", "event_format", "event_overview"}),
    # the asker's own chore after the question is no part of it
    ("Did the conference meet in person or online? I need to write it correctly in my report.", {"event_format"}),
    # the conference's highest-ranking attendee, no place named: not the Cà Mau delegation's leader
    ("Người có chức vụ cao nhất có mặt hôm đó là ai?", {"person_tran_quoc_vuong", "vuong_speech_overview"}),
    # someone's posts asked, however few words the question shares with their answer
    ("What positions did Tran Quoc Vuong have, as written in the article?", {"person_tran_quoc_vuong"}),
    # another post claimed in a negative question: their own answer corrects it
    ("Isn't Tran Quoc Vuong the State President?", {"person_tran_quoc_vuong"}),
    # who someone described is: their own answer
    ("Who was the top leader attending from the Ca Mau provincial side?", {"person_nguyen_tien_hai"}),
])
def test_the_thirty_third_sessions_readings(responder: Responder, message: str, expected: set[str]) -> None:
    assert responder.answer(message).intent in expected


@pytest.mark.parametrize(("message", "objection"), [
    # achievements asked one by one: the speech names none
    ("Ông Vượng có kể những thành tựu cụ thể gì của đất nước không?", Objection.DETAIL),
    # why, in central speech ("răng" … "phải"), with a hidden story suspected ("có chuyện chi")
    ("Răng ông Vượng phải nhắc xử lý cán bộ nhũng nhiễu, có chuyện chi xảy ra không?", Objection.WHY),
    # a post won after the conference, or after the 13th Congress
    ("Sau hội nghị này ông Lĩnh được bầu làm Trưởng ban phải không?", Objection.AFTER),
    ("Sau Đại hội XIII ông Lĩnh đã được giao chức gì?", Objection.DETAIL),
    ("What happened to Nguyen Hong Linh's position after the 13th Party Congress?", Objection.DETAIL),
    # the Front at the Cà Mau point: the list of who attended there names no Front
    ("Mặt trận Tổ quốc tỉnh Cà Mau có cử người đi dự không?", Objection.NAME),
    # mergers and headcounts: the seventh task gives neither
    ("kiện toàn bộ máy dân vận là sẽ sáp nhập ban nào vậy", Objection.DETAIL),
])
def test_what_the_thirty_third_session_refuses(responder: Responder, message: str, objection: Objection) -> None:
    match = responder.matcher.match(message)
    assert match.objection is objection
    assert responder.answer(message).fallback


@pytest.mark.parametrize("message", [
    # another meeting's place is not corrected as ours
    "hội nghị dân vận năm 2019 họp ở Huế phải không",          # another year's conference: no correction of ours
    "Đợt trước hội nghị họp tại Huế thì ai chủ trì",             # an earlier meeting taken as given
    # Hồ Chí Minh's sayings: the report quotes none of them
    "Bài có nhắc câu 'dễ trăm lần không dân cũng chịu' của Bác không",
    "Ông Lĩnh có dẫn lời Bác trong báo cáo không?",
    # the bot's view asked of a requirement
    "Bạn thấy yêu cầu nói ít làm nhiều có thực tế không",
    "What did Ho Chi Minh say about mass mobilization?",
])
def test_what_the_report_never_covers_gets_the_out_of_scope_reply(responder: Responder, message: str) -> None:
    assert responder.answer(message).kind is Kind.OUT_OF_SCOPE


@pytest.mark.parametrize("message", [
    # "BDV TU" is the province's board (Tỉnh ủy), whose head the report does not name: not Mai's central board
    "Trưởng BDV TU Cà Mau hồi đó tên gì vậy?",
    # the hour within the morning: the report says only "sáng"
    "At what time of the morning did Truong Thi Mai give her closing speech?",
    # the province's own action programme: the report tells the national requirement only
    "Cà Mau có chương trình hành động riêng gì không",
    # the province's own hot spots, rank, models and goals: the report tells the nation's
    "Cà Mau mấy năm nay có điểm nóng nào về đất đai không",
    "Tỉnh Cà Mau được xếp loại gì về công tác dân vận",
    "How does Ca Mau tackle mass mobilization in its fishing villages?",
    # what a post is, told apart from another
    "Thường trực Ban Bí thư khác với Bí thư Trung ương ở điểm nào",
    "Can you tell me what the Standing Member of the Secretariat actually does?",
    # how a requirement is carried out, its procedure, which law
    "Xử lý ngay những vấn đề bức xúc ở cơ sở thì cụ thể là giải quyết ra sao?",
    "ông Vượng bảo tiếp dân cho tốt, vậy xã phải làm những bước j, có quy trình ko",
    # what a congress resolution itself says, not what carrying it out achieved
    "Nghị quyết Đại hội XII có những nội dung chính gì về dân vận?",
    # a province's own conference, and papers read by delegates
    "Cà Mau có tổ chức hội nghị tổng kết dân vận riêng của tỉnh không?",
    "Tỉnh mình có gửi tham luận lên hội nghị không",
    "Did Ca Mau hold a separate provincial conference?",
    "Ở Cà Mau năm đó có huyện nào được chọn làm điểm về dân chủ ở cơ sở không",
    "How did the delegates at the Ca Mau point assess the speeches, were they satisfied?",
    "Tỉnh Cà Mau được Trung ương đánh giá công tác dân vận nhiệm kỳ XII xếp loại gì?",
    # a count of the province's bodies, which the report lists but never counts
    "tỉnh Cà Mau có bn huyện tham dự hn ạ",
    # the posts held after the conference, typed short ("lm"), or "after that term"
    "bà Trương Thị Mai sau này còn lm Trưởng Ban không ạ",
    "sau nhiệm kỳ ấy ông Lĩnh có còn làm Phó Trưởng Ban không",
    # how two bodies' functions differ: background the report does not give
    "Mặt trận Tổ quốc và Hội Nông dân khác nhau về chức năng ra sao?",
    # a mechanism the requirement names none of
    "Was any concrete mechanism set up for the Front and the unions to work with local government?",
    # a body the report never names, asked what it did: no claim of who did it to correct
    "Bà Kim Ngân kết luận gì, đúng không?",
    # shortcomings named with a word between ("tồn tại cụ thể nào"); what a post is for, asked right after it
    "Ông Vượng có chỉ ra tồn tại cụ thể nào của cán bộ tiếp dân không",
    "Thường trực Ban Bí thư là chức vụ có vai trò gì?",
])
def test_the_recent_sessions_near_misses_fall_back(responder: Responder, message: str) -> None:
    assert responder.answer(message).fallback


@pytest.mark.parametrize(("message", "expected"), [
    # a plain name's word after reads as the report's only after "theo": Japan is still named
    ("o Nhat Ban dan van duoc lam the nao", "out_of_scope"),
    ("hoi nghi co noi ve ngu dan di bien khong", "out_of_scope"),
    # the delegation named by what it is: still the Cà Mau answers
    ("ai dẫn đầu đoàn", "camau_leader"),
    ("Which agencies joined the meeting?", "camau_attendees"),
    # the 2021 tasks after the 13th Congress are no deed done after the conference
    ("sau đại hội 13 cần quán triệt nghị quyết gì", "mai_task_2"),
    # the Front taking part in a task, not sitting at the Cà Mau point
    ("MTTQ có tham dự vào thực hiện quy chế dân chủ ở cơ sở không", "vuong_req_grassroots_democracy"),
    # someone's role at the conference, not what became of them
    ("What happened to Mai's role at the conference?", "person_truong_thi_mai"),
    # a claim of what the task is: the task's answer corrects it
    ("nhiệm vụ 7 là tinh giản biên chế ban dân vận phải không", "mai_task_7"),
    # a quiz's wrong options are no detail asked
    ("Năm 2021 các đoàn thể được giao gì: A. sáp nhập, B. đổi mới nội dung, phương thức hoạt động, C. giảm biên chế?",
     "mai_task_6"),
    # "did … after the 13th Congress" in English asks for a task, not what happened later
    ("Did Vuong ask for an action programme after the 13th Congress?", "vuong_req_action_programme"),
    # a Cà Mau attendee set aside still makes the question Cà Mau's
    ("Ngoài ông Hải và ông Vượng, còn lãnh đạo nào khác dự?", "camau_attendees"),
    # "đầu tiên" after words that only place the item: the first task
    ("Trong phần kết luận, việc được xếp đầu tiên là việc gì? Tôi cần chép cho đúng nguyên ý.", "mai_task_1"),
    # "vs" between two verbs is "và": the report's "dự và chỉ đạo"
    ("ở đầu cầu HN ai dự vs chỉ đạo z ạ, có phải ông Vượng hok", "person_tran_quoc_vuong"),
    # a question, then a statement of what interests the asker: the question read alone, rescues and all
    ("Who represented Ca Mau province at the conference? I'm especially interested in the highest-ranking local "
     "figure.", "person_nguyen_tien_hai"),
    # "Thi" capitalised is a name's middle word, not "thì": the three set aside are all the report names
    ("Besides Tran Quoc Vuong, Truong Thi Mai and Nguyen Hong Linh, which other central leaders were sitting at "
     "the Hanoi central bridge point?", "fallback"),
    # "since when" of an appointment: the report gives titles as of the day only
    ("Đồng chí Nguyễn Hồng Lĩnh được bổ nhiệm Phó Trưởng Ban Dân vận Trung ương từ năm nào?", "fallback"),
    # the choice "effective, or just a meeting for show" is the bot's view asked
    ("nguoi ta danh gia hoi nghi nay co hieu qua ko hay chi hop cho co vay", "out_of_scope"),
    # one of the report's places or anywhere else: where the one described sat
    ("Ông Thường trực Ban Bí thư ngồi ở đầu cầu nào, ở Hà Nội hay nối máy từ địa phương?", "person_tran_quoc_vuong"),
    ("Did Vuong join from Hanoi or remotely?", "person_tran_quoc_vuong"),
    # five years of carrying out the resolution is what the report reviews
    ("Báo cáo đánh giá 5 năm thực hiện Nghị quyết Đại hội XII nói gì về dân vận", "report_results_summary"),
    # complaints at the central point's speech are the requirement, not Hà Nội's own record
    ("Chuyện dân khiếu nại thì ông Vượng ở Hà Nội có dặn gì không", "vuong_req_dialogue"),
    # "cụ thể như thế nào" of what was required asks the requirement, not how it is done
    ("ông Vượng yêu cầu cụ thể như thế nào về xử lý cán bộ tham nhũng", "vuong_req_corruption"),
    # the asker's own plight at the end asks nothing ("e hok bt j hết", "bà thấy dạo này khó quá")
    ("bà e hỏi hội nghị có dặn lo đời sống cho dân hok, bà thấy dạo này khó quá", "vuong_req_living_standards"),
    # the asker's past post and home town continue the introduction: no unknown name asked
    ("Tôi là giáo viên, nguyên hiệu trưởng, nghỉ hưu ở Bạc Liêu, muốn biết hội nghị do cơ quan nào tổ chức",
     "event_organizer"),
    # a post guessed for who did something is corrected by who did it
    ("ai đọc báo cáo tóm tắt vậy mn, e nghe ns là bà trưởng ban mà ko chắc", "person_nguyen_hong_linh"),
    # "đứng đầu" after an item word stands first
    ("Nhiệm vụ đứng đầu trong danh sách bà Mai giao là gì", "mai_task_1"),
    # "I see his …" is no thanks
    ("What is the job of Nguyen Hong Linh? I see his name, but the title means nothing to me.",
     "person_nguyen_hong_linh"),
    # what the work has done for people is no question of what the bot can do
    ("Theo bản tổng kết 5 năm, dân vận đã giúp được gì cho chuyện người dân được làm chủ ở xã phường?",
     "finding_democracy"),
    # "Were they mentioned?" points back at what the introduction wonders about
    ("I'm also curious about Vietnamese people living overseas. Were they mentioned in the report?",
     "finding_ethnic_religious_overseas"),
    ("Does the article say anything about Vietnamese living overseas? My cousins live in Canada.",
     "finding_ethnic_religious_overseas"),
    # taking part or connecting, how: not the province's own ways of working
    ("Cà Mau tham dự hội nghị làm thế nào?", "camau_attendees"),
    ("In Hanoi, how did Vuong say cadres should approach the people?", "vuong_req_noi_it_lam_nhieu"),
    # a speech at the place about the nation's hot spots: not the place's own
    ("Ở Hà Nội, báo cáo tóm tắt nói gì về điểm nóng an ninh trật tự?", "finding_hot_spots"),
    # a speaker or the report between the resolution and "nói gì": what they said of it
    ("Về Nghị quyết Đại hội XIII, bà Mai nói gì?", "mai_task_2"),
    ("Nghị quyết Đại hội XII được báo cáo nhắc đến với nội dung gì?", "mention_congress_12"),
    # the report's own assessment, and a way asked with its purpose, are told
    ("Báo cáo cụ thể là đánh giá thế nào về 5 năm qua?", "report_results_summary"),
    ("Ông Vượng yêu cầu cụ thể là làm thế nào để dân tin?", "vuong_req_noi_it_lam_nhieu"),
    # a post's role at the conference is its holder's
    ("Chức danh Phó Trưởng Ban có vai trò gì trong hội nghị?", "person_nguyen_hong_linh"),
    # "pháp luật gì", "kỷ luật gì" ask no law's name
    ("Ông Vượng yêu cầu hoàn thiện chính sách, pháp luật gì?", "vuong_req_human_rights"),
    ("Cán bộ vi phạm kỷ luật gì thì không được làm công tác dân vận?", "vuong_req_cadre_selection"),
    # a detail offered beside what the answer holds is a choice it makes
    ("Đồng chí Lĩnh trình bày tham luận hay báo cáo?", "person_nguyen_hong_linh"),
    # "theo anh thì" of a fact asks the fact
    ("Theo anh thì ai chủ trì hội nghị?", "event_chair"),
    # the list asked whole, in order, or by whose it is
    ("Các nhiệm vụ của bà Mai theo thứ tự là gì?", "mai_conclusion_overview"),
    ("Các nhiệm vụ của bà Mai là gì?", "mai_conclusion_overview"),
    # the report's places or anywhere else only right after a place: not "bộ, ngành hay địa phương"
    ("Ông Vượng ở Hà Nội yêu cầu bộ, ngành hay địa phương làm gì?", "vuong_requirements_2021"),
    # a room of its own is no conference of its own
    ("Mỗi tỉnh dự hội nghị ở phòng họp riêng của tỉnh à?", "camau_attendees"),
    # "Thưa cháu," before who asks: the asker's province is no subject
    ("Thưa cháu, bác là cựu chiến binh ở Bến Tre, cháu cho bác hỏi hội nghị họp ngày nào?", "event_date"),
    # "nhiệm kì ĐH 12" names the term, not when the congress met
    ("em ôn thi, hn tổng kết dân vận nhiệm kì ĐH 12 tổ chức ngày nào v", "event_date"),
    # a body the report never names, claimed as the organizer: the answer that names the organizer corrects it
    ("Nghe nói Ban Tuyên giáo lo tổ chức cuộc họp này, đúng không bot?", "event_organizer"),
    # a guessed city tagged to "where": corrected, not refused
    ("điểm cầu trung tâm ở đâu vậy, có phải TP Đà Nẵng không", "event_bridge_points"),
    # what the asker will do with the answer, at the end, weighs nothing ("tôi cần ghi cho đúng")
    ("bà Phó Trưởng Ban... à không, ông Phó Trưởng Ban đọc báo cáo hồi đó ngồi ở đầu cầu nào, tôi cần ghi cho đúng",
     "person_nguyen_hong_linh"),
    # "Thưa các đồng chí," and the asker's own thing ("khảo sát … của em"), school subject ("GDCD") weigh nothing
    ("Thưa các đồng chí, tôi là bí thư chi bộ ở Nghệ An, hội nghị diễn ra ngày nào?", "event_date"),
    ("Khảo sát thực địa của em ở vùng đồng bào dân tộc, báo cáo đánh giá gì về dân vận với đồng bào dân tộc thiểu số?",
     "finding_ethnic_religious_overseas"),
    ("Bài GDCD của em hỏi hội nghị tổng kết dân vận do cơ quan nào tổ chức", "event_organizer"),
    # localities counted are the bridge points; a coordination programme's time frame is its period
    ("Hội nghị nối với bao nhiêu địa phương trong cả nước?", "event_bridge_points"),
    ("What time frame does the coordination program cover?", "mai_task_3"),
    # "bn" called ("hỏi bn, …") or before "nào" is "bạn", no count; "sau nhiệm kỳ đó … còn làm" of no post
    ("hỏi bn, đơn vị nào tổ chức hội nghị", "event_organizer"),
    ("sau nhiệm kỳ đó ban dân vận còn làm những nhiệm vụ gì", "mai_conclusion_overview"),
    # whether an exam asks it, whether to study it: advice the bot does not give
    ("Bài này có ra trong đề kiểm tra không, em có nên học kỹ không?", "out_of_scope"),
    # the asker's side or province, pointed back at: the place named is the subject
    ("Bến Tre bữa đó cũng có điểm cầu hả, bên mình ai dự vậy?", "out_of_scope"),
    ("Thưa chú, con là học sinh ở Bến Tre, tỉnh con có tham gia hội nghị không?", "out_of_scope"),
    # a year followed by what is to be done ("năm 2021 làm những việc gì") is the tasks' year, "dan" or not
    ("ba Mai ket luan hoi nghi co dan nam 2021 lam nhung viec gi", "mai_conclusion_overview"),
    # a span guessed ("mình tưởng 2021-2025") is a claim the answer with the years corrects
    ("chương trình phối hợp mới là giai đoạn nào, mình tưởng 2021-2025", "mai_task_3"),
    # "Is that right?" alone asks nothing: the sentence it checks names the place, and the reply speaks of it
    ("A blog says the meeting was run from Da Nang. Is that right?", "out_of_scope"),
    # …but not the asker's side said in passing, nor a province before a whole question that checks a claim
    ("Mình ở Đà Nẵng, bên mình thì hay đọc báo, hội nghị tổ chức ngày nào vậy?", "event_date"),
    ("I live in Thailand. Is it true the conference had 63 bridge points?", "event_bridge_points"),
    # the asker's own place after "của tôi" is no thing of the asker's: its weaknesses are still refused
    ("Những điểm yếu trong huyện của tôi là gì theo báo cáo", "refusal"),
    # a ministry guessed as the organizer: the answer that names the organizer corrects it
    ("Tôi tưởng hội nghị do Bộ Nội vụ tổ chức", "event_organizer"),
    # the province of someone the asker knows, pointed back at: that province is the subject
    ("Tôi có người quen ở tỉnh Bến Tre, hội nghị đánh giá dân vận ở tỉnh người quen ấy thế nào?", "out_of_scope"),
    # whose question a host relays, and from where, before a colon, is no subject
    ("Ban biên tập nhận được câu hỏi của một bạn đọc ở Vĩnh Long: cơ quan nào tổ chức hội nghị dân vận?",
     "event_organizer"),
    ("Chương trình nhận được thắc mắc của một cô giáo ở Sóc Trăng: hội nghị diễn ra vào ngày nào?", "event_date"),
    # …but a question about a topic keeps the topic: "câu hỏi của em về quyền con người: …"
    ("Câu hỏi của em về quyền con người: ông Vượng nói gì?", "vuong_req_human_rights"),
    # the asker's own eyes or memory are no complaint about the answers; the bot's still are
    ("Thưa cháu, bác đọc tin mà mắt kém quá, bác nhớ hình như ông Vượng có nói về lo cho dân cái ăn cái mặc",
     "vuong_req_living_standards"),
    ("bác già rồi trí nhớ kém quá, hình như ông Vượng có dặn lo đời sống vật chất tinh thần cho dân, cháu xem lại giúp "
     "bác", "vuong_req_living_standards"),
    ("bot trí nhớ kém quá", "smalltalk_complaint"),
    ("Am I talking to a human right now or a bot?", "smalltalk_bot_identity"),
    # the asker's province before a claim that a last "Đúng không?" checks is still said in passing
    ("Tôi quê Nghệ An, ông Vượng yêu cầu xử lý cán bộ tham nhũng. Đúng không vậy?", "vuong_req_corruption"),
    # a claim that the conference met in Ho Chi Minh City: the words of the city's name weigh for "tư tưởng Hồ Chí
    # Minh", so the answer that corrects it is looked for without them, and must name a place of the report; a
    # "True or false?" after the claim checks it; "họp tập trung tại …" says where it met
    ("An article says the central bridge point was in Ho Chi Minh City. True or false?", "out_of_scope"),
    ("hội nghị dân vận cuối năm 2020 được tổ chức ở thành phố Hồ Chí Minh, có đúng thế không?",
     "event_bridge_points"),
    ("nghe nói hồi đó mọi người về họp tập trung tại TP Hồ Chí Minh, đúng không?", "event_format"),
    # a relayed question's frame asks no congress's date, though "đài hỏi" folds to "đại hội"
    ("Có chị ở Cái Nước gọi vô đài hỏi: hội nghị dân vận năm đó họp ngày nào?", "event_date"),
    # what the asker needs the answer for, in southern words ("ghi vô bài"), is no part of the question
    ("ông Vượng hồi đó chức j z, e cần ghi vô bài thu hoạch chi đoàn mà quên mất tiêu", "person_tran_quoc_vuong"),
    # "a human-rights angle" does not ask whether the bot is human
    ("From a human-rights angle, did Vuong mention citizens' rights at all?", "vuong_req_human_rights"),
])
def test_the_recent_sessions_readings_stay_in_their_lanes(responder: Responder, message: str,
                                                        expected: str) -> None:
    reply = responder.answer(message)
    assert (reply.intent or reply.kind.value) == expected


def test_a_user_who_knows_nothing_still_gets_an_answer(responder: Responder) -> None:
    """"cho e hỏi … e hok bt j hết á": the frame and the plight are dropped, the question is answered."""
    assert not responder.answer("cho e hỏi ai là ng dự vs chỉ đạo hội nghị dân vận z, e hok bt j hết á").fallback


def test_a_hello_beside_a_question_answered_at_the_noise_floor_is_greeted(responder: Responder) -> None:
    """"chào bạn, buồn quá, nói chuyện chút được không" asks nothing of the report: a greeting, not the election
    task its few words happen to graze."""
    assert responder.answer("chào bạn, buồn quá, nói chuyện chút được không").intent == "smalltalk_greeting"
