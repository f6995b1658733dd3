"""The 2018 highlights' own words for the synthetic sample: narrative and results stories.

Written for the sample in the project's own words after the published 2018
highlights (``../shared/seed/htmss-2018-highlights.txt``): every fact of the
publication is here (figures, dates, names and titles carry over), in
English, French and Spanish. French uses the typographic apostrophe and
French spacing (a narrow no-break space before ``: ; ! ?`` and inside « »);
places and countries bear their United Nations names.

A development tool's data (``tools/make_sample.py`` reads it), not part of the
installed package.
"""

from __future__ import annotations

N = "\u202f"  # narrow no-break space: French puts one before : ; ! ? and inside « »

NARRATIVE_2018 = [
    # (part, heading (en, fr, es), text (en, fr, es)); in each part, in the publication's
    # order. The first row of what_we_do is the publication's opening, above the cards.
    ("what_we_do", ("", "", ""), (
        "UNODC's Human Trafficking and Migrant Smuggling Section (HTMSS) is a source of "
        "global expertise on responses to trafficking in persons, the smuggling of migrants "
        "and related crimes. It supports countries in reducing both crimes, the harm done to "
        "trafficking victims, and the number, strength, reach, profits and assets of the "
        "networks behind them.\n\n"
        "The section also develops knowledge through targeted research and analysis, drawing "
        "on a wide community of practice: trusted groups of practitioners who apply the "
        "knowledge and good practices gathered and share them through their own networks and "
        "workplaces.\n\n"
        "Its three global programmes, the Global Programme against Trafficking in Persons "
        "(GLOT59), the Global Programme against the Smuggling of Migrants (GLOT92) and the "
        "Global Action to Prevent and Address Trafficking in Persons and the Smuggling of "
        "Migrants (GLO.ACT), are the main vehicles of this work. They are implemented in close "
        "cooperation with UNODC field offices, and provide seed funding and expertise for the "
        "large programmes against both crimes that the field delivers.",
        "La Section de la lutte contre la traite des personnes et le trafic illicite de "
        "migrants (HTMSS) de l’ONUDC est une source d’expertise mondiale sur la riposte à la "
        "traite des personnes, au trafic illicite de migrants et aux infractions connexes. "
        "Elle aide les pays à réduire ces deux crimes, le tort causé aux victimes de la "
        "traite, ainsi que le nombre, la force, la portée, les profits et les avoirs des "
        "réseaux qui les commettent.\n\n"
        "La Section développe aussi les connaissances par des recherches et des analyses "
        "ciblées, en s’appuyant sur une vaste communauté de pratique, faite de groupes de "
        "praticiens de confiance qui appliquent les connaissances et les bonnes pratiques "
        "réunies et les diffusent par leurs propres réseaux et lieux de travail.\n\n"
        "Ses trois programmes mondiaux, le Programme mondial contre la traite des personnes "
        "(GLOT59), le Programme mondial contre le trafic illicite de migrants (GLOT92) et "
        "l’Action mondiale pour prévenir et combattre la traite des personnes et le trafic "
        "illicite de migrants (GLO.ACT), sont les principaux vecteurs de cette action. Ils "
        "sont mis en œuvre en étroite coopération avec les bureaux extérieurs de l’ONUDC et "
        "apportent des fonds de démarrage et des compétences aux grands programmes contre ces "
        "deux crimes que mènent les bureaux extérieurs.",
        "La Sección de Lucha contra la Trata de Personas y el Tráfico Ilícito de Migrantes "
        "(HTMSS) de la UNODC es una fuente de conocimientos especializados a nivel mundial "
        "sobre la respuesta a la trata de personas, el tráfico ilícito de migrantes y los "
        "delitos conexos. Ayuda a los países a reducir ambos delitos, el daño causado a las "
        "víctimas de la trata y el número, la fuerza, el alcance, los beneficios y los activos "
        "de las redes que los cometen.\n\n"
        "La Sección también genera conocimientos mediante investigaciones y análisis "
        "específicos, apoyándose en una amplia comunidad de práctica: grupos de profesionales "
        "de confianza que aplican los conocimientos y las buenas prácticas reunidos y los "
        "difunden a través de sus propias redes y lugares de trabajo.\n\n"
        "Sus tres programas mundiales, el Programa Mundial contra la Trata de Personas "
        "(GLOT59), el Programa Mundial contra el Tráfico Ilícito de Migrantes (GLOT92) y la "
        "Acción Mundial para Prevenir y Combatir la Trata de Personas y el Tráfico Ilícito de "
        "Migrantes (GLO.ACT), son los principales instrumentos de esta labor. Se ejecutan en "
        "estrecha cooperación con las oficinas extrasede de la UNODC y aportan financiación "
        "inicial y conocimientos especializados a los grandes programas contra ambos delitos "
        "que ejecutan las oficinas extrasede.")),
    ("what_we_do", ("", "", ""), (
        "The section's technical cooperation programmes enable countries to implement the "
        "United Nations Convention against Transnational Organized Crime and its Protocols on "
        "trafficking in persons and the smuggling of migrants. They include capacity "
        "development (training, training of trainers, e-learning, mentoring, specialized "
        "centres, and regional and trans-regional cooperation); a broader knowledge base "
        "(policy analysis, assessments of needs and gaps, data collection and information "
        "sharing); strategy and policy development; prevention and awareness raising; and "
        "assistance with ratification and legislation.\n\n"
        "The section gives expert advice and contributes to strategy development and "
        "inter-agency policy coordination. It provides substantive support to United Nations "
        "bodies and processes: the Security Council, the General Assembly, the Economic and "
        "Social Council and its Commission on Crime Prevention and Criminal Justice, and the "
        "Conference of the Parties to the Convention and its Working Groups on Trafficking in "
        "Persons and on the Smuggling of Migrants.\n\n"
        "It launches, develops and manages knowledge tools, consultations and initiatives, "
        "including research on how Member States implement the Protocols, and seeks "
        "partnerships with other United Nations agencies, academia and civil society. As "
        "UNODC's expert hub on both crimes, it gives guidance and policy advice to UNODC "
        "offices at headquarters and in the field, and works closely with research and "
        "advocacy so that analysis and public messages are consistent.",
        "Les programmes de coopération technique de la Section permettent aux pays "
        "d’appliquer la Convention des Nations Unies contre la criminalité transnationale "
        "organisée et ses Protocoles relatifs à la traite des personnes et au trafic illicite "
        f"de migrants. Ils comprennent le renforcement des capacités (formation, formation de "
        f"formateurs, apprentissage en ligne, mentorat, centres spécialisés, coopération "
        f"régionale et interrégionale){N}; l’élargissement de la base de connaissances "
        f"(analyse des politiques, évaluation des besoins et des lacunes, collecte de données "
        f"et échange d’informations){N}; l’élaboration de stratégies et de politiques{N}; la "
        f"prévention et la sensibilisation{N}; et l’aide à la ratification et à l’élaboration "
        "des lois.\n\n"
        "La Section fournit des avis d’experts et contribue à l’élaboration des stratégies et "
        "à la coordination des politiques entre organismes. Elle apporte un appui fonctionnel "
        "aux organes et processus des Nations Unies, à savoir le Conseil de sécurité, "
        "l’Assemblée générale, le Conseil économique et social et sa Commission pour la "
        "prévention du crime et la justice pénale, ainsi que la Conférence des Parties à la "
        "Convention et ses groupes de travail sur la traite des personnes et sur le trafic "
        "illicite de migrants.\n\n"
        "Elle lance, élabore et gère des outils de connaissance, des consultations et des "
        "initiatives, dont des recherches sur l’application des Protocoles par les États "
        "Membres, et recherche des partenariats avec d’autres organismes des Nations Unies, "
        "les milieux universitaires et la société civile. Pôle d’expertise de l’ONUDC sur "
        "ces deux crimes, elle fournit orientations et avis aux bureaux de l’ONUDC au siège "
        "et sur le terrain, et travaille en étroite collaboration avec les services de "
        "recherche et de plaidoyer pour que les analyses et les messages publics soient "
        "cohérents.",
        "Los programas de cooperación técnica de la Sección permiten a los países aplicar la "
        "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y "
        "sus Protocolos sobre la trata de personas y el tráfico ilícito de migrantes. "
        "Comprenden el fomento de la capacidad (capacitación, formación de formadores, "
        "aprendizaje en línea, mentoría, centros especializados y cooperación regional e "
        "interregional); la ampliación de la base de conocimientos (análisis de políticas, "
        "evaluaciones de necesidades y carencias, reunión de datos e intercambio de "
        "información); la formulación de estrategias y políticas; la prevención y la "
        "sensibilización; y la asistencia para la ratificación y la legislación.\n\n"
        "La Sección presta asesoramiento especializado y contribuye a la formulación de "
        "estrategias y a la coordinación de políticas entre organismos. Presta apoyo "
        "sustantivo a los órganos y procesos de las Naciones Unidas: el Consejo de Seguridad, "
        "la Asamblea General, el Consejo Económico y Social y su Comisión de Prevención del "
        "Delito y Justicia Penal, y la Conferencia de las Partes en la Convención y sus "
        "Grupos de Trabajo sobre la Trata de Personas y sobre el Tráfico Ilícito de "
        "Migrantes.\n\n"
        "Pone en marcha, elabora y gestiona instrumentos de conocimiento, consultas e "
        "iniciativas, incluidas investigaciones sobre la aplicación de los Protocolos por los "
        "Estados Miembros, y procura establecer alianzas con otros organismos de las "
        "Naciones Unidas, el mundo académico y la sociedad civil. Como centro especializado "
        "de la UNODC en ambos delitos, orienta y asesora a las oficinas de la UNODC en la "
        "sede y sobre el terreno, y colabora estrechamente con las dependencias de "
        "investigación y promoción para que los análisis y los mensajes públicos sean "
        "coherentes.")),
    ("technical_cooperation", ("", "", ""), (
        "Through its three global programmes, the section helps Member States build their "
        "capacity to respond to both crimes, nationally and regionally: legislative assistance "
        "to bring laws in line with the Convention and the Protocols, strategic planning and "
        "policy development, stronger law enforcement and judicial responses, and the "
        "protection of and support to victims of trafficking. Some of the direct results of "
        "this work in 2018 follow.",
        "Par ses trois programmes mondiaux, la Section aide les États Membres à renforcer "
        "leurs capacités de riposte à ces deux crimes, aux niveaux national et régional"
        f"{N}: assistance législative pour mettre les lois en conformité avec la Convention et "
        "les Protocoles, planification stratégique et élaboration des politiques, "
        "amélioration de l’action des services de détection et de répression et de la "
        "justice, protection et soutien des victimes de la traite. Voici quelques résultats "
        "directs de cette action en 2018.",
        "Mediante sus tres programas mundiales, la Sección ayuda a los Estados Miembros a "
        "fomentar su capacidad de respuesta a ambos delitos, a nivel nacional y regional: "
        "asistencia legislativa para armonizar las leyes con la Convención y los Protocolos, "
        "planificación estratégica y formulación de políticas, mejores respuestas policiales "
        "y judiciales, y protección y apoyo a las víctimas de la trata. A continuación "
        "figuran algunos resultados directos de esta labor en 2018.")),
    ("intergovernmental", ("The Global Compact for Migration",
                           "Le Pacte mondial sur les migrations",
                           "El Pacto Mundial sobre Migración"), (
        "Since 2016 the section has spearheaded UNODC's contribution to the Global Compact "
        "for Safe, Orderly and Regular Migration. Throughout 2018 it took part in the "
        "discussions on the finalization of the Compact (resolution A/RES/71/1) and on the "
        "establishment of a United Nations Network on Migration, which coordinates the "
        "support of the United Nations system to Member States in implementing the Compact, "
        "with a focus on technical assistance in the field. In recognition of the importance "
        "of its mandates, UNODC was appointed to the Network's Executive Committee.",
        "Depuis 2016, la Section conduit la contribution de l’ONUDC au Pacte mondial pour des "
        "migrations sûres, ordonnées et régulières. Tout au long de 2018, elle a pris part "
        "aux débats sur la finalisation du Pacte (résolution A/RES/71/1) et sur la création "
        "d’un Réseau des Nations Unies sur les migrations, qui coordonne l’appui du système "
        "des Nations Unies aux États Membres pour la mise en œuvre du Pacte, en privilégiant "
        "l’assistance technique sur le terrain. En reconnaissance de l’importance de ses "
        "mandats, l’ONUDC a été nommé au Comité exécutif du Réseau.",
        "Desde 2016, la Sección encabeza la contribución de la UNODC al Pacto Mundial para la "
        "Migración Segura, Ordenada y Regular. A lo largo de 2018 participó en los debates "
        "sobre la ultimación del Pacto (resolución A/RES/71/1) y sobre el establecimiento de "
        "una Red de las Naciones Unidas sobre la Migración, que coordina el apoyo del sistema "
        "de las Naciones Unidas a los Estados Miembros en la aplicación del Pacto, con "
        "especial atención a la asistencia técnica sobre el terreno. En reconocimiento de la "
        "importancia de sus mandatos, la UNODC fue nombrada miembro del Comité Ejecutivo de "
        "la Red.")),
    ("intergovernmental", ("Coordinator of ICAT", "Coordonnateur de l’ICAT",
                           "Coordinador del ICAT"), (
        "On behalf of UNODC, the section continues to act as the Coordinator of ICAT, the "
        "United Nations' coordination body against trafficking in persons. On 2 May 2018 it "
        "organized the first-ever meeting of ICAT Principals, convened by UNODC: for the "
        "first time, 21 of the 23 ICAT agencies met, 10 of them at principal level. The "
        "meeting ended with a strong commitment to better coordination, a significant rise in "
        "ICAT's membership, and a paper on ICAT's achievements published with an overview of "
        "each agency's work against trafficking in persons.\n\n"
        "In 2018 the section also organized and contributed to 5 ICAT briefings and side "
        "events in New York and Vienna, among them a high-level side event on the margins of "
        "the 9th session of the Conference of the Parties to the Convention.",
        "Au nom de l’ONUDC, la Section continue d’assurer la coordination de l’ICAT, "
        "l’organe de coordination des Nations Unies contre la traite des personnes. Le "
        "2 mai 2018, elle a organisé la toute première réunion des chefs de secrétariat de "
        "l’ICAT, convoquée par l’ONUDC{N}: pour la première fois, 21 des 23 organismes "
        "membres de l’ICAT se sont réunis, dont 10 au niveau des chefs de secrétariat. La "
        "réunion s’est conclue par un engagement ferme en faveur d’une meilleure "
        "coordination, une hausse sensible du nombre de membres de l’ICAT et la publication "
        "d’un document sur les réalisations de l’ICAT, accompagné d’un aperçu de l’action de "
        "chaque organisme contre la traite des personnes.\n\n"
        "En 2018, la Section a également organisé 5 réunions d’information et manifestations "
        "parallèles de l’ICAT à New York et à Vienne, ou y a contribué, dont une manifestation "
        "parallèle de haut niveau en marge de la neuvième session de la Conférence des "
        "Parties à la Convention.".replace("{N}", N),
        "En nombre de la UNODC, la Sección sigue actuando como coordinadora del ICAT, el "
        "órgano de coordinación de las Naciones Unidas contra la trata de personas. El 2 de "
        "mayo de 2018 organizó la primera reunión de la historia de los jefes ejecutivos del "
        "ICAT, convocada por la UNODC: por primera vez se reunieron 21 de los 23 organismos "
        "del ICAT, 10 de ellos al nivel de jefes ejecutivos. La reunión concluyó con un firme "
        "compromiso de mejorar la coordinación, un aumento considerable del número de "
        "miembros del ICAT y la publicación de un documento sobre los logros del ICAT, junto "
        "con una reseña de la labor de cada organismo contra la trata de personas.\n\n"
        "En 2018 la Sección también organizó 5 sesiones informativas y actos paralelos del "
        "ICAT en Nueva York y Viena, o contribuyó a ellos, entre ellos un acto paralelo de "
        "alto nivel en el marco del noveno período de sesiones de la Conferencia de las "
        "Partes en la Convención.")),
    ("intergovernmental", ("A review mechanism for the Convention",
                           "Un mécanisme d’examen de la Convention",
                           "Un mecanismo de examen de la Convención"), (
        "A historic achievement of the 9th session of the Conference of the Parties, held "
        "from 15 to 19 October 2018, was the adoption of the resolution establishing the "
        "mechanism for the review of the implementation of the United Nations Convention "
        "against Transnational Organized Crime and the Protocols thereto.",
        "La neuvième session de la Conférence des Parties, tenue du 15 au 19 octobre 2018, a "
        "marqué une avancée historique avec l’adoption de la résolution portant création du "
        "mécanisme d’examen de l’application de la Convention des Nations Unies contre la "
        "criminalité transnationale organisée et des Protocoles s’y rapportant.",
        "Un logro histórico del noveno período de sesiones de la Conferencia de las Partes, "
        "celebrado del 15 al 19 de octubre de 2018, fue la aprobación de la resolución por la "
        "que se establece el mecanismo de examen de la aplicación de la Convención de las "
        "Naciones Unidas contra la Delincuencia Organizada Transnacional y sus Protocolos.")),
    ("intergovernmental", ("Contributing to the global discourse through reporting",
                           "Contribuer au débat mondial par les rapports",
                           "Contribuir al debate mundial mediante los informes"), (
        "In 2018 the section provided inputs to more than 20 reports of the Secretary-General "
        "and the General Assembly, so that trafficking in persons and the smuggling of "
        "migrants are properly addressed in them; they are listed below with the sessions "
        "serviced and the reports the section prepared.",
        "En 2018, la Section a contribué à plus de 20 rapports du Secrétaire général et de "
        "l’Assemblée générale, afin que la traite des personnes et le trafic illicite de "
        "migrants y soient dûment traités{N}; ils sont énumérés ci-dessous avec les sessions "
        "assurées et les rapports établis par la Section.".replace("{N}", N),
        "En 2018 la Sección hizo aportaciones a más de 20 informes del Secretario General y "
        "de la Asamblea General, para que la trata de personas y el tráfico ilícito de "
        "migrantes se aborden debidamente en ellos; figuran a continuación, junto con los "
        "períodos de sesiones atendidos y los informes preparados por la Sección.")),
    ("knowledge", ("", "", ""), (
        "Over the years the section has developed a wealth of practical tools and "
        "publications that raise awareness and guide practitioners and civil society on "
        "trafficking in persons and the smuggling of migrants. In 2018 it developed the "
        "following.",
        "Au fil des ans, la Section a élaboré de nombreux outils pratiques et publications "
        "qui sensibilisent et guident les praticiens et la société civile en matière de "
        "traite des personnes et de trafic illicite de migrants. En 2018, elle a élaboré les "
        "documents suivants.",
        "A lo largo de los años, la Sección ha elaborado numerosos instrumentos prácticos y "
        "publicaciones que sensibilizan y orientan a los profesionales y a la sociedad civil "
        "en materia de trata de personas y tráfico ilícito de migrantes. En 2018 elaboró los "
        "siguientes.")),
    ("knowledge", ("Thematic Paper: Countering Trafficking in Persons in Conflict Situations",
                   "Document thématique « Lutter contre la traite des personnes dans les "
                   "situations de conflit »".replace("« ", f"«{N}").replace(" »", f"{N}»"),
                   "Documento temático «La lucha contra la trata de personas en situaciones "
                   "de conflicto»"), (
        "The Thematic Paper was prepared in response to Security Council resolutions 2331 "
        "(2016) and 2388 (2017). In October 2018 the Chef de Cabinet of the Secretary-General "
        "advised all United Nations agencies to use it in related work. It was downloaded "
        "more than 12,900 times in less than a year.",
        "Le document thématique a été établi en réponse aux résolutions 2331 (2016) et 2388 "
        "(2017) du Conseil de sécurité. En octobre 2018, le Cabinet du Secrétaire général a "
        "recommandé à tous les organismes des Nations Unies de l’utiliser dans "
        "leurs travaux connexes. Il a été téléchargé plus de 12\u202f900 fois en moins d’un "
        "an.",
        "El documento temático se preparó en respuesta a las resoluciones del Consejo de "
        "Seguridad 2331 (2016) y 2388 (2017). En octubre de 2018, la Oficina Ejecutiva del "
        "Secretario General recomendó a todos los organismos de las Naciones Unidas que lo "
        "utilizaran en su labor conexa. Se descargó más de 12.900 veces en menos de un año.")),
    ("knowledge", ("Issue Paper: The International Legal Definition of Trafficking in Persons",
                   "Document de synthèse « La définition juridique internationale de la traite "
                   "des personnes »".replace("« ", f"«{N}").replace(" »", f"{N}»"),
                   "Documento de debate «La definición jurídica internacional de la trata de "
                   "personas»"), (
        "A new Issue Paper guides criminal justice practitioners on the international legal "
        "definition of trafficking in persons. It builds on three earlier issue papers and "
        "one guidance note on specific elements of the definition, and on UNODC's practical "
        "experience in over 30 jurisdictions.",
        "Un nouveau document de synthèse guide les praticiens de la justice pénale sur la "
        "définition juridique internationale de la traite des personnes. Il s’appuie sur "
        "trois documents de synthèse antérieurs et une note d’orientation portant sur des "
        "éléments précis de la définition, ainsi que sur l’expérience pratique de l’ONUDC "
        "dans plus de 30 juridictions.",
        "Un nuevo documento de debate orienta a los profesionales de la justicia penal sobre "
        "la definición jurídica internacional de la trata de personas. Se basa en tres "
        "documentos de debate anteriores y una nota de orientación sobre elementos concretos "
        "de la definición, así como en la experiencia práctica de la UNODC en más de 30 "
        "jurisdicciones.")),
    ("knowledge", ("Education for Justice", "L’initiative Éducation pour la justice",
                   "La iniciativa Educación para la Justicia"), (
        "The section continues to work with UNODC's Global Programme for the Implementation "
        "of the Doha Declaration and contributes to SDG target 4.7 through the Education for "
        "Justice initiative (E4J), which strengthens teaching on UNODC's mandate areas at "
        "primary, secondary and tertiary levels, including online teaching modules. The "
        "section led the initiative's work on its two crimes and developed 14 university "
        "teaching modules on trafficking in persons and the smuggling of migrants.",
        "La Section continue de collaborer avec le Programme mondial de l’ONUDC pour la mise "
        "en œuvre de la Déclaration de Doha et contribue à la cible 4.7 des objectifs de "
        "développement durable par l’initiative Éducation pour la justice (E4J), qui renforce "
        "l’enseignement des domaines du mandat de l’ONUDC aux niveaux primaire, secondaire et "
        "supérieur, notamment par des modules d’enseignement en ligne. La Section a dirigé "
        "les travaux de l’initiative sur ses deux crimes et élaboré 14 modules "
        "d’enseignement universitaire sur la traite des personnes et le trafic illicite de "
        "migrants.",
        "La Sección sigue colaborando con el Programa Mundial de la UNODC para la Aplicación "
        "de la Declaración de Doha y contribuye a la meta 4.7 de los Objetivos de Desarrollo "
        "Sostenible mediante la iniciativa Educación para la Justicia (E4J), que refuerza la "
        "enseñanza de las esferas del mandato de la UNODC en los niveles primario, secundario "
        "y terciario, incluidos módulos de enseñanza en línea. La Sección dirigió la labor de "
        "la iniciativa sobre sus dos delitos y elaboró 14 módulos de enseñanza universitaria "
        "sobre la trata de personas y el tráfico ilícito de migrantes.")),
    ("sdgs", ("", "", ""), (
        "The 2030 Agenda for Sustainable Development and its 17 Sustainable Development "
        "Goals, adopted by the General Assembly in 2015, contain several targets that aim to "
        "foster regular and safe migration, eradicate human trafficking and combat organized "
        "crime. The section's work supports the Goals and contributes in particular to the "
        "targets below.",
        "Le Programme de développement durable à l’horizon 2030 et ses 17 objectifs de "
        "développement durable, adoptés par l’Assemblée générale en 2015, comportent "
        "plusieurs cibles visant à favoriser des migrations sûres et régulières, à éliminer "
        "la traite des êtres humains et à combattre la criminalité organisée. L’action de la "
        "Section concourt à ces objectifs, en particulier aux cibles ci-dessous.",
        "La Agenda 2030 para el Desarrollo Sostenible y sus 17 Objetivos de Desarrollo "
        "Sostenible, aprobados por la Asamblea General en 2015, contienen varias metas "
        "destinadas a promover una migración segura y regular, erradicar la trata de personas "
        "y combatir la delincuencia organizada. La labor de la Sección apoya los Objetivos y "
        "contribuye en particular a las metas siguientes.")),
    ("sdgs", ("Alliance 8.7", "L’Alliance 8.7", "La Alianza 8.7"), (
        "The section cooperates with SDG-related initiatives such as Alliance 8.7, a global "
        "partnership for achieving target 8.7 that increases collaborative action, drives "
        "innovation, scales up solutions that work and offers a platform for dialogue and "
        "the sharing of knowledge. The section took part in two meetings of the Alliance's "
        "Global Coordinating Group, including the 3rd meeting, in 2018.",
        "La Section coopère avec des initiatives liées aux objectifs de développement "
        "durable comme l’Alliance 8.7, partenariat mondial pour la réalisation de la "
        "cible 8.7 qui renforce l’action concertée, stimule l’innovation, étend les solutions "
        "qui fonctionnent et offre un cadre de dialogue et de partage des connaissances. La "
        "Section a participé à deux réunions du Groupe mondial de coordination de "
        "l’Alliance, dont la troisième, en 2018.",
        "La Sección coopera con iniciativas relacionadas con los Objetivos de Desarrollo "
        "Sostenible, como la Alianza 8.7, una alianza mundial para alcanzar la meta 8.7 que "
        "intensifica la acción conjunta, impulsa la innovación, amplía las soluciones que "
        "funcionan y ofrece una plataforma de diálogo e intercambio de conocimientos. La "
        "Sección participó en dos reuniones del Grupo Mundial de Coordinación de la Alianza, "
        "entre ellas la tercera, en 2018.")),
    ("sdgs", ("REDTRAM: one network, several targets", "REDTRAM{N}: un réseau, plusieurs "
              "cibles".replace("{N}", N), "REDTRAM: una red, varias metas"), (
        "The section's work often advances more than one target at a time. The "
        "Ibero-American network of specialized prosecutors against trafficking in persons "
        "and the smuggling of migrants, recently named REDTRAM, is one example. A platform of "
        "cooperation for active exchanges on regional trends and for direct, informal "
        "cooperation on actual cases, it contributes directly to Goal 17, in particular "
        "target 17.16. Its joint investigation teams have enabled countries to investigate "
        "specific cases in the region, with mutually reinforcing progress on targets 8.7 and "
        "16.2. Stronger regional cooperation has also helped make migration orderly, safe, "
        "regular and responsible and migration policies better implemented (target 10.7), "
        "and created conditions for progress on target 5.2. In 2018 the network received 5 "
        "requests for cooperation, more than in either of the two years before.",
        "L’action de la Section fait souvent progresser plusieurs cibles à la fois. Le "
        "réseau ibéro-américain de procureurs spécialisés contre la traite des personnes et "
        "le trafic illicite de migrants, récemment nommé REDTRAM, en est un exemple. Cadre de "
        "coopération propice aux échanges sur les tendances régionales et à une coopération "
        "directe et informelle dans des affaires concrètes, il contribue directement à "
        "l’objectif 17, en particulier à la cible 17.16. Ses équipes communes d’enquête ont "
        "permis aux pays d’enquêter sur des affaires précises dans la région, avec des "
        "progrès qui se renforcent mutuellement sur les cibles 8.7 et 16.2. Le renforcement "
        "de la coopération régionale a aussi contribué à des migrations ordonnées, sûres, "
        "régulières et responsables et à une meilleure application des politiques "
        "migratoires (cible 10.7), et créé les conditions de progrès sur la cible 5.2. En "
        "2018, le réseau a reçu 5 demandes de coopération, plus qu’au cours de chacune des "
        "deux années précédentes.",
        "La labor de la Sección suele hacer avanzar varias metas a la vez. La red "
        "iberoamericana de fiscales especializados contra la trata de personas y el tráfico "
        "ilícito de migrantes, denominada recientemente REDTRAM, es un ejemplo. Plataforma de "
        "cooperación para intercambios activos sobre las tendencias regionales y para la "
        "cooperación directa e informal en casos reales, contribuye directamente al "
        "Objetivo 17, en particular a la meta 17.16. Sus equipos conjuntos de investigación "
        "han permitido a los países investigar casos concretos en la región, con avances que "
        "se refuerzan mutuamente en las metas 8.7 y 16.2. Una mayor cooperación regional "
        "también ha contribuido a una migración ordenada, segura, regular y responsable y a "
        "una mejor aplicación de las políticas migratorias (meta 10.7), y ha creado "
        "condiciones para avanzar en la meta 5.2. En 2018 la red recibió 5 solicitudes de "
        "cooperación, más que en cada uno de los dos años anteriores.")),
]
"""The 2018 narrative, part by part, in English, French and Spanish."""


