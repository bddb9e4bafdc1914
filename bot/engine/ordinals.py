"""Items of a numbered list named by position: "nhiệm vụ thứ tư", "điều số 4", "the last task", "áp chót".

A question that names the fourth task is about the fourth task, however long the rest of it
is or whatever else it mentions; lexical scores alone blur "task 4" into the overview of all
seven or into a neighbouring task. Positions are read off the matcher's tokens, after synonyms
have turned "thứ tư", "fourth", "4th" into "4".
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bot.kb.loader import KnowledgeBase
from bot.kb.schema import NumberedList
from bot.text.normalize import has_digit, words

#: Words that may stand between an item word and its number: "nhiệm vụ thứ 4", "task number 4".
_MARKERS = frozenset({"thu", "so", "number", "no", "nr", "num"})
#: Words that may stand between a position and the item word before it: "the first *of the* tasks".
_BETWEEN = frozenset({"of", "the", "cac", "trong", "in", "among"})
#: Words between an item word and "đầu tiên" or "cuối cùng" that only say where it was put, folded: "nhiệm vụ
#: được xếp đầu tiên", "việc được nêu cuối cùng".
_PLACED = frozenset({"duoc", "xep", "neu", "dat", "ghi", "dung", "giao", "ke", "nhac", "o", "vi", "tri", "len"})
#: Words that name the last item: "nhiệm vụ cuối cùng", "the final task", "the last of the tasks".
_LAST = frozenset({"cuoi", "last", "final"})
#: …of which these also name it before the item word: "the last task", "the final of the seven".
_LAST_BEFORE = frozenset({"last", "final"})
#: The item before the last, folded: "the one before the last", "second to last", "áp chót", "kế cuối".
_BEFORE_LAST = re.compile(r"\b(?:(?:one|task|item) before (?:the )?last|second[ -]to[ -]last|next[ -]to[ -]last|"
                          r"penultimate|ap chot|ke cuoi|sat cuoi|truoc cuoi)\b")
#: Two words before an item word that ask how many items there are, folded.
_HOW_MANY = frozenset({("bao", "nhieu"), ("how", "many"), ("number", "of"), ("so", "luong"), ("tong", "so")})
#: Words after "nhiệm vụ gì" that ask which one concerns something ("nhiệm vụ gì liên quan đến Mặt trận"),
#: not what all the tasks are ("bà Mai giao nhiệm vụ gì?").
_CONCERNING = frozenset({"lien", "ve", "doi", "danh"})
#: English numbers written out after an item word, which name its place: "task one", "item three".
_CARDINALS = {w: n for n, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                          "ten"), start=1)}
#: An item word inside another word, folded: "đồng ý" (agree), "chú ý", "lưu ý" (note) name no point of a
#: list, "màn hình" (a screen), "tình hình 5 năm qua" (the situation), "mô hình" (a model) no photo.
_INSIDE_A_WORD = frozenset({("dong", "y"), ("chu", "y"), ("luu", "y"), ("man", "hinh"), ("man", "anh"),
                            ("tinh", "hinh"), ("mo", "hinh"), ("dien", "hinh"), ("dia", "hinh"), ("loai", "hinh"),
                            ("phan", "anh")})
#: Words before a count that make it the list the question picks from, not a count it claims.
_AMONG = frozenset({"trong", "among", "of", "in"})
#: How many words may separate an item word from "thứ/số N" ("việc cần làm số 3").
_GAP = 3
#: How far before the count "the N-th of" may stand, a name of whose list between: "the third of Ms.
#: Mai's seven tasks".
_OWNER_GAP = 6
#: An English ordinal in the question: only then is a number *before* the item word a position
#: ("the 4th task"); in Vietnamese it counts ("bảy nhiệm vụ" are seven tasks, the 7th is "thứ bảy").
_ENGLISH_ORDINAL = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                              r"ninth|tenth)\b", re.IGNORECASE)
#: A count spelt out in Vietnamese before the words after it ("tám nhiệm vụ"), with its diacritics, since
#: folded "sau", "nam", "ba" are also "after", "year" and "Mrs"; not a place ("thứ tám").
_SPELT_COUNT = re.compile(r"\b(?<!thứ )(?<!số )(hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(\w+(?:\s+\w+){0,3})",
                          re.IGNORECASE)
_SPELT_NUMBERS = {w: n for n, w in enumerate(("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"), start=2)}
_ORDINAL_WORDS = {w: n for n, w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                              "eighth", "ninth", "tenth"), start=1)}


def ordinal_places(text: str) -> frozenset[int]:
    """The places the question's English ordinals name: "the 4th task" → {4}, "the first task" → {1}."""
    return frozenset(_ORDINAL_WORDS.get(o.lower()) or int(o[:-2]) for o in _english_ordinals(text))


