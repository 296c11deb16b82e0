"""The Swedish amount grammar: round trips and the column-count rule for merged tokens."""
from __future__ import annotations

from decimal import Decimal

import pytest
from arsred.extract.amounts import parse_amount, segment
from hypothesis import given
from hypothesis import strategies as st


def swedish(value: Decimal, decimals: int, minus: str = "-", detached: bool = False, parens: bool = False,
            sep: str = " ") -> str:
    """Print a value the way Swedish reports do: thousands spaces, decimal comma."""
    q = abs(value).quantize(Decimal(1).scaleb(-decimals)) if decimals else abs(value).quantize(Decimal(1))
    whole, _, frac = f"{q:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    body = sep.join(groups) + (f",{frac}" if decimals else "")
    if value < 0:
        if parens:
            return f"({body})"
        return f"{minus} {body}" if detached else f"{minus}{body}"
    return body


amounts = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2,
                      allow_nan=False, allow_infinity=False)


@given(amounts, st.sampled_from([0, 2]), st.sampled_from(["-", "−", "–"]), st.booleans(), st.booleans(),
       st.sampled_from([" ", "\u00a0"]))
def test_round_trip(value, decimals, minus, detached, parens, sep):
    printed = swedish(value, decimals, minus, detached, parens, sep)
    parsed = parse_amount(printed)
    assert parsed is not None, printed
    expected = value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.quantize(Decimal(1))
    if expected == 0:
        assert parsed.value == 0
    else:
        assert parsed.value == expected, printed
    assert parsed.decimals == decimals


@given(st.lists(st.integers(min_value=-9_999_999, max_value=9_999_999), min_size=1, max_size=8))
def test_segment_recovers_columns_when_count_is_known(values):
    """Space-merged columns come apart again given the header's column count —
    whenever the reading is unique; when several readings fit, the chosen one has that count."""
    tokens = " ".join(swedish(Decimal(v), 0) for v in values).split()
    result = segment(tokens, len(values))
    assert result is not None
    note, got = result
    assert note is None
    assert len(got) == len(values)


@pytest.mark.parametrize("text,value", [
    ("2 832", 2832), ("1 236,30", Decimal("1236.30")), ("- 17 329", -17329), ("(75)", -75), ("(-75)", -75),
    ("0,00", 0), ("20 114*", 20114), ("2 534%**", 2534), ("−2 650", -2650), ("3 754 000", 3754000),
])
def test_printed_forms(text, value):
    assert parse_amount(text).value == Decimal(value)


@pytest.mark.parametrize("text", ["-", "–", "35%", "2024-12-31", "0123", "abc", "(12", ""])
def test_not_amounts(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize("tokens,n,note,expected", [
    ("0 -1900 -1900 -2 095 195 2832 -2 497 -2 497", 8, False,
     ["0", "-1900", "-1900", "-2 095", "195", "2832", "-2 497", "-2 497"]),
    ("236 500 -117 094 22091 -125937 336 545", 5, False, ["236 500", "-117 094", "22091", "-125937", "336 545"]),
    ("820 526 584 026 701119 679 029 800473", 5, False, ["820 526", "584 026", "701119", "679 029", "800473"]),
    ("2832 -2 651 237 0 237 0 -2 983 -117", 8, False, ["2832", "-2 651", "237", "0", "237", "0", "-2 983", "-117"]),
    ("4 17,73 12,53", 2, True, ["17,73", "12,53"]),
    ("2832000 | 2838000", 2, False, ["2832000", "2838000"]),
    ("- 17 329 5", 2, False, ["- 17 329", "5"]),
])
def test_segment_examples(tokens, n, note, expected):
    got_note, got = segment(tokens.split(), n, allow_note=note)
    assert [a.printed for a in got] == expected
    assert (got_note is not None) == note


def test_segment_refuses_what_does_not_fit():
    assert segment("-2 649 -2983 378 -2 568 -2987 -2493".split(), 5) is None


def test_note_reference_is_split_off():
    note, got = segment("2 2832 2832".split(), 2, allow_note=True)
    assert note == 2 and [a.value for a in got] == [2832, 2832]


@given(st.integers(min_value=1, max_value=3), st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=6),
       st.data())
def test_segment_exact_when_columns_have_one_magnitude(groups, heads, data):
    """A column of figures of one size (the usual statement) is read back exactly."""
    values = []
    for h in heads:
        rest = data.draw(st.integers(min_value=0, max_value=10 ** (3 * groups) - 1))
        sign = data.draw(st.sampled_from([1, -1]))
        values.append(sign * (h * 10 ** (3 * groups) + rest))
    tokens = " ".join(swedish(Decimal(v), 0) for v in values).split()
    _, got = segment(tokens, len(values))
    assert [int(a.value) for a in got] == values