STORIES_2018 = [
    # (programmes, countries, title, summary, figure, unit, SDG targets), in the
    # publication's order; each programme named is the one the publication credits, or the
    # one whose activities the story reports on.
    ("GLOT59", "BRA", "More than 20 people liberated from forced labour in Brazil",
     "A police operation, Project Eleutheria, carried out as part of a UNODC training in "
     "São Paulo on investigating trafficking in persons for forced labour, deployed labour "
     "inspectors, labour prosecutors and police officers in actual investigations of forced "
     "labour cases in the city. It followed a three-day workshop on the concept of "
     "trafficking in persons and Brazil's legal framework.", 20, "people liberated", "8.7"),
    ("GLOT92", "MKD;SRB", "National curricula on the smuggling of migrants in North "
     "Macedonia and Serbia",
     "National curricula on the smuggling of migrants were developed in North Macedonia and "
     "Serbia and used to deliver training of trainers workshops. The section then mentored "
     "the new trainers through pilot workshops; they now train other criminal justice and "
     "law enforcement practitioners in their countries on their own.", 2,
     "national curricula", "10.7;17.9"),
    ("GLOT59;GLOACT", "MAR;EGY", "Networks of prosecutors established in Egypt and Morocco",
     "21 prosecutors, representing every Court of Appeal in Morocco, were trained to "
     "investigate and prosecute complex trafficking cases under Morocco's anti-trafficking "
     "law (Law 27-14). In Egypt, a series of workshops held with the Office of the "
     "Prosecutor General created a community of practice among national prosecutors.", 21,
     "prosecutors trained", "16.2;17.9"),
    ("GLOT59", "COL", "First conviction for trafficking in persons for domestic servitude in "
     "Colombia",
     "In September 2018 a court in Colombia handed down the country's first conviction for "
     "trafficking in persons for domestic servitude, in a case led by a prosecutor of "
     "UNODC's community of practice. The court based the conviction on evidence of "
     "recruitment, transfer, exploitation and the abuse of a position of vulnerability, and "
     "cited UNODC's Issue Paper on the abuse of a position of vulnerability and other "
     "\u201cmeans\u201d within the definition of trafficking in persons.", 1, "conviction",
     "5.2;8.7"),
    ("GLOT92", "SDN", "Sudan becomes the latest State Party to the Smuggling of Migrants "
     "Protocol",
     "Sudan became the latest State Party to the Protocol in 2018, after UNODC's Regional "
     "Pre-ratification and Accession Workshop on the Convention and its Protocols. Held at "
     "UNODC headquarters in Vienna for countries considering becoming parties, the workshop "
     "brought together nine Eastern African States: Comoros, the Congo, Djibouti, Eritrea, "
     "Ethiopia, Kenya, South Sudan, Sudan and Uganda.", None, "", "10.7;16.4"),
    ("GLOT59", "CPV", "National Action Plan against trafficking in persons endorsed in Cabo "
     "Verde",
     "The Government of Cabo Verde endorsed a National Action Plan against trafficking in "
     "persons after a consultative meeting facilitated and supported by the section. Under "
     "the plan, the Ministry of Justice and Work created an Observatory on trafficking in "
     "persons.", None, "", "5.2;8.7"),
    ("GLOACT", "BRA", "Brazil's third National Action Plan against trafficking in persons",
     "With GLO.ACT's support, Brazil's National Secretariat of Justice launched the third "
     "National Action Plan against trafficking in persons: a four-year plan of 58 targets in "
     "six thematic areas (policy management, information management, capacity building, "
     "accountability, victim assistance, and public awareness and prevention).", 58,
     "targets", "5.2;8.7"),
    ("GLOT59;GLOT92", "PAK", "New laws against trafficking in persons and the smuggling of "
     "migrants approved in Pakistan",
     "In 2018 Pakistan's National Assembly approved a law on the prevention of trafficking "
     "in persons and a law on the prevention of the smuggling of migrants, drafted by the "
     "Federal Investigation Agency with UNODC on the basis of UNODC's model laws. Besides the "
     "Protocols' provisions, the laws do not criminalize smuggled migrants or victims of "
     "trafficking, provide assistance to victims, and increase sentences where women and "
     "children are the victims. The section continues to raise awareness of the new laws "
     "among key stakeholders across the country.", 2, "laws approved", "10.7;16.2"),
    ("GLOACT", "EGY", "First Africa-Europe Conference on international judicial cooperation",
     "The first Africa-Europe Conference on International Judicial Cooperation in "
     "Investigation and Prosecution of Human Trafficking and Migrant Smuggling took place in "
     "Sharm el-Sheikh, Egypt, with GLO.ACT's support. Participating countries adopted "
     "recommendations pledging to enhance international cooperation against transnational "
     "organized crime, in particular trafficking in persons and the smuggling of migrants, "
     "and related crimes such as money-laundering.", None, "", "16.4;17.16"),
    ("GLOT59", "MWI", "Mchinji district committee rescues more than 60 victims in Malawi",
     "In Malawi, a district anti-trafficking committee in Mchinji, established and trained "
     "by UNODC, rescued more than 60 trafficking victims. Since the committee began its "
     "work, more information on trafficking reaches the district, as the cases registered, "
     "victims rescued and perpetrators arrested in 2018 show.", 60, "victims rescued",
     "8.7;16.2"),
    ("GLOACT", "Kyrgyz Republic", "\u201c100 days against Trafficking in Persons\u201d in "
     "Kyrgyzstan",
     "GLO.ACT piloted a nationwide awareness-raising campaign, \u201c100 days against "
     "Trafficking in Persons\u201d, led by 80 youth leaders in all seven regions of the "
     "country and Osh city with the support of the State Agency for Youth, Physical Training "
     "and Sport and the State Migration Service. It involved over 60,000 people and about "
     "5,000 young leaders who carried out its activities. During the campaign, the "
     "authorities reported a 14 per cent rise in calls to the national hotline.", 60000,
     "people involved", "5.2;16.2"),
    ("GLOACT", "PAK", "Nationwide awareness campaign against trafficking in persons and the "
     "smuggling of migrants in Pakistan",
     "Building on the experience of Kyrgyzstan, GLO.ACT supported a nationwide public "
     "awareness campaign in Pakistan. It raised awareness of the risks, issues and "
     "challenges of both crimes, developed community-led prevention and launched a national "
     "discussion to engage policymakers.", None, "", "5.2;10.7"),
]
"""The 2018 results stories, in the publication's order."""

