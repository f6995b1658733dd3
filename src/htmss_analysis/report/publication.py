"""The publication's sections: what the highlights print, in the report's language.

Each function takes the report's :class:`~.context.Context`, asks the metrics
for figures and frames and only formats them: no counting and no loading
happens here. Every piece of text that comes from the data is escaped (see
:mod:`.html`).
"""

from __future__ import annotations

import pandas as pd

from .. import glossary, languages, programmes, sdg
from ..languages import _, ngettext
from ..marks import N_
from ..metrics import breakdowns, figures
from ..public.sources import SOURCES
from . import charts
from .context import Context, country, localized, translated
from .context import region as region_named
from .html import (
    English,
    Html,
    Markup,
    cards,
    esc,
    heading,
    num,
    para,
    shifted,
    shown,
    table,
    untranslated,
)
from .words import NO_RECORDS, words

SUBTITLES = {"programme report": N_("programme report"),
             "highlights at a glance": N_("highlights at a glance"),
             "technical companion": N_("highlights at a glance, technical companion"),
             "country brief": N_("country brief"), "country briefs": N_("country briefs"),
             "regional brief": N_("regional brief"), "regional briefs": N_("regional briefs")}
"""The subtitles of the package's notebooks, translated in the report's language."""


@localized
def title(ctx: Context, subtitle: str = "") -> Html:
    """Return the report's title block; it also names the page (``<title>``) and its language.

    A subtitle of the package's notebooks (:data:`SUBTITLES`) is translated;
    any other is shown as given.
    """
    subtitle = _(SUBTITLES[subtitle]) if subtitle in SUBTITLES else subtitle
    sample = " " + _("(synthetic sample data)") if ctx.data.synthetic else ""
    who = country(ctx, ctx.country) if ctx.country else \
        region_named(ctx, ctx.region) if ctx.region else ctx.label
    page = f"{who} {ctx.year} {subtitle}".strip()
    heading_ = (_("{who} {year}: {subtitle}").format(who=who, year=ctx.year, subtitle=subtitle)
                if subtitle else f"{who} {ctx.year}")
    # The first mention of the Office and the Section on every page: full name, then the
    # acronym the rest of the page uses (the glossary's).
    kicker = " · ".join(glossary.term(key).introduced(ctx.lang) for key in ("office", "section"))
    parts = [f'<header class="report-title"><p class="kicker">{esc(kicker)}</p>'
             f'<h1>{esc(heading_)}</h1>'
             f'<p class="subtitle">{esc(ctx.name)}{esc(sample)}</p>{_links(ctx)}</header>']
    if ctx.programme is None and ctx.country is None and ctx.region is None:
        # the highlights: spell each programme out at its first use
        parts.append(para(_("Global programmes: {list}.").format(list=languages.semicolons(
            f"{p.label}, {programmes.name(p.code, ctx.lang)}"
            for p in programmes.PROGRAMMES.values())), "note"))
    if ctx.country is None and ctx.region is None:
        # The other acronyms these reports use (bodies in the engagements, the publications
        # and the definitions), spelled out before any of them appears, as UN documents do.
        parts.append(para(_("Abbreviations: {list}.").format(list=languages.semicolons(
            f"{t.short[ctx.lang]}, {t.full(ctx.lang)}"
            for t in glossary.abbreviations(ctx.lang, exclude=("office", "section")))),
            "note"))
    return Html(*parts, title=page, lang=ctx.lang)


def _links(ctx: Context) -> str:
    """Link the report to itself in the other languages built, and to the page of every report."""
    items = [f'<a href="{esc(href)}" hreflang="{esc(code)}" lang="{esc(code)}">'
             f"{esc(languages.own_name(code))}</a>" for code, href in ctx.others.items()]
    if ctx.home:
        every = _("All reports")
        items.append(f'<a href="{esc(ctx.home)}">{esc(every)}</a>')
    if not items:
        return ""
    label = _("Other languages and reports")
    return f'<nav class="report-links" aria-label="{esc(label)}">' + "".join(items) + "</nav>"


def _titled(frame: pd.DataFrame) -> pd.DataFrame:
    """Translate the ``title`` column of a frame of registry figures."""
    return frame.assign(title=frame["title"].map(_))


