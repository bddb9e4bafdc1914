"""Evidence against an answer: what a question asks for that the best answer cannot give.

The lexical score ranks intents well but cannot tell a question the report answers from a
near miss ("bao nhiêu đại biểu dự?" scores like "bao nhiêu điểm cầu?"). So the bot refuses on
evidence instead of on a low score: a question that asks *how many* while the best answer
holds no number, *when* while it holds no date or time of day, *where* while it names no
place, or that names someone or something the knowledge base has never heard of, gets the
honest fallback however well its other words match. Without such evidence a weak leader is
answered.

The question cues live in ``knowledge/matching.yaml`` (curators extend them); what an answer
holds is read off its own text, so a new intent needs no tags.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, KeysView
from enum import Enum

from rapidfuzz.distance import Levenshtein

from bot.engine.context import TO_WHAT_WAS_TOLD
from bot.engine.known_text import KnownText
from bot.engine.people import DEPUTY, People
from bot.kb.loader import KnowledgeBase
from bot.kb.schema import Intent
from bot.text.normalize import (
    PhraseSet,
    clean,
    find_spelt,
    fold,
    has_digit,
    is_syllable,
    only_says_who_asks,
    questions_asked,
    raw_words,
    split_glued,
    split_preamble,
    starts_sentence,
    strip_markup,
    without_quotes,
    words,
)


class Objection(Enum):
    """Why the best answer does not answer this question."""

    COUNT = "asks how many; the answer holds no number"
    TIME = "asks when; the answer holds no date or time"
    YEAR = "asks which year; the answer names none"
    DAY = "asks which day; the answer names none"
    DURATION = "asks how long; the answer holds no length of time"
    PLACE = "asks where; the answer names no place"
    AGE = "asks someone's age, birth or home town; the answer gives none"
    NOW = "asks about today; the answer speaks only of the report's day"
    SAID = "asks what someone said; the answer reports no words of theirs"
    ROLE = "asks who holds a post the answer's person does not hold"
    NAME = "asks someone's name; the answer names no one"
    AFTER = "asks what happened after the conference; the report ends with it"
    DETAIL = "asks for a kind of detail (software, a budget, a document number) the answer does not give"
    UNKNOWN_NAME = "names someone or something the report never mentions"
    OTHER_EVENT = "asks about another conference (of another year) than the report's"
    WHY = "asks why; the answer gives no reason"
    OPINION = "asks the bot's own judgement or advice; it passes on the report's words only"


#: Words between a count cue and what it counts ("how many of the seven tasks", "bao nhiêu cái").
_COUNT_FILLERS = frozenset({"cai", "con", "cac", "nhung", "of", "the", "those", "these", "many", "much"})
#: Words after a count cue that count nothing ("là bao nhiêu vậy", "how many are there").
_NOT_COUNTED = frozenset({"vay", "v", "z", "va", "la", "a", "ha", "khong", "ko", "k", "the", "nhi", "are", "were", "is",
                          "was", "did", "do", "does", "have", "has", "had", "there", "in", "at", "to", "for", "from",
                          "trong", "o", "tai", "cua", "co", "duoc", "dc", "da", "se", "cho", "ket", "noi", "tham",
                          "du", "tu", "ve", "voi", "vs", "thi", "toi", "minh", "em", "anh", "chi", "ai", "i",
                          "we", "you", "he", "she", "it", "they"})
#: The words of count cues that ask, rather than name what is counted ("bn" of "bn điểm cầu").
_COUNT_CUE_WORDS = frozenset({"neu", "ghi", "bao", "nhieu", "bn", "bnhiu", "bnhieu", "may", "so", "luong", "tong",
                              "con", "how", "many", "much", "number", "of"})
#: Count cues that ask a number only by the thing they count ("nêu số cán bộ bị kỷ luật").
_BY_WHAT_IS_COUNTED = frozenset({("neu", "so"), ("ghi", "so")})
#: Count cues that ask about a number already given, not what it counts ("con số này có khớp không").
_NUMBER_ITSELF = frozenset({("con", "so"), ("how", "much")})
#: Words that may stand for anything counted: "bao nhiêu việc", "how many places", "con số".
_GENERIC_COUNTED = frozenset({
    "viec", "noi", "cho", "dia", "dieu", "thu", "cai", "y", "phan", "muc", "dau", "lan", "nguoi", "ng",
    "thing", "things", "place", "places", "location", "locations", "locality", "localities", "point", "points",
    "item", "items", "one", "ones", "time", "times", "priority", "priorities", "site", "sites", "people", "person",
    "persons", "speech", "speeches"})
#: A later conference or meeting, folded: "the next national review conference", "hội nghị tổng kết lần tới".
_NEXT_EVENT = re.compile(r"\b(?:next|upcoming) (?:\w+ ){0,3}?(?:conference|meeting|session|review)s?\b|"
                         r"\bhoi nghi (?:\w+ ){0,4}?(?:lan|ky) (?:toi|sau|ke tiep)\b")
#: A province's own conference, folded: "Cà Mau có tổ chức hội nghị tổng kết dân vận riêng của tỉnh không".
_OWN_CONFERENCE = re.compile(r"\b(?:to chuc|hop|co) (?:mot )?hoi nghi (?:\w+ ){0,5}?rieng (?:cua )?"
                             r"(?:tinh|huyen|xa|dia phuong)\b|"
                             r"\b(?:hold|held|organi[sz]ed?|have|had) (?:a |an |its |their )?(?:own |separate )"
                             r"(?:\w+ ){0,2}?(?:conference|meeting|review)\b")
#: A count of the people who attended or watched, folded: "how many people tuned in", "bao nhiêu người theo dõi".
_AUDIENCE_COUNTED = re.compile(r"\b(?:how many|bao nhieu|bn|may) (?:nguoi|ng|people|persons)\b(?: \w+){0,3}? "
                               r"(?:attend\w*|tuned|watch\w*|join\w*|took part|participat\w*|du|tham du|theo doi|"
                               r"xem|ngoi)\b")
#: Words an answer counting attendees would count.
_COUNTS_ATTENDEES = frozenset({"nguoi", "delegate", "people", "participant", "attendee", "viewer"})
#: Number words that are also what is counted, right after the cue: "bao nhiêu năm" counts years, not fives.
_YEARS_TOO = frozenset({"nam"})
#: The words that ask a number of years, folded.
_YEARS_ASKED = frozenset({"nam", "year", "years"})
#: How many words after a number in an answer may be what it counts ("63 điểm cầu ở các tỉnh").
_COUNTED_WORDS = 6
#: How many words after a count cue may name what it counts ("how many provincial bridge points"),
#: and in Vietnamese, where the noun comes first ("bao nhiêu điểm cầu các tỉnh").
_COUNTED_ASKED = 5
_VI_NOUN_WORDS = 2
#: The words of the English count cues.
_ENGLISH_COUNT_CUE = frozenset({"how", "many", "much", "number", "of", "headcount"})
_NUMBER_WORDS = r"một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|one|two|three|four|five|six|seven|eight|nine|ten"
#: An answer that can say "how many": a number that is no year, date or place in a list ("2021",
#: "31/12", "(5)", "nhiệm vụ thứ 5"), or a number word before a noun it counts ("năm 2021" is a
#: year, "một số" some, "no one else" nobody).
_HAS_NUMBER = re.compile(rf"(?<![\d/(–-])(?<!thứ )(?<!task )(?<!Task )(?!(?:19|20)\d\d\b)\d+(?![\d/)])|"
                         rf"(?<!no )(?<!any)\b(?:{_NUMBER_WORDS})\s+(?!\d|else\b|số\b|of\b)\w+", re.IGNORECASE)
#: An answer that can say "when": a date, a year, a time of day, or a period.
_HAS_TIME = re.compile(
    r"\d{1,2}/\d{1,2}/\d{4}|\b(?:19|20)\d\d\b|\b(?:sáng|chiều|tối|buổi|ngày|tháng|năm|nhiệm kỳ|giai đoạn|"
    r"morning|afternoon|evening|date|day|year|term|period|ngay từ|ngay khi|immediately)\b", re.IGNORECASE)
#: An answer that can say "which year": a year written out ("năm nào" is not answered by "nhiệm kỳ"),
#: or the honest "the report does not give the year".
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b|không nêu năm|does not give the years?\b", re.IGNORECASE)
#: An answer that can say "which day": a day of the month ("31/12/2020", "ngày 31", "31 December"), or
#: the honest "the report gives no date" ("ngày nào" is not answered by "giai đoạn 2021 - 2026").
_HAS_DAY = re.compile(r"\b\d{1,2}/\d{1,2}\b|\bngày \d|\b\d{1,2}(?:st|nd|rd|th)? (?:tháng|december)\b|\bdecember \d|"
                      r"không (?:nêu|ghi|cho biết) (?:rõ )?(?:ngày|thời điểm)|"
                      r"does not (?:give|say|state) (?:the|a|which) (?:date|day)", re.IGNORECASE)
#: The cues of ``asks_time`` that ask for a day or a month, folded: "ký ngày nào", "what date", "tháng mấy".
_DAY_CUES = frozenset({("ngay", "nao"), ("ngay", "may"), ("hom", "nao"), ("bua", "nao"), ("ngay", "thang", "nao"),
                       ("ngay", "thang", "nam", "nao"), ("what", "date"), ("what", "dates"), ("which", "date"),
                       ("which", "dates"), ("which", "day"), ("what", "day"), ("thang", "may"), ("thang", "nao"),
                       ("which", "month"), ("what", "month")})
_WORD_WITH_CASE = re.compile(r"[^\W_]+")


#: The most words a known name has ("Ủy viên Bộ Chính trị, Thường trực Ban Bí thư" is split at its comma):
#: longer parts are not looked up, so a run of 80 capitalized words costs no more than a few short ones.
_LONGEST_NAME = 8
#: Words that offer a choice, folded: "bà Mai hay ông Lĩnh".
_CHOICE = frozenset({"hay", "hoac", "or"})
#: How many words of a choice's other side are compared with an answer ("… hay báo cáo").
_SIDE = 3
#: Words of address that may open a capitalized name in English, folded ("Madame Trương Thị Mai").
_HONORIFICS = frozenset({"madame", "madam", "mme", "mrs", "mr", "ms", "miss", "dr", "sir", "comrade", "lady"})
#: How many lowercase words after a run of capitals may still belong to the name ("Ban Dân vận").
_NAME_TAIL = 2
#: Words that ask why, folded.
#: An answer that gives a reason or a purpose: "vì", "để", "nhằm", "because", "so that", "helped".
_REASON = re.compile(r"\b(?:vì|để|nhằm|bởi|do đó|góp phần|làm nên|yếu tố|ý nghĩa|lợi ích|because|so that|"
                     r"in order|since|helped|helping|contributed|factor|aim|aimed|meaningful|benefit)\b",
                     re.IGNORECASE)
#: No one, folded: "không có ai" asks no "ai" (who) in "vì sao không có ai ở tỉnh phát biểu".
_NOBODY = r"(?:khong|ko|k|hok|hong|chang|cha) (?:co )?ai"
_NO_ONE = re.compile(rf"\b{_NOBODY}\b")
#: What the report never explains, folded, however its answers explain what helped: a failing ("vì sao
#: vẫn còn xảy ra điểm nóng"), or one choice over another ("why Vượng rather than the General Secretary").
_UNEXPLAINED = re.compile(r"\b(?:van con|con xay ra|van xay ra|yeu kem|bat cap|that bai|khuyet diem|still|"
                          # no one did it: "vì sao không có ai ở Cà Mau phát biểu", "why did no one speak"
                          + _NOBODY + r"|no one|nobody|"
                          r"failed|fail to|failing|persist|persisted|persists|rather than|and not|instead of|"
                          r"(?:chu|ma) (?:khong|ko|k|hong) phai|chu (?:khong|ko|k|hong) (?=\w)|thay vi|"
                          # the choice of a day: "sao lại tổ chức đúng ngày 31/12"
                          r"dung (?:vao )?(?:ngay|dip|hom)|chon ngay|chon thoi diem|on that (?:day|date)|that date|"
                          # …or of holding reviews together: "tại sao gộp … trong cùng một hội nghị"
                          r"(?:cung|chung) (?:trong )?mot hoi nghi|combined?|combining|in (?:one|a single) "
                          r"(?:conference|meeting))\b|"
                          # why a requirement was stressed, with a cause offered: "vì sao ông Vượng lại nhấn mạnh
                          # 'nói ít làm nhiều', có phải do trước đây cán bộ nói nhiều"; asked plainly, the purpose the
                          # answer gives ("để tạo sự tin tưởng cho nhân dân") is the reason
                          r"\b(?:lai nhan manh|nhan manh phai|lai phai|emphasi[sz]ed?|emphasis|stress|stressed|insist|"
                          r"insisted)\b(?=.*\b(?:co phai|phai chang|bo (?:hoi|truoc|co)|was there|were there|"
                          r"because of|due to|incident|scandal|vu viec|su co|xay ra)\b)")
#: An incident or a problem asked as the cause, folded: "có vụ việc j xảy ra", "lúc đó có dấu hiệu gì bất ổn",
#: "was there a particular problem … that prompted it": the report tells of none, whatever purpose an answer gives.
_INCIDENT = re.compile(r"\b(?:vu viec|su viec|su co|dau hieu|bieu hien|van de|problems?|truc trac) (?:\w+ ){0,2}?"
                       r"(?:gi|j|nao)\b|"
                       r"\bwhat (?:was|went|is) wrong\b|"
                       r"\b(?:was|were) there (?:a |an |any )?(?:\w+ )?(?:problems?|incidents?|scandals?|cases?)"
                       r"(?: (?:or|and) (?:\w+ )?\w+)?\b|"
                       r"\bwhat (?:prompted|triggered)\b")
#: Words that ask something besides why ("which elections…, and why"), folded.
#: (a place, a time or a count asked are told by their cues as typed: "đầu năm" is no "đâu")
_OTHER_ASKING = frozenset({"ai", "gi", "j", "hay", "who", "what", "which", "when", "where", "how", "whether", "or"})
#: "hay" that means "often", folded: "vì sao điểm nóng hay xảy ra" asks nothing besides why.
_OFTEN = re.compile(r"\bhay (?=xay\b|co |bi |gap |phat sinh|dien ra|xuat hien)")
#: "who" that only names the one who did it, folded: "why was Vượng the one who gave the speech".
_WHO_DID = re.compile(r"\b(?:the one|one|those|the person|the man|the woman|people) who\b|"
                      # …or stands in a cleft: "why was it Lĩnh, rather than Mai, who presented the report"
                      r"\b(?:was|is) it\b(?: (?!that\b|and\b(?! not\b))\w+){1,14}? who\b")
#: "hay" that only tags the end as a guess, folded: "…, bộ có trường hợp nào bị phát hiện hay sao anh?".
_TAG_OR = re.compile(r"\bhay (?:sao|sao ta|gi|j)(?: \w+)?$")
#: A cause guessed and asked to confirm, without a why, folded: "bác đoán là do cán bộ hách dịch nên ông Vượng
#: mới đòi xử lý nghiêm, có phải vậy không": the report gives no causes to confirm.
_GUESSED_CAUSE = re.compile(r"\b(?:doan|chac|(?<!hoi )(?<!hn )(?<!kien )nghi|co le|hinh nhu|chac chan)(?: la)? "
                            r"(?:do|vi|tai|boi)\b(?: \w+){1,20}? (?:nen|cho nen)\b")
#: A reason asked as what it is, folded: "lý do gì", "nguyên nhân khiến … là gì", "có lý do gì đặc biệt".
_WHAT_REASON = re.compile(r"\b(?:ly do|li do|nguyen nhan)(?: \w+){0,30}? (?:gi|j)\b|"
                          r"\bwhat (?:were|was|are|is) the (?:main )?causes?\b")
#: A cause asked as where it lies, folded: "nguyên nhân ở đâu vậy" asks no place.
_CAUSE_WHERE = re.compile(r"\b(?:ly do|li do|nguyen nhan)(?: \w+){0,3}? (?:o|tu) dau\b")
#: …and "không" at the end asks yes or no ("vì sao …, có phải … không?"); "vì sao không bố trí …" says "not".
_NOT_AT_END = frozenset({"khong", "ko", "k", "hong", "hok"})
NOT_AT_END_WORDS = 3
#: …but before a verb of knowing it is "not": "…, bà không hiểu?" asks no yes or no.
_NOT_KNOWING = frozenset({"hieu", "biet", "ro"})
#: …unless that yes-or-no clause offers a reason to check ("vì sao …, có phải do thiếu người không?") or
#: asks for one itself ("…, báo cáo có phân tích nguyên nhân không?"), folded.
_GUESSED_REASON = re.compile(r"\b(?:phai|la|chang)\s+(?:do|vi|tai|boi)\b|\bbecause\b")
#: A hidden story, a worry, or a weak point, suspected beside why, folded: "có uẩn khúc gì hả", "có chuyện gì
#: đáng lo không" (central speech: "có chuyện chi xảy ra"), "có lo ngại gì đặc biệt không", "có điều gì đáng
#: ngại chăng", "báo cáo có nói yếu ở khâu nào không": no other question, and no reason the answer gives either.
_SUSPECTED = re.compile(r"\b(?:uan khuc|khuat tat|an tinh) (?:\w+ )?(?:gi|j)\b|\bco chuyen (?:\w+ )?(?:gi|j|chi)\b|"
                        r"\b(?:lo ngai|lo lang|bat on|dien bien) (?:\w+ ){0,2}?(?:gi|j|nao)\b|"
                        r"\b(?:gi|j) (?:dang )?(?:lo ngai|ngai|lo|lo lang)\b|"
                        r"\b(?:yeu|han che|vuong mac|kho khan) (?:o )?(?:khau|cho|diem|mat) (?:nao|gi|j)\b")
#: …or guesses what was wrong before, southern "bộ … hả", folded: "…, bộ cách cũ hổng được hả?" (not "bộ ngành").
_GUESSED_OTHER = re.compile(r"bo (?!nganh\b|may\b|phan\b|chinh tri\b)\w+(?: \w+)*? (?:ha|a|sao|ta|ho)$")
#: A clause asking whether the report explains it, folded: "…, bài có giải thích không?".
_EXPLAINS = r"\b(?:giai thich|ly giai|explain|explains|explained)"
_EXPLAINED = re.compile(rf"{_EXPLAINS}\b")
#: …or whether it explains why, at the start: "Bài có giải thích vì sao …, chứ không … không?".
_EXPLAINED_WHY = re.compile(rf"{_EXPLAINS} (?:ro )?(?:vi sao|tai sao|ly do|why)\b")
_WHY = re.compile(r"\b(?:vi sao|tai sao|do dau|vi dau|ly do|li do|sao lai|sao ma|nguyen nhan|why|reason|reasons|"
                  r"what caused|what prompted|what triggered|that prompted|which prompted|that triggered|"
                  r"causes of)\b|"
                  # what lay behind it: "were there incidents or worries behind the push to…"
                  r"\b(?:(?:or|and) )?(?:incidents?|worries|worry|concerns?|problems?|motives?|story|events?) "
                  r"(?:\w+ ){0,4}?behind (?:the|this|that|it|her|his|their)\b|"
                  # "sao bà Mai là trưởng ban mà không đọc báo cáo", "sao Cà Mau chỉ cử đại diện UBND", in central
                  # speech "răng ông Vượng lại nhấn mạnh…"
                  r"^(?:sao|rang) (?:\w+ ){0,10}?(?:ma|lai|chi|phai)\b|"
                  # "sao Cà Mau không có ai phát biểu vậy": why no one did
                  r"^sao (?:\w+ ){0,6}?" + _NOBODY + r"\b")
#: The bot's own judgement or advice asked, folded: "bạn thấy bài phát biểu … hay nhất ở chỗ nào", "theo bot
#: xã mình nên làm mô hình nào", "in your opinion, was it effective" (not "theo bạn, ai chủ trì?", a fact).
#: Spelt as typed, since "theo bản tổng kết" folds as "theo bạn" does; typed plain, only what cannot be the
#: report ("ban thay", not "theo ban", which may be "theo bản").
_BOTS_VIEW = re.compile(r"\b(?:(?:bạn|bot|cậu|ad) (?:thấy|nghĩ|đánh giá)|theo (?:bạn|bot|cậu|ý bạn)|"
                        r"what do you think|do you think|in your (?:opinion|view)|your (?:own )?(?:opinion|view|take)|"
                        r"would you (?:say|recommend|suggest)|nói thật đi|nói thiệt đi|nói thẳng đi|thật lòng mà nói|"
                        r"honestly|to be honest|be honest|frankly)\b")
_BOTS_VIEW_PLAIN = re.compile(r"\b(?:(?:ban|bot) (?:thay|nghi)|theo bot|noi that di|noi thiet di|noi thang di)\b")
#: …on a judgement or advice, folded.
_JUDGED = re.compile(r"\b(?:hay nhat|tot nhat|hay hon|tot hon|hay khong|hay ko|nen|thanh cong|hieu qua|dang|y nghia|"
                     r"quan trong|goi y|co ich|hop cho co|lam cho co|"
                     # how well someone works, not what the report judged: "bạn thấy cán bộ … mần có tốt hông"
                     r"(?:lam|man|hoat dong|lam viec) (?:\w+ ){0,2}?(?:co )?tot (?:khong|ko|k|hong|hok)|"
                     r"best|most|better|should|worth|effective|successful|recommend|realistic)\b")
#: A Party Congress meeting, folded: "When did the 12th Party Congress convene", "Đại hội XII khai mạc"; the
#: report never says when (not "hội nghị tổng kết nhiệm kỳ Đại hội XII được tổ chức", the conference described).
_CONGRESS_MET = re.compile(r"(?<!nhiem ky )(?<!nhiem ki )(?<!nk )(?<!term of the )"
                           r"\b(?:dai hoi|dh|(?:\d+ ?th )?(?:party )?congress)\b"
                           r"(?: (?!term\b|nhiem\b)\w+){0,3}? (?:hop|dien ra|khai mac|be mac|convene|convened|met|"
                           r"opened|closed|ended|ket thuc|(?:duoc )?to chuc|held|took place)\b")
#: What a claim may say someone did, folded, and the words an answer tells it in: "do … tổ chức",
#: "organized by …".
_TOLD_AS = {"organized": "to chuc", "organised": "to chuc", "hosted": "to chuc", "chaired": "chu tri"}
_DEEDS = ("to chuc", "chu tri", "dieu hanh", "ket luan", "doc bao cao", *_TOLD_AS)
_DEED = "|".join(_DEEDS)
#: Words after a noun that ask which, not how many, folded: "bn huyện nào", "bn đơn vị gì".
_ASKS_WHICH_THING = frozenset({"nao", "gi", "j"})
#: "bn" called, then a pause: "hỏi bn, …", "bn ơi: …" ("bạn", not "bao nhiêu").
_BN_CALLED = re.compile(r"\bbn\s*[,!:;]", re.IGNORECASE)
#: Words after "time" that make it a span of years, not an hour: "what time frame", "what time period".
_SPANS = frozenset({"frame", "frames", "horizon", "period", "periods", "span"})
#: Words that ask what was done rather than who did it, folded.
_ASKS_WHAT_DONE = frozenset({"gi", "j", "nao", "sao", "what", "how"})
#: Words that ask who or which, folded.
_ASKS_WHICH = frozenset({"ai", "nao", "who", "which"})

#: "when" inside a clause joins two of them ("What did Vượng mean when he told officials…"), unless it
#: follows a word that asks for it ("tell me when", "do you know when", "and when").
_WORD_BEFORE_WHEN = re.compile(r"(\w+)\s+when\b", re.IGNORECASE)
_ASKS_FOR_WHEN = frozenset({"know", "me", "us", "say", "says", "said", "mention", "mentions", "remember", "ask",
                            "and", "or", "but", "sure", "wonder", "wondering", "check", "confirm", "exactly"})


#: A "when" that opens a clause, after which another question word asks: "When the report speaks of
#: awareness, which groups does it list?"
_WHEN_THEN_ASKS = re.compile(r"\bwhen\b[^,?.]*,\s*(?:which|what|who|whom|whose|how|why|where|does|did|do|is|are|"
                             r"was|were|can|could)\b", re.IGNORECASE)


#: A "when" before the report speaking, which says where in it: "Which countries does it mention when it
#: talks about the border?"
_WHEN_IT_SPEAKS = re.compile(r"\bwhen\s+(?:it|he|she|they)\s+(?:talks|speaks|discusses|refers|mentions|describes|"
                             r"says|lists|writes|turns)\b", re.IGNORECASE)


#: Words right before a post that name whom the asker writes for ("báo cáo cho Thường trực Tỉnh ủy",
#: "a memo to the Party secretary"), folded: the post is asked of nobody.
_RECIPIENT = frozenset({"cho", "gui", "len", "for", "to"})
#: Words a few before a post that offer it as the answer to check ("có phải chủ tịch tỉnh không", "was
#: it the provincial chairman", "bài khác viết phó bí thư …"), folded.
_OFFERED = frozenset({"phai", "it", "viet", "ghi"})
#: How many words before a post an offering word may stand.
_OFFER_GAP = 3
_ARTICLES = frozenset({"the", "a", "an"})


#: A number or number word, folded ("bao nhiêu trong bảy nhiệm vụ").
_NUMBER_WORD = re.compile(r"\d+|" + fold(_NUMBER_WORDS))


def _singular(word: str) -> str:
    """An English noun without its plural "s" ("delegates" counts "delegate")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and word.isascii() else word


