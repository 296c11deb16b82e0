"""Totals of a goal run against gold, with eval_goals.py's own matching (one place for test and benchmark).

    score(gold, rows) -> {"docs", "total", "found", "status", "t_n", "t_ok", "o_n", "o_ok", "full", "rows"}

`gold` is eval_goals.read_gold's {stem: data}; `rows` is {stem: [goal rows]}. "full" counts
matched goals whose status, target and outcome (where the gold has them) are all right;
precision is found / rows (each row matches at most one gold goal).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

EVAL = Path(__file__).resolve().parent / "eval_goals.py"


def eval_goals():
    spec = importlib.util.spec_from_file_location("eval_goals", EVAL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)   # type: ignore[union-attr]
    return module


def score(gold: dict[str, dict], rows: dict[str, list[dict]]) -> dict[str, int]:
    ev = eval_goals()
    t = dict(docs=len(gold), total=0, found=0, status=0, t_n=0, t_ok=0, o_n=0, o_ok=0, full=0, rows=0)
    for stem, data in gold.items():
        goals, doc_rows = data.get("goals", []), rows.get(stem, [])
        pairs = ev.match(goals, doc_rows)
        t["total"] += len(goals)
        t["found"] += len(pairs)
        t["rows"] += len(doc_rows)
        for gi, ri in pairs.items():
            g, r = goals[gi], doc_rows[ri]
            ok = ev.norm_status(g.get("status")) == ev.norm_status(r.get("status"))
            t["status"] += ok
            for key, n, k in (("target_value", "t_n", "t_ok"), ("outcome_value", "o_n", "o_ok")):
                if ev.parse_number(g.get(key)) is not None:
                    t[n] += 1
                    right = ev.value_right(g.get(key), r.get(key))
                    t[k] += right
                    ok = ok and right
            t["full"] += ok
    return t
