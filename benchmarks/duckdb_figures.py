"""What an analyst would write instead of the package: DuckDB over the same CSV files.

``python benchmarks/duckdb_figures.py FOLDER YEAR`` reads ``activities.csv`` and
``participants.csv`` as text, checks that every attendance's activity exists,
counts repeated attendances, and computes the people-trained and
countries-represented figures of the data contract; it prints them as JSON.

It does less than ``htmss-analysis check``: no types, codes or country names
are checked, no row is located, nothing is cached. Nationalities must be ISO3
codes (the large benchmark folder writes them so).
"""

from __future__ import annotations

import json
import sys

import duckdb

CAPACITY_BUILDING = ("training", "training_of_trainers", "mentoring", "e_learning", "workshop")


def figures(folder: str, year: int) -> dict[str, int]:
    """Return the two figures and the two checks, computed by DuckDB."""
    con = duckdb.connect()
    for table in ("activities", "participants"):
        path = f"{folder}/{table}.csv".replace("'", "''")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_csv('{path}', all_varchar = true)")
    unknown = con.execute("SELECT count(*) FROM participants ANTI JOIN activities "
                          "USING (activity_id)").fetchone()[0]
    repeated = con.execute("SELECT count(*) - count(DISTINCT (activity_id, participant_id)) "
                           "FROM participants").fetchone()[0]
    people, countries = con.execute(f"""
        WITH cb AS (
            SELECT DISTINCT activity_id, level FROM activities
            WHERE lower(trim(activity_type)) IN {CAPACITY_BUILDING}
              AND start_date LIKE '{year}-%')
        SELECT count(DISTINCT trim(participant_id)),
               count(DISTINCT CASE WHEN lower(trim(level)) IN ('national', 'regional')
                                    AND trim(coalesce(nationality, '')) <> ''
                                   THEN upper(trim(nationality)) END)
        FROM participants JOIN cb USING (activity_id)""").fetchone()
    return {"unknown_activities": unknown, "repeated_attendances": repeated,
            "people_trained": people, "countries_represented": countries}


if __name__ == "__main__":
    print(json.dumps(figures(sys.argv[1], int(sys.argv[2]))))
