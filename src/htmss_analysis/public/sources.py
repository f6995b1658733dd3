"""Public data sources: UNODC GLOTIP, SHERLOC case lists and UN Treaty Collection status.

Each loader reads the file as its publisher distributes it and returns a tidy
frame. Parsed results are cached in the user's cache folder, keyed by the
file's SHA-256, so a second build re-parses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__, countries
from ..data.cache import CACHE_ENV, cache_dir, cached  # noqa: F401 - CACHE_ENV, cache_dir: API
from ..io.files import FileProblem, describe_path_problem, file_sha256, read_rows
from ..languages import N_
from ..problems import DataError, Problem
from ..programmes import TREATIES

if TYPE_CHECKING:
    import pandas as pd

GLOTIP_COLUMNS = ["iso3", "country", "region", "subregion", "indicator", "dimension",
                  "category", "sex", "age", "year", "value", "censored", "source"]
SHERLOC_COLUMNS = ["case_id", "database", "crime_type", "jurisdiction", "decision_year",
                   "title", "url"]
TREATY_COLUMNS = ["participant", "iso3", "signature_date", "consent_date", "action", "party"]


# --- cache -----------------------------------------------------------------------------


def _cached(kind: str, path: Path, parse: Callable[[Path], pd.DataFrame], columns: list[str],
            *key: str) -> pd.DataFrame:
    # The source's digest and the package and pandas versions are the key: an entry is
    # only read back by the code that wrote it, for the very bytes it was parsed from.
    import pandas as pd
    digest = file_sha256(path)
    name = re.sub(r"[^\w.-]", "_", "-".join([kind, digest[:32], *key, __version__,
                                              pd.__version__]) + ".json")
    return cached(name, columns, lambda: parse(path))


def _rows(path: Path) -> list[list[str]]:
    """All cells of a CSV file or of a workbook's first sheet, as text."""
    try:
        got = read_rows(path)
    except FileProblem as exc:
        raise DataError([Problem(path.name, exc.row, "", "", str(exc))]) from None
    return [[c.strip() for c in row] for _, row in got.rows]


def _body(rows: list[list[str]], start: int, width: int):
    """Yield (row number as the analyst sees it, cells padded to ``width``) after the header."""
    for number, row in enumerate(rows[start + 1:], start + 2):
        if any(row):
            yield number, row + [""] * (width - len(row))


def _header_row(rows: list[list[str]], first: str, label: str) -> int:
    for i, row in enumerate(rows[:20]):
        if row and row[0].strip().lower() == first.lower():
            return i
    raise DataError([Problem(label, None, "", "", f"a header row starting with '{first}' "
                             "within the first 20 rows; none found")])


# --- GLOTIP ------------------------------------------------------------------------------


def _glotip_value(text: str) -> tuple[float, bool]:
    text = text.strip()
    if text == "<5":
        return float("nan"), True
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?", text):
        return float(text.replace(",", "")), False
    raise ValueError(text)


def _parse_glotip(path: Path) -> pd.DataFrame:
    import pandas as pd
    rows = _rows(path)
    start = _header_row(rows, "iso3_code", path.name)
    header = [h.strip().lower() for h in rows[start]]
    wanted = {"iso3_code": "iso3", "country": "country", "region": "region",
              "subregion": "subregion", "indicator": "indicator", "dimension": "dimension",
              "category": "category", "sex": "sex", "age": "age", "year": "year",
              "txtvalue": "value", "source": "source"}
    missing = [c for c in wanted if c not in header]
    if missing:
        raise DataError([Problem(path.name, start + 1, c, "", f"a column named '{c}'")
                         for c in missing])
    idx = {name: header.index(col) for col, name in wanted.items()}
    records, problems = [], []
    for number, row in _body(rows, start, len(header)):
        rec = {name: row[i] for name, i in idx.items()}
        try:
            rec["value"], rec["censored"] = _glotip_value(rec["value"])
        except ValueError:
            problems.append(Problem(path.name, number, "txtVALUE", rec["value"],
                                    "a count (thousands separators allowed) or '<5' for a "
                                    "suppressed count of 1 to 4"))
        year = rec["year"].removesuffix(".0")
        if not re.fullmatch(r"\d{4}", year):
            problems.append(Problem(path.name, number, "Year", rec["year"], "a four-digit year"))
        rec["year"] = int(year) if year.isdigit() else 0
        records.append(rec)
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame.from_records(records, columns=GLOTIP_COLUMNS)
    frame["year"] = frame["year"].astype("int64")
    frame["iso3"] = frame["iso3"].replace("", None)  # territories without a code (Sark)
    frame["value"] = frame["value"].astype("float64")
    frame["censored"] = frame["censored"].astype(bool)
    return frame


