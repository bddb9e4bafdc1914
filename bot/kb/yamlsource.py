"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two equal keys.
Curators need both: an error must name the file, the line and the field, and a key given
twice is a mistake to report, not to hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]
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


def read_yaml(path: Path, display: str) -> Located:
    """Parse ``path`` safely; syntax errors and duplicate keys become problems, not raises."""
    doc = Located(file=display, data=None)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        doc.problems.append(Problem(display, None, "", f"cannot read the file: {exc}"))
        return doc
    # libyaml's parser when PyYAML has it (the usual wheels do): same nodes and marks, ~10x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        doc.data = _convert(loader, node, (), doc, set()) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or str(exc)
        doc.problems.append(Problem(display, line, "", f"YAML syntax error: {reason}"))
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(display, None, "", f"YAML error: {exc}"))
    finally:
        loader.dispose()
    return doc


def _convert(loader: Any, node: yaml.Node, path: Path_, doc: Located, seen: set[int]) -> Any:
    """Build plain Python values from a node tree, recording lines and duplicate keys.

    A list or mapping met twice is a YAML alias (``*name``): curators never need one, and a
    self-referencing or nested ("billion laughs") alias would recurse or blow up, so it is a
    problem, not a value.
    """
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.CollectionNode):
        if id(node) in seen:
            if not any(p.message == _ALIAS_PROBLEM for p in doc.problems):  # once per file is enough
                doc.problems.append(Problem(doc.file, node.start_mark.line + 1, describe(path), _ALIAS_PROBLEM))
            return None
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            child = (*path, key)
            line = key_node.start_mark.line + 1
            if key in result:
                doc.problems.append(Problem(
                    doc.file, line, describe(child),
                    f"key '{key}' is given twice (first on line {doc.lines[child]})"))
                continue
            doc.lines[child] = line
            result[key] = _convert(loader, value_node, child, doc, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, i), doc, seen) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
