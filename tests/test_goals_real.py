"""Goal reading on the real goal set (tests/real_goals): pages of förbund, kommuner and regioner.

Scored with tools/eval_goals.py's own matching. Done when (issue 13): ≥ 85 % of the gold
goals found, ≥ 85 % of those right in status, target and outcome (where the gold has them),
and precision ≥ 0.9 (output rows matched to a gold goal / output rows: no goal invented
from ordinary prose). The floors below are what the first two collection rounds measure
(26 sections, 151 goals: 151 found, 149 fully right, 152 rows), a little under, so a
regression fails. The third round's sections (`"round": 3` in their gold) were added for goal
reading to learn from; they are scored apart, with floors at what they measured when they were
added (raise them as goal reading learns their forms), so that neither set hides the other.
The fourth round's sections (`"round": 4`) are scored apart again, with floors at their first look,
and so are the fifth round's (`"round": 5`).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from arsred.extract.goals import find_goals
from arsred.extract.goals.vocabulary import fold
from arsred.extract.reading.read import read_document

from tools.goal_score import eval_goals, score

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "real_goals"


NEW_ROUND = 3
FOURTH_ROUND = 4
FIFTH_ROUND = 5
SMOKE_ROUND = 7          # the goals helper's smoke pages made gold (PICKS.log 72-74), beside round 6 of the material helper
EIGHTH_ROUND = 8         # the material helpers' seventh round, 'round': 8 in its gold


def _gold(new: bool, rounds: tuple[int, ...] | None = None) -> dict[str, dict]:
    """The dev gold of the first two rounds (new=False) or of the third (new=True); `rounds` picks rounds."""
    gold = eval_goals().read_gold(DEV / "gold")
    if rounds is None:
        rounds = (NEW_ROUND,) if new else (1, 2)
    part = {stem: data for stem, data in gold.items() if max(data.get("round", 1), 1) in rounds}
    assert part, "no real goal gold"
    return part


def _scores(new: bool, rounds: tuple[int, ...] | None = None) -> dict[str, int]:
    gold = _gold(new, rounds)
    rows = {}
    for stem, data in gold.items():
        found = find_goals(read_document(DEV / data["source"]), organisation=data.get("organisation", ""))
        rows[stem] = [{k: ("" if v is None else v) for k, v in r.items()} for r in found]
    return score(gold, rows)


@pytest.fixture(scope="module")
def scores() -> dict[str, int]:
    return _scores(new=False)


@pytest.fixture(scope="module")
def new_scores() -> dict[str, int]:
    return _scores(new=True)


@pytest.fixture(scope="module")
def fourth_scores() -> dict[str, int]:
    return _scores(new=True, rounds=(FOURTH_ROUND,))


def test_most_real_goals_are_found(scores):
    assert scores["found"] >= 0.98 * scores["total"], scores


def test_found_goals_are_right_in_status_target_and_outcome(scores):
    assert scores["full"] >= 0.97 * scores["found"], scores


def test_no_goal_is_invented_from_ordinary_prose(scores):
    assert scores["found"] >= 0.97 * scores["rows"], scores


def test_third_round_goals_are_found_and_right(new_scores):
    # measured when the third round's sections were added (15 sections, 96 goals): 22 found, 19 fully
    # right, 24 rows (the first batch of 8 sections, 54 goals, scored before goal reading was tuned on
    # it: 19 found, 20 rows). After goal reading learned their forms (goal-list introductions, a heading
    # closing a list, 'Indikator | Mål' cell tables, 'Indikator 2017 2018 2019' lists under their goal,
    # a goal named before its status): 84 found, 81 fully right, 86 rows. A later batch of new sections
    # lowers `found` until goal reading learns its forms too: re-measure the floors then.
    assert new_scores["found"] >= 0.85 * new_scores["total"], new_scores
    assert new_scores["full"] >= 0.95 * new_scores["found"], new_scores
    assert new_scores["found"] >= 0.9 * new_scores["rows"], new_scores


def test_fourth_round_goals_keep_their_first_look(fourth_scores):
    # first look when the fourth round's sections were added (9 sections, 53 goals: goals in press releases
    # and newspaper articles named inside the sentence that judges them, goal trees of a planning system
    # with 'Målvärde' cells, goals run together in one sentence or numbered with words): 13 found, 12 fully
    # right, 13 rows. After goal reading learned the goal-tree menu with its 'Målvärde' cells and goals reached
    # in a news sentence with the body's name or a verb chain before them ('når Region Kalmar län det …
    # målet om två procents …', 'klarade av att nå', 'över kommunens överskottsmål'): 45 found, 44 fully
    # right, 45 rows. After goals announced by a sentence and listed after it, numbered with words ('… har fyra
    # finansiella mål. Ett, att … Två, …') or run together in one sentence ('Att A, att B och C'): 52 found,
    # 51 fully right, 52 rows. After a goal named by a compound after a reaching verb ('klarar två procent-målet
    # - …'): 53 found, 52 fully right, 53 rows.
    # Raise the floors as goal reading learns these forms.
    assert fourth_scores["total"] == 53, fourth_scores
    assert fourth_scores["found"] >= 53, fourth_scores
    assert fourth_scores["full"] >= 52, fourth_scores
    assert fourth_scores["found"] >= 0.9 * fourth_scores["rows"], fourth_scores


@pytest.fixture(scope="module")
def fifth_scores() -> dict[str, int]:
    return _scores(new=True, rounds=(FIFTH_ROUND,))


def test_fifth_round_goals_keep_their_first_look(fifth_scores):
    # first look when the fifth round's sections were added (6 sections, 28 goals: financial goals as heading
    # lines or named inside the sentence that judges them, a goal a newspaper names only as 'kommunens mål',
    # a nämnd's goal table flattened to 'goal name + status word' lines, an auditors' summary naming one goal,
    # climate goals quoted as dash items): 2 found, 2 fully right, 3 rows (one row invented from the summary
    # prose of the flattened table). After the 'goal name + status word' rows under a header naming a status
    # column and goals printed as the titles of the paragraphs that explain them: 23 found, 23 fully right, 23 rows.
    # After a goal named by its compound in an auditors' summary ('Ett mål, kunskapsmålet, bedöms inte bli
    # uppfyllt'): 24 found, 24 fully right, 24 rows. After financial goals judged by a comparison ('vilket är mindre
    # än Katrineholms kommuns krav för god ekonomisk hushållning om en procent') or in apposition after their verdict
    # ('infrias ett av kommunens tre finansiella mål, att …', the sentence cut by a blank line): 26 found, 25 fully
    # right (the outcome '(2,9 procen' is cut off with its unit), 26 rows. After a list introduction's goal label
    # ('Inrapporterade klimatmål: ”Kommunen ska:') heading its items and a goal a body adopts ('har anslutit sig
    # till Västra Götalandsregionens mål om …'): 27 found, 26 fully right, 27 rows.
    # Raise the floors as goal reading learns these forms.
    assert fifth_scores["total"] == 28, fifth_scores
    assert fifth_scores["found"] >= 27, fifth_scores
    assert fifth_scores["full"] >= 26, fifth_scores
    assert fifth_scores["found"] >= 0.95 * fifth_scores["rows"], fifth_scores


@pytest.fixture(scope="module")
def sixth_scores() -> dict[str, int]:
    return _scores(new=True, rounds=(SMOKE_ROUND,))


def test_sixth_round_goals_keep_their_first_look(sixth_scores):
    # first look when the sixth round's smoke pages were made gold (5 sections, 11 goals: a goal as a page title over
    # a flattened 'Mått Utfall Målvärde' table whose rows end in an icon's alt text, financial areas judged together
    # by one sentence, a quoted goal not judged, and two goal pages that state no goal): 0 found, 2 rows, both invented
    # from prose ('Med hjälp av en åtgärdsplan ska målen nås …', '… indikatorer genom vilka måluppfyllelse ska mätas').
    # After a 'ska'-sentence naming goals is read as one about goals, an icon's alt text closes no row and the
    # header line names no section: 5 found, 5 fully right, 5 rows. After 'Målområde 1 – …' is a goal heading and a
    # quotation under a heading is the goal it quotes: 6 found, 6 fully right, 6 rows. After rows closed by an icon's
    # alt text under an assessment column, judged together by 'Samtliga finansiella mål nåddes.': 11, 11, 11.
    assert sixth_scores["total"] == 11, sixth_scores
    assert sixth_scores["found"] >= 11, sixth_scores
    assert sixth_scores["full"] >= 11, sixth_scores
    assert sixth_scores["rows"] == sixth_scores["found"], sixth_scores      # nothing invented from prose


def test_eighth_round_goals_keep_their_first_look():
    # first look when the eighth round's sections were added (3 sections, 10 goals: goals standing only as entries
    # of a contents list run into one line, a förbund's purposes as '»' items glued into its introduction, a result
    # goal named only by its level inside a budget decision): 0 found, 2 rows, both invented (the contents line read
    # as a goal with its next page's number as target, the introduction's first sentence). After a contents line is
    # no goal and an entry stating a goal is one ('Årets resultat ska uppgå till minst 2 % … ... 8'): 3 found,
    # 3 fully right, 3 rows. After the titles without page numbers closing a contents line are cut apart: 5, 5, 5.
    # After a goal named only by its level ('arbeta för att återställa 2 %-målet'): 6, 6, 6. Raise the floors (found, fully right) as goal reading learns these forms.
    eighth = _scores(new=True, rounds=(EIGHTH_ROUND,))
    assert (eighth["total"], eighth["rows"] - eighth["found"]) == (10, 0), eighth        # nothing invented
    assert min(eighth["found"], eighth["full"]) >= 6, eighth


def test_a_contents_list_run_into_one_line_names_only_the_goals_its_entries_state():
    # Nykvarn's budget follow-up stored one page per line: the contents line holds the financial goals as entries
    # of the 'Ekonomi' chapter, each with its level; the other entries (and the page numbers) are no goals
    rows = find_goals(read_document(DEV / "nykvarn_2015_budgetuppfoljning_mars.txt"))
    assert [(r["section"], r["goal"][:40], r["target_value"], r["status"]) for r in rows] == [
        ("Ekonomi", "Årets resultat ska uppgå till minst 2 % ", 2.0, "ej_bedomt"),
        ("Ekonomi", "Nettokostnadernas andel av skatter och g", 98.0, "ej_bedomt"),
        # the chapters printed without page numbers close the line: cut where a capital opens the next title
        ("Ekonomi", "Skattefinansieringsgraden av investering", 80.0, "ej_bedomt"),
        ("Ekonomi", "Samtliga nämnder ska klara sin ekonomi i", None, "ej_bedomt")]
    # Kunskapsförbundet's plan: the contents line is no goal (its '3' the next page's number, no target), nor is
    # the introduction's first sentence
    rows = find_goals(read_document(DEV / "kunskapsforbundet_2015_mal_och_resursplan.txt"))
    assert [(r["goal"], r["target_value"]) for r in rows] == [("Alla elever ska nå alla mål", None)]


def test_goal_rows_closed_by_a_status_word_under_a_status_column_header():
    # 'Kommungemensamma mål Nämndens mål Måluppfyllelse' / 'Valfrihet Delvis uppnått' / …: one space before the
    # status; a municipal goal and the nämnd's goal of the same name on adjacent rows are two goals; two rows glued
    # on one line are cut at the status between them, and a cell wrapped onto the next line joins its goal; the
    # summary prose after the table yields nothing
    rows = find_goals(read_document(DEV / "socialnamnd_undated_delarsbokslut_kund_invanare.txt"))
    goals = [(r["section"], r["goal"], r["status"]) for r in rows]
    assert len(goals) == 17, goals
    assert goals.count(("Kund/invånare", "Upplevd service", "delvis")) == 2
    assert ("Kund/invånare", "Bra grundskolor", "ej_bedomt") in goals
    assert goals[-2:] == [("Kund/invånare", "Stöd till självständighet", "delvis"),
                          ("Kund/invånare", "Stärkt förmåga genom förebyggande arbete", "delvis")]


def test_a_goal_named_by_its_compound_in_the_sentence_judging_it():
    # an auditors' summary: 'De övergripande finansiella målen … uppnås' names no goal (nothing read), 'Ett mål,
    # kunskapsmålet, bedöms inte bli uppfyllt 2012.' names one by its compound; 'inte bli uppfyllt' is not met
    rows = find_goals(read_document(DEV / "strangnas_2012_granskning_delarsrapport.txt"))
    assert [(r["goal"], r["status"], r["status_basis"]) for r in rows] == [
        ("kunskapsmålet", "ej_uppfyllt", "Inte bli uppfyllt")], rows


def test_financial_goals_judged_by_a_comparison_and_in_apposition_after_their_verdict():
    # '… 0,8 procent …, vilket är mindre än Katrineholms kommuns krav för god ekonomisk hushållning om en procent.':
    # the goal named by a requirement word and a goal phrase, 'mindre än' it is not met, 0,8 % its outcome; 'För
    # perioden infrias ett av kommunens tre' / '' / 'finansiella mål, att avskrivningarna inte upptar mer än tre
    # procent …': one sentence cut by a blank line, its goal the 'att'-clause after the verdict
    rows = find_goals(read_document(DEV / "katrineholm_2019_delarsrapport_finansiella_mal.txt"))
    got = {r["goal"]: (r["status"], r["target_value"], r["outcome_value"]) for r in rows}
    assert got == {
        "Katrineholms kommuns krav för god ekonomisk hushållning om en procent": ("ej_uppfyllt", 1.0, 0.8),
        "att avskrivningarna inte upptar mer än tre procent av driftsbudgeten": ("uppfyllt", 3.0, None)}, got


def test_a_goal_list_under_a_labelled_introduction_and_a_goal_the_body_adopts():
    # 'Inrapporterade klimatmål: ”Kommunen ska:' / '– …' / '– …' / 'Lysekils kommun har anslutit sig till Västra
    # Götalandsregionens mål om en fossiloberoende region 2030.”': the label heads the goals, the adopted goal is one
    rows = find_goals(read_document(DEV / "lysekil_undated_klimatmal_fossilfritt_sverige.txt"))
    assert {r["section"] for r in rows} == {"Inrapporterade klimatmål"}
    assert [r["goal"] for r in rows][-1] == "Västra Götalandsregionens mål om en fossiloberoende region 2030"
    assert len(rows) == 3 and {r["status"] for r in rows} == {"ej_bedomt"}


def test_goals_printed_as_the_titles_of_their_explaining_paragraphs():
    # 'Finansiella mål' / 'En balanserad budget …' / explanation / 'Årsresultatets andel … ska uppgå till minst 2 %' /
    # explanation …: most titles state a goal, so all are goals; the explanations are no outcome and no goal
    rows = find_goals(read_document(DEV / "lulea_undated_finansiella_mal.txt"))
    got = [(r["goal"], r["target_value"], r["status"]) for r in rows]
    assert got == [("En balanserad budget och flerårsplan utan skattehöjning", None, "ej_bedomt"),
                   ("Årsresultatets andel av skatteintäkter och statsbidrag ska uppgå till minst 2 %", 2.0, "ej_bedomt"),
                   ("Nettoinvesteringarnas andel av skatteintäkter och statsbidrag bör ej överstiga 10 %", 10.0,
                    "ej_bedomt"),
                   ("Soliditeten skall vara oförändrad", None, "ej_bedomt")], got
    assert {r["section"] for r in rows} == {"Finansiella mål"}


def _degraded_scores(out: Path, degrade) -> dict[str, int]:
    """The first two rounds' pages degraded (their text rewritten by `degrade`), read again and scored."""
    gold = _gold(new=False)
    rows = {}
    for stem, data in gold.items():
        path = out / data["source"]
        path.write_text(degrade((DEV / data["source"]).read_text(encoding="utf-8")), encoding="utf-8")
        rows[stem] = [{k: ("" if v is None else v) for k, v in r.items()} for r in find_goals(read_document(path))]
    return score(gold, rows)


