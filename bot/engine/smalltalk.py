"""Small-talk cues in a message: found as the user typed them, and taken out to see what is left.

"Cảm ơn bot nhé, mình đủ thông tin rồi" is thanks however many other words it has; "Xin chào,
hội nghị diễn ra khi nào?" is a question once "Xin chào" is taken out. The matcher decides which;
this module only finds the cues and removes them (and the words that address the bot).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.kb.loader import KnowledgeBase
from bot.text.normalize import (
    PhraseSet,
    find_spelt,
    marks_fit,
    one_spelling,
    raw_words,
    sentences,
    without_words,
    words,
)


def _spelt(phrases: list[str]) -> PhraseSet[tuple[None, tuple[str, ...]]]:
    """``phrases`` to be found as spelt (``find_spelt``)."""
    return PhraseSet((words(p), (None, tuple(raw_words(p)))) for p in phrases if words(p))


#: Question words, spelt with their marks: a plain word typed fits them, another mark does not.
_QUESTION_WORDS = _spelt([
    "ai", "gì", "j", "nào", "đâu", "sao", "bao nhiêu", "bao giờ", "bao lâu", "mấy giờ", "ngày mấy", "what", "who",
    "when", "where", "which", "why", "how"])


#: Words that end a yes/no question begun with "có" ("có nhắc tới … không").
_YES_NO_ENDS = frozenset({"khong", "ko", "k", "hok", "hong", "hk", "chua"})
#: Shorthand that asks, beside the question words: "ntn", "thế nào", "ra sao".
_MORE_QUESTION_WORDS = frozenset({"ntn", "nao", "sao", "hay"})
#: Words typed after a question's end: "… phải hok mn", "… vậy ạ", "… không bot ơi".
_AFTER_QUESTION = frozenset({"ạ", "mn", "mng", "ad", "bot", "bạn", "nhé", "nha", "ơi", "nhiều", "ak",
                             # whom it asks, as typed plain: "… mấy người đi dự vậy con"
                             "con", "chau", "cháu", "em", "anh", "chị", "chi", "cô", "chú", "chu", "bác", "bac"})
#: Words that end a question, as typed: "… ĐH mấy của Đảng vậy (ạ)", "… phải ko", "… z".
_QUESTION_ENDS = frozenset({"vậy", "vay", "thế", "hả", "ha", "à", "nhỉ", "nhi", "không", "khong", "ko", "k", "hok",
                            "hông", "hk", "chưa", "chua", "z", "v"})
#: Words that speak to the bot, as typed: a question with them may be about the bot itself.
_TO_THE_BOT = frozenset({"bạn", "bot", "you", "ad", "admin", "chatbot", "mày"})
#: A polite request for something of the report, which speaks to the bot only to ask: "Could you list
#: the seven tasks?" ("can you say it more simply?" still speaks of the bot's answers).
_REQUEST_FRAME = re.compile(r"\b(?:could|can|would|will)\s+you\s+(?:please\s+)?(?:list|tell|explain|give|show|"
                            r"describe|summari[sz]e|clarify|confirm|name|answer)\b|"
                            # …its verb taken by a cue: "Could you [answer in English], which forms …?"
                            r"\b(?:could|can|would|will)\s+you\s*(?=,)", re.IGNORECASE)
#: Words that ask for an answer to be otherwise, folded: "lần sau nói ngắn gọn giùm", "please keep it short".
_WISH = re.compile(r"\b(?:lan sau|lan toi|gium|giup|nen noi|nen tra loi|please|try to|next time)\b")
#: Words a few before praise of the answers that make it a wish for them, folded: "mong Bot trả lời ngắn gọn,
#: rõ ràng giúp tôi", "please answer clearly" ask for answers so, and praise none yet.
_WISHED = frozenset({"mong", "muon", "xin", "nho", "please", "could", "can", "would"})
#: Cues' first words that are small talk only where a clause begins, folded: "thôi" (enough, so long)
#: of a farewell means "only" inside a clause; "ra vậy" (I see) ends a question after its verb: "phong
#: trào đó ai khởi xướng ra vậy", "ở đâu ra vậy".
_CLAUSE_FIRST = frozenset({"thoi", "ra"})
#: Bare cues asking whether anyone is there ("có ai không", "còn ai ko"), less their last word, folded:
#: small talk where a clause begins or after words that only greet or address ("alo, có ai ko", "bot ơi
#: có ai hông"); after a subject they ask who of it: "huyện Năm Căn có ai hông" asks who came from there.
_PRESENCE = frozenset({("co", "ai"), ("con", "ai")})
#: …and polite or time words that may stand before them, folded: "dạ có ai không ạ", "tối rồi có ai không".
_BEFORE_PRESENCE = frozenset({"da", "thua", "vang", "toi", "khuya", "dem", "roi", "gio", "nay", "luc", "sang",
                              "trua", "chieu", "ma"})
#: How many words before the praise a wish may stand ("mong Bot trả lời …", "mong cháu giúp bác trả lời …").
_WISHED_GAP = 3
#: Words after "… hơn" that ask for it ("dễ hiểu hơn chút được ko", "… hơn nữa", "… hơn đi"), folded;
#: "dễ hiểu hơn rồi đó", "dễ hiểu hơn mấy bot khác" praise.
_ASKED_MORE = frozenset({"chut", "nua", "di", "nha", "nhe", "please", "xiu", "ti", "gium", "dum", "voi", "a"})
#: …or "được không" after it: "dễ hiểu hơn được không" asks ("dễ hiểu hơn được nhiều rồi" praises).
_ASKED_CAN = frozenset({"khong", "ko", "k", "hok", "hong", "chu"})
#: Punctuation between clauses.
CLAUSE_BREAK = re.compile(r"[,;:.!?]")


def _clause_breaks(text: str) -> frozenset[int]:
    """Where a comma, colon or full stop stands between the words of ``text``, as word indexes."""
    counts = itertools.accumulate(len(words(part)) for part in CLAUSE_BREAK.split(text))
    return frozenset(list(counts)[:-1])


def _asks_more(after: list[str]) -> bool:
    """Whether the words after "… hơn" ask for it: "chút", "nữa", "đi", "được không"."""
    return bool(set(after) & _ASKED_MORE) or (after[:1] in (["duoc"], ["dc"]) and bool(set(after[1:2]) & _ASKED_CAN))


#: How many words from either end of a message small talk may stand and still only open or close it.
_EDGE = 2
#: A sentence shorter than this is no question of its own ("Ok. Bye!").
_MIN_WORDS = 3
#: Asking leave to ask, folded: "bác hỏi chút về cái hội nghị được ko", "cho mình hỏi về hội nghị với",
#: "trả lời được về bài báo hả", "tôi cần tra cứu vài thông tin, bot hỗ trợ được không" ("hội nghị"
#: folds to "hoi nghi" and asks nothing).
_LEAVE = re.compile(r"\b(?:hoi(?! nghi)|(?:tra loi|giai dap|ho tro|giup|tra cuu) (?:duoc|dc))\b")
#: …said as a request: "… được không", "hỏi về …", "cho … hỏi", "muốn hỏi", "trả lời được …" ("hỏi mãi
#: không được" complains).
_REQUEST = re.compile(r"\b(?:duoc|dc) (?:khong|ko|k|hok|hong|hem|chu|ha|nhe|nha|hen)\b|\bhoi(?! nghi)\b.*\bve\b|"
                      r"\bcho\b.*\bhoi(?! nghi)\b|\bmuon hoi\b|\b(?:tra loi|giai dap) (?:duoc|dc)\b")
#: The words of asking leave, folded: what is left of the message once they are out is its subject.
LEAVE_WORDS = frozenset({"hoi", "tra", "loi", "giai", "dap", "duoc", "dc", "khong", "ko", "k", "hok", "hong", "hem",
                         "chu", "ha", "nhe", "nha", "hen", "a", "ak", "muon", "cho", "xin", "may", "nay", "voi", "di",
                         "con", "ho", "tro", "giup", "cuu", "can",
                         # how much is asked, and who asks: "cô hỏi cái này chút", "mik hỏi vài câu"
                         "chut", "xiu", "ti", "vai", "cau", "mot", "dieu", "co", "mik", "minh", "toi", "em"})


def _asks(text: str, after: int = 0) -> bool:
    """Whether ``text`` asks something after its first ``after`` words: a question word spelt
    right, or "có … không"."""
    if any(end > after for *_, end in find_spelt(_QUESTION_WORDS, text)):
        return True
    folded, typed = words(text), raw_words(text)
    has = [i for i, w in enumerate(folded) if w == "co" and i >= after and (
        len(typed) != len(folded) or marks_fit(typed[i], "có"))]
    return bool(has) and any(w in _YES_NO_ENDS for w in folded[has[0] + 1:])


#: The words after "ban" typed plain that make it a Board, not "bạn", folded: "ban dân vận", "ban bí thư".
_BOARDS = frozenset({("dan", "van"), ("bi", "thu"), ("tuyen", "giao"), ("chap", "hanh"), ("thuong", "vu"),
                     ("to", "chuc"), ("bien", "tap"), ("dvan", "tw")})
#: How many words may stand between the bot and what it is asked to do ("bạn *giúp* …", "em *có thể* giúp").
_VERB_GAP = 2
#: How many words may stand between the bot's answers and what is said of them ("trả lời *hơi* chậm").
_JUDGEMENT_GAP = 4
#: How many words may stand between a capability and "được", and between "được" and "gì".
_CAPABILITY_GAP = 3
#: Verbs of understanding, folded: asked of the bot with a yes or no, they ask what it can do…
_UNDERSTAND = frozenset({"hieu", "understand"})
#: …unless a question word follows: "bot có hiểu Dân vận khéo là gì không" asks of the report.
_ASKED_OF_REPORT = frozenset({"ai", "gi", "j", "may", "dau", "nao", "sao", "who", "what", "which", "how", "nhieu"})
#: "gì" asked of a capability, folded: "được gì", "được những việc gì", "hỏi j cũng được".
_WHAT = frozenset({"gi", "j"})
_CAN = frozenset({"duoc", "dc"})
#: Words for things (and "làm") between "biết" and "gì", folded: "cháu biết những chuyện gì", "m biết làm j".
_THINGS = frozenset({"nhung", "cac", "chuyen", "viec", "dieu", "cai", "noi", "dung", "thong", "tin", "lam"})
#: Words that may stand beside a judgement in a sentence that says nothing else, folded: "Sai rồi ạ.", "Tốt lắm."
_FILLER = frozenset({"roi", "qua", "lam", "that", "ghe", "day", "do", "nhe", "nha", "a", "ak", "vay", "the", "oi",
                     "hoan", "toan", "luon", "het", "ca", "di", "nhi", "very", "really", "so", "too",
                     # "Wow, that was really clear", "Ồ, chà": what only exclaims or points at the answer
                     "wow", "oh", "cha", "ua", "it", "was", "is", "its", "thats", "this"})
#: Words that make what follows the bot's answers, folded: "your answer", "câu trả lời *đó*".
_YOUR = frozenset({"your", "the", "that", "this", "those", "these"})
#: Words that may open a sentence before the answers are named, folded: "Dạ câu trả lời …", "But your answer …".
_OPENERS = frozenset({"da", "thua", "ma", "con", "nhung", "but", "and", "so", "well"})
#: The word that closes a talk when a message opens with it, as typed: "Thôi tôi nghỉ đây, chào cháu nghe".
_CLOSING = frozenset({"thôi", "thoi"})
#: …unless the greeting goes on to ask now ("Thôi được rồi, xin chào, mình muốn hỏi …"), folded; asking later
#: ("mai rảnh tôi hỏi tiếp") still takes leave.
_ASKS_NOW = frozenset({"hoi", "muon", "can", "tim"})
#: Words of a later time, folded, that make asking on a farewell: "mai rảnh tôi hỏi tiếp".
_LATER = frozenset({"mai", "sau", "khac", "ranh", "later", "tomorrow"})
#: Verbs that ask for something of the report, folded: "Thanks. List the seven tasks.", "Cảm ơn nhé.
#: Giải thích thêm về …".
_REQUESTING = re.compile(r" (?:liet ke|tom tat|tom lai|neu|giai thich|ke|trich|muon xem|cho xem|"
                         r"cho (?:minh|em|toi|to|bac|chau|con|tui|t|e) xem|xem giup|can thong tin|"
                         r"can so lieu|list|summari[sz]e|explain|give|describe|name|show|quote|tell|need) ")
#: Words for the report, spelt: "Báo cáo có nói về trí tuệ nhân tạo không?" asks about it, not the bot.
_THE_REPORT = _spelt([
    "báo cáo", "bài báo", "bài viết", "bài tường thuật", "hội nghị", "tài liệu", "văn bản", "report", "article",
    "conference"])
#: Words for the asker or the bot, spelt: a remark speaks of one of them.
_PEOPLE = _spelt([
    "mình", "tôi", "tui", "tớ", "em", "anh", "chị", "cô", "chú", "bác", "cháu", "con", "bà", "ông", "bạn", "b", "mk",
    "bot", "ad", "you", "your", "u", "ur", "i", "me", "my", "we"])
#: A yes/no question inside a message, folded: "… 8 giờ sáng đúng không, tôi cần …".
_YES_NO_INSIDE = re.compile(r" (?:dung|phai|duoc|dc|co) (?:khong|ko|k|hok|hong|hk|chua) ")
#: A task asked of the bot, folded: "viết giúp e cái email", "giải giùm", "chỉ bà cách nấu … với", "hát
#: cho tui nghe 1 bài đi", "cho tôi xin tên …" (not "xin lỗi").
_TASK_ASKED = re.compile(r" (?:giup|gium|dum|ho|voi|vs|xin(?! loi| phep| chao)) | chi (?:ba|bac|toi|em|minh|con|chau) "
                         r"| di $")
#: Where a clause ends: a verb named before the bot opens its clause ("hello, hỏi đc những gì vậy bot").
_CLAUSE_END = re.compile(r"[,.;:!?…]")


def _asks_capability(folded: list[str], start: int, bot_end: int, verb_end: int,
                     may_know: bool = False) -> int | None:
    """Where a capability question that begins at the bot (``start``; its words end at ``bot_end``)
    with a verb ending at ``verb_end`` ends, or None: "… được (những việc) gì", "… gì cũng được",
    "có thể … gì" ("hệ thống có thể hỗ trợ những việc gì"), "what can you … do"; with ``may_know``
    (a bot word that is no everyday word), "biết" right after it and "gì" after nothing but words for
    things ("cháu biết những chuyện gì"). With the bot named after it ("hỏi đc những gì vậy bot"),
    ``start`` and ``bot_end`` are both where the verb starts."""
    ahead = folded[verb_end:verb_end + 2 * _CAPABILITY_GAP + 1]
    can = next((k for k, w in enumerate(ahead[:_CAPABILITY_GAP + 1]) if w in _CAN), None)
    if can is not None:
        what = next((k for k, w in enumerate(ahead[can + 1:can + 2 + _CAPABILITY_GAP]) if w in _WHAT), None)
        if what is not None:
            return verb_end + can + what + 2
    what = next((k for k, w in enumerate(ahead[:_CAPABILITY_GAP + 1]) if w in _WHAT), None)
    if what is not None and ahead[what + 1:what + 3] in (["cung", "duoc"], ["cung", "dc"], ["cx", "dc"]):
        return verb_end + what + 3
    if may_know and start < bot_end and folded[bot_end:verb_end] == ["biet"]:
        # "cháu biết những chuyện gì", not "bạn biết bà Mai kết luận những gì không"
        things = list(itertools.takewhile(lambda w: w not in _WHAT, ahead[:_CAPABILITY_GAP + 1]))
        if len(things) <= _CAPABILITY_GAP and set(things) <= _THINGS:
            return verb_end + len(things) + 1
    if ["co", "the"] in (folded[bot_end:bot_end + 2], folded[bot_end - 2:bot_end]):
        # "bot có thể hỗ trợ em tìm hiểu những nội dung gì"
        what = next((k for k, w in enumerate(ahead) if w in _WHAT), None)
        if what is not None:
            return verb_end + what + 1
    if may_know and start < bot_end and folded[verb_end - 1] in _UNDERSTAND \
            and set(folded[bot_end:verb_end - 1]) <= {"co", "can", "do", "nay", "ni"}:  # not "bot ơi dễ hiểu hơn"
        # whether it understands: "bot có hiểu tiếng Nghệ không", "bạn có hiểu câu hỏi của tôi ko"
        end = next((k for k, w in enumerate(ahead) if w in _YES_NO_ENDS), None)
        if end is not None and not set(ahead[:end]) & _ASKED_OF_REPORT:  # "bạn có hiểu ai chủ trì không" asks who
            return verb_end + end + 1
    before = folded[max(0, start - 2):start]
    if before in (["what", "can"], ["what", "could"]) or folded[start - 1:start + 2] == ["what", folded[start], "can"]:
        return verb_end
    return None


def _ends_asking(text: str) -> bool:
    """Whether ``text`` ends as a question does: "?", or a question's last word ("… phải ko", "… vậy ạ")."""
    typed = raw_words(text)
    while typed and typed[-1] in _AFTER_QUESTION:
        typed.pop()
    return text.rstrip().endswith("?") or (bool(typed) and typed[-1] in _QUESTION_ENDS)


