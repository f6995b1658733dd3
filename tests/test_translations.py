"""French and Spanish pages a UN reader could be handed: no English outside marked text.

What a reader sees is the page's visible text (and the charts' alternative
text), less what the page marks as English (``lang="en"``) and identifiers
shown as code (``translate="no"``: figure keys, table and column names). In it
no English function word may appear. The expected counts are the issue's
(none), and on data without translations the count a page gives is checked
against the texts it marks, one by one.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from conftest import LANGS, ROOT, render_notebook

FUNCTION_WORDS = re.compile(r"\b(the|of|and|to|with|for|on|in)\b")
"""English function words: a page of another language that shows one shows English."""

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
HIDDEN = {"script", "style", "title", "head"}


class _Reader(HTMLParser):
    """Collect a page's text as a reader meets it, apart from marked English and codes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str]] = []  # (tag, what it is: "", "english", "code", "hidden")
        self.read: list[str] = []
        self.english: list[str] = []

    def _within(self, what: str) -> bool:
        return any(w == what for _, w in self.open)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in VOID:
            if tag == "img" and a.get("alt") and not self._within("english"):
                self.read.append(a["alt"])
            return
        what = ("hidden" if tag in HIDDEN else "english" if a.get("lang") == "en"
                else "code" if a.get("translate") == "no" else "")
        self.open.append((tag, what))
        if what == "english":
            self.english.append("")

    def handle_endtag(self, tag):
        while self.open:
            name, _ = self.open.pop()
            if name == tag:
                break

    def handle_data(self, data):
        if self._within("hidden") or not data.strip():
            return
        if self._within("english"):
            self.english[-1] += data
        elif not self._within("code"):
            self.read.append(data.strip())


def read(page: str) -> _Reader:
    """Read a page (HTML) as a reader does; see :class:`_Reader`."""
    reader = _Reader()
    reader.feed(page)
    return reader


def english_outside_marks(page: str) -> list[str]:
    """Return every piece of a page's text, outside marked English, with an English word."""
    return [t for t in read(page).read if FUNCTION_WORDS.search(t)]


def test_the_reader_finds_english_and_leaves_marked_text_and_codes_alone():
    page = ('<html lang="fr"><head><title>the title</title><style>p{}</style></head><body>'
            '<p>Le rapport <span lang="en">of the Secretary-General</span></p>'
            '<td><code translate="no">rows_read_and_used</code></td>'
            '<img alt="Graphique of people"><p>Personnes formées in 2018</p></body></html>')
    assert english_outside_marks(page) == ["Graphique of people", "Personnes formées in 2018"]
    assert read(page).english == ["of the Secretary-General"]


# --- the sample, which carries every translation --------------------------------------------

PAGES = ["highlights", "highlights-technical", "GLOT59", "GLOT92", "GLOACT", "countries/KGZ",
         "countries/ALB", "countries/index"]


@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS[1:])
def test_a_sample_page_in_french_or_spanish_shows_no_english(sample_build, lang, name):
    page = (sample_build / lang / f"{name}.html").read_text(encoding="utf-8")
    assert english_outside_marks(page) == []
    # Nothing left in English for want of a translation: the one English on the page is
    # the name of the English version in the language switch, marked as such.
    switch = 'hreflang="en" lang="en">English</a>'
    assert page.count(switch) == 1
    assert 'lang="en"' not in page.replace(switch, "")
    executed = json.loads((sample_build / lang / f"{name}.ipynb").read_text(encoding="utf-8"))
    counts = [o["metadata"]["htmss"]["untranslated"] for c in executed["cells"]
              for o in c.get("outputs", ()) if "untranslated" in
              o.get("metadata", {}).get("htmss", {})]
    # Every report with a data-quality section says how many texts are not translated: 0.
    assert counts == [0]


# --- data without translations ------------------------------------------------------------


def _without_translations(folder: Path, out: Path) -> Path:
    """Copy a data folder, dropping every translated column (``<column>_<lang>``)."""
    out.mkdir()
    suffixes = tuple(f"_{lang}" for lang in LANGS[1:])
    for path in folder.glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame.drop(columns=[c for c in frame.columns if c.endswith(suffixes)]).to_csv(
            out / path.name, index=False, lineterminator="\n")
    return out


@pytest.mark.slow
def test_without_translations_every_english_text_is_marked_and_counted(tmp_path):
    import htmss_analysis as h
    from htmss_analysis import report as r

    data = h.load(_without_translations(ROOT / "data" / "sample", tmp_path / "data"))
    published = r.context(data, 2018, None, lang="fr", page="publication")
    publication = render_notebook("highlights.ipynb", published)
    ctx = r.context(data, 2018, None, lang="fr", page="technical")
    page = render_notebook("highlights_technical.ipynb", ctx)
    # Every English text is marked: none is left outside a lang="en" element.
    assert english_outside_marks(publication) == [] and english_outside_marks(page) == []
    # The companion's data-quality part lists each text once, by table, id and column:
    # those of the publication and its own; its count is the number listed.
    listed = re.findall(r'<tr><td><code translate="no">(\w+)</code></td><td class="nowrap">'
                        r'([^<]+)</td><td class="nowrap"><code translate="no">(\w+)_fr</code>'
                        r'</td><td lang="en">([^<]*)</td></tr>', page)
    n = len(ctx.untranslated)
    assert n > 100 and len(listed) == n
    assert set(published.untranslated) <= set(ctx.untranslated)
    assert f"{n} textes des données n’ont pas de traduction" in page.replace("\u202f", " ")
    # What the two pages mark English outside the list is exactly the texts listed.
    from htmss_analysis.metrics.breakdowns import paragraphs

    marked = (set(read(page).english) | set(read(publication).english)) - {""}
    # A narrative text shows paragraph by paragraph, each marked; the list gives it whole.
    whole = {html.unescape(text) for *_key, text in listed}
    assert marked == whole | {block for text in whole for block in paragraphs(text)}
    assert {(t, i, c) for t, i, c, _text in listed} == set(ctx.untranslated)


@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_an_acronym_is_spelled_out_before_a_page_uses_it(sample_build, lang, name):
    from htmss_analysis import glossary

    page = (sample_build / ("" if lang == "en" else lang) / f"{name}.html").read_text(
        encoding="utf-8")
    text = " ¶ ".join(read(page).read)
    for term in glossary.TERMS.values():
        short, full = term.short[lang], term.full(lang)
        if not glossary.is_acronym(short) or short == full:
            continue
        used = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text)
        if used:  # spelled out before, or where it first appears ("CCPCJ, Commission …")
            spelled = text.find(full)
            assert (0 <= spelled < used.start()
                    or text[used.end():].startswith(", " + full)), (
                term.key, text[used.start() - 80:used.end()])
        # one acronym per term: no other language's acronym for it on the page
        for other in LANGS:
            if term.short[other] != short and glossary.is_acronym(term.short[other]):
                assert not re.search(rf"(?<![\w-]){re.escape(term.short[other])}(?![\w-])",
                                     text), (term.key, term.short[other])
