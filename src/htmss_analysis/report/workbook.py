"""The report's workbook: its figures and every table it showed, as an Excel file.

The last cell of a report (:func:`tables_workbook`) writes, after a
``headline`` sheet of the report's figures, every table the report showed
(collected as it was rendered, :mod:`.collect`) and, for each figure, its
rule step by step and its records. It writes where its caller says: the
build's output folder, or beside the notebook when one is run by hand in
JupyterLab; never into the process's working folder.

What is written is data, never code: text is always stored as text (a title
``=HYPERLINK(...)`` stays a string, never a formula), numbers as numbers and
dates as dates, as the report's metrics typed them; the document properties
are fixed, so the same report gives the same bytes.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .. import programmes
from ..io.files import new_workbook
from ..languages import _, current, ngettext, using
from ..metrics.figures import (
    COUNTRY_REGISTRY,
    REGION_REGISTRY,
    REGISTRY,
    attributed,
    compute,
    compute_region,
    recorded_in,
)
from . import words
from .collect import HEADLINE, Tables, sheet_name
from .context import Context, counted, country_figures_of, localized, report_name
from .html import Html, esc, num, para
from .method import explained as explained_figures
from .method import figure_set
from .rules import described

HEADLINE_COLUMNS = ("key", "title", "value", "previous_year", "definition", "notes")
"""Columns of the headline sheet."""

CELL_LIMIT = 32_767
"""Characters an Excel cell holds; a longer text is cut, with a note in the report."""


def _cell_value(value: object) -> object:
    """Return the value a cell holds: number, date, text (always as typed), or None for blank.

    The report hands typed values (numbers, dates); a text is text, whatever
    it looks like: a title ``+35`` or ``2018-03-05`` stays the text it was typed as.
    """
    if value is None or (not isinstance(value, str | tuple) and pd.isna(value)):
        return None
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, pd.Timestamp | datetime):
        return value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
    if isinstance(value, int | float) or hasattr(value, "dtype"):
        number = value.item() if hasattr(value, "item") else value
        return (_("yes") if number else _("no")) if isinstance(number, bool) else number
    return str(value)


def write_workbook(path: str | Path, headline: pd.DataFrame, sheets: dict[str, pd.DataFrame],
                   title: str = "") -> Written:
    """Write the headline sheet and then one sheet per table to ``path``.

    Every text is written as text (never read back as a formula, number, date
    or link). A text longer than a cell holds (:data:`CELL_LIMIT`) is cut,
    ending in ``…``; the result's ``cut`` counts them (0 for none), for the
    report to say so.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write (replaced if it exists).
    headline : DataFrame
        Columns :data:`HEADLINE_COLUMNS`, one row per figure of the report.
    sheets : dict
        Sheet name to table, as :class:`Tables` collected them.
    title : str
        The report's title, the workbook's title property.
    """
    path = Path(path)
    with new_workbook(path, title, _("Tables of the report {title}").format(title=title)) as wb:
        header = wb.add_format({"bold": True, "bg_color": "#EEF2F6", "text_wrap": True,
                                "valign": "top", "bottom": 1})
        styles = {"date": wb.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
                  "int": wb.add_format({"num_format": "#,##0", "valign": "top"}),
                  "float": wb.add_format({"num_format": "#,##0.0##", "valign": "top"}),
                  "text": wb.add_format({"valign": "top", "text_wrap": True})}
        # In English the headline sheet keeps the names `indicators --json` uses.
        if "notes" not in headline:
            headline = headline.assign(notes="")
        _sheet(wb, _(HEADLINE), headline[list(HEADLINE_COLUMNS)].rename(
            columns=words.header if current() != "en" else {}), header, styles)
        valid = Tables()  # names Excel accepts, whoever made ``sheets``
        for name, frame in sheets.items():
            valid.sheets[valid._unique(sheet_name(name))] = numbers_only(frame)
        cut = 0
        for name, frame in valid.sheets.items():
            cut += _sheet(wb, name, frame, header, styles)
    return Written(path, cut)


class Written(NamedTuple):
    """A workbook written: its path, and how many texts were cut to fit a cell."""

    path: Path
    cut: int


def numbers_only(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep a table's numeric columns numeric: "not attributed", "no records" as empty cells.

    The HTML says "not attributed" or "no records" where a number would
    stand; a workbook cell is a number or empty, and a ``notes`` column says,
    on each row, which columns are left empty and why, in the report's
    language.
    """
    reasons = tuple(words.REASONS)
    marks = {c: {r: frame[c].map(lambda v, r=r: isinstance(v, words.Unknown) and v.reason == r)
                 .to_numpy(dtype=bool) for r in reasons}
             for c in frame.columns if frame[c].dtype == object}
    marked = {c: np.logical_or.reduce(list(by.values())) for c, by in marks.items()}
    numeric = [c for c, m in marked.items() if m.any() and pd.to_numeric(
        frame[c][~m], errors="coerce").notna().eq(frame[c][~m].notna()).all()]
    if not numeric:
        return frame
    out = frame.copy()
    notes = []
    for i in range(len(frame)):
        said = []
        for r in reasons:
            cols = ", ".join(str(c) for c in numeric if marks[c][r][i])
            if cols:
                said.append(f"{_(words.REASONS[r])}: {cols}")
        notes.append("; ".join(said))
    for column in numeric:
        out[column] = out[column].astype(object).where(~marked[column], None)
    out[words.header("notes")] = notes
    return out


