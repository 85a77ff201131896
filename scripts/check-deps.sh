#!/bin/sh
# check-deps.sh: exits 0 when every build dependency is present.
pkg-config --exists libutf8proc jansson cmocka liblzma zlib 2>/dev/null || exit 1
for h in libstemmer.h glpk.h; do
    [ -f "/usr/include/$h" ] || exit 1
done
exit 0
