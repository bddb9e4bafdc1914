"""Normalization: the ways people type the same Vietnamese word must meet."""

from __future__ import annotations

import unicodedata

import pytest

from bot.text.normalize import (
    Phrase,
    PhraseRewriter,
    PhraseSet,
    clean,
    clip,
    find_spelt,
    fold,
    marks_fit,
    one_spelling,
    only_says_who_asks,
    raw_words,
    split_preamble,
    unstretch,
    untelex,
    without_set_aside,
    without_words,
    words,
)


def test_diacritics_and_d_are_folded() -> None:
    assert fold("Đồng chí Trương Thị Mai") == "dong chi truong thi mai"
    assert words("Ai chủ trì Hội nghị?") == ["ai", "chu", "tri", "hoi", "nghi"]


def test_old_and_new_tone_placement_meet() -> None:
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("thuỷ") == fold("thủy") == "thuy"


def test_nfd_input_is_composed_first() -> None:
    nfd = unicodedata.normalize("NFD", "Bí thư Tỉnh ủy")
    assert nfd != "Bí thư Tỉnh ủy"
    assert words(nfd) == words("Bí thư Tỉnh ủy") == ["bi", "thu", "tinh", "uy"]


def test_invisible_characters_do_not_glue_or_split_words() -> None:
    # zero-width space, RTL mark, BOM and a control character
    assert words("hội\u200bnghị\u200f \ufeffCà\x07Mau") == ["hoi", "nghi", "ca", "mau"]
    assert clean("a\u200db") == "a b"


def test_untelex_undoes_raw_keystrokes() -> None:
    assert untelex("nghij") == "nghi"
    assert untelex("hooij") == "hoi"
    assert untelex("dduwowcj") == "duoc"


def _rewrite(rw: PhraseRewriter, text: str) -> list[str]:
    return rw.rewrite(words(text), raw_words(text))


def test_phrase_rewriter_prefers_longest_match() -> None:
    rw = PhraseRewriter([Phrase(("bdv",), ("bdv",), ("ban", "dan", "van")),
                         Phrase(("bdv", "tw"), ("bdv", "tw"), ("bdvtw",)),
                         Phrase(("z",), ("z",), ())])
    assert _rewrite(rw, "BDV TW z bdv") == ["bdvtw", "ban", "dan", "van"]


def test_spelling_decides_between_words_that_fold_alike() -> None:
    rw = PhraseRewriter([Phrase(("bảy",), ("bay",), ("7",)), Phrase(("hả",), ("ha",), (), strict=True)])
    assert _rewrite(rw, "nhiệm vụ bảy") == ["nhiem", "vu", "7"]
    assert _rewrite(rw, "nhiem vu bay") == ["nhiem", "vu", "7"]      # typed plain: could be bảy
    assert _rewrite(rw, "bày tỏ") == ["bay", "to"]                   # typed otherwise: not bảy
    assert _rewrite(rw, "thật hả") == ["that"]                       # a filler, typed so
    assert _rewrite(rw, "Hà Nội") == ["ha", "noi"]                   # not the filler
    assert _rewrite(rw, "ha noi") == ["ha", "noi"]                   # strict: plain is not "hả"


def test_old_and_new_tone_placement_are_one_spelling() -> None:
    assert raw_words("hoà thuỷ") == raw_words("hòa thủy")


def test_clip_counts_visible_characters_and_bounds_the_work() -> None:
    question = "Hội nghị diễn ra khi nào?"
    assert clip("\u200b" * 500 + question, 500) == ("\u200b" * 500 + question, False)
    assert clip("x" * 600, 500) == ("x" * 500, True)
    nfd = unicodedata.normalize("NFD", "Bí thư Tỉnh ủy " * 30)  # 450 letters seen, more code points
    assert clip(nfd, 500) == (nfd, False)
    marks, cut = clip("a" + "\u0301\u0323" * 100_000, 500)  # one letter under 200,000 marks
    assert cut and len(marks) < 50
    assert clip("\u200b" * 1_000_000, 500)[1]


@pytest.mark.parametrize(("typed", "known", "fits"), [
    ("vuong", "vượng", True),    # no marks: any word that folds alike
    ("vuợng", "vượng", True),    # some marks missing, in a hurry
    ("đc", "dc", True),          # đ and d are one letter for this
    ("hoãn", "hoàn", False),     # postponed is not complete
    ("bóng", "bông", False),
    ("vượng", "vượng", True),
])
def test_marks_fit_allows_fewer_marks_never_other_ones(typed: str, known: str, fits: bool) -> None:
    assert marks_fit(typed, known) is fits


