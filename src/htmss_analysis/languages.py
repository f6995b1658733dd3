"""The report languages: numbers, dates, country names and official names by language.

A first step toward reports in French and Spanish: what does not depend on
translating the package's own sentences. Numbers, dates and month names come
from CLDR through Babel (offline, bundled in its wheel); so do country names,
looked up by the ISO 3166 alpha-2 code of the country table. The official
names of the programmes and treaties are the UN's in each language. The
figures themselves never depend on the language: only how they are written.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from . import countries

LANGUAGES: tuple[str, ...] = ("en", "fr", "es")
"""The report languages, English first (the default)."""

PROGRAMME_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "GLOT59": "Programme mondial contre la traite des personnes",
        "GLOT92": "Programme mondial contre le trafic illicite de migrants",
        "GLOACT": "Action mondiale pour prévenir et combattre la traite des personnes et le "
                  "trafic illicite de migrants",
    },
    "es": {
        "GLOT59": "Programa Mundial contra la Trata de Personas",
        "GLOT92": "Programa Mundial contra el Tráfico Ilícito de Migrantes",
        "GLOACT": "Acción Global para Prevenir y Abordar la Trata de Personas y el Tráfico "
                  "Ilícito de Migrantes",
    },
}
"""The programmes' full names in French and Spanish (English: :mod:`.programmes`)."""

TREATY_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "treaty_tip": "Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
                      "Especially Women and Children",
        "treaty_som": "Protocol against the Smuggling of Migrants by Land, Sea and Air",
        "treaty_untoc": "United Nations Convention against Transnational Organized Crime",
    },
    "fr": {
        "treaty_tip": "Protocole visant à prévenir, réprimer et punir la traite des personnes, "
                      "en particulier des femmes et des enfants",
        "treaty_som": "Protocole contre le trafic illicite de migrants par terre, air et mer",
        "treaty_untoc": "Convention des Nations Unies contre la criminalité transnationale "
                        "organisée",
    },
    "es": {
        "treaty_tip": "Protocolo para prevenir, reprimir y sancionar la trata de personas, "
                      "especialmente mujeres y niños",
        "treaty_som": "Protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire",
        "treaty_untoc": "Convención de las Naciones Unidas contra la Delincuencia Organizada "
                        "Transnacional",
    },
}
"""The three treaties' official titles, by language and public-source key."""


def check(lang: str) -> str:
    """Return ``lang`` if it is a report language, or raise ``ValueError`` naming them."""
    code = lang.strip().lower()
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    return code


def number(value: float, lang: str = "en", decimals: int = 0) -> str:
    """Write a number as ``lang`` does: 615,232; 615 232 (narrow no-break space); 615.232.

    Negative numbers take the minus sign (U+2212), as the reports write them.
    """
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(round(value, decimals) if decimals else round(value), pattern,
                          locale=check(lang))
    return text.replace("-", "\u2212")


def long_date(value: date | datetime, lang: str = "en") -> str:
    """Write a date in words: ``2 May 2018``, ``2 mai 2018``, ``2 de mayo de 2018``."""
    from babel.dates import format_date

    return format_date(value, format="d MMMM y" if lang == "en" else "long",
                       locale=check(lang))


def month_names(lang: str = "en") -> list[str]:
    """Return the twelve abbreviated month names of ``lang``, January first."""
    from babel.dates import get_month_names

    names = get_month_names("abbreviated", locale=check(lang))
    return [names[m] for m in range(1, 13)]


@cache
def country_name(iso3: str, lang: str = "en") -> str:
    """Return a country's name in ``lang``: UN M49 in English, CLDR in French and Spanish.

    A territory CLDR does not name keeps its English name.
    """
    if check(lang) == "en":
        return countries.name(iso3)
    from babel import Locale

    alpha2 = countries.alpha2(iso3)
    return Locale.parse(lang).territories.get(alpha2 or "", countries.name(iso3))


def programme_name(code: str, lang: str = "en") -> str:
    """Return a programme's official full name in ``lang``."""
    from . import programmes

    if check(lang) == "en":
        return programmes.full_name(code)
    return PROGRAMME_NAMES[lang][code]
