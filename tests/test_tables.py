"""Table reading on small hand-written statements: headers, rows, notes, wrapped labels."""
from __future__ import annotations

from arsred.extract.sections import find_sections
from arsred.extract.tables.statements import read_tables
from arsred.normalize.items import heading_labels

from tests.helpers import text_document


def tables_of(text: str, kind: str, fiscal_year: int | None = 2024):
    doc = text_document(text)
    section = next(s for s in find_sections(doc) if s.kind == kind)
    return read_tables(section, fiscal_year, heading_labels(kind))


def rows(table):
    return [(r.label, r.note_ref, [v.amount.printed if v else None for v in r.values]) for r in table.rows
            if r.has_values]


def test_space_separated_rows_with_note_column():
    (t,) = tables_of("2. Resultaträkning\nBelopp i tkr. Not 2024 2023\nVerksamhetens intakter 2 2832 2832\n"
                     "Verksamhetens kostnader 3 -2 650 -2983\nAvskrivningar 0,00 0,00\n", "resultatrakning")
    assert [(c.period, c.kind) for c in t.header.columns] == [(2024, "utfall"), (2023, "utfall")]
    assert rows(t) == [("Verksamhetens intakter", 2, ["2832", "2832"]),
                       ("Verksamhetens kostnader", 3, ["-2 650", "-2983"]),
                       ("Avskrivningar", None, ["0,00", "0,00"])]


def test_tab_table_with_dates_and_note_cells():
    (t,) = tables_of("Balansräkning\nBelopp i kr.\tNot\t2022-12-31\t2021-12-31\nTillgångar\t\t\t\n"
                     "Fordringar\t4\t128\t165\nKassa och bank\t\t1 505\t2 181\n", "balansrakning")
    assert [(c.period, c.kind) for c in t.header.columns] == [(2022, "utfall"), (2021, "utfall")]
    assert rows(t) == [("Fordringar", 4, ["128", "165"]), ("Kassa och bank", None, ["1 505", "2 181"])]


def test_grouped_header_over_sub_columns_in_tab_text():
    text = ("Driftredovisning\n"
            "Belopp tkr\tUtfall 2022\t\t\tBudget 2022\tAvvikelse 2022\tUtfall 2021\t\t\n"
            "\tIntäkt\tKostnad\tNetto\tNetto*\tUtfall-Budget netto\tIntäkt\tKostnad\tNetto\n"
            "Bidrag\t3 754\t0\t3 754\t3 754\t0\t3 754\t0\t3 754\n")
    (t,) = tables_of(text, "driftredovisning")
    assert [(c.period, c.kind) for c in t.header.columns] == [
        (2022, "utfall_intakt"), (2022, "utfall_kostnad"), (2022, "utfall_netto"), (2022, "budget_netto"),
        (2022, "avvikelse"), (2021, "utfall_intakt"), (2021, "utfall_kostnad"), (2021, "utfall_netto")]


def test_grouped_header_in_ocr_text_uses_column_count_for_merged_amounts():
    text = ("5. Driftredovisning\nUtfall Budget Avvikelse Utfall\n2024 2024 2024 2023\n"
            "Belopp tkr Intakt | Kostnad Netto Netto* Utfall- Intdkt Kostnad Netto\nBudget\nnetto\n"
            "Verksamhet 0 -1900 -1900 -2 095 195 2832 -2 497 -2 497\n")
    (t,) = tables_of(text, "driftredovisning")
    assert [c.kind for c in t.header.columns] == ["utfall_intakt", "utfall_kostnad", "utfall_netto",
                                                 "budget_netto", "avvikelse", "utfall_intakt",
                                                 "utfall_kostnad", "utfall_netto"]
    assert rows(t)[0][2] == ["0", "-1900", "-1900", "-2 095", "195", "2832", "-2 497", "-2 497"]