@pytest.fixture(scope="module")
def one_line_scores(tmp_path_factory) -> dict[str, int]:
    """The first two rounds' pages with every line break lost (a stored page run into one line), read again."""
    return _degraded_scores(tmp_path_factory.mktemp("one_line"), one_line)


def test_a_page_run_into_one_line_still_yields_its_listed_goals(one_line_scores):
    # measured: 150 of 151 found, 148 fully right, 152 rows (before indicator, labelled and target table
    # rows were cut out of a long line, and short list items from the sentence after them: 100 found,
    # 94 fully right, 109 rows)
    assert one_line_scores["found"] >= 0.97 * one_line_scores["total"], one_line_scores
    assert one_line_scores["full"] >= 0.96 * one_line_scores["found"], one_line_scores
    assert one_line_scores["found"] >= 0.9 * one_line_scores["rows"], one_line_scores


def one_line(text: str) -> str:
    """Every line break lost, as a stored web page often has it."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def page_score(stem: str, degrade, tmp_path: Path) -> dict[str, int]:
    """One dev page, degraded, read and scored against its gold."""
    data = eval_goals().read_gold(DEV / "gold")[stem]
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / data["source"]
    path.write_text(degrade((DEV / data["source"]).read_text(encoding="utf-8")), encoding="utf-8")
    rows = [{k: ("" if v is None else v) for k, v in r.items()} for r in find_goals(read_document(path))]
    return score({stem: data}, {stem: rows})


@pytest.mark.parametrize("stem", [
    "helsingborg_2016_vard_och_omsorg_mal",         # indicator table: header, goal sentences, glued rows
    "helsingborg_2016_kommunstyrelsen_mal",         # ... with wrapped target cells ('Minst index 41')
    "lulea_2020_indikatorer_barn_och_utbildning",   # numbered indicator labels, 'Trend:' fields, latest values
    "munkedal_2018_finansiella_inriktningsmal",     # target table: goal labels, 'Mnkr'/'År 2018' headers, targets
    "munkedal_2024_finansiella_inriktningsmal",     # ... labels 'Koncernmål: soliditet', a target glued to a heading
])
def test_a_goal_table_run_into_one_line_reads_as_printed(stem, tmp_path):
    t = page_score(stem, one_line, tmp_path)
    assert t["found"] == t["total"] == t["full"] == t["rows"], t


def cell_blocks(text: str) -> str:
    """Every line and table cell a block of its own, blank lines between (a web page exported cell by cell)."""
    return "\n\n".join(c.strip() for line in text.splitlines() for c in line.split("\t") if c.strip()) + "\n"


def as_stored(text: str) -> str:
    return text


@pytest.mark.parametrize(("stem", "lost"), [
    # trend rows whose name holds a sentence end, 'Dec 2022' periods; one row is lost: its figures follow a
    # unit word ('… antal/100 000 inv 18,3 18,6 2022') that reads like the unit of a figure before them
    ("vgr_2022_prioriterade_mal_indikatorer", 1),
    ("ale_2018_matt_utbildning", 0),                # status rows: the unit named on the measure's line
    ("regionvarmland_undated_regionens_mal", 0),    # a short list item, then the sentence opening the next list
    ("grastorp_undated_finansiella_mal", 0),        # ... and the sentence after the last item
    ("stenungsund_2022_inriktningsmal", 0),         # en dashes inside numbered items are no dash list
    ("lulea_undated_finansiella_mal", 0),           # goal titles run into the paragraphs explaining them
    ("socialnamnd_undated_delarsbokslut_kund_invanare", 0),   # a status table's header, two rows of one name
    ("tidaholm_2022_arsredovisning_nyhet", 0),      # 'vart och ett av de fem … målen uppnås delvis' after the list
])
def test_more_tables_run_into_one_line_read_as_stored(stem, lost, tmp_path):
    flat, stored = page_score(stem, one_line, tmp_path), page_score(stem, as_stored, tmp_path / "s")
    assert (flat["found"], flat["full"]) == (stored["found"] - lost, stored["full"] - lost), (flat, stored)
    assert flat["rows"] <= stored["rows"], (flat, stored)


@pytest.mark.parametrize("stem", [
    "ale_2018_matt_utbildning",                     # status word, measure, figures: one table across blank lines
    "grastorp_undated_finansiella_mal",             # numbered lists after their introduction, prose after them
    "malmo_2015_finansiellt_mal",                   # bullet goals each with its reported figure below
    "enkoping_undated_vard_och_omsorg_effektmal",   # bullet goals each with its criterion ('Målet är uppnått när …')
    "munkedal_2018_finansiella_inriktningsmal",     # a target table whose next goal heading follows a goal cell
])
def test_a_page_exported_cell_by_cell_reads_as_stored(stem, tmp_path):
    cells, stored = page_score(stem, cell_blocks, tmp_path), page_score(stem, as_stored, tmp_path / "s")
    assert cells == stored, (cells, stored)


@pytest.fixture(scope="module")
def cell_block_scores(tmp_path_factory) -> dict[str, int]:
    """The first two rounds' pages exported cell by cell, read again."""
    return _degraded_scores(tmp_path_factory.mktemp("cell_blocks"), cell_blocks)


