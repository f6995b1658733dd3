"""The sections of the HTML reports, one function each.

A notebook cell calls one of these and displays what it returns. Every piece
of text that comes from the data is escaped here, so a title such as
``<script>alert(1)</script>`` shows as text and runs nothing.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__, figures, indicators, sdg
from . import countries as country_names
from .indicators import REGISTRY
from .loaders import Dataset, load
from .schema import PROGRAMME_LABELS, PROGRAMMES
from .sources import SOURCES, PublicSources, detected_victims


class Html:
    """A piece of report HTML that JupyterLab and nbconvert display as HTML."""

    def __init__(self, *parts: object):
        self.parts = parts

    def __str__(self) -> str:
        return "".join(p._repr_html_() if hasattr(p, "_repr_html_") else str(p)
                       for p in self.parts)

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        # Shown as text/plain beside the HTML: no memory address, so outputs are stable.
        return f"<report section: {len(str(self)):,} characters of HTML>"


def esc(value: object) -> str:
    """Escape any value for HTML text or attributes."""
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return "–"
    return html.escape(str(value), quote=True)


def num(value: object) -> str:
    """Format a count with thousands separators ("–" when missing)."""
    if value is None or pd.isna(value):
        return "–"
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"


def _words(value: object) -> str:
    """Show a code such as ``training_of_trainers`` as words."""
    return str(value).replace("_", " ")


def heading(text: str, level: int = 2, anchor: str | None = None) -> str:
    """Return a section heading."""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<h{level}{ident}>{esc(text)}</h{level}>"


def para(text: str, cls: str = "") -> str:
    """Return a paragraph of escaped text."""
    return f'<p class="{cls}">{esc(text)}</p>' if cls else f"<p>{esc(text)}</p>"


def _cell(value: object, numeric: bool) -> str:
    if numeric:  # pre-formatted text ("<5", "–") is kept, right-aligned
        return f'<td class="num">{esc(value) if isinstance(value, str) else num(value)}</td>'
    if isinstance(value, tuple):
        value = ", ".join(map(str, value))
    return f"<td>{esc(value)}</td>"


def table(frame: pd.DataFrame, numeric: tuple[str, ...] = (), caption: str = "",
          cls: str = "data") -> str:
    """Render a frame as an HTML table with every cell escaped.

    Parameters
    ----------
    frame : DataFrame
        Rows to show; column names are shown with ``_`` as spaces.
    numeric : tuple of str
        Columns shown right-aligned with thousands separators.
    caption : str
        Optional caption above the table.
    cls : str
        CSS classes of the table.
    """
    if frame.empty:
        return para("No rows for this selection.", "empty")
    head = "".join(f'<th class="{"num" if c in numeric else "txt"}">'
                   f"{esc(str(c).replace('_', ' '))}</th>" for c in frame.columns)
    flags = [c in numeric for c in frame.columns]
    rows = "".join("<tr>" + "".join(_cell(v, f) for v, f in zip(row, flags, strict=True))
                   + "</tr>" for row in frame.itertuples(index=False, name=None))
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (f'<table class="{esc(cls)}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>")


# --- context -------------------------------------------------------------------------


@dataclass
class Context:
    """What a report is about: its data, year, programme and parameters.

    Attributes
    ----------
    data : Dataset
        Loaded data.
    year : int
        Reporting year.
    programme : str or None
        Programme code, or ``None`` for the section as a whole.
    years : list of int
        The reporting year and up to ``years_back`` years before it that the data has.
    parameters : dict
        The notebook parameters, for the method annex.
    sources : PublicSources
        Public data (GLOTIP, SHERLOC, treaty status) the analyst pointed the report at.
    """

    data: Dataset
    year: int
    programme: str | None
    years: list[int]
    parameters: dict = field(default_factory=dict)
    sources: PublicSources = field(default_factory=lambda: PublicSources({}))

    @property
    def label(self) -> str:
        """The programme as publications write it, or HTMSS."""
        return PROGRAMME_LABELS[self.programme] if self.programme else "HTMSS"

    @property
    def name(self) -> str:
        """The programme's full name, or the section's."""
        if self.programme:
            return PROGRAMMES[self.programme]
        return "Human Trafficking and Migrant Smuggling Section"


def context(data_dir: str | Path | None, year: int, programme: str | None = None,
            years_back: int = 2, **parameters: object) -> Context:
    """Load the data and fix what a report covers.

    Parameters
    ----------
    data_dir : str or Path or None
        Data folder or workbook; blank or ``None`` for the sample data.
    year : int
        Reporting year.
    programme : str, optional
        Programme code; ``None``, ``""`` or ``"all"`` for the section.
    years_back : int
        How many earlier years to show beside the reporting year.
    **parameters
        Further notebook parameters, listed in the method annex. Those named
        after a public source (``glotip``, ``sherloc_tip``, ``sherloc_som``,
        ``treaty_tip``, ``treaty_som``, ``treaty_untoc``) are file paths;
        blank means not provided.
    """
    data = load(data_dir or None)
    code = indicators.programme_code(programme or None)
    present = set(data.years)
    years = [y for y in range(year - years_back, year) if y in present] + [year]
    sources = PublicSources({k: str(v) for k, v in parameters.items() if k in SOURCES})
    shown = {k: (Path(str(v)).name if k in SOURCES and v else v) for k, v in parameters.items()}
    params = {"year": year, "programme": code or "all", "data_dir": str(data_dir or "sample"),
              "years_back": years_back, **shown}
    return Context(data, year, code, years, params, sources)


# --- sections ------------------------------------------------------------------------


def title(ctx: Context, subtitle: str = "") -> Html:
    """Return the report's title block."""
    sample = " (synthetic sample data)" if ctx.parameters.get("data_dir") == "sample" else ""
    return Html(f'<header class="report-title"><p class="kicker">UNODC · Human Trafficking '
                f'and Migrant Smuggling Section</p><h1>{esc(ctx.label)} {ctx.year}'
                f'{esc(": " + subtitle if subtitle else "")}</h1>'
                f'<p class="subtitle">{esc(ctx.name)}{esc(sample)}</p></header>')


