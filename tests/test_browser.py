"""Open every report of the sample build in headless Chromium, as a reader would."""

import re
import shutil
import time
from pathlib import Path

import pytest

import htmss_analysis as h
from htmss_analysis import countries
from test_sample import PUBLISHED_2018

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


@pytest.mark.parametrize("name", ["GLOT59", "GLOT92", "GLOACT", "highlights",
                                  "highlights-technical"])
def test_report_in_chromium(browser, sample_build: Path, name):
    requests, errors = [], []
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((sample_build / f"{name}.html").as_uri(), wait_until="load")

    cards = page.locator(".card .figure")
    # The technical companion has the cards of the parts' own figures only.
    assert cards.count() >= (5 if name == "highlights-technical" else 10)
    for i in range(cards.count()):
        assert cards.nth(i).is_visible()
        assert re.fullmatch(r"(more than )?\d{1,3}(,\d{3})*", cards.nth(i).inner_text())
    if name == "highlights":  # the figures as the 2018 publication prints them
        for key, value in PUBLISHED_2018.items():
            card = page.locator(f'.card[data-key="{key}"] .figure')
            assert card.inner_text() == f"{value:,}", key
        trained = page.locator('.card[data-key="people_trained"]')
        assert trained.locator(".figure").inner_text() == "more than 4,500"
        assert trained.locator(".card-note").inner_text() == "exactly 4,587"
    elif name == "GLOT59":  # the sample's web rows are the section's or GLO.ACT's only
        assert page.locator('.card[data-key="page_views"]').count() == 0
    charts = page.locator("figure.chart svg")
    # The publication prints no chart: the analysis's charts are on its companion.
    assert charts.count() >= (0 if name == "highlights" else 3)
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.get_attribute("role") == "img" and chart.get_attribute("aria-label")
        box = chart.bounding_box()
        assert box["width"] > 200 and box["height"] > 100
        assert chart.locator("text").count() >= 3  # labels are text, not pixels

    shots = sample_build / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    page.close()
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
    assert errors == []


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_french_and_spanish_reports_in_chromium(browser, sample_build: Path, lang):
    from htmss_analysis import languages

    requests = []
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.on("request", lambda r: requests.append(r.url))
    page.goto((sample_build / lang / "highlights.html").as_uri(), wait_until="load")
    assert page.evaluate("document.documentElement.lang") == lang
    # The published figures as each language writes them: a narrow no-break space groups
    # French thousands, a point Spanish ones.
    written = {"fr": {"cases_added": "2\u202f313", "page_views": "615\u202f232",
                      "technical_cooperation_activities": "261"},
               "es": {"cases_added": "2.313", "page_views": "615.232",
                      "technical_cooperation_activities": "261"}}[lang]
    for key, text in written.items():
        assert page.locator(f'.card[data-key="{key}"] .figure').inner_text() == text, key
    shots = sample_build / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"highlights-{lang}.png"), full_page=True)
    page.goto((sample_build / lang / "countries" / "index.html").as_uri(), wait_until="load")
    page.get_by_role("link", name=languages.country_name("KGZ", lang), exact=True).click()
    assert page.url.endswith(f"/{lang}/countries/KGZ.html")
    assert _axe_serious(page) == []
    page.close()
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []


def _axe_serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes: {v['help']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("code", ["KGZ", "ALB"])
def test_country_brief_in_chromium(browser, sample_build: Path, code):
    requests = []
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.on("request", lambda r: requests.append(r.url))
    page.goto((sample_build / "countries" / f"{code}.html").as_uri(), wait_until="load")
    cards = {key: page.locator(f'.card[data-key="{key}"] .figure').inner_text()
             for key in h.COUNTRY_REGISTRY}
    assert all(re.fullmatch(r"\d{1,3}(,\d{3})*", v) for v in cards.values()), cards
    # Kyrgyzstan was assisted in 2018 (the sample's '100 days' campaign country); Albania
    # only had nationals trained elsewhere: no activity and no case of its own.
    if code == "KGZ":
        assert int(cards["capacity_building_in_country"]) >= 1
    else:
        assert cards["activities_in_country"] == cards["capacity_building_in_country"] == "0"
        assert int(cards["people_trained"]) >= 1
    shots = sample_build / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"brief-{code}.png"), full_page=True)
    # From the index to the brief, offline: the link is relative.
    page.goto((sample_build / "countries" / "index.html").as_uri(), wait_until="load")
    page.get_by_role("link", name=countries.name(code), exact=True).click()
    assert page.url.endswith(f"/countries/{code}.html")
    page.close()
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []


