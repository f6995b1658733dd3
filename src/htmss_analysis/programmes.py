"""The one place that knows HTMSS's global programmes.

Code, label as publications write it, full name, themes, the treaties of
those themes and the case database each programme feeds. Nothing else in the
package spells a programme code, label or default.
"""

from __future__ import annotations

from dataclasses import dataclass

from .languages import N_

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
        What the programme does, in one or two sentences.
    """

    code: str
    label: str
    name: str
    themes: tuple[str, ...]
    treaties: tuple[str, ...]
    case_database: str | None
    description: str = ""


PROGRAMMES: dict[str, Programme] = {
    p.code: p
    for p in (
        Programme("GLOT59", "GLOT59", "Global Programme against Trafficking in Persons",
                  ("TIP",), ("treaty_tip",), "TIP",
                  N_("Supports Member States in implementing the Trafficking in Persons "
                     "Protocol: legislative assistance, capacity building of criminal justice "
                     "practitioners, the identification and protection of victims, and UNODC's "
                     "case law database on trafficking in persons.")),
        Programme("GLOT92", "GLOT92", "Global Programme against the Smuggling of Migrants",
                  ("SOM",), ("treaty_som",), "SOM",
                  N_("Supports Member States in implementing the Smuggling of Migrants "
                     "Protocol: legislative assistance, capacity building to investigate and "
                     "prosecute smuggling networks while protecting the rights of smuggled "
                     "migrants, and UNODC's case law database on migrant smuggling.")),
        Programme("GLOACT", "GLO.ACT", "Global Action to Prevent and Address Trafficking in "
                  "Persons and the Smuggling of Migrants", ("TIP", "SOM"),
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
    """Return a programme's full name, or the section's."""
    return PROGRAMMES[code].name if code else SECTION_NAME


def labels(codes: tuple[str, ...]) -> str:
    """Write programme codes as publications do; none means the section as a whole."""
    return ", ".join(PROGRAMMES[c].label for c in codes) if codes else SECTION


def case_programme(database: str) -> str | None:
    """Return the programme a case of ``database`` belongs to when its row names none."""
    return next((p.code for p in PROGRAMMES.values() if p.case_database == database), None)
