"""The analyst's sections: trends, shares, breakdowns, results, public data, data quality.

As in :mod:`.publication`: each function takes the report's
:class:`~.context.Context`, asks the metrics for frames and only formats them.
"""

from __future__ import annotations

import pandas as pd

from .. import countries as country_names
from .. import languages, programmes
from ..data.load import SET_ASIDE, set_aside_reasons
from ..languages import _, ngettext, short_date
from ..marks import N_
from ..metrics import breakdowns, figures, select
from ..metrics import context as public_data
from ..metrics import results as results_
from ..problems import grouped
from ..public.sources import SOURCES
from . import charts
from .context import (
    Context,
    brief_link,
    country,
    country_link,
    linked,
    localized,
    named,
    regions,
    translated,
)
from .html import English, Html, esc, heading, num, para, shown, table
from .publication import PARTS, _figures, _publication_tables, _titled
from .words import NO_RECORDS, NOT_ATTRIBUTED, Unknown, words


@localized
def headline_trend(ctx: Context, level: int = 3) -> Html:
    """Tabulate the headline figures of the years shown, with the change from the last.

    A programme report shows it under its highlights (``level`` 3); the
    highlights, as the first section of their annex (2).
    """
    trend = _titled(figures.trend(ctx.data, ctx.years, ctx.programme))
    trend = trend[[figures.recorded(ctx.data, k) for k in trend.index]]
    figure = _("figure")
    frame = trend.drop(columns="attributed").reset_index(drop=True).rename(
        columns={"title": figure})
    change = ()
    if "change" in frame:
        change = (_("change from {year}").format(year=ctx.years[-2]),)
        frame = frame.rename(columns={"change": change[0]})
    value_columns = [c for c in frame.columns if c != figure]
    frame[value_columns] = frame[value_columns].astype(object)
    # A year with no records of a figure reads so (and its change is unknown), never 0.
    for i, key in enumerate(trend.index):
        missing = [str(y) for y in ctx.years
                   if not figures.recorded_in(ctx.data, key, y, ctx.programme)]
        if missing:
            frame.loc[i, missing] = Unknown("no_records")
            if change and {str(y) for y in ctx.years[-2:]} & set(missing):
                frame.loc[i, change[0]] = Unknown("no_records")
    frame.loc[~trend["attributed"].to_numpy(), value_columns] = Unknown("not_attributed")
    note = _("Earlier years are shown where the data has them. Programme figures count "
             "joint activities for each programme taking part.")
    return Html(heading(_("Headline figures over time"), level, anchor="trend"),
                table(frame, tuple(value_columns), signed=change), para(note, "note"))


def _several_note(ctx: Context, by: str) -> str:
    """Say how many people count under more than one value of ``by``, if any."""
    n = breakdowns.people_in_several(ctx.data, ctx.scope, by)
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
    d, s, y, p = ctx.data, ctx.scope, ctx.year, ctx.programme
    by_type = breakdowns.activities_by(d, s, "activity_type")
    by_type["activity_type"] = by_type["activity_type"].map(words)
    by_level = breakdowns.activities_by(d, s, "level")
    by_level["level"] = by_level["level"].map(words)
    by_role = breakdowns.activities_by(d, s, "role")
    by_role["role"] = by_role["role"].map(words)
    by_region = breakdowns.activities_by(d, s, "region")
    by_region["region"] = regions(ctx, by_region["region"])
    by_country = breakdowns.activities_by(d, s, "country")
    by_country.insert(1, "name", by_country["country"].map(lambda c: country(ctx, c)))
    by_month = breakdowns.activities_by(d, s, "month")
    total = by_level["activities"].sum()
    unit = _("activities")
    return Html(
        heading(_("Technical cooperation activities"), anchor="activities"),
        para(_("{total} activities started in {year} at all levels; the headline figure "
               "counts the {counted} at national and regional level.").format(
            total=num(total), year=y,
            counted=num(figures.REGISTRY["technical_cooperation_activities"].count(d, y, p)))),
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
        table(linked(ctx, by_country.rename(columns={"country": "ISO3"}), "ISO3"),
              ("activities",), nowrap=("ISO3",), links={"name": "brief"}),
    )