@localized
def headline_cards(ctx: Context) -> Html:
    """Show the headline figures of the year as large numbers, as the highlights do.

    A figure the data never attributes to the programme gets no card (a big 0
    would read as a result); a note names those figures instead.
    """
    table_ = _titled(figures.headline(ctx.data, ctx.year, ctx.programme, compare=False))
    table_ = table_[[figures.REGISTRY[k].part == "headline" for k in table_.index]]
    shown = table_[table_["attributed"]]
    if ctx.programme is None:  # the highlights' cards read as the publication's captions
        # object dtype keeps a caption naming sites or accounts the Markup it is
        shown = shown.assign(title=pd.Series([caption(ctx, k) for k in shown.index],
                                             index=shown.index, dtype=object))
    parts = [heading(_("{year} highlights").format(year=ctx.year), anchor="highlights"),
             cards((_card(ctx, k, v, t) if r else (k, _(NO_RECORDS), t) for k, v, t, r in zip(
                 shown.index, shown["value"], shown["title"], shown["recorded"], strict=True)),
                 rules=ctx.rules, groups=PUBLISHED_GROUPS if ctx.programme is None else ())]
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


PUBLISHED_GROUPS = (("countries_assisted", "countries_represented"),
                    ("cases_added", "jurisdictions_tip", "jurisdictions_som"))
"""The headline figures the publication prints together, main figure first (the section's
highlights only: a programme report shows one card a figure)."""


def caption(ctx: Context, key: str) -> str:
    """Return a headline figure's caption as the highlights print it, in the report's language.

    The figure's :attr:`~htmss_analysis.metrics.figures.Figure.caption` (its
    title where it has none), with the sites or accounts the figure sums in
    the year named from the data (``{sites}``, ``{accounts}``).
    """
    figure = figures.REGISTRY[key]
    if not figure.caption:
        return _(figure.title)
    names = {}
    for field_ in ("site", "account"):
        if f"{{{field_}s}}" in figure.caption:
            rows = set(figures.records_of(ctx.data, key, ctx.year, ctx.programme)[field_])
            table_ = getattr(ctx.data, figure.table)[field_]  # in the data's order
            names[f"{field_}s"] = languages.listed(
                untranslated(s) for s in dict.fromkeys(table_) if s in rows)
    if not names:
        return _(figure.caption)
    # The sites' and accounts' names are the data's, the same in every language.
    return Markup(esc(_(figure.caption)).format(**names))


def _card(ctx: Context, key: str, value: int, title: str) -> tuple:
    """One headline card: exact, or as the publication prints it with the exact figure below."""
    rounded = (figures.as_published(value)
               if ctx.as_published and figures.REGISTRY[key].rounded else None)
    if rounded is None:
        return key, value, title
    return key, qualified(rounded, "more_than"), title, _("exactly {n}").format(n=num(value))


@localized
def opening(ctx: Context) -> Html:
    """Open the highlights as the publication does, above the cards.

    The first row of the ``what_we_do`` narrative is the publication's
    opening (who the section is, what it seeks, its programmes); the part's
    other rows follow under "What we do" (:func:`about`). Nothing when the
    data has no narrative.
    """
    return Html(*narrative(ctx, "what_we_do", slice(0, 1)))


@localized
def about(ctx: Context) -> Html:
    """Say what the section and each programme do (one programme, in its own report).

    The section's: the ``what_we_do`` narrative after its opening row (see
    :func:`opening`), or, when the data has none, the package's description of
    the section and a table of the programmes.
    """
    parts = [heading(_("What we do"), anchor="about")]
    if ctx.programme:
        p = programmes.PROGRAMMES[ctx.programme]
        return Html(*parts, para(languages.labelled(f"{p.label}, {ctx.name}",
                                                    _(p.description))))
    rows = pd.DataFrame([{_("programme"): p.label, _("name"): programmes.name(p.code, ctx.lang),
                          _("what it does"): _(p.description)}
                         for p in programmes.PROGRAMMES.values()])
    if narrative(ctx, "what_we_do"):  # the publication's own words name the programmes
        return Html(*parts, *narrative(ctx, "what_we_do", slice(1, None)))
    return Html(*parts, para(_(programmes.SECTION_DESCRIPTION)),
                table(rows, nowrap=(_("programme"),), exported=False))


def _figures(ctx: Context, part: str) -> str:
    """Cards of the figures of one part of the highlights that the data records."""
    keys = [k for k, i in figures.REGISTRY.items()
            if i.part == part and figures.recorded(ctx.data, k)
            and figures.attributed(ctx.data, k, ctx.programme)]
    values = figures.compute(ctx.data, ctx.year, ctx.programme)
    return cards(((k, values[k] if figures.recorded_in(ctx.data, k, ctx.year, ctx.programme)
                   else _(NO_RECORDS), _(figures.REGISTRY[k].title)) for k in keys),
                 rules=ctx.rules)


