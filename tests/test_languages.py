"""Numbers, dates and names by report language (a first step toward French and Spanish)."""

from datetime import date

import pytest

from htmss_analysis import countries, languages, programmes


def test_numbers_as_each_language_writes_them():
    assert languages.number(615232, "en") == "615,232"
    assert languages.number(615232, "fr") == "615\u202f232"  # narrow no-break space
    assert languages.number(615232, "es") == "615.232"
    assert languages.number(-1, "en") == "\u22121"
    assert languages.number(12.345, "fr", decimals=1) == "12,3"


def test_dates_and_months_in_words():
    day = date(2018, 5, 2)
    assert languages.long_date(day, "en") == "2 May 2018"
    assert languages.long_date(day, "fr") == "2 mai 2018"
    assert languages.long_date(day, "es") == "2 de mayo de 2018"
    assert languages.long_date(date(2018, 6, 1), "fr") == "1er juin 2018"
    assert languages.long_date(date(2018, 6, 1), "en") == "1 June 2018"
    assert languages.month_names("es")[0] == "ene" and languages.month_names("fr")[4] == "mai"


def test_country_names_by_language():
    assert languages.country_name("CIV", "en") == "Côte d’Ivoire"
    assert languages.country_name("DEU", "es") == "Alemania"
    assert languages.country_name("KGZ", "fr") == "Kirghizistan"  # the UN's, not CLDR's
    assert languages.country_name("XKX", "fr") == "Kosovo"  # no UNTERM name: CLDR's
    # every country the package knows has a code CLDR names
    assert all(countries.alpha2(code) for code, _ in countries.known())


def test_country_names_are_the_uns_own_in_french_and_spanish():
    """UNTERM's short names, as the table bundled with hdx-python-country gives them."""
    import csv

    assert languages.country_name("PSE", "fr") == "État de Palestine"
    assert languages.country_name("PSE", "es") == "Estado de Palestina"
    assert languages.country_name("VAT", "fr") == "Saint-Siège"
    assert languages.country_name("MDA", "es") == "República de Moldova"
    assert languages.country_name("BOL", "fr") == "Bolivie (État plurinational de)"
    with countries.bundled_table().open(encoding="utf-8", newline="") as fh:
        table = {r["ISO 3166-1 Alpha 3-Codes"]: r for r in csv.DictReader(fh)}
    for code, _ in countries.known():
        for lang, column in (("fr", "French Short"), ("es", "Spanish Short")):
            if table.get(code, {}).get(column):
                # The UN's wording, with the language's typography (French ’ for ').
                want = table[code][column].replace("'", "\u2019" if lang == "fr" else "'")
                assert languages.country_name(code, lang) == want, (code, lang)
    assert languages.country_name("CIV", "fr") == "Côte d\u2019Ivoire"


def test_official_names_in_every_language():
    for lang in programmes.LANGUAGES:
        for code in programmes.CODES:
            assert programmes.name(code, lang)
        for key in ("treaty_tip", "treaty_som", "treaty_untoc"):
            assert programmes.treaty_name(key, lang)
    assert programmes.name("GLOT92", "fr") == ("Programme mondial contre le trafic illicite de "
                                               "migrants")
    assert programmes.treaty_name("treaty_untoc", "es") == (
        "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional")
    with pytest.raises(ValueError, match="expected one of " + ", ".join(programmes.LANGUAGES)):
        languages.check("de")
