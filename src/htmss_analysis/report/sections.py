"""The sections of the HTML reports, one function each: metrics in, display objects out.

A notebook cell calls one of these and displays what it returns. Sections ask
:mod:`htmss_analysis.indicators` for figures and frames and only format them:
no counting and no loading happens here. Every piece of text that comes from
the data is escaped (see :mod:`.html`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps

import pandas as pd

from .. import __version__, indicators, languages, programmes, sdg
from .. import countries as country_names
from ..languages import N_, _, ngettext, short_date
from ..loaders import Dataset, check_year, reasons_in_words
from ..problems import grouped
from ..sources import PublicSources
from . import charts, export
from .html import Html, cards, cell_text, esc, header, heading, num, para, table, words

NOT_ATTRIBUTED = N_("not attributed")
"""How a figure the data never attributes to a programme reads in a table (translated)."""


# --- context -------------------------------------------------------------------------


@dataclass
class Context:
    """What a report is about: its data, year, programme and parameters.

    Attributes
    ----------
    data : Dataset
        Loaded, validated data.
    year : int
        Reporting year.
    programme : str or None
        Programme code, or ``None`` for the section as a whole.
    years : list of int
        The reporting year and up to ``years_back`` years before it that the data has.
    parameters : dict
        What the report was made with, for the method annex (file names only,
        never a full path).
    sources : PublicSources
        Public data (GLOTIP, SHERLOC, treaty status) the analyst pointed the report at.
    country : str or None
        ISO3 code of the country of a country brief; ``None`` otherwise.
    briefs : str
        Folder of the country briefs built with this report, relative to it
        (``countries``): country names link to their briefs. Empty: no links.
    briefed : frozenset of str
        The ISO3 codes of the countries that have a brief there.
    lang : str
        The report's language: ``en``, ``fr`` or ``es``
        (:data:`htmss_analysis.languages.LANGUAGES`).
    """

    data: Dataset
    year: int
    programme: str | None
    years: list[int]
    parameters: dict = field(default_factory=dict)
    sources: PublicSources = field(default_factory=lambda: PublicSources({}))
    country: str | None = None
    briefs: str = ""
    briefed: frozenset[str] = frozenset()
    lang: str = "en"
    memo: dict = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        """The programme as publications write it, or HTMSS."""
        return programmes.label(self.programme)

    @property
    def name(self) -> str:
        """The programme's full name, or the section's, in the report's language."""
        if self.programme:
            return languages.programme_name(self.programme, self.lang)
        with languages.using(self.lang):
            return _(programmes.SECTION_NAME)


def localized(section: Callable) -> Callable:
    """Make a section write in its context's language (its first argument's ``lang``)."""

    @wraps(section)
    def in_language(ctx: Context, *args, **kwargs):
        with languages.using(ctx.lang):
            return section(ctx, *args, **kwargs)

    return in_language


def country(ctx: Context, iso3: str) -> str:
    """Return a country's name in the report's language."""
    return languages.country_name(iso3, ctx.lang)


def regions(ctx: Context, values: pd.Series) -> pd.Series:
    """Name UN M49 regions in the report's language."""
    return values.map(lambda r: languages.region_name(r, ctx.lang) if isinstance(r, str) else r)


def context(data: Dataset, year: int, programme: str | None = None, years_back: int = 2,
            sources: PublicSources | None = None, country: str | None = None,
            briefs: str = "", brief_countries: str = "all", lang: str = "en") -> Context:
    """Fix what a report covers.

    Parameters
    ----------
    data : Dataset
        Loaded data (:func:`htmss_analysis.load`).
    year : int
        Reporting year.
    programme : str, optional
        Programme code; ``None``, ``""`` or ``"all"`` for the section.
    years_back : int
        How many earlier years to show beside the reporting year.
    sources : PublicSources, optional
        Public data for the country context
        (:func:`htmss_analysis.sources.public_sources`).
    country : str, optional
        For a country brief: an ISO3 code or a country name.
    briefs : str, optional
        Folder of the country briefs built beside the report (relative to
        it); country names then link to their briefs.
    brief_countries : str, optional
        Which countries have a brief: ``"all"`` (every country with a
        non-zero country figure in the year) or ISO3 codes separated by spaces.
    lang : str, optional
        The report's language: ``en`` (default), ``fr`` or ``es``. Only the
        words change: the figures are the same in every language.

    Raises
    ------
    DataError
        When no table has a row in ``year`` (the message names the years the
        data covers).
    UnknownCountry
        When ``country`` names no country.
    ValueError
        When ``lang`` is not a report language.
    """
    lang = languages.check(lang)
    check_year(data, year)
    code = programmes.programme_code(programme)
    iso3 = country_names.to_iso3(country) if country else None
    present = set(data.years)
    years = [y for y in range(year - years_back, year) if y in present] + [year]
    sources = sources or PublicSources({})
    params = {"year": year, "programme": code or programmes.ALL,
              "data": "synthetic sample" if data.synthetic else data.folder.name,
              "years_back": years_back,
              "public sources config": sources.config.name if sources.config else "none"}
    if iso3:
        params = {"country": iso3, **params}
    if lang != "en":
        params["lang"] = lang
    export.collect()  # the tables this report shows, for its workbook
    briefed: frozenset[str] = frozenset()
    if briefs:
        briefed = frozenset(indicators.country_figures(data, year)["iso3"])
        if brief_countries.strip().lower() != "all":
            briefed &= {country_names.to_iso3(c) for c in brief_countries.split()}
    return Context(data, year, code, years, params, sources, iso3, briefs, briefed, lang)


# --- sections ------------------------------------------------------------------------


SUBTITLES = {"programme report": N_("programme report"),
             "highlights at a glance": N_("highlights at a glance"),
             "country brief": N_("country brief"), "country briefs": N_("country briefs")}
"""The subtitles of the package's notebooks, translated in the report's language."""


@localized
def title(ctx: Context, subtitle: str = "") -> Html:
    """Return the report's title block; it also names the page (``<title>``) and its language.

    A subtitle of the package's notebooks (:data:`SUBTITLES`) is translated;
    any other is shown as given.
    """
    subtitle = _(SUBTITLES[subtitle]) if subtitle in SUBTITLES else subtitle
    sample = " " + _("(synthetic sample data)") if ctx.data.synthetic else ""
    who = country(ctx, ctx.country) if ctx.country else ctx.label
    page = f"{who} {ctx.year} {subtitle}".strip()
    heading_ = (_("{who} {year}: {subtitle}").format(who=who, year=ctx.year, subtitle=subtitle)
                if subtitle else f"{who} {ctx.year}")
    unodc = _("UNODC")
    parts = [f'<header class="report-title"><p class="kicker">{esc(unodc)} · '
             f'{esc(_(programmes.SECTION_NAME))}</p><h1>{esc(heading_)}</h1>'
             f'<p class="subtitle">{esc(ctx.name)}{esc(sample)}</p></header>']
    if ctx.programme is None and ctx.country is None:
        # the highlights: spell each programme out at its first use
        parts.append(para(_("Global programmes: {list}.").format(list=languages.semicolons(
            f"{p.label}, {languages.programme_name(p.code)}"
            for p in programmes.PROGRAMMES.values())), "note"))
    return Html(*parts, title=page, lang=ctx.lang)


