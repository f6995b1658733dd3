"""The project's generated documents: the data dictionary and the figures' definitions.

Both are written from the declarations (:data:`htmss_analysis.data.schema.TABLES`,
:data:`htmss_analysis.metrics.figures.REGISTRY`, ``COUNTRY_REGISTRY`` and
``REGION_REGISTRY``) by
``htmss-analysis docs``; a test checks that ``docs/`` is current.
"""

from __future__ import annotations

from . import glossary
from .data import schema
from .metrics.figures import COUNTRY_REGISTRY, REGION_REGISTRY, REGISTRY, Figure
from .report.rules import described, steps_of


def documents() -> dict[str, str]:
    """Return every generated document by file name."""
    return {"data-dictionary.md": schema.data_dictionary(),
            "indicators.md": indicators_markdown(),
            "glossary.md": glossary_markdown()}


def glossary_markdown() -> str:
    """Return the fixed terms in every report language, for ``docs/glossary.md``."""
    return "\n".join([
        "# Glossary of fixed terms", "",
        "Generated from `src/htmss_analysis/glossary.py` by `htmss-analysis docs`; do not edit",
        "by hand. The UN bodies and instruments the reports name, under their official names",
        "in each language, with the short form a page uses once it has spelled the name out.",
        "The French and Spanish catalogs follow it (`tests/test_catalogs.py`), and every",
        "report spells out the acronyms it uses at the top of the page.", "",
        glossary.table_markdown(), "",
        "## One term per concept", "",
        "The concepts the package's own words name: the one term each language uses, and the",
        "forms a reviser struck out. `tests/test_catalogs.py` holds every catalog entry to",
        "them.", "",
        glossary.concepts_markdown()])


PLACES = (
    ("Country figures",
     ["For a year Y, one country C (an ISO3 code or a name the contract accepts) and",
      "one programme P or the section as a whole, as `htmss-analysis indicators",
      "--country C` prints them. A country brief is written for every country with at",
      "least one non-zero figure."], COUNTRY_REGISTRY, "--country C"),
    ("Regional figures",
     ["For a year Y, one region R (a UN M49 intermediate region, else sub-region: its",
      "code or English name) and one programme P or the section as a whole, as",
      "`htmss-analysis indicators --region R` prints them. A regional brief is written",
      "for every region holding a country where the section worked in the year."],
     REGION_REGISTRY, "--region R"),
)
"""The figures of one place, after the headline ones: heading, introduction, declarations
and the option of ``explain`` that asks for them."""


def indicators_markdown() -> str:
    """Return every figure's declaration as Markdown, for ``docs/indicators.md``."""
    lines = ["# Headline indicators", "",
             "Generated from the figure declarations (`src/htmss_analysis/metrics/figures.py`) by",
             "`htmss-analysis docs`; do not edit by hand.", "",
             "For a year Y and one programme P, or the section as a whole. A row counts for P",
             "when P is among its programmes. For the section every distinct count is taken",
             "over the union of rows, never as a sum of programmes. Web traffic and social",
             "media rows with no programme count for the section only.", ""]
    for figure in REGISTRY.values():
        lines += _figure(figure, f"htmss-analysis explain {figure.key}")
    for heading, intro, registry, option in PLACES:
        lines += [f"# {heading}", "", *intro, ""]
        for figure in registry.values():
            lines += _figure(figure, f"htmss-analysis explain {figure.key} {option}")
    return "\n".join(lines).rstrip() + "\n"


def _figure(figure: Figure, command: str) -> list[str]:
    """Return a figure's section: title, definition, unit, tables and its rule, step by step."""
    return [f"## `{figure.key}`: {figure.title}", "", described(figure), "",
            f"Unit: {figure.unit}. Input tables: {', '.join(figure.tables)}.", "",
            f"Rule, step by step (`{command}`): "
            + "; ".join(steps_of(figure.key, country=figure.part == "country",
                                 region=figure.part == "region")) + ".", ""]
