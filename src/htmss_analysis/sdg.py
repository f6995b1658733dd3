"""The 169 official targets of the Sustainable Development Goals (A/RES/71/313)."""

from __future__ import annotations

from .languages import _, current, typeset

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

GOALS: dict[int, dict[str, str]] = {
    1: {
        "en": "End poverty in all its forms everywhere",
        "fr": "Éliminer la pauvreté sous toutes ses formes et partout dans le monde",
        "es": "Poner fin a la pobreza en todas sus formas en todo el mundo",
    },
    2: {
        "en": "End hunger, achieve food security and improved nutrition and promote sustainable "
              "agriculture",
        "fr": "Éliminer la faim, assurer la sécurité alimentaire, améliorer la nutrition et "
              "promouvoir l'agriculture durable",
        "es": "Poner fin al hambre, lograr la seguridad alimentaria y la mejora de la nutrición y "
              "promover la agricultura sostenible",
    },
    3: {
        "en": "Ensure healthy lives and promote well-being for all at all ages",
        "fr": "Permettre à tous de vivre en bonne santé et promouvoir le bien-être de tous à tout "
              "âge",
        "es": "Garantizar una vida sana y promover el bienestar de todos a todas las edades",
    },
    4: {
        "en": "Ensure inclusive and equitable quality education and promote lifelong learning "
              "opportunities for all",
        "fr": "Assurer l'accès de tous à une éducation de qualité, sur un pied d'égalité, et "
              "promouvoir les possibilités d'apprentissage tout au long de la vie",
        "es": "Garantizar una educación inclusiva y equitativa de calidad y promover "
              "oportunidades de aprendizaje permanente para todos",
    },
    5: {
        "en": "Achieve gender equality and empower all women and girls",
        "fr": "Parvenir à l'égalité des sexes et autonomiser toutes les femmes et les filles",
        "es": "Lograr la igualdad de género y empoderar a todas las mujeres y las niñas",
    },
    6: {
        "en": "Ensure availability and sustainable management of water and sanitation for all",
        "fr": "Garantir l'accès de tous à l'eau et à l'assainissement et assurer une gestion "
              "durable des ressources en eau",
        "es": "Garantizar la disponibilidad y la gestión sostenible del agua y el saneamiento "
              "para todos",
    },
    7: {
        "en": "Ensure access to affordable, reliable, sustainable and modern energy for all",
        "fr": "Garantir l'accès de tous à des services énergétiques fiables, durables et "
              "modernes, à un coût abordable",
        "es": "Garantizar el acceso a una energía asequible, segura, sostenible y moderna para "
              "todos",
    },
    8: {
        "en": "Promote sustained, inclusive and sustainable economic growth, full and productive "
              "employment and decent work for all",
        "fr": "Promouvoir une croissance économique soutenue, partagée et durable, le plein "
              "emploi productif et un travail décent pour tous",
        "es": "Promover el crecimiento económico sostenido, inclusivo y sostenible, el empleo "
              "pleno y productivo y el trabajo decente para todos",
    },
    9: {
        "en": "Build resilient infrastructure, promote inclusive and sustainable "
              "industrialization and foster innovation",
        "fr": "Bâtir une infrastructure résiliente, promouvoir une industrialisation durable qui "
              "profite à tous et encourager l'innovation",
        "es": "Construir infraestructuras resilientes, promover la industrialización inclusiva y "
              "sostenible y fomentar la innovación",
    },
    10: {
        "en": "Reduce inequality within and among countries",
        "fr": "Réduire les inégalités dans les pays et d'un pays à l'autre",
        "es": "Reducir la desigualdad en los países y entre ellos",
    },
    11: {
        "en": "Make cities and human settlements inclusive, safe, resilient and sustainable",
        "fr": "Faire en sorte que les villes et les établissements humains soient ouverts à tous, "
              "sûrs, résilients et durables",
        "es": "Lograr que las ciudades y los asentamientos humanos sean inclusivos, seguros, "
              "resilientes y sostenibles",
    },
    12: {
        "en": "Ensure sustainable consumption and production patterns",
        "fr": "Établir des modes de consommation et de production durables",
        "es": "Garantizar modalidades de consumo y producción sostenibles",
    },
    13: {
        "en": "Take urgent action to combat climate change and its impacts",
        "fr": "Prendre d'urgence des mesures pour lutter contre les changements climatiques et "
              "leurs répercussions",
        "es": "Adoptar medidas urgentes para combatir el cambio climático y sus efectos",
    },
    14: {
        "en": "Conserve and sustainably use the oceans, seas and marine resources for sustainable "
              "development",
        "fr": "Conserver et exploiter de manière durable les océans, les mers et les ressources "
              "marines aux fins du développement durable",
        "es": "Conservar y utilizar sosteniblemente los océanos, los mares y los recursos marinos "
              "para el desarrollo sostenible",
    },
    15: {
        "en": "Protect, restore and promote sustainable use of terrestrial ecosystems, "
              "sustainably manage forests, combat desertification, and halt and reverse land "
              "degradation and halt biodiversity loss",
        "fr": "Préserver et restaurer les écosystèmes terrestres, en veillant à les exploiter de "
              "façon durable, gérer durablement les forêts, lutter contre la désertification, "
              "enrayer et inverser le processus de dégradation des sols et mettre fin à "
              "l'appauvrissement de la biodiversité",
        "es": "Proteger, restablecer y promover el uso sostenible de los ecosistemas terrestres, "
              "gestionar sosteniblemente los bosques, luchar contra la desertificación, detener e "
              "invertir la degradación de las tierras y detener la pérdida de biodiversidad",
    },
    16: {
        "en": "Promote peaceful and inclusive societies for sustainable development, provide "
              "access to justice for all and build effective, accountable and inclusive "
              "institutions at all levels",
        "fr": "Promouvoir l'avènement de sociétés pacifiques et inclusives aux fins du "
              "développement durable, assurer l'accès de tous à la justice et mettre en place, à "
              "tous les niveaux, des institutions efficaces, responsables et ouvertes à tous",
        "es": "Promover sociedades pacíficas e inclusivas para el desarrollo sostenible, "
              "facilitar el acceso a la justicia para todos y construir a todos los niveles "
              "instituciones eficaces e inclusivas que rindan cuentas",
    },
    17: {
        "en": "Strengthen the means of implementation and revitalize the Global Partnership for "
              "Sustainable Development",
        "fr": "Renforcer les moyens de mettre en œuvre le Partenariat mondial pour le "
              "développement durable et le revitaliser",
        "es": "Fortalecer los medios de implementación y revitalizar la Alianza Mundial para el "
              "Desarrollo Sostenible",
    },
}
"""The official title of each goal, in each report language (A/RES/71/313, A/RES/70/1)."""