def _specific_ones(answer: str) -> re.Pattern[str] | None:
    """Which ones of a kind asked specifically, for the two-word kinds an answer names after "những", "các", "một
    số" (folded), with the kinds listed beside them ("những thành công, thành tựu"); None for an answer that names
    no kind so, lists things itself ("(1)", "…: ") or says it names none."""
    folded = " ".join(fold(answer).split())
    # (an answer that says it names none, "Bài không nêu tên cụ thể các nghị quyết đó", is the honest reply itself)
    kinds = set() if _LISTS.search(answer) or _NAMES_NONE.search(folded) else {
        kind for match in _KIND_OF.finditer(folded) for kind in _KIND_SPLIT.split(match.group(1))}
    if not kinds:
        return None
    named = "|".join(map(re.escape, sorted(kinds)))
    # (…or the kind, then "cụ thể gì": "những thành tựu cụ thể chi của đất nước", "chi" being central speech's "gì")
    return re.compile(rf"\b(?:{_SPECIFIC})(?: \w+){{0,{SPECIFIC_GAP}}}? (?:{named}) (?:nao|gi|j)\b|"
                      rf"\b(?:{named}) (?:nao|gi|j)(?: \w+){{0,3}}? (?:{_SPECIFIC})\b|"
                      rf"\b(?:nhung|cac|mot so) (?:{named}) cu the (?:nao|gi|j|chi)\b")


def _near(place: str, doings: re.Pattern[str]) -> re.Pattern[str]:
    """``doings`` within ``DOINGS_GAP`` words of ``place`` (folded, spaced), before or after it, as a group."""
    return re.compile(rf" {place} (?:\w+ ){{0,{DOINGS_GAP}}}?({doings.pattern})|"
                      rf"({doings.pattern})(?: \w+){{0,{DOINGS_GAP}}}? {place} ")


def _ends_yes_no(folded: list[str]) -> bool:
    """Whether the question's last words hold a "không" that asks yes or no ("… có phải do thiếu người không"),
    not one before a verb of knowing ("… bà không hiểu")."""
    tail = folded[-NOT_AT_END_WORDS:]
    return any(w in _NOT_AT_END and not _NOT_KNOWING & set(tail[i + 1:i + 2]) for i, w in enumerate(tail))


def _besides_why(joined: str) -> list[str]:
    """The words of a why-question (folded, joined) that may ask something else: "what caused", "lý do gì",
    "nguyên nhân là gì" ask why, not what. Read only of a question that asks why."""
    return _TAG_OR.sub(" ", _WHO_DID.sub(" ", _OFTEN.sub(" ", _WHY.sub(" ", _WHAT_REASON.sub(
        " ", _INCIDENT.sub(" ", _SUSPECTED.sub(" ", _NO_ONE.sub(" ", joined)))))))).split()


def _asks_reason_after(text: str) -> bool:
    """Whether the last clause of a why-question, which asks yes or no, still asks for the reason."""
    last = " ".join(words(re.split(r"[,;]", text)[-1]))
    return bool(_WHY.search(last) or _GUESSED_REASON.search(last) or _INCIDENT.search(last) or _SUSPECTED.search(last)
                or _GUESSED_OTHER.match(last)
                or _EXPLAINED.search(last) or _EXPLAINED_WHY.search(" ".join(words(text))))


def _when_joins(text: str) -> bool:
    """Whether every "when" in ``text`` joins two clauses rather than asks for a time."""
    found = list(re.finditer(r"\bwhen\b", text, re.IGNORECASE))
    before = {m.end(): m.group(1).lower() for m in _WORD_BEFORE_WHEN.finditer(text)}
    opening = {m.start() for m in _WHEN_THEN_ASKS.finditer(text)} | {m.start() for m in _WHEN_IT_SPEAKS.finditer(text)}
    return bool(found) and not re.search(r"\bwhen\s*(?:\?|$)", text, re.IGNORECASE) and all(  # "… held when?"
        m.start() in opening or ((w := before.get(m.end())) is not None and w not in _ASKS_FOR_WHEN) for m in found)


#: A conference (or a review) of another year, folded: "hội nghị tổng kết dân vận cuối năm 2021", "hn tổng kết
#: dân vận năm 2021", "the previous term review held in 2015", "the 2019 conference". Not the year whose tasks
#: this one set ("hội nghị triển khai nhiệm vụ năm 2021": words of tasks or plans between the conference and
#: the year).
_OTHER_EVENT = re.compile(
    r"\b(?:hoi nghi|cuoc hop|(?<!bao cao )(?<!ban )(?<!bai )tong ket|conference|meeting|review)\b"
    r"(?P<gap>(?: [^\s,.;:!?]+){0,6}?) (?:(?:cuoi|dau|giua) )?"
    r"(?:nam|(?:held|organi[sz]ed|convened|took place) in|(?:end|start|beginning) of) (?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<year2>(?:19|20)\d\d) (?:review )?(?:conference|meeting)\b")
#: A year of the last century: the report's dates are 2020 to 2026, and the term it reviews began in 2016.
_LAST_CENTURY = re.compile(r"(?<![\d/.])\b19\d\d\b(?![/.]\d)")
#: A conference reviewing another term than the report's XII: "hội nghị tổng kết nhiệm kỳ XI", "the review of
#: the 11th term" (folded; a Roman numeral stays as typed).
_OTHER_TERM = re.compile(r"\b(?:hoi nghi|cuoc hop|tong ket|conference|meeting|review)\b(?: [^\s,.;:!?]+){0,6}? "
                         r"(?:(?:nhiem ky|term)(?: (?:dai hoi|of the))? (?:viii|ix|x|xi|8|9|10|11|8th|9th|10th|11th)|"
                         r"(?:8th|9th|10th|11th)(?: party)?(?: congress)? term)\b"
                         # …or the report's term compared with one before: "So với nhiệm kỳ Đại hội XI thì …"
                         r"|\b(?:so voi|compared (?:with|to)|than (?:in|during))(?: the)? (?:nhiem ky|term)?"
                         r"(?: (?:dai hoi|of the))? ?(?:viii|ix|x|xi|8|9|10|11|8th|9th|10th|11th)\b")
#: The report's term offered beside another: "nhiệm kỳ Đại hội XI hay XII".
_REPORT_TERM_OFFERED = re.compile(r"\b(?:hay|or|hoac) (?:dai hoi |the )?(?:xii|12|12th)\b|"
                                  r"\b(?:xii|12|12th) (?:hay|or|hoac)\b")
#: A conference held again, asked when: "khi nào họp tổng kết nữa", "bao giờ lại tổ chức hội nghị như thế
#: nữa", "when is the next conference". Typed with marks ("phối hợp" is no "họp"), or with none at all.
_AGAIN_ASKED = r"\b(?:khi nào|bao giờ|lúc nào|chừng nào)\b[^,.;:!?]{0,30}?\b(?:lại\s+)?(?:họp|tổ chức)" \
               r"(?:\s+(?:hội nghị|tổng kết|hội nghị tổng kết))?\s+(?:như (?:vậy|thế|vầy)\s+)?nữa\b"
_AGAIN = re.compile(_AGAIN_ASKED + r"|\bwhen\b[^,.;:!?]{0,30}\bthe next (?:review )?(?:conference|meeting)\b",
                    re.IGNORECASE)
_AGAIN_PLAIN = re.compile(fold(_AGAIN_ASKED), re.IGNORECASE)
#: Words that make the year after a conference the year of its tasks, folded ("sau hội nghị này qua
#: năm 2021 phải làm gì": into the year ahead).
_TASK_WORDS = frozenset({"nhiem", "vu", "ke", "hoach", "trien", "khai", "cho", "task", "tasks", "plan", "plans",
                         "for", "phuong", "huong", "muc", "tieu", "qua", "sang"})
#: Words after a year that make it the year of the tasks, folded: "năm 2021 phải làm những việc gì", "có dặn năm
#: 2021 làm mấy việc".
_TO_BE_DONE = re.compile(r" (?:phai|can|se|must|should|will)\b| lam (?:may|nhung|cac|bao nhieu) (?:viec|nhiem vu)\b")
#: The year of the report's conference.
REPORT_YEAR = "2020"


#: What a post is or does, asked of the post itself, folded: "Thường trực Ban Bí thư là chức gì, khác gì Tổng Bí
#: thư", "what powers does that post have"; the report gives who held posts, never what they are.
_POST_EXPLAINED = re.compile(r"\bla chuc (?:vu )?(?:gi|j)\b|"
                             r"\bwhat (?:exactly )?(?:does|do) (?:\w+ ){1,12}?(?:do|involve|mean)\b|"
                             r"\bpowers?\b|\bdiffers? (?:\w+ ){0,3}?from\b|\bdifference between\b|\bkhac gi\b|"
                             r"\bquyen han\b|\btham quyen\b|"
                             # "… khác với Bí thư Trung ương như thế nào", "chức vụ … có nhiệm vụ gì",
                             # "what the … actually does"
                             r"\bkhac (?:voi )?(?:\w+ ){0,6}?(?:nhu the nao|the nao|ntn|ra sao|o diem nao|cho nao)\b|"
                             r"\b(?:chuc vu|chuc danh) (?:\w+ ){0,8}?co (?:nhiem vu|chuc nang|vai tro) (?:gi|j)\b"
                             r"(?! (?:tai|trong|o) (?:hoi nghi|hn))|"
                             r"\bwhat (?:a |an |the )(?:\S+ ){1,8}?(?:actually|really|exactly) (?:does|do)\b")
#: What a body is or does, folded: "Ban Dân vận Trung ương là cơ quan làm gì", "tổ chức đó lo việc gì" (not "là ban
#: gì, … ai tổ chức", which asks who organized it).
_BODY_EXPLAINED = re.compile(r"\bla (?:co quan|to chuc|don vi) (?:lam gi|lam j|gi|j)\b|"
                             r"\b(?:co quan|to chuc|don vi) (?:nay|do|ay) (?:lam gi|lam j|lo viec gi|lo viec j)\b")
#: Which body leads or answers for a task, folded: "Cơ quan nào chủ trì NV củng cố …", "which agency is responsible
#: for …". The report assigns no task to a body (not of the conference itself: "cơ quan nào chủ trì hội nghị").
_BODY_IN_CHARGE = re.compile(r"\b(?:co quan|ban|bo|don vi|nganh) nao (?:\w+ ){0,3}?"
                             r"(?:chu tri|chiu trach nhiem|phu trach)\b|"
                             r"\b(?:which|what) (?:specific )?(?:ministr(?:y|ies)|agency|agencies|bod(?:y|ies)|"
                             r"organi[sz]ations?|departments?) (?:\w+ ){0,3}?"
                             r"(?:responsible|responsibility|in charge|leads?|leading|assigned)\b")
