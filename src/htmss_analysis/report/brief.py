"""The sections of a country brief and of the index of briefs.

As in :mod:`.sections`: each function takes the report's :class:`~.sections.Context`
(made with ``country=``), asks the metrics for frames and only formats them.
"""

from __future__ import annotations

import pandas as pd

from .. import countries as country_names
from .. import indicators
from ..frames import signed
from ..metrics import country as metrics
from ..sources import SOURCES
from . import charts, sections
from .html import Html, cards, heading, para, table, words
from .sections import TREATY_SHORT, Context, story_articles

TREATIES = ("treaty_tip", "treaty_som", "treaty_untoc")
"""The treaties a brief gives the country's status for."""


def _name(ctx: Context) -> str:
    return country_names.name(ctx.country)


def figures(ctx: Context) -> Html:
    """Show the country figures of the year as cards, and their change from the year before."""
    now = sections.country_figures_of(ctx, ctx.year)
    before = sections.country_figures_of(ctx, ctx.year - 1)
    reg = indicators.COUNTRY_REGISTRY
    parts = [heading(f"{ctx.year} in figures", anchor="figures"),
             cards(((k, v, reg[k].title) for k, v in now.items()), rules=True)]
    if not any(now.values()):
        return Html(*parts, para(
            f"{_name(ctx)} has no rows in {ctx.year}: no activity of "
            f"{ctx.label} took place there, nobody of its nationality attended one, and no "
            "case of its jurisdiction was added.", "empty"))
    frame = pd.DataFrame({"figure": [reg[k].title for k in now],
                          str(ctx.year - 1): list(before.values()),
                          str(ctx.year): list(now.values())})
    frame[f"change from {ctx.year - 1}"] = [
        signed(n - b) for n, b in zip(now.values(), before.values(), strict=True)]
    return Html(*parts, table(frame, tuple(c for c in frame.columns if c != "figure")))


def activities(ctx: Context) -> Html:
    """Activities in the country by programme, type and level, then each of them."""
    acts = metrics.activities_in(ctx.data, ctx.year, ctx.country, ctx.programme)
    parts = [heading(f"Activities in {_name(ctx)}", anchor="activities")]
    if acts.empty:
        return Html(*parts, para(f"No activity took place in {_name(ctx)} in {ctx.year}.",
                                 "empty"))
    by = {b: metrics.activities_by(ctx.data, ctx.year, ctx.country, b, ctx.programme)
          for b in metrics.BY}
    by["activity_type"]["activity_type"] = by["activity_type"]["activity_type"].map(words)
    joint = by["programme"]["activities"].sum() > len(acts)
    parts += [para(f"{len(acts)} activit{'y' if len(acts) == 1 else 'ies'} starting in "
                   f"{ctx.year} took place in {_name(ctx)}, at any level (national "
                   "activities, and regional or global events it hosted)."),
              '<div class="two">',
              table(by["programme"], ("activities",), caption="By programme"),
              table(by["activity_type"].rename(columns={"activity_type": "type"}),
                    ("activities",), caption="By type"),
              table(by["level"], ("activities",), caption="By level"), "</div>"]
    if joint:
        parts.append(para("A joint activity counts for each programme taking part, so the "
                          "programmes add up to more than the activities.", "note"))
    shown = acts.drop(columns="activity_id").assign(
        activity_type=acts["activity_type"].map(words)).rename(
        columns={"activity_type": "type"})
    parts += [heading("The activities", 3),
              table(shown, cls="data small", nowrap=("start",))]
    return Html(*parts)