def _english_ordinals(text: str) -> list[str]:
    """The English ordinals as typed ("4th", "Fourth"), looked for only where a digit or an ordinal word stands:
    most questions (in Vietnamese) have neither, and those tests run in C."""
    lowered = text.lower()
    if not (has_digit(text) or any(word in lowered for word in _ORDINAL_WORDS)):
        return []
    found: list[str] = _ENGLISH_ORDINAL.findall(text)
    return found


@dataclass(frozen=True)
class ItemRef:
    """A list and the position a question names; ``intent`` is None past the end."""

    numbered: NumberedList
    position: int

    @property
    def intent(self) -> str | None:
        """The item's intent id, if the list has that many items."""
        items = self.numbered.items
        return items[self.position - 1] if 1 <= self.position <= len(items) else None


#: A number that measures, right after an item word, as typed (marks decide: "ý 1 dòng" is one line a
#: point, not the first point; "nhiệm vụ 5 đồng bào …" is the fifth task; "ý 3 …, trả lời 3 câu" the third).
_MEASURED = re.compile(r"\b(?:ý|nhiệm vụ|nvụ|việc|điều|mục|yêu cầu|task|item|point|requirement)\s+(\d+)\s+"
                       r"(?:dòng|câu|trang|lần|phút|chữ|lines?|sentences?|words?|pages?)\b", re.IGNORECASE)
#: An item word, then a word that places one item next to another, followed by a break: "các nhiệm vụ sau,
#: nhiệm vụ 2", "7 nhiệm vụ sau đây: …" list them below; "trước," the ones before ("Sau đây cho mình hỏi: …"
#: opens the message).
_LISTED = re.compile(r"\b(?:nhiệm vụ|nvụ|việc|ý|điều|mục|yêu cầu|tasks?|items?|points?)\b[^,.:;?]{0,30}?"
                     r"\b(?:sau|trước|after|before|following)\s*(?:[,:;]|đây\b)", re.IGNORECASE)
#: Words before an item word that take every item: "ghi từng ý", "mỗi nhiệm vụ", "each task".
_EACH = frozenset({"tung", "moi", "each", "every"})
#: A section number of the asker's own writing: "e cần cho mục 2.3", "for section 3.1 of my paper".
_SECTION = re.compile(r"\b(?:mục|muc|phần|phan|chương|chuong|ý|điều|dieu|section|chapter|part|item|point)\s+"
                      r"\d+\.\d+\b", re.IGNORECASE)
#: Words that only ask what something is, folded: "là gì", "gồm những gì", "là những việc nào vậy".
_ASKING_WHAT = frozenset({"la", "gi", "j", "gom", "nhung", "co", "nao", "viec", "vay", "a", "ha", "the"})
#: Words that ask for all of a list's items before its item word: "các nhiệm vụ của bà Mai".
_ALL_OF = frozenset({"cac", "nhung", "tat", "ca"})
#: Words of address before a name: "bà Mai", "đồng chí Trương Thị Mai".
_ADDRESS = frozenset({"ba", "ong", "dong", "chi", "dc", "ms", "mr", "mrs", "madame"})
#: A number this large after "nhiệm vụ" is a year ("các nhiệm vụ 2021"), not a place in a list.
YEAR_FROM = 1000


