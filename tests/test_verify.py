"""The proof each figure carries (normalize/verify.py): verified, checked_by, and the document status."""
from __future__ import annotations

from dataclasses import replace

from arsred.normalize.reconcile import reconcile
from arsred.normalize.verify import OK_VERIFIED_SHARE, document_status, verify
from tests.reconcile_fixtures import Y2, rr001, table


def _by_label(facts, label, period=2024):
    return next(f for f in facts if f.label == label and f.period == period)


def test_a_figure_a_passing_sum_covers_is_verified_and_names_the_check():
    facts = rr001()
    checks, facts = reconcile(facts)
    out = verify(facts, checks)
    f = _by_label(out, "Verksamhetens resultat")
    assert f.verified
    assert "rr.verksamhetens_resultat" in f.checked_by.split(";")
    assert all(";" not in i and i for i in f.checked_by.split(";"))


def test_a_figure_in_a_failed_check_is_not_verified_even_when_another_check_passes():
    facts = rr001()
    facts = [replace(f, value_sek=-2_600_000.0, printed="-2 600") if f.label == "Verksamhetens kostnader"
             and f.period == 2024 else f for f in facts]
    checks, facts = reconcile(facts)
    out = verify(facts, checks)
    cost = _by_label(out, "Verksamhetens kostnader")
    assert any(c.status == "fail" and cost.key in c.facts for c in checks)
    assert not cost.verified and cost.checked_by == ""
    # the figures of the other year, untouched, stay proven
    assert _by_label(out, "Verksamhetens kostnader", 2023).verified


def test_a_check_that_decided_a_reading_proves_none_of_its_figures():
    facts = rr001()
    checks, facts = reconcile(facts)
    decided = [replace(f, readings=2, decided_by="sum_rows;rr.verksamhetens_resultat")
               if f.label == "Verksamhetens intäkter" and f.period == 2024 else f for f in facts]
    out = verify(decided, checks)
    intakt = _by_label(out, "Verksamhetens intäkter")
    # only the checks that chose its reading cover it: not verified
    assert not intakt.verified
    # a figure that only the deciding check covers is not proven by it either
    for f in out:
        assert "rr.verksamhetens_resultat" not in f.checked_by.split(";") or f.period != 2024
    # the same figures without decided_by are proven
    assert _by_label(verify(facts, checks), "Verksamhetens intäkter").verified


def test_a_reading_decided_by_one_check_is_verified_by_another():
    facts = rr001()
    checks, facts = reconcile(facts)
    decided = [replace(f, readings=2, decided_by="sum_rows") if f.label == "Verksamhetens resultat"
               and f.period == 2024 else f for f in facts]
    f = _by_label(verify(decided, checks), "Verksamhetens resultat")
    assert f.verified and "sum_rows" not in f.checked_by.split(";")


def test_a_check_over_one_printed_figure_proves_nothing():
    facts = table("resultatrakning", 1, Y2, [
        ("Verksamhetens intäkter", "rr.verksamhetens_intakter", "2832", "2832"),
    ])
    from arsred.normalize.facts import CheckResult
    key = facts[0].key
    checks = [CheckResult(doc_id="doc", check="x", statement="resultatrakning", period=2024, column="utfall",
                          status="pass", facts=(key, key))]
    assert not any(f.verified for f in verify(facts, checks))


def test_prose_and_information_rows_prove_nothing():
    facts = rr001()
    from arsred.normalize.facts import CheckResult
    keys = tuple(f.key for f in facts[:2])
    for severity in ("warning", "info"):
        checks = [CheckResult(doc_id="doc", check="prose", statement="resultatrakning", period=2024,
                              column="utfall", status="pass", severity=severity, facts=keys)]
        assert not any(f.verified for f in verify(facts, checks))


def test_document_status_ok_flagged_unverified():
    facts = rr001()
    checks, facts = reconcile(facts)
    proven = verify(facts, checks)
    p = document_status(proven, checks)
    assert p.status == "ok" and p.n_verified == sum(f.verified for f in proven)
    assert p.verified_share >= OK_VERIFIED_SHARE
    # the same figures with no check that proves them: unverified, with the reason
    p = document_status(verify(facts, []), [])
    assert p.status == "unverified" and p.n_verified == 0 and "50%" in p.reason
    # a failed error-level check flags the document whatever is proven
    bad = [replace(c, status="fail") if c.check == "rr.arets_resultat" else c for c in checks]
    assert document_status(verify(facts, bad), bad).status == "flagged"