@localized
def people(ctx: Context) -> Html:
    """People trained by sex and group, attendances against people, knowledge gain."""
    d, s, y, p = ctx.data, ctx.scope, ctx.year, ctx.programme
    by_sex = breakdowns.people_by(d, s, "sex")
    by_sex["sex"] = by_sex["sex"].map(words)
    by_group = breakdowns.people_by(d, s, "group")
    by_group["group"] = by_group["group"].map(words)
    by_region = breakdowns.people_by(d, s, "region")
    by_region["region"] = regions(ctx, by_region["region"])
    att = breakdowns.attendance_summary(d, s)
    att[att.columns[0]] = att[att.columns[0]].map(words)
    gain = breakdowns.knowledge_gain(d, s)
    unit = _("people")
    parts = [
        heading(_("People trained"), anchor="people"),
        para(_("{n} distinct people attended capacity-building activities starting in {year}. "
               "A person who attended several activities counts once.").format(
            n=num(figures.REGISTRY["people_trained"].count(d, y, p)), year=y)),
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
        names = ", ".join(country_link(ctx, code, name) for name, code in
                          sorted(zip(group["country"], group["iso3"], strict=True),
                                 key=lambda p: country_names.fold(p[0])))
        items.append("<li>" + languages.labelled(f"<strong>{esc(region)}</strong> ({len(group)})",
                                                 names) + "</li>")
    return f'<ul class="countries">{"".join(items)}</ul>'


@localized
def countries(ctx: Context) -> Html:
    """Countries assisted and represented, listed by UN region."""
    assisted = named(ctx, breakdowns.countries_list(ctx.data, ctx.scope,
                                                    "assisted"))
    represented = named(ctx, breakdowns.countries_list(ctx.data, ctx.scope,
                                                       "represented"))
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
def cases(ctx: Context, top: int = 15) -> Html:
    """Cases added by database and the jurisdictions with most cases."""
    d, s, y, p = ctx.data, ctx.scope, ctx.year, ctx.programme
    by_db = breakdowns.cases_by(d, s, "database")
    by_j = breakdowns.cases_by(d, s, "jurisdiction")
    by_j.insert(2, "name", by_j["jurisdiction"].map(lambda c: country(ctx, c)))
    keys = {"TIP": "jurisdictions_tip", "SOM": "jurisdictions_som"}
    shown = by_db.astype({"cases": object, "jurisdictions": object})
    for i, database in enumerate(shown["database"]):
        if not figures.attributed(d, keys[database], p):
            shown.loc[i, ["cases", "jurisdictions"]] = Unknown("not_attributed")
    shown["database"] = shown["database"].map(words)
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
                      table(linked(ctx, rows.drop(columns="database").rename(
                          columns={"jurisdiction": "code"}), "code"), ("cases",),
                          nowrap=("code",), links={"name": "brief"})]
    return Html(*parts)


@localized
def publications(ctx: Context) -> Html:
    """Tools and publications of the year by category, then the teaching modules apart."""
    by_category = breakdowns.publications_by(ctx.data, ctx.scope)
    by_category = by_category[by_category["category"] != breakdowns.TEACHING_MODULE].copy()
    by_category["category"] = by_category["category"].map(words)
    parts = [heading(_("Tools and publications"), anchor="publications"),
             _figures(ctx, "knowledge")]
    if len(by_category):
        parts.append(table(by_category, ("publications",), _("By category")))
    return Html(*parts, *_publication_tables(ctx, titled=False))


@localized
def web(ctx: Context) -> Html:
    """Web stories, page views and posts by month."""
    d, s, y, p = ctx.data, ctx.scope, ctx.year, ctx.programme
    month = breakdowns.web_by_month(d, s)
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
        if not figures.recorded(d, key):
            charts_.append(para(none.format(programme=ctx.label, year=y), "empty"))
            shown = shown.drop(columns=column)
        elif not figures.attributed(d, key, p):
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


