"""The 2018 edition an editor would sign off: every fact of the publication, none of the build.

The facts are written out by hand from the published 2018 highlights
(``../shared/seed/htmss-2018-highlights.txt``): figures, dates, names and
titles that must carry over to the sample's publication page, whatever words
the project uses around them.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import htmss_analysis as h
from htmss_analysis.metrics import figures

FACTS = [
    # the cards, with the publication's qualifiers
    "261", "at the national and regional level", "25", "direct capacity building assistance",
    "80", "more than 4,500", "Practitioners, government officials and civil society "
    "representatives trained", "Standard-setting and technical cooperation tools",
    "2,313", "106", "43", "145", "UNODC/HTMSS and GLO.ACT web pages", "615,232",
    "more than 1,000", "@UNODC_HTMSS and @glo_act", "in one year",
    # what we do: the opening and the section's work
    "source of global expertise", "number, strength, reach, profits and assets",
    "community of practice", "seed funding", "training of trainers", "e-learning",
    "mentoring", "specialized centres", "Security Council", "General Assembly",
    "Commission on Crime Prevention and Criminal Justice",
    "Working Groups on Trafficking in Persons and on the Smuggling of Migrants",
    # technical cooperation: the stories
    "Project Eleutheria", "São Paulo", "three-day workshop", "North Macedonia", "Serbia",
    "every Court of Appeal in Morocco", "Law 27-14", "Prosecutor General",
    "In September 2018", "domestic servitude", "abuse of a position of vulnerability",
    "Sudan became the latest State Party", "nine Eastern African States", "Comoros",
    "South Sudan", "Uganda", "Cabo Verde", "Observatory on trafficking in persons",
    "Ministry of Justice and Work", "third National Action Plan", "58 targets",
    "six thematic areas", "National Assembly", "Federal Investigation Agency",
    "do not criminalize smuggled migrants or victims", "assistance to victims",
    "increase sentences where women and children are the victims",
    "Africa-Europe Conference", "Sharm el-Sheikh", "money-laundering", "Mchinji",
    "more than 60 trafficking victims",
    # awareness raising
    "100 days against Trafficking in Persons", "80 youth leaders", "Osh city",
    "over 60,000 people", "about 5,000 young leaders", "14 per cent",
    "State Agency for Youth, Physical Training and Sport", "State Migration Service",
    # intergovernmental
    "Global Compact for Safe, Orderly and Regular Migration", "A/RES/71/1",
    "UNODC was appointed to the Network's Executive Committee", "On 2 May 2018",
    "21 of the 23 ICAT agencies", "10 of them at principal level", "5 ICAT briefings",
    "The Role of the Sustainable Development Goals (SDGs) in Combating Trafficking in Persons",
    "Trafficking in Children", "30 July 2018",
    "27th session of the Commission on Crime Prevention and Criminal Justice",
    "9th session of the Conference of the Parties", "8th session of the Working Group on TIP",
    "5th session of the Working Group on SOM",
    "Report of the 8th meeting of the Working Group on TIP",
    "Report of the 5th meeting of the Working Group on SOM",
    "The Report of the COP to the UNTOC on its 9th session", "15 to 19 October 2018",
    "mechanism for the review of the implementation", "more than 20 reports",
    "ISIL (Da’esh)", "resolution 2368 (2017)", "resolution 2388 (2017)",
    "Making Migration Work for All", "A/72/643", "sexual violence in conflict",
    "trafficking in women and girls",
    # knowledge
    "Countering Trafficking in Persons in Conflict Situations", "2331 (2016)",
    "Chef de Cabinet", "more than 12,900 times", "International Legal Definition of "
    "Trafficking in Persons", "three earlier issue papers", "over 30 jurisdictions",
    "Doha Declaration", "4.7", "14 university teaching modules",
    # 2030 Agenda
    "5.2", "8.7", "10.7", "16.2", "16.4", "17.9", "Alliance 8.7", "3rd meeting", "REDTRAM",
    "17.16", "5 requests for cooperation",
]
"""Facts of the 2018 publication the English page must carry (hand-written)."""

WORKINGS = [
    (r"\b[\w-]+\.(?:csv|xlsx|ipynb|toml)\b", "a file name"),
    (r"\b[0-9a-f]{64}\b", "a SHA-256"),
    (r"\brows? \d", "a row number"),
    (r"file not found|htmss-analysis|out_dir|README", "a command or build message"),
]
"""The build's workings, which no publication prints."""


