"""Panel: one row per organisation-year, names normalised, newest report wins, restatements flagged."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from batch_fakes import fake_process  # noqa: E402

import arsred  # noqa: E402
from arsred.options import Options  # noqa: E402
from arsred.panel import build_panel, load_rules, org_id  # noqa: E402


def test_org_id_folds_spelling_variants() -> None:
    assert org_id("Samordningsförbundet Härnösand Timrå") == "harnosand_timra"
    assert org_id("SAMORDNINGSFORBUNDET HÄRNÖSAND-TIMRÅ") == "harnosand_timra"
    assert org_id("Västra Värmlands och Norra Dalslands Samordningsförbund") == \
        "vastra_varmlands_och_norra_dalslands"


def test_rules_are_data_in_preference_order() -> None:
    rules = [r for r in load_rules() if r.metric == "likvida_medel"]
    assert [r.items for r in rules][:2] == [("kf.likvida_medel_arets_slut",), ("br.kassa_och_bank",)]


REPORT_2023 = """ORG: Samordningsförbundet Härnösand Timrå
YEAR: 2023
rr.verksamhetens_intakter 2023 3000000 3
rr.arets_resultat 2023 -120000 3
rr.arets_resultat 2022 80000 3
br.summa_tillgangar 2023 4000000 4
br.arets_resultat 2023 -120000 4
br.ovrigt_eget_kapital 2023 1620000 4
br.kassa_och_bank 2023 3900000 4
not.driftbidrag_staten 2023 1500000 7
not.driftbidrag_region 2023 750000 7
not.driftbidrag_kommun 2023 375000 7 Härnösands kommun
not.driftbidrag_kommun 2023 375000 7 Timrå kommun
not.driftbidrag_kommun 2023 375000 9 Timrå kommun
rr.verksamhetens_intakter 2023 3000000 9
not.kansli 2023 -900000 8
"""
REPORT_2022 = """ORG: SAMORDNINGSFORBUNDET HARNOSAND-TIMRA
YEAR: 2022
rr.arets_resultat 2022 95000 2
rr.arets_resultat 2021 10000 2
rr.verksamhetens_intakter 2022 2900000 2
kf.likvida_medel_arets_slut 2022 3500000 5
"""
PLAN = """ORG: Samordningsförbundet Härnösand Timrå
YEAR: 2024
TYPE: delarsrapport
rr.arets_resultat 2024 5 1
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("panel")
    (base / "in").mkdir()
    (base / "in" / "ht2023.txt").write_text(REPORT_2023)
    (base / "in" / "ht2022.txt").write_text(REPORT_2022)
    (base / "in" / "ht2024q2.txt").write_text(PLAN)
    (base / "in" / "other.txt").write_text("ORG: Finsam Östra Skaraborg\nYEAR: 2023\nrr.arets_resultat 2023 7 1\n")
    arsred.extract_reports([base / "in"], base / "out", Options(jobs=2), process_fn=fake_process)
    build_panel(base / "out")
    return base / "out"


def test_one_row_per_organisation_year(out: Path) -> None:
    panel = pd.read_parquet(out / "panel.parquet")
    assert list(zip(panel.org_id, panel.year, strict=True)) == [("harnosand_timra", 2021), ("harnosand_timra", 2022),
                                                   ("harnosand_timra", 2023), ("ostra_skaraborg", 2023)]
    row = panel[(panel.org_id == "harnosand_timra") & (panel.year == 2023)].iloc[0]
    assert row.medlemsbidrag_total == 3_000_000      # staten + region + the two kommuner
    assert row.medlemsbidrag_total_doc == "ht2023" and row.medlemsbidrag_total_page == 7
    assert row.medlemsbidrag_kommun == 750_000
    assert row.kostnad_kansli == 900_000              # a cost, as a positive amount
    assert row.arets_resultat == -120_000
    assert row.eget_kapital == 1_500_000              # årets resultat + övrigt eget kapital
    assert row.likvida_medel == 3_900_000 and row.likvida_medel_page == 4
    assert row.eget_kapital_per_medlemsbidrag == pytest.approx(0.5)
    assert (pd.read_csv(out / "panel.csv").shape == panel.shape)


def test_newest_report_wins_and_restatement_is_flagged(out: Path) -> None:
    panel = pd.read_parquet(out / "panel.parquet").set_index(["org_id", "year"])
    r2022 = panel.loc[("harnosand_timra", 2022)]
    assert r2022.arets_resultat == 80_000 and r2022.arets_resultat_doc == "ht2023"
    assert r2022.restated and "arets_resultat" in r2022.restated_metrics
    assert r2022.likvida_medel_doc == "ht2022"        # only the older report has it
    assert not panel.loc[("harnosand_timra", 2021)].restated
    assert panel.loc[("harnosand_timra", 2023)].arets_resultat_doc == "ht2023"   # not the delårsrapport


