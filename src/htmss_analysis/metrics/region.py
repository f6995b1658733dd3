"""What a regional brief counts: the section's work in the countries of one region.

Pure counting, as :mod:`.country`: functions of (data, scope) returning frames
of typed columns; the scope names the year, the programme and the region, a UN M49 code
(:func:`htmss_analysis.countries.region_of`: the intermediate region where
there is one, else the sub-region); the regional figures themselves are
declared in :data:`htmss_analysis.metrics.figures.REGION_REGISTRY`.
"""

from __future__ import annotations

import pandas as pd

from .. import countries
from ..data.load import Dataset
from ..frames import returns_frame
from . import breakdowns, select
from .country import worked_in
from .figures import REGION_REGISTRY, compute_region, country_figures
from .scope import Scope


def worked_regions(data: Dataset, scope: Scope) -> list[str]:
    """Return the M49 codes of the regions where the section worked in ``year``, by code.

    A region where an activity of the year, of any level, type or role, was
    held in one of its countries: the regions briefed by default.
    """
    return sorted({code for c in worked_in(data, scope)
                   if (code := countries.region_of(c))})


@returns_frame
def countries_in(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Return the countries of ``region`` with a non-zero country figure in ``year``.

    Returns
    -------
    DataFrame
        ``iso3``, then one column per country figure, by ISO3 code.
    """
    year, region, programme = scope.year, scope.needs("region"), scope.programme
    every = country_figures(data, year, programme)
    return every[every["iso3"].isin(countries.in_region(region))].reset_index(drop=True)


@returns_frame
def activities_in(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Return the activities starting in ``year`` held in a country of ``region``, by date.

    Returns
    -------
    DataFrame
        ``activity_id``, ``start`` (date), ``title``, ``country`` (ISO3),
        ``activity_type``, ``level``, ``programmes`` (codes), and the
        title's translations.
    """
    region = scope.needs("region")
    acts = select.activities(data, scope)
    acts = acts[acts["country"].isin(countries.in_region(region))]
    acts = acts.sort_values(["start_date", "activity_id"])
    out = pd.DataFrame({
        "activity_id": acts["activity_id"], "start": acts["start_date"], "title": acts["title"],
        "country": acts["country"], "activity_type": acts["activity_type"],
        "level": acts["level"], "programmes": acts["programme"],
    })
    return out.join(acts[select.translations(acts, "title")]).reset_index(drop=True)


@returns_frame
def stories(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Return the results stories of ``year`` that name a country of ``region``."""
    region = scope.needs("region")
    members = countries.in_region(region)
    frame = breakdowns.stories(data, scope)
    return frame[frame["countries"].map(lambda cs: bool(members & set(cs)))].reset_index(
        drop=True)


@returns_frame
def region_figures(data: Dataset, scope: Scope, regions: list[str]) -> pd.DataFrame:
    """Return the regional figures of each of ``regions`` in ``year``, by code.

    Returns
    -------
    DataFrame
        ``region`` (M49 code), then one column per key of :data:`REGION_REGISTRY`.
    """
    year, programme = scope.year, scope.programme
    rows = [{"region": code, **compute_region(data, year, code, programme)}
            for code in sorted(regions)]
    return pd.DataFrame(rows, columns=["region", *REGION_REGISTRY]).astype(
        {k: "int64" for k in REGION_REGISTRY})
