#!/usr/bin/env python3
"""plot.py — PNG plots of the small-n factor+solve benchmarks against their peers.

Usage:
    bench/plot.py [-o DIR] [PATH ...]

PATH is read as bench/perf-table.py reads it (a BenchmarkDotNet artifacts directory, its results/
directory or a *-report.csv file; by default bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts
and ./BenchmarkDotNet.Artifacts). For each precision (SmallSolveDouble, SmallSolveFloat) and job it
writes two plots, one line per method (Generated, Fallback, Eigen fixed, Eigen dynamic, OpenBLAS,
MathNet), log-log against n:

    small-solve-<precision>[-<job>]-time.png     median ns per factor+solve
    small-solve-<precision>[-<job>]-gflops.png   GFLOP/s, counting n³/3 + 2n² flops per factor+solve

into DIR (default: plots/ beside the first results directory). Needs matplotlib: when it is
missing, the script installs Debian's python3-matplotlib with apt-get (as root, or with sudo).
"""
import importlib.util
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The CSV parsing is perf-table.py's: one reader for the tables and the plots.
_spec = importlib.util.spec_from_file_location("perf_table", os.path.join(HERE, "perf-table.py"))
perf_table = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(perf_table)

STYLES = {
    "Generated": ("Generated (Specialized)", "o", "-"),
    "Fallback": ("Fallback (Cholesky)", "s", "-"),
    "EigenFixed": ("Eigen 3.4 fixed-size LLT", "^", "--"),
    "EigenDynamic": ("Eigen 3.4 dynamic LLT", "v", "--"),
    "OpenBlas": ("OpenBLAS LAPACKE potrf+potrs", "D", ":"),
    "MathNet": ("MathNet.Numerics 5.0", "x", ":"),
}


def pyplot():
    """matplotlib.pyplot with the file-only Agg backend, installing python3-matplotlib if needed.

    apt installs into Debian's /usr/bin/python3; run from another interpreter (pyenv, a venv), the
    script re-runs itself under Debian's when only that one has matplotlib.
    """
    try:
        import matplotlib
    except ImportError:
        debian = "/usr/bin/python3"
        installed = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "python3-matplotlib"],
                                   capture_output=True, text=True).stdout.startswith("install ok installed")
        if not installed:
            sudo = [] if os.geteuid() == 0 else ["sudo"]
            if sudo and shutil.which("sudo") is None:
                sys.exit("plot: matplotlib is missing; install python3-matplotlib (apt-get) as root")
            print("plot: installing python3-matplotlib (apt-get)", file=sys.stderr)
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
            subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "python3-matplotlib"],
                           check=True, env=env)
        try:
            import matplotlib
        except ImportError:
            if os.path.exists(debian) and os.path.realpath(sys.executable) != os.path.realpath(debian):
                os.execv(debian, [debian, os.path.abspath(__file__)] + sys.argv[1:])
            sys.exit("plot: python3-matplotlib is installed but this Python cannot import it")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def flops(n):
    """Factor (n³/3) plus forward and back substitution (2n²), leading terms."""
    return n ** 3 / 3 + 2 * n ** 2


def plot(plt, rows, title, ylabel, value, path):
    fig, ax = plt.subplots(figsize=(8, 5.5))
    sizes = sorted(rows)
    for method, (label, marker, line) in STYLES.items():
        points = [(n, value(n, rows[n].get(method))) for n in sizes]
        points = [(n, v) for n, v in points if v is not None]
        if points:
            ax.plot([n for n, _ in points], [v for _, v in points], marker=marker, linestyle=line, label=label)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks(sizes)
    ax.set_xticklabels([str(n) for n in sizes])
    ax.set_xlabel("n (order of the SPD system)")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, which="major", linestyle="-", alpha=0.5)
    ax.grid(True, which="minor", linestyle=":", alpha=0.3)
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    print(f"plot: wrote {path}")


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    out = None
    if len(argv) >= 2 and argv[0] in ("-o", "--out"):
        out, argv = argv[1], argv[2:]
    files = perf_table.report_files(argv)
    data = perf_table.read(files)
    if not data:
        print("plot: no SmallSolveDouble / SmallSolveFloat rows in " + (", ".join(files) or "(no report files found)"),
              file=sys.stderr)
        return 1
    if out is None:
        out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(files[0]))), "plots")
    os.makedirs(out, exist_ok=True)
    plt = pyplot()
    jobs = {}
    for cls, job in data:
        jobs.setdefault(cls, []).append(job)
    for (cls, job), rows in sorted(data.items()):
        precision = perf_table.CLASSES[cls]
        # Name a job only when it was chosen on purpose or there are several (as perf-table.py does).
        named = len(jobs[cls]) > 1 or not (job in ("", "DefaultJob") or job.startswith("Job-"))
        stem = f"small-solve-{precision}" + (f"-{job.lower()}" if named else "")
        suffix = f", job {job}" if named else ""
        plot(plt, rows, f"Factor + solve, one right-hand side, {precision}{suffix}",
             "median ns per factor+solve", lambda n, v: v,
             os.path.join(out, stem + "-time.png"))
        plot(plt, rows, f"Factor + solve throughput, {precision}{suffix}",
             "GFLOP/s (n³/3 + 2n² per factor+solve)", lambda n, v: None if not v else flops(n) / v,
             os.path.join(out, stem + "-gflops.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
