"""Public data set against the section's countries: GLOTIP victims, treaty status, SHERLOC.

Pure counting over the public sources (:mod:`htmss_analysis.public.sources` reads
them): numbers, dates and codes, and ``"<5"`` where the publisher suppressed a
count of 1 to 4 (kept as published, never read as 0).
"""

from __future__ import annotations

import pandas as pd

from ..data.load import Dataset
from ..frames import returns_frame
from ..public.sources import (
    detected_victims,
    detected_victims_all_years,
    status_date,
    treaty_status_on,
    year_end,
)
from .breakdowns import countries_list
from .scope import Scope

VICTIM_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("Total", "Total", "victims"), ("Female", "18 years or over", "women"),
    ("Male", "18 years or over", "men"), ("Female", "0 to 17 years", "girls"),
    ("Male", "0 to 17 years", "boys"))
"""GLOTIP (sex, age) cells of detected victims, and the column each becomes."""

SUPPRESSED = "<5"
"""A count of 1 to 4 its publisher suppressed: kept as published, never read as 0."""


def _victims(glotip: pd.DataFrame, iso3: str, year: int) -> dict[str, object]:
    rows = detected_victims(glotip, iso3, until=year)
    out: dict[str, object] = {"glotip_year": int(rows["year"].iloc[0]) if len(rows) else pd.NA}
    for sex, age, column in VICTIM_GROUPS:
        hit = rows[(rows["sex"] == sex) & (rows["age"] == age)]
        out[column] = (pd.NA if hit.empty else SUPPRESSED if bool(hit["censored"].iloc[0])
                       else float(hit["value"].iloc[0]))
    return out


def _party(status: pd.DataFrame, iso3: str, year: int) -> tuple[bool, object, object]:
    """Whether ``iso3`` was a party on 31 December of ``year``, since when, by what action."""
    rows = treaty_status_on(status[status["iso3"] == iso3], year_end(year))
    if rows.empty or not bool(rows["party"].iloc[0]):
        return False, pd.NaT, None
    return True, rows["since"].iloc[0], rows["action"].iloc[0]


