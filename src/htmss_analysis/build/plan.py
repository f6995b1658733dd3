"""Planning a build: which reports, with which parameters and links, from the registry of kinds.

Every kind of report is declared once, in :data:`htmss_analysis.kinds.REGISTRY`;
the plan reads it and never tells a kind by its name.
"""

from __future__ import annotations

from pathlib import Path

from .. import kinds, paths, programmes
from ..io.files import write_file
from . import manifest as records
from .home import HOME
from .jobs import CELL_TIMEOUT, Job, _relative, fingerprint
from .manifest import INDEX, built


def public_inputs(name: str, folder: str = "") -> tuple[str, ...]:
    """Return the keys of the public sources report ``name`` (in kind folder ``folder``) reads."""
    kind = kinds.kind_of(folder, name, kinds.REGISTRY)
    return kind.public(name) if kind else ()

BRIEF_RULES = kinds.BRIEF_RULES

def plan(data_dir: Path | None, year: int, names: list[str], out_dir: Path,
         notebooks: Path | None = None, timeout: int = CELL_TIMEOUT,
         extra: dict | None = None, data_files: list[Path] | None = None,
         public: dict[str, str] | None = None, countries: list[str] | None = None,
         brief_rule: str = "chosen", langs: tuple[str, ...] = ("en",),
         regions: list[str] | None = None, region_rule: str = "chosen",
         subjects: dict[str, list[str]] | None = None) -> list[Job]:
    """List the jobs of a build.

    Parameters
    ----------
    data_dir : Path or None
        Data folder or workbook; ``None`` for the sample data.
    year : int
        Reporting year.
    names : list of str
        Reports of the language's own folder: programme codes and/or
        ``"highlights"`` (see :data:`htmss_analysis.kinds.REGISTRY`).
    out_dir : Path
        Root output folder; reports go to ``out_dir/<year>/``, and
        ``out_dir/index.html`` (:data:`HOME`) leads to all of them.
    notebooks : Path, optional
        Folder holding each kind's notebook (default: the package's, see
        :func:`htmss_analysis.paths.notebooks`).
    timeout : int
        Seconds a cell may run.
    extra : dict, optional
        Further notebook parameters (the public-sources config and paths).
    data_files : list of Path, optional
        The data files every report reads, for the fingerprints.
    public : dict, optional
        Public source key to path; each report's fingerprint covers those it reads.
    countries : list of str, optional
        ISO3 codes of the countries to brief: ``countries/<ISO3>.html`` each,
        and ``countries/index.html`` listing them. The other reports of the
        run link to these briefs.
    brief_rule : str
        How ``countries`` were chosen: ``"worked"`` (where the section worked
        in the year, the default set), ``"all"`` (every country with a
        figure) or ``"chosen"`` (codes); the notebooks work the first two out
        alike, and the index says which.
    langs : tuple of str
        The languages to write every report in: English reports go to
        ``out_dir/<year>/``, the others to ``out_dir/<year>/<lang>/``, each
        with its own folder of briefs.
    regions : list of str, optional
        M49 codes of the regions to brief: ``regions/<code>.html`` each, and
        ``regions/index.html`` listing them.
    region_rule : str
        How ``regions`` were chosen: ``"worked"`` (the default set: a build
        of it drops the briefs of regions no longer in it) or ``"chosen"``.
    subjects : dict, optional
        Further reports by kind key (any kind of the registry): the reports
        of that kind to build.

    Notes
    -----
    A report's links are to what the output folder holds once the build is
    done: the same report in every other language, built now or by an
    earlier build (and still there as it made it), and the briefs of its
    language's folder. So a build of one report in one language gives it the
    parameters, and the fingerprint, a build of everything gives it: a
    report up to date stays so, and no report loses its links to reports
    this build was not asked to make.
    """
    registry = kinds.REGISTRY
    notebooks = notebooks or paths.notebooks()
    data = paths.parameter(Path(data_dir).resolve()) if data_dir else ""
    langs = tuple(dict.fromkeys(langs))
    countries = list(countries or [])
    # What each kind fans out to in this build, and whether a rule chose it (a build of a
    # rule replaces the kind's earlier reports) or names did (added to them).
    wanted: dict[str, list[str]] = {key: [] for key in registry}
    ruled: set[str] = set()
    for name in names:
        kind = kinds.kind_of("", name, registry)
        if kind is None:
            raise ValueError(f"unknown report {name!r}")
        wanted[kind.key].append(name)
    for key, chosen, rule in ((kinds.BRIEFED, countries, brief_rule),
                              (kinds.REGIONAL, list(regions or []), region_rule)):
        wanted[key] += chosen
        if rule in BRIEF_RULES:
            ruled.add(key)
    for key, chosen in (subjects or {}).items():
        wanted[key] += list(chosen)
    for kind in registry.values():
        if kind.companion_of:  # built whenever its publication is, never alone
            wanted[kind.key] = list(kind.fixed) if wanted[kind.companion_of] else []
    for kind in registry.values():
        index = kinds.index_of(kind, registry)
        if index and (wanted[kind.key] or kind.key in ruled):
            if kind.key in ruled:
                ruled.add(index.key)
            if wanted[kind.key]:
                wanted[index.key] = [kinds.INDEX]
    folders = tuple(dict.fromkeys(k.folder for k in registry.values()))
    jobs = []
    known: dict[Path, str] = {}

    def sha(path: Path) -> str:
        """Each file's SHA-256, asked once for the whole plan (hundreds of jobs share them)."""
        if path not in known:
            from ..io.files import file_sha256

            known[path] = file_sha256(path)
        return known[path]

    def root(lang: str) -> Path:
        return out_dir / str(year) if lang == "en" else out_dir / str(year) / lang

    def within(lang: str, folder: str) -> Path:
        return root(lang) / folder if folder else root(lang)

    # What each folder holds once the build is done: the reports a build made there (and
    # there as it made them), and those this build makes; a build of a rule prunes the
    # reports the rule no longer picks.
    after: dict[tuple[str, str], set[str]] = {}
    recorded: dict[tuple[str, str], dict[str, dict]] = {}
    for lang in programmes.LANGUAGES:
        for folder in folders:
            here = within(lang, folder)
            recorded[lang, folder] = records.read(here)
            held = set(built(here, recorded[lang, folder]))
            if lang in langs:
                of_folder = kinds.in_folder(folder, registry)
                if any(k.key in ruled for k in of_folder):
                    held = {n for k in of_folder if k.key not in ruled for n in held
                            if k.is_name(n)}
                for kind in of_folder:
                    held |= {n for n in wanted[kind.key] if not records.foreign(
                        here, [f"{n}{suffix}" for suffix in records.SUFFIXES],
                        recorded[lang, folder])} if folder else set(wanted[kind.key])
            after[lang, folder] = held

    def listing(lang: str, kind: kinds.Kind) -> str:
        """Return what an index of ``kind`` lists once built: a rule's word, or names."""
        folder = kind.folder
        names_ = sorted(n for n in after[lang, folder] if kind.is_name(n))
        if kind.key != kinds.BRIEFED:
            return " ".join(names_)
        if brief_rule in BRIEF_RULES and countries:
            return brief_rule
        earlier = recorded[lang, folder].get(INDEX, {}).get("links", {}).get(folder, "")
        if earlier in BRIEF_RULES and not countries:
            return earlier  # nothing briefed now: what the index lists is unchanged
        if earlier in BRIEF_RULES and data_files and \
                set(recorded_briefs(out_dir, year, earlier, data_files) or ()) == set(names_):
            return earlier  # the briefs of a rule, one of them rebuilt: still the rule's
        return " ".join(names_)

    def add(name: str, nb: Path, params: dict, folder: Path, lang: str,
            printed: bool = False) -> None:
        # The report writes its workbook where it is told: its own folder, never the
        # kernel's working folder. Its links to itself in the other languages and to the
        # page of every report are relative: the folder can be moved or e-mailed whole.
        here = folder.relative_to(root(lang))
        sub = here.as_posix() if here.parts else ""
        others = " ".join(f"{other}={_relative(root(other) / here / f'{name}.html', folder)}"
                          for other in programmes.LANGUAGES
                          if other != lang and name in after[other, sub])
        params = {**params, "out_dir": paths.parameter(folder.resolve()),
                  **({"other_languages": others} if others else {}),
                  "home": _relative(out_dir / HOME, folder)}

        inputs = [*(data_files or []), *(p for k, p in public_paths.items()
                                          if k in public_inputs(name, sub))]
        jobs.append(Job(name, nb, params, folder, timeout, fingerprint(nb, params, inputs, sha),
                        tuple(inputs), tuple((p.name, sha(p)) for p in inputs), out_dir,
                        printed))

    public_paths = {k: Path(p) for k, p in (public or {}).items() if Path(p).is_file()}
    printer: list[bool] = []

    def can_print() -> bool:
        """Whether the machine has a Chromium to print with, asked once for the plan."""
        if not printer:
            from ..io.pdf import chromium

            printer.append(chromium() is not None)
        return printer[0]
    briefs_folder = registry[kinds.BRIEFED].folder

    for lang in langs:
        said = {} if lang == "en" else {"lang": lang}
        base = {"year": year, "data_dir": data}
        index = kinds.index_of(registry[kinds.BRIEFED], registry)
        listed = listing(lang, registry[kinds.BRIEFED]) \
            if index and INDEX in after[lang, index.folder] else ""
        for kind in registry.values():
            folder = within(lang, kind.folder)
            for name in wanted[kind.key]:
                params = dict(base)
                if kind.public(name):  # the public-sources config, for a kind that reads them
                    params.update(extra or {})
                if kind.subject:
                    params[kind.subject] = name
                if kind.lists:
                    params[registry[kind.lists].folder] = listing(lang, registry[kind.lists])
                if kind.links_briefs and listed:
                    params.update({"briefs": _relative(within(lang, briefs_folder), folder),
                                   "brief_countries": listed})
                # A publication and its technical companion, in one folder, link each other.
                partner = (registry[kind.companion_of] if kind.companion_of
                           else kinds.companion(kind, registry))
                if partner is not None:
                    other = next((n for n in partner.fixed if n in after[lang, kind.folder]),
                                 None)
                    if other is not None:
                        key = kinds.PUBLICATION if kind.companion_of else kinds.TECHNICAL
                        params[key] = f"{other}.html"
                # A printed kind's print edition, where the machine has Chromium to print it.
                printed = kind.printed and can_print()
                if printed:
                    params[kinds.PRINT_EDITION] = f"{name}.pdf"
                add(name, notebooks / kind.notebook, {**params, **said}, folder, lang, printed)
    return jobs

