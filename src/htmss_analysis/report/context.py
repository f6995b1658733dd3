"""What a report is about, and the one door its sections go through.

A :class:`Context` carries everything a report shows and writes with: its
data, year, programme or country, language and public sources, and the
tables it has shown (for its workbook). Every section takes it as its first
argument and goes through :func:`localized`, which sets the report's language
and where its tables are noted for the section's duration: nothing about a
report lives in a module global.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps

import pandas as pd

from .. import countries as country_names
from .. import kinds, languages, programmes
from ..data.load import Dataset, check_year
from ..languages import _
from ..metrics import figures as counting
from ..metrics.country import worked_in
from ..metrics.figures import compute_country, country_figures
from ..metrics.scope import Scope
from ..metrics.select import translations
from ..public.sources import PublicSources
from .collect import Tables, recording
from .html import English, esc, nested


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
    region : str or None
        UN M49 code of the region of a regional brief; ``None`` otherwise.
    regions : tuple of str
        For the index of regional briefs: the M49 codes of the regions it lists.
    briefs : str
        Folder of the country briefs built with this report, relative to it
        (``countries``): country names link to their briefs. Empty: no links.
    briefed : frozenset of str
        The ISO3 codes of the countries that have a brief there.
    lang : str
        The report's language (one of :data:`htmss_analysis.programmes.LANGUAGES`).
    tables : Tables
        The tables the report has shown so far, for its workbook.
    untranslated : dict
        The texts of the data the report has shown in English for want of a
        translation into its language: ``(table, id, column)`` to the text.
    memo : dict
        Figures the report asks for more than once (its country figures, its
        figures' records), computed once for this report.
    others : dict of str to str
        The same report in the other languages built beside it: language code
        to relative address (the title block links to them).
    home : str
        Relative address of the build's page leading to every report
        (``reports/index.html``); empty: no link.
    brief_rule : str
        How the briefs were chosen (:func:`brief_rule`): ``worked``, ``all``
        or ``chosen``; the index of briefs says so.
    as_published : bool
        Show the figures the highlights print rounded as they print them
        ("more than 4,500", the exact figure in the card's note).
    depth : int
        How many levels down the next sections' headings go: 1 after one of the
        highlights' parts opened (:func:`..publication.part`), 0 in a report
        that has none.
    page : str
        Which page of a report this is: ``publication`` (what the highlights
        print, nothing of the build's workings), ``technical`` (its technical
        companion: trends, shares, data quality, method) or ``report`` (one
        page with its analysis and a technical part: programme reports, briefs).
    technical : str
        For a publication: the relative address of its technical companion
        (its cards link to their rules there); empty: no link.
    publication : str
        For a technical companion: the relative address of its publication.
    print_edition : str
        For a publication: the relative address of its print edition (PDF);
        empty: no link.
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
    lang: str = "en"
    tables: Tables = field(default_factory=Tables, repr=False)
    untranslated: dict[tuple[str, str, str], str] = field(default_factory=dict, repr=False)
    memo: dict = field(default_factory=dict, repr=False)
    depth: int = 0
    as_published: bool = False
    brief_rule: str = "worked"
    others: dict[str, str] = field(default_factory=dict)
    home: str = ""
    region: str | None = None
    regions: tuple[str, ...] = ()
    page: str = "report"
    technical: str = ""
    publication: str = ""
    print_edition: str = ""

    @property
    def rules(self) -> str | None:
        """Where the rule of each figure is, for its card to link: a page and ``#rule-``.

        On its own page but for a publication, whose rules are on its technical
        companion (None: nowhere, when the publication has no companion).
        """
        if self.page != "publication":
            return "#rule-"
        return f"{self.technical}#rule-" if self.technical else None

    @property
    def scope(self) -> Scope:
        """What the report is about, as the counting reads it (made once by :func:`context`)."""
        return Scope(self.year, self.programme, self.country, self.region)

    @property
    def label(self) -> str:
        """The programme as publications write it, or HTMSS."""
        return programmes.label(self.programme)

    @property
    def name(self) -> str:
        """The programme's full name, or the section's, in the report's language."""
        if self.programme:
            return programmes.name(self.programme, self.lang)
        with languages.using(self.lang):
            return _(programmes.SECTION_NAME)


def localized(section: Callable) -> Callable:
    """Make a section one of its report's: in its language, its tables noted for its workbook.

    The one entry point that sets what a section writes in and where its
    tables go, both from its first argument (the report's :class:`Context`).
    """

    @wraps(section)
    def in_report(ctx: Context, *args, **kwargs):
        with languages.using(ctx.lang), recording(ctx.tables), nested(ctx.depth):
            return section(ctx, *args, **kwargs)

    return in_report


def country(ctx: Context, iso3: str) -> str:
    """Return a country's name in the report's language."""
    return languages.country_name(iso3, ctx.lang)