def people(ctx: Context) -> Html:
    """People of the country trained, by sex and group; the activities abroad they attended."""
    name = _name(ctx)
    parts = [heading(f"People of {name}", anchor="people")]
    trained = sections.country_figures_of(ctx, ctx.year)["people_trained"]
    if trained:
        sex = metrics.people_by(ctx.data, ctx.year, ctx.country, "sex", ctx.programme)
        group = metrics.people_by(ctx.data, ctx.year, ctx.country, "group", ctx.programme)
        group["group"] = group["group"].map(words)
        parts += [para(f"{trained:,} {'person' if trained == 1 else 'people'} of {name}'s "
                       f"nationality attended capacity building starting in {ctx.year}, at "
                       "home or abroad."),
                  '<div class="two">', table(sex, ("people",), caption="By sex"),
                  table(group, ("people",), caption="By group"), "</div>"]
        if sex["people"].sum() > trained or group["people"].sum() > trained:
            parts.append(para("A person recorded under two values (two groups, say) counts "
                              "under each, so a column can add up to more than the people "
                              "trained.", "note"))
    else:
        parts.append(para(f"Nobody of {name}'s nationality attended capacity building "
                          f"starting in {ctx.year}.", "empty"))
    abroad = metrics.activities_abroad(ctx.data, ctx.year, ctx.country, ctx.programme)
    parts.append(heading("Activities abroad its people attended", 3))
    if abroad.empty:
        return Html(*parts, para(f"No activity outside {name} starting in {ctx.year} had "
                                 f"a participant of {name}.", "empty"))
    shown = abroad.drop(columns="activity_id").assign(
        activity_type=abroad["activity_type"].map(words)).rename(
        columns={"activity_type": "type", "participants": f"people of {name}"})
    return Html(*parts, para("Activities of any type held in another country, or online, "
                             f"with at least one participant of {name}'s nationality."),
                table(shown, (f"people of {name}",), cls="data small", nowrap=("start",)))


def cases(ctx: Context) -> Html:
    """Cases of the country's jurisdiction added to the case law databases in the year."""
    frame = metrics.cases_by_database(ctx.data, ctx.year, ctx.country, ctx.programme)
    parts = [heading("Case law databases", anchor="cases")]
    if not frame["cases"].any():
        return Html(*parts, para(f"No case of {_name(ctx)}'s jurisdiction was added in "
                                 f"{ctx.year}.", "empty"))
    return Html(*parts, para(f"Cases of {_name(ctx)}'s jurisdiction analysed and added to "
                             f"UNODC's case law databases in {ctx.year}."),
                table(frame, ("cases",)))


def public(ctx: Context) -> Html:
    """Set the country against public data: GLOTIP victims by year, treaties, SHERLOC cases."""
    name = _name(ctx)
    keys = ["glotip", *TREATIES, "sherloc_tip", "sherloc_som"]
    listed, provided = sections.public_sources_list(ctx, keys)
    parts = [heading("Public data", anchor="context"), *listed]
    if not provided:
        return Html(*parts)
    glotip = ctx.sources.get("glotip")
    if glotip is not None:
        victims = metrics.victims_over_years(glotip, ctx.country)
        parts.append(heading("Detected trafficking victims (GLOTIP)", 3))
        if victims.empty:
            parts.append(para(f"GLOTIP reports no detected victims for {name}.", "empty"))
        else:
            shown = victims.assign(year=victims["year"].astype(str))
            groups = [c for c in shown.columns if c != "year"]
            parts += [table(shown, tuple(groups), nowrap=("year",)),
                      para("UNODC GLOTIP, indicator 'Detected trafficking victims' (numerator "
                           "of SDG indicator 16.2.2), every year it has for the country; '<5' "
                           "is a count of 1 to 4 suppressed by the publisher; '–' means not "
                           "reported.", "note")]
            numbers = victims[pd.to_numeric(victims["victims"], errors="coerce").notna()]
            if len(numbers) > 1:
                parts.append(charts.bar(numbers.assign(year=numbers["year"].astype(str),
                                                       victims=numbers["victims"].astype(float)),
                                        "year", "victims",
                                        f"Detected trafficking victims, {name}", "victims"))
    given = {k: ctx.sources.get(k) for k in TREATIES if ctx.sources.get(k) is not None}
    if given:
        status = metrics.treaty_status(given, ctx.country)
        shown = pd.DataFrame({
            "instrument": [SOURCES[k][0] for k in status["key"]],
            "status": ["party" if p else "not a party" for p in status["party"]],
            "since": [f"{d:%Y-%m-%d}" if not pd.isna(d) else "–" for d in status["since"]],
            "action": [a if isinstance(a, str) else "–" for a in status["action"]]})
        as_of = "; ".join(f"{TREATY_SHORT[k]} as of {v['consent_date'].max():%Y-%m-%d}"
                          for k, v in given.items())
        parts += [heading("Treaties", 3), table(shown, nowrap=("since",)),
                  para(f"UN Treaty Collection status ({as_of}: the latest consent date in "
                       "each file).", "note")]
    lists = [c for c in (ctx.sources.get("sherloc_tip"), ctx.sources.get("sherloc_som"))
             if c is not None]
    if lists:
        by_year = metrics.sherloc_cases(pd.concat(lists), ctx.country)
        parts.append(heading("Cases in SHERLOC", 3))
        if by_year.empty:
            parts.append(para(f"The SHERLOC case lists provided hold no case of {name}.",
                              "empty"))
        else:
            total = int(by_year["cases"].sum())
            parts += [para(f"{total:,} case{'s' * (total != 1)} of {name} in the SHERLOC case "
                           "lists provided, by the year of the latest decision in their "
                           "address."),
                      table(by_year.rename(columns={"decision_year": "decision year"}),
                            ("cases",), nowrap=("decision year",))]
    return Html(*parts)


