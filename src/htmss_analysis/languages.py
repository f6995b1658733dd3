"""The report languages: the package's words, numbers, dates and names in each of them.

The languages themselves are declared once, one record each, in
:data:`htmss_analysis.programmes.LANGUAGE_RECORDS` (code, direction, UNTERM column,
Babel locale).

The package's own sentences are gettext messages: marked with :func:`_`
(or :func:`N_` where they are declared and :func:`ngettext` where they
depend on a number), extracted by Babel into the catalogs
``locale/<lang>/LC_MESSAGES/htmss_analysis.po`` and translated there
(``make messages`` updates them). Numbers, dates and month names come from
CLDR through Babel (offline, bundled in its wheel); so do country names,
looked up by the ISO 3166 alpha-2 code of the country table. The official
names of the programmes and treaties, the UN's in each language, live with
them in :mod:`htmss_analysis.programmes`.

The language is set for a stretch of code with :func:`using` (every section of
a report goes through it, from its context); outside, the package writes
English. It is a context variable, never a module global: each thread and
task has its own.
The figures themselves never depend on the language: only how they are
written.
"""

from __future__ import annotations

import gettext as gettext_module
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from pathlib import Path

from . import countries
from .marks import N_
from .programmes import LANGUAGE_RECORDS, LANGUAGES, Language

_current: ContextVar[str] = ContextVar("htmss_language", default="en")
"""The language the package writes in: set only by :func:`using`, per thread and task.

A context variable, not a module global: two reports in two languages made in
the same process (interleaved, in threads, or in asyncio tasks) never see each
other's language.
"""


def check(lang: str) -> str:
    """Return ``lang`` if it is a report language, or raise ``ValueError`` naming them."""
    code = lang.strip().lower()
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    return code


def record(lang: str) -> Language:
    """Return the record of a report language (its code, direction, UNTERM column, locale)."""
    return LANGUAGE_RECORDS[check(lang)]


def direction(lang: str) -> str:
    """Return the direction a language is written in: ``ltr`` or ``rtl``."""
    return record(lang).direction


def number(value: float, lang: str | None = None, decimals: int = 0) -> str:
    """Write a number as ``lang`` does: 615,232; 615 232 (narrow no-break space); 615.232.

    ``lang`` defaults to the current language. Negative numbers take the
    minus sign (U+2212), as the reports write them.
    """
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(round(value, decimals) if decimals else round(value), pattern,
                          locale=record(lang or _current.get()).locale)
    return text.replace("-", "\u2212")


def percent(share: float, lang: str | None = None) -> str:
    """Write a share as a whole percentage: ``67%`` in English, ``67 %`` in French and Spanish."""
    from babel.numbers import format_percent

    if round(share * 100) == 0:  # -0.2% is written 0%, never "−0%"
        share = 0.0
    locale = record(lang or _current.get()).locale
    return format_percent(share, locale=locale).replace("-", "\u2212")


def long_date(value: date | datetime, lang: str | None = None) -> str:
    """Write a date in words: ``2 May 2018``, ``1er juin 2018``, ``2 de mayo de 2018``."""
    from babel.dates import format_date

    lang = check(lang or _current.get())
    text = format_date(value, format="d MMMM y" if lang == "en" else "long",
                       locale=record(lang).locale)
    if lang == "fr" and value.day == 1:  # French writes the first of the month "1er"
        text = "1er" + text[1:]
    return text


def short_date(value: date | datetime, lang: str | None = None) -> str:
    """Write a date in a table cell: ``5 Mar 2018``, ``1er mars 2018``, ``5 mar 2018``.

    Day, abbreviated month, year, as UN documents write dates in tables; the
    French first of the month is ``1er``, as in :func:`long_date`.
    """
    from babel.dates import format_date

    lang = check(lang or _current.get())
    text = format_date(value, format="d MMM y", locale=record(lang).locale)
    if lang == "fr" and value.day == 1:
        text = "1er" + text[1:]
    return text


def month_names(lang: str | None = None) -> list[str]:
    """Return the twelve abbreviated month names of ``lang``, January first."""
    from babel.dates import get_month_names

    names = get_month_names("abbreviated", locale=record(lang or _current.get()).locale)
    return [names[m] for m in range(1, 13)]


def typeset(text: str, lang: str | None = None) -> str:
    """Give a text from an official source the typography of ``lang``.

    French writes the typographic apostrophe (’), never the straight one that
    the UN's databases (UNTERM's names, the SDG targets' texts) carry; the
    wording itself is left as the source has it.
    """
    return text.replace("'", "\u2019") if check(lang or _current.get()) == "fr" else text