def test_the_set_exported_cell_by_cell_scores_as_stored(cell_block_scores, scores):
    # measured: 150 of 151 found, 148 fully right, 152 rows, as stored (before blank lines were read
    # again from the blocks, spaced_lines: 134 found, 125 fully right, 147 rows)
    assert cell_block_scores["found"] >= scores["found"] - 1, cell_block_scores
    assert cell_block_scores["full"] >= scores["full"] - 1, cell_block_scores
    assert cell_block_scores["found"] >= 0.97 * cell_block_scores["rows"], cell_block_scores


@pytest.mark.parametrize("stem", [
    "ekero_undated_lokala_avfallsmal",              # a goal heading closing a menu list, over a dash list of goals
    "uddevalla_2023_malstyrning",                   # '… finansiella mål:' introducing the list: the goals' section
    "dalamitt_undated_om_oss",                      # '… huvudmålet som är att:' closing a paragraph over the list
    "vara_2024_namndernas_indikatorer",             # 'Indikator | Mål' one cell per line under 'Övergripande mål: X'
    "danderyd_2022_arsredovisning_beslutad",        # 'målet resultat enligt balanskrav inte uppnåddes'
    "malmo_2015_finansiellt_mal",                   # 'har fastställt ett finansiellt mål att Malmö stad skall …'
    "goteborg_2019_organisationsmal",               # 'Indikator 2017 2018 2019' under the goal printed over it
    "goteborg_2019_overgripande_mal",               # ... cells set apart by wide gaps, '1 233*' footnoted
    "kommun_2016_flerarsplan_mal_13",               # 'Mål 13. … Indikatorer' over its dash list of measures
    "medelpad_2022_mal_och_resursplan",             # goals named only in the contents, under its goal chapter
])
def test_goal_sections_that_yielded_nothing_read_whole(stem, tmp_path):
    t = page_score(stem, as_stored, tmp_path)
    assert t["found"] == t["total"] == t["rows"], t


