#!/usr/bin/env python3
"""kernel-table.py — the kernel-solve table (KernelSolveBench, scipy, KeOps quoted).

Usage:
    bench/kernel-table.py [PATH ...]

PATH is read as bench/perf-table.py reads it (artifacts directory, results/ directory or
*-report.csv); kernel-scipy.csv (bench/kernel_scipy.py) is taken from the same results directory.
One table per gamma: seconds per call (build + solve; median) of each method at each N, the KeOps
GPU figures quoted from the published KeOps run, and the ratios the targets name: scipy over
Specialized (target >= 10), and the brute-force pair rate on one core (N^2 / PairsOneCore time;
target >= 7e9 pairs/s). Standard library only.
"""
import csv
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("perf_table", os.path.join(HERE, "perf-table.py"))
perf_table = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(perf_table)

CLASSES = {"KernelSolveBench": "kernel"}
ROWS = [
    ("Specialized", "Specialized kernel system, default truncation, 2 cores"),
    ("EveryPair", "Specialized kernel system, every pair (truncation 0), 2 cores"),
    ("DenseCholesky", "Specialized dense Cholesky (float, matrix formed), 2 cores"),
    ("scipy", "scipy cKDTree sparse matrix + cg"),
]
# The KeOps benchmark's published GPU run, seconds (its NumPy runs use gamma = 1e4, its torch runs 5e3).
QUOTED = {
    1e4: [("NumPy + KeOps, GPU (quoted)", {1000: 0.000842, 10000: 0.004884, 100000: 0.250456, 1000000: 40.217673}),
          ("dense NumPy, GPU (quoted)", {1000: 1.213036, 10000: 20.332538})],
    5e3: [("SciPy-CG + KeOps, GPU (quoted)", {1000: 0.001046, 10000: 0.001921, 100000: 0.034312, 1000000: 7.001583})],
}


def read(paths):
    files = perf_table.report_files(paths)
    data = {}
    for _, row, median in perf_table.median_rows(files, CLASSES):
        n = int(row["N"].replace(",", ""))
        data.setdefault(float(row["Gamma"]), {}).setdefault(n, {})[row["Method"]] = median / 1e9
    for path in files:
        scipy_csv = os.path.join(os.path.dirname(path), "kernel-scipy.csv")
        if os.path.exists(scipy_csv):
            with open(scipy_csv, newline="") as f:
                for row in csv.DictReader(f):
                    data.setdefault(float(row["gamma"]), {}).setdefault(int(row["n"]), {})["scipy"] = float(row["median_s"])
    return data


def seconds(value):
    if value is None:
        return "—"
    return f"{value * 1e3:.3g} ms" if value < 1 else f"{value:.3g} s"


def main(argv):
    data = read(argv or [os.path.join(HERE, "Specialized.Benchmarks", "BenchmarkDotNet.Artifacts")])
    if not data:
        sys.exit("kernel-table: no KernelSolveBench results found")
    for gamma in sorted(data, reverse=True):
        sizes = sorted(data[gamma])
        print(f"\n### γ = {gamma:g}\n")
        print("| method | " + " | ".join(f"N = {n:,}" for n in sizes) + " |")
        print("| --- |" + " ---: |" * len(sizes))
        for key, label in ROWS:
            print(f"| {label} | " + " | ".join(seconds(data[gamma][n].get(key)) for n in sizes) + " |")
        for label, figures in QUOTED.get(gamma, []):
            print(f"| {label} | " + " | ".join(seconds(figures.get(n)) for n in sizes) + " |")
        ratios = [data[gamma][n].get("scipy", 0) / data[gamma][n]["Specialized"] if data[gamma][n].get("scipy") and data[gamma][n].get("Specialized") else None for n in sizes]
        print("| scipy / Specialized (target ≥ 10) | " + " | ".join("—" if r is None else f"{r:.1f}x" for r in ratios) + " |")
        for n in sizes:
            pairs = data[gamma][n].get("PairsOneCore")
            if pairs:
                print(f"\nEvery-pair product on one core, N = {n:,}: {n * n / pairs:.3g} pairs/s (target ≥ 7e9).")


if __name__ == "__main__":
    main(sys.argv[1:])
