"""A text-layer PDF rendered from a report gives the same facts as the report's text."""
from __future__ import annotations

import pytest

from arsred.pipeline import process_document
from tests.helpers import CORPUS, ROOT
from tools.render_report import render_report

REPORTS = [CORPUS / f"{stem}.txt" for stem in ("001_417f4babd9b8cbcc", "002_beb5154270de7dff",
                                                 "004_3cec9309cdf15549")]
REPORTS += [ROOT / "tests" / "genre" / "g02_norra_vastmanland_2019.txt",
            ROOT / "tests" / "genre2" / "h02_gotland_2022.txt"]


def facts_of(path) -> set[tuple]:
    result = process_document(str(path))
    assert result.record.status != "error", result.record.error
    return {(f.statement, f.note, f.item, f.period, f.column, f.value_sek) for f in result.facts}


@pytest.mark.parametrize("text", REPORTS, ids=[p.stem for p in REPORTS])
def test_rendered_pdf_gives_the_same_facts_as_the_text(text, tmp_path):
    pdf = render_report(text, tmp_path)
    from_text, from_pdf = facts_of(text), facts_of(pdf)
    assert from_pdf == from_text, (sorted(from_text - from_pdf)[:5], sorted(from_pdf - from_text)[:5])


BOXED = [ROOT / "tests" / "real" / "pages" / f"{stem}.txt"
         for stem in ("varmdo_2018_rr", "lulea_2018_rr", "goteborg_2019_resultatrakning")]


@pytest.mark.parametrize("text", BOXED, ids=[p.stem for p in BOXED])
def test_every_pdf_figure_has_a_box_that_prints_it(text, tmp_path):
    """A figure read by the stream reader (no cell of its own) still gets the box of its printed words."""
    import pdfplumber

    pdf = render_report(text, tmp_path)
    facts = process_document(str(pdf)).facts
    assert facts
    with pdfplumber.open(pdf) as doc:
        for f in facts:
            assert None not in (f.x0, f.top, f.x1, f.bottom), f
            page = doc.pages[f.page - 1]
            inside = page.within_bbox((f.x0 - 0.5, f.top - 0.5, f.x1 + 0.5, f.bottom + 0.5)).extract_text()
            assert "".join(inside.split()) == "".join(f.printed.split()), (f.label, f.printed, inside)


def test_the_text_and_its_pdf_verify_the_same_figures(tmp_path):
    """001 as text verified SamCoach's money block only in the PDF: a text has no page breaks, so
    "beviljades … med 998 tkr" in the running text far above it was taken for the block's unit
    declaration (the block prints "775 000 kr"). An amount stated in a unit declares no table's unit."""
    text = CORPUS / "001_417f4babd9b8cbcc.txt"
    pdf = render_report(text, tmp_path)

    def verified(path) -> set[tuple]:
        return {(f.statement, f.item, f.label, f.period, f.column, f.value_sek)
                for f in process_document(str(path)).facts if f.verified}

    from_text, from_pdf = verified(text), verified(pdf)
    assert from_text == from_pdf, (sorted(from_text - from_pdf)[:5], sorted(from_pdf - from_text)[:5])
    assert ("budget", "bu.forbrukade_medel", "SamCoach: Förbrukade medel", 2024, "utfall", 775000.0) in from_text