ACTUAL_NOTE = {"not_attributed": NOT_ATTRIBUTED, "no_records": NO_RECORDS}
"""How an actual the records cannot give reads (``results_status``' ``actual_note``)."""

STATUS_TEXT = {"green": N_("achieved"), "amber": N_("on track (50-99%)"),
               "red": N_("off track (under 50%)"), "grey": N_("no actual reported")}


@localized
def results(ctx: Context) -> Html:
    """Show the results framework: baseline, target, actual and a status."""
    frame = results_.results_status(ctx.data, ctx.scope)
    frame = translated(ctx, frame.assign(_id=frame["programme"] + " " + frame["result_id"]),
                       "results", "_id", ("indicator", "unit"))
    parts = [heading(_("Results framework"), anchor="results")]
    if frame.empty:
        return Html(*parts, para(_("No results framework rows for {year}.").format(
            year=ctx.year), "empty"))
    rows = []
    for r in frame.itertuples(index=False):
        progress = "–" if pd.isna(r.progress) else languages.percent(r.progress)
        arrow = "↓" if r.direction == "decrease" else "↑"
        actual = esc(_(ACTUAL_NOTE[r.actual_note])) if r.actual_note else num(r.actual)
        rows.append(
            f"<tr><td>{esc(programmes.label(r.programme))}</td><td>{esc(r.result_id)}</td>"
            f"<td>{esc(words(r.level))}</td><td>{shown(r.indicator)} <span class=\"dir\" "
            f"title=\"{esc(words(r.direction))}\">{arrow}</span></td>"
            f"<td>{shown(r.unit) if r.unit else ''}</td>"
            f"<td class=\"num\">{num(r.baseline)}</td><td class=\"num\">{num(r.target)}</td>"
            f"<td class=\"num\">{actual}</td><td class=\"num\">{progress}</td>"
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
def programme_shares(ctx: Context) -> Html:
    """Each programme's headline figures beside the section's, and what they share.

    The rows that name no programme (the section's own web pages, say) have a
    column of their own, and the overlaps between programmes show every
    combination, so that the programme figures add up to the section's on the
    page (a sentence shows the sum for people trained).
    """
    shares = _titled(breakdowns.programme_shares(ctx.data, ctx.scope))
    codes = list(programmes.CODES)
    labels = [programmes.label(c) for c in codes]
    own = _("section as a whole, no programme")
    shown = shares.reset_index(drop=True).rename(
        columns={"title": "figure", breakdowns.SECTION_ONLY: own,
                 **{c: programmes.label(c) for c in codes}})
    for label in labels:  # cell by cell: pandas' where would make plain strings of them
        shown[label] = pd.Series([v if pd.notna(v) else Unknown("not_attributed")
                                  for v in shown[label]], index=shown.index, dtype=object)
    # A figure no row of the year could count reads "no records", never a 0 that would
    # read as a result: for the section, and for each programme it is attributed to.
    whole = [programmes.SECTION, own]
    shown[whole] = shown[whole].astype(object)
    for i, key in enumerate(shares.index):
        if not figures.recorded_in(ctx.data, key, ctx.year):
            shown.loc[i, [*labels, *whole]] = Unknown("no_records")
            continue
        for code, label in zip(codes, labels, strict=True):
            if pd.notna(shares.at[key, code]) and \
                    not figures.recorded_in(ctx.data, key, ctx.year, code):
                shown.loc[i, label] = Unknown("no_records")
    shared = breakdowns.overlap(ctx.data, ctx.scope)
    ov = pd.DataFrame({
        "programmes": [" & ".join(programmes.label(c) for c in combo)
                       for combo in shared["programmes"]],
        "people trained by each": shared["people_trained"],
        "countries assisted by each": shared["countries_assisted"],
        "joint activities": shared["joint_activities"]})
    terms = breakdowns.reconciled(shares, shared, "people_trained", "people_trained")
    total = int(shares.loc["people_trained", programmes.SECTION])
    written = " ".join(("+ " if sign > 0 else "− ") + num(v) for sign, v in terms)
    return Html(
        heading(_("Each programme's share"), anchor="programmes"),
        para(_("Programme columns do not add up to the HTMSS column: a joint activity counts "
               "for each programme taking part, and a person or country counts once for the "
               "section however many programmes worked with them. Rows that name no "
               "programme count for the section only, in a column of their own.")),
        table(shown, (*labels, programmes.SECTION, own)),
        para(_("'{not_attributed}': the data records this figure for the section as a whole "
               "or for other programmes only.").format(not_attributed=Unknown("not_attributed")),
             "note"),
        '<div class="two">',
        charts.bar(pd.DataFrame({_("programme"): labels, "activities": [
            _value(shares, "technical_cooperation_activities", c) for c in codes]}),
            _("programme"), "activities",
            _("Technical cooperation activities by programme, {year}").format(year=ctx.year),
            _("activities")),
        charts.bar(pd.DataFrame({_("programme"): labels, "people": [
            _value(shares, "people_trained", c) for c in codes]}),
            _("programme"), "people",
            _("People trained by programme, {year}").format(year=ctx.year), _("people"),
            color_index=1),
        "</div>",
        heading(_("Overlap between programmes"), 3),
        table(ov, ("people trained by each", "countries assisted by each", "joint activities")),
        para(_("People trained, programme by programme, less those two programmes share, plus "
               "those all three share: {terms} = {total}, the section's figure.").format(
            terms=written.removeprefix("+ "), total=num(total))),
    )


def _value(shares: pd.DataFrame, key: str, code: str) -> int:
    """Return a programme's figure from the shares, 0 where the data never attributes it."""
    value = shares.loc[key, code]
    return 0 if pd.isna(value) else int(value)


@localized
def activity_list(ctx: Context) -> Html:
    """Every activity starting in the year: the rows behind the activity figures."""
    acts = select.activities(ctx.data, ctx.scope).sort_values(
        ["start_date", "activity_id"])
    acts = translated(ctx, acts, "activities", "activity_id", ("title",))
    rows = pd.DataFrame({
        "id": acts["activity_id"], "start": acts["start_date"],
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
    """Warnings and row accounting: nothing is dropped silently.

    On the highlights' technical companion, the texts left in English are
    those of this page and of its publication (:func:`publication_texts`).
    """
    if ctx.page == "technical":
        publication_texts(ctx)
    acc = ctx.data.accounting
    first, rest = grouped(ctx.data.warnings)
    warnings = pd.DataFrame([{"file": w.file, "row": w.row, "column": w.column,
                              "value": w.value, "warning": w.said()} for w in first])
    if not acc.empty:
        acc = acc.drop(columns=[c for c in SET_ASIDE if c in acc]).assign(why_set_aside=[
            "; ".join(f"{n} {_(SET_ASIDE[code])}" for code, n in set_aside_reasons(row))
            for _i, row in acc.iterrows()])
    parts = [heading(_("Data quality"), anchor="quality"),
             para(_("Rows read from each input file, rows used, and rows set aside with the "
                    "reason. Every row read is either used or set aside.")),
             table(acc, ("rows_read", "rows_used", "rows_set_aside"), codes=("table", "file"))]
    if ctx.data.absent:
        said = esc(_("Optional tables absent from the data (their figures are 0 and their "
                     "sections are left out): {tables}."))
        codes = ", ".join(f'<code translate="no">{esc(t)}</code>' for t in ctx.data.absent)
        parts.append(f'<p class="note">{said.format(tables=codes)}</p>')
    if warnings.empty:
        parts.append(para(_("No warnings."), "empty"))
    else:
        warnings["row"] = warnings["row"].map(lambda r: "–" if pd.isna(r) else str(int(r)))
        total = len(ctx.data.warnings)
        parts += [heading(ngettext("{n} warning", "{n} warnings", total).format(n=num(total)),
                          3),
                  para(_("Warnings do not stop the figures; they point to rows worth "
                         "checking.")),
                  table(warnings, nowrap=("row",), codes=("file", "column"))]
        if rest:
            parts.append("<ul>" + "".join(f"<li>{esc(line.removeprefix('warning: '))}</li>"
                                          for line in rest) + "</ul>")
    parts += untranslated_texts(ctx)
    return Html(*parts, meta={"untranslated": len(ctx.untranslated)}
                if ctx.lang != programmes.LANGUAGES[0] else None, technical=True)


def publication_texts(ctx: Context) -> None:
    """Note on ``ctx`` the texts of the data the highlights' publication shows.

    The publication prints every narrative row and results story of the year,
    every engagement of the year and every priority of the next (complete
    lists): those texts, where the data has no translation into the page's
    language, are noted as the publication's own run notes them (a test holds
    the two to the same set).
    """
    scope = ctx.scope
    for part in PARTS:
        translated(ctx, breakdowns.narrative(ctx.data, scope, part), "narrative", "row",
                   ("heading", "text"))
    translated(ctx, breakdowns.stories(ctx.data, scope), "stories", "story_id",
               ("title", "summary", "unit"))
    if "engagements" not in ctx.data.absent:
        translated(ctx, breakdowns.engagements_list(ctx.data, scope), "engagements",
                   "engagement_id", ("body", "title", "place", "note"))
    translated(ctx, breakdowns.priorities(ctx.data, scope.in_year(ctx.year + 1)),
               "priorities", "row", ("text",))


def untranslated_texts(ctx: Context) -> list[str]:
    """List the texts of the data the report showed in English for want of a translation.

    Nothing in an English report. In another language, a count (0 when the
    data carries every translation) and, when there are some, each text's
    table, id and column: what to fill in (``<column>_<lang>``) to translate it.
    """
    if ctx.lang == programmes.LANGUAGES[0]:
        return []
    n = len(ctx.untranslated)
    if not n:  # "0 texte … n’a pas" reads as no French: a sentence of its own
        return [heading(_("Texts not translated"), 3),
                para(_("Every text of the data this report shows has its translation into "
                       "this report's language."))]
    parts = [heading(_("Texts not translated"), 3),
             para(ngettext("{n} text of the data has no translation into this report's "
                           "language: it is shown in English, marked as such.",
                           "{n} texts of the data have no translation into this report's "
                           "language: they are shown in English, marked as such.", n).format(
                 n=num(n)))]
    if n:
        listed = sorted(ctx.untranslated.items())
        rows = pd.DataFrame([{"table": t, "id": i, "column": f"{c}_{ctx.lang}"}
                             for (t, i, c), _text in listed])
        # object dtype keeps each text an English instance (marked lang="en").
        rows["text"] = pd.Series([English(text) for _key, text in listed], dtype=object)
        parts.append(table(rows, cls="data small", nowrap=("id", "column"),
                           codes=("table", "column")))
    return parts


def public_sources_list(ctx: Context, keys: list[str]) -> tuple[list[str], bool]:
    """Name the public sources of ``keys`` the report was given, and say whether any was.

    By their titles: which file each came from is on the report's technical
    part (method, input files). A source not given is left out; the build
    says why, never the page.
    """
    given = [k for k in keys if ctx.sources.status(k) == "provided"]
    if not given:
        return [], False
    return [para(_("Sources: {sources}.").format(sources=languages.semicolons(
        _(SOURCES[k][0]) for k in given)), "note")], True


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
    treaty_keys = (programmes.PROGRAMMES[ctx.programme].treaties if ctx.programme
                   else tuple(dict.fromkeys(k for p in programmes.PROGRAMMES.values()
                                            for k in p.treaties)))
    keys = ["glotip", *treaty_keys, "sherloc_tip", "sherloc_som"]
    listed, provided = public_sources_list(ctx, keys)
    if not provided:  # nothing to set the countries against: the section is left out
        return Html()
    parts = [heading(_("Country context: public data"), anchor="context"), *listed]
    glotip = ctx.sources.get("glotip")
    treaties = {k: ctx.sources.get(k) for k in treaty_keys}
    case_lists = [c for c in (ctx.sources.get("sherloc_tip"), ctx.sources.get("sherloc_som"))
                  if c is not None]
    frame = public_data.country_context(ctx.data, ctx.scope, glotip, treaties,
                                        pd.concat(case_lists) if case_lists else None)
    if frame.empty:
        return Html(*parts, para(_("No country was assisted in {year}.").format(year=ctx.year),
                                 "empty"))
    shown = pd.DataFrame({"country": frame["iso3"].map(lambda c: country(ctx, c))})
    victims = [_(c) for _s, _a, c in public_data.VICTIM_GROUPS]
    if glotip is not None:
        shown[_("GLOTIP year")] = frame["glotip_year"].map(
            lambda y: "–" if pd.isna(y) else str(y))
        for (_s, _a, column), label in zip(public_data.VICTIM_GROUPS, victims, strict=True):
            shown[label] = frame[column]
    for key, status in treaties.items():
        if status is not None:  # a treaty not given has no column (the build says why)
            shown[_(programmes.TREATIES[key].short)] = [_party_text(*r) for r in zip(
                frame[f"{key}_party"], frame[f"{key}_since"], frame[f"{key}_action"],
                strict=True)]
    if case_lists:
        shown[_("SHERLOC cases")] = frame["sherloc_cases"]
        shown[_("latest decision")] = frame["latest_decision"].map(
            lambda y: "–" if pd.isna(y) else str(y))
    numeric = tuple(c for c in shown.columns if c in {*victims, _("SHERLOC cases")})
    notes = [_("Detected trafficking victims: UNODC GLOTIP, indicator 'Detected trafficking "
               "victims' (numerator of SDG indicator 16.2.2), each country's latest year up "
               "to the report's year; '<5' is a count of 1 to 4 suppressed by the publisher; "
               "'–' means not reported.")]
    if any(status is not None for status in treaties.values()):
        notes.append(_("Treaties: UN Treaty Collection, the status on 31 December {year}, "
                       "worked out from the dates of signature and consent.").format(
            year=ctx.year))
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
    """Count the parties to the Protocols and the Convention at the year's end, and new ones.

    Read by one rule (:func:`htmss_analysis.public.sources.treaty_status_on`):
    the status on 31 December of the year from the dated actions. A status file
    that runs to an earlier date says so ("status as of"), and its new parties
    of the year are not counted: it cannot know them. A treaty whose status
    file was not given is left out (the build says why).
    """
    rows, older = [], []
    new_in_year = _("new parties in {year}").format(year=ctx.year)
    parties = _("parties on 31 December {year}").format(year=ctx.year)
    as_of_ = _("status as of")
    for key in programmes.TREATIES:
        status = ctx.sources.get(key)
        if status is None:
            continue
        got = public_data.treaty_year(status, ctx.year)
        new, as_of = got["new"], got["as_of"]
        names = ", ".join(country(ctx, i) if isinstance(i, str) else p
                          for i, p in zip(new["iso3"], new["participant"], strict=True))
        if not got["covered"]:
            older.append(programmes.treaty_name(key, ctx.lang))
        rows.append({_("instrument"): programmes.treaty_name(key, ctx.lang),
                     new_in_year: len(new) if got["covered"] else "–",
                     parties: got["parties"],
                     _("who joined"): (names or "–") if got["covered"] else "–",
                     as_of_: as_of})
    if not rows:
        return Html()
    parts = [heading(_("States parties"), anchor="treaties"),
             table(pd.DataFrame(rows), (new_in_year, parties), nowrap=(as_of_,)),
             para(_("UN Treaty Collection: the status on 31 December {year}, worked out from "
                    "the dates of signature and consent; 'status as of' is the latest date in "
                    "each status file.").format(year=ctx.year), "note")]
    if older:
        parts.append(para(ngettext(
            "The status file of the {treaties} ends before 31 December {year}: it counts the "
            "parties known by its date, and cannot show the year's new parties ('–').",
            "The status files of these instruments end before 31 December {year}: {treaties}. "
            "They count the parties known by their dates, and cannot show the year's new "
            "parties ('–').",
            len(older)).format(treaties=languages.listed(older), year=ctx.year), "note"))
    return Html(*parts)
