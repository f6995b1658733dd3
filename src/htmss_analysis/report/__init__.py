"""The report layer: metrics turned into display objects (tables, charts, cards).

A notebook imports this package and calls one section per cell::

    from htmss_analysis import report as r
    ctx = r.context(data, 2018, "GLOT59", lang="fr")
    r.title(ctx, "programme report")
    r.headline_cards(ctx)
    ...
    r.tables_workbook(ctx, out_dir)

Rooms: :mod:`.context` (what a report is about; the one door its sections go
through), :mod:`.publication` (the highlights' own sections), :mod:`.analysis`
(the analyst's), :mod:`.brief` (a country brief and the index of briefs), :mod:`.region` (a regional
brief and its index),
:mod:`.method` (the method annex), :mod:`.workbook` (the report's workbook),
:mod:`.rules` (the words of the counting rules: their steps, definitions and the
waterfall of ``explain``),
:mod:`.html` (escaping, tables, cards, styles), :mod:`.charts`,
:mod:`.words` (vocabulary), :mod:`.collect` (the tables a report shows).
"""

from . import brief, region
from .analysis import (
    activities,
    activity_list,
    cases,
    countries,
    country_context,
    data_quality,
    headline_trend,
    people,
    programme_shares,
    publications,
    results,
    treaty_parties,
    web,
)
from .context import Context, context
from .method import method
from .publication import (
    about,
    awareness,
    awareness_activities,
    companion_intro,
    continued,
    foot,
    headline_cards,
    intergovernmental,
    knowledge,
    opening,
    part,
    priorities,
    sdg_targets,
    sdgs,
    stories,
    title,
    toc,
)
from .workbook import tables_workbook

__all__ = ["Context", "about", "activities", "activity_list", "awareness",
           "awareness_activities", "brief", "cases", "companion_intro", "context", "continued",
           "countries",
           "country_context", "data_quality", "foot", "headline_cards", "headline_trend",
           "intergovernmental", "knowledge", "method", "opening", "part", "people",
           "priorities", "programme_shares", "publications", "region", "results",
           "sdg_targets", "sdgs", "stories", "tables_workbook", "title", "toc",
           "treaty_parties", "web"]
