# casewalk - a terminal case explorer for U.S. immigration cases.
#
#   make            build ./casewalk
#   make run        build, then open the explorer on the sample cases
#   make check      every test: unit (cmocka), CLI goldens, rules tests,
#                   memo, deadlines and CSV (tests/practice.sh),
#                   screen tests, tmux, the redaction sweep, the bench's
#                   tools, ASan+UBSan+LSan,
#                   valgrind, fuzz smoke
#   make bench      the speed table of the README (100,000 cases)
#   make fuzz       run each fuzzer for FUZZ_SECONDS (default 300)
#   make install    to $(DESTDIR)$(PREFIX)
#
# `run` and `check` first install missing Debian packages when run as root
# (scripts/install-deps.sh); V=1 shows the commands.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/casewalk
MANDIR ?= $(PREFIX)/share/man
CC ?= cc
PKG_CONFIG ?= pkg-config
BUILD ?= build
FUZZ_SECONDS ?= 300

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIBS_PC := ncursesw yaml-0.1 libutf8proc
CORE_PC := yaml-0.1 libutf8proc
PC_CFLAGS := $(filter-out -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600,$(shell $(PKG_CONFIG) --cflags $(LIBS_PC) 2>/dev/null))
PC_LIBS := $(shell $(PKG_CONFIG) --libs $(LIBS_PC) 2>/dev/null)
CORE_LIBS := $(shell $(PKG_CONFIG) --libs $(CORE_PC) 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2
ifeq ($(WERROR),1)
WARN += -Werror
endif
CPPFLAGS_ALL := -Isrc -I$(BUILD) -D_FILE_OFFSET_BITS=64 \
	-DCASEWALK_DATADIR='"$(DATADIR)"' -DCASEWALK_MANDIR='"$(MANDIR)"' \
	-DCASEWALK_SRCDIR='"$(CURDIR)"' $(CPPFLAGS)
ALL_CFLAGS := -std=c11 $(WARN) $(PC_CFLAGS) $(CPPFLAGS_ALL) $(SAN) $(CFLAGS)
ALL_LDFLAGS := $(SAN) $(LDFLAGS)

# REDZONE=1 (make sanitize) builds with tests/fuzz/arena_redzone.c for
# src/arena.c: each arena allocation its own heap block, so AddressSanitizer
# sees an overflow from one arena object into the next.
CORE_SRC := $(filter-out $(if $(REDZONE),src/arena.c),\
	$(wildcard src/*.c)) $(if $(REDZONE),tests/fuzz/arena_redzone.c)
CLI_SRC := $(wildcard cli/*.c)
UI_SRC := $(wildcard ui/*.c)
CONFIG := $(wildcard config/*.yaml config/*.conf)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/embedded.o
UI_OBJ := $(UI_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TOOLS := $(BUILD)/tools/yamlfloor $(BUILD)/tools/gencases

.PHONY: all run check check-all deps deps-check unit cli-test rules-test \
	practice-test \
	screen-test tmux-test redact-test tools-test sanitize valgrind hardening fuzz \
	fuzz-smoke \
	man-check \
	bench install uninstall clean

all: casewalk

casewalk: $(BUILD)/casewalk
	$(Q)cp $< $@

# Linked in the build directory, so the sanitizer build (BUILD=build-asan)
# never replaces ./casewalk.
$(BUILD)/casewalk: $(CLI_OBJ) $(UI_OBJ) $(BUILD)/libcasewalk.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PC_LIBS) -lpthread

$(BUILD)/libcasewalk.a: $(CORE_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# config/ is compiled in: the program runs with nothing installed.
$(BUILD)/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -O1 -o $@ $<

$(BUILD)/embedded.c: $(CONFIG) $(BUILD)/embed
	@echo "  EMBED   $(CONFIG)"
	$(Q)for f in $(CONFIG); do \
		n=embedded_$$(basename $$f | tr '.-' '__'); \
		$(BUILD)/embed $$n $$f || exit 1; \
	done > $@.tmp && mv $@.tmp $@

$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(Q)$(CC) -std=c11 -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(BUILD)/libcasewalk.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< \
		$(BUILD)/libcasewalk.a $(ALL_LDFLAGS) $(CORE_LIBS) \
		$(CMOCKA_LIBS) -lpthread

$(BUILD)/tools/%: tools/%.c $(BUILD)/libcasewalk.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libcasewalk.a \
		$(ALL_LDFLAGS) $(CORE_LIBS) -lpthread

# ---- the newcomer's two commands ------------------------------------------

deps:
	$(Q)scripts/install-deps.sh run

deps-check:
	$(Q)scripts/install-deps.sh check

run: deps
	$(Q)$(MAKE) --no-print-directory casewalk
	./casewalk

check: deps-check
	$(Q)$(MAKE) --no-print-directory WERROR=1 check-all

check-all: casewalk $(TEST_BIN)
	$(Q)$(MAKE) --no-print-directory unit cli-test rules-test \
		practice-test screen-test tmux-test redact-test man-check \
		tools-test
	$(Q)$(MAKE) --no-print-directory sanitize
	$(Q)$(MAKE) --no-print-directory valgrind
	$(Q)$(MAKE) --no-print-directory hardening
	$(Q)$(MAKE) --no-print-directory fuzz-smoke
	@echo "make check: all passed"

unit: $(TEST_BIN)
	$(Q)tests/run-unit.sh $(TEST_BIN)

cli-test: casewalk
	$(Q)tests/cli.sh ./casewalk

# memo, deadlines (iCalendar), CSV for spreadsheets, the same person twice
practice-test: casewalk
	$(Q)tests/practice.sh ./casewalk

rules-test: casewalk
	$(Q)./casewalk test --as-of 2026-11-27 tests/rules/*.yaml
	$(Q)tests/rules-coverage.sh
	$(Q)tests/legal-literals.sh

screen-test: casewalk
	$(Q)tests/screen.sh ./casewalk

tmux-test: casewalk
	$(Q)tests/tmux.sh ./casewalk

# redaction that cannot leak (issue 15): every view, prompt and output
redact-test: casewalk
	$(Q)tests/redact-sweep.sh ./casewalk

# the bench's generator and floor are right (make bench times them)
tools-test: casewalk $(TOOLS)
	$(Q)tests/tools.sh ./casewalk $(BUILD)/tools/gencases $(BUILD)/tools/yamlfloor

man-check: casewalk
	$(Q)tests/man-check.sh ./casewalk
	$(Q)tests/man-facts-check.sh
	$(Q)tests/law-check.sh ./casewalk
	$(Q)for m in man/*.1 man/*.5 man/*.7; do \
		groff -man -Tutf8 -ww -z $$m 2>&1 | grep . && exit 1; done; \
		echo "man pages render without warnings"

# The whole suite again under AddressSanitizer, UBSan and LeakSanitizer.
sanitize:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan WERROR=1 REDZONE=1 \
		CFLAGS="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" \
		casewalk-asan-tests

casewalk-asan-tests: $(BUILD)/casewalk $(TEST_BIN)
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		tests/run-unit.sh $(TEST_BIN)
	$(Q)ASAN_OPTIONS=detect_leaks=1 tests/cli.sh $(BUILD)/casewalk
	$(Q)ASAN_OPTIONS=detect_leaks=1 tests/practice.sh $(BUILD)/casewalk
	$(Q)ASAN_OPTIONS=detect_leaks=1 tests/screen.sh $(BUILD)/casewalk
	$(Q)ASAN_OPTIONS=detect_leaks=1 $(BUILD)/casewalk test --as-of 2026-11-27 \
		tests/rules/*.yaml >/dev/null

valgrind: casewalk
	$(Q)tests/valgrind.sh ./casewalk

# Faults, hostile text and the read-only guarantee (issue 6).
hardening: casewalk
	$(Q)tests/hardening.sh ./casewalk

fuzz-smoke:
	$(Q)FUZZ_SECONDS=$${FUZZ_SMOKE_SECONDS:-30} tests/fuzz.sh smoke

fuzz:
	$(Q)scripts/install-deps.sh fuzz
	$(Q)FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz.sh long

bench: deps-check
	$(Q)$(MAKE) --no-print-directory casewalk $(TOOLS)
	$(Q)tools/bench.sh

# ---- install ---------------------------------------------------------------

install: casewalk
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(DATADIR)/cases $(DESTDIR)$(DATADIR)/config
	install -m 755 casewalk $(DESTDIR)$(BINDIR)/casewalk
	install -m 644 man/casewalk.1 $(DESTDIR)$(MANDIR)/man1/casewalk.1
	install -m 644 man/casewalk-cases.5 man/casewalk-rules.5 \
		$(DESTDIR)$(MANDIR)/man5/
	install -m 644 man/casewalk-law.7 $(DESTDIR)$(MANDIR)/man7/casewalk-law.7
	install -m 644 testdata/cases/*.yaml $(DESTDIR)$(DATADIR)/cases/
	install -m 644 $(CONFIG) $(DESTDIR)$(DATADIR)/config/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/casewalk $(DESTDIR)$(MANDIR)/man1/casewalk.1 \
		$(DESTDIR)$(MANDIR)/man5/casewalk-cases.5 \
		$(DESTDIR)$(MANDIR)/man5/casewalk-rules.5 \
		$(DESTDIR)$(MANDIR)/man7/casewalk-law.7
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-fuzz casewalk

-include $(shell find $(sort $(BUILD) build build-asan) -name '*.d' 2>/dev/null)
