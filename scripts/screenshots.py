"""Screenshots of the demo for the README (`make screenshots`, issue 10).

Run against the demo of `make run` (or any portal with the demo content):

    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000]

Writes docs/screenshots/<page>-<width>.png: home, topic, service, the feedback
form, its receipt and a hearing, at 1280 and 320 px, the first screen of each
(what a person sees before scrolling). Sends one feedback input to reach a
receipt, as a resident would, so run it on a demo, not on production. Fails if
a page is wider than its viewport (WCAG 1.4.10) or asks another origin for
anything.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PAGES = {
    "home": "/",
    "topic": "/barnehage/",
    "service": "/barnehage/soke-barnehageplass/",
    "form": "/si-din-mening/tilbakemelding/",
    "hearing": "/horinger/trafikksikkerhetsplan/",
}
WIDTHS = {1280: 900, 320: 700}


def _receipt(page, base: str) -> None:
    """Fill in the feedback form as a resident and land on the receipt."""
    page.goto(base + PAGES["form"])
    page.select_option("select[name=topic]", index=1)
    page.fill("#id_subject", "Hull i gang- og sykkelveien ved Holmen")
    page.fill(
        "#id_text",
        "Det er et stort hull i asfalten like ved busstoppet. Syklister må svinge ut.",
    )
    time.sleep(3.5)  # the form's fill-time check (PORTAL["FORM_MIN_FILL_SECONDS"])
    page.locator("form.feedback-form button[type=submit]").first.click()
    page.wait_for_load_state("load")


def _shoot(browser, base: str, out: Path, width: int, height: int) -> list[str]:
    """Every page at one width; what went wrong, as lines."""
    problems: list[str] = []
    origin = urlsplit(base).netloc
    page = browser.new_page(viewport={"width": width, "height": height})
    foreign: list[str] = []

    def note(request) -> None:
        if urlsplit(request.url).netloc not in (origin, ""):
            foreign.append(request.url)

    page.on("request", note)
    names = [*PAGES][:4] + ["receipt"] + [*PAGES][4:]
    for name in names:
        if name == "receipt":
            _receipt(page, base)
            response = None
        else:
            response = page.goto(base + PAGES[name])
        if response is not None and response.status != 200:
            problems.append(f"{name}: HTTP {response.status}")
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            problems.append(f"{name} at {width} px is {wide} px wide")
        path = out / f"{name}-{width}.png"
        page.screenshot(path=str(path))
        sys.stdout.write(f"{path}\n")
    page.close()
    return problems + [f"asked another origin: {url}" for url in foreign]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--browser", default="/usr/bin/chromium")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    args.out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.browser)
        for width, height in WIDTHS.items():
            problems += _shoot(browser, base, args.out, width, height)
        browser.close()
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
