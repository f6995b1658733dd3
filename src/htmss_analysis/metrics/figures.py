"""Every figure of the reports, declared once: what it is and how it is counted.

A :class:`Figure` holds the data contract's key, title, plain-words
definition and unit, the table whose rows are its records, its filters as
named :class:`Step` s (in the order the definition applies them) and what it
measures (distinct values of a column, or a sum). Everything else derives from
that one declaration: the counting (:meth:`Figure.count`,
:meth:`Figure.per_country`, :func:`compute`), the records and waterfall of
:func:`htmss_analysis.metrics.explain.explain`, the reports' method annex,
``docs/indicators.md`` and the workbooks' headline sheets. Adding a figure is
one entry in :data:`REGISTRY` (or :data:`COUNTRY_REGISTRY`), its hand-worked
test and its words in the catalogs.

A row counts for programme P when P is among its programmes. For the section
as a whole (``programme=None`` or ``"all"``) every distinct count is taken over
the union of rows, never as a sum of programmes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .. import countries
from ..data.load import Dataset
from ..data.schema import CAPACITY_BUILDING
from ..frames import Frame
from ..marks import N_
from ..programmes import programme_code
from .scope import Scope
from .select import TEACHING_MODULE, among, kept

__all__ = ["COUNTRY_REGISTRY", "REGION_REGISTRY", "REGISTRY", "Figure", "Scope", "Step",
           "attributed", "compute", "compute_country", "compute_region", "country_figures",
           "headline", "recorded", "trend"]


Mask = Callable[[pd.DataFrame, Scope], pd.Series]


@dataclass(frozen=True)
class Step:
    """One named filter of a figure: the words of its waterfall and the rows it keeps.

    Attributes
    ----------
    words : str
        What the step keeps, as the method annex says it (a message).
    keep : callable
        ``keep(rows, scope) -> bool Series``.
    when : str
        ``programme``, ``country`` or ``region``: the step applies only when
        a programme, a country or a region is asked for; empty: always.
    kind : bool
        The step says which rows the figure could ever count, in any year
        (the TIP database, teaching modules): a programme none of whose rows
        pass the figure's ``kind`` steps has the figure "not attributed".
    column : str
        For a ``country`` or ``region`` step, the column holding the country.
    fill : tuple of (str, str)
        Values of the ``{fields}`` of ``words``.
    """

    words: str
    keep: Mask
    when: str = ""
    kind: bool = False
    column: str = ""
    fill: tuple[tuple[str, str], ...] = ()


# --- the steps figures share --------------------------------------------------------------


def _year_of(column: str) -> Mask:
    return lambda f, s: f[column].dt.year == s.year


def _equals(column: str, value: object) -> Mask:
    return lambda f, s: f[column] == value


def _known(column: str) -> Mask:
    return lambda f, s: f[column].notna()


def of_programme(exact: bool = False) -> Step:
    """Keep the programme's rows: those naming it (``exact``: rows of its own sites only)."""
    if exact:  # web rows with no programme are the section's, never one programme's
        return Step(N_("of the programme"), lambda f, s: f["programme"] == s.programme,
                    "programme")
    return Step(N_("of the programme"), lambda f, s: among(f["programme"], s.programme),
                "programme")


def country_is(column: str, words: str) -> Step:
    """Keep the rows of the country asked for, by ``column`` (country, nationality...)."""
    return Step(words, lambda f, s: f[column] == s.country, "country", column=column)


def region_is(column: str, words: str) -> Step:
    """Keep the rows whose ``column`` names a country of the region asked for."""
    return Step(words, lambda f, s: f[column].isin(tuple(sorted(countries.in_region(s.region)))),
                "region", column=column)


STARTING = Step(N_("starting in the year"), _year_of("start_date"))
ATTENDED = Step(N_("at activities starting in the year"), _year_of("start_date"))
ADDED = Step(N_("added in the year"), _year_of("added_date"))
PUBLISHED = Step(N_("published in the year"), _year_of("published_date"))
MONTHS = Step(N_("months of the year"), _year_of("month"))
CB = Step(N_("capacity building (training, training of trainers, mentoring, e-learning, "
             "workshop)"), lambda f, s: f["activity_type"].isin(tuple(sorted(CAPACITY_BUILDING))))
