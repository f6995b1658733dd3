"""The sections of the HTML reports, one function each: metrics in, display objects out.

A notebook cell calls one of these and displays what it returns. Sections ask
:mod:`htmss_analysis.indicators` for figures and frames and only format them:
no counting and no loading happens here. Every piece of text that comes from
the data is escaped (see :mod:`.html`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import pandas as pd

from .. import __version__, indicators, programmes, sdg
from .. import countries as country_names
from ..loaders import Dataset, check_year
from ..problems import grouped
from ..sources import SOURCES, PublicSources
from . import charts, export
from .html import Html, cards, esc, heading, num, para, table, words

NOT_ATTRIBUTED = "not attributed"
"""How a figure the data never attributes to a programme reads in a table."""


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
    memo: dict = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        """The programme as publications write it, or HTMSS."""
        return programmes.label(self.programme)

    @property
    def name(self) -> str:
        """The programme's full name, or the section's."""
        return programmes.full_name(self.programme)


def context(data: Dataset, year: int, programme: str | None = None, years_back: int = 2,
            sources: PublicSources | None = None, country: str | None = None,
            briefs: str = "", brief_countries: str = "all") -> Context:
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

    Raises
    ------
    DataError
        When no table has a row in ``year`` (the message names the years the
        data covers).
    UnknownCountry
        When ``country`` names no country.
    """
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
    export.collect()  # the tables this report shows, for its workbook
    briefed: frozenset[str] = frozenset()
    if briefs:
        briefed = frozenset(indicators.country_figures(data, year)["iso3"])
        if brief_countries.strip().lower() != "all":
            briefed &= {country_names.to_iso3(c) for c in brief_countries.split()}
    return Context(data, year, code, years, params, sources, iso3, briefs, briefed)


# --- sections ------------------------------------------------------------------------


def title(ctx: Context, subtitle: str = "") -> Html:
    """Return the report's title block; it also names the page (``<title>``)."""
    sample = " (synthetic sample data)" if ctx.data.synthetic else ""
    who = country_names.name(ctx.country) if ctx.country else ctx.label
    page = f"{who} {ctx.year} {subtitle}".strip()
    parts = [f'<header class="report-title"><p class="kicker">UNODC · '
             f'{esc(programmes.SECTION_NAME)}</p><h1>{esc(who)} {ctx.year}'
             f'{esc(": " + subtitle if subtitle else "")}</h1>'
             f'<p class="subtitle">{esc(ctx.name)}{esc(sample)}</p></header>']
    if ctx.programme is None and ctx.country is None:
        # the highlights: spell each programme out at its first use
        parts.append(para("Global programmes: " + "; ".join(
            f"{p.label}, {p.name}" for p in programmes.PROGRAMMES.values()) + ".", "note"))
    return Html(*parts, title=page)


def headline_cards(ctx: Context) -> Html:
    """Show the headline figures of the year as large numbers, as the highlights do.

    A figure the data never attributes to the programme gets no card (a big 0
    would read as a result); a note names those figures instead.
    """
    table_ = indicators.headline(ctx.data, ctx.year, ctx.programme, compare=False)
    table_ = table_[[indicators.REGISTRY[k].part == "headline" for k in table_.index]]
    shown = table_[table_["attributed"]]
    parts = [heading(f"{ctx.year} highlights", anchor="highlights"),
             cards(((k, v, t) for k, v, t in zip(shown.index, shown["value"], shown["title"],
                                                 strict=True)), rules=True)]
    left_out = table_[~table_["attributed"]]
    if len(left_out):
        parts.append(para(f"Not attributed to {ctx.label}: " + "; ".join(left_out["title"])
                          + ". The data records these for the section as a whole or for "
                          "other programmes only.", "note"))
    if ctx.programme and not shown["value"].any():
        parts.append(para(f"{ctx.label} has no rows in {ctx.year}: no activity, case, "
                          "publication, story or web figure of the year names it.", "empty"))
    return Html(*parts)


def headline_trend(ctx: Context) -> Html:
    """Tabulate the headline figures of the years shown, with the change from the last."""
    trend = indicators.trend(ctx.data, ctx.years, ctx.programme)
    trend = trend[[indicators.recorded(ctx.data, k) for k in trend.index]]
    frame = trend.drop(columns="attributed").reset_index(drop=True).rename(
        columns={"title": "figure"})
    if "change" in frame:
        frame = frame.rename(columns={"change": f"change from {ctx.years[-2]}"})
    value_columns = [c for c in frame.columns if c != "figure"]
    frame[value_columns] = frame[value_columns].astype(object)
    frame.loc[~trend["attributed"].to_numpy(), value_columns] = NOT_ATTRIBUTED
    note = ("Earlier years are shown where the data has them. Programme figures count "
            "joint activities for each programme taking part.")
    return Html(heading("Headline figures over time", 3),
                table(frame, tuple(c for c in frame.columns if c != "figure")),
                para(note, "note"))


