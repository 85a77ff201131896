# precis: build, test, install.
#
#   make              release build: build/release/precis, libprecis.a/.so
#   make example      builds, summarizes examples/daraa
#   make test         the whole test suite under AddressSanitizer + UBSan
#                     (build/asan), again on the -O2 release build
#                     (build/release), the pathological inputs under time
#                     and memory limits (release), batch summarize under
#                     ThreadSanitizer (build/tsan), and the fuzz targets'
#                     corpora and reproducers (build/fuzz, clang)
#   make fuzz SECONDS=N   each libFuzzer target for N seconds
#   make check        the suite on one build (MODE=release by default, or asan)
#   make check-python the Python package and its Dask batch (python/)
#   make golden       rewrites tests/golden/ (examples/daraa's exact output)
#   make install PREFIX=/usr/local [DESTDIR=...]
#                     bin/precis, bin/precis-serve, include/*.h, lib/libprecis.a,
#                     lib/libprecis.so.X.Y.Z (+ .so.X, .so links),
#                     lib/pkgconfig/precis.pc, share/man/man1/precis.1
#
# make never installs anything: when a dependency is missing it stops and
# says so; scripts/install-deps.sh (run by scripts/quickstart.sh and .ci/run)
# installs the Debian packages.

PREFIX  ?= /usr/local
MODE    ?= release
CC      ?= cc
PKGS    := libutf8proc jansson liblzma zlib

WARN    := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wno-unused-parameter
ifeq ($(MODE),asan)
  OPT   := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else ifeq ($(MODE),tsan)
  OPT   := -O1 -g -fsanitize=thread -fno-omit-frame-pointer
else
  # -fvect-cost-model=dynamic: GCC vectorizes loops such as LexRank's power
  # iteration, 5% of a summary's time, which its -O2 default leaves scalar.
  # The results are bit for bit the same: without -ffast-math GCC never
  # reorders a floating-point sum, it only runs independent elements side by
  # side.
  OPT   := -O2 -g -fvect-cost-model=dynamic
endif
B       := build/$(MODE)

# Dependencies are checked, never installed, while the Makefile is read (not
# for clean; once per run: sub-makes skip it).  check-deps.sh names what is
# missing on stderr.
ifeq ($(MAKELEVEL),0)
  ifneq ($(filter-out clean,$(or $(MAKECMDGOALS),all)),)
    ifneq ($(shell CC='$(CC)' scripts/check-deps.sh && echo yes),yes)
      $(error build dependencies are missing: run scripts/install-deps.sh as root (or with sudo), then make again)
    endif
  endif
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# Libraries without a pkg-config file (precis.pc's Libs.private).
NOPC_LIBS  := -lstemmer -lglpk -lm -lpthread
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(NOPC_LIBS)
TEST_LIBS  := $(shell pkg-config --libs cmocka 2>/dev/null)
SERVE_LIBS := $(shell pkg-config --libs libmicrohttpd 2>/dev/null)

# src/ is laid out by role (src/README.md); each room's headers are found by
# name, so a module includes "text.h", not "../base/text.h".
SRC_DIRS := $(sort $(dir $(wildcard src/*/*.c src/*/*.h)))
SRC_INCLUDES := $(patsubst %/,-I%,$(SRC_DIRS))
CFLAGS_ALL := $(WARN) $(OPT) -fPIC -Iinclude $(SRC_INCLUDES) $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL := $(OPT) $(LDFLAGS)

