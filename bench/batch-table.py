#!/usr/bin/env python3
"""batch-table.py — markdown tables of the batched-solve benchmarks (BatchSolve<double|float>).

Usage:
    bench/batch-table.py [PATH ...]

PATH is read as bench/perf-table.py reads it (artifacts directory, results/ directory or
*-report.csv). For the batches that stream from memory, one table per precision and count: rows N,
columns ns per system (the report's median per invocation divided by Count) for the generated
batch, the generated single-system method in a loop, the batch on all cores, Eigen fixed-size,
OpenBLAS and the stream floor (a and b read, x written, once; on one core and on all); then
batch/floor (how many times the bare stream the solve takes), single/batch, the all-cores speed-up
and the floor's own all-cores speed-up, and Eigen/batch. For the batch in cache (Count = 256), one
table per precision: ns per system, GFLOP/s counting n³/3 + 2n² flops per system, and its share of
the FMA peak measured in the same run (FmaPeak). Standard library only.
"""
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("perf_table", os.path.join(HERE, "perf-table.py"))
perf_table = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(perf_table)

CLASSES = {"BatchSolve_Double_": "double", "BatchSolve_Single_": "float"}
IN_CACHE = 256
TIMES = [("Batch", "Batch"), ("Single", "Single"), ("AllCores", "All cores"), ("EigenFixed", "Eigen fixed"), ("OpenBlas", "OpenBLAS"),
         ("StreamProbe", "Stream floor"), ("StreamProbeAllCores", "Stream floor, all cores")]
RATIOS = [("Batch", "StreamProbe", "batch/floor"), ("Single", "Batch", "single/batch"), ("Batch", "AllCores", "all-cores speed-up"),
          ("StreamProbe", "StreamProbeAllCores", "floor speed-up"), ("EigenFixed", "Batch", "Eigen/batch")]


def read(files):
    """{(precision, count): {N: {method: ns per system}}}."""
    data = {}
    for cls, row, median in perf_table.median_rows(files, CLASSES):
        if "Count" not in row:
            continue
        count = int(re.sub(r"[^0-9]", "", row["Count"]))
        data.setdefault((CLASSES[cls], count), {}).setdefault(int(row["N"]), {})[row["Method"]] = median / count
    return data


def flops(n):
    return n ** 3 / 3 + 2 * n ** 2


def print_in_cache(precision, rows, peak):
    head = f"FMA peak {peak:.1f} GFLOP/s (FmaPeak, same run)" if peak else "no FmaPeak row in this run"
    print(f"\n{precision}, {IN_CACHE} systems in cache — ns per system (median), GFLOP/s, share of the FMA peak; {head}\n")
    print("| n | Batch | GFLOP/s | of peak |")
    print("|---|---|---|---|")
    for n in sorted(rows):
        ns = rows[n].get("Batch")
        rate = flops(n) / ns if ns else None
        share = f"{rate / peak:.0%}" if rate and peak else "—"
        print(f"| {n} | {perf_table.fmt_ns(ns)} | {rate:.1f} | {share} |" if rate else f"| {n} | — | — | — |")


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    files = perf_table.report_files(argv)
    data = read(files)
    if not data:
        print("batch-table: no BatchSolve rows found", file=sys.stderr)
        return 1
    peaks = perf_table.read(files)
    for (precision, count) in sorted(data, key=lambda k: (k[0] != "double", k[1])):
        rows = data[(precision, count)]
        if count == IN_CACHE:
            print_in_cache(precision, rows, perf_table.peak_gflops(peaks, precision))
            continue
        print(f"\n{precision}, {count:,} systems — ns per system (median), and ratios\n")
        heads = ["n"] + [h for _, h in TIMES] + [h for _, _, h in RATIOS]
        print("| " + " | ".join(heads) + " |")
        print("|" + "---|" * len(heads))
        for n in sorted(rows):
            r = rows[n]
            cells = [str(n)] + [perf_table.fmt_ns(r.get(m)) for m, _ in TIMES]
            cells += [perf_table.fmt_ratio(r.get(a), r.get(b)) for a, b, _ in RATIOS]
            print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
