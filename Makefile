# redox-crt: runtime support layer (crt objects, syscalls, unwind, builtins,
# toolchain glue) for x86_64- and aarch64-unknown-redox, built as a sysroot.
#
#   make                      build build/sysroot for both targets
#   make check                run every test suite
#   make install PREFIX=...   install the sysroot (DESTDIR supported)
#   make uninstall            remove exactly what install put there
#   make V=1                  show full commands
#
# Each part of the tree contributes a <part>/part.mk fragment; see mk/README.

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

include mk/config.mk
include mk/deps.mk
include mk/rules.mk

# Parts, in dependency order where it matters (later fragments may use
# variables set by earlier ones).
PARTS := crt syscalls start unwind builtins unwind/llvm stubs tools/redox-run \
         tools/redox-elfcheck toolchain relibc tests bench
include $(wildcard $(addsuffix /part.mk,$(PARTS)))

include mk/install.mk
include mk/check.mk

.PHONY: all
all: $(SYSROOT_FILES)

.PHONY: clean
clean:
	$(call msg,RM,,$(BUILD))
	$(Q)rm -rf $(BUILD)

.PHONY: help
help:
	@sed -n '2,10p' Makefile | sed 's/^# \{0,1\}//'
