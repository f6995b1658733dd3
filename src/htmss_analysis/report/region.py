"""The sections of a regional brief and of the index of regional briefs.

As :mod:`.brief`: each function takes the report's :class:`~.context.Context`
(made with ``region=``), asks the metrics for frames and only formats them.
"""

from __future__ import annotations

import pandas as pd

from .. import languages, programmes
from ..countries import fold
from ..languages import _, ngettext
from ..metrics import region as metrics
from ..metrics.figures import COUNTRY_REGISTRY, REGION_REGISTRY, compute_region
from .brief import two_years
from .context import Context, brief_link, country, localized, translated
from .context import region as region_name
from .html import Html, heading, num, para, table
from .publication import story_articles
from .words import words


def _name(ctx: Context) -> str:
    return region_name(ctx, ctx.region)


def figures_of(ctx: Context, year: int) -> dict[str, int]:
    """Return the brief's regional figures of ``year`` (counted once per dataset)."""
    return compute_region(ctx.data, year, ctx.region, ctx.programme)


@localized
def figures(ctx: Context) -> Html:
    """Show the regional figures of the year as cards, and their change from the year before."""
    return two_years(ctx, REGION_REGISTRY, figures_of(ctx, ctx.year),
                     figures_of(ctx, ctx.year - 1), _(
        "{region} has no rows in {year}: no activity of {programme} took place in its "
        "countries, nobody of their nationalities attended one, and no case of their "
        "jurisdictions was added.").format(region=_name(ctx), year=ctx.year,
                                            programme=ctx.label))


@localized
def countries(ctx: Context) -> Html:
    """List the region's countries with a country figure, each linked to its brief if built."""
    frame = metrics.countries_in(ctx.data, ctx.scope)
    parts = [heading(_("Countries of {region}").format(region=_name(ctx)),
                     anchor="countries")]
    if frame.empty:
        return Html(*parts, para(_("No country of {region} has a country figure in "
                                   "{year}.").format(region=_name(ctx), year=ctx.year),
                                 "empty"))
    shorts = {k: _(COUNTRY_REGISTRY[k].short) for k in COUNTRY_REGISTRY}
    names = [country(ctx, c) for c in frame["iso3"]]
    order = sorted(range(len(frame)), key=lambda i: fold(names[i]))
    frame = frame.iloc[order].reset_index(drop=True)
    names = [names[i] for i in order]
    shown = frame.drop(columns="iso3").rename(columns=shorts)
    shown.insert(0, "country", names)
    shown.insert(1, "iso3", frame["iso3"].to_numpy())
    shown["href"] = [brief_link(ctx, c) for c in frame["iso3"]]
    linked = any(shown["href"])
    return Html(*parts, para(ngettext(
        "{n} country of {region} with at least one non-zero country figure in {year}, by "
        "name.", "{n} countries of {region} with at least one non-zero country figure in "
        "{year}, by name.", len(frame)).format(n=num(len(frame)), region=_name(ctx),
                                               year=ctx.year)
        + (" " + _("Each name with a brief opens it.") if linked else "")),
        table(shown, tuple(shorts.values()), cls="data small", nowrap=("iso3",),
              links={"country": "href"}))


@localized
def activities(ctx: Context) -> Html:
    """List the activities held in the region's countries."""
    acts = translated(ctx, metrics.activities_in(ctx.data, ctx.scope),
                      "activities", "activity_id", ("title",))
    parts = [heading(_("Activities in {region}").format(region=_name(ctx)),
                     anchor="activities")]
    if acts.empty:
        return Html(*parts, para(_("No activity took place in {region} in {year}.").format(
            region=_name(ctx), year=ctx.year), "empty"))
    shown = acts.drop(columns="activity_id").assign(
        country=[country(ctx, c) for c in acts["country"]],
        activity_type=acts["activity_type"].map(words), level=acts["level"].map(words),
        programmes=acts["programmes"].map(programmes.labels),
        href=[brief_link(ctx, c) for c in acts["country"]]).rename(
        columns={"activity_type": "type"})
    return Html(*parts, para(ngettext(
        "{n} activity starting in {year} took place in a country of {region}, at any level.",
        "{n} activities starting in {year} took place in the countries of {region}, at any "
        "level.", len(acts)).format(n=num(len(acts)), year=ctx.year, region=_name(ctx))),
        table(shown, cls="data small", nowrap=("start",), links={"country": "href"}))


@localized
def stories(ctx: Context) -> Html:
    """Show the results stories of the year that name a country of the region."""
    frame = metrics.stories(ctx.data, ctx.scope)
    parts = [heading(_("Results stories"), anchor="stories")]
    if frame.empty:
        return Html(*parts, para(_("No results story of {year} names a country of "
                                   "{region}.").format(year=ctx.year, region=_name(ctx)),
                                 "empty"))
    return Html(*parts, *story_articles(ctx, frame))


# --- the index of regional briefs -----------------------------------------------------------


def listed(ctx: Context) -> list[str]:
    """Return the M49 codes of the regions the index lists: those given, else where it worked."""
    return list(ctx.regions) or metrics.worked_regions(ctx.data, ctx.scope)


@localized
def index(ctx: Context) -> Html:
    """List the regions with a brief, with their figures, each linked to its brief."""
    codes = listed(ctx)
    frame = metrics.region_figures(ctx.data, ctx.scope, codes)
    parts = [heading(_("Regional briefs, {year}").format(year=ctx.year), anchor="regions")]
    if frame.empty:
        return Html(*parts, para(_("No region has a brief for {year}.").format(year=ctx.year),
                                 "empty"))
    names = [region_name(ctx, c) for c in frame["region"]]
    order = sorted(range(len(frame)), key=lambda i: fold(names[i]))
    frame = frame.iloc[order].reset_index(drop=True)
    shorts = {k: _(REGION_REGISTRY[k].short) for k in REGION_REGISTRY}
    shown = frame.drop(columns="region").rename(columns=shorts)
    shown.insert(0, "region", [names[i] for i in order])
    shown.insert(1, "M49", frame["region"].to_numpy())
    shown["href"] = [f"{c}.html" for c in frame["region"]]
    return Html(*parts, para(ngettext(
        "{n} region where the section worked in {year}: an activity was held in one of its "
        "countries. Regions are the UN M49 intermediate regions, else sub-regions; each name "
        "opens its brief. Definitions are in the method annex.",
        "{n} regions where the section worked in {year}: an activity was held in one of their "
        "countries. Regions are the UN M49 intermediate regions, else sub-regions; each name "
        "opens its brief. Definitions are in the method annex.", len(frame)).format(
        n=num(len(frame)), year=ctx.year)),
        table(shown, tuple(shorts.values()), cls="data small", nowrap=("M49",),
              links={"region": "href"}))


def index_headline(ctx: Context) -> pd.DataFrame:
    """Return the index's figures for its workbook: regions briefed, two years."""
    with languages.using(ctx.lang):
        return pd.DataFrame({
            "key": ["regional_briefs"], "title": [_("Regions with a brief")],
            "value": [len(listed(ctx))],
            "previous_year": [len(metrics.worked_regions(ctx.data,
                                                         ctx.scope.in_year(ctx.year - 1)))],
            "definition": [_("Regions where the section worked in the year: an activity was "
                             "held in one of their countries.")]})

