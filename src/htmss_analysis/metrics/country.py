"""What a country brief counts: the section's work in one country and with its people.

Pure counting, as the rest of the metrics: a function of (data, year, country,
programme) returning frames, no formatting and no I/O. ``country`` is an ISO3
code (:func:`htmss_analysis.countries.to_iso3` turns names into codes); the
country figures themselves are :data:`htmss_analysis.indicators.COUNTRY_REGISTRY`.
"""

from __future__ import annotations

import pandas as pd

from .. import languages, programmes, sdg
from ..frames import returns_frame
from ..indicators import (
    SUPPRESSED,
    VICTIM_GROUPS,
    _cases,
    _of,
    _party,
    activities,
    attendances,
    trained,
)
from ..languages import _
from ..loaders import Dataset

BY = ("programme", "activity_type", "level")
"""What activities in a country are counted by."""


def _host(code: object) -> str:
    """Name the host country in the current language (see :mod:`htmss_analysis.languages`)."""
    if isinstance(code, str):
        return languages.country_name(code)
    return _("no country (online or global)")


@returns_frame
def activities_in(data: Dataset, year: int, country: str, programme: str | None = None
                  ) -> pd.DataFrame:
    """Return the activities starting in ``year`` whose country is ``country``, by start date.

    Returns
    -------
    DataFrame
        ``activity_id``, ``start``, ``title``, ``activity_type``, ``level``,
        ``role``, ``programmes`` (labels).
    """
    acts = activities(data, year, programme)
    acts = acts[acts["country"] == country].sort_values(["start_date", "activity_id"])
    return pd.DataFrame({
        "activity_id": acts["activity_id"], "start": acts["start_date"].dt.strftime("%Y-%m-%d"),
        "title": acts["title"], "activity_type": acts["activity_type"], "level": acts["level"],
        "role": acts["role"], "programmes": acts["programme"].map(programmes.labels),
    }).reset_index(drop=True)


@returns_frame
def activities_by(data: Dataset, year: int, country: str, by: str,
                  programme: str | None = None) -> pd.DataFrame:
    """Count the activities in ``country`` by ``programme``, ``activity_type`` or ``level``.

    A joint activity counts once for each programme taking part, so the
    programme column can add up to more than the activities.
    """
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    acts = activities(data, year, programme)
    acts = acts[acts["country"] == country]
    if by == "programme":
        values = acts["programme"].explode().map(programmes.label)
    else:
        values = acts[by]
    counts = values.value_counts()
    out = pd.DataFrame({by: counts.index, "activities": counts.to_numpy(dtype="int64")})
    return out.sort_values(["activities", by], ascending=[False, True]).reset_index(drop=True)


@returns_frame
def people_by(data: Dataset, year: int, country: str, by: str, programme: str | None = None
              ) -> pd.DataFrame:
    """Distinct people of ``country``'s nationality trained in ``year``, by ``sex`` or ``group``.

    A person whose attendances differ in the column counts under each value.
    """
    rows = trained(data, year, programme)
    rows = rows[rows["nationality"] == country]
    if rows.empty:
        return pd.DataFrame({by: pd.Series([], dtype=object),
                             "people": pd.Series([], dtype="int64")})
    counts = rows.groupby(by, dropna=False)["participant_id"].nunique()
    out = pd.DataFrame({by: counts.index.map(lambda v: "unknown" if pd.isna(v) else v),
                        "people": counts.to_numpy(dtype="int64")})
    return out.sort_values(["people", by], ascending=[False, True]).reset_index(drop=True)


@returns_frame
def activities_abroad(data: Dataset, year: int, country: str, programme: str | None = None
                      ) -> pd.DataFrame:
    """Return the activities elsewhere that people of ``country`` attended, by start date.

    Activities starting in ``year``, of any type and level, held in another
    country or in none (online, global), with at least one participant of the
    country's nationality.

    Returns
    -------
    DataFrame
        ``activity_id``, ``start``, ``title``, ``host`` (country name),
        ``activity_type``, ``level``, ``programmes``, ``participants`` (distinct
        people of the country at it).
    """
    rows = attendances(data, activities(data, year, programme))
    rows = rows[(rows["nationality"] == country) & (rows["country"] != country)]
    people = rows.groupby("activity_id")["participant_id"].nunique()
    acts = data.activities.set_index("activity_id").loc[people.index].reset_index()
    out = pd.DataFrame({
        "activity_id": acts["activity_id"], "start": acts["start_date"].dt.strftime("%Y-%m-%d"),
        "title": acts["title"], "host": acts["country"].map(_host),
        "activity_type": acts["activity_type"], "level": acts["level"],
        "programmes": acts["programme"].map(programmes.labels),
        "participants": people.to_numpy(dtype="int64"),
    })
    return out.sort_values(["start", "activity_id"]).reset_index(drop=True)


