#!/bin/sh
# test_install.sh: `make install PREFIX=$TMP/prefix`, then what a program
# built on the installed library sees (issue #12): only precis_* symbols
# exported from libprecis.so, exactly the functions the installed headers
# declare; the SONAME and its links; precis.pc; every examples/*.c built with
# `cc prog.c $(pkg-config --cflags --libs precis)` (shared) and with
# `pkg-config --static` (libprecis.a), run on examples/daraa/ with the output
# of the in-tree build; `man precis`; DESTDIR staging.
# Run by `make check-install` (make test), on the release build:
#     tests/run.sh build/release tests/install/test_install.sh
. "$(dirname "$0")/../cli/lib.sh"
EX=examples/daraa
B=$(dirname "$PRECIS")
MODE=$(basename "$B")
P="$TMP/prefix"
CC=${CC:-cc}

# make from within make: a fresh command line (not the caller's jobserver),
# the same build mode.
make_install() { # make_install LOG VAR=VALUE...
    log=$1; shift
    env -u MAKEFLAGS -u MFLAGS make --no-print-directory MODE="$MODE" "$@" install >"$log" 2>&1
}

# ---- make install ---------------------------------------------------------
if make_install "$TMP/install.log" PREFIX="$P"; then
    ok "make install PREFIX=\$TMP/prefix succeeds"
else
    not_ok "make install PREFIX=\$TMP/prefix succeeds" "$(tail -5 "$TMP/install.log")"
    exit 0
fi
VERSION=$(awk '$2 == "PRECIS_VERSION_STRING" { gsub(/"/, "", $3); print $3 }' "$P/include/precis.h")
MAJOR=${VERSION%%.*}
SOFILE=libprecis.so.$VERSION
SONAME=libprecis.so.$MAJOR

missing=""
for f in bin/precis lib/libprecis.a lib/$SOFILE lib/pkgconfig/precis.pc share/man/man1/precis.1; do
    [ -f "$P/$f" ] || missing="$missing $f"
done
[ -x "$P/bin/precis" ] || missing="$missing bin/precis(executable)"
for h in include/*.h; do
    cmp -s "$h" "$P/$h" || missing="$missing $h"
done
[ -n "$VERSION" ] || missing="$missing (no PRECIS_VERSION_STRING in the installed header)"
if [ -z "$missing" ]; then ok "bin, include ($(ls include/*.h | wc -l) headers), lib, pkgconfig and man files are installed"
else not_ok "every file is installed" "missing or different:$missing"; fi

if [ "$(readlink "$P/lib/$SONAME")" = "$SOFILE" ] && [ "$(readlink "$P/lib/libprecis.so")" = "$SONAME" ]; then
    ok "lib/libprecis.so -> $SONAME -> $SOFILE"
else
    not_ok "lib/libprecis.so -> $SONAME -> $SOFILE" "$(ls -l "$P/lib" | grep libprecis)"
fi

run "$P/bin/precis" --version
[ "$RC" -eq 0 ] && grep -qx "precis $VERSION" "$TMP/out" && ok "the installed precis reports version $VERSION" \
    || not_ok "the installed precis reports version $VERSION" "rc $RC: $(cat "$TMP/out" "$TMP/err")"

run "$P/bin/precis" serve --help
[ "$RC" -eq 0 ] && grep -q "^usage: precis serve" "$TMP/out" && ok "the installed precis runs the installed precis-serve" \
    || not_ok "the installed precis runs the installed precis-serve" "rc $RC: $(cat "$TMP/out" "$TMP/err")"
if ldd "$P/bin/precis" | grep -q microhttpd; then
    not_ok "precis itself does not load libmicrohttpd (only precis-serve does)" "$(ldd "$P/bin/precis")"
else
    ok "precis itself does not load libmicrohttpd (only precis-serve does)"
fi

# ---- exported symbols ----------------------------------------------------
nm -D --defined-only "$P/lib/libprecis.so" | awk '{ print $NF }' | sort -u > "$TMP/exported"
count=$(wc -l < "$TMP/exported")
grep -v '^precis_' "$TMP/exported" > "$TMP/foreign"
if [ "$count" -gt 0 ] && [ ! -s "$TMP/foreign" ]; then
    ok "nm -D on the installed libprecis.so lists only precis_* symbols ($count)"
else
    not_ok "nm -D on the installed libprecis.so lists only precis_* symbols" \
        "$(wc -l < "$TMP/foreign") others: $(head -20 "$TMP/foreign" | tr '\n' ' ')"
fi
# Every function an installed header declares (a line that starts a
# declaration at file level: a return type, then precis_NAME( ) is exported,
# and nothing else is.
grep -hv '^typedef' "$P"/include/*.h \
    | sed -n 's/^\(PRECIS_API \)\{0,1\}[A-Za-z_][A-Za-z0-9_ *]*[ *]\(precis_[a-z0-9_]*\)(.*/\2/p' \
    | sort -u > "$TMP/declared"
