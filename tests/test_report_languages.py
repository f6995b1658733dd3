"""The sample reports in French and Spanish, read as a partner would read them.

The figures are the English report's (read from each language's workbook);
the words are the language's: no English heading, numbers as the language
writes them (615 232 page views in French, 615.232 in Spanish).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import openpyxl
import pytest

from conftest import LANGS, SHARED_DATA

pytestmark = pytest.mark.slow

NAMES = ["GLOT59", "GLOT92", "GLOACT", "highlights", "countries/KGZ", "countries/ALB",
         "countries/index"]


def _headline(path) -> list[tuple]:
    """The headline sheet's rows, header aside: key, value and previous year (by position)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb.worksheets[0]
    rows = [(r[0], r[2], r[3]) for r in ws.iter_rows(min_row=2, values_only=True)]
    wb.close()
    return rows


@pytest.mark.parametrize("name", NAMES)
def test_every_language_has_the_english_figures(sample_build, name):
    english = _headline(sample_build / f"{name}.xlsx")
    # A number, or an empty cell where the figure is no number (not attributed, no records).
    assert english and all(isinstance(v, int) or v is None for _, v, _ in english)
    assert any(isinstance(v, int) for _, v, _ in english)
    for lang in LANGS[1:]:
        assert _headline(sample_build / lang / f"{name}.xlsx") == english, (lang, name)


class _Headings(HTMLParser):
    """The text of every heading outside results stories (whose titles are data)."""

    def __init__(self):
        super().__init__()
        self.found, self._open, self._story = [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._story += 1
        if re.fullmatch(r"h[1-4]", tag) and not self._story:
            self._open = [tag]
            self.found.append("")

    def handle_endtag(self, tag):
        if tag == "article":
            self._story -= 1
        if self._open and tag == self._open[0]:
            self._open = None

    def handle_data(self, data):
        if self._open:
            self.found[-1] += data


def _headings(path) -> list[str]:
    parser = _Headings()
    parser.feed(path.read_text(encoding="utf-8"))
    return [" ".join(h.split()) for h in parser.found]


@pytest.mark.parametrize("name", ["highlights", "GLOT59", "countries/KGZ"])
@pytest.mark.parametrize("lang", LANGS[1:])
def test_no_english_heading_is_left(sample_build, name, lang):
    english = set(_headings(sample_build / f"{name}.html"))
    other = _headings(sample_build / lang / f"{name}.html")
    assert len(other) > 10
    assert not english & set(other), english & set(other)


def test_page_views_as_each_language_writes_them(sample_build):
    def card(path) -> str:
        text = path.read_text(encoding="utf-8")
        return re.search(r'data-key="page_views"><a class="figure"[^>]*>([^<]+)</a>',
                         text).group(1)

    assert card(sample_build / "highlights.html") == "615,232"
    assert card(sample_build / "fr" / "highlights.html") == "615\u202f232"
    assert card(sample_build / "es" / "highlights.html") == "615.232"


def test_each_page_says_its_language_and_speaks_it(sample_build):
    french = (sample_build / "fr" / "highlights.html").read_text(encoding="utf-8")
    assert '<html dir="ltr" lang="fr">' in french
    assert "<title>HTMSS 2018 faits saillants en bref</title>" in french
    assert "Programme mondial contre la traite des personnes" in french
    spanish = (sample_build / "es" / "countries" / "KGZ.html").read_text(encoding="utf-8")
    assert '<html dir="ltr" lang="es">' in spanish and "Kirguistán" in spanish
    # The index of French briefs links to the French briefs beside it
    index = (sample_build / "fr" / "countries" / "index.html").read_text(encoding="utf-8")
    assert '<a href="KGZ.html">Kirghizistan</a>' in index


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="the treaty status files are public data "
                    "read from ../shared/data, absent here")
def test_treaties_have_their_official_titles_in_the_language(sample_build):
    # The treaty part of a brief appears only when the UN treaty status files are given.
    spanish = (sample_build / "es" / "countries" / "KGZ.html").read_text(encoding="utf-8")
    assert "Protocolo para prevenir, reprimir y sancionar la trata de personas" in spanish


def test_workbooks_follow_the_report_language(sample_build):
    wb = openpyxl.load_workbook(sample_build / "fr" / "GLOT59.xlsx", read_only=True)
    assert wb.sheetnames[0] == "chiffres clés"
    header = next(wb.worksheets[0].iter_rows(max_row=1, values_only=True))
    assert header == ("clé", "titre", "valeur", "année précédente", "définition", "remarques")
    assert "Activités par type, 2018" in wb.sheetnames
    wb.close()
    wb = openpyxl.load_workbook(sample_build / "es" / "GLOT59.xlsx", read_only=True)
    first = next(wb.worksheets[0].iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[:2] == ("technical_cooperation_activities", "Actividades de cooperación técnica")
    wb.close()


# --- text of the data in the report's language (contract version 3) ---------------------


def _untranslated_page(data, lang: str):
    from htmss_analysis import report as r

    ctx = r.context(data, 2018, "GLOT59", lang=lang)
    page = "".join(str(s(ctx)) for s in (r.publications, r.activity_list))
    return ctx, page, str(r.data_quality(ctx))


def test_an_untranslated_text_is_marked_english_and_counted(tiny_data):
    # GLOT59's 2018 activities A1 A2 A5 A9 and publications P1 P2: six titles, no French.
    ctx, page, quality = _untranslated_page(tiny_data, "fr")
    marked = re.findall(r'<td[^>]* lang="en">([^<]*)</td>', page)
    assert sorted(marked) == ["Activity A1", "Activity A2", "Activity A5", "Activity A9",
                              "Issue paper", "Toolkit"]
    assert sorted(ctx.untranslated) == [("activities", a, "title")
                                        for a in ("A1", "A2", "A5", "A9")] + [
        ("publications", "P1", "title"), ("publications", "P2", "title")]
    assert "6 textes des données n’ont pas de traduction" in quality
    assert "title_fr" in quality  # what to fill in to translate it
    # The English report is as it was: nothing marked, nothing counted.
    ctx, page, quality = _untranslated_page(tiny_data, "en")
    assert 'lang="en"' not in page and not ctx.untranslated
    assert "not translated" not in quality


def test_a_translated_text_is_shown_in_the_report_language(tmp_path):
    import htmss_analysis as h
    from conftest import ACTIVITIES, PUBLICATIONS, write_folder

    acts = [[*ACTIVITIES[0], "title_fr", "title_es"]] + [
        [*row, "Formation A1" if row[0] == "A1" else "", ""] for row in ACTIVITIES[1:]]
    pubs = [[*PUBLICATIONS[0], "title_fr"]] + [
        [*row, "Document thématique" if row[0] == "P1" else ""] for row in PUBLICATIONS[1:]]
    data = h.load(write_folder(tmp_path / "d", activities=acts, publications=pubs))
    ctx, page, quality = _untranslated_page(data, "fr")
    assert "<td>Formation A1</td>" in page and "<td>Document thématique</td>" in page
    assert len(ctx.untranslated) == 4  # A2 A5 A9 P2
    assert "4 textes des données" in quality
    ctx, page, _ = _untranslated_page(data, "es")  # no Spanish given: all six in English
    assert len(ctx.untranslated) == 6 and "Formation A1" not in page
