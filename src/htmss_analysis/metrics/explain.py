"""Every figure traced back to its records, and the rule as a waterfall of steps.

Each figure of :data:`htmss_analysis.indicators.REGISTRY` and
:data:`~htmss_analysis.indicators.COUNTRY_REGISTRY` has a :class:`Rule` here:
the table it starts from, the filters of its definition in order, and what it
measures (distinct values of a column, or a sum). :func:`explain` applies the
rule and keeps, after each filter, the number of rows left (the waterfall),
then lists the records: one per distinct value counted with the file and rows
it appears in, or one per row summed with its value. The number of records (or
the sum of their values) is the figure; a test checks it against
:func:`~htmss_analysis.indicators.compute` for every key.

People appear as their pseudonymous ``participant_id``: personal data is
dropped on reading and never reaches a record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .. import indicators
from ..frames import Frame
from ..languages import N_, _, number
from ..loaders import Dataset, reasons_in_words
from ..programmes import label, programme_code
from ..schema import CAPACITY_BUILDING

Mask = Callable[[pd.DataFrame, "Scope"], pd.Series]


@dataclass(frozen=True)
class Scope:
    """What a figure is asked for: the year, and a programme and country or not."""

    year: int
    programme: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Step:
    """One filter of a rule: the words of the waterfall and the rows it keeps."""

    words: str
    keep: Mask
    when: str = ""  # "programme" or "country": the step applies only when that is asked for
    fill: tuple[tuple[str, str], ...] = ()  # the values of the words' {fields}

    def text(self) -> str:
        """Return the step's words in the current language, fields filled in."""
        return _(self.words).format(**dict(self.fill))


@dataclass(frozen=True)
class Rule:
    """How a figure is made from the records.

    Attributes
    ----------
    table : str
        The contract table whose rows are the records (``participants``
        rows are attendances, with their activity's columns joined).
    steps : tuple of Step
        The filters, in the order the definition applies them.
    measure : str
        ``distinct`` (count distinct values of ``column``) or ``sum``
        (add up ``column``).
    column : str
        The column counted or summed.
    ident : tuple of str
        For a sum, the columns naming each row (site and month); for a
        distinct count of cases, the key columns.
    """

    table: str
    steps: tuple[Step, ...]
    measure: str
    column: str
    ident: tuple[str, ...] = ()


# --- the filters the rules share -------------------------------------------------------


def _year_of(column: str) -> Mask:
    return lambda f, s: f[column].dt.year == s.year


def _programme_among(f: pd.DataFrame, s: Scope) -> pd.Series:
    return f["programme"].map(lambda v: s.programme in v if isinstance(v, tuple)
                              else v == s.programme).astype(bool)


def _programme_exactly(f: pd.DataFrame, s: Scope) -> pd.Series:
    # Web rows with no programme are the section's, never one programme's.
    return f["programme"] == s.programme


def _equals(column: str, value: object) -> Mask:
    return lambda f, s: f[column] == value


def _in(column: str, values: tuple | frozenset) -> Mask:
    return lambda f, s: f[column].isin(values)


def _known(column: str) -> Mask:
    return lambda f, s: f[column].notna()


def _country_is(column: str) -> Mask:
    return lambda f, s: f[column] == s.country


def _of_programme(exact: bool = False) -> Step:
    return Step(N_("of the programme"), _programme_exactly if exact else _programme_among,
                "programme")


STARTING = Step(N_("starting in the year"), _year_of("start_date"))
CB = Step(N_("capacity building (training, training of trainers, mentoring, e-learning, "
          "workshop)"), _in("activity_type", tuple(sorted(CAPACITY_BUILDING))))
NATIONAL = Step(N_("national level"), _equals("level", "national"))
NATIONAL_REGIONAL = Step(N_("national or regional level"), _in("level", ("national", "regional")))


def _published(column: str = "published_date") -> Step:
    return Step(N_("published in the year"), _year_of(column))


