# redox-run: run Redox x86_64/aarch64 programs on Linux (Unicorn 2.0.1).
# Other parts run e2e programs with `$(REDOX_RUN) prog args` and compare
# stdout and the exit status; see `redox-run --help` for the statuses.

RR_SRCS := $(addprefix tools/redox-run/,main.c elf.c stack.c vm.c syscall.c fd.c call.c fdtab.c fs.c \
	x86_64/cpu.c aarch64/cpu.c) tools/common/redox-load.c
RR_OBJS := $(RR_SRCS:%.c=$(BUILD)/host/obj/%.o)
RR_BIN  := $(BUILD)/tools/redox-run/redox-run
RR_UC_CFLAGS := $(shell pkg-config --cflags unicorn 2>/dev/null)
RR_UC_LIBS   := $(shell pkg-config --libs unicorn 2>/dev/null || echo -lunicorn)

$(RR_OBJS) $(RR_OBJS:$(BUILD)/host/%=$(BUILD)/host-san/%): HOST_EXTRA_CFLAGS += $(RR_UC_CFLAGS)

# The emulator's syscall numbers: one generated table per redox_syscall
# version (syscalls/table-*.txt, gen.awk mode emu), included by syscall.c.
RR_GEN := $(BUILD)/gen/redox-run
RR_SYSTABS := $(foreach v,$(SC_VERSIONS),$(RR_GEN)/systab-$(v).inc)
$(RR_GEN)/systab-%.inc: syscalls/table-%.txt syscalls/gen.awk
	$(call msg,GEN,,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(SC_AWK) -v mode=emu $< > $@.tmp && mv $@.tmp $@
$(BUILD)/host/obj/tools/redox-run/syscall.o $(BUILD)/host-san/obj/tools/redox-run/syscall.o: $(RR_SYSTABS)
$(BUILD)/host/obj/tools/redox-run/syscall.o $(BUILD)/host-san/obj/tools/redox-run/syscall.o: \
	HOST_EXTRA_CFLAGS += -I$(RR_GEN)

$(RR_BIN): $(RR_OBJS)
	$(call msg,LINK,host,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $^ $(RR_UC_LIBS)

$(call sysroot_copy,$(REDOX_RUN),$(RR_BIN),755)