# The official wording (A/RES/71/313) of the targets in the section's mandate: the six
# the 2018 highlights name, and those UNODC links its work against trafficking and
# smuggling to. Any other target is described by its goal (``describe``).
TITLES: dict[str, dict[str, str]] = {
    "4.7": {
        "en": "By 2030, ensure that all learners acquire the knowledge and skills needed to "
              "promote sustainable development, including, among others, through education for "
              "sustainable development and sustainable lifestyles, human rights, gender equality, "
              "promotion of a culture of peace and non-violence, global citizenship and "
              "appreciation of cultural diversity and of culture's contribution to sustainable "
              "development",
    },
    "5.1": {
        "en": "End all forms of discrimination against all women and girls everywhere",
    },
    "5.2": {
        "en": "Eliminate all forms of violence against all women and girls in the public and "
              "private spheres, including trafficking and sexual and other types of exploitation",
        "fr": "Éliminer de la vie publique et de la vie privée toutes les formes de violence "
              "faite aux femmes et aux filles, y compris la traite et l'exploitation sexuelle et "
              "d'autres types d'exploitation",
        "es": "Eliminar todas las formas de violencia contra todas las mujeres y las niñas en los "
              "ámbitos público y privado, incluidas la trata y la explotación sexual y otros "
              "tipos de explotación",
    },
    "5.3": {
        "en": "Eliminate all harmful practices, such as child, early and forced marriage and "
              "female genital mutilation",
    },
    "8.7": {
        "en": "Take immediate and effective measures to eradicate forced labour, end modern "
              "slavery and human trafficking and secure the prohibition and elimination of the "
              "worst forms of child labour, including recruitment and use of child soldiers, and "
              "by 2025 end child labour in all its forms",
        "fr": "Prendre des mesures immédiates et efficaces pour supprimer le travail forcé, "
              "mettre fin à l'esclavage moderne et à la traite d'êtres humains, interdire et "
              "éliminer les pires formes de travail des enfants, y compris le recrutement et "
              "l'utilisation d'enfants soldats, et, d'ici à 2025, mettre fin au travail des "
              "enfants sous toutes ses formes",
        "es": "Adoptar medidas inmediatas y eficaces para erradicar el trabajo forzoso, poner fin "
              "a las formas contemporáneas de esclavitud y la trata de personas y asegurar la "
              "prohibición y eliminación de las peores formas de trabajo infantil, incluidos el "
              "reclutamiento y la utilización de niños soldados, y, de aquí a 2025, poner fin al "
              "trabajo infantil en todas sus formas",
    },
    "8.8": {
        "en": "Protect labour rights and promote safe and secure working environments for all "
              "workers, including migrant workers, in particular women migrants, and those in "
              "precarious employment",
    },
    "10.7": {
        "en": "Facilitate orderly, safe, regular and responsible migration and mobility of "
              "people, including through the implementation of planned and well-managed migration "
              "policies",
        "fr": "Faciliter la migration et la mobilité de façon ordonnée, sans danger, régulière et "
              "responsable, notamment par la mise en œuvre de politiques de migration planifiées "
              "et bien gérées",
        "es": "Facilitar la migración y la movilidad ordenadas, seguras, regulares y responsables "
              "de las personas, incluso mediante la aplicación de políticas migratorias "
              "planificadas y bien gestionadas",
    },
    "16.1": {
        "en": "Significantly reduce all forms of violence and related death rates everywhere",
    },
    "16.2": {
        "en": "End abuse, exploitation, trafficking and all forms of violence against and torture "
              "of children",
        "fr": "Mettre un terme à la maltraitance, à l'exploitation et à la traite, et à toutes "
              "les formes de violence et de torture dont sont victimes les enfants",
        "es": "Poner fin al maltrato, la explotación, la trata y todas las formas de violencia y "
              "tortura contra los niños",
    },
    "16.3": {
        "en": "Promote the rule of law at the national and international levels and ensure equal "
              "access to justice for all",
    },
    "16.4": {
        "en": "By 2030, significantly reduce illicit financial and arms flows, strengthen the "
              "recovery and return of stolen assets and combat all forms of organized crime",
        "fr": "D'ici à 2030, réduire nettement les flux financiers illicites et le trafic "
              "d'armes, renforcer les activités de récupération et de restitution des biens volés "
              "et lutter contre toutes les formes de criminalité organisée",
        "es": "De aquí a 2030, reducir significativamente las corrientes financieras y de armas "
              "ilícitas, fortalecer la recuperación y devolución de los activos robados y luchar "
              "contra todas las formas de delincuencia organizada",
    },
    "16.9": {
        "en": "By 2030, provide legal identity for all, including birth registration",
    },
    "16.a": {
        "en": "Strengthen relevant national institutions, including through international "
              "cooperation, for building capacity at all levels, in particular in developing "
              "countries, to prevent violence and combat terrorism and crime",
    },
    "16.b": {
        "en": "Promote and enforce non-discriminatory laws and policies for sustainable "
              "development",
    },
    "17.9": {
        "en": "Enhance international support for implementing effective and targeted "
              "capacity-building in developing countries to support national plans to implement "
              "all the Sustainable Development Goals, including through North-South, South-South "
              "and triangular cooperation",
        "fr": "Apporter, à l'échelon international, un soutien accru pour assurer le renforcement "
              "efficace et ciblé des capacités des pays en développement et appuyer ainsi les "
              "plans nationaux visant à atteindre tous les objectifs de développement durable, "
              "notamment dans le cadre de la coopération Nord-Sud et Sud-Sud et de la coopération "
              "triangulaire",
        "es": "Aumentar el apoyo internacional para realizar actividades de creación de capacidad "
              "eficaces y específicas en los países en desarrollo a fin de respaldar los planes "
              "nacionales de implementación de todos los Objetivos de Desarrollo Sostenible, "
              "incluso mediante la cooperación Norte-Sur, Sur-Sur y triangular",
    },
    "17.16": {
        "en": "Enhance the Global Partnership for Sustainable Development, complemented by "
              "multi-stakeholder partnerships that mobilize and share knowledge, expertise, "
              "technology and financial resources, to support the achievement of the Sustainable "
              "Development Goals in all countries, in particular developing countries",
    },
    "17.17": {
        "en": "Encourage and promote effective public, public-private and civil society "
              "partnerships, building on the experience and resourcing strategies of partnerships",
    },
    "17.18": {
        "en": "By 2020, enhance capacity-building support to developing countries, including for "
              "least developed countries and small island developing States, to increase "
              "significantly the availability of high-quality, timely and reliable data "
              "disaggregated by income, gender, age, race, ethnicity, migratory status, "
              "disability, geographic location and other characteristics relevant in national "
              "contexts",
    },
}
"""The official wording of the targets in the section's mandate, by code: in English for each,
and in French and Spanish for those the section's work names most. A target without its
wording in a language is described by its goal there (:func:`describe`): never in English
on a French or Spanish page."""


def goal(code: str) -> int:
    """Return the goal number of a target code (``"16.a"`` -> 16)."""
    return int(code.split(".")[0])


def describe(code: str) -> str:
    """Return the official wording of a target in the current language, or its goal's.

    The wording of A/RES/71/313 (A/RES/70/1 in French and Spanish) where the
    package ships it in the language (:data:`TITLES`); any other target is
    described by its goal's official title in the language (:data:`GOALS`):
    never by English on another language's page.

    Parameters
    ----------
    code : str
        A canonical target code (see ``parse_target``).
    """
    lang = current()
    if lang in TITLES.get(code, {}):
        return typeset(TITLES[code][lang], lang)
    titles = GOALS[goal(code)]
    title = typeset(titles.get(lang, titles["en"]), lang)
    return _("A target of Goal {goal}: {title}").format(goal=goal(code), title=title)


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