def visible(page: str, technical: bool = True) -> str:
    """The text a reader sees (no markup, styles, charts); without ``technical``, no
    technical part (``data-part="technical"``) either."""
    body = page[page.find("<body"):]
    body = re.sub(r"<(style|svg|script)\b.*?</\1>", " ", body, flags=re.S)
    if not technical:
        body = re.sub(r'<div class="htmss" data-part="technical">.*?'
                      r'(?=<div class="htmss"|</main>|</body>)', " ", body, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def workings(text: str) -> list[str]:
    # A figure key of one word ("briefings") is a word of the page's prose too.
    keys = {k for k in (*figures.REGISTRY, *figures.COUNTRY_REGISTRY, *figures.REGION_REGISTRY)
            if "_" in k}
    found = [m.group(0) for pattern, _what in WORKINGS for m in re.finditer(pattern, text)]
    return found + sorted(k for k in keys if re.search(rf"\b{re.escape(k)}\b", text))


def test_the_english_publication_carries_every_fact_of_the_edition(sample_build: Path):
    text = visible((sample_build / "highlights.html").read_text(encoding="utf-8"))
    missing = [fact for fact in FACTS if fact not in text]
    assert not missing


@pytest.mark.parametrize("lang", ["", "fr/", "es/"])
def test_no_publication_prints_the_build_s_workings_its_companion_does(sample_build, lang):
    page = (sample_build / f"{lang}highlights.html").read_text(encoding="utf-8")
    assert workings(visible(page)) == []
    assert "highlights-technical.html" in page  # linked from its foot
    companion = visible((sample_build / f"{lang}highlights-technical.html").read_text(
        encoding="utf-8"))
    found = " ".join(workings(companion))
    assert "activities.csv" in found and "people_trained" in found
    assert re.search(r"\b[0-9a-f]{64}\b", found)


@pytest.mark.parametrize("name", ["GLOT59.html", "GLOACT.html", "countries/KGZ.html",
                                  "countries/ALB.html", "countries/index.html",
                                  "fr/GLOT92.html", "es/countries/KGZ.html"])
def test_no_report_prints_the_workings_outside_its_technical_part(sample_build, name):
    page = (sample_build / name).read_text(encoding="utf-8")
    assert workings(visible(page, technical=False)) == []
    assert workings(visible(page))  # its data quality and method part names them


def test_identifiers_on_technical_pages_are_code_never_words(sample_build: Path):
    page = (sample_build / "fr" / "highlights-technical.html").read_text(encoding="utf-8")
    # The data-quality table names the tables as code, in every language.
    assert '<code translate="no">activities</code>' in page
    assert '<code translate="no">participants</code>' in page
    assert not re.search(r"<td>(activities|participants)</td>", page)


def test_glo_act_works_only_in_its_thirteen_countries():
    data = h.load()
    glo_act = data.activities[data.activities["programme"].map(lambda p: "GLOACT" in p)]
    assert set(glo_act["country"].dropna()) <= {
        "BLR", "BRA", "COL", "EGY", "KGZ", "LAO", "MLI", "MAR", "NPL", "NER", "PAK", "ZAF",
        "UKR"}
    stories = data.stories.set_index("story_id")
    brazil_plan = stories[stories["title"].str.contains("third National Action Plan")]
    assert [tuple(p) for p in brazil_plan["programme"]] == [("GLOACT",)]


def test_redtram_is_in_the_2030_agenda_part_not_a_story():
    data = h.load()
    sdgs = data.narrative[data.narrative["part"] == "sdgs"]
    assert sdgs["text"].str.contains("REDTRAM").any()
    assert not data.stories["title"].str.contains("REDTRAM").any()


# --- the print edition -------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium to print with "
                                    "(.ci/run installs it: apt-get install chromium)")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", html.unescape(text))


def _cards_of(page: str) -> list[tuple[str, str]]:
    """Each card's figure and caption, as the page shows them (tags dropped)."""
    return [(re.sub(r"<[^>]+>", "", figure), re.sub(r"<[^>]+>", "", label))
            for figure, label in re.findall(
                r'<div class="card" data-key="\w+"><(?:a|span) class="figure[^"]*"[^>]*>'
                r'([^<]+)</(?:a|span)><span class="label">((?:[^<]|<span[^>]*>[^<]*</span>)*)'
                r"</span>", page)]


@needs_chromium
@pytest.mark.parametrize("lang", ["", "fr/", "es/"])
def test_the_print_edition_is_a4_numbered_and_keeps_each_card_on_one_page(sample_build, lang):
    from pypdf import PdfReader

    pdf = PdfReader(sample_build / f"{lang}highlights.pdf")
    pages = [p.extract_text() for p in pdf.pages]
    n = len(pages)
    assert n >= 5
    for i, page in enumerate(pdf.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
        assert f"{i} / {n}" in pages[i - 1]
    squeezed = [_squeezed(p) for p in pages]
    cards = _cards_of((sample_build / f"{lang}highlights.html").read_text(encoding="utf-8"))
    assert len(cards) == 11
    for figure, caption in cards:
        # The caption's page holds its figure: no card is split across two pages.
        where = [i for i, p in enumerate(squeezed) if _squeezed(caption)[:40] in p]
        assert where and _squeezed(figure) in squeezed[where[0]], (figure, caption)
    # Links print as their titles: no address of the folder it was printed in.
    raw = (sample_build / f"{lang}highlights.pdf").read_bytes()
    assert b"file://" not in raw and b"/URI" not in raw


@needs_chromium
def test_the_stock_door_prints_the_same_bytes_as_the_build(sample_build, tmp_path):
    out = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "htmss_pdf",
                          "--output-dir", str(tmp_path), str(sample_build / "highlights.ipynb")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "highlights.pdf").read_bytes() == (
        sample_build / "highlights.pdf").read_bytes()


def _french_text(page: str) -> str:
    """A French page's own text: no identifiers (code), no English marked as such."""
    body = page[page.find("<body"):]
    body = re.sub(r"<(style|svg|code)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'<(\w+)[^>]*\blang="en"[^>]*>.*?</\1>', " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("name", ["highlights", "highlights-technical", "GLOT59",
                                  "countries/KGZ", "countries/ALB"])
def test_french_pages_follow_french_typography(sample_build, name):
    text = _french_text((sample_build / "fr" / f"{name}.html").read_text(encoding="utf-8"))
    assert "'" not in text  # l’ONUDC, Côte d’Ivoire: the typographic apostrophe
    assert not re.search(r"«[^\u202f]|[^\u202f]»", text)  # « with narrow spaces »
    assert not re.search(r"[^\u202f\s][:;!?](\s|$)", text)
    assert not re.search(r"(?<![\d,.])1 (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|"
                         r"nov|déc)", text)  # the first of the month is 1er
