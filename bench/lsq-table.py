#!/usr/bin/env python3
"""lsq-table.py — the moving-least-squares table (LeastSquaresFits<double|float>, numpy).

Usage:
    bench/lsq-table.py [PATH ...]

PATH is read as bench/perf-table.py reads it (artifacts directory, results/ directory or
*-report.csv); numpy-normal.csv (bench/numpy_normal.py) is taken from the same results directory.
One table per row shape (and job, when a report holds several): the median ms per job (all fits,
one pass) of every method and peer in float64 and float32, each over Specialized's (the generated
method, one thread; > 1: Specialized is faster), and float/double; then the targets: the read probe's
GB/s (A and b), Specialized over the probe (target <= 1.25; the weighted fit over the probe that
also reads w), all cores over one (>= 1.8, beside the same for the read probe), float over double
(<= 0.6) and numpy over Specialized (>= 20). Standard library only.
"""
import csv
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("perf_table", os.path.join(HERE, "perf-table.py"))
perf_table = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(perf_table)

CLASSES = {"LeastSquaresFits_Double_": "double", "LeastSquaresFits_Single_": "float"}
SIZE = {"double": 8, "float": 4}
COLS = 6
NUMPY = "numpy"
BASE = "Generated"
PROBE = "ReadProbe"
WEIGHTED, WEIGHTED_PROBE = "GeneratedWeighted", "ReadProbeWeighted"
ALL_CORES, PROBE_ALL_CORES = "AllCores", "ReadProbeAllCores"
# (method, row heading); NUMPY comes from numpy-normal.csv.
ROWS = [
    ("Generated", "Specialized, generated, 1 thread"),
    ("AllCores", "Specialized, generated, all cores (FitBatch)"),
    (WEIGHTED, "Specialized, generated, weighted, 1 thread"),
    ("Runtime", "Specialized runtime FitBatch, 1 thread"),
    ("MathNetQr", "MathNet 5.0 thin QR"),
    ("MathNetNormal", "MathNet 5.0 normal equations"),
    ("OpenBlas", "OpenBLAS dsyrk + dgemv + dposv, 1 thread"),
    (NUMPY, "numpy normal equations, 1 thread"),
    (PROBE, "read probe: one pass over A and b, 1 thread"),
    (PROBE_ALL_CORES, "read probe: one pass over A and b, all cores"),
    (WEIGHTED_PROBE, "read probe: one pass over A, b and w, 1 thread"),
]
SHAPES = {"Rows1000": "rows = 1000", "Rows200To1000": "rows spread over 200..1000"}


