#!/usr/bin/env python3
"""plot.py — PNG plots of the benchmark suites against their peers.

Usage:
    bench/plot.py [-o DIR] [PATH ...]

PATH is read as bench/perf-table.py reads it (a BenchmarkDotNet artifacts directory, its results/
directory or a *-report.csv file; by default bench/Specialized.Benchmarks/BenchmarkDotNet.Artifacts
and ./BenchmarkDotNet.Artifacts). Every suite found in the reports gets its plots, log-log against
n, one line per method:

    small-solve-<precision>[-<job>]-time.png     SmallSolve*: median ns per factor+solve
    small-solve-<precision>[-<job>]-gflops.png   SmallSolve*: GFLOP/s (n³/3 + 2n² flops)
    large-solve-<precision>[-<job>]-time.png     LargeSolve*: median µs per factor+solve
    large-solve-<precision>[-<job>]-gflops.png   LargeSolve*: GFLOP/s, with the same run's FMA peak
    batch-solve-<precision>-<count>.png          BatchSolve<T>: median ns per system

into DIR (default: plots/ beside the first results directory). Needs matplotlib: when it is
missing, the script installs Debian's python3-matplotlib with apt-get (as root, or with sudo).
"""
import importlib.util
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))



def _load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The CSV parsing is the table scripts': one reader for the tables and the plots.
perf_table = _load("perf_table", "perf-table.py")
batch_table = _load("batch_table", "batch-table.py")

# CSV method name -> (legend label, marker, line style), per suite.
SMALL_STYLES = {
    "Generated": ("Generated (Specialized)", "o", "-"),
    "Fallback": ("Fallback (Cholesky)", "s", "-"),
    "EigenFixed": ("Eigen 3.4 fixed-size LLT", "^", "--"),
    "EigenDynamic": ("Eigen 3.4 dynamic LLT", "v", "--"),
    "OpenBlas": ("OpenBLAS LAPACKE potrf+potrs", "D", ":"),
    "MathNet": ("MathNet.Numerics 5.0", "x", ":"),
}
LARGE_STYLES = {
    "Specialized": ("Specialized (Cholesky, 1 thread)", "o", "-"),
    "TwoThreads": ("Specialized, 2 threads", "P", "-"),
    "Unblocked": ("Unblocked kernel", "s", "-"),
    "EigenDynamic": ("Eigen 3.4 dynamic LLT", "v", "--"),
    "OpenBlas": ("OpenBLAS LAPACKE potrf+potrs", "D", ":"),
    "MathNet": ("MathNet.Numerics 5.0", "x", ":"),
}
BATCH_STYLES = {
    "Batch": ("Generated batch (1 thread)", "o", "-"),
    "AllCores": ("Generated batch, all cores", "P", "-"),
    "Single": ("Generated single-system, per system", "s", "-"),
    "EigenFixed": ("Eigen 3.4 fixed-size LLT", "^", "--"),
    "OpenBlas": ("OpenBLAS LAPACKE potrf+potrs", "D", ":"),
    "ReadProbe": ("Read floor: one pass over a and b (1 thread)", "", "-."),
    "ReadProbeAllCores": ("Read floor, all cores", "", ":"),
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


def plot(plt, rows, styles, title, ylabel, value, path, peak=None):
    """One log-log figure: x = n, one line per method in styles, y = value(n, median); peak draws a level line."""
    fig, ax = plt.subplots(figsize=(8, 5.5))
    sizes = sorted(rows)
    for method, (label, marker, line) in styles.items():
        points = [(n, value(n, rows[n].get(method))) for n in sizes]
        points = [(n, v) for n, v in points if v is not None]
        if points:
            ax.plot([n for n, _ in points], [v for _, v in points], marker=marker, linestyle=line, label=label)
    if peak:
        ax.axhline(peak, color="grey", linestyle="-.", linewidth=1, label=f"FMA peak, same run ({peak:.0f})")
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


def job_suffix(jobs, job):
    """'' or '-<job>': a job is named only when chosen on purpose or one of several (as perf-table.py does)."""
    named = len(jobs) > 1 or not (job in ("", "DefaultJob") or job.startswith("Job-"))
    return f"-{job.lower()}" if named else ""


def plot_solves(plt, data, out):
    """The small-n and large-n suites: time and GFLOP/s per precision and job."""
    jobs = {}
    for cls, job in data:
        jobs.setdefault(cls, []).append(job)
    suites = [(perf_table.CLASSES, "small-solve", SMALL_STYLES, "ns", 1.0),
              (perf_table.LARGE_CLASSES, "large-solve", LARGE_STYLES, "µs", 1e-3)]
    for classes, stem, styles, unit, scale in suites:
        for (cls, job), rows in sorted(data.items()):
            if cls not in classes:
                continue
            precision = classes[cls]
            suffix = job_suffix(jobs[cls], job)
            job_text = f", job {suffix[1:]}" if suffix else ""
            name = f"{stem}-{precision}{suffix}"
            what = "Factor + solve" if stem == "small-solve" else "Large n: factor + solve"
            plot(plt, rows, styles, f"{what}, one right-hand side, {precision}{job_text}", f"median {unit} per factor+solve",
                 lambda n, v: None if v is None else v * scale, os.path.join(out, name + "-time.png"))
            peak = perf_table.peak_gflops(data, precision) if stem == "large-solve" else None
            plot(plt, rows, styles, f"{what} throughput, {precision}{job_text}",
                 "GFLOP/s (n³/3 + 2n² per factor+solve)", lambda n, v: None if not v else flops(n) / v,
                 os.path.join(out, name + "-gflops.png"), peak)


def plot_batches(plt, batches, out):
    """The batch suite: ns per system per precision and count."""
    for (precision, count), rows in sorted(batches.items()):
        plot(plt, rows, BATCH_STYLES, f"Batched factor + solve, {count:,} systems of one size, {precision}",
             "median ns per system", lambda n, v: v, os.path.join(out, f"batch-solve-{precision}-{count}.png"))


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    out = None
    if len(argv) >= 2 and argv[0] in ("-o", "--out"):
        out, argv = argv[1], argv[2:]
    files = perf_table.report_files(argv)
    data = perf_table.read(files)
    batches = batch_table.read(files)
    if not any(cls in perf_table.CLASSES or cls in perf_table.LARGE_CLASSES for cls, _ in data) and not batches:
        print("plot: no SmallSolve* / LargeSolve* / BatchSolve* rows in " + (", ".join(files) or "(no report files found)"),
              file=sys.stderr)
        return 1
    if out is None:
        out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(files[0]))), "plots")
    os.makedirs(out, exist_ok=True)
    plt = pyplot()
    plot_solves(plt, data, out)
    plot_batches(plt, batches, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
