#!/usr/bin/env python3
"""kernel_scipy.py — the scipy peer of the KernelSolveBench suite: (alpha*I + K) a = b in float32,
K(i, j) = exp(-gamma * |x_i - x_j|^2) kept only where it is at least 1e-6 (the float kernel system's
default truncation, so both drop the same pairs), built as a sparse matrix from scipy's cKDTree
(sparse_distance_matrix, radius sqrt(ln(1e6) / gamma)) and solved by scipy.sparse.linalg.cg at
relative tolerance 1e-6. Points uniform in [0, 1]^3, b standard normal, alpha = 0.8, as in the
KeOps benchmark. The time is the whole call: tree, matrix, solve.

Usage:
    bench/kernel_scipy.py [--out CSV] [--sizes 1000,10000,100000] [--runs R]

Sizes default to 1e3, 1e4, 1e5 (SPECIALIZED_BENCH_KERNEL_N overrides): at N = 1e6 the distance
matrix alone holds 2e8 (gamma = 1e4) to 6e8 (gamma = 5e3) entries in a dictionary, more memory than
this machine has. Each case runs R times (default 3) after one untimed run; the CSV has the median
and the minimum in seconds, the iterations and the true relative residual of the sparse system.

CSV columns: n, gamma, median_s, min_s, runs, iterations, residual, nonzeros, scipy.
"""
import argparse
import csv
import math
import os
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.sparse import identity
from scipy.sparse.linalg import cg
from scipy.spatial import cKDTree

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "Specialized.Benchmarks", "BenchmarkDotNet.Artifacts", "results", "kernel-scipy.csv")
ALPHA, TRUNCATION, TOLERANCE = 0.8, 1e-6, 1e-6


def solve(x, b, gamma):
    n = len(x)
    radius = math.sqrt(math.log(1 / TRUNCATION) / gamma)
    tree = cKDTree(x)
    d = tree.sparse_distance_matrix(tree, radius, output_type="coo_matrix").tocsr()
    d.data = np.exp(-gamma * d.data.astype(np.float64) ** 2).astype(np.float32)
    # sparse_distance_matrix leaves out the zero distances, the diagonal among them: k(0) = 1.
    a = (d + (ALPHA + 1) * identity(n, dtype=np.float32, format="csr")).tocsr()
    iterations = [0]

    def count(_):
        iterations[0] += 1

    try:
        a_sol, info = cg(a, b, rtol=TOLERANCE, atol=0, callback=count)
    except TypeError:  # scipy < 1.12 names it tol
        a_sol, info = cg(a, b, tol=TOLERANCE, atol=0, callback=count)
    if info != 0:
        sys.exit(f"kernel_scipy: cg did not converge at N = {n}, gamma = {gamma} (info {info})")
    residual = np.linalg.norm(b - a @ a_sol) / np.linalg.norm(b)
    return iterations[0], float(residual), a.nnz


def main(argv):
    env = os.environ.get("SPECIALIZED_BENCH_KERNEL_N")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--sizes", default=env or "1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        for gamma in (1e4, 5e3):
            rng = np.random.default_rng(1234)
            x = rng.random((n, 3), dtype=np.float32)
            b = rng.standard_normal(n).astype(np.float32)
            solve(x, b, gamma)
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                iterations, residual, nnz = solve(x, b, gamma)
                times.append(time.perf_counter() - t0)
            rows.append([n, gamma, statistics.median(times), min(times), args.runs, iterations, residual, nnz, scipy.__version__])
            print(f"scipy cKDTree+cg N={n} gamma={gamma:g}: median {statistics.median(times):.4f} s, {iterations} iterations, "
                  f"residual {residual:.2e}, {nnz} nonzeros", flush=True)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["n", "gamma", "median_s", "min_s", "runs", "iterations", "residual", "nonzeros", "scipy"])
        w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