def total_rows(shape, fits):
    """The job's row count, as RowShape.cs builds it (the shuffle does not change the sum)."""
    if shape == "Rows1000":
        return 1000 * fits
    return sum(200 + 801 * k // fits for k in range(fits))


def read(files):
    """{(shape, fits, job): {precision: {method: median ms}}}."""
    data = {}
    for cls, row, median in perf_table.median_rows(files, CLASSES):
        if not row.get("Shape"):
            continue
        fits = int(row["Fits"].replace(",", ""))
        key = (row["Shape"], fits, row.get("Job", ""))
        data.setdefault(key, {}).setdefault(CLASSES[cls], {})[row["Method"]] = median / 1e6
    return data


def read_numpy(files):
    """{(shape, fits): {precision: median ms}} from numpy-normal.csv beside the reports."""
    found = {}
    for d in sorted({os.path.dirname(os.path.abspath(p)) for p in files}):
        path = os.path.join(d, "numpy-normal.csv")
        if os.path.isfile(path):
            with open(path, newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    found.setdefault((row["shape"], int(row["fits"])), {})[row["precision"]] = float(row["median_ms"])
    return found


def fmt_ms(v):
    if v is None:
        return "—"
    if v >= 100:
        return f"{v:,.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def verdict(value, target, at_most):
    if value is None:
        return "not measured"
    return "met" if (value <= target if at_most else value >= target) else "missed"


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    files = perf_table.report_files(argv)
    data = read(files)
    numpy = read_numpy(files)
    if not data:
        print("lsq-table: no LeastSquaresFits rows found", file=sys.stderr)
        return 1
    jobs = {(shape, fits) for shape, fits, _ in data}
    first = True
    for (shape, fits, job) in sorted(data, key=lambda k: (list(SHAPES).index(k[0]) if k[0] in SHAPES else 9, k[1], k[2])):
        times = data[(shape, fits, job)]
        for precision, ms in numpy.get((shape, fits), {}).items():
            times.setdefault(precision, {})[NUMPY] = ms
        rows = total_rows(shape, fits)
        if not first:
            print()
        first = False
        title = f"### Moving least squares: {fits:,} fits of {SHAPES.get(shape, shape)} x {COLS} ({rows:,} rows)"
        if len([k for k in data if k[:2] == (shape, fits)]) > 1 or not (job in ("", "DefaultJob") or job.startswith("Job-")):
            title += f", job {job}"
        print(title)
        print()
        print(f"Median ms per job (one pass over every fit). A is {rows * COLS * 8 / 1e6:,.0f} MB in float64, "
              f"{rows * COLS * 4 / 1e6:,.0f} MB in float32; ÷ Spec = that row over Specialized's (> 1: Specialized is faster)."
              + (" numpy's job is zero-padded to 1000 rows per fit (its code takes one 3-D array)." if shape != "Rows1000" else ""))
        print()
        heads = ["", "float64 ms", "÷ Spec", "float32 ms", "÷ Spec", "float32/float64"]
        print("| " + " | ".join(heads) + " |")
        print("| --- |" + "|".join(" ---: " for _ in heads[1:]) + "|")
        d, s = times.get("double", {}), times.get("float", {})
        for method, heading in ROWS:
            cells = [heading, fmt_ms(d.get(method)), perf_table.fmt_ratio(d.get(method), d.get(BASE)),
                     fmt_ms(s.get(method)), perf_table.fmt_ratio(s.get(method), s.get(BASE)),
                     perf_table.fmt_ratio(s.get(method), d.get(method))]
            print("| " + " | ".join(cells) + " |")
        print()
        for precision, t in (("float64", d), ("float32", s)):
            probe, spec = t.get(PROBE), t.get(BASE)
            size = 8 if precision == "float64" else 4
            gbs = f"{rows * (COLS + 1) * size / (probe * 1e6):.1f} GB/s" if probe else "not measured"
            over = spec / probe if spec and probe else None
            weighted, weighted_probe = t.get(WEIGHTED), t.get(WEIGHTED_PROBE)
            weighted_over = weighted / weighted_probe if weighted and weighted_probe else None
            cores, probe_cores = t.get(ALL_CORES), t.get(PROBE_ALL_CORES)
            speedup = spec / cores if spec and cores else None
            numpy_over = t.get(NUMPY) / spec if spec and t.get(NUMPY) else None
            print(f"- {precision}: read probe {gbs}; Specialized ÷ probe "
                  f"{perf_table.fmt_ratio(spec, probe)} (target ≤ 1.25: {verdict(over, 1.25, True)}); "
                  f"weighted ÷ its probe {perf_table.fmt_ratio(weighted, weighted_probe)} (target ≤ 1.25: {verdict(weighted_over, 1.25, True)}); "
                  f"all cores ÷ 1 thread: fits {perf_table.fmt_ratio(spec, cores)}x (target ≥ 1.8: {verdict(speedup, 1.8, False)}), "
                  f"read probe {perf_table.fmt_ratio(probe, probe_cores)}x; "
                  f"numpy ÷ Specialized {perf_table.fmt_ratio(t.get(NUMPY), spec)} (target ≥ 20: {verdict(numpy_over, 20, False)})")
        ratio = s.get(BASE) / d.get(BASE) if s.get(BASE) and d.get(BASE) else None
        print(f"- Specialized float32 ÷ float64: {perf_table.fmt_ratio(s.get(BASE), d.get(BASE))} (target ≤ 0.6: {verdict(ratio, 0.6, True)})")
    missing = sorted(k for k in numpy if k not in jobs)
    if missing:
        print(f"\nlsq-table: numpy-normal.csv has shapes with no benchmark rows: {missing}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