def _several_note(ctx: Context, by: str, what: str) -> str:
    """Say how many people count under more than one value of ``by``, if any."""
    n = indicators.people_in_several(ctx.data, ctx.year, by, ctx.programme)
    if not n:
        return ""
    return para(f"{num(n)} {'person' if n == 1 else 'people'} attended under more than one "
                f"{what}; each counts once under every {what} they attended under, so this "
                "column adds up to more than the people trained.", "note")


def activities(ctx: Context) -> Html:
    """Activities by type, level and role, month and UN region, and by country."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_type = indicators.activities_by(d, y, "activity_type", p)
    by_type["activity_type"] = by_type["activity_type"].map(words)
    by_level = indicators.activities_by(d, y, "level", p)
    by_role = indicators.activities_by(d, y, "role", p)
    by_region = indicators.activities_by(d, y, "region", p)
    by_country = indicators.activities_by(d, y, "country", p)
    by_month = indicators.activities_by(d, y, "month", p)
    total = by_level["activities"].sum()
    return Html(
        heading("Technical cooperation activities", anchor="activities"),
        para(f"{num(total)} activities started in {y} at all levels; the headline figure "
             f"counts the {num(indicators.technical_cooperation_activities(d, y, p))} at "
             "national and regional level."),
        charts.monthly(by_month, "activities", f"Activities started per month, {y}",
                       "activities"),
        charts.bar(by_type, "activity_type", "activities", f"Activities by type, {y}",
                   "activities", horizontal=True, color_index=1),
        '<div class="two">', table(by_level, ("activities",), "By level"),
        table(by_role, ("activities",), "Organized or contributed to"), "</div>",
        charts.bar(by_region, "region", "activities",
                   f"Activities by UN region of the country assisted or host country, {y}",
                   "activities", color_index=2),
        heading("Activities by country", 3),
        table(_linked(ctx, by_country.rename(columns={"country": "ISO3"}), "ISO3"),
              ("activities",), nowrap=("ISO3",), links={"name": "brief"}),
    )


def people(ctx: Context) -> Html:
    """People trained by sex and group, attendances against people, knowledge gain."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_sex = indicators.people_by(d, y, "sex", p)
    by_group = indicators.people_by(d, y, "group", p)
    by_group["group"] = by_group["group"].map(words)
    by_region = indicators.people_by(d, y, "region", p)
    att = indicators.attendance_summary(d, y, p)
    gain = indicators.knowledge_gain(d, y, p)
    parts = [
        heading("People trained", anchor="people"),
        para(f"{num(indicators.people_trained(d, y, p))} distinct people attended "
             f"capacity-building activities starting in {y}. A person who attended several "
             "activities counts once."),
        '<div class="two">', table(by_sex, ("people",), "By sex"),
        table(att, ("attendances", "people"), "Attendances and unique people"), "</div>",
        _several_note(ctx, "sex", "sex"),
        charts.bar(by_group, "group", "people", f"People trained by professional group, {y}",
                   "people", horizontal=True, color_index=0),
        _several_note(ctx, "group", "professional group"),
        charts.bar(by_region, "region", "people",
                   f"People trained by UN region of nationality, {y}", "people",
                   color_index=4),
        _several_note(ctx, "region", "region of nationality"),
        heading("Knowledge gain", 3),
    ]
    if gain.empty:
        parts.append(para("No attendance has both a pre-test and a post-test score.", "empty"))
    else:
        shown = gain.copy()
        shown["activity_type"] = shown["activity_type"].map(words)
        shown["improved_share"] = shown["improved_share"] * 100
        shown = shown.rename(columns={
            "activity_type": "activity type", "tested": "attendances tested",
            "pre_test": "mean pre-test", "post_test": "mean post-test",
            "gain": "mean gain (points)", "improved_share": "improved (%)"})
        parts += [
            para("Mean scores (0-100) of attendances with both a pre-test and a post-test."),
            charts.grouped_bar(gain.assign(activity_type=gain["activity_type"].map(words)),
                               "activity_type", {"pre_test": "pre-test", "post_test": "post-test"},
                               f"Mean test scores before and after, {y}", "score (0-100)"),
            table(shown, tuple(c for c in shown.columns if c != "activity type")),
        ]
    return Html(*parts)


def _grouped_countries(ctx: Context, frame: pd.DataFrame) -> str:
    if frame.empty:
        return para("None.", "empty")
    items = []
    for region, group in frame.groupby("region", sort=True):
        names = ", ".join(_country_link(ctx, code, name) for name, code in
                          sorted(zip(group["country"], group["iso3"], strict=True)))
        items.append(f"<li><strong>{esc(region)}</strong> ({len(group)}): {names}</li>")
    return f'<ul class="countries">{"".join(items)}</ul>'


