"""Text normalization shared by the knowledge base and the questions.

Both sides go through the same steps, so "Hoà", "hòa", "HOA" and an NFD-typed "hòa" all meet
as the token ``hoa``. The steps are pure and allocation-light: the knowledge base runs them
once at load, a question once per message.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

# Unicode categories that carry no meaning for matching: controls, format marks (zero-width
# joiners, RTL/LTR marks, BOM), and unassigned/private/surrogate code points.
_INVISIBLE = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})
# What a reader does not see as a character of its own: the above, and marks on a letter.
_UNSEEN = _INVISIBLE | {"Mn", "Me"}
#: Most combining marks kept on one letter: Vietnamese needs two (ệ is e, circumflex, dot below).
#: A longer pile means nothing, and NFC, which sorts marks, is quadratic in it.
MAX_MARKS = 4
# ``clip`` looks at no more than this many code points per character it may keep.
_CLIP_SCAN = 4
# Letters and digits apart: "ĐH13" is "ĐH 13", "nv4" is "nv 4", as people mean them.
_WORD = re.compile(r"[^\W\d_]+|\d+")
#: Any digit (``has_digit``).
_DIGIT = re.compile(r"\d")
#: How many texts keep their split words: the texts of the last few questions, which are split again and again.
WORDS_CACHED = 256
#: Longer texts are split anew each time, so that the cache never holds a huge message.
CACHED_TEXT_CHARS = 2000
_LETTERS = re.compile(r"[^\W\d_]{3,}")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
_ROMAN = re.compile(r"[ivxlcdm]+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\n…\"“”'()\[\]-]\s*$")
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
# Old-style tone marks on the first vowel of "oa", "oe", "uy" → new style on the second.
_NEW_TONES = {
    old: new
    for first, second, marks_old, marks_new in (
        ("o", "a", "òóỏõọ", "àáảãạ"), ("o", "e", "òóỏõọ", "èéẻẽẹ"), ("u", "y", "ùúủũụ", "ỳýỷỹỵ"))
    for old, new in (
        (f"{first}{m_new}", f"{m_old}{second}") for m_old, m_new in zip(marks_old, marks_new, strict=True))
}
_OLD_TONES = re.compile("|".join(_NEW_TONES))

# Telex leftovers: people whose input method is off type "hooij nghij" for "hội nghị".
_TELEX_TONE = frozenset("sfrxj")
_TELEX_VOWELS = (("aa", "a"), ("aw", "a"), ("ee", "e"), ("oo", "o"), ("ow", "o"),
                 ("uw", "u"), ("dd", "d"))


def clip(text: str, limit: int) -> tuple[str, bool]:
    """The start of ``text`` with at most ``limit`` visible characters, and whether any were cut.

    Meant to run first, before any other step here: its work is bounded by ``limit`` however
    long the text, so megabytes pasted or piles of combining marks cost no more than a long
    question. Invisible characters and marks do not count, so zero-width padding cannot push a
    question out and text typed in NFD is measured as it looks; a pile of more than
    ``MAX_MARKS`` marks on one letter is thinned.
    """
    if len(text) <= limit:
        return text, False
    scan = text[: limit * _CLIP_SCAN]
    kept: list[str] = []
    seen = marks = 0
    for ch in scan:
        category = unicodedata.category(ch)
        marks = marks + 1 if category[0] == "M" else 0
        if marks > MAX_MARKS:
            continue
        if category not in _UNSEEN or ch.isspace():
            seen += 1
            if seen > limit:
                return "".join(kept), True
        kept.append(ch)
    return "".join(kept), len(scan) < len(text)


def unstretch(text: str) -> str:
    """Letters held down back to one: "hiii", "cảm ơnnnn", "byeee" are "hi", "cảm ơn", "bye".

    No Vietnamese or English word has a letter three times running; a Roman numeral may ("XIII"), and
    one letter alone may be a word of its own ("kkk", laughter).
    """
    if not _STRETCHED.search(text):
        return text
    return _LETTER_RUN.sub(_unstretched, text)


def _unstretched(m: re.Match[str]) -> str:
    word = m.group(0)
    if _ROMAN.fullmatch(word) or len(set(word.lower())) == 1:
        return word
    return _STRETCHED.sub(r"\1", word)


def clean(text: str) -> str:
    """NFC-compose and replace invisible or control characters with spaces."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # the common case, checked in C: nothing invisible to replace
        return text
    return "".join(
        " " if unicodedata.category(ch) in _INVISIBLE else ch for ch in text
    )


