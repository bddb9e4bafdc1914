"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two equal keys.
Curators need both: an error must name the file, the line and the field, and a key given
twice is a mistake to report, not to hide.

A knowledge folder is also input nobody vetted: a file may be a link to ``/dev/zero``, a pipe,
megabytes, or a few hundred bytes of nested aliases that expand to billions of items. Each is
refused before it costs more than reading one bounded file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]
#: The largest knowledge file read, in bytes: the real files are under 50 KB, and a generated
#: 10,000-intent base is split into files of about 0.3 MB.
MAX_FILE_BYTES = 1 << 20
#: Deepest nesting of lists and mappings accepted: knowledge files need four levels.
MAX_DEPTH = 64
_ALIAS_PROBLEM = "YAML aliases (*name) are not supported in knowledge files: write the value out"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a knowledge file, located for a human."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        what = f", field '{self.field}'" if self.field else ""
        return f"{where}{what}: {self.message}"


@dataclass
class Located:
    """A parsed YAML document plus the line of each path inside it."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path`` or of its nearest located parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def describe(path: Path_) -> str:
    """Render a field path the way a curator reads it: ``examples[2]``.

    A leading list index (which entry of the file) is left out: the line number says it.
    """
    if path and isinstance(path[0], int):
        path = path[1:]
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def read_text(path: Path, display: str, root: Path | None = None) -> str | Problem:
    """The UTF-8 text of a knowledge file, or why it cannot be used.

    Links are followed only while they stay inside ``root`` (the knowledge folder); anything
    but a regular file (a device, a pipe, a folder) is refused without waiting on it, and so is
    a file over ``MAX_FILE_BYTES``.
    """
    def problem(message: str, line: int | None = None) -> Problem:
        return Problem(display, line, "", message)

    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of links
        return problem(f"cannot read the file: {getattr(exc, 'strerror', None) or exc}")
    if root is not None and not real.is_relative_to(root.resolve()):
        return problem(f"is a link to {real}, outside the knowledge folder: copy the file into the folder instead")
    try:  # non-blocking: opening a pipe must not wait for a writer
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return problem(f"cannot read the file: {exc.strerror or exc}")
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return problem("is not a regular file (a device, a pipe or a folder): knowledge files are plain text")
        with open(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        return problem(f"is larger than {MAX_FILE_BYTES:,} bytes: split it into several files")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return problem(f"is not UTF-8 text (byte {data[exc.start]:#04x}): save it as UTF-8", line)


def read_yaml(path: Path, display: str, root: Path | None = None) -> Located:
    """Parse ``path`` safely; unreadable files, syntax errors and duplicate keys become problems."""
    doc = Located(file=display, data=None)
    text = read_text(path, display, root)
    if isinstance(text, Problem):
        doc.problems.append(text)
        return doc
    # libyaml's parser when PyYAML has it (the usual wheels do): same nodes and marks, ~10x faster.
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        alias = _first_alias(loader_class, text) if "*" in text and "&" in text else None
        if alias is not None:
            doc.problems.append(Problem(display, alias, "", _ALIAS_PROBLEM))
            return doc
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            doc.data = _convert(loader, node, (), doc) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or str(exc)
        doc.problems.append(Problem(display, line, "", f"YAML syntax error: {reason}"))
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, other controls)
        line = text.encode("utf-8")[:exc.position].count(b"\n") + 1  # libyaml counts bytes
        doc.problems.append(Problem(display, line, "", f"YAML syntax error: character U+{exc.character:04X} "
                                                       "is not allowed in YAML"))
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(display, None, "", f"YAML error: {exc}"))
    except _TooDeep as exc:
        doc.problems.append(Problem(display, exc.line, "", f"lists and mappings are nested more than "
                                                           f"{MAX_DEPTH} levels deep"))
    return doc


def _first_alias(loader_class: Any, text: str) -> int | None:
    """The line of the first alias (``*name``), found from parser events before anything is built.

    Curators never need an alias, and built ones are the danger: a few hundred bytes of nested
    aliases ("billion laughs"), as a value or as a mapping key, expand to billions of items.
    """
    loader = loader_class(text)
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                line: int = event.start_mark.line + 1 if event.start_mark else 1
                return line
    finally:
        loader.dispose()
    return None


class _TooDeep(Exception):
    """Nesting beyond ``MAX_DEPTH``: the tree is not built any further."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _convert(loader: Any, node: yaml.Node, path: Path_, doc: Located) -> Any:
    """Build plain Python values from a node tree, recording lines and duplicate keys.

    Keys must be plain text (a list as a key means nothing to the loader); a scalar Python
    cannot convert (the date 2020-13-45) is a problem to quote, not a crash.
    """
    line = node.start_mark.line + 1
    if len(path) > MAX_DEPTH:
        raise _TooDeep(line)
    doc.lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(Problem(doc.file, key_line, describe(path),
                                            "a key must be plain text, not a list or a mapping"))
                continue
            key = _scalar(loader, key_node, path, doc)
            if not isinstance(key, str):  # "2020:" or "no:" are keys as typed, not a number or False
                key = str(key_node.value)
            child = (*path, key)
            if key in result:
                doc.problems.append(Problem(
                    doc.file, key_line, describe(child),
                    f"key '{key}' is given twice (first on line {doc.lines[child]})"))
                continue
            doc.lines[child] = key_line
            result[key] = _convert(loader, value_node, child, doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, i), doc) for i, item in enumerate(node.value)]
    return _scalar(loader, node, path, doc)


def _scalar(loader: Any, node: yaml.Node, path: Path_, doc: Located) -> Any:
    """One scalar as PyYAML types it; a value it cannot convert becomes its text and a problem."""
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        doc.problems.append(Problem(doc.file, node.start_mark.line + 1, describe(path),
                                    f"cannot read '{str(node.value)[:40]}' ({exc}): put it in quotes to "
                                    "keep it as text"))
        return str(node.value)
