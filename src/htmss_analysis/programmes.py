"""The one place that knows HTMSS's global programmes, its treaties and its languages.

Code, label as publications write it, full name in every report language,
themes, the treaties of those themes and the case database each programme
feeds; the three treaties with their official titles in every language; the
report languages. Nothing else in the package spells a programme code, label,
treaty key or language.

Facts only: this module imports nothing of the package but the translation
mark, so anything may import it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .marks import N_


@dataclass(frozen=True)
class Language:
    """One report language: everything the package needs to write in it.

    Attributes
    ----------
    code : str
        ISO 639-1 code (``fr``): the folder, the catalog and ``<html lang>``.
    english : str
        Its name in English, for help texts and parameter comments.
    direction : str
        ``ltr`` or ``rtl``: ``<html dir>``; the styles use logical properties
        (``margin-inline-start``), so a right-to-left page mirrors itself.
    unterm : str
        The column of the bundled country table holding the UN's official
        short names in it (UNTERM); empty: the table's M49 English names.
    locale : str
        The Babel (CLDR) locale of its numbers, dates and names, and of its
        name in itself (``Français``).
    """

    code: str
    english: str
    direction: str = "ltr"
    unterm: str = ""
    locale: str = ""


LANGUAGE_RECORDS: dict[str, Language] = {lang.code: lang for lang in (
    Language("en", "English", locale="en"),
    Language("fr", "French", unterm="French Short", locale="fr"),
    Language("es", "Spanish", unterm="Spanish Short", locale="es"),
)}
"""The report languages, English first (the default), declared once.

A right-to-left language (Arabic, say) is one record here, its catalog and its
texts: ``Language("ar", "Arabic", "rtl", "Arabic Short", "ar")``.
"""

LANGUAGES: tuple[str, ...] = tuple(LANGUAGE_RECORDS)
"""The report languages' codes, English first. Everything that lists them reads this."""

LANGUAGE_NAMES: dict[str, str] = {code: lang.english for code, lang in LANGUAGE_RECORDS.items()}
"""Each report language's name in English, for help texts and parameter comments."""

SECTION = "HTMSS"
"""How the section as a whole is labelled where a programme label would stand."""

SECTION_NAME = N_("Human Trafficking and Migrant Smuggling Section")
"""The section's full name."""

SECTION_DESCRIPTION = N_(
    "UNODC's Human Trafficking and Migrant Smuggling Section (HTMSS) is a source of global "
    "expertise in responding to trafficking in persons (TIP), smuggling of migrants (SOM) and "
    "related crimes. Its three global programmes are the main vehicles of its work: they are "
    "implemented in close cooperation with UNODC field offices and provide seed funding and "
    "expertise for the development of large programmes against TIP and SOM delivered by the "
    "field.")
"""What the section does, as its highlights introduce it."""

ALL = "all"
"""The programme argument that means the section as a whole."""


@dataclass(frozen=True)
class Programme:
    """One global programme.

    Attributes
    ----------
    code : str
        The code used in the data (``GLOACT``, never ``GLO.ACT``).
    label : str
        The code as publications write it (``GLO.ACT``).
    name : str
        The programme's full name.
    themes : tuple of str
        ``TIP`` and/or ``SOM``.
    treaties : tuple of str
        Public-source keys of the Protocols of its themes.
    case_database : str or None
        The case law database whose cases default to this programme.
    description : str
        What the programme does, in one or two sentences (a message, translated
        by the catalogs).
    names : dict
        The official full name in each report language, by language code (the
        shape every name by language takes: treaties and glossary terms too).
    """

    code: str
    label: str
    names: dict[str, str]
    themes: tuple[str, ...]
    treaties: tuple[str, ...]
    case_database: str | None
    description: str = ""

    @property
    def name(self) -> str:
        """The programme's full name in English."""
        return self.names["en"]


PROGRAMMES: dict[str, Programme] = {
    p.code: p
    for p in (
        Programme("GLOT59", "GLOT59",
                  {"en": "Global Programme against Trafficking in Persons",
                   "fr": "Programme mondial contre la traite des personnes",
                   "es": "Programa Mundial contra la Trata de Personas"},
                  ("TIP",), ("treaty_tip",), "TIP",
                  N_("Supports Member States in implementing the Trafficking in Persons "
                     "Protocol: legislative assistance, capacity building of criminal justice "
                     "practitioners, the identification and protection of victims, and UNODC's "
                     "case law database on trafficking in persons.")),
        Programme("GLOT92", "GLOT92",
                  {"en": "Global Programme against the Smuggling of Migrants",
                   "fr": "Programme mondial contre le trafic illicite de migrants",
                   "es": "Programa Mundial contra el Tráfico Ilícito de Migrantes"},
                  ("SOM",), ("treaty_som",), "SOM",
                  N_("Supports Member States in implementing the Smuggling of Migrants "
                     "Protocol: legislative assistance, capacity building to investigate and "
                     "prosecute smuggling networks while protecting the rights of smuggled "
                     "migrants, and UNODC's case law database on migrant smuggling.")),
        Programme("GLOACT", "GLO.ACT",
                  {"en": "Global Action to Prevent and Address Trafficking in Persons and the "
                         "Smuggling of Migrants",
                   "fr": "Action mondiale pour prévenir et combattre la traite des personnes et "
                         "le trafic illicite de migrants",
                   "es": "Acción Mundial para Prevenir y Combatir la Trata de Personas y el "
                         "Tráfico Ilícito de Migrantes"},
                  ("TIP", "SOM"),
                  ("treaty_tip", "treaty_som"), None,
                  N_("A joint action of the European Union and UNODC that works with selected "
                     "countries on both crimes, from strategy and policy to criminal justice "
                     "responses and assistance to victims.")),
    )
}
"""Every programme, by code, in the order the highlights list them."""