def _fold_table() -> dict[int, str | None]:
    """Latin letters with diacritics → their base letter; combining marks → nothing.

    Built once from Unicode's own decompositions, so every Vietnamese letter (and the rest
    of Latin) is covered without a hand-written list; đ/Đ have no decomposition and are
    mapped by hand.
    """
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "d"}
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base != chr(code):
            table[code] = base.lower()
    for code in range(0x0300, 0x0370):  # stray combining marks (NFD input NFC cannot compose)
        table[code] = None
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics (đ→d included), keeping other scripts."""
    text = clean(text).lower()
    return text if text.isascii() else text.translate(_FOLD)


def strip_markup(text: str) -> str:
    """Drop HTML a user pasted or typed: script/style blocks, tags; decode entities.

    "<b>nhiệm vụ thứ 4</b> là gì &amp; <script>…</script>" is still a question about task 4.
    """
    if "<" in text:
        text = _SCRIPT.sub(" ", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def split_glued(text: str) -> str:
    """Split words glued by a missing space where the case shows it: "CàMau" → "Cà Mau"."""
    return text if text.islower() else _LETTERS.sub(_split_word, text)


def _split_word(m: re.Match[str]) -> str:
    word = m.group(0)
    if word[1:].islower() or word.isupper():  # "Mau", "BDV": the common cases, checked in C
        return word
    out = [word[0]]
    for prev, ch in itertools.pairwise(word):
        if ch.isupper() and prev.islower():
            out.append(" ")
        out.append(ch)
    return "".join(out)


def has_digit(text: str) -> bool:
    """Whether ``text`` has a digit: one search in C, not a loop over its characters in Python."""
    return _DIGIT.search(text) is not None


def words(text: str) -> list[str]:
    """Fold and split into word tokens (letters and digits); punctuation and markup are dropped."""
    return list(_words(text) if len(text) <= CACHED_TEXT_CHARS else _words.__wrapped__(text))


@functools.lru_cache(maxsize=WORDS_CACHED)
def _words(text: str) -> tuple[str, ...]:
    # One question is split many times over (evidence, people, small talk): once is enough.
    return tuple(_WORD.findall(fold(split_glued(strip_markup(text)))))


def raw_words(text: str) -> list[str]:
    """Lower-cased word tokens with their diacritics, aligned one-to-one with ``words``.

    Old-style tone placement is moved to the new style ("hoà" → "hòa", "thuỷ" → "thủy") so
    both spellings compare equal.
    """
    return list(_raw_words(text) if len(text) <= CACHED_TEXT_CHARS else _raw_words.__wrapped__(text))


@functools.lru_cache(maxsize=WORDS_CACHED)
def _raw_words(text: str) -> tuple[str, ...]:
    text = clean(split_glued(strip_markup(text))).lower()
    if not text.isascii():
        text = _OLD_TONES.sub(lambda m: _NEW_TONES[m.group(0)], text)
    return tuple(_WORD.findall(text))


def without_words(text: str, drop: Sequence[bool]) -> str:
    """``text`` as typed, less the words (as ``words`` counts them) marked in ``drop``.

    Punctuation stays, so what is left still reads in sentences ("Hi, I am a researcher. When…"
    keeps the full stop that ends the introduction).
    """
    base = clean(split_glued(strip_markup(text)))
    spans = [found.span() for found in _WORD.finditer(base)]
    if len(spans) != len(drop):  # a script whose words fold differently: the words alone
        return " ".join(word for word, gone in zip(raw_words(text), drop, strict=False) if not gone)
    pieces, start = [], 0
    for (begin, end), gone in zip(spans, drop, strict=True):
        if gone:
            pieces.append(base[start:begin])
            start = end
    pieces.append(base[start:])
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


#: A syllable whose only vowel is i or y, which Vietnamese spells either way: "kì"/"kỳ", "lí"/"lý", "quí"/"quý".
_LONE_I_Y = re.compile(r"(qu|[bdđhklmnstv]|ch|kh|ng|nh|ph|th|tr)([iìíỉĩịyỳýỷỹỵ])")
_I_TO_Y = str.maketrans("iìíỉĩịyỳýỷỹỵ", "yỳýỷỹỵiìíỉĩị")


def other_i_y(word: str) -> str | None:
    """The same syllable spelt with the other of i and y ("nhiệm kì" → "kỳ"), or None when it has no other."""
    found = _LONE_I_Y.fullmatch(word)
    return None if found is None else found.group(1) + found.group(2).translate(_I_TO_Y)


def marks_fit(typed: str, known: str) -> bool:
    """Whether ``typed`` is ``known`` written with the same or fewer diacritics.

    Partial marks are common ("Vuợng" for "vượng", typed in a hurry); other marks make another
    word ("hoãn", postponed, is not "hoàn", complete). đ and d count as one letter ("đc", "dc").
    """
    if typed == known:  # the common case, checked in C
        return True
    if len(typed) != len(known):
        return False
    return all(a == b or a in "dđ" or _marks(a) <= _marks(b) for a, b in zip(typed, known, strict=True))


@functools.lru_cache(maxsize=512)
def _marks(letter: str) -> frozenset[str]:
    """A letter's diacritics (its combining marks once decomposed): a few hundred letters, each met often."""
    return frozenset(unicodedata.normalize("NFD", letter)[1:])


#: A greeting that may open an introduction: "Chào bot, tôi là…", "Kính gửi quý cơ quan, tôi là…", "Hi, I am…".
#: …or excuses for interrupting: "Excuse me, I'm practising English for my essay. …", "Xin lỗi, em là …".
_GREETING = r"(?:(?:xin |kính |kinh )?ch[àa]o|kính(?= (?:gửi|thưa|quý)\b)|hi|hello|hey|" \
    r"good (?:morning|afternoon|evening)|dear|excuse me|sorry|pardon|xin l[ỗo]i)\b"
#: When the asker will use the answer, said before who they are: "Mai tôi phải phổ biến cho tổ dân phố, …".
_WHEN_USED = r"(?:(?:(?:ngày|sáng|chiều|tối) )?mai|(?:sáng|chiều|tối) nay|hôm nay|tuần (?:sau|tới)|tomorrow|today)\s+"
#: A polite opening word: "Dạ em là sinh viên…", "Thưa anh chị, tôi là…", "Thưa con, cô là giáo viên…" (after
#: "thưa", whom the asker addresses).
_POLITE = (r"(?:(?:dạ|vâng|thưa(?:\s+(?:các\s+)?(?:anh chị|anh|chị|con|cháu|em|bác|cô|chú|ông|bà|bạn|thầy|quý vị|"
           r"đồng chí|ad|admin|bot)(?:\s+ạ)?(?=[,!]))?)[,!]?\s+)+")
#: Whom the asker calls, before saying who they are: "Chị ơi em làm bài thuyết trình GDCD, …".
_CALLED = r"(?:anh|chị|chi|cô|chú|bác|bac|bot|ad|admin|bạn|ban)\s+(?:ơi|oi)\b[,!]?\s*"
#: What may come before an introduction: a greeting ("Dạ em chào anh chị ạ, …") or a polite word, then
#: when the answer will be used.
_INTRO_OPENS = (r"^\W*(?:(?:" + _POLITE + r")?(?:(?:em|e|con|cháu|chau|mình|minh|tôi|toi|bác|bac)\s+)?" + _GREETING
                + r"[^,.;:!?]*[,.;:!?]\s*)?(?:" + _POLITE + r")?(?:" + _CALLED + r")?(?:" + _WHEN_USED + r")?")
