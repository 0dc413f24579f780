#!/usr/bin/env python3
"""numpy_normal.py — the moving-least-squares workload's numpy peer: its own normal_np (einsum + np.linalg.solve)
on the shapes of the LeastSquaresFits benchmark, float64 and float32, as a small CSV.

Usage:
    bench/numpy_normal.py [--out CSV] [--fits N] [--runs R]

For each precision and each row shape (Rows1000: every fit 1000 x 6; Rows200To1000: fit k of N
has 200 + floor(801 k / N) rows, as in bench/Specialized.Benchmarks/RowShape.cs) it times
normal_np over all N fits (default 10,000, or SPECIALIZED_BENCH_FITS) R times (default 5) after
one untimed run, and writes the median and the minimum in ms. The published code takes one (N, rows, 6)
array, so the ragged shape is zero-padded to 1000 rows (zero rows add nothing to AᵀA or Aᵀb),
which is what a numpy user of that code does. A and b are uniform in [-1, 1]; each job's answer is
checked against np.linalg.lstsq on a few fits. OPENBLAS_NUM_THREADS defaults to 1 (one thread,
like the other peers). Written for numpy 1.x (Debian 12's python3-numpy 1.24): numpy 2 reads a
2-D b of np.linalg.solve as matrices, not a stack of vectors.

CSV columns: precision, shape, fits, rows (total unpadded), median_ms, min_ms, runs, numpy.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # read when numpy loads OpenBLAS

import argparse  # noqa: E402
import csv  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "Specialized.Benchmarks", "BenchmarkDotNet.Artifacts", "results", "numpy-normal.csv")
COLS, MIN_ROWS, MAX_ROWS = 6, 200, 1000


def normal_np(A, b):
    # The published code, unchanged.
    ATA = np.einsum('ijk,ijl->ikl', A, A)
    ATb = np.einsum('ijk,ij->ik', A, b)
    return np.linalg.solve(ATA, ATb)


def row_counts(shape, fits):
    if shape == "Rows1000":
        return np.full(fits, MAX_ROWS)
    return MIN_ROWS + (MAX_ROWS - MIN_ROWS + 1) * np.arange(fits, dtype=np.int64) // fits


def job(shape, fits, dtype, rng):
    A = rng.random((fits, MAX_ROWS, COLS), dtype=dtype)
    A *= 2
    A -= 1
    b = rng.random((fits, MAX_ROWS), dtype=dtype)
    b *= 2
    b -= 1
    rows = row_counts(shape, fits)
    if shape != "Rows1000":
        padding = np.arange(MAX_ROWS)[None, :] >= rows[:, None]
        A[padding] = 0
        b[padding] = 0
    return A, b, int(rows.sum())


def check(A, b, x, dtype):
    tolerance = 1e-3 if dtype == np.float32 else 1e-8
    for k in range(min(4, len(x))):
        reference = np.linalg.lstsq(A[k].astype(np.float64), b[k].astype(np.float64), rcond=None)[0]
        error = np.max(np.abs(x[k] - reference)) / np.max(np.abs(reference))
        if not error <= tolerance:
            sys.exit(f"numpy_normal: fit {k} is off the lstsq answer by {error:.3g} (relative)")


def main(argv):
    default_fits = int(os.environ.get("SPECIALIZED_BENCH_FITS") or 10_000)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--fits", type=int, default=default_fits)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    rng = np.random.default_rng(4004)
    lines = []
    for dtype, precision in ((np.float64, "double"), (np.float32, "float")):
        for shape in ("Rows1000", "Rows200To1000"):
            A, b, rows = job(shape, args.fits, dtype, rng)
            check(A, b, normal_np(A, b), dtype)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                normal_np(A, b)
                times.append((time.perf_counter() - start) * 1e3)
            del A, b
            median = statistics.median(times)
            print(f"numpy_normal: {precision} {shape}: {args.fits:,} fits, {rows:,} rows: median {median:.1f} ms "
                  f"(min {min(times):.1f}, {args.runs} runs)")
            lines.append([precision, shape, args.fits, rows, f"{median:.3f}", f"{min(times):.3f}", args.runs, np.__version__])

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["precision", "shape", "fits", "rows", "median_ms", "min_ms", "runs", "numpy"])
        writer.writerows(lines)
    print(f"numpy_normal: wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
