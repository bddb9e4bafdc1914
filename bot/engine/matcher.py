"""Deciding what a question asks: answer, ask which, refuse, or small talk; pure, no I/O.

The lexical index (``bot.engine.lexical``) ranks the intents by their words. This module reads
the question as a person would to order and judge that ranking: who it names, which speech or
item of a list it points to, what it sets aside, whether a refusal or an overview should yield,
whether the semantic model's second opinion is needed, and whether anything in the question is
evidence against the best answer.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from bot.engine.context import (
    ASKING_WORDS,
    MIN_QUESTION_WORDS,
    QUESTION_WORDS,
    REFERS_BACK,
    TO_WHAT_WAS_SAID,
    TO_WHAT_WAS_TOLD,
    points_back,
    without_agent,
    without_description,
)
from bot.engine.evidence import SOMEONE, Evidence, Objection, offered_instead
from bot.engine.lexical import Candidate, LexicalIndex, features
from bot.engine.ordinals import YEAR_FROM, ItemRef, ListItems
from bot.engine.smalltalk import CLAUSE_BREAK, LEAVE_WORDS, Cue, SmallTalkCues
from bot.kb.loader import KnowledgeBase
from bot.kb.schema import Intent, OutOfScope, Person
from bot.text.normalize import (
    PhraseSet,
    contains_phrase,
    fold,
    only_says_who_asks,
    questions_asked,
    quoted,
    raw_words,
    sentences,
    split_preamble,
    without_afterword,
    without_set_aside,
    words,
)

#: What someone's own answer gives (folded): their titles ("chức vụ", "chức danh", "what titles", "his
#: position"), and where they took part from ("Vượng attended from the Cà Mau bridge point?", "ông ấy
#: thật ra dự ở đâu").
_ASKS_OWN = re.compile(r"\b(?:chuc vu|chuc danh|cuong vi|giu chuc|(?:la|giu) chuc gi|titles?|positions?|posts held|"
                       r"(?:what|which) posts|official title|"
                       r"(?:attend(?:ed)?|joined|took part|participated|tham du|du hoi nghi)(?: \S+){0,3} from|"
                       r"(?:du|tham du|ngoi du|ngoi|hop|theo doi)(?: \S+){0,2} (?:o|tai) "
                       r"(?:dau(?! cau)|diem cau nao|cho nao|noi nao|diem cau (?:\S+ ){1,3}(?:hay|hoac|or)))\b")
#: …or whether they sat at one of the report's places, asked of them alone (folded): "ông Vượng có dự ở điểm
#: cầu Cà Mau không", "was Vuong physically at the Ca Mau bridge point, or somewhere else".
_SAT_AT = re.compile(r"\b(?:du|tham du|ngoi du|co mat)(?: \S+){0,2} (?:o|tai) (?:diem cau )?(?:tinh |thu do )?"
                     r"(?:ca mau|ha noi)(?: \S+){0,2}? (?:khong|ko|k|hong|hok|chua|phai khong|dung khong|ha)"
                     r"(?: (?:a|ak|chau|em|ban|bot|ad|vay|nhi|nha|nhe))?$|"
                     r"\b(?:was|were)\b(?: \S+){1,5}? (?:physically |actually |personally |really )?"
                     r"(?:at|in) (?:the )?(?:ca mau|ha noi|hanoi)(?: bridge point| point| venue)?"
                     r"(?: or (?:somewhere else|elsewhere|not|in \S+(?: \S+)?))?$")
#: Words that bring others into where someone sat, folded: "có ai ngoài ông Hải dự ở Cà Mau không", "ông Hải
#: với lãnh đạo HĐND tỉnh …", "was Hai the only leader at Ca Mau".
_WITH_OTHERS = re.compile(r"\b(?:ai|ngoai|voi|only|besides|along|together|other|others|leaders?|officials?)\b")
#: …and "cùng" (with) as typed, since it folds as "cũng" (also) does: "Cùng ông Hải, lãnh đạo Ban Dân vận …".
_TOGETHER = re.compile(r"\bcùng\b", re.IGNORECASE)
#: A clause that says who someone is, between commas: "Nguyễn Hồng Lĩnh, người trình bày báo cáo
#: tóm tắt, giữ chức gì?" names the summary report to say who, not to ask about it.
_APPOSITIVE = re.compile(r",\s*(?:người|vị|who|the one who|the man who|the woman who)\s[^,?;:.]{1,80}(?=,)",
                         re.IGNORECASE)
#: Whether anyone, or anyone of some group, spoke (folded): "did any Cà Mau official speak", "có đại
#: biểu nào phát biểu tham luận không", "was anyone else invited to speak"; not whether anyone at all spoke
#: about something ("did anyone speak about human rights": the answer on human rights says who).
#: …the words of speaking, up to eight words after who.
_SPOKE = (r"(?: \S+){0,8}? (?:speak|spoke|speech|speeches|phat bieu|tham luan|present(?:ed)? (?:a|any) report|"
          r"took the floor)\b")
_ANYONE_SPOKE = re.compile(rf"\b(?:any(?!one|body)|(?:dai bieu|nguoi|vi|can bo|lanh dao) nao)\b{_SPOKE}|"
                           rf"\b(?:anyone|anybody|someone|ai khac|co ai)\b{_SPOKE}(?! (?:about|on|ve|toi|den)\b)")
#: Two things asked at once: "When was it held, and did people meet in person or online?".
#: How many words may stand between a name and the speech given to them ("Lĩnh *đã* kết luận …").
_GIVER_GAP = 5
#: Verbs of giving a speech, folded ("Vượng trình bày báo cáo", "Lĩnh's closing remarks", "Vượng nêu…").
_GIVES = frozenset({"trinh", "doc", "phat", "ket", "neu", "s", "gave", "gives", "give", "delivered", "deliver",
                    "presented", "present", "presents", "read", "made"})
#: Words that join two things named, folded: "Vượng's speech and the conclusion" gives no speech to Vượng.
_JOINS = frozenset({"and", "or", "va", "hay", "voi", "vs", "hoac"})
#: What a list item named by its position may still be unable to give: a figure or a kind of detail
#: ("Phụ cấp … theo nhiệm vụ (7) … tăng thêm bao nhiêu tiền"), a reason, or how things stand today ("Tại sao
#: phải kiện toàn … như nhiệm vụ 7, bộ máy hiện tại có vấn đề gì?"); other objections read its own words wrongly.
_INSIDE_AN_ITEM = frozenset({Objection.COUNT, Objection.DETAIL, Objection.WHY, Objection.NOW})
#: …and what a list counted cannot tell: what came of it, or a detail it never gives.
_BEYOND_A_LIST = frozenset({Objection.AFTER, Objection.DETAIL})
_TWO_PARTS = re.compile(r",?\s(?:and|và)\s", re.IGNORECASE)
#: A question of this many words or more must share two in a row with a leader below accept_score.
MIN_PAIRED = 3
#: English question words that also join a clause ("someone who grew up", "the year when"): in a
#: message of statements only, they ask nothing.
_RELATIVE = frozenset({"who", "which", "what", "when", "where", "how", "why"})
#: "dau" typed plain that is "đầu" (first), folded: "lần đầu", "đầu tiên".
_FIRST_TIME = re.compile(r"\blan dau\b|\bdau tien\b")
#: Words that make a relative word ask after all: "I wonder what Mai said about the Front."
_WONDER = re.compile(r"\b(?:wonder|wondering|want to know|like to know|curious|tell me|explain)\b", re.IGNORECASE)
#: The kinds of fact asked that an overview may give beside its part: a count, a date, a year, a place.
_KINDS_OF_FACT = frozenset({Objection.COUNT, Objection.TIME, Objection.YEAR, Objection.PLACE})
#: The word that stands for a day claimed, once the conference's own day is dropped as context.
_DAY_WORD = "ngay"
#: A place's own doings asked, folded: "kết quả riêng của Cà Mau", "Cà Mau's own results", or the place
#: judged: "Tỉnh Cà Mau được Trung ương đánh giá thế nào".
_OWN = re.compile(r"\b(?:rieng|own|specifically|in particular)\b|"
                  r"\bduoc (?:\w+ ){0,3}?(?:danh gia|nhan xet|khen|ghi nhan)\b|\b(?:rated|judged|assessed|praised)\b")
#: Who organized the conference, asked (folded): "cơ quan nào tổ chức", "do ban nào", "who organized"; not "hội nghị
#: tổ chức ngày nào", which asks when it was held, nor the organizer told in passing ("BDV TW tổ chức HN … thế
#: nào").
_ORGANIZER_ASKED = re.compile(r"\b(?:(?:co quan|ban|don vi|ai) nao|do ai|ban nao|co quan nao)(?: \w+){0,3} "
                              r"(?:to chuc|lo lieu)\b|\bdo (?:ban|co quan|don vi) nao\b|"
                              r"\b(?:which (?:body|agency|organi[sz]ation|commission|organ)|who)(?: \w+){0,2} "
                              r"(?:organi[sz]ed|hosted|convened)\b|"
                              r"\borgani[sz]ed by (?:whom|which)\b")
#: How it was held, asked (folded): "trực tiếp hay trực tuyến", "tổ chức kiểu gì", "in person or online", "in what
#: format".
_FORMAT_ASKED = re.compile(r"\b(?:truc tuyen|truc tiep|online|onl|hinh thuc|kieu gi|in person|noi mang|format)\b")
#: An answer that says who organized it.
_ORGANIZED = re.compile(r"\btổ chức\b|\borgani[sz]ed\b")
#: How deep among the candidates a part of the leader's overview may stand and still give what the leader cannot.
SIBLING_DEPTH = 5
#: Words that say what the asker did with an answer: "Cảm ơn, phần nhiệm vụ thứ 3 mình ghi lại rồi",
#: "thông tin về nhiệm vụ số 6 rất có ích" remark on it; "Cảm ơn. Nhiệm vụ thứ 3." asks for it.
_DONE = re.compile(r"\b(?:rồi|xong|ghi lại|lưu lại|chép lại|có ích|hữu ích|noted|got it|useful|helpful)\b")
#: …typed without marks ("rối", confused, is no "rồi": the marks decide when there are any).
_DONE_PLAIN = re.compile(r"\b(?:roi|xong|ghi lai|luu lai|chep lai|co ich|huu ich)\b")
#: A question about one person: "who…, and what is his position?", "ông nào", "vị nào".
_ONE_PERSON = re.compile(r"\bwho\b.*\b(?:his|her)\b|\b(?:ông|bà|vị|người) (?:nào|gì)\b|"
                         r"\bwhich (?:official|person|leader)\b|"
                         # "… là ai, và bà ấy còn nắm vị trí nào"
                         r"\bai\b.*\b(?:ông|bà) (?:ấy|ta)\b", re.IGNORECASE)
#: …or someone described, not named, whose name is asked: "ông cấp phó ở cơ quan … tên gì" ("ông Lĩnh trình bày
#: bản báo cáo tên là gì" asks the report's name).
_ONE_DESCRIBED = re.compile(r"^\W*(?:ông|bà)\b[^,.;?]*\btên (?:là )?gì\b", re.IGNORECASE)
#: Something the question asks about as mentioned in a list item, folded: "cuộc bầu cử được nhắc đến trong
#: nhiệm vụ thứ tư", "… mà nhiệm vụ thứ tư nhắc tới", "the election mentioned in task four". The item is
#: where it was mentioned, not what is asked.
_MENTIONED_IN = re.compile(r"\b(?:nhac|neu|de cap)(?: (?:den|toi|ra))? (?:trong|o|tai)\b|"
                           r"\bma (?:\w+ ){1,5}(?:nhac|neu|de cap)\b|\b(?:mentioned|referred to|cited) in\b")
#: A day written out: "31/12/2020", "ngày 31".
_DAY = re.compile(r"\b\d{1,2}/\d{1,2}\b|\bngày \d{1,2}\b")
#: Words that name a list item, as tokens, and how near the start they make it what a question asks about.
_ITEM_WORDS = frozenset({"nhiem", "nv", "task", "viec", "y", "muc"})
ITEM_OPENS = 3
#: Words that name a kind of group, not which one (folded).
_GROUP_WORDS = frozenset({"hoi", "doan", "to", "chuc", "union", "association", "the", "of", "s", "trung", "uong",
                          "tinh", "huyen", "lien", "hiep"})
#: Words of wanting something, folded: "em bên đoàn thanh niên xã cần danh sách…", "nhờ bot tóm tắt".
_WANTS = frozenset({"can", "nho", "giup", "muon", "xin", "tom", "liet", "need", "want", "please", "pls", "summary",
                    "list"})
#: A clause pointing back to a group named before it, folded: "về họ", "their", "cộng đồng này".
_BACK_TO_THEM = re.compile(r"\b(?:they|their|(?:cong dong|dong bao|ba con|to chuc|hoi|doan) (?:nay|do|ay)|"
                           r"(?:hoi|doan|to chuc)(?: cua)? (?:chi|em|toi|minh|tui|chung toi|chung em|bac)|"
                           r"(?:our|my) (?:union|association|organisation|organization))\b")
#: First words of a clause that goes on with the one before it, as typed: "…, được đánh giá thế nào"
#: (typed plain, only "duoc": "bi" is also "bí thư").
_GOES_ON = frozenset({"được", "bị", "thì", "đã", "sẽ", "duoc", "is", "are", "was", "were"})
#: …and "them", "họ" as typed ("thêm" and "hồ" fold alike).
_THEM = frozenset({"them", "họ"})
#: A person pointed back to ("ông giữ chức gì", "what did she ask"), by the pronoun that fits them; "bà" only as
#: typed, since "ba" is also three.
_PRONOUNS = {"he": frozenset({"ong", "he", "him", "his"}), "she": frozenset({"bà", "she", "her"})}
#: A question that asks who, folded.
_ASKS_WHO = re.compile(r"\b(?:ai|who|whom|nguoi nao|vi nao|ong nao|ba nao|la nguoi|by whom|presented by|delivered by|"
                       r"given by|which (?:leader|official|person|one|of them))\b")
#: Words that speak of someone, folded: the evidence's, with "đ/c", pronouns and titles ("where did he sit").
_SOMEONE_WORDS = SOMEONE | {"dc", "d", "c", "his", "her", "him", "leader", "leaders", "official", "officials", "lanh",
                            "dao", "bac"}
#: At most this many words in the only sentence that asks, when it only checks what the others tell ("Is that right?").
_CHECK_ONLY_WORDS = 5
#: A period asked, folded: "giai đoạn nào", "which period"; and a span of years an answer gives it by.
_PERIOD_ASKED = re.compile(r"\b(?:giai doan nao|gd nao|thoi ky nao|giai doan may nam|which period|what period|"
                           r"what years|which years|time frame|timeframe|time span|"
                           # "từ năm bn tới năm bn", "từ năm mô đến năm mô"
                           r"tu nam (?:nao|may|bao nhieu|bn|mo) (?:toi|den) (?:nam )?(?:nao|may|bao nhieu|bn|mo))\b")
_YEAR_SPAN = re.compile(r"\b\d{4}\s*[-–]\s*\d{4}\b")
#: What someone told people to do, as typed ("dặn" folds like "dân"): "dặn cán bộ …", "urged officials to …".
_TOLD_TO = re.compile(r"\b(?:dặn|căn dặn|dặn dò|yêu cầu|yeu cau|nhắc nhở|giao việc|urged?|urging|called for|"
                      r"asked (?:\w+ ){0,3}?to|told (?:\w+ ){0,3}?to|instructed)\b", re.IGNORECASE)
#: Asking for the rest of a list: "có Bt Tỉnh ủy …, còn ai nữa k", "who else was there besides him?".
#: The people set aside, as typed, up to where the question goes on: "Ngoài ông Vượng, bà Mai với ông Lĩnh ra
#: thì …", "Besides Vuong, Mai and Linh, which …".
_SET_ASIDE_LIST = re.compile(r"\b(?:ngoài|ngoai|besides|apart from|other than|except)\b.{1,120}?"
                             # ("Thi" capitalised is a name's middle word: "Truong Thi Mai", no "thì")
                             r"(?=\s+(?:ra|thì|(?-i:thi)|còn|con)\b|,\s*(?:which|who|what|were|was|did|are|is)\b)",
                             re.IGNORECASE)
#: A person asked for, folded: "còn ai", "lãnh đạo nào", "tên gì", "which other leaders" (not "nhiệm vụ nào khác").
_PERSON_ASKED = re.compile(r"\b(?:ai|who|lanh dao|vi|dong chi|nguoi|dai bieu|quan chuc|can bo|leaders?|officials?|"
                           r"people|persons?|anyone|anybody|delegates?|ten (?:gi|j)|names?)\b")
#: Others asked for, folded: "lãnh đạo nào khác", "còn ai nữa", "còn những lãnh đạo bộ, ngành nào", "which
#: other leaders".
_OTHERS_ASKED = re.compile(r"\b(?:khac|nua|who else|other|others|anyone else|anybody else|"
                           r"con (?:nhung |cac )?(?:\w+ ){1,7}?nao)\b")
_WHO_ELSE = re.compile(r"\b(?:ai nua|ai khac|nhung ai nua|con nhung ai|who else|anyone else|anybody else|who other)\b")
#: Words before a speech named as the source of what is asked: "theo báo cáo tóm tắt", "according to the summary".
_CITES = re.compile(r"\b(?:theo|according to(?: the)?)$")
#: Where the conference or its central point was, in a claim: "the central bridge point was in …", "held in …", "họp
#: tập trung ở …".
_WHERE_HELD = re.compile(r"\b(?:(?:diem|dau) cau (?:trung tam|chinh)|central|hub|held|venue|took place|"
                         r"(?:to chuc|hop|dien ra)(?: tap trung| truc tiep| chung)? (?:o|tai))\b")
#: The matcher's words for the conference, its work and its day: a message speaking of them asks about them.
_THE_SUBJECT = ("hoi nghi", "dan van", "hom do", "buoi do", "ngay do")
#: Who someone is, asked at the end, folded: "… là ai", "… là ai vậy", "who was the …".
_WHO_DESCRIBED = re.compile(r"\bla (?:ai|ong nao|ba nao|vi nao)(?: (?:vay|the|a|ha|nhi|z|v|ta))?$|^who (?:was|is)\b")
#: The central bridge point, folded: "điểm cầu trung tâm", "the central point".
_CENTRAL_POINT = re.compile(r"\b(?:diem|dau) cau (?:trung tam|chinh)\b|\bcentral (?:bridge )?(?:point|hub)\b")
#: An English yes/no question: "Was the central bridge point in Ho Chi Minh City?".
_YES_NO = re.compile(r"^\W*(?:was|were|is|are|did|does|do|has|have|had)\b", re.IGNORECASE)
#: Words that offer alternatives: "31/12 hay 30/12", "2021 to 2025 or 2021 to 2026".
_ALTERNATIVES = frozenset({"hay", "hoac", "or"})
#: …or anywhere else, after one of the report's places, folded: "ở Hà Nội hay nối máy từ địa phương", "Hanoi or
#: remotely" (not "ở Hà Nội yêu cầu bộ, ngành hay địa phương làm gì").
_ELSEWHERE = (r"(?: \S+){0,2}? (?:hay|hoac|or)\b(?: \S+){0,3}? (?:dia phuong|tinh nha|tu xa|noi khac|cho khac|"
              r"diem cau khac|province|provinces|locally|remotely|elsewhere|somewhere else)\b")
#: What someone said, asked, folded: "nói gì", "nói những gì", "what did … say".
_WHAT_SAID = re.compile(r"\b(?:noi|phat bieu|trinh bay|ket luan) (?:nhung )?(?:gi|j)\b|\bwhat did\b")
#: Verbs of saying, folded: a question about someone's words, wherever they sat ("có nhắc…", "what did … say",
#: "yêu cầu gì về tham nhũng").
_ASKS_WORDS = re.compile(r"\b(?:(?<!\bha )noi|nhac|de cap|khoe|say|said|says|mention|mentioned|talk|talked)\b|"
                         r"\b(?:yeu cau|chi dao|nhan manh|dan do|giao) (?:\w+ )?(?:gi|j|nhung gi|dieu gi|ve)\b")
#: A close refusal is kept when this much of the question (IDF) only it explains: "vì sao hội nghị bị
#: hoãn" shares "hoãn" with the refusal of false premises, not with the purpose it ties with.
REFUSAL_OWN_WEIGHT = 6.0
#: How far behind the leader the closest list item may be and still go first when its place is asked.
ITEM_MARGIN = 6.0
#: How far behind the leader an answer able to give the kind asked may be, in a two-part question.
TWO_PART_MARGIN = 15.0
#: …and among the candidates before this place.
TWO_PART_DEPTH = 4
#: How far behind the leader an answer holding a quoted term may be and still go first.
QUOTE_MARGIN = 10.0
#: How far behind one of its parts the overview may be and still go first, when a question sets someone aside.
WHOLE_LIST_MARGIN = 10.0
#: The fewest words of a clause that names something in passing ("nhà bác ở sát bên Campuchia").
_CLAUSE_WORDS = 3
#: How far behind the leader the speaker of the speech a question names may be, when it asks who gave it.
SPEAKER_MARGIN = 8.0
#: How far behind a leader from another speech an answer from the speech a question names may be and go first.
SPEECH_MARGIN = 8.0


#: A second opinion on a question: intent ids with the model's cosine, best first.
Opinion = Callable[[str], list[tuple[str, float]]]


class Verdict(Enum):
    """What the matcher concluded; the handler turns it into words."""

    ANSWER = "answer"
    CLARIFY = "clarify"
    OUT_OF_SCOPE = "out_of_scope"
    FALLBACK = "fallback"
    EMPTY = "empty"


@dataclass(frozen=True)
class Match:
    """The matcher's full account of one question, for replies, logs and reports."""

    verdict: Verdict
    tokens: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    out_of_scope: OutOfScope | None = None
    objection: Objection | None = None
    #: The semantic model's cosine when its second opinion decided the answer.
    semantic: float | None = None

    @property
    def best(self) -> Candidate | None:
        """The top-ranked candidate, if any."""
        return self.candidates[0] if self.candidates else None


