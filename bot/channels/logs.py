"""How the long-running front ends log: ``LOG_FORMAT=json`` gives one JSON object a line.

Log collectors (journald exporters, Loki, Elasticsearch) read structured lines without a
parsing rule; people read the default text format.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message"}`` and ``"exception"`` (the traceback) when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:  # a filter may have set (and redacted) it already
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def formatter() -> logging.Formatter:
    """The formatter ``LOG_FORMAT`` asks for: ``json``, or ``text`` (the default)."""
    if os.environ.get("LOG_FORMAT", "text").strip().lower() == "json":
        return JsonFormatter()
    return logging.Formatter(TEXT_FORMAT)