def _titled(frame: pd.DataFrame) -> pd.DataFrame:
    """Translate the ``title`` column of a frame of registry figures."""
    return frame.assign(title=frame["title"].map(_))


@localized
def headline_cards(ctx: Context) -> Html:
    """Show the headline figures of the year as large numbers, as the highlights do.

    A figure the data never attributes to the programme gets no card (a big 0
    would read as a result); a note names those figures instead.
    """
    table_ = _titled(indicators.headline(ctx.data, ctx.year, ctx.programme, compare=False))
    table_ = table_[[indicators.REGISTRY[k].part == "headline" for k in table_.index]]
    shown = table_[table_["attributed"]]
    parts = [heading(_("{year} highlights").format(year=ctx.year), anchor="highlights"),
             cards(((k, v, t) for k, v, t in zip(shown.index, shown["value"], shown["title"],
                                                 strict=True)), rules=True)]
    left_out = table_[~table_["attributed"]]
    if len(left_out):
        parts.append(para(_("Not attributed to {programme}: {figures}. The data records these "
                            "for the section as a whole or for other programmes only.").format(
            programme=ctx.label, figures=languages.semicolons(left_out["title"])), "note"))
    if ctx.programme and not shown["value"].any():
        parts.append(para(_("{programme} has no rows in {year}: no activity, case, "
                            "publication, story or web figure of the year names it.").format(
            programme=ctx.label, year=ctx.year), "empty"))
    return Html(*parts)


@localized
def headline_trend(ctx: Context) -> Html:
    """Tabulate the headline figures of the years shown, with the change from the last."""
    trend = _titled(indicators.trend(ctx.data, ctx.years, ctx.programme))
    trend = trend[[indicators.recorded(ctx.data, k) for k in trend.index]]
    figure = _("figure")
    frame = trend.drop(columns="attributed").reset_index(drop=True).rename(
        columns={"title": figure})
    if "change" in frame:
        frame = frame.rename(columns={
            "change": _("change from {year}").format(year=ctx.years[-2])})
    value_columns = [c for c in frame.columns if c != figure]
    frame[value_columns] = frame[value_columns].astype(object)
    frame.loc[~trend["attributed"].to_numpy(), value_columns] = _(NOT_ATTRIBUTED)
    note = _("Earlier years are shown where the data has them. Programme figures count "
             "joint activities for each programme taking part.")
    return Html(heading(_("Headline figures over time"), 3),
                table(frame, tuple(value_columns)), para(note, "note"))


def _several_note(ctx: Context, by: str) -> str:
    """Say how many people count under more than one value of ``by``, if any."""
    n = indicators.people_in_several(ctx.data, ctx.year, by, ctx.programme)
    if not n:
        return ""
    texts = {
        "sex": ngettext("{n} person attended under more than one sex; each counts once under "
                        "every sex they attended under, so this column adds up to more than "
                        "the people trained.",
                        "{n} people attended under more than one sex; each counts once under "
                        "every sex they attended under, so this column adds up to more than "
                        "the people trained.", n),
        "group": ngettext("{n} person attended under more than one professional group; each "
                          "counts once under every group they attended under, so this column "
                          "adds up to more than the people trained.",
                          "{n} people attended under more than one professional group; each "
                          "counts once under every group they attended under, so this column "
                          "adds up to more than the people trained.", n),
        "region": ngettext("{n} person attended under more than one region of nationality; "
                           "each counts once under every region they attended under, so this "
                           "column adds up to more than the people trained.",
                           "{n} people attended under more than one region of nationality; "
                           "each counts once under every region they attended under, so this "
                           "column adds up to more than the people trained.", n),
    }
    return para(texts[by].format(n=num(n)), "note")


@localized
def activities(ctx: Context) -> Html:
    """Activities by type, level and role, month and UN region, and by country."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_type = indicators.activities_by(d, y, "activity_type", p)
    by_type["activity_type"] = by_type["activity_type"].map(words)
    by_level = indicators.activities_by(d, y, "level", p)
    by_level["level"] = by_level["level"].map(words)
    by_role = indicators.activities_by(d, y, "role", p)
    by_role["role"] = by_role["role"].map(words)
    by_region = indicators.activities_by(d, y, "region", p)
    by_region["region"] = regions(ctx, by_region["region"])
    by_country = indicators.activities_by(d, y, "country", p)
    by_month = indicators.activities_by(d, y, "month", p)
    total = by_level["activities"].sum()
    unit = _("activities")
    return Html(
        heading(_("Technical cooperation activities"), anchor="activities"),
        para(_("{total} activities started in {year} at all levels; the headline figure "
               "counts the {counted} at national and regional level.").format(
            total=num(total), year=y,
            counted=num(indicators.technical_cooperation_activities(d, y, p)))),
        charts.monthly(by_month, "activities",
                       _("Activities started per month, {year}").format(year=y), unit),
        charts.bar(by_type, "activity_type", "activities",
                   _("Activities by type, {year}").format(year=y), unit, horizontal=True,
                   color_index=1),
        '<div class="two">', table(by_level, ("activities",), _("By level")),
        table(by_role, ("activities",), _("Organized or contributed to")), "</div>",
        charts.bar(by_region, "region", "activities",
                   _("Activities by UN region of the country assisted or host country, "
                     "{year}").format(year=y), unit, color_index=2),
        heading(_("Activities by country"), 3),
        table(_linked(ctx, by_country.rename(columns={"country": "ISO3"}), "ISO3"),
              ("activities",), nowrap=("ISO3",), links={"name": "brief"}),
    )


@localized
def people(ctx: Context) -> Html:
    """People trained by sex and group, attendances against people, knowledge gain."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_sex = indicators.people_by(d, y, "sex", p)
    by_sex["sex"] = by_sex["sex"].map(words)
    by_group = indicators.people_by(d, y, "group", p)
    by_group["group"] = by_group["group"].map(words)
    by_region = indicators.people_by(d, y, "region", p)
    by_region["region"] = regions(ctx, by_region["region"])
    att = indicators.attendance_summary(d, y, p)
    att[att.columns[0]] = att[att.columns[0]].map(words)
    gain = indicators.knowledge_gain(d, y, p)
    unit = _("people")
    parts = [
        heading(_("People trained"), anchor="people"),
        para(_("{n} distinct people attended capacity-building activities starting in {year}. "
               "A person who attended several activities counts once.").format(
            n=num(indicators.people_trained(d, y, p)), year=y)),
        '<div class="two">', table(by_sex, ("people",), _("By sex")),
        table(att, ("attendances", "people"), _("Attendances and unique people")), "</div>",
        _several_note(ctx, "sex"),
        charts.bar(by_group, "group", "people",
                   _("People trained by professional group, {year}").format(year=y), unit,
                   horizontal=True, color_index=0),
        _several_note(ctx, "group"),
        charts.bar(by_region, "region", "people",
                   _("People trained by UN region of nationality, {year}").format(year=y),
                   unit, color_index=4),
        _several_note(ctx, "region"),
        heading(_("Knowledge gain"), 3),
    ]
    if gain.empty:
        parts.append(para(_("No attendance has both a pre-test and a post-test score."),
                          "empty"))
    else:
        shown = gain.copy()
        shown["activity_type"] = shown["activity_type"].map(words)
        shown["improved_share"] = shown["improved_share"] * 100
        shown = shown.rename(columns={
            "activity_type": _("activity type"), "tested": _("attendances tested"),
            "pre_test": _("mean pre-test"), "post_test": _("mean post-test"),
            "gain": _("mean gain (points)"), "improved_share": _("improved (%)")})
        parts += [
            para(_("Mean scores (0-100) of attendances with both a pre-test and a "
                   "post-test.")),
            charts.grouped_bar(gain.assign(activity_type=gain["activity_type"].map(words)),
                               "activity_type",
                               {"pre_test": _("pre-test"), "post_test": _("post-test")},
                               _("Mean test scores before and after, {year}").format(year=y),
                               _("score (0-100)")),
            table(shown, tuple(c for c in shown.columns if c != _("activity type"))),
        ]
    return Html(*parts)


