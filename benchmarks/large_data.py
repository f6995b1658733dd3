"""Write a large HTMSS data folder: a decade of UNODC-wide training records.

``python benchmarks/large_data.py FOLDER ROWS`` writes FOLDER with the
synthetic sample's small tables, one activity per 20 attendances (2009-2018)
and ROWS attendance rows, as field offices send them: mixed-case codes, "F"
and "M", blank cells, repeated attendances, names and e-mails (personal data
the package drops). Seeded: the same ROWS give the same bytes.

Nationalities are ISO3 codes so that a DuckDB script, which knows no country
names, computes the same countries-represented figure as the package.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from htmss_analysis.data.schema import ACTIVITY_TYPES, GROUPS
from htmss_analysis.paths import sample_data

SEED = 20181231
YEARS = np.arange(2009, 2019)
COUNTRIES = ("AFG ALB ARG ARM AUS AUT AZE BEL BEN BFA BGD BGR BIH BLR BOL BRA CAN CHE CHL "
             "CIV CMR COL CRI CZE DEU DOM DZA ECU EGY ESP ETH FRA GBR GEO GHA GIN GRC GTM HND "
             "HRV HUN IDN IND IRQ ITA JOR JPN KAZ KEN KGZ KHM LAO LBN LKA MAR MDA MEX MKD MLI "
             "MMR MNE MNG MOZ MRT MWI MYS NER NGA NIC NLD NPL PAK PAN PER PHL POL PRT PRY ROU "
             "RUS SDN SEN SLV SRB SVK SWE TCD TGO THA TJK TUN TUR TZA UGA UKR URY USA UZB VNM "
             "ZAF ZMB ZWE").split()


def activities(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """Return ``n`` activities spread over 2009-2018, most of them capacity building."""
    year = rng.choice(YEARS, n)
    start = pd.to_datetime(year.astype(str)) + pd.to_timedelta(rng.integers(0, 360, n), "D")
    level = rng.choice(["national", "regional", "global"], n, p=[0.7, 0.2, 0.1])
    kinds = np.array(ACTIVITY_TYPES)
    weights = np.where(np.isin(kinds, ["training", "workshop", "mentoring"]), 4.0, 1.0)
    return pd.DataFrame({
        "activity_id": [f"L{y}-{i:07d}" for i, y in enumerate(year, 1)],
        "programme": rng.choice(["GLOT59", "GLOT92", "GLOACT", "GLOT59;GLOT92"], n),
        "title": "Training on victim identification",
        "activity_type": rng.choice(kinds, n, p=weights / weights.sum()),
        "role": rng.choice(["organized", "contributed"], n, p=[0.8, 0.2]),
        "level": level,
        "start_date": start.strftime("%Y-%m-%d"),
        "end_date": (start + pd.to_timedelta(rng.integers(0, 5, n), "D")).strftime("%Y-%m-%d"),
        "country": rng.choice(COUNTRIES, n),
        "theme": rng.choice(["TIP", "SOM", "TIP;SOM"], n),
        "sdg_targets": rng.choice(["5.2", "8.7;16.2", "10.7;16.4", ""], n),
        "partners": "",
    })


def attendances(rows: int, activity_ids: np.ndarray, rng: np.random.Generator,
                people: int) -> pd.DataFrame:
    """Return ``rows`` attendances of ``people`` people (who come back: about three each)."""
    people = rng.integers(1, people, rows)
    pre = rng.integers(0, 90, rows)
    tested = rng.random(rows) < 0.3
    sex = rng.choice(["female", "male", "F", "M", "Female", ""], rows,
                     p=[0.35, 0.35, 0.1, 0.1, 0.05, 0.05])
    nationality = rng.choice(np.array(COUNTRIES + [""], dtype=object), rows)
    frame = pd.DataFrame({
        "activity_id": rng.choice(activity_ids, rows),
        "participant_id": np.char.add("P", np.char.zfill(people.astype(str), 8)),
        "sex": sex,
        "nationality": nationality,
        "group": rng.choice(np.array(GROUPS + ("",), dtype=object), rows),
        "pre_test": np.where(tested, pre.astype(str), ""),
        "post_test": np.where(tested, (pre + rng.integers(0, 11, rows)).astype(str), ""),
        "full_name": "Ana Rossi",
        "email": "ana.rossi@example.org",
    })
    return frame


def write(folder: Path, rows: int) -> Path:
    """Write the folder (replacing it) and return it."""
    rng = np.random.default_rng(SEED + rows)
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for path in sorted(sample_data().glob("*.csv")):
        if path.stem not in ("activities", "participants"):
            shutil.copyfile(path, folder / path.name)
    acts = pd.concat([pd.read_csv(sample_data() / "activities.csv", dtype=str,
                                  keep_default_na=False),
                      activities(max(1, rows // 20), rng)], ignore_index=True)
    acts.to_csv(folder / "activities.csv", index=False)
    ids = acts["activity_id"].to_numpy()
    chunk = 1_000_000  # bounded memory for ten million rows
    for done in range(0, rows, chunk):
        attendances(min(chunk, rows - done), ids, rng, people=max(2, rows // 3)).to_csv(
            folder / "participants.csv", index=False, mode="a", header=done == 0)
    return folder


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]))