@returns_frame
def cases_by_database(data: Dataset, year: int, country: str, programme: str | None = None
                      ) -> pd.DataFrame:
    """Cases with ``country``'s jurisdiction added in ``year``, by database (TIP, then SOM)."""
    cases = _cases(data, year, programme)
    cases = cases[cases["jurisdiction"] == country]
    counts = cases["database"].value_counts().reindex(["TIP", "SOM"], fill_value=0)
    return pd.DataFrame({"database": counts.index, "cases": counts.to_numpy(dtype="int64")})


@returns_frame
def sdg_targets(data: Dataset, year: int, country: str, programme: str | None = None
                ) -> pd.DataFrame:
    """SDG targets named by the activities in ``country`` starting in ``year``, UN order.

    Returns
    -------
    DataFrame
        ``target``, ``title`` (official wording, see :func:`htmss_analysis.sdg.describe`),
        ``activities``.
    """
    acts = activities(data, year, programme)
    rows = acts.loc[acts["country"] == country, ["activity_id", "sdg_targets"]]
    rows = rows.explode("sdg_targets").dropna(subset=["sdg_targets"])
    counts = rows.groupby("sdg_targets")["activity_id"].nunique()
    order = sorted(counts.index, key=sdg.TARGETS.index)
    return pd.DataFrame({"target": order, "title": [sdg.describe(t) for t in order],
                         "activities": [int(counts[t]) for t in order]})


@returns_frame
def stories(data: Dataset, year: int, country: str, programme: str | None = None
            ) -> pd.DataFrame:
    """Return the results stories of ``year`` that name ``country``."""
    rows = _of(data.stories, programme)
    rows = rows[(rows["year"] == year) & rows["country"].map(lambda cs: country in cs)]
    return pd.DataFrame({
        "story_id": rows["story_id"], "title": rows["title"], "summary": rows["summary"],
        "countries": rows["country"].map(
            lambda cs: ", ".join(languages.country_name(c) for c in cs)),
        "programmes": rows["programme"].map(programmes.labels), "figure": rows["figure"],
        "unit": rows["unit"], "sdg_targets": rows["sdg_targets"],
    }).reset_index(drop=True)


# --- public data -------------------------------------------------------------------


@returns_frame
def victims_over_years(glotip: pd.DataFrame, country: str) -> pd.DataFrame:
    """Return ``country``'s detected trafficking victims in every GLOTIP year, by sex and age.

    Returns
    -------
    DataFrame
        ``year``, then ``victims``, ``women``, ``men``, ``girls``, ``boys``:
        a number, ``"<5"`` where the publisher suppressed a count of 1 to 4,
        or missing where not reported. Oldest year first.
    """
    from ..sources import detected_victims_all_years

    rows = detected_victims_all_years(glotip, country)
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
def treaty_status(treaties: dict[str, pd.DataFrame], country: str) -> pd.DataFrame:
    """Whether ``country`` is party to each treaty given, since when and by what action.

    Parameters
    ----------
    treaties : dict
        Public-source key (``treaty_tip``...) to its status frame
        (:func:`htmss_analysis.load_treaty_status`).
    country : str
        ISO3 code.

    Returns
    -------
    DataFrame
        ``key``, ``party`` (bool), ``since`` (consent date, or NaT), ``action``.
    """
    rows = []
    for key, status in treaties.items():
        party, since, action = _party(status, country)
        rows.append({"key": key, "party": party, "since": since, "action": action})
    return pd.DataFrame(rows, columns=["key", "party", "since", "action"])


@returns_frame
def sherloc_cases(cases: pd.DataFrame, country: str) -> pd.DataFrame:
    """``country``'s cases in the SHERLOC lists, by decision year (missing years last).

    Returns
    -------
    DataFrame
        ``decision_year`` (text, ``unknown`` where the list gives none), ``cases``.
    """
    mine = cases[cases["jurisdiction"] == country]
    years = mine["decision_year"].map(lambda y: "unknown" if pd.isna(y) else str(int(y)))
    counts = years.value_counts()
    order = sorted(counts.index, key=lambda y: (y == "unknown", y))
    return pd.DataFrame({"decision_year": order, "cases": [int(counts[y]) for y in order]})
