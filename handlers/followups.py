"""Follow-ups: short messages that only make sense after the previous answer.

"ông ấy là ai?" after an answer about Trần Quốc Vượng, "còn nhiệm vụ tiếp theo?" after task 3,
"nói rõ hơn", "nguồn?". The chat's context (last intent, last person) is a small value that
front ends keep per chat and persist.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace

from bot.engine.language import Language
from bot.engine.ordinals import ordinal_places
from bot.kb.schema import Followups, Intent, Person
from bot.text.normalize import clip, raw_words, unstretch, words
from handlers.questions import Responder, pick
from handlers.reply import Kind, Reply

#: A pronoun follow-up ("bà ấy giữ chức vụ gì") is a short message; longer ones are new questions.
MAX_FOLLOWUP_WORDS = 7
#: "nguồn?", "nói rõ hơn", "còn nhiệm vụ tiếp theo?": the phrase plus at most this many words.
MAX_EXTRA_WORDS = 3
#: How many of the report's sentences "nói rõ hơn" quotes after an answer without a longer version.
QUOTED_SENTENCES = 2
_SENTENCE = re.compile(r"(?<=[.;:])\s+")
#: Words of a short follow-up that names a place in the list just answered ("còn cái cuối cùng?", "and
#: the third one?", "ý thứ 6 thì sao") besides the place and the list's own words, as the matcher reads them.
_PLACE_FILLER = frozenset({"con", "cai", "the", "thi", "sao", "va", "and", "what", "about", "one", "noi", "gi", "la",
                           "ve", "how", "is", "nua", "thu", "so", "number", "no", "vay", "a", "ok"})
#: Words that make a number beside them a place: "thứ 5", "số 5", "cái thứ năm", "the third one".
_PLACE_MARKERS = frozenset({"thu", "so", "number", "no", "cai", "one"})
#: Words that name the last place, or the first (folded; "first" is already "1").
_LAST_PLACE = frozenset({"cuoi", "last", "final"})
_FIRST_PLACE = ("dau", "tien")


@dataclass(frozen=True)
class ChatContext:
    """What a chat was last told about; JSON-friendly for persistence."""

    last_intent: str | None = None
    person: str | None = None
    language: Language = "vi"

    def to_dict(self) -> dict[str, object]:
        """A plain dict for storage."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object] | None) -> ChatContext:
        """Rebuild from storage, ignoring anything unexpected."""
        if not data:
            return cls()
        last, person, lang = data.get("last_intent"), data.get("person"), data.get("language")
        return cls(last_intent=last if isinstance(last, str) else None,
                   person=person if isinstance(person, str) else None,
                   language="en" if lang == "en" else "vi")


def _pronoun(text: str, phrases: list[str]) -> str | None:
    """The first pronoun phrase in ``text`` (folded), a one-word one only as typed.

    "ổng" (he) folds to "ong" like "ông": "ông Vượng nói gì" names Vượng, it does not point back.
    """
    tokens = words(text)
    typed = set(raw_words(text))
    for phrase in phrases:
        if len(words(phrase)) == 1 and not phrase.isascii():
            if phrase.lower() in typed and len(tokens) - 1 <= MAX_FOLLOWUP_WORDS:
                return " ".join(words(phrase))
        elif _has(tokens, [phrase]):
            return " ".join(words(phrase))
    return None


def _has(tokens: list[str], phrases: list[str], max_extra: int = MAX_FOLLOWUP_WORDS) -> str | None:
    """The first phrase (as folded words) in ``tokens`` with at most ``max_extra`` other words."""
    joined = f" {' '.join(tokens)} "
    for phrase in phrases:
        folded = words(phrase)
        if folded and f" {' '.join(folded)} " in joined and len(tokens) - len(folded) <= max_extra:
            return " ".join(folded)
    return None