#: "chị là chủ tịch Hội Phụ nữ xã", "anh làm ở Sở", "thầy đang soạn bài": the asker by a kinship word (or a
#: teacher's "thầy"), never "chị Mai là…".
_KIN_INTRO = r"(?:chị|anh|cô|chú|thầy)\s+(?:là|làm|công tác|đang|bên|ở|sinh hoạt)\b"
#: The asker's relative for whom they type: "ông nội cháu là đảng viên lâu năm ở xã, ông muốn biết …",
#: "me em lam o hoi phu nu, me hoi …" (his or her kin is no subject either).
_KIN_OF_ASKER = (r"(?!(?:bà|ba)\s+con\b)"  # "bà con đang bức xúc …" are the people, no kin
                 r"(?:ông|ong|bà|ba|bố|bo|mẹ|me|má|ma|cha)(?:\s+(?:nội|noi|ngoại|ngoai))?\s+"
                 r"(?:tôi|toi|em|e|cháu|chau|con|mình|minh|tui)\s+(?:là|la|làm|lam|đang|dang)\b")
#: The asker's word for themself before "muốn hỏi" or after "cho": "cô muốn hỏi", "cho thầy hỏi".
_ASKER = r"(?:tôi|toi|tui|em|e|mình|minh|cô|co|chú|chu|bác|bac|cháu|chau|con|chị|chi|anh|thầy|thay)"
#: A first clause in which the asker says who they are or what they are working on: "Tôi làm ở Sở
#: Nội vụ tỉnh, …", "For my thesis on participatory governance: …", "I am preparing a seminar on
#: grassroots politics and would like to know …".
_PREAMBLE = re.compile(
    _INTRO_OPENS + r"(?:(?:tôi|toi|tui|em|e|mình|minh|tớ|bác|bac|cháu|chau|con|i|im|we)\b|for my\b|as an?\b|"
    + _KIN_INTRO + "|" + _KIN_OF_ASKER + ")"
    r"[^,.;:!?]{0,150}?(?:[,.;:]|\band (?:would like|want|wish) to (?:know|ask)\b|\bvà muốn (?:hỏi|biết)\b|"
    # typed without punctuation: "cô là giáo viên về hưu ở Ngọc Hiển cô muốn hỏi …" ends before "cô muốn hỏi"
    r"(?=\s" + _ASKER + r"\s+"
    r"(?:muốn|muon|xin|cần|can)\s+(?:hỏi|hoi)\b)|"
    # …or before "cho em hỏi": "em dang on gdcd cho em hoi …"
    r"(?=\scho\s+" + _ASKER + r"\s+(?:hỏi|hoi)\b))",
    re.IGNORECASE)
#: An introduction that only says who asks ("Em là sinh viên…", "Tôi làm ở…", "I am preparing a
#: seminar…", "For my thesis…"), as opposed to one that already speaks of the subject ("Em đọc
#: thấy bản tổng kết có nói tới…", "Tôi nghe nói bà Mai là…").
_WHO_ASKS = re.compile(
    _INTRO_OPENS + r"(?:for my\b|as an?\b|i['’]?m\b|we['’]re\b|" + _KIN_INTRO + "|" + _KIN_OF_ASKER + "|"
    r"(?:tôi|tui|em|e|mình|tớ|bác|cháu|con|i|we)\s+"
    r"(?:(?!(?:nhớ|nghe|thấy|đọc|hiểu|nghĩ|tưởng|biết|remember|heard|read|think|thought)\b)\S+\s+)?"
    # "em ở đoàn thanh niên, …", "bác sinh hoạt Hội CCB phường, …", "mình bên hội phụ nữ, …": where the asker belongs
    r"(?:là|làm|lm|công tác|học|đang|soạn|viết|chuẩn bị|phải|sắp|ở|sinh hoạt|bên|am|'m|work|working|study|"
    r"studying|teach|write|writing|prepare|preparing|research|researching)\b)", re.IGNORECASE)
#: The same for an introduction typed without diacritics: "Em la sinh vien o Hue, cho em hoi…".
_WHO_ASKS_PLAIN = re.compile(_WHO_ASKS.pattern.translate(_FOLD), re.IGNORECASE)
#: Words that make a clause part of the question, not the asker's introduction.
_ASKING = frozenset({"ai", "gi", "j", "nao", "dau", "sao", "bao", "may", "khong", "ko", "hoi", "who", "what",
                     "which", "when", "where", "why", "how", "did", "does", "was", "is", "whether"})


#: A question relayed from someone else: "Thưa quý thính giả, có một bác ở Năm Căn gọi điện hỏi
#: là …", "chị Lan ở Thới Bình nhắn rằng …", or the asker's own "…, nên tôi muốn hỏi cho chắc: …".
#: Who relays it, and from where, is no subject; nor is whose question it is, before a colon: "Đài nhận được câu
#: hỏi của một thính giả ở Thới Bình: …", "A question from a reader in Hue: …".
_RELAYED = re.compile(r"^[^?]{0,200}?\b(?:(?:hỏi|nhắn|nhắn tin|thắc mắc)"
                      r"(?:\s+(?:là|rằng)\s+|(?:\s+(?:cho chắc|chút|một chút|thêm|nhanh|giúp|với|lại|luôn|ạ|nhé|"
                      r"anh|chị|bạn|bot|ad|em|cháu|con)){0,3}\s*:\s*)|"
                      r"(?:câu hỏi|thắc mắc|tin nhắn|question|message)\s+(?:của|từ|from)\s+"
                      # (who asks only: "câu hỏi của thầy về quyền con người: …" keeps its topic)
                      r"(?:(?!\s(?:về|liên quan|quanh|xung quanh|about|on|regarding|concerning)\b)[^?:]){1,80}?:\s*)",
                      re.IGNORECASE)
