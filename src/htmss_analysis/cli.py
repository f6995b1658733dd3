"""The ``htmss-analysis`` command."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import indicators, schema
from .loaders import load
from .problems import DataError

EXIT_DATA = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="htmss-analysis",
                                description="Figures and reports from HTMSS monitoring data.")
    sub = p.add_subparsers(dest="command", required=True)

    ind = sub.add_parser("indicators", help="print the headline figures of a year")
    ind.add_argument("--data", type=Path, default=None,
                     help="data folder or workbook (default: the synthetic sample data)")
    ind.add_argument("--year", type=int, required=True, help="reporting year")
    ind.add_argument("--programme", default="all",
                     help="GLOT59, GLOT92, GLOACT (or GLO.ACT), or all (default)")
    ind.add_argument("--json", action="store_true", help="print the contract's JSON object")

    check = sub.add_parser("check", help="validate a data folder and list every problem")
    check.add_argument("--data", type=Path, default=None, help="data folder or workbook")

    docs = sub.add_parser("docs", help="write the data dictionary and indicator definitions")
    docs.add_argument("--out", type=Path, required=True, help="folder for the Markdown files")

    from .reports import add_build_parser

    add_build_parser(sub)

    mk = sub.add_parser("make-sample", help="regenerate the synthetic sample data")
    mk.add_argument("--out", type=Path, required=True, help="folder to write the CSV files to")
    return p


def _load_or_exit(path: Path | None):
    try:
        data = load(path)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        n = len(exc.problems)
        print(f"{n} error{'s' * (n != 1)} in {path or 'the sample data'}: nothing was computed.",
              file=sys.stderr)
        raise SystemExit(EXIT_DATA) from None
    for warning in data.warnings:
        print(warning, file=sys.stderr)
    return data


def _indicators(args: argparse.Namespace) -> int:
    try:
        code = indicators.programme_code(args.programme)
    except ValueError as exc:
        print(f"error: --programme: {exc}", file=sys.stderr)
        return EXIT_DATA
    data = _load_or_exit(args.data)
    values = indicators.compute(data, args.year, code)
    if args.json:
        print(json.dumps({"year": args.year, "programme": code or "all", "indicators": values}))
        return 0
    label = schema.PROGRAMME_LABELS.get(code, "HTMSS (all programmes)")
    print(f"{label}, {args.year}")
    width = max(len(i.title) for i in indicators.REGISTRY.values())
    for key, value in values.items():
        ind = indicators.REGISTRY[key]
        print(f"  {ind.title:<{width}}  {value:>10,}  {ind.unit}")
    return 0


def generated_docs() -> dict[str, str]:
    """Return the Markdown files of ``docs/`` generated from the code, by file name."""
    return {"data-dictionary.md": schema.data_dictionary(),
            "indicators.md": indicators.registry_markdown()}


def _make_sample(out: Path) -> int:
    from . import sample

    sample.generate(out)
    data = load(out)
    wrong = sample.check(data)
    for line in wrong:
        print(f"error: {line}", file=sys.stderr)
    print(f"wrote {out}: {data!r}")
    return 1 if wrong else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "indicators":
            return _indicators(args)
        if args.command == "check":
            data = _load_or_exit(args.data)
            print(data.accounting.to_string(index=False))
            print(f"no errors; {len(data.warnings)} warnings")
            return 0
        if args.command == "docs":
            args.out.mkdir(parents=True, exist_ok=True)
            for name, text in generated_docs().items():
                (args.out / name).write_text(text, encoding="utf-8")
                print(f"wrote {args.out / name}")
            return 0
        if args.command == "build":
            from .reports import run_build

            return run_build(args, _load_or_exit)
        if args.command == "make-sample":
            return _make_sample(args.out)
    except BrokenPipeError:
        return 0
    except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        print(f"error: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return EXIT_DATA
    return 1


if __name__ == "__main__":
    sys.exit(main())