class ListItems:
    """Finds "the N-th item" of the knowledge base's numbered lists in a question."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._lists = [(numbered, _ItemWords(tuple(kb.tokens(w)) for w in numbered.words if kb.tokens(w)))
                       for numbered in kb.lists]
        #: Whose words each list is, by its items' topic ("vuong", "mai").
        self._topics = {numbered.id: kb.intents[numbered.items[0]].topic for numbered in kb.lists
                        if numbered.items[0] in kb.intents}
        #: The item words that count items after a number: not one Vietnamese syllable ("lớp 11:
        #: việc …" is a school year, "ý 2" a point), but "nhiệm vụ", "task".
        self._counted = {numbered.id: _ItemWords(tuple(kb.tokens(w)) for w in numbered.words
                                                 if len(kb.tokens(w)) > 1 or (w.isascii() and len(w) > 3))
                         for numbered in kb.lists}
        #: The words that say whose each list is ("của bà Trương Thị Mai"), folded.
        self._owners = {numbered.id: {t for p in kb.followups.people if p.topic == self._topics.get(numbered.id)
                                      for t in words(p.name)} | _ADDRESS for numbered in kb.lists}

    def find(self, tokens: list[str], text: str, topics: frozenset[str] = frozenset()) -> ItemRef | None:
        """The first list item the question (``text``, read as ``tokens``) names by position, if any;
        the lists of the people it names (their ``topics``) first: "ý đầu tiên đồng chí Vượng yêu cầu"
        is the first of his requirements, not of Mai's tasks."""
        lists = self._usable(topics)
        ordinals = ordinal_places(text)
        if ordinals and (nth := self._nth_one(tokens, lists)) is not None:
            return nth
        named = [(numbered, spans) for numbered, item_words in lists if (spans := list(item_words.spans(tokens)))]
        if not named:  # most questions name no list's item word
            return None
        before_last = bool(_BEFORE_LAST.search(" ".join(words(text))))
        measured = frozenset(m.group(1) for m in _MEASURED.finditer(text))
        listed = bool(_LISTED.search(text))
        for numbered, spans in named:
            for i, end in spans:
                if tuple(tokens[i - 1:i + 1]) in _INSIDE_A_WORD:  # "có đồng ý với nhiệm vụ thứ 7": no "ý" of a list
                    continue
                if not listed and any(_next_to(tokens, (i, end), (j, e)) for j, e in spans if j >= end):
                    continue  # "nhiệm vụ trước nhiệm vụ thứ 5": the place is the second item word's
                if before_last:  # "what is the one before the last of the seven tasks about?"
                    return ItemRef(numbered, len(numbered.items) - 1)
                position = _position(tokens, i, end, len(numbered.items), ordinals, measured)
                if position is not None and not _SECTION.search(text):
                    position += 0 if listed else next(
                        (shift for span in spans if (shift := _next_to(tokens, span, (i, end)))), 0)
                    if position >= 1:  # "nhiệm vụ trước nhiệm vụ số 1": none
                        return ItemRef(self._named_owners(numbered, tokens, (i, end), topics, lists), position)
        return None

    def _named_owners(self, numbered: NumberedList, tokens: list[str], span: tuple[int, int], topics: frozenset[str],
                      lists: _Lists) -> NumberedList:
        """The list of the person named, when the place came by another's one-syllable word and theirs
        follows: in "việc đầu tiên ông Vượng yêu cầu", "việc" counts Mai's tasks, but "yêu cầu" of the one
        named makes it his ("nhiệm vụ thứ 3 ông Vượng có nói không" stays Mai's)."""
        if self._topics.get(numbered.id) in topics or span[1] - span[0] > 1:
            return numbered
        return next((theirs for theirs, item_words in lists if self._topics.get(theirs.id) in topics
                     and any(j >= span[1] and tuple(tokens[j - 1:j + 1]) not in _INSIDE_A_WORD
                             for j, _ in item_words.spans(tokens))), numbered)

    @functools.lru_cache(maxsize=16)  # noqa: B019 - one ListItems per knowledge base; few sets of topics, each asked often
    def _usable(self, topics: frozenset[str]) -> _Lists:
        """The lists a question naming people of ``topics`` may mean, theirs first; a ``named_only``
        list only when its person is named."""
        return tuple(sorted(((numbered, item_words) for numbered, item_words in self._lists
                       if not numbered.named_only or self._topics.get(numbered.id) in topics),
                      key=lambda pair: self._topics.get(pair[0].id) not in topics))

    @staticmethod
    def _nth_one(tokens: list[str], lists: _Lists) -> ItemRef | None:
        """"… seven key tasks. What does the fifth one ask?", "the second one of the seven priority
        tasks": the list named, before or after "the N-th one" (not the count of the list)."""
        for numbered, item_words in lists:
            named = [i for i, _ in item_words.spans(tokens)]
            for k in range(1, len(tokens)):
                if named and tokens[k] == "one" and _place(tokens[k - 1]) \
                        and int(tokens[k - 1]) <= len(numbered.items):
                    return ItemRef(numbered, int(tokens[k - 1]))
        return None

    def miscounted(self, tokens: list[str], text: str, topics: frozenset[str] = frozenset(),
                   right_too: bool = False) -> NumberedList | None:
        """The list a question gives another count of: "bà Mai nêu 5 nhiệm vụ trọng tâm, đúng không?".

        A number right before the item word counts the items in Vietnamese ("5 nhiệm vụ") and in
        English without an ordinal ("five key tasks"); the list's overview gives the true count. A
        count that fits a list the question may mean is no miscount ("seven priority tasks"), unless
        ``right_too`` (a claim to confirm: "Mai gave seven priority tasks and not five, right?").
        """
        if _english_ordinals(text):
            return None
        lists = self._usable(topics)
        for i in range(1, len(tokens)):
            if not _place(tokens[i - 1]) or _MARKERS & set(tokens[i - 2:i - 1]):  # "number 5 task" is a position
                continue
            if right_too and set(tokens[i - 2:i - 1]) & _AMONG:  # "trong 7 nhiệm vụ, … về bầu cử đúng không"
                continue
            found = self._miscounting(lists, tokens, i, right_too)
            if found:
                return found
        for spelt in _SPELT_COUNT.finditer(text):  # "bà Mai nêu tám nhiệm vụ"
            found = self._miscounting(lists, [str(_SPELT_NUMBERS[spelt[1].lower()]), *words(spelt[2])], 1, right_too)
            if found:
                return found
        return None

    def _miscounting(self, lists: _Lists, tokens: list[str], i: int,
                     right_too: bool) -> NumberedList | None:
        """The list whose item word starts at ``tokens[i]`` when the number before it is not its count."""
        counting = [numbered for numbered, _ in lists if self._counted[numbered.id].starts(tokens, i)]
        if counting and (right_too or all(int(tokens[i - 1]) != len(numbered.items) for numbered in counting)):
            return counting[0]
        return None

    def counted(self, tokens: list[str], topics: frozenset[str] = frozenset()) -> NumberedList | None:
        """The list whose items a question counts: "bao nhiêu nhiệm vụ", "how many tasks", "nhiệm vụ
        năm 2021 có mấy cái" (the count asked within a few words after the item word)."""
        for numbered, _ in self._usable(topics):
            for i, end in self._counted[numbered.id].spans(tokens):
                before = tokens[max(0, i - 2):i]
                after = tokens[end:end + _GAP + 2]
                # "bà Mai nêu mấy nhiệm vụ" counts, "điều số 2 trong mấy nhiệm vụ" (among the tasks) does not
                asked_before = (before[-1:] == ["may"] and before[-2:-1] != ["trong"]) or tuple(before) in _HOW_MANY
                asked_after = bool({"co", "gom"} & set(after)) and (
                    "may" in after or ("bao", "nhieu") in itertools.pairwise(after))  # not "báo cáo"
                if asked_before or asked_after:
                    return numbered
        return None

    def named_whole(self, tokens: list[str]) -> NumberedList | None:
        """The list a question names as a whole: "các nhiệm vụ trọng tâm" ("seven tasks", "7 nhiệm vụ"
        arrive so), never a ``named_only`` list."""
        if any(a in _MARKERS and b.isdecimal() for a, b in itertools.pairwise(tokens)):
            return None  # "cái thứ 3 trong 7 nhiệm vụ" names a place in it
        for numbered, _ in self._usable(frozenset()):
            if any((tokens[i - 1:i] == ["cac"] and tokens[i - 2:i - 1] != ["trong"])  # not "trong 7 nhiệm vụ"
                   or _asks_only_them(tokens[end:]) for i, end in self._counted[numbered.id].spans(tokens)):
                return numbered
        return None

    def asks_only_for(self, numbered: NumberedList, tokens: list[str]) -> bool:
        """Whether the question is the list's item word and its year and nothing but asking words, or the items
        all, whose they are and nothing but asking words: "các nhiệm vụ của bà Mai là gì"."""
        owners = self._owners[numbered.id]
        return any((i == 0 and _asks_only_them(tokens[end:])) or (
            i > 0 and set(tokens[:i]) <= _ALL_OF and tokens[end:end + 1] == ["cua"]
            and set(tokens[end + 1:]) - owners <= _ASKING_WHAT and set(tokens[end + 1:]) & owners)
            for i, end in self._counted[numbered.id].spans(tokens))

    def asked_position(self, tokens: list[str]) -> NumberedList | None:
        """The list whose item the question asks for: "… là nhiệm vụ thứ mấy?", "việc số mấy", "ý nào", "which task",
        "nhiệm vụ gì liên quan đến …" (never a ``named_only`` list: the answer names whose it is)."""
        if "may" not in tokens and "which" not in tokens and "nao" not in tokens and "gi" not in tokens:
            return None
        for numbered, item_words in self._usable(frozenset()):
            for i, end in item_words.spans(tokens):
                if (tokens[end:end + 2] in (["thu", "may"], ["so", "may"]) or tokens[end:end + 1] == ["nao"]
                        or tokens[i - 1:i] == ["which"]
                        or (tokens[end:end + 1] == ["gi"] and _CONCERNING & set(tokens[end + 1:end + 3])
                            and self._counted[numbered.id].starts(tokens, i, end))):  # not "việc gì"
                    return numbered
        return None