@pytest.mark.parametrize("name", ["GLOACT", "highlights", "countries/KGZ", "countries/index"])
def test_report_has_no_serious_accessibility_violations(browser, sample_build: Path, name):
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto((sample_build / f"{name}.html").as_uri(), wait_until="load")
    assert _axe_serious(page) == []
    page.close()


@pytest.mark.parametrize("name", ["GLOT59", "highlights", "countries/KGZ"])
def test_report_fits_a_phone_screen(browser, sample_build: Path, name):
    # 390 px wide (a phone): the page never scrolls sideways; wide tables scroll in their box.
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((sample_build / f"{name}.html").as_uri(), wait_until="load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    # Chart text is text, scaled with its chart: at 390 px none is under 10 CSS px.
    sizes = page.evaluate("""() => [...document.querySelectorAll('figure.chart svg')]
        .flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map(
                t => parseFloat(getComputedStyle(t).fontSize) * scale);
        })""")
    assert all(size >= 10 for size in sizes), sorted(sizes)[:5]
    # A brief without public data has no chart, nor has the publication (its companion has).
    assert sizes or name.startswith("countries/") or name == "highlights"
    # A table wider than the screen scrolls inside its own box, never clipped or the page.
    clipped = page.evaluate("""() => [...document.querySelectorAll('div.htmss table')]
        .filter(t => {
            const box = t.parentElement;
            const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
            return t.scrollWidth > box.clientWidth + 1 && !scrolls;
        }).length""")
    assert clipped == 0
    shots = sample_build / "screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / f"{name.replace('/', '-')}-390.png"), full_page=False)
    page.close()


def _boxes(locator, n: int) -> list[dict]:
    return [locator.nth(i).bounding_box() for i in range(n)]


def _cards_in_a_grid(page) -> None:
    boxes = _boxes(page.locator("div.htmss .card"), 3)
    # Side by side: the same top, each to the right of the one before.
    assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"], boxes
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], boxes
    figure = page.locator("div.htmss .card .figure").first.bounding_box()
    label = page.locator("div.htmss .card .label").first.bounding_box()
    assert label["y"] >= figure["y"] + figure["height"] - 1  # the label under the number


def _figure_beside_its_heading(page) -> None:
    story = page.locator("div.htmss article.story").first
    story.scroll_into_view_if_needed()
    heading = story.locator("h3").bounding_box()
    figure = story.locator(".story-figure").bounding_box()
    assert figure["x"] > heading["x"] + 100  # to the right, not above
    assert figure["y"] < heading["y"] + heading["height"]  # on the heading's line
    assert figure["y"] + figure["height"] > heading["y"]


@pytest.mark.slow
def test_stock_nbconvert_shows_the_same_look(browser, sample_build: Path, tmp_path):
    """The executed notebook through stock `jupyter nbconvert --to html --no-input`."""
    import subprocess
    import sys

    out = tmp_path / "stock.html"
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--no-input",
                    str(sample_build / "GLOT59.ipynb"), "--output", str(out)],
                   check=True, capture_output=True)
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri(), wait_until="load")
    _cards_in_a_grid(page)
    _figure_beside_its_heading(page)
    numbers = page.locator("div.htmss table.data td.num").first
    # logical sides: numbers at the end of the line, text at its start (right and left in
    # a left-to-right page)
    assert numbers.evaluate("el => getComputedStyle(el).textAlign") == "end"
    text = page.locator("div.htmss table.data td:not(.num)").first
    assert text.evaluate("el => getComputedStyle(el).textAlign") == "start"
    assert _axe_serious(page) == []
    page.screenshot(path=str(sample_build / "screenshots" / "stock-nbconvert.png"))
    page.close()


