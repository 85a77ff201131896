# precis: build, test, install.
#
#   make              release build: build/release/precis, libprecis.a/.so
#   make example      installs missing dependencies, builds, summarizes examples/daraa
#   make test         the whole test suite under AddressSanitizer + UBSan
#   make install PREFIX=/usr/local
#
# Missing Debian packages are installed by scripts/install-deps.sh.

PREFIX  ?= /usr/local
MODE    ?= release
CC      ?= cc
PKGS    := libutf8proc jansson liblzma zlib

WARN    := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wno-unused-parameter
ifeq ($(MODE),asan)
  OPT   := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
  OPT   := -O2 -g
endif
B       := build/$(MODE)

# Missing dependencies are installed before anything is built (not for clean).
ifneq ($(MAKECMDGOALS),clean)
  DEPS_OK := $(shell scripts/check-deps.sh && echo yes)
  ifneq ($(DEPS_OK),yes)
    $(info make: installing missing dependencies with scripts/install-deps.sh)
    DEPS_OK := $(shell scripts/install-deps.sh >&2; scripts/check-deps.sh && echo yes)
    ifneq ($(DEPS_OK),yes)
      $(error dependencies are missing: run scripts/install-deps.sh as root)
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

.PHONY: all example test check clean install bench
.SECONDARY:
all: $(B)/precis $(B)/libprecis.a $(B)/libprecis.so

$(B)/%.o: %.c include/precis.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(B)/tools/gen_table: tools/gen_table.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror $< -o $@

$(B)/gen/%.c: data/%.tsv $(B)/tools/gen_table
	@mkdir -p $(dir $@)
	$(B)/tools/gen_table $(subst -,_,$*)_table $< > $@.tmp && mv $@.tmp $@

$(B)/gen/%.o: $(B)/gen/%.c src/table.h
	$(CC) -std=c11 -O1 -Isrc -c $< -o $@

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

$(B)/tests/%: tests/unit/%.c tests/unit/test_util.h $(B)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit $< -o $@ $(B)/libprecis.a $(PKG_LIBS) $(TEST_LIBS)

example: all
	$(B)/precis summarize examples/daraa/

# The whole suite, sanitizers on: unit tests, then CLI tests.
test:
	$(MAKE) --no-print-directory MODE=asan check

# examples/ programs use only the public header and the library.
$(B)/examples/%: examples/%.c $(B)/libprecis.a include/precis.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(OPT) -Iinclude $< -o $@ $(B)/libprecis.a $(PKG_LIBS)

check: $(B)/precis $(TESTS) $(B)/examples/summarize_files
	@tests/run.sh $(B)

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
	$(CC) $(CFLAGS_ALL) $< -o $@ $(B)/libprecis.a $(PKG_LIBS)

.PHONY: idf
idf: $(B)/tools/build_idf
	$(B)/tools/build_idf 3 $(SHARED)/data/multinews/train.jsonl.xz > data/idf.tsv.tmp
	mv data/idf.tsv.tmp data/idf.tsv
	$(B)/tools/build_idf --summary 5 $(SHARED)/data/multinews/train.jsonl.xz > data/summary_prob.tsv.tmp
	mv data/summary_prob.tsv.tmp data/summary_prob.tsv

# The learned models, fitted on the Multi-News train split: first word
# importance (its output is a feature of the sentence scorer), then the
# sentence scorer with the rebuilt binary.  About a minute on 2 cores.
.PHONY: weights
weights:
	$(MAKE) --no-print-directory $(B)/precis
	$(B)/precis train --target words --limit 8000 $(SHARED)/data/multinews/train.jsonl.xz > data/word_weights.tsv.tmp
	mv data/word_weights.tsv.tmp data/word_weights.tsv
	$(MAKE) --no-print-directory $(B)/precis
	$(B)/precis train --target density $(SHARED)/data/multinews/train.jsonl.xz > data/weights.tsv.tmp
	mv data/weights.tsv.tmp data/weights.tsv