def load_glotip(path: str | Path) -> pd.DataFrame:
    """Read UNODC's Global Report on Trafficking in Persons country data.

    Parameters
    ----------
    path : str or Path
        The dataUNODC export ``data_glotip.xlsx`` as published (banner rows
        above the header are skipped), or the same table saved as CSV.

    Returns
    -------
    DataFrame
        Columns ``iso3, country, region, subregion, indicator, dimension,
        category, sex, age, year, value, censored, source``. ``year`` is an
        integer and ``value`` a float. Where the publisher wrote ``<5`` (a
        suppressed count of 1 to 4) ``censored`` is true and ``value`` is
        missing: show it as "<5", never as 0.

    Raises
    ------
    DataError
        Naming the row of every value that is neither a count nor ``<5``.
    """
    return _cached("glotip", Path(path), _parse_glotip, GLOTIP_COLUMNS)


def detected_victims_all_years(glotip: pd.DataFrame, iso3: str, until: int | None = None
                               ) -> pd.DataFrame:
    """Return a country's detected trafficking victims in every GLOTIP year, by sex and age.

    ``until``: the reporting year. A report for year Y shows what was known
    of Y and the years before, never a later year's series (a 2018 brief
    does not plot 2022); None for every year the file has.

    Returns
    -------
    DataFrame
        One row per (year, sex, age) with ``sex``, ``age``, ``year``,
        ``value`` and ``censored``; empty when the country has no such data.
    """
    rows = glotip[(glotip["iso3"] == iso3)
                  & (glotip["indicator"] == "Detected trafficking victims")
                  & (glotip["dimension"] == "Total") & (glotip["category"] == "Total")]
    if until is not None:
        rows = rows[rows["year"] <= until]
    return rows[["sex", "age", "year", "value", "censored"]]


def detected_victims(glotip: pd.DataFrame, iso3: str, until: int | None = None
                     ) -> pd.DataFrame:
    """Return a country's detected trafficking victims in its latest GLOTIP year, by sex and age.

    The latest year up to ``until`` (the reporting year; None: the latest the
    file has), as :func:`detected_victims_all_years`.

    Returns
    -------
    DataFrame
        One row per (sex, age) with ``year``, ``value`` and ``censored``;
        empty when the country has no such data.
    """
    rows = detected_victims_all_years(glotip, iso3, until)
    if rows.empty:
        return rows
    latest = rows[rows["year"] == rows["year"].max()]
    return latest[["sex", "age", "year", "value", "censored"]].reset_index(drop=True)


# --- SHERLOC -------------------------------------------------------------------------------

_CASE_PATH = re.compile(
    r"/case-law-doc/(?P<crime>[a-z]+?)crimetype/(?P<juris>_?[a-z]{2,4})/"
    r"(?:(?P<year>\d{4})/)?(?P<slug>[^/?#]+?)(?:\.html)?(?:[?#].*)?$", re.I)


def _url_column(header: list[str], body: list[list[str]]) -> int:
    best, share = -1, 0.0
    for i in range(len(header)):
        values = [r[i] for r in body if i < len(r) and r[i]]
        if not values:
            continue
        hits = sum(1 for v in values if v.lower().startswith(("http", "/"))
                   and _CASE_PATH.search(v)) / len(values)
        if hits > share:
            best, share = i, hits
    return best if share >= 0.9 else -1


