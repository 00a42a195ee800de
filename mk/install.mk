# make install PREFIX=/usr/local [DESTDIR=...]; make uninstall (same PREFIX).
# The sysroot lands as $(PREFIX)/<triple>/{lib,include}, $(PREFIX)/bin and
# $(PREFIX)/share/redox-crt, the layout of build/sysroot.
PREFIX ?= /usr/local
ifneq ($(filter /%,$(PREFIX)),$(PREFIX))
ifneq ($(filter install uninstall,$(MAKECMDGOALS)),)
$(error PREFIX '$(PREFIX)' is not an absolute path; fix: make install PREFIX=/absolute/path)
endif
endif
INSTALL_DEST = $(DESTDIR)$(PREFIX)

.PHONY: install uninstall
install: all $(INSTALL_EXTRA)
	$(Q)sh mk/install.sh install $(SYSROOT) '$(INSTALL_DEST)'

uninstall:
	$(Q)sh mk/install.sh uninstall '$(INSTALL_DEST)'