RULES: dict[str, Rule] = {
    "technical_cooperation_activities": Rule(
        "activities", (STARTING, _of_programme(), NATIONAL_REGIONAL), "distinct",
        "activity_id"),
    "countries_assisted": Rule(
        "activities", (STARTING, _of_programme(), CB, NATIONAL,
                       Step(N_("country given"), _known("country"))), "distinct", "country"),
    "countries_represented": Rule(
        "participants", (Step(N_("at activities starting in the year"), _year_of("start_date")),
                         _of_programme(), CB, NATIONAL_REGIONAL,
                         Step(N_("nationality known"), _known("nationality"))),
        "distinct", "nationality"),
    "people_trained": Rule(
        "participants", (Step(N_("at activities starting in the year"), _year_of("start_date")),
                         _of_programme(), CB), "distinct", "participant_id"),
    "tools_and_publications": Rule(
        "publications", (_published(), _of_programme(),
                         Step(N_("not a teaching module"), lambda f, s: f["category"]
                              != indicators.TEACHING_MODULE)), "distinct", "publication_id"),
    "cases_added": Rule(
        "cases", (Step(N_("added in the year"), _year_of("added_date")), _of_programme()),
        "distinct", "case", ("database", "case_id")),
    "jurisdictions_tip": Rule(
        "cases", (Step(N_("added in the year"), _year_of("added_date")), _of_programme(),
                  Step(N_("TIP database"), _equals("database", "TIP")),
                  Step(N_("jurisdiction given"), _known("jurisdiction"))), "distinct",
        "jurisdiction"),
    "jurisdictions_som": Rule(
        "cases", (Step(N_("added in the year"), _year_of("added_date")), _of_programme(),
                  Step(N_("SOM database"), _equals("database", "SOM")),
                  Step(N_("jurisdiction given"), _known("jurisdiction"))), "distinct",
        "jurisdiction"),
    "web_stories": Rule(
        "web_stories", (_published(), _of_programme()), "distinct", "story_id"),
    "page_views": Rule(
        "web_traffic", (Step(N_("months of the year"), _year_of("month")),
                        _of_programme(exact=True)), "sum", "page_views", ("site", "month")),
    "social_media_posts": Rule(
        "social_media", (Step(N_("months of the year"), _year_of("month")),
                         _of_programme(exact=True)), "sum", "posts", ("account", "month")),
    "teaching_modules": Rule(
        "publications", (_published(), _of_programme(),
                         Step(N_("teaching module"), _equals("category",
                                                         indicators.TEACHING_MODULE))),
        "distinct", "publication_id"),
    **{key: Rule("engagements", (Step(N_("dated in the year"), _year_of("date")),
                                 _of_programme(),
                                 Step(N_("kind {kind}"), _equals("kind", kind),
                                      fill=(("kind", kind),))),
                 "distinct", "engagement_id")
       for key, kind, *_rest in indicators.ENGAGEMENT_FIGURES},
}
"""The rule of every headline figure, by its key."""

_IN_COUNTRY = Step(N_("in the country"), _country_is("country"), "country")
_FROM_COUNTRY = Step(N_("participant of the country's nationality"), _country_is("nationality"),
                     "country")

COUNTRY_RULES: dict[str, Rule] = {
    "activities_in_country": Rule(
        "activities", (STARTING, _of_programme(), _IN_COUNTRY), "distinct", "activity_id"),
    "capacity_building_in_country": Rule(
        "activities", (STARTING, _of_programme(), CB, NATIONAL, _IN_COUNTRY), "distinct",
        "activity_id"),
    "people_trained": Rule(
        "participants", (Step(N_("at activities starting in the year"), _year_of("start_date")),
                         _of_programme(), CB, _FROM_COUNTRY), "distinct", "participant_id"),
    "activities_attended": Rule(
        "participants", (Step(N_("at activities starting in the year"), _year_of("start_date")),
                         _of_programme(), _FROM_COUNTRY), "distinct", "activity_id"),
    "cases_added_tip": Rule(
        "cases", (Step(N_("added in the year"), _year_of("added_date")), _of_programme(),
                  Step(N_("TIP database"), _equals("database", "TIP")),
                  Step(N_("of the country's jurisdiction"), _country_is("jurisdiction"),
                       "country")), "distinct", "case", ("database", "case_id")),
    "cases_added_som": Rule(
        "cases", (Step(N_("added in the year"), _year_of("added_date")), _of_programme(),
                  Step(N_("SOM database"), _equals("database", "SOM")),
                  Step(N_("of the country's jurisdiction"), _country_is("jurisdiction"),
                       "country")), "distinct", "case", ("database", "case_id")),
}
"""The rule of every country figure, by its key."""