def headline_cards(ctx: Context) -> Html:
    """Show the headline figures of the year as large numbers, as the highlights do."""
    values = indicators.compute(ctx.data, ctx.year, ctx.programme)
    cards = "".join(
        f'<div class="card" data-key="{key}"><span class="figure">{num(values[key])}</span>'
        f'<span class="label">{esc(REGISTRY[key].title)}</span></div>' for key in values)
    return Html(heading(f"{ctx.year} highlights", anchor="highlights"),
                f'<div class="cards">{cards}</div>')


def headline_trend(ctx: Context) -> Html:
    """Tabulate the headline figures of the years shown, with the change from the last."""
    cols = {y: indicators.compute(ctx.data, y, ctx.programme) for y in ctx.years}
    frame = pd.DataFrame({"figure": [REGISTRY[k].title for k in REGISTRY]})
    for y, values in cols.items():
        frame[str(y)] = [values[k] for k in REGISTRY]
    numeric = tuple(str(y) for y in ctx.years)
    if len(ctx.years) > 1:
        prev = str(ctx.years[-2])
        change = frame[str(ctx.year)] - frame[prev]
        frame[f"change from {prev}"] = [f"{c:+,}" if c else "0" for c in change]
    note = ("Earlier years are shown where the data has them. Programme figures count "
            "joint activities for each programme taking part.")
    return Html(heading("Headline figures over time", 3), table(frame, numeric), para(note,
                                                                                     "note"))


