"""python3 -m precis.dask on a two-worker LocalCluster: the output file is
byte-identical to `precis summarize --input-format jsonl`.

Design: one LocalCluster of two worker processes serves the module's tests
through its scheduler address, as a user's running cluster would; one test
lets the module start its own cluster.  Inputs: JSON lines of every shape
the reader takes (plain and .xz), and the 400 validation clusters when the
internal data is there.
"""

import logging
import lzma
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

import precis  # noqa: E402
import precis.dask as pdask  # noqa: E402
from conftest import make_batch, run_precis  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def batch(tmp_path_factory, daraa_texts):
    path = tmp_path_factory.mktemp("dask") / "batch.jsonl"
    # enough lines for several partitions
    path.write_bytes(make_batch(daraa_texts) * 4)
    return path


def _cli(path, *flags):
    return run_precis("summarize", "--quiet", "--input-format", "jsonl", *flags, str(path))


def test_batch_shapes_in_three_partitions(client, batch, tmp_path):
    out = tmp_path / "out.jsonl"
    report = pdask.summarize_file(str(batch), str(out), client=client, partitions=3)
    assert out.read_bytes() == _cli(batch)
    assert (report.clusters, report.partitions, report.workers) == (20, 3, 2)


def test_compressed_input_is_repartitioned(client, batch, tmp_path):
    xz = tmp_path / "batch.jsonl.xz"
    xz.write_bytes(lzma.compress(batch.read_bytes()))
    out = tmp_path / "out.jsonl"
    report = pdask.summarize_file(str(xz), str(out), client=client, partitions=4)
    assert out.read_bytes() == _cli(batch)
    assert report.partitions == 4


def test_validation_400_on_two_workers(client, validation_400, validation_400_cli, tmp_path):
    out = tmp_path / "out.jsonl"
    report = pdask.summarize_file(str(validation_400), str(out), client=client, partitions=8)
    assert out.read_bytes() == b"".join(line + b"\n" for line in validation_400_cli)
    assert report.clusters == 400


def test_command_with_a_scheduler_address_and_options(client, batch, tmp_path):
    out = tmp_path / "out.jsonl"
    flags = ["--words", "50", "--method", "lexrank", "--set", "redundancy=0.5"]
    done = subprocess.run([sys.executable, "-m", "precis.dask", str(batch), str(out),
                           "--scheduler", client.scheduler.address, "--partitions", "2",
                           *flags], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == _cli(batch, *flags)
    assert "20 clusters in 2 partitions on 2 worker threads" in done.stderr


def test_command_starts_a_local_cluster(batch, tmp_path):
    out = tmp_path / "out.jsonl"
    assert pdask.main([str(batch), str(out), "--workers", "2", "--quiet"]) == 0
    assert out.read_bytes() == _cli(batch)


def test_bad_option_fails_before_any_work(batch, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert pdask.main([str(batch), str(out), "--method", "sparkle"]) == 2
    assert "unknown method 'sparkle'" in capsys.readouterr().err
    assert not out.exists()


def test_bad_line_raises_and_leaves_no_output(client, batch, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(batch.read_bytes() + b'{"id": "z9", "documents": ["", ""]}\n')
    out = tmp_path / "out.jsonl"
    with pytest.raises(precis.EmptyError) as info:
        pdask.summarize_file(str(bad), str(out), client=client, partitions=2)
    assert str(info.value) == f"{bad}: cluster z9: no article text to summarize"
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.jsonl"]


def test_invalid_json_names_the_line(client, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "ok", "documents": ["Some text here. And more text."]}\n'
                    b'{"id": "broken", "documents": [}\n')
    with pytest.raises(precis.FormatError) as info:
        pdask.summarize_file(str(bad), str(tmp_path / "out.jsonl"), client=client)
    assert info.value.source == str(bad)
    assert "the line starting '{\"id\": \"broken\"" in info.value.message