#: …or relayed without a colon: "…, có người theo dõi hỏi hội nghị … có … không, nhờ bạn xác nhận giúp."
_RELAYED_BARE = re.compile(r"^[^?]{0,200}?\b(?:có|một)\s+(?:người|bạn|bác|cô|chú|anh|chị|thính giả|độc giả|"
                           r"khán giả|đảng viên|hội viên|cán bộ)\b[^,.;:?]{0,60}?\s(?:hỏi|thắc mắc)\s+(?!là\b|rằng\b)",
                           re.IGNORECASE)
#: The same said at the end: "…, có bác ở Ngọc Hiển hỏi thế?".
_RELAYED_AFTER = re.compile(
    r"[,;]\s*(?:(?:có|một|thì|là)\s+)*(?:bác|chị|anh|cô|chú|em|ông|bà|bạn|thính giả|người)\b[^,.;:!?]{0,80}?"
    r"\bhỏi\s+(?:thế|vậy|vầy|đấy|đó|như vậy)\b\W*$", re.IGNORECASE)
#: The asker's task or deadline said at the end: "…, e làm bài thi tìm hiểu của đoàn trường", "…, I'm
#: writing a paper", "… đúng ko? cần chốt gấp trc 18h", "…, 19h lên sóng r", "…, e sợ ghi sai bị trừ
#: điểm", "…, để em ghi vào bài"; or where the claim checked comes from: "… phải k? KB đang ghi vậy"
#: (the script says so).
#: How an asker calls themself, in a clause about why they ask.
_ME = r"(?:tôi|tui|tớ|em|e|mình|mik|mk|cháu|con|bác)"
#: …and the elders who call themselves by their place in the family: "bà thấy dạo này khó quá".
_ASKER = r"(?:tôi|tui|tớ|em|e|mình|mik|mk|cháu|con|bác|bà|ông|chú|cô|anh|chị)"
_WHO_ASKS_AFTER = re.compile(
    rf"[,;.?]\s*(?:(?:{_ME}|i['’]m|i am)\s+(?:đang\s+|đg\s+|định\s+|tính\s+|sẽ\s+)?"
    r"(?:làm bài|làm bt|làm btvn|làm đề|làm slide|làm báo cáo|làm bản tin|thuyết trình|làm tiểu luận|viết|soạn|ôn|"
    r"chuẩn bị|học|sợ|lo|ngại|nối vô|nối vào|đưa vô|đưa vào|trích|"
    r"writing|preparing|working on)\b|"
    # what the asker must do with the answer: "… I need to write it correctly in my paper"
    r"i\s+(?:need|have|want|must)\s+to\s+(?:write|put|cite|quote|use|include|get|say|report)\b|"
    rf"để\s+(?:{_ME}\s+)?(?:ghi|viết|điền|trích|đưa|nộp|làm)\b|"
    # where the asker belongs, as the reason for asking: "…, bác ở hội nông dân nên quan tâm", "vì em là đoàn viên"
    rf"(?:(?:vì|tại|do)\s+)?{_ME}\s+(?:ở|là|làm ở|làm|thuộc|công tác ở|sinh hoạt ở)\s+[^,.;:!?]{{1,60}}?\s+"
    r"nên\s+(?:quan tâm|hỏi|muốn biết|cần biết|thắc mắc|để ý)\b|"
    rf"(?:vì|tại)\s+{_ME}\s+(?:ở|là|làm ở|thuộc|công tác ở|sinh hoạt ở)\b|"
    # where the asker heard of it: "…, bác nghe loáng thoáng trên đài", "em đọc trên mạng"
    rf"{_ME}\s+(?:có\s+)?(?:nghe|đọc|thấy)\s+(?:loáng thoáng|lỏm|trên đài|qua đài|đài|trên ti ?vi|trên báo|"
    r"trên mạng|trên facebook|trên fb)\b|"
    rf"(?:{_ME}\s+)?cần\s+(?:chốt|gấp|gửi|nộp|viết bài|soạn bài|làm bài|ghi vào|ghi vô|ghi cho đúng|ghi lại|ghi nguồn|"
    r"đưa vào|đưa vô|trích)\b|"
    # someone asked the asker, who forgot, at the very end: "…, sếp hỏi mà em quên mất", "…, em quên mất rồi"
    # (not "…, mình quên mất ngày tổ chức", which asks the day)
    rf"(?:(?:[^\W\d_]+\s+){{0,2}}hỏi\s+(?:mà|nhưng)\s+{_ME}\s+(?:quên|không nhớ|ko nhớ|k nhớ|hổng nhớ)|"
    rf"{_ME}\s+(?:quên mất|quên rồi|hổng nhớ|không nhớ rõ|ko nhớ rõ)|"
    # the asker's own plight, at the very end: "…, e hok bt j hết á", "…, bà thấy dạo này khó wá"
    rf"{_ASKER}\s+(?:không|hok|hông|ko|k|chưa)\s+(?:biết|bt|bít|rành)\s+(?:gì|j|chi)\s+(?:hết|cả|trơn)|"
    rf"{_ASKER}\s+thấy\s+(?:dạo này|dạo ni|bữa nay|mấy nay|hồi này|dạo gần đây)(?:\s+[^\W\d_]+){{0,4}})"
    r"(?:\s+(?:mất|rồi|tiêu|luôn|òi|r|á|a|ạ|nha|nhé|nè|đó|vậy|z))*(?=\W*$)|"
    # the asker's own deadline: "…, đg chạy deadline xỉu ngang"
    rf"(?:{_ME}\s+)?(?:đang\s+|đg\s+)?chạy\s+(?:deadline|dl)\b(?=(?:\s+[^\W\d_]+){{0,5}}\W*$)|"
    r"(?:\d{1,2}\s*(?:h|giờ)\s*(?:\d\d)?\s+)?(?:là\s+)?(?:lên sóng|phát sóng|lên khuôn|chạy tin|nộp bài)\b)"
    r"[^,.;:!?]{0,100}\W*$"
    r"|[,;.?]\s*[^,.;:!?]{1,40}?\b(?:ghi|viết|nói|đưa tin|đăng)\s+(?:vậy|thế|như vậy|như thế)\W*$"
    # "… was about? my english teacher wants me to practice lol"
    r"|[,;.?]\s*(?:my|our)\s+(?:\w+\s+)?(?:teacher|professor|lecturer|boss|editor|supervisor)\s+"
    r"(?:wants|asked|needs|told)\b[^,.;:!?]{0,80}\W*$"
    # …or, without a comma, what the asker will do with it: "… ai là tác giả để em đưa vào danh mục tài liệu"
    rf"|\s+để\s+{_ME}\s+(?:ghi|viết|điền|trích|đưa|nộp|làm)\b[^,.;:!?]{{0,100}}\W*$",
    re.IGNORECASE)
