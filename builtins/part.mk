# SPDX-License-Identifier: MIT
# builtins: compiler-rt builtins and crtbegin/crtend built for the Redox
# targets from Debian's llvm-toolchain-19 source package.
#   lib/libclang_rt.builtins-<arch>.a, the same as lib/libgcc.a (rustc's Redox
#   targets pass -lgcc), lib/crtbegin.o, crtend.o (+ S/T aliases).
# `make BUILTINS=no` leaves all of it (and its tests) out.

BUILTINS ?= yes
ifeq ($(filter yes no,$(BUILTINS)),)
$(error BUILTINS='$(BUILTINS)' is neither yes nor no; fix: make BUILTINS=yes (default) or BUILTINS=no)
endif

# Extracted sources live in the build tree; the downloaded tarball in the
# cache (BUILTINS_CACHE) outside it, so `make clean` costs no download. The
# same extraction holds LLVM libunwind's sources (unwind/llvm/part.mk), so
# the fetch is defined whether or not the builtins are built.
BUILTINS_SRC   := $(BUILD)/builtins-src
BUILTINS_STAMP := $(BUILTINS_SRC)/.stamp
BUILTINS_DIR   := $(BUILTINS_SRC)/compiler-rt/lib/builtins
export BUILTINS_CACHE

$(BUILTINS_STAMP): builtins/fetch-source.sh mk/deb-source.sh
	$(call msg,FETCH,,llvm-toolchain-19 compiler-rt libunwind)
	$(Q)sh builtins/fetch-source.sh $(BUILTINS_SRC)
	$(Q)touch $@

ifeq ($(BUILTINS),yes)
include builtins/sources.mk

# compiler-rt's own flags for a standalone build (-fPIC, hidden symbols,
# -fno-builtin), plus ours: no host headers, no stack protector, unwind
# tables (-ffreestanding drops them) and the CET/BTI flags every Redox object
# carries, so linking these does not strip IBT/BTI from a program.
bi_cflags = --target=$(TRIPLE.$(1)) --sysroot=$(EMPTY_SYSROOT) \
	-ffreestanding -fno-builtin -std=c11 -O2 -fPIC -fvisibility=hidden \
	-DVISIBILITY_HIDDEN -fno-stack-protector -funwind-tables \
	-DCOMPILER_RT_HAS_FLOAT16 $(CROSS_ARCH_FLAGS.$(1)) \
	-Ibuiltins/include -I$(BUILTINS_DIR)
# clang-19 enables __float128 on x86_64 only for the OSes it knows, not for
# *-redox, so the binary128 sources would compile to nothing; LLVM (and so
# Rust's f128) still calls __multf3 & co. The x86-64 psABI is the same, so
# they are compiled for x86_64-linux-gnu with the OS macros removed.
BI_F128_FLAGS.x86_64 := --target=x86_64-unknown-linux-gnu -U__linux__ -U__linux \
	-Ulinux -U__gnu_linux__ -U__unix__ -U__unix -Uunix
$(patsubst %,$(BUILD)/x86_64/builtins/obj/%.o,$(BI_TF) extendxftf2.c trunctfxf2.c): BI_OBJ_FLAGS = $(BI_F128_FLAGS.x86_64)

# What CMake's COMPILER_RT_BUILD_CRT passes for crtbegin.c/crtend.c.
bi_crtflags = --target=$(TRIPLE.$(1)) --sysroot=$(EMPTY_SYSROOT) \
	-std=c11 -O2 -fPIC -fno-stack-protector -DCRT_HAS_INITFINI_ARRAY \
	-DEH_USE_FRAME_REGISTRY $(CROSS_ARCH_FLAGS.$(1))

# Objects depend on the stamp (the whole extracted tree) and on these
# fragments, whose flags they were built with.
BI_DEPS := $(BUILTINS_STAMP) builtins/part.mk builtins/sources.mk
# Extracted files come with the stamp (and .d files may name them).
$(BUILTINS_SRC)/compiler-rt/%: $(BUILTINS_STAMP) ;