@pytest.mark.parametrize(("text", "head", "who"), [
    ("Tôi làm ở Sở Nội vụ tỉnh, muốn biết ông Vượng yêu cầu gì", "Tôi làm ở Sở Nội vụ tỉnh,", True),
    ("For my thesis on participatory governance: which forms of democracy are named?",
     "For my thesis on participatory governance:", True),
    ("I am preparing a seminar on local politics and would like to know who chaired it",
     "I am preparing a seminar on local politics and would like to know", True),
    ("Em đọc thấy bản tổng kết có nói tới người theo đạo, việc đó được nhận xét ra sao",
     "Em đọc thấy bản tổng kết có nói tới người theo đạo,", False),
    ("Em hỏi Tổng Bí thư Nguyễn Phú Trọng có gửi thư không?", "", False),   # the question itself
    ("Tôi muốn hỏi ai tổ chức, và khi nào", "", False),                    # asks something: no introduction
    # a radio host relaying a listener's question: who asks, and from where, is not asked about
    ("Alô, anh Tư ở U Minh gọi điện hỏi là hội nghị kết nối bao nhiêu điểm cầu",
     "Alô, anh Tư ở U Minh gọi điện hỏi là ", True),
    ("Câu hỏi ôn tập: hội nghị do cơ quan nào tổ chức?", "Câu hỏi ôn tập: ", False),  # a label
    ("I'm a journalist checking facts. Who chaired the conference?", "I'm a journalist checking facts.", True),
    ("I’m a PhD student. Who chaired the conference?", "I’m a PhD student.", True),
    # "thông báo" (a notice) asks nothing, though it folds like "bao" of "bao nhiêu"
    ("Tôi đang soạn thông báo cho chi bộ, hội nghị do cơ quan nào tổ chức?",
     "Tôi đang soạn thông báo cho chi bộ,", True),
    # the asker types for a relative, who is no subject either ("ông nói" is no speech)
    ("Ông ngoại cháu là cựu chiến binh, ông muốn hỏi hội nghị diễn ra ngày nào?",
     "Ông ngoại cháu là cựu chiến binh,", True),
    ("me em lam o hoi phu nu xa, me em muon biet hoi nghi do ai to chuc", "me em lam o hoi phu nu xa,", True),
    ("Bà con đang bức xúc nhiều việc, ông Vượng yêu cầu xử lý thế nào", "", False),  # the people, no kin
    ("Bác sinh hoạt Hội CCB phường, cho bác hỏi hội nghị có bao nhiêu điểm cầu", "Bác sinh hoạt Hội CCB phường,", True),
    ("Hi, im writing an essay about Vietnam, how was the conference held?",
     "Hi, im writing an essay about Vietnam,", True),
    # typed plain and without a comma, before "cho em hoi"
    ("em dang on gdcd cho em hoi hoi nghi dien ra ngay nao", "em dang on gdcd", True),
    # after an excuse for interrupting, as after a greeting
    ("Excuse me, I'm learning English with this article. Who read out the summary report?",
     "Excuse me, I'm learning English with this article.", True),
    ("Xin lỗi, tôi là cán bộ phường, hội nghị do cơ quan nào tổ chức?", "Xin lỗi, tôi là cán bộ phường,", True),
])
def test_the_askers_introduction_is_told_from_the_question(text: str, head: str, who: bool) -> None:
    assert split_preamble(text)[0] == head
    assert only_says_who_asks(head) is who


def test_what_someone_remembers_or_heard_is_no_introduction() -> None:
    assert not only_says_who_asks("Tôi nhớ là có một nhiệm vụ về bầu cử,")
    assert not only_says_who_asks("Em nghe nói là bà Mai kết luận,")


def test_an_introduction_in_two_clauses_is_told_from_the_question() -> None:
    assert split_preamble("Em là đoàn viên, đang chuẩn bị bài sinh hoạt, cho em hỏi hội nghị diễn ra ngày nào ạ?") == (
        "Em là đoàn viên, đang chuẩn bị bài sinh hoạt,", " cho em hỏi hội nghị diễn ra ngày nào ạ?")


def test_the_askers_task_said_at_the_end_is_dropped() -> None:
    assert split_preamble("hội nghị kết nối bao nhiêu điểm cầu vậy, e làm bài thi tìm hiểu của trường") == (
        "", "hội nghị kết nối bao nhiêu điểm cầu vậy")
    assert split_preamble("who organised the conference? my history teacher wants me to find out haha") == (
        "", "who organised the conference")
    # homework in its short name: "bt" here is "bài tập", and "GDCD" the school subject, no name to look up
    assert split_preamble("hội nghị tổ chức ngày bn vậy ạ, e làm bt GDCD") == ("", "hội nghị tổ chức ngày bn vậy ạ")