def country_name(iso3: str, lang: str | None = None) -> str:
    """Return a country's name in ``lang``: the UN's own, M49 in English, UNTERM otherwise.

    French and Spanish names are the UN's official short names (UNTERM, in the
    table bundled with hdx-python-country): « État de Palestine », "Santa Sede".
    A territory that table does not name in the language (Kosovo) takes CLDR's
    name, else its English one; SHERLOC's "International and regional bodies"
    is one of the package's messages.
    """
    if iso3 == countries.INTERNATIONAL_BODIES:
        return _(iso3)
    lang = check(lang or _current.get())
    return typeset(_country_name(iso3, lang), lang)


@cache
def _country_name(iso3: str, lang: str) -> str:
    if lang == "en":
        return countries.name(iso3)
    official = countries.untermed(iso3, lang)
    if official:
        return official
    from babel import Locale

    alpha2 = countries.alpha2(iso3)
    return Locale.parse(record(lang).locale).territories.get(alpha2 or "",
                                                             countries.name(iso3))


def region_name(region: str, lang: str | None = None) -> str:
    """Return a UN M49 region's name (``Africa``, ``Central Asia``) in ``lang``, from CLDR.

    A name that is no M49 region (``Unknown``, ``online``) is translated as
    one of the package's messages.
    """
    lang = check(lang or _current.get())
    if lang == "en":
        return region
    from babel import Locale

    code = countries.region_codes().get(region)
    if code is None:
        return _(region)
    return Locale.parse(record(lang).locale).territories.get(code, region)


def own_name(lang: str) -> str:
    """Return a language's name in that language, as a language switch shows it: ``Français``."""
    from babel import Locale

    locale = record(lang).locale
    name = Locale.parse(locale).get_display_name(locale) or lang
    return name[:1].upper() + name[1:]


def babel_version() -> str:
    """Return the version of Babel, whose CLDR data writes the numbers, dates and names."""
    import babel

    return babel.__version__


# --- the package's own words: gettext catalogs ------------------------------------------

DOMAIN = "htmss_analysis"
"""The gettext domain: ``locale/<lang>/LC_MESSAGES/htmss_analysis.po`` in the package."""

LOCALE_DIR = Path(__file__).parent / "locale"
"""Where the catalogs are; English is the source language and has none."""

def catalog_path(lang: str) -> Path:
    """Return the ``.po`` catalog of a language other than English."""
    return LOCALE_DIR / check(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext_module.NullTranslations:
    """Return the translations of ``lang``, compiled from its catalog on first use.

    The ``.po`` catalogs are the only form kept in the repository: Babel
    compiles one in memory the first time a report asks for its language, so
    a compiled catalog can never be older than its source.
    """
    if check(lang) == "en":
        return gettext_module.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext_module.GNUTranslations(compiled)


def current() -> str:
    """Return the language the package writes in now (``en`` unless :func:`using` says)."""
    return _current.get()


@contextmanager
def using(lang: str) -> Iterator[str]:
    """Write in ``lang`` inside the ``with`` block; the language before is restored after."""
    token = _current.set(check(lang))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


MISSED: set[tuple[str, str]] = set()
"""``(language, message)`` of every message asked for that its catalog lacks (for the tests)."""


def _(message: str) -> str:
    """Translate one of the package's messages into the current language.

    A message the catalog lacks stays in English and is noted in :data:`MISSED`
    (unless it is already a translation, as a header translated twice is).
    """
    lang = _current.get()
    if not message or lang == "en":
        return message
    found = translations(lang)
    if message not in found._catalog and message not in _translated(lang):
        MISSED.add((lang, message))
    return found.gettext(message)


@cache
def _translated(lang: str) -> frozenset[str]:
    return frozenset(v for v in translations(lang)._catalog.values() if isinstance(v, str))


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the number ``n``."""
    return translations(_current.get()).ngettext(singular, plural, n)


def labelled(label: str, text: str) -> str:
    """Write ``label: text`` as the current language punctuates it (`` : `` in French)."""
    # NOTE: a label and its text, such as "GLOT59: supports Member States...".
    return _("{label}: {text}").format(label=label, text=text)


def semicolons(items) -> str:
    """Join items with semicolons as the current language punctuates them (`` ; `` in French)."""
    # NOTE: the separator of a list whose items may hold commas.
    return _("; ").join(items)


def listed(items) -> str:
    """Join items as a sentence lists them in the current language ("A, B and C", « A, B et C »)."""
    from babel.lists import format_list

    items = [str(i) for i in items]
    return format_list(items, locale=record(current()).locale) if items else ""


__all__ = ["LANGUAGES", "N_", "check", "country_name", "current", "listed", "long_date",
           "month_names", "labelled", "ngettext", "number", "percent", "region_name", "semicolons",
           "short_date", "using"]
