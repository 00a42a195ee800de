# redox-run: run Redox x86_64/aarch64 programs on Linux (Unicorn 2.0.1).
# Other parts run e2e programs with `$(REDOX_RUN) prog args` and compare
# stdout and the exit status; see `redox-run --help` for the statuses.

RR_SRCS := $(addprefix tools/redox-run/,main.c elf.c stack.c vm.c syscall.c fd.c call.c fdtab.c signal.c fs.c \
	thread.c sched.c event.c shm.c \
	x86_64/cpu.c aarch64/cpu.c) tools/common/redox-load.c
RR_OBJS := $(RR_SRCS:%.c=$(BUILD)/host/obj/%.o)
RR_BIN  := $(BUILD)/tools/redox-run/redox-run
RR_UC_CFLAGS := $(shell pkg-config --cflags unicorn 2>/dev/null)

# How Unicorn is linked (make bench measures each step; README "Benchmark"):
#   static (default): Debian's libunicorn.a, only the x86 and arm64 engines
#     (uc_trim.c), into a non-PIE executable. A static link alone does not
#     drop the other 14 engines (uc_open refers to all of them), and a PIE
#     has to apply ~45k relative relocations of Unicorn's tables at every
#     start, one copy-on-write page fault per page.
#     The archive needs only its Libs.private, -lpthread -lm. Measured in
#     docs/redox-run-startup.md.
#   shared: -lunicorn (libunicorn.so.2), as pkg-config says.
# RR_UC_DEPS are prerequisites and RR_UC_LIBS the link arguments of any host
# program that links Unicorn, sanitizer and fuzzer builds included.
RR_UNICORN ?= static
RR_UC_TRIM := $(BUILD)/host/obj/tools/redox-run/uc_trim.o
RR_UC_LIBDIR := $(shell pkg-config --variable=libdir unicorn 2>/dev/null)
RR_UC_ARCHIVE := $(if $(RR_UC_LIBDIR),$(RR_UC_LIBDIR)/libunicorn.a)
RR_UC_STATIC_LIBS := $(filter-out -lunicorn,$(shell pkg-config --static --libs unicorn 2>/dev/null))
RR_UC_VERSION := $(shell pkg-config --modversion unicorn 2>/dev/null)
ifeq ($(RR_UNICORN),static)
ifneq ($(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
ifeq ($(wildcard $(RR_UC_ARCHIVE)),)
$(error RR_UNICORN=static: no libunicorn.a ($(or $(RR_UC_ARCHIVE),pkg-config knows no unicorn)); fix: apt-get install libunicorn-dev, or make RR_UNICORN=shared)
endif
endif
# The engine list in uc_trim.c is Unicorn 2.0's; another version links all.
RR_UC_DEPS := $(if $(filter 2.0.%,$(RR_UC_VERSION)),$(RR_UC_TRIM))
RR_UC_LIBS := -no-pie -Wl,--gc-sections $(RR_UC_DEPS) $(RR_UC_ARCHIVE) $(RR_UC_STATIC_LIBS)
else ifeq ($(RR_UNICORN),shared)
RR_UC_DEPS :=
RR_UC_LIBS := $(shell pkg-config --libs unicorn 2>/dev/null || echo -lunicorn)
else
$(error RR_UNICORN=$(RR_UNICORN): unknown; fix: make RR_UNICORN=static or RR_UNICORN=shared)
endif

$(RR_OBJS) $(RR_OBJS:$(BUILD)/host/%=$(BUILD)/host-san/%): HOST_EXTRA_CFLAGS += $(RR_UC_CFLAGS)

# The emulator's syscall numbers: one generated table per redox_syscall
# version (syscalls/table-*.txt, gen.awk mode emu), included by syscall.c.
RR_GEN := $(BUILD)/gen/redox-run
RR_SYSTABS := $(foreach v,$(SC_VERSIONS),$(RR_GEN)/systab-$(v).inc)
$(RR_GEN)/systab-%.inc: syscalls/table-%.txt syscalls/gen.awk
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(SC_AWK) -v mode=emu $< > $@.tmp && mv $@.tmp $@
$(BUILD)/host/obj/tools/redox-run/syscall.o $(BUILD)/host-san/obj/tools/redox-run/syscall.o: \
	$(RR_SYSTABS) $(SC_GEN)/errno_table.inc
$(BUILD)/host/obj/tools/redox-run/syscall.o $(BUILD)/host-san/obj/tools/redox-run/syscall.o: \
	HOST_EXTRA_CFLAGS += -I$(RR_GEN) -I$(SC_GEN)

# Relinked when the way of linking changes.
RR_LINK_STAMP := $(BUILD)/tools/redox-run/link-mode
$(RR_LINK_STAMP): syscalls-force
	$(Q)mkdir -p $(@D)
	$(Q)[ "$$(cat $@ 2>/dev/null)" = "$(RR_UNICORN) $(RR_UC_LIBS)" ] || echo "$(RR_UNICORN) $(RR_UC_LIBS)" > $@

$(RR_BIN): $(RR_OBJS) $(RR_UC_DEPS) $(RR_LINK_STAMP)
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $(RR_OBJS) $(RR_UC_LIBS)

$(call sysroot_copy,$(REDOX_RUN),$(RR_BIN),755)

# The same program built with ASan+UBSan against the same Unicorn link (the
# sanitizers instrument redox-run's code; Unicorn's archive is not rebuilt).
RR_SAN_BIN := $(BUILD)/host-san/tools/redox-run/redox-run
$(RR_SAN_BIN): $(RR_OBJS:$(BUILD)/host/%=$(BUILD)/host-san/%) $(RR_UC_DEPS) $(RR_LINK_STAMP)
	$(call msg,LINK,asan,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(HOST_SAN_FLAGS) -o $@ $(filter %.o,$(filter-out $(RR_UC_DEPS),$^)) $(RR_UC_LIBS)
