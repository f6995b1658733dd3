"""Every report and workbook of the sample build is the one recorded (tests/recorded/).

Each output is recorded twice: as the text a reader sees
(``tests/recorded/<build>/<path>.txt``, see ``tools/record_outputs.py``), so
that a change shows as a diff of words and figures; and by its SHA-256, so
that a change of markup alone is seen too. An entry changed on purpose says
why (``because``); a deliberate change of the reports is recorded again with
``tools/record_outputs.py``.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED_DATA

sys.path.insert(0, str(ROOT / "tools"))
from record_outputs import outputs, readable  # noqa: E402 - the tool beside the tests

RECORDED = ROOT / "tests" / "recorded" / "outputs.json"


def changed(build: str, folder: Path, context: int = 12) -> list[str]:
    """Return what differs between ``folder`` and the recorded outputs of ``build``.

    A text that differs is given as the first lines of its diff; an output
    whose text is the same but whose bytes are not is named as a markup change.
    """
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))[build]
    found = outputs(folder)
    out = [f"{name}: not built" for name in sorted(set(recorded) - set(found))]
    out += [f"{name}: built, never recorded" for name in sorted(set(found) - set(recorded))]
    for name in sorted(set(recorded) & set(found)):
        if hashlib.sha256(found[name].read_bytes()).hexdigest() == recorded[name]["sha256"]:
            continue
        kept = RECORDED.parent / build / f"{name}.txt"
        before = kept.read_text(encoding="utf-8") if kept.is_file() else ""
        diff = list(difflib.unified_diff(before.splitlines(), readable(found[name]).splitlines(),
                                         f"recorded/{name}", f"built/{name}", n=1, lineterm=""))
        shown = "\n".join(diff[:context]) if diff else "the same text: a change of markup only"
        out.append(f"{name}: differs from the output recorded ({recorded[name]['because']})"
                   f"\n{shown}")
    return out


def test_the_readable_text_of_a_page_and_a_workbook(tmp_path):
    from record_outputs import page_text

    page = ("<html><head><title>T</title><style>p{color:red}</style></head><body>"
            "<h1>GLOT59 2018</h1><p>4,587 people <a href='x'>trained</a>.</p>"
            "<table><tr><th>year</th><th>cases</th></tr><tr><td>2018</td><td>12</td></tr>"
            "</table></body></html>")
    assert page_text(page) == "T\nGLOT59 2018\n4,587 people trained.\nyear | cases\n2018 | 12\n"


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="needs ../shared/data (the public "
                    "sources the sample build reads); a user's clone has no such folder")
def test_the_sample_build_is_the_recorded_one(sample_build):
    # Also the test that a rebuild from the same inputs is byte-identical: the digests were
    # recorded from another build, in another process, on another day.
    assert changed("sample", sample_build) == [], (
        "outputs changed: if on purpose, record them with tools/record_outputs.py and say why")
