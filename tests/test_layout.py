"""The architecture the tree shows: imports flow one way, with no circles.

Front ends (``bot.channels``, ``bot.tools``) → ``handlers`` → ``bot.engine`` / ``bot.store`` →
``bot.kb`` → ``bot.text``; ``bot.cli``, ``bot.config`` and ``bot.__main__`` wire them together.
A module may import its own package and packages of lower layers, never one above it or a
sibling on its own layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

#: Layers from the top; a package's modules may import only their own package or lower layers.
#: The first layer is one unit: the entry points and the wiring between them.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("bot.__main__|bot.cli|bot.config",),
    ("bot.channels", "bot.tools"),
    ("handlers",),
    ("bot.engine", "bot.store"),
    ("bot.kb",),
    ("bot.text",),
)
#: Most modules bot/ may keep at its top level (entry and wiring only).
TOP_LEVEL_LIMIT = 6


def module_name(path: Path) -> str:
    """``bot/kb/loader.py`` → ``bot.kb.loader``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    """Every module of the two shipped packages."""
    return {module_name(p): p for top in ("bot", "handlers") for p in sorted((ROOT / top).rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports, at any depth (lazy imports inside functions count)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from bot import config" imports the module bot.config; "from bot.kb.loader import load"
            # imports bot.kb.loader.
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in known else node.module
                     for a in node.names]
        found.update(name for name in names if name in known)
    return found


def layer_of(module: str) -> tuple[int, str]:
    """The layer index and the package (layer entry) a module belongs to."""
    for index, packages in enumerate(LAYERS):
        for package in packages:
            if any(module == p or module.startswith(p + ".") for p in package.split("|")):
                return index, package
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS or move it into a package")


def test_every_module_belongs_to_a_layer() -> None:
    for module in project_modules():
        if module != "bot":  # the root package only holds the version
            layer_of(module)


def test_no_module_imports_upward_or_sideways() -> None:
    modules = project_modules()
    wrong = []
    for module, path in modules.items():
        if module == "bot":
            continue
        mine, my_package = layer_of(module)
        for target in imports_of(path, set(modules)):
            if target == "bot":  # it holds only the version, which the command line prints
                if mine != 0:
                    wrong.append(f"{module} imports the root package 'bot'")
                continue
            theirs, their_package = layer_of(target)
            if theirs < mine or (theirs == mine and their_package != my_package):
                wrong.append(f"{module} (layer {mine}) imports {target} (layer {theirs})")
    assert not wrong, "\n".join(wrong)


def test_no_import_circles() -> None:
    modules = project_modules()
    graph = {m: imports_of(p, set(modules)) - {m} for m, p in modules.items()}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            raise AssertionError("import circle: " + " → ".join(cycle))


def test_bot_top_level_holds_only_entry_and_wiring() -> None:
    top = sorted(p.name for p in (ROOT / "bot").glob("*.py"))
    assert len(top) <= TOP_LEVEL_LIMIT, top


def test_every_package_says_what_it_owns() -> None:
    for init in [*(ROOT / "bot").rglob("__init__.py"), ROOT / "handlers" / "__init__.py"]:
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{init.relative_to(ROOT)} needs a docstring saying what it owns"