# --- applying a rule ----------------------------------------------------------------


def _file(data: Dataset, table: str) -> str:
    for source in data.sources:
        if source.table == table:
            return source.path.name + (f"[{source.sheet}]" if source.sheet else "")
    return _("{table} (absent)").format(table=table)


def _records_table(data: Dataset, table: str) -> pd.DataFrame:
    """Return the rows a rule starts from, each with ``_row``: its row number in the file."""
    frame = getattr(data, table).copy()
    frame["_row"] = frame.index
    if table == "participants":
        cols = ["activity_id", "activity_type", "level", "country", "programme", "start_date"]
        frame = frame.merge(data.activities[cols], on="activity_id", how="left")
    return frame


def _read(data: Dataset, table: str, used: int) -> list[tuple[str, int]]:
    """Return the first steps: rows read from the file, and used if some were set aside."""
    acc = data.accounting
    row = acc[acc["table"] == table] if "table" in acc else acc.iloc[0:0]
    attendances = table == "participants"
    if row.empty:
        text = (_("attendances of {table} (table absent)") if attendances
                else _("rows of {table} (table absent)"))
        return [(text.format(table=table), used)]
    read, aside = int(row["rows_read"].iloc[0]), int(row["rows_set_aside"].iloc[0])
    text = _("attendances read from {file}") if attendances else _("rows read from {file}")
    steps = [(text.format(file=_file(data, table)), read)]
    if aside:
        why = reasons_in_words(str(row["why_set_aside"].iloc[0])) or _("set aside")
        text = (_("attendances used ({n} set aside: {why})") if attendances
                else _("rows used ({n} set aside: {why})"))
        steps.append((text.format(n=number(aside), why=why), used))
    return steps


def _rule(key: str, country: bool) -> Rule:
    rules = COUNTRY_RULES if country else RULES
    if key not in rules:
        known = ", ".join(rules)
        raise KeyError(f"no {'country ' if country else ''}figure {key!r}: expected one of "
                       f"{known}")
    return rules[key]


def explain(data: Dataset, key: str, year: int, programme: str | None = None,
            country: str | None = None) -> Frame:
    """Return the records that make figure ``key``, with the rule's steps.

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

    Returns
    -------
    Frame
        One row per record: ``id`` (the value counted, or for a sum the row's
        site or account and month), ``file``, ``row`` (the first row it
        appears in), ``rows`` (every row, as text), ``value`` (1 for a
        distinct count; the summed value for a sum). Its ``attrs`` hold
        ``steps`` (a frame of ``step`` and ``rows`` left after it), ``value``
        (the figure), ``measure`` and ``key``.
    """
    scope = Scope(year, programme_code(programme), country)
    rule = _rule(key, country is not None)
    frame = _records_table(data, rule.table)
    steps = _read(data, rule.table, len(frame))
    for step in rule.steps:
        if step.when == "programme" and scope.programme is None:
            continue
        if step.when == "country" and scope.country is None:
            continue
        frame = frame[step.keep(frame, scope).to_numpy(dtype=bool)]
        words = step.text()
        if step.when == "programme":
            words = _("of {programme}").format(programme=label(scope.programme))
        steps.append((words, len(frame)))
    records = _measure(rule, frame, _file(data, rule.table))
    steps.append((_measured(rule), len(records)))
    if rule.measure == "distinct":
        value = len(records)
    else:
        value = int(records["value"].sum())
        steps[-1] = (steps[-1][0], value)
    out = Frame(records)
    out.attrs.update(key=key, value=value, measure=rule.measure,
                     steps=pd.DataFrame(steps, columns=["step", "rows"]))
    return out


def _measure(rule: Rule, frame: pd.DataFrame, file: str) -> pd.DataFrame:
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


def _measured(rule: Rule) -> str:
    """Say what a rule measures at its last step: ``distinct activity id``, ``sum of posts``."""
    column = _(rule.column.replace("_", " "))
    text = _("distinct {column}") if rule.measure == "distinct" else _("sum of {column}")
    return text.format(column=column)


def steps_of(key: str, country: bool = False) -> list[str]:
    """Return the words of a figure's rule, step by step (for the method annex and docs)."""
    rule = _rule(key, country)
    return [s.text() + (" " + _("(a programme's figure only)") if s.when == "programme"
                        else "") for s in rule.steps] + [_measured(rule)]
