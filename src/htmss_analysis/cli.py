"""The ``htmss-analysis`` command: every command's output and exit status live here."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

# Light modules only: `build` with nothing to rebuild answers without importing pandas.
# The commands that read tables import what they need.
from . import build as builder
from . import kinds, languages, paths, programmes
from .data.locate import find_sources
from .problems import DataError, grouped
from .public.sources import NO_CONFIG, SOURCES, PublicSources, public_sources

if TYPE_CHECKING:
    from .data.load import Dataset

EXIT_DATA = 2
EXIT_INTERRUPTED = 130


def _ranged(low: int, high: int | None = None):
    """Return an argparse type: a whole number from ``low`` (to ``high``)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low or (high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"of {low} or more"
            raise argparse.ArgumentTypeError(f"{value} is not a number {span}")
        return value

    return parse


YEAR = _ranged(1900, 2100)


def _spelled(items: tuple[str, ...]) -> str:
    """Write ``en, fr and/or es``."""
    return ", ".join(items[:-1]) + " and/or " + items[-1] if len(items) > 1 else items[0]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="htmss-analysis",
                                description="Figures and reports from HTMSS monitoring data.")
    sub = p.add_subparsers(dest="command", required=True)

    ind = sub.add_parser("indicators", help="print the headline figures of a year")
    ind.add_argument("--data", type=Path, default=None,
                     help="data folder or workbook (default: the synthetic sample data)")
    ind.add_argument("--year", type=YEAR, required=True, help="reporting year")
    ind.add_argument("--programme", default=programmes.ALL,
                     help=f"{programmes.EXPECTED}, or all (default)")
    place = ind.add_mutually_exclusive_group()
    place.add_argument("--country", default=None, metavar="C",
                       help="print the country figures of C (an ISO3 code or a country name)")
    place.add_argument("--region", default=None, metavar="R",
                       help="print the regional figures of R (a UN M49 intermediate region or "
                            "sub-region: its code, 014, or English name, Eastern Africa)")
    ind.add_argument("--json", action="store_true", help="print the contract's JSON object")

    ex = sub.add_parser("explain", help="list the records behind a figure, and its rule step "
                                        "by step")
    ex.add_argument("key", help="a figure's key (htmss-analysis indicators --json lists them)")
    ex.add_argument("--data", type=Path, default=None,
                    help="data folder or workbook (default: the synthetic sample data)")
    ex.add_argument("--year", type=YEAR, required=True, help="reporting year")
    which = ex.add_mutually_exclusive_group()
    which.add_argument("--programme", default=programmes.ALL,
                       help=f"{programmes.EXPECTED}, or all (default)")
    which.add_argument("--country", default=None, metavar="C",
                       help="explain a country figure of C (ISO3 code or country name)")
    which.add_argument("--region", default=None, metavar="R",
                       help="explain a regional figure of R (UN M49 code or English name)")
    ex.add_argument("--json", action="store_true",
                    help="print one JSON object: key, year, programme, country, value, "
                         "definition, steps, records")

    check = sub.add_parser("check", help="validate a data folder and list every problem")
    check.add_argument("--data", type=Path, default=None, help="data folder or workbook")

    docs = sub.add_parser("docs", help="write the data dictionary and indicator definitions")
    docs.add_argument("--out", type=Path, required=True, help="folder for the Markdown files")

    tpl = sub.add_parser("template", help="write the data-entry workbook (one sheet per table)")
    tpl.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")

    _add_build_parser(sub)

    return p