define builtins_arch
BI_FILES += $(addprefix $(call sysroot_lib,$(1))/,libclang_rt.builtins-$(1).a \
	libgcc.a crtbegin.o crtbeginS.o crtbeginT.o crtend.o crtendS.o)
BI_OUT.$(1) := $(BUILD)/$(1)/builtins
BI_OBJS.$(1) := $$(patsubst %,$(BUILD)/$(1)/builtins/obj/%.o,$$(call bi_sources,$(1))) \
	$$(BI_OWN_OBJS.$(1))

$(BUILD)/$(1)/builtins/obj/%.c.o: $(BI_DEPS) | $(EMPTY_SYSROOT)
	$$(call msg,CC,$(1),compiler-rt/$$*.c)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call bi_cflags,$(1)) $$(BI_OBJ_FLAGS) -MMD -MP -c $(BUILTINS_DIR)/$$*.c -o $$@

$(BUILD)/$(1)/builtins/obj/%.S.o: $(BI_DEPS) | $(EMPTY_SYSROOT)
	$$(call msg,AS,$(1),compiler-rt/$$*.S)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call bi_cflags,$(1)) -MMD -MP -c $(BUILTINS_DIR)/$$*.S -o $$@

$(BUILD)/$(1)/builtins/crt%.o: $(BI_DEPS) | $(EMPTY_SYSROOT)
	$$(call msg,CC,$(1),compiler-rt/crt$$*.c)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) $$(call bi_crtflags,$(1)) -c $(BUILTINS_DIR)/crt$$*.c -o $$@

$$(call cross_archive,$(BUILD)/$(1)/builtins/libclang_rt.builtins-$(1).a,$$(BI_OBJS.$(1)),$(1))
$$(call sysroot_copy,$(call sysroot_lib,$(1))/libclang_rt.builtins-$(1).a,$(BUILD)/$(1)/builtins/libclang_rt.builtins-$(1).a)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/libgcc.a,$(BUILD)/$(1)/builtins/libclang_rt.builtins-$(1).a)
# LLVM uses one crtbegin for static, PIE and shared links; GCC-style link
# lines name the S (shared/PIE) and T (static) variants.
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crtbegin.o,$(BUILD)/$(1)/builtins/crtbegin.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crtbeginS.o,$(BUILD)/$(1)/builtins/crtbegin.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crtbeginT.o,$(BUILD)/$(1)/builtins/crtbegin.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crtend.o,$(BUILD)/$(1)/builtins/crtend.o)
$$(call sysroot_copy,$(call sysroot_lib,$(1))/crtendS.o,$(BUILD)/$(1)/builtins/crtend.o)
endef

# aarch64: the outline-atomic variants of lse.S and our LSE flag.
BI_OBJS_LSE := $(patsubst %,$(BUILD)/aarch64/builtins/obj/lse/%.o,$(BI_LSE))
$(BUILD)/aarch64/builtins/obj/lse/%.o: $(BI_DEPS) | $(EMPTY_SYSROOT)
	$(call msg,AS,aarch64,compiler-rt/aarch64/lse.S [$*])
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) $(call bi_cflags,aarch64) -DHAS_ASM_LSE \
		-DL_$(word 1,$(subst _, ,$*)) -DSIZE=$(word 2,$(subst _, ,$*)) \
		-DMODEL=$(word 3,$(subst _, ,$*)) -c $(BUILTINS_DIR)/aarch64/lse.S -o $@

BI_OWN_OBJS.aarch64 := $(BI_OBJS_LSE) $(BUILD)/aarch64/obj/builtins/aarch64/have_lse_atomics.o

$(foreach a,$(ARCHS),$(eval $(call builtins_arch,$(a))))

.PHONY: builtins
builtins: $(BI_FILES)
endif
