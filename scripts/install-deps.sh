#!/bin/sh
# install-deps.sh: installs the Debian packages precis builds and tests with.
# Run as root (or with sudo available).  Safe to run again: apt skips what is
# already installed.  scripts/quickstart.sh and .ci/run call it; make never
# does (it stops and names what is missing: scripts/check-deps.sh).
set -eu

# man-db: tests/install/test_install.sh reads the installed page with `man`.
# chromium, nodejs, npm: the web page's test drives Debian's Chromium with
# puppeteer-core (tests/browser/, installed from its package-lock.json by
# .ci/run); wrk: the server's load benchmark (bench/serve.sh); python3-*:
# the Python package's tests (venv, pytest) and its Dask batch.
PACKAGES="build-essential pkg-config python3 libstemmer-dev libutf8proc-dev libjansson-dev \
libcmocka-dev liblzma-dev zlib1g-dev libglpk-dev libltdl-dev libmicrohttpd-dev xz-utils clang \
libclang-rt-dev man-db chromium nodejs npm wrk python3-venv python3-pytest python3-dask \
python3-distributed"

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "install-deps.sh: run as root to install: $PACKAGES" >&2
        exit 1
    fi
else
    SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
echo "install-deps.sh: dependencies installed"