def _grouped_countries(ctx: Context, frame: pd.DataFrame) -> str:
    if frame.empty:
        return para(_("None."), "empty")
    items = []
    frame = frame.assign(region=regions(ctx, frame["region"]))
    for region, group in sorted(frame.groupby("region", sort=False),
                                key=lambda g: country_names.fold(g[0])):
        names = ", ".join(_country_link(ctx, code, name) for name, code in
                          sorted(zip(group["country"], group["iso3"], strict=True),
                                 key=lambda p: country_names.fold(p[0])))
        items.append(f"<li><strong>{esc(region)}</strong> ({len(group)}): {names}</li>")
    return f'<ul class="countries">{"".join(items)}</ul>'


def _country_link(ctx: Context, iso3: str, name: str) -> str:
    """Return a country's name, linked to its brief when the report links to briefs."""
    href = brief_link(ctx, iso3)
    return f'<a href="{esc(href)}">{esc(name)}</a>' if href else esc(name)


def _linked(ctx: Context, frame: pd.DataFrame, code: str) -> pd.DataFrame:
    """Add a ``brief`` column: the address of each row's country brief (or "")."""
    return frame.assign(brief=[brief_link(ctx, c) for c in frame[code]])


@localized
def countries(ctx: Context) -> Html:
    """Countries assisted and represented, listed by UN region."""
    assisted = indicators.countries_list(ctx.data, ctx.year, ctx.programme, "assisted")
    represented = indicators.countries_list(ctx.data, ctx.year, ctx.programme, "represented")
    return Html(
        heading(_("Countries"), anchor="countries"),
        heading(ngettext("{n} country provided with direct capacity building",
                         "{n} countries provided with direct capacity building",
                         len(assisted)).format(n=len(assisted)), 3),
        _grouped_countries(ctx, assisted),
        heading(ngettext("{n} country represented in national and regional capacity building",
                         "{n} countries represented in national and regional capacity "
                         "building", len(represented)).format(n=len(represented)), 3),
        _grouped_countries(ctx, represented),
    )


@localized
def sdgs(ctx: Context) -> Html:
    """Activities and countries per SDG target."""
    frame = indicators.sdg_contribution(ctx.data, ctx.year, ctx.programme)
    parts = [heading(_("Contribution to the Sustainable Development Goals"), anchor="sdg")]
    if frame.empty:
        return Html(*parts, para(_("No activity of the year names an SDG target."), "empty"))
    parts += [para(_("Activities starting in the year that name each SDG target, and the "
                     "distinct countries they took place in. Targets are given in their "
                     "official wording.")),
              table(frame, ("activities", "countries"), nowrap=("target",)),
              charts.bar(frame.assign(target=_("SDG") + " " + frame["target"]), "target",
                         "activities",
                         _("Activities per SDG target, {year}").format(year=ctx.year),
                         _("activities"), color_index=3)]
    named_ = indicators.sdg_stories(ctx.data, ctx.year, ctx.programme)
    sdg_ = _("SDG")
    if len(named_):
        items = "".join(
            f"<li><strong>{esc(sdg_)} {esc(target)}</strong>: "
            f"{esc('; '.join(group['title']))}</li>"
            for target, group in named_.groupby("target", sort=False))
        parts += [heading(_("Results stories by SDG target"), 3), f"<ul>{items}</ul>"]
    return Html(*parts)


@localized
def about(ctx: Context) -> Html:
    """Say what the section and each programme do (one programme, in its own report)."""
    parts = [heading(_("What we do"), anchor="about")]
    if ctx.programme:
        p = programmes.PROGRAMMES[ctx.programme]
        return Html(*parts, para(f"{p.label}, {ctx.name}: {_(p.description)}"))
    rows = pd.DataFrame([{_("programme"): p.label, _("name"): languages.programme_name(p.code),
                          _("what it does"): _(p.description)}
                         for p in programmes.PROGRAMMES.values()])
    return Html(*parts, para(_(programmes.SECTION_DESCRIPTION)),
                table(rows, nowrap=(_("programme"),)))


@localized
def awareness(ctx: Context) -> Html:
    """Awareness-raising activities of the year; left out when there are none."""
    rows = indicators.awareness_raising(ctx.data, ctx.year, ctx.programme)
    if rows.empty:
        return Html()
    where = rows.loc[rows["country"] != "", "country"].nunique()
    rows = rows.assign(level=rows["level"].map(words))
    text = ngettext("{n} awareness-raising activity started in {year}",
                    "{n} awareness-raising activities started in {year}", len(rows))
    text += ngettext(", in {where} country.", ", in {where} countries.", where)
    return Html(heading(_("Awareness raising"), anchor="awareness"),
                para(text.format(n=len(rows), year=ctx.year, where=where)),
                table(rows, nowrap=("start",)))


