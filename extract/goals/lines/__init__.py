"""Readers of goals one per line (or per small labelled block), each line marked by a number, code or label.

- `numbered_lines`       "Mål 2. Samtliga insatser ska registreras. Utfall: uppfyllt." under a goal heading
- `coded_goals`          "S A1. Goal … N measure … N measure" (goal codes, symbol glyphs read as letters)
- `plan_rows`            "Resultatmål 1 <tab> Att …" rows of a plan (no outcomes)
- `indicators`           "Klart positivt svar 95 %, riktmärke 80 %": outcome and benchmark on one line
- `labelled_indicators`  "Indikator ÖM.11.2.1" / name / "Senaste värdet: 88 %"
- `contents_goals`       "3.1 En aktiv roll … ... 6" entries under a goal chapter of a plan's table of contents

A goal layout with no table header, where a mark at the start of a line (a number, a code, a
label) or a benchmark on it tells a goal from the text around it, gets a module here.
"""
