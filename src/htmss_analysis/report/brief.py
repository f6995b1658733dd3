"""The sections of a country brief and of the index of briefs.

As in :mod:`.publication`: each function takes the report's
:class:`~.context.Context` (made with ``country=``), asks the metrics for frames
and only formats them.
"""

from __future__ import annotations

import pandas as pd

from .. import countries as country_names
from .. import languages, programmes, sdg
from ..languages import _, ngettext
from ..marks import N_
from ..metrics import context as public_data
from ..metrics import country as metrics
from ..metrics.figures import COUNTRY_REGISTRY, country_figures
from . import charts
from .analysis import public_sources_list
from .context import Context, brief_link, country, country_figures_of, localized, translated
from .html import Html, cards, heading, num, para, table
from .publication import story_articles
from .words import words


def _name(ctx: Context) -> str:
    return country(ctx, ctx.country)


def _host(ctx: Context, code: object) -> str:
    """Name the host country in the report's language."""
    if isinstance(code, str):
        return country(ctx, code)
    return _("no country (online or global)")


@localized
def figures(ctx: Context) -> Html:
    """Show the country figures of the year as cards, and their change from the year before."""
    return two_years(ctx, COUNTRY_REGISTRY, country_figures_of(ctx, ctx.year),
                     country_figures_of(ctx, ctx.year - 1), _(
        "{country} has no rows in {year}: no activity of {programme} took place there, "
        "nobody of its nationality attended one, and no case of its jurisdiction was "
        "added.").format(country=_name(ctx), year=ctx.year, programme=ctx.label))


def two_years(ctx: Context, reg: dict, now: dict[str, int], before: dict[str, int],
              empty: str) -> Html:
    """Show a brief's figures of the year as cards, and a table of their change since the last.

    ``reg`` declares the figures (country or regional); ``empty`` says why
    there is nothing, when every figure of the year is 0.
    """
    parts = [heading(_("{year} in figures").format(year=ctx.year), anchor="figures"),
             cards(((k, v, _(reg[k].title)) for k, v in now.items()), rules=ctx.rules)]
    if not any(now.values()):
        return Html(*parts, para(empty, "empty"))
    figure = _("figure")
    frame = pd.DataFrame({figure: [_(reg[k].title) for k in now],
                          str(ctx.year - 1): list(before.values()),
                          str(ctx.year): list(now.values())})
    change = _("change from {year}").format(year=ctx.year - 1)
    frame[change] = [n - b for n, b in zip(now.values(), before.values(), strict=True)]
    return Html(*parts, table(frame, tuple(c for c in frame.columns if c != figure),
                              signed=(change,)))


@localized
def activities(ctx: Context) -> Html:
    """Activities in the country by programme, type and level, then each of them."""
    acts = translated(ctx, metrics.activities_in(ctx.data, ctx.scope),
                      "activities", "activity_id", ("title",))
    parts = [heading(_("Activities in {country}").format(country=_name(ctx)),
                     anchor="activities")]
    if acts.empty:
        return Html(*parts, para(_("No activity took place in {country} in {year}.").format(
            country=_name(ctx), year=ctx.year), "empty"))
    by = {b: metrics.activities_by(ctx.data, ctx.scope, b)
          for b in metrics.BY}
    by["programme"]["programme"] = by["programme"]["programme"].map(programmes.label)
    by["activity_type"]["activity_type"] = by["activity_type"]["activity_type"].map(words)
    by["level"]["level"] = by["level"]["level"].map(words)
    joint = by["programme"]["activities"].sum() > len(acts)
    parts += [para(ngettext(
        "{n} activity starting in {year} took place in {country}, at any level (national "
        "activities, and regional or global events it hosted).",
        "{n} activities starting in {year} took place in {country}, at any level (national "
        "activities, and regional or global events it hosted).", len(acts)).format(
        n=len(acts), year=ctx.year, country=_name(ctx))),
              '<div class="two">',
              table(by["programme"], ("activities",), caption=_("By programme")),
              table(by["activity_type"].rename(columns={"activity_type": "type"}),
                    ("activities",), caption=_("By type")),
              table(by["level"], ("activities",), caption=_("By level")), "</div>"]
    if joint:
        parts.append(para(_("A joint activity counts for each programme taking part, so the "
                            "programmes add up to more than the activities."), "note"))
    shown = acts.drop(columns="activity_id").assign(
        activity_type=acts["activity_type"].map(words), level=acts["level"].map(words),
        role=acts["role"].map(words), programmes=acts["programmes"].map(programmes.labels)
    ).rename(
        columns={"activity_type": "type"})
    parts += [heading(_("The activities"), 3),
              table(shown, cls="data small", nowrap=("start",))]
    return Html(*parts)


