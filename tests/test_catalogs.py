"""The package's words in French and Spanish: complete catalogs, and reports that use them.

Expected values are written out by hand: the French and Spanish of the
messages, and how each language writes numbers and dates.
"""

from __future__ import annotations

import re
import string
from datetime import date

import pandas as pd
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import LANGS, ROOT, build_cli
from htmss_analysis import build, frames, glossary, languages, programmes
from htmss_analysis import report as s
from htmss_analysis.report import brief as b
from htmss_analysis.report import collect, html, workbook
from test_display import SECTIONS

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


@pytest.fixture(scope="module")
def extracted() -> set[str | tuple[str, str]]:
    """Every message of the code, extracted by Babel as ``make messages`` does."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / "src" / "htmss_analysis", [("**.py", "python")], keywords=KEYWORDS):
        found.add(message)
    return found


@pytest.fixture(scope="module", params=["fr", "es"])
def catalog(request):
    with languages.catalog_path(request.param).open("rb") as f:
        return read_po(f, locale=request.param)


def _id(message) -> str | tuple[str, str]:
    return message.id if isinstance(message.id, str) else tuple(message.id)


def test_every_message_of_the_code_has_a_translation(extracted, catalog):
    ids = {_id(m) for m in catalog if m.id}
    missing = sorted(map(str, extracted - ids))
    assert not missing, f"{catalog.locale}: no entry for {missing[:10]} (run make messages)"
    untranslated = [m.id for m in catalog if m.id and (
        "fuzzy" in m.flags or not all(m.string if isinstance(m.string, tuple)
                                      else [m.string]))]
    assert not untranslated, f"{catalog.locale}: not translated: {untranslated[:10]}"


# Words a language writes as English does. Every other entry whose translation is its
# English source is a copy, not a translation, and fails.
SAME_AS_ENGLISH = {
    "fr": {
        # codes and technical names, the same in every language
        "iso3", "sha256", "{source}: {file}.", "; ",
        # French words spelled as the English ones (Le Robert; UNTERM for the treaty terms)
        "Programmes", "Publications", "Web", "code", "instrument", "modules", "national",
        "parties", "post-test", "programme", "programmes", "publication", "publications",
        "ratification", "score (0-100)", "sessions", "signature", "succession", "table",
        "tables", "type", "version",
    },
    "es": {
        "iso3", "sha256", "{source}: {file}.", "; ", "{who} {year}: {subtitle}",
        "{label}: {text}",
        # Spanish words spelled as the English ones (DLE)
        "Web", "no", "regional",
    },
}


def test_a_copy_of_the_english_is_no_translation(catalog):
    copies = [m.id for m in catalog if isinstance(m.id, str) and m.id and m.string == m.id
              and m.id not in SAME_AS_ENGLISH[str(catalog.locale)]]
    plural_copies = [m.id for m in catalog if isinstance(m.id, tuple)
                     and list(m.string) == list(m.id)]
    assert not copies and not plural_copies, f"{catalog.locale}: copied {copies + plural_copies}"


def test_french_punctuation_takes_a_narrow_no_break_space():
    """Before « : ; ! ? » and inside guillemets, as French typesetting (and the UN) has it."""
    with languages.catalog_path("fr").open("rb") as f:
        catalog = read_po(f, locale="fr")
    for m in catalog:
        for text in (m.string if isinstance(m.string, tuple) else [m.string]) if m.id else []:
            plain = re.sub(r"\{[^}]*\}", "{}", text)  # placeholders' own syntax aside
            assert not re.search(r"[^\u202f][:;!?](\s|$)", plain), (m.id, text)
            assert not re.search(r"«[^\u202f]|[^\u202f]»", plain), (m.id, text)


def test_the_copy_test_bites():
    from babel.messages.catalog import Catalog

    copied = Catalog(locale="fr")
    copied.add("People trained", "People trained")
    with pytest.raises(AssertionError, match="People trained"):
        test_a_copy_of_the_english_is_no_translation(copied)


def test_no_catalog_keeps_a_message_the_code_no_longer_uses(extracted, catalog):
    unused = sorted(map(str, {_id(m) for m in catalog if m.id} - extracted))
    assert not unused, f"{catalog.locale}: unused entries {unused[:10]} (run make messages)"


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_translations_keep_every_placeholder(catalog):
    for m in catalog:
        if not m.id:
            continue
        wanted = _fields(m.id if isinstance(m.id, str) else m.id[1])
        for text in (m.string if isinstance(m.string, tuple) else [m.string]):
            assert _fields(text) == wanted, (catalog.locale, m.id, text)


def test_a_catalog_is_compiled_from_its_source_and_translates():
    with languages.using("fr"):
        assert languages._("People trained") == "Personnes formées"
        assert languages.ngettext("{n} warning", "{n} warnings", 2) == "{n} avertissements"
        assert languages.ngettext("{n} warning", "{n} warnings", 1) == "{n} avertissement"
    with languages.using("es"):
        assert languages._("Method annex") == "Anexo metodológico"
    # outside a report, and after one, the package writes English
    assert languages.current() == "en" and languages._("People trained") == "People trained"


# --- numbers, dates, headers in the report's language -------------------------------------


def test_changes_and_columns_are_written_as_the_language_writes_numbers():
    values = pd.Series([1234567.5, 2.0])  # one decimal for the whole column
    with languages.using("fr"):
        assert frames.signed(97326) == "+97\u202f326"
        assert frames.signed(-5) == "\u22125"
        assert frames.number_format(values)(1234567.5) == "1\u202f234\u202f567,5"
        assert frames.number_format(values)(2.0) == "2,0"
    with languages.using("es"):
        assert frames.signed(97326) == "+97.326"
        assert frames.number_format(values)(1234567.5) == "1.234.567,5"
    assert frames.signed(97326) == "+97,326"
    assert frames.number_format(values)(1234567.5) == "1,234,567.5"


def test_a_change_is_written_with_its_sign_and_kept_a_number_for_the_workbook():
    tables = collect.Tables()
    frame = pd.DataFrame({"figure": ["page views"], "value": [-1250], "change": [97326]})
    with languages.using("fr"), collect.recording(tables):
        markup = html.table(frame, ("value", "change"), signed=("change",))
    assert '<td class="num">+97\u202f326</td>' in markup
    assert '<td class="num">\u22121\u202f250</td>' in markup
    (noted,) = tables.sheets.values()
    assert noted.iloc[0].tolist() == ["page views", -1250, 97326]
    with languages.using("es"):
        assert "+97.326" in html.table(frame, ("value", "change"), signed=("change",))


def test_headers_dates_and_codes_in_the_report_language():
    with languages.using("fr"):
        assert html.header("web_stories") == "articles web"
        assert html.header("ISO3") == "ISO3"  # a code stays
        assert html.header("2018") == "2018"
        assert html.cell_text(pd.Timestamp("2018-03-05")) == "5 mars 2018"
        assert html.cell_text("2018-03-05") == "2018-03-05"  # a text of the data stays
        assert html.words("training_of_trainers") == "formation de formateurs"
    with languages.using("es"):
        assert html.cell_text(pd.Timestamp("2018-03-05")) == "5 mar 2018"
        assert languages.short_date(date(2003, 10, 2)) == "2 oct 2003"
    # English tables write dates as UN documents do: day, abbreviated month, year.
    assert html.cell_text(pd.Timestamp("2018-03-05")) == "5 Mar 2018"
    with languages.using("fr"):  # the first of the month is "1er" in French tables too
        assert html.cell_text(pd.Timestamp("2018-06-01")) == "1er juin 2018"
    assert languages.region_name("Western Africa", "fr") == "Afrique occidentale"


# --- the reports ask for no message the catalogs lack ---------------------------------


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_every_section_writes_in_the_report_language_with_the_same_figures(tiny_data, lang):
    languages.MISSED.clear()
    english = s.context(tiny_data, 2018, None)
    other = s.context(tiny_data, 2018, None, lang=lang)
    for name in SECTIONS:
        getattr(s, name)(other)
    s.toc("highlights", "about", "quality", ctx=other)
    brief = s.context(tiny_data, 2018, country="MEX", lang=lang)
    for name in ("figures", "activities", "people", "cases", "public", "stories", "sdgs"):
        getattr(b, name)(brief)
    b.index(s.context(tiny_data, 2018, briefs=".", lang=lang))
    assert not {m for lg, m in languages.MISSED if lg == lang}
    # only the words change
    theirs, ours = workbook.headline_rows(other), workbook.headline_rows(english)
    assert theirs["value"].tolist() == ours["value"].tolist()
    assert theirs["key"].tolist() == ours["key"].tolist()


def test_a_french_section_reads_french(tiny_data):
    ctx = s.context(tiny_data, 2018, None, lang="fr")
    people = str(s.people(ctx))
    assert "Personnes formées" in people and "People trained" not in people
    title = s.title(ctx, "highlights at a glance")
    assert title._repr_mimebundle_()[1] == {"htmss": {"title": "HTMSS 2018 faits saillants en "
                                                               "bref", "lang": "fr", "dir": "ltr"}}
    # Mexico, in French, in the list of countries assisted
    assert "Mexique" in str(s.countries(ctx))


def test_an_unknown_language_is_refused(tiny_data):
    with pytest.raises(ValueError, match="unknown language 'de'"):
        s.context(tiny_data, 2018, None, lang="de")


# --- the build writes each language beside English ------------------------------------


def test_the_build_plan_puts_each_language_in_its_folder(tmp_path):
    jobs = build.plan(None, 2018, ["GLOT59", "highlights"], tmp_path, countries=["BRA"],
                      langs=LANGS)
    where = {(j.lang, str(j.html.relative_to(tmp_path))) for j in jobs}
    assert ("en", "2018/GLOT59.html") in where
    assert ("fr", "2018/fr/GLOT59.html") in where
    assert ("es", "2018/es/countries/BRA.html") in where
    assert ("fr", "2018/fr/countries/index.html") in where
    # Per language: GLOT59, the highlights and their technical companion, BRA and the index.
    assert len(jobs) == 3 * 5
    assert ("es", "2018/es/highlights-technical.html") in where
    english = [j for j in jobs if j.lang == "en"]
    assert all("lang" not in j.parameters for j in english)  # English as it always was
    assert {j.parameters.get("lang") for j in jobs if j.lang != "en"} == {"fr", "es"}
    assert len({j.fingerprint for j in jobs}) == len(jobs)


def test_build_refuses_an_unknown_language(tmp_path):
    proc = build_cli("--lang", "fr", "de", "--out", str(tmp_path))
    assert proc.returncode == 2
    said = "error: --lang: unknown language 'de': expected one of " + ", ".join(LANGS)
    assert said in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_share_as_each_language_writes_a_percentage():
    assert languages.percent(2 / 3, "en") == "67%"
    assert languages.percent(2 / 3, "fr") == "67\u00a0%"
    assert languages.percent(0.44444, "es") == "44\u00a0%"
    # A share that rounds to nothing is 0%, never "−0%"; a real fall keeps its sign.
    assert languages.percent(-0.002, "en") == "0%"
    assert languages.percent(-0.02, "en") == "\u22122%"


def test_a_long_sheet_name_is_cut_at_a_word_never_after_a_little_one():
    # "Bases de données de | jurisprudence": 33 characters; cut before "jurisprudence",
    # then the dangling "de"
    assert collect.sheet_name("Bases de données de jurisprudence") == "Bases de données"
    assert collect.sheet_name("Activities by UN region of the country assisted or host "
                              "country, 2018") == "Activities by UN region"
    assert collect.sheet_name("Activités par cible des ODD, 2018") == "Activités par cible des ODD"


def test_warnings_read_in_the_report_language_and_in_english_on_the_command_line(tiny_data):
    from htmss_analysis.problems import grouped, warning

    # p3 of the hand-made attendance has neither sex nor nationality
    unknown = [w for w in tiny_data.warnings if w.column == "sex"]
    assert unknown and str(unknown[0]).endswith("attendance rows with unknown sex (rows 4)")
    quality = str(s.data_quality(s.context(tiny_data, 2018, None, lang="fr")))
    assert "lignes de participation au sexe inconnu (lignes 4)" in quality
    assert "unknown sex" not in quality
    twice = [warning("a.csv", r, "post_test", "3", "post-test below its pre-test score {score}",
                     score=5) for r in (2, 3, 4)]
    with languages.using("es"):
        first, rest = grouped(twice, shown=1)
    # a message with a number stands for its like
    assert rest == ["warning: y 2 más en a.csv, columna post_test: prueba posterior inferior "
                    "a su puntuación de prueba previa 5 (y similares)"]
    assert grouped(twice, shown=1)[1] == ["warning: and 2 more in a.csv, column post_test: "
                                          "post-test below its pre-test score 5 (and the like)"]


def test_every_coded_value_a_report_shows_has_a_translation(catalog):
    from htmss_analysis.data import schema

    ids = {_id(m) for m in catalog if m.id}
    codes = {*schema.ACTIVITY_TYPES, *schema.GROUPS, *schema.SEXES,
             *schema.PUBLICATION_CATEGORIES, *schema.ENGAGEMENT_KINDS,
             "national", "regional", "global", "organized", "contributed"}
    missing = sorted(c for c in codes if c.replace("_", " ") not in ids)
    assert not missing, f"{catalog.locale}: no words for {missing} (report/html.py VOCABULARY)"


# --- the fixed terms: the catalogs follow the glossary --------------------------------------


def _names(text: str, form: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text) is not None


def _glossary_slips(catalog) -> list[tuple[str, str, str]]:
    """Return (term, message, translation) wherever a translation does not follow the glossary.

    A message that names a term (its English full name or short form) must name it in
    the catalog's language as the glossary does, and no translation may carry the form
    of another language (``UNODC`` on a French page, an invented acronym for a term).
    """
    lang = str(catalog.locale)
    slips = []
    for m in catalog:
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        for t in glossary.TERMS.values():
            own = {t.names[lang], t.short[lang]}
            named = any(_names(i, form) for i in ids for form in t.english_forms())
            foreign = {form for other in programmes.LANGUAGES if other != lang
                       for form in (t.names[other], t.short[other])
                       if form not in own and not any(form in o for o in own)}
            for text in strings:
                if named and not any(o in text for o in own):
                    slips.append((t.key, str(m.id), text))
                slips += [(t.key, str(m.id), text) for form in foreign if _names(text, form)]
    return slips


def test_the_catalogs_name_bodies_and_treaties_as_the_glossary_does(catalog):
    slips = _glossary_slips(catalog)
    assert not slips, f"{catalog.locale}: {slips[:5]}"


def test_the_glossary_test_bites():
    from babel.messages.catalog import Catalog

    slipped = Catalog(locale="es")
    slipped.add("Sessions of the CCPCJ.", "Períodos de sesiones de la CPDJP.")
    slipped.add("UNODC's tools.", "Herramientas de la ONUDC.")
    assert {(key, text) for key, _m, text in _glossary_slips(slipped)} == {
        ("commission", "Períodos de sesiones de la CPDJP."),
        ("office", "Herramientas de la ONUDC.")}


@pytest.mark.parametrize("lang", LANGS)
def test_a_treaty_s_short_name_is_the_glossary_s(lang):
    with languages.using(lang):
        for key, treaty in programmes.TREATIES.items():
            assert languages._(treaty.short) == glossary.term(
                glossary.TREATY_TERMS[key]).short[lang]


def test_a_page_introduces_the_office_and_the_section_by_their_full_names(tiny_data):
    page = str(s.title(s.context(tiny_data, 2018, None, lang="fr")))
    assert ("Office des Nations Unies contre la drogue et le crime (ONUDC) · Section de la "
            "lutte contre la traite des personnes et le trafic illicite de migrants "
            "(HTMSS)") in page


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_sections_share_a_label_in_the_table_of_contents(lang):
    from htmss_analysis.report.publication import SECTION_LABELS

    with languages.using(lang):
        labels = [languages._(label) for label in SECTION_LABELS.values()]
    assert len(set(labels)) == len(labels), sorted(labels)


def test_french_writes_the_typographic_apostrophe():
    """L’ONUDC, not L'ONUDC: a reviser's first correction on every page."""
    with languages.catalog_path("fr").open("rb") as f:
        catalog = read_po(f, locale="fr")
    straight = [m.id for m in catalog if m.id for text in
                (m.string if isinstance(m.string, tuple) else [m.string]) if "'" in text]
    assert not straight, straight[:5]


def _concept_faults(catalog, lang: str) -> list[tuple[str, str]]:
    """Each entry naming a concept without its term, and each form struck out it uses."""
    from htmss_analysis import glossary

    wrong = []
    for m in catalog:
        if not m.id:
            continue
        english = " ".join(m.id) if isinstance(m.id, tuple) else m.id
        said = " ".join(m.string) if isinstance(m.string, tuple) else m.string
        for concept in glossary.CONCEPTS.values():
            named = any(re.search(rf"\b{re.escape(e)}\b", english, re.I)
                        for e in concept.english)
            if named and concept.terms[lang].lower() not in said.lower():
                wrong.append((concept.key, english[:60]))
            wrong += [(concept.key, form) for form in concept.avoid.get(lang, ())
                      if form.lower() in said.lower()]
    return wrong


@pytest.mark.parametrize("lang", LANGS[1:])
def test_one_term_per_concept_in_every_catalog_entry(lang):
    """A message naming a concept uses its glossary term; none uses a form struck out."""
    with languages.catalog_path(lang).open("rb") as f:
        assert _concept_faults(read_po(f, locale=lang), lang) == []


def test_the_concept_test_bites():
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="es")
    catalog.add("Capacity building in the country", "Creación de capacidad en el país")
    catalog.add("on track (50-99%)", "en curso (50-99 %)")
    assert _concept_faults(catalog, "es") == [
        ("capacity_building", "Capacity building in the country"),
        ("capacity_building", "creación de capacidad"),
        ("on_track", "on track (50-99%)"), ("on_track", "en curso")]