def activities(ctx: Context) -> Html:
    """Activities by type, level and role, month and UN region, and by country."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_type = indicators.activities_by(d, y, "activity_type", p)
    by_type["activity_type"] = by_type["activity_type"].map(_words)
    by_level = indicators.activities_by(d, y, "level", p)
    by_role = indicators.activities_by(d, y, "role", p)
    by_region = indicators.activities_by(d, y, "region", p)
    by_country = indicators.activities_by(d, y, "country", p)
    by_month = indicators.activities_by(d, y, "month", p)
    total = len(indicators.activities(d, y, p))
    return Html(
        heading("Technical cooperation activities", anchor="activities"),
        para(f"{num(total)} activities started in {y} at all levels; the headline figure "
             f"counts the {num(indicators.technical_cooperation_activities(d, y, p))} at "
             "national and regional level."),
        figures.monthly(by_month, "activities", f"Activities started per month, {y}",
                        "activities"),
        figures.bar(by_type, "activity_type", "activities", f"Activities by type, {y}",
                    "activities", horizontal=True, color_index=1),
        '<div class="two">', table(by_level, ("activities",), "By level"),
        table(by_role, ("activities",), "Organized or contributed to"), "</div>",
        figures.bar(by_region, "region", "activities",
                    f"Activities by UN region of the country assisted or host country, {y}",
                    "activities", color_index=2),
        heading("Activities by country", 3),
        table(by_country.rename(columns={"country": "ISO3"}), ("activities",)),
    )


def people(ctx: Context) -> Html:
    """People trained by sex and group, attendances against people, knowledge gain."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_sex = indicators.people_by(d, y, "sex", p)
    by_group = indicators.people_by(d, y, "group", p)
    by_group["group"] = by_group["group"].map(_words)
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
        figures.bar(by_group, "group", "people", f"People trained by professional group, {y}",
                    "people", horizontal=True, color_index=0),
        figures.bar(by_region, "region", "people",
                    f"People trained by UN region of nationality, {y}", "people",
                    color_index=4),
        heading("Knowledge gain", 3),
    ]
    if gain.empty:
        parts.append(para("No attendance has both a pre-test and a post-test score.", "empty"))
    else:
        shown = gain.copy()
        shown["improved_share"] = (shown["improved_share"] * 100).round().astype(int).astype(
            str) + "%"
        shown["activity_type"] = shown["activity_type"].map(_words)
        parts += [
            para("Mean scores (0-100) of attendances with both a pre-test and a post-test."),
            figures.grouped_bar(gain.assign(activity_type=shown["activity_type"]),
                                "activity_type", ["pre_test", "post_test"],
                                f"Mean test scores before and after, {y}", "score (0-100)"),
            table(shown, ("tested", "pre_test", "post_test", "gain")),
        ]
    return Html(*parts)


def _grouped_countries(frame: pd.DataFrame) -> str:
    if frame.empty:
        return para("None.", "empty")
    items = []
    for region, group in frame.groupby("region", sort=True):
        names = ", ".join(esc(n) for n in sorted(group["country"]))
        items.append(f"<li><strong>{esc(region)}</strong> ({len(group)}): {names}</li>")
    return f'<ul class="countries">{"".join(items)}</ul>'


def countries(ctx: Context) -> Html:
    """Countries assisted and represented, listed by UN region."""
    assisted = indicators.countries_list(ctx.data, ctx.year, ctx.programme, "assisted")
    represented = indicators.countries_list(ctx.data, ctx.year, ctx.programme, "represented")
    return Html(
        heading("Countries", anchor="countries"),
        heading(f"{len(assisted)} countries provided with direct capacity building", 3),
        _grouped_countries(assisted),
        heading(f"{len(represented)} countries represented in national and regional capacity "
                "building", 3),
        _grouped_countries(represented),
    )


def sdgs(ctx: Context) -> Html:
    """Activities and countries per SDG target."""
    frame = indicators.sdg_contribution(ctx.data, ctx.year, ctx.programme)
    parts = [heading("Contribution to the Sustainable Development Goals", anchor="sdg")]
    if frame.empty:
        return Html(*parts, para("No activity of the year names an SDG target.", "empty"))
    return Html(*parts, para("Activities starting in the year that name each SDG target, and "
                             "the distinct countries they took place in."),
                table(frame, ("activities", "countries")),
                figures.bar(frame.assign(target="SDG " + frame["target"]), "target",
                            "activities", f"Activities per SDG target, {ctx.year}",
                            "activities", color_index=3))


