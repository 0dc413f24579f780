#!/usr/bin/env python3
"""perf-table.py — markdown tables of the factor+solve benchmarks against their peers.

Usage:
    bench/perf-table.py [PATH ...]

PATH is a BenchmarkDotNet artifacts directory, its results/ directory, or a *-report.csv file.
Without one it reads bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts/results (where
bench/run-small.sh puts them) and ./BenchmarkDotNet.Artifacts/results, whichever exist.

Prints one table per precision (SmallSolveDouble, SmallSolveFloat; per job too, when a report holds
several): rows N, columns the median ns per factor+solve of Generated, Fallback, Eigen fixed, Eigen
dynamic, OpenBLAS and MathNet, then each peer's median over Generated's (> 1: Generated is faster).
A peer that was skipped or failed shows as a dash.

For the large-n suite (LargeSolveDouble, LargeSolveFloat, bench/run-large.sh) the rows are N and the
columns the median µs of Specialized (the runtime, one thread), TwoThreads, Unblocked, Eigen
dynamic, OpenBLAS and MathNet, then the faster of Eigen and OpenBLAS over Specialized (> 1:
Specialized is faster), Specialized's GFLOP/s counting n³/3 + 2n² flops, its share of the FMA
peak measured in the same run (FmaPeak, Double or Single), and TwoThreads' speed-up.
Standard library only.
"""
import csv
import glob
import os
import re
import sys

CLASSES = {"SmallSolveDouble": "double", "SmallSolveFloat": "float"}
LARGE_CLASSES = {"LargeSolveDouble": "double", "LargeSolveFloat": "float"}
PEAK_CLASS = "FmaPeak"
PEAK_METHOD = {"double": "Double", "float": "Single"}

LARGE_TIMES = [
    ("Specialized", "Specialized"),
    ("TwoThreads", "2 threads"),
    ("Unblocked", "Unblocked"),
    ("EigenDynamic", "Eigen dyn"),
    ("OpenBlas", "OpenBLAS"),
    ("MathNet", "MathNet"),
]

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
    for cls in list(CLASSES) + list(LARGE_CLASSES) + [PEAK_CLASS]:
        if re.search(r"(^|\.)" + cls + r"(-|$)", name):
            return cls
    return None


def median_rows(files, classes):
    """(class, row, median ns) for each row of the reports whose file name holds one of classes' names."""
    for path in files:
        cls = next((c for c in classes if c in os.path.basename(path)), None)
        if cls is None:
            continue
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                median = to_ns(row.get("Median")) or to_ns(row.get("Mean"))
                if median is not None:
                    yield cls, row, median


def read(files):
    """{(class, job): {N: {method: median ns}}}, later files overriding earlier ones."""
    data = {}
    for path in files:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                cls = class_of(row, path)
                if cls is None or (cls != PEAK_CLASS and not row.get("N")):
                    continue
                median = to_ns(row.get("Median")) if "Median" in row else None
                if median is None:
                    median = to_ns(row.get("Mean"))
                job = row.get("Job", "")
                n = 0 if cls == PEAK_CLASS else int(row["N"])
                data.setdefault((cls, job), {}).setdefault(n, {})[row["Method"]] = median
    return data


def peak_gflops(data, precision):
    """GFLOP/s of the FmaPeak probe for a precision (its time per operation is ns per flop), or None."""
    for (cls, _job), rows in data.items():
        if cls == PEAK_CLASS:
            ns = rows.get(0, {}).get(PEAK_METHOD[precision])
            if ns:
                return 1 / ns
    return None


def fmt_us(v):
    if v is None:
        return "—"
    us = v / 1000
    if us >= 100:
        return f"{us:,.0f}"
    if us >= 10:
        return f"{us:.1f}"
    return f"{us:.2f}"


def print_large(data, jobs, first):
    for cls, precision in LARGE_CLASSES.items():
        peak = peak_gflops(data, precision)
        for job in sorted(jobs.get(cls, [])):
            rows = data[(cls, job)]
            if not first:
                print()
            first = False
            title = f"### {precision} ({cls})"
            if len(jobs[cls]) > 1 or not (job in ("", "DefaultJob") or job.startswith("Job-")):
                title += f", job {job}"
            print(title)
            print()
            peak_text = f"{peak:.1f} GFLOP/s" if peak else "not measured"
            print("Median µs per factor+solve, one right-hand side, 4 distinct SPD matrices cycled; "
                  "peer/Spec = the faster of Eigen and OpenBLAS over Specialized; GFLOP/s count n³/3 + 2n²; "
                  f"FMA peak ({PEAK_CLASS}.{PEAK_METHOD[precision]}, same run): {peak_text}.")
            print()
            heads = ["N"] + [h for _, h in LARGE_TIMES] + ["peer/Spec", "GFLOP/s", "% peak", "2T speed-up"]
            print("| " + " | ".join(heads) + " |")
            print("|" + "|".join(" ---: " for _ in heads) + "|")
            for n in sorted(rows):
                r = rows[n]
                spec = r.get("Specialized")
                peers = [v for v in (r.get("EigenDynamic"), r.get("OpenBlas")) if v]
                gflops = (n ** 3 / 3 + 2 * n * n) / spec if spec else None
                cells = [str(n)] + [fmt_us(r.get(m)) for m, _ in LARGE_TIMES]
                cells += [fmt_ratio(min(peers) if peers else None, spec),
                          f"{gflops:.1f}" if gflops else "—",
                          f"{100 * gflops / peak:.0f}" if gflops and peak else "—",
                          fmt_ratio(spec, r.get("TwoThreads"))]
                print("| " + " | ".join(cells) + " |")
    return first


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
    if not any(cls in CLASSES or cls in LARGE_CLASSES for cls, _ in data):
        print("perf-table: no SmallSolve* / LargeSolve* rows in " + (", ".join(files) or "(no report files found)"),
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
    print_large(data, jobs, first)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