LIB_SRC  := $(sort $(wildcard src/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
# `precis serve` (serve/): the HTTP server, linked into the command; its
# web page is compiled in from serve/page/index.html (tools/embed.c).
SERVE_SRC := $(sort $(wildcard serve/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
DATA_TABLES := stopwords idf summary_prob weights word_weights rouge_stopwords rouge_wordnet

LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(DATA_TABLES:%=$(B)/gen/%.o)
SERVE_OBJ := $(SERVE_SRC:%.c=$(B)/%.o) $(B)/gen/page.o
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)

# The shared library exports only what the public headers declare with
# PRECIS_API (all named precis_*): the library's objects are compiled with
# hidden visibility.  libprecis.a is unaffected (the command, the unit tests
# and the tools link it and use internal functions).  The version comes from
# include/precis.h; the SONAME changes with the major version.
LIB_VISIBILITY := -fvisibility=hidden
$(LIB_OBJ): VISIBILITY := $(LIB_VISIBILITY)
VERSION  := $(shell awk '$$2 == "PRECIS_VERSION_STRING" { gsub(/"/, "", $$3); print $$3 }' include/precis.h)
SONAME   := libprecis.so.$(firstword $(subst ., ,$(VERSION)))
SOFILE   := libprecis.so.$(VERSION)
PUBLIC_HEADERS := $(sort $(wildcard include/*.h))
EXAMPLES := $(patsubst examples/%.c,$(B)/examples/%,$(wildcard examples/*.c))

.PHONY: all example test check check-tsan check-pathological check-install check-python bench-python golden clean install bench FORCE
.SECONDARY:
all: $(B)/precis $(B)/precis-serve $(B)/libprecis.a $(B)/libprecis.so

# Header dependencies: every compile writes the headers it read to a .d file
# beside its output (-MMD -MP), and make reads them back.  An object (or
# program) that has no .d yet, such as one built by an older Makefile, is
# rebuilt once so that it gets one.
DEPFLAGS  = -MMD -MP -MF $@.d -MT $@
DEP_TARGETS := $(LIB_OBJ) $(CLI_OBJ) $(SERVE_OBJ) $(TESTS) $(B)/tools/gen_table $(B)/tools/build_idf $(B)/tools/embed \
               $(patsubst %.c,$(B)/%,$(wildcard examples/*.c))
-include $(wildcard $(DEP_TARGETS:=.d))
$(filter-out $(patsubst %.d,%,$(wildcard $(DEP_TARGETS:=.d))),$(wildcard $(DEP_TARGETS))): FORCE
FORCE:

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(VISIBILITY) $(EXTRA_INCLUDES) $(DEPFLAGS) -c $< -o $@
$(SERVE_OBJ): EXTRA_INCLUDES := -Icli -Iserve

$(B)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror $(DEPFLAGS) $< -o $@

$(B)/gen/page.c: serve/page/index.html $(B)/tools/embed
	@mkdir -p $(dir $@)
	$(B)/tools/embed serve_page_html $< > $@.tmp && mv $@.tmp $@

$(B)/gen/page.o: $(B)/gen/page.c
	$(CC) -std=c11 -O1 $(DEPFLAGS) -c $< -o $@

$(B)/tools/gen_table: tools/gen_table.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror $(DEPFLAGS) $< -o $@

$(B)/gen/%.c: data/%.tsv $(B)/tools/gen_table
	@mkdir -p $(dir $@)
	$(B)/tools/gen_table $(subst -,_,$*)_table $< > $@.tmp && mv $@.tmp $@

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) -std=c11 -O1 -Isrc/base $(VISIBILITY) $(DEPFLAGS) -c $< -o $@

# Objects compiled before the visibility flag existed are rebuilt: they
# depend on a stamp that holds it, rewritten only when it changes.
$(B)/visibility.flags: FORCE
	@mkdir -p $(dir $@)
	@echo '$(LIB_VISIBILITY)' | cmp -s - $@ || echo '$(LIB_VISIBILITY)' > $@
$(LIB_OBJ): $(B)/visibility.flags

$(B)/libprecis.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/$(SOFILE): $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS_ALL) -Wl,-soname,$(SONAME) -o $@ $^ $(PKG_LIBS)

$(B)/$(SONAME): $(B)/$(SOFILE)
	ln -sf $(SOFILE) $@

$(B)/libprecis.so: $(B)/$(SONAME)
	ln -sf $(SONAME) $@

# The command links its dependencies statically when their archives are
# installed (Debian's -dev packages ship them): a fresh process then maps one
# file instead of eight, which is most of its start-up time.
STATIC_DEPS := $(shell for l in utf8proc jansson lzma z stemmer glpk ltdl; do \
                 [ -f /usr/lib/$$(gcc -print-multiarch 2>/dev/null)/lib$$l.a ] || exit 0; done; \
                 echo "-Wl,-Bstatic -lutf8proc -ljansson -llzma -lglpk -lltdl -lz -lstemmer -Wl,-Bdynamic -ldl -lm -lpthread")
# A position-dependent executable has no relocations for the loader to
# apply at start-up (the static archives hold many pointer tables).
ifeq ($(MODE),release)
  CLI_LIBS := $(if $(STATIC_DEPS),$(STATIC_DEPS),$(PKG_LIBS))
  CLI_LDFLAGS := -no-pie
else
  CLI_LIBS := $(PKG_LIBS)
  CLI_LDFLAGS :=
endif

$(B)/precis: $(CLI_OBJ) $(B)/libprecis.a
	$(CC) $(LDFLAGS_ALL) $(CLI_LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libprecis.a $(CLI_LIBS)

# `precis serve` execs precis-serve (serve/main.c says why it is a program of
# its own): the server with the command's shared helpers (cli/, but its main).
$(B)/precis-serve: $(SERVE_OBJ) $(filter-out $(B)/cli/precis.o,$(CLI_OBJ)) $(B)/libprecis.a
	$(CC) $(LDFLAGS_ALL) $(CLI_LDFLAGS) -o $@ $^ $(CLI_LIBS) $(SERVE_LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(DEPFLAGS) -Itests/unit $< -o $@ $(B)/libprecis.a $(PKG_LIBS) $(TEST_LIBS)

example: all
	$(B)/precis summarize examples/daraa/

# The whole suite (unit tests, then CLI tests) under ASan + UBSan, then on
# the -O2 release build; then batch summarize and eval with 4 threads under
# ThreadSanitizer (any report fails).  Each suite ends with its own
# "N passed, N failed, N skipped" line.
test:
	$(MAKE) --no-print-directory MODE=asan check
	$(MAKE) --no-print-directory MODE=release check
	$(MAKE) --no-print-directory MODE=release check-pathological
	$(MAKE) --no-print-directory MODE=release check-install
	$(MAKE) --no-print-directory MODE=release check-python
	$(MAKE) --no-print-directory MODE=tsan check-tsan
	$(MAKE) --no-print-directory fuzz-replay

# examples/ programs use only the public header and the library.
$(B)/examples/%: examples/%.c $(B)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) -Iinclude $(DEPFLAGS) $< -o $@ $(B)/libprecis.a $(PKG_LIBS)

check: $(B)/precis $(B)/precis-serve $(TESTS) $(B)/examples/summarize_files $(B)/examples/brief
	@tests/run.sh $(B)

# Use with MODE=tsan (make test does): batch summarize and eval, and the
# server (its work queue, watchdog, cache and metrics under concurrent load).
check-tsan: $(B)/precis $(B)/precis-serve $(B)/tests/test_brief
	@tests/run.sh $(B) tests/tsan/test_batch.sh tests/cli/test_serve.sh

# Inputs built to exhaust time or memory, under limits of both (release
# build: the sanitizers' own memory would hide the figures).
check-pathological: $(B)/precis
	@tests/run.sh $(B) tests/pathological/test_pathological.sh

# make install into a scratch prefix, then what a user of the installed
# library does: only precis_* exported, the SONAME, every examples/*.c built
# with pkg-config (shared and static) and run, man precis.
check-install: all $(EXAMPLES)
	@tests/run.sh $(B) tests/install/test_install.sh

# The Python package (python/): offline installs into fresh virtual
# environments, pytest, the Dask batch on a two-worker LocalCluster.  Release
# build only: a sanitizer build's library cannot be loaded into python3.
check-python: $(B)/precis $(B)/libprecis.so
	@tests/python/run.sh $(B)

bench-python: all
	bench/python.sh

# Rewrites the golden outputs of examples/daraa/ with the release build; for a
# deliberate change of its summary only (tests/cli/test_golden.sh).
golden:
	$(MAKE) --no-print-directory MODE=release build/release/precis
	tests/golden/update.sh build/release/precis

bench: all
	bench/run.sh

# precis.pc is written for PREFIX (not DESTDIR, a staging root).
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/precis $(DESTDIR)$(PREFIX)/bin/precis
	install -m 755 $(B)/precis-serve $(DESTDIR)$(PREFIX)/bin/precis-serve
	install -m 644 $(B)/libprecis.a $(B)/$(SOFILE) $(DESTDIR)$(PREFIX)/lib/
	ln -sf $(SOFILE) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libprecis.so
	install -m 644 $(PUBLIC_HEADERS) $(DESTDIR)$(PREFIX)/include/
	install -m 644 docs/precis.1 $(DESTDIR)$(PREFIX)/share/man/man1/precis.1
	printf '%s\n' 'prefix=$(PREFIX)' 'exec_prefix=$${prefix}' 'libdir=$${exec_prefix}/lib' \
	    'includedir=$${prefix}/include' '' 'Name: precis' \
	    'Description: extractive, attributed summaries of clusters of news articles' \
	    'Version: $(VERSION)' 'Requires.private: $(PKGS)' 'Cflags: -I$${includedir}' \
	    'Libs: -L$${libdir} -lprecis' 'Libs.private: $(NOPC_LIBS)' \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/precis.pc
	chmod 644 $(DESTDIR)$(PREFIX)/lib/pkgconfig/precis.pc

clean:
	rm -rf build

# Background statistics: document frequencies over the Multi-News train split.
SHARED ?= ../shared
$(B)/tools/build_idf: tools/build_idf.c $(B)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(DEPFLAGS) $< -o $@ $(B)/libprecis.a $(PKG_LIBS)

.PHONY: idf
idf: $(B)/tools/build_idf
	$(B)/tools/build_idf 3 $(SHARED)/data/multinews/train.jsonl.xz > data/idf.tsv.tmp && mv data/idf.tsv.tmp data/idf.tsv || { rm -f data/idf.tsv.tmp; exit 1; }
	$(B)/tools/build_idf --summary 5 $(SHARED)/data/multinews/train.jsonl.xz > data/summary_prob.tsv.tmp && mv data/summary_prob.tsv.tmp data/summary_prob.tsv || { rm -f data/summary_prob.tsv.tmp; exit 1; }

# The learned models, fitted on the Multi-News train split: first word
# importance (its output is a feature of the sentence scorer), then the
# sentence scorer with the rebuilt binary.  About a minute on 2 cores.
.PHONY: weights
weights:
	$(MAKE) --no-print-directory $(B)/precis
	$(B)/precis train --target words --limit 8000 $(SHARED)/data/multinews/train.jsonl.xz > data/word_weights.tsv.tmp && mv data/word_weights.tsv.tmp data/word_weights.tsv || { rm -f data/word_weights.tsv.tmp; exit 1; }
	$(MAKE) --no-print-directory $(B)/precis
	$(B)/precis train --target density $(SHARED)/data/multinews/train.jsonl.xz > data/weights.tsv.tmp && mv data/weights.tsv.tmp data/weights.tsv || { rm -f data/weights.tsv.tmp; exit 1; }
include tests/fuzz/fuzz.mk