def _country_link(ctx: Context, iso3: str, name: str) -> str:
    """Return a country's name, linked to its brief when the report links to briefs."""
    href = brief_link(ctx, iso3)
    return f'<a href="{esc(href)}">{esc(name)}</a>' if href else esc(name)


def _linked(ctx: Context, frame: pd.DataFrame, code: str) -> pd.DataFrame:
    """Add a ``brief`` column: the address of each row's country brief (or "")."""
    return frame.assign(brief=[brief_link(ctx, c) for c in frame[code]])


def countries(ctx: Context) -> Html:
    """Countries assisted and represented, listed by UN region."""
    assisted = indicators.countries_list(ctx.data, ctx.year, ctx.programme, "assisted")
    represented = indicators.countries_list(ctx.data, ctx.year, ctx.programme, "represented")
    return Html(
        heading("Countries", anchor="countries"),
        heading(f"{len(assisted)} countries provided with direct capacity building", 3),
        _grouped_countries(ctx, assisted),
        heading(f"{len(represented)} countries represented in national and regional capacity "
                "building", 3),
        _grouped_countries(ctx, represented),
    )


def sdgs(ctx: Context) -> Html:
    """Activities and countries per SDG target."""
    frame = indicators.sdg_contribution(ctx.data, ctx.year, ctx.programme)
    parts = [heading("Contribution to the Sustainable Development Goals", anchor="sdg")]
    if frame.empty:
        return Html(*parts, para("No activity of the year names an SDG target.", "empty"))
    parts += [para("Activities starting in the year that name each SDG target, and the "
                   "distinct countries they took place in. Targets are given in their "
                   "official wording."),
              table(frame, ("activities", "countries"), nowrap=("target",)),
              charts.bar(frame.assign(target="SDG " + frame["target"]), "target",
                         "activities", f"Activities per SDG target, {ctx.year}",
                         "activities", color_index=3)]
    named = indicators.sdg_stories(ctx.data, ctx.year, ctx.programme)
    if len(named):
        items = "".join(
            f"<li><strong>SDG {esc(target)}</strong>: "
            f"{esc('; '.join(group['title']))}</li>"
            for target, group in named.groupby("target", sort=False))
        parts += [heading("Results stories by SDG target", 3), f"<ul>{items}</ul>"]
    return Html(*parts)


def about(ctx: Context) -> Html:
    """Say what the section and each programme do (one programme, in its own report)."""
    parts = [heading("What we do", anchor="about")]
    if ctx.programme:
        p = programmes.PROGRAMMES[ctx.programme]
        return Html(*parts, para(f"{p.label}, {p.name}: {p.description}"))
    rows = pd.DataFrame([{"programme": p.label, "name": p.name, "what it does": p.description}
                         for p in programmes.PROGRAMMES.values()])
    return Html(*parts, para(programmes.SECTION_DESCRIPTION), table(rows, nowrap=("programme",)))


def awareness(ctx: Context) -> Html:
    """Awareness-raising activities of the year; left out when there are none."""
    rows = indicators.awareness_raising(ctx.data, ctx.year, ctx.programme)
    if rows.empty:
        return Html()
    where = rows.loc[rows["country"] != "", "country"].nunique()
    return Html(heading("Awareness raising", anchor="awareness"),
                para(f"{len(rows)} awareness-raising activit{'y' if len(rows) == 1 else 'ies'} "
                     f"started in {ctx.year}, in {where} countr{'y' if where == 1 else 'ies'}."),
                table(rows, nowrap=("start",)))