#: …the conference itself or the article asked of, folded ("cơ quan nào chủ trì hội nghị" is its organizer);
_ITSELF = r"hoi nghi|hn|hnghi|cuoc hop|buoi hop|ban tin|conference|meeting|bai viet|bai bao|bai nay|article"
_THE_CONFERENCE = re.compile(rf"\b(?:{_ITSELF})\b")
#: …and an answer that tells who is in charge of something, folded ("trách nhiệm của cơ quan hành chính").
_IN_CHARGE = re.compile(r"\b(?:chu tri|trach nhiem|phu trach|responsib\w*|in charge)\b")
#: Specific ones asked of a kind, folded: "cụ thể là những thành tựu nào", "ví dụ như", "for example".
_SPECIFIC = r"cu the(?! hoa)|vi du|chang han|nhu la|for example|for instance|such as|specific|specifically"
#: How many words may stand between "cụ thể" and the kind it asks of (a quoted kind may be long).
SPECIFIC_GAP = 25
#: How a requirement is carried out, specifically, folded: "cụ thể là xử lý sao", "giải quyết cụ thể ra sao" (the
#: report gives what was asked, never how).
_HOW_DONE = re.compile(r"\bcu the (?:la )?(?:xu ly|giai quyet|thuc hien|cat giam|lam) (?:\w+ ){0,2}?"
                       r"(?:sao|the nao|ntn|ra sao|ra rang|bang cach nao)\b(?! de\b)|"
                       r"\b(?:xu ly|giai quyet|cat giam) cu the (?:la )?"
                       r"(?:sao|the nao|ntn|nhu the nao|ra sao|ra rang)\b")
#: What a congress resolution itself says, folded: "Nghị quyết Đại hội XII nói gì về dân vận", "những điểm mới của
#: NQ ĐH XIII" (the report tells what five years of carrying it out achieved, not what it says).
_RESOLUTION = r"(?:nghi quyet|nq)(?: dai hoi| dh)?(?: dang)?(?: toan quoc)?(?: lan thu)? (?:xii|xiii|12|13)"
_RESOLUTION_TOLD = re.compile(rf"(?<!thuc hien )\b{_RESOLUTION}\b(?: (?:cua|dang|co|nhung|cac|ve|cong|tac|dan|van))"
                              rf"{{0,4}} (?:noi gi|noi j|noi nhung gi|"
                              rf"(?:nhung |cac )?noi dung (?:chinh|cot loi|gi|j)|diem moi|quan diem|y chinh)\b|"
                              rf"\b(?:noi dung (?:chinh|cot loi)|diem moi|quan diem chi dao) (?:\w+ ){{0,3}}?"
                              rf"(?:cua|trong) {_RESOLUTION}\b")
#: What ``_RESOLUTION_TOLD`` cannot match without (``_RESOLUTION`` in each of its alternatives).
_RESOLUTION_WORDS = ("nghi quyet", "nq")
#: An answer that lists things one by one; a kind named after "những", "các", "một số"; kinds listed beside it.
_LISTS = re.compile(r"\(1\)|:\s")
_NAMES_NONE = re.compile(r"\bkhong (?:neu|ke|ghi)(?: ro)? (?:ten|cu the)\b")
_KIND_OF = re.compile(r"\b(?:nhung|cac|mot so) (\w+ \w+(?:, \w+ \w+)*)")
_KIND_SPLIT = re.compile(r", ")
#: A place's own doings, folded: its rank, results, models, difficulties, a paper it read ("Cà Mau xếp thứ mấy",
#: "mô hình nào của Cà Mau", "how did Cà Mau rank"); asked of a place the answer never names, none of them is told.
_PLACE_DOINGS = re.compile(r"\b(?:xep thu|thu may|ranks?|ranked|neu guong|tham luan|noi bat|kho khan|"
                           r"mo hinh (?:nao|gi|j)|models?|ket qua (?:gi|j|nao|noi bat)|thanh tich|"
                           r"bieu duong|tuyen duong|duoc khen|khen thuong|nhac nho|phe binh|praised|commended|"
                           r"criticised|criticized|singled out|xep loai|duoc (?:trung uong |tw |hoi nghi )?danh gia|"
                           # …its own models: "Cà Mau mần được mấy cái mô hình", "mô hình 'Dân vận khéo' nào"
                           r"mo hinh (?:\w+ ){1,4}?(?:nao|gi|j)|"
                           r"(?:may|bao nhieu|bn) (?:cai )?mo hinh|"
                           # …or its cadres' discipline: "ở Cà Mau có cán bộ nào bị kỷ luật không"
                           r"ky luat|disciplined|punished)\b")
#: …and its own record or plan, folded: "dân vận ở Cà Mau làm tốt hay dở", "kế hoạch riêng", "chương trình hành
#: động riêng", "kết quả công tác dân vận cụ thể nào". Not of a place where a speech was given: "Ở Hà Nội, ông
#: Vượng yêu cầu làm tốt những việc gì".
_PLACE_RECORD = re.compile(r"\b(?:tot hay (?:do|xau|kem|chua|con han che)|(?:lam|lm) (?:chua )?tot|nhan xet|"
                           r"(?:ke hoach|chuong trinh(?: hanh dong)?) (?:rieng|gi|j|nao)|"
                           r"(?:muc tieu|chi tieu) (?:gi|j|nao)|"
                           r"ket qua (?:\w+ ){1,6}?(?:gi|j|nao|noi bat)|"
                           r"(?:ket qua|thanh tich|cong tac) (?:\w+ ){0,5}?cua rieng)\b")
#: …its own troubles or pilots, no word of saying between (not what a speech there said of the nation's: "Ở Hà Nội,
#: báo cáo tóm tắt nói gì về điểm nóng"), nor anyone named: "ở Cà Mau năm 2020 có điểm nóng nào", "ở Cà Mau mấy năm
#: nay dân khiếu nại", "ở Cà Mau có huyện nào được chọn làm điểm".
_TROUBLES = r"diem nong|khieu kien|tranh chap|dan (?:\w+ )?khieu nai|lam diem|thi diem"
#: Words of saying, folded, that make the trouble a speech's word on the nation's ("nghe báo cáo nói gì về điểm nóng").
_SAYING = r"(?:noi|phat bieu|bao cao|bc|danh gia|nghe|nhac)\b"
#: …and how it goes about the work, unless the question is of taking part: "dân vận với đồng bào ở Cà Mau làm ra
#: răng", "How does Ca Mau approach …" (not "Cà Mau tham dự hội nghị làm thế nào").
_PLACE_WAYS = re.compile(r"\b(?:(?:lam|lm) (?:ra |nhu )?(?:the nao|ra sao|ra rang|ntn)|approach(?:es)?|handles?|"
                         r"tackles?)\b")
#: Taking part or connecting, folded: "Cà Mau tham dự hội nghị làm thế nào", "kết nối với Hà Nội làm sao".
_TAKING_PART = re.compile(r"\b(?:du|tham du|ket noi|noi mang|join\w*|attend\w*|connect\w*|hoi nghi|hn|conference|"
                          r"meeting)\b")
#: A place named as where something happened, folded: "ở Hà Nội", "tại điểm cầu Hà Nội".
_AT_PLACE = r"(?:o|tai|tu) (?:diem cau |dau cau )?"
#: What may happen at a place, folded: the conference, a speech, the report.
_HAPPENED = re.compile(r"\b(?:hoi nghi|hn|bao cao|bc|phat bieu|ket luan|chi dao|speech|report|conference)\b")
#: How many words may stand between a place and its doings ("ở Cà Mau việc vận động đồng bào có đạo còn khó khăn").
DOINGS_GAP = 8
#: Which one ranks first, folded: "nhiệm vụ nào được đánh giá là quan trọng nhất", "which task was the
#: most important". The report weighs no task or result above another ("yếu tố quan trọng nhất … là
#: gì" is not asked this way, and "một trong những yếu tố quan trọng" answers it; nor is "thế nào").
_RANKED = re.compile(r"(?<!the )\b(?:nao|which)\b[^.?!]{0,60}?\b(?:quan trong nhat|cap bach nhat|uu tien nhat|"
                     r"noi bat nhat|thanh cong nhat|hieu qua nhat|most (?:important|urgent|successful|effective)|"
                     r"top priority)\b")
#: What ``_RANKED`` cannot match without (each of its superlatives ends in "nhat" or holds "most " or "top priority").
_RANKED_WORDS = ("nhat", "most ", "top priority")
#: Places or models singled out, folded: "địa phương nào làm tốt", "có nêu tên tấm gương hay mô hình cụ thể nào",
#: "which provinces performed best"; the report names no locality, model or example but Cà Mau as a bridge point.
_SINGLED_OUT = re.compile(r"\b(?:dia phuong|tinh|huyen|xa|noi|don vi|mo hinh|tam guong|dien hinh)(?: \w+){0,3} nao"
                          r"(?: \w+){0,4} (?:lam tot|dien hinh|tieu bieu|xuat sac|duoc khen|khen|(?:duoc )?bieu duong|"
                          r"duoc neu guong|noi bat|"
                          # or singled out for blame: "địa phương nào bị đánh giá còn yếu"
                          r"con yeu|yeu kem|lam chua tot|chua tot|bi phe binh|bi nhac nho|bi kiem diem)\b|"
                          r"\b(?:neu ten|nhac ten|ke ten)(?: \w+){0,4} (?:dia phuong|tinh(?! uy)|huyen|xa|mo hinh|"
                          r"tam guong|dien hinh|don vi|tap the)\b|"
                          r"\bwhich (?:provinces?|localities|locality|districts?|units?|models?)(?: \w+){0,4} "
                          r"(?:did well|performed|excelled|praised|commended|outstanding|exemplary|did poorly|"
                          r"lagged|lagging|weak|weakest|critici[sz]ed)\b|"
                          r"\bname(?:d|s)? any (?:provinces?|districts?|localit\w*|models?|communes?)\b|"
                          # …or wrongdoers named: "ổng có nêu tên ai vi phạm hông", "did he name any corrupt officials"
                          r"\b(?:neu ten|nhac ten|ke ten|chi ten|chi dich danh|dich danh)"
                          r"(?! (?:\w+ )?(?:loai|kieu|dang|nhom)\b)(?: \w+){0,3} "
                          r"(?:ai|nguoi nao|can bo nao|vu nao|ca nhan nao)(?: \w+){0,3} "
                          r"(?:vi pham|sai pham|tham nhung|tieu cuc|bi ky luat|bi xu ly)\b|"
                          r"\bname(?:d|s)? (?:any|the|specific) (?:corrupt (?:officials?|cadres?|people)|violators?|"
                          r"wrongdoers?|culprits?|offenders?)\b|"
                          r"\b(?:praise[ds]?|thank(?:ed|s)?|commend(?:ed|s)?) (?:any |the )?(?:particular |specific )?"
                          r"(?:provinces?|districts?|localit\w*|communes?|units?)\b|"
                          # "did she comment on the performance of any particular province"
                          r"\b(?:any|a|one) (?:particular|specific|individual) "
                          r"(?:provinces?|districts?|localit\w*|communes?)\b(?! s\b)|"  # not "a province's view"
                          # "có biểu dương, khen ngợi địa phương hay tập thể nào không"
                          r"\b(?:khen|bieu duong|tuyen duong|cam on)(?: \w+){0,2} (?:dia phuong|tinh(?! uy)|huyen|xa|"
                          r"don vi|tap the|ca nhan|mo hinh)(?: \w+){0,3} nao\b|"
                          # …or anyone asked of: "ông Vượng có khen hay cảm ơn ai không" (not the movement "khen
                          # ai khéo vận động dân"; no thanks alone: "cảm ơn nhé. Ai chủ trì" has no clause break here)
                          r"\b(?:co|hay) (?:khen|khen ngoi|bieu duong|tuyen duong)(?: \w+){0,2} ai\b")
#: A topic singled out, folded, up to the end of its clause: "bà Mai có nói gì riêng về bà con Công giáo không",
#: "did he say anything specifically about the Mekong Delta". A topic no word of which the answer holds is
#: one the report does not single out.
_SINGLED_TOPIC = re.compile(r"(?<!danh )\b(?:rieng(?: gi| j)? (?:ve|den|toi|cho)|"
                            r"specific(?:ally)? (?:about|to|on|regarding|for)|"
                            r"in particular (?:about|to|on|for))\b([^,.;:?!()\u2013\u2014]{3,80})")
#: What ``_SINGLED_TOPIC`` cannot match without.
_SINGLED_TOPIC_WORDS = ("rieng", "specific", "particular")
#: Words that ask whether something was spoken of, folded: "có nhắc tới", "có đề cập đến", "did he mention"
#: (not the "nội" of "Hà Nội").
_SPOKE_OF_IT = (r"(?:(?<!ha )(?:nhac|de cap|noi)(?: gi| j)? (?:toi|den|ve)|mention(?:ed|s)?(?: about)?|"
                r"(?:refer|referred|refers) to|(?:talk|talked|spoke|speak|say|said) (?:anything )?about)")
#: …with up to two words before the place, none of them where or what it was said: "nói về gì ở Hà Nội",
#: "talk about at the Hanoi venue" speak of something else.
_BEFORE_PLACE = r"(?:(?!(?:in|at|on|o|tai|gi|j|what|nhung)\b)\w+ ){0,2}?"
#: Where a singled-out topic's clause turns to where or when it was said ("… in her speech", "… trong năm 2021").
_TOPIC_ENDS = re.compile(r"\b(?:in (?:her|his|the|their|its)|during|at the|trong (?:phan|bai|phat bieu|ket luan|"
                         r"cac nhiem vu|nhiem vu|nam)|nam 20\d\d|khong|ko|hong|hok|hk|ha(?! noi))\b")
#: Words of a singled-out topic that name no topic ("mảng", "lĩnh vực", "vai trò", "their role"): a topic of
#: nothing else is no topic to look for.
_TOPIC_FILLERS = frozenset({"mang", "linh", "vuc", "vai", "tro", "role", "roles", "their", "its", "his", "her",
                            "this", "that", "these", "those", "it", "them", "nay", "do", "ay", "kia"})
#: A word in more than this share of intents (answers or examples) names no topic of its own ("công tác", "dân vận").
TOPIC_WORD_SHARE = 0.2
#: Since when someone has held a post, folded: "làm bí thư Cà Mau từ năm nào", "giữ chức này từ bao giờ"; the
#: report gives titles as of its day only. Not a span ("từ năm nào đến năm nào" asks a term's years).
_TENURE = re.compile(r"\b(?:lam|giu|dam nhiem|nhan|len|ngoi|bo nhiem)\b(?: \w+){0,8}? tu (?:nam nao|nam may|thang nao|"
                     r"khi nao|bao gio)\b(?! (?:den|toi) (?:nam|thang|khi|bao|giai))|"
                     # "được bổ nhiệm Phó Trưởng Ban năm nào"
                     r"\bbo nhiem\b(?: \w+){0,8}? (?:nam nao|nam may|khi nao|bao gio|hoi nao)\b|"
                     # "When did Trương Thị Mai become head of the Commission?", "since when has he held it"
                     r"\bwhen did (?:\w+ ){1,4}?(?:become|take office|take over|start as|get the post)\b|"
                     r"\bsince when\b")