class _ItemWords:
    """A list's item words ("nhiệm vụ", "task"), found in a question from their first word.

    Most words of a question start no item word: one dict look-up each, instead of comparing
    every item word at every position (a fifth of the time of a long question, before).
    """

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if phrase:  # a list word that is all filler ("tell me") names no item
                self._by_first.setdefault(phrase[0], []).append(phrase)
        #: The one-word item words and the first two words of the others: tested in C first (most questions have none).
        self._singles = frozenset(p[0] for group in self._by_first.values() for p in group if len(p) == 1)
        self._pairs = frozenset(p[:2] for group in self._by_first.values() for p in group if len(p) > 1)

    def spans(self, tokens: list[str]) -> Iterator[tuple[int, int]]:
        """Where item words stand in ``tokens``, as (start, end), from left to right."""
        if self._singles.isdisjoint(tokens) and self._pairs.isdisjoint(itertools.pairwise(tokens)):
            return
        for i, token in enumerate(tokens):
            for phrase in self._by_first.get(token, ()):
                if tuple(tokens[i:i + len(phrase)]) == phrase:
                    yield i, i + len(phrase)

    def starts(self, tokens: list[str], i: int, end: int | None = None) -> bool:
        """Whether an item word starts at ``tokens[i]`` (and, given ``end``, ends there)."""
        return any(tuple(tokens[i:i + len(p)]) == p and end in (None, i + len(p))
                   for p in self._by_first.get(tokens[i] if i < len(tokens) else "", ()))