def _asks_from(text: str, start: int) -> bool:
    """Whether the sentence holding word ``start`` (of ``raw_words``), or one after it, ends with "?"."""
    seen = 0
    for sentence in sentences(text):
        seen += len(raw_words(sentence))
        if seen > start and sentence.rstrip().endswith("?"):
            return True
    return False


def _clause_starts(text: str) -> set[int]:
    """The word positions (of ``words(text)``) at which a clause of ``text`` begins."""
    starts, at = set(), 0
    for clause in _CLAUSE_END.split(text):
        starts.add(at)
        at += len(words(clause))
    return starts


def _sentence_spans(text: str, parts: list[str] | None = None) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` (or each of its ``parts``) starts and ends, in word positions of
    ``words(text)``."""
    spans, start = [], 0
    for sentence in sentences(text) if parts is None else parts:
        end = start + len(words(sentence))
        spans.append((start, end))
        start = end
    return spans



def _spellings(typed: tuple[str, ...], folded: tuple[str, ...],
               shorthand: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """A cue as the curator spelt it, and with each word that has a chat shorthand typed so."""
    variants: list[tuple[str, ...]] = [()]
    for word, plain in zip(typed, folded, strict=True):
        variants = [(*v, w) for v in variants for w in (word, *sorted(shorthand.get(plain, ())))]
    return variants


@dataclass(frozen=True)
class Cue:
    """A small-talk cue found in a message: its folded words, its intent, the index just after it,
    and whether it speaks of the bot itself (who it is, what it can do, how it answers) rather than
    opening or closing the message."""

    words: tuple[str, ...]
    intent_id: str
    end: int
    about_bot: bool = False


def _cue_set(cues: list[tuple[str, str]], vague: set[str],
             shorthand: dict[str, set[str]]) -> PhraseSet[tuple[str, tuple[str, ...]]]:
    """(intent id, cue) pairs as a phrase set to find as spelt, each also as typed in chat shorthand."""
    return PhraseSet((tuple(words(" ".join(variant))), (intent_id, variant))
                     for intent_id, cue in cues
                     if (folded := tuple(words(cue))) and len(folded) == len(raw_words(cue))
                     and not set(folded) <= vague
                     for variant in _spellings(tuple(raw_words(cue)), folded, shorthand))


#: Words of greeting, folded: only beside one is a greeting by name looked for.
_GREETING_WORDS = frozenset({"chao", "hi", "hello", "oi"})
#: A greeting of the bot by an everyday bot word, folded: "chào con", "em ơi".
_GREETED = re.compile(r"^(?:\W*\w+\W+){0,2}?(?:chao|xin chao|hi|hello) (\w+)\b|\b(\w+) oi\b")


class SmallTalkCues:
    """The knowledge base's small-talk cues and address words ("bot", "bạn", "cháu")."""

    def __init__(self, kb: KnowledgeBase, vague: set[str]) -> None:
        # Cues are found in the message's own words, filler included: "bạn là ai" keeps its "bạn"
        # (without it, "là ai" would take any "… là ai?"), and is spelt as the curator wrote it.
        # Each cue also as typed in chat shorthand: "làm dc những j" is "làm được những gì".
        shorthand = kb.rewriter.shorthand()
        cfg = kb.matching
        #: Bot words that are also everyday words, folded: "bà con", "em muốn hỏi" (the asker).
        self._everyday_bots = {" ".join(words(w)) for w in cfg.everyday_bot_words}
        cues = [(intent.id, cue) for intent in kb.intents.values() for cue in intent.cues]
        if cfg.identity_reply is not None:  # "cháu là người ở đâu", "ai tạo ra m": cues made of a bot word
            bots = [bot for bot in cfg.bot_words if " ".join(words(bot)) not in self._everyday_bots]
            cues += [(cfg.identity_reply, f"{bot} {said}") for bot in bots for said in cfg.identity_after]
            cues += [(cfg.identity_reply, f"{said} {bot}") for bot in bots for said in cfg.identity_before]
        self._cues = _cue_set(cues, vague, shorthand)
        #: Identity cues made of an everyday bot word ("con là ai"), used only in a message that greets
        #: the bot by that word ("chào con, …, con là ai mà trả lời được vậy").
        everyday = [bot for bot in cfg.bot_words if " ".join(words(bot)) in self._everyday_bots]
        self._greeted_identity = _cue_set([(cfg.identity_reply, f"{bot} {said}") for bot in everyday
                                           for said in cfg.identity_after] if cfg.identity_reply else [],
                                          vague, shorthand)
        #: Words the report and the curated texts write one way only, with marks, and that way ("chau": "cháu").
        self._one_spelling = one_spelling([*kb.paragraphs, *(text for intent in kb.intents.values()
                                                             for text in (intent.title, intent.answer, *intent.cues))])
        self._bot: PhraseSet[tuple[None, tuple[str, ...]]] = _spelt(cfg.bot_words)
        #: The bot's one-word names, folded, less the everyday ones: "bot", "ban" (bạn), "you".
        self._bot_names = {w for bot in cfg.bot_words if len(f := words(bot)) == 1 and (w := f[0])
                           not in self._everyday_bots}
        self._able: PhraseSet[tuple[None, tuple[str, ...]]] = _spelt(cfg.capability_verbs)
        self._answers: PhraseSet[tuple[None, tuple[str, ...]]] = _spelt(cfg.answer_words)
        #: Words that judge the answers, with the reply to each kind: complaints first, so "chưa rõ
        #: ràng" is no praise of "rõ ràng".
        self._judgements = [(_spelt(judged), reply) for judged, reply in (
            (cfg.judgement_words, cfg.judgement_reply), (cfg.praise_words, cfg.praise_reply)) if reply is not None]
        self._capability_reply, self._identity = cfg.capability_reply, cfg.identity_reply
        self._greeting, self._parting = cfg.greeting_intent, cfg.parting_reply
        self._praise, self._complaint = cfg.praise_reply, cfg.judgement_reply
        #: Farewells spelt with marks ("đi đây"), folded: typed plain inside a clause they may be other words.
        self._marked_partings = {tuple(words(cue)) for cue in (kb.intents[self._parting].cues if self._parting
                                                              in kb.intents else ()) if not cue.isascii()}
        self._asking: PhraseSet[None] = PhraseSet((words(cue), None) for cue in kb.matching.asks_question)
        self._not_cues: PhraseSet[None] = PhraseSet((words(phrase), None) for phrase in kb.matching.not_cues)
        self._address = sorted((tuple(t) for w in kb.matching.address_words if (t := words(w))), key=len,
                               reverse=True)

    def find(self, text: str) -> list[Cue]:
        """The cues in ``text``, spelt right, less those inside a phrase that is no small talk ("thanks to")."""
        found = find_spelt(self._cues, text, self._one_spelling)
        folded = words(text)
        greeted = {w for m in _GREETED.finditer(" ".join(folded)) for w in m.groups()
                   if w in self._everyday_bots} if _GREETING_WORDS & set(folded) else set()
        if greeted:  # "chào con, bác già rồi, con là ai mà trả lời được vậy": "con" is the bot
            found += [f for f in find_spelt(self._greeted_identity, text, self._one_spelling) if f[0][0] in greeted]
        # the report named beside a cue of who the bot is, looked for only then
        of_report = any(intent_id == self._identity for _, intent_id, _ in found) and \
            bool(find_spelt(_THE_REPORT, text, self._one_spelling))
        cues = [Cue(cue, intent_id, end, about_bot=self._speaks_of_bot(intent_id, cue, of_report))
                for cue, intent_id, end in found]
        if any(len(c.words) > 1 for c in cues):  # "Xin chào, chị là …" greets no "chị": a curated cue ends at a comma
            breaks = _clause_breaks(text)
            cues = [c for c in cues if not any(c.end - len(c.words) < b < c.end for b in breaks)]
        if any(c.intent_id == self._parting for c in cues):  # "hoi xua di day toi hay day…" is no "đi đây"
            cues = [c for c in cues if c.intent_id != self._parting or not self._read_otherwise(text, c)]
        if any(c.words[0] in _CLAUSE_FIRST for c in cues):  # "mong cháu trả lời dễ hiểu thôi nhé": "only"
            starts = _clause_starts(text)
            cues = [c for c in cues if c.words[0] not in _CLAUSE_FIRST or c.end - len(c.words) in starts]
        if any(c.words[:-1] in _PRESENCE for c in cues):
            cues = [c for c in cues if c.words[:-1] not in _PRESENCE or self._opens(text, folded, c, cues)]
        cues += self._about_the_bot(text)  # judgements run on over commas: "trả lời ngắn gọn, rõ ràng"
        if not cues:
            return cues
        spans = [(end - len(phrase), end) for phrase, _, end in self._not_cues.find(words(text))]
        cues = [c for c in cues if not any(start <= c.end - len(c.words) and c.end <= end for start, end in spans)]
        return self._wishes_complain(words(text), cues)

    def _opens(self, text: str, folded: list[str], cue: Cue, cues: list[Cue]) -> bool:
        """Whether ``cue`` begins its clause, but for other cues' words and words addressing the bot."""
        start = cue.end - len(cue.words)
        at = max(s for s in _clause_starts(text) if s <= start)
        spans = [(c.end - len(c.words), c.end) for c in cues if c is not cue and c.end <= start]
        while at < start:
            ends = [end for s, end in spans if s == at]
            ends += [at + len(a) for a in self._address if tuple(folded[at:at + len(a)]) == a]
            ends += [at + 1] if folded[at] in _BEFORE_PRESENCE else []
            if not ends or max(ends) > start:
                return False
            at = max(ends)
        return True

    def _read_otherwise(self, text: str, cue: Cue) -> bool:
        """Whether a farewell spelt with marks, typed plain, has its clause go on for more than ``_EDGE``
        words after it: "thoi chau di day" ends its clause, "hoi xua di day toi hay day hoc tro" (đi dạy,
        went teaching) does not."""
        start, typed = cue.end - len(cue.words), raw_words(text)
        if cue.words not in self._marked_partings or len(typed) != len(words(text)) \
                or not all(w.isascii() for w in typed[start:cue.end]):
            return False
        ends = [b for b in _clause_breaks(text) if b >= cue.end]
        return min(ends, default=len(words(text))) - cue.end > _EDGE

    def _wishes_complain(self, folded: list[str], cues: list[Cue]) -> list[Cue]:
        """Praise wished for is a complaint: "nói dễ hiểu hơn chút đi", or "dễ hiểu" asked for
        after a complaint ("Bot nói dài quá, lần sau nói dễ hiểu giùm tui"), says the answers are not;
        wished for at the start ("mong Bot trả lời ngắn gọn, rõ ràng"), it is neither."""
        complaint = next((c for c in cues if c.intent_id == self._complaint), None)
        kept = []
        for cue in cues:
            start = cue.end - len(cue.words)
            if cue.intent_id != self._praise:
                kept.append(cue)
            elif _WISHED & set(folded[max(0, start - _WISHED_GAP):start]):
                continue  # "mong Bot trả lời ngắn gọn, rõ ràng giúp tôi nhé" asks for it
            elif self._complaint is not None and folded[cue.end:cue.end + 1] in (["hon"], ["more"]) \
                    and _asks_more(folded[cue.end + 1:cue.end + 4]):
                kept.append(Cue(cue.words, self._complaint, cue.end, cue.about_bot))
            elif complaint is None or complaint.end > cue.end or not _WISH.search(
                    " ".join(folded[complaint.end:cue.end - len(cue.words)])):
                kept.append(cue)
        return kept

    def _speaks_of_bot(self, intent_id: str, cue: tuple[str, ...], of_report: bool) -> bool:
        """Whether a cue speaks of the bot itself: who it is ("bạn là ai", "chatgpt"; not "trí tuệ
        nhân tạo" in a message that speaks of the report, which may be asked about it), or what it
        can do, in words that name it ("what can I ask you", not "sorry" or "help")."""
        named = bool(self._bot_names & set(cue))
        return (intent_id == self._identity and (named or not of_report)) or \
            (intent_id == self._capability_reply and named)

    def _about_the_bot(self, text: str) -> list[Cue]:
        """What the message says about the bot, as cues: a capability asked of it ("bạn hỗ trợ được
        những nội dung gì", "what can you actually do"), or a judgement of its answers, a complaint
        ("trả lời hơi chậm") or praise ("trả lời nhanh mà rõ ràng quá")."""
        folded = words(text)
        found = []
        bots = find_spelt(self._bot, text, self._one_spelling)
        if self._capability_reply is not None and bots:
            verbs = {end - len(verb): end for verb, _, end in find_spelt(self._able, text, self._one_spelling)}
            for bot, _, end in bots:
                start = end - len(bot)
                if bot == ("ban",) and tuple(folded[end:end + 2]) in _BOARDS:
                    continue  # "ban dan van lam duoc nhung gi" is the Board's work, not the bot's
                verb_end = next((verbs[k] for k in range(end, end + _VERB_GAP + 1) if k in verbs), None)
                asked = None if verb_end is None else _asks_capability(
                    folded, start, end, verb_end, may_know=" ".join(bot) not in self._everyday_bots)
                if asked is not None:
                    found.append(Cue(tuple(folded[start:asked]), self._capability_reply, asked, about_bot=True))
                    break
            else:  # the bot named after what it is asked, at the start of a clause: "hello, hỏi đc những gì vậy bot"
                starts = {end - len(bot): end for bot, _, end in bots}
                opening = _clause_starts(text)
                for start, verb_end in verbs.items():
                    asked = _asks_capability(folded, start, start, verb_end) if start in opening else None
                    bot_end = None if asked is None else next(
                        (starts[k] for k in range(asked, asked + _VERB_GAP + 1) if k in starts), None)
                    if bot_end is not None:
                        found.append(Cue(tuple(folded[start:bot_end]), self._capability_reply, bot_end, about_bot=True))
                        break
        taken = [(end - len(p), end) for p, _, end in self._not_cues.find(folded)]  # "kéo dài", "bao lâu"
        judged: list[tuple[int, int, str]] = []  # complaints first: "chưa rõ ràng" holds no praise of "rõ ràng"
        for words_of, reply in self._judgements:
            for j, _, end in find_spelt(words_of, text, self._one_spelling):
                if not any(s <= end - len(j) and end <= e for s, e in taken):
                    judged.append((end - len(j), end, reply))
                    taken.append((end - len(j), end))
        if not judged:  # most questions judge nothing: spare reading their sentences
            return found
        judged.sort()
        spans = _sentence_spans(text)
        asking = [_ends_asking(sentence) for sentence in sentences(text)]  # "… khác gì tự đọc bài ạ." asks nothing
        clauses = re.split(r"(?<=[,;:])", text)
        clause_spans = [(span, _ends_asking(clause)) for span, clause in zip(_sentence_spans(text, clauses), clauses,
                                                                               strict=True)]
        answers = [(a, end) for a, _, end in find_spelt(self._answers, text, self._one_spelling)]
        answers = [(a, end) for a, end in answers  # "câu trả lời", not the "trả lời" in it
                   if not any(len(b) > len(a) and e - len(b) <= end - len(a) and end <= e for b, e in answers)]
        said: dict[str, Cue] = {}
        for k, (answer, end) in enumerate(answers):
            first, last = self._judged_within(folded, spans, asking, answer, end, clause_spans)
            if k + 1 < len(answers):  # the next answer word has the judgements after it
                first = min(first, answers[k + 1][1] - len(answers[k + 1][0]))
            # the nearest judgement judges them: "trả lời dài với khó hiểu quá, nói dễ hiểu hơn" complains
            near = next(((s, e, reply) for s, e, reply in judged if end <= s), None)
            if near is not None and near[0] <= first and near[1] <= last:
                _, stop, reply = near
                said.setdefault(reply, Cue(tuple(folded[end - len(answer):stop]), reply, stop, about_bot=True))
        if not said:  # a sentence, or the clause that opens the message, of nothing but a judgement, asking
            # nothing: "Không đúng.", "Tốt.", "chung chung quá, sếp đọc là bắt sửa ngay"
            clauses_typed = _CLAUSE_END.split(text)  # …after an interjection: "Wow, that was really clear!"
            skipped = next((k for k, part in enumerate(clauses_typed) if not set(words(part)) <= _FILLER), 0) \
                if not any(asking) else 0  # "Wow, that was clear, but who chaired?" asks on
            clause = clauses_typed[skipped]
            first = sum(len(words(part)) for part in clauses_typed[:skipped])
            alone = [*zip(spans, asking, strict=True),
                     ((first, first + len(words(clause))), _ends_asking(clause))]
            for s, e, reply in judged:
                if any(a <= s and e <= b and not asks and set(folded[a:s] + folded[e:b]) <= self._bot_names | _FILLER
                       for (a, b), asks in alone):
                    said.setdefault(reply, Cue(tuple(folded[s:e]), reply, e, about_bot=True))
        return found + list(said.values())

    def _judged_within(self, folded: list[str], spans: list[tuple[int, int]], asking: list[bool],
                       answer: tuple[str, ...], end: int,
                       clauses: list[tuple[tuple[int, int], bool]]) -> tuple[int, int]:
        """Where a judgement of the answers (``answer``, ending at word ``end``) may start and end: in
        the rest of the sentence when the answers, named as such, open a sentence that asks nothing
        ("Câu trả lời lúc nãy về quyền làm chủ hơi chung chung quá", "Bot trả lời …", "Your answer
        …"), or in the rest of the clause that opens it, asking nothing ("Câu trả lời vừa rồi của bạn
        khá sơ lược và chưa chỉ rõ nguồn, lần sau … được không?"); else a few words after them ("trả
        lời hơi chậm"), never in "Trả lời giúp mình: …"."""
        start = end - len(answer)
        at = next((k for k, (a, b) in enumerate(spans) if a <= start < b), None)
        clause = next(((a, b) for (a, b), asks in clauses if a <= start < b and not asks), None)
        span = spans[at] if at is not None and not asking[at] else (
            clause if at is not None and clause is not None and clause[0] == spans[at][0] else None)
        if span is not None:
            before = folded[span[0]:start]
            named = answer[0] == "cau" or (before[-1:] and (before[-1] in self._bot_names or before[-1] in _YOUR))
            if named and set(before) <= self._bot_names | _YOUR | _OPENERS:
                return span[1] - 1, span[1]
        return end + _JUDGEMENT_GAP, len(folded)

    def parting(self, text: str, chosen: Cue, cues: list[Cue]) -> str | None:
        """``parting_reply`` when ``chosen`` is a greeting said after something else, which takes
        leave: "Cảm ơn, tạm đủ rồi. … chào bạn", "Ok, khớp rồi. Tôi chào nhé"; else None. After
        another greeting, only other talk before it makes it a parting ("Hi there! Xin chào" greets)."""
        start = chosen.end - len(chosen.words)
        if self._parting is None or chosen.intent_id != self._greeting or start == 0:
            return None
        if _asks_from(text, start):  # "Annyeonghaseyo! Hello bot, can you answer me in English?" opens
            return None
        after_talk = any(cue.end <= start for cue in cues if cue.intent_id != self._greeting)  # "alo, có ai ko" greets
        if any(cue.intent_id == self._greeting and cue.end <= start for cue in cues):
            return self._parting if after_talk else None  # "Hi there! Xin chào" greets twice
        closes = raw_words(text)[0].lower() in _CLOSING and _closes_from(words(text)[max(0, start - 1):])
        return self._parting if after_talk or closes or start >= len(words(sentences(text)[0])) else None

    @staticmethod
    def asked_first(text: str, cues: list[Cue]) -> list[Cue]:
        """The cues in the sentences that end with "?", when only some are: "…, là người thật hay là
        bot vậy ạ? Em thấy trả lời nhanh quá hihi" asks who answers; the praise is said in passing."""
        spans = [span for span, sentence in zip(_sentence_spans(text), sentences(text), strict=True)
                 if sentence.rstrip().endswith("?")]
        asked = [cue for cue in cues if any(a < cue.end <= b for a, b in spans)]
        return asked or cues

    @staticmethod
    def without_cues(text: str, cues: list[Cue]) -> str:
        """The message with its cues taken out, as typed.

        Every word of every cue goes: "chào anh chị ạ" whole, not as "chào" leaving "anh chị" (read
        as "ảnh", the photos); "Xin chào bot" as "xin chào" and "chào bot" together.
        """
        drop = [False] * len(words(text))
        for cue in cues:
            drop[cue.end - len(cue.words):cue.end] = [True] * len(cue.words)
        return without_words(text, drop)

    def asks(self, text: str, cues: list[Cue]) -> bool:
        """Whether ``text`` asks a question besides its small talk ``cues``.

        Either words that say a question comes, followed by one ("cho mình hỏi … ngày nào", "cho
        cháu hỏi ông Vượng có dặn … không"), or a last sentence free of cues that asks ("Cảm ơn bot
        nha. Vậy năm sau … vào những dịp nào?"). "… bác muốn hỏi chút về hội nghị, bot trả lời được
        không" only announces a question; "báo cáo" is no "bao nhiêu".
        """
        left = self.without_cues(text, cues)
        starts = [end for _, _, end in self._asking.find(words(left))]
        if starts and _asks(left, after=starts[0]):
            return True
        return self.asks_apart(text)

    def announced_question(self, left: str) -> str:
        """The sentences from the last that opens by announcing a question ("Cho hỏi thêm là …"), or
        ``left`` whole: "…, thông tin rõ ràng dễ báo cáo lại cho anh em. Cho hỏi thêm là hội nghị do cơ
        quan nào tổ chức vậy?" asks the organiser, not the summary report the thanks mention."""
        parts = sentences(left)
        opening = [i for i, part in enumerate(parts) if i > 0 and any(
            end - len(cue) == 0 for cue, _, end in self._asking.find(words(part))) and _asks(part)]
        return " ".join(parts[opening[-1]:]) if opening else left

    def asks_apart(self, text: str) -> bool:
        """Whether the last sentence of ``text``, free of small talk, asks a question of its own
        ("Cảm ơn bot nha. Vậy năm sau … vào những dịp nào?"); a statement is none ("It contradicts
        what I read elsewhere.")."""
        last = sentences(text)[-1]
        return last != text.strip() and not self.find(last) and len(words(last)) >= _MIN_WORDS and _asks(last) \
            and not last.rstrip().endswith((".", "!"))

    def asks_within(self, text: str, cue: Cue, cues: list[Cue]) -> bool:
        """Whether all ``text`` asks besides its small talk lies in the clause of ``cue``: "Bạn là người
        thật đang trả lời hay là máy vậy?" goes on asking who the bot is; "Bot là ai vậy, hội nghị do ai
        chủ trì?" asks two things; "Nguồn thông tin của bạn là gì?" asks of something the bot has."""
        folded = words(text)
        if folded[cue.end - len(cue.words) - 1:cue.end - len(cue.words)] == ["cua"]:
            return False
        clauses = _CLAUSE_END.split(text)
        start, end = next((span for span in _sentence_spans(text, clauses) if span[0] < cue.end <= span[1]),
                          (0, len(folded)))
        talk = {i for c in cues for i in range(c.end - len(c.words), c.end)}
        return all(i in talk or start <= i < end or w in self._bot_names or w in _FILLER
                   for i, w in enumerate(folded))

    def requests(self, text: str) -> bool:
        """Whether ``text`` holds words that ask for something ("cho mình biết", "tell me", "liệt kê …")."""
        folded = words(text)
        return bool(self._asking.find(folded)) or bool(_REQUESTING.search(f" {' '.join(folded)} "))

    def only_remarks(self, text: str) -> bool:
        """Whether ``text`` is a remark between the asker and the bot: it speaks of one of them ("mình",
        "cháu", "you"; "giá xăng hôm nay" is a query) and asks and requests nothing: no question
        word, "?" or question ending, no "đúng không" inside it, no "tóm tắt…", "viết giúp…", "cho
        tôi xin…"."""
        folded = f" {' '.join(words(text))} "
        return bool(find_spelt(_PEOPLE, text, self._one_spelling)) and not (
            self.is_question(text) or self.requests(text) or _YES_NO_INSIDE.search(folded)
            or _TASK_ASKED.search(folded))

    def question_start(self, text: str) -> int | None:
        """Where the words that say a question comes ("cho mình hỏi", "muốn biết") start, as a word
        index of ``words(text)``; None without them."""
        found = self._asking.find(words(text))
        return min((end - len(phrase) for phrase, _, end in found), default=None)

    @staticmethod
    def asks_leave(text: str) -> bool:
        """Whether ``text`` only asks leave to ask: "… hỏi mấy câu về bài báo được không ạ?", with no
        question word of its own ("hỏi ai chủ trì được không" asks who chaired)."""
        folded = " ".join(words(text))
        return bool(_LEAVE.search(folded) and _REQUEST.search(folded)) and not find_spelt(_QUESTION_WORDS, text)

    def only_calls(self, cues: list[Cue]) -> bool:
        """Whether the cues only call the bot ("bot ơi", "ad ơi"): whatever follows is the message."""
        return all(not self.without_address(list(cue.words)) for cue in cues)  # "con ơi", not "còn"

    @staticmethod
    def has_question(text: str) -> bool:
        """Whether ``text`` holds a question word spelt right, or "có … không"."""
        return _asks(text)

    @staticmethod
    def is_question(text: str) -> bool:
        """Whether ``text`` reads as a question: a question word, a question mark, or a question's
        last word ("… phải ko", "… nữa không")."""
        return _asks(text) or "?" in text or _ends_asking(text) or bool(_MORE_QUESTION_WORDS & set(words(text)))

    def calls_the_bot(self, text: str) -> bool:
        """Whether ``text`` calls the bot by one of its names (``bot_words``, spelt, less the
        everyday ones): "can u …", "cháu biết …", "ai tạo ra m"."""
        found = find_spelt(self._bot, text, self._one_spelling)
        return any(" ".join(bot) not in self._everyday_bots for bot, _, _ in found)

    @staticmethod
    def speaks_to_bot(text: str) -> bool:
        """Whether ``text`` has a word that speaks to the bot ("bạn", "you", "bot")."""
        return bool(_TO_THE_BOT & {w.lower() for w in raw_words(text)})

    @staticmethod
    def only_frames(text: str, left: str, cues: list[Cue]) -> bool:
        """Whether the small talk only opens or closes the message ("Xin chào bot! …", "… Cảm ơn bot
        nhiều."), and what is left does not speak to the bot ("bạn được tạo ra để làm gì?")."""
        last = len(words(text))
        addressed = raw_words(_REQUEST_FRAME.sub(" ", left))[:-_EDGE]  # "… Cảm ơn bot nhiều": "bot nhiều" is the thanks
        return all(cue.end - len(cue.words) <= _EDGE or cue.end >= last - _EDGE for cue in cues) and \
            not _TO_THE_BOT & set(addressed)

    def without_address(self, tokens: list[str]) -> list[str]:
        """``tokens`` without the words that address the bot: every "cháu", "bot", "bạn"."""
        rest = list(tokens)
        for address in self._address:
            at = 0
            while at + len(address) <= len(rest):
                if tuple(rest[at:at + len(address)]) == address:
                    del rest[at:at + len(address)]
                else:
                    at += 1
        return rest


def _closes_from(folded: list[str]) -> bool:
    """Whether a greeting after "Thôi" (``folded``: the words from the one before the greeting on) takes leave
    rather than opens: "chào cháu nghe, mai rảnh tôi hỏi tiếp" leaves, "xin chào lại, mình hỏi tiếp nhé" asks on."""
    return not _ASKS_NOW & set(folded) or bool(_LATER & set(folded))
