"""The page that leads to every report a build made: ``reports/index.html``.

One table per year and language: each report (the highlights, the programme
reports, the index of country briefs), its workbook, the day it was built and
the fingerprint of what it was made from. The build gathers the rows from the
manifests beside the reports (:func:`htmss_analysis.build.write_home`); this
module only lays them out, in the reports' look, with nothing loaded and no
script.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

import pandas as pd

from .. import glossary, kinds, languages, programmes
from .html import Html, esc, heading, para, table


@dataclass(frozen=True)
class Entry:
    """One report on the page.

    Attributes
    ----------
    year : int
        Reporting year.
    lang : str
        The report's language.
    name : str
        The report's name: ``highlights``, a programme code, ``index``.
    html : str
        Address of the report from the page (``2018/fr/GLOT59.html``).
    workbook : str
        Address of its workbook, or "" when it has none.
    built : str
        The day it was built (``2026-12-01``).
    fingerprint : str
        Digest of what it was made from: data, public sources, notebook,
        parameters, template and package version.
    briefs : int
        For an index of briefs: how many briefs it leads to.
    kind : str
        The report's kind (a key of :data:`htmss_analysis.kinds.REGISTRY`).
    pdf : str
        Address of its print edition (A4 PDF), or "" when it has none.
    """

    year: int
    lang: str
    name: str
    html: str
    workbook: str
    built: str
    fingerprint: str
    briefs: int = 0
    kind: str = ""
    pdf: str = ""


def _kind(entry: Entry) -> kinds.Kind | None:
    return kinds.REGISTRY.get(entry.kind)


def _label(entry: Entry) -> str:
    kind = _kind(entry)
    return kind.home_label(entry.name, entry.briefs) if kind else entry.name


def _order(entry: Entry) -> tuple:
    keys = list(kinds.REGISTRY)
    kind = _kind(entry)
    rank = keys.index(kind.key) if kind else len(keys)
    within = kind.fixed.index(entry.name) if kind and entry.name in kind.fixed else 0
    return (-entry.year, programmes.LANGUAGES.index(entry.lang)
            if entry.lang in programmes.LANGUAGES else 99, rank, within, entry.name)


def home_page(entries: Iterable[Entry]) -> Html:
    """Lay out the page that leads to every report, newest year first, languages in UN order.

    The page is in English (each language's part headed by its own name): it
    leads readers of every language to their reports.
    """
    entries = sorted(entries, key=_order)
    kicker = " · ".join(glossary.term(k).introduced("en") for k in ("office", "section"))
    parts = [f'<header class="report-title"><p class="kicker">{esc(kicker)}</p>'
             f'<h1>{esc("HTMSS reports")}</h1><p class="subtitle">'
             f'{esc("Every report built here, by year and language")}</p></header>']
    if not entries:
        return Html(*parts, para(("No report has been built yet."), "empty"),
                    title="HTMSS reports", lang="en")
    parts.append(para((
        "Each report opens in any browser, offline; its workbook holds its figures and "
        "tables. Built: the day the report was made. Fingerprint: the first characters "
        "of the SHA-256 digest of everything it was made from (the data and public "
        "files, the notebook and its parameters, the template and the package version): "
        "two reports with the same fingerprint were made from the same inputs."), "note"))
    for year, of_year in groupby(entries, key=lambda e: e.year):
        parts.append(heading(str(year), anchor=f"y{year}"))
        for lang, rows in groupby(of_year, key=lambda e: e.lang):
            rows = list(rows)
            name = languages.own_name(lang) if lang in programmes.LANGUAGES else lang
            parts.append(f'<h3 id="y{year}-{esc(lang)}" lang="{esc(lang)}">{esc(name)}</h3>')
            frame = pd.DataFrame({
                "report": [_label(e) for e in rows],
                "href": [e.html for e in rows],
                "workbook": [e.workbook.rsplit("/", 1)[-1] if e.workbook else "–"
                             for e in rows],
                "workbook_href": [e.workbook for e in rows],
                "print edition": ["PDF, A4" if e.pdf else "–" for e in rows],
                "pdf_href": [e.pdf for e in rows],
                "built": [e.built or "–" for e in rows],
                "fingerprint": [e.fingerprint[:12] for e in rows]})
            parts.append(table(frame, links={"report": "href", "workbook": "workbook_href",
                                             "print edition": "pdf_href"},
                               nowrap=("built", "fingerprint"), codes=("fingerprint",),
                               exported=False))
    return Html(*parts, title="HTMSS reports", lang="en")