def test_an_indicator_target_table_run_into_one_line_keeps_its_rows(tmp_path):
    # 'Indikator Mål Andel (%) … matematiken. Minst 90 % Medelvärde … skolan. 8 …': every row with its target;
    # the labelled goal line above runs into the next heading ('… god kvalitet Nämndens indikatorer'), so the
    # goal the rows serve is the one row lost
    stem = "vara_2024_namndernas_indikatorer"
    flat, stored = page_score(stem, one_line, tmp_path), page_score(stem, as_stored, tmp_path / "s")
    assert (flat["found"], flat["full"], flat["rows"]) == (stored["found"] - 1, stored["full"] - 1, stored["rows"] - 1)


def test_a_measure_where_less_is_better_is_met_only_at_or_under_its_target():
    # Helsingborg's scorecard prints 'Antal anmälda våldsbrott per 1000 invånare' with 16,1 in 2016 against a
    # target cell of a bare '13' (no 'Max'): a count of crimes above its target is not met; the measures
    # around it (indexes, shares) stay higher-is-better
    page = DEV / "helsingborg_2016_stadens_mal.txt"
    rows = {r["goal"]: r for r in find_goals(read_document(page), organisation="Helsingborgs stad")}
    crimes = rows["Antal anmälda våldsbrott per 1000 invånare"]
    assert (crimes["outcome_value"], crimes["target_value"], crimes["status"]) == (16.1, 13, "ej_uppfyllt")
    assert "less brott is better" in crimes["status_basis"]
    index = rows["Nöjd-Inflytande-Index"]
    assert (index["outcome_value"], index["target_value"], index["status"]) == (36, 41, "ej_uppfyllt")
    assert "less" not in index["status_basis"]


