"""Country names and codes: normalisation to ISO 3166-1 alpha-3 and UN M49 regions.

The country table is the one bundled with ``hdx-python-country`` (UN M49 names,
ISO codes, regions and a curated matching regex per country), always read with
``use_live=False`` so that nothing is fetched from the network.
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path

from .programmes import LANGUAGE_RECORDS

INTERNATIONAL_BODIES = "International and regional bodies"
"""The pseudo-jurisdiction of SHERLOC for international and regional courts."""

# Spellings the bundled table misses or gets ambiguous. Keys are folded with
# ``fold``. Only names seen in UN, UNODC or common usage belong here.
_ALIASES: dict[str, str] = {
    "kosovo": "XKX",
    "kosovo under unscr 1244": "XKX",
    "kosovo under security council resolution 1244": "XKX",
    "brasil": "BRA",
    "republic of korea": "KOR",
    "south korea": "KOR",
    "north korea": "PRK",
    "united states": "USA",
    "america": "USA",
    "holy see": "VAT",
    "great britain": "GBR",
    "ivory coast": "CIV",
    "palestine": "PSE",
}


# Territories UNODC reports on that the M49 table lacks: code -> info fields.
_EXTRA: dict[str, dict[str, str]] = {
    "XKX": {
        "M49 English": "Kosovo under UNSCR 1244",
        "Region Name": "Europe",
        "Sub-region Name": "Southern Europe",
    },
}


class UnknownCountry(ValueError):
    """A country name or code that cannot be matched to exactly one country."""


def fold(text: str) -> str:
    """Case-fold, strip accents and collapse spaces: for matching names, and sorting them."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'").replace("`", "'")
    return " ".join(plain.casefold().split())


_BUNDLED = "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"


def bundled_table() -> Path:
    """Return the path of the country table bundled with hdx-python-country."""
    return Path(str(resources.files("hdx.location").joinpath(_BUNDLED)))


@cache
def _rows() -> dict[str, dict]:
    """Return the bundled table's rows by ISO3 code, as the library keys its ``countries``.

    Read with the standard csv module, blank cells as None as the library
    gives them: checking a code or finding a region needs no more, and
    importing the library's name matcher costs a third of a second.
    """
    return {row["ISO 3166-1 Alpha 3-Codes"].upper(): row for row in _bundled_rows()
            if row.get("ISO 3166-1 Alpha 3-Codes")}


@cache
def _bundled_rows() -> tuple[dict, ...]:
    """Every row of the bundled table, read once, blank cells as None."""
    with open(bundled_table(), encoding="utf-8", newline="") as fh:
        return tuple({k: v if v != "" else None for k, v in row.items()}
                     for row in csv.DictReader(fh))


_MATCHER_LOCK = threading.Lock()


def warm_up() -> None:
    """Set up the name matcher in a background thread, while files are being read.

    Its import is pure Python work; Arrow's CSV reader runs outside the
    interpreter lock, so on two cores the two overlap.
    """
    threading.Thread(target=_matcher, daemon=True).start()


def _matcher() -> type:
    with _MATCHER_LOCK:  # one set-up, whichever thread asks first
        return _matcher_once()


@cache
def _matcher_once() -> type:
    """Return the library's country class, set up from the bundled rows (never the network).

    The library would read its table through frictionless, which costs
    seconds of imports; it is handed the same rows instead.
    """
    from hdx.location.country import Country


    # The library keeps and may amend the dicts it is given: hand it copies.
    Country.set_countriesdata([dict(row) for row in _bundled_rows()])
    Country.countriesdata(use_live=False)
    return Country


@cache
def _regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = _rows().items()
    return tuple(
        (iso3, re.compile(info["Regex"], re.IGNORECASE)) for iso3, info in rows if info.get("Regex")
    )


_GENERIC = frozenset(
    "the of and republic state states kingdom former yugoslav plurinational islamic federal "
    "federated democratic people's peoples socialist bolivarian cote d".split()
)


def _whole_name(rx: re.Pattern[str], folded: str) -> bool:
    match = rx.search(folded)
    if not match:
        return False
    rest = folded[: match.start()] + " " + folded[match.end():]
    words = re.findall(r"[a-z']+", rest.replace("d'", "d "))
    return all(w in _GENERIC for w in words)


def is_code(text: object) -> bool:
    """Say whether ``text`` is, exactly, the upper-case ISO3 code of a country known."""
    return isinstance(text, str) and len(text) == 3 and text.isascii() and text.isupper() \
        and (text in _rows() or text in _EXTRA)


@cache
def to_iso3(value: str) -> str:
    """Return the ISO3 code of a country given by code or name.

    Parameters
    ----------
    value : str
        An ISO3 code in any case, or a country name as the UN, UNODC or common
        usage writes it ("Kyrgyz Republic", "Côte d'Ivoire", "Türkiye", ...).

    Returns
    -------
    str
        The upper-case ISO 3166-1 alpha-3 code.

    Raises
    ------
    UnknownCountry
        When the value matches no country, or more than one.
    """
    text = " ".join(str(value).split())
    if not text:
        raise UnknownCountry("blank country")
    if len(text) == 3 and text.isalpha() and (text.upper() in _rows() or text.upper() in _EXTRA):
        return text.upper()
    folded = fold(text)
    if folded in _ALIASES:
        return _ALIASES[folded]
    exact = _matcher().get_iso3_country_code(text, use_live=False)
    if exact:
        return exact
    # A curated regex of the table must single out one country, and what it
    # leaves over must be generic words ("Kyrgyz Republic"): a typo such as
    # "Brazill" or a place such as "Niger Delta" is refused rather than guessed.
    matches = {iso3 for iso3, rx in _regexes() if _whole_name(rx, folded)}
    if len(matches) == 1:
        return matches.pop()
    if matches:
        raise UnknownCountry(f"ambiguous country name (could be {', '.join(sorted(matches))})")
    raise UnknownCountry("unknown country")


