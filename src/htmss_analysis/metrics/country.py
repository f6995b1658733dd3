"""What a country brief counts: the section's work in one country and with its people.

Pure counting, as the rest of the metrics: a function of (data, scope) returning
frames of typed columns (dates, ISO3 codes, programme codes, the contract's
coded values), no formatting and no I/O. The scope (:class:`.scope.Scope`,
made and checked at the report's door) names the year, the programme and the
country, as an ISO3 code; the country figures themselves are declared in
:data:`htmss_analysis.metrics.figures.COUNTRY_REGISTRY`.
"""

from __future__ import annotations

import pandas as pd

from .. import sdg
from ..data.load import Dataset
from ..frames import returns_frame
from . import breakdowns, select
from .figures import country_figures, records_of
from .scope import Scope

BY = ("programme", "activity_type", "level")
"""What activities in a country are counted by."""


@returns_frame
def activities_in(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Return the activities starting in ``year`` whose country is ``country``, by start date.

    Returns
    -------
    DataFrame
        ``activity_id``, ``start`` (date), ``title``, ``activity_type``,
        ``level``, ``role``, ``programmes`` (codes).
    """
    country = scope.needs("country")
    acts = select.activities(data, scope)
    acts = acts[acts["country"] == country].sort_values(["start_date", "activity_id"])
    out = pd.DataFrame({
        "activity_id": acts["activity_id"], "start": acts["start_date"], "title": acts["title"],
        "activity_type": acts["activity_type"], "level": acts["level"], "role": acts["role"],
        "programmes": acts["programme"],
    })
    return out.join(acts[select.translations(acts, "title")]).reset_index(drop=True)


@returns_frame
def activities_by(data: Dataset, scope: Scope, by: str) -> pd.DataFrame:
    """Count the activities in ``country`` by ``programme`` (codes), ``activity_type`` or ``level``.

    A joint activity counts once for each programme taking part, so the
    programme column can add up to more than the activities.
    """
    country = scope.needs("country")
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    acts = select.activities(data, scope)
    acts = acts[acts["country"] == country]
    values = acts["programme"].explode() if by == "programme" else acts[by]
    counts = values.value_counts()
    out = pd.DataFrame({by: counts.index, "activities": counts.to_numpy(dtype="int64")})
    return out.sort_values(["activities", by], ascending=[False, True]).reset_index(drop=True)


@returns_frame
def people_by(data: Dataset, scope: Scope, by: str) -> pd.DataFrame:
    """Distinct people of ``country``'s nationality trained in ``year``, by ``sex`` or ``group``.

    A person whose attendances differ in the column counts under each value;
    a blank value is ``unknown``, as the contract's coded values write it.
    """
    year, country, programme = scope.year, scope.needs("country"), scope.programme
    rows = records_of(data, "people_trained", year, programme)
    rows = rows[rows["nationality"] == country]
    if rows.empty:
        return pd.DataFrame({by: pd.Series([], dtype=object),
                             "people": pd.Series([], dtype="int64")})
    counts = rows.groupby(by, dropna=False)["participant_id"].nunique()
    out = pd.DataFrame({by: counts.index.map(lambda v: "unknown" if pd.isna(v) else v),
                        "people": counts.to_numpy(dtype="int64")})
    return out.sort_values(["people", by], ascending=[False, True]).reset_index(drop=True)


@returns_frame
def activities_abroad(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Return the activities elsewhere that people of ``country`` attended, by start date.

    Activities starting in ``year``, of any type and level, held in another
    country or in none (online, global), with at least one participant of the
    country's nationality.

    Returns
    -------
    DataFrame
        ``activity_id``, ``start`` (date), ``title``, ``host`` (ISO3 code, or
        missing for none), ``activity_type``, ``level``, ``programmes``
        (codes), ``participants`` (distinct people of the country at it).
    """
    country = scope.needs("country")
    rows = select.attendances(data, select.activities(data, scope))
    rows = rows[(rows["nationality"] == country) & (rows["country"] != country)]
    people = rows.groupby("activity_id")["participant_id"].nunique()
    acts = data.activities.set_index("activity_id").loc[people.index].reset_index()
    out = pd.DataFrame({
        "activity_id": acts["activity_id"], "start": acts["start_date"], "title": acts["title"],
        "host": acts["country"], "activity_type": acts["activity_type"], "level": acts["level"],
        "programmes": acts["programme"], "participants": people.to_numpy(dtype="int64"),
    })
    out = out.join(acts[select.translations(acts, "title")])
    return out.sort_values(["start", "activity_id"]).reset_index(drop=True)


@returns_frame
def cases_by_database(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Cases with ``country``'s jurisdiction added in ``year``, by database (TIP, then SOM)."""
    country = scope.needs("country")
    cases = select.cases(data, scope)
    cases = cases[cases["jurisdiction"] == country]
    counts = cases["database"].value_counts().reindex(["TIP", "SOM"], fill_value=0)
    return pd.DataFrame({"database": counts.index, "cases": counts.to_numpy(dtype="int64")})


@returns_frame
def sdg_targets(data: Dataset, scope: Scope) -> pd.DataFrame:
    """SDG targets named by the activities in ``country`` starting in ``year``, UN order.

    Returns
    -------
    DataFrame
        ``target``, ``activities``.
    """
    country = scope.needs("country")
    acts = select.activities(data, scope)
    rows = acts.loc[acts["country"] == country, ["activity_id", "sdg_targets"]]
    rows = rows.explode("sdg_targets").dropna(subset=["sdg_targets"])
    counts = rows.groupby("sdg_targets")["activity_id"].nunique()
    order = sorted(counts.index, key=sdg.TARGETS.index)
    return pd.DataFrame({"target": order, "activities": [int(counts[t]) for t in order]})


@returns_frame
def stories(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Return the results stories of ``year`` that name ``country`` (as :func:`.stories`)."""
    country = scope.needs("country")
    frame = breakdowns.stories(data, scope)
    return frame[frame["countries"].map(lambda cs: country in cs)].reset_index(drop=True)


# --- which countries get a brief ---------------------------------------------------------

GROUPS = ("assisted", "activities", "abroad", "cases")
"""The groups of countries with a country figure in a year, in the index's order.

``assisted``: national capacity building held in the country; ``activities``:
other activities held there (regional or global events it hosted, national
activities other than capacity building); ``abroad``: no activity held there,
but people of its nationality attended activities elsewhere; ``cases``: only
cases of its jurisdiction added to the case law databases.
"""

WORKED = ("assisted", "activities")
"""The groups where the section worked in the year: a brief by default."""


@returns_frame
def groups(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Put every country with a non-zero country figure in ``year`` in one of :data:`GROUPS`.

    Returns
    -------
    DataFrame
        ``iso3``, ``group``, by ISO3 code.
    """
    year, programme = scope.year, scope.programme
    every = country_figures(data, year, programme)
    group = pd.Series("cases", index=every.index, dtype=object)
    group[every["activities_attended"] > 0] = "abroad"
    group[every["activities_in_country"] > 0] = "activities"
    group[every["capacity_building_in_country"] > 0] = "assisted"
    return pd.DataFrame({"iso3": every["iso3"].to_numpy(), "group": group.to_numpy()})


def worked_in(data: Dataset, scope: Scope) -> list[str]:
    """Return the ISO3 codes of the countries where the section worked in ``year``.

    An activity of any level, type or role held in the country (national
    capacity building there included): the countries briefed by default.
    """
    frame = groups(data, scope)
    return list(frame.loc[frame["group"].isin(WORKED), "iso3"])
