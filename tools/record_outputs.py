"""Record the SHA-256 of the reports and workbooks the tests rebuild, for tests/recorded/.

The tests build the sample's reports (``conftest.sample_build``) and the
hand-made briefs (``test_briefs.briefs_build``) and compare every HTML report
and workbook with what is recorded in ``tests/recorded/outputs.json``: a change
to the code that changes an output, however slightly, is seen. When a change of
the reports is deliberate, rebuild as those fixtures do and record again,
saying why::

    python tools/record_outputs.py --build sample path/to/out/2018 --because "why"

Every entry keeps the reason its value was last recorded for.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

RECORDED = Path(__file__).resolve().parents[1] / "tests" / "recorded" / "outputs.json"
"""The file of recorded digests, by build and path (relative to the year's folder)."""

SUFFIXES = (".html", ".xlsx")
"""The outputs recorded: reports and workbooks (an executed notebook holds its code)."""


def digests(folder: Path) -> dict[str, str]:
    """Return the SHA-256 of every report and workbook under ``folder``, by relative path."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.suffix in SUFFIXES}


def record(build: str, folder: Path, because: str, path: Path = RECORDED) -> dict:
    """Record the outputs of ``folder`` as build ``build``; keep the reasons of those unchanged.

    Returns the whole record, as written.
    """
    whole = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    before = whole.get(build, {})
    now = {}
    for name, digest in digests(folder).items():
        kept = before.get(name)
        now[name] = kept if kept and kept["sha256"] == digest else {
            "sha256": digest, "because": because}
    whole[build] = now
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(whole, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return whole


def main(argv: list[str] | None = None) -> int:
    """Record one build's outputs (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, choices=("sample", "briefs"),
                        help="which of the tests' builds the folder is")
    parser.add_argument("folder", type=Path, help="the build's year folder (OUT/2018)")
    parser.add_argument("--because", required=True, help="why the outputs changed")
    args = parser.parse_args(argv)
    whole = record(args.build, args.folder, args.because)
    print(f"recorded {len(whole[args.build])} outputs of the {args.build} build in {RECORDED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