#: …typed without diacritics: "hoi nghi dien ra ngay nao, mik can gap de nop bai".
_WHO_ASKS_AFTER_PLAIN = re.compile(_WHO_ASKS_AFTER.pattern.translate(_FOLD), re.IGNORECASE)
#: A second clause of the introduction: "Em là đoàn viên, *đang chuẩn bị bài sinh hoạt chi đoàn,* cho em hỏi…",
#: "Tôi là bí thư chi bộ ấp ở xã Khánh Bình Đông, *huyện Trần Văn Thời,* …" (where the asker is).
_CONTINUED = re.compile(r"^\s*(?:(?:huyện|xã|phường|quận|tỉnh|ấp|thị trấn|thành phố|tp)\s+[^,.;:!?]{1,40}?,|"
                        r"(?:và\s+|rồi\s+)?(?:đang|sắp|cần|muốn)\s+(?:chuẩn bị|soạn|viết|làm|ôn|học|tìm hiểu|"
                        # whom the asker tells next: "…, cần báo cáo lại cho anh em trong chi bộ: …"
                        r"báo cáo lại|phổ biến lại|phổ biến|truyền đạt|nói lại|kể lại|giải thích lại)|"
                        # what the asker was, where they live: "…, nguyên đại tá, nghỉ hưu ở Bạc Liêu, …"
                        r"(?:nguyên|cựu|từng là|từng làm|(?:đã\s+)?nghỉ hưu|(?:đã\s+)?về hưu|hiện sống|sống ở|quê ở)\s|"
                        r"(?:and\s+)?(?:i am\s+|i'm\s+)?(?:studying|researching|working on|writing|preparing|"
                        r"interested in))[^,.;:!?]{0,120}[,.;:]", re.IGNORECASE)
#: …or any clause that asks nothing, told just before the asker's own "xin (được) hỏi", "cho bác hỏi",
#: "tôi muốn hỏi": "Tôi là cựu chiến binh, ngày nào cũng đọc báo Nhân Dân, xin được hỏi …"; not one that
#: names the topic ("…, về Dân vận khéo, cho em hỏi …", "…, đối với đồng bào dân tộc, xin hỏi …").
_BEFORE_ASKING = re.compile(r"^(?!\s*(?:còn\s+)?(?:về|đối với|riêng|liên quan|với|trong|tại|ở|nói về|phần)\b)"
                            r"[^,.;:!?]{1,120}?[,;]\s*(?=(?:xin\s+(?:được\s+)?|cho\s+" + _ASKER + r"\s+|"
                            + _ASKER + r"\s+(?:muốn|xin)\s+(?:được\s+)?)hỏi\b)", re.IGNORECASE)
#: A label before the question, of up to ten words: "Câu hỏi ôn tập: …", "xác minh gấp: …", "Another
#: English message from a listener: …".
_LABEL = re.compile(r"^\W*(?:[^\W\d_]+\s+){0,9}[^\W\d_]+\s*:\s+")


#: A term in quotes: "As a student I don't get 'Dân vận khéo'." speaks of the subject.
_QUOTED = re.compile(r"(?:^|\s)[\"“‘'«]([^\"”’'»]{2,80})[\"”’'»](?!\w)")


#: The part of the report a question asks about: "phần (nói) về X thì …", "the part about X is …" (not
#: "phần về X, báo cáo có nói … gì": there X is only where to look).
_FOCUS = re.compile(r"\b(?:phần|mảng|đoạn|the part|the section|the passage)\s+(?:nói\s+)?(?:về|on|about)\s+"
                    r"([^,?.;:]{4,60}?)(?=\s+(?:thì|được|như|says|is|was|does|did)\b|\s*\?)",
                    re.IGNORECASE)
#: What a question sets aside: "Besides the provincial Party secretary, which other bodies…", "Who
#: attended besides Nguyễn Tiến Hải?", "Ngoài phần nhìn lại cả nhiệm kỳ, ông Lĩnh còn trình bày…".
_BESIDES = re.compile(
    r"\b(?:besides|apart from|other than|except for|except)\s+(?:the\s+)?[^,?.;]{1,70}?"
    r"(?=\s*,|\s*\?|$|\s+(?:which|who|what|did|were|was|sent|attended|at|in|from|during))"
    r"|(?:^|(?<=[,.;:!?])\s*|(?<=còn )|(?<=vậy )|(?<=thế )|(?<=hỏi )|(?<=hoi )|(?<=biết ))"
    # "hỏi ngoài việc …, còn …", "…, ngoài ông đứng đầu ra còn những ai …", not "ngoài lề"
    r"ngoài\s+(?!lề\b|le\b)(?:ra\s+)?[^,?.;]{1,50}?(?:\s+ra)?(?=,|\s+thì\b|\s+còn\b)"
    # "ở Cà Mau ngoài bt TU còn có cơ quan nào dự" (not "nước ngoài", "ngoài nước")
    r"|(?<= )(?<!nước )(?<!nuoc )ngoài\s+(?!nước\b|nuoc\b)[^,?.;]{1,50}?(?=\s+còn\b)",
    re.IGNORECASE)
#: What ``_BESIDES`` cannot match without, lower-cased: most questions have none, and a substring test runs in C.
_BESIDES_WORDS = ("besides", "apart from", "other than", "except", "ngoài")
#: Fewer words than this left once the set-aside part is out: keep the message whole.
MIN_LEFT_WORDS = 4