grep -h '^[A-Za-z_][A-Za-z0-9_ *]*[ *]precis_[a-z0-9_]*(' "$P"/include/*.h \
    | grep -v '^typedef' | grep -v '^PRECIS_API ' > "$TMP/unmarked"
comm -23 "$TMP/declared" "$TMP/exported" > "$TMP/not_exported"
comm -13 "$TMP/declared" "$TMP/exported" > "$TMP/undeclared"
if [ -s "$TMP/declared" ] && [ ! -s "$TMP/not_exported" ] && [ ! -s "$TMP/undeclared" ]; then
    ok "the exported symbols are exactly the $(wc -l < "$TMP/declared") functions the installed headers declare"
else
    not_ok "the exported symbols are exactly the functions the installed headers declare" \
        "declared, not exported: $(tr '\n' ' ' < "$TMP/not_exported")" \
        "exported, not declared: $(tr '\n' ' ' < "$TMP/undeclared")"
fi
if [ ! -s "$TMP/unmarked" ]; then ok "every function declaration of the installed headers carries PRECIS_API"
else not_ok "every function declaration of the installed headers carries PRECIS_API" "$(head -5 "$TMP/unmarked")"; fi

run readelf -d "$P/lib/$SOFILE"
expect_stdout "\(SONAME\) +Library soname: \[$SONAME\]" "readelf: the SONAME of $SOFILE is $SONAME"

# ---- pkg-config ------------------------------------------------------------
PKG_CONFIG_PATH="$P/lib/pkgconfig"
export PKG_CONFIG_PATH
if command -v pkg-config >/dev/null 2>&1; then
    v=$(pkg-config --modversion precis 2>&1)
    [ "$v" = "$VERSION" ] && ok "pkg-config --modversion precis is $VERSION" || not_ok "pkg-config --modversion precis" "got $v"
    v=$(pkg-config --variable=prefix precis 2>&1)
    [ "$v" = "$P" ] && ok "precis.pc names the install prefix" || not_ok "precis.pc names the install prefix" "got $v"
    CFLAGS_PC=$(pkg-config --cflags precis)
    LIBS_PC=$(pkg-config --libs precis)
    LIBS_STATIC=$(pkg-config --static --libs precis)
    case " $CFLAGS_PC $LIBS_PC " in
    *" -I$P/include "*" -L$P/lib -lprecis "*) ok "pkg-config --cflags --libs precis: $CFLAGS_PC $LIBS_PC" ;;
    *) not_ok "pkg-config --cflags --libs precis points at the prefix" "$CFLAGS_PC $LIBS_PC" ;;
    esac
    lacking=""
    for l in -lprecis -lstemmer -lglpk -lm -lpthread -lutf8proc -ljansson -llzma -lz; do
        case " $LIBS_STATIC " in *" $l "*) ;; *) lacking="$lacking $l" ;; esac
    done
    [ -z "$lacking" ] && ok "pkg-config --static --libs precis lists the dependencies" \
        || not_ok "pkg-config --static --libs precis lists the dependencies" "lacks$lacking: $LIBS_STATIC"
else
    skip "pkg-config finds precis" "pkg-config is not installed"
    CFLAGS_PC="-I$P/include"
    LIBS_PC="-L$P/lib -lprecis"
    LIBS_STATIC="-L$P/lib -lprecis -lstemmer -lglpk -lm -lpthread -lutf8proc -ljansson -llzma -lz"
fi
# The archive instead of the shared object, with the same dependency list.
LIBS_ARCHIVE=$(printf '%s\n' "$LIBS_STATIC" | sed 's/\(^\| \)-lprecis\( \|$\)/\1-l:libprecis.a\2/')

# ---- the installed headers stand alone -----------------------------------------
for h in "$P"/include/*.h; do
    name=$(basename "$h")
    printf '#include <%s>\nint main(void) { return 0; }\n' "$name" > "$TMP/inc.c"
    # shellcheck disable=SC2086
    if "$CC" -std=c11 -Wall -Wextra -Werror -fsyntax-only $CFLAGS_PC "$TMP/inc.c" 2>"$TMP/err"; then
        ok "$name compiles alone (C11, -Wall -Wextra -Werror)"
    else not_ok "$name compiles alone (C11)" "$(head -c 400 "$TMP/err")"; fi
    if command -v c++ >/dev/null 2>&1; then
        cp "$TMP/inc.c" "$TMP/inc.cc"
        # shellcheck disable=SC2086
        if c++ -Wall -Wextra -Werror -fsyntax-only $CFLAGS_PC "$TMP/inc.cc" 2>"$TMP/err"; then ok "$name compiles as C++"
        else not_ok "$name compiles as C++" "$(head -c 400 "$TMP/err")"; fi
    fi
done

# ---- the examples, built against the installed library -----------------------------
nex=0
for src in examples/*.c; do
    [ -f "$src" ] || continue
    nex=$((nex + 1))
    name=$(basename "$src" .c)
    # The expected output: the in-tree build's (make check-install builds
    # it), on the example's files, or on its folder when the program wants
    # a folder.
    ref="$B/examples/$name"
    want=""
    set -- $EX/*
    if [ -x "$ref" ]; then
        "$ref" "$@" > "$TMP/$name.want" 2>/dev/null </dev/null
        if [ $? -ne 0 ] || [ ! -s "$TMP/$name.want" ]; then
            set -- $EX/
            "$ref" "$@" > "$TMP/$name.want" 2>/dev/null </dev/null || set -- $EX/*
        fi
        [ -s "$TMP/$name.want" ] && want="$TMP/$name.want"
    fi
    for kind in shared static; do
        exe="$TMP/$name.$kind"
        if [ $kind = shared ]; then libs=$LIBS_PC; how='cc prog.c $(pkg-config --cflags --libs precis)'
        else libs=$LIBS_ARCHIVE; how='pkg-config --static (libprecis.a)'; fi
        # shellcheck disable=SC2086
        if "$CC" "$src" -o "$exe" $CFLAGS_PC $libs 2>"$TMP/err"; then ok "examples/$name.c builds with $how"
        else not_ok "examples/$name.c builds with $how" "$(head -c 600 "$TMP/err")"; continue; fi
        readelf -d "$exe" > "$TMP/dyn"
        if [ $kind = shared ]; then
            grep -q "(NEEDED).*\[$SONAME\]" "$TMP/dyn" && ok "$name ($kind) needs $SONAME" \
                || not_ok "$name ($kind) needs $SONAME" "$(grep NEEDED "$TMP/dyn")"
            LD_LIBRARY_PATH="$P/lib" ldd "$exe" | grep -q "$SONAME => $P/lib/$SONAME" \
                && ok "$name ($kind) loads the installed $SONAME" \
                || not_ok "$name ($kind) loads the installed $SONAME" "$(LD_LIBRARY_PATH="$P/lib" ldd "$exe" | grep precis)"
            LD_LIBRARY_PATH="$P/lib" "$exe" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
        else
            grep -q "(NEEDED).*libprecis" "$TMP/dyn" && not_ok "$name ($kind) does not need libprecis.so" "$(grep NEEDED "$TMP/dyn")" \
                || ok "$name ($kind) does not need libprecis.so"
            "$exe" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
        fi
        RC=$?
        if [ "$RC" -eq 0 ] && [ -s "$TMP/out" ]; then ok "$name ($kind) runs on $EX ($(wc -l < "$TMP/out") lines)"
        else not_ok "$name ($kind) runs on $EX" "exit $RC" "stderr: $(head -c 300 "$TMP/err")"; fi
        if [ -n "$want" ]; then
            cmp -s "$TMP/out" "$want" && ok "$name ($kind) prints exactly what the in-tree build prints" \
                || not_ok "$name ($kind) prints exactly what the in-tree build prints" "$(diff "$want" "$TMP/out" | head -5)"
        else
            skip "$name ($kind) prints what the in-tree build prints" "$ref not built (make check-install builds it)"
        fi
    done
done
[ "$nex" -gt 0 ] && ok "$nex example program(s) tried" || not_ok "examples/*.c holds example programs"

# summarize_files prints each sentence with its article and byte range (as
# tests/cli/test_summarize.sh checks for the in-tree build).
if [ -x "$TMP/summarize_files.shared" ]; then
    run env LD_LIBRARY_PATH="$P/lib" "$TMP/summarize_files.shared" $EX/*
    expect_stdout '^\[00[0-3]_[0-9a-f]+\.txt [0-9]+-[0-9]+\] ' "summarize_files (shared) prints each sentence with its article and byte range"
fi

# ---- man precis ------------------------------------------------------------------
if command -v man >/dev/null 2>&1; then
    LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat PAGER=cat man -M "$P/share/man" precis >"$TMP/out" 2>"$TMP/err" </dev/null
    RC=$?
    if [ "$RC" -eq 0 ] && grep -q 'precis summarize' "$TMP/out" && grep -q '^EXIT STATUS' "$TMP/out"; then
        ok "man -M PREFIX/share/man precis renders the page ($(wc -l < "$TMP/out") lines)"
    else not_ok "man -M PREFIX/share/man precis renders the page" "exit $RC" "$(head -c 300 "$TMP/err")"; fi
    lacking=""
    for s in NAME SYNOPSIS DESCRIPTION COMMANDS OUTPUT 'EXIT STATUS' LIMITS FILES EXAMPLES; do
        grep -q "^$s\$" "$TMP/out" || lacking="$lacking, section $s"
    done
    for c in summarize eval rouge train; do
        grep -q "^   precis $c\$" "$TMP/out" || lacking="$lacking, precis $c"
    done
    [ -z "$lacking" ] && ok "the man page has its sections and the four commands" \
        || not_ok "the man page has its sections and the four commands" "lacks${lacking#,}"
    LC_ALL=C.UTF-8 MANPATH="$P/share/man" man -P cat precis >/dev/null 2>"$TMP/err" </dev/null \
        && ok "MANPATH=PREFIX/share/man man precis works" || not_ok "MANPATH=PREFIX/share/man man precis works" "$(head -c 300 "$TMP/err")"
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -M "$P/share/man" -P cat precis >/dev/null 2>"$TMP/err" </dev/null
    [ ! -s "$TMP/err" ] && ok "groff reports no warning on the page" || not_ok "groff reports no warning on the page" "$(head -5 "$TMP/err")"
else
    skip "man precis renders the page" "man is not installed (scripts/install-deps.sh installs man-db)"
    if command -v groff >/dev/null 2>&1; then
        groff -man -Tutf8 -ww -z "$P/share/man/man1/precis.1" 2>"$TMP/err" && [ ! -s "$TMP/err" ] \
            && ok "groff -man renders the installed page without warning" \
            || not_ok "groff -man renders the installed page without warning" "$(head -5 "$TMP/err")"
    fi
fi

# ---- DESTDIR ---------------------------------------------------------------------
D="$TMP/stage"
FAKE=/nonexistent-precis-prefix
if make_install "$TMP/destdir.log" DESTDIR="$D" PREFIX="$FAKE" && [ -f "$D$FAKE/lib/$SOFILE" ] \
    && [ -f "$D$FAKE/share/man/man1/precis.1" ] && [ ! -e "$FAKE" ] \
    && grep -qx "prefix=$FAKE" "$D$FAKE/lib/pkgconfig/precis.pc"; then
    ok "make install DESTDIR=... stages under DESTDIR, precis.pc names PREFIX"
else
    not_ok "make install DESTDIR=... stages under DESTDIR, precis.pc names PREFIX" "$(tail -5 "$TMP/destdir.log")"
fi