class Matcher:
    """An index over one knowledge base; build once per load, then call ``match``."""

    def __init__(self, kb: KnowledgeBase, opinion: Opinion | None = None) -> None:
        self.kb = kb
        #: The semantic second opinion, asked when the words are unsure (attached after a snapshot is read).
        self.opinion = opinion
        self._lexical = lexical = LexicalIndex(kb)
        #: Each out-of-scope entry's triggers as folded words, read when a question names one.
        self._trigger_words = {oos.id: tuple(w for t in oos.triggers if (w := tuple(words(t))))
                               for oos in kb.out_of_scope}
        self._evidence = Evidence(kb, lexical.vocab, lexical.known_text)
        self._list_items = ListItems(kb)
        #: For each intent, the overviews that sum it up.
        self._overviews: dict[str, set[str]] = defaultdict(set)
        for intent in kb.intents.values():
            for part in intent.covers:
                self._overviews[part].add(intent.id)
        for part in list(self._overviews):  # and the overviews of those: Vượng's speech sums up his requirements
            seen, todo = set(), list(self._overviews[part])
            while todo:
                overview = todo.pop()
                if overview not in seen:
                    seen.add(overview)
                    todo += self._overviews.get(overview, ())
            self._overviews[part] = seen
        #: For each numbered list, the intent that sums up all its items (Mai's conclusion).
        self._list_overviews = {numbered.id: intent.id for numbered in kb.lists for intent in kb.intents.values()
                                if set(numbered.items) <= set(intent.covers)}
        self._people = self._evidence.people  # by name, or by a post only they hold
        self._talk = SmallTalkCues(kb, lexical.vague)
        self._subject = {t for phrase in kb.matching.subject_words for t in kb.tokens(phrase)}
        self._bare = {t for phrase in kb.matching.bare_replies for t in self.normalize(phrase)}
        self._person_intents = {p.intent for p in kb.followups.people}
        #: The answers about the delegation of the province the report lists (their titles name it), and the
        #: words that speak of a province.
        local = f" {' '.join(words(kb.matching.local_place))} " if kb.matching.local_place else None
        self._local_answers = frozenset(i.id for i in kb.intents.values() if local is not None and i.kind == "answer"
                                        and local in f" {' '.join(words(i.title))} ")
        self._local_words = [" ".join(words(w)) for w in kb.matching.local_words]
        places = "|".join(re.escape(" ".join(words(p))) for p in kb.matching.named_places) or "(?!)"
        self._elsewhere = re.compile(rf"\b(?:{places}){_ELSEWHERE}")
        #: The answers that name a place of the report ("Hà Nội", "Cà Mau"): only they can say where it was instead.
        self._place_naming = frozenset(i.id for i in kb.intents.values() if any(
            self._evidence.names(i, " ".join(words(p))) for p in kb.matching.named_places))
        #: The answers that give a span of years ("giai đoạn 2021 - 2026"): a period asked is theirs to tell.
        self._give_years = frozenset(i.id for i in kb.intents.values() if _YEAR_SPAN.search(i.answer))
        #: What each speaker's words are called ("báo cáo tóm tắt"), folded, with the topic of their answers.
        self._speech_names: PhraseSet[str] = PhraseSet(
            (kb.tokens(name), p.topic) for p in kb.followups.people if p.topic for name in p.speech)
        self._speaker_topics = {p.topic for p in kb.followups.people}
        #: The one who gave each speech, by the topic of its answers (the conclusion's: Mai's own answer).
        self._speech_givers = {p.topic: p.intent for p in kb.followups.people if p.topic and p.speech}
        #: Words looking back on the term, or ahead to 2021, folded (``_term_first``).
        self._looks_back: PhraseSet[None] = PhraseSet((words(cue), None) for cue in kb.matching.looks_back)
        self._looks_ahead: PhraseSet[None] = PhraseSet((words(cue), None) for cue in kb.matching.looks_ahead)
        #: Each speaker's answer → the overview of their speech (Lĩnh → the summary report's).
        self._speech_overview = {p.intent: top for p in kb.followups.people if p.speech for top in [next(
            (i.id for i in kb.intents.values() if i.topic == p.topic and i.covers and not self._overviews.get(i.id)),
            None)] if top is not None}

    # -- query side -------------------------------------------------------------------

    def list_overview(self, list_id: str) -> str | None:
        """The intent that sums up all the items of a numbered list (Mai's conclusion), if any."""
        return self._list_overviews.get(list_id)

    def normalize(self, text: str) -> list[str]:
        """The question's words as the index reads them: synonyms expanded, typos fixed."""
        return self._lexical.normalize(text)

    def _question_tokens(self, text: str) -> list[str]:
        """``normalize``, less the asker's introduction.

        "For my thesis on participatory governance: which forms of democracy…", "Tôi làm ở Sở Nội
        vụ tỉnh, …": who asks is not what is asked, and its words would weigh against every
        answer. An introduction that may speak of the subject ("Em đọc thấy bản tổng kết có nói
        tới người theo đạo, …"; "For my paper I need the second task from Mai's closing remarks.")
        keeps the words the knowledge base knows.
        """
        head, rest, who_only = self._introduction(text)
        if head and (not who_only or REFERS_BACK.search(rest)):
            known = [t for t in self.kb.tokens(head) if t in self._lexical.vocab]
            tokens = without_agent(without_description(known + self.normalize(rest)))
        else:
            tokens = without_agent(without_description(self.normalize(self._asked(text))))
        # "Hội nghị diễn ra sáng 31/12/2020 đúng không?": the day, dropped as context, is the claim checked
        return [*tokens, _DAY_WORD] if _DAY_WORD not in tokens and self._evidence.claims_a_day(text) else tokens

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Matcher per knowledge base; asked twice a question
    def _introduction(self, text: str) -> tuple[str, str, bool]:
        """The asker's introduction, the rest, and whether the introduction only says who asks
        (no person, no item of a list: "Tôi làm ở Sở Nội vụ tỉnh, …")."""
        head, rest = split_preamble(text)
        who_only = bool(head) and only_says_who_asks(head) and not self._people.named(head) and \
            self._list_items.find(self.normalize(head), head) is None
        return head, rest, who_only

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Matcher per knowledge base; read by three steps a question
    def _triggers_named(self, text: str, oos_id: str) -> tuple[tuple[str, ...], ...]:
        """The triggers of the out-of-scope entry ``oos_id`` that ``text`` names, as folded words."""
        folded = words(text)
        return tuple(w for w in self._trigger_words[oos_id] if contains_phrase(folded, w))

    def _asked(self, text: str) -> str:
        """The message less an introduction that only says who asks, but for the terms it quotes.

        "Hi, I am a researcher from Germany. When was it held?" names no country the report
        lacks; "As a student I don't get 'Dân vận khéo'. What does the report say?" asks about
        Dân vận khéo.
        """
        head, rest, who_only = self._introduction(text)
        if not head:
            return rest
        if who_only:
            return " ".join([*quoted(head), rest])
        return text

    def match(self, text: str) -> Match:
        """Rank the intents for ``text`` and decide whether to answer, ask, or fall back."""
        found = self._match_once(text)
        if found.verdict is Verdict.FALLBACK and found.objection is None and found.out_of_scope is None:
            return self._question_alone(text, found) or self._remark(text, found) or self._strong_leader(text, found) \
                or self._greeted(text, found) or found
        return found

    def _greeted(self, text: str, found: Match) -> Match | None:
        """The greeting, for a message that opens with one and fell back with nothing against any answer:
        "Kính chào quý vị, tôi mới tập dùng điện thoại, không biết gõ thế này có được không ạ?" is a first
        hello, better met with what the bot can answer than with "the report does not say". Not when it
        names someone, a number the report lacks, or the conference or its work: "Chào bạn, cho mình hỏi cái
        buổi họp ấy còn bàn hướng đi cho năm nào nữa" asks about it, however weakly."""
        greeting = self.kb.matching.greeting_intent
        cues = self._talk.find(text)
        if greeting is None or not any(c.intent_id == greeting and c.end - len(c.words) <= 1 for c in cues):
            return None
        joined = f" {' '.join(found.tokens)} {' '.join(words(text))} "
        if self._people.named(text) or self._lexical.unknown_number(list(found.tokens)) \
                or any(f" {subject} " in joined for subject in _THE_SUBJECT):
            return None
        return _answer(greeting, list(found.tokens), found.candidates)

    def _strong_leader(self, text: str, found: Match) -> Match | None:
        """The leader, when it fell back only for a rival as strong (``_strong``): both above
        ``accept_score`` means the question is in scope, and the leader, with the rival offered beside
        it, is a better reply than "the report does not say". Not for question words alone ("ai?"), nor
        when the question's number is the rival's alone: "Đại hội XIII được tổ chức vào ngày nào" is not
        about the conference's date."""
        if not found.candidates or set(found.tokens) <= self._lexical.vague \
                or self._lexical.unknown_number(found.tokens):  # "hội nghị năm 2019": another subject
            return None
        best = found.candidates[0]
        if self.kb.intents[best.intent_id].kind != "answer" or best.score < self.kb.matching.accept_score \
                or self._strong(best, self._rivals(text, found.candidates)) is not Verdict.FALLBACK:
            return None
        feats = self._lexical.intent_feats
        if any(t.isdigit() and t not in feats[best.intent_id]
               and any(t in feats[c.intent_id] for c in found.candidates[1:3]) for t in found.tokens):
            return None
        return Match(Verdict.ANSWER, found.tokens, found.candidates)

    def _remark(self, text: str, found: Match) -> Match | None:
        """Small talk for a message that fell back and asks nothing: a remark to the bot ("bác gõ chậm
        lắm, cháu chờ bác một tí nghen", "sr nhầm tab", "your answer is too difficult for me") is no
        question the report leaves open. The best small-talk intent among the candidates replies, or
        the capability reply (what the bot can do)."""
        reply = self.kb.matching.capability_reply
        if reply is None or not self._talk.only_remarks(text) or self._people.named(text) \
                or self._lexical.unknown_number(list(found.tokens)):  # "Ông Vượng sinh năm 1953": of someone
            return None
        talk = next((c for c in found.candidates if self.kb.intents[c.intent_id].kind == "smalltalk"), None)
        if talk is not None and talk.score >= self.kb.matching.weak_score:
            reply = talk.intent_id
        return _answer(reply, list(found.tokens), found.candidates)

    def _checks_only(self, asked: str, text: str) -> bool:
        """Whether the sentences that ask (``asked``, of ``text``) only check what the others tell: "Is that right?"."""
        return asked != text and self._only_checks(asked)

    def _only_checks(self, part: str) -> bool:
        """Whether ``part`` of a message does nothing but check a claim ("có đúng thế không", "True or false?")."""
        return len(words(part)) <= _CHECK_ONLY_WORDS and self._evidence.checks_claim(words(part))

    def _question_alone(self, text: str, found: Match) -> Match | None:
        """The answer to the sentences that ask (what follows the asker's introduction, or, when every
        sentence asks, each in turn), read alone, when the whole message fell back.

        "Có thính giả hỏi: họp trực tiếp ở Cà Mau phải không? Nhờ xác nhận giúp để tôi trả lời trên
        sóng.": the request around the question weighs against every answer. Read alone (as a message of
        its own, with its own rescues), the question must be answered well (halfway to ``accept_score``) by
        one of the first three answers of the whole message, and nothing in the whole message may object to
        it (a premise in the context still counts).
        """
        asked = questions_asked(text)
        if self._checks_only(asked, text):
            return None  # "One source says it was run from Saigon. Is that right?": read alone, it asks nothing
        # "Tôi dạy lớp 9. Buổi họp ấy nối mạng tới bao nhiêu tỉnh?": the first sentence tells
        told = asked != text and not TO_WHAT_WAS_TOLD.search(" ".join(words(asked)))
        if asked == text:  # "Mình cần giảng cho các em lớp 9 thật dễ hiểu: hội nghị … do ai tổ chức?"
            head, asked, _ = self._introduction(text)
            told = bool(head)
        # Of the numbers in what the asker tells, only years may be a premise the question rests on
        # (unless it points back at them: "… từ 8h đến 11h. Bản tin có ghi giờ như vậy không?").
        own = set(self.normalize(asked)) if told else set()
        numbers = tuple(t for t in found.tokens if not t.isdecimal() or int(t) >= YEAR_FROM or t in own) \
            if told else found.tokens
        parts = [asked] if asked != text else [s for s in sentences(text) if s.rstrip().endswith("?")]
        if (len(parts) < 2 and asked == text) or self._lexical.unknown_number(numbers):
            return None  # "… hội nghị cuối năm 2019 … Hội nghị năm đó giao nhiệm vụ gì?": a year the report lacks
        # Every sentence asks ("Who was at the Cà Mau bridge point? Like, who was the highest-ranking person
        # there and which other offices sent representatives?"): the first one answered well on its own,
        # unless another is refused ("What did Cà Mau present? Did Cà Mau report its own results?").
        alone = [self.match(part) if part != text else self._match_once(part) for part in parts]
        if len(alone) > 1 and any(self._refused(again) for again in alone):
            return None
        return next((again for again in alone if self._answered_alone(text, again, found)), None)

    def _answered_alone(self, text: str, again: Match, found: Match) -> bool:
        """Whether ``again``, a part of ``text`` matched alone, is answered halfway to ``accept_score``
        by one of the first three answers of the whole message, and nothing in the whole objects to it."""
        cfg = self.kb.matching
        if again.verdict is not Verdict.ANSWER or again.best is None \
                or again.best.score < (cfg.weak_score + cfg.accept_score) / 2 \
                or again.best.intent_id not in [c.intent_id for c in found.candidates[:3]]:
            return False
        intent = self.kb.intents[again.best.intent_id]
        return intent.kind != "answer" or self._evidence.objection(text, words(text), intent) is None

    def _refused(self, alone: Match) -> bool:
        """Whether a part matched alone is refused: out of scope, a curated refusal, or evidence against its answer."""
        return alone.out_of_scope is not None or alone.objection is not None or (
            alone.verdict is Verdict.ANSWER and alone.best is not None
            and self.kb.intents[alone.best.intent_id].kind == "refusal")

    def _match_once(self, text: str) -> Match:
        """``match`` on the message as a whole."""
        # "Who attended besides Nguyễn Tiến Hải?" is not about him; "…, em đang chạy deadline" asks no deadline
        text, aside = without_set_aside(without_afterword(text))
        tokens = self._question_tokens(text)
        if not tokens:  # nothing but filler, or only calling the bot ("bot ơi"), or emoji ("🙏😊")
            cues = self._talk.find(text)
            if cues:
                return self._small_talk(text, tokens, cues, ())
            emoji = self._emoji_reply(text)
            return _answer(emoji, tokens, ()) if emoji is not None else Match(Verdict.EMPTY, (), ())
        if "?" not in text and not (ASKING_WORDS | _WANTS) & set(words(text)) and only_says_who_asks(text) \
                and not any(w.isdigit() for w in words(text)) and (cues := self._talk.find(text)):
            return self._talk_chosen(text, tokens, cues, ())  # "Chào bot, em bên đoàn thanh niên xã": who greets
        # "Tôi là cán bộ Kiên Giang, điểm cầu tỉnh tôi có ai dự?" asks about the asker's province.
        back = points_back(text)
        oos = self._lexical.out_of_scope(text if back else self._asked(text))
        asked = questions_asked(text)  # …or the sentences it checks: "A post says … Saigon. Is that right?"
        only_checks = self._checks_only(asked, text)  # "… Ho Chi Minh City. True or false?" checks all before it
        checked = only_checks or TO_WHAT_WAS_SAID.search(" ".join(words(asked)))
        if oos is not None and self._lexical.out_of_scope(
                text if only_checks else self._evidence.sentences_asked(text) if checked else asked) is None:
            oos = None  # "In the Philippines mass organisations … . Is there anything …?": context, not subject
        candidates = self._lexical.rank(tokens)
        if oos is not None and ((oos.places and not back and self._named_in_passing(text, oos))
                                or (oos.unless and self._name_is_context(text, tokens, oos))):
            oos = None
        if oos is not None and self._answer_corrects(text, oos, candidates):
            oos = None
        elif oos is not None and (corrector := self._place_corrected(text, oos, tokens, candidates)
                                  or self._doer_corrected(text, oos, candidates)) is not None:
            return _answer(corrector.intent_id, tokens, candidates)  # "Was the central point in Ho Chi Minh City?"
        if set(tokens) <= self._bare and self.kb.matching.capability_reply is not None:  # "không", "yes"
            return _answer(self.kb.matching.capability_reply, tokens, candidates)
        if set(tokens) <= self._lexical.vague:  # "ai?", "when?": nothing to tell one answer from another…
            cues = self._talk.find(text)  # …unless asked of the bot: "cháu là ai"
            return self._small_talk(text, tokens, cues, candidates) if cues else \
                Match(Verdict.FALLBACK, tuple(tokens), candidates)
        swapped = self._speech_given_to_another(text)
        if swapped is not None:  # "ông Lĩnh kết luận hội nghị có giao 7 nhiệm vụ, vậy …": the conclusion was Mai's
            return _answer(swapped, tokens, candidates)
        if oos is not None:
            return Match(Verdict.OUT_OF_SCOPE, tuple(tokens), candidates, oos)
        # whose lists may be meant: the people named, and the speeches ("trong kết luận" is Mai's)
        topics = frozenset(p.topic for p in self._people.named(text) if p.topic) | self._speeches(text)
        item = self._list_items.find(tokens, text, topics)
        if item is not None:
            cues = self._talk.find(text)
            if self._judges_an_answer(text, cues):  # "Phần nhiệm vụ thứ tư bạn trả lời hơi dài dòng."
                return self._small_talk(text, tokens, cues, candidates)
            overview = self._list_overviews.get(item.numbered.id)
            if overview is not None and item.intent is not None and \
                    self._list_items.counted(tokens, topics) is item.numbered:
                return _answer(overview, tokens, candidates)  # "bao nhiêu nhiệm vụ, và nhiệm vụ đầu tiên là gì?"
            if overview is not None and item.intent is None and \
                    self._list_items.miscounted(tokens, text, topics) is item.numbered:
                return _answer(overview, tokens, candidates)  # "bà Mai nêu 8 nhiệm vụ, vậy nhiệm vụ thứ 8 là gì?"
            refusal = self._refusal_of_mentioned(text, tokens, item, candidates)
            if refusal is not None:  # "Cuộc bầu cử được nhắc đến trong nhiệm vụ thứ tư diễn ra ngày nào?"
                return _answer(refusal.intent_id, tokens, candidates)
            if _MENTIONED_IN.search(" ".join(words(text))) and self._no_day_for(text, item):
                # …and with no refusal near: the honest fallback, not the task
                return Match(Verdict.FALLBACK, tuple(tokens), candidates, objection=Objection.TIME)
            objection = None if item.intent is None else \
                self._evidence.objection(text, words(text), self.kb.intents[item.intent])
            if objection in _INSIDE_AN_ITEM:  # "the voter turnout in the election the fourth task names"
                return self._refused_inside(tokens, candidates, objection)
            return self._list_item(item, tokens, candidates)
        speakers = self.kb.matching.speakers_reply
        if speakers is not None and _ANYONE_SPOKE.search(" ".join(words(text))) and not self._people.named(text) \
                and not self._speeches(text) and not self._evidence.asks_why(text):  # why not: untold
            return _answer(speakers, tokens, candidates)  # "Did any Cà Mau official speak?": only three did
        claim = self._evidence.checks_claim(words(text))
        counted = self._list_items.miscounted(tokens, text, topics, right_too=claim) \
            or self._list_items.counted(tokens, topics)
        overview = self._list_overviews.get(counted.id) if counted is not None else None
        if overview is not None and not self._lexical.unknown_number(tokens) and all(
                self._people.speaks_of(self.kb.intents[overview], p)
                                        for p in self._people.named(text)):  # only when a list is counted
            # "5 nhiệm vụ trọng tâm, đúng không?", "how many tasks were set for 2021?": the overview
            # says there are seven (but not of someone else's tasks: "Vượng nêu mấy nhiệm vụ")
            objection = self._evidence.objection(text, words(text), self.kb.intents[overview])
            if objection in _BEYOND_A_LIST:  # "qua năm 2021 mấy nhiệm vụ đó làm tới đâu rồi"
                return self._refused_inside(tokens, candidates, objection)
            return _answer(overview, tokens, candidates)
        cues = self._cues_beside_introduction(text)
        numbered = self._another_number(text, tokens, candidates, aside)
        if numbered is not None and (not cues or "?" in self._talk.without_cues(text, cues)):
            return numbered
        if self._only_asks_leave(text, cues):
            reply = self.kb.matching.asks_leave_reply
            assert reply is not None
            return _answer(reply, tokens, candidates)
        if cues:
            return self._small_talk(text, tokens, cues, candidates)
        return self._settle(text, tokens, candidates, aside)

    def _emoji_reply(self, text: str) -> str | None:
        """The small talk of the first emoji typed that ``emoji_replies`` lists ("🙏" thanks), if any."""
        replies = self.kb.matching.emoji_replies
        found = [(at, reply) for emoji, reply in replies.items() if (at := text.find(emoji)) >= 0]
        return min(found)[1] if found else None

    def _name_is_context(self, text: str, tokens: list[str], oos: OutOfScope) -> bool:
        """Whether a name with broader words (``unless``) is no subject of the question: it asks a list
        item by its place ("HLHPN tỉnh cần: nv thứ 6 … gồm những ý gì?"), names it in passing, or is small
        talk that asks nothing ("cảm ơn cháu, bác đi họp chi hội cựu chiến binh đây")."""
        if self._list_items.find(tokens, text) is not None or self._named_in_passing(text, oos):
            return True
        cues = self._talk.find(text)
        return bool(cues) and not self._talk.asks(text, cues)

    def _named_in_passing(self, text: str, oos: OutOfScope) -> bool:
        """Whether the out-of-scope name stands only in clauses that ask nothing, beside one that asks
        without pointing back to it: "tỉnh có đông bà con Khmer, bí thư tỉnh ủy là ai" asks who the
        secretary is; "…, hội nghị có nói gì về họ không" asks about them, and "… họp ở thành phố Hồ Chí Minh, có
        đúng thế không" checks the claim right before it of where the conference met."""
        start = self._talk.question_start(text)
        folded = words(text)
        if start is not None and start > 0 and not ASKING_WORDS & set(folded[:start]) \
                and self._lexical.out_of_scope(" ".join(folded[start:])) is None \
                and not _points_back_to_them(" ".join(raw_words(text)[start:])):
            return True  # "chi hoi phu nu xa minh muon biet hoi nghi ngay nao": the asker's own, before the question
        clauses = [c for c in CLAUSE_BREAK.split(text) if c.strip()]
        named = [c for c in clauses if self._lexical.out_of_scope(c) is oos]
        # the name's own words, less those of any organisation ("hội cựu chiến binh" … "cho cựu chiến binh")
        # as a phrase: "nông thôn" holds no "nông dân"
        own = [kept for named_words in self._triggers_named(text, oos.id)
               if (kept := [w for w in named_words if w not in _GROUP_WORDS])]
        # a name in a list ("nhân dân Lào, Campuchia?") is no clause of its own
        checks_where = {k for k, c in enumerate(clauses) if k and clauses[k - 1] in named and self._only_checks(c)
                        and _WHERE_HELD.search(" ".join(words(clauses[k - 1])))}
        return bool(named) and all(len(words(c)) >= _CLAUSE_WORDS and not ASKING_WORDS & set(words(c))
                                   for c in named) and any(
            ASKING_WORDS & set(words(c)) and not _points_back_to_them(c) and k not in checks_where
            and not any(contains_phrase(words(c), kept) for kept in own)
            for k, c in enumerate(clauses) if c not in named)

    def _cues_beside_introduction(self, text: str) -> list[Cue]:
        """The small-talk cues, less praise or complaints inside the asker's introduction to a
        question: in "Mình muốn giải thích cho các bạn lớp 10 dễ hiểu: hội nghị … khóa đại hội
        nào?" the words "dễ hiểu" praise no answer (a greeting there still greets)."""
        cues = self._talk.find(text)
        head, rest, _ = self._introduction(text)
        if not head or not cues or "?" not in rest:  # "…, bác đọc hai lần vẫn chưa hiểu gì" asks nothing
            return cues
        opening, judging = len(raw_words(head)), {self.kb.matching.praise_reply, self.kb.matching.judgement_reply}
        return [cue for cue in cues if cue.end > opening or cue.intent_id not in judging]

    def _judges_an_answer(self, text: str, cues: list[Cue]) -> bool:
        """Whether a message speaks of the bot's answers and asks nothing: "Cảm ơn. Phần về nhiệm vụ
        thứ tư bạn trả lời lúc nãy hơi dài dòng." judges the answer on the fourth task, not asks it;
        "Cảm ơn bot, phần nhiệm vụ thứ 3 mình ghi lại rồi nhé" says what the asker did with it ("Cảm ơn,
        tiếp tục với nhiệm vụ thứ 3 nhé" asks for it next)."""
        left = self._talk.without_cues(text, cues)
        typed = " ".join(raw_words(left)).lower()
        done = _DONE.search(typed) or (typed.isascii() and _DONE_PLAIN.search(typed))
        remark = any(cue.about_bot for cue in cues) or (bool(cues) and bool(done))
        return remark and "?" not in text and not (
            self._talk.is_question(text) or self._talk.requests(left) or self._talk.asks(text, cues))

    def _another_number(self, text: str, tokens: list[str], candidates: tuple[Candidate, ...],
                        aside: str = "") -> Match | None:
        """The decision on a question with a number the report never uses, if it has one.

        A number the report never uses (another year, a ninth task, a head count) means the
        question is about something else, however close its other words are; a curated refusal
        for it ("hội nghị năm 2019") still says so in its own words. A claim with a wrong number
        ("… cho năm 2022 đúng không?") gets an answer with the right one, even beside a refusal of
        other years as close to it. Small talk around a time that asks nothing ("9 giờ tôi lên sóng
        rồi, cảm ơn bạn nhé") is decided as small talk, with this as the question left.
        """
        if not self._lexical.unknown_number(tokens):
            return None
        best = candidates[0] if candidates else None
        claim = self._best_answer(candidates)
        counted = self._counting_the_same(text, candidates)
        if counted is not None and self._checks_a_claim(text, counted):
            # "bài đăng nói có 36 điểm cầu": the answer that counts bridge points sets the claim right
            return _answer(counted.intent_id, tokens, candidates)
        if claim is not None and best is not None and self._checks_a_claim(text, claim) \
                and best.score - claim.score < self.kb.matching.refusal_margin \
                and any(ch.isdigit() for ch in self.kb.intents[claim.intent_id].answer):
            return self._settle(text, tokens, _promote(claim, candidates), aside)
        refused = best is not None and self.kb.intents[best.intent_id].kind == "refusal" \
            and best.score >= self.kb.matching.accept_score
        return Match(Verdict.ANSWER if refused else Verdict.FALLBACK, tuple(tokens), candidates)

    def _counting_the_same(self, text: str, candidates: tuple[Candidate, ...]) -> Candidate | None:
        """Among the first answers, the one that gives a number of the thing a wrong number counts
        in the question ("36 điểm cầu" → the answer with "63 điểm cầu")."""
        folded = words(text)
        counted = [" ".join(folded[i + 1:i + 3]) for i, w in enumerate(folded[:-2])
                   if w.isdigit() and w not in self._lexical.numbers]
        return next((c for c in candidates[:SIBLING_DEPTH] if self.kb.intents[c.intent_id].kind == "answer"
                     and any(re.search(rf"\b\d+ {re.escape(unit)}\b", self._evidence.answer_words(c.intent_id))
                             for unit in counted)), None)

    def _only_asks_leave(self, text: str, cues: list[Cue]) -> bool:
        """Whether the message asks leave to ask about nothing more than the conference or the report.

        "chào cháu, bác hỏi chút về cái hội nghị dân vận được ko" has no question yet: the bot says
        what it can answer. "cho bác hỏi về nhiệm vụ thứ năm được ko" asks about the fifth task.
        """
        if self.kb.matching.asks_leave_reply is None or not self._talk.asks_leave(text):
            return False
        head, rest, who_only = self._introduction(text)
        if head and who_only:  # "Dạ em chào anh chị, em là sinh viên năm hai, em hỏi mấy câu … được không ạ?"
            text, cues = rest, self._talk.find(rest)
        asked = self._talk.without_address(self._question_tokens(self._talk.without_cues(text, cues)))
        return set(asked) <= self._subject | LEAVE_WORDS | self._lexical.vague

    def _settle(self, text: str, tokens: list[str], candidates: tuple[Candidate, ...], aside: str = "") -> Match:
        """Order the candidates by what the question says (people, refusals, overviews) and decide.

        ``aside``: what the question set aside ("besides the Party secretary, which other…").
        """
        own = self._own_asked(text)
        if own is not None and all(c.intent_id != own for c in candidates):
            # sure however few words it shares (``_promote`` gives it the leader's score)
            candidates = _promote(Candidate(own, 0.0), candidates)
        named = self._people_first(text, candidates)
        ranked = self._refusals_yield(text, named)
        # A leader chosen by the people named is not asked about; one a refusal yielded to still
        # has to be clear of the rest.
        settled = bool(named) and named[0] is not candidates[0]
        ranked = self._unplaced_local_yields(f"{aside} {text}" if aside else text,
                                             self._close_refusal_yields(text, tokens, ranked))
        # (the overview of several people whose titles are asked does not yield to one of them)
        specific = ranked if ranked and ranked[0].intent_id == own else self._specific_first(ranked)
        ranked = self._holder_first(text, self._whole_named_first(tokens, ranked) or specific)
        ranked = self._someone_first(text, self._no_one_asked(text, ranked))
        ranked = self._local_first(text, self._items_first(tokens, ranked))
        ranked = self._their_words_first(text, self._speech_first(text, ranked))
        ranked = self._where_they_sat_first(text, ranked)
        ranked = self._term_first(text, ranked)
        ranked, speaker = self._speaker_first(text, ranked)
        ranked = self._local_refusal_first(text, ranked)
        # "Besides the Party secretary, who attended?" asks the whole list; "Lĩnh, ngoài là Ủy viên
        # Trung ương thì giữ chức gì" asks his other titles
        beside = aside or (text if _WHO_ELSE.search(" ".join(words(text))) else "")
        if beside and (not ranked or ranked[0].intent_id != own) and (
                self._people.named(beside) or self._evidence.names_a_post(beside)):
            ranked = self._whole_list_first(ranked)
        if aside and (self._evidence.others_holding(f"{aside} {text}")
                      or self._names_only_those_aside(aside, text, ranked)):
            # "Ngoài ông Lĩnh, các Phó Trưởng Ban khác là ai?": the report names only him
            return Match(Verdict.FALLBACK, tuple(tokens), ranked, objection=Objection.NAME)
        ranked = self._part_asked_first(text, ranked)
        ranked, quoted_term = self._quoted_first(text, ranked)
        cosine = None
        if not (settled or speaker or quoted_term) and ranked and self.opinion is not None and self._unsure(ranked):
            ranked, cosine = self._second_opinion(text, ranked)
        # Naming someone settles which answer, not that the question is answerable: that takes a
        # speech, a quoted term or the semantic model, which may then answer a leader below weak_score.
        sure = speaker or quoted_term or cosine is not None or (
            bool(ranked) and ranked[0].intent_id == own) or self._value_told(text, ranked)
        settled = settled or self._named_unrivalled(text, ranked)
        verdict, objection = self._decide(text, tokens, ranked, settled or sure, floor=sure)
        if objection is Objection.OPINION and self.kb.matching.opinion_reply is not None:
            return _answer(self.kb.matching.opinion_reply, tokens, ranked)  # no views of its own, and says so
        overview = self._shared_overview(text, ranked) if verdict is Verdict.CLARIFY or (
            verdict is Verdict.FALLBACK and objection is None and ranked
            and ranked[0].score >= self.kb.matching.weak_score) else None
        if overview is not None and ranked[0].score < self.kb.matching.accept_score and (
                not self._lexical.shares_a_pair(tokens, overview.intent_id)
                or any(t not in self._lexical.vocab for t in tokens)):
            overview = None  # weak, and near on common words alone, or with words the report never uses
        if overview is None and objection in _KINDS_OF_FACT:
            overview = self._overview_for_both(text, ranked)
        if overview is None and verdict is Verdict.ANSWER and objection is None:
            overview = self._overview_saying_it(text, ranked) or self._organizer_and_more(text, ranked)
        if overview is not None:
            # "o ca mau ai di hop, bt tinh uy co di ko": as near the leader's answer as the district
            # boards'; the list of who attended at Cà Mau holds both
            ranked, verdict, objection = _promote(overview, ranked), Verdict.ANSWER, None
        return Match(verdict, tuple(tokens), ranked, objection=objection,
                     semantic=cosine if verdict is Verdict.ANSWER else None)

    def _shared_overview(self, text: str, candidates: tuple[Candidate, ...]) -> Candidate | None:
        """The overview that sums up both of two answers too close to tell apart (either of them, if
        it sums up the other), if it is ranked. Asked what someone said, their speech's overview sums
        up their answer too: "Lĩnh trình bày những nội dung gì, chỉ năm 2020 hay cả nhiệm kỳ?" is as
        near his answer as the term's; the summary report's overview holds both."""
        if len(candidates) < 2:
            return None
        said = Objection.SAID in self._evidence.asks(text)

        def summed_up(intent_id: str) -> set[str]:
            speech = self._speech_overview.get(intent_id) if said else None
            return self._overviews.get(intent_id, set()) | {intent_id} | ({speech} if speech else set())

        shared = summed_up(candidates[0].intent_id) & summed_up(candidates[1].intent_id)
        return next((c for c in candidates if c.intent_id in shared), None)

    def _overview_for_both(self, text: str, candidates: tuple[Candidate, ...]) -> Candidate | None:
        """For a question asking two kinds of fact ("ngày nào, … bao nhiêu điểm cầu"), of which the
        leader gives one and not the other, the ranked overview of the leader that gives both."""
        asked = self._evidence.asks(text) & _KINDS_OF_FACT
        leader = self.kb.intents[candidates[0].intent_id]
        if len(asked) >= 2 and asked & self._evidence.able(leader):
            return self._overview_giving(text, candidates, asked, self._evidence.able)
        # "When was it held, and was it in person or online?": the format's answer leads without the
        # date, which a part of the same overview gives; that overview gives both
        # (a date only: any number in an answer reads as a count, any year as a year, any place named as a place)
        if asked != {Objection.TIME}:
            return None
        siblings = [c.intent_id for c in candidates[1:SIBLING_DEPTH]
                    if asked <= self._evidence.able(self.kb.intents[c.intent_id])]
        for overview in sorted(self._overviews.get(leader.id, ())):
            intent = self.kb.intents[overview]
            if asked <= self._evidence.able(intent) and any(overview in self._overviews.get(c, ()) for c in siblings) \
                    and self._evidence.objection(text, words(text), intent) is None:
                return Candidate(overview, candidates[0].score)
        return None

    def _overview_saying_it(self, text: str, candidates: tuple[Candidate, ...]) -> Candidate | None:
        """For a question asking a kind of fact ("… ngày nào, … cơ quan nào tổ chức") that the
        leader's answer leaves to its detail (who organized: its date only after "nói rõ hơn"), the
        ranked overview of the leader whose answer says it at once."""
        asked = self._evidence.asks(text) & _KINDS_OF_FACT
        leader = self.kb.intents[candidates[0].intent_id]
        if not asked or asked <= self._evidence.able_at_once(leader):
            return None
        return self._overview_giving(text, candidates, asked, self._evidence.able_at_once)

    def _organizer_and_more(self, text: str, candidates: tuple[Candidate, ...]) -> Candidate | None:
        """For a question asking who organized the conference beside when or how it was held ("do cơ quan nào
        tổ chức và diễn ra vào ngày nào", "which agency organized it, and was it held online?"), the leader's
        overview that says who organized it and when at once: the date's or the format's answer names no
        organizer, the organizer's gives no date."""
        folded = " ".join(words(text))
        if not _ORGANIZER_ASKED.search(folded) or not (
                self._evidence.asks(text) & {Objection.TIME, Objection.DAY} or self._evidence.claims_a_day(text)
                or _FORMAT_ASKED.search(folded)):
            return None
        overview = next((o for o in sorted(self._overviews.get(candidates[0].intent_id, ()))
                         if Objection.TIME in self._evidence.able_at_once(self.kb.intents[o])
                         and _ORGANIZED.search(self.kb.intents[o].answer)), None)
        return None if overview is None else Candidate(overview, candidates[0].score)

    def _overview_giving(self, text: str, candidates: tuple[Candidate, ...], asked: frozenset[Objection],
                         able: Callable[[Intent], frozenset[Objection]]) -> Candidate | None:
        """The first ranked overview of the leader that is ``able`` to give every kind ``asked``
        and that nothing in the question objects to."""
        overviews = self._overviews.get(candidates[0].intent_id, ())
        return next((c for c in candidates[1:] if c.intent_id in overviews
                     and asked <= able(self.kb.intents[c.intent_id])
                     and self._evidence.objection(text, words(text), self.kb.intents[c.intent_id]) is None), None)

    def _checks_a_claim(self, text: str, best: Candidate) -> bool:
        """Whether a question with a wrong number checks a claim the best answer corrects.

        "…cho năm 2022 đúng không?", "…64 điểm cầu, có khớp không?", or alternatives one of which
        the report holds ("31/12 hay 30/12", "2021 to 2025 or 2021 to 2026"): the answer that gives
        the right number is the reply, when it leads; without such a check, another number
        means another subject ("hội nghị năm 2019 có những ai dự").
        """
        folded = words(text)
        offers = bool(_ALTERNATIVES & set(folded)) and any(
            t.isdigit() and t in self._lexical.numbers for t in self._question_tokens(text))  # "khóa XIV hay khóa XV"
        return (offers or self._evidence.checks_claim(folded)) and self.kb.intents[best.intent_id].kind == "answer" \
            and best.score >= self.kb.matching.weak_score

    def _answer_corrects(self, text: str, oos: OutOfScope, candidates: tuple[Candidate, ...]) -> bool:
        """Whether the out-of-scope name is no subject but a choice or a premise the answer corrects:
        offered beside a place the report names ("ở Hà Nội hay TP HCM"), offered alone as the other
        choice ("ban dân vận tw hay bộ nội vụ", not "kiên giang hay bạc liêu"), or where a claim puts
        something ("Có phải điểm cầu trung tâm đặt ở TP HCM không?") that the leading answer, close
        enough to be accepted, places where the report does. Not "diplomats or international
        organisations … in Hanoi or at the Cà Mau point": the choice of places is not the name's."""
        folded = words(text)
        joined = " ".join(folded)
        named = [" ".join(phrase) for phrase in self._triggers_named(text, oos.id)]
        places = self._evidence.places_asked(text)
        if oos.places and places and _ALTERNATIVES & set(folded):
            known = "|".join(map(re.escape, places))
            if any(re.search(rf"\b(?:{known})(?: \w+){{0,3}} (?:hay|hoac|or)(?: \w+){{0,3}} {re.escape(name)}\b|"
                             rf"\b{re.escape(name)}(?: \w+){{0,3}} (?:hay|hoac|or)(?: \w+){{0,3}} (?:{known})\b",
                             joined) for name in named):
                return True
        if len(named) == 1 and offered_instead(text, named[0]):
            return True
        if not candidates or candidates[0].score < self.kb.matching.accept_score \
                or not self._evidence.checks_claim(folded) \
                or not any(re.search(rf"\b(?:o|tai|in|at)(?: the)? {re.escape(name)}\b", joined) for name in named):
            return False
        leader = self.kb.intents[candidates[0].intent_id]
        return leader.kind == "answer" and Objection.PLACE in self._evidence.able(leader)

    def _place_corrected(self, text: str, oos: OutOfScope, tokens: list[str],
                         candidates: tuple[Candidate, ...]) -> Candidate | None:
        """The answer that corrects a claim placing the conference or its central point at a place the
        report never names: "Was the central bridge point in Ho Chi Minh City?", "The article says …
        held in Ho Chi Minh City, correct?", or the central point placed there as a premise ("… điểm cầu
        trung tâm đặt ở TP HCM, vậy …"). Another place of meeting taken as given may be another event's
        ("đợt trước họp tại Huế thì ai chủ trì"), as may one beside a year the report lacks. One of the
        first three answers, at least ``weak_score``, sharing two words in a row with the question, able
        to say where, and with nothing else against it."""
        folded = words(text)
        joined = " ".join(folded)
        claimed = self._evidence.checks_claim(folded) or _YES_NO.match(questions_asked(text)) \
            or _CENTRAL_POINT.search(joined)
        # "… overseas Vietnamese living in America?" is the subject, not where it was held
        if not claimed or not _WHERE_HELD.search(joined) or self._lexical.unknown_number(tokens):
            return None
        named = [" ".join(w) for w in self._triggers_named(text, oos.id)]
        if not any(re.search(rf"\b(?:o|tai|in|at)(?: the)? {re.escape(name)}\b", joined) for name in named):
            return None
        cfg = self.kb.matching

        def corrector(ranked: tuple[Candidate, ...]) -> Candidate | None:
            return next((c for c in ranked[:3] if c.score >= cfg.weak_score
                         and self.kb.intents[c.intent_id].kind == "answer"
                         and c.intent_id not in self._person_intents  # where someone sat is not where it was held
                         and Objection.PLACE in self._evidence.able(self.kb.intents[c.intent_id])
                         and c.intent_id in self._place_naming
                         and self._lexical.shares_a_pair(tokens, c.intent_id)
                         and self._evidence.objection(text, folded, self.kb.intents[c.intent_id]) in (
                             None, Objection.UNKNOWN_NAME)), None)

        # …else ranked without the place's name where it stands: "Hồ Chí Minh" of the city weighs for "tư tưởng Hồ Chí
        # Minh" ("Long An" takes no "an" of "an ninh")
        rest = " ".join(tokens)
        for name in named:
            rest = re.sub(rf"\b{re.escape(name)}\b", " ", rest)
        return corrector(candidates) or corrector(self._lexical.rank(rest.split()))

    def _doer_corrected(self, text: str, oos: OutOfScope, candidates: tuple[Candidate, ...]) -> Candidate | None:
        """The leading answer, when it says who did what a claim gives to a body the report never names ("a post
        claims it was organized by the Ministry of Home Affairs"), at least ``weak_score`` and clear of the next."""
        folded = words(text)
        named = [" ".join(w) for w in self._triggers_named(text, oos.id)]
        if len(named) != 1 or not candidates:
            return None
        leader, cfg = candidates[0], self.kb.matching
        clear = len(candidates) < 2 or leader.score - candidates[1].score >= cfg.weak_margin_upper
        intent = self.kb.intents[leader.intent_id]
        fits = intent.kind == "answer" and leader.score >= cfg.weak_score and clear
        return leader if fits and self._evidence.claims_the_doer(named[0], folded, intent) else None

    def names_someone(self, text: str) -> bool:
        """Whether ``text`` names one of the knowledge base's people ("what did Vuong say in his…")."""
        return bool(self._people.named(text))

    def _unsure(self, candidates: tuple[Candidate, ...]) -> bool:
        """Whether the lexical ranking alone would fall back or ask (where a second opinion helps)."""
        cfg = self.kb.matching
        first = candidates[0].score
        second = candidates[1].score if len(candidates) > 1 else 0.0
        return first < cfg.accept_score or (second >= cfg.accept_score and first - second < cfg.clarify_margin)

    def _second_opinion(self, text: str,
                        candidates: tuple[Candidate, ...]) -> tuple[tuple[Candidate, ...], float | None]:
        """Ask the semantic model: it confirms the lexical leader, or picks among the first few.

        Only a confident opinion counts (cosine at least ``semantic_agree``), and only for an
        intent the lexical ranking also found: the model places a question near *some* intent
        whatever it asks, so it can settle a close call but never find an answer on its own.
        """
        assert self.opinion is not None
        nearest = self.opinion(text)
        cfg = self.kb.matching
        second = nearest[1][1] if len(nearest) > 1 else 0.0
        if not nearest or nearest[0][1] < cfg.semantic_agree or nearest[0][1] - second < cfg.semantic_gap:
            return candidates, None
        chosen, cosine = nearest[0]
        position = next((i for i, c in enumerate(candidates[:cfg.semantic_depth]) if c.intent_id == chosen), None)
        if position is None:
            return candidates, None
        return (candidates if position == 0 else _promote(candidates[position], candidates)), cosine

    def _people_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """Put first the best answer about the people the question names, if the leader is not.

        A refusal that says the report names no holder of a post yields to the answer of the one person
        who holds the post the question names ("ông bí thư tỉnh ủy Cà Mau hồi đó tên gì"). A refusal leading
        by less than ``refusal_margin``, or less than twice that when it refuses what
        the question does not ask (an age, a biography), also yields to the named person's own answer
        ("ông Hải giữ những chức vụ nào" is who Hải is, not "no biographies"). However far it leads,
        it yields when the question checks a claim that gives them a post they did not hold, and asks
        no count, date or age: "Is it true that Hải attended as Chairman of the People's Committee?"
        is corrected by his own titles, not "the report names no chairman". Asked what one of them said ("What
        did Mr. Vuong say was one of the key reasons…"), their speech close behind goes before a finding that names
        them.
        """
        named = self._people.named(text)
        if not named or not candidates:
            return candidates
        intents = self.kb.intents
        leader = intents[candidates[0].intent_id]
        titled = self._own_asked(text)
        if titled is not None and self._who_described(text, words(text)) \
                and any(self._people.speaks_of(leader, p) and not (p.speech and leader.topic == p.topic)
                        for p in named):
            # "sếp lớn nhất của tỉnh Cà Mau là ai": who led there, which the leader tells, names him (his speech
            # would not say who he is)
            titled = None
        if titled is not None and (leader.kind == "answer" or self._evidence.refuses_places_only(leader) or (
                leader.kind == "refusal" and not self._evidence.refuses_a_kind(leader))):
            # "What official titles does the article give for Trần Quốc Vượng?", "Did Vượng attend from
            # Hanoi?": his own answer, not his speech; "chức vụ đầy đủ của bà Mai" is no full text of a document
            return _promote(next((c for c in candidates if c.intent_id == titled), Candidate(titled, 0.0)), candidates)
        if leader.kind == "refusal":
            own = next((c for c in candidates if any(c.intent_id == p.intent for p in named)), None)
            if own is None:
                return candidates
            lead, margin = candidates[0].score - own.score, self.kb.matching.refusal_margin
            asks = self._evidence.asks(text)
            claim = not asks and self._evidence.checks_claim(words(text)) and \
                self._evidence.gives_another_post(text, intents[own.intent_id])
            if lead < margin or claim or (
                    lead < 2 * margin and not asks and not self._evidence.refusal_fits(leader, text)):
                return _promote(own, candidates)  # "ông Vượng giữ những chức vụ gì" asks no biography
            if own.intent_id in self._evidence.named_by_post(text) and self._evidence.names_no_one(leader):
                return _promote(own, candidates)  # "ông bí thư tỉnh ủy Cà Mau tên gì": the report names him
            return candidates

        def about(c: Candidate) -> bool:
            return any(self._people.speaks_of(intents[c.intent_id], p) for p in named)

        joined = " ".join(words(text))
        if leader.kind == "answer" and Objection.SAID in self._evidence.asks(text) and len(named) == 1 \
                and named[0].topic and leader.topic != named[0].topic and _WHAT_SAID.search(joined) \
                and not _ASKS_WHO.search(joined):
            # "What did Mr. Vuong say was one of the key reasons…": his speech, not a finding that names him
            own = next((c for c in candidates if intents[c.intent_id].topic == named[0].topic
                        and intents[c.intent_id].kind == "answer"), None)
            if own is not None and candidates[0].score - own.score < SPEECH_MARGIN:
                return _promote(own, candidates)
        if about(candidates[0]) or leader.kind != "answer":
            return candidates
        better = next((c for c in candidates if about(c) and intents[c.intent_id].kind == "answer"), None)
        return candidates if better is None else _promote(better, candidates)

    def _named_unrivalled(self, text: str, candidates: tuple[Candidate, ...]) -> bool:
        """Whether the leader is the own answer of the one person the question names, and every rival close
        to it speaks of that person too or is a refusal of a kind of fact not asked: "ông Lĩnh giữ vai trò gì,
        trình bày nội dung gì" ties with "no biographies", which it does not ask."""
        named = self._people.named(text)
        if len(named) != 1 or not candidates or candidates[0].intent_id != named[0].intent:
            return False
        for rival in candidates[1:]:
            if candidates[0].score - rival.score >= self.kb.matching.weak_margin:
                return True
            intent = self.kb.intents[rival.intent_id]
            if not (self._people.speaks_of(intent, named[0]) or (
                    intent.kind == "refusal" and self._evidence.refuses_a_kind(intent)
                    and not self._evidence.refusal_fits(intent, text))):
                return False
        return True

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Matcher per knowledge base; asked by three steps a question
    def _own_asked(self, text: str) -> str | None:
        """The answer about the one person named, when the question asks their titles or where they
        sat ("the full titles held by Trần Quốc Vượng"), not what they said ("the title of the summary
        report"); that answer is then sure, however few of its words the question shares. Of several
        named, the overview that sums up each one's answer ("ông Vượng và bà Mai giữ chức gì"), if any."""
        named = self._people.named(text)
        folded = words(text)
        # two of the report's places offered: "Hải dự ở Cà Mau hay ra tận Hà Nội", "Vượng at Hanoi or Cà Mau"
        places = len(self._evidence.places_asked(text))
        between = (places >= 2 and bool(_ALTERNATIVES & set(folded))) or (
            places == 1 and bool(self._elsewhere.search(" ".join(folded))))
        # (a speech told before the question is context: "Tôi thấy ảnh ông Vượng đứng phát biểu. … ông giữ chức gì?")
        if not named or self._speeches(_APPOSITIVE.sub("", questions_asked(text))) \
                or not (between or _ASKS_OWN.search(" ".join(folded)) or self._sat_there(text, folded)
                        or self._who_described(text, folded) or self._claims_another_post(text, folded, named)) \
                or self._evidence.asks(text) - {Objection.PLACE}:
            return None
        if len(named) == 1:
            return named[0].intent
        return next((o for o in sorted(self._overviews.get(named[0].intent, ()))
                     if all(o in self._overviews.get(p.intent, ()) for p in named)), None)

    def _claims_another_post(self, text: str, folded: list[str], named: tuple[Person, ...]) -> bool:
        """Whether the question claims another post for the one person named, with nothing else against their
        answer: "Isn't Trần Quốc Vượng the State President?" is corrected by his titles ("… sau hội nghị thì được
        bầu làm …, phải không?" is of later, which no answer tells)."""
        if len(named) != 1 or not self._evidence.checks_claim(folded):
            return False
        own = self.kb.intents[named[0].intent]
        return self._evidence.gives_another_post(text, own) and self._evidence.objection(text, folded, own) is None

    def _who_described(self, text: str, folded: list[str]) -> bool:
        """Whether the question asks who the one it describes, not names, is: "Người có chức vụ cao nhất có
        mặt hôm đó là ai?" is Trần Quốc Vượng, whose own answer says who he is."""
        return bool(_WHO_DESCRIBED.search(" ".join(folded))) and not self._people.named_by_name(text)

    def _sat_there(self, text: str, folded: list[str]) -> bool:
        """Whether the question asks if the one it names sat at Cà Mau or in Hà Nội, and of no one else."""
        joined = " ".join(folded)
        return bool(_SAT_AT.search(joined)) and not _WITH_OTHERS.search(joined) \
            and not _TOGETHER.search(text) and not self._evidence.names_a_post(text)

    def _refusals_yield(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A refusal of counts (dates, places) yields to a close answer when no count is asked.

        "phong trào thi đua nào được nhắc đến" is near "no statistics" in words, but asks which
        movement, not how many: the answer that names it goes first. A refusal of a kind of fact
        yields within twice ``refusal_margin`` when the question asks no kind at all ("Who attended
        at the Cà Mau bridge point …" is near "no venue", but asks who).
        """
        if len(candidates) < 2 or self.kb.intents[candidates[0].intent_id].kind != "refusal":
            return candidates
        answer = self._best_answer(candidates)
        if answer is None or candidates[0].score - answer.score >= 2 * self.kb.matching.refusal_margin:
            return candidates
        refusal = self.kb.intents[candidates[0].intent_id]
        if not self._evidence.refuses_a_kind(refusal) and answer.intent_id in self._give_years \
                and _PERIOD_ASKED.search(" ".join(words(text))):
            return _promote(answer, candidates)  # "chương trình phối hợp giai đoạn nào": the answer's years
        if self._evidence.refusal_fits(refusal, text) or (
                candidates[0].score - answer.score >= self.kb.matching.refusal_margin
                and (self._evidence.asks(text) or not self._evidence.refuses_a_kind(refusal))):
            return candidates
        return _promote(answer, candidates)

    def _close_refusal_yields(self, text: str, tokens: list[str],
                              candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """Any refusal yields to an answer less than ``refusal_lead`` behind it that nothing objects to.

        Near misses and real questions share most of their words, and the curated refusals are
        written close to the answers on purpose: a refusal must win clearly, unless words only it
        explains carry the question ("bị hoãn", a premise the refusal corrects).
        """
        if len(candidates) < 2 or self.kb.intents[candidates[0].intent_id].kind != "refusal":
            return candidates
        answer = self._best_answer(candidates)
        if answer is None or candidates[0].score - answer.score >= self.kb.matching.refusal_lead or \
                self._evidence.objection(text, words(text), self.kb.intents[answer.intent_id]) or \
                self._only_in(candidates[0].intent_id, answer.intent_id, tokens) >= REFUSAL_OWN_WEIGHT:
            return candidates
        return _promote(answer, candidates)

    def _local_refusal_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """An answer silent on the place whose own doings a question asks yields to a close refusal that names it.

        "… bản gốc có nêu kết quả riêng nào của Cà Mau không?" is nearest the term's results in words,
        which say nothing of Cà Mau; the refusal of Cà Mau's own work, close behind, does.
        """
        leader = self.kb.intents[candidates[0].intent_id] if candidates else None
        if leader is None or len(candidates) < 2 or leader.kind != "answer" or not _OWN.search(" ".join(words(text))):
            return candidates
        missing = [place for place in self._evidence.places_asked(text) if not self._evidence.names(leader, place)]
        if not missing:
            return candidates
        refusal = next((c for c in candidates[1:] if candidates[0].score - c.score < 2 * self.kb.matching.refusal_margin
                        and self.kb.intents[c.intent_id].kind == "refusal"
                        and all(self._evidence.names(self.kb.intents[c.intent_id], p) for p in missing)), None)
        return candidates if refusal is None else _promote(refusal, candidates)

    def _only_in(self, first: str, other: str, tokens: list[str]) -> float:
        """How much of the question (IDF) only ``first`` explains: words and pairs ``other`` lacks."""
        mine, theirs = self._lexical.intent_feats[first], self._lexical.intent_feats[other]
        return sum(self._lexical.feature_weight(f) for f in features(tokens) if f in mine and f not in theirs)

    def _best_answer(self, candidates: tuple[Candidate, ...]) -> Candidate | None:
        """The first candidate of kind answer, if any."""
        return next((c for c in candidates if self.kb.intents[c.intent_id].kind == "answer"), None)

    def _holder_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """Someone's answer that does not give the post asked about yields to one that does.

        "phó trưởng ban dân vận trung ương là ai" is nearest to Trương Thị Mai (Trưởng Ban) in
        words, but the post is Nguyễn Hồng Lĩnh's.
        """
        if not candidates or not self._evidence.unheld_post(text, self.kb.intents[candidates[0].intent_id]):
            return candidates
        holder = next((c for c in candidates[1:] if c.intent_id in self._evidence.post_holders
                       and not self._evidence.unheld_post(text, self.kb.intents[c.intent_id])), None)
        return candidates if holder is None else _promote(holder, candidates)

    def _part_asked_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """In a question that asks two things, an answer that can give the kind asked goes first.

        "When was it held, and did people meet in person or online?" is nearest the format's
        answer in words, which gives no date: the date's answer, close behind, answers the part
        that asks when. Only an answer within ``TWO_PART_MARGIN`` of the leader, among the next three.
        """
        if len(candidates) < 2 or not _TWO_PARTS.search(text):
            return candidates
        check = self._evidence.objection
        if self.kb.intents[candidates[0].intent_id].kind != "answer" or \
                check(text, words(text), self.kb.intents[candidates[0].intent_id]) is None:
            return candidates
        able = next((c for c in candidates[1:TWO_PART_DEPTH] if self.kb.intents[c.intent_id].kind == "answer"
                     and check(text, words(text), self.kb.intents[c.intent_id]) is None), None)
        if able is None or candidates[0].score - able.score >= TWO_PART_MARGIN:
            return candidates
        return _promote(able, candidates)

    def _quoted_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[tuple[Candidate, ...], bool]:
        """The answer that holds a term the question quotes goes first, and settles the choice.

        "The report uses the term 'người có uy tín'. Who are these people…?": the quote says what
        is asked about, however many other words the question has. Only an answer within
        ``QUOTE_MARGIN`` of the leader, and only the first quoted term of two words or more; one
        that holds its words in order before one that holds each somewhere.
        """
        for term in quoted(text):
            term_tokens = self.normalize(term)
            if len(term_tokens) < 2 or set(term_tokens) <= self._subject:  # 'công tác dân vận': the whole subject
                continue
            answers = [c for c in candidates if self.kb.intents[c.intent_id].kind == "answer"
                       and candidates[0].score - c.score < QUOTE_MARGIN]
            # Its words in order first ("nói ít làm nhiều"), else each somewhere (a quote reworded:
            # "ít nói mà làm cho nhiều").
            phrase, each = features(term_tokens), set(term_tokens)
            holder = next((c for c in answers if phrase <= self._lexical.intent_feats[c.intent_id]), None) or \
                next((c for c in answers if each <= self._lexical.intent_feats[c.intent_id]), None)
            if holder is None:
                return candidates, False
            return (candidates if holder is candidates[0] else _promote(holder, candidates)), True
        return candidates, False

    def _items_first(self, tokens: list[str], candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """When the question asks which item of a list something is, the closest item goes first.

        "Việc lắng nghe dân … là nhiệm vụ thứ mấy?" is answered by a numbered task, which gives its
        place, even when a requirement of another speech words it more alike.
        """
        numbered = self._list_items.asked_position(tokens)
        if numbered is None or not candidates or candidates[0].intent_id in numbered.items:
            return candidates
        item = next((c for c in candidates if c.intent_id in numbered.items), None)
        if item is None or candidates[0].score - item.score >= ITEM_MARGIN:
            return candidates
        return _promote(item, candidates)

    def _names_only_those_aside(self, aside: str, text: str, ranked: tuple[Candidate, ...]) -> bool:
        """Whether others are asked beside several people named, and the leading answer names none but them:
        "Ngoài ông Vượng, bà Mai với ông Lĩnh ra, ở Hà Nội còn lãnh đạo nào khác dự?" (the report names no
        one else); "ngoài bà Mai còn ai phát biểu" is answered, by Vượng and Lĩnh."""
        listed = _SET_ASIDE_LIST.search(f"{aside} {text}")  # the list runs on past its first comma
        set_aside = {person.intent for person in self._people.named_by_name(listed.group(0))} if listed else set()
        asked = " ".join(words(text))
        if len(set_aside) < 2 or not ranked or not _OTHERS_ASKED.search(asked) or not _PERSON_ASKED.search(asked):
            return False
        leader = self.kb.intents[ranked[0].intent_id]
        spoken_of = {person.intent for person in self.kb.followups.people if self._people.speaks_of(leader, person)}
        return leader.kind == "answer" and bool(spoken_of) and spoken_of <= set_aside \
            and not self._evidence.lists_attendees(leader)  # "đại diện lãnh đạo UBND tỉnh": others by their role

    def _whole_list_first(self, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """After "besides <someone>, which other…", the overview that lists them all goes before one of its parts.

        "Besides the Party secretary, which other Cà Mau bodies sent people?" is nearest in words to
        the provincial bodies, but the district boards were there too: the whole list answers.
        """
        if not candidates:
            return candidates
        overviews = self._overviews.get(candidates[0].intent_id, set())
        whole = next((c for c in candidates if c.intent_id in overviews), None)
        if whole is None or candidates[0].score - whole.score >= WHOLE_LIST_MARGIN:
            return candidates
        return _promote(whole, candidates)

    def _speech_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A question naming someone's speech ("what did the summary report say about 'Dân vận khéo'")
        puts first the closest answer in their words, less than ``SPEECH_MARGIN`` behind a leader from
        another speech. Not when it names people: "Mai gave the directing speech, right?" checks who said what."""
        topics = self._speeches(text)
        leader = self.kb.intents[candidates[0].intent_id].topic if candidates else None
        someone = bool(candidates) and any(p.intent == candidates[0].intent_id and p.topic not in topics
                                           for p in self.kb.followups.people)
        if not topics or leader in topics or (leader not in self._speaker_topics and not someone) \
                or self._people.named(text):
            # the leader is no one's speech (the event) nor someone who might have given it ("người đứng ra đọc
            # bản đánh giá 5 năm là ai" is not Vượng), or people are named
            return candidates
        own = next((c for c in candidates if self.kb.intents[c.intent_id].kind == "answer"
                    and self.kb.intents[c.intent_id].topic in topics), None)
        if own is None or candidates[0].score - own.score >= SPEECH_MARGIN:
            return candidates
        return _promote(own, candidates)

    def _their_words_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A speaker's own card leading a question that asks what they told people to do ("Vị lãnh đạo cấp cao
        … dặn cán bộ phải sống với dân ra sao?") yields to the closest answer in their words, less than
        ``SPEECH_MARGIN`` behind: who they are is not what they asked."""
        if not candidates or not _TOLD_TO.search(text) or self._own_asked(text) is not None \
                or self._evidence.checks_claim(words(text)):  # "có đúng là bà Mai yêu cầu …": who she is may correct it
            return candidates
        topic = next((t for t, intent in self._speech_givers.items() if intent == candidates[0].intent_id), None)
        own = next((c for c in candidates if self.kb.intents[c.intent_id].kind == "answer"
                    and self.kb.intents[c.intent_id].topic == topic), None) if topic else None
        if own is None or candidates[0].score - own.score >= SPEECH_MARGIN:
            return candidates
        return _promote(own, candidates)

    def _where_they_sat_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A speech leading a question that asks where its speaker sat ("ông Vượng phát biểu từ điểm cầu Hà Nội
        hay ở đâu?", "who was the top leader at the Hanoi hub?") yields to the speaker's own card, which says where,
        less than ``SPEAKER_MARGIN`` behind; not when it asks what they said there."""
        leader = self.kb.intents[candidates[0].intent_id] if candidates else None
        person = self._speech_givers.get(leader.topic) if leader is not None and leader.topic else None
        if person is None or leader is None or leader.id == person or Objection.SAID in self._evidence.asks(text):
            return candidates
        card, joined = self.kb.intents[person], " ".join(words(text))
        if _ASKS_WORDS.search(joined):  # "the senior leader sitting in Hanoi said what about…" asks his words
            return candidates
        places = self._evidence.places_asked(text)
        missing = [place for place in places if not self._evidence.names(leader, place)]
        where = Objection.PLACE in self._evidence.asks(text) and Objection.PLACE in self._evidence.able(card)
        # …who sat there, or there or elsewhere: "vị lãnh đạo có mặt ở Hà Nội là ai", "ở Hà Nội hay về tỉnh"
        elsewhere = any(re.search(rf"\b{place} (?:\w+ ){{0,3}}?(?:hay|hoac|or)\b", joined) for place in places)
        who_there = bool(missing) and all(self._evidence.names(card, place) for place in missing) and bool(
            _ASKS_WHO.search(joined) or elsewhere)
        own = next((c for c in candidates if c.intent_id == person), None)
        if own is None or candidates[0].score - own.score >= SPEAKER_MARGIN or not (where or who_there):
            return candidates
        return _promote(own, candidates)

    def _term_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A question looking back on the term ("5 năm qua … có phối hợp ăn ý hơn không") and not
        ahead puts first the closest finding of the term, less than ``overview_margin`` behind a
        leader among the tasks for 2021: what was done is not what is to be done."""
        cfg = self.kb.matching
        folded = words(text)
        if not candidates or cfg.looks_back_topic is None or \
                self.kb.intents[candidates[0].intent_id].topic not in cfg.looks_ahead_topics or \
                not self._looks_back.find(folded) or self._looks_ahead.find(folded):
            return candidates
        if _WHAT_SAID.search(" ".join(folded)) and self.kb.intents[candidates[0].intent_id].topic in {
                p.topic for p in self._people.named(text)}:
            return candidates  # "What did Vuong say was the key to the past five years' success": his speech
        back = next((c for c in candidates if self.kb.intents[c.intent_id].kind == "answer"
                     and self.kb.intents[c.intent_id].topic == cfg.looks_back_topic), None)
        if back is None or candidates[0].score - back.score >= cfg.overview_margin:
            return candidates
        return _promote(back, candidates)

    def _speaker_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[tuple[Candidate, ...], bool]:
        """"Ai là người đọc bản tổng kết?", "Có phải ông Vượng phát biểu kết luận?": who gave a speech is its
        speaker's answer, or the list of who spoke (an overview of it), whoever else the question names;
        who gave which of two speeches is that list. It settles the choice."""
        topics = self._speeches(text, cited=False)
        owners = [p for p in self.kb.followups.people if p.topic in topics and p.intent in self.kb.intents]
        folded = words(text)
        if not owners or not candidates or not (
                _ASKS_WHO.search(" ".join(folded)) or self._evidence.checks_claim(folded)
                or (len(owners) > 1 and _ALTERNATIVES & set(folded))):  # "Vượng phát biểu chỉ đạo hay kết luận?"
            return candidates, False
        if len(owners) > 1:  # "ai phát biểu chỉ đạo, ai phát biểu kết luận?": the list of who spoke
            both = set.intersection(*(self._overviews.get(p.intent, set()) for p in owners))
            listed = next((c for c in candidates if c.intent_id in both), None)
            if listed is None or candidates[0].score - listed.score >= SPEAKER_MARGIN:
                return candidates, False  # "… phát biểu kết luận chứ không phải chỉ đạo?" of a task: the task
            return _promote(listed, candidates), True
        for says_who in ({owners[0].intent}, self._overviews.get(owners[0].intent, set())):
            own = next((c for c in candidates if c.intent_id in says_who), None)
            if own is not None and candidates[0].score - own.score < SPEAKER_MARGIN:
                return (candidates if own is candidates[0] else _promote(own, candidates)), True
        return candidates, False

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Matcher per knowledge base; asked by three steps a question
    def _speech_given_to_another(self, text: str) -> str | None:
        """The answer for a question that gives a speech to someone who did not give it, as a premise
        ("ông Nguyễn Hồng Lĩnh kết luận hội nghị …, vậy …", "Lĩnh's closing remarks …"): who spoke
        and what each gave (``speakers_reply``), else the one who gave it. The name must stand right
        before the speech, with a verb of giving it or the speech's own verb; one person only."""
        named = self._people.named(text)
        if len(named) != 1 or not named[0].topic or named[0].topic not in self._speech_givers:
            return None
        tokens = self.normalize(text)
        given = fold(named[0].name.split()[-1])
        for phrase, topic, end in self._speech_names.find(tokens):
            start = end - len(phrase)
            before = tokens[max(0, start - _GIVER_GAP):start]
            between = set(before[before.index(given):]) if given in before else set()
            if topic != named[0].topic and given in before and not between & _JOINS and (
                    _GIVES & between or phrase[0] in _GIVES):
                return self.kb.matching.speakers_reply or self._speech_givers[topic]
        return None

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Matcher per knowledge base; asked by four steps a question
    def _speeches(self, text: str, cited: bool = True) -> frozenset[str]:
        """The topics of the speeches the question names, as the matcher reads it ("khép lại hội nghị" too).

        ``cited=False`` leaves out a speech named as the source ("theo báo cáo tóm tắt, …", "according
        to the summary report"): the question asks what it says, not who gave it."""
        tokens = self.normalize(text)
        return frozenset(topic for phrase, topic, end in self._speech_names.find(tokens) if cited or not _CITES.search(
            " ".join(tokens[max(0, end - len(phrase) - 2):end - len(phrase)])))

    def _someone_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A question about one person ("who…, and what was his title?") puts a person's answer first.

        Only a person's answer less than ``ITEM_MARGIN`` behind a leader that is no one's (a list of
        the bodies that attended, say).
        """
        if not candidates or candidates[0].intent_id in self._person_intents \
                or not self._asks_one_person(text) or self.kb.intents[candidates[0].intent_id].kind != "answer":
            return candidates
        person = next((c for c in candidates if c.intent_id in self._person_intents), None)
        if person is None or candidates[0].score - person.score >= ITEM_MARGIN:
            return candidates
        return _promote(person, candidates)

    def _asks_one_person(self, text: str) -> bool:
        """Whether the question asks about one person: "who…, and what was his title?", "ông cấp phó … tên gì"."""
        return bool(_ONE_PERSON.search(text)) or (
            bool(_ONE_DESCRIBED.search(text)) and not self._people.named_by_name(text))

    def _no_one_asked(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A person's card leading a question that names no one and asks no who, but a place, a date or a count
        ("which city was the central bridge point in?"), yields to the closest other answer able to give it,
        less than ``ITEM_MARGIN`` behind: the card's words ("the central bridge point") are where he sat."""
        folded = words(text)
        if not candidates or candidates[0].intent_id not in self._person_intents or self._people.named(text) \
                or _ASKS_WHO.search(" ".join(folded)) or _SOMEONE_WORDS & set(folded):
            return candidates
        asked = self._evidence.asks(text) & _KINDS_OF_FACT
        other = next((c for c in candidates[1:] if c.intent_id not in self._person_intents
                      and self.kb.intents[c.intent_id].kind == "answer"
                      and asked <= self._evidence.able(self.kb.intents[c.intent_id])), None) if asked else None
        if other is None or candidates[0].score - other.score >= ITEM_MARGIN:
            return candidates
        return _promote(other, candidates)

    def _unplaced_local_yields(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """The answers about the province's delegation (their titles name it) after the others, when the
        question names no one and neither the province nor a word of one (``local_words``): "Sếp lớn nhất có
        mặt hôm đó là ai?" asks the conference's highest-ranking attendee, not who led the Cà Mau delegation."""
        if not candidates or candidates[0].intent_id not in self._local_answers:
            return candidates
        folded = f" {' '.join(words(text))} "
        others = tuple(c for c in candidates if c.intent_id not in self._local_answers)
        if not others or self.kb.intents[others[0].intent_id].kind != "answer" \
                or any(f" {w} " in folded for w in self._local_words) or self._people.named(text):
            return candidates  # (never a refusal put first: "ai dẫn đầu …" is no award refused)
        return (*_promote(others[0], others), *(c for c in candidates if c.intent_id in self._local_answers))

    def _local_first(self, text: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """Someone's answer silent on the place asked yields to a person whose answer names it.

        "Who represented Ca Mau province, and what was his position?" is nearer Nguyễn Hồng Lĩnh's
        answer in words, but only Nguyễn Tiến Hải's says Cà Mau. When nobody ranked names it and the
        question names nobody, the one person whose answer does is that person, ranked or not. The
        answer of a person the question names, by name or by a post only they hold, stays first: it says
        where they were ("ông Bí thư Tỉnh ủy Cà Mau ngồi dự ở đâu, ra Hà Nội hay ở tỉnh?").
        """
        holders = self._evidence.post_holders
        if not candidates or candidates[0].intent_id not in holders:
            return candidates
        leader = self.kb.intents[candidates[0].intent_id]
        if any(self._people.speaks_of(leader, p) for p in self._people.named_by_name(text)) \
                or leader.id in self._evidence.named_by_post(text):
            return candidates  # "ông Vượng dự ở điểm cầu nào, Hà Nội hay Cà Mau?": his answer corrects
        missing = [place for place in self._evidence.places_asked(text) if not self._evidence.names(leader, place)]
        if not missing:
            return candidates
        local = [i for i in holders if all(self._evidence.names(self.kb.intents[i], place) for place in missing)]
        ranked = next((c for c in candidates if c.intent_id in local), None)
        if ranked is not None:
            return _promote(ranked, candidates)
        if len(local) != 1 or self._people.named(text):  # "Vượng dự ở Hà Nội hay Cà Mau" is about Vượng
            return candidates
        return _promote(Candidate(local[0], 0.0), candidates)

    def _whole_named_first(self, tokens: list[str], candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...] | None:
        """For a question naming a list as a whole ("Mai listed seven tasks, right?", "Trong các nhiệm vụ
        trọng tâm, …") that names no place in it, the list's overview before an item of it, when close;
        None when the question names no list so."""
        numbered = self._list_items.named_whole(tokens)
        if numbered is None or not candidates:
            return None
        overview = self._list_overviews.get(numbered.id)
        if candidates[0].intent_id == overview:  # it leads: no item of it goes before it
            return candidates
        if candidates[0].intent_id not in numbered.items:
            return None
        whole = next((c for c in candidates if c.intent_id == overview), None)
        # asked for nothing but the list ("nhiệm vụ năm 2021 là gì"), the list, however near an item's title
        if whole is None or (candidates[0].score - whole.score >= ITEM_MARGIN
                             and not self._list_items.asks_only_for(numbered, tokens)):
            return None
        return _promote(whole, candidates)

    def _specific_first(self, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """An overview yields to one of the answers it sums up when that one is nearly as close.

        "hội nghị do ai tổ chức, ngày 31/12" shares most words with the overview of the event,
        which says everything at once; the organizer's answer, a point behind, is what was asked.
        """
        if len(candidates) < 2:
            return candidates
        covers = self.kb.intents[candidates[0].intent_id].covers
        margin = self.kb.matching.overview_margin
        parts = [c for c in candidates[1:] if c.intent_id in covers]
        if not parts or candidates[0].score - parts[0].score >= margin:
            return candidates
        if len(parts) > 1 and parts[0].score - parts[1].score < margin:
            return candidates  # the parts are alike: the overview, which holds them all, answers
        return _promote(parts[0], candidates)

    def _small_talk(self, text: str, tokens: list[str], cues: list[Cue],
                    candidates: tuple[Candidate, ...]) -> Match:
        """Small talk when the message carries a cue and no real question (``_question_wins``).

        "Cảm ơn bot nhé, mình đủ thông tin làm báo cáo rồi" is thanks, however many other words
        it has; "Xin chào, hội nghị diễn ra khi nào?" is a question.
        """
        said = self._talk.without_cues(text, cues)
        left = self._talk.announced_question(said)
        if left != said and self._refers_to_one_named(said, left):
            left = said  # "Tôi thấy ảnh ông Vượng … Cho tôi hỏi … ông giữ những chức vụ gì": his, not anyone's
        asked = self._question_tokens(left)
        rest = self._talk.without_address(asked)  # what is left besides talking to the bot
        if rest and not set(rest) <= self._lexical.vague:
            # Ranked as it would be without the small talk ("the photos", not "photos").
            ranked = tuple(c for c in self._lexical.rank(asked) if self.kb.intents[c.intent_id].kind != "smalltalk")
            question = self._another_number(left, asked, ranked) or self._settle(left, asked, ranked)
            if self._question_wins(text, cues, left, rest, question):
                return question
        return self._talk_chosen(text, tokens, cues, candidates)

    def _refers_to_one_named(self, text: str, question: str) -> bool:
        """Whether ``question``, a part of ``text``, names no one but points back with a pronoun that fits
        the one person ``text`` names before it."""
        named = self._people.named(text)
        return len(named) == 1 and not self._people.named(question) and \
            bool(_PRONOUNS[named[0].pronoun] & {*words(question), *raw_words(question)})

    def _talk_chosen(self, text: str, tokens: list[str], cues: list[Cue], candidates: tuple[Candidate, ...]) -> Match:
        """The small-talk reply the cues ask for."""
        # The longest cue of those asked says most ("Chào bot, bạn là ai?" asks who the bot is); among
        # equals, a question about the bot goes before a remark ("ad là người thật hay máy vậy, trả lời
        # nhanh quá"), then the last one is the point of the message; a greeting after something else
        # takes leave.
        said = [cue for cue in cues if not self._talk.only_calls([cue])] or cues  # "dài quá bot ơi": not a call
        asking = {self.kb.matching.identity_reply, self.kb.matching.capability_reply}
        chosen = max(self._talk.asked_first(text, said),
                     key=lambda c: (len(c.words), c.intent_id in asking, c.end))
        return _answer(self._talk.parting(text, chosen, cues) or chosen.intent_id, tokens, candidates)

    def _question_wins(self, text: str, cues: list[Cue], left: str, rest: list[str], question: Match) -> bool:
        """Whether what is left once the small-talk cues are out is the point of the message
        (``_outweighs_talk``), and, after what the message says of the bot itself, is a strong
        answer to a question about something besides the conference: "bạn giúp được gì về nhiệm vụ
        thứ 3" is the third task, "bạn hỗ trợ được những gì về hội nghị này" what the bot can do.
        What is left that falls back and still calls the bot by name is talk too ("can u help me?
        not sure where to start")."""
        if not self._outweighs_talk(text, cues, left, rest, question):
            return False
        if question.verdict is Verdict.FALLBACK and question.objection is None and question.out_of_scope is None \
                and self._talk.calls_the_bot(left):  # "can u help me? not sure where to start": still talk
            return False
        if not any(cue.about_bot for cue in cues):
            return True
        identity = self.kb.matching.identity_reply
        if question.verdict is Verdict.ANSWER and self._talk.asks_apart(text) and \
                not self._talk.speaks_to_bot(sentences(text)[-1]) and all(c.intent_id != identity for c in cues):
            return True  # "Câu trả lời vừa rồi hơi dài. Ông Vượng dặn cán bộ câu nào dễ nhớ không?"
        score = question.candidates[0].score if question.candidates else 0.0
        strong = question.verdict is Verdict.ANSWER and score >= self.kb.matching.accept_score
        # Who the bot is ("Bot này do đơn vị nào phát triển? Có phải của Ban Dân vận không?") needs
        # only a strong answer beside it; what it can do, what is said after it as well.
        about = max((cue.end for cue in cues if cue.about_bot and cue.intent_id != identity), default=None)
        if about is None:
            return strong and not any(self._talk.asks_within(text, cue, cues) for cue in cues
                                      if cue.intent_id == identity)
        after = self._talk.without_address(self._question_tokens(" ".join(raw_words(text)[about:])))
        return strong and not set(after) <= self._subject | LEAVE_WORDS | self._lexical.vague

    def _outweighs_talk(self, text: str, cues: list[Cue], left: str, rest: list[str], question: Match) -> bool:
        """Whether what is left once the small-talk cues are out is the point of the message.

        It is after only calling the bot ("ad ơi, hội nghị tổng kết nhiệm kỳ nào?"); after one-word
        cues, when it asks something ("Hi, I'm a researcher… when was it held?", "Off topic, sorry: is
        January a good time to visit?", answered or not, unless it speaks to the bot; "someone who grew
        up overseas." in a message of statements asks nothing); after cues of at
        most two words, when it asks what the knowledge base knows halfway to a strong answer
        ("Xin lỗi làm phiền, bài này ai đứng tên vậy?"); when the small talk only opens or closes
        a message whose rest reads as a question and is answered above the noise floor ("Xin chào bot! … ĐH mấy vậy ạ",
        "… phải hok mn Cảm ơn bot nhiều."). Otherwise it must be a question of its
        own, not one stray word ("…help me *with*?") nor less than the small talk around it ("Trả
        lời gì mà dài dòng khó hiểu quá, bot kém"), and be asked outright ("Chào bot, mình ở xã… cho
        mình hỏi hội nghị diễn ra ngày nào?": answered or not) or answered strongly, as a question or a
        request, or beside a greeting or a request for help (beside thanks, "mình làm xong bài rồi"
        only states).
        """
        cfg = self.kb.matching
        answered = question.verdict in (Verdict.ANSWER, Verdict.CLARIFY)
        score = question.candidates[0].score if question.candidates else 0.0
        if self._talk.only_calls(cues):
            return True
        asking = set(rest) & QUESTION_WORDS
        if "dau" in asking and " dau " not in f" {_FIRST_TIME.sub(' ', ' '.join(rest))} ":
            asking.discard("dau")  # "ba moi xai cai nay lan dau": the first time (lần đầu), not where
        states = "?" not in text and all(s.rstrip().endswith((".", "!")) for s in sentences(left)) \
            and not _WONDER.search(left)
        if states:
            asking -= _RELATIVE  # "… confusing for someone who grew up overseas." states
        if all(len(cue.words) == 1 for cue in cues) and (asking or (
                len(rest) >= MIN_QUESTION_WORDS and "?" in left and not self._talk.speaks_to_bot(left))):
            return True  # "Off topic, sorry: is January a good time to visit?" asks, whatever the answer
        if all(len(cue.words) <= 2 for cue in cues) and answered and \
                score >= (cfg.weak_score + cfg.accept_score) / 2 and self._talk.has_question(left) and \
                (len(rest) >= MIN_QUESTION_WORDS or not self._talk.speaks_to_bot(left)):
            return True
        # The words the small talk takes, each once: "… vậy con Cảm ơn bot nhiều" holds "con cảm ơn",
        # "cảm ơn bot nhiều" and "cảm ơn", five words in all, not nine.
        talk = len({i for cue in cues for i in range(cue.end - len(cue.words), cue.end)})
        # (answered above the noise floor: "chào bạn, buồn quá, nói chuyện chút được không" grazes no answer)
        if answered and score > cfg.weak_score + cfg.weak_margin \
                and len(rest) >= max(MIN_QUESTION_WORDS, talk) and self._talk.only_frames(text, left, cues) \
                and (self._talk.is_question(left) or "?" in text) \
                and not (states and not asking and set(rest) & _RELATIVE):  # "That's wrong. Not what it says."
            return True
        # A statement beside thanks or praise asks nothing, however well it matches ("Cảm ơn, mình làm
        # xong bài rồi"); beside a greeting or a request for help it may ("Chào bạn, tôi muốn xem …").
        opening = {cfg.greeting_intent, cfg.capability_reply, cfg.identity_reply}
        strong = answered and score >= cfg.accept_score and (
            "?" in text or self._talk.is_question(text) or self._talk.requests(left)
            or any(cue.intent_id in opening for cue in cues))
        if strong and self._talk.asks(text, cues):  # "Câu trả lời khá sơ sài, cho mình hỏi ai chủ trì hội nghị?"
            return True
        return (strong or self._talk.asks(text, cues)) and len(rest) >= max(MIN_QUESTION_WORDS, talk)

    def _refusal_of_mentioned(self, text: str, tokens: list[str], item: ItemRef,
                              candidates: tuple[Candidate, ...]) -> Candidate | None:
        """A curated refusal close to the leader, for what a list item only mentions: the election's date
        is not in the task that mentions the election.

        Asked when, and the item gives no day: a close refusal, if the question says the thing is
        mentioned in the item ("được nhắc đến trong nhiệm vụ thứ tư"), or else one that quotes the item,
        when the question does not open with it ("bầu cử … trong nhiệm vụ 4 diễn ra ngày nào", not
        "Nhiệm vụ thứ tư … vào những thời điểm nào"). Said to be mentioned, and asking anything else: the
        refusal that leads, or a close one when the evidence objects to the item.
        """
        if not candidates or item.intent is None:
            return None
        close = self._close_refusals(candidates)
        mentioned = bool(_MENTIONED_IN.search(" ".join(words(text))))
        if mentioned:
            fitting = close
        elif _ITEM_WORDS & set(tokens[:ITEM_OPENS]):
            fitting = []
        else:
            fitting = [c for c in close if f"thứ {item.position}" in self.kb.intents[c.intent_id].answer]
        if fitting and self._no_day_for(text, item):
            return fitting[0]
        if not mentioned:
            return None
        if self.kb.intents[candidates[0].intent_id].kind == "refusal":
            return candidates[0]
        if self._evidence.objection(text, words(text), self.kb.intents[item.intent]) is None:
            return None
        return close[0] if close else None

    def _close_refusals(self, candidates: tuple[Candidate, ...]) -> list[Candidate]:
        """The curated refusals within ``refusal_margin`` of the leader, best first."""
        return [c for c in candidates if candidates[0].score - c.score < self.kb.matching.refusal_margin
                and self.kb.intents[c.intent_id].kind == "refusal"]

    def _refused_inside(self, tokens: list[str], candidates: tuple[Candidate, ...], objection: Objection) -> Match:
        """What a list item cannot give: a curated refusal within ``refusal_margin`` of the leader
        ("the report gives no statistics"), else the honest fallback."""
        close = self._close_refusals(candidates)
        if close:
            return _answer(close[0].intent_id, tokens, candidates)
        return Match(Verdict.FALLBACK, tuple(tokens), candidates, objection=objection)

    def _no_day_for(self, text: str, item: ItemRef) -> bool:
        """Whether the question asks when, and the item it names gives no day."""
        return item.intent is not None and not _DAY.search(self.kb.intents[item.intent].answer) \
            and Objection.TIME in self._evidence.asks(text)

    def _list_item(self, item: ItemRef, tokens: list[str], candidates: tuple[Candidate, ...]) -> Match:
        """Answer the named item of a numbered list, or say the list has no such item."""
        numbered = item.numbered
        if item.intent is None:
            count = len(numbered.items)
            beyond = OutOfScope(id=f"{numbered.id}_beyond", triggers=[numbered.id],
                                answer=numbered.beyond.format(count=count),
                                answer_en=numbered.beyond_en.format(count=count))
            return Match(Verdict.OUT_OF_SCOPE, tuple(tokens), candidates, beyond)
        return _answer(item.intent, tokens, candidates)

    def _decide(self, text: str, tokens: list[str], candidates: tuple[Candidate, ...],
                settled: bool = False, floor: bool = False) -> tuple[Verdict, Objection | None]:
        """Answer unless there is evidence against the best answer or it is too weak to tell.

        A leader above ``accept_score`` is answered (or, with a strong rival, asked about); one
        between ``weak_score`` and ``accept_score`` is answered only when it leads clearly, or
        when other evidence already ``settled`` it; with ``floor``, evidence strong enough to answer
        a leader down to ``semantic_floor``.
        A leader between the two that shares not even two words in a row with a question of
        three words or more ("tiền điện tháng này tăng hay giảm", which shares "tháng", "tăng",
        "giảm" with the hot spots) is near on common words alone, and falls back.
        Either way a question asking for what the answer cannot give falls back. Two close
        intents that the curators marked as related are neighbours by design: the best one is
        answered and the other is offered beside it, instead of a question back.
        """
        cfg = self.kb.matching
        if not candidates or candidates[0].score < (cfg.semantic_floor if floor else cfg.weak_score):
            return Verdict.FALLBACK, None
        first = self.kb.intents[candidates[0].intent_id]
        if first.kind == "answer":
            objection = self._evidence.objection(text, words(text), first) or self._part_unexplained(text, candidates)
            if objection is not None:
                return Verdict.FALLBACK, objection
        if candidates[0].score < cfg.accept_score:
            if first.kind == "answer" and not settled and len(tokens) >= MIN_PAIRED \
                    and not self._lexical.shares_a_pair(tokens, first.id):
                return Verdict.FALLBACK, None
            if first.kind == "smalltalk":  # "How do I cook pho?" is not a request for help with the bot
                return Verdict.FALLBACK, None
            rivals = self._rivals(text, candidates)
            upper = candidates[0].score >= (cfg.weak_score + cfg.accept_score) / 2
            margin = cfg.weak_margin_upper if upper else cfg.weak_margin
            clear = settled or not rivals or candidates[0].score - rivals[0].score >= margin \
                or self._related(first.id, rivals[0].intent_id)
            return (Verdict.ANSWER if clear else Verdict.FALLBACK), None
        return (Verdict.ANSWER if settled else self._strong(candidates[0], self._rivals(text, candidates))), None

    def _part_unexplained(self, text: str, candidates: tuple[Candidate, ...]) -> Objection | None:
        """``Objection.WHY`` when the leader sums up a part as close to the question that gives no reason for it:
        "What caused the hot spots …?" is asked of the hot spots, and the summary's reasons are for other things."""
        if not self._evidence.asks_why(text):
            return None
        leader = candidates[0]
        part = next((c for c in candidates[1:SIBLING_DEPTH] if leader.intent_id in self._overviews.get(c.intent_id, ())
                     and leader.score - c.score < self.kb.matching.overview_margin), None)
        if part is None:
            return None
        objection = self._evidence.objection(text, words(text), self.kb.intents[part.intent_id])
        return objection if objection is Objection.WHY else None

    def _value_told(self, text: str, ranked: tuple[Candidate, ...]) -> bool:
        """Whether the leading answer tells the kind of value a claim checked states ("… 36 điểm cầu, đúng
        không?", "held on 30 December, right?"): it confirms or corrects it, however weak its words."""
        leader = self.kb.intents[ranked[0].intent_id] if ranked else None
        return leader is not None and leader.kind == "answer" and self._evidence.claims_a_value_told(text, leader)

    def _unasked_place_refusal(self, text: str, intent: Intent) -> bool:
        """Whether ``intent`` refuses places (which hall, which building) and the question asks none:
        "người đứng đầu tỉnh ngồi dự ở phòng họp trực tuyến của tỉnh là ai" asks who. Only places: the
        words of a room describe where people sat, while a question near a refusal of counts or times
        often asks one without a cue ("bắt đầu lúc 8 giờ đúng không")."""
        return intent.kind == "refusal" and self._evidence.refuses_places_only(intent) \
            and not self._evidence.refusal_fits(intent, text)

    def _rivals(self, text: str, candidates: tuple[Candidate, ...]) -> list[Candidate]:
        """The candidates after the leader that could be what was meant instead.

        Not the overview a part was preferred to (the part must lead the others), nor someone who
        does not hold the post asked about, nor an answer silent on a place the question and the
        leader both name ("who represented Ca Mau" is not Lĩnh); when the question names people
        and the leader speaks of them, no answer about someone else ("bà Mai giữ chức gì" is not about Lĩnh, however
        alike the two answers' words).
        """
        first = self.kb.intents[candidates[0].intent_id]
        rivals = [c for c in candidates[1:] if c.intent_id not in self._overviews.get(first.id, ())
                  and not (c.intent_id in self._evidence.post_holders
                           and self._evidence.unheld_post(text, self.kb.intents[c.intent_id]))
                  and not self._unasked_place_refusal(text, self.kb.intents[c.intent_id])]
        for place in self._evidence.places_named(text, first):
            rivals = [c for c in rivals if self.kb.intents[c.intent_id].kind != "answer"
                      or self._evidence.names(self.kb.intents[c.intent_id], place)]
        if first.id in self._person_intents and self._asks_one_person(text):
            # "Who represented Cà Mau…, and what is his position?" asks for someone: lists of bodies are no rival
            rivals = [c for c in rivals if self.kb.intents[c.intent_id].kind != "answer"
                      or c.intent_id in self._person_intents]
        if first.topic in self._speeches(text):  # "… nói gì khi kết luận hội nghị": only the conclusion's answers
            rivals = [c for c in rivals if self.kb.intents[c.intent_id].kind != "answer"
                      or self.kb.intents[c.intent_id].topic == first.topic]
        if _ORGANIZER_ASKED.search(" ".join(words(text))) and _ORGANIZED.search(first.answer):
            # "Which organization hosted the conference?": only an answer saying who organized it is a rival
            rivals = [c for c in rivals if _ORGANIZED.search(self.kb.intents[c.intent_id].answer)]
        named = self._people.named(text)
        if named and any(self._people.speaks_of(first, p) for p in named):
            rivals = [c for c in rivals if self.kb.intents[c.intent_id].kind != "answer"
                      or any(self._people.speaks_of(self.kb.intents[c.intent_id], p) for p in named)]
            # "Ai là người dự và chỉ đạo Hội nghị tại điểm cầu trung tâm?": described, not named, whoever
            # it is; an answer that names them answers, and their own card is no rival
            described = {p.intent for p in named} - {p.intent for p in self._people.named_by_name(text)} \
                if _ASKS_WHO.search(" ".join(words(text))) else set()
            rivals = [c for c in rivals if c.intent_id not in described or first.id in self._person_intents]
            if first.id in self._person_intents and self._evidence.checks_claim(words(text)):
                # "The story says Hải attended as chairman of the People's Committee, is that accurate?":
                # his own answer corrects the premise; no refusal is its rival
                rivals = [c for c in rivals if self.kb.intents[c.intent_id].kind != "refusal"]
        return rivals

    def _strong(self, leader: Candidate, rivals: list[Candidate]) -> Verdict:
        """A leader above the accept threshold: answer, or ask when a strong rival is too close."""
        cfg = self.kb.matching
        if rivals and rivals[0].score >= cfg.accept_score and leader.score - rivals[0].score < cfg.clarify_margin:
            first, second = (self.kb.intents[c.intent_id] for c in (leader, rivals[0]))
            if {"refusal", "smalltalk"} & {first.kind, second.kind}:
                # Too close to tell an answer from "the report does not say" or from small talk:
                # go with the best; an answer beside it is offered as a choice.
                return Verdict.ANSWER
            if not self._related(first.id, second.id):
                # Two strong candidates: ask which. Two weak ones: the honest fallback,
                # which offers both among the closest questions.
                return Verdict.CLARIFY if leader.score >= cfg.clarify_min_score else Verdict.FALLBACK
        return Verdict.ANSWER

    def _related(self, a: str, b: str) -> bool:
        """Whether either intent lists the other as related, or sums it up."""
        first, second = self.kb.intents[a], self.kb.intents[b]
        return b in first.related or a in second.related or b in first.covers or a in second.covers


def _points_back_to_them(part: str) -> bool:
    """Whether ``part`` points back to a group named before it: "về họ", "hội của chị", "their"; or,
    opening on a verb, goes on with the clause that names it ("…, tức Công an và Quân đội, được báo
    cáo đánh giá thế nào?")."""
    typed = raw_words(part)
    return bool(_BACK_TO_THEM.search(" ".join(words(part))) or _THEM & set(typed) or (typed and typed[0] in _GOES_ON))


def _promote(chosen: Candidate, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """``chosen`` first, with at least the leader's score: the evidence that chose it settles it."""
    top = max([chosen.score, *(c.score for c in candidates[:1])])
    return (Candidate(chosen.intent_id, top), *(c for c in candidates if c.intent_id != chosen.intent_id))


def _answer(intent_id: str, tokens: list[str], candidates: tuple[Candidate, ...]) -> Match:
    """Answer ``intent_id``, which the evidence chose whatever its score."""
    own = next((c for c in candidates if c.intent_id == intent_id), Candidate(intent_id, 0.0))
    return Match(Verdict.ANSWER, tuple(tokens), _promote(own, candidates))
