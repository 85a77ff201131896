#!/usr/bin/env bash
# tests/python/run.sh BUILD_DIR: the Python package, installed as a user would.
#
# 1. A fresh virtual environment with nothing but pip: `pip install ./python`
#    with no package index (PIP_NO_INDEX), bundling BUILD_DIR's library; the
#    package is imported from outside the source tree and summarizes the
#    example.  Then the same install without the bundled library, found
#    through pkg-config in a scratch prefix (what `make install` writes).
# 2. A fresh virtual environment that also sees Debian's packages (pytest,
#    dask, distributed): the package installed there, and tests/python/ run
#    with pytest against BUILD_DIR's command (the Dask tests included).
#
# The last line is "N passed, N failed, N skipped": the two install checks
# count as tests, pytest's own counts come from its JUnit report (a skip is
# a skip, never a pass).  Exits non-zero when anything failed.  Needs
# /usr/bin/python3 with python3-venv, python3-pytest, python3-dask and
# python3-distributed (scripts/install-deps.sh).
set -u
BUILD=$(cd "${1:?usage: tests/python/run.sh BUILD_DIR}" && pwd)
REPO=$(cd "$(dirname "$0")/../.." && pwd)
PY=/usr/bin/python3
LIB="$BUILD/libprecis.so.0"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
unset PRECIS_LIBRARY
passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'; }

[ -f "$LIB" ] && [ -x "$BUILD/precis" ] || { echo "not ok - $BUILD has no libprecis.so.0 and precis: run make"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# Summarizes the example with the installed package, from outside the tree;
# prints the library's path.
SMOKE='
import pathlib, sys, precis
d = pathlib.Path(sys.argv[1])
s = precis.summarize([p.read_text() for p in sorted(d.iterdir())], words=60)
assert s.sentences and s.words <= 60, s
print(precis.library_path)
'

# ---- 1. a plain venv, no index ---------------------------------------------
"$PY" -m venv "$TMP/plain" >"$TMP/log" 2>&1 &&
    (cd "$TMP" && PRECIS_BUNDLE_LIBRARY="$LIB" "$TMP/plain/bin/pip" install -q "$REPO/python") \
        >>"$TMP/log" 2>&1 &&
    where=$(cd "$TMP" && "$TMP/plain/bin/python" -c "$SMOKE" "$REPO/examples/daraa" 2>>"$TMP/log") &&
    [ "$where" = "$TMP/plain/lib/python3.$("$PY" -c 'import sys; print(sys.version_info[1])')/site-packages/precis/_native/libprecis.so.0" ]
[ $? -eq 0 ] && ok "pip install ./python offline in a fresh venv, the library bundled" \
    || not_ok "pip install ./python offline in a fresh venv" "$(tail -20 "$TMP/log")"

# the same package without the library: found through pkg-config
mkdir -p "$TMP/prefix/lib/pkgconfig" && cp "$LIB" "$TMP/prefix/lib/" &&
    printf 'prefix=%s\nlibdir=${prefix}/lib\nName: precis\nDescription: test\nVersion: 0.3.0\nLibs: -L${libdir} -lprecis\n' \
        "$TMP/prefix" > "$TMP/prefix/lib/pkgconfig/precis.pc"
(cd "$TMP" && PRECIS_BUNDLE_LIBRARY=no "$TMP/plain/bin/pip" install -q --force-reinstall \
    "$REPO/python") >"$TMP/log" 2>&1 &&
    where=$(cd "$TMP" && PKG_CONFIG_PATH="$TMP/prefix/lib/pkgconfig" \
        "$TMP/plain/bin/python" -c "$SMOKE" "$REPO/examples/daraa" 2>>"$TMP/log") &&
    [ "$where" = "$TMP/prefix/lib/libprecis.so.0" ] && [ ! -e "$TMP/plain/lib/python3."*/site-packages/precis/_native ]
[ $? -eq 0 ] && ok "without a bundled library the package finds it through pkg-config" \
    || not_ok "pkg-config lookup" "$(tail -20 "$TMP/log"; echo "loaded: ${where:-}")"

# ---- 2. pytest in a venv that sees Debian's packages ------------------------
"$PY" -m venv --system-site-packages "$TMP/venv" >"$TMP/log" 2>&1 &&
    (cd "$TMP" && PRECIS_BUNDLE_LIBRARY="$LIB" "$TMP/venv/bin/pip" install -q "$REPO/python") \
        >>"$TMP/log" 2>&1
if [ $? -ne 0 ]; then
    not_ok "pip install ./python into the test venv" "$(tail -20 "$TMP/log")"
else
    # from a scratch folder, so that `import precis` is the installed one
    (cd "$TMP" && PRECIS_BUILD="$BUILD" "$TMP/venv/bin/python" -m pytest -p no:cacheprovider \
        -q -rs --junitxml="$TMP/junit.xml" -c "$REPO/tests/python/pytest.ini" \
        --rootdir "$REPO/tests/python" "$REPO/tests/python")
    counts=$("$PY" - "$TMP/junit.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print("0 1 0")  # pytest died before writing its report
    sys.exit()
suites = [root] if root.tag == "testsuite" else list(root)
t = sum(int(s.get("tests", 0)) for s in suites)
f = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
k = sum(int(s.get("skipped", 0)) for s in suites)
print(t - f - k, f, k)
PY
)
    read -r p f k <<<"$counts"
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + k))
    [ "$p" -gt 0 ] || not_ok "pytest ran no test"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