def cases(ctx: Context, top: int = 15) -> Html:
    """Cases added by database and the jurisdictions with most cases."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    by_db = indicators.cases_by(d, y, "database", p)
    by_j = indicators.cases_by(d, y, "jurisdiction", p)
    parts = [heading("Case law databases", anchor="cases"),
             para(f"Cases analysed and added to UNODC's case law databases in {y}."),
             table(by_db, ("cases", "jurisdictions"))]
    for database in ("TIP", "SOM"):
        rows = by_j[by_j["database"] == database].head(top)
        if len(rows):
            parts += [heading(f"{database} cases: jurisdictions with most cases added", 3),
                      table(rows.drop(columns="database").rename(
                          columns={"jurisdiction": "code"}), ("cases",))]
    return Html(*parts)


def publications(ctx: Context) -> Html:
    """Tools and publications of the year."""
    rows = indicators.publications_list(ctx.data, ctx.year, ctx.programme)
    rows["category"] = rows["category"].map(_words)
    by_category = indicators.publications_by(ctx.data, ctx.year, ctx.programme)
    by_category["category"] = by_category["category"].map(_words)
    return Html(heading("Tools and publications", anchor="publications"),
                table(by_category, ("publications",), "By category"),
                table(rows, ("downloads",)))


def web(ctx: Context) -> Html:
    """Web stories, page views and posts by month."""
    d, y, p = ctx.data, ctx.year, ctx.programme
    month = indicators.web_by_month(d, y, p)
    note = ("Page views and posts of sites and accounts of the section as a whole are "
            "counted for the section only." if p else "")
    shown = month.copy()
    shown["month"] = pd.to_datetime(dict(year=y, month=shown["month"], day=1)).dt.strftime("%b")
    charts = []
    for column, what, colour in (("page_views", "Page views", 0), ("posts", "Social media posts",
                                                                     2)):
        if month[column].sum() > 0:
            charts.append(figures.monthly(month, column, f"{what} per month, {y}",
                                          what.lower(), color_index=colour))
        else:
            charts.append(para(f"No {what.lower()} recorded for {ctx.label} in {y}.", "empty"))
    return Html(heading("Web and social media", anchor="web"),
                para(note, "note") if note else "", *charts,
                table(shown, ("web_stories", "page_views", "posts"), "By month"))


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
            f"<tr><td>{esc(PROGRAMME_LABELS[r.programme])}</td><td>{esc(r.result_id)}</td>"
            f"<td>{esc(r.level)}</td><td>{esc(r.indicator)} <span class=\"dir\" "
            f"title=\"{esc(r.direction)}\">{arrow}</span></td><td>{esc(r.unit or '')}</td>"
            f"<td class=\"num\">{num(r.baseline)}</td><td class=\"num\">{num(r.target)}</td>"
            f"<td class=\"num\">{num(r.actual)}</td><td class=\"num\">{progress}</td>"
            f"<td><span class=\"status {r.status}\">{esc(STATUS_TEXT[r.status])}</span></td>"
            "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("programme", "id", "level", "indicator", "unit",
                                             "baseline", "target", "actual", "progress",
                                             "status"))
    return Html(*parts, para("Status follows UNDP's rule on the share of the way from baseline "
                             "to target: achieved at 100% or more, on track at 50-99%, off "
                             "track under 50%; ↓ marks an indicator meant to decrease."),
                f'<table class="data results"><thead><tr>{head}</tr></thead><tbody>'
                f'{"".join(rows)}</tbody></table>')


def stories(ctx: Context) -> Html:
    """Show the results stories of the year."""
    frame = indicators.stories(ctx.data, ctx.year, ctx.programme)
    parts = [heading("Results stories", anchor="stories")]
    if frame.empty:
        return Html(*parts, para(f"No results stories for {ctx.year}.", "empty"))
    for s in frame.itertuples(index=False):
        figure = ""
        if not pd.isna(s.figure):
            figure = f'<p class="story-figure">{num(s.figure)} <span>{esc(s.unit)}</span></p>'
        targets = ", ".join(f"SDG {t}" for t in s.sdg_targets)
        meta = " · ".join(x for x in (s.programmes, s.countries, targets) if x)
        parts.append(f'<article class="story">{figure}<h3>{esc(s.title)}</h3>'
                     f"<p>{esc(s.summary)}</p><p class=\"meta\">{esc(meta)}</p></article>")
    return Html(*parts)


def programme_shares(ctx: Context) -> Html:
    """Each programme's headline figures beside the section's, and their overlap."""
    shares = indicators.programme_shares(ctx.data, ctx.year)
    people = shares.loc[["technical_cooperation_activities", "people_trained"]]
    chart_frame = pd.DataFrame({"programme": ["GLOT59", "GLOT92", "GLO.ACT"],
                                "activities": people.loc["technical_cooperation_activities",
                                                         ["GLOT59", "GLOT92", "GLO.ACT"]]
                                .to_list(),
                                "people trained": people.loc["people_trained",
                                                             ["GLOT59", "GLOT92", "GLO.ACT"]]
                                .to_list()})
    ov = indicators.overlap(ctx.data, ctx.year)
    return Html(
        heading("Each programme's share", anchor="programmes"),
        para("Programme columns do not add up to the HTMSS column: a joint activity counts for "
             "each programme taking part, and a person or country counts once for the section "
             "however many programmes worked with them."),
        table(shares.reset_index(drop=True).rename(columns={"title": "figure"}),
              ("GLOT59", "GLOT92", "GLO.ACT", "HTMSS")),
        figures.grouped_bar(chart_frame, "programme", ["activities", "people trained"],
                            f"Activities and people trained by programme, {ctx.year}",
                            "count"),
        heading("Overlap between programmes", 3),
        table(ov, ("people_trained_by_both", "countries_assisted_by_both",
                   "joint_activities")),
    )


def activity_list(ctx: Context) -> Html:
    """Every activity starting in the year: the rows behind the activity figures."""
    acts = indicators.activities(ctx.data, ctx.year, ctx.programme).sort_values(
        ["start_date", "activity_id"])
    rows = pd.DataFrame({
        "id": acts["activity_id"], "start": acts["start_date"].dt.strftime("%Y-%m-%d"),
        "title": acts["title"], "type": acts["activity_type"].map(_words),
        "level": acts["level"], "role": acts["role"],
        "country": acts["country"].map(lambda c: c if isinstance(c, str) else ""),
        "programmes": acts["programme"].map(indicators.programme_labels),
    })
    return Html(heading(f"Activities of {ctx.year}", anchor="activity-list"),
                para("The rows behind the activity figures, in order of start date. Global "
                     "activities are listed but not counted as technical cooperation "
                     "activities."),
                table(rows, cls="data small"))


def data_quality(ctx: Context) -> Html:
    """Warnings and row accounting: nothing is dropped silently."""
    acc = ctx.data.accounting
    warnings = pd.DataFrame([{"file": w.file, "row": w.row, "column": w.column,
                              "value": w.value, "warning": w.expected}
                             for w in ctx.data.warnings])
    parts = [heading("Data quality", anchor="quality"),
             para("Rows read from each input file, rows used, and rows set aside with the "
                  "reason. Every row read is either used or set aside."),
             table(acc, ("rows_read", "rows_used", "rows_set_aside"))]
    if warnings.empty:
        parts.append(para("No warnings.", "empty"))
    else:
        warnings["row"] = warnings["row"].map(lambda r: "–" if pd.isna(r) else str(int(r)))
        parts += [heading(f"{len(warnings)} warnings", 3),
                  para("Warnings do not stop the figures; they point to rows worth checking."),
                  table(warnings)]
    return Html(*parts)


def method(ctx: Context) -> Html:
    """Write the method annex: definitions, input files with SHA-256, versions, parameters."""
    defs = indicators.registry_table()
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
        heading("Input files", 3), table(files, cls="data files"),
        heading("Parameters and versions", 3),
        '<div class="two">', table(params), table(versions), "</div>",
        para("SDG targets: " + "; ".join(f"{k} {v}" for k, v in sdg.TITLES.items()), "note"),
    )


def toc(*entries: tuple[str, str]) -> Html:
    """Link to the report's sections, given as ``(anchor, label)`` pairs."""
    links = "".join(f'<a href="#{esc(a)}">{esc(label)}</a>' for a, label in entries)
    return Html(f'<nav class="toc" aria-label="Contents">{links}</nav>')