def test_duckdb_views(out: Path) -> None:
    con = duckdb.connect(str(out / "arsred.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM panel").fetchone()[0] == 4
    rows = con.execute("SELECT year, metric, value_sek, restated_value_sek, restated_doc_id "
                       "FROM panel_restatements").fetchall()
    assert (2022, "arets_resultat", 80000.0, 95000.0, "ht2022") in rows
    assert con.execute("SELECT count(*) FROM facts").fetchone()[0] > 0   # extract tables kept


REAL = Path(__file__).parent / "real"


def _gold_figure(stem: str, label: str, year: int, scope: str) -> float:
    gold = json.loads((REAL / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    return next(f["value_sek"] for f in gold["facts"] if f["label"] == label and f["period"] == year
                and f.get("scope", "entity") == scope and f["column"] == "utfall")


@pytest.fixture(scope="module")
def real_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two real kommun statements with Kommunen and Koncernen columns side by side."""
    base = tmp_path_factory.mktemp("panel_real")
    (base / "in").mkdir()
    for stem in ("varmdo_2018_rr", "lulea_2018_rr", "tingsryd_2018_arsredovisning"):
        text = (REAL / "pages" / f"{stem}.txt").read_text(encoding="utf-8")
        (base / "in" / f"{stem}.txt").write_text(text, encoding="utf-8")
    arsred.extract_reports([base / "in"], base / "out", Options(jobs=1))
    build_panel(base / "out")
    return base / "out"


@pytest.mark.parametrize(("stem", "label"), [("varmdo_2018_rr", "Årets resultat"),
                                             ("lulea_2018_rr", "Årets resultat")])
def test_panel_row_is_the_kommuns_own_not_the_groups(real_out: Path, stem: str, label: str) -> None:
    """Värmdö 2018: the kommun's result is -4.4 mnkr, the group's +4.6 mnkr; the panel row is the kommun's
    and the group's figure is in panel_long under scope 'group'."""
    panel = pd.read_parquet(real_out / "panel.parquet")
    row = panel[(panel.org_id == f"doc_{stem}") & (panel.year == 2018)].iloc[0]
    assert row.arets_resultat == _gold_figure(stem, label, 2018, "entity")
    long = pd.read_parquet(real_out / "panel_long.parquet")
    group = long[(long.doc_id == stem) & (long.year == 2018) & (long.metric == "arets_resultat")
                 & (long.scope == "group")]
    assert list(group.value_sek) == [_gold_figure(stem, label, 2018, "group")]
    assert set(long.scope) == {"entity", "group"}


def test_panel_says_which_figures_the_reports_arithmetic_proves(real_out: Path) -> None:
    """A researcher must tell a proven panel figure from one only read: panel_long's `verified` is the
    source fact's own (Tingsryd 2018: "Årets resultat uppgick till +17 mkr", read from running text, no
    statement to prove it; Värmdö's and Luleå's resultaträkning figures are proven by their sums), and
    panel's `unverified_metrics` names the entity metrics of the row that are not."""
    long = pd.read_parquet(real_out / "panel_long.parquet")
    facts = pd.read_parquet(real_out / "facts.parquet")
    single = long[~long["item"].str.contains(r"[+/]", regex=True)]
    for r in single.itertuples():
        src = facts[(facts.doc_id == r.doc_id) & (facts.item == r.item) & (facts.period == r.year)
                    & (facts.scope == r.scope) & (facts.page == r.page) & (facts.line == r.line)]
        assert len(src) >= 1 and bool(r.verified) == bool(src.verified.all()), r
    tingsryd = long[(long.org_id == "doc_tingsryd_2018_arsredovisning") & (long.metric == "arets_resultat")]
    assert list(tingsryd.value_sek) == [17_000_000] and list(tingsryd.verified) == [False]
    assert long[long.doc_id == "lulea_2018_rr"].verified.any()
    panel = pd.read_parquet(real_out / "panel.parquet").set_index(["org_id", "year"])
    for (oid, year), row in panel.iterrows():
        own = long[(long.org_id == oid) & (long.year == year) & (long.scope == "entity")]
        assert set(filter(None, row.unverified_metrics.split(";"))) == set(own[~own.verified].metric)
    assert panel.loc[("doc_tingsryd_2018_arsredovisning", 2018)].unverified_metrics == "arets_resultat"


def test_a_kommun_has_no_members_contributions_but_its_tax_revenue(real_out: Path) -> None:
    panel = pd.read_parquet(real_out / "panel.parquet")
    row = panel[(panel.org_id == "doc_varmdo_2018_rr") & (panel.year == 2018)].iloc[0]
    assert pd.isna(row.medlemsbidrag_total) and pd.isna(row.eget_kapital_per_medlemsbidrag)
    assert row.skatteintakter == _gold_figure("varmdo_2018_rr", "Skatteintäkter", 2018, "entity")
    assert row.verksamhetens_nettokostnader == -_gold_figure("varmdo_2018_rr", "Verksamhetens nettokostnader",
                                                              2018, "entity")


def test_an_income_printed_negative_keeps_its_sign_and_costs_turn_by_their_tables_convention() -> None:
    """Härnösand Timrå 2024 (data/raw/001): the overview prints "Intäkter övriga … -7 -4 0 0 0" beside
    medlemsbidrag printed positive. The minus is the information (a correction), not the table's way of
    printing incomes, so the panel keeps it; the Resultaträkning prints its costs with a minus, so
    verksamhetens kostnader turn positive."""
    from arsred.panel import OUTCOME_COLUMNS, document_metrics
    from arsred.pipeline import process_document
    result = process_document(str(Path(__file__).parent.parent / "data/raw/001_417f4babd9b8cbcc.txt"))
    rules = load_rules()
    wanted = {i for r in rules for i in r.items}
    rows = [f.to_dict() for f in result.facts if f.item in wanted and f.column in OUTCOME_COLUMNS
            and f.period is not None and f.scope == "entity"]
    got = document_metrics(rows, rules, "forbund")
    printed = {f.period: f.value_sek for f in result.facts if f.item == "ov.ovriga_intakter"}
    assert printed[2024] < 0 and printed[2023] < 0
    assert got[("ovriga_intakter", 2024)].value == printed[2024]
    assert got[("ovriga_intakter", 2023)].value == printed[2023]
    rr_costs = {f.period: f.value_sek for f in result.facts if f.item == "rr.verksamhetens_kostnader"}
    assert rr_costs[2024] < 0 and got[("verksamhetens_kostnader", 2024)].value == -rr_costs[2024]
    assert got[("medlemsbidrag_total", 2024)].value > 0
