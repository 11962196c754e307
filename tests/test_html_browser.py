"""The HTML report in a real browser: headless Chromium from Debian, driven by selenium.

Nothing is downloaded: the browser is ``/usr/bin/chromium`` and the driver
``/usr/bin/chromedriver`` (Debian's ``chromium`` and ``chromium-driver``). Without
them (or without selenium) these tests are skipped with the reason, unless the
environment variable ``CI`` is set: then they fail, so that CI never skips them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
HARBOUR = ROOT / "examples" / "articles" / "harbour-bridge.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CONTRADICTION = (
    "Bridge closed after crash\n\nThe bridge is closed. Two people died in the crash on "
    "Tuesday, police said. The bridge is not closed, the mayor said.\n"
)
HOSTILE = (
    "<script>window.__xss = 1</script>\n\n"
    '"><img src=x onerror="window.__xss=2"> and <a href="javascript:window.__xss=3">click</a> '
    "javascript:window.__xss=4 \u202egnp.exe\u202c said the mayor on Tuesday.\n"
)


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def report(tmp_path: Path, text: str | None = None, source: Path = HARBOUR) -> str:
    if text is not None:
        source = tmp_path / "article.txt"
        source.write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "newslens", "analyze", str(source), "--backend", "lite",
         "--published", "2024-02-15", "--format", "html", "-o", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    return out.as_uri()


def test_selecting_one_side_of_a_contradiction_highlights_the_other(
    browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    browser.set_window_size(1280, 900)
    browser.get(report(tmp_path, CONTRADICTION))
    sides = browser.find_elements(By.CSS_SELECTOR, ".nl-box[tabindex]")
    assert len(sides) == 2
    assert "nl-active" not in (sides[1].get_attribute("class") or "")
    sides[0].click()
    assert "nl-active" in (sides[1].get_attribute("class") or "")
    detail = browser.find_element(By.CSS_SELECTOR, ".nl-detail").text
    assert "negates" in detail and "1 other passage" in detail


def test_a_date_shows_its_value_on_keyboard_focus(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(1280, 900)
    browser.get(report(tmp_path))
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)  # the first mark: the headline's quote
    focused = browser.switch_to.active_element
    assert "nl-mark" in (focused.get_attribute("class") or "")
    date = browser.find_element(By.CSS_SELECTOR, ".nl-line[tabindex]")
    assert date.text == "Friday"
    browser.execute_script("arguments[0].focus()", date)
    shown = browser.execute_script(
        "return getComputedStyle(arguments[0], '::after').content", date)
    assert "DATE 2024-02-16" in shown  # the coming Friday: "to reopen on Friday" (issue 13)
    assert "DATE 2024-02-16" in browser.find_element(By.CSS_SELECTOR, ".nl-detail").text


def test_the_text_does_not_overflow_at_phone_width(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    try:
        browser.get(report(tmp_path))
        width = browser.execute_script("return document.documentElement.clientWidth")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        text = browser.find_element(By.CSS_SELECTOR, ".nl-text")
        assert text.rect["x"] >= 0 and text.rect["x"] + text.rect["width"] <= width
        assert browser.execute_script(
            "return arguments[0].scrollWidth <= arguments[0].clientWidth", text)
        shot = tmp_path / "phone.png"
        assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 1000
    finally:
        browser.set_window_size(1280, 900)


def test_the_text_reflows_at_200_percent_zoom(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.set_window_size(1280, 900)
    browser.get(report(tmp_path))
    browser.execute_script("document.documentElement.style.zoom = '200%'")
    time.sleep(0.1)
    text = browser.find_element(By.CSS_SELECTOR, ".nl-text")
    # the text wraps to the zoomed width: no line runs off to the side
    assert browser.execute_script(
        "return arguments[0].scrollWidth <= arguments[0].clientWidth", text)
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= "
        "document.documentElement.clientWidth * 1.01")


def test_hostile_article_text_runs_no_script_in_the_browser(
    browser: Any, tmp_path: Path
) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    browser.get(report(tmp_path, HOSTILE))
    time.sleep(0.2)
    assert browser.execute_script("return window.__xss === undefined")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.find_elements(By.CSS_SELECTOR, ".newslens-report img, .nl-text a") == []
    for mark in browser.find_elements(By.CSS_SELECTOR, ".nl-mark[tabindex]"):
        mark.click()
    assert browser.execute_script("return window.__xss === undefined")
    text = browser.find_element(By.CSS_SELECTOR, ".nl-text").text
    assert "<script>window.__xss = 1</script>" in text
    assert 'onerror="window.__xss=2"' in text and "[U+202E]" in text
    assert browser.execute_script("return document.scripts.length") == 1


def test_index_of_several_articles_sorts_and_links(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    batch = ROOT / "examples" / "articles" / "batch.jsonl"
    browser.get(report(tmp_path, source=batch))
    rows = browser.find_elements(By.CSS_SELECTOR, ".nl-sortable tbody tr")
    assert len(rows) >= 3
    sentences = browser.find_elements(By.CSS_SELECTOR, ".nl-sortable th button")[3]
    sentences.click()
    counts = [int(r.find_elements(By.TAG_NAME, "td")[3].text)
              for r in browser.find_elements(By.CSS_SELECTOR, ".nl-sortable tbody tr")]
    assert counts == sorted(counts)
    sentences.click()
    counts = [int(r.find_elements(By.TAG_NAME, "td")[3].text)
              for r in browser.find_elements(By.CSS_SELECTOR, ".nl-sortable tbody tr")]
    assert counts == sorted(counts, reverse=True)
    link = browser.find_element(By.CSS_SELECTOR, ".nl-sortable tbody a")
    target = link.get_attribute("href").split("#")[1]
    assert browser.find_element(By.ID, target).tag_name == "div"


def test_screenshot_of_the_report(browser: Any, tmp_path: Path) -> None:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    url, shot = report(tmp_path), tmp_path / "report.png"
    for attempt in (1, 2):  # chromedriver can abort a capture taken during a navigation
        browser.get(url)
        WebDriverWait(browser, 10).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        try:
            assert browser.save_screenshot(str(shot))
            break
        except TimeoutException:
            if attempt == 2:
                raise
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