@localized
def cases(ctx: Context, top: int = 15) -> Html:
    """Cases added by database and the jurisdictions with most cases."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_db = indicators.cases_by(d, y, "database", p)
    by_j = indicators.cases_by(d, y, "jurisdiction", p)
    keys = {"TIP": "jurisdictions_tip", "SOM": "jurisdictions_som"}
    shown = by_db.astype({"cases": object, "jurisdictions": object})
    for i, database in enumerate(shown["database"]):
        if not indicators.attributed(d, keys[database], p):
            shown.loc[i, ["cases", "jurisdictions"]] = _(NOT_ATTRIBUTED)
    parts = [heading(_("Case law databases"), anchor="cases"),
             para(_("Cases analysed and added to UNODC's case law databases in {year}.").format(
                 year=y)),
             table(shown, ("cases", "jurisdictions"))]
    titles = {"TIP": _("TIP cases: jurisdictions with most cases added"),
              "SOM": _("SOM cases: jurisdictions with most cases added")}
    for database in ("TIP", "SOM"):
        rows = by_j[by_j["database"] == database].head(top)
        if len(rows):
            parts += [heading(titles[database], 3),
                      table(_linked(ctx, rows.drop(columns="database").rename(
                          columns={"jurisdiction": "code"}), "code"), ("cases",),
                          nowrap=("code",), links={"name": "brief"})]
    return Html(*parts)


@localized
def publications(ctx: Context) -> Html:
    """Tools and publications of the year by category, then the teaching modules apart."""
    by_category = indicators.publications_by(ctx.data, ctx.year, ctx.programme)
    by_category = by_category[by_category["category"] != indicators.TEACHING_MODULE].copy()
    by_category["category"] = by_category["category"].map(words)
    parts = [heading(_("Tools and publications"), anchor="publications"),
             _figures(ctx, "knowledge")]
    if len(by_category):
        parts.append(table(by_category, ("publications",), _("By category")))
    return Html(*parts, *_publication_tables(ctx, titled=False))


def _publication_tables(ctx: Context, titled: bool = True) -> list[str]:
    """Tabulate the year's tools and publications with downloads, then its teaching modules."""
    pubs = indicators.publications_list(ctx.data, ctx.year, ctx.programme, modules=False)
    modules = indicators.publications_list(ctx.data, ctx.year, ctx.programme, modules=True)
    parts = []
    if pubs.empty:
        parts.append(para(_("No tools or publications in {year}.").format(year=ctx.year),
                          "empty"))
    else:
        pubs["category"] = pubs["category"].map(words)
        parts += ([heading(_("Tools and publications"), 3)] if titled else []) + [
            table(pubs.rename(columns={"published_date": "published"}), ("downloads",),
                  nowrap=("published",))]
    if len(modules):
        parts += [heading(_("Teaching modules ({n})").format(n=len(modules)), 3),
                  table(modules.drop(columns="category").rename(
                      columns={"published_date": "published"}), ("downloads",),
                      nowrap=("published",))]
    return parts


def _figures(ctx: Context, part: str) -> str:
    """Cards of the figures of one part of the highlights that the data records."""
    keys = [k for k, i in indicators.REGISTRY.items()
            if i.part == part and indicators.recorded(ctx.data, k)
            and indicators.attributed(ctx.data, k, ctx.programme)]
    values = indicators.compute(ctx.data, ctx.year, ctx.programme)
    return cards(((k, values[k], _(indicators.REGISTRY[k].title)) for k in keys), rules=True)


ENGAGEMENT_LISTS = (("session_serviced", N_("Sessions serviced")),
                    ("meeting_organized", N_("Meetings organized")),
                    ("briefing", N_("Briefings and side events")),
                    ("report_prepared", N_("Reports drafted or coordinated")),
                    ("report_input", N_("Inputs to reports of the Secretary-General and UN "
                                        "bodies")))


@localized
def intergovernmental(ctx: Context, most: int = 12) -> Html:
    """Intergovernmental and inter-agency work: the figures, then each kind as a list.

    Each list shows its first ``most`` items by date and says how many more
    there are. Left out when the data has no engagements table (contract
    version 1).
    """
    if "engagements" in ctx.data.absent:
        return Html()
    parts = [heading(_("Intergovernmental and inter-agency work"), anchor="intergovernmental"),
             _figures(ctx, "intergovernmental")]
    rows = indicators.engagements_list(ctx.data, ctx.year, ctx.programme)
    if rows.empty:
        text = (_("No engagements recorded for {year} naming {programme}.") if ctx.programme
                else _("No engagements recorded for {year}."))
        return Html(*parts, para(text.format(year=ctx.year, programme=ctx.label), "empty"))
    for kind, title in ENGAGEMENT_LISTS:
        some = rows[rows["kind"] == kind]
        if some.empty:
            continue
        items = []
        for r in some.head(most).itertuples(index=False):
            details = "; ".join(str(cell_text(x)) for x in (r.body, r.place, r.note, r.date)
                                if x)
            items.append(f"<li><strong>{esc(r.title)}</strong>"
                         f' <span class="meta">({esc(details)})</span></li>')
        parts += [heading(f"{_(title)} ({len(some)})", 3), f"<ul>{''.join(items)}</ul>"]
        if len(some) > most:
            parts.append(para(_("… and {n} more, later in the year.").format(
                n=len(some) - most), "note"))
    if not ctx.programme:
        parts.append(para(_("Engagements without a programme are the section's as a whole; a "
                            "programme report shows only those that name the programme."),
                          "note"))
    return Html(*parts)


