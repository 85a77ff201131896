#!/bin/sh
# check-deps.sh: exits 0 when every build dependency is present; otherwise
# names what is missing on stderr and exits 1 (it installs nothing:
# scripts/install-deps.sh does).  -q: no message.
quiet=
[ "${1:-}" = -q ] && quiet=1
missing=""
# shellcheck disable=SC2086
set -- ${CC:-cc} # the compiler's first word: CC may be "ccache gcc"
command -v "$1" >/dev/null 2>&1 || missing="$missing $1"
if command -v pkg-config >/dev/null 2>&1; then
    for p in libutf8proc jansson cmocka liblzma zlib libmicrohttpd; do
        pkg-config --exists "$p" 2>/dev/null || missing="$missing $p"
    done
else
    missing="$missing pkg-config"
fi
# libFuzzer (tests/fuzz, replayed by make test): clang and its runtime
if command -v clang >/dev/null 2>&1; then
    [ -f "$(clang -print-file-name="libclang_rt.fuzzer-$(uname -m).a")" ] || missing="$missing libclang-rt-dev"
else
    missing="$missing clang"
fi
for h in libstemmer.h glpk.h; do
    [ -f "/usr/include/$h" ] || missing="$missing $h"
done
[ -z "$missing" ] && exit 0
[ -n "$quiet" ] || echo "check-deps.sh: missing:$missing (scripts/install-deps.sh installs them)" >&2
exit 1