def test_a_financial_goal_judged_in_a_news_sentence_is_read_with_its_outcome(tmp_path):
    # Tingsryd: '… årsresultat motsvarar 3,5 procent av skatteintäkter …, vilket innebär att fullmäktiges
    # långsiktiga resultatmål om 2 procent har uppfyllts med god marginal.' The goal is named inside the sentence
    # that judges it; the sentence's own figure (3,5) is the outcome, never the goal's 2 restated in it.
    # The balanskrav ('har uppnåtts') and the reserve's cap are no goals; run into one line, the same.
    stem = "tingsryd_2023_arsredovisning"
    for degrade, where in ((as_stored, tmp_path), (one_line, tmp_path / "one")):
        t = page_score(stem, degrade, where)
        assert t["found"] == t["total"] == t["full"] == t["rows"] == 1, t
    rows = find_goals(read_document(DEV / f"{stem}.txt"))
    goal = rows[0]
    assert goal["goal"].startswith("fullmäktiges långsiktiga resultatmål om 2 procent")
    assert (goal["target_value"], goal["outcome_value"], goal["status"], goal["status_source"]) == (
        2, 3.5, "uppfyllt", "stated")


def test_a_plan_target_sentence_is_no_verdict():
    # Skinnskatteberg's plan for 2018: under 'Ökat inflytande och medbestämmande.' the next line 'ÄO-index ökar
    # från 67 till 77 % under 2018' is what the goal aims at, not an outcome. It was read as met because the text
    # holds no negation; an outcome judges a goal only when it restates it as done or as the report's judgement.
    rows = find_goals(read_document(DEV / "skinnskatteberg_2018_mal.txt"))
    judged = [r for r in rows if r["status"] != "ej_bedomt"]
    assert not judged, [(r["goal"], r["status"], r["status_basis"]) for r in judged]
    assert any(r["goal"].startswith("Ökat inflytande") for r in rows)


def test_a_dash_list_run_into_one_line_keeps_its_goals(tmp_path):
    # Ekerö: '- Indikatorer - Åtgärder - Mål Lokala mål - Minst 90 procent av invånarna …' once line breaks are
    # lost: dashes before capitals or figures three times and more are list bullets (a dash in '2024-2031' or
    # 'A - b' is not), and the heading run into the menu item before it ('- Mål Lokala mål') heads the goals
    stem = "ekero_undated_lokala_avfallsmal"
    flat, stored = page_score(stem, one_line, tmp_path), page_score(stem, as_stored, tmp_path / "s")
    assert flat == stored and stored["found"] == stored["total"] == 13, (flat, stored)


def test_a_verdict_printed_on_its_own_before_its_goal_judges_it():
    # Malmö 2014: 'Det långsiktiga finansiella målet har uppnåtts.' stands alone under the heading, before the
    # paragraph stating the goal ('… har angivit ett finansiellt mål att …'): the report's own verdict, so the
    # status is stated (before, the goal's next sentence was taken as an outcome and read as met for lack of
    # a negation)
    rows = find_goals(read_document(DEV / "malmo_2014_finansiella_mal.txt"))
    assert len(rows) == 1
    assert (rows[0]["status"], rows[0]["status_source"], rows[0]["status_basis"]) == (
        "uppfyllt", "stated", "Målet har uppnåtts")


def test_a_body_naming_its_goal_without_a_goal_heading():
    # Kollektivtrafikmyndigheten Västernorrland: '… grundades 2012 och har som målsättning att erbjuda …' on a page
    # of two long lines (cover, slogan, contents): the one goal, with no follow-up; the slogan is no goal
    rows = find_goals(read_document(DEV / "kollektivtrafikmyndigheten_vnorrland_2012_arsredovisning.txt"))
    assert [(r["goal"][:40], r["status"]) for r in rows] == [("Kollektivtrafikmyndigheten i Västernorrl", "ej_bedomt")]


def test_a_change_from_a_baseline_sets_the_figure_it_goes_to_as_target():
    # Skinnskatteberg: 'Stöd utsatt-index ökar från 52 % till 62 % under 2018', 'Arbetslösheten ska minska från
    # 7,2 % till 6,2 %': the 'från' figure is where the measure starts, the 'till' figure the target
    rows = {r["goal"]: r for r in find_goals(read_document(DEV / "skinnskatteberg_2018_mal.txt"))}
    assert rows["Stöd utsatt-index ökar från 52 % till 62 % under 2018"]["target_value"] == 62


