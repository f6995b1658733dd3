"""Breakdowns of a year's work: activities, people, countries, cases, publications, web.

Pure counting: a function of (data, scope: the year and the programme) returning a frame of
typed columns (numbers, dates, ISO3 codes, programme codes, the contract's
coded values), never display text. The report layer names, translates and
formats them.
"""

from __future__ import annotations

import re
from itertools import combinations

import pandas as pd

from .. import countries, sdg
from ..data.load import Dataset
from ..frames import Frame, returns_frame
from ..marks import N_
from ..programmes import CODES, SECTION
from . import select
from .figures import REGISTRY, Figure, Scope, attributed, compute, records_of, values_of
from .select import TEACHING_MODULE


def _count_by(frame: pd.DataFrame, column: str, name: str = "activities",
              distinct: str | None = None) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame({column: [], name: []}).astype({name: "int64"})
    grouped = frame.groupby(column, dropna=False)
    counts = grouped[distinct].nunique() if distinct else grouped.size()
    out = counts.rename(name).reset_index().sort_values([name, column], ascending=[False, True])
    return out.reset_index(drop=True)


@returns_frame
def activities_by(data: Dataset, scope: Scope, by: str) -> pd.DataFrame:
    """Count activities starting in ``year`` by a column.

    ``by`` is ``activity_type``, ``level``, ``role``, ``month``, ``country``
    (ISO3 codes), ``region``, ``subregion`` (UN M49 names) or ``theme``.
    Activities at every level are counted here (the headline figure leaves
    global ones out).
    """
    acts = select.activities(data, scope).copy()
    if by == "month":
        acts["month"] = acts["start_date"].dt.month
        out = _count_by(acts, "month").sort_values("month").reset_index(drop=True)
        full = pd.DataFrame({"month": range(1, 13)})
        return full.merge(out, how="left").fillna({"activities": 0}).astype({"activities": int})
    if by in ("country", "region", "subregion"):
        acts = acts[acts["country"].notna()]
        if by != "country":
            fn = countries.region if by == "region" else countries.subregion
            acts[by] = acts["country"].map(fn)
        return _count_by(acts, by)
    if by == "theme":
        acts["theme"] = acts["theme"].map(";".join)
    return _count_by(acts, by)


@returns_frame
def people_by(data: Dataset, scope: Scope, by: str) -> pd.DataFrame:
    """Distinct people trained in ``year`` by ``sex``, ``group``, ``region`` or ``nationality``.

    A person whose attendances differ in the column (e.g. two groups) counts in each.
    """
    year, programme = scope.year, scope.programme
    rows = records_of(data, "people_trained", year, programme).copy()
    if by == "nationality":
        rows["nationality"] = rows["nationality"].fillna("Unknown")
    return _count_by(rows, by, "people", distinct="participant_id")


def people_in_several(data: Dataset, scope: Scope, by: str) -> int:
    """Count the people trained in ``year`` whose attendances differ in column ``by``.

    Each of them counts once in every value of ``by`` they attended under, so a
    breakdown by ``by`` adds up to more than the people trained by exactly
    this many extra entries per extra value.
    """
    year, programme = scope.year, scope.programme
    rows = records_of(data, "people_trained", year, programme)
    if rows.empty:
        return 0
    values = rows[by].fillna("Unknown") if by == "nationality" else rows[by]
    per_person = values.groupby(rows["participant_id"]).nunique(dropna=False)
    return int((per_person > 1).sum())


