"""Every report and workbook of the sample build is the one recorded (tests/recorded/).

The digests were recorded from the reports as they were before the redesign of
issue 20, so a change of structure that changes an output, however slightly, is
seen; an entry changed on purpose says why (``because``). A deliberate change of
the reports is recorded again with ``tools/record_outputs.py``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED_DATA

RECORDED = ROOT / "tests" / "recorded" / "outputs.json"


def changed(build: str, folder: Path) -> list[str]:
    """Return what differs between ``folder`` and the recorded outputs of ``build``."""
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))[build]
    found = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*")
             if p.suffix in (".html", ".xlsx")}
    out = [f"{name}: not built" for name in sorted(set(recorded) - set(found))]
    out += [f"{name}: built, never recorded" for name in sorted(set(found) - set(recorded))]
    for name in sorted(set(recorded) & set(found)):
        if hashlib.sha256(found[name].read_bytes()).hexdigest() != recorded[name]["sha256"]:
            out.append(f"{name}: differs from the output recorded "
                       f"({recorded[name]['because']})")
    return out


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="needs ../shared/data (the public "
                    "sources the sample build reads); a user's clone has no such folder")
def test_the_sample_build_is_the_recorded_one(sample_build):
    assert changed("sample", sample_build) == [], (
        "outputs changed: if on purpose, record them with tools/record_outputs.py and say why")