@pytest.mark.parametrize("stem", ["goteborg_2019_organisationsmal", "goteborg_2019_verksamhetsnara_mal"])
def test_a_year_column_list_run_into_one_line_keeps_its_rows(stem, tmp_path):
    # 'Indikator 2017 2018 2019' lists run into one line: the header and each row after its last cell; the goal
    # printed over each list is kept, though its section heading runs in after a photo credit ('Foto: Lo Birgersson
    # Organisationsmål …': the credit is cut off, `[prose] credit_labels`; before, 1 and 2 goals were lost)
    flat, stored = page_score(stem, one_line, tmp_path), page_score(stem, as_stored, tmp_path / "s")
    assert (flat["found"], flat["full"]) == (stored["found"], stored["full"]), (flat, stored)
    assert flat["rows"] == flat["found"], flat      # nothing invented from the header or the prose after the list


def test_a_dash_between_two_figures_is_an_empty_cell_not_a_list_item(tmp_path):
    # Göteborg's 'Nöjd Region-Index: Trygghet  54  -  52' run into one line: '- 52' once opened a list item, read
    # as a goal ('60 Nöjd Region-Index: Trygghet 54'); its rows' figures ('1 261 1 227 1 233') can be cut more
    # than one way, so nothing is read from the table, and nothing is invented
    t = page_score("goteborg_2019_overgripande_mal", one_line, tmp_path)
    assert t["rows"] == t["found"], t


@pytest.mark.parametrize(("stem", "target", "outcome"), [
    # 'Med ett resultat på 198 miljoner … når Region Kalmar län det ekonomiska målet om två procents överskott …':
    # the body's name between the verb and the goal; 'två' a figure before its unit; the outcome in the next sentence
    ("regionkalmar_2022_ekonomiska_malen", 2, 2.1),
    # '… landstinget klarade av att nå målet om två procents överskott …': a verb chain before the goal
    ("regionkalmar_2013_landstinget_barometern", 2, None),
    # '… är en ”bra bit” över kommunens överskottsmål på 1,5 procent': above a goal that is no ceiling is met;
    # the decimal comma does not end the goal's clause
    ("salem_2022_overskottsmalet_mitti", 1.5, None),
    # '… och klarar två procent-målet - den nivå som ekonomin ska ligga på …': a goal named by a compound of its
    # own after a reaching verb, its meaning after the dash; the result is in kronor, so no outcome in percent
    ("regionvastmanland_2018_tva_procent_malet", 2, None),
])
def test_a_financial_goal_reached_in_a_news_sentence(stem, target, outcome):
    rows = find_goals(read_document(DEV / f"{stem}.txt"))
    assert len(rows) == 1, rows
    r = rows[0]
    assert (r["target_value"], r["outcome_value"], r["status"], r["status_source"]) == (target, outcome, "uppfyllt", "stated")


def test_a_goal_tree_menu_heads_its_goals_and_a_labelled_cell_is_the_target(tmp_path):
    # Klippan's published goal tree (a planning system): '• Övergripande mål' / '• Fullmäktigemål' / '• Nämndsmål'
    # is a menu of goal levels, so the bullets after it are goals; under each nämnd goal 'Målvärde' over a bare
    # '60' is its target (unit not printed); no follow-up, so every goal is ej_bedomt, none dropped
    for stem in ("klippan_undated_namndsmal_malvarden", "klippan_2024_kultur_och_fritidsnamndens_mal"):
        t = page_score(stem, as_stored, tmp_path / stem)
        assert t["found"] == t["total"] == t["full"] == t["rows"], (stem, t)
    rows = {r["goal"]: r for r in find_goals(read_document(DEV / "klippan_undated_namndsmal_malvarden.txt"))}
    r = rows["Andelen högskoleutbildad personal i förskolan ökar."]
    assert (r["target_value"], r["target_unit"], r["status"]) == (60, None, "ej_bedomt")
    assert all(r["status"] == "ej_bedomt" for r in rows.values())


@pytest.mark.parametrize(("stem", "status"), [
    # '… har fyra finansiella mål. Ett, att … Målsättningen är två procent. Två, … Tre, … Fyra, …': numbered with
    # words, the sentence after the first item its own; 'inget av de fyra målen är uppfyllda' judges all four
    ("vetlanda_2018_finansiella_mal_delar", "ej_uppfyllt"),
    # 'Förbundet har flera mål för sin verksamhet. Att …, att … och se till så att …': one list sentence; no verdict
    ("finsamuppsala_undated_forbundets_mal_unt", "ej_bedomt"),
])
def test_goals_a_sentence_announces_are_the_items_listed_after_it(stem, status, tmp_path):
    t = page_score(stem, as_stored, tmp_path)
    assert t["found"] == t["total"] == t["full"] == t["rows"], t
    rows = find_goals(read_document(DEV / f"{stem}.txt"))
    assert {r["status"] for r in rows} == {status}
    assert all(r["section"].endswith("mål för sin verksamhet.") or r["section"].endswith("fyra finansiella mål.")
               for r in rows), rows


def test_an_announced_count_must_match_the_items_listed(tmp_path):
    # the same article with a goal left out: four announced, three listed in words -> no goal is taken
    text = (DEV / "vetlanda_2018_finansiella_mal_delar.txt").read_text(encoding="utf-8")
    cut = text.replace(" Fyra, låneskulden ska minska varje år.", "")
    assert cut != text
    path = tmp_path / "vetlanda_cut.txt"
    path.write_text(cut, encoding="utf-8")
    # only the goal a sentence states by itself as a bound ('årets resultat ska uppgå till minst en procent …',
    # prose/bounds.py) is read, not judged; none of the listed goals is taken as one of the four
    assert [(r["goal"], r["status"]) for r in find_goals(read_document(path))] == [
        ("årets resultat ska uppgå till minst en procent av skatteintäkter och utjämningsbidrag", "ej_bedomt")]


