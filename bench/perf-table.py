#!/usr/bin/env python3
"""perf-table.py — markdown tables of the small-n factor+solve benchmarks against their peers.

Usage:
    bench/perf-table.py [PATH ...]

PATH is a BenchmarkDotNet artifacts directory, its results/ directory, or a *-report.csv file.
Without one it reads bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts/results (where
bench/run-small.sh puts them) and ./BenchmarkDotNet.Artifacts/results, whichever exist.

Prints one table per precision (SmallSolveDouble, SmallSolveFloat; per job too, when a report holds
several): rows N, columns the median ns per factor+solve of Generated, Fallback, Eigen fixed, Eigen
dynamic, OpenBLAS and MathNet, then each peer's median over Generated's (> 1: Generated is faster).
A peer that was skipped or failed shows as a dash. Standard library only.
"""
import csv
import glob
import os
import re
import sys

CLASSES = {"SmallSolveDouble": "double", "SmallSolveFloat": "float"}

# (CSV method name, column heading)
TIMES = [
    ("Generated", "Generated"),
    ("Fallback", "Fallback"),
    ("EigenFixed", "Eigen fixed"),
    ("EigenDynamic", "Eigen dyn"),
    ("OpenBlas", "OpenBLAS"),
    ("MathNet", "MathNet"),
]
RATIOS = [
    ("EigenFixed", "Eigen/gen"),
    ("OpenBlas", "OpenBLAS/gen"),
    ("Fallback", "Fallback/gen"),
    ("MathNet", "MathNet/gen"),
]

UNITS_NS = {"ps": 1e-3, "ns": 1.0, "us": 1e3, "μs": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9}
VALUE = re.compile(r"^\s*([-+]?[0-9][0-9,\u00a0 ]*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\s*([a-zA-Zμµ]*)\s*$")


def to_ns(cell):
    """'13.42 ns', '1,234.5 ns', '1.234 μs', '12 ms' -> nanoseconds; None for NA, '?', '-' or empty.

    A bare number (a CSV exported without units in the cells) is taken as nanoseconds, which is
    BenchmarkDotNet's unit for these sizes; say so rather than guess when the unit is unknown.
    """
    if cell is None:
        return None
    m = VALUE.match(cell)
    if not m:
        return None
    number = float(re.sub(r"[,\u00a0 ]", "", m.group(1)))
    unit = m.group(2) or "ns"
    if unit not in UNITS_NS:
        raise ValueError(f"unknown time unit in {cell!r}")
    return number * UNITS_NS[unit]


def report_files(paths):
    here = os.path.dirname(os.path.abspath(__file__))
    if not paths:
        paths = [p for p in (os.path.join(here, "Specialized.Benchmarks", "BenchmarkDotNet.Artifacts", "results"),
                             os.path.join("BenchmarkDotNet.Artifacts", "results")) if os.path.isdir(p)]
    files = []
    for p in paths:
        if os.path.isfile(p):
            files.append(p)
        elif os.path.isdir(os.path.join(p, "results")):
            files += sorted(glob.glob(os.path.join(p, "results", "*-report.csv")))
        elif os.path.isdir(p):
            files += sorted(glob.glob(os.path.join(p, "*-report.csv")))
        else:
            sys.exit(f"perf-table: {p} does not exist")
    seen, unique = set(), []
    for f in files:
        key = os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def class_of(row, path):
    # A joined report (--join) has a Type column; a per-class report names the class in its file name.
    name = row.get("Type") or os.path.basename(path)
    for cls in CLASSES:
        if re.search(r"(^|\.)" + cls + r"(-|$)", name):
            return cls
    return None


def read(files):
    """{(class, job): {N: {method: median ns}}}, later files overriding earlier ones."""
    data = {}
    for path in files:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                cls = class_of(row, path)
                if cls is None or "N" not in row:
                    continue
                median = to_ns(row.get("Median")) if "Median" in row else None
                if median is None:
                    median = to_ns(row.get("Mean"))
                job = row.get("Job", "")
                data.setdefault((cls, job), {}).setdefault(int(row["N"]), {})[row["Method"]] = median
    return data


def fmt_ns(v):
    if v is None:
        return "—"
    if v >= 1000:
        return f"{v:,.0f}"
    if v >= 100:
        return f"{v:.0f}"
    return f"{v:.1f}"


def fmt_ratio(peer, base):
    if peer is None or base is None or base <= 0:
        return "—"
    r = peer / base
    return f"{r:.1f}" if r >= 10 else f"{r:.2f}"


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    files = report_files(argv)
    data = read(files)
    if not data:
        print("perf-table: no SmallSolveDouble / SmallSolveFloat rows in " + (", ".join(files) or "(no report files found)"),
              file=sys.stderr)
        return 1
    jobs = {}
    for cls, job in data:
        jobs.setdefault(cls, []).append(job)
    first = True
    for cls in CLASSES:
        for job in sorted(jobs.get(cls, [])):
            rows = data[(cls, job)]
            if not first:
                print()
            first = False
            title = f"### {CLASSES[cls]} ({cls})"
            # BenchmarkDotNet names the mutated default job Job-XXXXXX; name only a job chosen on purpose.
            if len(jobs[cls]) > 1 or not (job in ("", "DefaultJob") or job.startswith("Job-")):
                title += f", job {job}"
            print(title)
            print()
            print("Median ns per factor+solve, one right-hand side, 256 distinct SPD matrices cycled; "
                  "x/gen = that column's median over Generated's.")
            print()
            heads = ["N"] + [h for _, h in TIMES] + [h for _, h in RATIOS]
            print("| " + " | ".join(heads) + " |")
            print("|" + "|".join(" ---: " for _ in heads) + "|")
            for n in sorted(rows):
                r = rows[n]
                gen = r.get("Generated")
                cells = [str(n)] + [fmt_ns(r.get(m)) for m, _ in TIMES] + [fmt_ratio(r.get(m), gen) for m, _ in RATIOS]
                print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
