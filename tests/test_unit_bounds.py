"""A report that declares no unit anywhere: a line whose size the body bounds decides the unit
(normalize/data/unit_bounds.toml), and HTML tags a copied web page kept are markup, not print."""
from __future__ import annotations

from pathlib import Path

from arsred.extract.reading.read_text import strip_markup

from arsred.pipeline import process_document

PAGES = Path(__file__).resolve().parent / "real/pages"


def test_html_tags_are_markup_not_print():
    assert strip_markup("Resultaträkning <strong>kommun</strong>en<br />") == "Resultaträkning kommunen"
    assert strip_markup("Verksamhetens intäkter 253 043 189 428<br />") == "Verksamhetens intäkter 253 043 189 428"
    assert strip_markup("Andel < 5 % och > 2 %") == "Andel < 5 % och > 2 %"


def test_a_kommuns_tax_income_tells_tkr_where_no_unit_is_printed():
    # Nybro 2003 (yumpu text with its HTML tags): no unit anywhere, the largest figure 853 180 reads
    # as well in kronor as in tkr; "Skatteintäkter 1 541 311 524 145" (not 1) is a kommun's tax
    # income only in tkr (541 mnkr; 0,5 mnkr in kronor, 541 billion in mnkr). Read in tkr, with the
    # reason, and unverified: no sum can test a unit.
    result = process_document(str(PAGES / "nybro_2003_rr_br.txt"))
    tax = {f.period: f for f in result.facts if f.label == "Skatteintäkter"}
    assert {p: f.value_sek for p, f in tax.items()} == {2003: 541_311_000, 2002: 524_145_000}
    assert {f.unit for f in result.facts if f.statement == "resultatrakning"} == {"tkr"}
    assert not any(f.verified for f in result.facts)
    assert "Skatteintäkter 541 311" in result.record.warnings
    assert not [c for c in result.checks if c.status == "fail"]