@returns_frame
def attendance_summary(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Attendances against unique people in capacity building, by level and overall."""
    year, programme = scope.year, scope.programme
    rows = records_of(data, "people_trained", year, programme)
    parts = []
    for level in ("national", "regional", "global"):
        sub = rows[rows["level"] == level]
        parts.append({"level": level, "attendances": len(sub),
                      "people": sub["participant_id"].nunique()})
    parts.append({"level": "all levels", "attendances": len(rows),
                  "people": rows["participant_id"].nunique()})
    return pd.DataFrame(parts)


@returns_frame
def knowledge_gain(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Pre/post-test scores of capacity-building attendances with both scores, by activity type.

    Returns
    -------
    DataFrame
        ``activity_type``, ``tested`` (attendances with both scores), mean
        ``pre_test``, mean ``post_test``, mean ``gain`` (points) and
        ``improved_share`` (share whose post-test beat the pre-test).
    """
    year, programme = scope.year, scope.programme
    rows = records_of(data, "people_trained", year, programme)
    rows = rows[rows["pre_test"].notna() & rows["post_test"].notna()].copy()
    if rows.empty:
        return pd.DataFrame(columns=["activity_type", "tested", "pre_test", "post_test", "gain",
                                     "improved_share"])
    rows["gain"] = rows["post_test"] - rows["pre_test"]
    rows["improved"] = rows["gain"] > 0
    out = rows.groupby("activity_type").agg(
        tested=("gain", "size"), pre_test=("pre_test", "mean"), post_test=("post_test", "mean"),
        gain=("gain", "mean"), improved_share=("improved", "mean")).reset_index()
    return out.round({"pre_test": 1, "post_test": 1, "gain": 1, "improved_share": 3})


@returns_frame
def countries_list(data: Dataset, scope: Scope, which: str = 'assisted') -> pd.DataFrame:
    """List the countries behind ``countries_assisted`` or ``countries_represented``.

    Returns
    -------
    DataFrame
        ``iso3``, ``region`` and ``subregion`` (UN M49), by code.
    """
    year, programme = scope.year, scope.programme
    codes = sorted(values_of(data, f"countries_{which}", year, programme))
    return pd.DataFrame({"iso3": codes, "region": [countries.region(c) for c in codes],
                         "subregion": [countries.subregion(c) for c in codes]})


def _sdg_order(targets: pd.Series) -> pd.Series:
    return targets.map(sdg.TARGETS.index)


@returns_frame
def sdg_stories(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Results stories of ``year`` by the SDG targets they name: target, story id, title."""
    year, programme = scope.year, scope.programme
    rows = select.of(data.stories, programme)
    columns = ["sdg_targets", "story_id", "title", *select.translations(rows, "title")]
    rows = rows.loc[rows["year"] == year, columns]
    rows = rows.explode("sdg_targets")
    rows = rows[rows["sdg_targets"].notna()].rename(columns={"sdg_targets": "target"})
    rows["order"] = _sdg_order(rows["target"])
    return rows.sort_values(["order", "title"]).drop(columns="order").reset_index(drop=True)


@returns_frame
def awareness_raising(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Awareness-raising activities starting in ``year``.

    Returns
    -------
    DataFrame
        ``start`` (date), ``title``, ``country`` (ISO3, or missing), ``level``,
        ``programme`` (codes), ``activity_id`` and the title's translations,
        by start date and title.
    """
    acts = select.activities(data, scope)
    acts = acts[acts["activity_type"] == "awareness_raising"]
    out = pd.DataFrame({"start": acts["start_date"], "title": acts["title"],
                        "country": acts["country"], "level": acts["level"],
                        "programme": acts["programme"], "activity_id": acts["activity_id"]})
    out = out.join(acts[select.translations(acts, "title")])
    return out.sort_values(["start", "title"]).reset_index(drop=True)


@returns_frame
def sdg_contribution(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Activities and distinct countries per SDG target, for activities starting in ``year``.

    Returns
    -------
    DataFrame
        ``target``, ``activities``, ``countries``, in the UN's order of targets.
    """
    acts = select.activities(data, scope)
    rows = acts[["activity_id", "country", "sdg_targets"]].explode("sdg_targets")
    rows = rows[rows["sdg_targets"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["target", "activities", "countries"])
    out = rows.groupby("sdg_targets").agg(activities=("activity_id", "nunique"),
                                          countries=("country", "nunique")).reset_index()
    out = out.rename(columns={"sdg_targets": "target"})
    out["order"] = _sdg_order(out["target"])
    return out.sort_values("order").drop(columns="order").reset_index(drop=True)


@returns_frame
def cases_by(data: Dataset, scope: Scope, by: str = 'database') -> pd.DataFrame:
    """Cases added in ``year`` by ``database`` or by ``jurisdiction`` (within each database).

    By jurisdiction: ``database``, ``jurisdiction`` (ISO3 code, or SHERLOC's
    "International and regional bodies") and ``cases``, most cases first.
    """
    cases = select.cases(data, scope)
    if by == "database":
        out = cases.groupby("database").agg(cases=("case_id", "size"),
                                            jurisdictions=("jurisdiction", "nunique"))
        return out.reindex(["TIP", "SOM"], fill_value=0).reset_index()
    out = cases.groupby(["database", "jurisdiction"]).size().rename("cases").reset_index()
    return out.sort_values(["database", "cases", "jurisdiction"],
                           ascending=[False, False, True]).reset_index(drop=True)


@returns_frame
def publications_by(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Publications of ``year`` by category."""
    return _count_by(select.publications(data, scope), "category", "publications")


@returns_frame
def publications_list(data: Dataset, scope: Scope, modules: bool | None = None) -> pd.DataFrame:
    """Publications of ``year``: date, title, category, programme codes and downloads.

    ``modules``: True for teaching modules only, False for the tools and
    publications without them, None for all.
    """
    pubs = in_data_order(select.publications(data, scope, modules))
    out = pubs[["published_date", "title", "category", "programme", "downloads",
                "publication_id", *select.translations(pubs, "title")]]
    return out.reset_index(drop=True)


def in_data_order(rows: pd.DataFrame) -> pd.DataFrame:
    """Put rows in the data's order: by ``order`` where given, then as the file has them.

    The contract's rule for the lists of a page (engagements, publications,
    stories): the analyst's own order, never one the package makes up. Rows
    whose ``order`` is blank follow the numbered ones, in file order.
    """
    if rows.empty:
        return rows
    order = rows["order"] if "order" in rows else pd.Series(pd.NA, index=rows.index)
    keys = pd.DataFrame({"order": pd.to_numeric(order, errors="coerce"),
                         "row": range(len(rows))}, index=rows.index)
    return rows.loc[keys.sort_values(["order", "row"], na_position="last").index]


@returns_frame
def engagements_list(data: Dataset, scope: Scope, kind: str | None = None) -> pd.DataFrame:
    """Engagements of ``year`` (of one ``kind``): date, kind, body, title, place, note, programmes.

    In the data's order (:func:`in_data_order`); ``programmes`` holds the codes
    (none: the section's); blank place and note are empty text.
    """
    rows = in_data_order(select.engagements(data, scope, kind))
    out = rows[["date", "kind", "body", "title", "place", "note", "programme", "engagement_id",
                *select.translations(rows, "body", "title", "place", "note")]]
    out = out.reset_index(drop=True)
    return out.rename(columns={"programme": "programmes"})


PRIORITY_AREAS = {"technical_cooperation": N_("Technical cooperation"),
                  "intergovernmental": N_("Intergovernmental and inter-agency work"),
                  "knowledge": N_("Knowledge development and management")}
"""The areas of next year's priorities, in the order the highlights print them."""


@returns_frame
def priorities(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Return the priorities set for ``year``: area, order and text, in the highlights' order.

    Within an area, rows go by ``order`` (blank = file order, after the numbered ones).
    """
    year = scope.year
    rows = data.priorities[data.priorities["year"] == year].copy()
    rows["_area"] = rows["area"].map({a: i for i, a in enumerate(PRIORITY_AREAS)})
    rows["_row"] = rows.index
    rows = rows.sort_values(["_area", "order", "_row"], na_position="last")
    rows["row"] = rows["_row"]
    return rows[["area", "order", "text", "row", *select.translations(rows, "text")]].reset_index(
        drop=True)


@returns_frame
def narrative(data: Dataset, scope: Scope, part: str) -> pd.DataFrame:
    """Return one part's narrative rows for ``year``: heading, text and row, in order.

    Rows go by ``order`` (blank = file order, after the numbered ones), as the
    priorities do; ``row`` is the file's row, naming the text in data-quality notes.
    """
    year = scope.year
    rows = data.narrative[(data.narrative["year"] == year) & (data.narrative["part"] == part)]
    rows = rows.assign(_row=rows.index).sort_values(["order", "_row"], na_position="last")
    rows = rows.assign(row=rows["_row"])
    return rows[["heading", "text", "row", *select.translations(rows, "heading", "text")]
                ].reset_index(drop=True)


def paragraphs(text: str) -> list[str]:
    """Split a narrative text into its paragraphs: a blank line separates them."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", str(text))
            if block.strip()]


@returns_frame
def web_by_month(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Web stories, page views and posts in each month (1-12) of ``year``."""
    year, programme = scope.year, scope.programme
    stories = select.in_year(select.of(data.web_stories, programme), "published_date", year)
    views = select.in_year(select.of_site(data.web_traffic, programme), "month", year)
    posts = select.in_year(select.of_site(data.social_media, programme), "month", year)
    out = pd.DataFrame({"month": range(1, 13)})
    out["web_stories"] = out["month"].map(stories["published_date"].dt.month.value_counts())
    out["page_views"] = out["month"].map(views.groupby(views["month"].dt.month)["page_views"]
                                         .sum())
    out["posts"] = out["month"].map(posts.groupby(posts["month"].dt.month)["posts"].sum())
    return out.fillna(0).astype(int)


SECTION_ONLY = "section_only"
"""The programme shares' column of the rows that name no programme (the section's own)."""


def _section_only(data: Dataset, year: int, figure: Figure) -> int:
    """Count a figure over the rows of the year that name no programme (web, engagements)."""
    rows = figure.rows(data, Scope(year, None))
    blank = rows["programme"].map(lambda v: len(v) == 0 if isinstance(v, tuple)
                                  else pd.isna(v) or v == "")
    return figure.value(rows[blank.astype(bool).to_numpy()])


def programme_shares(data: Dataset, scope: Scope) -> Frame:
    """Each headline figure for each programme beside the section's (distinct over the union).

    The programme columns need not add up to the section's: joint activities
    and people trained by two programmes count for each programme but once for
    the section.

    Returns
    -------
    Frame
        Indexed by key: ``title``, one column per programme code and
        ``HTMSS`` (the section), then ``section_only``: the figure over the rows that
        name no programme (web stories of the section's own pages, say), which no
        programme column counts. A figure the data never attributes to a programme (see
        :func:`~.figures.attributed`) is missing (``<NA>``) in that
        programme's column.
    """
    year = scope.year
    cols: dict[str, list] = {}
    for code in CODES:
        values = compute(data, year, code)
        cols[code] = [values[k] if attributed(data, k, code) else pd.NA for k in REGISTRY]
    cols[SECTION] = list(compute(data, year, None).values())
    cols[SECTION_ONLY] = [_section_only(data, year, figure) for figure in REGISTRY.values()]
    out = Frame(cols, index=pd.Index(list(REGISTRY), name="key")).astype("Int64")
    out.insert(0, "title", [REGISTRY[k].title for k in out.index])
    return out


@returns_frame
def overlap(data: Dataset, scope: Scope) -> pd.DataFrame:
    """People trained, countries assisted and activities that programmes share.

    Every combination of two or more programmes, pairs first, then the three:
    the people trained by each programme of the combination, the countries each
    assisted, the activities all of them ran. With each programme's own figure,
    they add up to the section's (:func:`reconciled`).

    Returns
    -------
    DataFrame
        ``programmes`` (a tuple of codes), ``people_trained``,
        ``countries_assisted``, ``joint_activities``.
    """
    year = scope.year
    codes = list(CODES)
    people = {c: values_of(data, "people_trained", year, c) for c in codes}
    assisted = {c: values_of(data, "countries_assisted", year, c) for c in codes}
    acts = {c: set(select.activities(data, Scope(scope.year, c))["activity_id"]) for c in codes}
    rows = []
    for size in range(2, len(codes) + 1):
        for combo in combinations(codes, size):
            rows.append({
                "programmes": combo,
                "people_trained": len(set.intersection(*(people[c] for c in combo))),
                "countries_assisted": len(set.intersection(*(assisted[c] for c in combo))),
                "joint_activities": len(set.intersection(*(acts[c] for c in combo)))})
    return pd.DataFrame(rows, columns=["programmes", "people_trained", "countries_assisted",
                                       "joint_activities"])


def reconciled(shares: pd.DataFrame, shared: pd.DataFrame, key: str, column: str
               ) -> list[tuple[int, int]]:
    """Return the terms that add the programmes' figure ``key`` up to the section's.

    Inclusion and exclusion: each programme's figure (+), each pair's shared
    count (-), the three's (+). ``shares`` is :func:`programme_shares`,
    ``shared`` :func:`overlap` (its ``column`` holds ``key``'s shared counts).
    Returns ``(sign, value)`` pairs; their sum is the section's figure. A
    programme whose column is missing (not attributed) has no term.
    """
    # A programme the data never gives the figure (no records at all) adds no term.
    terms = [(1, int(v)) for c in CODES if pd.notna(v := shares.loc[key, c])]
    terms += [(1 if len(combo) % 2 else -1, int(n))
              for combo, n in zip(shared["programmes"], shared[column], strict=True)]
    return terms


@returns_frame
def stories(data: Dataset, scope: Scope) -> pd.DataFrame:
    """Results stories of ``year``, in the data's order (:func:`in_data_order`).

    Countries (ISO3 codes), programmes (codes) and the activities each
    reports on (ids) as tuples; ``awareness`` is true for a story of
    awareness raising: one that reports on activities (``activity_ids``), all
    of type ``awareness_raising`` (the highlights print those apart).
    """
    year, programme = scope.year, scope.programme
    rows = select.of(data.stories, programme)
    rows = in_data_order(rows[rows["year"] == year])
    out = pd.DataFrame({
        "story_id": rows["story_id"], "title": rows["title"], "summary": rows["summary"],
        "countries": rows["country"], "programmes": rows["programme"], "figure": rows["figure"],
        "qualifier": rows["qualifier"], "unit": rows["unit"],
        "sdg_targets": rows["sdg_targets"], "activity_ids": rows["activity_ids"]})
    kinds = dict(zip(data.activities["activity_id"], data.activities["activity_type"],
                     strict=True))
    out["awareness"] = [bool(ids) and all(kinds.get(i) == "awareness_raising" for i in ids)
                        for ids in out["activity_ids"]]
    translations = select.translations(rows, "title", "summary", "unit")
    return out.join(rows[translations]).reset_index(drop=True)


__all__ = ["PRIORITY_AREAS", "TEACHING_MODULE", "activities_by", "attendance_summary",
           "awareness_raising", "cases_by", "countries_list", "engagements_list", "in_data_order",
           "knowledge_gain", "narrative", "overlap", "paragraphs", "people_by", "reconciled",
           "people_in_several", "priorities",
           "programme_shares", "publications_by", "publications_list", "sdg_contribution",
           "sdg_stories", "stories", "web_by_month"]
