"""The data-entry workbook: generated from the schema, and read back as it is once filled."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

import htmss_analysis as h
from conftest import TABLES, write_folder
from htmss_analysis import countries
from htmss_analysis.data import schema
from htmss_analysis.data.template import COUNTRY_NAMES, README, write_template

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return write_template(tmp_path_factory.mktemp("template") / "entry.xlsx")


def test_a_sheet_per_table_with_its_columns_required_ones_marked(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == [README, *schema.TABLES, COUNTRY_NAMES]
    for table in schema.TABLES.values():
        ws = book[table.name]
        header = [c for c in ws[1] if c.value is not None]
        assert [c.value for c in header] == table.columns
        for cell, f in zip(header, table.fields, strict=True):
            assert cell.font.bold == f.required, (table.name, f.name)
            assert cell.comment is not None and f.description in cell.comment.text


def test_every_coded_column_has_its_drop_down(template):
    book = openpyxl.load_workbook(template)
    ws = book["activities"]
    lists = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    letter = {f.name: openpyxl.utils.get_column_letter(i) for i, f in
              enumerate(schema.TABLES["activities"].fields, 1)}
    assert lists[f"{letter['activity_type']}2"].formula1 == '"' + ",".join(
        schema.ACTIVITY_TYPES) + '"'
    assert lists[f"{letter['level']}2"].formula1 == '"national,regional,global"'
    assert lists[f"{letter['programme']}2"].errorStyle == "information"  # "GLOT59;GLOT92"
    assert "country names" in lists[f"{letter['country']}2"].formula1
    for table, column in [("participants", "sex"), ("participants", "group"),
                          ("cases", "database"), ("publications", "category"),
                          ("engagements", "kind"), ("priorities", "area"),
                          ("activities", "role"), ("activities", "theme")]:
        index = schema.TABLES[table].columns.index(column) + 1
        cell = f"{openpyxl.utils.get_column_letter(index)}2"
        assert any(str(dv.sqref).startswith(cell)
                   for dv in book[table].data_validations.dataValidation), (table, column)
    names = [r[1] for r in book[COUNTRY_NAMES].iter_rows(min_row=2, values_only=True)]
    assert len(names) == len(countries.known()) and "Kyrgyzstan" in names


def _typed(field: schema.Field, text: str):
    """What a cell holds once an analyst typed ``text`` into Excel."""
    if text == "":
        return None
    if field.kind is schema.DATE:
        return datetime.fromisoformat(text)
    if field.kind is schema.MONTH:
        return datetime.strptime(text, "%Y-%m")
    if field.kind in (schema.COUNT, schema.SCORE, schema.YEAR) and re.fullmatch(r"\d+", text):
        return int(text)
    return text


def test_a_filled_template_gives_the_figures_of_the_same_rows_in_csv(template, tmp_path):
    book = openpyxl.load_workbook(template)
    for name, rows in TABLES.items():
        table = schema.TABLES[name]
        header, body = rows[0], rows[1:]
        ws = book[name]
        columns = [c.value for c in ws[1] if c.value is not None]
        for r, row in enumerate(body, start=2):
            values = dict(zip(header, row, strict=True))
            for j, column in enumerate(columns, start=1):
                if column in values:
                    field = next(f for f in table.fields if f.name == column)
                    ws.cell(r, j, _typed(field, values[column]))
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    from_csv = h.load(write_folder(tmp_path / "csv"))
    from_xlsx = h.load(filled)
    for programme in (None, "GLOT59", "GLOT92", "GLOACT"):
        for year in (2017, 2018, 2019):
            assert h.compute(from_xlsx, year, programme) == h.compute(from_csv, year, programme)
    for code in ("BRA", "MEX", "AUT", "ITA"):
        assert h.compute_country(from_xlsx, 2018, code) == h.compute_country(from_csv, 2018,
                                                                            code)
    # by hand (test_indicators.py): 5 activities, 2 countries assisted, 4 represented, 7 people
    got = h.compute(from_xlsx, 2018)
    assert (got["technical_cooperation_activities"], got["countries_assisted"],
            got["countries_represented"], got["people_trained"]) == (5, 2, 4, 7)


def test_template_command(tmp_path):
    from conftest import run_cli

    out = tmp_path / "entry.xlsx"
    proc = run_cli("template", "--out", str(out))
    assert proc.returncode == 0 and out.is_file(), proc.stderr
    again = tmp_path / "again.xlsx"
    assert run_cli("template", "--out", str(again)).returncode == 0
    assert again.read_bytes() == out.read_bytes()
    bad = run_cli("template", "--out", str(tmp_path / "entry.csv"))
    assert bad.returncode == 2 and "*.xlsx" in bad.stderr and "Traceback" not in bad.stderr
