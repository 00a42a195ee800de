# make install PREFIX=/usr/local [DESTDIR=...] [FORCE=1]; make uninstall (same
# PREFIX). The sysroot lands as $(PREFIX)/<triple>/{lib,include},
# $(PREFIX)/bin and $(PREFIX)/share/redox-crt, the layout of build/sysroot
# (mk/install.sh: an A/B slot switched by one rename, docs/install.md).
# PREFIX and DESTDIR reach the script through the environment, as data:
# no quote, space or ';' in them is ever parsed by a shell.
PREFIX ?= /usr/local
FORCE ?= 0

.PHONY: install uninstall
install uninstall: export REDOX_CRT_PREFIX = $(PREFIX)
install uninstall: export REDOX_CRT_DEST = $(DESTDIR)$(PREFIX)
install uninstall: export REDOX_CRT_SYSROOT = $(SYSROOT)
install uninstall: export FORCE := $(FORCE)
install: all $(INSTALL_EXTRA)
	$(Q)sh mk/install.sh install "$$REDOX_CRT_SYSROOT" "$$REDOX_CRT_DEST" "$$REDOX_CRT_PREFIX"

uninstall:
	$(Q)sh mk/install.sh uninstall "$$REDOX_CRT_DEST" "$$REDOX_CRT_PREFIX"
