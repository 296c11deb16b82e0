"""`arsred review OUT` without a browser: the site's files, one element per figure, the index."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from arsred.cli import main
from arsred.errors import ExitCode
from tests.review_batch import expected_status, load, make_batch


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_batch(tmp_path_factory.mktemp("review"), scan=False)


def _elements(page: str) -> list[tuple[str, str]]:
    return re.findall(r'data-fact="([^"]+)" data-status="(verified|unverified|failed)"', page)


@pytest.mark.parametrize("doc_id", ["report_text", "report_pdf"])
def test_every_figure_is_one_element_with_its_status(site: Path, doc_id: str) -> None:
    result = load(site, doc_id)
    page = (site / "review" / f"{doc_id}.html").read_text(encoding="utf-8")
    found = _elements(page)
    assert sorted(k for k, _ in found) == sorted(f.key for f in result.facts)
    want = expected_status(result)
    assert all(want[k] == s for k, s in found)
    assert {s for _, s in found} == {"verified", "unverified", "failed"}
    # each failed check is listed with the figures it uses
    failed = [c for c in result.checks if c.status == "fail"]
    assert page.count('class="check"') == len(failed) == 4
    assert "http://" not in page and "https://" not in page       # nothing fetched at view time


def test_pdf_pages_are_images_with_the_boxes_over_them(site: Path) -> None:
    page = (site / "review" / "report_pdf.html").read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)"', page)
    assert images and all((site / "review" / src).is_file() for src in images)
    assert page.count('class="fig box') == len(load(site, "report_pdf").facts)


def test_text_figures_stand_in_their_printed_lines(site: Path) -> None:
    page = (site / "review" / "report_text.html").read_text(encoding="utf-8")
    # "Årets resultat" on the result row: the printed figure is marked inside the line
    assert re.search(r'Årets resultat\s+<span class="fig \w+" data-fact=', page)


def test_index_lists_every_document_with_status_share_and_links(site: Path) -> None:
    index = (site / "review" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-doc="([^"]+)" data-status="([^"]+)">', index)
    assert sorted(d for d, _ in rows) == ["report_pdf", "report_text"]
    assert all(s == "flagged" for _, s in rows)
    for href in re.findall(r'href="([^"#]+\.html)"', index):
        assert (site / "review" / href).is_file()
    for name in ("review.css", "review.js"):
        assert (site / "review" / name).stat().st_size > 500


def test_review_command_rebuilds_without_rendering_again(site: Path, capsys) -> None:
    assert main(["review", str(site)]) == ExitCode.OK
    assert "0 page images rendered" in capsys.readouterr().out


def test_review_of_a_folder_that_is_not_an_output_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["review", str(tmp_path)]) == ExitCode.USAGE



def test_every_figure_says_its_scope_and_text_figures_their_source() -> None:
    """Two 'Årets resultat 2018' of a kommun page differ in scope: the tooltip says whose figure it is,
    and a figure read from running text says so (and carries data-source for its dashed style)."""
    from arsred.normalize.facts import Fact

    from arsred.review.builder import SCOPE_WORDS, SOURCE_TEXT, _figure_attrs

    base = dict(doc_id="d", organisation="", fiscal_year=2018, statement="resultatrakning", item="rr.arets_resultat",
                label="Årets resultat", label_raw="Årets resultat", period=2018, column="utfall",
                value_sek=4_611_000.0, printed="4 611", unit="tkr", page=1, line=3)
    group = Fact(**base, scope="group")
    text = Fact(**base, source="text")
    _, attrs = _figure_attrs(group, set(), {})
    assert SCOPE_WORDS["group"] in attrs.replace("&#x27;", "'") and 'data-scope="group"' in attrs
    _, attrs = _figure_attrs(text, set(), {})
    assert SOURCE_TEXT in attrs and 'data-source="text"' in attrs and SCOPE_WORDS["entity"].split(":")[0] in attrs


def test_review_of_a_batch_with_unreadable_files_warns_nothing_new(tmp_path: Path, capsys) -> None:
    """An archivist's batch holds an empty text and a truncated PDF: `extract` made them error rows with
    their reason; `review` lists them in the index but re-reads no input of a document without figures,
    so it does not warn again, per file, at every run ("cannot re-read the input")."""
    import arsred
    from arsred.options import Options

    src = tmp_path / "in"
    src.mkdir()
    page = Path(__file__).parent / "real" / "pages" / "goteborg_2019_resultatrakning.txt"
    (src / "goteborg_2019_resultatrakning.txt").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
    out = tmp_path / "out"
    arsred.extract_reports([src], out, Options(jobs=1))
    capsys.readouterr()
    assert main(["review", str(out)]) == ExitCode.OK
    err = capsys.readouterr().err
    assert "WARNING" not in err and "cannot re-read" not in err, err
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r'<tr data-doc="([^"]+)" data-status="([^"]+)">', index))
    assert rows == {"empty": "error", "truncated": "error", "goteborg_2019_resultatrakning": "ok"}
    assert _elements((out / "review" / "goteborg_2019_resultatrakning.html").read_text(encoding="utf-8"))
