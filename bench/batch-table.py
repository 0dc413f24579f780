#!/usr/bin/env python3
"""batch-table.py — markdown tables of the batched-solve benchmarks (BatchSolve<double|float>).

Usage:
    bench/batch-table.py [PATH ...]

PATH is read as bench/perf-table.py reads it (artifacts directory, results/ directory or
*-report.csv). One table per precision and count: rows N, columns ns per system (the report's
median per invocation divided by Count) for the generated batch, the generated single-system
method in a loop, the batch on all cores, Eigen fixed-size, OpenBLAS and the read floor (one pass
summing the batch's matrices and right-hand sides, on one core and on all); then Eigen/batch,
single/batch, batch/all-cores, and batch/floor and all-cores/floor (how many times a bare read of
the same data the solve takes). Standard library only.
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
TIMES = [("Batch", "Batch"), ("Single", "Single"), ("AllCores", "All cores"), ("EigenFixed", "Eigen fixed"), ("OpenBlas", "OpenBLAS"),
         ("ReadProbe", "Read floor"), ("ReadProbeAllCores", "Read floor, all cores")]
RATIOS = [("EigenFixed", "Batch", "Eigen/batch"), ("Single", "Batch", "single/batch"), ("Batch", "AllCores", "all-cores speed-up"),
          ("Batch", "ReadProbe", "batch/floor"), ("AllCores", "ReadProbeAllCores", "all cores/floor")]


def read(files):
    """{(precision, count): {N: {method: ns per system}}}."""
    data = {}
    for cls, row, median in perf_table.median_rows(files, CLASSES):
        if "Count" not in row:
            continue
        count = int(re.sub(r"[^0-9]", "", row["Count"]))
        data.setdefault((CLASSES[cls], count), {}).setdefault(int(row["N"]), {})[row["Method"]] = median / count
    return data


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    data = read(perf_table.report_files(argv))
    if not data:
        print("batch-table: no BatchSolve rows found", file=sys.stderr)
        return 1
    for (precision, count) in sorted(data, key=lambda k: (k[0] != "double", k[1])):
        rows = data[(precision, count)]
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
