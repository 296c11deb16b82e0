"""Goal reading (måluppfyllelse): goals and their fulfilment -> goals.csv rows.

Split by stage and by the form a report prints its goals in:

- `reading/`  printed lines -> reading lines (PDF / OCR positions, long stored lines, spaced pages)
- `tables/`   goal tables: goals in rows, target / outcome / status in columns or cells
- `lines/`    one goal per line, marked by a number, code, label or benchmark
- `prose/`    goals stated or judged in sentences (prose goals, judged sentences, financial goals)

Each reader is `(lines, headings, phrases, used) -> list[RawGoal]`, listed in `find.READERS`;
a new layout gets a new reader module in the folder of its form (each folder's `__init__`
says which form goes there).

Shared core here, imported by the sub-packages and never importing a reader: `vocabulary`
(the words of `extract/data/goal_phrases.toml`, folding, numbers with units), `model`
(RawGoal), `structure` (furniture, headings, goal areas, paragraphs). After reading: `rows`
(values, status), `money` (initiative money), `find` (the pipeline entry point `find_goals`,
GOAL_COLUMNS and READERS).
"""
from arsred.extract.goals.find import GOAL_COLUMNS, find_goals, write_goals_csv

__all__ = ["GOAL_COLUMNS", "find_goals", "write_goals_csv"]