STORIES_2018_IN = {
    "fr": [
        ("Plus de 20 personnes libérées du travail forcé au Brésil",
         "Une opération de police, le projet Eleutheria, menée dans le cadre d’une formation "
         "de l’ONUDC à São Paulo sur les enquêtes relatives à la traite des personnes aux "
         "fins de travail forcé, a déployé des inspecteurs du travail, des procureurs du "
         "travail et des policiers dans de véritables enquêtes sur des affaires de travail "
         "forcé dans la ville. Elle faisait suite à un atelier de trois jours sur la notion de "
         "traite des personnes et le cadre juridique du Brésil.", "personnes libérées"),
        ("Programmes nationaux de formation sur le trafic illicite de migrants en Macédoine "
         "du Nord et en Serbie",
         "Des programmes nationaux de formation sur le trafic illicite de migrants ont été "
         "élaborés en Macédoine du Nord et en Serbie et utilisés pour des ateliers de "
         "formation de formateurs. La Section a ensuite encadré les nouveaux formateurs lors "
         "d’ateliers pilotes{N}; ils forment désormais eux-mêmes d’autres praticiens de la "
         "justice pénale et des services de détection et de répression de leur pays.",
         "programmes nationaux de formation"),
        ("Réseaux de procureurs créés en Égypte et au Maroc",
         "21 procureurs, représentant toutes les cours d’appel du Maroc, ont été formés aux "
         "enquêtes et aux poursuites dans les affaires complexes de traite relevant de la loi "
         "marocaine contre la traite (loi 27-14). En Égypte, une série d’ateliers tenus avec "
         "le Bureau du Procureur général a créé une communauté de pratique entre procureurs "
         "nationaux.", "procureurs formés"),
        ("Première condamnation pour traite des personnes aux fins de servitude domestique en "
         "Colombie",
         "En septembre 2018, un tribunal colombien a prononcé la première condamnation du pays "
         "pour traite des personnes aux fins de servitude domestique, dans une affaire "
         "conduite par un procureur membre de la communauté de pratique de l’ONUDC. Le "
         "tribunal a fondé la condamnation sur des preuves du recrutement, du transfert, de "
         "l’exploitation et de l’abus d’une situation de vulnérabilité, et cité le document "
         "de synthèse de l’ONUDC sur l’abus d’une situation de vulnérabilité et les autres "
         "«{N}moyens{N}» de la définition de la traite des personnes.", "condamnation"),
        ("Le Soudan devient le dernier État partie au Protocole relatif au trafic illicite de "
         "migrants",
         "Le Soudan est devenu en 2018 le dernier État partie au Protocole, après l’atelier "
         "régional de l’ONUDC préalable à la ratification de la Convention et de ses Protocoles "
         "et à l’adhésion à ces instruments. Tenu au siège de l’ONUDC à Vienne pour les pays "
         "qui envisagent d’y devenir parties, l’atelier a réuni neuf États d’Afrique de l’Est"
         "{N}: les Comores, le Congo, Djibouti, l’Érythrée, l’Éthiopie, le Kenya, l’Ouganda, "
         "le Soudan et le Soudan du Sud.", ""),
        ("Plan d’action national contre la traite des personnes adopté à Cabo Verde",
         "Le Gouvernement cabo-verdien a adopté un plan d’action national contre la traite des "
         "personnes à l’issue d’une réunion consultative facilitée et appuyée par la Section. "
         "Dans le cadre de ce plan, le Ministère de la justice et du travail a créé un "
         "observatoire de la traite des personnes.", ""),
        ("Troisième plan d’action national du Brésil contre la traite des personnes",
         "Avec l’appui de GLO.ACT, le Secrétariat national à la justice du Brésil a lancé le "
         "troisième plan d’action national contre la traite des personnes{N}: un plan de "
         "quatre ans comptant 58 objectifs dans six domaines thématiques (gestion des "
         "politiques, gestion de l’information, renforcement des capacités, responsabilité, "
         "assistance aux victimes, sensibilisation du public et prévention).", "objectifs"),
        ("Nouvelles lois contre la traite des personnes et le trafic illicite de migrants "
         "adoptées au Pakistan",
         "En 2018, l’Assemblée nationale du Pakistan a adopté une loi sur la prévention de la "
         "traite des personnes et une loi sur la prévention du trafic illicite de migrants, "
         "rédigées par l’Agence fédérale d’enquête avec l’ONUDC sur la base des lois types de "
         "l’ONUDC. Outre les dispositions des Protocoles, ces lois ne font pas des migrants "
         "objet d’un trafic illicite ni des victimes de la traite des délinquants, prévoient "
         "une assistance aux victimes et alourdissent les peines lorsque les victimes sont "
         "des femmes et des enfants. La Section continue de faire connaître ces nouvelles "
         "lois aux principales parties prenantes dans tout le pays.", "lois adoptées"),
        ("Première Conférence Afrique-Europe sur la coopération judiciaire internationale",
         "La première Conférence Afrique-Europe sur la coopération judiciaire internationale "
         "en matière d’enquêtes et de poursuites relatives à la traite des êtres humains et "
         "au trafic illicite de migrants s’est tenue à Charm el-Cheikh (Égypte) avec l’appui "
         "de GLO.ACT. Les pays participants ont adopté des recommandations par lesquelles ils "
         "se sont engagés à renforcer la coopération internationale contre la criminalité "
         "transnationale organisée, en particulier la traite des personnes et le trafic "
         "illicite de migrants, et contre les infractions connexes comme le blanchiment "
         "d’argent.", ""),
        ("Au Malawi, le comité du district de Mchinji secourt plus de 60 victimes",
         "Au Malawi, un comité de district de lutte contre la traite à Mchinji, créé et formé "
         "par l’ONUDC, a secouru plus de 60 victimes de la traite. Depuis que le comité "
         "travaille, davantage d’informations sur la traite parviennent au district, comme le "
         "montrent les affaires enregistrées, les victimes secourues et les auteurs arrêtés en "
         "2018.", "victimes secourues"),
        ("«{N}100 jours contre la traite des personnes{N}» au Kirghizistan",
         "GLO.ACT a mené à titre pilote une campagne nationale de sensibilisation, «{N}100 "
         "jours contre la traite des personnes{N}», conduite par 80 jeunes responsables dans "
         "les sept régions du pays et la ville d’Och, avec l’appui de l’Agence d’État pour la "
         "jeunesse, l’éducation physique et le sport et du Service national des migrations. "
         "Elle a touché plus de 60\u202f000 personnes et mobilisé environ 5\u202f000 jeunes "
         "responsables qui en ont mené les activités. Pendant la campagne, les autorités ont "
         "signalé une hausse de 14{N}% des appels à la ligne d’assistance nationale.",
         "personnes touchées"),
        ("Campagne nationale de sensibilisation contre la traite des personnes et le trafic "
         "illicite de migrants au Pakistan",
         "Forte de l’expérience du Kirghizistan, GLO.ACT a appuyé une campagne nationale de "
         "sensibilisation du public au Pakistan. Elle a fait connaître les risques, les "
         "enjeux et les défis de ces deux crimes, développé une prévention menée par les "
         "communautés et lancé un débat national pour mobiliser les décideurs.", ""),
    ],
    "es": [
        ("Más de 20 personas liberadas del trabajo forzoso en el Brasil",
         "Una operación policial, el proyecto Eleutheria, realizada en el marco de una "
         "capacitación de la UNODC en São Paulo sobre la investigación de la trata de "
         "personas con fines de trabajo forzoso, desplegó a inspectores del trabajo, fiscales "
         "del trabajo y agentes de policía en investigaciones reales de casos de trabajo "
         "forzoso en la ciudad. Siguió a un taller de tres días sobre el concepto de trata de "
         "personas y el marco jurídico del Brasil.", "personas liberadas"),
        ("Planes de estudios nacionales sobre el tráfico ilícito de migrantes en Macedonia "
         "del Norte y Serbia",
         "Se elaboraron en Macedonia del Norte y Serbia planes de estudios nacionales sobre el "
         "tráfico ilícito de migrantes, que se utilizaron en talleres de formación de "
         "formadores. La Sección prestó luego mentoría a los nuevos formadores en talleres "
         "piloto; ahora capacitan por su cuenta a otros profesionales de la justicia penal y "
         "de los servicios policiales de sus países.", "planes de estudios nacionales"),
        ("Redes de fiscales establecidas en Egipto y Marruecos",
         "21 fiscales, en representación de todos los tribunales de apelación de Marruecos, "
         "recibieron capacitación para investigar y enjuiciar casos complejos de trata en "
         "virtud de la ley marroquí contra la trata (Ley 27-14). En Egipto, una serie de "
         "talleres celebrados con la Oficina del Fiscal General creó una comunidad de "
         "práctica entre los fiscales nacionales.", "fiscales capacitados"),
        ("Primera condena por trata de personas con fines de servidumbre doméstica en "
         "Colombia",
         "En septiembre de 2018 un tribunal de Colombia dictó la primera condena del país por "
         "trata de personas con fines de servidumbre doméstica, en un caso dirigido por un "
         "fiscal de la comunidad de práctica de la UNODC. El tribunal basó la condena en "
         "pruebas de captación, traslado, explotación y abuso de una situación de "
         "vulnerabilidad, y citó el documento de debate de la UNODC sobre el abuso de una "
         "situación de vulnerabilidad y otros «medios» de la definición de la trata de "
         "personas.", "condena"),
        ("El Sudán pasa a ser el Estado parte más reciente en el Protocolo contra el Tráfico "
         "Ilícito de Migrantes",
         "El Sudán pasó a ser en 2018 el Estado parte más reciente en el Protocolo, tras el "
         "Taller Regional de la UNODC previo a la Ratificación y la Adhesión a la Convención y "
         "sus Protocolos. Celebrado en la sede de la UNODC en Viena para los países que "
         "consideran pasar a ser partes, el taller reunió a nueve Estados de África Oriental: "
         "las Comoras, el Congo, Djibouti, Eritrea, Etiopía, Kenya, Sudán del Sur, el Sudán y "
         "Uganda.", ""),
        ("Cabo Verde aprueba un plan de acción nacional contra la trata de personas",
         "El Gobierno de Cabo Verde aprobó un plan de acción nacional contra la trata de "
         "personas tras una reunión consultiva facilitada y apoyada por la Sección. En el "
         "marco del plan, el Ministerio de Justicia y Trabajo creó un observatorio de la trata "
         "de personas.", ""),
        ("Tercer plan de acción nacional del Brasil contra la trata de personas",
         "Con el apoyo de GLO.ACT, la Secretaría Nacional de Justicia del Brasil puso en "
         "marcha el tercer plan de acción nacional contra la trata de personas: un plan de "
         "cuatro años con 58 metas en seis esferas temáticas (gestión de políticas, gestión "
         "de la información, fomento de la capacidad, rendición de cuentas, asistencia a las "
         "víctimas, y sensibilización pública y prevención).", "metas"),
        ("Aprobadas en el Pakistán nuevas leyes contra la trata de personas y el tráfico "
         "ilícito de migrantes",
         "En 2018 la Asamblea Nacional del Pakistán aprobó una ley de prevención de la trata de "
         "personas y una ley de prevención del tráfico ilícito de migrantes, redactadas por el "
         "Organismo Federal de Investigación con la UNODC sobre la base de las leyes modelo de "
         "la UNODC. Además de las disposiciones de los Protocolos, las leyes no penalizan a los "
         "migrantes objeto de tráfico ilícito ni a las víctimas de la trata, prevén asistencia "
         "a las víctimas y aumentan las penas cuando las víctimas son mujeres y niños. La "
         "Sección sigue dando a conocer las nuevas leyes a las principales partes interesadas "
         "en todo el país.", "leyes aprobadas"),
        ("Primera Conferencia África-Europa sobre cooperación judicial internacional",
         "La primera Conferencia África-Europa sobre Cooperación Judicial Internacional en la "
         "Investigación y el Enjuiciamiento de la Trata de Personas y el Tráfico Ilícito de "
         "Migrantes se celebró en Sharm el-Sheij (Egipto) con el apoyo de GLO.ACT. Los países "
         "participantes aprobaron recomendaciones por las que se comprometieron a reforzar la "
         "cooperación internacional contra la delincuencia organizada transnacional, en "
         "particular la trata de personas y el tráfico ilícito de migrantes, y contra delitos "
         "conexos como el blanqueo de dinero.", ""),
        ("El comité del distrito de Mchinji rescata a más de 60 víctimas en Malawi",
         "En Malawi, un comité de distrito contra la trata en Mchinji, creado y capacitado por "
         "la UNODC, rescató a más de 60 víctimas de la trata. Desde que el comité comenzó su "
         "labor, llega al distrito más información sobre la trata, como muestran los casos "
         "registrados, las víctimas rescatadas y los autores detenidos en 2018.",
         "víctimas rescatadas"),
        ("«100 días contra la trata de personas» en Kirguistán",
         "GLO.ACT puso a prueba una campaña nacional de sensibilización, «100 días contra la "
         "trata de personas», dirigida por 80 jóvenes líderes en las siete regiones del país "
         "y la ciudad de Osh con el apoyo del Organismo Estatal de Juventud, Educación Física "
         "y Deporte y del Servicio Estatal de Migración. Llegó a más de 60.000 personas y "
         "contó con unos 5.000 jóvenes líderes que llevaron a cabo sus actividades. Durante "
         "la campaña, las autoridades informaron de un aumento del 14 % de las llamadas a la "
         "línea telefónica nacional de asistencia.", "personas alcanzadas"),
        ("Campaña nacional de sensibilización contra la trata de personas y el tráfico "
         "ilícito de migrantes en el Pakistán",
         "A partir de la experiencia de Kirguistán, GLO.ACT apoyó una campaña nacional de "
         "sensibilización pública en el Pakistán. La campaña dio a conocer los riesgos, "
         "problemas y desafíos de ambos delitos, desarrolló la prevención dirigida por las "
         "comunidades e inició un debate nacional para movilizar a los responsables de las "
         "políticas.", ""),
    ],
}
"""The stories' title, summary and unit in French and Spanish, in :data:`STORIES_2018`' order."""
STORIES_2018_IN["fr"] = [tuple(t.replace("{N}", N) for t in story)
                         for story in STORIES_2018_IN["fr"]]

