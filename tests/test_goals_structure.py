"""Goal reading has one home, extract/goals/, whose modules import each other without a circle."""
from __future__ import annotations

import ast
from pathlib import Path

GOALS = Path(__file__).resolve().parents[1] / "extract" / "goals"
PACKAGE = "arsred.extract.goals"
SHARED = {"vocabulary", "model", "structure", "reading_lines", "long_lines", "spaced_lines"}


def _imports() -> dict[str, set[str]]:
    """module -> the modules of the package it imports (at the top or inside a function)."""
    graph: dict[str, set[str]] = {}
    for path in GOALS.glob("*.py"):
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            deps |= {n[len(PACKAGE) + 1:].split(".")[0] for n in names if n.startswith(PACKAGE + ".")}
        graph[path.stem] = deps & {p.stem for p in GOALS.glob("*.py")}
    return graph


def test_old_flat_goal_modules_are_gone():
    assert not list(GOALS.parent.glob("goals*.py"))


def test_goal_modules_import_each_other_without_a_circle():
    graph = {m: d for m, d in _imports().items() if m not in ("__init__", "__main__")}
    done: set[str] = set()

    def visit(m: str, path: tuple[str, ...]) -> None:
        assert m not in path, "import circle: " + " -> ".join(path + (m,))
        if m in done:
            return
        for d in sorted(graph.get(m, ())):
            visit(d, path + (m,))
        done.add(m)

    for m in sorted(graph):
        visit(m, ())
    assert done >= SHARED | {"find", "rows", "tab_tables", "prose"}


def test_shared_modules_never_import_a_reader():
    graph = _imports()
    for m in SHARED:
        assert graph[m] <= SHARED, f"{m} imports {graph[m] - SHARED}"


def test_public_entry_point():
    from arsred.extract.goals import GOAL_COLUMNS, find_goals
    from arsred.extract.goals.find import READERS

    assert callable(find_goals) and "status" in GOAL_COLUMNS
    assert all(r.__module__.startswith(PACKAGE + ".") for r in READERS)
