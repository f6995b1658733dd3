"""Seeded generator of the synthetic sample data in ``data/sample/``.

The data are invented. They are shaped like HTMSS monitoring records for
2016-2019 and, for the section as a whole, reproduce the published figures
of the 2018 "Highlights at a glance" exactly (see :data:`YEAR_TARGETS`).
Re-running the generator gives byte-identical files.

Development tooling, not runtime code: the package ships the files it
writes (``src/htmss_analysis/sample_data``), never this generator. Run
``make sample`` (``python tools/make_sample.py --out src/htmss_analysis/sample_data``);
``data/sample`` is a link to that folder.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sample_words import (
    ENGAGEMENT_ORDER_2018,
    JOINT_PUBLICATIONS_2018,
    NARRATIVE_2018,
    STORIES_2018,
    STORIES_2018_IN,
)

from htmss_analysis import countries, glossary
from htmss_analysis.languages import country_name

SEED = 2018


@dataclass(frozen=True)
class YearTargets:
    """The section-wide figures a generated year must have exactly."""

    activities: int
    assisted: int
    represented: int
    trained: int
    publications: int
    cases_tip: int
    cases_som: int
    jurisdictions_tip: int
    jurisdictions_som: int
    web_stories: int
    page_views: int
    posts: int


YEAR_TARGETS: dict[int, YearTargets] = {
    2016: YearTargets(184, 19, 63, 3212, 4, 1104, 306, 88, 31, 102, 402_118, 612),
    2017: YearTargets(226, 22, 72, 3874, 6, 1529, 421, 97, 38, 131, 517_906, 884),
    # The published 2018 highlights: 261 activities, 25 countries assisted, 80
    # represented, over 4,500 trained, 5 tools, 2,313 cases (TIP in 106
    # jurisdictions, SOM in 43), 145 stories, 615,232 page views, over 1,000 tweets.
    2018: YearTargets(261, 25, 80, 4587, 5, 1781, 532, 106, 43, 145, 615_232, 1046),
    2019: YearTargets(243, 27, 84, 4391, 7, 1502, 460, 101, 45, 152, 688_410, 1193),
}

GLOACT_COUNTRIES = ["BLR", "BRA", "COL", "EGY", "KGZ", "LAO", "MLI", "MAR", "NPL", "NER", "PAK",
                    "ZAF", "UKR"]
# Countries a global programme assists, most likely first, with the programmes working there.
ASSISTED: dict[str, tuple[str, ...]] = {
    **{c: ("GLOACT",) for c in GLOACT_COUNTRIES},
    "BRA": ("GLOACT", "GLOT59"), "EGY": ("GLOACT", "GLOT92"), "MAR": ("GLOACT", "GLOT59"),
    "PAK": ("GLOACT", "GLOT92"), "COL": ("GLOACT", "GLOT59"),
    "MWI": ("GLOT59",), "CPV": ("GLOT59",), "MKD": ("GLOT92",), "SRB": ("GLOT92",),
    "NGA": ("GLOT59",), "MEX": ("GLOT59", "GLOT92"), "THA": ("GLOT59",), "TUN": ("GLOT92",),
    "JOR": ("GLOT92",), "GHA": ("GLOT59",), "PER": ("GLOT59",), "ETH": ("GLOT92",),
    "SDN": ("GLOT92",), "MDA": ("GLOT59",), "GTM": ("GLOT59", "GLOT92"), "LBN": ("GLOT92",),
}  # fmt: skip
ASSISTED_ORDER = [*GLOACT_COUNTRIES, "MWI", "CPV", "MKD", "SRB", "NGA", "MEX", "THA", "TUN",
                  "JOR", "GHA", "PER", "ETH", "SDN", "MDA", "GTM", "LBN"]
# Names as analysts write them, so the sample exercises the country matching.
SPELLINGS: dict[str, list[str]] = {
    "KGZ": ["Kyrgyz Republic", "Kyrgyzstan"], "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "TUR": ["Türkiye", "Turkey"], "MKD": ["The former Yugoslav Republic of Macedonia",
                                          "North Macedonia"],
    "BOL": ["Bolivia (Plurinational State of)", "Bolivia"], "MDA": ["Republic of Moldova"],
    "LAO": ["Lao People's Democratic Republic", "Lao PDR"], "BRA": ["Brazil", "bra"],
    "EGY": ["Egypt"], "VNM": ["Viet Nam"], "IRN": ["Iran (Islamic Republic of)"],
    "TZA": ["United Republic of Tanzania"], "COD": ["Democratic Republic of the Congo"],
}  # fmt: skip

CB_TYPES = ["training", "training", "training", "workshop", "workshop", "training_of_trainers",
            "mentoring", "e_learning"]
OTHER_TYPES = ["conference", "expert_meeting", "legislative_assistance", "policy_advice",
               "awareness_raising", "research", "other"]
TYPE_LABEL = {
    "training": "Training", "workshop": "Workshop", "training_of_trainers": "Training of trainers",
    "mentoring": "Mentoring", "e_learning": "E-learning course", "conference": "Conference",
    "expert_meeting": "Expert group meeting", "legislative_assistance": "Legislative assistance",
    "policy_advice": "Policy advice", "awareness_raising": "Awareness-raising campaign",
    "research": "Research", "other": "Coordination meeting",
}  # fmt: skip
# The same titles in French and Spanish (contract version 3: title_fr, title_es).
TYPE_LABEL_IN = {
    "fr": {"training": "Formation", "workshop": "Atelier",
           "training_of_trainers": "Formation de formateurs", "mentoring": "Mentorat",
           "e_learning": "Cours en ligne", "conference": "Conférence",
           "expert_meeting": "Réunion de groupe d'experts",
           "legislative_assistance": "Assistance législative",
           "policy_advice": "Conseils en matière de politiques",
           "awareness_raising": "Campagne de sensibilisation", "research": "Recherche",
           "other": "Réunion de coordination"},
    "es": {"training": "Capacitación", "workshop": "Taller",
           "training_of_trainers": "Formación de formadores", "mentoring": "Mentoría",
           "e_learning": "Curso en línea", "conference": "Conferencia",
           "expert_meeting": "Reunión de grupo de expertos",
           "legislative_assistance": "Asistencia legislativa",
           "policy_advice": "Asesoramiento normativo",
           "awareness_raising": "Campaña de sensibilización", "research": "Investigación",
           "other": "Reunión de coordinación"},
}
TOPIC_IN = {
    "fr": {"investigating trafficking for forced labour":
           "les enquêtes sur la traite aux fins de travail forcé",
           "victim identification and referral": "l'identification et l'orientation des victimes",
           "prosecuting complex trafficking cases": "la poursuite des affaires complexes de traite",
           "non-punishment of victims": "la non-sanction des victimes",
           "trafficking in children": "la traite des enfants",
           "financial investigations of trafficking":
           "les enquêtes financières relatives à la traite",
           "investigating migrant smuggling": "les enquêtes sur le trafic illicite de migrants",
           "protecting the rights of smuggled migrants":
           "la protection des droits des migrants objet d'un trafic illicite",
           "smuggling by sea": "le trafic illicite de migrants par mer",
           "international cooperation against smuggling networks":
           "la coopération internationale contre les réseaux de trafic illicite de migrants",
           "the Smuggling of Migrants Protocol":
           "le Protocole contre le trafic illicite de migrants par terre, air et mer"},
    "es": {"investigating trafficking for forced labour":
           "la investigación de la trata con fines de trabajo forzoso",
           "victim identification and referral": "la identificación y derivación de las víctimas",
           "prosecuting complex trafficking cases": "el enjuiciamiento de casos complejos de trata",
           "non-punishment of victims": "la no penalización de las víctimas",
           "trafficking in children": "la trata de niños",
           "financial investigations of trafficking":
           "las investigaciones financieras relativas a la trata",
           "investigating migrant smuggling": "la investigación del tráfico ilícito de migrantes",
           "protecting the rights of smuggled migrants":
           "la protección de los derechos de los migrantes objeto de tráfico ilícito",
           "smuggling by sea": "el tráfico ilícito de migrantes por mar",
           "international cooperation against smuggling networks":
           "la cooperación internacional contra las redes de tráfico ilícito de migrantes",
           "the Smuggling of Migrants Protocol":
           "el Protocolo contra el Tráfico Ilícito de Migrantes por Tierra, Mar y Aire"},
}
CONNECTOR = {"fr": "sur", "es": "sobre"}
NO_COUNTRY = {"fr": "mondial", "es": "mundial"}

TOPICS = {
    "TIP": ["investigating trafficking for forced labour", "victim identification and referral",
            "prosecuting complex trafficking cases", "non-punishment of victims",
            "trafficking in children", "financial investigations of trafficking"],
    "SOM": ["investigating migrant smuggling", "protecting the rights of smuggled migrants",
            "smuggling by sea", "international cooperation against smuggling networks",
            "the Smuggling of Migrants Protocol"],
}
SDG_BY_THEME = {"TIP": ["5.2", "8.7", "16.2"], "SOM": ["10.7", "16.4"]}
GROUPS = (["law_enforcement"] * 35 + ["prosecution"] * 15 + ["judiciary"] * 10
          + ["labour_inspection"] * 5 + ["government"] * 15 + ["civil_society"] * 12
          + ["international_organization"] * 4 + ["academia"] * 2 + ["other"] * 2)
FIRST = ["Amina", "Carlos", "Nadia", "Olena", "Aziz", "Fatima", "Jorge", "Mariam", "Rahul",
         "Sofia", "Kwame", "Lin", "Ana", "Youssef", "Irina", "Thabo"]
LAST = ["Diallo", "Silva", "Haddad", "Kovalenko", "Karimov", "Benali", "Gomez", "Mensah",
        "Khan", "Petrova", "Nguyen", "Okafor", "Rossi", "Sharma", "Alvarez", "Ibrahim"]


def _spell(rng: random.Random, iso3: str, share_names: float = 0.3) -> str:
    if rng.random() >= share_names:
        return iso3
    return rng.choice(SPELLINGS.get(iso3, [countries.name(iso3)]))


def _world() -> list[str]:
    """Independent countries with an M49 region, in a fixed order."""
    from hdx.location.country import Country

    table = Country.countriesdata(use_live=False)["countries"]
    return sorted(c for c, info in table.items()
                  if info.get("Independent") == "Y" and info.get("Region Name"))


def _theme_for(programmes: tuple[str, ...], rng: random.Random) -> str:
    if programmes == ("GLOT59",):
        return "TIP"
    if programmes == ("GLOT92",):
        return "SOM"
    return rng.choice(["TIP;SOM", "TIP;SOM", "TIP", "SOM"])


class _Generator:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.world = _world()
        self.activities: list[dict] = []
        self.attendance: list[dict] = []
        self.people: dict[str, tuple[str, str]] = {}  # id -> (nationality, sex)
        self.by_country: dict[str, list[str]] = defaultdict(list)
        self.used_last_year: dict[str, list[str]] = defaultdict(list)
        self.case_seq: dict[tuple[str, str], int] = defaultdict(int)
        self.cases: list[dict] = []

    # --- people -----------------------------------------------------------------
    def _new_person(self, nationality: str) -> str:
        pid = f"HT{len(self.people) + 1:06d}"
        sex = self.rng.choices(["female", "male", "other"], [43, 56, 1])[0]
        self.people[pid] = (nationality, sex)
        self.by_country[nationality].append(pid)
        return pid

    def _people_for(self, country: str, n: int, year_used: set[str]) -> list[str]:
        """``n`` people of a nationality not yet used this year, some trained before."""
        returning = [p for p in self.used_last_year[country] if p not in year_used]
        self.rng.shuffle(returning)
        chosen = returning[: int(n * 0.15)]
        while len(chosen) < n:
            chosen.append(self._new_person(country))
        year_used.update(chosen)
        return chosen

    def _attend(self, activity: dict, pid: str, year: int) -> None:
        nationality, sex = self.people[pid]
        r = self.rng.random()
        row = {"activity_id": activity["activity_id"], "participant_id": pid,
               "sex": sex if r > 0.02 else "", "nationality": nationality,
               "group": self.rng.choice(GROUPS), "pre_test": "", "post_test": ""}
        if self.rng.random() < 0.25:
            row["sex"] = {"female": "F", "male": "M"}.get(sex, sex)
        if nationality in ASSISTED and self.rng.random() < 0.01:
            row["nationality"] = ""
        elif self.rng.random() < 0.05:
            row["nationality"] = _spell(self.rng, nationality, 1.0)
        if activity["activity_type"] in ("training", "training_of_trainers", "e_learning") \
                and self.rng.random() < 0.6:
            pre = self.rng.randint(25, 75)
            row["pre_test"], row["post_test"] = pre, min(100, pre + self.rng.randint(4, 35))
        first, last = self.rng.choice(FIRST), self.rng.choice(LAST)
        row["full_name"] = f"{first} {last}"
        row["email"] = f"{first.lower()}.{last.lower()}.{pid[2:]}@example.org"
        self.attendance.append(row)

    # --- activities ---------------------------------------------------------------
    def _activity(self, year: int, level: str, atype: str, country: str | None,
                  programmes: tuple[str, ...], day: pd.Timestamp | None = None) -> dict:
        rng = self.rng
        start = day or pd.Timestamp(year, 1, 1) + pd.Timedelta(days=rng.randint(0, 364))
        duration = rng.choice([0, 0, 1, 2, 2, 3, 4])
        theme = _theme_for(programmes, rng)
        targets = sorted({t for th in theme.split(";") for t in SDG_BY_THEME[th]
                          if rng.random() < 0.6} | ({"17.9"} if atype in CB_TYPES else set()),
                         key=lambda t: tuple(int(x) if x.isdigit() else 99 for x in t.split(".")))
        topic = rng.choice(TOPICS[theme.split(";")[0]])
        where = countries.name(country) if country else "global"
        act = {
            "activity_id": f"A{year}-{len(self.activities) + 1:04d}",
            "programme": ";".join("GLO.ACT" if p == "GLOACT" and rng.random() < 0.3 else p
                                  for p in programmes),
            "title": f"{TYPE_LABEL[atype]} on {topic} ({where})",
            **{f"title_{lang}": f"{TYPE_LABEL_IN[lang][atype]} {CONNECTOR[lang]} "
               f"{TOPIC_IN[lang][topic]} "
               f"({country_name(country, lang) if country else NO_COUNTRY[lang]})"
               for lang in TYPE_LABEL_IN},
            "activity_type": atype,
            "role": "organized" if rng.random() < 0.82 else "contributed",
            "level": level,
            "start_date": start.date().isoformat(),
            "end_date": "" if duration == 0 else (start + pd.Timedelta(days=duration)).date()
            .isoformat(),
            "country": _spell(rng, country) if country else "",
            "theme": theme,
            "sdg_targets": ";".join(targets),
            "partners": rng.choice(["", "", "IOM", "UNHCR", "OSCE", "ILO", "UN Women",
                                    "EU;IOM"]),
        }
        self.activities.append(act)
        return act

    def _programmes(self, country: str) -> tuple[str, ...]:
        options = ASSISTED.get(country, ("GLOT59", "GLOT92"))
        first = self.rng.choice(options)
        if self.rng.random() < 0.12:  # joint activity
            other = self.rng.choice([p for p in ("GLOT59", "GLOT92", "GLOACT") if p != first])
            return tuple(sorted({first, other}))
        return (first,)

    def year(self, year: int, t: YearTargets) -> None:
        rng = self.rng
        assisted = ASSISTED_ORDER[: t.assisted]
        others = [c for c in self.world if c not in ASSISTED]
        extra = sorted(rng.sample(others, t.represented - t.assisted))
        outside = [c for c in others if c not in extra]
        n_nat_cb = round(t.activities * 0.58)
        n_reg_cb = round(t.activities * 0.15)
        n_nat_other = round(t.activities * 0.19)
        n_reg_other = t.activities - n_nat_cb - n_reg_cb - n_nat_other

        nat_cb = []
        for i in range(n_nat_cb):
            country = assisted[i] if i < len(assisted) else rng.choice(assisted)
            # Two activities sit on the year's edges: 1 January and 31 December.
            day = {0: pd.Timestamp(year, 1, 1), 1: pd.Timestamp(year, 12, 31)}.get(i)
            nat_cb.append(self._activity(year, "national", rng.choice(CB_TYPES), country,
                                         self._programmes(country), day))
        groups: dict[str, list[str]] = defaultdict(list)
        for c in extra:
            groups[countries.subregion(c)].append(c)
        group_list = [groups[k] for k in sorted(groups)]
        reg_cb = []
        covers: dict[str, list[dict]] = defaultdict(list)
        for i in range(n_reg_cb):
            members = [c for j, g in enumerate(group_list) if j % n_reg_cb == i for c in g]
            if not members:
                members = rng.choice(group_list)
            # Every third regional event is hosted by a country outside the region
            # (e.g. at UNODC headquarters in Vienna).
            host = "AUT" if i % 3 == 2 else rng.choice(members)
            neighbours = [c for c in assisted if countries.subregion(c)
                          == countries.subregion(members[0])]
            act = self._activity(year, "regional", rng.choice(CB_TYPES[:6]), host,
                                 (rng.choice(["GLOT59", "GLOT92", "GLOACT"]),))
            act["_members"] = members + neighbours
            reg_cb.append(act)
            for c in act["_members"]:
                covers[c].append(act)
        [self._activity(year, "national", rng.choice(OTHER_TYPES),
                                    rng.choice(assisted + list(ASSISTED)[-4:]),
                                    (rng.choice(["GLOT59", "GLOT92", "GLOACT"]),))
         for _ in range(n_nat_other)]
        reg_other = [self._activity(year, "regional", rng.choice(["conference", "expert_meeting"]),
                                    rng.choice(extra + [""]) or None,
                                    (rng.choice(["GLOT59", "GLOT92", "GLOACT"]),))
                     for _ in range(n_reg_other)]
        glob_cb = [self._activity(year, "global", t_, rng.choice(["AUT", "USA", ""]) or None,
                                  (p,)) for t_, p in [("e_learning", "GLOT59"),
                                                      ("training", "GLOT92"),
                                                      ("e_learning", "GLOACT")]]
        glob_other = [self._activity(year, "global", rng.choice(["conference", "expert_meeting",
                                                                 "research", "policy_advice"]),
                                     rng.choice(["AUT", "USA", "CHE", ""]) or None,
                                     (rng.choice(["GLOT59", "GLOT92"]),)) for _ in range(6)]

        # People trained at national and regional level: every represented country has some.
        used: set[str] = set()
        n_global = 120
        national_people = t.trained - n_global
        per_extra = {c: rng.randint(2, 9) for c in extra}
        remaining = national_people - sum(per_extra.values())
        weights = [sum(a["country"] and countries.to_iso3(a["country"]) == c for a in nat_cb)
                   for c in assisted]
        per_assisted = {c: 1 for c in assisted}
        for c in rng.choices(assisted, weights, k=remaining - len(assisted)):
            per_assisted[c] += 1
        nat_by_country: dict[str, list[dict]] = defaultdict(list)
        for a in nat_cb:
            nat_by_country[countries.to_iso3(a["country"])].append(a)
        trained_this_year = []
        for c, n in {**per_assisted, **per_extra}.items():
            for pid in self._people_for(c, n, used):
                if c in per_extra or (covers.get(c) and rng.random() < 0.12):
                    act = rng.choice(covers[c])
                else:
                    act = rng.choice(nat_by_country[c])
                self._attend(act, pid, year)
                trained_this_year.append((pid, c, act))
        # Some come back to a second activity, often of another programme.
        for pid, c, act in rng.sample(trained_this_year, len(trained_this_year) // 8):
            options = [a for a in nat_by_country.get(c, []) + covers.get(c, []) if a is not act]
            if options:
                self._attend(rng.choice(options), pid, year)
        # Global courses: people of countries not otherwise represented.
        for i in range(n_global):
            self._attend(glob_cb[i % len(glob_cb)], self._new_person(rng.choice(outside)), year)
        # Conferences have participants too; they are not trained and not represented.
        for act in reg_other[: max(3, len(reg_other) // 3)] + glob_other[:2]:
            for _ in range(rng.randint(10, 30)):
                self._attend(act, self._new_person(rng.choice(self.world)), year)
        self.used_last_year = defaultdict(list)
        for pid in used:
            self.used_last_year[self.people[pid][0]].append(pid)
        for lst in self.used_last_year.values():
            lst.sort()
        self._cases(year, t)

    def _cases(self, year: int, t: YearTargets) -> None:
        rng = self.rng
        for database, n, k in (("TIP", t.cases_tip, t.jurisdictions_tip),
                               ("SOM", t.cases_som, t.jurisdictions_som)):
            places = sorted(rng.sample(self.world, k - (database == "TIP")))
            if database == "TIP":
                places.append(countries.INTERNATIONAL_BODIES)
            chosen = places + rng.choices(places, k=n - len(places))
            for place in chosen:
                prefix = "IRB" if place == countries.INTERNATIONAL_BODIES else place
                self.case_seq[(database, prefix)] += 1
                seq = self.case_seq[(database, prefix)]
                day = pd.Timestamp(year, 1, 1) + pd.Timedelta(days=rng.randint(0, 364))
                written = place if place == countries.INTERNATIONAL_BODIES else _spell(rng, place,
                                                                                       0.2)
                self.cases.append({
                    "case_id": f"{prefix}{seq:03d}", "database": database,
                    "jurisdiction": written, "added_date": day.date().isoformat(),
                    "decision_year": year - rng.choice([0, 1, 1, 2, 3, 5]),
                    "programme": "GLOACT" if place in GLOACT_COUNTRIES and rng.random() < 0.2
                    else "",
                    "title": f"{'Trafficking' if database == 'TIP' else 'Smuggling'} case "
                             f"{prefix}{seq:03d}",
                    "url": "",
                })


def _web(rng: random.Random, years: dict[int, YearTargets]) -> tuple[list, list, list]:
    stories, traffic, posts = [], [], []
    sites = [("UNODC/HTMSS", ""), ("GLO.ACT", "GLOACT")]
    accounts = [("@UNODC_HTMSS", ""), ("@glo_act", "GLOACT")]
    for year, t in years.items():
        for i in range(t.web_stories):
            site, prog = rng.choice(sites + [("UNODC/HTMSS", "GLOT59"),
                                             ("UNODC/HTMSS", "GLOT92")])
            day = pd.Timestamp(year, 1, 1) + pd.Timedelta(days=rng.randint(0, 364))
            theme = "SOM" if prog == "GLOT92" else rng.choice(["TIP", "SOM"])
            stories.append({"story_id": f"W{year}-{i + 1:03d}", "site": site,
                            "published_date": day.date().isoformat(),
                            "title": f"{rng.choice(['UNODC supports', 'News:', 'Feature:'])} "
                                     f"{rng.choice(TOPICS[theme])} in "
                                     f"{countries.name(rng.choice(ASSISTED_ORDER))}",
                            "programme": prog})
        for rows, names, total, column in ((traffic, sites, t.page_views, "page_views"),
                                           (posts, accounts, t.posts, "posts")):
            cells = [(n, p, m) for n, p in names for m in range(1, 13)]
            shares = [rng.uniform(0.6, 1.4) * (1.8 if p == "" else 1.0) for _, p, _ in cells]
            values = [int(total * s / sum(shares)) for s in shares]
            values[-1] += total - sum(values)
            key = "site" if column == "page_views" else "account"
            for (n, p, m), v in zip(cells, values, strict=True):
                rows.append({key: n, "month": f"{year}-{m:02d}", column: v, "programme": p})
    return stories, traffic, posts


PUBLICATIONS = [
    (2016, "GLOT59", "standard_setting_tool", "Issue Paper: The Concept of 'Exploitation'"),
    (2016, "GLOT92", "technical_cooperation_tool", "Toolkit to Combat Smuggling of Migrants"),
    (2016, "GLOT59;GLOT92", "publication", "Global Report on Trafficking in Persons 2016"),
    (2016, "GLOACT", "technical_cooperation_tool", "GLO.ACT needs assessment methodology"),
    (2017, "GLOT59", "standard_setting_tool", "Issue Paper: Evidential Issues in TIP Cases"),
    (2017, "GLOT92", "publication", "Migrant smuggling by air"),
    (2017, "GLOT59", "technical_cooperation_tool", "Anti-human trafficking manual for "
     "criminal justice practitioners (revised)"),
    (2017, "GLOACT", "technical_cooperation_tool", "Training manual on victim identification"),
    (2017, "GLOT92", "standard_setting_tool", "Model law against the smuggling of migrants "
     "(update)"),
    (2017, "GLOT59;GLOT92", "publication", "ICAT Issue Brief: Trafficking and smuggling in "
     "mixed migration flows"),
    (2018, "GLOT59", "publication", "Thematic Paper: Countering Trafficking in Persons in "
     "Conflict Situations"),
    (2018, "GLOT59", "standard_setting_tool", "Issue Paper: The International Legal Definition "
     "of Trafficking in Persons"),
    (2018, "GLOT59", "publication", "ICAT Issue Brief: The Role of the Sustainable Development "
     "Goals in Combating Trafficking in Persons"),
    (2018, "GLOT59", "publication", "ICAT Issue Brief: Trafficking in Children"),
    # The fifth 2018 publication: the highlights mention an achievements paper published
    # after the first meeting of ICAT Principals (the E4J modules are teaching modules now).
    (2018, "GLOT59", "publication", "ICAT achievements paper and overview of ICAT agencies' "
     "work against trafficking in persons"),
    (2019, "GLOT59", "standard_setting_tool", "Model Legislative Provisions against TIP "
     "(revised)"),
    (2019, "GLOT59", "publication", "Issue Paper: Interlinkages between TIP and marriage"),
    (2019, "GLOT59", "technical_cooperation_tool", "Handbook on International Legal "
     "Cooperation in TIP Cases"),
    (2019, "GLOT92", "publication", "Issue Paper: The Role of Women in Migrant Smuggling"),
    (2019, "GLOT92", "technical_cooperation_tool", "Smuggling of migrants e-learning course"),
    (2019, "GLOACT", "publication", "GLO.ACT phase I final report"),
    (2019, "GLOACT", "technical_cooperation_tool", "Guidelines for national referral "
     "mechanisms"),
]

PUBLISHED_ON = {"ICAT Issue Brief: Trafficking in Children": pd.Timestamp(2018, 7, 30)}
"""Publication dates the 2018 highlights give ("published to coincide with World Day against
Trafficking in Persons on 30 July 2018")."""

# --- contract version 2: teaching modules, engagements, priorities -----------------------

TEACHING_MODULES = {2018: 14}
"""E4J university modules on TIP and SOM per year (the highlights: 14 in 2018)."""

_SECTION = ""  # a blank programme: the section as a whole
ENGAGEMENTS = [
    # (date, kind, body, title, programme, place, note)
    ("2016-05-23", "session_serviced", "CCPCJ", "25th session of the Commission on Crime "
     "Prevention and Criminal Justice", _SECTION, "Vienna", ""),
    ("2016-10-17", "session_serviced", "UNTOC COP", "8th session of the Conference of the "
     "Parties to UNTOC", _SECTION, "Vienna", ""),
    ("2016-10-19", "session_serviced", "Working Group on TIP", "6th session of the Working "
     "Group on Trafficking in Persons", "GLOT59", "Vienna", ""),
    ("2016-09-19", "briefing", "ICAT", "ICAT side event at the UN Summit for Refugees and "
     "Migrants", "GLOT59", "New York", ""),
    ("2016-12-05", "report_prepared", "UNTOC COP", "Report of the 6th session of the Working "
     "Group on TIP", "GLOT59", "", ""),
    ("2017-05-22", "session_serviced", "CCPCJ", "26th session of the Commission on Crime "
     "Prevention and Criminal Justice", _SECTION, "Vienna", ""),
    ("2017-09-06", "session_serviced", "Working Group on TIP", "7th session of the Working "
     "Group on Trafficking in Persons", "GLOT59", "Vienna", ""),
    ("2017-07-11", "session_serviced", "Working Group on SOM", "4th session of the Working "
     "Group on the Smuggling of Migrants", "GLOT92", "Vienna", ""),
    ("2017-09-27", "briefing", "ICAT", "ICAT briefing to Member States on the Global Plan of "
     "Action", "GLOT59", "New York", ""),
    ("2017-10-12", "briefing", "GLO.ACT", "GLO.ACT briefing to EU Member States", "GLOACT",
     "Brussels", ""),
    ("2017-11-20", "report_prepared", "UNTOC COP", "Report of the 7th session of the Working "
     "Group on TIP", "GLOT59", "", ""),
    ("2017-11-27", "report_prepared", "UNTOC COP", "Report of the 4th session of the Working "
     "Group on SOM", "GLOT92", "", ""),
    # 2018, as the highlights publish it.
    ("2018-05-14", "session_serviced", "CCPCJ", "27th session of the Commission on Crime "
     "Prevention and Criminal Justice (CCPCJ)", _SECTION, "Vienna", ""),
    ("2018-10-15", "session_serviced", "UNTOC COP", "9th session of the Conference of the "
     "Parties to the United Nations Convention against Transnational Organized Crime "
     "(UNTOC COP)", _SECTION, "Vienna", "15-19 October 2018"),
    ("2018-07-02", "session_serviced", "Working Group on TIP", "8th session of the Working "
     "Group on TIP", "GLOT59", "Vienna", ""),
    ("2018-07-04", "session_serviced", "Working Group on SOM", "5th session of the Working "
     "Group on SOM", "GLOT92", "Vienna", ""),
    ("2018-05-02", "meeting_organized", "ICAT", "First-ever meeting of Principals of ICAT, "
     "convened by UNODC", "GLOT59", "New York",
     "21 of the 23 ICAT agencies, 10 at principal level"),
    ("2018-03-14", "briefing", "ICAT", "ICAT briefing to Member States on the Issue Brief on "
     "the SDGs", "GLOT59", "New York", ""),
    ("2018-05-03", "briefing", "ICAT", "ICAT briefing on the outcome of the Principals "
     "meeting", "GLOT59", "New York", ""),
    ("2018-07-30", "briefing", "ICAT", "ICAT side event on the World Day against Trafficking "
     "in Persons", "GLOT59", "New York", ""),
    ("2018-10-16", "briefing", "ICAT", "High-level side event on the margins of the 9th "
     "session of the UNTOC COP", "GLOT59;GLOT92", "Vienna", ""),
    ("2018-12-04", "briefing", "ICAT", "ICAT briefing to Member States in Vienna", "GLOT59",
     "Vienna", ""),
    ("2018-09-10", "report_prepared", "UNTOC COP", "UNTOC COP Report of the 8th meeting of "
     "the Working Group on TIP", "GLOT59", "", ""),
    ("2018-09-10", "report_prepared", "UNTOC COP", "UNTOC COP Report of the 5th meeting of "
     "the Working Group on SOM", "GLOT92", "", ""),
    ("2018-08-01", "report_prepared", "UNTOC COP", "UNTOC COP Report of the Secretariat on "
     "Activities of the UNODC to promote and support the implementation of the TIP Protocol",
     "GLOT59", "", ""),
    ("2018-08-01", "report_prepared", "UNTOC COP", "UNTOC COP Report of the Secretariat on "
     "Activities of the UNODC to promote and support the implementation of the SOM Protocol",
     "GLOT92", "", ""),
    ("2018-11-30", "report_input", "UNTOC COP", "The Report of the COP to the UNTOC on its "
     "9th session", _SECTION, "", ""),
    ("2018-02-01", "report_input", "Security Council", "8th report of the Secretary-General "
     "on the threat posed by ISIL (Da\u2019esh) to international peace and security, pursuant to "
     "Security Council resolution 2368 (2017)", "GLOT59", "", ""),
    ("2018-06-01", "report_input", "Security Council", "Report of the Secretary-General on "
     "trafficking in persons in armed conflict, pursuant to Security Council resolution 2388 "
     "(2017)", "GLOT59", "", ""),
    ("2018-03-01", "report_input", "General Assembly", "Internal UN consultations on the "
     "configuration of the UN system regarding migration, following \u201cMaking Migration Work "
     "for All\u201d (A/72/643)", _SECTION, "", ""),
    ("2018-04-01", "report_input", "ECOSOC", "Report of the Secretary-General on "
     "strengthening the United Nations Crime Prevention and Criminal Justice Programme, in "
     "particular its technical cooperation activity", _SECTION, "", ""),
    ("2018-03-15", "report_input", "Security Council", "Annual report of the Secretary-"
     "General on sexual violence in conflict", "GLOT59", "", ""),
    ("2018-07-15", "report_input", "General Assembly", "Report of the Secretary-General on "
     "trafficking in women and girls", "GLOT59", "", ""),
    # 2019
    ("2019-05-20", "session_serviced", "CCPCJ", "28th session of the Commission on Crime "
     "Prevention and Criminal Justice", _SECTION, "Vienna", ""),
    ("2019-05-06", "briefing", "ICAT", "ICAT briefing with the 2019 Co-Chairs (OSCE and UN "
     "Women)", "GLOT59", "Vienna", ""),
    ("2019-07-30", "briefing", "ICAT", "World Day against Trafficking in Persons 2019: "
     "trafficking in conflict and war zones", "GLOT59", "New York", ""),
    ("2019-09-15", "report_prepared", "UNTOC COP", "Report of the Secretariat on the "
     "implementation of the TIP Protocol", "GLOT59", "", ""),
]
"""Intergovernmental and inter-agency work; 2018 as published, other years plausible."""

REPORT_INPUTS_UNNAMED = {2016: 14, 2017: 17, 2018: 15, 2019: 19}
"""Inputs to UN reports the highlights count without naming ("more than 20" in 2018)."""

# --- contract version 3: the engagements, publications and results in French and Spanish ----

N = "\u202f"  # French puts a narrow no-break space before : ; ! ? and inside « »

BODY_TERMS = {"CCPCJ": "commission", "UNTOC COP": "cop", "Working Group on TIP": "wg_tip",
              "Working Group on SOM": "wg_som", "ICAT": "icat",
              "General Assembly": "general_assembly", "Security Council": "security_council",
              "ECOSOC": "ecosoc"}
"""The glossary's term of each body the engagements name (GLO.ACT is a code in every language)."""

PLACES_IN = {"Vienna": {"fr": "Vienne", "es": "Viena"},
             "New York": {"fr": "New York", "es": "Nueva York"},
             "Brussels": {"fr": "Bruxelles", "es": "Bruselas"}}

NOTES_IN = {
    "15-19 October 2018": {"fr": "15-19 octobre 2018", "es": "15-19 de octubre de 2018"},
    "21 of the 23 ICAT agencies, 10 at principal level": {
        "fr": "21 des 23 organismes membres de l'ICAT, dont 10 représentés par leur chef de "
              "secrétariat",
        "es": "21 de los 23 organismos del ICAT, 10 de ellos representados por su jefe "
              "ejecutivo"},
}

_CCPCJ_FR = "de la Commission pour la prévention du crime et la justice pénale"
_CCPCJ_ES = "de la Comisión de Prevención del Delito y Justicia Penal"
_COP_FR = ("de la Conférence des Parties à la Convention des Nations Unies contre la "
           "criminalité transnationale organisée")
_COP_ES = ("de la Conferencia de las Partes en la Convención de las Naciones Unidas contra la "
           "Delincuencia Organizada Transnacional")
_WG_FR = {"TIP": "du Groupe de travail sur la traite des personnes",
          "SOM": "du Groupe de travail sur le trafic illicite de migrants"}
_WG_ES = {"TIP": "del Grupo de Trabajo sobre la Trata de Personas",
          "SOM": "del Grupo de Trabajo sobre el Tráfico Ilícito de Migrantes"}
_PROTOCOL_FR = {"TIP": "du Protocole relatif à la traite des personnes",
                "SOM": "du Protocole relatif au trafic illicite de migrants"}
_PROTOCOL_ES = {"TIP": "del Protocolo contra la Trata de Personas",
                "SOM": "del Protocolo contra el Tráfico Ilícito de Migrantes"}
_BRIEFING_FR = "Réunion d'information de l'ICAT à l'intention des États Membres"
_BRIEFING_ES = "Sesión informativa del ICAT para los Estados Miembros"

_INPUT_TO = ("Input to the report of the Secretary-General on ",
             "Contribution au rapport du Secrétaire général sur ",
             "Contribución al informe del Secretario General sobre ")
REPORT_INPUT_TITLES = {
    # body -> the reports the section gives inputs to each year, (English, French, Spanish)
    "General Assembly": [
        ("the implementation of the United Nations Global Plan of Action to Combat Trafficking "
         "in Persons",
         "l'application du Plan d'action mondial des Nations Unies pour la lutte contre la "
         "traite des personnes",
         "la aplicación del Plan de Acción Mundial de las Naciones Unidas para Combatir la "
         "Trata de Personas"),
        ("violence against women migrant workers",
         "la violence à l'égard des travailleuses migrantes",
         "la violencia contra las trabajadoras migratorias"),
        ("international migration and development",
         "les migrations internationales et le développement",
         "la migración internacional y el desarrollo"),
        ("the protection of migrants", "la protection des migrants",
         "la protección de los migrantes"),
        ("the rule of law at the national and international levels",
         "l'état de droit aux niveaux national et international",
         "el estado de derecho en los planos nacional e internacional"),
        ("improving the coordination of efforts against trafficking in persons",
         "l'amélioration de la coordination des efforts déployés pour lutter contre la traite "
         "des personnes",
         "la mejora de la coordinación de los esfuerzos contra la trata de personas"),
        ("oceans and the law of the sea", "les océans et le droit de la mer",
         "los océanos y el derecho del mar"),
    ],
    "Security Council": [
        ("children and armed conflict", "le sort des enfants en temps de conflit armé",
         "los niños y los conflictos armados"),
        ("the United Nations Support Mission in Libya",
         "la Mission d'appui des Nations Unies en Libye",
         "la Misión de Apoyo de las Naciones Unidas en Libia"),
        ("the protection of civilians in armed conflict",
         "la protection des civils en période de conflit armé",
         "la protección de los civiles en los conflictos armados"),
        ("the situation in Mali", "la situation au Mali", "la situación en Malí"),
        ("the situation in Somalia", "la situation en Somalie", "la situación en Somalia"),
        ("women and peace and security", "les femmes et la paix et la sécurité",
         "las mujeres y la paz y la seguridad"),
        ("the situation in Afghanistan", "la situation en Afghanistan",
         "la situación en el Afganistán"),
    ],
    "ECOSOC": [
        ("world crime trends and emerging issues and responses in the field of crime "
         "prevention and criminal justice",
         "l'évolution de la criminalité dans le monde et les questions nouvelles et les "
         "réponses à y apporter dans le domaine de la prévention du crime et de la justice "
         "pénale",
         "las tendencias de la delincuencia a nivel mundial y las cuestiones nuevas y las "
         "respuestas en materia de prevención del delito y justicia penal"),
        ("progress towards the Sustainable Development Goals",
         "les progrès accomplis dans la réalisation des objectifs de développement durable",
         "los progresos realizados para lograr los Objetivos de Desarrollo Sostenible"),
        ("the use and application of United Nations standards and norms in crime prevention "
         "and criminal justice",
         "l'utilisation et l'application des règles et normes des Nations Unies en matière de "
         "prévention du crime et de justice pénale",
         "la utilización y aplicación de las reglas y normas de las Naciones Unidas en materia "
         "de prevención del delito y justicia penal"),
        ("the work of the United Nations Office on Drugs and Crime",
         "les activités de l'Office des Nations Unies contre la drogue et le crime",
         "la labor de la Oficina de las Naciones Unidas contra la Droga y el Delito"),
        ("mainstreaming a gender perspective into all policies and programmes of the United "
         "Nations system",
         "l'intégration d'une perspective de genre dans l'ensemble des politiques et "
         "programmes du système des Nations Unies",
         "la incorporación de una perspectiva de género en todas las políticas y programas "
         "del sistema de las Naciones Unidas"),
        ("international cooperation in criminal matters",
         "la coopération internationale en matière pénale",
         "la cooperación internacional en asuntos penales"),
        ("technical assistance for implementing the international conventions and protocols "
         "related to counter-terrorism",
         "l'assistance technique pour l'application des conventions et protocoles "
         "internationaux relatifs à la lutte contre le terrorisme",
         "la asistencia técnica para aplicar los convenios y protocolos internacionales "
         "relativos a la lucha contra el terrorismo"),
    ],
}
"""Plausible reports for the inputs the highlights count without naming them."""


def _input_title(body: str, k: int) -> tuple[str, str, str]:
    """Title (English, French, Spanish) of the ``k``-th unnamed input of a year to ``body``."""
    texts = REPORT_INPUT_TITLES[body][k % len(REPORT_INPUT_TITLES[body])]
    return tuple(f"{to}{text}" for to, text in zip(_INPUT_TO, texts, strict=True))


ENGAGEMENT_TITLES_IN = {
    # (French, Spanish) of each title of ENGAGEMENTS, in the glossary's terms
    "25th session of the Commission on Crime Prevention and Criminal Justice":
        (f"25e session {_CCPCJ_FR}", f"25º período de sesiones {_CCPCJ_ES}"),
    "8th session of the Conference of the Parties to UNTOC":
        (f"8e session {_COP_FR}", f"8º período de sesiones {_COP_ES}"),
    "6th session of the Working Group on Trafficking in Persons":
        (f"6e session {_WG_FR['TIP']}", f"6ª reunión {_WG_ES['TIP']}"),
    "ICAT side event at the UN Summit for Refugees and Migrants":
        ("Manifestation parallèle de l'ICAT lors du Sommet des Nations Unies pour les réfugiés "
         "et les migrants", "Acto paralelo del ICAT en la Cumbre de las Naciones Unidas sobre "
         "los Refugiados y los Migrantes"),
    "Report of the 6th session of the Working Group on TIP":
        (f"Rapport de la 6e session {_WG_FR['TIP']}", f"Informe de la 6ª reunión {_WG_ES['TIP']}"),
    "26th session of the Commission on Crime Prevention and Criminal Justice":
        (f"26e session {_CCPCJ_FR}", f"26º período de sesiones {_CCPCJ_ES}"),
    "7th session of the Working Group on Trafficking in Persons":
        (f"7e session {_WG_FR['TIP']}", f"7ª reunión {_WG_ES['TIP']}"),
    "4th session of the Working Group on the Smuggling of Migrants":
        (f"4e session {_WG_FR['SOM']}", f"4ª reunión {_WG_ES['SOM']}"),
    "ICAT briefing to Member States on the Global Plan of Action":
        (f"{_BRIEFING_FR} sur le Plan d'action mondial",
         f"{_BRIEFING_ES} sobre el Plan de Acción Mundial"),
    "GLO.ACT briefing to EU Member States":
        ("Réunion d'information de GLO.ACT à l'intention des États membres de l'Union "
         "européenne", "Sesión informativa de GLO.ACT para los Estados miembros de la Unión "
         "Europea"),
    "Report of the 7th session of the Working Group on TIP":
        (f"Rapport de la 7e session {_WG_FR['TIP']}", f"Informe de la 7ª reunión {_WG_ES['TIP']}"),
    "Report of the 4th session of the Working Group on SOM":
        (f"Rapport de la 4e session {_WG_FR['SOM']}", f"Informe de la 4ª reunión {_WG_ES['SOM']}"),
    "27th session of the Commission on Crime Prevention and Criminal Justice (CCPCJ)":
        (f"27e session {_CCPCJ_FR} (CCPCJ)", f"27º período de sesiones {_CCPCJ_ES} (CCPCJ)"),
    "9th session of the Conference of the Parties to the United Nations Convention against "
    "Transnational Organized Crime (UNTOC COP)":
        (f"9e session {_COP_FR}", f"9º período de sesiones {_COP_ES}"),
    "8th session of the Working Group on TIP":
        (f"8e session {_WG_FR['TIP']}", f"8ª reunión {_WG_ES['TIP']}"),
    "5th session of the Working Group on SOM":
        (f"5e session {_WG_FR['SOM']}", f"5ª reunión {_WG_ES['SOM']}"),
    "First-ever meeting of Principals of ICAT, convened by UNODC":
        ("Toute première réunion des chefs de secrétariat des organismes membres du Groupe "
         "interinstitutions de coordination contre la traite des personnes (ICAT), convoquée "
         "par l'ONUDC",
         "Primera reunión de la historia de los jefes ejecutivos de los organismos del Grupo "
         "Interinstitucional de Coordinación contra la Trata de Personas (ICAT), convocada por "
         "la UNODC"),
    "ICAT briefing to Member States on the Issue Brief on the SDGs":
        (f"{_BRIEFING_FR} sur la note thématique consacrée aux objectifs de développement "
         "durable",
         f"{_BRIEFING_ES} sobre el documento temático relativo a los Objetivos de Desarrollo "
         "Sostenible"),
    "ICAT briefing on the outcome of the Principals meeting":
        ("Réunion d'information de l'ICAT sur les résultats de la réunion des chefs de "
         "secrétariat",
         "Sesión informativa del ICAT sobre los resultados de la reunión de jefes ejecutivos"),
    "ICAT side event on the World Day against Trafficking in Persons":
        ("Manifestation parallèle de l'ICAT à l'occasion de la Journée mondiale de la lutte "
         "contre la traite d'êtres humains",
         "Acto paralelo del ICAT con ocasión del Día Mundial contra la Trata de Personas"),
    "High-level side event on the margins of the 9th session of the UNTOC COP":
        ("Manifestation parallèle de haut niveau en marge de la 9e session de la Conférence "
         "des Parties",
         "Acto paralelo de alto nivel al margen del 9º período de sesiones de la Conferencia "
         "de las Partes"),
    "ICAT briefing to Member States in Vienna":
        (f"{_BRIEFING_FR} à Vienne", f"{_BRIEFING_ES} en Viena"),
    "UNTOC COP Report of the 8th meeting of the Working Group on TIP":
        (f"Rapport de la 8e réunion {_WG_FR['TIP']} à la Conférence des Parties",
         f"Informe de la 8ª reunión {_WG_ES['TIP']} a la Conferencia de las Partes"),
    "UNTOC COP Report of the 5th meeting of the Working Group on SOM":
        (f"Rapport de la 5e réunion {_WG_FR['SOM']} à la Conférence des Parties",
         f"Informe de la 5ª reunión {_WG_ES['SOM']} a la Conferencia de las Partes"),
    **{f"UNTOC COP Report of the Secretariat on Activities of the UNODC to promote and support "
       f"the implementation of the {theme} Protocol":
       (f"Rapport du Secrétariat à la Conférence des Parties sur les activités de l'ONUDC "
        f"visant à promouvoir et appuyer l'application {_PROTOCOL_FR[theme]}",
        f"Informe de la Secretaría a la Conferencia de las Partes sobre las actividades de la "
        f"UNODC para promover y apoyar la aplicación {_PROTOCOL_ES[theme]}")
       for theme in ("TIP", "SOM")},
    "The Report of the COP to the UNTOC on its 9th session":
        (f"Rapport {_COP_FR.removeprefix('de ')} sur les travaux de sa neuvième session",
         f"Informe {_COP_ES} sobre su noveno período de sesiones"),
    "8th report of the Secretary-General on the threat posed by ISIL (Da\u2019esh) to "
    "international peace and security, pursuant to Security Council resolution 2368 (2017)":
        ("Huitième rapport du Secrétaire général sur la menace que représente l'EIIL (Daech) "
         "pour la paix et la sécurité internationales, présenté en application de la résolution "
         "2368 (2017) du Conseil de sécurité",
         "Octavo informe del Secretario General sobre la amenaza que plantea el EIIL (Dáesh) "
         "para la paz y la seguridad internacionales, presentado en cumplimiento de la "
         "resolución 2368 (2017) del Consejo de Seguridad"),
    "Report of the Secretary-General on trafficking in persons in armed conflict, pursuant to "
    "Security Council resolution 2388 (2017)":
        ("Rapport du Secrétaire général sur la traite des personnes dans les conflits armés, "
         "présenté en application de la résolution 2388 (2017) du Conseil de sécurité",
         "Informe del Secretario General sobre la trata de personas en los conflictos armados, "
         "presentado en cumplimiento de la resolución 2388 (2017) del Consejo de Seguridad"),
    "Internal UN consultations on the configuration of the UN system regarding migration, "
    "following \u201cMaking Migration Work for All\u201d (A/72/643)":
        ("Consultations internes sur la configuration du système des Nations Unies en matière "
         f"de migrations, à la suite du rapport «{N}Rendre les migrations bénéfiques à "
         f"tous{N}» (A/72/643)",
         "Consultas internas sobre la configuración del sistema de las Naciones Unidas en "
         "materia de migración, a raíz del informe «Conseguir que la migración funcione para "
         "todos» (A/72/643)"),
    "Report of the Secretary-General on strengthening the United Nations Crime Prevention and "
    "Criminal Justice Programme, in particular its technical cooperation activity":
        ("Rapport du Secrétaire général sur le renforcement du Programme des Nations Unies pour "
         "la prévention du crime et la justice pénale, en particulier de ses activités de "
         "coopération technique",
         "Informe del Secretario General sobre el fortalecimiento del Programa de las Naciones "
         "Unidas en materia de Prevención del Delito y Justicia Penal, en particular de su "
         "capacidad de cooperación técnica"),
    "Annual report of the Secretary-General on sexual violence in conflict":
        ("Rapport annuel du Secrétaire général sur les violences sexuelles liées aux conflits",
         "Informe anual del Secretario General sobre la violencia sexual relacionada con los "
         "conflictos"),
    "Report of the Secretary-General on trafficking in women and girls":
        ("Rapport du Secrétaire général sur la traite des femmes et des filles",
         "Informe del Secretario General sobre la trata de mujeres y niñas"),
    "28th session of the Commission on Crime Prevention and Criminal Justice":
        (f"28e session {_CCPCJ_FR}", f"28º período de sesiones {_CCPCJ_ES}"),
    "ICAT briefing with the 2019 Co-Chairs (OSCE and UN Women)":
        ("Réunion d'information de l'ICAT avec ses coprésidents pour 2019 (OSCE et "
         "ONU-Femmes)",
         "Sesión informativa del ICAT con sus copresidentes de 2019 (OSCE y ONU-Mujeres)"),
    "World Day against Trafficking in Persons 2019: trafficking in conflict and war zones":
        (f"Journée mondiale de la lutte contre la traite d'êtres humains 2019{N}: la traite "
         "dans les zones de conflit et de guerre",
         "Día Mundial contra la Trata de Personas 2019: la trata en zonas de conflicto y de "
         "guerra"),
    "Report of the Secretariat on the implementation of the TIP Protocol":
        (f"Rapport du Secrétariat sur l'application {_PROTOCOL_FR['TIP']}",
         f"Informe de la Secretaría sobre la aplicación {_PROTOCOL_ES['TIP']}"),
}
"""The engagements' titles in French and Spanish, by English title."""

_ISSUE_FR, _ISSUE_ES = f"Document thématique{N}: ", "Documento temático: "
_BRIEF_FR, _BRIEF_ES = f"Note thématique de l'ICAT{N}: ", "Documento temático del ICAT: "
PUBLICATION_TITLES_IN = {
    "Issue Paper: The Concept of 'Exploitation'":
        (f"{_ISSUE_FR}la notion d'«{N}exploitation{N}»", f"{_ISSUE_ES}el concepto de "
                                                           "«explotación»"),
    "Toolkit to Combat Smuggling of Migrants":
        ("Outils de lutte contre le trafic illicite de migrants",
         "Herramientas para combatir el tráfico ilícito de migrantes"),
    "Global Report on Trafficking in Persons 2016":
        ("Rapport mondial sur la traite des personnes 2016",
         "Informe mundial sobre la trata de personas 2016"),
    "GLO.ACT needs assessment methodology":
        ("Méthodologie d'évaluation des besoins de GLO.ACT",
         "Metodología de evaluación de necesidades de GLO.ACT"),
    "Issue Paper: Evidential Issues in TIP Cases":
        (f"{_ISSUE_FR}les questions de preuve dans les affaires de traite des personnes",
         f"{_ISSUE_ES}cuestiones probatorias en los casos de trata de personas"),
    "Migrant smuggling by air":
        ("Le trafic illicite de migrants par voie aérienne",
         "El tráfico ilícito de migrantes por vía aérea"),
    "Anti-human trafficking manual for criminal justice practitioners (revised)":
        ("Manuel sur la lutte contre la traite des personnes à l'intention des praticiens de la "
         "justice pénale (révisé)",
         "Manual sobre la lucha contra la trata de personas para profesionales de la justicia "
         "penal (revisado)"),
    "Training manual on victim identification":
        ("Manuel de formation sur l'identification des victimes",
         "Manual de capacitación sobre la identificación de víctimas"),
    "Model law against the smuggling of migrants (update)":
        ("Loi type contre le trafic illicite de migrants (mise à jour)",
         "Ley modelo contra el tráfico ilícito de migrantes (actualización)"),
    "ICAT Issue Brief: Trafficking and smuggling in mixed migration flows":
        (f"{_BRIEF_FR}traite et trafic illicite dans les flux migratoires mixtes",
         f"{_BRIEF_ES}trata y tráfico ilícito en los flujos migratorios mixtos"),
    "Thematic Paper: Countering Trafficking in Persons in Conflict Situations":
        (f"{_ISSUE_FR}lutter contre la traite des personnes dans les situations de conflit",
         f"{_ISSUE_ES}la lucha contra la trata de personas en situaciones de conflicto"),
    "Issue Paper: The International Legal Definition of Trafficking in Persons":
        (f"{_ISSUE_FR}la définition juridique internationale de la traite des personnes",
         f"{_ISSUE_ES}la definición jurídica internacional de la trata de personas"),
    "ICAT Issue Brief: The Role of the Sustainable Development Goals in Combating "
    "Trafficking in Persons":
        (f"{_BRIEF_FR}le rôle des objectifs de développement durable dans la lutte contre la "
         "traite des personnes",
         f"{_BRIEF_ES}la función de los Objetivos de Desarrollo Sostenible en la lucha contra "
         "la trata de personas"),
    "ICAT Issue Brief: Trafficking in Children":
        (f"{_BRIEF_FR}la traite des enfants", f"{_BRIEF_ES}la trata de niños"),
    "ICAT achievements paper and overview of ICAT agencies' work against trafficking in "
    "persons":
        ("Document sur les réalisations de l'ICAT et aperçu de l'action de ses organismes "
         "membres contre la traite des personnes",
         "Documento sobre los logros del ICAT y panorama de la labor de sus organismos miembros "
         "contra la trata de personas"),
    "Model Legislative Provisions against TIP (revised)":
        ("Dispositions législatives types contre la traite des personnes (révisées)",
         "Disposiciones legislativas modelo contra la trata de personas (revisadas)"),
    "Issue Paper: Interlinkages between TIP and marriage":
        (f"{_ISSUE_FR}les liens entre la traite des personnes et le mariage",
         f"{_ISSUE_ES}los vínculos entre la trata de personas y el matrimonio"),
    "Handbook on International Legal Cooperation in TIP Cases":
        ("Manuel sur la coopération juridique internationale dans les affaires de traite des "
         "personnes",
         "Manual sobre cooperación jurídica internacional en casos de trata de personas"),
    "Issue Paper: The Role of Women in Migrant Smuggling":
        (f"{_ISSUE_FR}le rôle des femmes dans le trafic illicite de migrants",
         f"{_ISSUE_ES}el papel de las mujeres en el tráfico ilícito de migrantes"),
    "Smuggling of migrants e-learning course":
        ("Cours en ligne sur le trafic illicite de migrants",
         "Curso en línea sobre el tráfico ilícito de migrantes"),
    "GLO.ACT phase I final report":
        ("Rapport final de la phase I de GLO.ACT", "Informe final de la fase I de GLO.ACT"),
    "Guidelines for national referral mechanisms":
        ("Lignes directrices relatives aux mécanismes nationaux d'orientation",
         "Directrices sobre los mecanismos nacionales de derivación"),
}
"""The publications' titles in French and Spanish, by English title."""

MODULE_TITLE_IN = {
    "fr": f"Série de modules universitaires E4J sur la traite des personnes et le trafic "
          f"illicite de migrants{N}: module {{i}}",
    "es": "Serie de módulos universitarios de E4J sobre la trata de personas y el tráfico "
          "ilícito de migrantes: módulo {i}",
}

RESULTS_IN = {
    # indicator -> (French, Spanish)
    "Countries with legislation compliant with the TIP Protocol after UNODC assistance":
        ("Pays dotés d'une législation conforme au Protocole relatif à la traite des personnes "
         "après l'assistance de l'ONUDC",
         "Países con legislación conforme al Protocolo contra la Trata de Personas tras la "
         "asistencia de la UNODC"),
    "Practitioners trained on TIP":
        ("Praticiens formés à la lutte contre la traite des personnes",
         "Profesionales capacitados en la lucha contra la trata de personas"),
    "Cases added to the TIP case law database":
        ("Affaires ajoutées à la base de données de jurisprudence sur la traite des personnes",
         "Casos añadidos a la base de datos de jurisprudencia sobre la trata de personas"),
    "Average days from request to assistance":
        ("Délai moyen entre la demande et l'assistance", "Plazo medio entre la solicitud y la "
                                                         "asistencia"),
    "States parties to the SOM Protocol assisted":
        ("États parties au Protocole relatif au trafic illicite de migrants ayant bénéficié "
         "d'une assistance",
         "Estados partes en el Protocolo contra el Tráfico Ilícito de Migrantes que recibieron "
         "asistencia"),
    "Practitioners trained on SOM":
        ("Praticiens formés à la lutte contre le trafic illicite de migrants",
         "Profesionales capacitados en la lucha contra el tráfico ilícito de migrantes"),
    "National curricula on SOM adopted":
        ("Programmes nationaux de formation sur le trafic illicite de migrants adoptés",
         "Planes de estudios nacionales sobre el tráfico ilícito de migrantes aprobados"),
    "Partner countries with a national action plan on TIP or SOM":
        ("Pays partenaires dotés d'un plan d'action national contre la traite des personnes ou "
         "le trafic illicite de migrants",
         "Países asociados con un plan de acción nacional contra la trata de personas o el "
         "tráfico ilícito de migrantes"),
    "Practitioners trained in partner countries":
        ("Praticiens formés dans les pays partenaires",
         "Profesionales capacitados en los países asociados"),
    "Share of victims referred without delay":
        ("Proportion de victimes orientées sans délai", "Proporción de víctimas derivadas sin "
                                                        "demora"),
    "Cases pending more than two years":
        ("Affaires pendantes depuis plus de deux ans",
         "Casos pendientes desde hace más de dos años"),
}
UNITS_IN = {"countries": ("pays", "países"), "people": ("personnes", "personas"),
            "cases": ("affaires", "casos"), "days": ("jours", "días"),
            "curricula": ("programmes de formation", "planes de estudios"), "%": ("%", "%")}
"""The results frameworks' indicators and units in French and Spanish."""

IN = ("fr", "es")
"""The languages of the sample's translated columns, in the order of the tuples above."""


def _in(english: str, table: dict[str, tuple[str, str]], column: str) -> dict[str, str]:
    """Return ``{column_fr: …, column_es: …}`` for an English text of ``table`` (blank: blank)."""
    if not english:
        return {f"{column}_{lang}": "" for lang in IN}
    return {f"{column}_{lang}": text for lang, text in zip(IN, table[english], strict=True)}


def _engagement_in(row: dict) -> dict:
    """Return an engagement row with its French and Spanish columns, each after its English."""
    term = BODY_TERMS.get(row["body"])
    bodies = ({f"body_{lang}": glossary.term(term).short[lang] for lang in IN} if term
              else {f"body_{lang}": row["body"] for lang in IN})
    places = {f"place_{lang}": PLACES_IN[row["place"]][lang] if row["place"] else ""
              for lang in IN}
    notes = {f"note_{lang}": NOTES_IN[row["note"]][lang] if row["note"] else "" for lang in IN}
    return {"date": row["date"], "kind": row["kind"], "body": row["body"], **bodies,
            "title": row["title"],
            **_in(row["title"], {row["title"]: row["_in"]} if "_in" in row
                  else ENGAGEMENT_TITLES_IN, "title"),
            "programme": row["programme"], "place": row["place"], **places,
            "note": row["note"], **notes}


# --- contract version 3: the publication's own words (narrative) --------------------------

def _narrative() -> list[dict]:
    """Return the narrative rows: year, part, heading and text, each with its translations."""
    return [{"year": 2018, "part": part, "heading": heads[0],
             **{f"heading_{lang}": h for lang, h in zip(IN, heads[1:], strict=True)},
             "text": texts[0],
             **{f"text_{lang}": t for lang, t in zip(IN, texts[1:], strict=True)}}
            for part, heads, texts in NARRATIVE_2018]


PRIORITIES_2019 = {
    "technical_cooperation": [
        "Launch of the second phase of EU-UNODC's Global Action against TIP and SOM to support "
        "national and regional efforts in Asia and the Middle East.",
        "Strengthen technical cooperation programmes against trafficking in persons with a "
        "specific focus on TIP for sexual exploitation and child trafficking by terrorist and "
        "armed groups.",
        "Develop new technical cooperation pillars against the misuse of new information and "
        "communication technologies and against illicit financing deriving from trafficking in "
        "persons and smuggling of migrants.",
        "Strengthen UNODC capacity to act locally through the placement of regional "
        "anti-trafficking and anti-smuggling of migrants mentors in selected locations.",
        "Launch a new integrated global programme against TIP and SOM merging existing "
        "separate global programmes, to improve services delivered to Member States.",
        "Implement the findings of the final in-depth independent evaluation of the first "
        "phase of GLO.ACT.",
    ],
    "intergovernmental": [
        "Further enhance ICAT as the UN's main coordination body against TIP (in close "
        "cooperation with ICAT's 2019 Co-Chairs: OSCE and UN Women).",
        "Strengthen engagement with the UN Migration Network's Executive Committee to promote "
        "implementation of the GCM chapters on TIP and SOM as well as with SDG-related "
        "international initiatives such as Alliance 8.7.",
        "Successfully support the TIP and SOM Working Group sessions of the 9th UNTOC CoP.",
        "Support public advocacy for the 2019 World Day against TIP with a specific focus on "
        "trafficking in persons in conflict and war zones.",
        "Continue leading and contributing as required, to various UN reports to the General "
        "Assembly, Security Council and ECOSOC CCPCJ.",
        "Provide policy guidance and contributions to UN and other international processes to "
        "ensure that TIP and SOM are sufficiently addressed including: CEDAW in its General "
        "Recommendation on \"Trafficking in Women and Girls in the Context of Global "
        "Migration\"; and the Anti-Trafficking in Humanitarian Action Task Team (TT) of the UN "
        "Global Protection Cluster (GPC).",
    ],
    "knowledge": [
        "Update UNODC's Model Law against Trafficking in Persons and the Legislative Guide to "
        "the United Nations Trafficking in Persons Protocol to ensure that they are aligned "
        "with recent policy developments and best practices.",
        "Publish a Handbook on International Legal Cooperation in Trafficking in Persons Cases "
        "to support closer cross-border cooperation especially regarding witness protection.",
        "Publish an Issue Paper providing analysis and guidance on the links between "
        "trafficking in persons and exploitative marriage.",
        "Continue to produce and disseminate qualitative information on the prosecution of "
        "human trafficking and migrant smuggling cases (www.unodc.org/cld) and issues of "
        "particular importance such as on the involvement of women in the smuggling of "
        "migrants.",
        "Develop partnerships with academia and promote education on the rule of law, "
        "trafficking in persons and smuggling of migrants, through the use of targeted "
        "tertiary education teaching modules, videos, regional modules and other supporting "
        "material.",
    ],
}


PRIORITIES_2019_IN = {
    "fr": [
        "Lancement de la deuxième phase de l'Action mondiale UE-ONUDC contre la traite des "
        "personnes et le trafic illicite de migrants, à l'appui des efforts nationaux et "
        "régionaux en Asie et au Moyen-Orient.",
        "Renforcer les programmes de coopération technique contre la traite des personnes, en "
        "mettant l'accent sur la traite aux fins d'exploitation sexuelle et la traite des "
        "enfants par des groupes terroristes et armés.",
        "Mettre en place de nouveaux piliers de coopération technique contre l'usage abusif des "
        "nouvelles technologies de l'information et de la communication et contre le "
        "financement illicite tiré de la traite des personnes et du trafic illicite de "
        "migrants.",
        "Renforcer la capacité de l'ONUDC d'agir sur le terrain en affectant, en des lieux "
        "choisis, des mentors régionaux chargés de la lutte contre la traite des personnes et "
        "le trafic illicite de migrants.",
        "Lancer un nouveau programme mondial intégré contre la traite des personnes et le "
        "trafic illicite de migrants, fusionnant les programmes mondiaux existants, afin "
        "d'améliorer les services fournis aux États Membres.",
        "Donner suite aux conclusions de l'évaluation indépendante approfondie finale de la "
        "première phase de GLO.ACT.",
        "Renforcer encore l'ICAT en tant que principal organe de coordination des Nations "
        "Unies contre la traite des personnes (en étroite coopération avec les coprésidents de "
        "l'ICAT pour 2019\u202f: l'OSCE et ONU-Femmes).",
        "Renforcer la collaboration avec le Comité exécutif du Réseau des Nations Unies sur "
        "les migrations afin de promouvoir la mise en œuvre des chapitres du Pacte mondial "
        "pour des migrations sûres, ordonnées et régulières consacrés à la traite des "
        "personnes et au trafic illicite de migrants, ainsi qu'avec les initiatives "
        "internationales liées aux objectifs de développement durable, telles que l'Alliance "
        "8.7.",
        "Assurer le bon déroulement des réunions des groupes de travail sur la traite des "
        "personnes et sur le trafic illicite de migrants tenues dans le cadre de la neuvième "
        "session de la Conférence des Parties à la Convention des Nations Unies contre la "
        "criminalité transnationale organisée.",
        "Soutenir la sensibilisation du public lors de la Journée mondiale de la lutte contre "
        "la traite d'êtres humains 2019, consacrée à la traite des personnes dans les zones de "
        "conflit et de guerre.",
        "Continuer de coordonner l'élaboration des divers rapports des Nations Unies à "
        "l'Assemblée générale, au Conseil de sécurité et à la Commission pour la prévention du "
        "crime et la justice pénale du Conseil économique et social, et d'y contribuer selon "
        "les besoins.",
        "Fournir des orientations et des contributions aux processus des Nations Unies et aux "
        "autres processus internationaux pour que la traite des personnes et le trafic illicite "
        "de migrants y soient suffisamment pris en compte, notamment\u202f: la "
        "recommandation générale du Comité pour l'élimination de la discrimination à l'égard "
        "des femmes sur la traite des femmes et des filles dans le contexte des migrations "
        "internationales\u202f; et l'Équipe spéciale de lutte contre la traite dans "
        "l'action humanitaire du Groupe mondial de la protection des Nations Unies.",
        "Mettre à jour la Loi type contre la traite des personnes de l'ONUDC et le Guide "
        "législatif pour l'application du Protocole relatif à la traite des personnes afin "
        "qu'ils tiennent compte des évolutions récentes des politiques et des bonnes "
        "pratiques.",
        "Publier un manuel sur la coopération juridique internationale dans les affaires de "
        "traite des personnes pour favoriser une coopération transfrontalière plus étroite, "
        "notamment en matière de protection des témoins.",
        "Publier un document thématique analysant les liens entre la traite des personnes et "
        "le mariage à des fins d'exploitation et donnant des orientations à ce sujet.",
        "Continuer de produire et de diffuser des informations qualitatives sur la poursuite "
        "des affaires de traite des personnes et de trafic illicite de migrants "
        "(www.unodc.org/cld) et sur des questions particulièrement importantes, comme la "
        "participation des femmes au trafic illicite de migrants.",
        "Nouer des partenariats avec les milieux universitaires et promouvoir l'enseignement de "
        "l'état de droit, de la lutte contre la traite des personnes et du trafic illicite de "
        "migrants, au moyen de modules d'enseignement supérieur ciblés, de vidéos, de modules "
        "régionaux et d'autres supports.",
    ],
    "es": [
        "Puesta en marcha de la segunda fase de la Acción Mundial UE-UNODC contra la trata de "
        "personas y el tráfico ilícito de migrantes para apoyar las iniciativas nacionales y "
        "regionales en Asia y Oriente Medio.",
        "Fortalecer los programas de cooperación técnica contra la trata de personas, con "
        "especial atención a la trata con fines de explotación sexual y la trata de niños por "
        "grupos terroristas y armados.",
        "Desarrollar nuevos pilares de cooperación técnica contra el uso indebido de las nuevas "
        "tecnologías de la información y las comunicaciones y contra la financiación ilícita "
        "derivada de la trata de personas y el tráfico ilícito de migrantes.",
        "Fortalecer la capacidad de la UNODC para actuar sobre el terreno mediante el "
        "despliegue, en lugares seleccionados, de mentores regionales contra la trata de "
        "personas y el tráfico ilícito de migrantes.",
        "Poner en marcha un nuevo programa mundial integrado contra la trata de personas y el "
        "tráfico ilícito de migrantes que fusione los programas mundiales existentes, a fin de "
        "mejorar los servicios prestados a los Estados Miembros.",
        "Aplicar las conclusiones de la evaluación independiente a fondo final de la primera "
        "fase de GLO.ACT.",
        "Seguir fortaleciendo el ICAT como principal órgano de coordinación de las Naciones "
        "Unidas contra la trata de personas (en estrecha cooperación con los copresidentes del "
        "ICAT en 2019: la OSCE y ONU-Mujeres).",
        "Fortalecer la colaboración con el Comité Ejecutivo de la Red de las Naciones Unidas "
        "sobre la Migración para promover la aplicación de los capítulos del Pacto Mundial "
        "para la Migración Segura, Ordenada y Regular relativos a la trata de personas y el "
        "tráfico ilícito de migrantes, así como con iniciativas internacionales relacionadas "
        "con los Objetivos de Desarrollo Sostenible, como la Alianza 8.7.",
        "Prestar un apoyo eficaz a las sesiones de los grupos de trabajo sobre la trata de "
        "personas y sobre el tráfico ilícito de migrantes del noveno período de sesiones de la "
        "Conferencia de las Partes en la Convención de las Naciones Unidas contra la "
        "Delincuencia Organizada Transnacional.",
        "Apoyar la sensibilización pública en el Día Mundial contra la Trata de Personas de "
        "2019, dedicado a la trata de personas en zonas de conflicto y de guerra.",
        "Seguir dirigiendo diversos informes de las Naciones Unidas a la Asamblea General, el "
        "Consejo de Seguridad y la Comisión de Prevención del Delito y Justicia Penal del "
        "Consejo Económico y Social, y contribuir a ellos según sea necesario.",
        "Proporcionar orientación normativa y contribuciones a los procesos de las Naciones "
        "Unidas y a otros procesos internacionales para que la trata de personas y el tráfico "
        "ilícito de migrantes se aborden debidamente, entre ellos: la recomendación general "
        "del Comité para la Eliminación de la Discriminación contra la Mujer sobre la trata de "
        "mujeres y niñas en el contexto de la migración mundial; y el Equipo de Tareas contra "
        "la Trata en la Acción Humanitaria del Grupo Mundial de Protección de las Naciones "
        "Unidas.",
        "Actualizar la Ley Modelo contra la Trata de Personas de la UNODC y la Guía Legislativa "
        "del Protocolo de las Naciones Unidas sobre la Trata de Personas para que reflejen la "
        "evolución reciente de las políticas y las buenas prácticas.",
        "Publicar un manual sobre cooperación jurídica internacional en casos de trata de "
        "personas para apoyar una cooperación transfronteriza más estrecha, especialmente en "
        "materia de protección de testigos.",
        "Publicar un documento temático que analice los vínculos entre la trata de personas y "
        "el matrimonio con fines de explotación y ofrezca orientación al respecto.",
        "Seguir elaborando y difundiendo información cualitativa sobre el enjuiciamiento de "
        "casos de trata de personas y tráfico ilícito de migrantes (www.unodc.org/cld) y "
        "sobre cuestiones de especial importancia, como la participación de las mujeres en el "
        "tráfico ilícito de migrantes.",
        "Establecer alianzas con el mundo académico y promover la educación sobre el estado de "
        "derecho, la trata de personas y el tráfico ilícito de migrantes mediante módulos "
        "específicos de enseñanza superior, vídeos, módulos regionales y otro material de "
        "apoyo.",
    ],
}
"""The 2019 priorities in French and Spanish, in :data:`PRIORITIES_2019`'s order."""
"""The 2019 priorities as the 2018 highlights publish them, by area."""

CAMPAIGNS = [
    (2018, "GLOACT", "KGZ", "\u201c100 days against Trafficking in Persons\u201d nationwide "
     "awareness-raising campaign", "TIP", "5.2;16.2"),
    (2018, "GLOACT", "PAK", "Nationwide public awareness campaign against trafficking in "
     "persons and smuggling of migrants", "TIP;SOM", "5.2;10.7"),
]
CAMPAIGN_TITLES_IN = {
    "fr": ["Campagne nationale de sensibilisation «\u202f100 jours contre la traite des "
           "personnes\u202f»",
           "Campagne nationale de sensibilisation du public contre la traite des personnes et "
           "le trafic illicite de migrants"],
    "es": ["Campaña nacional de sensibilización «100 días contra la trata de personas»",
           "Campaña nacional de sensibilización pública contra la trata de personas y el "
           "tráfico ilícito de migrantes"],
}
"""The campaigns' titles in French and Spanish, in :data:`CAMPAIGNS`' order."""
"""The awareness-raising campaigns of the highlights: year, programme, country, title,
theme, SDG targets. Each takes the place of one generated national awareness-raising activity of
its year, so that no headline figure changes."""


def _campaigns(activities: list[dict]) -> None:
    """Give the highlights' campaigns to the year's first awareness-raising activities."""
    for i, (year, programme, country, title, theme, targets) in enumerate(CAMPAIGNS):
        act = next(a for a in activities
                   if a["activity_id"].startswith(f"A{year}-") and a["level"] == "national"
                   and a["activity_type"] == "awareness_raising" and not a.get("_campaign"))
        act.update(programme=programme, country=country, title=title, theme=theme,
                   sdg_targets=targets, role="organized", _campaign=True,
                   **{f"title_{lang}": titles[i] for lang, titles in CAMPAIGN_TITLES_IN.items()})


V2_TARGETS = {
    2018: {"teaching_modules": 14, "sessions_serviced": 4, "meetings_organized": 1,
           "briefings": 5, "report_inputs": 22, "reports_prepared": 4},
}
"""The version 2 figures of 2018 as published ("more than 20" report inputs: 22)."""


def _version_2(rng: random.Random) -> tuple[list[dict], list[dict], list[dict]]:
    """Return the teaching modules, engagements and priorities of the sample."""
    modules = []
    for year, n in TEACHING_MODULES.items():
        for i in range(1, n + 1):
            day = pd.Timestamp(year, 1, 1) + pd.Timedelta(days=rng.randint(0, 364))
            modules.append({"publication_id": f"E4J{year}-{i:02d}", "programme": "GLOT59;GLOT92",
                            "title": f"E4J University Module Series on Trafficking in Persons "
                                     f"and Smuggling of Migrants: Module {i}",
                            **{f"title_{lang}": MODULE_TITLE_IN[lang].format(i=i)
                               for lang in IN},
                            "category": "teaching_module",
                            "published_date": day.date().isoformat(),
                            "downloads": rng.randint(200, 3000)})
    rows = [dict(zip(("date", "kind", "body", "title", "programme", "place", "note"), e,
                     strict=True)) for e in ENGAGEMENTS]
    rows += [{"date": day, "kind": "joint_publication", "body": body, "title": titles[0],
              "programme": programme, "place": "", "note": "", "_in": titles[1:]}
             for day, body, titles, programme in JOINT_PUBLICATIONS_2018]
    for year, n in REPORT_INPUTS_UNNAMED.items():
        given: dict[str, int] = defaultdict(int)  # inputs to each body so far this year
        for _ in range(n):
            day = pd.Timestamp(year, 1, 1) + pd.Timedelta(days=rng.randint(0, 364))
            body = rng.choice(["General Assembly", "Security Council", "ECOSOC"])
            title, *translated = _input_title(body, given[body])
            given[body] += 1
            rows.append({"date": day.date().isoformat(), "kind": "report_input",
                         "body": body, "title": title,
                         "programme": rng.choice(["", "GLOT59", "GLOT92"]), "place": "",
                         "note": "", "_in": tuple(translated)})
    rows.sort(key=lambda r: (r["date"], r["kind"], r["title"]))
    engagements = [{"engagement_id": f"E{r['date'][:4]}-{i:03d}", **_engagement_in(r),
                    "order": ENGAGEMENT_ORDER_2018.get(r["title"], "")
                    if r["date"].startswith("2018") else ""}
                   for i, r in enumerate(rows, 1)]
    in_order = [(area, i, text) for area, texts in PRIORITIES_2019.items()
                for i, text in enumerate(texts, 1)]
    priorities = [{"year": 2019, "area": area, "text": text,
                   **{f"text_{lang}": texts[n] for lang, texts in PRIORITIES_2019_IN.items()},
                   "order": i} for n, (area, i, text) in enumerate(in_order)]
    return modules, engagements, priorities


STORY_LINKS = {
    # story number -> (the activity types it reports on, the topic, or None for any)
    1: (CB_TYPES, "investigating trafficking for forced labour"),
    2: (CB_TYPES, "investigating migrant smuggling"),
    3: (CB_TYPES, "prosecuting complex trafficking cases"),
    4: (CB_TYPES, "prosecuting complex trafficking cases"),
    5: (("policy_advice",), None),
    6: (("workshop",), None),
    7: (("workshop",), None),
    8: (CB_TYPES, "the Smuggling of Migrants Protocol"),
    9: (("conference",), None),
    10: (CB_TYPES, "trafficking in children"),
    11: (("awareness_raising",), None),
    12: (("awareness_raising",), None),
}
"""What each 2018 story reports on, among the year's national activities in its countries."""


def _code(programme: str) -> str:
    return programme.replace(".", "").upper()


def _retitle(act: dict, topic: str) -> None:
    """Give an activity another topic, in every language (its figures do not change)."""
    iso3 = countries.to_iso3(act["country"])
    atype = act["activity_type"]
    act["title"] = f"{TYPE_LABEL[atype]} on {topic} ({countries.name(iso3)})"
    for lang in TYPE_LABEL_IN:
        act[f"title_{lang}"] = (f"{TYPE_LABEL_IN[lang][atype]} {CONNECTOR[lang]} "
                                f"{TOPIC_IN[lang][topic]} ({country_name(iso3, lang)})")


def _link_stories(stories: list[dict], activities: list[dict]) -> None:
    """Link each story to the activities it reports on, under the story's own programmes.

    In each of the story's countries: the year's national activities of the
    story's types on its topic, those of its programmes first; where there
    are none, the first of those types takes the topic. A programme the
    story names that none of its activities has is added to the first one
    that may have it (GLO.ACT only in its countries), so that the story's
    programmes are among its activities' (contract version 3).
    """
    for n, story in enumerate(stories, 1):
        if n not in STORY_LINKS:
            continue
        types, topic = STORY_LINKS[n]
        year = str(story["year"])
        declared = story["programme"].split(";")
        linked = []
        for iso3 in map(countries.to_iso3, story["country"].split(";")):
            here = [a for a in activities if a["start_date"].startswith(year)
                    and a["level"] == "national" and a["activity_type"] in types
                    and a["country"] and countries.to_iso3(a["country"]) == iso3]
            own = [a for a in here if set(declared) & _codes(a)]
            on_topic = [a for a in own or here if topic is None or f" on {topic} (" in a["title"]]
            if not on_topic and here:
                chosen = (own or here)[0]
                _retitle(chosen, topic)
                on_topic = [chosen]
            linked += on_topic
        for code in declared:
            if linked and not any(code in _codes(a) for a in linked):
                fit = next((a for a in linked if code != "GLOACT"
                            or countries.to_iso3(a["country"]) in GLOACT_COUNTRIES), None)
                if fit is not None:
                    fit["programme"] = ";".join(sorted(_codes(fit) | {code}))
        if linked:
            story["activity_ids"] = ";".join(a["activity_id"] for a in linked)


def _codes(activity: dict) -> set[str]:
    return {_code(p) for p in activity["programme"].split(";")}


def _glo_act_where_it_works(activities: list[dict]) -> None:
    """Keep GLO.ACT's activities in its 13 countries: elsewhere another programme's.

    An activity held in a country GLO.ACT does not work in loses GLO.ACT: a
    joint one keeps its other programmes; one of GLO.ACT alone goes to the
    programme that assists the country (else by its theme). No figure of the
    section changes: only who it is credited to.
    """
    for act in activities:
        if not act["country"] or countries.to_iso3(act["country"]) in GLOACT_COUNTRIES:
            continue
        codes = _codes(act) - {"GLOACT"}
        if codes == _codes(act):
            continue
        if not codes:
            assisted = [p for p in ASSISTED.get(countries.to_iso3(act["country"]), ())
                        if p != "GLOACT"]
            codes = {assisted[0]} if assisted else {
                "GLOT92" if act["theme"] == "SOM" else "GLOT59"}
        act["programme"] = ";".join(sorted(codes))


STORY_QUALIFIERS = {1: "more_than", 10: "more_than", 11: "more_than"}
"""The stories (by number) whose figure the publication qualifies: "more than 20 people"."""

RESULTS = {
    "GLOT59": [("OC1", "outcome", "Countries with legislation compliant with the TIP Protocol "
                "after UNODC assistance", "countries", "increase", 4, 10),
               ("OP1", "output", "Practitioners trained on TIP", "people", "increase", 1500, 3000),
               ("OP2", "output", "Cases added to the TIP case law database", "cases", "increase",
                800, 1500),
               ("OP3", "output", "Average days from request to assistance", "days", "decrease",
                90, 45)],
    "GLOT92": [("OC1", "outcome", "States parties to the SOM Protocol assisted", "countries",
                "increase", 2, 6),
               ("OP1", "output", "Practitioners trained on SOM", "people", "increase", 600, 1400),
               ("OP2", "output", "National curricula on SOM adopted", "curricula", "increase",
                0, 4)],
    "GLOACT": [("OC1", "outcome", "Partner countries with a national action plan on TIP or SOM",
                "countries", "increase", 3, 9),
               ("OP1", "output", "Practitioners trained in partner countries", "people",
                "increase", 1000, 2500),
               ("OP2", "output", "Share of victims referred without delay", "%", "increase",
                35, 70),
               ("OP3", "output", "Cases pending more than two years", "cases", "decrease",
                120, 60)],
}


RESULT_FIGURES = {("GLOT59", "OP1"): "people_trained", ("GLOT59", "OP2"): "cases_added",
                  ("GLOT92", "OP1"): "people_trained", ("GLOACT", "OP1"): "people_trained"}
"""The results indicators that are headline figures: their actuals are computed (version 3)."""


def _results(rng: random.Random, years: list[int]) -> list[dict]:
    rows = []
    for prog, items in RESULTS.items():
        for rid, level, text, unit, direction, base, target in items:
            for k, year in enumerate(years):
                share = rng.choice([0.3, 0.6, 0.8, 1.0, 1.1, 1.2]) * (k + 1) / len(years)
                actual = round(base + (target - base) * share)
                linked = RESULT_FIGURES.get((prog, rid), "")
                rows.append({"programme": prog, "result_id": rid, "level": level,
                             "indicator": text, **_in(text, RESULTS_IN, "indicator"),
                             "unit": unit, **_in(unit, UNITS_IN, "unit"),
                             "direction": direction,
                             "baseline": base, "target": target,
                             "actual": "" if linked or (year == years[-1] and rid == "OP2")
                             else actual,
                             "year": year, "figure": linked})
    return rows


def generate(out: str | Path) -> dict[str, Path]:
    """Write the sample data set to ``out`` (created if needed).

    Returns
    -------
    dict of str to Path
        Table name to the file written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    gen = _Generator()
    for year, t in YEAR_TARGETS.items():
        gen.year(year, t)
    rng = gen.rng
    # A few data-quality issues an analyst meets in real attendance sheets.
    of_2018 = [r for r in gen.attendance if r["activity_id"].startswith("A2018")]
    extra = [dict(r) for r in rng.sample(of_2018, 3)]
    gen.attendance.extend(extra)  # the same person entered twice for one activity
    tested = [r for r in of_2018 if r["pre_test"] != ""][:2]
    for r in tested:
        r["post_test"] = r["pre_test"] - 5
    stories, traffic, posts = _web(rng, YEAR_TARGETS)
    pubs = []
    for i, (year, prog, cat, title) in enumerate(PUBLICATIONS, 1):
        day = pd.Timestamp(year, 1, 1) + pd.Timedelta(days=rng.randint(0, 364))
        day = PUBLISHED_ON.get(title, day)  # drawn all the same: the other draws stay
        pubs.append({"publication_id": f"PUB{i:03d}", "programme": prog, "title": title,
                     **_in(title, PUBLICATION_TITLES_IN, "title"),
                     "category": cat, "published_date": day.date().isoformat(),
                     "downloads": 12931 if "Conflict" in title else rng.randint(300, 9000)})
    told = STORIES_2018_IN
    story_rows = [{"story_id": f"S2018-{i:02d}", "programme": p, "country": c, "year": 2018,
                   "title": title,
                   **{f"title_{lang}": told[lang][i - 1][0] for lang in told},
                   "summary": summary,
                   **{f"summary_{lang}": told[lang][i - 1][1] for lang in told},
                   "figure": "" if fig is None else fig, "unit": unit,
                   **{f"unit_{lang}": told[lang][i - 1][2] for lang in told},
                   "qualifier": STORY_QUALIFIERS.get(i, ""), "sdg_targets": sdg,
                   "activity_ids": ""}
                  for i, (p, c, title, summary, fig, unit, sdg) in enumerate(STORIES_2018, 1)]
    results = _results(rng, list(YEAR_TARGETS))
    # Drawn last, so that the version 1 tables are the bytes they were.
    modules, engagements, priorities = _version_2(rng)
    pubs += modules
    _campaigns(gen.activities)
    _glo_act_where_it_works(gen.activities)
    _link_stories(story_rows, gen.activities)
    acts = [{k: v for k, v in a.items() if not k.startswith("_")} for a in gen.activities]
    tables = {
        "activities": pd.DataFrame(acts),
        "participants": pd.DataFrame(gen.attendance),
        "cases": pd.DataFrame(gen.cases),
        "publications": pd.DataFrame(pubs),
        "web_stories": pd.DataFrame(stories),
        "web_traffic": pd.DataFrame(traffic),
        "social_media": pd.DataFrame(posts),
        "results": pd.DataFrame(results),
        "engagements": pd.DataFrame(engagements),
        "priorities": pd.DataFrame(priorities),
        "stories": pd.DataFrame(story_rows),
        "narrative": pd.DataFrame(_narrative()),
    }
    for frame in tables.values():  # French writes its apostrophe ’, never '
        for column in [c for c in frame.columns if c.endswith("_fr")]:
            frame[column] = frame[column].map(
                lambda t: t.replace("'", "\u2019") if isinstance(t, str) else t)
    written = {}
    for name, frame in tables.items():
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        written[name] = path
    return written


def check(data) -> list[str]:
    """Compare a loaded sample with :data:`YEAR_TARGETS`; return the differences."""
    from htmss_analysis.metrics.breakdowns import awareness_raising
    from htmss_analysis.metrics.figures import compute
    from htmss_analysis.metrics.scope import Scope

    wrong = []
    for year, t in YEAR_TARGETS.items():
        want = {"technical_cooperation_activities": t.activities,
                "countries_assisted": t.assisted, "countries_represented": t.represented,
                "people_trained": t.trained, "tools_and_publications": t.publications,
                "cases_added": t.cases_tip + t.cases_som,
                "jurisdictions_tip": t.jurisdictions_tip, "jurisdictions_som": t.jurisdictions_som,
                "web_stories": t.web_stories, "page_views": t.page_views,
                "social_media_posts": t.posts}
        want |= V2_TARGETS.get(year, {})
        got = compute(data, year)
        wrong += [f"{year} {k}: {got[k]} instead of {v}" for k, v in want.items() if got[k] != v]
    for year, _, _, title, _, _ in CAMPAIGNS:
        if title not in set(awareness_raising(data, Scope(year))["title"]):
            wrong.append(f"{year} awareness raising: no campaign {title!r}")
    return wrong


def main(argv: list[str] | None = None) -> int:
    """Write the sample to ``--out``, load it back and check it meets every target."""
    import argparse

    from htmss_analysis.links import load

    parser = argparse.ArgumentParser(description="Regenerate the synthetic sample data.")
    parser.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    out = parser.parse_args(argv).out
    generate(out)
    data = load(out)
    wrong = check(data)
    for line in wrong:
        print(f"error: {line}")
    print(f"wrote {out}: {data!r}".splitlines()[0])
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