def without_set_aside(text: str) -> tuple[str, str]:
    """``text`` less what it sets aside ("besides X", "ngoài X,"): X is what is not asked about; and X."""
    lowered = text.lower()
    if not any(word in lowered for word in _BESIDES_WORDS):
        return text, ""
    left = _BESIDES.sub(" ", text)
    if left == text or len(words(left)) < MIN_LEFT_WORDS:
        return text, ""
    return left, " ".join(m.group(0) for m in _BESIDES.finditer(text))


def only_says_who_asks(preamble: str) -> bool:
    """Whether an introduction (from ``split_preamble``) says nothing but who asks."""
    if preamble.isascii() and _WHO_ASKS_PLAIN.match(preamble):
        return True
    return bool(_WHO_ASKS.match(preamble)) or bool(_RELAYED.match(preamble))


def quoted(text: str) -> list[str]:
    """The terms ``text`` quotes ("I don't get 'Dân vận khéo'" → ["Dân vận khéo"]), then the part of the
    report it points at ("phần về công tác đối ngoại nhân dân thì …", "the section on border areas")."""
    return [*_QUOTED.findall(text), *(m.group(1) for m in _FOCUS.finditer(text))]


def without_quotes(text: str) -> str:
    """``text`` less the terms it quotes: "bản dịch ghi 'tăng biên chế', đúng ko" claims those words, asks none."""
    return _QUOTED.sub(" ", text)


@functools.lru_cache(maxsize=256)  # one message is split several times over (tokens, names, cues, evidence)
def split_preamble(text: str) -> tuple[str, str]:
    """The asker's introduction (or "") and the rest of the message.

    Words in the introduction say who asks, not what: an office ("Sở Nội vụ"), a course
    ("CNXHKH"), a thesis topic ("participatory governance"), the listener a radio host relays
    ("có bác ở Năm Căn hỏi là …", "…, có bác ở Ngọc Hiển hỏi thế?") are no subject of the
    question, and a label ("Câu hỏi ôn tập: …") is none either. A clause that asks something, or
    leaves fewer than three words after it, is no introduction.
    """
    text = without_afterword(_RELAYED_AFTER.sub("?", text))
    for pattern, asking in ((_RELAYED, _ASKING - {"hoi"}), (_RELAYED_BARE, _ASKING - {"hoi"}), (_PREAMBLE, _ASKING),
                            (_LABEL, _ASKING - {"hoi"})):
        found = pattern.match(text)
        if found is not None:
            head, rest = found.group(0), text[found.end():]
            if not _asks_in(_as_asked(head), asking) and len(words(rest)) >= 3:
                for _ in range(3):  # "Em là đoàn viên ở Cà Mau, đang chuẩn bị bài sinh hoạt, cho em hỏi…"
                    more = _CONTINUED.match(rest) or _BEFORE_ASKING.match(rest)
                    if more is None or len(words(rest[more.end():])) < 3 or _asks_in(_as_asked(more.group(0)), asking):
                        break
                    head, rest = head + more.group(0), rest[more.end():]
                return head, rest
    return "", text


#: "Anything at all" after a "not", which asks nothing: "e hok bt j hết", "không biết gì cả".
_NOTHING_AT_ALL = re.compile(r"\b(?:gì|gi|j|chi)\s+(?:hết|het|cả|ca|trơn|tron)\b", re.IGNORECASE)


def without_afterword(text: str) -> str:
    """``text`` less a last clause that says why the asker asks: "…, e làm bài thi tìm hiểu của đoàn
    trường", "…, đg chạy deadline" (no deadline asked of the report), "…, sếp hỏi mà em quên mất"."""
    after = (_WHO_ASKS_AFTER_PLAIN if text.isascii() else _WHO_ASKS_AFTER).search(text)
    if after is not None and not _asks_in(_as_asked(_NOTHING_AT_ALL.sub(" ", after.group(0))), _ASKING - {"hoi"}) \
            and len(words(text[:after.start()])) >= 3:
        return text[:after.start()]
    return text


def _as_asked(text: str) -> list[str]:
    """``text``'s folded words, but "hội" typed with its mark is no "hỏi" ("chủ tịch Hội Phụ nữ xã" asks nothing)."""
    typed, folded = raw_words(text), words(text)
    if len(typed) != len(folded):
        return folded
    return ["" if f == "hoi" and t.lower() == "hội" else f for t, f in zip(typed, folded, strict=True)]


#: Words beside a plain "hoi" that make it "hội" (an association), not "hỏi" (ask): "xa hoi", "hoi nghi";
#: or a noun ("soạn câu hỏi trắc nghiệm: …" introduces the question, it asks nothing).
_HOI_BEFORE = frozenset({"xa", "doan", "cac", "cau"})
_HOI_AFTER = frozenset({"nghi", "dong", "vien", "phu", "nong", "cuu", "lien", "chu", "truong"})


#: Words beside a plain "may" that make it "máy" (a machine), not "mấy": "gõ bằng máy", "máy tính".
_MAY_BEFORE = frozenset({"bang", "tren", "cai", "chiec", "may"})
#: Words after a plain "khong"/"ko" that make it a "not" inside the clause ("không có bộ gõ"), not a final "…không?".
_NOT_BEFORE = frozenset({"co", "duoc", "dc", "biet", "hieu", "ro", "phai", "the", "go", "doc", "nghe"})


def _asks_in(folded: list[str], asking: frozenset[str]) -> bool:
    """Whether a clause holds a word that asks; "bao" only as "bao nhiêu/giờ/lâu" ("thông báo" asks
    nothing), "hoi" not as "xã hội", "hội nghị" ("Em la sinh vien xa hoi hoc o Can Tho," asks nothing),
    "may" not as "máy" ("go bang may"), "khong" not as a "not" before a verb ("khong co bo go"), and none
    before "cũng" ("ngày nào cũng đọc báo": every day)."""
    return any(w in asking and folded[i + 1:i + 2] != ["cung"]
               and (w != "bao" or folded[i + 1:i + 2] in (["nhieu"], ["gio"], ["lau"], ["nhiu"]))
               and (w != "hoi" or not (set(folded[i - 1:i] if i else ()) & _HOI_BEFORE
                                       or set(folded[i + 1:i + 2]) & _HOI_AFTER))
               and (w != "may" or not (set(folded[i - 1:i] if i else ()) & _MAY_BEFORE
                                       or folded[i + 1:i + 2] == ["tinh"]))
               and (w not in ("khong", "ko") or not set(folded[i + 1:i + 2]) & _NOT_BEFORE)
               for i, w in enumerate(folded))


