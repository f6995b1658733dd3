"""Text direction comes from the language record: ``<html dir>``, and styles by logical sides."""

from __future__ import annotations

import re


def _page(meta: dict) -> str:
    import nbformat

    from htmss_analysis.build import _exporter

    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": "<p>x</p>"}, metadata={"htmss": meta})]))
    return _exporter().from_notebook_node(nb)[0]


def test_every_language_has_one_record_and_its_direction():
    from htmss_analysis import languages, programmes

    assert programmes.LANGUAGES == tuple(programmes.LANGUAGE_RECORDS) == ("en", "fr", "es")
    assert {languages.direction(code) for code in programmes.LANGUAGES} == {"ltr"}
    assert languages.record("fr").unterm == "French Short"
    assert languages.own_name("es") == "Español"


def test_the_page_takes_its_language_and_direction_from_the_report():
    # (the exporter writes an element's attributes in alphabetical order)
    assert '<html dir="rtl" lang="ar">' in _page({"title": "t", "lang": "ar", "dir": "rtl"})
    assert '<html dir="ltr" lang="fr">' in _page({"title": "t", "lang": "fr", "dir": "ltr"})
    # a direction that is no direction is not written into the page
    page = _page({"title": "t", "dir": '"><script>'})
    assert '<html dir="ltr" lang="en">' in page and "<script>" not in page


def test_a_report_says_its_direction_in_its_output():
    from htmss_analysis.report.html import Html

    _data, meta = Html("<p>x</p>", title="T", lang="fr")._repr_mimebundle_()
    assert meta["htmss"]["dir"] == "ltr" and meta["htmss"]["lang"] == "fr"


def test_the_styles_name_no_physical_side_but_the_scroll_shadow():
    from htmss_analysis.report.html import CSS

    rules = [r for r in CSS.replace("\n", "").split("}") if re.search(r"\b(left|right)\b", r)]
    assert len(rules) == 1 and ".scroll" in rules[0], rules
    assert "text-align:start" in CSS and "border-inline-start" in CSS


def test_every_name_by_language_has_one_shape():
    """Programmes, treaties, glossary terms, SDGs: by code, a name in each report language."""
    from htmss_analysis import glossary, programmes, sdg

    tables = [p.names for p in programmes.PROGRAMMES.values()]
    tables += [t.names for t in programmes.TREATIES.values()]
    tables += [glossary.term(k).names for k in glossary.TERMS]
    tables += list(sdg.GOALS.values())
    for names in tables:
        assert tuple(names) == programmes.LANGUAGES and all(names.values()), names
    # A target's official wording: English always, then the languages the package ships it in.
    for names in sdg.TITLES.values():
        assert tuple(names) in {programmes.LANGUAGES[:n] for n in (1, len(programmes.LANGUAGES))}
        assert all(names.values()), names
    assert programmes.name("GLOACT", "en") == programmes.PROGRAMMES["GLOACT"].name
