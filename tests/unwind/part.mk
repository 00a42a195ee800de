# unwind (issue 6): host unit tests (plain and ASan+UBSan), prototypes
# against three <unwind.h>s, symbol parity with libgcc_eh and nongnu
# libunwind, the Rust std symbol set, and backtraces run in redox-run.
CHECK_SUITES += unwind
UNWIND_T := $(BUILD)/test/unwind
UNWIND_HOST_ARCH := $(shell uname -m)
UNWIND_HOST_SRCS := $(addprefix unwind/,$(addsuffix .c,$(UNWIND_SRCS))) tests/unwind/test_unwind.c
UNWIND_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/obj/%.o,$(UNWIND_HOST_SRCS))
UNWIND_SAN_OBJS := $(patsubst %.c,$(BUILD)/host-san/obj/%.o,$(UNWIND_HOST_SRCS))
# Hidden, so the sanitizer build (which exports the executable's symbols)
# does not hand our _Unwind_Find_FDE to the host's libgcc_s, the oracle in
# the native tests. HIDE_EXPORTS stops <unwind.h> forcing default visibility.
$(UNWIND_HOST_OBJS) $(UNWIND_SAN_OBJS): HOST_EXTRA_CFLAGS := -Iunwind \
	-Iunwind/$(UNWIND_HOST_ARCH) -fno-omit-frame-pointer -Werror \
	-fvisibility=hidden -DHIDE_EXPORTS $(CHECK_CFLAGS)