def test_a_footnote_under_a_table_is_no_goal(tmp_path):
    # Göteborg: a row 'Utförandegrad hemtjänst egen produktion (%)*' and under the table '* Utförandegrad beskriver
    # …': the asterisk line is the row's note, not a bulleted goal (it was read as one: 11 rows for 10 goals)
    t = page_score("goteborg_2019_verksamhetsnara_mal", as_stored, tmp_path)
    assert t["found"] == t["total"] == t["rows"] == 10, t
    goals = [r["goal"] for r in find_goals(read_document(DEV / "goteborg_2019_verksamhetsnara_mal.txt"))]
    assert not [g for g in goals if g.startswith("Utförandegrad beskriver")], goals


def test_a_goal_heading_run_into_a_sentence_opening_with_a_name_is_cut_off(tmp_path):
    # Klippan run into one line: 'Vision & mål I Klippans kommun skapar vi …' — the sentence after the heading
    # opens with a one-letter word and a name ('I Klippans kommun'), which once kept the heading glued to it, so
    # the page had no goal heading and none of its 13 goals was read
    t = page_score("klippan_undated_vision_och_mal", one_line, tmp_path)
    assert t["found"] == t["total"] == t["rows"] == 13, t


@pytest.mark.parametrize("degrade", [as_stored, one_line])
def test_a_plan_sentence_whose_goal_verb_is_a_relative_clauses_states_no_goal(degrade, tmp_path):
    # Vafab's four goals under 'Mål och delmål för att minimera avfallet', then 'Avfallsplanen innehåller en rad
    # aktiviteter som ska “knuffa” hushållen …': its 'ska' is the relative clause's, so no fifth row (5 rows for 4
    # goals before). Run into one line, the heading ('… för att minimera …', `[prose] heading_phrases`) is cut off
    # the sentence after it again, so the goals stay under it (0 of 4 found before)
    t = page_score("vafabmiljo_undated_malomrade_minimera", degrade, tmp_path)
    assert t["found"] == t["total"] == t["full"] == t["rows"] == 4, t


def test_a_goal_trees_target_cells_run_into_one_line_stay_targets(tmp_path):
    # Klippan's goal tree run into one line: '• Andelen högskoleutbildad personal i förskolan ökar. Målvärde 60 • Högre
    # andel …': each 'Målvärde' label and its bare figure stand on lines of their own again, as printed, so the
    # figure is the goal's target (before: 15 found, 7 fully right, 2 of 10 targets)
    t = page_score("klippan_undated_namndsmal_malvarden", one_line, tmp_path)
    assert t["found"] == t["total"] == t["full"] == t["rows"] == 15, t
    assert t["t_ok"] == t["t_n"] == 10, t


@pytest.mark.parametrize("stem", ["grastorp_undated_finansiella_mal", "ostraskaraborg_undated_verksamhetens_mal"])
def test_a_ska_sentence_leading_up_to_a_listed_goal_explains_it(stem, tmp_path):
    # Grästorp: 'Finansiella mål' / 'Dessutom ska kommunen ha en god ekonomisk hushållning …' / 'Beslutade mål' /
    # '1. …': the 'ska'-sentence before the page's first listed goal explains the goals, it is none (8 rows for 7
    # goals before). Östra Skaraborg: 'Det övergripande målet … är att …' before its listed goals names itself a
    # goal, and stays one
    t = page_score(stem, as_stored, tmp_path)
    assert t["found"] == t["total"] == t["full"] == t["rows"], t


def test_examples_and_questions_under_a_goal_heading_state_no_goal(tmp_path):
    # a guidance page of a state agency (mfd.se, 'Mål och uppföljning', a smoke page of the sixth round): under
    # 'Formulera mål' a list headed 'Exempel' shows what goals may look like, and a list of questions asks what
    # the kommun should do; neither states a goal (first look: 6 rows, all invented)
    page = tmp_path / "mfd_undated_mal_och_uppfoljning.txt"
    page.write_text(
        "Mål och uppföljning\n\nAtt sätta bra och tydliga mål kan vara avgörande för att lyckas. Att följa upp målen "
        "är också en viktig del i arbetet.\n\nFormulera mål\n\nBra mål är helt avgörande för att kunna styra arbetet "
        "och uppvisa resultat av strategin.\n\nExempel\n\nMål för möjligheten att utöva idrott kan vara olika "
        "beroende på om de ska leda till effekt, resultat eller en aktivitet.\n\n"
        " • Effekt – Personer med funktionsnedsättning i kommunen motionerar och idrottar i högre utsträckning.\n"
        " • Resultat – Tillgängligheten har ökat i kommunens lokaler för idrott.\n"
        " • Aktivitet – Kommunen har inventerat kommunens lokaler för idrott utifrån ett tillgänglighetsperspektiv.\n\n"
        "Utgå ifrån nulägesanalysen\n\nNulägesanalysens resultat är den bästa utgångspunkten för att analysera "
        "vilka mål och insatser som kommunen ska prioritera i sin strategi.\n\n"
        " • Vilka hinder behöver kommunen åtgärda?\n"
        " • Inom vilka områden och verksamheter behöver kommunen göra insatser?\n", encoding="utf-8")
    assert find_goals(read_document(page)) == []


def test_a_year_column_table_and_a_target_table_run_into_one_line(tmp_path):
    # Göteborg's 'Indikator 2017 2018 2019' table lost its wide gaps ('… invånare 1 261 1 227 1 233*', cut into
    # thousands-grouped figures one way only) and its footnote runs on after the last row ('76 *Sammanräkning …');
    # Grästorp's 'Mått Utfall Målvärde' (no years) with rows ending in an icon's alt text ('21 20 open'): read as
    # from the stored page (before: no goal from either, so the first was no document at all)
    for stem, n in (("goteborg_2019_overgripande_mal", 7), ("grastorp_2015_oka_arbetstillfallen", 5)):
        path = tmp_path / f"{stem}.txt"
        path.write_text(one_line((DEV / f"{stem}.txt").read_text(encoding="utf-8")), encoding="utf-8")
        got = [(r["section"], r["goal"], r["outcome_value"], r["target_value"]) for r in find_goals(read_document(path))]
        want = [(r["section"], r["goal"], r["outcome_value"], r["target_value"])
                for r in find_goals(read_document(DEV / f"{stem}.txt"))]
        assert len(want) == n and got == want, (stem, got)


