"""Fixtures of the Python package's tests: the command to compare with, the
example cluster, and the internal data (skipped, visibly, when absent).

Design: every test compares the package with the ``precis`` command of the
same build, byte for byte, so the command is the oracle.  The build folder
comes from ``PRECIS_BUILD`` (tests/python/run.sh sets it), else
``build/release``; the internal data from ``PRECIS_SHARED``, else the
``shared/`` folder beside the repository.  Test inputs made from the
internal data live only in pytest's temporary folders.
"""

import json
import lzma
import os
import subprocess
from pathlib import Path
from typing import List

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("PRECIS_BUILD", REPO / "build" / "release")).resolve()
SHARED = Path(os.environ.get("PRECIS_SHARED", REPO.parent / "shared")).resolve()
VALIDATION = SHARED / "data" / "multinews" / "validation.jsonl.xz"
DARAA = REPO / "examples" / "daraa"


def run_precis(*args: str, input: bytes = None) -> bytes:
    """The command's standard output; fails the test on a non-zero exit."""
    done = subprocess.run([str(BUILD / "precis"), *args], input=input, capture_output=True)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout


@pytest.fixture(scope="session")
def precis_cli() -> Path:
    path = BUILD / "precis"
    if not path.exists():
        pytest.fail(f"{path} is missing: run make first")
    return path


@pytest.fixture(scope="session")
def daraa_files() -> List[Path]:
    return sorted(DARAA.iterdir())


@pytest.fixture(scope="session")
def daraa_texts(daraa_files) -> List[str]:
    return [p.read_text(encoding="utf-8") for p in daraa_files]


@pytest.fixture(scope="session")
def daraa_names(daraa_files) -> List[str]:
    return [p.name for p in daraa_files]


@pytest.fixture(scope="session")
def validation_400(tmp_path_factory) -> Path:
    """The first 400 lines of the Multi-News validation split, as a plain
    file in a temporary folder (skipped when ../shared is absent)."""
    if not VALIDATION.exists():
        pytest.skip(f"internal data absent: {VALIDATION}")
    path = tmp_path_factory.mktemp("validation") / "validation400.jsonl"
    with lzma.open(VALIDATION, "rb") as src, open(path, "wb") as out:
        for i, line in enumerate(src):
            if i == 400:
                break
            out.write(line)
    return path


@pytest.fixture(scope="session")
def validation_400_cli(validation_400, precis_cli) -> List[bytes]:
    """The command's output lines for the 400 clusters."""
    out = run_precis("summarize", "--quiet", "--input-format", "jsonl", str(validation_400))
    lines = out.split(b"\n")
    assert lines[-1] == b""
    return lines[:-1]


# JSON lines of every shape the batch reader takes, made from the example:
# "documents" lists, integer, missing and null ids, NEWLINE_CHAR, escapes,
# references, a blank line, a CRLF line end.
def make_batch(texts) -> bytes:
    a, b, c, d = texts
    rows = [
        {"id": "s1", "document": " ||||| ".join([a, b])},
        {"id": 42, "documents": [c, d], "summary": "A reference. One line."},
        {"documents": [a.replace("\n", " NEWLINE_CHAR "), c]},
        {"id": None, "documents": [b, "Café in Zürich — “quoted” text, naïve."]},
        {"id": "s5", "document": d, "summaries": ["First.", ["Second", "two lines"]]},
    ]
    lines = [json.dumps(r, ensure_ascii=(i % 2 == 0)).encode("utf-8")
             for i, r in enumerate(rows)]
    return lines[0] + b"\n  \t\n" + lines[1] + b"\r\n" + b"\n".join(lines[2:]) + b"\n"