# --- public data ------------------------------------------------------------------------

THEME_TREATIES = {"GLOT59": ("treaty_tip",), "GLOT92": ("treaty_som",),
                  "GLOACT": ("treaty_tip", "treaty_som")}
TREATY_SHORT = {"treaty_tip": "TIP Protocol", "treaty_som": "SOM Protocol",
                "treaty_untoc": "UNTOC"}
_VICTIM_CELLS = [("Total", "Total", "victims"), ("Female", "18 years or over", "women"),
                 ("Male", "18 years or over", "men"), ("Female", "0 to 17 years", "girls"),
                 ("Male", "0 to 17 years", "boys")]


def _victim_cell(rows: pd.DataFrame, sex: str, age: str) -> str:
    hit = rows[(rows["sex"] == sex) & (rows["age"] == age)]
    if hit.empty:
        return "–"
    if bool(hit["censored"].iloc[0]):
        return "<5"  # a suppressed count of 1 to 4: never shown as 0
    return num(hit["value"].iloc[0])


def _party_text(status: pd.DataFrame | None, iso3: str) -> str:
    if status is None:
        return "not provided"
    rows = status[status["iso3"] == iso3]
    if rows.empty or not bool(rows["party"].iloc[0]):
        return "not a party"
    row = rows.iloc[0]
    return f"party since {row['consent_date']:%Y-%m-%d} ({row['action']})"