def regions(ctx: Context, values: pd.Series) -> pd.Series:
    """Name UN M49 regions in the report's language."""
    return values.map(lambda r: languages.region_name(r, ctx.lang) if isinstance(r, str) else r)


def region(ctx: Context, code: str) -> str:
    """Return the name of the region of M49 code ``code`` in the report's language."""
    return languages.region_name(country_names.region_name(code), ctx.lang)


def context(data: Dataset, year: int, programme: str | None = None, years_back: int = 2,
            sources: PublicSources | None = None, country: str | None = None,
            briefs: str = "", brief_countries: str = "worked", lang: str = "en",
            as_published: bool = False, other_languages: str = "", home: str = "",
            region: str | None = None, regions: str = "", page: str = "report",
            technical: str = "", publication: str = "", print_edition: str = "") -> Context:
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
        (:func:`htmss_analysis.public.sources.public_sources`).
    country : str, optional
        For a country brief: an ISO3 code or a country name.
    briefs : str, optional
        Folder of the country briefs built beside the report (relative to
        it); country names then link to their briefs.
    brief_countries : str, optional
        Which countries have a brief (:func:`briefed_countries`): ``"worked"``
        (the default: an activity held in the country in the year), ``"all"``
        (every country with a non-zero country figure) or ISO3 codes
        separated by spaces.
    lang : str, optional
        The report's language (one of :data:`htmss_analysis.programmes.LANGUAGES`;
        default English). Only the words change: the figures are the same in
        every language.
    as_published : bool, optional
        Show the figures the publication prints rounded as it prints them
        (:func:`htmss_analysis.metrics.figures.as_published`); the highlights'
        default. Programme reports and briefs show exact figures.
    other_languages : str, optional
        The same report in other languages, as the build writes it:
        ``"fr=fr/GLOT59.html es=es/GLOT59.html"`` (relative addresses); the
        title block links to each.
    home : str, optional
        Relative address of the build's index of every report; the title
        block links back to it.
    region : str, optional
        For a regional brief: an M49 code or a region's English name.
    regions : str, optional
        For the index of regional briefs: the regions it lists (M49 codes or
        English names separated by spaces; empty: those where the section
        worked in the year).
    page : str, optional
        ``publication``, ``technical`` or ``report`` (see :class:`Context`).
    technical, publication, print_edition : str, optional
        Relative addresses of the publication's technical companion, of the
        companion's publication, of the publication's PDF (empty: no link).

    Raises
    ------
    DataError
        When no table has a row in ``year`` (the message names the years the
        data covers).
    UnknownCountry
        When ``country`` names no country.
    ValueError
        When ``lang`` is not a report language.
    """
    lang = languages.check(lang)
    check_year(data, year)
    # The report's scope, read and checked once here; everything below takes its codes.
    scope = Scope.of(year, programme, country, region)
    code, iso3, m49 = scope.programme, scope.country, scope.region
    present = set(data.years)
    years = [y for y in range(year - years_back, year) if y in present] + [year]
    sources = sources or PublicSources({})
    params = {"year": year, "programme": code or programmes.ALL,
              "data": "synthetic sample" if data.synthetic else data.folder.name,
              "years_back": years_back,
              "public sources config": sources.config.name if sources.config else "none"}
    if iso3:
        params = {"country": iso3, **params}
    if m49:
        params = {"region": m49, **params}
    if lang != "en":
        params["lang"] = lang
    if as_published:
        params["as published"] = "yes"
    briefed = briefed_countries(data, year, brief_countries) if briefs else frozenset()
    ctx = Context(data, year, code, years, params, sources, iso3, briefs, briefed, lang,
                  as_published=as_published, brief_rule=brief_rule(brief_countries),
                  others=languages_of(other_languages, lang), home=relative(home), region=m49,
                  regions=tuple(sorted({country_names.to_region(r) for r in regions.split()}))
                  if regions.strip() else (), page=_page(page), technical=relative(technical),
                  publication=relative(publication), print_edition=relative(print_edition))
    ctx.memo["counted before"] = len(counting.counted(data))
    return ctx


PAGES = ("publication", "technical", "report")
"""The pages a report can be (:attr:`Context.page`)."""


def _page(page: str) -> str:
    if page not in PAGES:
        raise ValueError(f"page {page!r}: expected one of {', '.join(PAGES)}")
    return page


def counted(ctx: Context) -> list[list]:
    """Return each (year, programme) for which this report's run counted every country.

    Read from :func:`htmss_analysis.metrics.figures.counted` since the context
    was made: a brief in a build's kernel that ran another before counts none.
    """
    return [list(key) for key in counting.counted(ctx.data)[ctx.memo.get("counted before", 0):]]


def relative(address: str) -> str:
    """Return ``address`` if it is a relative address within the reports, else "".

    A report links only to files beside it: never to a scheme (``http:``,
    ``javascript:``), an absolute path or a host.
    """
    address = address.strip()
    if not address or ":" in address or address.startswith(("/", "\\")) or "\\" in address:
        return ""
    return address


def languages_of(text: str, lang: str) -> dict[str, str]:
    """Parse ``"fr=fr/X.html es=es/X.html"``: the report's languages but its own, in UN order."""
    given = dict(part.partition("=")[::2] for part in text.split() if "=" in part)
    return {code: relative(given[code]) for code in programmes.LANGUAGES
            if code != lang and code in given and relative(given[code])}