@localized
def stories(ctx: Context, awareness_apart: bool = False) -> Html:
    """Show the results stories of the year, in the data's order.

    With ``awareness_apart`` (the highlights), the stories of awareness
    raising are left to :func:`awareness`, as the publication prints them.
    """
    frame = breakdowns.stories(ctx.data, ctx.scope)
    if awareness_apart:
        frame = frame[~frame["awareness"]]
    parts = [heading(_("Results stories"), anchor="stories")]
    if frame.empty:
        return Html(*parts, para(_("No results stories for {year}.").format(year=ctx.year),
                                 "empty"))
    return Html(*parts, *story_articles(ctx, frame))


QUALIFIED = {"more_than": N_("more than {n}"), "about": N_("about {n}")}
"""How a story's qualified figure reads (contract: stories.qualifier)."""


def qualified(figure: float, qualifier: object) -> str:
    """Write a story's figure with its qualifier: ``more than 20``, ``about 60,000``, ``5``."""
    text = num(figure)
    return _(QUALIFIED[qualifier]).format(n=text) if qualifier in QUALIFIED else text


def story_articles(ctx: Context, frame: pd.DataFrame) -> list[str]:
    """Render results stories (:func:`htmss_analysis.metrics.breakdowns.stories`' columns).

    Called inside a section: country names are in the section's language, and
    the stories' own texts in it where the data has them (else marked English).
    """
    parts = []
    frame = translated(ctx, frame, "stories", "story_id", ("title", "summary", "unit"))
    for s in frame.itertuples(index=False):
        countries = ", ".join(languages.country_name(c) for c in s.countries)
        labels = programmes.labels(s.programmes)
        figure = ""
        if not pd.isna(s.figure):
            unit = f" <span>{shown(s.unit)}</span>" if isinstance(s.unit, str) and s.unit else ""
            figure = f'<p class="story-figure">{esc(qualified(s.figure, s.qualifier))}{unit}</p>'
        targets = ", ".join(_("SDG") + f" {t}" for t in s.sdg_targets)
        meta = " · ".join(x for x in (labels, countries, targets) if x)
        # The figure sits in the story's own header, beside its heading: never above the
        # next story's title, where it would seem to belong to that story.
        h = f"h{shifted(3)}"
        parts.append(f'<article class="story"><header class="story-head"><{h}>{shown(s.title)}'
                     f"</{h}>{figure}</header><p>{shown(s.summary)}</p>"
                     f'<p class="meta">{esc(meta)}</p></article>')
    return parts


@localized
def awareness(ctx: Context) -> Html:
    """Show the year's stories of awareness raising under their own heading (none: nothing)."""
    frame = breakdowns.stories(ctx.data, ctx.scope)
    frame = frame[frame["awareness"]]
    if frame.empty:
        return Html()
    return Html(heading(_("Awareness raising"), anchor="awareness"),
                *story_articles(ctx, frame))


@localized
def awareness_activities(ctx: Context) -> Html:
    """Awareness-raising activities of the year; left out when there are none."""
    rows = breakdowns.awareness_raising(ctx.data, ctx.scope)
    if rows.empty:
        return Html()
    rows = translated(ctx, rows, "activities", "activity_id", ("title",)).drop(
        columns="activity_id")
    rows = rows.assign(country=rows["country"].map(lambda c: country(ctx, c) if isinstance(c, str)
                                                   else ""),
                       level=rows["level"].map(words),
                       programme=rows["programme"].map(programmes.labels))
    text = ngettext("{n} awareness-raising activity started in {year}.",
                    "{n} awareness-raising activities started in {year}.", len(rows))
    return Html(heading(_("Awareness-raising activities"), anchor="awareness-activities"),
                para(text.format(n=len(rows), year=ctx.year)),
                table(rows, nowrap=("start",)))


PRIORITIES_OF = {
    "technical_cooperation": N_("Technical cooperation priorities for {year}"),
    "intergovernmental": N_("Intergovernmental, inter-agency work and policy priorities for "
                            "{year}"),
    "knowledge": N_("Knowledge development and management priorities for {year}"),
}
"""The heading of each area's priorities, as the highlights print them after its part."""


