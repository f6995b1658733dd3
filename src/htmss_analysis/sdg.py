"""The 169 official targets of the Sustainable Development Goals (A/RES/71/313)."""

from __future__ import annotations

from .languages import _

# Goal -> (number of numbered targets, number of lettered means-of-implementation
# targets); e.g. Goal 3 has 3.1-3.9 and 3.a-3.d.
_SHAPE: dict[int, tuple[int, int]] = {
    1: (5, 2), 2: (5, 3), 3: (9, 4), 4: (7, 3), 5: (6, 3), 6: (6, 2), 7: (3, 2),
    8: (10, 2), 9: (5, 3), 10: (7, 3), 11: (7, 3), 12: (8, 3), 13: (3, 2),
    14: (7, 3), 15: (9, 3), 16: (10, 2), 17: (19, 0),
}  # fmt: skip

TARGETS: tuple[str, ...] = tuple(
    f"{goal}.{t}"
    for goal, (numbered, lettered) in _SHAPE.items()
    for t in [*range(1, numbered + 1), *"abcd"[:lettered]]
)
"""Every official SDG target code, in the UN's order."""

GOALS: dict[int, str] = {
    1: "End poverty in all its forms everywhere",
    2: "End hunger, achieve food security and improved nutrition and promote sustainable "
       "agriculture",
    3: "Ensure healthy lives and promote well-being for all at all ages",
    4: "Ensure inclusive and equitable quality education and promote lifelong learning "
       "opportunities for all",
    5: "Achieve gender equality and empower all women and girls",
    6: "Ensure availability and sustainable management of water and sanitation for all",
    7: "Ensure access to affordable, reliable, sustainable and modern energy for all",
    8: "Promote sustained, inclusive and sustainable economic growth, full and productive "
       "employment and decent work for all",
    9: "Build resilient infrastructure, promote inclusive and sustainable industrialization "
       "and foster innovation",
    10: "Reduce inequality within and among countries",
    11: "Make cities and human settlements inclusive, safe, resilient and sustainable",
    12: "Ensure sustainable consumption and production patterns",
    13: "Take urgent action to combat climate change and its impacts",
    14: "Conserve and sustainably use the oceans, seas and marine resources for sustainable "
        "development",
    15: "Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably "
        "manage forests, combat desertification, and halt and reverse land degradation and "
        "halt biodiversity loss",
    16: "Promote peaceful and inclusive societies for sustainable development, provide access "
        "to justice for all and build effective, accountable and inclusive institutions at "
        "all levels",
    17: "Strengthen the means of implementation and revitalize the Global Partnership for "
        "Sustainable Development",
}
"""The official title of each goal (A/RES/71/313)."""

# The official wording (A/RES/71/313) of the targets in the section's mandate: the six
# the 2018 highlights name, and those UNODC links its work against trafficking and
# smuggling to. Any other target is described by its goal (``describe``).
TITLES: dict[str, str] = {
    "4.7": "By 2030, ensure that all learners acquire the knowledge and skills needed to "
           "promote sustainable development, including, among others, through education "
           "for sustainable development and sustainable lifestyles, human rights, gender "
           "equality, promotion of a culture of peace and non-violence, global citizenship "
           "and appreciation of cultural diversity and of culture's contribution to "
           "sustainable development",
    "5.1": "End all forms of discrimination against all women and girls everywhere",
    "5.2": "Eliminate all forms of violence against all women and girls in the public and "
           "private spheres, including trafficking and sexual and other types of "
           "exploitation",
    "5.3": "Eliminate all harmful practices, such as child, early and forced marriage and "
           "female genital mutilation",
    "8.7": "Take immediate and effective measures to eradicate forced labour, end modern "
           "slavery and human trafficking and secure the prohibition and elimination of the "
           "worst forms of child labour, including recruitment and use of child soldiers, "
           "and by 2025 end child labour in all its forms",
    "8.8": "Protect labour rights and promote safe and secure working environments for all "
           "workers, including migrant workers, in particular women migrants, and those in "
           "precarious employment",
    "10.7": "Facilitate orderly, safe, regular and responsible migration and mobility of "
            "people, including through the implementation of planned and well-managed "
            "migration policies",
    "16.1": "Significantly reduce all forms of violence and related death rates everywhere",
    "16.2": "End abuse, exploitation, trafficking and all forms of violence against and "
            "torture of children",
    "16.3": "Promote the rule of law at the national and international levels and ensure "
            "equal access to justice for all",
    "16.4": "By 2030, significantly reduce illicit financial and arms flows, strengthen the "
            "recovery and return of stolen assets and combat all forms of organized crime",
    "16.9": "By 2030, provide legal identity for all, including birth registration",
    "16.a": "Strengthen relevant national institutions, including through international "
            "cooperation, for building capacity at all levels, in particular in developing "
            "countries, to prevent violence and combat terrorism and crime",
    "16.b": "Promote and enforce non-discriminatory laws and policies for sustainable "
            "development",
    "17.9": "Enhance international support for implementing effective and targeted "
            "capacity-building in developing countries to support national plans to "
            "implement all the Sustainable Development Goals, including through "
            "North-South, South-South and triangular cooperation",
    "17.16": "Enhance the Global Partnership for Sustainable Development, complemented by "
             "multi-stakeholder partnerships that mobilize and share knowledge, expertise, "
             "technology and financial resources, to support the achievement of the "
             "Sustainable Development Goals in all countries, in particular developing "
             "countries",
    "17.17": "Encourage and promote effective public, public-private and civil society "
             "partnerships, building on the experience and resourcing strategies of "
             "partnerships",
    "17.18": "By 2020, enhance capacity-building support to developing countries, including "
             "for least developed countries and small island developing States, to increase "
             "significantly the availability of high-quality, timely and reliable data "
             "disaggregated by income, gender, age, race, ethnicity, migratory status, "
             "disability, geographic location and other characteristics relevant in "
             "national contexts",
}
"""The official wording of the targets in the section's mandate."""


def goal(code: str) -> int:
    """Return the goal number of a target code (``"16.a"`` -> 16)."""
    return int(code.split(".")[0])


def describe(code: str) -> str:
    """Return the official wording of a target, or its goal's for a target not bundled.

    Parameters
    ----------
    code : str
        A canonical target code (see ``parse_target``).
    """
    if code in TITLES:
        return TITLES[code]
    # The goal's title stays in English, as the targets' do (said in the method annex).
    return _("A target of Goal {goal}: {title}").format(goal=goal(code), title=GOALS[goal(code)])


def parse_target(text: str) -> str:
    """Return the canonical code of an SDG target, or raise ``ValueError``.

    Parameters
    ----------
    text : str
        A target code such as ``"16.2"`` or ``"3.B"`` (case and spaces ignored).
    """
    code = text.strip().lower()
    if code not in _TARGET_SET:
        raise ValueError(text)
    return code


_TARGET_SET = frozenset(TARGETS)
