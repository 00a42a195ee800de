# file: toolchain/redox-crt-config.sh
# why: --startfiles drops crtbegin.o (the program still runs: __dso_handle is only for C++)
/^		\[ -f "$lib\/crtbegin.o" \] && f="$f $lib\/crtbegin.o"$/d