#: What ``_TENURE`` cannot match without ("từ năm/tháng/khi/bao …", "bổ nhiệm", "when did", "since when").
_TENURE_WORDS = ("tu nam", "tu thang", "tu khi", "tu bao", "bo nhiem", "when did", "since when")
#: Posts given after the Party Congress of January 2021, folded: "Sau Đại hội XIII, bà Mai được phân công giữ chức
#: vụ gì", "what posts did they get after the 13th Congress"; the report gives titles as of its day only.
_LATER_POST = re.compile(r"\bsau (?:dai hoi|dh)(?: dang)?(?: lan thu)? (?:xiii|13)\b(?: \w+){0,12}? "
                         r"(?:phan cong|giu chuc|giao chuc|chuc vu|duoc bau|len chuc|nhan chuc)\b|"
                         r"\bafter the 13 ?th (?:national )?(?:party )?congress\b(?: \w+){0,12}? "
                         r"(?:posts?|positions?|roles?|appointed|elected)\b|"
                         # the post first: "Did Mai remain head … after the 13th Congress?", "còn giữ chức … sau
                         # Đại hội XIII"
                         r"\b(?:remain|remained|stay|stayed|continue|continued|kept|retain|retained|appointed|elected|"
                         r"promoted|moved)\b(?: \w+){0,12}? after the 13 ?th (?:national )?(?:party )?congress\b|"
                         # "What happened to Vuong's position after the 13th Party Congress?"
                         r"\bhappened to\b(?: \w+){0,6}? (?:posts?|positions?|roles?|careers?|jobs?)\b"
                         r"(?: \w+){0,6}? (?:after|later|afterwards)\b|"
                         r"\b(?:con giu|van giu|tiep tuc giu|giu chuc|duoc bau|len chuc|chuyen sang|con lam)\b"
                         r"(?: \w+){0,12}? "
                         r"sau (?:dai hoi|dh)(?: dang)?(?: lan thu)? (?:xiii|13)\b|"
                         # the post held since: "bà Mai giờ còn làm trưởng BDV TW ko", "còn làm … đến khi nào"
                         r"\b(?:gio|bay gio|bh|sau nay|sau do|hien nay|hien tai|hien gio)\b(?: \w+){0,4}? (?:con|van) "
                         r"(?:lam|giu|dam nhiem)\b|"
                         # …typed short, or after that term, before a post: "ô Hải sau này còn lm bí thư", "sau nhiệm kỳ
                         # đó ô Vượng có còn lm Thường trực Ban Bí thư k" (not "sau nhiệm kỳ đó dân vận vẫn làm gì")
                         r"\b(?:gio|bay gio|bh|sau nay|sau do|hien nay|hien tai|hien gio|"
                         r"sau nhiem (?:ky|ki) (?:do|nay|ay))\b"
                         r"(?: \w+){0,6}? (?:con|van) (?:lam|lm|giu|dam nhiem)(?: \w+){0,2}? "
                         r"(?:truong|pho|bi thu|thuong truc|uy vien|chuc|chu tich|tbdv|bdv)\b|"
                         r"\bcon (?:lam|giu)(?: \w+){0,8}? (?:den|toi) (?:khi nao|bao gio|nam nao|luc nao)\b|"
                         # "có còn giữ chức … nữa không" (not "còn giữ chức gì nữa", the other posts held then)
                         r"\b(?:con|van) (?:giu|lam|dam nhiem)\b(?: (?!gi\b|j\b|nao\b)\w+){0,10}? "
                         r"nua (?:khong|ko|k|hong|hok|chua)\b|"
                         r"\bstill (?:holds?|holding|serves?|serving|heads?|heading|leads?|leading|the head|"
                         r"in (?:that|the|her|his) (?:post|position|role|office))\b|\bmoved on\b|"
                         # who holds it today: "Who heads the Central Mass Mobilization Commission today?"
                         r"\bwho (?:heads|leads|chairs|runs|is (?:the )?(?:head|chair|leader|secretary))\b"
                         r"(?: \w+){0,8}? (?:today|now|currently|nowadays|these days|at present)\b|"
                         r"\b(?:hien nay|hien tai|hien gio|bay gio) ai (?:la|giu|lam|dung dau)\b|"
                         r"\bai (?:la|giu|lam|dang giu|dang lam|dung dau)\b(?: \w+){0,8}? "
                         r"(?:hien nay|hien tai|hien gio|bay gio)\b|"
                         # who came after: "ai là người thay bà Trương Thị Mai làm Trưởng Ban", "her successor"
                         r"\bthay (?:ong|ba|dong chi) (?:\w+ ){1,3}?lam (?:truong|pho|bi thu|chu tich)\b|"
                         r"\b(?:ke nhiem|nguoi ke nhiem|successor|succeeded (?:her|him))\b|"
                         # who took a post after it, or what post someone held then: "sau ĐH XIII thì ai làm Trưởng
                         # BDV TW", "làm Trưởng ban thay bà Mai", "what position did he hold after the 13th Congress"
                         r"\bsau (?:dai hoi|dh)(?: dang)?(?: lan thu)? (?:xiii|13)\b(?: \w+){0,6}? ai (?:lam|giu|la)\b|"
                         r"\b(?:lam|giu) (?:chuc )?(?:truong ban|pho truong ban|bi thu|chu tich)\b(?: \w+){0,5}? "
                         r"thay (?:ong|ba|dong chi)\b|"
                         r"\b(?:hold|held|holds)\b(?: \w+){0,3}? after the 13 ?th\b|"
                         # a seat in the next term: "lại được bầu vào Trung ương khóa XIII", "re-elected to the 13th"
                         r"\b(?:duoc bau|tai dac cu|bau lai|trung cu)\b(?: \w+){0,4}? (?:khoa|nhiem ky) (?:xiii|13)\b|"
                         r"\b(?:re ?elected|elected) (?:\w+ ){0,4}?(?:13 ?th|thirteenth|xiii)\b|"
                         # a promotion, or what became of someone: "what happened to Mai after this, promoted?"
                         r"\b(?:gets?|got|been|(?:he|she) was) promoted\b|\bpromoted to\b|\bpromotions?\b|"
                         r"\b(?:thang chuc|duoc thang)\b|"
                         r"\bwhat happened to (?:\w+ ){1,4}?after\b|"
                         # who held it in another term: "Nhiệm kỳ XI trước đó thì ai làm Trưởng Ban …?"
                         r"\bnhiem ky (?:xi|11|truoc)\b(?: \w+){0,4}? ai (?:lam|giu|la)\b|"
                         r"\b(?:previous|11 ?th|eleventh|last) term\b(?: \w+){0,4}? who (?:was|held|headed|led)\b|"
                         r"\bwho (?:was|held|headed|led)\b(?: \w+){0,8}? (?:in|during) the "
                         r"(?:previous|11 ?th|eleventh) term\b|"
                         # who held it before: "Ai là Trưởng Ban Dân vận Trung ương trước đồng chí Trương Thị Mai?"
                         r"\b(?:truong ban|pho truong ban|bi thu|chu tich|head|secretary|chair)\b(?: \w+){0,6}? "
                         r"(?:truoc|before) (?:ong|ba|dong chi|dc|d c|mr|ms|mrs|comrade|her|him)\b")
#: Who did something at the conference, folded: "ai đọc báo cáo tóm tắt", "who gave the closing speech".
_WHO_DID_IT = re.compile(r"\bai (?:la nguoi |la ng )?(?:doc|trinh bay|phat bieu|ket luan|chi dao|chu tri)\b|"
                         r"\bwho (?:read|presented|gave|delivered|chaired|directed)\b")
#: Others asked beside someone named, folded: "các Phó Trưởng Ban … khác", "phó trưởng ban nào nữa", "other
#: deputy heads", "ngoài ông Lĩnh thì còn những phó trưởng ban nào".
_OTHERS = re.compile(r"\b(?:khac|nua|other|con)\b")
#: How many words may stand between a post and "khác" ("các Phó Trưởng Ban Dân vận Trung ương khác").
_OTHERS_GAP = 6
#: Values a claim may state and an answer may tell, folded: a day ("31/12/2020", "30 december"), a span of
#: years ("2021-2026", "2021 to 2025").
_CLAIMED_VALUES = (re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:december|dec|thang 12)\b|"
                              r"\b(?:december|dec) \d{1,2}\b"),
                   re.compile(r"\b(?:19|20)\d\d ?(?:-|–|to|den|toi|until) ?(?:19|20)?\d\d\b"))
#: Two values of one kind offered as a choice: "2021-2026 hay 2020-2025", "31/12 or 30/12".
_VALUE_CHOICES = tuple(re.compile(rf"(?:{value.pattern})[ ?,]+(?:hay|hoac|or)(?: la)? (?:{value.pattern})")
                       for value in _CLAIMED_VALUES)
#: A number and the word after it: "36 điểm cầu", "64 provincial bridge points".
_COUNTED_THING = re.compile(r"(?<![\d/.])\b(\d+) (\w+)(?: (\w+))?")
#: "bao nhiêu" said as "not much", folded: "làm chẳng bao nhiêu", "không được bao nhiêu" (not "… không,
#: bao nhiêu người dự?").
_NOT_MUCH = re.compile(r"\b(?:chang|cha|khong|ko|hong)(?: duoc)? bao nhieu\b")


#: What ``_OWN_CONFERENCE`` cannot match without ("riêng", "own", "separate"), and ``_OTHER_TERM`` ("nhiệm kỳ", "term",
#: "so với", "compared", "than"): searched for in C before either pattern is.
_OWN_WORDS = ("rieng", "own ", "separate ")
_TERM_WORDS = ("nhiem ky", "term", "so voi", "compared", "than ")


@functools.lru_cache(maxsize=64)
def _spaced_fold(text: str) -> str:
    """``text`` folded, its spaces collapsed to one: read by several checks of each candidate of one question."""
    return " ".join(fold(text).split())


@functools.lru_cache(maxsize=64)
def _asks_why_in(folded: str) -> bool:
    """Whether folded words ask why (``_WHY``): read by ``asks_why`` and again by each candidate's objection."""
    return bool(_WHY.search(folded))


def _congress_met(text: str) -> bool:
    """Whether the question, past the asker's introduction, asks when a congress met (``_CONGRESS_MET``): "gọi vô đài
    hỏi: …" introduces a question, though "đài hỏi" folds to "đại hội"."""
    return bool(_CONGRESS_MET.search(" ".join(words(split_preamble(text)[1]))))


def _searched(pattern: re.Pattern[str], needed: tuple[str, ...], text: str) -> re.Match[str] | None:
    """``pattern`` searched in ``text`` only where one of the strings it cannot match without stands (``needed``):
    most questions have none, and a substring test runs in C."""
    return pattern.search(text) if any(word in text for word in needed) else None


def _asks_ranked(text: str) -> bool:
    """Whether a question asks which one ranks first (``_RANKED``)."""
    return bool(_searched(_RANKED, _RANKED_WORDS, _spaced_fold(text)))


def _another_event(text: str) -> bool:
    """Whether a question asks about a conference of another year than the report's, or the next one;
    a comma ends it ("Sau hội nghị, năm 2021 cần làm gì?" asks the tasks). A year of the last century
    is history the report never reaches ("bài báo Dân vận năm 1949 có được nhắc lại không"), and a province's
    own conference is not the national one."""
    # (each pattern is searched only where a word it cannot match without stands: most questions have none)
    lowered = text.lower()
    if (("nữa" in lowered or "next" in lowered) and _AGAIN.search(text)) \
            or ("nua" in lowered and text.isascii() and _AGAIN_PLAIN.search(text)) \
            or ("19" in text and _LAST_CENTURY.search(text)):
        return True
    folded = _spaced_fold(text)
    if _searched(_OWN_CONFERENCE, _OWN_WORDS, folded):
        return True
    if _searched(_OTHER_TERM, _TERM_WORDS, folded) and not _REPORT_TERM_OFFERED.search(folded):
        return True  # "hội nghị tổng kết dân vận nhiệm kỳ XI": the term before (not "XI hay XII?")
    for m in _OTHER_EVENT.finditer(folded) if "19" in folded or "20" in folded else ():
        year = m.group("year") or m.group("year2")
        if year != REPORT_YEAR and not (m.group("gap") and _TASK_WORDS & set(m.group("gap").split())) \
                and not _TO_BE_DONE.match(folded, m.end()):  # "… bà dặn năm 2021 phải làm gì": that year's tasks
            return True
    return False


#: A refusal whose examples ask for a count (or date, or place) this often refuses only such questions.
REFUSAL_SHARE = 0.4


#: An answer that can say how old someone is or where they come from, or says it does not.
_HAS_AGE = re.compile(r"\b(?:tuổi|năm sinh|sinh năm|quê|age|born|birth|hometown)\b", re.IGNORECASE)

#: An answer that says it speaks of the conference's day, when asked about today.
_HAS_THEN = re.compile(r"thời điểm|at the time|as of", re.IGNORECASE)

#: An answer that can say "how long": a length of time, or says it gives none.
_HAS_DURATION = re.compile(r"\b(?:\d+|năm|mấy|bao) (?:năm|tháng|tuần|ngày|giờ|tiếng|phút)\b|thời lượng|kéo dài|"
                           r"\b(?:years?|months?|hours?|minutes?|duration|long)\b", re.IGNORECASE)


#: An answer that reports what someone said: a verb of speech ("nhấn mạnh", "yêu cầu", "stressed"); a
#: name "nêu tên" (listed) is no speech, and neither is what the report "không nêu" (does not give).
_HAS_SAID = re.compile(r"\b(?:nhấn mạnh|yêu cầu|đề nghị|chỉ rõ|khẳng định|(?<!không )nêu(?!\s+tên|\s+đầu)|"
                       r"trình bày|kết luận|đánh giá|ghi nhận|báo cáo|bài phát biểu|said|stressed|urged|called for|"
                       r"asked|presented|concluded|noted|set out|gave the \w+ speech)\b", re.IGNORECASE)

#: Units of a short length of time (folded): asked "bao nhiêu phút", an answer in years does not do.
_SHORT_UNITS = frozenset({"phut", "gio", "tieng", "minutes", "minute", "hours", "hour"})
#: Words of speaking or meeting (folded): how long they lasted is minutes or hours.
_SPOKE_OR_MET = frozenset({"speak", "spoke", "speech", "talk", "talked", "phat", "noi", "hop", "meeting", "last",
                           "lasted"})

#: Words of something done, with which "sau hội nghị" asks what happened after it: Vietnamese (as typed, or
#: folded: "da", "bi" only in a message typed without any marks, "dạ" is no "đã") and English.
_DONE_WORDS = ("đã", "rồi", "xong", "chưa", "ban hành", "ra kế hoạch", "ra văn bản", "ra hướng dẫn", "kỷ luật",
               "quán triệt", "lên làm", "lên chức", "thăng chức", "được bầu", "phân công", "tăng lên",
               "giảm đi", "giảm xuống",
               "hoàn thành", "làm được cái nào", "làm được gì chưa", "làm được chưa", "làm được bao nhiêu",
               "có kết quả ra sao", "có kết quả gì", "có kết quả chưa", "có kết quả thế nào",
               "chỉ đạo gì thêm", "chỉ đạo thêm", "chỉ đạo gì riêng", "chỉ đạo riêng")
_DONE_ENGLISH = ("did", "was", "were", "has", "have", "happened", "issued", "completed")
#: …spelt as ``raw_words`` spells a message ("hòan thành", the old tone place), and as ``words`` folds it.
_DONE = re.compile(r"\b(?:(?<!chuẩn )bị|" + "|".join(" ".join(raw_words(w)) for w in _DONE_WORDS + _DONE_ENGLISH)
                   + r")\b")
_DONE_PLAIN = re.compile(r"\b(?:(?<!chuan )bi|" + "|".join(" ".join(words(w)) for w in _DONE_WORDS) + r")\b")

#: What came of a task for 2021, asked in the perfect: "đã ban hành chưa", "làm được gì rồi", "có đạt được kết
#: quả", "đã được báo cáo lên … vào lúc nào"; the report, of 31/12/2020, cannot know. Not whether the report
#: mentions something ("đã được nhắc tới chưa"). As ``raw_words`` spells a message, and folded for one typed
#: without marks, where "ký chưa" may be "kỹ chưa" (read carefully) and is left out.
_COME_OF_IT_WORDS = (r"đã (?!(?:được )?(?:nhắc|nêu|đề cập|trình bày|nói|ghi|giao|đưa)\b)(?:\w+ ){1,4}chưa|"
                     r"làm được (?:gì|những gì|bao nhiêu)(?: \w+){0,2} rồi|có đạt được|đạt được kết quả|"
                     r"thực tế (?:đã )?(?:làm được|đạt)|(?:xong|triển khai) chưa|đã được báo cáo lên")
_COME_OF_IT = re.compile(rf"\b(?:{_COME_OF_IT_WORDS}|ký chưa|ký hồi nào)\b")
_COME_OF_IT_PLAIN = re.compile(rf"\b(?:(?<=\w ){fold(_COME_OF_IT_WORDS)})\b")  # a first "da" is "dạ" (yes, sir)
#: An hour of the clock asked, folded, and an answer that gives one.
_CLOCK_ASKED = re.compile(r"\b(?:may gio|what time(?! of| period| span| frame)|what time of the morning|what hour|"
                          r"which hour)\b")
_HOUR = r"\b\d{1,2}(?:h\d{0,2}|:\d\d| giờ)(?!\w)"
_HAS_CLOCK = re.compile(_HOUR + r"|o'clock|\b[ap]\.?m\b", re.IGNORECASE)
#: An hour stated, as a claim to check: "… lúc gần 11 giờ trưa, có đúng không", "at 9 a.m., right?" (not the
#: "am" of "Am I right").
_CLAIMED_CLOCK = re.compile(_HOUR + r"|\b\d{1,2} ?(?:o'clock|[ap]\.?m\.?)(?!\w)", re.IGNORECASE)
#: The article's own publication, folded: "bản tin được đăng lên trang vào ngày nào" asks no day of the conference.
_PUBLISHED = re.compile(r"\b(?:dang tai|dang len|duoc dang|dang bai|dang ngay|xuat ban|phat hanh|published|posted|"
                        r"publication)\b")

#: A year, as written or as a folded word.
_YEAR = re.compile(r"(?:19|20)\d\d")
#: Words that end the name of a post in a question ("Trưởng Ban Dân vận Tỉnh ủy Cà Mau *lúc đó* là ai").
POST_ENDS = ("đồng chí", "đến", "lúc", "đó", "có", "không", "tên", "hiện", "nay", "hôm", "dự", "tại", "ở", "và",
             "thì", "vậy", "người")
#: Words that ask who someone is, as the matcher reads them.
WHO = frozenset({"ai", "ten", "who", "whom", "name"})
#: The levels of the Party and the State a post may be of, folded ("thành ủy", "huyện ủy", "cấp xã").
_LEVELS = frozenset({"thanh", "huyen", "xa", "phuong", "quan", "uy", "ap", "district", "commune"})
#: Words that join a post to whose it is in a question ("trưởng ban dân vận *của* tỉnh Cà Mau", "ai làm
#: trưởng ban dân vận *ở* Cà Mau", "the head *of the* mass mobilization commission *of* Cà Mau *province*").
_POST_LINKS = frozenset({"cua", "o", "tai", "of", "in", "at", "the", "for", "province", "provincial"})
#: Words that ask for a name, as the matcher reads them ("tên là gì", "can you name them").
_NAME = frozenset({"ten", "name", "names"})
#: A post this long names its holder ("thường trực ban bí thư"); a shorter one ("bí thư") names no one.
MIN_POST_WORDS = 3
#: The longest name of a post after its first words ("… Ban Dân vận Tỉnh ủy Cà Mau").
MAX_POST_WORDS = 6

#: A question about what someone said, the ask a few words after the verb: "phát biểu những nội dung
#: gì", "nói cụ thể những gì", "what points did he raise in his own remarks"; not "nghe đài nói hội
#: nghị gì đó về dân vận" ("gì đó" before more words is "something").
_ASKS_SAID = re.compile(r"\b(?:phat bieu|noi)(?: \w+){0,3} (?:gi|j)\b(?! do \w)"
                        r"|\bwhat\b(?: \w+){1,6} (?:say|said|raise|raised)\b|\b(?:his|her) own remarks\b")

#: Those who only attended, or some province, folded: "đại diện lãnh đạo UBND tỉnh", "BDV huyện ủy"; or a
#: body's representative the report never has speak ("đại diện Mặt trận", "a Front representative").
_ATTENDEES = (r"(?:dai dien (?:lanh dao|thuong truc|cac|tinh)|dai dien (?:cua )?(?:mat tran|mttq|hoi|doan|to chuc)|"
              r"front s representatives?|representatives? (?:of|from) the (?:vietnam )?(?:fatherland )?front|"
              r"ubnd|uy ban nhan dan|hdnd|"
              r"hoi dong nhan dan|cac so|so nganh|chuyen vien|"
              r"(?:ban dan van|bdv) (?:cac )?(?:huyen|thanh|tinh)(?: uy)?|dia phuong nao|tinh nao|tinh thanh nao|"
              r"dai bieu (?:o |tai |cua )?(?:diem cau |dau cau )?(?:tinh )?ca mau|"
              r"ca mau (?:delegates|delegation|officials)|"
              r"peoples?(?: s)? council|peoples?(?: s)? committee|district level|ministry|ministries|"
              r"state committee|departments)")
