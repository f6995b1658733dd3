"""The tables a report shows, collected for its workbook as it is rendered.

A report's :class:`Tables` travel with the report (its
:class:`~htmss_analysis.report.context.Context`): each section records into
its report's tables while it runs (:func:`recording`, entered by the
section's decorator), and :func:`htmss_analysis.report.html.table` and
``heading`` note what they render there. The recording is a context
variable, not a module global: two reports made in the same process, even
interleaved, each collect only their own tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import pandas as pd

from ..marks import N_

HEADLINE = N_("headline")
"""Name of the first sheet (in the report's language): one row per figure of the report."""

_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Tables:
    """The tables a report has shown so far, by sheet name, in the order shown."""

    sheets: dict[str, pd.DataFrame] = field(default_factory=dict)
    _section: str = ""
    _sub: str = ""
    _keys: dict[tuple, str] = field(default_factory=dict)

    def heading(self, text: str, level: int) -> None:
        """Note a heading: the tables below it are named after it."""
        if level <= 2:
            self._section, self._sub = text, ""
        else:
            self._sub = text

    def add(self, frame: pd.DataFrame, caption: str = "") -> None:
        """Note a table shown; shown again (a cell run twice), it replaces the first."""
        label = caption or self._sub or self._section or "table"
        key = (self._section, label, tuple(map(str, frame.columns)))
        name = self._keys.get(key) or self._unique(sheet_name(label))
        self._keys[key] = name
        self.sheets[name] = frame.copy()

    def _unique(self, name: str) -> str:
        taken = {n.casefold() for n in self.sheets} | {HEADLINE}
        if name.casefold() not in taken:
            return name
        n = 2
        while f"{name[:26]} ({n})".casefold() in taken:
            n += 1
        return f"{name[:26]} ({n})"


_RECORDING: ContextVar[Tables | None] = ContextVar("htmss_tables", default=None)


@contextmanager
def recording(tables: Tables) -> Iterator[Tables]:
    """Note the tables and headings rendered inside the ``with`` block into ``tables``."""
    token = _RECORDING.set(tables)
    try:
        yield tables
    finally:
        _RECORDING.reset(token)


def note_heading(text: str, level: int) -> None:
    """Tell the report being rendered about a heading (nothing outside a report)."""
    tables = _RECORDING.get()
    if tables is not None:
        tables.heading(text, level)


def note_table(frame: pd.DataFrame, caption: str = "") -> None:
    """Note a table the report being rendered shows (nothing outside a report)."""
    tables = _RECORDING.get()
    if tables is not None:
        tables.add(frame, caption)


def sheet_name(text: str) -> str:
    """Return ``text`` as a sheet name Excel accepts: at most 31 characters, no brackets."""
    # Excel: at most 31 characters, none of []:*?/\ and not blank. A longer name is cut
    # at a word ("Activities started per month, 2018" -> "Activities started per month").
    name = " ".join(_FORBIDDEN.sub(" ", text).split()).strip("'")
    if len(name) > 31:
        cut = name[:32].rsplit(" ", 1)[0] if " " in name[:32] else name[:31]
        words = cut.rstrip(" ,;.-(").split(" ")
        # Nor end on a little word ("... region of the", "Bases de données de"):
        # lower-case words of three letters or fewer are articles and prepositions.
        while len(words) > 1 and len(words[-1]) <= 3 and words[-1].islower():
            words.pop()
        name = " ".join(words).rstrip(" ,;.-(")
    return name[:31] or "table"