def _sheet(wb, name: str, frame: pd.DataFrame, header, styles: dict) -> int:
    """Write one sheet; return the number of texts cut to fit a cell."""
    ws = wb.add_worksheet(name)
    columns = [str(c) for c in frame.columns]
    widths = [len(c) for c in columns]
    cut = 0
    for j, column in enumerate(columns):
        ws.write_string(0, j, column, header)
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        for j, raw in enumerate(row):
            value = _cell_value(raw)
            if isinstance(value, str) and len(value) > CELL_LIMIT:
                value, cut = value[:CELL_LIMIT - 1] + "\u2026", cut + 1
            if value is None or value == "":  # nothing there: an empty cell, not a text
                ws.write_blank(i, j, None, styles["text"])
            elif isinstance(value, datetime):
                ws.write_datetime(i, j, value, styles["date"])
                widths[j] = max(widths[j], 10)
            elif isinstance(value, int | float):
                whole = float(value).is_integer()
                ws.write_number(i, j, value, styles["int" if whole else "float"])
                widths[j] = max(widths[j], len(f"{value:,.0f}") + (0 if whole else 3))
            else:
                ws.write_string(i, j, value, styles["text"])
                widths[j] = max(widths[j], min(len(value), 60))
    for j, width in enumerate(widths):
        ws.set_column(j, j, min(max(width, 6), 60) + 2)
    ws.freeze_panes(1, 0)
    return cut


def headline_rows(ctx: Context) -> pd.DataFrame:
    """Return the report's figures for the workbook's headline sheet.

    Every key of the registry (the country figures' for a brief), its value in
    the year and the year before, as ``indicators --json`` gives them; titles
    and definitions in the report's language.
    """
    if ctx.country:
        now = country_figures_of(ctx, ctx.year)
        before = country_figures_of(ctx, ctx.year - 1)
        entries = COUNTRY_REGISTRY
    elif ctx.region:
        now = compute_region(ctx.data, ctx.year, ctx.region, ctx.programme)
        before = compute_region(ctx.data, ctx.year - 1, ctx.region, ctx.programme)
        entries = REGION_REGISTRY
    else:
        now = compute(ctx.data, ctx.year, ctx.programme)
        before = compute(ctx.data, ctx.year - 1, ctx.programme)
        entries = REGISTRY
    with using(ctx.lang):
        # A figure the data never attributes to the programme is 0, as `indicators --json`
        # has it; the note says what the HTML says.
        # A figure the data never attributes to the programme, or that no row of the year
        # could count, is no number: an empty cell, and the note the HTML shows.
        notes = ["" if ctx.country or ctx.region else
                 _(words.NOT_ATTRIBUTED) if not attributed(ctx.data, k, ctx.programme) else
                 _(words.NO_RECORDS) if not recorded_in(ctx.data, k, ctx.year, ctx.programme)
                 else "" for k in now]
        before_notes = ["" if ctx.country or ctx.region or n else
                        _(words.NO_RECORDS)
                        if not recorded_in(ctx.data, k, ctx.year - 1, ctx.programme) else ""
                        for k, n in zip(now, notes, strict=True)]
        return pd.DataFrame({"key": list(now), "title": [_(entries[k].title) for k in now],
                             "value": pd.Series([None if n else v for v, n in
                                                 zip(now.values(), notes, strict=True)],
                                                dtype=object),
                             "previous_year": pd.Series([None if n or b else before[k]
                                                         for k, n, b in zip(
                                                             now, notes, before_notes,
                                                             strict=True)], dtype=object),
                             "definition": [described(entries[k]) for k in now],
                             "notes": [n or (_("previous year: {what}").format(what=b)
                                             if b else "")
                                       for n, b in zip(notes, before_notes, strict=True)]})