Payload = TypeVar("Payload")


class PhraseSet(Generic[Payload]):
    """Phrases (folded words), each with a payload, found in a text in one pass over its words.

    For cue lists checked on every question (small talk, "how many", "when"): a dictionary from
    first word to phrases instead of testing each phrase against the whole text.
    """

    def __init__(self, items: Iterable[tuple[Sequence[str], Payload]]) -> None:
        #: By their first word, then the phrases of one word and, by their second word, the longer
        #: ones: "bạn" begins hundreds of cues, few "bạn là" (every question is looked up many times).
        self._by_first: dict[str, tuple[list[tuple[tuple[str, ...], Payload]],
                                        dict[str, list[tuple[tuple[str, ...], Payload]]]]] = {}
        for phrase, payload in items:
            if phrase:
                single, longer = self._by_first.setdefault(phrase[0], ([], {}))
                if len(phrase) == 1:
                    single.append((tuple(phrase), payload))
                else:
                    longer.setdefault(phrase[1], []).append((tuple(phrase), payload))
        #: The one-word phrases, and the first two words of the longer ones: a text with none of either has no
        #: phrase, which two tests in C tell (most questions, most sets) before any word is read in Python.
        self._singles = frozenset(first for first, (single, _) in self._by_first.items() if single)
        self._pairs = frozenset((first, second) for first, (_, longer) in self._by_first.items() for second in longer)

    def find(self, words: Sequence[str]) -> list[tuple[tuple[str, ...], Payload, int]]:
        """Every phrase standing in ``words``: (phrase, payload, index just after it), from left to
        right, and at one place the one-word phrase first."""
        if self._singles.isdisjoint(words) and self._pairs.isdisjoint(itertools.pairwise(words)):
            return []
        found = []
        last = len(words) - 1
        for i, word in enumerate(words):
            starting = self._by_first.get(word)
            if starting is None:
                continue
            single, longer = starting
            found += [(phrase, payload, i + 1) for phrase, payload in single]
            if i < last:
                for phrase, payload in longer.get(words[i + 1], ()):
                    if tuple(words[i:i + len(phrase)]) == phrase:
                        found.append((phrase, payload, i + len(phrase)))
        return found


def find_spelt(phrases: PhraseSet[tuple[Payload, tuple[str, ...]]], text: str,
               one_spelling: Mapping[str, str] | None = None) -> list[tuple[tuple[str, ...], Payload, int]]:
    """The phrases found in ``text`` as spelt: (folded words, payload, index just after).

    A word typed with marks must fit the phrase's ("bạn" is "bạn", not "Ban"); a plain word fits
    any, unless the message is typed with marks elsewhere: "trưởng ban là ai" is no "bạn là ai".
    Still, a plain word that ``one_spelling`` maps to the phrase's word (the one way it is ever
    written) can be no other word: "Chao chau bot, bà mới tập xài điện thoại" greets.
    """
    folded = words(text)
    found = phrases.find(folded)
    if not found:  # most texts, most phrase sets: their spelling need not be read
        return []
    only = one_spelling or {}
    typed = raw_words(text)
    if len(typed) != len(folded):
        return [(phrase, payload, end) for phrase, (payload, _), end in found]
    all_plain = all(t.isascii() for t in typed)

    def fits(word: str, key: str) -> bool:
        return marks_fit(word, key) and (all_plain or not word.isascii() or key.isascii() or only.get(word) == key)

    return [(phrase, payload, end) for phrase, (payload, spelt), end in found
            if all(fits(typed[end - len(phrase) + k], spelt[k]) for k in range(len(phrase)))]


def one_spelling(texts: Iterable[str]) -> dict[str, str]:
    """The folded words that ``texts`` write in one way only, with marks, and that way ("chao" →
    "chào", "chau" → "cháu"; not "ban", which is "bạn" and "Ban"): typed plain, such a word can
    only be that one."""
    spelt: dict[str, set[str]] = {}
    for text in texts:
        typed, folded = raw_words(text), words(text)
        if len(typed) == len(folded):
            for word, plain in zip(typed, folded, strict=True):
                spelt.setdefault(plain, set()).add(word.lower())
    return {plain: next(iter(ways)) for plain, ways in spelt.items() if len(ways) == 1 and plain not in ways}