@pytest.fixture
def jupyterlab(tmp_path):
    """A JupyterLab server on loopback, serving a copy of the programme notebook."""
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from htmss_analysis import paths

    root = tmp_path / "lab"
    root.mkdir()
    shutil.copy(paths.notebooks() / "programme_report.ipynb", root)
    settings = tmp_path / "settings"
    # Render every cell (no windowing) so outputs far down can be measured; no news pop-up.
    # Start the notebook's kernel without asking (a "Select Kernel" dialog otherwise appears
    # when the kernel list is still loading as the notebook opens).
    for plugin, values in {"@jupyterlab/notebook-extension/tracker": {
                               "windowingMode": "none", "autoStartDefaultKernel": True},
                           "@jupyterlab/apputils-extension/notification": {"fetchNews": "false"}
                           }.items():
        folder = settings / plugin.split("/")[0] / plugin.split("/")[1]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{plugin.split('/')[2]}.jupyterlab-settings").write_text(json.dumps(values))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**__import__("os").environ, "JUPYTERLAB_SETTINGS_DIR": str(settings)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=",
         f"--ServerApp.root_dir={root}", "--ServerApp.open_browser=False"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=root)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.slow
def test_report_notebook_in_jupyterlab(browser, jupyterlab, sample_build: Path, tmp_path):
    """Open the report notebook in JupyterLab, run all cells, look at the cards and a story.

    Its workbook goes beside the notebook (``out_dir`` is empty; JupyterLab names the
    notebook to its kernel), not into the server's or the kernel's working folder."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{jupyterlab}/lab/tree/programme_report.ipynb", wait_until="load")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=120_000)
    select = page.locator(".jp-Dialog .jp-mod-accept", has_text="Select")
    if select.count():  # the kernel was asked for all the same: take the notebook's own
        select.first.click()
    # On a loaded machine Run All can land before the notebook's session is ready and run
    # nothing, or the kernel can restart under it, which clears the queue. Whenever the
    # notebook stands still, idle with no cell queued and the report not finished, restart
    # the kernel and run all again (which waits for the kernel).
    still = "() => document.querySelector(\".jp-Notebook-ExecutionIndicator\")" \
            "?.dataset.status === 'idle' && ![...document.querySelectorAll('.jp-InputPrompt')]" \
            ".some(e => e.textContent.includes('[*]'))"
    finished = "() => !!document.querySelector('div.htmss h2#method')"
    failed = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    deadline, acted, restarts = time.monotonic() + 300, time.monotonic(), 0
    while not page.evaluate(finished):
        errors = page.locator(failed)
        if errors.count() and "Error" in errors.first.inner_text():
            raise AssertionError(f"a cell failed in JupyterLab: {errors.first.inner_text()}")
        if time.monotonic() > deadline or restarts > 3:
            shot = sample_build / "screenshots" / "jupyterlab-failed.png"
            page.screenshot(path=str(shot))
            raise AssertionError(f"the notebook did not finish in JupyterLab; see {shot}")
        if time.monotonic() - acted > 20 and page.evaluate(still):
            page.keyboard.press("Escape")
            page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Restart Kernel and Run All").first.click()
            page.locator(".jp-Dialog .jp-mod-accept").first.click(timeout=30_000)
            acted, restarts = time.monotonic(), restarts + 1
        page.wait_for_timeout(1000)
    cards = page.locator("div.htmss .cards").first
    cards.scroll_into_view_if_needed()
    _cards_in_a_grid(page)
    page.screenshot(path=str(sample_build / "screenshots" / "jupyterlab-cards.png"))
    _figure_beside_its_heading(page)
    page.screenshot(path=str(sample_build / "screenshots" / "jupyterlab-story.png"))
    # The charts come through JupyterLab as they do through the build: SVG, text as text.
    assert page.locator("div.htmss figure.chart svg text").count() >= 10
    badge = page.locator("div.htmss .status").first
    assert badge.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    # JupyterLab rewrites a relative link to its own files URL: find the link by its text.
    page.wait_for_selector('div.htmss a:has-text("GLOT59.xlsx")', state="attached",
                           timeout=120_000)
    assert (tmp_path / "lab" / "GLOT59.xlsx").is_file()
    page.close()