def country_context(ctx: Context) -> Html:
    """Set the countries the programme assisted against public UNODC and UN data.

    For each country assisted in the year: detected trafficking victims in
    the latest year GLOTIP has (by sex and age; ``<5`` as published), whether
    it is party to the Protocol(s) of the programme's theme and since when,
    and its cases in the SHERLOC lists provided.
    """
    parts = [heading("Country context: public data", anchor="context")]
    code = ctx.programme or "GLOACT"
    keys = ["glotip", *THEME_TREATIES[code], "sherloc_tip", "sherloc_som"]
    assisted = indicators.countries_list(ctx.data, ctx.year, ctx.programme, "assisted")
    parts.append("<ul class=\"sources\">" + "".join(
        f"<li>{esc(ctx.sources.note(k))}</li>" for k in keys) + "</ul>")
    if all(ctx.sources.status(k) != "provided" for k in keys):
        return Html(*parts, para("No public data source was provided for this report; "
                                 "see the README to point the build at GLOTIP, SHERLOC and "
                                 "UN Treaty Collection files.", "empty"))
    if assisted.empty:
        return Html(*parts, para(f"No country was assisted in {ctx.year}.", "empty"))
    glotip = ctx.sources.get("glotip")
    treaties = {k: ctx.sources.get(k) for k in THEME_TREATIES[code]}
    cases = [c for c in (ctx.sources.get("sherloc_tip"), ctx.sources.get("sherloc_som"))
             if c is not None]
    case_list = pd.concat(cases) if cases else None
    rows = []
    for iso3, name in zip(assisted["iso3"], assisted["country"], strict=True):
        row = {"country": name}
        if glotip is not None:
            victims = detected_victims(glotip, iso3)
            row["GLOTIP year"] = str(victims["year"].iloc[0]) if len(victims) else "–"
            for sex, age, label in _VICTIM_CELLS:
                row[label] = _victim_cell(victims, sex, age)
        for key, status in treaties.items():
            row[TREATY_SHORT[key]] = _party_text(status, iso3)
        if case_list is not None:
            mine = case_list[case_list["jurisdiction"] == iso3]
            row["SHERLOC cases"] = num(len(mine))
            row["latest decision"] = (str(int(mine["decision_year"].max()))
                                      if mine["decision_year"].notna().any() else "–")
        rows.append(row)
    frame = pd.DataFrame(rows)
    numeric = tuple(c for c in frame.columns if c in {"victims", "women", "men", "girls",
                                                      "boys", "SHERLOC cases"})
    notes = ["Detected trafficking victims: UNODC GLOTIP, indicator 'Detected trafficking "
             "victims' (numerator of SDG indicator 16.2.2), latest year available for each "
             "country; '<5' is a count of 1 to 4 suppressed by the publisher; '–' means "
             "not reported."]
    for key, status in treaties.items():
        if status is not None:
            notes.append(f"{TREATY_SHORT[key]}: UN Treaty Collection status as of "
                         f"{status['consent_date'].max():%Y-%m-%d} (latest consent date in "
                         "the file).")
    if case_list is not None:
        notes.append("SHERLOC cases: cases of the country in the case lists provided, all "
                     "crime types the list holds; latest decision is the latest year in "
                     "their URLs.")
        merged = sum(c.attrs.get("merged_duplicates", 0) for c in cases)
        if merged:
            notes.append(f"{merged} case pages listed twice were counted once.")
    return Html(*parts, table(frame, numeric, cls="data small"),
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
        as_of = status["consent_date"].max()
        covered = as_of >= pd.Timestamp(ctx.year, 12, 31) - pd.Timedelta(days=365)
        new = status[status["consent_date"].dt.year == ctx.year]
        parties = status[status["party"] & (status["consent_date"] <= pd.Timestamp(ctx.year, 12,
                                                                                   31))]
        names = ", ".join(country_names.name(i) if isinstance(i, str) else p
                          for i, p in zip(new["iso3"], new["participant"], strict=True))
        rows.append({"instrument": SOURCES[key][0],
                     f"new parties in {ctx.year}": len(new) if covered else
                     f"unknown (status of {as_of:%Y})",
                     "parties": len(parties), "new parties": names or "–",
                     "status as of": f"{as_of:%Y-%m-%d}"})
    if rows:
        frame = pd.DataFrame(rows)
        parts.insert(1, table(frame, (f"new parties in {ctx.year}", "parties")))
        parts.insert(2, para("'Status as of' is the latest consent date in the status file; "
                             "'parties' counts the parties by the end of the year, or by that "
                             "date when the file is older. A file older than the year cannot "
                             "show the year's new parties.", "note"))
    return Html(*parts)
