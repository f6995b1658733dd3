"""Every figure traced back to its records, and its rule as a waterfall of steps.

:func:`trace` takes a figure's declaration (:mod:`.figures`: the table it
starts from, its named steps in order, what it measures), applies the steps
one by one keeping the number of rows left after each (the waterfall), then
lists the records: one per distinct value counted with the file and rows it
appears in, or one per row summed with its value. The steps are the very ones
:meth:`~.figures.Figure.count` applies, so the records always make the figure.

People appear as their pseudonymous ``participant_id``: personal data is
dropped on reading and never reaches a record.

The waterfall's steps are values (:class:`Read`, :class:`Used`, the figure's
own :class:`~.figures.Step`, :class:`Measured`); their words are made in
:mod:`htmss_analysis.report.rules`, whose ``explain`` is the analyst's.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data.load import Dataset, set_aside_reasons
from ..frames import Frame
from ..programmes import programme_code
from .figures import COUNTRY_REGISTRY, REGION_REGISTRY, REGISTRY, Figure, Scope, records_table


@dataclass(frozen=True)
class Read:
    """The first step: the rows (attendances) read from ``file``; ``None``: the table is absent."""

    table: str
    file: str | None


@dataclass(frozen=True)
class Used:
    """The rows used; ``aside`` set aside for ``reasons``: ``(code, count)`` of SET_ASIDE."""

    table: str
    aside: int
    reasons: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Measured:
    """The last step: what the figure measures (distinct values, or a sum)."""

    figure: Figure

# --- applying a rule ----------------------------------------------------------------


def _file(data: Dataset, table: str) -> str | None:
    """Return the file a table was read from (``[sheet]`` of a workbook); None: absent."""
    for source in data.sources:
        if source.table == table:
            return source.path.name + (f"[{source.sheet}]" if source.sheet else "")
    return None


def _records_table(data: Dataset, table: str) -> pd.DataFrame:
    """Return the rows a figure starts from, each with ``_row``: its row number in the file."""
    frame = records_table(data, table)
    return frame.assign(_row=frame.index)


def _read(data: Dataset, table: str, used: int) -> list[tuple[object, int]]:
    """Return the first steps: rows read from the file, and used if some were set aside."""
    acc = data.accounting
    row = acc[acc["table"] == table] if "table" in acc else acc.iloc[0:0]
    if row.empty:
        return [(Read(table, None), used)]
    read, aside = int(row["rows_read"].iloc[0]), int(row["rows_set_aside"].iloc[0])
    steps: list[tuple[object, int]] = [(Read(table, _file(data, table)), read)]
    if aside:
        steps.append((Used(table, aside, tuple(set_aside_reasons(row.iloc[0]))), used))
    return steps


def rule(key: str, country: bool = False, region: bool = False) -> Figure:
    """Return the declaration of figure ``key`` (a country's, a region's); KeyError if none."""
    rules = REGION_REGISTRY if region else COUNTRY_REGISTRY if country else REGISTRY
    if key not in rules:
        known = ", ".join(rules)
        which = "regional " if region else "country " if country else ""
        raise KeyError(f"no {which}figure {key!r}: expected one of {known}")
    return rules[key]


def trace(data: Dataset, key: str, year: int, programme: str | None = None,
          country: str | None = None, region: str | None = None) -> Frame:
    """Return the records that make figure ``key``, with the rule's steps as values.

    Parameters
    ----------
    data : Dataset
        Loaded data.
    key : str
        A key of the registry, or with ``country`` of the country figures.
    year : int
        Reporting year.
    programme : str, optional
        Programme code; ``None`` or ``"all"`` for the section as a whole.
    country : str, optional
        ISO3 code: explain a country figure.
    region : str, optional
        UN M49 code: explain a regional figure.

    Returns
    -------
    Frame
        One row per record: ``id`` (the value counted, or for a sum the row's
        site or account and month), ``file``, ``row`` (the first row it
        appears in), ``rows`` (every row, as text), ``value`` (1 for a
        distinct count; the summed value for a sum). Its ``attrs`` hold
        ``steps`` (a frame of ``step``, a value of the waterfall, and ``rows``
        left after it), ``value`` (the figure), ``measure``, ``key`` and
        ``scope``.
    """
    scope = Scope(year, programme_code(programme), country, region)
    figure = rule(key, country is not None, region is not None)
    start, frame, kept, rest = _before_country(data, figure, scope)
    steps = _read(data, figure.table, start)
    steps += kept
    for step in rest:
        if not figure.applies(step, scope):
            continue
        frame = frame[step.keep(frame, scope).to_numpy(dtype=bool)]
        steps.append((step, len(frame)))
    records = _measure(figure, frame, _file(data, figure.table) or figure.table)
    value = len(records) if figure.measure == "distinct" else int(records["value"].sum())
    steps.append((Measured(figure), value))
    out = Frame(records)
    out.attrs.update(key=key, value=value, measure=figure.measure, scope=scope,
                     steps=pd.DataFrame(steps, columns=["step", "rows"]))
    return out


def _before_country(data: Dataset, rule: Figure, scope: Scope) -> tuple:
    """Apply a rule's steps up to its country step; return what every country shares.

    ``(rows read, rows left, [(step, rows left after it)], steps still to apply)``.
    For a country figure these first steps (the year, the programme) are the
    same for every country: they run once per dataset, year and programme,
    and every country's explanation starts from their rows.
    """
    cut = next((i for i, s in enumerate(rule.steps) if s.when in ("country", "region")),
               len(rule.steps))
    if scope.country is None and scope.region is None:
        cut = 0  # a figure of the section or a programme: explained once, nothing to share
    memo_key = ("explained before country", rule.part, rule.key, scope.year, scope.programme)
    if cut and memo_key in data.memo:
        start, frame, kept = data.memo[memo_key]
        return start, frame, kept, rule.steps[cut:]
    frame = _records_table(data, rule.table)
    start, kept = len(frame), []
    for step in rule.steps[:cut]:
        if rule.applies(step, scope):
            frame = frame[step.keep(frame, scope).to_numpy(dtype=bool)]
            kept.append((step, len(frame)))
    if cut:
        data.memo[memo_key] = (start, frame, kept)
    return start, frame, kept, rule.steps[cut:]


def _measure(rule: Figure, frame: pd.DataFrame, file: str) -> pd.DataFrame:
    columns = ["id", "file", "row", "rows", "value"]
    if frame.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    if rule.measure == "sum":
        where, month = rule.ident  # the site or account, and the month
        ids = frame[where].astype(str) + " " + frame[month].dt.strftime("%Y-%m")
        out = pd.DataFrame({"id": ids.to_numpy(), "file": file, "row": frame["_row"].to_numpy(),
                            "rows": frame["_row"].astype(str).to_numpy(),
                            "value": frame[rule.column].astype("int64").to_numpy()})
        return out.sort_values(["id", "row"]).reset_index(drop=True)
    ident = (frame[list(rule.ident)].astype(str).agg(" ".join, axis=1) if rule.ident
             else frame[rule.column].astype(str))
    grouped = frame["_row"].groupby(ident.to_numpy())
    rows = grouped.apply(lambda r: ", ".join(str(x) for x in sorted(r)))
    first = grouped.min()
    out = pd.DataFrame({"id": rows.index, "file": file, "row": first.to_numpy(),
                        "rows": rows.to_numpy(), "value": 1})
    return out.sort_values("id").reset_index(drop=True)
