"""Plain-text rendering of a ``Reply`` for the console and ``ask``."""

from __future__ import annotations

from handlers.reply import Reply


def render(reply: Reply) -> str:
    """The reply as a person reads it in a terminal: text, note, numbered choices, source line.

    The numbers are what the console's user types to pick a choice.
    """
    parts = [reply.text]
    if reply.note:
        parts.append(reply.note)
    if reply.choices:
        lines = [reply.choices_heading] if reply.choices_heading else []
        for n, choice in enumerate(reply.choices, 1):
            lines.append(f"  {n}. {choice.label}")
        parts.append("\n".join(lines))
    if reply.source_line:
        parts.append(reply.source_line)
    return "\n\n".join(parts)
