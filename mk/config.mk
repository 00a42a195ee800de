# Configuration shared by every part.

ALL_ARCHS := x86_64 aarch64
# ARCH=x is accepted as a synonym of ARCHS=x; triples are accepted too.
ifdef ARCH
ARCHS := $(ARCH)
endif
ARCHS ?= $(ALL_ARCHS)
override ARCHS := $(patsubst %-unknown-redox,%,$(ARCHS))
ifneq ($(filter-out $(ALL_ARCHS),$(ARCHS)),)
$(error unknown target '$(filter-out $(ALL_ARCHS),$(ARCHS))' in ARCHS: redox-crt builds x86_64 and aarch64 (or x86_64-unknown-redox, aarch64-unknown-redox); fix: make ARCHS="x86_64 aarch64" or one of them)
endif

TRIPLE.x86_64  := x86_64-unknown-redox
TRIPLE.aarch64 := aarch64-unknown-redox
TRIPLES := $(foreach a,$(ARCHS),$(TRIPLE.$(a)))

VERSION := 0.1.0

BUILD   := build
SYSROOT := $(BUILD)/sysroot
# Per-target library and header directories inside the sysroot.
sysroot_lib = $(SYSROOT)/$(TRIPLE.$(1))/lib
sysroot_inc = $(SYSROOT)/$(TRIPLE.$(1))/include
SYSROOT_BIN   := $(SYSROOT)/bin
SYSROOT_SHARE := $(SYSROOT)/share/redox-crt
# An empty directory passed as --sysroot so host headers never leak in.
EMPTY_SYSROOT := $(BUILD)/empty-sysroot

# Which redox_syscall version the syscall table models (see syscalls/).
SYSCALL_VERSION ?= 0.6.0

# Cross toolchain: Debian's LLVM 19.
LLVM_SUFFIX ?= -19
CLANG    := clang$(LLVM_SUFFIX)
LD_LLD   := ld.lld$(LLVM_SUFFIX)
LLVM_AR  := llvm-ar$(LLVM_SUFFIX)
LLVM_NM  := llvm-nm$(LLVM_SUFFIX)
LLVM_OBJDUMP   := llvm-objdump$(LLVM_SUFFIX)
LLVM_OBJCOPY   := llvm-objcopy$(LLVM_SUFFIX)
LLVM_READELF   := llvm-readelf$(LLVM_SUFFIX)
LLVM_DWARFDUMP := llvm-dwarfdump$(LLVM_SUFFIX)
LLVM_SIZE      := llvm-size$(LLVM_SUFFIX)
export CLANG LD_LLD LLVM_AR LLVM_NM LLVM_OBJDUMP LLVM_OBJCOPY LLVM_READELF \
       LLVM_DWARFDUMP LLVM_SIZE

# Flags for code built for Redox. $(1) is the arch.
CROSS_ARCH_FLAGS.x86_64  := -fcf-protection=full
CROSS_ARCH_FLAGS.aarch64 := -mbranch-protection=standard
cross_cflags = --target=$(TRIPLE.$(1)) --sysroot=$(EMPTY_SYSROOT) \
	-ffreestanding -fno-stack-protector -fno-pic -O2 -g -ffunction-sections -fdata-sections \
	-fno-omit-frame-pointer -funwind-tables \
	-std=c11 -Wall -Wextra -Werror=implicit-function-declaration \
	$(CROSS_ARCH_FLAGS.$(1)) -Iinclude -I$(BUILD)/gen/$(1)/include
cross_asflags = --target=$(TRIPLE.$(1)) --sysroot=$(EMPTY_SYSROOT) \
	$(CROSS_ARCH_FLAGS.$(1)) -Iinclude -I$(BUILD)/gen/$(1)/include -Icrt/$(1)
# ld.lld writes a static, non-PIE ET_EXEC by default.
cross_ldflags = -static --no-pie -z noexecstack --eh-frame-hdr

# Host tools and host-side tests.
HOST_CC ?= cc
HOST_CFLAGS ?= -O2 -g -Wall -Wextra -std=gnu11
HOST_SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)

# Quiet output: "  CC      x86_64  crt/crt0.o"; V=1 prints full commands.
V ?= 0
ifeq ($(V),1)
Q :=
msg =
else
Q := @
msg = @printf '  %-7s %-8s %s\n' '$(1)' '$(2)' '$(3)';
endif

# Names parts use to refer to each other's products (defined here so that the
# order of part.mk inclusion does not matter).
REDOX_RUN      := $(SYSROOT_BIN)/redox-run
REDOX_ELFCHECK := $(SYSROOT_BIN)/redox-elfcheck
# $(call sysroot_crt,ARCH): the crt objects and the freestanding runtime and
# syscall archives of ARCH in the built sysroot (for link prerequisites).
sysroot_crt = $(addprefix $(call sysroot_lib,$(1))/,crt0.o crti.o crtn.o \
	libredox_start.a libredox_syscall.a)
# $(call freestanding_link,ARCH,OUT,OBJS...): command that links a freestanding
# Redox program (no relibc) against the built sysroot, in the canonical order.
freestanding_link = $(LD_LLD) $(cross_ldflags) --gc-sections -o $(2) \
	$(call sysroot_lib,$(1))/crt0.o $(call sysroot_lib,$(1))/crti.o $(3) \
	-L$(call sysroot_lib,$(1)) -lredox_start -lredox_syscall \
	$(call sysroot_lib,$(1))/crtn.o
# Headers generated from the syscall table (syscalls/part.mk); every cross C
# compile waits for them (order-only), .d files track real use afterwards.
syscall_headers = $(addprefix $(BUILD)/gen/$(1)/include/redox/,syscall_numbers.h \
	syscall_wrappers.h errno_numbers.h syscall_arch.h)
