"""Batch summaries on Dask: ``python3 -m precis.dask clusters.jsonl out.jsonl``.

Design: the input is read as a ``dask.bag`` of lines (``read_text`` with
``"\\n"`` as the only line break and undecodable bytes kept as surrogates,
so every line reaches the library byte for byte, as the command's line reader
gives it: a trailing CR is dropped, lines of spaces and tabs are skipped).  A
plain file is split into byte ranges (one partition each, cut at line
breaks); a compressed one (.gz, .xz, .bz2) cannot be split, so it is read
whole and its lines repartitioned.  Each partition is summarized on a worker
by :func:`summarize_lines`: one ``precis_settings`` per partition, each line
parsed by the library (``precis_cluster_parse_json``) and summarized by the
process's engine, the JSON line being what ``precis summarize --input-format
jsonl`` writes for it.  The client gathers the partitions in input order and
writes them to a temporary file beside the output, renamed into place once
complete: the output is byte-identical to the command's.

Cluster: with no scheduler address a ``LocalCluster`` is started (one worker
process per core, one thread each: the library releases the GIL, but
processes also spread the Python part of the work); with an address the
existing cluster is used, whose workers must have this package installed and
see the input path (a shared file system, or any URL that fsspec reads).

Options (``--words``, ``--method``, ``--set KEY=VALUE`` ...) pass through to
the library's settings; they are checked on the client before any work is
scheduled, with the library's messages.
"""

import argparse
import logging
import math
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from . import _summarize
from ._errors import ArgumentError, Error, Status

#: Default partitions per worker thread: enough to balance uneven clusters,
#: few enough that scheduling stays negligible (bench/python.sh measures it).
PARTITIONS_PER_THREAD = 4
#: A partition is never smaller than this many bytes of input by default.
MIN_PARTITION_BYTES = 1 << 20

SettingsPairs = Tuple[Tuple[str, str], ...]


def _line_bytes(line: str) -> Optional[bytes]:
    """A line of the bag as the command's line reader gives it, or None for a
    blank line (only spaces and tabs) that the command skips."""
    raw = line.encode("utf-8", "surrogateescape")
    if raw.endswith(b"\n"):
        raw = raw[:-1]
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    if not raw.strip(b" \t"):
        return None
    return raw


def summarize_lines(lines: Sequence[str], pairs: SettingsPairs, source: str) -> List[bytes]:
    """Summarizes one partition: each JSON line to its output line (bytes,
    without newline).  Runs on a worker; raises :class:`precis.Error` naming
    the cluster on a bad line."""
    out: List[bytes] = []
    with _summarize.Settings(pairs) as settings:
        for line in lines:
            raw = _line_bytes(line)
            if raw is None:
                continue
            try:
                out.append(_summarize.summarize_line_json(settings, raw, source))
            except Error as exc:
                message = exc.message
                if exc.status == Status.FORMAT:
                    start = raw[:60].decode("utf-8", "replace")
                    message += f" (the line starting {start!r})"
                raise type(exc)(message, status=exc.status, source=source) from None
    return out


@dataclass(frozen=True)
class BatchReport:
    """What :func:`summarize_file` did.

    Attributes:
        clusters: JSON lines written.
        partitions: partitions the input was read in.
        seconds: wall time from reading to the renamed output.
        workers: worker threads of the cluster used.
    """

    clusters: int
    partitions: int
    seconds: float
    workers: int


def _compression(path: str) -> Optional[str]:
    from fsspec.utils import infer_compression

    return infer_compression(path)


def _worker_threads(client) -> int:
    info = client.scheduler_info().get("workers", {})
    return sum(int(w.get("nthreads", 1)) for w in info.values()) or 1


def _blocks(size: int, blocksize: int) -> int:
    """How many blocks dask.bytes.read_bytes cuts `size` bytes into."""
    if size % blocksize and size > blocksize:
        return size // blocksize  # it spreads the remainder over the blocks
    return math.ceil(size / blocksize)