def _add_build_parser(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("build", help="build the HTML reports of a year")
    b.add_argument("--data", type=Path, default=None,
                   help="data folder or workbook (default: the synthetic sample data)")
    b.add_argument("--year", type=YEAR, default=2018, help="reporting year (default 2018)")
    b.add_argument("--programme", nargs="+", default=None, metavar="P",
                   help=f"{', '.join(programmes.CODES)} and/or highlights; 'all' for the "
                        f"{len(programmes.CODES) + 1} reports (the default, unless --country "
                        "names countries: then their briefs alone); 'none' for no report but "
                        "the briefs")
    b.add_argument("--country", nargs="+", default=None, metavar="C",
                   help="the country briefs to write, to OUT/<year>/countries/<ISO3>.html with "
                        "an index.html: by default (when every report is built) one for each "
                        "country where the section worked in the year (an activity held "
                        "there); 'all' for every country with a non-zero country figure; ISO3 "
                        "codes or names for those countries (their briefs and the index only, "
                        "unless --programme asks for more); 'none' for no briefs")
    b.add_argument("--region", nargs="+", default=None, metavar="R",
                   help="the regional briefs to write, to OUT/<year>/regions/<M49 code>.html "
                        "with an index.html: by default (when every report is built) one for "
                        "each region (UN M49 intermediate region, else sub-region) where the "
                        "section worked in the year (an activity held in one of its "
                        "countries); M49 codes or English names for those regions (their "
                        "briefs and the index only, unless --programme or --country asks for "
                        "more); 'none' for no regional briefs")
    b.add_argument("--lang", nargs="+", default=[programmes.LANGUAGES[0]], metavar="L",
                   help=f"languages to write every report in: {_spelled(programmes.LANGUAGES)}, "
                        f"or all (default {programmes.LANGUAGES[0]}); "
                        f"{programmes.LANGUAGE_NAMES[programmes.LANGUAGES[0]]} goes to "
                        "OUT/<year>/, the others to OUT/<year>/<L>/")
    b.add_argument("--out", type=Path, default=None,
                   help="output folder; reports go to OUT/<year>/ (default: reports/)")
    b.add_argument("--jobs", type=_ranged(1, 64), default=2,
                   help="reports built in parallel (default 2)")
    b.add_argument("--timeout", type=_ranged(1), default=builder.CELL_TIMEOUT,
                   help=f"seconds one notebook cell may run (default {builder.CELL_TIMEOUT})")
    b.add_argument("--scheduler", default="", metavar="ADDRESS",
                   help="build on an existing Dask cluster (e.g. tcp://host:8786) instead of "
                        "local processes; its workers must see the output folder")
    b.add_argument("--scheduler-timeout", type=_ranged(1, 600), default=30, metavar="S",
                   help="seconds to wait for the scheduler to answer (default 30)")
    b.add_argument("--verbose", action="store_true",
                   help="a line per report, as in a log, instead of one live progress line")
    b.add_argument("--force", action="store_true",
                   help="rebuild every report, even those whose inputs have not changed")
    b.add_argument("--notebooks", type=Path, default=None,
                   help="folder with your own programme_report.ipynb, highlights.ipynb, "
                        "country_brief.ipynb, country_index.ipynb, region_brief.ipynb and "
                        "region_index.ipynb")
    pub = b.add_argument_group("public data for the country context (optional)")
    pub.add_argument("--config", default="",
                     help="TOML file whose [sources] table names the files below (default: "
                          f"the project's {paths.CONFIG_NAME} when there is one; "
                          f"'{NO_CONFIG}' for none)")
    for key, (title, _) in SOURCES.items():
        pub.add_argument(f"--{key.replace('_', '-')}", dest=key, type=Path, default=None,
                         help=f"{title} (wins over the config file)")


def _print_problems(problems: list) -> None:
    """Print problems one per line, the first 200 of them, then counts of the rest by kind."""
    first, rest = grouped(problems)
    for problem in first:
        print(problem, file=sys.stderr)
    for line in rest:
        print(line, file=sys.stderr)


def _fail(problems: list, where: str) -> None:
    _print_problems(problems)
    n = len(problems)
    print(f"{n} error{'s' * (n != 1)} in {where}: nothing was computed.", file=sys.stderr)
    raise SystemExit(EXIT_DATA)


def _load_or_exit(path: Path | None, year: int | None = None) -> Dataset:
    from .data.load import check_year
    from .links import load

    try:
        data = load(path)
        if year is not None:
            check_year(data, year)
    except DataError as exc:
        _fail(exc.problems, str(path or "the sample data"))
    _print_problems(data.warnings)
    if data.absent:
        print(f"note: optional tables absent (their figures are 0): {', '.join(data.absent)}",
              file=sys.stderr)
    return data


def _indicators(args: argparse.Namespace) -> int:
    from .metrics import figures

    try:
        code = programmes.programme_code(args.programme)
    except ValueError as exc:
        print(f"error: --programme: {exc}", file=sys.stderr)
        return EXIT_DATA
    country = _country_or_exit(args.country) if args.country is not None else None
    region = _region_or_exit(args.region) if args.region is not None else None
    data = _load_or_exit(args.data, args.year)
    if country is not None:
        return _country_indicators(data, args, country, code)
    if region is not None:
        return _region_indicators(data, args, region, code)
    values = figures.compute(data, args.year, code)
    if args.json:
        print(json.dumps({"year": args.year, "programme": code or programmes.ALL,
                          "indicators": values}))
        return 0
    label = programmes.label(code) if code else f"{programmes.SECTION} (all programmes)"
    print(f"{label}, {args.year}")
    width = max(len(i.title) for i in figures.REGISTRY.values())
    for key, value in values.items():
        ind = figures.REGISTRY[key]
        shown = f"{value:>14,}" if figures.recorded_in(data, key, args.year, code) else \
            f"{'no records':>14}"
        if not figures.attributed(data, key, code):
            shown = "not attributed"
        print(f"  {ind.title:<{width}}  {shown}  {ind.unit}")
    return 0


def _country_or_exit(text: str) -> str:
    """Return the ISO3 code of ``--country``; exit 2 with the reason when it names none."""
    from .countries import UnknownCountry, to_iso3

    try:
        return to_iso3(text)
    except UnknownCountry as exc:
        from .countries import suggest

        close = suggest(text) if text.strip() else None
        hint = f" (did you mean {close}?)" if close else ""
        print(f"error: --country {text!r}: {exc}{hint}; give an ISO3 code (BRA) or a country "
              "name as the data contract accepts it (Brazil)", file=sys.stderr)
        raise SystemExit(EXIT_DATA) from None


def _region_or_exit(text: str) -> str:
    """Return the M49 code of ``--region``; exit 2 with the reason when it names none."""
    from .countries import UnknownCountry, to_region

    try:
        return to_region(text)
    except UnknownCountry as exc:
        print(f"error: --region: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_DATA) from None


def _region_indicators(data: Dataset, args: argparse.Namespace, region: str,
                       code: str | None) -> int:
    from . import countries
    from .metrics import figures

    return _place_figures(args, "region", region, f"{countries.region_name(region)} ({region})",
                          figures.compute_region(data, args.year, region, code),
                          figures.REGION_REGISTRY, code)


def _country_indicators(data: Dataset, args: argparse.Namespace, country: str,
                        code: str | None) -> int:
    from . import countries
    from .metrics import figures

    return _place_figures(args, "country", country, f"{countries.name(country)} ({country})",
                          figures.compute_country(data, args.year, country, code),
                          figures.COUNTRY_REGISTRY, code)


def _place_figures(args: argparse.Namespace, what: str, place: str, named: str,
                   values: dict[str, int], registry: dict, code: str | None) -> int:
    """Print a country's or a region's figures: the contract's JSON object, or a table."""
    if args.json:
        print(json.dumps({"year": args.year, what: place,
                          "programme": code or programmes.ALL, "indicators": values}))
        return 0
    who = programmes.label(code) if code else "all programmes"
    print(f"{named}, {who}, {args.year}")
    width = max(len(i.title) for i in registry.values())
    for key, value in values.items():
        print(f"  {registry[key].title:<{width}}  {value:>10,}  {registry[key].unit}")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from . import countries
    from .metrics import figures
    from .report.rules import described, explain

    registry = figures.REGION_REGISTRY if args.region is not None else \
        figures.COUNTRY_REGISTRY if args.country is not None else figures.REGISTRY
    if args.key not in registry:
        kind = "regional figure" if args.region is not None else \
            "country figure" if args.country is not None else "figure"
        print(f"error: no {kind} {args.key!r}; the keys are: {', '.join(registry)}",
              file=sys.stderr)
        return EXIT_DATA
    try:
        code = programmes.programme_code(args.programme)
    except ValueError as exc:
        print(f"error: --programme: {exc}", file=sys.stderr)
        return EXIT_DATA
    country = _country_or_exit(args.country) if args.country is not None else None
    region = _region_or_exit(args.region) if args.region is not None else None
    data = _load_or_exit(args.data, args.year)
    records = explain(data, args.key, args.year, code, country, region)
    steps = records.attrs["steps"]
    ind = registry[args.key]
    if args.json:
        print(json.dumps({
            "key": args.key, "year": args.year, "programme": code or programmes.ALL,
            "country": country, **({"region": region} if region else {}),
            "value": records.attrs["value"], "definition": described(ind),
            "steps": [{"step": s, "rows": int(n)} for s, n in zip(steps["step"], steps["rows"],
                                                                   strict=True)],
            "records": [{"id": str(i), "file": f, "row": int(r), "value": int(v)}
                        for i, f, r, v in zip(records["id"], records["file"], records["row"],
                                              records["value"], strict=True)]}))
        return 0
    who = (f"{countries.name(country)} ({country})" if country else
           f"{countries.region_name(region)} ({region})" if region else
           programmes.label(code) if code else f"{programmes.SECTION} (all programmes)")
    print(f"{ind.title} ({args.key}), {who}, {args.year}: {records.attrs['value']:,} {ind.unit}")
    print(f"  {described(ind)}")
    print("\nRule, step by step (rows left after each):")
    width = max(len(s) for s in steps["step"])
    for step, n in zip(steps["step"], steps["rows"], strict=True):
        print(f"  {step:<{width}}  {int(n):>12,}")
    print(f"\nRecords ({len(records):,}):")
    if records.empty:
        print("  none")
        return 0
    shown = records.drop(columns="row")
    if records.attrs["measure"] == "distinct":
        shown = shown.drop(columns="value")
    print(shown.to_string(index=False))
    return 0


def generated_docs() -> dict[str, str]:
    """Return the Markdown files of ``docs/`` generated from the code, by file name."""
    from .docs import documents

    return documents()


def _template(out: Path) -> int:
    from .data.template import write_template

    if out.suffix.lower() != ".xlsx":
        print(f"error: --out {out}: the template is an Excel workbook: name it *.xlsx",
              file=sys.stderr)
        return EXIT_DATA
    if not out.parent.is_dir():
        print(f"error: --out {out}: no folder {out.parent}", file=sys.stderr)
        return EXIT_DATA
    if out.exists() and not out.is_file():
        print(f"error: --out {out}: a folder (or other non-file) is there; name a new "
              ".xlsx file", file=sys.stderr)
        return EXIT_DATA
    write_template(out)
    print(f"wrote {out}: a sheet per table, the README and the country names; fill it in, "
          f"then: htmss-analysis check --data {out}")
    return 0


def _sources_or_exit(args: argparse.Namespace) -> PublicSources:
    """Gather the public sources from --config and the options (nothing is read yet)."""
    try:
        return public_sources(args.config, **{k: getattr(args, k) for k in SOURCES})
    except DataError as exc:
        _fail(exc.problems, "the public sources")


def _validate_sources_or_exit(sources: PublicSources) -> None:
    """Load every public source once, before any notebook starts.

    A bad file is reported before any report is built, and the cache is
    filled, so the notebooks read the parsed sources back instead of re-parsing.
    """
    try:
        sources.validate()
    except DataError as exc:
        _fail(exc.problems, "the public sources")
    for key in SOURCES:
        if sources.status(key) == "missing":
            from .report.rules import source_note

            print(f"note: {source_note(sources, key)}", file=sys.stderr)


def _choice(values: list[str] | None, option: str, words: tuple[str, ...]) -> str | None:
    """Return the one word of ``words`` given to ``option`` (``none``, ``all``), if any.

    Raises
    ------
    ValueError
        When the word comes with other values (``--country BRA none``): the
        two ask for different things, and neither is guessed.
    """
    said = {v.strip().lower() for v in values or []}
    word = next((w for w in words if w in said), None)
    if word is not None and len(values) > 1:
        raise ValueError(f"{option} {' '.join(values)}: '{word}' stands alone; give it or "
                         f"the names you want, not both")
    return word


def _build(args: argparse.Namespace) -> int:
    try:
        reports = _choice(args.programme, "--programme", ("none", "all"))
        brief_word = _choice(args.country, "--country", ("none", "all"))
        region_word = _choice(args.region, "--region", ("none",))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_DATA
    every = kinds.main_reports()
    named_regions = args.region is not None and region_word is None
    # Named countries (or regions) alone build their briefs (and the indexes), not the
    # main reports nor the other briefs.
    briefs_only = args.programme is None and region_word is None and (
        (args.country and brief_word is None) or (named_regions and args.country is None))
    if named_regions:
        regions = sorted(dict.fromkeys(_region_or_exit(r) for r in args.region))
    try:
        names = [] if reports == "none" or briefs_only else every \
            if reports == "all" or args.programme is None else \
            list(dict.fromkeys(kinds.parse_report_name(n) for n in args.programme))
    except ValueError as exc:
        print(f"error: --programme: {exc}", file=sys.stderr)
        return EXIT_DATA
    if not names and brief_word == "none" and not named_regions:
        print("error: --programme none --country none: nothing to build", file=sys.stderr)
        return EXIT_DATA
    try:
        asked = [lang for lang in args.lang if lang.strip().lower() != "all"]
        all_langs = len(asked) < len(args.lang)
        langs = tuple(dict.fromkeys([*(programmes.LANGUAGES if all_langs else ()),
                                     *(languages.check(lang) for lang in asked)]))
    except ValueError as exc:
        print(f"error: --lang: {exc}", file=sys.stderr)
        return EXIT_DATA
    sources = _sources_or_exit(args)
    rule = _brief_rule(args)
    if briefs_only and named_regions and args.country is None:
        rule = "none"
    out = args.out or paths.reports()
    located = find_sources(args.data or paths.sample_data())
    data_files = list(dict.fromkeys(file for file, _ in located.tables.values()))
    # Which countries a rule picks is known from the data, validated: unless an earlier
    # build of these very files recorded them, the data is read first, and the workers
    # start now, to import what they need meanwhile.
    known = builder.recorded_briefs(out, args.year, rule, data_files) \
        if rule in builder.BRIEF_RULES and not located.errors else None
    early = builder.Workers(args.jobs) if rule in builder.BRIEF_RULES and known is None and \
        not args.scheduler else None
    with early or contextlib.nullcontext():
        countries = known if known is not None else \
            _picked(args, out, rule, data_files, located)
        # The regions where the section worked: those of the countries it worked in.
        region_rule = "chosen" if named_regions else \
            "worked" if region_word is None and rule in builder.BRIEF_RULES else "none"
        if region_rule == "worked":
            regions = _regions_worked(args, out, rule, countries, data_files, located)
        elif region_rule == "none":
            regions = []
        extra = {"config": paths.parameter(sources.config) if sources.config else NO_CONFIG,
                 **{k: paths.parameter(Path(getattr(args, k)).resolve()) for k in SOURCES
                    if getattr(args, k)}}
        jobs = builder.plan(args.data, args.year, names, out, args.notebooks, args.timeout,
                            extra, data_files=data_files, public=sources.paths,
                            countries=countries, brief_rule=rule, langs=langs,
                            regions=regions, region_rule=region_rule)
        printed = {n for k in kinds.REGISTRY.values() if k.printed for n in k.fixed}
        if any(j.name in printed for j in jobs) and not any(j.printed for j in jobs):
            from .io.pdf import HOW_TO_GET

            print(f"note: the print edition ({', '.join(sorted(printed))}.pdf) is not made: "
                  f"{HOW_TO_GET}", file=sys.stderr)
        current = [] if args.force or located.errors else builder.up_to_date(jobs)
        to_build = len(jobs) - len(current)
        if early and not to_build:
            early.abandon()
        pool = early or (builder.Workers(min(args.jobs, to_build))
                         if to_build and not args.scheduler else None)
        with (pool if pool is not early else None) or contextlib.nullcontext():
            pruned = tuple(folder for folder, ruled in (
                (kinds.REGISTRY[kinds.BRIEFED].folder, rule in builder.BRIEF_RULES),
                (kinds.REGISTRY[kinds.REGIONAL].folder, region_rule == "worked")) if ruled)
            return _build_with(args, jobs, current, sources, out, pool, rule, pruned)


def _regions_worked(args: argparse.Namespace, out: Path, rule: str, countries: list[str] | None,
                    data_files: list[Path], located) -> list[str]:
    """Return the M49 codes of the regions where the section worked (the default set)."""
    from .countries import region_of

    worked = countries if rule == "worked" else \
        builder.recorded_briefs(out, args.year, "worked", data_files) \
        if not located.errors else None
    if worked is None:
        worked = _picked(args, out, "worked", data_files, located)
    return sorted({code for c in worked or () if (code := region_of(c))})


def _picked(args: argparse.Namespace, out: Path, rule: str, data_files: list[Path],
            located) -> list[str] | None:
    """Read which countries ``rule`` picks from the data; record them for the next build."""
    picked = _countries_or_exit(args, rule)
    if rule in builder.BRIEF_RULES and not located.errors:
        builder.record_briefs(out, args.year, rule, data_files, picked)
    return picked


def _brief_rule(args: argparse.Namespace) -> str:
    """Say how ``build`` chooses its briefs: ``worked``, ``all``, ``none`` or ``chosen`` (codes).

    Without ``--country``, a build of every report briefs the countries where
    the section worked; a build of some reports (``--programme``) none.
    """
    said = [c.strip().lower() for c in args.country or []]
    if not said:  # every report (or none but the briefs): the default set; some: none
        some = args.programme and [p.strip().lower() for p in args.programme] not in (
            ["all"], ["none"])
        return "none" if some else "worked"
    if said == ["none"]:
        return "none"
    return "all" if said == ["all"] else "chosen"


def _countries_or_exit(args: argparse.Namespace, rule: str) -> list[str] | None:
    """Return the ISO3 codes of the countries ``build`` briefs (None for no briefs)."""
    if rule == "none":
        return None
    if rule in builder.BRIEF_RULES:
        from .metrics.country import worked_in
        from .metrics.figures import country_figures
        from .metrics.scope import Scope

        # Which countries get a brief is known from the data only: validate it now.
        data = _load_or_exit(args.data, args.year)
        args.loaded = True
        if rule == "worked":
            return worked_in(data, Scope(args.year))
        return list(country_figures(data, args.year)["iso3"])
    return sorted(dict.fromkeys(_country_or_exit(c) for c in args.country))


def _build_with(args: argparse.Namespace, jobs: list, current: list, sources: PublicSources,
                out: Path, pool: builder.Workers | None, rule: str,
                pruned: tuple[str, ...] = ()) -> int:
    if len(current) < len(jobs):
        # Validate once, before any notebook starts: bad data is one clear list, not four
        # tracebacks. The validated tables are cached for the notebooks to read back.
        if not getattr(args, "loaded", False):
            _load_or_exit(args.data, args.year)
        _validate_sources_or_exit(sources)
    where = f"on {args.scheduler}" if args.scheduler else f"{args.jobs} at a time"
    print(f"building {len(jobs) - len(current)} of {len(jobs)} report(s) for {args.year} from "
          f"{args.data or 'the synthetic sample data'} into {out / str(args.year)} "
          f"({where})", flush=True)
    shown = Progress(len(jobs), len(current), live=sys.stdout.isatty() and not args.verbose)

    def on_term(signum, frame):  # a polite kill stops the build like Ctrl-C
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        with builder.locked(out / str(args.year)):
            gone, kept = builder.prune_briefs(jobs, pruned) if pruned else ([], [])
            if gone:
                print(f"removed {len(gone)} file(s) of earlier briefs of countries or regions the "
                      f"{'default set' if rule == 'worked' else 'rule'} no longer picks in "
                      f"{args.year}", flush=True)
            for path in kept:
                print(f"error: {builder.Refusal(path)} (an earlier brief of a country no "
                      f"longer briefed)", file=sys.stderr, flush=True)
            if args.scheduler:
                outcomes = builder.build_on_cluster(jobs, args.scheduler, on_done=shown.done,
                                                    connect_timeout=args.scheduler_timeout,
                                                    force=args.force)
            else:
                outcomes = builder.build(jobs, pool or args.jobs, on_done=shown.done,
                                         force=args.force, on_cell=shown.cell)
            shown.end()
            home = _home_or_warn(out)
    except (builder.BuildLocked, builder.NotOurs) as exc:
        shown.end()
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_DATA
    except builder.SchedulerUnreachable as exc:
        print(f"error: --scheduler {args.scheduler}: {exc}", file=sys.stderr)
        return EXIT_DATA
    except OSError as exc:  # the output folder: a file, read-only, deleted, the disk full
        shown.end()
        print(f"error: {_os_error(exc, out)}", file=sys.stderr)
        return EXIT_DATA
    except builder.BuildInterrupted as exc:
        shown.end()
        _summary(exc.outcomes, "interrupted: ")
        home = _home_or_warn(out)
        if home:
            print(f"open {home}: the reports built so far", flush=True)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)
    status = _summary(outcomes)
    if home:
        print(f"open {home}: every report built there, by year and language", flush=True)
    return EXIT_DATA if kept or home is False else status


def _home_or_warn(out: Path) -> Path | None | bool:
    """Write the page of every report; on a full or read-only disk, say so and go on.

    Returns the page, None when it could not be written, or False when a
    file the build did not make is in its place (an error: exit status 2).
    """
    try:
        return builder.write_home(out)[0]
    except builder.NotOurs as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return False
    except OSError as exc:
        print(f"warning: the page of every report was not written: {_os_error(exc, out)}",
              file=sys.stderr, flush=True)
        return None


class Progress:
    """What a build says as it goes.

    On a terminal, one line rewritten in place (reports done of all, failures,
    time spent, time left, the reports running and at which cell), with a line
    of its own for each failure or warning. Elsewhere (a CI log), or with
    ``--verbose``, a line per report.
    """

    def __init__(self, total: int, current: int, live: bool):
        self.total, self.live = total, live
        self.count = self.failed = self.built = 0
        self.to_build = total - current
        self.running: dict[str, str] = {}
        self.start = time.monotonic()
        self._last = self.start - 1  # the first line is drawn at once
        self._shown = False

    def _say(self, line: str) -> None:
        """Print a line of its own, above the live line on a terminal."""
        if self.live and self._shown:
            print("\r\033[K", end="")
        print(line, flush=True)
        if self.live:
            self._draw(force=True)

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        elapsed = now - self.start
        left = ""
        if self.built and self.to_build > self.built:
            rest = elapsed / self.built * (self.to_build - self.built)
            left = f" · about {_duration(max(rest, 1))} left"
        failed = f" · {self.failed} failed" if self.failed else ""
        running = " · running " + ", ".join(self.running.values()) if self.running else ""
        line = (f"[{self.count}/{self.total}] {_duration(elapsed)}{left}{failed}{running}")
        width = _width()
        print(f"\r\033[K{line[:width - 1]}", end="", flush=True)
        self._shown = True

    def cell(self, job: builder.Job, number: int, total: int, text: str) -> None:
        """Show that a report's cell started: on the live line, or in a log as the report starts."""
        if not self.live:
            if number == 1:
                print(f"      started {job.label}", flush=True)
            return
        self.running[job.label] = f"{job.label} {number}/{total}"
        self._draw()

    def done(self, outcome: builder.Outcome, n: int, total: int) -> None:
        """Show that a report is finished, failed or found up to date."""
        job = outcome.job
        self.count = n
        self.running.pop(job.label, None)
        if not outcome.skipped:
            self.built += 1
        if not outcome.ok:
            self.failed += 1
            self._say(f"[{n}/{total}] FAILED  {job.label:<10} {outcome.error}")
        elif not self.live:
            if outcome.skipped:
                print(f"[{n}/{total}] up to date {job.label:<10} {job.html}", flush=True)
            else:
                size = job.html.stat().st_size / 1024
                print(f"[{n}/{total}] ok      {job.label:<10} {job.html} "
                      f"({outcome.seconds:.0f} s, {size:,.0f} KB)", flush=True)
        if outcome.ok and not outcome.skipped:
            missing = builder.untranslated(job.executed)
            if missing:
                self._say(f"warning: {job.label}: {missing:,} text{'s' * (missing != 1)} of "
                          f"the data {'have' if missing != 1 else 'has'} no "
                          f"{programmes.LANGUAGE_NAMES.get(job.lang, job.lang)} translation "
                          "and show in English, marked lang=\"en\" (listed in the report's "
                          "data quality section)")
        if self.live:
            self._draw(force=n == total)

    def end(self) -> None:
        """Leave the live line as it last read, and go to the next line."""
        if self.live and self._shown:
            self._draw(force=True)
            print(flush=True)
            self._shown = False


def _duration(seconds: float) -> str:
    """Write a duration as a person reads it: ``42 s``, ``3 min 05 s``."""
    seconds = int(round(seconds))
    return f"{seconds} s" if seconds < 60 else f"{seconds // 60} min {seconds % 60:02d} s"


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 20)).columns