def test_wrapped_label_joins_the_row_above():
    text = ("Balanskravsresultat\nBelopp i tkr 2024\n+/- Aterforing av orealiserade vinster och forluster i 0\n"
            "vardepapper\n= Balanskravsresultat 237\n")
    (t,) = tables_of(text, "balanskrav")
    assert rows(t) == [("Aterforing av orealiserade vinster och forluster i vardepapper", None, ["0"]),
                       ("Balanskravsresultat", None, ["237"])]


def test_figures_beside_a_heading_move_to_the_line_ocr_put_below():
    text = ("3. Balansrakning\nBelopp i tkr. Not 2024-12-31 2023-12-31\nEget kapital 236,50 -117,09\n"
            "Arets resultat\nOvrigt eget kapital 584,03 701,12\n")
    (t,) = tables_of(text, "balansrakning")
    assert rows(t)[0] == ("Arets resultat", None, ["236,50", "-117,09"])


def test_comment_and_prose_are_not_rows():
    text = ("Driftredovisning\nBelopp tkr\tUtfall 2024\tBudget 2024\nKansli\t-648\t-667\n"
            "Kommentar: Medlen flyttas med till 2025 och kommer nyttjas under 2025\nStyrelse\t-1\t-2\n")
    (t,) = tables_of(text, "driftredovisning")
    assert [r[0] for r in rows(t)] == ["Kansli"]


def test_table_without_header_takes_the_section_year():
    text = "BUDGET 2022\n\nINTÄKTER\t\nÅnge kommun\t368 000\nSumma intäkter\t1 722 000\n"
    (t,) = tables_of(text, "budget", fiscal_year=None)
    assert [(c.period, c.kind) for c in t.header.columns] == [(2022, "budget")]
    assert rows(t) == [("Ånge kommun", None, ["368 000"]), ("Summa intäkter", None, ["1 722 000"])]


def test_operators_in_front_of_labels_are_not_part_of_them():
    (t,) = tables_of("Balanskravsresultat\nBelopp i tkr\t2022\n-Samtliga realisationsvinster\t0\n"
                     "-/+ Orealiserade vinster/förluster i värdepapper\t0\n= Balanskravsresultat\t195\n", "balanskrav")
    assert [r[0] for r in rows(t)] == ["Samtliga realisationsvinster", "Orealiserade vinster/förluster i värdepapper",
                                       "Balanskravsresultat"]


def test_space_aligned_columns():
    text = ("Resultaträkning\nBelopp i tkr          Not      2023      2022\n"
            "Verksamhetens intäkter   1      1 400     1 380\nVerksamhetens kostnader  2     -1 300    -1 420\n")
    (t,) = tables_of(text, "resultatrakning")
    assert rows(t) == [("Verksamhetens intäkter", 1, ["1 400", "1 380"]),
                       ("Verksamhetens kostnader", 2, ["-1 300", "-1 420"])]


def test_merged_tokens_take_the_reading_that_fits_the_column_magnitudes():
    """`−147 107 987` is `−147 107 | 987` or `−147 | 107 987`; the rows above settle it."""
    text = ("DRIFTREDOVISNING\nBelopp i kronor Utfall 2019 Utfall 2018\nIntäkt Kostnad Netto Intäkt Kostnad Netto\n"
            "Medlemsavgifter 4 200 000 0 4 200 000 4 000 000 0 4 000 000\n"
            "Kansli 0 −1 082 210 −1 082 210 0 −1 007 275 −1 007 275\n"
            "Övrigt 1 204 −148 311 −147 107 987 −136 542 −135 555\n")
    (t,) = tables_of(text, "driftredovisning")
    assert rows(t)[-1][2] == ["1 204", "−148 311", "−147 107", "987", "−136 542", "−135 555"]


