"""Results frameworks against UNDP's rule: how far from baseline to target each actual went.

Pure counting: status colours are codes (``green``, ``amber``, ``red``,
``grey``); the report names them.
"""

from __future__ import annotations

import pandas as pd

from ..data.load import Dataset
from ..frames import returns_frame
from ..programmes import programme_code
from .figures import REGISTRY, attributed, recorded_in
from .scope import Scope
from .select import translations


@returns_frame
def results_status(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Return the results framework of ``year`` with progress and a status colour.

    Progress is the share of the way from baseline to target reached by the
    actual (UNDP's rule): green at 100% or more, amber 50-99%, red under 50%,
    grey without an actual. A ``decrease`` indicator counts the other way, so
    the same formula serves both directions. A row linked to a headline
    figure takes it as its actual, unless ``actual_note`` says why not
    (``not_attributed``, ``no_records``): the actual is then missing.
    """
    year, programme = scope.year, scope.programme
    res = data.results
    if programme_code(programme) is not None:
        res = res[res["programme"] == programme_code(programme)]
    res = res[res["year"] == year].copy()
    # A row linked to a headline figure (contract version 3) has the figure as its actual.
    linked = pd.Series([isinstance(k, str) and k in REGISTRY for k in res["figure"]],
                       index=res.index, dtype=bool)
    # Unless the figure is never given the programme, or no row of the year could count
    # it: then the actual is unknown (a code says why), never a 0 that reads as a result.
    res["actual_note"] = [
        "" if not is_linked else "not_attributed" if not attributed(data, k, p)
        else "no_records" if not recorded_in(data, k, year, p) else ""
        for is_linked, k, p in zip(linked, res["figure"], res["programme"], strict=True)]
    counted = linked & res["actual_note"].eq("")
    res.loc[counted, "actual"] = [REGISTRY[k].count(data, year, p) for k, p in
                                  zip(res.loc[counted, "figure"],
                                      res.loc[counted, "programme"], strict=True)]
    res.loc[linked & ~counted, "actual"] = float("nan")
    res["progress"] = [progress(b, t, a) for b, t, a in
                       zip(res["baseline"], res["target"], res["actual"], strict=True)]
    res["status"] = res["progress"].map(status)
    cols = ["programme", "result_id", "level", "indicator", "unit", "direction", "baseline",
            "target", "actual", "actual_note", "progress", "status",
            *translations(res, "indicator", "unit")]
    return res[cols].sort_values(["programme", "level", "result_id"]).reset_index(drop=True)


def progress(baseline: float, target: float, actual: float) -> float:
    """Share of the way from baseline to target that ``actual`` has gone (NaN without actual).

    For a decrease indicator the target is below the baseline, and the same
    ratio holds. A target equal to its baseline is met (1.0) when the actual
    reaches it.
    """
    if pd.isna(actual):
        return float("nan")
    span = target - baseline
    if span == 0:
        return 1.0 if actual == target else 0.0
    return (actual - baseline) / span


def status(share: float) -> str:
    """UNDP traffic-light status of a progress share."""
    if pd.isna(share):
        return "grey"
    if share >= 1:
        return "green"
    if share >= 0.5:
        return "amber"
    return "red"
