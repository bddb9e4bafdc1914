"""A ``Reply`` as Telegram messages: escaped HTML, split under the length limit, with buttons.

Every piece of text (the user's words echoed in a note, the curators' YAML) is HTML-escaped,
so ``<b>`` or ``&`` in a question or an answer can never break Telegram's parser. Callback
data is short and stable ("q:vi:event_date"), well within Telegram's 64 bytes, and names ids
rather than positions, so old buttons keep working after the bot restarts or the knowledge
base changes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine.language import Language
from handlers.reply import Choice, Reply

#: Telegram's limit on a message's text, in characters after entity parsing.
MAX_MESSAGE_CHARS = 4096
#: Telegram's limit on callback data, in bytes.
MAX_CALLBACK_BYTES = 64
_SENTENCE_END = re.compile(r"(?<=[.!?…;:])\s+")


@dataclass(frozen=True)
class Outgoing:
    """One message to send: HTML text and an optional inline keyboard."""

    html: str
    keyboard: InlineKeyboardMarkup | None = None


def callback_data(kind: str, lang: Language, ident: str) -> str:
    """Compact button data: kind (q = question, t = topic, …), language, id."""
    data = f"{kind}:{lang}:{ident}"
    if len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data over {MAX_CALLBACK_BYTES} bytes: {data!r}")
    return data


def parse_callback(data: str) -> tuple[str, Language, str] | None:
    """The (kind, language, id) of a button press, or None for data we never made."""
    parts = data.split(":", 2)
    if len(parts) != 3 or parts[1] not in ("vi", "en"):
        return None
    lang: Language = "en" if parts[1] == "en" else "vi"
    return parts[0], lang, parts[2]


def keyboard(choices: tuple[Choice, ...], lang: Language,
             extra_rows: list[list[InlineKeyboardButton]] | None = None) -> InlineKeyboardMarkup | None:
    """One button per row for choices (labels are questions, too long to pair up)."""
    rows = [[InlineKeyboardButton(c.label, callback_data=callback_data(
        "q" if c.target == "intent" else "t", lang, c.id))] for c in choices]
    rows.extend(extra_rows or [])
    return InlineKeyboardMarkup(rows) if rows else None


def to_messages(reply: Reply, extra_rows: list[list[InlineKeyboardButton]] | None = None) -> list[Outgoing]:
    """The reply as one or more messages; the keyboard rides on the last one."""
    parts = [html.escape(reply.text)]
    footer = [f"<i>{html.escape(line)}</i>" for line in (reply.note, reply.source_line) if line]
    if footer:
        parts.append("\n".join(footer))
    if reply.choices and reply.choices_heading:
        parts.append(html.escape(reply.choices_heading))
    chunks = split_html("\n\n".join(parts))
    markup = keyboard(reply.choices, reply.language, extra_rows)
    return [Outgoing(chunk, markup if i == len(chunks) - 1 else None) for i, chunk in enumerate(chunks)]


def split_html(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split at paragraph, then sentence, then word boundaries so each piece fits ``limit``.

    Only our own tags (<i>…</i> on whole lines) appear in ``text``; escaped entities such as
    ``&amp;`` are never cut because cuts fall on whitespace.
    """
    if _visible_len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for unit in _units(text, limit):
        candidate = f"{current}{unit}" if current else unit.lstrip()
        if current and _visible_len(candidate) > limit:
            pieces.append(current.rstrip())
            current = unit.lstrip()
        else:
            current = candidate
    if current.strip():
        pieces.append(current.rstrip())
    return pieces


def _units(text: str, limit: int) -> list[str]:
    """Paragraphs (with their separators), broken further where one alone is too long."""
    units: list[str] = []
    for para in re.split(r"(?<=\n\n)", text):
        if _visible_len(para) <= limit:
            units.append(para)
            continue
        for sentence in _SENTENCE_END.split(para):
            if _visible_len(sentence) <= limit:
                units.append(sentence + " ")
                continue
            word_units = sentence.split(" ")
            line = ""
            for word in word_units:
                while _visible_len(word) > limit:  # one enormous "word": hard cut
                    cut = _safe_cut(word, limit)
                    units.append(word[:cut])
                    word = word[cut:]
                if line and _visible_len(line) + _visible_len(word) + 1 > limit:
                    units.append(line + " ")
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            if line:
                units.append(line + " ")
    return units


def _safe_cut(word: str, limit: int) -> int:
    """A cut point at most ``limit`` long that does not split an ``&…;`` entity."""
    cut = limit // 2  # a character is at most two UTF-16 units, so this piece always fits
    amp = word.rfind("&", max(cut - 10, 0), cut)
    if amp != -1 and ";" not in word[amp:cut]:
        cut = amp
    return max(cut, 1)


def _visible_len(text: str) -> int:
    """Length as Telegram counts it: tags removed, entities as one character, UTF-16 units."""
    return len(html.unescape(re.sub(r"</?i>", "", text)).encode("utf-16-le")) // 2