@localized
def priorities(ctx: Context, area: str | None = None) -> Html:
    """Show the priorities set for the year after the report's: one area's, or all by area.

    The highlights show each area's list right after its part (``area``);
    without one, every area under one heading. Left out when the data has no
    priorities table or none for that year (or area).
    """
    rows = breakdowns.priorities(ctx.data, ctx.scope.in_year(ctx.year + 1))
    if area is not None:
        rows = rows[rows["area"] == area]
    if rows.empty:
        return Html()
    rows = translated(ctx, rows, "priorities", "row", ("text",))
    if area is not None:
        return Html(heading(_(PRIORITIES_OF[area]).format(year=ctx.year + 1),
                            anchor=f"priorities-{area.replace('_', '-')}"),
                    "<ul>" + "".join(f"<li>{shown(t)}</li>" for t in rows["text"]) + "</ul>")
    parts = [heading(_("Priorities for {year}").format(year=ctx.year + 1), anchor="priorities")]
    for key, title in breakdowns.PRIORITY_AREAS.items():
        texts = rows.loc[rows["area"] == key, "text"]
        if len(texts):
            parts += [heading(_(title), 3),
                      "<ul>" + "".join(f"<li>{shown(t)}</li>" for t in texts) + "</ul>"]
    return Html(*parts)


# --- the highlights' parts, in the publication's order ---------------------------------------

PARTS = {
    "what_we_do": ("about", N_("What we do")),
    "technical_cooperation": ("technical-cooperation", N_(
        "Technical cooperation: working with countries to effectively address trafficking in "
        "persons and the smuggling of migrants")),
    "intergovernmental": ("intergovernmental-work", N_(
        "Highlights of our intergovernmental and inter-agency work and policy contributions")),
    "knowledge": ("knowledge-management", N_("Knowledge development and management")),
    "sdgs": ("agenda-2030", N_("2030 Agenda for Sustainable Development")),
}
"""Each part of the highlights: its anchor and heading, in the publication's order and words.

``what_we_do`` is :func:`about`'s (the section's description, then the part's
narrative); the others open with :func:`part`.
"""


def narrative(ctx: Context, key: str, rows_: slice = slice(None)) -> list[str]:
    """Return one part's paragraphs of the publication's own words for the report's year.

    Each row of the ``narrative`` table (contract version 3) in order (those
    of ``rows_``): its heading, then its text, a paragraph per
    blank-line-separated block, escaped like all data and in the report's
    language. Nothing when the data has none.
    """
    rows = breakdowns.narrative(ctx.data, ctx.scope, key).iloc[rows_]
    if rows.empty:
        return []
    rows = translated(ctx, rows, "narrative", "row", ("heading", "text"))
    out = []
    for head, text in zip(rows["heading"], rows["text"], strict=True):
        if isinstance(head, str) and head.strip():
            out.append(f"<h{shifted(3)}>{shown(head)}</h{shifted(3)}>")
        for block in breakdowns.paragraphs(text):
            out.append(f'<p class="narrative">'
                       f'{shown(English(block) if isinstance(text, English) else block)}</p>')
    return out


def part(ctx: Context, key: str, rows: int | None = None) -> Html:
    """Open one of the highlights' parts: its heading, then its narrative.

    ``rows``: how many of the part's narrative rows come here (None: all);
    the others follow where :func:`continued` is called, as the publication
    prints a list between them (the SDG targets after the part's first
    paragraph). The sections that follow (until the next part) are the
    part's own: their headings go one level down.
    """
    return _opening(ctx, _part, key, rows)


def continued(ctx: Context, key: str, after: int) -> Html:
    """Show the narrative rows of part ``key`` after its first ``after`` (see :func:`part`).

    Their headings are the part's own, as in :func:`part`; what follows stays under it.
    """
    return _opening(ctx, _continued, key, after)


@localized
def _continued(ctx: Context, key: str, after: int) -> Html:
    return Html(*narrative(ctx, key, slice(after, None)))


def _opening(ctx: Context, section, *args) -> Html:
    """Render a part's heading (or its continued narrative) at the top level; the rest below."""
    ctx.depth = 0
    shown_ = section(ctx, *args)
    ctx.depth = 1
    return shown_


@localized
def _part(ctx: Context, key: str, rows: int | None = None) -> Html:
    anchor, title = PARTS[key]
    return Html(heading(_(title), anchor=anchor), *narrative(ctx, key, slice(0, rows)))


