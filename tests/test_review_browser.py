"""The review site as a person uses it, in real headless Chromium (Debian's chromium and
chromium-driver, installed by `make setup`; the driver is given by path, nothing is downloaded).

On a batch of a text report, the same report as a text-layer PDF and a scan of its cash-flow
page: every figure is an element coloured by its status, selecting a failed check highlights
its figures, and a screenshot is not blank.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.review_batch import expected_status, load, make_batch

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
# the colours review.css gives each status (computed style, as Chromium reports it)
BORDER = {"verified": "rgb(26, 127, 55)", "unverified": "rgb(154, 103, 0)", "failed": "rgb(207, 34, 46)"}
HIGHLIGHT = "rgb(9, 105, 218)"


def _require(paths: list[str], what: str) -> None:
    missing = [p for p in paths if not (Path(p).exists() or shutil.which(p))]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the {what} tests, but {', '.join(missing)} is not installed")
        pytest.skip(f"{', '.join(missing)} not installed (make setup installs it); {what} tests skipped")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _require([CHROMIUM, CHROMEDRIVER], "browser")
    _require(["tesseract"], "browser (scanned page)")
    return make_batch(tmp_path_factory.mktemp("browser"), scan=True)


@pytest.fixture(scope="module")
def browser():
    _require([CHROMIUM, CHROMEDRIVER], "browser")
    os.environ.setdefault("SE_OFFLINE", "true")      # never let selenium-manager fetch a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _open(browser, site: Path, name: str) -> None:
    browser.get((site / "review" / name).resolve().as_uri())


def _css(browser, element, prop: str) -> str:
    return browser.execute_script(f"return getComputedStyle(arguments[0])['{prop}'];", element)


def test_the_batch_is_text_pdf_and_scan(site: Path) -> None:
    kinds = {d: load(site, d).record.input_kind for d in ("report_text", "report_pdf", "report_scan")}
    assert kinds == {"report_text": "text", "report_pdf": "pdf-text", "report_scan": "pdf-ocr"}


@pytest.mark.parametrize("doc_id", ["report_text", "report_pdf", "report_scan"])
def test_every_figure_is_present_and_coloured_by_its_status(site: Path, browser, doc_id: str) -> None:
    from selenium.webdriver.common.by import By

    result = load(site, doc_id)
    assert result.facts
    _open(browser, site, f"{doc_id}.html")
    want = expected_status(result)
    elements = browser.find_elements(By.CSS_SELECTOR, "[data-fact]")
    seen = {}
    for el in elements:
        key, status = el.get_attribute("data-fact"), el.get_attribute("data-status")
        assert status == want[key], key
        assert _css(browser, el, "borderTopColor") == BORDER[status], (key, status)
        assert el.is_displayed() or doc_id != "report_pdf"
        seen[key] = seen.get(key, 0) + 1
    assert seen == {k: 1 for k in want}, "every figure exactly once"
    if doc_id == "report_pdf":
        # the boxes stand on the rendered page: inside the image, with a real size
        img = browser.find_element(By.CSS_SELECTOR, ".sheet img")
        assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img) > 500
        box = browser.find_element(By.CSS_SELECTOR, ".fig.box")
        assert box.size["width"] > 5 and box.size["height"] > 5


def test_selecting_a_failed_check_highlights_its_figures(site: Path, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, site, "report_pdf.html")
    buttons = browser.find_elements(By.CSS_SELECTOR, "button.check")
    assert len(buttons) == 4
    button = buttons[0]
    keys = button.get_attribute("data-facts").split()
    assert len(keys) >= 2
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    lit = browser.find_elements(By.CSS_SELECTOR, ".fig.hl")
    assert sorted(el.get_attribute("data-fact") for el in lit) == sorted(keys)
    assert all(_css(browser, el, "borderTopColor") == HIGHLIGHT for el in lit)
    others = [el for el in browser.find_elements(By.CSS_SELECTOR, "[data-fact]")
              if el.get_attribute("data-fact") not in keys][:20]
    assert all(_css(browser, el, "borderTopColor") != HIGHLIGHT for el in others)
    # another check moves the highlight; selecting it again clears it
    buttons[2].click()
    assert sorted(el.get_attribute("data-fact") for el in browser.find_elements(By.CSS_SELECTOR, ".fig.hl")) == \
        sorted(buttons[2].get_attribute("data-facts").split())
    buttons[2].click()
    assert not browser.find_elements(By.CSS_SELECTOR, ".fig.hl")
    # a screenshot of the highlighted page is a real picture, not a blank
    button.click()
    shot = tmp_path / "review.png"
    assert browser.save_screenshot(str(shot))
    assert _variance(shot) > 200


def test_the_index_links_every_document(site: Path, browser) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, site, "index.html")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr[data-doc]")
    assert sorted(r.get_attribute("data-doc") for r in rows) == ["report_pdf", "report_scan", "report_text"]
    link = browser.find_element(By.CSS_SELECTOR, 'tr[data-doc="report_text"] a[href$=".html"]')
    link.click()
    assert browser.find_elements(By.CSS_SELECTOR, "[data-fact]")
    assert "report_text" in browser.current_url


def _variance(png: Path) -> float:
    """Pixel variance of the grey image: a blank (one colour) page is 0."""
    from PIL import Image, ImageStat

    with Image.open(png) as img:
        return ImageStat.Stat(img.convert("L")).var[0]
