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
    assert languages.month_names("es")[0] == "ene" and languages.month_names("fr")[4] == "mai"


def test_country_names_by_language():
    assert languages.country_name("CIV", "en") == "Côte d’Ivoire"
    assert languages.country_name("DEU", "es") == "Alemania"
    assert languages.country_name("KGZ", "fr") == "Kirghizstan"
    assert languages.country_name("XKX", "fr") == "Kosovo"
    # every country the package knows has a code CLDR names
    assert all(countries.alpha2(code) for code, _ in countries.known())


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