BRIEFS = ".htmss-briefs.json"
"""The file, in a year's folder, recording which countries a rule picked from which data."""

def _briefs_key(year: int, rule: str, data_files: list[Path]) -> str:
    """Digest what decides the countries a rule picks: the data's bytes and the package's code."""
    import hashlib
    import json

    from .. import __version__
    from ..io.files import file_sha256

    parts = [year, rule, sorted((p.name, file_sha256(p)) for p in data_files), __version__,
             paths.code_digest("**/*.py")]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

def recorded_briefs(out_dir: Path, year: int, rule: str, data_files: list[Path]
                    ) -> list[str] | None:
    """Return the countries ``rule`` picked when a build last read these very data files.

    ``None`` when no build recorded them (or the data or the package changed
    since): the data must then be read, validated, to know. A rebuild with
    nothing changed so reads no table at all.
    """
    entry = _briefs_record(out_dir / str(year)).get(rule, {})
    if entry.get("key") == _briefs_key(year, rule, data_files):
        return list(entry["names"])
    return None

def _briefs_record(folder: Path) -> dict[str, dict]:
    """Read the briefs record of a year's folder, keeping only entries that hold up.

    The record is the output folder's, so anyone's: a rule the build does not
    know, a key that is not a digest, or a "country" that is not the ISO3
    code of a country known (a path, say) voids its entry, and the data is
    read again instead.
    """
    return {rule: entry for rule, entry in records.read_record(folder / BRIEFS).items()
            if rule in BRIEF_RULES and isinstance(entry, dict)
            and isinstance(entry.get("key"), str) and records.is_digest(entry["key"])
            and isinstance(entry.get("names"), list)
            and all(records.is_brief_name(c) for c in entry["names"])}

def record_briefs(out_dir: Path, year: int, rule: str, data_files: list[Path],
                  countries: list[str]) -> None:
    """Record the countries ``rule`` picked from these data files (:func:`recorded_briefs`)."""
    import json

    folder = out_dir / str(year)
    record = _briefs_record(folder)
    record[rule] = {"key": _briefs_key(year, rule, data_files), "names": list(countries)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_file(folder / BRIEFS, json.dumps(record, indent=1, sort_keys=True).encode())
    except OSError:
        pass  # only a shortcut for the next build: it will read the data instead
