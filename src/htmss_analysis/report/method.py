"""The method annex: every figure's definition and rule with its rows, inputs, versions.

Written from the figures' declarations (:mod:`htmss_analysis.metrics.figures`)
and their records (:func:`htmss_analysis.report.rules.explain`): the annex,
``docs/indicators.md`` and ``htmss-analysis explain`` all say the same rule.
"""

from __future__ import annotations

import sys

import pandas as pd

from .. import __version__, languages, sdg
from ..languages import _
from ..metrics import figures
from .context import Context, localized
from .html import Html, esc, heading, num, para, table
from .rules import described, explain, registry_table
from .words import words

TRANSLATED_VALUES = ("synthetic sample", "none", "all", "yes")
"""Parameter values that are words (the rest are years, codes and file names)."""


FIGURE_SETS = {"headline": "REGISTRY", "country": "COUNTRY_REGISTRY", "region": "REGION_REGISTRY"}
"""The sets of figures a report can show, and the registry declaring each."""


def figure_set(ctx: Context, countries: bool | None = None, regions: bool | None = None
               ) -> str:
    """Say which figures a report shows: ``region``, ``country`` or ``headline``.

    A regional brief's (or with ``regions``, as the index of regional briefs
    has), a country brief's (or with ``countries``), else the registry's.
    """
    if regions or (regions is None and ctx.region is not None):
        return "region"
    if countries or (countries is None and ctx.country is not None):
        return "country"
    return "headline"


def _registry(which: str) -> dict:
    return getattr(figures, FIGURE_SETS[which])


@localized
def method(ctx: Context, countries: bool | None = None, regions: bool | None = None) -> Html:
    """Write the method annex: definitions, input files with SHA-256, versions, parameters.

    The definitions are the country figures' for a country brief (or with
    ``countries=True``, as the index of briefs has), the regional figures' for
    a regional brief (or with ``regions=True``), the registry's otherwise.
    """
    which = figure_set(ctx, countries, regions)
    defs = registry_table(countries=which == "country", regions=which == "region")
    files = pd.DataFrame([{"table": s.table, "file": s.label, "encoding": s.encoding,
                           "sha256": s.sha256} for s in ctx.data.sources]
                         + [{"table": key, "file": path.name, "encoding": _("public source"),
                             "sha256": digest} for key, path, digest in ctx.sources.files()])
    params = pd.DataFrame({"parameter": [words(k) for k in ctx.parameters],
                           "value": [_(v) if v in TRANSLATED_VALUES else str(v)
                                     for v in ctx.parameters.values()]})
    versions = pd.DataFrame({"component": ["htmss-analysis", "python", "pandas", "babel"],
                             "version": [__version__, sys.version.split()[0], pd.__version__,
                                         languages.babel_version()]})
    notes = [_("SDG targets are given in the official wording of General Assembly resolution "
               "71/313 for the {n} targets of the section's mandate ({targets}); any other "
               "target is described by its goal.").format(n=len(sdg.TITLES),
                                                          targets=", ".join(sdg.TITLES))]
    if ctx.as_published:
        rounded = [_(f.title) for f in figures.REGISTRY.values() if f.rounded]
        notes.append(_(figures.AS_PUBLISHED_RULE).format(figures=languages.semicolons(rounded)))
    if ctx.lang != "en":
        notes.append(_("SDG targets are quoted in their official wording in this language "
                       "where the package holds it, and otherwise named by their goal's "
                       "official title. Country names are the United Nations' official short "
                       "names (UNTERM); programmes and treaties bear their official titles. "
                       "Text from the data is shown in this language where the data gives "
                       "it; otherwise in English, marked as such and listed under data "
                       "quality."))
    return Html(
        heading(_("Method annex"), anchor="method"),
        para(_("A row counts for a programme when the programme is among its programmes. For "
               "the section as a whole every distinct count is taken over the union of rows, "
               "never as a sum of programmes. Capacity building means training, training of "
               "trainers, mentoring, e-learning and workshops. An activity counts in the year "
               "it starts.")),
        heading(_("Definitions"), 3), table(defs, codes=("key", "tables")),
        heading(_("How each figure is made"), 3),
        "<p>" + esc(_("Each figure's rule, step by step, with the rows left after each step "
                      "in this report's data; a figure's number on its card links here. The "
                      "records each figure counts are in the report's workbook (one sheet per "
                      "figure) and from the command {command}.")).format(
            command='<code translate="no">htmss-analysis explain KEY</code>') + "</p>",
        *_rules(ctx, which),
        heading(_("Input files"), 3), table(files, cls="data files",
                                            codes=("table", "file", "sha256")),
        heading(_("Parameters and versions"), 3),
        '<div class="two">', table(params), table(versions), "</div>",
        *[para(n, "note") for n in notes],
        technical=True,
    )


def explained(ctx: Context, which: str) -> dict[str, pd.DataFrame]:
    """Return the records of every figure of the report, by key (``which``: :func:`figure_set`).

    Asked once per report and kept on the context: the method annex shows
    their waterfalls and the workbook lists their records. A country or
    regional figure is explained for the brief's country or region only (an
    index has none).
    """
    cache_key = ("explained", which)
    if cache_key not in ctx.memo:
        registry = _registry(which)
        where = {"country": ctx.country, "region": ctx.region}
        if which in where and where[which] is None:
            ctx.memo[cache_key] = {}
        else:
            ctx.memo[cache_key] = {
                k: explain(ctx.data, k, ctx.year, ctx.programme, ctx.country if which ==
                           "country" else None, ctx.region if which == "region" else None)
                for k in registry if which != "headline" or figures.recorded(ctx.data, k)}
    return ctx.memo[cache_key]


def _rules(ctx: Context, which: str) -> list[str]:
    registry = _registry(which)
    parts = []
    for key, records in explained(ctx, which).items():
        ind = registry[key]
        steps = records.attrs["steps"]
        parts.append(f'<div class="rule" id="rule-{esc(key)}">'
                     "<h4>" + languages.labelled(
                         f'{esc(_(ind.title))} (<code translate="no">{esc(key)}</code>)',
                         num(records.attrs["value"])) + "</h4>"
                     f"<p>{esc(described(ind))}</p>"
                     + table(steps.rename(columns={"rows": "rows left"}), ("rows left",),
                             exported=False) + "</div>")
    return parts
