"""Open every report of the sample build in headless Chromium, as a reader would."""

import shutil
from pathlib import Path

import pytest

import htmss_analysis as h

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                       "(.ci/run installs it: apt-get install chromium)"),
]
# Flags a sandboxed root CI needs, and no background calls home.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("name", ["GLOT59", "GLOT92", "GLOACT", "highlights"])
def test_report_in_chromium(browser, sample_build: Path, name):
    requests, errors = [], []
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((sample_build / f"{name}.html").as_uri(), wait_until="load")

    expected = h.compute(h.load(), 2018, None if name == "highlights" else name)
    for key, value in expected.items():
        card = page.locator(f'.card[data-key="{key}"] .figure')
        assert card.is_visible(), key
        assert card.inner_text() == f"{value:,}", key
    images = page.locator("figure.chart img")
    assert images.count() >= 3
    for i in range(images.count()):
        img = images.nth(i)
        assert img.get_attribute("alt")
        assert img.evaluate("el => el.complete && el.naturalWidth > 0")

    shots = sample_build / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    page.close()
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
    assert errors == []
