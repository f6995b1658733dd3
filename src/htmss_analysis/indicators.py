"""Headline indicators and breakdowns of the HTMSS highlights.

Every headline figure is an :class:`Indicator` in :data:`REGISTRY`: its key
(the data contract's), title, plain-words definition, unit and the function
that computes it. The code, the reports' method annex and the docs all read
this one registry.

A row counts for programme P when P is among its programmes. For the section
as a whole (``programme=None`` or ``"all"``) every distinct count is taken over
the union of rows, never as a sum of programmes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from . import countries, languages, programmes, sdg
from .frames import Frame, returns_frame, signed
from .languages import N_, _
from .loaders import Dataset
from .programmes import CODES, programme_code
from .schema import CAPACITY_BUILDING

__all__ = ["COUNTRY_REGISTRY", "REGISTRY", "CountryIndicator", "Indicator", "compute",
           "compute_country", "country_figures", "headline", "programme_code"]


def _of(frame: pd.DataFrame, programme: str | None) -> pd.DataFrame:
    """Rows of ``frame`` that count for ``programme`` (all rows for the section)."""
    code = programme_code(programme)
    if code is None:
        return frame
    mask = frame["programme"].map(lambda v: code in v if isinstance(v, tuple) else v == code)
    return frame.loc[mask.astype(bool)]


def _in_year(frame: pd.DataFrame, column: str, year: int) -> pd.DataFrame:
    return frame[frame[column].dt.year == year]


# --- selections the indicators share --------------------------------------------------


def activities(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Activities of a programme (or the section) starting in ``year``."""
    return _in_year(_of(data.activities, programme), "start_date", year)


def capacity_building(data: Dataset, year: int, programme: str | None = None,
                      levels: tuple[str, ...] = ("national", "regional", "global")
                      ) -> pd.DataFrame:
    """Capacity-building activities starting in ``year`` at the given levels."""
    acts = activities(data, year, programme)
    return acts[acts["activity_type"].isin(CAPACITY_BUILDING) & acts["level"].isin(levels)]


def attendances(data: Dataset, acts: pd.DataFrame) -> pd.DataFrame:
    """Attendance rows of the given activities, with the activity's columns joined."""
    cols = ["activity_id", "activity_type", "level", "country", "programme", "start_date"]
    return data.participants.merge(acts[cols], on="activity_id", suffixes=("", "_activity"))


