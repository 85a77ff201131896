"""The Python package's figures (bench/python.sh runs it): binding overhead
against the library alone, and Dask on the Multi-News validation split.

Design: every figure is the best of REPEATS runs (the machine is shared: the
minimum is the least disturbed).  The library alone is bench/python_baseline
(C: the engine called on pre-parsed clusters, summary and JSON per cluster);
the binding does the same per cluster through precis.summarize, from
clusters pre-parsed with precis.parse_cluster, sequentially and in a
ThreadPoolExecutor.  Dask runs python3 -m precis.dask's summarize_file on a
LocalCluster of 1 and 2 worker processes, output compared with the
command's byte for byte; the scheduling cost per partition is the slope of
wall time against the number of partitions (least squares), and the
recommended partition keeps that cost under 1% of a partition's work.

usage: python3 bench/python_bench.py BUILD_DIR VALIDATION.jsonl
Prints a markdown table on standard output.
"""

import logging
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import precis
import precis.dask as pdask

REPEATS = 3
PARTITION_COUNTS = (2, 8, 32, 128, 512)


def best(fn, repeats=REPEATS):
    return min(fn() for _ in range(repeats))


def baseline(build, path, threads):
    def run():
        out = subprocess.run([os.path.join(build, "bench", "python_baseline"), path,
                              str(threads)], capture_output=True, text=True, check=True)
        return float(out.stdout.split()[1])
    return best(run)


def binding(clusters, threads):
    def one(c):
        return precis.summarize(c.texts, names=c.names, id=c.id if c.id is not None else "")

    def run():
        t = time.perf_counter()
        if threads == 1:
            for c in clusters:
                one(c)
        else:  # tasks of 64 clusters: the pool's own cost per task stays out
            chunks = [clusters[i:i + 64] for i in range(0, len(clusters), 64)]
            with ThreadPoolExecutor(max_workers=threads) as pool:
                for _ in pool.map(lambda chunk: [one(c) for c in chunk], chunks):
                    pass
        return time.perf_counter() - t
    return best(run)


def command(build, path, threads, out):
    def run():
        t = time.perf_counter()
        with open(out, "wb") as f:
            subprocess.run([os.path.join(build, "precis"), "summarize", "--quiet", "--threads",
                            str(threads), "--input-format", "jsonl", path], stdout=f,
                           check=True)
        return time.perf_counter() - t
    return best(run)


def dask_runs(path, expected, workers, tmp):
    from distributed import Client, LocalCluster

    t = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    client = Client(cluster)
    client.run(lambda: __import__("precis").summarize(["Warm up the engine. " * 5]))
    startup = time.perf_counter() - t
    out = os.path.join(tmp, f"dask{workers}.jsonl")
    try:
        def run(partitions=None):
            r = pdask.summarize_file(path, out, client=client, partitions=partitions)
            return r.seconds, r.partitions
        wall, parts = min(run() for _ in range(REPEATS))
        with open(out, "rb") as f:
            identical = f.read() == expected
        slope = None
        if workers == 2:
            points = [(p, min(run(p)[0] for _ in range(2))) for p in PARTITION_COUNTS]
            n = len(points)
            mx = sum(p for p, _ in points) / n
            my = sum(t for _, t in points) / n
            slope = (sum((p - mx) * (t - my) for p, t in points)
                     / sum((p - mx) ** 2 for p, _ in points))
            points_text = ", ".join(f"{p}: {t:.2f} s" for p, t in points)
        return startup, wall, parts, identical, slope, (points_text if slope else "")
    finally:
        client.close()
        cluster.close()


def main():
    build, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        raw_lines = [line for line in f.read().split(b"\n") if line.strip()]
    clusters = [precis.parse_cluster(line) for line in raw_lines]
    n = len(clusters)
    size = os.path.getsize(path)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cli_out = os.path.join(tmp, "cli.jsonl")
        cli1 = command(build, path, 1, cli_out)
        cli2 = command(build, path, 2, cli_out)
        with open(cli_out, "rb") as f:
            expected = f.read()
        c1, c2 = baseline(build, path, 1), baseline(build, path, 2)
        p1, p2 = binding(clusters, 1), binding(clusters, 2)
        rows.append(("library alone (C, engine), 1 thread", c1, ""))
        rows.append(("binding `precis.summarize`, 1 thread", p1,
                     f"overhead {100 * (p1 / c1 - 1):+.1f}%"))
        rows.append(("library alone (C, engine), 2 threads", c2, ""))
        rows.append(("binding, ThreadPoolExecutor(2)", p2, f"overhead {100 * (p2 / c2 - 1):+.1f}%"))
        rows.append(("`precis summarize --threads 1` (reads the file too)", cli1, ""))
        rows.append(("`precis summarize --threads 2`", cli2, ""))
        d1 = dask_runs(path, expected, 1, tmp)
        d2 = dask_runs(path, expected, 2, tmp)
        for workers, d in ((1, d1), (2, d2)):
            startup, wall, parts, identical, _, _ = d
            rows.append((f"`precis.dask`, LocalCluster of {workers} worker{'s' * (workers > 1)}",
                         wall, f"{parts} partitions; output {'identical to' if identical else 'DIFFERS from'} "
                               f"the command's; cluster start {startup:.1f} s"))
    slope, points = d2[4], d2[5]
    per_cluster = c1 / n
    min_clusters = slope / (0.01 * per_cluster) if slope > 0 else 0
    print(f"Multi-News validation: {n} clusters, {size / 1e6:.1f} MB; best of {REPEATS} runs; "
          f"{os.cpu_count()} cores.\n")
    print("| run | seconds | clusters/s | note |")
    print("|---|---:|---:|---|")
    for name, seconds, note in rows:
        print(f"| {name} | {seconds:.2f} | {n / seconds:.0f} | {note} |")
    print()
    print(f"Dask scheduling cost per partition (2 workers, slope of wall time over "
          f"{', '.join(map(str, PARTITION_COUNTS))} partitions: {points}): "
          f"**{1000 * slope:.1f} ms**.  At {1000 * per_cluster:.2f} ms per cluster and thread, "
          f"a partition of at least {min_clusters:.0f} clusters "
          f"(about {min_clusters * size / n / 1e6:.1f} MB of Multi-News JSON lines) keeps "
          f"scheduling under 1% of its work.")


if __name__ == "__main__":
    main()