@returns_frame
def country_context(data: Dataset, scope: Scope, glotip: pd.DataFrame | None = None,
                    treaties: dict[str, pd.DataFrame | None] | None = None,
                    cases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Set each country assisted in the scope's year against public data.

    Parameters
    ----------
    data : Dataset
        Loaded data.
    scope : Scope
        The year, and the programme (None: the section).
    glotip : DataFrame, optional
        :func:`htmss_analysis.load_glotip`'s frame.
    treaties : dict, optional
        Treaty status frames (:func:`htmss_analysis.load_treaty_status`) by
        public-source key (``treaty_tip``...); ``None`` for one not provided.
    cases : DataFrame, optional
        SHERLOC case lists (:func:`htmss_analysis.load_sherloc_cases`), concatenated.

    Returns
    -------
    Frame
        One row per country assisted: ``iso3``; with GLOTIP,
        ``glotip_year`` (the country's latest) and detected ``victims``,
        ``women``, ``men``, ``girls``, ``boys`` (a number, ``"<5"`` as
        published, or missing when not reported); for each treaty key K given,
        ``K_party`` (bool), ``K_since`` (consent date) and ``K_action``, on
        31 December of the year (:func:`~htmss_analysis.public.sources.treaty_status_on`); with
        cases, ``sherloc_cases`` and ``latest_decision`` (year, or missing).
    """
    assisted = countries_list(data, scope, "assisted")
    rows = []
    for iso3 in assisted["iso3"]:
        row: dict[str, object] = {"iso3": iso3}
        if glotip is not None:
            row.update(_victims(glotip, iso3, scope.year))
        for key, status in (treaties or {}).items():
            if status is not None:
                row[f"{key}_party"], row[f"{key}_since"], row[f"{key}_action"] = _party(
                    status, iso3, scope.year)
        if cases is not None:
            mine = cases[cases["jurisdiction"] == iso3]
            row["sherloc_cases"] = len(mine)
            row["latest_decision"] = (int(mine["decision_year"].max())
                                      if mine["decision_year"].notna().any() else pd.NA)
        rows.append(row)
    return pd.DataFrame(rows, columns=None if rows else ["iso3"])


def treaty_year(status: pd.DataFrame, year: int) -> dict[str, object]:
    """Count the parties to a treaty on 31 December of ``year`` and those who joined in it.

    Read by :func:`~htmss_analysis.public.sources.treaty_status_on`'s rule.

    Returns
    -------
    dict
        ``as_of`` (the date the file runs to), ``covered`` (whether it runs to
        the year's end, so that the year's new parties are known),
        ``parties`` (parties on 31 December of the year, as far as the file
        knows), ``new`` (the rows of those who joined in the year).
    """
    end = year_end(year)
    on = treaty_status_on(status, end)
    joined = on["party"] & (on["since"].dt.year == year)
    return {"as_of": status_date(status), "covered": bool(on["known"].all()),
            "parties": int(on["party"].sum()), "new": status[joined]}


@returns_frame
def victims_over_years(glotip: pd.DataFrame, country: str, until: int | None = None
                       ) -> pd.DataFrame:
    """Return ``country``'s detected trafficking victims in each GLOTIP year up to ``until``.

    By sex and age; ``until`` is the reporting year (None: every year of the file).

    Returns
    -------
    DataFrame
        ``year``, then ``victims``, ``women``, ``men``, ``girls``, ``boys``:
        a number, ``"<5"`` where the publisher suppressed a count of 1 to 4,
        or missing where not reported. Oldest year first.
    """
    rows = detected_victims_all_years(glotip, country, until)
    years = sorted(int(y) for y in rows["year"].unique())
    out = pd.DataFrame({"year": years})
    for sex, age, column in VICTIM_GROUPS:
        cells = rows[(rows["sex"] == sex) & (rows["age"] == age)]
        by_year = {int(y): (SUPPRESSED if bool(c) else float(v))
                   for y, v, c in zip(cells["year"], cells["value"], cells["censored"],
                                      strict=True)}
        out[column] = pd.Series([by_year.get(y, pd.NA) for y in years], dtype=object)
    return out


@returns_frame
def treaty_status(treaties: dict[str, pd.DataFrame], country: str, year: int) -> pd.DataFrame:
    """Whether ``country`` was party to each treaty on 31 December of ``year``, since when.

    Parameters
    ----------
    treaties : dict
        Public-source key (``treaty_tip``...) to its status frame
        (:func:`htmss_analysis.load_treaty_status`).
    country : str
        ISO3 code.
    year : int
        The report's year (:func:`~htmss_analysis.public.sources.treaty_status_on`).

    Returns
    -------
    DataFrame
        ``key``, ``party`` (bool), ``since`` (consent date, or NaT), ``action``.
    """
    rows = []
    for key, status in treaties.items():
        party, since, action = _party(status, country, year)
        rows.append({"key": key, "party": party, "since": since, "action": action})
    return pd.DataFrame(rows, columns=["key", "party", "since", "action"])


@returns_frame
def sherloc_cases(cases: pd.DataFrame, country: str) -> pd.DataFrame:
    """``country``'s cases in the SHERLOC lists, by decision year (missing years last).

    Returns
    -------
    DataFrame
        ``decision_year`` (a year, or missing where the list gives none) and
        ``cases``, oldest year first.
    """
    years = cases.loc[cases["jurisdiction"] == country, "decision_year"].astype("Int64")
    counts = years.value_counts(dropna=False)
    order = sorted(counts.index, key=lambda y: (pd.isna(y), 0 if pd.isna(y) else int(y)))
    return pd.DataFrame({"decision_year": pd.array(order, dtype="Int64"),
                         "cases": [int(counts[y]) for y in order]})