def _blocksize(size: int, wanted: int) -> int:
    """The block size that gives `wanted` partitions (or the nearest count)."""
    guess = max(1, size // wanted)
    candidates = [b for b in range(max(1, guess - 2), guess + 3)]
    return min(candidates, key=lambda b: (abs(_blocks(size, b) - wanted), b))


def lines_bag(path: str, partitions: Optional[int], threads: int):
    """The input's lines as a dask.bag in input order (see the module comment)."""
    import dask.bag as db
    import fsspec

    compression = _compression(path)
    if partitions is not None and partitions < 1:
        raise ArgumentError(f"partitions needs a whole number of 1 or more, not {partitions}")
    wanted = partitions
    if compression is None:
        size = fsspec.core.url_to_fs(path)[0].size(path)
        if wanted is None:
            wanted = max(1, min(threads * PARTITIONS_PER_THREAD,
                                math.ceil(size / MIN_PARTITION_BYTES)))
        blocksize = _blocksize(size, wanted) if size else None
        return db.read_text(path, blocksize=blocksize, encoding="utf-8",
                            errors="surrogateescape", linedelimiter="\n")
    bag = db.read_text(path, blocksize=None, compression=compression, encoding="utf-8",
                       errors="surrogateescape", linedelimiter="\n")
    wanted = wanted or threads * PARTITIONS_PER_THREAD
    return bag.repartition(npartitions=wanted) if wanted > 1 else bag


def summarize_file(input: str, output: str, *, client=None, scheduler: Optional[str] = None,
                   partitions: Optional[int] = None, workers: Optional[int] = None,
                   words: Optional[int] = None, bytes: Optional[int] = None,
                   sentences: Optional[int] = None, truncate: Optional[bool] = None,
                   method: Optional[str] = None, seed: Optional[int] = None,
                   diagnostics: Optional[bool] = None, settings=None) -> BatchReport:
    """Summarizes every cluster of a JSON-lines file on a Dask cluster.

    The output file is byte-identical to ``precis summarize --input-format
    jsonl INPUT`` with the same options.

    Args:
        input: JSON lines, one cluster each (plain, .gz, .xz); a path the
            workers can read.
        output: the file to write (replaced only when complete).
        client: a ``distributed.Client`` to use; else ``scheduler``.
        scheduler: address of a running scheduler ("tcp://host:8786"); with
            neither, a LocalCluster of ``workers`` processes is started.
        partitions: partitions to read the input in (default: 4 per worker
            thread, at least 1 MB each).
        words, bytes, sentences, truncate, method, seed, diagnostics,
            settings: summary options, as for :func:`precis.summarize`.

    Raises:
        precis.Error: a bad option (before any work) or a bad cluster.
    """
    from distributed import Client, LocalCluster

    pairs = _summarize.settings_pairs(words=words, bytes=bytes, sentences=sentences,
                                      truncate=truncate, method=method, seed=seed,
                                      diagnostics=diagnostics, settings=settings)
    with _summarize.Settings(pairs):
        pass  # the library's checks, on the client, before any work
    started = time.perf_counter()
    own_cluster = own_client = None
    if client is None:
        if scheduler:
            client = own_client = Client(scheduler)
        else:
            own_cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                       threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
            client = own_client = Client(own_cluster)
    try:
        threads = _worker_threads(client)
        bag = lines_bag(input, partitions, threads)
        parts = bag.map_partitions(summarize_lines, pairs, input).to_delayed()
        futures = client.compute(parts)
        out_dir = os.path.dirname(os.path.abspath(output))
        fd, tmp = tempfile.mkstemp(prefix=".precis-", suffix=".tmp", dir=out_dir)
        written = 0
        try:
            with os.fdopen(fd, "wb") as out:
                for k, future in enumerate(futures):
                    lines = future.result()
                    futures[k] = None  # the partition's memory goes once written
                    for line in lines:
                        out.write(line)
                        out.write(b"\n")
                    written += len(lines)
            os.replace(tmp, output)
        except BaseException:
            os.unlink(tmp)
            raise
        return BatchReport(clusters=written, partitions=len(parts),
                           seconds=time.perf_counter() - started, workers=threads)
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


# ---- the command --------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python3 -m precis.dask",
        description="Summarizes a JSON-lines file of clusters on a Dask cluster; the output "
                    "is byte-identical to `precis summarize --input-format jsonl INPUT`.")
    p.add_argument("input", help="JSON lines, one cluster each (plain, .gz, .xz)")
    p.add_argument("output", help="the output file (one JSON line per cluster)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--partitions", type=int, metavar="N",
                   help="partitions to read the input in (default: 4 per worker thread)")
    p.add_argument("--workers", type=int, metavar="N",
                   help="LocalCluster worker processes (default: the cores)")
    budget = p.add_mutually_exclusive_group()
    budget.add_argument("--words", type=int, metavar="N", help="budget in words (default 100)")
    budget.add_argument("--bytes", type=int, metavar="N", help="budget in bytes")
    budget.add_argument("--sentences", type=int, metavar="N", help="budget in sentences")
    p.add_argument("--truncate", action="store_true", default=None,
                   help="cut the last sentence to fill a words or bytes budget")
    p.add_argument("--method", metavar="NAME", help="default, centroid, lexrank, learned, "
                   "concepts, ilp, lead, lead-first, random")
    p.add_argument("--redundancy", metavar="X", help="MMR redundancy trade-off in [0,1]")
    p.add_argument("--seed", type=int, metavar="N", help="seed of the random baseline")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="tuning, as precis summarize --set")
    p.add_argument("--diagnostics", action="store_true", default=None,
                   help="readability counts in each line's JSON")
    p.add_argument("--quiet", action="store_true", help="no report on stderr")
    return p


#: Exit codes of the precis command, by library status.
_EXIT = {Status.ARGUMENT: 2, Status.IO: 3, Status.NOMEM: 3, Status.INTERNAL: 3}


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    tuning = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"precis.dask: --set needs KEY=VALUE, not '{item}'", file=sys.stderr)
            return 2
        tuning[key] = value
    if args.redundancy is not None:
        tuning["redundancy"] = args.redundancy
    try:
        report = summarize_file(
            args.input, args.output, scheduler=args.scheduler, partitions=args.partitions,
            workers=args.workers, words=args.words, bytes=args.bytes,
            sentences=args.sentences, truncate=args.truncate, method=args.method,
            seed=args.seed, diagnostics=args.diagnostics, settings=tuning)
    except Error as exc:
        print(f"precis.dask: {exc}", file=sys.stderr)
        return _EXIT.get(exc.status, 1)
    except OSError as exc:
        print(f"precis.dask: {exc}", file=sys.stderr)
        return 3
    if not args.quiet:
        print(f"precis.dask: {report.clusters} clusters in {report.partitions} partitions "
              f"on {report.workers} worker threads, {report.seconds:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
