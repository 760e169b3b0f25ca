#!/usr/bin/env python3
"""The plausibility table of validation/README.md: headline indicators of baseline, no_sto,
nl_2019 and nl_2019_no_sto in 2020, 2024 and 2030, beside their published counterparts.

    python3 validation/plausibility.py build/stosim --data ../shared/data [--replicates 2]

Runs the four scenarios (the real ones only with --data: they need `stosim import`), exports the
indicators it needs as CSV and prints a Markdown table of replicate means. Standard library only.
"""
import argparse
import collections
import csv
import os
import subprocess
import sys
import tempfile

TECHNICAL = {"BWI", "PIE", "M&T", "MaT", "MVI"}  # profiles.technical of every shipped scenario
YEARS = (2020, 2024, 2030)
NATIONAL = ["year3_technical", "year3_students", "programmes_offered", "teachers_fte",
            "teachers_headcount", "budget_received", "cofinancing_cash", "cofinancing_in_kind"]
PUBLISHED = ("| published (FACTS.md) | | 18.7 (2019/20) | 559 (2019/20) | 273 (2018/19) "
             "| ~1,000 / ~1,500 (2017/18) | 100 a year 2018-2023 | ≥ 10; 13 in the plans |")


def stosim(binary, *args):
    subprocess.run([binary, *args], check=True, stdout=subprocess.DEVNULL)


def read(path):
    with open(path, newline="") as f:
        yield from csv.DictReader(f)


def headline(binary, scenario, run_file, out, sets):
    """Per year: the table's columns, averaged over replicates."""
    stosim(binary, "run", scenario, "-o", run_file, "-q", *sets)
    years = [a for y in YEARS for a in ("--year", str(y))]
    stosim(binary, "export", run_file, "--csv", out, "--level", "national",
           *[a for name in NATIONAL for a in ("--indicator", name)], *years)
    stosim(binary, "export", run_file, "--csv", out, "--level", "location",
           "--indicator", "exam_candidates", *years)
    total = collections.defaultdict(float)  # (year, column) summed over replicates
    replicates = set()
    for row in read(os.path.join(out, "national.csv")):
        year, name, value = int(row["year"]), row["indicator"], float(row["value"])
        replicates.add(row["replicate"])
        if name in ("year3_technical", "year3_students") and row["leerweg"] in ("BB", "KB", "GL"):
            total[year, name] += value
        elif name in ("programmes_offered", "teachers_fte", "teachers_headcount"):
            if row["profile"] in TECHNICAL:
                total[year, name] += value
        elif name in ("budget_received", "cofinancing_cash", "cofinancing_in_kind"):
            total[year, name] += value
    # Locations with techniek candidates in BB, KB or GL, per replicate and year.
    with_candidates = collections.defaultdict(set)
    for row in read(os.path.join(out, "location.csv")):
        if row["group"] == "techniek" and row["leerweg"] in ("BB", "KB", "GL") and float(row["value"]) > 0:
            with_candidates[int(row["year"]), row["replicate"]].add(row["unit"])
    for (year, _), units in with_candidates.items():
        total[year, "locations"] += len(units)
    n = len(replicates)
    rows = []
    for year in YEARS:
        get = lambda name: total[year, name] / n
        money, firms = get("budget_received"), get("cofinancing_cash") + get("cofinancing_in_kind")
        share = 100 * get("year3_technical") / get("year3_students")
        # Without STO money there is nothing to cofinance: show what the firms give instead.
        cofinancing = (f"{100 * firms / (money + firms):.1f}" if money > 0
                       else f"none (firms give €{firms / 1e6:.1f}M)")
        rows.append(f"| {scenario} | {year} | {share:.1f} | {get('programmes_offered'):.0f} "
                    f"| {get('locations'):.0f} | {get('teachers_fte'):.0f} / {get('teachers_headcount'):.0f} "
                    f"| {money / 1e6:.1f} | {cofinancing} |")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stosim", help="the stosim binary, e.g. build/stosim")
    parser.add_argument("--data", help="../shared/data: also the two nl_2019 scenarios")
    parser.add_argument("--replicates", type=int, default=2)
    parser.add_argument("--threads", type=int, default=0)
    a = parser.parse_args()
    common = ["--replicates", str(a.replicates)] + (["--threads", str(a.threads)] if a.threads else [])
    lines = ["| scenario | year | technical share % | programmes | locations | teachers fte / persons "
             "| money €M | cofinancing % |", "|---|---|---|---|---|---|---|---|", PUBLISHED]
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("baseline", []), ("no_sto", [])]
        if a.data:
            population = os.path.join(tmp, "nl_2019_population.h5")
            stosim(a.stosim, "import", "--data", a.data, "-o", population)
            real = ["--set", f"population.path={population}"]
            runs += [("nl_2019", real), ("nl_2019_no_sto", real)]
        for scenario, sets in runs:
            print(f"plausibility: {scenario}", file=sys.stderr)
            out = os.path.join(tmp, scenario)
            lines += headline(a.stosim, scenario, os.path.join(tmp, scenario + ".h5"), out, common + sets)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