ENGAGEMENT_LISTS = (("meeting_organized", N_("Meetings organized")),
                    ("briefing", N_("Briefings and side events")),
                    ("joint_publication", N_("Joint publications with other agencies")),
                    ("session_serviced", N_("Sessions serviced")),
                    ("report_prepared", N_("Reports drafted or coordinated")),
                    ("report_input", N_("Inputs to reports of the Secretary-General and UN "
                                        "bodies")))
"""The lists of the intergovernmental work, in the publication's order, each headed."""


@localized
def intergovernmental(ctx: Context, figures_: bool = True) -> Html:
    """Intergovernmental and inter-agency work: the figures, then each kind as a list.

    Every list is complete, in the data's order (contract: ``order``). The
    highlights print the lists only (``figures_=False``), under their part's
    heading; the figures are on the technical companion. Left out when the
    data has no engagements table (contract version 1).
    """
    if "engagements" in ctx.data.absent:
        return Html()
    parts = [heading(_("Intergovernmental and inter-agency work"), anchor="intergovernmental"),
             _figures(ctx, "intergovernmental")] if figures_ else []
    rows = breakdowns.engagements_list(ctx.data, ctx.scope)
    if rows.empty:
        text = (_("No engagements recorded for {year} naming {programme}.") if ctx.programme
                else _("No engagements recorded for {year}."))
        return Html(*parts, para(text.format(year=ctx.year, programme=ctx.label), "empty"))
    level = 3 if figures_ else 2
    for kind, title in ENGAGEMENT_LISTS:
        some = rows[rows["kind"] == kind]
        if some.empty:
            continue
        items = []
        listed = translated(ctx, some, "engagements", "engagement_id",
                            ("body", "title", "place", "note"))
        for r in listed.itertuples(index=False):
            details = languages.semicolons(
                [shown(x) for x in (r.body, r.place, r.note) if x]
                + [esc(languages.long_date(r.date))])
            items.append(f"<li><strong>{shown(r.title)}</strong>"
                         f' <span class="meta">({details})</span></li>')
        parts += [heading(_(title), level), f"<ul>{''.join(items)}</ul>"]
    return Html(*parts)


def _listed(ctx: Context, frame: pd.DataFrame) -> pd.DataFrame:
    frame = translated(ctx, frame, "publications", "publication_id", ("title",))
    return frame.assign(programme=frame["programme"].map(programmes.labels)).drop(
        columns="publication_id")


def _publication_tables(ctx: Context, titled: bool = True) -> list[str]:
    """Tabulate the year's tools and publications with downloads, then its teaching modules."""
    pubs = _listed(ctx, breakdowns.publications_list(ctx.data, ctx.scope,
                                                     modules=False))
    modules = _listed(ctx, breakdowns.publications_list(ctx.data, ctx.scope,
                                                        modules=True))
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


@localized
def knowledge(ctx: Context) -> Html:
    """Knowledge development: tools and publications with downloads, then teaching modules."""
    return Html(heading(_("Knowledge development"), anchor="knowledge"),
                _figures(ctx, "knowledge"), *_publication_tables(ctx))


@localized
def sdgs(ctx: Context) -> Html:
    """Activities and countries per SDG target."""
    frame = breakdowns.sdg_contribution(ctx.data, ctx.scope)
    frame.insert(1, "title", frame["target"].map(sdg.describe))
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
    named_ = translated(ctx, breakdowns.sdg_stories(ctx.data, ctx.scope),
                        "stories", "story_id", ("title",))
    sdg_ = _("SDG")
    if len(named_):
        items = "".join(
            "<li>" + languages.labelled(f"<strong>{esc(sdg_)} {esc(target)}</strong>",
                                        languages.semicolons(map(shown, group["title"])))
            + "</li>"
            for target, group in named_.groupby("target", sort=False))
        parts += [heading(_("Results stories by SDG target"), 3), f"<ul>{items}</ul>"]
    return Html(*parts)


@localized
def sdg_targets(ctx: Context) -> Html:
    """List the SDG targets the year's activities name, each in its official wording.

    As the publication's 2030 Agenda part lists the targets the section's work
    contributes to; the counts per target are on the technical companion
    (:func:`sdgs`). Left out when no activity of the year names a target.
    """
    frame = breakdowns.sdg_contribution(ctx.data, ctx.scope)
    if frame.empty:
        return Html()
    sdg_ = _("SDG")
    items = "".join("<li>" + languages.labelled(f"<strong>{esc(sdg_)} {esc(t)}</strong>",
                                                esc(sdg.describe(t))) + "</li>"
                    for t in frame["target"])
    return Html(heading(_("The targets the section's work contributes to"), anchor="sdg"),
                f'<ul class="targets">{items}</ul>')