#: The lists a question may mean, with their item words, in the order to try them.
_Lists = tuple[tuple[NumberedList, _ItemWords], ...]


def _next_to(tokens: list[str], first: tuple[int, int], second: tuple[int, int]) -> int:
    """+1 or -1 when the words between two nearby item words take the one next to the second's place:
    "nhiệm vụ tiếp theo sau nhiệm vụ số 1" is the second, "the task before task 5" the fourth; else 0.
    Not "Tiếp theo, nhiệm vụ thứ hai …", which has no item word before it."""
    end, (j, _) = first[1], second
    between = tokens[end:j]
    if not 0 < j - end <= _GAP:
        return 0
    if between[-1:] in (["sau"], ["after"], ["following"]) or between[-2:] in (["tiep", "theo"], ["ke", "tiep"]):
        return 1
    return -1 if between[-1:] in (["truoc"], ["before"], ["preceding"]) else 0


def _asks_only_them(after: list[str]) -> bool:
    """Whether the words after a list's item word are a year and words that only ask what they are: "nhiệm vụ
    năm 2021 là gì" (another year's tasks are another subject, which the matcher tells by its number)."""
    return len(after) > 2 and after[0] == "nam" and after[1].isdecimal() and int(after[1]) >= YEAR_FROM \
        and set(after[2:]) <= _ASKING_WHAT