def _summary(outcomes: list, prefix: str = "") -> int:
    failed = [o for o in outcomes if not o.ok]
    skipped = sum(o.skipped for o in outcomes)
    current = f", {skipped} up to date" if skipped else ""
    print(f"{prefix}{len(outcomes) - len(failed) - skipped} built{current}, {len(failed)} failed",
          flush=True)
    for o in failed:
        kept = f" (executed notebook: {o.job.executed})" \
            if o.job.executed.is_file() and not o.refused else ""
        print(f"  {o.job.label}: {o.error}{kept}", flush=True)
    if any(o.refused for o in failed):
        return EXIT_DATA  # a file in the way is the user's to move: like bad input
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    for stream in (sys.stdout, sys.stderr):
        # A file name that is not valid UTF-8 (kept by Python as surrogates) prints with
        # its odd bytes escaped instead of ending the command.
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():
        # The package's own warnings (an unsafe cache folder, ...) read like the
        # others on the command line: one line, no source code.
        warnings.showwarning = _show_warning
        return _run(args)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "indicators":
            return _indicators(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "check":
            data = _load_or_exit(args.data)
            print(data.accounting.to_string(index=False))
            empty = [name for name, frame in data.tables.items()
                     if frame.empty and name not in data.absent]
            if empty:
                # An empty table is not a table of zeros: its figures read "no records".
                print(f"empty (a header, no rows; their figures read 'no records'): "
                      f"{', '.join(empty)}")
            if data.absent:
                print(f"absent: {', '.join(data.absent)}")
            print(f"no errors; {len(data.warnings)} warnings")
            return 0
        if args.command == "docs":
            args.out.mkdir(parents=True, exist_ok=True)
            for name, text in generated_docs().items():
                (args.out / name).write_text(text, encoding="utf-8")
                print(f"wrote {args.out / name}")
            return 0
        if args.command == "build":
            return _build(args)
        if args.command == "template":
            return _template(args.out)
    except BrokenPipeError:
        return 0
    except OSError as exc:  # an output that cannot be written: say where and why, no traceback
        print(f"error: {_os_error(exc, getattr(args, 'out', None))}", file=sys.stderr)
        return EXIT_DATA
    return 1


def _os_error(exc: OSError, where: Path | None) -> str:
    """Say which path an operating-system error is about, and the system's reason."""
    path = exc.filename if exc.filename is not None else where
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{path}: {reason}" if path is not None else reason


def run() -> None:
    """Entry point of the ``htmss-analysis`` command: run it, then end the process.

    A command that read millions of rows leaves hundreds of megabytes of
    tables behind; tearing them down object by object takes a quarter of a
    second that the operating system does at once. So, once the output is
    flushed and no other thread is at work, the process ends without it.
    """
    try:
        status = main()
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, int | None):
            print(exc.code, file=sys.stderr)
    import os
    import threading

    sys.stdout.flush()
    sys.stderr.flush()
    if all(t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        os._exit(status)
    sys.exit(status)


if __name__ == "__main__":
    run()