@localized
def foot(ctx: Context) -> Html:
    """End the publication: its technical companion, its print edition, where to follow it.

    The accounts are those of the year's social media figures in the data.
    """
    links = []
    if ctx.technical:
        companion, holds = _("Technical companion"), _(COMPANION_HOLDS)
        links.append(f'<li><a href="{esc(ctx.technical)}">{esc(companion)}</a>: '
                     f"{esc(holds)}</li>")
    if ctx.print_edition:
        printed = _("Print edition (PDF, A4)")
        links.append(f'<li class="screen"><a href="{esc(ctx.print_edition)}">{esc(printed)}'
                     "</a></li>")
    accounts = list(dict.fromkeys(figures.records_of(ctx.data, "social_media_posts", ctx.year,
                                                     ctx.programme)["account"]))
    parts = [f'<ul class="foot-links">{"".join(links)}</ul>'] if links else []
    if accounts:
        follow = esc(_("Follow us: {accounts}.")).format(
            accounts=languages.listed(untranslated(a) for a in accounts))
        parts.append(f'<p class="follow">{follow}</p>')
    return Html(f'<footer class="publication-foot">{"".join(parts)}</footer>') if parts \
        else Html()


COMPANION_HOLDS = N_("the figures over time, each programme's share, the intergovernmental "
                     "and knowledge figures, the publications and SDG tables, case law, "
                     "treaties, web figures by month, data quality and how each figure is "
                     "made")
"""What the technical companion of the highlights holds, as the publication's foot says."""


@localized
def companion_intro(ctx: Context) -> Html:
    """Open the technical companion: what it holds, and the way back to the publication."""
    back_to = _("Back to the publication")
    back = f' <a href="{esc(ctx.publication)}">{esc(back_to)}</a>' if ctx.publication else ""
    said = _("This page accompanies the highlights: {holds}.").format(holds=_(COMPANION_HOLDS))
    return Html(f"<p>{esc(said)}{back}</p>")


SECTION_LABELS = {
    "highlights": N_("Highlights"), "about": N_("What we do"), "programmes": N_("Programmes"),
    "technical-cooperation": N_("Technical cooperation"),
    "intergovernmental-work": N_("Intergovernmental and inter-agency work"),
    "knowledge-management": N_("Knowledge development and management"),
    "agenda-2030": N_("2030 Agenda"), "trend": N_("Figures over time"),
    "awareness-activities": N_("Awareness-raising activities"),
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


BRIEF_LABELS = {"people": N_("People"), "context": N_("Public data"),
                "regions": N_("Regions")}
"""Labels a country brief gives some sections instead."""


def toc(*entries: str | tuple[str, str], ctx: Context | None = None, within: str = "") -> Html:
    """Link to the report's sections, given by anchor (or as ``(anchor, label)`` pairs).

    An anchor's label is the package's (:data:`SECTION_LABELS`), in the
    report's language. With ``ctx``, the sections its data leaves out (no
    engagements, no priorities for the next year) get no link. ``within``
    names the section (by anchor) whose contents a second table of contents
    lists, so that screen readers tell the two apart.
    """
    with languages.using(ctx.lang if ctx else languages.current()):
        labels = {**SECTION_LABELS,
                  **(BRIEF_LABELS if ctx and (ctx.country or ctx.region) else {})}
        pairs = [(e, labels[e]) if isinstance(e, str) else e for e in entries]
        shown = [(a, label) for a, label in pairs if ctx is None or not _left_out(ctx, a)]
        links = "".join(f'<a href="#{esc(a)}">{esc(_(label))}</a>' for a, label in shown)
        contents = (_("Contents: {section}").format(section=_(labels[within])) if within
                    else _("Contents"))
        return Html(f'<nav class="toc" aria-label="{esc(contents)}">{links}</nav>')


def _left_out(ctx: Context, anchor: str) -> bool:
    if anchor == "awareness":
        return not breakdowns.stories(ctx.data, ctx.scope)["awareness"].any()
    if anchor == "awareness-activities":
        return breakdowns.awareness_raising(ctx.data, ctx.scope).empty
    if anchor == "context":  # no public data given: the section is left out
        return not any(ctx.sources.status(k) == "provided" for k in SOURCES)
    if anchor == "intergovernmental":
        return "engagements" in ctx.data.absent
    if anchor == "priorities":
        return breakdowns.priorities(ctx.data, ctx.scope.in_year(ctx.year + 1)).empty
    return False