def trained(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Attendances at capacity-building activities (any level) starting in ``year``."""
    return attendances(data, capacity_building(data, year, programme))


# --- headline figures ----------------------------------------------------------------


def technical_cooperation_activities(data: Dataset, year: int, programme: str | None = None
                                     ) -> int:
    """Count activities starting in ``year`` at national or regional level."""
    acts = activities(data, year, programme)
    return int(acts.loc[acts["level"].isin(["national", "regional"]), "activity_id"].nunique())


def countries_assisted(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count distinct countries of national-level capacity building starting in ``year``."""
    return int(capacity_building(data, year, programme, ("national",))["country"].nunique())


def countries_represented(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count distinct known nationalities in national/regional capacity building."""
    acts = capacity_building(data, year, programme, ("national", "regional"))
    return int(attendances(data, acts)["nationality"].dropna().nunique())


def people_trained(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count distinct participants of capacity building (any level) starting in ``year``."""
    return int(trained(data, year, programme)["participant_id"].nunique())


def _publications(data: Dataset, year: int, programme: str | None) -> pd.DataFrame:
    return _in_year(_of(data.publications, programme), "published_date", year)


def tools_and_publications(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count publications with a published date in ``year``, teaching modules excepted."""
    rows = _publications(data, year, programme)
    return int((rows["category"] != TEACHING_MODULE).sum())


def teaching_modules(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count teaching modules (publications of that category) published in ``year``."""
    rows = _publications(data, year, programme)
    return int((rows["category"] == TEACHING_MODULE).sum())


def engagements(data: Dataset, year: int, programme: str | None = None,
                kind: str | None = None) -> pd.DataFrame:
    """Engagements dated in ``year`` (of one ``kind``); for a programme, those naming it.

    A blank-programme engagement is the section's: it counts for the section only.
    """
    rows = _in_year(_of(data.engagements, programme), "date", year)
    return rows if kind is None else rows[rows["kind"] == kind]


def _engagement_count(kind: str) -> Callable[[Dataset, int, str | None], int]:
    def count(data: Dataset, year: int, programme: str | None = None) -> int:
        return len(engagements(data, year, programme, kind))

    count.__name__ = f"{kind}_count"
    count.__doc__ = f"Count engagements of kind ``{kind}`` dated in ``year``."
    return count


def _cases(data: Dataset, year: int, programme: str | None, database: str | None = None
           ) -> pd.DataFrame:
    cases = _in_year(_of(data.cases, programme), "added_date", year)
    return cases if database is None else cases[cases["database"] == database]


def cases_added(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count cases added to the case law databases in ``year``."""
    return len(_cases(data, year, programme))


def jurisdictions_tip(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count distinct jurisdictions of TIP cases added in ``year``."""
    return int(_cases(data, year, programme, "TIP")["jurisdiction"].nunique())


def jurisdictions_som(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count distinct jurisdictions of SOM cases added in ``year``."""
    return int(_cases(data, year, programme, "SOM")["jurisdiction"].nunique())


def _web_rows(frame: pd.DataFrame, programme: str | None) -> pd.DataFrame:
    # A row with no programme belongs to the section as a whole, never to one programme.
    code = programme_code(programme)
    if code is None:
        return frame
    return frame[frame["programme"] == code]


def web_stories(data: Dataset, year: int, programme: str | None = None) -> int:
    """Count web stories published in ``year``."""
    return len(_in_year(_of(data.web_stories, programme), "published_date", year))


def page_views(data: Dataset, year: int, programme: str | None = None) -> int:
    """Sum page views over the months of ``year``."""
    rows = _in_year(_web_rows(data.web_traffic, programme), "month", year)
    return int(rows["page_views"].sum())


def social_media_posts(data: Dataset, year: int, programme: str | None = None) -> int:
    """Sum social media posts over the months of ``year``."""
    rows = _in_year(_web_rows(data.social_media, programme), "month", year)
    return int(rows["posts"].sum())


# --- what each figure could count, any year (for attribution) ---------------------


def _rows_of(table: str, database: str | None = None, column: str = "database"
             ) -> Callable[[Dataset], pd.DataFrame]:
    """Return the universe of a figure: the rows of ``table`` (whose ``column`` is ``database``)."""

    def universe(data: Dataset) -> pd.DataFrame:
        frame = getattr(data, table)
        return frame if database is None else frame[frame[column] == database]

    return universe


def _rows_but(table: str, column: str, value: str) -> Callable[[Dataset], pd.DataFrame]:
    def universe(data: Dataset) -> pd.DataFrame:
        frame = getattr(data, table)
        return frame[frame[column] != value]

    return universe


# --- the registry -------------------------------------------------------------------

TEACHING_MODULE = "teaching_module"

ENGAGEMENT_FIGURES = (
    ("sessions_serviced", "session_serviced",
     N_("Sessions of intergovernmental bodies serviced"),
     N_("Sessions of intergovernmental bodies (CCPCJ, UNTOC COP and its working groups) the "
        "section serviced, by first day in the year."),
     N_("sessions")),
    ("meetings_organized", "meeting_organized", N_("Inter-agency meetings organized"),
     N_("Meetings the section organized (such as the meeting of ICAT Principals), dated in the "
        "year."),
     N_("meetings")),
    ("briefings", "briefing", N_("Briefings and side events"),
     N_("Briefings and side events the section organized or substantively contributed to, "
        "dated in the year."),
     N_("briefings")),
    ("report_inputs", "report_input", N_("Inputs to UN reports"),
     N_("Inputs to reports of the Secretary-General, the General Assembly, the Security "
        "Council or ECOSOC, by submission date in the year."),
     N_("reports")),
    ("reports_prepared", "report_prepared", N_("Reports drafted or coordinated"),
     N_("Reports the section drafted or coordinated, by submission date in the year."),
     N_("reports")),
)
"""Contract version 2's engagement figures: key, kind counted, title, definition, unit."""

ENGAGEMENT_NOTE = N_("For a programme, the engagements that name it; a blank-programme "
                     "engagement counts for the section only.")
"""What every engagement figure's definition ends with."""


@dataclass(frozen=True)
class Figure:
    """What every figure, headline or country, says about itself.

    Attributes
    ----------
    key : str
        The data contract's key.
    title : str
        Short title, as the highlights print it.
    definition : str
        What is counted, in plain words.
    unit : str
        What one unit is.
    tables : tuple of str
        Input tables it reads.
    note : str
        A sentence the definition ends with that several figures share
        (keyword only; see :meth:`described`).
    """

    key: str
    title: str
    definition: str
    unit: str
    tables: tuple[str, ...]
    note: str = field(default="", kw_only=True)

    def described(self) -> str:
        """Return the whole definition, with its note, in the current language."""
        return " ".join(_(text) for text in (self.definition, self.note) if text)


@dataclass(frozen=True)
class Indicator(Figure):
    """A headline figure with its metadata (and those of :class:`Figure`).

    Attributes
    ----------
    compute : callable
        ``compute(data, year, programme=None) -> int``.
    universe : callable
        ``universe(data) -> DataFrame``: every row, of any year, the figure
        could count. A programme none of whose rows is among them has the
        figure "not attributed", which is not the same as 0.
    part : str
        The part of the highlights that reports it: ``headline`` (the cards),
        ``intergovernmental`` or ``knowledge``.
    """

    compute: Callable[[Dataset, int, str | None], int]
    universe: Callable[[Dataset], pd.DataFrame]
    part: str = "headline"


REGISTRY: dict[str, Indicator] = {
    i.key: i
    for i in (
        Indicator("technical_cooperation_activities", N_("Technical cooperation activities"),
                  N_("Activities starting in the year at national or regional level, organized or "
                  "contributed to. Global-level activities are not counted."),
                  N_("activities"), ("activities",), technical_cooperation_activities,
                  _rows_of("activities")),
        Indicator("countries_assisted", N_("Countries provided with direct capacity building"),
                  N_("Distinct countries assisted by national-level capacity-building activities "
                  "(training, training of trainers, mentoring, e-learning, workshops) starting "
                  "in the year."), N_("countries"), ("activities",), countries_assisted,
                  _rows_of("activities")),
        Indicator("countries_represented", N_("Countries represented in capacity building"),
                  N_("Distinct known nationalities of participants in national- or regional-level "
                  "capacity-building activities starting in the year."), N_("countries"),
                  ("activities", "participants"), countries_represented,
                  _rows_of("activities")),
        Indicator("people_trained", N_("Practitioners, officials and civil society trained"),
                  N_("Distinct people (participant_id) attending capacity-building activities at "
                  "any level starting in the year; a person trained twice, or by two "
                  "programmes, counts once."), N_("people"), ("activities", "participants"),
                  people_trained,
                  _rows_of("activities")),
        Indicator("tools_and_publications", N_("Tools and publications"),
                  N_("Standard-setting tools, technical cooperation tools and publications "
                  "published in the year; teaching modules are counted apart."), N_("publications"),
                  ("publications",), tools_and_publications,
                  _rows_but("publications", "category", TEACHING_MODULE)),
        Indicator("cases_added", N_("Cases added to the case law databases"),
                  N_("Cases analysed and added to UNODC's case law databases (TIP and SOM) in the "
                  "year."), N_("cases"), ("cases",), cases_added,
                  _rows_of("cases")),
        Indicator("jurisdictions_tip", N_("Jurisdictions of TIP cases added"),
                  N_("Distinct jurisdictions of the TIP cases added in the year; 'International "
                  "and regional bodies' counts as one."), N_("jurisdictions"), ("cases",),
                  jurisdictions_tip,
                  _rows_of("cases", "TIP")),
        Indicator("jurisdictions_som", N_("Jurisdictions of SOM cases added"),
                  N_("Distinct jurisdictions of the SOM cases added in the year; 'International "
                  "and regional bodies' counts as one."), N_("jurisdictions"), ("cases",),
                  jurisdictions_som,
                  _rows_of("cases", "SOM")),
        Indicator("web_stories", N_("Web stories published"),
                  N_("Web stories published in the year."), N_("stories"), ("web_stories",),
                  web_stories,
                  _rows_of("web_stories")),
        Indicator("page_views", N_("Page views"),
                  N_("Page views summed over the months of the year; for a programme, only the "
                  "rows of its own sites."), N_("page views"), ("web_traffic",), page_views,
                  _rows_of("web_traffic")),
        Indicator("social_media_posts", N_("Social media posts"),
                  N_("Posts summed over the months of the year; for a programme, only the rows "
                  "of its own accounts."), N_("posts"), ("social_media",), social_media_posts,
                  _rows_of("social_media")),
        # Contract version 2: from the optional tables, 0 where they are absent.
        Indicator("teaching_modules", N_("Teaching modules"),
                  N_("Teaching modules (publications of category teaching_module, such as the "
                  "E4J university modules) published in the year."), N_("modules"),
                  ("publications",), teaching_modules,
                  _rows_of("publications", TEACHING_MODULE, "category"), "knowledge"),
        *(Indicator(kind_key, title, definition, unit, ("engagements",), _engagement_count(kind),
                    _rows_of("engagements", kind, "kind"), "intergovernmental",
                    note=ENGAGEMENT_NOTE)
          for kind_key, kind, title, definition, unit in ENGAGEMENT_FIGURES),
    )
}
"""Every headline figure, by the contract's key, in the order the highlights print them."""


def compute(data: Dataset, year: int, programme: str | None = None) -> dict[str, int]:
    """Compute every headline figure for a year and a programme (or the section).

    Returns
    -------
    dict of str to int
        The contract's keys and their values.
    """
    return {key: ind.compute(data, year, programme) for key, ind in REGISTRY.items()}


def attributed(data: Dataset, key: str, programme: str | None = None) -> bool:
    """Say whether the data attributes figure ``key`` to ``programme`` at all.

    True for the section as a whole. For a programme, true when at least one
    row the figure could count, in any year, belongs to the programme: page
    views of a data set whose web rows all belong to the section as a whole
    are "not attributed" to any programme, not 0.
    """
    code = programme_code(programme)
    if code is None:
        return True
    return not _of(REGISTRY[key].universe(data), code).empty


def recorded(data: Dataset, key: str) -> bool:
    """Whether the data has any row, of any year or programme, that figure ``key`` could count.

    A figure the data does not record at all (its table absent, as in a
    contract version 1 folder, or no row of its kind) is left out of the
    reports' tables rather than shown as 0.
    """
    return not REGISTRY[key].universe(data).empty


def headline(data: Dataset, year: int, programme: str | None = None,
             compare: bool = True) -> Frame:
    """Return the headline table of a year, ready to display in a notebook.

    Parameters
    ----------
    data : Dataset
        Loaded data.
    year : int
        Reporting year.
    programme : str, optional
        Programme code; ``None`` or ``"all"`` for the section as a whole.
    compare : bool
        Add the figure of the year before and the change.

    Returns
    -------
    Frame
        Indexed by key, with ``title``, ``value``, ``unit`` (and ``previous``,
        ``change`` when ``compare``), and ``attributed``: false for a figure
        the data never attributes to the programme (its value is then 0 by
        the contract, but means "not counted for this programme").
    """
    now = compute(data, year, programme)
    table = Frame({
        "title": [REGISTRY[k].title for k in now],
        "value": list(now.values()),
        "unit": [REGISTRY[k].unit for k in now],
    }, index=pd.Index(list(now), name="key"))
    if compare:
        before = compute(data, year - 1, programme)
        table["previous"] = [before[k] for k in now]
        table["change"] = table["value"] - table["previous"]
    table["attributed"] = [attributed(data, k, programme) for k in now]
    return table


def trend(data: Dataset, years: list[int], programme: str | None = None) -> Frame:
    """Return every headline figure for each of ``years``, with the change over the last step.

    Returns
    -------
    Frame
        Indexed by key: ``title``, one integer column per year (named by the
        year as text), ``change`` (last year minus the one before, as signed
        text; absent with a single year) and ``attributed``.
    """
    out = Frame({"title": [REGISTRY[k].title for k in REGISTRY]},
                index=pd.Index(list(REGISTRY), name="key"))
    for y in years:
        values = compute(data, y, programme)
        out[str(y)] = [values[k] for k in REGISTRY]
    if len(years) > 1:
        out["change"] = (out[str(years[-1])] - out[str(years[-2])]).map(signed)
    out["attributed"] = [attributed(data, k, programme) for k in REGISTRY]
    return out


# --- country figures (contract version 2) --------------------------------------------
# Each is computed for every country at once (a Series indexed by ISO3 code), so one rule
# serves the one-country figures, the fan-out's set of countries and the briefs' index.


def _count_in(frame: pd.DataFrame, by: str, distinct: str) -> pd.Series:
    """Distinct ``distinct`` per value of ``by`` (blank values left out), as int64."""
    rows = frame[frame[by].notna() & (frame[by] != countries.INTERNATIONAL_BODIES)]
    return rows.groupby(by)[distinct].nunique().astype("int64")


def activities_in_country(data: Dataset, year: int, programme: str | None = None
                          ) -> pd.Series:
    """Activities starting in ``year`` per ``country``, at any level, type or role."""
    return _count_in(activities(data, year, programme), "country", "activity_id")


def capacity_building_in_country(data: Dataset, year: int, programme: str | None = None
                                 ) -> pd.Series:
    """National-level capacity-building activities starting in ``year`` per ``country``."""
    return _count_in(capacity_building(data, year, programme, ("national",)), "country",
                     "activity_id")


def people_trained_from(data: Dataset, year: int, programme: str | None = None) -> pd.Series:
    """Distinct people trained (capacity building, any level, in ``year``) per nationality."""
    return _count_in(trained(data, year, programme), "nationality", "participant_id")


def activities_attended(data: Dataset, year: int, programme: str | None = None) -> pd.Series:
    """Distinct activities starting in ``year`` (any level or type) per participant nationality."""
    rows = attendances(data, activities(data, year, programme))
    return _count_in(rows, "nationality", "activity_id")


def _cases_from(database: str) -> Callable[[Dataset, int, str | None], pd.Series]:
    def count(data: Dataset, year: int, programme: str | None = None) -> pd.Series:
        return _count_in(_cases(data, year, programme, database), "jurisdiction", "case_id")

    count.__name__ = f"cases_added_{database.lower()}"
    count.__doc__ = f"{database} cases added in ``year`` per jurisdiction."
    return count


@dataclass(frozen=True)
class CountryIndicator(Figure):
    """A figure of one country (contract version 2, "Country figures").

    Attributes
    ----------
    per_country : callable
        ``per_country(data, year, programme=None) -> Series``: the figure of
        every country with a non-zero value, indexed by ISO3 code.
    short : str
        A column heading for tables of many countries.
    """

    per_country: Callable[[Dataset, int, str | None], pd.Series]
    short: str = ""


COUNTRY_REGISTRY: dict[str, CountryIndicator] = {
    i.key: i
    for i in (
        CountryIndicator("activities_in_country", N_("Activities in the country"),
                         N_("Activities starting in the year whose country is the country, at "
                         "any level (national, regional or global events it hosted), of any "
                         "type and role."), N_("activities"), ("activities",),
                         activities_in_country, N_("activities")),
        CountryIndicator("capacity_building_in_country", N_("Capacity building in the country"),
                         N_("National-level capacity-building activities (training, training of "
                         "trainers, mentoring, e-learning, workshops) starting in the year whose "
                         "country is the country."), N_("activities"), ("activities",),
                         capacity_building_in_country, N_("capacity building")),
        CountryIndicator("people_trained", N_("People of the country trained"),
                         N_("Distinct people (participant_id) of the country's nationality "
                         "attending capacity-building activities at any level, anywhere, "
                         "starting in the year."), N_("people"), ("activities", "participants"),
                         people_trained_from, N_("people trained")),
        CountryIndicator("activities_attended", N_("Activities its people attended"),
                         N_("Distinct activities starting in the year, of any level or type and "
                         "anywhere, with at least one participant of the country's "
                         "nationality."), N_("activities"), ("activities", "participants"),
                         activities_attended, N_("activities attended")),
        CountryIndicator("cases_added_tip", N_("TIP cases added"),
                         N_("Cases of the TIP database with the country's jurisdiction added in "
                         "the year."), N_("cases"), ("cases",), _cases_from("TIP"),
                         N_("TIP cases")),
        CountryIndicator("cases_added_som", N_("SOM cases added"),
                         N_("Cases of the SOM database with the country's jurisdiction added in "
                         "the year."), N_("cases"), ("cases",), _cases_from("SOM"),
                         N_("SOM cases")),
    )
}
"""Every country figure, by the contract's key, in the contract's order."""


def compute_country(data: Dataset, year: int, country: str, programme: str | None = None
                    ) -> dict[str, int]:
    """Compute every country figure of ``country`` (an ISO3 code) for a year.

    Parameters
    ----------
    data : Dataset
        Loaded data.
    year : int
        Reporting year.
    country : str
        ISO3 code (see :func:`htmss_analysis.countries.to_iso3` for names).
    programme : str, optional
        Programme code; ``None`` or ``"all"`` for the section as a whole.
    """
    return {key: int(ind.per_country(data, year, programme).get(country, 0))
            for key, ind in COUNTRY_REGISTRY.items()}


@returns_frame
def country_figures(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Every country with at least one non-zero country figure in ``year``, sorted by name.

    Returns
    -------
    DataFrame
        ``iso3``, ``country`` (name), then one column per key of
        :data:`COUNTRY_REGISTRY`.
    """
    series = {key: ind.per_country(data, year, programme)
              for key, ind in COUNTRY_REGISTRY.items()}
    table = pd.DataFrame(series).fillna(0).astype("int64")
    table = table[(table > 0).any(axis=1)]
    table.insert(0, "country", [languages.country_name(c) for c in table.index])
    table = table.rename_axis("iso3").reset_index()
    return table.sort_values(["country", "iso3"], key=lambda c: c.map(_name_key)
                             ).reset_index(drop=True)


def _name_key(name: str) -> str:
    # Sorted as a reader looks a name up: "Côte d'Ivoire" among the Cs, case ignored.
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(ch)).casefold()


@returns_frame
def registry_table(countries: bool = False) -> pd.DataFrame:
    """Return the registry (or, with ``countries``, the country figures') as a table.

    Columns: key, title, definition, unit (those three in the current
    language, see :mod:`.languages`), tables.
    """
    entries = COUNTRY_REGISTRY if countries else REGISTRY
    return pd.DataFrame([{"key": i.key, "title": _(i.title), "definition": i.described(),
                          "unit": _(i.unit), "tables": ", ".join(i.tables)}
                         for i in entries.values()])


def registry_markdown() -> str:
    """Return the registry as Markdown, for ``docs/indicators.md``."""
    lines = ["# Headline indicators", "",
             "Generated from the indicator registry (`src/htmss_analysis/indicators.py`) by",
             "`htmss-analysis docs`; do not edit by hand.", "",
             "For a year Y and one programme P, or the section as a whole. A row counts for P",
             "when P is among its programmes. For the section every distinct count is taken",
             "over the union of rows, never as a sum of programmes. Web traffic and social",
             "media rows with no programme count for the section only.", ""]
    from .metrics.explain import steps_of

    for i in REGISTRY.values():
        lines += [f"## `{i.key}`: {i.title}", "", i.described(), "",
                  f"Unit: {i.unit}. Input tables: {', '.join(i.tables)}.", "",
                  "Rule, step by step (`htmss-analysis explain " + i.key + "`): "
                  + "; ".join(steps_of(i.key)) + ".", ""]
    lines += ["# Country figures", "",
              "For a year Y, one country C (an ISO3 code or a name the contract accepts) and",
              "one programme P or the section as a whole, as `htmss-analysis indicators",
              "--country C` prints them. A country brief is written for every country with at",
              "least one non-zero figure.", ""]
    for c in COUNTRY_REGISTRY.values():
        lines += [f"## `{c.key}`: {c.title}", "", c.described(), "",
                  f"Unit: {c.unit}. Input tables: {', '.join(c.tables)}.", "",
                  f"Rule, step by step (`htmss-analysis explain {c.key} --country C`): "
                  + "; ".join(steps_of(c.key, country=True)) + ".", ""]
    return "\n".join(lines).rstrip() + "\n"


# --- breakdowns ---------------------------------------------------------------------


def _count_by(frame: pd.DataFrame, column: str, name: str = "activities",
              distinct: str | None = None) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame({column: [], name: []}).astype({name: "int64"})
    grouped = frame.groupby(column, dropna=False)
    counts = grouped[distinct].nunique() if distinct else grouped.size()
    out = counts.rename(name).reset_index().sort_values([name, column], ascending=[False, True])
    return out.reset_index(drop=True)


@returns_frame
def activities_by(data: Dataset, year: int, by: str, programme: str | None = None
                  ) -> pd.DataFrame:
    """Count activities starting in ``year`` by a column.

    ``by`` is ``activity_type``, ``level``, ``role``, ``month``, ``country``,
    ``region``, ``subregion`` or ``theme``. Activities at every level are
    counted here (the headline figure leaves global ones out).
    """
    acts = activities(data, year, programme).copy()
    if by == "month":
        acts["month"] = acts["start_date"].dt.month
        out = _count_by(acts, "month").sort_values("month").reset_index(drop=True)
        full = pd.DataFrame({"month": range(1, 13)})
        return full.merge(out, how="left").fillna({"activities": 0}).astype({"activities": int})
    if by in ("country", "region", "subregion"):
        acts = acts[acts["country"].notna()]
        if by != "country":
            fn = countries.region if by == "region" else countries.subregion
            acts[by] = acts["country"].map(fn)
        out = _count_by(acts, by)
        if by == "country":
            out.insert(1, "name", out["country"].map(languages.country_name))
        return out
    if by == "theme":
        acts["theme"] = acts["theme"].map(";".join)
    return _count_by(acts, by)


@returns_frame
def people_by(data: Dataset, year: int, by: str, programme: str | None = None) -> pd.DataFrame:
    """Distinct people trained in ``year`` by ``sex``, ``group``, ``region`` or ``nationality``.

    A person whose attendances differ in the column (e.g. two groups) counts in each.
    """
    rows = trained(data, year, programme).copy()
    if by == "nationality":
        rows["nationality"] = rows["nationality"].fillna("Unknown")
    return _count_by(rows, by, "people", distinct="participant_id")


def people_in_several(data: Dataset, year: int, by: str, programme: str | None = None) -> int:
    """Count the people trained in ``year`` whose attendances differ in column ``by``.

    Each of them counts once in every value of ``by`` they attended under, so a
    breakdown by ``by`` adds up to more than :func:`people_trained` by exactly
    this many extra entries per extra value.
    """
    rows = trained(data, year, programme)
    if rows.empty:
        return 0
    values = rows[by].fillna("Unknown") if by == "nationality" else rows[by]
    per_person = values.groupby(rows["participant_id"]).nunique(dropna=False)
    return int((per_person > 1).sum())


@returns_frame
def attendance_summary(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Attendances against unique people in capacity building, by level and overall."""
    rows = trained(data, year, programme)
    parts = []
    for level in ("national", "regional", "global"):
        sub = rows[rows["level"] == level]
        parts.append({"level": level, "attendances": len(sub),
                      "people": sub["participant_id"].nunique()})
    parts.append({"level": "all levels", "attendances": len(rows),
                  "people": rows["participant_id"].nunique()})
    return pd.DataFrame(parts)


@returns_frame
def knowledge_gain(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Pre/post-test scores of capacity-building attendances with both scores, by activity type.

    Returns
    -------
    DataFrame
        ``activity_type``, ``tested`` (attendances with both scores), mean
        ``pre_test``, mean ``post_test``, mean ``gain`` (points) and
        ``improved_share`` (share whose post-test beat the pre-test).
    """
    rows = trained(data, year, programme)
    rows = rows[rows["pre_test"].notna() & rows["post_test"].notna()].copy()
    if rows.empty:
        return pd.DataFrame(columns=["activity_type", "tested", "pre_test", "post_test", "gain",
                                     "improved_share"])
    rows["gain"] = rows["post_test"] - rows["pre_test"]
    rows["improved"] = rows["gain"] > 0
    out = rows.groupby("activity_type").agg(
        tested=("gain", "size"), pre_test=("pre_test", "mean"), post_test=("post_test", "mean"),
        gain=("gain", "mean"), improved_share=("improved", "mean")).reset_index()
    return out.round({"pre_test": 1, "post_test": 1, "gain": 1, "improved_share": 3})


@returns_frame
def countries_list(data: Dataset, year: int, programme: str | None = None,
                   which: str = "assisted") -> pd.DataFrame:
    """List the countries behind ``countries_assisted`` or ``countries_represented``."""
    if which == "assisted":
        codes = capacity_building(data, year, programme, ("national",))["country"]
    else:
        acts = capacity_building(data, year, programme, ("national", "regional"))
        codes = attendances(data, acts)["nationality"].dropna()
    codes = sorted(set(codes))
    return pd.DataFrame({"iso3": codes, "country": [languages.country_name(c) for c in codes],
                         "region": [countries.region(c) for c in codes],
                         "subregion": [countries.subregion(c) for c in codes]})


@returns_frame
def sdg_stories(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Results stories of ``year`` by the SDG targets they name: target, title (one row each)."""
    rows = _of(data.stories, programme)
    rows = rows[rows["year"] == year][["sdg_targets", "title"]].explode("sdg_targets")
    rows = rows[rows["sdg_targets"].notna()].rename(columns={"sdg_targets": "target"})
    rows["order"] = rows["target"].map(sdg.TARGETS.index)
    return rows.sort_values(["order", "title"]).drop(columns="order").reset_index(drop=True)


@returns_frame
def awareness_raising(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Awareness-raising activities starting in ``year``: date, title, country, programmes."""
    acts = activities(data, year, programme)
    acts = acts[acts["activity_type"] == "awareness_raising"]
    out = pd.DataFrame({
        "start": acts["start_date"].dt.strftime("%Y-%m-%d"), "title": acts["title"],
        "country": acts["country"].map(lambda c: languages.country_name(c) if isinstance(c, str)
                                       else ""),
        "level": acts["level"], "programme": acts["programme"].map(programmes.labels)})
    return out.sort_values(["start", "title"]).reset_index(drop=True)


@returns_frame
def sdg_contribution(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Activities and distinct countries per SDG target, for activities starting in ``year``."""
    acts = activities(data, year, programme)
    rows = acts[["activity_id", "country", "sdg_targets"]].explode("sdg_targets")
    rows = rows[rows["sdg_targets"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["target", "title", "activities", "countries"])
    out = rows.groupby("sdg_targets").agg(activities=("activity_id", "nunique"),
                                          countries=("country", "nunique")).reset_index()
    out = out.rename(columns={"sdg_targets": "target"})
    out["order"] = out["target"].map(sdg.TARGETS.index)
    out.insert(1, "title", out["target"].map(sdg.describe))
    return out.sort_values("order").drop(columns="order").reset_index(drop=True)


@returns_frame
def cases_by(data: Dataset, year: int, by: str = "database", programme: str | None = None
             ) -> pd.DataFrame:
    """Cases added in ``year`` by ``database`` or by ``jurisdiction`` (within each database)."""
    cases = _cases(data, year, programme)
    if by == "database":
        out = cases.groupby("database").agg(cases=("case_id", "size"),
                                            jurisdictions=("jurisdiction", "nunique"))
        return out.reindex(["TIP", "SOM"], fill_value=0).reset_index()
    out = cases.groupby(["database", "jurisdiction"]).size().rename("cases").reset_index()
    out.insert(2, "name", out["jurisdiction"].map(languages.country_name))
    return out.sort_values(["database", "cases", "jurisdiction"],
                           ascending=[False, False, True]).reset_index(drop=True)


@returns_frame
def publications_by(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Publications of ``year`` by category."""
    pubs = _in_year(_of(data.publications, programme), "published_date", year)
    return _count_by(pubs, "category", "publications")


@returns_frame
def publications_list(data: Dataset, year: int, programme: str | None = None,
                      modules: bool | None = None) -> pd.DataFrame:
    """Publications of ``year``: date, title, category, programmes and downloads.

    ``modules``: True for teaching modules only, False for the tools and
    publications without them, None for all.
    """
    pubs = _in_year(_of(data.publications, programme), "published_date", year)
    if modules is not None:
        pubs = pubs[(pubs["category"] == TEACHING_MODULE) == modules]
    out = pubs[["published_date", "title", "category", "programme", "downloads"]].copy()
    out["programme"] = out["programme"].map(programmes.labels)
    out["published_date"] = out["published_date"].dt.strftime("%Y-%m-%d")
    return out.sort_values(["published_date", "title"]).reset_index(drop=True)


@returns_frame
def engagements_list(data: Dataset, year: int, programme: str | None = None,
                     kind: str | None = None) -> pd.DataFrame:
    """Engagements of ``year`` (of one ``kind``): date, kind, body, title, place, note, programmes.

    Sorted by date then title; blank place and note are empty text.
    """
    rows = engagements(data, year, programme, kind)
    out = rows[["date", "kind", "body", "title", "place", "note", "programme"]].copy()
    out["programme"] = out["programme"].map(lambda p: programmes.labels(p) if p else "")
    out = out.sort_values(["date", "title"]).reset_index(drop=True)
    out["date"] = out["date"].dt.strftime("%Y-%m-%d")
    return out.rename(columns={"programme": "programmes"})


PRIORITY_AREAS = {"technical_cooperation": N_("Technical cooperation"),
                  "intergovernmental": N_("Intergovernmental and inter-agency work"),
                  "knowledge": N_("Knowledge development and management")}
"""The areas of next year's priorities, in the order the highlights print them."""


@returns_frame
def priorities(data: Dataset, year: int) -> pd.DataFrame:
    """Return the priorities set for ``year``: area, order and text, in the highlights' order.

    Within an area, rows go by ``order`` (blank = file order, after the numbered ones).
    """
    rows = data.priorities[data.priorities["year"] == year].copy()
    rows["_area"] = rows["area"].map({a: i for i, a in enumerate(PRIORITY_AREAS)})
    rows["_row"] = rows.index
    rows = rows.sort_values(["_area", "order", "_row"], na_position="last")
    return rows[["area", "order", "text"]].reset_index(drop=True)


@returns_frame
def web_by_month(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Web stories, page views and posts in each month of ``year``."""
    stories = _in_year(_of(data.web_stories, programme), "published_date", year)
    views = _in_year(_web_rows(data.web_traffic, programme), "month", year)
    posts = _in_year(_web_rows(data.social_media, programme), "month", year)
    out = pd.DataFrame({"month": range(1, 13)})
    out["web_stories"] = out["month"].map(stories["published_date"].dt.month.value_counts())
    out["page_views"] = out["month"].map(views.groupby(views["month"].dt.month)["page_views"]
                                         .sum())
    out["posts"] = out["month"].map(posts.groupby(posts["month"].dt.month)["posts"].sum())
    return out.fillna(0).astype(int)


def programme_shares(data: Dataset, year: int) -> pd.DataFrame:
    """Each headline figure for each programme beside the section's (distinct over the union).

    The programme columns need not add up to the section's: joint activities
    and people trained by two programmes count for each programme but once for
    the section.

    Returns
    -------
    Frame
        Indexed by key: ``title``, one column per programme code and
        ``HTMSS``. A figure the data never attributes to a programme (see
        :func:`attributed`) is missing (``<NA>``) in that programme's column.
    """
    cols: dict[str, list] = {}
    for code in CODES:
        values = compute(data, year, code)
        cols[code] = [values[k] if attributed(data, k, code) else pd.NA for k in REGISTRY]
    cols[programmes.SECTION] = list(compute(data, year, None).values())
    out = Frame(cols, index=pd.Index(list(REGISTRY), name="key")).astype("Int64")
    out.insert(0, "title", [REGISTRY[k].title for k in out.index])
    return out


@returns_frame
def overlap(data: Dataset, year: int) -> pd.DataFrame:
    """People trained and countries assisted that programmes share, pair by pair.

    Returns
    -------
    DataFrame
        One row per pair of programmes: people trained by both, countries
        assisted by both, and activities run jointly.
    """
    codes = list(CODES)
    people = {c: set(trained(data, year, c)["participant_id"]) for c in codes}
    assisted = {c: set(capacity_building(data, year, c, ("national",))["country"]) for c in codes}
    acts = {c: set(activities(data, year, c)["activity_id"]) for c in codes}
    rows = []
    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            rows.append({"programmes": f"{programmes.labels((a,))} & {programmes.labels((b,))}",
                         "people_trained_by_both": len(people[a] & people[b]),
                         "countries_assisted_by_both": len(assisted[a] & assisted[b]),
                         "joint_activities": len(acts[a] & acts[b])})
    return pd.DataFrame(rows)


@returns_frame
def results_status(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Return the results framework of ``year`` with progress and a status colour.

    Progress is the share of the way from baseline to target reached by the
    actual (UNDP's rule): green at 100% or more, amber 50-99%, red under 50%,
    grey without an actual. A ``decrease`` indicator counts the other way, so
    the same formula serves both directions.
    """
    res = data.results
    if programme_code(programme) is not None:
        res = res[res["programme"] == programme_code(programme)]
    res = res[res["year"] == year].copy()
    res["progress"] = [progress(b, t, a) for b, t, a in
                       zip(res["baseline"], res["target"], res["actual"], strict=True)]
    res["status"] = res["progress"].map(status)
    cols = ["programme", "result_id", "level", "indicator", "unit", "direction", "baseline",
            "target", "actual", "progress", "status"]
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


@returns_frame
def stories(data: Dataset, year: int, programme: str | None = None) -> pd.DataFrame:
    """Results stories of ``year``, with country names."""
    rows = _of(data.stories, programme)
    rows = rows[rows["year"] == year].copy()
    rows["countries"] = rows["country"].map(
        lambda cs: ", ".join(languages.country_name(c) for c in cs))
    rows["programmes"] = rows["programme"].map(programmes.labels)
    return rows[["story_id", "title", "summary", "countries", "programmes", "figure", "unit",
                 "sdg_targets"]].reset_index(drop=True)


# --- public data set against the programme's countries ---------------------------------

VICTIM_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("Total", "Total", "victims"), ("Female", "18 years or over", "women"),
    ("Male", "18 years or over", "men"), ("Female", "0 to 17 years", "girls"),
    ("Male", "0 to 17 years", "boys"))
"""GLOTIP (sex, age) cells of detected victims, and the column each becomes."""

SUPPRESSED = "<5"
"""A count of 1 to 4 its publisher suppressed: kept as published, never read as 0."""


def _victims(glotip: pd.DataFrame, iso3: str) -> dict[str, object]:
    from .sources import detected_victims

    rows = detected_victims(glotip, iso3)
    out: dict[str, object] = {"glotip_year": int(rows["year"].iloc[0]) if len(rows) else pd.NA}
    for sex, age, column in VICTIM_GROUPS:
        hit = rows[(rows["sex"] == sex) & (rows["age"] == age)]
        out[column] = (pd.NA if hit.empty else SUPPRESSED if bool(hit["censored"].iloc[0])
                       else float(hit["value"].iloc[0]))
    return out


def _party(status: pd.DataFrame, iso3: str) -> tuple[bool, object, object]:
    rows = status[status["iso3"] == iso3]
    if rows.empty or not bool(rows["party"].iloc[0]):
        return False, pd.NaT, None
    return True, rows["consent_date"].iloc[0], rows["action"].iloc[0]


@returns_frame
def country_context(data: Dataset, year: int, programme: str | None = None,
                    glotip: pd.DataFrame | None = None,
                    treaties: dict[str, pd.DataFrame | None] | None = None,
                    cases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Set each country assisted in ``year`` against public data.

    Parameters
    ----------
    data : Dataset
        Loaded data.
    year : int
        Reporting year.
    programme : str, optional
        Programme code; ``None`` for the section.
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
        One row per country assisted: ``iso3``, ``country``; with GLOTIP,
        ``glotip_year`` (the country's latest) and detected ``victims``,
        ``women``, ``men``, ``girls``, ``boys`` (a number, ``"<5"`` as
        published, or missing when not reported); for each treaty key K given,
        ``K_party`` (bool), ``K_since`` (consent date) and ``K_action``; with
        cases, ``sherloc_cases`` and ``latest_decision`` (year, or missing).
    """
    assisted = countries_list(data, year, programme, "assisted")
    rows = []
    for iso3, name in zip(assisted["iso3"], assisted["country"], strict=True):
        row: dict[str, object] = {"iso3": iso3, "country": name}
        if glotip is not None:
            row.update(_victims(glotip, iso3))
        for key, status in (treaties or {}).items():
            if status is not None:
                row[f"{key}_party"], row[f"{key}_since"], row[f"{key}_action"] = _party(
                    status, iso3)
        if cases is not None:
            mine = cases[cases["jurisdiction"] == iso3]
            row["sherloc_cases"] = len(mine)
            row["latest_decision"] = (int(mine["decision_year"].max())
                                      if mine["decision_year"].notna().any() else pd.NA)
        rows.append(row)
    return pd.DataFrame(rows, columns=None if rows else ["iso3", "country"])


def treaty_year(status: pd.DataFrame, year: int) -> dict[str, object]:
    """Count the parties to a treaty by the end of ``year`` and those who joined in it.

    Returns
    -------
    dict
        ``as_of`` (the latest consent date in the file), ``covered`` (whether
        the file is recent enough to know the year's new parties), ``parties``
        (parties by the end of the year, or by ``as_of`` when older),
        ``new`` (the rows of those who joined in the year).
    """
    as_of = status["consent_date"].max()
    end = pd.Timestamp(year, 12, 31)
    return {"as_of": as_of, "covered": as_of >= end - pd.Timedelta(days=365),
            "parties": int((status["party"] & (status["consent_date"] <= end)).sum()),
            "new": status[status["consent_date"].dt.year == year]}