def test_note_reference_is_kept_only_when_the_report_has_that_note():
    doc = text_document("Resultaträkning\nBelopp i tkr Not 2019 2018\nMedlemsavgifter 1 4 200 4 000\n"
                        "Finansiella intäkter 1 204 987\nNoter\nNot 1 Medlemsavgifter\n2019 2018\nFK 4 200 4 000\n")
    from arsred.extract.sections import find_sections
    sections = find_sections(doc)
    titles = {s.note: s.title for s in sections if s.note}
    rr = next(s for s in sections if s.kind == "resultatrakning")
    (t,) = read_tables(rr, 2019, (), frozenset(), titles)
    assert rows(t) == [("Medlemsavgifter", 1, ["4 200", "4 000"]), ("Finansiella intäkter", None, ["1 204", "987"])]


def test_label_wrapped_with_figures_on_its_last_line():
    (t,) = tables_of("Balansräkning\nBelopp i tkr\t2024\t2023\nUpplupna kostnader och förutbetalda\t\t\n"
                     "intäkter\t1 234\t1 111\n", "balansrakning")
    assert rows(t) == [("Upplupna kostnader och förutbetalda intäkter", None, ["1 234", "1 111"])]


def test_varav_row_is_named_after_its_parent():
    (t,) = tables_of("Driftredovisning\nBelopp tkr\tUtfall 2024\tBudget 2024\nStyrelsen\t-102\t-65\n"
                     "(varav arvode & soc.avg)\t(-75)\t(-54)\n", "driftredovisning")
    assert rows(t)[1][0] == "Styrelsen, varav arvode & soc.avg"
    assert rows(t)[1][2] == ["(-75)", "(-54)"]


def test_day_month_year_headers_and_amounts_with_a_unit_word():
    (t,) = tables_of("Balansräkning\nBelopp i kr\t31 dec 2024\t31 dec 2023\nKassa och bank\t1 505 kr\t2 181 kr\n",
                     "balansrakning")
    assert [(c.period, c.kind) for c in t.header.columns] == [(2024, "utfall"), (2023, "utfall")]
    assert rows(t) == [("Kassa och bank", None, ["1 505", "2 181"])]


def test_running_headers_are_furniture():
    from arsred.extract.sections import content_lines

    from tests.helpers import text_document
    page = "Samordningsförbundet X — Årsredovisning 2024\nKansli {k}\nStyrelse {k}\nSida {n}\n"
    doc = text_document("\f".join(page.format(n=n, k=100 * n) for n in range(1, 5)))
    texts = [line.text for line in content_lines(doc)]
    assert not any("Årsredovisning 2024" in t for t in texts)
    assert "Kansli 200" in texts and "Styrelse 400" in texts


def test_follow_up_table_with_beviljat_utfall_kvar_columns():
    text = ("1. Förvaltningsberättelse\n\nUppföljning av insatser 2023\n\n"
            "Insats                     Beviljat 2023    Utfall 2023         Kvar\n"
            "Unga vuxna i arbete         1 450 000 kr   1 388 412 kr    61 588 kr\n"
            "Samverkansteam                980 000 kr     980 000 kr        ±0 kr\n"
            "Kompetensutveckling           500 000 kr              —   500 000 kr\n")
    doc = text_document(text)
    from arsred.extract.sections import find_sections
    from arsred.extract.tables.statements import has_budget_header
    section = find_sections(doc)[-1]
    assert has_budget_header(section)
    (t,) = read_tables(section, 2023, (), frozenset(), None, "budget")
    assert [(c.period, c.kind) for c in t.header.columns] == [(2023, "budget"), (2023, "utfall"), (2023, "avvikelse")]
    assert rows(t)[1][2] == ["980 000", "980 000", "±0"]
    assert rows(t)[2][2] == ["500 000", None, "500 000"]


def test_budget_column_beside_intakt_kostnad_netto_is_the_net_budget():
    (t,) = tables_of("Driftredovisning per verksamhetsområde 2022 (tkr)\n\n"
                     "Verksamhetsområde          Intäkter   Kostnader   Nettokostnad   Budget   Avvikelse\n"
                     "Medlemsbidrag                 8 600           0          8 600    8 600          ±0\n",
                     "driftredovisning", fiscal_year=2022)
    assert [c.kind for c in t.header.columns] == ["utfall_intakt", "utfall_kostnad", "utfall_netto",
                                                 "budget_netto", "avvikelse"]


