"""Tables the API returns: pandas DataFrames that display whole and with thousands separators.

The package sets no global pandas option (importing it changes nothing for
the analyst's own frames); instead the frames it returns carry their own
display, in JupyterLab (HTML) and in a terminal (text) alike.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import pandas as pd
from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype

from .languages import current, number

MINUS = "\u2212"
"""The typographic minus sign: a negative change reads as −3, not as a hyphen."""


def decimals(values: pd.Series, most: int = 3) -> int:
    """Return the fewest decimals (up to ``most``) that show every value of a column exactly.

    One format per column: ``49`` is never shown next to ``48.9``.
    """
    present = pd.to_numeric(values, errors="coerce").dropna().astype(float)
    for d in range(most + 1):
        if ((present.round(d) - present).abs() < 1e-9).all():
            return d
    return most


def number_format(values: pd.Series) -> Callable[[object], str]:
    """Return the formatter of a numeric column: thousands separators, one number of decimals.

    Numbers are written as the current language writes them
    (:func:`htmss_analysis.languages.number`).
    """
    d = 0 if is_integer_dtype(values) else decimals(values)
    english = current() == "en"

    def fmt(value: object) -> str:
        if value is None or pd.isna(value):
            return "–"
        if not english:
            return number(float(value), decimals=d)
        text = f"{float(value):,.{d}f}"
        return MINUS + text[1:] if text.startswith("-") else text

    return fmt


def signed(value: int | float) -> str:
    """Format a change with its sign: ``+12``, ``−3``, ``0``, as the language writes numbers."""
    if value == 0 or pd.isna(value):
        return "0"
    if current() != "en":
        text = number(abs(value), decimals=decimals(pd.Series([value])))
        return ("+" if value > 0 else MINUS) + text
    text = f"{value:+,}"
    return text.replace("-", MINUS)


class Frame(pd.DataFrame):
    """A DataFrame that shows numbers with thousands separators and text in full.

    It is a plain :class:`pandas.DataFrame` in every other respect.
    """

    @property
    def _constructor(self):
        return Frame

    def _formatters(self) -> dict:
        out = {}
        for column in self.columns:
            values = self[column]
            if isinstance(values, pd.DataFrame) or is_bool_dtype(values):
                continue
            if is_integer_dtype(values) or is_float_dtype(values):
                out[column] = number_format(values)
        return out

    def _repr_html_(self) -> str:
        with pd.option_context("display.max_colwidth", None):
            return self.to_html(formatters=self._formatters(), border=0, max_rows=200)

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.width", 250,
                               "display.max_columns", None):
            return self.to_string(formatters=self._formatters(), max_rows=200)


def returns_frame(fn: Callable[..., pd.DataFrame]) -> Callable[..., Frame]:
    """Make a function that returns a DataFrame return a :class:`Frame`."""

    @wraps(fn)
    def wrapper(*args, **kwargs):
        return Frame(fn(*args, **kwargs))

    return wrapper