NATIONAL = Step(N_("national level"), _equals("level", "national"))
NATIONAL_REGIONAL = Step(N_("national or regional level"),
                         lambda f, s: f["level"].isin(("national", "regional")))
IN_COUNTRY = country_is("country", N_("in the country"))
FROM_COUNTRY = country_is("nationality", N_("participant of the country's nationality"))
IN_REGION = region_is("country", N_("in a country of the region"))
FROM_REGION = region_is("nationality", N_("participant of a nationality of the region"))


def database(name: str, kind: bool = True) -> Step:
    """Cases of one case law database (``TIP`` or ``SOM``)."""
    words = {"TIP": N_("TIP database"), "SOM": N_("SOM database")}[name]
    return Step(words, _equals("database", name), kind=kind)


def _engagement_kind(kind: str) -> Step:
    return Step(N_("kind {kind}"), _equals("kind", kind), kind=True, fill=(("kind", kind),))


# --- the declaration ----------------------------------------------------------------------


AS_PUBLISHED_RULE = N_(
    "Figures the highlights print rounded ({figures}) are shown as the publication does when "
    "they are 1,000 or more: rounded down to two significant figures, after 'more than' "
    "(4,587 is 'more than 4,500'); the exact figure is in the card's note and in the "
    "workbook.")
"""The published form's rule, as the method annex states it."""


def as_published(value: float) -> int | None:
    """Return the form the highlights print a rounded figure in, or ``None`` for the exact one.

    A figure of 1,000 or more is rounded down to two significant figures
    (4,587 -> 4,500; 1,046 -> 1,000; 615,232 -> 610,000); ``None`` when it is
    smaller, or already round, as nothing would be "more than" it.
    """
    value = int(value)
    if value < 1000:
        return None
    step = 10 ** (len(str(value)) - 2)
    rounded = value // step * step
    return rounded if rounded < value else None


@dataclass(frozen=True)
class Figure:
    """One figure, headline or country, with everything it says about itself.

    Attributes
    ----------
    key : str
        The data contract's key.
    title : str
        Short title, as the highlights print it (a message).
    definition : str
        What is counted, in plain words (a message).
    unit : str
        What one unit is (a message).
    table : str
        The contract table whose rows are the records; ``participants`` rows
        are attendances, with their activity's columns joined.
    steps : tuple of Step
        The filters, in the order the definition applies them.
    column : str
        The column counted (distinct values) or summed.
    measure : str
        ``distinct`` or ``sum``.
    ident : tuple of str
        For a sum, the columns naming each row (site and month); for a
        distinct count of cases, the key columns.
    part : str
        Where the highlights report it: ``headline`` (the cards),
        ``intergovernmental`` or ``knowledge``; ``country`` for a country figure.
    universe_table : str
        The table of the rows the figure could count, when not ``table``
        (people are trained at the programme's activities).
    note : str
        A sentence the definition ends with that several figures share.
    short : str
        A column heading for tables of many countries (country figures).
    rounded : bool
        Whether the highlights print it rounded (``OVER 4,500``): shown so
        under :func:`as_published`'s rule when a report asks for the published form.
    caption : str
        The caption of its card in the highlights, with the publication's
        qualifiers (where, who, "in one year", which sites or accounts); a
        ``{sites}`` or ``{accounts}`` field is filled with those the figure
        sums in the year. Empty: the title.
    """

    key: str
    title: str
    definition: str
    unit: str
    table: str
    steps: tuple[Step, ...]
    column: str
    measure: str = "distinct"
    ident: tuple[str, ...] = ()
    part: str = "headline"
    universe_table: str = ""
    note: str = field(default="", kw_only=True)
    short: str = field(default="", kw_only=True)
    rounded: bool = field(default=False, kw_only=True)
    caption: str = field(default="", kw_only=True)

    @property
    def tables(self) -> tuple[str, ...]:
        """The input tables the figure reads."""
        return ("activities", "participants") if self.table == "participants" else (self.table,)

    def applies(self, step: Step, scope: Scope) -> bool:
        """Say whether ``step`` filters the rows for ``scope``."""
        return not ((step.when == "programme" and scope.programme is None)
                    or (step.when == "country" and scope.country is None)
                    or (step.when == "region" and scope.region is None))

    def rows(self, data: Dataset, scope: Scope) -> pd.DataFrame:
        """Return the records left after every step that applies to ``scope``."""
        frame = records_table(data, self.table)
        for step in self.steps:
            if self.applies(step, scope):
                frame = frame[step.keep(frame, scope).to_numpy(dtype=bool)]
        return frame

    def value(self, rows: pd.DataFrame) -> int:
        """Measure the records: distinct values (or key tuples), or a sum."""
        if self.measure == "sum":
            return int(rows[self.column].sum())
        if self.ident:
            return len(rows[list(self.ident)].drop_duplicates())
        return int(rows[self.column].nunique())

    def count(self, data: Dataset, year: int, programme: str | None = None,
              country: str | None = None, region: str | None = None) -> int:
        """Count the figure for a year and a programme (or the section), one country or region."""
        return self.value(self.rows(data, Scope(year, programme_code(programme), country,
                                                region)))

    def per_country(self, data: Dataset, year: int, programme: str | None = None
                    ) -> pd.Series:
        """Count a country figure for every country at once (ISO3 index, non-zero only).

        Blank countries and SHERLOC's "International and regional bodies" are
        left out: they are no country.
        """
        by = next(s.column for s in self.steps if s.when == "country")
        rows = self.rows(data, Scope(year, programme_code(programme)))
        rows = rows[rows[by].notna() & (rows[by] != countries.INTERNATIONAL_BODIES)]
        if self.ident:
            counts = rows.drop_duplicates([by, *self.ident]).groupby(by).size()
        else:
            counts = rows.groupby(by)[self.column].nunique()
        return counts.astype("int64")

    def universe(self, data: Dataset) -> pd.DataFrame:
        """Return every row, of any year, the figure could count (its ``kind`` steps only)."""
        frame = getattr(data, self.universe_table or self.table)
        for step in self.steps:
            if step.kind:
                frame = frame[step.keep(frame, Scope(0)).to_numpy(dtype=bool)]
        return frame


