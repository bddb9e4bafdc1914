"""The shape of every knowledge file, as pydantic models.

``extra="forbid"`` turns a misspelt key into an error instead of a silently ignored field;
the validators catch what a curator is likely to get wrong (empty or overlong answers, bad
ids, a misspelt {placeholder}). Whether cited paragraphs exist depends on the report, so the
loader checks that.
"""

from __future__ import annotations

import string
import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, ValidationInfo, field_validator

#: Longest text a curator may write: any answer plus its source line and headings must fit one
#: Telegram message (4,096 characters); the longest real one is 1,663.
MAX_TEXT_CHARS = 3000

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=48)]


class Strict(BaseModel):
    """Base for curator-facing models: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Intent(Strict):
    """One question the bot can answer, with the ways people ask it and its answers."""

    id: Id
    kind: Literal["answer", "smalltalk", "refusal"] = "answer"
    topic: Id
    title: Text
    title_en: Text
    examples: list[Text] = Field(min_length=2)
    #: Small talk only: phrases that make a message small talk wherever they stand in it.
    cues: list[Text] = Field(default_factory=list)
    answer: Text
    answer_en: Text
    detail: Text | None = None
    detail_en: Text | None = None
    related: list[Id] = Field(default_factory=list, max_length=6)
    #: An overview only: the answers it sums up; a close one of them is the more precise reply.
    covers: list[Id] = Field(default_factory=list)
    sources: list[StrictInt] = Field(default_factory=list)  # strict: `true` is not paragraph 1


class Topic(Strict):
    """A heading for /topics and the fallback's suggestions."""

    id: Id
    title: Text
    title_en: Text


class OutOfScope(Strict):
    """Names the report never covers; a question naming one gets this honest reply."""

    id: Id
    triggers: list[Text] = Field(min_length=1)
    #: Broader words the report does use: a question naming one of them too asks about it, not the trigger
    #: ("bà con Khmer … đồng bào dân tộc thiểu số": the report's words on ethnic minorities answer); so does
    #: one whose nearest answer says none of them ("bí thư tỉnh ủy là ai, tỉnh có nhiều bà con Khmer").
    unless: list[Text] = Field(default_factory=list)
    #: Whether the triggers are places: where an asker may live, named only in passing beside a clause
    #: that asks ("…có nói về giữ biên giới không, nhà bác ở sát bên Campuchia"), or a choice offered
    #: beside a place the report names ("ở Hà Nội hay TP HCM"), they are no subject of the question.
    places: bool = False
    answer: Text
    answer_en: Text


#: The {placeholders} the bot fills into its messages (the same for the ``_en`` text); the others take none.
PLACEHOLDERS = {"truncated": frozenset({"limit"}), "source_line": frozenset({"paragraphs"}),
                "quote_intro": frozenset({"paragraphs"})}
#: Messages whose point is their placeholder: a source line that names no paragraph is a mistake.
REQUIRED = frozenset({"source_line", "quote_intro"})


def checked_placeholders(value: str, allowed: frozenset[str], required: bool = False) -> str:
    """``value`` if it uses only the {placeholders} the bot fills in for it (all of them if ``required``).

    A misspelt one would pass validation and then fail every reply that uses the text; a format
    spec ("{limit:>999999999}") would build a gigabyte.
    """
    try:
        fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(value) if f is not None]
    except ValueError as exc:
        raise ValueError(f"{exc}: write {{{{ and }}}} for a brace shown as is") from None
    expected = ", ".join(f"{{{p}}}" for p in sorted(allowed)) or "none"
    for name, spec, conv in fields:
        if name not in allowed:
            raise ValueError(f"{{{name}}} is not a placeholder of this text (it takes {expected})")
        if spec or conv:
            typed = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            raise ValueError(f"{typed}: write {{{name}}} alone, with nothing after the name")
    if required and allowed - {name for name, _, _ in fields}:
        raise ValueError(f"the text must contain {expected}")
    return value


class Messages(Strict):
    """The bot's own sentences, in Vietnamese and English."""

    welcome: Text
    welcome_en: Text
    help: Text
    help_en: Text
    about: Text
    about_en: Text
    fallback: Text
    fallback_en: Text
    clarify: Text
    clarify_en: Text
    empty: Text
    empty_en: Text
    truncated: Text
    truncated_en: Text
    non_text: Text
    non_text_en: Text
    error: Text
    error_en: Text
    source_line: Text
    source_line_en: Text
    which_person: Text
    which_person_en: Text
    nothing_before: Text
    nothing_before_en: Text
    quote_intro: Text
    quote_intro_en: Text
    verbatim_intro: str = ""
    verbatim_intro_en: Text
    related_heading: Text
    related_heading_en: Text
    topics_heading: Text
    topics_heading_en: Text

    @field_validator("*")
    @classmethod
    def _placeholders(cls, value: str, info: ValidationInfo) -> str:
        name = (info.field_name or "").removesuffix("_en")
        return checked_placeholders(value, PLACEHOLDERS.get(name, frozenset()), required=name in REQUIRED)


