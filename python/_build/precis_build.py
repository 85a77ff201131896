"""The package's own PEP 517 build backend: wheels with nothing to download.

Design: ``pip install ./python`` must work offline in a fresh virtual
environment, where setuptools cannot build a wheel (Debian's venv has no
``wheel`` package, and there is no index to fetch one from).  A wheel is a
zip file with three metadata files, so this backend writes it with the
standard library alone, and ``pyproject.toml`` declares it with
``requires = []``: pip's isolated build environment then needs nothing.

What goes in the wheel:
  * the ``precis/`` package as it is in the source tree;
  * the metadata of ``pyproject.toml``'s [project] table (read with tomllib);
  * the shared library, when one is found at build time, as
    ``precis/_native/libprecis.so.0`` (the real file behind the symbolic
    links): the path in ``PRECIS_BUNDLE_LIBRARY``, else the source tree's
    ``build/release/libprecis.so.0`` when the package is built from the
    repository after ``make``.  ``PRECIS_BUNDLE_LIBRARY=no`` bundles nothing;
    the package then finds an installed library at import time
    (``PRECIS_LIBRARY``, pkg-config, the loader).  A wheel with the library
    is tagged for this platform, one without it for any.

Editable installs (``pip install -e ./python``) put a ``.pth`` file naming the
source folder on sys.path; the package then loads the source tree's library.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import sysconfig
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

try:
    import tomllib  # Python 3.11+
except ModuleNotFoundError:  # pragma: no cover - older Pythons
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent          # python/
PACKAGE = ROOT / "precis"
SONAME = "libprecis.so.0"


def _project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def _dist_name(project: dict) -> str:
    return project["name"].replace("-", "_")


def _metadata(project: dict) -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}",
             f"Version: {project['version']}"]
    if "description" in project:
        lines.append(f"Summary: {project['description']}")
    if "requires-python" in project:
        lines.append(f"Requires-Python: {project['requires-python']}")
    license_ = project.get("license", {})
    if isinstance(license_, dict) and "text" in license_:
        lines.append(f"License: {license_['text']}")
    for extra, reqs in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        for req in reqs:
            lines.append(f'Requires-Dist: {req}; extra == "{extra}"')
    for req in project.get("dependencies", []):
        lines.append(f"Requires-Dist: {req}")
    readme = ROOT / "README.md"
    body = ""
    if readme.exists():
        lines.append("Description-Content-Type: text/markdown")
        body = "\n" + readme.read_text(encoding="utf-8")
    return "\n".join(lines) + "\n" + body


def _library_to_bundle() -> Optional[Path]:
    choice = os.environ.get("PRECIS_BUNDLE_LIBRARY")
    if choice is not None:
        if choice.lower() in ("", "no", "0", "false"):
            return None
        path = Path(choice)
        if not path.is_file():
            raise FileNotFoundError(f"PRECIS_BUNDLE_LIBRARY={choice}: no such file")
        return path.resolve()
    built = ROOT.parent / "build" / "release" / SONAME
    return built.resolve() if built.is_file() else None


def _tag(bundled: bool) -> str:
    if not bundled:
        return "py3-none-any"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"py3-none-{platform}"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _package_files() -> List[Tuple[str, bytes]]:
    files = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc" \
                and "_native" not in path.relative_to(PACKAGE).parts:
            files.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    return files


def _write_wheel(directory: str, files: List[Tuple[str, bytes]], tag: str,
                 executable: Dict[str, bool]) -> str:
    project = _project()
    dist = f"{_dist_name(project)}-{project['version']}"
    info = f"{dist}.dist-info"
    purelib = "true" if tag.endswith("-any") else "false"
    meta = [
        (f"{info}/METADATA", _metadata(project).encode("utf-8")),
        (f"{info}/WHEEL", (f"Wheel-Version: 1.0\nGenerator: precis_build\n"
                           f"Root-Is-Purelib: {purelib}\nTag: {tag}\n").encode()),
        (f"{info}/top_level.txt", b"precis\n"),
    ]
    entries = files + meta
    record = "\n".join(_record_line(n, d) for n, d in entries) + f"\n{info}/RECORD,,\n"
    entries.append((f"{info}/RECORD", record.encode()))
    name = f"{dist}-{tag}.whl"
    with zipfile.ZipFile(os.path.join(directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data in entries:
            zi = zipfile.ZipInfo(entry, date_time=(2024, 1, 1, 0, 0, 0))
            zi.external_attr = (0o755 if executable.get(entry) else 0o644) << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return name


# ---- PEP 517 / PEP 660 hooks -------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings=None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings=None) -> List[str]:
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None) -> str:
    files = _package_files()
    library = _library_to_bundle()
    executable: Dict[str, bool] = {}
    if library is not None:
        entry = f"precis/_native/{SONAME}"
        files.append((entry, library.read_bytes()))
        executable[entry] = True
    return _write_wheel(wheel_directory, files, _tag(library is not None), executable)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None) -> str:
    pth = (str(ROOT) + "\n").encode("utf-8")
    return _write_wheel(wheel_directory, [("precis_editable.pth", pth)], "py3-none-any", {})


def build_sdist(sdist_directory, config_settings=None) -> str:
    import tarfile

    project = _project()
    base = f"{_dist_name(project)}-{project['version']}"
    name = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as tar:
        for path in [ROOT / "pyproject.toml", ROOT / "README.md", *sorted(
                p for p in (ROOT / "_build").glob("*.py")), *sorted(
                p for p in PACKAGE.rglob("*.py")), PACKAGE / "py.typed"]:
            if path.exists():
                tar.add(path, arcname=f"{base}/{path.relative_to(ROOT).as_posix()}")
        info = _metadata(project).encode("utf-8")
        ti = tarfile.TarInfo(f"{base}/PKG-INFO")
        ti.size = len(info)
        tar.addfile(ti, io.BytesIO(info))
    return name