JOINT_PUBLICATIONS_2018 = [
    # (date, body, title (en, fr, es), programme): the Joint ICAT Issue Briefs
    ("2018-03-06", "ICAT", (
        "ICAT Issue Brief: The Role of the Sustainable Development Goals (SDGs) in Combating "
        "Trafficking in Persons",
        "Note de synthèse de l’ICAT{N}: le rôle des objectifs de développement durable (ODD) "
        "dans la lutte contre la traite des personnes".replace("{N}", N),
        "Nota informativa del ICAT: el papel de los Objetivos de Desarrollo Sostenible (ODS) "
        "en la lucha contra la trata de personas"), "GLOT59"),
    ("2018-07-30", "ICAT", (
        "ICAT Issue Brief: Trafficking in Children, published for the World Day against "
        "Trafficking in Persons on 30 July 2018",
        "Note de synthèse de l’ICAT{N}: la traite des enfants, publiée pour la Journée "
        "mondiale de la lutte contre la traite d’êtres humains, le 30 juillet 2018".replace(
            "{N}", N),
        "Nota informativa del ICAT: la trata de niños, publicada con ocasión del Día Mundial "
        "contra la Trata de Personas, el 30 de julio de 2018"), "GLOT59"),
]
"""The Joint ICAT Issue Briefs of 2018 (engagements of kind ``joint_publication``)."""