def destination(out_dir: str | Path = "") -> Path | None:
    """Return the folder a report's workbook goes to, or None for none.

    The folder given (the build gives the report's own); else, in JupyterLab,
    the folder of the notebook being run (the server names it to the kernel
    in ``JPY_SESSION_NAME``); else none: a report never writes into the
    process's working folder.
    """
    if str(out_dir):
        from ..paths import local

        return local(out_dir)
    session = Path(os.environ.get("JPY_SESSION_NAME", ""))
    if session.suffix == ".ipynb" and session.parent.is_dir():
        return session.parent
    return None


@localized
def tables_workbook(ctx: Context, out_dir: str | Path = "", name: str = "",
                    headline: pd.DataFrame | None = None) -> Html:
    """Write the report's tables to ``<name>.xlsx`` in ``out_dir``; say where.

    Run as the report's last cell: the workbook holds a ``headline`` sheet of
    the report's figures and one sheet per table the report showed, with
    sheet names and headers in the report's language (the values are the
    same in every language). The build gives the report's own folder, so the
    workbook lies beside the HTML report, which links to it; without
    ``out_dir`` it goes beside the notebook run in JupyterLab (see
    :func:`destination`), or nowhere, and the report says so.
    """
    name = name or report_name(ctx)
    # The files this run read, as it read them: a build trusts the report only if they are
    # the bytes it planned with (an input replaced mid-build and put back is caught).
    read = [[s.path.name, s.sha256] for s in ctx.data.sources] + \
        [[p.name, digest] for _key, p, digest in ctx.sources.files()]
    # What the run counted for every country, and in which process: a build's kernel that
    # ran a report before counts nothing again (see htmss_analysis.build).
    facts = {"inputs": read, "counted": counted(ctx), "process": os.getpid()}
    if ctx.page == "publication" and ctx.lang != programmes.LANGUAGES[0]:
        # A publication has no data-quality part: it says here how many texts it showed in
        # English (its companion lists them).
        facts["untranslated"] = len(ctx.untranslated)
    folder = destination(out_dir)
    if folder is None:
        if ctx.page == "publication":  # a publication says nothing of how it was made
            return Html(meta=facts)
        return Html(para(_("No workbook was written: this run was given no folder for it. "
                           "Give the notebook's out_dir parameter a folder to have the "
                           "report's figures and tables as a workbook there."), "note"),
                    meta=facts, technical=True)
    rows = headline if headline is not None else headline_rows(ctx)
    sheets = dict(ctx.tables.sheets)
    explained = explained_figures(ctx, figure_set(ctx)) if headline is None else {}
    if explained:
        sheets[_("rules step by step")] = pd.concat(
            [r.attrs["steps"].assign(key=k)[["key", "step", "rows"]].rename(
                columns={"rows": "rows left"}) for k, r in explained.items()],
            ignore_index=True).rename(columns=words.header)
        for key, records in explained.items():
            sheets[key] = records.rename(columns=words.header)
    path, cut = write_workbook(folder / f"{name}.xlsx", rows, sheets,
                               title=f"{name} {ctx.year}")
    if ctx.page == "publication":
        said = _("The figures and tables of this publication (Excel workbook)")
        return Html(f'<p class="note screen"><a href="{esc(path.name)}">{esc(said)}</a></p>',
                    meta=facts)
    link = f'<a href="{esc(path.name)}">{esc(path.name)}</a>'
    return Html('<p class="note">' + esc(_(
        "The figures and every table of this report are in the workbook {workbook}, beside "
        "it: one sheet per table, and first a headline sheet with each figure, its value the "
        "year before and its definition.")).format(workbook=link) + "</p>",
        *([para(ngettext(
            "{n} text is longer than a workbook cell holds ({limit} characters): the workbook "
            "holds its beginning, ending in …; the report shows it whole.",
            "{n} texts are longer than a workbook cell holds ({limit} characters): the "
            "workbook holds their beginnings, each ending in …; the report shows them whole.",
            cut).format(n=num(cut), limit=num(CELL_LIMIT)), "note")] if cut else []),
        meta=facts, technical=True)
