"""Links between records (contract version 3), checked once the tables are loaded.

A results row may name a headline figure (``results.figure``): its actual is
then the figure computed from the records, and a typed actual that differs is
a warning. A story may name the activities it reports on
(``stories.activity_ids``): an unknown id is an error, and a story naming a
programme none of its activities has is a warning.

These rules count figures, so they sit above both the loader and the
metrics: :func:`load` is the package's ``load``, the loader's validated tables
with their links checked.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .data import schema
from .data.load import Dataset
from .data.load import load as load_tables
from .marks import N_
from .metrics.figures import REGISTRY, attributed
from .problems import DataError, Problem, warning


def load(path: str | Path | None = None) -> Dataset:
    """Load a data folder as :func:`htmss_analysis.data.load.load` does, then check its links.

    Raises :class:`~htmss_analysis.problems.DataError` for the loader's errors
    and for links to records that do not exist; links that disagree are
    warnings on the returned :class:`~htmss_analysis.data.load.Dataset`.
    """
    data = load_tables(path)
    if data.memo.get("links checked"):  # a build kernel's dataset, shared by its reports
        return data
    labels = {s.table: s.label for s in data.sources}
    errors = unknown(data, labels)
    if errors:
        raise DataError(errors)
    data.warnings.extend(disagreeing(data, labels))
    data.memo["links checked"] = True
    return data


def unknown(data: Dataset, labels: dict[str, str]) -> list[Problem]:
    """Errors: a story naming an activity that does not exist, a result naming no figure."""
    problems = []
    known = {schema.id_key(a) for a in data.activities["activity_id"].dropna()}
    for row, ids in data.stories["activity_ids"].items():
        for ident in ids or ():
            if schema.id_key(ident) not in known:
                problems.append(Problem(labels.get("stories", "stories"), int(row),
                                        "activity_ids", ident,
                                        "an activity_id of the activities table"))
    for row, key in data.results["figure"].items():
        if isinstance(key, str) and key and key not in REGISTRY:
            problems.append(Problem(labels.get("results", "results"), int(row), "figure", key,
                                    f"a headline figure key ({', '.join(REGISTRY)})"))
    return problems


def disagreeing(data: Dataset, labels: dict[str, str]) -> list[Problem]:
    """Warnings: a story's programmes not among its activities', a typed actual that differs."""
    problems = []
    acts = data.activities
    programmes_of = dict(zip(acts["activity_id"].map(schema.id_key), acts["programme"],
                             strict=True))
    for row, story in data.stories.iterrows():
        if not story["activity_ids"]:
            continue
        theirs = {p for a in story["activity_ids"] for p in programmes_of[schema.id_key(a)]}
        strays = sorted(set(story["programme"]) - theirs)
        if strays:
            problems.append(warning(
                labels.get("stories", "stories"), int(row), "programme", ";".join(strays),
                N_("story {story} names {strays}, not among its activities' programmes "
                   "({theirs})"), story=story["story_id"], strays=", ".join(strays),
                theirs=", ".join(sorted(theirs))))
    for row, result in data.results.iterrows():
        key = result["figure"]
        if not (isinstance(key, str) and key in REGISTRY):
            continue
        label = labels.get("results", "results")
        if schema.is_percent_unit(str(result["unit"] or "")):
            problems.append(warning(
                label, int(row), "unit", str(result["unit"]),
                N_("a percentage, but linked to {figure}, a count: the progress compares a "
                   "count with a baseline and target in percent; link no figure, or give "
                   "the unit of {figure}"), figure=key))
        if not attributed(data, key, result["programme"]):
            problems.append(warning(
                label, int(row), "figure", key,
                N_("{figure} is not attributed to {programme} (no row of it names the "
                   "programme): the row has no actual"), figure=key,
                programme=str(result["programme"])))
            continue
        if pd.isna(result["actual"]):
            continue
        computed = REGISTRY[key].count(data, int(result["year"]), result["programme"])
        if result["actual"] != computed:
            problems.append(warning(
                label, int(row), "actual", full(result["actual"]),
                N_("actual {typed} differs from {figure} computed from the records, "
                   "{computed}; the computed figure is used"), typed=full(result["actual"]),
                figure=key, computed=full(computed)))
    return problems


def full(value: float) -> str:
    """Write a number in full for a message: ``1,234,567``, ``12.5`` (never ``1.23457e+06``)."""
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,}"
