"""Goal reading has one home, extract/goals/, split by stage and form, whose modules import each other without a circle."""
from __future__ import annotations

import ast
from pathlib import Path

GOALS = Path(__file__).resolve().parents[1] / "extract" / "goals"
PACKAGE = "arsred.extract.goals"
SHARED = {"vocabulary", "model", "structure", "reading.reading_lines", "reading.long_lines", "reading.spaced_lines"}
FORMS = ("tables", "lines", "prose")     # the sub-packages holding readers
MAX_FILES = 12                           # the project's rule: a folder with more files splits by stage


def _module(path: Path) -> str:
    """extract/goals/tables/tab_tables.py -> 'tables.tab_tables'."""
    return ".".join(path.relative_to(GOALS).with_suffix("").parts)


def _imports() -> dict[str, set[str]]:
    """module -> the modules of the package it imports (at the top or inside a function)."""
    modules = {_module(p) for p in GOALS.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in GOALS.rglob("*.py"):
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            deps |= {n[len(PACKAGE) + 1:] for n in names if n.startswith(PACKAGE + ".")}
        graph[_module(path)] = deps & modules
    return graph


def test_old_flat_goal_modules_are_gone():
    assert not list(GOALS.parent.glob("goals*.py"))
    assert not (GOALS / "judged_goals.py").exists() and not (GOALS / "judged_clauses.py").exists()


def test_each_folder_holds_at_most_a_dozen_files_and_says_which_form_goes_there():
    folders = [GOALS] + [d for d in GOALS.iterdir() if d.is_dir() and (d / "__init__.py").exists()]
    assert {d.name for d in folders} >= {"goals", "reading", *FORMS}
    for d in folders:
        assert len(list(d.glob("*.py"))) <= MAX_FILES, d
        doc = ast.get_docstring(ast.parse((d / "__init__.py").read_text(encoding="utf-8")))
        assert doc and all(f"`{p.stem}`" in doc for p in d.glob("*.py") if p.stem not in ("__init__", "__main__")
                           and d != GOALS), f"{d.name}/__init__.py does not name each of its modules"


def test_goal_modules_import_each_other_without_a_circle():
    graph = {m: d for m, d in _imports().items() if not m.endswith(("__init__", "__main__"))}
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
    assert done >= SHARED | {"find", "rows", "tables.tab_tables", "prose.prose", "prose.judged"}


def test_shared_modules_never_import_a_reader():
    graph = _imports()
    for m in SHARED:
        assert graph[m] <= SHARED, f"{m} imports {graph[m] - SHARED}"


def test_public_entry_point_and_readers_live_in_their_form():
    from arsred.extract.goals import GOAL_COLUMNS, find_goals
    from arsred.extract.goals.find import READERS

    assert callable(find_goals) and "status" in GOAL_COLUMNS
    assert all(r.__module__.split(".")[3] in FORMS for r in READERS)