def records_table(data: Dataset, table: str) -> pd.DataFrame:
    """Return the rows a figure starts from (attendances with their activity for people)."""
    return data.attendances if table == "participants" else getattr(data, table)


ENGAGEMENT_NOTE = N_("For a programme, the engagements that name it; a blank-programme "
                     "engagement counts for the section only.")
"""What every engagement figure's definition ends with."""


def _engagements(key: str, kind: str, title: str, definition: str, unit: str) -> Figure:
    return Figure(key, title, definition, unit, "engagements",
                  (Step(N_("dated in the year"), _year_of("date")), of_programme(),
                   _engagement_kind(kind)), "engagement_id", part="intergovernmental",
                  note=ENGAGEMENT_NOTE)


REGISTRY: dict[str, Figure] = {
    f.key: f
    for f in (
        Figure("technical_cooperation_activities", N_("Technical cooperation activities"),
               N_("Activities starting in the year at national or regional level, organized or "
                  "contributed to. Global-level activities are not counted."),
               N_("activities"), "activities",
               (STARTING, of_programme(), NATIONAL_REGIONAL), "activity_id",
               caption=N_("Technical cooperation activities organized or contributed to at "
                          "the national and regional level")),
        Figure("countries_assisted", N_("Countries provided with direct capacity building"),
               N_("Distinct countries assisted by national-level capacity-building activities "
                  "(training, training of trainers, mentoring, e-learning, workshops) starting "
                  "in the year."), N_("countries"), "activities",
               (STARTING, of_programme(), CB, NATIONAL,
                Step(N_("country given"), _known("country"))), "country",
               caption=N_("Countries provided with direct capacity building assistance")),
        Figure("countries_represented", N_("Countries represented in capacity building"),
               N_("Distinct known nationalities of participants in national- or regional-level "
                  "capacity-building activities starting in the year."), N_("countries"),
               "participants",
               (ATTENDED, of_programme(), CB, NATIONAL_REGIONAL,
                Step(N_("nationality known"), _known("nationality"))), "nationality",
               universe_table="activities",
               caption=N_("Countries represented in capacity building activities at the "
                          "national and regional level")),
        Figure("people_trained", N_("Practitioners, officials and civil society trained"),
               N_("Distinct people (participant_id) attending capacity-building activities at "
                  "any level starting in the year; a person trained twice, or by two "
                  "programmes, counts once."), N_("people"), "participants",
               (ATTENDED, of_programme(), CB), "participant_id", universe_table="activities",
               rounded=True,
               caption=N_("Practitioners, government officials and civil society "
                          "representatives trained")),
        Figure("tools_and_publications", N_("Tools and publications"),
               N_("Standard-setting tools, technical cooperation tools and publications "
                  "published in the year; teaching modules are counted apart."),
               N_("publications"), "publications",
               (PUBLISHED, of_programme(),
                Step(N_("not a teaching module"), lambda f, s: f["category"] != TEACHING_MODULE,
                     kind=True)), "publication_id",
               caption=N_("Standard-setting and technical cooperation tools and publications "
                          "developed or contributed to")),
        Figure("cases_added", N_("Cases added to the case law databases"),
               N_("Cases analysed and added to UNODC's case law databases (TIP and SOM) in the "
                  "year."), N_("cases"), "cases", (ADDED, of_programme()), "case",
               ident=("database", "case_id"),
               caption=N_("Cases analysed and included in UNODC's case law databases on "
                          "trafficking in persons and the smuggling of migrants")),
        Figure("jurisdictions_tip", N_("Jurisdictions of TIP cases added"),
               N_("Distinct jurisdictions of the TIP cases added in the year; 'International "
                  "and regional bodies' counts as one."), N_("jurisdictions"), "cases",
               (ADDED, of_programme(), database("TIP"),
                Step(N_("jurisdiction given"), _known("jurisdiction"))), "jurisdiction",
               caption=N_("Jurisdictions of the trafficking in persons cases")),
        Figure("jurisdictions_som", N_("Jurisdictions of SOM cases added"),
               N_("Distinct jurisdictions of the SOM cases added in the year; 'International "
                  "and regional bodies' counts as one."), N_("jurisdictions"), "cases",
               (ADDED, of_programme(), database("SOM"),
                Step(N_("jurisdiction given"), _known("jurisdiction"))), "jurisdiction",
               caption=N_("Jurisdictions of the smuggling of migrants cases")),
        Figure("web_stories", N_("Web stories published"),
               N_("Web stories published in the year."), N_("stories"), "web_stories",
               (PUBLISHED, of_programme()), "story_id",
               caption=N_("Web stories published on the {sites} web pages")),
        Figure("page_views", N_("Page views"),
               N_("Page views summed over the months of the year; for a programme, only the "
                  "rows of its own sites."), N_("page views"), "web_traffic",
               (MONTHS, of_programme(exact=True)), "page_views", "sum", ("site", "month"),
               caption=N_("Page views of the {sites} web pages")),
        Figure("social_media_posts", N_("Social media posts"),
               N_("Posts summed over the months of the year; for a programme, only the rows "
                  "of its own accounts."), N_("posts"), "social_media",
               (MONTHS, of_programme(exact=True)), "posts", "sum", ("account", "month"),
               rounded=True,
               caption=N_("Posts on the {accounts} social media accounts in one year")),
        # Contract version 2: from the optional tables, 0 where they are absent.
        Figure("teaching_modules", N_("Teaching modules"),
               N_("Teaching modules (publications of category teaching_module, such as the "
                  "E4J university modules) published in the year."), N_("modules"),
               "publications",
               (PUBLISHED, of_programme(),
                Step(N_("teaching module"), _equals("category", TEACHING_MODULE), kind=True)),
               "publication_id", part="knowledge"),
        _engagements("sessions_serviced", "session_serviced",
                     N_("Sessions of intergovernmental bodies serviced"),
                     N_("Sessions of intergovernmental bodies (CCPCJ, UNTOC COP and its working "
                        "groups) the section serviced, by first day in the year."),
                     N_("sessions")),
        _engagements("meetings_organized", "meeting_organized",
                     N_("Inter-agency meetings organized"),
                     N_("Meetings the section organized (such as the meeting of ICAT "
                        "Principals), dated in the year."), N_("meetings")),
        _engagements("briefings", "briefing", N_("Briefings and side events"),
                     N_("Briefings and side events the section organized or substantively "
                        "contributed to, dated in the year."), N_("briefings")),
        _engagements("report_inputs", "report_input", N_("Inputs to UN reports"),
                     N_("Inputs to reports of the Secretary-General, the General Assembly, the "
                        "Security Council or ECOSOC, by submission date in the year."),
                     N_("reports")),
        _engagements("reports_prepared", "report_prepared", N_("Reports drafted or coordinated"),
                     N_("Reports the section drafted or coordinated, by submission date in the "
                        "year."), N_("reports")),
    )
}
"""Every headline figure, by the contract's key, in the order the highlights print them."""