BRIEF_RULES = kinds.BRIEF_RULES


def brief_rule(brief_countries: str) -> str:
    """Say which rule ``brief_countries`` follows: ``worked``, ``all``, or ``chosen`` (codes)."""
    said = brief_countries.strip().lower()
    return said if said in BRIEF_RULES else "chosen"


def briefed_countries(data: Dataset, year: int, brief_countries: str = "worked"
                      ) -> frozenset[str]:
    """Return the ISO3 codes of the countries briefed in ``year``.

    ``brief_countries`` is ``"worked"`` (where the section worked: an activity
    held in the country), ``"all"`` (every country with a non-zero country
    figure), or ISO3 codes and country names separated by spaces (those of
    them with a figure).
    """
    rule = brief_rule(brief_countries)
    if rule == "worked":
        return frozenset(worked_in(data, Scope(year)))
    every = frozenset(country_figures(data, year)["iso3"])
    if rule == "all":
        return every
    return every & {country_names.to_iso3(c) for c in brief_countries.split()}


def report_name(ctx: Context) -> str:
    """Return the report's file name without extension: ISO3 or M49 code, programme, highlights.

    The highlights' technical companion is named after its kind
    (``highlights-technical``).
    """
    if ctx.page == "technical":
        return next(k.fixed[0] for k in kinds.REGISTRY.values() if k.companion_of)
    return ctx.country or ctx.region or ctx.programme or "highlights"


def country_figures_of(ctx: Context, year: int) -> dict[str, int]:
    """Return the brief's country figures of ``year``, computed once per report."""
    key = ("country figures", year)
    if key not in ctx.memo:
        ctx.memo[key] = compute_country(ctx.data, year, ctx.country, ctx.programme)
    return ctx.memo[key]


def brief_link(ctx: Context, iso3: object) -> str:
    """Return the relative address of a country's brief, or "" when the report links to none."""
    if not ctx.briefs or not isinstance(iso3, str) or iso3 not in ctx.briefed:
        return ""
    folder = ctx.briefs.strip("/")
    return f"{iso3}.html" if folder in ("", ".") else f"{folder}/{iso3}.html"


def country_link(ctx: Context, iso3: str, name: str) -> str:
    """Return a country's name, linked to its brief when the report links to briefs."""
    href = brief_link(ctx, iso3)
    return f'<a href="{esc(href)}">{esc(name)}</a>' if href else esc(name)


def linked(ctx: Context, frame: pd.DataFrame, code: str) -> pd.DataFrame:
    """Add a ``brief`` column: the address of each row's country brief (or "")."""
    return frame.assign(brief=[brief_link(ctx, c) for c in frame[code]])


def named(ctx: Context, frame: pd.DataFrame, code: str = "iso3") -> pd.DataFrame:
    """Add a ``country`` column of names, in the report's language, after the ISO3 ``code``."""
    out = frame.copy()
    out.insert(out.columns.get_loc(code) + 1, "country",
               [country(ctx, c) for c in frame[code]])
    return out


# --- text of the data in the report's language (contract version 3) -----------------------


def translated(ctx: Context, frame: pd.DataFrame, table: str, ident: str,
               columns: tuple[str, ...]) -> pd.DataFrame:
    """Return ``frame`` with ``columns`` in the report's language, without the translations.

    Where ``<column>_<lang>`` is filled it is shown; otherwise the English text,
    as :class:`English`, and ``(table, id, column)`` is noted on the context
    for the report's data-quality section. An English report shows the
    English columns as they are.
    """
    out = frame.copy()
    for column in columns:
        if column not in out:
            continue
        other = f"{column}_{ctx.lang}"
        if ctx.lang != programmes.LANGUAGES[0]:
            given = out[other] if other in out else pd.Series("", index=out.index)
            texts = []
            for ident_, english, own in zip(out[ident], out[column], given, strict=True):
                if isinstance(own, str) and own.strip():
                    texts.append(own)
                elif isinstance(english, str) and english.strip():
                    ctx.untranslated[(table, str(ident_), column)] = english
                    texts.append(English(english))
                else:
                    texts.append(english)
            out[column] = pd.Series(texts, index=out.index, dtype=object)
    return out.drop(columns=translations(out, *columns))