#: A quiz's option, as typed: "A. sáp nhập", "b) đổi mới".
_OPTION = re.compile(r"(?:^|[\s,:;(])([A-Da-d])[.)]\s")
#: Whether the Front was there, folded: "MTTQ tỉnh CM có dự ở điểm cầu ko", "did the provincial Fatherland Front
#: send anyone" (the report lists who attended at Cà Mau, and the Front is not among them).
_FRONT_ATTENDED = re.compile(r"\b(?:mat tran|mttq|ubmttq|fatherland front|front)\b(?: \S+){0,6}? "
                             r"(?:co (?:du|tham du|mat|cu|di)|du hop|tham du(?! vao)|attend(?:ed)?|send|sent|present|"
                             r"represented)\b")
#: What ``_FRONT_ATTENDED`` cannot match without ("ubmttq" holds "mttq", "fatherland front" holds "front").
_FRONT_WORDS = ("mat tran", "mttq", "front")
#: …at the conference or the Cà Mau point, folded ("MTTQ có tham dự thực hiện quy chế dân chủ" is of its work).
_AT_THE_MEETING = re.compile(r"\b(?:ca mau|cm|diem cau|dau cau|hoi nghi|hn|hop|conference|meeting|bridge point|"
                             r"cu nguoi|cu ai|cu dai dien)\b")
#: …named in an answer, folded.
_FRONT_NAMED = re.compile(r"\b(?:mat tran|fatherland front)\b")
#: What they said (folded): "các sở, ngành ở Cà Mau có góp ý gì", "có địa phương nào phát biểu tham
#: luận không", "ý kiến của các đ/c BDV huyện ủy": the report gives the words of three speakers only.
_ATTENDEE_ROLES = re.compile(rf"\b{_ATTENDEES}")
_ATTENDEE_SAID = re.compile(rf"\b{_ATTENDEES}"
                            r"\b(?: \S+){0,16}? (?:phat bieu|tham luan|co y kien|gop y|kien nghi|de xuat|noi gi|"
                            r"bay to|cam nhan|phan ung|hoi gi|hoi j|react|reacted|respond|responded|"
                            r"hua|hua hen|cam ket|bao cao ket qua|bao cao rieng|phan hoi|feedback|"
                            r"say|said|propose|proposed|comment|commented|promise|promised|pledge|pledged|"
                            r"present(?:ed)? (?:anything|any|a report|their|its)|"
                            r"raised? (?:any )?(?:specific )?(?:questions|concerns|proposals|issues))\b|"
                            # what delegates thought of it: "đại biểu Cà Mau … nhận xét hội nghị thế nào"
                            r"\bdai bieu\b(?: \S+){0,12}? (?:danh gia|nhan xet|cho rang)\b|"
                            # …and those sitting there, or delegates in English: "anh em dự ở điểm cầu đánh giá bài
                            # phát biểu thế nào", "How did the delegates … assess the conference"
                            r"\b(?:anh em|bi thu tinh uy)\b(?: \S+){0,8}? (?:danh gia|nhan xet)(?: \S+){0,4}? "
                            r"(?:hoi nghi|phat bieu|bai noi|the nao|ra sao|ra rang|ntn)\b|"
                            r"\b(?:delegates|participants|attendees)\b(?: \S+){0,10}? (?:assess(?:ed)?|rated?|"
                            r"react(?:ed)?|satisfied|find it|found it|felt|thought)\b|"
                            rf"\b(?:y kien|quan diem|nhan xet|cam nhan|views?|opinions?|reactions?)(?: phat bieu)? "
                            rf"(?:cua|of) (?:cac |the )?(?:d c |dong chi |dc |dai dien )?(?:thuong truc )?"
                            rf"{_ATTENDEES}\b")

#: What the conference or the report said, named just before the verb, folded: in "bầu cử … Hội đồng nhân dân các
#: cấp, vậy hội nghị có nói gì về …" the council is no attendee who spoke.
_SAID_BY_IT = re.compile(rf"\b(?:{_ITSELF}|bao cao|bc|report)(?: nay| do| ay)?(?: co)? (?:noi gi|say|said)$")
#: One speaker's word on another's, folded: "bà Mai có khen báo cáo của ông Lĩnh", "did Mai respond to Vượng's
#: points"; asked with two people named, the report records no one's reaction to anyone.
_REACTS = re.compile(r"\b(?:khen|che|gop y|nhan xet|phan hoi|dap lai|tan thanh|dong tinh|phan bien|"
                     r"respond(?:ed|s)? to|endorse[sd]?|react(?:ed|s)? to|comment(?:ed|s)? on|agree[sd]? with|"
                     r"disagree[sd]? with|praise[sd]?|criticis(?:e|ed|es)|echo(?:ed|es)?)\b")
#: A failing owned up to, folded: "did the report admit any failure on corruption", "báo cáo có thừa nhận yếu kém gì
#: không": the report lists results only.
_ADMITTED = re.compile(r"\b(?:admit(?:s|ted)?|acknowledge[sd]?|concede[sd]?) (?:any |some |its |the |to )?(?:\w+ )?"
                       r"(?:failures?|failings?|shortcomings?|weakness(?:es)?|mistakes?|faults?)\b|"
                       r"\bthua nhan (?:\w+ ){0,2}?(?:yeu kem|that bai|khuyet diem|sai sot|sai lam|han che|bat cap)\b")
#: What ``_ADMITTED`` cannot match without.
_ADMITTED_WORDS = ("admit", "acknowledge", "concede", "thua nhan")
#: Anyone's objection to a speech, the report or a task, folded: "có ai phản biện hay chê bản báo cáo không", "did
#: anyone criticise the summary": the report records no one's (its praise of a movement is its own word).
_ANYONE_REACTED = re.compile(r"\b(?:co ai|ai do|nguoi nao|dai bieu nao|anyone|anybody|any (?:delegates?|participants?|"
                             r"attendees?))\b(?: \S+){0,3}? "
                             r"(?:(?<!co )(?<!han )(?<!the )(?<!kiem )(?<!khong )che(?! do\b)|gop y|phan bien|phan doi|"
                             r"khong dong tinh|criticis(?:e|ed)|criticiz(?:e|ed)|object(?:ed)? to|question(?:ed)?|"
                             r"disagree[sd]?)\b")
#: A count the question states, folded: "10 mô hình", "10% biên chế", "hơn một trăm nghìn cán bộ",
#: "64 điểm cầu"; not a date, an hour, an ordinal or a name's number ("31/12", "18h", "Đại hội 13",
#: "lớp 11", "nhiệm vụ số 3", "Câu 7:").
_CLAIMED_COUNT = re.compile(
    r"(?<![\d/.,:-])(?<!dai hoi )(?<!khoa )(?<!lop )(?<!thu )(?<!so )(?<!lan )(?<!ngay )(?<!thang )(?<!nam )"
    r"(?<!cau )(?<!task )(?<!number )(?<!no )(?<!luc )(?<!item )(?<!point )(?<!question )"
    r"\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d{3})*"
    r"(?![\d/:]|[.,]\d| ?(?:h|g|gio|tieng|phut|minutes?|giay|seconds?|am|pm|th|st|nd|rd|tuoi|years? old)\b)(?= ?%| \w)|"
    r"\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|vai|hang) (?:tram|nghin|ngan|trieu|chuc nghin)\b|"
    r"\b(?:hundreds|thousands|millions|tens of thousands)\b")

#: Two numbers offered as guesses, folded: "7 hay 8 việc", "63 or 64".
_GUESSES = re.compile(r"\b\d+ (?:hay|hoac|or|voi) \d+\b")

#: Words for someone's views, a few words before their name ("ý kiến của đồng chí … Hải") or after it
#: ("Hải's view"), folded.
_VIEWS = re.compile(r"\b(?:y kien|quan diem|nhan xet|danh gia|opinion|views?|comments?|thoughts|reaction|"
                    r"s (?:view|views|opinion|comments|thoughts|reaction))\b")
_VIEW_GAP = 8

#: Words that make a thing the asker's own, before it ("my history channel") or after ("kênh của mình"): not asked
#: of the report.
_MY = frozenset({"my", "our"})
_OF_MINE = re.compile(r"(?:(?!gi\b|j\b|nao\b|cua\b|ben\b|trong\b|o\b|tai\b)\w+ ){0,2}?"
                      r"(?:cua |ben )(?:minh|em|toi|tui|chung toi|chung em|tao)\b")


def _bn_is_you(text: str, folded: list[str], end: int) -> bool:
    """Whether the "bn" of a count cue ending at ``end`` is "bạn" (you), not "bao nhiêu": "hỏi bn, đơn vị nào tổ
    chức", "bn huyện nào dự" (a count asks no "which")."""
    return bool(set(folded[end:end + 1]) & _ASKS_WHICH_THING) or bool(_BN_CALLED.search(text))