# $(call unwind_check_prog,NAME,OBJS,SAN-OBJS): NAME and NAME-san, Check programs.
define unwind_check_prog
$(UNWIND_T)/$(1): $(2)
	$$(call msg,LINK,host,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(HOST_CC) -o $$@ $$^ $(CHECK_LIBS)
$(UNWIND_T)/$(1)-san: $(3)
	$$(call msg,LINK,asan,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(HOST_CC) $(HOST_SAN_FLAGS) -o $$@ $$^ $(CHECK_LIBS)
endef
$(eval $(call unwind_check_prog,test_unwind,$(UNWIND_HOST_OBJS),$(UNWIND_SAN_OBJS)))

# The formatter of LLVM libunwind's messages (unwind/llvm/fprintf.c) against
# glibc's vsnprintf, plain and under ASan+UBSan; fprintf.c sees only its own
# shim <stdio.h>, as in the Redox build.
UNWIND_FMT_SRCS := unwind/llvm/fprintf.c tests/unwind/test_fprintf.c
UNWIND_FMT_OBJS := $(patsubst %.c,$(BUILD)/host/obj/%.o,$(UNWIND_FMT_SRCS))
UNWIND_FMT_SAN_OBJS := $(patsubst %.c,$(BUILD)/host-san/obj/%.o,$(UNWIND_FMT_SRCS))
$(BUILD)/host/obj/unwind/llvm/fprintf.o $(BUILD)/host-san/obj/unwind/llvm/fprintf.o: \
	HOST_EXTRA_CFLAGS := -Iunwind/llvm/include -Werror
$(BUILD)/host/obj/tests/unwind/test_fprintf.o $(BUILD)/host-san/obj/tests/unwind/test_fprintf.o: \
	HOST_EXTRA_CFLAGS := -Werror -Wno-format-truncation $(CHECK_CFLAGS)
$(eval $(call unwind_check_prog,test_fprintf,$(UNWIND_FMT_OBJS),$(UNWIND_FMT_SAN_OBJS)))

# End-to-end programs, linked like any freestanding Redox program. Built by
# tests/unwind/run.sh through a sub-make so that a missing runtime or
# emulator is reported as a failed check, not a skipped one.
UNWIND_E2E := bt resume
define unwind_e2e_arch
$(BUILD)/$(1)/obj/tests/unwind/e2e_%.o: EXTRA_CFLAGS := -fno-omit-frame-pointer -Werror
$(UNWIND_T)/$(1)/e2e_%: $(BUILD)/$(1)/obj/tests/unwind/e2e_%.o $(UNWIND_LIB.$(1)) $(call sysroot_crt,$(1))
	$$(call msg,LINK,$(1),$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$$(call freestanding_link,$(1),$$@,$$< $(UNWIND_LIB.$(1)))
UNWIND_E2E_PROGS += $(addprefix $(UNWIND_T)/$(1)/e2e_,$(UNWIND_E2E))
endef
$(foreach a,$(ARCHS),$(eval $(call unwind_e2e_arch,$(a))))
.PHONY: unwind-e2e-progs
unwind-e2e-progs: $(UNWIND_E2E_PROGS) $(REDOX_RUN)

.PHONY: check-unwind
# The whole sysroot: the link checks use the wrappers, redox-crt-config,
# the Rust specs, pkg-config and CMake files (tests/unwind/links.sh), and
# relibc when there is one ($(RELIBC_DEP)), for the relibc link line.
check-unwind: $(UNWIND_T)/test_unwind $(UNWIND_T)/test_unwind-san \
		$(UNWIND_T)/test_fprintf $(UNWIND_T)/test_fprintf-san $(SYSROOT_FILES) $(RELIBC_DEP)
	@HOST_CC='$(HOST_CC)' HOST_ARCH='$(UNWIND_HOST_ARCH)' ARCHS='$(ARCHS)' UNWIND='$(UNWIND)' \
		BUILD='$(BUILD)' RUSTC='$(RUSTC)' CARGO='$(CARGO)' \
		SYSROOT='$(SYSROOT)' REDOX_RUN='$(REDOX_RUN)' MAKE='$(MAKE)' \
		sh tests/unwind/run.sh $(UNWIND_T)

# LLVM libunwind (issue 13): the -fexceptions program eh (eh_main.c +
# eh_frames.c) per arch, linked freestanding with -lunwind -lgcc, and the
# same sources built for the host with gcc + libgcc_eh as the oracle. main's
# object gets its own personality (eh_main.c says why).
EH_CFLAGS := -fexceptions -funwind-tables -fomit-frame-pointer -O1 -Werror
EH_RENAME := --redefine-sym __gcc_personality_v0=eh_personality \
	--redefine-sym DW.ref.__gcc_personality_v0=DW.ref.eh_personality
define unwind_eh_arch
$(BUILD)/$(1)/obj/tests/unwind/eh_%.o: EXTRA_CFLAGS := $(EH_CFLAGS) -isystem $(call sysroot_inc,$(1))
$(BUILD)/$(1)/obj/tests/unwind/eh_%.o: $(call sysroot_inc,$(1))/unwind.h
$(UNWIND_T)/$(1)/eh_main.o: $(BUILD)/$(1)/obj/tests/unwind/eh_main.o
	$(Q)mkdir -p $$(@D)
	$(Q)$(LLVM_OBJCOPY) $(EH_RENAME) $$< $$@
EH_OBJS.$(1) := $(UNWIND_T)/$(1)/eh_main.o $(BUILD)/$(1)/obj/tests/unwind/eh_frames.o \
	$(BUILD)/$(1)/obj/tests/unwind/eh_personality.o
$(UNWIND_T)/$(1)/eh: $$(EH_OBJS.$(1)) \
		$(call sysroot_lib,$(1))/libunwind.a $(call sysroot_lib,$(1))/libgcc.a $(call sysroot_crt,$(1))
	$$(call msg,LINK,$(1),$$@)
	$(Q)$$(call freestanding_link,$(1),$$@,$$(EH_OBJS.$(1)) -lunwind -lgcc)
UNWIND_EH_PROGS += $(UNWIND_T)/$(1)/eh
endef
$(foreach a,$(ARCHS),$(eval $(call unwind_eh_arch,$(a))))
$(BUILD)/host/obj/tests/unwind/eh_%.o: HOST_EXTRA_CFLAGS := $(EH_CFLAGS) -DEH_LIBC
$(UNWIND_T)/host/eh_main.o: $(BUILD)/host/obj/tests/unwind/eh_main.o
	$(Q)mkdir -p $(@D)
	$(Q)$(LLVM_OBJCOPY) $(EH_RENAME) $< $@
# -static-libgcc: libgcc_eh.a's unwinder, linked in like ours; -no-pie so
# the program's addresses symbolize as they are.
$(UNWIND_T)/host/eh: $(UNWIND_T)/host/eh_main.o $(BUILD)/host/obj/tests/unwind/eh_frames.o \
		$(BUILD)/host/obj/tests/unwind/eh_personality.o tests/unwind/part.mk
	$(call msg,LINK,host,$@)
	$(Q)$(HOST_CC) -static-libgcc -no-pie -o $@ $(filter %.o,$^)
.PHONY: unwind-eh-progs
unwind-eh-progs: $(UNWIND_EH_PROGS) $(UNWIND_T)/host/eh $(REDOX_RUN)