class Matching(Strict):
    """Matcher thresholds; the defaults are the tuned values (see knowledge/README.md)."""

    accept_score: float = Field(default=60.0, ge=0, le=100)
    weak_score: float = Field(default=30.0, ge=0, le=100)
    weak_margin: float = Field(default=5.0, ge=0, le=50)
    weak_margin_upper: float = Field(default=5.0, ge=0, le=50)
    refusal_margin: float = Field(default=6.0, ge=0, le=50)
    refusal_lead: float = Field(default=2.0, ge=0, le=50)
    semantic_agree: float = Field(default=0.88, ge=0, le=1)
    semantic_gap: float = Field(default=0.01, ge=0, le=1)
    semantic_depth: int = Field(default=1, ge=1, le=8)
    semantic_floor: float = Field(default=20.0, ge=0, le=100)
    clarify_margin: float = Field(default=3.0, ge=0, le=50)
    overview_margin: float = Field(default=3.0, ge=0, le=50)
    clarify_min_score: float = Field(default=60.0, ge=0, le=100)
    max_question_chars: int = Field(default=500, ge=20, le=10_000)
    max_suggestions: int = Field(default=3, ge=0, le=8)
    vague_words: list[str] = Field(default_factory=list)
    bare_replies: list[Text] = Field(default_factory=list)
    emoji_replies: dict[str, Id] = Field(default_factory=dict)
    address_words: list[Text] = Field(default_factory=list)
    asks_count: list[Text] = Field(default_factory=list)
    asks_time: list[Text] = Field(default_factory=list)
    asks_year: list[Text] = Field(default_factory=list)
    asks_duration: list[Text] = Field(default_factory=list)
    asks_age: list[Text] = Field(default_factory=list)
    asks_now: list[Text] = Field(default_factory=list)
    asks_said: list[Text] = Field(default_factory=list)
    asks_later: list[Text] = Field(default_factory=list)
    looks_back: list[Text] = Field(default_factory=list)
    looks_ahead: list[Text] = Field(default_factory=list)
    looks_back_topic: Id | None = None
    looks_ahead_topics: list[Id] = Field(default_factory=list)
    asks_other_event: list[Text] = Field(default_factory=list)
    asks_detail: list[Text] = Field(default_factory=list)
    asks_verbatim: list[Text] = Field(default_factory=list)
    asks_after: list[Text] = Field(default_factory=list)
    checks_claim: list[Text] = Field(default_factory=list)
    asks_question: list[Text] = Field(default_factory=list)
    not_cues: list[Text] = Field(default_factory=list)
    subject_words: list[Text] = Field(default_factory=list)
    asks_leave_reply: Id | None = None
    bot_words: list[Text] = Field(default_factory=list)
    capability_verbs: list[Text] = Field(default_factory=list)
    capability_reply: Id | None = None
    identity_after: list[Text] = Field(default_factory=list)
    identity_before: list[Text] = Field(default_factory=list)
    identity_reply: Id | None = None
    everyday_bot_words: list[Text] = Field(default_factory=list)
    answer_words: list[Text] = Field(default_factory=list)
    judgement_words: list[Text] = Field(default_factory=list)
    judgement_reply: Id | None = None
    praise_words: list[Text] = Field(default_factory=list)
    praise_reply: Id | None = None
    speakers_reply: Id | None = None
    opinion_reply: Id | None = None
    greeting_intent: Id | None = None
    parting_reply: Id | None = None
    asks_place: list[Text] = Field(default_factory=list)
    place_words: list[Text] = Field(default_factory=list)
    named_places: list[Text] = Field(default_factory=list)
    local_place: Text | None = None
    local_words: list[Text] = Field(default_factory=list)
    post_words: list[Text] = Field(default_factory=list)

    @field_validator("emoji_replies")
    @classmethod
    def _emoji_only(cls, value: dict[str, str]) -> dict[str, str]:
        """A key must be emoji: one with letters, digits, spaces or punctuation (or none at all) would be
        found in messages that hold words, or in every message."""
        for key in value:
            if not key.strip() or any(ch.isalnum() or ch.isspace() or unicodedata.category(ch).startswith("P")
                                      for ch in key):
                raise ValueError(f"'{key}' is no emoji: keys of emoji_replies are emoji only")
        return value


class NumberedList(Strict):
    """A numbered list in the report (Mai's seven tasks): "the fourth task" goes to its item."""

    id: Id
    words: list[Text] = Field(min_length=1)
    items: list[Id] = Field(min_length=2)
    #: Used only for a question that names whose words the list is (its items' topic): Vượng's
    #: requirements, so that "yêu cầu thứ 3" alone is still Mai's third task.
    named_only: bool = False
    beyond: Text
    beyond_en: Text
    last: Text
    last_en: Text

    @field_validator("beyond", "beyond_en", "last", "last_en")
    @classmethod
    def _count(cls, value: str) -> str:
        return checked_placeholders(value, frozenset({"count"}))


class Person(Strict):
    """Someone a follow-up pronoun ("ông ấy", "she") can point back to."""

    intent: Id
    name: Text
    pronoun: Literal["he", "she"]
    #: The topic whose answers are this person's words (Mai's tasks name her only in the overview).
    topic: Id | None = None
    #: What their words are called ("báo cáo tóm tắt", "the conclusion"): a question naming it asks for them.
    speech: list[Text] = Field(default_factory=list)
    #: How people describe them without name or title ("người đứng đầu Đảng bộ tỉnh", "the lady who
    #: closed the meeting"): a question describing them so names them.
    described_as: list[Text] = Field(default_factory=list)


class Followups(Strict):
    """Phrases that make a short message a follow-up to the previous answer."""

    next: list[Text] = Field(min_length=1)
    more: list[Text] = Field(min_length=1)
    source: list[Text] = Field(min_length=1)
    he: list[Text] = Field(min_length=1)
    she: list[Text] = Field(min_length=1)
    people: list[Person] = Field(default_factory=list)