def _cases_added(name: str, where: Step, title: str, definition: str, short: str) -> Figure:
    """Cases of database ``name`` added in the year whose jurisdiction ``where`` keeps."""
    return Figure(f"cases_added_{name.lower()}", title, definition, N_("cases"), "cases",
                  (ADDED, of_programme(), database(name, kind=False), where),
                  "case", ident=("database", "case_id"), part=where.when, short=short)


OF_COUNTRY = country_is("jurisdiction", N_("of the country's jurisdiction"))
OF_REGION = region_is("jurisdiction", N_("of a jurisdiction of the region"))


COUNTRY_REGISTRY: dict[str, Figure] = {
    f.key: f
    for f in (
        Figure("activities_in_country", N_("Activities in the country"),
               N_("Activities starting in the year whose country is the country, at any level "
                  "(national, regional or global events it hosted), of any type and role."),
               N_("activities"), "activities", (STARTING, of_programme(), IN_COUNTRY),
               "activity_id", part="country", short=N_("activities")),
        Figure("capacity_building_in_country", N_("Capacity building in the country"),
               N_("National-level capacity-building activities (training, training of "
                  "trainers, mentoring, e-learning, workshops) starting in the year whose "
                  "country is the country."), N_("activities"), "activities",
               (STARTING, of_programme(), CB, NATIONAL, IN_COUNTRY), "activity_id",
               part="country", short=N_("capacity building")),
        Figure("people_trained", N_("People of the country trained"),
               N_("Distinct people (participant_id) of the country's nationality attending "
                  "capacity-building activities at any level, anywhere, starting in the "
                  "year."), N_("people"), "participants",
               (ATTENDED, of_programme(), CB, FROM_COUNTRY), "participant_id", part="country",
               short=N_("people trained")),
        Figure("activities_attended", N_("Activities its people attended"),
               N_("Distinct activities starting in the year, of any level or type and "
                  "anywhere, with at least one participant of the country's nationality."),
               N_("activities"), "participants", (ATTENDED, of_programme(), FROM_COUNTRY),
               "activity_id", part="country", short=N_("activities attended")),
        _cases_added("TIP", OF_COUNTRY, N_("TIP cases added"),
                     N_("Cases of the TIP database with the country's jurisdiction added in the "
                        "year."), N_("TIP cases")),
        _cases_added("SOM", OF_COUNTRY, N_("SOM cases added"),
                     N_("Cases of the SOM database with the country's jurisdiction added in the "
                        "year."), N_("SOM cases")),
    )
}
"""Every country figure, by the contract's key, in the contract's order."""


