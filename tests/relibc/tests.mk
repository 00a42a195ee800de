# SPDX-License-Identifier: MIT
# Sub-make of check-relibc for one arch (run by tests/relibc/run.sh, never
# included by the top Makefile): compiles relibc's C tests against the sysroot
# with the wrapper, caches objects and binaries under OUT, and runs every
# test that is not skipped in redox-run (run-one.sh writes one result file per
# test). The test lists come from relibc's own tests/Makefile.tests.mk, read in
# place with the settings of a static Redox build (IS_REDOX=1, IS_STATIC=1).
#
# Inputs (all required): ARCH TRIPLE RELIBC_SRC SYSROOT OUT REDOX_RUN SKIPS
.DELETE_ON_ERROR:
.SUFFIXES:
.DEFAULT_GOAL := all

T := $(RELIBC_SRC)/tests
IS_REDOX := 1
IS_STATIC := 1
# Makefile.tests.mk appends $(BUILD)/... paths to BINS/EXPECT_BINS; those stay
# unused here, only the *_NAMES lists are read.
BUILD := $(OUT)/upstream-unused
include $(T)/Makefile.tests.mk

# Upstream's runner compares stdout/stderr for these ...
CMP_NAMES := $(EXPECT_NAMES) $(STATIC_CHECK_EXPECT_NAMES) $(DYNAMIC_ONLY_EXPECT_NAMES)
# ... and only the exit status for these (run with -s).
STATUS_NAMES := $(VARIED_NAMES)
ALL_NAMES := $(CMP_NAMES) $(STATUS_NAMES) $(EXPECT_INPUT_NAMES)
SKIP_NAMES := $(shell sed -n 's/^\([^#[:space:]][^[:space:]]*\)[[:space:]].*/\1/p' $(SKIPS))
RUN_NAMES := $(filter-out $(SKIP_NAMES),$(ALL_NAMES))

CC_W := $(SYSROOT)/bin/$(TRIPLE)-clang
LIB := $(SYSROOT)/$(TRIPLE)/lib
# What the wrapper does to a compile (predefined macros, the clang command
# line it runs) is recorded in cc.stamp, rewritten only when it changes: an
# edit of the wrapper that does not change the compile rebuilds nothing.
CC_STAMP := $(OUT)/cc.stamp
LINK_DEPS := $(LIB)/libc.a $(LIB)/crt0.o $(LIB)/crti.o $(LIB)/crtn.o $(wildcard $(LIB)/libgcc.a) $(CC_STAMP)

# Upstream's FLAGS (tests/Makefile) minus what the wrapper does itself
# (-nostdlib + crt objects + libc.a, -isystem $(SYSROOT)/include, -static).
# Upstream compiles with Redox's GCC. These clang diagnostics, errors under
# -Werror, have no counterpart in GCC with the same flags, so they are off:
# -Wstrict-prototypes and -Wnewline-eof (in clang's -pedantic, not GCC's),
# -Wc23-extensions (GCC does not warn for [[]] and static_assert(x) coming
# from system-header macros: features.h __deprecated, assert.h), and
# -Warray-bounds (GCC needs optimisation to see it; the tests build at -O0).
RT_CFLAGS := -fno-builtin -fno-stack-protector -Wall -Wextra -Werror \
	-Wno-deprecated-declarations -pedantic -g -nostdinc -I $(T) \
	-Wno-strict-prototypes -Wno-newline-eof -Wno-c23-extensions -Wno-array-bounds \
	$(if $(filter aarch64,$(ARCH)),-mno-outline-atomics)
# Static link against relibc's libc.a, our builtins (-lgcc, the wrapper adds
# it) and our unwinder (-lunwind; relibc defines a weak _Unwind_Resume of its
# own, so it pulls nothing unless a test needs it). --gc-sections keeps each
# binary ~0.3 MB instead of ~4 MB; RELIBC_TEST_LDFLAGS= links as upstream.
RELIBC_TEST_LDFLAGS ?= -Wl,--gc-sections
RT_LDLIBS := -lunwind

