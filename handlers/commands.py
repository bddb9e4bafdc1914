"""Replies to commands (/start, /help, /about, /topics) and to picking a topic."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from bot.engine.language import Language
from handlers.questions import Responder, pick
from handlers.reply import Choice, Kind, Reply


def welcome(responder: Responder, lang: Language) -> Reply:
    """/start: what the bot knows, how to ask, and the topics to start from."""
    msgs = responder.kb.messages
    return Reply(pick(lang, msgs.welcome, msgs.welcome_en), Kind.COMMAND, lang,
                 choices=responder.topic_choices(lang),
                 choices_heading=pick(lang, msgs.topics_heading, msgs.topics_heading_en))


def help_text(responder: Responder, lang: Language) -> Reply:
    """/help and unknown commands: how to ask, with examples and the commands."""
    msgs = responder.kb.messages
    return Reply(pick(lang, msgs.help, msgs.help_en), Kind.COMMAND, lang)


def about(responder: Responder, lang: Language) -> Reply:
    """/about: the source report, its date and byline."""
    msgs = responder.kb.messages
    return Reply(pick(lang, msgs.about, msgs.about_en), Kind.COMMAND, lang)


def topics(responder: Responder, lang: Language) -> Reply:
    """/topics: the topics, each opening its questions."""
    msgs = responder.kb.messages
    return Reply(pick(lang, msgs.topics_heading, msgs.topics_heading_en), Kind.COMMAND, lang,
                 choices=responder.topic_choices(lang))


def topic_questions(responder: Responder, topic_id: str, lang: Language) -> Reply | None:
    """The questions of one topic, as choices; None if the topic no longer exists."""
    topic = responder.kb.topics.get(topic_id)
    if topic is None:
        return None
    choices = tuple(
        Choice("intent", i.id, pick(lang, i.title, i.title_en))
        for i in responder.kb.intents.values() if i.topic == topic_id and i.kind == "answer"
    )
    return Reply(pick(lang, topic.title, topic.title_en), Kind.COMMAND, lang, choices=choices)


COMMANDS = {"start": welcome, "help": help_text, "about": about, "topics": topics}


def command(responder: Responder, name: str, lang: Language) -> Reply:
    """The reply to ``/name``; unknown commands get the help text."""
    return COMMANDS.get(name.lower(), help_text)(responder, lang)


def unknown_command(name: str, known: Iterable[str], lang: Language) -> Reply:
    """One line saying ``/name`` is not a command, with the closest one (errbot's "did you mean")."""
    close = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    if lang == "en":
        text = f"There is no command /{name}. " + (f"Did you mean /{close[0]}?" if close
                                                   else "Type /help to see the commands.")
    else:
        text = f"Không có lệnh /{name}. " + (f"Ý bạn là /{close[0]}?" if close
                                             else "Gõ /help để xem các lệnh.")
    return Reply(text, Kind.COMMAND, lang)
