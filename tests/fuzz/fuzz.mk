# tests/fuzz/fuzz.mk: libFuzzer targets of the public API (included at the
# end of the Makefile; uses its WARN, PKG_CFLAGS, PKG_LIBS, LIB_SRC and
# DATA_TABLES).
#
#   make fuzz-build          build/fuzz/fuzz_<target> for every target
#   make fuzz-replay         runs every target once over each file of its seed
#                            corpus (tests/fuzz/corpus/<target>/) and of its
#                            reproducers (tests/fuzz/reproducers/<target>/);
#                            `make test` runs it
#   make fuzz SECONDS=N      fuzzes each target for N seconds (default 60) on a
#                            scratch copy of its corpus (build/fuzz/corpus/);
#                            fails when a target finds a crash, leak, timeout
#                            or out-of-memory (saved in build/fuzz/artifacts/)
#   make fuzz FUZZ_TARGETS="fuzz_text fuzz_rouge" SECONDS=600
#
# The library is compiled with clang into build/fuzz/ with
# -fsanitize=fuzzer-no-link,address,undefined (every UBSan finding aborts),
# the targets are linked with -fsanitize=fuzzer.  Debian: clang and
# libclang-rt-dev (scripts/install-deps.sh installs them).

FUZZ_CC      ?= clang
FUZZ_B       := build/fuzz
FUZZ_DIR     := tests/fuzz
FUZZ_TARGETS ?= fuzz_json_line fuzz_sgml fuzz_text fuzz_rouge fuzz_lines fuzz_stream fuzz_request
SECONDS      ?= 60

FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := $(WARN) -O1 -g $(FUZZ_SAN) -Iinclude $(SRC_INCLUDES) $(PKG_CFLAGS) -MMD -MP
FUZZ_LIB_SRC := $(if $(LIB_SRC),$(LIB_SRC),$(sort $(wildcard src/*/*.c)))
FUZZ_TABLES  := $(if $(DATA_TABLES),$(DATA_TABLES),$(patsubst data/%.tsv,%,$(wildcard data/*.tsv)))
FUZZ_LIB_OBJ := $(FUZZ_LIB_SRC:%.c=$(FUZZ_B)/%.o) $(FUZZ_TABLES:%=$(FUZZ_B)/gen/%.o)
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_B)/%)

.PHONY: fuzz fuzz-build fuzz-replay

$(FUZZ_B)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_B)/tools/gen_table: tools/gen_table.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror $< -o $@

$(FUZZ_B)/gen/%.c: data/%.tsv $(FUZZ_B)/tools/gen_table
	@mkdir -p $(dir $@)
	$(FUZZ_B)/tools/gen_table $(subst -,_,$*)_table $< > $@.tmp && mv $@.tmp $@

$(FUZZ_B)/gen/%.o: $(FUZZ_B)/gen/%.c src/base/table.h
	$(FUZZ_CC) -std=c11 -O1 -Isrc/base -c $< -o $@

$(FUZZ_B)/libprecis.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_B)/fuzz_%: $(FUZZ_DIR)/fuzz_%.c $(FUZZ_B)/libprecis.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< -o $@ $(FUZZ_B)/libprecis.a $(PKG_LIBS)

# fuzz_request: the server's request parsing and routes (serve/), which
# use only the public API.
FUZZ_SERVE_OBJ := $(FUZZ_B)/serve/request.o $(FUZZ_B)/serve/routes.o
$(FUZZ_B)/serve/%.o: serve/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Iserve -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_B)/fuzz_request: $(FUZZ_DIR)/fuzz_request.c $(FUZZ_SERVE_OBJ) $(FUZZ_B)/libprecis.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Iserve -fsanitize=fuzzer $< -o $@ $(FUZZ_SERVE_OBJ) $(FUZZ_B)/libprecis.a $(PKG_LIBS)

-include $(wildcard $(FUZZ_B)/src/*/*.d $(FUZZ_B)/serve/*.d $(FUZZ_B)/*.d)

fuzz-build: $(FUZZ_BINS)

fuzz-replay: $(FUZZ_BINS)
	@sh $(FUZZ_DIR)/replay.sh $(FUZZ_B) $(FUZZ_TARGETS)

fuzz: $(FUZZ_BINS)
	@sh $(FUZZ_DIR)/run.sh $(FUZZ_B) $(SECONDS) $(FUZZ_TARGETS)
