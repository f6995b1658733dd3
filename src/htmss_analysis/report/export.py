"""The tables of a report, written beside it as an Excel workbook.

Every table a report shows is noted as it is rendered (:func:`note_table`,
under the heading it sits below) while a :class:`Tables` is active; the
report's last cell writes them, after a ``headline`` sheet of the report's
figures, to ``<name>.xlsx`` (:func:`write_workbook`). So the workbook holds
exactly the tables of the report, through every door: a build, a notebook
run by hand, or papermill and nbconvert.

What is written is data, never code: text is always stored as text (a title
``=HYPERLINK(...)`` stays a string, never a formula), numbers as numbers and
ISO dates as dates; the document properties are fixed, so the same report
gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..languages import N_, _, current

HEADLINE = N_("headline")
"""Name of the first sheet (in the report's language): one row per figure of the report."""

HEADLINE_COLUMNS = ("key", "title", "value", "previous_year", "definition")
"""Columns of the headline sheet."""

CREATED = datetime(2000, 1, 1)
"""The workbook's creation date property: fixed, for byte-identical rebuilds."""

_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Changes as the report writes them ("+35", "−1", "+97,326"): numbers, not text.
_SIGNED = re.compile(r"^[+\u2212-]\d{1,3}(,\d{3})*(\.\d+)?$|^[+\u2212-]\d+(\.\d+)?$")
# What frames.signed writes: "0", or "+" or the minus sign (never the hyphen a person types).
_CHANGE = re.compile(r"^0$|^[+\u2212]\d{1,3}(,\d{3})*(\.\d+)?$|^[+\u2212]\d+(\.\d+)?$")

CELL_LIMIT = 32_767
"""Characters an Excel cell holds; a longer text is cut, with a note in the report."""


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
        name = self._keys.get(key) or self._unique(_sheet_name(label))
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


_ACTIVE: list[Tables] = []


def collect() -> Tables:
    """Start noting the tables of a new report; return where they go."""
    tables = Tables()
    _ACTIVE[:] = [tables]
    return tables


def active() -> Tables | None:
    """Return the tables of the report being made, if any."""
    return _ACTIVE[0] if _ACTIVE else None


def note_heading(text: str, level: int) -> None:
    """Tell the active report's tables about a heading (nothing when none is active)."""
    if _ACTIVE:
        _ACTIVE[0].heading(text, level)


def note_table(frame: pd.DataFrame, caption: str = "") -> None:
    """Note a table the active report shows (nothing when none is active)."""
    if _ACTIVE:
        _ACTIVE[0].add(frame, caption)


def _sheet_name(text: str) -> str:
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


def _column_kind(values: list, name: str = "", text_columns: set[str] | None = None) -> str:
    """Tell a column of the package's own formatting from text of the data.

    A column named after a text column of the data (``title``, ``summary``,
    ``unit``, in any language) is text, whatever its cells look like. Of the
    others, a column every text cell of which is a change as
    :func:`frames.signed` writes it (``+35``, ``−1``, ``0``) is
    ``"signed"``; one of ISO dates only, ``"date"``; any other is text. So a
    title ``+35`` or ``2018-03-05`` stays the text it was typed as.
    """
    if name in (_data_text_columns() if text_columns is None else text_columns):
        return "text"
    texts = [_english_digits(v) for v in values if isinstance(v, str) and v != ""]
    if not texts:
        return "text"
    if all(_CHANGE.match(t) for t in texts):
        return "signed"
    if all(_ISO_DATE.match(t) for t in texts):
        return "date"
    return "text"


def _data_text_columns() -> set[str]:
    """Return the data's free-text column names, as written and as headers in this language."""
    from .. import schema
    from .html import header

    names = {f.name for t in schema.TABLES.values() for f in t.fields
             if f.kind is schema.TEXT and not f.identifier}
    return names | {header(n) for n in names}


def _cell_value(value: object, kind: str = "text") -> object:
    """Return the value a cell should hold: number, date, text, or None for blank.

    Text becomes a date or a number only in a column of that ``kind`` (see
    :func:`_column_kind`).
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
    if kind == "text":
        return str(value)
    text = _english_digits(str(value))
    if kind == "date" and _ISO_DATE.match(text):
        try:
            return datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            return text
    if kind == "signed" and _CHANGE.match(text):
        return float(text.replace("\u2212", "-").replace(",", "").replace("+", ""))
    return str(value)


def _english_digits(text: str) -> str:
    """Write a signed number of the report's language (``+97 326``, ``+97.326``) as English does.

    Other text is returned as it is.
    """
    lang = current()
    if lang == "en" or text[:1] not in ("+", "-", "\u2212"):
        return text
    from babel.numbers import get_decimal_symbol, get_group_symbol

    group, point = get_group_symbol(lang), get_decimal_symbol(lang)
    swapped = text.replace(group, "\0").replace("\u00a0", "\0").replace(point, ".")
    english = swapped.replace("\0", ",")
    return english if _SIGNED.match(english) else text


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
    import xlsxwriter

    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    # Text stays text: nothing written is ever read back as a formula, number or link.
    wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False})
    try:
        wb.set_properties({"title": title, "author": "htmss-analysis", "created": CREATED,
                           "comments": _("Tables of the report {title}").format(title=title)})
        header = wb.add_format({"bold": True, "bg_color": "#EEF2F6", "text_wrap": True,
                                "valign": "top", "bottom": 1})
        styles = {"date": wb.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
                  "int": wb.add_format({"num_format": "#,##0", "valign": "top"}),
                  "float": wb.add_format({"num_format": "#,##0.0##", "valign": "top"}),
                  "text": wb.add_format({"valign": "top", "text_wrap": True})}
        from .html import header as words

        # In English the headline sheet keeps the names `indicators --json` uses.
        _sheet(wb, _(HEADLINE), headline[list(HEADLINE_COLUMNS)].rename(
            columns=words if current() != "en" else {}), header, styles)
        valid = Tables()  # names Excel accepts, whoever made ``sheets``
        for name, frame in sheets.items():
            valid.sheets[valid._unique(_sheet_name(name))] = frame
        cut = 0
        for name, frame in valid.sheets.items():
            cut += _sheet(wb, name, frame, header, styles)
        wb.close()
        tmp.replace(path)
    except xlsxwriter.exceptions.FileCreateError as exc:
        raise os_error(exc, path) from None
    finally:
        tmp.unlink(missing_ok=True)
    return Written(path, cut)


def os_error(exc: Exception, path: Path) -> OSError:
    """Return XlsxWriter's failure to create ``path`` as the OS error it wraps, with the path.

    XlsxWriter says where only in its own words; the command line reports
    the path and the system's reason of an ``OSError``.
    """
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else exc
    return OSError(getattr(cause, "errno", None), getattr(cause, "strerror", str(cause)),
                   str(path))


class Written(NamedTuple):
    """A workbook written: its path, and how many texts were cut to fit a cell."""

    path: Path
    cut: int


def _sheet(wb, name: str, frame: pd.DataFrame, header, styles: dict) -> int:
    """Write one sheet; return the number of texts cut to fit a cell."""
    ws = wb.add_worksheet(name)
    columns = [str(c) for c in frame.columns]
    widths = [len(c) for c in columns]
    text_columns = _data_text_columns()
    kinds = [_column_kind(frame.iloc[:, j].tolist(), columns[j], text_columns)
             for j in range(len(columns))]
    cut = 0
    for j, column in enumerate(columns):
        ws.write_string(0, j, column, header)
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        for j, raw in enumerate(row):
            value = _cell_value(raw, kinds[j])
            if isinstance(value, str) and len(value) > CELL_LIMIT:
                value, cut = value[:CELL_LIMIT - 1] + "\u2026", cut + 1
            if value is None:
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
