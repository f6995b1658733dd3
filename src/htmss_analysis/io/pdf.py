"""Printing a report page to PDF (A4) with Chromium: the one code path of every print edition.

The build prints the publication's page after exporting it, and the stock
door (``jupyter nbconvert --to htmss_pdf``, :mod:`htmss_analysis.export`) prints
the page it exports, both through :func:`print_pdf`: the same page gives the
same bytes. Chromium is the machine's (Debian's ``chromium``, or Google
Chrome), or the one ``python -m playwright install chromium`` downloads;
nothing is fetched while printing, and the page loads nothing from the network.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from .files import CREATED, write_file

CHROMIUM_ENV = "HTMSS_CHROMIUM"
"""The environment variable naming the Chromium (or Chrome) to print with, if set."""

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""The commands a machine's Chromium goes by."""

ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions")
"""Chromium switches: no network of its own (updates, sync), no sandbox (containers)."""

HOW_TO_GET = ("install Chromium (Debian or Ubuntu: apt-get install chromium; elsewhere: "
              "python -m playwright install chromium), or set HTMSS_CHROMIUM to a Chromium "
              "or Chrome executable")
"""What to do where there is no Chromium, as a message says it."""

FOOTER = ('<div style="width:100%;font:8pt Arial,sans-serif;color:#56606b;text-align:center">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
"""Each printed page's foot: its number and the number of pages (the same in every language)."""

MARGINS = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
"""A4 margins: the foot's page number sits in the bottom one."""

UNLINK = """() => {
  for (const a of [...document.querySelectorAll('a[href]')]) {
    if (/^(https?:|mailto:)/i.test(a.getAttribute('href'))) continue;
    const span = document.createElement('span');
    span.className = a.className;
    span.append(...a.childNodes);
    a.replaceWith(span);
  }
}"""
"""Print each link to a page beside the report as its title alone: a PDF sent by e-mail
has no page beside it, and an address would carry the folder it was printed in."""


class NoChromium(RuntimeError):
    """There is no Chromium to print with."""


def chromium() -> str | None:
    """Return the Chromium to print with, or None where the machine has none.

    :data:`CHROMIUM_ENV` if set, else the first of :data:`CHROMIUM_NAMES` on
    the PATH, else the Chromium Playwright installed (if it did).
    """
    given = os.environ.get(CHROMIUM_ENV, "").strip()
    if given:
        return given if Path(given).is_file() else shutil.which(given)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return _playwright_chromium()


def _playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:  # noqa: BLE001 - no driver, no browser: no Chromium
        return None
    return path if path and Path(path).is_file() else None


def print_pdf(page: Path, pdf: Path, executable: str | None = None) -> int:
    """Print the HTML report ``page`` to ``pdf`` (A4, numbered pages); return the bytes written.

    The report's print stylesheet applies (no card, story, list item or table
    row split across pages; no navigation). Links to other pages print as
    their titles. The PDF's dates are fixed (:data:`~htmss_analysis.io.files.CREATED`)
    so that the same page always gives the same bytes.

    Raises
    ------
    NoChromium
        Where there is no Chromium (the message says how to get one).
    """
    data = render_pdf(Path(page).read_bytes(), executable)
    write_file(Path(pdf), data)
    return len(data)


def render_pdf(html: bytes, executable: str | None = None) -> bytes:
    """Return the PDF of an HTML report page given as bytes (see :func:`print_pdf`)."""
    executable = executable or chromium()
    if executable is None:
        raise NoChromium(f"no Chromium to print with: {HOW_TO_GET}")
    from playwright.sync_api import sync_playwright

    # The page is read from a private temporary folder, so nothing beside the report (and
    # not the report's own folder's name) can reach the PDF.
    with tempfile.TemporaryDirectory(prefix="htmss-print-") as folder:
        source = Path(folder) / "report.html"
        source.write_bytes(html)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=list(ARGS))
            try:
                tab = browser.new_page()
                tab.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith("file:") else route.abort())
                tab.goto(source.as_uri(), wait_until="load")
                tab.emulate_media(media="print")
                tab.evaluate(UNLINK)
                data = tab.pdf(format="A4", print_background=True, margin=MARGINS,
                               display_header_footer=True, header_template="<span></span>",
                               footer_template=FOOTER, tagged=True, outline=True)
            finally:
                browser.close()
    return fixed_dates(data)


_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}([+\-Z][^)]*)\)")


def fixed_dates(pdf: bytes) -> bytes:
    """Give a PDF's creation and modification dates the package's fixed date.

    Written in place with the same number of bytes, so that the file's
    cross-reference offsets stay right.
    """
    stamp = CREATED.strftime("%Y%m%d%H%M%S").encode()

    def fixed(m: re.Match) -> bytes:
        zone = m.group(2)  # UTC, written alike whatever the machine's time zone
        return b"/" + m.group(1) + b" (D:" + stamp + (b"+00'00'" if len(zone) == 7 else zone) \
            + b")"

    return _DATE.sub(fixed, pdf)