ENGAGEMENT_ORDER_2018 = {
    # title -> position on its list, in the publication's order (the others follow by date)
    "27th session of the Commission on Crime Prevention and Criminal Justice (CCPCJ)": 1,
    "9th session of the Conference of the Parties to the United Nations Convention against "
    "Transnational Organized Crime (UNTOC COP)": 2,
    "8th session of the Working Group on TIP": 3,
    "5th session of the Working Group on SOM": 4,
    "UNTOC COP Report of the 8th meeting of the Working Group on TIP": 1,
    "UNTOC COP Report of the 5th meeting of the Working Group on SOM": 2,
    "UNTOC COP Report of the Secretariat on Activities of the UNODC to promote and support "
    "the implementation of the TIP Protocol": 3,
    "UNTOC COP Report of the Secretariat on Activities of the UNODC to promote and support "
    "the implementation of the SOM Protocol": 4,
    "The Report of the COP to the UNTOC on its 9th session": 1,
    "8th report of the Secretary-General on the threat posed by ISIL (Da\u2019esh) to "
    "international peace and security, pursuant to Security Council resolution 2368 (2017)": 2,
    "Report of the Secretary-General on trafficking in persons in armed conflict, pursuant "
    "to Security Council resolution 2388 (2017)": 3,
    "Internal UN consultations on the configuration of the UN system regarding migration, "
    "following \u201cMaking Migration Work for All\u201d (A/72/643)": 4,
    "Report of the Secretary-General on strengthening the United Nations Crime Prevention "
    "and Criminal Justice Programme, in particular its technical cooperation activity": 5,
    "Annual report of the Secretary-General on sexual violence in conflict": 6,
    "Report of the Secretary-General on trafficking in women and girls": 7,
}
"""The order of the 2018 lists as the publication prints them (contract: ``order``)."""
