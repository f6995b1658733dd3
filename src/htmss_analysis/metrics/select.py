"""The selections every count starts from: a programme's rows, a year's rows.

A row counts for programme P when P is among its programmes. For the section
as a whole (a scope whose ``programme`` is None) every row counts. The
selections read the year and the programme of a :class:`.scope.Scope`. Web traffic and
social media rows with no programme belong to the section only, never to one
programme (:func:`of_site`).
"""

from __future__ import annotations

import pandas as pd

from ..data.load import Dataset
from ..programmes import LANGUAGES, programme_code
from .scope import Scope

TEACHING_MODULE = "teaching_module"
"""The publication category counted apart from the tools and publications."""


def translations(frame: pd.DataFrame, *columns: str) -> list[str]:
    """Return the translations of free-text ``columns`` that ``frame`` has, column by column.

    Contract version 3: ``title`` may come with ``title_fr`` and ``title_es``;
    the report picks the one of its language.
    """
    return [name for column in columns for lang in LANGUAGES[1:]
            if (name := f"{column}_{lang}") in frame.columns]


def among(values: pd.Series, code: str) -> pd.Series:
    """Return which rows name programme ``code`` (a tuple of codes, or one code, per row)."""
    return values.map(lambda v: code in v if isinstance(v, tuple) else v == code).astype(bool)


def of(frame: pd.DataFrame, programme: str | None) -> pd.DataFrame:
    """Rows of ``frame`` that count for ``programme`` (all rows for the section)."""
    code = programme_code(programme)
    if code is None:
        return frame
    return frame.loc[among(frame["programme"], code)]


def of_site(frame: pd.DataFrame, programme: str | None) -> pd.DataFrame:
    """Web rows of ``programme``'s own sites or accounts (all rows for the section)."""
    code = programme_code(programme)
    if code is None:
        return frame
    return frame[frame["programme"] == code]


def in_year(frame: pd.DataFrame, column: str, year: int) -> pd.DataFrame:
    """Rows of ``frame`` whose date ``column`` falls in ``year``."""
    return frame[frame[column].dt.year == year]


def kept(data: Dataset, key: tuple, make) -> pd.DataFrame:
    """Return ``make()``, made once per dataset (see ``Dataset.memo``); a frame of its own."""
    if key not in data.memo:
        data.memo[key] = make()
    return data.memo[key].copy(deep=False)


def activities(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Activities of a programme (or the section) starting in ``year``."""
    year, programme = scope.year, scope.programme
    return kept(data, ("activities", year, programme),
                 lambda: in_year(of(data.activities, programme), "start_date", year))


def attendances(data: Dataset, acts: pd.DataFrame) -> pd.DataFrame:
    """Attendance rows of the given activities, with the activity's columns joined."""
    rows = data.attendances
    return rows[rows["activity_id"].isin(acts["activity_id"])]


def publications(data: Dataset, scope: Scope, modules: bool | None = None) -> pd.DataFrame:
    """Publications of ``year``; ``modules`` True for teaching modules only, False for none."""
    year, programme = scope.year, scope.programme
    rows = in_year(of(data.publications, programme), "published_date", year)
    if modules is None:
        return rows
    return rows[(rows["category"] == TEACHING_MODULE) == modules]


def engagements(data: Dataset, scope: Scope, kind: str | None = None) -> pd.DataFrame:
    """Engagements dated in ``year`` (of one ``kind``); for a programme, those naming it.

    A blank-programme engagement is the section's: it counts for the section only.
    """
    year, programme = scope.year, scope.programme
    rows = in_year(of(data.engagements, programme), "date", year)
    return rows if kind is None else rows[rows["kind"] == kind]


def cases(data: Dataset, scope: Scope, database: str | None = None) -> pd.DataFrame:
    """Cases added in ``year`` (to one ``database``)."""
    year, programme = scope.year, scope.programme
    rows = in_year(of(data.cases, programme), "added_date", year)
    return rows if database is None else rows[rows["database"] == database]