@localized
def people(ctx: Context) -> Html:
    """People of the country trained, by sex and group; the activities abroad they attended."""
    name = _name(ctx)
    parts = [heading(_("People of {country}").format(country=name), anchor="people")]
    trained = country_figures_of(ctx, ctx.year)["people_trained"]
    if trained:
        sex = metrics.people_by(ctx.data, ctx.scope, "sex")
        sex["sex"] = sex["sex"].map(words)
        group = metrics.people_by(ctx.data, ctx.scope, "group")
        group["group"] = group["group"].map(words)
        parts += [para(ngettext(
            "{n} person of {country}'s nationality attended capacity building starting in "
            "{year}, at home or abroad.",
            "{n} people of {country}'s nationality attended capacity building starting in "
            "{year}, at home or abroad.", trained).format(n=num(trained), country=name,
                                                           year=ctx.year)),
                  '<div class="two">', table(sex, ("people",), caption=_("By sex")),
                  table(group, ("people",), caption=_("By group")), "</div>"]
        if sex["people"].sum() > trained or group["people"].sum() > trained:
            parts.append(para(_("A person recorded under two values (two groups, say) counts "
                                "under each, so a column can add up to more than the people "
                                "trained."), "note"))
    else:
        parts.append(para(_("Nobody of {country}'s nationality attended capacity building "
                            "starting in {year}.").format(country=name, year=ctx.year),
                          "empty"))
    abroad = translated(ctx, metrics.activities_abroad(ctx.data, ctx.scope),
                        "activities", "activity_id", ("title",))
    parts.append(heading(_("Activities abroad its people attended"), 3))
    if abroad.empty:
        return Html(*parts, para(_("No activity outside {country} starting in {year} had a "
                                   "participant of {country}.").format(country=name,
                                                                       year=ctx.year),
                                 "empty"))
    of_country = _("people of {country}").format(country=name)
    shown = abroad.drop(columns="activity_id").assign(
        host=abroad["host"].map(lambda c: _host(ctx, c)),
        activity_type=abroad["activity_type"].map(words),
        level=abroad["level"].map(words),
        programmes=abroad["programmes"].map(programmes.labels)).rename(
        columns={"activity_type": "type", "participants": of_country})
    return Html(*parts, para(_("Activities of any type held in another country, or online, "
                               "with at least one participant of {country}'s "
                               "nationality.").format(country=name)),
                table(shown, (of_country,), cls="data small", nowrap=("start",)))


@localized
def cases(ctx: Context) -> Html:
    """Cases of the country's jurisdiction added to the case law databases in the year."""
    frame = metrics.cases_by_database(ctx.data, ctx.scope)
    parts = [heading(_("Case law databases"), anchor="cases")]
    if not frame["cases"].any():
        return Html(*parts, para(_("No case of {country}'s jurisdiction was added in "
                                   "{year}.").format(country=_name(ctx), year=ctx.year),
                                 "empty"))
    return Html(*parts, para(_("Cases of {country}'s jurisdiction analysed and added to "
                               "UNODC's case law databases in {year}.").format(
        country=_name(ctx), year=ctx.year)),
                table(frame.assign(database=frame["database"].map(words)), ("cases",)))


