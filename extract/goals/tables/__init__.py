"""Readers of goal tables: goals in rows, their target, outcome or status in columns or cells.

- `tab_tables`        tab tables "PROJEKT/INSATS | MÅL | MÅLUPPFYLLELSE JA | NEJ", "Mål | Bedömning | Motivering"
- `column_tables`     "Indikator | Målvärde | Utfall 2022 | Utfall 2023", cells by tab or one per line;
                      status derived from outcome against target
- `indicator_tables`  "Utfall 2014 | Utfall 2015 | Målvärde" with goal lines as sections, glued cells cut;
                      `indicator_lists` the same without a target column
- `status_tables`     a status word or symbol (Uppfyllt, ●/◐/○) on its own line next to each goal or measure
- `target_tables`     financial goal tables flattened one cell per line: label, goal, target per year
- `interleaved`       OCR'd three-column tables whose columns came out as separate paragraphs

A goal layout whose rows and columns carry the goal and its follow-up (a header names the
columns, or the cells repeat in a fixed order) gets a module here.
"""