def _parse_sherloc(path: Path, database: str) -> pd.DataFrame:
    import pandas as pd
    rows = _rows(path)
    if not rows:
        raise DataError([Problem(path.name, None, "", "", "a CSV list of SHERLOC cases; "
                                 "the file is empty")])
    header = [h.strip().lower() for h in rows[0]]
    body = rows[1:]
    col = _url_column(header, body)
    if col < 0:
        raise DataError([Problem(path.name, 1, "", "", "a column of SHERLOC case page URLs "
                                 "(…/cld/case-law-doc/<crime>crimetype/<jurisdiction>/…); "
                                 "none found")])
    number_col = header.index("unodc_case_number") if "unodc_case_number" in header else -1
    title_col = next((header.index(c) for c in ("case_title", "title", "name") if c in header),
                     -1)
    seen: dict[str, int] = {}
    records, problems, merged = [], [], 0
    for number, row in enumerate(body, 2):
        url = row[col] if col < len(row) else ""
        if not url:
            continue
        m = _CASE_PATH.search(url)
        if not m:
            problems.append(Problem(path.name, number, header[col], url,
                                    "a SHERLOC case page URL"))
            continue
        path_only = m.group(0).split("?")[0].split("#")[0]
        page = path_only.lower()
        if page in seen:  # the same case page listed twice (another host or query string)
            merged += 1
            continue
        seen[page] = number
        juris = m.group("juris").lower()
        if juris == "_irb":
            jurisdiction = countries.INTERNATIONAL_BODIES
        else:
            try:
                jurisdiction = countries.to_iso3(juris)
            except countries.UnknownCountry:
                problems.append(Problem(path.name, number, header[col], url,
                                        f"a jurisdiction code of a country or _irb; "
                                        f"'{juris}' is neither"))
                continue
        year = m.group("year") or ""
        records.append({
            "case_id": row[number_col] if 0 <= number_col < len(row) and row[number_col]
            else "",
            "database": database, "crime_type": m.group("crime").lower(),
            "jurisdiction": jurisdiction,
            "decision_year": int(m.group("year")) if m.group("year") else pd.NA,
            "title": row[title_col] if 0 <= title_col < len(row) else "",
            "url": "https://www.unodc.org/cld" + path_only,
            "_keys": (m.group("slug"), f"{juris}/{m.group('slug')}",
                      "/".join(k for k in (juris, year, m.group("slug")) if k),
                      path_only.split("/case-law-doc/")[-1].removesuffix(".html")),
        })
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame.from_records(records, columns=[*SHERLOC_COLUMNS, "_keys"])
    shared = frame["case_id"].ne("") & frame["case_id"].duplicated(keep=False)
    frame["case_id"] = _case_ids(frame["case_id"].tolist(), frame["_keys"].tolist())
    frame = frame.drop(columns="_keys")
    frame["decision_year"] = frame["decision_year"].astype("Int64")
    frame.attrs.update({"merged_duplicates": merged, "shared_case_numbers":
                        int(shared.sum() // 2), "rows_read": sum(1 for r in body if any(r))})
    return frame


def _case_ids(numbers: list[str], keys: list[tuple[str, ...]]) -> list[str]:
    """Give every case page its own id.

    A case page is one case. Its id is its UNODC case number; a number found
    on several pages gets, after a ``/``, the shortest part of each page's
    address that tells them apart (page name; jurisdiction and page name;
    with the year; the whole path). A page without a number is named by that
    same shortest part alone: ``usa/case_0314`` and ``vnm/case_0314`` are two
    cases, and so are ``usa/2014/case_1`` and ``usa/2015/case_1``.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for i, number in enumerate(numbers):
        # Pages without a number are told apart among those sharing a page name only.
        groups.setdefault((number, "" if number else keys[i][0]), []).append(i)
    ids = list(numbers)
    for (number, _key), rows in groups.items():
        if len(rows) == 1:
            ids[rows[0]] = number or keys[rows[0]][0]
            continue
        level = next((lv for lv in range(4) if len({keys[i][lv] for i in rows}) == len(rows)), 3)
        for i in rows:
            ids[i] = f"{number}/{keys[i][level]}" if number else keys[i][level]
    return ids


def load_sherloc_cases(path: str | Path, database: str = "TIP") -> pd.DataFrame:
    """Read a list of cases exported from SHERLOC, UNODC's case law database.

    Parameters
    ----------
    path : str or Path
        A CSV (or workbook) with one case per row. The column of case page
        URLs is found by its content; ``unodc_case_number`` and a title
        column (``case_title`` or ``title``) are used where present.
    database : str
        The database the list was exported from: ``TIP`` or ``SOM``.

    Returns
    -------
    DataFrame
        Columns ``case_id, database, crime_type, jurisdiction, decision_year,
        title, url``. ``jurisdiction`` is an ISO3 code or ``International and
        regional bodies``; ``crime_type`` is the URL's own
        (``traffickingpersons``, ``migrantsmuggling``, ...); ``decision_year``
        is the URL's year or missing. The same case page listed twice (URLs
        differing only in host or query string) is one case:
        ``frame.attrs["merged_duplicates"]`` says how many rows were merged.
        A case number shared by two different pages keeps both, their ids
        suffixed with the page name (``frame.attrs["shared_case_numbers"]``).
    """
    database = database.upper()
    if database not in ("TIP", "SOM"):
        raise ValueError(f"database must be TIP or SOM, not {database!r}")
    return _cached("sherloc", Path(path), lambda p: _parse_sherloc(p, database),
                   SHERLOC_COLUMNS, database)


# --- UN Treaty Collection ----------------------------------------------------------------

ACTIONS = {"": "ratification", "a": "accession", "A": "acceptance", "AA": "approval",
           "d": "succession"}
# Parties that are not countries: kept, with no ISO3.
NON_STATE_PARTIES = {"european union", "european community"}


def _treaty_date(text: str) -> tuple[pd.Timestamp | None, str]:
    import pandas as pd
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None, ""
    m = re.fullmatch(r"(\d{1,2} [A-Za-z]{3,9}\.? \d{4})(?: (a|A|AA|d))?", text)
    if not m:
        raise ValueError(text)
    return pd.to_datetime(m.group(1).replace(".", ""), format="mixed", dayfirst=True), \
        m.group(2) or ""


def _parse_treaty(path: Path) -> pd.DataFrame:
    import pandas as pd
    rows = _rows(path)
    start = _header_row(rows, "participant", path.name)
    records, problems = [], []
    for number, row in _body(rows, start, 3):
        # UN footnote markers ("Serbia 4", "Macedonia 2,3") are not part of the name.
        name = re.sub(r"\s*\d+(,\d+)*$", "", row[0]).strip()
        iso3 = None
        if name.lower() not in NON_STATE_PARTIES:
            try:
                iso3 = countries.to_iso3(name)
            except countries.UnknownCountry:
                problems.append(Problem(path.name, number, "Participant", row[0],
                                        "a country name (or European Union)"))
        dates = []
        for col, text in (("Signature", row[1]), ("Consent", row[2])):
            try:
                dates.append(_treaty_date(text))
            except ValueError:
                problems.append(Problem(path.name, number, col, text,
                                        "a date like '12 Dec 2000', for consent optionally "
                                        "followed by a, A, AA or d"))
                dates.append((None, ""))
        (signed, _), (consent, suffix) = dates
        records.append({"participant": name, "iso3": iso3, "signature_date": signed,
                        "consent_date": consent,
                        "action": ACTIONS[suffix] if consent is not None else None,
                        "party": consent is not None})
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame.from_records(records, columns=TREATY_COLUMNS)
    for col in ("signature_date", "consent_date"):
        frame[col] = pd.to_datetime(frame[col])
    frame["party"] = frame["party"].astype(bool)
    return frame


def load_treaty_status(path: str | Path) -> pd.DataFrame:
    """Read a UN Treaty Collection status table (participant, signature, consent).

    Parameters
    ----------
    path : str or Path
        CSV (or workbook) with the participant, the signature date and the
        consent date, the latter followed by ``A`` (acceptance), ``AA``
        (approval), ``a`` (accession) or ``d`` (succession); none means
        ratification.

    Returns
    -------
    DataFrame
        Columns ``participant, iso3, signature_date, consent_date, action,
        party``. UN names of their time ("Swaziland", "Turkey", "The former
        Yugoslav Republic of Macedonia") resolve to today's ISO3; a party that
        is not a country (the European Union) has no ISO3 and stays in the
        table.
    """
    return _cached("treaty", Path(path), _parse_treaty, TREATY_COLUMNS)


def year_end(year: int) -> pd.Timestamp:
    """Return 31 December of ``year``: the day a report of that year reads treaty status on."""
    import pandas as pd

    return pd.Timestamp(year, 12, 31)


def status_date(status: pd.DataFrame) -> pd.Timestamp:
    """Return the date a treaty status file runs to: its latest dated action.

    The UN Treaty Collection's table carries no date of its own; the latest
    signature or consent it records is the most it is known to cover.
    """
    return max(status["signature_date"].max(), status["consent_date"].max())


def treaty_status_on(status: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """Each participant's status on ``day``, worked out from the file's dated actions.

    The one rule every report reads treaty status by: a participant is a party
    on ``day`` when its consent (ratification, acceptance, approval,
    accession or succession) is dated on or before it, a signatory when only
    its signature is. An action after ``day`` does not count, so a report of
    2018 shows the status of 31 December 2018 (:func:`year_end`) whatever
    the file's date. A file that runs to an earlier date (:func:`status_date`)
    cannot know later actions: ``known`` is then False.

    Returns
    -------
    DataFrame
        ``participant``, ``iso3``, ``party`` (bool), ``signatory`` (bool),
        ``since`` (consent date, or NaT), ``action`` (or None), and
        ``known`` (bool, the same on every row).
    """
    import pandas as pd

    party = status["consent_date"].notna() & (status["consent_date"] <= day)
    signed = status["signature_date"].notna() & (status["signature_date"] <= day)
    return pd.DataFrame({
        "participant": status["participant"], "iso3": status["iso3"], "party": party,
        "signatory": signed & ~party,
        "since": status["consent_date"].where(party),
        "action": [a if p else None for a, p in zip(status["action"], party, strict=True)],
        "known": status_date(status) >= day if len(status) else False})


# --- which public sources a build uses -----------------------------------------------------

SOURCES: dict[str, tuple[str, Callable[[Path], pd.DataFrame]]] = {
    "glotip": (N_("UNODC GLOTIP country data"), load_glotip),
    "sherloc_tip": (N_("SHERLOC case list (TIP)"), lambda p: load_sherloc_cases(p, "TIP")),
    "sherloc_som": (N_("SHERLOC case list (SOM)"), lambda p: load_sherloc_cases(p, "SOM")),
    **{key: (treaty.status, load_treaty_status) for key, treaty in TREATIES.items()},
}
"""Every public source a report can use: key -> (what it is, in English; loader)."""


def read_config(path: str | Path) -> dict[str, str]:
    """Read the ``[sources]`` table of a TOML config file.

    Paths are resolved against the config file's folder. Example::

        [sources]
        glotip = "downloads/data_glotip.xlsx"
        treaty_tip = "downloads/xviii-12-a.csv"

    Raises
    ------
    DataError
        For an unreadable file or a key that is not a known source.
    """
    import tomllib

    path = Path(path)
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError([Problem(path.name, None, "", "", f"a readable TOML file ({exc})")]
                        ) from None
    table = config.get("sources", {})
    problems = [Problem(path.name, None, key, str(value), "a source key: " + ", ".join(SOURCES))
                for key, value in table.items() if key not in SOURCES]
    if problems:
        raise DataError(problems)
    return {key: str((path.parent / str(value)).resolve()) for key, value in table.items()
            if str(value)}


NO_CONFIG = "none"
"""The ``config`` value that asks for no config file at all."""


def public_sources(config: str | Path | None = "", **files: str | Path | None
                   ) -> PublicSources:
    """Gather the public sources of a report from a config file and explicit paths.

    Parameters
    ----------
    config : str or Path, optional
        A TOML file whose ``[sources]`` table names the files (see
        :func:`read_config`). Blank: the project's ``config/public-sources.toml``
        when there is one (looked for from the working directory upwards);
        ``"none"``: no config file.
    **files
        Explicit paths by source key (``glotip=...``); they win over the
        config file. Blank means "as the config says".

    Raises
    ------
    DataError
        For a config file that cannot be read or names an unknown source.
    ValueError
        For an unknown source key.
    """
    from ..paths import local, project_config

    unknown = [k for k in files if k not in SOURCES]
    if unknown:
        raise ValueError(f"unknown public source {unknown[0]!r}: expected one of "
                         + ", ".join(SOURCES))
    text = str(config or "").strip()
    chosen: dict[str, str] = {}
    path = None
    if text.lower() != NO_CONFIG:
        path = local(text).expanduser() if text else project_config()
        if path is not None:
            chosen.update(read_config(path))
    chosen.update({k: str(local(v).expanduser().resolve()) for k, v in files.items()
                   if v and str(v).strip()})
    return PublicSources(chosen, config=path)


_LOADED: dict[tuple, pd.DataFrame] = {}


def _loaded(key: str, path: Path) -> pd.DataFrame:
    """Load public source ``key`` from ``path``, once per process while the file is unchanged."""
    st = path.stat()
    ident = (key, str(path.resolve()), st.st_size, st.st_mtime_ns, st.st_ino)
    if ident not in _LOADED:
        frame = SOURCES[key][1](path)
        for old in [i for i in _LOADED if i[0] == key]:
            del _LOADED[old]  # one file per source is kept: an edited file replaces its copy
        _LOADED[ident] = frame
    return _LOADED[ident]


class PublicSources:
    """The public sources of a report, loaded on first use; absent ones leave a note.

    Parameters
    ----------
    paths : dict of str to str
        Source key to file path; blank or missing = not provided.
    config : Path, optional
        The config file the paths came from, if any.
    """

    def __init__(self, paths: dict[str, str], config: Path | None = None):
        self.paths = {k: v for k, v in paths.items() if k in SOURCES and v}
        self.config = Path(config).resolve() if config else None
        self._frames: dict[str, pd.DataFrame | None] = {}

    def status(self, key: str) -> str:
        """Say whether a source is ``provided``, ``missing`` (file not found) or ``absent``."""
        if key not in self.paths:
            return "absent"
        return "provided" if Path(self.paths[key]).is_file() else "missing"

    def get(self, key: str) -> pd.DataFrame | None:
        """Return the loaded source, or ``None`` when it was not provided or not found.

        A file already loaded in this process, unchanged since, is not read
        again: a kernel that builds one country brief after another reads
        GLOTIP once. Treat the frame as read-only.
        """
        if key not in self._frames:
            self._frames[key] = (_loaded(key, Path(self.paths[key]))
                                 if self.status(key) == "provided" else None)
        return self._frames[key]

    def file_name(self, key: str) -> str:
        """Return the name of the file given for a source ("" when none was)."""
        return Path(self.paths[key]).name if key in self.paths else ""

    def files(self) -> list[tuple[str, Path, str]]:
        """List ``(key, path, sha256)`` of every source used, for the method annex."""
        return [(k, Path(p), file_sha256(Path(p))) for k, p in self.paths.items()
                if self.status(k) == "provided"]

    def validate(self) -> None:
        """Load every provided source now (filling the cache); raise ``DataError`` if bad.

        A path that is there but is no file (a folder, a pipe, a device, a
        broken link) is an error, not a source "not found".
        """
        problems = []
        for key in self.paths:
            path = Path(self.paths[key])
            trouble = describe_path_problem(path) if (path.exists() or path.is_symlink()) \
                else None
            if trouble:
                problems.append(Problem(path.name, None, "", "", trouble))
                continue
            try:
                self.get(key)
            except DataError as exc:
                problems += exc.problems
        if problems:
            raise DataError(problems)