@localized
def public(ctx: Context) -> Html:
    """Set the country against public data: GLOTIP victims by year, treaties, SHERLOC cases."""
    name = _name(ctx)
    keys = ["glotip", *programmes.TREATIES, "sherloc_tip", "sherloc_som"]
    listed, provided = public_sources_list(ctx, keys)
    if not provided:  # no public data given: the section is left out (the build says why)
        return Html()
    parts = [heading(_("Public data"), anchor="context"), *listed]
    glotip = ctx.sources.get("glotip")
    if glotip is not None:
        victims = public_data.victims_over_years(glotip, ctx.country, until=ctx.year)
        parts.append(heading(_("Detected trafficking victims (GLOTIP)"), 3))
        if victims.empty:
            parts.append(para(_("GLOTIP reports no detected victims for {country}.").format(
                country=name), "empty"))
        else:
            shown = victims.assign(year=victims["year"].astype(str))
            groups = [c for c in shown.columns if c != "year"]
            parts += [table(shown, tuple(groups), nowrap=("year",)),
                      para(_("UNODC GLOTIP, indicator 'Detected trafficking victims' "
                             "(numerator of SDG indicator 16.2.2), every year it has for the "
                             "country up to the report's year; '<5' is a count of 1 to 4 "
                             "suppressed by the publisher; '–' means not reported."), "note")]
            numbers = victims[pd.to_numeric(victims["victims"], errors="coerce").notna()]
            if len(numbers) > 1:
                parts.append(charts.bar(numbers.assign(year=numbers["year"].astype(str),
                                                       victims=numbers["victims"].astype(float)),
                                        "year", "victims",
                                        _("Detected trafficking victims, {country}").format(
                                            country=name), _("victims")))
    given = {k: ctx.sources.get(k) for k in programmes.TREATIES
             if ctx.sources.get(k) is not None}
    if given:
        status = public_data.treaty_status(given, ctx.country, ctx.year)
        shown = pd.DataFrame({
            "instrument": [programmes.treaty_name(k, ctx.lang) for k in status["key"]],
            "status": [_("party") if p else _("not a party") for p in status["party"]],
            "since": status["since"],
            "action": [words(a) if isinstance(a, str) else "–" for a in status["action"]]})
        parts += [heading(_("Treaties"), 3), table(shown, nowrap=("since",)),
                  para(_("UN Treaty Collection: the status on 31 December {year}, worked out "
                         "from the dates of signature and consent.").format(year=ctx.year),
                       "note")]
    lists = [c for c in (ctx.sources.get("sherloc_tip"), ctx.sources.get("sherloc_som"))
             if c is not None]
    if lists:
        by_year = public_data.sherloc_cases(pd.concat(lists), ctx.country)
        parts.append(heading(_("Cases in SHERLOC"), 3))
        if by_year.empty:
            parts.append(para(_("The SHERLOC case lists provided hold no case of "
                                "{country}.").format(country=name), "empty"))
        else:
            total = int(by_year["cases"].sum())
            parts += [para(ngettext(
                "{n} case of {country} in the SHERLOC case lists provided, by the year of the "
                "latest decision in their address.",
                "{n} cases of {country} in the SHERLOC case lists provided, by the year of "
                "the latest decision in their address.", total).format(n=num(total),
                                                                       country=name)),
                      table(by_year.assign(decision_year=by_year["decision_year"].map(
                          lambda y: "unknown" if pd.isna(y) else str(y))), ("cases",),
                          nowrap=("decision_year",))]
    return Html(*parts)


@localized
def stories(ctx: Context) -> Html:
    """Show the results stories of the year that name the country."""
    frame = metrics.stories(ctx.data, ctx.scope)
    parts = [heading(_("Results stories"), anchor="stories")]
    if frame.empty:
        return Html(*parts, para(_("No results story of {year} names {country}.").format(
            year=ctx.year, country=_name(ctx)), "empty"))
    return Html(*parts, *story_articles(ctx, frame))


@localized
def sdgs(ctx: Context) -> Html:
    """List the SDG targets the activities in the country name."""
    frame = metrics.sdg_targets(ctx.data, ctx.scope)
    frame.insert(1, "title", frame["target"].map(sdg.describe))
    parts = [heading(_("Contribution to the Sustainable Development Goals"), anchor="sdg")]
    if frame.empty:
        return Html(*parts, para(_("No activity in {country} in {year} names an SDG "
                                   "target.").format(country=_name(ctx), year=ctx.year),
                                 "empty"))
    return Html(*parts, para(_("SDG targets named by the activities in {country} starting in "
                               "{year}, in their official wording.").format(
        country=_name(ctx), year=ctx.year)),
                table(frame, ("activities",), nowrap=("target",)))


# --- the index of briefs ---------------------------------------------------------------


GROUP_WORDS = {
    "assisted": (N_("Countries assisted"),
                 N_("National capacity building (training, training of trainers, mentoring, "
                    "e-learning, workshops) was held in the country in {year}.")),
    "activities": (N_("Other countries with activities"),
                   N_("Activities other than national capacity building were held in the "
                      "country in {year}: regional or global events it hosted, or other "
                      "national activities.")),
    "abroad": (N_("Countries whose people took part abroad"),
               N_("No activity was held in the country in {year}, but people of its "
                  "nationality attended activities held elsewhere or online.")),
    "cases": (N_("Countries with case-law entries only"),
              N_("No activity was held in the country in {year} and none of its people "
                 "attended one; cases of its jurisdiction were added to UNODC's case law "
                 "databases.")),
}
"""Each group of :data:`htmss_analysis.metrics.country.GROUPS`: its heading and rule."""