@localized
def priorities(ctx: Context) -> Html:
    """Show the priorities set for the year after the report's, by area, as the highlights end.

    Left out when the data has no priorities table or none for that year.
    """
    rows = indicators.priorities(ctx.data, ctx.year + 1)
    if rows.empty:
        return Html()
    parts = [heading(_("Priorities for {year}").format(year=ctx.year + 1), anchor="priorities")]
    for area, title in indicators.PRIORITY_AREAS.items():
        texts = rows.loc[rows["area"] == area, "text"]
        if len(texts):
            parts += [heading(_(title), 3),
                      "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in texts) + "</ul>"]
    return Html(*parts)


@localized
def knowledge(ctx: Context) -> Html:
    """Knowledge development: tools and publications with downloads, then teaching modules."""
    return Html(heading(_("Knowledge development"), anchor="knowledge"),
                _figures(ctx, "knowledge"), *_publication_tables(ctx))


@localized
def web(ctx: Context) -> Html:
    """Web stories, page views and posts by month."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    month = indicators.web_by_month(d, y, p)
    shown = month.copy()
    shown["month"] = [languages.month_names()[m - 1] for m in shown["month"]]
    parts = [heading(_("Web and social media"), anchor="web")]
    charts_ = []
    for column, key, what, per_month, none, unit, colour in (
            ("page_views", "page_views", _("Page views"), _("Page views per month, {year}"),
             _("No page views recorded for {programme} in {year}."), _("page views"), 0),
            ("posts", "social_media_posts", _("Social media posts"),
             _("Social media posts per month, {year}"),
             _("No social media posts recorded for {programme} in {year}."),
             _("social media posts"), 2)):
        if not indicators.attributed(d, key, p):
            parts.append(para(_("{figure}: not attributed to {programme}; the data records "
                                "them for the section as a whole or for other programmes "
                                "only.").format(figure=what, programme=ctx.label), "note"))
            shown = shown.drop(columns=column)
        elif month[column].sum() > 0:
            charts_.append(charts.monthly(month, column, per_month.format(year=y), unit,
                                          color_index=colour))
        else:
            charts_.append(para(none.format(programme=ctx.label, year=y), "empty"))
    shown = shown.rename(columns={"web_stories": "web stories", "page_views": "page views"})
    return Html(*parts, *charts_,
                table(shown, ("web stories", "page views", "posts"), _("By month")))


STATUS_TEXT = {"green": N_("achieved"), "amber": N_("on track (50-99%)"),
               "red": N_("off track (under 50%)"), "grey": N_("no actual reported")}


@localized
def results(ctx: Context) -> Html:
    """Show the results framework: baseline, target, actual and a status."""
    frame = indicators.results_status(ctx.data, ctx.year, ctx.programme)
    parts = [heading(_("Results framework"), anchor="results")]
    if frame.empty:
        return Html(*parts, para(_("No results framework rows for {year}.").format(
            year=ctx.year), "empty"))
    rows = []
    for r in frame.itertuples(index=False):
        progress = "–" if pd.isna(r.progress) else languages.percent(r.progress)
        arrow = "↓" if r.direction == "decrease" else "↑"
        rows.append(
            f"<tr><td>{esc(programmes.label(r.programme))}</td><td>{esc(r.result_id)}</td>"
            f"<td>{esc(words(r.level))}</td><td>{esc(r.indicator)} <span class=\"dir\" "
            f"title=\"{esc(words(r.direction))}\">{arrow}</span></td>"
            f"<td>{esc(r.unit or '')}</td>"
            f"<td class=\"num\">{num(r.baseline)}</td><td class=\"num\">{num(r.target)}</td>"
            f"<td class=\"num\">{num(r.actual)}</td><td class=\"num\">{progress}</td>"
            f"<td><span class=\"status {r.status}\">{esc(_(STATUS_TEXT[r.status]))}</span></td>"
            "</tr>")
    head = "".join(f'<th scope="col">{esc(words(h))}</th>' for h in (
        "programme", "id", "level", "indicator", "unit", "baseline", "target", "actual",
        "progress", "status"))
    return Html(*parts, para(_("Status follows UNDP's rule on the share of the way from "
                               "baseline to target: achieved at 100% or more, on track at "
                               "50-99%, off track under 50%; ↓ marks an indicator meant to "
                               "decrease.")),
                f'<div class="scroll"><table class="data results"><thead><tr>{head}</tr>'
                f'</thead><tbody>{"".join(rows)}</tbody></table></div>')


@localized
def stories(ctx: Context) -> Html:
    """Show the results stories of the year."""
    frame = indicators.stories(ctx.data, ctx.year, ctx.programme)
    parts = [heading(_("Results stories"), anchor="stories")]
    if frame.empty:
        return Html(*parts, para(_("No results stories for {year}.").format(year=ctx.year),
                                 "empty"))
    return Html(*parts, *story_articles(frame))


def story_articles(frame: pd.DataFrame) -> list[str]:
    """Render results stories (:func:`htmss_analysis.indicators.stories`' columns)."""
    parts = []
    for s in frame.itertuples(index=False):
        figure = ""
        if not pd.isna(s.figure):
            unit = f" <span>{esc(s.unit)}</span>" if isinstance(s.unit, str) and s.unit else ""
            figure = f'<p class="story-figure">{num(s.figure)}{unit}</p>'
        targets = ", ".join(_("SDG") + f" {t}" for t in s.sdg_targets)
        meta = " · ".join(x for x in (s.programmes, s.countries, targets) if x)
        # The figure sits in the story's own header, beside its heading: never above the
        # next story's title, where it would seem to belong to that story.
        parts.append(f'<article class="story"><header class="story-head"><h3>{esc(s.title)}</h3>'
                     f"{figure}</header><p>{esc(s.summary)}</p>"
                     f'<p class="meta">{esc(meta)}</p></article>')
    return parts


@localized
def programme_shares(ctx: Context) -> Html:
    """Each programme's headline figures beside the section's, and their overlap."""
    shares = _titled(indicators.programme_shares(ctx.data, ctx.year))
    codes = list(programmes.CODES)
    activities_, people_ = _("technical cooperation activities"), _("people trained")
    chart_frame = pd.DataFrame({
        _("programme"): [programmes.label(c) for c in codes],
        "activities": shares.loc["technical_cooperation_activities", codes].fillna(0).to_list(),
        "people": shares.loc["people_trained", codes].fillna(0).to_list()})
    shown = shares.reset_index(drop=True).rename(
        columns={"title": "figure", **{c: programmes.label(c) for c in codes}})
    labels = [programmes.label(c) for c in codes]
    shown[labels] = shown[labels].astype(object).where(shown[labels].notna(),
                                                       _(NOT_ATTRIBUTED))
    ov = indicators.overlap(ctx.data, ctx.year).rename(columns={
        "people_trained_by_both": "people trained by both",
        "countries_assisted_by_both": "countries assisted by both",
        "joint_activities": "joint activities"})
    return Html(
        heading(_("Each programme's share"), anchor="programmes"),
        para(_("Programme columns do not add up to the HTMSS column: a joint activity counts "
               "for each programme taking part, and a person or country counts once for the "
               "section however many programmes worked with them.")),
        table(shown, (*labels, programmes.SECTION)),
        para(_("'{not_attributed}': the data records this figure for the section as a whole "
               "or for other programmes only.").format(not_attributed=_(NOT_ATTRIBUTED)),
             "note"),
        charts.grouped_bar(chart_frame, _("programme"),
                           {"activities": activities_, "people": people_},
                           _("Activities and people trained by programme, {year}").format(
                               year=ctx.year), _("count")),
        heading(_("Overlap between programmes"), 3),
        table(ov, ("people trained by both", "countries assisted by both",
                   "joint activities")),
    )


@localized
def activity_list(ctx: Context) -> Html:
    """Every activity starting in the year: the rows behind the activity figures."""
    acts = indicators.activities(ctx.data, ctx.year, ctx.programme).sort_values(
        ["start_date", "activity_id"])
    rows = pd.DataFrame({
        "id": acts["activity_id"], "start": acts["start_date"].dt.strftime("%Y-%m-%d"),
        "title": acts["title"], "type": acts["activity_type"].map(words),
        "level": acts["level"].map(words), "role": acts["role"].map(words),
        "country": acts["country"].map(lambda c: c if isinstance(c, str) else ""),
        "programmes": acts["programme"].map(programmes.labels),
    })
    return Html(heading(_("Activities of {year}").format(year=ctx.year),
                        anchor="activity-list"),
                para(_("The rows behind the activity figures, in order of start date. Global "
                       "activities are listed but not counted as technical cooperation "
                       "activities.")),
                table(rows, cls="data small", nowrap=("id", "start", "country")))


@localized
def data_quality(ctx: Context) -> Html:
    """Warnings and row accounting: nothing is dropped silently."""
    acc = ctx.data.accounting
    first, rest = grouped(ctx.data.warnings)
    warnings = pd.DataFrame([{"file": w.file, "row": w.row, "column": w.column,
                              "value": w.value, "warning": w.said()} for w in first])
    if "why_set_aside" in acc:
        acc = acc.assign(why_set_aside=acc["why_set_aside"].map(reasons_in_words))
    parts = [heading(_("Data quality"), anchor="quality"),
             para(_("Rows read from each input file, rows used, and rows set aside with the "
                    "reason. Every row read is either used or set aside.")),
             table(acc, ("rows_read", "rows_used", "rows_set_aside"))]
    if ctx.data.absent:
        parts.append(para(_("Optional tables absent from the data (their figures are 0 and "
                            "their sections are left out): {tables}.").format(
            tables=", ".join(ctx.data.absent)), "note"))
    if warnings.empty:
        parts.append(para(_("No warnings."), "empty"))
    else:
        warnings["row"] = warnings["row"].map(lambda r: "–" if pd.isna(r) else str(int(r)))
        total = len(ctx.data.warnings)
        parts += [heading(ngettext("{n} warning", "{n} warnings", total).format(n=num(total)),
                          3),
                  para(_("Warnings do not stop the figures; they point to rows worth "
                         "checking.")),
                  table(warnings, nowrap=("row",))]
        if rest:
            parts.append("<ul>" + "".join(f"<li>{esc(line.removeprefix('warning: '))}</li>"
                                          for line in rest) + "</ul>")
    return Html(*parts)


@localized
def method(ctx: Context, countries: bool | None = None) -> Html:
    """Write the method annex: definitions, input files with SHA-256, versions, parameters.

    The definitions are the country figures' for a country brief (or with
    ``countries=True``, as the index of briefs has), the registry's otherwise.
    """
    countries = ctx.country is not None if countries is None else countries
    defs = indicators.registry_table(countries=countries)
    files = pd.DataFrame([{"table": s.table, "file": s.label, "encoding": s.encoding,
                           "sha256": s.sha256} for s in ctx.data.sources]
                         + [{"table": key, "file": path.name, "encoding": _("public source"),
                             "sha256": digest} for key, path, digest in ctx.sources.files()])
    params = pd.DataFrame({"parameter": [words(k) for k in ctx.parameters],
                           "value": [_(v) if v in ("synthetic sample", "none", "all") else str(v)
                                     for v in ctx.parameters.values()]})
    versions = pd.DataFrame({"component": ["htmss-analysis", "python", "pandas", "babel"],
                             "version": [__version__, sys.version.split()[0], pd.__version__,
                                         languages.babel_version()]})
    notes = [_("SDG targets are given in the official wording of General Assembly resolution "
               "71/313 for the {n} targets of the section's mandate ({targets}); any other "
               "target is described by its goal.").format(n=len(sdg.TITLES),
                                                          targets=", ".join(sdg.TITLES))]
    if ctx.lang != "en":
        notes.append(_("The SDG targets and goals are quoted in English: no official "
                       "wording in this language is available offline to the package. "
                       "Country names follow the Unicode CLDR; the titles of programmes and "
                       "treaties are their official titles in this language; text taken "
                       "from the data (titles, stories) is shown as entered."))
    return Html(
        heading(_("Method annex"), anchor="method"),
        para(_("A row counts for a programme when the programme is among its programmes. For "
               "the section as a whole every distinct count is taken over the union of rows, "
               "never as a sum of programmes. Capacity building means training, training of "
               "trainers, mentoring, e-learning and workshops. An activity counts in the year "
               "it starts.")),
        heading(_("Definitions"), 3), table(defs),
        heading(_("How each figure is made"), 3),
        para(_("Each figure's rule, step by step, with the rows left after each step in this "
               "report's data; a figure's number on its card links here. The records each "
               "figure counts are in the report's workbook (one sheet per figure) and from "
               "`htmss-analysis explain KEY`.")),
        *_rules(ctx, countries),
        heading(_("Input files"), 3), table(files, cls="data files"),
        heading(_("Parameters and versions"), 3),
        '<div class="two">', table(params), table(versions), "</div>",
        *[para(n, "note") for n in notes],
    )


def _explained(ctx: Context, countries: bool) -> dict[str, pd.DataFrame]:
    """Return the records of every figure of the report, by key.

    Asked once per report and kept on the context: the method annex shows
    their waterfalls and the workbook lists their records.
    """
    from ..metrics.explain import explain

    cache_key = ("explained", countries)
    if cache_key not in ctx.memo:
        registry = indicators.COUNTRY_REGISTRY if countries else indicators.REGISTRY
        country = ctx.country if countries else None
        if countries and country is None:
            ctx.memo[cache_key] = {}
        else:
            ctx.memo[cache_key] = {k: explain(ctx.data, k, ctx.year, ctx.programme, country)
                                   for k in registry
                                   if countries or indicators.recorded(ctx.data, k)}
    return ctx.memo[cache_key]


def _rules(ctx: Context, countries: bool) -> list[str]:
    registry = indicators.COUNTRY_REGISTRY if countries else indicators.REGISTRY
    parts = []
    for key, records in _explained(ctx, countries).items():
        ind = registry[key]
        steps = records.attrs["steps"]
        parts.append(f'<div class="rule" id="rule-{esc(key)}">'
                     f"<h4>{esc(_(ind.title))} ({esc(key)}): {num(records.attrs['value'])}</h4>"
                     f"<p>{esc(ind.described())}</p>"
                     + table(steps.rename(columns={"rows": "rows left"}), ("rows left",),
                             exported=False) + "</div>")
    return parts


SECTION_LABELS = {
    "highlights": N_("Highlights"), "about": N_("What we do"), "programmes": N_("Programmes"),
    "stories": N_("Stories"), "awareness": N_("Awareness raising"),
    "priorities": N_("Priorities"), "intergovernmental": N_("Intergovernmental work"),
    "knowledge": N_("Knowledge"), "sdg": N_("SDGs"), "cases": N_("Cases"),
    "treaties": N_("States parties"), "web": N_("Web"), "activities": N_("Activities"),
    "people": N_("People trained"), "countries": N_("Countries"),
    "context": N_("Country context"), "publications": N_("Publications"),
    "results": N_("Results"), "activity-list": N_("Activity list"),
    "quality": N_("Data quality"), "method": N_("Method"), "figures": N_("Figures"),
}
"""The table of contents' label of each section, by its anchor."""

BRIEF_LABELS = {"people": N_("People"), "context": N_("Public data")}
"""Labels a country brief gives some sections instead."""


def toc(*entries: str | tuple[str, str], ctx: Context | None = None) -> Html:
    """Link to the report's sections, given by anchor (or as ``(anchor, label)`` pairs).

    An anchor's label is the package's (:data:`SECTION_LABELS`), in the
    report's language. With ``ctx``, the sections its data leaves out (no
    engagements, no priorities for the next year) get no link.
    """
    with languages.using(ctx.lang if ctx else languages.current()):
        labels = {**SECTION_LABELS, **(BRIEF_LABELS if ctx and ctx.country else {})}
        pairs = [(e, labels[e]) if isinstance(e, str) else e for e in entries]
        shown = [(a, label) for a, label in pairs if ctx is None or not _left_out(ctx, a)]
        links = "".join(f'<a href="#{esc(a)}">{esc(_(label))}</a>' for a, label in shown)
        contents = _("Contents")
        return Html(f'<nav class="toc" aria-label="{esc(contents)}">{links}</nav>')


def _left_out(ctx: Context, anchor: str) -> bool:
    if anchor == "awareness":
        return indicators.awareness_raising(ctx.data, ctx.year, ctx.programme).empty
    if anchor == "intergovernmental":
        return "engagements" in ctx.data.absent
    if anchor == "priorities":
        return indicators.priorities(ctx.data, ctx.year + 1).empty
    return False


# --- public data ------------------------------------------------------------------------

TREATY_SHORT = {"treaty_tip": N_("TIP Protocol"), "treaty_som": N_("SOM Protocol"),
                "treaty_untoc": N_("UNTOC")}


def public_sources_list(ctx: Context, keys: list[str]) -> tuple[list[str], bool]:
    """List where each public source of ``keys`` came from, and whether any was given.

    When none was, the list ends with a note saying how to give them.
    """
    parts = ["<ul class=\"sources\">" + "".join(
        f"<li>{esc(ctx.sources.note(k))}</li>" for k in keys) + "</ul>"]
    provided = any(ctx.sources.status(k) == "provided" for k in keys)
    if not provided:
        parts.append(para(_("No public data source was provided for this report; see the "
                            "README to point the build at GLOTIP, SHERLOC and UN Treaty "
                            "Collection files."), "empty"))
    return parts, provided


def _party_text(party: bool, since: object, action: object) -> str:
    if not party:
        return _("not a party")
    return _("party since {date} ({action})").format(date=short_date(since),
                                                     action=words(action))


@localized
def country_context(ctx: Context) -> Html:
    """Set the countries the programme assisted against public UNODC and UN data.

    For each country assisted in the year: detected trafficking victims in
    the latest year GLOTIP has (by sex and age; ``<5`` as published), whether
    it is party to the Protocol(s) of the programme's theme and since when,
    and its cases in the SHERLOC lists provided.
    """
    parts = [heading(_("Country context: public data"), anchor="context")]
    treaty_keys = (programmes.PROGRAMMES[ctx.programme].treaties if ctx.programme
                   else tuple(dict.fromkeys(k for p in programmes.PROGRAMMES.values()
                                            for k in p.treaties)))
    keys = ["glotip", *treaty_keys, "sherloc_tip", "sherloc_som"]
    listed, provided = public_sources_list(ctx, keys)
    parts += listed
    if not provided:
        return Html(*parts)
    glotip = ctx.sources.get("glotip")
    treaties = {k: ctx.sources.get(k) for k in treaty_keys}
    case_lists = [c for c in (ctx.sources.get("sherloc_tip"), ctx.sources.get("sherloc_som"))
                  if c is not None]
    frame = indicators.country_context(ctx.data, ctx.year, ctx.programme, glotip, treaties,
                                       pd.concat(case_lists) if case_lists else None)
    if frame.empty:
        return Html(*parts, para(_("No country was assisted in {year}.").format(year=ctx.year),
                                 "empty"))
    shown = pd.DataFrame({"country": frame["country"]})
    victims = [_(c) for _s, _a, c in indicators.VICTIM_GROUPS]
    if glotip is not None:
        shown[_("GLOTIP year")] = frame["glotip_year"].map(
            lambda y: "–" if pd.isna(y) else str(y))
        for (_s, _a, column), label in zip(indicators.VICTIM_GROUPS, victims, strict=True):
            shown[label] = frame[column]
    for key, status in treaties.items():
        shown[_(TREATY_SHORT[key])] = ([_party_text(*r) for r in zip(
            frame[f"{key}_party"], frame[f"{key}_since"], frame[f"{key}_action"], strict=True)]
            if status is not None else _("not provided"))
    if case_lists:
        shown[_("SHERLOC cases")] = frame["sherloc_cases"]
        shown[_("latest decision")] = frame["latest_decision"].map(
            lambda y: "–" if pd.isna(y) else str(y))
    numeric = tuple(c for c in shown.columns if c in {*victims, _("SHERLOC cases")})
    notes = [_("Detected trafficking victims: UNODC GLOTIP, indicator 'Detected trafficking "
               "victims' (numerator of SDG indicator 16.2.2), latest year available for each "
               "country; '<5' is a count of 1 to 4 suppressed by the publisher; '–' means "
               "not reported.")]
    for key, status in treaties.items():
        if status is not None:
            notes.append(_("{treaty}: UN Treaty Collection status as of {date} (latest "
                           "consent date in the file).").format(
                treaty=_(TREATY_SHORT[key]), date=short_date(status["consent_date"].max())))
    if case_lists:
        notes.append(_("SHERLOC cases: cases of the country in the case lists provided, all "
                       "crime types the list holds; latest decision is the latest year in "
                       "their URLs."))
        merged = sum(c.attrs.get("merged_duplicates", 0) for c in case_lists)
        if merged:
            notes.append(ngettext("{n} case page listed twice was counted once.",
                                  "{n} case pages listed twice were counted once.",
                                  merged).format(n=merged))
    shown["brief"] = [brief_link(ctx, c) for c in frame["iso3"]]
    return Html(*parts, table(shown, numeric, cls="data small", links={"country": "brief"}),
                *[para(n, "note") for n in notes])


@localized
def treaty_parties(ctx: Context) -> Html:
    """Count new parties to the Protocols and the Convention in the year, where provided."""
    parts = [heading(_("States parties"), anchor="treaties")]
    rows = []
    new_in_year = _("new parties in {year}").format(year=ctx.year)
    parties, as_of_ = _("parties"), _("status as of")
    for key in ("treaty_tip", "treaty_som", "treaty_untoc"):
        status = ctx.sources.get(key)
        if status is None:
            parts.append(para(ctx.sources.note(key), "note"))
            continue
        got = indicators.treaty_year(status, ctx.year)
        new, as_of = got["new"], got["as_of"]
        names = ", ".join(country(ctx, i) if isinstance(i, str) else p
                          for i, p in zip(new["iso3"], new["participant"], strict=True))
        rows.append({_("instrument"): languages.TREATY_NAMES[ctx.lang][key],
                     new_in_year: len(new) if got["covered"] else
                     _("unknown (status of {year})").format(year=f"{as_of:%Y}"),
                     parties: got["parties"], _("who joined"): names or "–",
                     as_of_: f"{as_of:%Y-%m-%d}"})
    if rows:
        frame = pd.DataFrame(rows)
        parts.insert(1, table(frame, (new_in_year, parties), nowrap=(as_of_,)))
        parts.insert(2, para(_("'Status as of' is the latest consent date in the status file; "
                               "'parties' counts the parties by the end of the year, or by "
                               "that date when the file is older. A file older than the year "
                               "cannot show the year's new parties."), "note"))
    return Html(*parts)


# --- the report's tables as a workbook -------------------------------------------------


def report_name(ctx: Context) -> str:
    """Return the report's file name without extension: ISO3 code, programme code or highlights."""
    return ctx.country or ctx.programme or "highlights"


def country_figures_of(ctx: Context, year: int) -> dict[str, int]:
    """Return the brief's country figures of ``year``, computed once per report."""
    key = ("country figures", year)
    if key not in ctx.memo:
        ctx.memo[key] = indicators.compute_country(ctx.data, year, ctx.country, ctx.programme)
    return ctx.memo[key]


def headline_rows(ctx: Context) -> pd.DataFrame:
    """Return the report's figures for the workbook's headline sheet.

    Every key of the registry (the country figures' for a brief), its value in
    the year and the year before, as ``indicators --json`` gives them; titles
    and definitions in the report's language.
    """
    if ctx.country:
        now = country_figures_of(ctx, ctx.year)
        before = country_figures_of(ctx, ctx.year - 1)
        entries = indicators.COUNTRY_REGISTRY
    else:
        now = indicators.compute(ctx.data, ctx.year, ctx.programme)
        before = indicators.compute(ctx.data, ctx.year - 1, ctx.programme)
        entries = indicators.REGISTRY
    with languages.using(ctx.lang):
        return pd.DataFrame({"key": list(now), "title": [_(entries[k].title) for k in now],
                             "value": list(now.values()),
                             "previous_year": [before[k] for k in now],
                             "definition": [entries[k].described() for k in now]})


@localized
def tables_workbook(ctx: Context, name: str = "", headline: pd.DataFrame | None = None
                    ) -> Html:
    """Write the report's tables to ``<name>.xlsx`` in the working folder; say where.

    Run as the report's last cell: the workbook holds a ``headline`` sheet of
    the report's figures and one sheet per table the report showed, with
    sheet names and headers in the report's language (the values are the
    same in every language). A build runs the notebook in the report's
    folder, so the workbook lies beside the HTML report, which links to it.
    """
    name = name or report_name(ctx)
    rows = headline if headline is not None else headline_rows(ctx)
    tables = export.active()
    sheets = dict(tables.sheets) if tables else {}
    explained = _explained(ctx, ctx.country is not None) if headline is None else {}
    if explained:
        sheets[_("rules step by step")] = pd.concat(
            [r.attrs["steps"].assign(key=k)[["key", "step", "rows"]].rename(
                columns={"rows": "rows left"}) for k, r in explained.items()],
            ignore_index=True).rename(columns=header)
        for key, records in explained.items():
            sheets[key] = records.rename(columns=header)
    path, cut = export.write_workbook(f"{name}.xlsx", rows, sheets, title=f"{name} {ctx.year}")
    link = f'<a href="{esc(path.name)}">{esc(path.name)}</a>'
    # The files this run read, as it read them: a build trusts the report only if they are
    # the bytes it planned with (an input replaced mid-build and put back is caught).
    read = [[s.path.name, s.sha256] for s in ctx.data.sources] + \
        [[p.name, digest] for _key, p, digest in ctx.sources.files()]
    return Html('<p class="note">' + esc(_(
        "The figures and every table of this report are in the workbook {workbook}, beside "
        "it: one sheet per table, and first a headline sheet with each figure, its value the "
        "year before and its definition.")).format(workbook=link) + "</p>",
        *([para(ngettext(
            "{n} text is longer than a workbook cell holds ({limit} characters): the workbook "
            "holds its beginning, ending in …; the report shows it whole.",
            "{n} texts are longer than a workbook cell holds ({limit} characters): the "
            "workbook holds their beginnings, each ending in …; the report shows them whole.",
            cut).format(n=num(cut), limit=num(export.CELL_LIMIT)), "note")] if cut else []),
        meta={"inputs": read})


def brief_link(ctx: Context, iso3: object) -> str:
    """Return the relative address of a country's brief, or "" when the report links to none."""
    if not ctx.briefs or not isinstance(iso3, str) or iso3 not in ctx.briefed:
        return ""
    folder = ctx.briefs.strip("/")
    return f"{iso3}.html" if folder in ("", ".") else f"{folder}/{iso3}.html"
