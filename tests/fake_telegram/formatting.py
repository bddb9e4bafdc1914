"""Message text as Telegram treats it: HTML parse mode, auto-detected entities, UTF-16 offsets.

The HTML rules follow the Bot API server (tdlib's ``parse_html``): only the documented tags,
properly nested; ``&lt; &gt; &amp; &quot;`` and numeric references are decoded; any other
``&`` is kept as a literal character unless ``strict_amp`` asks for the documented rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

Entity = dict[str, Any]

_ALLOWED_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler",
     "tg-emoji", "span", "pre", "code", "blockquote"}
)
_SIMPLE_ENTITIES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "tg-spoiler": "spoiler", "span": "spoiler",
}
_NAMED_REFERENCES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_REFERENCE_RE = re.compile(r"&(?:#(?:x([0-9a-fA-F]*)|([0-9]*))|([A-Za-z]*));?")
_PLAIN_RUN_RE = re.compile(r"[^&<]+")
_COMMAND_RE = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>@])")
_MENTION_RE = re.compile(r"(?<!\w)@[A-Za-z0-9_]{2,32}(?!\w)")
_SPACE_CHARS = " \t\r\n\v\f"


class EntityParseError(ValueError):
    """Markup Telegram refuses; the message is Telegram's text after "can't parse entities: "."""


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def detect_entities(text: str) -> list[Entity]:
    """Entities Telegram adds to a user's text by itself: bot commands and @mentions."""
    found = [("bot_command", m) for m in _COMMAND_RE.finditer(text)]
    found += [("mention", m) for m in _MENTION_RE.finditer(text)]
    entities = [
        {"type": kind, "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group())}
        for kind, m in found
    ]
    return sorted(entities, key=lambda e: e["offset"])


def parse_html(source: str, *, strict_amp: bool = False) -> tuple[str, list[Entity]]:
    """Return the plain text and entities of HTML-formatted ``source``; raise EntityParseError."""
    return _HtmlParser(source, strict_amp).parse()


def _is_space(char: str) -> bool:
    """tdlib's ``is_space``: ASCII whitespace, or the end of the text (``""`` here)."""
    return char == "" or char in _SPACE_CHARS


def _decode_reference(source: str, pos: int) -> tuple[str, int] | None:
    """Decode the character reference at ``source[pos] == "&"``: (character, end) or None."""
    match = _REFERENCE_RE.match(source, pos)
    if match is None:
        return None
    hex_digits, dec_digits, name = match.groups()
    if name is not None:
        char = _NAMED_REFERENCES.get(name)
        if char is None:
            return None
        return char, match.end()
    digits_end = match.end(1) if hex_digits is not None else match.end(2)
    if digits_end - pos >= 10:
        return None
    code = int(hex_digits or "0", 16) if hex_digits is not None else int(dec_digits or "0")
    if code == 0 or code >= 0x10FFFF:
        return None
    return chr(code), match.end()


@dataclass
class _OpenTag:
    """A start tag waiting for its end tag."""

    name: str
    argument: str
    offset: int
    first_chunk: int


class _HtmlParser:
    """One pass over the source, building plain text and entities like tdlib does."""

    def __init__(self, source: str, strict_amp: bool) -> None:
        self.src = source
        self.strict_amp = strict_amp
        self.pos = 0
        self.chunks: list[str] = []
        self.utf16 = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[Entity] = []
        self.decoded_surrogate = False

    def parse(self) -> tuple[str, list[Entity]]:
        """Run the parser over the whole source."""
        while self.pos < len(self.src):
            char = self.src[self.pos]
            if char == "&":
                self._reference()
            elif char == "<":
                if self._char(self.pos + 1) == "/":
                    self._end_tag()
                else:
                    self._start_tag()
            else:
                run = _PLAIN_RUN_RE.match(self.src, self.pos)
                assert run is not None
                self._emit(run.group())
                self.pos = run.end()
        if self.stack:
            raise EntityParseError(
                f"Can't find end tag corresponding to start tag {self.stack[-1].name}"
            )
        text = "".join(self.chunks)
        if self.decoded_surrogate:
            try:
                text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            except UnicodeDecodeError:
                raise EntityParseError(
                    "Text contains invalid Unicode characters after decoding HTML entities, "
                    "check for unmatched surrogate code units"
                ) from None
        for entity in self.entities:
            if entity["type"] == "code":
                entity.pop("language", None)
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return text, self.entities

    def _char(self, index: int) -> str:
        return self.src[index] if index < len(self.src) else ""

    def _byte_offset(self, index: int) -> int:
        return len(self.src[:index].encode("utf-8", "surrogatepass"))

    def _emit(self, text: str) -> None:
        self.chunks.append(text)
        self.utf16 += utf16_len(text)

    def _skip_spaces(self, index: int) -> int:
        while index < len(self.src) and self.src[index] in _SPACE_CHARS:
            index += 1
        return index

    def _reference(self) -> None:
        decoded = _decode_reference(self.src, self.pos)
        if decoded is None:
            if self.strict_amp:
                offset = self._byte_offset(self.pos)
                raise EntityParseError(f"Unsupported character entity at byte offset {offset}")
            self._emit("&")
            self.pos += 1
            return
        char, self.pos = decoded
        self.decoded_surrogate |= 0xD800 <= ord(char) <= 0xDFFF
        self._emit(char)

    def _start_tag(self) -> None:
        begin = self.pos
        offset = self._byte_offset(begin)
        i = begin + 1
        while not _is_space(self._char(i)) and self._char(i) != ">":
            i += 1
        if i >= len(self.src):
            raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
        name = self.src[begin + 1 : i].lower()
        if name not in _ALLOWED_TAGS:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {offset}')
        argument = ""
        while self._char(i) != ">":
            i = self._skip_spaces(i)
            if self._char(i) == ">":
                break
            attr_begin = i
            while not _is_space(self._char(i)) and self._char(i) not in "=>/\"'":
                i += 1
            attribute = self.src[attr_begin:i]
            if not attribute:
                raise EntityParseError(
                    f'Empty attribute name in the tag "{name}" at byte offset {offset}'
                )
            i = self._skip_spaces(i)
            if self._char(i) != "=":
                if i >= len(self.src):
                    raise EntityParseError(f'Unclosed start tag "{name}" at byte offset {offset}')
                if name == "blockquote" and attribute == "expandable":
                    argument = "1"
                continue
            i = self._skip_spaces(i + 1)
            if i >= len(self.src):
                raise EntityParseError(f'Unclosed start tag "{name}" at byte offset {offset}')
            value, i = self._attribute_value(i)
            if i >= len(self.src):
                raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
            argument = _tag_argument(name, attribute, value, argument)
        if name == "span" and argument != "spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {offset}'
            )
        self.pos = i + 1
        self.stack.append(_OpenTag(name, argument, self.utf16, len(self.chunks)))

    def _attribute_value(self, i: int) -> tuple[str, int]:
        quote = self._char(i)
        if quote not in "\"'":
            token_begin = i
            while (char := self._char(i)) and char.isascii() and (char.isalnum() or char in ".-"):
                i += 1
            if not _is_space(self._char(i)) and self._char(i) != ">":
                offset = self._byte_offset(token_begin)
                raise EntityParseError(f"Unexpected end of name token at byte offset {offset}")
            return self.src[token_begin:i].lower(), i
        i += 1
        parts: list[str] = []
        while i < len(self.src) and self.src[i] != quote:
            decoded = _decode_reference(self.src, i) if self.src[i] == "&" else None
            if decoded is None:
                parts.append(self.src[i])
                i += 1
            else:
                parts.append(decoded[0])
                i = decoded[1]
        return "".join(parts), min(i + 1, len(self.src))

    def _end_tag(self) -> None:
        begin = self.pos
        offset = self._byte_offset(begin)
        if not self.stack:
            raise EntityParseError(f"Unexpected end tag at byte offset {offset}")
        i = begin + 2
        while not _is_space(self._char(i)) and self._char(i) != ">":
            i += 1
        end_name = self.src[begin + 2 : i].lower()
        i = self._skip_spaces(i)
        if self._char(i) != ">":
            raise EntityParseError(f"Unclosed end tag at byte offset {offset}")
        tag = self.stack[-1]
        if end_name and end_name != tag.name:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {offset}, expected "</{tag.name}>", '
                f'found "</{end_name}>"'
            )
        self.pos = i + 1
        self.stack.pop()
        if self.utf16 > tag.offset:
            self._add_entity(tag)

    def _add_entity(self, tag: _OpenTag) -> None:
        span: Entity = {"offset": tag.offset, "length": self.utf16 - tag.offset}
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and all(last[k] == span[k] for k in ("offset", "length"))
        if tag.name in _SIMPLE_ENTITIES:
            self.entities.append({"type": _SIMPLE_ENTITIES[tag.name], **span})
        elif tag.name == "tg-emoji":
            if not tag.argument.isdigit() or int(tag.argument) == 0:
                raise EntityParseError("Invalid custom emoji identifier specified")
            self.entities.append({"type": "custom_emoji", **span, "custom_emoji_id": tag.argument})
        elif tag.name == "a":
            url = tag.argument or "".join(self.chunks[tag.first_chunk :])
            self.entities.append({"type": "text_link", **span, "url": url})
        elif tag.name == "pre":
            if last is not None and same_span and last["type"] == "code" and last.get("language"):
                last["type"] = "pre"
            else:
                self.entities.append({"type": "pre", **span})
        elif tag.name == "code":
            if last is not None and same_span and last["type"] == "pre" and tag.argument:
                last["language"] = tag.argument
            else:
                self.entities.append({"type": "code", **span, "language": tag.argument})
        else:
            kind = "expandable_blockquote" if tag.argument else "blockquote"
            self.entities.append({"type": kind, **span})


def _tag_argument(tag: str, attribute: str, value: str, current: str) -> str:
    """The argument an attribute gives its tag (href, code language, span class...)."""
    if tag == "a" and attribute == "href":
        return value
    if tag == "code" and attribute == "class" and value.startswith("language-"):
        return value[len("language-") :]
    if tag == "span" and attribute == "class" and value.startswith("tg-"):
        return value[len("tg-") :]
    if tag == "tg-emoji" and attribute == "emoji-id":
        return value
    if tag == "blockquote" and attribute == "expandable":
        return "1"
    return current