@cache
def _info(iso3: str) -> dict:
    if iso3 in _EXTRA:
        return _EXTRA[iso3]
    return _rows().get(iso3) or {}


def name(iso3: str) -> str:
    """Return the UN M49 English short name of a country (the code if unknown)."""
    if iso3 == INTERNATIONAL_BODIES:
        return iso3
    info = _info(iso3)
    return info.get("M49 English") or info.get("Preferred Term") or iso3


UNTERM_COLUMNS = {code: lang.unterm for code, lang in LANGUAGE_RECORDS.items() if lang.unterm}
"""The bundled table's columns of the UN's official short names (UNTERM), by language."""


def untermed(iso3: str, lang: str) -> str | None:
    """Return the UN's official short name of a country in ``lang`` (UNTERM), if the table has one.

    ``« État de Palestine »``, ``"República de Moldova"``: the names the UN itself
    uses, from the table bundled with hdx-python-country (never fetched).
    """
    column = UNTERM_COLUMNS.get(lang)
    return _info(iso3).get(column) if column else None


def region(iso3: str) -> str:
    """Return the UN M49 region (e.g. ``Africa``) of a country, or ``Unknown``."""
    return _info(iso3).get("Region Name") or "Unknown"


def subregion(iso3: str) -> str:
    """Return the UN M49 sub-region (e.g. ``Northern Africa``), or ``Unknown``.

    Where M49 has an intermediate region (``Western Africa``, ``South America``)
    that finer grouping is returned, as UNODC's regional tables do.
    """
    info = _info(iso3)
    return info.get("Intermediate Region Name") or info.get("Sub-region Name") or "Unknown"


@cache
def region_codes() -> dict[str, str]:
    """Return the UN M49 code of every region, sub-region and intermediate region, by name."""
    out = {}
    for row in _rows().values():
        for level in ("Region", "Sub-region", "Intermediate Region"):
            if row.get(f"{level} Name") and row.get(f"{level} Code"):
                out[row[f"{level} Name"]] = row[f"{level} Code"].zfill(3)
    return out


def region_of(iso3: str) -> str | None:
    """Return the UN M49 code of a country's region, as the contract defines it, or None.

    The intermediate region where M49 has one (``014`` Eastern Africa),
    otherwise the sub-region (``145`` Western Asia): the grouping of
    :func:`subregion`. None for a code with no region (SHERLOC's
    international bodies, a blank).
    """
    if not isinstance(iso3, str) or iso3 == INTERNATIONAL_BODIES:
        return None
    return region_codes().get(subregion(iso3))


@cache
def regions() -> dict[str, str]:
    """Return every region a country can be in (:func:`region_of`): M49 code to English name."""
    names = {code: name for name, code in region_codes().items()}
    codes = {region_of(c) for c in set(_rows()) | set(_EXTRA)} - {None}
    return {code: names[code] for code in sorted(codes)}


def region_name(code: str) -> str:
    """Return a region's UN M49 English name (``014`` -> ``Eastern Africa``), or the code."""
    return regions().get(code, code)


def to_region(text: str | int) -> str:
    """Return the M49 code of a region given by code (``14``, ``014``) or English name.

    A number is a code: ``papermill -p region 014`` passes the integer 14.

    Raises
    ------
    UnknownCountry
        When ``text`` names no region a country can be in (a continent such
        as ``Africa`` is none: its countries are in several).
    """
    said = str(text).strip()
    code = said.zfill(3) if said.isdigit() else next(
        (c for c, n in regions().items() if fold(n) == fold(said)), None)
    if code not in regions():
        listed = ", ".join(f"{c} {n}" for c, n in regions().items())
        raise UnknownCountry(f"{text!r} is not a UN M49 intermediate region or sub-region "
                             f"(the regions: {listed})")
    return code


@cache
def in_region(code: str) -> frozenset[str]:
    """Return the ISO3 codes of the countries and territories of region ``code``."""
    return frozenset(c for c in set(_rows()) | set(_EXTRA) if region_of(c) == code)


def known() -> list[tuple[str, str]]:
    """Return ``(ISO3 code, UN M49 English name)`` of every country and territory known.

    Every code and every name listed here is a value :func:`to_iso3` accepts
    (it accepts other spellings besides), sorted by name.
    """
    codes = set(_rows()) | set(_EXTRA)
    pairs = [(code, name(code)) for code in codes]
    return sorted(((c, n) for c, n in pairs if n != c), key=lambda p: (fold(p[1]), p[0]))


@cache
def suggest(text: str) -> str | None:
    """Return the name of the known country ``text`` is closest to, if one is close.

    For messages only ("did you mean Kazakhstan?"): an unknown name is never
    read as the suggestion.
    """
    import difflib

    names = {fold(n): n for _code, n in known()}
    close = difflib.get_close_matches(fold(text), list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None


def alpha2(iso3: str) -> str | None:
    """Return the ISO 3166-1 alpha-2 code of a country (``CIV`` -> ``CI``), or None."""
    if iso3 == "XKX":
        return "XK"  # the code CLDR and the EU use for Kosovo
    return _info(iso3).get("ISO 3166-1 Alpha 2-Codes")