$(CC_STAMP): FORCE
	@mkdir -p $(@D)
	@{ $(CC_W) -dM -E -x c /dev/null; $(CC_W) -v $(RT_CFLAGS) -x c -c /dev/null -o /dev/null 2>&1 | grep -e '-cc1 '; \
	   echo '$(RELIBC_TEST_LDFLAGS) $(RT_LDLIBS)'; } > $@.tmp 2>&1
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi

obj = $(OUT)/obj/$(1).o
bin = $(OUT)/bin/$(1)

# A source that only holds the name of a file beside it is an upstream
# symlink flattened into a file (pthread/init.c -> init.cpp): compile the
# target, as C.
resolve = f=$(1); n=$$(head -c 64 "$$f"); case $$n in */*|'') ;; *) [ $$(wc -c < "$$f") -lt 64 ] && \
	[ -f "$$(dirname "$$f")/$$n" ] && f=$$(dirname "$$f")/$$n ;; esac
$(OUT)/obj/%.o: $(T)/%.c $(SYSROOT)/$(TRIPLE)/include/stdio.h $(CC_STAMP)
	@mkdir -p $(@D)
	@$(call resolve,$<); $(CC_W) $(RT_CFLAGS) -MD -MP -MF $(@:.o=.d) -x c -c "$$f" -o $@ > $(@:.o=.log) 2>&1 || \
		{ echo "relibc $(ARCH): compile error: $*"; rm -f $@; exit 1; }
	@rm -f $(@:.o=.log)

# pthread/init_cpp: upstream builds pthread/init.cpp as C++ (%_cpp: %.cpp).
$(OUT)/obj/%_cpp.o: $(T)/%.cpp $(SYSROOT)/$(TRIPLE)/include/stdio.h $(CC_STAMP)
	@mkdir -p $(@D)
	@$(CC_W) -x c++ $(filter-out -pedantic,$(RT_CFLAGS)) -MD -MP -MF $(@:.o=.d) -c $< -o $@ > $(@:.o=.log) 2>&1 || \
		{ echo "relibc $(ARCH): compile error: $*_cpp"; rm -f $@; exit 1; }
	@rm -f $(@:.o=.log)

$(OUT)/bin/%: $(OUT)/obj/%.o $(LINK_DEPS)
	@mkdir -p $(@D)
	@$(CC_W) $< -o $@ $(RELIBC_TEST_LDFLAGS) $(RT_LDLIBS) > $@.log 2>&1 || \
		{ echo "relibc $(ARCH): link error: $*"; rm -f $@; exit 1; }
	@rm -f $@.log

.PRECIOUS: $(OUT)/obj/%.o $(OUT)/obj/%_cpp.o
.SECONDARY:

# One result file per test that runs; run-one.sh always exits 0 once it has
# written its verdict, so make -k only stops a test at a build error.
$(OUT)/res/%: $(OUT)/bin/% FORCE
	@mkdir -p $(@D)
	@sh tests/relibc/run-one.sh "$*" "$(if $(filter $*,$(STATUS_NAMES)),status,compare)" > $@.tmp && mv -f $@.tmp $@

.PHONY: all build FORCE list
build: $(foreach n,$(RUN_NAMES),$(call bin,$(n)))
all: $(foreach n,$(RUN_NAMES),$(OUT)/res/$(n))
FORCE:

# list: one line per test in the suite, "name kind" (compare/status/input).
list:
	@$(foreach n,$(CMP_NAMES),echo "$(n) compare";) :
	@$(foreach n,$(STATUS_NAMES),echo "$(n) status";) :
	@$(foreach n,$(EXPECT_INPUT_NAMES),echo "$(n) input";) :

-include $(wildcard $(foreach n,$(RUN_NAMES),$(OUT)/obj/$(n).d))
