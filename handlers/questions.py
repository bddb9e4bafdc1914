"""Turning a user's message into a ``Reply``: the one place that decides what to answer.

The matcher ranks intents; this module picks the language, applies the length cap, and
words the outcome (answer, "Ý bạn là…?", or the honest fallback) with its choices and source
line. Nothing here knows about Telegram.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bot.engine.language import Language, LanguageDetector
from bot.engine.matcher import Match, Matcher, Opinion, Verdict
from bot.engine.semantic import LazyOpinion, Warmth
from bot.kb.loader import KnowledgeBase
from bot.kb.schema import Intent
from bot.kb.snapshot import load_or_build
from bot.text.normalize import clip, unstretch
from handlers.reply import Choice, Kind, Reply

_INTENT_KIND = {"answer": Kind.ANSWER, "smalltalk": Kind.SMALLTALK, "refusal": Kind.REFUSAL}


def pick(language: Language, vi: str, en: str) -> str:
    """The text in the reply's language."""
    return en if language == "en" else vi


class Responder:
    """Answers questions from one knowledge base; rebuild it when the knowledge changes.

    ``opinion`` is the optional semantic second opinion (``bot.engine.semantic``).
    """

    def __init__(self, kb: KnowledgeBase, opinion: Opinion | None = None) -> None:
        self.kb = kb
        self.matcher = Matcher(kb, opinion)
        self.detector = LanguageDetector(
            (text for i in kb.intents.values() for text in (i.answer_en, i.title_en)),
            (text for i in kb.intents.values() for text in (i.answer, i.title)),
        )

    # -- questions --------------------------------------------------------------------

    def answer(self, text: str, prefer: Language | None = None) -> Reply:
        """Answer a free-text question; ``prefer`` settles a language too close to call."""
        limit = self.kb.matching.max_question_chars
        text, truncated = clip(text, limit)  # first: every later step is then bounded
        text = unstretch(text)
        if truncated:
            text = first_question(text)
        lang = self.detector.detect(text, prefer)
        match = self.matcher.match(text)
        reply = replace(self._word(match, lang), normalized=" ".join(match.tokens),
                        candidate=match.best.intent_id if match.best else None, semantic=match.semantic)
        if truncated:
            note = pick(lang, self.kb.messages.truncated, self.kb.messages.truncated_en)
            reply = replace(reply, note=note.format(limit=limit))
        return reply

    def answer_intent(self, intent_id: str, language: Language) -> Reply | None:
        """The reply for a chosen question (a button or a numbered choice); None if gone."""
        intent = self.kb.intents.get(intent_id)
        if intent is None:
            return None
        return replace(self._intent_reply(intent, language, score=100.0), candidate=intent.id)

    def _word(self, match: Match, lang: Language) -> Reply:
        """Put the matcher's verdict into words."""
        msgs = self.kb.messages
        best = match.best
        score = best.score if best else 0.0
        if match.verdict is Verdict.EMPTY:
            return Reply(pick(lang, msgs.empty, msgs.empty_en), Kind.EMPTY, lang,
                         choices=self.topic_choices(lang),
                         choices_heading=pick(lang, msgs.topics_heading, msgs.topics_heading_en))
        if match.verdict is Verdict.ANSWER and best is not None:
            return self._intent_reply(self.kb.intents[best.intent_id], lang, score, self._runner_up(match))
        if match.verdict is Verdict.CLARIFY:
            close = [c.intent_id for c in match.candidates[:2]]
            return Reply(pick(lang, msgs.clarify, msgs.clarify_en), Kind.CLARIFY, lang,
                         score=score, choices=self.intent_choices(close, lang))
        closest = self._closest(match, lang)
        if match.verdict is Verdict.OUT_OF_SCOPE and match.out_of_scope is not None:
            oos = match.out_of_scope
            return Reply(pick(lang, oos.answer, oos.answer_en), Kind.OUT_OF_SCOPE, lang,
                         score=score, choices=closest,
                         choices_heading=pick(lang, msgs.related_heading, msgs.related_heading_en))
        return Reply(pick(lang, msgs.fallback, msgs.fallback_en), Kind.FALLBACK, lang,
                     score=score, choices=closest or self.topic_choices(lang),
                     choices_heading="" if closest else
                     pick(lang, msgs.topics_heading, msgs.topics_heading_en))

    def _intent_reply(self, intent: Intent, lang: Language, score: float,
                      runner_up: str | None = None) -> Reply:
        """An intent's answer with its source line and related questions (a close runner-up first)."""
        msgs = self.kb.messages
        kind = _INTENT_KIND[intent.kind]
        related = [runner_up] if runner_up and runner_up not in intent.related else []
        return Reply(
            pick(lang, intent.answer, intent.answer_en), kind, lang,
            matched=intent.id,
            score=score,
            sources=tuple(intent.sources),
            choices=self.intent_choices([*related, *intent.related], lang),
            choices_heading=pick(lang, msgs.related_heading, msgs.related_heading_en),
            source_line=self.source_line(intent.sources, lang),
        )

    def _runner_up(self, match: Match) -> str | None:
        """The second candidate when it was within the clarification margin of the first."""
        if len(match.candidates) < 2:
            return None
        first, second = match.candidates[:2]
        close = first.score - second.score < self.kb.matching.clarify_margin
        return second.intent_id if close and self.kb.intents[second.intent_id].kind == "answer" else None

    def _closest(self, match: Match, lang: Language) -> tuple[Choice, ...]:
        """Up to N answerable intents nearest to a question the bot would not answer."""
        ids = [c.intent_id for c in match.candidates
               if self.kb.intents[c.intent_id].kind == "answer"]
        return self.intent_choices(ids, lang)

    # -- shared pieces ----------------------------------------------------------------

    def intent_choices(self, ids: list[str], lang: Language, limit: int | None = -1) -> tuple[Choice, ...]:
        """Buttons for intents, labelled with their questions in the reply's language.

        At most ``max_suggestions`` of them unless ``limit`` says otherwise (None: all).
        """
        out = []
        cap = self.kb.matching.max_suggestions if limit == -1 else limit
        for intent_id in ids[:cap]:
            intent = self.kb.intents.get(intent_id)
            if intent is not None:
                out.append(Choice("intent", intent.id, pick(lang, intent.title, intent.title_en)))
        return tuple(out)

    def topic_choices(self, lang: Language) -> tuple[Choice, ...]:
        """Every topic that has answerable questions, in the curators' order."""
        used = {i.topic for i in self.kb.intents.values() if i.kind == "answer"}
        return tuple(Choice("topic", t.id, pick(lang, t.title, t.title_en))
                     for t in self.kb.topics.values() if t.id in used)

    def source_line(self, paragraphs: list[int] | tuple[int, ...], lang: Language) -> str:
        """"Nguồn: đoạn 1, 7 bài tường thuật" (empty when nothing is cited)."""
        if not paragraphs:
            return ""
        msgs = self.kb.messages
        return pick(lang, msgs.source_line, msgs.source_line_en).format(
            paragraphs=self.paragraph_names(paragraphs, lang))

    @staticmethod
    def paragraph_names(paragraphs: list[int] | tuple[int, ...], lang: Language) -> str:
        """"đoạn 1, 7" / "paragraphs 1, 7"."""
        nums = ", ".join(str(p) for p in paragraphs)
        if lang == "en":
            return f"paragraph{'s' if len(paragraphs) > 1 else ''} {nums}"
        return f"đoạn {nums}"