def test_leaders_note_references_and_rules_inside_a_statement():
    text = ("Balansräkning (tkr)\n\n                                        2018-12-31   2017-12-31\n"
            "Kortfristiga fordringar (not 5) .............. 488          402\n"
            "Kassa och bank ............................. 2 150        2 340\n"
            "                                        ----------   ----------\n"
            "Summa tillgångar ........................... 2 638        2 742\n")
    doc = text_document(text)
    from arsred.extract.sections import content_lines, find_sections
    section = next(s for s in find_sections(doc, content_lines(doc)) if s.kind == "balansrakning")
    (t,) = read_tables(section, 2018, heading_labels("balansrakning"))
    assert rows(t) == [("Kortfristiga fordringar", 5, ["488", "402"]), ("Kassa och bank", None, ["2 150", "2 340"]),
                       ("Summa tillgångar", None, ["2 638", "2 742"])]


def test_contents_lines_with_leaders_are_not_rows():
    (t,) = tables_of("Budget 2024\nMedlem\t2024\nKommunen\t1 200\nRegionen\t1 200\nInnehåll ........ 3\n", "budget")
    assert [r[0] for r in rows(t)] == ["Kommunen", "Regionen"]


def test_inline_money_block():
    from arsred.extract.moneyblocks import find_money_blocks
    doc = text_document("Insatser\n\nArbete & hälsa\n\nBeviljat belopp: 2 400 000 kr. Utbetalt: 2 209 850 kr. "
                        "Återstår: 190 150 kr.\n")
    blocks = find_money_blocks(doc.lines, 2023)
    assert [(b.initiative, b.label, b.column, b.amount.printed) for b in blocks] == [
        ("Arbete & hälsa", "Beviljat belopp", "budget", "2 400 000"),
        ("Arbete & hälsa", "Utbetalt", "utfall", "2 209 850"),
        ("Arbete & hälsa", "Återstår", "avvikelse", "190 150")]


def test_note_reference_written_in_the_label_on_a_merged_line():
    (t,) = tables_of("Resultaträkning, tkr\n2025 2024\nMedlemsbidrag Not 2 5 400 5 200\n"
                     "Verksamhetens kostnader (not 3) -5 502 -5 390\n", "resultatrakning")
    assert rows(t) == [("Medlemsbidrag", 2, ["5 400", "5 200"]), ("Verksamhetens kostnader", 3, ["-5 502", "-5 390"])]


def test_merged_line_with_a_unit_after_every_figure():
    (t,) = tables_of("BUDGET 2023\nInsats Beviljat 2023 Utfall 2023 Kvar\n"
                     "Unga vuxna i arbete 1 450 000 kr 1 388 412 kr 61 588 kr\n"
                     "Språk och arbete 1 250 000 kr 1 223 508 kr 26 492 kr\n", "budget", fiscal_year=2023)
    assert rows(t)[0] == ("Unga vuxna i arbete", None, ["1 450 000", "1 388 412", "61 588"])


def test_an_unreadable_ocr_figure_leaves_its_neighbours_in_place():
    from arsred.extract.document import Box, Cell, Line, Word
    from arsred.extract.tables import Column, Header, parse_row

    def cell(text, x0, conf=0.95):
        return Cell(text, x0, x0 + 20, (Word(text, Box(x0, 0, x0 + 20, 10), conf),))
    header = Header((Column(2022, "utfall_kostnad", 230, 250), Column(2022, "utfall_netto", 266, 286)),
                    positional=True)
    line = Line(16, 19, "Styrelsearvode SI) -117", (cell("Styrelsearvode", 36), cell("SI)", 230, 0.17),
                                                  cell("-117", 266)), "ocr")
    row = parse_row(line, header)
    assert [v.amount.printed if v else None for v in row.values] == [None, "-117"]
