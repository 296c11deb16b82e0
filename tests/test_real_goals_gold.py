"""The real goal set's gold agrees with its page texts (tests/real_goals/check_gold.py), and the
check catches a broken copy: a paraphrased goal, a status outside the four, a value the page
does not print, a txt without gold."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
DEV = TESTS / "real_goals"
UNSEEN = TESTS / "real_goals_unseen"


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_gold", DEV / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_gold = _load_checker()


@pytest.mark.parametrize("directory", [DEV, UNSEEN], ids=["dev", "unseen"])
def test_gold_matches_page_text(directory):
    assert list((directory / "gold").glob("*.json")), f"no gold in {directory}"
    assert check_gold.check_dir(directory) == []


def test_dev_and_unseen_do_not_share_a_page():
    dev = {p.stem for p in (DEV / "gold").glob("*.json")}
    unseen = {p.stem for p in (UNSEEN / "gold").glob("*.json")}
    assert dev and unseen and not dev & unseen


def test_sources_lists_every_section():
    sources = (DEV / "SOURCES.md").read_text(encoding="utf-8")
    for directory, split in ((DEV, "dev"), (UNSEEN, "unseen")):
        for gold in (directory / "gold").glob("*.json"):
            rows = [line for line in sources.splitlines() if f"`{gold.stem}`" in line]
            assert len(rows) == 1 and f"| {split} |" in rows[0], gold.stem


def _broken_copy(tmp_path: Path, edit) -> Path:
    """A copy of the first dev section with one goal edited by `edit(goal)`."""
    gold_path = sorted((DEV / "gold").glob("*.json"))[0]
    target = tmp_path / "real_goals"
    (target / "gold").mkdir(parents=True)
    shutil.copy(DEV / f"{gold_path.stem}.txt", target)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    edit(gold["goals"][0])
    (target / "gold" / gold_path.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return target


@pytest.mark.parametrize("edit, expected", [
    (lambda g: g.update(goal=g["goal"] + " och mer därtill"), "goal text not in the page"),
    (lambda g: g.update(status="uppnått"), "status 'uppnått' not in"),
    (lambda g: g.update(target_value=987654.5, target_unit="kr"), "is not printed on the page"),
    (lambda g: g.update(target_value=5, target_unit=None), "must both be set or null"),
    (lambda g: g.update(status="ej_bedomt", status_source="derived"), "ej_bedomt cannot be derived"),
    (lambda g: g.update(section="Ett avsnitt som inte finns"), "section not in the page"),
    (lambda g: g.pop("outcome"), "missing keys ['outcome']"),
])
def test_check_fails_on_a_broken_copy(tmp_path, edit, expected):
    target = _broken_copy(tmp_path, edit)
    problems = check_gold.check_dir(target)
    assert any(expected in p for p in problems), problems


def test_check_fails_on_txt_without_gold(tmp_path):
    target = _broken_copy(tmp_path, lambda g: None)
    assert check_gold.check_dir(target) == []
    (target / "extra_2024_page.txt").write_text("Mål\n", encoding="utf-8")
    assert check_gold.check_dir(target) == ["real_goals/extra_2024_page.txt has no gold"]


def test_page_numbers_read_swedish_amounts():
    numbers = check_gold.page_numbers("16,4 mnkr och 10 550 invånare, – 4,9procent, 13.2 miljoner")
    assert {16.4, 10550.0, 4.9, 13.2} <= numbers
    assert check_gold.printed(16_400_000, "kr", numbers)
    assert not check_gold.printed(16_400_000, "%", numbers)