def first_question(text: str) -> str:
    """The first question of a long message (up to its first '?' or line break), if it has one.

    A message over the cap is often a question followed by pasted text; its start is what to answer.
    """
    ends = [i for i in (text.find("?"), text.find("\n")) if i > 0]
    return text[: min(ends) + 1] if ends else text


def responder_builder(cache_dir: Path | None, warmth: Warmth = "wait") -> Callable[[KnowledgeBase], Responder]:
    """How front ends build responders: with the semantic second opinion where it is installed.

    Its vectors are cached in ``cache_dir``; ``warmth`` says when it is built (``Warmth``).
    """
    def build(kb: KnowledgeBase) -> Responder:
        return Responder(kb, LazyOpinion(kb, cache_dir, warmth))

    return build


def start_responder(folder: Path, cache_dir: Path | None, warmth: Warmth = "wait") -> Responder:
    """The first responder of a run, from the knowledge snapshot in ``cache_dir`` when it is current.

    The snapshot holds a responder without its second opinion (a model and threads do not
    pickle); the opinion is attached here, as ``responder_builder`` attaches it. Raises
    ``KnowledgeError`` for an invalid folder.
    """
    kb, responder = load_or_build(folder, cache_dir, Responder)
    responder.matcher.opinion = LazyOpinion(kb, cache_dir, warmth)
    return responder