def contains_phrase(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether ``phrase`` stands as consecutive words in ``words`` (both already folded)."""
    n = len(phrase)
    if not n:
        return False
    first, whole, last = phrase[0], list(phrase), len(words) - n
    at = -1
    while True:  # from one place of the first word to the next, found in C
        try:
            at = words.index(first, at + 1)
        except ValueError:
            return False
        if at > last:
            return False
        if list(words[at:at + n]) == whole:
            return True


#: Where one sentence ends and the next begins (not after "Mr.", "Dr.": "Mr. Vượng's speech").
#: (The end mark is looked for first: at most places there is none, and the titles need not be read.)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)\s+")


def sentences(text: str) -> list[str]:
    """``text`` split into its sentences, as typed."""
    return _SENTENCE_BREAK.split(text.strip())


def questions_asked(text: str) -> str:
    """The sentences of a message that end with "?", or all of it when none or every one does: the
    others give context ("In the Philippines mass organisations often play a watchdog role.")."""
    parts = sentences(text)
    asking = [s for s in parts if s.rstrip().endswith("?")]
    return " ".join(asking) if asking and len(asking) < len(parts) else text


def starts_sentence(before: str) -> bool:
    """Whether a word after ``before`` opens a sentence (so its capital letter proves nothing)."""
    return not before.strip() or bool(_SENTENCE_END.search(before))


#: One Vietnamese syllable, folded: onset, vowels, final. "vàng" is one; "hnghị", "dvận", "Vượg" are
#: shorthand or typos ("hội nghị", "dân vận", "Vượng"), and so are onsets the spelling rules forbid
#: before their vowel: "ngịep" ("nghiệp"), "ci", "ka", "ghá", "ge".
_SYLLABLE = re.compile(r"(?:ngh(?=[ie])|ng(?![ie])|nh|ch|gh(?=[ie])|gi|kh|ph|qu|th|tr|c(?![eiy])|k(?=[eiy])|g(?!e)|"
                       r"[bdhlmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?")


def is_syllable(folded: str) -> bool:
    """Whether a folded word is one Vietnamese syllable as spelt (no shorthand, no typo)."""
    return bool(_SYLLABLE.fullmatch(folded))


def untelex(token: str) -> str:
    """Undo raw Telex keystrokes in one token ("nghij" → "nghi", "dduwowcj" → "duoc")."""
    if len(token) > 2 and token[-1] in _TELEX_TONE:
        token = token[:-1]
    for pair, letter in _TELEX_VOWELS:
        token = token.replace(pair, letter)
    return token


@dataclass(frozen=True)
class Phrase:
    """One rewrite rule: the words as the curator spelt them, folded, and what they become.

    ``strict`` phrases (one-word fillers such as "hả", "nha") match only a word typed exactly
    so ("hả" is not "Hà" or "ha", "nha" is not "nhà"); others also match words typed without
    any diacritics ("bay" for "bảy"), but never a word typed with different ones ("bày" is not
    "bảy", "ở" is not "ô").
    """

    typed: tuple[str, ...]
    folded: tuple[str, ...]
    replacement: tuple[str, ...]
    strict: bool = False

    def matches(self, typed: Sequence[str], folded: Sequence[str], at: int) -> bool:
        """Whether the phrase stands at position ``at`` of a tokenized text."""
        for k, (key_typed, key_folded) in enumerate(zip(self.typed, self.folded, strict=True)):
            word_typed, word_folded = typed[at + k], folded[at + k]
            if word_folded != key_folded:
                return False
            plain_key = key_typed == key_folded
            plain_word = word_typed == word_folded
            loose = not self.strict
            if not (word_typed == key_typed or (plain_key and loose) or (plain_word and loose)):
                return False
        return True


class PhraseRewriter:
    """Rewrites token sequences by a list of phrases, longest match first.

    Used for abbreviations and synonyms ("bdv" → "ban dan van") and for dropping filler
    ("cho mình hỏi" → nothing). Output tokens are folded.
    """

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self._by_first: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            self._by_first.setdefault(phrase.folded[0], []).append(phrase)
        for group in self._by_first.values():
            group.sort(key=lambda p: len(p.folded), reverse=True)
        #: The same by their first two words, and the one-word phrases by their word: "hoi" begins
        #: hundreds of phrases, but few begin "hoi nghi" (every question is rewritten several times).
        self._by_two: dict[tuple[str, str], list[Phrase]] = {}
        self._single: dict[str, list[Phrase]] = {}
        for first, group in self._by_first.items():
            for phrase in group:
                if len(phrase.folded) == 1:
                    self._single.setdefault(first, []).append(phrase)
                else:
                    self._by_two.setdefault((first, phrase.folded[1]), []).append(phrase)

    def _candidates(self, tokens: Sequence[str], i: int) -> list[Phrase]:
        """The phrases that may stand at ``i``, longest first (as ``_by_first`` orders them)."""
        single = self._single.get(tokens[i], [])
        if i + 1 == len(tokens):
            return single
        longer = self._by_two.get((tokens[i], tokens[i + 1]))
        return longer + single if longer else single

    def rewrite(self, tokens: Sequence[str], typed: Sequence[str] | None = None,
                only: set[int] | None = None) -> list[str]:
        """Return the folded ``tokens`` with every known phrase replaced.

        ``typed`` (the same words with their diacritics) lets spelling decide between
        phrases that fold alike; without it every word counts as typed plain. With ``only``,
        a phrase is replaced only where it covers one of those positions (a second pass over
        words that spelling correction changed, whose neighbours were rewritten already).
        """
        # Stray combining marks can split a word differently before folding: then ignore spelling.
        spelt = typed if typed is not None and len(typed) == len(tokens) else tokens
        out: list[str] = []
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i] not in self._by_first:  # most words begin no phrase
                out.append(tokens[i])
                i += 1
                continue
            for phrase in self._candidates(tokens, i):
                size = len(phrase.folded)
                if only is not None and not any(k in only for k in range(i, i + size)):
                    continue
                if size <= n - i and phrase.matches(spelt, tokens, i):
                    out.extend(phrase.replacement)
                    i += len(phrase.folded)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def spellings(self) -> Iterator[tuple[str, str]]:
        """Every word of the phrases as the curator spelt it, with its folded form."""
        for group in self._by_first.values():
            for phrase in group:
                yield from zip(phrase.typed, phrase.folded, strict=True)

    def shorthand(self, longest: int = 3) -> dict[str, set[str]]:
        """Chat shorthand for one word, by the word it stands for: "gi" → {"j"}, "duoc" → {"dc"}.

        Keys of at most ``longest`` plain letters that stand for one word ("ko", "dc", "j"), not
        abbreviations of several words ("ntn", "bn").
        """
        found: dict[str, set[str]] = {}
        for group in self._by_first.values():
            for p in group:
                if len(p.folded) == 1 and len(p.replacement) == 1 and len(p.folded[0]) <= longest \
                        and p.replacement[0].isalpha():
                    found.setdefault(p.replacement[0], set()).add(p.folded[0])
        return found

    def known_words(self) -> set[str]:
        """Every folded word the phrases mention, so spelling correction leaves them alone."""
        return {t for group in self._by_first.values() for p in group for t in (*p.folded, *p.replacement)}
