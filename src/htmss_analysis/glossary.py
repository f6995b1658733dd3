"""The fixed terms: the UN bodies and instruments the reports name, in every report language.

One entry per term: its official full name in each language, the short form a
page uses after the first mention (an acronym, or a shorter official form; the
full name again when there is none), and where the official forms come from.
The catalogs follow it (``tests/test_catalogs.py`` checks every message that
names a term), the report's title block introduces the Office and the Section
from it, and the sample's French and Spanish texts are written with it.

Facts only: this module imports nothing of the package but :mod:`.programmes`,
whose treaty titles it reuses, so anything may import it.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import programmes


@dataclass(frozen=True)
class Term:
    """One fixed term.

    Attributes
    ----------
    key : str
        How the code names it (``office``).
    names : dict
        The official full name in each report language.
    short : dict
        The form used after the first mention on a page, in each language: the
        acronym the UN uses in that language, or a shorter official form.
    source : str
        Where the official forms come from.
    aliases : tuple of str
        Other English forms the package's messages use (``Trafficking in Persons
        Protocol``): a message using one names the term too.
    """

    key: str
    names: dict[str, str]
    short: dict[str, str]
    source: str
    aliases: tuple[str, ...] = ()

    def english_forms(self) -> tuple[str, ...]:
        """Return every English form of the term: full name, short form, aliases."""
        return (self.names["en"], self.short["en"], *self.aliases)

    def full(self, lang: str) -> str:
        """Return the official full name in ``lang``."""
        return self.names[lang]

    def introduced(self, lang: str) -> str:
        """Return the first mention on a page: the full name, with its short form in brackets.

        A term without a short form (the short form is the full name) is its full name.
        """
        full, short = self.names[lang], self.short[lang]
        return full if short == full else f"{full} ({short})"


_UNTERM = "UNTERM (unterm.un.org), the UN's terminology database"


def _treaty(key: str, treaty: str, short: dict[str, str], alias: str) -> Term:
    return Term(key, dict(programmes.TREATIES[treaty].names), short,
                "UN Treaty Collection, chapter XVIII (the authentic texts' titles); "
                "short forms: " + _UNTERM, (alias,))


TERMS: dict[str, Term] = {t.key: t for t in (
    Term("office",
         {"en": "United Nations Office on Drugs and Crime",
          "fr": "Office des Nations Unies contre la drogue et le crime",
          "es": "Oficina de las Naciones Unidas contra la Droga y el Delito"},
         {"en": "UNODC", "fr": "ONUDC", "es": "UNODC"}, _UNTERM),
    Term("section",
         {"en": "Human Trafficking and Migrant Smuggling Section",
          "fr": "Section de la lutte contre la traite des personnes et le trafic illicite de "
                "migrants",
          "es": "Sección de Lucha contra la Trata de Personas y el Tráfico Ilícito de "
                "Migrantes"},
         {"en": "HTMSS", "fr": "HTMSS", "es": "HTMSS"},
         "UNODC's organization chart and its French and Spanish pages; the acronym is "
         "the Section's own in every language"),
    Term("commission",
         {"en": "Commission on Crime Prevention and Criminal Justice",
          "fr": "Commission pour la prévention du crime et la justice pénale",
          "es": "Comisión de Prevención del Delito y Justicia Penal"},
         {"en": "CCPCJ", "fr": "CCPCJ", "es": "CCPCJ"},
         _UNTERM + "; the acronym CCPCJ is the one UNODC's French and Spanish pages use"),
    Term("cop",
         {"en": "Conference of the Parties to the United Nations Convention against "
                "Transnational Organized Crime",
          "fr": "Conférence des Parties à la Convention des Nations Unies contre la "
                "criminalité transnationale organisée",
          "es": "Conferencia de las Partes en la Convención de las Naciones Unidas contra la "
                "Delincuencia Organizada Transnacional"},
         {"en": "UNTOC COP", "fr": "Conférence des Parties", "es": "Conferencia de las Partes"},
         _UNTERM + "; French and Spanish documents use no acronym"),
    Term("wg_tip",
         {"en": "Working Group on Trafficking in Persons",
          "fr": "Groupe de travail sur la traite des personnes",
          "es": "Grupo de Trabajo sobre la Trata de Personas"},
         {"en": "Working Group on TIP",
          "fr": "Groupe de travail sur la traite des personnes",
          "es": "Grupo de Trabajo sobre la Trata de Personas"}, _UNTERM),
    Term("wg_som",
         {"en": "Working Group on the Smuggling of Migrants",
          "fr": "Groupe de travail sur le trafic illicite de migrants",
          "es": "Grupo de Trabajo sobre el Tráfico Ilícito de Migrantes"},
         {"en": "Working Group on SOM",
          "fr": "Groupe de travail sur le trafic illicite de migrants",
          "es": "Grupo de Trabajo sobre el Tráfico Ilícito de Migrantes"}, _UNTERM),
    Term("icat",
         {"en": "Inter-Agency Coordination Group against Trafficking in Persons",
          "fr": "Groupe interinstitutions de coordination contre la traite des personnes",
          "es": "Grupo Interinstitucional de Coordinación contra la Trata de Personas"},
         {"en": "ICAT", "fr": "ICAT", "es": "ICAT"},
         _UNTERM + "; ICAT keeps its English acronym in every language"),
    Term("general_assembly",
         {"en": "General Assembly", "fr": "Assemblée générale", "es": "Asamblea General"},
         {"en": "General Assembly", "fr": "Assemblée générale", "es": "Asamblea General"},
         _UNTERM),
    Term("security_council",
         {"en": "Security Council", "fr": "Conseil de sécurité", "es": "Consejo de Seguridad"},
         {"en": "Security Council", "fr": "Conseil de sécurité", "es": "Consejo de Seguridad"},
         _UNTERM),
    Term("ecosoc",
         {"en": "Economic and Social Council", "fr": "Conseil économique et social",
          "es": "Consejo Económico y Social"},
         {"en": "ECOSOC", "fr": "ECOSOC", "es": "ECOSOC"}, _UNTERM),
    _treaty("convention", "treaty_untoc",
            {"en": "UNTOC", "fr": "Convention contre la criminalité organisée",
             "es": "Convención contra la Delincuencia Organizada"},
            "UN Convention against Transnational Organized Crime"),
    _treaty("tip_protocol", "treaty_tip",
            {"en": "TIP Protocol", "fr": "Protocole relatif à la traite des personnes",
             "es": "Protocolo contra la Trata de Personas"},
            "Trafficking in Persons Protocol"),
    _treaty("som_protocol", "treaty_som",
            {"en": "SOM Protocol", "fr": "Protocole relatif au trafic illicite de migrants",
             "es": "Protocolo contra el Tráfico Ilícito de Migrantes"},
            "Smuggling of Migrants Protocol"),
)}
"""Every fixed term, by key."""

TREATY_TERMS: dict[str, str] = {"treaty_untoc": "convention", "treaty_tip": "tip_protocol",
                                "treaty_som": "som_protocol"}
"""The term of each treaty of :data:`programmes.TREATIES` (its short form is the treaty's)."""


def term(key: str) -> Term:
    """Return the term ``key`` of :data:`TERMS`."""
    return TERMS[key]


def is_acronym(form: str) -> bool:
    """Whether a short form is an acronym (``ICAT``, ``UNTOC COP``) rather than a name."""
    return form.replace(" ", "").isupper()


def abbreviations(lang: str, exclude: tuple[str, ...] = ()) -> list[Term]:
    """Return the terms abbreviated in ``lang`` (an acronym short form), by acronym.

    A page spells them out before using them; ``exclude`` leaves out those the
    page introduces otherwise (the Office and the Section in its title block).
    """
    return sorted((t for t in TERMS.values() if t.key not in exclude
                   and t.short[lang] != t.names[lang] and is_acronym(t.short[lang])),
                  key=lambda t: t.short[lang])


def table_markdown() -> str:
    """Write the glossary as a Markdown table (full name and short form, then the source)."""
    langs = programmes.LANGUAGES
    head = "| term | " + " | ".join(programmes.LANGUAGE_NAMES[lang] for lang in langs)
    lines = [head + " | source |", "|---" * (len(langs) + 2) + "|"]
    for t in TERMS.values():
        cells = [t.introduced(lang) for lang in langs]
        lines.append(f"| `{t.key}` | " + " | ".join(cells) + f" | {t.source} |")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Concept:
    """One concept the package's words name, with the one term each language uses for it.

    Attributes
    ----------
    key : str
        How the code names it (``capacity_building``).
    english : tuple of str
        The English forms a message names it by (the first is the term).
    terms : dict
        The one term in each other report language (a form the catalogs must use
        wherever a message names the concept, in any of its inflections).
    avoid : dict
        For each language, forms a reviser struck out (calques, near-synonyms):
        no catalog entry may use them.
    source : str
        Where the term comes from.
    """

    key: str
    english: tuple[str, ...]
    terms: dict[str, str]
    avoid: dict[str, tuple[str, ...]]
    source: str


CONCEPTS: dict[str, Concept] = {c.key: c for c in (
    Concept("capacity_building", ("capacity building", "capacity-building"),
            {"fr": "renforcement des capacités", "es": "fomento de la capacidad"},
            {"fr": ("renforcement de capacité",), "es": ("creación de capacidad",
                                                         "la fomento")},
            "UNTERM (unterm.un.org): capacity-building; the Spanish noun is masculine"),
    Concept("on_track", ("on track",), {"fr": "en bonne voie", "es": "en vías de cumplimiento"},
            {"es": ("en curso",)}, "UNDP results-based management terms in French and Spanish"),
    Concept("session", ("session",), {"fr": "session", "es": "período de sesiones"},
            {},
            "UNTERM: a session of an intergovernmental body (a report of a Working Group's "
            "meeting keeps the document's own title)"),
    Concept("thematic_paper", ("Thematic Paper",), {"fr": "document thématique",
                                                   "es": "documento temático"},
            {}, "UNODC's French and Spanish publication pages"),
    Concept("issue_paper", ("Issue Paper",), {"fr": "document de synthèse",
                                             "es": "documento de debate"},
            {}, "UNODC's French and Spanish publication pages: one term for the Issue Papers, "
                "never the Thematic Paper's"),
    Concept("issue_brief", ("Issue Brief",), {"fr": "note de synthèse", "es": "nota informativa"},
            {}, "ICAT's French and Spanish pages: one term for the ICAT Issue Briefs"),
    Concept("web_address", ("URL", "web address"), {"fr": "adresse web", "es": "dirección web"},
            {"fr": ("de leurs adresses",), "es": ("de sus direcciones",)},
            "UNTERM: uniform resource locator (URL)"),
)}
"""The concepts the package's words name, one term per language (``docs/glossary.md``)."""


def concepts_markdown() -> str:
    """Return the concepts as a Markdown table: key, English, French, Spanish, source."""
    rows = ["| concept | English | French | Spanish | struck out | source |",
            "|---|---|---|---|---|---|"]
    for c in CONCEPTS.values():
        struck = "; ".join(f"{lang}: {', '.join(forms)}" for lang, forms in c.avoid.items()
                           if forms)
        rows.append(f"| `{c.key}` | {' / '.join(c.english)} | {c.terms['fr']} | "
                    f"{c.terms['es']} | {struck or '–'} | {c.source} |")
    return "\n".join(rows)