def _askers_own(folded: list[str], start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` name the asker's own thing: "Quick q for my history channel" asks
    nothing of a channel, "Phần khảo sát thực tiễn của em là …" nothing of a survey."""
    before = folded[max(0, start - 3):start]
    after = " ".join(folded[end:end + 5])
    return bool(_MY & set(before)) or bool(_OF_MINE.match(after))


#: A person's name asked, folded: "… là chú nào", "đồng chí nào đại diện", "ông đó tên gì", "the name of the head of …".
_ASKS_A_NAME = re.compile(r"\bla (?:chu|ong|ba|co|anh|chi|dong chi|vi|nguoi) nao\b|\b(?:dong chi|vi) nao\b|"
                          r"\b(?:ong|ba|chu|nguoi|dong chi|vi) (?:\w+ ){0,3}?(?:ten (?:gi|j|la gi)|ho ten)\b|"
                          r"\b(?:name of|who (?:is|was)) the (?:head|chair|chairman|chairwoman|leader|official|"
                          r"representative|person|secretary|deputy|director)\b|\b(?:his|her) (?:full )?name\b|"
                          # the names of people a group sent: "tên đồng chí lãnh đạo Ban Dân vận Tỉnh ủy", "their
                          # names"
                          r"\b(?:ho )?ten (?:cua )?(?:cac |nhung |hai |ba )?(?:dong chi|ong|ba|nguoi|vi|can bo|"
                          r"lanh dao|dai bieu|dai dien)\b|"
                          r"\b(?:officials|delegates|leaders|representatives|heads|attendees|participants|their) "
                          r"names?\b|\bnames? of (?:the |those |these |any )?(?:officials|delegates|leaders|"
                          r"representatives|heads|attendees|participants|individuals|people)\b")
#: An answer that says it names no one, in either language.
_NAMES_NO_ONE = re.compile(r"không nêu tên|không ghi tên|không nêu họ tên|does not name|doesn't name|names no",
                           re.IGNORECASE)
#: Words asking who someone is, folded: "chủ tịch Mặt trận hồi đó là ai", "who was the chairman".
_WHO_IS = re.compile(r"\bla ai\b|\bwho (?:is|was)\b")

#: What an answer's text must hold to answer each kind of question (places: see ``place_words``).
_ABLE = {Objection.COUNT: _HAS_NUMBER, Objection.TIME: _HAS_TIME, Objection.YEAR: _HAS_YEAR, Objection.DAY: _HAS_DAY,
         Objection.DURATION: _HAS_DURATION, Objection.AGE: _HAS_AGE, Objection.NOW: _HAS_THEN,
         Objection.SAID: _HAS_SAID}
#: The order objections are raised in, when a question asks for several things.
_ASKED = (Objection.COUNT, Objection.TIME, Objection.YEAR, Objection.DAY, Objection.DURATION, Objection.PLACE,
          Objection.AGE, Objection.NOW, Objection.SAID)


class Evidence:
    """Checks a question against the best intent's answer; built once per knowledge base."""

    def __init__(self, kb: KnowledgeBase, known_words: set[str], known_text: KnownText) -> None:
        cfg = kb.matching
        #: What each answer tells of ``_CLAIMED_VALUES``, read when first needed (``_values_told``).
        self._told: dict[str, tuple[frozenset[int], frozenset[str]]] = {}
        self._cues = PhraseSet((words(cue), (kind, tuple(raw_words(cue)))) for kind, cues in (
            (Objection.COUNT, cfg.asks_count), (Objection.TIME, cfg.asks_time), (Objection.YEAR, cfg.asks_year),
            (Objection.PLACE, cfg.asks_place),
            (Objection.DURATION, cfg.asks_duration), (Objection.AGE, cfg.asks_age), (Objection.NOW, cfg.asks_now),
            (Objection.SAID, cfg.asks_said))
            for cue in cues)
        places = [fold(p) for p in cfg.place_words]
        self._places = re.compile(r"\b(?:" + "|".join(map(re.escape, places)) + r")\b") if places else None
        self._known = known_words
        self._tokens = kb.tokens
        self._known_text = known_text
        self._posts: PhraseSet[None] = PhraseSet((kb.tokens(post), None) for post in cfg.post_words)
        #: The report's folded words, and the posts it gives nobody ("thủ tướng"): a question about
        #: them is about someone else.
        self._report_words = f" {' '.join(words(' '.join(kb.paragraphs)))} "
        #: The numbers the report states, as typed: a count it does not state is a claim to refuse.
        self._report_numbers = set(re.findall(r"\d+", " ".join(kb.paragraphs)))
        self._unreported_posts = {tuple(kb.tokens(post)) for post in cfg.post_words
                                  if f" {' '.join(words(post))} " not in self._report_words}
        ends = {t for w in (*cfg.vague_words, *POST_ENDS) for t in kb.tokens(w)}
        #: The posts each person's own answer gives, as the matcher reads them ("bi thu tinh uy ca mau").
        self._posts_held = {p.intent: self._posts_in(kb.tokens(kb.intents[p.intent].answer), lambda t: t not in ends)
                            for p in kb.followups.people if p.intent in kb.intents}
        #: The words that name posts in those answers ("tỉnh ủy cà mau", "ban dân vận trung ương").
        #: (with the levels a post may be of: "Trưởng Ban Dân vận Thành ủy Cà Mau" is not Mai's post)
        self._post_words = {t for posts in self._posts_held.values() for post in posts for t in post} | _LEVELS
        #: …and the posts of the one person an answer of theirs names alone (who led at Cà Mau: Hải).
        self._posts_given = dict(self._posts_held)
        for intent in kb.intents.values():
            named = [p for p in kb.followups.people if p.name in intent.answer and p.intent in self._posts_held]
            if intent.kind == "answer" and not intent.covers and len(named) == 1 and named[0].topic == intent.topic:
                self._posts_given.setdefault(intent.id, self._posts_held[named[0].intent])
        #: The people (their own intents) each answer names.
        self._named_in = {intent.id: [p.intent for p in kb.followups.people if p.intent in self._posts_held
                                      and p.name in intent.answer] for intent in kb.intents.values()}
        self.people = People(kb, self.named_by_post)
        surnames = "|".join(sorted({words(p.name)[-1] for p in kb.followups.people}))
        #: Who held someone's post before or after them, by their name, folded: "Trước đồng chí Trương Thị Mai thì ai
        #: làm Trưởng Ban", "…, ai là người giữ chức …", "Who was head of the Commission before Mai?" (the report
        #: names no predecessor, no successor; ``_LATER_POST`` has the same asked by a post and an honorific:
        #: "Trưởng Ban … trước bà").
        self._succession = re.compile(
            rf"\b(?:truoc|sau) (?:(?:dong chi|d c|dc|ong|ba) )?(?:\w+ ){{0,2}}?(?:{surnames})\b(?: \w+){{0,3}}? "
            rf"(?:thi )?ai (?:la nguoi |la ng )?(?:lam|giu|nhan|len|la truong|la pho|ngoi)\b|"
            rf"\bwho (?:was|held|served|became|headed|led|took)\b(?: \w+){{0,12}}? (?:before|after) "
            rf"(?:(?:mr|ms|mrs|madam|comrade) )?(?:\w+ ){{0,2}}?(?:{surnames})\b")
        self._later: PhraseSet[None] = PhraseSet((words(cue), None) for cue in cfg.asks_later)
        self._other_events: PhraseSet[None] = PhraseSet((words(cue), None) for cue in cfg.asks_other_event)
        self._details: PhraseSet[tuple[None, tuple[str, ...]]] = PhraseSet(
            (words(cue), (None, tuple(raw_words(cue)))) for cue in cfg.asks_detail)
        self._verbatim: PhraseSet[tuple[None, tuple[str, ...]]] = PhraseSet(
            (words(cue), (None, tuple(raw_words(cue)))) for cue in cfg.asks_verbatim)
        self._after: PhraseSet[None] = PhraseSet((words(cue), None) for cue in cfg.asks_after)
        self._claims: PhraseSet[None] = PhraseSet((words(cue), None) for cue in cfg.checks_claim)
        self._named_places = [" ".join(words(place)) for place in cfg.named_places]
        #: Each place's ways of being written among them: "hanoi" is "ha noi" run together.
        self._spellings = {place: tuple(other for other in self._named_places
                                        if other.replace(" ", "") == place.replace(" ", ""))
                           for place in self._named_places}
        #: Whether a speech spoke of each of them, asked: "có nhắc tới Cà Mau", "did he mention Hanoi".
        self._places_spoken_of = {place: re.compile(rf"\b{_SPOKE_OF_IT} {_BEFORE_PLACE}{place}\b")
                                  for place in self._named_places}
        #: The report's places and people, folded: a name one letter off is theirs mistyped.
        self._known_names = frozenset([*self._named_places, *(" ".join(words(p.name)) for p in kb.followups.people)])
        #: Each place's own doings asked near its name ("Cà Mau xếp thứ mấy", "mô hình nào của Cà Mau").
        self._doings_near = {place: _near(place, _PLACE_DOINGS) for place in self._named_places}
        self._record_near = {place: _near(place, _PLACE_RECORD) for place in self._named_places}
        self._ways_near = {place: _near(place, _PLACE_WAYS) for place in self._named_places}
        self._troubles_of = {place: re.compile(rf" {place} (?:(?!{_SAYING})\w+ ){{0,{DOINGS_GAP}}}?"
                                               rf"({_TROUBLES})\b|"
                                               rf"\b({_TROUBLES}) (?:\w+ ){{0,3}}?(?:o|tai|cua) {place} ")
                             for place in self._named_places}
        #: …and each as where something happened: "ở Hà Nội, ông Vượng yêu cầu làm tốt …" asks no record of Hà Nội.
        self._at_place = {place: re.compile(rf"\b{_AT_PLACE}{place}\b") for place in self._named_places}
        #: The given names people call the report's people by ("đc Lĩnh", "bà Mai").
        self._given_names = {fold(p.name.split()[-1]) for p in kb.followups.people if p.name.split()}
        #: Each answer's folded words, in both languages: does it name the detail asked, the place?
        self._answer_words = {intent.id: " ".join(words(_answer_text(intent))) for intent in kb.intents.values()}
        #: For each answer, which ones of a kind it names only as a kind ("những thành công, thành tựu của đất
        #: nước"), asked specifically: "cụ thể … những thành tựu nào", "văn bản nào, ví dụ …".
        self._specific_ones = {intent.id: _specific_ones(intent.answer) for intent in kb.intents.values()}
        #: The answers that tell who is in charge of something ("trách nhiệm của cơ quan hành chính").
        self._tell_who_is_in_charge = frozenset(
            intent_id for intent_id, answer in self._answer_words.items() if _IN_CHARGE.search(answer))
        #: The answers that give an hour of the clock, and those that give a share in "%": read once, not per question.
        self._tell_an_hour = frozenset(i.id for i in kb.intents.values() if _HAS_CLOCK.search(_answer_text(i)))
        self._tell_a_share = frozenset(i.id for i in kb.intents.values() if "%" in _answer_text(i))
        #: …and as the matcher reads them (synonyms expanded), with the words common to many intents' answers or
        #: examples, which name no topic of their own.
        self._answer_tokens = {intent.id: frozenset(kb.tokens(_answer_text(intent))) for intent in kb.intents.values()}
        shares = Counter(t for intent in kb.intents.values() for t in self._answer_tokens[intent.id].union(
            *(kb.tokens(example) for example in intent.examples)))
        self._common_tokens = frozenset(t for t, n in shares.items() if n > TOPIC_WORD_SHARE * len(kb.intents))
        # The topics of people who spoke: their tasks are their words ("Mai's fourth task"); not of
        # those who only attended (Nguyễn Tiến Hải's topic is the Cà Mau bridge point).
        self._speech_topics = {person.topic for person in kb.followups.people if person.topic and person.intent
                               in kb.intents and _HAS_SAID.search(_answer_text(kb.intents[person.intent]))}
        self._profiles = {intent.id: self._profile(intent) for intent in kb.intents.values()}
        #: …and what the answer says without its detail (the reply a question gets first).
        self._said_first = {intent.id: self._profile(intent, with_detail=False) for intent in kb.intents.values()}
        #: The words each answer's numbers count (folded, with synonyms; and as spelt): "63 điểm cầu".
        self._counted_in = {intent.id: self._counted_by_numbers(_answer_text(intent)) for intent in kb.intents.values()}
        #: Whether each answer names someone of the report's, or says it names no one ("who is he" asked of it).
        self._names_someone = {intent.id: any(p.name in _answer_text(intent) for p in kb.followups.people)
                               or bool(_NAMES_NO_ONE.search(_answer_text(intent))) for intent in kb.intents.values()}
        #: The years each answer speaks of, in either language.
        self._years = {intent.id: set(_YEAR.findall(f"{intent.answer} {intent.answer_en}"))
                       for intent in kb.intents.values()}
        # What a curated refusal refuses: a count, a date, a place, an age or a biography, if most of
        # its examples ask it.
        self._refuses = {intent.id: self._refused_kinds(intent) for intent in kb.intents.values()
                         if intent.kind == "refusal"}
        #: The refusals of reasons ("vì sao họp trực tuyến"): most of their examples ask why.
        self._refuses_why = {intent.id for intent in kb.intents.values() if intent.kind == "refusal" and sum(
            bool(_WHY.search(" ".join(words(e)))) for e in intent.examples) >= REFUSAL_SHARE * len(intent.examples)}

    def _refused_kinds(self, intent: Intent) -> frozenset[Objection]:
        asked = [self.asks(e) for e in intent.examples]
        kinds = (Objection.COUNT, Objection.TIME, Objection.YEAR, Objection.PLACE, Objection.DURATION, Objection.AGE)
        return frozenset(k for k in kinds if sum(k in a for a in asked) >= REFUSAL_SHARE * len(asked))

    @functools.lru_cache(maxsize=64)  # noqa: B019 - asked for each candidate of the same question
    def asks(self, text: str) -> frozenset[Objection]:
        """What kind of fact a question asks for: a count, a date, a place.

        Its cues are spelt as written ("ở đầu hội nghị", at its start, is no "ở đâu"), and a place
        asked in the text ("nhắc ở chỗ nào trong bài") or "ở đâu đó" (somewhere) is no place asked.
        """
        folded = words(text)
        found = find_spelt(self._cues, text)
        kinds = {kind for cue, kind, end in found
                 if (kind is not Objection.PLACE or not _in_the_text(folded, end - len(cue), end))
                 and (cue != ("when",) or not _when_joins(text))
                 and not (cue[0] == "bn" and _bn_is_you(text, folded, end))
                 and not (cue[-1] == "time" and set(folded[end:end + 1]) & _SPANS)}  # "what time frame": years
        if any(kind is Objection.TIME and cue in _DAY_CUES for cue, kind, _ in found):
            kinds.add(Objection.DAY)
        counts = [cue for cue, kind, _ in found if kind is Objection.COUNT]
        if counts and set(counts) == {("bao", "nhieu")} and \
                len(_NOT_MUCH.findall(_spaced_fold(text))) >= len(counts):
            kinds.discard(Objection.COUNT)  # "hứa nhiều mà làm chẳng bao nhiêu" asks no count
        named = self._counted(text) if counts and set(counts) <= _BY_WHAT_IS_COUNTED else []
        if named and all(heads & _GENERIC_COUNTED for _, heads in named):
            kinds.discard(Objection.COUNT)  # "bài có nêu số người không" asks whether it lists them
        if _ASKS_SAID.search(" ".join(folded)):
            kinds.add(Objection.SAID)
        if _CAUSE_WHERE.search(" ".join(folded)):
            kinds.discard(Objection.PLACE)  # "nguyên nhân ở đâu" asks why, not where
        return frozenset(kinds)

    def refusal_fits(self, refusal: Intent, text: str) -> bool:
        """Whether a refusal of counts/dates/places/ages/reasons fits a question that asks for one of them."""
        if refusal.id in self._refuses_why:
            return self.asks_why(text)
        kinds = self._refuses.get(refusal.id, frozenset())
        return not kinds or bool(kinds & self.asks(text))

    @staticmethod
    def asks_why(text: str) -> bool:
        """Whether ``text`` has words that ask why ("vì sao", "what caused")."""
        return _asks_why_in(" ".join(words(text)))

    def refuses_a_kind(self, refusal: Intent) -> bool:
        """Whether ``refusal`` refuses a kind of fact (counts, dates, places, ages, reasons)."""
        return refusal.id in self._refuses_why or bool(self._refuses.get(refusal.id))

    def refuses_places_only(self, refusal: Intent) -> bool:
        """Whether ``refusal`` refuses places and no other kind of fact ("the report names no hall")."""
        return self._refuses.get(refusal.id) == frozenset({Objection.PLACE})

    def names_no_one(self, intent: Intent) -> bool:
        """Whether ``intent``'s answer says the report names no one ("không nêu tên người giữ chức vụ đó")."""
        return bool(_NAMES_NO_ONE.search(_answer_text(intent)))

    def able(self, intent: Intent) -> frozenset[Objection]:
        """The kinds of question (a count, a date, a place…) ``intent``'s answer is able to answer."""
        return self._profiles[intent.id]

    def able_at_once(self, intent: Intent) -> frozenset[Objection]:
        """The kinds of question ``intent``'s answer answers without its detail ("nói rõ hơn")."""
        return self._said_first[intent.id]

    def _profile(self, intent: Intent, with_detail: bool = True) -> frozenset[Objection]:
        """The kinds of question an intent's answer (in either language, with its detail unless
        ``with_detail`` is false) is able to answer."""
        text = _answer_text(intent, with_detail)
        able = {kind for kind, pattern in _ABLE.items() if pattern.search(text)}
        if intent.topic in self._speech_topics:  # Mai's tasks are her words, without a verb of speech
            able.add(Objection.SAID)
        if self._places and self._places.search(fold(text)):
            able.add(Objection.PLACE)
        return frozenset(able)

    def objection(self, text: str, words: list[str], intent: Intent) -> Objection | None:
        """The first reason ``intent`` cannot answer the question, or None.

        ``words`` are the question's folded words before synonyms (the cues are matched on them).
        """
        asked, joined = self.asks(text), " ".join(words)
        unmet = asked - self._profiles[intent.id]
        if unmet:
            return next(kind for kind in _ASKED if kind in unmet)
        if Objection.COUNT in asked and not self._counts_it(text, intent):
            return Objection.COUNT
        if self._claims_a_count(text, intent):
            return Objection.COUNT  # "Có đúng là biểu dương 10 mô hình?": no number of the answer can tell
        if (Objection.TIME in asked and (self._other_year(text, intent) or self._later.find(words)
                                         or _NEXT_EVENT.search(joined)
                                         or self._after.find(words) or _PUBLISHED.search(joined))) \
                or (asked & {Objection.TIME, Objection.YEAR} and _congress_met(text)):
            return Objection.TIME  # "When did the 12th Party Congress convene?", "năm nào": the report never says
        if intent.id not in self._tell_an_hour and (
                (Objection.TIME in asked and _CLOCK_ASKED.search(joined))
                or (self.checks_claim(words) and _CLAIMED_CLOCK.search(questions_asked(text)))):
            return Objection.TIME  # "phát biểu vào khoảng mấy giờ", "… lúc 11 giờ, đúng không": a morning is no hour
        if Objection.DURATION in asked and not self._holds_units(words, intent):
            return Objection.DURATION
        guessed = _ends_yes_no(words) and bool(_GUESSED_CAUSE.search(joined))
        if (guessed or _asks_why_in(joined)) and not asked - {Objection.SAID} \
                and not _OTHER_ASKING & set(_besides_why(joined)) \
                and not (_ends_yes_no(words) and not guessed and not _asks_reason_after(text)) \
                and (_UNEXPLAINED.search(joined) or _INCIDENT.search(joined)
                     or not _REASON.search(_answer_text(intent))):
            return Objection.WHY  # "Vì sao hội nghị phải lùi sang năm 2021?": no reason given, none to give
        if _REACTS.search(joined) and len({person.intent for person in self.people.named(text)}) >= 2:
            return Objection.SAID  # "bà Mai có khen báo cáo của ông Lĩnh không": no one's word on another's
        if _ANYONE_REACTED.search(joined):
            return Objection.SAID  # "có ai chê bản báo cáo của ông Lĩnh không": no one's reaction is reported
        if self.asks_the_bots_view(text):
            return Objection.OPINION
        if any(not _SAID_BY_IT.search(m.group(0)) for m in _ATTENDEE_SAID.finditer(joined)) \
                or self._views_of_attendee(text):
            return Objection.SAID  # "các sở, ngành ở Cà Mau có góp ý gì": the report gives no one's words but three
        if _searched(_FRONT_ATTENDED, _FRONT_WORDS, joined) and _AT_THE_MEETING.search(joined) \
                and not _FRONT_NAMED.search(self._answer_words[intent.id]):
            return Objection.NAME  # "Mặt trận tỉnh có cử người dự không": the list of who attended names no Front
        if self.asks_after(text):
            return Objection.AFTER
        if self._other_events.find(words) or (  # "… đầu năm 2021 phải không" is a claim to correct
                _another_event(text) and not self.checks_claim(words)):
            return Objection.OTHER_EVENT
        if self._asks_unnamed_detail(text, words, intent) \
                or _asks_ranked(text) \
                or _SINGLED_OUT.search(joined) \
                or _searched(_ADMITTED, _ADMITTED_WORDS, joined) \
                or self._quotes_a_summary(text, intent) \
                or self._singles_out_an_untold_topic(text, intent) \
                or _LATER_POST.search(joined) or self._explains_a_post(text, words) \
                or self._doings_of_an_untold_place(text, words, intent) or self._asks_body_in_charge(words, intent) \
                or self._asks_specific_ones(words, intent) or _HOW_DONE.search(joined) \
                or _searched(_RESOLUTION_TOLD, _RESOLUTION_WORDS, joined) \
                or (_searched(_TENURE, _TENURE_WORDS, joined)  # …unless a post claimed is the answer's to correct
                    and not (self.checks_claim(words) and self.gives_another_post(text, intent))):
            return Objection.DETAIL
        if any(not offered_instead(text, name) and not self.claims_the_doer(name, words, intent)
               for name in self.unknown_names(self.sentences_asked(text))) and not self.offers_an_answer(words):
            return Objection.UNKNOWN_NAME
        if (self.unheld_post(text, intent) or self._unreported_post(text, intent)) \
                and not (_WHO_DID_IT.search(joined) and self.checks_claim(words)):
            return Objection.ROLE  # …not a post guessed for who did it: "ai đọc báo cáo, nghe nói là bà trưởng ban"
        if self.others_holding(text) or self._holder_before_or_after(words):
            return Objection.NAME  # "các Phó Trưởng Ban khác, ngoài ông Lĩnh": the report names no other
        if not self._names_someone[intent.id] and _ASKS_A_NAME.search(joined):
            return Objection.NAME  # "người của BDV huyện ủy đi dự tên gì, là chú nào": the list names no one
        return None

    def claims_the_doer(self, name: str, folded: list[str], intent: Intent) -> bool:
        """Whether ``name`` is who a claim says did what the answer says who did: "… do Ban Tuyên giáo Trung
        ương tổ chức, đúng không?", "Was it organized by the Propaganda Commission?" (the answer names who
        organized it, and so corrects the claim); not "Ban Tuyên giáo có dự không?"."""
        if not self.checks_claim(folded):
            return False
        joined, named = " ".join(folded), re.escape(" ".join(words(name)))
        answer = f" {self._answer_words[intent.id]} "
        # the name may be the first words of a longer one: "Ban Tuyên" of "Ban Tuyên giáo Trung ương"
        after = re.search(rf"\b{named}((?: \w+){{1,8}})", joined)
        if after and set(after.group(1).split()) & _ASKS_WHAT_DONE:
            after = None  # "Bà Kim Ngân kết luận gì, đúng không?" asks what she said, which the report never gives
        by = re.search(rf"\b({_DEED}) by (?:the )?{named}\b", joined)
        claimed = f"{after.group(1)} " if after else ""
        deeds = ([by.group(1)] if by else []) + [deed for deed in _DEEDS if f" {deed} " in claimed]
        return any(f" {_TOLD_AS.get(deed, deed)} " in answer for deed in deeds)

    def _holder_before_or_after(self, words: list[str]) -> bool:
        """Whether the question asks who held a named person's post before or after them."""
        return bool(self._succession.search(" ".join(words)))

    def _doings_of_an_untold_place(self, text: str, words: list[str], intent: Intent) -> bool:
        """Whether the question asks a place's own rank, results, models or praise, and the answer never names
        the place, or names it without the thing asked: "Cà Mau có mô hình Dân vận khéo nào được nêu gương" is not
        the movement's national review, "Cà Mau có được biểu dương không" not who attended there."""
        joined = f" {' '.join(words)} "
        answer = f" {self._answer_words[intent.id]} "
        named = bool(self.people.named(text))
        venue = named or bool(_HAPPENED.search(joined))
        for place in self.places_asked(text):
            doings = self._doings_near[place].search(joined) or (
                None if named else self._troubles_of[place].search(joined))
            if doings is None and not (venue and self._at_place[place].search(joined)):
                doings = self._record_near[place].search(joined)
            if doings is None and not named and not _TAKING_PART.search(joined):
                doings = self._ways_near[place].search(joined)
            # …or names it beside other things: who attended there is not whether it was praised
            if doings and (not self.names(intent, place) or f" {doings.group(1) or doings.group(2)} " not in answer):
                return True
        return False

    def _explains_a_post(self, text: str, words: list[str]) -> bool:
        """Whether the question asks what a post or a body is or does, naming no one by name: "Thường trực Ban Bí
        thư là chức gì" (but "ông Vượng là chức gì" asks his post, which his answer gives)."""
        folded = " ".join(words)
        post = bool(_POST_EXPLAINED.search(folded)) and self.names_a_post(text)
        asked = post or bool(_BODY_EXPLAINED.search(folded))
        return asked and not self.people.named_by_name(text)

    def _asks_specific_ones(self, words: list[str], intent: Intent) -> bool:
        """Whether the question asks which ones, specifically, of a kind the answer names only as a kind: "ông Vượng
        kể thành tựu đất nước, cụ thể những thành tựu gì" (the report lists none)."""
        pattern = self._specific_ones[intent.id]
        return pattern is not None and bool(pattern.search(" ".join(words)))

    def _asks_body_in_charge(self, words: list[str], intent: Intent) -> bool:
        """Whether the question asks which body leads a task or answers for it, and the answer says nothing
        of who is in charge of anything."""
        folded = " ".join(words)
        return bool(_BODY_IN_CHARGE.search(folded)) and not _THE_CONFERENCE.search(folded) \
            and intent.id not in self._tell_who_is_in_charge

    def _asks_unnamed_detail(self, text: str, folded: list[str], intent: Intent) -> bool:
        """Whether the question asks a kind of detail (``asks_detail``, as spelt) the answer never names, other than
        the asker's own ("for my history channel")."""
        if "%" in text and intent.id not in self._tell_a_share:
            return True  # a share typed as a sign: "nói bn % dân tin tưởng"
        found = find_spelt(self._details, text)
        if not found or len({option.lower() for option in _OPTION.findall(text)}) >= 2:
            return False  # "A. sáp nhập, B. đổi mới …, C. tinh giản biên chế?": a quiz's wrong options ask nothing
        claimed = self.checks_claim(folded)
        if claimed:  # "bản dịch ghi nv 7 là 'tăng biên chế', đúng ko": the claim's words
            text = without_quotes(text)
            folded, found = words(text), find_spelt(self._details, text)
        answer = f" {self._answer_words[intent.id]} "
        # (a claim of what it is, "nhiệm vụ 7 là tinh giản biên chế phải không", is the answer's to correct; one
        # offered beside another, "trình bày tham luận hay báo cáo", is a choice the answer makes)
        return any(f" {' '.join(detail)} " not in answer and not _askers_own(folded, end - len(detail), end)
                   and not (claimed and folded[end - len(detail) - 1:end - len(detail)] == ["la"])
                   and not self._offered_beside(folded, end - len(detail), end, answer)
                   for detail, _, end in found)

    @staticmethod
    def _offered_beside(folded: list[str], start: int, end: int, answer: str) -> bool:
        """Whether the words at ``start:end`` are one side of a choice whose other side (up to ``_SIDE`` words) the
        answer holds: "trình bày tham luận hay báo cáo" (not "Zoom hay phần mềm nào", both untold, nor "tham luận
        hay báo cáo kinh nghiệm")."""
        sides = []
        if folded[end:end + 1] and folded[end] in _CHOICE:
            sides.append(folded[end + 1:end + 1 + _SIDE])
        if start >= 2 and folded[start - 1] in _CHOICE:
            sides.append(folded[max(0, start - 1 - _SIDE):start - 1])
        return any(side and f" {' '.join(side)} " in answer for side in sides)

    def _singles_out_an_untold_topic(self, text: str, intent: Intent) -> bool:
        """Whether the question asks what was said specifically of a topic none of whose own words the answer
        holds: "có nói gì riêng về đội ngũ giáo viên" is not answered by tasks that never name teachers."""
        folded = fold(text)
        for match in _SINGLED_TOPIC.finditer(folded) if any(word in folded for word in _SINGLED_TOPIC_WORDS) else ():
            said = _TOPIC_ENDS.split(match.group(1))[0]
            topic = set(self._tokens(said)) - self._common_tokens - _TOPIC_FILLERS
            if topic and not topic & self._answer_tokens[intent.id]:
                return True
            # a place the report names often is still a topic: "nhiệm vụ riêng gì cho tỉnh Cà Mau"
            spoken_of = f" {' '.join(words(said))} "
            if any(f" {place} " in spoken_of and not self.names(intent, place) for place in self._named_places):
                return True
        # …or whether a speech spoke of one of the report's places: "ông Lĩnh đọc báo cáo có nhắc tới Cà Mau không"
        joined = " ".join(words(text))
        return any(place in joined and not self.names(intent, place) and spoken_of_it.search(joined)
                   for place, spoken_of_it in self._places_spoken_of.items())

    def _quotes_a_summary(self, text: str, intent: Intent) -> bool:
        """Whether the question asks the exact words of a speech or of the summary report whose gist ``intent`` gives:
        "Trích nguyên văn câu kết bài phát biểu của bà Mai" (the report quotes no speech whole). Of one task the
        answer is the report's own wording ("nguyên văn nhiệm vụ thứ hai")."""
        return bool(intent.covers) and intent.topic in self._speech_topics and bool(find_spelt(self._verbatim, text))

    def sentences_asked(self, text: str) -> str:
        """The sentences whose names and years the question asks about: those that ask, unless they point
        back at the others ("… đề nghị sáp nhập Ban Dân vận với Ban Tuyên giáo. Bài có nội dung này
        không?"). A sentence before them that only tells ("Quê nội bà ở Thái Bình, …") is the asker's
        context."""
        asked = questions_asked(text)
        return text if asked == text or TO_WHAT_WAS_TOLD.search(" ".join(words(asked))) else asked

    def _claims_a_count(self, text: str, intent: Intent) -> bool:
        """Whether the question states a count the report does not ("hơn một trăm nghìn cán bộ",
        "10% biên chế") and the answer has no number to set beside it."""
        return Objection.COUNT not in self._profiles[intent.id] and self._states_an_unreported_count(text)

    @functools.lru_cache(maxsize=64)  # noqa: B019 - asked for each candidate of the same question
    def _states_an_unreported_count(self, text: str) -> bool:
        """Whether the question states a count the report never does; a count stated beside the
        report's own is a guess the answer settles ("7 hay 8 việc")."""
        asked = fold(questions_asked(text))
        stated = [m.group(0) for m in _CLAIMED_COUNT.finditer(asked)]
        return any(n not in self._report_numbers for n in stated) and not (
            _GUESSES.search(asked) and any(n in self._report_numbers for n in stated))

    def _views_of_attendee(self, text: str) -> bool:
        """Whether the question asks the views of someone who only attended, named: "Ý kiến của đồng chí
        Nguyễn Tiến Hải về … được ghi nhận thế nào", "Hải's view on …": the report gives none."""
        folded = words(text)
        for person in self.people.named_by_name(text):
            if person.topic in self._speech_topics:
                continue
            given = fold(person.name.split()[-1])
            for i, word in enumerate(folded):
                if word == given and (_VIEWS.search(" ".join(folded[max(0, i - _VIEW_GAP):i]))
                                      or _VIEWS.match(" ".join(folded[i + 1:i + 3]))):
                    return True
        return False

    def _unreported_post(self, text: str, intent: Intent) -> bool:
        """Whether the question, naming nobody the report names, asks about someone by a post the
        report gives nobody, which the answer does not name either: "the Prime Minister also gave
        a speech, is that in the article?" is no answer's. A post given to someone the report
        names ("Hải, chủ tịch UBND tỉnh?") is a premise his answer corrects; the asker's own
        ("Tôi là chủ tịch xã, …") is no subject.
        """
        if not self._unreported_posts or self.people.named(text):
            return False
        head, rest = split_preamble(text)
        asked = rest if head and only_says_who_asks(head) else text
        answer = f" {self._answer_words[intent.id]} "
        for post in self._posts_in(self._tokens(asked), lambda _: True, offers=True):
            title = next((p for p in self._unreported_posts if post[:len(p)] == p), None)
            body = post[len(title):len(title) + 2] if title else ()
            if title and f" {' '.join(title)} " not in answer and not (
                    len(body) == 2 and f" {' '.join(body)} " in self._report_words):  # "chủ tịch UBND tỉnh"
                return True
        return False

    def _counts_it(self, text: str, intent: Intent) -> bool:
        """Whether the answer's numbers count what is asked: "bao nhiêu văn bản" is not answered by
        "bảy nhiệm vụ", nor "how many delegates" by "63 bridge points". Words that may stand for
        anything counted ("bao nhiêu việc", "how many places") are not checked; a word typed with
        marks must be spelt so ("bao nhiêu câu" is not "63 điểm cầu"). Each count asked must be told."""
        counted, spelt = self._counted_in[intent.id]
        if _AUDIENCE_COUNTED.search(" ".join(words(text))) and not counted & _COUNTS_ATTENDEES:
            return False  # "how many people tuned in": "people" is no generic count beside who attended
        for found, heads in self._counted(text):
            if heads & _GENERIC_COUNTED:
                continue
            misspelt = {w for w, typed in found if not typed.isascii() and typed.lower() not in spelt}
            tokens = {_singular(t) for t in self._tokens(" ".join(w for w, _ in found))}
            if not _YEARS_ASKED & {w for w, _ in found}:
                tokens -= _YEARS_TOO  # "Việt Nam" reads "viet nam": no years counted ("5 năm")
            if not tokens - misspelt & counted:
                return False
        return True

    def _counted_by_numbers(self, answer: str) -> tuple[set[str], set[str]]:
        """The words a few after each number of ``answer``, folded with synonyms and as spelt."""
        windows = [answer[m.start():m.end() + 50] for m in _HAS_NUMBER.finditer(answer)]
        counted = {_singular(t) for w in windows for t in self._tokens(" ".join(words(w)[:_COUNTED_WORDS]))}
        return counted, {t.lower() for w in windows for t in raw_words(w)[:_COUNTED_WORDS]}

    @functools.lru_cache(maxsize=64)  # noqa: B019 - asked by ``asks`` and for each candidate of the same question
    def _counted(self, text: str) -> tuple[tuple[tuple[tuple[str, str], ...], frozenset[str]], ...]:
        """The words (folded, typed) naming what each count cue asks for, with those that may head
        them: the cue's own noun ("bn điểm cầu"), or the words after it up to a verb or a
        preposition: two in Vietnamese, headed by the first ("bao nhiêu vụ khiếu kiện đông người"),
        more in English, headed by any ("how many provincial sites", "how many sites were linked")."""
        folded = words(text)
        typed = raw_words(text)
        if len(typed) != len(folded):
            typed = folded
        found = []
        for cue, kind, end in find_spelt(self._cues, text):
            if kind is not Objection.COUNT or cue in _NUMBER_ITSELF:
                continue
            own = [(w, typed[end - len(cue) + k]) for k, w in enumerate(cue) if w not in _COUNT_CUE_WORDS]
            i = end
            while i < len(folded) and (folded[i] in _COUNT_FILLERS or _NUMBER_WORD.fullmatch(folded[i])) \
                    and not (i == end and folded[i] in _YEARS_TOO):
                i += 1
            english = set(cue) <= _ENGLISH_COUNT_CUE
            after = [(w, typed[i + k]) for k, w in enumerate(itertools.takewhile(
                lambda w: w not in _NOT_COUNTED, folded[i:i + (_COUNTED_ASKED if english else _VI_NOUN_WORDS)]))]
            if own or after:
                named = tuple(own or after)
                found.append((named, frozenset(w for w, _ in named) if english else frozenset({named[0][0]})))
        return tuple(found)

    def _holds_units(self, words: list[str], intent: Intent) -> bool:
        """Whether the answer speaks in the units of time asked ("bao nhiêu phút": minutes, not "5 năm").

        How long someone spoke or a meeting lasted is asked in minutes or hours, named or not: "How
        long did Vượng speak?" is not answered by "the past five years"."""
        asked = _SHORT_UNITS & set(words) or (_SHORT_UNITS if _SPOKE_OR_MET & set(words) else frozenset())
        return not asked or bool(asked & set(self._answer_words[intent.id].split()))

    @functools.lru_cache(maxsize=64)  # noqa: B019 - asked for each candidate of the same question
    def asks_after(self, text: str) -> bool:
        """Whether the question asks what was done after the conference ("Sau hội nghị, tỉnh đã ban hành…")."""
        folded = words(text)
        typed = " ".join(raw_words(text))
        if "2021" in folded and (_COME_OF_IT.search(typed) or (typed.isascii() and _COME_OF_IT_PLAIN.search(typed))):
            return True  # "năm 2021 phong trào … thực tế làm được gì rồi", "… 2021–2026 đã ký chưa"
        done = bool(_DONE.search(typed)) or (typed.isascii() and bool(_DONE_PLAIN.search(typed)))
        # "năm sau hội nghị …", "the year after the meeting" is the year after: the tasks.
        return done and any(folded[end - len(phrase) - 1:end - len(phrase)] not in (["nam"], ["year"])
                            for phrase, _, end in self._after.find(folded))

    @functools.lru_cache(maxsize=64)  # noqa: B019 - asked for each candidate of the same question
    def places_asked(self, text: str) -> tuple[str, ...]:
        """The report's places (``named_places``, folded) that the question names, in the sentences
        that ask ("Nghe nói ông ấy dự ở Cà Mau. Thật ra ông ấy dự ở đâu?" asks no place)."""
        asked = f" {' '.join(words(questions_asked(text)))} "
        return tuple(place for place in self._named_places if f" {place} " in asked)

    def places_named(self, text: str, intent: Intent) -> list[str]:
        """The report's places that the question and ``intent``'s answer both name."""
        return [place for place in self.places_asked(text) if self.names(intent, place)]

    def answer_words(self, intent_id: str) -> str:
        """``intent_id``'s answer (either language) as folded words."""
        return self._answer_words[intent_id]

    def names(self, intent: Intent, place: str) -> bool:
        """Whether ``intent``'s answer (either language) names ``place`` (folded words)."""
        answer = f" {self._answer_words[intent.id]} "
        return any(f" {spelt} " in answer for spelt in self._spellings.get(place, (place,)))

    @property
    def post_holders(self) -> KeysView[str]:
        """The intents that say who someone is, with their posts."""
        return self._posts_held.keys()

    def unheld_post(self, text: str, intent: Intent) -> bool:
        """Whether the question asks who holds a post that ``intent`` does not give: someone's own answer
        giving them other posts, or another answer naming no one who holds it.

        "Trưởng Ban Dân vận Tỉnh ủy Cà Mau là ai?" is not Nguyễn Tiến Hải (Bí thư Tỉnh ủy) nor
        Trương Thị Mai (Trưởng Ban Dân vận Trung ương): the report does not name that person. A
        question naming the person ("ông Lĩnh là Trưởng Ban phải không?") checks a claim instead,
        which the person's answer corrects.
        """
        posts = self._asked_posts(text)
        if intent.id in self._posts_given:
            return self._not_held(intent, posts)
        # Any other answer asked a name must name someone holding the post, or say it names no one:
        # "Trưởng Ban Dân vận Tỉnh ủy Cà Mau tên đầy đủ là gì" is not the conference's full name, nor
        # the list of Cà Mau's boards. (Not "HĐND tỉnh cử ai đi dự", which asks which post, not whose
        # name; nor the asker's own post: "Em là bí thư đoàn trường, phong trào đó tên là gì".)
        head, rest = split_preamble(text)
        asked = self._asked_posts(rest) if head and only_says_who_asks(head) else posts
        if not asked or intent.kind != "answer" or not (
                _NAME & set(self._tokens(text)) or _WHO_IS.search(" ".join(words(text)))) \
                or " khong neu ten " in f" {self._answer_words[intent.id]} ":
            return False
        held = [own for person in self._named_in[intent.id] for own in self._posts_held[person]]
        return any(not any(_within(post, own) for own in held) for post in asked)

    def lists_attendees(self, intent: Intent) -> bool:
        """Whether ``intent``'s answer lists people by their role ("đại diện lãnh đạo UBND tỉnh"), not only by name."""
        return bool(_ATTENDEE_ROLES.search(self._answer_words[intent.id]))

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Evidence per knowledge base; asked for each candidate
    def others_holding(self, text: str) -> bool:
        """Whether the question asks for others holding a post that only the people it names hold
        ("Ngoài ông Lĩnh, các Phó Trưởng Ban … khác là ai?"); "Ủy viên Bộ Chính trị nào khác, ngoài ông
        Vượng" has an answer, Trương Thị Mai. ``text`` must keep what it sets aside ("ngoài ông Lĩnh")."""
        if not _OTHERS.search(" ".join(words(text))) or self.checks_claim(words(text)):
            return False  # "… là ông Lĩnh, phải không?" checks a claim (as "hay ai khác" offers a choice)
        named = {person.intent for person in self.people.named_by_name(text)}
        tokens = self._tokens(text)
        joined = " ".join(tokens)
        for post in self._posts_in(tokens, self._post_words.__contains__) if named else ():
            said = " ".join(post)
            others = rf"\b(?:{said}(?: \w+){{0,{_OTHERS_GAP}}}? (?<!ai )(?<!nguoi )khac|{said} nao nua|other {said}|" \
                     rf"con (?:nhung |cac )?{said} nao)\b"
            if (holders := self._holders(post)) and holders <= named and re.search(others, joined):
                return True
        return False

    def _holders(self, post: tuple[str, ...]) -> set[str]:
        """The people (their own intents) whose answers give them ``post`` (or a post it begins)."""
        return {intent for intent, runs in self._posts_held.items() if any(run[:len(post)] == post for run in runs)}

    def names_a_post(self, text: str) -> bool:
        """Whether ``text`` names a post ("the Party secretary", "chủ tịch")."""
        return bool(self._posts.find(self._tokens(text)))

    def gives_another_post(self, text: str, intent: Intent) -> bool:
        """Whether the question gives someone, whose own answer is ``intent``, a post that answer does
        not: "Hải … as Chairman of the People's Committee" (he was Bí thư Tỉnh ủy)."""
        return self._not_held(intent, self._question_posts(self._tokens(text)))

    def _not_held(self, intent: Intent, posts: Iterable[tuple[str, ...]]) -> bool:
        """Whether one of ``posts`` is none that the one person ``intent`` is about holds."""
        held = self._posts_given.get(intent.id)
        return held is not None and any(not any(_within(post, own) for own in held) for post in posts)

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Evidence per knowledge base; asked for each candidate
    def named_by_post(self, text: str) -> set[str]:
        """The people (their own intents) a question names by a post only they hold.

        "Thường trực Ban Bí thư" is Trần Quốc Vượng's post (the first words of it are enough); "Bí
        thư" alone is two people's, and "Trưởng Ban Dân vận Tỉnh ủy Cà Mau" is nobody's here.
        """
        named: set[str] = set()
        tokens = self._tokens(text)
        for post in self._question_posts(tokens):
            if DEPUTY in tokens and post[0] != DEPUTY:
                continue  # "ông cấp phó dưới quyền bà Trưởng Ban": the post describes someone else
            holders = self._holders(post)
            if len(holders) == 1 and len(post) >= MIN_POST_WORDS:
                named |= holders
        return named

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Evidence per knowledge base; asked for each candidate
    def _asked_posts(self, text: str) -> tuple[tuple[str, ...], ...]:
        """The posts a question asks the holder of ("Trưởng Ban Dân vận Tỉnh ủy Cà Mau là ai?"), in the
        sentences that ask: "A post says the Trưởng ban read it. Who really did?" asks no post."""
        text = questions_asked(text)
        tokens = self._tokens(text)
        if not WHO & set(tokens) and not _ASKS_A_NAME.search(" ".join(words(text))):
            # "… có phải là Trưởng Ban không?" checks a claim about someone; "… là đồng chí nào" asks who
            return ()
        asked = self._question_posts(tokens, offers=True)
        if not asked or (DEPUTY in tokens and not any(post[0] == DEPUTY for post in asked)):
            return ()  # "ông phó của bà trưởng ban là ai": a post described by another
        named = self.people.named(text)
        # "Trưởng Ban là ai, bà Mai hay ông Lĩnh?" offers a choice: the post is still asked
        return () if named and not (len(named) > 1 and _CHOICE & set(tokens)) else tuple(asked)

    def _question_posts(self, tokens: list[str], offers: bool = False) -> list[tuple[str, ...]]:
        """The posts a question names, each with whose it is, read across the words that join them:
        "trưởng ban dân vận ở Cà Mau" is not the Trưởng Ban Dân vận Trung ương."""
        return self._posts_in(tokens, self._post_words.__contains__, offers, links=_POST_LINKS)

    def _posts_in(self, tokens: list[str], belongs: Callable[[str], bool],
                  offers: bool = False, links: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
        """The posts named in ``tokens``: a post's first words and the words after it that ``belongs``
        (passing over ``links``); with ``offers``, none that the asker writes for or offers as the answer to check.

        "trưởng ban" inside "phó trưởng ban" is the deputy's post, not a second one; a word said
        twice in a row ("trưởng ban BDV" read as "truong ban ban dan van") counts once.
        """
        posts = []
        for phrase, _, end in self._posts.find(tokens):
            start = end - len(phrase)
            if start > 0 and tokens[start - 1] == DEPUTY:
                continue
            before = start - 1
            while before > 0 and tokens[before] in _ARTICLES:  # "for the Party secretary"
                before -= 1
            if offers and ((before >= 0 and tokens[before] in _RECIPIENT)
                           or _OFFERED & set(tokens[max(0, start - _OFFER_GAP):start])):
                continue
            post = list(phrase)
            after = [token for token in tokens[end:] if token not in links]
            for token in itertools.takewhile(belongs, after[:MAX_POST_WORDS]):
                if token != post[-1]:
                    post.append(token)
            posts.append(tuple(post))
        return posts


    def _other_year(self, text: str, intent: Intent) -> bool:
        """Whether a question asking when names a year the answer's dates are not in, in the sentences
        that ask.

        "Hội nghị tổng kết dân vận năm 2021 tổ chức ngày nào?" asks about another conference than
        the one of 31/12/2020, however alike the words; "Em làm tiểu luận về giai đoạn 2016–2020. Hội
        nghị diễn ra ngày nào?" tells the years of the essay.
        """
        years = self._years[intent.id]
        return bool(years) and any(_YEAR.fullmatch(w) and w not in years for w in words(self.sentences_asked(text)))

    def _known_run(self, run: list[str]) -> bool:
        """Whether the knowledge base has these capitalized words together, as the matcher reads them.

        "Trưởng BDV TW" is "trưởng ban dân vận trung ương", and so is "PTB BDVTW" (a word said twice
        in a row counts once). Known plain words at either end may be English around a Vietnamese
        name ("the Central Ban Dân vận"): what is left, two words at least ("Ban Tuyên" is not
        "Tuyên"), is tried too.
        """
        def known(words: list[str]) -> bool:  # "PTB BDV" reads "phó trưởng ban ban dân vận": "ban" once
            tokens = self._tokens(" ".join(words))
            once = [t for i, t in enumerate(tokens) if i == 0 or t != tokens[i - 1]]
            return self._known_text.has(once)

        def plain(words: list[str]) -> bool:
            return all(w.isascii() and fold(w) in self._known for w in words)

        n = len(run)
        return any(known(run[start:end]) for start in range(n) for end in range(n, start + 1, -1)
                   if (start, end) == (0, n) or (plain(run[:start]) and plain(run[end:])))

    def _misspelt_name(self, run: list[str]) -> bool:
        """Whether a run is one of the report's places or people typed one letter off: "Cà Mao" is Cà Mau,
        "Trần Quốc Vượn" is Trần Quốc Vượng."""
        typed = " ".join(words(" ".join(run)))
        return any(Levenshtein.distance(name, typed, score_cutoff=1) <= 1 for name in self._known_names)

    def _known_parts(self, run: list[str]) -> bool:
        """Whether a run mixing Vietnamese names and English title words is known part by part.

        "Cà Mau Provincial Party Secretary Nguyễn Tiến Hải" is "Cà Mau", "Provincial Party
        Secretary" and "Nguyễn Tiến Hải": names of two words or more that the knowledge base
        holds, known English words, and the given names of its people ("Lĩnh PTB BDV TW").
        "Nguyễn Phú Trọng" is no such name, whatever its words.
        """
        covered = [True] + [False] * len(run)  # covered[i]: run[:i] splits into known parts
        for i in range(len(run)):
            if not covered[i]:
                continue
            if (run[i].isascii() and fold(run[i]) in self._known and not run[i].isupper()) \
                    or fold(run[i]) in self._given_names:
                covered[i + 1] = True
            for j in range(i + 2, min(i + _LONGEST_NAME, len(run)) + 1):
                if self._known_run(run[i:j]):
                    covered[j] = True
        return covered[-1]

    @staticmethod
    def asks_the_bots_view(text: str) -> bool:
        """Whether the question asks the bot's own judgement or advice: "bạn thấy bài phát biểu … hay nhất
        ở chỗ nào", "theo bot xã mình nên làm mô hình nào" (not "theo bạn, ai chủ trì?", a fact)."""
        typed = " ".join(raw_words(text))
        view = _BOTS_VIEW.search(typed) or (_BOTS_VIEW_PLAIN.search(typed) if typed.isascii() else None)
        return view is not None and bool(_JUDGED.search(" ".join(words(typed[view.end():]))))

    def checks_claim(self, words: list[str]) -> bool:
        """Whether the question (folded ``words``) checks a claim: "… đúng không", "is that accurate"."""
        return self._claims_in(tuple(words))

    @functools.lru_cache(maxsize=64)  # noqa: B019 - asked several times for each candidate of the same question
    def _claims_in(self, words: tuple[str, ...]) -> bool:
        return bool(self._claims.find(words))

    def claims_a_day(self, text: str) -> bool:
        """Whether the question checks a claim that states a day ("Hội nghị diễn ra sáng 31/12/2020 đúng
        không?"): the day is what it asks, though the conference's own day is read as context."""
        return self.checks_claim(words(text)) and bool(_CLAIMED_VALUES[0].search(" ".join(fold(text).lower().split())))

    def claims_a_value_told(self, text: str, intent: Intent) -> bool:
        """Whether the question checks a claim stating a value of a kind ``intent``'s answer tells, so
        that the answer confirms or corrects it: a day, a span of years, or a count of the same thing
        ("… kết nối 36 điểm cầu. Con số này có chính xác không?" is told by the 63 bridge points)."""
        if not has_digit(text):  # every value is written with digits
            return False
        asked = " ".join(fold(text).lower().split())
        kinds, things = self._values_told(intent)
        if any(k in kinds and choice.search(asked) for k, choice in enumerate(_VALUE_CHOICES)):
            return True  # "nhiệm kỳ tới là 2021-2026 hay 2020-2025": two values offered
        if not self.checks_claim(words(text)):
            return False
        return any(k in kinds and value.search(asked) for k, value in enumerate(_CLAIMED_VALUES)) or any(
            w in things for m in _COUNTED_THING.finditer(asked) for w in m.groups()[1:]
            if w and not w.isdigit() and w not in _NOT_COUNTED)

    def _values_told(self, intent: Intent) -> tuple[frozenset[int], frozenset[str]]:
        """Which kinds of ``_CLAIMED_VALUES`` an answer tells, and the words it counts ("63 điểm cầu");
        read once per answer."""
        found = self._told.get(intent.id)
        if found is None:
            told = " ".join(fold(_answer_text(intent)).lower().split())
            kinds = frozenset(k for k, value in enumerate(_CLAIMED_VALUES) if value.search(told))
            found = kinds, frozenset(w for m in _COUNTED_THING.finditer(told) for w in m.groups()[1:]
                                     if w and not w.isdigit())
            self._told[intent.id] = found
        return found

    def offers_an_answer(self, words: list[str]) -> bool:
        """Whether the question asks who or which and offers an answer to check ("do cơ quan nào tổ
        chức? Đáp án có phải là Ban Tuyên giáo không?"): a name the report lacks is then the premise
        the answer corrects, not the subject."""
        return bool(_ASKS_WHICH & set(words)) and self.checks_claim(words)

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Evidence per knowledge base; asked for each candidate
    def unknown_names(self, text: str) -> tuple[str, ...]:
        """Names the knowledge base has never seen: "Bạc Liêu", "Nguyễn Phú Trọng", "COVID".

        A question about them is about something else, however well its other words match. A
        name is a run of capitalized words (a capital at the start of a sentence proves nothing):
        one Vietnamese word or acronym unknown to the knowledge base; a run with diacritics that
        stands nowhere in it ("Nguyễn" and "Trọng" are known words, "Nguyễn Phú Trọng" is not a
        known name); a run of three plain words with one unknown. English Title Case of known
        words ("Action Program", "People's Committee") is left alone, and so is a first clause in
        which the asker says who they are ("Tôi làm ở Sở Nội vụ tỉnh, …").
        """
        text = split_preamble(clean(split_glued(strip_markup(text))))[1]
        if _capital_only_opens(text):
            return ()
        runs: list[tuple[list[str], bool, list[str]]] = []  # capitalized words, at a sentence's start, words after
        last_end = tail_end = -1
        for m in _WORD_WITH_CASE.finditer(text):
            word = m.group(0)
            if not word[0].isupper() or word.isdigit():
                end = last_end if last_end >= 0 else tail_end
                if runs and end >= 0 and len(runs[-1][2]) < _NAME_TAIL and not text[end:m.start()].strip():
                    runs[-1][2].append(word)
                    tail_end = m.end()
                else:
                    tail_end = -1
                last_end = -1
                continue
            if last_end >= 0 and not text[last_end:m.start()].strip():
                runs[-1][0].append(word)
            else:
                runs.append(([word], starts_sentence(text[: m.start()]), []))
            last_end = m.end()
        found = []
        for run, at_start, after in runs:
            if at_start:  # "Ngoài Bí thư…": the sentence's first word is capitalized anyway
                run = run[1:]
            while run and fold(run[0]) in _HONORIFICS:  # "Madame Trương Thị Mai" is Trương Thị Mai
                run = run[1:]
            if not run:
                continue
            accented = any(not w.isascii() for w in run)
            if len(run) == 1:
                word = run[0]
                # "Vượg" is no syllable at all: a typo for a known name, not a new one
                unknown = fold(word) not in self._known and (
                    (accented and is_syllable(fold(word))) or (word.isupper() and len(word) >= 3))
            elif accented:
                unknown = not self._known_run(run) and not self._known_parts(run) and not self._misspelt_name(run)
            else:
                unknown = len(run) >= 3 and any(fold(w) not in self._known for w in run)
            # "Ban Dân vận", "Mặt trận Tổ quốc": a name's later words are not capitalized
            if unknown and not any(self._known_run(run + after[:k]) for k in range(1, len(after) + 1)):
                found.append(" ".join(run))
        return tuple(found)


def _capital_only_opens(text: str) -> bool:
    """Whether ``text`` has no capital letter but, at most, one opening a sentence: then it names
    nothing, and most questions ("Báo cáo nói gì về …?") need not be read word by word."""
    lower = text.lower()
    if lower == text:
        return True
    if len(lower) != len(text):
        return False
    first = next(i for i, (a, b) in enumerate(zip(text, lower, strict=True)) if a != b)
    return text[first + 1:] == lower[first + 1:] and starts_sentence(text[:first])


#: A yes-or-no question's last words, folded: "… có nói gì … không (em, chau, a)".
_YES_NO_END = re.compile(r"\b(?:khong|ko|k|hong|hok|chua)(?: (?:a|em|chau|con|ban|vay|nhi|ad|bot))*$")


def offered_instead(text: str, name: str) -> bool:
    """Whether ``name`` is offered as one of two choices ("… BDV TW tổ chức, hay VP TW Đảng?", "Ban
    Tuyên giáo hay Ban Dân vận tổ chức?"): the report may hold the other, and the answer then
    corrects the question. Not beside "or": "Catholics or Khmer Theravada Buddhists" offers two
    things the report never names. Nor a guess the asker owns up to as mistaken, after a question: "…
    đặt ở thành phố nào, em tưởng ở Sài Gòn?", "…, I thought it was Saigon", or tags to it: "… ở đâu, Sài Gòn hả?",
    "… thành phố nào vậy, có phải TP Hồ Chí Minh không?"."""
    folded, named = " ".join(words(text)), re.escape(" ".join(words(name)))
    guess = (r"[,;?.!]\s*(?:\w+\s+){0,2}(?:(?<!thu )(?<!tu )(?<!doi )tuong|i thought|i assumed)"
             rf"(?:\s+\w+){{0,3}}\s+{named}\b")
    # …or a guess tagged to a question of where or who: "Đầu cầu chính đặt ở đâu, Sài Gòn hả?"
    tagged = (rf"\b(?:dau|ai|(?:diem cau|dau cau|thanh pho) nao|where|which city|who)\b[^,;?.!]*[,;]\s*"
              rf"(?:(?:co phai(?: la)?|phai|o|tai|la|in|at|tp|thanh pho|is it|was it)\s+){{0,3}}{named}"
              r"(?:\s+(?:ha|a|hay sao|phai khong|dung khong|chang|chu|hong|ko|khong|right|maybe))?\s*[?.!]*\s*$")
    lowered = fold(text).lower()
    if (re.search(guess, lowered) or re.search(tagged, lowered)) \
            and len(re.findall(rf"\b{named}\b", folded)) == 1 \
            and not re.search(r"\b(?:tướng|tượng)\b", text.lower()):  # "thủ tướng …", "đối tượng …" guess nothing
        return True
    if _YES_NO_END.search(folded):  # "có nói gì về phụ nữ hay Hội phụ nữ không": "hay" lists, offers no choice
        return False
    return bool(re.search(rf"\bhay(?: \w+){{0,2}} {named}\b|\b{named}(?: \w+){{0,1}} hay\b", folded))


def _within(asked: tuple[str, ...], held: tuple[str, ...]) -> bool:
    """Whether the post asked about is the post held, perhaps shortened ("bí thư Cà Mau")."""
    if asked[0] != held[0]:
        return False
    rest = iter(held)
    return all(word in rest for word in asked)


def _answer_text(intent: Intent, with_detail: bool = True) -> str:
    """An intent's answer and (unless told not to) detail, in both languages."""
    details = (intent.detail, intent.detail_en) if with_detail else ()
    return " ".join(t for t in (intent.answer, intent.answer_en, *details) if t)


#: Words after "chỗ nào" / "ở đâu" that make it a place in the report's text, or "somewhere".
_IN_THE_TEXT_AFTER = (("trong", "bai"), ("trong", "bao", "cao"), ("trong", "ban"), ("trong", "tai", "lieu"),
                      ("trong", "van", "ban"), ("in", "the", "report"), ("in", "the", "document"),
                      ("in", "the", "article"), ("in", "the", "text"))
#: English verbs of mentioning a few words after "where": "Where does the summary report mention …?".
_MENTIONS_LATER = frozenset({"mention", "mentions", "mentioned", "discuss", "discusses", "discussed"})
MENTION_AFTER = 6
#: Verbs of mentioning before "chỗ nào": "nhắc ở chỗ nào", "được đề cập ở đâu".
_MENTIONED = frozenset({"nhac", "mention", "mentioned", "cap", "noi"})
#: Verbs of working before "ở đâu" ("làm ở đâu", "công tác ở đâu", "làm việc ở đâu"), said of someone.
_WORKS = frozenset({"lam", "tac", "viec"})
#: Words that speak of someone, folded ("ông", "người", "she").
SOMEONE = frozenset({"ong", "ba", "anh", "chi", "nguoi", "vi", "dong", "chu", "he", "she"})
#: English verbs of working a few words after "where": "Where does Linh work?" asks his office.
_WORKS_EN = frozenset({"work", "works", "working", "worked"})
WORKER_AFTER = 6
#: How many words before the verb of working the person may stand ("ông Nguyễn Hồng Lĩnh làm ở đâu").
WORKER_BEFORE = 6
#: How many words before "chỗ nào" a verb of mentioning may stand ("nói về … nông thôn mới, nói ở chỗ nào").
MENTION_BEFORE = 5
#: Verbs of mentioning right after "chỗ nào": "Có chỗ nào nói việc sắp xếp lại bộ máy không?" asks
#: whether the report says it anywhere, not where.
_MENTIONED_AFTER = (("nhac",), ("noi",), ("ghi",), ("viet",), ("de", "cap"), ("say",), ("says",), ("mention",),
                    ("mentions",))


def _in_the_text(folded: list[str], start: int, end: int) -> bool:
    """Whether a place cue at ``folded[start:end]`` asks where in the report, says "somewhere", or
    asks where someone works: "ông đó làm ở đâu" asks his office, which his posts give."""
    after = tuple(folded[end:end + 3])
    somewhere = folded[end - 1:end + 1] == ["dau", "do"]  # "ở đâu đó"
    before = folded[max(start - WORKER_BEFORE, 0):start - 1]
    # "chú làm phó ở đâu": a post may stand between the verb and the cue
    works = start >= 2 and (folded[start - 1] in _WORKS or folded[start - 2] in _WORKS) \
        and bool(SOMEONE & set(before)) and "nguoi ta" not in " ".join(before)  # "người ta làm ở đâu": where held
    works = works or (folded[start:end] == ["where"] and bool(_WORKS_EN & set(folded[end:end + WORKER_AFTER])))
    in_text = any(after[:len(words)] == words for words in (*_IN_THE_TEXT_AFTER, *_MENTIONED_AFTER)) \
        or bool(_MENTIONS_LATER & set(folded[end:end + MENTION_AFTER]))  # "where does the report mention …"
    return somewhere or works or in_text or bool(_MENTIONED & set(folded[max(start - MENTION_BEFORE, 0):start])) \
        or _place_told(folded, start, end)


#: Words that make a place word ask which place: "hội trường nào", "which hall".
_WHICH_PLACE = frozenset({"nao", "gi", "j", "dau", "where", "which", "what"})
#: Words who asks with, folded: "ngồi dự ở hội trường tỉnh là ai" asks who sat there.
_WHO_WORDS = frozenset({"ai", "who"})


def _place_told(folded: list[str], start: int, end: int) -> bool:
    """Whether a place word that asks nothing by itself ("hội trường", "địa điểm") is told where someone was
    while the question asks who: "người đứng đầu Tỉnh ủy ngồi dự ở hội trường tỉnh là ai" asks a name, not a hall
    ("ở hội trường nào" still asks which)."""
    before = folded[max(start - 2, 0):start]
    if _WHICH_PLACE & set(folded[start:end + 1]) or not (before[-1:] in (["o"], ["tai"], ["in"], ["at"])
                                                         or before in (["in", "the"], ["at", "the"])):
        return False
    return bool(_WHO_WORDS & set(folded))