def test_a_list_of_questions_or_one_that_ends_the_sentence_before_it_states_no_goal(tmp_path):
    # a guidance page on writing goals (arbetsmiljöhandbok, a smoke page of the sixth round): 'Ett specifikt mål bör
    # kunna besvara fem frågor:' introduces questions, not goals, and 'Ett mål är oftast realistiskt om det upplevs
    # som' runs on into its list ('• möjligt att uppfylla …', '• aktuell'); first look: 2 rows, both invented
    page = tmp_path / "arbetsmiljohandbok_malformulering.txt"
    page.write_text(
        "Målformulering\n\nFör att målstyrning ska vara effektivt behöver målen vara tydligt formulerade.\n\n"
        "S.M.A.R.T. mål\nEn vanlig metod som används vid målformulering utgår från förkortningen SMART.\n\n"
        "Specifikt\nEtt specifikt mål bör kunna besvara fem frågor:\n\n • Vad ska uppnås?\n • Vad är syftet?\n"
        " • Var ska målet uppnås?\n\nRealistiskt\nMed realistiska mål menas mål som är genomförbara och inte bryter mot "
        "andra mål, bestämmelser eller lagstiftning. Ett mål är oftast realistiskt om det upplevs som\n\n"
        " • möjligt att uppfylla i förhållande till investeringen av tid och resurser\n • aktuell\n", encoding="utf-8")
    assert find_goals(read_document(page)) == []


def test_a_list_of_rules_for_the_goals_states_no_goal(tmp_path):
    # a municipal page on its goal process (vaggeryd.se, 'Mål för mandatperioden 2019-2022', a smoke page of the sixth
    # round): 'Följande skall också gälla för målen:' lists what the coming goals should be like; first look: 6 rows,
    # all invented. Göteborg-style '… strävan mot huvudmålet som är att:' still lists goals (dalamitt, dev gold)
    page = tmp_path / "vaggeryd_2019_mal_for_mandatperioden.txt"
    page.write_text(
        "Mål för mandatperioden 2019-2022\n\nJust nu pågår ett arbete kring nya mål för mandatperioden 2019-2022\n\n"
        "Målprocessen - steg för steg\n\nInramning och utgångspunkt\n\nHela koncernen förväntas bidra i processen med "
        "nya övergripande mål och förtydligande strategiskt utvecklingsprogram.\n\nFöljande skall också gälla för målen:\n\n"
        " • De övergripande målen skall ha ett medborgarperspektiv.\n"
        " • De övergripande målen skall vara utvecklande, det skall synas en förflyttning.\n"
        " • Mål och medel skall höra samman och hänsyn måste tas till underhåll och förvaltning\n", encoding="utf-8")
    assert find_goals(read_document(page)) == []
    assert len(find_goals(read_document(DEV / "dalamitt_undated_om_oss.txt"))) == 3


def test_a_sentence_after_a_bullet_list_judging_all_its_goals_gives_each_its_status(tmp_path):
    # Tidaholm: 'Fullmäktige antog fem strategiska mål för år 2022:' / five '  • …' goals / 'Måluppföljningen visar
    # att … vart och ett av de fem strategiska målen uppnås delvis.': each of the five goals is partly met
    stem = "tidaholm_2022_arsredovisning_nyhet"
    rows = [r for r in find_goals(read_document(DEV / f"{stem}.txt")) if r["section"].startswith("Fullmäktige antog")]
    assert len(rows) == 5 and {r["status"] for r in rows} == {"delvis"}, rows
    # without that sentence the list is judged by nothing: ej_bedomt
    text = (DEV / f"{stem}.txt").read_text(encoding="utf-8")
    cut = text.replace("vart och ett av de fem strategiska målen uppnås delvis", "målen följs upp i årsredovisningen")
    assert cut != text
    path = tmp_path / f"{stem}.txt"
    path.write_text(cut, encoding="utf-8")
    rows = [r for r in find_goals(read_document(path)) if r["section"].startswith("Fullmäktige antog")]
    assert len(rows) == 5 and {r["status"] for r in rows} == {"ej_bedomt"}, rows


def test_a_financial_goal_named_by_what_it_sets_and_exceeded():
    # Tidaholm: '… motsvarar 7,2 % av skatter och generella bidrag, vilket överstiger resultatmålet som anger 2 %.'
    # and 'Soliditeten uppgår till 46 %, vilket överstiger det finansiella målet som anger 30 %.': the goal joined to
    # its level by 'som anger', exceeded (met), the verb no part of its name
    rows = find_goals(read_document(DEV / "tidaholm_2022_arsredovisning_nyhet.txt"))
    got = {(r["goal"], r["target_value"], r["outcome_value"], r["status"]) for r in rows if r["target_value"] is not None}
    assert got == {("resultatmålet som anger 2 %", 2, 7.2, "uppfyllt"),
                   ("finansiella målet som anger 30 %", 30, 46, "uppfyllt")}, got


def test_a_goal_for_the_year_below_which_the_result_stays():
    # Munkedal: '… är 1,3 procent vilket är under resultatmålet för året på 2,0 procent.': 'för året' between the goal
    # word and its level, 'är under' not met; a bare 'under' ('Under alla verksamhetsområdesmål finns …') judges nothing
    rows = find_goals(read_document(DEV / "munkedal_2022_arsredovisning_sammanfattning.txt"))
    assert [(r["goal"], r["target_value"], r["outcome_value"], r["status"]) for r in rows] == [
        ("resultatmålet för året på 2,0 procent", 2, 1.3, "ej_uppfyllt")], rows
    assert not [r for r in find_goals(read_document(DEV / "stockholm_2021_kommunfullmaktiges_mal.txt"))
                if fold(r["goal"]).startswith("alla ")]
