"""Make the screenshot of the HTML report in the docs (docs/_static/report-harbour-bridge.png).

Run from anywhere, with newslens, its plugins and selenium installed and Debian's
``chromium`` and ``chromium-driver`` on the machine (nothing is downloaded)::

    python docs/make_screenshot.py

It writes the report of ``examples/articles/harbour-bridge.txt`` (published
2024-02-15, lite backend, as ``make demo`` analyses it) with
``newslens analyze --format html``, opens it in headless Chromium at 1280×1000,
focuses the first date (so that its value shows) and saves the window.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "articles" / "harbour-bridge.txt"
OUT = ROOT / "docs" / "_static" / "report-harbour-bridge.png"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "newslens", "analyze", str(ARTICLE.relative_to(ROOT)),
             "--published", "2024-02-15", "--backend", "lite", "--format", "html",
             "-o", str(report)],
            check=True,
            cwd=ROOT,
        )
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                         "--window-size=1280,1000", "--hide-scrollbars"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            driver.get(report.as_uri())
            driver.execute_script(
                "(document.querySelector('.nl-line[tabindex]')"
                " || document.querySelector('.nl-mark[tabindex]')).focus()"
            )
            OUT.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(OUT))
        finally:
            driver.quit()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