REGION_REGISTRY: dict[str, Figure] = {
    f.key: f
    for f in (
        Figure("activities_in_region", N_("Activities in the region"),
               N_("Activities starting in the year whose country is in the region, at any "
                  "level (national, regional or global events held there), of any type and "
                  "role."), N_("activities"), "activities", (STARTING, of_programme(), IN_REGION),
               "activity_id", part="region", short=N_("activities")),
        Figure("capacity_building_in_region", N_("Capacity building in the region"),
               N_("National-level capacity-building activities (training, training of "
                  "trainers, mentoring, e-learning, workshops) starting in the year whose "
                  "country is in the region."), N_("activities"), "activities",
               (STARTING, of_programme(), CB, NATIONAL, IN_REGION), "activity_id",
               part="region", short=N_("capacity building")),
        Figure("countries_assisted", N_("Countries of the region assisted"),
               N_("Distinct countries of the region with a national-level capacity-building "
                  "activity starting in the year."), N_("countries"), "activities",
               (STARTING, of_programme(), CB, NATIONAL, IN_REGION), "country",
               part="region", short=N_("countries assisted")),
        Figure("people_trained", N_("People of the region trained"),
               N_("Distinct people (participant_id) of a nationality of the region attending "
                  "capacity-building activities at any level, anywhere, starting in the "
                  "year."), N_("people"), "participants",
               (ATTENDED, of_programme(), CB, FROM_REGION), "participant_id", part="region",
               short=N_("people trained")),
        _cases_added("TIP", OF_REGION, N_("TIP cases added"),
                     N_("Cases of the TIP database with a jurisdiction of the region added in "
                        "the year."), N_("TIP cases")),
        _cases_added("SOM", OF_REGION, N_("SOM cases added"),
                     N_("Cases of the SOM database with a jurisdiction of the region added in "
                        "the year."), N_("SOM cases")),
    )
}
"""Every regional figure, by the contract's key, in the contract's order."""