def cases(ctx: Context, top: int = 15) -> Html:
    """Cases added by database and the jurisdictions with most cases."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_db = indicators.cases_by(d, y, "database", p)
    by_j = indicators.cases_by(d, y, "jurisdiction", p)
    keys = {"TIP": "jurisdictions_tip", "SOM": "jurisdictions_som"}
    shown = by_db.astype({"cases": object, "jurisdictions": object})
    for i, database in enumerate(shown["database"]):
        if not indicators.attributed(d, keys[database], p):
            shown.loc[i, ["cases", "jurisdictions"]] = NOT_ATTRIBUTED
    parts = [heading("Case law databases", anchor="cases"),
             para(f"Cases analysed and added to UNODC's case law databases in {y}."),
             table(shown, ("cases", "jurisdictions"))]
    for database in ("TIP", "SOM"):
        rows = by_j[by_j["database"] == database].head(top)
        if len(rows):
            parts += [heading(f"{database} cases: jurisdictions with most cases added", 3),
                      table(_linked(ctx, rows.drop(columns="database").rename(
                          columns={"jurisdiction": "code"}), "code"), ("cases",),
                          nowrap=("code",), links={"name": "brief"})]
    return Html(*parts)


def publications(ctx: Context) -> Html:
    """Tools and publications of the year by category, then the teaching modules apart."""
    by_category = indicators.publications_by(ctx.data, ctx.year, ctx.programme)
    by_category = by_category[by_category["category"] != indicators.TEACHING_MODULE].copy()
    by_category["category"] = by_category["category"].map(words)
    parts = [heading("Tools and publications", anchor="publications"),
             _figures(ctx, "knowledge")]
    if len(by_category):
        parts.append(table(by_category, ("publications",), "By category"))
    return Html(*parts, *_publication_tables(ctx, titled=False))


def _publication_tables(ctx: Context, titled: bool = True) -> list[str]:
    """Tabulate the year's tools and publications with downloads, then its teaching modules."""
    pubs = indicators.publications_list(ctx.data, ctx.year, ctx.programme, modules=False)
    modules = indicators.publications_list(ctx.data, ctx.year, ctx.programme, modules=True)
    parts = []
    if pubs.empty:
        parts.append(para(f"No tools or publications in {ctx.year}.", "empty"))
    else:
        pubs["category"] = pubs["category"].map(words)
        parts += ([heading("Tools and publications", 3)] if titled else []) + [
            table(pubs.rename(columns={"published_date": "published"}), ("downloads",),
                  nowrap=("published",))]
    if len(modules):
        parts += [heading(f"Teaching modules ({len(modules)})", 3),
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
    return cards(((k, values[k], indicators.REGISTRY[k].title) for k in keys), rules=True)


ENGAGEMENT_LISTS = (("session_serviced", "Sessions serviced"),
                    ("meeting_organized", "Meetings organized"),
                    ("briefing", "Briefings and side events"),
                    ("report_prepared", "Reports drafted or coordinated"),
                    ("report_input", "Inputs to reports of the Secretary-General and UN bodies"))


def intergovernmental(ctx: Context, most: int = 12) -> Html:
    """Intergovernmental and inter-agency work: the figures, then each kind as a list.

    Each list shows its first ``most`` items by date and says how many more
    there are. Left out when the data has no engagements table (contract
    version 1).
    """
    if "engagements" in ctx.data.absent:
        return Html()
    parts = [heading("Intergovernmental and inter-agency work", anchor="intergovernmental"),
             _figures(ctx, "intergovernmental")]
    rows = indicators.engagements_list(ctx.data, ctx.year, ctx.programme)
    if rows.empty:
        return Html(*parts, para(f"No engagements recorded for {ctx.year}"
                                 + (f" naming {ctx.label}." if ctx.programme else "."),
                                 "empty"))
    for kind, title in ENGAGEMENT_LISTS:
        some = rows[rows["kind"] == kind]
        if some.empty:
            continue
        items = []
        for r in some.head(most).itertuples(index=False):
            details = "; ".join(x for x in (r.body, r.place, r.note, r.date) if x)
            items.append(f"<li><strong>{esc(r.title)}</strong>"
                         f' <span class="meta">({esc(details)})</span></li>')
        parts += [heading(f"{title} ({len(some)})", 3), f"<ul>{''.join(items)}</ul>"]
        if len(some) > most:
            parts.append(para(f"… and {len(some) - most} more, later in the year.", "note"))
    if not ctx.programme:
        parts.append(para("Engagements without a programme are the section's as a whole; a "
                          "programme report shows only those that name the programme.", "note"))
    return Html(*parts)


def priorities(ctx: Context) -> Html:
    """Show the priorities set for the year after the report's, by area, as the highlights end.

    Left out when the data has no priorities table or none for that year.
    """
    rows = indicators.priorities(ctx.data, ctx.year + 1)
    if rows.empty:
        return Html()
    parts = [heading(f"Priorities for {ctx.year + 1}", anchor="priorities")]
    for area, title in indicators.PRIORITY_AREAS.items():
        texts = rows.loc[rows["area"] == area, "text"]
        if len(texts):
            parts += [heading(title, 3),
                      "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in texts) + "</ul>"]
    return Html(*parts)


def knowledge(ctx: Context) -> Html:
    """Knowledge development: tools and publications with downloads, then teaching modules."""
    return Html(heading("Knowledge development", anchor="knowledge"),
                _figures(ctx, "knowledge"), *_publication_tables(ctx))


def web(ctx: Context) -> Html:
    """Web stories, page views and posts by month."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    month = indicators.web_by_month(d, y, p)
    shown = month.copy()
    shown["month"] = pd.to_datetime(dict(year=y, month=shown["month"], day=1)).dt.strftime("%b")
    parts = [heading("Web and social media", anchor="web")]
    charts_ = []
    for column, key, what, colour in (("page_views", "page_views", "Page views", 0),
                                      ("posts", "social_media_posts", "Social media posts", 2)):
        if not indicators.attributed(d, key, p):
            parts.append(para(f"{what}: not attributed to {ctx.label}; the data records them "
                              "for the section as a whole or for other programmes only.",
                              "note"))
            shown = shown.drop(columns=column)
        elif month[column].sum() > 0:
            charts_.append(charts.monthly(month, column, f"{what} per month, {y}",
                                          what.lower(), color_index=colour))
        else:
            charts_.append(para(f"No {what.lower()} recorded for {ctx.label} in {y}.", "empty"))
    shown = shown.rename(columns={"web_stories": "web stories", "page_views": "page views"})
    return Html(*parts, *charts_,
                table(shown, ("web stories", "page views", "posts"), "By month"))


STATUS_TEXT = {"green": "achieved", "amber": "on track (50-99%)",
               "red": "off track (under 50%)", "grey": "no actual reported"}


def results(ctx: Context) -> Html:
    """Show the results framework: baseline, target, actual and a status."""
    frame = indicators.results_status(ctx.data, ctx.year, ctx.programme)
    parts = [heading("Results framework", anchor="results")]
    if frame.empty:
        return Html(*parts, para(f"No results framework rows for {ctx.year}.", "empty"))
    rows = []
    for r in frame.itertuples(index=False):
        progress = "–" if pd.isna(r.progress) else f"{r.progress * 100:.0f}%"
        arrow = "↓" if r.direction == "decrease" else "↑"
        rows.append(
            f"<tr><td>{esc(programmes.label(r.programme))}</td><td>{esc(r.result_id)}</td>"
            f"<td>{esc(r.level)}</td><td>{esc(r.indicator)} <span class=\"dir\" "
            f"title=\"{esc(r.direction)}\">{arrow}</span></td><td>{esc(r.unit or '')}</td>"
            f"<td class=\"num\">{num(r.baseline)}</td><td class=\"num\">{num(r.target)}</td>"
            f"<td class=\"num\">{num(r.actual)}</td><td class=\"num\">{progress}</td>"
            f"<td><span class=\"status {r.status}\">{esc(STATUS_TEXT[r.status])}</span></td>"
            "</tr>")
    head = "".join(f'<th scope="col">{h}</th>' for h in (
        "programme", "id", "level", "indicator", "unit", "baseline", "target", "actual",
        "progress", "status"))
    return Html(*parts, para("Status follows UNDP's rule on the share of the way from baseline "
                             "to target: achieved at 100% or more, on track at 50-99%, off "
                             "track under 50%; ↓ marks an indicator meant to decrease."),
                f'<div class="scroll"><table class="data results"><thead><tr>{head}</tr>'
                f'</thead><tbody>{"".join(rows)}</tbody></table></div>')


def stories(ctx: Context) -> Html:
    """Show the results stories of the year."""
    frame = indicators.stories(ctx.data, ctx.year, ctx.programme)
    parts = [heading("Results stories", anchor="stories")]
    if frame.empty:
        return Html(*parts, para(f"No results stories for {ctx.year}.", "empty"))
    return Html(*parts, *story_articles(frame))


def story_articles(frame: pd.DataFrame) -> list[str]:
    """Render results stories (:func:`htmss_analysis.indicators.stories`' columns)."""
    parts = []
    for s in frame.itertuples(index=False):
        figure = ""
        if not pd.isna(s.figure):
            unit = f" <span>{esc(s.unit)}</span>" if isinstance(s.unit, str) and s.unit else ""
            figure = f'<p class="story-figure">{num(s.figure)}{unit}</p>'
        targets = ", ".join(f"SDG {t}" for t in s.sdg_targets)
        meta = " · ".join(x for x in (s.programmes, s.countries, targets) if x)
        # The figure sits in the story's own header, beside its heading: never above the
        # next story's title, where it would seem to belong to that story.
        parts.append(f'<article class="story"><header class="story-head"><h3>{esc(s.title)}</h3>'
                     f"{figure}</header><p>{esc(s.summary)}</p>"
                     f'<p class="meta">{esc(meta)}</p></article>')
    return parts


def programme_shares(ctx: Context) -> Html:
    """Each programme's headline figures beside the section's, and their overlap."""
    shares = indicators.programme_shares(ctx.data, ctx.year)
    codes = list(programmes.CODES)
    chart_frame = pd.DataFrame({
        "programme": [programmes.label(c) for c in codes],
        "activities": shares.loc["technical_cooperation_activities", codes].fillna(0).to_list(),
        "people": shares.loc["people_trained", codes].fillna(0).to_list()})
    shown = shares.reset_index(drop=True).rename(
        columns={"title": "figure", **{c: programmes.label(c) for c in codes}})
    labels = [programmes.label(c) for c in codes]
    shown[labels] = shown[labels].astype(object).where(shown[labels].notna(), NOT_ATTRIBUTED)
    ov = indicators.overlap(ctx.data, ctx.year).rename(columns={
        "people_trained_by_both": "people trained by both",
        "countries_assisted_by_both": "countries assisted by both",
        "joint_activities": "joint activities"})
    return Html(
        heading("Each programme's share", anchor="programmes"),
        para("Programme columns do not add up to the HTMSS column: a joint activity counts for "
             "each programme taking part, and a person or country counts once for the section "
             "however many programmes worked with them."),
        table(shown, (*labels, programmes.SECTION)),
        para(f"'{NOT_ATTRIBUTED}': the data records this figure for the section as a whole or "
             "for other programmes only.", "note"),
        charts.grouped_bar(chart_frame, "programme", {"activities": "technical cooperation "
                                                      "activities", "people": "people trained"},
                           f"Activities and people trained by programme, {ctx.year}",
                           "count"),
        heading("Overlap between programmes", 3),
        table(ov, ("people trained by both", "countries assisted by both",
                   "joint activities")),
    )


def activity_list(ctx: Context) -> Html:
    """Every activity starting in the year: the rows behind the activity figures."""
    acts = indicators.activities(ctx.data, ctx.year, ctx.programme).sort_values(
        ["start_date", "activity_id"])
    rows = pd.DataFrame({
        "id": acts["activity_id"], "start": acts["start_date"].dt.strftime("%Y-%m-%d"),
        "title": acts["title"], "type": acts["activity_type"].map(words),
        "level": acts["level"], "role": acts["role"],
        "country": acts["country"].map(lambda c: c if isinstance(c, str) else ""),
        "programmes": acts["programme"].map(programmes.labels),
    })
    return Html(heading(f"Activities of {ctx.year}", anchor="activity-list"),
                para("The rows behind the activity figures, in order of start date. Global "
                     "activities are listed but not counted as technical cooperation "
                     "activities."),
                table(rows, cls="data small", nowrap=("id", "start", "country")))


def data_quality(ctx: Context) -> Html:
    """Warnings and row accounting: nothing is dropped silently."""
    acc = ctx.data.accounting
    first, rest = grouped(ctx.data.warnings)
    warnings = pd.DataFrame([{"file": w.file, "row": w.row, "column": w.column,
                              "value": w.value, "warning": w.expected} for w in first])
    parts = [heading("Data quality", anchor="quality"),
             para("Rows read from each input file, rows used, and rows set aside with the "
                  "reason. Every row read is either used or set aside."),
             table(acc.rename(columns=lambda c: c.replace("_", " ")),
                   ("rows read", "rows used", "rows set aside"))]
    if ctx.data.absent:
        parts.append(para("Optional tables absent from the data (their figures are 0 and "
                          "their sections are left out): " + ", ".join(ctx.data.absent) + ".",
                          "note"))
    if warnings.empty:
        parts.append(para("No warnings.", "empty"))
    else:
        warnings["row"] = warnings["row"].map(lambda r: "–" if pd.isna(r) else str(int(r)))
        total = len(ctx.data.warnings)
        parts += [heading(f"{total:,} warning{'s' * (total != 1)}", 3),
                  para("Warnings do not stop the figures; they point to rows worth checking."),
                  table(warnings, nowrap=("row",))]
        if rest:
            parts.append("<ul>" + "".join(f"<li>{esc(line.removeprefix('warning: '))}</li>"
                                          for line in rest) + "</ul>")
    return Html(*parts)


def method(ctx: Context, countries: bool | None = None) -> Html:
    """Write the method annex: definitions, input files with SHA-256, versions, parameters.

    The definitions are the country figures' for a country brief (or with
    ``countries=True``, as the index of briefs has), the registry's otherwise.
    """
    countries = ctx.country is not None if countries is None else countries
    defs = indicators.registry_table(countries=countries)
    files = pd.DataFrame([{"table": s.table, "file": s.label, "encoding": s.encoding,
                           "sha256": s.sha256} for s in ctx.data.sources]
                         + [{"table": key, "file": path.name, "encoding": "public source",
                             "sha256": digest} for key, path, digest in ctx.sources.files()])
    params = pd.DataFrame({"parameter": list(ctx.parameters),
                           "value": [str(v) for v in ctx.parameters.values()]})
    versions = pd.DataFrame({"component": ["htmss-analysis", "python", "pandas"],
                             "version": [__version__, sys.version.split()[0], pd.__version__]})
    return Html(
        heading("Method annex", anchor="method"),
        para("A row counts for a programme when the programme is among its programmes. For "
             "the section as a whole every distinct count is taken over the union of rows, "
             "never as a sum of programmes. Capacity building means training, training of "
             "trainers, mentoring, e-learning and workshops. An activity counts in the year "
             "it starts."),
        heading("Definitions", 3), table(defs),
        heading("How each figure is made", 3),
        para("Each figure's rule, step by step, with the rows left after each step in this "
             "report's data; a figure's number on its card links here. The records each "
             "figure counts are in the report's workbook (one sheet per figure) and from "
             "`htmss-analysis explain KEY`."),
        *_rules(ctx, countries),
        heading("Input files", 3), table(files, cls="data files"),
        heading("Parameters and versions", 3),
        '<div class="two">', table(params), table(versions), "</div>",
        para("SDG targets are given in the official wording of General Assembly resolution "
             f"71/313 for the {len(sdg.TITLES)} targets of the section's mandate "
             f"({', '.join(sdg.TITLES)}); any other target is described by its goal.",
             "note"),
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
                     f"<h4>{esc(ind.title)} ({esc(key)}): {num(records.attrs['value'])}</h4>"
                     f"<p>{esc(ind.definition)}</p>"
                     + table(steps.rename(columns={"rows": "rows left"}), ("rows left",),
                             exported=False) + "</div>")
    return parts


def toc(*entries: tuple[str, str], ctx: Context | None = None) -> Html:
    """Link to the report's sections, given as ``(anchor, label)`` pairs.

    With ``ctx``, the sections its data leaves out (no engagements, no
    priorities for the next year) get no link.
    """
    shown = [(a, label) for a, label in entries if ctx is None or not _left_out(ctx, a)]
    links = "".join(f'<a href="#{esc(a)}">{esc(label)}</a>' for a, label in shown)
    return Html(f'<nav class="toc" aria-label="Contents">{links}</nav>')


def _left_out(ctx: Context, anchor: str) -> bool:
    if anchor == "awareness":
        return indicators.awareness_raising(ctx.data, ctx.year, ctx.programme).empty
    if anchor == "intergovernmental":
        return "engagements" in ctx.data.absent
    if anchor == "priorities":
        return indicators.priorities(ctx.data, ctx.year + 1).empty
    return False


# --- public data ------------------------------------------------------------------------

TREATY_SHORT = {"treaty_tip": "TIP Protocol", "treaty_som": "SOM Protocol",
                "treaty_untoc": "UNTOC"}


def public_sources_list(ctx: Context, keys: list[str]) -> tuple[list[str], bool]:
    """List where each public source of ``keys`` came from, and whether any was given.

    When none was, the list ends with a note saying how to give them.
    """
    parts = ["<ul class=\"sources\">" + "".join(
        f"<li>{esc(ctx.sources.note(k))}</li>" for k in keys) + "</ul>"]
    provided = any(ctx.sources.status(k) == "provided" for k in keys)
    if not provided:
        parts.append(para("No public data source was provided for this report; see the "
                          "README to point the build at GLOTIP, SHERLOC and UN Treaty "
                          "Collection files.", "empty"))
    return parts, provided


def _party_text(party: bool, since: object, action: object) -> str:
    return f"party since {since:%Y-%m-%d} ({action})" if party else "not a party"


def country_context(ctx: Context) -> Html:
    """Set the countries the programme assisted against public UNODC and UN data.

    For each country assisted in the year: detected trafficking victims in
    the latest year GLOTIP has (by sex and age; ``<5`` as published), whether
    it is party to the Protocol(s) of the programme's theme and since when,
    and its cases in the SHERLOC lists provided.
    """
    parts = [heading("Country context: public data", anchor="context")]
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
        return Html(*parts, para(f"No country was assisted in {ctx.year}.", "empty"))
    shown = pd.DataFrame({"country": frame["country"]})
    victims = [c for _, _, c in indicators.VICTIM_GROUPS]
    if glotip is not None:
        shown["GLOTIP year"] = frame["glotip_year"].map(lambda y: "–" if pd.isna(y) else str(y))
        for column in victims:
            shown[column] = frame[column]
    for key, status in treaties.items():
        shown[TREATY_SHORT[key]] = ([_party_text(*r) for r in zip(
            frame[f"{key}_party"], frame[f"{key}_since"], frame[f"{key}_action"], strict=True)]
            if status is not None else "not provided")
    if case_lists:
        shown["SHERLOC cases"] = frame["sherloc_cases"]
        shown["latest decision"] = frame["latest_decision"].map(
            lambda y: "–" if pd.isna(y) else str(y))
    numeric = tuple(c for c in shown.columns if c in {*victims, "SHERLOC cases"})
    notes = ["Detected trafficking victims: UNODC GLOTIP, indicator 'Detected trafficking "
             "victims' (numerator of SDG indicator 16.2.2), latest year available for each "
             "country; '<5' is a count of 1 to 4 suppressed by the publisher; '–' means "
             "not reported."]
    for key, status in treaties.items():
        if status is not None:
            notes.append(f"{TREATY_SHORT[key]}: UN Treaty Collection status as of "
                         f"{status['consent_date'].max():%Y-%m-%d} (latest consent date in "
                         "the file).")
    if case_lists:
        notes.append("SHERLOC cases: cases of the country in the case lists provided, all "
                     "crime types the list holds; latest decision is the latest year in "
                     "their URLs.")
        merged = sum(c.attrs.get("merged_duplicates", 0) for c in case_lists)
        if merged:
            notes.append(f"{merged} case pages listed twice were counted once.")
    shown["brief"] = [brief_link(ctx, c) for c in frame["iso3"]]
    return Html(*parts, table(shown, numeric, cls="data small", links={"country": "brief"}),
                *[para(n, "note") for n in notes])


def treaty_parties(ctx: Context) -> Html:
    """Count new parties to the Protocols and the Convention in the year, where provided."""
    parts = [heading("States parties", anchor="treaties")]
    rows = []
    for key in ("treaty_tip", "treaty_som", "treaty_untoc"):
        status = ctx.sources.get(key)
        if status is None:
            parts.append(para(ctx.sources.note(key), "note"))
            continue
        got = indicators.treaty_year(status, ctx.year)
        new, as_of = got["new"], got["as_of"]
        names = ", ".join(country_names.name(i) if isinstance(i, str) else p
                          for i, p in zip(new["iso3"], new["participant"], strict=True))
        rows.append({"instrument": SOURCES[key][0],
                     f"new parties in {ctx.year}": len(new) if got["covered"] else
                     f"unknown (status of {as_of:%Y})",
                     "parties": got["parties"], "who joined": names or "–",
                     "status as of": f"{as_of:%Y-%m-%d}"})
    if rows:
        frame = pd.DataFrame(rows)
        parts.insert(1, table(frame, (f"new parties in {ctx.year}", "parties"),
                              nowrap=("status as of",)))
        parts.insert(2, para("'Status as of' is the latest consent date in the status file; "
                             "'parties' counts the parties by the end of the year, or by that "
                             "date when the file is older. A file older than the year cannot "
                             "show the year's new parties.", "note"))
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
    the year and the year before, as ``indicators --json`` gives them.
    """
    if ctx.country:
        now = country_figures_of(ctx, ctx.year)
        before = country_figures_of(ctx, ctx.year - 1)
        entries = indicators.COUNTRY_REGISTRY
    else:
        now = indicators.compute(ctx.data, ctx.year, ctx.programme)
        before = indicators.compute(ctx.data, ctx.year - 1, ctx.programme)
        entries = indicators.REGISTRY
    return pd.DataFrame({"key": list(now), "title": [entries[k].title for k in now],
                         "value": list(now.values()), "previous_year": [before[k] for k in now],
                         "definition": [entries[k].definition for k in now]})


def tables_workbook(ctx: Context, name: str = "", headline: pd.DataFrame | None = None
                    ) -> Html:
    """Write the report's tables to ``<name>.xlsx`` in the working folder; say where.

    Run as the report's last cell: the workbook holds a ``headline`` sheet of
    the report's figures and one sheet per table the report showed. A build
    runs the notebook in the report's folder, so the workbook lies beside
    the HTML report, which links to it.
    """
    name = name or report_name(ctx)
    rows = headline if headline is not None else headline_rows(ctx)
    tables = export.active()
    sheets = dict(tables.sheets) if tables else {}
    explained = _explained(ctx, ctx.country is not None) if headline is None else {}
    if explained:
        sheets["rules step by step"] = pd.concat(
            [r.attrs["steps"].assign(key=k)[["key", "step", "rows"]].rename(
                columns={"rows": "rows left"}) for k, r in explained.items()],
            ignore_index=True)
        for key, records in explained.items():
            sheets[key] = records
    path = export.write_workbook(f"{name}.xlsx", rows, sheets, title=f"{name} {ctx.year}")
    link = f'<a href="{esc(path.name)}">{esc(path.name)}</a>'
    return Html(f'<p class="note">The figures and every table of this report are in the '
                f"workbook {link}, beside it: one sheet per table, and first a headline sheet "
                "with each figure, its value the year before and its definition.</p>")


def brief_link(ctx: Context, iso3: object) -> str:
    """Return the relative address of a country's brief, or "" when the report links to none."""
    if not ctx.briefs or not isinstance(iso3, str) or iso3 not in ctx.briefed:
        return ""
    folder = ctx.briefs.strip("/")
    return f"{iso3}.html" if folder in ("", ".") else f"{folder}/{iso3}.html"