class FollowupResolver:
    """Answers follow-ups from a chat's context; None means "treat it as a new question"."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.rules: Followups = responder.kb.followups

    def resolve(self, text: str, ctx: ChatContext, prefer: Language) -> Reply | None:
        """The reply to a follow-up, or None if ``text`` is not one (or there is nothing to follow)."""
        text, cut = clip(text, self.responder.kb.matching.max_question_chars)
        if cut:  # a message over the length cap is no short follow-up
            return None
        text = unstretch(text)
        tokens = words(text)
        if not tokens or len(tokens) > MAX_FOLLOWUP_WORDS:
            return None
        kb = self.responder.kb
        last = kb.intents.get(ctx.last_intent or "")
        lang = self.responder.detector.detect(text, prefer)
        source = _has(tokens, self.rules.source, MAX_EXTRA_WORDS)
        more = _has(tokens, self.rules.more, MAX_EXTRA_WORDS)
        # "tell me more about task 2" is about task 2, whatever came before.
        phrase = source or more
        named = self._named(tokens, phrase) if phrase else None
        target = named or last
        if target is not None and source:
            return self._source(target.sources, target.id, lang)
        if target is not None and more:
            return self._more(target, lang)
        if _has(tokens, self.rules.next, MAX_EXTRA_WORDS):
            return self._next(last, lang) if last is not None else self._nothing_before(lang)
        placed = self._place_in_list(text, last, lang) if last is not None else None
        return placed or self._pronoun(text, tokens, ctx, prefer)

    def looks_like(self, text: str) -> bool:
        """True for a message that only makes sense after an answer, whatever the context."""
        tokens = words(text)
        if not tokens or len(tokens) > MAX_FOLLOWUP_WORDS:
            return False
        rules = self.rules
        return (any(_has(tokens, phrases, MAX_EXTRA_WORDS) for phrases in (rules.source, rules.more, rules.next))
                or any(_pronoun(text, phrases) for phrases in (rules.he, rules.she)))

    def _named(self, tokens: list[str], phrase: str) -> Intent | None:
        """The intent the rest of a follow-up names strongly ("tell me more about *task 2*")."""
        rest = " ".join(tokens).replace(phrase, " ", 1).split()
        if len(rest) < 2:
            return None
        reply = self.responder.answer(" ".join(rest))
        if reply.kind is Kind.ANSWER and reply.matched and reply.score >= self.responder.kb.matching.accept_score:
            return self.responder.kb.intents[reply.matched]
        return None

    def _more(self, intent: Intent, lang: Language) -> Reply | None:
        """The longer answer; without one, the answer and the report's own words behind it.

        So "nói rõ hơn" always says more than the answer did, and differs from "nguồn?" (the
        whole paragraphs, verbatim).
        """
        reply = self.responder.answer_intent(intent.id, lang)
        if reply is None:
            return None
        if intent.detail:
            return replace(reply, text=pick(lang, intent.detail, intent.detail_en or intent.detail))
        quote = self._quote(intent)
        if not quote:
            return reply
        msgs = self.responder.kb.messages
        where = self.responder.paragraph_names(intent.sources, lang)
        intro = pick(lang, msgs.quote_intro, msgs.quote_intro_en).format(paragraphs=where)
        return replace(reply, text=f"{reply.text}\n\n{intro}\n«{quote}»")

    def _quote(self, intent: Intent) -> str:
        """The report's sentences (of the cited paragraphs) that share the most with the answer."""
        paragraphs = self.responder.kb.paragraphs
        answer = set(words(intent.answer))
        sentences = [s for n in intent.sources if 0 < n <= len(paragraphs)
                     for s in _SENTENCE.split(paragraphs[n - 1]) if words(s)]
        ranked = sorted(range(len(sentences)), key=lambda i: -len(answer & set(words(sentences[i])))
                        / len(set(words(sentences[i]))) ** 0.5)
        return " … ".join(sentences[i] for i in sorted(ranked[:QUOTED_SENTENCES]))

    def _next(self, last: Intent, lang: Language) -> Reply | None:
        """The next item of a numbered list (or of the topic); after the last one, say so."""
        for numbered in self.responder.kb.lists:
            if last.id in numbered.items:
                position = numbered.items.index(last.id)
                if position + 1 < len(numbered.items):
                    return self.responder.answer_intent(numbered.items[position + 1], lang)
                count = len(numbered.items)
                reply = self.responder.answer_intent(last.id, lang)
                text = pick(lang, numbered.last, numbered.last_en).format(count=count)
                return replace(reply, text=text) if reply is not None else None
        following = self._next_in_topic(last.id)
        return self.responder.answer_intent(following, lang) if following is not None else None

    def _place_in_list(self, text: str, last: Intent, lang: Language) -> Reply | None:
        """Another place in the list just answered: "còn ý thứ 6?" after Vượng's fifth point is his
        sixth, "còn cái cuối cùng?" after a task is the last task; past the end, the list says so."""
        numbered = next((n for n in self.responder.kb.lists if last.id in n.items
                         or self.responder.matcher.list_overview(n.id) == last.id), None)
        if numbered is None:
            return None
        tokens = self.responder.matcher.normalize(text)
        listed = {w for phrase in numbered.words for w in self.responder.kb.tokens(phrase)}
        numbers = [int(t) for t in tokens if t.isdecimal() and int(t) < 100]
        rest = [t for t in tokens if not t.isdecimal() and t not in _PLACE_FILLER | _LAST_PLACE | listed
                and t not in _FIRST_PLACE and t != "cung"]
        count = len(numbered.items)
        if rest:
            return None
        # a number names a place beside "thứ/số", an item word, "cái" or an English ordinal ("còn cái thứ
        # 5?", "the third?"), never alone ("63?", "ok 2")
        typed = set(words(text))
        marked = bool(typed & listed or typed & _PLACE_MARKERS or ordinal_places(text))
        if _LAST_PLACE & set(tokens):
            place = count
        elif len(numbers) == 1 and marked:
            place = numbers[0]
        elif " ".join(_FIRST_PLACE) in " ".join(tokens):
            place = 1
        else:
            return None
        if not 0 < place <= count:
            return Reply(pick(lang, numbered.beyond, numbered.beyond_en).format(count=count), Kind.OUT_OF_SCOPE, lang)
        return self.responder.answer_intent(numbered.items[place - 1], lang)

    def _pronoun(self, text: str, tokens: list[str], ctx: ChatContext, prefer: Language) -> Reply | None:
        """Replace "ông ấy"/"bà ấy"/"he"/"she" by the person last talked about, then answer.

        A message that names someone itself points nowhere back: "what did Vuong say in his
        speech" is about Vượng whatever came before.
        """
        if self.responder.matcher.names_someone(text):
            return None
        for pronoun, phrases in (("he", self.rules.he), ("she", self.rules.she)):
            found = _pronoun(text, phrases)
            if found is None:
                continue
            person = self._person(ctx, pronoun)
            if person is None:
                return self._which_person(pronoun, self.responder.detector.detect(text, prefer))
            rewritten = " ".join(tokens).replace(found, " ".join(words(person.name)), 1)
            return self.responder.answer(rewritten, prefer=self.responder.detector.detect(text, prefer))
        return None

    def _nothing_before(self, lang: Language) -> Reply:
        """"What's next?" with nothing answered yet: say so, and offer the topics.

        Matched as a question, its few words would pick any answer sharing them ("nhiệm vụ tiếp
        dân" for "nhiệm vụ tiếp theo").
        """
        msgs = self.responder.kb.messages
        return Reply(pick(lang, msgs.nothing_before, msgs.nothing_before_en), Kind.FALLBACK, lang,
                     choices=self.responder.topic_choices(lang),
                     choices_heading=pick(lang, msgs.topics_heading, msgs.topics_heading_en))

    def _which_person(self, pronoun: str, lang: Language) -> Reply:
        """With nobody talked about yet, ask who is meant, offering everyone the pronoun fits."""
        msgs = self.responder.kb.messages
        ids = [p.intent for p in self.rules.people if p.pronoun == pronoun]
        return Reply(pick(lang, msgs.which_person, msgs.which_person_en), Kind.CLARIFY, lang,
                     choices=self.responder.intent_choices(ids, lang, limit=None))

    def _person(self, ctx: ChatContext, pronoun: str) -> Person | None:
        """The context's person if the pronoun fits, else the one the last answer names."""
        people = self.rules.people
        current = next((p for p in people if p.intent == ctx.person), None)
        if current is not None and current.pronoun == pronoun:
            return current
        last = self.responder.kb.intents.get(ctx.last_intent or "")
        if last is None:
            return None
        return next((p for p in people if p.pronoun == pronoun and p.name in last.answer), None)

    def _next_in_topic(self, intent_id: str) -> str | None:
        """The intent after ``intent_id`` in its topic, in the curators' order."""
        intents = self.responder.kb.intents
        topic = intents[intent_id].topic
        same = [i.id for i in intents.values() if i.topic == topic and i.kind == "answer"]
        position = same.index(intent_id) if intent_id in same else -1
        return same[position + 1] if 0 <= position < len(same) - 1 else None

    def _source(self, paragraphs: list[int], intent_id: str, lang: Language) -> Reply:
        """The report's paragraphs, verbatim, with their numbers."""
        kb = self.responder.kb
        label = "Paragraph" if lang == "en" else "Đoạn"
        text = "\n\n".join(f"{label} {n}: {kb.paragraphs[n - 1]}" for n in paragraphs
                           if 0 < n <= len(kb.paragraphs))
        intro = pick(lang, kb.messages.verbatim_intro, kb.messages.verbatim_intro_en)
        if text and intro:
            text = f"{intro}\n\n{text}"
        return Reply(text or pick(lang, kb.messages.fallback, kb.messages.fallback_en),
                     Kind.ANSWER, lang, matched=intent_id, score=100.0, sources=tuple(paragraphs),
                     source_line=self.responder.source_line(paragraphs, lang))

    def update(self, ctx: ChatContext, reply: Reply) -> ChatContext:
        """The context after ``reply`` was sent."""
        if reply.kind not in (Kind.ANSWER,) or reply.matched is None:
            return replace(ctx, language=reply.language)
        people = self.rules.people
        person = next((p.intent for p in people if p.intent == reply.matched), None)
        if person is None:
            intent = self.responder.kb.intents[reply.matched]
            named = [p.intent for p in people if p.name in intent.answer]
            person = named[0] if len(named) == 1 else ctx.person
        return ChatContext(last_intent=reply.matched, person=person, language=reply.language)