# --- counting every figure ------------------------------------------------------------------


def compute(data: Dataset, year: int, programme: str | None = None) -> dict[str, int]:
    """Compute every headline figure for a year and a programme (or the section).

    Counted once per dataset, year and programme (a report asks for its
    figures in several sections), and by the declarations as they are now.

    Returns
    -------
    dict of str to int
        The contract's keys and their values.
    """
    code = programme_code(programme)
    key = ("figures", year, code, tuple(REGISTRY.values()))
    if key not in data.memo:
        data.memo[key] = {k: figure.count(data, year, code) for k, figure in REGISTRY.items()}
    return dict(data.memo[key])


def records_of(data: Dataset, key: str, year: int, programme: str | None = None,
               registry: dict[str, Figure] | None = None) -> pd.DataFrame:
    """Return the rows figure ``key`` counts in ``year``: its declared steps, applied once.

    The selections other counts start from (the people trained by sex, the
    countries behind a count, what programmes share) are these rows: a rule is
    written once, in its figure's declaration. Kept once per dataset; a frame
    of its own.
    """
    figure = (registry or REGISTRY)[key]
    scope = Scope(year, programme_code(programme))
    return kept(data, ("records", figure, scope), lambda: figure.rows(data, scope))


def values_of(data: Dataset, key: str, year: int, programme: str | None = None,
              registry: dict[str, Figure] | None = None) -> set:
    """Return the distinct values figure ``key`` counts in ``year`` (countries, people...)."""
    figure = (registry or REGISTRY)[key]
    return set(records_of(data, key, year, programme, registry)[figure.column].dropna())