def stories(ctx: Context) -> Html:
    """Show the results stories of the year that name the country."""
    frame = metrics.stories(ctx.data, ctx.year, ctx.country, ctx.programme)
    parts = [heading("Results stories", anchor="stories")]
    if frame.empty:
        return Html(*parts, para(f"No results story of {ctx.year} names {_name(ctx)}.",
                                 "empty"))
    return Html(*parts, *story_articles(frame))


def sdgs(ctx: Context) -> Html:
    """List the SDG targets the activities in the country name."""
    frame = metrics.sdg_targets(ctx.data, ctx.year, ctx.country, ctx.programme)
    parts = [heading("Contribution to the Sustainable Development Goals", anchor="sdg")]
    if frame.empty:
        return Html(*parts, para(f"No activity in {_name(ctx)} in {ctx.year} names an SDG "
                                 "target.", "empty"))
    return Html(*parts, para(f"SDG targets named by the activities in {_name(ctx)} starting "
                             f"in {ctx.year}, in their official wording."),
                table(frame, ("activities",), nowrap=("target",)))


# --- the index of briefs ---------------------------------------------------------------


def index(ctx: Context) -> Html:
    """List the countries with a brief, by name, with their figures and a link to each."""
    table_ = indicators.country_figures(ctx.data, ctx.year, ctx.programme)
    table_ = table_[table_["iso3"].isin(ctx.briefed)].reset_index(drop=True)
    reg = indicators.COUNTRY_REGISTRY
    parts = [heading(f"Country briefs, {ctx.year}", anchor="briefs")]
    if table_.empty:
        return Html(*parts, para(f"No country briefed has a figure in {ctx.year}.", "empty"))
    shown = table_.rename(columns={k: reg[k].short for k in reg}).assign(
        href=[sections.brief_link(ctx, c) for c in table_["iso3"]])
    n = len(table_)
    return Html(*parts, para(f"{n} countr{'y' if n == 1 else 'ies'} with at least one "
                             f"non-zero country figure in {ctx.year}, by name; each name "
                             "opens its brief. Definitions are in the method annex."),
                table(shown, tuple(reg[k].short for k in reg), cls="data small",
                      nowrap=("iso3",), links={"country": "href"}))


def index_headline(ctx: Context) -> pd.DataFrame:
    """Return the index's figure for its workbook: countries with a brief, this year and last."""
    counts = [len(indicators.country_figures(ctx.data, y, ctx.programme))
              for y in (ctx.year, ctx.year - 1)]
    return pd.DataFrame({"key": ["country_briefs"], "title": ["Countries with a brief"],
                         "value": [counts[0]], "previous_year": [counts[1]],
                         "definition": ["Countries with at least one non-zero country figure "
                                        "in the year."]})