CODES: tuple[str, ...] = tuple(PROGRAMMES)
"""The programme codes, in order."""

EXPECTED = "GLOT59, GLOT92 or GLOACT (GLO.ACT)"
"""The accepted codes, as messages write them."""


def parse_programme(text: str) -> str:
    """Return the code of a programme written as in the data or in publications.

    Raises
    ------
    ValueError
        For anything that is not a programme code.
    """
    code = str(text).strip().upper().replace(".", "")
    if code not in PROGRAMMES:
        raise ValueError(f"unknown programme {text!r}: expected {EXPECTED}")
    return code


def programme_code(programme: str | None) -> str | None:
    """Normalise a programme argument: ``None``/``"all"`` -> ``None``, ``GLO.ACT`` -> ``GLOACT``.

    Raises
    ------
    ValueError
        For an unknown programme code.
    """
    if programme is None or str(programme).strip().lower() in (ALL, ""):
        return None
    return parse_programme(programme)


def label(code: str | None) -> str:
    """Return a programme's label (``GLO.ACT``), or ``HTMSS`` for the section."""
    return PROGRAMMES[code].label if code else SECTION


def full_name(code: str | None) -> str:
    """Return a programme's full name in English, or the section's (a message)."""
    return PROGRAMMES[code].name if code else SECTION_NAME


def name(code: str, lang: str = "en") -> str:
    """Return a programme's official full name in ``lang`` (a code of :data:`LANGUAGES`)."""
    return PROGRAMMES[code].names[lang]


def labels(codes: tuple[str, ...]) -> str:
    """Write programme codes as publications do; none means the section as a whole."""
    ordered = sorted(codes, key=CODES.index)  # as the highlights list them, not by spelling
    return ", ".join(PROGRAMMES[c].label for c in ordered) if codes else SECTION


def case_programme(database: str) -> str | None:
    """Return the programme a case of ``database`` belongs to when its row names none."""
    return next((p.code for p in PROGRAMMES.values() if p.case_database == database), None)


# --- the treaties ----------------------------------------------------------------------


@dataclass(frozen=True)
class Treaty:
    """One of the three instruments whose status the reports give.

    Attributes
    ----------
    key : str
        The public-source key of its status file (``treaty_tip``).
    chapter : str
        Its number in the UN Treaty Collection (``XVIII-12-a``).
    short : str
        Its short name in the reports' tables (a message: ``TIP Protocol``).
    status : str
        What its status file is, as messages name it (a message).
    names : dict
        Its official title in each report language.
    """

    key: str
    chapter: str
    short: str
    status: str
    names: dict[str, str]


TREATIES: dict[str, Treaty] = {
    t.key: t
    for t in (
        Treaty("treaty_tip", "XVIII-12-a", N_("TIP Protocol"),
               N_("Trafficking in Persons Protocol status (XVIII-12-a)"),
               {"en": "Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
                      "Especially Women and Children",
                "fr": "Protocole visant à prévenir, réprimer et punir la traite des personnes, "
                      "en particulier des femmes et des enfants",
                "es": "Protocolo para prevenir, reprimir y sancionar la trata de personas, "
                      "especialmente mujeres y niños"}),
        Treaty("treaty_som", "XVIII-12-b", N_("SOM Protocol"),
               N_("Smuggling of Migrants Protocol status (XVIII-12-b)"),
               {"en": "Protocol against the Smuggling of Migrants by Land, Sea and Air",
                "fr": "Protocole contre le trafic illicite de migrants par terre, air et mer",
                "es": "Protocolo contra el tráfico ilícito de migrantes por tierra, mar y "
                      "aire"}),
        Treaty("treaty_untoc", "XVIII-12", N_("UNTOC"),
               N_("UN Convention against Transnational Organized Crime status (XVIII-12)"),
               {"en": "United Nations Convention against Transnational Organized Crime",
                "fr": "Convention des Nations Unies contre la criminalité transnationale "
                      "organisée",
                "es": "Convención de las Naciones Unidas contra la Delincuencia Organizada "
                      "Transnacional"}),
    )
}
"""The Protocols and the Convention, by public-source key, in the order reports list them."""


def treaty_name(key: str, lang: str = "en") -> str:
    """Return a treaty's official title in ``lang``."""
    return TREATIES[key].names[lang]