def compute_country(data: Dataset, year: int, country: str, programme: str | None = None
                    ) -> dict[str, int]:
    """Compute every country figure of ``country`` (an ISO3 code) for a year.

    Read from :func:`country_figures`, which counts every country at once and
    keeps the result on the dataset: a country brief, or a build's worker
    running one brief after another, never counts every country again.

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
    every = country_figures(data, year, programme)
    row = every[every["iso3"] == country]
    if row.empty:  # no figure in the year: every figure is 0
        return dict.fromkeys(COUNTRY_REGISTRY, 0)
    return {key: int(row[key].iloc[0]) for key in COUNTRY_REGISTRY}


def compute_region(data: Dataset, year: int, region: str, programme: str | None = None
                   ) -> dict[str, int]:
    """Compute every regional figure of ``region`` (an M49 code) for a year.

    Counted once per dataset, year, region and programme (kept in
    :attr:`~htmss_analysis.data.load.Dataset.memo`): a regional brief asks for
    its figures in several sections.
    """
    code = programme_code(programme)
    key = ("region figures", year, region, code)
    if key not in data.memo:
        data.memo[key] = {k: figure.count(data, year, code, region=region)
                          for k, figure in REGION_REGISTRY.items()}
    return dict(data.memo[key])


def counted(data: Dataset) -> list[tuple[int, str | None]]:
    """Return each (year, programme) for which every country was counted on ``data``.

    Kept with the dataset (:func:`country_figures` adds to it): a report
    records those its run added (its last cell's metadata), so a build can
    show that a worker counts every country once, not once per brief.
    """
    return data.memo.setdefault("countries counted", [])


def country_figures(data: Dataset, year: int, programme: str | None = None) -> Frame:
    """Every country with at least one non-zero country figure in ``year``, by ISO3 code.

    Counted once per dataset, year and programme (kept in
    :attr:`~htmss_analysis.data.load.Dataset.memo`); each call returns a frame
    of its own.

    Returns
    -------
    Frame
        ``iso3``, then one column per key of :data:`COUNTRY_REGISTRY`.
    """
    def count() -> Frame:
        counted(data).append((year, programme_code(programme)))
        series = {k: figure.per_country(data, year, programme)
                  for k, figure in COUNTRY_REGISTRY.items()}
        table = pd.DataFrame(series).reindex(columns=list(COUNTRY_REGISTRY)).fillna(0)
        table = table.astype("int64")
        table = table[(table > 0).any(axis=1)].sort_index()
        return Frame(table.rename_axis("iso3").reset_index())

    return kept(data, ("country_figures", year, programme_code(programme)), count)


def attributed(data: Dataset, key: str, programme: str | None = None) -> bool:
    """Say whether the data attributes figure ``key`` to ``programme`` at all.

    True for the section as a whole. For a programme, true when at least one
    row the figure could count, in any year, belongs to the programme: page
    views of a data set whose web rows all belong to the section as a whole
    are "not attributed" to any programme, not 0. A figure with no row at
    all is attributed (and has no records).
    """
    code = programme_code(programme)
    if code is None:
        return True
    rows = REGISTRY[key].universe(data)
    # No row at all, of any programme: nothing is attributed elsewhere; the figure has
    # no records (see :func:`recorded_in`), for the programme as for the section.
    return rows.empty or bool(among(rows["programme"], code).any())


def recorded_in(data: Dataset, key: str, year: int, programme: str | None = None) -> bool:
    """Say whether the data records figure ``key`` in ``year`` at all (for ``programme``).

    False, and the figure is not 0 but unknown ("no records"), when the
    figure's table has no row of the year at all (never filled in for the
    year), or when no row of the year, in any table, names the programme (a
    programme absent from the year's records). A table with rows of the year
    but none of the figure's kind (no teaching module among the year's
    publications), or a programme active in the year with none of the
    figure's rows, gives a true 0.
    """
    from ..data.schema import TABLES

    figure = REGISTRY[key]
    table = figure.universe_table or figure.table
    if not _in_year(getattr(data, table), TABLES[table].period, year).any():
        return False
    code = programme_code(programme)
    return code is None or active(data, year, code)


def active(data: Dataset, year: int, programme: str) -> bool:
    """Say whether any row of ``year``, in any table, names ``programme``."""
    from ..data.schema import TABLES

    key = ("active", year, programme)
    if key not in data.memo:
        data.memo[key] = any(
            bool((_in_year(frame, table.period, year)
                  & among(frame["programme"], programme).to_numpy(dtype=bool)).any())
            for name, table in TABLES.items()
            if table.period and "programme" in (frame := getattr(data, name))
            and not frame.empty)
    return data.memo[key]


def _in_year(rows: pd.DataFrame, period: str, year: int):
    """Return a boolean array: the rows whose period column falls in ``year``."""
    values = rows[period]
    years = values.dt.year if hasattr(values, "dt") else values
    return (years == year).fillna(False).to_numpy(dtype=bool)


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
        ``change`` when ``compare``), ``attributed``: false for a figure
        the data never attributes to the programme (its value is then 0 by
        the contract, but means "not counted for this programme"), and
        ``recorded``: false when no row of the year could count (its 0 means
        "no records", see :func:`recorded_in`).
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
    table["recorded"] = [recorded_in(data, k, year, programme) for k in now]
    return table


def trend(data: Dataset, years: list[int], programme: str | None = None) -> Frame:
    """Return every headline figure for each of ``years``, with the change over the last step.

    Returns
    -------
    Frame
        Indexed by key: ``title``, one integer column per year (named by the
        year as text), ``change`` (last year minus the one before; absent with
        a single year) and ``attributed``.
    """
    out = Frame({"title": [REGISTRY[k].title for k in REGISTRY]},
                index=pd.Index(list(REGISTRY), name="key"))
    for y in years:
        values = compute(data, y, programme)
        out[str(y)] = [values[k] for k in REGISTRY]
    if len(years) > 1:
        out["change"] = out[str(years[-1])] - out[str(years[-2])]
    out["attributed"] = [attributed(data, k, programme) for k in REGISTRY]
    return out