def _place(token: str) -> bool:
    """Whether a number after an item word can be its place: "nhiệm vụ 4", not "nhiệm vụ 2021" (a year)."""
    return token.isdecimal() and int(token) < YEAR_FROM


def _owned_place(owner: list[str], ordinals: frozenset[int]) -> int | None:
    """The last English ordinal followed by "of" in ``owner``, the words before a list's count or
    item word: "the third of Ms. Mai's …"."""
    of = [i for i in range(len(owner) - 1) if owner[i + 1] == "of" and owner[i].isdecimal()
          and int(owner[i]) in ordinals]
    return int(owner[of[-1]]) if of else None


def _position(tokens: list[str], start: int, end: int, count: int, ordinals: frozenset[int],
              measured: frozenset[str] = frozenset()) -> int | None:
    """The position next to an item word at ``tokens[start:end]``, if one is named there.

    A number before the item word is a place only when an English ordinal names it (``ordinals``):
    in "Mai listed six key tasks. Is six correct, and what is the first task?" six counts. A number
    that measures (``measured``: "mỗi ý 1 dòng") is no place either.
    """
    # "the 4th task" arrives as "4 nhiem vu"; "the first of the seven tasks" as "1 of the cac nhiem vu";
    # named so, it goes before a number further on ("the fourth task? National Assembly number 15").
    k = start - 1
    while k >= 0 and start - k <= _GAP and tokens[k] in _BETWEEN:
        k -= 1
    if ordinals and k >= 0 and tokens[k].isdecimal() and int(tokens[k]) <= 2 * count:
        # "the first of the seven priority tasks": a position before the count is the position
        j = k - 1
        while j >= 0 and k - j <= _GAP and tokens[j] in _BETWEEN:
            j -= 1
        if j >= 0 and j < k - 1 and tokens[j].isdecimal() and int(tokens[j]) in ordinals:
            return int(tokens[j])
        if int(tokens[k]) in ordinals:
            return int(tokens[k])
        # "the third of Ms. Mai's seven priority tasks": whose tasks stands between the place and the count
        owned = _owned_place(tokens[max(0, k - _OWNER_GAP):k], ordinals)
        if owned is not None:
            return owned
    if ordinals and k >= 0 and not tokens[k].isdecimal():
        # "the third of Truong Thi Mai's tasks": no count, whose tasks right before the item word
        owned = _owned_place(tokens[max(0, start - _OWNER_GAP):start], ordinals)
        if owned is not None:
            return owned
    after = tokens[end:end + _GAP + 2]
    if set(tokens[start - 1:start]) & _EACH or (after[:1] and after[0] in measured):
        return None  # "ghi từng ý 1 dòng", "each point in one line": every item, one line each
    if after and _place(after[0]):
        return int(after[0])
    if after and after[0] in _CARDINALS:  # "task one", "item three"
        return _CARDINALS[after[0]]
    for i, word in enumerate(after[:-1]):
        if word in _MARKERS and _place(after[i + 1]):
            return int(after[i + 1])
    # "nhiệm vụ cuối cùng", "the last task", "the last of the seven tasks"
    # ("cuối cùng" before the item word is "finally", or ends another phrase: "đánh giá cuối cùng việc …")
    # …and after words that only place it: "nhiệm vụ được xếp đầu tiên", "việc được nêu cuối cùng"
    placed = end
    while placed < len(tokens) and placed - end < _GAP and tokens[placed] in _PLACED:
        placed += 1
    if set(tokens[max(0, min(k, start - 3)):start]) & _LAST_BEFORE or set(tokens[placed:placed + 2]) & _LAST:
        return count
    if tokens[placed:placed + 2] == ["dau", "tien"]:  # "nhiệm vụ đầu tiên" ("first" is already "1")
        return 1
    if placed > end and tokens[placed - 1] == "dung" and tokens[placed:placed + 1] == ["dau"]:
        return 1  # "việc đứng đầu trong danh sách" stands first (a "người đứng đầu" is no item)
    return None