@localized
def index(ctx: Context) -> Html:
    """List the countries with a brief by group, each with its rule, figures and a link."""
    every = country_figures(ctx.data, ctx.year, ctx.programme)
    grouped = metrics.groups(ctx.data, ctx.scope).set_index("iso3")["group"]
    table_ = every[every["iso3"].isin(ctx.briefed)].reset_index(drop=True)
    table_.insert(1, "country", [country(ctx, c) for c in table_["iso3"]])
    reg = COUNTRY_REGISTRY
    parts = [heading(_("Country briefs, {year}").format(year=ctx.year), anchor="briefs")]
    if table_.empty:
        return Html(*parts, para(_("No country briefed has a figure in {year}.").format(
            year=ctx.year), "empty"))
    table_ = table_.iloc[sorted(range(len(table_)), key=lambda i: country_names.fold(
        table_["country"].iloc[i]))].reset_index(drop=True)
    shorts = {k: _(reg[k].short) for k in reg}
    n = len(table_)
    worked = int(grouped.isin(metrics.WORKED).sum())
    if ctx.brief_rule == "all":
        said = ngettext(
            "{n} country with at least one non-zero country figure in {year}, by group and "
            "name; each name opens its brief. Definitions are in the method annex.",
            "{n} countries with at least one non-zero country figure in {year}, by group and "
            "name; each name opens its brief. Definitions are in the method annex.", n)
    elif ctx.brief_rule == "worked":
        said = ngettext(
            "{n} country where the section worked in {year}: an activity was held there. By "
            "group and name; each name opens its brief. Definitions are in the method annex.",
            "{n} countries where the section worked in {year}: an activity was held in each. "
            "By group and name; each name opens its brief. Definitions are in the method "
            "annex.", n)
    else:  # some briefs only (build --country BRA MEX): say it is a selection
        said = ngettext(
            "{n} country briefed, of the {worked} where the section worked in {year} and the "
            "{every} with at least one non-zero country figure, by group and name; each name "
            "opens its brief. Definitions are in the method annex.",
            "{n} countries briefed, of the {worked} where the section worked in {year} and the "
            "{every} with at least one non-zero country figure, by group and name; each name "
            "opens its brief. Definitions are in the method annex.", n)
    parts.append(para(said.format(n=num(n), every=num(len(every)), worked=num(worked),
                                  year=ctx.year)))
    if ctx.brief_rule == "worked" and len(every) > n:
        parts.append(para(_("The other {n} countries with a figure in {year} (people trained "
                            "abroad, case-law entries) have no brief; a build with the option "
                            "--country all writes one for each.").format(
            n=num(len(every) - n), year=ctx.year), "note"))
    group_of = table_["iso3"].map(grouped)
    for group in metrics.GROUPS:
        rows = table_[group_of == group]
        if rows.empty:
            continue
        title, rule = GROUP_WORDS[group]
        shown = rows.drop(columns="iso3").rename(columns=shorts).assign(
            href=[brief_link(ctx, c) for c in rows["iso3"]])
        shown.insert(1, "iso3", rows["iso3"].to_numpy())
        parts += [heading(f"{_(title)} ({num(len(rows))})", 3, anchor=f"group-{group}"),
                  para(_(rule).format(year=ctx.year)),
                  table(shown, tuple(shorts.values()), cls="data small", nowrap=("iso3",),
                        links={"country": "href"})]
    return Html(*parts)


def index_headline(ctx: Context) -> pd.DataFrame:
    """Return the index's figures for its workbook: countries briefed and by group, two years."""
    with languages.using(ctx.lang):
        now = metrics.groups(ctx.data, ctx.scope)["group"].value_counts()
        before = metrics.groups(ctx.data, ctx.scope.in_year(ctx.year - 1))["group"].value_counts()
        keys = ["country_briefs", *(f"countries_{g}" for g in metrics.GROUPS)]
        titles = [_("Countries with a brief"), *(_(GROUP_WORDS[g][0]) for g in metrics.GROUPS)]
        rule = {"worked": _("Countries where the section worked in the year: an activity was "
                            "held there."),
                "all": _("Countries with at least one non-zero country figure in the year."),
                "chosen": _("The countries chosen for a brief that have a figure in the "
                            "year.")}[ctx.brief_rule]
        values = [len(ctx.briefed), *(int(now.get(g, 0)) for g in metrics.GROUPS)]
        previous = [sum(int(before.get(g, 0)) for g in
                        (metrics.WORKED if ctx.brief_rule == "worked" else metrics.GROUPS))
                    if ctx.brief_rule != "chosen" else None,
                    *(int(before.get(g, 0)) for g in metrics.GROUPS)]
        definitions = [rule, *(_(GROUP_WORDS[g][1]).format(year=ctx.year)
                               for g in metrics.GROUPS)]
        return pd.DataFrame({"key": keys, "title": titles, "value": values,
                             "previous_year": pd.array(previous, dtype="Int64"),
                             "definition": definitions})