def test_a_relayed_questions_closing_tag_is_dropped() -> None:
    """"…, có cô ở Phú Tân hỏi thế?" says who asked; "Phú Tân" is no subject of the question."""
    assert split_preamble("Hội nghị có bao nhiêu điểm cầu, có cô ở Phú Tân hỏi thế?") == (
        "", "Hội nghị có bao nhiêu điểm cầu?")


def test_held_down_letters_shrink_but_roman_numerals_stay() -> None:
    assert unstretch("Hiii, cảm ơnnnn bot") == "Hi, cảm ơn bot"
    assert unstretch("Đại hội XIII, khóa VIII") == "Đại hội XIII, khóa VIII"
    assert unstretch("hello, cooperation") == "hello, cooperation"


def test_letters_and_digits_glued_together_are_two_words() -> None:
    """"ĐH13", "nv4" are typed for "Đại hội 13", "nhiệm vụ 4"."""
    assert words("ĐH13 nv4 2021-2026") == ["dh", "13", "nv", "4", "2021", "2026"]
    assert raw_words("ĐH13") == ["đh", "13"]


def test_words_taken_out_leave_the_sentences_as_typed() -> None:
    """Small talk taken out of a message keeps its full stops, so an introduction still ends where it did."""
    text = "Hi, I am a researcher from Germany. When was it held?"
    drop = [w == "hi" for w in words(text)]
    assert without_words(text, drop) == ", I am a researcher from Germany. When was it held?"


def test_what_a_question_sets_aside_is_taken_out() -> None:
    left, aside = without_set_aside("Who attended besides Nguyễn Tiến Hải at the Cà Mau bridge point?")
    assert "Hải" not in left and "Nguyễn Tiến Hải" in aside
    assert "Bí thư" not in without_set_aside("Ngoài ông Bí thư, ở điểm cầu Cà Mau còn có những ai dự?")[0]
    abroad = "bc có nói về người ở nước ngoài, ai phụ trách không"  # "nước ngoài" is abroad: nothing set aside
    assert without_set_aside(abroad) == (abroad, "")


def test_when_the_asker_will_use_the_answer_opens_the_introduction() -> None:
    head, rest = split_preamble("Mai tôi phải phổ biến cho tổ dân phố, cho hỏi hội nghị diễn ra ngày nào?")
    assert head.startswith("Mai tôi") and only_says_who_asks(head) and "ngày nào" in rest


def test_a_word_typed_plain_fits_only_the_one_way_the_texts_write_it() -> None:
    """In a message typed with marks, "chao" is "chào" (written no other way), "ban" is no "bạn"
    (also "Ban"), and "rang" (written only "rằng") is no "ràng"."""
    only = one_spelling(["Xin chào bạn, Ban Dân vận nói rằng"])
    assert only["chao"] == "chào" and "ban" not in only and only["rang"] == "rằng"
    cues: PhraseSet[tuple[str, tuple[str, ...]]] = PhraseSet(
        (words(cue), (cue, tuple(raw_words(cue)))) for cue in ("chào cháu", "bạn là ai", "rõ ràng"))
    found = [payload for _, payload, _ in find_spelt(cues, "Chao chau, bà mới tập dùng", only | {"chau": "cháu"})]
    assert found == ["chào cháu"]
    assert not find_spelt(cues, "trưởng ban là ai vậy ạ", only)
    assert not find_spelt(cues, "rõ rang là vậy ạ", only)


def test_a_machine_and_a_not_in_the_introduction_ask_nothing() -> None:
    """"gõ bằng máy" is a machine, not "mấy"; "không có bộ gõ" is a "not", not a final "không?"."""
    head, rest = split_preamble("Em dang go bang may o phong lab khong co bo go tieng Viet, cho em hoi hoi nghi "
                                "nay tong ket nhiem ky Dai hoi lan thu may a?")
    assert head.endswith("tieng Viet,") and rest.strip().startswith("cho em hoi")


def test_besides_someone_then_who_else_sets_them_aside_without_a_comma() -> None:
    rest, aside = without_set_aside("ở điểm cầu Cà Mau ngoài bt TU còn có đại diện những cơ quan nào dự ạ")
    assert aside == "ngoài bt TU" and "còn có đại diện" in rest
    assert without_set_aside("kiều bào ở nước ngoài còn được nhắc tới không")[1] == ""


def test_overseas_is_no_set_aside() -> None:
    assert without_set_aside("đồng bào ở ngoài nước còn gặp khó khăn gì")[1] == ""
