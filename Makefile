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
#   make golden       rewrites tests/golden/ (examples/daraa's exact output)
#   make install PREFIX=/usr/local
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
  OPT   := -O2 -g
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
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lglpk -lm -lpthread
TEST_LIBS  := $(shell pkg-config --libs cmocka 2>/dev/null)

CFLAGS_ALL := $(WARN) $(OPT) -fPIC -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL := $(OPT) $(LDFLAGS)

LIB_SRC  := $(filter-out $(EXCLUDE),$(sort $(wildcard src/*.c)))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
DATA_TABLES := stopwords idf summary_prob weights word_weights rouge_stopwords rouge_wordnet

LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(DATA_TABLES:%=$(B)/gen/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all example test check check-tsan check-pathological golden clean install bench FORCE
.SECONDARY:
all: $(B)/precis $(B)/libprecis.a $(B)/libprecis.so

# Header dependencies: every compile writes the headers it read to a .d file
# beside its output (-MMD -MP), and make reads them back.  An object (or
# program) that has no .d yet, such as one built by an older Makefile, is
# rebuilt once so that it gets one.
DEPFLAGS  = -MMD -MP -MF $@.d -MT $@
DEP_TARGETS := $(LIB_OBJ) $(CLI_OBJ) $(TESTS) $(B)/tools/gen_table $(B)/tools/build_idf \
               $(patsubst %.c,$(B)/%,$(wildcard examples/*.c))
-include $(wildcard $(DEP_TARGETS:=.d))
$(filter-out $(patsubst %.d,%,$(wildcard $(DEP_TARGETS:=.d))),$(wildcard $(DEP_TARGETS))): FORCE
FORCE:

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(DEPFLAGS) -c $< -o $@

$(B)/tools/gen_table: tools/gen_table.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror $(DEPFLAGS) $< -o $@

$(B)/gen/%.c: data/%.tsv $(B)/tools/gen_table
	@mkdir -p $(dir $@)
	$(B)/tools/gen_table $(subst -,_,$*)_table $< > $@.tmp && mv $@.tmp $@

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) -std=c11 -O1 -Isrc $(DEPFLAGS) -c $< -o $@

$(B)/libprecis.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/libprecis.so: $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

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
	$(MAKE) --no-print-directory MODE=tsan check-tsan
	$(MAKE) --no-print-directory fuzz-replay

# examples/ programs use only the public header and the library.
$(B)/examples/%: examples/%.c $(B)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) -Iinclude $(DEPFLAGS) $< -o $@ $(B)/libprecis.a $(PKG_LIBS)

check: $(B)/precis $(TESTS) $(B)/examples/summarize_files $(B)/examples/brief
	@tests/run.sh $(B)

# Use with MODE=tsan (make test does).
check-tsan: $(B)/precis $(B)/tests/test_brief
	@tests/run.sh $(B) tests/tsan/test_batch.sh

# Inputs built to exhaust time or memory, under limits of both (release
# build: the sanitizers' own memory would hide the figures).
check-pathological: $(B)/precis
	@tests/run.sh $(B) tests/pathological/test_pathological.sh

# Rewrites the golden outputs of examples/daraa/ with the release build; for a
# deliberate change of its summary only (tests/cli/test_golden.sh).
golden:
	$(MAKE) --no-print-directory MODE=release build/release/precis
	tests/golden/update.sh build/release/precis

bench: all
	bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 755 $(B)/precis $(DESTDIR)$(PREFIX)/bin/precis
	install -m 644 $(B)/libprecis.a $(B)/libprecis.so $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/precis.h $(DESTDIR)$(PREFIX)/include/precis.h

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
